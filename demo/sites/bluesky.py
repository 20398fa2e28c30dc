"""A fake Bluesky AppView: getProfile, getAuthorFeed with its opaque cursor, getPosts; posts,
replies, quotes and reposts shaped like the recordings in tests/fixtures. It enforces the budget
the crawler paces by, with xrpc-server's RateLimit-* headers and 429 (demo/sites/limits.py;
`limits=()` for none). Every actor and post is fictional."""
from __future__ import annotations

import json
from datetime import timedelta

from onrecord.demo.replay import Reply, ReplayServer
from onrecord.demo.sites import limits as published
from onrecord.demo.sites.posts import FakePost, b32, cached_json, iso_ms


class BlueskyActor:
    def __init__(self, appview: "BlueskyAppView", handle: str, posts: list[FakePost]):
        self.appview, self.handle = appview, handle
        self.did = "did:plc:" + b32(handle, 24)
        self.status: str | None = None  # None, "AccountTakedown" or "AccountDeactivated"
        self.posts: list[FakePost] = []
        for post in posts:
            self.add(post)

    def add(self, post: FakePost) -> FakePost:
        if post.id is None:
            post.id = b32(f"{self.handle}|{post.text}|{post.created_at.isoformat()}", 13)
        self.posts.append(post)
        self.posts.sort(key=lambda p: (p.created_at, p.id), reverse=True)
        self.appview._posts[self.uri(post)] = (self, post)
        return post

    def delete(self, post_id: str) -> None:
        for post in [p for p in self.posts if p.id == post_id]:
            self.appview._posts.pop(self.uri(post), None)
        self.posts = [p for p in self.posts if p.id != post_id]

    def uri(self, post: FakePost) -> str:
        return f"at://{self.did}/app.bsky.feed.post/{post.id}"

    def profile_basic(self) -> dict:
        return {"did": self.did, "handle": self.handle, "displayName": f"{self.handle} (fictional)",
                "labels": [], "createdAt": "2024-01-01T00:00:00.000Z"}

    def profile(self) -> dict:
        return {**self.profile_basic(), "description": "A fictional account for tests.",
                "followersCount": 12, "followsCount": 3, "postsCount": len(self.posts),
                "indexedAt": "2024-01-01T00:00:00.000Z", "associated": {"lists": 0, "feedgens": 0,
                "starterPacks": 0, "labeler": False}}

    def other_author(self, name: str) -> dict:
        handle = f"{name}.fictional.example"
        return {"did": "did:plc:" + b32(handle, 24), "handle": handle,
                "displayName": f"{name} (fictional)", "labels": [], "createdAt": "2024-01-01T00:00:00.000Z"}

    def post_view(self, post: FakePost) -> dict:
        """The leader's own post (post, reply or quote)."""
        uri = self.uri(post)
        record = {"$type": "app.bsky.feed.post", "createdAt": iso_ms(post.created_at),
                  "langs": [post.lang] if post.lang else [], "text": post.text}
        view = {"uri": uri, "cid": "bafyrei" + b32(uri, 52), "author": self.profile_basic(),
                "record": record, "replyCount": 0, "repostCount": 0, "likeCount": 0, "quoteCount": 0,
                "bookmarkCount": 0, "indexedAt": iso_ms(post.created_at + timedelta(milliseconds=800)),
                "labels": []}
        if post.content_warning:
            record["labels"] = {"$type": "com.atproto.label.defs#selfLabels", "values": [{"val": "graphic-media"}]}
        if post.kind == "reply":
            parent = f"at://{self.other_author('neighbour')['did']}/app.bsky.feed.post/{b32(uri + 'p', 13)}"
            ref = {"uri": parent, "cid": "bafyrei" + b32(parent, 52)}
            record["reply"] = {"root": ref, "parent": ref}
        elif post.kind == "quote":
            author = self.other_author(post.original_author or "writer")
            quoted = f"at://{author['did']}/app.bsky.feed.post/{b32(uri + 'q', 13)}"
            cid = "bafyrei" + b32(quoted, 52)
            record["embed"] = {"$type": "app.bsky.embed.record", "record": {"uri": quoted, "cid": cid}}
            view["embed"] = {"$type": "app.bsky.embed.record#view", "record": {
                "$type": "app.bsky.embed.record#viewRecord", "uri": quoted, "cid": cid, "author": author,
                "value": {"$type": "app.bsky.feed.post", "createdAt": iso_ms(post.created_at - timedelta(hours=1)),
                          "text": post.original_text or ""},
                "labels": [], "indexedAt": iso_ms(post.created_at - timedelta(hours=1)),
                "likeCount": 0, "replyCount": 0, "repostCount": 0, "quoteCount": 1}}
        return view

    def feed_item(self, post: FakePost) -> dict:
        if post.kind != "repost":
            item = {"post": self.post_view(post)}
            if post.kind == "reply":
                parent = item["post"]["record"]["reply"]["parent"]
                stub = {"$type": "app.bsky.feed.defs#notFoundPost", "uri": parent["uri"], "notFound": True}
                item["reply"] = {"root": stub, "parent": stub}
            return item
        author = self.other_author(post.original_author or "writer")
        original_uri = f"at://{author['did']}/app.bsky.feed.post/{b32(post.id + 'o', 13)}"
        original = {"uri": original_uri, "cid": "bafyrei" + b32(original_uri, 52), "author": author,
                    "record": {"$type": "app.bsky.feed.post", "text": post.original_text or "",
                               "createdAt": iso_ms(post.created_at - timedelta(hours=2)), "langs": ["en"]},
                    "replyCount": 0, "repostCount": 1, "likeCount": 0, "quoteCount": 0,
                    "indexedAt": iso_ms(post.created_at - timedelta(hours=2)), "labels": []}
        return {"post": original, "reason": {
            "$type": "app.bsky.feed.defs#reasonRepost", "by": self.profile_basic(),
            "uri": f"at://{self.did}/app.bsky.feed.repost/{post.id}", "cid": "bafyrei" + b32(post.id + "r", 52),
            "indexedAt": iso_ms(post.created_at)}}


class BlueskyAppView:
    """A fake public AppView (getProfile, getAuthorFeed, getPosts) on `server`. `limits`: the
    budgets it enforces (default: 3,000 requests per 5 minutes; `()`: none)."""

    def __init__(self, server: ReplayServer, limits=None):
        self.server = server
        server.limit(*(published.bluesky() if limits is None else limits))
        self.actors: dict[str, BlueskyActor] = {}
        self._posts: dict[str, tuple] = {}
        self._rendered: dict = {}
        server.add("/xrpc/app.bsky.actor.getProfile", self._get_profile)
        server.add("/xrpc/app.bsky.feed.getAuthorFeed", self._get_author_feed)
        server.add("/xrpc/app.bsky.feed.getPosts", self._get_posts)

    def add_actor(self, handle: str, posts: list[FakePost]) -> BlueskyActor:
        actor = BlueskyActor(self, handle, posts)
        self.actors[handle.lower()] = actor
        self.actors[actor.did] = actor
        return actor

    @staticmethod
    def _error(name: str, message: str, status: int = 400) -> Reply:
        return Reply.json({"error": name, "message": message}, status=status)

    def _actor(self, request):
        actor = self.actors.get((request.arg("actor") or "").lower().lstrip("@"))
        if actor is None:
            return None, self._error("InvalidRequest", "Profile not found")
        if actor.status == "AccountTakedown":
            return None, self._error("AccountTakedown", "Account has been suspended")
        if actor.status == "AccountDeactivated":
            return None, self._error("AccountDeactivated", "Account is deactivated")
        return actor, None

    def _get_profile(self, request) -> Reply:
        actor, error = self._actor(request)
        return error or Reply.json(actor.profile())

    def _get_author_feed(self, request) -> Reply:
        actor, error = self._actor(request)
        if error:
            return error
        try:
            limit = int(request.arg("limit", 50))
        except ValueError:
            limit = 0
        if not 1 <= limit <= 100:
            return self._error("InvalidRequest", "Error: limit must be between 1 and 100")
        posts = actor.posts
        cursor = request.arg("cursor")
        if cursor:
            try:
                ms, _, rkey = cursor.partition("::")
                key = (int(ms), rkey)
            except ValueError:
                return Reply.json({"feed": []})  # a malformed cursor gives an empty feed
            posts = [p for p in posts if (int(p.created_at.timestamp() * 1000), p.id) < key]
        page = posts[:limit]
        items = ",".join(cached_json(self._rendered, (actor.did, p.id, p.text), lambda p=p: actor.feed_item(p)) for p in page)
        cursor = ""
        if len(page) == limit:
            last = page[-1]
            cursor = ', "cursor": ' + json.dumps(f"{int(last.created_at.timestamp() * 1000)}::{last.id}")
        return Reply(body=f'{{"feed": [{items}]{cursor}}}'.encode(), headers={"Content-Type": "application/json; charset=utf-8"})

    def _get_posts(self, request) -> Reply:
        uris = request.query.get("uris", [])
        if len(uris) > 25:
            return self._error("InvalidRequest", "Error: uris must not have more than 25 elements")
        posts = []
        for uri in uris:
            found = self._posts.get(uri)
            if found:
                posts.append(found[0].post_view(found[1]))
        return Reply.json({"posts": posts})
