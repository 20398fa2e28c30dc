"""Stance of a statement toward the watchlist's topic: condemning, supporting or silent, with evidence.

    from nlp.stance import StanceClassifier, Judgment
    clf = StanceClassifier({"id": "ice-enforcement", "name": "..."})
    clf.model                                   # "onrecord_stance-0.1.0"
    for j in clf.classify(texts, batch_size=256):
        j.stance, j.on_topic, j.confidence, j.evidence

How a statement is judged:
1. The topic gate (nlp/topic.py) runs first. Text with no topic word and no cue that implicit
   statements use is silent and off topic, and never pays for the model.
2. The trained textcat (nlp/model/, trained by the spaCy project in this folder) scores the whole
   text. Its probabilities are temperature-scaled with the temperature fitted on the tune split
   (nlp/model/calibration.json), so `confidence` reads as a probability of being right.
3. Evidence is the sentence that decided it: for a side, the sentence the textcat scores highest
   for that side; for on-topic silence, the sentence naming the topic; off topic, "".
"""
from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

from nlp.labels import SILENT
from nlp.topic import NONE, STRONG, TopicGate

MODEL_DIR = Path(__file__).parent / "model"


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

    import nlp.stance_features  # noqa: F401  registers onrecord.StanceBOW.v1 before loading

    model_dir = Path(path)
    if not (model_dir / "meta.json").exists():
        raise StanceModelError(f"no trained stance pipeline at {model_dir} (run: cd nlp && spacy project run all)")
    pipeline = spacy.load(model_dir)
    calibration_file = model_dir / "calibration.json"
    calibration = json.loads(calibration_file.read_text()) if calibration_file.exists() else {}
    return pipeline, calibration


def model_name(path: str | os.PathLike = MODEL_DIR) -> str:
    pipeline, _ = load_pipeline(str(path))
    return f"{pipeline.meta['name']}-{pipeline.meta['version']}"


class StanceClassifier:
    """Classify texts toward one watchlist topic; see the module docstring."""

    def __init__(self, topic: dict, model_dir: str | os.PathLike | None = None):
        self.topic = topic
        self.gate = TopicGate(topic)
        path = str(model_dir or os.environ.get("ONRECORD_STANCE_MODEL") or MODEL_DIR)
        self._nlp, calibration = load_pipeline(path)
        self.model = f"{self._nlp.meta['name']}-{self._nlp.meta['version']}"
        self.temperature = float(calibration.get("temperature", 1.0))
        # Share of gate-rejected tune statements that really were silent.
        self.off_topic_confidence = float(calibration.get("off_topic_confidence", 0.95))
        self._textcat = self._nlp.get_pipe("textcat")
        self._labels = list(self._textcat.labels)

    # -- public -------------------------------------------------------------------------------

    def classify(self, texts: Iterable[str], batch_size: int = 256) -> Iterator[Judgment]:
        iterator = iter(texts)
        while True:
            chunk = [t if isinstance(t, str) else "" for t in islice(iterator, batch_size)]
            if not chunk:
                return
            yield from self._classify_chunk(chunk, batch_size)

    def scores(self, text: str) -> dict:
        """Calibrated label probabilities from the model alone (no gate): for evaluation."""
        doc = self._nlp(text)
        return self._calibrated(doc.cats)

    # -- internals ----------------------------------------------------------------------------

    def _classify_chunk(self, chunk: list[str], batch_size: int) -> list[Judgment]:
        matches = [self.gate.check(text) for text in chunk]
        results: list[Judgment | None] = [None] * len(chunk)
        gated = []
        for i, match in enumerate(matches):
            if match.level == NONE:
                results[i] = Judgment(SILENT, False, self.off_topic_confidence, "")
            else:
                gated.append(i)
        docs = list(self._nlp.pipe((chunk[i] for i in gated), batch_size=batch_size))
        decided = []
        for i, doc in zip(gated, docs):
            probs = self._calibrated(doc.cats)
            stance = max(probs, key=probs.get)
            decided.append((i, doc, stance, probs[stance]))
        evidence = self._evidence(decided, matches)
        for (i, doc, stance, confidence), span in zip(decided, evidence):
            on_topic = matches[i].level == STRONG or stance != SILENT
            results[i] = Judgment(stance, on_topic, round(confidence, 4), span if on_topic else "")
        return results

    def _calibrated(self, cats: dict) -> dict:
        logits = {label: math.log(max(cats.get(label, 0.0), 1e-9)) / self.temperature for label in self._labels}
        top = max(logits.values())
        exp = {label: math.exp(v - top) for label, v in logits.items()}
        total = sum(exp.values())
        return {label: v / total for label, v in exp.items()}

    def _evidence(self, decided, matches) -> list[str]:
        """The deciding sentence per statement; one textcat pass over all candidate sentences."""
        out = [""] * len(decided)
        pending = []  # (position in decided, sentences) for statements with a side and >1 sentence
        for k, (i, doc, stance, _) in enumerate(decided):
            sents = [s for s in doc.sents if s.text.strip()]
            if stance == SILENT:
                out[k] = _sentence_at(sents, matches[i].start) if matches[i].level == STRONG else ""
            elif len(sents) <= 1:
                out[k] = doc.text.strip()
            else:
                pending.append((k, sents))
        if pending:
            sent_docs = [s.as_doc() for _, sents in pending for s in sents]
            scores = self._textcat.predict(sent_docs)
            label_index = {label: n for n, label in enumerate(self._labels)}
            row = 0
            for k, sents in pending:
                column = label_index[decided[k][2]]
                best = max(range(len(sents)), key=lambda n: float(scores[row + n][column]))
                out[k] = sents[best].text
                row += len(sents)
        return out


def _sentence_at(sents, char: int) -> str:
    for sent in sents:
        if sent.start_char <= char < sent.end_char:
            return sent.text
    return sents[0].text if sents else ""

