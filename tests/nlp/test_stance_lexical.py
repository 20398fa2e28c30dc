"""The lexical reading blended into the stance head (nlp/stance_lexical.py): its n-grams are
scikit-learn's `char_wb` n-grams (checked against scikit-learn by nlp/scripts/train.py at build time;
here against the same algorithm worked by hand), its vectors are TF-IDF rows as scikit-learn builds
them, and the blend is a probability mix returned as log-probabilities. FICTIONAL texts."""
import math

import numpy
import pytest

from onrecord.nlp.labels import LABELS
from onrecord.nlp.stance import MODEL_DIR, StanceClassifier
from onrecord.nlp.stance_data import TOPIC
from onrecord.nlp.stance_head import softmax
from onrecord.nlp.stance_lexical import Lexical, char_wb_ngrams


def test_ngrams_are_those_inside_each_word_padded_with_spaces():
    assert char_wb_ngrams("ICE out", 2, 3) == [" i", "ic", "ce", "e ", " ic", "ice", "ce ",
                                               " o", "ou", "ut", "t ", " ou", "out", "ut "]
    # a word shorter than n gives itself once, padded; runs of white space are one
    assert char_wb_ngrams("a \n\t I", 2, 3) == [" a", "a ", " a ", " i", "i ", " i "]
    assert char_wb_ngrams("", 2, 5) == []


@pytest.fixture
def lexical():
    grams = [" i", "ic", "ce", " o", "ut", "ice"]
    idf = numpy.array([1.0, 2.0, 1.5, 1.0, 3.0, 2.5])
    weights = numpy.arange(18, dtype="float32").reshape(3, 6) / 10
    return Lexical(grams, idf, weights, numpy.zeros(3), LABELS, (2, 3), 0.25)


def test_rows_are_sublinear_tf_idf_of_unit_length(lexical):
    columns, values = lexical.tfidf("ice ice out")
    counts = {" i": 2, "ic": 2, "ce": 2, " o": 1, "ut": 1, "ice": 2}
    raw = {lexical.vocabulary[g]: (1 + math.log(n)) * lexical.idf[lexical.vocabulary[g]] for g, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in raw.values()))
    assert dict(zip(columns.tolist(), values.tolist())) == pytest.approx({c: v / norm for c, v in raw.items()}, rel=1e-5)
    columns, values = lexical.tfidf("zzz")  # no known n-gram: an empty row, never a division by zero
    assert not len(columns) and lexical.probabilities(["zzz"]) == pytest.approx(softmax(lexical.bias[None, :]))


def test_blend_mixes_probabilities_and_returns_their_log(lexical):
    head = numpy.array([[2.0, -1.0, 0.5]])
    mixed = numpy.exp(lexical.blended(head, lexical.probabilities(["ice out"])))
    expected = 0.75 * softmax(head) + 0.25 * lexical.probabilities(["ice out"])
    assert mixed == pytest.approx(expected, rel=1e-5)
    assert mixed.sum() == pytest.approx(1.0)


def test_save_and_load_round_trip(lexical, tmp_path):
    lexical.save(tmp_path)
    card = {"lexical": {"ngram_min": 2, "ngram_max": 3, "blend": 0.25}}
    again = Lexical.load(tmp_path, card)
    assert again.vocabulary == lexical.vocabulary and again.labels == lexical.labels
    assert again.probabilities(["ice out"]) == pytest.approx(lexical.probabilities(["ice out"]))
    assert Lexical.load(tmp_path, {}) is None  # a card without one: models before 0.6.0


def test_the_shipped_model_reads_its_lexical_reading_when_its_card_names_one():
    clf = StanceClassifier(TOPIC)
    if not clf.card.get("lexical"):
        pytest.skip("the shipped model blends no lexical reading")
    assert (MODEL_DIR / "lexical.npz").exists() and clf.lexical.blend == clf.card["lexical"]["blend"]
    assert len(clf.lexical.idf) == clf.card["lexical"]["features"]
    text = "FICTIONAL: Tomas Reyna says the raids on his crews must end now."
    raw = clf.raw_scores([(text, "")])[0]
    assert numpy.exp(raw.doc).sum() == pytest.approx(1.0, rel=1e-4)  # the blend's log-probabilities
    assert numpy.exp(raw.own) == pytest.approx(numpy.exp(raw.doc), rel=1e-4)  # no context: the same reading
