"""Positions over time, from `judgments` (db/judgments.py): what each leader said when, and when
their headline position moved.

- `position_events`: per leader and topic, the first statement on the topic (`first`), the first
  side taken after statements that took none (`took_side`), the first switch of side
  (`changed`) and every later one (`reversed`: back to a side held before). A leader who condemned
  and later supported is a `changed` event with its date, not a permanent "mixed".
- `positions_by_month`: every leader and month of the window, with the position they held at the
  month's end (their latest side so far, else no_side once they spoke on the topic, else
  nothing_yet) and what they said that month.
- `who_spoke_when`: every leader and week of the window, with what they said on the topic that week
  (condemned, supported, both, no_side) or `nothing`: who spoke after each moment, who stayed silent.

Only judgments that count are used: confident or reviewed, not misattributed, inside the window.
"""

# The judgments a position rests on, in the topic's window. `{extra}` adds columns.
COUNTED = """
    SELECT j.leader_id, j.topic_id, j.statement_id, j.published_at, j.position, j.judgment{extra}
    FROM judgments j
    JOIN topics t ON t.id = j.topic_id
    WHERE j.needs_review = 0 AND j.position IN ('condemned', 'supported', 'no_side')
        AND (t.since IS NULL OR j.published_at >= t.since)"""

# One pass in time order per leader: at each statement, how many of each side came before and
# when the last of each was (so the side held before it), then the event it makes. (One window,
# one reference to the judgments: asking for one leader's events reads only theirs.)
POSITION_EVENTS_SQL = """
CREATE VIEW position_events AS
WITH ordered AS (
    SELECT c.*,
        ROW_NUMBER() OVER w AS n,
        COUNT(CASE WHEN c.position = 'condemned' THEN 1 END) OVER before AS condemned_before,
        COUNT(CASE WHEN c.position = 'supported' THEN 1 END) OVER before AS supported_before,
        MAX(CASE WHEN c.position = 'condemned' THEN c.published_at || c.statement_id END) OVER before AS last_condemned,
        MAX(CASE WHEN c.position = 'supported' THEN c.published_at || c.statement_id END) OVER before AS last_supported
    FROM (""" + COUNTED.format(extra="") + """
    ) c
    WINDOW w AS (PARTITION BY c.leader_id, c.topic_id ORDER BY c.published_at, c.statement_id),
        before AS (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
),
held AS (
    SELECT *,
        CASE
            WHEN last_condemned IS NULL AND last_supported IS NULL THEN NULL
            WHEN last_supported IS NULL OR last_condemned > last_supported THEN 'condemned'
            ELSE 'supported'
        END AS previous_side
    FROM ordered
)
SELECT h.leader_id, l.name, h.topic_id,
    CASE
        WHEN h.n = 1 THEN 'first'
        WHEN h.previous_side IS NULL THEN 'took_side'
        -- with two sides, a switch to a side held before is a reversal
        WHEN (h.position = 'condemned' AND h.condemned_before > 0)
            OR (h.position = 'supported' AND h.supported_before > 0) THEN 'reversed'
        ELSE 'changed'
    END AS event,
    h.published_at, h.position, CASE WHEN h.n > 1 THEN COALESCE(h.previous_side, 'no_side') END AS previous_position,
    h.judgment, h.statement_id,
    -- the statement of the side held before (its key is the time, 20 characters, then the id)
    substr(CASE h.previous_side WHEN 'condemned' THEN h.last_condemned WHEN 'supported' THEN h.last_supported END, 21)
        AS previous_statement_id
FROM held h
JOIN leaders l ON l.id = h.leader_id
WHERE h.n = 1 OR (h.position != 'no_side' AND h.position IS NOT h.previous_side)
"""

# Month by month from the window's start (else the first statement) to this month.
_MONTHS = """months(topic_id, month, last_month) AS (
    SELECT t.id, substr(COALESCE(t.since, (SELECT MIN(published_at) FROM statements), strftime('%Y-%m', 'now')), 1, 7),
        strftime('%Y-%m', 'now')
    FROM topics t
    UNION ALL
    SELECT topic_id, strftime('%Y-%m', month || '-01', '+1 month'), last_month FROM months WHERE month < last_month
)"""

POSITIONS_BY_MONTH_SQL = """
CREATE VIEW positions_by_month AS
WITH RECURSIVE """ + _MONTHS + """,
counted AS (""" + COUNTED.format(extra="") + """
),
-- each statement, then a marker after the last moment of every month ('-31T99' sorts after any
-- time of the month), in time order; the position held at a marker is the latest side before it
timeline AS (
    SELECT leader_id, topic_id, published_at AS at, 0 AS marker,
        CASE WHEN position != 'no_side' THEN position END AS side
    FROM counted
    UNION ALL
    SELECT l.id, m.topic_id, m.month || '-31T99', 1, NULL
    FROM leaders l CROSS JOIN months m
),
runs AS (
    SELECT *,
        COUNT(side) OVER (PARTITION BY leader_id, topic_id ORDER BY at, marker ROWS UNBOUNDED PRECEDING) AS side_run,
        SUM(1 - marker) OVER (PARTITION BY leader_id, topic_id ORDER BY at, marker ROWS UNBOUNDED PRECEDING) AS spoken
    FROM timeline
),
held AS (
    SELECT leader_id, topic_id, substr(at, 1, 7) AS month, marker, spoken,
        FIRST_VALUE(side) OVER (PARTITION BY leader_id, topic_id, side_run ORDER BY at, marker) AS side
    FROM runs
),
said AS (
    SELECT leader_id, topic_id, substr(published_at, 1, 7) AS month, COUNT(*) AS statements,
        SUM(position = 'condemned') AS condemned, SUM(position = 'supported') AS supported,
        SUM(position = 'no_side') AS no_side
    FROM counted
    GROUP BY 1, 2, 3
)
SELECT h.leader_id, l.name, h.topic_id, h.month,
    COALESCE(h.side, CASE WHEN h.spoken > 0 THEN 'no_side' END, 'nothing_yet') AS position,
    COALESCE(s.statements, 0) AS statements, COALESCE(s.condemned, 0) AS condemned,
    COALESCE(s.supported, 0) AS supported, COALESCE(s.no_side, 0) AS no_side
FROM held h
JOIN leaders l ON l.id = h.leader_id
LEFT JOIN said s ON s.leader_id = h.leader_id AND s.topic_id = h.topic_id AND s.month = h.month
WHERE h.marker = 1
"""

# Weeks start on Monday: date(x, 'weekday 0', '-6 days') is the Monday of x's week.
_WEEKS = """weeks(topic_id, week, last_week) AS (
    SELECT t.id, date(COALESCE(t.since, (SELECT MIN(published_at) FROM statements), 'now'), 'weekday 0', '-6 days'),
        date('now', 'weekday 0', '-6 days')
    FROM topics t
    UNION ALL
    SELECT topic_id, date(week, '+7 days'), last_week FROM weeks WHERE week < last_week
)"""

WHO_SPOKE_WHEN_SQL = """
CREATE VIEW who_spoke_when AS
WITH RECURSIVE """ + _WEEKS + """,
counted AS (""" + COUNTED.format(extra="") + """
),
said AS (
    SELECT leader_id, topic_id, date(published_at, 'weekday 0', '-6 days') AS week, COUNT(*) AS statements,
        SUM(position = 'condemned') AS condemned, SUM(position = 'supported') AS supported,
        SUM(position = 'no_side') AS no_side
    FROM counted
    GROUP BY 1, 2, 3
)
SELECT l.id AS leader_id, l.name, w.topic_id, w.week,
    CASE
        WHEN s.statements IS NULL THEN 'nothing'
        WHEN s.condemned > 0 AND s.supported > 0 THEN 'both'
        WHEN s.condemned > 0 THEN 'condemned'
        WHEN s.supported > 0 THEN 'supported'
        ELSE 'no_side'
    END AS position,
    COALESCE(s.statements, 0) AS statements, COALESCE(s.condemned, 0) AS condemned,
    COALESCE(s.supported, 0) AS supported, COALESCE(s.no_side, 0) AS no_side
FROM leaders l
CROSS JOIN weeks w
LEFT JOIN said s ON s.leader_id = l.id AND s.topic_id = w.topic_id AND s.week = w.week
"""

HISTORY_VIEWS = {"position_events": POSITION_EVENTS_SQL, "positions_by_month": POSITIONS_BY_MONTH_SQL,
                 "who_spoke_when": WHO_SPOKE_WHEN_SQL}
