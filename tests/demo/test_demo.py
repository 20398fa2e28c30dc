"""`onrecord demo --no-serve` end to end: the real crawler against the replay server, the real
classifier, then Datasette over the result. Every person and organisation in it is FICTIONAL."""
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from onrecord.demo.build import DATA
from onrecord.publish import FICTION_BANNER

ONRECORD = str(Path(sys.executable).with_name("onrecord"))


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    started = time.perf_counter()
    result = subprocess.run([ONRECORD, "demo", "--no-serve", "--db", str(path)],
                            capture_output=True, text=True, timeout=180)
    seconds = time.perf_counter() - started
    assert result.returncode == 0, result.stderr[-3000:]
    return path, result.stdout, seconds


def rows(path, sql):
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in conn.execute(sql)]
    finally:
        conn.close()


def test_leaders_end_with_the_expected_stances(demo_db):
    path, output, seconds = demo_db
    demo = yaml.safe_load((DATA / "demo.yml").read_text())
    expected = {leader["id"]: leader["expected"] for leader in demo["leaders"]}
    got = {row["leader_id"]: row["stance"] for row in rows(path, "select leader_id, stance from leader_stances")}
    assert got == expected
    assert {"condemning", "supporting", "mixed", "silent", "unmonitored"} <= set(got.values())
    assert seconds < 60, f"the demo took {seconds:.0f}s"
    assert "Built" in output


def test_every_platform_and_a_news_quote_with_its_article(demo_db):
    path = demo_db[0]
    platforms = {row["platform"]: row["n"] for row in rows(path, "select platform, count(*) n from statements group by 1")}
    assert set(platforms) == {"mastodon", "bluesky", "rss", "news"}
    assert sum(platforms.values()) >= 250
    quotes = rows(path, "select s.leader_id, ss.source_url from statements s join statement_sources ss"
                        " on ss.statement_id = s.id where s.platform = 'news'")
    assert {"wen-liao", "hana-sato", "mara-venn"} <= {q["leader_id"] for q in quotes}


def test_the_next_night_shows_an_edit_and_a_deletion(demo_db):
    path = demo_db[0]
    deleted = rows(path, "select leader_id, text from statements where deleted_at is not null")
    assert [d["leader_id"] for d in deleted] == ["sofia-brandt"]
    edited = rows(path, "select s.leader_id, r.text as before, s.text as after from statement_revisions r"
                        " join statements s on s.id = r.statement_id")
    assert [e["leader_id"] for e in edited] == ["ike-moreno"]
    assert "I condemn them" in edited[0]["after"] and "I condemn them" not in edited[0]["before"]


def test_a_failing_source_is_on_record(demo_db):
    failed = rows(demo_db[0], "select account_id from crawls where status = 'failed'")
    assert {f["account_id"] for f in failed} == {"mastodon:dariofenn@social.example"}
    skipped = rows(demo_db[0], "select account_id, error from crawls where status = 'skipped'")
    assert {(s["account_id"], s["error"]) for s in skipped} == {
        ("x:levaramyan", "no token (ONRECORD_X_BEARER_TOKEN is not set)")}  # skipped, not failed


def test_every_kind_of_leader_with_the_basis_in_words(demo_db):
    """One leader of each kind, and the sentence that says what their headline rests on."""
    path = demo_db[0]
    demo = yaml.safe_load((DATA / "demo.yml").read_text())
    got = {row["leader_id"]: row for row in rows(path, "select * from leader_stances")}
    since = rows(path, "select substr(since, 1, 10) as day from topics")[0]["day"]
    archive_from = rows(path, "select substr(covered_from, 1, 10) as day from crawls where platform = 'archive' "
                              "order by id desc limit 1")[0]["day"]
    jonah = got["jonah-okwu"]  # read to his first post: the whole window covered
    assert jonah["stance"] == "silent"
    assert set(jonah["coverage_channels"].split(", ")) == {"mastodon", "rss", "news", "archive"}
    assert jonah["position"] == "said_nothing"
    # Whether some of his off-topic posts are too uncertain to count (needs_review) depends on the
    # model's threshold fitted on the real tune split: model 0.4.0 (threshold 0.826) marks a few
    # of them ("Thank you to the design team for a record quarter.", silent at 0.82; 0.5.0,
    # threshold 0.877, reads that one silent at 0.94; 0.5.1, 0.5.5 and 0.5.8 mark 16 of his 48), and the sentence
    # says so; what was read is said either way.
    read = f"{jonah['posts_read']} posts on Mastodon, RSS since {since} and 0 news articles that name them"
    assert re.fullmatch(rf"(nothing either way in |\d+ judgment\(s\) awaiting review, no confident side; read: )"
                        rf"{re.escape(read)}", jonah["coverage"]), jonah["coverage"]
    lev = got["lev-aramyan"]  # X only, crawled without a token
    assert lev["stance"] == "unmonitored"
    assert lev["coverage"].startswith(f"X skipped: no token; news archive searched back to {archive_from} only; "
                                      "news feeds since ")
    dario = got["dario-fenn"]
    assert dario["coverage"].startswith("Mastodon failed: account not found on social.example: Record not found; ")
    assert got["noor-halvorsen"]["coverage"] == "nothing read for them yet"
    # the archive holds its last 60 days; the window is 90: it never covers the window alone
    assert archive_from > since and demo["archive"]["covers_days"] < demo["topic"]["since_days"]
    assert got["mara-venn"]["coverage"].startswith("based on ")
    assert got["hana-sato"]["articles_read"] >= 1  # named in the articles the archive found for her


def test_everyone_is_marked_fictional(demo_db):
    organizations = [row["organization"] for row in rows(demo_db[0], "select organization from leaders")]
    assert len(organizations) >= 10 and all("(fictional)" in org for org in organizations)


def test_demo_refuses_to_replace_a_database_it_did_not_build(tmp_path):
    other = tmp_path / "precious.db"
    sqlite3.connect(other).execute("create table leaders (id, name, organization)").connection.commit()
    before = other.read_bytes()
    result = subprocess.run([ONRECORD, "demo", "--no-serve", "--db", str(other)], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 1
    assert "is not a demo database" in result.stderr
    assert other.read_bytes() == before


@pytest.mark.anyio
async def test_datasette_over_the_demo(demo_db):
    from onrecord.publish import build_datasette

    ds = build_datasette(demo_db[0], extra_plugins={"onrecord": {"banner": FICTION_BANNER}})
    await ds.invoke_startup()
    board = await ds.client.get("/board")
    assert board.status_code == 200
    assert "FICTIONAL" in board.text
    assert board.text.count('class="card ') == 13
    assert "<strong>Not enough to call silence:</strong> X skipped: no token;" in board.text
    assert re.search(r"<strong>Silent:</strong> (nothing either way in |\d+ judgment\(s\) awaiting review, no "
                     r"confident side; read: )\d+ posts on Mastodon, RSS since ", board.text)
    assert "&lt;script&gt;alert" in (await ds.client.get("/onrecord/statements?_search=plugin")).text
    feed = await ds.client.get("/onrecord/new_on_topic_feed.atom")
    assert feed.status_code == 200 and feed.text.count("<entry>") >= 10
    changes = (await ds.client.get("/onrecord/stance_changes.json?_shape=array")).json()
    assert [c["name"] for c in changes] == ["Priya Castellane"]


@pytest.fixture
def anyio_backend():
    return "asyncio"


def test_serving_a_demo_database_always_shows_the_fiction_banner(demo_db):
    import socket
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen([ONRECORD, "serve", "--db", str(demo_db[0]), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/onrecord/statements", timeout=2) as response:
                    page = response.read().decode()
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("serve did not start")
        assert "FICTIONAL" in page
    finally:
        process.terminate()
        process.wait(timeout=10)
