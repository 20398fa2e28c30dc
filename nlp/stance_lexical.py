"""A second, lexical reading of a statement's own words, blended with the head's (from model 0.6.0).

The sentence encoder reads meaning; it reads the words this topic turns on ("ICE out", "thugs",
"abolish", "law and order", misspelt slogans) less sharply. A logistic regression over
character n-grams of the statement's own text (TF-IDF, the n-grams inside each word padded with a
space, as scikit-learn's `char_wb` analyzer makes them) gives label probabilities p_lex, and the
head's probabilities p_head become

    (1 - blend) * p_head + blend * p_lex

returned as log-probabilities, so temperature, sentence weights and the review threshold are
calibrated on the blend as they were on the head alone. It reads the text (or sentence) only,
never the context. Built by nlp/scripts/train.py with scikit-learn; run time needs only numpy:
the vocabulary, idf and weights ride in lexical.npz (n-grams of the training texts, no texts).
"""
from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import numpy

from onrecord.nlp.stance_head import softmax

LEXICAL_FILE = "lexical.npz"
# Words seen (a post's sentences repeat its words) -> the columns of their known n-grams.
_CACHE_WORDS = 200_000


def char_wb_ngrams(text: str, low: int, high: int) -> list[str]:
    """scikit-learn's `char_wb` analyzer (lowercased): the n-grams of each word padded with spaces."""
    return [gram for word in text.lower().split() for gram in word_ngrams(word, low, high)]


def word_ngrams(word: str, low: int, high: int) -> list[str]:
    """The n-grams of one word padded with spaces; a word no longer than n gives itself once and no
    longer n-grams."""
    word = f" {word} "
    size, grams = len(word), []
    for n in range(low, high + 1):
        if size <= n:
            grams.append(word)
            break
        grams += [word[i:i + n] for i in range(size - n + 1)]
    return grams


class Lexical:
    """Vocabulary (gram -> column), idf, weights (k, f) and bias (k,) in the head's label order."""

    def __init__(self, grams, idf, weights, bias, labels, ngram_range, blend: float):
        self.vocabulary = {str(g): n for n, g in enumerate(grams)}
        self.idf = numpy.asarray(idf, dtype="float32")
        self.weights = numpy.asarray(weights, dtype="float32")
        self.bias = numpy.asarray(bias, dtype="float32")
        self.labels = [str(label) for label in labels]
        self.ngram_range = (int(ngram_range[0]), int(ngram_range[1]))
        self.blend = float(blend)
        self._known: dict[str, list[int]] = {}

    @classmethod
    def load(cls, model_dir, card: dict) -> "Lexical | None":
        """The lexical reading a model card names ("lexical"), or None for models without one."""
        settings = card.get("lexical")
        if not settings:
            return None
        with numpy.load(Path(model_dir) / LEXICAL_FILE, allow_pickle=False) as data:
            return cls(data["grams"], data["idf"], data["weights"], data["bias"], data["labels"],
                       (settings["ngram_min"], settings["ngram_max"]), settings["blend"])

    def save(self, model_dir) -> None:
        grams = sorted(self.vocabulary, key=self.vocabulary.get)
        numpy.savez_compressed(Path(model_dir) / LEXICAL_FILE, grams=numpy.array(grams), idf=self.idf,
                               weights=self.weights, bias=self.bias, labels=numpy.array(self.labels))

    def tfidf(self, text: str) -> tuple[numpy.ndarray, numpy.ndarray]:
        """(columns, values) of the text's TF-IDF row as scikit-learn builds it: sublinear tf, times
        idf, L2-normalised; only its non-zero entries (a text has hundreds of the 38,625 n-grams)."""
        counts = Counter(column for word in text.lower().split() for column in self._columns(word))
        columns = numpy.fromiter(counts, dtype="int64", count=len(counts))
        values = numpy.fromiter((1.0 + math.log(c) for c in counts.values()), dtype="float32", count=len(counts))
        values *= self.idf[columns]
        norm = float(numpy.linalg.norm(values))
        return columns, (values / norm if norm > 0 else values)

    def _columns(self, word: str) -> list[int]:
        """The columns of a word's known n-grams (one per n-gram occurrence), remembered."""
        columns = self._known.get(word)
        if columns is None:
            if len(self._known) >= _CACHE_WORDS:
                self._known.clear()
            vocabulary = self.vocabulary
            columns = self._known[word] = [vocabulary[g] for g in word_ngrams(word, *self.ngram_range) if g in vocabulary]
        return columns

    def probabilities(self, texts: list[str]) -> numpy.ndarray:
        logits = numpy.empty((len(texts), len(self.bias)), dtype="float32")
        for row, text in enumerate(texts):
            columns, values = self.tfidf(text)
            logits[row] = self.weights[:, columns] @ values + self.bias
        return softmax(logits)

    def blended(self, head_logits, probabilities) -> numpy.ndarray:
        """Log of the blend of the head's probabilities with this reading's (`probabilities` of the
        same rows' texts), in place of the head's logits."""
        mixed = (1.0 - self.blend) * softmax(head_logits) + self.blend * probabilities
        return numpy.log(numpy.maximum(mixed, 1e-12)).astype("float32")
