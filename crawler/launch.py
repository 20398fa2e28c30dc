"""The one way to start a crawl from another process: `python -m onrecord crawl ...` as a child.

Scrapy's reactor cannot restart inside a process, so the nightly cycle, the demo, the tests and
bench/crawl.py each crawl in a child process, started from here. The child is the `onrecord
crawl` command itself, so every crawl goes through the same code, lock and checks.

    outcome = crawl_in_child("watchlist.yml", "onrecord.db", settings_module=LOCAL, echo=print)
    outcome.summary  # {"sources", "ok", "partial", "failed", "skipped", "items", "new_items", "seconds"}
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from dataclasses import dataclass, field

from onrecord.crawler.settings import ENV as SETTINGS_ENV
from onrecord.crawler.settings import LOCAL  # noqa: F401  (the settings module for a local test server)


def crawl_command(watchlist_path, db_path, platforms=(), leaders=(), settings: dict | None = None,
                  summary_json: bool = False) -> list[str]:
    """The command line of a crawl child: `onrecord crawl` run by this Python."""
    command = [sys.executable, "-m", "onrecord", "crawl", "--watchlist", str(watchlist_path), "--db", str(db_path)]
    for platform in platforms or ():
        command += ["--platform", platform]
    for leader in leaders or ():
        command += ["--leader", leader]
    for name, value in (settings or {}).items():
        command += ["--set", f"{name}={json.dumps(value)}"]
    if summary_json:
        command.append("--json")
    return command


def crawl_environment(settings_module: str | None = None, env: dict | None = None) -> dict:
    """The child's environment: `env` (default: ours), with the Scrapy settings module to use."""
    environment = dict(os.environ if env is None else env)
    if settings_module:
        environment[SETTINGS_ENV] = settings_module
    return environment


def start_crawl(watchlist_path, db_path, *, platforms=(), leaders=(), settings: dict | None = None,
                settings_module: str | None = None, env: dict | None = None, summary_json: bool = False,
                **popen) -> subprocess.Popen:
    """Start a crawl child and return it (`popen` goes to subprocess.Popen: stdout, stderr, ...)."""
    return subprocess.Popen(
        crawl_command(watchlist_path, db_path, platforms, leaders, settings, summary_json),
        env=crawl_environment(settings_module, env), **popen,
    )


@dataclass
class CrawlOutcome:
    """A finished crawl child: its exit status, its per-source lines and its summary."""

    returncode: int
    summary: dict | None
    lines: list[str] = field(default_factory=list)
    stderr: str = ""

    def line(self, source_id: str) -> str:
        """The summary line of one source (`<source id>  <status>  ...`)."""
        return next(line for line in self.lines if line.split("  ")[0] == source_id)


def crawl_in_child(watchlist_path, db_path, *, platforms=(), leaders=(), settings: dict | None = None,
                   settings_module: str | None = None, env: dict | None = None, timeout: float | None = None,
                   echo=None) -> CrawlOutcome:
    """Crawl in a child process and wait for it. Each source's line goes to `echo` as it comes;
    the summary is the child's `--json` line (None when the child did not get that far)."""
    child = start_crawl(watchlist_path, db_path, platforms=platforms, leaders=leaders, settings=settings,
                        settings_module=settings_module, env=env, summary_json=True,
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines, summary, errors = [], None, []
    reader = threading.Thread(target=lambda: errors.append(child.stderr.read()), daemon=True)
    reader.start()  # drain stderr alongside stdout, so a chatty child never blocks on a full pipe
    timed_out = threading.Event()

    def kill():
        timed_out.set()
        child.kill()

    killer = threading.Timer(timeout, kill) if timeout else None
    if killer:
        killer.daemon = True
        killer.start()
    try:
        for line in child.stdout:
            line = line.rstrip("\n")
            if line.startswith("{"):
                summary = json.loads(line)
                continue
            lines.append(line)
            if echo:
                echo(line)
        child.wait()
        reader.join()
    finally:
        if killer:
            killer.cancel()
        if child.poll() is None:
            child.kill()
            child.wait()
    if timed_out.is_set():
        raise subprocess.TimeoutExpired(child.args, timeout, output="\n".join(lines), stderr="".join(errors))
    return CrawlOutcome(returncode=child.returncode, summary=summary, lines=lines, stderr="".join(errors))
