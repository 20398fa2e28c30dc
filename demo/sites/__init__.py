"""Fake Mastodon, Bluesky, RSS/Atom and X servers, and a fake news archive (GDELT's DOC API), generated from lists of fictional posts and
served by `onrecord.demo.replay.ReplayServer`. Their payloads follow the real ones recorded in
tests/fixtures (field names, Link headers with max_id/min_id, cursors, error bodies), so the
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

        archive = GdeltArchive(server, covers_from=..., terms=[...])   # watchlist archive.api: server.url(PATH)

Each site's posts list (`.posts`, newest first) may be changed between crawls with add/edit/delete.
Mastodon, Bluesky and X enforce their platforms' published request budgets with their rate-limit
headers and 429s (demo/sites/limits.py; `limits=()` switches that off, `limits=[...]` sets others).
"""
from onrecord.demo.sites.bluesky import BlueskyActor, BlueskyAppView
from onrecord.demo.sites.gdelt import GdeltArchive, article_page
from onrecord.demo.sites.mastodon import MastodonAccount, MastodonInstance
from onrecord.demo.sites.posts import FakePost, make_posts
from onrecord.demo.sites.rss import RssFeed
from onrecord.demo.sites.x import XApi, XUser

__all__ = ["BlueskyActor", "BlueskyAppView", "FakePost", "GdeltArchive", "MastodonAccount", "MastodonInstance",
           "RssFeed", "XApi", "XUser", "article_page", "make_posts"]
