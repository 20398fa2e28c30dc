"""`onrecord serve` and `onrecord demo`: publish a database with Datasette.

The Datasette app uses metadata.yml, plugins/ and templates/ from the repository root, safe
settings, and always names the database `onrecord`, so the metadata, canned queries and the board
apply whatever the file is called."""
from importlib import resources
from pathlib import Path

import click
import yaml

from onrecord.cli.options import db_option


# Package resources, so an installed wheel serves the same site as a checkout. The package is
# installed as files (not zipped), so these are real folders Datasette can be pointed at.
SITE = Path(str(resources.files("onrecord")))
METADATA = SITE / "metadata.yml"
PLUGINS_DIR = SITE / "plugins"
TEMPLATES_DIR = SITE / "templates"
DATABASE_NAME = "onrecord"

# Published on the open web: every query is bounded in time and rows.
SETTINGS = {
    "sql_time_limit_ms": 2000,
    "max_returned_rows": 1000,
    "facet_time_limit_ms": 500,
    # Suggesting facets runs a query per column on every table page: too slow for 1M rows.
    "suggest_facets": False,
    "allow_download": False,
    # `?_stream=on` would send every row of a table as CSV, past max_returned_rows.
    "allow_csv_stream": False,
    "default_page_size": 50,
}


def load_metadata(extra_plugins: dict | None = None) -> dict:
    metadata = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    for name, config in (extra_plugins or {}).items():
        metadata.setdefault("plugins", {}).setdefault(name, {}).update(config)
    return metadata


def build_datasette(db_path, extra_plugins: dict | None = None, settings: dict | None = None):
    """A Datasette serving `db_path` read-only. Call `await ds.invoke_startup()` before use."""
    from datasette.app import Datasette
    from datasette.database import Database

    ds = Datasette(
        [],
        metadata=load_metadata(extra_plugins),
        plugins_dir=str(PLUGINS_DIR),
        template_dir=str(TEMPLATES_DIR),
        settings={**SETTINGS, **(settings or {})},
    )
    # Datasette adds an in-memory database when given no files; drop it: nothing to show there.
    ds.remove_database("_memory")
    # Mutable so crawls show up without a restart; Datasette reads mutable files with mode=ro.
    ds.add_database(Database(ds, path=str(db_path), is_mutable=True), name=DATABASE_NAME)
    return ds


def serve_datasette(db_path, host: str, port: int, extra_plugins: dict | None = None, echo=print) -> None:
    import asyncio

    import uvicorn

    # Keep the pages most visited computed in the background (plugins/query_cache.py).
    warm = ["/board"] + [f"/{DATABASE_NAME}/{table}" for table in ("statements", "leader_stances", "stances")]
    extra_plugins = dict(extra_plugins or {})
    extra_plugins["onrecord"] = {"warm": warm, **extra_plugins.get("onrecord", {})}
    ds = build_datasette(db_path, extra_plugins)
    asyncio.run(ds.invoke_startup())
    if host not in ("127.0.0.1", "localhost", "::1"):
        echo(f"Binding {host}: anyone who can reach this machine can read the database (read-only).")
    echo(f"Serving {db_path} at http://{host}:{port}/  (board: http://{host}:{port}/board)  Ctrl+C to stop")
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning")


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind; 0.0.0.0 publishes to the network.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535))
def serve(db_path, host, port):
    """Serve the database with Datasette, read-only, with metadata.yml, plugins and templates.

    Opens the database first (applying pending migrations). Pages: / (tables and canned
    queries), /board (one card per leader), /-/dashboards/stances (stances over time), and the
    Atom feed /onrecord/new_on_topic_feed.atom.
    """
    from onrecord.db.connect import open_db

    if not Path(db_path).exists():
        raise click.ClickException(f"{db_path}: no such database (run `onrecord crawl` first, or `onrecord demo`)")
    from onrecord.demo.build import BANNER, is_demo_db

    open_db(db_path).close()
    # a demo database is fiction wherever it is served
    extra = {"onrecord": {"banner": BANNER}} if is_demo_db(Path(db_path)) else None
    serve_datasette(db_path, host, port, extra_plugins=extra, echo=click.echo)


@click.command()
@click.option("--db", "db_path", default="demo.db", show_default=True, type=click.Path(dir_okay=False),
              help="Where to build the demo database (an earlier demo database there is replaced).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind when serving.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535))
@click.option("--no-serve", is_flag=True, help="Stop after building the database.")
def demo(db_path, host, port, no_serve):
    """Run the whole pipeline offline on bundled FICTIONAL sample data, then serve it.

    A local replay server serves about ten fictional leaders' Mastodon, Bluesky and RSS posts and
    a fictional newspaper's articles in the platforms' real formats. The real crawler reads them
    twice (the second night one post is edited and one deleted), the real classifier gives every
    statement a stance, and Datasette shows the result with a banner saying it is fiction.
    """
    from onrecord.demo.build import BANNER, build_demo

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
    serve_datasette(db_path, host, port, extra_plugins={"onrecord": {"banner": BANNER}}, echo=click.echo)
