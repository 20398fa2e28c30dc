"""Round 53p of issue 11 (paraphrases), FICTIONAL sentences (tests/nlp/conftest.py's Mara Okonkwo
and Tomas Reyna, with an invented mayor, union and Linda Chow). One general reading of reported
speech without quote marks that the paraphrase misses on the development splits showed the parse
can take:

- The labelling clause around a partial quote already given to her (nlp/labelled_partials.py):
  'He termed the raid a "bad surprise"' (heldout19 rs06), 'She called the number "meaningful"'
  (heldout21 ru03, the object hung on the label), 'Karp brushed off the criticism, calling it
  "overblown" and "misguided."' (heldout6 rf20), '..., describing it as 'incredibly painful.''
  (heldout24 rx02). The real set records a label wholly quoted in the writer's clause as the quote
  and, from the labelling verb to the label's closing mark, a paraphrase; the frames of
  Paraphrases.reported give that clause only when the object carries words of the article's own.
  The quote decides whose the clause is (its attribution through that very verb, the verb's
  subject); the quote must be the verb's label (oprd, or under an 'as'), the verb finite, perfect
  or a participle on a clause, no position long held, with an object outside the marks that is no
  wh- or relative pronoun, and a clause a frame already gave her is not given again.

The nearest wrong forms (another's label, of her or of a thing; a group's; a label she was asked
for, urged to use or did not use; a quoted object that is no label; a pronoun with another woman in
view; a headline) stay no one's. Checked by hand, each guard removed in turn: without the verb list
'wrote the letter as “a mother” of two' is read; without the label check 'called the “hotline”
staff' is; without the habitual check 'has long called it “cruel”' is; without the object check
'called the “hotline” on Monday' is; without the form check 'lost a lawsuit after calling him a
“traitor.”' is (heldout3 rc22, a past act the annotation does not record); without the wh- and
relative-pronoun check 'criticized what she called “a cruel stunt”' and 'an action that Mara Okonkwo
called “terrifying.”' are (dev ra40, heldout2 rb14: the first dump gave both); without the frame check 'called the raids “a disgrace” to the
town and its bakers' gives her a second, shorter clause. A speaker check of the verb's own and
negation, second-hand and passive checks were written first and dropped: with each
removed no must-never failed (the quote rules refuse those quotes first: 'did not call it', 'allegedly
called it', 'was described as', 'the mayor called it'). The keep-tests fail on main.
"""
import pytest


BEFORE = "Bakers across the valley are worried about the raids.\n\n"
NAMED = "Bakers across the valley are worried about the raids. Mara Okonkwo runs a bakery on Main Street.\n\n"


@pytest.mark.parametrize("text, words", [
    (f"{BEFORE}Mara Okonkwo termed the raid a “bad surprise” at the forum.",
     "termed the raid a “bad surprise”"),
    (f"{BEFORE}Mara Okonkwo called the number “meaningful” in an interview.",
     "called the number “meaningful”"),
    (f"{BEFORE}Mara Okonkwo brushed off the criticism, calling it “overblown” and “misguided.”",
     "calling it “overblown” and “misguided.”"),
    (f"{BEFORE}Mara Okonkwo sent a message to employees about the violence in Riverton, describing it as ‘incredibly painful.’",
     "describing it as ‘incredibly painful.’"),
    (f"{BEFORE}Mara Okonkwo refers to the current crisis as “worse than the pandemic” in her letter.",
     "refers to the current crisis as “worse than the pandemic”"),
    (f"{BEFORE}Tomas Reyna described the opposition as “a noisy few,” and left the hall.",
     "described the opposition as “a noisy few,”"),
])
def test_keeps_the_clause_of_her_quoted_label(finder, said, text, words):
    leader = "tomas-reyna" if "Reyna" in text else "mara-okonkwo"
    assert leader in said.to(finder, text, words, "paraphrase")


@pytest.mark.parametrize("text", [
    # a label she did not give: negated, refused, urged, asked, passive, long held
    f"{BEFORE}Mara Okonkwo did not call it “overblown” at the forum.",
    f"{BEFORE}Mara Okonkwo refused to call the raids “cruel” at the forum.",
    f"{BEFORE}The union urged Mara Okonkwo to call the raids “cruel” at the forum.",
    f"{BEFORE}Mara Okonkwo was asked whether she would call the raids “cruel”.",
    f"{BEFORE}Mara Okonkwo was described as “brilliant” by the mayor.",
    f"{BEFORE}Mara Okonkwo has long called it “cruel” in her letters.",
    f"{BEFORE}Mara Okonkwo allegedly called it “overblown” at the forum.",
    # a quoted object or a greeting, no label
    f"{BEFORE}Mara Okonkwo called the “hotline” on Monday morning.",
    f"{BEFORE}Mara Okonkwo called the “hotline” staff on Monday morning.",
    f"{BEFORE}Mara Okonkwo wrote the letter as “a mother” of two.",
    f"{BEFORE}Mara Okonkwo told the mayor “goodbye” at the door.",
    f"{BEFORE}Mara Okonkwo called out “Shame” at the rally.",
    # a past act told in passing; a relative clause that names nothing of what was labelled
    f"{BEFORE}Mara Okonkwo lost a lawsuit after calling him a “traitor.”",
    f"{BEFORE}Mara Okonkwo criticized what she called “a cruel stunt” on Monday.",
    f"{BEFORE}Agents raided the bakery in an action that Mara Okonkwo called “terrifying.”",
])
def test_never_a_label_clause_she_did_not_give(finder, said, text):
    assert not {w for w in said.by(finder, text, kind="paraphrase")}


@pytest.mark.parametrize("text", [
    # another's label, of her or of a thing; a group's; she only mentioned
    f"{NAMED}The mayor called it “overblown” on Monday.",
    f"{NAMED}The mayor called Okonkwo “a bully” on Monday.",
    f"{NAMED}Mara Okonkwo said the mayor had called it “cruel”.",
    f"{NAMED}Linda Chow termed Okonkwo's plan a “bad surprise” at the forum.",
    f"{NAMED}Mara Okonkwo and Linda Chow called the raids “cruel” at the forum.",
    f"{NAMED}The union praised Okonkwo's plan, calling it “bold”.",
    # a pronoun with another woman in view
    f"{NAMED}Okonkwo met Linda Chow on Friday. She called the number “meaningful”.",
    # a headline
    "Okonkwo Calls The Raid A “Bad Surprise”\n\nBakers across the valley are worried.",
])
def test_never_a_label_clause_for_another(finder, said, text):
    assert not {w for w in said.by(finder, text, kind="paraphrase")}


def test_a_framed_label_clause_is_given_once(finder, said):
    text = f"{BEFORE}Mara Okonkwo called the raids “a disgrace” to the town and its bakers."
    assert said.by(finder, text, kind="paraphrase") == {"called the raids a disgrace to the town and its bakers"}
