"""The nightly runs table (db.save.record_run) and the source_health view."""
import json
from datetime import datetime, timedelta, timezone

import pytest

from onrecord.db.connect import open_db
from onrecord.db.save import SaveError, record_crawl, record_run, save_statements, save_watchlist

UTC = timezone.utc


def test_record_run_inserts_then_updates(tmp_path):
    db = open_db(tmp_path / "r.db")
    run_id = record_run(db, {"started_at": "2026-11-22T03:00:00Z", "status": "running", "started_by": "schedule"})
    assert record_run(db, {"id": run_id, "status": "ok", "stance_changes": [{"leader_id": "a", "before": None, "after": "silent"}],
                           "new_statements": 4}) == run_id
    row = db["runs"].get(run_id)
    assert (row["status"], row["started_at"], row["new_statements"]) == ("ok", "2026-11-22T03:00:00Z", 4)
    assert json.loads(row["stance_changes"]) == [{"after": "silent", "before": None, "leader_id": "a"}]
    with pytest.raises(SaveError, match="run status 'done'"):
        record_run(db, {"id": run_id, "status": "done"})


WATCHLIST = {
    "topic": {"id": "ice-enforcement", "name": "Enforcement", "since": "2026-01-01T00:00:00Z"},
    "leaders": [
        {"id": "ada-example", "name": "Ada Example (fictional)", "accounts": [
            {"id": "mastodon:ada@example.social", "platform": "mastodon", "handle": "ada@example.social"},
            {"id": "bluesky:ada.example.com", "platform": "bluesky", "handle": "ada.example.com"},
        ]},
        {"id": "bo-sample", "name": "Bo Sample (fictional)", "accounts": [
            {"id": "rss:https://bo.example.com/feed.xml", "platform": "rss", "url": "https://bo.example.com/feed.xml"},
            {"id": "mastodon:bo@example.social", "platform": "mastodon", "handle": "bo@example.social"},
        ]},
    ],
}


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def crawl(db, account, when, status="ok", error=None, platform="mastodon", source_url=None, new_items=0):
    record_crawl(db, {"platform": platform, "account_id": account, "source_url": source_url, "status": status,
                      "started_at": iso(when), "finished_at": iso(when + timedelta(minutes=1)), "error": error,
                      "items": 0, "new_items": new_items})


def posts(db, account, leader, times):
    save_statements(db, [{"id": f"{account}:{i}", "leader_id": leader, "account_id": account,
                          "platform": account.split(":")[0], "kind": "post", "text": f"Fictional post {i}",
                          "published_at": iso(t)} for i, t in enumerate(times)])


def test_source_health_flags_failing_and_quiet_sources(tmp_path):
    db = open_db(tmp_path / "h.db")
    save_watchlist(db, WATCHLIST)
    now = datetime.now(UTC).replace(microsecond=0)
    # Ada on Mastodon posts daily and last posted yesterday: ok.
    posts(db, "mastodon:ada@example.social", "ada-example", [now - timedelta(days=d) for d in range(1, 30)])
    crawl(db, "mastodon:ada@example.social", now - timedelta(hours=2))
    # Ada on Bluesky: failed on the last 3 crawls, after an ok one.
    for days, status in [(4, "ok"), (3, "failed"), (2, "failed"), (1, "failed")]:
        crawl(db, "bluesky:ada.example.com", now - timedelta(days=days), status, error="HTTP 502" if status == "failed" else None,
              platform="bluesky")
    # Bo's blog: posts every 2 days, but nothing in the last 20 days of ok crawls: quiet.
    posts(db, "rss:https://bo.example.com/feed.xml", "bo-sample",
          [now - timedelta(days=20 + 2 * k) for k in range(10)])
    crawl(db, "rss:https://bo.example.com/feed.xml", now - timedelta(hours=1), platform="rss")
    # A news feed found new quotes weekly until 30 days ago: quiet (3 x 7 days < 30).
    for days in (51, 44, 37, 30):
        crawl(db, None, now - timedelta(days=days), platform="news", source_url="https://news.example.com/feed", new_items=2)
    crawl(db, None, now - timedelta(hours=3), platform="news", source_url="https://news.example.com/feed")
    rows = {row["source"]: row for row in db.query("SELECT * FROM source_health")}

    ada = rows["mastodon:ada@example.social"]
    assert (ada["health"], ada["reason"], ada["median_gap_days"]) == ("ok", None, 1.0)
    failing = rows["bluesky:ada.example.com"]
    assert (failing["health"], failing["failed_in_a_row"]) == ("failing", 3)
    assert failing["reason"] == "failed on its last 3 crawls: HTTP 502"
    blog = rows["rss:https://bo.example.com/feed.xml"]
    assert blog["health"] == "quiet" and blog["median_gap_days"] == 2.0 and 19.9 < blog["quiet_days"] < 20.1
    assert blog["reason"].startswith("nothing new for 20.0 days; usually every 2.0 days")
    news = rows["https://news.example.com/feed"]
    assert (news["health"], news["platform"], news["median_gap_days"]) == ("quiet", "news", 7.0)
    assert rows["mastodon:bo@example.social"]["health"] == "never crawled"


def test_source_health_needs_a_rhythm_and_a_week_before_calling_a_source_quiet(tmp_path):
    db = open_db(tmp_path / "h.db")
    save_watchlist(db, WATCHLIST)
    now = datetime.now(UTC).replace(microsecond=0)
    # Hourly poster silent for 5 days: far beyond 3x its rhythm, but under the 7-day floor.
    posts(db, "mastodon:ada@example.social", "ada-example", [now - timedelta(days=5, hours=h) for h in range(20)])
    crawl(db, "mastodon:ada@example.social", now - timedelta(hours=1))
    # Two posts are one gap: no rhythm to judge by, however long the silence.
    posts(db, "bluesky:ada.example.com", "ada-example", [now - timedelta(days=90), now - timedelta(days=91)])
    crawl(db, "bluesky:ada.example.com", now - timedelta(hours=1), platform="bluesky")
    # Two failures in a row are not yet three: failed, not yet the alarm of failing.
    for days, status in [(3, "ok"), (2, "failed"), (1, "failed")]:
        crawl(db, "mastodon:bo@example.social", now - timedelta(days=days), status)
    rows = {row["source"]: row for row in db.query("SELECT * FROM source_health")}
    assert rows["mastodon:ada@example.social"]["health"] == "ok"
    assert rows["bluesky:ada.example.com"]["health"] == "ok"
    bo = rows["mastodon:bo@example.social"]
    assert (bo["health"], bo["failed_in_a_row"]) == ("failed", 2)
    assert bo["reason"].startswith("its last crawl failed (2 in a row; failing from 3)")


def test_a_source_skipped_by_design_is_never_failing(tmp_path):
    db = open_db(tmp_path / "h.db")
    save_watchlist(db, WATCHLIST)
    now = datetime.now(UTC).replace(microsecond=0)
    reason = "no token (ONRECORD_X_BEARER_TOKEN is not set)"
    for days in (3, 2, 1):  # an X-like account skipped every night for want of a token
        crawl(db, "mastodon:ada@example.social", now - timedelta(days=days), "skipped", error=reason)
    # skipped crawls neither break nor extend a run of failures
    for days, status in [(5, "failed"), (4, "skipped"), (3, "failed"), (2, "skipped"), (1, "failed")]:
        crawl(db, "bluesky:ada.example.com", now - timedelta(days=days), status, platform="bluesky",
              error="HTTP 502" if status == "failed" else reason)
    rows = {row["source"]: row for row in db.query("SELECT * FROM source_health")}
    skipped = rows["mastodon:ada@example.social"]
    assert (skipped["health"], skipped["failed_in_a_row"], skipped["last_ok_at"]) == ("skipped", 0, None)
    assert skipped["reason"] == f"skipped by design: {reason}"
    failing = rows["bluesky:ada.example.com"]
    assert (failing["health"], failing["failed_in_a_row"]) == ("failing", 3)
