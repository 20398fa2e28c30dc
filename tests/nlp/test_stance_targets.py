"""What evaluative words are aimed at (nlp/stance_targets.py), on sentences written for these tests."""
import json
from pathlib import Path

import numpy
import pytest

from onrecord.nlp.stance_targets import NAMES, counts, target_features, tokens

ROOT = Path(__file__).resolve().parents[2]


def found(text: str, window: int = 4) -> dict:
    return {name: float(v) for name, v in zip(NAMES, counts(text, window)) if v}


@pytest.mark.parametrize("text, pair", [
    # The same kind of word, opposite targets.
    ("These masked agents are thugs.", "negative:enforcement"),
    ("The rioters are thugs.", "negative:opponents"),
    ("The raids are shameful.", "negative:enforcement"),
    ("Sanctuary mayors are a disgrace.", "negative:opponents"),
    ("Thank you, Border Patrol!", "positive:enforcement"),
    ("Proud of the protesters who showed up tonight.", "positive:opponents"),
    ("Our neighbors deserve better.", "positive:community"),
    # The doer of an attack, not its object, takes the blame.
    ("Agitators attacking federal officers should be prosecuted.", "negative:opponents"),
    ("Agents attacking peaceful observers should be prosecuted.", "negative:enforcement"),
])
def test_evaluative_word_finds_its_target(text, pair):
    assert pair in found(text)


def test_negation_flips_the_polarity():
    assert "negative:enforcement" in found("We do not support the raids.")
    assert "positive:enforcement" not in found("We do not support the raids.")
    assert "positive:enforcement" in found("We support the raids.")


def test_a_target_is_not_read_across_but():
    assert "negative:enforcement" not in found("It is shameful, but the agents did their job.")
    assert "negative:enforcement" in found("It is shameful, and the agents did it.")


def test_a_sentence_end_is_a_boundary_only_with_target_sentence_break():
    # Model 0.4.0 was trained with punctuation inside the window (its card lacks the setting);
    # this pins both, so a change to either is a deliberate retrain, not a drift from training.
    text = "That ruling was shameful. Agents were in town today."
    assert found(text) == {"negative:enforcement": 1.0, "mention:enforcement": 1.0}
    assert {n: float(v) for n, v in zip(NAMES, counts(text, 4, sentence_break=True)) if v} == {
        "negative:none": 1.0, "mention:enforcement": 1.0}
    assert "negative:enforcement" in found("The raids; shameful.")  # ';' ends a clause only with the break
    settings = {"target_scale": 1.0, "target_window": 4}
    assert (target_features([text], settings) != target_features([text], {**settings, "target_sentence_break": True})).any()


def test_multiword_actors_are_one_actor():
    assert tokens("Homeland Security and the National Guard") == ["dhs", "and", "the", "guard"]
    assert found("Immigration and Customs Enforcement")["mention:enforcement"] == 1.0


def test_off_topic_text_has_no_targets():
    assert found("Excited to announce our Series B!") == {}


def test_features_are_scaled_log_counts():
    x = target_features(["The raids are shameful and cruel.", ""], {"target_scale": 3.0, "target_window": 4})
    assert x.shape == (2, len(NAMES)) and x.dtype == numpy.float32
    assert x[0, NAMES.index("negative:enforcement")] == pytest.approx(3.0 * numpy.log(3.0))
    assert not x[1].any()
    assert target_features([], {"target_scale": 3.0, "target_window": 4}).shape == (0, len(NAMES))


def test_the_model_card_says_how_the_packaged_head_reads_them():
    card = json.loads((ROOT / "nlp/model/model.json").read_text())
    head = numpy.load(ROOT / "nlp/model/head.npz")
    features = card["features"]
    dim = 384 * (2 if features["context"] else 1) + (3 if features["gate"] else 0)
    dim += len(NAMES) if features.get("targets") else 0
    dim += 6 if features.get("memory") else 0  # nlp/stance_memory.py: 3 labels x (text, text with context)
    assert head["weights"].shape[1] == dim
