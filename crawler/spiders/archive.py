"""News archive: for each leader, a search of the GDELT DOC 2.0 API (crawler/gdelt.py) for their
name with the archive's topic terms, slice by slice over the window (topic.since to now). The
articles found go through the news pipeline (NewsSpider: extraction, attribution by nlp/quotes.py,
syndication dedup), so what they quote a leader saying becomes a news statement like any other.

Two kinds of source:

- `archive:topic`, the probe. The archive's window is rolling (about three months for GDELT), so
  it is measured, not assumed: in each slice the probe asks for the topic alone, oldest article
  first. A slice is covered when the archive holds topic articles from its first day; the slice
  in which the archive's window starts is covered from its earliest article.
- `archive:<leader id>`, one per leader, which searches the covered slices only. A slice's search
  is complete when it returns fewer than 250 articles (the API's maximum), else it is split in
  halves until each part does. The leader's crawl covers the run of slices, ending now, whose
  search completed and whose articles were all read: a search that finds nothing in a covered
  slice is evidence that nothing was said there; a slice the archive does not cover is none.

Incremental: a slice that ended more than a day ago (the archive has settled) and whose articles
were all read is done and never searched again (crawl_state.progress); at most
ONRECORD_ARCHIVE_MAX_ARTICLES articles are read per leader and crawl, and the next crawl goes on.
Polite: one request every ONRECORD_ARCHIVE_DELAY seconds (GDELT asks for one every 5), the
crawl's identified user agent, and a 429 backed off by RateLimitMiddleware.
"""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from scrapy.settings import SETTINGS_PRIORITIES

from onrecord.crawler import gdelt
from onrecord.crawler.spiders.base import Fault, SourceSpider, describe_failure
from onrecord.crawler.spiders.news import NewsSpider
from onrecord.vocabulary import ARCHIVE

TOLERANCE = timedelta(days=1)  # a covered slice holds topic articles from its first day
SETTLE = timedelta(days=1)  # the archive still adds articles to a slice for about a day after it
SMALLEST_SPLIT = timedelta(hours=1)  # a search still at 250 articles over an hour stays incomplete
GONE = ("HTTP 401", "HTTP 403", "HTTP 404", "HTTP 410", "HTTP 451", "forbidden by robots.txt")


class ArchiveSpider(NewsSpider):
    name = ARCHIVE

    def __init__(self, *args, window_start: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.window_start = window_start  # topic.since: the archive is searched from there
        self.probe = None
        self.waiting = []  # leader crawls held until the probe has measured the archive
        self.covered: dict[str, str] = {}  # slice key -> covered from (its start, or its earliest article)
        self.read_ok: set[str] = set()  # article URLs read (or gone for good) in this crawl

    @classmethod
    def update_settings(cls, settings):
        super().update_settings(settings)
        # GDELT asks for one request every 5 seconds. This crawl's own pace, set with Scrapy's
        # per-spider settings hook (the crawl's other spiders keep theirs); the articles it then
        # reads from news sites follow the same pace, per site. The pacing budgets may take it over.
        delay = settings.getfloat("ONRECORD_ARCHIVE_DELAY")
        if delay > settings.getfloat("DOWNLOAD_DELAY"):
            priority = max(settings.getpriority("DOWNLOAD_DELAY") or 0, SETTINGS_PRIORITIES["spider"])
            settings.set("DOWNLOAD_DELAY", delay, priority=priority)
        settings.set("DOWNLOAD_DELAY_JITTER", 0, priority="spider")  # never quicker than the pace

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.slice_days = crawler.settings.getfloat("ONRECORD_ARCHIVE_SLICE_DAYS")
        spider.max_articles = crawler.settings.getint("ONRECORD_ARCHIVE_MAX_ARTICLES")
        return spider

    # -- who is looked for ----------------------------------------------------------------------
    def monitored_leader_ids(self, crawl=None) -> list[str]:
        """A leader's search listens for that leader; the probe for nobody."""
        return [crawl.source.leader_id] if crawl is not None and crawl.source.leader_id else []

    def scope_ids(self, run) -> list[str]:
        # An article found for one leader may quote or name another: it was read all the same.
        return [leader["id"] for leader in self.watched_leaders()]

    # -- progress kept between crawls -------------------------------------------------------------
    def progress(self, crawl, **identity) -> dict:
        """The source's stored progress, or a fresh one when what it searched for has changed."""
        identity = {"since": self.window_start, "slice_days": self.slice_days, **identity}
        try:
            stored = json.loads(crawl.state.get("progress") or "{}")
        except ValueError:
            stored = {}
        if any(stored.get(name) != value for name, value in identity.items()):
            stored = {**identity, "slices": {}}
        return stored

    def final_state(self, crawl):
        state = SourceSpider.final_state(self, crawl) or {}  # not a feed's validators: NewsSpider's
        progress = crawl.extra.get("progress")
        if progress is not None:
            if crawl is not self.probe:
                progress = {**progress, "slices": self.slices_after(crawl)}
            state["progress"] = json.dumps(progress, sort_keys=True)
        return state or None

    # -- the crawl: the probe first, then each leader's searches ----------------------------------
    async def start(self):
        self.now = datetime.now(timezone.utc).replace(microsecond=0)
        self.slices = gdelt.slices(self.window_start, self.now, self.slice_days) if self.window_start else []
        for source in self.sources:
            crawl = self.crawls[source.id] = self.start_crawl(source)
            if source.leader_id is None:
                self.probe = crawl
            else:
                crawl.pending += 1  # held until the probe has measured the archive's coverage
                self.waiting.append(crawl)
        if self.probe is None:
            for output in self.release():
                yield output
            return
        for request in self.begin_probe(self.probe):
            yield request
        if self.probe.pending == 0:
            for output in self._finish(self.probe):
                yield output

    def _finish(self, crawl):
        yield from super()._finish(crawl)
        if crawl is self.probe:
            yield from self.release()

    def release(self):
        """The probe is done: start every held leader crawl on the slices it found covered."""
        if self.probe is not None and not self.probe.failed:
            self.covered = self.covered_slices(self.probe.extra["progress"]["slices"])
        waiting, self.waiting = self.waiting, []
        for crawl in waiting:
            if self.probe is None or self.probe.failed:
                crawl.fail(f"the archive's coverage probe failed: {self.probe.error if self.probe else 'no probe'}")
            else:
                yield from self.begin(crawl)
            yield from self._settle(crawl)  # drops the hold

    # -- the probe --------------------------------------------------------------------------------
    def begin_probe(self, crawl):
        progress = crawl.extra["progress"] = self.progress(crawl, query=crawl.source.query)
        for start, end in self.slices:
            known = progress["slices"].get(gdelt.key(start))
            if known and self.settled(known, start, end):
                continue
            url = gdelt.search_url(crawl.source.api, crawl.source.query, start, min(end, self.now), records=1)
            yield self.request(crawl, url, "parse_probe", meta={"slice": gdelt.key(start)})

    def settled(self, known: dict, start: datetime, end: datetime) -> bool:
        """Whether a slice's probe need not be asked again: it found the archive covering the
        slice from its first day, or it was asked after the slice had settled."""
        earliest = known.get("earliest")
        if earliest and gdelt.parse_time(earliest) <= start + TOLERANCE:
            return True
        return gdelt.parse_time(known["probed_at"]) >= end + SETTLE

    def parse_probe(self, response, crawl):
        articles = self.artlist(response)
        times = [moment for moment in map(gdelt.seen_at, articles) if moment]
        crawl.extra["progress"]["slices"][response.meta["slice"]] = {
            "earliest": min(times) if times else None, "probed_at": gdelt.key(self.now)}
        crawl.read_page()
        return ()

    def covered_slices(self, probed: dict) -> dict[str, str]:
        """slice key -> the moment the archive covers it from (its start, or for the slice where
        the archive's window begins, its earliest article)."""
        covered = {}
        for start, _end in self.slices:
            earliest = (probed.get(gdelt.key(start)) or {}).get("earliest")
            if earliest:
                covered[gdelt.key(start)] = gdelt.key(start) if gdelt.parse_time(earliest) <= start + TOLERANCE else earliest
        return covered

    def run_from(self, complete) -> str | None:
        """Where the run of covered slices ending now begins, counting only slices for which
        `complete(key)` holds; None when the newest slice is not among them."""
        start = None
        for slice_start, _end in reversed(self.slices):
            slice_key = gdelt.key(slice_start)
            if slice_key not in self.covered or not complete(slice_key):
                break
            start = self.covered[slice_key]
            if start != slice_key:  # the archive's window begins inside this slice
                break
        return start

    def coverage(self, crawl):
        if crawl.failed:
            return None, None
        if crawl is self.probe:  # what it measured, in this crawl or settled before
            self.covered = self.covered_slices(crawl.extra["progress"]["slices"])
            start = self.run_from(lambda key: True)
        elif not crawl.listed:
            return None, None
        else:
            done = {key for key, entry in crawl.extra["progress"]["slices"].items() if entry.get("done")}
            start = self.run_from(lambda key: key in done or self.read_whole(crawl, key))
        return (min(start, crawl.started_at), crawl.started_at) if start else (None, None)

    # -- a leader's searches ----------------------------------------------------------------------
    def begin(self, crawl):
        progress = crawl.extra["progress"] = self.progress(crawl, query=crawl.source.query)
        crawl.extra.update(listings={}, budget=self.max_articles)
        if not self.covered:
            crawl.skip("the archive covers no slice of the window", fault=False)
        for start, end in reversed(self.slices):  # newest first: fresh news before old
            slice_key = gdelt.key(start)
            if slice_key in self.covered and not progress["slices"].get(slice_key, {}).get("done"):
                crawl.extra["listings"][slice_key] = {"urls": {}, "parts": 1, "failed": False}
                yield self.search(crawl, slice_key, start, min(end, self.now))

    def search(self, crawl, slice_key: str, start: datetime, end: datetime):
        return self.request(crawl, gdelt.search_url(crawl.source.api, crawl.source.query, start, end), "parse_search",
                            meta={"slice": slice_key, "start": gdelt.key(start), "end": gdelt.key(end)})

    def artlist(self, response) -> list[dict]:
        if not 200 <= response.status < 300:
            raise Fault(f"HTTP {response.status}")
        try:
            return gdelt.parse_artlist(response.body, self.content_type(response))
        except gdelt.ArchiveError as error:
            raise Fault(str(error)) from None

    def parse_search(self, response, crawl):
        slice_key = response.meta["slice"]
        listing = crawl.extra["listings"][slice_key]
        try:
            articles = self.artlist(response)
        except Fault:
            listing["failed"] = True
            raise
        crawl.read_page()
        listing["parts"] -= 1
        if len(articles) >= gdelt.MAX_RECORDS:
            start, end = (gdelt.parse_time(response.meta[name]) for name in ("start", "end"))
            if end - start <= SMALLEST_SPLIT:
                listing["failed"] = True
                crawl.skip(f"over {gdelt.MAX_RECORDS} articles within an hour: slice left incomplete", fault=False)
                return
            middle = start + (end - start) / 2
            listing["parts"] += 2
            yield self.search(crawl, slice_key, start, middle)
            yield self.search(crawl, slice_key, middle, end)
            return
        for article in articles:
            listing["urls"][article["url"]] = gdelt.seen_at(article)
        if listing["parts"] == 0:
            yield from self.read_articles(crawl, slice_key)

    def handled(self, crawl, slice_key: str) -> set:
        """Article URLs of a slice already read, in earlier crawls or this one."""
        sets = crawl.extra.setdefault("handled", {})
        if slice_key not in sets:
            sets[slice_key] = set(crawl.extra["progress"]["slices"].get(slice_key, {}).get("handled", []))
        return sets[slice_key]

    def read_articles(self, crawl, slice_key: str):
        handled = self.handled(crawl, slice_key)
        for url in crawl.extra["listings"][slice_key]["urls"]:
            if url in handled:
                continue
            if url in self.read_ok:  # another leader's search read it in this crawl
                handled.add(url)
            elif url in self.fetched:
                continue  # still being read for another leader: left for the next crawl if it fails
            elif crawl.extra["budget"] <= 0:
                crawl.skip("over the article limit of a crawl (the next crawl goes on)", fault=False)
            else:
                crawl.extra["budget"] -= 1
                self.fetched.add(url)
                yield self.request(crawl, url, "parse_archive_article", api=False, critical=False,
                                   meta={"download_maxsize": self.max_bytes, "slice": slice_key, "article": url})

    def parse_archive_article(self, response, crawl):
        if response.status < 500 and response.status not in (408, 429):  # read, or gone for good
            self.mark_read(crawl, response.meta)
        yield from self.parse_article(response, crawl)

    def mark_read(self, crawl, meta: dict) -> None:
        self.read_ok.add(meta["article"])
        self.handled(crawl, meta["slice"]).add(meta["article"])

    def read_whole(self, crawl, slice_key: str) -> bool:
        """This crawl listed the slice completely and every article in it has been read."""
        listing = crawl.extra["listings"].get(slice_key)
        if not listing or listing["failed"] or listing["parts"]:
            return False
        return set(listing["urls"]) <= self.handled(crawl, slice_key)

    def _on_error(self, failure):
        request = failure.request
        if request.meta.get("article") and describe_failure(failure) in GONE:
            crawl = self.crawls[request.meta["source_id"]]
            self.mark_read(crawl, request.meta)
        yield from super()._on_error(failure)

    def _count_failure(self, crawl, reason: str, critical: bool) -> None:
        if critical:
            super()._count_failure(crawl, reason, critical)
        else:  # an article: an unreadable one leaves its slice open, unless it is gone for good
            crawl.skip(f"article unread: {reason}", fault=reason not in GONE)

    def slices_after(self, crawl) -> dict:
        """The progress to store: a slice read whole and settled is done for good; the others
        keep the articles read of them, for the next crawl to go on from."""
        slices = {key: dict(entry) for key, entry in crawl.extra["progress"]["slices"].items()}
        for start, end in self.slices:
            slice_key = gdelt.key(start)
            if slices.get(slice_key, {}).get("done") or slice_key not in crawl.extra["listings"]:
                continue
            if self.read_whole(crawl, slice_key) and self.now >= end + SETTLE:
                slices[slice_key] = {"done": True, "articles": len(crawl.extra["listings"][slice_key]["urls"])}
            else:
                slices[slice_key] = {"handled": sorted(self.handled(crawl, slice_key))}
        return slices
