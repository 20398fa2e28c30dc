"""Inter-annotator agreement: Cohen's kappa between the corpus labels and a second annotator's.

    python nlp/scripts/agreement.py [--corpus nlp/corpus/statements.jsonl]
                                    [--second nlp/corpus/second_pass_labels.jsonl]

The second annotator labels nlp/corpus/second_pass_input.jsonl from nlp/GUIDELINES.md alone and
writes {"id", "stance"} a line. Prints kappa overall and per label (that label against the rest),
raw agreement, the confusion matrix and the disagreements.
"""
import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from onrecord.nlp.labels import LABELS

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def cohen_kappa(a: list, b: list) -> float:
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS / "statements.jsonl")
    parser.add_argument("--second", type=Path, default=CORPUS / "second_pass_labels.jsonl")
    args = parser.parse_args(argv)
    if not args.second.exists():
        print(f"no second-pass labels yet: {args.second} does not exist", file=sys.stderr)
        return 2
    first = {r["id"]: r for r in map(json.loads, args.corpus.read_text(encoding="utf-8").splitlines())}
    pairs, skipped = [], 0
    for number, line in enumerate(args.second.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            stance = str(row["stance"]).strip().lower()
            if row["id"] not in first or stance not in LABELS:
                raise ValueError(f"unknown id or label: {row.get('id')!r} {row.get('stance')!r}")
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            print(f"{args.second.name} line {number}: {error}; skipped", file=sys.stderr)
            skipped += 1
            continue
        pairs.append((first[row["id"]]["stance"], stance, row["id"]))
    if not pairs:
        print("no usable second-pass labels", file=sys.stderr)
        return 1
    a, b = [p[0] for p in pairs], [p[1] for p in pairs]
    print(f"statements compared: {len(pairs)} (skipped {skipped})")
    print(f"raw agreement: {sum(x == y for x, y in zip(a, b)) / len(a):.3f}")
    print(f"Cohen's kappa, overall: {cohen_kappa(a, b):.3f}")
    for label in LABELS:
        print(f"  {label:<11} vs rest: {cohen_kappa([x == label for x in a], [y == label for y in b]):.3f}")
    counts = Counter(zip(a, b))
    print("confusion (rows: corpus label, columns: second annotator)")
    print(" " * 13 + "".join(f"{label:>12}" for label in LABELS))
    for x in LABELS:
        print(f"  {x:<11}" + "".join(f"{counts[(x, y)]:>12}" for y in LABELS))
    for x, y, statement_id in pairs:
        if x != y:
            print(f"  disagree {statement_id}: corpus {x}, second {y}: {first[statement_id]['text'][:90]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
