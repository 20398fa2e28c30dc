"""The `onrecord` command line: crawl -> classify -> publish, each a command."""
import sys

import click

from onrecord import __version__
from onrecord.cli.options import db_option, load_watchlist_or_exit, watchlist_option
from onrecord.watchlist import PLATFORMS

CRAWL_PLATFORMS = PLATFORMS + ("news",)  # the accounts' platforms, then the watchlist's news sources


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="onrecord")
def cli():
    """Track what named tech leaders say in public about an issue, and who says nothing.

    Typical use: edit a watchlist, then `onrecord crawl`, `onrecord classify` and
    `onrecord serve`; or `onrecord schedule` to do the first two every night.
    """


@cli.command()
@watchlist_option
@db_option
@click.option("--platform", "platforms", multiple=True, type=click.Choice(CRAWL_PLATFORMS),
              help="Only crawl this platform (repeatable).")
@click.option("--leader", "leaders", multiple=True, metavar="ID",
              help="Only crawl this leader's accounts (repeatable; skips news unless --platform news).")
def crawl(watchlist_path, db_path, platforms, leaders):
    """Crawl every account and news source of the watchlist into the database.

    One `crawls` row is recorded per source; a failing source never stops the others. Prints a
    line per source as it finishes, then a summary. Exit status 1 only when every source that
    was tried failed (X accounts skipped for want of a token are not tried).
    """
    watchlist = load_watchlist_or_exit(watchlist_path)
    unknown = set(leaders) - {leader["id"] for leader in watchlist["leaders"]}
    if unknown:
        raise click.BadParameter(f"not in the watchlist: {', '.join(sorted(unknown))}", param_hint="--leader")
    from onrecord.db.lock import command_lock

    with command_lock(db_path, "crawl"):  # never alongside the nightly run or another crawl
        from onrecord.crawler.run import run_crawl

        summary = run_crawl(
            watchlist, db_path, platforms=set(platforms) or None, leaders=set(leaders) or None, echo=click.echo
        )
    click.echo(
        f"Crawled {summary['sources']} sources: {summary['ok']} ok, {summary['partial']} partial, "
        f"{summary['failed']} failed, {summary['skipped']} skipped; "
        f"{summary['new_items']} new of {summary['items']} statements seen."
    )
    tried = summary["sources"] - summary["skipped"]
    if tried and summary["failed"] == tried:
        sys.exit(1)


# Commands from the other steps register here, in pipeline order.
from onrecord.cli import publish, schedule, stance  # noqa: E402

cli.add_command(stance.classify)
cli.add_command(stance.stance)
cli.add_command(publish.serve)
cli.add_command(schedule.schedule)
cli.add_command(publish.demo)


def main():
    cli()
