"""Issue 12, through the crawler (crawl_watchlist with the real spiders and pipelines, against the
fake platforms of demo/sites answered by the replay server) into a real SQLite file: "silent"
only when what was read covers the whole window. (The archive's case is in
test_archive_spider.py.) Every person and post is FICTIONAL."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from onrecord.demo.replay import Reply
from onrecord.demo.sites import MastodonInstance, RssFeed, article_page, make_posts
from tests.crawler.test_archive_spider import FILLER

NOW = datetime.now(timezone.utc).replace(microsecond=0)
SINCE = "2026-01-01"  # tests/crawler/conftest.py's watchlists


def stance(db, leader="fictional-leader"):
    return db.rows("SELECT * FROM leader_stances WHERE leader_id = ?", [leader])[0]


def news_feed(replay, days_old=(0, 1)):
    """A news feed of current items only: off-topic articles naming nobody."""
    for d in days_old:
        replay.add(f"/news/{d}.html", Reply(body=article_page(f"Riverton budget, day {d}", [
            "The fictional city council of Riverton passed its budget on a seven to two vote, after a long "
            "debate about bus routes, library hours and the cost of repairing the harbour bridge."] + FILLER,
            NOW - timedelta(days=d)), headers={"Content-Type": "text/html; charset=utf-8"}))
    items = "".join(f"<item><title>Story {d}</title><link>{{BASE}}/news/{d}.html</link>"
                    f"<pubDate>{(NOW - timedelta(days=d)).strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate></item>"
                    for d in days_old)
    replay.add("/news/feed.xml", Reply(body=f'<?xml version="1.0"?><rss version="2.0"><channel><title>Fictional '
                                            f'Ledger</title>{items}</channel></rss>',
                                       headers={"Content-Type": "application/rss+xml"}))
    replay.add("/robots.txt", Reply(status=404))
    return replay.url("/news/feed.xml")


def test_a_news_only_crawl_of_current_items_silences_nobody(replay, crawl_offline, db):
    feed = news_feed(replay)
    result = crawl_offline([], news=[feed])
    assert result.summary["sources"] == 1
    row = stance(db)
    assert row["stance"] == "unmonitored"  # before issue 12: "silent", monitored since today
    assert row["coverage"] == (f"news only since {(NOW - timedelta(days=1)).strftime('%Y-%m-%d')}; "
                               "no news-archive search")
    assert db.value("SELECT count(*) FROM leader_stances WHERE stance = 'silent'") == 0


def test_an_account_with_every_page_failed_leaves_its_leader_unmonitored(replay, crawl_offline, db):
    instance = MastodonInstance(replay, domain="example.social")
    ada = instance.add_account("ada", make_posts(30, seed=1))
    replay.add(f"/api/v1/accounts/{ada.id}/statuses", Reply.json({"error": "Internal server error"}, status=500))
    result = crawl_offline([{"platform": "mastodon", "handle": "ada@example.social", "api": replay.base}],
                           settings={"ONRECORD_RETRY_TIMES": 0})
    [row] = result.rows
    assert (row["status"], row["covered_from"]) == ("failed", None)  # the lookup answered; no page did
    assert stance(db)["stance"] == "unmonitored"
    assert stance(db)["coverage"].startswith("Mastodon failed: HTTP 500 (1); ")


def test_an_account_read_back_to_since_with_nothing_on_topic_is_silent(replay, crawl_offline, db):
    instance = MastodonInstance(replay, domain="example.social")
    # 400 off-topic posts, one every 20 hours: back to November 2025, so past the window's start
    instance.add_account("ada", make_posts(400, seed=2, spacing_minutes=20 * 60, kinds=("post",)))
    result = crawl_offline([{"platform": "mastodon", "handle": "ada@example.social", "api": replay.base}])
    [row] = result.rows
    assert row["status"] == "ok" and row["covered_from"] < SINCE
    silent = stance(db)
    assert silent["stance"] == "silent"
    posts = db.value("SELECT count(*) FROM statements WHERE published_at >= ?", [SINCE])
    assert silent["coverage"] == (f"nothing either way in {posts} posts on Mastodon since {SINCE} "
                                  "and 0 news articles that name them")


def test_a_blog_feed_that_does_not_reach_back_to_since_is_no_silence(replay, crawl_offline, db):
    RssFeed(replay, "/blog/feed.xml", make_posts(20, seed=3, spacing_minutes=24 * 60, kinds=("post",)))
    replay.add("/robots.txt", Reply(status=404))
    crawl_offline([{"platform": "rss", "url": replay.url("/blog/feed.xml")}])
    row = stance(db)
    oldest = db.value("SELECT min(published_at) FROM statements")
    assert row["stance"] == "unmonitored" and row["coverage_from"] == oldest
    assert row["coverage"].startswith(f"RSS read back to {oldest[:10]} only")
    # the next night the feed has not changed (304): its window joins the first one, no gap
    crawl_offline([{"platform": "rss", "url": replay.url("/blog/feed.xml")}])
    first, second = db.rows("SELECT covered_from, covered_to FROM crawls ORDER BY id")
    assert second["covered_from"] <= first["covered_to"] and stance(db)["coverage_from"] == oldest


def test_a_skipped_x_account_is_skipped_not_failing(replay, crawl_offline, db):
    accounts = [{"platform": "x", "handle": "fictional_ada"}]
    for _ in range(3):
        result = crawl_offline(accounts)
        assert result.summary["skipped"] == 1 and result.summary["failed"] == 0
    assert {row["status"] for row in db.rows("SELECT status FROM crawls")} == {"skipped"}
    health = db.rows("SELECT health, failed_in_a_row, reason FROM source_health")[0]
    assert health == {"health": "skipped", "failed_in_a_row": 0,
                      "reason": "skipped by design: no token (ONRECORD_X_BEARER_TOKEN is not set)"}
    row = stance(db)
    assert row["stance"] == "unmonitored"
    assert row["coverage"] == "X skipped: no token; no news source read for them; no news-archive search"
