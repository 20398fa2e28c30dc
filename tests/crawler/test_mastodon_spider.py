"""The Mastodon spider, in process: its parse methods on the real recorded responses (tests/fixtures)
under a frozen clock, then whole crawls against generated fictional accounts answered without
sockets (tests/crawler/offline.py). Faults only a real crawl shows are in test_end_to_end.py."""
import json
import re
from datetime import datetime, timezone

import pytest
import time_machine

from onrecord.crawler.items import Statement
from onrecord.crawler.sources import Source
from onrecord.crawler.spiders.base import SourceFailed
from onrecord.crawler.spiders.mastodon import MastodonSpider
from onrecord.demo.replay import Reply
from onrecord.demo.sites import MastodonInstance, make_posts
from tests.crawler.conftest import FIXTURES
from tests.crawler.offline import collect, file_response, make_spider

STATUSES = "/api/v1/accounts/117020565966271181/statuses"
HANDLE = "mastodonpy_test@localhost.test"
ACCOUNT = f"mastodon:{HANDLE}"
API = "http://localhost:3000"  # where the fixtures were recorded
SOURCE = Source(id=ACCOUNT, platform="mastodon", leader_id="fictional-leader", handle=HANDLE, api=API)
DAY_AFTER = datetime(2026, 8, 2, 12, tzinfo=timezone.utc)  # the recordings are of 2026-08-01


def account(replay, handle=HANDLE):
    return {"platform": "mastodon", "handle": handle, "api": replay.base}


def fixture(name, **kwargs):
    return Reply.fixture(name, FIXTURES, **kwargs)


@pytest.fixture
def spider():
    return make_spider(MastodonSpider, sources=[SOURCE])


# -- parsing the recorded responses ---------------------------------------------------------------


def test_lookup_caches_the_account_id_and_asks_for_the_statuses(spider):
    crawl = spider.start_crawl(SOURCE)
    requests, items = collect(spider.parse_lookup(file_response("mastodon_account_lookup", API), crawl))
    assert crawl.native_id == "117020565966271181" and items == []
    assert [r.url for r in requests] == [f"{API}{STATUSES}?limit=40"]
    assert requests[0].meta["handler"] == "parse_statuses" and requests[0].meta["dont_obey_robotstxt"]


def test_unknown_account_fails_the_source_with_the_platforms_message(spider):
    crawl = spider.start_crawl(SOURCE)
    with pytest.raises(SourceFailed, match="account not found on localhost.test: Record not found"):
        list(spider.parse_lookup(file_response("mastodon_account_lookup_404", API), crawl))


@time_machine.travel(DAY_AFTER, tick=False)
def test_a_recorded_page_becomes_statements_and_its_link_header_the_next_request(spider):
    crawl = spider.start_crawl(SOURCE)
    crawl.native_id = "117020565966271181"
    requests, items = collect(spider.parse_statuses(file_response("mastodon_account_statuses_page1", f"{API}{STATUSES}?limit=5"), crawl))
    assert all(isinstance(item, Statement) for item in items)
    assert [item.text for item in items] == [f"Toot number {n}!" for n in range(9, 4, -1)]
    first = items[0]
    assert (first.id, first.kind, first.lang, first.account_id, first.leader_id) == (
        "mastodon:localhost.test:117020580518794573", "post", "en", ACCOUNT, "fictional-leader")
    assert first.url == "http://localhost:3000/@mastodonpy_test/117020580518794573"
    assert json.loads(first.raw)["content"] == "<p>Toot number 9!</p>"
    assert [r.url for r in requests] == [f"{API}{STATUSES}?limit=5&max_id=117020580489281910"]
    assert crawl.newest == "2026-08-01T13:52:34Z" and crawl.pages == 1 and len(crawl.seen) == 5
    assert not crawl.complete  # a first crawl reads to the end


@pytest.mark.parametrize("today, high_water, follows", [
    (datetime(2026, 8, 2, tzinfo=timezone.utc), "2026-08-01T13:52:34Z", True),    # inside the 7-day re-read window
    (datetime(2026, 8, 20, tzinfo=timezone.utc), "2026-08-10T00:00:00Z", False),  # below the mark and the window
])
def test_paging_stops_below_the_high_water_mark_and_the_re_read_window(today, high_water, follows):
    spider = make_spider(MastodonSpider, sources=[SOURCE], states={ACCOUNT: {"high_water": high_water}})
    with time_machine.travel(today, tick=False):
        crawl = spider.start_crawl(SOURCE)
        requests, _ = collect(spider.parse_statuses(file_response("mastodon_account_statuses_page1", f"{API}{STATUSES}?limit=5"), crawl))
    assert bool(requests) == follows and crawl.complete == (not follows)


def test_the_last_recorded_page_has_no_next_link_and_completes_the_listing(spider):
    crawl = spider.start_crawl(SOURCE)
    requests, items = collect(spider.parse_statuses(
        file_response("mastodon_account_statuses_pinned_last_page", f"{API}{STATUSES}?pinned=1"), crawl))
    assert requests == [] and items and crawl.complete


def test_a_vanished_post_is_checked_and_only_the_apis_not_found_marks_it_deleted():
    recent = [("mastodon:localhost.test:9", "post", "2026-08-01T10:00:00Z"),
              ("mastodon:localhost.test:8", "post", "2026-08-01T09:00:00Z"),
              ("mastodon:localhost.test:7", "post", "2026-07-01T09:00:00Z")]  # older than the window
    with time_machine.travel(DAY_AFTER, tick=False):
        spider = make_spider(MastodonSpider, sources=[SOURCE], recent={ACCOUNT: recent})
        crawl = spider.start_crawl(SOURCE)
        crawl.native_id, crawl.complete = "1", True
        crawl.seen.add("mastodon:localhost.test:9")  # still listed
        checks, _ = collect(spider.closing(crawl))
    assert [r.url for r in checks] == [f"{API}/api/v1/statuses/8"] and not checks[0].meta["critical"]
    meta = {"statement_id": "mastodon:localhost.test:8"}
    spider.parse_check(file_response("mastodon_status_404", f"{API}/api/v1/statuses/8", meta=meta), crawl)
    assert crawl.deleted == ["mastodon:localhost.test:8"]
    proxy = file_response("mastodon_status_404", f"{API}/api/v1/statuses/8", meta=meta, **{'{"error":"Not Found"}': "<html>404</html>"})
    spider.parse_check(proxy, crawl)  # a proxy's 404 page is no proof
    assert crawl.deleted == ["mastodon:localhost.test:8"]


def test_an_incomplete_listing_checks_nothing():
    spider = make_spider(MastodonSpider, sources=[SOURCE], recent={ACCOUNT: [("mastodon:localhost.test:8", "post", "2099-01-01T00:00:00Z")]})
    crawl = spider.start_crawl(SOURCE)
    crawl.native_id = "1"
    assert spider.vanished(crawl) == []
    crawl.complete = True
    assert spider.vanished(crawl) == ["mastodon:localhost.test:8"]


# -- whole crawls, in process ---------------------------------------------------------------------


def test_recorded_pages_are_followed_to_the_last_page(replay, crawl_offline, db):
    replay.add("/api/v1/accounts/lookup", fixture("mastodon_account_lookup"))
    replay.add(STATUSES, fixture("mastodon_account_statuses_page1"), query={"limit": "40"})
    replay.add(STATUSES, fixture("mastodon_account_statuses_page2_max_id"), query={"max_id": "117020580489281910"})
    # A full last page still carries rel="next"; the page after it is an empty array.
    replay.add(STATUSES, Reply.json([]), query={"max_id": "117020580452511285"})

    result = crawl_offline([account(replay)])

    assert result.summary["ok"] == 1 and result.summary["new_items"] == 10
    texts = [r["text"] for r in db.rows("SELECT text FROM statements ORDER BY id DESC")]
    assert texts == [f"Toot number {n}!" for n in range(9, -1, -1)]
    row = db.rows("SELECT * FROM statements WHERE id = ?", ["mastodon:localhost.test:117020580518794573"])[0]
    assert row["kind"] == "post" and row["lang"] == "en" and row["leader_id"] == "fictional-leader"
    assert row["published_at"] == "2026-08-01T13:52:34Z" and row["account_id"] == ACCOUNT
    raw = json.loads(db.value("SELECT payload FROM statement_raw WHERE statement_id = ?", [row["id"]]))
    assert raw["content"] == "<p>Toot number 9!</p>"
    assert replay.count("/api/v1/accounts/lookup") == 1 and replay.count(STATUSES) == 3
    assert db.value("SELECT native_id FROM crawl_state WHERE source = ?", [ACCOUNT]) == "117020565966271181"
    crawl_row = db.rows("SELECT * FROM crawls")[0]
    assert (crawl_row["status"], crawl_row["items"], crawl_row["new_items"], crawl_row["requests"]) == ("ok", 10, 10, 4)
    assert result.line(ACCOUNT).startswith(f"{ACCOUNT}  ok  10 new / 10 seen")


def test_recorded_boost_reply_quote_edit_and_content_warning(replay, crawl_offline, db):
    page = [json.loads((FIXTURES / f"mastodon_status_{name}.json").read_text().replace("http://localhost:3000", "https://localhost.test"))
            for name in ("reblog", "reply", "quote", "edited", "mastodon_social_real")]
    replay.add("/api/v1/accounts/lookup", fixture("mastodon_account_lookup"))
    replay.add(STATUSES, Reply.json(page))
    # the reply's parent is not on the page: asked for once (a recorded status stands in for it)
    replay.add("/api/v1/statuses/117020583245459824", fixture("mastodon_status_edited"))

    crawl_offline([account(replay)])

    rows = {r["id"].rsplit(":", 1)[1]: r for r in db.rows("SELECT * FROM statements")}
    boost = rows["117020586027094262"]
    assert (boost["kind"], boost["text"], boost["original_author"]) == ("repost", "Toot!", "mastodonpy_test@localhost.test")
    assert boost["url"] == "https://localhost.test/@mastodonpy_test/117020586019094258"
    assert boost["published_at"] == "2026-08-01T13:53:58Z"  # when it was boosted
    reply = rows["117020583258292382"]
    assert reply["kind"] == "reply" and reply["in_reply_to"] == "mastodon:localhost.test:117020583245459824"
    assert reply["text"] == "@mastodonpy_test_2 same!"
    parent = json.loads((FIXTURES / "mastodon_status_edited.json").read_text())
    assert reply["context"] == parent["content"].removeprefix("<p>").removesuffix("</p>")  # the post it answers
    assert replay.count("/api/v1/statuses/117020583245459824") == 1
    quote = rows["117020582925004921"]
    assert (quote["kind"], quote["text"]) == ("quote", "yoooooooo")  # the "RE: <link>" fallback is dropped
    assert quote["original_author"] == "mastodonpy_test@localhost.test"
    assert quote["context"] == "Toot!"  # the quoted status, carried in the quote
    assert rows["117020586027094262"]["context"] is None  # a boost is the post itself
    edited = rows["117020586180926938"]
    assert edited["edited_at"] == "2026-08-01T13:54:00Z" and edited["lang"] == "ja"
    real = rows["110446223051565765"]
    assert real["content_warning"] == "test post for mastodon.py stuff" and real["lang"] == "de"
    assert "\n\n" in real["text"] and "<" not in real["text"]  # paragraphs kept, HTML gone


def test_recrawl_edit_and_deletion(replay, crawl_offline, db):
    instance = MastodonInstance(replay, domain="example.social")
    alice = instance.add_account("alice", make_posts(95, seed=1, spacing_minutes=600))
    accounts = [account(replay, "alice@example.social")]
    source = "mastodon:alice@example.social"
    statuses = f"/api/v1/accounts/{alice.id}/statuses"

    first = crawl_offline(accounts)
    assert first.summary["new_items"] == 95
    assert replay.count(statuses) == 3  # 40 + 40 + 15
    kinds = {r["kind"]: r["n"] for r in db.rows("SELECT kind, count(*) n FROM statements GROUP BY kind")}
    assert kinds == {"post": 24, "reply": 24, "repost": 24, "quote": 23}

    replay.clear_log()
    again = crawl_offline(accounts)
    assert again.summary["new_items"] == 0 and again.summary["ok"] == 1
    assert len(replay.requests) == 1  # cached account id, one page reaches past the 7-day window

    edited, deleted, unsure = alice.posts[0], alice.posts[1], alice.posts[2]
    alice.edit(edited.id, "An edited fictional post.")
    alice.delete(deleted.id)
    alice.delete(unsure.id)
    replay.add(f"/api/v1/statuses/{unsure.id}", Reply.json({"error": "Service Unavailable"}, status=503))
    replay.clear_log()
    third = crawl_offline(accounts)

    prefix = "mastodon:example.social:"
    row = db.rows("SELECT text, edited_at FROM statements WHERE id = ?", [prefix + edited.id])[0]
    assert row["text"] == "An edited fictional post." and row["edited_at"]
    assert db.value("SELECT text FROM statement_revisions WHERE statement_id = ?", [prefix + edited.id]).startswith("Fictional post 1-0")
    assert db.value("SELECT deleted_at FROM statements WHERE id = ?", [prefix + deleted.id])
    assert db.value("SELECT deleted_at FROM statements WHERE id = ?", [prefix + unsure.id]) is None  # 5xx is no proof
    assert db.value("SELECT count(*) FROM statements") == 95  # rows stay
    assert replay.count(f"/api/v1/statuses/{deleted.id}") == 1
    assert third.summary["ok"] == 1
    assert "1 deleted" in third.line(source) and "1 edited" in third.line(source)


def test_a_reply_in_a_thread_takes_its_parent_from_the_page_and_others_ask_once(replay, crawl_offline, db):
    instance = MastodonInstance(replay, domain="example.social")
    alice = instance.add_account("alice", make_posts(12, seed=4, kinds=("post", "reply")))
    replay.add(re.compile(r"/api/v1/statuses/(\d+)"), Reply.json({"error": "Record not found"}, status=404))
    crawl_offline([account(replay, "alice@example.social")], settings={"ONRECORD_MAX_CONTEXT_FETCHES": 5})
    replies = db.rows("SELECT text, context FROM statements WHERE kind = 'reply' ORDER BY published_at DESC")
    texts = [post.text for post in alice.posts]
    # each reply answers the account's previous post (the fake makes threads), found on the same page
    assert [r["context"] for r in replies[:-1]] == [texts[texts.index(r["text"]) + 1] for r in replies[:-1]]
    # the oldest answers someone else's post: asked for once, gone (404), so no context
    assert replay.count("/api/v1/statuses/", prefix=True) == 1 and replies[-1]["context"] is None
    reasons = json.loads(db.value("SELECT skip_reasons FROM crawls"))
    assert reasons == {"reply context unavailable: HTTP 404": 1}
    assert db.value("SELECT count(*) FROM statements") == 12  # the reply was stored all the same
