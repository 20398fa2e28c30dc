"""Scores of a model folder on the tune split (the test split is for bench/stance_eval.py only).

    python scripts/evaluate.py training/tune.jsonl training/model training/metrics.json
"""
import argparse
import json
from pathlib import Path

from onrecord.nlp.labels import LABELS
from onrecord.nlp.stance import StanceClassifier, load_model
from onrecord.nlp.stance_data import TOPIC, confusion, items, read_jsonl, scores


def evaluate(tune_file: Path, model_dir: Path, out: Path) -> None:
    rows = read_jsonl(tune_file)
    load_model.cache_clear()
    clf = StanceClassifier(TOPIC, model_dir=model_dir)
    pred = [j.stance for j in clf.classify(items(rows))]
    metrics = {}
    for source in ("real", "fictional", "all"):
        part = [(r["stance"], p) for r, p in zip(rows, pred) if source in ("all", r["source"])]
        if not part:
            continue
        gold, got = zip(*part)
        s = scores(gold, got)
        metrics[source] = {"n": len(part), "macro_f1": round(s["macro_f1"], 4), "accuracy": round(s["accuracy"], 4),
                           "per_class": {label: [round(v, 4) for v in s[label][:3]] for label in LABELS},
                           "confusion": confusion(gold, got)}
        print(f"tune {source}: n={len(part)} macro-F1 {s['macro_f1']:.3f} accuracy {s['accuracy']:.3f} "
              + " ".join(f"{label} F1 {s[label][2]:.3f}" for label in LABELS))
    out.write_text(json.dumps(metrics, indent=2) + "\n")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tune_file", type=Path)
    parser.add_argument("model_dir", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    evaluate(args.tune_file, args.model_dir, args.out)
