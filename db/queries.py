"""Every read the other steps make goes through here, beside db/save.py (the writes), so the
schema has one owner. Each function takes an open sqlite-utils Database."""
from __future__ import annotations

from onrecord.vocabulary import DEMO_MARKER

_CHUNK = 500  # ids per IN (...) list; SQLite's default limit on bound parameters is far above this


def statements_to_classify(db, topic_id: str, model: str, all: bool = False) -> list[str]:
    """Ids of statements without a stance for this topic from this model, or with one awaiting
    review from before side_possible was stored (every id with all)."""
    if all:
        return [row[0] for row in db.execute("SELECT id FROM statements ORDER BY id").fetchall()]
    sql = (
        "SELECT s.id FROM statements s LEFT JOIN stances t"
        " ON t.statement_id = s.id AND t.topic_id = ?"
        " WHERE t.statement_id IS NULL OR t.model IS NOT ?"
        # judged before side_possible was stored, and awaiting review: it may block silence
        " OR (t.needs_review = 1 AND t.side_possible IS NULL) ORDER BY s.id"
    )
    return [row[0] for row in db.execute(sql, [topic_id, model]).fetchall()]


def statement_texts(db, ids: list[str]) -> list[tuple[str, str, str]]:
    """(id, text, context) of these statements, in no particular order; NULL reads as ""."""
    rows = []
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        rows += db.execute(f"SELECT id, text, context FROM statements WHERE id IN ({marks})", chunk).fetchall()
    return [(statement_id, text or "", context or "") for statement_id, text, context in rows]


def _chunks(values: list):
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def existing_statement_ids(db, ids: list[str]) -> set[str]:
    """Which of these statement ids are stored."""
    found = set()
    for chunk in _chunks(list(ids)):
        marks = ",".join("?" * len(chunk))
        found.update(row[0] for row in db.execute(f"SELECT id FROM statements WHERE id IN ({marks})", chunk))
    return found


# -- what a crawl reads before it starts (crawler/crawl.py hands it to the spiders) -----------------


def crawl_state(db, source_id: str) -> dict:
    """A source's incremental state (high-water mark, native id, validators); {} before its first crawl."""
    return next(db.query("SELECT * FROM crawl_state WHERE source = ?", [source_id]), {})


def crawl_states(db, source_ids: list[str]) -> dict[str, dict]:
    """source id -> its crawl_state row, for the sources that have one."""
    states = {}
    for chunk in _chunks(list(source_ids)):
        marks = ",".join("?" * len(chunk))
        for row in db.query(f"SELECT * FROM crawl_state WHERE source IN ({marks})", chunk):
            states[row["source"]] = row
    return states


def recent_statements(db, account_id: str, since: str) -> list[tuple[str, str, str]]:
    """(id, kind, published_at) of an account's statements published since `since` and not marked
    deleted, newest first: what a crawl's deletion check compares its listing against."""
    return [tuple(row) for row in db.execute(
        "SELECT id, kind, published_at FROM statements WHERE account_id = ? AND published_at >= ?"
        " AND deleted_at IS NULL ORDER BY published_at DESC", [account_id, since]).fetchall()]


def news_quotes(db, leader_ids: list[str]) -> dict[str, tuple]:
    """Stored news quotes by these leaders: id -> (text, url, published_at, source_url, context).
    A quote met again in a later crawl is re-emitted with these fields, so it changes nothing."""
    quotes = {}
    for chunk in _chunks(list(leader_ids)):
        marks = ",".join("?" * len(chunk))
        for row in db.execute(
                "SELECT id, text, url, published_at, source_url, context FROM statements"
                f" WHERE platform = 'news' AND leader_id IN ({marks})", chunk):
            quotes[row[0]] = tuple(row[1:])
    return quotes


# -- the nightly cycle's summary (schedule.py, nightly/summary.py) ------------------------------------


def leader_stances(db) -> list[dict]:
    """Every row of the leader_stances view: leader_id, name, topic_id, stance, ..."""
    return [dict(row) for row in db.query("SELECT * FROM leader_stances ORDER BY leader_id, topic_id")]


def high_water_marks(db) -> dict:
    """The last statement rowid and crawl id: rows past them are written after this moment.
    (Rowids, not times: a run that ends in the same second as the next one starts would blur a
    time mark.)"""
    return {
        "statements": db.execute("SELECT COALESCE(MAX(rowid), 0) FROM statements").fetchone()[0],
        "crawls": db.execute("SELECT COALESCE(MAX(id), 0) FROM crawls").fetchone()[0],
    }


def count_statements_after(db, rowid: int) -> int:
    return db.execute("SELECT COUNT(*) FROM statements WHERE rowid > ?", [rowid]).fetchone()[0]


def on_topic_by_stance_after(db, topic_id: str, rowid: int) -> dict[str, int]:
    """Statements past `rowid` that are on the topic, counted by stance."""
    return dict(db.execute(
        """SELECT st.stance, COUNT(*) FROM statements s
           JOIN stances st ON st.statement_id = s.id AND st.topic_id = ?
           WHERE s.rowid > ? AND st.on_topic = 1 GROUP BY st.stance""",
        [topic_id, rowid],
    ).fetchall())


def failed_crawls_after(db, crawl_id: int) -> list[dict]:
    """Failed crawls past `crawl_id`: platform, source (account id or URL), error."""
    return [
        {"platform": platform, "source": source, "error": error}
        for platform, source, error in db.execute(
            """SELECT platform, COALESCE(account_id, source_url), error FROM crawls
               WHERE id > ? AND status = 'failed' ORDER BY id""",
            [crawl_id],
        ).fetchall()
    ]


def count_classified_since(db, topic_id: str, since: str) -> int:
    return db.execute("SELECT COUNT(*) FROM stances WHERE topic_id = ? AND classified_at >= ?",
                      [topic_id, since]).fetchone()[0]


def running_run_ids(db) -> list[int]:
    """Nightly runs still marked `running`."""
    return [row[0] for row in db.execute("SELECT id FROM runs WHERE status = 'running'").fetchall()]


# -- whose database is it ---------------------------------------------------------------------------


def is_demo_database(path) -> bool:
    """True for a database `onrecord demo` built: it has leaders, and every one's organisation
    carries the demo's fiction marker. Only such a file may be replaced by the demo, and it is
    served with the fiction banner wherever it is served."""
    organizations = leader_organizations(path)
    return bool(organizations) and all(DEMO_MARKER in (org or "") for org in organizations)


def leader_organizations(path) -> list[str | None] | None:
    """Every leader's organisation in the database file at `path`, read-only and without
    migrating it (it may be anyone's SQLite file); None when it is not readable as ours."""
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return [org for (org,) in conn.execute("SELECT organization FROM leaders").fetchall()]
        finally:
            conn.close()
    except sqlite3.Error:
        return None


# -- editorial review (cli/review.py) -----------------------------------------------------------------


def topic_ids(db) -> list[str]:
    return [row[0] for row in db.execute("SELECT id FROM topics ORDER BY id").fetchall()]


def statement_under_review(db, statement_id: str, topic_id: str) -> dict | None:
    """A statement with its leader, the machine's judgment and the verdict that counts
    (statement_stances), for a review; None when there is no such statement."""
    row = next(db.query(
        """SELECT s.id, s.leader_id, l.name, s.platform, s.kind, s.text, s.published_at, s.url,
               st.stance AS machine_stance, st.on_topic AS machine_on_topic, st.confidence AS machine_confidence,
               st.needs_review AS machine_needs_review
           FROM statements s JOIN leaders l ON l.id = s.leader_id
           LEFT JOIN stances st ON st.statement_id = s.id AND st.topic_id = ?
           WHERE s.id = ?""", [topic_id, statement_id]), None)
    if row is not None:
        row["verdict"] = next(db.query(
            "SELECT stance, position, judgment, editor, note FROM statement_stances"
            " WHERE statement_id = ? AND topic_id = ?", [statement_id, topic_id]), None)
    return row


def reviews_of(db, statement_id: str) -> list[dict]:
    """Every review of a statement, oldest first."""
    return [dict(row) for row in db.query("SELECT * FROM reviews WHERE statement_id = ? ORDER BY id", [statement_id])]


def review_queue(db, topic_id: str, leader_id: str | None = None, limit: int | None = None) -> list[dict]:
    """What needs an editor's look (the review_queue view), most consequential first."""
    sql = "SELECT * FROM review_queue WHERE topic_id = ?"
    params = [topic_id]
    if leader_id:
        sql += " AND leader_id = ?"
        params.append(leader_id)
    sql += " ORDER BY priority, published_at DESC, statement_id"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return [dict(row) for row in db.query(sql, params)]


def leader_headline(db, leader_id: str, topic_id: str) -> dict | None:
    """One leader's row of leader_stances."""
    return next(db.query("SELECT * FROM leader_stances WHERE leader_id = ? AND topic_id = ?", [leader_id, topic_id]), None)
