"""Corpus -> training/{train,tune,test}.jsonl: the real and the fictional statements, by split.

    python scripts/convert.py config.cfg training [--exclude FILE.jsonl]...

Real statements (corpus.real, when the file exists) keep their speaker-disjoint split; fictional
ones (corpus.fictional) keep theirs and carry `corpus.fictional_weight` as a sample weight when
real training data exists. The train split is augmented with long posts: a share of on-topic
train statements is joined to one or two off-topic train statements from the same corpus, so
the model learns that one line taking a side in a post about something else still takes it.
Only train statements are combined, and a train or tune statement whose text also appears in the
test split, in a held-out attribution article (`in_heldout_article`), in a fresh blind test batch
beside the real corpus (`blind*.jsonl`) or in an --exclude file (such as the real sanity set) is
dropped, so no text crosses. A blind batch that has decided its release and been read is spent:
listed in `corpus.trained_blind`, its statements join the train split (their speakers are new to
every split by construction), except those flagged `in_heldout_article`.
"""
import argparse
import random
from pathlib import Path

from onrecord.nlp.stance_data import read_config, read_jsonl, text_key, write_jsonl

SPLITS = ("train", "tune", "test")


def convert(config: Path, out_dir: Path, exclude: list[Path]) -> None:
    cfg = read_config(config)["corpus"]
    base = config.parent
    real_file = base / cfg["real"]
    real = read_jsonl(real_file) if real_file.exists() else []
    spent = [(base / name).resolve() for name in cfg.get("trained_blind", [])]
    real += [{**r, "split": "train"} for path in spent for r in read_jsonl(path)]
    fictional = read_jsonl(base / cfg["fictional"])
    weight = float(cfg["fictional_weight"]) if any(r["split"] == "train" for r in real) else 1.0
    rows = []
    for source, corpus, w in (("real", real, 1.0), ("fictional", fictional, weight)):
        for r in corpus:
            if r["split"] not in SPLITS:
                raise SystemExit(f"{r.get('id')}: unknown split {r['split']!r}")
            if source == "fictional" and r["split"] == "train" and w == 0:
                continue
            rows.append({"id": r["id"], "speaker": r.get("speaker_group") or r.get("speaker", ""), "text": r["text"],
                         "context": r.get("context") or "", "stance": r["stance"],
                         "on_topic": r.get("on_topic"), "split": r["split"], "source": source,
                         "tags": r.get("tags", []), "evidence": r.get("evidence"), "weight": w if r["split"] == "train" else 1.0})
    # Words that also appear in a held-out attribution article stay out of training and tuning
    # (nlp/corpus/real/README.md), like the test split's.
    held = {text_key(r["text"]) for r in rows if r["split"] == "test"}
    held |= {text_key(r["text"]) for r in real if r.get("in_heldout_article")}
    # Fresh blind test batches (nlp/corpus/real/blind*.jsonl) are measured, never trained on.
    fresh = [path for path in sorted(real_file.parent.glob("blind*.jsonl")) if path.resolve() not in spent]
    for path in [*fresh, *exclude]:
        held |= {text_key(r["text"]) for r in read_jsonl(path)}
    dropped = [r for r in rows if r["split"] != "test" and text_key(r["text"]) in held]
    rows = [r for r in rows if r["split"] == "test" or text_key(r["text"]) not in held]

    rng = random.Random(cfg["seed"])
    augmented = []
    for source in ("real", "fictional"):
        train = [r for r in rows if r["split"] == "train" and r["source"] == source]
        off_topic = [r["text"] for r in train if r["stance"] == "silent" and r["on_topic"] is False]
        for r in train:
            if off_topic and r["on_topic"] and "composite" not in r["tags"] and rng.random() < cfg["composite_share"]:
                parts = [r["text"]] + rng.sample(off_topic, min(len(off_topic), rng.choice((1, 1, 2))))
                rng.shuffle(parts)
                augmented.append({**r, "id": r["id"] + "+", "text": " ".join(parts), "tags": r["tags"] + ["augmented"]})
    rows += augmented
    for split in SPLITS:
        part = [r for r in rows if r["split"] == split]
        write_jsonl(out_dir / f"{split}.jsonl", part)
        by = {s: sum(r["source"] == s for r in part) for s in ("real", "fictional")}
        print(f"{split}: {len(part)} statements ({by['real']} real, {by['fictional']} fictional) -> {out_dir / split}.jsonl")
    print(f"(train includes {len(augmented)} augmented long posts; {len(dropped)} statements dropped "
          f"because their text is held out; fictional train weight {weight})")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("config", type=Path)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--exclude", type=Path, action="append", default=[])
    args = parser.parse_args()
    convert(args.config, args.out_dir, args.exclude)
