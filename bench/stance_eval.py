"""Honest evaluation of the stance model, with the previous model and baselines measured in the same run.

    .venv/bin/python bench/stance_eval.py [--split test] [--real-dev PATH] [--only real|fictional]
    .venv/bin/python bench/stance_eval.py --real-corpus nlp/corpus/real/blind1.jsonl --only real   # the blind batch

For each evaluation set: the real corpus's speaker-disjoint split (nlp/corpus/real/statements.jsonl,
when present: never used for training, tuning or calibration when the split is `test`) and the
fictional corpus's split, prints per-class precision / recall / F1, macro-F1 and the confusion
matrix of
  - the current model (nlp/model/, the encoder + head, judging text with context),
  - with --compare-model DIR, another model folder built by nlp/project.yml (e.g. the version
    before, unpacked from git: `git archive <commit> nlp/model | tar -x -C /tmp/prev`), judging
    the same statements with their context,
  - the first model (the spaCy textcat, frozen in nlp/baseline/; it reads text only),
  - a keyword rule and the majority class of the train split,
then the current model's reliability table, needs_review figures, on_topic accuracy and evidence
checks (a verbatim substring; 'context' evidence only when context was given).
--real-dev PATH adds a small real sanity set ({"id", "text", "gold"} lines) read from outside the
repository (e.g. ../shared/data/stance_dev_real.jsonl); nothing outside the repo is read otherwise.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL_CORPUS = ROOT / "nlp" / "corpus" / "real" / "statements.jsonl"

from onrecord.nlp.labels import CONDEMNING, LABELS, SILENT, SUPPORTING  # noqa: E402
from onrecord.nlp.stance_data import TOPIC, confusion, items, read_jsonl, scores  # noqa: E402

# The baseline rule: what a reasonable person would write in ten minutes.
_KEYWORD_TOPIC = re.compile(r"\b(ICE|I\.C\.E\.|DHS|(?i:border patrol|deport\w*|raids?|agents?|officers?|immigration))\b")
_KEYWORD_CONDEMN = re.compile(r"(?i)\b(shame\w*|disgrace\w*|murder\w*|cruel\w*|brutal\w*|wrong|end the|stop|must end|out of|leave|unacceptable|outrage\w*)\b")
_KEYWORD_SUPPORT = re.compile(r"(?i)\b(thank\w*|support\w*|proud|heroes?|law and order|rule of law|obstruct\w*|illegals?|criminals?|agitators?|rioters?|deport them)\b")


def keyword_rule(text: str) -> str:
    """Count condemning and supporting keywords; a topic word is needed only to break no tie."""
    c, s = len(_KEYWORD_CONDEMN.findall(text)), len(_KEYWORD_SUPPORT.findall(text))
    if c == s == 0 or (c == s and not _KEYWORD_TOPIC.search(text)):
        return SILENT
    return CONDEMNING if c >= s else SUPPORTING


def print_scores(title: str, gold: list[str], pred: list[str], matrix: bool = True) -> dict:
    s = scores(gold, pred)
    print(f"\n  {title}  (n={len(gold)})")
    print(f"    {'label':<12}{'precision':>10}{'recall':>8}{'F1':>8}{'support':>9}")
    for label in LABELS:
        p, r, f, n = s[label]
        print(f"    {label:<12}{p:>10.3f}{r:>8.3f}{f:>8.3f}{n:>9}")
    print(f"    macro-F1 {s['macro_f1']:.3f}   accuracy {s['accuracy']:.3f}")
    if matrix:
        print("    confusion (rows gold, columns predicted: " + ", ".join(LABELS) + ")")
        for label, row in zip(LABELS, confusion(gold, pred)):
            print(f"    {label:<12}" + "".join(f"{n:>6}" for n in row))
    return s


def print_reliability(confidences: list[float], correct: list[bool]) -> float:
    """Reliability table; returns the expected calibration error."""
    edges = [0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001]
    print("    reliability (confidence bin: n, mean confidence, accuracy)")
    ece = 0.0
    for lo, hi in zip(edges, edges[1:]):
        idx = [i for i, c in enumerate(confidences) if lo <= c < hi]
        if not idx:
            continue
        mean_c = sum(confidences[i] for i in idx) / len(idx)
        acc = sum(correct[i] for i in idx) / len(idx)
        ece += len(idx) / len(confidences) * abs(mean_c - acc)
        print(f"      [{lo:.1f}, {min(hi, 1):.1f})  n={len(idx):<4} conf={mean_c:.3f}  acc={acc:.3f}")
    print(f"    expected calibration error {ece:.3f}")
    return ece


def evaluate(name: str, rows: list[dict], clf, baseline, majority: str, show_misses: bool, other=None) -> dict:
    gold = [r["stance"] for r in rows]
    judgments = list(clf.classify(items(rows)))
    pred = [j.stance for j in judgments]
    print(f"\n=== {name} ===")
    result = print_scores(f"current model {clf.model}", gold, pred)
    correct = [g == p for g, p in zip(gold, pred)]
    result["ece"] = print_reliability([j.confidence for j in judgments], correct)
    review = [i for i, j in enumerate(judgments) if j.needs_review]
    kept = [i for i in range(len(rows)) if i not in set(review)]
    kept_sided = [i for i in kept if pred[i] != SILENT]
    print(f"    needs_review: {len(review)} of {len(rows)} (accuracy {_share(correct, review)}); "
          f"the rest {_share(correct, kept)}; {_sides(correct, kept_sided)}; threshold {clf.review_below}"
          + (f", reviewed by {' <- '.join(r.model for r in clf.reviewer.chain)}" if clf.reviewer else ""))
    print("    macro-F1 of the judgments not flagged: "
          f"{scores([gold[i] for i in kept], [pred[i] for i in kept])['macro_f1']:.3f}")
    if all(r.get("on_topic") is not None for r in rows):
        on = sum(bool(r["on_topic"]) == j.on_topic for r, j in zip(rows, judgments)) / len(rows)
        print(f"    on_topic accuracy {on:.3f}")
    verbatim = all(j.evidence in (r["text"] if j.evidence_from != "context" else r.get("context", ""))
                   for r, j in zip(rows, judgments))
    print(f"    evidence is verbatim from the text or context it names, for every statement: {verbatim}")
    with_context = [(r, j) for r, j in zip(rows, judgments) if r.get("context")]
    if with_context:
        from_context = sum(j.evidence_from == "context" for _, j in with_context)
        print(f"    statements with context: {len(with_context)}; right {sum(j.stance == r['stance'] for r, j in with_context)}; "
              f"evidence from the context for {from_context}")
    with_gold = [(r, j) for r, j in zip(rows, judgments) if r.get("evidence") and r["stance"] == j.stance != SILENT]
    if with_gold:
        hit = sum(j.evidence in r["evidence"] or r["evidence"] in j.evidence for r, j in with_gold)
        print(f"    evidence inside the stance-bearing part of composite statements: {hit}/{len(with_gold)}")
    tags = Counter(t for r in rows for t in r.get("tags", []))
    if tags:
        print("    accuracy by tag: " + ", ".join(
            f"{t} {sum(p == g for r, g, p in zip(rows, gold, pred) if t in r.get('tags', []))}/{n}"
            for t, n in sorted(tags.items())))
    if other is not None:
        other_judgments = list(other.classify(items(rows)))
        result["compare_model"] = print_scores(f"model {other.model} (--compare-model, text with context)", gold,
                                               [j.stance for j in other_judgments])
        other_review = [j.needs_review for j in other_judgments]
        other_kept = [i for i, flagged in enumerate(other_review) if not flagged]
        other_correct = [gold[i] == j.stance for i, j in enumerate(other_judgments)]
        other_sided = [i for i in other_kept if other_judgments[i].stance != SILENT]
        print(f"    needs_review: {sum(other_review)} of {len(rows)}; the rest right "
              f"{_share(other_correct, other_kept)}; {_sides(other_correct, other_sided)}")
    result["baseline_textcat"] = print_scores(f"first model {baseline.model} (spaCy textcat, fictional data, text only)",
                                              gold, [j.stance for j in baseline.classify([r["text"] for r in rows])])
    result["baseline_keywords"] = print_scores("baseline: keyword rule", gold, [keyword_rule(r["text"]) for r in rows])
    result["baseline_majority"] = print_scores(f"baseline: majority class of train ({majority})", gold,
                                               [majority] * len(gold), matrix=False)
    if show_misses:
        for r, j in zip(rows, judgments):
            if r["stance"] != j.stance:
                print(f"    miss {r.get('id')}: gold {r['stance']}, got {j.stance} ({j.confidence:.2f}"
                      f"{', needs review' if j.needs_review else ''})")
    return result


def _sides(correct, sided) -> str:
    """What a ship rule reads: the sides shown without review, and how many of them are wrong."""
    return f"sides not flagged right {_share(correct, sided)} (n={len(sided)}, wrong {sum(not correct[i] for i in sided)})"


def _share(correct, idx) -> str:
    return f"{sum(correct[i] for i in idx) / len(idx):.3f}" if idx else "n/a"


def _train_majority(rows: list[dict]) -> str:
    """The majority baseline's class: the commonest label of the training data's train split."""
    return Counter(r["stance"] for r in rows if r["split"] == "train").most_common(1)[0][0]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "nlp" / "corpus" / "statements.jsonl",
                        help="the fictional corpus")
    parser.add_argument("--real-corpus", type=Path, default=REAL_CORPUS,
                        help="the real statements to score (e.g. nlp/corpus/real/blind1.jsonl, the fresh blind batch)")
    parser.add_argument("--split", default="test", help="test (the figures), or tune while developing")
    parser.add_argument("--only", choices=("real", "fictional"), help="evaluate one corpus only")
    parser.add_argument("--real-dev", type=Path, metavar="PATH",
                        help="also score a small real sanity set ({id, text, gold} lines), e.g. ../shared/data/stance_dev_real.jsonl")
    parser.add_argument("--misses", action="store_true", help="list every wrong judgment")
    parser.add_argument("--compare-model", type=Path, metavar="DIR",
                        help="also judge with this model folder (e.g. the previous version), in the same run")
    args = parser.parse_args(argv)

    from onrecord.nlp.baseline.textcat_stance import StanceClassifier as TextcatClassifier
    from onrecord.nlp.stance import StanceClassifier

    clf, baseline = StanceClassifier(TOPIC), TextcatClassifier(TOPIC)
    other = StanceClassifier(TOPIC, model_dir=args.compare_model) if args.compare_model else None
    print(f"current model {clf.model} (trained on {clf.card.get('trained_on')}); split {args.split}")
    if args.only != "fictional":
        if args.real_corpus.exists():
            real = read_jsonl(args.real_corpus)
            majority = _train_majority(read_jsonl(REAL_CORPUS))
            evaluate(f"REAL statements, {args.split} split (speaker-disjoint)",
                     [r for r in real if r["split"] == args.split], clf, baseline, majority, args.misses, other)
        else:
            print(f"\n(no real corpus at {args.real_corpus})")
    if args.only != "real":
        fictional = read_jsonl(args.corpus)
        majority = _train_majority(fictional)
        evaluate(f"FICTIONAL statements, {args.split} split (speaker-disjoint)",
                 [r for r in fictional if r["split"] == args.split], clf, baseline, majority, args.misses, other)
    if args.real_dev:
        dev = read_jsonl(args.real_dev)
        for r in dev:
            r["stance"] = r.pop("gold")
        evaluate(f"real sanity set {args.real_dev.name} (never trained or tuned on)", dev, clf, baseline,
                 SILENT, show_misses=True, other=other)
    return 0


if __name__ == "__main__":
    sys.exit(main())
