"""Words a leader passes on from someone else are not hers: a tag that reports a second speaker
('Okonkwo said the agent told her'), a participle of quoting or of reading someone else's letter on
the tag, and a participle of saying right after a person in an 'of' phrase ('a video of the mayor
saying'). Found by round 32's must-never hunt (nlp/passed_on_words.py). Her own words in the nearest
forms stay hers. FICTIONAL people."""
import pytest


@pytest.mark.parametrize("text", [
    "“You have ten minutes to clear the floor,” Okonkwo said the agent told her.",
    "“You have ten minutes to clear the floor,” Mara Okonkwo said Sheriff Dale Murrow told her.",
    "“They took my cousin at dawn,” Okonkwo told reporters a worker had said.",
    "“They took my cousin at dawn,” Okonkwo said, quoting a worker.",
    "“Nobody leaves,” Okonkwo said an agent warned.",
    "“Nobody leaves,” Okonkwo recalled an agent shouting.",
    "“They are everywhere,” Okonkwo said, repeating her neighbor’s words.",
    "Okonkwo, quoting a worker, said: “They took my cousin at dawn.”",
    "Okonkwo said, quoting a worker: “They took my cousin at dawn.”",
    "“We stand with our workers,” Okonkwo said, quoting the union’s letter.",
    "“We will not stop the sweeps,” Okonkwo said, reading from the sheriff’s letter.",
    "Reyna posted a video of the mayor saying, “We stand with our workers.”",
    "Reyna posted a video of the mayor saying that the city stands with its workers.",
    "Tomas Reyna shared footage of Sheriff Dale Murrow saying, “Nobody leaves this building.”",
])
def test_never_words_she_passes_on(finder, said, text):
    assert not said(finder, text)


def test_never_the_words_she_was_told(finder, said):
    # her own clause ('she was told by an agent') is hers to report; the quote is the agent's
    text = "“Nobody leaves,” Okonkwo said she was told by an agent."
    assert not said(finder, text, "quote")


@pytest.mark.parametrize("text, who, words", [
    ("“We will keep paying every worker,” Okonkwo said she told the staff.", "mara-okonkwo",
     "we will keep paying every worker"),
    ("“We will keep paying every worker,” Okonkwo said, reading from a prepared statement.", "mara-okonkwo",
     "we will keep paying every worker"),
    ("“We will keep paying every worker,” Okonkwo said, reading from her own notes.", "mara-okonkwo",
     "we will keep paying every worker"),
    ("Reyna posted a video of the rally, saying, “We stand with our workers.”", "tomas-reyna",
     "we stand with our workers"),
    ("Okonkwo, speaking to a worker, said: “We will keep paying every worker.”", "mara-okonkwo",
     "we will keep paying every worker"),
    ("“We will keep paying every worker,” Okonkwo told reporters she had said.", "mara-okonkwo",
     "we will keep paying every worker"),
    ("“We stand with our workers,” Reyna said, repeating his own words from the rally.", "tomas-reyna",
     "we stand with our workers"),
    ("“They are everywhere,” Okonkwo said, echoing the mayor.", "mara-okonkwo", "they are everywhere"),
    ("“We stand with our workers,” Reyna said, adding that the raids had emptied his crews.", "tomas-reyna",
     "we stand with our workers"),
])
def test_her_own_words_in_the_nearest_forms(finder, said, text, who, words):
    assert (who, words) in said(finder, text, "quote")
