"""Train the stance head on the train split's embeddings; write a complete, uncalibrated model folder.

    python scripts/train.py config.cfg training/train.jsonl training/encoder training/model

The embeddings come from the exported (quantised) encoder itself, so the head learns exactly the
features run time computes. With `features.memory`, the embeddings and labels of the real train
statements the encoder was never fine-tuned on (`features.memory_exclude` lists the ones it was)
become the memory (nlp/stance_memory.py), saved in head.npz; a train row's memory features leave
out its own speaker group. The output folder holds encoder.onnx, tokenizer.json, head.npz and
model.json (the settings run time needs); scripts/calibrate.py then adds the calibration.
"""
import argparse
import json
import shutil
from pathlib import Path

import numpy
from sklearn.linear_model import LogisticRegression

from onrecord.nlp.encoder import Encoder
from onrecord.nlp.labels import LABELS
from onrecord.nlp.stance_data import TOPIC, read_config, read_jsonl
from onrecord.nlp.sentences import model_text
from onrecord.nlp.stance_head import Head, features
from onrecord.nlp.stance_lexical import LEXICAL_FILE, Lexical
from onrecord.nlp.stance_memory import build_memory, memory_features, read_ids
from onrecord.nlp.stance_targets import target_features
from onrecord.nlp.topic import TopicGate


def encode(rows, encoder: Encoder, use_context: bool):
    """(own, joined) embeddings of rows: the text alone, and the text with its context (or again alone)."""
    texts = [model_text(r["text"]) for r in rows]
    own = encoder.embed(texts)
    joined = own.copy()
    with_context = [i for i, r in enumerate(rows) if r.get("context")]
    if use_context and with_context:
        joined[with_context] = encoder.embed([texts[i] for i in with_context],
                                             [model_text(rows[i]["context"]) for i in with_context])
    return own, joined


def embed_rows(rows, encoder: Encoder, use_context: bool, use_gate: bool, targets: dict | None = None,
               memory: dict | None = None):
    """Feature matrix of rows, built as run time builds a statement's whole-text features; with a
    memory, the rows' neighbours leave out their own speaker group."""
    gate = TopicGate(TOPIC)
    own, joined = encode(rows, encoder, use_context)
    extra = target_features([r["text"] for r in rows], targets) if targets and targets.get("targets") else None
    remembered = None
    if memory is not None:
        remembered = memory_features(own, joined if use_context else own, memory, int(targets["memory_k"]),
                                     float(targets["memory_scale"]), [r["speaker"] for r in rows])
    return features(own, joined, [gate.check(r["text"]).level for r in rows], use_context, use_gate, extra, remembered)


def make_memory(rows, encoder: Encoder, cfg: dict, base: Path) -> dict:
    """The memory: real, original (not augmented) train statements the encoder was never fine-tuned on."""
    exclude = cfg["features"].get("memory_exclude") or ""
    seen = read_ids(base / exclude) if exclude else set()
    kept = [r for r in rows if r["source"] == "real" and "augmented" not in r["tags"] and r["id"] not in seen]
    own, joined = encode(kept, encoder, cfg["features"]["context"])
    return build_memory(own, joined if cfg["features"]["context"] else own, [r["stance"] for r in kept],
                        [r["speaker"] for r in kept])


def fit(x, y, weights, head_cfg: dict, memory: dict | None = None) -> Head:
    clf = LogisticRegression(C=head_cfg["C"], class_weight=head_cfg["class_weight"] or None,
                             max_iter=head_cfg["max_iter"])
    clf.fit(x, y, sample_weight=weights)
    order = [list(clf.classes_).index(label) for label in LABELS]  # store in LABELS order
    return Head(clf.coef_[order], clf.intercept_[order], LABELS, memory)


def fit_lexical(rows, lexical_cfg: dict) -> Lexical:
    """The character n-gram reading (nlp/stance_lexical.py), fitted on the same rows and weights as
    the head; checked against scikit-learn's own probabilities, so run time reads what was fitted."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(lexical_cfg["ngram_min"], lexical_cfg["ngram_max"]),
                                 min_df=lexical_cfg["min_df"], sublinear_tf=True)
    texts = [r["text"] for r in rows]
    x = vectorizer.fit_transform(texts)
    clf = LogisticRegression(C=lexical_cfg["C"], class_weight=lexical_cfg["class_weight"] or None,
                             max_iter=lexical_cfg["max_iter"])
    clf.fit(x, [r["stance"] for r in rows], sample_weight=numpy.array([r.get("weight", 1.0) for r in rows]))
    order = [list(clf.classes_).index(label) for label in LABELS]
    grams = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
    lexical = Lexical(grams, vectorizer.idf_, clf.coef_[order], clf.intercept_[order], LABELS,
                      (lexical_cfg["ngram_min"], lexical_cfg["ngram_max"]), lexical_cfg["blend"])
    sample = texts[:200]
    drift = numpy.abs(lexical.probabilities(sample) - clf.predict_proba(vectorizer.transform(sample))[:, order]).max()
    if drift > 1e-4:
        raise SystemExit(f"the lexical reading drifts from scikit-learn's by {drift:.2g}")
    return lexical


def train(config: Path, train_file: Path, encoder_dir: Path, out: Path) -> None:
    cfg = read_config(config)
    rows = read_jsonl(train_file)
    encoder = Encoder(encoder_dir, cfg["encoder"]["max_tokens"])
    memory = make_memory(rows, encoder, cfg, config.parent) if cfg["features"].get("memory") else None
    x = embed_rows(rows, encoder, cfg["features"]["context"], cfg["features"]["gate"], cfg["features"], memory)
    y = numpy.array([r["stance"] for r in rows])
    head = fit(x, y, numpy.array([r.get("weight", 1.0) for r in rows]), cfg["head"], memory)
    lexical = fit_lexical(rows, cfg["lexical"]) if cfg.get("lexical", {}).get("blend") else None
    out.mkdir(parents=True, exist_ok=True)
    for name in ("encoder.onnx", "tokenizer.json"):
        shutil.copy(encoder_dir / name, out / name)
    head.save(out)
    (out / LEXICAL_FILE).unlink(missing_ok=True)
    if lexical is not None:
        lexical.save(out)
    card = {
        "name": "onrecord_stance",
        "version": "0.0.0",  # set by scripts/package.py
        "labels": LABELS,
        "encoder": {k: cfg["encoder"][k] for k in ("name", "licence", "quantize", "max_tokens")},
        "fine_tune": cfg["fine_tune"],
        "corpus": {k: cfg["corpus"][k] for k in ("fictional_weight", "composite_share")},
        "features": cfg["features"],
        "head": cfg["head"],
        "runtime": cfg["runtime"],
        "trained_on": {s: sum(r["source"] == s for r in rows) for s in ("real", "fictional")},
    }
    if lexical is not None:
        card["lexical"] = {**cfg["lexical"], "features": len(lexical.idf)}
    if memory is not None:
        card["memory"] = {"statements": int(len(memory["labels"])),
                          "labels": {label: int((memory["labels"] == n).sum()) for n, label in enumerate(LABELS)}}
    provenance = encoder_dir / "encoder.json"  # written by scripts/export.py when encoder.reuse is set
    if cfg["encoder"].get("reuse") and provenance.exists():
        card.update(json.loads(provenance.read_text()))
    (out / "model.json").write_text(json.dumps(card, indent=2) + "\n")
    logits = head.logits(x) if lexical is None else lexical.blended(head.logits(x),
                                                                    lexical.probabilities([r["text"] for r in rows]))
    train_acc = float((numpy.array(head.labels)[logits.argmax(1)] == y).mean())
    print(f"head trained on {len(rows)} statements ({card['trained_on']}), {x.shape[1]} features; "
          f"train accuracy {train_acc:.3f} -> {out}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("config", type=Path)
    parser.add_argument("train_file", type=Path)
    parser.add_argument("encoder_dir", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    train(args.config, args.train_file, args.encoder_dir, args.out)
