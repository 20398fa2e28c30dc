"""Downloader middleware: honour the platforms' rate limits and back off on 429 / 5xx.

Per host it keeps a "resume at" time: a 429 or 5xx schedules a retry after Retry-After (seconds or
an HTTP date), else after the rate-limit reset the server announced, else after an exponential
back-off; any response announcing zero remaining requests (Mastodon `X-RateLimit-*`, Bluesky
`RateLimit-*`, X `x-rate-limit-*`) pauses the host until its reset. Every request to a paused host
waits. A host whose responses fail too often in a row is given up for the rest of the run, so a
dead server cannot hold the crawl hostage (fail fast).
"""
from __future__ import annotations

import random
import time
from collections import Counter
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware as _ScrapyRobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.asyncio import sleep
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import load_object
from twisted.internet.defer import Deferred

REMAINING = ("x-ratelimit-remaining", "ratelimit-remaining", "x-rate-limit-remaining")
RESET = ("x-ratelimit-reset", "ratelimit-reset", "x-rate-limit-reset")


class HostGivenUp(IgnoreRequest):
    """Too many failures in a row from one host."""


def seconds_until(value: str, now: float | None = None) -> float | None:
    """Seconds until a reset/Retry-After value: delta seconds, epoch seconds, ISO 8601 or an
    HTTP date. None when it cannot be read."""
    now = time.time() if now is None else now
    value = (value or "").strip()
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        number = None
    if number is not None:
        # Epoch seconds are far larger than any sensible delay (Bluesky, X send epoch resets).
        return max(0.0, number - now) if number > 1e9 else max(0.0, number)
    for parse in (lambda v: datetime.fromisoformat(v.replace("Z", "+00:00")), parsedate_to_datetime):
        try:
            moment = parse(value)
        except (TypeError, ValueError, IndexError):
            continue
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        return max(0.0, moment.timestamp() - now)
    return None


def _header(response, names) -> str | None:
    for name in names:
        value = response.headers.get(name)
        if value is not None:
            return value.decode("latin-1")
    return None


class RateLimitMiddleware:
    def __init__(self, crawler):
        settings = crawler.settings
        self.crawler = crawler
        self.stats = crawler.stats
        self.codes = {int(code) for code in settings.getlist("ONRECORD_RETRY_HTTP_CODES")}
        self.max_retries = settings.getint("ONRECORD_RETRY_TIMES")
        self.backoff_base = settings.getfloat("ONRECORD_BACKOFF_BASE")
        self.backoff_max = settings.getfloat("ONRECORD_BACKOFF_MAX")
        self.max_wait = settings.getfloat("ONRECORD_MAX_WAIT")
        self.host_max_failures = settings.getint("ONRECORD_HOST_MAX_FAILURES")
        self.connection_retries = settings.getint("RETRY_TIMES") if settings.getbool("RETRY_ENABLED") else 0
        self.retried_exceptions = tuple(
            load_object(name) if isinstance(name, str) else name for name in settings.getlist("RETRY_EXCEPTIONS")
        )
        self.resume_at: dict[str, float] = {}
        self.failures: Counter = Counter()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    @staticmethod
    def host(request) -> str:
        return urlsplit(request.url).netloc

    def pause(self, host: str, seconds: float) -> None:
        seconds = min(seconds, self.max_wait)
        self.resume_at[host] = max(self.resume_at.get(host, 0.0), time.monotonic() + seconds)

    async def process_request(self, request):
        host = self.host(request)
        if self.host_max_failures and self.failures[host] >= self.host_max_failures:
            raise HostGivenUp(f"gave up on {host} after {self.failures[host]} failed responses in a row")
        wait = self.resume_at.get(host, 0.0) - time.monotonic()
        if wait > 0:
            self.stats.inc_value("onrecord/rate_limit_waits")
            await sleep(wait)
        return None

    def process_response(self, request, response):
        host = self.host(request)
        remaining = _header(response, REMAINING)
        if remaining is not None and remaining.strip() == "0":
            reset = seconds_until(_header(response, RESET) or "")
            if reset:
                self.pause(host, reset)
        if response.status not in self.codes or request.meta.get("dont_retry"):
            if response.status < 500:
                self.failures[host] = 0
            return response
        attempt = request.meta.get("onrecord_retries", 0)
        delay = self.retry_delay(response, attempt)
        if attempt >= self.max_retries or delay is None:
            self.failures[host] += 1
            self.stats.inc_value(f"onrecord/gave_up/{response.status}")
            return response
        self.pause(host, delay)
        self.stats.inc_value(f"onrecord/retries/{response.status}")
        # The spider counts the attempts from this meta key, so a retry is one more request on
        # its source's crawls row (crawler/spiders/base.py, attempts).
        retry = request.replace(dont_filter=True, priority=request.priority - 1)
        retry.meta["onrecord_retries"] = attempt + 1
        return retry

    def process_exception(self, request, exception):
        # Scrapy's RetryMiddleware retries connection failures; count only the final one.
        if isinstance(exception, IgnoreRequest):
            return None
        retried = isinstance(exception, self.retried_exceptions) and not request.meta.get("dont_retry")
        if not retried or request.meta.get("retry_times", 0) >= request.meta.get("max_retry_times", self.connection_retries):
            self.failures[self.host(request)] += 1
        return None

    def retry_delay(self, response, attempt: int) -> float | None:
        """Seconds to wait before retrying, or None when the server asks for longer than we wait."""
        announced = seconds_until(_header(response, ("retry-after",)) or "")
        if announced is None and response.status == 429:
            announced = seconds_until(_header(response, RESET) or "") or None
        if announced is not None:
            return announced if announced <= self.max_wait else None
        backoff = min(self.backoff_max, self.backoff_base * (2**attempt))
        return backoff * random.uniform(0.9, 1.1)  # jitter: retries from many sources spread out


class RobotsTxtMiddleware(_ScrapyRobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, with every request that waits for a host's robots.txt
    getting the parsed rules. In Scrapy 2.19 several waiters await the same Deferred through
    `Deferred.asFuture`, whose callback returns None to the next waiter, so from the second one
    on a request went out as if there were no robots.txt. Each waiter now chains its own
    Deferred and passes the rules on."""

    async def robot_parser(self, request):
        netloc = urlparse_cached(request).netloc
        pending = self._parsers.get(netloc)
        if isinstance(pending, Deferred):
            mine: Deferred = Deferred()

            def hand_on(result):
                mine.callback(result)
                return result

            pending.addBoth(hand_on)
            return await maybe_deferred_to_future(mine)
        return await super().robot_parser(request)
