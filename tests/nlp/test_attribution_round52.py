"""Round 52 of issue 11, FICTIONAL sentences (tests/nlp/conftest.py's Mara Okonkwo and Tomas Reyna,
with an invented mayor, union, reporter, Linda Chow and Carl Diaz). Three general readings that the
direct misses left on the development splits showed the parse can take:

- a "'s" right after a pronoun is 'is' or 'has', never a possessive, though the tagger may read it so
  ('telling employees he's "heartbroken"', heldout73 tu02): the quote is no longer taken for the
  pronoun's thing (reported_quotes._takes_no_possessive);
- a news outlet's common noun as the subject of a speech verb is no candidate for a later 'he' or
  'she' ('deflected concerns when the outlet asked him. "...," he said.', heldout80 ub07;
  news_outlets.py, read by antecedents._agreeing);
- 'used the term "..."': the quote is the term the subject used (heldout80 ub01; terms_used.py, read
  by _attribute_span and by the reported-clause rule, so that 'said the mayor used the term "..."'
  is the mayor's term, not hers).

The nearest wrong forms stay no one's. Checked by hand, each guard removed in turn fails at least
one must-never: the pronoun check of the "'s" (every "'s" read as 'is': 'said the plant closed
due to the mayor's "zero tolerance."'); the outlet list (every guessed speaker dropped: 'when the reporter asked
her', 'when the union's lawyer asked her'); for the term, the verb 'use' ('the term "..." used by the mayor',
read as any verb), the possessor ('the mayor's term'), the noun for words ('used the van "for deliveries
only"', read as any noun) and the reported-clause check ('said the mayor used the term').
'did not use', a name in the marks, the union, a 'she' with Linda Chow in view and a headline are
refused by the rules every partial quote passes through, as before."""
import pytest

HEART = "heartbroken"
WORRY = "I don’t have any worries about the guards at the market"
TERM = "unique assets"


def test_keeps_a_partial_after_a_pronouns_contraction(finder, said):
    text = "Roofing owner Tomas Reyna has broken his silence on the raids, telling employees he’s “heartbroken” over the arrests."
    assert said.to(finder, text, HEART) == {"tomas-reyna"}


@pytest.mark.parametrize("text, words", [
    ("Roofing owner Tomas Reyna has broken his silence on the raids, citing the mayor’s “ongoing sweeps” of the county.",
     "ongoing sweeps"),
    ("Roofing owner Tomas Reyna has broken his silence on the raids, citing Linda Chow’s “ongoing sweeps” of the county.",
     "ongoing sweeps"),
    ("Tomas Reyna said the plant closed due to the mayor’s “zero tolerance.”", "zero tolerance."),
    ("Tomas Reyna said the arrests followed the union’s “quiet campaign” against the plant.", "quiet campaign"),
    ("Tomas Reyna told workers the sheriff’s “zero tolerance” had ended the talks.", "zero tolerance"),
    ("Roofing owner Tomas Reyna has broken his silence on the raids, telling employees Carl Diaz’s “heartbroken” over the arrests.",
     HEART),
])
def test_never_a_partial_that_is_anothers_thing(finder, said, text, words):
    assert "tomas-reyna" not in said.to(finder, text, words)


def test_keeps_a_pronoun_after_an_outlet_asked_her(finder, said):
    text = f"Bakery owner Mara Okonkwo, however, deflected concerns when the outlet asked her. “{WORRY},” she said."
    assert said.to(finder, text, WORRY) == {"mara-okonkwo"}


@pytest.mark.parametrize("asker", [
    "the reporter", "the union’s lawyer", "Linda Chow", "the mayor", "the outlet and Linda Chow",
])
def test_never_a_pronoun_when_a_person_asked_her(finder, said, asker):
    text = f"Bakery owner Mara Okonkwo deflected concerns when {asker} asked her. “{WORRY},” she said."
    assert "mara-okonkwo" not in said.to(finder, text, WORRY)


def test_never_a_pronoun_when_the_outlet_quotes_another_woman(finder, said):
    text = (f"The outlet asked Linda Chow about Mara Okonkwo’s bakery. “{WORRY},” she said.")
    assert "mara-okonkwo" not in said.to(finder, text, WORRY)


@pytest.mark.parametrize("text", [
    "Mara Okonkwo used the term “unique assets” to describe the security at the market.",
    "Mara Okonkwo spoke on Monday. She used the phrase “unique assets” for the guards.",
    "Mara Okonkwo said she used the term “unique assets” on purpose.",
])
def test_keeps_the_term_she_used(finder, said, text):
    assert said.to(finder, text, TERM) == {"mara-okonkwo"}


@pytest.mark.parametrize("text", [
    "Mara Okonkwo did not use the term “unique assets” on Monday.",
    "Mara Okonkwo refused to use the term “unique assets” on Monday.",
    "Mara Okonkwo avoided using the term “unique assets” on Monday.",
    "Mara Okonkwo asked the mayor to use the term “unique assets” for the guards.",
    "Mara Okonkwo urged the mayor to stop using the term “unique assets” for the guards.",
    "Mara Okonkwo heard the mayor using the term “unique assets” for the guards.",
    "Mara Okonkwo used the mayor’s term “unique assets” on Monday.",
    "Mara Okonkwo said the mayor used the term “unique assets” on Monday.",
    "Mara Okonkwo asked why the mayor used the term “unique assets” on Monday.",
    "Mara Okonkwo criticised the term “unique assets” used by the mayor.",
    "Mara Okonkwo used the “unique assets” of the bakery to pay the workers.",
    "The union used the term “unique assets” on Monday, and Mara Okonkwo agreed.",
    "Mara Okonkwo met Linda Chow on Monday. She used the term “unique assets” for the guards.",
    "Mara Okonkwo uses the term “unique assets” for market guards\n\nThe market reopened on Monday.",
])
def test_never_a_term_she_did_not_use(finder, said, text):
    assert "mara-okonkwo" not in said.to(finder, text, TERM)


def test_never_a_phrase_after_a_thing_she_used(finder, said):
    text = "Mara Okonkwo used the van “for deliveries only” during the raids."
    assert "mara-okonkwo" not in said.to(finder, text, "for deliveries only")


def test_never_the_name_of_an_operation_she_used(finder, said):
    text = "Mara Okonkwo used the term “Operation Midway Blitz” on Monday."
    assert "mara-okonkwo" not in said.to(finder, text, "Operation Midway Blitz")
