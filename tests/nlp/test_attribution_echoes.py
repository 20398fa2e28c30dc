"""A leader who only 'echoes' words given before says nothing of her own (FICTIONAL sentences,
tests/nlp/conftest.py's Mara Okonkwo and Tomas Reyna). 'Reyna echoed these concerns' pointed back at
someone else's words and was reported as Reyna's paraphrase; heldout39 and heldout40 annotate it as
no words of his own (nlp/reported_clauses.py only_a_pointer). An echo that says something itself, or
goes on 'while ...' with a point of its own, is still reported."""
import pytest


@pytest.mark.parametrize("text", [
    "The mayor warned that the raids would empty the kitchens. Tomas Reyna, owner of Reyna Roofing, echoed these concerns.",
    "The union said the checkpoints were hurting trade. Okonkwo echoes this sentiment.",
    "Chow called the raids reckless. Reyna echoed similar concerns.",
    "The sheriff promised more patrols. Mara Okonkwo echoed those worries, saying little else.",
])
def test_an_echo_that_only_points_back_is_no_paraphrase(finder, said, text):
    assert {who for who, _ in said(finder, text, "paraphrase")} == set()


@pytest.mark.parametrize("text, leader, clause", [
    ("Tomas Reyna echoed the need for a work visa for roofers.", "tomas-reyna",
     "echoed the need for a work visa for roofers"),
    ("The mayor warned about the raids. Okonkwo echoed these concerns while recognizing the pressure on the county.",
     "mara-okonkwo", "echoed these concerns"),
])
def test_an_echo_with_words_of_its_own_is_reported(finder, said, text, leader, clause):
    assert any(who == leader and words.startswith(clause) for who, words in said(finder, text, "paraphrase"))


def test_the_stating_clause_after_an_echo_is_still_hers(finder, said):
    text = ("The mayor warned about the raids. Mara Okonkwo echoed these concerns, stating that losing the crews "
            "would close the diner.")
    assert ("mara-okonkwo", "losing the crews would close the diner") in said(finder, text, "paraphrase")
