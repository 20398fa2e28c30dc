"""The nightly cycle (schedule.py) for real: `onrecord schedule` against the local replay server,
crawl and classify children, SIGTERM mid-cycle, a run killed outright, a busy database. Every
post is fictional."""
import json
import re
import signal
import subprocess
import sys
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import onrecord.schedule as nightly
from onrecord.db.connect import open_db
from onrecord.db.save import record_run
from onrecord.nightly import timing
from tests.nightly.test_timing import stored_with_past_run

ONRECORD = Path(sys.executable).with_name("onrecord")
HOLD_LOCK = Path(__file__).parent / "db" / "hold_lock.py"
UTC = timezone.utc


def test_the_scheduler_says_when_it_runs_next_and_stops_on_sigterm(tmp_path):
    watchlist = tmp_path / "watchlist.yml"
    watchlist.write_text("topic: {id: t, name: T}\nleaders: []\n")
    db = tmp_path / "onrecord.db"
    service = subprocess.Popen([str(ONRECORD), "schedule", "--db", str(db), "--watchlist", str(watchlist),
                                "--at", "04:15", "--timezone", "Europe/Berlin"],
                               stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    lines = []
    for line in service.stderr:
        lines.append(line)
        if "Next run:" in line:
            break
    expected = timing.next_run_after("04:15", "Europe/Berlin", datetime.now(UTC))
    assert f"Next run: {expected.isoformat()}" in lines[-1], lines
    assert f"jobs in {db}.jobs" in lines[-1]
    service.terminate()
    rest = service.communicate(timeout=20)[1]
    assert service.returncode == 0, rest
    assert "SIGTERM received" in rest and "Scheduler stopped" in rest


@pytest.fixture
def replay(tmp_path):
    """A Mastodon instance and a Bluesky AppView with one fictional leader's posts, and the
    watchlist pointing at them."""
    from onrecord.demo.replay import ReplayServer
    from onrecord.demo.sites import BlueskyAppView, MastodonInstance, make_posts

    with ReplayServer() as server:
        masto = MastodonInstance(server, domain="example.social")
        masto.add_account("ada", make_posts(12, seed=1))
        bsky = BlueskyAppView(server)
        bsky.add_actor("ada.example.org", make_posts(8, seed=2))
        watchlist = tmp_path / "watchlist.yml"
        watchlist.write_text(
            "topic: {id: ice-enforcement, name: Federal immigration enforcement, since: 2026-01-01}\n"
            "leaders:\n"
            "  - id: ada-example\n"
            "    name: Ada Example (fictional)\n"
            "    accounts:\n"
            f"      - {{platform: mastodon, handle: ada@example.social, api: '{server.base}'}}\n"
            f"      - {{platform: bluesky, handle: ada.example.org, api: '{server.base}'}}\n"
        )
        yield server, masto, watchlist


def once(db, watchlist, **kwargs):
    return subprocess.Popen([str(ONRECORD), "schedule", "--once", "--db", str(db), "--watchlist", str(watchlist)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def test_sigterm_mid_cycle_stops_after_the_step_then_the_next_cycle_is_clean(tmp_path, replay):
    server, masto, watchlist = replay
    db_path = tmp_path / "onrecord.db"
    crawling = threading.Event()

    def slow_statuses(request):  # the crawl is mid-request when the signal comes
        crawling.set()
        reply = masto._account_statuses(request)
        reply.delay = 1.0  # the crawl child is mid-request when the signal comes
        return reply

    server.add(re.compile(r"/api/v1/accounts/(\d+)/statuses"), slow_statuses)
    cycle = once(db_path, watchlist)
    assert crawling.wait(60), cycle.communicate(timeout=5)
    cycle.send_signal(signal.SIGTERM)
    out, err = cycle.communicate(timeout=60)
    assert cycle.returncode == 128 + 15, err
    assert "SIGTERM received: stopping after the current step" in err

    db = open_db(db_path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    [run] = list(db.query("SELECT * FROM runs"))
    assert run["status"] == "interrupted" and run["error"].startswith("stopped by SIGTERM")
    assert [step["step"] for step in json.loads(run["steps"])] == ["crawl mastodon"]  # bluesky never started
    assert db.execute("SELECT COUNT(*) FROM crawls WHERE platform = 'bluesky'").fetchone()[0] == 0
    db.close()

    # The lock is free again, and the next cycle runs every step.
    server.add(re.compile(r"/api/v1/accounts/(\d+)/statuses"), masto._account_statuses)
    cycle = once(db_path, watchlist)
    out, err = cycle.communicate(timeout=120)
    assert cycle.returncode == 0, err
    db = open_db(db_path)
    runs = list(db.query("SELECT * FROM runs ORDER BY id"))
    assert [r["status"] for r in runs][0] == "interrupted"
    assert runs[1]["status"] in ("ok", "partial") and runs[1]["started_by"] == "once"
    assert [s["step"] for s in json.loads(runs[1]["steps"])][:2] == ["crawl mastodon", "crawl bluesky"]
    assert db.execute("SELECT COUNT(*) FROM statements WHERE platform = 'bluesky'").fetchone()[0] == 8
    assert db.execute("SELECT COUNT(*) FROM statements WHERE platform = 'mastodon'").fetchone()[0] == 12


def test_sigterm_during_a_scheduled_cycle_ends_the_step_then_the_scheduler(tmp_path, replay):
    server, masto, watchlist = replay
    db_path = tmp_path / "onrecord.db"
    crawling = threading.Event()

    def slow_statuses(request):
        crawling.set()
        reply = masto._account_statuses(request)
        reply.delay = 1.0  # the crawl child is mid-request when the signal comes
        return reply

    server.add(re.compile(r"/api/v1/accounts/(\d+)/statuses"), slow_statuses)
    due = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(minutes=2)
    at = f"{due.hour:02d}:{due.minute:02d}"
    stored_with_past_run(f"{db_path}.jobs", at, due, db=db_path, watchlist=watchlist)  # due 2 minutes ago
    service = subprocess.Popen([str(ONRECORD), "schedule", "--db", str(db_path), "--watchlist", str(watchlist), "--at", at],
                               stderr=subprocess.PIPE, text=True)
    try:
        assert crawling.wait(60)
        service.send_signal(signal.SIGTERM)
        err = service.communicate(timeout=60)[1]
    finally:
        if service.poll() is None:
            service.kill()
    assert service.returncode == 0, err
    assert "is inside the grace time: running it now" in err and "Scheduler stopped" in err
    db = open_db(db_path)
    [run] = list(db.query("SELECT * FROM runs"))
    assert (run["status"], run["started_by"]) == ("interrupted", "schedule")
    assert [step["step"] for step in json.loads(run["steps"])] == ["crawl mastodon"]


def counts_since(db, started_at):
    """What a run's summary should say, recomputed from the tables."""
    rows = list(db.query(
        """SELECT st.stance, st.on_topic FROM statements s JOIN stances st ON st.statement_id = s.id
           WHERE s.first_seen_at >= ?""", [started_at]))
    on_topic = [r["stance"] for r in rows if r["on_topic"]]
    return {"classified": len(rows), "new_on_topic": len(on_topic),
            "new_condemning": on_topic.count("condemning"), "new_supporting": on_topic.count("supporting"),
            "new_silent": on_topic.count("silent")}


def leader_stance(db):
    return db.execute("SELECT stance FROM leader_stances WHERE leader_id = 'ada-example'").fetchone()[0]


def test_once_crawls_classifies_and_records_what_changed(tmp_path):
    """The whole cycle, for real: crawl children against the replay server, the stance model, the
    runs row and its log line. Every post is fictional."""
    from onrecord.demo.replay import ReplayServer
    from onrecord.demo.sites import FakePost, MastodonInstance, make_posts

    now = datetime.now(UTC).replace(microsecond=0)
    on_topic = [
        FakePost(text="The ICE raids in Minneapolis this week are a disgrace. Masked federal agents dragging "
                      "our neighbours out of their homes must stop now.", created_at=now - timedelta(hours=1)),
        FakePost(text="ICE agents were reported in three Chicago neighborhoods today, according to city officials.",
                 created_at=now - timedelta(hours=2)),
    ]
    with ReplayServer() as server:
        masto = MastodonInstance(server, domain="example.social")
        ada = masto.add_account("ada", on_topic + make_posts(6, seed=3, newest=now - timedelta(hours=3), kinds=("post",)))
        watchlist = tmp_path / "watchlist.yml"
        watchlist.write_text(
            "topic: {id: ice-enforcement, name: Federal immigration enforcement in U.S. cities, since: 2026-01-01}\n"
            "leaders:\n  - id: ada-example\n    name: Ada Example (fictional)\n    accounts:\n"
            f"      - {{platform: mastodon, handle: ada@example.social, api: '{server.base}'}}\n"
            "      - {platform: mastodon, handle: gone@example.social, api: '" + server.base + "'}\n"
        )
        db_path = tmp_path / "onrecord.db"

        out, err = once(db_path, watchlist).communicate(timeout=180)
        db = open_db(db_path)
        first = db["runs"].get(1)
        assert first["status"] == "partial", err  # the second account does not exist
        assert first["new_statements"] == 8 == db["statements"].count
        assert db["stances"].count == 8  # every new statement classified
        assert {k: first[k] for k in counts_since(db, first["started_at"])} == counts_since(db, first["started_at"])
        assert first["new_on_topic"] >= 1
        assert json.loads(first["failed_sources"])[0]["source"] == "mastodon:gone@example.social"
        after_first = leader_stance(db)
        assert json.loads(first["stance_changes"]) == [
            {"leader_id": "ada-example", "name": "Ada Example (fictional)", "topic_id": "ice-enforcement",
             "before": None, "after": after_first}]
        assert [s["step"] for s in json.loads(first["steps"])] == ["crawl mastodon", "classify"]
        assert f"Run 1 partial; 8 new statements, {first['new_on_topic']} new on topic" in err
        assert "1 source failed: mastodon:gone@example.social" in err
        db.close()

        # The next night: one new post. Only it is new, only it is classified.
        ada.add(FakePost(text="Proud of the Border Patrol agents enforcing the law in Chicago. Deporting "
                              "criminal illegal aliens keeps our cities safe.", created_at=now))
        cycle = once(db_path, watchlist)
        out, err = cycle.communicate(timeout=180)
        assert cycle.returncode == 0, err
        db = open_db(db_path)
        second = db["runs"].get(2)
        assert (second["new_statements"], second["classified"]) == (1, 1)
        assert {k: second[k] for k in counts_since(db, second["started_at"])} == counts_since(db, second["started_at"])
        after_second = leader_stance(db)
        expected = [] if after_second == after_first else [
            {"leader_id": "ada-example", "name": "Ada Example (fictional)", "topic_id": "ice-enforcement",
             "before": after_first, "after": after_second}]
        assert json.loads(second["stance_changes"]) == expected
        assert second["summary"] in err and second["summary"].startswith("Run 2 partial; 1 new statement,")


def test_a_run_killed_outright_is_marked_interrupted_by_the_next(tmp_path):
    db_path = tmp_path / "onrecord.db"
    db = open_db(db_path)
    killed = record_run(db, {"started_at": "2026-11-20T03:00:00Z", "status": "running", "started_by": "schedule"})
    db.close()
    watchlist = tmp_path / "watchlist.yml"
    watchlist.write_text("topic: {id: t, name: T}\nleaders: []\n")  # nothing to crawl: classify only
    row = nightly.run_cycle(db_path, watchlist, started_by="once", control=nightly.CycleControl(), lock_timeout=0)
    db = open_db(db_path)
    assert db["runs"].get(killed)["status"] == "interrupted"
    assert db["runs"].get(killed)["error"] == "the process running it was killed"
    assert row["status"] == "ok" and db["runs"].get(row["id"])["status"] == "ok"
    assert [s["step"] for s in json.loads(db["runs"].get(row["id"])["steps"])] == ["classify"]


def test_a_busy_database_is_a_failed_run_with_a_reason(tmp_path):
    from onrecord.db.lock import writer_lock

    db_path = tmp_path / "onrecord.db"
    watchlist = tmp_path / "watchlist.yml"
    watchlist.write_text("topic: {id: t, name: T}\nleaders: []\n")
    holder = subprocess.Popen([sys.executable, str(HOLD_LOCK), str(db_path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        row = nightly.run_cycle(db_path, watchlist, control=nightly.CycleControl(), lock_timeout=0.2)
    finally:
        holder.stdin.close()
        holder.wait(10)
    assert row["status"] == "failed" and "is busy: `onrecord crawl`" in row["error"]
    with writer_lock(str(db_path), "test", timeout=0):
        pass


def test_crawl_steps_follow_the_watchlist_and_skip_x_without_a_token(monkeypatch):
    watchlist = {"leaders": [{"accounts": [{"platform": "x"}, {"platform": "rss"}]},
                             {"accounts": [{"platform": "mastodon"}]}], "news": [{"url": "https://n.example/feed"}],
                 "archive": {"terms": ["raids"]}}
    monkeypatch.delenv("ONRECORD_X_BEARER_TOKEN", raising=False)
    # the X step still runs, to record its accounts as skipped; the archive comes last
    assert nightly.crawl_steps(watchlist) == [
        ("mastodon", None), ("rss", None), ("x", "ONRECORD_X_BEARER_TOKEN is not set: X accounts recorded as skipped"),
        ("news", None), ("archive", None)]
    monkeypatch.setenv("ONRECORD_X_BEARER_TOKEN", "t")
    assert ("x", None) in nightly.crawl_steps(watchlist)
    assert nightly.crawl_steps({"leaders": [], "news": []}) == []
