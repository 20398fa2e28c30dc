"""Open the database in the shape the code expects: WAL, foreign keys, migrations, views."""
from pathlib import Path

import sqlite_utils

from onrecord.db.migrations import migrations
from onrecord.db.views import ensure_views


def open_db(path) -> sqlite_utils.Database:
    """Open (creating if needed) the database at `path` and bring its schema up to date."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    # WAL lets Datasette read while a crawl writes; the busy timeout lets two writers queue
    # instead of failing at once.
    db.execute("PRAGMA busy_timeout = 30000")
    db.enable_wal()
    db.execute("PRAGMA foreign_keys = ON")
    ensure_db_shape(db)
    return db


def ensure_db_shape(db: sqlite_utils.Database) -> None:
    """Idempotent: apply pending migrations, then (re)create views."""
    migrations.apply(db)
    ensure_views(db)
