"""A leader named as the appositive of a subject that others share is one of a group (round 16, found
while reading heldout10's 'the private prison company's executive chairman, George Zoley, told ...'):
"the chief executive, Okonkwo, and its finance chief, Murrow, told ..." gave Okonkwo the words of two
people before the guard (leader_mentions.Mentions.speaker, coordinated_parties.another_party). Her
own titles in a list ('founder and CEO') and a possessive name in the list ("Ben & Jerry's
co-founder") keep her the speaker. On FICTIONAL sentences.
"""
import pytest


@pytest.mark.parametrize("text", [
    "The company’s chief executive, Mara Okonkwo, and its finance chief, Dale Murrow, told participants that "
    "the company was pursuing “unprecedented growth opportunities.”",
    "The company’s chief executive, Mara Okonkwo, along with 60 other CEOs, said the raids were “a moral failure.”",
    "Lumenfold’s founders, Mara Okonkwo and Dale Murrow, said the raids were “a moral failure.”",
    "The company’s chief executive, Mara Okonkwo, and other industry leaders said the raids were “a moral failure.”",
    "The two executives, Mara Okonkwo and Tomas Reyna, said the raids were “a moral failure.”",
])
def test_never_a_groups_words_to_the_leader_in_apposition(finder, said, text):
    assert said(finder, text) == set(), text


@pytest.mark.parametrize("text", [
    "The company’s chief executive, Mara Okonkwo, said the raids were “a moral failure.”",
    "The company’s founder and chief executive, Mara Okonkwo, said the raids were “a moral failure.”",
])
def test_the_leader_in_apposition_alone_still_speaks(finder, said, text):
    assert ("mara-okonkwo", "a moral failure") in said(finder, text, "quote"), text
