"""A fake GDELT DOC 2.0 API (the news archive) and the fictional article pages it points to.

It answers in GDELT's real format, as crawler/gdelt.py documents it (taken from GDELT's own
announcement, https://blog.gdeltproject.org/gdelt-doc-2-0-api-debuts/, and the MIT-licensed client
github.com/alex9smith/gdelt-doc-api: gdeltdoc/api_client.py, filters.py and helpers.py, with the
429 text from its issue #68): `mode=artlist&format=json` gives `{"articles": [{"url",
"url_mobile", "title", "seendate": "YYYYMMDDTHHMMSSZ", "socialimage", "domain", "language",
"sourcecountry"}]}` or `{}` when nothing matched, oldest first with `sort=dateasc`, at most
`maxrecords` (<= 250) between `startdatetime` and `enddatetime`; a query it cannot run is a
one-line text/html message with HTTP 200; too many requests get HTTP 429 with a text body.

Like the real one, it searches a rolling window only: articles seen before `covers_from` are not
returned. Every person, outlet and article here is FICTIONAL.

    archive = GdeltArchive(server, covers_from=now - timedelta(days=90), terms=["raids", "ICE"])
    archive.add_topic_days(now - timedelta(days=90), now)      # topic articles naming nobody
    archive.add_article("/wire/2026/sato.html", seen, names=["Hana Sato"], page=article_page(...))
    archive.throttle(2)                                        # the next two requests get 429
    archive.fail_query('"Ann Li"', "The specified phrase is too short.")
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from onrecord.demo.replay import Reply, ReplayServer

PATH = "/api/v2/doc/doc"
GDELT_TIME = "%Y%m%d%H%M%S"
SEENDATE = "%Y%m%dT%H%M%SZ"
TOO_MANY = "Please limit requests to one every 5 seconds."


@dataclass
class ArchivedArticle:
    url: str  # path on the replay server, or a full URL
    seen: datetime
    title: str
    names: list = field(default_factory=list)  # the people it names (a leader search finds it by these)
    topic: bool = True  # it uses the topic's terms


class GdeltArchive:
    def __init__(self, server: ReplayServer, covers_from: datetime, terms, path: str = PATH,
                 domain: str = "wire.fictional.example"):
        self.server, self.covers_from, self.path, self.domain = server, covers_from, path, domain
        self.terms = [term.lower() for term in terms]
        self.articles: list[ArchivedArticle] = []
        self.errors: dict[str, str] = {}  # a query fragment -> GDELT's one-line error for it
        self.throttled = 0
        self.raw: dict[str, bytes] = {}  # a query fragment -> exact bytes to answer (broken JSON)
        server.add(path, self._serve)

    # -- content ---------------------------------------------------------------------------------
    def add_article(self, path: str, seen: datetime, names=(), topic: bool = True, title: str | None = None,
                    page: str | None = None) -> ArchivedArticle:
        article = ArchivedArticle(path, seen, title or f"Fictional wire story {len(self.articles) + 1}", list(names), topic)
        self.articles.append(article)
        if page is not None:
            self.server.add(path, Reply(body=page, headers={"Content-Type": "text/html; charset=utf-8"}))
        return article

    def add_topic_days(self, start: datetime, end: datetime, per_day: int = 2) -> None:
        """Topic articles that name no leader, through the window: what the probe finds."""
        moment = start
        while moment < end:
            for n in range(per_day):
                self.add_article(f"/wire/topic/{moment:%Y%m%d}-{n}.html", moment + timedelta(hours=1 + 10 * n))
            moment += timedelta(days=1)

    def throttle(self, requests: int) -> None:
        self.throttled = requests

    def fail_query(self, fragment: str, message: str) -> None:
        self.errors[fragment] = message

    # -- the API ---------------------------------------------------------------------------------
    def _serve(self, request) -> Reply:
        if self.throttled > 0:
            self.throttled -= 1
            return Reply(status=429, body=TOO_MANY, headers={"Content-Type": "text/plain"})
        query = request.arg("query") or ""
        for fragment, message in self.errors.items():
            if fragment in query:
                return self._error(message)
        for fragment, body in self.raw.items():
            if fragment in query:
                return Reply(body=body, headers={"Content-Type": "application/json; charset=utf-8"})
        if request.arg("mode", "").lower() != "artlist" or request.arg("format", "").lower() != "json":
            return self._error("Invalid mode or format.")
        try:
            start = _time(request.arg("startdatetime"))
            end = _time(request.arg("enddatetime"))
            records = int(request.arg("maxrecords", "75"))
        except (TypeError, ValueError):
            return self._error("Invalid date or maxrecords.")
        if not 1 <= records <= 250:
            return self._error("The maximum number of records is 250.")
        if not re.search(r"\w", query):
            return self._error("The specified phrase is too short.")
        names = [name for name in re.findall(r'"([^"]+)"', query) if name.lower() not in self.terms]
        found = sorted((a for a in self.articles if self._matches(a, names)
                        and max(start, self.covers_from) <= a.seen < end), key=lambda a: a.seen)
        if request.arg("sort", "").lower() == "datedesc":
            found.reverse()
        found = found[:records]
        if not found:
            return Reply(body=b"{}", headers={"Content-Type": "application/json; charset=utf-8"})
        body = {"articles": [self._json(article, request.base) for article in found]}
        return Reply(body=json.dumps(body).encode(), headers={"Content-Type": "application/json; charset=utf-8"})

    def _matches(self, article: ArchivedArticle, names: list[str]) -> bool:
        if not article.topic:
            return False
        if not names:  # the probe: the topic's terms alone
            return True
        return any(name.lower() == named.lower() for name in names for named in article.names)

    def _json(self, article: ArchivedArticle, base: str) -> dict:
        url = article.url if "://" in article.url else base + article.url
        return {"url": url, "url_mobile": "", "title": article.title, "seendate": article.seen.strftime(SEENDATE),
                "socialimage": "", "domain": self.domain, "language": "English", "sourcecountry": "United States"}

    @staticmethod
    def _error(message: str) -> Reply:
        return Reply(body=f"{message}\n", headers={"Content-Type": "text/html; charset=utf-8"})


def _time(value: str | None) -> datetime:
    return datetime.strptime(value or "", GDELT_TIME).replace(tzinfo=timezone.utc)


def article_page(title: str, paragraphs: list[str], published: datetime, outlet: str = "The Wire (fictional)",
                 author: str = "Sam Reporter") -> str:
    """A FICTIONAL news article page in the markup real outlets use (headline, byline, Open Graph
    and JSON-LD dates), for the archive's search results to point to."""
    stamp = published.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    title_html = html.escape(title)
    body = "".join(f"<p>{html.escape(text)}</p>" for text in paragraphs)
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                     "datePublished": stamp, "author": {"@type": "Person", "name": author},
                     "publisher": {"@type": "Organization", "name": outlet}})
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title_html} | {html.escape(outlet)}</title>'
            f'<meta property="og:type" content="article"><meta property="og:title" content="{title_html}">'
            f'<meta property="og:site_name" content="{html.escape(outlet)}">'
            f'<meta property="article:published_time" content="{stamp}"><meta name="author" content="{html.escape(author)}">'
            f'<script type="application/ld+json">{ld}</script></head><body>'
            f'<header><a href="/">{html.escape(outlet)}</a><nav><a href="/news/">News</a></nav></header>'
            f'<main><article><h1>{title_html}</h1><div class="byline">By {html.escape(author)} '
            f'<time datetime="{stamp}">{stamp}</time></div><div class="story-body">{body}</div></article></main>'
            f'<footer><p>A fictional outlet, made up for onrecord. Every person named is fictional.</p></footer>'
            f'</body></html>')
