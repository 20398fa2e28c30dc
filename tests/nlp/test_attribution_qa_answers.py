"""A Q&A's answers (round 35 of issue 11): an interviewer's question printed unlabelled, then the
leader's answer under her label, often her surname alone ('Kelly: I would suspect ...'). FICTIONAL
people (tests/nlp/conftest.py's Mara Okonkwo and Tomas Reyna, with an invented senator, mayor and
interviewer). transcripts._labels reads any label right after a question as a turn (so what another
speaker's answer relays of her is that speaker's account: transcripts.turns);
transcripts._label_leader takes a surname label only while no one else in the article bears that
surname; transcripts._turn_goes_on stops at the next question."""
import pytest

from onrecord.nlp.quotes import normalize_quote

INTRO = "The Ledger spoke with Mara Okonkwo, chief executive of Lumenfold, on Friday.\n\n"
QUESTION = "What has been the impact of the raids on your company?\n\n"
ANSWER = "Okonkwo: I would say we have lost about a third of our night shift since June, and we cannot replace them."
HERS = normalize_quote("I would say we have lost about a third of our night shift since June, and we cannot "
                       "replace them.")


def test_a_surname_label_after_an_unlabelled_question_is_her_answer(finder, said):
    assert said(finder, INTRO + QUESTION + ANSWER, "quote") == {("mara-okonkwo", HERS)}


def test_her_answer_runs_on_over_a_paragraph_in_the_first_person(finder, said):
    text = INTRO + QUESTION + ANSWER + "\n\nWe have asked the city for help, and we are still waiting for an answer."
    assert said(finder, text, "quote") == {("mara-okonkwo", normalize_quote(
        HERS + " We have asked the city for help, and we are still waiting for an answer."))}


def test_a_roofers_answer_under_his_surname(finder, said):
    text = ("Tomas Reyna runs Reyna Roofing in Tucson.\n\nHow many of your roofers came to work this week?\n\n"
            "Reyna: About half of my crew stayed home, and I do not blame them one bit.")
    assert said(finder, text, "quote") == {("tomas-reyna", normalize_quote(
        "About half of my crew stayed home, and I do not blame them one bit."))}


@pytest.mark.parametrize("text", [
    # a namesake bears the surname: whose label 'Okonkwo:' is stays in doubt
    "The Ledger spoke with State Sen. Ana Okonkwo after Mara Okonkwo's announcement.\n\n" + QUESTION + ANSWER,
    "Mara Okonkwo's cousin, Ana Okonkwo, runs a bakery in the same district.\n\n" + QUESTION + ANSWER,
    # a label naming someone else, after the question, is that person's answer
    INTRO + QUESTION + "Ana Okonkwo: I would say we have lost about a third of our night shift since June.",
    # a label that is a role, after a question: a list of panelists, no turn
    INTRO + "Who spoke on the panel?\n\nOkonkwo: Chief executive of Lumenfold, who has led the company since 2019.",
])
def test_never_a_namesakes_or_a_panel_lists_label(finder, said, text):
    assert ("mara-okonkwo", HERS) not in said(finder, text, "quote")
    assert not {pair for pair in said(finder, text, "quote") if pair[0] == "mara-okonkwo"}


@pytest.mark.parametrize("following", [
    "And what should our readers in Minneapolis do if we want to help your workers?",
    "Should we expect more of our neighbours to lose their jobs this year?",
])
def test_never_the_interviewers_next_question_as_her_turn(finder, said, following):
    # the next question speaks in the first person ('our readers', 'we'): it is the interviewer's, and
    # ends her turn
    text = INTRO + QUESTION + ANSWER + "\n\n" + following
    assert said(finder, text, "quote") == {("mara-okonkwo", HERS)}


def test_never_the_question_itself(finder, said):
    text = INTRO + "Okonkwo, do you think we have done enough for our workers this year?\n\n" + ANSWER
    assert said(finder, text, "quote") == {("mara-okonkwo", HERS)}


MAYOR = "The Ledger spoke with Mayor Linda Chow and Mara Okonkwo, chief executive of Lumenfold, on Friday.\n\n"


@pytest.mark.parametrize("answer", [
    "Linda Chow: Okonkwo told me the raids must end, and that she would say so publicly.",
    "Linda Chow: Okonkwo told me, “The raids must end.”",
])
def test_never_her_words_relayed_in_another_speakers_answer(finder, said, answer):
    # the mayor's answer to the question, under the mayor's label: her account of what Okonkwo said
    text = MAYOR + "What did the company tell you about the raids?\n\n" + answer
    assert not {pair for pair in said(finder, text) if pair[0] == "mara-okonkwo"}


def test_her_answer_and_not_the_next_speakers(finder, said):
    text = (MAYOR + QUESTION + ANSWER + "\n\nLinda Chow: We have lost far more than that across the city, and we need "
            "help from the state.")
    assert said(finder, text) == {("mara-okonkwo", HERS)}
