"""`onrecord quotes`: what the news crawl would read in an article, without crawling or a database.

A journalist checking a story, or anyone checking the quote finder on text it has never seen, gets
each quote and reported clause the article attributes to a watched leader, exactly as the crawl
would store it (kind, text, context), and with --stance the judgment `onrecord classify` would give.
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

import click

from onrecord.cli import dependencies
from onrecord.cli.options import load_watchlist_or_exit, watchlist_option

_HTML_TAG = re.compile(rb"<(!doctype html|html|head|body|article|p|div)[\s>]", re.I)


class Unreadable(Exception):
    """A file the finder cannot read; the message is its one-line reason."""


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()  # José Muñoz -> jose-munoz
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def ad_hoc_leader(name: str) -> dict:
    """A leader given by name on the command line; the surname alone names them too, as in the
    bundled watchlist."""
    words = name.split()
    if len(words) < 2:
        raise click.BadParameter(f"{name!r}: give a full name (first and last)", param_hint="--name")
    return {"id": _slug(name), "name": " ".join(words), "aliases": [words[-1]]}


def is_web_page(path: str, data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return path.lower().endswith((".html", ".htm")) or head.startswith(b"<") and bool(_HTML_TAG.search(head))


def article_text(path: str, data: bytes) -> str:
    """The text the finder reads: a web page's main text as the crawl extracts it, else the file."""
    if is_web_page(path, data):
        from onrecord.crawler.news_extract import NotAnArticle, extract_article

        try:
            return extract_article(data, Path(path).resolve().as_uri() if path != "-" else "file:///stdin").text
        except NotAnArticle as reason:
            raise Unreadable(f"not a usable article ({reason})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Unreadable("not UTF-8 text") from None


@click.command()
@click.argument("files", nargs=-1, type=click.File("rb"), metavar="FILE...")
@watchlist_option
@click.option("--name", "names", multiple=True, metavar="'FIRST LAST'",
              help="Look for this person too (repeatable); with --only-names, only for them.")
@click.option("--only-names", is_flag=True, help="Ignore the watchlist's leaders: look only for --name people.")
@click.option("--stance", "with_stance", is_flag=True,
              help="Judge each found statement's stance with its context, as `onrecord classify` does.")
@dependencies.checked("quotes")
def quotes(files, watchlist_path, names, only_names, with_stance):
    """Find the quotes and reported speech an article attributes to watched leaders.

    Reads each FILE (plain text, or a saved web page whose main text is extracted as the news
    crawl does; - for stdin) and prints one JSON object a line: {"file", "leader", "name",
    "kind", "text", "context", "pattern"}. kind "quote" is the leader's words inside quote marks;
    "paraphrase" is the article's own words reporting theirs, never to be shown as theirs.
    Leaders who are only mentioned get nothing. With --stance each line also has the stance,
    confidence, evidence, evidence_from, needs_review and side_possible that `onrecord classify`
    would store.
    A file that cannot be read (not UTF-8 text, a page that is not an article) gets a one-line
    error on stderr and is skipped; the others are read, and the exit status is then 1.

    \b
    Examples:
      onrecord quotes article.txt
      onrecord quotes --name "Ada Example" --only-names --stance saved-page.html
    """
    if not files:
        raise click.UsageError("give one or more FILEs (- for stdin)")
    if only_names and not names:
        raise click.UsageError("--only-names needs at least one --name")
    watchlist = load_watchlist_or_exit(watchlist_path)
    leaders = [] if only_names else list(watchlist["leaders"])
    known = {leader["id"] for leader in leaders}
    leaders += [leader for leader in map(ad_hoc_leader, names) if leader["id"] not in known]
    texts, skipped = [], 0
    for stream in files:
        try:
            texts.append((_name(stream), article_text(_name(stream), stream.read())))
        except Unreadable as reason:  # the other files are still read
            click.echo(f"Error: {_name(stream)}: {reason}; skipped", err=True)
            skipped += 1
    if not texts:
        raise click.ClickException("no file could be read")

    from onrecord.nlp.quotes import QuoteFinder

    finder = QuoteFinder(leaders)
    by_id = {leader["id"]: leader["name"] for leader in leaders}
    found = [(path, quote) for (path, _), quotes_found in zip(texts, finder.find_many(t for _, t in texts))
             for quote in quotes_found]
    judgments = _judgments(watchlist["topic"], found) if with_stance else None
    for position, (path, quote) in enumerate(found):
        out = {"file": path, "leader": quote.leader_id, "name": by_id[quote.leader_id], "kind": quote.kind,
               "text": quote.quote, "context": quote.context, "pattern": quote.pattern}
        if judgments is not None:
            out.update(judgments[position])
        click.echo(json.dumps(out, ensure_ascii=False))
    people = len({quote.leader_id for _, quote in found})
    unread = f"; skipped {skipped} unreadable file(s)" if skipped else ""
    click.echo(f"Found {len(found)} statement(s) by {people} leader(s) in {len(texts)} file(s){unread}.", err=True)
    if skipped:
        sys.exit(1)  # some input was not read: a script must not take this for a complete reading


def _name(stream) -> str:
    name = getattr(stream, "name", "-")  # stdin (and a test runner's stand-in) has none to show
    return name if isinstance(name, str) and not name.startswith("<") else "-"


def _judgments(topic: dict, found) -> list[dict]:
    from onrecord.cli.stance import judgment_fields, load_classifier

    clf = load_classifier(topic)
    items = [(quote.quote, quote.context) for _, quote in found]
    return [judgment_fields(j, clf.model) for j in clf.classify(iter(items))]
