"""The real stance corpus stays apart from the attribution articles the end-to-end check reads."""
import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("flag", ROOT / "nlp/scripts/flag_article_overlap.py")
flag_script = importlib.util.module_from_spec(spec)
spec.loader.exec_module(flag_script)


def test_every_statement_found_in_an_attribution_article_is_kept_out_of_training():
    articles = flag_script.articles_text(ROOT / "tests/data/attribution/real")
    rows = [json.loads(line) for path in flag_script.corpora(ROOT / "nlp/corpus/real")  # blind batches too
            for line in path.open(encoding="utf-8")]
    unflagged = [r["id"] for r in rows if not r.get("in_heldout_article") and flag_script.found_in(r["text"], articles)]
    assert not unflagged, f"run nlp/scripts/flag_article_overlap.py: {len(unflagged)} statements are in articles: {unflagged}"


def test_the_flagging_script_flags_only_what_an_article_holds(tmp_path):
    corpus = tmp_path / "s.jsonl"
    rows = [{"id": "a", "text": "Masked agents took a neighbour from the bakery today."},
            {"id": "b", "text": "Words no article holds, fictional and long enough."},
            {"id": "c", "text": "Thanks."}]
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    (tmp_path / "art" / "h1").mkdir(parents=True)
    (tmp_path / "art" / "h1" / "x.txt").write_text(
        "A fictional owner said: “Masked agents took a neighbour\nfrom the bakery today.” Thanks.", encoding="utf-8")
    assert flag_script.flag(corpus, tmp_path / "art") == 1
    got = [json.loads(line) for line in corpus.open(encoding="utf-8")]
    assert [r.get("in_heldout_article", False) for r in got] == [True, False, False]
    assert flag_script.flag(corpus, tmp_path / "art") == 0  # already flagged: nothing to rewrite
