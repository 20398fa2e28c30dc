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


def test_bundled_watchlist_hears_something_without_x():
    """Issue 12: personal channels under accounts, organisations' newsrooms as news scoped to their
    leaders, and the news archive for everyone."""
    watchlist = load_watchlist(BUNDLED)
    leaders = {leader["id"]: leader for leader in watchlist["leaders"]}
    own_without_x = {leader_id: sorted(a["id"] for a in leader["accounts"] if a["platform"] != "x")
                     for leader_id, leader in leaders.items()}
    assert {leader_id: ids for leader_id, ids in own_without_x.items() if ids} == {
        "meredith-whittaker": ["mastodon:mer__edith@mastodon.world"],
        "greg-brockman": ["rss:https://blog.gregbrockman.com/feed"],
        "sam-altman": ["rss:https://blog.samaltman.com/posts.atom"],
    }
    scoped = {news["url"]: news["leaders"] for news in watchlist["news"] if news.get("leaders")}
    assert scoped["https://openai.com/news/rss.xml"] == ["sam-altman", "greg-brockman", "james-dyett"]
    assert scoped["https://www.apple.com/newsroom/rss-feed.rss"] == ["tim-cook"]
    assert not any("libsyn" in news["url"] for news in watchlist["news"])  # show notes, not Sacks's words
    # no organisation channel passes for a leader's own account
    newsrooms = {"apple.com", "blog.google", "openai.com", "signal.org", "about.fb.com", "palantir.com", "salesforce.com"}
    assert not [a["id"] for leader in leaders.values() for a in leader["accounts"]
                if any(site in (a.get("url") or a.get("handle") or "") for site in newsrooms)]
    assert watchlist["archive"]["provider"] == "gdelt" and "Border Patrol" in watchlist["archive"]["terms"]
    text = BUNDLED.read_text()
    assert text.count("note:") >= 12  # how each channel was confirmed


def test_news_scope_and_archive(tmp_path):
    text = GOOD.replace("  - url: https://news.example/feed.xml\n",
                        "  - {url: https://news.example/feed.xml, leaders: [bo-imaginary]}\n"
                        "archive: {terms: [raids, Border Patrol], api: http://127.0.0.1:9/doc}\n")
    watchlist = load_watchlist(write(tmp_path, text))
    assert watchlist["news"] == [{"url": "https://news.example/feed.xml", "name": None, "leaders": ["bo-imaginary"]}]
    assert watchlist["archive"] == {"provider": "gdelt", "terms": ["raids", "Border Patrol"], "api": "http://127.0.0.1:9/doc"}


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
    "news scoped to an unknown leader": (
        GOOD.replace("  - url: https://news.example/feed.xml", "  - {url: https://news.example/feed.xml, leaders: [cy]}"),
        17, "news[0].leaders", "unknown leader 'cy'",
    ),
    "archive without terms": (
        GOOD + "archive: {provider: gdelt}\n",
        18, "archive.terms", "missing",
    ),
    "unknown archive": (
        GOOD + "archive: {provider: lexis, terms: [raids]}\n",
        18, "archive.provider", "unknown archive 'lexis'",
    ),
    "archive without a window": (
        GOOD.replace("  since: 2026-01-01\n", "") + "archive: {terms: [raids]}\n",
        17, "topic.since", "required with an archive",
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
