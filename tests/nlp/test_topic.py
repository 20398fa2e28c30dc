"""The topic gate: unambiguous terms, the traps (engines, lake ice, visas, AI agents), extra terms."""
import pytest

from onrecord.nlp.topic import NONE, STRONG, WEAK, TopicGate

ICE_TOPIC = {"id": "ice-enforcement", "name": "Federal immigration enforcement (ICE, Border Patrol) in U.S. cities"}


@pytest.fixture(scope="module")
def gate():
    return TopicGate(ICE_TOPIC)


@pytest.mark.parametrize("text, term", [
    ("ICE agents detained two of our engineers this morning.", "ICE"),
    ("Abolish ICE.", "Abolish ICE"),
    ("Get ICE out of Minneapolis.", "ICE"),
    ("abolish ice now", "abolish ice"),
    ("the ice raids in our neighborhood have to stop", "ice raids"),
    ("Thank you to the Border Patrol.", "Border Patrol"),
    ("More deportations are coming, the secretary said.", "deportations"),
    ("If the politicians stop the agitators attacking the Patriots of I.C.E., fine.", "I.C.E."),
    ("Masked federal agents took him from his car.", "Masked federal agents"),
])
def test_topic_terms_are_strong_and_located(gate, text, term):
    match = gate.check(text)
    assert match.level == STRONG and match.on_topic
    assert text[match.start:match.end] == term


@pytest.mark.parametrize("text", [
    "ICE vehicles still made up 71% of our fleet sales last quarter.",
    "Drove the EV and the ICE version back to back; the EV wins.",
    "Our new hybrid pairs a 1.5L ICE with two electric motors.",
    "ICE futures for Brent crude spiked this morning.",
    "Stay off the ice on Lake Nokomis, it is still too thin.",
    "Black ice on 35W this morning. Drive carefully.",
    "The H-1B lottery results are out; talk to us about O-1 visas.",
    "Congress needs to fix the green card backlog.",
    "Our AI agents now resolve 60% of support tickets.",
    "NICE work on the launch, team.",
    "Can someone get ice for the team party?",
])
def test_traps_are_not_the_topic(gate, text):
    assert gate.check(text).level != STRONG


@pytest.mark.parametrize("text", [
    "Shipped v3 of our API today. Faster, cheaper, webhooks.",
    "Q4 revenue up 34% year over year.",
    "",
])
def test_unrelated_text_never_reaches_the_model(gate, text):
    assert gate.check(text).level == NONE


@pytest.mark.parametrize("text", [
    "Our neighbors are afraid to leave their homes this week.",
    "No one should have to fear losing their life for a peaceful protest.",
    "Agitators keep getting in the way of the officers.",
])
def test_implicit_statements_are_passed_on_as_weak(gate, text):
    assert gate.check(text).level == WEAK


def test_watchlist_terms_extend_the_profile():
    text = "The Operation Metro Surge briefing was today."
    assert TopicGate(ICE_TOPIC).check(text).level != STRONG
    match = TopicGate({**ICE_TOPIC, "terms": ["Operation Metro Surge"]}).check(text)
    assert match.level == STRONG and text[match.start:match.end] == "Operation Metro Surge"


def test_topic_without_a_profile_uses_its_terms_or_name():
    gate = TopicGate({"id": "water-rights", "name": "Water rights in the Colorado basin"})
    assert gate.check("The Colorado compact talks collapsed.").level == STRONG
    assert gate.check("Shipped a new API.").level == NONE
    gate = TopicGate({"id": "chips", "name": "Chips", "terms": ["export controls"]})
    assert gate.check("New export controls on GPUs.").level == STRONG
