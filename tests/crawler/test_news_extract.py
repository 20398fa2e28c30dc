"""Article extraction and feed reading (crawler/news_extract.py), without Scrapy, on a FICTIONAL
outlet's pages (tests/data/news/README.md)."""
from pathlib import Path

import pytest

from onrecord.crawler.news_extract import NotAnArticle, extract_article, feed_links, page_kind

NEWS = Path(__file__).resolve().parent.parent / "data" / "news"


def test_extraction_keeps_the_story_and_drops_the_rest():
    article = extract_article((NEWS / "article-okonkwo.html").read_bytes(), "http://example.test/x?utm=1")
    assert article.url == "{BASE}/2026/02/okonkwo-raids.html" or article.url.endswith("/2026/02/okonkwo-raids.html")
    assert "Mara Okonkwo on Tuesday condemned" in article.text
    for chrome in ("You may also like", "Share on Facebook", "cookies", "should resign", "newsletter",
                   "Read more", "Politics"):
        assert chrome not in article.text
    assert (article.byline, article.outlet) == ("Jordan Vale", "The Riverton Ledger (fictional)")


def test_blockquotes_are_marked():
    article = extract_article((NEWS / "article-lindqvist.html").read_bytes(), "http://example.test/m")
    assert "\n\n> No one who builds our robots" in article.text


@pytest.mark.parametrize("body,reason", [
    (b"", "unreadable HTML"),
    (b"just some text, no markup", "unreadable HTML"),
    (b"<html><body><p>Short.</p></body></html>", "no article body"),
    (b"<html><head><meta property='og:type' content='website'></head><body><p>Home</p></body></html>",
     "not an article page"),
])
def test_non_articles_raise_a_reason(body, reason):
    with pytest.raises(NotAnArticle, match=reason):
        extract_article(body, "http://example.test/")


def test_embedded_post_keeps_its_byline():
    article = extract_article((NEWS / "article-embed.html").read_bytes(), "http://example.test/e")
    assert ("\n\n> What happened in Riverton this weekend was wrong. Families were separated in front of "
            "their children. pic.twitter.com/x — Mara Okonkwo (@maraokonkwo) February 3, 2026\n\n") in article.text


def test_other_languages_are_caught_by_their_words_too():
    page = (NEWS / "spanish.html").read_bytes().replace(b'<html lang="es">', b"<html>")
    with pytest.raises(NotAnArticle, match="not English"):
        extract_article(page, "http://example.test/es")


def test_atom_feed_links():
    atom = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
      <entry><title>A</title><link rel="alternate" href="/a.html"/><published>2026-02-01T10:00:00Z</published></entry>
      <entry><title>B</title><link href="https://other.test/b.html"/><link rel="enclosure" href="/b.mp3"/></entry>
    </feed>"""
    assert page_kind(atom, "application/xml") == "feed"
    assert feed_links(atom, "https://site.test/feed") == [
        ("https://site.test/a.html", "2026-02-01T10:00:00Z"), ("https://other.test/b.html", None)]
