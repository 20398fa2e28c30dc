"""`onrecord crawl` as a user runs it: the console script, a watchlist file, a real database.

The fictional Mastodon instance is served by the local replay server; nothing leaves the machine.
"""
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import yaml

from onrecord.demo.sites import MastodonInstance, make_posts

ONRECORD = Path(sys.executable).with_name("onrecord")


def test_crawl_records_each_source_and_unmonitored_leaders(replay, tmp_path):
    instance = MastodonInstance(replay, domain="social.example")
    instance.add_account("ada", make_posts(45, seed=3))
    watchlist = tmp_path / "watchlist.yml"
    watchlist.write_text(yaml.safe_dump({
        "topic": {"id": "ice-enforcement", "name": "Fictional test topic", "since": "2026-01-01"},
        "leaders": [
            {"id": "ada-example", "name": "Ada Example (fictional)",
             "accounts": [{"platform": "mastodon", "handle": "ada@social.example", "api": replay.base}]},
            {"id": "bo-example", "name": "Bo Example (fictional)",
             "accounts": [{"platform": "x", "handle": "bo_example"}]},
            {"id": "cy-example", "name": "Cy Example (fictional)"},
        ],
    }))
    db_path = tmp_path / "onrecord.db"
    env = {k: v for k, v in os.environ.items() if k != "ONRECORD_X_BEARER_TOKEN"}
    result = subprocess.run([ONRECORD, "crawl", "--watchlist", watchlist, "--db", db_path],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("mastodon:ada@social.example  ok  45 new / 45 seen") for line in lines), lines
    assert any(line.startswith("x:bo_example  skipped") for line in lines), lines
    assert lines[-1] == ("Crawled 2 sources: 1 ok, 0 partial, 0 failed, 1 skipped; "
                         "45 new of 45 statements seen.")

    conn = sqlite3.connect(db_path)
    crawls = conn.execute("SELECT account_id, status, items, new_items FROM crawls ORDER BY account_id").fetchall()
    assert crawls == [("mastodon:ada@social.example", "ok", 45, 45), ("x:bo_example", "skipped", 0, 0)]
    assert conn.execute("SELECT count(*) FROM statements").fetchone() == (45,)
    stances = {row[0]: row[1:] for row in conn.execute("SELECT leader_id, stance, coverage FROM leader_stances")}
    # Ada's whole listing was read (back to the account's creation, before the window) and nothing
    # is classified yet: silent. Bo's only account was skipped and Cy has none: nothing was heard,
    # so their silence is no finding, and the basis says what is missing.
    assert stances == {
        "ada-example": ("silent", "nothing either way in 45 posts on Mastodon since 2026-01-01 and 0 news articles that name them"),
        "bo-example": ("unmonitored", "X skipped: no token; no news source read for them; no news-archive search"),
        "cy-example": ("unmonitored", "nothing read for them yet")}


def test_unknown_leader_filter_is_a_usage_error(tmp_path):
    result = subprocess.run([ONRECORD, "crawl", "--leader", "nobody", "--db", tmp_path / "x.db"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "not in the watchlist: nobody" in result.stderr
    assert not (tmp_path / "x.db").exists()


def test_a_setting_override_must_be_name_equals_value(tmp_path):
    from click.testing import CliRunner

    from onrecord.cli import cli, parse_setting

    assert parse_setting("DOWNLOAD_DELAY=0") == ("DOWNLOAD_DELAY", 0)
    assert parse_setting("AUTOTHROTTLE_ENABLED=false") == ("AUTOTHROTTLE_ENABLED", False)
    assert parse_setting("LOG_LEVEL=DEBUG") == ("LOG_LEVEL", "DEBUG")  # not JSON: text
    result = CliRunner().invoke(cli, ["crawl", "--set", "DOWNLOAD_DELAY", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert "'DOWNLOAD_DELAY': expected NAME=VALUE, e.g. DOWNLOAD_DELAY=0" in result.output
    assert not (tmp_path / "x.db").exists()
