"""The Mastodon spider through Scrapy against the replay server: the real recorded payloads
(shared/fixtures) and generated fictional accounts in the same format."""
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time

from onrecord.demo.replay import Reply
from onrecord.demo.sites import MastodonInstance, make_posts
from tests.crawler.conftest import CRAWL_ONCE, FAST, FIXTURES, write_watchlist

STATUSES = "/api/v1/accounts/117020565966271181/statuses"
HANDLE = "mastodonpy_test@localhost.test"
ACCOUNT = f"mastodon:{HANDLE}"


def account(replay, handle=HANDLE):
    return {"platform": "mastodon", "handle": handle, "api": replay.base}


def fixture(name, **kwargs):
    return Reply.fixture(name, FIXTURES, **kwargs)


def test_recorded_pages_are_followed_to_the_last_page(replay, crawl, db):
    replay.add("/api/v1/accounts/lookup", fixture("mastodon_account_lookup"))
    replay.add(STATUSES, fixture("mastodon_account_statuses_page1"), query={"limit": "40"})
    replay.add(STATUSES, fixture("mastodon_account_statuses_page2_max_id"), query={"max_id": "117020580489281910"})
    # A full last page still carries rel="next"; the page after it is an empty array.
    replay.add(STATUSES, Reply.json([]), query={"max_id": "117020580452511285"})

    result = crawl([account(replay)])

    assert result.summary["ok"] == 1 and result.summary["new_items"] == 10
    texts = [r["text"] for r in db.rows("SELECT text FROM statements ORDER BY id DESC")]
    assert texts == [f"Toot number {n}!" for n in range(9, -1, -1)]
    row = db.rows("SELECT * FROM statements WHERE id = ?", ["mastodon:localhost.test:117020580518794573"])[0]
    assert row["kind"] == "post" and row["lang"] == "en" and row["leader_id"] == "fictional-leader"
    assert row["published_at"] == "2026-08-01T13:52:34Z" and row["account_id"] == ACCOUNT
    raw = json.loads(db.value("SELECT payload FROM statement_raw WHERE statement_id = ?", [row["id"]]))
    assert raw["content"] == "<p>Toot number 9!</p>"
    assert replay.count("/api/v1/accounts/lookup") == 1 and replay.count(STATUSES) == 3
    assert db.value("SELECT native_id FROM crawl_state WHERE source = ?", [ACCOUNT]) == "117020565966271181"
    crawl_row = db.rows("SELECT * FROM crawls")[0]
    assert (crawl_row["status"], crawl_row["items"], crawl_row["new_items"], crawl_row["requests"]) == ("ok", 10, 10, 4)
    assert result.line(ACCOUNT).startswith(f"{ACCOUNT}  ok  10 new / 10 seen")


def test_recorded_boost_reply_quote_edit_and_content_warning(replay, crawl, db):
    page = [json.loads((FIXTURES / f"mastodon_status_{name}.json").read_text().replace("http://localhost:3000", "https://localhost.test"))
            for name in ("reblog", "reply", "quote", "edited", "mastodon_social_real")]
    replay.add("/api/v1/accounts/lookup", fixture("mastodon_account_lookup"))
    replay.add(STATUSES, Reply.json(page))

    crawl([account(replay)])

    rows = {r["id"].rsplit(":", 1)[1]: r for r in db.rows("SELECT * FROM statements")}
    boost = rows["117020586027094262"]
    assert (boost["kind"], boost["text"], boost["original_author"]) == ("repost", "Toot!", "mastodonpy_test@localhost.test")
    assert boost["url"] == "https://localhost.test/@mastodonpy_test/117020586019094258"
    assert boost["published_at"] == "2026-08-01T13:53:58Z"  # when it was boosted
    reply = rows["117020583258292382"]
    assert reply["kind"] == "reply" and reply["in_reply_to"] == "mastodon:localhost.test:117020583245459824"
    assert reply["text"] == "@mastodonpy_test_2 same!"
    quote = rows["117020582925004921"]
    assert (quote["kind"], quote["text"]) == ("quote", "yoooooooo")  # the "RE: <link>" fallback is dropped
    assert quote["original_author"] == "mastodonpy_test@localhost.test"
    edited = rows["117020586180926938"]
    assert edited["edited_at"] == "2026-08-01T13:54:00Z" and edited["lang"] == "ja"
    real = rows["110446223051565765"]
    assert real["content_warning"] == "test post for mastodon.py stuff" and real["lang"] == "de"
    assert "\n\n" in real["text"] and "<" not in real["text"]  # paragraphs kept, HTML gone


def test_recrawl_edit_and_deletion(replay, crawl, db):
    instance = MastodonInstance(replay, domain="example.social")
    alice = instance.add_account("alice", make_posts(95, seed=1, spacing_minutes=600))
    accounts = [account(replay, "alice@example.social")]
    source = "mastodon:alice@example.social"
    statuses = f"/api/v1/accounts/{alice.id}/statuses"

    first = crawl(accounts)
    assert first.summary["new_items"] == 95
    assert replay.count(statuses) == 3  # 40 + 40 + 15
    kinds = {r["kind"]: r["n"] for r in db.rows("SELECT kind, count(*) n FROM statements GROUP BY kind")}
    assert kinds == {"post": 24, "reply": 24, "repost": 24, "quote": 23}

    replay.clear_log()
    again = crawl(accounts)
    assert again.summary["new_items"] == 0 and again.summary["ok"] == 1
    assert len(replay.requests) == 1  # cached account id, one page reaches past the 7-day window

    edited, deleted, unsure = alice.posts[0], alice.posts[1], alice.posts[2]
    alice.edit(edited.id, "An edited fictional post.")
    alice.delete(deleted.id)
    alice.delete(unsure.id)
    replay.add(f"/api/v1/statuses/{unsure.id}", Reply.json({"error": "Service Unavailable"}, status=503))
    replay.clear_log()
    third = crawl(accounts)

    prefix = "mastodon:example.social:"
    row = db.rows("SELECT text, edited_at FROM statements WHERE id = ?", [prefix + edited.id])[0]
    assert row["text"] == "An edited fictional post." and row["edited_at"]
    assert db.value("SELECT text FROM statement_revisions WHERE statement_id = ?", [prefix + edited.id]).startswith("Fictional post 1-0")
    assert db.value("SELECT deleted_at FROM statements WHERE id = ?", [prefix + deleted.id])
    assert db.value("SELECT deleted_at FROM statements WHERE id = ?", [prefix + unsure.id]) is None  # 5xx is no proof
    assert db.value("SELECT count(*) FROM statements") == 95  # rows stay
    assert replay.count(f"/api/v1/statuses/{deleted.id}") == 1
    assert third.summary["ok"] == 1
    assert "1 deleted" in third.line(source) and "1 edited" in third.line(source)


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
    replay.add("/api/v1/accounts/lookup", fixture("mastodon_account_lookup_404"), query={"acct": "ghost@example.social"})

    result = crawl([account(replay, f"{name}@example.social") for name in names + ["ghost"]],
                   settings={"DOWNLOAD_TIMEOUT": 1, "DOWNLOAD_MAXSIZE": 1_000_000})

    crawls = {r["account_id"].split(":")[1].split("@")[0]: r for r in db.rows("SELECT * FROM crawls")}
    assert sorted(crawls) == sorted(names + ["ghost"])  # exactly one row per source
    assert (crawls["fine"]["status"], crawls["fine"]["new_items"]) == ("ok", 50)
    assert (crawls["limited"]["status"], crawls["limited"]["new_items"]) == ("ok", 50)
    limited = [r.at for r in replay.requests if r.path == path("limited") and not r.arg("max_id")]
    assert len(limited) == 2 and limited[1] - limited[0] >= 0.9  # Retry-After honoured
    assert (crawls["malformed"]["status"], crawls["malformed"]["new_items"]) == ("partial", 40)
    assert json.loads(crawls["malformed"]["skip_reasons"]) == {"malformed JSON": 1}
    assert crawls["html"]["status"] == "partial" and "HTML where JSON was expected" in crawls["html"]["error"]
    assert crawls["slow"]["status"] == "partial" and "timeout" in crawls["slow"]["error"]
    assert crawls["huge"]["status"] == "partial" and "over size limit" in crawls["huge"]["error"]
    assert crawls["broken"]["status"] == "partial" and "HTTP 502" in crawls["broken"]["error"]
    assert replay.count(path("broken")) == 4  # first try + 3 retries with back-off
    assert crawls["broken"]["requests"] == 1 + 4  # lookup + every attempt
    assert crawls["ghost"]["status"] == "failed" and "Record not found" in crawls["ghost"]["error"]
    assert result.summary["failed"] == 1 and result.summary["ok"] == 2 and result.summary["partial"] == 5
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
    accounts = [account(replay, "big@example.social")]
    watchlist = write_watchlist(tmp_path / "watchlist.yml", accounts)
    process = subprocess.Popen(
        [sys.executable, str(CRAWL_ONCE), str(watchlist), str(db_path), json.dumps({**FAST, "ONRECORD_BATCH_SIZE": 40})],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            time.sleep(0.1)
            if saved_so_far(db_path) >= 200:
                break
        os.kill(process.pid, signal.SIGKILL)
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
