"""The nightly cycle: crawl, classify, then record and log what changed (`onrecord schedule`).

`run_cycle` is one cycle; `serve` runs it every night with APScheduler 3 (a BlockingScheduler, a
cron trigger, a persistent job store in its own SQLite file beside the database), `once` runs one
now. The pieces live in nightly/: timing.py (when), children.py (each step as a child process,
and stopping on a signal), summary.py (what changed).

The whole cycle holds the database's writer lock (db/lock.py), so a manual `onrecord crawl` waits
instead of writing in the middle of it; the children inherit the lock. Every write is an SQLite
transaction, so the database is consistent however a cycle ends, and a cycle stopped by a signal
is on record as `interrupted`.

Installed as `onrecord.schedule`: the repository root is the `onrecord` package, so this module
never shadows PyPI's `schedule` package.
"""
from __future__ import annotations

import logging
import os
import signal
import threading
import time
from datetime import datetime, timedelta, timezone

from onrecord.nightly import summary
from onrecord.nightly.children import (
    CONTROL,
    CycleControl,
    install_signal_handlers,
    start_classify_step,
    start_crawl_step,
    supervise,
)
from onrecord.nightly.timing import (
    DEFAULT_AT,
    DEFAULT_GRACE_HOURS,
    DEFAULT_TIMEZONE,
    JOB_ID,
    add_nightly_job,
    build_scheduler,
    default_jobs_path,
    make_trigger,
)
from onrecord.vocabulary import (
    ARCHIVE,
    FAILED,
    INTERRUPTED,
    NEWS,
    OK,
    PARTIAL,
    RUNNING,
    SKIPPED,
    SOURCE_PLATFORMS,
    X,
)

log = logging.getLogger("onrecord.schedule")


def crawl_steps(watchlist: dict) -> list[tuple[str, str | None]]:
    """(platform, why its step is skipped by design or None), in a fixed order, for the
    platforms in the watchlist."""
    from onrecord.crawler.sources import X_TOKEN_ENV

    present = {account["platform"] for leader in watchlist["leaders"] for account in leader["accounts"]}
    if watchlist.get("news"):
        present.add(NEWS)
    if watchlist.get("archive"):
        present.add(ARCHIVE)
    steps = []
    for platform in SOURCE_PLATFORMS:
        if platform in present:
            # Without a token the X step still runs: it records each X account as skipped (never
            # a failure), so each leader's coverage says X was not read, and why.
            missing_token = platform == X and not os.environ.get(X_TOKEN_ENV)
            steps.append((platform, f"{X_TOKEN_ENV} is not set: X accounts recorded as skipped" if missing_token else None))
    return steps


def run_cycle(db_path, watchlist_path=None, started_by="once", control: CycleControl | None = None,
              lock_timeout: float | None = None) -> dict:
    """One cycle: crawl each platform, classify, then store a `runs` row and log its summary.
    Returns the row. Status: ok, partial (a step or a source failed), failed (nothing could run),
    interrupted (stopped by a signal)."""
    from onrecord.db.connect import open_db
    from onrecord.db.lock import LockBusy, writer_lock
    from onrecord.db.queries import high_water_marks
    from onrecord.db.save import record_run
    from onrecord.db.times import utc_now
    from onrecord.watchlist import WatchlistError, default_watchlist_path, load_watchlist

    control = control or CONTROL
    db_path = os.path.abspath(db_path)  # the children, and the stored job, must not depend on the cwd
    watchlist_path = os.path.abspath(watchlist_path or default_watchlist_path())
    clock = time.monotonic()
    row = {"started_at": utc_now(), "status": RUNNING, "started_by": started_by, "pid": os.getpid()}

    def finish(db, **fields):
        row.update(fields, finished_at=utc_now(), seconds=round(time.monotonic() - clock, 1))
        if row.get("id") is None:
            row["id"] = record_run(db, row)
        row["summary"] = summary.describe_run(row)
        record_run(db, row)
        log.info("%s", row["summary"])
        return row

    try:
        watchlist = load_watchlist(watchlist_path)
    except WatchlistError as error:
        return finish(open_db(db_path), status=FAILED, error=f"watchlist: {error}")
    row["topic_id"] = watchlist["topic"]["id"]
    try:
        with writer_lock(db_path, f"schedule ({started_by})", timeout=lock_timeout, echo=log.info) as lock_file:
            db = open_db(db_path)
            summary.mark_stale_runs(db)
            row["id"] = record_run(db, row)
            log.info("Run %s started: %s with %s", row["id"], db_path, watchlist_path)
            before, marks = summary.stances_snapshot(db), high_water_marks(db)
            steps = []

            def outcome():
                classify_started_at = next((s["started_at"] for s in steps if s["step"] == "classify"), None)
                return {"steps": steps, "stance_changes": summary.changes(before, summary.stances_snapshot(db)),
                        **summary.summarise(db, marks, classify_started_at, row["topic_id"])}

            try:
                run_steps(steps, db_path, watchlist_path, watchlist, lock_file, control)
            except KeyboardInterrupt:
                finish(db, status=INTERRUPTED, error="aborted by a second signal", **outcome())
                raise
            except Exception as error:
                finish(db, status=FAILED, error=f"{type(error).__name__}: {error}", **outcome())
                raise
            result = outcome()
            return finish(db, status=cycle_status(steps, result, control), error=stop_reason(steps, control), **result)
    except LockBusy as error:
        return finish(open_db(db_path), status=FAILED, error=str(error))


def run_steps(steps: list, db_path, watchlist_path, watchlist, lock_file, control) -> None:
    """Crawl each platform, then classify, each in a child process, appending each step's outcome
    to `steps`; a stop request is honoured between steps."""
    from onrecord.db.lock import child_env
    from onrecord.db.times import utc_now

    env = child_env(lock_file)
    for platform, skip in crawl_steps(watchlist):
        if control.stop.is_set():
            return
        label = f"crawl {platform}"
        clock = time.monotonic()
        status, last = supervise(start_crawl_step(db_path, watchlist_path, platform, env), control, label)
        steps.append({"step": label, "status": FAILED if status != 0 else SKIPPED if skip else OK,
                      "seconds": round(time.monotonic() - clock, 1), "detail": skip or last})
    if control.stop.is_set():
        return
    clock, started_at = time.monotonic(), utc_now()
    try:
        status, last = supervise(start_classify_step(db_path, watchlist_path, env), control, "classify")
        status, detail = (OK if status == 0 else FAILED), last or f"exit status {status}"
    except Exception as error:  # the crawl's summary is still worth recording
        log.exception("classify failed")
        status, detail = FAILED, f"{type(error).__name__}: {error}"
    steps.append({"step": "classify", "status": status, "started_at": started_at,
                  "seconds": round(time.monotonic() - clock, 1), "detail": detail})


def cycle_status(steps: list, result: dict, control: CycleControl) -> str:
    if control.stop.is_set():
        return INTERRUPTED
    if steps and not any(step["status"] == OK for step in steps):
        return FAILED
    # A crawl step fails when every source it tried failed: if all did, nothing was heard
    # (classifying nothing new does not make the cycle a success).
    crawls = [step for step in steps if step["step"].startswith("crawl") and step["status"] != SKIPPED]
    if crawls and all(step["status"] == FAILED for step in crawls):
        return FAILED
    if any(step["status"] == FAILED for step in steps) or result["failed_sources"]:
        return PARTIAL
    return OK


def stop_reason(steps: list, control: CycleControl) -> str | None:
    if not control.stop.is_set():
        return None
    name = signal.Signals(control.signum).name if control.signum else "request"
    return f"stopped by {name} after {steps[-1]['step'] if steps else 'no step'}"


def scheduled_cycle(db_path: str, watchlist_path: str) -> None:
    """The scheduler's job (referenced as "onrecord.schedule:scheduled_cycle"); plain-string arguments
    because APScheduler pickles them into the job store."""
    if CONTROL.stop.is_set():
        log.info("Stopping: the nightly cycle does not start")
        return
    run_cycle(db_path, watchlist_path, started_by="schedule", control=CONTROL)


def serve(db_path, watchlist_path, at: str = DEFAULT_AT, tz: str = DEFAULT_TIMEZONE, jobs_path=None,
          grace_hours: float = DEFAULT_GRACE_HOURS) -> None:
    """Run the nightly cycle until SIGTERM or Ctrl-C (which let a running cycle finish its step)."""
    from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, EVENT_JOB_MISSED, EVENT_SCHEDULER_STARTED

    trigger = make_trigger(at, tz)  # a bad --at or --timezone fails before anything is built
    jobs_path = jobs_path or default_jobs_path(db_path)
    scheduler = build_scheduler(jobs_path, tz, grace_hours)
    add_nightly_job(scheduler, db_path, watchlist_path, at, tz)

    def announce_start(event):
        job = scheduler.get_job(JOB_ID)  # in start(), on this thread: nobody else holds the store
        if job is None or job.next_run_time is None:
            return
        if job.next_run_time <= datetime.now(timezone.utc):
            log.info("A run missed at %s is inside the grace time: running it now", job.next_run_time.isoformat())
        else:
            log.info("Next run: %s (%s %s daily; jobs in %s)", job.next_run_time.isoformat(), at, tz, jobs_path)

    def announce_next(event):
        # On the worker thread: never touch the job store here, shutdown() holds its lock while
        # it waits for this very thread (a deadlock at the first SIGTERM during a cycle).
        if event.code == EVENT_JOB_MISSED:
            log.warning("The run due at %s was missed by more than the grace time (%sh): skipped",
                        event.scheduled_run_time.isoformat(), grace_hours)
        if CONTROL.stop.is_set():
            return
        upcoming = trigger.get_next_fire_time(None, datetime.now(trigger.timezone) + timedelta(seconds=1))
        log.info("Next run: %s", upcoming.isoformat())

    scheduler.add_listener(announce_start, EVENT_SCHEDULER_STARTED)
    scheduler.add_listener(announce_next, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR | EVENT_JOB_MISSED)

    def shutdown_when_running():
        deadline = time.monotonic() + 30
        while not scheduler.running and time.monotonic() < deadline:  # a signal during start-up
            time.sleep(0.05)
        scheduler.shutdown(wait=True)

    def stop_scheduler():
        # Not from inside the signal handler: shutdown takes the scheduler's locks and waits for
        # the running cycle, which a handler interrupting the main loop must not do.
        threading.Thread(target=shutdown_when_running, daemon=True).start()

    CONTROL.reset()
    install_signal_handlers(CONTROL, on_stop=stop_scheduler)
    log.info("Scheduling the onrecord cycle for %s at %s %s daily", db_path, at, tz)
    scheduler.start()
    log.info("Scheduler stopped")


def once(db_path, watchlist_path) -> dict:
    """One cycle now, in this process, with the stop-after-this-step signal handling."""
    CONTROL.reset()
    install_signal_handlers(CONTROL)
    return run_cycle(db_path, watchlist_path, started_by="once", control=CONTROL)
