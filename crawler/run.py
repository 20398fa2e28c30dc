"""Run one crawl: every selected source of the watchlist, all spiders in one Scrapy process.

A Scrapy (Twisted) reactor cannot be restarted, so `run_crawl` can run once per process; the
scheduler and the tests run crawls in a subprocess (`python -m crawler.run` does the same as
`onrecord crawl`).
"""
from __future__ import annotations

import importlib
import logging
import os
from collections import Counter

from onrecord.db.times import utc_now

# platform -> "module:Class". A spider module missing from an installation is skipped cleanly.
SPIDERS = {
    "mastodon": "onrecord.crawler.spiders.mastodon:MastodonSpider",
    "bluesky": "onrecord.crawler.spiders.bluesky:BlueskySpider",
    "rss": "onrecord.crawler.spiders.rss:RssSpider",
    "x": "onrecord.crawler.spiders.x:XSpider",
    "news": "onrecord.crawler.spiders.news:NewsSpider",
}
X_TOKEN_ENV = "ONRECORD_X_BEARER_TOKEN"
X_SKIPPED = f"skipped: {X_TOKEN_ENV} is not set"

logger = logging.getLogger(__name__)


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


def build_sources(watchlist: dict, platforms=None, leaders=None) -> list:
    """The sources to crawl, filtered like `onrecord crawl --platform/--leader` (a --leader filter
    leaves news out unless --platform news is given)."""
    from onrecord.crawler.spiders.base import Source

    sources = []
    for leader in watchlist.get("leaders", []):
        if leaders and leader["id"] not in leaders:
            continue
        for account in leader.get("accounts", []):
            if platforms and account["platform"] not in platforms:
                continue
            sources.append(Source.from_account(account, leader["id"]))
    want_news = (not platforms or "news" in platforms) and (not leaders or (platforms and "news" in platforms))
    if want_news:
        for news in watchlist.get("news", []):
            sources.append(Source(id=news["url"], platform="news", url=news["url"], name=news.get("name")))
    return sources


def crawl_settings(overrides: dict | None = None):
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("onrecord.crawler.settings", priority="project")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def run_crawl(watchlist: dict, db_path, platforms=None, leaders=None, echo=print, settings: dict | None = None) -> dict:
    """Crawl the selected sources into the database at `db_path`; one `crawls` row per source.
    Returns counts: sources, ok, partial, failed, skipped, items, new_items (and `runs`, the
    per-source crawl rows)."""
    from onrecord.db.connect import open_db
    from onrecord.db.save import record_crawl, save_watchlist

    db = open_db(db_path)
    save_watchlist(db, watchlist)
    sources = build_sources(watchlist, platforms, leaders)
    summary = Counter(sources=len(sources), ok=0, partial=0, failed=0, skipped=0, items=0, new_items=0)
    rows = []

    by_platform: dict[str, list] = {}
    for source in sources:
        by_platform.setdefault(source.platform, []).append(source)

    def skip(source, message):
        row = {"platform": source.platform, "account_id": source.id if source.platform != "news" else None,
               "source_url": source.url, "started_at": utc_now(), "status": "failed", "items": 0,
               "new_items": 0, "error": message, "skipped": 0, "requests": 0}
        record_crawl(db, row)
        summary["skipped"] += 1
        rows.append(row)
        echo(f"{source.id}  skipped  {message.removeprefix('skipped: ')}")

    if by_platform.get("x") and not os.environ.get(X_TOKEN_ENV):
        for source in by_platform.pop("x"):
            skip(source, X_SKIPPED)

    spiders = []
    for platform, platform_sources in by_platform.items():
        spider_class = load_spider(platform) if platform in SPIDERS else None
        if spider_class is None:
            for source in platform_sources:
                skip(source, f"skipped: no spider for platform {platform!r} in this installation")
            continue
        spiders.append((spider_class, platform_sources))

    if spiders:
        from scrapy.crawler import CrawlerProcess

        from onrecord.crawler.spiders.base import SourceRun

        process = CrawlerProcess(crawl_settings(settings))
        crawlers = []
        for spider_class, platform_sources in spiders:
            crawler = process.create_crawler(spider_class)
            crawlers.append((crawler, platform_sources))
            extra = {}
            if spider_class.name == "news":  # quotes only by the leaders this crawl is about
                extra["leaders"] = [leader for leader in watchlist.get("leaders", [])
                                    if not leaders or leader["id"] in leaders]
            process.crawl(crawler, sources=platform_sources, db=db, echo=echo, **extra)
        process.start()
        for crawler, platform_sources in crawlers:
            spider = crawler.spider
            runs = spider.runs if spider is not None else {}
            for run in runs.values():
                summary[run.status] += 1
                summary["items"] += run.items
                summary["new_items"] += run.new
                rows.append(run.crawl_row())
            for source in (s for s in platform_sources if s.id not in runs):  # the spider never started
                run = SourceRun(source=source, started_at=utc_now())
                run.fail("spider did not start")
                row = run.crawl_row()
                record_crawl(db, row)
                summary["failed"] += 1
                rows.append(row)
                echo(run.summary_line())
    db.close()
    result = dict(summary)
    result["runs"] = rows
    return result


def main(argv=None) -> int:
    """`python -m crawler.run [--watchlist P] [--db P] ...`: a crawl in this process."""
    from onrecord.cli import crawl

    return crawl.main(args=argv, prog_name="python -m crawler.run", standalone_mode=True)


if __name__ == "__main__":
    main()
