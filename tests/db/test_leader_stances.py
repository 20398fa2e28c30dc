"""`leader_stances` and `leader_coverage` on hand-made rows: every stance, the `since` window, and
the coverage rules of issue 12: silent only when an own account was read back to `since` or an
archive search covered the whole window; news feeds, failed and skipped crawls never do."""
import pytest

from onrecord.db.connect import open_db
from onrecord.db.save import record_crawl, save_article_mentions, save_stances, save_statements, save_watchlist
from onrecord.db.views import LEADER_HEADLINE_SQL

SINCE = "2026-01-01T00:00:00Z"
WATCHLIST = {
    "topic": {"id": "ice-enforcement", "name": "Enforcement", "since": SINCE},
    "leaders": [
        {"id": lid, "name": lid.title(), "aliases": [],
         "accounts": [{"id": f"mastodon:{lid}@social.example", "platform": "mastodon", "handle": f"{lid}@social.example"}]}
        for lid in ("cora", "sam", "mia", "sil", "una", "old", "quiet")
    ] + [{"id": "xena", "name": "Xena", "aliases": [],
          "accounts": [{"id": "x:xena", "platform": "x", "handle": "xena"}]},
         {"id": "nora", "name": "Nora", "aliases": [], "accounts": []}],
    "news": [],
}
NEWS = "https://news.example/feed.xml"


@pytest.fixture
def db(tmp_path):
    db = open_db(tmp_path / "onrecord.db")
    save_watchlist(db, WATCHLIST)
    return db


def say(db, leader, number, stance, published_at="2026-01-20T10:00:00Z", on_topic=True):
    statement_id = f"mastodon:{leader}:{number}"
    save_statements(db, [{"id": statement_id, "leader_id": leader, "account_id": f"mastodon:{leader}@social.example",
                          "platform": "mastodon", "kind": "post", "text": f"{stance} {number}",
                          "published_at": published_at}])
    save_stances(db, [{"statement_id": statement_id, "topic_id": "ice-enforcement", "stance": stance,
                       "on_topic": on_topic, "confidence": 0.9, "evidence": "", "model": "test-0"}])


def crawled(db, leader, status="ok", finished_at="2026-01-21T03:00:00Z", covered_from="2025-12-01T00:00:00Z",
            error=None, account=None):
    usable = status in ("ok", "partial") and covered_from is not None
    record_crawl(db, {"platform": (account or "mastodon:").split(":")[0],
                      "account_id": account or f"mastodon:{leader}@social.example",
                      "started_at": finished_at, "finished_at": finished_at, "status": status, "error": error,
                      "items": 1, "new_items": 1, "covered_from": covered_from if usable else None,
                      "covered_to": finished_at if usable else None})


def searched(db, leaders, platform="news", covered_from="2026-01-19T00:00:00Z", at="2026-01-21T03:00:00Z",
             status="ok", url=NEWS):
    record_crawl(db, {"platform": platform, "source_url": url, "started_at": at, "finished_at": at,
                      "status": status, "covered_from": covered_from, "covered_to": at if covered_from else None},
                 leader_ids=leaders)


def stances(db):
    rows = {row["leader_id"]: row for row in db.query("SELECT * FROM leader_stances")}
    for leader, row in rows.items():  # a leader's page reads the same row through its own query
        assert list(db.query(LEADER_HEADLINE_SQL, {"leader": leader})) == [row], leader
    return rows


def test_each_stance(db):
    say(db, "cora", 1, "condemning")
    say(db, "cora", 2, "silent", on_topic=False)
    say(db, "sam", 1, "supporting")
    say(db, "mia", 1, "condemning")
    say(db, "mia", 2, "supporting", published_at="2026-02-01T00:00:00Z")
    crawled(db, "sil")
    say(db, "sil", 1, "silent", on_topic=True)
    crawled(db, "una", status="failed", error="HTTP 503")
    rows = stances(db)
    assert {k: v["stance"] for k, v in rows.items()} == {
        "cora": "condemning", "sam": "supporting", "mia": "mixed", "sil": "silent",
        "una": "unmonitored", "old": "unmonitored", "quiet": "unmonitored", "xena": "unmonitored",
        "nora": "unmonitored"}
    assert (rows["mia"]["condemning"], rows["mia"]["supporting"], rows["mia"]["on_topic"]) == (1, 1, 2)
    assert rows["mia"]["last_statement_at"] == "2026-02-01T00:00:00Z"
    assert rows["cora"]["on_topic"] == 1  # the off-topic post does not count
    assert rows["sil"]["monitored_since"] == "2026-01-21T03:00:00Z"
    assert rows["una"]["monitored_since"] is None
    # the basis of each headline, in words
    assert rows["sil"]["coverage"] == ("nothing either way in 1 post on Mastodon since 2026-01-01 and 0 news articles "
                                       "that name them (last read 2026-01-21)")  # more than two days ago
    assert (rows["sil"]["coverage_channels"], rows["sil"]["coverage_from"], rows["sil"]["posts_read"]) == (
        "mastodon", "2025-12-01T00:00:00Z", 1)
    assert rows["una"]["coverage"] == "Mastodon failed: HTTP 503; no news source read for them; no news-archive search"
    assert rows["quiet"]["coverage"] == "Mastodon not crawled yet; no news source read for them; no news-archive search"
    assert rows["nora"]["coverage"] == "nothing read for them yet"
    assert rows["cora"]["coverage"] == "based on 0 news articles that name them; Mastodon not crawled yet"


def test_since_window(db):
    say(db, "old", 1, "condemning", published_at="2025-12-31T23:59:59Z")
    crawled(db, "quiet", finished_at="2025-12-15T00:00:00Z", covered_from="2025-01-01T00:00:00Z")
    rows = stances(db)
    assert rows["old"]["stance"] == "unmonitored" and rows["old"]["condemning"] == 0
    assert rows["quiet"]["stance"] == "unmonitored"  # read to its start, but before the window opened
    crawled(db, "old", status="partial")
    assert stances(db)["old"]["stance"] == "silent"


def test_an_account_read_only_part_of_the_window_is_no_silence(db):
    crawled(db, "sil", covered_from="2026-03-02T10:00:00Z", finished_at="2026-04-01T03:00:00Z")
    row = stances(db)["sil"]
    assert row["stance"] == "unmonitored"
    assert row["coverage"] == ("Mastodon read back to 2026-03-02 only; no news source read for them; "
                               "no news-archive search")


def test_failed_and_unusable_crawls_never_count(db):
    # the lookup answered but every page failed: partial, no covered window
    crawled(db, "una", status="partial", covered_from=None, error="skipped: HTTP 500 (3)")
    crawled(db, "una", status="failed", covered_from="2025-01-01T00:00:00Z", finished_at="2026-01-22T03:00:00Z",
            error="gave up")
    row = stances(db)["una"]
    assert (row["stance"], row["monitored_since"], row["coverage_from"]) == ("unmonitored", None, None)
    assert row["coverage"].startswith("Mastodon failed: gave up")


def test_windows_join_when_they_overlap_and_a_gap_starts_again(db):
    # night 1 reads back to November; night 2 reads back past night 1's newest post: one window
    crawled(db, "sil", covered_from="2025-11-01T00:00:00Z", finished_at="2026-02-01T03:00:00Z")
    crawled(db, "sil", covered_from="2026-01-25T00:00:00Z", finished_at="2026-02-02T03:00:00Z")
    assert stances(db)["sil"]["stance"] == "silent"
    # a month unread, then a crawl that reads only the last days: a gap, so no longer silent
    crawled(db, "sil", covered_from="2026-03-01T00:00:00Z", finished_at="2026-03-05T03:00:00Z")
    row = stances(db)["sil"]
    assert row["stance"] == "unmonitored" and row["coverage_from"] == "2026-03-01T00:00:00Z"


def test_a_news_feed_never_makes_anyone_silent(db):
    searched(db, ["cora", "sam", "mia", "sil", "una", "old"])
    rows = stances(db)
    assert {rows[leader]["stance"] for leader in ("sil", "una", "old")} == {"unmonitored"}
    assert rows["sil"]["monitored_since"] == "2026-01-21T03:00:00Z"
    assert rows["sil"]["coverage"] == ("Mastodon not crawled yet; news only since 2026-01-19; "
                                       "no news-archive search")
    # a leader the feed was not read for (added later, or outside a --leader crawl) was not listened to
    assert rows["quiet"]["monitored_since"] is None


def test_an_archive_search_over_the_whole_window_makes_silence(db):
    save_article_mentions(db, [{"article_url": f"https://news.example/{n}", "leader_id": "nora",
                                "published_at": "2026-02-0%dT00:00:00Z" % n, "source": "archive:nora"} for n in (1, 2)])
    searched(db, ["nora"], platform="archive", covered_from="2026-03-01T00:00:00Z", url="https://archive.example/?q=Nora")
    row = stances(db)["nora"]
    assert row["stance"] == "unmonitored"
    assert row["coverage"] == "news archive searched back to 2026-03-01 only; no news source read for them"
    searched(db, ["nora"], platform="archive", covered_from="2025-12-20T00:00:00Z", at="2026-03-02T03:00:00Z",
             url="https://archive.example/?q=Nora")
    row = stances(db)["nora"]
    assert (row["stance"], row["articles_read"], row["coverage_channels"]) == ("silent", 2, "archive")
    assert row["coverage"].startswith("nothing either way in 2 news articles that name them since 2026-01-01 "
                                      "(news archive searched over the whole window)")


def test_a_skipped_account_is_named_as_missing(db):
    record_crawl(db, {"platform": "x", "account_id": "x:xena", "started_at": "2026-01-21T03:00:00Z",
                      "status": "skipped", "error": "no token (ONRECORD_X_BEARER_TOKEN is not set)"})
    searched(db, ["xena"])
    row = stances(db)["xena"]
    assert row["stance"] == "unmonitored"
    assert row["coverage"] == "X skipped: no token; news only since 2026-01-19; no news-archive search"


def test_news_crawls_recorded_before_coverage_was_measured_count_for_nobody(tmp_path):
    from sqlite_utils import Database

    from onrecord.db.migrations import migrations

    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m007_crawl_leaders")
    save_watchlist(old, WATCHLIST)
    old["crawls"].insert({"platform": "news", "source_url": NEWS, "started_at": "2026-01-05T00:00:00Z",
                          "finished_at": "2026-01-05T00:01:00Z", "status": "ok"})
    old["crawl_state"].insert({"source": "mastodon:sil@social.example", "native_id": "7",
                               "high_water": "2026-01-04T00:00:00Z", "etag": '"v1"'})
    old.close()
    db = open_db(path)
    assert db["crawl_leaders"].count == len(WATCHLIST["leaders"])  # m007 linked every leader
    assert {row["stance"] for row in stances(db).values()} == {"unmonitored"}  # but no window was measured
    # m201 forgets the marks, so the next crawl reads each listing from the top again
    state = db["crawl_state"].get("mastodon:sil@social.example")
    assert (state["native_id"], state["high_water"], state["etag"]) == ("7", None, None)


def test_new_model_replaces_older_stance(db):
    say(db, "cora", 1, "condemning")
    save_stances(db, [{"statement_id": "mastodon:cora:1", "topic_id": "ice-enforcement", "stance": "silent",
                       "on_topic": False, "confidence": 0.6, "evidence": "", "model": "test-1"}])
    assert db["stances"].count == 1
    crawled(db, "cora")
    assert stances(db)["cora"]["stance"] == "silent"


def unsure_off_topic(db, leader, side_possible):
    """One silent, off-topic judgment awaiting review; side_possible None writes it as a judgment
    stored before the column was (NULL)."""
    statement_id = f"mastodon:{leader}:unsure"
    save_statements(db, [{"id": statement_id, "leader_id": leader, "account_id": f"mastodon:{leader}@social.example",
                          "platform": "mastodon", "kind": "post", "text": "unsure words",
                          "published_at": "2026-01-20T10:00:00Z"}])
    save_stances(db, [{"statement_id": statement_id, "topic_id": "ice-enforcement", "stance": "silent",
                       "on_topic": False, "confidence": 0.6, "evidence": "", "model": "test-0",
                       "needs_review": True, "side_possible": bool(side_possible)}])
    if side_possible is None:
        db.execute("UPDATE stances SET side_possible = NULL WHERE statement_id = ?", [statement_id])
    return statement_id


def test_silence_is_not_claimed_from_an_unsure_word_another_reading_takes_as_a_side(db):
    # Each leader's only word is silent and off the topic, and the model is unsure of it. Where a
    # head of the review chain or the lexical reading gave it a side, it may hide one: not silent.
    for leader, side_possible in (("sil", True), ("quiet", False), ("old", None)):
        crawled(db, leader)
        unsure_off_topic(db, leader, side_possible)
    rows = stances(db)
    assert (rows["sil"]["stance"], rows["sil"]["position"]) == ("unmonitored", "awaiting_review")
    assert rows["sil"]["coverage"].startswith("1 judgment(s) awaiting review, no confident side")
    assert (rows["quiet"]["stance"], rows["quiet"]["position"]) == ("silent", "said_nothing")
    # stored before side_possible was: unknown counts as possible until the next classify
    assert (rows["old"]["stance"], rows["old"]["position"]) == ("unmonitored", "awaiting_review")
    plan = " ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN SELECT * FROM leader_stances").fetchall())
    assert "idx_stances_counted" in plan


def test_the_review_queue_says_why_an_unsure_silence_blocks_the_headline(db):
    crawled(db, "sil")
    crawled(db, "quiet")
    blocking = unsure_off_topic(db, "sil", True)
    harmless = unsure_off_topic(db, "quiet", False)
    queue = {row["statement_id"]: row for row in db.query("SELECT * FROM review_queue")}
    assert queue[blocking]["priority"] == 3 and "another reading takes it as a side" in queue[blocking]["reasons"]
    assert queue[harmless]["priority"] == 5 and "another reading" not in queue[harmless]["reasons"]


def test_a_judgment_awaiting_review_from_before_side_possible_is_judged_again(db):
    from onrecord.db.queries import statements_to_classify

    old = unsure_off_topic(db, "old", None)
    known = unsure_off_topic(db, "quiet", False)
    say(db, "cora", 1, "silent", on_topic=False)  # confident: nothing to learn from judging it again
    db.execute("UPDATE stances SET side_possible = NULL WHERE statement_id = 'mastodon:cora:1'")
    assert statements_to_classify(db, "ice-enforcement", "test-0") == [old]
    assert known not in statements_to_classify(db, "ice-enforcement", "test-0")
