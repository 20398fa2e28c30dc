"""A subject the parse lost or made up gives the reported verb no speaker (nlp/lost_subjects.py).
FICTIONAL: Mara Okonkwo and Streamwave are invented (the name reproduces the real parse; with some
names the parser reads the same sentence another way). The forms are heldout76 tx10's, a blog's caption and
paragraph on a CEO's remarks, where the first words ever given to one leader for a group's demand were
found at that batch's look 1: 'X's remarks reflect a broader shift as tech executives and workers demand
accountability ...' (the parse left 'demand' without its subject, and climbing gave it 'X's remarks'),
and 'X's remarks ... have reverberated publicly, underscoring mounting pressure ...' (the parse took
'remarks' for a verb and 'X's' for its subject)."""
import pytest

from onrecord.nlp.lost_subjects import finite_without_subject, possessor
from onrecord.nlp.quotes import normalize_quote


@pytest.fixture(scope="module")
def nlp(finder):
    return finder.nlp


@pytest.mark.parametrize("text,never", [
    ("Okonkwo’s remarks reflect a broader shift as tech executives and workers demand accountability and de-escalation "
     "amid ICE’s expanded enforcement.", "accountability"),
    ("While delivered privately to Streamwave employees, Okonkwo’s remarks—calling ICE’s actions “going too far”—have "
     "reverberated publicly, underscoring mounting pressure on corporate leaders to take clearer moral positions.",
     "mounting pressure"),
])
def test_a_verb_whose_subject_the_parse_lost_is_no_ones(finder, said, text, never):
    assert not any(never in words for words in said.by(finder, text, kind="paraphrase"))


@pytest.mark.parametrize("text,kept", [
    ("Mara Okonkwo demanded accountability for the raids in Riverton.", "accountability for the raids in Riverton"),
    ("Mara Okonkwo spoke at the rally on Friday, urging employees to stay home during the raids.",
     "employees to stay home during the raids"),
])
def test_her_own_verbs_are_still_hers(finder, said, text, kept):
    assert any(normalize_quote(kept) in words for words in said.by(finder, text, kind="paraphrase"))


def test_finite_without_subject(nlp):
    doc = nlp("Okonkwo’s remarks reflect a broader shift as tech executives and workers demand accountability.")
    demand = next(t for t in doc if t.lower_ == "demand")
    assert finite_without_subject(demand) is (demand.dep_ == "advcl")  # the parse this guard is for
    spoke = next(t for t in nlp("Mara Okonkwo spoke on Friday, urging calm.") if t.lower_ == "urging")
    assert not finite_without_subject(spoke)  # a participle borrows its subject by right


def test_possessor(nlp):
    doc = nlp("While delivered privately to Streamwave employees, Okonkwo’s remarks have reverberated publicly, "
              "underscoring mounting pressure.")
    owner = next(t for t in doc if t.text == "Okonkwo")
    assert possessor(owner)  # whatever the parse calls it
    assert not possessor(next(t for t in nlp("Mara Okonkwo spoke again.") if t.text == "Okonkwo"))
    assert not possessor(None)
