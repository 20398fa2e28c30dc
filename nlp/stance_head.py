"""The stance head: features from the encoder's embeddings, and a linear softmax layer over them.

One function builds the features for training (nlp/scripts/train.py) and for run time
(nlp/stance.py), so the two never drift apart:

    [ embedding(text) | embedding(text, context) | topic gate one-hot | target features | memory ]

The second block is present when the model was trained with `features.context`; a statement
without context repeats its own embedding there, so context-free statements train both blocks
and context shifts the judgment only as far as the statements with context taught it to.
The last block (nlp/stance_targets.py, with `features.targets`) says what the text's evaluative
words are aimed at; it is computed from the text (or sentence) alone, never from the context.
The memory block (nlp/stance_memory.py, with `features.memory`, from model 0.5.0) is the label
distribution of the nearest labelled train statements; its embeddings and labels ride in head.npz.
"""
from __future__ import annotations

from pathlib import Path

import numpy

from onrecord.nlp.stance_memory import DTYPE as MEMORY_DTYPE
from onrecord.nlp.topic import NONE, STRONG, WEAK

HEAD_FILE = "head.npz"
GATE_LEVELS = (STRONG, WEAK, NONE)


def features(own, joined, gate_levels, use_context: bool, use_gate: bool, targets=None, memory=None) -> numpy.ndarray:
    """own, joined: (n, d) embeddings (joined may be None: then own is repeated); gate_levels: n levels;
    targets: (n, t) target features (nlp.stance_targets.target_features) or None (not used);
    memory: (n, 6) memory features (nlp.stance_memory.memory_features) or None (not used)."""
    parts = [own]
    if use_context:
        parts.append(own if joined is None else joined)
    if use_gate:
        parts.append(numpy.array([[level == g for g in GATE_LEVELS] for level in gate_levels], dtype="float32")
                     .reshape(len(gate_levels), len(GATE_LEVELS)))
    if targets is not None:
        parts.append(targets)
    if memory is not None:
        parts.append(memory)
    return numpy.concatenate(parts, axis=1).astype("float32")


class Head:
    """Weights (k, f) and bias (k,) of the softmax layer, its label order, and the memory of labelled
    statements when the model has one ({"own", "joined", "labels"}: nlp/stance_memory.py)."""

    def __init__(self, weights, bias, labels, memory: dict | None = None):
        self.weights = numpy.asarray(weights, dtype="float32")
        self.bias = numpy.asarray(bias, dtype="float32")
        self.labels = [str(label) for label in labels]
        self.memory = memory

    @classmethod
    def load(cls, model_dir) -> "Head":
        with numpy.load(Path(model_dir) / HEAD_FILE, allow_pickle=False) as data:
            memory = None
            if "memory_labels" in data:
                memory = {"own": data["memory_own"].astype("float32"), "joined": data["memory_joined"].astype("float32"),
                          "labels": data["memory_labels"]}
            return cls(data["weights"], data["bias"], data["labels"], memory)

    def save(self, model_dir) -> None:
        extra = {}
        if self.memory is not None:  # embeddings and labels only: no text, no speaker
            extra = {"memory_own": self.memory["own"].astype(MEMORY_DTYPE),
                     "memory_joined": self.memory["joined"].astype(MEMORY_DTYPE),
                     "memory_labels": numpy.asarray(self.memory["labels"], dtype="int8")}
        numpy.savez(Path(model_dir) / HEAD_FILE, weights=self.weights, bias=self.bias,
                    labels=numpy.array(self.labels), **extra)

    def logits(self, x) -> numpy.ndarray:
        return numpy.asarray(x, dtype="float32") @ self.weights.T + self.bias


def softmax(logits, temperature: float = 1.0) -> numpy.ndarray:
    z = numpy.asarray(logits, dtype="float64") / temperature
    z = z - z.max(axis=-1, keepdims=True)
    e = numpy.exp(z)
    return e / e.sum(axis=-1, keepdims=True)
