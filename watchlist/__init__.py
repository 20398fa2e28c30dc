"""Load and validate a watchlist (format in CONTRACT.md) before anything runs.

Validation walks YAML nodes rather than plain values, so each mistake is reported with the line
it is on: `watchlist.yml:12: leaders[3].accounts[0].platform: unknown platform 'mastadon' ...`.
Every mistake is reported at once, one line each (a broken entry's own details are skipped once
it cannot be read as an entry), so a long watchlist is fixed in one pass.
"""
import datetime as dt
import os
import re
from importlib import resources
from pathlib import Path

import yaml

from onrecord.sanitize import safe_url
from onrecord.vocabulary import ACCOUNT_PLATFORMS as PLATFORMS, BLUESKY, MASTODON, RSS, X

NEEDS_HANDLE = (MASTODON, BLUESKY, X)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MASTODON_HANDLE = re.compile(r"^@?[A-Za-z0-9_]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
BLUESKY_HANDLE = re.compile(r"^@?(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}$|^did:plc:[a-z2-7]{24}$")
X_HANDLE = re.compile(r"^@?[A-Za-z0-9_]{1,15}$")
HANDLE_FORMATS = {
    MASTODON: (MASTODON_HANDLE, "user@instance.example"),
    BLUESKY: (BLUESKY_HANDLE, "name.bsky.social or a did:plc"),
    X: (X_HANDLE, "1-15 letters, digits or _"),
}
KEYS = {
    "top": {"topic", "leaders", "news", "archive"},
    "topic": {"id", "name", "since", "terms", "description"},
    "leader": {"id", "name", "aliases", "title", "organization", "accounts", "note"},
    "account": {"platform", "handle", "url", "api", "note"},
    "news": {"url", "name", "note", "leaders"},
    "archive": {"provider", "terms", "api", "note"},
}
ARCHIVE_PROVIDERS = ("gdelt",)  # crawler/gdelt.py
BUNDLED = Path(str(resources.files(__name__) / "default.yml"))


class WatchlistError(ValueError):
    """A mistake in a watchlist, located by file and line; `errors` holds every mistake found
    (this one first), and the message is one line per mistake."""

    def __init__(self, path, line, field, message, more=()):
        self.path, self.line, self.field = str(path), line, field
        self.errors = [self] + list(more)
        lines = [f"{path}:{line}: {field}: {message}"] + [str(error) for error in more]
        super().__init__("\n".join(lines))


class _Unreadable(Exception):
    """An entry that cannot be read as one: its mistake is recorded, its details skipped."""


def default_watchlist_path() -> Path:
    """`--watchlist` default: $ONRECORD_WATCHLIST, else ./watchlist.yml, else the bundled list."""
    if os.environ.get("ONRECORD_WATCHLIST"):
        return Path(os.environ["ONRECORD_WATCHLIST"])
    local = Path("watchlist.yml")
    return local if local.exists() else BUNDLED


def account_id(account: dict) -> str:
    """Stable id of an account: `<platform>:<handle>` (lower case, no @) or `rss:<url>`."""
    if account["platform"] == RSS:
        return f"rss:{account['url']}"
    return f"{account['platform']}:{account['handle'].lstrip('@').lower()}"


def load_watchlist(path=None) -> dict:
    """Parse and validate; returns plain dicts, accounts carrying their `id`. Raises WatchlistError."""
    path = Path(path) if path else default_watchlist_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise WatchlistError(path, 0, "file", "not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise WatchlistError(path, 0, "file", f"cannot be read: {error}") from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        raise WatchlistError(path, line, "yaml", f"syntax error: {error.problem}") from None
    return _Validator(path).watchlist(root)


class _Validator:
    def __init__(self, path):
        self.path = path
        self.errors: list[tuple[int, str, str]] = []

    def fail(self, node, field, message):
        """Record a mistake and go on with the rest."""
        line = node.start_mark.line + 1 if node is not None else 1
        self.errors.append((line, field, message))

    def unreadable(self, node, field, message):
        """Record a mistake that makes the entry unreadable, and skip the rest of that entry."""
        self.fail(node, field, message)
        raise _Unreadable

    def each(self, nodes, read):
        """read(index, node) for each entry of a list; an unreadable entry is left out."""
        out = []
        for index, node in enumerate(nodes):
            try:
                out.append(read(index, node))
            except _Unreadable:
                continue
        return out

    def mapping(self, node, field, kind) -> dict:
        """A mapping node as {key: value node}; unknown and repeated keys are mistakes."""
        if not isinstance(node, yaml.MappingNode):
            self.unreadable(node, field or "file", "expected a mapping (key: value lines)")
        items = {}
        for key_node, value_node in node.value:
            key = key_node.value
            name = f"{field}.{key}" if field else key
            if key not in KEYS[kind]:
                self.fail(key_node, name, f"unknown key (expected one of {', '.join(sorted(KEYS[kind]))})")
            elif key in items:
                self.fail(key_node, name, "given twice")
            else:
                items[key] = value_node
        return items

    def sequence(self, node, field) -> list:
        if node is None or (isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null")):
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.fail(node, field, "expected a list")
            return []
        return node.value

    def text(self, items, key, field, parent, required=False):
        node = items.get(key)
        name = f"{field}.{key}"
        if node is None or (isinstance(node, yaml.ScalarNode) and node.value.strip() in ("", "~", "null")):
            if required:
                self.fail(node if node is not None else parent, name, "missing (required)")
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.fail(node, name, "expected a single value")
            return None
        return node.value.strip()

    def url(self, items, key, field, parent, required=False):
        value = self.text(items, key, field, parent, required)
        if value is not None and safe_url(value) != value:  # the one link rule (sanitize.py)
            self.fail(items[key], f"{field}.{key}", f"not an http(s) URL: {value!r}")
            return None
        return value

    def watchlist(self, root) -> dict:
        if root is None:
            raise WatchlistError(self.path, 1, "file", "is empty")
        try:
            top = self.mapping(root, "", "top")
        except _Unreadable:
            top = {}
        if "topic" not in top and not self.errors:
            self.fail(root, "topic", "missing (required)")
        try:
            topic = self.topic(top["topic"]) if "topic" in top else None
        except _Unreadable:
            topic = None
        leaders = self.leaders(top.get("leaders"))
        watchlist = {
            "topic": topic,
            "leaders": leaders,
            "news": self.news(top.get("news"), {leader["id"] for leader in leaders}),
            "path": str(self.path),
        }
        if top.get("archive") is not None:
            try:
                watchlist["archive"] = self.archive(top["archive"])
            except _Unreadable:
                pass
            if topic is not None and topic["since"] is None:
                self.fail(top["archive"], "topic.since", "required with an archive: the archive is searched from it")
        if self.errors:
            found = [WatchlistError(self.path, line, field, message)
                     for line, field, message in sorted(self.errors, key=lambda error: error[0])]
            first = found[0]
            raise WatchlistError(self.path, first.line, first.field, str(first).split(": ", 2)[2], more=found[1:])
        return watchlist

    def topic(self, node) -> dict:
        items = self.mapping(node, "topic", "topic")
        topic = {
            "id": self.text(items, "id", "topic", node, required=True),
            "name": self.text(items, "name", "topic", node, required=True),
            "since": None,
            "terms": [],
        }
        if topic["id"] is not None and not SLUG.match(topic["id"]):
            self.fail(items["id"], "topic.id", f"{topic['id']!r} is not a slug (lower-case words joined by -)")
        since = self.text(items, "since", "topic", node)
        if since is not None:
            try:
                topic["since"] = dt.date.fromisoformat(since).isoformat() + "T00:00:00Z"
            except ValueError:
                self.fail(items["since"], "topic.since", f"{since!r} is not a date (YYYY-MM-DD)")
        for index, term in enumerate(self.sequence(items.get("terms"), "topic.terms")):
            if not isinstance(term, yaml.ScalarNode) or not term.value.strip():
                self.fail(term, f"topic.terms[{index}]", "expected a word or phrase")
                continue
            topic["terms"].append(term.value.strip())
        description = self.text(items, "description", "topic", node)
        if description:
            topic["description"] = description
        return topic

    def leaders(self, node) -> list:
        seen_leaders, seen_accounts = {}, {}

        def leader(index, leader_node):
            field = f"leaders[{index}]"
            items = self.mapping(leader_node, field, "leader")
            leader = {
                "id": self.text(items, "id", field, leader_node, required=True),
                "name": self.text(items, "name", field, leader_node, required=True),
                "title": self.text(items, "title", field, leader_node),
                "organization": self.text(items, "organization", field, leader_node),
                "aliases": [],
                "accounts": [],
            }
            if leader["id"] is not None and not SLUG.match(leader["id"]):
                self.fail(items["id"], f"{field}.id", f"{leader['id']!r} is not a slug (lower-case words joined by -)")
            elif leader["id"] in seen_leaders:
                self.fail(items["id"], f"{field}.id", f"duplicate id {leader['id']!r} (first on line {seen_leaders[leader['id']]})")
            elif leader["id"] is not None:
                seen_leaders[leader["id"]] = items["id"].start_mark.line + 1
            for alias_index, alias in enumerate(self.sequence(items.get("aliases"), f"{field}.aliases")):
                if not isinstance(alias, yaml.ScalarNode) or not alias.value.strip():
                    self.fail(alias, f"{field}.aliases[{alias_index}]", "expected a name")
                    continue
                leader["aliases"].append(alias.value.strip())

            def account(account_index, account_node):
                account_field = f"{field}.accounts[{account_index}]"
                account = self.account(account_node, account_field)
                if account["id"] in seen_accounts:
                    self.unreadable(account_node, account_field, f"duplicate account {account['id']!r} (first on line {seen_accounts[account['id']]})")
                seen_accounts[account["id"]] = account_node.start_mark.line + 1
                return account

            leader["accounts"] = self.each(self.sequence(items.get("accounts"), f"{field}.accounts"), account)
            return leader

        return self.each(self.sequence(node, "leaders"), leader)

    def account(self, node, field) -> dict:
        """An account; unreadable (skipped after its mistakes are recorded) unless it is usable."""
        items = self.mapping(node, field, "account")
        mistakes = len(self.errors)
        platform = self.text(items, "platform", field, node, required=True)
        if platform is not None and platform not in PLATFORMS:
            self.fail(items["platform"], f"{field}.platform", f"unknown platform {platform!r} (expected one of {', '.join(PLATFORMS)})")
        account = {
            "platform": platform,
            "handle": self.text(items, "handle", field, node),
            "url": self.url(items, "url", field, node),
            "api": self.url(items, "api", field, node),
        }
        if platform in NEEDS_HANDLE:
            pattern, example = HANDLE_FORMATS[platform]
            if account["handle"] is None:
                self.fail(node, f"{field}.handle", f"a {platform} account needs a handle")
            elif not pattern.match(account["handle"]):
                self.fail(items["handle"], f"{field}.handle", f"{account['handle']!r} is not a {platform} handle ({example})")
            else:
                account["handle"] = account["handle"].lstrip("@")
        elif platform == RSS and account["url"] is None and "url" not in items:
            self.fail(node, f"{field}.url", "an rss account needs the feed's url")
        if len(self.errors) > mistakes:
            raise _Unreadable
        account["id"] = account_id(account)
        return account

    def news(self, node, leader_ids: set) -> list:
        seen = {}

        def source(index, source_node):
            field = f"news[{index}]"
            items = self.mapping(source_node, field, "news")
            url = self.url(items, "url", field, source_node, required=True)
            if url is None:
                raise _Unreadable
            if url in seen:
                self.unreadable(source_node, f"{field}.url", f"duplicate news source (first on line {seen[url]})")
            seen[url] = source_node.start_mark.line + 1
            source = {"url": url, "name": self.text(items, "name", field, source_node)}
            # An organisation's feed (a newsroom) is read for its leaders' quoted words only.
            scope = self.words(items.get("leaders"), f"{field}.leaders", "a leader id")
            for leader_node, leader_id in scope:
                if leader_id not in leader_ids:
                    self.fail(leader_node, f"{field}.leaders", f"unknown leader {leader_id!r} (not in leaders)")
            if scope:
                source["leaders"] = [leader_id for _, leader_id in scope]
            return source

        return self.each(self.sequence(node, "news"), source)

    def words(self, node, field, what) -> list[tuple]:
        """(node, text) of a list of words or phrases."""
        found = []
        for index, item in enumerate(self.sequence(node, field)):
            if not isinstance(item, yaml.ScalarNode) or not item.value.strip():
                self.fail(item, f"{field}[{index}]", f"expected {what}")
                continue
            found.append((item, item.value.strip()))
        return found

    def archive(self, node) -> dict:
        items = self.mapping(node, "archive", "archive")
        provider = self.text(items, "provider", "archive", node) or ARCHIVE_PROVIDERS[0]
        if provider not in ARCHIVE_PROVIDERS:
            self.fail(items["provider"], "archive.provider",
                      f"unknown archive {provider!r} (expected one of {', '.join(ARCHIVE_PROVIDERS)})")
        terms = [term for _, term in self.words(items.get("terms"), "archive.terms", "a word or phrase")]
        if not terms:
            self.fail(items.get("terms", node), "archive.terms", "missing: the topic's words, searched with each leader's name")
        return {"provider": provider, "terms": terms, "api": self.url(items, "api", "archive", node)}
