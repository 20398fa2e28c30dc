"""Which judgment counts for each statement: an editor's review first, else the machine's.

`judgments` holds one row per statement and topic that can bear on a leader's position: every
machine judgment that is on the topic, takes a side or awaits review, and every reviewed one,
whatever the machine said. Confident off-topic judgments (most of what leaders post) are left out:
they change nothing, and leaving them out lets SQLite read the small partial index
idx_stances_counted instead of every judgment (a million statements, a few percent of them here).

- `judgment` says whose verdict it is: `machine`, `verified` (an editor confirmed it or corrected
  it) or `misattributed` (an editor found the words are not the leader's: stance and position are
  NULL, so it counts for nothing).
- `position` is the finer scale beside the contract's `stance`: condemned, supported, no_side (on
  the topic without taking a side: calls for calm or de-escalation, sorrow, "monitoring the
  situation") or off_topic.
- A review is never overwritten: `reviews` is written only by `onrecord review`, one row per act,
  and the latest act on a (statement, topic) is the verdict.

`statement_stances` is the analysts' main table: each of these statements, text first, with its
stance, position, confidence, whose verdict, leader, date, link and whose words they are.
`leader_stances` (db/views.py) and the history views (db/history.py) read `judgments`.
"""

# One expression for the finer position of a statement, from its stance and on_topic.
POSITION_SQL = """CASE {stance} WHEN 'condemning' THEN 'condemned' WHEN 'supporting' THEN 'supported'
        WHEN 'silent' THEN CASE WHEN {on_topic} = 1 THEN 'no_side' ELSE 'off_topic' END END"""

# Whose words a statement is: a leader's own post, a quote in the news, or a news outlet's
# paraphrase (never presented as the leader's words). `{s}` is the statements alias.
WHOSE_WORDS_SQL = """CASE WHEN {s}.kind = 'paraphrase' THEN 'reported by ' || COALESCE((SELECT ss.outlet
            FROM statement_sources ss WHERE ss.statement_id = {s}.id ORDER BY ss.first_seen_at, ss.source_url LIMIT 1),
            'a news article') || ': a paraphrase, not their own words'
        WHEN {s}.platform = 'news' THEN 'quoted by ' || COALESCE((SELECT ss.outlet
            FROM statement_sources ss WHERE ss.statement_id = {s}.id ORDER BY ss.first_seen_at, ss.source_url LIMIT 1),
            'a news article')
        ELSE 'their own post' END"""

# The two arms of `judgments`, each a plain SELECT: leader_stances aggregates each arm on its own
# (SQLite reads a plain SELECT straight from its index, where a UNION ALL is read row by row
# through a subroutine), then adds the two.
# The machine's, where no editor has reviewed it (the WHERE matches idx_stances_counted's, whose
# columns are all this arm reads: no table row is visited).
MACHINE_ARM_SQL = """SELECT st.statement_id, st.topic_id, s.leader_id, s.published_at, st.stance, st.on_topic,
    """ + POSITION_SQL.format(stance="st.stance", on_topic="st.on_topic") + """ AS position,
    st.needs_review, st.side_possible, 'machine' AS judgment, NULL AS review_id
FROM stances st
JOIN statements s ON s.id = st.statement_id
WHERE (st.on_topic = 1 OR st.stance != 'silent' OR st.needs_review = 1)
    AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.statement_id = st.statement_id AND r.topic_id = st.topic_id)"""
# An editor's latest review, whatever the machine said (or says after a reclassification).
REVIEWED_ARM_SQL = """SELECT r.statement_id, r.topic_id, s.leader_id, s.published_at, r.stance, r.on_topic,
    """ + POSITION_SQL.format(stance="r.stance", on_topic="r.on_topic") + """ AS position,
    0 AS needs_review, COALESCE(r.stance != 'silent', 0) AS side_possible,
    CASE WHEN r.action = 'misattributed' THEN 'misattributed' ELSE 'verified' END AS judgment,
    r.id AS review_id
FROM reviews r
JOIN statements s ON s.id = r.statement_id
WHERE r.id = (SELECT MAX(r2.id) FROM reviews r2 WHERE r2.statement_id = r.statement_id AND r2.topic_id = r.topic_id)"""

JUDGMENTS_SQL = "\nCREATE VIEW judgments AS\n" + MACHINE_ARM_SQL + "\nUNION ALL\n" + REVIEWED_ARM_SQL + "\n"

# The machine's figures beside a judgment (joined by MACHINE_JOINS_SQL): a confirmed judgment keeps
# the machine's confidence and evidence; a corrected or misattributed one rests on the editor's
# note instead. `{j}` is the judgments alias.
_MACHINE_ONLY = "CASE WHEN {j}.review_id IS NULL OR r.action = 'confirmed' THEN st.{column} END AS {column}"
CONFIDENCE_SQL = _MACHINE_ONLY.replace("{column}", "confidence")
EVIDENCE_SQL = ",\n    ".join(_MACHINE_ONLY.replace("{column}", column) for column in ("evidence", "evidence_from"))
REVIEW_COLUMNS_SQL = "st.stance AS machine_stance, st.model, r.editor, r.note, r.reviewed_at"
MACHINE_JOINS_SQL = """LEFT JOIN stances st ON st.statement_id = {j}.statement_id AND st.topic_id = {j}.topic_id
LEFT JOIN reviews r ON r.id = {j}.review_id"""

STATEMENT_STANCES_SQL = """
CREATE VIEW statement_stances AS
SELECT s.text, j.stance, j.position, """ + CONFIDENCE_SQL.format(j="j") + """, j.judgment, l.name,
    s.published_at, s.url,
    """ + WHOSE_WORDS_SQL.format(s="s") + """ AS whose_words,
    s.platform, s.kind, j.on_topic, j.needs_review,
    """ + EVIDENCE_SQL.format(j="j") + """,
    """ + REVIEW_COLUMNS_SQL + """, s.context, s.deleted_at, s.edited_at, j.leader_id, j.topic_id,
    j.statement_id
FROM judgments j
JOIN statements s ON s.id = j.statement_id
JOIN leaders l ON l.id = j.leader_id
""" + MACHINE_JOINS_SQL.format(j="j") + "\n"
