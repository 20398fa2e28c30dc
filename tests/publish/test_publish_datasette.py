"""Datasette served for real (in process, through ds.client) over a database written by db.save."""
import re
import sqlite3

import pytest

from onrecord.publish import SETTINGS, build_datasette

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture
async def ds(sample_db):
    ds = build_datasette(sample_db, extra_plugins={"onrecord": {"banner": "FICTIONAL test data"}})
    await ds.invoke_startup()
    return ds


async def get_json(ds, path):
    response = await ds.client.get(path)
    assert response.status_code == 200, f"{path}: {response.status_code} {response.text[:300]}"
    return response.json()


async def test_every_table_and_view_answers_with_all_its_rows(ds, sample_db):
    conn = sqlite3.connect(sample_db)
    names = [r[0] for r in conn.execute(
        "select name from sqlite_master where type in ('table', 'view') and name not like 'statements_fts%'"
        " and name not like 'sqlite_%'")]
    assert {"leaders", "statements", "stances", "crawls", "leader_stances"} <= set(names)
    for name in names:
        expected = conn.execute(f"select count(*) from [{name}]").fetchone()[0]
        html = await ds.client.get(f"/onrecord/{name}")
        assert html.status_code == 200, name
        data = await get_json(ds, f"/onrecord/{name}.json?_shape=objects&_size=max")
        assert len(data["rows"]) == expected, name


async def test_statements_page_has_the_facets_and_descriptions(ds):
    response = await ds.client.get("/onrecord/statements")
    assert response.status_code == 200
    data = await get_json(ds, "/onrecord/statements.json?_facet=leader_id")
    facets = data["facet_results"]
    assert {"leader_id", "platform", "kind"} <= set(facets)
    platforms = {r["value"]: r["count"] for r in facets["platform"]["results"]}
    assert platforms == {"mastodon": 4, "bluesky": 2, "rss": 1}
    stances = await get_json(ds, "/onrecord/stances.json")
    assert {"stance", "on_topic"} <= set(stances["facet_results"])
    table = (await ds.client.get("/onrecord/stances")).text
    assert "takes no side" in table  # the `silent` definition reaches analysts


async def test_full_text_search_on_the_table(ds):
    data = await get_json(ds, "/onrecord/statements.json?_search=raid&_shape=array")
    assert {row["id"] for row in data} == {"mastodon:1", "bluesky:4", "mastodon:6"}  # porter: raid = raids


@pytest.mark.parametrize("query, params, expected", [
    ("silent_leaders", "", {("Cy Marsh", "silent"), ("Ed Unwatched", "unmonitored")}),
    ("latest_on_topic", "", {"bluesky:4", "mastodon:6", "mastodon:7", "bluesky:3", "mastodon:1"}),
    ("leader_timeline", "leader=bo-lindgren", {"bluesky:3", "bluesky:4"}),
    ("leader_timeline", "leader=Ada+Okafor", {"mastodon:1"}),  # on the topic by default
    ("leader_timeline", "leader=Ada+Okafor&scope=all", {"mastodon:1", "mastodon:2"}),
    ("search", "q=raids", {"mastodon:1", "bluesky:4", "mastodon:6"}),
    ("search", "q=%22too+far%22", {"bluesky:4"}),
    ("search", "q=%22unbalanced", set()),
    ("stance_changes", "", {("Bo Lindgren", "supporting", "condemning")}),
    ("deleted_statements", "", {"mastodon:7"}),
    ("edited_statements", "", {"mastodon:2"}),
    ("failing_sources", "", {("bluesky:ed.nowhere.example", "HTTP 503 from the AppView")}),
    ("stances_by_month", "", {("2026-01", "condemning", 1), ("2026-01", "supporting", 2),
                              ("2026-01", "silent", 1), ("2026-02", "condemning", 1)}),
])
async def test_canned_queries(ds, query, params, expected):
    rows = await get_json(ds, f"/onrecord/{query}.json?_shape=array&{params}")
    html = await ds.client.get(f"/onrecord/{query}?{params}")
    assert html.status_code == 200
    if query == "silent_leaders":
        got = {(r["name"], r["stance"]) for r in rows}
    elif query == "stance_changes":
        got = {(r["name"], r["previous_stance"], r["new_stance"]) for r in rows}
    elif query == "failing_sources":
        got = {(r["source"], r["error"]) for r in rows}
    elif query == "stances_by_month":
        got = {(r["month"], r["stance"], r["statements"]) for r in rows}
    else:
        got = {r["statement_id"] for r in rows}
    assert got == expected


async def test_atom_feed_of_on_topic_statements(ds):
    response = await ds.client.get("/onrecord/new_on_topic_feed.atom")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/xml")
    entries = re.findall(r"<entry>.*?</entry>", response.text, re.S)
    assert len(entries) == 5  # on-topic statements only
    assert "Bo Lindgren (condemned, bluesky)" in response.text
    assert "<script>" not in response.text  # the hostile post is escaped in the feed too


async def test_board_shows_every_leader_with_stance_and_evidence(ds, expected_stances):
    response = await ds.client.get("/board")
    assert response.status_code == 200
    html = response.text
    cards = dict(re.findall(r'data-leader="([^"]+)" data-stance="([^"]+)"', html))
    assert cards == expected_stances
    assert "The raids in our city are <mark>cruel and must stop now</mark>." in html
    assert 'href="https://mastodon.example/1"' in html
    def card(leader):
        found = html[html.index(f'data-leader="{leader}"'):]
        return found[:found.index("</article>")]

    # the basis of each headline, in words (leader_stances.coverage)
    assert ("<strong>Silent:</strong> nothing either way in 1 post on RSS since 2026-01-01 and 0 news articles "
            "that name them (last read 2026-02-05)") in card("cy-marsh")
    ed_card = card("ed-unwatched")
    assert ("<strong>Not enough to call silence:</strong> Bluesky failed: HTTP 503 from the AppView; "
            "no news source read for them; no news-archive search") in ed_card
    assert "leader_coverage?leader_id=ed-unwatched" in ed_card
    assert "Based on 2 posts on Mastodon since 2026-01-01 and 0 news articles that name them" in card("ada-okafor")
    assert "FICTIONAL test data" in html


async def test_hostile_text_is_escaped_everywhere(ds, hostile_text):
    assert hostile_text.startswith("<script>")
    for path in ("/board", "/onrecord/statements/mastodon~3A6", "/onrecord/statements?_search=fine",
                 "/onrecord/search?q=fine", "/onrecord/latest_on_topic"):
        html = (await ds.client.get(path)).text
        assert "<script>document.title" not in html, path
        assert "&lt;script&gt;document.title" in html, path
        assert "<img src=x" not in html, path


async def test_read_only_and_bounded(ds, sample_db):
    for sql in ("delete from statements", "insert into leaders (id, name) values ('x', 'x')",
                "update statements set text = 'x'"):
        response = await ds.client.get("/onrecord.json?sql=" + sql.replace(" ", "+"))
        assert response.status_code == 400, sql
    assert sqlite3.connect(sample_db).execute("select count(*) from statements").fetchone()[0] == 7
    # /-/settings.json is closed on the public site (plugins/read_only_site.py): read the app's own
    assert ds.setting("sql_time_limit_ms") == SETTINGS["sql_time_limit_ms"]
    many = await get_json(ds, "/onrecord.json?sql=with+recursive+c(x)+as+(select+1+union+all+select+x%2B1+from+c+limit+5000)+select+x+from+c")
    assert len(many["rows"]) == SETTINGS["max_returned_rows"] and many["truncated"]


async def test_sql_time_limit_stops_a_runaway_query(sample_db):
    ds = build_datasette(sample_db, settings={"sql_time_limit_ms": 100})
    await ds.invoke_startup()
    response = await ds.client.get(
        "/onrecord.json?sql=with+recursive+c(x)+as+(select+1+union+all+select+x%2B1+from+c)+select+count(*)+from+c")
    assert response.status_code == 400
    assert "took too long" in response.text


async def test_dashboard_chart_and_all_scripts_are_local(ds):
    response = await ds.client.get("/-/dashboards/stances")
    assert response.status_code == 200
    assert "Stances over time" in response.text
    srcs = re.findall(r'<script[^>]*\ssrc="([^"]+)"', response.text)
    assert any("vega" in src for src in srcs)
    assert all(src.startswith("/") for src in srcs), srcs  # offline: no CDN
    for src in srcs:
        assert (await ds.client.get(src)).status_code == 200, src
    config = ds.plugin_config("datasette-dashboards")["stances"]["charts"]
    for chart in config.values():  # the queries the charts fetch
        data = await get_json(ds, "/onrecord.json?_shape=array&sql=" + chart["query"].replace("+", "%2B"))
        assert data, chart["title"]


def test_metadata_describes_every_table_and_view(tmp_path):
    import yaml

    from onrecord.db.connect import open_db
    from onrecord.publish import METADATA

    db = open_db(tmp_path / "fresh.db")
    names = {r[0] for r in db.execute(
        "select name from sqlite_master where type in ('table', 'view') and name not like 'statements_fts%'"
        " and name not like 'sqlite_%'").fetchall()}
    tables = yaml.safe_load(METADATA.read_text())["databases"]["onrecord"]["tables"]
    undescribed = sorted(name for name in names if not (tables.get(name) or {}).get("description"))
    assert not undescribed, f"add a description to metadata.yml for: {undescribed}"
    assert not set(tables) - names, "metadata.yml describes tables that do not exist"
    for name, table in tables.items():  # the columns described are real
        columns = {c.name for c in db[name].columns}
        assert set(table.get("columns", {})) <= columns, name


async def test_cached_counts_follow_every_change_to_the_database(sample_db, tmp_path):
    import shutil

    from onrecord.db.connect import open_db
    from onrecord.db.save import save_stances, save_statements

    path = tmp_path / "copy.db"
    shutil.copy(sample_db, path)
    ds = build_datasette(path)
    await ds.invoke_startup()

    async def platforms():
        data = await get_json(ds, "/onrecord/statements.json")
        return {r["value"]: r["count"] for r in data["facet_results"]["platform"]["results"]}, data["filtered_table_rows_count"]

    before = await platforms()
    assert before == await platforms()  # served again, from the cache
    board_before = (await ds.client.get("/board")).text
    first_page = "/onrecord/statement_stances.json?_shape=array"  # its first page is kept too

    async def newest():
        return [row["statement_id"] for row in (await ds.client.get(first_page)).json()][:1]

    newest_before = await newest()
    assert newest_before == await newest()
    assert any("from statement_stances order by published_at desc limit" in key[0]
               for key in ds.get_database("onrecord").execute.cache)
    db = open_db(path)
    save_statements(db, [{"id": "rss:99", "leader_id": "cy-marsh", "account_id": "rss:https://marsh.example/feed.xml",
                          "platform": "rss", "kind": "post", "text": "These raids are wrong and must end.",
                          "published_at": "2026-02-10T08:00:00Z"}])
    save_stances(db, [{"statement_id": "rss:99", "topic_id": "ice-enforcement", "stance": "condemning",
                       "on_topic": 1, "confidence": 0.9, "evidence": "must end", "model": "test-fixture 0"}])
    db.close()
    counts, total = await platforms()
    assert counts["rss"] == before[0]["rss"] + 1 and total == before[1] + 1
    board = (await ds.client.get("/board")).text
    assert 'data-leader="cy-marsh" data-stance="silent"' in board_before
    assert 'data-leader="cy-marsh" data-stance="condemning"' in board
    assert newest_before != ["rss:99"] and await newest() == ["rss:99"]


async def test_server_warms_the_cache_when_it_starts(sample_db):
    import asyncio

    from onrecord.publish import warm_paths

    warm = warm_paths()  # as `onrecord serve` sets it: the board and the main tables
    assert warm[0] == "/board" and "/onrecord/statement_stances" in warm
    ds = build_datasette(sample_db, extra_plugins={"onrecord": {"warm": warm}})
    await ds.invoke_startup()
    app = ds.app()
    inbox = asyncio.Queue()
    await inbox.put({"type": "lifespan.startup"})
    sent = []

    async def send(message):
        sent.append(message)

    lifespan = asyncio.create_task(app({"type": "lifespan"}, inbox.get, send))
    try:
        cache = ds.get_database("onrecord").execute.cache
        for _ in range(300):
            if any("from statement_stances order by" in key[0] for key in cache):  # its first page
                break
            await asyncio.sleep(0.05)
        assert any("as value, count(*)" in key[0] for key in cache), list(cache)
        assert any("onrecord:cache" in key[0] for key in cache)
        assert any("from statement_stances order by" in key[0] for key in cache), list(cache)
    finally:
        ds._onrecord_warming.cancel()
        lifespan.cancel()


async def test_an_empty_database_is_served_without_errors(tmp_path):
    from onrecord.db.connect import open_db

    open_db(tmp_path / "empty.db").close()
    ds = build_datasette(tmp_path / "empty.db")
    await ds.invoke_startup()
    board = await ds.client.get("/board")
    assert board.status_code == 200 and "No topic yet" in board.text
    feed = await ds.client.get("/onrecord/new_on_topic_feed.atom")
    assert feed.status_code == 200 and "No on-topic statements yet" in feed.text
    for path in ("/onrecord/statements", "/onrecord/leader_stances", "/onrecord/silent_leaders",
                 "/onrecord/stance_changes", "/onrecord/failing_sources", "/-/dashboards/stances"):
        assert (await ds.client.get(path)).status_code == 200, path
