"""`onrecord serve` and `onrecord demo`: publish a database with Datasette (publish.py)."""
import click

from onrecord.cli import dependencies
from onrecord.cli.errors import EXIT_BAD_INPUT, CommandError, check_database, handles_database_faults
from onrecord.cli.options import db_option


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind; 0.0.0.0 publishes to the network.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535))
@click.option("--add-schema", is_flag=True,
              help="Serve a database that is not onrecord's, adding onrecord's tables to it (refused otherwise).")
@dependencies.checked("serve")
@handles_database_faults
def serve(db_path, host, port, add_schema):
    """Serve the database with Datasette, read-only, with metadata.yml, plugins and templates.

    Checks the whole file first (a damaged one is refused) and applies pending migrations; a
    SQLite file that is not onrecord's is refused unless --add-schema. Pages: / (tables and
    canned queries), /board (one card per leader; .csv, .json), /leaders/ID (a leader's page;
    .csv, .json), /onrecord/statement_stances (statements with their stance),
    /-/dashboards/stances and /-/dashboards/positions (charts), and the Atom feed
    /onrecord/new_on_topic_feed.atom.
    """
    from onrecord.db.connect import open_db
    from onrecord.db.files import check_integrity
    from onrecord.publish import serve_datasette, site_plugins

    check_database(db_path, foreign_ok=add_schema)
    check_integrity(db_path)
    check_port(host, port)
    open_db(db_path).close()
    serve_datasette(db_path, host, port, extra_plugins=site_plugins(db_path), echo=click.echo)


def check_port(host: str, port: int) -> None:
    """Fail now, in one line, when the port is taken (not after building or checking everything)."""
    import socket

    if port == 0:
        return
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind((host, port))
        except OSError as error:
            raise CommandError(f"cannot listen on {host}:{port} ({error.strerror}); "
                               f"another program uses it: pick another with --port", EXIT_BAD_INPUT) from None


@click.command()
@click.option("--db", "db_path", default="demo.db", show_default=True, type=click.Path(dir_okay=False),
              help="Where to build the demo database (an earlier demo database there is replaced).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind when serving.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535))
@click.option("--no-serve", is_flag=True, help="Stop after building the database.")
@dependencies.checked("demo")
def demo(db_path, host, port, no_serve):
    """Run the whole pipeline offline on bundled FICTIONAL sample data, then serve it.

    A local replay server serves about ten fictional leaders' Mastodon, Bluesky and RSS posts and
    a fictional newspaper's articles in the platforms' real formats. The real crawler reads them
    twice (the second night one post is edited and one deleted), the real classifier gives every
    statement a stance, and Datasette shows the result with a banner saying it is fiction.
    """
    from onrecord.demo.build import build_demo
    from onrecord.publish import FICTION_BANNER, serve_datasette

    if not no_serve:
        check_port(host, port)  # before the build, not a minute later
    try:
        result = build_demo(db_path, echo=click.echo)
    except (FileExistsError, RuntimeError) as error:
        raise click.ClickException(str(error)) from None
    width = max(map(len, result["stances"]), default=0)
    click.echo("\nWhere each fictional leader stands (leader_stances):")
    for leader_id, stance in sorted(result["stances"].items()):
        click.echo(f"  {leader_id:{width}}  {stance}")
    timings = ", ".join(f"{step} {seconds:.1f}s" for step, seconds in result["timings"].items())
    click.echo(f"Built {db_path} in {result['timings']['total']:.1f}s ({timings}).")
    if no_serve:
        click.echo(f"Serve it with: onrecord serve --db {db_path}")
        return
    serve_datasette(db_path, host, port, extra_plugins={"onrecord": {"banner": FICTION_BANNER}}, echo=click.echo)
