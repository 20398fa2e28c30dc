"""Convert nlp/corpus/statements.jsonl into one spaCy DocBin per split (train, tune, test).

The train split is also augmented with long posts: each on-topic train statement is joined, with
some probability, to one or two off-topic train statements, so the model learns that one line
taking a side in a post about something else still takes that side. Only train statements are
combined, so no text crosses a split.
"""
import json
import random
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from onrecord.nlp.labels import LABELS

AUGMENT_SHARE = 0.6  # share of on-topic train statements that get an augmented long copy
SEED = 2026


def convert(corpus: Path, out_dir: Path) -> None:
    nlp = spacy.blank("en")
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    rng = random.Random(SEED)
    off_topic = [r["text"] for r in rows if r["split"] == "train" and not r["on_topic"]]
    augmented = []
    for row in rows:
        if row["split"] == "train" and row["on_topic"] and "composite" not in row["tags"] and rng.random() < AUGMENT_SHARE:
            parts = [row["text"]] + rng.sample(off_topic, rng.choice((1, 1, 2)))
            rng.shuffle(parts)
            augmented.append({**row, "text": " ".join(parts)})
    bins = {}
    for row in rows + augmented:
        doc = nlp.make_doc(row["text"])
        doc.cats = {label: float(label == row["stance"]) for label in LABELS}
        bins.setdefault(row["split"], DocBin()).add(doc)
    out_dir.mkdir(parents=True, exist_ok=True)
    for split, docbin in sorted(bins.items()):
        docbin.to_disk(out_dir / f"{split}.spacy")
        print(f"{split}: {len(docbin)} docs -> {out_dir / f'{split}.spacy'}")
    print(f"(train includes {len(augmented)} augmented long posts)")


if __name__ == "__main__":
    convert(Path(sys.argv[1]), Path(sys.argv[2]))
