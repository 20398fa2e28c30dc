"""Three ideas for the stance head, judged without the test split: a memory of labelled statements,
a head fitted on train + tune, and names of events as features.

    python scripts/memory_compare.py config.cfg training [--repeats 3 --folds 5]

Not part of the `all` workflow (like scripts/compare.py); it prints tables to choose from.

1. Memory: for a statement, the similarity-weighted label distribution of its k nearest real
   TRAIN statements (cosine of the encoder's embeddings of the text, and of the text with its
   context), as extra head features; for a train row itself the neighbours leave out its own
   speaker group. Judged on the TUNE split only (neighbours from train only): the encoder was
   fine-tuned on older train labels, so train rows' neighbours among train rows are flattered and
   cross-validation on train would be too.
2. More data: speaker-grouped cross-validation over the real train + tune statements (repeated),
   comparing on the same held-out rows a head fitted on the remaining TRAIN rows (the shipped
   recipe: tune only calibrates) with one fitted on the remaining train AND tune rows.
3. Event names: counts of named people shot or killed by agents, named operations and named
   facilities (EVENTS: general facts as the train split's statements and contexts name them),
   in the text (and the context) as extra head features, alone and with the memory. Judged on tune.
4. The memory without the statements the encoder was fine-tuned on (--seen: their ids): its
   neighbours among them are flattered (their embeddings were pulled toward their labels), so
   the head would learn to trust the memory more than it deserves. Judged on tune, and by a
   speaker-grouped CV that is valid for it: held out are only statements the encoder never saw
   (train rows added after its fine-tuning, and tune), the memory holds only unseen statements
   of the other folds, and the same folds score the head without a memory and with the whole one.

Whole statements, argmax of the head (the shipped calibration puts the best sentence's weight at
0, so a temperature does not change the side). The test split is never read.
"""
import argparse
import re
from pathlib import Path

import numpy
from sklearn.linear_model import LogisticRegression

from onrecord.nlp.encoder import Encoder
from onrecord.nlp.labels import LABELS
from onrecord.nlp.sentences import model_text
from onrecord.nlp.stance_data import TOPIC, read_config, read_jsonl, scores
from onrecord.nlp.stance_head import Head, features
from onrecord.nlp.stance_memory import memory_features, read_ids
from onrecord.nlp.stance_targets import target_features
from onrecord.nlp.topic import TopicGate

# (k, scale, views, weighting): views "own" (text) and/or "joined" (text with context).
MEMORY_SETTINGS = [
    (10, 3.0, ("own", "joined"), "sim"),
    (5, 3.0, ("own", "joined"), "sim"),
    (25, 3.0, ("own", "joined"), "sim"),
    (10, 1.0, ("own", "joined"), "sim"),
    (10, 6.0, ("own", "joined"), "sim"),
    (10, 3.0, ("joined",), "sim"),
]


# 3. Event names: general facts (who was killed or shot by agents, named operations, facilities),
# each as it appears in the TRAIN split's statements or contexts (never test or blind sets).
EVENTS = {
    "victim": r"\brenee\s+(?:nicole\s+)?good\b|\b(?:alex\s+)?pretti\b|\bsilverio\b|\bvillegas[-\s]+gonz[aá]lez\b|"
              r"\bkeith\s+porter\b|\bjulio\s+sosa\b|\bjaime\s+alanis\b",
    "operation": r"\bmidway\s+blitz\b|\bmetro\s+surge\b|\bcharlotte['’]s\s+web\b|\bcatahoula\s+crunch\b",
    "facility": r"\bbroadview\b|\bdelaney\s+hall\b|\balligator\s+alcatraz\b|\bwhipple\b|\badelanto\b",
}
_EVENT_RE = {k: re.compile(v, re.I) for k, v in EVENTS.items()}


def event_x(rows, scale: float, with_context: bool):
    def count(text):
        return [len(p.findall(text or "")) for p in _EVENT_RE.values()]
    parts = [[count(r["text"]) for r in rows]]
    if with_context:
        parts.append([count(r.get("context")) for r in rows])
    return (scale * numpy.log1p(numpy.hstack([numpy.array(p, dtype="float32") for p in parts]))).astype("float32")


def embed(rows, encoder, cfg):
    gate = TopicGate(TOPIC)
    own = encoder.embed([model_text(r["text"]) for r in rows])
    joined = own.copy()
    idx = [i for i, r in enumerate(rows) if r.get("context")]
    if idx:
        joined[idx] = encoder.embed([model_text(rows[i]["text"]) for i in idx],
                                    [model_text(rows[i]["context"]) for i in idx])
    return {"own": own, "joined": joined, "levels": [gate.check(r["text"]).level for r in rows],
            "targets": target_features([r["text"] for r in rows], cfg["features"])}


def base_x(e, cfg):
    f = cfg["features"]
    return features(e["own"], e["joined"], e["levels"], f["context"], f["gate"], e["targets"] if f["targets"] else None)


def memory_x(query: dict, memory: dict, mem_y, setting, query_groups=None, mem_groups=None):
    """(n, 3 * views) label distributions of each query row's k nearest memory rows: the shipped
    nlp/stance_memory.memory_features, keeping the views a setting names."""
    k, scale, views, _ = setting
    stored = {"own": memory["own"], "joined": memory["joined"], "labels": [LABELS.index(y) for y in mem_y],
              "groups": mem_groups}
    both = memory_features(query["own"], query["joined"], stored, k, scale, query_groups)
    return numpy.concatenate([both[:, :len(LABELS)] if view == "own" else both[:, len(LABELS):] for view in views], axis=1)


def fit(x, y, cfg):
    h = cfg["head"]
    return LogisticRegression(C=h["C"], class_weight=h["class_weight"] or None, max_iter=h["max_iter"]).fit(x, y)


def line(name, gold, pred):
    s = scores(list(gold), list(pred))
    return f"{name:<58} {s['macro_f1']:.3f}  " + " ".join(f"{s[label][2]:.3f}" for label in LABELS)


def subset(e, mask):
    return {k: (v[mask] if isinstance(v, numpy.ndarray) else [x for x, m in zip(v, mask) if m]) for k, v in e.items()}


def main(config: Path, training: Path, repeats: int, folds: int, model_dir: Path, seen_file: Path) -> None:
    cfg = read_config(config)
    train = [r for r in read_jsonl(training / "train.jsonl") if r["source"] == "real"]
    tune = [r for r in read_jsonl(training / "tune.jsonl") if r["source"] == "real"]
    encoder = Encoder(model_dir, cfg["encoder"]["max_tokens"])
    tr, tu = embed(train, encoder, cfg), embed(tune, encoder, cfg)
    y_tr, y_tu = numpy.array([r["stance"] for r in train]), numpy.array([r["stance"] for r in tune])
    g_tr = [r["speaker"] for r in train]
    original = numpy.array(["augmented" not in r["tags"] for r in train])
    mem, mem_y, mem_g = subset(tr, original), y_tr[original], [g for g, o in zip(g_tr, original) if o]
    x_tr, x_tu = base_x(tr, cfg), base_x(tu, cfg)

    print(f"TUNE: {len(tune)} real statements; head on {len(train)} train rows ({original.sum()} originals)")
    print(f"{'setting':<58} macro  " + " ".join(f"{label[:5]:>5}" for label in LABELS))
    shipped = Head.load(model_dir)
    print(line("shipped model's head (0.4.0 as committed)", y_tu, numpy.array(shipped.labels)[shipped.logits(x_tu).argmax(1)]))
    print(line("0.4.0's settings refitted on the grown train split", y_tu, fit(x_tr, y_tr, cfg).predict(x_tu)))
    for setting in MEMORY_SETTINGS:
        m_tr = memory_x(tr, mem, mem_y, setting, g_tr, mem_g)
        m_tu = memory_x(tu, mem, mem_y, setting)
        model = fit(numpy.hstack([x_tr, m_tr]), y_tr, cfg)
        name = f"+ memory k={setting[0]} scale={setting[1]} views={'+'.join(setting[2])}"
        print(line(name, y_tu, model.predict(numpy.hstack([x_tu, m_tu]))), flush=True)
    for with_context in (False, True):
        model = fit(numpy.hstack([x_tr, event_x(train, 3.0, with_context)]), y_tr, cfg)
        print(line(f"+ event names (scale 3) in the text{' and the context' if with_context else ''}", y_tu,
                   model.predict(numpy.hstack([x_tu, event_x(tune, 3.0, with_context)]))), flush=True)
        setting = MEMORY_SETTINGS[0]
        model = fit(numpy.hstack([x_tr, event_x(train, 3.0, with_context), memory_x(tr, mem, mem_y, setting, g_tr, mem_g)]), y_tr, cfg)
        print(line(f"  the same + memory k=10 scale=3", y_tu, model.predict(numpy.hstack(
            [x_tu, event_x(tune, 3.0, with_context), memory_x(tu, mem, mem_y, setting)]))), flush=True)
    # 4. The memory of train statements the encoder never saw.
    seen = read_ids(seen_file)
    is_seen = numpy.array([r["id"] in seen for r in train])
    knn = (10, 1.0, ("joined",), "sim")
    vote = numpy.array(LABELS)[memory_x(tr, mem, mem_y, knn, g_tr, mem_g).argmax(1)]
    for name, mask in (("seen", original & is_seen), ("never seen", original & ~is_seen)):
        print(line(f"(10-NN vote on train originals the encoder {name}: {mask.sum()})", y_tr[mask], vote[mask]))
    unseen = original & ~is_seen
    mem_u, mem_u_y, mem_u_g = subset(tr, unseen), y_tr[unseen], [g for g, o in zip(g_tr, unseen) if o]
    setting = MEMORY_SETTINGS[0]
    model = fit(numpy.hstack([x_tr, memory_x(tr, mem_u, mem_u_y, setting, g_tr, mem_u_g)]), y_tr, cfg)
    print(line(f"+ memory k=10 scale=3 of the {unseen.sum()} train statements never seen", y_tu,
               model.predict(numpy.hstack([x_tu, memory_x(tu, mem_u, mem_u_y, setting)]))))
    print(line("  the same, tune read against the whole train memory", y_tu,
               model.predict(numpy.hstack([x_tu, memory_x(tu, mem, mem_y, setting)]))), flush=True)
    # The memory alone (k-nearest-neighbour vote), for scale.
    for k in (10,):
        m_tu = memory_x(tu, mem, mem_y, (k, 1.0, ("joined",), "sim"))
        print(line(f"memory alone: weighted {k}-NN vote (text with context)", y_tu, numpy.array(LABELS)[m_tu.argmax(1)]))

    # 2. Grouped CV over train + tune originals: head on train vs on train + tune.
    rows = train + tune
    split = numpy.array(["train"] * len(train) + ["tune"] * len(tune))
    allx = numpy.vstack([x_tr, x_tu])
    ally = numpy.concatenate([y_tr, y_tu])
    allorig = numpy.concatenate([original, numpy.ones(len(tune), bool)])
    groups = numpy.array([r["speaker"] for r in rows])
    speakers = sorted(set(groups))
    print(f"\nGROUPED CV over train + tune ({allorig.sum()} real originals, {len(speakers)} speaker groups), "
          f"{repeats} x {folds} folds; scored on every held-out original")
    pooled = {"A": ([], []), "B": ([], [])}
    for rep in range(repeats):
        perm = numpy.random.RandomState(100 + rep).permutation(speakers)
        fold_of = {s: n % folds for n, s in enumerate(perm)}
        fold = numpy.array([fold_of[g] for g in groups])
        per = {"A": ([], []), "B": ([], [])}
        for f in range(folds):
            held = (fold == f) & allorig
            for name, use in (("A", (fold != f) & (split == "train")), ("B", fold != f)):
                pred = fit(allx[use], ally[use], cfg).predict(allx[held])
                for store in (per[name], pooled[name]):
                    store[0].extend(ally[held])
                    store[1].extend(pred)
        for name in per:
            print(line(f"repeat {rep + 1}: head on {'train' if name == 'A' else 'train + tune'}", *per[name]), flush=True)
    for name in pooled:
        print(line(f"pooled: head on {'train (shipped recipe)' if name == 'A' else 'train + tune'}", *pooled[name]))

    # 4. Valid CV for the memory: only never-seen statements held out (train + tune rows).
    allseen = numpy.concatenate([is_seen, numpy.zeros(len(tune), bool)])
    alle = {k: (numpy.concatenate([tr[k], tu[k]]) if isinstance(tr[k], numpy.ndarray) else tr[k] + tu[k]) for k in tr}
    print(f"\nGROUPED CV for the memory: held out only statements the encoder never saw "
          f"({(allorig & ~allseen).sum()}), {repeats} x {folds} folds; head on the other folds' train + tune rows")
    variants = {"no memory": None, "memory of unseen statements": "unseen", "memory of all statements": "all"}
    pooled = {v: ([], []) for v in variants}
    for rep in range(repeats):
        perm = numpy.random.RandomState(200 + rep).permutation(speakers)
        fold_of = {s: n % folds for n, s in enumerate(perm)}
        fold = numpy.array([fold_of[g] for g in groups])
        per = {v: ([], []) for v in variants}
        for f in range(folds):
            held, use = (fold == f) & allorig & ~allseen, fold != f
            for name, kind in variants.items():
                x_use, x_held = allx[use], allx[held]
                if kind:
                    in_mem = use & allorig & (~allseen if kind == "unseen" else True)
                    m = subset(alle, in_mem)
                    m_y, m_g = ally[in_mem], groups[in_mem]
                    x_use = numpy.hstack([x_use, memory_x(subset(alle, use), m, m_y, setting, groups[use], m_g)])
                    x_held = numpy.hstack([x_held, memory_x(subset(alle, held), m, m_y, setting)])
                pred = fit(x_use, ally[use], cfg).predict(x_held)
                for store in (per[name], pooled[name]):
                    store[0].extend(ally[held])
                    store[1].extend(pred)
        for name in per:
            print(line(f"repeat {rep + 1}: {name}", *per[name]), flush=True)
    for name in pooled:
        print(line(f"pooled: {name}", *pooled[name]))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("config", type=Path)
    parser.add_argument("training", type=Path)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--model", type=Path, default=Path("model"), help="model folder whose encoder embeds")
    parser.add_argument("--seen", type=Path, default=Path("corpus/real/encoder_finetune_ids.txt"),
                        help="ids of the statements the encoder was fine-tuned on")
    args = parser.parse_args()
    main(args.config, args.training, args.repeats, args.folds, args.model, args.seen)
