"""Each step of the nightly cycle runs as a child process, which the cycle watches and can stop.

- A crawl runs as `onrecord crawl --platform P` (crawler/launch.py): Scrapy's Twisted reactor
  cannot restart inside one process, and a child that hangs or crashes cannot take the
  scheduler with it.
- Classify runs as `onrecord classify`, so the model's memory is returned when it exits.
- The children inherit the cycle's writer lock (db/lock.py, child_env).
- A first SIGTERM or Ctrl-C stops after the current step (the running child is asked to wind
  down, and Scrapy does so gracefully); a second one kills the child. A child still running
  after STEP_TIMEOUT is stopped, so the lock is released.
"""
from __future__ import annotations

import logging
import signal
import subprocess
import sys
import threading

log = logging.getLogger("onrecord.schedule")

STEP_TIMEOUT = 3 * 3600  # seconds
KILL_AFTER = 60  # seconds between asking a child to stop and killing it
CHILD_OUTPUT = {"stdout": subprocess.PIPE, "stderr": subprocess.STDOUT, "text": True, "bufsize": 1,
                "start_new_session": True}  # our signal handler decides what reaches a child, and when


class CycleControl:
    """Shared between the signal handlers (main thread) and the running cycle."""

    def __init__(self):
        self.stop = threading.Event()
        self.signum = None
        self.child = None  # the running step's subprocess.Popen, if any
        self._lock = threading.Lock()

    def request_stop(self, signum=signal.SIGTERM):
        """Stop after the current step; ask the running child to wind down."""
        first = not self.stop.is_set()
        self.signum = self.signum or signum
        self.stop.set()
        with self._lock:
            if self.child is not None and self.child.poll() is None:
                self.child.send_signal(signal.SIGTERM if first else signal.SIGKILL)
        return first

    def set_child(self, child):
        with self._lock:
            self.child = child
        if child is not None and self.stop.is_set():
            child.send_signal(signal.SIGTERM)  # a stop that arrived while the child was starting

    def reset(self):
        self.stop.clear()
        self.signum = None


CONTROL = CycleControl()  # the scheduler's jobs are pickled by reference, so they share this one


def install_signal_handlers(control: CycleControl, on_stop=None):
    """First SIGTERM/SIGINT: stop after the current step. Second: kill the running child, abort."""

    def handle(signum, frame):
        if control.request_stop(signum):
            log.warning("%s received: stopping after the current step (send again to abort it)",
                        signal.Signals(signum).name)
            if on_stop:
                on_stop()
        else:
            log.warning("%s received again: aborting the current step", signal.Signals(signum).name)
            if on_stop is None:  # --once: the cycle runs in this (main) thread
                raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, handle)
    signal.signal(signal.SIGINT, handle)


def start_crawl_step(db_path, watchlist_path, platform: str, env: dict) -> subprocess.Popen:
    from onrecord.crawler.launch import start_crawl

    return start_crawl(watchlist_path, db_path, platforms=[platform], env=env, **CHILD_OUTPUT)


def start_classify_step(db_path, watchlist_path, env: dict) -> subprocess.Popen:
    command = [sys.executable, "-m", "onrecord", "classify", "--db", str(db_path), "--watchlist", str(watchlist_path)]
    return subprocess.Popen(command, env=env, **CHILD_OUTPUT)


def supervise(child: subprocess.Popen, control: CycleControl, label: str) -> tuple[int, str]:
    """Watch a step's child to its end, relaying its output to the log; (exit status, last line)."""
    control.set_child(child)
    last = ""
    timer = threading.Timer(STEP_TIMEOUT, _stop_child, [child, label])
    timer.daemon = True
    timer.start()
    try:
        for line in child.stdout:
            line = line.rstrip()
            if line:
                last = line
                log.info("[%s] %s", label, line)
        status = child.wait()
    finally:
        timer.cancel()
        control.set_child(None)
        if child.poll() is None:  # we are unwinding from an exception: do not leave it behind
            child.kill()
            child.wait()
    return status, last


def _stop_child(child, label):
    log.error("[%s] still running after %ss: stopping it", label, STEP_TIMEOUT)
    child.terminate()
    try:
        child.wait(KILL_AFTER)
    except subprocess.TimeoutExpired:
        child.kill()
