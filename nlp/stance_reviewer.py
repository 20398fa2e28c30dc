"""A second opinion on every judgment: the head of the shipped model that a refitted one replaces.

A head refitted on a grown corpus is better on average, but it can be confident where the model it
replaces was not, and on real news quotes such confidence is a false public claim (0.5.4 showed 22
leaders a side they did not take where 0.5.1 showed 5, README). So when `review.reviewer` in
config.cfg names a model folder that shares the new model's encoder, nlp/scripts/review.py ships
that model's head beside the new one (`reviewer/head.npz`, settings in the card's `reviewer`), and
a judgment needs review unless the reviewer, reading the same embeddings, gives the same label at or
above its own threshold. The new head's labels are what users see; an upgrade never makes a
confident claim the replaced head would not make (only the head: a reviewer's own reviewer is not
carried along, so the chain does not grow with every release).

The reviewer reads the whole statement with its context, as models 0.4.0 to 0.5.1 judge (their
sentence weight is 0); review.py refuses a reviewer that weighs sentences or reads other features.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy

from onrecord.nlp.stance_head import Head, features, softmax
from onrecord.nlp.stance_memory import memory_features

REVIEWER_DIR = "reviewer"
# Feature settings a reviewer must share with the model it reviews: the feature blocks are built once.
SHARED_FEATURES = ("context", "gate", "targets", "target_scale", "target_window", "target_sentence_break")


@dataclass
class Reviewer:
    model: str  # "onrecord_stance-0.5.1"
    head: Head
    features: dict  # the reviewer's card's features (its memory settings)
    temperature: float
    review_below: float

    @classmethod
    def load(cls, model_dir, card: dict) -> "Reviewer | None":
        """The reviewer a model card names, or None; raises OSError/KeyError/ValueError when unusable."""
        spec = card.get("reviewer")
        if not spec:
            return None
        head = Head.load(Path(model_dir) / REVIEWER_DIR)
        if head.labels != [str(label) for label in card["labels"]]:
            raise ValueError(f"reviewer labels {head.labels} differ from the model's")
        if spec["features"].get("memory") and head.memory is None:
            raise ValueError("the reviewer names a memory its head.npz lacks")
        return cls(spec["model"], head, spec["features"], float(spec["temperature"]), float(spec["review_below"]))

    def logits(self, own, joined, gate_levels, targets) -> numpy.ndarray:
        """(n, k) logits of whole statements, from the blocks the reviewed model built (own, joined,
        gate levels, target features), with the reviewer's own memory."""
        f = self.features
        memory = None
        if f.get("memory"):
            memory = memory_features(own, joined if f["context"] else own, self.head.memory,
                                     int(f["memory_k"]), float(f["memory_scale"]))
        return self.head.logits(features(own, joined, gate_levels, bool(f["context"]), bool(f["gate"]),
                                         targets if f.get("targets") else None, memory))

    def agrees(self, logits, label: int) -> bool:
        """Whether the reviewer gives `label` (an index) at or above its own review threshold."""
        probs = softmax(logits, self.temperature)
        return int(probs.argmax()) == label and float(probs[label]) >= self.review_below
