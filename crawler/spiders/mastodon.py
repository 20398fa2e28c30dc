"""Mastodon: a leader's own posts from their home instance's public API.

GET /api/v1/accounts/lookup?acct=... (once; the account id is cached in crawl_state.native_id),
then /api/v1/accounts/:id/statuses?limit=40, newest first, following the Link header's `next`
until an empty page, no `next`, or a page reaching below the high-water mark and the 7-day
re-read window. Posts of the last 7 days that vanished from the listing are checked with
GET /api/v1/statuses/:id: only a 404 marks them deleted.

A reply or quote-post is judged with the post it answers or quotes, so that post's text goes in
the statement's `context`: a quote carries the quoted status; a reply names only
`in_reply_to_id`, so its parent is taken from the same page (a thread) or asked for once with
GET /api/v1/statuses/:id (at most ONRECORD_MAX_CONTEXT_FETCHES a source and crawl, and never for
a reply stored before); the reply is emitted when the answer comes, with or without it.
"""
from __future__ import annotations

import json
import re
from urllib.parse import quote

from onrecord.crawler.items import Statement
from onrecord.crawler.spiders.base import Fault, SourceFailed, SourceSpider
from onrecord.crawler.text import html_to_text
from onrecord.db.times import to_utc
from onrecord.vocabulary import MASTODON

LINK = re.compile(r'<([^>]+)>\s*;\s*rel="?([a-z]+)"?')
PAGE_LIMIT = 40  # the API's maximum


def parse_link_header(value: str | None) -> dict:
    return {rel: url for url, rel in LINK.findall(value or "")}


class MastodonSpider(SourceSpider):
    name = MASTODON
    checks_deletions = True
    full_history = True  # an account's statuses, paged to the end, go back to its first post

    @staticmethod
    def instance(crawl) -> str:
        return crawl.source.handle.split("@", 1)[1].lower()

    def api_root(self, crawl) -> str:
        return (crawl.source.api or f"https://{self.instance(crawl)}").rstrip("/")

    def begin(self, crawl):
        if crawl.native_id:
            yield self.statuses_request(crawl)
        else:
            yield self.lookup_request(crawl)

    def lookup_request(self, crawl):
        return self.request(crawl, f"{self.api_root(crawl)}/api/v1/accounts/lookup?acct={quote(crawl.source.handle)}",
                            "parse_lookup")

    def statuses_request(self, crawl, url=None):
        url = url or f"{self.api_root(crawl)}/api/v1/accounts/{crawl.native_id}/statuses?limit={PAGE_LIMIT}"
        return self.request(crawl, url, "parse_statuses")

    def parse_lookup(self, response, crawl):
        if response.status in (404, 410):
            message = self.error_body(response).get("error") or f"HTTP {response.status}"
            raise SourceFailed(f"account not found on {self.instance(crawl)}: {message}")
        if response.status in (401, 403):
            raise SourceFailed(f"{self.instance(crawl)} requires authentication for its API (HTTP {response.status})")
        account = self.json(response)
        if not isinstance(account, dict) or not account.get("id"):
            raise Fault("unexpected JSON (no account id)")
        if account.get("suspended"):
            raise SourceFailed(f"account suspended on {self.instance(crawl)}")
        crawl.native_id = str(account["id"])
        crawl.created_at = _time_or_none(account.get("created_at"))
        yield self.statuses_request(crawl)

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.max_context_fetches = crawler.settings.getint("ONRECORD_MAX_CONTEXT_FETCHES")
        return spider

    def parse_statuses(self, response, crawl):
        if response.status == 404 and not crawl.extra.get("relooked"):
            # The cached account id went stale (account moved or re-created): look it up again.
            crawl.extra["relooked"] = True
            crawl.native_id = None
            yield self.lookup_request(crawl)
            return
        statuses = self.json(response)
        if not isinstance(statuses, list):
            raise Fault("unexpected JSON (not a list of statuses)")
        crawl.pages += 1
        oldest = None
        page = {str(status["id"]): status for status in statuses if isinstance(status, dict) and "id" in status}
        for statement in self.each_item(crawl, statuses, self.listed_status):
            published = statement.published_at
            oldest = published if oldest is None or (published and published < oldest) else oldest
            if statement.kind == "reply" and statement.context is None and statement.in_reply_to:
                parent_id = statement.in_reply_to.rsplit(":", 1)[1]
                parent = page.get(parent_id)
                if parent is not None:
                    statement.context = self.text_of(parent)
                elif self.needs_parent(statement, published, crawl):
                    yield self.parent_request(crawl, statement, parent_id)
                    continue
            yield statement
        crawl.read_page(oldest)
        links = parse_link_header(response.headers.get("Link", b"").decode("latin-1"))
        next_url = links.get("next")
        if self.keep_paging(crawl, bool(statuses and next_url), oldest):
            visited = crawl.extra.setdefault("visited", set())
            if next_url == response.url or next_url in visited:
                raise Fault("pagination loop")
            visited.add(response.url)
            yield self.statuses_request(crawl, next_url)

    def listed_status(self, status, crawl) -> Statement:
        """One status of a listing page as a statement (raises on one of the wrong shape)."""
        if not isinstance(status, dict) or "id" not in status:
            raise Fault("not a status")
        statement = self.statement(status, crawl)
        statement.published_at = to_utc(status.get("created_at"))
        crawl.seen.add(statement.id)
        crawl.saw(statement.published_at)
        return statement

    # -- context: the post a reply answers -----------------------------------------------------------
    def needs_parent(self, statement: Statement, published: str | None, crawl) -> bool:
        """Ask for a reply's parent only for a reply not stored before, within the crawl's limit."""
        known = crawl.extra.setdefault("known", {statement_id for statement_id, _, _ in crawl.recent})
        high_water = crawl.state.get("high_water")
        if statement.id in known or (high_water and published and published <= high_water):
            return False
        fetched = crawl.extra.get("context_fetches", 0)
        if fetched >= self.max_context_fetches:
            crawl.skip("reply context not fetched (limit of a crawl)", fault=False)
            return False
        crawl.extra["context_fetches"] = fetched + 1
        return True

    def parent_request(self, crawl, statement: Statement, parent_id):
        return self.request(crawl, f"{self.api_root(crawl)}/api/v1/statuses/{parent_id}", "parse_parent",
                            critical=False, fallback="without_parent", meta={"statement": statement})

    def parse_parent(self, response, crawl):
        statement = response.meta["statement"]
        parent = self.error_body(response) if response.status == 200 else {}
        if parent.get("content") is not None:
            statement.context = self.text_of(parent) or None
        else:
            crawl.skip(f"reply context unavailable: HTTP {response.status}", fault=False)
        yield statement

    def without_parent(self, request, crawl):
        yield request.meta["statement"]

    @staticmethod
    def text_of(status: dict) -> str:
        shown = status.get("reblog") or status
        return html_to_text(shown.get("content"), drop_classes=("quote-inline",))

    def statement(self, status: dict, crawl) -> Statement:
        instance = self.instance(crawl)
        kind, shown, original_author, context = "post", status, None, None
        reblog = status.get("reblog")
        if reblog:
            kind, shown = "repost", reblog
            original_author = self.full_acct(reblog.get("account") or {}, instance)
        elif status.get("quote"):
            kind = "quote"
            quoted = (status["quote"] or {}).get("quoted_status") or {}
            original_author = self.full_acct(quoted.get("account") or {}, instance) or None
            context = self.text_of(quoted) or None if quoted.get("content") is not None else None
        elif status.get("in_reply_to_id"):
            kind = "reply"
        # Clients that show quotes natively drop the "RE: <link>" fallback paragraph; so do we.
        text = html_to_text(shown.get("content"), drop_classes=("quote-inline",) if kind == "quote" else ())
        return Statement(
            id=f"mastodon:{instance}:{status['id']}",
            leader_id=crawl.source.leader_id,
            account_id=crawl.source.id,
            platform=MASTODON,
            kind=kind,
            text=text,
            url=shown.get("url") or shown.get("uri"),
            published_at=status.get("created_at"),
            edited_at=shown.get("edited_at") if kind != "repost" else None,
            lang=shown.get("language"),
            original_author=original_author,
            content_warning=shown.get("spoiler_text") or None,
            in_reply_to=f"mastodon:{instance}:{status['in_reply_to_id']}" if kind == "reply" else None,
            context=context,
            raw=json.dumps(status, ensure_ascii=False),
        )

    @staticmethod
    def full_acct(account: dict, instance: str) -> str | None:
        acct = account.get("acct")
        if not acct:
            return None
        return acct if "@" in acct else f"{acct}@{instance}"

    # -- deletions ----------------------------------------------------------------------------
    def closing(self, crawl):
        for statement_id in self.vanished(crawl):
            status_id = statement_id.rsplit(":", 1)[1]
            yield self.request(crawl, f"{self.api_root(crawl)}/api/v1/statuses/{status_id}", "parse_check",
                               critical=False, meta={"statement_id": statement_id})

    def parse_check(self, response, crawl):
        # Only the API's own JSON "not found" is a deletion; a proxy's 404 page is not.
        if response.status == 404 and self.error_body(response).get("error"):
            crawl.deleted.append(response.meta["statement_id"])
        elif response.status >= 400:
            crawl.skip(f"check skipped: HTTP {response.status}", fault=False)
        return ()


def _time_or_none(value) -> str | None:
    try:
        return to_utc(value)
    except ValueError:
        return None
