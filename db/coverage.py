"""The `leader_coverage` view: what was read for each leader, per channel, and since when.

"Silent" is a claim that we listened over the whole window and heard nothing. A channel listened
over a window only where its crawls say so: each crawls row carries the window it demonstrably
read (`covered_from` .. `covered_to`, NULL when it got no usable page; crawler/bookkeeping.py).
Windows of successive crawls of one source join when they overlap (an incremental crawl reads
back past the previous crawl's newest item); a gap (a feed left unread while it scrolled, a
listing cut short) starts a new island, and a source covers the island that holds its latest
usable crawl. A skipped or failed crawl covers nothing.

Channels: a leader's own accounts (`kind` own), the news feeds that looked for their quotes
(news) and the news-archive searches for their name (archive), both linked through
crawl_leaders. Only own accounts and archive searches can cover the window (`whole_window`):
a news feed carries current items only. `gap` says, in words, what an own account or archive
search is missing. `leader_stances` (db/views.py) builds each leader's headline and its basis
from these rows.
"""

# Display names for the coverage sentence, in one place.
CHANNEL_LABEL_SQL = """CASE {0}
    WHEN 'mastodon' THEN 'Mastodon' WHEN 'bluesky' THEN 'Bluesky' WHEN 'rss' THEN 'RSS'
    WHEN 'x' THEN 'X' WHEN 'archive' THEN 'news archive' ELSE {0} END"""

LEADER_COVERAGE_SQL = """
CREATE VIEW leader_coverage AS
WITH listened AS (
    SELECT a.leader_id, a.platform AS channel, a.id AS source, c.id AS crawl_id, c.status,
        c.started_at, c.covered_from, c.covered_to, c.error
    FROM accounts a
    JOIN crawls c ON c.account_id = a.id
    UNION ALL
    SELECT cl.leader_id, c.platform, c.source_url, c.id, c.status, c.started_at, c.covered_from,
        c.covered_to, c.error
    FROM crawl_leaders cl
    JOIN crawls c ON c.id = cl.crawl_id
),
usable AS (
    SELECT leader_id, source, crawl_id, covered_from, covered_to,
        MAX(covered_to) OVER (PARTITION BY leader_id, source ORDER BY covered_to, crawl_id
                              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reached
    FROM listened
    WHERE status IN ('ok', 'partial') AND covered_from IS NOT NULL
),
islands AS (
    SELECT leader_id, source, covered_from, covered_to,
        SUM(CASE WHEN reached IS NULL OR covered_from > reached THEN 1 ELSE 0 END)
            OVER (PARTITION BY leader_id, source ORDER BY covered_to, crawl_id ROWS UNBOUNDED PRECEDING) AS island
    FROM usable
),
numbered AS (
    SELECT *, MAX(island) OVER (PARTITION BY leader_id, source) AS last_island FROM islands
),
covered AS (
    SELECT leader_id, source, MIN(covered_from) AS covered_from, MAX(covered_to) AS covered_to
    FROM numbered
    WHERE island = last_island
    GROUP BY leader_id, source
),
latest AS (
    SELECT leader_id, source, status, error, started_at,
        ROW_NUMBER() OVER (PARTITION BY leader_id, source ORDER BY started_at DESC, crawl_id DESC) AS n
    FROM listened
),
sources AS (
    SELECT leader_id, platform AS channel, id AS source FROM accounts
    UNION
    SELECT leader_id, channel, source FROM listened
),
judged AS (
    SELECT s.leader_id, t.id AS topic_id, t.since, s.channel, s.source,
        CASE WHEN s.channel IN ('news', 'archive') THEN s.channel ELSE 'own' END AS kind,
        """ + CHANNEL_LABEL_SQL.format("s.channel") + """ AS label,
        cv.covered_from, cv.covered_to,
        COALESCE(cv.covered_from <= t.since AND cv.covered_to >= t.since, 0) AS whole_window,
        l.status AS last_status, l.error AS last_error, l.started_at AS last_crawl_at,
        CASE WHEN s.channel IN ('news', 'archive') THEN NULL ELSE (
            SELECT COUNT(*) FROM statements st
            WHERE st.account_id = s.source AND (t.since IS NULL OR st.published_at >= t.since)
        ) END AS posts
    FROM sources s
    CROSS JOIN topics t
    LEFT JOIN covered cv ON cv.leader_id = s.leader_id AND cv.source = s.source
    LEFT JOIN latest l ON l.leader_id = s.leader_id AND l.source = s.source AND l.n = 1
)
SELECT leader_id, topic_id, kind, channel, label, source, covered_from, covered_to, whole_window,
    posts, last_status, last_error, last_crawl_at,
    CASE
        WHEN whole_window OR kind = 'news' THEN NULL
        WHEN last_status = 'skipped' THEN label || ' skipped: '
            || CASE WHEN instr(last_error, ' (') > 0 THEN substr(last_error, 1, instr(last_error, ' (') - 1)
                    ELSE COALESCE(last_error, 'by design') END
        WHEN since IS NULL THEN label || ' read, but the topic has no window start (since) to cover'
        WHEN covered_from IS NOT NULL THEN label || CASE kind WHEN 'archive' THEN ' searched' ELSE ' read' END
            || ' back to ' || substr(covered_from, 1, 10) || ' only'
        WHEN last_status IS NULL THEN label || ' not crawled yet'
        ELSE label || ' failed: ' || COALESCE(substr(CASE WHEN last_error LIKE 'skipped: %'
            THEN substr(last_error, 10) ELSE last_error END, 1, 80), 'no usable page')
    END AS gap
FROM judged
"""
