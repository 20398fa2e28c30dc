"""Give every speaker of the real corpus a split (train, tune or test), once and for good.

    python nlp/scripts/split_real.py [nlp/corpus/real/statements.jsonl]

A speaker keeps the split their statements already have; a new speaker goes to the split that is
furthest below its target share for the labels they bring (largest speakers first, ties broken
by a hash of the name, so the result does not depend on file order). Statements of one speaker,
or of one group under several spellings (`speaker_group`), never straddle two splits.
"""
from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "real" / "statements.jsonl"
TARGETS = {"train": 0.62, "tune": 0.16, "test": 0.22}


def label(row: dict) -> str:
    return f"{row['stance']}/{'on' if row.get('on_topic') else 'off'}"


def speaker_key(row: dict) -> str:
    return row.get("speaker_group") or row["speaker"]


def assign(rows: list[dict]) -> dict[str, str]:
    """speaker key -> split, keeping every split already given."""
    splits = {speaker_key(r): r["split"] for r in rows if r.get("split")}
    by_speaker: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        by_speaker[speaker_key(row)][label(row)] += 1
    totals = Counter(label(r) for r in rows)
    have = {name: Counter() for name in TARGETS}
    for key, split in splits.items():
        have[split].update(by_speaker[key])
    order = sorted(
        (key for key in by_speaker if key not in splits),
        key=lambda k: (-sum(by_speaker[k].values()), hashlib.sha1(k.encode()).hexdigest()),
    )
    for key in order:
        brings = by_speaker[key]

        def deficit(split: str) -> float:
            return sum(n * (TARGETS[split] * totals[lab] - have[split][lab]) / totals[lab] for lab, n in brings.items())

        best = max(TARGETS, key=lambda split: (deficit(split), -list(TARGETS).index(split)))
        splits[key] = best
        have[best].update(brings)
    return splits


def main(path: Path = CORPUS) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    splits = assign(rows)
    for row in rows:
        row["split"] = splits[speaker_key(row)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    table = Counter((r["split"], label(r)) for r in rows)
    for split in TARGETS:
        speakers = len({speaker_key(r) for r in rows if r["split"] == split})
        counts = ", ".join(f"{lab} {n}" for (s, lab), n in sorted(table.items()) if s == split)
        print(f"{split}: {sum(n for (s, _), n in table.items() if s == split)} statements, {speakers} speakers ({counts})")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS)
