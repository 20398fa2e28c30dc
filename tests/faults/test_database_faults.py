"""Fault class 4 and 5: database faults end a command in one line with an exit status of their kind
(cli/errors.py: 2 bad input, 3 database, 4 disk full), and nothing is written where it should not be.

The commands run in this process (click's runner) where only the command's own checks are tested;
the crawls that meet a read-only database or a full disk run as `onrecord crawl` child processes,
because what is tested is the process and the file system. Everything here is fictional."""
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from onrecord.cli import cli
from onrecord.db.connect import open_db
from onrecord.db.files import DiskFull
from onrecord.demo.sites import MastodonInstance, make_posts
from tests.crawler.conftest import write_watchlist
from tests.publish.conftest import fill

ONRECORD = Path(sys.executable).with_name("onrecord")
WATCHLIST = {"topic": {"id": "ice-enforcement", "name": "Fictional test topic"},
             "leaders": [{"id": "ada-example", "name": "Ada Example (fictional)"}]}


@pytest.fixture
def watchlist(tmp_path):
    path = tmp_path / "watchlist.yml"
    path.write_text(yaml.safe_dump(WATCHLIST))
    return path


def run(*args):
    result = CliRunner().invoke(cli, [str(arg) for arg in args])
    return result.exit_code, result.output


def one_error_line(output):
    lines = [line for line in output.splitlines() if line.startswith("Error: ")]
    assert len(lines) == 1 and "Traceback" not in output, output
    return lines[0]


def onrecord_db(path, damaged=False):
    db = open_db(path)
    fill(db)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    if damaged:  # every page but the header and the schema
        with open(path, "r+b") as file:
            file.seek(4096)
            file.write(os.urandom(os.path.getsize(path) - 4096))
    return path


@pytest.mark.parametrize("command", ["crawl", "classify", "serve"])
def test_a_file_that_is_not_a_database_is_refused_in_one_line_and_left_alone(tmp_path, watchlist, command):
    path = tmp_path / "notes.db"
    path.write_bytes(b"Fictional meeting notes, not a database.\n" * 200)
    before = path.read_bytes()
    extra = ["--watchlist", watchlist] if command != "serve" else []
    status, output = run(command, "--db", path, *extra)
    assert status == 3
    assert "the database file is damaged (file is not a database)" in one_error_line(output)
    assert path.read_bytes() == before and not Path(f"{path}-wal").exists()


@pytest.mark.parametrize("command", ["serve", "classify", "crawl"])
def test_a_damaged_onrecord_database_is_refused_in_one_line(tmp_path, watchlist, command):
    path = onrecord_db(tmp_path / "damaged.db", damaged=True)
    extra = ["--watchlist", watchlist] if command != "serve" else []
    status, output = run(command, "--db", path, *extra)
    assert status == 3
    assert "the database file is damaged" in one_error_line(output)


def test_classify_refuses_a_missing_database_and_creates_nothing(tmp_path, watchlist):
    status, output = run("classify", "--db", tmp_path / "typo" / "onrecord.db", "--watchlist", watchlist)
    assert status == 3 and "no such database" in one_error_line(output)
    assert list(tmp_path.iterdir()) == [watchlist]


def test_crawl_creates_a_database_only_in_a_folder_that_exists(tmp_path, watchlist):
    status, output = run("crawl", "--db", tmp_path / "typo" / "onrecord.db", "--watchlist", watchlist)
    assert status == 2 and "does not exist; onrecord creates a new database only in an existing folder" in one_error_line(output)
    assert list(tmp_path.iterdir()) == [watchlist]


def test_serve_refuses_another_programs_database_unless_asked(tmp_path, monkeypatch):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    before = path.read_bytes()
    status, output = run("serve", "--db", path)
    assert status == 3 and "is not an onrecord database" in one_error_line(output)
    assert path.read_bytes() == before

    served = []
    monkeypatch.setattr("onrecord.publish.serve_datasette", lambda db_path, *args, **kwargs: served.append(db_path))
    status, output = run("serve", "--db", path, "--add-schema", "--port", "0")
    assert status == 0 and served == [str(path)]
    with sqlite3.connect(path) as connection:
        tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"notes", "statements", "_sqlite_migrations"} <= tables


@pytest.mark.parametrize("command", ["crawl", "classify"])
def test_crawl_and_classify_refuse_another_programs_database(tmp_path, watchlist, command):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    before = path.read_bytes()
    status, output = run(command, "--db", path, "--watchlist", watchlist)
    assert status == 3 and "is not an onrecord database" in one_error_line(output)
    assert path.read_bytes() == before


def test_serve_refuses_an_empty_file(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    status, output = run("serve", "--db", path)
    assert status == 3 and "an empty file, not a database yet" in one_error_line(output)
    assert path.stat().st_size == 0


# -- the process and the file system ---------------------------------------------------------------


def mount_namespace_available() -> bool:
    if not shutil.which("unshare") or os.geteuid() != 0:
        return False
    probe = subprocess.run(["unshare", "--mount", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                           capture_output=True)
    return probe.returncode == 0


def test_a_read_only_database_ends_the_crawl_in_one_line(replay, tmp_path):
    """The database file read-only, its folder writable. Root writes any file whatever its mode,
    so as root the file is bind-mounted read-only in a mount namespace of the child's own."""
    instance = MastodonInstance(replay, domain="example.social")
    instance.add_account("ada", make_posts(5, seed=1))
    db_path = onrecord_db(tmp_path / "onrecord.db")
    watchlist = write_watchlist(tmp_path / "watchlist.yml",
                                [{"platform": "mastodon", "handle": "ada@example.social", "api": replay.base}])
    before = db_path.read_bytes()
    crawl = f"{ONRECORD} crawl --db {db_path} --watchlist {watchlist}"
    if os.geteuid() != 0:
        db_path.chmod(0o444)
        command = ["sh", "-c", crawl]
    elif mount_namespace_available():
        command = ["unshare", "--mount", "sh", "-c",
                   f"mount --bind {db_path} {db_path} && mount -o remount,ro,bind {db_path} && {crawl}"]
    else:
        pytest.skip("as root, a read-only file needs a mount namespace")
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 3, result.stderr
    assert "the database is read-only" in one_error_line(result.stderr)
    assert db_path.read_bytes() == before


def test_a_full_disk_mid_crawl_stops_it_in_one_line_and_keeps_what_was_saved(replay, crawl_offline, db_path,
                                                                            monkeypatch):
    """SQLite's own "database or disk is full", reached by capping the file's pages on the
    crawl's storage connection (the real filesystem version is the test below)."""
    from onrecord.crawler import pipelines

    instance = MastodonInstance(replay, domain="example.social")
    instance.add_account("ada", make_posts(400, seed=2))

    def capped(path):
        db = open_db(path)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages + 150}")  # room for a few batches, not for 400 posts
        return db

    monkeypatch.setattr(pipelines, "open_db", capped)
    with pytest.raises(DiskFull, match="the disk is full"):
        crawl_offline([{"platform": "mastodon", "handle": "ada@example.social", "api": replay.base}],
                      settings={"ONRECORD_BATCH_SIZE": 50})
    with sqlite3.connect(db_path) as connection:
        saved = connection.execute("SELECT count(*) FROM statements").fetchone()[0]
        crawls = connection.execute("SELECT count(*) FROM crawls").fetchone()[0]
        state = connection.execute("SELECT high_water FROM crawl_state").fetchall()
    assert 0 < saved < 400  # the batches saved before the disk filled stay
    assert crawls == 0 and state in ([], [(None,)])  # nothing claims the source was read: the next crawl redoes it


@pytest.mark.skipif(not mount_namespace_available(), reason="needs root and mount namespaces (a small tmpfs)")
@pytest.mark.parametrize("space, where", [("full", "x.db.lock: no space left on the device"),
                                          ("2m", "x.db: the disk is full (database or disk is full)")])
def test_a_full_disk_ends_the_crawl_in_one_line_with_status_4(replay, tmp_path, space, where):
    """On a real, small filesystem (a tmpfs in a mount namespace of the child's own): filled
    before the crawl, it fails writing the lock file; with some room, it fills mid-crawl."""
    instance = MastodonInstance(replay, domain="example.social")
    instance.add_account("ada", make_posts(2000, seed=3))
    watchlist = write_watchlist(tmp_path / "watchlist.yml",
                                [{"platform": "mastodon", "handle": "ada@example.social", "api": replay.base}])
    disk, kept = tmp_path / "disk", tmp_path / "kept"
    disk.mkdir()
    kept.mkdir()
    fill_it = f"dd if=/dev/zero of={disk}/filler bs=4k 2>/dev/null; " if space == "full" else ""
    script = (f"mount -t tmpfs -o size={'1m' if space == 'full' else space} tmpfs {disk} && {fill_it}"
              f"ONRECORD_CRAWL_SETTINGS=onrecord.crawler.settings.local {ONRECORD} crawl --watchlist {watchlist} "
              f"--db {disk}/x.db --set ONRECORD_BATCH_SIZE=50; status=$?; cp {disk}/x.db* {kept}/ 2>/dev/null; exit $status")
    result = subprocess.run(["unshare", "--mount", "sh", "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 4, result.stderr
    assert where in one_error_line(result.stderr)
    if space != "full":
        with sqlite3.connect(kept / "x.db") as connection:
            saved = connection.execute("SELECT count(*) FROM statements").fetchone()[0]
            assert 0 < saved < 2000 and connection.execute("SELECT count(*) FROM crawls").fetchone()[0] == 0
