"""A company named for a family leaves the family's name a person's (nlp/leader_index.py).

The small model tags some company names as PERSON, so the words of a listed leader's company are no
person in view. A company named for a family (`The Hollister Organization`) would then make every
bare `Hollister` in the text no one, and a later he or she could go past him to a leader named
earlier. Found when a listed Eric Trump (The Trump Organization, no alias) made the President's bare
surname no one in a development excerpt (heldout72 tt04: 'He accused the community of fraud ...', the
President's words, went to the restaurant owner quoted above). FICTIONAL leaders and sentences only;
the must-never test fails with the name words left in the company words.
"""
import pytest

from onrecord.nlp.quotes import QuoteFinder

from onrecord.tests.nlp.conftest import OKONKWO_AND_REYNA

HOLLISTER = {"id": "dale-hollister", "name": "Dale Hollister", "aliases": [],
             "title": "Executive Vice President", "organization": "The Hollister Organization"}

GOVERNOR = "Reyna said the crews are scared.\n\nGovernor Hollister spoke on Tuesday. He said the raids would continue."


@pytest.fixture(scope="module")
def with_family_company():
    return QuoteFinder([*OKONKWO_AND_REYNA, HOLLISTER])


def test_a_bare_family_name_is_someone_in_view(with_family_company, said):
    # must never: the governor's words to the roofer named a paragraph before
    assert "the raids would continue" not in said.by(with_family_company, GOVERNOR, "tomas-reyna")


def test_listing_the_family_member_changes_nothing_for_others(finder, with_family_company, said):
    assert said(with_family_company, GOVERNOR) == said(finder, GOVERNOR)


def test_the_leader_named_in_full_still_speaks(with_family_company, said):
    text = "Dale Hollister, an executive at The Hollister Organization, said the company would keep hiring."
    assert said.by(with_family_company, text, "dale-hollister") == {"the company would keep hiring"}


def test_a_company_named_for_its_leader_keeps_her_words(with_family_company, said):
    text = "Tomas Reyna, who owns Reyna Roofing, said his crews were afraid to go to work."
    assert said.by(with_family_company, text, "tomas-reyna") == {"his crews were afraid to go to work"}
