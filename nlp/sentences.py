"""Plain-text helpers for the stance step: sentence spans, what the model reads, what it cannot judge.

No spaCy here: the stance step needs sentences only to find the evidence and to let one sentence
of a long post take a side, and a rule that splits after . ! ? … before a capital, a quote or a
digit (and at line breaks) is right for posts and quotes, at a fraction of a parser's cost.
Spans are offsets into the original text, so evidence stays a verbatim substring of it.
"""
from __future__ import annotations

import re

_SENTENCE_END = re.compile(
    r"""(?<=[.!?…])(["'”’)\]]*)\s+(?=["'“‘(\[]?[A-Z0-9@#])"""  # end mark, closing quotes, space, a new start
    r"|\s*\n\s*"  # or a line break
)
# Abbreviations after which a full stop does not end the sentence.
_NO_BREAK_AFTER = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Jr|Sr|vs|No|U\.S|D\.C|e\.g|i\.e)\.|\b[A-Z]\.)$")
_URL = re.compile(r"https?://\S+|www\.\S+")
_HANDLE = re.compile(r"(?<!\w)[@#][\w.]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_WORD = re.compile(r"[^\W\d_]{2,}")
# Frequent function words of English and of the other languages a statement here is likeliest to be
# in; words the languages share ("a", "no", "me", "in", "die"...) are left out of both.
_ENGLISH = set("""the an and or but of to on at for with by from is are was were be been it its this that
    these those i you she we they him her them my your our their not does did have has had will would can
    could should must just if about what who all out up than then there here now how when why get one
    very too also only over into after before because any some don't it's i'm""".split())
_OTHER = set("""el los las del que por para con una uno es está están son muy pero como más su sus nuestros
    nuestra nosotros ellos y le les des est sont pas avec pour une dans qui nous vous ils elles mais
    der das und ist sind nicht mit für auf wir ihr sie ein eine dem den zu von auch aber o os as um uma
    não são com para nossa nossos é il della che sono anche per gli""".split())



def sentence_spans(text: str, limit: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each non-empty sentence, trimmed of surrounding space; at most `limit` (0: all)."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.group(0).strip() == "" and "\n" not in m.group(0) and _NO_BREAK_AFTER.search(text[max(0, m.start() - 6) : m.start()]):
            continue
        _add(spans, text, start, m.start() + len(m.group(1) or ""))
        start = m.end()
        if limit and len(spans) >= limit:
            return spans[:limit]
    _add(spans, text, start, len(text))
    return spans[:limit] if limit else spans


def _add(spans, text, start, end):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def model_text(text: str) -> str:
    """What the encoder reads: control and zero-width characters blanked. The same length as the
    text, so the tokenizer's offsets are offsets into the text (sentence pooling relies on it)."""
    return _CONTROL.sub(" ", text)


def has_words(text: str) -> bool:
    """False for text with nothing to judge: empty, only links, handles, hashtags, emoji or punctuation."""
    return bool(_WORD.search(_HANDLE.sub(" ", _URL.sub(" ", text))))


def looks_english(text: str) -> bool:
    """False only when the text plainly is not English: mostly non-Latin letters, or more function words
    of Spanish, French, German, Portuguese or Italian than of English (at least two). Short or
    ambiguous texts get the benefit of the doubt."""
    bare = _HANDLE.sub(" ", _URL.sub(" ", text))
    letters = [c for c in bare if c.isalpha()]
    if not letters:
        return True
    latin = sum("a" <= c.lower() <= "z" or c in "áéíóúñüöäßçàèêôâãõ" for c in letters)
    if latin < 0.5 * len(letters):
        return False
    words = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", bare.lower())
    other = sum(w in _OTHER for w in words)
    return other < 2 or sum(w in _ENGLISH for w in words) >= other
