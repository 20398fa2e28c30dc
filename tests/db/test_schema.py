"""Migrations, WAL, foreign keys and full-text search on a real SQLite file."""
import sqlite3

import pytest

from onrecord.db.connect import open_db
from onrecord.db.migrations import migrations


def schema(path):
    with sqlite3.connect(path) as conn:
        return sorted(conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall(), key=str)


def test_migrations_applied_twice_change_nothing(tmp_path):
    path = tmp_path / "onrecord.db"
    open_db(path).close()
    first = schema(path)
    db = open_db(path)
    assert migrations.pending(db) == []
    db.close()
    assert schema(path) == first
    with sqlite3.connect(path) as conn:
        applied = conn.execute("SELECT name FROM _sqlite_migrations").fetchall()
    assert len(applied) == len(set(applied)) == len(migrations._migrations)


def test_contract_tables_and_columns(tmp_path):
    db = open_db(tmp_path / "onrecord.db")
    expected = {
        "leaders": {"id", "name", "aliases", "title", "organization"},
        "accounts": {"id", "leader_id", "platform", "handle", "url"},
        "statements": {"id", "leader_id", "account_id", "platform", "kind", "url", "text",
                       "published_at", "edited_at", "deleted_at", "first_seen_at", "last_seen_at",
                       "lang", "source_url", "context"},
        "stances": {"statement_id", "topic_id", "stance", "on_topic", "confidence", "evidence",
                    "model", "classified_at", "needs_review", "evidence_from"},
        "crawls": {"id", "platform", "account_id", "source_url", "started_at", "finished_at",
                   "status", "items", "new_items", "error"},
    }
    for table, columns in expected.items():
        assert columns <= set(db[table].columns_dict), table
    assert db["stances"].pks == ["statement_id", "topic_id"]
    assert set(db["leader_stances"].columns_dict) == {
        "leader_id", "name", "topic_id", "stance", "condemning", "supporting", "on_topic",
        "last_statement_at", "monitored_since", "needs_review",
        # added by issue 12: the basis of the headline
        "coverage", "coverage_channels", "coverage_from", "news_from", "posts_read", "articles_read",
        # added by issue 15: the finer headline and whether an editor checked it
        "position", "position_since", "verified", "reviewed", "first_on_topic_at", "last_statement_id"}
    assert {"status", "covered_from", "covered_to"} <= set(db["crawls"].columns_dict)


def test_wal_and_foreign_keys(tmp_path):
    db = open_db(tmp_path / "onrecord.db")
    assert db.journal_mode == "wal"
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO statements (id, leader_id, platform, kind, text) VALUES ('x:1', 'nobody', 'x', 'post', 'hi')"
        )


def test_full_text_search_follows_inserts_updates_and_deletes(tmp_path):
    db = open_db(tmp_path / "onrecord.db")
    db["leaders"].insert({"id": "ada", "name": "Ada Fictional"})
    db["statements"].insert({"id": "x:1", "leader_id": "ada", "platform": "x", "kind": "post",
                             "text": "The raids must stop"})
    search = lambda q: [r["id"] for r in db["statements"].search(q)]  # noqa: E731
    assert search("raid") == ["x:1"]  # porter stemming
    db["statements"].update("x:1", {"text": "Launching our new model today"})
    assert search("raids") == [] and search("model") == ["x:1"]
    db["statements"].delete("x:1")
    assert search("model") == []
