"""Name and version a trained, calibrated model folder and copy it into nlp/model/ with its licence.

    python scripts/package.py training/model model 0.2.0

What is copied is all run time reads: encoder.onnx, tokenizer.json, head.npz, model.json; lexical.npz
when the card names a lexical reading; plus
the reviewer's head when the card names one, the encoder's Apache-2.0 licence and the attribution (ENCODER.md, from scripts/ENCODER.md).
"""
import argparse
import json
import shutil
from pathlib import Path

from onrecord.nlp.stance_lexical import LEXICAL_FILE
from onrecord.nlp.stance_reviewer import REVIEWER_DIR

NAME = "onrecord_stance"
FILES = ("encoder.onnx", "tokenizer.json", "head.npz")
HERE = Path(__file__).resolve().parent


def package(staging: Path, out: Path, version: str) -> None:
    card = json.loads((staging / "model.json").read_text())
    if "calibration" not in card:
        raise SystemExit(f"{staging} is not calibrated (run scripts/calibrate.py first)")
    card.update(name=NAME, version=version,
                description="onrecord stance toward the watchlist topic: condemning / supporting / silent",
                licence="Apache-2.0 (the encoder's weights: Apache-2.0, see LICENSE-all-MiniLM-L6-v2 and ENCODER.md)")
    out.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        shutil.copy(staging / name, out / name)
    (out / LEXICAL_FILE).unlink(missing_ok=True)
    if card.get("lexical"):
        shutil.copy(staging / LEXICAL_FILE, out / LEXICAL_FILE)
    # The reviewers' heads (scripts/review.py, with the chain nested in reviewer/) replace any earlier ones.
    shutil.rmtree(out / REVIEWER_DIR, ignore_errors=True)
    if card.get("reviewer"):
        shutil.copytree(staging / REVIEWER_DIR, out / REVIEWER_DIR)
    shutil.copy(HERE / "ENCODER.md", out / "ENCODER.md")
    shutil.copy(HERE / "LICENSE-Apache-2.0", out / "LICENSE-all-MiniLM-L6-v2")
    (out / "model.json").write_text(json.dumps(card, indent=2) + "\n")
    size = sum(f.stat().st_size for f in out.iterdir()) / 2**20
    print(f"{NAME}-{version} -> {out} ({size:.1f} MiB)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("staging", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("version")
    args = parser.parse_args()
    package(args.staging, args.out, args.version)
