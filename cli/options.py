"""Options shared by several commands, as reusable decorators, and the CLI's error edge."""
import click

from onrecord.watchlist import WatchlistError, load_watchlist


class BadWatchlist(click.ClickException):
    """A watchlist mistake: one line, exit status 2, no traceback."""

    exit_code = 2

    def show(self, file=None):
        click.echo(f"Error: {self.message}", err=True)


def db_option(command):
    return click.option(
        "--db",
        "db_path",
        envvar="ONRECORD_DB",
        default="onrecord.db",
        show_default=True,
        type=click.Path(dir_okay=False),
        help="SQLite database file (env ONRECORD_DB).",
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
