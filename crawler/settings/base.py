"""Scrapy settings for every onrecord crawl: polite by default.

Politeness: an identified user agent with a contact URL (env ONRECORD_CONTACT_URL); each platform
API at half the request budget it publishes (ONRECORD_BUDGETS below, kept by crawler/pacing.py
through Scrapy's download slots); pages and feeds at the robots.txt Crawl-delay, else one second
apart, with AutoThrottle and two requests at a time per host; robots.txt obeyed for web pages and
feeds (API requests opt out with `dont_obey_robotstxt`: robots.txt governs crawling pages, and the
platforms' APIs publish their own rate limits); Retry-After and the rate-limit headers honoured,
retries with exponential back-off on 429 and 5xx (crawler/middlewares.py); time-outs, a maximum
body size.

This module is the production environment. crawler/settings/local.py builds on it for a crawl
of a local test server (the demo, the tests, bench/crawl.py); `onrecord crawl --set NAME=VALUE`
overrides one setting for one crawl.
"""
import os

from onrecord import __version__

BOT_NAME = "onrecord"


def user_agent(contact_url: str | None = None) -> str:
    """`onrecord/<version> (+<contact URL>)`: site owners can see who crawls and how to reach them."""
    contact_url = contact_url or os.environ.get("ONRECORD_CONTACT_URL")
    if contact_url:
        return f"onrecord/{__version__} (+{contact_url})"
    return f"onrecord/{__version__} (public-statement tracker; operator has not set ONRECORD_CONTACT_URL)"


USER_AGENT = user_agent()

SPIDER_MODULES = ["onrecord.crawler.spiders"]
NEWSPIDER_MODULE = "onrecord.crawler.spiders"

ROBOTSTXT_OBEY = True

CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
# A host without a published budget (a blog's feed, a news site) and no robots.txt Crawl-delay:
# one request a second, slower when AutoThrottle sees the server slow down.
DOWNLOAD_DELAY = 1.0
ONRECORD_OBEY_CRAWL_DELAY = True  # a robots.txt Crawl-delay paces the site's pages instead
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# -- Each platform at the pace it publishes (crawler/pacing.py) ----------------------------------
# Share of a published budget this crawl may spend, so an operator running other tools from the
# same IP stays within the limit: 0.5 is half. (1.0 spends the whole budget; keep it below.)
ONRECORD_BUDGET_SHARE = 0.5
# Per spider: a host-wide budget ("requests" per "seconds", for each host it reaches: every
# Mastodon instance, the AppView; "host", a regular expression, limits it to the hosts it
# matches), and "lanes", budgets of their own for the requests whose path and query match
# "match" (a regular expression); a lane also counts against its host's budget.
# Rate-limit headers, once seen, take precedence over these figures (crawler/middlewares.py).
ONRECORD_BUDGETS = {
    # Bluesky's AppView publishes no figure of its own: "These API services have generous
    # rate-limits" (bsky-docs, docs/advanced-guides/rate-limits.md, "Bluesky AppView Limits").
    # The one figure that page gives for API requests is the PDS's: "Overall API Requests (all
    # endpoints): Rate limited by IP, 3000 per 5 minutes". We hold the AppView to it; its
    # RateLimit-* headers (atproto xrpc-server) replace it once seen.
    "bluesky": {"requests": 3000, "seconds": 300},
    # Mastodon, per instance and IP: `* /api/*` 300 per 5 minutes (docs.joinmastodon.org/api/
    # rate-limits/, "IP access"; rack-attack's throttle_unauthenticated_api in mastodon
    # config/initializers/rack_attack.rb), and within it 300 per 15 minutes for paging requests,
    # the ones with max_id, min_id, since_id or page (throttle_unauthenticated_paging, same file).
    # An instance may configure its own: its X-RateLimit-* headers replace these once seen.
    "mastodon": {"requests": 300, "seconds": 300, "lanes": {
        "paging": {"match": r"[?&](max_id|min_id|since_id|page)=", "requests": 300, "seconds": 900},
    }},
    # X API v2 with an app's bearer token, per endpoint ("Per App" column of
    # docs.x.com/x-api/fundamentals/rate-limits; xdevplatform/docs x-api/fundamentals/rate-limits.mdx):
    # GET /2/users/by/username/:username 300 per 15 minutes, GET /2/users/:id/tweets 10,000 per
    # 15 minutes. No host-wide budget. The x-rate-limit-* headers carry the limit of the app's
    # access tier for each endpoint and replace these once seen.
    "x": {"lanes": {
        "users": {"match": r"^/2/users/by/username/", "requests": 300, "seconds": 900},
        "timeline": {"match": r"^/2/users/[^/]+/tweets", "requests": 10000, "seconds": 900},
    }},
    # GDELT's DOC 2.0 API, searched by the news archive (issue 12): its 429 answer asks to "limit
    # requests to one every 5 seconds" (gdelt-doc-api issue #68; the sources in the archive
    # spider's notes). Only the API host: the articles it finds are news pages, paced as pages.
    "archive": {"host": r"(^|\.)gdeltproject\.org$", "requests": 1, "seconds": 5},
}

DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024  # a page of 100 posts is well under 1 MB
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024

# Scrapy's own retry handles connection-level failures only; HTTP 429 / 5xx are retried by
# RateLimitMiddleware, which backs off and honours Retry-After and the rate-limit headers.
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES: list[int] = []
ONRECORD_RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
ONRECORD_RETRY_TIMES = 3
ONRECORD_BACKOFF_BASE = 2.0  # seconds; doubles per attempt
ONRECORD_BACKOFF_MAX = 120.0
ONRECORD_MAX_WAIT = 900.0  # a longer Retry-After or reset gives up on that response instead
ONRECORD_HOST_MAX_FAILURES = 5  # consecutive failed responses before a host is given up for the run
ONRECORD_SOURCE_MAX_FAILURES = 3  # consecutive failed responses before a source is given up
ONRECORD_MAX_PAGES = 250  # per source and crawl: 10,000 Mastodon posts, 25,000 Bluesky posts
ONRECORD_RECHECK_DAYS = 7  # posts this recent are re-read for edits and checked for deletion
ONRECORD_MAX_DELETION_CHECKS = 200  # per source and crawl
ONRECORD_MAX_CONTEXT_FETCHES = 200  # Mastodon replies whose parent is asked for, per source and crawl
ONRECORD_BATCH_SIZE = 500  # statements per database transaction
# News: articles followed per feed and crawl, and the largest article page read.
ONRECORD_NEWS_MAX_ARTICLES = int(os.environ.get("ONRECORD_NEWS_MAX_ARTICLES", 100))
ONRECORD_NEWS_MAX_BYTES = int(os.environ.get("ONRECORD_NEWS_MAX_BYTES", 3 * 1024 * 1024))
# The news archive (crawler/spiders/archive.py): seconds between its requests (GDELT asks for 5),
# the days a slice of the window spans, and the articles read per leader and crawl.
ONRECORD_ARCHIVE_DELAY = 5.0
ONRECORD_ARCHIVE_SLICE_DAYS = 7
ONRECORD_ARCHIVE_MAX_ARTICLES = int(os.environ.get("ONRECORD_ARCHIVE_MAX_ARTICLES", 40))

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "onrecord.crawler.middlewares.RobotsTxtMiddleware": 100,  # fixes concurrent waiters (see there)
    "onrecord.crawler.middlewares.RateLimitMiddleware": 560,  # just before Scrapy's RetryMiddleware (550)
}
SPIDER_MIDDLEWARES = {
    "onrecord.crawler.pacing.PacingMiddleware": 600,  # names each request's download slot (host, lane)
}
EXTENSIONS = {
    "scrapy.extensions.throttle.AutoThrottle": None,
    "onrecord.crawler.pacing.PacedAutoThrottle": 0,  # AutoThrottle that never goes below a slot's pace
}
ITEM_PIPELINES = {
    "onrecord.crawler.pipelines.ValidationPipeline": 100,
    "onrecord.crawler.pipelines.StoragePipeline": 800,
}

# Fail fast on code errors: many exceptions in callbacks mean a parser is broken.
CLOSESPIDER_ERRORCOUNT = 50

COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False  # no control port on a crawl machine
HTTPCACHE_ENABLED = False
LOG_LEVEL = os.environ.get("ONRECORD_LOG_LEVEL", "WARNING")
FEED_EXPORT_ENCODING = "utf-8"
