"""A second opinion on every judgment: the heads of the shipped models that a refitted one replaces.

A head refitted on a grown corpus is better on average, but it can be confident where the model it
replaces was not, and on real news quotes such confidence is a false public claim (0.5.4 showed 22
leaders a side they did not take where 0.5.1 showed 5, docs/evaluation.md). So when `review.reviewer` in
config.cfg names a model folder that shares the new model's encoder, nlp/scripts/review.py ships
that model's head beside the new one (`reviewer/head.npz`, settings in the card's `reviewer`), and
a judgment needs review unless the reviewer, reading the same embeddings, gives the same label at or
above its own threshold. The new head's labels are what users see; an upgrade never makes a
confident claim the replaced head would not make.

With `review.chain`, the replaced model's own reviewers come along (`reviewer/reviewer/...`, the
spec nested under the card's `reviewer`), so an upgrade never makes a confident claim that ANY
earlier shipped head of the chain would not make: 0.5.6, reviewed by 0.5.5's head alone, showed 9
leaders a side they did not take where 0.5.5 (reviewed by 0.5.1's) showed 5. The price is a review
queue that can only grow from release to release, which is the side to err on.

A reviewer reads the whole statement with its context, as models 0.4.0 to 0.6.0 judge (their
sentence weight is 0); review.py refuses a reviewer that weighs sentences or reads other features.
A reviewer that blends a lexical reading of the words (0.6.0 on: nlp/stance_lexical.py) carries it
(`reviewer/lexical.npz`) and blends it in review as in its own judgments.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy

from onrecord.nlp.stance_head import Head, features, softmax
from onrecord.nlp.stance_lexical import Lexical
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
    inner: "Reviewer | None" = None  # the reviewer's own reviewer, carried along by `review.chain`
    lexical: Lexical | None = None  # its lexical reading, blended as in its own judgments (from 0.6.0)

    @classmethod
    def load(cls, model_dir, card: dict, labels=None) -> "Reviewer | None":
        """The reviewer a model card (or a reviewer's spec) names, with its chain, or None; raises
        OSError/KeyError/ValueError when unusable."""
        spec = card.get("reviewer")
        if not spec:
            return None
        labels = [str(label) for label in (labels or card["labels"])]
        folder = Path(model_dir) / REVIEWER_DIR
        head = Head.load(folder)
        if head.labels != labels:
            raise ValueError(f"reviewer labels {head.labels} differ from the model's")
        if spec["features"].get("memory") and head.memory is None:
            raise ValueError("the reviewer names a memory its head.npz lacks")
        return cls(spec["model"], head, spec["features"], float(spec["temperature"]), float(spec["review_below"]),
                   cls.load(folder, spec, labels), Lexical.load(folder, spec))

    @property
    def chain(self) -> list["Reviewer"]:
        """This reviewer and the reviewers it carries, newest first."""
        return [self] + (self.inner.chain if self.inner else [])

    def logits(self, own, joined, gate_levels, targets, texts) -> numpy.ndarray:
        """(n, depth, k) logits of whole statements by each head of the chain, from the blocks the
        reviewed model built (own, joined, gate levels, target features), each with its own memory
        (and its own lexical reading of the texts, for a reviewer that blends one)."""
        return numpy.stack([r.head_logits(own, joined, gate_levels, targets, texts) for r in self.chain], axis=1)

    def head_logits(self, own, joined, gate_levels, targets, texts) -> numpy.ndarray:
        """(n, k) logits of this reviewer's head alone (blended with its lexical reading, if any)."""
        f = self.features
        memory = None
        if f.get("memory"):
            memory = memory_features(own, joined if f["context"] else own, self.head.memory,
                                     int(f["memory_k"]), float(f["memory_scale"]))
        logits = self.head.logits(features(own, joined, gate_levels, bool(f["context"]), bool(f["gate"]),
                                           targets if f.get("targets") else None, memory))
        return logits if self.lexical is None else self.lexical.blended(logits, self.lexical.probabilities(texts))

    def agrees(self, logits, label: int) -> bool:
        """Whether every head of the chain gives `label` (an index) at or above its own review
        threshold; logits are (depth, k), one row per head, as logits() gives them."""
        rows = numpy.asarray(logits)
        if rows.shape[:1] != (len(self.chain),):
            raise ValueError(f"{len(self.chain)} reviewer heads, {rows.shape[0] if rows.ndim else 0} rows of logits")
        return all(r.vouches(row, label) for r, row in zip(self.chain, rows))

    def vouches(self, logits, label: int) -> bool:
        """Whether this head alone gives `label` at or above its own review threshold."""
        probs = softmax(logits, self.temperature)
        return int(probs.argmax()) == label and float(probs[label]) >= self.review_below
