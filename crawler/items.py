"""Items: the contract between the spiders and storage. Spiders yield these; pipelines validate
and store them; nothing else crosses from crawling to the database."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from onrecord.crawler.bookkeeping import SourceReport


@dataclass
class Statement:
    """One post (or news quote) as it will become a `statements` row, plus its raw payload."""

    id: str
    leader_id: str
    account_id: str | None
    platform: str
    kind: str
    text: str
    url: str | None = None
    published_at: str | None = None
    edited_at: str | None = None
    lang: str | None = None
    source_url: str | None = None
    context: str | None = None
    original_author: str | None = None
    content_warning: str | None = None
    in_reply_to: str | None = None
    raw: Any = None  # the payload it came from (dict or str) -> statement_raw
    source_id: str | None = None  # the id of the crawl Source it came from (not a column)

    def __repr__(self):
        return f"Statement({self.id}, {self.kind})"

    def row(self) -> dict:
        """The dict `db.save.save_statements` takes (None values left out, `raw` kept)."""
        # Not dataclasses.asdict: it deep-copies `raw`, which costs more than the rest of a crawl.
        return {name: value for name in _STATEMENT_FIELDS if (value := getattr(self, name)) is not None}


_STATEMENT_FIELDS = tuple(f.name for f in fields(Statement) if f.name != "source_id")


@dataclass
class StatementSource:
    """An article a (news) statement appeared in -> `statement_sources`."""

    statement_id: str
    source_url: str
    title: str | None = None
    outlet: str | None = None
    published_at: str | None = None
    context: str | None = None
    source_id: str | None = None  # the crawl Source it came from (not a column)

    def row(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)
                if f.name != "source_id" and getattr(self, f.name) is not None}


@dataclass
class ArticleRead:
    """A news article read that names watched leaders (by full name) -> article_mentions: the
    "M news articles that name them" of a leader's coverage sentence."""

    url: str
    leader_ids: list
    published_at: str | None = None
    outlet: str | None = None
    title: str | None = None
    source_id: str | None = None  # the crawl Source that read it

    def rows(self) -> list[dict]:
        return [{"article_url": self.url, "leader_id": leader_id, "published_at": self.published_at,
                 "outlet": self.outlet, "title": self.title, "source": self.source_id}
                for leader_id in self.leader_ids]


@dataclass
class SourceDone:
    """Emitted once per source, after every item of that source: storage then saves what is
    buffered, marks `deleted` statements, advances the crawl state and records the `crawls` row.
    `emitted` is how many Statement items the spider yielded for the source, so storage can wait
    for the stragglers that item processing may still be carrying."""

    report: SourceReport  # the spider's account of the source (requests, skips, failure)
    emitted: int = 0
    deleted: list = field(default_factory=list)
    state: dict | None = None  # new crawl_state fields, or None to leave it as it is
    leader_ids: list | None = None  # news: the leaders it looked for quotes by (crawl_leaders)

    @property
    def source_id(self) -> str:
        return self.report.source.id

    def __repr__(self):  # logs stay short
        return f"SourceDone({self.source_id}, emitted={self.emitted}, deleted={len(self.deleted)})"
