"""Pacing: every host at the pace its platform publishes, kept by Scrapy's own download slots.

A platform publishes a request budget (the figures and their sources are in
crawler/settings/base.py, ONRECORD_BUDGETS). A crawl spends at most ONRECORD_BUDGET_SHARE of it
(half by default), so an operator running other tools from the same IP stays within the limit:
N requests per T seconds at share s is one request every T / (N * s) seconds, which is the
`delay` of the host's Scrapy download slot (set through the downloader's DOWNLOAD_SLOTS table,
without jitter: a published pace is kept, not randomised around).

- Lanes. Some requests have a budget of their own (Mastodon's paging requests, each X endpoint):
  they go to a download slot of their own, "<host>|<lane>", named when the spider makes the
  request (PacingMiddleware), so Scrapy's DownloaderAwarePriorityQueue balances lanes like hosts.
  A lane's requests also count against its host's budget, so the host's other requests get what
  the lanes leave.
- Rate-limit headers take precedence once seen: the limit a response announces replaces the
  published figure for its lane (crawler/middlewares.py reads them, and pauses a lane whose share
  of the current window is spent).
- A 429 that arrives anyway halves the lane's pace for the rest of the crawl.
- Hosts without a published budget (feeds, news pages): robots.txt `Crawl-delay` when the site
  sets one, else DOWNLOAD_DELAY (1 s), with AutoThrottle slowing down for a slow server.
- AutoThrottle never goes below a slot's pace (PacedAutoThrottle).

One Pacer per crawler (`Pacer.of(crawler)`), shared by the spider middleware that names slots,
the rate-limit downloader middleware, the robots.txt signal and AutoThrottle.
"""
from __future__ import annotations

import logging
import re
import weakref
from dataclasses import dataclass, field

from scrapy import signals
from scrapy.extensions.throttle import AutoThrottle
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware
from scrapy.utils.httpobj import urlparse_cached

logger = logging.getLogger(__name__)

SLOT = "download_slot"  # Scrapy's request meta key naming the download slot
LANE_SEPARATOR = "|"
MIN_REST_SHARE = 0.1  # a host's other requests keep at least this part of its pace when lanes claim it all
SLOWDOWN = 2.0  # a 429 multiplies the lane's interval by this


class PacingSettingsError(ValueError):
    """A pacing setting that cannot be used; the message is one line."""


@dataclass
class Budget:
    """`requests` per `seconds`, as a platform publishes it."""

    requests: float
    seconds: float

    @property
    def rate(self) -> float:
        return self.requests / self.seconds

    @classmethod
    def from_setting(cls, data: dict) -> "Budget":
        budget = cls(float(data["requests"]), float(data["seconds"]))
        if budget.requests <= 0 or budget.seconds <= 0:
            raise ValueError("requests and seconds must be above 0")
        return budget


@dataclass
class Lane:
    name: str
    match: re.Pattern  # searched in the request's path and query
    budget: Budget


@dataclass
class HostPace:
    """One host's published budgets (host-wide and per lane) and the slow-downs 429s caused."""

    budget: Budget | None
    lanes: dict[str, Lane]
    share: float
    slowdown: dict[str, float] = field(default_factory=dict)  # lane ("" = the host's other requests) -> factor

    @classmethod
    def from_setting(cls, data: dict, share: float) -> "HostPace":
        budget = Budget.from_setting(data) if "requests" in data else None
        lanes = {name: Lane(name, re.compile(lane["match"]), Budget.from_setting(lane))
                 for name, lane in (data.get("lanes") or {}).items()}
        return cls(budget, lanes, share)

    def lane_of(self, target: str) -> str:
        """The lane of a request (`target` = path?query); "" for the host's other requests."""
        return next((lane.name for lane in self.lanes.values() if lane.match.search(target)), "")

    def rate(self, lane: str) -> float | None:
        """Requests per second this crawl may send in `lane` before any slow-down; None when the
        lane has no published budget."""
        host = self.share * self.budget.rate if self.budget else None
        if lane:
            own = self.share * self.lanes[lane].budget.rate
            return min(own, host) if host else own
        if host is None:
            return None
        claimed = sum(self.rate(name) for name in self.lanes)
        return max(host - claimed, host * MIN_REST_SHARE)

    def interval(self, lane: str) -> float | None:
        """Seconds between two requests of `lane`; None when it has no published budget."""
        rate = self.rate(lane)
        return None if rate is None else self.slowdown.get(lane, 1.0) / rate

    def announce(self, lane: str, limit: float, window: float | None) -> bool:
        """A response announced `limit` requests (per `window` seconds when it says so) for this
        lane: the announced figure replaces the published one. True when the pace changed."""
        current = self.lanes[lane].budget if lane else self.budget
        if current is None:
            if window is None:
                return False
            self.budget = current = Budget(limit, window)
            return True
        updated = Budget(limit, window or current.seconds)
        if updated == current:
            return False
        if lane:
            self.lanes[lane].budget = updated
        else:
            self.budget = updated
        return True


def check_settings(settings) -> None:
    """Raise PacingSettingsError (one line) unless the share and the budgets can be used."""
    try:
        share = settings.getfloat("ONRECORD_BUDGET_SHARE")
    except ValueError:
        raise PacingSettingsError(f"ONRECORD_BUDGET_SHARE must be a number, not {settings.get('ONRECORD_BUDGET_SHARE')!r}") from None
    if not 0 < share <= 1:
        raise PacingSettingsError(f"ONRECORD_BUDGET_SHARE must be above 0 and at most 1, not {share:g}")
    try:
        budgets = settings.getdict("ONRECORD_BUDGETS")
    except (TypeError, ValueError):
        raise PacingSettingsError("ONRECORD_BUDGETS must be a JSON object: platform -> budget") from None
    for platform, data in budgets.items():
        try:
            re.compile(data.get("host") or "")
            HostPace.from_setting(data, share)
        except (AttributeError, KeyError, TypeError, ValueError, re.error) as error:
            raise PacingSettingsError(
                f'ONRECORD_BUDGETS[{platform!r}]: expected {{"requests": N, "seconds": T, "lanes": {{NAME: '
                f'{{"match": REGEX, "requests": N, "seconds": T}}}}}} ({type(error).__name__}: {error})') from None


def split_key(key: str) -> tuple[str, str]:
    host, _, lane = key.partition(LANE_SEPARATOR)
    return host, lane


class Pacer:
    """The pace of every download slot of one crawl."""

    _by_crawler: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()

    @classmethod
    def of(cls, crawler) -> "Pacer":
        pacer = cls._by_crawler.get(crawler)
        if pacer is None:
            pacer = cls._by_crawler[crawler] = cls(crawler)
        return pacer

    def __init__(self, crawler):
        settings = crawler.settings
        check_settings(settings)  # `onrecord crawl` checks them first, to refuse them in one line
        self.crawler = crawler
        self.share = settings.getfloat("ONRECORD_BUDGET_SHARE")
        platform = getattr(crawler.spidercls, "name", None)
        self.published = (settings.getdict("ONRECORD_BUDGETS") or {}).get(platform)
        self.default_delay = settings.getfloat("DOWNLOAD_DELAY")
        self.max_interval = settings.getfloat("ONRECORD_MAX_WAIT")
        self.operator_slots = settings.getdict("DOWNLOAD_SLOTS")  # the operator's own word wins
        self.user_agent = settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT")
        self.obey_crawl_delay = settings.getbool("ONRECORD_OBEY_CRAWL_DELAY")
        self.hosts: dict[str, HostPace] = {}
        self.crawl_delays: dict[str, float] = {}
        self.slowdown: dict[str, float] = {}  # hosts without a budget -> factor
        crawler.signals.connect(self.robots_parsed, signal=signals.robots_parsed)

    # -- which slot ---------------------------------------------------------------------------
    @staticmethod
    def slot_key(request) -> str:
        """The download slot a request goes to (Scrapy's rule: the meta key, else the host name)."""
        return request.meta.get(SLOT) or urlparse_cached(request).hostname or ""

    def host_pace(self, host: str) -> HostPace | None:
        """The budgets of `host`; None when its platform publishes none (or names other hosts)."""
        if self.published is None or not re.search(self.published.get("host") or "", host):
            return None
        if host not in self.hosts:
            self.hosts[host] = HostPace.from_setting(self.published, self.share)
        return self.hosts[host]

    def assign(self, request) -> None:
        """Name the request's download slot after its host and lane, and give the slot its pace."""
        if SLOT in request.meta:
            return
        url = urlparse_cached(request)
        pace = self.host_pace(url.hostname or "")
        if pace is None:
            return
        lane = pace.lane_of(url.path + (f"?{url.query}" if url.query else ""))
        key = f"{url.hostname}{LANE_SEPARATOR}{lane}" if lane else url.hostname or ""
        request.meta[SLOT] = key
        self.configure(key)

    # -- how fast -----------------------------------------------------------------------------
    def interval(self, key: str) -> float | None:
        """Seconds between two requests of the slot, when this crawl paces it (a published budget,
        a Crawl-delay or a 429's slow-down); None leaves the slot to Scrapy's defaults."""
        host, lane = split_key(key)
        pace = self.hosts.get(host)
        seconds = pace.interval(lane) if pace else None
        if seconds is None and host in self.crawl_delays:
            seconds = self.crawl_delays[host] * self.slowdown.get(key, 1.0)
        if seconds is None and key in self.slowdown:
            seconds = self.default_delay * self.slowdown[key]
        return None if seconds is None else min(seconds, self.max_interval)

    def floor(self, key: str) -> float:
        """The least delay of the slot (AutoThrottle may go above it, never below)."""
        if key in self.operator_slots:
            return float(self.operator_slots[key].get("delay", self.default_delay))
        seconds = self.interval(key)
        return self.default_delay if seconds is None else seconds

    def configure(self, key: str) -> None:
        """Set the slot's delay to its pace: in the downloader's DOWNLOAD_SLOTS table (a slot
        made later, or remade after Scrapy drops an idle one, starts from it) and on the slot
        when it exists."""
        seconds = self.interval(key)
        downloader = self.downloader()
        if seconds is None or downloader is None or key in self.operator_slots:
            return
        downloader.per_slot_settings[key] = {**downloader.per_slot_settings.get(key, {}), "delay": seconds, "jitter": 0}
        slot = downloader.slots.get(key)
        if slot is not None:
            slot.delay, slot.jitter = seconds, 0

    def downloader(self):
        """The crawl's downloader; None before the crawl starts (or without an engine, in tests)."""
        try:
            return self.crawler.engine.downloader
        except (AttributeError, RuntimeError):
            return None

    def announce(self, key: str, limit: float, window: float | None = None) -> None:
        """A response's rate-limit headers announced `limit` for the slot's lane."""
        host, lane = split_key(key)
        pace = self.hosts.get(host)
        if pace is not None and pace.announce(lane, limit, window):
            for name in [""] + list(pace.lanes):  # a lane's figure changes what the host's others get
                self.configure(f"{host}{LANE_SEPARATOR}{name}" if name else host)

    def slow_down(self, key: str) -> float | None:
        """A 429 arrived anyway: this slot's interval doubles for the rest of the crawl. Returns
        the new interval (None when the slot is unpaced and no default delay is set)."""
        host, lane = split_key(key)
        pace = self.hosts.get(host)
        if pace is not None and pace.rate(lane) is not None:
            pace.slowdown[lane] = pace.slowdown.get(lane, 1.0) * SLOWDOWN
        else:
            self.slowdown[key] = self.slowdown.get(key, 1.0) * SLOWDOWN
        self.configure(key)
        seconds = self.interval(key)
        if seconds:
            logger.info("%s answered 429: one request every %.2f s from now on", key, seconds)
        return seconds

    def robots_parsed(self, robotparser, request) -> None:
        """robots.txt read for a host: its Crawl-delay, when set, paces the host's pages."""
        if not self.obey_crawl_delay or robotparser is None or not hasattr(robotparser, "crawl_delay"):
            return
        delay = robotparser.crawl_delay(self.user_agent)
        if delay is None or delay < 0:
            return
        host = urlparse_cached(request).hostname or ""
        self.crawl_delays[host] = float(delay)
        self.configure(host)


class PacingMiddleware(BaseSpiderMiddleware):
    """Spider middleware: each request of a platform with a published budget goes to its host's
    (or lane's) download slot, named as the spider makes it."""

    def get_processed_request(self, request, response):
        Pacer.of(self.crawler).assign(request)
        return request


class PacedAutoThrottle(AutoThrottle):
    """Scrapy's AutoThrottle (slows down for a slow server), whose least delay is each slot's own
    pace rather than one DOWNLOAD_DELAY for every host."""

    def _min_delay(self) -> float:
        return 0.0

    def _response_downloaded(self, response, request, spider) -> None:
        super()._response_downloaded(response, request, spider)
        key, slot = self._get_slot(request, spider)
        if slot is not None:
            slot.delay = max(slot.delay, Pacer.of(self.crawler).floor(key))
