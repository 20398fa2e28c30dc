"""Corpus rows and scores shared by the model's build scripts (nlp/scripts/) and bench/stance_eval.py.

A row: {"id", "speaker", "text", "context"?, "stance", "split", "source": "real" | "fictional", ...}.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from onrecord.nlp.labels import LABELS

# The watchlist topic the corpus is labelled for (nlp/GUIDELINES.md).
TOPIC = {"id": "ice-enforcement", "name": "Federal immigration enforcement (ICE, Border Patrol) in U.S. cities"}


def text_key(text: str) -> str:
    """A text as compared across the corpus, the blind batches and the attribution articles: case
    and spacing aside (scripts/convert.py, scripts/flag_article_overlap.py)."""
    return " ".join(text.lower().split())


def read_jsonl(path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_jsonl(path, rows) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def read_config(path) -> dict:
    from confection import Config

    return json.loads(json.dumps(Config().from_disk(path)))  # plain dicts and lists


def items(rows) -> list[tuple[str, str]]:
    """(text, context) per row, as StanceClassifier.classify takes them."""
    return [(r["text"], r.get("context") or "") for r in rows]


def scores(gold: list[str], pred: list[str]) -> dict:
    """Per label (precision, recall, F1, support); macro_f1; accuracy."""
    out = {}
    for label in LABELS:
        tp = sum(g == p == label for g, p in zip(gold, pred))
        fp = sum(p == label != g for g, p in zip(gold, pred))
        fn = sum(g == label != p for g, p in zip(gold, pred))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[label] = (precision, recall, f1, tp + fn)
    out["macro_f1"] = sum(out[label][2] for label in LABELS) / len(LABELS)
    out["accuracy"] = sum(g == p for g, p in zip(gold, pred)) / max(len(gold), 1)
    return out


def confusion(gold: list[str], pred: list[str]) -> list[list[int]]:
    """Rows gold, columns predicted, in LABELS order."""
    counts = Counter(zip(gold, pred))
    return [[counts[(g, p)] for p in LABELS] for g in LABELS]
