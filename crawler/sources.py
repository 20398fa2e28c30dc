"""What a crawl reads: one `Source` per watchlist account, per news feed or page, and, when the
watchlist has an `archive:`, one news-archive search per leader plus the archive's probe.

A source's id is its account id (`mastodon:alice@example.social`, `rss:<url>`), for news its URL,
for the archive `archive:<leader id>` (and `archive:topic` for the probe); it keys the source's
`crawl_state` row and its `crawls` rows.
"""
from __future__ import annotations

from dataclasses import dataclass

from onrecord.vocabulary import ARCHIVE, NEWS

X_TOKEN_ENV = "ONRECORD_X_BEARER_TOKEN"
X_SKIPPED = f"no token ({X_TOKEN_ENV} is not set)"
PROBE_ID = f"{ARCHIVE}:topic"


@dataclass
class Source:
    id: str  # account id ("mastodon:alice@example.social", "rss:<url>"), a news URL, "archive:<leader id>"
    platform: str
    leader_id: str | None = None
    handle: str | None = None
    url: str | None = None
    api: str | None = None
    name: str | None = None
    leaders: tuple | None = None  # news: the leaders a scoped feed is read for (None: every leader)
    query: str | None = None  # archive: the search query

    @classmethod
    def from_account(cls, account: dict, leader_id: str) -> "Source":
        return cls(id=account["id"], platform=account["platform"], leader_id=leader_id,
                   handle=account.get("handle"), url=account.get("url"), api=account.get("api"))

    @property
    def account_id(self) -> str | None:
        """The `accounts` row it is (None for news and the archive, whose sources are not accounts)."""
        return None if self.platform in (NEWS, ARCHIVE) else self.id


def archive_sources(watchlist: dict, leaders: list[dict]) -> list[Source]:
    """The archive's probe, then one search per leader (crawler/gdelt.py builds the queries)."""
    from onrecord.crawler import gdelt

    archive = watchlist["archive"]
    api, terms = archive.get("api") or gdelt.DEFAULT_API, archive["terms"]
    probe = gdelt.topic_query(terms)
    sources = [Source(id=PROBE_ID, platform=ARCHIVE, url=gdelt.query_url(api, probe), api=api, query=probe,
                      name="the archive's coverage of the topic")]
    for leader in leaders:
        query = gdelt.leader_query(leader, terms)
        sources.append(Source(id=f"{ARCHIVE}:{leader['id']}", platform=ARCHIVE, leader_id=leader["id"],
                              url=gdelt.query_url(api, query), api=api, query=query, name=leader["name"]))
    return sources


def build_sources(watchlist: dict, platforms=None, leaders=None) -> list[Source]:
    """The sources to crawl, filtered like `onrecord crawl --platform/--leader` (a --leader filter
    leaves news and the archive out unless --platform names them)."""
    sources = []
    for leader in watchlist.get("leaders", []):
        if leaders and leader["id"] not in leaders:
            continue
        for account in leader.get("accounts", []):
            if platforms and account["platform"] not in platforms:
                continue
            sources.append(Source.from_account(account, leader["id"]))

    def wanted(platform):
        return (not platforms or platform in platforms) and (not leaders or (platforms and platform in platforms))

    if wanted(NEWS):
        for news in watchlist.get("news", []):
            scope = tuple(news.get("leaders") or ()) or None
            if scope and leaders and not set(scope) & set(leaders):
                continue  # a feed scoped to leaders this crawl is not about
            sources.append(Source(id=news["url"], platform=NEWS, url=news["url"], name=news.get("name"),
                                  leaders=scope))
    if wanted(ARCHIVE) and watchlist.get("archive"):
        sources += archive_sources(watchlist, watched_leaders(watchlist, leaders))
    return sources


def watched_leaders(watchlist: dict, leaders=None) -> list[dict]:
    """The watchlist's leaders a crawl is about (all, or those named by --leader): news quotes
    are attributed only to them."""
    return [leader for leader in watchlist.get("leaders", []) if not leaders or leader["id"] in leaders]
