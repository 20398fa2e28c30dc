"""Downloader middleware: honour the platforms' rate limits and back off on 429 / 5xx.

The pace itself (each host's published budget, as Scrapy download slots) is crawler/pacing.py's.
This middleware reads what the servers say and acts on it, per download slot (a host, or one of
its lanes):
- rate-limit headers (Mastodon `X-RateLimit-*`, Bluesky `RateLimit-*` and `RateLimit-Policy`,
  X `x-rate-limit-*`): the announced limit replaces the published figure (pacing.py), and a slot
  whose remaining requests fall to the part of the window this crawl leaves to others
  (1 - ONRECORD_BUDGET_SHARE of the limit) pauses until the reset;
- a 429 or 5xx schedules a retry after Retry-After (seconds or an HTTP date), else after the
  rate-limit reset the server announced, else after an exponential back-off; a 429 also halves
  the slot's pace for the rest of the crawl.
Every request to a paused slot waits. A host whose responses fail too often in a row is given up
for the rest of the run, so a dead server cannot hold the crawl hostage (fail fast).
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

from onrecord.crawler.pacing import Pacer

LIMIT = ("x-ratelimit-limit", "ratelimit-limit", "x-rate-limit-limit")
REMAINING = ("x-ratelimit-remaining", "ratelimit-remaining", "x-rate-limit-remaining")
RESET = ("x-ratelimit-reset", "ratelimit-reset", "x-rate-limit-reset")
POLICY = ("ratelimit-policy",)  # xrpc-server: "3000;w=300"


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


def _number(value: str | None) -> float | None:
    try:
        return float(value.strip()) if value is not None else None
    except ValueError:
        return None


def policy_window(value: str | None) -> float | None:
    """The window of an IETF RateLimit-Policy value ("3000;w=300" -> 300.0); None without one."""
    for part in (value or "").split(",")[0].split(";")[1:]:
        name, _, number = part.strip().partition("=")
        if name.strip().lower() == "w":
            return _number(number)
    return None


class RateLimitMiddleware:
    def __init__(self, crawler):
        settings = crawler.settings
        self.crawler = crawler
        self.stats = crawler.stats
        self.pacer = Pacer.of(crawler)
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
        self.resume_at: dict[str, float] = {}  # download slot -> monotonic time
        self.failures: Counter = Counter()  # host -> failed responses in a row

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    @staticmethod
    def host(request) -> str:
        return urlsplit(request.url).netloc

    def pause(self, key: str, seconds: float) -> None:
        seconds = min(seconds, self.max_wait)
        self.resume_at[key] = max(self.resume_at.get(key, 0.0), time.monotonic() + seconds)

    async def process_request(self, request):
        host = self.host(request)
        if self.host_max_failures and self.failures[host] >= self.host_max_failures:
            raise HostGivenUp(f"gave up on {host} after {self.failures[host]} failed responses in a row")
        wait = self.resume_at.get(self.pacer.slot_key(request), 0.0) - time.monotonic()
        if wait > 0:
            self.stats.inc_value("onrecord/rate_limit_waits")
            await sleep(wait)
        return None

    def read_rate_limit(self, key: str, response) -> None:
        """The server's rate-limit headers: its limit takes precedence over the published figure,
        and once the remaining requests fall to what this crawl leaves to others, the slot waits
        for the reset."""
        limit = _number(_header(response, LIMIT))
        if limit:
            self.pacer.announce(key, limit, policy_window(_header(response, POLICY)))
        remaining = _number(_header(response, REMAINING))
        if remaining is None or remaining > (1 - self.pacer.share) * (limit or 0):
            return
        reset = seconds_until(_header(response, RESET) or "")
        if reset:
            self.stats.inc_value("onrecord/share_spent_pauses")
            self.pause(key, reset)

    def process_response(self, request, response):
        host, key = self.host(request), self.pacer.slot_key(request)
        self.read_rate_limit(key, response)
        if response.status == 429:
            self.stats.inc_value("onrecord/responses_429")
            self.pacer.slow_down(key)
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
        self.pause(key, delay)
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
