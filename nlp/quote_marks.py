"""Quote marks: paragraphs, and the character ranges of quoted passages in article text.

The first step of attribution (nlp/quotes.py), before any parse: pair double marks by kind (a quote left open
at a paragraph's end runs on when the next paragraph opens with a mark, the newspaper
convention), single marks only where they cannot be apostrophes, and blockquote paragraphs
("> ", as crawler/news_extract.py writes them), including embedded posts signed
"— Name (@handle) February 3, 2026".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from onrecord.nlp.mojibake import repaired


@dataclass
class Span:
    """A quoted passage: one or more (start, end) character ranges of the inner words."""
    parts: list[tuple[int, int]]
    open_at: int            # index of the opening mark (or of the blockquote's first character)
    close_at: int           # index just after the closing mark
    block: bool = False     # a blockquote paragraph without marks
    signature: tuple | None = None  # (name, handle, line) of an embedded post's byline
    embedded: bool = False  # opens mid-clause after a word, e.g. called the raids "cruel"

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


_OPENERS_D = {"“": "”", '"': '"', "″": "”"}  # a double prime opens some printed quotes
# Marks printed other ways, read as curly double marks (the parser knows those): guillemets,
# two apostrophes for a closing mark ('calm,’’ said Shi'), two backquotes for an opening one.
_OTHER_MARKS = re.compile(r"[«»]|(?<=\S)(?:’’|'')|``(?=\S)")
_AS_CURLY = {"«": "“", "»": "”", "’’": "”", "''": "”", "``": "“"}
# Screen-reader labels of links that text extraction leaves inside sentences ('told the “New
# York Times” (opens in new tab) that ...'): not the article's words, and they break the parse.
_LINK_LABELS = re.compile(r"\s*\((?:opens|open) in (?:a )?new (?:tab|window)\)|\s*\(link is external\)", re.I)
_SIGNATURE = re.compile(
    r"\s*[—–]\s*(?P<name>[^—–()@]{2,80}?)\s*\(@(?P<handle>[\w.\-]+(?:@[\w.\-]+)?)\)"
    r"\s*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4})?\s*$")
_TRAILING_LINKS = re.compile(r"(?:\s+(?:pic\.twitter\.com/\S+|https?://\S+))+\s*$")
_SINGLE_OPEN = ("‘", "'")
_SINGLE_CLOSE = ("’", "'")
_SINGLE_MARKS = re.compile("[‘’']")
QUOTE_CHARS = frozenset({'"', "“", "”", "``", "''", "″"})  # double marks only: ' is also an apostrophe


class Paragraph(tuple):
    """A range (start, end, block) that also knows whether a blank line followed it in the source
    (`spaced`): a headline, a standfirst set apart from the story by a blank line, then the body."""

    def __new__(cls, start: int, end: int, block, spaced: bool = False):
        self = super().__new__(cls, (start, end, block))
        self.spaced = spaced
        return self


def prepare(text: str) -> tuple[str, list[tuple[int, int, bool | tuple]]]:
    """Article text -> (clean text with paragraphs joined by blank lines, paragraph ranges).
    The clean text prints every double mark as a straight or curly one (guillemets and doubled
    apostrophes become curly marks, mojibake marks the ones they stand for) and drops links'
    screen-reader labels.

    A range is (start, end, block): block is False for a plain paragraph, True for a blockquote
    (a paragraph starting with ">", the marker removed from the clean text), and for an embedded
    post the byline's (name, handle, signature line), which is truthy too; each range is a
    Paragraph, whose `spaced` says a blank line followed it.
    """
    paragraphs = []
    text = repaired(text)  # ('â€œ' for '“' in a copied page: nlp/mojibake.py)
    text = _BROKEN_AFTER_ABBREVIATION.sub(r"\1 ", text)
    text = _HARD_WRAP.sub(" ", text)
    text = _GLUED_LINES.sub("\\1\n\\2", text)
    pieces = re.split(r"(\s*\n\s*)", text.strip())
    for raw, gap in zip(pieces[::2], [*pieces[1::2], ""]):
        raw = " ".join(_LINK_LABELS.sub("", raw).split())
        raw = _OTHER_MARKS.sub(lambda m: _AS_CURLY[m.group()], raw)
        if not raw:
            continue
        raw = _LIST_MARKERS.sub("", raw)
        raw = _unwrapped(_dropped_closer(_dropped_opener(_misprinted_closer(_misprinted_openers(raw)))))
        block = raw.startswith(">")
        if block:
            raw = raw.lstrip("> ").strip()
            signed = _SIGNATURE.search(raw)
            if signed and signed.start() > 0:
                # an embedded post: "... — Name (@handle) February 3, 2026"
                block = (" ".join(signed.group("name").split()), signed.group("handle"), signed.group().strip())
                raw = _TRAILING_LINKS.sub("", raw[:signed.start()]).rstrip()
            if not raw:
                continue
        paragraphs.append((raw, block, gap.count("\n") > 1))
    clean, ranges, pos = [], [], 0
    for raw, block, spaced in paragraphs:
        ranges.append(Paragraph(pos, pos + len(raw), block, spaced))
        clean.append(raw)
        pos += len(raw) + 2
    return "\n\n".join(clean), ranges


# "On Dec.\n11, Henry Garnica said": a line broken after an abbreviation, before a number or a
# lowercase word, is one sentence (an extraction artefact), not two paragraphs.
_BROKEN_AFTER_ABBREVIATION = re.compile(
    r"(\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gov|Sen|Rep|Gen|No)\.)[ \t]*\n\s*(?=[0-9a-z])")
# "said John Painter,\na three-time Trump voter": a line that ends in a lowercase letter or a comma and
# a next line that opens with a lowercase word are one sentence hard-wrapped by the page (a printed
# column, a copied feed), not two paragraphs; a web address or a byline on the next line stays apart.
_HARD_WRAP = re.compile(r"(?<=[a-z,’])[ \t]*\n[ \t]*(?=[a-z])(?!www\.|https?:|by\s)")
# "... will be welcomedSays he's been given assurances": a copied page that lost its line breaks
# glues a list's lines into one token; a lowercase word run into a capitalised one is two lines. A
# name that starts in capitals ('DoorDash', 'LinkedIn') or with one letter ('iPhone') is left as
# printed, and so are handles, tags and web addresses ('@maraOkonkwo', '/newsRoom').
_GLUED_LINES = re.compile(r"(?<![@/#.=?&_-])\b([a-z]{3,})([A-Z][a-z]{2,})")
# "- •Altman stated ...": a summary's list item whose bullet is glued to its first word hides the
# name in one token; the glued markers are dropped so the item reads as the sentence it is (a
# bullet set apart by a space is left as printed).
BULLETS = ("•", "·", "▪", "◦", "‣")  # the marks that open a list item (quote_candidates: a summary line)
_LIST_MARKERS = re.compile(r"^(?:[-*]\s*)?[" + "".join(BULLETS) + r"](?=[^\W\d_])")
_GLUED_CLOSER = re.compile(r"(?<=[.!?])”(?=[A-Z])|(?<=[,:])” (?=[A-Z])")


def _misprinted_openers(paragraph: str) -> str:
    """'... on Sunday morning.”The immediate priority ...,” he told reporters': a closing mark
    glued between a sentence's end and the next one's first word, with no quote open before it,
    is an opening mark printed wrong (a space lost with it); so is one after a tag's comma or
    colon, before a capital, with a closing mark later ('X told the Examiner,” Those ... us.”')."""
    def fix(match):
        before = paragraph[:match.start()]
        rest = paragraph[match.end():]  # (not '...,” Dimon said. “So ...”': a closer, its opener dropped)
        closes_later = match.group() == "”" or "”" in rest and "“" not in rest[:rest.index("”")]
        return " “" if before.count("“") <= before.count("”") and closes_later else match.group()
    return _GLUED_CLOSER.sub(fix, paragraph)


_TRAILING_OPENER = re.compile(r"(?<=[.!?…])\s*“$")


def _misprinted_closer(paragraph: str) -> str:
    """'“Having listened ...,” Benioff said in a post on X. “My earlier comment ... it caused. “'
    (heldout66 tn01): an opening mark that ends a paragraph right after a sentence's end, while one
    quote the paragraph opened (and no other) is still open, is that quote's closing mark printed wrong
    (a space put before it). With no quote open it is left: 'described the conditions as substandard.
    “' then the quote's words as the next paragraph (heldout22 rv07) opens a quote; with straight marks
    in the paragraph too, which mark pairs with which is in doubt, and it is left."""
    trailing = _TRAILING_OPENER.search(paragraph)
    if trailing is None:
        return paragraph
    before = paragraph[:trailing.start()]
    still_open = before.rfind("“") > before.rfind("”") and before.count("“") == before.count("”") + 1
    return before + "”" if still_open and '"' not in before else paragraph


# A tag's subject: 'she ', 'Okonkwo ', 'Mayor Linda Chow ' (the two readings below that look for a tag).
_TAG_SUBJECT = r"(?:(?:he|she)\s+|(?:[A-Z][\w’'.-]+\s+){1,3}?)"
_TAG_AFTER = re.compile(r"\s+" + _TAG_SUBJECT + r"[a-z]+\b"
                        r"|\s+(?:said|says|added|wrote|explained)\s+[A-Z]")  # (or inverted: 'said Vander Kooy')


def _dropped_opener(paragraph: str) -> str:
    """'I do not like what I am seeing, ...,” Dimon said. “So ...”': a paragraph that opens with
    one sentence ending in a comma (or ! or ?) and a closing curly mark, a speaker's tag after it
    (or an inverted one: 'I support Trump,” said Vander Kooy.'), and no opening mark before it, is
    a quote whose opening mark the page dropped. (A longer stretch before the mark may hold the
    reporter's words too: it is left alone.)"""
    close = paragraph.find("”")
    if close < 2 or paragraph[0] in ('"', "“", "‘", "'") or not paragraph[0].isupper():
        return paragraph
    before = paragraph[:close]
    if "“" in before or '"' in before or before[-1] not in ",!?" or _SENTENCE_END.search(before):
        return paragraph  # (_SENTENCE_END, below: a word's full stop, then a capital or a mark)
    return "“" + paragraph if _TAG_AFTER.match(paragraph, close + 1) else paragraph


# ', she said. “': a short tag of a speech verb that ends its sentence just before the next quote opens.
_TAG_BEFORE_REOPEN = re.compile(r",\s+" + _TAG_SUBJECT +
                                r"(?:said|says|told|added|explained|wrote)(?!\s+(?:nothing|no|not)\b)"
                                r"(?:\s+[\w’'.-]+){0,3}\.\s+[“\"]")


def _dropped_closer(paragraph: str) -> str:
    """'“I wish I could say that things are turning around, she said. “Unfortunately, ...”': a
    paragraph that opens with a quote whose mark is never closed before the next one opens, with
    a short tag of a speech verb between a comma and that next mark, is a quote whose closing mark
    the page dropped after the comma (straight marks alike: '"It’s a really bad deal, he told HRN.
    "If ..."'). ('“I asked him, he said, “Go home.”' is read as a tag before the quote, as printed.)"""
    opener = paragraph[:1]
    if opener not in ("“", '"'):
        return paragraph
    closer = "”" if opener == "“" else '"'
    reopen = paragraph.find(opener, 1)
    if reopen < 0 or "”" in paragraph[:reopen] or '"' in paragraph[1:reopen]:
        return paragraph
    tag = _TAG_BEFORE_REOPEN.search(paragraph, 1, reopen + 1)
    if tag is None or tag.end() != reopen + 1 or closer not in paragraph[reopen + 1:]:
        return paragraph
    comma = tag.start() + 1
    return paragraph[:comma] + closer + paragraph[comma:]


def _unwrapped(paragraph: str) -> str:
    """'""All of these efforts ...," Zoley told investors."' and '"'Our business ...,' Hininger
    said."': a whole paragraph of reporting that a page quotes from another outlet, its own
    quotes inside. A paragraph that opens with two marks and ends with a closing double mark is
    the outer pair's content (a paragraph that is one quote opens with a single mark). The content
    must pair its own double marks: '““I don’t like ...,” Dimon said. “That’s why ...”' is a
    doubled opening mark before two quotes, the last mark the second one's closer, not an outer pair."""
    if len(paragraph) > 3 and paragraph[0] in ('"', "“") and paragraph[1] in ('"', "“", "'", "‘") \
            and paragraph[-1] in ('"', "”"):
        inner = paragraph[1:-1]
        if inner.count("“") == inner.count("”") and inner.count('"') % 2 == 0:
            return inner.strip()
    return paragraph


def _double_quotes(text: str, ranges) -> list[Span]:
    """Pair double quote marks by kind within each paragraph; a quote left open at the end of a
    paragraph continues when the next paragraph opens with a mark (the newspaper convention)."""
    spans: list[Span] = []
    carry: Span | None = None
    carry_mark = ""
    for p_start, p_end, _block in ranges:
        i, open_mark, open_at, inner_start = p_start, None, 0, 0
        straight_ok = _straight_marks_pair(text, p_start, p_end, ranges)
        closers = {opener: (closer,) for opener, closer in _OPENERS_D.items()}
        if not straight_ok and text.count("“", p_start, p_end) != text.count("”", p_start, p_end) \
                or _straight_closer_inside(text, p_start, p_end):
            # mixed marks: a straight mark stands in for a missing curly one ('declared, "We
            # can't bend the knee.”', '“My biggest issue is: why us?" Hartmann said.', '“We
            # stay," said Ruiz. "We always do.”')
            straight_ok = True
            closers = {**closers, '"': ('"', "”"), "“": ("”", '"')}
        if carry is not None:
            if text[p_start] in _OPENERS_D:
                i = inner_start = p_start + 1
                open_mark = carry_mark
            else:
                # an unclosed quote that does not continue: a misprint. Opened in that paragraph,
                # it ends with its sentence ('said he is “heartbroken by X. Here is the memo:');
                # run on from an earlier paragraph, it is broken: drop it
                if len(carry.parts) == 1:
                    a, b = carry.parts[0]
                    cut = b if _runs_to_its_end(text, carry.open_at) else _sentence_end(text, a, b)
                    if cut is not None:
                        spans.append(Span([(a, cut)], carry.open_at, cut))
                carry = None
        while i < p_end:
            ch = text[i]
            if ch == '"' and not straight_ok and open_mark != '"':
                pass  # an odd straight mark in this paragraph: pairing it could invert the quote
            elif open_mark is None and ch in _OPENERS_D:
                open_mark, open_at, inner_start = ch, i, i + 1
            elif open_mark is not None and ch in closers[open_mark]:
                if carry is not None:
                    carry.parts.append((inner_start, i))
                    carry.close_at = i + 1
                    spans.append(carry)
                    carry = None
                else:
                    spans.append(Span([(inner_start, i)], open_at, i + 1))
                open_mark = None
            elif open_mark == "“" and ch == "“":
                open_at, inner_start = i, i + 1  # stray reopen: restart
            i += 1
        if open_mark is not None:
            if carry is None:
                carry = Span([], open_at, p_end)
            carry.parts.append((inner_start, p_end))
            carry_mark = open_mark
    if carry is not None:  # open at the end of the text (an excerpt cut before the closing mark)
        carry.close_at = carry.parts[-1][1]
        spans.append(carry)
    return [s for s in spans if s.end - s.start >= 2]


_SENTENCE_END = re.compile(r"(\w+)[.!?]\s+(?=[A-Z“\"])")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "gov", "sen", "rep", "gen", "col", "lt", "sgt", "st", "jr",
                            "sr", "inc", "co", "corp", "no", "vs", "prof", "u.s", "u.k", "d.c"})


def _sentence_end(text: str, start: int, end: int) -> int | None:
    """The end of the first sentence in text[start:end] that is followed by another, or None
    (not after an abbreviation or an initial: "Gov. Kemp", "J. Smith")."""
    for match in _SENTENCE_END.finditer(text, start, end):
        word = match.group(1)
        if word.lower() in _ABBREVIATIONS or len(word) == 1 and word.isupper():
            continue
        return match.end(1) + 1
    return None


_AFTER_A_SENTENCE = re.compile(r"[.!?][”\"’]?[ \t]+$")
# two capitalised words at the mark: a name or title whose closing mark may be the missing one
# ('“Operation Riverton Sweep began on Monday.'), not her sentence
_TITLE_START = re.compile(r"\s*[A-Z][\w’'-]*\s+[A-Z]")


def _runs_to_its_end(text: str, open_at: int) -> bool:
    """'“...,” said Mark Phillips, CEO of Lamontco. “Nobody wants to live and work in such an
    environment.' (heldout13 rm15, heldout75 tw08): a quote that opens a new sentence after another
    one in its paragraph and is never closed before the paragraph ends is the rest of that
    paragraph, whose closing mark the page dropped (a mark opened mid-sentence, 'is “heartbroken by
    X. Here is ...', ends with its first sentence, as before; so does one that opens with two
    capitalised words, a name or title that may be what the mark held)."""
    return bool(_AFTER_A_SENTENCE.search(text, max(0, open_at - 6), open_at)) \
        and not _TITLE_START.match(text, open_at + 1)


def _straight_closer_inside(text, p_start, p_end) -> bool:
    """'“We stay," said Ruiz. "We always do.”': inside a curly pair, the first straight mark
    closes (after a word or punctuation, before a space): each curly mark pairs with a straight
    one. A straight quote nested inside ('“They called it "chaos," she said.”') opens first."""
    start = text.find("“", p_start, p_end)
    end = text.find("”", start + 1, p_end) if start != -1 else -1
    inner = text.find('"', start + 1, end) if end != -1 else -1
    if inner == -1 or not text.count('"', inner, end) % 2 == 0:
        return False
    return not text[inner - 1].isspace() and text[inner + 1].isspace()


def _straight_marks_pair(text, p_start, p_end, ranges) -> bool:
    """Straight double marks pair up in this paragraph: an even count, or an odd count whose
    last quote runs on into a next paragraph that opens with a mark."""
    count = text.count('"', p_start, p_end)
    if count % 2 == 0:
        return True
    following = [a for a, _b, _blk in ranges if a > p_end]
    return bool(following) and text[following[0]] == '"'


def _single_quotes(text: str, ranges, outer: list[Span]) -> list[Span]:
    """Single-mark quotes outside double quotes. An opener follows a space or line start and
    precedes a letter; a closer follows a non-space and precedes a space, punctuation or the
    end; apostrophes inside words (it's, workers' plight) never open one."""
    blocked = bytearray(len(text))
    for s in outer:
        blocked[s.open_at:s.close_at] = b"\x01" * (s.close_at - s.open_at)
    spans = []
    for p_start, p_end, _block in ranges:
        opened = None
        for match in _SINGLE_MARKS.finditer(text, p_start, p_end):
            i, ch = match.start(), match.group()
            if blocked[i]:
                continue
            before = text[i - 1] if i > p_start else " "
            after = text[i + 1] if i + 1 < p_end else " "
            if opened is None and ch in _SINGLE_OPEN and (before.isspace() or before in "(—–-") \
                    and after.isalnum():
                opened = i
            elif opened is not None and ch in _SINGLE_CLOSE and not before.isspace() \
                    and (after.isspace() or after in ".,;:!?)—–-" or i + 1 >= p_end):
                if i - opened > 2:
                    spans.append(Span([(opened + 1, i)], opened, i + 1))
                opened = None
    return spans


def find_spans(text: str, ranges) -> list[Span]:
    spans = _double_quotes(text, ranges)
    spans += _single_quotes(text, ranges, spans)
    covered = [(s.open_at, s.close_at) for s in spans]
    for p_start, p_end, block in ranges:
        if block and not any(a <= p_start and p_end <= b for a, b in covered):
            signature = block if isinstance(block, tuple) else None
            spans.append(Span([(p_start, p_end)], p_start, p_end, block=True, signature=signature))
    for s in spans:
        before = text[max(0, s.open_at - 2):s.open_at].rstrip()
        s.embedded = bool(before) and (before[-1].isalnum() or before[-1] in "’'")
    return sorted(spans, key=lambda s: s.open_at)
