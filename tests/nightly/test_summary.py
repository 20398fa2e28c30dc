"""What a cycle changed, as its runs row and log line say it (nightly/summary.py), on a real
database written through db.save. Every leader is fictional."""
from onrecord.db.connect import open_db
from onrecord.db.queries import high_water_marks
from onrecord.db.save import record_crawl, save_stances, save_statements, save_watchlist
from onrecord.nightly import summary

WATCHLIST = {"topic": {"id": "t", "name": "T", "since": None},
             "leaders": [{"id": "ada", "name": "Ada (fictional)", "accounts": [
                 {"id": "mastodon:ada@example.social", "platform": "mastodon", "handle": "ada@example.social"}]}]}


def test_the_cycle_counts_only_its_own_rows_and_names_what_changed(tmp_path):
    db = open_db(tmp_path / "onrecord.db")
    save_watchlist(db, WATCHLIST)
    save_statements(db, [{"id": "mastodon:1", "leader_id": "ada", "platform": "mastodon", "kind": "post",
                          "text": "An older fictional post", "published_at": "2026-01-02T00:00:00Z"}])
    record_crawl(db, {"platform": "mastodon", "account_id": "mastodon:ada@example.social", "status": "failed",
                      "started_at": "2026-01-02T00:00:00Z", "error": "HTTP 502"})
    before, marks = summary.stances_snapshot(db), high_water_marks(db)
    save_statements(db, [{"id": f"mastodon:{n}", "leader_id": "ada", "platform": "mastodon", "kind": "post",
                          "text": f"A new fictional post {n}", "published_at": "2026-01-03T00:00:00Z"} for n in (2, 3)])
    save_stances(db, [{"statement_id": "mastodon:2", "topic_id": "t", "stance": "condemning", "on_topic": 1,
                       "confidence": 0.9, "model": "m", "classified_at": "2026-01-03T00:00:00Z"},
                      {"statement_id": "mastodon:3", "topic_id": "t", "stance": "silent", "on_topic": 0,
                       "confidence": 0.9, "model": "m", "classified_at": "2026-01-03T00:00:00Z"}])
    record_crawl(db, {"platform": "mastodon", "account_id": "mastodon:ada@example.social", "status": "ok",
                      "started_at": "2026-01-03T00:00:00Z", "items": 2, "new_items": 2})
    counts = summary.summarise(db, marks, "2026-01-03T00:00:00Z", "t")
    assert counts == {"new_statements": 2, "classified": 2, "new_on_topic": 1, "new_condemning": 1,
                      "new_supporting": 0, "new_silent": 0, "failed_sources": []}  # the old failure is not this run's
    changes = summary.changes(before, summary.stances_snapshot(db))
    assert changes == [{"leader_id": "ada", "name": "Ada (fictional)", "topic_id": "t", "before": "unmonitored",
                        "after": "condemning"}]
    line = summary.describe_run({"id": 7, "status": "partial", **counts, "stance_changes": changes,
                                 "failed_sources": [{"source": "bluesky:ada.example.org"}],
                                 "steps": [{"step": "crawl x", "status": "skipped", "detail": "no token"}]})
    assert line == ("Run 7 partial; 2 new statements, 1 new on topic (1 condemning, 0 supporting, 0 silent); "
                    "1 leader changed: Ada (fictional) unmonitored -> condemning; 1 source failed: "
                    "bluesky:ada.example.org; crawl x skipped (no token).")
