"""Ship the replaced model's head as the new model's reviewer (nlp/stance_reviewer.py).

    python scripts/review.py config.cfg training/tune.jsonl training/model

With `review.reviewer` set (a packaged model folder, relative to nlp/), copies its head.npz into
training/model/reviewer/ and writes its name, features and calibration into the card's `reviewer`,
then counts on the tune split how many judgments the reviewer adds to the review queue. The
reviewer must read the same encoder (the same encoder.onnx, byte for byte), share the feature
blocks the new model builds, and judge whole statements (sentence weight 0). "" ships no reviewer.
With `review.chain`, the replaced model's own reviewers come along too (its `reviewer/` folder and
card entry, nested under the new ones), so every head of the chain must confirm a side.
"""
import argparse
import hashlib
import json
import shutil
from pathlib import Path

from onrecord.nlp.stance import StanceClassifier, load_model
from onrecord.nlp.stance_data import TOPIC, items, read_config, read_jsonl
from onrecord.nlp.stance_lexical import LEXICAL_FILE
from onrecord.nlp.stance_reviewer import REVIEWER_DIR, SHARED_FEATURES, Reviewer


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def attach(reviewer_dir: Path, model_dir: Path, chain: bool) -> dict:
    """Copy the reviewer's head (and with `chain`, its own reviewers) into model_dir and return the
    card's `reviewer` entry; SystemExit when unfit."""
    theirs = json.loads((reviewer_dir / "model.json").read_text())
    ours = json.loads((model_dir / "model.json").read_text())
    name = f"{theirs['name']}-{theirs['version']}"
    if digest(reviewer_dir / "encoder.onnx") != digest(model_dir / "encoder.onnx"):
        raise SystemExit(f"{name} reads another encoder: it cannot review this model")
    differ = [k for k in SHARED_FEATURES if theirs["features"].get(k, False) != ours["features"].get(k, False)]
    if differ:
        raise SystemExit(f"{name} builds other features ({', '.join(differ)}): it cannot review this model")
    if float(theirs["calibration"].get("sentence_weight", 1.0)) != 0.0:
        raise SystemExit(f"{name} weighs a post's sentences: a reviewer judges whole statements")
    (model_dir / REVIEWER_DIR).mkdir(exist_ok=True)
    shutil.copy(reviewer_dir / "head.npz", model_dir / REVIEWER_DIR / "head.npz")
    spec = {"model": name, "features": theirs["features"], "temperature": theirs["calibration"]["temperature"],
            "review_below": theirs["calibration"]["review_below"]}
    if theirs.get("lexical"):  # its lexical reading reviews as it judged (nlp/stance_lexical.py)
        shutil.copy(reviewer_dir / LEXICAL_FILE, model_dir / REVIEWER_DIR / LEXICAL_FILE)
        spec["lexical"] = theirs["lexical"]
    if chain and theirs.get("reviewer"):
        # Their reviewers already read this encoder and these features (they reviewed them).
        shutil.copytree(reviewer_dir / REVIEWER_DIR, model_dir / REVIEWER_DIR / REVIEWER_DIR)
        spec["reviewer"] = {k: v for k, v in theirs["reviewer"].items() if not k.startswith("tune_")}
    return spec


def review(config: Path, tune_file: Path, model_dir: Path) -> None:
    settings = read_config(config)["review"]
    source = settings["reviewer"]
    card_file = model_dir / "model.json"
    card = json.loads(card_file.read_text())
    card.pop("reviewer", None)
    shutil.rmtree(model_dir / REVIEWER_DIR, ignore_errors=True)
    if source:
        card["reviewer"] = attach(config.parent / source, model_dir, bool(settings.get("chain", False)))
    card_file.write_text(json.dumps(card, indent=2) + "\n")
    if not source:
        print("no reviewer")
        return
    rows = [r for r in read_jsonl(tune_file) if r["source"] == "real"]
    load_model.cache_clear()
    judgments = list(StanceClassifier(TOPIC, model_dir=model_dir).classify(items(rows)))
    threshold = card["calibration"]["review_below"]
    added = [j for j in judgments if j.needs_review and j.confidence >= threshold and j.note == ""]
    kept = [j.stance == r["stance"] for j, r in zip(judgments, rows) if not j.needs_review]
    card["reviewer"].update(tune_flagged=sum(j.needs_review for j in judgments), tune_flagged_by_reviewer=len(added),
                            tune_accuracy_kept=round(sum(kept) / max(len(kept), 1), 4))
    card_file.write_text(json.dumps(card, indent=2) + "\n")
    load_model.cache_clear()
    chain = Reviewer.load(model_dir, card).chain
    print(json.dumps(card["reviewer"] | {"features": "...", "reviewer": " <- ".join(r.model for r in chain)}))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("config", type=Path)
    parser.add_argument("tune_file", type=Path)
    parser.add_argument("model_dir", type=Path)
    args = parser.parse_args()
    review(args.config, args.tune_file, args.model_dir)
