"""Candidate quotes: the quoted passages of one parsed article, as tokens.

The first step of attribution after the parse. quote_marks.py finds the character ranges of
quoted passages; this maps them onto the parse (which tokens each quote holds, `in_quote`), adds
the unmarked paragraph that follows "Okonkwo posted on Bluesky:", and answers the questions the
rules ask about positions: which sentence or paragraph a character is in, what lies between two
quotes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from onrecord.nlp import leader_patterns as lp
from onrecord.nlp.mojibake import repaired
from onrecord.nlp.own_views import gives_own_view
from onrecord.nlp.quote_marks import BULLETS, Span, find_spans
from onrecord.nlp.speech_verbs import is_speech

_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|we|We|our|Our|us|my|My|me)\b")
_READING_TIME = re.compile(r"\d+ ?(?:min|minutes?)\.? read$", re.I)  # a page's furniture under its dek
_NAME_SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "a", "an", "to", "at"})
# "MEMPHIS, Tenn. —", "DORAL, Fla. (AP) —", "CHICAGO (WLS) --": the place in capitals that opens a
# wire or station story ("FILE -" opens an AP photo caption, not the story)
_DATELINE = re.compile(r"(?!FILE\b)[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*(?:,(?: [A-Z][a-z]+\.?)+)?"
                       r"(?: \([A-Za-z0-9/ .&-]{1,30}\))? ?(?:—|–|-{1,2}) [A-Z“\"]")


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
        # made once: the rules walk the article several times, and spaCy makes a Token per step
        self.tokens = list(doc)
        self.verbs = [t for t in self.tokens if t.pos_ == "VERB"]
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
        self._headlines: dict[int, bool] = {}

    def _unmarked_blocks(self, names_re) -> list[Span]:
        """Paragraphs without quote marks after a paragraph ending "Okonkwo posted on Bluesky:"
        or "Here is the full memo:" are the post or the memo itself (an embed or a blockquote
        that lost its markup): one passage, up to the first paragraph that reads as the
        reporter's again."""
        out = []
        for number, (a, b, _blk) in enumerate(self.ranges[:-1]):
            if not self.text[a:b].endswith(":"):
                continue
            sent = self.sent_of(b - 1)  # the sentence ending in the colon
            if sent is None or not any(is_speech(t) or t.lemma_.lower() in lp.OWN_DOCUMENT_NOUNS or gives_own_view(t)
                                       for t in sent):  # (or 'shared her view on ...:', nlp/own_views.py)
                continue
            parts = []
            for na, nb, nblock in self.ranges[number + 1:]:
                body = self.text[na:nb]
                if nblock or any(ch in body for ch in '"“”') \
                        or any(s.open_at <= na < s.close_at for s in self.spans):
                    break
                # An embed the extractor lost leaves the reporter's next paragraph here: only a
                # paragraph in the first person, that names no leader, reads as the post.
                if not _FIRST_PERSON.search(body) or names_re.search(body):
                    break
                parts.append((na, nb))
            if parts:
                out.append(Span(parts, parts[0][0], parts[-1][1], block=True))
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

    def in_headline(self, token) -> bool:
        """A headline, subhead or caption, whose claim ("Okonkwo condemns raids") may go beyond
        anything she said: a paragraph without a sentence's closing punctuation. Not when a
        sentence inside it closes (a body paragraph whose last full stop the excerpt lost), nor
        when it tells in the past tense, as body sentences do and headlines do not ("Okonkwo
        labeled the video 'shameful'" lost its full stop; "Okonkwo slams raids" is a headline),
        unless it is a list's bullet or a line the story tells again in full (a summary, a caption), or
        the line right under a short opening title (`_opening_title`)."""
        number = self.paragraph_of(token.idx)
        if number < 0:
            return False
        if number not in self._headlines:
            self._headlines[number] = self._is_headline(number)
        return self._headlines[number]

    def _is_headline(self, number: int) -> bool:
        if number == 1 and self._standfirst() or self._above_dateline(number) \
                or self._dek_above_a_label(number):
            return True
        a, b, _block = self.ranges[number]
        ending = self.text[a:b].rstrip().rstrip('"”’\'″').rstrip()
        if ending.endswith((".", "!", "?", ":", "…")):
            return False
        chars = self.doc.char_span(a, b, alignment_mode="expand")
        if chars is None:
            return True
        sents = list(chars.sents)
        if any(s[-1].text in (".", "!", "?") or s[-1].is_space and len(s) > 1 and s[-2].text in (".", "!", "?")
               for s in sents[:-1]):
            return False
        if self.text[a:b].lstrip().startswith(BULLETS) or self._told_again_later(number):
            return True  # a summary's bullet (no full stop: a list item, never a statement), or a caption
            # the story goes on to tell in full
        words = [t for t in chars if t.is_alpha and self.in_quote[t.i] == -1]
        title_case = sum(t.is_title for t in words) > len(words) / 2
        return title_case or sents[0].root.tag_ != "VBD" or number == 1 and self._opening_title()

    def _dek_above_a_label(self, number: int) -> bool:
        """'MLS' / 'MLS defends political message ban ...' / 'MLS faces criticism ..., with Garber saying
        that ...' / 'Update:' (heldout84 uf11): a sentence between the page's opening headline lines and a
        one- or two-word label is the outlet's summary (a dek) above the story, not the story; so is one
        right above the page's reading time ('7 min read', heldout88 uj08), under up to six such lines."""
        if not 1 <= number <= 6 or number + 1 >= len(self.ranges):
            return False
        lines = [self.text[a:b].strip() for a, b, _block in self.ranges[:number + 2]]
        return all(not line.rstrip('"”’\'').endswith((".", "!", "?", ":", "…")) for line in lines[:number]) \
            and (number <= 3 and lines[-1].endswith(":") and len(lines[-1].split()) <= 2 or bool(_READING_TIME.match(lines[-1])))

    def _opening_title(self) -> bool:
        """'What’s next for LA’s Mexican-American community?' / '‘People are afraid to come out,’ pharmacy
        owner Michael Ramirez said' (heldout99 uu08, look 2): under a page's short opening line with no
        full stop (a headline, a question among them), a line that closes no sentence is its dek, even
        told in the past tense, as a body sentence that lost its full stop would be."""
        a, b, _block = self.ranges[0]
        first = self.text[a:b].strip().rstrip('"”’\'″').rstrip()
        return len(first.split()) <= 15 and not first.endswith((".", ":", "…"))

    def _told_again_later(self, number: int, run: int = 8) -> bool:
        """Whether a later paragraph repeats `run` words in a row of this one ('Infosys CEO X denied
        claims that an employee was in detention' under the headline, then '... X denied claims that
        an employee was in detention or deported by ...' in the story)."""
        a, b, _block = self.ranges[number]
        words = self.text[a:b].split()
        if number + 1 >= len(self.ranges):
            return False
        later = " " + " ".join(self.text[self.ranges[number + 1][0]:].split()) + " "
        return any(f" {' '.join(words[i:i + run])} " in later for i in range(len(words) - run + 1))

    def _standfirst(self) -> bool:
        """'Private Prison Exec Calls ...' / 'Zoley said the company stands to gain ...' / a blank
        line / the story: a paragraph right under the headline and set apart from the story by a
        blank line is the outlet's summary (a standfirst), whose claim may go beyond the words."""
        if len(self.ranges) < 3 or getattr(self.ranges[0], "spaced", True) or not getattr(self.ranges[1], "spaced", False):
            return False
        return self.in_headline(self.doc.char_span(self.ranges[0][0], self.ranges[0][1], alignment_mode="expand")[0])

    @cached_property
    def _dateline_paragraph(self) -> int:
        """The paragraph that opens with the story's dateline, among the first eight, or -1."""
        return next((n for n, (a, b, _blk) in enumerate(self.ranges[:8]) if _DATELINE.match(self.text[a:b].lstrip())), -1)

    def _above_dateline(self, number: int) -> bool:
        """'Kooky Canuck owner X said he believes ...' above 'MEMPHIS, Tenn. — The Tennessee National
        Guard ...': whatever stands above the dateline is the outlet's headline, standfirst or video
        summary, not the story, and its claim may go beyond the words, even as a full sentence."""
        return number < self._dateline_paragraph

    @cached_property
    def _person_surnames(self) -> frozenset:
        return frozenset(e[-1].text for e in self.doc.ents if e.label_ == "PERSON" and len(e) > 1)

    def surname_speaking(self, token) -> bool:
        """'Scheff said the agents had no warrant' after 'attorney Stacy Scheff': the model's tag on
        a bare surname varies (here an organisation), but the subject of a verb of speech whose
        word ends a full name it tagged as a person is that person, someone in view; so is the subject of
        any verb ('Meanwhile, Brannock dismissed the report.' after 'Sheriff Dana Brannock', guards 55)."""
        return token.dep_ in ("nsubj", "nsubjpass") and token.text in self._person_surnames

    def whole_paragraph(self, span: Span, paragraph: int) -> bool:
        start, end, _block = self.ranges[paragraph]
        return span.open_at == start and span.close_at >= end - 1 and len(span.parts) == 1

    def quote_paragraph(self, span: Span, paragraph: int) -> bool:
        """A paragraph that is only the quote and no subheading: words that may be someone's going on
        from the paragraph before."""
        return self.whole_paragraph(span, paragraph) and not self.heading(span, paragraph)

    def heading(self, span: Span, paragraph: int) -> bool:
        """A paragraph that is only a quote and closes no sentence ('"People Were Afraid to Go
        Out"'): a subheading or a pull line set by the outlet, no one's words even when it
        repeats a speaker's (a quote paragraph that closes its sentence is read as before)."""
        start, end, _block = self.ranges[paragraph]
        ending = self.text[start:end].rstrip().rstrip('"”’\'″').rstrip()
        return self.whole_paragraph(span, paragraph) and not ending.endswith((".", "!", "?", "…"))

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


# A speaker's own possessive: 'her memo', 'his account' may be the speaker's own words.
OWN_POSSESSIVES = frozenset({"her", "his", "my", "our"})


def _heads_outside(tokens) -> list:
    """The quoted tokens that hang on a word outside the quote marks (the quote's links to its sentence)."""
    inside = {t.i for t in tokens}
    return [t for t in tokens if t.head.i not in inside]


def names_a_thing(tokens, words: str) -> bool:
    """Title Case words in quote marks that modify the noun after them ('the "Harbor Point"
    detention center', 'the "Rapid Response" network') name that thing: nobody's words."""
    inside = {t.i for t in tokens}
    heads = _heads_outside(tokens)
    if len(heads) != 1 or heads[0].head.pos_ not in ("NOUN", "PROPN") or heads[0].head.i <= max(inside):
        return False
    if looks_like_a_name(words):
        return heads[0].dep_ in ("compound", "nmod", "amod")
    # a lowercase term of two or more words headed by a noun, right before the noun it classifies
    # ("'enhanced vetting' protocols"); a judgement there ('the "cruel" raids') is an adjective
    after = [t for t in heads[0].doc[max(inside) + 1:heads[0].head.i] if not t.is_quote]
    return len(tokens) > 1 and heads[0].pos_ == "NOUN" and heads[0].dep_ in ("compound", "nmod") and not after


# Words a writer glosses with ('Spanish for "eat arepas"'); the model tags most of them NORP.
_LANGUAGE_WORDS = frozenset({"spanish", "english", "french", "latin", "creole", "portuguese", "arabic", "german",
                             "italian", "chinese", "mandarin", "cantonese", "korean", "vietnamese", "tagalog",
                             "hebrew", "yiddish", "japanese", "russian", "hindi", "somali", "swahili", "greek"})


def word_before_marks(tokens):
    """The token right before a quote's opening marks and spaces, or None at the text's start."""
    if not tokens:
        return None
    doc, i = tokens[0].doc, tokens[0].i - 1
    while i >= 0 and (doc[i].is_quote or doc[i].is_space):
        i -= 1
    return doc[i] if i >= 0 else None


def glosses_a_word(tokens) -> bool:
    """The quote says what a name or word means in another language: 'Coma Arepas, Spanish for
    "eat arepas"', 'Haitian Creole slang for "..."'. A translation is the writer's gloss: nobody's
    words, even inside a leader's clause (a partial quote after 'asked for "..."' is still hers)."""
    before = word_before_marks(tokens)
    if before is None or before.i < 1 or before.lower_ != "for":
        return False
    doc, i = before.doc, before.i
    word = doc[i - 1]
    if word.lower_ in ("word", "term", "phrase", "slang", "expression") and i >= 2:
        word = doc[i - 2]  # 'the Spanish word for "..."'
    return word.text[:1].isupper() and (word.ent_type_ in ("NORP", "LANGUAGE") or word.lower_ in _LANGUAGE_WORDS)


def worded_by_the_law(tokens, verb) -> bool:
    """The quote is a charge's or a court filing's wording, not the speaker's: a word of the law
    (leader_patterns.LEGAL_WORDS) stands on its way up to the speech verb, or heads a clause there
    ("the indictment called her '...'"), or the quote is what was admitted to ("admitted to '...'")."""
    inside = {t.i for t in tokens}
    heads = _heads_outside(tokens)
    if not heads:
        return False
    head = heads[0]
    before = [t for t in head.doc[max(0, min(inside) - 3):min(inside)] if not t.is_quote]
    if len(before) >= 2 and before[-1].lower_ == "to" and before[-2].lemma_.lower() in lp.ADMISSION_LEMMAS:
        return True  # 'admitted to "knowingly employing ..."' (not 'admitted to feeling "scared"')
    for node in head.ancestors:
        if verb is not None and node.i == verb.i:
            return False
        renames = node.i == head.head.i and head.dep_ in ("appos", "oprd")  # 'called the charge "a stunt"'
        if node.lemma_.lower() in lp.LEGAL_WORDS and not renames or node.pos_ == "VERB" and _words_of(node) and any(
                c.dep_ == "nsubj" and _a_document(c) for c in node.children):
            return True
    return False


def given_as_a_name(tokens) -> bool:
    """The quote is the name a thing goes by: 'the bill, known as the "Secure Borders Act"', 'the
    policy, dubbed "Operation Safe Streets"' (a participle of naming on a noun; not 'which she dubbed')."""
    heads = _heads_outside(tokens)
    node = heads[0].head if heads else None
    if node is not None and node.dep_ == "prep" and node.lower_ == "as":
        node = node.head
    if tokens:  # 'an essay bluntly titled, "F*ck ICE."': the participle right before the marks, however it is hung
        first = min(t.i for t in tokens)
        before = next((t for t in reversed(tokens[0].doc[tokens[0].sent.start:first]) if not t.is_punct), None)
        if _naming(before):
            return True
    return _naming(node)


def _naming(node) -> bool:
    return node is not None and node.dep_ == "acl" and node.tag_ == "VBN" and node.lemma_.lower() in lp.NAMING_LEMMAS


def _words_of(verb) -> bool:
    """A verb through which a document or a sign gives words ("the indictment called her", "the
    sign read", "the memo ordered agents to")."""
    return is_speech(verb) or verb.lemma_.lower() in lp.LABEL_LEMMAS | lp.DOCUMENT_VERBS


def _a_document(noun) -> bool:
    """A charge, filing, sign or order that is not one person's own ('her memo' may be hers; 'the
    memo', 'the agency's memo' is someone else's or in doubt)."""
    return noun.lemma_.lower() in lp.LEGAL_WORDS | lp.DOCUMENT_NOUNS and not any(
        c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in noun.children)


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


def normalize_quote(text: str) -> str:
    """Lowercase, quote marks and punctuation removed, spaces collapsed: for ids and matching
    (mojibake apostrophes read back first, as prepare reads them: 'Whatâ€™s' is "what's")."""
    text = unicodedata.normalize("NFKC", repaired(text)).lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[^\w\s']|(?<!\w)'|'(?!\w)", " ", text)
    return " ".join(text.split())
