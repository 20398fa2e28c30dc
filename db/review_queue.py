"""The `review_queue` view: machine judgments an editor should look at, most consequential first.

1. a judgment that moved a leader's headline position (took a side, changed or reversed it:
   position_events), because a single misread there changes what the board says about a person;
2. a leader's first statement on the topic, and a reviewed statement whose text was edited after
   its review (the verdict was about other words);
3. a judgment marked needs_review that takes a side, or that another reading takes as a side
   (side_possible: it keeps the leader from being called silent), 4. one on the topic, 5. any other one.

A reviewed judgment leaves the queue (`onrecord review`), unless its text changes afterwards.
"""
from onrecord.db.judgments import CONFIDENCE_SQL, EVIDENCE_SQL, MACHINE_JOINS_SQL, WHOSE_WORDS_SQL

REVIEW_QUEUE_SQL = """
CREATE VIEW review_queue AS
WITH events AS (
    SELECT statement_id, topic_id, event, previous_position, position
    FROM position_events
    WHERE judgment = 'machine'
),
edited AS (
    SELECT r.statement_id, r.topic_id
    FROM reviews r
    JOIN statements s ON s.id = r.statement_id
    WHERE r.id = (SELECT MAX(r2.id) FROM reviews r2 WHERE r2.statement_id = r.statement_id AND r2.topic_id = r.topic_id)
        AND r.reviewed_text IS NOT s.text
),
queued AS (
    SELECT j.*,
        CASE
            WHEN e.event IN ('took_side', 'changed', 'reversed') THEN 1
            WHEN e.event = 'first' OR ed.statement_id IS NOT NULL THEN 2
            WHEN j.stance != 'silent' OR j.side_possible IS NOT 0 THEN 3
            WHEN j.on_topic = 1 THEN 4
            ELSE 5
        END AS priority,
        rtrim(
            CASE WHEN e.event IN ('took_side', 'changed', 'reversed') THEN 'moved the headline from '
                || replace(e.previous_position, '_', ' ') || ' to ' || e.position || '; ' ELSE '' END
            || CASE WHEN e.event = 'first' THEN 'first statement on the topic; ' ELSE '' END
            || CASE WHEN ed.statement_id IS NOT NULL THEN 'edited since its review; ' ELSE '' END
            || CASE WHEN j.needs_review = 1 THEN 'too uncertain to count alone (needs_review); ' ELSE '' END
            || CASE WHEN j.needs_review = 1 AND j.stance = 'silent' AND j.side_possible IS NOT 0
                THEN 'another reading takes it as a side, so the leader is not called silent; ' ELSE '' END,
            '; ') AS reasons
    FROM judgments j
    LEFT JOIN events e ON e.statement_id = j.statement_id AND e.topic_id = j.topic_id
    LEFT JOIN edited ed ON ed.statement_id = j.statement_id AND ed.topic_id = j.topic_id
    WHERE (j.judgment = 'machine' AND (j.needs_review = 1 OR e.statement_id IS NOT NULL))
        OR ed.statement_id IS NOT NULL
)
SELECT q.priority, q.reasons, l.name, s.published_at, s.text, q.stance, q.position,
    """ + CONFIDENCE_SQL.format(j="q") + """, q.judgment,
    """ + WHOSE_WORDS_SQL.format(s="s") + """ AS whose_words,
    s.url, """ + EVIDENCE_SQL.format(j="q") + """, s.context, s.platform, s.kind, st.model,
    q.leader_id, q.topic_id, q.statement_id
FROM queued q
JOIN statements s ON s.id = q.statement_id
JOIN leaders l ON l.id = q.leader_id
""" + MACHINE_JOINS_SQL.format(j="q") + "\n"
