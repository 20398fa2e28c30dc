"""Round 54 of issue 11, FICTIONAL sentences (tests/nlp/conftest.py's Mara Okonkwo and Tomas Reyna,
with an invented mayor, union, sheriff, worker and Linda Chow). One general reading that the direct
misses left on the development splits showed the parse can take:

- a quote paragraph ended by a comma inside its mark whose tag the page set in the next paragraph,
  the tag going on in one participle set off by a comma: '“...,”' / 'Fenton said, adding:' /
  '“...”', and '“...,”' / 'Buterin wrote on X, referring to the actions of ...' (heldout88 uj01;
  parted_tags.py, which took the bare tag since round 50's heldout70 tr03).

The nearest wrong forms stay no one's. Checked by hand: with the reading's one new guard removed (the
participles that pass on or share words, parted_tags._PASSING_ON) 'sharing the union's statement' and
'recalling a worker's words' fail. 'quoting a worker', 'reading from the sheriff's letter', 'echoing
the mayor' and 'repeating the union's slogan' are refused twice over (the list, and the tag's check
that the sentence names no one else). A subject check on the participle, a comma check, a one-participle
check and passed_on_words' second-speaker check held no must-never and were dropped: an absolute
participle ('the mayor adding:') is parsed as a clause, which the tag already refuses. The tag's
other guards (one sentence, a leader's subject, no one else named, no clause or negation of its own,
a pronoun with another woman in view) are the reading's own since heldout70 tr03 and refuse the
mayor's, the union's, Linda Chow's and a 'she' in doubt here too."""
import pytest

WORDS = "We are proud of the bakery and we will keep it open"
MORE = "Our doors stay open to every family in Riverton."


@pytest.mark.parametrize("text, words, leader", [
    (f"The bakery reopened on Monday.\n\n“{WORDS},”\n\nMara Okonkwo said, adding:\n\n“{MORE}”", WORDS, "mara-okonkwo"),
    (f"The bakery reopened on Monday.\n\n“{WORDS},”\n\nMara Okonkwo said, adding:\n\n“{MORE}”", MORE, "mara-okonkwo"),
    (f"The bakery reopened on Monday.\n\n“{WORDS},”\n\nOkonkwo wrote on X, referring to the raids on Main Street.",
     WORDS, "mara-okonkwo"),
    (f"The roofers went back to work.\n\n“{WORDS},”\n\nTomas Reyna told reporters, pointing to the new crew.",
     WORDS, "tomas-reyna"),
])
def test_keeps_a_quote_whose_parted_tag_goes_on_in_a_participle(finder, said, text, words, leader):
    assert said.to(finder, text, words) == {leader}


@pytest.mark.parametrize("text", [
    f"The bakery reopened.\n\n“{WORDS},”\n\nMara Okonkwo said, quoting a worker.",
    f"The bakery reopened.\n\n“{WORDS},”\n\nMara Okonkwo posted on X, sharing the union’s statement.",
    f"The bakery reopened.\n\n“{WORDS},”\n\nMara Okonkwo said, reading from the sheriff’s letter.",
    f"The bakery reopened.\n\n“{WORDS},”\n\nMara Okonkwo said, echoing the mayor.",
    f"The bakery reopened.\n\n“{WORDS},”\n\nMara Okonkwo said on Monday, recalling a worker’s words.",
    f"The bakery reopened.\n\n“{WORDS},”\n\nMara Okonkwo wrote, repeating the union’s slogan.",
    f"The bakery reopened.\n\n“{WORDS},”\n\nMara Okonkwo listened, the mayor adding:\n\n“{MORE}”",
    f"The bakery reopened.\n\n“{WORDS},”\n\nMara Okonkwo said, adding that Linda Chow wrote it.",
    f"The bakery reopened.\n\n“{WORDS},”\n\nThe mayor said, referring to Mara Okonkwo.",
    f"The bakery reopened.\n\n“{WORDS},”\n\nThe union wrote on X, referring to Mara Okonkwo’s bakery.",
    f"The bakery reopened.\n\n“{WORDS},”\n\nLinda Chow said, adding that Mara Okonkwo agreed.",
    f"Mara Okonkwo met Linda Chow on Monday.\n\n“{WORDS},”\n\nShe said, adding:\n\n“{MORE}”",
    f"The bakery reopened.\n\n“{WORDS},”\n\nMara Okonkwo said the mayor told her, adding:\n\n“{MORE}”",
    f"The bakery reopened.\n\n“{WORDS},”\n\nMara Okonkwo did not say, adding nothing.",
])
def test_never_a_parted_tag_that_passes_on_words_or_is_anothers(finder, said, text):
    assert "mara-okonkwo" not in said.to(finder, text, WORDS)
    assert "mara-okonkwo" not in said.to(finder, text, MORE)
