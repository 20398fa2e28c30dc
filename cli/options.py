"""Options shared by several commands, as reusable decorators, and the CLI's error edge."""
from contextlib import contextmanager

import click

from onrecord.vocabulary import DB_ENV, DEFAULT_DB
from onrecord.watchlist import WatchlistError, load_watchlist


class BadWatchlist(click.ClickException):
    """A watchlist mistake: one line, exit status 2, no traceback."""

    exit_code = 2

    def show(self, file=None):
        for line in self.message.splitlines():  # one line per mistake
            click.echo(f"Error: {line}", err=True)


def db_option(command):
    return click.option(
        "--db",
        "db_path",
        envvar=DB_ENV,
        default=DEFAULT_DB,
        show_default=True,
        type=click.Path(dir_okay=False),
        help=f"SQLite database file (env {DB_ENV}).",
    )(command)


def watchlist_option(command):
    return click.option(
        "--watchlist",
        "watchlist_path",
        envvar="ONRECORD_WATCHLIST",
        default=None,
        type=click.Path(dir_okay=False),
        help="Watchlist YAML (env ONRECORD_WATCHLIST; default ./watchlist.yml, else the bundled list).",
    )(command)


def load_watchlist_or_exit(path) -> dict:
    try:
        return load_watchlist(path)  # None: the default list (default_watchlist_path)
    except WatchlistError as error:
        raise BadWatchlist(str(error)) from None


@contextmanager
def command_lock(db_path, command: str):
    """The database's writer lock (db/lock.py) for a command: the wait is announced on stderr,
    giving up is one line."""
    from onrecord.db.lock import LockBusy, writer_lock

    from onrecord.cli.errors import EXIT_DATABASE, CommandError

    try:
        with writer_lock(db_path, command, echo=lambda line: click.echo(line, err=True)) as path:
            yield path
    except LockBusy as error:
        raise CommandError(str(error), EXIT_DATABASE) from None
