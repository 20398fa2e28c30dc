"""Fit the confidence calibration on the tune split and write it beside the pipeline.

Temperature scaling of the textcat's probabilities, for statements that pass the topic gate, and
the observed accuracy of the gate's "off topic, silent" verdict. Only the tune split is used:
the test split stays untouched for bench/stance_eval.py.
"""
import json
import math
import sys
from pathlib import Path

from nlp.labels import SILENT
from nlp.stance import load_pipeline
from nlp.topic import NONE, TopicGate

TOPIC = {"id": "ice-enforcement", "name": "Federal immigration enforcement (ICE, Border Patrol) in U.S. cities"}


def calibrate(corpus: Path, model_dir: Path, split: str = "tune") -> None:
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r["split"] == split]
    pipeline, _ = load_pipeline(str(model_dir))
    labels = list(pipeline.get_pipe("textcat").labels)
    gate = TopicGate(TOPIC)
    gated, rejected = [], []
    for row in rows:
        (rejected if gate.check(row["text"]).level == NONE else gated).append(row)
    logits, gold = [], []
    for row, doc in zip(gated, pipeline.pipe(r["text"] for r in gated)):
        logits.append([math.log(max(doc.cats[label], 1e-9)) for label in labels])
        gold.append(labels.index(row["stance"]))

    def nll(t):
        total = 0.0
        for z, y in zip(logits, gold):
            scaled = [v / t for v in z]
            top = max(scaled)
            total -= scaled[y] - top - math.log(sum(math.exp(v - top) for v in scaled))
        return total / max(len(gold), 1)

    grid = [0.25 * 1.05 ** k for k in range(100)]  # 0.25 .. ~32
    temperature = min(grid, key=nll)
    silent = sum(r["stance"] == SILENT for r in rejected)
    off_topic_confidence = (silent + 1) / (len(rejected) + 2)  # Laplace: never claims certainty
    result = {
        "split": split,
        "temperature": round(temperature, 4),
        "nll_before": round(nll(1.0), 4),
        "nll_after": round(nll(temperature), 4),
        "gated_statements": len(gated),
        "off_topic_confidence": round(off_topic_confidence, 4),
        "rejected_statements": len(rejected),
    }
    (model_dir / "calibration.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result))


if __name__ == "__main__":
    calibrate(Path(sys.argv[1]), Path(sys.argv[2]))
