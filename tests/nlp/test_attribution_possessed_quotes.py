"""A partial quote that is a thing of someone else's ("the sheriff's “ongoing sweeps”") quotes that
one's term, not the leader's words, though it sits in her reported clause or under her verb
(nlp/reported_quotes.py, `possessed_by_another`; found by round 30 while writing must-nevers).
Her own partial quotes and her own possessive keep theirs. FICTIONAL people."""
import pytest


@pytest.mark.parametrize("text", [
    "Mara Okonkwo announced that the plant would close, citing the sheriff’s “ongoing sweeps”.",
    "Mara Okonkwo said the plant would close because of the sheriff’s “ongoing sweeps”.",
])
def test_never_another_ones_term_inside_her_reported_clause(finder, said, text):
    assert not said(finder, text, "quote")


@pytest.mark.parametrize("text, words", [
    ("Mara Okonkwo said the raids were “a disgrace” and would hurt the town.", "a disgrace"),
    ("Mara Okonkwo said her “hands were tied” after the raids.", "hands were tied"),
])
def test_her_own_partial_quotes_stay_hers(finder, said, text, words):
    assert said(finder, text, "quote") == {("mara-okonkwo", words)}
