"""One writer at a time: a lock file beside the database, shared by `crawl`, `classify` and the
nightly cycle, so a manual crawl and the scheduled run never write at once.

SQLite alone would serialise single transactions, but not the cycle's steps (the before/after
snapshot of leader_stances, the crawl's high-water marks), so the lock covers whole commands.
The cycle runs `onrecord crawl` as child processes while it holds the lock; it hands them the
lock through ONRECORD_LOCK_HELD so they do not wait on their own parent.
"""
import json
import os
from contextlib import contextmanager
from pathlib import Path

HELD_ENV = "ONRECORD_LOCK_HELD"
TIMEOUT_ENV = "ONRECORD_LOCK_TIMEOUT"
DEFAULT_TIMEOUT = 900.0  # seconds a command waits for the other writer before giving up


class LockBusy(RuntimeError):
    """Another onrecord process kept the database for longer than we were willing to wait."""


def lock_path(db_path) -> Path:
    return Path(os.path.abspath(f"{db_path}.lock"))


def default_timeout() -> float:
    try:
        return float(os.environ.get(TIMEOUT_ENV, DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT


def holder(path: Path) -> dict:
    """Who holds (or last held) the lock, as its holder wrote it; {} if unknown."""
    try:
        return json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return {}


def describe(info: dict) -> str:
    if not info:
        return "another onrecord process"
    return f"`onrecord {info.get('command', '?')}` (pid {info.get('pid', '?')}, since {info.get('since', '?')})"


@contextmanager
def writer_lock(db_path, command: str, timeout: float | None = None, echo=None):
    """Hold the database's writer lock for the body. Waits up to `timeout` seconds (announcing the
    wait through `echo`), then raises LockBusy. Re-entrant for children of the holder."""
    from filelock import FileLock, Timeout

    from onrecord.db.times import utc_now

    path = lock_path(db_path)
    if os.environ.get(HELD_ENV) == str(path):
        yield path
        return
    timeout = default_timeout() if timeout is None else timeout
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if echo and timeout > 0:
            echo(f"Waiting up to {timeout:g}s for {describe(holder(path))} to finish writing {db_path} ...")
        try:
            lock.acquire(timeout=timeout)
        except Timeout:
            raise LockBusy(
                f"{db_path} is busy: {describe(holder(path))} is writing to it "
                f"(gave up after {timeout:g}s; lock file {path})"
            ) from None
    try:
        # The flock is on the inode, not the bytes: rewriting the content is safe while we hold it.
        try:
            path.write_text(json.dumps({"pid": os.getpid(), "command": command, "since": utc_now()}), encoding="utf-8")
        except OSError as error:  # a full disk shows here first: name the file
            raise OSError(error.errno, error.strerror, str(path)) from None
        yield path
    finally:
        lock.release()


def child_env(path: Path) -> dict:
    """Environment for a child process that works under our lock."""
    return {**os.environ, HELD_ENV: str(path)}
