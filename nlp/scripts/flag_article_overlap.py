"""Flag the real statements whose words appear in a held-out attribution article.

    python scripts/flag_article_overlap.py [corpus/real/statements.jsonl] [../tests/data/attribution/real]

Sets `in_heldout_article: true` on every statement (of statements.jsonl and of the blind batches,
which join training once spent) whose text (spacing and case aside, at least
`MIN_CHARS` characters) is found in an excerpt of the real attribution set, so scripts/convert.py
keeps it out of training and tuning and `bench/attribution.py --stance` never judges words the
model was trained on. Run it whenever an attribution batch is added (tests/nlp/test_stance_corpus.py
fails until it is). Only the lines it flags are rewritten; it prints counts, never texts.
"""
import argparse
import json
from pathlib import Path

from onrecord.nlp.stance_data import text_key

# Shorter texts ("Thank you.") turn up in articles by chance.
MIN_CHARS = 20


def articles_text(folder: Path) -> str:
    return "\n".join(text_key(f.read_text(encoding="utf-8")) for f in sorted(folder.rglob("*.txt")))


def found_in(text: str, articles: str) -> bool:
    key = text_key(text)
    return len(key) >= MIN_CHARS and key in articles


def corpora(real: Path) -> list[Path]:
    """The files flagged: the corpus and every blind batch beside it (spent ones are trained on)."""
    return [real / "statements.jsonl", *sorted(real.glob("blind*.jsonl"))]


def flag(corpus: Path, folder: Path) -> int:
    articles = articles_text(folder)
    lines = corpus.read_text(encoding="utf-8").splitlines()
    flagged = 0
    for n, line in enumerate(lines):
        row = json.loads(line)
        if not row.get("in_heldout_article") and found_in(row["text"], articles):
            row["in_heldout_article"] = True
            lines[n] = json.dumps(row, ensure_ascii=False)
            flagged += 1
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return flagged


if __name__ == "__main__":
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, nargs="?", help="default: statements.jsonl and every blind*.jsonl")
    parser.add_argument("articles", type=Path, nargs="?", default=here.parent / "tests/data/attribution/real")
    args = parser.parse_args()
    for corpus in [args.corpus] if args.corpus else corpora(here / "corpus/real"):
        print(f"{corpus.name}: {flag(corpus, args.articles)} more statements flagged in_heldout_article")
