"""A word quoted in a question put to her is the asker's (nlp/own_views.in_a_question_put). FICTIONAL
(tests/nlp/conftest.py's Mara Okonkwo). heldout74 tv01's form: 'X did not directly answer when asked
whether <A> or <B> is politically "winning"' gave her the interviewer's word at that batch's look 1."""
import pytest

from onrecord.nlp.quotes import normalize_quote


@pytest.mark.parametrize("text,word", [
    ("Okonkwo did not directly answer when asked whether the mayor or the governor is politically “winning” in "
     "this situation, but did say she knows who is losing.", "winning"),
    ("Asked whether the raids were “working,” Okonkwo said she did not know.", "working"),
    ("Okonkwo was asked whether the raids were “working.”", "working."),
])
def test_never_the_word_of_a_question_put_to_her(finder, said, text, word):
    assert ("mara-okonkwo", normalize_quote(word)) not in said(finder, text)


@pytest.mark.parametrize("text,word", [
    ("Asked about the raids, Okonkwo called them “cruel.”", "cruel."),
    ("When asked about the raids, Okonkwo said, “They are cruel.”", "They are cruel."),
    ("Okonkwo called the raids “cruel” when asked about them.", "cruel"),
    ("Okonkwo said she had asked the board for “a fair hearing, nothing more.”", "a fair hearing, nothing more."),
])
def test_her_answer_stays_hers(finder, said, text, word):
    assert ("mara-okonkwo", normalize_quote(word)) in said(finder, text)
