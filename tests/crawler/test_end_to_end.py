"""Real crawls: `onrecord crawl` in a child process (crawler/launch.py) against the replay server
over HTTP, for what only a real crawl shows: time-outs, size limits, 429 back-off and Retry-After,
rate-limit headers pausing a host, a failing host given up, the user agent, and kill -9 mid-crawl.
Everything here is fictional."""
import json
import re
import signal
import sqlite3
import subprocess
import time
from datetime import datetime, timedelta, timezone

from onrecord.crawler.launch import LOCAL, start_crawl
from onrecord.demo.replay import Reply
from onrecord.demo.sites import MastodonInstance, make_posts
from tests.crawler.conftest import FIXTURES, write_watchlist


def account(replay, name, domain="example.social"):
    return {"platform": "mastodon", "handle": f"{name}@{domain}", "api": replay.base}


def test_faults_are_counted_and_other_sources_go_on(replay, crawl, db):
    instance = MastodonInstance(replay, domain="example.social")
    names = ["fine", "limited", "malformed", "html", "slow", "huge", "broken"]
    users = {name: instance.add_account(name, make_posts(50, seed=i)) for i, name in enumerate(names)}
    path = lambda name: f"/api/v1/accounts/{users[name].id}/statuses"  # noqa: E731
    page = lambda name: re.compile(rf"/api/v1/accounts/({users[name].id})/statuses")  # noqa: E731
    replay.add(page("limited"), Reply.json({"error": "Too many requests"}, status=429, headers={"Retry-After": "1"}),
               instance._account_statuses)
    replay.add(path("malformed"), Reply(body=b'[{"id": "1", "content": ', headers={"Content-Type": "application/json"}),
               query={"max_id": str(users["malformed"].posts[39].id)})
    replay.add(path("html"), Reply(body=b"<!DOCTYPE html><html><body>Maintenance</body></html>",
                                   headers={"Content-Type": "text/html; charset=utf-8"}))
    replay.add(path("slow"), Reply.json([], delay=3))
    replay.add(path("huge"), Reply.json([{"id": "1", "content": "x" * 3_000_000}]))
    replay.add(path("broken"), Reply.json({"error": "Bad gateway"}, status=502))
    replay.add("/api/v1/accounts/lookup", Reply.fixture("mastodon_account_lookup_404", FIXTURES),
               query={"acct": "ghost@example.social"})

    result = crawl([account(replay, name) for name in names + ["ghost"]],
                   settings={"DOWNLOAD_TIMEOUT": 1, "DOWNLOAD_MAXSIZE": 1_000_000})

    crawls = {r["account_id"].split(":")[1].split("@")[0]: r for r in db.rows("SELECT * FROM crawls")}
    assert sorted(crawls) == sorted(names + ["ghost"])  # exactly one row per source
    assert (crawls["fine"]["status"], crawls["fine"]["new_items"]) == ("ok", 50)
    assert (crawls["limited"]["status"], crawls["limited"]["new_items"]) == ("ok", 50)
    limited = [r.at for r in replay.requests if r.path == path("limited") and not r.arg("max_id")]
    assert len(limited) == 2 and limited[1] - limited[0] >= 0.9  # Retry-After honoured
    assert (crawls["malformed"]["status"], crawls["malformed"]["new_items"]) == ("partial", 40)
    assert json.loads(crawls["malformed"]["skip_reasons"]) == {"malformed JSON": 1}
    # the lookup answered but no listing page was usable: nothing was read, so the source failed
    assert crawls["html"]["status"] == "failed" and "HTML where JSON was expected" in crawls["html"]["error"]
    assert crawls["slow"]["status"] == "failed" and "timeout" in crawls["slow"]["error"]
    assert crawls["huge"]["status"] == "failed" and "over size limit" in crawls["huge"]["error"]
    assert crawls["broken"]["status"] == "failed" and "HTTP 502" in crawls["broken"]["error"]
    assert {crawls[name]["covered_from"] for name in ("html", "slow", "huge", "broken", "ghost")} == {None}
    assert crawls["malformed"]["covered_from"] and crawls["fine"]["covered_from"]
    assert replay.count(path("broken")) == 4  # first try + 3 retries with back-off
    # The row counts every request made for the source: the lookup and every attempt. Counted
    # against what the server saw, since on a loaded machine the lookup itself may time out (1 s
    # here) and be retried.
    lookups = [r for r in replay.requests if r.path == "/api/v1/accounts/lookup"
               and r.arg("acct", "").startswith("broken@")]
    assert lookups and crawls["broken"]["requests"] == len(lookups) + 4
    assert crawls["ghost"]["status"] == "failed" and "Record not found" in crawls["ghost"]["error"]
    assert result.summary["failed"] == 5 and result.summary["ok"] == 2 and result.summary["partial"] == 1
    # A partial listing must not advance the high-water mark, or the next crawl would leave a gap.
    assert db.value("SELECT high_water FROM crawl_state WHERE source = 'mastodon:malformed@example.social'") is None
    assert db.value("SELECT high_water FROM crawl_state WHERE source = 'mastodon:fine@example.social'")


def saved_so_far(path) -> int:
    """Poll without migrating: the crawl may still be creating the schema."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as connection:
            return connection.execute("SELECT count(*) FROM statements").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_kill_9_mid_crawl_leaves_a_consistent_database_and_the_next_crawl_completes(replay, tmp_path, db_path, crawl, db):
    instance = MastodonInstance(replay, domain="example.social")
    big = instance.add_account("big", make_posts(1200, seed=7, spacing_minutes=30))
    slow = {"delay": 0.15}

    def slow_pages(request):
        time.sleep(slow["delay"])
        return instance._account_statuses(request)

    replay.add(re.compile(rf"/api/v1/accounts/({big.id})/statuses"), slow_pages)
    accounts = [account(replay, "big")]
    watchlist = write_watchlist(tmp_path / "watchlist.yml", accounts)
    process = start_crawl(watchlist, db_path, settings={"ONRECORD_BATCH_SIZE": 40}, settings_module=LOCAL,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            time.sleep(0.1)
            if saved_so_far(db_path) >= 200:
                break
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=10)

    saved = db.value("SELECT count(*) FROM statements")
    assert 200 <= saved < 1200
    assert db.value("PRAGMA integrity_check") == "ok"
    assert db.value("SELECT high_water FROM crawl_state WHERE source = 'mastodon:big@example.social'") is None
    assert db.value("SELECT count(*) FROM crawls") == 0

    slow["delay"] = 0
    result = crawl(accounts)
    assert result.summary["ok"] == 1 and result.summary["new_items"] == 1200 - saved
    assert db.value("SELECT count(*) FROM statements") == 1200
    assert db.value("SELECT count(DISTINCT id) FROM statements") == 1200
    assert db.value("SELECT count(*) FROM crawls") == 1


def test_zero_remaining_pauses_the_host_until_the_reset(replay, crawl):
    instance = MastodonInstance(replay)
    alice = instance.add_account("alice", make_posts(60, seed=1))

    def exhausted(request):
        reply = instance._account_statuses(request)
        if not request.arg("max_id"):
            reset = datetime.now(timezone.utc) + timedelta(seconds=1.5)
            reply.headers.update({"x-ratelimit-remaining": "0",
                                  "x-ratelimit-reset": reset.strftime("%Y-%m-%dT%H:%M:%S.%fZ")})
        return reply

    replay.add(re.compile(rf"/api/v1/accounts/({alice.id})/statuses"), exhausted)
    result = crawl([account(replay, "alice")], env={"ONRECORD_CONTACT_URL": "https://operator.example/onrecord"})

    pages = [r for r in replay.requests if r.path.endswith("/statuses")]
    assert len(pages) == 2 and pages[1].at - pages[0].at >= 1.2
    assert result.summary["new_items"] == 60
    assert all(r.headers["user-agent"] == "onrecord/0.1.0 (+https://operator.example/onrecord)" for r in replay.requests)


def test_a_failing_host_is_given_up_after_a_few_failures_in_a_row(replay, crawl, db):
    replay.add("/api/v1/accounts/lookup", Reply.json({"error": "Service Unavailable"}, status=503))
    names = [f"leader{n}" for n in range(8)]
    # One request at a time: requests already queued when the host is given up still go out
    # (at most CONCURRENT_REQUESTS of them); every later one is dropped.

    result = crawl([account(replay, name) for name in names],
                   settings={"CONCURRENT_REQUESTS": 1, "CONCURRENT_REQUESTS_PER_DOMAIN": 1, "ONRECORD_RETRY_TIMES": 0,
                             "ONRECORD_HOST_MAX_FAILURES": 3}, check=False)

    assert result.returncode == 1  # every source tried failed
    assert replay.count("/api/v1/accounts/lookup") == 3
    errors = [r["error"] for r in db.rows("SELECT error FROM crawls")]
    assert len(errors) == 8 and result.summary["failed"] == 8
    assert sum("HTTP 503" in e for e in errors) == 3
    assert sum("gave up on 127.0.0.1" in e for e in errors) == 5
