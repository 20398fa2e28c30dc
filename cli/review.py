"""`onrecord review`: an editor confirms or corrects a machine judgment, or marks a statement
misattributed, with their name and a note; `queue` lists what needs a look. Reviews are stored in
the `reviews` table (db/save.py save_review), which the classifier never writes: the published
site, `leader_stances` and the board use the reviewed verdict first."""
import json

import click

from onrecord.cli import dependencies
from onrecord.cli.errors import EXIT_BAD_INPUT, CommandError, check_database, handles_database_faults
from onrecord.cli.options import command_lock, db_option
from onrecord.vocabulary import CONFIRMED, CORRECTED, MISATTRIBUTED, POSITION_LABELS, SILENT, STANCES

RECORD_PATH = "/statements/"  # a record link on the site: .../onrecord/statements/<tilde-encoded id>


def topic_option(command):
    return click.option("--topic", "topic_id", metavar="ID",
                        help="The topic judged (default: the database's only topic).")(command)


def editor_options(command):
    command = click.option("--note", required=True,
                           help="What was checked and why, shown beside the verdict on the site.")(command)
    return click.option("--editor", required=True, envvar="ONRECORD_EDITOR",
                        help="The editor's name, shown beside the verdict (env ONRECORD_EDITOR).")(command)


def statement_argument(command):
    return click.argument("statement", metavar="STATEMENT")(command)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def review():
    """Review machine judgments: confirm, correct, mark misattributed; list what needs review.

    STATEMENT is a statement's id (statements.id, e.g. mastodon:social.example:1234) or its record
    link on the site (.../onrecord/statements/...). Each review is recorded with the editor's name,
    a note and the time, and never overwritten: a later review of the same statement becomes the
    verdict, the earlier ones its history. Reclassifying never undoes a review. The board, the
    leader pages and leader_stances use the reviewed verdict first and mark it "verified".

    \b
    Examples:
      onrecord review queue
      onrecord review confirm mastodon:social.example:1234 --editor "R. Editor" --note "Read the post"
      onrecord review correct news:4f1c --stance condemning --editor "R. Editor" --note "..."
      onrecord review misattributed news:9a2b --editor "R. Editor" --note "The mayor said it"
    """


@review.command()
@db_option
@topic_option
@click.option("--leader", "leader_id", metavar="ID", help="Only this leader's statements.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(0), help="At most this many (0: all).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object a line instead of text.")
@dependencies.checked("review")
@handles_database_faults
def queue(db_path, topic_id, leader_id, limit, as_json):
    """List what needs an editor's look, most consequential first.

    A judgment that moved a leader's headline position, a leader's first statement on the topic,
    a statement edited since its review, then judgments too uncertain to count alone
    (needs_review): those taking a side, then those on the topic, then the rest.
    """
    db = _open(db_path)
    topic_id = _topic(db, topic_id)
    from onrecord.db.queries import review_queue

    rows = review_queue(db, topic_id, leader_id=leader_id, limit=limit or None)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    if not rows:
        click.echo("Nothing needs review.")
        return
    for row in rows:
        confidence = "" if row["confidence"] is None else f" {row['confidence']:.2f}"
        click.echo(f"{row['priority']}  {row['name']}  {(row['published_at'] or '')[:10]}  {row['platform']} "
                   f"{row['kind']}  {row['stance']}{confidence}: {row['reasons']}")
        click.echo(f"   {_excerpt(row['text'])}")
        click.echo(f"   {row['statement_id']}")


@review.command()
@db_option
@topic_option
@statement_argument
@dependencies.checked("review")
@handles_database_faults
def show(db_path, topic_id, statement):
    """Show a statement, the machine's judgment, the verdict that counts and every review."""
    db = _open(db_path)
    topic_id = _topic(db, topic_id)
    from onrecord.db.queries import reviews_of

    row = _statement(db, statement, topic_id)
    click.echo(f"{row['name']}, {(row['published_at'] or '')[:10]}, {row['platform']} {row['kind']}: {row['id']}")
    click.echo(f"   {_excerpt(row['text'], 500)}")
    click.echo(f"machine: {_machine(row)}")
    verdict = row["verdict"]
    if verdict:
        click.echo(f"counts as: {_verdict(verdict)}")
    for past in reviews_of(db, row["id"]):
        click.echo(f"review {past['id']}, {past['reviewed_at']}: {past['editor']} {past['action']}"
                   f"{' as ' + past['stance'] if past['action'] == CORRECTED else ''}: {past['note']}")


@review.command()
@db_option
@topic_option
@statement_argument
@editor_options
@dependencies.checked("review")
@handles_database_faults
def confirm(db_path, topic_id, statement, editor, note):
    """Confirm the machine's judgment of STATEMENT: it counts as verified."""
    _record(db_path, topic_id, statement, CONFIRMED, editor, note)


@review.command()
@db_option
@topic_option
@statement_argument
@click.option("--stance", type=click.Choice(STANCES), required=True, help="The right stance.")
@click.option("--off-topic", is_flag=True,
              help="With --stance silent: the statement is not about the topic (else: on the topic, no side taken).")
@editor_options
@dependencies.checked("review")
@handles_database_faults
def correct(db_path, topic_id, statement, stance, off_topic, editor, note):
    """Correct the judgment of STATEMENT to another stance."""
    if off_topic and stance != SILENT:
        raise click.BadParameter("only a silent statement can be off the topic", param_hint="--off-topic")
    _record(db_path, topic_id, statement, CORRECTED, editor, note, stance=stance, on_topic=not off_topic)


@review.command()
@db_option
@topic_option
@statement_argument
@editor_options
@dependencies.checked("review")
@handles_database_faults
def misattributed(db_path, topic_id, statement, editor, note):
    """Mark STATEMENT as not the leader's words: it counts for nothing."""
    _record(db_path, topic_id, statement, MISATTRIBUTED, editor, note)


def _record(db_path, topic_id, statement, action, editor, note, stance=None, on_topic=None):
    from onrecord.db.queries import leader_headline
    from onrecord.db.save import SaveError, save_review

    db = _open(db_path)
    topic_id = _topic(db, topic_id)
    row = _statement(db, statement, topic_id)
    with command_lock(db_path, "review"):
        try:
            saved = save_review(db, row["id"], topic_id, action, editor, note, stance=stance, on_topic=on_topic)
        except SaveError as error:
            raise CommandError(str(error), EXIT_BAD_INPUT) from None
    what = {CONFIRMED: f"confirmed {_machine(row)}",
            CORRECTED: f"corrected {_machine(row)} to {stance}{'' if on_topic is not False else ' (off the topic)'}",
            MISATTRIBUTED: "marked misattributed (it counts for nothing)"}[action]
    click.echo(f"Review {saved['id']}: {saved['editor']} {what}: {row['name']}, "
               f"{(row['published_at'] or '')[:10]}, {row['platform']} {row['kind']} {row['id']}")
    headline = leader_headline(db, row["leader_id"], topic_id)
    if headline:
        checked = "verified" if headline["verified"] else "machine"
        click.echo(f"{row['name']} now: {POSITION_LABELS.get(headline['position'], headline['position'])} "
                   f"({checked}); stance {headline['stance']}.")


def _open(db_path):
    check_database(db_path)
    from onrecord.db.connect import open_db

    return open_db(db_path)


def _topic(db, topic_id):
    from onrecord.db.queries import topic_ids

    known = topic_ids(db)
    if topic_id is None and len(known) == 1:
        return known[0]
    if topic_id in known:
        return topic_id
    choices = ", ".join(known) or "none yet (run `onrecord crawl` first)"
    problem = "several topics: pick one with --topic" if topic_id is None else f"no topic {topic_id!r}"
    raise CommandError(f"{problem}; topics in the database: {choices}", EXIT_BAD_INPUT)


def statement_id_from(text: str) -> str:
    """A statement id as typed, or taken from a record link (tilde-encoded by Datasette)."""
    text = text.strip()
    if text.startswith(("http://", "https://", "/")) and RECORD_PATH in text:
        from datasette.utils import tilde_decode

        encoded = text.split(RECORD_PATH, 1)[1].split("?", 1)[0].split("#", 1)[0].rstrip("/")
        return tilde_decode(encoded.removesuffix(".json"))
    return text


def _statement(db, statement, topic_id):
    from onrecord.db.queries import statement_under_review

    statement_id = statement_id_from(statement)
    row = statement_under_review(db, statement_id, topic_id)
    if row is None:
        raise CommandError(f"no statement {statement_id!r} in the database (give its id, as in statements.id, "
                           "or its record link)", EXIT_BAD_INPUT)
    return row


def _machine(row) -> str:
    if row["machine_stance"] is None:
        return "no machine judgment yet"
    topic = "" if row["machine_stance"] != SILENT else (" on the topic" if row["machine_on_topic"] else " off the topic")
    flag = ", needs_review" if row["machine_needs_review"] else ""
    return f"{row['machine_stance']}{topic} (confidence {row['machine_confidence'] or 0:.2f}{flag})"


def _verdict(verdict) -> str:
    by = f" by {verdict['editor']}: {verdict['note']}" if verdict["editor"] else ""
    return f"{POSITION_LABELS.get(verdict['position'], 'nothing')} ({verdict['judgment']}){by}"


def _excerpt(text, limit=160) -> str:
    text = " ".join((text or "").split())
    return f'"{text[:limit]}{"…" if len(text) > limit else ""}"'
