"""Spiders in this process, without Scrapy's engine or sockets.

- `file_response(name, url)`: a saved real response (tests/fixtures) as a Scrapy response, the way
  City Bureau's spider tests build theirs, for calling a spider's parse methods directly.
- `OfflineEngine(server)`: an engine for `crawler.crawl.crawl_watchlist(..., engine=...)`. It
  answers each request with the replay server's `respond()` (no socket), passes it through the
  real RateLimitMiddleware (so 429s, Retry-After and failing hosts behave as in a real crawl),
  calls the spider's callback, and sends items through the real pipelines into a real SQLite
  file. Everything else crawl_watchlist does (reading state before the crawl, recording one
  crawls row per source, the summary) is the production code.

What it leaves out (robots.txt, time-outs, size limits, concurrency, the reactor) is covered by
the end-to-end crawls in test_end_to_end.py.
"""
from __future__ import annotations

import asyncio
import json
from collections import deque
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request
from scrapy.responsetypes import responsetypes
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from onrecord.crawler.middlewares import RateLimitMiddleware
from onrecord.crawler.pipelines import InvalidItem, StoragePipeline, ValidationPipeline, source_recorded
from tests.crawler.conftest import FIXTURES


def make_response(url: str, status: int = 200, headers: dict | None = None, body: bytes = b"",
                  request: Request | None = None):
    """A Scrapy response of the class Scrapy would pick (HtmlResponse, XmlResponse, TextResponse)."""
    request = request or Request(url)
    headers = headers or {}
    cls = responsetypes.from_args(headers=headers, url=url, body=body)
    return cls(url=url, status=status, headers=headers, body=body, request=request)


def file_response(name: str, url: str, meta: dict | None = None, status: int | None = None, **replace):
    """The recorded response `tests/fixtures/<name>.json` (body) with the status and headers recorded
    beside it in `<name>.headers.json` when there is one; `replace` rewrites text in the body."""
    body = (FIXTURES / f"{name}.json").read_text(encoding="utf-8")
    for old, new in replace.items():
        body = body.replace(old, new)
    headers, recorded = {"Content-Type": "application/json; charset=utf-8"}, 200
    meta_path = FIXTURES / f"{name}.headers.json"
    if meta_path.exists():
        saved = json.loads(meta_path.read_text())
        recorded = int(saved.get("status", {}).get("code", 200))
        headers = {key: value for key, value in saved.get("headers", {}).items()
                   if key.lower() not in ("content-length", "transfer-encoding", "content-encoding")}
    return make_response(url, status or recorded, headers, body.encode("utf-8"), Request(url, meta=meta or {}))


def collect(outputs) -> tuple[list, list]:
    """(requests, items) from what a parse method yielded."""
    outputs = list(outputs or ())
    return [o for o in outputs if isinstance(o, Request)], [o for o in outputs if not isinstance(o, Request)]


def make_spider(spider_class, settings: dict | None = None, **inputs):
    """A spider built the way a crawl builds it (its settings from crawler/settings/base.py, its
    inputs handed in), without an engine: call its methods directly."""
    from onrecord.crawler.crawl import crawl_settings

    crawler = get_crawler(spider_class, {**crawl_settings(settings).copy_to_dict(), "TWISTED_REACTOR_ENABLED": False})
    spider = crawler.spider = spider_class.from_crawler(crawler, **inputs)
    return spider


def start(spider) -> list:
    """What the spider's start() yields (its first requests, or SourceDone for a source that
    failed at once)."""
    return asyncio.run(_drain(spider.start()))


async def _drain(generator) -> list:
    return [output async for output in generator]


class OfflineEngine:
    def __init__(self, server):
        self.server = server

    def __call__(self, settings, jobs, on_recorded) -> None:
        for spider_class, inputs in jobs:
            self.run(settings, spider_class, inputs, on_recorded)

    def run(self, settings, spider_class, inputs, on_recorded) -> None:
        crawler = get_crawler(spider_class, {**settings.copy_to_dict(), "TWISTED_REACTOR_ENABLED": False})
        crawler.signals.connect(on_recorded, signal=source_recorded)
        spider = crawler.spider = spider_class.from_crawler(crawler, **inputs)
        crawler.crawling = True  # as Scrapy's Crawler while it runs (a shutdown signal clears it)
        validation, storage = ValidationPipeline(), StoragePipeline.from_crawler(crawler)
        rate_limit = RateLimitMiddleware.from_crawler(crawler)
        storage.open_spider()
        queue = deque(start(spider))
        while queue:
            output = queue.popleft()
            if isinstance(output, Request):
                queue.extend(self.fetch(output, rate_limit) or ())
            else:
                try:
                    storage.process_item(validation.process_item(output))
                except InvalidItem as dropped:
                    crawler.signals.send_catch_log(signals.item_dropped, item=output, response=None,
                                                   exception=dropped, spider=spider)
                except Exception:  # as Scrapy's scraper: a pipeline bug is an item error, not the end
                    crawler.signals.send_catch_log(signals.item_error, item=output, response=None,
                                                   spider=spider, failure=Failure())
        storage.close_spider()

    def fetch(self, request: Request, rate_limit: RateLimitMiddleware):
        """The request's answer through the rate-limit middleware; its callback's (or errback's) output."""
        while True:
            try:
                asyncio.run(rate_limit.process_request(request))  # waits out a paused host
            except IgnoreRequest as error:
                return request.errback(Failure(error, IgnoreRequest))
            parts = urlsplit(request.url)
            headers = {key.decode().lower(): b", ".join(values).decode() for key, values in request.headers.items()}
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            status, reply_headers, body, _ = self.server.respond(request.method, target, headers, request.body)
            response = make_response(request.url, status, reply_headers, body, request)
            answer = rate_limit.process_response(request, response)
            if isinstance(answer, Request):  # a retry, after the back-off the middleware set
                request = answer
                continue
            return request.callback(answer)
