"""What a crawl reads: one `Source` per watchlist account and per news feed or page.

A source's id is its account id (`mastodon:alice@example.social`, `rss:<url>`) or, for news, its
URL; it keys the source's `crawl_state` row and its `crawls` rows.
"""
from __future__ import annotations

from dataclasses import dataclass

from onrecord.vocabulary import NEWS

X_TOKEN_ENV = "ONRECORD_X_BEARER_TOKEN"
X_SKIPPED = f"skipped: {X_TOKEN_ENV} is not set"


@dataclass
class Source:
    id: str  # account id ("mastodon:alice@example.social", "rss:<url>") or a news URL
    platform: str
    leader_id: str | None = None
    handle: str | None = None
    url: str | None = None
    api: str | None = None
    name: str | None = None

    @classmethod
    def from_account(cls, account: dict, leader_id: str) -> "Source":
        return cls(id=account["id"], platform=account["platform"], leader_id=leader_id,
                   handle=account.get("handle"), url=account.get("url"), api=account.get("api"))

    @property
    def account_id(self) -> str | None:
        """The `accounts` row it is (None for news, whose sources are not accounts)."""
        return None if self.platform == NEWS else self.id


def build_sources(watchlist: dict, platforms=None, leaders=None) -> list[Source]:
    """The sources to crawl, filtered like `onrecord crawl --platform/--leader` (a --leader filter
    leaves news out unless --platform news is given)."""
    sources = []
    for leader in watchlist.get("leaders", []):
        if leaders and leader["id"] not in leaders:
            continue
        for account in leader.get("accounts", []):
            if platforms and account["platform"] not in platforms:
                continue
            sources.append(Source.from_account(account, leader["id"]))
    want_news = (not platforms or NEWS in platforms) and (not leaders or (platforms and NEWS in platforms))
    if want_news:
        for news in watchlist.get("news", []):
            sources.append(Source(id=news["url"], platform=NEWS, url=news["url"], name=news.get("name")))
    return sources


def watched_leaders(watchlist: dict, leaders=None) -> list[dict]:
    """The watchlist's leaders a crawl is about (all, or those named by --leader): news quotes
    are attributed only to them."""
    return [leader for leader in watchlist.get("leaders", []) if not leaders or leader["id"] in leaders]
