"""The Bluesky spider, in process: its parse methods on recorded AppView output (tests/fixtures)
under a frozen clock, and whole crawls of recorded and generated fictional actors answered
without sockets (tests/crawler/offline.py)."""
import json
from datetime import datetime, timezone

import pytest
import time_machine

from onrecord.crawler.sources import Source
from onrecord.crawler.spiders.base import Fault, SourceFailed
from onrecord.crawler.spiders.bluesky import BlueskySpider
from onrecord.demo.replay import Reply
from onrecord.demo.sites import BlueskyAppView, make_posts
from tests.crawler.conftest import fixture_json
from tests.crawler.offline import collect, make_response, make_spider

APPVIEW = "https://public.api.bsky.app"
SOURCE = Source(id="bluesky:carol.test", platform="bluesky", leader_id="fictional-leader", handle="carol.test")

PROFILE = "/xrpc/app.bsky.actor.getProfile"
FEED = "/xrpc/app.bsky.feed.getAuthorFeed"
POSTS = "/xrpc/app.bsky.feed.getPosts"


def account(replay, handle):
    return {"platform": "bluesky", "handle": handle, "api": replay.base}


def profile(did, handle):
    # The recorded profile, with the actor of the recorded feed put in (its DID is a placeholder).
    return {**fixture_json("bsky_appview_snapshot_getProfile.json"), "did": did, "handle": handle}


def json_response(url, data, status=200):
    return make_response(url, status, {"Content-Type": "application/json; charset=utf-8"}, json.dumps(data).encode())


# -- parsing the recorded responses ---------------------------------------------------------------


def test_profile_caches_the_did_and_asks_for_the_author_feed():
    spider = make_spider(BlueskySpider, sources=[SOURCE])
    crawl = spider.start_crawl(SOURCE)
    requests, _ = collect(spider.parse_profile(json_response(f"{APPVIEW}/xrpc/app.bsky.actor.getProfile",
                                                             profile("user(2)", "carol.test")), crawl))
    assert crawl.native_id == "user(2)"
    assert [r.url for r in requests] == [f"{APPVIEW}/xrpc/app.bsky.feed.getAuthorFeed?actor=user%282%29&limit=100"]


@pytest.mark.parametrize("name, status, error", [
    ("bsky_error_profile_not_found_DERIVED.json", 400, SourceFailed),
    ("bsky_error_account_takedown_DERIVED.json", 400, SourceFailed),
    ("bsky_error_account_deactivated_DERIVED.json", 400, SourceFailed),
    ("bsky_error_429_DERIVED.json", 429, Fault),
])
def test_account_errors_fail_the_source_and_others_skip_the_response(name, status, error):
    spider = make_spider(BlueskySpider, sources=[SOURCE])
    with pytest.raises(error):
        list(spider.parse_profile(json_response(f"{APPVIEW}/xrpc/app.bsky.actor.getProfile", fixture_json(name), status),
                                  spider.start_crawl(SOURCE)))


@time_machine.travel(datetime(2026, 2, 7, tzinfo=timezone.utc), tick=False)
def test_a_recorded_feed_page_with_a_repost_of_a_quote_and_an_opted_out_reply():
    repost_of_quote = fixture_json("bsky_feedViewPost_repost_quote_real.json")
    did = repost_of_quote["reason"]["by"]["did"]
    quote = {**fixture_json("bsky_postView_quote_with_external_real.json")}
    quote["author"] = {**quote["author"], "did": did}
    opted_out = fixture_json("bsky_postView_reply_real.json")  # author labelled !no-unauthenticated
    spider = make_spider(BlueskySpider, sources=[SOURCE])
    crawl = spider.start_crawl(SOURCE)
    crawl.native_id = did
    page = {"feed": [repost_of_quote, {"post": quote}, {"post": {**opted_out, "author": {**opted_out["author"], "did": did}}}],
            "cursor": "2025-02-01T00:00:00.000Z::x"}
    requests, items = collect(spider.parse_feed(json_response(f"{APPVIEW}/xrpc/app.bsky.feed.getAuthorFeed", page), crawl))
    assert [item.kind for item in items] == ["repost", "quote"]
    assert items[0].published_at == "2025-02-06T17:58:31Z" and items[0].original_author == "theferrarilab.bsky.social"
    assert crawl.skips.reasons == {"author asked to hide from logged-out viewers (!no-unauthenticated)": 1}
    assert crawl.newest == "2025-02-07T20:21:23Z"  # indexedAt of the newest item, skipped or not
    # The page reached below the 7-day re-read window, but a first crawl reads on to the end...
    assert [r.url.split("cursor=")[1] for r in requests] == ["2025-02-01T00%3A00%3A00.000Z%3A%3Ax"]
    # ...while a later one stops there, the page being older than the window and the mark.
    spider = make_spider(BlueskySpider, sources=[SOURCE], states={SOURCE.id: {"high_water": "2026-02-01T00:00:00Z"}})
    crawl = spider.start_crawl(SOURCE)
    crawl.native_id = did
    requests, _ = collect(spider.parse_feed(json_response(f"{APPVIEW}/xrpc/app.bsky.feed.getAuthorFeed", page), crawl))
    assert requests == [] and crawl.complete


# -- whole crawls, in process ---------------------------------------------------------------------


def test_recorded_feed_with_repost_reply_and_quotes(replay, crawl_offline, db):
    feed = fixture_json("bsky_appview_snapshot_authorFeed_with_repost.json")
    replay.add(PROFILE, Reply.json(profile("user(2)", "carol.test")))
    replay.add(FEED, Reply.json({"feed": feed}))

    result = crawl_offline([account(replay, "carol.test")])

    assert result.summary["ok"] == 1 and result.summary["new_items"] == 3
    rows = {r["id"]: r for r in db.rows("SELECT * FROM statements")}
    repost = next(r for r in rows.values() if r["kind"] == "repost")
    assert repost["original_author"] == "dan.test" and repost["text"] == "@alice.bluesky.xyz is the best"
    reply = rows["bluesky:record(5)"]
    assert reply["kind"] == "reply" and reply["text"] == "of course" and reply["in_reply_to"].startswith("bluesky:")
    assert reply["context"] == "again"  # the parent, from the feed view's reply.parent
    quote = rows["bluesky:record(1)"]
    assert quote["kind"] == "quote" and quote["text"] == "hi im carol"  # recordWithMedia quoting a post
    assert quote["context"] == "bob back at it again!"  # the quoted record's text
    assert repost["context"] is None
    assert quote["published_at"] == "1970-01-01T00:00:00Z"
    assert json.loads(db.value("SELECT payload FROM statement_raw WHERE statement_id = 'bluesky:record(5)'"))["post"]["uri"] == "record(5)"
    # The feed's actor DID is cached: the next crawl skips getProfile.
    assert db.value("SELECT native_id FROM crawl_state") == "user(2)"
    assert replay.count(FEED) == 1 and replay.requests[1].arg("actor") == "user(2)" and replay.requests[1].arg("limit") == "100"


def test_recorded_real_posts_kinds_and_the_logged_out_opt_out(replay, crawl_offline, db):
    repost_of_quote = fixture_json("bsky_feedViewPost_repost_quote_real.json")
    quote = fixture_json("bsky_postView_quote_with_external_real.json")
    opted_out = fixture_json("bsky_postView_reply_real.json")  # author labelled !no-unauthenticated
    did = repost_of_quote["reason"]["by"]["did"]
    quote["author"] = {**quote["author"], "did": did}
    replay.add(PROFILE, Reply.json(profile(did, "daniloc.xyz")))
    replay.add(FEED, Reply.json({"feed": [repost_of_quote, {"post": quote}, {"post": {**opted_out, "author": {**opted_out["author"], "did": did}}}]}))

    result = crawl_offline([account(replay, "daniloc.xyz")])

    rows = {r["kind"]: r for r in db.rows("SELECT * FROM statements")}
    assert set(rows) == {"repost", "quote"}
    assert rows["repost"]["original_author"] == "theferrarilab.bsky.social"
    assert rows["repost"]["text"].startswith("Rule 2. If you ever find yourself in a bar fight")
    assert rows["repost"]["published_at"] == "2025-02-06T17:58:31Z"  # when it was reposted
    assert rows["quote"]["text"] == "F this 😠" and rows["quote"]["url"].startswith("https://bsky.app/profile/mackuba.eu/post/")
    assert rows["quote"]["context"] == "Apple ordered to open encrypted user accounts globally to UK spying"
    crawl_row = db.rows("SELECT * FROM crawls")[0]
    assert crawl_row["status"] == "ok" and crawl_row["skipped"] == 1
    assert "no-unauthenticated" in crawl_row["skip_reasons"]
    assert result.summary["ok"] == 1


def test_generated_actor_pages_recrawl_and_deletion(replay, crawl_offline, db):
    appview = BlueskyAppView(replay)
    bob = appview.add_actor("bob.example.org", make_posts(230, seed=2, spacing_minutes=120))
    accounts = [account(replay, "bob.example.org")]

    first = crawl_offline(accounts)
    assert first.summary["new_items"] == 230 and replay.count(FEED) == 3  # 100 + 100 + 30
    kinds = {r["kind"]: r["n"] for r in db.rows("SELECT kind, count(*) n FROM statements GROUP BY kind")}
    assert kinds == {"post": 58, "reply": 58, "repost": 57, "quote": 57}
    cursors = [r.arg("cursor") for r in replay.requests if r.path == FEED]
    assert cursors[0] is None and all("::" in c for c in cursors[1:])  # passed back unchanged

    replay.clear_log()
    again = crawl_offline(accounts)
    assert again.summary["new_items"] == 0 and len(replay.requests) == 1

    gone = next(p for p in bob.posts if p.kind == "post")
    bob.delete(gone.id)
    replay.clear_log()
    third = crawl_offline(accounts)
    gone_id = f"bluesky:at://{bob.did}/app.bsky.feed.post/{gone.id}"
    assert db.value("SELECT deleted_at FROM statements WHERE id = ?", [gone_id])
    assert db.value("SELECT count(*) FROM statements WHERE deleted_at IS NOT NULL") == 1
    check = next(r for r in replay.requests if r.path == POSTS)
    assert f"at://{bob.did}/app.bsky.feed.post/{gone.id}" in check.query["uris"]
    assert third.summary["ok"] == 1


def test_unknown_suspended_and_deactivated_accounts_fail_alone(replay, crawl_offline, db):
    appview = BlueskyAppView(replay)
    appview.add_actor("fine.example.org", make_posts(5, seed=3))
    appview.add_actor("gone.example.org", make_posts(5, seed=4)).status = "AccountTakedown"
    appview.add_actor("away.example.org", make_posts(5, seed=5)).status = "AccountDeactivated"
    replay.add(PROFILE, Reply.json(fixture_json("bsky_error_profile_not_found_DERIVED.json"), status=400),
               query={"actor": "nobody.example.org"})
    limited = fixture_json("bsky_error_headers_DERIVED.json")["rate_limited"]
    replay.add(PROFILE, Reply.json(fixture_json("bsky_error_429_DERIVED.json"), status=429, headers=limited["headers"]),
               appview._get_profile, query={"actor": "fine.example.org"})

    result = crawl_offline([account(replay, h) for h in ("fine.example.org", "gone.example.org", "away.example.org", "nobody.example.org")])

    crawls = {r["account_id"]: r for r in db.rows("SELECT * FROM crawls")}
    assert crawls["bluesky:fine.example.org"]["status"] == "ok" and crawls["bluesky:fine.example.org"]["new_items"] == 5
    assert "AccountTakedown" in crawls["bluesky:gone.example.org"]["error"]
    assert "AccountDeactivated" in crawls["bluesky:away.example.org"]["error"]
    assert "Profile not found" in crawls["bluesky:nobody.example.org"]["error"]
    assert result.summary == {**result.summary, "ok": 1, "failed": 3, "sources": 4}
    assert replay.count(PROFILE) == 5  # the 429 was retried once
