"""News: quotes by watchlist leaders in news articles.

A `news:` source of the watchlist is a feed (RSS or Atom, whose items are followed to their
article pages) or an article page. Each article's main text is extracted with trafilatura
(crawler/news_extract.py) and every quote a leader is attributed in it (nlp/quotes.py) becomes a
statement: platform news, kind quote (their words in quote marks) or paraphrase (reported speech
without marks: the article's words, never shown as theirs), `source_url` the article, `context`
the attributing sentence(s), `published_at` the article's date.

A source may be scoped to some leaders (`news: - {url, leaders: [ids]}`: an organisation's newsroom
feed, say): then only quotes attributed to them by name are kept, and only they count as looked for.
Every article read records which watched leaders it names in full (ArticleRead), and the crawl
records the window it read: back to its oldest article (crawler/bookkeeping.py).

Ids: `news:` + a short hash of (leader id, normalised quote), so the same quote on a re-crawl, or
syndicated by several outlets, is one row; every article it appears in is a `statement_sources`
row. Articles are deduplicated by canonical URL (link rel=canonical, og:url). Pages that are not
usable articles (index pages, paywall stubs, empty bodies, other languages, broken HTML, pages
over ONRECORD_NEWS_MAX_BYTES) are skipped with a counted reason. A feed is fetched with its
last ETag / Last-Modified when the previous crawl of it was complete, so an unchanged feed costs
one 304 and no article requests.
"""
from __future__ import annotations

import dataclasses
import hashlib
import re

from onrecord.crawler.items import ArticleRead, Statement, StatementSource
from onrecord.crawler.news_extract import NotAnArticle, extract_article, feed_links, page_kind
from onrecord.crawler.spiders.base import Fault, SourceSpider

# NotAnArticle reasons that mean the page is fine but not for us: counted, yet the source is still "ok".
EXPECTED_SKIPS = ("not an article", "not English", "index page", "paywall stub", "no article body")


def quote_id(leader_id: str, quote: str) -> str:
    """Stable statement id of a news quote: the same words by the same leader are one row."""
    from onrecord.nlp.quotes import normalize_quote

    digest = hashlib.sha1(f"{leader_id}\n{normalize_quote(quote)}".encode("utf-8")).hexdigest()
    return f"news:{digest[:16]}"


class NewsSpider(SourceSpider):
    name = "news"
    platform = "news"
    reads_articles = True  # crawler/crawl.py hands in the leaders and the news quotes stored

    def __init__(self, *args, leaders=(), known_quotes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.leaders = list(leaders)  # [{"id", "name", "aliases", ...}]: whose quotes to look for
        # Stored quotes by those leaders: id -> (text, url, published_at, source_url, context),
        # read before the crawl (crawler/crawl.py).
        self.known_quotes = known_quotes or {}
        self._finder = None
        self.fetched: set[str] = set()        # article URLs requested in this crawl
        self.articles: set[str] = set()       # canonical URLs read in this crawl
        self.emitted_quotes: dict[str, Statement] = {}

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.max_articles = crawler.settings.getint("ONRECORD_NEWS_MAX_ARTICLES")
        spider.max_bytes = crawler.settings.getint("ONRECORD_NEWS_MAX_BYTES")
        return spider

    # -- quote finding --------------------------------------------------------------------------
    def finder(self):
        if self._finder is None:
            from onrecord.nlp.quotes import QuoteFinder

            self._finder = QuoteFinder(self.watched_leaders())
        return self._finder

    def watched_leaders(self) -> list[dict]:
        # The leaders recorded as monitored must be the ones the finder looked for.
        return self.leaders

    def monitored_leader_ids(self, crawl=None) -> list[str]:
        """Every watched leader, or those of the source's scope (`news: leaders:`)."""
        ids = [leader["id"] for leader in self.watched_leaders()]
        scope = crawl.source.leaders if crawl is not None else None
        return [leader_id for leader_id in ids if leader_id in scope] if scope else ids

    def scope_ids(self, run) -> list[str]:
        """Leaders whose quotes and mentions a source's articles are read for."""
        return self.monitored_leader_ids(run)

    def name_patterns(self) -> dict:
        """leader id -> a regex of their full name and multi-word aliases (a surname alone names
        too many people to count an article as naming them)."""
        if not hasattr(self, "_names"):
            self._names = {}
            for leader in self.watched_leaders():
                names = [n for n in [leader["name"], *leader.get("aliases", [])] if len(n.split()) > 1]
                if names:
                    alternatives = "|".join(re.escape(" ".join(n.split())).replace(r"\ ", r"\s+") for n in names)
                    self._names[leader["id"]] = re.compile(rf"\b(?:{alternatives})\b", re.I)
        return self._names

    def named_in(self, text: str, run) -> list[str]:
        patterns = self.name_patterns()
        return [leader_id for leader_id in self.scope_ids(run)
                if leader_id in patterns and patterns[leader_id].search(text or "")]

    # -- crawling -------------------------------------------------------------------------------
    def page_request(self, run, url, handler, headers=None, **meta):
        # Pages, not an API: robots.txt applies; oversize pages are cut off by the downloader.
        return self.request(run, url, handler, api=False, headers=headers,
                            meta={"download_maxsize": self.max_bytes, **meta})

    def begin(self, run):
        # Validators are stored only after a complete crawl (final_state), so a 304 skips nothing unread.
        yield self.page_request(run, run.source.url, "parse_source", headers=self.conditional_headers(run) or None)

    def parse_source(self, response, run):
        if response.status == 304:  # unchanged since its last complete crawl: nothing new to read
            run.unchanged()
            return
        if not 200 <= response.status < 300:
            raise Fault(f"HTTP {response.status}")
        if page_kind(response.body, self.content_type(response)) != "feed":
            run.read_page()
            yield from self.parse_article(response, run)
            return
        try:
            links = feed_links(response.body, response.url)
        except NotAnArticle as error:
            raise Fault(str(error)) from None
        run.read_page()
        run.extra["validators"] = {
            key: response.headers.get(header).decode("latin-1")
            for key, header in (("etag", "ETag"), ("last_modified", "Last-Modified"))
            if response.headers.get(header)
        }
        for url, feed_date in links[: self.max_articles]:
            if url in self.fetched:
                run.skip("duplicate article (already fetched)", fault=False)
                continue
            self.fetched.add(url)
            yield self.page_request(run, url, "parse_article", feed_date=feed_date)
        if len(links) > self.max_articles:
            run.skip("over the per-feed article limit", fault=False, count=len(links) - self.max_articles)

    def parse_article(self, response, run):
        if not 200 <= response.status < 300:
            raise Fault(f"HTTP {response.status}")
        if len(response.body) > self.max_bytes:
            raise Fault("page too large")
        content_type = self.content_type(response)
        if content_type and "html" not in content_type:
            run.skip("not an HTML page", fault=False)
            return
        try:
            article = extract_article(response.body, response.url)
        except NotAnArticle as skipped:
            reason = str(skipped)
            run.skip(reason, fault=not reason.startswith(EXPECTED_SKIPS))
            return
        if article.url in self.articles:
            run.skip("duplicate article (same canonical URL)", fault=False)
            return
        self.articles.add(article.url)
        published = article.published_at or _to_utc_or_none(response.meta.get("feed_date"))
        run.saw(published)
        run.read_back_to(published)
        yield from self.article_items(run, article, published)

    def article_items(self, run, article, published):
        """The leaders the article names, and the quotes it attributes to those in scope."""
        named = self.named_in(f"{article.title or ''}\n{article.text}", run)
        if named:
            yield ArticleRead(url=article.url, leader_ids=named, published_at=published, outlet=article.outlet,
                              title=article.title, source_id=run.source.id)
        scope = set(self.scope_ids(run))
        quotes = [quote for quote in self.finder().find(article.text) if quote.leader_id in scope]
        for outputs in self.each_item(run, quotes, lambda quote, run: self.quote_items(run, quote, article, published)):
            yield from outputs

    def quote_items(self, run, quote, article, published):
        """The statement (first article wins its fields) and this article as one of its sources."""
        statement_id = quote_id(quote.leader_id, quote.quote)
        first = self.emitted_quotes.get(statement_id)
        repeat = first is not None
        if first is None:
            stored = self.known_quotes.get(statement_id)
            if stored is not None:  # seen in an earlier crawl: refresh it, change nothing but its kind
                text, url, stored_published, source_url, context = stored
                first = Statement(id=statement_id, leader_id=quote.leader_id, account_id=None,
                                  platform="news", kind=quote.kind, text=text, url=url,
                                  published_at=stored_published, lang="en", source_url=source_url,
                                  context=context)
            else:
                # kind "quote": the leader's words in quote marks; "paraphrase": the article's
                # words reporting what they said (text is the reported clause)
                first = Statement(
                    id=statement_id, leader_id=quote.leader_id, account_id=None, platform="news",
                    kind=quote.kind, text=quote.quote, url=article.url, published_at=published, lang="en",
                    source_url=article.url, context=quote.context,
                    raw={"article": article.url, "title": article.title, "byline": article.byline,
                         "outlet": article.outlet, "pattern": quote.pattern, "kind": quote.kind},
                )
            self.emitted_quotes[statement_id] = first
        # Every source that quotes it carries the statement too, so its statement_sources rows
        # never reach the database before the statement they point to.
        yield dataclasses.replace(first, raw=None if repeat else first.raw)
        yield StatementSource(statement_id=statement_id, source_url=article.url, title=article.title,
                              outlet=article.outlet, published_at=published, context=quote.context,
                              source_id=run.source.id)

    def final_state(self, run):
        # Only a crawl that read every article of the feed may let the next one skip it; its
        # newest article is then where a "nothing new" (304) next time reads back to.
        if run.faults or run.failed or not run.extra.get("validators"):
            return None
        return {**run.extra["validators"], **({"high_water": run.newest} if run.newest else {})}


def _to_utc_or_none(value):
    from onrecord.db.times import to_utc

    try:
        return to_utc(value)
    except ValueError:
        return None
