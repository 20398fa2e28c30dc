"""A missing, outdated or broken dependency stops a command at start-up with one line naming the
package (cli/dependencies.py), never a traceback and never a crawl whose news sources all fail."""
import subprocess
import sys
from pathlib import Path

import pytest

from onrecord.cli import dependencies

ONRECORD = Path(sys.executable).with_name("onrecord")
REQUIREMENTS = ["scrapy>=2.19,<2.20", "lxml_html_clean>=0.4", "pytest>=8; extra == 'test'"]


def test_a_missing_package_is_named_with_the_fix():
    problems = dependencies.requirement_problems(REQUIREMENTS, {"scrapy": "2.19.0"})
    assert problems == ["the package lxml_html_clean is not installed (onrecord needs lxml_html_clean>=0.4). "
                        "Run: pip install 'lxml_html_clean>=0.4'"]  # pytest belongs to an extra: not needed


def test_a_package_at_the_wrong_version_is_named_with_the_fix():
    problems = dependencies.requirement_problems(REQUIREMENTS, {"scrapy": "2.11.2", "lxml-html-clean": "0.4.1"})
    assert problems == ["the package scrapy 2.11.2 is installed, but onrecord needs scrapy<2.20,>=2.19. "
                        "Run: pip install 'scrapy<2.20,>=2.19'"]


def test_everything_declared_is_installed_here():
    assert dependencies.declared_requirements(), "onrecord is installed (scripts/setup), so its metadata is there"
    assert dependencies.requirement_problems(dependencies.declared_requirements(), dependencies.installed_versions()) == []


def test_a_package_that_does_not_import_is_named(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # what Python does for a module that cannot load
    with pytest.raises(dependencies.MissingDependency) as error:
        dependencies.check("crawl", dependencies.NEWS)
    message = error.value.message
    assert message.startswith("onrecord crawl cannot start: the package trafilatura does not import (ModuleNotFoundError:")
    assert message.endswith("Run: pip install --force-reinstall trafilatura") and "\n" not in message


@pytest.fixture
def broken_site(tmp_path):
    """A folder put first on the path: a trafilatura that fails on import the way it does without
    lxml_html_clean, and an lxml_html_clean whose metadata says 0.1."""
    site = tmp_path / "site"
    (site / "trafilatura").mkdir(parents=True)
    (site / "trafilatura" / "__init__.py").write_text(
        'raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean.\\n'
        'Install lxml[html_clean] or lxml_html_clean directly.")\n')
    return site


def run(args, site, cwd):
    return subprocess.run([str(ONRECORD), *args], capture_output=True, text=True, timeout=60, cwd=cwd,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(cwd), "PYTHONPATH": str(site)})


def test_a_broken_package_stops_a_news_crawl_at_start_up_in_one_line(broken_site, tmp_path):
    watchlist = tmp_path / "watchlist.yml"
    watchlist.write_text("topic: {id: t, name: T}\nleaders: []\nnews:\n  - url: https://news.fictional.example/feed.xml\n")
    result = run(["crawl", "--watchlist", str(watchlist), "--db", str(tmp_path / "x.db")], broken_site, tmp_path)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith("Error: onrecord crawl cannot start: the package trafilatura does not import "
                               "(ImportError: lxml.html.clean module is now a separate project lxml_html_clean.")
    assert not (tmp_path / "x.db").exists()  # nothing was started


def test_an_outdated_package_stops_any_command_in_one_line(broken_site, tmp_path):
    info = broken_site / "lxml_html_clean-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: lxml_html_clean\nVersion: 0.1\n")
    result = run(["stance", "Shipping v2 today."], broken_site, tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.strip() == ("Error: onrecord stance cannot start: the package lxml_html_clean 0.1 is installed, "
                                     "but onrecord needs lxml_html_clean>=0.4. Run: pip install 'lxml_html_clean>=0.4'")
    assert run(["stance", "--help"], broken_site, tmp_path).returncode == 0  # help needs no packages
