"""Fault classes 6 and 7: quiet logs, Ctrl-C, exit statuses, and bad input on the command line.

One real crawl (`onrecord crawl` in a child process over HTTP: what is tested is the process, its
signals and its output) meets a refused connection and is interrupted mid-way; the rest runs in
this process. Everything here is fictional."""
import json
import re
import signal
import socket
import sqlite3
import subprocess
import threading

from click.testing import CliRunner

from onrecord.cli import cli
from onrecord.crawler.launch import LOCAL, start_crawl
from onrecord.demo.replay import Reply
from onrecord.demo.sites import MastodonInstance, make_posts
from tests.crawler.conftest import write_watchlist


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nobody listens once it is closed


def test_a_failing_source_is_one_quiet_line_and_ctrl_c_says_the_crawl_was_interrupted(replay, tmp_path):
    instance = MastodonInstance(replay, domain="example.social")
    users = {name: instance.add_account(name, make_posts(30, seed=n)) for n, name in enumerate(["fast", "slow"])}
    asked = threading.Event()

    def hanging(request):  # answered long after the crawl's time-out: this source cannot finish
        asked.set()
        return Reply.json([], delay=30)

    replay.add(re.compile(rf"/api/v1/accounts/({users['slow'].id})/statuses"), hanging)
    refused = f"http://127.0.0.1:{closed_port()}/feed.xml"
    watchlist = write_watchlist(tmp_path / "watchlist.yml", [
        {"platform": "mastodon", "handle": "fast@example.social", "api": replay.base},
        {"platform": "mastodon", "handle": "slow@example.social", "api": replay.base},
        {"platform": "rss", "url": refused},
    ])
    db_path = tmp_path / "onrecord.db"
    child = start_crawl(watchlist, db_path, settings_module=LOCAL, settings={"DOWNLOAD_TIMEOUT": 6},
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines = []
    for line in child.stdout:  # the fast account and the refused feed finish; the slow one hangs
        lines.append(line.rstrip("\n"))
        if {line.split("  ")[0] for line in lines} >= {"mastodon:fast@example.social", f"rss:{refused}"}:
            break
    assert asked.wait(30)
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=60)
    lines += out.splitlines()

    assert child.returncode == 130
    assert f"rss:{refused}  failed  nothing could be read: connection refused (" in "\n".join(lines)
    assert not any("failed  skipped:" in line for line in lines)
    assert "mastodon:slow@example.social  interrupted  nothing read yet; not recorded" in "\n".join(lines)
    assert lines[-1].startswith("Crawl interrupted (SIGINT) with 3 sources: 1 ok, 0 partial, 1 failed, 0 skipped, "
                                "1 not read yet")
    # stderr: the new database, the stop; no Scrapy error lines, no tracebacks
    assert err.splitlines() == [f"Creating a new database: {db_path}",
                                "Stopping: waiting for the requests in flight, then saving what was read "
                                "(Ctrl-C again to stop at once)"], err
    with sqlite3.connect(db_path) as connection:
        rows = dict(connection.execute("SELECT coalesce(account_id, source_url), status FROM crawls"))
    assert rows == {"mastodon:fast@example.social": "ok", f"rss:{refused}": "failed"}  # slow: no row, not "failed"


def test_schedule_once_fails_when_every_source_it_tried_failed():
    from onrecord.nightly.children import CycleControl
    from onrecord.schedule import cycle_status

    control = CycleControl()
    all_failed = [{"step": "crawl mastodon", "status": "failed"}, {"step": "crawl x", "status": "skipped"},
                  {"step": "crawl news", "status": "failed"}, {"step": "classify", "status": "ok"}]
    assert cycle_status(all_failed, {"failed_sources": [1, 2]}, control) == "failed"
    one_ok = [{"step": "crawl mastodon", "status": "ok"}] + all_failed[1:]
    assert cycle_status(one_ok, {"failed_sources": [2]}, control) == "partial"


def test_the_demo_says_to_use_port_before_building_when_its_port_is_taken(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["demo", "--db", str(tmp_path / "demo.db"), "--port", str(port)])
    assert result.exit_code == 2
    assert result.output.strip() == (f"Error: cannot listen on 127.0.0.1:{port} (Address already in use); "
                                     "another program uses it: pick another with --port")
    assert not (tmp_path / "demo.db").exists()  # nothing was built


def test_watchlist_validation_reports_every_mistake_at_once(tmp_path):
    path = tmp_path / "watchlist.yml"
    path.write_text(
        "topic:\n  id: Bad Topic\n  name: Fictional\n  since: 2026-13-01\n"
        "leaders:\n"
        "  - id: ada\n    name: Ada (fictional)\n    accounts:\n"
        "      - {platform: mastadon, handle: ada@social.example}\n"
        "      - {platform: rss, url: 'javascript:alert(1)'}\n"
        "  - id: ada\n    nam: Bo\n"
        "  - just a string\n"
        "news:\n  - url: ' data:text/html,x'\n")
    result = CliRunner().invoke(cli, ["crawl", "--watchlist", str(path), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert result.output.splitlines() == [f"Error: {path}:{line}: {text}" for line, text in [
        (2, "topic.id: 'Bad Topic' is not a slug (lower-case words joined by -)"),
        (4, "topic.since: '2026-13-01' is not a date (YYYY-MM-DD)"),
        (9, "leaders[0].accounts[0].platform: unknown platform 'mastadon' (expected one of mastodon, bluesky, rss, x)"),
        (10, "leaders[0].accounts[1].url: not an http(s) URL: 'javascript:alert(1)'"),
        (11, "leaders[1].name: missing (required)"),
        (11, "leaders[1].id: duplicate id 'ada' (first on line 6)"),
        (12, "leaders[1].nam: unknown key (expected one of accounts, aliases, id, name, note, organization, title)"),
        (13, "leaders[2]: expected a mapping (key: value lines)"),
        (15, "news[0].url: not an http(s) URL: 'data:text/html,x'"),
    ]]
    assert not (tmp_path / "x.db").exists()


def test_stance_jsonl_skips_a_line_that_is_not_utf8_and_keeps_the_lines_around_it(tmp_path):
    path = tmp_path / "statements.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "a", "text": "Shipping our new compiler today."}).encode()
                     + b'\n{"id": "b", "text": "caf\xe9 latin-1, not UTF-8"}\n'
                     + json.dumps({"id": "c", "text": "A fictional post about lake ice."}).encode() + b"\n")
    result = CliRunner().invoke(cli, ["stance", "--jsonl", str(path)])
    assert result.exit_code == 0
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a", "c"]
    assert f"Error: {path} line 2: not UTF-8 text; skipped" in result.stderr


def test_scrapys_network_error_logs_are_kept_for_debug_only(caplog):
    import logging

    from scrapy.settings import Settings

    from onrecord.crawler.crawl import NETWORK_NOISE, _drop, quiet_network_logs

    loggers = [logging.getLogger(name) for name in NETWORK_NOISE]
    try:
        quiet_network_logs(Settings({"LOG_LEVEL": "DEBUG"}))
        assert all(_drop not in logger.filters for logger in loggers)
        quiet_network_logs(Settings({"LOG_LEVEL": "WARNING"}))
        with caplog.at_level(logging.DEBUG):
            loggers[0].error("Gave up retrying <GET https://news.example/feed.xml>: DNS lookup failed")
            logging.getLogger("onrecord.crawler.spiders.base").warning("a line of our own stays")
        assert [record.getMessage() for record in caplog.records] == ["a line of our own stays"]
    finally:
        for logger in loggers:
            logger.removeFilter(_drop)
