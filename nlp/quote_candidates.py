"""Candidate quotes: the quoted passages of one parsed article, as tokens.

The first step of attribution after the parse. quote_marks.py finds the character ranges of
quoted passages; this maps them onto the parse (which tokens each quote holds, `in_quote`), adds
the unmarked paragraph that follows "Okonkwo posted on Bluesky:", and answers the questions the
rules ask about positions: which sentence or paragraph a character is in, what lies between two
quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from onrecord.nlp.quote_marks import Span, find_spans
from onrecord.nlp.speech_verbs import is_speech

_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|we|We|our|Our|us|my|My|me)\b")
_NAME_SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "a", "an", "to", "at"})


@dataclass
class Attribution:
    """Who said a quoted or reported passage, by which rule, and the sentences that say so."""
    leader_id: str
    pattern: str
    sents: list = field(default_factory=list)  # spaCy sentences that attribute the passage
    note: str = ""                              # more context: an embedded post's byline
    kind: str = "quote"                         # "quote" (words in marks) or "paraphrase"


class ParsedArticle:
    """One article's parse and its quoted passages.

    spans[i] is a quoted passage, span_tokens[i] its tokens; in_quote[token index] is the index
    of the passage holding that token, or -1 outside any quote.
    """

    def __init__(self, doc, ranges, names_re: re.Pattern):
        self.doc = doc
        self.text = doc.text
        self.ranges = ranges
        self.spans = find_spans(self.text, ranges)  # first: _unmarked_blocks skips what these cover
        self.spans = sorted(self.spans + self._unmarked_blocks(names_re), key=lambda s: s.open_at)
        self.in_quote = [-1] * len(doc)
        self.span_tokens: list[list] = []
        for index, span in enumerate(self.spans):
            tokens = []
            for a, b in span.parts:
                chars = doc.char_span(a, b, alignment_mode="expand")
                if chars is not None:
                    tokens.extend(chars)
            for t in tokens:
                self.in_quote[t.i] = index
            if not span.block:  # the marks themselves belong to the quote too
                for at in (span.open_at, span.close_at - 1):
                    mark = doc.char_span(at, at + 1, alignment_mode="expand")
                    for t in mark or []:
                        if self.in_quote[t.i] == -1 and t.is_punct:
                            self.in_quote[t.i] = index
            self.span_tokens.append(tokens)

    def _unmarked_blocks(self, names_re) -> list[Span]:
        """A paragraph without quote marks after a paragraph ending "Okonkwo posted on Bluesky:"
        is the post itself (an embed or a blockquote that lost its markup)."""
        out = []
        for (a, b, _blk), (na, nb, nblock) in zip(self.ranges, self.ranges[1:]):
            if nblock or not self.text[a:b].endswith(":"):
                continue
            if any(ch in self.text[na:nb] for ch in '"“”'):
                continue
            if any(s.open_at <= na < s.close_at for s in self.spans):
                continue
            # An embed the extractor lost leaves the reporter's next paragraph here: only a
            # paragraph in the first person, that names no leader, reads as the post.
            if not _FIRST_PERSON.search(self.text[na:nb]) or names_re.search(self.text[na:nb]):
                continue
            sent = self.sent_of(b - 1)  # the sentence ending in the colon
            if sent is not None and any(is_speech(t) for t in sent):
                out.append(Span([(na, nb)], na, nb, block=True))
        return out

    @cached_property
    def sentences(self) -> list:
        """The article's sentences, listed once for every pronoun that looks back."""
        return list(self.doc.sents)

    def sent_of(self, char: int):
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0].sent if span is not None and len(span) else None

    def starts_paragraph(self, sent) -> bool:
        start = sent[0].idx
        return any(start == a for a, _b, _blk in self.ranges)

    def paragraph_of(self, char: int) -> int:
        for number, (a, b, _block) in enumerate(self.ranges):
            if a <= char < b + 2:
                return number
        return -1

    def whole_paragraph(self, span: Span, paragraph: int) -> bool:
        start, end, _block = self.ranges[paragraph]
        return span.open_at == start and span.close_at >= end - 1 and len(span.parts) == 1

    def words_between(self, first: Span, second: Span) -> list:
        """The tokens between two quoted passages, without punctuation and spaces."""
        gap = self.doc.char_span(first.close_at, second.open_at, alignment_mode="contract")
        return [t for t in (gap or []) if not (t.is_punct or t.is_space)]

    def quoted_text(self, index: int) -> str:
        return clean_quote(" ".join(self.text[a:b] for a, b in self.spans[index].parts))


def looks_like_a_name(text: str) -> bool:
    """Title Case words, at most six, and no sentence end: "Rapid Response", "Fund for the Arts"."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    return bool(words) and len(words) <= 6 and all(w[0].isupper() or w in _NAME_SMALL_WORDS for w in words) \
        and not text.rstrip().endswith((".", "!", "?"))


def in_clause(tokens, verb) -> bool:
    """Every token belongs to the verb's clause: only the attribution stands there."""
    clause = {t.i for t in verb.subtree}
    return all(t.i in clause for t in tokens)


def unique_sents(sents):
    seen, out = set(), []
    for s in sents:
        if s is not None and s.start not in seen:
            seen.add(s.start)
            out.append(s)
    return out


def sent_text(sent) -> str:
    return " ".join(sent.text.split())


def clean_quote(text: str) -> str:
    text = " ".join(text.split())
    while text and text[-1] in ",;:—–-":
        text = text[:-1].rstrip()
    return text
