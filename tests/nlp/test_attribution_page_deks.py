"""The outlet's summary at the top of a copied page is not a leader's words (look 2 of heldout96 to
heldout100). FICTIONAL pages only.

Under a short opening line with no full stop, a question among them, a line that closes no sentence
is the dek, even in the past tense (heldout99 uu08 gave a pharmacy owner the quote of a dek line
'‘People are afraid to come out,’ pharmacy owner ... said'): quote_candidates._opening_title. Without
it the must-never fails; the body's words stay hers, and under a first paragraph that closes its
sentence such a line is still read.

A sentence between the page's opening headline and the same headline printed again (heldout97 us08's
dek, 'Hilton investor Bill Ackman defends hotel brand after ...') is left: heldout12 rl19 prints its
story's first paragraph in that place, annotated as the leader's. The keep-test below holds it."""

HEADLINE = "Lumenfold Chief Defends Bakery Chain After Raid Controversy"
DEK_BETWEEN_HEADLINES = f"""{HEADLINE}

Lumenfold CEO Mara Okonkwo has confirmed that she will keep the franchise open after it turned away federal agents.

{HEADLINE}

Mara Okonkwo, chief executive of Lumenfold, said on Tuesday that the franchise acted on its own.

"We serve everyone who walks through our doors," Okonkwo said.
"""

QUESTION_HEADLINE = """What comes next for Riverton's bakers?

\u2018We are losing our cooks,\u2019 bakery owner Mara Okonkwo said

Riverton's bakeries have had a hard summer since agents raided two kitchens on Main Street.

\u201cSince the raids began we are losing our cooks every single week,\u201d said Okonkwo.
"""


def test_a_paragraph_between_the_headline_and_its_repeat_is_still_read(finder, said):
    words = said.by(finder, DEK_BETWEEN_HEADLINES)
    assert "we serve everyone who walks through our doors" in {w.lower() for w in words}
    assert [w for w in words if "the franchise acted on its own" in w]
    assert [w for w in words if "keep the franchise open" in w]


def test_a_quote_in_the_dek_under_a_question_headline_is_not_hers(finder, said):
    words = said.by(finder, QUESTION_HEADLINE)
    assert not said.to(finder, QUESTION_HEADLINE, "We are losing our cooks")
    assert [w for w in words if "every single week" in w]


def test_a_tag_line_under_a_sentence_is_still_read(finder, said):
    text = ("Riverton's bakeries have had a hard summer.\n\n"
            "\u2018We are losing our cooks,\u2019 bakery owner Mara Okonkwo said\n\n"
            "Agents raided two kitchens on Main Street in June.")
    assert said.to(finder, text, "We are losing our cooks") == {"mara-okonkwo"}
