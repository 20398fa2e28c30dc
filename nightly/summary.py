"""What a nightly cycle changed, for its `runs` row and its log line: new statements, new on-topic
ones by stance, leaders whose `leader_stances` row changed, sources that failed. The counts come
from db/queries.py, measured against marks taken before the cycle."""
from __future__ import annotations

from onrecord.db import queries
from onrecord.vocabulary import CONDEMNING, INTERRUPTED, OK, SILENT, SUPPORTING


def stances_snapshot(db) -> dict:
    """(leader id, topic id) -> (name, stance), from leader_stances."""
    return {(row["leader_id"], row["topic_id"]): (row["name"], row["stance"]) for row in queries.leader_stances(db)}


def changes(before: dict, after: dict) -> list[dict]:
    found = []
    for key, (name, stance) in sorted(after.items()):
        previous = before.get(key, (None, None))[1]
        if previous != stance:
            found.append({"leader_id": key[0], "name": name, "topic_id": key[1], "before": previous, "after": stance})
    return found


def summarise(db, marks: dict, classify_started_at: str | None, topic_id: str) -> dict:
    """The cycle's counts: rows past `marks` (queries.high_water_marks, taken before it) are its own."""
    by_stance = queries.on_topic_by_stance_after(db, topic_id, marks["statements"])
    # Reclassified statements count too (a new model), so this one goes by time: from the classify
    # step's own start, not the run's, as a run can begin within the second the previous one
    # classified in (times are whole seconds); the crawl step lies between them.
    classified = 0
    if classify_started_at is not None:
        classified = queries.count_classified_since(db, topic_id, classify_started_at)
    return {
        "new_statements": queries.count_statements_after(db, marks["statements"]),
        "classified": classified,
        "new_on_topic": sum(by_stance.values()),
        "new_condemning": by_stance.get(CONDEMNING, 0),
        "new_supporting": by_stance.get(SUPPORTING, 0),
        "new_silent": by_stance.get(SILENT, 0),
        "failed_sources": queries.failed_crawls_after(db, marks["crawls"]),
    }


def describe_run(row: dict) -> str:
    """The one-paragraph log line for a finished cycle."""
    def plural(n, word):
        return f"{n} {word}{'' if n == 1 else 's'}"

    parts = [
        f"Run {row.get('id')} {row['status']}",
        f"{plural(row.get('new_statements') or 0, 'new statement')}, "
        f"{row.get('new_on_topic') or 0} new on topic ({row.get('new_condemning') or 0} condemning, "
        f"{row.get('new_supporting') or 0} supporting, {row.get('new_silent') or 0} silent)",
    ]
    stance_changes = row.get("stance_changes") or []
    if stance_changes:
        parts.append(
            f"{plural(len(stance_changes), 'leader')} changed: "
            + ", ".join(f"{c['name']} {c['before'] or 'new'} -> {c['after']}" for c in stance_changes)
        )
    failed = row.get("failed_sources") or []
    if failed:
        parts.append(f"{plural(len(failed), 'source')} failed: " + ", ".join(f['source'] or '?' for f in failed))
    not_ok = [s for s in row.get("steps") or [] if s["status"] != OK]
    if not_ok:
        parts.append(", ".join(f"{s['step']} {s['status']} ({s['detail']})" for s in not_ok))
    if row.get("error"):
        parts.append(row["error"])
    return "; ".join(parts) + "."


def mark_stale_runs(db) -> None:
    """Runs still `running` when we hold the lock were killed outright: say so."""
    from onrecord.db.save import record_run

    for run_id in queries.running_run_ids(db):
        record_run(db, {"id": run_id, "status": INTERRUPTED, "error": "the process running it was killed"})
