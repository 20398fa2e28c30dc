"""`onrecord classify` (statements in the database) and `onrecord stance` (texts, no database)."""
import json
import sys
from collections import Counter, deque

import click

from onrecord.cli import dependencies
from onrecord.cli.errors import EXIT_DATABASE, CommandError, check_database, handles_database_faults
from onrecord.cli.options import db_option, load_watchlist_or_exit, watchlist_option
from onrecord.vocabulary import STANCES


def _classifier(topic: dict):
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

    The stance (condemning, supporting or silent) is toward the watchlist's topic and is stored in
    the `stances` table with its confidence, evidence and the model's name and version; a row
    from an older model is replaced. Prints progress on long runs and a summary per stance.
    """
    topic = load_watchlist_or_exit(watchlist_path)["topic"]
    check_database(db_path)  # never a new, empty database for a mistyped --db
    from onrecord.db.lock import LockBusy
    from onrecord.nlp.classify import classify_database

    clf = _classifier(topic)  # a model problem is reported before waiting for the lock

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
    click.echo(
        f"Classified {counts['classified']:,} statements for {topic['id']} with {clf.model}: "
        f"{counts['condemning']:,} condemning, {counts['supporting']:,} supporting, "
        f"{counts['silent']:,} silent ({counts['on_topic']:,} on topic)."
    )


@click.command()
@click.argument("texts", nargs=-1, metavar="[TEXT]...")
@click.option("--jsonl", "jsonl", type=click.File("r", encoding="utf-8"), metavar="FILE|-",
              help='Read statements from a JSON Lines file ("-" for stdin): {"id", "text", "speaker"?} a line.')
@watchlist_option
@click.option("--batch-size", default=256, show_default=True, help="Statements per model batch.")
@dependencies.checked("stance")
def stance(texts, jsonl, watchlist_path, batch_size):
    """Classify texts without a database; print one JSON object a line.

    Each output line is {"id", "stance", "on_topic", "confidence", "evidence"}. For TEXT arguments
    the id is the position (1-based); for --jsonl lines the input id is echoed (the line number
    when a line has none). A malformed line gets a one-line error on stderr naming its line
    number and is skipped; the exit status is non-zero only if nothing could be classified.

    \b
    Examples:
      onrecord stance "Get ICE out of our city."
      onrecord stance --jsonl statements.jsonl > stances.jsonl
    """
    if not texts and jsonl is None:
        raise click.UsageError("give TEXT arguments or --jsonl FILE (- for stdin)")
    topic = load_watchlist_or_exit(watchlist_path)["topic"]
    clf = _classifier(topic)
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
            yield record.get("id", number), record["text"]

    ids = deque()

    def texts_in_order():
        for record_id, text in records():
            ids.append(record_id)
            yield text

    counts = Counter()
    for judgment in clf.classify(texts_in_order(), batch_size=batch_size):
        out = {
            "id": ids.popleft(),
            "stance": judgment.stance,
            "on_topic": judgment.on_topic,
            "confidence": judgment.confidence,
            "evidence": judgment.evidence,
        }
        click.echo(json.dumps(out, ensure_ascii=False))
        counts[judgment.stance] += 1
    total = sum(counts.values())
    summary = ", ".join(f"{counts[label]} {label}" for label in STANCES)
    skipped = f"; skipped {errors['malformed']} malformed line(s)" if errors else ""
    click.echo(f"Classified {total} statement(s) with {clf.model}: {summary}{skipped}.", err=True)
    if total == 0:
        sys.exit(1)


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
    if "id" in record and not isinstance(record["id"], (str, int)):
        return '"id" must be a string or a number', None
    return None, record
