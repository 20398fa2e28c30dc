"""The names onrecord stores and shows, spelled once (the public ones are fixed by CONTRACT.md).

Every step imports them from here: the watchlist checks platforms against ACCOUNT_PLATFORMS,
storage checks kinds, stances and statuses, the command line offers PLATFORMS to --platform, and
Datasette serves the database under DATABASE_NAME.
"""

# A leader's own accounts (watchlist `accounts[].platform`), then news, whose quotes are mined from
# articles. PLATFORMS is what statements.platform holds.
MASTODON, BLUESKY, RSS, X, NEWS = "mastodon", "bluesky", "rss", "x", "news"
ACCOUNT_PLATFORMS = (MASTODON, BLUESKY, RSS, X)
PLATFORMS = ACCOUNT_PLATFORMS + (NEWS,)
# A crawl also searches a news archive per leader (watchlist `archive:`); the articles it finds
# are news, so the archive is a crawled source (crawls.platform) but never a statement's platform.
# SOURCE_PLATFORMS is also the order in which the nightly cycle crawls them.
ARCHIVE = "archive"
SOURCE_PLATFORMS = PLATFORMS + (ARCHIVE,)

# statements.kind: a leader's own posts (post, reply, repost, quote), and from news articles their
# quoted words (quote) or the article's report of what they said (paraphrase: never their words)
POST, REPLY, REPOST, QUOTE, PARAPHRASE = "post", "reply", "repost", "quote", "paraphrase"
OWN_POST_KINDS = (POST, REPLY, REPOST, QUOTE)  # what a leader's own account publishes
KINDS = OWN_POST_KINDS + (PARAPHRASE,)

# stances.stance: the model's labels (nlp/labels.py names them for the model code)
CONDEMNING, SUPPORTING, SILENT = "condemning", "supporting", "silent"
STANCES = (CONDEMNING, SUPPORTING, SILENT)

# crawls.status: one row per source per crawl. SKIPPED: not tried, by design (an X account without
# a token): never coverage, never a failure.
OK, PARTIAL, FAILED, SKIPPED = "ok", "partial", "failed", "skipped"
CRAWL_STATUSES = (OK, PARTIAL, FAILED, SKIPPED)

# runs.status: one row per nightly cycle
RUNNING, INTERRUPTED = "running", "interrupted"
RUN_STATUSES = (RUNNING, OK, PARTIAL, FAILED, INTERRUPTED)

# The database: its default file (env ONRECORD_DB overrides it) and the name Datasette serves it
# under, whatever the file is called, so metadata.yml, the canned queries and the board apply.
DEFAULT_DB = "onrecord.db"
DB_ENV = "ONRECORD_DB"
DATABASE_NAME = "onrecord"

# Every organisation in the demo's FICTIONAL sample carries this; a database whose leaders all do
# is a demo database (db.queries.is_demo_database).
DEMO_MARKER = "(fictional)"

# The finer position (issue 15), beside the contract's stance: what a statement says, and where a
# leader stands. A statement's position: condemned, supported, no side (about the topic without
# taking one: calls for calm or de-escalation, sorrow, "monitoring the situation") or off topic.
CONDEMNED, SUPPORTED, NO_SIDE, OFF_TOPIC = "condemned", "supported", "no_side", "off_topic"
STATEMENT_POSITIONS = (CONDEMNED, SUPPORTED, NO_SIDE, OFF_TOPIC)
# A leader's headline position (leader_stances.position): their latest side, else no side if they
# spoke on the topic, else said nothing (when what was read covers the window), awaiting review
# (only judgments too uncertain to count), or unmonitored.
SAID_NOTHING, AWAITING_REVIEW, UNMONITORED = "said_nothing", "awaiting_review", "unmonitored"
LEADER_POSITIONS = (CONDEMNED, SUPPORTED, NO_SIDE, SAID_NOTHING, AWAITING_REVIEW, UNMONITORED)
POSITION_LABELS = {
    CONDEMNED: "condemned",
    SUPPORTED: "supported",
    NO_SIDE: "no side taken",
    OFF_TOPIC: "off topic",
    SAID_NOTHING: "said nothing",
    AWAITING_REVIEW: "awaiting review",
    UNMONITORED: "not enough read",
}

# reviews.action: what an editor did with a machine judgment. A misattributed statement counts
# for nothing (the words are not the leader's).
CONFIRMED, CORRECTED, MISATTRIBUTED = "confirmed", "corrected", "misattributed"
REVIEW_ACTIONS = (CONFIRMED, CORRECTED, MISATTRIBUTED)
# judgments.judgment: who made the verdict that counts.
MACHINE, VERIFIED = "machine", "verified"
