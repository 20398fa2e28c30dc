"""One crawl in this process: every selected source of the watchlist, all spiders in one Scrapy
process, one `crawls` row per source.

A Scrapy (Twisted) reactor cannot be restarted, so `crawl_watchlist` runs once per process: it
is what `onrecord crawl` runs, and everything else starts a crawl as a child process through
crawler/launch.py. Before the spiders start, this reads what they need from the database (each
source's crawl_state, the statement ids a deletion check compares against, the news quotes
already stored) and hands it in: the spiders never touch the database.
"""
from __future__ import annotations

import importlib
import logging
import os
import time
from collections import Counter

from onrecord.crawler.sources import X_SKIPPED, X_TOKEN_ENV, Source, build_sources, watched_leaders
from onrecord.db.times import days_ago, utc_now
from onrecord.vocabulary import ARCHIVE, FAILED, SKIPPED, X

# platform -> "module:Class". A spider module missing from an installation is skipped cleanly.
SPIDERS = {
    "mastodon": "onrecord.crawler.spiders.mastodon:MastodonSpider",
    "bluesky": "onrecord.crawler.spiders.bluesky:BlueskySpider",
    "rss": "onrecord.crawler.spiders.rss:RssSpider",
    "x": "onrecord.crawler.spiders.x:XSpider",
    "news": "onrecord.crawler.spiders.news:NewsSpider",
    "archive": "onrecord.crawler.spiders.archive:ArchiveSpider",
}


def register_spider(platform: str, target: str) -> None:
    """Plug a spider in for a platform: `target` is "module:Class"."""
    SPIDERS[platform] = target


def load_spider(platform: str):
    """The spider class for a platform, or None when its module is not installed."""
    module_name, _, class_name = SPIDERS[platform].partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name == module_name:
            return None
        raise
    return getattr(module, class_name)


def crawl_settings(overrides: dict | None = None, db_path=None):
    """Scrapy settings for a crawl: the module named by ONRECORD_CRAWL_SETTINGS (default
    crawler/settings/base.py), then `overrides` (`onrecord crawl --set NAME=VALUE`)."""
    from scrapy.settings import Settings

    from onrecord.crawler import settings as environments

    settings = Settings()
    settings.setmodule(os.environ.get(environments.ENV) or environments.DEFAULT, priority="project")
    if db_path is not None:
        settings.set("ONRECORD_DB_PATH", os.path.abspath(db_path), priority="cmdline")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def spider_inputs(spider_class, sources: list[Source], db, settings, leaders: list[dict],
                  window_start: str | None = None) -> dict:
    """What a spider needs from the database, read now, before it starts."""
    from onrecord.db.queries import crawl_states, news_quotes, recent_statements

    inputs = {"sources": sources, "states": crawl_states(db, [source.id for source in sources])}
    if spider_class.checks_deletions:
        since = days_ago(settings.getfloat("ONRECORD_RECHECK_DAYS"))
        inputs["recent"] = {source.id: recent_statements(db, source.id, since) for source in sources}
    if getattr(spider_class, "reads_articles", False):  # quotes only by the leaders this crawl is about
        inputs["leaders"] = leaders
        inputs["known_quotes"] = news_quotes(db, [leader["id"] for leader in leaders])
    if spider_class.name == ARCHIVE:  # the archive is searched over the topic's window
        inputs["window_start"] = window_start
    return inputs


# Scrapy's retry and robots.txt middlewares log every network failure as an ERROR, the robots.txt
# one with a traceback; the source's own line and crawls row already say what failed. Shown at
# ONRECORD_LOG_LEVEL=DEBUG.
NETWORK_NOISE = ("scrapy.downloadermiddlewares.retry", "scrapy.downloadermiddlewares.robotstxt")


def _drop(record) -> bool:
    return False


def quiet_network_logs(settings) -> None:
    if str(settings.get("LOG_LEVEL") or "").upper() != "DEBUG":
        for name in NETWORK_NOISE:
            logging.getLogger(name).addFilter(_drop)


def run_in_scrapy(settings, jobs: list, on_recorded) -> int | None:
    """Run every (spider class, its inputs) of `jobs` in one Scrapy process, to the end;
    `on_recorded(outcome)` hears each source as storage records it. Once per process. Returns
    the number of the signal (Ctrl-C, SIGTERM) that interrupted the crawl, or None."""
    import signal

    from scrapy.crawler import CrawlerProcess

    from onrecord.crawler.pipelines import source_recorded

    process = CrawlerProcess(settings)
    quiet_network_logs(settings)
    signals_received = []
    # Note the signal, then let Scrapy stop gracefully as it would (its handlers are installed
    # from these attributes when the reactor or loop starts).
    for name in ("_signal_shutdown", "_signal_shutdown_reactorless"):
        original = getattr(process, name, None)
        if original is not None:
            def noted(signum, frame, original=original):
                if not signals_received:  # os.write: safe inside a signal handler
                    os.write(2, b"Stopping: waiting for the requests in flight, then saving what was read "
                                b"(Ctrl-C again to stop at once)\n")
                signals_received.append(signum)
                return original(signum, frame)

            setattr(process, name, noted)
    crawlers = []
    for spider_class, inputs in jobs:
        crawler = process.create_crawler(spider_class)
        crawler.signals.connect(on_recorded, signal=source_recorded)
        process.crawl(crawler, **inputs)
        crawlers.append(crawler)
    process.start()
    if signals_received:
        return signals_received[0]
    stopped = any(crawler.stats.get_value("finish_reason") == "shutdown" for crawler in crawlers)
    return signal.SIGINT if stopped else None


def crawl_watchlist(watchlist: dict, db_path, platforms=None, leaders=None, echo=print,
                    settings: dict | None = None, engine=None) -> dict:
    """Crawl the selected sources into the database at `db_path`; one `crawls` row per source.
    Returns counts: sources, ok, partial, failed, skipped, items, new_items, seconds (and
    `crawls`, the sources' crawls rows; `interrupted`, the number of the signal that stopped the
    crawl, and `not_finished`, the sources it stopped before they were read, when one did).
    Raises DatabaseProblem when the database could no longer be written (disk full, read-only,
    damaged): what was saved before stays. `engine` runs the spiders (default `run_in_scrapy`;
    the tests pass one that answers requests in process, without sockets)."""
    from onrecord.crawler.bookkeeping import SourceOutcome, SourceReport
    from onrecord.db.connect import open_db
    from onrecord.db.files import DatabaseProblem
    from onrecord.db.save import record_crawl, save_watchlist

    started = time.monotonic()
    db = open_db(db_path)
    save_watchlist(db, watchlist)
    sources = build_sources(watchlist, platforms, leaders)
    summary = Counter(sources=len(sources), ok=0, partial=0, failed=0, skipped=0, items=0, new_items=0)
    rows = []
    unrecorded = []

    def recorded(outcome: SourceOutcome, row: dict | None = None) -> None:
        if outcome.unrecorded:  # the database cannot be written: said once, at the end
            unrecorded.append(outcome.unrecorded)
            return
        if not outcome.recorded:  # interrupted before anything was read: not a failure
            summary["not_finished"] += 1
            echo(outcome.line())
            return
        row = row or outcome.row()
        summary[row["status"]] += 1
        summary["items"] += row["items"]
        summary["new_items"] += row["new_items"]
        rows.append(row)
        echo(outcome.line())

    def skip(source, message, status=SKIPPED):
        # Not tried. By design (no token): `skipped`, never coverage and never a failure; for want
        # of a spider module (a broken installation): `failed`, so source_health shows it.
        row = {"platform": source.platform, "account_id": source.account_id, "source_url": source.url,
               "started_at": utc_now(), "status": status, "items": 0, "new_items": 0, "error": message,
               "skipped": 0, "requests": 0}
        record_crawl(db, row, leader_ids=[source.leader_id] if source.leader_id and not source.account_id else None)
        summary["skipped"] += 1
        rows.append(row)
        echo(f"{source.id}  skipped  {message}")

    by_platform: dict[str, list] = {}
    for source in sources:
        by_platform.setdefault(source.platform, []).append(source)
    if by_platform.get(X) and not os.environ.get(X_TOKEN_ENV):
        for source in by_platform.pop(X):
            skip(source, X_SKIPPED)
    spiders = []
    for platform, platform_sources in by_platform.items():
        spider_class = load_spider(platform) if platform in SPIDERS else None
        if spider_class is None:
            for source in platform_sources:
                skip(source, f"no spider for platform {platform!r} in this installation", status=FAILED)
            continue
        spiders.append((spider_class, platform_sources))

    if spiders:
        settings = crawl_settings(settings, db_path=db_path)
        crawled: set[str] = set()

        def on_recorded(outcome):
            crawled.add(outcome.report.source.id)
            recorded(outcome)

        jobs = [(spider_class, spider_inputs(spider_class, platform_sources, db, settings,
                                             watched_leaders(watchlist, leaders), watchlist["topic"].get("since")))
                for spider_class, platform_sources in spiders]
        interrupted = (engine or run_in_scrapy)(settings, jobs, on_recorded)
        if interrupted:
            summary["interrupted"] = int(interrupted)
        for _, platform_sources in spiders:
            for source in (s for s in platform_sources if s.id not in crawled):  # the spider never started
                # Stopped at once (a second Ctrl-C) is not a failure of the source.
                report = SourceReport(source=source, started_at=utc_now(),
                                      error=None if interrupted else "spider did not start")
                outcome = SourceOutcome(report, interrupted=bool(interrupted))
                if unrecorded:  # nothing more can be written
                    continue
                if not outcome.recorded:
                    recorded(outcome)
                    continue
                row = outcome.row()
                record_crawl(db, row)
                recorded(outcome, row)
    db.close()
    if unrecorded:
        problem = unrecorded[0]
        raise problem if isinstance(problem, DatabaseProblem) else DatabaseProblem(str(problem))
    result = dict(summary)
    result["seconds"] = round(time.monotonic() - started, 2)
    result["crawls"] = rows
    return result
