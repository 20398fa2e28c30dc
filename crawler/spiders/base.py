"""The shared base spider: one spider crawls many sources of its platform, keeping per-source
bookkeeping (items, new, skipped with reasons, requests, status ok/partial/failed, error).

A platform spider defines:
    platform = "mastodon"                  # registers it in crawler.run under this name
    def begin(self, run): ...              # yield the first request(s) made with self.request()
    def closing(self, run): ...            # optional: more requests once the listing is done
                                           # (deletion checks); called once
    def final_state(self, run) -> dict     # optional: crawl_state fields to store when done

Handlers named in self.request(run, url, "handler_name") are called as handler(response, run)
and yield Statement items and further self.request(...) Requests. They raise `Fault` to skip a
response with a counted reason (the source becomes partial) and `SourceFailed` to fail the
source (an unknown account). Every request gets an answer, whatever its HTTP status
(`handle_httpstatus_all`), and connection errors come back as counted skips, so each source ends
exactly once, with one SourceDone item after all of its statements.
"""
from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

import scrapy
from scrapy.exceptions import DownloadCancelledError, DownloadTimeoutError, IgnoreRequest
from twisted.internet.error import (
    ConnectionLost,
    ConnectionRefusedError,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError as TwistedTimeoutError,
)
from twisted.web._newclient import ResponseNeverReceived

from onrecord.crawler.items import SourceDone, Statement, StatementSource
from onrecord.db.save import get_crawl_state
from onrecord.db.times import FORMAT, utc_now

logger = logging.getLogger(__name__)


class Fault(Exception):
    """A response that cannot be used; the message is the counted skip reason."""


class SourceFailed(Exception):
    """The source itself is unusable (unknown, suspended, refused): fail it with this message."""


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


@dataclass
class SourceRun:
    """Bookkeeping for one source during one crawl."""

    source: Source
    started_at: str
    state: dict = field(default_factory=dict)  # crawl_state as stored before this crawl
    requests: int = 0
    ok_responses: int = 0
    items: int = 0  # statements saved (new or seen again)
    new: int = 0
    edited: int = 0
    emitted: int = 0
    skipped: int = 0
    skip_reasons: Counter = field(default_factory=Counter)
    faults: int = 0
    consecutive_failures: int = 0
    failed: bool = False
    error: str | None = None
    pending: int = 0
    closing_started: bool = False
    done: bool = False
    complete: bool = False  # the listing reached the end or the re-read horizon
    incomplete: bool = False  # a listing response failed: no later page may mark it complete
    native_id: str | None = None
    newest: str | None = None  # newest time seen in the listing (high-water mark candidate)
    seen: set = field(default_factory=set)
    deleted: list = field(default_factory=list)
    deleted_marked: int = 0
    pages: int = 0
    extra: dict = field(default_factory=dict)

    def skip(self, reason: str, fault: bool = True, count: int = 1) -> None:
        self.skipped += count
        self.skip_reasons[reason] += count
        if fault:
            self.faults += count

    def storage_failed(self) -> bool:
        """True when a batch of this source could not be saved (its state must not advance)."""
        return any(reason.startswith("storage error") for reason in self.skip_reasons)

    def fail(self, message: str) -> None:
        if not self.failed:
            self.failed, self.error = True, message

    def saw(self, moment: str | None) -> None:
        if moment and (self.newest is None or moment > self.newest):
            self.newest = moment

    @property
    def status(self) -> str:
        if self.failed or (self.faults and not self.ok_responses):
            return "failed"
        return "partial" if self.faults else "ok"

    def error_message(self) -> str | None:
        if self.error:
            return self.error
        if self.faults:
            reasons = "; ".join(f"{reason} ({n})" for reason, n in self.skip_reasons.most_common(3))
            return f"skipped: {reasons}"
        return None

    def crawl_row(self) -> dict:
        source = self.source
        return {
            "platform": source.platform,
            "account_id": source.id if source.platform != "news" else None,
            "source_url": source.url,
            "started_at": self.started_at,
            "finished_at": utc_now(),
            "status": self.status,
            "items": self.items,
            "new_items": self.new,
            "error": self.error_message(),
            "skipped": self.skipped,
            "skip_reasons": dict(self.skip_reasons),
            "requests": self.requests,
        }

    def summary_line(self) -> str:
        status = self.status
        line = f"{self.source.id}  {status}"
        if status == "failed":
            return f"{line}  {self.error_message()}"
        line += f"  {self.new} new / {self.items} seen"
        if self.edited:
            line += f", {self.edited} edited"
        if self.deleted_marked:
            line += f", {self.deleted_marked} deleted"
        if self.skipped:
            reasons = ", ".join(f"{reason}: {n}" for reason, n in self.skip_reasons.most_common(3))
            line += f"; skipped {self.skipped} ({reasons})"
        return line


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
    if isinstance(error, DNSLookupError):
        return "DNS lookup failed"
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, (ConnectionLost, ResponseNeverReceived)):
        return "connection lost"
    return f"download error: {type(error).__name__}"


class SourceSpider(scrapy.Spider):
    platform: str = ""

    def __init__(self, sources=(), db=None, echo=None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sources = list(sources)
        self.db = db
        self.echo = echo
        self.runs: dict[str, SourceRun] = {}

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.max_pages = settings.getint("ONRECORD_MAX_PAGES", 250)
        spider.recheck_days = settings.getfloat("ONRECORD_RECHECK_DAYS", 7)
        spider.max_deletion_checks = settings.getint("ONRECORD_MAX_DELETION_CHECKS", 200)
        spider.source_max_failures = settings.getint("ONRECORD_SOURCE_MAX_FAILURES", 3)
        return spider

    # -- to be defined by platform spiders ------------------------------------------------------
    def begin(self, run: SourceRun):
        raise NotImplementedError

    def closing(self, run: SourceRun):
        return ()

    def final_state(self, run: SourceRun) -> dict | None:
        state = {}
        if run.native_id:
            state["native_id"] = run.native_id
        if run.complete and run.newest:
            old = run.state.get("high_water")
            state["high_water"] = max(run.newest, old) if old else run.newest
        return state or None

    # -- helpers for platform spiders -------------------------------------------------------------
    def request(self, run: SourceRun, url: str, handler: str, *, critical: bool = True, api: bool = True,
                headers: dict | None = None, meta: dict | None = None) -> scrapy.Request:
        """A tracked request for `run`: `handler(response, run)` gets the answer, whatever its status.
        `critical` requests are part of the listing (their failure makes the source partial);
        `api` requests skip robots.txt (it governs pages, not the platforms' documented APIs)."""
        run.pending += 1
        return scrapy.Request(
            url,
            callback=self._on_response,
            errback=self._on_error,
            headers=headers,
            dont_filter=True,
            meta={
                "source": run.source.id,
                "handler": handler,
                "critical": critical,
                "handle_httpstatus_all": True,
                "dont_obey_robotstxt": api,
                **(meta or {}),
            },
        )

    def horizon(self, run: SourceRun) -> str | None:
        """Pagination may stop below this time: the older of the high-water mark and the re-read
        window (posts of the last N days are read again for edits and deletions). None on a
        first crawl: read everything."""
        high_water = run.state.get("high_water")
        if not high_water:
            return None
        window = self.recheck_since()
        return min(high_water, window)

    @staticmethod
    def conditional_headers(run: SourceRun) -> dict:
        """If-None-Match / If-Modified-Since from the validators in crawl_state, so a feed
        unchanged since they were stored answers 304 without a body."""
        headers = {}
        if run.state.get("etag"):
            headers["If-None-Match"] = run.state["etag"]
        if run.state.get("last_modified"):
            headers["If-Modified-Since"] = run.state["last_modified"]
        return headers

    def keep_paging(self, run: SourceRun, more: bool, oldest: str | None = None) -> bool:
        """Whether to follow the next page. When not, the listing is complete: it ended (`more`
        is false), its page reached below the horizon (`oldest`), or the page limit was hit."""
        horizon = self.horizon(run)
        if not more or (horizon and oldest and oldest < horizon):
            run.complete = True
            return False
        if run.pages >= self.max_pages:
            run.skip("page limit reached", fault=False)
            run.complete = True
            return False
        return True

    def recheck_since(self) -> str:
        return (datetime.now(timezone.utc) - timedelta(days=self.recheck_days)).strftime(FORMAT)

    def vanished(self, run: SourceRun, kinds=None) -> list[str]:
        """Ids of this source's statements of the re-read window, not yet deleted, that this
        crawl's listing no longer shows (newest first, at most ONRECORD_MAX_DELETION_CHECKS):
        the ones to ask the platform about. Empty unless the listing was complete, since an
        incomplete one proves nothing about what vanished."""
        if not run.complete or not run.native_id:
            return []
        sql = "SELECT id FROM statements WHERE account_id = ? AND published_at >= ? AND deleted_at IS NULL"
        params = [run.source.id, self.recheck_since()]
        if kinds:
            sql += f" AND kind IN ({','.join('?' * len(kinds))})"
            params += list(kinds)
        rows = self.db.execute(sql + " ORDER BY published_at DESC", params).fetchall()
        return [sid for (sid,) in rows if sid not in run.seen][: self.max_deletion_checks]

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

    # -- machinery ------------------------------------------------------------------------------
    async def start(self):
        for source in self.sources:
            run = SourceRun(source=source, started_at=utc_now(), state=get_crawl_state(self.db, source.id))
            self.runs[source.id] = run
            run.native_id = run.state.get("native_id")
            try:
                requests = list(self.begin(run) or ())
            except SourceFailed as failed:
                run.fail(str(failed))
                requests = []
            for request in requests:
                yield request
            if run.pending == 0:
                for output in self._finish(run):
                    yield output

    def _on_response(self, response):
        run = self.runs[response.meta["source"]]
        run.requests += 1
        if not run.failed and not run.done:
            handler = getattr(self, response.meta["handler"])
            critical = response.meta["critical"]
            try:
                for output in handler(response, run) or ():
                    if isinstance(output, Statement):
                        output.source = run.source.id
                        run.emitted += 1
                    elif isinstance(output, StatementSource) and output.source is None:
                        output.source = run.source.id
                    yield output
                if critical:
                    run.ok_responses += 1
                    run.consecutive_failures = 0
            except Fault as fault:
                self._count_failure(run, str(fault), critical)
            except SourceFailed as failed:
                run.fail(str(failed))
            except Exception as error:  # a parser bug must not end the other sources
                logger.exception("%s: handler %s failed on %s", run.source.id, response.meta["handler"], response.url)
                self._count_failure(run, f"internal error: {type(error).__name__}", critical)
        yield from self._settle(run)

    def _on_error(self, failure):
        request = failure.request
        run = self.runs[request.meta["source"]]
        run.requests += 1
        if not run.failed and not run.done:
            self._count_failure(run, describe_failure(failure), request.meta.get("critical", True))
        yield from self._settle(run)

    def _count_failure(self, run: SourceRun, reason: str, critical: bool) -> None:
        if not critical:
            run.skip(f"check skipped: {reason}", fault=False)
            return
        run.skip(reason)
        run.complete = False
        run.incomplete = True
        run.consecutive_failures += 1
        if self.source_max_failures and run.consecutive_failures >= self.source_max_failures:
            run.fail(f"gave up after {run.consecutive_failures} failed responses in a row ({reason})")

    def _settle(self, run: SourceRun):
        run.pending -= 1
        if run.pending > 0 or run.done:
            return
        if not run.closing_started and not run.failed:
            run.closing_started = True
            if run.incomplete:
                run.complete = False
            try:
                for request in self.closing(run) or ():
                    yield request
            except Exception:
                logger.exception("%s: closing step failed", run.source.id)
                run.skip("check skipped: internal error", fault=False)
            if run.pending > 0:
                return
        yield from self._finish(run)

    def _finish(self, run: SourceRun):
        run.done = True
        state = None if run.failed else self.final_state(run)
        yield SourceDone(run=run, emitted=run.emitted, deleted=list(run.deleted), state=state)

    def monitored_leader_ids(self) -> list | None:
        """Leaders a crawl of this spider listens for beyond the sources' own (news: every
        leader it attributes quotes to); None for a leader's own accounts."""
        return None

    def source_finished(self, run: SourceRun) -> None:
        """Called by storage once the source's crawls row is recorded."""
        if self.echo:
            self.echo(run.summary_line())
