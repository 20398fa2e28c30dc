"""Datasette on a big database: p50/p95 latency of the pages analysts open most.

    .venv/bin/python bench/serve.py [--statements 1000000] [--repeat 30] [--keep DIR]

Fills two databases with synthetic statements by FICTIONAL leaders (raw executemany; the
full-text index is rebuilt in one pass at the end): a baseline of 10,000 statements and the big one.
Each page is requested through Datasette in process (`ds.client`, the same app `onrecord serve`
runs, templates and plugins included) and timed; figures are printed with the ratio big/baseline.
Targets on the big database: p95 < 300 ms for the faceted statements page, the board, a leader's
page and the statements-with-stance view (three facets), < 50 ms for a full-text search. plugins/query_cache.py keeps facet and table counts and the board's summary
until the database changes (a crawl), so those pages are measured twice: as served (cached after
the first visit) and "(uncached)", the first visit after each crawl; the targets are checked on both.
"""
from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path


TOPIC = "ice-enforcement"
PLATFORMS = ("mastodon", "bluesky", "rss", "news")
KINDS = ("post", "post", "post", "reply", "repost", "quote")
ON_TOPIC_SHARE = 0.05  # most of what leaders post is about something else
TOPIC_WORDS = ("raids", "ICE", "enforcement", "border", "agents", "deportation", "immigrants", "detention")
RARE_WORD = "quillfeather"  # put in 1 statement in 2,000: a search for a specific phrase or name
NIGHTS = 60
TARGETS = {"statements, 3 facets": 300, "board": 300, "search (rare word)": 50, "leader page": 300,
           "statement_stances, 3 facets": 300}


def fake_words(rng, count):
    syllables = ("ka", "lo", "mi", "ren", "tas", "vo", "pel", "dun", "sa", "tri", "gor", "ne", "bi", "lu")
    return ["".join(rng.choice(syllables) for _ in range(rng.randint(1, 3))) for _ in range(count)]


def fill(path: Path, statements: int, leaders: int = 200, seed: int = 7) -> None:
    """A database shaped like months of nightly crawls; raw inserts, FTS rebuilt at the end."""
    from onrecord.db.connect import open_db

    open_db(path).close()  # the real schema, migrations and views
    rng = random.Random(seed)
    vocabulary = fake_words(rng, 3000)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous = OFF")
    triggers = conn.execute(
        "select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'statements'").fetchall()
    for name, _ in triggers:
        conn.execute(f"DROP TRIGGER [{name}]")
    conn.execute("INSERT INTO topics VALUES (?, ?, ?)", (TOPIC, "Enforcement (synthetic)", "2026-01-01"))
    leader_ids = [f"leader-{n:04d}" for n in range(leaders)]
    conn.executemany("INSERT INTO leaders (id, name, aliases, title, organization) VALUES (?, ?, '[]', 'CEO', ?)",
                     [(lid, f"Fictional Person {n}", f"Fictional Company {n}") for n, lid in enumerate(leader_ids)])
    accounts = []
    for lid in leader_ids:
        for platform in ("mastodon", "bluesky", "rss"):
            accounts.append((f"{platform}:{lid}", lid, platform, lid))
    conn.executemany("INSERT INTO accounts (id, leader_id, platform, handle) VALUES (?, ?, ?, ?)", accounts)
    # a tenth of the leaders never speak on the topic; a twentieth are never crawled successfully
    quiet = set(leader_ids[::10])
    failing = set(leader_ids[3::20])
    condemners = set(leader_ids[1::10])
    supporters = set(leader_ids[2::10])
    start = time.mktime((2025, 7, 1, 0, 0, 0, 0, 0, 0))
    span = time.mktime((2026, 11, 20, 0, 0, 0, 0, 0, 0)) - start

    def batches(size=20_000):
        """(statements, stances) in batches: one random stream, so a stance matches its statement."""
        local = random.Random(seed + 1)
        statements_batch, stances_batch = [], []
        for n in range(statements):
            lid = leader_ids[local.randrange(leaders)]
            platform = local.choice(PLATFORMS)
            on_topic = lid not in quiet and local.random() < ON_TOPIC_SHARE
            words = local.choices(vocabulary, k=local.randint(8, 40))
            if on_topic:
                words[local.randrange(len(words))] = local.choice(TOPIC_WORDS)
            if n % 2000 == 0:
                words[0] = RARE_WORD
            published = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(start + local.random() * span))
            sid = f"{platform}:{n}"
            account = None if platform == "news" else f"{platform}:{lid}"
            statements_batch.append((sid, lid, account, platform, local.choice(KINDS), f"https://example.invalid/{n}",
                                     " ".join(words), published, published, published, "en"))
            stance = "silent"
            if on_topic:
                stance = local.choices(("condemning", "supporting", "silent"), (4, 2, 4))[0]
                # a few leaders only ever condemn, a few only support: every board colour shows
                if lid in condemners and stance == "supporting":
                    stance = "condemning"
                elif lid in supporters and stance == "condemning":
                    stance = "supporting"
            stances_batch.append((sid, TOPIC, stance, int(on_topic), round(local.random(), 3),
                                  words[0] if on_topic else None, "synthetic 0", "2026-11-20T00:00:00Z"))
            if len(statements_batch) >= size:
                yield statements_batch, stances_batch
                statements_batch, stances_batch = [], []
        if statements_batch:
            yield statements_batch, stances_batch

    for statements_batch, stances_batch in batches():
        conn.executemany(
            "INSERT INTO statements (id, leader_id, account_id, platform, kind, url, text, published_at,"
            " first_seen_at, last_seen_at, lang) VALUES (?,?,?,?,?,?,?,?,?,?,?)", statements_batch)
        conn.executemany("INSERT INTO stances (statement_id, topic_id, stance, on_topic, confidence, evidence,"
                         " model, classified_at) VALUES (?,?,?,?,?,?,?,?)", stances_batch)
    crawls = []
    for night in range(NIGHTS):
        moment = start + span - (NIGHTS - night) * 86400
        day = time.strftime("%Y-%m-%dT02:00:00Z", time.gmtime(moment))
        # the first night reads each listing back to before the window; later ones back a week
        back = "2025-01-01T00:00:00Z" if night == 0 else time.strftime("%Y-%m-%dT02:00:00Z", time.gmtime(moment - 7 * 86400))
        for account_id, lid, platform, _ in accounts:
            status = "failed" if lid in failing else "ok"
            crawls.append((platform, account_id, None, day, day, status, 10, 1, "HTTP 503" if status == "failed" else None,
                           None if status == "failed" else back, None if status == "failed" else day))
        # the news crawls fail too, so leaders whose accounts fail stay unmonitored
        crawls.append(("news", None, "https://news.invalid/feed.xml", day, day, "failed", 0, 0, "HTTP 503", None, None))
    conn.executemany("INSERT INTO crawls (platform, account_id, source_url, started_at, finished_at, status, items,"
                     " new_items, error, covered_from, covered_to) VALUES (?,?,?,?,?,?,?,?,?,?,?)", crawls)
    conn.execute("INSERT INTO crawl_leaders (crawl_id, leader_id) SELECT c.id, l.id FROM crawls c CROSS JOIN leaders l"
                 " WHERE c.platform = 'news'")
    # each source's continuous window, as db/save.py's record_crawl keeps it: every night overlaps
    # the one before, so the accounts read fine cover 2025-01-01 to the last night
    first, last = crawls[0][3], crawls[-1][3]
    conn.executemany(
        "INSERT INTO source_coverage (leader_id, source, channel, covered_from, covered_to, first_crawl_at,"
        " last_crawl_at, last_status, last_error) VALUES (?,?,?,?,?,?,?,?,?)",
        [(lid, account_id, platform, None if lid in failing else "2025-01-01T00:00:00Z",
          None if lid in failing else last, first, last, "failed" if lid in failing else "ok",
          "HTTP 503" if lid in failing else None) for account_id, lid, platform, _ in accounts]
        + [(lid, "https://news.invalid/feed.xml", "news", None, None, first, last, "failed", "HTTP 503")
           for lid in leader_ids])
    conn.execute("INSERT INTO statements_fts (statements_fts) VALUES ('rebuild')")
    for _, sql in triggers:
        conn.execute(sql)
    conn.commit()
    conn.execute("ANALYZE")
    conn.commit()
    conn.close()


PAGES = {
    # the facets come from metadata.yml (leader_id, platform, kind); adding _facet= for them too
    # would make Datasette 0.65 compute each twice
    "statements, 3 facets": "/onrecord/statements",
    "search (rare word)": f"/onrecord/search.json?q={RARE_WORD}",
    "search (topic word)": "/onrecord/search.json?q=raids",
    "table search (rare word)": f"/onrecord/statements.json?_search={RARE_WORD}&_nofacet=1",
    "board": "/board",
    "leader_stances": "/onrecord/leader_stances.json?_size=max",
    # a leader who spoke on the topic (leader-0011 condemns): their statements, history and accounts
    "leader page": "/leaders/leader-0011",
    "statement_stances, 3 facets": "/onrecord/statement_stances",
}


# plugins/query_cache.py keeps facet counts, table counts and the board's summary until the
# database changes (nightly); these pages are also measured without it: the first visit after a crawl.
UNCACHED = ("statements, 3 facets", "board", "leader_stances", "leader page", "statement_stances, 3 facets")


async def measure(db_path: Path, repeat: int, cached: bool = True) -> dict:
    from onrecord.db.connect import open_db
    from onrecord.publish import build_datasette

    open_db(db_path).close()  # as `onrecord serve` does: pending migrations first
    ds = build_datasette(db_path, extra_plugins=None if cached else {"onrecord": {"query_cache": False}})
    await ds.invoke_startup()
    figures = {}
    for name, page in PAGES.items():
        if not cached and name not in UNCACHED:
            continue
        response = await ds.client.get(page)  # warm caches, and fail loudly on a broken page
        if response.status_code != 200:
            raise SystemExit(f"{name}: HTTP {response.status_code}: {response.text[:300]}")
        if name.endswith("3 facets") and response.text.count('class="facet-info') < 3:
            raise SystemExit(f"{name}: the page lost its facets: " + page)
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            await ds.client.get(page)
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        figures[name] = (statistics.median(times), times[max(0, int(round(0.95 * len(times))) - 1)])
    return figures


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--baseline", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--keep", type=Path, help="folder to keep the databases in (reused if present)")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="onrecord-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        return report(folder, args)
    finally:
        if not args.keep:  # the 1M database is ~800 MB
            shutil.rmtree(folder, ignore_errors=True)


def report(folder: Path, args) -> int:
    results = {}
    for size in (args.baseline, args.statements):
        path = folder / f"bench-{size}.db"
        if not path.exists():
            started = time.perf_counter()
            fill(path, size)
            print(f"filled {size:,} statements in {time.perf_counter() - started:.1f}s", flush=True)
        results[size] = asyncio.run(measure(path, args.repeat))
        for name, figures in asyncio.run(measure(path, args.repeat, cached=False)).items():
            results[size][f"{name} (uncached)"] = figures
    base, big = results[args.baseline], results[args.statements]
    print(f"\nlatency in ms over {args.repeat} requests each (baseline: {args.baseline:,} statements)")
    print(f"{'page':37} {'p50':>8} {'p95':>8} {'base p95':>9} {'ratio':>7}  target")
    failed = []
    for name in big:
        p50, p95 = big[name]
        target = TARGETS.get(name.removesuffix(" (uncached)"))
        verdict = ""
        if target:
            verdict = f"p95 < {target} {'ok' if p95 < target else 'MISSED'}"
            if p95 >= target:
                failed.append(name)
        print(f"{name:37} {p50:8.1f} {p95:8.1f} {base[name][1]:9.1f} {p95 / base[name][1]:6.1f}x  {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
