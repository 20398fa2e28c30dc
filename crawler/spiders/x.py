"""X: a leader's posts through the X API v2 (needs ONRECORD_X_BEARER_TOKEN; without it
crawler/crawl.py records the accounts as skipped and never starts this spider).

GET /2/users/by/username/:username (once; the user id is cached in crawl_state.native_id), then
/2/users/:id/tweets?max_results=100 with since_id = the newest tweet id already stored, following
meta.next_token. An edit on X makes a new tweet id; `edit_history_tweet_ids[0]` names the first
version, which is the statement id, so an edit updates the statement. The token is sent only in
the Authorization header and never logged or stored.

A reply or quote is judged with the tweet it answers or quotes: the request asks for the
referenced tweets (`expansions=referenced_tweets.id,referenced_tweets.id.author_id`), and the
one answered or quoted goes in the statement's `context` (a retweet takes the original's full
text, which `text` cuts short).
"""
from __future__ import annotations

import json
import os
import re
from urllib.parse import quote, urlencode

from onrecord.crawler.items import Statement
from onrecord.crawler.sources import X_SKIPPED, X_TOKEN_ENV as TOKEN_ENV
from onrecord.crawler.spiders.base import Fault, SourceFailed, SourceSpider
from onrecord.db.times import to_utc
from onrecord.vocabulary import X

DEFAULT_API = "https://api.x.com"
PAGE_LIMIT = 100
FIELDS = "created_at,lang,referenced_tweets,conversation_id,edit_history_tweet_ids"
EXPANSIONS = "referenced_tweets.id,referenced_tweets.id.author_id"
RETWEET = re.compile(r"^RT @(\w{1,15}): ", re.S)


class XSpider(SourceSpider):
    name = X

    def __init__(self, *args, token: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self._token = token or os.environ.get(TOKEN_ENV) or ""

    def __repr__(self):  # never show the token, whatever logs the spider
        return f"<XSpider {len(self.sources)} sources>"

    def api_root(self, crawl) -> str:
        return (crawl.source.api or DEFAULT_API).rstrip("/")

    def api_request(self, crawl, url, handler):
        return self.request(crawl, url, handler, headers={"Authorization": f"Bearer {self._token}"})

    def begin(self, crawl):
        if not self._token:
            raise SourceFailed(X_SKIPPED)
        if crawl.native_id:
            yield self.tweets_request(crawl)
        else:
            yield self.api_request(crawl, f"{self.api_root(crawl)}/2/users/by/username/{quote(crawl.source.handle)}", "parse_user")

    def tweets_request(self, crawl, pagination_token=None):
        params = {"max_results": PAGE_LIMIT, "tweet.fields": FIELDS, "expansions": EXPANSIONS, "user.fields": "username"}
        if crawl.state.get("high_water_id"):
            params["since_id"] = crawl.state["high_water_id"]
        if pagination_token:
            params["pagination_token"] = pagination_token
        return self.api_request(crawl, f"{self.api_root(crawl)}/2/users/{crawl.native_id}/tweets?{urlencode(params)}", "parse_tweets")

    def refused(self, response):
        if response.status in (401, 403):
            body = self.error_body(response)
            raise SourceFailed(f"X API refused the request (HTTP {response.status}: {body.get('title') or body.get('detail') or 'unauthorized'})")

    def parse_user(self, response, crawl):
        self.refused(response)
        data = self.json(response)
        user = data.get("data") if isinstance(data, dict) else None
        if not user:
            errors = (data or {}).get("errors") or [{}]
            raise SourceFailed(errors[0].get("detail") or errors[0].get("title") or "user not found")
        crawl.native_id = str(user["id"])
        yield self.tweets_request(crawl)

    def parse_tweets(self, response, crawl):
        self.refused(response)
        data = self.json(response)
        if not isinstance(data, dict) or ("data" not in data and "meta" not in data):
            raise Fault("unexpected JSON (no data or meta)")
        if "data" not in data and data.get("errors"):
            raise SourceFailed(data["errors"][0].get("detail") or "user not found")
        crawl.pages += 1
        meta = data.get("meta") or {}
        includes = data.get("includes") if isinstance(data.get("includes"), dict) else {}
        referenced = {
            "tweets": {str(t.get("id")): t for t in includes.get("tweets") or [] if isinstance(t, dict)},
            "users": {str(u.get("id")): u.get("username") for u in includes.get("users") or [] if isinstance(u, dict)},
        }
        statements = list(self.each_item(crawl, data.get("data") or [],
                                         lambda tweet, crawl: self.listed_tweet(tweet, crawl, referenced)))
        yield from statements
        crawl.read_page(min((s.published_at for s in statements if s.published_at), default=None))
        token = meta.get("next_token")
        if self.keep_paging(crawl, bool(token and data.get("data"))):
            yield self.tweets_request(crawl, token)
        elif crawl.state.get("high_water_id") and crawl.reached_end:
            # since_id: the listing ended at the newest tweet stored before, so this crawl
            # read everything from then on.
            crawl.read_back_to(crawl.state.get("high_water"))

    def listed_tweet(self, tweet, crawl, referenced: dict | None = None) -> Statement:
        """One tweet of a timeline page as a statement (raises on one of the wrong shape)."""
        statement = self.statement(tweet, crawl, referenced)
        statement.published_at = to_utc(statement.published_at)
        newest = int(tweet["id"])
        crawl.saw(statement.published_at)
        crawl.seen.add(statement.id)
        if newest > int(crawl.extra.get("newest_id") or 0):
            crawl.extra["newest_id"] = tweet["id"]
        return statement

    def statement(self, tweet: dict, crawl, referenced: dict | None = None) -> Statement:
        references = {ref.get("type"): ref.get("id") for ref in tweet.get("referenced_tweets") or []}
        text, kind, original_author, context = tweet.get("text") or "", "post", None, None
        tweets, users = (referenced or {}).get("tweets", {}), (referenced or {}).get("users", {})

        def other(kind_of_reference):  # the referenced tweet's text and author, when included
            found = tweets.get(str(references.get(kind_of_reference))) or {}
            return found.get("text") or None, users.get(str(found.get("author_id")))

        if "retweeted" in references:
            kind = "repost"
            match = RETWEET.match(text)
            if match:
                original_author, text = match.group(1), text[match.end():]
            full, author = other("retweeted")
            text, original_author = full or text, author or original_author
        elif "quoted" in references:
            kind = "quote"
            context, original_author = other("quoted")
        elif "replied_to" in references:
            kind = "reply"
            context = other("replied_to")[0]
        history = tweet.get("edit_history_tweet_ids") or [tweet["id"]]
        first = str(history[0])
        handle = crawl.source.handle
        return Statement(
            id=f"x:{first}",
            leader_id=crawl.source.leader_id,
            account_id=crawl.source.id,
            platform=X,
            kind=kind,
            text=text,
            url=f"https://x.com/{handle}/status/{tweet['id']}",
            published_at=tweet.get("created_at"),
            edited_at=tweet.get("created_at") if len(history) > 1 else None,
            lang=None if tweet.get("lang") in (None, "und", "zxx", "qme", "qht") else tweet.get("lang"),
            original_author=original_author,
            in_reply_to=f"x:{references['replied_to']}" if kind == "reply" else None,
            context=context,
            raw=json.dumps(tweet, ensure_ascii=False),
        )

    def final_state(self, crawl):
        state = super().final_state(crawl) or {}
        if crawl.complete:
            newest = crawl.extra.get("newest_id")
            old = crawl.state.get("high_water_id")
            if newest and (not old or int(newest) > int(old)):
                state["high_water_id"] = newest
        return state or None
