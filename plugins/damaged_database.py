"""A page that fails because the database file is damaged (or unreadable) answers 503 with one
plain sentence, and the server log gets one line, instead of a 500 page and a traceback per
request. `onrecord serve` checks the whole file before it starts (db/files.py check_integrity);
this covers a file damaged while it is served."""
import logging
import sqlite3

from datasette import hookimpl
from datasette.utils.asgi import Response

from onrecord.db.files import database_problem

logger = logging.getLogger("onrecord.serve")
MESSAGE = ("This page cannot be shown: the database file cannot be read ({}). "
           "The site's operator has to restore it; nothing can be done from here.\n")


@hookimpl(hookwrapper=True)
def handle_exception(datasette, request, exception):
    outcome = yield
    if not isinstance(exception, sqlite3.Error):
        return
    path = next((db.path for db in datasette.databases.values() if db.path), "the database")
    problem = database_problem(exception, path)
    if problem is None:
        return
    logger.error("%s %s: %s", request.method, request.path, problem)
    # Only this answer: Datasette's default handler (whose turn it would be) prints a traceback.
    outcome.force_result([Response.text(MESSAGE.format(exception), status=503)])
