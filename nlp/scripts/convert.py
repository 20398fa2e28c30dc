"""Convert nlp/corpus/statements.jsonl into one spaCy DocBin per split (train, tune, test)."""
import json
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin

LABELS = ("condemning", "supporting", "silent")


def convert(corpus: Path, out_dir: Path) -> None:
    nlp = spacy.blank("en")
    bins = {}
    for line in corpus.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        doc = nlp.make_doc(row["text"])
        doc.cats = {label: float(label == row["stance"]) for label in LABELS}
        bins.setdefault(row["split"], DocBin()).add(doc)
    out_dir.mkdir(parents=True, exist_ok=True)
    for split, docbin in sorted(bins.items()):
        docbin.to_disk(out_dir / f"{split}.spacy")
        print(f"{split}: {len(docbin)} docs -> {out_dir / f'{split}.spacy'}")


if __name__ == "__main__":
    convert(Path(sys.argv[1]), Path(sys.argv[2]))
