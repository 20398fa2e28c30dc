"""The shared base spider: one spider crawls many sources of its platform, keeping a SourceCrawl
(crawler/bookkeeping.py) per source: requests, pages, skips with reasons, failure.

Spiders only parse: they never touch the database. What they need from it (each source's
crawl_state, the ids a deletion check compares against) is read before the crawl by
crawler/crawl.py and handed in; what they find leaves as items (crawler/items.py).

A platform spider defines:
    name = "mastodon"                      # the platform (crawler/crawl.py's SPIDERS maps it here)
    def begin(self, crawl): ...            # yield the first request(s) made with self.request()
    def closing(self, crawl): ...          # optional: more requests once the listing is done
                                           # (deletion checks); called once
    def final_state(self, crawl) -> dict   # optional: crawl_state fields to store when done
    full_history = True                    # optional: the listing, read to its end, is the
                                           # account's whole history (not a recent window)

Handlers report what they read, so each crawl records the window it covered: a usable listing
page calls `crawl.read_page(oldest time on it)`, an answer "nothing new" `crawl.unchanged()`.

Handlers named in self.request(crawl, url, "handler_name") are called as handler(response, crawl)
and yield Statement items and further self.request(...) Requests. They raise `Fault` to skip a
response with a counted reason (the source becomes partial) and `SourceFailed` to fail the
source (an unknown account). A page's items go through `self.each_item(crawl, items, parse)`, so
an item of the wrong shape (a number where text belongs, a bad date, a null, a missing key) is
skipped and counted with its reason while the rest of the page is kept. Every request gets an answer, whatever its HTTP status
(`handle_httpstatus_all`), and connection errors come back as counted skips, so each source ends
exactly once, with one SourceDone item after all of its statements.
"""
from __future__ import annotations

import json
import logging
from types import GeneratorType

import scrapy
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
    UnsupportedURLSchemeError,
)
from twisted.internet.error import (
    ConnectionLost,
    ConnectionRefusedError,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError as TwistedTimeoutError,
)
from twisted.web._newclient import ResponseNeverReceived

from onrecord.crawler.bookkeeping import SourceCrawl
from onrecord.crawler.items import SourceDone, Statement, StatementSource
from onrecord.db.times import days_ago, utc_now

logger = logging.getLogger(__name__)


class Fault(Exception):
    """A response that cannot be used; the message is the counted skip reason."""


class SourceFailed(Exception):
    """The source itself is unusable (unknown, suspended, refused): fail it with this message."""


def describe_failure(failure) -> str:
    """A short, aggregatable reason for a request that got no response."""
    error = failure.value
    if isinstance(error, (DownloadTimeoutError, TwistedTimeoutError, TCPTimedOutError)):
        return "timeout"
    if isinstance(error, DownloadCancelledError):
        return "response over size limit" if "size" in str(error).lower() else "download cancelled"
    if isinstance(error, IgnoreRequest):
        message = str(error) or "request ignored"
        return "forbidden by robots.txt" if "robots" in message.lower() else message
    if isinstance(error, (DNSLookupError, CannotResolveHostError)):
        return "DNS lookup failed"
    if isinstance(error, (ConnectionRefusedError, DownloadConnectionRefusedError)):
        return "connection refused"
    if isinstance(error, (ConnectionLost, ResponseNeverReceived, DownloadFailedError, ResponseDataLossError)):
        return "connection lost"
    if isinstance(error, UnsupportedURLSchemeError):
        return "unsupported URL scheme"
    return f"download error: {type(error).__name__}"


# What parsing an item of the wrong shape raises: a missing key, a null or a number where a dict
# or text belongs, a date that does not parse, an id that is not a number.
ITEM_ERRORS = (KeyError, IndexError, TypeError, AttributeError, ValueError)


def item_problem(error: Exception) -> str:
    """A short, aggregatable skip reason for an item whose parsing raised `error`."""
    if isinstance(error, Fault):
        return f"invalid item: {error}"
    if isinstance(error, KeyError) and error.args and isinstance(error.args[0], str) and len(error.args[0]) < 40:
        return f"invalid item: no {error.args[0]!r}"
    if isinstance(error, (TypeError, AttributeError, KeyError, IndexError)):
        return "invalid item: a field of the wrong type"
    if "date" in str(error) or "time" in str(error):
        return "invalid item: unreadable date"
    return "invalid item: unreadable value"


class SourceSpider(scrapy.Spider):
    checks_deletions = False  # True: crawler/crawl.py hands in each source's recent statement ids
    full_history = False  # True: a listing read to its end holds everything the account posted

    def __init__(self, sources=(), states=None, recent=None, *args, **kwargs):
        """`states`: source id -> its crawl_state row as stored before this crawl; `recent`:
        source id -> [(statement id, kind, published_at)] stored for it in the re-read window,
        newest first (only for spiders that check deletions)."""
        super().__init__(*args, **kwargs)
        self.sources = list(sources)
        self.states = states or {}
        self.recent = recent or {}
        self.crawls: dict[str, SourceCrawl] = {}

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings  # defaults in crawler/settings/base.py
        spider.max_pages = settings.getint("ONRECORD_MAX_PAGES")
        spider.recheck_days = settings.getfloat("ONRECORD_RECHECK_DAYS")
        spider.max_deletion_checks = settings.getint("ONRECORD_MAX_DELETION_CHECKS")
        spider.source_max_failures = settings.getint("ONRECORD_SOURCE_MAX_FAILURES")
        return spider

    # -- to be defined by platform spiders ------------------------------------------------------
    def begin(self, crawl: SourceCrawl):
        raise NotImplementedError

    def closing(self, crawl: SourceCrawl):
        return ()

    def final_state(self, crawl: SourceCrawl) -> dict | None:
        state = {}
        if crawl.native_id:
            state["native_id"] = crawl.native_id
        if crawl.created_at and crawl.created_at != crawl.state.get("account_created_at"):
            state["account_created_at"] = crawl.created_at
        if crawl.complete and crawl.newest:
            old = crawl.state.get("high_water")
            state["high_water"] = max(crawl.newest, old) if old else crawl.newest
        return state or None

    def monitored_leader_ids(self, crawl: SourceCrawl | None = None) -> list | None:
        """Leaders a crawl of this source listens for beyond the sources' own (news: every
        leader it attributes quotes to); None for a leader's own accounts."""
        return None

    def coverage(self, crawl: SourceCrawl) -> tuple[str | None, str | None]:
        """The window this crawl read (crawler/bookkeeping.py): from how far back its usable
        listing pages went (the account's creation when it read a whole history listing) to the
        crawl's start; (None, None) when it used no listing page."""
        if crawl.failed or not crawl.listed:
            return None, None
        start = crawl.oldest
        if crawl.reached_end and self.full_history:
            start = crawl.created_at or start
        start = min(start or crawl.started_at, crawl.started_at)
        return start, crawl.started_at

    # -- helpers for platform spiders -------------------------------------------------------------
    def start_crawl(self, source) -> SourceCrawl:
        """The bookkeeping for `source`, with the stored state handed in for it."""
        crawl = SourceCrawl(source=source, started_at=utc_now(), state=self.states.get(source.id) or {},
                            recent=self.recent.get(source.id) or [])
        crawl.native_id = crawl.state.get("native_id")
        crawl.created_at = crawl.state.get("account_created_at")
        return crawl

    def request(self, crawl: SourceCrawl, url: str, handler: str, *, critical: bool = True, api: bool = True,
                headers: dict | None = None, meta: dict | None = None, fallback: str | None = None) -> scrapy.Request:
        """A tracked request for `crawl`: `handler(response, crawl)` gets the answer, whatever its
        status, and `fallback(request, crawl)`, when named, gets a request that got no answer at
        all. `critical` requests are part of the listing (their failure makes the source
        partial); `api` requests skip robots.txt (it governs pages, not the platforms' APIs)."""
        if fallback:
            meta = {**(meta or {}), "fallback": fallback}
        crawl.pending += 1
        return scrapy.Request(
            url,
            callback=self._on_response,
            errback=self._on_error,
            headers=headers,
            dont_filter=True,
            meta={
                "source_id": crawl.source.id,
                "handler": handler,
                "critical": critical,
                "handle_httpstatus_all": True,
                "dont_obey_robotstxt": api,
                **(meta or {}),
            },
        )

    def horizon(self, crawl: SourceCrawl) -> str | None:
        """Pagination may stop below this time: the older of the high-water mark and the re-read
        window (posts of the last N days are read again for edits and deletions). None on a
        first crawl: read everything."""
        high_water = crawl.state.get("high_water")
        if not high_water:
            return None
        return min(high_water, self.recheck_since())

    @staticmethod
    def conditional_headers(crawl: SourceCrawl) -> dict:
        """If-None-Match / If-Modified-Since from the validators in crawl_state, so a feed
        unchanged since they were stored answers 304 without a body."""
        headers = {}
        if crawl.state.get("etag"):
            headers["If-None-Match"] = crawl.state["etag"]
        if crawl.state.get("last_modified"):
            headers["If-Modified-Since"] = crawl.state["last_modified"]
        return headers

    def keep_paging(self, crawl: SourceCrawl, more: bool, oldest: str | None = None) -> bool:
        """Whether to follow the next page. When not, the listing is complete: it ended (`more`
        is false), its page reached below the horizon (`oldest`), or the page limit was hit."""
        horizon = self.horizon(crawl)
        if not more or (horizon and oldest and oldest < horizon):
            crawl.complete = True
            crawl.reached_end = not more
            return False
        if crawl.pages >= self.max_pages:
            crawl.skip("page limit reached", fault=False)
            crawl.complete = True
            return False
        return True

    def recheck_since(self) -> str:
        return days_ago(self.recheck_days)

    def vanished(self, crawl: SourceCrawl, kinds=None) -> list[str]:
        """Ids of this source's statements of the re-read window, not yet deleted, that this
        crawl's listing no longer shows (newest first, at most ONRECORD_MAX_DELETION_CHECKS):
        the ones to ask the platform about. Empty unless the listing was complete, since an
        incomplete one proves nothing about what vanished."""
        if not crawl.complete or not crawl.native_id:
            return []
        since = self.recheck_since()
        gone = [statement_id for statement_id, kind, published_at in crawl.recent
                if published_at >= since and (not kinds or kind in kinds) and statement_id not in crawl.seen]
        return gone[: self.max_deletion_checks]

    @staticmethod
    def content_type(response) -> str:
        """The response's Content-Type header, lower-cased; "" when there is none."""
        return (response.headers.get("Content-Type") or b"").decode("latin-1").lower()

    @classmethod
    def json(cls, response):
        """The response's JSON, or a Fault naming what came instead."""
        if not 200 <= response.status < 300:
            raise Fault(f"HTTP {response.status}")
        content_type = cls.content_type(response)
        body = response.body
        if "html" in content_type or body.lstrip()[:1] == b"<":
            raise Fault("HTML where JSON was expected")
        try:
            return json.loads(body)
        except (UnicodeDecodeError, ValueError):
            raise Fault("malformed JSON") from None

    @staticmethod
    def error_body(response) -> dict:
        try:
            data = json.loads(response.body)
        except (UnicodeDecodeError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def each_item(self, crawl: SourceCrawl, items, parse):
        """`parse(item, crawl)` for each item of a page, one item at a time, yielding what it
        returns (None yields nothing): an item whose parsing raises is skipped and counted with
        its reason, and the rest of the page goes on. A generator `parse` is run to its end
        inside the guard and yielded as a list, so an item is kept entirely or not at all."""
        for item in items:
            try:
                output = parse(item, crawl)
                if isinstance(output, GeneratorType):
                    output = list(output)
            except SourceFailed:
                raise
            except (Fault, *ITEM_ERRORS) as error:
                crawl.skip(item_problem(error))
                logger.debug("%s: item skipped (%s)", crawl.source.id, item_problem(error), exc_info=True)
                continue
            if output is not None:
                yield output

    # -- machinery ------------------------------------------------------------------------------
    async def start(self):
        for source in self.sources:
            crawl = self.crawls[source.id] = self.start_crawl(source)
            try:
                requests = list(self.begin(crawl) or ())
            except SourceFailed as failed:
                crawl.fail(str(failed))
                requests = []
            for request in requests:
                yield request
            if crawl.pending == 0:
                for output in self._finish(crawl):
                    yield output

    def _on_response(self, response):
        crawl = self.crawls[response.meta["source_id"]]
        crawl.requests += attempts(response.meta)
        if not crawl.failed and not crawl.done:
            handler = getattr(self, response.meta["handler"])
            critical = response.meta["critical"]
            try:
                yield from self._emit(crawl, handler(response, crawl))
                if critical:
                    crawl.ok_responses += 1
                    crawl.consecutive_failures = 0
            except Fault as fault:
                self._count_failure(crawl, str(fault), critical)
            except SourceFailed as failed:
                crawl.fail(str(failed))
            except Exception as error:  # a parser bug must not end the other sources
                logger.warning("%s: handler %s failed on %s: %s: %s", crawl.source.id, response.meta["handler"],
                               response.url, type(error).__name__, error,
                               exc_info=logger.isEnabledFor(logging.DEBUG))
                self._count_failure(crawl, f"internal error: {type(error).__name__}", critical)
        yield from self._settle(crawl)

    def _on_error(self, failure):
        request = failure.request
        crawl = self.crawls[request.meta["source_id"]]
        crawl.requests += attempts(request.meta)
        if not crawl.failed and not crawl.done:
            self._count_failure(crawl, describe_failure(failure), request.meta.get("critical", True))
            if request.meta.get("fallback"):
                yield from self._emit(crawl, getattr(self, request.meta["fallback"])(request, crawl))
        yield from self._settle(crawl)

    @staticmethod
    def _emit(crawl: SourceCrawl, outputs):
        """A handler's outputs, each item marked with its source (statements counted)."""
        for output in outputs or ():
            if isinstance(output, Statement):
                output.source_id = crawl.source.id
                crawl.emitted += 1
            elif isinstance(output, StatementSource) and output.source_id is None:
                output.source_id = crawl.source.id
            yield output

    def _count_failure(self, crawl: SourceCrawl, reason: str, critical: bool) -> None:
        if not critical:
            crawl.skip(f"check skipped: {reason}", fault=False)
            return
        crawl.skip(reason)
        crawl.complete = False
        crawl.incomplete = True
        crawl.consecutive_failures += 1
        if self.source_max_failures and crawl.consecutive_failures >= self.source_max_failures:
            crawl.fail(f"gave up after {crawl.consecutive_failures} failed responses in a row ({reason})")

    def _settle(self, crawl: SourceCrawl):
        crawl.pending -= 1
        if crawl.pending > 0 or crawl.done:
            return
        if not crawl.closing_started and not crawl.failed:
            crawl.closing_started = True
            if crawl.incomplete:
                crawl.complete = False
            try:
                for request in self.closing(crawl) or ():
                    yield request
            except Exception as error:
                logger.warning("%s: closing step failed: %s: %s", crawl.source.id, type(error).__name__, error,
                               exc_info=logger.isEnabledFor(logging.DEBUG))
                crawl.skip("check skipped: internal error", fault=False)
            if crawl.pending > 0:
                return
        yield from self._finish(crawl)

    def _finish(self, crawl: SourceCrawl):
        crawl.done = True
        crawl.covered = self.coverage(crawl)
        state = None if crawl.failed else self.final_state(crawl)
        yield SourceDone(report=crawl.report(), emitted=crawl.emitted, deleted=list(crawl.deleted), state=state,
                         leader_ids=self.monitored_leader_ids(crawl))


def attempts(meta: dict) -> int:
    """Requests one answer cost: the first, plus the retries the downloader middlewares made
    (RateLimitMiddleware's on 429 / 5xx, Scrapy's RetryMiddleware's on connection errors)."""
    return 1 + meta.get("onrecord_retries", 0) + meta.get("retry_times", 0)
