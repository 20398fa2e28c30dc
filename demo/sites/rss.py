"""A fake blog feed, RSS 2.0 or Atom, with ETag and Last-Modified (so a re-crawl can get a 304).
Every post is fictional."""
from __future__ import annotations

import html
from datetime import datetime, timezone
from email.utils import format_datetime

from onrecord.demo.replay import Reply, ReplayServer
from onrecord.demo.sites.posts import FakePost, digest


class RssFeed:
    """A blog feed at `path`: RSS 2.0 (default) or Atom, with ETag and Last-Modified."""

    def __init__(self, server: ReplayServer, path: str, posts: list[FakePost], atom: bool = False,
                 encoding: str = "utf-8", title: str = "A fictional blog"):
        self.server, self.path, self.posts, self.atom = server, path, list(posts), atom
        self.encoding, self.title = encoding, title
        self.raw: bytes | None = None  # set to serve exact bytes instead (malformed-feed tests)
        for index, post in enumerate(self.posts):
            post.id = post.id or f"post-{digest(path, post.text)[:10]}"
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
                     etag=f'"{digest(body)[:16]}"', last_modified=format_datetime(newest.astimezone(timezone.utc), usegmt=True))
