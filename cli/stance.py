"""`onrecord classify` (statements in the database) and `onrecord stance` (texts, no database)."""
import json
import sys
from collections import Counter, deque

import click

from onrecord.cli import dependencies
from onrecord.cli.errors import EXIT_DATABASE, CommandError, check_database, handles_database_faults
from onrecord.cli.options import db_option, load_watchlist_or_exit, watchlist_option
from onrecord.vocabulary import STANCES


def load_classifier(topic: dict):
    from onrecord.nlp.stance import StanceClassifier, StanceModelError

    try:
        return StanceClassifier(topic)
    except StanceModelError as error:
        raise click.ClickException(str(error)) from None


@click.command()
@db_option
@watchlist_option
@click.option("--all", "all_", is_flag=True,
              help="Reclassify every statement, not only those without a stance from the current model.")
@dependencies.checked("classify")
@handles_database_faults
def classify(db_path, watchlist_path, all_):
    """Give every statement without a stance from the current model one.

    The stance (condemning, supporting or silent) is toward the watchlist's topic, judged from each
    statement's text with its context (statements.context), and is stored in the `stances` table
    with its confidence, evidence (evidence_from: the leader's own words or the context),
    needs_review, side_possible and the model's name and version; a row from an older model is
    replaced, as is one awaiting review whose side_possible is not yet known. Prints
    progress on long runs and a summary per stance.
    """
    topic = load_watchlist_or_exit(watchlist_path)["topic"]
    check_database(db_path)  # never a new, empty database for a mistyped --db
    from onrecord.db.lock import LockBusy
    from onrecord.nlp.classify import classify_database

    clf = load_classifier(topic)  # a model problem is reported before waiting for the lock

    def progress(done, total):
        if done < total:
            click.echo(f"  {done:,} / {total:,} statements classified", err=True)

    try:
        counts = classify_database(db_path, topic, all=all_, progress=progress, classifier=clf,
                                   lock_echo=lambda line: click.echo(line, err=True))
    except LockBusy as error:
        raise CommandError(str(error), EXIT_DATABASE) from None
    if not counts["classified"]:
        click.echo(f"Nothing to classify: every statement has a stance from {clf.model}.")
        return
    no_words = f"; {counts['no_words']:,} had no words to judge" if counts["no_words"] else ""
    click.echo(
        f"Classified {counts['classified']:,} statements for {topic['id']} with {clf.model}: "
        f"{counts['condemning']:,} condemning, {counts['supporting']:,} supporting, "
        f"{counts['silent']:,} silent ({counts['on_topic']:,} on topic); "
        f"{counts['needs_review']:,} marked needs_review{no_words}."
    )


@click.command()
@click.argument("texts", nargs=-1, metavar="[TEXT]...")
@click.option("--jsonl", "jsonl", type=click.File("r", encoding="utf-8"), metavar="FILE|-",
              help='Read statements from a JSON Lines file ("-" for stdin): {"id", "text", "context"?, "speaker"?} a line.')
@watchlist_option
@click.option("--batch-size", default=256, show_default=True, help="Statements read and judged per chunk (each is encoded on its own, so results never depend on it).")
@dependencies.checked("stance")
def stance(texts, jsonl, watchlist_path, batch_size):
    """Classify texts without a database; print one JSON object a line.

    Each output line is {"id", "stance", "on_topic", "confidence", "evidence", "evidence_from",
    "needs_review", "side_possible", "model"}. side_possible is true when the stance is a side or
    another reading of the words (a head of the review chain, the lexical reading) gives one: a
    silent judgment awaiting review with it is no ground for calling anyone silent. A --jsonl line
    may carry "context": the sentence(s) that frame a quote, or the post a reply answers; the
    statement is judged with it, and evidence_from says whether the evidence is the statement's
    own words ("text") or the context ("context").
    For TEXT arguments the id is the position (1-based); for --jsonl lines the input id is echoed
    (the line number when a line has none). A malformed line gets a one-line error on stderr
    naming its line number and is skipped; the exit status is non-zero only if nothing could be
    classified.

    \b
    Examples:
      onrecord stance "Get ICE out of our city."
      onrecord stance --jsonl statements.jsonl > stances.jsonl
    """
    if not texts and jsonl is None:
        raise click.UsageError("give TEXT arguments or --jsonl FILE (- for stdin)")
    topic = load_watchlist_or_exit(watchlist_path)["topic"]
    clf = load_classifier(topic)
    from onrecord.nlp.stance import NO_WORDS

    errors = Counter()

    def records():
        for position, text in enumerate(texts, 1):
            yield position, text
        if jsonl is None:
            return
        for number, line in enumerate(_lines(jsonl), 1):
            if line is None:
                click.echo(f"Error: {jsonl.name} line {number}: not UTF-8 text; skipped", err=True)
                errors["malformed"] += 1
                continue
            if not line.strip():
                continue
            problem, record = _parse_line(line)
            if problem:
                click.echo(f"Error: {jsonl.name} line {number}: {problem}; skipped", err=True)
                errors["malformed"] += 1
                continue
            yield record.get("id", number), (record["text"], record.get("context") or "")

    ids = deque()

    def items_in_order():
        for record_id, item in records():
            ids.append(record_id)
            yield item

    counts = Counter()
    for judgment in clf.classify(items_in_order(), batch_size=batch_size):
        click.echo(json.dumps({"id": ids.popleft(), **judgment_fields(judgment, clf.model)}, ensure_ascii=False))
        counts[judgment.stance] += 1
        counts["needs_review"] += judgment.needs_review
        counts["no_words"] += judgment.note == NO_WORDS
    total = sum(counts[label] for label in STANCES)
    summary = ", ".join(f"{counts[label]} {label}" for label in STANCES)
    summary += f"; {counts['needs_review']} marked needs_review"
    if counts["no_words"]:
        summary += f"; {counts['no_words']} with no words to judge (silent)"
    skipped = f"; skipped {errors['malformed']} malformed line(s)" if errors else ""
    click.echo(f"Classified {total} statement(s) with {clf.model}: {summary}{skipped}.", err=True)
    if total == 0:
        sys.exit(1)


def judgment_fields(judgment, model: str) -> dict:
    """A judgment as the JSON lines of `onrecord stance` and `onrecord quotes --stance` print it."""
    return {"stance": judgment.stance, "on_topic": judgment.on_topic, "confidence": judgment.confidence,
            "evidence": judgment.evidence, "evidence_from": judgment.evidence_from,
            "needs_review": judgment.needs_review, "side_possible": judgment.side_possible, "model": model}


def _lines(stream):
    """The stream's lines, each decoded as UTF-8 on its own (a byte-order mark on the first is
    dropped): a line that is not UTF-8 is None, and the lines before and after it are kept."""
    raw = getattr(stream, "buffer", None)
    if raw is None:  # already text (e.g. a StringIO)
        yield from stream
        return
    for number, data in enumerate(iter(raw.readline, b""), 1):
        try:
            yield data.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            yield None


def _parse_line(line: str):
    """(problem, record): problem is None when the line is a usable statement."""
    try:
        record = json.loads(line)
    except ValueError as error:
        return f"not valid JSON ({error.msg} at column {error.colno})", None
    if not isinstance(record, dict):
        return "not a JSON object", None
    if not isinstance(record.get("text"), str):
        return 'no "text" string', None
    if record.get("context") is not None and not isinstance(record["context"], str):
        return '"context" must be a string', None
    if "id" in record and not isinstance(record["id"], (str, int)):
        return '"id" must be a string or a number', None
    return None, record
