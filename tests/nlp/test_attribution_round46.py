"""Round 46 of issue 11, FICTIONAL sentences (tests/nlp/conftest.py's Mara Okonkwo and Tomas Reyna,
with an invented mayor, sheriff, union, Linda Chow, Lumenfold Bakers United and the stations WLMN24, Valley24 and KLMN7).
Two readings of the largest remaining direct misses that a general rule can take, and a guard:

- her own view before a colon, the words after it printed without quote marks ('Mara Okonkwo, chief
  executive of Lumenfold, shared her view on the shortage:' and a paragraph in the first person,
  heldout44 sr04; nlp/own_views.py, read by quote_candidates' unmarked blocks, colon_verb and the
  passing-on check);
- and the other way round, a view asked for ('asked for his perspective:', 'asked for her staff's
  thoughts: "..."') is the one asked's, never the asker's (a hole found on main while writing these
  tests; nlp/own_views.py asks_for_a_view, asked by attribution of the verb found);
- a pronoun tag after '<outlet with a digit in its name> noted that <leader> ...' (heldout50 sx04):
  a subject guessed a speaker only from its place whose word holds a digit ('ABC24', '3M') is an
  outlet's or a company's name, no 'he' or 'she' (nlp/antecedents.py _agreeing).

The nearest wrong forms (another's, a group's, a letter's or an official's view or words in the
same shape; another person in the sentence; a pronoun with another person of that gender in view;
a handle, which may be a person's) stay no one's, or someone else's, never hers."""
import pytest

from onrecord.nlp.quotes import normalize_quote

NIGHTS = "We have lost half of our night shift since the spring. Our ovens sit cold three nights a week."
NIGHTS_WORDS = normalize_quote(NIGHTS)
BEFORE = "Bakers across the valley are worried about the raids.\n\n"


# --- her own view before a colon, the words unmarked -------------------------------------------

@pytest.mark.parametrize("text, leader", [
    (f"{BEFORE}Mara Okonkwo, chief executive of Lumenfold, shared her view on the shortage of bakers:\n\n{NIGHTS}",
     "mara-okonkwo"),
    (f"{BEFORE}Mara Okonkwo, chief executive of Lumenfold, offered her perspective:\n\n{NIGHTS}\n\nThe raids began in May.",
     "mara-okonkwo"),
    (f"{BEFORE}Tomas Reyna gave his take on the raids:\n\n{NIGHTS}", "tomas-reyna"),
    (f"{BEFORE}Mara Okonkwo shared her thoughts on the raids:\n\n{NIGHTS}", "mara-okonkwo"),
])
def test_keeps_her_own_view_after_a_colon(finder, said, text, leader):
    assert (leader, NIGHTS_WORDS) in said(finder, text, "quote")


@pytest.mark.parametrize("text", [
    # someone else's view, a group's, a letter's, or no one's in particular
    f"{BEFORE}Mara Okonkwo shared the union’s view:\n\n{NIGHTS}",
    f"{BEFORE}Mara Okonkwo shared the mayor’s view on the shortage:\n\n{NIGHTS}",
    f"{BEFORE}Mara Okonkwo shared their view on the shortage:\n\n{NIGHTS}",
    f"{BEFORE}Mara Okonkwo shared a view she had heard at the union hall:\n\n{NIGHTS}",
    f"{BEFORE}Mara Okonkwo shared the union’s letter:\n\n{NIGHTS}",
    f"{BEFORE}Mara Okonkwo shared her screenshot of a text:\n\n{NIGHTS}",
    f"{BEFORE}Mara Okonkwo heard his view on the shortage:\n\n{NIGHTS}",
    # another person in the sentence, whose view it may be
    f"{BEFORE}Mara Okonkwo met the mayor and shared his view:\n\n{NIGHTS}",
    f"{BEFORE}Mara Okonkwo met Linda Chow, who shared her view:\n\n{NIGHTS}",
    f"{BEFORE}Mara Okonkwo sat beside Linda Chow and shared her view:\n\n{NIGHTS}",
    f"{BEFORE}Mara Okonkwo shared her view, and the sheriff gave his:\n\n{NIGHTS}",
    f"{BEFORE}At the meeting with the mayor, Mara Okonkwo shared his view:\n\n{NIGHTS}",
    f"{BEFORE}Speaking for the sheriff, Mara Okonkwo shared his view on the raids:\n\n{NIGHTS}",
    f"{BEFORE}Mara Okonkwo and Linda Chow shared their view:\n\n{NIGHTS}",
    f"{BEFORE}Mara Okonkwo and the mayor each shared her view:\n\n{NIGHTS}",
    f"{BEFORE}The owners, Mara Okonkwo among them, shared their views:\n\n{NIGHTS}",
    # the view another's: her neighbour's, the mayor's, her lawyer's, a group's
    f"{BEFORE}Linda Chow, a neighbour of Mara Okonkwo, shared her view:\n\n{NIGHTS}",
    f"{BEFORE}The mayor of Mara Okonkwo’s town shared his view:\n\n{NIGHTS}",
    f"{BEFORE}Mara Okonkwo’s lawyer shared his view on the case:\n\n{NIGHTS}",
    f"{BEFORE}Lumenfold Bakers United, Mara Okonkwo’s union, shared its view:\n\n{NIGHTS}",
    # a pronoun with another woman in view
    f"Mara Okonkwo met Linda Chow at the bakery.\n\nShe shared her view on the shortage:\n\n{NIGHTS}",
    # the words after the colon the reporter's, not hers
    f"{BEFORE}Mara Okonkwo shared her view on the shortage:\n\nThe mayor has said the bakery will close in May.",
])
def test_never_a_view_after_a_colon_that_is_not_hers(finder, said, text):
    got = said(finder, text, "quote")
    assert ("mara-okonkwo", NIGHTS_WORDS) not in got
    assert not any(leader == "mara-okonkwo" and "mayor has said" in words for leader, words in got)


# --- a view asked for: the one asked's words (found on main while writing the tests above) ----------

@pytest.mark.parametrize("text", [
    f"{BEFORE}Mara Okonkwo asked for his perspective:\n\n{NIGHTS}",
    f"{BEFORE}Mara Okonkwo asked the mayor for his view:\n\n{NIGHTS}",
    f"{BEFORE}Mara Okonkwo asked for her staff’s thoughts: “{NIGHTS}”",
    f"{BEFORE}Mara Okonkwo asked Linda Chow for a comment: “{NIGHTS}”",
])
def test_never_the_words_after_asking_for_a_view(finder, said, text):
    assert ("mara-okonkwo", NIGHTS_WORDS) not in said(finder, text, "quote")


def test_keeps_her_own_question_after_a_colon(finder, said):
    question = "Why are we losing half of our night shift? Our ovens sit cold three nights a week."
    text = f"{BEFORE}Mara Okonkwo asked:\n\n{question}"
    assert ("mara-okonkwo", normalize_quote(question)) in said(finder, text, "quote")


# --- a pronoun tag after an outlet with a digit in its name --------------------------------------

CREWS = "Some really aggressive people have attacked my shop before on multiple occasions"
CREWS_WORDS = normalize_quote(CREWS)


@pytest.mark.parametrize("text", [
    f"WLMN24 noted that Mara Okonkwo has long supported the fire crews in the valley. “{CREWS},” she said.",
    f"Valley24 noted that Mara Okonkwo has long supported the fire crews in the valley. “{CREWS},” she said.",
])
def test_keeps_a_pronoun_after_an_outlet_with_a_digit(finder, said, text):
    assert ("mara-okonkwo", CREWS_WORDS) in said(finder, text, "quote")


@pytest.mark.parametrize("text", [
    # another woman in view beside the outlet
    f"Valley24 noted that Mara Okonkwo met Linda Chow at the bakery. “{CREWS},” she said.",
    f"Reporter Linda Chow of Valley24 noted that Mara Okonkwo has long fed the fire crews. “{CREWS},” she said.",
    f"Valley24 noted that Mara Okonkwo has long fed the fire crews, the mayor said. “{CREWS},” she said.",
    f"The mayor noted that Mara Okonkwo has long fed the fire crews. “{CREWS},” she said.",
    # a handle, which may be a person's
    f"@lindachow99 noted that Mara Okonkwo has long fed the fire crews. “{CREWS},” she said.",
    # the quote names her, or is another's
    f"Valley24 noted that Mara Okonkwo has long fed the fire crews. “Okonkwo says {CREWS},” she said.",
    f"Valley24 noted that Mara Okonkwo has long fed the fire crews. “{CREWS},” the union said.",
    f"Valley24 noted that Mara Okonkwo has long fed the fire crews. “{CREWS},” Linda Chow said.",
    # her only mentioned, acted on by a person
    f"Valley24 noted that the sheriff arrested Mara Okonkwo. “{CREWS},” she said.",
])
def test_never_a_pronoun_after_an_outlet_with_another_in_view(finder, said, text):
    assert ("mara-okonkwo", CREWS_WORDS) not in said(finder, text, "quote")


# --- found while writing these, left as it is (main gives it to her too; not this round's rules) ---

@pytest.mark.xfail(strict=True, reason="'KLMN7's Linda Chow' is tagged an organisation by the model, so Chow is "
                   "not seen as a person in view (a known hole, left for a later round)")
def test_never_a_pronoun_after_an_outlets_reporter(finder, said):
    text = f"KLMN7’s Linda Chow noted that Mara Okonkwo has long fed the fire crews. “{CREWS},” she said."
    assert ("mara-okonkwo", CREWS_WORDS) not in said(finder, text, "quote")
