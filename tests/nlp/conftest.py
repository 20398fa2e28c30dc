"""What the nlp tests share: for attribution, `said`, the (leader, normalised words) pairs a finder
gives, and a default `finder` over two FICTIONAL leaders (a test module with its own `finder` uses
that); for stance, `clf`, the shipped model on the project's topic, loaded once."""
import pytest

from onrecord.nlp.quotes import QuoteFinder, normalize_quote
from onrecord.nlp.stance import StanceClassifier
from onrecord.nlp.stance_data import TOPIC

OKONKWO_AND_REYNA = [
    {"id": "mara-okonkwo", "name": "Mara Okonkwo", "aliases": ["Okonkwo"], "title": "Chief Executive",
     "organization": "Lumenfold"},
    {"id": "tomas-reyna", "name": "Tomas Reyna", "aliases": ["Reyna"], "title": "owner",
     "organization": "Reyna Roofing"},
]


@pytest.fixture(scope="module")
def finder():
    return QuoteFinder(OKONKWO_AND_REYNA)


class Said:
    """said(finder, text, kind=None) -> {(leader id, normalised words)}, of one kind ("quote" or
    "paraphrase") when kind is given; said.to(...) the leaders given exactly some words, said.by(...)
    the words given to one leader."""

    def __call__(self, finder, text, kind=None):
        return {(q.leader_id, normalize_quote(q.quote)) for q in finder.find(text) if kind is None or q.kind == kind}

    def to(self, finder, text, words, kind=None):
        return {leader for leader, w in self(finder, text, kind) if w == normalize_quote(words)}

    def by(self, finder, text, leader="mara-okonkwo", kind=None):
        return {w for who, w in self(finder, text, kind) if who == leader}


@pytest.fixture(scope="session")
def said():
    return Said()


@pytest.fixture(scope="session")
def clf():
    return StanceClassifier(TOPIC)

