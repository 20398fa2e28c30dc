"""Fictional posts for the fake platforms, and the id and time formats they share.

Every person and post made here is fictional."""
from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from onrecord.vocabulary import OWN_POST_KINDS

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
               kinds=OWN_POST_KINDS) -> list[FakePost]:
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


def cached_json(cache: dict, key, build) -> str:
    """A post's JSON, rendered once per version (key includes its text and edit time), so the
    fake server spends little CPU and a benchmark measures the crawler."""
    if key not in cache:
        cache[key] = json.dumps(build())
    return cache[key]


def iso_ms(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def snowflake(moment: datetime, salt: int) -> str:
    """Mastodon / X style id: milliseconds since the epoch shifted left 16 bits plus a sequence."""
    return str((int(moment.timestamp() * 1000) << 16) | (salt & 0xFFFF))


def digest(*parts) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()


def b32(text: str, length: int) -> str:
    alphabet = "abcdefghijklmnopqrstuvwxyz234567"
    number = int(digest(text), 16)
    return "".join(alphabet[(number >> (5 * i)) & 31] for i in range(length))
