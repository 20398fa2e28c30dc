"""Positions over time (db/history.py) and the review queue (db/review_queue.py), on hand-made
rows written through db.save. Every person is FICTIONAL."""
from datetime import date, timedelta

import pytest

from onrecord.db.connect import open_db
from onrecord.db.save import save_review, save_stances, save_statements, save_watchlist

TOPIC = "ice-enforcement"
SINCE = "2026-01-01T00:00:00Z"


@pytest.fixture
def db(tmp_path):
    db = open_db(tmp_path / "onrecord.db")
    save_watchlist(db, {"topic": {"id": TOPIC, "name": "Enforcement (fictional test)", "since": SINCE},
                        "leaders": [{"id": lid, "name": lid.title(), "aliases": [], "accounts": []}
                                    for lid in ("ana", "ben", "cal", "dee")]})
    return db


def say(db, leader, number, stance, published_at, on_topic=True, needs_review=False, text=None):
    statement_id = f"news:{leader}:{number}"
    save_statements(db, [{"id": statement_id, "leader_id": leader, "platform": "news", "kind": "quote",
                          "text": text or f"Fictional quote {number}", "published_at": published_at}])
    save_stances(db, [{"statement_id": statement_id, "topic_id": TOPIC, "stance": stance, "on_topic": on_topic,
                       "confidence": 0.5 if needs_review else 0.95, "needs_review": needs_review,
                       "evidence": "quote", "model": "m-1"}])
    return statement_id


def events(db, leader):
    return [(row["event"], row["published_at"][:10], row["position"], row["previous_position"],
             row["previous_statement_id"])
            for row in db.query("SELECT * FROM position_events WHERE leader_id = ? ORDER BY published_at", [leader])]


def test_first_statement_each_change_and_reversal(db):
    say(db, "ana", 1, "silent", "2026-01-03T00:00:00Z")  # spoke, no side
    say(db, "ana", 2, "condemning", "2026-01-10T00:00:00Z")  # took a side
    say(db, "ana", 3, "condemning", "2026-01-12T00:00:00Z")
    say(db, "ana", 4, "supporting", "2026-02-01T00:00:00Z", needs_review=True)  # too uncertain: no change
    say(db, "ana", 5, "supporting", "2026-02-10T00:00:00Z")  # changed
    say(db, "ana", 6, "silent", "2026-02-11T00:00:00Z")  # no side: the headline stays supported
    say(db, "ana", 7, "condemning", "2026-03-01T00:00:00Z")  # back to a side held before: reversed
    say(db, "ana", 0, "condemning", "2025-12-20T00:00:00Z")  # before the window: not counted
    assert events(db, "ana") == [
        ("first", "2026-01-03", "no_side", None, None),
        ("took_side", "2026-01-10", "condemned", "no_side", None),
        ("changed", "2026-02-10", "supported", "condemned", "news:ana:3"),
        ("reversed", "2026-03-01", "condemned", "supported", "news:ana:5"),
    ]
    say(db, "ben", 1, "supporting", "2026-01-05T00:00:00Z")
    assert events(db, "ben") == [("first", "2026-01-05", "supported", None, None)]


def test_events_use_the_reviewed_verdict(db):
    say(db, "ben", 1, "supporting", "2026-01-05T00:00:00Z")
    switched = say(db, "ben", 2, "condemning", "2026-01-20T00:00:00Z")
    assert [e[0] for e in events(db, "ben")] == ["first", "changed"]
    save_review(db, switched, TOPIC, "misattributed", "Ed", "Another executive's words")
    assert [e[0] for e in events(db, "ben")] == ["first"]
    save_review(db, switched, TOPIC, "confirmed", "Ed", "On second reading it is his")
    row = next(db.query("SELECT * FROM position_events WHERE leader_id = 'ben' AND event = 'changed'"))
    assert row["judgment"] == "verified"


def test_positions_by_month_carry_the_latest_side(db):
    say(db, "ana", 1, "silent", "2026-01-03T00:00:00Z")
    say(db, "ana", 2, "condemning", "2026-02-10T00:00:00Z")
    say(db, "ana", 3, "supporting", "2026-02-20T00:00:00Z")
    say(db, "ana", 4, "supporting", "2026-04-02T00:00:00Z")
    rows = {row["month"]: row for row in db.query("SELECT * FROM positions_by_month WHERE leader_id = 'ana'")}
    assert rows["2026-01"]["position"] == "no_side" and rows["2026-01"]["statements"] == 1
    assert (rows["2026-02"]["position"], rows["2026-02"]["condemned"], rows["2026-02"]["supported"]) == ("supported", 1, 1)
    assert (rows["2026-03"]["position"], rows["2026-03"]["statements"]) == ("supported", 0)  # held, said nothing
    assert rows["2026-04"]["position"] == "supported"
    months = sorted(rows)
    assert months[0] == "2026-01" and months[-1] == date.today().strftime("%Y-%m")  # every month to this one
    quiet = {row["position"] for row in db.query("SELECT * FROM positions_by_month WHERE leader_id = 'cal'")}
    assert quiet == {"nothing_yet"}


def test_who_spoke_when_has_every_leader_and_week(db):
    say(db, "ana", 1, "condemning", "2026-01-07T10:00:00Z")  # a Wednesday: the week of Monday 5 January
    say(db, "ana", 2, "supporting", "2026-01-09T10:00:00Z")
    say(db, "ben", 1, "silent", "2026-01-13T10:00:00Z")
    rows = {(row["leader_id"], row["week"]): row for row in db.query("SELECT * FROM who_spoke_when")}
    assert rows[("ana", "2026-01-05")]["position"] == "both"
    assert (rows[("ana", "2026-01-05")]["condemned"], rows[("ana", "2026-01-05")]["supported"]) == (1, 1)
    assert rows[("ben", "2026-01-12")]["position"] == "no_side"
    assert rows[("cal", "2026-01-05")]["position"] == "nothing"
    weeks = sorted({week for _, week in rows})
    assert weeks[0] == "2025-12-29"  # the Monday of the week holding 1 January
    assert all(date.fromisoformat(b) - date.fromisoformat(a) == timedelta(days=7) for a, b in zip(weeks, weeks[1:]))
    assert len(rows) == 4 * len(weeks)


def test_the_review_queue_puts_what_moves_a_headline_first(db):
    first = say(db, "ana", 1, "condemning", "2026-01-03T00:00:00Z")
    again = say(db, "ana", 2, "condemning", "2026-01-04T00:00:00Z")
    switch = say(db, "ana", 3, "supporting", "2026-01-05T00:00:00Z")
    unsure_side = say(db, "ben", 1, "supporting", "2026-01-06T00:00:00Z", needs_review=True)
    unsure_topic = say(db, "ben", 2, "silent", "2026-01-07T00:00:00Z", needs_review=True)
    unsure_off = say(db, "ben", 3, "silent", "2026-01-08T00:00:00Z", on_topic=False, needs_review=True)

    def queue():
        return [(row["statement_id"], row["priority"], row["reasons"])
                for row in db.query("SELECT * FROM review_queue ORDER BY priority, published_at")]

    assert queue() == [
        (switch, 1, "moved the headline from condemned to supported"),
        (first, 2, "first statement on the topic"),
        (unsure_side, 3, "too uncertain to count alone (needs_review)"),
        (unsure_topic, 4, "too uncertain to count alone (needs_review)"),
        (unsure_off, 5, "too uncertain to count alone (needs_review)"),
    ]
    assert again not in [row[0] for row in queue()]
    save_review(db, switch, TOPIC, "confirmed", "Ed", "checked")
    save_review(db, unsure_side, TOPIC, "corrected", "Ed", "checked", stance="condemning")
    assert [row[0] for row in queue()] == [first, unsure_topic, unsure_off]
    # the reviewed post is edited afterwards: the verdict was about other words
    save_statements(db, [{"id": switch, "leader_id": "ana", "platform": "news", "kind": "quote",
                          "text": "Fictional quote 3, edited", "published_at": "2026-01-05T00:00:00Z"}])
    assert (switch, 2, "edited since its review") in queue()
