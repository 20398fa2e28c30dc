"""Reporting forms read in round 5 of issue 11, each on a FICTIONAL sentence: where a reported
clause starts and ends (a fronted phrase is not what was said, a reporter's relative clause is
not part of it), and the quote forms round 5 added. Every person and company here is invented."""

import pytest

from onrecord.nlp.quotes import QuoteFinder

LEADERS = [
    {"id": "mara-okonkwo", "name": "Mara Okonkwo", "aliases": ["Okonkwo"], "title": "Chief Executive",
     "organization": "Lumenfold"},
    {"id": "teodor-vance", "name": "Teodor Vance", "aliases": ["Vance"], "title": "president",
     "organization": "Brightwell Motors"},
]


@pytest.fixture(scope="module")
def finder():
    return QuoteFinder(LEADERS)


# --- where a reported clause starts and ends ----------------------------------------------------

def test_a_fronted_phrase_before_the_speaker_is_not_what_was_said(finder, said):
    text = ("In a March email reportedly sent to all its retail clients, CEO Mara Okonkwo claimed "
            "that criticism of Lumenfold was criticism of its customers.")
    assert said(finder, text, "paraphrase") == {
        ("mara-okonkwo", "criticism of lumenfold was criticism of its customers")}


def test_a_parenthetical_tag_still_reports_the_clause_before_it(finder, said):
    text = ("Losing 20 of 30 drivers at the depot meant deliveries had effectively stopped, Okonkwo said, "
            "with every clerk and manager loading trucks until new drivers could be hired.")
    found = said(finder, text, "paraphrase")
    assert any("deliveries had effectively stopped" in words for _, words in found)
    assert not any("every clerk" in words for _, words in found)


def test_a_reporters_relative_clause_is_not_part_of_the_reported_words(finder, said):
    text = ("Teodor Vance, Brightwell Motors president, again emphasized investment plans for the state of Ohio, "
            "where agents detained 120 workers last spring.")
    assert said(finder, text, "paraphrase") == {("teodor-vance", "emphasized investment plans for the state of ohio")}


def test_a_relative_clause_where_the_leader_acts_stays_hers(finder, said):
    text = ("Okonkwo pointed to a sharp drop in spending among immigrant customers, which she linked to "
            "the raids in the city.")
    found = said(finder, text, "paraphrase")
    assert found and all("which she linked to the raids" in words for _, words in found)


# --- who speaks, and where one quote ends -------------------------------------------------------

def test_an_abbreviation_ending_the_sentence_before_the_name_is_no_first_name(finder, said):
    text = ("Mara Okonkwo runs a bakery in Riverton.\n\n"
            "Her bakers have had clean records since their arrival in the U.S. Okonkwo figured she had done "
            "everything right.\n\n"
            "\u201cIt is going to be really hard to replace them,\u201d Okonkwo said.")
    assert said(finder, text) == {("mara-okonkwo", "it is going to be really hard to replace them")}


def test_initials_before_the_name_are_still_someone_elses_name(finder, said):
    text = ("Mara Okonkwo runs a bakery in Riverton.\n\n"
            "J.R. Okonkwo had clean records.\n\n"
            "\u201cIt is going to be really hard to replace them,\u201d Okonkwo said.")
    assert said(finder, text) == set()


def test_a_partial_quote_inside_a_fronted_phrase_is_not_the_first_half_of_the_next(finder, said):
    text = ("Mara Okonkwo runs a bakery in Riverton.\n\n"
            "With \u201cvery few people to hire from,\u201d she explained, \u201cyou would have to train them, "
            "and that takes years.\u201d")
    assert said(finder, text, "quote") == {("mara-okonkwo", "very few people to hire from"),
                                            ("mara-okonkwo", "you would have to train them and that takes years")}


def test_an_interrupted_quote_is_still_one_quote(finder, said):
    text = ("Mara Okonkwo runs a bakery in Riverton.\n\n"
            "\u201cThis situation,\u201d she told a reporter for the local station, \u201cis not at all what "
            "they said it was.\u201d")
    assert said(finder, text, "quote") == {("mara-okonkwo", "this situation is not at all what they said it was")}


def test_adding_hung_on_the_quoted_clause_is_the_tags_speaker(finder, said):
    text = ("Teodor Vance spoke to investors on Tuesday.\n\n"
            'On tariffs, he said, "Local assembly is a simple answer," adding, "We have planned this for '
            'some time, and we are doing it now."')
    assert ("teodor-vance", "we have planned this for some time and we are doing it now") in said(finder, text, "quote")


def test_adding_hung_on_a_quoted_clause_never_goes_to_a_name_inside_it(finder):
    text = ("Teodor Vance spoke to investors on Tuesday.\n\n"
            'On tariffs, the mayor said, "Okonkwo is a simple answer," adding, "We have planned this for '
            'some time, and we are doing it now."')
    assert not [q for q in finder.find(text) if q.leader_id == "mara-okonkwo"]


# --- an interview summarised in prose -----------------------------------------------------------

def test_a_sentence_opened_by_the_leaders_name_as_a_label_gives_the_quote(finder, said):
    text = ("Okonkwo sat down with a podcast host last week. She defends the contract as efficiency. "
            "Okonkwo: \u201cWhy should a clerk search twenty systems by hand?\u201d The host responds: "
            "\u201cDoes that include a person\u2019s past address?\u201d")
    assert said(finder, text, "quote") == {("mara-okonkwo", "why should a clerk search twenty systems by hand")}


def test_a_label_naming_someone_else_or_inside_a_sentence_gives_nothing(finder, said):
    text = ("Okonkwo sat down with a podcast host last week. Host: \u201cDoes that include a past address?\u201d "
            "It was clear to Okonkwo: \u201cthe host had done the reading.\u201d")
    assert said(finder, text, "quote") == set()
