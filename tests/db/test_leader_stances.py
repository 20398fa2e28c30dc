"""`leader_stances` on hand-made rows: every stance, and the `since` window."""
import pytest

from onrecord.db.connect import open_db
from onrecord.db.save import record_crawl, save_stances, save_statements, save_watchlist

WATCHLIST = {
    "topic": {"id": "ice-enforcement", "name": "Enforcement", "since": "2026-01-01T00:00:00Z"},
    "leaders": [
        {"id": lid, "name": lid.title(), "aliases": [],
         "accounts": [{"id": f"mastodon:{lid}@social.example", "platform": "mastodon", "handle": f"{lid}@social.example"}]}
        for lid in ("cora", "sam", "mia", "sil", "una", "old", "quiet")
    ],
    "news": [],
}


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


def crawled(db, leader, status="ok", finished_at="2026-01-21T03:00:00Z"):
    record_crawl(db, {"platform": "mastodon", "account_id": f"mastodon:{leader}@social.example",
                      "started_at": finished_at, "finished_at": finished_at, "status": status,
                      "items": 1, "new_items": 1})


def stances(db):
    return {row["leader_id"]: row for row in db.query("SELECT * FROM leader_stances")}


def test_each_stance(db):
    say(db, "cora", 1, "condemning")
    say(db, "cora", 2, "silent", on_topic=False)
    say(db, "sam", 1, "supporting")
    say(db, "mia", 1, "condemning")
    say(db, "mia", 2, "supporting", published_at="2026-02-01T00:00:00Z")
    crawled(db, "sil")
    say(db, "sil", 1, "silent", on_topic=True)
    crawled(db, "una", status="failed")
    rows = stances(db)
    assert {k: v["stance"] for k, v in rows.items()} == {
        "cora": "condemning", "sam": "supporting", "mia": "mixed", "sil": "silent",
        "una": "unmonitored", "old": "unmonitored", "quiet": "unmonitored"}
    assert (rows["mia"]["condemning"], rows["mia"]["supporting"], rows["mia"]["on_topic"]) == (1, 1, 2)
    assert rows["mia"]["last_statement_at"] == "2026-02-01T00:00:00Z"
    assert rows["cora"]["on_topic"] == 1  # the off-topic post does not count
    assert rows["sil"]["monitored_since"] == "2026-01-21T03:00:00Z"
    assert rows["una"]["monitored_since"] is None


def test_since_window(db):
    say(db, "old", 1, "condemning", published_at="2025-12-31T23:59:59Z")
    crawled(db, "quiet", finished_at="2025-12-15T00:00:00Z")
    rows = stances(db)
    assert rows["old"]["stance"] == "unmonitored" and rows["old"]["condemning"] == 0
    assert rows["quiet"]["stance"] == "unmonitored"  # crawled, but before the window opened
    crawled(db, "old", status="partial")
    assert stances(db)["old"]["stance"] == "silent"


def test_a_news_source_monitors_the_leaders_it_looked_for(db):
    record_crawl(db, {"platform": "news", "source_url": "https://news.example/feed.xml",
                      "started_at": "2026-01-05T00:00:00Z", "finished_at": "2026-01-05T00:01:00Z", "status": "ok"},
                 leader_ids=["cora", "sam", "mia", "sil", "una", "old"])
    rows = stances(db)
    assert {leader: row["stance"] for leader, row in rows.items() if leader != "quiet"} == dict.fromkeys(
        ["cora", "sam", "mia", "sil", "una", "old"], "silent")
    assert rows["sil"]["monitored_since"] == "2026-01-05T00:00:00Z"
    # a leader the feed was not read for (added later, or outside a --leader crawl) was not listened to
    assert rows["quiet"]["stance"] == "unmonitored"


def test_news_crawls_recorded_before_crawl_leaders_count_for_every_leader(tmp_path):
    from sqlite_utils import Database

    from onrecord.db.migrations import migrations

    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m007_crawl_leaders")
    save_watchlist(old, WATCHLIST)
    old["crawls"].insert({"platform": "news", "source_url": "https://news.example/feed.xml",
                          "started_at": "2026-01-05T00:00:00Z", "finished_at": "2026-01-05T00:01:00Z",
                          "status": "ok"})
    old.close()
    assert {row["stance"] for row in stances(open_db(path)).values()} == {"silent"}


def test_new_model_replaces_older_stance(db):
    say(db, "cora", 1, "condemning")
    save_stances(db, [{"statement_id": "mastodon:cora:1", "topic_id": "ice-enforcement", "stance": "silent",
                       "on_topic": False, "confidence": 0.6, "evidence": "", "model": "test-1"}])
    assert db["stances"].count == 1
    crawled(db, "cora")
    assert stances(db)["cora"]["stance"] == "silent"
