"""The sixth must-never hunt (round 39 of issue 11), on reported speech, FICTIONAL sentences
(tests/nlp/conftest.py's Mara Okonkwo of Lumenfold and Tomas Reyna of Reyna Roofing, with an
invented mayor, sheriff, councilwoman and nephew). Three general forms gave a leader words that were
not hers, reported and quoted alike; nlp/disowned_speech.py now guards them: a speaker set aside by
'not' ('Chow, not Okonkwo, urged ...'), a namesake opening the sentence as its subject ('Ana
Okonkwo, a city councilwoman, called for ...'), and a speech verb under a frame that denies it
('It is false that Okonkwo urged ...', 'No one heard Okonkwo say ...', 'The claim that Okonkwo
called for ...', and 'did not' with an aside before the verb). Her own reported speech in the nearest
forms stays hers."""
import pytest

from onrecord.nlp.quotes import normalize_quote


@pytest.mark.parametrize("text", [
    "Chow, not Okonkwo, urged the council to back the raids.",
    "Chow, not Okonkwo, said, “The raids are fine.”",
    "Mayor Linda Chow, not Reyna, described the raids as necessary.",
])
def test_never_a_speaker_set_aside_by_not(finder, said, text):
    assert said(finder, text) == set()


@pytest.mark.parametrize("text", [
    "Ana Okonkwo, a city councilwoman, called for an end to the raids.",
    "Ana Okonkwo urged the council to end the raids.",
    "Ana Okonkwo, a city councilwoman, said, “The raids are cruel.”",
    "Ana Okonkwo is a city councilwoman. Okonkwo said the raids were cruel.",
])
def test_never_a_namesake_opening_the_sentence(finder, said, text):
    assert said(finder, text) == set()


@pytest.mark.parametrize("text", [
    "It is false that Okonkwo urged workers to resist the raids.",
    "It is not true that Reyna called for an end to the raids.",
    "It is false that Okonkwo said the raids were “cruel.”",
    "No one heard Okonkwo say the raids were cruel.",
    "No reporter heard Reyna say the raids were cruel.",
    "Nobody heard Okonkwo call the raids “cruel.”",
    "Okonkwo did not, as some reported, call for an end to the raids.",
    "Okonkwo did not, as the mayor said, call for an end to the raids.",
    "The false claim that Okonkwo called for more raids spread online.",
    "The claim that Okonkwo called for more raids spread online.",
    "Rumours that Reyna urged his crews to hide were untrue.",
])
def test_never_words_a_frame_denies(finder, said, text):
    assert said(finder, text) == set()


@pytest.mark.parametrize("text, words", [
    ("Okonkwo, not Chow, called for an end to the raids.", "called for an end to the raids"),
    ("Ana Okonkwo is a city councilwoman. Mara Okonkwo said the raids were wrong.", "the raids were wrong"),
    ("It is true that Okonkwo called for an end to the raids.", "called for an end to the raids"),
    ("Reporters heard Okonkwo say the raids were cruel.", "the raids were cruel"),
    ("Okonkwo, as the mayor noted, called for an end to the raids.", "called for an end to the raids"),
    ("Okonkwo made the claim that the raids were cruel.", "the raids were cruel"),
    ("Okonkwo called for an end to the raids.", "called for an end to the raids"),
    ("Okonkwo said the raids were cruel and un-American.", "the raids were cruel and un-American"),
    ("The raids must end now, Okonkwo urged.", "The raids must end now"),
    ("Okonkwo described the raids as a betrayal of American values.",
     "described the raids as a betrayal of American values"),
    ("Okonkwo spoke at the rally, urging lawmakers to end the raids.", "urging lawmakers to end the raids"),
])
def test_her_own_reported_speech_in_the_nearest_forms(finder, said, text, words):
    assert said(finder, text, "paraphrase") == {("mara-okonkwo", normalize_quote(words))}


@pytest.mark.parametrize("text", [
    "The union urged Okonkwo to condemn the raids.",
    "Okonkwo was urged by workers to denounce the ICE raids.",
    "Reporters asked Okonkwo whether the raids were hurting Lumenfold.",
    "The mayor said Okonkwo had called for an end to the raids.",
    "Chow accused Okonkwo of supporting the raids.",
    "Chow said that Okonkwo's company supports the raids.",
    "A Lumenfold spokesperson urged lawmakers to end the raids.",
    "Okonkwo's lawyer argued that the raids violated her workers' rights.",
    "Lumenfold employees called for an end to the raids.",
    "Okonkwo's critics say the raids are overdue.",
    "Reyna's wife said the raids had frightened their neighbours.",
    "The Okonkwo Foundation called for an end to the raids.",
    "Unlike Okonkwo, Chow called the raids necessary.",
    "Neither Okonkwo nor Reyna called for an end to the raids.",
    "Okonkwo never said the raids were justified.",
    "Okonkwo denied calling for an end to the raids.",
    "Will Okonkwo call for an end to the raids?",
    "If Okonkwo said the raids were wrong, her workers would cheer.",
    "Many assume Okonkwo thinks the raids are cruel.",
    "Okonkwo says raids are cruel\n\nMayor Linda Chow said on Monday that the raids would continue.",
    "Chow spoke after Okonkwo, urging the council to back the raids.",
    "Chow named the executive who Okonkwo said had called for an end to the raids.",
    "Okonkwo urged staff to avoid the raids, according to a lawsuit filed by Ian Cole.",
])
def test_never_words_not_hers_in_the_hunts_other_forms(finder, said, text):
    assert said(finder, text) == set()
