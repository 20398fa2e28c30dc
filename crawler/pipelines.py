"""Item pipelines, one concern each: validation drops a bad item with a counted reason; storage
only stores (through db/save.py)."""
from __future__ import annotations

import logging
from collections import Counter, defaultdict

from scrapy import signals
from scrapy.exceptions import DropItem

from onrecord.crawler.items import SourceDone, Statement, StatementSource
from onrecord.db.save import (
    KINDS,
    PLATFORMS,
    mark_deleted,
    record_crawl,
    save_statement_sources,
    save_statements,
    set_crawl_state,
)
from onrecord.db.times import to_utc

logger = logging.getLogger(__name__)


class ValidationPipeline:
    """Drop statements that cannot be stored as given; the reason is counted on their source."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        if not isinstance(item, Statement):
            return item
        problem, fault = self.problem(item)
        if problem:
            run = self.crawler.spider.runs.get(item.source) if item.source else None
            if run is not None:
                run.skip(problem, fault=fault)
            raise DropItem(f"{item.id}: {problem}", log_level="INFO" if not fault else "WARNING")
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
        self.batch_size = crawler.settings.getint("ONRECORD_BATCH_SIZE", 500)
        self.buffers: dict[str, list] = defaultdict(list)
        self.sources_buffers: dict[str, list] = defaultdict(list)
        self.received: Counter = Counter()
        self.waiting: dict[str, SourceDone] = {}
        self.finished: set[str] = set()
        crawler.signals.connect(self.item_dropped, signal=signals.item_dropped)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    @property
    def spider(self):
        return self.crawler.spider

    @property
    def db(self):
        return self.spider.db

    def process_item(self, item):
        if isinstance(item, Statement):
            self.buffers[item.source].append(item.row())
            self.received[item.source] += 1
            if len(self.buffers[item.source]) >= self.batch_size:
                self.flush(item.source)
            self.maybe_finish(item.source)
        elif isinstance(item, StatementSource):
            self.sources_buffers[item.source].append(item.row())
        elif isinstance(item, SourceDone):
            self.waiting[item.run.source.id] = item
            self.maybe_finish(item.run.source.id)
        return item

    def item_dropped(self, item, response, exception, spider=None):
        if isinstance(item, Statement):
            self.received[item.source] += 1
            self.maybe_finish(item.source)

    def flush(self, source_id: str) -> None:
        rows = self.buffers.pop(source_id, [])
        run = self.spider.runs.get(source_id)
        if rows:
            try:
                result = save_statements(self.db, rows)
            except Exception as error:  # the batch's transaction rolled back; the next crawl redoes it
                logger.exception("saving %d statements of %s failed", len(rows), source_id)
                if run is not None:
                    run.skip(f"storage error: {type(error).__name__}: {error}", count=len(rows))
                    run.complete = False
                return
            if run is not None:
                run.items += result.seen
                run.new += len(result.new)
                run.edited += len(result.edited)
        extra = self.sources_buffers.pop(source_id, [])
        if extra:
            # Only for statements that exist: one dropped by validation takes its sources along.
            wanted = sorted({row["statement_id"] for row in extra})
            marks = ",".join("?" * len(wanted))
            stored = {r[0] for r in self.db.execute(f"SELECT id FROM statements WHERE id IN ({marks})", wanted).fetchall()}
            extra = [row for row in extra if row["statement_id"] in stored]
            if extra:
                save_statement_sources(self.db, extra)

    def maybe_finish(self, source_id: str) -> None:
        done = self.waiting.get(source_id)
        if done is None or self.received[source_id] < done.emitted:
            return
        del self.waiting[source_id]
        self.finish(done)

    def finish(self, done: SourceDone) -> None:
        run = done.run
        source_id = run.source.id
        if source_id in self.finished:
            return
        self.finished.add(source_id)
        try:
            self.flush(source_id)
            if done.deleted:
                run.deleted_marked = mark_deleted(self.db, done.deleted)
            if done.state and run.status != "failed" and not run.storage_failed():
                set_crawl_state(self.db, source_id, **done.state)
        except Exception as error:  # a storage error fails this source, not the crawl
            logger.exception("storing %s failed", source_id)
            run.fail(f"storage error: {error}")
        record_crawl(self.db, run.crawl_row(), leader_ids=self.spider.monitored_leader_ids())
        self.spider.source_finished(run)

    def close_spider(self):
        # Safety net: a source whose requests vanished (or whose stragglers never arrived)
        # still gets its statements saved and exactly one crawls row.
        for source_id, done in list(self.waiting.items()):
            done.run.skip("items lost in processing", fault=True)
            self.finish(done)
        self.waiting.clear()
        for run in self.spider.runs.values():
            if run.source.id not in self.finished:
                run.skip("crawl ended before the source finished", fault=True)
                self.finish(SourceDone(run=run, emitted=0, state=None))
        for source_id in set(self.buffers) | set(self.sources_buffers):  # late stragglers
            self.flush(source_id)
