"""run_crawl's source selection and spider registry, and the small pure helpers the spiders use."""
import time
from datetime import datetime, timezone

import pytest

from onrecord.crawler import run as crawl_run
from onrecord.crawler.items import Statement
from onrecord.crawler.middlewares import seconds_until
from onrecord.crawler.pipelines import ValidationPipeline
from onrecord.crawler.spiders.mastodon import parse_link_header
from onrecord.crawler.text import html_to_text
from onrecord.db.connect import open_db
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
    assert len(crawl_run.build_sources(WATCHLIST)) == 4
    assert ids(crawl_run.build_sources(WATCHLIST, platforms={"bluesky"})) == ["bluesky:bo.example.org"]
    # --leader leaves news out unless --platform news asks for it
    assert ids(crawl_run.build_sources(WATCHLIST, leaders={"ada"})) == ["mastodon:ada@example.social", "rss:https://fictional.example/feed.xml"]
    assert "https://news.fictional.example/feed.xml" in ids(crawl_run.build_sources(WATCHLIST, platforms={"news", "rss"}, leaders={"ada"}))
    news = crawl_run.build_sources(WATCHLIST, platforms={"news"})[0]
    assert (news.platform, news.url, news.name) == ("news", "https://news.fictional.example/feed.xml", "Fictional News")


def test_a_platform_without_its_spider_module_is_skipped_cleanly(monkeypatch, db_path):
    monkeypatch.setitem(crawl_run.SPIDERS, "news", "onrecord.crawler.spiders.not_installed_here:NewsSpider")
    assert crawl_run.load_spider("news") is None
    lines = []
    summary = crawl_run.run_crawl(WATCHLIST, db_path, platforms={"news"}, echo=lines.append)
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


@pytest.mark.parametrize("change, reason", [
    ({"kind": "boost"}, "unknown kind"),
    ({"platform": "myspace"}, "unknown platform"),
    ({"id": "bluesky:1"}, "id does not start with its platform"),
    ({"published_at": "yesterday-ish"}, "unreadable published_at"),
    ({"text": "  "}, "no text"),
])
def test_validation_names_what_is_wrong(change, reason):
    item = Statement(id="mastodon:example.social:1", leader_id="ada", account_id="mastodon:ada@example.social",
                     platform="mastodon", kind="post", text="Fictional text", published_at="2026-02-01T10:00:00.000Z")
    assert ValidationPipeline.problem(item) == (None, False)
    assert item.published_at == "2026-02-01T10:00:00Z"  # normalised on the way
    for key, value in change.items():
        setattr(item, key, value)
    problem, fault = ValidationPipeline.problem(item)
    assert reason in problem and fault == (reason != "no text")
