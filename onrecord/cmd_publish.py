"""`onrecord serve` and `onrecord demo`: publish a database with Datasette.

The Datasette app uses metadata.yml, plugins/ and templates/ from the repository root, safe
settings, and always names the database `onrecord`, so the metadata, canned queries and the board
apply whatever the file is called."""
from pathlib import Path

import click
import yaml

from onrecord.options import db_option


ROOT = Path(__file__).resolve().parent.parent
METADATA = ROOT / "metadata.yml"
PLUGINS_DIR = ROOT / "plugins"
TEMPLATES_DIR = ROOT / "templates"
DATABASE_NAME = "onrecord"

# Published on the open web: every query is bounded in time and rows.
SETTINGS = {
    "sql_time_limit_ms": 2000,
    "max_returned_rows": 1000,
    "facet_time_limit_ms": 500,
    # Suggesting facets runs a query per column on every table page: too slow for 1M rows.
    "suggest_facets": False,
    "allow_download": False,
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

    ds = build_datasette(db_path, extra_plugins)
    asyncio.run(ds.invoke_startup())
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
    from db.connect import open_db

    if not Path(db_path).exists():
        raise click.ClickException(f"{db_path}: no such database (run `onrecord crawl` first, or `onrecord demo`)")
    open_db(db_path).close()
    serve_datasette(db_path, host, port, echo=click.echo)
