"""The memory of labelled statements (nlp/stance_memory.py) and the packaged model's copy of it."""
import json
from pathlib import Path

import numpy
import pytest

from onrecord.nlp.labels import LABELS
from onrecord.nlp.stance_data import read_config
from onrecord.nlp.stance_head import Head
from onrecord.nlp.stance_memory import build_memory, memory_features

ROOT = Path(__file__).resolve().parents[2]


def unit(*rows):
    x = numpy.array(rows, dtype="float32")
    return x / numpy.linalg.norm(x, axis=1, keepdims=True)


@pytest.fixture
def memory():
    own = unit([1, 0, 0], [0.9, 0.1, 0], [0, 1, 0], [0, 0, 1])
    return build_memory(own, own, ["condemning", "condemning", "supporting", "silent"], ["a", "a", "b", "c"])


def test_the_nearest_statements_vote_by_similarity(memory):
    x = memory_features(unit([1, 0.05, 0]), unit([0, 1, 0]), memory, k=2, scale=1.0)
    assert x.shape == (1, 2 * len(LABELS)) and x.dtype == numpy.float32
    assert x[0, :3] == pytest.approx([1.0, 0.0, 0.0])  # by text: the two condemning ones
    assert x[0, 3:].argmax() == LABELS.index("supporting")  # by text with context: the supporting one first
    assert x[0, 3:].sum() == pytest.approx(1.0)


def test_scale_multiplies_and_no_rows_give_no_features(memory):
    one = memory_features(unit([0, 0, 1]), unit([0, 0, 1]), memory, k=1, scale=3.0)
    assert one[0].tolist() == [0, 0, 3.0, 0, 0, 3.0]
    empty = numpy.zeros((0, 3), dtype="float32")
    assert memory_features(empty, empty, memory, k=2, scale=1.0).shape == (0, 6)


def test_training_leaves_out_the_rows_own_speaker_group(memory):
    # Row of group "a" next to a's condemning statements: its neighbours must come from b and c.
    x = memory_features(unit([1, 0, 0]), unit([1, 0, 0]), memory, k=2, scale=1.0, groups=["a"])
    assert x[0, LABELS.index("condemning")] == 0.0


def test_the_stored_memory_is_what_training_read(memory, tmp_path):
    Head(numpy.zeros((3, 4)), numpy.zeros(3), LABELS, memory).save(tmp_path)
    loaded = Head.load(tmp_path).memory
    assert numpy.array_equal(loaded["own"], memory["own"])  # float16 rounding applied before training
    assert loaded["labels"].tolist() == memory["labels"].tolist()
    with numpy.load(tmp_path / "head.npz") as data:  # embeddings and labels: no texts, no speakers
        assert sorted(data.files) == ["bias", "labels", "memory_joined", "memory_labels", "memory_own", "weights"]


def test_the_packaged_memory_leaves_out_what_the_encoder_was_fine_tuned_on():
    card = json.loads((ROOT / "nlp/model/model.json").read_text())
    if not card["features"].get("memory"):
        pytest.skip("the packaged model has no memory")
    head = Head.load(ROOT / "nlp/model")
    assert len(head.memory["labels"]) == card["memory"]["statements"]
    seen = {line.strip() for line in (ROOT / "nlp" / card["features"]["memory_exclude"]).read_text().splitlines()
            if line.strip() and not line.startswith("#")}
    corpus = [json.loads(line) for line in (ROOT / "nlp/corpus/real/statements.jsonl").open()]
    spent = read_config(ROOT / "nlp/config.cfg")["corpus"].get("trained_blind", [])  # spent blind batches train too
    train = [r for r in corpus if r["split"] == "train"] + [
        json.loads(line) for name in spent for line in (ROOT / "nlp" / name).open()]
    # Never more statements than the train split holds apart from the ones the encoder saw.
    assert card["memory"]["statements"] <= sum(r["id"] not in seen for r in train)
    assert seen and all(r["split"] == "train" for r in corpus if r["id"] in seen)
