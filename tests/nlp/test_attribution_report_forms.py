"""Reporting forms read in round 4 of issue 11, each on a FICTIONAL sentence: a name two leaders
share, reported speech after verbs of promising, warning and thanking, partial quotes inside
reported speech, and the traps where no words (or only whole clauses) may go to the leader.
Every person and company here is invented."""

import pytest

from onrecord.nlp.quotes import QuoteFinder, normalize_quote

LEADERS = [
    {"id": "park-min-ji", "name": "Park Min-ji", "aliases": ["Park"], "title": "CEO",
     "organization": "Hanul Cells"},
    {"id": "park-joon-ho", "name": "Park Joon-ho", "aliases": ["Park"], "title": "Chief Human Resources Officer",
     "organization": "Hanul Cells"},
    {"id": "mara-okonkwo", "name": "Mara Okonkwo", "aliases": ["Okonkwo"], "title": "Chief Executive",
     "organization": "Lumenfold"},
    {"id": "ana-ruiz", "name": "Ana Ruiz", "aliases": ["Ruiz"], "title": "owner", "organization": "Casa Verde"},
]


@pytest.fixture(scope="module")
def finder():
    return QuoteFinder(LEADERS)


def said(finder, text, kind=None):
    return {(q.leader_id, normalize_quote(q.quote)) for q in finder.find(text) if kind is None or q.kind == kind}


# --- a name two leaders answer to ---------------------------------------------------------------

def test_a_shared_name_is_the_one_leader_named_in_full(finder):
    text = ("Hanul Cells chief executive Park Min-ji met the returning workers on Friday.\n\n"
            '"We will look after every one of them," Park told reporters.')
    assert said(finder, text) == {("park-min-ji", "we will look after every one of them")}


def test_a_shared_name_with_both_leaders_named_is_no_one(finder):
    text = ("Park Min-ji and Park Joon-ho met the returning workers on Friday.\n\n"
            '"We will look after every one of them," Park told reporters.')
    assert said(finder, text) == set()


def test_a_shared_name_with_no_one_named_in_full_is_no_one(finder):
    assert said(finder, '"We will look after every one of them," Park told reporters.') == set()


def test_a_shared_name_of_someone_else_is_no_one(finder):
    text = ("Park Min-ji met the trade minister, Park Sung-il, at the airport.\n\n"
            '"We will look after every one of them," Park told reporters.')
    assert ("park-min-ji", "we will look after every one of them") not in said(finder, text)
