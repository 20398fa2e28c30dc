"""`onrecord_escape_fts(q)`: a search box must not fail on FTS syntax (a stray quote, AND, *),
so the `search` canned query quotes each word as Datasette's own table search does."""
from datasette import hookimpl
from datasette.utils import escape_fts


def onrecord_escape_fts(query):
    query = query or ""
    if query.count('"') % 2:
        query = query.replace('"', " ")  # an unbalanced quote cannot be a phrase
    escaped = escape_fts(query)
    return escaped or '""'  # nothing to search for: match nothing rather than fail


@hookimpl
def prepare_connection(conn):
    conn.create_function("onrecord_escape_fts", 1, onrecord_escape_fts, deterministic=True)
