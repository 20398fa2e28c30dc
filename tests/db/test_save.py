"""The save path: no duplicates, edits keep the earlier text, nothing known is erased."""
import json

import pytest

from onrecord.db.connect import open_db
from onrecord.db.save import SaveError, mark_deleted, record_crawl, save_statement_sources, save_statements, save_watchlist


@pytest.fixture
def db(tmp_path):
    db = open_db(tmp_path / "onrecord.db")
    save_watchlist(db, {"topic": {"id": "t", "name": "T", "since": None},
                        "leaders": [{"id": "ada", "name": "Ada Fictional", "aliases": ["Ada"], "accounts": []}]})
    return db


def post(number, text="hello", **extra):
    return {"id": f"x:{number}", "leader_id": "ada", "platform": "x", "kind": "post", "text": text,
            "published_at": "2026-01-02T00:00:00Z", **extra}


def test_insert_then_resave_is_not_new(db):
    first = save_statements(db, [post(1), post(2)], now="2026-01-03T00:00:00Z")
    again = save_statements(db, [post(1), post(2)], now="2026-01-04T00:00:00Z")
    assert first.new == ["x:1", "x:2"] and again.new == [] and again.edited == []
    row = db["statements"].get("x:1")
    assert (row["first_seen_at"], row["last_seen_at"]) == ("2026-01-03T00:00:00Z", "2026-01-04T00:00:00Z")
    assert db["statements"].count == 2


def test_edit_keeps_revision(db):
    save_statements(db, [post(1, "first words")], now="2026-01-03T00:00:00Z")
    result = save_statements(db, [post(1, "second words", edited_at="2026-01-03T12:00:00Z")], now="2026-01-04T00:00:00Z")
    assert result.edited == ["x:1"]
    row = db["statements"].get("x:1")
    assert (row["text"], row["edited_at"]) == ("second words", "2026-01-03T12:00:00Z")
    revisions = list(db["statement_revisions"].rows)
    assert [(r["statement_id"], r["text"], r["replaced_at"]) for r in revisions] == [
        ("x:1", "first words", "2026-01-04T00:00:00Z")]


def test_missing_keys_never_erase(db):
    save_statements(db, [post(1, lang="en", context="said at a conference")])
    save_statements(db, [post(1)])
    row = db["statements"].get("x:1")
    assert (row["lang"], row["context"]) == ("en", "said at a conference")


def test_raw_payload_kept(db):
    save_statements(db, [post(1, raw={"id": "1", "text": "hello"})])
    assert json.loads(db["statement_raw"].get("x:1")["payload"]) == {"id": "1", "text": "hello"}


def test_deleted_row_stays_and_reappearing_clears_it(db):
    save_statements(db, [post(1)])
    assert mark_deleted(db, ["x:1"], when="2026-01-05T00:00:00Z") == 1
    assert db["statements"].get("x:1")["deleted_at"] == "2026-01-05T00:00:00Z"
    save_statements(db, [post(1)])
    assert db["statements"].get("x:1")["deleted_at"] is None


@pytest.mark.parametrize("bad, message", [
    ({"platform": "myspace"}, "unknown platform"),
    ({"kind": "story"}, "unknown kind"),
    ({"text": ""}, "has no text"),
])
def test_bad_rows_are_refused_and_nothing_is_written(db, bad, message):
    with pytest.raises(SaveError, match=message):
        save_statements(db, [post(1), post(2, **bad)])
    assert db["statements"].count == 0


def test_statement_sources_keep_first_seen(db):
    save_statements(db, [post(1)])
    row = {"statement_id": "x:1", "source_url": "https://news.example/a", "title": "A"}
    save_statement_sources(db, [row], now="2026-01-03T00:00:00Z")
    save_statement_sources(db, [dict(row, title="A (updated)")], now="2026-01-04T00:00:00Z")
    stored = list(db["statement_sources"].rows)
    assert [(r["title"], r["first_seen_at"]) for r in stored] == [("A (updated)", "2026-01-03T00:00:00Z")]


def test_crawl_status_checked(db):
    with pytest.raises(SaveError):
        record_crawl(db, {"platform": "x", "started_at": "2026-01-01T00:00:00Z", "status": "running"})
    crawl_id = record_crawl(db, {"platform": "x", "started_at": "2026-01-01T00:00:00Z", "status": "ok",
                                 "skip_reasons": {"malformed JSON": 2}})
    assert json.loads(db["crawls"].get(crawl_id)["skip_reasons"]) == {"malformed JSON": 2}
