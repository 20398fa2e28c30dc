"""Every write the other steps make goes through here, so the schema has one owner."""
import json
from dataclasses import dataclass, field
from itertools import groupby

from onrecord.db.times import utc_now
from onrecord.vocabulary import (
    CONFIRMED, CORRECTED, CRAWL_STATUSES, KINDS, OK, PARTIAL, PLATFORMS, REVIEW_ACTIONS, RUN_STATUSES, SILENT, STANCES,
)

STATEMENT_COLUMNS = (
    "id", "leader_id", "account_id", "platform", "kind", "url", "text", "published_at",
    "edited_at", "deleted_at", "first_seen_at", "last_seen_at", "lang", "source_url", "context",
    "original_author", "content_warning", "in_reply_to",
)
EVIDENCE_SOURCES = ("text", "context", None)  # whose words stances.evidence are; None: no evidence
_CHUNK = 500  # SQLite's default limit on bound parameters is far above this


class SaveError(ValueError):
    """A row that cannot be stored as given."""


@dataclass
class SaveResult:
    new: list = field(default_factory=list)
    edited: list = field(default_factory=list)
    seen: int = 0


def save_watchlist(db, watchlist: dict) -> None:
    """Upsert the watchlist's topic, leaders and accounts. Rows for leaders dropped from the
    watchlist stay: their statements are part of the record."""
    topic = watchlist["topic"]
    with db.atomic():
        db["topics"].upsert(
            {"id": topic["id"], "name": topic["name"], "since": topic.get("since")}, pk="id"
        )
        for leader in watchlist.get("leaders", []):
            db["leaders"].upsert(
                {
                    "id": leader["id"],
                    "name": leader["name"],
                    "aliases": json.dumps(leader.get("aliases", [])),
                    "title": leader.get("title"),
                    "organization": leader.get("organization"),
                },
                pk="id",
            )
            for account in leader.get("accounts", []):
                db["accounts"].upsert(
                    {
                        "id": account["id"],
                        "leader_id": leader["id"],
                        "platform": account["platform"],
                        "handle": account.get("handle"),
                        "url": account.get("url"),
                        "api": account.get("api"),
                    },
                    pk="id",
                )


def _check_statement(row: dict) -> None:
    for key in ("id", "leader_id", "platform", "kind", "text"):
        if row.get(key) in (None, ""):
            raise SaveError(f"statement {row.get('id')!r} has no {key}")
    if row["platform"] not in PLATFORMS:
        raise SaveError(f"statement {row['id']!r}: unknown platform {row['platform']!r}")
    if row["kind"] not in KINDS:
        raise SaveError(f"statement {row['id']!r}: unknown kind {row['kind']!r}")


def _existing(db, table: str, pk: str, columns: str, ids: list) -> dict:
    found = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for row in db.execute(
            f"SELECT {pk}, {columns} FROM [{table}] WHERE {pk} IN ({marks})", chunk
        ).fetchall():
            found[row[0]] = row[1:]
    return found


def _upsert_by_shape(table, rows: list, pk) -> None:
    """Upsert rows grouped by their set of keys, so a missing key never overwrites a stored value."""
    shape = lambda row: tuple(sorted(row))  # noqa: E731
    for _, group in groupby(sorted(rows, key=shape), key=shape):
        table.upsert_all(group, pk=pk, batch_size=_CHUNK)


def save_statements(db, rows, now: str | None = None) -> SaveResult:
    """Store statements: new ones are inserted, known ones refreshed (last_seen_at); a changed text
    keeps the earlier text in `statement_revisions` and sets `edited_at`. Keys a row leaves out,
    or sets to None, never erase what is stored. A row may carry `raw` (the source payload)."""
    now = now or utc_now()
    rows = [dict(row) for row in rows]
    result = SaveResult(seen=len(rows))
    if not rows:
        return result
    for row in rows:
        _check_statement(row)
    raws = [(row["id"], row.pop("raw")) for row in rows if row.get("raw") is not None]
    by_id = {row["id"]: row for row in rows}  # a page may repeat an item: the last copy wins
    with db.atomic():
        known = _existing(db, "statements", "id", "text, edited_at", list(by_id))
        fresh, refreshed, revisions = [], [], []
        for statement_id, row in by_id.items():
            row = {k: v for k, v in row.items() if k in STATEMENT_COLUMNS and v is not None}
            row["last_seen_at"] = now
            if statement_id not in known:
                row.setdefault("first_seen_at", now)
                fresh.append(row)
                continue
            old_text, old_edited_at = known[statement_id]
            row.pop("first_seen_at", None)
            row["deleted_at"] = None  # listed again, so not deleted
            if row["text"] != old_text:
                revisions.append(
                    {
                        "statement_id": statement_id,
                        "text": old_text,
                        "edited_at": old_edited_at,
                        "replaced_at": now,
                    }
                )
                row.setdefault("edited_at", now)
                result.edited.append(statement_id)
            refreshed.append(row)
        if fresh:
            _upsert_by_shape(db["statements"], fresh, "id")
        if refreshed:
            _upsert_by_shape(db["statements"], refreshed, "id")
        if revisions:
            db["statement_revisions"].insert_all(revisions, pk="id")
        if raws:
            db["statement_raw"].upsert_all(
                (
                    {
                        "statement_id": statement_id,
                        "payload": raw if isinstance(raw, str) else json.dumps(raw),
                        "fetched_at": now,
                    }
                    for statement_id, raw in raws
                ),
                pk="statement_id",
                batch_size=_CHUNK,
            )
    result.new = [row["id"] for row in fresh]
    return result


def mark_deleted(db, statement_ids, when: str | None = None) -> int:
    """Set `deleted_at` on statements whose permalink now answers "not found"; rows stay."""
    when = when or utc_now()
    count = 0
    with db.atomic():
        for statement_id in statement_ids:
            cursor = db.execute(
                "UPDATE statements SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                [when, statement_id],
            )
            count += cursor.rowcount
    return count


def save_statement_sources(db, rows, now: str | None = None) -> None:
    """Record every article a (news) statement appeared in; the first sighting's time is kept."""
    now = now or utc_now()
    rows = [dict(row) for row in rows]
    if not rows:
        return
    with db.atomic():
        keys = [(row["statement_id"], row["source_url"]) for row in rows]
        seen = set()
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            clause = " OR ".join("(statement_id = ? AND source_url = ?)" for _ in chunk)
            params = [value for key in chunk for value in key]
            seen.update(
                tuple(r)
                for r in db.execute(
                    f"SELECT statement_id, source_url FROM statement_sources WHERE {clause}", params
                ).fetchall()
            )
        for row in rows:
            if (row["statement_id"], row["source_url"]) not in seen:
                row.setdefault("first_seen_at", now)
        _upsert_by_shape(db["statement_sources"], rows, ("statement_id", "source_url"))


def save_article_mentions(db, rows, now: str | None = None) -> int:
    """Record news articles read that name a leader: one row per (article, leader), the first
    reading kept (a feed re-read every night counts each article once). Returns rows added."""
    now = now or utc_now()
    rows = [{**row, "first_read_at": row.get("first_read_at") or now} for row in rows]
    if not rows:
        return 0
    with db.atomic():
        before = db.execute("SELECT COUNT(*) FROM article_mentions").fetchone()[0]
        db["article_mentions"].insert_all(rows, pk=("article_url", "leader_id"), ignore=True, batch_size=_CHUNK)
        return db.execute("SELECT COUNT(*) FROM article_mentions").fetchone()[0] - before


def save_stances(db, rows) -> int:
    """Write stance judgments; one row per (statement, topic), so a newer model replaces older rows."""
    rows = [dict(row) for row in rows]
    for row in rows:
        if row.get("stance") not in STANCES:
            raise SaveError(f"stance for {row.get('statement_id')!r}: {row.get('stance')!r} is not one of {', '.join(STANCES)}")
        confidence = row.get("confidence")
        if confidence is not None and not 0 <= confidence <= 1:
            raise SaveError(f"stance for {row['statement_id']!r}: confidence {confidence} outside [0, 1]")
        if row.get("evidence_from") not in EVIDENCE_SOURCES:
            raise SaveError(f"stance for {row['statement_id']!r}: evidence_from {row.get('evidence_from')!r} is not one of text, context or None")
        row["on_topic"] = int(bool(row.get("on_topic")))
        row["needs_review"] = int(bool(row.get("needs_review")))
        # A writer that does not say (an older caller): a side is one, silence is taken at its word.
        row["side_possible"] = int(bool(row.get("side_possible", row["stance"] != "silent")))
        row.setdefault("evidence_from", None)  # a replaced judgment keeps no stale value
        row.setdefault("classified_at", utc_now())
    with db.atomic():
        db["stances"].upsert_all(rows, pk=("statement_id", "topic_id"), batch_size=_CHUNK)
    return len(rows)


def record_crawl(db, row: dict, leader_ids=None) -> int:
    """Store one finished crawl of one source; returns its id. For a news source or an archive
    search, `leader_ids` names the leaders it looked for: only they count as monitored by it.
    Each of the source's leaders gets its continuous window extended (source_coverage)."""
    row = dict(row)
    if row.get("status") not in CRAWL_STATUSES:
        raise SaveError(f"crawl status {row.get('status')!r} is not one of {', '.join(CRAWL_STATUSES)}")
    if isinstance(row.get("skip_reasons"), dict):
        row["skip_reasons"] = json.dumps(row["skip_reasons"], sort_keys=True)
    row.setdefault("finished_at", utc_now())
    with db.atomic():
        crawl_id = db["crawls"].insert(row, pk="id").last_pk
        if leader_ids:
            db["crawl_leaders"].insert_all(
                ({"crawl_id": crawl_id, "leader_id": leader_id} for leader_id in leader_ids),
                pk=("crawl_id", "leader_id"),
            )
        _extend_coverage(db, row, leader_ids)
        return crawl_id


def _extend_coverage(db, row: dict, leader_ids=None) -> None:
    """The crawl's window joins its source's window when they overlap (an incremental crawl reads
    back past the previous one's newest item), and replaces it after a gap; a crawl that read
    nothing usable changes only the source's last status."""
    if row.get("account_id"):
        found = db.execute("SELECT leader_id FROM accounts WHERE id = ?", [row["account_id"]]).fetchone()
        leaders, source = ([found[0]] if found else []), row["account_id"]
    else:
        leaders, source = list(leader_ids or []), row.get("source_url")
    if not leaders or not source:
        return
    usable = row["status"] in (OK, PARTIAL) and row.get("covered_from") and row.get("covered_to")
    for leader_id in leaders:
        known = db.execute("SELECT covered_from, covered_to FROM source_coverage WHERE leader_id = ? AND source = ?",
                           [leader_id, source]).fetchone()
        window = {"leader_id": leader_id, "source": source, "channel": row["platform"],
                  "last_crawl_at": row["started_at"], "last_status": row["status"], "last_error": row.get("error")}
        if known is None:
            window["first_crawl_at"] = row["started_at"]
        if usable:
            old_from, old_to = known if known else (None, None)
            joins = old_to is not None and row["covered_from"] <= old_to
            window["covered_from"] = min(old_from, row["covered_from"]) if joins else row["covered_from"]
            window["covered_to"] = max(old_to, row["covered_to"]) if joins else row["covered_to"]
        db["source_coverage"].upsert(window, pk=("leader_id", "source"))


def set_crawl_state(db, source: str, **fields) -> None:
    """Advance a source's incremental state (high-water mark, ETag, ...). Call it only after the
    statements it covers are saved, so an interrupted crawl redoes work instead of skipping it."""
    with db.atomic():
        db["crawl_state"].upsert({"source": source, **fields, "updated_at": utc_now()}, pk="source")


def record_run(db, row: dict) -> int:
    """Store one nightly cycle (`runs`); a row with an `id` updates that run. Returns the id.
    Lists and dicts (stance changes, failed sources, steps) are stored as JSON."""
    row = dict(row)
    if row.get("status") not in RUN_STATUSES:
        raise SaveError(f"run status {row.get('status')!r} is not one of {', '.join(RUN_STATUSES)}")
    for key, value in row.items():
        if isinstance(value, (list, dict)):
            row[key] = json.dumps(value, sort_keys=True)
    run_id = row.pop("id", None)
    with db.atomic():
        if run_id is None or not db.execute("SELECT 1 FROM runs WHERE id = ?", [run_id]).fetchone():
            return db["runs"].insert({**row, "id": run_id} if run_id is not None else row, pk="id").last_pk
        db["runs"].update(run_id, row)
        return run_id


def save_review(db, statement_id: str, topic_id: str, action: str, editor: str, note: str,
                stance: str | None = None, on_topic: bool | None = None, now: str | None = None) -> dict:
    """Record an editor's review of a statement's judgment on a topic; returns the row stored.

    `confirmed` keeps the machine's stance as the verdict, `corrected` sets `stance` (on the topic
    unless `on_topic` is false, which only `silent` allows), `misattributed` says the words are not
    the leader's, so the statement counts for nothing. Reviews are only ever added: the latest is
    the verdict, and the classifier never writes to this table."""
    if action not in REVIEW_ACTIONS:
        raise SaveError(f"review action {action!r} is not one of {', '.join(REVIEW_ACTIONS)}")
    editor, note = (editor or "").strip(), (note or "").strip()
    if not editor:
        raise SaveError("a review needs the editor's name")
    if not note:
        raise SaveError("a review needs a note saying what was checked")
    found = db.execute("SELECT text FROM statements WHERE id = ?", [statement_id]).fetchone()
    if found is None:
        raise SaveError(f"no statement {statement_id!r} in the database")
    if db.execute("SELECT 1 FROM topics WHERE id = ?", [topic_id]).fetchone() is None:
        raise SaveError(f"no topic {topic_id!r} in the database")
    machine = next(db.query("SELECT stance, on_topic, confidence, model FROM stances"
                            " WHERE statement_id = ? AND topic_id = ?", [statement_id, topic_id]), None)
    if action == CONFIRMED:
        if machine is None:
            raise SaveError(f"{statement_id!r} has no stance to confirm yet (run `onrecord classify`); "
                            "correct it to a stance instead")
        stance, on_topic = machine["stance"], machine["on_topic"]
    elif action == CORRECTED:
        if stance not in STANCES:
            raise SaveError(f"a correction needs a stance: one of {', '.join(STANCES)}, not {stance!r}")
        if on_topic is False and stance != SILENT:
            raise SaveError(f"a {stance} statement is about the topic; only silent can be off the topic")
        on_topic = on_topic is not False
    else:
        stance, on_topic = None, None
    row = {"statement_id": statement_id, "topic_id": topic_id, "action": action, "stance": stance,
           "on_topic": None if on_topic is None else int(bool(on_topic)), "editor": editor, "note": note,
           "reviewed_at": now or utc_now(), "reviewed_text": found[0],
           "machine_stance": machine and machine["stance"], "machine_on_topic": machine and machine["on_topic"],
           "machine_confidence": machine and machine["confidence"], "machine_model": machine and machine["model"]}
    with db.atomic():
        row["id"] = db["reviews"].insert(row).last_pk
    return row
