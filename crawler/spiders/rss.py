"""RSS / Atom: any feed a leader writes (blog, newsletter, newsroom). One conditional GET per
crawl (ETag / Last-Modified from crawl_state, so an unchanged feed costs a 304 and nothing
else); robots.txt is obeyed. Entries are deduplicated by guid (else link); text is the title
plus the entry's content as plain text. Feedparser copes with encodings and most malformed XML;
a feed it cannot read at all is skipped with the reason.
"""
from __future__ import annotations

import calendar
import json
from datetime import datetime, timezone

from onrecord.crawler.items import Statement
from onrecord.crawler.spiders.base import Fault, SourceFailed, SourceSpider
from onrecord.crawler.text import html_to_text
from onrecord.db.times import FORMAT
from onrecord.vocabulary import RSS

FEED_TYPES = ("xml", "rss", "atom", "rdf")


def _time(struct) -> str | None:
    if not struct:
        return None
    return datetime.fromtimestamp(calendar.timegm(struct), timezone.utc).strftime(FORMAT)


def entry_text(entry) -> str:
    """Title, then the fullest body the entry carries, as plain text."""
    title = html_to_text(entry.get("title") or "")
    body = ""
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        body = html_to_text(value) if "html" in (content.get("type") or "html") else value.strip()
        if body:
            break
    if not body:
        body = html_to_text(entry.get("summary") or entry.get("description") or "")
    if title and body and not body.startswith(title.rstrip(". …")):
        return f"{title}\n\n{body}"
    return body or title


class RssSpider(SourceSpider):
    name = RSS

    def begin(self, crawl):
        headers = {"Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1",
                   **self.conditional_headers(crawl)}
        yield self.request(crawl, crawl.source.url, "parse_feed", api=False, headers=headers)

    def parse_feed(self, response, crawl):
        import feedparser

        if response.status == 304:
            crawl.complete = True
            crawl.unchanged()
            return
        if response.status in (404, 410):
            raise SourceFailed(f"feed not found (HTTP {response.status})")
        if not 200 <= response.status < 300:
            raise Fault(f"HTTP {response.status}")
        content_type = self.content_type(response)
        parsed = feedparser.parse(
            response.body,
            response_headers={"content-type": content_type or "application/xml", "content-location": response.url},
            # The text is reduced to plain text (crawler.text) anyway: sanitising HTML first is wasted.
            sanitize_html=False,
            resolve_relative_uris=False,
        )
        if not parsed.entries:
            if isinstance(parsed.get("bozo_exception"), feedparser.NonXMLContentType) or "html" in content_type:
                raise Fault(f"not a feed ({content_type.split(';')[0] or 'no content type'})")
            if parsed.bozo:
                raise Fault(f"malformed feed ({type(parsed.bozo_exception).__name__})")
            if not parsed.version:
                raise Fault(f"not a feed ({content_type.split(';')[0] or 'no content type'})")
        elif parsed.bozo and not isinstance(parsed.bozo_exception, feedparser.CharacterEncodingOverride):
            # feedparser recovered entries from a broken document: keep them, note it.
            crawl.skip(f"feed not well-formed, read leniently ({type(parsed.bozo_exception).__name__})", fault=False)
        elif parsed.bozo:
            crawl.skip(f"feed encoding mis-declared, read as {parsed.encoding}", fault=False)
        language = parsed.feed.get("language")
        seen = set()
        statements = list(self.each_item(crawl, parsed.entries,
                                         lambda entry, crawl: self.entry_statement(entry, crawl, seen, language)))
        yield from statements
        # A feed lists a blog's newest entries: reading it reads the blog back to its oldest one.
        crawl.read_page(min((s.published_at for s in statements if s.published_at), default=None))
        crawl.complete = True
        etag = response.headers.get("ETag")
        last_modified = response.headers.get("Last-Modified")
        crawl.extra["validators"] = {
            "etag": etag.decode("latin-1") if etag else None,
            "last_modified": last_modified.decode("latin-1") if last_modified else None,
        }

    def entry_statement(self, entry, crawl, seen: set, language) -> Statement | None:
        """One feed entry as a statement; None for a repeat (raises on one of the wrong shape)."""
        native = entry.get("id") or entry.get("link")
        if not native:
            raise Fault("entry without guid or link")
        if native in seen:
            crawl.skip("duplicate entry in feed", fault=False)
            return None
        seen.add(native)
        # Looked up only when present: feedparser answers a missing updated_parsed with
        # published_parsed, and a deprecation warning.
        updated = _time(entry["updated_parsed"]) if "updated_parsed" in entry.keys() else None
        published = _time(entry.get("published_parsed")) or updated
        statement_id = f"rss:{native}" if "://" in native or native.startswith(("tag:", "urn:")) else f"rss:{crawl.source.url}#{native}"
        statement = Statement(
            id=statement_id,
            leader_id=crawl.source.leader_id,
            account_id=crawl.source.id,
            platform=RSS,
            kind="post",
            text=entry_text(entry),
            url=entry.get("link"),
            published_at=published,
            edited_at=updated if updated and published and updated > published else None,
            lang=(entry.get("language") or language or None),
            raw=json.dumps(entry, default=str, ensure_ascii=False),
        )
        crawl.saw(published)
        crawl.seen.add(statement_id)
        return statement

    def final_state(self, crawl):
        state = super().final_state(crawl) or {}
        if crawl.complete and "validators" in crawl.extra and not crawl.faults:
            state.update(crawl.extra["validators"])
        return state or None
