"""Three story parts the fresh batches heldout50 and heldout51 showed misread, each on a FICTIONAL
article (every person and company here is invented), with the counterpart the rules still read:
a subheading in quote marks after her report is the outlet's, no one's words; a participle before
her tag whose only subject and tense are a relative clause's ('Speaking to owners who closed their
doors, she stated that ...') is where she spoke, not what she said; a second half opening with the
pronoun I after a tag that ends in a comma is the same sentence going on. (The finder is
tests/nlp/conftest.py's, over its fictional Mara Okonkwo and Tomas Reyna.)"""

import pytest


# --- a subheading in quote marks after her report -------------------------------------------------

REPORT = ("Lumenfold held its quarterly call on Tuesday.\n\n"
          "Sales would rise by 2% this year, Okonkwo said, and the company raised its forecast, she said.\n\n")


def test_a_quoted_subheading_after_her_report_is_no_ones_words(finder, said):
    text = REPORT + "‘We’re minding what we can mind’\n\nThe company’s mood runs against that of its rivals."
    assert not any("minding" in words for _who, words in said(finder, text))


def test_a_quote_paragraph_after_her_report_that_closes_its_sentence_is_still_hers(finder, said):
    text = REPORT + "“We’re minding what we can mind.”\n\nThe company’s mood runs against that of its rivals."
    assert ("mara-okonkwo", "we're minding what we can mind") in said(finder, text, "quote")


# --- a participle whose subject is only a relative clause's ------------------------------------------

def test_a_participle_before_her_tag_is_where_she_spoke_not_what_she_said(finder, said):
    text = ("Mara Okonkwo runs the Lumenfold bakery.\n\n"
            "Speaking to reporters alongside several owners who also closed their shops on Monday, "
            "she stated that fear is spreading through the whole street, not just her staff.")
    assert said(finder, text, "paraphrase") == {
        ("mara-okonkwo", "fear is spreading through the whole street not just her staff")}


def test_a_clause_before_her_parenthetical_tag_is_still_what_she_said(finder, said):
    text = ("Mara Okonkwo runs the Lumenfold bakery.\n\n"
            "Sales fell by half in a week, Okonkwo said, with the street empty since the raid.")
    assert said(finder, text, "paraphrase") == {("mara-okonkwo", "sales fell by half in a week")}


# --- a second half opening with I ---------------------------------------------------------------------

def test_a_second_half_opening_with_i_after_a_comma_tag_is_one_quote(finder, said):
    text = ("Mara Okonkwo runs the Lumenfold bakery.\n\n"
            "“There are shops around and if anyone working there has problems,” she said, "
            "“I want them to know they can come here.”")
    assert said(finder, text, "quote") == {
        ("mara-okonkwo", "there are shops around and if anyone working there has problems i want them to know "
                         "they can come here")}


@pytest.mark.parametrize("line", [
    # a full stop after the tag: a new sentence, two quotes (both hers)
    "“There are shops around,” she said. “I want them to know they can come here.”",
    # a capital that is not the pronoun: not read as the same sentence
    "“There are shops around,” she said, “Ideas are cheap.”",
    # a word starting with I is not the pronoun
    "“There are shops around,” she said, “Ice is on the road.”",
])
def test_other_second_halves_stay_two_quotes(finder, said, line):
    text = "Mara Okonkwo runs the Lumenfold bakery.\n\n" + line
    assert len(said(finder, text, "quote")) == 2
