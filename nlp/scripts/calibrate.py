"""Fit the confidence calibration on the tune split and write it beside the pipeline.

One temperature for the textcat's scores and the weight of the best sentence, fitted by grid search on the negative log-likelihood of
the classifier's final probabilities (whole text and best sentence combined, nlp.stance.combine)
for tune statements that pass the topic gate; and the observed accuracy of the gate's "off topic,
silent" verdict. Only the tune split is used: the test split stays for bench/stance_eval.py.
"""
import json
import math
import sys
from pathlib import Path

from onrecord.nlp.labels import SILENT
from onrecord.nlp.stance import StanceClassifier, combine

WEIGHTS = (0.0, 0.7, 0.85, 1.0)  # how far one sentence taking a side may outvote the whole post
TOPIC = {"id": "ice-enforcement", "name": "Federal immigration enforcement (ICE, Border Patrol) in U.S. cities"}


def calibrate(corpus: Path, model_dir: Path, split: str = "tune") -> None:
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r["split"] == split]
    clf = StanceClassifier(TOPIC, model_dir=model_dir)
    labels = clf.labels
    raw = clf.raw_scores([r["text"] for r in rows])
    gated = [(r, x) for r, x in zip(rows, raw) if x is not None]
    rejected = [r for r, x in zip(rows, raw) if x is None]

    def nll(t, weight):
        total = 0.0
        for row, (_, doc_scores, _, sent_scores) in gated:
            probs, _ = combine(doc_scores, sent_scores, t, clf.side_columns, weight)
            total -= math.log(max(float(probs[labels.index(row["stance"])]), 1e-12))
        return total / max(len(gated), 1)

    grid = [(0.2 * 1.04 ** k, w) for k in range(110) for w in WEIGHTS]  # temperature 0.2 .. ~15
    temperature, weight = min(grid, key=lambda tw: nll(*tw))
    silent = sum(r["stance"] == SILENT for r in rejected)
    result = {
        "split": split,
        "temperature": round(temperature, 4),
        "sentence_weight": weight,
        "nll_before": round(nll(1.0, 1.0), 4),
        "nll_after": round(nll(temperature, weight), 4),
        "gated_statements": len(gated),
        # Laplace-smoothed: the gate's verdict never claims certainty.
        "off_topic_confidence": round((silent + 1) / (len(rejected) + 2), 4),
        "rejected_statements": len(rejected),
    }
    (model_dir / "calibration.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result))


if __name__ == "__main__":
    calibrate(Path(sys.argv[1]), Path(sys.argv[2]))
