"""Crawl benchmark, in two parts, each crawl being `onrecord crawl` in a child process
(crawler/launch.py, the way every crawl is started) against local stand-ins (onrecord.demo.sites)
that serve fictional accounts.

    .venv/bin/python bench/crawl.py [--spread-posts 79] [--accounts 100] [--posts 400] [--only polite|off]

1. Polite, at the DEFAULT settings (crawler/settings/base.py): 75 accounts spread over 11
   loopback hosts the way sources are spread in reality: 25 Mastodon accounts over 5 instances
   (127.0.0.2-6), 25 Bluesky accounts on one AppView (127.0.0.7), 25 feeds over 5 sites
   (127.0.0.8-12; two of them set a robots.txt Crawl-delay of 2 s). Every stand-in enforces its
   platform's published budget and answers 429 past it (demo/sites/limits.py). Prints the first
   crawl's time (target <= 60 s) and statements stored (target: all), requests against the
   fewest possible (target <= 1.25x), 429s (target 0), the pace each platform ran at against
   its budget, and a no-change re-crawl. Baselines from the same run: the least time the budgets
   allow at the default share (ONRECORD_BUDGET_SHARE) for the same requests, and the same first
   crawl with politeness off (crawler/settings/local.py).
2. Politeness off: 100 accounts x 400 posts over Mastodon, Bluesky and RSS on one host, no
   enforced budgets, politeness off: the code's own speed. Statements/s of the first crawl against
   a baseline measured in the same run (saving as many statements straight through
   db.save.save_statements: no HTTP, no Scrapy); requests per statement against the least the
   platforms allow (one lookup, then pages of the API maximum: 40 Mastodon statuses, 100 Bluesky
   feed items; one GET per feed); page fill; requests per account for a re-crawl where nothing
   changed. Targets: >= 500 statements/s on 2 cores, pages >= 95% full, <= 2 requests per account.

Times are the crawl's own, as the child reports them (`onrecord crawl --json`), without its
start-up. Posts are 6 hours apart, so a week holds 28 of them: a re-crawl reads one page per
account for the 7-day re-read window.
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
PLATFORMS = ("mastodon", "bluesky", "rss")


def crawl(watchlist_path, db_path, polite: bool) -> dict:
    """One crawl in a child process (a Scrapy reactor runs once per process); its figures."""
    import resource

    from onrecord.crawler.launch import LOCAL, crawl_in_child
    from onrecord.crawler.settings import ENV

    env = {key: value for key, value in os.environ.items() if key != ENV}  # polite: the defaults, whatever the shell says
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    outcome = crawl_in_child(watchlist_path, db_path, settings_module=None if polite else LOCAL, env=env, timeout=1800)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if outcome.returncode != 0 or outcome.summary is None:
        sys.exit(f"crawl failed:\n{outcome.stderr[-3000:]}")
    summary = outcome.summary
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"seconds": summary["seconds"], "cpu": cpu, "items": summary["items"], "new": summary["new_items"],
            "ok": summary["ok"], "sources": summary["sources"]}


def write_watchlist(path: Path, accounts: list[dict]) -> Path:
    import yaml

    leaders = [{"id": f"leader-{n}", "name": f"Fictional Leader {n}", "accounts": [account]}
               for n, account in enumerate(accounts)]
    path.write_text(yaml.safe_dump({"topic": {"id": "bench", "name": "Fictional benchmark"}, "leaders": leaders}))
    return path


def platform_of(request) -> str:
    if request.path.startswith("/api/v1/"):
        return "mastodon"
    return "bluesky" if request.path.startswith("/xrpc/") else "rss"  # feeds and robots.txt


# -- 1. polite, at the defaults, 75 accounts over 11 hosts -----------------------------------------
class Spread:
    """The stand-ins of part 1, each on its own loopback host, and the watchlist over them."""

    MASTODON_HOSTS = [f"127.0.0.{n}" for n in range(2, 7)]
    APPVIEW_HOST = "127.0.0.7"
    SITE_HOSTS = [f"127.0.0.{n}" for n in range(8, 13)]
    CRAWL_DELAYS = {0: 2.0, 1: 2.0}  # site index -> its robots.txt Crawl-delay

    def __init__(self, posts: int, per_platform: int = 25):
        from onrecord.demo.replay import ReplayServer
        from onrecord.demo.sites import BlueskyAppView, MastodonInstance, RssFeed, make_posts
        from onrecord.demo.sites.limits import crawl_delay, robots_txt

        self.posts = posts
        self.servers = {host: ReplayServer(host=host).start()
                        for host in self.MASTODON_HOSTS + [self.APPVIEW_HOST] + self.SITE_HOSTS}
        instances = [MastodonInstance(self.servers[host], domain=f"instance{n}.example")
                     for n, host in enumerate(self.MASTODON_HOSTS)]
        appview = BlueskyAppView(self.servers[self.APPVIEW_HOST])
        for n, host in enumerate(self.SITE_HOSTS):
            delay = self.CRAWL_DELAYS.get(n)
            self.servers[host].add("/robots.txt", robots_txt(delay))
            if delay:
                self.servers[host].limit(crawl_delay(delay))
        self.accounts = []
        for n in range(per_platform):
            made = lambda seed: make_posts(posts, seed=seed, spacing_minutes=SPACING_MINUTES)  # noqa: E731
            instance = instances[n % len(instances)]
            instance.add_account(f"leader{n}", made(n))
            self.accounts.append({"platform": "mastodon", "handle": f"leader{n}@{instance.domain}",
                                  "api": instance.server.base})
            appview.add_actor(f"leader{n}.bench.example", made(1000 + n))
            self.accounts.append({"platform": "bluesky", "handle": f"leader{n}.bench.example", "api": appview.server.base})
            site = self.servers[self.SITE_HOSTS[n % len(self.SITE_HOSTS)]]
            RssFeed(site, f"/leader{n}/feed.xml", made(2000 + n))
            self.accounts.append({"platform": "rss", "url": site.url(f"/leader{n}/feed.xml")})
        self.per_platform = per_platform

    def requests(self) -> list:
        return [request for server in self.servers.values() for request in server.requests]

    def hosts(self) -> list:
        """(host, request) for every request logged."""
        return [(host, request) for host, server in self.servers.items() for request in server.requests]

    def unenforced(self):
        """The stand-ins without their budgets, for the politeness-off baseline (it would be refused)."""
        spread = self

        class Off:
            def __enter__(self):
                self.saved = {host: list(server.rate_limits) for host, server in spread.servers.items()}
                for server in spread.servers.values():
                    server.rate_limits.clear()

            def __exit__(self, *exc):
                for host, server in spread.servers.items():
                    server.rate_limits.extend(self.saved[host])

        return Off()

    def refused(self) -> int:
        return sum(server.refused() for server in self.servers.values())

    def clear(self) -> None:
        for server in self.servers.values():
            server.clear_log()

    def fewest(self) -> dict:
        """The fewest requests the first crawl can make: a lookup and full pages per account,
        one GET per feed and robots.txt once per site."""
        return {"mastodon": self.per_platform * (1 + math.ceil(self.posts / PAGE_MAX["mastodon"])),
                "bluesky": self.per_platform * (1 + math.ceil(self.posts / PAGE_MAX["bluesky"])),
                "rss": self.per_platform + len(self.SITE_HOSTS)}

    def stop(self) -> None:
        for server in self.servers.values():
            server.stop()


def lanes(logged) -> dict:
    """(host, platform, lane) -> the times its requests arrived, lanes as crawler/pacing.py keeps them."""
    from onrecord.crawler.pacing import HostPace

    paced = {}
    budgets = crawl_settings().getdict("ONRECORD_BUDGETS")
    for host, request in logged:
        platform = platform_of(request)
        lane = ""
        if platform in budgets:
            target = request.path + ("?" + "&".join(f"{k}={v[0]}" for k, v in request.query.items()) if request.query else "")
            lane = HostPace.from_setting(budgets[platform], 1.0).lane_of(target)
        paced.setdefault((host, platform, lane), []).append(request.at)
    return paced


def crawl_settings():
    from onrecord.crawler.crawl import crawl_settings as settings

    saved = os.environ.pop("ONRECORD_CRAWL_SETTINGS", None)
    try:
        return settings()  # the defaults
    finally:
        if saved is not None:
            os.environ["ONRECORD_CRAWL_SETTINGS"] = saved


def interval(platform: str, lane: str, host: str, spread: Spread) -> float:
    """Seconds between two requests of a lane at the default settings."""
    from onrecord.crawler.pacing import HostPace

    settings = crawl_settings()
    budgets = settings.getdict("ONRECORD_BUDGETS")
    if platform in budgets:
        return HostPace.from_setting(budgets[platform], settings.getfloat("ONRECORD_BUDGET_SHARE")).interval(lane)
    index = spread.SITE_HOSTS.index(host)
    return spread.CRAWL_DELAYS.get(index, settings.getfloat("DOWNLOAD_DELAY"))


def polite(args, tmp: Path) -> None:
    spread = Spread(args.spread_posts)
    try:
        watchlist = write_watchlist(tmp / "spread.yml", spread.accounts)
        with spread.unenforced():
            off = crawl(watchlist, tmp / "spread-off.db", polite=False)
        off_requests = len(spread.requests())
        spread.clear()
        first = crawl(watchlist, tmp / "spread.db", polite=True)
        made, refused = spread.requests(), spread.refused()
        paced = lanes(spread.hosts())
        spread.clear()
        again = crawl(watchlist, tmp / "spread.db", polite=True)
        again_made, again_refused = spread.requests(), spread.refused()
    finally:
        spread.stop()

    settings = crawl_settings()
    share = settings.getfloat("ONRECORD_BUDGET_SHARE")
    accounts, expected = len(spread.accounts), len(spread.accounts) * args.spread_posts
    fewest = spread.fewest()
    floor = max((len(times) - 1) * interval(platform, lane, host, spread) for (host, platform, lane), times in paced.items())
    print(f"1. polite, default settings: {accounts} fictional accounts x {args.spread_posts} posts over "
          f"{len(spread.servers)} loopback hosts (25 Mastodon on 5 instances, 25 Bluesky on one AppView, "
          f"25 feeds on 5 sites, 2 with Crawl-delay 2 s); every stand-in enforces its published budget")
    print(f"first crawl: {first['seconds']:.1f} s (target <= 60 s); {first['items']} statements stored of {expected}")
    print(f"  requests: {len(made)}, fewest possible {sum(fewest.values())}: ratio {len(made) / sum(fewest.values()):.2f} "
          f"(target <= 1.25); 429 answers: {refused} (target 0)")
    by_platform = {p: sum(1 for r in made if platform_of(r) == p) for p in PLATFORMS}
    print("  " + "; ".join(f"{p} {by_platform[p]} of fewest {fewest[p]}" for p in PLATFORMS))
    print(f"  baselines, same run: the budgets at share {share:g} allow these requests in {floor:.1f} s at least "
          f"(the busiest lane); crawl / that = {first['seconds'] / floor:.2f}. Politeness off "
          f"(crawler/settings/local.py): {off['seconds']:.1f} s, {off['items']} statements, {off_requests} requests; "
          f"polite / off = {first['seconds'] / off['seconds']:.1f}")
    print("  pace kept, per lane (mean seconds between requests, against the pace the budget sets at the share):")
    seen = set()
    for (host, platform, lane), times in sorted(paced.items(), key=lambda item: (item[0][1], item[0][2], item[0][0])):
        if len(times) < 2 or (platform, lane) in seen and platform != "rss":
            continue
        seen.add((platform, lane))
        mean = (times[-1] - times[0]) / (len(times) - 1)
        gaps = [b - a for a, b in zip(times, times[1:])]
        name = f"{platform}{' ' + lane if lane else ''} {host}"
        print(f"    {name:<28} {len(times):3d} requests, mean {mean:.2f} s, shortest {min(gaps):.2f} s; "
              f"pace {interval(platform, lane, host, spread):.2f} s")
    print(f"re-crawl, nothing new: {len(again_made)} requests for {accounts} accounts = {len(again_made) / accounts:.2f} "
          f"per account (robots.txt again once per site), {again['seconds']:.1f} s, {again['new']} new statements, "
          f"429 answers: {again_refused}")


def prolific(tmp: Path, posts: int = 400, per_day: int = 40) -> None:
    """The re-crawl rule on a prolific account: one Mastodon and one Bluesky account posting 40 a
    day, crawled once with politeness off (to fill the database), then re-crawled at the defaults
    with nothing new: one request per account plus the pages of the 7-day re-read window."""
    from onrecord.demo.replay import ReplayServer
    from onrecord.demo.sites import BlueskyAppView, MastodonInstance, make_posts

    spacing = 24 * 60 // per_day
    window = crawl_settings().getfloat("ONRECORD_RECHECK_DAYS") * 24 * 60 // spacing  # posts in the window
    with ReplayServer(host="127.0.0.2") as masto_server, ReplayServer(host="127.0.0.7") as bsky_server:
        MastodonInstance(masto_server, domain="busy.example").add_account("busy", make_posts(posts, seed=1, spacing_minutes=spacing))
        BlueskyAppView(bsky_server).add_actor("busy.bench.example", make_posts(posts, seed=2, spacing_minutes=spacing))
        watchlist = write_watchlist(tmp / "prolific.yml", [
            {"platform": "mastodon", "handle": "busy@busy.example", "api": masto_server.base},
            {"platform": "bluesky", "handle": "busy.bench.example", "api": bsky_server.base}])
        crawl(watchlist, tmp / "prolific.db", polite=False)
        for server in (masto_server, bsky_server):
            server.clear_log()
        again = crawl(watchlist, tmp / "prolific.db", polite=True)
        made = {"mastodon": masto_server.count(), "bluesky": bsky_server.count()}
        refused = masto_server.refused() + bsky_server.refused()
    rule = {platform: math.ceil((window + 1) / PAGE_MAX[platform]) for platform in made}
    print(f"prolific accounts ({per_day} posts a day, {window:.0f} in the 7-day re-read window), re-crawl at the "
          f"defaults with nothing new: Mastodon {made['mastodon']} requests (rule: {rule['mastodon']}), Bluesky "
          f"{made['bluesky']} (rule: {rule['bluesky']}), {again['seconds']:.1f} s, {again['new']} new statements, "
          f"429 answers: {refused}")


# -- 2. politeness off, 100 accounts x 400 posts on one host ---------------------------------------
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


def politeness_off(args, tmp: Path) -> None:
    from onrecord.demo.replay import ReplayServer
    from onrecord.demo.sites import BlueskyAppView, MastodonInstance, RssFeed, make_posts

    db_path = tmp / "crawl.db"
    with ReplayServer() as server:
        mastodon = MastodonInstance(server, domain="bench.example", limits=())
        bluesky = BlueskyAppView(server, limits=())
        accounts, per_platform = [], {p: 0 for p in PLATFORMS}
        for n in range(args.accounts):
            platform = PLATFORMS[n % 3]
            per_platform[platform] += 1
            posts = make_posts(args.posts, seed=n, spacing_minutes=SPACING_MINUTES)
            if platform == "mastodon":
                mastodon.add_account(f"leader{n}", posts)
                accounts.append({"platform": "mastodon", "handle": f"leader{n}@bench.example", "api": server.base})
            elif platform == "bluesky":
                bluesky.add_actor(f"leader{n}.bench.example", posts)
                accounts.append({"platform": "bluesky", "handle": f"leader{n}.bench.example", "api": server.base})
            else:
                RssFeed(server, f"/leader{n}/feed.xml", posts)
                accounts.append({"platform": "rss", "url": server.url(f"/leader{n}/feed.xml")})
        watchlist = write_watchlist(tmp / "watchlist.yml", accounts)
        first = crawl(watchlist, db_path, polite=False)
        first_requests = list(server.requests)
        server.clear_log()
        again = crawl(watchlist, db_path, polite=False)
        again_requests = list(server.requests)

    baseline = storage_baseline(first["items"], tmp)
    total = args.accounts * args.posts
    rate = first["items"] / first["seconds"]

    def by_platform(requests):
        counts = {p: 0 for p in PLATFORMS}
        for request in requests:
            counts[platform_of(request)] += 1
        return counts

    print(f"2. politeness off: {args.accounts} fictional accounts x {args.posts} posts "
          f"({per_platform['mastodon']} Mastodon, {per_platform['bluesky']} Bluesky, {per_platform['rss']} RSS) on one "
          f"host, no enforced budgets, crawler/settings/local.py (no pace, no AutoThrottle, 16 per host): our code, "
          f"not the delays a real crawl waits")
    print(f"first crawl: {first['items']} statements of {total} in {first['seconds']:.1f} s "
          f"= {rate:.0f} statements/s (target >= 500)")
    print(f"  crawl child CPU {first['cpu']:.1f} s, its start-up included (the replay server, in this process, "
          f"takes the rest)")
    print(f"  baseline, save_statements alone on as many rows: {baseline:.0f} statements/s; "
          f"crawl / baseline = {rate / baseline:.2f}")
    made = by_platform(first_requests)
    for platform in ("mastodon", "bluesky"):
        count, page_max = per_platform[platform], PAGE_MAX[platform]
        if not count:
            continue
        pages = [r for r in first_requests
                 if r.path.endswith("/statuses" if platform == "mastodon" else "getAuthorFeed")]
        statements = count * args.posts
        ideal = count * (1 + math.ceil(args.posts / page_max))
        full_pages = count * math.ceil(args.posts / page_max)
        print(f"{platform}: {made[platform]} requests for {statements} statements = "
              f"{made[platform] / statements:.4f} requests/statement; least possible "
              f"{ideal / statements:.4f} (lookup + pages of {page_max}); ratio {made[platform] / ideal:.2f}")
        print(f"  page fill: {statements / (full_pages * page_max):.1%} of {page_max} per non-empty page "
              f"(target >= 95%); {len(pages) - full_pages} closing empty pages (the API sends `next` after a full "
              f"last page), {statements / (len(pages) * page_max):.1%} counting them")
    if per_platform["rss"]:
        print(f"rss: {made['rss']} requests for {per_platform['rss']} feeds (one GET per feed, robots.txt once per host)")
    recrawl = by_platform(again_requests)
    print(f"re-crawl, nothing changed: {len(again_requests)} requests for {args.accounts} accounts = "
          f"{len(again_requests) / args.accounts:.2f} per account (target <= 2); new statements {again['new']}")
    for platform in PLATFORMS:
        if per_platform[platform]:
            print(f"  {platform}: {recrawl[platform] / per_platform[platform]:.2f} requests per account")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--spread-posts", type=int, default=79, help="posts per account in part 1")
    parser.add_argument("--accounts", type=int, default=100, help="accounts in part 2")
    parser.add_argument("--posts", type=int, default=400, help="posts per account in part 2")
    parser.add_argument("--only", choices=("polite", "off"), help="run one part")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="onrecord-bench-crawl-"))
    print(f"onrecord crawl benchmark, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}\n")
    if args.only != "off":
        polite(args, tmp)
        prolific(tmp)
        print()
    if args.only != "polite":
        politeness_off(args, tmp)
    print(f"\n(databases and watchlists in {tmp})")


if __name__ == "__main__":
    main()
