"""Item pipelines, one concern each: validation drops a bad item with a counted reason; storage
only stores (through db/save.py), keeping its own tally per source (crawler/bookkeeping.py).

Storage opens the database named by the ONRECORD_DB_PATH setting (crawler/crawl.py sets it); the
spiders never see it. When a source is recorded, storage sends the `source_recorded` signal with
the source's outcome, which crawler/crawl.py prints and counts.
"""
from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict

from scrapy import signals
from scrapy.exceptions import DropItem

from onrecord.crawler.bookkeeping import INTERRUPTED_REASON, STORAGE_ERROR, SourceOutcome, StoreTally
from onrecord.crawler.items import ArticleRead, SourceDone, Statement, StatementSource
from onrecord.db.connect import open_db
from onrecord.db.files import DatabaseProblem, database_problem
from onrecord.db.queries import existing_statement_ids
from onrecord.db.save import (
    mark_deleted,
    record_crawl,
    save_article_mentions,
    save_statement_sources,
    save_statements,
    set_crawl_state,
)
from onrecord.db.times import to_utc
from onrecord.sanitize import clean_text, has_controls, safe_url
from onrecord.vocabulary import FAILED, KINDS, PLATFORMS

logger = logging.getLogger(__name__)
_SURROGATE = re.compile("[\ud800-\udfff]")

# Sent once per source, after its crawls row is stored: handler(outcome: SourceOutcome).
source_recorded = object()


class InvalidItem(DropItem):
    """A statement that cannot be stored as given; `fault` says whether it makes its source
    partial (a broken item) or not (an image-only post, which is expected)."""

    def __init__(self, item: Statement, reason: str, fault: bool):
        # Counted on the source's line and crawls row; the log only at INFO / DEBUG.
        super().__init__(f"{item.id}: {reason}", log_level="INFO" if fault else "DEBUG")
        self.reason, self.fault = reason, fault


# Statement fields that hold text, and those that hold a link (sanitize.py's two rules).
TEXT_FIELDS = ("text", "context", "lang", "original_author", "content_warning", "in_reply_to")
LINK_FIELDS = ("url", "source_url")
ID_FIELDS = ("id", "leader_id", "account_id", "platform", "kind")


class ValidationPipeline:
    """Drop statements that cannot be stored as given, naming the reason (storage counts it on
    the item's source), and apply sanitize.py's rules to the rest: text without control
    characters, links only http(s). The raw payload (`raw`) is stored as received."""

    def process_item(self, item):
        if isinstance(item, (StatementSource, ArticleRead)):
            return self.clean_source(item)
        if not isinstance(item, Statement):
            return item
        problem, fault = self.problem(item)
        if problem:
            raise InvalidItem(item, problem, fault)
        return item

    @staticmethod
    def clean_source(item):
        """A news source's (or an article read's) strings by the text rule."""
        for key in ("title", "outlet", "context"):
            if hasattr(item, key):
                setattr(item, key, clean_text(getattr(item, key)) if isinstance(getattr(item, key), str) else None)
        return item

    @classmethod
    def problem(cls, item: Statement) -> tuple[str | None, bool]:
        """(reason, is_fault): an image-only post is expected (not a fault), a broken one is not.
        A usable item leaves cleaned in place: text fields through clean_text, links through
        safe_url (an unsafe link is dropped, the statement kept), times normalised to UTC."""
        for key in ID_FIELDS:
            value = getattr(item, key)
            if value is not None and not isinstance(value, str):
                return f"invalid item: {key} is not a string", True
            if value is not None and has_controls(value):
                return f"invalid item: control characters in {key}", True
        for key in ("id", "leader_id", "platform", "kind"):
            if not getattr(item, key):
                return f"invalid item: no {key}", True
        for key in TEXT_FIELDS:
            value = getattr(item, key)
            if value is not None and not isinstance(value, str):
                return f"invalid item: {key} is not a string", True
            setattr(item, key, clean_text(value))
        for key in LINK_FIELDS:
            setattr(item, key, safe_url(getattr(item, key)))
        if isinstance(item.raw, str) and _SURROGATE.search(item.raw):
            # A lone surrogate escape ("\ud800") decoded by the JSON parser cannot be encoded as
            # UTF-8: store it as the escape it arrived as.
            item.raw = item.raw.encode("utf-8", "backslashreplace").decode("utf-8")
        if item.platform not in PLATFORMS:
            return f"invalid item: unknown platform {item.platform!r}", True
        if item.kind not in KINDS:
            return f"invalid item: unknown kind {item.kind!r}", True
        if not item.id.startswith(f"{item.platform}:"):
            return "invalid item: id does not start with its platform", True
        if item.text is None or not item.text.strip():
            return "no text (media only or empty)", False
        for key in ("published_at", "edited_at"):
            value = getattr(item, key)
            if value is not None:
                try:
                    setattr(item, key, to_utc(value))
                except (TypeError, ValueError, OverflowError):
                    return f"invalid item: unreadable {key}", True
        return None, False


class StoragePipeline:
    """Buffer statements per source and save them in batches, one transaction each. When a
    source's SourceDone has arrived and all its statements are in, save the rest, mark the
    deletions, then (only then) advance its crawl state, and record its `crawls` row."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.db_path = crawler.settings.get("ONRECORD_DB_PATH")
        self.batch_size = crawler.settings.getint("ONRECORD_BATCH_SIZE")
        self.db = None
        self.buffers: dict[str, list] = defaultdict(list)
        self.sources_buffers: dict[str, list] = defaultdict(list)
        self.mentions_buffers: dict[str, list] = defaultdict(list)
        self.tallies: dict[str, StoreTally] = defaultdict(StoreTally)
        self.received: Counter = Counter()
        self.waiting: dict[str, SourceDone] = {}
        self.finished: set[str] = set()
        self.unusable: DatabaseProblem | None = None  # set once the database cannot be written
        crawler.signals.connect(self.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(self.item_error, signal=signals.item_error)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self):
        if not self.db_path:
            raise RuntimeError("ONRECORD_DB_PATH is not set: crawler/crawl.py names the database for storage")
        self.db = open_db(self.db_path)

    def process_item(self, item):
        if isinstance(item, Statement):
            self.buffers[item.source_id].append(item.row())
            self.received[item.source_id] += 1
            if len(self.buffers[item.source_id]) >= self.batch_size:
                self.flush(item.source_id)
            self.maybe_finish(item.source_id)
        elif isinstance(item, StatementSource):
            self.sources_buffers[item.source_id].append(item.row())
        elif isinstance(item, ArticleRead):
            self.mentions_buffers[item.source_id].extend(item.rows())
        elif isinstance(item, SourceDone):
            self.waiting[item.source_id] = item
            self.maybe_finish(item.source_id)
        return item

    def item_dropped(self, item, response, exception, spider=None):
        if isinstance(item, Statement):
            if isinstance(exception, InvalidItem):
                self.tallies[item.source_id].skips.add(exception.reason, fault=exception.fault)
            self.received[item.source_id] += 1
            self.maybe_finish(item.source_id)

    def item_error(self, item, response, spider=None, failure=None):
        """An item a pipeline failed on (a bug, not a bad item): counted, so its source still ends."""
        if isinstance(item, Statement):
            logger.warning("%s: processing %s failed: %s", item.source_id, item.id, failure and failure.value)
            self.tallies[item.source_id].skips.add("invalid item: could not be processed")
            self.received[item.source_id] += 1
            self.maybe_finish(item.source_id)

    def database_failed(self, error: Exception) -> bool:
        """True (and the crawl stopped) when `error` means the database cannot be written at all
        (disk full, read-only, damaged): every later write would fail the same way."""
        problem = database_problem(error, self.db_path)
        if problem is None:
            return False
        if self.unusable is None:
            self.unusable = problem
            logger.info("%s", problem)  # the command says it once, when the crawl has stopped
            engine = getattr(self.crawler, "_engine", None)  # `engine` raises before the crawl starts
            if engine is not None and getattr(engine, "spider", None) is not None:
                from scrapy.utils.defer import _schedule_coro

                _schedule_coro(engine.close_spider_async(reason="database unusable"))
        return True

    def flush(self, source_id: str) -> None:
        rows = self.buffers.pop(source_id, [])
        extra = self.sources_buffers.pop(source_id, [])
        if self.unusable:
            return
        tally = self.tallies[source_id]
        if rows:
            try:
                result = save_statements(self.db, rows)
            except Exception as error:  # the batch's transaction rolled back; the next crawl redoes it
                if self.database_failed(error):
                    return
                logger.warning("saving %d statements of %s failed: %s: %s", len(rows), source_id,
                               type(error).__name__, error, exc_info=logger.isEnabledFor(logging.DEBUG))
                tally.skips.add(f"{STORAGE_ERROR}: {type(error).__name__}: {error}", count=len(rows))
                return
            tally.items += result.seen
            tally.new += len(result.new)
            tally.edited += len(result.edited)
        if extra:
            # Only for statements that exist: one dropped by validation takes its sources along.
            stored = existing_statement_ids(self.db, sorted({row["statement_id"] for row in extra}))
            extra = [row for row in extra if row["statement_id"] in stored]
            if extra:
                save_statement_sources(self.db, extra)
        mentions = self.mentions_buffers.pop(source_id, [])
        if mentions:
            save_article_mentions(self.db, mentions)

    def maybe_finish(self, source_id: str) -> None:
        done = self.waiting.get(source_id)
        if done is None or self.received[source_id] < done.emitted:
            return
        del self.waiting[source_id]
        self.finish(done)

    def finish(self, done: SourceDone, interrupted: bool = False) -> None:
        source_id = done.source_id
        if source_id in self.finished:
            return
        self.finished.add(source_id)
        tally = self.tallies[source_id]
        try:
            self.flush(source_id)
            if done.deleted and not self.unusable:
                tally.deleted_marked = mark_deleted(self.db, done.deleted)
            outcome = SourceOutcome(done.report, tally)
            if done.state and outcome.status != FAILED and not tally.storage_failed() and not self.unusable:
                set_crawl_state(self.db, source_id, **done.state)
        except Exception as error:  # a storage error fails this source, not the crawl
            if not self.database_failed(error):
                logger.warning("storing %s failed: %s: %s", source_id, type(error).__name__, error,
                               exc_info=logger.isEnabledFor(logging.DEBUG))
                tally.error = tally.error or f"{STORAGE_ERROR}: {error}"
        outcome = SourceOutcome(done.report, tally, interrupted=interrupted)
        if outcome.recorded and not self.unusable:
            try:
                record_crawl(self.db, outcome.row(), leader_ids=done.leader_ids)
            except Exception as error:
                if not self.database_failed(error):
                    raise
        if self.unusable:
            outcome.unrecorded = self.unusable
        self.crawler.signals.send_catch_log(source_recorded, outcome=outcome)

    def close_spider(self):
        # Safety net: a source whose requests vanished (or whose stragglers never arrived)
        # still gets its statements saved and exactly one crawls row.
        # Scrapy clears `crawling` when a shutdown signal (Ctrl-C, SIGTERM) stops the crawl; a
        # spider that ends on its own (or is closed for an error count) still has it set.
        interrupted = not getattr(self.crawler, "crawling", True)
        for source_id, done in list(self.waiting.items()):
            self.tallies[source_id].skips.add("items lost in processing", fault=True)
            self.finish(done)
        self.waiting.clear()
        spider = self.crawler.spider
        for crawl in getattr(spider, "crawls", {}).values():  # read only: the spider's own books
            if crawl.source.id not in self.finished:
                reason = INTERRUPTED_REASON if interrupted else "crawl ended before the source finished"
                self.tallies[crawl.source.id].skips.add(reason, fault=True)
                self.finish(SourceDone(report=crawl.report(), emitted=0, state=None,
                                       leader_ids=spider.monitored_leader_ids(crawl)), interrupted=interrupted)
        for source_id in set(self.buffers) | set(self.sources_buffers) | set(self.mentions_buffers):  # late stragglers
            self.flush(source_id)
        if self.db is not None:
            self.db.close()
