"""Bounds on every connection the published site opens, so one anonymous query cannot take the
server down. Datasette's time limit (a progress handler) cannot interrupt a single huge
allocation such as `randomblob(2000000000)`; these limits make SQLite refuse it instead.

- a string or blob may be at most MAX_LENGTH bytes (SQLITE_LIMIT_LENGTH): stored texts are far
  smaller (a statement's text is capped at ingest; raw payloads are a post's JSON);
- a SQL statement may be at most MAX_SQL_LENGTH bytes;
- SQLite's heap may not grow past HEAP_LIMIT bytes (PRAGMA hard_heap_limit: one limit for the
  whole serving process, which only reads), so many medium blobs cannot add up either.
"""
import sqlite3

from datasette import hookimpl

MAX_LENGTH = 10 * 1024 * 1024
MAX_SQL_LENGTH = 100_000
HEAP_LIMIT = 512 * 1024 * 1024


@hookimpl
def prepare_connection(conn):
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_LENGTH)
    conn.setlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH, MAX_SQL_LENGTH)
    conn.execute(f"PRAGMA hard_heap_limit = {HEAP_LIMIT}")
