"""Crawler test helpers: the real recorded fixtures, a watchlist writer and a crawl runner.

Every crawl runs through Scrapy (crawler.run.run_crawl) in a subprocess against the replay server
started in the test process; no test reaches the internet. Politeness delays are tightened here
through settings overrides, never in crawler/settings.py.
"""
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from onrecord.db.connect import open_db

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"  # vendored recordings: see fixtures/SOURCES.md
CRAWL_ONCE = Path(__file__).with_name("crawl_once.py")
FAST = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "ONRECORD_BACKOFF_BASE": 0.05,
    "RETRY_TIMES": 1,
    "DOWNLOAD_TIMEOUT": 5,
    "LOG_LEVEL": "WARNING",
}


def fixture_json(name):
    return json.loads((FIXTURES / name).read_text())


@dataclass
class CrawlResult:
    summary: dict
    lines: list
    stdout: str
    stderr: str
    returncode: int

    def line(self, source_id):
        return next(line for line in self.lines if line.split("  ")[0] == source_id)


def write_watchlist(path, accounts, leader="fictional-leader"):
    data = {
        "topic": {"id": "ice-enforcement", "name": "Fictional test topic", "since": "2026-01-01"},
        "leaders": [{"id": leader, "name": "Fictional Leader (test data)", "accounts": accounts}],
    }
    Path(path).write_text(yaml.safe_dump(data, sort_keys=False))
    return path


@pytest.fixture
def crawl(tmp_path, db_path):
    """crawl(accounts, settings=None, env=None) -> CrawlResult: one crawl in a subprocess."""

    def run(accounts, settings=None, env=None, platforms=None, timeout=60, check=True):
        watchlist = write_watchlist(tmp_path / "watchlist.yml", accounts)
        merged = {**FAST, **(settings or {})}
        environment = {k: v for k, v in os.environ.items() if k != "ONRECORD_X_BEARER_TOKEN"}
        environment.update(env or {})
        done = subprocess.run(
            [sys.executable, str(CRAWL_ONCE), str(watchlist), str(db_path), json.dumps(merged),
             json.dumps(platforms)],
            capture_output=True, text=True, timeout=timeout, env=environment,
        )
        summary_lines = [l for l in done.stdout.splitlines() if l.startswith("SUMMARY ")]
        if check:
            assert done.returncode == 0 and summary_lines, done.stderr[-3000:]
        return CrawlResult(
            summary=json.loads(summary_lines[-1][8:]) if summary_lines else {},
            lines=[l[7:] for l in done.stdout.splitlines() if l.startswith("SOURCE ")],
            stdout=done.stdout, stderr=done.stderr, returncode=done.returncode,
        )

    return run


@pytest.fixture
def db(db_path):
    """Read the crawled database (opened lazily, after the crawl subprocess wrote it)."""

    class Lazy:
        def rows(self, sql, params=()):
            database = open_db(db_path)
            try:
                return [dict(row) for row in database.query(sql, params)]
            finally:
                database.close()

        def value(self, sql, params=()):
            rows = self.rows(sql, params)
            return next(iter(rows[0].values())) if rows else None

    return Lazy()
