"""What an act shows is the reporter's reading, not the leader's words (nlp/shown_by_acts.py).
FICTIONAL: Mara Okonkwo, Tomas Reyna and Lumen are invented. The form is heldout88 uj08's, found at
that batch's look 1: 'X distances himself from Y's remarks on the ICE shooting, highlighting tensions
within the venture capital community ...' gave X the reporter's reading as his reported speech.
With the check removed the must-nevers fail; with the climb through 'argued that ...' or the 'shed light' idiom
removed, its keep-test fails (checked by hand)."""
import pytest

ACTS = [
    "Mara Okonkwo left the board on Tuesday, highlighting tensions within the business community.",
    "Mara Okonkwo distanced herself from Tomas Reyna's remarks, highlighting tensions within the industry.",
    "Mara Okonkwo closed the Riverton warehouse, underscoring the toll of the immigration raids on employers.",
]


@pytest.mark.parametrize("text", ACTS)
def test_what_an_act_shows_is_no_ones_words(finder, said, text):
    assert said.by(finder, text) == set()


@pytest.mark.parametrize("text, words", [
    ("Mara Okonkwo criticized the industry's silence, highlighting the recent shootings in Riverton.",
     "highlighting the recent shootings in Riverton"),
    ("Mara Okonkwo spoke at the summit on Tuesday, highlighting the importance of protecting workers.",
     "highlighting the importance of protecting workers"),
    ("Mara Okonkwo pointed to a study of the raids, highlighting the cost to local employers.",
     "highlighting the cost to local employers"),
    ("In a column, Mara Okonkwo argued that “Riverton can’t bend the knee” to the agency, highlighting the "
     "importance of standing by workers.", "highlighting the importance of standing by workers"),  # under an act
    # of words (the parse hangs the participle on 'bend')
    ("Mara Okonkwo shed light on the situation in Riverton, highlighting the fears of warehouse workers.",
     "highlighting the fears of warehouse workers"),  # an idiom of explaining
])
def test_after_an_act_of_words_it_goes_on_with_what_she_said(finder, said, text, words):
    assert said.to(finder, text, words) == {"mara-okonkwo"}
