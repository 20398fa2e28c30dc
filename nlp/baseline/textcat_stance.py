"""FROZEN BASELINE: the spaCy textcat stance classifier of onrecord_stance-0.1.0, kept unchanged so
bench/stance_eval.py can measure the current model against it in the same run. Not shipped in the
wheel and not used at run time (nlp/stance.py is).

Stance of a statement toward the watchlist's topic: condemning, supporting or silent, with evidence.

    from onrecord.nlp.stance import StanceClassifier, Judgment
    clf = StanceClassifier({"id": "ice-enforcement", "name": "..."})
    clf.model                                   # "onrecord_stance-0.1.0"
    for j in clf.classify(texts, batch_size=256):
        j.stance, j.on_topic, j.confidence, j.evidence

How a statement is judged:
1. The topic gate (nlp/topic.py) runs first. Text with no topic word and no cue that implicit
   statements use is silent and off topic, and never pays for the model.
2. The trained textcat (nlp/model/, trained by the spaCy project in this folder, on a blank
   tokenizer: no parser) scores the whole text and, for longer posts, each sentence. Scores are
   temperature-scaled and combined (`combine`) with the parameters fitted on the tune split
   (nlp/model/calibration.json), so `confidence` reads as a probability of being right.
3. Evidence is the sentence that decided it: for a side, the sentence the textcat scores highest
   for that side; for on-topic silence, the sentence naming the topic; off topic, "".
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

from onrecord.nlp.labels import SILENT
from onrecord.nlp.topic import NONE, TopicGate

MODEL_DIR = Path(__file__).parent / "textcat"
MAX_CHARS = 100_000  # longer texts are judged on their start (spaCy refuses texts over 1M characters)


@dataclass(frozen=True)
class Judgment:
    stance: str  # condemning, supporting or silent (nlp.labels)
    on_topic: bool
    confidence: float  # calibrated probability that `stance` is right, 0..1
    evidence: str  # verbatim substring of the text; "" when off topic


class StanceModelError(Exception):
    """The trained stance pipeline is missing or unreadable."""


@lru_cache(maxsize=4)
def load_pipeline(path: str):
    """Load the trained pipeline once per process (and its calibration)."""
    import spacy

    import onrecord.nlp.baseline.stance_features  # noqa: F401  registers onrecord.StanceBOW.v1 before loading

    model_dir = Path(path)
    if not (model_dir / "meta.json").exists():
        raise StanceModelError(f"no trained stance pipeline at {model_dir} (run: cd nlp && spacy project run all)")
    pipeline = spacy.load(model_dir)
    calibration_file = model_dir / "calibration.json"
    calibration = json.loads(calibration_file.read_text()) if calibration_file.exists() else {}
    return pipeline, calibration


class StanceClassifier:
    """Classify texts toward one watchlist topic; see the module docstring."""

    def __init__(self, topic: dict, model_dir: str | os.PathLike | None = None):
        self.topic = topic
        self.gate = TopicGate(topic)
        path = str(model_dir or MODEL_DIR)
        self._nlp, calibration = load_pipeline(path)
        self.model = f"{self._nlp.meta['name']}-{self._nlp.meta['version']}"
        self.temperature = float(calibration.get("temperature", 1.0))
        self.sentence_weight = float(calibration.get("sentence_weight", 1.0))
        # Share of gate-rejected tune statements that really were silent.
        self.off_topic_confidence = float(calibration.get("off_topic_confidence", 0.95))
        self._textcat = self._nlp.get_pipe("textcat")
        self.labels = list(self._textcat.labels)  # the model's column order
        self.side_columns = [n for n, label in enumerate(self.labels) if label != SILENT]

    # -- public -------------------------------------------------------------------------------

    def classify(self, texts: Iterable[str], batch_size: int = 256) -> Iterator[Judgment]:
        iterator = iter(texts)
        while True:
            chunk = [t if isinstance(t, str) else "" for t in islice(iterator, batch_size)]
            if not chunk:
                return
            yield from self._classify_chunk(chunk, batch_size)

    # -- internals ----------------------------------------------------------------------------

    def raw_scores(self, texts: list[str], batch_size: int = 256, matches=None):
        """Uncalibrated model scores for texts that pass the gate: (doc, doc scores, sentences,
        sentence scores) per text, None for gate-rejected ones. Used by calibration too."""
        import numpy

        out = [None] * len(texts)
        matches = matches or [self.gate.check(text) for text in texts]
        gated = [i for i, match in enumerate(matches) if match.level != NONE]
        docs = list(self._nlp.pipe((texts[i][:MAX_CHARS] for i in gated), batch_size=batch_size))
        sentences = [[s for s in doc.sents if s.text.strip()] for doc in docs]
        # Only multi-sentence posts need sentence scores; spans go straight into the model (its
        # features read tokens only), which avoids copying each sentence into a new Doc.
        spans = [s for sents in sentences if len(sents) > 1 for s in sents]
        span_scores = self._textcat.model.predict(spans) if spans else numpy.zeros((0, len(self.labels)))
        row = 0
        for i, doc, sents in zip(gated, docs, sentences):
            doc_scores = numpy.array([doc.cats[label] for label in self.labels])
            if len(sents) > 1:
                sent_scores = numpy.asarray(span_scores[row : row + len(sents)])
                row += len(sents)
            else:
                sents, sent_scores = [doc[:]], doc_scores[None, :]
            out[i] = (doc, doc_scores, sents, sent_scores)
        return out

    def _classify_chunk(self, chunk: list[str], batch_size: int) -> list[Judgment]:
        results = []
        matches = [self.gate.check(text) for text in chunk]
        for match, raw in zip(matches, self.raw_scores(chunk, batch_size, matches)):
            if raw is None:
                results.append(Judgment(SILENT, False, self.off_topic_confidence, ""))
                continue
            doc, doc_scores, sents, sent_scores = raw
            probs, best_sentence = combine(
                doc_scores, sent_scores, self.temperature, self.side_columns, self.sentence_weight
            )
            k = int(probs.argmax())
            stance = self.labels[k]
            on_topic = match.on_topic or stance != SILENT
            if stance != SILENT:
                evidence = sents[best_sentence[k]].text
            elif match.on_topic:
                evidence = _sentence_at(sents, match.start)
            else:
                evidence = ""
            results.append(Judgment(stance, on_topic, round(float(probs[k]), 4), evidence))
        return results


def combine(doc_scores, sent_scores, temperature: float, side_columns, sentence_weight: float = 1.0):
    """Calibrated label probabilities for a statement, and per label the sentence that scores it best.

    A side taken in one sentence of a long post must not be drowned by the other sentences (a
    launch announcement followed by one line condemning the raids condemns), so each side's
    score is the larger of the whole text's and its best sentence's (times `sentence_weight`);
    silence keeps the whole text's. Both are temperature-scaled first; the result is
    renormalised. Temperature and weight are fitted together on the tune split.
    """
    import numpy

    def scale(scores):
        logits = numpy.log(numpy.clip(scores, 1e-9, 1.0)) / temperature
        logits -= logits.max(axis=-1, keepdims=True)
        e = numpy.exp(logits)
        return e / e.sum(axis=-1, keepdims=True)

    doc_p = scale(numpy.asarray(doc_scores, dtype="float64"))
    sent_p = scale(numpy.asarray(sent_scores, dtype="float64"))
    best_sentence = sent_p.argmax(axis=0)
    probs = doc_p.copy()
    for column in side_columns:
        probs[column] = max(doc_p[column], sentence_weight * sent_p[best_sentence[column], column])
    return probs / probs.sum(), best_sentence


def _sentence_at(sents, char: int) -> str:
    for sent in sents:
        if sent.start_char <= char < sent.end_char:
            return sent.text
    return sents[0].text if sents else ""

