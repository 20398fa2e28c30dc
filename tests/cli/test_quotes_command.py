"""`onrecord quotes` through click: the news crawl's reading of an article, on real files, without a
database. Every person and outlet here is FICTIONAL."""
import json

import pytest
from click.testing import CliRunner

from onrecord.cli import cli

WATCHLIST_YAML = """\
topic:
  id: ice-enforcement
  name: Federal immigration enforcement (ICE, Border Patrol) in U.S. cities
  since: 2026-01-01
leaders:
  - id: ada-quillfeather
    name: Ada Quillfeather   # fictional
    aliases: [Quillfeather]
    title: Chief Executive
    organization: Lumenfold
    accounts:
      - {platform: mastodon, handle: ada@social.example}
  - id: bram-okafor
    name: Bram Okafor        # fictional
    aliases: [Okafor]
    accounts:
      - {platform: mastodon, handle: bram@social.example}
"""
ARTICLE = """\
Federal agents carried out raids across the city on Tuesday.

"These raids are a disgrace and they must stop," Ada Quillfeather, the chief executive of Lumenfold, said in a statement.

Quillfeather also urged employers to protect their workers.

Bram Okafor was seated in the front row at the event and did not speak.
"""
PAGE = f"""<!doctype html><html><head><title>Raids draw a response</title>
<meta property="og:site_name" content="The Example Ledger"></head><body><article>
<h1>Raids draw a response</h1>
{''.join(f'<p>{paragraph}</p>' for paragraph in ARTICLE.split(chr(10) + chr(10)))}
<p>{' '.join(['The city council will meet again next week to discuss the response of local businesses to the operations.'] * 6)}</p>
</article></body></html>"""


@pytest.fixture
def watchlist(tmp_path):
    path = tmp_path / "watchlist.yml"
    path.write_text(WATCHLIST_YAML)
    return path


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def found(output):
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_a_quote_and_reported_speech_and_nothing_for_the_one_only_mentioned(tmp_path, watchlist):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE)
    result = run("quotes", "--watchlist", str(watchlist), str(article))
    assert result.exit_code == 0, result.output
    rows = found(result.output)
    assert {(row["leader"], row["kind"]) for row in rows} == {("ada-quillfeather", "quote"),
                                                            ("ada-quillfeather", "paraphrase")}
    quote = next(row for row in rows if row["kind"] == "quote")
    assert quote["text"] == "These raids are a disgrace and they must stop"
    assert "said in a statement" in quote["context"]
    assert quote["name"] == "Ada Quillfeather" and quote["file"] == str(article)
    assert "Found 2 statement(s) by 1 leader(s) in 1 file(s)." in result.output


def test_stance_judges_each_statement_with_its_context(tmp_path, watchlist):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE)
    result = run("quotes", "--watchlist", str(watchlist), "--stance", str(article))
    assert result.exit_code == 0, result.output
    quote = next(row for row in found(result.output) if row["kind"] == "quote")
    assert quote["stance"] == "condemning" and quote["on_topic"] is True
    assert quote["evidence_from"] in ("text", "context") and quote["model"].startswith("onrecord_stance")


def test_a_saved_web_page_is_read_as_the_crawl_reads_it(tmp_path, watchlist):
    page = tmp_path / "page.html"
    page.write_text(PAGE)
    result = run("quotes", "--watchlist", str(watchlist), str(page))
    assert result.exit_code == 0, result.output
    assert any(row["text"] == "These raids are a disgrace and they must stop" for row in found(result.output))


def test_names_given_on_the_command_line_and_stdin(watchlist):
    text = '"We will comply with the law," Orla Vantongeren, a fictional bakery owner, said.\n'
    result = run("quotes", "--watchlist", str(watchlist), "--name", "Orla Vantongeren", "--only-names", "-",
                 input=text)
    assert result.exit_code == 0, result.output
    assert [(row["leader"], row["text"]) for row in found(result.output)] == [
        ("orla-vantongeren", "We will comply with the law")]


def test_clear_errors(tmp_path, watchlist):
    assert run("quotes", "--watchlist", str(watchlist)).exit_code == 2
    assert "--only-names needs" in run("quotes", "--watchlist", str(watchlist), "--only-names", "-", input="x").output
    single = run("quotes", "--watchlist", str(watchlist), "--name", "Cher", "-", input="x")
    assert single.exit_code == 2 and "full name" in single.output
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    alone = run("quotes", "--watchlist", str(watchlist), str(binary))
    assert alone.exit_code == 1 and "not UTF-8 text; skipped" in alone.output and "no file could be read" in alone.output
    assert "Traceback" not in alone.output


def test_an_unreadable_file_is_skipped_and_the_others_are_read(tmp_path, watchlist):
    binary, stub, article = tmp_path / "binary.txt", tmp_path / "stub.html", tmp_path / "article.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    stub.write_text("<!-- saved --><html><body><p>Too short to be an article.</p></body></html>")
    article.write_text(ARTICLE)
    result = run("quotes", "--watchlist", str(watchlist), str(binary), str(stub), str(article))
    assert result.exit_code == 1  # not a complete reading
    assert f"Error: {binary}: not UTF-8 text; skipped" in result.output
    assert f"Error: {stub}: not a usable article" in result.output
    assert any(row["text"] == "These raids are a disgrace and they must stop" for row in found(result.output))
    assert "in 1 file(s); skipped 2 unreadable file(s)." in result.output


def test_a_name_with_accents_gets_a_plain_id(watchlist):
    text = '"We will comply with the law," José Muñoz said.\n'
    result = run("quotes", "--watchlist", str(watchlist), "--name", "José Muñoz", "--only-names", "-", input=text)
    assert [(row["leader"], row["name"]) for row in found(result.output)] == [("jose-munoz", "José Muñoz")]
