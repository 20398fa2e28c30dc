"""Attribution on the REAL development articles (tests/data/attribution/real/dev: verbatim
excerpts of published reporting, with outlet, date and URL in articles.jsonl).

Only the dev split is read here: the held-out split is measured by bench/attribution.py, rarely,
and never by the test suite (every run would be a look at it).
"""
import importlib.util
from pathlib import Path

import pytest

from onrecord.nlp.quotes import QuoteFinder

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_attribution", ROOT / "bench" / "attribution.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def dev(bench):
    leaders, articles, expected, meta = bench.load_real("dev")
    names = list(articles)
    predicted = dict(zip(names, QuoteFinder(leaders).find_many([articles[n] for n in names])))
    return predicted, expected, meta


def test_no_words_for_a_leader_only_mentioned(bench, dev):
    predicted, _expected, meta = dev
    assert bench.mentioned_only(predicted, meta) == []


def test_direct_quotes_floor(bench, dev):
    predicted, expected, _meta = dev
    result = bench.score(bench.of_kind(predicted, "quote"), [r for r in expected if r["kind"] == "direct"])
    assert result["precision"] >= 0.98, result["wrong"]
    assert result["recall"] >= 0.80, [r["quote"] for r in result["misses"]]


def test_paraphrases_floor(bench, dev):
    predicted, expected, _meta = dev
    result = bench.score(bench.of_kind(predicted, "paraphrase"), [r for r in expected if r["kind"] == "paraphrase"],
                         lenient=True)
    assert result["precision"] >= 0.95, result["wrong"]
    assert result["recall"] >= 0.65, [r["quote"] for r in result["misses"]]


def test_the_held_out_split_is_not_read(bench):
    assert all(name.startswith("dev/") for name in bench.load_real("dev")[1])
