"""Settings for crawling a local replay server on 127.0.0.1 (the demo, the tests, bench/crawl.py):
the server is ours, so the politeness that protects real platforms only slows the crawl down.
Everything else (retries, limits, pipelines) is production's."""
import os

from onrecord.crawler.settings.base import *  # noqa: F401,F403

DOWNLOAD_DELAY = 0
ONRECORD_ARCHIVE_DELAY = 0
AUTOTHROTTLE_ENABLED = False
CONCURRENT_REQUESTS_PER_DOMAIN = 16
DOWNLOAD_TIMEOUT = 10
RETRY_TIMES = 1
ONRECORD_BACKOFF_BASE = 0.05  # seconds; back-off still doubles per attempt
LOG_LEVEL = os.environ.get("ONRECORD_LOG_LEVEL", "ERROR")
# No pace: the server is ours. Rate-limit headers pause a host only when it has nothing left,
# and robots.txt still says what may be fetched, not how fast.
ONRECORD_BUDGETS: dict = {}
ONRECORD_BUDGET_SHARE = 1.0
ONRECORD_OBEY_CRAWL_DELAY = False
