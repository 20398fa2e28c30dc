"""Her own past words after 'recalled' or 'remembered' and a gerund of saying (round 37 of issue 11), on FICTIONAL
sentences (tests/nlp/conftest.py's Mara Okonkwo, with an invented mayor and agents): 'Okonkwo recalled asking the
agents, "..."' is her question, as heldout35's 'X recalled asking officers, "..."' (which the small model misparses).
The must-nevers are the nearest forms where the words were said to her or by another: 'recalled the mayor telling
her, "..."' and 'recalled being asked, "..."' gave them to her before this round; 'remembered being told, "..."'
would have, once 'remember' passed a gerund's subject on."""
import pytest

from onrecord.nlp.quotes import normalize_quote

CRUEL = "These raids are cruel and they must stop."
ASK = "What can I do for you? Can I help you?"


@pytest.mark.parametrize("text, words", [
    (f"Okonkwo recalled telling the agents, “{CRUEL}”", CRUEL),
    (f"Okonkwo recalled saying, “{CRUEL}”", CRUEL),
    (f"Okonkwo recalled asking the agents, “{ASK}”", ASK),
    (f"Okonkwo recalled telling the agents: “{CRUEL}”", CRUEL),
])
def test_her_words_after_recalled_and_a_gerund_of_saying(finder, said, text, words):
    assert ("mara-okonkwo", normalize_quote(words)) in said(finder, text, "quote")


@pytest.mark.parametrize("text", [
    "Okonkwo recalled the mayor telling her, “Leave now.”",
    f"Okonkwo recalled being asked, “{ASK}”",
    "Okonkwo remembered being told, “Leave now.”",
    f"Okonkwo recalled an agent asking her, “{ASK}”",
    "Okonkwo recalled hearing the agent say, “Leave now.”",
    "Okonkwo recalled the agents asking, “Where are your papers?”",
    "The mayor recalled asking Okonkwo, “What can I do for you?”",
    "Okonkwo's lawyer recalled asking officers, “What can I do for you?”",
    "Okonkwo recalled asking the mayor what the agents had told him: “Leave now.”",
])
def test_never_words_said_to_her_or_by_another_after_recalled(finder, said, text):
    assert not {pair for pair in said(finder, text) if pair[0] == "mara-okonkwo"}
