"""The publish step: Datasette over the database, with metadata.yml, plugins/ and templates/.

The site files are package resources, so an installed wheel serves the same site as a checkout
(the package is installed as files, not zipped, so they are real folders Datasette can be pointed
at). The database is always served as `onrecord` (vocabulary.DATABASE_NAME), whatever the file is
called, so the metadata, canned queries and the board apply.
"""
from importlib import resources
from pathlib import Path

import yaml

from onrecord.vocabulary import DATABASE_NAME

SITE = Path(str(resources.files("onrecord")))
METADATA = SITE / "metadata.yml"
PLUGINS_DIR = SITE / "plugins"
TEMPLATES_DIR = SITE / "templates"
FICTION_BANNER = ("DEMO DATA: every person, company, post and article on this site is FICTIONAL, made up to "
                  "show how onrecord works. Nothing here was said by a real person.")

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


def site_plugins(db_path, banner: str | None = None) -> dict:
    """Plugin config for serving `db_path`: the fiction banner on a demo database whatever asks
    (a demo database is fiction wherever it is served), else `banner` if given."""
    from onrecord.db.queries import is_demo_database

    if is_demo_database(db_path):
        banner = FICTION_BANNER
    return {"onrecord": {"banner": banner}} if banner else {}


def warm_paths() -> list[str]:
    """The pages `onrecord serve` requests itself at start and after each change of the database,
    so their slow queries are cached before the first visitor (plugins/query_cache.py)."""
    return ["/board"] + [f"/{DATABASE_NAME}/{table}" for table in ("statements", "statement_stances", "leader_stances",
                                                                       "stances")]


def serve_datasette(db_path, host: str, port: int, extra_plugins: dict | None = None, echo=print) -> None:
    import asyncio

    import uvicorn

    # Keep the pages most visited computed in the background (plugins/query_cache.py).
    warm = warm_paths()
    extra_plugins = dict(extra_plugins or {})
    extra_plugins["onrecord"] = {"warm": warm, **extra_plugins.get("onrecord", {})}
    ds = build_datasette(db_path, extra_plugins)
    asyncio.run(ds.invoke_startup())
    if host not in ("127.0.0.1", "localhost", "::1"):
        echo(f"Binding {host}: anyone who can reach this machine can read the database (read-only).")
    echo(f"Serving {db_path} at http://{host}:{port}/  (board: http://{host}:{port}/board)  Ctrl+C to stop")
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning")
