"""`onrecord demo`: the whole pipeline, offline, on the bundled FICTIONAL sample (demo/data/).

A local replay server (onrecord.demo.replay) serves the sample in each platform's real format; a demo
watchlist points every account at it (`api:` / url overrides). Then the real steps run, the way a
user runs them: a crawl (`onrecord crawl` in a child process, crawler/launch.py, with the settings
for a local server, and no X token, so X accounts are skipped), with a news archive (a stand-in
for GDELT, holding the last `archive.covers_days` only), the "next night" with one post edited
and one deleted and a second crawl,
then the classify step (nlp/classify.py, under the database's writer lock). `onrecord demo` then
serves it with a banner saying it is fiction.
"""
from __future__ import annotations

import os
import random
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from importlib import resources
from pathlib import Path

import yaml

from onrecord.db.queries import is_demo_database
from onrecord.demo.sites.gdelt import PATH as GDELT_PATH

DATA = Path(str(resources.files("onrecord.demo") / "data"))
FILLER = (
    "Shipping {product} {version} today: faster builds and fewer surprises.",
    "Great offsite with the {team} team this week. Proud of what we shipped this quarter.",
    "We are hiring {role}s in {city}. Come build {product} with us.",
    "Reading list for the weekend: three papers on {topic}.",
    "Our {product} status page was red for 20 minutes this morning; postmortem coming tomorrow.",
    "Spoke at the {city} developer meetup about {topic}. Slides are on our blog.",
    "Thank you to the {team} team for a record quarter.",
    "Hot take: most {topic} problems are naming problems.",
    "The new {product} pricing page is live. Simpler tiers, no surprises.",
    "Quarterly letter: our data centre in {city} opens in spring, powered by wind.",
    "Ran the {city} half marathon this morning. Legs disagree with my life choices.",
    "{product} now supports single sign-on for every plan.",
)
WORDS = {
    "product": ("Beacon", "Ledgerly", "Tessellate", "Nimbus Sync", "Harbor CLI", "Quarry"),
    "version": ("2.0", "3.1", "1.4", "5.0", "0.9"),
    "team": ("platform", "design", "support", "infrastructure", "research"),
    "role": ("site reliability engineer", "designer", "data engineer", "product manager"),
    "city": ("Riverton", "Lakeport", "Eastvale", "Northfold"),
    "topic": ("distributed systems", "compilers", "developer tooling", "energy storage", "search ranking"),
}


def load_demo() -> dict:
    return yaml.safe_load((DATA / "demo.yml").read_text(encoding="utf-8"))


def filler_posts(count: int, seed: str, now: datetime):
    """Off-topic posts, one every day or two, newest first: most of what leaders post."""
    from onrecord.demo.sites import FakePost

    rng = random.Random(seed)
    posts, seen = [], set()
    for index in range(count):
        text = None
        while text is None or text in seen:  # a feed repeating an entry would be skipped as a duplicate
            template = rng.choice(FILLER)
            text = template.format(**{key: rng.choice(values) for key, values in WORDS.items()})
        seen.add(text)
        when = now - timedelta(days=1 + index * 2.5 + rng.random(), minutes=rng.randint(0, 600))
        posts.append(FakePost(text=text, created_at=when.replace(microsecond=0)))
    return posts


def scripted_posts(account: dict, now: datetime):
    from onrecord.demo.sites import FakePost

    return [FakePost(text=post["text"], created_at=(now - timedelta(days=post["days"], hours=3)).replace(microsecond=0))
            for post in account.get("posts", [])]


class DemoSites:
    """The sample on a replay server, plus the changes of the next night."""

    def __init__(self, server, demo: dict, now: datetime):
        from onrecord.demo.replay import Reply
        from onrecord.demo.sites import BlueskyAppView, MastodonInstance, RssFeed

        self.server, self.demo, self.now = server, demo, now
        self.mastodon = MastodonInstance(server, domain=demo["mastodon_domain"])
        self.bluesky = BlueskyAppView(server)
        server.add("/robots.txt", Reply(status=404))
        self.sites = {}  # (leader id, handle or path) -> site account
        self.accounts = {}  # leader id -> watchlist accounts
        for leader in demo["leaders"]:
            entries = []
            for account in leader.get("accounts", []):
                key = account.get("handle") or account.get("path")
                posts = scripted_posts(account, now) + filler_posts(demo["filler_per_account"], f"{leader['id']}:{key}", now)
                platform = account["platform"]
                if platform == "mastodon":
                    if not account.get("failing"):  # unknown to the instance: the lookup answers 404
                        self.sites[leader["id"], key] = self.mastodon.add_account(account["handle"], posts)
                    entries.append({"platform": "mastodon", "handle": f"{account['handle']}@{demo['mastodon_domain']}",
                                    "api": server.base})
                elif platform == "bluesky":
                    self.sites[leader["id"], key] = self.bluesky.add_actor(account["handle"], posts)
                    entries.append({"platform": "bluesky", "handle": account["handle"], "api": server.base})
                elif platform == "rss":
                    title = f"{leader['organization']} blog"
                    self.sites[leader["id"], key] = RssFeed(server, account["path"], posts, title=title)
                    entries.append({"platform": "rss", "url": server.url(account["path"])})
                elif platform == "x":  # crawled without a token: skipped, and never asked
                    entries.append({"platform": "x", "handle": account["handle"], "api": server.base})
            self.accounts[leader["id"]] = entries
        self.news_urls = self._add_news(demo["news"])
        self.archive = self._add_archive(demo["archive"], demo["news"])

    def _add_archive(self, config: dict, news: dict):
        """The news archive: topic articles every day of its rolling window (what its probe
        finds), and the demo's articles under the names they carry."""
        from onrecord.demo.sites import GdeltArchive

        covers_from = self.now - timedelta(days=config["covers_days"])
        archive = GdeltArchive(self.server, covers_from=covers_from, terms=config["terms"])
        archive.add_topic_days(covers_from, self.now)
        for article in news["articles"]:
            archive.add_article(article["path"], self.now - timedelta(days=article["days"], hours=5),
                                names=article.get("names", []), title=article["file"])
        return archive

    def _add_news(self, news: dict) -> list:
        from onrecord.db.times import FORMAT
        from onrecord.demo.replay import Reply

        items = []
        urls = []
        for article in news["articles"]:
            published = self.now - timedelta(days=article["days"], hours=5)
            stamp = published.strftime(FORMAT)
            page = (DATA / "news" / article["file"]).read_text(encoding="utf-8").replace("{PUBLISHED}", stamp)
            self.server.add(article["path"], Reply(body=page, headers={"Content-Type": "text/html; charset=utf-8"}))
            if article["in_feed"]:
                items.append(f"<item><title>{article['file']}</title><link>{{BASE}}{article['path']}</link>"
                             f"<guid isPermaLink=\"true\">{{BASE}}{article['path']}</guid>"
                             f"<pubDate>{format_datetime(published, usegmt=True)}</pubDate></item>")
            else:
                urls.append(self.server.url(article["path"]))  # an article watched directly
        feed = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
                f"<title>{news['outlet']}</title><link>{{BASE}}/ledger/</link>"
                f"<description>A fictional newspaper</description>{''.join(items)}</channel></rss>")
        self.server.add(news["feed"], Reply(body=feed, headers={"Content-Type": "application/rss+xml; charset=utf-8"}))
        return [self.server.url(news["feed"])] + urls

    def watchlist(self, late_additions: bool = False) -> dict:
        """The demo watchlist; leaders marked `added_after_crawl` only with `late_additions`."""
        topic = self.demo["topic"]
        since = (self.now - timedelta(days=topic["since_days"])).strftime("%Y-%m-%d")
        return {
            "topic": {"id": topic["id"], "name": topic["name"], "since": since},
            "leaders": [
                {key: leader[key] for key in ("id", "name", "aliases", "title", "organization") if key in leader}
                | {"accounts": self.accounts.get(leader["id"], [])}
                for leader in self.demo["leaders"]
                if late_additions or not leader.get("added_after_crawl")
            ],
            "news": [{"url": url} for url in self.news_urls],
            "archive": {"terms": self.demo["archive"]["terms"], "api": self.server.url(GDELT_PATH)},
        }

    def next_night(self) -> list:
        """Edit and delete the posts marked so in demo.yml; returns what changed, for the log."""
        changes = []
        for leader in self.demo["leaders"]:
            for account in leader.get("accounts", []):
                site = self.sites.get((leader["id"], account.get("handle") or account.get("path")))
                for post in account.get("posts", []):
                    live = next((p for p in site.posts if p.text == post["text"]), None) if site else None
                    if live is None:
                        continue
                    if post.get("edit_next_night"):
                        if hasattr(site, "edit"):
                            site.edit(live.id, post["edit_next_night"], when=self.now)
                        else:
                            live.text, live.edited_at = post["edit_next_night"], self.now
                        changes.append(f"{leader['name']} edited a {account['platform']} post")
                    if post.get("delete_next_night"):
                        site.delete(live.id)
                        changes.append(f"{leader['name']} deleted a {account['platform']} post")
        return changes


def crawl(watchlist_path: Path, db_path: Path, echo) -> dict:
    from onrecord.crawler.launch import LOCAL, crawl_in_child

    from onrecord.crawler.sources import X_TOKEN_ENV

    env = {key: value for key, value in os.environ.items() if key != X_TOKEN_ENV}
    outcome = crawl_in_child(watchlist_path, db_path, settings_module=LOCAL, timeout=300, env=env,
                             echo=lambda line: echo("  " + line))
    if outcome.returncode not in (0, 1) or outcome.summary is None:
        raise RuntimeError(f"the demo crawl failed (exit {outcome.returncode}): {outcome.stderr.strip()[-2000:]}")
    return outcome.summary


def build_demo(db_path, echo=print, now: datetime | None = None) -> dict:
    """Build the demo database at `db_path` (replacing an earlier demo database); returns timings
    and the leaders' stances."""
    from onrecord.db.connect import open_db
    from onrecord.db.queries import leader_stances
    from onrecord.db.save import save_watchlist
    from onrecord.demo.replay import ReplayServer
    from onrecord.nlp.classify import classify_database
    from onrecord.watchlist import load_watchlist

    db_path = Path(db_path)
    if db_path.exists():
        if not is_demo_database(db_path):
            raise FileExistsError(f"{db_path} exists and is not a demo database; pick another --db")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    now = (now or datetime.now(timezone.utc)).replace(microsecond=0)
    demo = load_demo()
    timings = {}
    started = time.perf_counter()
    with ReplayServer() as server:
        sites = DemoSites(server, demo, now)
        watchlist_path = db_path.with_name(db_path.stem + ".watchlist.yml")
        header = "# Generated by `onrecord demo`: FICTIONAL leaders, served by a local replay server.\n"
        watchlist_path.write_text(header + yaml.safe_dump(sites.watchlist(), sort_keys=False), encoding="utf-8")
        echo(f"Replay server at {server.base}; demo watchlist {watchlist_path}")
        echo("Night 1: crawling")
        first = crawl(watchlist_path, db_path, echo)
        timings["crawl 1"] = time.perf_counter() - started
        for change in sites.next_night():
            echo(f"Next night: {change}")
        echo("Night 2: crawling again")
        mark = time.perf_counter()
        second = crawl(watchlist_path, db_path, echo)
        timings["crawl 2"] = time.perf_counter() - mark
        # A leader added to the watchlist after the last crawl: on record, not yet listened to.
        watchlist_path.write_text(header + yaml.safe_dump(sites.watchlist(late_additions=True), sort_keys=False),
                                  encoding="utf-8")
    mark = time.perf_counter()
    watchlist = load_watchlist(watchlist_path)
    db = open_db(db_path)
    save_watchlist(db, watchlist)  # the late addition, on record before anyone listened
    db.close()
    counts = classify_database(db_path, watchlist["topic"])
    timings["classify"] = time.perf_counter() - mark
    db = open_db(db_path)
    reviewed = apply_reviews(db, demo.get("reviews") or {}, watchlist["topic"]["id"], echo)
    stances = {row["leader_id"]: row["stance"] for row in leader_stances(db)}
    db.close()
    timings["total"] = time.perf_counter() - started
    echo(f"Classified {counts['classified']} statements: {counts['on_topic']} on topic, "
         f"{counts['condemning']} condemning, {counts['supporting']} supporting.")
    return {"crawls": [first, second], "classified": counts, "stances": stances, "timings": timings, "reviewed": reviewed,
            "expected": {leader["id"]: leader["expected"] for leader in demo["leaders"]}}


def apply_reviews(db, reviews: dict, topic_id: str, echo) -> int:
    """The demo editor's reviews (demo.yml `reviews`), as `onrecord review` records them; returns
    how many found their statement."""
    from onrecord.db.save import save_review

    applied = 0
    for act in reviews.get("acts", []):
        found = db.execute("SELECT id FROM statements WHERE leader_id = ? AND text LIKE ? ORDER BY id LIMIT 1",
                           [act["leader"], act["text_starts"].replace("%", "") + "%"]).fetchone()
        if found is None:
            echo(f"Review skipped: no statement of {act['leader']} starts with {act['text_starts']!r}")
            continue
        save_review(db, found[0], topic_id, act["action"], reviews["editor"], act["note"], stance=act.get("stance"))
        applied += 1
        echo(f"Reviewed: {reviews['editor']} {act['action']} a statement of {act['leader']}")
    return applied
