"""Who a pronoun's quote belongs to when the sentence before leaves one person in view, in forms
read in round 10 of issue 11, each on a FICTIONAL sentence with a guard beside it. Every person
and company here is invented."""

import pytest

from onrecord.nlp.quotes import QuoteFinder, normalize_quote

LEADERS = [
    {"id": "mara-okonkwo", "name": "Mara Okonkwo", "aliases": ["Okonkwo"], "title": "Chief Executive",
     "organization": "Lumenfold"},
    {"id": "tomas-reyna", "name": "Tomas Reyna", "aliases": ["Reyna"], "title": "owner",
     "organization": "Reyna Roofing"},
]


@pytest.fixture(scope="module")
def finder():
    return QuoteFinder(LEADERS)


def said(finder, text, kind=None):
    return {(q.leader_id, normalize_quote(q.quote)) for q in finder.find(text) if kind is None or q.kind == kind}


# --- a passive whose agent is a thing leaves its subject in view ----------------------------------

def test_a_passive_subject_acted_on_by_a_thing_is_the_next_she(finder):
    text = ("Mara Okonkwo, chief executive of Lumenfold, which employs 400 people, wasn't reassured by the "
            'reversal. "Nobody on my team sleeps anymore," she said.')
    assert ("mara-okonkwo", "nobody on my team sleeps anymore") in said(finder, text)


def test_a_passive_subject_acted_on_by_a_person_leaves_the_she_in_doubt(finder):
    text = ('Mara Okonkwo was criticized by the sheriff. "Nobody on my team sleeps anymore," she said.')
    assert said(finder, text, kind="quote") == set()


def test_a_passive_subject_acted_on_by_a_name_leaves_the_she_in_doubt(finder):
    text = ('Mara Okonkwo was criticized by Delia Ruiz. "Nobody on my team sleeps anymore," she said.')
    assert said(finder, text, kind="quote") == set()


def test_a_passive_subject_acted_on_by_a_pronoun_leaves_the_she_in_doubt(finder):
    text = ('Mara Okonkwo was hired by her in 2019. "Nobody on my team sleeps anymore," she said.')
    assert said(finder, text, kind="quote") == set()


def test_a_passive_subject_acted_on_by_an_agent_noun_leaves_the_she_in_doubt(finder):
    # a noun the person lists do not know, but formed as one who acts ('-er', '-or', '-ist')
    text = ('Mara Okonkwo was outbid by the wholesaler. "Nobody on my team sleeps anymore," she said.')
    assert said(finder, text, kind="quote") == set()
