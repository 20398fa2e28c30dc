"""Bluesky: a leader's posts from the public AppView (default https://public.api.bsky.app; the
account's `api` overrides it).

app.bsky.actor.getProfile (once; the DID is cached in crawl_state.native_id), then
app.bsky.feed.getAuthorFeed?limit=100 with the opaque cursor passed back unchanged, until no
cursor, an empty feed, or a page reaching below the high-water mark and the 7-day re-read window.
Own posts of the last 7 days missing from the listing are confirmed with app.bsky.feed.getPosts
(25 URIs a call): only the ones it does not return are marked deleted.

A reply or quote-post is judged with the post it answers or quotes: the feed view carries the
parent (`reply.parent`) and the quoted record (`embed.record`), whose text goes in the statement's
`context`, with no extra request.
"""
from __future__ import annotations

import json
from urllib.parse import urlencode

from onrecord.crawler.items import Statement
from onrecord.crawler.spiders.base import Fault, SourceFailed, SourceSpider
from onrecord.db.times import to_utc
from onrecord.vocabulary import BLUESKY, POST, QUOTE, REPLY

DEFAULT_APPVIEW = "https://public.api.bsky.app"
PAGE_LIMIT = 100  # the API's maximum
GET_POSTS_MAX = 25
ACCOUNT_ERRORS = {"AccountTakedown", "AccountDeactivated", "BlockedActor", "BlockedByActor"}
QUOTE_EMBEDS = {"app.bsky.embed.record", "app.bsky.embed.recordWithMedia"}
# Authors can ask that logged-out viewers not see their posts; a public tracker honours that.
NO_UNAUTHENTICATED = "!no-unauthenticated"


class BlueskySpider(SourceSpider):
    name = BLUESKY
    checks_deletions = True
    full_history = True  # an author feed, paged to the end, goes back to the account's first post

    def api_root(self, crawl) -> str:
        return (crawl.source.api or DEFAULT_APPVIEW).rstrip("/")

    def xrpc(self, crawl, method: str, **params) -> str:
        return f"{self.api_root(crawl)}/xrpc/{method}?{urlencode(params, doseq=True)}"

    def begin(self, crawl):
        if crawl.native_id:
            yield self.feed_request(crawl)
        else:
            yield self.request(crawl, self.xrpc(crawl, "app.bsky.actor.getProfile", actor=crawl.source.handle), "parse_profile")

    def feed_request(self, crawl, cursor=None):
        params = {"actor": crawl.native_id, "limit": PAGE_LIMIT}
        if cursor:
            params["cursor"] = cursor
        return self.request(crawl, self.xrpc(crawl, "app.bsky.feed.getAuthorFeed", **params), "parse_feed")

    def account_error(self, response, crawl):
        """Unknown, suspended or deactivated accounts answer HTTP 400 with an XRPC error name."""
        if response.status in (400, 401, 403, 404):
            body = self.error_body(response)
            name, message = body.get("error"), body.get("message")
            if name in ACCOUNT_ERRORS or (message or "").lower().startswith("profile not found") or response.status == 404:
                raise SourceFailed(f"{crawl.source.handle}: {name or 'HTTP ' + str(response.status)}: {message or ''}".rstrip(": "))
            raise Fault(f"HTTP {response.status} {name or ''}".strip())

    def parse_profile(self, response, crawl):
        self.account_error(response, crawl)
        profile = self.json(response)
        if not isinstance(profile, dict) or not profile.get("did"):
            raise Fault("unexpected JSON (no DID)")
        if self.opted_out(profile):
            raise SourceFailed(f"{crawl.source.handle} asks that logged-out viewers not see their posts ({NO_UNAUTHENTICATED})")
        crawl.native_id = profile["did"]
        try:
            crawl.created_at = to_utc(profile.get("createdAt"))
        except ValueError:
            crawl.created_at = None
        yield self.feed_request(crawl)

    @staticmethod
    def opted_out(entity: dict) -> bool:
        return any(label.get("val") == NO_UNAUTHENTICATED for label in entity.get("labels") or [] if isinstance(label, dict))

    def parse_feed(self, response, crawl):
        self.account_error(response, crawl)
        data = self.json(response)
        if not isinstance(data, dict) or not isinstance(data.get("feed"), list):
            raise Fault("unexpected JSON (no feed)")
        crawl.pages += 1
        oldest = None
        for sort_at, statement in self.each_item(crawl, data["feed"], self.listed_post):
            oldest = sort_at if oldest is None or (sort_at and sort_at < oldest) else oldest
            if statement is not None:
                yield statement
        crawl.read_page(oldest)
        cursor = data.get("cursor")
        if self.keep_paging(crawl, bool(data["feed"] and cursor), oldest):
            cursors = crawl.extra.setdefault("cursors", set())
            if cursor in cursors:
                raise Fault("pagination loop")
            cursors.add(cursor)
            yield self.feed_request(crawl, cursor)

    def listed_post(self, item, crawl) -> tuple[str | None, Statement | None]:
        """(its time in the listing, its statement or None) for one item of a feed page (raises
        on one of the wrong shape). A pin has no place in the listing's time order."""
        if not isinstance(item, dict) or not isinstance(item.get("post"), dict):
            raise Fault("not a feed post")
        sort_at = None
        reason = (item.get("reason") or {}).get("$type", "")
        if not reason.endswith("#reasonPin"):  # a pin sits at the top whatever its age
            sort_at = self.sort_at(item)
        statement = self.statement(item, crawl)
        crawl.saw(sort_at)
        if statement is not None:
            crawl.seen.add(statement.id)
        return sort_at, statement

    @staticmethod
    def sort_at(item: dict) -> str | None:
        reason = item.get("reason") or {}
        for value in (reason.get("indexedAt"), item["post"].get("indexedAt")):
            try:
                if value:
                    return to_utc(value)
            except ValueError:
                continue
        return None

    @staticmethod
    def web_url(post: dict) -> str | None:
        uri = post.get("uri", "")
        author = post.get("author") or {}
        if not uri.startswith("at://") or "/app.bsky.feed.post/" not in uri:
            return None
        rkey = uri.rsplit("/", 1)[1]
        return f"https://bsky.app/profile/{author.get('handle') or author.get('did')}/post/{rkey}"

    def statement(self, item: dict, crawl) -> Statement | None:
        post = item["post"]
        record = post.get("record") or {}
        reason = item.get("reason") or {}
        author = post.get("author") or {}
        if self.opted_out(author) or self.opted_out(post):
            crawl.skip(f"author asked to hide from logged-out viewers ({NO_UNAUTHENTICATED})", fault=False)
            return None
        if reason.get("$type", "").endswith("#reasonRepost"):
            by = (reason.get("by") or {}).get("did") or crawl.native_id
            native = reason.get("uri") or f"{post.get('uri')}#repost-by-{by}"
            kind, published = "repost", reason.get("indexedAt")
            original_author = author.get("handle") or author.get("did")
        else:
            if author.get("did") and crawl.native_id and author["did"] != crawl.native_id:
                crawl.skip("not by this account", fault=False)  # the author feed lists only theirs
                return None
            native, published, original_author = post.get("uri"), record.get("createdAt"), None
            kind = "post"
            if record.get("reply"):
                kind = "reply"
            elif self.quoted(record):
                kind = "quote"
                original_author = self.quoted_author(post.get("embed") or {})
        context = None
        if kind == "reply":
            context = self.parent_text(item)
        elif kind == "quote":
            context = self.quoted_text(post.get("embed") or {})
        try:
            published = to_utc(published) if published else None
        except ValueError:
            published = None
        if published is None:
            published = self.sort_at(item)  # createdAt is client-supplied; indexedAt is not
        labels = [value.get("val") for value in ((record.get("labels") or {}).get("values") or []) if isinstance(value, dict)]
        langs = record.get("langs") or []
        reply = record.get("reply") or {}
        return Statement(
            id=f"bluesky:{native}",
            leader_id=crawl.source.leader_id,
            account_id=crawl.source.id,
            platform=BLUESKY,
            kind=kind,
            text=record.get("text") or "",
            url=self.web_url(post),
            published_at=published,
            lang=langs[0] if langs else None,
            original_author=original_author,
            content_warning=", ".join(filter(None, labels)) or None,
            in_reply_to=f"bluesky:{reply['parent']['uri']}" if kind == "reply" and (reply.get("parent") or {}).get("uri") else None,
            context=context,
            raw=json.dumps(item, ensure_ascii=False),
        )

    @staticmethod
    def quoted(record: dict) -> bool:
        embed = record.get("embed") or {}
        kind = embed.get("$type")
        if kind not in QUOTE_EMBEDS:
            return False
        ref = embed.get("record") or {}
        if kind == "app.bsky.embed.recordWithMedia":
            ref = ref.get("record") or {}
        uri = ref.get("uri") or ""
        # Embedding a list, feed generator or starter pack is not quoting a post.
        collection = uri.split("/")[3] if uri.startswith("at://") and uri.count("/") >= 4 else None
        return collection in (None, "app.bsky.feed.post")

    @staticmethod
    def parent_text(item: dict) -> str | None:
        """The text of the post a reply answers (a postView; a deleted or blocked parent has none)."""
        parent = (item.get("reply") or {}).get("parent") or {}
        return ((parent.get("record") or {}).get("text") or "").strip() or None

    @staticmethod
    def quoted_text(embed: dict) -> str | None:
        """The text of the quoted post (embed.record#viewRecord's value; not a list or feed)."""
        view = embed.get("record") or {}
        if embed.get("$type", "").startswith("app.bsky.embed.recordWithMedia"):
            view = view.get("record") or {}
        value = view.get("value") or {}
        if value.get("$type") not in (None, "app.bsky.feed.post"):
            return None
        return (value.get("text") or "").strip() or None

    @staticmethod
    def quoted_author(embed: dict) -> str | None:
        view = embed.get("record") or {}
        if embed.get("$type", "").startswith("app.bsky.embed.recordWithMedia"):
            view = view.get("record") or {}
        author = view.get("author") or {}
        return author.get("handle") or author.get("did")

    # -- deletions ----------------------------------------------------------------------------
    def closing(self, crawl):
        # Not reposts: getPosts never returns a repost record, so every one would look deleted.
        missing = self.vanished(crawl, kinds=(POST, REPLY, QUOTE))
        for start in range(0, len(missing), GET_POSTS_MAX):
            chunk = missing[start : start + GET_POSTS_MAX]
            uris = [sid.removeprefix("bluesky:") for sid in chunk]
            yield self.request(crawl, self.xrpc(crawl, "app.bsky.feed.getPosts", uris=uris), "parse_check",
                               critical=False, meta={"statement_ids": chunk})

    def parse_check(self, response, crawl):
        if response.status != 200:
            crawl.skip(f"check skipped: HTTP {response.status}", fault=False)
            return ()
        try:
            data = self.json(response)
            found = {post.get("uri") for post in data.get("posts", [])}
        except (Fault, AttributeError, TypeError):
            crawl.skip("check skipped: unreadable getPosts answer", fault=False)
            return ()
        for statement_id in response.meta["statement_ids"]:
            if statement_id.removeprefix("bluesky:") not in found:
                crawl.deleted.append(statement_id)
        return ()
