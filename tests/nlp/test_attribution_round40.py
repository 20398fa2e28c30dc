"""Round 40 of issue 11, FICTIONAL sentences (tests/nlp/conftest.py's Mara Okonkwo and Tomas Reyna,
with an invented mayor, sheriff and union). Two forms recovered: a participle of speech after a
feeling's or an opinion's cleft ('Reyna feels it's mostly crime that scares folks, explaining, "..."',
the parser hanging the participle on the relative clause of a thing: nlp/misparsed_subjects.py
participle_on_a_things_clause, and a curly "it's" read as the state it is), and a quote after a tag
that holds a leader's quoted nickname ('"A," said Tomas "Tom" Reyna, ... "B."': the nickname is
part of his name, nlp/quote_continuations.py _inside_a_name). The nearest wrong forms stay no one's."""
import pytest

from onrecord.nlp.quotes import QuoteFinder, normalize_quote

from onrecord.tests.nlp.conftest import OKONKWO_AND_REYNA

NICKNAMED = [dict(leader) for leader in OKONKWO_AND_REYNA]
NICKNAMED[0]["aliases"] = ["Okonkwo", "Mara “Mo” Okonkwo"]
NICKNAMED[1]["aliases"] = ["Reyna", "Tomas “Tom” Reyna"]


@pytest.fixture(scope="module")
def nicknamed():
    return QuoteFinder(NICKNAMED)


CRIME = "Crime worries me a lot more than the storms."


@pytest.mark.parametrize("text, leader, words", [
    (f"Reyna feels it’s mostly crime that scares folks, explaining, “{CRIME}”", "tomas-reyna", CRIME),
    (f"Tomas Reyna, who runs a roofing firm, feels it’s mostly crime that scares folks, explaining, “{CRIME}”",
     "tomas-reyna", CRIME),
    ("Reyna thinks it’s mostly the raids that scare folks, explaining, “The raids worry me a lot more than the storms.”",
     "tomas-reyna", "The raids worry me a lot more than the storms."),
])
def test_keeps_a_participle_after_a_things_cleft(finder, said, text, leader, words):
    assert (leader, normalize_quote(words)) in said(finder, text, "quote")


@pytest.mark.parametrize("text", [
    f"Tomas Reyna, who runs a roofing firm, feels it’s mostly the mayor who scares folks, explaining, “{CRIME}”",
    f"Tomas Reyna, who runs a roofing firm, feels it’s mostly Chow who scares folks, explaining, “{CRIME}”",
    f"Tomas Reyna says it’s the union that scares folks, explaining, “{CRIME}”",
    f"Mayor Linda Chow feels it’s mostly crime that scares Reyna’s crews, explaining, “{CRIME}”",
    f"Chow, who hired Reyna, feels it’s mostly crime that scares folks, explaining, “{CRIME}”",
    f"Reyna’s foreman feels it’s mostly crime that scares folks, explaining, “{CRIME}”",
    f"Reyna does not feel it’s crime that scares folks, explaining, “{CRIME}”",
    f"The mayor told Okonkwo it’s mostly crime that scares folks, explaining, “{CRIME}”",
    f"Lumenfold feels it’s mostly crime that scares folks, explaining, “{CRIME}”",
])
def test_never_a_participle_a_person_or_group_may_speak(finder, said, text):
    assert said(finder, text, "quote") == set()


def test_never_a_group_focus_of_a_cleft(finder, said):
    text = "Okonkwo says it’s the coalition that speaks for diners, explaining, “Crime worries us a lot more.”"
    assert ("mara-okonkwo", normalize_quote("Crime worries us a lot more.")) not in said(finder, text, "quote")


@pytest.mark.parametrize("text, leader, words", [
    ("“We lost half the crew,” said Tomas “Tom” Reyna, owner of Reyna Roofing, to the local paper. "
     "“The roofs will wait. We cannot.”", "tomas-reyna", "The roofs will wait. We cannot."),
    ("“We lost half the crew,” said Tomas “Tom” Reyna, who runs a roofing firm in the valley. "
     "“The roofs will wait. We cannot.”", "tomas-reyna", "The roofs will wait. We cannot."),
    ("“The raids must end,” said Mara “Mo” Okonkwo, chief executive of Lumenfold. “Our engineers are afraid.”",
     "mara-okonkwo", "Our engineers are afraid."),
])
def test_keeps_the_quote_after_a_nicknamed_tag(nicknamed, said, text, leader, words):
    assert (leader, normalize_quote(words)) in said(nicknamed, text, "quote")


@pytest.mark.parametrize("text, never", [
    ("“The raids are lawful,” said Mayor Linda Chow, a rival of Tomas “Tom” Reyna. “The city will help the agents.”",
     "The city will help the agents."),
    ("“The raids are lawful,” said Mayor Linda Chow, who sued Tomas “Tom” Reyna last year. “The city will help.”",
     "The city will help."),
    ("“We lost half the crew,” Okonkwo said. Tomas “Tom” Reyna disagreed. “The roofs will wait.”",
     "The roofs will wait."),
    ("“We lost half the crew,” said Okonkwo, praising Tomas “Tom” Reyna. “The roofs will wait.”",
     "The roofs will wait."),
    ("“We lost half the crew,” said Tomas “Tom” Reyna. “The roofs will wait,” said the sheriff.",
     "The roofs will wait"),
    ("“We lost half the crew,” the union said of Tomas “Tom” Reyna’s company. “The roofs will wait.”",
     "The roofs will wait."),
    ("“We stand with the workers,” Lumenfold said in a statement read by Mara “Mo” Okonkwo. “The raids must end.”",
     "The raids must end."),
])
def test_never_anothers_quote_after_a_nickname(nicknamed, said, text, never):
    assert not any(words == normalize_quote(never) for _leader, words in said(nicknamed, text))
