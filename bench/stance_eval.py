"""Honest evaluation of the stance classifier, with baselines measured in the same run.

    .venv/bin/python bench/stance_eval.py [--corpus nlp/corpus/statements.jsonl] [--real PATH]

Prints, for the speaker-disjoint test split (never used for training or calibration) and for the
real statements in ../shared/data/stance_dev_real.jsonl (a sanity check: nine statements):
per-class precision / recall / F1, macro-F1, the confusion matrix, the reliability table of the
confidence, on_topic accuracy and evidence checks; and the same scores for two baselines: the
majority class of the train split, and a keyword rule.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from onrecord.nlp.labels import CONDEMNING, LABELS, SILENT, SUPPORTING  # noqa: E402

TOPIC = {"id": "ice-enforcement", "name": "Federal immigration enforcement (ICE, Border Patrol) in U.S. cities"}
REAL_DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "stance_dev_real.jsonl"

# The baseline rule: what a reasonable person would write in ten minutes.
_KEYWORD_TOPIC = re.compile(r"\b(ICE|I\.C\.E\.|DHS|(?i:border patrol|deport\w*|raids?|agents?|officers?|immigration))\b")
_KEYWORD_CONDEMN = re.compile(r"(?i)\b(shame\w*|disgrace\w*|murder\w*|cruel\w*|brutal\w*|wrong|end the|stop|must end|out of|leave|unacceptable|outrage\w*)\b")
_KEYWORD_SUPPORT = re.compile(r"(?i)\b(thank\w*|support\w*|proud|heroes?|law and order|rule of law|obstruct\w*|illegals?|criminals?|agitators?|rioters?|deport them)\b")


def keyword_rule(text: str) -> str:
    """Count condemning and supporting keywords; a topic word is needed only to break no tie."""
    c, s = len(_KEYWORD_CONDEMN.findall(text)), len(_KEYWORD_SUPPORT.findall(text))
    if c == s == 0 or (c == s and not _KEYWORD_TOPIC.search(text)):
        return SILENT
    return CONDEMNING if c >= s else SUPPORTING


def scores(gold: list[str], pred: list[str]) -> dict:
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


def print_scores(title: str, gold: list[str], pred: list[str]) -> dict:
    s = scores(gold, pred)
    print(f"\n{title}  (n={len(gold)})")
    print(f"  {'label':<12}{'precision':>10}{'recall':>8}{'F1':>8}{'support':>9}")
    for label in LABELS:
        p, r, f, n = s[label]
        print(f"  {label:<12}{p:>10.3f}{r:>8.3f}{f:>8.3f}{n:>9}")
    print(f"  macro-F1 {s['macro_f1']:.3f}   accuracy {s['accuracy']:.3f}")
    return s


def print_confusion(gold: list[str], pred: list[str]) -> None:
    counts = Counter(zip(gold, pred))
    print("  confusion (rows gold, columns predicted)")
    print("  " + " " * 12 + "".join(f"{label:>12}" for label in LABELS))
    for g in LABELS:
        print(f"  {g:<12}" + "".join(f"{counts[(g, p)]:>12}" for p in LABELS))


def print_reliability(confidences: list[float], correct: list[bool]) -> float:
    """Reliability table; returns the expected calibration error."""
    edges = [0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001]
    print("  reliability (confidence bin: n, mean confidence, accuracy)")
    ece = 0.0
    for lo, hi in zip(edges, edges[1:]):
        idx = [i for i, c in enumerate(confidences) if lo <= c < hi]
        if not idx:
            print(f"    [{lo:.1f}, {min(hi, 1):.1f})  n=0")
            continue
        mean_c = sum(confidences[i] for i in idx) / len(idx)
        acc = sum(correct[i] for i in idx) / len(idx)
        ece += len(idx) / len(confidences) * abs(mean_c - acc)
        print(f"    [{lo:.1f}, {min(hi, 1):.1f})  n={len(idx):<4} conf={mean_c:.3f}  acc={acc:.3f}")
    print(f"  expected calibration error {ece:.3f}")
    return ece


def evaluate(name: str, rows: list[dict], clf, majority: str) -> dict:
    gold = [r["stance"] for r in rows]
    judgments = list(clf.classify([r["text"] for r in rows]))
    pred = [j.stance for j in judgments]
    print(f"\n=== {name} ===")
    result = print_scores(f"{clf.model}", gold, pred)
    print_confusion(gold, pred)
    result["ece"] = print_reliability([j.confidence for j in judgments], [g == p for g, p in zip(gold, pred)])
    if all("on_topic" in r for r in rows):
        on = sum(bool(r["on_topic"]) == j.on_topic for r, j in zip(rows, judgments)) / len(rows)
        print(f"  on_topic accuracy {on:.3f}")
    substr = all(j.evidence in r["text"] for r, j in zip(rows, judgments))
    print(f"  evidence is a substring of the text for every statement: {substr}")
    with_gold = [(r, j) for r, j in zip(rows, judgments) if r.get("evidence") and r["stance"] == j.stance != SILENT]
    if with_gold:
        hit = sum(j.evidence in r["evidence"] or r["evidence"] in j.evidence for r, j in with_gold)
        print(f"  evidence inside the stance-bearing part of composite statements: {hit}/{len(with_gold)}")
    tags = Counter(t for r in rows for t in r.get("tags", []))
    if tags:
        print("  accuracy by tag: " + ", ".join(
            f"{t} {sum(p == g for r, g, p in zip(rows, gold, pred) if t in r.get('tags', []))}/{n}"
            for t, n in sorted(tags.items())))
    print_scores("baseline: majority class of train", gold, [majority] * len(gold))
    print_scores("baseline: keyword rule", gold, [keyword_rule(r["text"]) for r in rows])
    wrong = [(r, j) for r, j in zip(rows, judgments) if r["stance"] != j.stance]
    if wrong and name.startswith("real"):
        for r, j in wrong:
            print(f"  miss {r.get('id')}: gold {r['stance']}, got {j.stance} ({j.confidence:.2f})")
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "nlp" / "corpus" / "statements.jsonl")
    parser.add_argument("--real", type=Path, default=REAL_DEFAULT)
    parser.add_argument("--split", default="test")
    args = parser.parse_args(argv)

    from onrecord.nlp.stance import StanceClassifier

    clf = StanceClassifier(TOPIC)
    rows = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines()]
    majority = Counter(r["stance"] for r in rows if r["split"] == "train").most_common(1)[0][0]
    evaluate(f"{args.split} split (speaker-disjoint, fictional)", [r for r in rows if r["split"] == args.split], clf, majority)
    if args.real.exists():
        real = [json.loads(line) for line in args.real.read_text(encoding="utf-8").splitlines() if line.strip()]
        for r in real:
            r["stance"] = r.pop("gold")
        evaluate(f"real statements ({args.real.name}, sanity check only)", real, clf, majority)
    else:
        print(f"\n(skipped real statements: {args.real} not found)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
