"""The nightly scheduler: its job, trigger and next run (on a fixed clock), missed runs, the runs
table and the source_health view. The full cycle against the replay server is further down."""
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import onrecord.schedule as nightly
from onrecord.db.connect import open_db
from onrecord.db.save import SaveError, record_crawl, record_run, save_statements, save_watchlist

ROOT = Path(__file__).resolve().parents[1]
ONRECORD = Path(sys.executable).with_name("onrecord")
UTC = timezone.utc


# --- settings and trigger --------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [("03:00", (3, 0)), ("3:05", (3, 5)), ("23:59", (23, 59)), (" 00:00 ", (0, 0))])
def test_parse_at(text, expected):
    assert nightly.parse_at(text) == expected


@pytest.mark.parametrize("text", ["24:00", "03:60", "3", "03:00pm", "", "noon", "03:0"])
def test_parse_at_rejects(text):
    with pytest.raises(nightly.ScheduleError, match="HH:MM"):
        nightly.parse_at(text)


@pytest.mark.parametrize("args, expected", [
    (["--at", "25:00"], "Error: --at '25:00': expected a 24-hour time HH:MM, e.g. 03:00"),
    (["--timezone", "Mars/Olympus"], "Error: --timezone 'Mars/Olympus': not an IANA time zone name, e.g. UTC or America/Chicago"),
])
def test_bad_setting_is_one_line(args, expected, tmp_path):
    result = subprocess.run([str(ONRECORD), "schedule", "--once", "--db", str(tmp_path / "x.db"), *args],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip() == expected
    assert not (tmp_path / "x.db").exists()


def test_next_run_on_a_fixed_clock():
    now = datetime(2026, 3, 7, 12, 0, tzinfo=UTC)
    assert nightly.next_run_after("03:00", "UTC", now) == datetime(2026, 3, 8, 3, 0, tzinfo=UTC)
    # Just before today's time: today, not tomorrow.
    early = datetime(2026, 3, 7, 2, 59, 59, tzinfo=UTC)
    assert nightly.next_run_after("03:00", "UTC", early) == datetime(2026, 3, 7, 3, 0, tzinfo=UTC)
    # A local time zone across the night US clocks go forward (2026-03-08): 03:00 local stays
    # 03:00 local, so the gap between the two runs is 23 hours.
    saturday = nightly.next_run_after("03:00", "America/Chicago", datetime(2026, 3, 7, 0, 0, tzinfo=UTC))
    assert saturday.astimezone(UTC) == datetime(2026, 3, 7, 9, 0, tzinfo=UTC)  # 03:00 CST
    sunday = nightly.next_run_after("03:00", "America/Chicago", saturday + timedelta(seconds=1))
    assert sunday.astimezone(UTC) == datetime(2026, 3, 8, 8, 0, tzinfo=UTC)  # 03:00 CDT


def test_jobs_store_is_beside_the_database_and_not_published(tmp_path):
    path = nightly.default_jobs_path(str(tmp_path / "onrecord.db"))
    assert Path(path).parent == tmp_path
    # Datasette serving a folder picks these up; the job store must not be one of them.
    assert not path.endswith((".db", ".sqlite", ".sqlite3"))


# --- the scheduler and its job ----------------------------------------------------------------


def start_in_thread(scheduler):
    thread = threading.Thread(target=scheduler.start, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not scheduler.running and time.monotonic() < deadline:
        time.sleep(0.01)
    assert scheduler.running
    return thread


@pytest.fixture
def calls(monkeypatch):
    """Record the cycles the scheduler starts instead of crawling (the real cycle is tested below)."""
    seen = []

    def cycle(db_path, watchlist_path, started_by, control):
        seen.append({"db_path": db_path, "watchlist_path": watchlist_path, "started_by": started_by,
                     "at": datetime.now(UTC)})

    monkeypatch.setattr(nightly, "run_cycle", cycle)
    nightly.CONTROL.reset()
    return seen


def test_nightly_job_is_stored_by_reference_with_its_options(tmp_path):
    jobs = tmp_path / "onrecord.db.jobs"
    scheduler = nightly.build_scheduler(jobs, "America/Chicago", grace_hours=2)
    nightly.add_nightly_job(scheduler, tmp_path / "onrecord.db", tmp_path / "w.yml", "04:30", "America/Chicago")
    thread = start_in_thread(scheduler)
    try:
        job = scheduler.get_job(nightly.JOB_ID)
        assert job.func_ref == "onrecord.schedule:scheduled_cycle"
        assert job.kwargs == {"db_path": str(tmp_path / "onrecord.db"), "watchlist_path": str(tmp_path / "w.yml")}
        assert (job.coalesce, job.max_instances, job.misfire_grace_time) == (True, 1, 7200)
        assert repr(job.trigger) == "<CronTrigger (hour='4', minute='30', timezone='America/Chicago')>"
        now = datetime.now(ZoneInfo("America/Chicago"))
        assert now < job.next_run_time <= now + timedelta(days=1, hours=1)
        assert (job.next_run_time.hour, job.next_run_time.minute) == (4, 30)
    finally:
        scheduler.shutdown()
        thread.join(10)
    # Persistent: the job is in its own SQLite file, not in the database.
    assert jobs.exists() and not (tmp_path / "onrecord.db").exists()
    again = nightly.build_scheduler(jobs, "America/Chicago")
    assert nightly._stored_job(again).next_run_time == job.next_run_time


def test_replacing_the_job_with_another_time_reschedules_it(tmp_path):
    jobs = tmp_path / "j.jobs"
    first = nightly.build_scheduler(jobs)
    nightly.add_nightly_job(first, "a.db", "w.yml", "03:00")
    thread = start_in_thread(first)
    first.shutdown()
    thread.join(10)
    second = nightly.build_scheduler(jobs)
    nightly.add_nightly_job(second, "a.db", "w.yml", "05:15")
    thread = start_in_thread(second)
    try:
        jobs_now = second.get_jobs()
        assert [job.id for job in jobs_now] == [nightly.JOB_ID]  # fixed id: replaced, not duplicated
        assert (jobs_now[0].next_run_time.hour, jobs_now[0].next_run_time.minute) == (5, 15)
    finally:
        second.shutdown()
        thread.join(10)


def stored_with_past_run(jobs, at, missed_since, db="n.db", watchlist="w.yml"):
    """A job store as a scheduler that was down since `missed_since` left it. Written straight
    into the store: a scheduler shut down while a run is due advances the run time itself."""
    from apscheduler.job import Job

    scheduler = nightly.build_scheduler(jobs)
    nightly._stored_job(scheduler)  # opens the store, creating its table
    job = Job(scheduler, id=nightly.JOB_ID, func=nightly.JOB_FUNC, trigger=nightly.make_trigger(at),
              executor="default", args=(), name="onrecord nightly cycle",
              kwargs={"db_path": os.path.abspath(db), "watchlist_path": os.path.abspath(watchlist)},
              misfire_grace_time=3600, coalesce=True, max_instances=1, next_run_time=missed_since)
    scheduler._jobstores["default"].add_job(job)


def test_missed_runs_inside_the_grace_time_run_once_on_start(tmp_path, calls):
    jobs = tmp_path / "n.db.jobs"
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    due = now - timedelta(minutes=5)  # today's run, 5 minutes ago
    at = f"{due.hour:02d}:{due.minute:02d}"
    stored_with_past_run(jobs, at, due - timedelta(days=2))  # down for three nightly runs
    scheduler = nightly.build_scheduler(jobs, grace_hours=72)  # all three inside the grace time
    nightly.add_nightly_job(scheduler, "n.db", "w.yml", at)
    thread = start_in_thread(scheduler)
    try:
        deadline = time.monotonic() + 10
        while not calls and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.5)  # room for a second, wrong, run
        assert len(calls) == 1, "three missed runs coalesce into exactly one"
        assert calls[0]["started_by"] == "schedule"
        assert calls[0]["db_path"] == os.path.abspath("n.db")
        assert scheduler.get_job(nightly.JOB_ID).next_run_time.astimezone(UTC) == due + timedelta(days=1)
    finally:
        scheduler.shutdown()
        thread.join(10)


def test_a_run_missed_beyond_the_grace_time_waits_for_the_next_night(tmp_path, calls):
    jobs = tmp_path / "n.db.jobs"
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    due = now - timedelta(hours=2)
    at = f"{due.hour:02d}:{due.minute:02d}"
    stored_with_past_run(jobs, at, due)
    scheduler = nightly.build_scheduler(jobs, grace_hours=1)
    nightly.add_nightly_job(scheduler, "n.db", "w.yml", at)
    thread = start_in_thread(scheduler)
    try:
        deadline = time.monotonic() + 5
        while scheduler.get_job(nightly.JOB_ID).next_run_time.astimezone(UTC) <= now and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.3)
        assert calls == []
        assert scheduler.get_job(nightly.JOB_ID).next_run_time.astimezone(UTC) == due + timedelta(days=1)
    finally:
        scheduler.shutdown()
        thread.join(10)


def test_a_stop_request_keeps_the_next_cycle_from_starting(tmp_path, calls):
    nightly.CONTROL.request_stop()
    try:
        nightly.scheduled_cycle("n.db", "w.yml")
    finally:
        nightly.CONTROL.reset()
    assert calls == []
    nightly.scheduled_cycle("n.db", "w.yml")
    assert len(calls) == 1


# --- runs and source_health --------------------------------------------------------------------


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
    # Two failures in a row are not yet three.
    for days, status in [(3, "ok"), (2, "failed"), (1, "failed")]:
        crawl(db, "mastodon:bo@example.social", now - timedelta(days=days), status)
    rows = {row["source"]: row for row in db.query("SELECT * FROM source_health")}
    assert rows["mastodon:ada@example.social"]["health"] == "ok"
    assert rows["bluesky:ada.example.com"]["health"] == "ok"
    assert (rows["mastodon:bo@example.social"]["health"], rows["mastodon:bo@example.social"]["failed_in_a_row"]) == ("ok", 2)


# --- real cycles: `onrecord schedule` against the local replay server ------------------------------


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
    expected = nightly.next_run_after("04:15", "Europe/Berlin", datetime.now(UTC))
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
        reply.delay = 2.0
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
        reply.delay = 2.0
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
    holder = subprocess.Popen([sys.executable, "-c",
                               "import sys\nfrom onrecord.db.lock import writer_lock\n"
                               "with writer_lock(sys.argv[1], 'crawl', timeout=0):\n"
                               "    print('held', flush=True); sys.stdin.read()", str(db_path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
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
                             {"accounts": [{"platform": "mastodon"}]}], "news": [{"url": "https://n.example/feed"}]}
    monkeypatch.delenv("ONRECORD_X_BEARER_TOKEN", raising=False)
    assert nightly._crawl_steps(watchlist) == [
        ("mastodon", None), ("rss", None), ("x", "ONRECORD_X_BEARER_TOKEN is not set"), ("news", None)]
    monkeypatch.setenv("ONRECORD_X_BEARER_TOKEN", "t")
    assert ("x", None) in nightly._crawl_steps(watchlist)
    assert nightly._crawl_steps({"leaders": [], "news": []}) == []
