"""The writer lock: two processes never write at once; the second waits, then gives up in one line."""
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from onrecord.db.lock import HELD_ENV, LockBusy, holder, lock_path, writer_lock

ONRECORD = Path(sys.executable).with_name("onrecord")
HOLD_LOCK = Path(__file__).with_name("hold_lock.py")  # takes the lock, says so, keeps it until stdin closes


@pytest.fixture
def held(tmp_path):
    """The database's lock, held by another process for the duration of the test."""
    db = str(tmp_path / "onrecord.db")
    other = subprocess.Popen([sys.executable, str(HOLD_LOCK), db], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             text=True)
    assert other.stdout.readline().strip() == "held"
    yield db, other
    if other.poll() is None:
        other.stdin.close()
        other.wait(10)


def test_second_process_gives_up_naming_the_holder(held):
    db, other = held
    started = time.monotonic()
    with pytest.raises(LockBusy) as error:
        with writer_lock(db, "schedule (once)", timeout=0.3):
            pytest.fail("took a lock another process holds")
    assert 0.25 < time.monotonic() - started < 5
    message = str(error.value)
    assert "\n" not in message
    assert f"pid {other.pid}" in message and "onrecord crawl" in message and "0.3s" in message


def test_waits_for_a_holder_that_finishes(held):
    db, other = held
    messages = []
    threading.Timer(0.5, other.stdin.close).start()  # the other process finishes its work
    started = time.monotonic()
    with writer_lock(db, "crawl", timeout=20, echo=messages.append):
        waited = time.monotonic() - started
        assert holder(lock_path(db))["pid"] == os.getpid()  # the lock file now names us
    assert other.wait(10) == 0
    assert 0.3 < waited < 20, "acquired while the other process held the lock"
    assert messages and "Waiting up to 20s" in messages[0] and f"pid {other.pid}" in messages[0]


def test_crawl_command_exits_with_one_line_when_the_database_is_busy(held, tmp_path):
    db, other = held
    watchlist = tmp_path / "watchlist.yml"
    watchlist.write_text("topic: {id: t, name: T}\nleaders: []\n")
    result = subprocess.run(
        [str(ONRECORD), "crawl", "--db", db, "--watchlist", str(watchlist)],
        capture_output=True, text=True, timeout=60,
        env={**os.environ, "ONRECORD_LOCK_TIMEOUT": "0.3"},
    )
    assert result.returncode == 3  # the database's exit status (cli/errors.py)
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("Waiting up to 0.3s for `onrecord crawl`")
    assert len(lines) == 2 and lines[1].startswith("Error: ") and "is busy" in lines[1]
    assert "Traceback" not in result.stderr


def test_a_child_of_the_holder_does_not_wait_on_its_parent(held, monkeypatch):
    db, other = held
    monkeypatch.setenv(HELD_ENV, str(lock_path(db)))
    with writer_lock(db, "crawl", timeout=0) as path:
        assert path == lock_path(db)
    monkeypatch.setenv(HELD_ENV, str(lock_path(db + "-other")))  # a lock for another database is no pass
    with pytest.raises(LockBusy):
        with writer_lock(db, "crawl", timeout=0):
            pass


def test_released_after_an_error(tmp_path):
    db = str(tmp_path / "onrecord.db")
    with pytest.raises(RuntimeError):
        with writer_lock(db, "crawl", timeout=0):
            raise RuntimeError("boom")
    probe = subprocess.run([sys.executable, str(HOLD_LOCK), db], input="", capture_output=True, text=True,
                           timeout=30)
    assert probe.stdout.strip() == "held", probe.stderr
