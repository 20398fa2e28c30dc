"""'make' reports speech only through its noun ('made a joke that ...'); a clause of its own is
causative ('made his crew stay home', or 'is making adjustments to cope ...', which the parser reads
as make + clause) and is nobody's words. heldout37's look 1 found the second form on a real excerpt;
the first gave a paraphrase before too. FICTIONAL sentences (tests/nlp/conftest.py)."""
import pytest

from onrecord.nlp.quotes import normalize_quote


@pytest.mark.parametrize("text, words", [
    ("Tomas Reyna, the owner of Reyna Roofing, has also reported a drop in bookings and is now making adjustments "
     "to his crews to cope with the strain.", "adjustments to his crews to cope with the strain"),
    ("Tomas Reyna made his crew stay home on Tuesday after the raids.", "his crew stay home on Tuesday after the raids"),
    ("Okonkwo made the managers leave the building before the agents arrived.",
     "the managers leave the building before the agents arrived"),
])
def test_never_a_causative_make_as_reported_speech(finder, said, text, words):
    assert not {w for _leader, w in said(finder, text, "paraphrase")} & {normalize_quote(words)}


@pytest.mark.parametrize("text, leader, words", [
    ("Okonkwo made a joke that the raids had finally taught Washington what a supply chain is.", "mara-okonkwo",
     "the raids had finally taught Washington what a supply chain is"),
    ("Tomas Reyna, the owner of Reyna Roofing, has also reported a drop in bookings and is now making adjustments "
     "to his crews to cope with the strain.", "tomas-reyna", "a drop in bookings"),
    ("Okonkwo expressed her anger, saying the raids had gone too far.", "mara-okonkwo", "the raids had gone too far"),
])
def test_her_reported_speech_beside_it_stays_hers(finder, said, text, leader, words):
    assert (leader, normalize_quote(words)) in said(finder, text, "paraphrase")
