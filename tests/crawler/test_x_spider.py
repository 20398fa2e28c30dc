"""X: skipped without ONRECORD_X_BEARER_TOKEN (recorded, never an error); with it, the X API v2
through a local fake, in real crawls (the token must stay out of the logs too), and the tweet
mapping in process."""
import sqlite3

from onrecord.crawler.launch import crawl_in_child
from onrecord.crawler.sources import Source
from onrecord.crawler.spiders.x import XSpider
from onrecord.demo.sites import XApi, make_posts
from tests.crawler.conftest import write_watchlist
from tests.crawler.offline import make_spider

TOKEN = "fictional-bearer-token-7f3a9c"


def test_without_a_token_x_accounts_are_skipped_and_recorded(tmp_path, db_path, replay):
    api = XApi(replay, token=TOKEN)
    api.add_user("carol", make_posts(5, seed=4))
    watchlist = write_watchlist(tmp_path / "watchlist.yml", [{"platform": "x", "handle": "carol", "api": replay.base}])
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = crawl_in_child(watchlist, db_path, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "x:carol  skipped  no token (ONRECORD_X_BEARER_TOKEN is not set)" in done.lines
    assert done.summary["failed"] == 0 and done.summary["skipped"] == 1
    with sqlite3.connect(db_path) as connection:
        row = connection.execute("SELECT platform, account_id, status, error FROM crawls").fetchone()
    assert row == ("x", "x:carol", "skipped", "no token (ONRECORD_X_BEARER_TOKEN is not set)")
    assert len(replay.requests) == 0


def test_a_retweet_loses_its_rt_prefix_and_an_edit_keeps_its_first_id():
    source = Source(id="x:carol", platform="x", leader_id="carol-example", handle="carol")
    spider = make_spider(XSpider, sources=[source], token=TOKEN)
    crawl = spider.start_crawl(source)
    retweet = spider.statement({"id": "20", "text": "RT @someone_else: Fictional words.", "lang": "und",
                                "referenced_tweets": [{"type": "retweeted", "id": "15"}]}, crawl)
    assert (retweet.kind, retweet.text, retweet.original_author, retweet.lang) == ("repost", "Fictional words.", "someone_else", None)
    edit = spider.statement({"id": "31", "text": "Fixed fictional typo.", "created_at": "2026-02-01T10:00:00.000Z",
                             "edit_history_tweet_ids": ["30", "31"]}, crawl)
    assert (edit.id, edit.url, edit.edited_at) == ("x:30", "https://x.com/carol/status/31", "2026-02-01T10:00:00.000Z")
    assert TOKEN not in repr(spider)
    # with the referenced tweets included: a quote's context and author, a retweet's full text
    referenced = {"tweets": {"15": {"id": "15", "text": "The whole fictional original, not cut short.", "author_id": "9"},
                             "16": {"id": "16", "text": "A fictional post being quoted.", "author_id": "9"}},
                  "users": {"9": "someone_else"}}
    retweet = spider.statement({"id": "20", "text": "RT @someone_else: The whole fict…",
                                "referenced_tweets": [{"type": "retweeted", "id": "15"}]}, crawl, referenced)
    assert (retweet.text, retweet.context) == ("The whole fictional original, not cut short.", None)
    quote = spider.statement({"id": "21", "text": "Fictional comment.",
                              "referenced_tweets": [{"type": "quoted", "id": "16"}]}, crawl, referenced)
    assert (quote.kind, quote.context, quote.original_author) == ("quote", "A fictional post being quoted.", "someone_else")
    reply = spider.statement({"id": "22", "text": "Fictional answer.",
                              "referenced_tweets": [{"type": "replied_to", "id": "99"}]}, crawl, referenced)
    assert (reply.kind, reply.context) == ("reply", None)  # the answered tweet was not included


def test_with_a_token_tweets_kinds_edits_and_since_id(replay, crawl, db, db_path):
    api = XApi(replay, token=TOKEN)
    carol = api.add_user("carol", make_posts(150, seed=4))
    api.add_user("dora", make_posts(3, seed=5))
    accounts = [{"platform": "x", "handle": h, "api": replay.base} for h in ("carol", "dora", "nobody")]
    env = {"ONRECORD_X_BEARER_TOKEN": TOKEN}

    first = crawl(accounts, env=env, settings={"LOG_LEVEL": "DEBUG"})

    assert first.summary["new_items"] == 153 and first.summary["failed"] == 1
    kinds = {r["kind"]: r["n"] for r in db.rows("SELECT kind, count(*) n FROM statements WHERE account_id = 'x:carol' GROUP BY kind")}
    assert kinds == {"post": 38, "reply": 38, "repost": 37, "quote": 37}
    repost = db.rows("SELECT * FROM statements WHERE kind = 'repost' LIMIT 1")[0]
    assert not repost["text"].startswith("RT @") and repost["original_author"].startswith("fictional_writ")
    # replies and quotes carry the tweet they answer or quote (the request's expansions)
    quote = db.rows("SELECT * FROM statements WHERE kind = 'quote' LIMIT 1")[0]
    assert quote["context"].startswith("Fictional original ") and quote["original_author"].startswith("fictional_writ")
    assert {r["context"] for r in db.rows("SELECT context FROM statements WHERE kind = 'reply'")} == {
        "A fictional post being answered."}
    assert "Could not find user with username: [nobody]" in first.line("x:nobody")
    assert all(r.headers.get("authorization") == f"Bearer {TOKEN}" for r in replay.requests)
    tweets = [r for r in replay.requests if r.path.endswith("/tweets") and r.path.startswith(f"/2/users/{carol.id}")]
    assert len(tweets) == 2 and tweets[1].arg("pagination_token") and tweets[0].arg("max_results") == "100"
    assert "created_at" in tweets[0].arg("tweet.fields") and "edit_history_tweet_ids" in tweets[0].arg("tweet.fields")
    assert tweets[0].arg("expansions") == "referenced_tweets.id,referenced_tweets.id.author_id"

    edited = carol.posts[3]
    carol.edit(edited.id, "A corrected fictional tweet.")
    replay.clear_log()
    second = crawl(accounts, env=env)
    assert db.value("SELECT text FROM statements WHERE id = ?", [f"x:{edited.id}"]) == "A corrected fictional tweet."
    assert db.value("SELECT count(*) FROM statement_revisions") == 1
    assert second.summary["new_items"] == 0
    carol_requests = [r for r in replay.requests if carol.id in r.path]
    assert len(carol_requests) == 1 and carol_requests[0].arg("since_id")  # cached user id, since_id

    # The token is in no row of any table and in no log line.
    dump = "\n".join(sqlite3.connect(db_path).iterdump())
    assert TOKEN not in dump
    assert TOKEN not in "\n".join(first.lines + second.lines) + first.stderr + second.stderr
    assert "DEBUG" in first.stderr  # the logs were verbose, and still hold no token
