"""`onrecord schedule`: the nightly crawl-and-classify cycle (schedule.py), or one cycle now."""
import click

from onrecord.cli import dependencies
from onrecord.cli.errors import check_database, handles_database_faults
from onrecord.cli.options import db_option, load_watchlist_or_exit, watchlist_option
from onrecord.nightly.timing import DEFAULT_AT, DEFAULT_GRACE_HOURS, DEFAULT_TIMEZONE, ScheduleError, parse_at, parse_timezone


class BadSchedule(click.ClickException):
    """A bad --at or --timezone: one line, exit status 2, like other usage mistakes."""

    exit_code = 2


@click.command()
@watchlist_option
@db_option
@click.option("--at", "at", default=DEFAULT_AT, show_default=True, metavar="HH:MM",
              help="Time of day of the nightly cycle (24-hour).")
@click.option("--timezone", "tz", default=DEFAULT_TIMEZONE, show_default=True, metavar="ZONE",
              help="IANA time zone of --at, e.g. America/Chicago.")
@click.option("--jobs-db", "jobs_path", type=click.Path(dir_okay=False), metavar="PATH",
              help="APScheduler job store (SQLite), kept out of the published database. [default: <db>.jobs]")
@click.option("--grace", "grace_hours", default=DEFAULT_GRACE_HOURS, show_default=True, type=click.FloatRange(min=0),
              metavar="HOURS", help="A run missed (machine asleep or off) by at most this long still runs on start.")
@click.option("--once", is_flag=True, help="Run one cycle now and exit (for cron or a systemd timer).")
@dependencies.checked("schedule")
@handles_database_faults
def schedule(watchlist_path, db_path, at, tz, jobs_path, grace_hours, once):
    """Crawl and classify every night; log and record what changed.

    Each cycle crawls every platform of the watchlist (each in its own process), classifies the
    new statements, then stores a `runs` row: new statements, new on-topic ones by stance,
    leaders whose stance changed, sources that failed. The `source_health` view flags sources
    failing 3 times in a row or quiet for far longer than usual.

    A manual `onrecord crawl` waits for a running cycle (and the reverse). SIGTERM or Ctrl-C
    stops after the current step; a second one aborts it.

    With --once: exit status 0 if the cycle ran (some sources may have failed), 1 if nothing
    could run or every source it tried failed.
    """
    import logging

    import onrecord.schedule as nightly

    try:
        parse_at(at)
        parse_timezone(tz)
    except ScheduleError as error:
        raise BadSchedule(str(error)) from None
    watchlist = load_watchlist_or_exit(watchlist_path)  # a bad watchlist fails now, not at 03:00
    check_database(db_path, create=True, echo=lambda line: click.echo(line, err=True))  # and a bad --db
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    logging.getLogger("apscheduler").setLevel(logging.WARNING)  # our own lines say when and what
    if once:
        try:
            row = nightly.once(db_path, watchlist["path"])
        except KeyboardInterrupt:
            raise SystemExit(130) from None
        if row["status"] == "interrupted":
            raise SystemExit(128 + int(nightly.CONTROL.signum or 15))
        raise SystemExit(1 if row["status"] == "failed" else 0)
    nightly.serve(db_path, watchlist["path"], at=at, tz=tz, jobs_path=jobs_path, grace_hours=grace_hours)
