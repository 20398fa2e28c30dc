"""Words never go to a listed leader the article does not name: each path that can reach a leader
without her name (a title with an organisation, a transcript label or a signature that is only a
surname someone else in the story bears, an embedded post's handle) needs her name, an alias that
is hers in this story, or her organisation's own name. Each guard beside the form it still reads.
Every person and company here is invented (FICTIONAL)."""

import pytest

from onrecord.nlp.quotes import QuoteFinder

LEADERS = [
    {"id": "mara-okonkwo", "name": "Mara Okonkwo", "aliases": ["Okonkwo"], "title": "Chief Executive",
     "organization": "Lumenfold", "accounts": [{"platform": "mastodon", "handle": "mokonkwo@lumen.social"}]},
    {"id": "tobias-harrow", "name": "Tobias Harrow", "aliases": ["Harrow"], "title": "Manager",
     "organization": "Harvest Foods"},
]


@pytest.fixture(scope="module")
def finder():
    return QuoteFinder(LEADERS)


# --- a title with an organisation: the organisation's own name, in its own case -----------------

def test_a_common_word_that_begins_an_organisations_name_names_no_one(finder, said):
    text = ("Ottoline Fenn runs a farm stand outside Dayton.\n\n"
            "“We lost half the crew in a week,” the harvest manager said.")
    assert "tobias-harrow" not in {leader for leader, _ in said(finder, text)}


def test_the_organisations_own_name_still_names_its_manager(finder, said):
    text = "“We lost half the crew in a week,” the Harvest Foods manager said."
    assert said(finder, text) == {("tobias-harrow", "we lost half the crew in a week")}


# --- a transcript label or a signature that is only a surname someone else bears ----------------

def test_a_label_with_a_surname_another_person_in_the_story_bears_is_no_listed_leader(finder, said):
    text = ("Gloria Okonkwo owns a bakery in Dayton. We asked her about the raids.\n\n"
            "INTERVIEWER: How has the week been for the bakery?\n\n"
            "Okonkwo: We lost four of our bakers on Tuesday morning and nobody has come back.")
    assert said(finder, text) == set()


def test_a_label_with_the_leaders_own_surname_still_gives_her_words(finder, said):
    text = ("Mara Okonkwo runs Lumenfold. We asked her about the raids.\n\n"
            "INTERVIEWER: How has the week been for the company?\n\n"
            "Okonkwo: We lost four of our engineers on Tuesday morning and nobody has come back.")
    assert said(finder, text) == {
        ("mara-okonkwo", "we lost four of our engineers on tuesday morning and nobody has come back")}


def test_a_signature_with_a_surname_another_person_in_the_story_bears_is_no_listed_leader(finder, said):
    text = ("Gloria Okonkwo owns a bakery in Dayton.\n\n"
            "“We will not close our doors to anyone.” — Okonkwo")
    assert said(finder, text) == set()


# --- an embedded post's byline: a handle without its instance may be anyone's -------------------

def test_a_bare_handle_under_someone_elses_name_is_not_the_leaders_account(finder, said):
    text = ("Okonkwo has said nothing. A Dayton baker posted:\n\n"
            "> We will not close our doors to anyone. — Gloria Ruiz (@mokonkwo) February 3, 2026")
    assert said(finder, text) == set()


def test_the_leaders_whole_handle_or_her_name_still_signs_her_post(finder, said):
    whole = ("Okonkwo posted:\n\n"
             "> We will not close our doors to anyone. — Lumenfold CEO (@mokonkwo@lumen.social) February 3, 2026")
    named = ("Okonkwo posted:\n\n"
             "> We will not close our doors to anyone. — Mara Okonkwo (@mokonkwo) February 3, 2026")
    for text in (whole, named):
        assert said(finder, text) == {("mara-okonkwo", "we will not close our doors to anyone")}
