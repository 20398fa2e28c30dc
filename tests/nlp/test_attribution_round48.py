"""Round 48 of issue 11, FICTIONAL sentences (tests/nlp/conftest.py's Mara Okonkwo and Tomas Reyna,
with an invented mayor, sheriff, union, Linda Chow and Carl Diaz). Three general readings that the
largest causes of direct misses left on the development splits showed a parse can take:

- "The bakery's CEO, Mara Okonkwo, stated ... She also said that the bakery is looking for "new
  workers" ..." (heldout53 ta09): the tagger took 'CEO' for a proper noun, so the name beside it
  did not stand for it and the CEO counted as a second person in view; a person noun tagged NNP
  (no entity type) is such a noun too (leader_titles.named_beside);
- "Mara Okonkwo, founder of Lumenfold, summed it up bluntly: "..."" (heldout58 tf02): 'sum it up'
  is an idiom of saying, as 'put it' is (speech_verbs.is_speech);
- "The market even added extra security after customers asked for locked doors." (heldout40 sn01):
  a plain thing acting on a plain thing with a verb that can report speech ('add') speaks no words
  and is no one in view for the next 'she' (misparsed_subjects.a_thing_acting_on_a_thing).

The nearest wrong forms (another's, a group's, a letter's, a sign's or an official's words in the
same shape; a leader only mentioned; a pronoun with another person of that gender in view) stay no
one's, or someone else's, never hers."""
import pytest

from onrecord.nlp.quotes import normalize_quote

BEFORE = "Bakers across the valley are worried about the raids.\n\n"
BAKERS = "We cannot find enough bakers this summer"
BAKERS_WORDS = normalize_quote(BAKERS)


# --- (a) a title the tagger read as a name, with her name beside it ------------------------------

ALSO = "She also said that the bakery is looking for “new workers” to fill the night shifts."


@pytest.mark.parametrize("text, leader", [
    (f"{BEFORE}The bakery’s CEO, Mara Okonkwo, stated in a recent call that sales had fallen. {ALSO}", "mara-okonkwo"),
    (f"{BEFORE}Reyna Roofing’s CEO, Tomas Reyna, stated in a recent call that sales had fallen. "
     f"He also said that the firm is looking for “new workers” to fill the night shifts.", "tomas-reyna"),
])
def test_keeps_the_title_her_name_stands_beside(finder, said, text, leader):
    assert (leader, "new workers") in said(finder, text, "quote")


@pytest.mark.parametrize("text", [
    # someone else beside the title, or her name only inside it
    f"{BEFORE}The bakery’s CEO, Mara Okonkwo’s sister, stated in a recent call that sales had fallen. {ALSO}",
    f"{BEFORE}Mara Okonkwo runs the shop next door.\n\nThe bakery’s CEO, Linda Chow, stated in a recent call that "
    f"sales had fallen. {ALSO}",
    f"{BEFORE}The bakery’s CEO, a friend of Mara Okonkwo, stated in a recent call that sales had fallen. {ALSO}",
    # a group, not a person
    f"{BEFORE}The union’s Committee, Mara Okonkwo, stated in a letter that sales had fallen. “{BAKERS},” she said.",
    # another woman in view
    f"{BEFORE}The union’s President, Mara Okonkwo, met Linda Chow on Friday. “{BAKERS},” she said.",
    f"{BEFORE}The bakery’s CEO, Mara Okonkwo, stated in a call with Linda Chow that sales had fallen. {ALSO}",
    # two people
    f"{BEFORE}The bakery’s Owners, Mara Okonkwo and Linda Chow, stated in a call that sales had fallen. {ALSO}",
    # an official's words
    f"{BEFORE}The mayor’s Spokesperson, Tomas Reyna, said in a radio interview that business had slowed. "
    f"“{BAKERS},” he said.",
])
def test_never_reads_another_beside_the_title_as_her(finder, said, text):
    pairs = said(finder, text, "quote")
    assert not {leader for leader, words in pairs if words in ("new workers", BAKERS_WORDS)} & {"mara-okonkwo", "tomas-reyna"}


# --- (b) 'summed it up:' ------------------------------------------------------------------------

SHIFT = "We cannot afford to lose our night shift."
SHIFT_WORDS = normalize_quote(SHIFT)


@pytest.mark.parametrize("text, leader", [
    (f"{BEFORE}Mara Okonkwo, founder of Lumenfold, summed it up bluntly: “{SHIFT}” Her bakery employs forty people.",
     "mara-okonkwo"),
    (f"{BEFORE}Tomas Reyna summed it up: “{SHIFT}”", "tomas-reyna"),
])
def test_keeps_what_she_summed_up(finder, said, text, leader):
    assert (leader, SHIFT_WORDS) in said(finder, text, "quote")


@pytest.mark.parametrize("text", [
    f"{BEFORE}The union’s letter summed it up: “{SHIFT}” Mara Okonkwo signed it.",
    f"{BEFORE}A sign outside Mara Okonkwo’s bakery summed it up: “{SHIFT}”",
    f"{BEFORE}The mayor summed it up for Mara Okonkwo: “{SHIFT}”",
    f"{BEFORE}The mayor of Mara Okonkwo’s town summed it up: “{SHIFT}”",
    f"{BEFORE}Mara Okonkwo’s lawyer summed it up: “{SHIFT}”",
    f"{BEFORE}Mara Okonkwo summed up the union’s letter: “{SHIFT}”",
    f"{BEFORE}Mara Okonkwo summed up the sheriff’s warning: “{SHIFT}”",
    f"{BEFORE}Mara Okonkwo read it aloud: “{SHIFT}”",
    f"{BEFORE}Mara Okonkwo met Linda Chow on Friday, and she summed it up: “{SHIFT}”",
])
def test_never_gives_her_what_someone_else_summed_up(finder, said, text):
    assert not said.to(finder, text, SHIFT) & {"mara-okonkwo", "tomas-reyna"}


# --- (c) a thing acting on a thing is no one in view ----------------------------------------------

MANAGER = f"{BEFORE}Manager Mara Okonkwo said many customers now ask for deliveries.\n\n"
LOCK = "We got a new lock just to make sure the bakery is safe"


def _lock(sentence):
    return f"{MANAGER}{sentence}\n\n“{LOCK},” she said."


@pytest.mark.parametrize("sentence", [
    "The bakery even added extra locks after customers asked for them.",
    "The shop even added a new lock at the back door.",
])
def test_keeps_her_she_past_a_thing_acting_on_a_thing(finder, said, sentence):
    assert ("mara-okonkwo", normalize_quote(LOCK)) in said(finder, _lock(sentence), "quote")


@pytest.mark.parametrize("sentence", [
    "Linda Chow even added extra locks after customers asked for them.",
    "The union even added extra locks after customers asked for them.",
    "The mayor even added extra locks after customers asked for them.",
    "The bakery’s owner even added extra locks after customers asked for them.",
    "The store even added extra locks after a woman asked for them.",
    "The letter added a warning for the bakery’s customers.",
    "The bakery’s account added a note for customers.",
    "The bakery added a note for customers.",
    "The bakery added a warning for customers.",
    "The bakery even added that customers asked for locks.",
    "The sign added the words “Closed on Sundays” for customers.",
    "The bakery’s post added a line for customers, and Linda Chow shared it.",
])
def test_never_reads_past_someone_who_may_be_she(finder, said, sentence):
    assert "mara-okonkwo" not in said.to(finder, _lock(sentence), LOCK)


@pytest.mark.xfail(strict=True, reason="a bare surname opening its sentence, which the model tags as no one, is "
                   "no one in view on main too (found while writing round 48's tests; not from its rules)")
def test_a_bare_surname_opening_the_sentence_is_someone(finder, said):
    assert "mara-okonkwo" not in said.to(finder, _lock("Chow even added extra locks after customers asked for them."), LOCK)
