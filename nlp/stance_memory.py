"""A memory of labelled real statements: what the nearest ones were judged, as head features.

A small encoder does not know that a named man was shot by agents or what an operation's name
stands for, but other speakers' statements about the same event often say it outright. For a
statement, the memory gives the similarity-weighted label distribution of its k nearest labelled
statements (cosine of the encoder's unit vectors), once for the text alone and once for the text
with its context:

    features = scale * [ distribution over LABELS of the k nearest by text |
                         the same by text with context ]

The memory holds the embeddings and labels of real TRAIN statements (never their texts), shipped
in head.npz. Statements the encoder was fine-tuned on are left out of it: their embeddings were
pulled toward their labels, so as neighbours they look more reliable than any new statement's
neighbours are (nlp/scripts/memory_compare.py measured it), and the head would trust the memory
more than it deserves. While training, a train row's neighbours leave out its own speaker group.
`memory_features` is used by training (nlp/scripts/train.py) and run time (nlp/stance.py) alike.
"""
from __future__ import annotations

from pathlib import Path

import numpy

from onrecord.nlp.labels import LABELS

# Stored as float16 (half the size); training reads the same rounded vectors run time reads.
DTYPE = "float16"


def memory_features(own, joined, memory: dict, k: int, scale: float, groups=None) -> numpy.ndarray:
    """(n, 2 * len(LABELS)) features of rows with embeddings own and joined (n, d) against the memory
    {"own", "joined": (m, d), "labels": (m,) indices into LABELS, "groups"?: (m,) speaker groups}.
    With `groups` (n,), a row's neighbours leave out memory rows of its own group (training)."""
    if not len(own):
        return numpy.zeros((0, 2 * len(LABELS)), dtype="float32")
    onehot = numpy.eye(len(LABELS), dtype="float32")[numpy.asarray(memory["labels"], dtype=int)]
    parts = []
    for query, stored in ((own, memory["own"]), (joined, memory["joined"])):
        sims = numpy.asarray(query, dtype="float32") @ numpy.asarray(stored, dtype="float32").T
        if groups is not None:
            sims[numpy.asarray(groups)[:, None] == numpy.asarray(memory["groups"])[None, :]] = -numpy.inf
        # The k most similar (their order does not matter: a weighted sum); argpartition, not a sort.
        top = numpy.argpartition(-sims, min(k, sims.shape[1]) - 1, axis=1)[:, :k]
        w = numpy.clip(numpy.take_along_axis(sims, top, axis=1), 0, None)
        dist = (w[:, :, None] * onehot[top]).sum(1) / numpy.maximum(w.sum(1, keepdims=True), 1e-9)
        parts.append(scale * dist)
    return numpy.concatenate(parts, axis=1).astype("float32")


def build_memory(own, joined, labels: list[str], groups: list[str]) -> dict:
    """The memory of rows (already chosen: real train statements the encoder never saw)."""
    return {"own": numpy.asarray(own).astype(DTYPE).astype("float32"),
            "joined": numpy.asarray(joined).astype(DTYPE).astype("float32"),
            "labels": numpy.array([LABELS.index(label) for label in labels], dtype="int8"),
            "groups": numpy.asarray(groups)}


def read_ids(path) -> set[str]:
    """The statement ids of a list such as corpus/real/encoder_finetune_ids.txt (one a line, '#' notes)."""
    return {line.strip() for line in Path(path).read_text().splitlines() if line.strip() and not line.startswith("#")}
