"""Every read the other steps make goes through here, beside db/save.py (the writes), so the
schema has one owner. Each function takes an open sqlite-utils Database."""
from __future__ import annotations

_CHUNK = 500  # ids per IN (...) list; SQLite's default limit on bound parameters is far above this


def statements_to_classify(db, topic_id: str, model: str, all: bool = False) -> list[str]:
    """Ids of statements without a stance for this topic from this model (every id with all)."""
    if all:
        return [row[0] for row in db.execute("SELECT id FROM statements ORDER BY id").fetchall()]
    sql = (
        "SELECT s.id FROM statements s LEFT JOIN stances t"
        " ON t.statement_id = s.id AND t.topic_id = ?"
        " WHERE t.statement_id IS NULL OR t.model IS NOT ? ORDER BY s.id"
    )
    return [row[0] for row in db.execute(sql, [topic_id, model]).fetchall()]


def statement_texts(db, ids: list[str]) -> list[tuple[str, str, str]]:
    """(id, text, context) of these statements, in no particular order; NULL reads as ""."""
    rows = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        rows += db.execute(f"SELECT id, text, context FROM statements WHERE id IN ({marks})", chunk).fetchall()
    return [(statement_id, text or "", context or "") for statement_id, text, context in rows]
