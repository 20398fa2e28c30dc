"""Compare head settings: speaker-grouped cross-validation on the real train split, and the tune split.

    python scripts/compare.py config.cfg training [--folds 5]

Not part of the `all` workflow: it prints a table to choose `head.C`, `features.*` (context, gate,
targets at the configured scale and window) and
`corpus.fictional_weight` from, to be written into config.cfg by hand. Whole statements only
(no sentence scoring, no calibration: argmax of the head), real statements scored. The test
split is never read. Run it on a frozen encoder: a fine-tuned one has seen the train split's
labels, so its cross-validation figures are optimistic (only the tune column holds then).
"""
import argparse
import itertools
from pathlib import Path

import numpy
from sklearn.linear_model import LogisticRegression

from onrecord.nlp.encoder import Encoder
from onrecord.nlp.labels import LABELS
from onrecord.nlp.sentences import model_text
from onrecord.nlp.stance_data import TOPIC, read_config, read_jsonl, scores
from onrecord.nlp.stance_head import features
from onrecord.nlp.stance_targets import target_features
from onrecord.nlp.topic import TopicGate

GRID = {"C": [0.1, 0.3, 1.0, 4.0], "context": [False, True], "gate": [False, True], "targets": [False, True],
        "fictional_weight": [0.0, 0.5]}


def embed(rows, encoder, cfg):
    gate = TopicGate(TOPIC)
    targets = target_features([r["text"] for r in rows], cfg["features"])
    own = encoder.embed([model_text(r["text"]) for r in rows])
    joined = own.copy()
    idx = [i for i, r in enumerate(rows) if r.get("context")]
    if idx:
        joined[idx] = encoder.embed([model_text(rows[i]["text"]) for i in idx], [model_text(rows[i]["context"]) for i in idx])
    return own, joined, [gate.check(r["text"]).level for r in rows], targets


def main(config: Path, training: Path, folds: int) -> None:
    cfg = read_config(config)
    train, tune = read_jsonl(training / "train.jsonl"), read_jsonl(training / "tune.jsonl")
    encoder = Encoder(training / "encoder", cfg["encoder"]["max_tokens"])
    tr, tu = embed(train, encoder, cfg), embed(tune, encoder, cfg)
    y_tr = numpy.array([r["stance"] for r in train])
    real_tr = numpy.array([r["source"] == "real" for r in train])
    real_tu = [i for i, r in enumerate(tune) if r["source"] == "real"]
    # Folds over real speakers; an augmented copy goes with its original's speaker.
    speakers = sorted({r["speaker"] for r in train if r["source"] == "real"})
    fold_of = {s: n % folds for n, s in enumerate(numpy.random.RandomState(7).permutation(speakers))}
    fold = numpy.array([fold_of.get(r["speaker"], -1) if r["source"] == "real" else -1 for r in train])
    print(f"{'C':>6} {'ctx':>4} {'gate':>5} {'targets':>7} {'fict_w':>7} {'cv real macro-F1':>17} {'tune real macro-F1':>19}")
    results = []
    for c, use_ctx, use_gate, use_targets, fw in itertools.product(*GRID.values()):
        x_tr = features(tr[0], tr[1], tr[2], use_ctx, use_gate, tr[3] if use_targets else None)
        x_tu = features(tu[0], tu[1], tu[2], use_ctx, use_gate, tu[3] if use_targets else None)
        w = numpy.where(real_tr, 1.0, fw)
        keep = w > 0

        def fit(mask):
            model = LogisticRegression(C=c, class_weight=cfg["head"]["class_weight"] or None, max_iter=5000)
            return model.fit(x_tr[mask], y_tr[mask], sample_weight=w[mask])

        gold, pred = [], []
        for k in range(folds):
            held = fold == k
            model = fit(keep & ~held)
            originals = held & numpy.array(["augmented" not in r["tags"] for r in train])
            gold += list(y_tr[originals])
            pred += list(model.predict(x_tr[originals]))
        cv = scores(gold, pred)["macro_f1"]
        model = fit(keep)
        tune_f1 = scores([tune[i]["stance"] for i in real_tu], list(model.predict(x_tu[real_tu])))["macro_f1"]
        results.append((cv, tune_f1, c, use_ctx, use_gate, use_targets, fw))
        print(f"{c:>6} {use_ctx!s:>4} {use_gate!s:>5} {use_targets!s:>7} {fw:>7} {cv:>17.3f} {tune_f1:>19.3f}", flush=True)
    best = max(results, key=lambda r: r[0] + r[1])
    print(f"best by cv + tune: C={best[2]} context={best[3]} gate={best[4]} targets={best[5]} fictional_weight={best[6]} "
          f"(cv {best[0]:.3f}, tune {best[1]:.3f}); labels {LABELS}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("config", type=Path)
    parser.add_argument("training", type=Path)
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    main(args.config, args.training, args.folds)
