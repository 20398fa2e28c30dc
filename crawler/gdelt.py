"""The GDELT DOC 2.0 API, the news archive a crawl searches by default: queries, the response
format, and the slices a window is searched in. Pure functions; the spider is
crawler/spiders/archive.py.

What the API is (from GDELT's announcement and documentation,
https://blog.gdeltproject.org/gdelt-doc-2-0-api-debuts/, and the MIT-licensed client
github.com/alex9smith/gdelt-doc-api: gdeltdoc/api_client.py, filters.py, helpers.py):

- GET https://api.gdeltproject.org/api/v2/doc/doc?query=Q&mode=artlist&format=json
  &startdatetime=YYYYMMDDHHMMSS&enddatetime=YYYYMMDDHHMMSS&maxrecords=N (N <= 250)&sort=dateasc
- Q: phrases in double quotes, alternatives OR'd inside parentheses: `"Tim Cook" (ICE OR
  "Border Patrol")`.
- An artlist answer is JSON `{"articles": [{"url", "url_mobile", "title", "seendate":
  "20260918T031500Z", "socialimage", "domain", "language", "sourcecountry"}, ...]}`, and `{}`
  when nothing matched. It sometimes holds characters that make it invalid JSON (the client
  blanks the character at the position the parser names and tries again).
- A query GDELT cannot run (a phrase too short or too long, a bad operator) is answered with a
  one-line text/html message, often with HTTP 200. Rate limiting is HTTP 429 with a text body
  asking to limit requests to one every 5 seconds.
- It searches a rolling window of about the last three months: earlier dates "may still return
  data, but it's not guaranteed". Older windows need GDELT's BigQuery tables
  (gdelt-bq.gdeltv2.gkg) or another archive. So a crawl measures what the archive covers (a probe
  for the topic in each slice of the window) instead of assuming it.
"""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from urllib.parse import urlencode

from onrecord.db.times import FORMAT

DEFAULT_API = "https://api.gdeltproject.org/api/v2/doc/doc"
MAX_RECORDS = 250  # the API's maximum per call: a search that returns this many may have more
GDELT_TIME = "%Y%m%d%H%M%S"
SEENDATE = "%Y%m%dT%H%M%SZ"
INVALID_CHARACTERS_MAX = 100  # blanked before a response counts as malformed


class ArchiveError(Exception):
    """GDELT's own message for a query it cannot run, or a response that is not its JSON."""


def phrase(text: str) -> str:
    """One term of a query: a phrase in double quotes, a single word as it is."""
    words = " ".join(text.replace('"', " ").split())
    return f'"{words}"' if " " in words else words


def any_of(terms) -> str:
    """Terms OR'd: parentheses around two or more (GDELT requires them)."""
    terms = [phrase(term) for term in terms if term.strip()]
    return terms[0] if len(terms) == 1 else "(" + " OR ".join(terms) + ")"


def topic_query(terms) -> str:
    """The probe: the topic's terms alone, to see which slices the archive covers."""
    return any_of(terms)


def leader_names(leader: dict) -> list[str]:
    """A leader's full name and multi-word aliases: a surname alone finds too many people."""
    names = [leader["name"], *leader.get("aliases", [])]
    return [name for name in dict.fromkeys(" ".join(n.split()) for n in names) if len(name.split()) > 1]


def leader_query(leader: dict, terms) -> str:
    """A leader's search: their names and the topic's terms."""
    names = leader_names(leader) or [leader["name"]]
    return f"{any_of(names)} {any_of(terms)}"


def query_url(api: str, query: str, **params) -> str:
    """The API URL of an artlist query (without dates: the address a crawls row shows)."""
    return f"{api}?{urlencode({'query': query, 'mode': 'artlist', 'format': 'json', **params})}"


def search_url(api: str, query: str, start: datetime, end: datetime, records: int = MAX_RECORDS) -> str:
    """One artlist search over [start, end), oldest first."""
    return query_url(api, query, maxrecords=records, sort="dateasc",
                     startdatetime=start.strftime(GDELT_TIME), enddatetime=end.strftime(GDELT_TIME))


def parse_artlist(body: bytes, content_type: str) -> list[dict]:
    """The articles of an artlist answer; ArchiveError with GDELT's message for an error page."""
    text = body.decode("utf-8", errors="replace")
    if "html" in content_type or text.lstrip()[:1] not in ("{", "["):
        message = " ".join(text.split())[:200] or "empty answer"
        raise ArchiveError(f"GDELT: {message}")
    data = lenient_json(text)
    if not isinstance(data, dict):
        raise ArchiveError("unexpected JSON (not an object)")
    articles = data.get("articles") or []
    if not isinstance(articles, list):
        raise ArchiveError("unexpected JSON (articles is not a list)")
    return [article for article in articles if isinstance(article, dict) and article.get("url")]


def lenient_json(text: str):
    """JSON that GDELT sometimes breaks with a stray character: blank the character the parser
    names and try again (as gdeltdoc's helpers.load_json does), a bounded number of times."""
    for _ in range(INVALID_CHARACTERS_MAX):
        try:
            return json.loads(text, strict=False)
        except json.JSONDecodeError as error:
            if error.pos >= len(text):
                break
            text = text[: error.pos] + " " + text[error.pos + 1 :]
    raise ArchiveError("malformed JSON")


def seen_at(article: dict) -> str | None:
    """An article's `seendate` (when GDELT saw it) in the database's format."""
    try:
        return datetime.strptime(article.get("seendate") or "", SEENDATE).replace(tzinfo=timezone.utc).strftime(FORMAT)
    except ValueError:
        return None


def parse_time(value: str) -> datetime:
    return datetime.strptime(value, FORMAT).replace(tzinfo=timezone.utc)


def slices(since: str, now: datetime, days: float) -> list[tuple[datetime, datetime]]:
    """The window from `since` to `now` cut into slices of `days`, oldest first, aligned on
    `since` so a slice keeps its bounds from one crawl to the next; the last ends in the future."""
    start, step, found = parse_time(since), timedelta(days=days), []
    while start < now:
        found.append((start, start + step))
        start += step
    return found


def key(moment: datetime) -> str:
    return moment.strftime(FORMAT)
