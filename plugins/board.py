"""/board: one card per leader, headed by their position (condemned, supported, no side taken, said
nothing, not enough read) and whether an editor verified the judgment it rests on, with their
latest on-topic statement in the window and the evidence that decided it highlighted, and the
basis in one line (leader_stances.coverage: what was read, since when, and what is missing).
A paraphrase (a news outlet's words reporting what the leader said) is shown as "reported by
<outlet>", never as the leader's words. /board.csv and /board.json export the same rows.

Two queries whatever the size of the database: leader_stances (kept by plugins/query_cache.py),
then the judgments of the statements shown, by id."""
import datetime as dt
from functools import lru_cache
from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils import tilde_encode
from datasette.utils.asgi import Response
from markupsafe import Markup

from onrecord.presentation import (
    chosen_topic, csv_text, database_name, days_since, demo_database, position_label, statement_view, topic_query,
)
from onrecord.publish import TEMPLATES_DIR
from onrecord.vocabulary import DATABASE_NAME, LEADER_POSITIONS

DATABASE = DATABASE_NAME  # as `onrecord serve` names it, whatever the file is called

# One row per leader: the summary view (with the latest on-topic statement's id), and how many of
# the sides they took are paraphrases.
BOARD_SQL = """/* onrecord:cache */
select l.id, l.name, l.title, l.organization, ls.stance, ls.position, ls.position_since, ls.verified,
  ls.reviewed, ls.condemning, ls.supporting, ls.on_topic, ls.last_statement_at, ls.monitored_since,
  ls.coverage, ls.needs_review, ls.last_statement_id as statement_id,
  coalesce(rp.reported_sided, 0) as reported_sided
from leader_stances ls
join leaders l on l.id = ls.leader_id
-- sided statements in the window that are paraphrases (a news outlet's words reporting theirs):
-- read through the index on kind, so only the paraphrases are visited, however many posts there are
left join (
  select s3.leader_id, count(*) as reported_sided
  from statements s3
  join topics t3 on t3.id = :topic
  where s3.kind = 'paraphrase' and (t3.since is null or s3.published_at >= t3.since)
    and exists (select 1 from judgments j3 where j3.statement_id = s3.id and j3.topic_id = :topic
                and j3.stance in ('condemning', 'supporting') and j3.needs_review = 0)
  group by s3.leader_id
) rp on rp.leader_id = l.id
where ls.topic_id = :topic
"""
# The judgments of the statements shown, by id (each a seek into both arms of `judgments`).
STATEMENTS_SQL = """
select ss.*, (select src.outlet from statement_sources src where src.statement_id = ss.statement_id
              order by src.first_seen_at, src.source_url limit 1) as outlet
from statement_stances ss
where ss.topic_id = :topic and ss.statement_id in ({marks})
"""
CARD_FIELDS = ("id", "name", "title", "organization", "stance", "position", "position_since", "verified", "reviewed",
               "condemning", "supporting", "on_topic", "last_statement_at", "monitored_since", "coverage",
               "reported_sided", "needs_review")
CSV_COLUMNS = ["leader_id", "name", "title", "organization", "position", "verified", "stance", "condemning",
               "supporting", "on_topic", "needs_review", "position_since", "last_statement_at", "monitored_since",
               "coverage", "statement_text", "statement_whose_words", "statement_position", "statement_verdict",
               "statement_published_at", "statement_url", "statement_record", "leader_page"]


@lru_cache(maxsize=1)
def cards_template():
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)), autoescape=True)
    return env.get_template("board_cards.html")


async def topics_and_choice(db, request):
    topics = [dict(row) for row in (await db.execute("select id, name, since from topics order by id")).rows]
    return topics, chosen_topic(topics, request)


async def statements_by_id(db, topic_id, ids, names, datasette, name) -> dict:
    """statement id -> its view (presentation.statement_view), for these ids."""
    ids = [i for i in ids if i]
    if not ids:
        return {}
    marks = ", ".join(f":s{n}" for n in range(len(ids)))
    params = {"topic": topic_id, **{f"s{n}": value for n, value in enumerate(ids)}}
    rows = (await db.execute(STATEMENTS_SQL.format(marks=marks), params)).rows
    demo = demo_database(datasette, name)
    return {row["statement_id"]: statement_view(dict(row), names.get(row["leader_id"], ""),
                                                 datasette.urls.row(name, "statements", tilde_encode(row["statement_id"])),
                                                 demo)
            for row in rows}


async def board_cards(datasette, request):
    name = database_name(datasette)
    db = datasette.get_database(name)
    topics, topic = await topics_and_choice(db, request)
    cards = []
    if topic:
        rows = (await db.execute(BOARD_SQL, {"topic": topic["id"]})).rows
        names = {row["id"]: row["name"] for row in rows}
        statements = await statements_by_id(db, topic["id"], [row["statement_id"] for row in rows], names, datasette, name)
        now = dt.datetime.now(dt.timezone.utc)
        for row in rows:
            card = {key: row[key] for key in CARD_FIELDS}
            card["position_label"] = position_label(row["position"])
            card["statement"] = statements.get(row["statement_id"])
            card["days_monitored"] = days_since(row["monitored_since"], now)
            card["page_url"] = leader_page_url(datasette, row["id"], topic, topics)
            card["timeline_url"] = datasette.urls.query(name, "leader_timeline") + "?" + urlencode({"leader": row["id"]})
            card["coverage_url"] = (datasette.urls.table(name, "leader_coverage") + "?"
                                    + urlencode({"leader_id": row["id"], "topic_id": topic["id"]}))
            card["review_url"] = (datasette.urls.table(name, "review_queue") + "?"
                                  + urlencode({"leader_id": row["id"], "topic_id": topic["id"]}))
            cards.append(card)
        cards.sort(key=lambda c: (LEADER_POSITIONS.index(c["position"]) if c["position"] in LEADER_POSITIONS else 99,
                                  c["name"]))
    return name, topics, topic, cards


def leader_page_url(datasette, leader_id, topic, topics):
    return datasette.urls.path(f"/leaders/{tilde_encode(leader_id)}") + topic_query(topic, topics)


async def board(request, datasette):
    name, topics, topic, cards = await board_cards(datasette, request)
    fmt = request.url_vars.get("format")
    if fmt:
        return export(datasette, request, topic, cards, fmt)
    counts = {position: sum(1 for c in cards if c["position"] == position) for position in LEADER_POSITIONS}
    return Response.html(
        await datasette.render_template(
            "board.html",
            {"cards_html": Markup(cards_template().render(cards=cards)), "topic": topic, "topics": topics,
             "counts": counts, "labels": {p: position_label(p) for p in LEADER_POSITIONS}, "database": name,
             "export_query": topic_query(topic, topics)},
            request=request,
        )
    )


def export_row(datasette, request, card) -> dict:
    statement = card["statement"] or {}
    return {
        "leader_id": card["id"], **{key: card[key] for key in CARD_FIELDS if key != "id"},
        "position_label": card["position_label"],
        "leader_page": datasette.absolute_url(request, card["page_url"]),
        "statement_text": statement.get("text"), "statement_whose_words": statement.get("words_label"),
        "statement_position": statement.get("position"), "statement_verdict": statement.get("verdict_label"),
        "statement_published_at": statement.get("published_at"), "statement_url": statement.get("source_url"),
        "statement_record": datasette.absolute_url(request, statement["record_url"]) if statement else None,
    }


def export(datasette, request, topic, cards, fmt):
    rows = [export_row(datasette, request, card) for card in cards]
    if fmt == "csv":
        return Response(csv_text(rows, CSV_COLUMNS), content_type="text/csv; charset=utf-8",
                        headers={"content-disposition": 'attachment; filename="onrecord-board.csv"'})
    return Response.json({"topic": topic, "leaders": rows})


@hookimpl
def register_routes():
    return [(r"^/board(?:\.(?P<format>json|csv))?$", board)]


@hookimpl
def menu_links(datasette):
    name = DATABASE
    return [{"href": datasette.urls.path("/board"), "label": "Leader board"},
            {"href": datasette.urls.table(name, "statement_stances"), "label": "Statements with stance"},
            {"href": datasette.urls.table(name, "review_queue"), "label": "Review queue"},
            {"href": datasette.urls.path("/-/dashboards/stances"), "label": "Stances over time"},
            {"href": datasette.urls.path("/-/dashboards/positions"), "label": "Who said what, when"}]
