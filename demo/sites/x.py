"""A fake X API v2: users/by/username and users/:id/tweets behind a bearer token, with
since_id, pagination tokens and edit histories. It enforces X's per-endpoint budgets with the
x-rate-limit-* headers and 429s (demo/sites/limits.py; `limits=()` for none). Every user and post
is fictional."""
from __future__ import annotations

import re
from datetime import datetime, timezone

from onrecord.demo.replay import Reply, ReplayServer
from onrecord.demo.sites import limits as published
from onrecord.demo.sites.posts import FakePost, digest, iso_ms, snowflake
from onrecord.vocabulary import QUOTE, REPLY, REPOST


class XUser:
    def __init__(self, api: "XApi", username: str, posts: list[FakePost]):
        self.api, self.username = api, username
        self.id = str(int(digest("x", username)[:12], 16))
        self.posts: list[FakePost] = []
        for post in posts:
            self.add(post)

    def add(self, post: FakePost) -> FakePost:
        if post.id is None:
            post.id = snowflake(post.created_at, int(digest(self.username, post.text)[:4], 16))
        post.extra.setdefault("history", [post.id])
        self.posts.append(post)
        self.posts.sort(key=lambda p: int(p.id), reverse=True)
        return post

    def edit(self, post_id: str, text: str) -> FakePost:
        """An X edit makes a new tweet id; the history keeps the first one."""
        old = next(p for p in self.posts if p.id == post_id)
        self.posts.remove(old)
        new = FakePost(text=text, created_at=datetime.now(timezone.utc), kind=old.kind, lang=old.lang,
                       original_author=old.original_author, original_text=old.original_text)
        new.id = snowflake(new.created_at, int(digest(self.username, text)[:4], 16))
        new.extra["history"] = old.extra["history"] + [new.id]
        return self.add(new)

    def referenced(self, post: FakePost) -> tuple[dict, dict] | tuple[None, None]:
        """The tweet a reply answers, or a quote or retweet quotes, and its author: what the API
        returns under `includes` when asked for `expansions=referenced_tweets.id(.author_id)`."""
        if post.kind not in (REPLY, QUOTE, REPOST):
            return None, None
        handle = re.sub(r"\W", "_", post.original_author or "fictional_other")[:15]
        author = {"id": str(int(digest("x", handle)[:12], 16)), "username": handle}
        text = post.original_text if post.kind != REPLY else post.extra.get("parent_text", "A fictional post being answered.")
        return {"id": str(int(post.id) - 5), "text": text, "author_id": author["id"]}, author

    def tweet(self, post: FakePost) -> dict:
        tweet = {"id": post.id, "text": post.text, "created_at": iso_ms(post.created_at),
                 "lang": post.lang or "und", "conversation_id": post.id, "author_id": self.id,
                 "edit_history_tweet_ids": post.extra["history"]}
        other = str(int(post.id) - 5)
        if post.kind == "reply":
            tweet["referenced_tweets"] = [{"type": "replied_to", "id": other}]
            tweet["conversation_id"] = other
            tweet["in_reply_to_user_id"] = "2244994945"
        elif post.kind == "repost":
            handle = re.sub(r"\W", "_", post.original_author or "someone")[:15]  # X handles: \w{1,15}
            tweet["text"] = f"RT @{handle}: {post.original_text}"
            tweet["referenced_tweets"] = [{"type": "retweeted", "id": other}]
        elif post.kind == "quote":
            tweet["referenced_tweets"] = [{"type": "quoted", "id": other}]
        return tweet


class XApi:
    """A fake X API v2 (users/by/username, users/:id/tweets) requiring `Authorization: Bearer token`."""

    def __init__(self, server: ReplayServer, token: str = "test-token", limits=None):
        self.server, self.token = server, token
        server.limit(*(published.x() if limits is None else limits))
        self.users: dict[str, XUser] = {}
        self._by_id: dict[str, XUser] = {}
        server.add(re.compile(r"/2/users/by/username/(\w+)"), self._by_username)
        server.add(re.compile(r"/2/users/(\d+)/tweets"), self._tweets)

    def add_user(self, username: str, posts: list[FakePost]) -> XUser:
        user = XUser(self, username, posts)
        self.users[username.lower()] = user
        self._by_id[user.id] = user
        return user

    def _unauthorized(self, request):
        if request.headers.get("authorization") != f"Bearer {self.token}":
            return Reply.json({"title": "Unauthorized", "type": "about:blank", "status": 401,
                               "detail": "Unauthorized"}, status=401)
        return None

    @staticmethod
    def _headers() -> dict:
        return {}  # the x-rate-limit-* headers come from the enforced budgets (ReplayServer.limit)

    def _by_username(self, request) -> Reply:
        denied = self._unauthorized(request)
        if denied:
            return denied
        name = request.match.group(1)
        user = self.users.get(name.lower())
        if user is None:
            return Reply.json({"errors": [{"value": name, "detail": f"Could not find user with username: [{name}].",
                                           "title": "Not Found Error", "resource_type": "user", "parameter": "username",
                                           "resource_id": name, "type": "https://api.twitter.com/2/problems/resource-not-found"}]},
                              headers=self._headers())
        return Reply.json({"data": {"id": user.id, "name": f"{user.username} (fictional)", "username": user.username}},
                          headers=self._headers())

    def _tweets(self, request) -> Reply:
        denied = self._unauthorized(request)
        if denied:
            return denied
        user = self._by_id.get(request.match.group(1))
        if user is None:
            return Reply.json({"errors": [{"title": "Not Found Error", "detail": "user not found"}]}, headers=self._headers())
        limit = max(5, min(int(request.arg("max_results", 10)), 100))
        posts = user.posts
        if request.arg("since_id"):
            posts = [p for p in posts if int(p.id) > int(request.arg("since_id"))]
        token = request.arg("pagination_token")
        if token:
            posts = [p for p in posts if int(p.id) < int(token, 16)]
        page = posts[:limit]
        meta = {"result_count": len(page)}
        if page:
            meta.update(newest_id=page[0].id, oldest_id=page[-1].id)
            if len(posts) > limit:
                meta["next_token"] = format(int(page[-1].id), "x")
        body = {"meta": meta}
        if page:
            body["data"] = [user.tweet(p) for p in page]
        if page and "referenced_tweets.id" in (request.arg("expansions") or ""):
            found = [user.referenced(p) for p in page]
            tweets = [t for t, _ in found if t]
            users = list({u["id"]: u for _, u in found if u}.values())
            if tweets:
                body["includes"] = {"tweets": tweets, "users": users}
        return Reply.json(body, headers=self._headers())
