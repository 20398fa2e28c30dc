"""Each watchlist mistake gets one line naming the file, line and field, exit status 2, no traceback."""
import textwrap

import pytest
from click.testing import CliRunner

from onrecord.cli import cli
from onrecord.watchlist import BUNDLED, WatchlistError, load_watchlist

GOOD = """\
topic:
  id: ice-enforcement
  name: Federal immigration enforcement
  since: 2026-01-01
leaders:
  - id: ada-fictional
    name: Ada Fictional
    aliases: [Fictional]
    accounts:
      - {platform: mastodon, handle: ada@social.example}
      - {platform: bluesky, handle: ada.bsky.social}
      - {platform: rss, url: https://ada.example/feed.xml}
      - {platform: x, handle: ada_f}
  - id: bo-imaginary
    name: Bo Imaginary
news:
  - url: https://news.example/feed.xml
"""


def write(tmp_path, text):
    path = tmp_path / "watchlist.yml"
    path.write_text(textwrap.dedent(text))
    return path


def test_good_watchlist_loads(tmp_path):
    watchlist = load_watchlist(write(tmp_path, GOOD))
    assert watchlist["topic"] == {
        "id": "ice-enforcement",
        "name": "Federal immigration enforcement",
        "since": "2026-01-01T00:00:00Z",
        "terms": [],
    }
    ada, bo = watchlist["leaders"]
    assert [a["id"] for a in ada["accounts"]] == [
        "mastodon:ada@social.example",
        "bluesky:ada.bsky.social",
        "rss:https://ada.example/feed.xml",
        "x:ada_f",
    ]
    assert bo["accounts"] == [] and bo["aliases"] == []
    assert watchlist["news"] == [{"url": "https://news.example/feed.xml", "name": None}]


def test_bundled_watchlist_is_valid_and_names_the_reported_leaders():
    watchlist = load_watchlist(BUNDLED)
    assert watchlist["topic"]["id"] == "ice-enforcement"
    assert watchlist["topic"]["since"] == "2026-01-01T00:00:00Z"
    names = {leader["name"] for leader in watchlist["leaders"]}
    for name in ("Reid Hoffman", "Vinod Khosla", "Jeff Dean", "James Dyett", "Meredith Whittaker",
                 "Elon Musk", "Jeff Bezos", "Tim Cook", "Sundar Pichai", "Mark Zuckerberg",
                 "Greg Brockman", "Sam Altman", "Dario Amodei", "Alexis Ohanian", "Yann LeCun",
                 "Keith Rabois", "David Sacks", "Marc Benioff", "Alex Karp"):
        assert name in names
    assert all(leader["aliases"] for leader in watchlist["leaders"])
    assert len(watchlist["news"]) >= 5


MISTAKES = {
    "missing leader id": (
        GOOD.replace("  - id: bo-imaginary\n    name: Bo Imaginary", "  - name: Bo Imaginary"),
        14, "leaders[1].id", "missing",
    ),
    "duplicate leader id": (
        GOOD.replace("id: bo-imaginary", "id: ada-fictional"),
        14, "leaders[1].id", "duplicate id 'ada-fictional' (first on line 6)",
    ),
    "missing topic id": (
        GOOD.replace("  id: ice-enforcement\n", ""),
        2, "topic.id", "missing",
    ),
    "missing leader name": (
        GOOD.replace("    name: Bo Imaginary\n", ""),
        14, "leaders[1].name", "missing",
    ),
    "unknown platform": (
        GOOD.replace("platform: mastodon", "platform: mastadon"),
        10, "leaders[0].accounts[0].platform", "unknown platform 'mastadon'",
    ),
    "account without handle": (
        GOOD.replace("{platform: bluesky, handle: ada.bsky.social}", "{platform: bluesky}"),
        11, "leaders[0].accounts[1].handle", "needs a handle",
    ),
    "account without url": (
        GOOD.replace("{platform: rss, url: https://ada.example/feed.xml}", "{platform: rss}"),
        12, "leaders[0].accounts[2].url", "needs the feed's url",
    ),
    "bad url": (
        GOOD.replace("https://ada.example/feed.xml", "ada.example/feed.xml"),
        12, "leaders[0].accounts[2].url", "not an http(s) URL",
    ),
    "bad news url": (
        GOOD.replace("https://news.example/feed.xml", "ftp://news.example/feed.xml"),
        17, "news[0].url", "not an http(s) URL",
    ),
    "bad date": (
        GOOD.replace("since: 2026-01-01", "since: 2026-13-45"),
        4, "topic.since", "not a date",
    ),
    "bad handle": (
        GOOD.replace("handle: ada@social.example", "handle: ada"),
        10, "leaders[0].accounts[0].handle", "not a mastodon handle",
    ),
    "unknown key": (
        GOOD.replace("    aliases: [Fictional]", "    alias: [Fictional]"),
        8, "leaders[0].alias", "unknown key",
    ),
    "yaml syntax error": (
        GOOD.replace("aliases: [Fictional]", "aliases: [Fictional"),
        9, "yaml", "syntax error",
    ),
}


@pytest.mark.parametrize("name", MISTAKES)
def test_each_mistake_is_located(tmp_path, name):
    text, line, field, message = MISTAKES[name]
    path = write(tmp_path, text)
    with pytest.raises(WatchlistError) as caught:
        load_watchlist(path)
    assert (caught.value.line, caught.value.field) == (line, field)
    assert str(caught.value).startswith(f"{path}:{line}: {field}: ")
    assert message in str(caught.value)


@pytest.mark.parametrize("name", ["unknown platform", "yaml syntax error", "duplicate leader id"])
def test_cli_reports_one_line_and_exit_2(tmp_path, name):
    text, line, field, _ = MISTAKES[name]
    path = write(tmp_path, text)
    result = CliRunner().invoke(cli, ["crawl", "--watchlist", str(path), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert lines == [f"Error: {path}:{line}: {field}: " + lines[0].split(f"{field}: ", 1)[1]]
    assert "Traceback" not in result.output
    assert not (tmp_path / "x.db").exists()  # validated before anything runs


def test_missing_file(tmp_path):
    with pytest.raises(WatchlistError, match=r"nope\.yml:0: file: not found"):
        load_watchlist(tmp_path / "nope.yml")
