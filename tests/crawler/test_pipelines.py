"""The item pipelines: validation names what is wrong with an item; storage keeps its own tally
per source and, with the spider's report, records one crawls row (crawler/bookkeeping.py)."""
import pytest

from onrecord.crawler.bookkeeping import SourceCrawl, SourceOutcome, StoreTally
from onrecord.crawler.items import SourceDone, Statement
from onrecord.crawler.pipelines import InvalidItem, StoragePipeline, ValidationPipeline, source_recorded
from onrecord.crawler.sources import Source
from onrecord.crawler.spiders.mastodon import MastodonSpider
from onrecord.db.connect import open_db
from onrecord.db.save import save_watchlist
from tests.crawler.offline import make_spider

SOURCE = Source(id="mastodon:ada@example.social", platform="mastodon", leader_id="ada", handle="ada@example.social")


def statement(**change):
    item = Statement(id="mastodon:example.social:1", leader_id="ada", account_id=SOURCE.id, platform="mastodon",
                     kind="post", text="Fictional text", published_at="2026-02-01T10:00:00.000Z", source_id=SOURCE.id)
    for key, value in change.items():
        setattr(item, key, value)
    return item


@pytest.mark.parametrize("change, reason", [
    ({"kind": "boost"}, "unknown kind"),
    ({"platform": "myspace"}, "unknown platform"),
    ({"id": "bluesky:1"}, "id does not start with its platform"),
    ({"published_at": "yesterday-ish"}, "unreadable published_at"),
    ({"text": "  "}, "no text"),
])
def test_validation_names_what_is_wrong(change, reason):
    item = statement()
    assert ValidationPipeline.problem(item) == (None, False)
    assert item.published_at == "2026-02-01T10:00:00Z"  # normalised on the way
    for key, value in change.items():
        setattr(item, key, value)
    problem, fault = ValidationPipeline.problem(item)
    assert reason in problem and fault == (reason != "no text")
    with pytest.raises(InvalidItem) as dropped:
        ValidationPipeline().process_item(item)
    assert (dropped.value.reason, dropped.value.fault) == (problem, fault)


def test_storage_counts_on_its_own_tally_and_records_one_row_per_source(db_path):
    db = open_db(db_path)
    save_watchlist(db, {"topic": {"id": "t", "name": "T"}, "leaders": [
        {"id": "ada", "name": "Ada (fictional)", "accounts": [{"id": SOURCE.id, "platform": "mastodon", "handle": "ada@example.social"}]}]})
    spider = make_spider(MastodonSpider, {"ONRECORD_DB_PATH": str(db_path)}, sources=[SOURCE])
    crawl = spider.crawls[SOURCE.id] = spider.start_crawl(SOURCE)
    crawl.requests, crawl.ok_responses, crawl.emitted = 2, 2, 2
    crawl.read_page("2026-01-01T00:00:00Z")  # one usable page, read back to New Year
    crawl.covered = spider.coverage(crawl)
    crawl.skip("page limit reached", fault=False)
    recorded = []

    def on_recorded(outcome):  # signal receivers are held weakly: keep a named one
        recorded.append(outcome)

    spider.crawler.signals.connect(on_recorded, signal=source_recorded)
    storage = StoragePipeline.from_crawler(spider.crawler)
    storage.open_spider()
    storage.process_item(statement())
    bad = statement(id="mastodon:example.social:2", kind="boost")
    storage.item_dropped(bad, None, InvalidItem(bad, "invalid item: unknown kind 'boost'", True))
    before = (crawl.requests, dict(crawl.skips.reasons), crawl.faults)
    storage.process_item(SourceDone(report=crawl.report(), emitted=2, state={"native_id": "1"}))
    assert (crawl.requests, dict(crawl.skips.reasons), crawl.faults) == before  # the spider's books are its own
    [outcome] = recorded
    assert isinstance(outcome, SourceOutcome) and outcome.tally.items == outcome.tally.new == 1
    row = db.execute("SELECT status, items, new_items, skipped, requests, error FROM crawls").fetchone()
    assert row == ("partial", 1, 1, 2, 2, "skipped: page limit reached (1); invalid item: unknown kind 'boost' (1)")
    assert db.execute("SELECT native_id FROM crawl_state").fetchone() == ("1",)  # partial, not failed: advanced
    assert db.execute("SELECT covered_from, covered_to = started_at FROM crawls").fetchone() == ("2026-01-01T00:00:00Z", 1)
    assert outcome.line() == (f"{SOURCE.id}  partial  1 new / 1 seen; skipped 2 "
                              "(page limit reached: 1, invalid item: unknown kind 'boost': 1); read back to 2026-01-01")


def test_a_failed_source_or_a_failed_batch_never_advances_its_state():
    report = SourceCrawl(source=SOURCE, started_at="2026-02-01T00:00:00Z").report()
    tally = StoreTally()
    tally.skips.add("storage error: OperationalError: disk I/O error", count=3)
    assert tally.storage_failed() and SourceOutcome(report, tally).status == "failed"  # no good response either
    crawl = SourceCrawl(source=SOURCE, started_at="2026-02-01T00:00:00Z")
    crawl.fail("account suspended on example.social")
    crawl.fail("a second reason is not kept")
    outcome = SourceOutcome(crawl.report())
    assert (outcome.status, outcome.error_message()) == ("failed", "account suspended on example.social")
    assert outcome.line() == f"{SOURCE.id}  failed  account suspended on example.social"
