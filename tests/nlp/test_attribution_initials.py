"""Another person's first name printed as capital initials, FICTIONAL sentences (tests/nlp/conftest.py's
Mara Okonkwo and Tomas Reyna, with an invented shopper who shares her surname).

heldout64 added a leader whose surname a bystander of heldout54 shares: `"...," said RJ Vasquez,
Bakersfield native.` gave the bystander's four quotes to the leader, because a first name in
capitals ('RJ') was not read as a first name ('Juan' is). Now it is (leader_mentions._initials), and
a title in capitals before her name ('CEO Okonkwo', 'VC Mara Okonkwo') still names her."""
import pytest

from onrecord.nlp.quotes import normalize_quote


@pytest.mark.parametrize("text", [
    "“The raids hurt every shop here,” said TJ Okonkwo, a shopper from Eastvale.",
    "“The raids hurt every shop here,” AJ Okonkwo, a shopper, said.",
    "AJ Okonkwo, a shopper from Eastvale, said the raids hurt every shop here.",
])
def test_a_first_name_in_capitals_is_another_persons(finder, said, text):
    assert "mara-okonkwo" not in {leader for leader, _ in said(finder, text)}


@pytest.mark.parametrize("text", [
    "“The raids hurt every shop here,” said CEO Okonkwo.",
    "“The raids hurt every shop here,” said bakery VP Okonkwo.",
    "“The raids hurt every shop here,” said billionaire VC Mara Okonkwo.",
    "“The raids hurt every shop here,” said Mara Okonkwo.",
])
def test_a_title_in_capitals_still_names_her(finder, said, text):
    assert ("mara-okonkwo", normalize_quote("The raids hurt every shop here")) in said(finder, text, "quote")
