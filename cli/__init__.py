"""The `onrecord` command line: crawl -> classify -> publish, each a command.

The commands parse options, check the packages they need (cli/dependencies.py), call the steps
and turn their errors into one-line messages. The steps never import this package.
"""
import json
import sys

import click

from onrecord import __version__
from onrecord.cli import dependencies
from onrecord.cli.errors import (
    EXIT_FAILED,
    CommandError,
    check_database,
    handles_database_faults,
    interrupted_status,
)
from onrecord.cli.options import command_lock, db_option, load_watchlist_or_exit, watchlist_option
from onrecord.vocabulary import ARCHIVE, NEWS, SOURCE_PLATFORMS


class OnrecordGroup(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:  # click would say "Aborted!" and exit 1
            raise CommandError("interrupted", interrupted_status(None)) from None


@click.group(cls=OnrecordGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="onrecord")
def cli():
    """Track what named tech leaders say in public about an issue, and who says nothing.

    Typical use: edit a watchlist, then `onrecord crawl`, `onrecord classify` and
    `onrecord serve`; or `onrecord schedule` to do the first two every night.
    """


def parse_setting(text: str) -> tuple[str, object]:
    """NAME=VALUE, the value read as JSON when it is JSON (0, false, [1, 2]), else as text."""
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise click.BadParameter(f"{text!r}: expected NAME=VALUE, e.g. DOWNLOAD_DELAY=0", param_hint="--set")
    try:
        return name.strip(), json.loads(value)
    except ValueError:
        return name.strip(), value


@cli.command()
@watchlist_option
@db_option
@click.option("--platform", "platforms", multiple=True, type=click.Choice(SOURCE_PLATFORMS),
              help="Only crawl this platform (repeatable; archive: the news-archive searches).")
@click.option("--leader", "leaders", multiple=True, metavar="ID",
              help="Only crawl this leader's accounts (repeatable; skips news and the archive unless "
                   "--platform names them).")
@click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE",
              help="Override a Scrapy setting for this crawl (repeatable), e.g. -s DOWNLOAD_TIMEOUT=60.")
@click.option("--json", "as_json", is_flag=True,
              help="End with the summary as one JSON object instead of a sentence.")
@dependencies.checked("crawl")
@handles_database_faults
def crawl(watchlist_path, db_path, platforms, leaders, overrides, as_json):
    """Crawl every account and news source of the watchlist into the database.

    One `crawls` row is recorded per source; a failing source never stops the others. Prints a
    line per source as it finishes, then a summary. A new database is created only in a folder
    that exists. With an `archive:` in the watchlist, each leader's name is also searched in a
    news archive over the window. Exit status 1 when every source that was tried failed (X
    accounts skipped for want of a token are not tried); 130 when interrupted (Ctrl-C: the
    sources not read yet are not recorded as failures); the others are in the README.
    """
    watchlist = load_watchlist_or_exit(watchlist_path)
    unknown = set(leaders) - {leader["id"] for leader in watchlist["leaders"]}
    if unknown:
        raise click.BadParameter(f"not in the watchlist: {', '.join(sorted(unknown))}", param_hint="--leader")
    settings = dict(parse_setting(text) for text in overrides)
    from onrecord.crawler.crawl import crawl_settings
    from onrecord.crawler.pacing import PacingSettingsError, check_settings

    try:
        check_settings(crawl_settings(settings))
    except PacingSettingsError as error:
        raise click.BadParameter(str(error), param_hint="--set") from None
    from onrecord.crawler.sources import build_sources

    if any(source.platform in (NEWS, ARCHIVE) for source in build_sources(watchlist, set(platforms), set(leaders))):
        dependencies.check("crawl", dependencies.NEWS)
    from onrecord.db.files import EMPTY, MISSING

    new = check_database(db_path, create=True) in (MISSING, EMPTY)
    with command_lock(db_path, "crawl"):  # never alongside the nightly run or another crawl
        from onrecord.crawler.crawl import crawl_watchlist

        if new:
            click.echo(f"Creating a new database: {db_path}", err=True)

        summary = crawl_watchlist(watchlist, db_path, platforms=set(platforms) or None,
                                  leaders=set(leaders) or None, echo=click.echo, settings=settings)
    summary.pop("crawls")
    interrupted = summary.get("interrupted")
    if as_json:
        click.echo(json.dumps(summary))
    elif interrupted:
        import signal

        click.echo(
            f"Crawl interrupted ({signal.Signals(interrupted).name}) with {summary['sources']} sources: "
            f"{summary['ok']} ok, {summary['partial']} partial, {summary['failed']} failed, "
            f"{summary['skipped']} skipped, {summary.get('not_finished', 0)} not read yet (not recorded; "
            f"the next crawl reads them); {summary['new_items']} new of {summary['items']} statements seen."
        )
    else:
        click.echo(
            f"Crawled {summary['sources']} sources: {summary['ok']} ok, {summary['partial']} partial, "
            f"{summary['failed']} failed, {summary['skipped']} skipped; "
            f"{summary['new_items']} new of {summary['items']} statements seen."
        )
    if interrupted:
        sys.exit(interrupted_status(interrupted))
    tried = summary["sources"] - summary["skipped"]
    if tried and summary["failed"] == tried:
        sys.exit(EXIT_FAILED)


# Commands from the other steps register here, in pipeline order.
from onrecord.cli import publish, quotes, review, schedule, stance  # noqa: E402

cli.add_command(stance.classify)
cli.add_command(stance.stance)
cli.add_command(quotes.quotes)
cli.add_command(review.review)
cli.add_command(publish.serve)
cli.add_command(schedule.schedule)
cli.add_command(publish.demo)


def main():
    cli()
