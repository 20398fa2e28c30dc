"""A paraphrase (kind 'paraphrase': a news outlet's words reporting what a leader said) is shown
everywhere as "reported by <outlet>", never as the leader's own words, and the board says when a
stance rests on it.

Every person, outlet and statement here is FICTIONAL."""
import re

import pytest

from onrecord.publish import build_datasette
from onrecord.db.connect import open_db
from onrecord.db.save import record_crawl, save_stances, save_statement_sources, save_statements, save_watchlist

pytestmark = pytest.mark.anyio
TOPIC = "ice-enforcement"
ARTICLE = "https://ledger.example/2026/02/raids.html"

WATCHLIST = {
    "topic": {"id": TOPIC, "name": "Federal immigration enforcement (fictional test)", "since": "2026-01-01"},
    "leaders": [
        {"id": "pia-reported", "name": "Pia Reported", "title": "CEO", "organization": "Fictional Relay Co"},
        {"id": "quin-both", "name": "Quin Both", "title": "CEO", "organization": "Fictional Both Inc",
         "accounts": [{"id": "mastodon:quin@both.example", "platform": "mastodon", "handle": "quin@both.example"}]},
    ],
}


def news(id, leader, kind, text, context):
    return {"id": id, "leader_id": leader, "account_id": None, "platform": "news", "kind": kind, "text": text,
            "url": ARTICLE, "source_url": ARTICLE, "context": context, "published_at": "2026-02-03T10:00:00Z"}


STATEMENTS = [
    news("news:p1", "pia-reported", "paraphrase", "called for an immediate end to the raids",
         "Pia Reported called for an immediate end to the raids on Monday."),
    news("news:q1", "quin-both", "paraphrase", "described the raids as a necessary step",
         "Quin Both described the raids as a necessary step."),
    {"id": "mastodon:q2", "leader_id": "quin-both", "account_id": "mastodon:quin@both.example",
     "platform": "mastodon", "kind": "post", "text": "The agents are doing their jobs.",
     "url": "https://both.example/2", "published_at": "2026-02-04T10:00:00Z"},
]


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture(scope="module")
def paraphrase_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("paraphrase") / "paraphrase.db"
    db = open_db(path)
    save_watchlist(db, WATCHLIST)
    save_statements(db, STATEMENTS, now="2026-02-05T00:00:00Z")
    save_statement_sources(db, [
        {"statement_id": sid, "source_url": ARTICLE, "title": "Raids spread", "outlet": "Fictional Ledger",
         "published_at": "2026-02-03T10:00:00Z", "context": ""}
        for sid in ("news:p1", "news:q1")], now="2026-02-05T00:00:00Z")
    save_stances(db, [
        {"statement_id": sid, "topic_id": TOPIC, "stance": stance, "on_topic": 1, "confidence": 0.9,
         "evidence": evidence, "model": "test-fixture 0"}
        for sid, stance, evidence in (("news:p1", "condemning", "end to the raids"),
                                      ("news:q1", "supporting", "necessary step"),
                                      ("mastodon:q2", "supporting", "doing their jobs"))])
    crawl = record_crawl(db, {"platform": "news", "source_url": "https://ledger.example/feed.xml", "status": "ok",
                              "started_at": "2026-02-05T00:00:00Z", "finished_at": "2026-02-05T00:01:00Z"},
                         leader_ids=["pia-reported", "quin-both"])
    assert crawl
    db.close()
    return path


@pytest.fixture
async def ds(paraphrase_db):
    ds = build_datasette(paraphrase_db)
    await ds.invoke_startup()
    return ds


def card(html, leader):
    start = html.index(f'data-leader="{leader}"')
    return html[start:html.index("</article>", start)]


async def test_board_shows_a_paraphrase_as_reported_by_the_outlet(ds):
    html = (await ds.client.get("/board")).text
    pia = card(html, "pia-reported")
    assert 'data-stance="condemning"' in pia
    words = re.sub(r"</?bdi>", "", pia)  # a name is isolated for right-to-left text
    assert "Reported by Fictional Ledger" in words and "not Pia Reported's words" in words
    assert "<blockquote" not in pia  # never set as a quotation of her words
    assert "This stance rests on reported speech only" in pia


async def test_board_counts_the_reported_part_of_a_stance(ds):
    quin = card((await ds.client.get("/board")).text, "quin-both")
    assert "1 of these 2 rest on reported speech" in quin
    assert "<blockquote" in quin  # the latest statement is the own post, shown as their words


async def test_canned_queries_say_whose_words(ds):
    rows = (await ds.client.get("/onrecord/latest_on_topic.json?_shape=array")).json()
    words = {row["statement_id"]: row["whose_words"] for row in rows}
    assert words["news:p1"] == "reported by Fictional Ledger: a paraphrase, not their own words"
    assert words["mastodon:q2"] == "their own post"
    timeline = (await ds.client.get("/onrecord/leader_timeline.json?_shape=array&leader=pia-reported")).json()
    assert [(row["kind"], row["whose_words"][:11]) for row in timeline] == [("paraphrase", "reported by")]
    found = (await ds.client.get("/onrecord/search.json?_shape=array&q=raids")).json()
    assert {row["statement_id"]: row["kind"] for row in found} == {"news:p1": "paraphrase", "news:q1": "paraphrase"}


async def test_atom_feed_gives_a_paraphrase_to_its_outlet(ds):
    feed = (await ds.client.get("/onrecord/new_on_topic_feed.atom")).text
    entry = next(e for e in re.findall(r"<entry>.*?</entry>", feed, re.S) if "news:p1" in e)
    assert "Pia Reported (condemned, reported by Fictional Ledger)" in entry
    assert "Reported by Fictional Ledger (a paraphrase in the outlet&#39;s words, not Pia Reported&#39;s own)" \
        in entry or "Reported by Fictional Ledger (a paraphrase in the outlet's words, not Pia Reported's own)" in entry

