"""`onrecord review`: the queue, and a review with the editor's name and a note that changes what
leader_stances says. Run through click's runner on a real SQLite file. Every person is FICTIONAL."""
import json

import pytest
from click.testing import CliRunner

from onrecord.cli import cli
from onrecord.db.connect import open_db
from onrecord.db.save import record_crawl, save_stances, save_statements, save_watchlist

TOPIC = "ice-enforcement"


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "onrecord.db"
    db = open_db(path)
    save_watchlist(db, {"topic": {"id": TOPIC, "name": "Enforcement (fictional)", "since": "2026-01-01T00:00:00Z"},
                        "leaders": [{"id": "ivo-lenz", "name": "Ivo Lenz", "aliases": [], "organization": "Fictional Co",
                                     "accounts": [{"id": "mastodon:ivo@social.example", "platform": "mastodon",
                                                   "handle": "ivo@social.example"}]}]})
    posts = [("mastodon:social.example:1", "I support the agents doing their job.", "supporting", 0.93, 0),
             ("mastodon:social.example:2", "These raids are cruel and must end.", "condemning", 0.61, 1)]
    save_statements(db, [{"id": sid, "leader_id": "ivo-lenz", "account_id": "mastodon:ivo@social.example",
                          "platform": "mastodon", "kind": "post", "text": text,
                          "published_at": f"2026-01-1{n}T00:00:00Z"} for n, (sid, text, *_) in enumerate(posts)])
    save_stances(db, [{"statement_id": sid, "topic_id": TOPIC, "stance": stance, "on_topic": 1, "confidence": conf,
                       "needs_review": flag, "evidence": text, "model": "m-1"} for sid, text, stance, conf, flag in posts])
    record_crawl(db, {"platform": "mastodon", "account_id": "mastodon:ivo@social.example", "status": "ok",
                      "started_at": "2026-02-01T00:00:00Z", "finished_at": "2026-02-01T00:01:00Z",
                      "covered_from": "2025-12-01T00:00:00Z", "covered_to": "2026-02-01T00:00:00Z"})
    db.close()
    return str(path)


def run(*args, env=None):
    return CliRunner().invoke(cli, ["review", *args], env=env, catch_exceptions=False)


def headline(db_path):
    return next(open_db(db_path).query("SELECT * FROM leader_stances"))


def test_the_queue_lists_what_needs_a_look(db_path):
    result = run("queue", "--db", db_path)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("2  Ivo Lenz  2026-01-10  mastodon post  supporting 0.93: first statement on the topic")
    assert "too uncertain to count alone (needs_review)" in result.output
    rows = [json.loads(line) for line in run("queue", "--db", db_path, "--json").output.splitlines()]
    assert [row["statement_id"] for row in rows] == ["mastodon:social.example:1", "mastodon:social.example:2"]


def test_a_correction_changes_the_headline_and_says_so(db_path):
    assert (headline(db_path)["stance"], headline(db_path)["position"]) == ("supporting", "supported")
    result = run("correct", "mastodon:social.example:2", "--stance", "condemning", "--db", db_path,
                 "--editor", "Rae Editor", "--note", "Read the whole thread")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Review 1: Rae Editor corrected condemning (confidence 0.61, needs_review) to condemning: Ivo Lenz, "
        "2026-01-11, mastodon post mastodon:social.example:2",
        "Ivo Lenz now: condemned (verified); stance mixed."]
    shown = run("show", "mastodon:social.example:2", "--db", db_path).output
    assert "counts as: condemned (verified) by Rae Editor: Read the whole thread" in shown
    assert "review 1, " in shown and ": Rae Editor corrected as condemning: Read the whole thread" in shown


def test_a_record_link_and_the_editor_from_the_environment(db_path):
    link = "http://127.0.0.1:8001/onrecord/statements/mastodon~3Asocial.example~3A1"
    result = run("misattributed", link, "--db", db_path, "--note", "Quoted from the sheriff",
                 env={"ONRECORD_EDITOR": "Env Editor"})
    assert result.exit_code == 0, result.output
    assert "Env Editor marked misattributed (it counts for nothing)" in result.output
    assert headline(db_path)["position"] == "awaiting_review"  # only the uncertain one is left
    confirmed = run("confirm", "mastodon:social.example:2", "--db", db_path, "--editor", "Rae", "--note", "checked")
    assert "Ivo Lenz now: condemned (verified); stance condemning." in confirmed.output


@pytest.mark.parametrize("args, message", [
    (["confirm", "mastodon:nope", "--editor", "Rae", "--note", "n"], "Error: no statement 'mastodon:nope' in the database (give its id, as in statements.id, or its record link)"),
    (["confirm", "mastodon:social.example:1", "--editor", " ", "--note", "n"], "Error: a review needs the editor's name"),
    (["confirm", "mastodon:social.example:1", "--editor", "Rae", "--note", "n", "--topic", "other"],
     "Error: no topic 'other'; topics in the database: ice-enforcement"),
])
def test_mistakes_are_one_line_and_change_nothing(db_path, args, message):
    result = CliRunner().invoke(cli, ["review", *args, "--db", db_path])
    assert result.exit_code == 2
    assert result.output.strip() == message
    assert open_db(db_path)["reviews"].count == 0


def test_a_missing_note_or_database(db_path, tmp_path):
    result = CliRunner().invoke(cli, ["review", "confirm", "mastodon:social.example:1", "--db", db_path,
                                      "--editor", "Rae"])
    assert result.exit_code == 2 and "Missing option '--note'" in result.output
    missing = CliRunner().invoke(cli, ["review", "queue", "--db", str(tmp_path / "typo.db")])
    assert missing.exit_code == 3 and "no such database" in missing.output
