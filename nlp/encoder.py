"""Sentence embeddings from the bundled all-MiniLM-L6-v2 export, with onnxruntime and tokenizers only.

    enc = Encoder(MODEL_DIR)              # nlp/model/encoder.onnx + tokenizer.json (+ model.json)
    enc.embed(["text", ...])             # (n, 384) float32, unit length
    enc.embed(["text"], ["context"])     # the pair, encoded as [CLS] text [SEP] context [SEP]

The ONNX graph (exported by nlp/scripts/export.py from the sentence-transformers weights) already
mean-pools over the attention mask and normalises, so run time needs no torch. Texts are sorted by
length before batching, so a batch pads to its own longest text, not the longest of all.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import numpy

ENCODER_FILE = "encoder.onnx"
TOKENIZER_FILE = "tokenizer.json"


class EncoderError(Exception):
    """The encoder files are missing or unreadable."""


class Encoder:
    def __init__(self, model_dir: str | os.PathLike, max_tokens: int = 256, batch_size: int = 64,
                 threads: int | None = None):
        import onnxruntime
        from tokenizers import Tokenizer

        model_dir = Path(model_dir)
        onnx_file, tokenizer_file = model_dir / ENCODER_FILE, model_dir / TOKENIZER_FILE
        for needed in (onnx_file, tokenizer_file):
            if not needed.exists():
                raise EncoderError(f"no {needed.name} in {model_dir} (build it: cd nlp && python -m spacy project run all)")
        self.tokenizer = Tokenizer.from_file(str(tokenizer_file))
        self.max_tokens = max_tokens
        self.tokenizer.enable_truncation(max_tokens, strategy="longest_first")
        self.tokenizer.no_padding()
        self.pad_id = self.tokenizer.token_to_id("[PAD]") or 0
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or int(os.environ.get("ONRECORD_THREADS", "0"))
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(str(onnx_file), options, providers=["CPUExecutionProvider"])
        self.batch_size = batch_size
        self.dim = int(self.session.get_outputs()[0].shape[-1])

    def embed(self, texts: list[str], contexts: list[str | None] | None = None) -> numpy.ndarray:
        """One unit vector per text (with its context, when one is given for it)."""
        if not texts:
            return numpy.zeros((0, self.dim), dtype="float32")
        # Word pieces are rarely shorter than 2 characters: cutting at 8 per piece keeps every piece
        # the model reads, and spares the tokenizer (whose pair truncation is slow) a long tail.
        cut = self.max_tokens * 8
        texts = [t[:cut] for t in texts]
        if contexts is not None:
            contexts = [c[:cut] if c else c for c in contexts]
        if contexts is None:
            encodings = self.tokenizer.encode_batch(list(texts))
        else:
            encodings = [None] * len(texts)
            pairs = [i for i, c in enumerate(contexts) if c]
            singles = [i for i, c in enumerate(contexts) if not c]
            for i, e in zip(singles, self.tokenizer.encode_batch([texts[i] for i in singles])):
                encodings[i] = e
            for i, e in zip(pairs, self.tokenizer.encode_batch([(texts[i], contexts[i]) for i in pairs])):
                encodings[i] = e
        order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
        out = numpy.empty((len(encodings), self.dim), dtype="float32")
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            width = max(len(encodings[i].ids) for i in rows)
            ids = numpy.full((len(rows), width), self.pad_id, dtype="int64")
            mask = numpy.zeros((len(rows), width), dtype="int64")
            for r, i in enumerate(rows):
                n = len(encodings[i].ids)
                ids[r, :n] = encodings[i].ids
                mask[r, :n] = 1
            out[rows] = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        return out


def read_model_card(model_dir: str | os.PathLike) -> dict:
    """model.json beside the encoder: name, version, encoder provenance, hyperparameters used."""
    path = Path(model_dir) / "model.json"
    if not path.exists():
        raise EncoderError(f"no model.json in {model_dir} (build it: cd nlp && python -m spacy project run all)")
    return json.loads(path.read_text(encoding="utf-8"))
