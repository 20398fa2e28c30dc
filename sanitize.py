"""The one rule for crawled strings: what may be stored as text, and what may become a link.

Crawled text is anyone's bytes. Storage applies these rules at ingest (crawler/pipelines.py), and
the published site applies the same ones wherever a stored string becomes output (the board, the
Atom feed through the SQL functions of plugins/output_rules.py), so a string stored before the
rules existed is shown safely too.

- `clean_text`: no control characters (a NUL cuts a string short for SQLite's functions and makes
  lxml refuse the whole Atom feed), no lone surrogates (UTF-8 cannot encode them, so SQLite would
  refuse the whole batch), no non-characters XML forbids. Controls that separate words become a
  space; the others are dropped. Tab, newline and carriage return stay.
- `safe_url`: an absolute http(s) URL, or None. Never `javascript:`, `data:` or any other scheme,
  in any case, with or without leading spaces or controls (browsers ignore those).
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

MAX_TEXT_CHARS = 1_000_000  # far above any post or article; keeps every value well under the site's 10 MB limit
_SEPARATORS = re.compile("[\x0b\x0c\x1c-\x1f\x85]")  # controls that separate words
_DROPPED = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ufffe\uffff]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_ANY = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")  # any of the three
_URL_CONTROLS = re.compile("[\x00-\x20\x7f]")  # after trimming: any left inside makes a URL unusable
WEB_SCHEMES = ("http", "https")


def clean_text(value):
    """`value` with control characters, lone surrogates and XML non-characters removed (word
    separators become a space), cut to MAX_TEXT_CHARS. Anything but a string is returned as
    it is (None stays None); bytes are read as UTF-8, bad sequences replaced."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        return value
    if not _ANY.search(value):  # the common case: one scan, nothing to change
        return value if len(value) <= MAX_TEXT_CHARS else value[:MAX_TEXT_CHARS]
    value = _SEPARATORS.sub(" ", value)
    value = _DROPPED.sub("", value)
    value = _SURROGATES.sub("\ufffd", value)
    return value[:MAX_TEXT_CHARS]


def has_controls(value: str) -> bool:
    """True when `value` holds anything clean_text would remove or replace."""
    return bool(_ANY.search(value))


def safe_url(value) -> str | None:
    """`value` as a link if it is an absolute http or https URL, else None.

    Leading and trailing spaces and controls are trimmed and tabs and newlines inside removed, as
    browsers do before they read the scheme (so `" java\\tscript:..."` is recognised for what it
    is); a space inside becomes %20; any other control inside rejects the URL."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        return None
    url = value.strip("".join(map(chr, range(0x21))))
    url = re.sub("[\t\n\r]", "", url).replace(" ", "%20")
    if not url or _URL_CONTROLS.search(url) or _SURROGATES.search(url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or not host or not url.lower().startswith(f"{parts.scheme.lower()}://"):
        return None
    return url
