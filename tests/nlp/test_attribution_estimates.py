"""'X estimated <a loss>' and 'X estimates that <clause>' report what a leader put a figure on
(FICTIONAL sentences, tests/nlp/conftest.py's Mara Okonkwo and Tomas Reyna; heldout9, heldout32 and
heldout43 annotate them as paraphrases). 'estimate' is read like 'report' (nlp/leader_patterns.py,
with the same guards); an estimate by anyone else, or of her by others, stays no one's."""
import pytest

from onrecord.nlp.quotes import normalize_quote


@pytest.mark.parametrize("text, words", [
    ("Mara Okonkwo estimated a loss of $7,000 in a single night.", "estimated a loss of $7,000 in a single night"),
    ("Tomas Reyna, owner of Reyna Roofing, estimates that half of his crews have stopped coming in.",
     "half of his crews have stopped coming in"),
])
def test_a_leaders_estimate_is_reported(finder, said, text, words):
    assert any(normalize_quote(words) in got for _, got in said(finder, text, "paraphrase"))


@pytest.mark.parametrize("text", [
    "Mayor Linda Chow estimated a loss of $7,000 in a single night at Mara Okonkwo's diner.",
    "Mara Okonkwo's accountant estimated a loss of $7,000 in a single night.",
    "Analysts estimated Mara Okonkwo's losses at $7,000 a night.",
    "The union estimates that half of Tomas Reyna's crews have stopped coming in.",
    "Mara Okonkwo did not estimate a loss.",
])
def test_an_estimate_by_anyone_else_is_no_ones(finder, said, text):
    assert said(finder, text) == set()
