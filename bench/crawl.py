"""Crawl benchmark: 100 fictional accounts x 400 posts over Mastodon, Bluesky and RSS, served by
the local replay server (onrecord.demo.sites), crawled by `onrecord crawl` in a child process
(crawler/launch.py, the way every crawl is started).

    .venv/bin/python bench/crawl.py [--accounts 100] [--posts 400]

Prints:
- statements/s of the first crawl, and as a ratio to a baseline measured in the same run: saving
  the same number of statements straight through db.save.save_statements (no HTTP, no Scrapy),
  i.e. how much of the storage ceiling the crawler keeps;
- requests per statement, against the least the platforms allow (one lookup, then pages of the
  API maximum: 40 Mastodon statuses, 100 Bluesky feed items; one GET per feed);
- page fill: statements per page against that maximum (non-empty pages; the protocol's closing
  empty page, sent after a full last page, is counted apart);
- requests per account for a re-crawl where nothing changed (target <= 2).

Politeness is switched off for this run (crawler/settings/local.py: no download delay, no
AutoThrottle, 16 requests at a time per host): every account is on one local host, and the figure
measured is our code, not the delays a real crawl waits out. The time is the crawl's own, as the
child reports it (`onrecord crawl --json`), without the child's start-up. Posts are 6 hours apart, so a week holds 28 of them: the
re-crawl reads one page per account for the 7-day re-read window.
Targets: >= 500 statements/s on 2 cores, pages >= 95% full, <= 2 requests per account unchanged.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
import time
from pathlib import Path

PAGE_MAX = {"mastodon": 40, "bluesky": 100}
SPACING_MINUTES = 360


def crawl(watchlist_path, db_path) -> dict:
    """One crawl in a child process (a Scrapy reactor runs once per process); its figures."""
    import resource

    from onrecord.crawler.launch import LOCAL, crawl_in_child

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    outcome = crawl_in_child(watchlist_path, db_path, settings_module=LOCAL, timeout=1800)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if outcome.returncode != 0 or outcome.summary is None:
        sys.exit(f"crawl failed:\n{outcome.stderr[-3000:]}")
    summary = outcome.summary
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"seconds": summary["seconds"], "cpu": cpu, "items": summary["items"], "new": summary["new_items"],
            "ok": summary["ok"], "sources": summary["sources"]}


def storage_baseline(count: int, tmp: Path) -> float:
    """Statements/s of save_statements alone on rows shaped like the crawl's (with raw payloads)."""
    from onrecord.db.connect import open_db
    from onrecord.db.save import save_statements, save_watchlist

    db = open_db(tmp / "baseline.db")
    save_watchlist(db, {"topic": {"id": "t", "name": "t"}, "leaders": [{"id": "l", "name": "Fictional", "accounts": []}]})
    payload = json.dumps({"content": "<p>" + "fictional words " * 30 + "</p>", "account": {"id": "1", "note": "x" * 600}})
    rows = [{"id": f"mastodon:bench.example:{n}", "leader_id": "l", "platform": "mastodon", "kind": "post",
             "text": f"Fictional statement {n} " + "words " * 20, "published_at": "2026-02-01T00:00:00Z",
             "url": f"https://bench.example/@l/{n}", "lang": "en", "raw": payload} for n in range(count)]
    started = time.perf_counter()
    for start in range(0, count, 500):
        save_statements(db, rows[start : start + 500])
    seconds = time.perf_counter() - started
    db.close()
    return count / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--accounts", type=int, default=100)
    parser.add_argument("--posts", type=int, default=400)
    args = parser.parse_args()

    import yaml

    from onrecord.demo.replay import ReplayServer
    from onrecord.demo.sites import BlueskyAppView, MastodonInstance, RssFeed, make_posts

    tmp = Path(tempfile.mkdtemp(prefix="onrecord-bench-crawl-"))
    db_path = tmp / "crawl.db"
    platforms = ["mastodon", "bluesky", "rss"]
    with ReplayServer() as server:
        mastodon, bluesky = MastodonInstance(server, domain="bench.example"), BlueskyAppView(server)
        leaders, per_platform = [], {p: 0 for p in platforms}
        for n in range(args.accounts):
            platform = platforms[n % 3]
            per_platform[platform] += 1
            posts = make_posts(args.posts, seed=n, spacing_minutes=SPACING_MINUTES)
            if platform == "mastodon":
                mastodon.add_account(f"leader{n}", posts)
                account = {"platform": "mastodon", "handle": f"leader{n}@bench.example", "api": server.base}
            elif platform == "bluesky":
                bluesky.add_actor(f"leader{n}.bench.example", posts)
                account = {"platform": "bluesky", "handle": f"leader{n}.bench.example", "api": server.base}
            else:
                RssFeed(server, f"/leader{n}/feed.xml", posts)
                account = {"platform": "rss", "url": server.url(f"/leader{n}/feed.xml")}
            leaders.append({"id": f"leader-{n}", "name": f"Fictional Leader {n}", "accounts": [account]})
        watchlist = tmp / "watchlist.yml"
        watchlist.write_text(yaml.safe_dump({"topic": {"id": "bench", "name": "Fictional benchmark"}, "leaders": leaders}))

        first = crawl(watchlist, db_path)
        first_requests = list(server.requests)
        server.clear_log()
        again = crawl(watchlist, db_path)
        again_requests = list(server.requests)

    baseline = storage_baseline(first["items"], tmp)
    total = args.accounts * args.posts
    rate = first["items"] / first["seconds"]

    def by_platform(requests):
        counts = {p: 0 for p in platforms}
        for request in requests:
            if "/api/v1/" in request.path:
                counts["mastodon"] += 1
            elif request.path.startswith("/xrpc/"):
                counts["bluesky"] += 1
            else:
                counts["rss"] += 1  # feeds and robots.txt
        return counts

    def page_fill(requests, platform):
        sizes = []
        for request in requests:
            if platform == "mastodon" and request.path.endswith("/statuses"):
                sizes.append(request)
            elif platform == "bluesky" and request.path.endswith("getAuthorFeed"):
                sizes.append(request)
        return sizes

    print(f"onrecord crawl benchmark: {args.accounts} fictional accounts x {args.posts} posts "
          f"({per_platform['mastodon']} Mastodon, {per_platform['bluesky']} Bluesky, {per_platform['rss']} RSS), "
          f"local replay server, {os.cpu_count()} CPUs")
    print("politeness off for this run (DOWNLOAD_DELAY 0, AutoThrottle off, 16 per host): it measures our code, "
          "not the delays a real crawl waits")
    print()
    print(f"first crawl: {first['items']} statements of {total} in {first['seconds']:.1f} s "
          f"= {rate:.0f} statements/s (target >= 500)")
    print(f"  crawl child CPU {first['cpu']:.1f} s, its start-up included (the replay server, in this process, "
          f"takes the rest)")
    print(f"  baseline, save_statements alone on as many rows: {baseline:.0f} statements/s; "
          f"crawl / baseline = {rate / baseline:.2f}")
    made = by_platform(first_requests)
    for platform in ("mastodon", "bluesky"):
        accounts, page_max = per_platform[platform], PAGE_MAX[platform]
        if not accounts:
            continue
        pages = page_fill(first_requests, platform)
        statements = accounts * args.posts
        ideal = accounts * (1 + math.ceil(args.posts / page_max))
        full_pages = accounts * math.ceil(args.posts / page_max)
        closing = len(pages) - full_pages
        print(f"{platform}: {made[platform]} requests for {statements} statements = "
              f"{made[platform] / statements:.4f} requests/statement; least possible "
              f"{ideal / statements:.4f} (lookup + pages of {page_max}); ratio {made[platform] / ideal:.2f}")
        print(f"  page fill: {statements / (full_pages * page_max):.1%} of {page_max} per non-empty page "
              f"(target >= 95%); {closing} closing empty pages (the API sends `next` after a full last page), "
              f"{statements / (len(pages) * page_max):.1%} counting them")
    if per_platform["rss"]:
        print(f"rss: {made['rss']} requests for {per_platform['rss']} feeds (one GET per feed, robots.txt once per host)")
    print()
    recrawl = by_platform(again_requests)
    print(f"re-crawl, nothing changed: {len(again_requests)} requests for {args.accounts} accounts = "
          f"{len(again_requests) / args.accounts:.2f} per account (target <= 2); new statements {again['new']}")
    for platform in platforms:
        if per_platform[platform]:
            print(f"  {platform}: {recrawl[platform] / per_platform[platform]:.2f} requests per account")
    print(f"\n(database and watchlist in {tmp})")


if __name__ == "__main__":
    main()
