"""A transcript's turns (read in round 10 of issue 11), each on a FICTIONAL call with a guard beside
it: a leader's label right after another speaker's label (an operator's) is a turn, and the turn
runs on over the next unlabelled paragraphs spoken in the first person, until narration or another
label. Every person and company here is invented."""

import pytest

from onrecord.nlp.quotes import QuoteFinder, normalize_quote

LEADERS = [
    {"id": "mara-okonkwo", "name": "Mara Okonkwo", "aliases": ["Okonkwo", "Mara J. Okonkwo"],
     "title": "Chief Executive", "organization": "Lumenfold"},
]

OPENING = ("Operator: Good day, and welcome to the Lumenfold third quarter call. I would now like to turn the "
           "call over to Mara Okonkwo.\n\n"
           "Mara J. Okonkwo: Thank you, operator. Good morning, everyone, and thank you for joining us today.\n\n")


@pytest.fixture(scope="module")
def finder():
    return QuoteFinder(LEADERS)


def quotes(finder, text):
    return {(q.leader_id, normalize_quote(q.quote)) for q in finder.find(text) if q.kind == "quote"}


def test_a_leaders_label_after_the_operators_is_a_turn_running_on_in_the_first_person(finder):
    text = OPENING + "Much of what we will discuss today may include forward-looking statements about our plans."
    assert quotes(finder, text) == {("mara-okonkwo", normalize_quote(
        "Thank you, operator. Good morning, everyone, and thank you for joining us today. Much of what we will "
        "discuss today may include forward-looking statements about our plans."))}


def test_the_turn_stops_at_narration_about_someone(finder):
    text = OPENING + "She then took questions from analysts about our plans for the year."
    assert quotes(finder, text) == {("mara-okonkwo", normalize_quote(
        "Thank you, operator. Good morning, everyone, and thank you for joining us today."))}


def test_the_turn_stops_at_a_paragraph_with_no_first_person(finder):
    text = OPENING + "Shares of Lumenfold rose 4 percent after the call."
    assert quotes(finder, text) == {("mara-okonkwo", normalize_quote(
        "Thank you, operator. Good morning, everyone, and thank you for joining us today."))}


def test_a_lone_label_after_narration_is_no_transcript(finder):
    text = ("Lumenfold held its third quarter call on Tuesday.\n\n"
            "Mara J. Okonkwo: Thank you, operator. Good morning, everyone, and thank you for joining us today.")
    assert quotes(finder, text) == set()
