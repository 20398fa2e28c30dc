"""When the nightly cycle runs (nightly/timing.py): --at and --timezone, the trigger and its next
run on a fixed clock, the APScheduler job in its own store, and runs missed while the machine was
off. The cycle itself is replaced by a recorder here; the real one is in tests/test_schedule.py."""
import os
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import onrecord.schedule as nightly
from onrecord.nightly import timing

UTC = timezone.utc


@pytest.mark.parametrize("text, expected", [("03:00", (3, 0)), ("3:05", (3, 5)), ("23:59", (23, 59)), (" 00:00 ", (0, 0))])
def test_parse_at(text, expected):
    assert timing.parse_at(text) == expected


@pytest.mark.parametrize("text", ["24:00", "03:60", "3", "03:00pm", "", "noon", "03:0"])
def test_parse_at_rejects(text):
    with pytest.raises(timing.ScheduleError, match="HH:MM"):
        timing.parse_at(text)


def test_next_run_on_a_fixed_clock():
    now = datetime(2026, 3, 7, 12, 0, tzinfo=UTC)
    assert timing.next_run_after("03:00", "UTC", now) == datetime(2026, 3, 8, 3, 0, tzinfo=UTC)
    # Just before today's time: today, not tomorrow.
    early = datetime(2026, 3, 7, 2, 59, 59, tzinfo=UTC)
    assert timing.next_run_after("03:00", "UTC", early) == datetime(2026, 3, 7, 3, 0, tzinfo=UTC)
    # A local time zone across the night US clocks go forward (2026-03-08): 03:00 local stays
    # 03:00 local, so the gap between the two runs is 23 hours.
    saturday = timing.next_run_after("03:00", "America/Chicago", datetime(2026, 3, 7, 0, 0, tzinfo=UTC))
    assert saturday.astimezone(UTC) == datetime(2026, 3, 7, 9, 0, tzinfo=UTC)  # 03:00 CST
    sunday = timing.next_run_after("03:00", "America/Chicago", saturday + timedelta(seconds=1))
    assert sunday.astimezone(UTC) == datetime(2026, 3, 8, 8, 0, tzinfo=UTC)  # 03:00 CDT


def test_jobs_store_is_beside_the_database_and_not_published(tmp_path):
    path = timing.default_jobs_path(str(tmp_path / "onrecord.db"))
    assert Path(path).parent == tmp_path
    # Datasette serving a folder picks these up; the job store must not be one of them.
    assert not path.endswith((".db", ".sqlite", ".sqlite3"))


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
    scheduler = timing.build_scheduler(jobs, "America/Chicago", grace_hours=2)
    timing.add_nightly_job(scheduler, tmp_path / "onrecord.db", tmp_path / "w.yml", "04:30", "America/Chicago")
    thread = start_in_thread(scheduler)
    try:
        job = scheduler.get_job(timing.JOB_ID)
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
    again = timing.build_scheduler(jobs, "America/Chicago")
    assert timing.stored_job(again).next_run_time == job.next_run_time


def test_replacing_the_job_with_another_time_reschedules_it(tmp_path):
    jobs = tmp_path / "j.jobs"
    first = timing.build_scheduler(jobs)
    timing.add_nightly_job(first, "a.db", "w.yml", "03:00")
    thread = start_in_thread(first)
    first.shutdown()
    thread.join(10)
    second = timing.build_scheduler(jobs)
    timing.add_nightly_job(second, "a.db", "w.yml", "05:15")
    thread = start_in_thread(second)
    try:
        jobs_now = second.get_jobs()
        assert [job.id for job in jobs_now] == [timing.JOB_ID]  # fixed id: replaced, not duplicated
        assert (jobs_now[0].next_run_time.hour, jobs_now[0].next_run_time.minute) == (5, 15)
    finally:
        second.shutdown()
        thread.join(10)


def stored_with_past_run(jobs, at, missed_since, db="n.db", watchlist="w.yml"):
    """A job store as a scheduler that was down since `missed_since` left it. Written straight
    into the store: a scheduler shut down while a run is due advances the run time itself."""
    from apscheduler.job import Job

    scheduler = timing.build_scheduler(jobs)
    timing.stored_job(scheduler)  # opens the store, creating its table
    job = Job(scheduler, id=timing.JOB_ID, func=timing.JOB_FUNC, trigger=timing.make_trigger(at),
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
    scheduler = timing.build_scheduler(jobs, grace_hours=72)  # all three inside the grace time
    timing.add_nightly_job(scheduler, "n.db", "w.yml", at)
    thread = start_in_thread(scheduler)
    try:
        deadline = time.monotonic() + 10
        while not calls and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.5)  # room for a second, wrong, run
        assert len(calls) == 1, "three missed runs coalesce into exactly one"
        assert calls[0]["started_by"] == "schedule"
        assert calls[0]["db_path"] == os.path.abspath("n.db")
        assert scheduler.get_job(timing.JOB_ID).next_run_time.astimezone(UTC) == due + timedelta(days=1)
    finally:
        scheduler.shutdown()
        thread.join(10)


def test_a_run_missed_beyond_the_grace_time_waits_for_the_next_night(tmp_path, calls):
    jobs = tmp_path / "n.db.jobs"
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    due = now - timedelta(hours=2)
    at = f"{due.hour:02d}:{due.minute:02d}"
    stored_with_past_run(jobs, at, due)
    scheduler = timing.build_scheduler(jobs, grace_hours=1)
    timing.add_nightly_job(scheduler, "n.db", "w.yml", at)
    thread = start_in_thread(scheduler)
    try:
        deadline = time.monotonic() + 5
        while scheduler.get_job(timing.JOB_ID).next_run_time.astimezone(UTC) <= now and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.3)
        assert calls == []
        assert scheduler.get_job(timing.JOB_ID).next_run_time.astimezone(UTC) == due + timedelta(days=1)
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
