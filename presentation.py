"""How the published site shows a statement and a leader, in one place for the board, the leader
pages and their CSV and JSON exports (plugins/board.py, plugins/leader_page.py).

- Whose words: a leader's own post, their words quoted by a news outlet, or an outlet's
  paraphrase (never shown as the leader's words).
- The evidence that decided a judgment is marked inside the text only when it is the leader's own
  words; evidence read from the context (a reporter's sentence, the post answered) is shown apart.
- Whose verdict: the machine's (with its confidence) or an editor's (verified, with their name and
  note); a statement marked misattributed counts for nothing and says so.
- Links: only http(s) (sanitize.py). In a demo database the fictional sources were served by a
  replay server that is gone, so a source link goes to the statement's record on this site.
"""
from __future__ import annotations

import csv
import datetime as dt
import io

from markupsafe import Markup, escape

from onrecord.sanitize import clean_text, safe_url
from onrecord.vocabulary import (
    MISATTRIBUTED, NEWS, PARAPHRASE, POSITION_LABELS, VERIFIED,
)

EXCERPT_CHARS = 280  # either side of the evidence: enough to judge it in context
DEMO_SOURCE_NOTE = "demo: the fictional source is not online; this is its record here"


def highlight(text, evidence):
    """The text escaped, with the evidence marked; long texts cut around the evidence.
    Returns (html, whether the evidence was found in the text)."""
    text = text or ""
    start = text.lower().find(evidence.lower()) if evidence else -1
    if start < 0:
        cut = text[: EXCERPT_CHARS * 2]
        return escape(cut) + ("…" if len(text) > len(cut) else ""), False
    end = start + len(evidence)
    before = text[max(0, start - EXCERPT_CHARS) : start]
    after = text[end : end + EXCERPT_CHARS]
    return (
        ("…" if start > EXCERPT_CHARS else "")
        + escape(before)
        + Markup("<mark>")
        + escape(text[start:end])
        + Markup("</mark>")
        + escape(after)
        + ("…" if end + EXCERPT_CHARS < len(text) else "")
    ), True


def days_since(timestamp, now):
    if not timestamp:
        return None
    try:
        since = dt.datetime.strptime(timestamp[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=dt.timezone.utc)
    except ValueError:
        return None
    return max(0, (now - since).days)


def position_label(position) -> str:
    return POSITION_LABELS.get(position, position or "not judged")


def whose_words(kind, platform, outlet, name) -> tuple[str, str]:
    """(css class, label): own words, quoted in the news, or reported (a paraphrase)."""
    outlet = outlet or "a news article"
    if kind == PARAPHRASE:
        return "reported", f"Reported by {outlet}, in its own words (a paraphrase, not {name}'s words)"
    if platform == NEWS:
        return "quoted", f"{name}'s words, quoted by {outlet}"
    return "own", f"{name}'s own {kind or 'post'} on {platform}"


def statement_view(row: dict, leader_name: str, record_url: str, demo: bool) -> dict:
    """A statement_stances row (plus `outlet`) as the templates and exports show it."""
    view = {key: clean_text(value) for key, value in row.items()}
    own_evidence = view.get("evidence") if view.get("evidence_from") != "context" else ""
    view["html"], view["evidence_found"] = highlight(view.get("text"), own_evidence)
    view["words_class"], view["words_label"] = whose_words(view.get("kind"), view.get("platform"),
                                                           view.get("outlet"), leader_name)
    view["position_label"] = position_label(view.get("position"))
    view["record_url"] = record_url
    view["source_url"] = record_url if demo else safe_url(view.get("url"))
    view["source_note"] = DEMO_SOURCE_NOTE if demo else ""
    view["verified"] = view.get("judgment") == VERIFIED
    view["misattributed"] = view.get("judgment") == MISATTRIBUTED
    view["verdict_label"] = verdict_label(view)
    return view


def verdict_label(view: dict) -> str:
    """Whose verdict counts, in words."""
    if view.get("misattributed"):
        return f"marked misattributed by {view.get('editor')}: counts for nothing"
    if view.get("verified"):
        machine = view.get("machine_stance")
        changed = f" (the machine said {machine})" if machine and machine != view.get("stance") else ""
        return f"verified by {view.get('editor')}{changed}"
    confidence = view.get("confidence")
    figure = f"{confidence:.2f}" if isinstance(confidence, (int, float)) else "?"
    uncertain = ", too uncertain to count alone: awaiting review" if view.get("needs_review") else ""
    return f"machine, confidence {figure}{uncertain}"


def csv_text(rows: list[dict], columns: list[str]) -> str:
    """CSV with a header row; every value through the text rule, formulas defused for spreadsheets."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return out.getvalue()


def _cell(value):
    value = clean_text(value)
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value  # a spreadsheet would run it as a formula
    return value


def demo_database(datasette, name: str) -> bool:
    """True when the database served as `name` is a demo database (its sources are fictional and
    offline); computed once per server."""
    from onrecord.db.queries import is_demo_database

    known = datasette.__dict__.setdefault("_onrecord_demo", {})
    if name not in known:
        path = datasette.get_database(name).path
        known[name] = bool(path) and is_demo_database(path)
    return known[name]


def database_name(datasette) -> str:
    """`onrecord`, else the first file served (plain `datasette some.db --plugins-dir plugins`)."""
    from datasette.utils.asgi import NotFound

    from onrecord.vocabulary import DATABASE_NAME

    if DATABASE_NAME in datasette.databases:
        return DATABASE_NAME
    named = [name for name in datasette.databases if name not in ("_internal", "_memory")]
    if not named:
        raise NotFound("No database to show")
    return named[0]


def chosen_topic(topics: list[dict], request) -> dict | None:
    """The topic asked for with ?topic=, else the first."""
    wanted = request.args.get("topic")
    return next((t for t in topics if t["id"] == wanted), topics[0] if topics else None)


def topic_query(topic, topics) -> str:
    """`?topic=<id>` when there is a choice to keep in links, else nothing."""
    from urllib.parse import urlencode

    return "?" + urlencode({"topic": topic["id"]}) if topic and len(topics) > 1 else ""
