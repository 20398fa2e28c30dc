"""Verbs that report words only as a bare tag right after a quote: '"...," he went on.',
'"...," he began.', '"...," she started.' Elsewhere they report nothing ('went on to found',
'the raid began', 'began selling'), so they count as speech only in that shape: a quote that
opens the sentence, its closing mark after a comma, the subject (and nothing else) between it and
the verb, and the sentence's end or a comma right after the verb (for 'go', after its 'on'). Not
'After the crowd sang "...," she began.', nor '"...," she began reading from the union's letter.'
(heldout19 rs12: '"The pricing and costs of things, inflation," he began.', the quote parsed as
the verb's subject, so only a verb of speech makes it a tag.)"""

from __future__ import annotations

_CLOSING_MARKS = frozenset({"”", '"', "’", "'"})
_OPENING_MARKS = frozenset({"“", '"', "‘", "'"})


def a_bare_tag(token, word: str) -> bool:
    """Whether 'go' (with 'on'), 'begin' or 'start' is such a tag's verb."""
    doc = token.doc
    if word == "go":  # '"...," he went on.': nothing after it ("went on to found" is not speech)
        after = doc[token.i + 1:token.i + 3]
        return len(after) == 2 and after[0].lower_ == "on" and after[1].is_punct
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is None or after.text not in (".", ","):
        return False  # 'began selling', 'began to cry', 'started the business'
    subjects = [c for c in token.children if c.dep_ == "nsubj" and c.i < token.i]
    if not subjects or subjects[-1].right_edge.i != token.i - 1:
        return False
    start = subjects[-1].left_edge.i
    return start >= 2 and doc[start - 1].text in _CLOSING_MARKS and doc[start - 2].text in (",", "…") \
        and token.sent[0].text in _OPENING_MARKS  # the quote opens the sentence (not 'sang "...," she began')
