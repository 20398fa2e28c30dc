"""A participle of saying hung on the leader's verb right after a clause in which someone else
speaks ('listened as the sheriff spoke, saying, "..."') may be that person's words: grammar gives
them to the leader, readers often to the sheriff, so they go to no one (nlp/speech_verbs.py,
`subject`; found by round 31 while writing must-nevers). Her own speech with a participle keeps
her words. FICTIONAL people."""
import pytest


@pytest.mark.parametrize("text", [
    "Mara Okonkwo listened as the sheriff spoke, saying, “We will keep coming back.”",
    "Mara Okonkwo listened as Sheriff Dale Murrow spoke, saying, “We will keep coming back.”",
    "Mara Okonkwo waited while the mayor talked, saying, “We will keep coming back.”",
])
def test_never_a_participle_after_someone_else_speaks(finder, said, text):
    assert not said(finder, text)


@pytest.mark.parametrize("text, words", [
    ("Mara Okonkwo spoke after the sheriff left, saying, “We will keep our doors open.”",
     "we will keep our doors open"),
    ("Mara Okonkwo closed the shop early, saying, “We will keep our doors open tomorrow.”",
     "we will keep our doors open tomorrow"),
])
def test_her_own_participle_keeps_her_words(finder, said, text, words):
    assert said(finder, text, "quote") == {("mara-okonkwo", words)}
