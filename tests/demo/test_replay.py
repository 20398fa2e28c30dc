"""The replay server the crawler tests, the demo and the benchmark stand on."""
import json
import re
import time
import urllib.error
import urllib.request

import pytest

from onrecord.demo.replay import ReplayServer, Reply
from tests.crawler.conftest import FIXTURES


def get(url, headers=None):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_fixture_replay_rewrites_the_recorded_origin_to_this_server(replay):
    path = "/api/v1/accounts/117020565966271181/statuses"
    replay.add(path, Reply.fixture("mastodon_account_statuses_page1", FIXTURES))
    status, headers, body = get(replay.url(path + "?limit=5"))
    assert status == 200 and len(json.loads(body)) == 5
    assert headers["link"].startswith(f"<{replay.base}{path}?limit=5&max_id=117020580489281910>; rel=\"next\"")
    assert "localhost:3000" not in body.decode()
    assert headers["x-ratelimit-remaining"] == "299"


def test_scripted_sequence_then_the_last_reply_repeats(replay):
    replay.add("/x", Reply.json({"error": "Too many requests"}, status=429, headers={"Retry-After": "1"}),
               Reply.json([1]))
    first = get(replay.url("/x"))
    assert first[0] == 429 and first[1]["Retry-After"] == "1"
    assert get(replay.url("/x"))[2] == b"[1]"
    assert get(replay.url("/x"))[2] == b"[1]"
    assert replay.count("/x") == 3
    assert [r.status for r in replay.requests] == [429, 200, 200]


def test_query_matching_prefers_the_most_specific_route(replay):
    replay.add("/page", Reply.json("first"))
    replay.add("/page", Reply.json("second"), query={"max_id": "7"})
    assert get(replay.url("/page?limit=40"))[2] == b'"first"'
    assert get(replay.url("/page?limit=40&max_id=7"))[2] == b'"second"'
    assert get(replay.url("/nowhere"))[0] == 404


def test_etag_and_last_modified_answer_304(replay):
    replay.add("/feed.xml", Reply(body=b"<rss/>", etag='"v1"', last_modified="Sun, 22 Nov 2026 10:00:00 GMT"))
    status, headers, _ = get(replay.url("/feed.xml"))
    assert status == 200 and headers["ETag"] == '"v1"'
    assert get(replay.url("/feed.xml"), {"If-None-Match": '"v1"'})[0] == 304
    assert get(replay.url("/feed.xml"), {"If-None-Match": '"v0"'})[0] == 200
    assert get(replay.url("/feed.xml"), {"If-Modified-Since": "Sun, 22 Nov 2026 11:00:00 GMT"})[0] == 304
    assert get(replay.url("/feed.xml"), {"If-Modified-Since": "Sun, 22 Nov 2026 09:00:00 GMT"})[0] == 200


def test_regex_routes_call_handlers_with_the_match(replay):
    replay.add(re.compile(r"/api/v1/statuses/(\d+)"), lambda request: Reply.json({"id": request.match.group(1)}))
    assert json.loads(get(replay.url("/api/v1/statuses/42"))[2]) == {"id": "42"}


def test_delay_and_context_manager_lifecycle():
    with ReplayServer() as server:
        server.add("/slow", Reply(body=b"ok", delay=0.3))
        started = time.monotonic()
        assert get(server.url("/slow"))[2] == b"ok"
        assert time.monotonic() - started >= 0.3
        base = server.base
    with pytest.raises(OSError):
        urllib.request.urlopen(base + "/slow", timeout=2)
