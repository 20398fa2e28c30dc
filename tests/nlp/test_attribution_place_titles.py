"""A title read through an organisation named after a place (found when heldout20's leaders joined
the real set's watchlist, round 21 of issue 11): 'the president of the Dunmore city council' is the
council's president, never the Dunmore Regional Chamber of Commerce's. Every person, company and
town here is FICTIONAL."""
import pytest

from onrecord.nlp.quotes import QuoteFinder

VARGA = [{"id": "ines-varga", "name": "Ines Varga", "aliases": ["Varga"], "title": "President and CEO",
          "organization": "Dunmore Regional Chamber of Commerce"},
         {"id": "otto-pell", "name": "Otto Pell", "aliases": ["Pell"], "title": "President and COO",
          "organization": "Pell Brew Labs"}]


@pytest.fixture(scope="module")
def finder():
    return QuoteFinder(VARGA)


def test_the_chambers_president_is_her(finder, said):
    text = ('Ines Varga spoke on Monday.\n\n"Our members are frightened," the Dunmore chamber president said.')
    assert said(finder, text, "quote") == {("ines-varga", "our members are frightened")}


def test_a_town_after_the_organisation_leaves_its_president_in_view(finder, said):
    # the chamber's first word, Dunmore, names the brewery's town here, not a second organisation
    text = ('When I reach Otto Pell, he is late. "I am taking the call from my car," the president and COO '
            'of Pell Brew Labs in Northeast Dunmore explains.')
    assert said(finder, text, "quote") == {("otto-pell", "i am taking the call from my car")}


# --- must never -----------------------------------------------------------------------------------

def test_the_president_of_the_city_council_is_someone_else(finder, said):
    text = ("Ines Varga was not at the meeting. The president of the Dunmore city council describes it as "
            'a military occupation. "We are under siege," the president of the Dunmore city council said.')
    assert said(finder, text) == set()


def test_the_city_council_president_is_someone_else(finder, said):
    text = ('Ines Varga was not at the meeting.\n\n"We are under siege," the Dunmore city council president said.')
    assert said(finder, text) == set()
