"""Item pipelines, one concern each: validation drops a bad item with a counted reason; storage
only stores (through db/save.py), keeping its own tally per source (crawler/bookkeeping.py).

Storage opens the database named by the ONRECORD_DB_PATH setting (crawler/crawl.py sets it); the
spiders never see it. When a source is recorded, storage sends the `source_recorded` signal with
the source's outcome, which crawler/crawl.py prints and counts.
"""
from __future__ import annotations

import logging
from collections import Counter, defaultdict

from scrapy import signals
from scrapy.exceptions import DropItem

from onrecord.crawler.bookkeeping import STORAGE_ERROR, SourceOutcome, StoreTally
from onrecord.crawler.items import ArticleRead, SourceDone, Statement, StatementSource
from onrecord.db.connect import open_db
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
from onrecord.vocabulary import FAILED, KINDS, PLATFORMS

logger = logging.getLogger(__name__)

# Sent once per source, after its crawls row is stored: handler(outcome: SourceOutcome).
source_recorded = object()


class InvalidItem(DropItem):
    """A statement that cannot be stored as given; `fault` says whether it makes its source
    partial (a broken item) or not (an image-only post, which is expected)."""

    def __init__(self, item: Statement, reason: str, fault: bool):
        super().__init__(f"{item.id}: {reason}", log_level="WARNING" if fault else "INFO")
        self.reason, self.fault = reason, fault


class ValidationPipeline:
    """Drop statements that cannot be stored as given, naming the reason (storage counts it on
    the item's source)."""

    def process_item(self, item):
        if not isinstance(item, Statement):
            return item
        problem, fault = self.problem(item)
        if problem:
            raise InvalidItem(item, problem, fault)
        return item

    @staticmethod
    def problem(item: Statement) -> tuple[str | None, bool]:
        """(reason, is_fault): an image-only post is expected (not a fault), a broken one is not.
        A usable item leaves with published_at / edited_at normalised to UTC in place."""
        for key in ("id", "leader_id", "platform", "kind"):
            if not getattr(item, key):
                return f"invalid item: no {key}", True
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
                except ValueError:
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
        crawler.signals.connect(self.item_dropped, signal=signals.item_dropped)

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

    def flush(self, source_id: str) -> None:
        rows = self.buffers.pop(source_id, [])
        tally = self.tallies[source_id]
        if rows:
            try:
                result = save_statements(self.db, rows)
            except Exception as error:  # the batch's transaction rolled back; the next crawl redoes it
                logger.exception("saving %d statements of %s failed", len(rows), source_id)
                tally.skips.add(f"{STORAGE_ERROR}: {type(error).__name__}: {error}", count=len(rows))
                return
            tally.items += result.seen
            tally.new += len(result.new)
            tally.edited += len(result.edited)
        extra = self.sources_buffers.pop(source_id, [])
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

    def finish(self, done: SourceDone) -> None:
        source_id = done.source_id
        if source_id in self.finished:
            return
        self.finished.add(source_id)
        tally = self.tallies[source_id]
        try:
            self.flush(source_id)
            if done.deleted:
                tally.deleted_marked = mark_deleted(self.db, done.deleted)
            outcome = SourceOutcome(done.report, tally)
            if done.state and outcome.status != FAILED and not tally.storage_failed():
                set_crawl_state(self.db, source_id, **done.state)
        except Exception as error:  # a storage error fails this source, not the crawl
            logger.exception("storing %s failed", source_id)
            tally.error = tally.error or f"{STORAGE_ERROR}: {error}"
        outcome = SourceOutcome(done.report, tally)
        record_crawl(self.db, outcome.row(), leader_ids=done.leader_ids)
        self.crawler.signals.send_catch_log(source_recorded, outcome=outcome)

    def close_spider(self):
        # Safety net: a source whose requests vanished (or whose stragglers never arrived)
        # still gets its statements saved and exactly one crawls row.
        for source_id, done in list(self.waiting.items()):
            self.tallies[source_id].skips.add("items lost in processing", fault=True)
            self.finish(done)
        self.waiting.clear()
        spider = self.crawler.spider
        for crawl in getattr(spider, "crawls", {}).values():  # read only: the spider's own books
            if crawl.source.id not in self.finished:
                self.tallies[crawl.source.id].skips.add("crawl ended before the source finished", fault=True)
                self.finish(SourceDone(report=crawl.report(), emitted=0, state=None,
                                       leader_ids=spider.monitored_leader_ids(crawl)))
        for source_id in set(self.buffers) | set(self.sources_buffers) | set(self.mentions_buffers):  # late stragglers
            self.flush(source_id)
        if self.db is not None:
            self.db.close()
