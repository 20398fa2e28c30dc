"""Fit the confidence on the tune split and write it into the model folder's model.json.

    python scripts/calibrate.py config.cfg training/tune.jsonl training/model

1. One temperature for the head's logits and the weight of a post's best sentence
   (nlp.stance.combine), by grid search on the negative log-likelihood of the final probabilities.
2. The needs_review threshold: the lowest confidence at which the tune judgments at or above it
   are right at least `calibration.review_target_accuracy` of the time (never below
   `review_floor`). Only the tune split's real statements are read when it has any (else the
   fictional ones): the test split is for bench/stance_eval.py.
"""
import argparse
import json
import math
from pathlib import Path

from onrecord.nlp.stance import StanceClassifier, combine, load_model
from onrecord.nlp.stance_data import TOPIC, items, read_config, read_jsonl


def review_threshold(confidences, correct, target: float, floor: float) -> float:
    """Lowest t (a confidence seen on tune) such that judgments with confidence >= t are right >= target."""
    pairs = sorted(zip(confidences, correct), reverse=True)
    best, right = 1.0, 0
    for n, (c, ok) in enumerate(pairs, 1):
        right += ok
        if right / n >= target:
            best = c
    return round(max(best, floor), 4)


def calibrate(config: Path, tune_file: Path, model_dir: Path) -> None:
    cfg = read_config(config)["calibration"]
    rows = read_jsonl(tune_file)
    if any(r["source"] == "real" for r in rows):  # calibrate on real text whenever there is some
        rows = [r for r in rows if r["source"] == "real"]
    load_model.cache_clear()
    clf = StanceClassifier(TOPIC, model_dir=model_dir)
    raws = clf.raw_scores(items(rows))
    gated = [(r, x) for r, x in zip(rows, raws) if x is not None]
    gold = [clf.labels.index(r["stance"]) for r, _ in gated]

    def nll(t, w):
        total = 0.0
        for k, (_, raw) in zip(gold, gated):
            probs, _ = combine(raw.doc, raw.sentences, t, clf.side_columns, w)
            total -= math.log(max(float(probs[k]), 1e-12))
        return total / max(len(gated), 1)

    grid = [(0.2 * 1.04 ** k, w) for k in range(110) for w in cfg["sentence_weights"]]  # t 0.2 .. ~15
    temperature, weight = min(grid, key=lambda tw: nll(*tw))
    card_file = model_dir / "model.json"
    card = json.loads(card_file.read_text())
    card["calibration"] = {"split": "tune", "source": sorted({r["source"] for r in rows}), "statements": len(gated), "temperature": round(temperature, 4),
                           "sentence_weight": weight, "nll_before": round(nll(1.0, 1.0), 4),
                           "nll_after": round(nll(temperature, weight), 4)}
    card_file.write_text(json.dumps(card, indent=2) + "\n")
    load_model.cache_clear()
    clf = StanceClassifier(TOPIC, model_dir=model_dir)
    judgments = [clf.judge(t, c, raw) for (t, c), raw in zip(items(rows), raws)]
    confidences = [j.confidence for j in judgments]
    correct = [j.stance == r["stance"] for j, r in zip(judgments, rows)]
    threshold = review_threshold(confidences, correct, cfg["review_target_accuracy"], cfg["review_floor"])
    flagged = [ok for c, ok in zip(confidences, correct) if c < threshold]
    kept = [ok for c, ok in zip(confidences, correct) if c >= threshold]
    card["calibration"].update({
        "review_below": threshold, "review_target_accuracy": cfg["review_target_accuracy"],
        "tune_flagged": len(flagged), "tune_accuracy_flagged": round(sum(flagged) / max(len(flagged), 1), 4),
        "tune_accuracy_kept": round(sum(kept) / max(len(kept), 1), 4),
    })
    card_file.write_text(json.dumps(card, indent=2) + "\n")
    load_model.cache_clear()
    print(json.dumps(card["calibration"]))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("config", type=Path)
    parser.add_argument("tune_file", type=Path)
    parser.add_argument("model_dir", type=Path)
    args = parser.parse_args()
    calibrate(args.config, args.tune_file, args.model_dir)
