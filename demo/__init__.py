"""Fakes and the FICTIONAL demo, kept apart from the steps they imitate.

    replay.py   a local HTTP server replaying recorded or generated responses
    sites/      fake Mastodon, Bluesky, RSS/Atom and X servers built on it
    build.py    `onrecord demo`: the whole pipeline on data/ (fictional leaders, posts, articles)
"""
