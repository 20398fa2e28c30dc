"""Give statements in the database a stance toward the watchlist topic (the `onrecord classify` step).

`classify_database` is the one way to classify a database: it holds the writer lock
(db/lock.py) while it writes. `onrecord classify` and the demo call it; the nightly cycle runs
`onrecord classify` in a child process (so the model's memory is returned when it exits), under
the lock the cycle already holds. Statements are read by id first and their texts fetched chunk
by chunk, so memory stays flat on large databases and rows written during the run never disturb
the read.
"""
from __future__ import annotations

from collections import Counter

from onrecord.db.connect import open_db
from onrecord.db.lock import writer_lock
from onrecord.db.queries import statement_texts, statements_to_classify
from onrecord.db.save import save_stances
from onrecord.db.times import utc_now
from onrecord.nlp.labels import LABELS

CHUNK = 1000
PROGRESS_EVERY = 5000


def classify_statements(db, topic: dict, all: bool = False, progress=None, classifier=None) -> dict:
    """Classify and store; returns counts {"classified", "on_topic", "condemning", "supporting",
    "silent", "needs_review", "no_words"}.

    Each statement is judged with its `context` (a news quote's framing sentence, the post a reply
    answers). `progress(done, total)` is called every PROGRESS_EVERY statements and once at the end.
    A row from an older model is replaced (the stances key is (statement_id, topic_id)).
    """
    if classifier is None:
        from onrecord.nlp.stance import StanceClassifier

        classifier = StanceClassifier(topic)
    from onrecord.nlp.stance import NO_WORDS

    ids = statements_to_classify(db, topic["id"], classifier.model, all=all)
    counts = Counter({label: 0 for label in LABELS})
    counts["classified"] = counts["on_topic"] = counts["needs_review"] = counts["no_words"] = 0
    next_report = PROGRESS_EVERY
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        rows = statement_texts(db, chunk)
        now = utc_now()
        stances = []
        judgments = classifier.classify([(text, context) for _, text, context in rows], batch_size=256)
        for (statement_id, _, _), judgment in zip(rows, judgments):
            stances.append(
                {
                    "statement_id": statement_id,
                    "topic_id": topic["id"],
                    "stance": judgment.stance,
                    "on_topic": judgment.on_topic,
                    "confidence": judgment.confidence,
                    "evidence": judgment.evidence,
                    "evidence_from": judgment.evidence_from,
                    "needs_review": judgment.needs_review,
                    "side_possible": judgment.side_possible,
                    "model": classifier.model,
                    "classified_at": now,
                }
            )
            counts[judgment.stance] += 1
            counts["on_topic"] += judgment.on_topic
            counts["needs_review"] += judgment.needs_review
            counts["no_words"] += judgment.note == NO_WORDS
        save_stances(db, stances)
        counts["classified"] += len(stances)
        if progress and counts["classified"] >= next_report and counts["classified"] < len(ids):
            progress(counts["classified"], len(ids))
            next_report += PROGRESS_EVERY
    if progress:
        progress(counts["classified"], len(ids))
    return dict(counts)


def classify_database(db_path, topic: dict, all: bool = False, progress=None, classifier=None,
                      lock_echo=None) -> dict:
    """Classify the database at `db_path` under its writer lock (waiting for another writer,
    announced through `lock_echo`; db.lock.LockBusy if it waits too long). Returns the counts of
    classify_statements."""
    with writer_lock(db_path, "classify", echo=lock_echo):
        db = open_db(db_path)
        try:
            return classify_statements(db, topic, all=all, progress=progress, classifier=classifier)
        finally:
            db.close()
