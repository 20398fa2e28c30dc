"""Keep the results of facet counts, table counts, the board, reads of leader_stances and the first
page of statement_stances until the
database file changes. Crawls write the database once a night; between them every visitor of the statements
page would otherwise count 1M rows again, once per facet (an index scan of ~100 ms each).

A result is reused only while the database file and its WAL have the same size and mtime as when
it was computed (any commit changes the WAL), and for at most MAX_AGE seconds. Turn it off with
plugin config `onrecord: {query_cache: false}`.

With `onrecord: {warm: [paths]}` (set by `onrecord serve`), the server requests those pages itself
when it starts and whenever the database changes, so the first visitor after a crawl is served
from the cache too.
"""
import asyncio
import os
import re
import time
from collections import OrderedDict

from datasette import hookimpl

CACHEABLE = re.compile(
    r"^\s*(?:/\* onrecord:cache \*/"  # marked by our own plugins (the board)
    r"|select \S+ as value, count\(\*\) as count from \("  # a Datasette column facet
    r"|select count\(\*\) from )",  # a table or filtered-table count
    re.IGNORECASE,
)
# leader_stances aggregates the whole database: any read of it is worth keeping
SUMMARY_VIEW = re.compile(r"^\s*(?:with|select)\b.*\bleader_stances\b", re.IGNORECASE | re.DOTALL)
# The first page of statement_stances, unfiltered, in any order: sorting the view's judgments by
# date reads all of them (a union of two arms); later pages and filters carry a where clause.
# (At most FIRST_PAGE_ROWS rows: anyone's SQL passes here, and statement texts can be long.)
FIRST_PAGE = re.compile(r"^select [^;]* from statement_stances (?:order by [\w\s,\[\]\"]+ )?limit (\d{1,4})$",
                        re.IGNORECASE)
FIRST_PAGE_ROWS = 101
MAX_ENTRIES = 512
MAX_AGE = 600.0
WARM_EVERY = 30.0  # seconds between checks for a changed database


def file_version(path) -> tuple:
    version = []
    for suffix in ("", "-wal"):
        try:
            stat = os.stat(f"{path}{suffix}")
            version.append((stat.st_mtime_ns, stat.st_size))
        except FileNotFoundError:
            version.append(None)
    return tuple(version)


def first_page(sql) -> bool:
    found = FIRST_PAGE.match(sql)
    return bool(found) and int(found.group(1)) <= FIRST_PAGE_ROWS


def freeze(params):
    if isinstance(params, dict):
        return tuple(sorted(params.items()))
    return tuple(params) if params else ()


def cached_execute(database):
    original = database.execute
    cache = OrderedDict()

    async def execute(sql, params=None, truncate=False, custom_time_limit=None, page_size=None, log_sql_errors=True):
        def run():
            return original(sql, params=params, truncate=truncate, custom_time_limit=custom_time_limit,
                            page_size=page_size, log_sql_errors=log_sql_errors)

        if not (CACHEABLE.match(sql) or SUMMARY_VIEW.search(sql) or first_page(sql)):
            return await run()
        key = (sql, freeze(params), truncate, page_size)
        version, now = file_version(database.path), time.monotonic()
        hit = cache.get(key)
        if hit and hit[0] == version and now - hit[1] < MAX_AGE:
            cache.move_to_end(key)
            return hit[2]
        result = await run()  # a timed-out query raises and is not kept
        cache[key] = (version, now, result)
        if len(cache) > MAX_ENTRIES:
            cache.popitem(last=False)
        return result

    execute.cache = cache  # for tests and debugging
    return execute


@hookimpl
def startup(datasette):
    if (datasette.plugin_config("onrecord") or {}).get("query_cache", True) is False:
        return
    for database in datasette.databases.values():
        if database.path and not database.is_memory:
            database.execute = cached_execute(database)


def database_versions(datasette) -> tuple:
    return tuple(file_version(db.path) for db in datasette.databases.values() if db.path and not db.is_memory)


async def warm_forever(datasette, paths):
    seen = None
    while True:
        current = database_versions(datasette)
        if current != seen:
            for path in paths:
                try:
                    await datasette.client.get(path)
                except Exception:  # noqa: BLE001 - a page that fails now fails for its visitor too
                    pass
            seen = current
        await asyncio.sleep(WARM_EVERY)


@hookimpl
def asgi_wrapper(datasette):
    paths = (datasette.plugin_config("onrecord") or {}).get("warm") or []

    def wrap(app):
        if not paths:
            return app

        async def warming_app(scope, receive, send):
            # The lifespan start runs in the server's own event loop: start warming there.
            if scope["type"] == "lifespan" and not getattr(datasette, "_onrecord_warming", None):
                datasette._onrecord_warming = asyncio.get_running_loop().create_task(warm_forever(datasette, paths))
            await app(scope, receive, send)

        return warming_app

    return wrap
