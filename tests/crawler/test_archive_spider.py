"""The news archive (GDELT's DOC 2.0 API, crawler/gdelt.py and crawler/spiders/archive.py): its
format and queries in process, then whole crawls through crawl_watchlist against a local stand-in
that answers in GDELT's real format (demo/sites/gdelt.py), into a real SQLite file. Every person,
outlet and article is FICTIONAL."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
import yaml

from onrecord.crawler import gdelt
from onrecord.demo.replay import Reply
from onrecord.demo.sites import GdeltArchive, article_page

TERMS = ["raids", "immigration enforcement"]
NOW = datetime.now(timezone.utc).replace(microsecond=0)
SINCE = (NOW - timedelta(days=30)).strftime("%Y-%m-%d")
ADA = {"id": "ada-example", "name": "Ada Example", "aliases": ["Example"], "title": "Chief Executive",
       "organization": "Example Robotics (fictional)"}
BO = {"id": "bo-sample", "name": "Bo Sample", "aliases": ["Bo T. Sample", "Sample"], "title": "Founder",
      "organization": "Sample Works (fictional)"}


# -- the format, in process ---------------------------------------------------------------------------


def test_queries_quote_names_and_or_the_terms_in_parentheses():
    assert gdelt.topic_query(TERMS) == '(raids OR "immigration enforcement")'
    assert gdelt.topic_query(["raids"]) == "raids"
    # a surname alone names too many people: full names and multi-word aliases only
    assert gdelt.leader_query(BO, TERMS) == '("Bo Sample" OR "Bo T. Sample") (raids OR "immigration enforcement")'
    assert gdelt.leader_query(ADA, ["ICE"]) == '"Ada Example" ICE'
    url = gdelt.search_url("https://api.example/doc", "x", datetime(2026, 1, 1, tzinfo=timezone.utc),
                           datetime(2026, 1, 8, tzinfo=timezone.utc))
    assert "startdatetime=20260101000000" in url and "enddatetime=20260108000000" in url
    assert "maxrecords=250" in url and "sort=dateasc" in url and "mode=artlist" in url and "format=json" in url


def test_slices_are_aligned_on_the_window_start():
    found = gdelt.slices("2026-01-01T00:00:00Z", datetime(2026, 1, 20, 5, tzinfo=timezone.utc), 7)
    assert [(a.day, b.day) for a, b in found] == [(1, 8), (8, 15), (15, 22)]  # the last ends in the future


def test_artlist_answers_empty_answers_errors_and_stray_characters():
    body = json.dumps({"articles": [{"url": "https://a.example/1", "url_mobile": "", "title": "T",
                                     "seendate": "20260918T031500Z", "socialimage": "", "domain": "a.example",
                                     "language": "English", "sourcecountry": "United States"}]}).encode()
    [article] = gdelt.parse_artlist(body, "application/json; charset=utf-8")
    assert gdelt.seen_at(article) == "2026-09-18T03:15:00Z"
    assert gdelt.parse_artlist(b"{}", "application/json") == []  # nothing matched
    with pytest.raises(gdelt.ArchiveError, match="GDELT: The specified phrase is too short."):
        gdelt.parse_artlist(b"The specified phrase is too short.\n", "text/html; charset=utf-8")
    broken = b'{"articles": [{"url": "https://a.example/2", "title": "A \\x quote"}]}'  # an invalid escape
    assert gdelt.parse_artlist(broken, "application/json")[0]["url"] == "https://a.example/2"
    with pytest.raises(gdelt.ArchiveError, match="malformed JSON"):
        gdelt.parse_artlist(b'{"articles": [', "application/json")


# -- whole crawls against the stand-in -----------------------------------------------------------------


@pytest.fixture
def archive(replay):
    archive = GdeltArchive(replay, covers_from=NOW - timedelta(days=45), terms=TERMS)
    archive.add_topic_days(NOW - timedelta(days=45), NOW)
    replay.add("/robots.txt", Reply(status=404))
    return archive


FILLER = [  # enough words for a page to read as an article (crawler/news_extract.py's MIN_WORDS)
    "The region's economy has grown for six straight quarters, led by logistics, software and light "
    "manufacturing, according to figures released by the fictional chamber of commerce last month.",
    "Local officials said they expected the new jobs to draw workers from neighbouring towns, and that the "
    "transit authority would review bus routes to the industrial park before the end of the year.",
]


def story(archive, path, days_ago, names, paragraphs):
    seen = NOW - timedelta(days=days_ago)
    page = article_page(paragraphs[0][:60], paragraphs + FILLER, seen)
    return archive.add_article(path, seen, names=names, page=page)


@pytest.fixture
def archive_crawl(tmp_path, db_path, replay, monkeypatch):
    """archive_crawl(leaders, since=SINCE, settings=None) -> summary: crawl_watchlist in process
    against the replay server (tests/crawler/offline.py), with an archive pointing at the stand-in."""
    from onrecord.crawler.crawl import crawl_watchlist
    from onrecord.crawler.settings import ENV as SETTINGS_ENV, LOCAL
    from onrecord.watchlist import load_watchlist
    from tests.crawler.offline import OfflineEngine

    monkeypatch.setenv(SETTINGS_ENV, LOCAL)

    def run(leaders, since=SINCE, settings=None, platforms=None):
        path = tmp_path / "watchlist.yml"
        path.write_text(yaml.safe_dump({
            "topic": {"id": "ice-enforcement", "name": "Fictional test topic", "since": since},
            "leaders": leaders,
            "archive": {"terms": TERMS, "api": replay.url(gdelt_path())},
        }, sort_keys=False))
        lines = []
        summary = crawl_watchlist(load_watchlist(path), db_path, platforms=platforms, echo=lines.append,
                                  settings=settings, engine=OfflineEngine(replay))
        summary["lines"] = lines
        return summary

    return run


def gdelt_path():
    from onrecord.demo.sites.gdelt import PATH

    return PATH


def stances(db):
    return {row["leader_id"]: row for row in db.rows("SELECT * FROM leader_stances")}


def test_an_archive_search_over_the_whole_window_that_finds_nothing_by_the_leader_makes_them_silent(
        archive, archive_crawl, db, replay):
    # Ada is named in two articles of the window but says nothing in them; Bo is quoted in one.
    story(archive, "/wire/ada-factory.html", 12, ["Ada Example"], [
        "Example Robotics, the fictional company led by Ada Example, opened a second factory this week as "
        "immigration enforcement raids continued across the region.",
        "The company did not respond to questions about the raids. Its new plant will employ 300 people."])
    story(archive, "/wire/ada-earnings.html", 3, ["Ada Example"], [
        "Ada Example presented quarterly results on Tuesday; analysts asked about supply chains, not about "
        "the raids that have dominated local news.", "Shares rose four per cent in early trading."])
    story(archive, "/wire/bo-raids.html", 5, ["Bo Sample"], [
        "Sample Works founder Bo Sample criticised the raids in an interview on Monday.",
        "“These raids are cruel, and they have to stop,” Bo Sample said. “I will keep saying so.”"])

    summary = archive_crawl([ADA, BO])

    assert summary["sources"] == 3 and summary["ok"] == 3, summary["lines"]
    crawls = {r["id"]: r for r in db.rows("SELECT c.*, cl.leader_id FROM crawls c "
                                          "LEFT JOIN crawl_leaders cl ON cl.crawl_id = c.id")}
    by_leader = {r["leader_id"]: r for r in crawls.values()}
    probe = by_leader[None]
    assert (probe["platform"], probe["covered_from"]) == ("archive", SINCE + "T00:00:00Z")
    ada = by_leader["ada-example"]
    assert ada["covered_from"] == SINCE + "T00:00:00Z" and ada["covered_to"] == ada["started_at"]
    assert "query=%22Ada+Example%22+%28raids" in ada["source_url"] and "startdatetime" not in ada["source_url"]
    row = stances(db)["ada-example"]
    assert row["stance"] == "silent"
    assert row["coverage"] == (f"nothing either way in 2 news articles that name them since {SINCE} "
                               "(news archive searched over the whole window)")
    assert (row["articles_read"], row["coverage_channels"]) == (2, "archive")
    # Bo's words went through the news pipeline: a news statement with its article
    quoted = db.rows("SELECT s.text, s.platform, s.kind, ss.source_url FROM statements s "
                     "JOIN statement_sources ss ON ss.statement_id = s.id WHERE s.leader_id = 'bo-sample'")
    assert any(q["text"].startswith("These raids are cruel") for q in quoted)
    assert {(q["platform"], q["source_url"].rsplit("/", 1)[1]) for q in quoted} == {("news", "bo-raids.html")}
    # one probe a slice, one search a slice and leader
    searches = [r for r in replay.requests if r.path == gdelt_path()]
    assert len(searches) == 5 + 2 * 5  # 30 days in 7-day slices: 5 probes, 5 searches per leader


def test_the_archive_covers_only_its_rolling_window(archive, archive_crawl, db):
    # the window opens 90 days ago; the archive holds only the last 45
    summary = archive_crawl([ADA], since=(NOW - timedelta(days=90)).strftime("%Y-%m-%d"))
    assert summary["ok"] == 2
    earliest = min(a.seen for a in archive.articles).strftime("%Y-%m-%dT%H:%M:%SZ")
    probe, ada = db.rows("SELECT covered_from FROM crawls ORDER BY id")
    assert probe["covered_from"] == ada["covered_from"] == earliest
    row = stances(db)["ada-example"]
    assert row["stance"] == "unmonitored"
    assert row["coverage"] == f"news archive searched back to {earliest[:10]} only; no news source read for them"


def test_a_search_over_250_is_split_and_articles_are_read_over_several_crawls(archive, archive_crawl, db, replay):
    crowded_start, crowded_end = gdelt.slices(SINCE + "T00:00:00Z", NOW, 7)[2]
    for n in range(260):  # more than one answer holds, in one slice; their pages are gone (404)
        archive.add_article(f"/wire/many/{n}.html", crowded_start + timedelta(days=2, minutes=2 * n),
                            names=["Ada Example"])
    first = archive_crawl([ADA], settings={"ONRECORD_ARCHIVE_MAX_ARTICLES": 200})
    ada = db.rows("SELECT * FROM crawls WHERE source_url LIKE '%Ada%' ORDER BY id")[-1]
    assert json.loads(ada["skip_reasons"])["over the article limit of a crawl (the next crawl goes on)"] == 60
    # not all read: the window covered stops at the slice with articles left
    assert ada["status"] == "ok" and ada["covered_from"] == gdelt.key(crowded_end)
    slice_searches = [r for r in replay.requests if r.path == gdelt_path() and "Ada" in r.arg("query", "")]
    # the crowded slice was split in halves until every part held fewer than 250: all 260 found
    assert len(slice_searches) > 5 + 1
    assert first["ok"] == 2
    replay.clear_log()
    archive_crawl([ADA], settings={"ONRECORD_ARCHIVE_MAX_ARTICLES": 200})
    ada = db.rows("SELECT * FROM crawls WHERE source_url LIKE '%Ada%' ORDER BY id")[-1]
    assert ada["covered_from"] == SINCE + "T00:00:00Z"  # the rest read: the whole window covered
    fetched = [r.path for r in replay.requests if r.path.startswith("/wire/many/")]
    assert len(fetched) == 60 and len(set(fetched)) == 60  # only what the first crawl left
    # settled slices read whole are done: the next crawl searches only the recent ones
    replay.clear_log()
    archive_crawl([ADA])
    searches = [r for r in replay.requests if r.path == gdelt_path()]
    probes = [r for r in searches if "Ada" not in r.arg("query")]
    assert len(probes) == 0 and 1 <= len(searches) <= 3


def test_errors_429_and_a_failed_probe(archive, archive_crawl, db):
    archive.fail_query('"Bo Sample"', "The specified phrase is too short.")
    archive.throttle(1)  # the first request is told to slow down, then answered
    summary = archive_crawl([ADA, BO], settings={"ONRECORD_SOURCE_MAX_FAILURES": 2})
    rows = {r["leader_id"]: r for r in db.rows(
        "SELECT c.*, cl.leader_id FROM crawls c LEFT JOIN crawl_leaders cl ON cl.crawl_id = c.id")}
    assert rows[None]["status"] == "ok" and rows[None]["requests"] == 5 + 1  # the 429 was retried
    assert rows["ada-example"]["status"] == "ok"
    bo = rows["bo-sample"]
    assert bo["status"] == "failed" and "GDELT: The specified phrase is too short." in bo["error"]
    assert bo["covered_from"] is None
    assert stances(db)["bo-sample"]["coverage"].startswith("news archive failed: ")
    assert summary["failed"] == 1


def test_an_archive_that_cannot_be_probed_covers_nobody(archive, archive_crawl, db):
    archive.fail_query("raids", "Database temporarily unavailable.")
    archive_crawl([ADA])
    rows = {r["leader_id"]: r for r in db.rows(
        "SELECT c.*, cl.leader_id FROM crawls c LEFT JOIN crawl_leaders cl ON cl.crawl_id = c.id")}
    assert rows[None]["status"] == "failed" and "Database temporarily unavailable." in rows[None]["error"]
    ada = rows["ada-example"]
    assert (ada["status"], ada["requests"], ada["covered_from"]) == ("failed", 0, None)
    assert ada["error"].startswith("the archive's coverage probe failed: gave up after 3 failed responses")


def test_a_real_crawl_is_paced_identified_and_backs_off_a_429(archive, replay, tmp_path, db_path):
    """`onrecord crawl` in a child process over HTTP: GDELT's pace (here 0.3 s for speed; 5 s by
    default) between requests, the identified user agent, and a 429 retried after a back-off."""
    from onrecord.crawler.launch import LOCAL, crawl_in_child
    from onrecord.demo.sites.gdelt import PATH

    path = tmp_path / "watchlist.yml"
    path.write_text(yaml.safe_dump({
        "topic": {"id": "ice-enforcement", "name": "Fictional test topic", "since": SINCE},
        "leaders": [ADA], "archive": {"terms": TERMS, "api": replay.url(PATH)}}))
    archive.throttle(1)
    outcome = crawl_in_child(path, db_path, settings={"ONRECORD_ARCHIVE_DELAY": 0.3}, settings_module=LOCAL,
                             timeout=120)
    assert outcome.returncode == 0 and outcome.summary["ok"] == 2, outcome.stderr[-2000:]
    asked = [r for r in replay.requests if r.path == PATH]
    assert [r.status for r in asked].count(429) == 1 and len(asked) == 5 + 1 + 5
    gaps = [later.at - earlier.at for earlier, later in zip(asked, asked[1:])]
    assert min(gaps) >= 0.28, gaps
    assert all(r.headers["user-agent"].startswith("onrecord/") for r in asked)
