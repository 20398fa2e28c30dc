"""A title names a leader only with their organisation's name, never with a word it shares with
another body ("the president of the Minneapolis city council" is no chamber of commerce's president).
FICTIONAL leaders and sentences."""
import pytest

from onrecord.nlp.quotes import QuoteFinder

CHAMBER = [{"id": "ada-quill", "name": "Ada Quill", "aliases": ["Quill"], "title": "President and CEO",
            "organization": "Harborview Regional Chamber of Commerce"},
           {"id": "ben-oduya", "name": "Ben Oduya", "aliases": ["Oduya"], "title": "CEO", "organization": "Larchmont Bank"}]


@pytest.fixture(scope="module")
def finder():
    return QuoteFinder(CHAMBER)


def test_another_body_that_shares_the_first_word_names_no_leader(finder, said):
    text = ("Agents went door to door on Tuesday. The president of the Harborview city council describes it "
            "as a military occupation. \"We were never told,\" the president of the Harborview school board said.")
    assert said(finder, text) == set()


def test_the_organisations_own_name_still_names_its_leader(finder, said):
    text = ("Agents went door to door on Tuesday. \"Our restaurants are empty,\" the Harborview Regional "
            "Chamber president said. \"Half our tellers stayed home,\" the Larchmont chief said.")
    assert said(finder, text) == {("ada-quill", "our restaurants are empty"), ("ben-oduya", "half our tellers stayed home")}
