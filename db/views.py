"""SQL views. `leader_stances` is the per-leader summary analysts start from.

Silence is only a finding when we were listening over the whole window: a leader with no side is
`silent` only when what was read covers the topic's window, from `topics.since` on: one of their
own accounts read back to it, or a news-archive search for their name over all of it
(`leader_coverage`, db/coverage.py); otherwise `unmonitored`. A news feed carries current items
only, so it never makes anyone silent. Statements before `topics.since` do not count. `coverage`
says in one line what the headline rests on, and what is missing.
Judgments come from `judgments` (db/judgments.py): an editor's review first, else the machine's;
a misattributed statement counts for nothing. A side is taken only from judgments not marked
`needs_review` (a reviewed one never is); those are counted in `needs_review` (judgments awaiting
a person's review), and `coverage` says so before anything else; a leader whose only word on the
topic awaits review is never `silent` (they may have taken a side), but `unmonitored` with that
sentence, whatever was read. A judgment awaiting review counts as a word on the topic when it
takes a side, is on the topic, or another reading of the same words gives a side (`side_possible`,
nlp/stance.py; unknown, from before it was stored, counts as possible): a silent, off-topic
judgment the model is unsure of may hide a side, and silence is claimed only where none can
hide. `position` is the finer headline (issue 15): the latest side taken, so a leader who
changed sides is not "mixed" forever (`stance` keeps the contract's mixed; `position_events` in
db/history.py lists each change).
"""
from onrecord.db.coverage import LEADER_COVERAGE_SQL
from onrecord.db.history import HISTORY_VIEWS
from onrecord.db.judgments import JUDGMENTS_SQL, MACHINE_ARM_SQL, REVIEWED_ARM_SQL, STATEMENT_STANCES_SQL
from onrecord.db.review_queue import REVIEW_QUEUE_SQL

# What each judgment adds to a leader's counts, over the rows `w` of one arm of `judgments` in the
# window. Keys sort by time: the time, a separator that sorts before any character (char(31)), then
# the side (C or S) and whether an editor verified it (1 or 0); or, for the latest statement, 1 or 0
# for confident, taking a side and verified, then its id: among statements published at the same
# moment (one article's quotes) the one the headline rests on comes first.
_COUNTED = """w.leader_id, w.topic_id,
        SUM(w.stance = 'condemning' AND w.needs_review = 0) AS condemning,
        SUM(w.stance = 'supporting' AND w.needs_review = 0) AS supporting,
        SUM(w.needs_review = 1) AS needs_review,
        SUM(w.needs_review = 1 AND (w.on_topic = 1 OR w.stance != 'silent' OR w.side_possible IS NOT 0))
            AS uncertain_on_topic,
        SUM(w.on_topic = 1) AS on_topic,
        MAX(CASE WHEN w.on_topic = 1 THEN w.published_at || char(31) || (w.needs_review = 0) || (w.stance != 'silent')
            || (w.judgment = 'verified') || w.statement_id END) AS last_statement_key,
        SUM(w.judgment = 'verified') AS reviewed,
        MIN(CASE WHEN w.needs_review = 0 AND (w.on_topic = 1 OR w.stance != 'silent') THEN w.published_at END)
            AS first_on_topic_at,
        MIN(CASE WHEN w.stance = 'condemning' AND w.needs_review = 0 THEN w.published_at END) AS first_condemning_at,
        MAX(CASE WHEN w.stance = 'condemning' AND w.needs_review = 0 THEN w.published_at END) AS last_condemning_at,
        MIN(CASE WHEN w.stance = 'supporting' AND w.needs_review = 0 THEN w.published_at END) AS first_supporting_at,
        MAX(CASE WHEN w.stance = 'supporting' AND w.needs_review = 0 THEN w.published_at END) AS last_supporting_at,
        MAX(CASE WHEN w.stance IN ('condemning', 'supporting') AND w.needs_review = 0 THEN w.published_at
            || char(31) || CASE w.stance WHEN 'condemning' THEN 'C' ELSE 'S' END || (w.judgment = 'verified') END)
            AS side_key,
        MAX(CASE WHEN w.needs_review = 0 AND w.on_topic = 1 THEN w.published_at || char(31) || (w.judgment = 'verified') END)
            AS spoke_key"""
_IN_WINDOW = "JOIN topics t ON t.id = w.topic_id WHERE (t.since IS NULL OR w.published_at >= t.since)"

LEADER_STANCES_SQL = """
CREATE VIEW leader_stances AS
-- Each judgment that can count (db/judgments.py): an editor's verdict first, else the machine's;
-- confident off-topic ones are not in it, and a misattributed one counts for nothing. A side counts
-- only from judgments confident enough to stand alone, or reviewed: a judgment marked needs_review
-- never sets a leader's headline stance; it is counted in needs_review instead. The latest side
-- taken is the headline position (not a permanent "mixed"); the latest on-topic statement is the
-- one the board shows.
WITH per_arm AS (
    SELECT """ + _COUNTED + """
    FROM (""" + MACHINE_ARM_SQL + """) w
    """ + _IN_WINDOW + """
    GROUP BY w.leader_id, w.topic_id
    UNION ALL
    SELECT """ + _COUNTED + """
    FROM (""" + REVIEWED_ARM_SQL + """) w
    """ + _IN_WINDOW + """ AND w.judgment != 'misattributed'
    GROUP BY w.leader_id, w.topic_id
),
counts AS (
    SELECT leader_id, topic_id, SUM(condemning) AS condemning, SUM(supporting) AS supporting,
        SUM(needs_review) AS needs_review, SUM(uncertain_on_topic) AS uncertain_on_topic, SUM(on_topic) AS on_topic,
        MAX(last_statement_key) AS last_statement_key, SUM(reviewed) AS reviewed,
        MIN(first_on_topic_at) AS first_on_topic_at, MIN(first_condemning_at) AS first_condemning_at,
        MAX(last_condemning_at) AS last_condemning_at, MIN(first_supporting_at) AS first_supporting_at,
        MAX(last_supporting_at) AS last_supporting_at, MAX(side_key) AS side_key, MAX(spoke_key) AS spoke_key
    FROM per_arm
    GROUP BY leader_id, topic_id
),
headline AS (
    SELECT *,
        substr(last_statement_key, 1, instr(last_statement_key, char(31)) - 1) AS last_statement_at,
        substr(last_statement_key, instr(last_statement_key, char(31)) + 4) AS last_statement_id,
        CASE substr(side_key, instr(side_key, char(31)) + 1, 1) WHEN 'C' THEN 'condemning' WHEN 'S' THEN 'supporting'
            END AS latest_side,
        CAST(CASE WHEN side_key IS NOT NULL THEN substr(side_key, instr(side_key, char(31)) + 2)
            ELSE substr(spoke_key, instr(spoke_key, char(31)) + 1) END AS INTEGER) AS verified
    FROM counts
),
-- A leader is monitored from the first crawl in the window that read a usable page of one of
-- their accounts, or of a news feed or archive search that looked for them (crawl_leaders).
-- Computed as two joins rather than one correlated OR, which read every crawl once per leader
-- (10 s for 200 leaders and 60 nights of crawls).
monitored AS (
    SELECT a.leader_id, t.id AS topic_id, c.started_at
    FROM topics t
    JOIN crawls c ON c.status IN ('ok', 'partial') AND c.covered_from IS NOT NULL
        AND (t.since IS NULL OR c.finished_at >= t.since)
    JOIN accounts a ON a.id = c.account_id
    UNION ALL
    SELECT cl.leader_id, t.id, c.started_at
    FROM topics t
    JOIN crawls c ON c.platform IN ('news', 'archive') AND c.status IN ('ok', 'partial')
        AND c.covered_from IS NOT NULL AND (t.since IS NULL OR c.finished_at >= t.since)
    JOIN crawl_leaders cl ON cl.crawl_id = c.id
),
monitoring AS (
    SELECT leader_id, topic_id, MIN(started_at) AS monitored_since
    FROM monitored
    GROUP BY leader_id, topic_id
),
-- What was read for each leader (leader_coverage) and the parts of the sentence that says so.
coverage AS (
    SELECT leader_id, topic_id,
        MAX(kind = 'own' AND whole_window) AS own_whole,
        MAX(kind = 'archive' AND whole_window) AS archive_whole,
        MIN(CASE WHEN kind != 'news' THEN covered_from END) AS coverage_from,
        MAX(CASE WHEN kind != 'news' AND whole_window THEN covered_to END) AS whole_to,
        MIN(CASE WHEN kind = 'news' THEN covered_from END) AS news_from,
        MIN(CASE WHEN kind = 'own' THEN covered_from END) AS own_from,
        SUM(CASE WHEN kind = 'own' AND covered_from IS NOT NULL THEN posts END) AS posts,
        replace(group_concat(DISTINCT CASE WHEN kind = 'own' AND covered_from IS NOT NULL THEN label END), ',', ', ')
            AS own_channels,
        replace(group_concat(DISTINCT CASE WHEN covered_from IS NOT NULL THEN channel END), ',', ', ') AS channels,
        group_concat(gap, '; ') AS gaps,
        MAX(kind = 'archive') AS archive_tried,
        MAX(last_status IS NOT NULL) AS tried
    FROM (SELECT * FROM leader_coverage ORDER BY leader_id, topic_id, kind = 'own' DESC, kind, channel, source)
    GROUP BY leader_id, topic_id
),
articles AS (
    SELECT m.leader_id, t.id AS topic_id, COUNT(*) AS articles
    FROM topics t
    JOIN article_mentions m ON t.since IS NULL OR COALESCE(m.published_at, m.first_read_at) >= t.since
    GROUP BY m.leader_id, t.id
),
basis AS (
    SELECT l.id AS leader_id, t.id AS topic_id,
        COALESCE(cov.own_whole OR cov.archive_whole, 0) AS covered,
        COALESCE(cov.own_whole, 0) AS own_whole,
        cov.channels, cov.coverage_from, cov.whole_to, cov.news_from,
        COALESCE(cov.posts, 0) AS posts_read, COALESCE(a.articles, 0) AS articles_read,
        CASE WHEN cov.own_channels IS NOT NULL THEN printf('%d post%s on %s since %s', cov.posts,
            CASE WHEN cov.posts = 1 THEN '' ELSE 's' END, cov.own_channels,
            substr(MAX(cov.own_from, COALESCE(t.since, '')), 1, 10)) END AS own_part,
        CASE WHEN a.articles = 1 THEN '1 news article that names them'
            ELSE printf('%d news articles that name them', COALESCE(a.articles, 0)) END AS articles_part,
        substr(t.since, 1, 10) AS since_day,
        CASE WHEN cov.whole_to < strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days')
            THEN ' (last read ' || substr(cov.whole_to, 1, 10) || ')' ELSE '' END AS lag,
        cov.gaps,
        CASE
            WHEN cov.news_from IS NULL THEN 'no news source read for them'
            WHEN cov.coverage_from IS NULL THEN 'news only since ' || substr(cov.news_from, 1, 10)
            ELSE 'news feeds since ' || substr(cov.news_from, 1, 10)
        END AS news_part,
        CASE WHEN COALESCE(cov.archive_tried, 0) = 0 THEN 'no news-archive search' END AS archive_part,
        COALESCE(cov.tried, 0) AS tried
    FROM leaders l
    CROSS JOIN topics t
    LEFT JOIN coverage cov ON cov.leader_id = l.id AND cov.topic_id = t.id
    LEFT JOIN articles a ON a.leader_id = l.id AND a.topic_id = t.id
)
SELECT
    l.id AS leader_id,
    l.name AS name,
    t.id AS topic_id,
    CASE
        WHEN COALESCE(c.condemning, 0) > 0 AND COALESCE(c.supporting, 0) > 0 THEN 'mixed'
        WHEN COALESCE(c.condemning, 0) > 0 THEN 'condemning'
        WHEN COALESCE(c.supporting, 0) > 0 THEN 'supporting'
        -- Silence is a finding only when nothing on the topic awaits review: a leader whose only
        -- word on it is too uncertain to count (position awaiting_review) may have taken a side.
        WHEN b.covered AND NOT (COALESCE(c.uncertain_on_topic, 0) > 0 AND c.spoke_key IS NULL) THEN 'silent'
        ELSE 'unmonitored'
    END AS stance,
    COALESCE(c.condemning, 0) AS condemning,
    COALESCE(c.supporting, 0) AS supporting,
    COALESCE(c.on_topic, 0) AS on_topic,
    c.last_statement_at AS last_statement_at,
    m.monitored_since AS monitored_since,
    COALESCE(c.needs_review, 0) AS needs_review,
    -- The basis of the headline in words: what was heard, or why silence is (not) a finding.
    CASE
        WHEN COALESCE(c.condemning, 0) > 0 OR COALESCE(c.supporting, 0) > 0
            THEN 'based on ' || COALESCE(b.own_part || ' and ', '') || b.articles_part || COALESCE('; ' || b.gaps, '')
        WHEN COALESCE(c.needs_review, 0) > 0
            THEN c.needs_review || ' judgment(s) awaiting review, no confident side; ' || CASE WHEN b.covered
                THEN 'read: ' || COALESCE(b.own_part || ' and ', '') || b.articles_part
                ELSE COALESCE(b.gaps || '; ', '') || b.news_part || COALESCE('; ' || b.archive_part, '') END
        WHEN b.covered THEN 'nothing either way in ' || COALESCE(b.own_part || ' and ', '') || b.articles_part
            || CASE WHEN b.own_whole THEN '' ELSE ' since ' || b.since_day || ' (news archive searched over the whole window)' END
            || b.lag
        WHEN b.gaps IS NULL AND NOT b.tried AND b.news_from IS NULL THEN 'nothing read for them yet'
        ELSE COALESCE(b.gaps || '; ', '') || b.news_part || COALESCE('; ' || b.archive_part, '')
    END AS coverage,
    b.channels AS coverage_channels,
    b.coverage_from AS coverage_from,
    b.news_from AS news_from,
    b.posts_read AS posts_read,
    b.articles_read AS articles_read,
    -- The finer headline (issue 15): the latest side taken, not a permanent "mixed"; else no side
    -- if they spoke on the topic; else said nothing when what was read covers the window.
    CASE
        WHEN c.latest_side = 'condemning' THEN 'condemned'
        WHEN c.latest_side = 'supporting' THEN 'supported'
        WHEN c.spoke_key IS NOT NULL THEN 'no_side'
        WHEN COALESCE(c.uncertain_on_topic, 0) > 0 THEN 'awaiting_review'
        WHEN b.covered THEN 'said_nothing'
        ELSE 'unmonitored'
    END AS position,
    -- since the first statement of the latest side, when it came after the other side's last (a
    -- leader who went back and forth: empty, position_events has each change)
    CASE c.latest_side
        WHEN 'condemning' THEN CASE WHEN c.last_supporting_at IS NULL OR c.first_condemning_at > c.last_supporting_at
            THEN c.first_condemning_at END
        WHEN 'supporting' THEN CASE WHEN c.last_condemning_at IS NULL OR c.first_supporting_at > c.last_condemning_at
            THEN c.first_supporting_at END
        ELSE c.first_on_topic_at
    END AS position_since,
    -- 1 when the judgment the headline rests on (the latest side, else the latest on-topic
    -- statement) was checked by an editor
    COALESCE(c.verified, 0) AS verified,
    COALESCE(c.reviewed, 0) AS reviewed,
    c.first_on_topic_at AS first_on_topic_at,
    c.last_statement_id AS last_statement_id
FROM leaders l
CROSS JOIN topics t
LEFT JOIN headline c ON c.leader_id = l.id AND c.topic_id = t.id
LEFT JOIN monitoring m ON m.leader_id = l.id AND m.topic_id = t.id
LEFT JOIN basis b ON b.leader_id = l.id AND b.topic_id = t.id
"""



def _one_leader(view_sql: str) -> str:
    """leader_stances as a query for one leader (`:leader`): the same SQL with that leader's rows
    picked at each source (their judgments, crawls, coverage, article mentions), so a leader's page
    reads theirs through the indexes instead of computing every leader's headline."""
    select = view_sql.split("CREATE VIEW leader_stances AS", 1)[1]
    edits = [  # (what, with what, how many times)
        (_IN_WINDOW, _IN_WINDOW + " AND w.leader_id = :leader", 2),
        ("JOIN accounts a ON a.id = c.account_id", "JOIN accounts a ON a.id = c.account_id AND a.leader_id = :leader", 1),
        ("JOIN crawl_leaders cl ON cl.crawl_id = c.id", "JOIN crawl_leaders cl ON cl.crawl_id = c.id AND cl.leader_id = :leader", 1),
        ("FROM (SELECT * FROM leader_coverage ORDER BY",
         "FROM (SELECT * FROM leader_coverage WHERE leader_id = :leader ORDER BY", 1),
        ("JOIN article_mentions m ON t.since IS NULL OR COALESCE(m.published_at, m.first_read_at) >= t.since",
         "JOIN article_mentions m ON m.leader_id = :leader\n"
         "        AND (t.since IS NULL OR COALESCE(m.published_at, m.first_read_at) >= t.since)", 1),
        ("LEFT JOIN articles a ON a.leader_id = l.id AND a.topic_id = t.id\n)",
         "LEFT JOIN articles a ON a.leader_id = l.id AND a.topic_id = t.id\n    WHERE l.id = :leader\n)", 1),
    ]
    for old, new, times in edits:
        if select.count(old) != times:
            raise RuntimeError(f"leader_stances changed: {old!r} is there {select.count(old)} times, not {times}")
        select = select.replace(old, new)
    return select.rstrip() + "\nWHERE l.id = :leader\n"


# One leader's rows of leader_stances (one per topic), for the leader pages.
LEADER_HEADLINE_SQL = _one_leader(LEADER_STANCES_SQL)

# Which sources need a look: `failing` when the last 3 crawls that were tried failed (a crawl
# skipped by design, an X account without a token, is no failure: such a source is `skipped`); `quiet` when a source that
# usually posts has returned nothing new for more than 3x its median gap between posts and at least
# 7 days (judged up to its last successful crawl, so a stopped scheduler does not make everyone
# quiet); `never crawled` for watchlist accounts with no crawl yet. The rhythm comes from the last
# 50 gaps between the account's posts; news feeds, whose quotes are not tied to the feed, use the
# crawls that found something new.
# Every figure is a subquery on one source's own rows (through the indexes on account_id and
# source_url), so asking for one leader's sources reads only theirs: the leader page reads its
# accounts' health in milliseconds on a million statements, where a pass over every statement
# and crawl took over a second.
_CRAWLS = """(SELECT * FROM crawls WHERE account_id = s.source
             UNION ALL SELECT * FROM crawls WHERE account_id IS NULL AND source_url = s.source)"""
_LAST_CRAWL = "(SELECT {0} FROM " + _CRAWLS + " ORDER BY started_at DESC, id DESC LIMIT 1)"
_EVENTS = """SELECT at FROM (SELECT published_at AS at FROM statements WHERE account_id = s.source
                               AND published_at IS NOT NULL ORDER BY published_at DESC LIMIT 51)
            UNION ALL
            SELECT at FROM (SELECT finished_at AS at FROM crawls WHERE account_id IS NULL AND source_url = s.source
                               AND new_items > 0 ORDER BY finished_at DESC LIMIT 51)"""
_GAPS = """SELECT julianday(at) - julianday(LEAD(at) OVER (ORDER BY at DESC)) AS gap
            FROM (""" + _EVENTS + """ ORDER BY at DESC LIMIT 51)"""
SOURCE_HEALTH_SQL = """
CREATE VIEW source_health AS
WITH sources AS (
    SELECT a.id AS source, a.platform, a.leader_id, COALESCE(a.url, a.handle) AS address
    FROM accounts a
    UNION
    SELECT DISTINCT c.source_url, c.platform, NULL, c.source_url
    FROM crawls c
    WHERE c.account_id IS NULL AND c.source_url IS NOT NULL
),
judged AS (
    SELECT s.source, s.platform, s.leader_id, s.address,
        (SELECT COUNT(*) FROM """ + _CRAWLS + """) AS crawls,
        """ + _LAST_CRAWL.format("finished_at") + """ AS last_crawl_at,
        """ + _LAST_CRAWL.format("status") + """ AS last_status,
        """ + _LAST_CRAWL.format("error") + """ AS last_error,
        (SELECT MAX(finished_at) FROM """ + _CRAWLS + """ WHERE status IN ('ok', 'partial')) AS last_ok_at,
        -- failed crawls since the last one that read something (skipped ones neither break nor extend the run)
        (SELECT COUNT(*) FROM """ + _CRAWLS + """ f WHERE f.status = 'failed' AND NOT EXISTS (
            SELECT 1 FROM """ + _CRAWLS + """ g WHERE g.status IN ('ok', 'partial')
            AND (g.started_at, g.id) > (f.started_at, f.id))) AS failed_in_a_row,
        (SELECT MAX(at) FROM (""" + _EVENTS + """)) AS last_new_at,
        (SELECT AVG(gap) FROM (SELECT gap, ROW_NUMBER() OVER (ORDER BY gap) AS k, COUNT(*) OVER () AS total
                               FROM (""" + _GAPS + """) WHERE gap IS NOT NULL)
         WHERE k IN ((total + 1) / 2, (total + 2) / 2)) AS median_gap_days,
        (SELECT COUNT(gap) FROM (""" + _GAPS + """)) AS gaps
    FROM sources s
),
rated AS (
    SELECT *, julianday(last_ok_at) - julianday(last_new_at) AS quiet_days,
        NULLIF(crawls, 0) AS crawled
    FROM judged
)
SELECT
    source, platform, leader_id, address,
    CASE
        WHEN crawled IS NULL THEN 'never crawled'
        WHEN last_status = 'skipped' THEN 'skipped'
        WHEN failed_in_a_row >= 3 THEN 'failing'
        WHEN last_status = 'failed' THEN 'failed'
        WHEN gaps >= 2 AND quiet_days > MAX(3 * median_gap_days, 7) THEN 'quiet'
        ELSE 'ok'
    END AS health,
    CASE
        WHEN crawled IS NULL THEN 'in the watchlist, not crawled yet'
        WHEN last_status = 'skipped' THEN 'skipped by design: ' || COALESCE(last_error, 'no reason recorded')
        WHEN failed_in_a_row >= 3 THEN printf('failed on its last %d crawls: %s', failed_in_a_row, COALESCE(last_error, 'no error recorded'))
        WHEN last_status = 'failed'
            THEN printf('its last crawl failed (%d in a row; failing from 3): %s', failed_in_a_row, COALESCE(last_error, 'no error recorded'))
        WHEN gaps >= 2 AND quiet_days > MAX(3 * median_gap_days, 7)
            THEN printf('nothing new for %.1f days; usually every %.1f days', quiet_days, median_gap_days)
    END AS reason,
    crawled AS crawls, last_crawl_at, last_status,
    CASE WHEN crawled IS NOT NULL THEN failed_in_a_row END AS failed_in_a_row, last_ok_at, last_error,
    last_new_at,
    ROUND(median_gap_days, 2) AS median_gap_days,
    ROUND(quiet_days, 1) AS quiet_days
FROM rated
"""


# In dependency order: leader_stances reads judgments and leader_coverage; the views of
# db/history.py read judgments and leader_stances.
VIEWS = {"judgments": JUDGMENTS_SQL, "statement_stances": STATEMENT_STANCES_SQL,
         "leader_coverage": LEADER_COVERAGE_SQL, "leader_stances": LEADER_STANCES_SQL,
         "source_health": SOURCE_HEALTH_SQL, **HISTORY_VIEWS, "review_queue": REVIEW_QUEUE_SQL}


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
