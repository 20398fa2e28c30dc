"""A fake Mastodon instance: accounts/lookup, accounts/:id/statuses with Link-header paging
(max_id / min_id), statuses/:id; payloads shaped like the recordings in tests/fixtures. It
enforces Mastodon's published budgets with its X-RateLimit-* headers and 429s
(demo/sites/limits.py; `limits=()` for none). Every account and post is fictional."""
from __future__ import annotations

import html
import re
from datetime import datetime, timezone

from onrecord.demo.replay import Reply, ReplayServer
from onrecord.demo.sites import limits as published
from onrecord.demo.sites.posts import FakePost, cached_json, digest, iso_ms, snowflake


class MastodonAccount:
    def __init__(self, instance: "MastodonInstance", username: str, posts: list[FakePost], account_id: str):
        self.instance, self.username, self.id = instance, username, account_id
        self.posts: list[FakePost] = []
        self.suspended = False
        for post in posts:
            self.add(post)

    def add(self, post: FakePost) -> FakePost:
        if post.id is None:
            post.id = snowflake(post.created_at, int(digest(self.username, post.text)[:4], 16))
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
    """One fake instance on `server`; accounts are looked up by username (or username@domain).
    `limits`: the budgets it enforces (default: Mastodon's published ones; `()`: none)."""

    def __init__(self, server: ReplayServer, domain: str = "example.social", limits=None):
        self.server, self.domain = server, domain
        server.limit(*(published.mastodon() if limits is None else limits))
        self.accounts: dict[str, MastodonAccount] = {}
        self._by_id: dict[str, MastodonAccount] = {}
        self._statuses: dict[str, tuple] = {}
        self._rendered: dict = {}
        server.add("/api/v1/accounts/lookup", self._lookup)
        server.add(re.compile(r"/api/v1/accounts/(\d+)/statuses"), self._account_statuses)
        server.add(re.compile(r"/api/v1/statuses/(\d+)"), self._status)

    def add_account(self, username: str, posts: list[FakePost], account_id: str | None = None) -> MastodonAccount:
        account_id = account_id or str(int(digest("acct", username)[:13], 16))
        account = MastodonAccount(self, username, posts, account_id)
        self.accounts[username.lower()] = account
        self._by_id[account_id] = account
        return account

    @staticmethod
    def _headers(extra: dict | None = None) -> dict:
        # The X-RateLimit-* headers come from the enforced budgets (ReplayServer.limit).
        return {"cache-control": "private, no-store", "vary": "Authorization, Origin", **(extra or {})}

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
            "id": post.id, "created_at": iso_ms(post.created_at), "in_reply_to_id": None,
            "in_reply_to_account_id": None, "sensitive": bool(post.content_warning),
            "spoiler_text": post.content_warning or "", "visibility": "public", "language": post.lang,
            "uri": f"{base}/users/{account.username}/statuses/{post.id}", "url": url,
            "replies_count": 0, "reblogs_count": 0, "favourites_count": 0, "quotes_count": 0,
            "edited_at": iso_ms(post.edited_at) if post.edited_at else None,
            "content": "".join(f"<p>{html.escape(part)}</p>" for part in post.text.split("\n\n")),
            "reblog": None, "application": None, "account": account.account_json(),
            "media_attachments": [], "mentions": [], "tags": [], "emojis": [], "quote": None,
            "card": None, "poll": None,
        }
        if post.kind == "reply":  # a thread: the account's previous post, else someone else's
            parent = next((p for p in account.posts if int(p.id) < int(post.id)), None)
            status["in_reply_to_id"] = parent.id if parent else str(int(post.id) - 7)
            status["in_reply_to_account_id"] = account.id if parent else "4242"
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
        body = "[" + ",".join(cached_json(self._rendered, (account.id, p.id, p.text, p.edited_at),
                                           lambda p=p: self.status_json(account, p)) for p in page) + "]"
        return Reply(body=body.encode(), headers={"Content-Type": "application/json; charset=utf-8", **headers})

    def _status(self, request) -> Reply:
        found = self._statuses.get(request.match.group(1))
        if found is None:
            return Reply.json({"error": "Record not found"}, status=404, headers=self._headers())
        return Reply.json(self.status_json(*found), headers=self._headers())
