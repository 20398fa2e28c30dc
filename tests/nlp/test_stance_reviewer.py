"""The reviewer (nlp/stance_reviewer.py): the replaced model's head vets the new head's confident claims.

Fictional statements only. The shipped model's own reviewer is checked when its card names one; the
rule itself is checked on given scores, and the build step on copies of the shipped model folder.
"""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy
import pytest

from onrecord.nlp.labels import CONDEMNING, SILENT, SUPPORTING
from onrecord.nlp.stance import Raw, StanceClassifier, StanceModelError, load_model
from onrecord.nlp.stance_data import TOPIC
from onrecord.nlp.stance_reviewer import REVIEWER_DIR
from onrecord.nlp.topic import NONE, TopicMatch

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "nlp/model"
TEXTS = [
    "The raids in our city are a disgrace and they have to stop today.",
    "Thank you to the agents who keep our communities safe. Enforce the law.",
    "Proud of our team for shipping the new release this week.",
    "Masked agents dragging a grandmother out of a bakery is not public safety.",
]


def scores(label_index: int, strength: float = 4.0) -> numpy.ndarray:
    logits = numpy.full(3, -strength)
    logits[label_index] = strength
    return logits


def test_a_confident_claim_the_reviewer_does_not_share_needs_review(clf):
    if clf.reviewer is None:
        pytest.skip("the shipped model has no reviewer")
    side = clf.labels.index(CONDEMNING)
    text = "a disgrace, all of it"
    raw = Raw(scores(side), scores(side), scores(side)[None, :], [(0, len(text))], TopicMatch(NONE))
    alone = clf.judge(text, "", raw)
    assert alone.stance == CONDEMNING and not alone.needs_review  # confident, and no reviewer scores given
    depth = len(clf.reviewer.chain)  # one row of logits per head of the chain
    for other in (SUPPORTING, SILENT):
        raw.review = numpy.stack([scores(clf.labels.index(other))] * depth)
        assert clf.judge(text, "", raw).needs_review  # the reviewers say another label
    raw.review = numpy.stack([scores(side, strength=0.1)] * depth)  # the same label, below their thresholds
    assert clf.judge(text, "", raw).needs_review
    raw.review = numpy.stack([scores(side)] * depth)
    j = clf.judge(text, "", raw)
    assert (j.stance, j.needs_review) == (CONDEMNING, False)
    for doubting in range(depth):  # any one head of the chain that doubts sends it to review
        rows = [scores(side)] * depth
        rows[doubting] = scores(clf.labels.index(SUPPORTING))
        raw.review = numpy.stack(rows)
        assert clf.judge(text, "", raw).needs_review
    with pytest.raises(ValueError, match="reviewer heads"):
        clf.reviewer.agrees(numpy.stack([scores(side)] * (depth + 1)), side)


def test_the_reviewer_reads_the_same_encoder_and_labels():
    card = json.loads((MODEL / "model.json").read_text())
    if not card.get("reviewer"):
        pytest.skip("the shipped model has no reviewer")
    assert (MODEL / REVIEWER_DIR / "head.npz").exists()
    assert card["reviewer"]["model"] != f"{card['name']}-{card['version']}"
    assert 0.5 <= card["reviewer"]["review_below"] < 1.0


@pytest.fixture
def model_copy(tmp_path):
    out = tmp_path / "model"
    shutil.copytree(MODEL, out)
    yield out
    load_model.cache_clear()


def test_a_model_whose_reviewer_is_missing_is_refused_with_one_line(model_copy):
    card = json.loads((model_copy / "model.json").read_text())
    card["reviewer"] = {"model": "onrecord_stance-0.0.1", "features": card["features"], "temperature": 1.0,
                        "review_below": 0.9}
    (model_copy / "model.json").write_text(json.dumps(card))
    shutil.rmtree(model_copy / REVIEWER_DIR, ignore_errors=True)
    with pytest.raises(StanceModelError, match="unusable"):
        StanceClassifier(TOPIC, model_dir=model_copy)


def run_review(config: Path, tune: Path, staging: Path):
    return subprocess.run([sys.executable, str(ROOT / "nlp/scripts/review.py"), str(config), str(tune), str(staging)],
                          capture_output=True, text=True, cwd=ROOT / "nlp")


@pytest.fixture
def build(tmp_path, model_copy):
    """A staging folder (a copy of the shipped model), a config naming a reviewer, a tiny tune split."""
    config = tmp_path / "config.cfg"
    config.write_text((ROOT / "nlp/config.cfg").read_text().replace('reviewer = "model"', f'reviewer = "{tmp_path / "old"}"'))
    shutil.copytree(MODEL, tmp_path / "old")
    tune = tmp_path / "tune.jsonl"
    tune.write_text("".join(json.dumps({"text": t, "context": "", "stance": s, "source": "real", "speaker": f"Fictional {n}",
                                        "tags": [], "id": f"f{n}"}) + "\n"
                            for n, (t, s) in enumerate(zip(TEXTS, [CONDEMNING, SUPPORTING, SILENT, CONDEMNING]))))
    return config, tune, model_copy, tmp_path / "old"


def test_review_ships_the_replaced_models_head(build):
    config, tune, staging, old = build
    config.write_text(config.read_text().replace("chain = true", "chain = false"))
    result = run_review(config, tune, staging)
    assert result.returncode == 0, result.stderr
    card = json.loads((staging / "model.json").read_text())
    theirs = json.loads((old / "model.json").read_text())
    assert card["reviewer"]["model"] == f"{theirs['name']}-{theirs['version']}"
    assert card["reviewer"]["review_below"] == theirs["calibration"]["review_below"]
    assert (staging / REVIEWER_DIR / "head.npz").read_bytes() == (old / "head.npz").read_bytes()
    assert card["reviewer"]["tune_flagged"] >= card["reviewer"]["tune_flagged_by_reviewer"]
    assert "reviewer" not in card["reviewer"] and not (staging / REVIEWER_DIR / REVIEWER_DIR).exists()
    load_model.cache_clear()
    reviewer = StanceClassifier(TOPIC, model_dir=staging).reviewer
    assert len(reviewer.chain) == 1
    # a replaced model that blends a lexical reading (0.6.0 on) reviews with it, as it judged
    assert (reviewer.lexical is not None) == bool(theirs.get("lexical"))
    assert (staging / REVIEWER_DIR / "lexical.npz").exists() == bool(theirs.get("lexical"))


def test_review_with_a_chain_carries_the_replaced_models_reviewers_along(build):
    config, tune, staging, old = build
    assert "chain = true" in config.read_text()
    result = run_review(config, tune, staging)
    assert result.returncode == 0, result.stderr
    load_model.cache_clear()
    new, replaced = (StanceClassifier(TOPIC, model_dir=folder) for folder in (staging, old))
    theirs = json.loads((old / "model.json").read_text())
    assert [r.model for r in new.reviewer.chain] == [f"{theirs['name']}-{theirs['version']}"] + (
        [r.model for r in replaced.reviewer.chain] if replaced.reviewer else [])
    for ours, carried in zip(new.reviewer.chain[1:], replaced.reviewer.chain if replaced.reviewer else []):
        assert numpy.array_equal(ours.head.weights, carried.head.weights)
        assert (ours.temperature, ours.review_below) == (carried.temperature, carried.review_below)
    # The new model shows no side without review that the replaced model would not show unreviewed.
    shown = 0
    for text, raw, theirs_raw in zip(TEXTS, new.raw_scores([(t, "") for t in TEXTS]),
                                     replaced.raw_scores([(t, "") for t in TEXTS])):
        j = new.judge(text, "", raw)
        if not j.needs_review and j.stance != SILENT:
            shown += 1
            old_j = replaced.judge(text, "", theirs_raw)
            assert (old_j.stance, old_j.needs_review) == (j.stance, False)
    assert shown


def test_review_refuses_a_model_that_reads_another_encoder(build):
    config, tune, staging, old = build
    (old / "encoder.onnx").write_bytes((old / "encoder.onnx").read_bytes() + b"\0")
    result = run_review(config, tune, staging)
    assert result.returncode != 0
    assert "reads another encoder" in result.stderr
