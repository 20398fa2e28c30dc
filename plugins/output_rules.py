"""onrecord's text and link rules (sanitize.py) as SQL functions, for the site's own queries that
turn stored strings into output where a browser or an XML parser reads them:

- `onrecord_clean_text(value)`: the text without control characters (lxml refuses a whole Atom
  feed for one NUL);
- `onrecord_safe_url(value)`: the URL if it is http(s), else NULL (never a `javascript:` link).

The Atom feed (metadata.yml, new_on_topic_feed) passes every column through them, so strings
stored before these rules were applied at ingest come out safely too.
"""
from datasette import hookimpl

from onrecord.sanitize import clean_text, safe_url


@hookimpl
def prepare_connection(conn):
    conn.create_function("onrecord_clean_text", 1, clean_text, deterministic=True)
    conn.create_function("onrecord_safe_url", 1, safe_url, deterministic=True)
