"""Politeness: each platform at the pace it publishes (crawler/pacing.py), the rate-limit headers,
429s and Retry-After (crawler/middlewares.py), robots.txt Crawl-delay. The arithmetic and the
middleware's decisions are checked in process; three real crawls (`onrecord crawl` in a child
process, over HTTP, against stand-ins that enforce budgets scaled down to seconds) check that
Scrapy's download slots keep the pace. Everything here is fictional."""
import re
import time

import pytest
from scrapy.http import Request, TextResponse
from scrapy.robotstxt import ProtegoRobotParser
from scrapy.utils.test import get_crawler

from onrecord.crawler.crawl import crawl_settings
from onrecord.crawler.middlewares import RateLimitMiddleware, policy_window
from onrecord.crawler.pacing import HostPace, Pacer
from onrecord.crawler.spiders.bluesky import BlueskySpider
from onrecord.crawler.spiders.mastodon import MastodonSpider
from onrecord.crawler.spiders.rss import RssSpider
from onrecord.demo.replay import RateLimit, Reply
from onrecord.demo.sites import BlueskyAppView, MastodonInstance, RssFeed, XApi, make_posts
from onrecord.demo.sites import limits as published

STATUSES = "https://social.example/api/v1/accounts/7/statuses?limit=40"


def pace(platform, **settings):
    defaults = crawl_settings(settings)  # crawler/settings/base.py: production's
    return HostPace.from_setting(defaults.getdict("ONRECORD_BUDGETS")[platform], defaults.getfloat("ONRECORD_BUDGET_SHARE"))


def pacer_for(spider_class, **settings):
    """A Pacer and a RateLimitMiddleware as a crawl at the default settings builds them (no engine)."""
    crawler = get_crawler(spider_class, {**crawl_settings(settings).copy_to_dict(), "TWISTED_REACTOR_ENABLED": False})
    return Pacer.of(crawler), RateLimitMiddleware.from_crawler(crawler)


def response(url, status=200, headers=None, meta=None):
    return TextResponse(url, status=status, headers=headers or {}, body=b"[]", request=Request(url, meta=meta or {}))


def test_each_platform_is_paced_at_half_its_published_budget():
    assert pace("bluesky").interval("") == pytest.approx(0.2)  # 3,000 per 5 min: 10/s, half of it
    mastodon = pace("mastodon")
    assert mastodon.interval("paging") == pytest.approx(6.0)  # 300 per 15 min
    assert mastodon.interval("") == pytest.approx(3.0)  # 300 per 5 min, less what paging may take
    assert 1 / mastodon.interval("") + 1 / mastodon.interval("paging") == pytest.approx(0.5)  # half of 1/s
    x = pace("x")
    assert (x.interval("users"), x.interval("timeline")) == (pytest.approx(6.0), pytest.approx(0.18))
    assert x.interval("") is None  # no host-wide budget on X
    assert pace("archive").interval("") == pytest.approx(10.0)  # GDELT: one every 5 s
    assert pace("bluesky", ONRECORD_BUDGET_SHARE=0.25).interval("") == pytest.approx(0.4)  # the share is a setting


@pytest.mark.parametrize("setting, said", [
    ("ONRECORD_BUDGET_SHARE=1.5", "ONRECORD_BUDGET_SHARE must be above 0 and at most 1, not 1.5"),
    ('ONRECORD_BUDGETS={"bluesky": {"requests": 3000}}', "ONRECORD_BUDGETS['bluesky']: expected"),
    ('ONRECORD_BUDGETS={"x": {"lanes": {"a": {"match": "(", "requests": 1, "seconds": 1}}}}', "unterminated"),
])
def test_pacing_settings_that_cannot_be_used_are_refused_in_one_line(tmp_path, setting, said):
    from click.testing import CliRunner

    from onrecord.cli import cli

    watchlist = tmp_path / "watchlist.yml"
    watchlist.write_text("topic: {id: t, name: Fictional}\nleaders:\n  - id: a\n    name: Fictional A\n"
                         "    accounts: [{platform: rss, url: 'http://127.0.0.1:9/feed.xml'}]\n")
    result = CliRunner().invoke(cli, ["crawl", "--watchlist", str(watchlist), "--db", str(tmp_path / "x.db"),
                                      "--set", setting])
    assert result.exit_code == 2 and said in result.output and "Traceback" not in result.output
    assert not (tmp_path / "x.db").exists()  # refused before anything was written


def test_a_local_test_server_is_not_paced(monkeypatch):
    monkeypatch.setenv("ONRECORD_CRAWL_SETTINGS", "onrecord.crawler.settings.local")
    local = crawl_settings()
    assert local.getdict("ONRECORD_BUDGETS") == {} and local.getfloat("ONRECORD_BUDGET_SHARE") == 1.0
    assert local.getfloat("DOWNLOAD_DELAY") == 0 and not local.getbool("ONRECORD_OBEY_CRAWL_DELAY")


def test_requests_go_to_their_host_and_lane_slot():
    pacer, _ = pacer_for(MastodonSpider)
    requests = {name: Request(url) for name, url in {
        "lookup": "https://social.example/api/v1/accounts/lookup?acct=ada",
        "first": STATUSES, "next": STATUSES + "&max_id=99", "other": "https://other.example/api/v1/statuses/5"}.items()}
    for request in requests.values():
        pacer.assign(request)
    slots = {name: request.meta["download_slot"] for name, request in requests.items()}
    assert slots == {"lookup": "social.example", "first": "social.example", "next": "social.example|paging",
                     "other": "other.example"}  # each instance its own budget
    archive, _ = pacer_for(type("ArchiveSpider", (RssSpider,), {"name": "archive"}))
    gdelt, article = Request("https://api.gdeltproject.org/api/v2/doc/doc?query=x"), Request("https://news.example/a")
    archive.assign(gdelt), archive.assign(article)
    assert archive.interval(gdelt.meta["download_slot"]) == pytest.approx(10.0)
    assert "download_slot" not in article.meta  # a news page: robots.txt Crawl-delay, else the default
    rss, _ = pacer_for(RssSpider)
    feed = Request("https://blog.example/feed.xml")
    rss.assign(feed)
    assert "download_slot" not in feed.meta and rss.floor("blog.example") == 1.0


def test_the_operators_own_download_slots_are_left_alone():
    pacer, _ = pacer_for(BlueskySpider, DOWNLOAD_SLOTS={"appview.example": {"delay": 0.05, "concurrency": 4}})
    assert pacer.floor("appview.example") == 0.05 and pacer.floor("public.api.bsky.app") == 1.0
    request = Request("https://public.api.bsky.app/xrpc/app.bsky.actor.getProfile?actor=a")
    pacer.assign(request)
    assert pacer.floor(request.meta["download_slot"]) == pytest.approx(0.2)


def test_announced_limits_take_precedence_and_a_spent_share_pauses_until_the_reset():
    pacer, middleware = pacer_for(MastodonSpider)
    request = Request(STATUSES)
    pacer.assign(request)
    reset = time.strftime("%Y-%m-%dT%H:%M:%S.000000Z", time.gmtime(time.time() + 120))
    headers = {"X-RateLimit-Limit": "600", "X-RateLimit-Remaining": "599", "X-RateLimit-Reset": reset}
    middleware.process_response(request, response(STATUSES, headers=headers, meta=request.meta))
    assert pacer.interval("social.example") == pytest.approx(1.2)  # 600 per 5 min: 1/s at half, less paging's
    assert "social.example" not in middleware.resume_at
    middleware.process_response(request, response(STATUSES, headers={**headers, "X-RateLimit-Remaining": "300"},
                                                  meta=request.meta))
    assert middleware.resume_at["social.example"] - time.monotonic() == pytest.approx(120, abs=2)  # the rest is others'
    assert policy_window("3000;w=300") == 300 and policy_window(None) is None
    bluesky, middleware = pacer_for(BlueskySpider)
    feed = Request("https://appview.example/xrpc/app.bsky.feed.getAuthorFeed?actor=did:plc:x")
    bluesky.assign(feed)
    middleware.process_response(feed, response(feed.url, headers={"ratelimit-limit": "100", "ratelimit-remaining": "99",
                                                                   "ratelimit-policy": "100;w=60"}, meta=feed.meta))
    assert bluesky.interval("appview.example") == pytest.approx(1.2)  # 100 per 60 s, at half


def test_a_429_is_retried_after_retry_after_and_halves_the_pace_for_the_rest_of_the_crawl():
    pacer, middleware = pacer_for(BlueskySpider)
    request = Request("https://appview.example/xrpc/app.bsky.actor.getProfile?actor=ada.example")
    pacer.assign(request)
    refused = response(request.url, status=429, headers={"Retry-After": "7"}, meta=request.meta)
    retry = middleware.process_response(request, refused)
    assert isinstance(retry, Request) and retry.meta["onrecord_retries"] == 1
    assert middleware.resume_at["appview.example"] - time.monotonic() == pytest.approx(7, abs=1)
    assert pacer.interval("appview.example") == pytest.approx(0.4)
    middleware.process_response(retry, response(request.url, status=429, headers={"Retry-After": "1"}, meta=retry.meta))
    assert pacer.interval("appview.example") == pytest.approx(0.8)
    news, middleware = pacer_for(RssSpider)  # a host without a budget slows from the default delay
    middleware.process_response(Request("https://blog.example/feed.xml"),
                                response("https://blog.example/feed.xml", status=429, headers={"Retry-After": "1"}))
    assert news.floor("blog.example") == 2.0


def test_robots_txt_crawl_delay_paces_a_site_unless_switched_off():
    pacer, _ = pacer_for(RssSpider)
    robots = ProtegoRobotParser(b"User-agent: onrecord\nCrawl-delay: 4\n\nUser-agent: *\nCrawl-delay: 30\n", None)
    pacer.robots_parsed(robots, Request("https://blog.example/feed.xml"))
    assert pacer.interval("blog.example") == 4.0  # the group naming our user agent
    pacer.robots_parsed(ProtegoRobotParser(b"User-agent: *\nDisallow: /private\n", None),
                        Request("https://other.example/feed.xml"))
    assert pacer.interval("other.example") is None and pacer.floor("other.example") == 1.0
    unpaced, _ = pacer_for(RssSpider, ONRECORD_OBEY_CRAWL_DELAY=False)
    unpaced.robots_parsed(robots, Request("https://blog.example/feed.xml"))
    assert unpaced.interval("blog.example") is None


def gaps(times):
    return [later - earlier for earlier, later in zip(times, times[1:])]


def paced(times, seconds) -> bool:
    """The requests arrived about `seconds` apart: Scrapy sends them exactly so, and the latency of
    a loopback request moves each arrival by some hundredths of a second on a loaded machine (a
    tenth, seen under a full test run on 2 cores). The mean gap telescopes to the first and last
    arrivals, so it holds to the pace whatever the jitter between; no single gap may fall to half."""
    spread = gaps(times)
    return sum(spread) / len(spread) >= 0.9 * seconds and min(spread) >= 0.5 * seconds


def test_a_paced_crawl_keeps_each_lane_and_site_at_its_pace_and_is_never_refused(replay, crawl, db):
    # Budgets scaled down to seconds, enforced by the stand-ins: Mastodon's API 24 requests per
    # 4 s with paging 8 per 4 s, an AppView's 10 per 2 s, and a blog whose robots.txt asks for
    # 0.6 s between requests.
    instance = MastodonInstance(replay, limits=published.mastodon(api=(24, 4), paging=(8, 4)))
    instance.add_account("ada", make_posts(100, seed=1))
    replay.add("/robots.txt", published.robots_txt(0.6))
    replay.limit(published.crawl_delay(0.6, applies=lambda request: not request.path.startswith(("/api/", "/xrpc/"))))
    for n in range(3):
        RssFeed(replay, f"/blog{n}/feed.xml", make_posts(3, seed=10 + n))
    # An AppView that announces nothing: the pace comes from the settings alone, from the first request.
    appview = BlueskyAppView(replay, limits=[RateLimit(10, 2, applies=lambda request: request.path.startswith("/xrpc/"))])
    for name in ("bo", "cy"):
        appview.add_actor(f"{name}.example.org", make_posts(150, seed=len(name + name)))
    budgets = {"bluesky": {"requests": 10, "seconds": 2}, "mastodon": {"requests": 24, "seconds": 4, "lanes": {
        "paging": {"match": r"[?&](max_id|min_id|since_id|page)=", "requests": 8, "seconds": 4}}}}

    result = crawl([{"platform": "mastodon", "handle": "ada@example.social", "api": replay.base}]
                   + [{"platform": "bluesky", "handle": f"{name}.example.org", "api": replay.base} for name in ("bo", "cy")]
                   + [{"platform": "rss", "url": replay.url(f"/blog{n}/feed.xml")} for n in range(3)],
                   settings={"ONRECORD_BUDGETS": budgets, "ONRECORD_BUDGET_SHARE": 0.5, "ONRECORD_OBEY_CRAWL_DELAY": True})

    assert replay.refused() == 0 and result.summary["new_items"] == 109 + 300
    xrpc = [r.at for r in replay.requests if r.path.startswith("/xrpc/")]
    assert len(xrpc) == 6 and paced(xrpc, 0.4)  # 10 per 2 s at half: one every 0.4 s, from the first
    api = [r for r in replay.requests if r.path.startswith("/api/")]
    paging = [r.at for r in api if r.arg("max_id")]
    others = [r.at for r in api if not r.arg("max_id")]
    assert len(paging) == 2 and len(others) == 2  # lookup, first page; then two pages with max_id
    assert paced(paging, 1.0)  # 8 per 4 s at half: one a second
    assert paced(others, 0.5)  # 24 per 4 s at half, less paging's 1/s: one every 0.5 s
    site = [r.at for r in replay.requests if not r.path.startswith(("/api/", "/xrpc/"))]
    assert len(site) == 4 and paced(site, 0.6)  # robots.txt, then three feeds, 0.6 s apart


def test_a_429_slows_the_host_for_the_rest_of_the_crawl_and_every_statement_is_stored(replay, crawl, db):
    # The crawler was told 10 requests per 2 s and spends it all: one every 0.2 s. The AppView's
    # second page answers 429 with Retry-After once.
    appview = BlueskyAppView(replay, limits=())
    appview.add_actor("ada.example.org", make_posts(500, seed=2))
    refusal = Reply.json({"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"}, status=429,
                         headers={"Retry-After": "1"})
    replay.add("/xrpc/app.bsky.feed.getAuthorFeed", appview._get_author_feed, refusal, appview._get_author_feed)

    result = crawl([{"platform": "bluesky", "handle": "ada.example.org", "api": replay.base}],
                   settings={"ONRECORD_BUDGETS": {"bluesky": {"requests": 10, "seconds": 2}}, "ONRECORD_BUDGET_SHARE": 1.0})

    assert result.summary["new_items"] == 500 and db.value("SELECT count(*) FROM statements") == 500
    times = [r.at for r in replay.requests]
    statuses = [r.status for r in replay.requests]
    assert statuses.count(429) == 1 and len(statuses) == 1 + 6 + 1  # profile, 6 pages, the one retried
    refused = statuses.index(429)
    assert times[refused + 1] - times[refused] >= 0.9  # Retry-After
    assert paced(times[refused + 1:], 0.4)  # twice the 0.2 s pace, for the rest of the crawl


def test_stand_ins_enforce_the_published_budgets_in_each_platforms_format(replay):
    clock = {"now": 1_800_000_000.0}  # a window boundary: every 5- and 15-minute window starts here
    replay.clock = lambda: clock["now"]
    MastodonInstance(replay, limits=published.mastodon(api=(3, 300), paging=(2, 900)))
    lookup = "/api/v1/accounts/lookup?acct=nobody"
    seen = [replay.respond("GET", lookup, {}) for _ in range(4)]
    assert [s[0] for s in seen] == [404, 404, 404, 429]
    assert [s[1]["X-RateLimit-Remaining"] for s in seen] == ["2", "1", "0", "0"]
    assert seen[3][1]["X-RateLimit-Reset"] == "2027-01-15T08:05:00.000000Z" and b"Too many requests" in seen[3][2]
    clock["now"] += 300  # the next window
    status, headers, _, _ = replay.respond("GET", "/api/v1/accounts/1/statuses?max_id=5", {})
    assert status == 404 and headers["X-RateLimit-Remaining"] == "1"  # no such account; paging is the closest budget
    assert replay.refused() == 1
    replay.add("/own", Reply.json([], headers={"x-ratelimit-remaining": "0"}))
    replay.limit(published.crawl_delay(5))
    assert replay.respond("GET", "/own", {})[1] == {"Content-Type": "application/json; charset=utf-8",
                                                   "x-ratelimit-remaining": "0"}  # a scripted header wins
    assert replay.respond("GET", "/own", {})[0] == 429  # 5 s between requests


@pytest.mark.parametrize("site, limits, path, body, header", [
    (BlueskyAppView, published.bluesky(budget=(1, 60)), "/xrpc/app.bsky.actor.getProfile?actor=a",
     b"RateLimitExceeded", "ratelimit-policy"),
    (XApi, published.x(users=(1, 60)), "/2/users/by/username/a", b"Rate limit exceeded", "x-rate-limit-reset"),
])
def test_bluesky_and_x_stand_ins_refuse_in_their_format(replay, site, limits, path, body, header):
    site(replay, limits=limits)
    first, second = (replay.respond("GET", path, {"authorization": "Bearer test-token"}) for _ in range(2))
    assert first[0] != 429 and second[0] == 429 and body in second[2] and re.fullmatch(r"[\d;=w]+", second[1][header])
