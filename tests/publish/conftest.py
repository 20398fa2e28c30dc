"""A small hand-made database, written through db.save like the real pipeline writes it.

Every person and organisation here is FICTIONAL."""
import contextlib

import pytest

from onrecord.db.connect import open_db
from onrecord.db.save import mark_deleted, record_crawl, save_stances, save_statements, save_watchlist

TOPIC = "ice-enforcement"
MODEL = "test-fixture 0"
HOSTILE = '<script>document.title="pwned"</script><img src=x onerror="document.title=\'pwned\'"> raids are fine'

WATCHLIST = {
    "topic": {"id": TOPIC, "name": "Federal immigration enforcement (fictional test)", "since": "2026-01-01"},
    "leaders": [
        {"id": "ada-okafor", "name": "Ada Okafor", "title": "CEO", "organization": "Fictional Lattice Labs",
         "accounts": [{"id": "mastodon:ada@lattice.example", "platform": "mastodon", "handle": "ada@lattice.example"}]},
        {"id": "bo-lindgren", "name": "Bo Lindgren", "title": "CTO", "organization": "Fictional Fjord Systems",
         "accounts": [{"id": "bluesky:bo.fjord.example", "platform": "bluesky", "handle": "bo.fjord.example"}]},
        {"id": "cy-marsh", "name": "Cy Marsh", "title": "Founder", "organization": "Fictional Marsh Compute",
         "accounts": [{"id": "rss:https://marsh.example/feed.xml", "platform": "rss", "url": "https://marsh.example/feed.xml"}]},
        {"id": "di-quartz", "name": "Di Quartz", "title": "CEO", "organization": "Fictional Quartz AI",
         "accounts": [{"id": "mastodon:di@quartz.example", "platform": "mastodon", "handle": "di@quartz.example"}]},
        {"id": "ed-unwatched", "name": "Ed Unwatched", "title": "CEO", "organization": "Fictional Nowhere Inc",
         "accounts": [{"id": "bluesky:ed.nowhere.example", "platform": "bluesky", "handle": "ed.nowhere.example"}]},
    ],
}


def statement(id, leader, account, platform, text, published, **extra):
    return {"id": id, "leader_id": leader, "account_id": account, "platform": platform, "kind": "post",
            "url": f"https://{platform}.example/{id.split(':')[1]}", "text": text, "published_at": published, **extra}


STATEMENTS = [
    statement("mastodon:1", "ada-okafor", "mastodon:ada@lattice.example", "mastodon",
              "The raids in our city are cruel and must stop now.", "2026-01-10T09:00:00Z"),
    statement("mastodon:2", "ada-okafor", "mastodon:ada@lattice.example", "mastodon",
              "Shipping our new compiler today.", "2026-01-12T09:00:00Z"),
    statement("bluesky:3", "bo-lindgren", "bluesky:bo.fjord.example", "bluesky",
              "Border enforcement keeps communities safe; I back the agents.", "2026-01-11T10:00:00Z"),
    statement("bluesky:4", "bo-lindgren", "bluesky:bo.fjord.example", "bluesky",
              "After seeing the footage, these raids went too far.", "2026-02-03T10:00:00Z"),
    statement("rss:5", "cy-marsh", "rss:https://marsh.example/feed.xml", "rss",
              "Quarterly letter: our data centre opens in spring.", "2026-01-15T08:00:00Z"),
    statement("mastodon:6", "di-quartz", "mastodon:di@quartz.example", "mastodon",
              HOSTILE, "2026-01-20T12:00:00Z"),
    statement("mastodon:7", "di-quartz", "mastodon:di@quartz.example", "mastodon",
              "I regret saying the enforcement surge was overdue.", "2026-01-19T12:00:00Z"),
]

STANCES = {
    "mastodon:1": ("condemning", 1, "cruel and must stop now"),
    "mastodon:2": ("silent", 0, None),
    "bluesky:3": ("supporting", 1, "I back the agents"),
    "bluesky:4": ("condemning", 1, "these raids went too far"),
    "rss:5": ("silent", 0, None),
    "mastodon:6": ("supporting", 1, "raids are fine"),
    "mastodon:7": ("silent", 1, "enforcement surge"),
}

CRAWLS = [
    ("mastodon", "mastodon:ada@lattice.example", "ok", None),
    ("bluesky", "bluesky:bo.fjord.example", "ok", None),
    ("rss", "rss:https://marsh.example/feed.xml", "ok", None),
    ("mastodon", "mastodon:di@quartz.example", "ok", None),
    ("bluesky", "bluesky:ed.nowhere.example", "failed", "HTTP 503 from the AppView"),
]

EXPECTED_STANCES = {
    "ada-okafor": "condemning",
    "bo-lindgren": "mixed",
    "cy-marsh": "silent",
    "di-quartz": "supporting",
    "ed-unwatched": "unmonitored",
}


def fill(db):
    save_watchlist(db, WATCHLIST)
    save_statements(db, STATEMENTS, now="2026-02-05T00:00:00Z")
    # the next night: one post edited, one taken down
    edited = dict(STATEMENTS[1], text="Shipping our new compiler today (v2).")
    save_statements(db, [edited], now="2026-02-06T00:00:00Z")
    mark_deleted(db, ["mastodon:7"], when="2026-02-06T00:00:00Z")
    save_stances(db, [
        {"statement_id": sid, "topic_id": TOPIC, "stance": stance, "on_topic": on_topic, "confidence": 0.9,
         "evidence": evidence, "model": MODEL, "classified_at": "2026-02-06T00:00:00Z"}
        for sid, (stance, on_topic, evidence) in STANCES.items()
    ])
    for platform, account, status, error in CRAWLS:  # each read its account back to November 2025
        usable = status != "failed"
        record_crawl(db, {"platform": platform, "account_id": account, "status": status, "error": error,
                          "started_at": "2026-02-05T00:00:00Z", "finished_at": "2026-02-05T00:01:00Z",
                          "items": 2, "new_items": 2, "covered_from": "2025-11-01T00:00:00Z" if usable else None,
                          "covered_to": "2026-02-05T00:00:00Z" if usable else None})


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("publish") / "sample.db"
    db = open_db(path)
    fill(db)
    db.close()
    return path


@pytest.fixture(scope="session")
def datasette(sample_db):
    from onrecord.publish import build_datasette

    return build_datasette(sample_db, extra_plugins={"onrecord": {"banner": "FICTIONAL test data"}})


@pytest.fixture
def expected_stances():
    return dict(EXPECTED_STANCES)


@pytest.fixture
def hostile_text():
    return HOSTILE


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url, process, seconds=30):
    import time
    import urllib.request

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}: {process.stderr.read()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} not up after {seconds}s")


@contextlib.contextmanager
def serving(db_path):
    """A real `onrecord serve` subprocess on `db_path` and a free port; yields its base URL."""
    import subprocess
    import sys
    from pathlib import Path

    port = free_port()
    command = [str(Path(sys.executable).with_name("onrecord")), "serve", "--db", str(db_path), "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/", process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def served(sample_db):
    """A real `onrecord serve` subprocess on the sample database; yields its base URL."""
    with serving(sample_db) as url:
        yield url


@pytest.fixture(scope="session")
def serve_db():
    """`serving` for a test's own database: `with serve_db(path) as url: ...`."""
    return serving
