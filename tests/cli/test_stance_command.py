"""`onrecord stance` and `onrecord classify` through click, on real files and a real SQLite database."""
import json

import pytest
from click.testing import CliRunner

from onrecord.db.connect import open_db
from onrecord.db.save import save_stances, save_statements, save_watchlist
from onrecord.cli import cli

WATCHLIST_YAML = """\
topic:
  id: ice-enforcement
  name: Federal immigration enforcement (ICE, Border Patrol) in U.S. cities
  since: 2026-01-01
leaders:
  - id: ada-quillfeather
    name: Ada Quillfeather   # fictional
    accounts:
      - {platform: mastodon, handle: ada@social.example}
"""
WATCHLIST = {
    "topic": {"id": "ice-enforcement", "name": "Federal immigration enforcement", "since": "2026-01-01T00:00:00Z"},
    "leaders": [{"id": "ada-quillfeather", "name": "Ada Quillfeather", "aliases": [],
                 "accounts": [{"id": "mastodon:ada@social.example", "platform": "mastodon",
                               "handle": "ada@social.example"}]}],
    "news": [],
}
TEXTS = {  # fictional statements
    "mastodon:1": "The raids must end. Pull the agents out of our city now.",
    "mastodon:2": "Thank you to the ICE officers doing a hard job. Obstructing them is a crime.",
    "mastodon:3": "Ice fishing on Lake Minnetonka with the team this weekend.",
    "mastodon:4": "We are monitoring the situation with the ICE operation and keeping employees informed.",
}


@pytest.fixture
def watchlist(tmp_path):
    path = tmp_path / "watchlist.yml"
    path.write_text(WATCHLIST_YAML)
    return path


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def lines(output):
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_stance_text_arguments_get_positional_ids(watchlist):
    result = run("stance", "--watchlist", str(watchlist), TEXTS["mastodon:1"], TEXTS["mastodon:3"])
    assert result.exit_code == 0, result.output
    out = lines(result.stdout)
    assert [o["id"] for o in out] == [1, 2]
    assert set(out[0]) == {"id", "stance", "on_topic", "confidence", "evidence", "evidence_from", "needs_review",
                           "side_possible", "model"}
    assert out[0]["side_possible"] is True  # a side taken is a side possible
    assert out[0]["evidence_from"] == "text" and out[0]["model"].startswith("onrecord_stance-")
    assert out[0]["stance"] == "condemning" and out[0]["on_topic"] is True
    assert out[0]["evidence"] in TEXTS["mastodon:1"] and out[0]["evidence"]
    assert (out[1]["stance"], out[1]["on_topic"], out[1]["evidence"], out[1]["evidence_from"]) == ("silent", False, "", None)
    assert all(0 <= o["confidence"] <= 1 for o in out)


def test_stance_jsonl_skips_and_counts_malformed_lines(watchlist, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": TEXTS["mastodon:2"], "speaker": "Ada Quillfeather"}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "b"}) + "\n"
        + "\n"
        + json.dumps(["a list"]) + "\n"
        + json.dumps({"id": 7, "text": TEXTS["mastodon:3"]}) + "\n"
    )
    result = run("stance", "--watchlist", str(watchlist), "--jsonl", str(path))
    assert result.exit_code == 0
    out = lines(result.stdout)
    assert [o["id"] for o in out] == ["a", 7]
    assert out[0]["stance"] == "supporting"
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 3
    assert "line 2" in errors[0] and "JSON" in errors[0]
    assert "line 3" in errors[1] and '"text"' in errors[1]
    assert "line 5" in errors[2]
    assert "skipped 3 malformed" in result.stderr


def test_stance_reads_stdin_and_fails_only_when_nothing_was_classified(watchlist):
    good = run("stance", "--watchlist", str(watchlist), "--jsonl", "-",
               input=json.dumps({"id": "x", "text": TEXTS["mastodon:1"]}) + "\n")
    assert good.exit_code == 0 and lines(good.stdout)[0]["id"] == "x"
    bad = run("stance", "--watchlist", str(watchlist), "--jsonl", "-", input="nope\n{}\n")
    assert bad.exit_code != 0
    assert bad.stdout == ""
    assert "line 1" in bad.stderr and "line 2" in bad.stderr


def test_stance_needs_input(watchlist):
    result = run("stance", "--watchlist", str(watchlist))
    assert result.exit_code == 2
    assert "--jsonl" in result.output


def seeded_db(path):
    db = open_db(path)
    save_watchlist(db, WATCHLIST)
    save_statements(db, [
        {"id": sid, "leader_id": "ada-quillfeather", "account_id": "mastodon:ada@social.example",
         "platform": "mastodon", "kind": "post", "text": text, "published_at": "2026-01-20T10:00:00Z"}
        for sid, text in TEXTS.items()
    ])
    return db


def stances(path):
    db = open_db(path)
    return {row["statement_id"]: row for row in db.query("SELECT * FROM stances")}


def test_classify_fills_stances_then_only_new_or_outdated_ones(watchlist, tmp_path):
    path = tmp_path / "onrecord.db"
    db = seeded_db(path)
    # A judgment from an older model must be replaced; none of the current model's are redone.
    save_stances(db, [{"statement_id": "mastodon:3", "topic_id": "ice-enforcement", "stance": "condemning",
                       "on_topic": True, "confidence": 0.5, "evidence": "x", "model": "onrecord_stance-0.0.1"}])
    db.close()

    result = run("classify", "--db", str(path), "--watchlist", str(watchlist))
    assert result.exit_code == 0, result.output
    assert "Classified 4 statements" in result.stdout
    assert "1 condemning, 1 supporting, 2 silent" in result.stdout
    rows = stances(path)
    assert {sid: r["stance"] for sid, r in rows.items()} == {
        "mastodon:1": "condemning", "mastodon:2": "supporting", "mastodon:3": "silent", "mastodon:4": "silent"}
    assert {r["on_topic"] for sid, r in rows.items() if sid != "mastodon:3"} == {1}
    assert rows["mastodon:3"]["on_topic"] == 0 and rows["mastodon:3"]["evidence"] == ""
    model = rows["mastodon:1"]["model"]
    assert model.startswith("onrecord_stance-") and {r["model"] for r in rows.values()} == {model}
    for sid, r in rows.items():
        assert r["topic_id"] == "ice-enforcement"
        assert r["evidence"] in TEXTS[sid] and 0 <= r["confidence"] <= 1
        assert r["classified_at"].endswith("Z")

    again = run("classify", "--db", str(path), "--watchlist", str(watchlist))
    assert again.exit_code == 0 and "Nothing to classify" in again.stdout

    db = open_db(path)
    save_statements(db, [{"id": "mastodon:5", "leader_id": "ada-quillfeather", "account_id": "mastodon:ada@social.example",
                          "platform": "mastodon", "kind": "post", "text": "Deport them all. Support ICE."}])
    db.close()
    new = run("classify", "--db", str(path), "--watchlist", str(watchlist))
    assert "Classified 1 statements" in new.stdout
    assert stances(path)["mastodon:5"]["stance"] == "supporting"

    everything = run("classify", "--db", str(path), "--watchlist", str(watchlist), "--all")
    assert "Classified 5 statements" in everything.stdout
    assert len(stances(path)) == 5


def test_classify_statements_reports_progress(tmp_path, monkeypatch):
    import onrecord.nlp.classify as classify_module

    monkeypatch.setattr(classify_module, "PROGRESS_EVERY", 2)
    monkeypatch.setattr(classify_module, "CHUNK", 2)
    db = seeded_db(tmp_path / "onrecord.db")
    calls = []
    counts = classify_module.classify_statements(db, WATCHLIST["topic"], progress=lambda done, total: calls.append((done, total)))
    assert counts["classified"] == 4 and counts["condemning"] + counts["supporting"] + counts["silent"] == 4
    assert calls == [(2, 4), (4, 4)]


def test_stance_jsonl_reads_context_and_checks_it(watchlist):
    lines_in = [
        {"id": "q", "text": "a disgrace", "context": "Ada Quillfeather called the ICE raids \"a disgrace\" on Tuesday."},
        {"id": "r", "text": TEXTS["mastodon:1"], "context": None},
        {"id": "bad", "text": "x", "context": ["not", "a", "string"]},
    ]
    result = run("stance", "--watchlist", str(watchlist), "--jsonl", "-",
                 input="".join(json.dumps(line) + "\n" for line in lines_in))
    assert result.exit_code == 0, result.output
    out = {o["id"]: o for o in lines(result.stdout)}
    assert set(out) == {"q", "r"}
    assert out["q"]["on_topic"] is True  # the topic is named only in the context
    if out["q"]["evidence_from"] == "context":
        assert out["q"]["evidence"] in lines_in[0]["context"]
    assert out["r"]["evidence_from"] == "text"
    assert 'line 3: "context" must be a string' in result.stderr


def test_stance_bad_texts_get_a_line_each(watchlist):
    texts = ["", "https://example.com/x", "🙂🙂", "\x07\x1b The raids must end.", "x" * 1_000_000]
    result = run("stance", "--watchlist", str(watchlist), "--jsonl", "-",
                 input="".join(json.dumps({"id": n, "text": t}) + "\n" for n, t in enumerate(texts)))
    assert result.exit_code == 0, result.output
    assert [o["id"] for o in lines(result.stdout)] == list(range(len(texts)))
    assert "3 with no words to judge" in result.stderr


def test_classify_judges_each_statement_with_its_context(watchlist, tmp_path):
    path = tmp_path / "onrecord.db"
    db = seeded_db(path)
    save_statements(db, [{"id": "news:1", "leader_id": "ada-quillfeather", "platform": "news", "kind": "post",
                          "text": "a disgrace", "published_at": "2026-01-21T10:00:00Z",
                          "context": "Ada Quillfeather called the ICE raids in Minneapolis \"a disgrace\" on Tuesday."}])
    db.close()
    result = run("classify", "--db", str(path), "--watchlist", str(watchlist))
    assert result.exit_code == 0, result.output
    assert "marked needs_review" in result.stdout
    rows = stances(path)
    quote = rows["news:1"]
    assert quote["on_topic"] == 1  # only the context names the topic
    assert quote["evidence_from"] in ("text", "context") and quote["needs_review"] in (0, 1)
    if quote["evidence_from"] == "context":
        assert quote["evidence"] in 'Ada Quillfeather called the ICE raids in Minneapolis "a disgrace" on Tuesday.'
    assert rows["mastodon:1"]["evidence_from"] == "text"
    assert rows["mastodon:3"]["evidence_from"] is None and rows["mastodon:3"]["evidence"] == ""


def test_a_judgment_that_needs_review_never_alone_sets_a_side(tmp_path):
    from onrecord.db.save import record_crawl

    db = seeded_db(tmp_path / "onrecord.db")
    record_crawl(db, {"platform": "mastodon", "account_id": "mastodon:ada@social.example", "status": "ok",
                      "started_at": "2026-01-21T03:00:00Z", "finished_at": "2026-01-21T03:00:00Z",
                      "items": 4, "new_items": 4,
                      # read back past the window's start, so "silent" is a finding (issue 12)
                      "covered_from": "2025-12-01T00:00:00Z", "covered_to": "2026-01-21T03:00:00Z"})

    def judge(sid, stance, needs_review, on_topic=True):
        save_stances(db, [{"statement_id": sid, "topic_id": "ice-enforcement", "stance": stance, "on_topic": on_topic,
                           "confidence": 0.55 if needs_review else 0.95, "evidence": "", "model": "test-1",
                           "needs_review": needs_review}])

    def leader():
        return next(db.query("SELECT * FROM leader_stances WHERE leader_id = 'ada-quillfeather'"))

    judge("mastodon:1", "condemning", True)
    row = leader()
    # An uncertain side sets nothing, and it leaves silence unproven: not silent, awaiting review.
    assert (row["stance"], row["position"], row["condemning"], row["needs_review"]) == (
        "unmonitored", "awaiting_review", 0, 1)
    assert row["coverage"].startswith("1 judgment(s) awaiting review, no confident side; read: ")
    judge("mastodon:2", "supporting", True)
    judge("mastodon:3", "silent", True, on_topic=False)  # an unsure "about something else" awaits review too
    row = leader()
    assert (row["stance"], row["condemning"], row["supporting"], row["needs_review"]) == ("unmonitored", 0, 0, 3)
    judge("mastodon:4", "condemning", False)
    row = leader()
    assert (row["stance"], row["condemning"], row["supporting"], row["needs_review"]) == ("condemning", 1, 0, 3)
    plan = " ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN SELECT * FROM leader_stances").fetchall())
    assert "idx_stances_counted" in plan  # leader_stances reads the partial index, not every stance
