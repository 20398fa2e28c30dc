"""Fault classes 2 and 3: control characters in crawled text, and links of unsafe schemes.

At ingest (a real crawl into a real file) the text is cleaned and the raw payload kept as received;
at output (a real `onrecord serve`) every page, the JSON and the Atom feed survive strings stored
before the rules existed, and no `javascript:` or `data:` link comes out. The last test damages the
served file and checks that pages then answer one sentence, not a 500 and a traceback."""
import json
import os
import re
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from lxml import etree

from onrecord.db.connect import open_db
from onrecord.demo.replay import Reply
from onrecord.sanitize import clean_text, safe_url
from tests.faults.conftest import FIXTURES, recorded, variant
from tests.publish.conftest import fill, free_port, wait_until_up

UNSAFE_LINKS = ["javascript:alert(1)", "  JaVaScRiPt:alert(1)", "\tjava\nscript:alert(1)", "\x00javascript:alert(1)",
                "data:text/html,<script>alert(1)</script>", " DATA:text/html;base64,PHNjcmlwdD4=", "vbscript:x",
                "//evil.example/x", "/relative/path", "https:no-slashes", "http://[::1", "ftp://files.example/x"]
CONTROLS = "".join(map(chr, range(32))) + "\x7f\x85\x9f\ufffe\uffff"


@pytest.mark.parametrize("link", UNSAFE_LINKS)
def test_the_link_rule_refuses_every_other_scheme(link):
    assert safe_url(link) is None


def test_the_link_rule_keeps_web_links():
    assert safe_url(" HTTPS://Example.org/a b?q=1 ") == "HTTPS://Example.org/a%20b?q=1"
    assert safe_url("http://news.example/2026/01/x.html") == "http://news.example/2026/01/x.html"


def test_the_text_rule_drops_controls_and_keeps_lines():
    # tab, newline and CR stay; VT, FF, the separators and NEL become spaces; the rest go
    assert clean_text(f"a{CONTROLS}b\ud800c") == "a\t\n  \r" + " " * 5 + "b\ufffdc"
    assert clean_text("Plain words.\n\nA second paragraph.") == "Plain words.\n\nA second paragraph."


# -- at ingest -------------------------------------------------------------------------------------


def test_crawled_controls_are_cleaned_the_raw_payload_kept_and_unsafe_links_dropped(replay, crawl_offline, db):
    page = recorded("mastodon_account_statuses_page1.json")
    good = page[0]
    statuses = [
        variant(good, id="9101", content="<p>before\u0000after \u0007bell\u000bvertical tab</p>", url="  JaVaScRiPt:alert(1)"),
        variant(good, id="9102", content="<p>a lone \ud800 surrogate</p>", url="data:text/html,<b>x</b>",
                spoiler_text="warning\u0000"),
        variant(good, id="9103\u0001", content="<p>control character in the id</p>"),
        variant(good, id="9104", content="<p>a normal post</p>", url="https://social.example/@ada/9104"),
    ]
    replay.add("/api/v1/accounts/lookup", Reply.fixture("mastodon_account_lookup", FIXTURES))
    replay.add("/api/v1/accounts/117020565966271181/statuses", Reply.json(statuses))

    result = crawl_offline([{"platform": "mastodon", "handle": "mastodonpy_test@localhost.test", "api": replay.base}])

    rows = {row["id"].rsplit(":", 1)[1]: row for row in db.rows(
        "SELECT id, text, length(text) AS sql_length, url, content_warning FROM statements")}
    assert set(rows) == {"9101", "9102", "9104"}
    assert rows["9101"]["text"] == "beforeafter bell vertical tab"
    assert rows["9101"]["sql_length"] == len(rows["9101"]["text"])  # no longer cut at a NUL for SQL
    assert rows["9102"]["text"] == "a lone \ufffd surrogate" and rows["9102"]["content_warning"] == "warning"
    assert rows["9101"]["url"] is None and rows["9102"]["url"] is None
    assert rows["9104"]["url"] == "https://social.example/@ada/9104"
    raw = db.value("SELECT payload FROM statement_raw WHERE statement_id LIKE '%:9101'")
    assert json.loads(raw)["content"] == "<p>before\u0000after \u0007bell\u000bvertical tab</p>"  # as received
    assert "\\ud800" in db.value("SELECT payload FROM statement_raw WHERE statement_id LIKE '%:9102'")
    assert db.value("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'beforeafter'") == 1
    assert result.rows[0]["skip_reasons"] == {"invalid item: control characters in id": 1}


# -- at output, through a served Datasette ------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """`onrecord serve` of a database whose statements hold control characters, text that is not
    UTF-8 and unsafe links, written straight to the file as an older onrecord or another tool
    would have; yields (base URL, database path, the server process)."""
    path = tmp_path_factory.mktemp("hostile") / "hostile.db"
    db = open_db(path)
    fill(db)
    db.execute("UPDATE statements SET text = ? WHERE id = 'mastodon:1'", [f"cruel raids{CONTROLS} must stop"])
    db.execute("UPDATE statements SET text = CAST(x'4943452072616964733a20fffe2063727565' AS TEXT) WHERE id = 'bluesky:4'")
    for statement_id, link in zip(("bluesky:3", "mastodon:6", "mastodon:7"), UNSAFE_LINKS[1::2]):
        db.execute("UPDATE statements SET url = ? WHERE id = ?", [link, statement_id])
    db.execute("UPDATE stances SET evidence = ? WHERE statement_id = 'mastodon:1'", ["cruel raids\x00"])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    port = free_port()
    server = subprocess.Popen([str(Path(sys.executable).with_name("onrecord")), "serve", "--db", str(path), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/", server)
        yield base, path, server
    finally:
        server.terminate()
        server.wait(timeout=10)


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=15) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


UNSAFE_HREF = re.compile(rb"""href\s*=\s*["']?[\s\x00-\x20]*(?:javascript|data|vbscript)\s*:""", re.I)


def test_the_atom_feed_survives_control_characters_and_bad_utf8_and_links_only_to_the_web(hostile):
    base, _, _ = hostile
    status, body = get(base + "/onrecord/new_on_topic_feed.atom")
    assert status == 200
    feed = etree.fromstring(body)  # well-formed XML: lxml would refuse a NUL
    ns = {"a": "http://www.w3.org/2005/Atom"}
    links = [link.get("href") for link in feed.findall("a:entry/a:link", ns)]
    assert links and all(link.startswith(("http://", "https://", "/onrecord/")) for link in links)
    assert not UNSAFE_HREF.search(body)
    contents = " ".join(c.text for c in feed.findall("a:entry/a:content", ns))
    assert "cruel raids" in contents and "must stop" in contents and "ICE raids" in contents


@pytest.mark.parametrize("path", ["/board", "/onrecord/statements", "/onrecord/latest_on_topic",
                                  "/onrecord/statements/bluesky~3A3", "/onrecord/search?q=raids"])
def test_every_page_survives_the_stored_strings_and_links_only_to_the_web(hostile, path):
    base, _, _ = hostile
    status, body = get(base + path)
    assert status == 200
    assert not UNSAFE_HREF.search(body), UNSAFE_HREF.search(body)


@pytest.mark.parametrize("path", ["/onrecord/statements.json?_shape=array", "/onrecord/latest_on_topic.json?_shape=array"])
def test_the_json_survives_the_stored_strings(hostile, path):
    base, _, _ = hostile
    status, body = get(base + path)
    assert status == 200
    texts = [row.get("text") for row in json.loads(body)]
    assert any("cruel raids\x00" in (text or "") for text in texts)  # JSON carries what is stored, escaped


def test_a_file_damaged_while_served_gets_one_sentence_not_a_500(hostile):
    """Last in this file: it damages the served database."""
    base, path, server = hostile
    size = os.path.getsize(path)
    with open(path, "r+b") as file:  # every page but the header and schema page
        file.seek(4096)
        file.write(os.urandom(size - 4096))
    # A commit that touches only the header page, as the next crawl's first write would: the
    # server's connections drop the pages they hold and read the damaged ones.
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA user_version = 7")
    for page in ("/board", "/onrecord/statements.json", "/onrecord/leader_stances", "/onrecord/crawls"):
        status, body = get(base + page)
        assert status == 503, (page, status, body[:300])
        assert body.decode().startswith("This page cannot be shown: the database file cannot be read")
    server.terminate()
    _, log = server.communicate(timeout=10)
    assert "Traceback" not in log
    assert "the database file is damaged" in log
