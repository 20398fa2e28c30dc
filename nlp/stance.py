"""Stance of a statement toward the watchlist's topic: condemning, supporting or silent, with evidence.

    from onrecord.nlp.stance import StanceClassifier
    clf = StanceClassifier({"id": "ice-enforcement", "name": "..."})
    clf.model                                   # "onrecord_stance-0.2.0"
    for j in clf.classify(["text", ("quoted words", "the sentence that frames them"), ...]):
        j.stance, j.on_topic, j.confidence, j.evidence, j.evidence_from, j.needs_review, j.side_possible

How a statement is judged (the model is built by nlp/project.yml; see nlp/config.cfg):
1. A statement with no words in its text or context (empty, only links, handles or emoji) is
   silent and off topic without the model (`note` says so).
2. The encoder (nlp/encoder.py) embeds the statement's own text (and each of its sentences,
   pooled from the same pass) and the text paired with its context (a news quote's framing
   sentence, the post a reply answers); the head (nlp/stance_head.py) scores them, with features saying what
   the text's evaluative words are aimed at (nlp/stance_targets.py) and, from model 0.5.0, with
   what the nearest labelled train statements were judged (nlp/stance_memory.py); from model 0.6.0 its
   probabilities are blended with a character n-gram reading of the same words (nlp/stance_lexical.py). A side taken in one sentence
   of a long post is not drowned by the rest (`combine`, as far as the calibrated sentence weight
   allows: 0 for models 0.4.0 to 0.5.1, whose sentences then only pick the evidence). Temperature and sentence weight were fitted on the tune
   split, so `confidence` reads as the probability of being right.
3. The topic gate (nlp/topic.py) is advisory: its verdict is a feature of the head, and it sets
   `on_topic` for silent statements that name the topic.
4. `evidence` is a verbatim span that decided it, and `evidence_from` says whose words those are:
   'text' (the leader's own) when the text alone leads to the same side, else 'context' (a
   reporter's sentence or the post answered: never the leader's words).
5. `needs_review` marks a judgment below the calibrated threshold, or on text that is plainly
   not English (the encoder reads English), or (from model 0.5.5) one the model it replaced does
   not confidently share (from 0.5.8, any model of the review chain: nlp/stance_reviewer.py);
   such a judgment never alone sets a leader's
   headline stance (db/views.py).
6. `side_possible` says whether the judgment takes a side or another reading of the same words
   does: a head of the review chain or the lexical reading, each on its own. A silent judgment
   awaiting review that another reading takes as a side is no ground for calling the leader
   silent (db/views.py): on the development articles, end to end, 59 of 301 leaders who took a
   side were shown silent before it and 29 with it (README, "Silence needs a confident word").
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

import numpy

from onrecord.nlp.encoder import Encoder, EncoderError, read_model_card
from onrecord.nlp.labels import SILENT
from onrecord.nlp.sentences import has_words, looks_english, model_text, sentence_spans
from onrecord.nlp.stance_head import Head, features, softmax
from onrecord.nlp.stance_lexical import Lexical
from onrecord.nlp.stance_memory import memory_features
from onrecord.nlp.stance_reviewer import Reviewer
from onrecord.nlp.stance_targets import target_features
from onrecord.nlp.topic import TopicGate, TopicMatch

MODEL_DIR = Path(__file__).parent / "model"
TEXT, CONTEXT = "text", "context"  # stances.evidence_from
NO_WORDS, NOT_ENGLISH = "no words to judge", "not English"
# A statement with no words says nothing on the topic; this is a rule's verdict, not the model's.
NO_WORDS_CONFIDENCE = 0.99


@dataclass(frozen=True)
class Judgment:
    stance: str  # condemning, supporting or silent (nlp.labels)
    on_topic: bool
    confidence: float  # calibrated probability that `stance` is right, 0..1
    evidence: str  # verbatim substring of the text or of the context; "" when off topic
    evidence_from: str | None = None  # TEXT or CONTEXT; None when evidence is ""
    needs_review: bool = False
    note: str = ""  # NO_WORDS or NOT_ENGLISH when one applies
    side_possible: bool = False  # the stance is a side, or another reading of the words gives one


class StanceModelError(Exception):
    """The trained stance model is missing or unreadable."""


@dataclass
class Raw:
    """Uncalibrated head logits for one statement (also what nlp/scripts/calibrate.py fits on)."""

    doc: numpy.ndarray  # (k,) the text with its context
    own: numpy.ndarray  # (k,) the text alone (the same as doc without context)
    sentences: numpy.ndarray  # (s, k) each sentence of the text alone, or one row: the text alone
    spans: list  # (start, end) of the text's sentences (as many as rows in `sentences` when scored)
    gate: TopicMatch  # the topic gate on the text
    review: numpy.ndarray | None = None  # (depth, k) the reviewers' logits (nlp/stance_reviewer.py), text with context
    lexical: numpy.ndarray | None = None  # (k,) the lexical reading's probabilities of the text alone


@lru_cache(maxsize=4)
def load_model(path: str):
    """The model card, head, encoder, reviewer and lexical reading (each of the last two or None) of a
    model folder, loaded once per process."""
    try:
        card = read_model_card(path)
        head = Head.load(path)
        encoder = Encoder(path, max_tokens=card["encoder"]["max_tokens"])
        reviewer = Reviewer.load(path, card)
        lexical = Lexical.load(path, card)
    except (EncoderError, OSError, KeyError, ValueError) as error:
        raise StanceModelError(f"stance model at {path} is unusable: {error}") from None
    return card, head, encoder, reviewer, lexical


class StanceClassifier:
    """Classify statements toward one watchlist topic; see the module docstring."""

    def __init__(self, topic: dict, model_dir: str | os.PathLike | None = None):
        self.topic = topic
        self.gate = TopicGate(topic)
        path = str(model_dir or os.environ.get("ONRECORD_STANCE_MODEL") or MODEL_DIR)
        self.card, self.head, self.encoder, self.reviewer, self.lexical = load_model(path)
        self.model = f"{self.card['name']}-{self.card['version']}"
        self.labels = self.head.labels
        self.side_columns = [n for n, label in enumerate(self.labels) if label != SILENT]
        self.use_context = bool(self.card["features"]["context"])
        self.use_gate = bool(self.card["features"]["gate"])
        # What evaluative words are aimed at (nlp/stance_targets.py); models before 0.4.0 lack it.
        self.use_targets = bool(self.card["features"].get("targets", False))
        # The memory of labelled statements (nlp/stance_memory.py); models before 0.5.0 lack it.
        self.memory = self.head.memory if self.card["features"].get("memory", False) else None
        if self.card["features"].get("memory", False) and self.memory is None:
            raise StanceModelError(f"stance model at {path} names a memory its head.npz lacks")
        self.max_chars = int(self.card["runtime"]["max_chars"])
        self.max_sentences = int(self.card["runtime"]["max_sentences"])
        calibration = self.card.get("calibration", {})
        self.temperature = float(calibration.get("temperature", 1.0))
        self.sentence_weight = float(calibration.get("sentence_weight", 1.0))
        self.review_below = float(calibration.get("review_below", 0.5))

    # -- public -------------------------------------------------------------------------------

    def classify(self, items: Iterable, batch_size: int = 256) -> Iterator[Judgment]:
        """Items are texts, or (text, context) pairs; anything that is not a string reads as ""."""
        iterator = iter(items)
        while True:
            # Longer texts are judged on their start, so evidence stays a substring of the whole.
            chunk = [(t[: self.max_chars], c[: self.max_chars]) for t, c in map(_item, islice(iterator, batch_size))]
            if not chunk:
                return
            for (text, context), raw in zip(chunk, self.raw_scores(chunk)):
                yield self.judge(text, context, raw)

    def raw_scores(self, items: list[tuple[str, str]]) -> list[Raw | None]:
        """Head logits per (text, context); None for statements with no words to judge.

        One encoder pass reads the text alone (its vector, and each sentence's vector pooled from
        the same pass), one more the text with its context, when it has one."""
        out: list[Raw | None] = [None] * len(items)
        todo = [i for i, (text, context) in enumerate(items) if has_words(text) or has_words(context)]
        if not todo:
            return out
        texts = [items[i][0][: self.max_chars] for i in todo]
        contexts = [model_text(items[i][1][: self.max_chars]) if items[i][1] else "" for i in todo]
        spans = [sentence_spans(t, self.max_sentences) for t in texts]
        gates = [self.gate.check(t) for t in texts]  # offsets into the text itself
        levels = [g.level for g in gates]
        own, sentence_vectors = self.encoder.embed([model_text(t) for t in texts], spans=spans)
        with_context = [n for n, c in enumerate(contexts) if c and self.use_context]
        joined = own.copy()
        if with_context:
            joined[with_context] = self.encoder.embed([model_text(texts[n]) for n in with_context],
                                                      [contexts[n] for n in with_context])
        targets = self._targets(texts)
        lexical = self._lexical(texts)  # the text's own words: the same for doc and own
        doc_logits = self._blend(self.head.logits(features(own, joined, levels, self.use_context, self.use_gate,
                                                           targets, self._memory(own, joined))), lexical)
        review = self.reviewer.logits(own, joined, levels, targets, texts) if self.reviewer else [None] * len(todo)
        own_logits = (self._blend(self.head.logits(features(own, None, levels, self.use_context, self.use_gate,
                                                            targets, self._memory(own, own))), lexical)
                      if with_context else doc_logits)
        split = [n for n in range(len(todo)) if len(spans[n]) > 1]
        if split:
            rows = numpy.concatenate([sentence_vectors[n] for n in split])
            row_texts = [texts[n][a:b] for n in split for a, b in spans[n]]
            row_levels = [self.gate.check(t).level for t in row_texts]
            logits = self._blend(self.head.logits(features(rows, None, row_levels, self.use_context, self.use_gate,
                                                           self._targets(row_texts), self._memory(rows, rows))),
                                 self._lexical(row_texts))
            bounds = numpy.cumsum([0] + [len(spans[n]) for n in split])
            sentence_logits = {n: logits[bounds[k] : bounds[k + 1]] for k, n in enumerate(split)}
        for n, i in enumerate(todo):
            rows = sentence_logits[n] if n in split else own_logits[n][None, :]
            out[i] = Raw(doc_logits[n], own_logits[n], rows, spans[n], gates[n], review[n],
                         None if lexical is None else lexical[n])
        return out

    def _lexical(self, texts: list[str]):
        """The lexical reading's probabilities of the texts (from model 0.6.0), or None."""
        return None if self.lexical is None else self.lexical.probabilities(texts)

    def _blend(self, logits, lexical):
        """The head's logits, or the log of their blend with the lexical reading's probabilities."""
        return logits if lexical is None else self.lexical.blended(logits, lexical)

    def _reviewer_agrees(self, raw: Raw, label: int) -> bool:
        return self.reviewer is None or raw.review is None or self.reviewer.agrees(raw.review, label)

    def _another_reading_sides(self, raw: Raw) -> bool:
        """Whether a head of the review chain or the lexical reading, each read on its own, gives a side."""
        readings = ([] if raw.review is None else list(raw.review)) + ([] if raw.lexical is None else [raw.lexical])
        return any(int(numpy.argmax(reading)) in self.side_columns for reading in readings)

    def _targets(self, texts: list[str]):
        return target_features(texts, self.card["features"]) if self.use_targets else None

    def _memory(self, own, joined):
        """Memory features as training built them (joined is own where the model reads no context)."""
        if self.memory is None:
            return None
        features_cfg = self.card["features"]
        return memory_features(own, joined if self.use_context else own, self.memory,
                               int(features_cfg["memory_k"]), float(features_cfg["memory_scale"]))

    def judge(self, text: str, context: str, raw: Raw | None) -> Judgment:
        """The calibrated judgment of one statement from its raw scores."""
        if raw is None:
            return Judgment(SILENT, False, NO_WORDS_CONFIDENCE, "", None, False, NO_WORDS)
        probs, best = combine(raw.doc, raw.sentences, self.temperature, self.side_columns, self.sentence_weight)
        k = int(probs.argmax())
        stance, confidence = self.labels[k], round(float(probs[k]), 4)
        english = looks_english(text) and (not context or looks_english(context) or has_words(text))
        needs_review = confidence < self.review_below or not english or not self._reviewer_agrees(raw, k)
        note = "" if english else NOT_ENGLISH
        sided = stance != SILENT or self._another_reading_sides(raw)
        if stance != SILENT:
            own, _ = combine(raw.own, raw.sentences, self.temperature, self.side_columns, self.sentence_weight)
            if not context or (has_words(text) and int(own.argmax()) == k):
                scored = len(raw.sentences) == len(raw.spans)  # sentence k of the rows is span k
                evidence = _span_text(text, raw.spans[best[k]]) if scored else text.strip()
                return Judgment(stance, True, confidence, evidence, TEXT, needs_review, note, sided)
            return Judgment(stance, True, confidence, _context_evidence(text, context, self.gate), CONTEXT,
                            needs_review, note, sided)
        if raw.gate.on_topic:
            return Judgment(SILENT, True, confidence, _sentence_at(text, raw.spans, raw.gate.start), TEXT,
                            needs_review, note, sided)
        if context:
            match = self.gate.check(context)
            if match.on_topic:
                return Judgment(SILENT, True, confidence, _sentence_at(context, sentence_spans(context), match.start),
                                CONTEXT, needs_review, note, sided)
        return Judgment(SILENT, False, confidence, "", None, needs_review, note, sided)


def combine(doc_logits, sentence_logits, temperature: float, side_columns, sentence_weight: float = 1.0):
    """Calibrated label probabilities for a statement, and per label the sentence that scores it best.

    A side taken in one sentence of a long post must not be drowned by the other sentences (a
    launch announcement followed by one line condemning the raids condemns), so each side's
    probability is the larger of the whole statement's and its best sentence's (times
    `sentence_weight`); silence keeps the whole statement's. Both are temperature-scaled first;
    the result is renormalised. Temperature and weight are fitted together on the tune split.
    """
    doc_p = softmax(doc_logits, temperature)
    sent_p = softmax(numpy.atleast_2d(sentence_logits), temperature)
    best = sent_p.argmax(axis=0)
    probs = doc_p.copy()
    for column in side_columns:
        probs[column] = max(doc_p[column], sentence_weight * sent_p[best[column], column])
    return probs / probs.sum(), best


def _item(x) -> tuple[str, str]:
    if isinstance(x, (tuple, list)) and len(x) == 2:
        text, context = x
    else:
        text, context = x, ""
    return (text if isinstance(text, str) else "", context if isinstance(context, str) else "")


def _span_text(text: str, span) -> str:
    return text[span[0] : span[1]]


def _sentence_at(text: str, spans, char: int) -> str:
    for start, end in spans:
        if start <= char < end:
            return text[start:end]
    return _span_text(text, spans[0]) if spans else text.strip()


def _context_evidence(text: str, context: str, gate: TopicGate) -> str:
    """The context sentence that decided: the one framing the quote, else the one naming the topic,
    else the first."""
    spans = sentence_spans(context)
    if not spans:
        return context.strip()
    probe = text.strip().strip("\"'“”‘’")[:40]
    for start, end in spans:
        if probe and probe in context[start:end]:
            return context[start:end]
    match = gate.check(context)
    if match.on_topic:
        return _sentence_at(context, spans, match.start)
    return _span_text(context, spans[0])
