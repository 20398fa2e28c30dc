"""The news spider: a real crawl (`onrecord crawl` in a child process, twice) of a FICTIONAL
outlet's feed and article pages (tests/data/news/README.md) served over HTTP by the replay server,
into a real SQLite file; then its parsing in process. No internet."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlite_utils
import yaml

from onrecord.crawler.launch import LOCAL, crawl_in_child
from onrecord.crawler.sources import Source
from onrecord.crawler.spiders.news import NewsSpider, quote_id
from onrecord.demo.replay import Reply, ReplayServer
from tests.crawler.offline import collect, make_response, make_spider

DATA = Path(__file__).resolve().parent.parent / "data"
NEWS = DATA / "news"
LEADERS_YAML = DATA / "attribution" / "leaders.yml"  # a watchlist: topic and FICTIONAL leaders
LEADERS = yaml.safe_load(LEADERS_YAML.read_text())["leaders"]
SETTINGS = {"RETRY_ENABLED": False, "ONRECORD_RETRY_TIMES": 0, "ONRECORD_NEWS_MAX_BYTES": 200_000}


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


def write_watchlist(path, news_urls):
    watchlist = yaml.safe_load(LEADERS_YAML.read_text())
    watchlist["news"] = [{"url": url} for url in news_urls]
    path.write_text(yaml.safe_dump(watchlist, sort_keys=False))
    return path


def crawl(watchlist, db_path):
    result = crawl_in_child(watchlist, db_path, settings=SETTINGS, settings_module=LOCAL, timeout=240)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.summary


@pytest.fixture(scope="module")
def crawled(outlet, tmp_path_factory):
    folder = tmp_path_factory.mktemp("news")
    db_path = folder / "onrecord.db"
    watchlist = write_watchlist(folder / "watchlist.yml",
                                [outlet.url("/feed.xml"), outlet.url("/wire/okonkwo-raids-syndicated.html")])
    first = crawl(watchlist, db_path)
    db = sqlite_utils.Database(db_path)
    before = {row["id"]: row for row in db.query("SELECT * FROM statements")}
    sources_before = list(db.query("SELECT * FROM statement_sources"))
    second = crawl(watchlist, db_path)
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
        # a verb of position with its object, reported speech since round 52p
        "condemned the immigration raids that swept through Riverton over the weekend": ("mara-okonkwo", okonkwo_url),
        "cruel and unnecessary.": ("mara-okonkwo", okonkwo_url),
        # the clause that carries the quoted label, as the partial-quote convention says
        'called the agency\'s tactics "cruel and unnecessary."': ("mara-okonkwo", okonkwo_url),
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
        kind = "paraphrase" if text.startswith(("Lumenfold would", "called", "condemned")) else "quote"  # reported speech
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
                      ).fetchone()[0] == 7


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
    assert (feed["items"], wire["items"]) == (8, 7)  # 8 statements in the feed's articles, 7 syndicated
    assert feed["new_items"] + wire["new_items"] == 8  # the first source to store a quote has it new


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
    assert len(sources_after) == len(crawled["sources_before"]) == 15
    assert {(r["statement_id"], r["source_url"], r["first_seen_at"]) for r in sources_after} == \
        {(r["statement_id"], r["source_url"], r["first_seen_at"]) for r in crawled["sources_before"]}


def test_unchanged_feed_costs_one_304_and_no_article_requests(replay, tmp_path, db_path):
    from onrecord.crawler.crawl import crawl_watchlist
    from onrecord.watchlist import load_watchlist
    from tests.crawler.offline import OfflineEngine

    feed = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
            b"<item><link>{BASE}/2026/02/lindqvist-memo.html</link></item></channel></rss>")
    replay.add("/robots.txt", Reply(status=404))
    replay.add("/clean.xml", Reply(body=feed, headers={"Content-Type": "application/rss+xml"}, etag='"v1"'))
    replay.add("/2026/02/lindqvist-memo.html", page("article-lindqvist.html"))
    watchlist = load_watchlist(write_watchlist(tmp_path / "watchlist.yml", [replay.url("/clean.xml")]))
    for _ in range(2):
        crawl_watchlist(watchlist, db_path, echo=lambda line: None, engine=OfflineEngine(replay))
    statuses = [r.status for r in replay.requests if r.path == "/clean.xml"]
    assert statuses == [200, 304]
    assert replay.count("/2026/02/lindqvist-memo.html") == 1
    db = sqlite_utils.Database(db_path)
    assert db.execute("SELECT count(*) FROM statements").fetchone()[0] == 1
    assert [r["status"] for r in db.query("SELECT status FROM crawls ORDER BY id")] == ["ok", "ok"]


# -- parsing, in process ----------------------------------------------------------------------------


def test_an_article_page_gives_its_leaders_quotes_and_a_known_quote_changes_nothing():
    source = Source(id="https://ledger.fictional.example/feed.xml", platform="news",
                    url="https://ledger.fictional.example/feed.xml")
    url = "https://ledger.fictional.example/2026/02/lindqvist-memo.html"
    body = (NEWS / "article-lindqvist.html").read_bytes()
    spider = make_spider(NewsSpider, sources=[source], leaders=LEADERS)
    _, items = collect(spider.parse_article(make_response(url, 200, {"Content-Type": "text/html; charset=utf-8"}, body),
                                            spider.start_crawl(source)))
    read, statement, article = items
    # the article names its leaders in full: it counts as read for them (article_mentions)
    assert (read.url, read.source_id, read.published_at) == (article.source_url, source.id, "2026-02-04T14:30:00Z")
    assert "tomas-lindqvist" in read.leader_ids
    expected = ("No one who builds our robots should have to choose between their safety and their paycheck. "
                "Anyone affected by the raids will get paid leave, no questions asked.")
    assert (statement.id, statement.leader_id, statement.text) == (quote_id("tomas-lindqvist", expected), "tomas-lindqvist", expected)
    assert (statement.kind, statement.platform, statement.source_url, statement.published_at) == (
        "quote", "news", article.source_url, "2026-02-04T14:30:00Z")
    assert statement.context == "In the memo, Lindqvist wrote:" and statement.raw["pattern"]
    assert (article.statement_id, article.source_id) == (statement.id, source.id)
    assert spider.monitored_leader_ids() == [leader["id"] for leader in LEADERS]

    # Stored by an earlier crawl: the statement is re-emitted as stored, so nothing changes.
    stored = ("the stored text", "https://elsewhere.example/a", "2026-02-01T00:00:00Z", "https://elsewhere.example/a", "ctx")
    spider = make_spider(NewsSpider, sources=[source], leaders=LEADERS, known_quotes={statement.id: stored})
    _, items = collect(spider.parse_article(make_response(url, 200, {"Content-Type": "text/html; charset=utf-8"}, body),
                                            spider.start_crawl(source)))
    again = items[1]
    assert (again.text, again.url, again.published_at, again.source_url, again.context) == stored and again.raw is None


def test_quote_id_is_stable_across_marks_and_spacing():
    assert quote_id("mara-okonkwo", "“It was  wrong,”") == quote_id("mara-okonkwo", '"It was wrong"')
    assert quote_id("mara-okonkwo", "It was wrong") != quote_id("tomas-lindqvist", "It was wrong")
    assert quote_id("mara-okonkwo", "x").startswith("news:")


def test_a_feed_scoped_to_leaders_keeps_only_their_words():
    """An organisation's newsroom (`news: leaders: [...]`): quotes of anyone else, and mentions of
    anyone else, are left out, and only its leaders count as looked for."""
    source = Source(id="https://brightwater.fictional.example/newsroom.xml", platform="news",
                    url="https://brightwater.fictional.example/newsroom.xml", leaders=("tomas-lindqvist",))
    spider = make_spider(NewsSpider, sources=[source], leaders=LEADERS)
    run = spider.start_crawl(source)
    body = (NEWS / "article-okonkwo.html").read_bytes()  # quotes Mara Okonkwo only
    _, items = collect(spider.parse_article(make_response("https://brightwater.fictional.example/a.html", 200,
                                                          {"Content-Type": "text/html; charset=utf-8"}, body), run))
    assert items == [] and spider.monitored_leader_ids(run) == ["tomas-lindqvist"]
    body = (NEWS / "article-lindqvist.html").read_bytes()
    _, items = collect(spider.parse_article(make_response("https://brightwater.fictional.example/b.html", 200,
                                                          {"Content-Type": "text/html; charset=utf-8"}, body), run))
    assert {item.leader_id for item in items if hasattr(item, "leader_id")} == {"tomas-lindqvist"}
    assert [item.leader_ids for item in items if hasattr(item, "leader_ids")] == [["tomas-lindqvist"]]
