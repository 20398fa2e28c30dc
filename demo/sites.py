"""Fake Mastodon, Bluesky, RSS/Atom and X servers, generated from lists of fictional posts and
served by `onrecord.demo.replay.ReplayServer`. Their payloads follow the real ones recorded in
shared/fixtures (field names, Link headers with max_id/min_id, cursors, error bodies), so the
demo, the tests and bench/crawl.py exercise the spiders on realistic pages of any length.

Every person and post made here is fictional.

    from onrecord.demo.replay import ReplayServer
    from onrecord.demo.sites import (MastodonInstance, BlueskyAppView, RssFeed, XApi, FakePost,
                                      make_posts)

    with ReplayServer() as server:
        masto = MastodonInstance(server, domain="example.social")
        alice = masto.add_account("alice", make_posts(120, seed=1))
        # watchlist: {platform: mastodon, handle: alice@example.social, api: server.base}
        alice.edit(alice.posts[0].id, "new text")   # sets edited_at, like a real edit
        alice.delete(alice.posts[1].id)             # gone from the list; /api/v1/statuses/:id -> 404

        bsky = BlueskyAppView(server)               # watchlist api: server.base
        bob = bsky.add_actor("bob.example.org", make_posts(250, seed=2))

        feed = RssFeed(server, "/blog/feed.xml", make_posts(30, seed=3), atom=False)
        # watchlist: {platform: rss, url: server.url("/blog/feed.xml")}

        x = XApi(server, token="test-token")        # watchlist api: server.base
        x.add_user("carol", make_posts(50, seed=4))

Each site's posts list (`.posts`, newest first) may be changed between crawls with add/edit/delete.
"""
from __future__ import annotations

import hashlib
import html
import json
import random
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

from onrecord.demo.replay import Reply, ReplayServer

KINDS = ("post", "reply", "repost", "quote")
_FICTIONAL_WORDS = (
    "city council transit budget library neighbours school volunteers river park housing "
    "clinic festival harbour bridge market rain orchard bakery workshop garden museum"
).split()


@dataclass
class FakePost:
    """One fictional post. `id` is the platform's native id (numeric for Mastodon and X, a record
    key for Bluesky); it is derived from `created_at` when not given."""

    text: str
    created_at: datetime
    kind: str = "post"
    id: str | None = None
    lang: str | None = "en"
    content_warning: str | None = None
    original_author: str | None = None  # who wrote the reposted / quoted post
    original_text: str | None = None  # text of the reposted / quoted post
    edited_at: datetime | None = None
    extra: dict = field(default_factory=dict)


def make_posts(count: int, seed: int = 0, newest: datetime | None = None, spacing_minutes: int = 37,
               kinds=KINDS) -> list[FakePost]:
    """`count` fictional posts, newest first, one every `spacing_minutes`, kinds mixed."""
    rng = random.Random(seed)
    newest = newest or datetime.now(timezone.utc).replace(microsecond=0)
    posts = []
    for index in range(count):
        kind = kinds[index % len(kinds)] if len(kinds) > 1 else kinds[0]
        words = " ".join(rng.choice(_FICTIONAL_WORDS) for _ in range(rng.randint(6, 18)))
        post = FakePost(
            text=f"Fictional post {seed}-{index}: {words}.",
            created_at=newest - timedelta(minutes=spacing_minutes * index, seconds=rng.randint(0, 30)),
            kind=kind,
        )
        if kind in ("repost", "quote"):
            post.original_author = f"fictional-writer-{rng.randint(1, 9)}"
            post.original_text = f"Fictional original {seed}-{index}: {words}."
        if index % 11 == 5:
            post.content_warning = "fictional content warning"
        posts.append(post)
    return posts


def _cached_json(cache: dict, key, build) -> str:
    """A post's JSON, rendered once per version (key includes its text and edit time), so the
    fake server spends little CPU and a benchmark measures the crawler."""
    if key not in cache:
        cache[key] = json.dumps(build())
    return cache[key]


def _iso_ms(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _snowflake(moment: datetime, salt: int) -> str:
    """Mastodon / X style id: milliseconds since the epoch shifted left 16 bits plus a sequence."""
    return str((int(moment.timestamp() * 1000) << 16) | (salt & 0xFFFF))


def _digest(*parts) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()


def _b32(text: str, length: int) -> str:
    alphabet = "abcdefghijklmnopqrstuvwxyz234567"
    number = int(_digest(text), 16)
    return "".join(alphabet[(number >> (5 * i)) & 31] for i in range(length))


# ------------------------------------------------------------------------------------------------
# Mastodon
# ------------------------------------------------------------------------------------------------


class MastodonAccount:
    def __init__(self, instance: "MastodonInstance", username: str, posts: list[FakePost], account_id: str):
        self.instance, self.username, self.id = instance, username, account_id
        self.posts: list[FakePost] = []
        self.suspended = False
        for post in posts:
            self.add(post)

    def add(self, post: FakePost) -> FakePost:
        if post.id is None:
            post.id = _snowflake(post.created_at, int(_digest(self.username, post.text)[:4], 16))
        self.posts.append(post)
        self.posts.sort(key=lambda p: int(p.id), reverse=True)
        self.instance._statuses[post.id] = (self, post)
        return post

    def edit(self, post_id: str, text: str, when: datetime | None = None) -> None:
        post = self.instance._statuses[post_id][1]
        post.text, post.edited_at = text, when or datetime.now(timezone.utc)

    def delete(self, post_id: str) -> None:
        self.posts = [p for p in self.posts if p.id != post_id]
        self.instance._statuses.pop(post_id, None)

    def account_json(self) -> dict:
        base = f"{{BASE}}"
        return {
            "id": self.id, "username": self.username, "acct": self.username,
            "display_name": f"{self.username.title()} (fictional)", "locked": False, "bot": False,
            "discoverable": True, "indexable": True, "group": False,
            "created_at": "2024-01-01T00:00:00.000Z", "note": "<p>A fictional account for tests.</p>",
            "url": f"{base}/@{self.username}", "uri": f"{base}/users/{self.username}",
            "avatar": f"{base}/avatars/original/missing.png", "avatar_static": f"{base}/avatars/original/missing.png",
            "header": f"{base}/headers/original/missing.png", "header_static": f"{base}/headers/original/missing.png",
            "followers_count": 12, "following_count": 3, "statuses_count": len(self.posts),
            "last_status_at": self.posts[0].created_at.strftime("%Y-%m-%d") if self.posts else None,
            "hide_collections": False, "noindex": False, "emojis": [], "roles": [], "fields": [],
            **({"suspended": True} if self.suspended else {}),
        }


class MastodonInstance:
    """One fake instance on `server`; accounts are looked up by username (or username@domain)."""

    def __init__(self, server: ReplayServer, domain: str = "example.social"):
        self.server, self.domain = server, domain
        self.accounts: dict[str, MastodonAccount] = {}
        self._by_id: dict[str, MastodonAccount] = {}
        self._statuses: dict[str, tuple] = {}
        self._rendered: dict = {}
        server.add("/api/v1/accounts/lookup", self._lookup)
        server.add(re.compile(r"/api/v1/accounts/(\d+)/statuses"), self._account_statuses)
        server.add(re.compile(r"/api/v1/statuses/(\d+)"), self._status)

    def add_account(self, username: str, posts: list[FakePost], account_id: str | None = None) -> MastodonAccount:
        account_id = account_id or str(int(_digest("acct", username)[:13], 16))
        account = MastodonAccount(self, username, posts, account_id)
        self.accounts[username.lower()] = account
        self._by_id[account_id] = account
        return account

    @staticmethod
    def _headers(extra: dict | None = None) -> dict:
        return {
            "x-ratelimit-limit": "300", "x-ratelimit-remaining": "299",
            "x-ratelimit-reset": (datetime.now(timezone.utc) + timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "cache-control": "private, no-store", "vary": "Authorization, Origin", **(extra or {}),
        }

    def _lookup(self, request) -> Reply:
        acct = (request.arg("acct") or "").lstrip("@")
        username, _, domain = acct.partition("@")
        account = self.accounts.get(username.lower())
        if account is None:
            return Reply.json({"error": "Record not found"}, status=404, headers=self._headers())
        return Reply.json(account.account_json(), headers=self._headers())

    def status_json(self, account: MastodonAccount, post: FakePost) -> dict:
        base = "{BASE}"
        url = f"{base}/@{account.username}/{post.id}"
        status = {
            "id": post.id, "created_at": _iso_ms(post.created_at), "in_reply_to_id": None,
            "in_reply_to_account_id": None, "sensitive": bool(post.content_warning),
            "spoiler_text": post.content_warning or "", "visibility": "public", "language": post.lang,
            "uri": f"{base}/users/{account.username}/statuses/{post.id}", "url": url,
            "replies_count": 0, "reblogs_count": 0, "favourites_count": 0, "quotes_count": 0,
            "edited_at": _iso_ms(post.edited_at) if post.edited_at else None,
            "content": "".join(f"<p>{html.escape(part)}</p>" for part in post.text.split("\n\n")),
            "reblog": None, "application": None, "account": account.account_json(),
            "media_attachments": [], "mentions": [], "tags": [], "emojis": [], "quote": None,
            "card": None, "poll": None,
        }
        if post.kind == "reply":
            status["in_reply_to_id"] = str(int(post.id) - 7)
            status["in_reply_to_account_id"] = "4242"
        elif post.kind in ("repost", "quote"):
            author = post.original_author or "fictional-writer"
            original_id = str(int(post.id) - 3)
            original = {
                **status, "id": original_id, "uri": f"{base}/users/{author}/statuses/{original_id}",
                "url": f"{base}/@{author}/{original_id}", "spoiler_text": "", "sensitive": False,
                "content": f"<p>{html.escape(post.original_text or post.text)}</p>", "edited_at": None,
                "account": {**account.account_json(), "id": "4243", "username": author, "acct": f"{author}@elsewhere.example",
                            "display_name": f"{author} (fictional)", "url": f"https://elsewhere.example/@{author}"},
            }
            if post.kind == "repost":
                status.update(content="", reblog=original, language=None, spoiler_text="", sensitive=False,
                              uri=f"{base}/users/{account.username}/statuses/{post.id}/activity",
                              url=f"{base}/users/{account.username}/statuses/{post.id}/activity")
            else:
                status["quote"] = {"state": "accepted", "quoted_status": original}
                status["content"] = (
                    f'<p class="quote-inline">RE: <a href="{original["url"]}">{original["url"]}</a></p>'
                    + status["content"]
                )
        return status

    def _account_statuses(self, request) -> Reply:
        account = self._by_id.get(request.match.group(1))
        if account is None:
            return Reply.json({"error": "Record not found"}, status=404, headers=self._headers())
        limit = max(1, min(int(request.arg("limit", 20)), 40))
        max_id, since_id, min_id = (request.arg(k) for k in ("max_id", "since_id", "min_id"))
        posts = account.posts  # newest first
        if max_id:
            posts = [p for p in posts if int(p.id) < int(max_id)]
        if since_id:
            posts = [p for p in posts if int(p.id) > int(since_id)]
        if min_id:
            # the page just above min_id, still returned newest first
            posts = [p for p in posts if int(p.id) > int(min_id)][-limit:]
        page = posts[:limit]
        headers = self._headers()
        if page:
            root = f"{{BASE}}/api/v1/accounts/{account.id}/statuses"
            keep = "".join(f"{key}={request.arg(key)}&" for key in ("limit",) if request.arg(key))
            links = []
            if len(page) == limit:
                links.append(f'<{root}?{keep}max_id={page[-1].id}>; rel="next"')
            links.append(f'<{root}?{keep}min_id={page[0].id}>; rel="prev"')
            headers["link"] = ", ".join(links)
        body = "[" + ",".join(_cached_json(self._rendered, (account.id, p.id, p.text, p.edited_at),
                                           lambda p=p: self.status_json(account, p)) for p in page) + "]"
        return Reply(body=body.encode(), headers={"Content-Type": "application/json; charset=utf-8", **headers})

    def _status(self, request) -> Reply:
        found = self._statuses.get(request.match.group(1))
        if found is None:
            return Reply.json({"error": "Record not found"}, status=404, headers=self._headers())
        return Reply.json(self.status_json(*found), headers=self._headers())


# ------------------------------------------------------------------------------------------------
# Bluesky AppView
# ------------------------------------------------------------------------------------------------


class BlueskyActor:
    def __init__(self, appview: "BlueskyAppView", handle: str, posts: list[FakePost]):
        self.appview, self.handle = appview, handle
        self.did = "did:plc:" + _b32(handle, 24)
        self.status: str | None = None  # None, "AccountTakedown" or "AccountDeactivated"
        self.posts: list[FakePost] = []
        for post in posts:
            self.add(post)

    def add(self, post: FakePost) -> FakePost:
        if post.id is None:
            post.id = _b32(f"{self.handle}|{post.text}|{post.created_at.isoformat()}", 13)
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
        return {"did": "did:plc:" + _b32(handle, 24), "handle": handle,
                "displayName": f"{name} (fictional)", "labels": [], "createdAt": "2024-01-01T00:00:00.000Z"}

    def post_view(self, post: FakePost) -> dict:
        """The leader's own post (post, reply or quote)."""
        uri = self.uri(post)
        record = {"$type": "app.bsky.feed.post", "createdAt": _iso_ms(post.created_at),
                  "langs": [post.lang] if post.lang else [], "text": post.text}
        view = {"uri": uri, "cid": "bafyrei" + _b32(uri, 52), "author": self.profile_basic(),
                "record": record, "replyCount": 0, "repostCount": 0, "likeCount": 0, "quoteCount": 0,
                "bookmarkCount": 0, "indexedAt": _iso_ms(post.created_at + timedelta(milliseconds=800)),
                "labels": []}
        if post.content_warning:
            record["labels"] = {"$type": "com.atproto.label.defs#selfLabels", "values": [{"val": "graphic-media"}]}
        if post.kind == "reply":
            parent = f"at://{self.other_author('neighbour')['did']}/app.bsky.feed.post/{_b32(uri + 'p', 13)}"
            ref = {"uri": parent, "cid": "bafyrei" + _b32(parent, 52)}
            record["reply"] = {"root": ref, "parent": ref}
        elif post.kind == "quote":
            author = self.other_author(post.original_author or "writer")
            quoted = f"at://{author['did']}/app.bsky.feed.post/{_b32(uri + 'q', 13)}"
            cid = "bafyrei" + _b32(quoted, 52)
            record["embed"] = {"$type": "app.bsky.embed.record", "record": {"uri": quoted, "cid": cid}}
            view["embed"] = {"$type": "app.bsky.embed.record#view", "record": {
                "$type": "app.bsky.embed.record#viewRecord", "uri": quoted, "cid": cid, "author": author,
                "value": {"$type": "app.bsky.feed.post", "createdAt": _iso_ms(post.created_at - timedelta(hours=1)),
                          "text": post.original_text or ""},
                "labels": [], "indexedAt": _iso_ms(post.created_at - timedelta(hours=1)),
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
        original_uri = f"at://{author['did']}/app.bsky.feed.post/{_b32(post.id + 'o', 13)}"
        original = {"uri": original_uri, "cid": "bafyrei" + _b32(original_uri, 52), "author": author,
                    "record": {"$type": "app.bsky.feed.post", "text": post.original_text or "",
                               "createdAt": _iso_ms(post.created_at - timedelta(hours=2)), "langs": ["en"]},
                    "replyCount": 0, "repostCount": 1, "likeCount": 0, "quoteCount": 0,
                    "indexedAt": _iso_ms(post.created_at - timedelta(hours=2)), "labels": []}
        return {"post": original, "reason": {
            "$type": "app.bsky.feed.defs#reasonRepost", "by": self.profile_basic(),
            "uri": f"at://{self.did}/app.bsky.feed.repost/{post.id}", "cid": "bafyrei" + _b32(post.id + "r", 52),
            "indexedAt": _iso_ms(post.created_at)}}


class BlueskyAppView:
    """A fake public AppView (getProfile, getAuthorFeed, getPosts) on `server`."""

    def __init__(self, server: ReplayServer):
        self.server = server
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
        items = ",".join(_cached_json(self._rendered, (actor.did, p.id, p.text), lambda p=p: actor.feed_item(p)) for p in page)
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


# ------------------------------------------------------------------------------------------------
# RSS / Atom
# ------------------------------------------------------------------------------------------------


class RssFeed:
    """A blog feed at `path`: RSS 2.0 (default) or Atom, with ETag and Last-Modified."""

    def __init__(self, server: ReplayServer, path: str, posts: list[FakePost], atom: bool = False,
                 encoding: str = "utf-8", title: str = "A fictional blog"):
        self.server, self.path, self.posts, self.atom = server, path, list(posts), atom
        self.encoding, self.title = encoding, title
        self.raw: bytes | None = None  # set to serve exact bytes instead (malformed-feed tests)
        for index, post in enumerate(self.posts):
            post.id = post.id or f"post-{_digest(path, post.text)[:10]}"
        server.add(path, self._serve)

    def link(self, post: FakePost) -> str:
        return f"{{BASE}}{self.path.rsplit('/', 1)[0]}/{post.id}.html"

    def render(self) -> bytes:
        if self.raw is not None:
            return self.raw
        if self.atom:
            entries = "".join(
                f"<entry><id>tag:fictional.example,2026:{p.id}</id><title>{html.escape(p.text[:60])}</title>"
                f'<link rel="alternate" href="{self.link(p)}"/>'
                f"<published>{p.created_at.strftime('%Y-%m-%dT%H:%M:%SZ')}</published>"
                f"<updated>{(p.edited_at or p.created_at).strftime('%Y-%m-%dT%H:%M:%SZ')}</updated>"
                f'<content type="html">{html.escape("<p>" + html.escape(p.text) + "</p>")}</content></entry>'
                for p in self.posts
            )
            updated = self.posts[0].created_at.strftime("%Y-%m-%dT%H:%M:%SZ") if self.posts else "2026-01-01T00:00:00Z"
            text = (f'<?xml version="1.0" encoding="{self.encoding}"?>\n'
                    f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{html.escape(self.title)}</title>'
                    f'<id>tag:fictional.example,2026:feed</id><updated>{updated}</updated>{entries}</feed>')
        else:
            items = "".join(
                f"<item><title>{html.escape(p.text[:60])}</title><link>{self.link(p)}</link>"
                f'<guid isPermaLink="true">{self.link(p)}</guid>'
                f"<pubDate>{format_datetime(p.created_at.astimezone(timezone.utc), usegmt=True)}</pubDate>"
                f"<description>{html.escape('<p>' + html.escape(p.text) + '</p>')}</description></item>"
                for p in self.posts
            )
            text = (f'<?xml version="1.0" encoding="{self.encoding}"?>\n<rss version="2.0"><channel>'
                    f"<title>{html.escape(self.title)}</title><link>{{BASE}}/</link>"
                    f"<description>Fictional posts</description>{items}</channel></rss>")
        return text.encode(self.encoding, errors="xmlcharrefreplace")

    def _serve(self, request) -> Reply:
        body = self.render()
        newest = max((p.edited_at or p.created_at for p in self.posts), default=datetime(2026, 1, 1, tzinfo=timezone.utc))
        kind = "application/atom+xml" if self.atom else "application/rss+xml"
        return Reply(body=body, headers={"Content-Type": f"{kind}; charset={self.encoding}"},
                     etag=f'"{_digest(body)[:16]}"', last_modified=format_datetime(newest.astimezone(timezone.utc), usegmt=True))


# ------------------------------------------------------------------------------------------------
# X API v2
# ------------------------------------------------------------------------------------------------


class XUser:
    def __init__(self, api: "XApi", username: str, posts: list[FakePost]):
        self.api, self.username = api, username
        self.id = str(int(_digest("x", username)[:12], 16))
        self.posts: list[FakePost] = []
        for post in posts:
            self.add(post)

    def add(self, post: FakePost) -> FakePost:
        if post.id is None:
            post.id = _snowflake(post.created_at, int(_digest(self.username, post.text)[:4], 16))
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
        new.id = _snowflake(new.created_at, int(_digest(self.username, text)[:4], 16))
        new.extra["history"] = old.extra["history"] + [new.id]
        return self.add(new)

    def tweet(self, post: FakePost) -> dict:
        tweet = {"id": post.id, "text": post.text, "created_at": _iso_ms(post.created_at),
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

    def __init__(self, server: ReplayServer, token: str = "test-token"):
        self.server, self.token = server, token
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
        reset = int((datetime.now(timezone.utc) + timedelta(minutes=15)).timestamp())
        return {"x-rate-limit-limit": "1500", "x-rate-limit-remaining": "1499", "x-rate-limit-reset": str(reset)}

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
        return Reply.json(body, headers=self._headers())
