"""The command line's error edge: every fault a user can meet ends in one line on stderr, never a
traceback, and an exit status of its kind, so scripts and cron can tell them apart (README,
"Exit status"):

    0    done
    1    it ran, but the work failed: every source tried failed, nothing could be classified,
         the nightly cycle failed
    2    bad input: a usage mistake, a bad watchlist, a --db in a folder that does not exist,
         an unreadable input file
    3    the database: missing, not onrecord's, damaged, read-only, or kept busy by another writer
    4    the disk is full
    130  interrupted (Ctrl-C); 143 stopped by SIGTERM
"""
from __future__ import annotations

import functools
import signal
import sqlite3
from contextlib import contextmanager
from pathlib import Path

import click

EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_DATABASE = 3
EXIT_DISK_FULL = 4


def interrupted_status(signum: int | None) -> int:
    """The shell's convention: 128 + the signal's number (130 for Ctrl-C, 143 for SIGTERM)."""
    return 128 + int(signum or signal.SIGINT)


class CommandError(click.ClickException):
    """One line on stderr and an exit status of its kind."""

    def __init__(self, message: str, exit_code: int = EXIT_FAILED):
        super().__init__(" ".join(str(message).split()))  # one line, whatever the message held
        self.exit_code = exit_code

    def show(self, file=None):
        click.echo(f"Error: {self.message}", err=True)


@contextmanager
def database_errors(db_path):
    """Turn a database fault met inside the body (damaged file, read-only, disk full, busy lock)
    into a CommandError; anything else goes on up."""
    from onrecord.db.files import DatabaseProblem, database_problem
    from onrecord.db.lock import LockBusy

    try:
        yield
    except LockBusy as error:
        raise CommandError(str(error), EXIT_DATABASE) from None
    except (DatabaseProblem, sqlite3.Error, OSError) as error:
        problem = database_problem(error, db_path)
        if problem is None:
            raise
        raise CommandError(str(problem), EXIT_DISK_FULL if problem.kind == "disk" else EXIT_DATABASE) from None


def handles_database_faults(command):
    """Decorator for a command with a --db option: database faults end it in one line."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        with database_errors(kwargs.get("db_path")):
            return command(*args, **kwargs)

    return wrapper


def check_database(db_path, *, create: bool = False, foreign_ok: bool = False, echo=None) -> str:
    """Look at --db before anything is written to it; returns what it is (db/files.py).

    - missing (or an empty file): refused unless `create`, and then only in an existing folder
      (a mistyped path must not leave folders and an empty database behind), said through `echo`;
    - another program's SQLite file: refused unless `foreign_ok` (onrecord would add its tables);
    - damaged or unreadable: refused."""
    from onrecord.db.files import EMPTY, FOREIGN, MISSING, inspect_database

    with database_errors(db_path):
        state = inspect_database(db_path)
    if state in (MISSING, EMPTY):
        if not create:
            what = "no such database" if state == MISSING else "an empty file, not a database yet"
            raise CommandError(f"{db_path}: {what} (run `onrecord crawl` first, or `onrecord demo`)", EXIT_DATABASE)
        folder = Path(db_path).absolute().parent
        if not folder.is_dir():
            raise CommandError(f"{db_path}: the folder {folder} does not exist; onrecord creates a new database "
                               "only in an existing folder (create it, or correct --db)", EXIT_BAD_INPUT)
        if echo:
            echo(f"Creating a new database: {db_path}")
    elif state == FOREIGN and not foreign_ok:
        raise CommandError(f"{db_path} is not an onrecord database (it holds another program's tables); "
                           "onrecord will not add its own to it: pick another --db", EXIT_DATABASE)
    return state
