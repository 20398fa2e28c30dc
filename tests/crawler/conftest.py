"""Crawler test helpers: the real recorded fixtures, a watchlist writer and two crawl runners.

- `crawl_offline(accounts)`: crawler.crawl.crawl_watchlist in this process, its requests answered
  by the replay server without sockets (tests/crawler/offline.py). Most spider tests use it.
- `crawl(accounts)`: a real crawl, `onrecord crawl` in a child process through crawler/launch.py
  (Scrapy's reactor cannot restart inside the test process), against the replay server over
  HTTP, with the settings for a local server (crawler/settings/local.py). Kept for what only a
  real crawl shows: time-outs, size limits, robots.txt, rate limits across requests, kill -9.

No test reaches the internet.
"""
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from onrecord.db.connect import open_db

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"  # vendored recordings: see fixtures/SOURCES.md


def fixture_json(name):
    return json.loads((FIXTURES / name).read_text())


@dataclass
class CrawlResult:
    summary: dict
    lines: list
    stderr: str = ""
    returncode: int = 0
    rows: list = field(default_factory=list)

    def line(self, source_id):
        return next(line for line in self.lines if line.split("  ")[0] == source_id)


def write_watchlist(path, accounts, leader="fictional-leader", news=None):
    data = {
        "topic": {"id": "ice-enforcement", "name": "Fictional test topic", "since": "2026-01-01"},
        "leaders": [{"id": leader, "name": "Fictional Leader (test data)", "accounts": accounts}],
    }
    if news:
        data["news"] = [{"url": url} for url in news]
    Path(path).write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def without_x_token(env=None) -> dict:
    environment = {k: v for k, v in os.environ.items() if k != "ONRECORD_X_BEARER_TOKEN"}
    environment.update(env or {})
    return environment


@pytest.fixture
def crawl(tmp_path, db_path):
    """crawl(accounts, settings=None, env=None) -> CrawlResult: one real crawl in a child process."""
    from onrecord.crawler.launch import LOCAL, crawl_in_child

    def run(accounts, settings=None, env=None, platforms=None, timeout=60, check=True):
        watchlist = write_watchlist(tmp_path / "watchlist.yml", accounts)
        outcome = crawl_in_child(watchlist, db_path, platforms=platforms or (), settings=settings,
                                 settings_module=LOCAL, env=without_x_token(env), timeout=timeout)
        if check:
            assert outcome.returncode == 0 and outcome.summary, outcome.stderr[-3000:]
        return CrawlResult(summary=outcome.summary or {}, lines=outcome.lines, stderr=outcome.stderr,
                           returncode=outcome.returncode)

    return run


@pytest.fixture
def crawl_offline(tmp_path, db_path, replay, monkeypatch):
    """crawl_offline(accounts, settings=None, env=None) -> CrawlResult: crawl_watchlist in this
    process against the `replay` server, without sockets."""
    from onrecord.crawler.crawl import crawl_watchlist
    from onrecord.crawler.settings import ENV as SETTINGS_ENV, LOCAL
    from onrecord.watchlist import load_watchlist
    from tests.crawler.offline import OfflineEngine

    def run(accounts, settings=None, env=None, platforms=None, news=None):
        monkeypatch.setenv(SETTINGS_ENV, LOCAL)
        monkeypatch.delenv("ONRECORD_X_BEARER_TOKEN", raising=False)
        for key, value in (env or {}).items():
            monkeypatch.setenv(key, value)
        watchlist = load_watchlist(write_watchlist(tmp_path / "watchlist.yml", accounts, news=news))
        lines = []
        summary = crawl_watchlist(watchlist, db_path, platforms=platforms, echo=lines.append, settings=settings,
                                  engine=OfflineEngine(replay))
        return CrawlResult(summary=summary, lines=lines, rows=summary.pop("crawls"))

    return run


@pytest.fixture
def db(db_path):
    """Read the crawled database (opened lazily, after the crawl wrote it)."""

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
