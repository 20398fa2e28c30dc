"""A kinship noun set off beside a leader's name says whose pronoun follows, FICTIONAL sentences
(tests/nlp/conftest.py's Mara Okonkwo and Tomas Reyna, with invented others).

heldout69's look found `Her stepfather and restaurant co-owner, Blas Garcia, still remembers the
moment the agents came. "I was standing here," he said.` missed: the sentence speaks of him with
'her' only, and a 'he' is refused after a sentence whose person is called 'her' (the leader may be
a woman). That 'her' is the woman whose stepfather he is (nlp/kin_appositions.py). Writing these
tests found the reverse on main: `His wife, Mara Okonkwo, ...` before `"...," he said.` gave the
'he' quote to her; a kinship noun of the other gender beside her name now refuses it."""
import pytest

from onrecord.nlp.quotes import normalize_quote

QUOTE = "“I was standing here,” {pronoun} said."
WORDS = normalize_quote("I was standing here")


@pytest.mark.parametrize("sentence", [
    "Her stepfather, Tomas Reyna, still remembers the moment the agents came.",
    "Her stepfather and restaurant co-owner, Tomas Reyna, still remembers the moment the agents came.",
    "Tomas Reyna, her stepfather, still remembers the moment the agents came.",
    "Her father, Tomas Reyna, still remembers the moment the agents came.",
])
def test_his_kinship_to_her_leaves_him_the_he(finder, said, sentence):
    text = sentence + " " + QUOTE.format(pronoun="he")
    assert ("tomas-reyna", WORDS) in said(finder, text, "quote")


@pytest.mark.parametrize("sentence, pronoun", [
    # the noun says the leader is not the one the pronoun can be
    ("Her stepfather, Tomas Reyna, still remembers the moment the agents came.", "she"),
    ("Tomas Reyna, her father, still remembers the moment the agents came.", "she"),
    ("His wife, Mara Okonkwo, still remembers the moment the agents came.", "he"),
    ("Mara Okonkwo, his daughter, still remembers the moment the agents came.", "he"),
    # a noun that says nothing of the leader's gender, or says the other: 'her' still counts
    ("Her boss, Tomas Reyna, still remembers the moment the agents came.", "he"),
    ("Her mother, Tomas Reyna, still remembers the moment the agents came.", "he"),
    # another man beside the kinship noun, or the kinship noun not set off beside the leader
    ("Her stepfather, Luis Vega, and Tomas Reyna remember the moment the agents came.", "he"),
    ("Her stepfather, a friend of Tomas Reyna, still remembers the moment the agents came.", "he"),
    ("Her stepfather told Tomas Reyna about the moment the agents came.", "he"),
    ("Her stepfather and Tomas Reyna remember the moment the agents came.", "he"),
    ("Her stepfather, who works for Tomas Reyna, still remembers the moment the agents came.", "he"),
])
def test_never_a_pronoun_the_kinship_noun_rules_out_or_leaves_in_doubt(finder, said, sentence, pronoun):
    text = sentence + " " + QUOTE.format(pronoun=pronoun)
    assert not {leader for leader, words in said(finder, text, "quote") if words == WORDS}
