"""/board: one card per leader, coloured by stance, with their latest on-topic statement in the
window and the evidence that decided it highlighted, and the basis of the stance in one line
(leader_stances.coverage: what was read, since when, and what is missing). A paraphrase (kind 'paraphrase': a news
outlet's words reporting what the leader said) is shown as "reported by <outlet>", never as the
leader's words, and the card says when the stance rests on such reported speech. One query over leader_stances plus an index
seek per leader, whatever the size of the database."""
import datetime as dt
from functools import lru_cache
from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils import tilde_encode
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup, escape

from onrecord.publish import TEMPLATES_DIR
from onrecord.sanitize import clean_text, safe_url
from onrecord.vocabulary import CONDEMNING, DATABASE_NAME, SILENT, SUPPORTING

DATABASE = DATABASE_NAME  # as `onrecord serve` names it, whatever the file is called
# leader_stances.stance: the statements' stances, plus mixed (both sides) and unmonitored
STANCE_ORDER = (CONDEMNING, "mixed", SUPPORTING, SILENT, "unmonitored")
EXCERPT_CHARS = 280  # either side of the evidence: enough to judge it in context

# One row per leader: the summary view, and the on-topic statement that set last_statement_at
# (found by an index seek on (leader_id, published_at), so the board stays fast on 1M rows).
BOARD_SQL = """/* onrecord:cache */
select l.id, l.name, l.title, l.organization, ls.stance, ls.condemning, ls.supporting,
  ls.on_topic, ls.last_statement_at, ls.monitored_since, ls.coverage, ls.needs_review,
  s.id as statement_id, s.platform, s.kind, s.url, s.text, s.published_at, s.deleted_at,
  s.edited_at, st.stance as statement_stance, st.evidence, st.evidence_from, st.confidence, st.model,
  (select ss.outlet from statement_sources ss where ss.statement_id = s.id
   order by ss.first_seen_at, ss.source_url limit 1) as outlet,
  coalesce(rp.reported_sided, 0) as reported_sided
from leader_stances ls
join leaders l on l.id = ls.leader_id
left join statements s on s.id = (
  select s2.id from statements s2
  join stances st2 on st2.statement_id = s2.id and st2.topic_id = ls.topic_id and st2.on_topic = 1
  where s2.leader_id = ls.leader_id and s2.published_at = ls.last_statement_at
  order by s2.id limit 1
)
left join stances st on st.statement_id = s.id and st.topic_id = ls.topic_id
-- sided statements in the window that are paraphrases (a news outlet's words reporting theirs):
-- read through the index on kind, so only the paraphrases are visited, however many posts there are
left join (
  select s3.leader_id, count(*) as reported_sided
  from statements s3
  join stances st3 on st3.statement_id = s3.id and +st3.topic_id = :topic  -- (+: not by stance)
  join topics t3 on t3.id = :topic
  where s3.kind = 'paraphrase' and +st3.stance in ('condemning', 'supporting')
    and (t3.since is null or s3.published_at >= t3.since)
  group by s3.leader_id
) rp on rp.leader_id = l.id
where ls.topic_id = :topic
"""
STATEMENT_FIELDS = ("platform", "kind", "url", "text", "published_at", "deleted_at", "edited_at", "evidence",
                    "evidence_from", "confidence", "model", "outlet")


TEMPLATES = TEMPLATES_DIR


@lru_cache(maxsize=1)
def cards_template():
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True)
    return env.get_template("board_cards.html")


def database_name(datasette):
    """`onrecord`, else the first file served (plain `datasette some.db --plugins-dir plugins`)."""
    if DATABASE in datasette.databases:
        return DATABASE
    named = [name for name in datasette.databases if name not in ("_internal", "_memory")]
    if not named:
        raise NotFound("No database to show")
    return named[0]


def highlight(text, evidence):
    """The text escaped, with the evidence marked; long texts cut around the evidence."""
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


async def board(request, datasette):
    name = database_name(datasette)
    db = datasette.get_database(name)
    topics = [dict(row) for row in (await db.execute("select id, name, since from topics order by id")).rows]
    topic = next((t for t in topics if t["id"] == request.args.get("topic")), topics[0] if topics else None)
    cards = []
    if topic:
        rows = (await db.execute(BOARD_SQL, {"topic": topic["id"]})).rows
        now = dt.datetime.now(dt.timezone.utc)
        for row in rows:
            card = {key: row[key] for key in ("id", "name", "title", "organization", "stance", "condemning",
                                              "supporting", "on_topic", "last_statement_at", "monitored_since",
                                              "coverage", "reported_sided", "needs_review")}
            statement = None
            if row["statement_id"]:
                statement = {key: clean_text(row[key]) for key in STATEMENT_FIELDS}
                statement["id"], statement["stance"] = row["statement_id"], row["statement_stance"]
                # Evidence read from the context (a reporter's sentence, the post answered) is never
                # marked inside the leader's own words.
                own = statement["evidence"] if statement["evidence_from"] != "context" else ""
                statement["html"], statement["evidence_found"] = highlight(statement["text"], own)
                statement["url"] = safe_url(statement["url"])  # never a javascript: link from crawled data
                statement["row_url"] = datasette.urls.row(name, "statements", tilde_encode(statement["id"]))
            card["statement"] = statement
            card["days_monitored"] = days_since(row["monitored_since"], now)
            card["timeline_url"] = datasette.urls.query(name, "leader_timeline") + "?" + urlencode({"leader": row["id"]})
            card["coverage_url"] = (datasette.urls.table(name, "leader_coverage") + "?"
                                    + urlencode({"leader_id": row["id"], "topic_id": topic["id"]}))
            cards.append(card)
        cards.sort(key=lambda c: (STANCE_ORDER.index(c["stance"]) if c["stance"] in STANCE_ORDER else 99, c["name"]))
    counts = {stance: sum(1 for c in cards if c["stance"] == stance) for stance in STANCE_ORDER}
    return Response.html(
        await datasette.render_template(
            "board.html",
            {"cards_html": Markup(cards_template().render(cards=cards)), "topic": topic, "topics": topics, "counts": counts, "database": name},
            request=request,
        )
    )


@hookimpl
def register_routes():
    return [(r"^/board$", board)]


@hookimpl
def menu_links(datasette):
    return [{"href": datasette.urls.path("/board"), "label": "Leader board"},
            {"href": datasette.urls.path("/-/dashboards/stances"), "label": "Stances over time"}]
