"""Round 44 of issue 11, FICTIONAL sentences (tests/nlp/conftest.py's Mara Okonkwo and Tomas Reyna,
with an invented mayor, sheriff, union and Linda Chow). One form of the second quotes after a tag:

- a second quote after '"A," she said.' whose opening mark has a space after it ('" I, as an
  immigrant ..."', heldout46 st01): the space is the page's, not a sign of an interrupted sentence;
  the first letter after it decides, as it does with no space (nlp/quote_continuations.py).

The nearest wrong forms (the second quote with a tag of its own, another person's or the mayor's;
another person in view between the two; a lowercase start after the space, an interrupted sentence;
a quote in another paragraph; the leader only mentioned in the tag's object) stay no one's, or are
merged into the first quote, never given to her as a second quote of hers."""
import pytest

from onrecord.nlp.quotes import normalize_quote

FIRST = "“Orders fell by half,” Mara Okonkwo said."
SECOND = "We know people who have stopped going out."
SECOND_WORDS = normalize_quote(SECOND)


@pytest.mark.parametrize("text", [
    f"{FIRST} “ {SECOND}”",
    f"{FIRST} \" {SECOND}\"",
    f"Mara Okonkwo runs a bakery in Lumenfold.\n\n“Orders fell by half,” she said. “ {SECOND}”",
])
def test_keeps_a_second_quote_after_a_space_inside_its_mark(finder, said, text):
    assert ("mara-okonkwo", SECOND_WORDS) in said(finder, text, "quote")


@pytest.mark.parametrize("text", [
    # a tag of its own: someone else's second quote
    f"{FIRST} “ {SECOND},” the mayor said.",
    f"{FIRST} “ {SECOND},” Linda Chow said.",
    f"{FIRST} “ {SECOND},” the union said in a statement.",
    f"{FIRST} “ {SECOND},” Tomas Reyna said.",
    # another person in view between the two quotes
    "“Orders fell by half,” Mara Okonkwo said as Linda Chow looked on. “ " + SECOND + "”",
    "“Orders fell by half,” Mara Okonkwo said, and the sheriff disagreed. “ " + SECOND + "”",
    # the leader only mentioned: the tag is another's
    "“Orders fell by half,” the mayor said of Mara Okonkwo. “ " + SECOND + "”",
    "“Orders fell by half,” Linda Chow told Mara Okonkwo. “ " + SECOND + "”",
    # the second quote in a paragraph of its own after another's words
    f"{FIRST}\n\nThe mayor disagreed.\n\n“ {SECOND}”",
    # a headline
    f"Mara Okonkwo says orders fell\n\n“ {SECOND}”\n\nThe raids began in May.",
])
def test_never_a_second_quote_after_a_space_in_doubt(finder, said, text):
    assert ("mara-okonkwo", SECOND_WORDS) not in said(finder, text, "quote")


def test_a_lowercase_start_after_the_space_is_no_second_quote(finder, said):
    text = f"{FIRST} “ we know people who have stopped going out.”"
    assert ("mara-okonkwo", normalize_quote("we know people who have stopped going out.")) not in said(
        finder, text, "quote")
