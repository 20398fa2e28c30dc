"""News pages: tell feeds from articles, and pull an article's main text and metadata.

    kind = page_kind(body, content_type)          # "feed" or "html"
    links = feed_links(body, base_url)            # [(url, published)] from RSS 2.0 / RSS 1.0 / Atom
    article = extract_article(html, url)          # Article, or raises NotAnArticle(reason)

The main text comes from trafilatura (navigation, asides, related-story boxes and comments are
left out); paragraphs are joined with blank lines and blockquotes are marked "> ", the input
`nlp.quotes.QuoteFinder` expects. Every page that is not a usable English article raises
`NotAnArticle` with a short reason the spider counts.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin, urlsplit

from onrecord.sanitize import safe_url

MIN_WORDS = 80          # below this a page is a teaser, a stub or empty
MAX_LINK_SHARE = 0.5    # more of the page's words in links than this: an index page
MIN_ENGLISH_SHARE = 0.12  # share of words that are common English function words

_ENGLISH = frozenset("""
the of and to a in is that it for on was with as he she at by this be are from have has had
not or but an they we his her their its were been which who will would said say says
""".split())
_PAYWALL = re.compile(
    r"subscribe (now )?to (continue|keep) reading|subscribers only|already a subscriber|"
    r"to continue reading,? (please )?(subscribe|log in|sign in)|this (article|story) is for subscribers",
    re.I,
)
_ARTICLE_TYPES = {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
                  "blogposting", "opinionnewsarticle", "backgroundnewsarticle", "report"}


class NotAnArticle(Exception):
    """The page is not a usable article; the message is the counted skip reason."""


@dataclass
class Article:
    url: str                 # the canonical URL (link rel=canonical, og:url, else the fetched URL)
    title: str | None
    text: str                # paragraphs separated by blank lines; blockquotes start with "> "
    published_at: str | None  # ISO 8601 UTC, or None when the page gives no date
    byline: str | None
    outlet: str | None
    lang: str = "en"


def page_kind(body: bytes, content_type: str = "") -> str:
    """"feed" for RSS/Atom, else "html"."""
    content_type = content_type.lower()
    if any(k in content_type for k in ("rss", "atom")):
        return "feed"
    head = body[:2048].lstrip().lower()
    if (b"xml" in content_type.encode() or head.startswith(b"<?xml")) and \
            any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
        return "feed"
    return "html"


def feed_links(body: bytes, base_url: str) -> list[tuple[str, str | None]]:
    """Item links of an RSS 2.0, RSS 1.0 or Atom feed, in feed order, with their dates."""
    from lxml import etree

    try:
        root = etree.fromstring(body, parser=etree.XMLParser(recover=True, resolve_entities=False,
                                                             no_network=True))
    except etree.XMLSyntaxError:
        root = None
    if root is None:
        raise NotAnArticle("unreadable feed")
    links, seen = [], set()
    for item in root.iter():
        if not isinstance(item.tag, str) or _local(item.tag) not in ("item", "entry"):
            continue
        url, date = None, None
        for child in item:
            if not isinstance(child.tag, str):
                continue
            name = _local(child.tag)
            if name == "link":
                href = child.get("href")
                if href and child.get("rel", "alternate") == "alternate":
                    url = url or href
                elif not href and (child.text or "").strip():
                    url = url or child.text.strip()
            elif name in ("pubdate", "published", "updated", "date") and (child.text or "").strip():
                date = date or child.text.strip()
        if not url:
            guid = next((c for c in item if isinstance(c.tag, str) and _local(c.tag) == "guid"
                         and c.get("isPermaLink", "true") != "false"), None)
            url = guid.text.strip() if guid is not None and guid.text else None
        if url:
            try:
                url = safe_url(urldefrag(urljoin(base_url, url))[0])
            except ValueError:  # e.g. an unclosed IPv6 bracket: this item only
                url = None
            if url and url not in seen:
                seen.add(url)
                links.append((url, date))
    return links


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def extract_article(html: bytes | str, url: str) -> Article:
    """The article on an HTML page, or NotAnArticle naming why the page is skipped."""
    import trafilatura
    from lxml import html as lxml_html

    tree = _parse(html)
    meta = _metadata(tree, url)
    if meta["og_type"] and meta["og_type"] not in _ARTICLE_TYPES and not meta["ld_article"]:
        raise NotAnArticle(f"not an article page (og:type {meta['og_type']})")
    if meta["lang"] and not meta["lang"].lower().startswith("en"):
        raise NotAnArticle(f"not English (lang={meta['lang']})")
    if _link_share(tree) > MAX_LINK_SHARE:
        raise NotAnArticle("index page (mostly links)")

    html_text = lxml_html.tostring(tree, encoding="unicode")
    for precise in (True, False):  # precision first; a page it strips bare gets a second look
        document = trafilatura.bare_extraction(
            html_text, url=url, with_metadata=True, include_comments=False, include_tables=False,
            favor_precision=precise,
        )
        paragraphs = _paragraphs(document.body) if document is not None and document.body is not None else []
        text = "\n\n".join(paragraphs)
        words = text.split()
        if len(words) >= MIN_WORDS:
            break
    if meta["paywalled"] or _PAYWALL.search(text):
        if len(words) < 3 * MIN_WORDS:
            raise NotAnArticle("paywall stub")
    if len(words) < MIN_WORDS:
        raise NotAnArticle("no article body (empty or too short)")
    if _english_share(words) < MIN_ENGLISH_SHARE:
        raise NotAnArticle("not English (by its words)")
    title = meta["title"] or (document.title if document is not None else None)
    return Article(
        url=meta["canonical"] or url,
        title=" ".join(title.split()) if title else None,
        text=text,
        published_at=_published(meta, document),
        byline=meta["author"] or (document.author if document is not None else None),
        outlet=meta["site_name"] or (document.sitename if document is not None else None)
        or urlsplit(meta["canonical"] or url).hostname,
    )


def _parse(html):
    from lxml import etree
    from lxml import html as lxml_html

    if isinstance(html, bytes):
        if b"\x00" in html[:4096]:
            raise NotAnArticle("unreadable HTML (binary content)")
        html = html.decode("utf-8", errors="replace")
    if not html.strip() or "<" not in html:
        raise NotAnArticle("unreadable HTML (no markup)")
    try:
        tree = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError) as error:
        raise NotAnArticle(f"unreadable HTML ({error.__class__.__name__})") from None
    if tree is None or tree.find("body") is None:
        raise NotAnArticle("unreadable HTML (no body)")
    return tree


def _metadata(tree, url: str) -> dict:
    def meta(*names):
        for name in names:
            for attr in ("property", "name", "itemprop"):
                found = tree.xpath(f'//meta[@{attr}="{name}"]/@content')
                if found and found[0].strip():
                    return found[0].strip()
        return None

    canonical, og_url = None, meta("og:url")
    for href in tree.xpath('//link[@rel="canonical"]/@href') + ([og_url] if og_url else []):
        try:
            candidate = safe_url(urldefrag(urljoin(url, href.strip()))[0])
        except ValueError:
            candidate = None
        if candidate:
            canonical = candidate
            break
    ld = _json_ld(tree)
    ld_article = next((item for item in ld if _ld_types(item) & _ARTICLE_TYPES), None)
    lang = (tree.get("lang") or tree.get("xml:lang") or meta("og:locale") or "").strip()
    return {
        "canonical": canonical,
        "title": meta("og:title", "twitter:title") or (ld_article or {}).get("headline"),
        "og_type": (meta("og:type") or "").lower() or None,
        "ld_article": ld_article is not None,
        "paywalled": bool(ld_article) and str(ld_article.get("isAccessibleForFree", "true")).lower() == "false",
        "published": meta("article:published_time", "datePublished", "pubdate", "date")
        or (ld_article or {}).get("datePublished")
        or next(iter(tree.xpath("//article//time/@datetime | //time[@pubdate]/@datetime")), None),
        "author": meta("author", "article:author") or _ld_author(ld_article),
        "site_name": meta("og:site_name", "application-name") or _ld_publisher(ld_article),
        "lang": lang.replace("_", "-"),
    }


def _json_ld(tree) -> list[dict]:
    items = []
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        for item in stack:
            if isinstance(item, dict):
                items.append(item)
                items.extend(i for i in item.get("@graph", []) if isinstance(i, dict))
    return items


def _ld_types(item: dict) -> set[str]:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds if k}


def _ld_author(item) -> str | None:
    author = (item or {}).get("author")
    if isinstance(author, list):
        author = author[0] if author else None
    if isinstance(author, dict):
        return author.get("name")
    return author if isinstance(author, str) else None


def _ld_publisher(item) -> str | None:
    publisher = (item or {}).get("publisher")
    return publisher.get("name") if isinstance(publisher, dict) else None


def _link_share(tree) -> float:
    """Share of the page's words (outside nav, header, footer, aside) that sit inside links."""
    body = tree.find("body")
    total = linked = 0
    for element in body.iter():
        if not isinstance(element.tag, str):
            continue
        if any(a.tag in ("nav", "header", "footer", "aside", "script", "style") for a in element.iterancestors()) \
                or element.tag in ("nav", "header", "footer", "aside", "script", "style"):
            continue
        count = len((element.text or "").split())
        total += count
        if element.tag == "a" or any(a.tag == "a" for a in element.iterancestors()):
            linked += count
        total += len((element.tail or "").split())
    return linked / total if total else 1.0


def _paragraphs(body) -> list[str]:
    """Paragraph texts from trafilatura's XML body; blockquotes as "> " paragraphs."""
    out = []
    for element in body:
        tag = element.tag
        if tag == "head":
            continue  # headings and cross-heads are not sentences anyone said
        if tag == "quote":
            inner = [p for p in element.iter("p")] or [element]
            lines = ["> " + text for text in (" ".join("".join(p.itertext()).split()) for p in inner) if text]
            # an embedded post's byline sits outside its <p>: "— Name (@handle) February 3, 2026"
            loose = " ".join(" ".join(filter(None, [element.text, *(c.tail for c in element)])).split())
            if lines and inner[0] is not element and loose[:1] in ("—", "–"):
                lines[-1] += " " + loose
            out.extend(lines)
            continue
        if tag == "list":
            for item in element.iter("item"):
                text = " ".join("".join(item.itertext()).split())
                if text:
                    out.append(text)
            continue
        text = " ".join("".join(element.itertext()).split())
        if text:
            out.append(text)
    return out


def _english_share(words: list[str]) -> float:
    sample = [w.strip(".,;:!?\"'“”‘’()").lower() for w in words[:600]]
    return sum(w in _ENGLISH for w in sample) / len(sample) if sample else 0.0


def _published(meta: dict, document) -> str | None:
    from onrecord.db.times import to_utc

    for value in (meta["published"], getattr(document, "date", None)):
        if value:
            try:
                return to_utc(value)
            except ValueError:
                continue
    return None
