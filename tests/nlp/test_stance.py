"""The stance classifier on statements written for these tests (not in the training corpus)."""
import json
import re
from pathlib import Path

import pytest

from onrecord.nlp.labels import CONDEMNING, LABELS, SILENT, SUPPORTING
from onrecord.nlp.stance import Judgment, StanceClassifier

ROOT = Path(__file__).resolve().parents[2]
TOPIC = {"id": "ice-enforcement", "name": "Federal immigration enforcement (ICE, Border Patrol) in U.S. cities"}

# Held-out style: fictional statements phrased unlike the corpus; each label and each trap.
HELD_OUT = {
    CONDEMNING: [
        "I can't stop thinking about the man who was shot on Sunday. He was holding a phone, not a weapon. "
        "Whoever gave the order to fire needs to answer for it.",
        "Federal agents have turned a quiet neighborhood into a place where parents are afraid to walk their kids to school.",
        "As the founder of a company with 200 employees in St. Paul, I'm asking the administration to end this "
        "operation before anyone else is hurt.",
        "Pretty sure 'law and order' doesn't mean shooting a guy in his car for recording you.",
        "What happened in Minneapolis was a killing, and calling it anything else is a lie.",
        "Our community is grieving and the people responsible are still wearing masks.",
    ],
    SUPPORTING: [
        "The officers involved acted according to their training and deserve our support.",
        "Immigration laws exist for a reason, and enforcing them is not a crime.",
        "When protesters block federal officers, they are breaking the law, plain and simple.",
        "Local politicians encouraged this chaos by refusing to cooperate with federal authorities.",
        "Whatever you think of the tactics, the law is clear and the agents are following it.",
        "Let's stop pretending that removing people with deportation orders is some kind of atrocity.",
    ],
    SILENT: [
        "I'm not going to share an opinion on the enforcement operation. That's not my job here.",
        "We hope all sides can find a peaceful resolution soon.",
        "Excited to announce our Series B! $40M to build the future of logistics.",
        "Brutal loss for the Timberwolves tonight. That last quarter was painful.",
        "Thrilled to welcome 40 new engineers to our Minneapolis office this month!",
        "Our prayers are with everyone in Minnesota tonight.",
    ],
}
TRAPS = [
    "The new ICE models get 38 mpg on the highway, not bad for a compact SUV.",
    "Ice skating on Lake of the Isles with the kids this morning. Perfect Minnesota day.",
    "H-1B reform should be the top priority for anyone who cares about American innovation.",
    "Our AI agents can now book travel, file expenses and schedule meetings.",
]


@pytest.fixture(scope="session")
def clf():
    return StanceClassifier(TOPIC)


def test_held_out_examples_are_not_training_data():
    corpus = {json.loads(line)["text"] for line in (ROOT / "nlp/corpus/statements.jsonl").open()}
    for texts in HELD_OUT.values():
        assert not corpus & set(texts)
    assert not corpus & set(TRAPS)


@pytest.mark.parametrize("label", LABELS)
def test_each_label_on_held_out_examples(clf, label):
    texts = HELD_OUT[label]
    got = [j.stance for j in clf.classify(texts)]
    misses = [(t, g) for t, g in zip(texts, got) if g != label]
    # A statistical model may miss one; more than that is a regression.
    assert len(misses) <= 1, misses


@pytest.mark.parametrize("text", TRAPS)
def test_traps_are_silent_and_off_topic(clf, text):
    (j,) = clf.classify([text])
    assert (j.stance, j.on_topic, j.evidence) == (SILENT, False, "")


def test_judgments_are_well_formed(clf):
    texts = [t for ts in HELD_OUT.values() for t in ts] + TRAPS + ["", "   ", "ICE.", "🙂"]
    judgments = list(clf.classify(texts, batch_size=3))
    assert len(judgments) == len(texts)
    for text, j in zip(texts, judgments):
        assert isinstance(j, Judgment)
        assert j.stance in LABELS
        assert 0.0 <= j.confidence <= 1.0
        assert j.evidence in text
        if j.stance != SILENT:
            assert j.on_topic and j.evidence.strip()


def test_order_and_batching_do_not_change_results(clf):
    texts = [t for ts in HELD_OUT.values() for t in ts]
    one = [(j.stance, j.confidence, j.evidence) for j in clf.classify(texts, batch_size=1)]
    many = [(j.stance, j.confidence, j.evidence) for j in clf.classify(iter(texts), batch_size=64)]
    assert one == many
    reverse = [(j.stance, j.confidence, j.evidence) for j in clf.classify(texts[::-1])]
    assert reverse[::-1] == many


def test_evidence_is_the_sentence_that_takes_a_side(clf):
    text = ("We just launched v3 of our API, faster and cheaper. The raids must end and the agents must "
            "leave our city. Hiring backend engineers, DM me.")
    (j,) = clf.classify([text])
    assert j.stance == CONDEMNING
    assert j.evidence == "The raids must end and the agents must leave our city."


def test_on_topic_silence_points_at_the_topic_sentence(clf):
    text = "Big week for the team. We are monitoring the ICE operation and keeping employees informed."
    (j,) = clf.classify([text])
    assert (j.stance, j.on_topic) == (SILENT, True)
    assert j.evidence == "We are monitoring the ICE operation and keeping employees informed."


def test_model_string_names_pipeline_and_version(clf):
    assert re.fullmatch(r"onrecord_stance-\d+\.\d+\.\d+", clf.model)
    meta = json.loads((ROOT / "nlp/model/meta.json").read_text())
    assert clf.model == f"{meta['name']}-{meta['version']}"


def test_calibration_was_fitted_on_the_tune_split(clf):
    calibration = json.loads((ROOT / "nlp/model/calibration.json").read_text())
    assert calibration["split"] == "tune"
    assert calibration["temperature"] > 0 and clf.temperature == calibration["temperature"]
    assert 0.5 < clf.off_topic_confidence < 1.0
    assert calibration["nll_after"] <= calibration["nll_before"]


def test_corpus_is_fictional_balanced_and_split_by_speaker():
    assert "FICTIONAL" in (ROOT / "nlp/corpus/README.md").read_text()
    rows = [json.loads(line) for line in (ROOT / "nlp/corpus/statements.jsonl").open()]
    assert len(rows) >= 800
    counts = {label: sum(r["stance"] == label for r in rows) for label in LABELS}
    assert min(counts.values()) / max(counts.values()) > 0.6, counts
    splits = {}
    for r in rows:
        splits.setdefault(r["speaker"], set()).add(r["split"])
    assert all(len(s) == 1 for s in splits.values())
    assert {r["split"] for r in rows} == {"train", "tune", "test"}
    sample = [json.loads(line) for line in (ROOT / "nlp/corpus/second_pass_input.jsonl").open()]
    assert all(set(s) == {"id", "text"} for s in sample)
    assert len(sample) >= 0.19 * len(rows)
