"""The schema, as an ordered list of sqlite-utils migrations.

Append new migrations at the end; never edit one that has shipped. Each runs once per database,
inside a transaction, and `open_db` applies the pending ones automatically.
"""
from sqlite_utils import Migrations

migrations = Migrations("onrecord")


@migrations()
def m001_core_tables(db):
    db["topics"].create({"id": str, "name": str, "since": str}, pk="id", not_null={"name"})
    db["leaders"].create(
        {"id": str, "name": str, "aliases": str, "title": str, "organization": str},
        pk="id",
        not_null={"name"},
    )
    db["accounts"].create(
        {"id": str, "leader_id": str, "platform": str, "handle": str, "url": str, "api": str},
        pk="id",
        not_null={"leader_id", "platform"},
        foreign_keys=[("leader_id", "leaders", "id")],
    )
    db["statements"].create(
        {
            "id": str,
            "leader_id": str,
            "account_id": str,
            "platform": str,
            "kind": str,
            "url": str,
            "text": str,
            "published_at": str,
            "edited_at": str,
            "deleted_at": str,
            "first_seen_at": str,
            "last_seen_at": str,
            "lang": str,
            "source_url": str,
            "context": str,
            # Beyond the contract: who wrote a reposted or quoted post, its content warning, the
            # post it replies to.
            "original_author": str,
            "content_warning": str,
            "in_reply_to": str,
        },
        pk="id",
        not_null={"leader_id", "platform", "kind", "text"},
        foreign_keys=[("leader_id", "leaders", "id"), ("account_id", "accounts", "id")],
    )
    db["statements"].create_index(["leader_id", "published_at"])
    db["statements"].create_index(["account_id", "published_at"])
    db["statements"].create_index(["published_at"])
    db["statements"].create_index(["platform"])
    db["statements"].enable_fts(["text"], create_triggers=True, tokenize="porter")

    db["statement_revisions"].create(
        {"id": int, "statement_id": str, "text": str, "edited_at": str, "replaced_at": str},
        pk="id",
        not_null={"statement_id", "text"},
        foreign_keys=[("statement_id", "statements", "id")],
    )
    db["statement_revisions"].create_index(["statement_id"])
    db["statement_raw"].create(
        {"statement_id": str, "payload": str, "fetched_at": str},
        pk="statement_id",
        foreign_keys=[("statement_id", "statements", "id")],
    )
    db["statement_sources"].create(
        {
            "statement_id": str,
            "source_url": str,
            "title": str,
            "outlet": str,
            "published_at": str,
            "context": str,
            "first_seen_at": str,
        },
        pk=("statement_id", "source_url"),
        foreign_keys=[("statement_id", "statements", "id")],
    )
    db["stances"].create(
        {
            "statement_id": str,
            "topic_id": str,
            "stance": str,
            "on_topic": int,
            "confidence": float,
            "evidence": str,
            "model": str,
            "classified_at": str,
        },
        pk=("statement_id", "topic_id"),
        not_null={"stance", "on_topic", "model"},
        foreign_keys=[("statement_id", "statements", "id")],
    )
    db["stances"].create_index(["topic_id", "stance"])
    db["crawls"].create(
        {
            "id": int,
            "platform": str,
            "account_id": str,
            "source_url": str,
            "started_at": str,
            "finished_at": str,
            "status": str,
            "items": int,
            "new_items": int,
            "error": str,
            # Beyond the contract: what was skipped and why, and the cost in requests.
            "skipped": int,
            "skip_reasons": str,
            "requests": int,
        },
        pk="id",
        not_null={"platform", "status", "started_at"},
    )
    db["crawls"].create_index(["account_id", "finished_at"])
    db["crawls"].create_index(["source_url", "finished_at"])
    # Incremental crawling: one row per source (an account id or a feed/article URL).
    db["crawl_state"].create(
        {
            "source": str,
            "native_id": str,
            "high_water": str,
            "etag": str,
            "last_modified": str,
            "updated_at": str,
        },
        pk="source",
    )


@migrations()
def m002_schedule_runs(db):
    # One row per cycle of `onrecord schedule`: written as `running` when the cycle starts, so a
    # cycle killed outright is still on record (the next cycle marks it `interrupted`).
    db["runs"].create(
        {
            "id": int,
            "started_at": str,
            "finished_at": str,
            "seconds": float,
            "status": str,  # running, ok, partial, failed, interrupted
            "started_by": str,  # schedule (the nightly job) or once (`onrecord schedule --once`)
            "topic_id": str,
            "new_statements": int,
            "new_on_topic": int,
            "new_condemning": int,
            "new_supporting": int,
            "new_silent": int,  # on topic, taking no side
            "classified": int,
            "stance_changes": str,  # JSON [{leader_id, name, before, after}]
            "failed_sources": str,  # JSON [{platform, source, error}]
            "steps": str,  # JSON [{step, status, seconds, detail}]
            "error": str,
            "summary": str,
            "pid": int,
        },
        pk="id",
        not_null={"started_at", "status"},
    )
    db["runs"].create_index(["started_at"])


@migrations()
def m003_crawler_state_high_water_id(db):
    # APIs that page by id (X's since_id) need the newest item's id, not only its time.
    db["crawl_state"].add_column("high_water_id", str)


@migrations()
def m004_leader_stances_indexes(db):
    # leader_stances and the board on 1M statements: only statements that take a side or are on
    # topic can change a leader's stance, and they are a small share, so a partial covering index
    # lets the view read just those; the (id, leader_id, published_at) index answers the join
    # without reading the statement rows (and their text). The WHERE must match db/views.py's.
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_stances_sided ON stances (topic_id, statement_id, stance, on_topic)"
        " WHERE on_topic = 1 OR stance != 'silent'"
    )
    db["statements"].create_index(["id", "leader_id", "published_at"], if_not_exists=True)


@migrations()
def m005_publish_indexes(db):
    # Datasette facets the statements page on kind (a full-table scan of the text rows without
    # this), and leader_stances reads first good crawls per account and of news from covering
    # indexes instead of the crawl rows.
    db["statements"].create_index(["kind"], if_not_exists=True)
    # the leader facet scans this narrow index ~3x faster than (leader_id, published_at)
    db["statements"].create_index(["leader_id"], if_not_exists=True)
    db["crawls"].create_index(["account_id", "status", "finished_at", "started_at"], if_not_exists=True)
    db["crawls"].create_index(["platform", "status", "finished_at", "started_at"], if_not_exists=True)


@migrations()
def m006_publish_query_indexes(db):
    # The canned queries and facets of metadata.yml on 1M statements: deleted statements are a
    # handful (partial index); on-topic stances a small share (partial index, used by any query
    # saying `on_topic = 1`); the stances page facets on stance and on_topic.
    db.execute("CREATE INDEX IF NOT EXISTS idx_statements_deleted_at ON statements (deleted_at)"
               " WHERE deleted_at IS NOT NULL")
    db.execute("CREATE INDEX IF NOT EXISTS idx_stances_on_topic ON stances (topic_id, statement_id, stance)"
               " WHERE on_topic = 1")
    db["stances"].create_index(["stance"], if_not_exists=True)
    db["stances"].create_index(["on_topic"], if_not_exists=True)


@migrations()
def m007_crawl_leaders(db):
    # Which leaders a news crawl looked for: a feed read before a leader joined the watchlist,
    # or by a `--leader` crawl about someone else, did not listen for them.
    db["crawl_leaders"].create(
        {"crawl_id": int, "leader_id": str},
        pk=("crawl_id", "leader_id"),
        foreign_keys=[("crawl_id", "crawls", "id"), ("leader_id", "leaders", "id")],
    )
    db["crawl_leaders"].create_index(["leader_id", "crawl_id"])
    # News crawls recorded before this table existed looked for every leader then on file.
    db.execute(
        "INSERT INTO crawl_leaders (crawl_id, leader_id) "
        "SELECT c.id, l.id FROM crawls c CROSS JOIN leaders l WHERE c.platform = 'news'"
    )


@migrations()
def m101_stance_review_and_evidence_source(db):
    # Stance judgments say whose words decided them (evidence_from: 'text', the leader's own, or
    # 'context', the framing sentence or the post answered) and whether they are too uncertain to
    # set a leader's headline stance alone (needs_review). Judgments made before this have neither.
    db["stances"].add_column("evidence_from", str)
    db["stances"].add_column("needs_review", int, not_null_default=0)
    # leader_stances reads every judgment that is on topic, takes a side or awaits review from this
    # partial index (the WHERE must match db/views.py's).
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_stances_counted"
        " ON stances (topic_id, statement_id, stance, on_topic, needs_review)"
        " WHERE on_topic = 1 OR stance != 'silent' OR needs_review = 1"
    )


@migrations()
def m201_coverage(db):
    # What each crawl demonstrably read (issue 12): a source's covered window, from the oldest
    # statement or article it read (or the account's creation, when it read the whole listing)
    # to the moment it started reading; NULL when it returned no usable page. "Silent" needs
    # these windows to reach back to the topic's `since` (db/views.py).
    db["crawls"].add_column("covered_from", str)
    db["crawls"].add_column("covered_to", str)
    db["crawls"].create_index(["account_id", "status", "covered_to"], if_not_exists=True)
    # An account's creation date (the start of a listing read to its end), and a source's own
    # progress as JSON (the news archive's searched slices and the articles left to read).
    db["crawl_state"].add_column("account_created_at", str)
    db["crawl_state"].add_column("progress", str)
    # Every news article read that names a leader (by full name): the "M news articles that name
    # them" of the coverage sentence, counted once however many crawls read the article.
    db["article_mentions"].create(
        {"article_url": str, "leader_id": str, "published_at": str, "outlet": str, "title": str,
         "source": str, "first_read_at": str},
        pk=("article_url", "leader_id"),
        foreign_keys=[("leader_id", "leaders", "id")],
    )
    db["article_mentions"].create_index(["leader_id", "published_at"])
    # Each source's continuous window per leader, extended by every crawl that overlaps it
    # (db/save.py's record_crawl keeps it, in the crawl's own transaction): the view reads one
    # row per source instead of walking every crawl ever made.
    db["source_coverage"].create(
        {"leader_id": str, "source": str, "channel": str, "covered_from": str, "covered_to": str,
         "first_crawl_at": str, "last_crawl_at": str, "last_status": str, "last_error": str},
        pk=("leader_id", "source"),
        foreign_keys=[("leader_id", "leaders", "id")],
    )
    # Crawls recorded before this carry no covered window, and an incremental crawl reads only
    # back to its high-water mark (a feed answers 304 to its validators): forget the marks, so
    # the next crawl reads each listing again from the top and can show how far back it goes.
    db.execute("UPDATE crawl_state SET high_water = NULL, high_water_id = NULL, etag = NULL, last_modified = NULL")


@migrations()
def m301_reviews(db):
    # Editorial review (issue 15): an editor confirms a machine judgment, corrects it to another
    # stance, or marks the statement misattributed (the words are not the leader's: it counts for
    # nothing). One row per act, never updated or deleted: the latest act on a (statement, topic)
    # is the verdict, the earlier ones its history. The classifier never writes here, so a
    # reclassification never undoes a review. What the machine said and the text as reviewed are
    # kept with each act, so a later change of either shows.
    db["reviews"].create(
        {
            "id": int,
            "statement_id": str,
            "topic_id": str,
            "action": str,  # confirmed, corrected, misattributed
            "stance": str,  # the verdict: condemning, supporting, silent; NULL when misattributed
            "on_topic": int,
            "editor": str,
            "note": str,
            "reviewed_at": str,
            "machine_stance": str,
            "machine_on_topic": int,
            "machine_confidence": float,
            "machine_model": str,
            "reviewed_text": str,
        },
        pk="id",
        not_null={"statement_id", "topic_id", "action", "editor", "reviewed_at"},
        foreign_keys=[("statement_id", "statements", "id"), ("topic_id", "topics", "id")],
    )
    db["reviews"].create_index(["statement_id", "topic_id", "id"])


@migrations()
def m401_stance_side_possible(db):
    # Whether a judgment takes a side or another reading of the same words does (a head of the
    # review chain, the lexical reading): a silent judgment awaiting review with it may hide a
    # side, so it blocks silence (db/views.py). NULL for judgments made before this: they are
    # judged again by the next `onrecord classify` when they await review (db/queries.py), and
    # count as possibly sided until then.
    db["stances"].add_column("side_possible", int)
    # leader_stances reads it from the partial index, as it reads the others (no table row visited).
    db.execute("DROP INDEX IF EXISTS idx_stances_counted")
    db.execute(
        "CREATE INDEX idx_stances_counted"
        " ON stances (topic_id, statement_id, stance, on_topic, needs_review, side_possible)"
        " WHERE on_topic = 1 OR stance != 'silent' OR needs_review = 1"
    )
