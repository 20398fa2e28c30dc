"""The fourth must-never hunt (round 36 of issue 11), FICTIONAL sentences (tests/nlp/conftest.py's
Mara Okonkwo of Lumenfold and Tomas Reyna of Reyna Roofing, with an invented councilwoman, mayor,
sheriff, interpreter and lawyer). One general form gave words that were not hers: a Q&A's surname
label ('OKONKWO:') when a namesake is named at the start of a sentence ('Ana Okonkwo is a city
councilwoman.'), where the small model tags no person; transcripts._label_leader now reads a first
name opening a sentence as a namesake's when that name is the sentence's subject. The other forms
the hunt wrote gave no one's words, and are kept so here."""
import pytest

from onrecord.nlp.quotes import normalize_quote

QA = "Q: Will the council act on the raids?\n\nOKONKWO: The council will vote on Tuesday.\n\n"
COUNCIL = normalize_quote("The council will vote on Tuesday.")


@pytest.mark.parametrize("namesake", [
    "Ana Okonkwo is a city councilwoman and no relation to the Lumenfold chief executive.",
    "Ana Okonkwo chairs the city council.",
])
@pytest.mark.parametrize("first", [True, False])
def test_never_a_surname_label_when_a_namesake_opens_a_sentence(finder, said, namesake, first):
    text = namesake + "\n\n" + QA if first else QA + namesake
    assert not {pair for pair in said(finder, text) if pair[0] == "mara-okonkwo"}


@pytest.mark.parametrize("after", [
    "Mara Okonkwo is the chief executive of Lumenfold.",
    "Okonkwo is the chief executive of Lumenfold.",
])
def test_her_surname_label_stays_hers_when_she_opens_a_sentence(finder, said, after):
    assert ("mara-okonkwo", COUNCIL) in said(finder, QA + after, "quote")


@pytest.mark.parametrize("text", [
    "For Okonkwo, the mayor said, the raids are “a test of character.”",
    "For Okonkwo, one board member said, “the raids are a distraction.”",
    "Okonkwo opposed the raids, according to Mayor Linda Chow.\n\n“The raids are cruel and they must stop.”",
    "According to Sheriff Dale Murrow, Okonkwo called him twice.\n\n“I told her the law is the law.”",
    "Q: Mayor Chow, what did Okonkwo tell you?\nCHOW: She said the raids were cruel.\nQ: Do you agree?\nCHOW: I do.",
    "“The raids are necessary.” — Sheriff Dale Murrow\n\nMara Okonkwo has not commented.",
    "10:02 a.m. Mara Okonkwo arrives at City Hall.\n\n10:05 a.m. “We will not stop the raids,” Sheriff Dale Murrow "
    "told reporters.",
    "I told Okonkwo, “Your workers are scared.” She did not answer.",
    "Okonkwo spoke in Igbo. Her interpreter, Ada Nwosu, said, “The raids are wrong.”",
    "In a Lumenfold ad, Okonkwo's voice says, “Every worker belongs here.”",
    "Okonkwo retweeted the mayor's post, “The raids must end,” without comment.",
    "Photo by Mara Okonkwo/Lumenfold via AP\n\n“The raids will continue,” Sheriff Dale Murrow said.",
    "Okonkwo's lawyer said in court that Okonkwo “never supported the raids.”",
    "“Ms. Okonkwo opposes the raids,” her lawyer said in court.",
    "Ian Cole, whose company Okonkwo founded, said the raids were “unfortunate.”",
    "Mara Okonkwo and Mara Ellis were both at the rally. “The raids are cruel,” Mara said.",
    "Echoing Okonkwo, the mayor called the raids “a betrayal.”",
])
def test_never_words_not_hers_in_the_hunts_other_forms(finder, said, text):
    assert said(finder, text) == set()


def test_her_own_words_in_the_nearest_forms(finder, said):
    assert said(finder, "Speaking through an interpreter, Okonkwo said, “The raids are wrong.”", "quote") == {
        ("mara-okonkwo", normalize_quote("The raids are wrong."))}
    assert said(finder, "Okonkwo quoted the mayor's post and wrote, “The raids are a disgrace.”", "quote") == {
        ("mara-okonkwo", normalize_quote("The raids are a disgrace."))}
