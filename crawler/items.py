"""Items: the contract between the spiders and storage. Spiders yield these; pipelines validate
and store them; nothing else crosses from crawling to the database."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


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
    source: str | None = None  # the crawl source it belongs to (not a column)

    def __repr__(self):
        return f"Statement({self.id}, {self.kind})"

    def row(self) -> dict:
        """The dict `db.save.save_statements` takes (None values left out, `raw` kept)."""
        # Not dataclasses.asdict: it deep-copies `raw`, which costs more than the rest of a crawl.
        return {name: value for name in _STATEMENT_FIELDS if (value := getattr(self, name)) is not None}


_STATEMENT_FIELDS = tuple(f.name for f in fields(Statement) if f.name != "source")


@dataclass
class StatementSource:
    """An article a (news) statement appeared in -> `statement_sources`."""

    statement_id: str
    source_url: str
    title: str | None = None
    outlet: str | None = None
    published_at: str | None = None
    context: str | None = None
    source: str | None = None

    def row(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "source" and getattr(self, f.name) is not None}


@dataclass
class SourceDone:
    """Emitted once per source, after every item of that source: storage then saves what is
    buffered, marks `deleted` statements, advances the crawl state and records the `crawls` row.
    `emitted` is how many Statement items the spider yielded for the source, so storage can wait
    for the stragglers that item processing may still be carrying."""

    run: Any  # crawler.spiders.base.SourceRun
    emitted: int = 0
    deleted: list = field(default_factory=list)
    state: dict | None = None  # new crawl_state fields, or None to leave it as it is

    def __repr__(self):  # logs stay short: the run carries every id seen
        return f"SourceDone({self.run.source.id}, emitted={self.emitted}, deleted={len(self.deleted)})"
