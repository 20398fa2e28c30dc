"""When the nightly cycle runs: the time of day and time zone, the cron trigger, and the
APScheduler 3 job in its own SQLite job store (beside the database, never inside it).

APScheduler pickles the job: it points at schedule.py's `scheduled_cycle` by its textual
reference (JOB_FUNC), and its arguments are plain strings.
"""
from __future__ import annotations

import logging
import os
import re
from datetime import datetime
from pathlib import Path

log = logging.getLogger("onrecord.schedule")

JOB_ID = "onrecord-nightly"
JOB_FUNC = "onrecord.schedule:scheduled_cycle"
DEFAULT_AT = "03:00"
DEFAULT_TIMEZONE = "UTC"
DEFAULT_GRACE_HOURS = 6.0  # a machine that was asleep at 03:00 still runs the missed cycle on waking
_AT = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


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


def stored_job(scheduler):
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
    stored = stored_job(scheduler)
    if (stored is not None and stored.func_ref == JOB_FUNC and stored.kwargs == kwargs
            and repr(stored.trigger) == repr(trigger) and stored.next_run_time is not None):
        options["next_run_time"] = stored.next_run_time
    return scheduler.add_job(
        JOB_FUNC, trigger, kwargs=kwargs, id=JOB_ID, name="onrecord nightly cycle",
        replace_existing=True, **options,
    )
