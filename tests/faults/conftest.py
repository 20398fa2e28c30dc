"""The fault matrix (issue 14): each fault class through the real crawler, the real database and
a served Datasette, with what the user sees and what the database holds after. The README's
"Faults" table lists the same cases.

`crawl_offline` and `db` are the crawler tests' own fixtures (tests/crawler/conftest.py):
crawler.crawl.crawl_watchlist in this process against the replay server without sockets, and the
crawled file read back. The tests that need `onrecord crawl` as a child process start it
themselves. Everything here is fictional."""
import copy
import json

from tests.crawler.conftest import FIXTURES, crawl_offline, db  # noqa: F401  (fixtures)


def recorded(name: str):
    """A recorded real response body (tests/fixtures), parsed."""
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def variant(item: dict, **changes) -> dict:
    """A deep copy of a real item with some fields replaced (a dotted key reaches inside)."""
    item = copy.deepcopy(item)
    for key, value in changes.items():
        *path, last = key.split("__")
        target = item
        for part in path:
            target = target[part]
        target[last] = value
    return item
