"""/leaders/<id>: one leader's page, printable, for a newsroom to read before quoting a finding.

- the headline position and how we know it (leader_stances: position, verified or machine, and the
  coverage sentence);
- the history: their first statement on the topic, each change of side (position_events), the
  latest statement;
- every statement that bears on it, in time order: whose words (their own, quoted by an outlet,
  an outlet's paraphrase), the evidence marked, whose verdict (machine or verified, the editor's
  note), a statement marked misattributed set apart, links to the source and the record;
- their accounts, each with its health (source_health) and what it covered (leader_coverage).

/leaders/<id>.json exports all of it, /leaders/<id>.csv the statements. Each query reads one
leader's rows through an index (their headline too: leader_stances for one leader, 50 ms where the
whole view takes 200 ms on a million statements)."""
from datasette import hookimpl
from datasette.utils import tilde_decode, tilde_encode
from datasette.utils.asgi import NotFound, Response

from onrecord.presentation import (
    chosen_topic, csv_text, database_name, demo_database, position_label, statement_view, topic_query,
)
from onrecord.db.views import LEADER_HEADLINE_SQL
from onrecord.sanitize import clean_text, safe_url
from onrecord.vocabulary import CONDEMNED, MISATTRIBUTED, NO_SIDE, SUPPORTED

# leader_stances for this leader only (db/views.py), kept by plugins/query_cache.py until the database changes
HEADLINE_SQL = "/* onrecord:cache */" + LEADER_HEADLINE_SQL
STATEMENTS_SQL = """
select ss.*, (select src.outlet from statement_sources src where src.statement_id = ss.statement_id
              order by src.first_seen_at, src.source_url limit 1) as outlet
from statement_stances ss
where ss.leader_id = :leader and ss.topic_id = :topic
  and (ss.on_topic = 1 or ss.stance != 'silent' or ss.judgment = :misattributed)
order by ss.published_at, ss.statement_id
"""
EVENTS_SQL = """select event, published_at, position, previous_position, judgment, statement_id
from position_events where leader_id = :leader and topic_id = :topic order by published_at, statement_id"""
HEALTH_SQL = "select * from source_health where leader_id = :leader"
COVERAGE_SQL = """select kind, channel, label, source, covered_from, covered_to, whole_window, posts, last_status,
  last_crawl_at, gap from leader_coverage where leader_id = :leader and topic_id = :topic
order by kind = 'own' desc, kind, channel, source"""
ACCOUNTS_SQL = "select id, platform, handle, url from accounts where leader_id = :leader order by platform, id"
COUNTED = (CONDEMNED, SUPPORTED, NO_SIDE)
EVENT_WORDS = {"first": "First statement on the topic", "took_side": "Took a side", "changed": "Changed sides",
               "reversed": "Reversed again"}
CSV_COLUMNS = ["leader_id", "name", "headline", "headline_verified", "published_at", "position", "stance",
               "on_topic", "whose_words", "text", "evidence", "evidence_from", "verdict", "confidence",
               "needs_review", "editor", "note", "platform", "kind", "source_url", "record", "statement_id"]


async def leader_page(request, datasette):
    name = database_name(datasette)
    db = datasette.get_database(name)
    leader_id = tilde_decode(request.url_vars["leader_id"])
    leader = (await db.execute("select id, name, aliases, title, organization from leaders where id = :id",
                               {"id": leader_id})).first()
    if leader is None:
        raise NotFound(f"No leader {leader_id!r} in the watchlist")
    topics = [dict(row) for row in (await db.execute("select id, name, since from topics order by id")).rows]
    topic = chosen_topic(topics, request)
    page = await gather(datasette, db, name, dict(leader), topic) if topic else {"leader": dict(leader)}
    page.update(topic=topic, topics=topics, database=name, topic_query=topic_query(topic, topics),
                base=datasette.urls.path(f"/leaders/{tilde_encode(leader_id)}"))
    fmt = request.url_vars.get("format")
    if fmt == "json":
        return Response.json(export_json(datasette, request, page))
    if fmt == "csv":
        return Response(csv_text(export_rows(datasette, request, page), CSV_COLUMNS),
                        content_type="text/csv; charset=utf-8",
                        headers={"content-disposition": f'attachment; filename="onrecord-{leader_id}.csv"'})
    return Response.html(await datasette.render_template("leader.html", page, request=request))


async def gather(datasette, db, name, leader, topic) -> dict:
    params = {"leader": leader["id"], "topic": topic["id"]}
    headline = next((dict(row) for row in (await db.execute(HEADLINE_SQL, {"leader": leader["id"]})).rows
                     if row["topic_id"] == topic["id"]), None)
    rows = (await db.execute(STATEMENTS_SQL, {**params, "misattributed": MISATTRIBUTED})).rows
    demo = demo_database(datasette, name)
    statements = [statement_view(dict(row), leader["name"],
                                 datasette.urls.row(name, "statements", tilde_encode(row["statement_id"])), demo)
                  for row in rows]
    for view in statements:
        view["before_window"] = bool(topic.get("since") and (view.get("published_at") or "") < topic["since"])
        view["anchor"] = "s-" + tilde_encode(view["statement_id"]).replace("~", "-")
    by_id = {view["statement_id"]: view for view in statements}
    events = [dict(row) for row in (await db.execute(EVENTS_SQL, params)).rows]
    for event in events:
        event["words"] = EVENT_WORDS.get(event["event"], event["event"])
        event["statement"] = by_id.get(event["statement_id"])
    counted = [v for v in statements if v["position"] in COUNTED and not v["needs_review"] and not v["before_window"]]
    latest = counted[-1] if counted else None
    health = {row["source"]: dict(row) for row in (await db.execute(HEALTH_SQL, params)).rows}
    coverage = [{key: clean_text(value) for key, value in dict(row).items()}
                for row in (await db.execute(COVERAGE_SQL, params)).rows]
    accounts = []
    for row in (await db.execute(ACCOUNTS_SQL, params)).rows:
        account = dict(row)
        account["link"] = safe_url(account["url"]) if account["url"] else None
        account["health"] = health.get(account["id"], {})
        account["coverage"] = next((c for c in coverage if c["source"] == account["id"]), {})
        accounts.append(account)
    if headline:
        headline["position_label"] = position_label(headline["position"])
    return {"leader": leader, "headline": headline, "statements": statements, "events": events, "latest": latest,
            "accounts": accounts, "channels": [c for c in coverage if c["kind"] != "own"],
            "counts": {kind: sum(1 for v in statements if v["words_class"] == kind) for kind in ("own", "quoted", "reported")}}


def export_rows(datasette, request, page) -> list[dict]:
    leader, headline = page["leader"], page.get("headline") or {}
    return [{"leader_id": leader["id"], "name": leader["name"], "headline": headline.get("position"),
             "headline_verified": headline.get("verified"), "published_at": v.get("published_at"),
             "position": v.get("position"), "stance": v.get("stance"), "on_topic": v.get("on_topic"),
             "whose_words": v["words_label"], "text": v.get("text"), "evidence": v.get("evidence"),
             "evidence_from": v.get("evidence_from"), "verdict": v["verdict_label"],
             "confidence": v.get("confidence"), "needs_review": v.get("needs_review"), "editor": v.get("editor"),
             "note": v.get("note"), "platform": v.get("platform"), "kind": v.get("kind"),
             "source_url": v.get("source_url") and datasette.absolute_url(request, v["source_url"]),
             "record": datasette.absolute_url(request, v["record_url"]), "statement_id": v["statement_id"]}
            for v in page.get("statements", [])]


def export_json(datasette, request, page) -> dict:
    headline = dict(page.get("headline") or {})
    return {
        "leader": page["leader"], "topic": page["topic"], "headline": headline,
        "history": [{key: event[key] for key in ("event", "published_at", "position", "previous_position",
                                                  "judgment", "statement_id")} for event in page.get("events", [])],
        "statements": export_rows(datasette, request, page),
        "accounts": [{"id": a["id"], "platform": a["platform"], "handle": a["handle"], "url": a["link"],
                      "health": a["health"].get("health"), "reason": a["health"].get("reason"),
                      "last_crawl_at": a["health"].get("last_crawl_at"),
                      "covered_from": a["coverage"].get("covered_from"), "covered_to": a["coverage"].get("covered_to"),
                      "whole_window": a["coverage"].get("whole_window")} for a in page.get("accounts", [])],
        "channels": page.get("channels", []),
    }


@hookimpl
def register_routes():
    return [(r"^/leaders/(?P<leader_id>[^/]+?)(?:\.(?P<format>json|csv))?$", leader_page)]
