"""The nightly cycle: crawl, classify, then record and log what changed.

`run_cycle` is one cycle; `serve` runs it every night with APScheduler 3 (a BlockingScheduler, a
cron trigger, a persistent job store in its own SQLite file beside the database, never inside it).

Why the pieces look the way they do:
- Each crawl runs in a child process (`onrecord crawl --platform P`): Scrapy's Twisted reactor
  cannot restart inside one process, and a child that hangs or crashes cannot take the
  scheduler with it.
- The whole cycle holds the database's writer lock (onrecord/lock.py), so a manual
  `onrecord crawl` waits instead of writing in the middle of it; the children inherit the lock.
- APScheduler pickles the job: it points at this module's `scheduled_cycle` by its textual
  reference, and its arguments are plain strings.
- A first SIGTERM or Ctrl-C stops after the current step (the running crawl child is asked to
  wind down, and Scrapy does so gracefully); a second one kills the child. Every write is an
  SQLite transaction, so the database is consistent either way, and the run is on record as
  `interrupted`.
"""
import json
import logging
import os
import re
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

log = logging.getLogger("onrecord.schedule")

JOB_ID = "onrecord-nightly"
JOB_FUNC = "onrecord.schedule:scheduled_cycle"
DEFAULT_AT = "03:00"
DEFAULT_TIMEZONE = "UTC"
DEFAULT_GRACE_HOURS = 6.0  # a machine that was asleep at 03:00 still runs the missed cycle on waking
STEP_TIMEOUT = 3 * 3600  # seconds; a child that hangs longer is stopped so the lock is released
KILL_AFTER = 60  # seconds between asking a child to stop and killing it
_AT = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_CLI = "from onrecord.cli import cli; cli(prog_name='onrecord')"


class ScheduleError(ValueError):
    """A bad schedule setting (time of day, time zone)."""


def parse_at(text: str) -> tuple[int, int]:
    match = _AT.match((text or "").strip())
    if not match:
        raise ScheduleError(f"--at {text!r}: expected a 24-hour time HH:MM, e.g. 03:00")
    return int(match.group(1)), int(match.group(2))


def parse_timezone(name: str):
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(f"--timezone {name!r}: not an IANA time zone name, e.g. UTC or America/Chicago") from None


def default_jobs_path(db_path) -> str:
    # Not *.db / *.sqlite / *.sqlite3: Datasette serving a folder would publish it.
    return f"{db_path}.jobs"


def make_trigger(at: str = DEFAULT_AT, tz: str = DEFAULT_TIMEZONE):
    from apscheduler.triggers.cron import CronTrigger

    hour, minute = parse_at(at)
    return CronTrigger(hour=hour, minute=minute, timezone=parse_timezone(tz))


def next_run_after(at: str, tz: str, now: datetime) -> datetime:
    """When the nightly cycle fires next after `now` (an aware datetime)."""
    return make_trigger(at, tz).get_next_fire_time(None, now)


# --- stopping ------------------------------------------------------------------------------


class CycleControl:
    """Shared between the signal handlers (main thread) and the running cycle."""

    def __init__(self):
        self.stop = threading.Event()
        self.signum = None
        self.child = None  # the running step's subprocess.Popen, if any
        self._lock = threading.Lock()

    def request_stop(self, signum=signal.SIGTERM):
        """Stop after the current step; ask the running child to wind down."""
        first = not self.stop.is_set()
        self.signum = self.signum or signum
        self.stop.set()
        with self._lock:
            if self.child is not None and self.child.poll() is None:
                self.child.send_signal(signal.SIGTERM if first else signal.SIGKILL)
        return first

    def set_child(self, child):
        with self._lock:
            self.child = child
        if child is not None and self.stop.is_set():
            child.send_signal(signal.SIGTERM)  # a stop that arrived while the child was starting

    def reset(self):
        self.stop.clear()
        self.signum = None


CONTROL = CycleControl()  # the scheduler's jobs are pickled by reference, so they share this one


def install_signal_handlers(control: CycleControl, on_stop=None):
    """First SIGTERM/SIGINT: stop after the current step. Second: kill the running child, abort."""

    def handle(signum, frame):
        if control.request_stop(signum):
            log.warning("%s received: stopping after the current step (send again to abort it)",
                        signal.Signals(signum).name)
            if on_stop:
                on_stop()
        else:
            log.warning("%s received again: aborting the current step", signal.Signals(signum).name)
            if on_stop is None:  # --once: the cycle runs in this (main) thread
                raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, handle)
    signal.signal(signal.SIGINT, handle)


# --- one cycle -----------------------------------------------------------------------------


def _run_child(args: list, env: dict, control: CycleControl, label: str) -> tuple[int, str]:
    """Run one step as a child process, relaying its output to the log; (exit status, last line)."""
    child = subprocess.Popen(
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1,
        start_new_session=True,  # our signal handler decides what reaches it, and when
    )
    control.set_child(child)
    last = ""
    timer = threading.Timer(STEP_TIMEOUT, _stop_child, [child, label])
    timer.daemon = True
    timer.start()
    try:
        for line in child.stdout:
            line = line.rstrip()
            if line:
                last = line
                log.info("[%s] %s", label, line)
        status = child.wait()
    finally:
        timer.cancel()
        control.set_child(None)
        if child.poll() is None:  # we are unwinding from an exception: do not leave it behind
            child.kill()
            child.wait()
    return status, last


def _stop_child(child, label):
    log.error("[%s] still running after %ss: stopping it", label, STEP_TIMEOUT)
    child.terminate()
    try:
        child.wait(KILL_AFTER)
    except subprocess.TimeoutExpired:
        child.kill()


def _crawl_steps(watchlist: dict) -> list[tuple[str, str | None]]:
    """(platform, reason to skip it or None), in a fixed order, for the platforms in the watchlist."""
    from onrecord.crawler.run import X_TOKEN_ENV
    from onrecord.cli import CRAWL_PLATFORMS

    present = {account["platform"] for leader in watchlist["leaders"] for account in leader["accounts"]}
    if watchlist.get("news"):
        present.add("news")
    steps = []
    for platform in CRAWL_PLATFORMS:
        if platform in present:
            # Without a token every X crawl fails the same way: say so once rather than
            # recording a failed crawl per account every night.
            missing_token = platform == "x" and not os.environ.get(X_TOKEN_ENV)
            steps.append((platform, f"{X_TOKEN_ENV} is not set" if missing_token else None))
    return steps


def _classify(db_path, watchlist_path, env, control) -> tuple[str, str]:
    """Classify new statements with `onrecord classify` in a child process, so the model's memory
    is returned when it exits."""
    args = [sys.executable, "-c", _CLI, "classify", "--db", db_path, "--watchlist", watchlist_path]
    status, last = _run_child(args, env, control, "classify")
    return ("ok" if status == 0 else "failed"), last or f"exit status {status}"


def _stances_snapshot(db) -> dict:
    return {
        (row["leader_id"], row["topic_id"]): (row["name"], row["stance"])
        for row in db.query("SELECT leader_id, name, topic_id, stance FROM leader_stances")
    }


def _changes(before: dict, after: dict) -> list[dict]:
    changes = []
    for key, (name, stance) in sorted(after.items()):
        previous = before.get(key, (None, None))[1]
        if previous != stance:
            changes.append({"leader_id": key[0], "name": name, "topic_id": key[1], "before": previous, "after": stance})
    return changes


def _marks(db) -> dict:
    """High-water marks taken before the cycle: rows past them are the cycle's own. (Rowids, not
    times: a run that ends in the same second as the next one starts would blur a time mark.)"""
    return {
        "statements": db.execute("SELECT COALESCE(MAX(rowid), 0) FROM statements").fetchone()[0],
        "crawls": db.execute("SELECT COALESCE(MAX(id), 0) FROM crawls").fetchone()[0],
    }


def _summarise(db, marks: dict, classify_started_at: str | None, topic_id: str) -> dict:
    new_statements = db.execute("SELECT COUNT(*) FROM statements WHERE rowid > ?", [marks["statements"]]).fetchone()[0]
    by_stance = dict(
        db.execute(
            """SELECT st.stance, COUNT(*) FROM statements s
               JOIN stances st ON st.statement_id = s.id AND st.topic_id = ?
               WHERE s.rowid > ? AND st.on_topic = 1 GROUP BY st.stance""",
            [topic_id, marks["statements"]],
        ).fetchall()
    )
    failed = [
        {"platform": platform, "source": source, "error": error}
        for platform, source, error in db.execute(
            """SELECT platform, COALESCE(account_id, source_url), error FROM crawls
               WHERE id > ? AND status = 'failed' ORDER BY id""",
            [marks["crawls"]],
        ).fetchall()
    ]
    # Reclassified statements count too (a new model), so this one goes by time: from the classify
    # step's own start, not the run's, as a run can begin within the second the previous one
    # classified in (times are whole seconds); the crawl step lies between them.
    classified = 0
    if classify_started_at is not None:
        classified = db.execute(
            "SELECT COUNT(*) FROM stances WHERE topic_id = ? AND classified_at >= ?",
            [topic_id, classify_started_at],
        ).fetchone()[0]
    return {
        "new_statements": new_statements,
        "classified": classified,
        "new_on_topic": sum(by_stance.values()),
        "new_condemning": by_stance.get("condemning", 0),
        "new_supporting": by_stance.get("supporting", 0),
        "new_silent": by_stance.get("silent", 0),
        "failed_sources": failed,
    }


def describe_run(row: dict) -> str:
    """The one-paragraph log line for a finished cycle."""
    def plural(n, word):
        return f"{n} {word}{'' if n == 1 else 's'}"

    parts = [
        f"Run {row.get('id')} {row['status']}",
        f"{plural(row.get('new_statements') or 0, 'new statement')}, "
        f"{row.get('new_on_topic') or 0} new on topic ({row.get('new_condemning') or 0} condemning, "
        f"{row.get('new_supporting') or 0} supporting, {row.get('new_silent') or 0} silent)",
    ]
    changes = row.get("stance_changes") or []
    if changes:
        parts.append(
            f"{plural(len(changes), 'leader')} changed: "
            + ", ".join(f"{c['name']} {c['before'] or 'new'} -> {c['after']}" for c in changes)
        )
    failed = row.get("failed_sources") or []
    if failed:
        parts.append(f"{plural(len(failed), 'source')} failed: " + ", ".join(f['source'] or '?' for f in failed))
    not_ok = [s for s in row.get("steps") or [] if s["status"] != "ok"]
    if not_ok:
        parts.append(", ".join(f"{s['step']} {s['status']} ({s['detail']})" for s in not_ok))
    if row.get("error"):
        parts.append(row["error"])
    return "; ".join(parts) + "."


def _mark_stale_runs(db):
    """Runs still `running` when we hold the lock were killed outright: say so."""
    from onrecord.db.save import record_run

    for (run_id,) in db.execute("SELECT id FROM runs WHERE status = 'running'").fetchall():
        record_run(db, {"id": run_id, "status": "interrupted", "error": "the process running it was killed"})


def run_cycle(db_path, watchlist_path=None, started_by="once", control: CycleControl | None = None,
              lock_timeout: float | None = None) -> dict:
    """One cycle: crawl each platform, classify, then store a `runs` row and log its summary.
    Returns the row. Status: ok, partial (a step or a source failed), failed (nothing could run),
    interrupted (stopped by a signal)."""
    from onrecord.db.connect import open_db
    from onrecord.db.save import record_run
    from onrecord.db.times import utc_now
    from onrecord.db.lock import LockBusy, writer_lock
    from onrecord.watchlist import WatchlistError, default_watchlist_path, load_watchlist

    control = control or CONTROL
    db_path = os.path.abspath(db_path)  # the children, and the stored job, must not depend on the cwd
    watchlist_path = os.path.abspath(watchlist_path or default_watchlist_path())
    clock = time.monotonic()
    row = {"started_at": utc_now(), "status": "running", "started_by": started_by, "pid": os.getpid()}

    def finish(db, **fields):
        row.update(fields, finished_at=utc_now(), seconds=round(time.monotonic() - clock, 1))
        if row.get("id") is None:
            row["id"] = record_run(db, row)
        row["summary"] = describe_run(row)
        record_run(db, row)
        log.info("%s", row["summary"])
        return row

    try:
        watchlist = load_watchlist(watchlist_path)
    except WatchlistError as error:
        return finish(open_db(db_path), status="failed", error=f"watchlist: {error}")
    row["topic_id"] = watchlist["topic"]["id"]
    try:
        with writer_lock(db_path, f"schedule ({started_by})", timeout=lock_timeout, echo=log.info) as lock_file:
            db = open_db(db_path)
            _mark_stale_runs(db)
            row["id"] = record_run(db, row)
            log.info("Run %s started: %s with %s", row["id"], db_path, watchlist_path)
            before, marks = _stances_snapshot(db), _marks(db)
            steps = []

            def outcome():
                classify_started_at = next((s["started_at"] for s in steps if s["step"] == "classify"), None)
                return {"steps": steps, "stance_changes": _changes(before, _stances_snapshot(db)),
                        **_summarise(db, marks, classify_started_at, row["topic_id"])}

            try:
                _run_steps(steps, db_path, watchlist_path, watchlist, lock_file, control)
            except KeyboardInterrupt:
                finish(db, status="interrupted", error="aborted by a second signal", **outcome())
                raise
            except Exception as error:
                finish(db, status="failed", error=f"{type(error).__name__}: {error}", **outcome())
                raise
            result = outcome()
            return finish(db, status=_status(steps, result, control), error=_stop_reason(steps, control), **result)
    except LockBusy as error:
        return finish(open_db(db_path), status="failed", error=str(error))


def _run_steps(steps: list, db_path, watchlist_path, watchlist, lock_file, control) -> None:
    """Crawl each platform, then classify, appending each step's outcome to `steps`; a stop
    request is honoured between steps."""
    from onrecord.db.times import utc_now
    from onrecord.db.lock import child_env

    env = child_env(lock_file)
    for platform, skip in _crawl_steps(watchlist):
        if control.stop.is_set():
            return
        if skip:
            steps.append({"step": f"crawl {platform}", "status": "skipped", "seconds": 0, "detail": skip})
            continue
        clock = time.monotonic()
        status, last = _run_child(
            [sys.executable, "-c", _CLI, "crawl", "--db", db_path, "--watchlist", watchlist_path, "--platform", platform],
            env, control, f"crawl {platform}",
        )
        steps.append({"step": f"crawl {platform}", "status": "ok" if status == 0 else "failed",
                      "seconds": round(time.monotonic() - clock, 1), "detail": last})
    if control.stop.is_set():
        return
    clock, started_at = time.monotonic(), utc_now()
    try:
        status, detail = _classify(db_path, watchlist_path, env, control)
    except Exception as error:  # the crawl's summary is still worth recording
        log.exception("classify failed")
        status, detail = "failed", f"{type(error).__name__}: {error}"
    steps.append({"step": "classify", "status": status, "started_at": started_at,
                  "seconds": round(time.monotonic() - clock, 1), "detail": detail})


def _status(steps: list, result: dict, control: CycleControl) -> str:
    if control.stop.is_set():
        return "interrupted"
    if steps and not any(step["status"] == "ok" for step in steps):
        return "failed"
    if any(step["status"] == "failed" for step in steps) or result["failed_sources"]:
        return "partial"
    return "ok"


def _stop_reason(steps: list, control: CycleControl) -> str | None:
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


# --- the scheduler -------------------------------------------------------------------------


def build_scheduler(jobs_path, tz: str = DEFAULT_TIMEZONE, grace_hours: float = DEFAULT_GRACE_HOURS):
    from apscheduler.executors.pool import ThreadPoolExecutor
    from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
    from apscheduler.schedulers.blocking import BlockingScheduler

    Path(jobs_path).parent.mkdir(parents=True, exist_ok=True)
    store = SQLAlchemyJobStore(url=f"sqlite:///{os.path.abspath(jobs_path)}")
    return BlockingScheduler(
        jobstores={"default": store},
        executors={"default": ThreadPoolExecutor(max_workers=1)},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": int(grace_hours * 3600)},
        timezone=parse_timezone(tz),
    )


def _stored_job(scheduler):
    """The job as the store holds it from an earlier run, or None."""
    store = scheduler._jobstores["default"]
    store.start(scheduler, "default")  # idempotent: creates the table; start() does it again
    try:
        return store.lookup_job(JOB_ID)
    except Exception as error:  # an unreadable old job is replaced, not fatal
        log.warning("Replacing the stored job, which cannot be read: %s", error)
        return None


def add_nightly_job(scheduler, db_path, watchlist_path, at: str = DEFAULT_AT, tz: str = DEFAULT_TIMEZONE):
    """Add (or replace) the nightly job. A stored job with the same time and arguments keeps its
    next run time, so a run missed while the scheduler was down still happens on start (once,
    within the grace time); `replace_existing` alone would silently skip to the next night."""
    trigger = make_trigger(at, tz)
    kwargs = {"db_path": os.path.abspath(db_path), "watchlist_path": os.path.abspath(watchlist_path)}
    options = {}
    stored = _stored_job(scheduler)
    if (stored is not None and stored.func_ref == JOB_FUNC and stored.kwargs == kwargs
            and repr(stored.trigger) == repr(trigger) and stored.next_run_time is not None):
        options["next_run_time"] = stored.next_run_time
    return scheduler.add_job(
        JOB_FUNC, trigger, kwargs=kwargs, id=JOB_ID, name="onrecord nightly cycle",
        replace_existing=True, **options,
    )


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
