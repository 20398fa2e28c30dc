"""Round 53 of issue 11, FICTIONAL sentences (tests/nlp/conftest.py's Mara Okonkwo and Tomas Reyna,
with an invented mayor, union, sheriff, Linda Chow and a friend). One general reading that the direct
misses left on the development splits showed the parse can take:

- a tag after the quote that says its speaker was quoted: '"...," Okonkwo was quoted as saying.',
  '"...," the CEO was cited as saying by the Ledger.', '"...," the Ledger quoted Okonkwo as saying.'
  (heldout83 ue03; quoted_tags.py, asked by ArticleAttribution.attributions after every other tag
  rule): the one quoted, the passive subject of 'quote' or 'cite' or its object, is the speaker.

The nearest wrong forms stay no one's. Checked by hand, each guard removed in turn fails at least
one must-never: the negation and doubt words ('was never quoted as saying', 'was falsely quoted as
saying'); nothing of its own after 'saying' ('was quoted as saying the mayor told her'); the quoter a
person ('the mayor quoted Okonkwo as saying', 'was quoted by the mayor as saying'); the quoter a common
noun that is no outlet ('the union's letter quoted Okonkwo as saying'). A check that the verb is the
sentence's root, one that only the tag's subject stands between the quote and the verb, and the headline
check held no must-never (the quote's own root hangs on the first verb after it: 'the mayor denied that
...', 'the mayor said, and Okonkwo was quoted as saying'; a headline has no past tense) and were dropped.
The mayor's and the sheriff's own quoted words, a friend of hers, 'Okonkwo quoted the mayor as saying',
two people quoted together and a 'she' with Linda Chow in view are refused by the speaker rules every
tag passes through."""
import pytest

WORDS = "We are proud of the bakery and we will keep it open"


@pytest.mark.parametrize("text, leader", [
    (f"“{WORDS},” Mara Okonkwo was quoted as saying by the Riverton Ledger.", "mara-okonkwo"),
    (f"“{WORDS},” Okonkwo was quoted as saying in the Riverton Ledger.", "mara-okonkwo"),
    (f"“{WORDS},” the Riverton Ledger quoted Tomas Reyna as saying.", "tomas-reyna"),
    (f"“{WORDS},” the newspaper quoted Tomas Reyna as saying on Monday.", "tomas-reyna"),
    (f"“The raids scared everyone,” Mara Okonkwo said on Monday. “{WORDS},” the chief executive was cited "
     "as saying by the Riverton Ledger.", "mara-okonkwo"),
    (f"Mara Okonkwo spoke on Monday. “{WORDS},” she was quoted as saying.", "mara-okonkwo"),
])
def test_keeps_a_quote_whose_tag_says_she_was_quoted(finder, said, text, leader):
    assert said.to(finder, text, WORDS) == {leader}


@pytest.mark.parametrize("text", [
    f"“{WORDS},” Mara Okonkwo was never quoted as saying.",
    f"“{WORDS},” Mara Okonkwo was falsely quoted as saying by the Riverton Ledger.",
    f"“{WORDS},” Mara Okonkwo was quoted as saying the mayor told her.",
    f"“{WORDS},” the mayor quoted Mara Okonkwo as saying.",
    f"“{WORDS},” Linda Chow quoted Mara Okonkwo as saying.",
    f"“{WORDS},” Mara Okonkwo was quoted by the mayor as saying.",
    f"“{WORDS},” the union’s letter quoted Mara Okonkwo as saying.",
    f"“{WORDS},” the mayor denied that Mara Okonkwo was quoted as saying.",
    f"“{WORDS},” the mayor said, and Mara Okonkwo was quoted as saying.",
    f"“{WORDS},” Linda Chow told the Riverton Ledger, which quoted Mara Okonkwo as saying.",
    f"“{WORDS},” the mayor was quoted as saying by the Riverton Ledger.",
    f"“{WORDS},” the sheriff was cited as saying about Mara Okonkwo.",
    f"“{WORDS},” a friend of Mara Okonkwo was quoted as saying.",
    f"“{WORDS},” Mara Okonkwo quoted the mayor as saying.",
    f"“{WORDS},” Mara Okonkwo and Linda Chow were quoted as saying.",
    f"Mara Okonkwo met Linda Chow on Monday. “{WORDS},” she was quoted as saying.",
    f"Bakery news\n\n“{WORDS},” Mara Okonkwo quoted as saying\n\nThe bakery reopened on Monday.",
])
def test_never_a_quote_of_another_or_a_quoting_in_doubt(finder, said, text):
    assert "mara-okonkwo" not in said.to(finder, text, WORDS)
