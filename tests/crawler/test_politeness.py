"""Politeness through a real crawl: the rate-limit headers pause a host, a failing host is given
up fast, and the user agent names the operator's contact URL."""
import re
from datetime import datetime, timedelta, timezone

from onrecord.demo.replay import Reply
from onrecord.demo.sites import MastodonInstance, make_posts


def account(replay, name):
    return {"platform": "mastodon", "handle": f"{name}@example.social", "api": replay.base}


def test_zero_remaining_pauses_the_host_until_the_reset(replay, crawl):
    instance = MastodonInstance(replay)
    alice = instance.add_account("alice", make_posts(60, seed=1))

    def exhausted(request):
        reply = instance._account_statuses(request)
        if not request.arg("max_id"):
            reset = datetime.now(timezone.utc) + timedelta(seconds=1.5)
            reply.headers.update({"x-ratelimit-remaining": "0",
                                  "x-ratelimit-reset": reset.strftime("%Y-%m-%dT%H:%M:%S.%fZ")})
        return reply

    replay.add(re.compile(rf"/api/v1/accounts/({alice.id})/statuses"), exhausted)
    result = crawl([account(replay, "alice")], env={"ONRECORD_CONTACT_URL": "https://operator.example/onrecord"})

    pages = [r for r in replay.requests if r.path.endswith("/statuses")]
    assert len(pages) == 2 and pages[1].at - pages[0].at >= 1.2
    assert result.summary["new_items"] == 60
    assert all(r.headers["user-agent"] == "onrecord/0.1.0 (+https://operator.example/onrecord)" for r in replay.requests)


def test_a_failing_host_is_given_up_after_a_few_failures_in_a_row(replay, crawl, db):
    replay.add("/api/v1/accounts/lookup", Reply.json({"error": "Service Unavailable"}, status=503))
    names = [f"leader{n}" for n in range(8)]
    # One request at a time: requests already queued when the host is given up still go out
    # (at most CONCURRENT_REQUESTS of them); every later one is dropped.

    result = crawl([account(replay, name) for name in names],
                   settings={"CONCURRENT_REQUESTS": 1, "CONCURRENT_REQUESTS_PER_DOMAIN": 1, "ONRECORD_RETRY_TIMES": 0,
                             "ONRECORD_HOST_MAX_FAILURES": 3})

    assert replay.count("/api/v1/accounts/lookup") == 3
    errors = [r["error"] for r in db.rows("SELECT error FROM crawls")]
    assert len(errors) == 8 and result.summary["failed"] == 8
    assert sum("HTTP 503" in e for e in errors) == 3
    assert sum("gave up on 127.0.0.1" in e for e in errors) == 5
