"""Sentence embeddings from the bundled all-MiniLM-L6-v2 export, with onnxruntime and tokenizers only.

    enc = Encoder(MODEL_DIR)                      # nlp/model/encoder.onnx + tokenizer.json
    enc.embed(["text", ...])                      # (n, 384) float32, unit length
    enc.embed(["text"], ["context"])              # the pair, read as [CLS] text [SEP] context [SEP]
    vectors, sentences = enc.embed(["A. B."], spans=[[(0, 2), (3, 5)]])   # and one vector per span

The ONNX graph (exported by nlp/scripts/export.py from the sentence-transformers weights) already
mean-pools over the attention mask and normalises, and also returns the token states, so a
sentence's vector is pooled from the same pass as its text's (read in context), for free.

Every text is run on its own (a batch of one): the int8 graph quantises activations per run, so
batching texts together would make a text's embedding depend on its neighbours. Throughput comes
from running texts in parallel threads, one core each (onnxruntime releases the GIL).
"""
from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy

ENCODER_FILE = "encoder.onnx"
TOKENIZER_FILE = "tokenizer.json"


class EncoderError(Exception):
    """The encoder files are missing or unreadable."""


class Encoder:
    def __init__(self, model_dir: str | os.PathLike, max_tokens: int = 256, threads: int | None = None):
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
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1  # parallel over texts instead (see the module docstring)
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(str(onnx_file), options, providers=["CPUExecutionProvider"])
        self.threads = threads or int(os.environ.get("ONRECORD_THREADS") or min(os.cpu_count() or 1, 8))
        self._pool = ThreadPoolExecutor(self.threads) if self.threads > 1 else None
        self.dim = int(self.session.get_outputs()[0].shape[-1])

    def embed(self, texts: list[str], contexts: list[str | None] | None = None, spans=None):
        """One unit vector per text (with its context, when one is given for it). With `spans`
        (per text, a list of (start, end) character spans of the text), also returns per text an
        (s, dim) array of the spans' vectors, pooled from the text's own tokens (a span the
        truncation cut off gets the text's vector)."""
        if not texts:
            empty = numpy.zeros((0, self.dim), dtype="float32")
            return (empty, []) if spans is not None else empty
        # Word pieces are rarely shorter than 2 characters: cutting at 8 per piece keeps every piece
        # the model reads, and spares the tokenizer (whose pair truncation is slow) a long tail.
        cut = self.max_tokens * 8
        texts = [t[:cut] for t in texts]
        if contexts is None:
            encodings = self.tokenizer.encode_batch(texts)
        else:
            contexts = [c[:cut] if c else c for c in contexts]
            encodings = [self.tokenizer.encode(t, c) if c else self.tokenizer.encode(t) for t, c in zip(texts, contexts)]
        run = self._run if spans is None else self._run_tokens
        results = list(self._pool.map(run, encodings)) if self._pool else [run(e) for e in encodings]
        if spans is None:
            return numpy.stack(results).astype("float32")
        vectors = numpy.stack([r[0] for r in results]).astype("float32")
        return vectors, [_pool_spans(e, tokens, s, v) for e, (v, tokens), s in zip(encodings, results, spans)]

    def _feed(self, encoding):
        ids = numpy.asarray([encoding.ids], dtype="int64")
        return {"input_ids": ids, "attention_mask": numpy.ones_like(ids)}

    def _run(self, encoding):
        return self.session.run(["embedding"], self._feed(encoding))[0][0]

    def _run_tokens(self, encoding):
        vector, tokens = self.session.run(["embedding", "tokens"], self._feed(encoding))
        return vector[0], tokens[0]


def _pool_spans(encoding, tokens, spans, fallback) -> numpy.ndarray:
    """Mean of the text's token states inside each span, normalised."""
    offsets = numpy.asarray(encoding.offsets)
    own = numpy.asarray([s == 0 for s in encoding.sequence_ids], dtype=bool)  # the text, not [CLS] or context
    out = numpy.empty((len(spans), tokens.shape[-1]), dtype="float32")
    for n, (start, end) in enumerate(spans):
        inside = own & (offsets[:, 0] >= start) & (offsets[:, 1] <= end)
        if not inside.any():
            out[n] = fallback
            continue
        mean = tokens[inside].mean(axis=0)
        out[n] = mean / max(float(numpy.linalg.norm(mean)), 1e-9)
    return out


def read_model_card(model_dir: str | os.PathLike) -> dict:
    """model.json beside the encoder: name, version, encoder provenance, hyperparameters used."""
    path = Path(model_dir) / "model.json"
    if not path.exists():
        raise EncoderError(f"no model.json in {model_dir} (build it: cd nlp && python -m spacy project run all)")
    return json.loads(path.read_text(encoding="utf-8"))
