"""The `leader_coverage` view: what was read for each leader, per channel, and since when.

"Silent" is a claim that we listened over the whole window and heard nothing. A channel listened
over a window only where its crawls say so: each crawls row carries the window it demonstrably
read (`covered_from` .. `covered_to`, NULL when it got no usable page; crawler/bookkeeping.py).
A crawl whose window overlaps the source's window extends it (an incremental crawl reads back
past the previous crawl's newest item); a gap (a feed left unread while it scrolled, a listing
cut short) starts it again. db/save.py's record_crawl keeps that window per leader and source in
`source_coverage`, in the crawl's own transaction; a skipped or failed crawl covers nothing.

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
WITH sources AS (
    SELECT leader_id, platform AS channel, id AS source FROM accounts
    UNION
    SELECT leader_id, channel, source FROM source_coverage
),
judged AS (
    SELECT s.leader_id, t.id AS topic_id, t.since, s.channel, s.source,
        CASE WHEN s.channel IN ('news', 'archive') THEN s.channel ELSE 'own' END AS kind,
        """ + CHANNEL_LABEL_SQL.format("s.channel") + """ AS label,
        sc.covered_from, sc.covered_to,
        COALESCE(sc.covered_from <= t.since AND sc.covered_to >= t.since, 0) AS whole_window,
        sc.last_status, sc.last_error, sc.last_crawl_at,
        CASE WHEN s.channel IN ('news', 'archive') THEN NULL ELSE (
            SELECT COUNT(*) FROM statements st
            WHERE st.account_id = s.source AND (t.since IS NULL OR st.published_at >= t.since)
        ) END AS posts
    FROM sources s
    CROSS JOIN topics t
    LEFT JOIN source_coverage sc ON sc.leader_id = s.leader_id AND sc.source = s.source
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
        ELSE label || ' failed: ' || COALESCE(substr(CASE
            WHEN last_error LIKE 'skipped: %' THEN substr(last_error, 10)
            WHEN last_error LIKE 'nothing could be read: %' THEN substr(last_error, 24)
            ELSE last_error END, 1, 80), 'no usable page')
    END AS gap
FROM judged
"""
