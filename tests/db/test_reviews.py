"""Editorial review (issue 15): reviews are only ever added, the latest is the verdict, the
classifier never undoes one, and leader_stances, judgments and statement_stances use the verdict
first. Also the finer headline: position, position_since, verified. Every person is FICTIONAL."""
import pytest

from onrecord.db.connect import open_db
from onrecord.db.save import SaveError, record_crawl, save_review, save_stances, save_statements, save_watchlist
from onrecord.db.views import LEADER_HEADLINE_SQL

TOPIC = "ice-enforcement"
WATCHLIST = {
    "topic": {"id": TOPIC, "name": "Enforcement (fictional test)", "since": "2026-01-01T00:00:00Z"},
    "leaders": [{"id": lid, "name": lid.title() + " (fictional)", "aliases": [],
                 "accounts": [{"id": f"mastodon:{lid}@social.example", "platform": "mastodon",
                               "handle": f"{lid}@social.example"}]}
                for lid in ("ana", "ben", "cal", "dee", "eve")],
}


@pytest.fixture
def db(tmp_path):
    db = open_db(tmp_path / "onrecord.db")
    save_watchlist(db, WATCHLIST)
    for leader in ("ana", "ben", "cal", "dee", "eve"):  # every account read back past the window's start
        record_crawl(db, {"platform": "mastodon", "account_id": f"mastodon:{leader}@social.example", "status": "ok",
                          "started_at": "2026-03-01T03:00:00Z", "finished_at": "2026-03-01T03:01:00Z",
                          "covered_from": "2025-12-01T00:00:00Z", "covered_to": "2026-03-01T03:00:00Z"})
    return db


def say(db, leader, number, stance, published_at, on_topic=True, confidence=0.95, needs_review=False, model="m-1"):
    statement_id = f"mastodon:{leader}:{number}"
    save_statements(db, [{"id": statement_id, "leader_id": leader, "account_id": f"mastodon:{leader}@social.example",
                          "platform": "mastodon", "kind": "post", "text": f"Fictional post {number} by {leader}",
                          "published_at": published_at}])
    save_stances(db, [{"statement_id": statement_id, "topic_id": TOPIC, "stance": stance, "on_topic": on_topic,
                       "confidence": confidence, "needs_review": needs_review, "evidence": "post", "model": model}])
    return statement_id


def headline(db, leader):
    row = next(db.query("SELECT * FROM leader_stances WHERE leader_id = ?", [leader]))
    assert list(db.query(LEADER_HEADLINE_SQL, {"leader": leader})) == [row]  # what a leader's page reads
    return row


def verdict(db, statement_id):
    return next(db.query("SELECT * FROM statement_stances WHERE statement_id = ?", [statement_id]), None)


def test_a_review_needs_an_editor_a_note_and_a_real_statement(db):
    sid = say(db, "ana", 1, "condemning", "2026-01-10T00:00:00Z")
    with pytest.raises(SaveError, match="editor's name"):
        save_review(db, sid, TOPIC, "confirmed", " ", "checked")
    with pytest.raises(SaveError, match="needs a note"):
        save_review(db, sid, TOPIC, "confirmed", "Ed", "")
    with pytest.raises(SaveError, match="no statement 'mastodon:nobody:1'"):
        save_review(db, "mastodon:nobody:1", TOPIC, "confirmed", "Ed", "checked")
    with pytest.raises(SaveError, match="needs a stance"):
        save_review(db, sid, TOPIC, "corrected", "Ed", "checked")
    with pytest.raises(SaveError, match="only silent can be off the topic"):
        save_review(db, sid, TOPIC, "corrected", "Ed", "checked", stance="supporting", on_topic=False)
    with pytest.raises(SaveError, match="review action 'deleted'"):
        save_review(db, sid, TOPIC, "deleted", "Ed", "checked")
    save_statements(db, [{"id": "rss:new", "leader_id": "ana", "platform": "rss", "kind": "post", "text": "New",
                          "published_at": "2026-01-11T00:00:00Z"}])
    with pytest.raises(SaveError, match="no stance to confirm yet"):
        save_review(db, "rss:new", TOPIC, "confirmed", "Ed", "checked")
    assert db["reviews"].count == 0


def test_the_latest_review_is_the_verdict_and_reclassifying_never_undoes_it(db):
    sid = say(db, "ana", 1, "supporting", "2026-01-10T00:00:00Z", confidence=0.55, needs_review=True)
    assert headline(db, "ana")["position"] == "awaiting_review"
    first = save_review(db, sid, TOPIC, "corrected", "Ed Itor", "She condemns the raids", stance="condemning")
    assert (first["machine_stance"], first["machine_confidence"], first["reviewed_text"]) == (
        "supporting", 0.55, "Fictional post 1 by ana")
    row = headline(db, "ana")
    assert (row["stance"], row["position"], row["verified"], row["reviewed"], row["needs_review"]) == (
        "condemning", "condemned", 1, 1, 0)
    # the classifier runs again with a new model: its row is replaced, the verdict stands
    save_stances(db, [{"statement_id": sid, "topic_id": TOPIC, "stance": "supporting", "on_topic": True,
                       "confidence": 0.99, "evidence": "post", "model": "m-2"}])
    shown = verdict(db, sid)
    assert (shown["stance"], shown["judgment"], shown["machine_stance"], shown["editor"]) == (
        "condemning", "verified", "supporting", "Ed Itor")
    assert shown["confidence"] is None  # a corrected judgment rests on the editor's note, not the machine's figure
    assert headline(db, "ana")["position"] == "condemned"
    # a second review is added beside the first: the latest counts, the first stays as history
    save_review(db, sid, TOPIC, "confirmed", "Second Editor", "The new model is right after all")
    assert db["reviews"].count == 2
    assert (verdict(db, sid)["stance"], verdict(db, sid)["confidence"]) == ("supporting", 0.99)
    assert headline(db, "ana")["position"] == "supported"


def test_a_misattributed_statement_counts_for_nothing(db):
    say(db, "ben", 1, "supporting", "2026-01-10T00:00:00Z")
    sid = say(db, "ben", 2, "condemning", "2026-02-10T00:00:00Z")
    assert (headline(db, "ben")["stance"], headline(db, "ben")["position"]) == ("mixed", "condemned")
    save_review(db, sid, TOPIC, "misattributed", "Ed", "The mayor said this, not Ben")
    row = headline(db, "ben")
    assert (row["stance"], row["position"], row["condemning"], row["on_topic"]) == ("supporting", "supported", 0, 1)
    shown = verdict(db, sid)
    assert (shown["judgment"], shown["stance"], shown["position"]) == ("misattributed", None, None)


def test_a_correction_of_a_confident_off_topic_judgment_counts(db):
    """The machine's confident off-topic judgments are not in judgments (the partial index leaves
    them out); a review brings one in."""
    sid = say(db, "cal", 1, "silent", "2026-01-15T00:00:00Z", on_topic=False, confidence=0.97)
    assert verdict(db, sid) is None
    assert headline(db, "cal")["position"] == "said_nothing"
    save_review(db, sid, TOPIC, "corrected", "Ed", "A veiled attack on the raids", stance="condemning")
    assert (headline(db, "cal")["position"], headline(db, "cal")["stance"]) == ("condemned", "condemning")
    assert verdict(db, sid)["on_topic"] == 1


def test_the_finer_headline(db):
    say(db, "ana", 1, "silent", "2026-01-05T00:00:00Z")  # on the topic, no side: calls for calm
    say(db, "ben", 1, "supporting", "2026-01-10T00:00:00Z")
    say(db, "ben", 2, "supporting", "2026-01-20T00:00:00Z")
    say(db, "ben", 3, "condemning", "2026-02-01T00:00:00Z")  # a change of side: the latest counts
    say(db, "ben", 4, "condemning", "2026-02-05T00:00:00Z")
    say(db, "cal", 1, "silent", "2026-01-05T00:00:00Z", on_topic=False)
    say(db, "dee", 1, "condemning", "2026-01-05T00:00:00Z")
    say(db, "dee", 2, "supporting", "2026-01-06T00:00:00Z")
    say(db, "dee", 3, "condemning", "2026-01-07T00:00:00Z")  # back and forth
    say(db, "eve", 1, "condemning", "2026-01-05T00:00:00Z", confidence=0.5, needs_review=True)
    rows = {row["leader_id"]: row for row in db.query("SELECT * FROM leader_stances")}
    assert {k: (v["stance"], v["position"]) for k, v in rows.items()} == {
        "ana": ("silent", "no_side"), "ben": ("mixed", "condemned"), "cal": ("silent", "said_nothing"),
        "dee": ("mixed", "condemned"), "eve": ("unmonitored", "awaiting_review")}
    assert rows["ben"]["position_since"] == "2026-02-01T00:00:00Z"  # since the change
    assert rows["dee"]["position_since"] is None  # back and forth: position_events has each change
    assert rows["ana"]["position_since"] == rows["ana"]["first_on_topic_at"] == "2026-01-05T00:00:00Z"
    assert (rows["ben"]["last_statement_at"], rows["ben"]["last_statement_id"]) == (
        "2026-02-05T00:00:00Z", "mastodon:ben:4")
    assert {row["verified"] for row in rows.values()} == {0}


def test_verified_follows_the_judgment_the_headline_rests_on(db):
    early = say(db, "ana", 1, "condemning", "2026-01-05T00:00:00Z")
    latest = say(db, "ana", 2, "condemning", "2026-01-09T00:00:00Z")
    save_review(db, early, TOPIC, "confirmed", "Ed", "checked the first")
    assert (headline(db, "ana")["verified"], headline(db, "ana")["reviewed"]) == (0, 1)
    save_review(db, latest, TOPIC, "confirmed", "Ed", "checked the latest")
    assert headline(db, "ana")["verified"] == 1


def test_of_statements_published_together_the_board_shows_the_one_the_headline_rests_on(db):
    # one article's quotes share its time: the verified one that takes the side, not the first id
    for number in (1, 2):
        say(db, "ana", number, "condemning", "2026-02-01T09:00:00Z")
    say(db, "ana", 3, "silent", "2026-02-01T09:00:00Z")  # on the topic, no side
    say(db, "ana", 0, "condemning", "2026-02-01T09:00:00Z", confidence=0.3, needs_review=True)
    assert headline(db, "ana")["last_statement_id"] == "mastodon:ana:2"  # the last id among equals
    save_review(db, "mastodon:ana:1", TOPIC, "confirmed", editor="R. Editor (fictional)", note="Read it")
    row = headline(db, "ana")
    assert (row["last_statement_id"], row["verified"], row["last_statement_at"]) == (
        "mastodon:ana:1", 1, "2026-02-01T09:00:00Z")
