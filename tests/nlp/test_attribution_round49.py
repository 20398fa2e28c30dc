"""Round 49 of issue 11, FICTIONAL sentences (tests/nlp/conftest.py's Mara Okonkwo and Tomas Reyna,
with an invented mayor, sheriff, union, Linda Chow and Carl Diaz). Three general readings that the
direct misses left on the development splits showed a parse or the marks can take, and one hole
found while writing their must-nevers:

- "One of the most vocal has been Mara Okonkwo, who has characterized the raids as "..."" (heldout23
  rw02): a `who` after a leader's name that is the complement of `be` is that leader, not the
  subject of `be` (leader_mentions.Mentions.speaker); and a `who` after the object of a
  preposition under a person noun ("a friend of Mara Okonkwo, who called ...") may be either,
  so it is no one's (a hole on main);
- "““I don't like what I see ...,” Dimon said. “That's why ...”" (heldout15 ro04): a paragraph
  that opens with two marks is an outer pair only when what is inside pairs its own double marks;
  otherwise the first mark is doubled (quote_marks._unwrapped);
- ""...," mentioned economist Ray Perryman, the president ..." (heldout41 so04): the verb read as
  the noun's modifier, so the parse gives it no subject; one or two lowercase role nouns hung on the
  name may stand between the verb and the name (QuoteGrammar.inverted_subject);
- "Fuentes said that ... . "They didn't stop people ..." Fuentes says one customer ..." (heldout46
  st05): a quote that is a sentence of its own between two reports of one leader's words in the
  same paragraph, with no one else named or speaking, is hers (reported_quotes._reported_again).

The nearest wrong forms (another's, a group's, a letter's or an official's words in the same shape;
a leader only mentioned; a pronoun with another person of that gender in view) stay no one's, or
someone else's, never hers."""
import pytest


BEFORE = "Bakers across the valley are worried about the raids.\n\n"
NAMED = "Bakers across the valley are worried about the raids. Mara Okonkwo runs a bakery on Main Street.\n\n"
BAKERS = "We cannot find enough bakers this summer"
AFTER = "\n\nThe bakery opens at six."


# --- (a) a `who` after a leader's name that is the complement of `be` ---------------------------

@pytest.mark.parametrize("text", [
    f"{BEFORE}The most vocal critic is Mara Okonkwo, who has called the raids “a disgrace.”",
    f"{BEFORE}One of the most vocal has been the baker Mara Okonkwo, who has characterized the raids as “a disgrace.”",
])
def test_keeps_who_after_her_name_as_the_complement(finder, said, text):
    assert "mara-okonkwo" in said.to(finder, text, "a disgrace.")


def test_keeps_who_after_a_title_as_the_complement_for_her(finder, said):
    """The reading as before: 'X is a contractor who says ...' is X's (the complement no name)."""
    text = f"{BEFORE}Mara Okonkwo is a baker who has called the raids “a disgrace.”"
    assert "mara-okonkwo" in said.to(finder, text, "a disgrace.")


@pytest.mark.parametrize("text", [
    # someone else is the one `who` stands for
    f"{NAMED}The guest of honour was Mara Okonkwo’s sister, who called the raids “a disgrace.”",
    f"{NAMED}The loudest critic is Linda Chow, who called the raids “a disgrace.”",
    f"{BEFORE}Among the critics is Mara Okonkwo, whose sister called the raids “a disgrace.”",
    f"{BEFORE}The most vocal critic is the mayor of Mara Okonkwo’s town, who called the raids “a disgrace.”",
    # a group, two people
    f"{NAMED}The most vocal critic is the union, which called the raids “a disgrace.”",
    f"{BEFORE}The most vocal critics are Mara Okonkwo and Linda Chow, who called the raids “a disgrace.”",
    # she is acted on, hears or passes on another's words
    f"{BEFORE}The most vocal critic is Mara Okonkwo, whom the mayor called “a disgrace.”",
    f"{BEFORE}The most vocal critic is Mara Okonkwo, who was called “a disgrace” by the mayor.",
    f"{BEFORE}The mayor’s guest was Mara Okonkwo, who heard the sheriff call the raids “a disgrace.”",
    f"{BEFORE}The most vocal critic is Mara Okonkwo, who shared the union’s letter calling the raids “a disgrace.”",
    f"{BEFORE}The most vocal critic has been Mara Okonkwo, who the mayor says called the raids “a disgrace.”",
    # a friend of hers: `who` may be either (on main, these went to her)
    f"{BEFORE}The most vocal critic is a friend of Mara Okonkwo, who called the raids “a disgrace.”",
    f"{BEFORE}A friend of Mara Okonkwo, who called the raids “a disgrace,” spoke on Friday.",
    f"{BEFORE}The loudest critic was a lawyer for Mara Okonkwo, who called the raids “a disgrace.”",
])
def test_never_who_for_another(finder, said, text):
    assert "mara-okonkwo" not in said.to(finder, text, "a disgrace.") | said.to(finder, text, "a disgrace")


def test_never_who_then_she_with_another_woman_in_view(finder, said):
    text = f"{BEFORE}The most vocal critic is Mara Okonkwo, who met Linda Chow on Friday. “{BAKERS},” she said."
    assert "mara-okonkwo" not in said.to(finder, text, BAKERS)


# --- (b) a doubled opening mark is not an outer pair ---------------------------------------------

THEN = "That is why we should calm down."


def test_keeps_the_second_quote_after_a_doubled_opening_mark(finder, said):
    text = f"{BEFORE}““{BAKERS},” Okonkwo said. “{THEN}”{AFTER}"
    assert "mara-okonkwo" in said.to(finder, text, BAKERS)
    assert "mara-okonkwo" in said.to(finder, text, THEN)


def test_keeps_an_outer_pair_around_a_quoted_paragraph(finder, said):
    text = f'{BEFORE}""{BAKERS}," Reyna told investors."{AFTER}'
    assert "tomas-reyna" in said.to(finder, text, BAKERS)


@pytest.mark.parametrize("text", [
    f"{NAMED}““{BAKERS},” the union said. “{THEN}”{AFTER}",
    f"{NAMED}““{BAKERS},” the mayor said. “Mara Okonkwo agrees.”{AFTER}",
    f"{BEFORE}““{BAKERS},” said Linda Chow, Mara Okonkwo’s neighbour. “{THEN}”{AFTER}",
    f"{BEFORE}““{BAKERS},” the mayor of Mara Okonkwo’s town said. “{THEN}”{AFTER}",
    f'{BEFORE}""{BAKERS}," the mayor of Mara Okonkwo’s town told reporters."{AFTER}',
    f"{BEFORE}““{BAKERS},” the union’s letter to Mara Okonkwo said. “{THEN}”{AFTER}",
    f"{BEFORE}““{BAKERS},” Linda Chow said. “{THEN}” Mara Okonkwo nodded.{AFTER}",
    f"{NAMED}““{BAKERS},” she said. “{THEN}” Linda Chow said it twice.{AFTER}".replace(
        "Main Street.", "Main Street. Linda Chow met her there."),
])
def test_never_a_doubled_mark_for_another(finder, said, text):
    found = said.to(finder, text, BAKERS) | said.to(finder, text, THEN)
    assert "mara-okonkwo" not in found


# --- (c) a role noun between an inverted tag's verb (read as a modifier) and the name ------------

SENSIBLE = "It is not remotely sensible to round up and deport everyone"


@pytest.mark.parametrize("tag", [
    "mentioned economist Tomas Reyna, the president and CEO of the Waco-based Reyna Group.",
    "mentioned economist Tomas Reyna.",
])
def test_keeps_a_role_word_before_the_name(finder, said, tag):
    assert "tomas-reyna" in said.to(finder, f"{BEFORE}“{SENSIBLE},” {tag}{AFTER}", SENSIBLE)


@pytest.mark.parametrize("tag", [
    "mentioned Tomas Reyna’s husband, a baker.",
    "mentioned economist Tomas Reyna’s sister.",
    "mentioned economist Linda Chow, Tomas Reyna’s neighbour.",
    "mentioned town economist Carl Diaz, Tomas Reyna’s rival.",
    "mentioned the mayor of Tomas Reyna’s town.",
    "mentioned the economist of Reyna Roofing.",
    "mentioned economist Tomas Reyna and Linda Chow.",
    "mentioned economists Tomas Reyna and Linda Chow.",
    "mentioned economist Linda Chow of Reyna Roofing.",
    "mentioned bakery worker Linda Chow, who works for Tomas Reyna.",
    "mentioned economist Linda Chow about Tomas Reyna.",
    "mentioned economist Linda Chow to Tomas Reyna.",
    "mentioned union economists, citing Tomas Reyna.",
    "mentioned a union economist beside Tomas Reyna.",
    # no role word: the words are about him or to him
    "said of Tomas Reyna.",
    "wrote to Tomas Reyna.",
    "mentioned about Tomas Reyna.",
    "mentioned sister of Tomas Reyna.",
    "mentioned workers of Tomas Reyna.",
    "mentioned, praising Tomas Reyna.",
])
def test_never_a_role_word_for_another(finder, said, tag):
    assert "tomas-reyna" not in said.to(finder, f"{BEFORE}“{SENSIBLE},” {tag}{AFTER}", SENSIBLE)


def test_never_a_caption_with_a_role_word(finder, said):
    text = f"{BEFORE}“{SENSIBLE},” read the sign. Pictured: economist Tomas Reyna, owner of Reyna Roofing, in his shop.{AFTER}"
    assert "tomas-reyna" not in said.to(finder, text, SENSIBLE)


# --- (d) a quote between two reports of her words --------------------------------------------------

SAID = "Okonkwo said that at 9 a.m. two men in plain clothes started detaining people outside the bakery."
SUITS = "They did not stop people in suits, they stopped people who looked like bakers."


def test_keeps_a_quote_between_two_reports_of_hers(finder, said):
    text = f"{BEFORE}{SAID} “{SUITS}” Okonkwo says one customer pulled in just to buy bread and agents detained him.{AFTER}"
    assert "mara-okonkwo" in said.to(finder, text, SUITS)


@pytest.mark.parametrize("then", [
    # the sentence after points back at the quote, or someone else speaks in it
    "That is what one worker told her, Okonkwo said.",
    "This is what the union wrote, Okonkwo said.",
    "That was her customer’s complaint, Okonkwo said.",
    "Okonkwo says one customer told her so.",
    "Okonkwo says the mayor told her that agents detained him.",
    "Okonkwo says a worker shouted it at the agents.",
    "Okonkwo says the union’s letter put it that way.",
    # someone else named outside her clause, or reporting
    "Okonkwo told Linda Chow that agents detained a customer.",
    "Linda Chow says one customer pulled in just to buy bread and agents detained him.",
    "The mayor says one customer pulled in just to buy bread and agents detained him.",
    "The union says one customer pulled in just to buy bread and agents detained him.",
    "Reyna says one customer pulled in just to buy bread and agents detained him.",
    "Okonkwo and Linda Chow say one customer pulled in just to buy bread.",
    # her acts, no report
    "Okonkwo closed the bakery early.",
    # a tag goes on
    "the mayor said, and Okonkwo says agents detained a customer.",
])
def test_never_a_quote_between_for_another(finder, said, then):
    text = f"{BEFORE}{SAID} “{SUITS}” {then}{AFTER}"
    assert "mara-okonkwo" not in said.to(finder, text, SUITS)


@pytest.mark.parametrize("text", [
    # the report before is another's
    f"{BEFORE}{SAID.replace('Okonkwo', 'The mayor')} “{SUITS}” Okonkwo says one customer pulled in and agents detained him.{AFTER}",
    f"{BEFORE}{SAID.replace('Okonkwo', 'Linda Chow')} “{SUITS}” Okonkwo says one customer pulled in and agents detained him.{AFTER}",
    f"{BEFORE}{SAID.replace('Okonkwo', 'Reyna')} “{SUITS}” Okonkwo says one customer pulled in and agents detained him.{AFTER}",
    # the quote names another, or is a sign's
    f"{BEFORE}{SAID} “Linda Chow was stopped, and so was I.” Okonkwo says one customer pulled in and agents detained him.{AFTER}",
    f"{BEFORE}{SAID} A sign outside read: “{SUITS}” Okonkwo says one customer pulled in and agents detained him.{AFTER}",
    # a she with another woman in view
    f"{NAMED}Linda Chow was there too. She said that at 9 a.m. two men started detaining people. “{SUITS}” She says one "
    f"customer pulled in and agents detained him.{AFTER}",
])
def test_never_a_quote_between_reports_not_hers(finder, said, text):
    assert "mara-okonkwo" not in said.to(finder, text, SUITS)
