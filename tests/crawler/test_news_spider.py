"""The news spider through Scrapy, against a local replay server serving a FICTIONAL outlet's feed
and article pages (tests/data/news/README.md), into a real SQLite file. No internet."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils
import yaml

from onrecord.crawler.news_extract import NotAnArticle, extract_article, feed_links, page_kind
from onrecord.demo.replay import Reply, ReplayServer
from onrecord.crawler.spiders.news import quote_id

DATA = Path(__file__).resolve().parent.parent / "data"
NEWS = DATA / "news"
LEADERS = yaml.safe_load((DATA / "attribution" / "leaders.yml").read_text())["leaders"]

# A crawl in a subprocess: Scrapy's reactor cannot restart inside one test process.
CRAWL = """
import json, sys
from onrecord.crawler.run import run_crawl
watchlist, db, settings = json.loads(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3])
summary = run_crawl(watchlist, db, echo=lambda line: None, settings=settings)
print(json.dumps({k: v for k, v in summary.items() if k != "runs"}))
"""
FAST = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "RETRY_ENABLED": False,
        "ONRECORD_RETRY_TIMES": 0, "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
        "ONRECORD_NEWS_MAX_BYTES": 200_000, "LOG_LEVEL": "ERROR"}


def page(name: str) -> Reply:
    return Reply(body=(NEWS / name).read_bytes(), headers={"Content-Type": "text/html; charset=utf-8"})


@pytest.fixture(scope="module")
def outlet():
    with ReplayServer() as server:
        server.add("/robots.txt", Reply(status=404))
        server.add("/feed.xml", Reply(body=(NEWS / "feed.xml").read_bytes(),
                                      headers={"Content-Type": "application/rss+xml; charset=utf-8"}))
        server.add("/2026/02/okonkwo-raids.html", page("article-okonkwo.html"))
        server.add("/2026/02/lindqvist-memo.html", page("article-lindqvist.html"))
        server.add("/politics/", page("section.html"))
        server.add("/2026/02/paywalled.html", page("paywall.html"))
        server.add("/2026/02/es-redadas.html", page("spanish.html"))
        server.add("/2026/02/broken.html", page("broken.html"))
        huge = (NEWS / "article-okonkwo.html").read_text().replace(
            "</article>", "<p>" + "filler words for a very long page " * 12000 + "</p></article>")
        server.add("/2026/02/huge.html", Reply(body=huge, headers={"Content-Type": "text/html"}))
        server.add("/wire/okonkwo-raids-syndicated.html", page("wire-copy.html"))
        yield server


def crawl(server, db_path):
    watchlist = {
        "topic": {"id": "ice-enforcement", "name": "Federal immigration enforcement"},
        "leaders": LEADERS,
        "news": [{"url": server.url("/feed.xml")}, {"url": server.url("/wire/okonkwo-raids-syndicated.html")}],
    }
    result = subprocess.run([sys.executable, "-c", CRAWL, json.dumps(watchlist), str(db_path), json.dumps(FAST)],
                            capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def crawled(outlet, tmp_path_factory):
    db_path = tmp_path_factory.mktemp("news") / "onrecord.db"
    first = crawl(outlet, db_path)
    db = sqlite_utils.Database(db_path)
    before = {row["id"]: row for row in db.query("SELECT * FROM statements")}
    sources_before = list(db.query("SELECT * FROM statement_sources"))
    second = crawl(outlet, db_path)
    return {"db": db, "first": first, "second": second, "before": before, "sources_before": sources_before,
            "base": outlet.base}


def test_leader_quotes_become_statements(crawled):
    base = crawled["base"]
    rows = {row["text"]: row for row in crawled["db"].query("SELECT * FROM statements")}
    okonkwo_url, memo_url = f"{base}/2026/02/okonkwo-raids.html", f"{base}/2026/02/lindqvist-memo.html"
    wire_url = f"{base}/wire/okonkwo-raids-syndicated.html"
    expected = {
        "What happened in our neighborhoods this weekend was wrong": ("mara-okonkwo", okonkwo_url),
        "Families were separated in front of their children.": ("mara-okonkwo", okonkwo_url),
        "Lumenfold would pay legal fees for any employee detained in the operation": ("mara-okonkwo", okonkwo_url),
        "cruel and unnecessary.": ("mara-okonkwo", okonkwo_url),
        "We are not going to look away, and we are not going to be quiet about it.": ("mara-okonkwo", okonkwo_url),
        "No one who builds our robots should have to choose between their safety and their paycheck. "
        "Anyone affected by the raids will get paid leave, no questions asked.": ("tomas-lindqvist", memo_url),
    }
    assert set(rows) == set(expected)  # nothing from the engineer, the organizer, the comments
    for text, (leader_id, url) in expected.items():
        row = rows[text]
        # the first article the crawl read it in; the syndicated copy may come first
        places = {url, wire_url} if url == okonkwo_url else {url}
        assert row["leader_id"] == leader_id and row["source_url"] in places and row["url"] == row["source_url"]
        kind = "paraphrase" if text.startswith("Lumenfold would") else "quote"  # reported speech, no marks
        assert (row["platform"], row["kind"], row["lang"], row["account_id"]) == ("news", kind, "en", None)
        assert row["id"] == quote_id(leader_id, text)
        if leader_id == "mara-okonkwo":  # the attributing sentence holds the quote
            assert text.split()[0] in row["context"] and "Okonkwo" in row["context"]
    assert rows["What happened in our neighborhoods this weekend was wrong"]["published_at"] in (
        "2026-02-03T14:05:00Z", "2026-02-03T16:40:00Z")
    memo = rows[next(t for t in expected if t.startswith("No one"))]
    assert memo["published_at"] == "2026-02-04T14:30:00Z"
    assert memo["context"] == "In the memo, Lindqvist wrote:"


def test_syndicated_copy_is_the_same_statement_with_two_sources(crawled):
    db, base = crawled["db"], crawled["base"]
    statement_id = quote_id("mara-okonkwo", "What happened in our neighborhoods this weekend was wrong")
    sources = {row["source_url"]: row for row in db.query(
        "SELECT * FROM statement_sources WHERE statement_id = ?", [statement_id])}
    assert set(sources) == {f"{base}/2026/02/okonkwo-raids.html", f"{base}/wire/okonkwo-raids-syndicated.html"}
    wire = sources[f"{base}/wire/okonkwo-raids-syndicated.html"]
    assert (wire["outlet"], wire["title"], wire["published_at"]) == (
        "Harbor Wire (fictional)", "Tech chief condemns immigration raids", "2026-02-03T16:40:00Z")
    # the tracking-parameter link in the feed is the same article by its canonical URL
    assert db.execute("SELECT count(*) FROM statement_sources WHERE source_url LIKE '%utm_%'").fetchone()[0] == 0
    # every quote of the article is also in the syndicated copy
    assert db.execute("SELECT count(DISTINCT statement_id) FROM statement_sources WHERE source_url LIKE '%/wire/%'"
                      ).fetchone()[0] == 5


def test_skipped_pages_are_counted_with_reasons(crawled):
    db = crawled["db"]
    crawls = list(db.query("SELECT * FROM crawls WHERE platform = 'news' ORDER BY id"))
    assert len(crawls) == 4  # two sources, two crawls
    feed = next(row for row in crawls if row["source_url"].endswith("/feed.xml"))
    reasons = json.loads(feed["skip_reasons"])
    assert reasons["index page (mostly links)"] == 1
    assert reasons["paywall stub"] == 1
    assert reasons["not English (lang=es)"] == 1
    assert reasons["unreadable HTML (binary content)"] == 1
    assert reasons["response over size limit"] == 1
    assert reasons["HTTP 404"] == 1
    assert reasons["duplicate article (same canonical URL)"] == 1
    assert feed["status"] == "partial"  # broken, oversize and missing pages are faults
    wire = next(row for row in crawls if row["source_url"].endswith("syndicated.html"))
    assert wire["status"] == "ok" and wire["error"] is None
    assert (feed["items"], wire["items"]) == (6, 5)  # 6 quotes in the feed's articles, 5 syndicated
    assert feed["new_items"] + wire["new_items"] == 6  # the first source to store a quote has it new


def test_recrawl_changes_nothing(crawled):
    db = crawled["db"]
    after = {row["id"]: row for row in db.query("SELECT * FROM statements")}
    assert set(after) == set(crawled["before"])
    for statement_id, row in after.items():
        old = crawled["before"][statement_id]
        for key in ("text", "source_url", "context", "published_at", "first_seen_at"):
            assert row[key] == old[key]
        assert row["edited_at"] is None
    assert crawled["second"]["new_items"] == 0
    assert db.execute("SELECT count(*) FROM statement_revisions").fetchone()[0] == 0
    sources_after = list(db.query("SELECT * FROM statement_sources"))
    assert len(sources_after) == len(crawled["sources_before"]) == 11
    assert {(r["statement_id"], r["source_url"], r["first_seen_at"]) for r in sources_after} == \
        {(r["statement_id"], r["source_url"], r["first_seen_at"]) for r in crawled["sources_before"]}


def test_unchanged_feed_costs_one_304_and_no_article_requests(tmp_path):
    feed = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
            b"<item><link>{BASE}/2026/02/lindqvist-memo.html</link></item></channel></rss>")
    with ReplayServer() as server:
        server.add("/robots.txt", Reply(status=404))
        server.add("/clean.xml", Reply(body=feed, headers={"Content-Type": "application/rss+xml"}, etag='"v1"'))
        server.add("/2026/02/lindqvist-memo.html", page("article-lindqvist.html"))
        watchlist = {"topic": {"id": "t", "name": "t"}, "leaders": LEADERS, "news": [{"url": server.url("/clean.xml")}]}
        db_path = tmp_path / "onrecord.db"
        for _ in range(2):
            result = subprocess.run([sys.executable, "-c", CRAWL, json.dumps(watchlist), str(db_path), json.dumps(FAST)],
                                    capture_output=True, text=True, timeout=240)
            assert result.returncode == 0, result.stderr[-3000:]
        statuses = [r.status for r in server.requests if r.path == "/clean.xml"]
        assert statuses == [200, 304]
        assert server.count("/2026/02/lindqvist-memo.html") == 1
    db = sqlite_utils.Database(db_path)
    assert db.execute("SELECT count(*) FROM statements").fetchone()[0] == 1
    assert [r["status"] for r in db.query("SELECT status FROM crawls ORDER BY id")] == ["ok", "ok"]


# -- extraction without Scrapy --------------------------------------------------------------------

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


def test_quote_id_is_stable_across_marks_and_spacing():
    assert quote_id("mara-okonkwo", "“It was  wrong,”") == quote_id("mara-okonkwo", '"It was wrong"')
    assert quote_id("mara-okonkwo", "It was wrong") != quote_id("tomas-lindqvist", "It was wrong")
    assert quote_id("mara-okonkwo", "x").startswith("news:")
