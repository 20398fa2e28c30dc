"""Fault class 1: an item of the wrong shape in a page (a number where text belongs, a bad date, a
null, a missing key) is skipped and counted with its reason; the rest of the page is kept.

Each platform's page is a real recorded one (tests/fixtures) or one of the fake platforms' (demo/
sites), with bad items made from a real item by changing one field. The whole crawl runs through
the real spiders and pipelines into a real SQLite file (tests/crawler/offline.py)."""
import json
import re

from onrecord.demo.replay import Reply
from onrecord.demo.sites import BlueskyAppView, XApi, make_posts
from tests.faults.conftest import FIXTURES, recorded, variant

MASTODON_STATUSES = "/api/v1/accounts/117020565966271181/statuses"


def skip_reasons(db, source):
    return json.loads(db.value("SELECT skip_reasons FROM crawls WHERE coalesce(account_id, source_url) = ?", [source]))


def test_mastodon_bad_statuses_are_skipped_and_the_rest_of_the_page_kept(replay, crawl_offline, db):
    page = recorded("mastodon_account_statuses_page1.json")
    good = page[0]
    bad = [
        None,                                                     # a null
        7,                                                        # not an object
        {k: v for k, v in good.items() if k != "id"},             # a missing key
        variant(good, id="9001", content=12345),                  # a number where text belongs
        variant(good, id="9002", created_at="last Tuesday"),      # a bad date
        variant(good, id="9003", reblog="not a status"),          # a string where an object belongs
        variant(good, id="9004", language=["en"]),                # a list where text belongs
        variant(good, id="9005", account=None, reblog={"content": "<p>x</p>", "account": 3}),
    ]
    mixed = [bad[0], page[0], bad[1], bad[2], page[1], bad[3], bad[4], page[2], bad[5], page[3], bad[6], bad[7], page[4]]
    replay.add("/api/v1/accounts/lookup", Reply.fixture("mastodon_account_lookup", FIXTURES))
    replay.add(MASTODON_STATUSES, Reply.json(mixed))
    account = "mastodon:mastodonpy_test@localhost.test"

    result = crawl_offline([{"platform": "mastodon", "handle": "mastodonpy_test@localhost.test", "api": replay.base}])

    stored = {row["id"].rsplit(":", 1)[1] for row in db.rows("SELECT id FROM statements")}
    assert stored == {status["id"] for status in page}  # every good status of the page, nothing else
    assert skip_reasons(db, account) == {
        "invalid item: not a status": 3,
        "invalid item: a field of the wrong type": 3,
        "invalid item: unreadable date": 1,
        "invalid item: lang is not a string": 1,
    }
    assert result.rows[0]["status"] == "partial" and result.rows[0]["new_items"] == 5
    assert result.line(account).startswith(f"{account}  partial  5 new / 5 seen; skipped 8 (")


def test_bluesky_bad_feed_items_are_skipped_and_the_rest_of_the_page_kept(replay, crawl_offline, db):
    appview = BlueskyAppView(replay)
    actor = appview.add_actor("ada.fictional.example", make_posts(4, seed=3))
    feed = json.loads(replay.respond("GET", f"/xrpc/app.bsky.feed.getAuthorFeed?actor={actor.did}&limit=100", {})[2])
    good = next(item for item in feed["feed"] if not item.get("reason"))
    bad = [
        None,
        {"post": "not a post"},
        variant(good, post__record__text=42),                     # a number where text belongs
        variant(good, post__record=["not", "a", "record"]),       # a list where an object belongs
        variant(good, reason="a string"),                         # a string where an object belongs
    ]
    late = variant(good, post__uri=good["post"]["uri"] + "late", post__record__createdAt="the day after")
    replay.add("/xrpc/app.bsky.feed.getAuthorFeed", Reply.json({"feed": bad[:3] + feed["feed"] + bad[3:] + [late]}))

    result = crawl_offline([{"platform": "bluesky", "handle": actor.handle, "api": replay.base}])

    rows = {row["id"]: row for row in db.rows("SELECT id, published_at FROM statements")}
    assert len(rows) == len(feed["feed"]) + 1  # the whole page, and the late one
    # a bad client-supplied createdAt is no reason to lose a post: the AppView's indexedAt dates it
    assert rows[f"bluesky:{late['post']['uri']}"]["published_at"][:10] == late["post"]["indexedAt"][:10]
    assert skip_reasons(db, f"bluesky:{actor.handle}") == {
        "invalid item: not a feed post": 2,
        "invalid item: a field of the wrong type": 2,
        "invalid item: text is not a string": 1,
    }
    assert result.rows[0]["status"] == "partial"


def test_x_bad_tweets_are_skipped_and_the_rest_of_the_page_kept(replay, crawl_offline, db):
    api = XApi(replay, token="fictional-token")
    carol = api.add_user("carol", make_posts(3, seed=9))
    page = json.loads(replay.respond("GET", f"/2/users/{carol.id}/tweets?max_results=100",
                                     {"authorization": "Bearer fictional-token"})[2])
    good = page["data"][0]
    bad = [None, {"text": "no id"}, variant(good, id="not-a-number"), variant(good, id="77", created_at="soon"),
           variant(good, id="78", referenced_tweets="replied_to"), variant(good, id="79", text=["a", "list"])]
    replay.add(re.compile(rf"/2/users/{carol.id}/tweets"), Reply.json({**page, "data": bad[:3] + page["data"] + bad[3:]}))

    result = crawl_offline([{"platform": "x", "handle": "carol", "api": replay.base}],
                           env={"ONRECORD_X_BEARER_TOKEN": "fictional-token"})

    assert db.value("SELECT count(*) FROM statements") == 3
    assert skip_reasons(db, "x:carol") == {
        "invalid item: a field of the wrong type": 2,
        "invalid item: no 'id'": 1,
        "invalid item: unreadable value": 1,
        "invalid item: unreadable date": 1,
        "invalid item: text is not a string": 1,
    }
    assert result.rows[0]["status"] == "partial"


def test_rss_entries_without_id_are_skipped_and_the_rest_of_the_feed_kept(replay, crawl_offline, db):
    items = "".join(
        f"<item><title>Fictional post {n}</title><link>https://blog.example/{n}</link>"
        f"<pubDate>{date}</pubDate><description>Words of post {n}.</description></item>"
        for n, date in ((1, "Mon, 05 Jan 2026 10:00:00 GMT"), (2, "sometime"), (3, "Wed, 07 Jan 2026 10:00:00 GMT"))
    )
    items += "<item><title>No link, no guid</title><description>Unkeyable.</description></item>"
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Fictional blog</title>{items}</channel></rss>'
    replay.add("/robots.txt", Reply(status=404))
    replay.add("/feed.xml", Reply(body=feed, headers={"Content-Type": "application/rss+xml"}))

    result = crawl_offline([{"platform": "rss", "url": replay.url("/feed.xml")}])

    rows = db.rows("SELECT url, published_at FROM statements ORDER BY url")
    assert [row["url"] for row in rows] == [f"https://blog.example/{n}" for n in (1, 2, 3)]
    assert rows[1]["published_at"] is None  # an unreadable date is no date, not a lost post
    assert skip_reasons(db, f"rss:{replay.url('/feed.xml')}") == {"invalid item: entry without guid or link": 1}
    assert result.rows[0]["status"] == "partial"


def test_a_news_feed_item_with_an_unreadable_link_is_skipped_and_the_others_followed():
    from onrecord.crawler.news_extract import feed_links

    feed = (b'<?xml version="1.0"?><rss version="2.0"><channel>'
            b"<item><link>http://[broken-ipv6/story</link></item>"
            b"<item><link>javascript:alert(1)</link></item>"
            b"<item><link>https://news.example/2026/01/story.html</link></item></channel></rss>")
    assert feed_links(feed, "https://news.example/feed.xml") == [("https://news.example/2026/01/story.html", None)]
