"""SQL views. `leader_stances` is the per-leader summary analysts start from.

Silence is only a finding when we were listening over the whole window: a leader with no side is
`silent` only when what was read covers the topic's window, from `topics.since` on: one of their
own accounts read back to it, or a news-archive search for their name over all of it
(`leader_coverage`, db/coverage.py); otherwise `unmonitored`. A news feed carries current items
only, so it never makes anyone silent. Statements before `topics.since` do not count. `coverage`
says in one line what the headline rests on, and what is missing.
A side is taken only from judgments not marked `needs_review`; those are counted in `needs_review`
(judgments awaiting a person's review), and `coverage` says so before anything else.
"""
from onrecord.db.coverage import LEADER_COVERAGE_SQL

LEADER_STANCES_SQL = """
CREATE VIEW leader_stances AS
WITH windowed AS (
    SELECT s.leader_id, st.topic_id, st.stance, st.on_topic, st.needs_review, s.published_at
    FROM stances st
    JOIN statements s ON s.id = st.statement_id
    JOIN topics t ON t.id = st.topic_id
    -- Confident off-topic silent rows add nothing to any count; skipping them lets SQLite read
    -- only the partial index idx_stances_counted (same condition, migration m101): fast on 1M
    -- statements.
    WHERE (st.on_topic = 1 OR st.stance != 'silent' OR st.needs_review = 1)
        AND (t.since IS NULL OR s.published_at >= t.since)
),
-- A side counts only from judgments confident enough to stand alone: a judgment marked
-- needs_review never sets a leader's headline stance; it is counted in needs_review instead.
counts AS (
    SELECT leader_id, topic_id,
        SUM(stance = 'condemning' AND needs_review = 0) AS condemning,
        SUM(stance = 'supporting' AND needs_review = 0) AS supporting,
        SUM(needs_review = 1) AS needs_review,
        SUM(on_topic = 1) AS on_topic,
        MAX(CASE WHEN on_topic = 1 THEN published_at END) AS last_statement_at
    FROM windowed
    GROUP BY leader_id, topic_id
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
        WHEN b.covered THEN 'silent'
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
    b.articles_read AS articles_read
FROM leaders l
CROSS JOIN topics t
LEFT JOIN counts c ON c.leader_id = l.id AND c.topic_id = t.id
LEFT JOIN monitoring m ON m.leader_id = l.id AND m.topic_id = t.id
LEFT JOIN basis b ON b.leader_id = l.id AND b.topic_id = t.id
"""

# Which sources need a look: `failing` when the last 3 crawls that were tried failed (a crawl
# skipped by design, an X account without a token, is no failure: such a source is `skipped`); `quiet` when a source that
# usually posts has returned nothing new for more than 3x its median gap between posts and at least
# 7 days (judged up to its last successful crawl, so a stopped scheduler does not make everyone
# quiet); `never crawled` for watchlist accounts with no crawl yet. The rhythm comes from the last
# 50 gaps between the account's posts; news feeds, whose quotes are not tied to the feed, use the
# crawls that found something new.
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
ranked AS (
    SELECT COALESCE(c.account_id, c.source_url) AS source, c.status, c.finished_at, c.error,
        ROW_NUMBER() OVER (
            PARTITION BY COALESCE(c.account_id, c.source_url) ORDER BY c.started_at DESC, c.id DESC
        ) AS n,
        -- the same order among the crawls that were tried: a skipped one neither breaks nor
        -- extends a run of failures
        CASE WHEN c.status != 'skipped' THEN ROW_NUMBER() OVER (
            PARTITION BY COALESCE(c.account_id, c.source_url), c.status = 'skipped'
            ORDER BY c.started_at DESC, c.id DESC
        ) END AS tried_n
    FROM crawls c
),
crawled AS (
    SELECT source,
        COUNT(*) AS crawls,
        MAX(CASE WHEN n = 1 THEN finished_at END) AS last_crawl_at,
        MAX(CASE WHEN n = 1 THEN status END) AS last_status,
        MAX(CASE WHEN n = 1 THEN error END) AS last_error,
        MAX(CASE WHEN status IN ('ok', 'partial') THEN finished_at END) AS last_ok_at,
        COALESCE(MIN(CASE WHEN status IN ('ok', 'partial') THEN tried_n END), COUNT(tried_n) + 1) - 1 AS failed_in_a_row
    FROM ranked
    GROUP BY source
),
events AS (
    SELECT account_id AS source, published_at AS at
    FROM statements
    WHERE account_id IS NOT NULL AND published_at IS NOT NULL
    UNION ALL
    SELECT source_url, finished_at
    FROM crawls
    WHERE account_id IS NULL AND source_url IS NOT NULL AND new_items > 0
),
recent AS (
    SELECT source, at, ROW_NUMBER() OVER (PARTITION BY source ORDER BY at DESC) AS n
    FROM events
),
gaps AS (
    SELECT source,
        julianday(at) - julianday(LEAD(at) OVER (PARTITION BY source ORDER BY at DESC)) AS gap
    FROM recent
    WHERE n <= 51
),
sorted_gaps AS (
    SELECT source, gap,
        ROW_NUMBER() OVER (PARTITION BY source ORDER BY gap) AS k,
        COUNT(*) OVER (PARTITION BY source) AS total
    FROM gaps
    WHERE gap IS NOT NULL
),
rhythm AS (
    SELECT source, AVG(gap) AS median_gap_days, MAX(total) AS gaps
    FROM sorted_gaps
    WHERE k IN ((total + 1) / 2, (total + 2) / 2)
    GROUP BY source
),
latest_event AS (
    SELECT source, MAX(at) AS last_new_at FROM events GROUP BY source
),
judged AS (
    SELECT s.source, s.platform, s.leader_id, s.address,
        c.crawls, c.last_crawl_at, c.last_status, c.last_ok_at, c.failed_in_a_row, c.last_error,
        e.last_new_at,
        r.median_gap_days,
        julianday(c.last_ok_at) - julianday(e.last_new_at) AS quiet_days,
        r.gaps
    FROM sources s
    LEFT JOIN crawled c ON c.source = s.source
    LEFT JOIN latest_event e ON e.source = s.source
    LEFT JOIN rhythm r ON r.source = s.source
)
SELECT
    source, platform, leader_id, address,
    CASE
        WHEN crawls IS NULL THEN 'never crawled'
        WHEN last_status = 'skipped' THEN 'skipped'
        WHEN failed_in_a_row >= 3 THEN 'failing'
        WHEN gaps >= 2 AND quiet_days > MAX(3 * median_gap_days, 7) THEN 'quiet'
        ELSE 'ok'
    END AS health,
    CASE
        WHEN crawls IS NULL THEN 'in the watchlist, not crawled yet'
        WHEN last_status = 'skipped' THEN 'skipped by design: ' || COALESCE(last_error, 'no reason recorded')
        WHEN failed_in_a_row >= 3 THEN printf('failed on its last %d crawls: %s', failed_in_a_row, COALESCE(last_error, 'no error recorded'))
        WHEN gaps >= 2 AND quiet_days > MAX(3 * median_gap_days, 7)
            THEN printf('nothing new for %.1f days; usually every %.1f days', quiet_days, median_gap_days)
    END AS reason,
    crawls, last_crawl_at, last_status, failed_in_a_row, last_ok_at, last_error,
    last_new_at,
    ROUND(median_gap_days, 2) AS median_gap_days,
    ROUND(quiet_days, 1) AS quiet_days
FROM judged
"""


# In dependency order: leader_stances reads leader_coverage.
VIEWS = {"leader_coverage": LEADER_COVERAGE_SQL, "leader_stances": LEADER_STANCES_SQL,
         "source_health": SOURCE_HEALTH_SQL}


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
