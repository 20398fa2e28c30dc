"""crawl_watchlist's source selection, spider registry and what it hands the spiders, and the
small pure helpers the spiders use."""
import time
from datetime import datetime, timezone

import pytest

from onrecord.crawler import crawl as crawl_run
from onrecord.crawler.crawl import crawl_settings, spider_inputs
from onrecord.crawler.middlewares import seconds_until
from onrecord.crawler.sources import build_sources
from onrecord.crawler.spiders.mastodon import parse_link_header
from onrecord.crawler.text import html_to_text
from onrecord.db.connect import open_db
from onrecord.db.save import save_statements, save_watchlist, set_crawl_state
from tests.crawler.conftest import fixture_json

WATCHLIST = {
    "topic": {"id": "ice-enforcement", "name": "Fictional test topic"},
    "leaders": [
        {"id": "ada", "name": "Ada (fictional)", "accounts": [
            {"platform": "mastodon", "handle": "ada@example.social", "id": "mastodon:ada@example.social"},
            {"platform": "rss", "url": "https://fictional.example/feed.xml", "id": "rss:https://fictional.example/feed.xml"}]},
        {"id": "bo", "name": "Bo (fictional)", "accounts": [
            {"platform": "bluesky", "handle": "bo.example.org", "id": "bluesky:bo.example.org"}]},
    ],
    "news": [{"url": "https://news.fictional.example/feed.xml", "name": "Fictional News"}],
}


def ids(sources):
    return [source.id for source in sources]


def test_sources_are_filtered_by_platform_and_leader():
    assert len(build_sources(WATCHLIST)) == 4
    assert ids(build_sources(WATCHLIST, platforms={"bluesky"})) == ["bluesky:bo.example.org"]
    # --leader leaves news out unless --platform news asks for it
    assert ids(build_sources(WATCHLIST, leaders={"ada"})) == ["mastodon:ada@example.social", "rss:https://fictional.example/feed.xml"]
    assert "https://news.fictional.example/feed.xml" in ids(build_sources(WATCHLIST, platforms={"news", "rss"}, leaders={"ada"}))
    news = build_sources(WATCHLIST, platforms={"news"})[0]
    assert (news.platform, news.url, news.name) == ("news", "https://news.fictional.example/feed.xml", "Fictional News")


def test_scoped_news_and_the_archive_are_sources_too():
    watchlist = {**WATCHLIST, "news": WATCHLIST["news"] + [{"url": "https://ada.example/newsroom.xml", "leaders": ["ada"]}],
                 "archive": {"terms": ["raids", "Border Patrol"], "api": "https://archive.example/doc"}}
    sources = build_sources(watchlist)
    assert ids(sources)[-3:] == ["archive:topic", "archive:ada", "archive:bo"]
    probe, ada = sources[-3], sources[-2]
    assert (probe.leader_id, probe.query, probe.account_id) == (None, '(raids OR "Border Patrol")', None)
    assert ada.query == '"Ada (fictional)" (raids OR "Border Patrol")' and ada.url.startswith("https://archive.example/doc?query=")
    newsroom = next(source for source in sources if source.id.endswith("newsroom.xml"))
    assert newsroom.leaders == ("ada",)
    # --leader leaves news and the archive out unless --platform names them; a feed scoped to
    # someone else is left out of a --leader crawl
    assert ids(build_sources(watchlist, leaders={"bo"})) == ["bluesky:bo.example.org"]
    assert ids(build_sources(watchlist, platforms={"news", "archive"}, leaders={"bo"})) == [
        "https://news.fictional.example/feed.xml", "archive:topic", "archive:bo"]


def test_a_platform_without_its_spider_module_is_skipped_cleanly(monkeypatch, db_path):
    monkeypatch.setitem(crawl_run.SPIDERS, "news", "onrecord.crawler.spiders.not_installed_here:NewsSpider")
    assert crawl_run.load_spider("news") is None
    lines = []
    summary = crawl_run.crawl_watchlist(WATCHLIST, db_path, platforms={"news"}, echo=lines.append)
    assert (summary["sources"], summary["skipped"], summary["failed"]) == (1, 1, 0)
    assert lines == ["https://news.fictional.example/feed.xml  skipped  no spider for platform 'news' in this installation"]
    db = open_db(db_path)
    assert [r["status"] for r in db.query("SELECT status FROM crawls")] == ["failed"]
    assert db["leaders"].count == 2  # the watchlist is saved whatever is crawled


def test_register_spider_plugs_a_platform_in(monkeypatch):
    monkeypatch.setitem(crawl_run.SPIDERS, "mastodon", crawl_run.SPIDERS["mastodon"])
    crawl_run.register_spider("mastodon", "onrecord.crawler.spiders.bluesky:BlueskySpider")
    assert crawl_run.load_spider("mastodon").name == "bluesky"


def test_rate_limit_reset_values_in_every_platform_format():
    now = time.time()
    assert seconds_until("30", now) == 30
    assert seconds_until(str(int(now) + 120), now) == pytest.approx(120, abs=1)  # Bluesky / X epoch seconds
    iso = datetime.fromtimestamp(now + 60, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")  # Mastodon
    assert seconds_until(iso, now) == pytest.approx(60, abs=1)
    http_date = datetime.fromtimestamp(now + 90, timezone.utc).strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert seconds_until(http_date, now) == pytest.approx(90, abs=1)
    assert seconds_until("2026-08-01T13:55:00.000000Z", datetime(2026, 9, 1, tzinfo=timezone.utc).timestamp()) == 0
    assert seconds_until("soon") is None


def test_link_header_exactly_as_recorded():
    link = fixture_json("mastodon_account_statuses_pinned_last_page.headers.json")["headers"]["link"]
    assert set(parse_link_header(link)) == {"prev"}  # a short last page: no next
    link = fixture_json("mastodon_account_statuses_page1.headers.json")["headers"]["link"]
    assert parse_link_header(link)["next"].endswith("statuses?limit=5&max_id=117020580489281910")


def test_html_becomes_plain_text_with_paragraphs():
    assert html_to_text("<p>One &amp; two<br>three</p><p>Four</p>") == "One & two\nthree\n\nFour"
    quote = fixture_json("mastodon_status_quote.json")["content"]
    assert html_to_text(quote, drop_classes=("quote-inline",)) == "yoooooooo"
    assert html_to_text(quote).startswith("RE: http://localhost:3000/@mastodonpy_test/117020582917124092")




def test_the_spiders_get_the_stored_state_they_need_before_the_crawl(db_path):
    """Spiders never read the database: crawl_watchlist reads each source's crawl_state, the
    recent statements a deletion check compares against, and (news) the stored quotes."""
    db = open_db(db_path)
    save_watchlist(db, WATCHLIST)
    set_crawl_state(db, "mastodon:ada@example.social", native_id="42", high_water="2026-02-01T00:00:00Z")
    now = datetime.now(timezone.utc)
    recent = (now.replace(microsecond=0)).strftime("%Y-%m-%dT%H:%M:%SZ")
    save_statements(db, [
        {"id": "mastodon:example.social:1", "leader_id": "ada", "account_id": "mastodon:ada@example.social",
         "platform": "mastodon", "kind": "post", "text": "Fictional recent post", "published_at": recent},
        {"id": "mastodon:example.social:0", "leader_id": "ada", "account_id": "mastodon:ada@example.social",
         "platform": "mastodon", "kind": "post", "text": "Fictional old post", "published_at": "2020-01-01T00:00:00Z"},
        {"id": "news:abc", "leader_id": "bo", "platform": "news", "kind": "quote", "text": "Fictional quote",
         "url": "https://n.example/a", "source_url": "https://n.example/a", "context": "Bo said"},
    ])
    settings = crawl_settings()
    mastodon = crawl_run.load_spider("mastodon")
    sources = build_sources(WATCHLIST, platforms={"mastodon"})
    inputs = spider_inputs(mastodon, sources, db, settings, WATCHLIST["leaders"])
    assert inputs["states"]["mastodon:ada@example.social"]["native_id"] == "42"
    assert inputs["recent"] == {"mastodon:ada@example.social": [("mastodon:example.social:1", "post", recent)]}
    news = crawl_run.load_spider("news")
    inputs = spider_inputs(news, build_sources(WATCHLIST, platforms={"news"}), db, settings, WATCHLIST["leaders"])
    assert inputs["leaders"] == WATCHLIST["leaders"] and inputs["states"] == {}
    assert inputs["known_quotes"] == {"news:abc": ("Fictional quote", "https://n.example/a", None, "https://n.example/a", "Bo said")}
    assert "recent" not in inputs  # news checks no deletions
    rss = spider_inputs(crawl_run.load_spider("rss"), build_sources(WATCHLIST, platforms={"rss"}), db, settings, [])
    assert set(rss) == {"sources", "states"}


def test_settings_come_from_the_environments_module_then_the_overrides(monkeypatch, db_path):
    assert crawl_settings().getfloat("DOWNLOAD_DELAY") == 1.0  # production: polite
    monkeypatch.setenv("ONRECORD_CRAWL_SETTINGS", "onrecord.crawler.settings.local")
    local = crawl_settings({"DOWNLOAD_TIMEOUT": 3}, db_path=db_path)
    assert local.getfloat("DOWNLOAD_DELAY") == 0 and not local.getbool("AUTOTHROTTLE_ENABLED")
    assert local.getint("ONRECORD_MAX_PAGES") == 250  # everything else is production's
    assert local.getint("DOWNLOAD_TIMEOUT") == 3 and local["ONRECORD_DB_PATH"] == str(db_path)
