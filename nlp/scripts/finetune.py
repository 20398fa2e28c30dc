"""Fine-tune the sentence encoder on the stance labels before export (when fine_tune.epochs > 0).

    python scripts/finetune.py config.cfg training/train.jsonl training/finetuned

The transformer and a linear layer over its mean-pooled, normalised embedding are trained
together with cross-entropy on the train split (a statement with context is read as the pair
text + context, as run time reads it; sample weights from scripts/convert.py; classes balanced).
The linear layer is thrown away: scripts/train.py fits the head on the exported encoder's
embeddings like for the frozen encoder. With several `fine_tune.seeds`, the encoder is fine-tuned
once per seed from the same pretrained weights and the runs' weights are averaged (a uniform
"model soup", Wortsman et al. 2022): one encoder at run time, as cheap as one run, with less of
the seed-to-seed variance of fine-tuning on a few hundred statements. Writes a
sentence-transformers-style folder (weights, config, tokenizer.json) for scripts/export.py
--finetuned. With 0 epochs, writes nothing.
"""
import argparse
import importlib
import math
import random
import shutil
from collections import Counter
from pathlib import Path

from onrecord.nlp.labels import LABELS
from onrecord.nlp.sentences import model_text
from onrecord.nlp.stance_data import read_config, read_jsonl


def finetune(config: Path, train_file: Path, out: Path) -> None:
    cfg = read_config(config)
    enc, ft = cfg["encoder"], cfg["fine_tune"]
    if enc.get("reuse"):
        print(f"encoder.reuse is {enc['reuse']!r}: no fine-tuning (scripts/export.py copies that encoder)")
        return
    if ft["epochs"] <= 0:
        print("fine_tune.epochs is 0: the encoder stays frozen")
        return
    source = Path(importlib.import_module(enc["package"]).get_model_path())
    rows = read_jsonl(train_file)
    seeds = ft.get("seeds") or [ft["seed"]]
    runs = []
    for seed in seeds:
        print(f"fine-tuning with seed {seed} ({len(runs) + 1} of {len(seeds)})", flush=True)
        runs.append(train_one(source, rows, ft, seed))
    model = runs[0]
    if len(runs) > 1:
        states = [m.state_dict() for m in runs]
        soup = {k: (sum(s[k] for s in states) / len(states) if v.is_floating_point() else v)
                for k, v in states[0].items()}
        model.load_state_dict(soup)
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out)
    shutil.copy(source / "tokenizer.json", out / "tokenizer.json")
    for name in ("tokenizer_config.json", "special_tokens_map.json", "vocab.txt"):
        if (source / name).exists():
            shutil.copy(source / name, out / name)
    print(f"fine-tuned {enc['name']} on {len(rows)} statements, seeds {seeds}"
          f"{' (weights averaged)' if len(runs) > 1 else ''} -> {out}")


def train_one(source: Path, rows: list[dict], ft: dict, seed: int):
    """The pretrained encoder fine-tuned with one seed (the head's initialisation and the batch order)."""
    # Imported here: with encoder.reuse (or 0 epochs) the build needs neither torch nor transformers.
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.set_num_threads(2)
    torch.manual_seed(seed)
    random.seed(seed)
    tokenizer = AutoTokenizer.from_pretrained(source)
    model = AutoModel.from_pretrained(source)
    head = torch.nn.Linear(model.config.hidden_size, len(LABELS))
    y = torch.tensor([LABELS.index(r["stance"]) for r in rows])
    counts = Counter(r["stance"] for r in rows)
    class_weight = torch.tensor([len(rows) / (len(LABELS) * counts[label]) for label in LABELS], dtype=torch.float)
    weights = torch.tensor([r.get("weight", 1.0) for r in rows], dtype=torch.float)
    params = [{"params": model.parameters(), "lr": ft["learn_rate"]},
              {"params": head.parameters(), "lr": ft["head_learn_rate"]}]
    optimizer = torch.optim.AdamW(params, weight_decay=ft["weight_decay"])
    steps = ft["epochs"] * math.ceil(len(rows) / ft["batch_size"])
    warmup = int(steps * ft["warmup_share"])
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min(1.0, (s + 1) / max(warmup, 1)) * max(0.0, (steps - s) / max(steps - warmup, 1)))
    model.train()
    for epoch in range(ft["epochs"]):
        order = list(range(len(rows)))
        random.shuffle(order)
        total = 0.0
        for start in range(0, len(order), ft["batch_size"]):
            batch = order[start : start + ft["batch_size"]]
            texts = [model_text(rows[i]["text"]) for i in batch]
            contexts = [model_text(rows[i]["context"]) if rows[i].get("context") else None for i in batch]
            encoded = [tokenizer(t, c, truncation="longest_first", max_length=ft["max_tokens"]) if c
                       else tokenizer(t, truncation=True, max_length=ft["max_tokens"]) for t, c in zip(texts, contexts)]
            padded = tokenizer.pad([{"input_ids": e["input_ids"], "attention_mask": e["attention_mask"]} for e in encoded],
                                   return_tensors="pt")
            hidden = model(input_ids=padded["input_ids"], attention_mask=padded["attention_mask"]).last_hidden_state
            mask = padded["attention_mask"].unsqueeze(-1).float()
            pooled = torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9), dim=-1)
            logits = head(pooled) * ft["logit_scale"]
            loss = torch.nn.functional.cross_entropy(logits, y[batch], weight=class_weight, reduction="none")
            loss = (loss * weights[batch]).sum() / weights[batch].sum()
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            total += float(loss.detach()) * len(batch)
        print(f"  epoch {epoch + 1}/{ft['epochs']}: loss {total / len(rows):.4f}", flush=True)
    return model.eval()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("config", type=Path)
    parser.add_argument("train_file", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    finetune(args.config, args.train_file, args.out)
