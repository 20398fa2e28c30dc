"""Links that lead somewhere on every table, view and canned query page:

- a leader's name (a `name` cell in a row that carries `leader_id`, or in the leaders table) links
  to their page (/leaders/<id>), and a `statement_id` cell to the statement's record;
- in a demo database the sources are fictional and were served by a replay server that is gone
  when the site is up, so a `url` or `source_url` cell links to the statement's record instead,
  and says so (where the row names no statement, the address is shown as text);
- `onrecord_source_url(url, statement_id)` does the same for the site's own queries (the Atom
  feed): the http(s) source, else NULL; the record's path in a demo database.
"""
from datasette import hookimpl
from datasette.utils import tilde_encode
from markupsafe import Markup, escape

from onrecord.presentation import DEMO_SOURCE_NOTE
from onrecord.sanitize import safe_url

SOURCE_COLUMNS = ("url", "source_url", "atom_link")


def _keys(row) -> set:
    try:
        return set(row.keys())
    except AttributeError:
        return set()


def _statement_of(row, table):
    keys = _keys(row)
    if "statement_id" in keys:
        return row["statement_id"]
    if table == "statements" and "id" in keys:
        return row["id"]
    return None


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if value in (None, "") or not isinstance(value, str):
        return None
    keys = _keys(row)
    if column == "name" and ("leader_id" in keys or table == "leaders"):
        leader_id = row["leader_id"] if "leader_id" in keys else row["id"]
        if leader_id:
            href = datasette.urls.path(f"/leaders/{tilde_encode(str(leader_id))}")
            return Markup(f'<a href="{escape(href)}" class="leader-page">{escape(value)}</a>')
    if column == "statement_id" and table != "statements":
        href = datasette.urls.row(database, "statements", tilde_encode(value))
        return Markup(f'<a href="{escape(href)}">{escape(value)}</a>')
    if column in SOURCE_COLUMNS and _demo(datasette, database):
        statement_id = _statement_of(row, table)
        if statement_id:
            href = datasette.urls.row(database, "statements", tilde_encode(str(statement_id)))
            return Markup(f'<a href="{escape(href)}" title="{escape(DEMO_SOURCE_NOTE)}: {escape(value)}">record</a> '
                          '<span class="demo-source">(fictional demo source, offline)</span>')
        return Markup(f'<span class="demo-source">{escape(value)} (demo: fictional, not online)</span>')
    return None


def _demo(datasette, database) -> bool:
    from onrecord.presentation import demo_database

    try:
        return demo_database(datasette, database)
    except KeyError:
        return False


@hookimpl
def prepare_connection(conn, database, datasette):
    def source_url(url, statement_id):
        if statement_id and _demo(datasette, database):
            return datasette.urls.row(database, "statements", tilde_encode(str(statement_id)))
        return safe_url(url)

    conn.create_function("onrecord_source_url", 2, source_url, deterministic=True)
