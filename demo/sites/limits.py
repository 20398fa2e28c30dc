"""The platforms' published request budgets as the stand-ins enforce them
(`onrecord.demo.replay.RateLimit`), each with its platform's rate-limit headers and 429 answer.
The figures are the ones crawler/settings/base.py paces by, from the same sources; a stand-in
that enforces them answers 429 to any client that goes faster.

    server.limit(*mastodon())            # each fake site does this itself (limits=None)
    server.limit(*mastodon(api=(6, 3)))  # a smaller budget for a test: 6 requests per 3 s
"""
from __future__ import annotations

from datetime import datetime, timezone

from onrecord.demo.replay import RateLimit, Reply

PAGING = ("max_id", "min_id", "since_id", "page")


def _mastodon_headers(rate_limit: RateLimit, remaining: int, reset: float) -> dict:
    # config/initializers/rack_attack.rb: ISO 8601 reset with 6 fractional digits.
    moment = datetime.fromtimestamp(reset, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return {"X-RateLimit-Limit": str(rate_limit.limit), "X-RateLimit-Remaining": str(remaining),
            "X-RateLimit-Reset": moment}


def _mastodon_refusal(rate_limit: RateLimit, reset: float) -> Reply:
    # rack_attack.rb's throttled_responder: no Retry-After, the reset header says when.
    return Reply.json({"error": "Too many requests"}, status=429, headers=_mastodon_headers(rate_limit, 0, reset))


def mastodon(api: tuple = (300, 300), paging: tuple = (300, 900)) -> list[RateLimit]:
    """An instance's budgets for anonymous clients, per IP: every /api/ request, 300 per 5 minutes;
    paging requests (max_id, min_id, since_id or page), 300 per 15 minutes
    (docs.joinmastodon.org/api/rate-limits/ and rack-attack's throttles in mastodon's
    config/initializers/rack_attack.rb)."""
    def is_api(request):
        return request.path.startswith("/api/")

    def is_paging(request):
        return is_api(request) and any(request.query.get(name) for name in PAGING)

    return [RateLimit(*api, applies=is_api, headers=_mastodon_headers, refusal=_mastodon_refusal, name="api"),
            RateLimit(*paging, applies=is_paging, headers=_mastodon_headers, refusal=_mastodon_refusal,
                      name="paging")]


def _bluesky_headers(rate_limit: RateLimit, remaining: int, reset: float) -> dict:
    # atproto xrpc-server rate-limiter-http.ts: epoch seconds and an IETF RateLimit-Policy.
    return {"ratelimit-limit": str(rate_limit.limit), "ratelimit-remaining": str(remaining),
            "ratelimit-reset": str(int(reset)), "ratelimit-policy": f"{rate_limit.limit};w={int(rate_limit.window)}"}


def _bluesky_refusal(rate_limit: RateLimit, reset: float) -> Reply:
    return Reply.json({"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"}, status=429,
                      headers=_bluesky_headers(rate_limit, 0, reset))


def bluesky(budget: tuple = (3000, 300)) -> list[RateLimit]:
    """The AppView's budget: 3,000 requests per 5 minutes per IP. Bluesky publishes that figure for
    the PDS; for the AppView it only says "generous" (bsky-docs rate-limits.md), and this stand-in
    holds it to the PDS's figure, the one the crawler paces by."""
    return [RateLimit(*budget, applies=lambda request: request.path.startswith("/xrpc/"),
                      headers=_bluesky_headers, refusal=_bluesky_refusal, name="xrpc")]


def _x_headers(rate_limit: RateLimit, remaining: int, reset: float) -> dict:
    return {"x-rate-limit-limit": str(rate_limit.limit), "x-rate-limit-remaining": str(remaining),
            "x-rate-limit-reset": str(int(reset))}


def _x_refusal(rate_limit: RateLimit, reset: float) -> Reply:
    # The body docs.x.com/x-api/fundamentals/rate-limits shows for a 429.
    return Reply.json({"errors": [{"code": 88, "message": "Rate limit exceeded"}]}, status=429,
                      headers=_x_headers(rate_limit, 0, reset))


def x(users: tuple = (300, 900), timeline: tuple = (10000, 900)) -> list[RateLimit]:
    """X API v2 per app (bearer token), per endpoint, per 15 minutes (docs.x.com/x-api/fundamentals/
    rate-limits): GET /2/users/by/username/:username 300, GET /2/users/:id/tweets 10,000."""
    return [RateLimit(*users, applies=lambda request: request.path.startswith("/2/users/by/username/"),
                      headers=_x_headers, refusal=_x_refusal, name="users"),
            RateLimit(*timeline, applies=lambda request: request.path.startswith("/2/users/")
                      and request.path.endswith("/tweets"), headers=_x_headers, refusal=_x_refusal, name="timeline")]


def crawl_delay(seconds: float, applies=None) -> RateLimit:
    """A site whose robots.txt says `Crawl-delay: <seconds>`: one request per that many seconds
    over the requests `applies` selects (default: all); two requests closer than that within one
    window get a 429 with Retry-After. The window is 10% shorter, so the jitter of loopback latency
    never refuses a client that keeps the delay."""
    limit = RateLimit(1, seconds * 0.9, name="crawl-delay")
    if applies is not None:
        limit.applies = applies
    return limit


def robots_txt(crawl_delay_seconds: float | None = None, disallow: tuple = ()) -> Reply:
    """A robots.txt for every user agent, with a Crawl-delay when given."""
    lines = ["User-agent: *"] + [f"Disallow: {path}" for path in disallow]
    if crawl_delay_seconds is not None:
        lines.append(f"Crawl-delay: {crawl_delay_seconds:g}")
    return Reply(body="\n".join(lines) + "\n", headers={"Content-Type": "text/plain"})
