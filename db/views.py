"""SQL views. `leader_stances` is the per-leader summary analysts start from.

Silence is only a finding when someone was listening: a leader counts as `silent` when at least one
of their accounts, or one news source, was crawled successfully inside the topic's window;
otherwise `unmonitored`. Statements and crawls before `topics.since` do not count.
"""

LEADER_STANCES_SQL = """
CREATE VIEW leader_stances AS
WITH windowed AS (
    SELECT s.leader_id, st.topic_id, st.stance, st.on_topic, s.published_at
    FROM statements s
    JOIN stances st ON st.statement_id = s.id
    JOIN topics t ON t.id = st.topic_id
    WHERE t.since IS NULL OR s.published_at >= t.since
),
counts AS (
    SELECT leader_id, topic_id,
        SUM(stance = 'condemning') AS condemning,
        SUM(stance = 'supporting') AS supporting,
        SUM(on_topic = 1) AS on_topic,
        MAX(CASE WHEN on_topic = 1 THEN published_at END) AS last_statement_at
    FROM windowed
    GROUP BY leader_id, topic_id
),
monitoring AS (
    SELECT l.id AS leader_id, t.id AS topic_id, MIN(c.started_at) AS monitored_since
    FROM leaders l
    CROSS JOIN topics t
    JOIN crawls c ON c.status IN ('ok', 'partial')
        AND (t.since IS NULL OR c.finished_at >= t.since)
        AND (c.account_id IN (SELECT a.id FROM accounts a WHERE a.leader_id = l.id)
             OR c.platform = 'news')
    GROUP BY l.id, t.id
)
SELECT
    l.id AS leader_id,
    l.name AS name,
    t.id AS topic_id,
    CASE
        WHEN COALESCE(c.condemning, 0) > 0 AND COALESCE(c.supporting, 0) > 0 THEN 'mixed'
        WHEN COALESCE(c.condemning, 0) > 0 THEN 'condemning'
        WHEN COALESCE(c.supporting, 0) > 0 THEN 'supporting'
        WHEN m.monitored_since IS NOT NULL THEN 'silent'
        ELSE 'unmonitored'
    END AS stance,
    COALESCE(c.condemning, 0) AS condemning,
    COALESCE(c.supporting, 0) AS supporting,
    COALESCE(c.on_topic, 0) AS on_topic,
    c.last_statement_at AS last_statement_at,
    m.monitored_since AS monitored_since
FROM leaders l
CROSS JOIN topics t
LEFT JOIN counts c ON c.leader_id = l.id AND c.topic_id = t.id
LEFT JOIN monitoring m ON m.leader_id = l.id AND m.topic_id = t.id
"""


VIEWS = {"leader_stances": LEADER_STANCES_SQL}


def ensure_views(db):
    """(Re)create each view whose definition changed; views hold no data, so this is always safe."""
    for name, sql in VIEWS.items():
        current = db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?", [name]
        ).fetchone()
        if current and current[0].strip() == sql.strip():
            continue
        with db.atomic():
            db.execute(f"DROP VIEW IF EXISTS [{name}]")
            db.execute(sql)
