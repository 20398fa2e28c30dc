"""Words printed with their speaker's name as a label, as transcripts and interviews print them,
or as a signature, as pull quotes and epigraphs do:

    KARP: We are not going to apologise for working with the government.
    Okonkwo: "We will not comply."
    "We will not comply." — Mara Okonkwo, chief executive of Lumenfold

A paragraph that opens with exactly a leader's name or alias and a colon gives that leader's
words: quoted, or (in a transcript, where at least two paragraphs open with a speaker's label:
the leader's, an interviewer's in capitals, "Q:" or "A:", or where a leader's label follows right
after another label or after a Q&A's unlabelled question, a turn) unquoted to the end of the
paragraph. A label that is a surname alone ('Kelly:') is the leader's only while no one else in the
article bears that surname. A label alone on its line
('John Rosenow:') is the same label, its words the next line; words after a label that are a role
('Chief executive of ...') are a list of panelists, no turn.
A paragraph that is a quoted sentence signed with a dash and exactly a leader's name (a title
may follow after a comma) is that leader's. Never in a headline ("Okonkwo: 'We will not
comply'" may go beyond her words), and never a label that names anyone else or part of a name.
"""

from __future__ import annotations

import re

from onrecord.nlp import leader_patterns as lp
from onrecord.nlp.quote_candidates import Attribution, clean_quote
from onrecord.nlp.quote_marks import Span

_LABEL = re.compile(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}):\s+(?=\S)")
_QUOTE_OPENERS = ('"', "“", "″")
_BARE_LABEL = re.compile(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}):[ \t]*")


def labelled_words(article, index, attributed) -> list[tuple]:
    """(quoted passage's index or None, span, words, Attribution) for every paragraph a leader's
    label opens; `attributed` maps the quoted passages already attributed (left alone)."""
    text = article.text
    labels, transcript = _labels(article, index)
    numbers = {n for n, _m in labels}
    out = []
    for number, match in labels:
        leader_id = _label_leader(article, index, match.group(1))
        start, end, _block = article.ranges[number]
        first = article.doc.char_span(start, end, alignment_mode="expand")
        if leader_id is None or first is None or article.in_headline(first[0]):
            continue
        at = match.end()
        if at == end:  # 'John Rosenow:' on its own line, the answer on the next: the label's turn
            if number + 1 in numbers or number + 1 == len(article.ranges) or article.ranges[number + 1][2]:
                continue
            number, (at, end, _block) = number + 1, article.ranges[number + 1]
        quoted = [i for i, s in enumerate(article.spans) if s.open_at == at and s.close_at >= end - 1]
        sents = list(first.sents)
        if text[at] in _QUOTE_OPENERS or quoted:
            if len(quoted) != 1 or quoted[0] in attributed:
                continue
            out.append((quoted[0], article.spans[quoted[0]], article.quoted_text(quoted[0]),
                        Attribution(leader_id, "transcript", sents[:1])))
            continue
        words = clean_quote(text[at:end])
        if not transcript or any(ch in words for ch in '"“”') or len(words.split()) < 4 or _a_role(article, at, end):
            continue
        parts = [(at, end)] + _turn_goes_on(article, number, numbers)
        words = clean_quote(" ".join(text[a:b] for a, b in parts))
        out.append((None, Span(parts, at, parts[-1][1]), words, Attribution(leader_id, "transcript", sents[:1])))
    return out + _labels_in_paragraphs(article, index, attributed)


def _labels(article, index) -> tuple[list, bool]:
    """([(paragraph number, label match)], whether the article is a transcript)."""
    text, labels = article.text, []
    for number, (start, end, block) in enumerate(article.ranges):
        match = _LABEL.match(text, start, end) or _BARE_LABEL.fullmatch(text, start, end)
        if match and not block:
            labels.append((number, match))
    speakers = [m for _n, m in labels if m.group(1).isupper() or _leader(index, m.group(1))]
    numbers = {n for n, _m in labels}
    turns = any(_leader(index, m.group(1)) and n - 1 in numbers for n, m in labels)
    # ('Operator: ... I would now turn the call over to Pablo Paez.' then 'Pablo E. Paez: Thank you,
    # operator. ...': a leader's label answering the paragraph labelled just before is a turn in
    # a transcript, whoever the other speaker is; so is any label right after an interviewer's
    # question printed unlabelled, as Q&As print them: 'What has the impact been?' then 'Kelly: I
    # would ...', or 'Linda Chow: Okonkwo told me ...', the mayor's answer and her account)
    answers = any(_asks(article, n - 1) for n, _m in labels)
    return labels, len(speakers) >= 2 or turns or answers


def _asks(article, number: int) -> bool:
    """Whether paragraph `number` is an interviewer's question printed unlabelled: one or two
    sentences, the last a question of at least three words, no quote marks and no label (a long
    turn that ends by handing over, '... the call over to George Zoley. George?', asks nothing)."""
    if number < 0:
        return False
    start, end, block = article.ranges[number]
    paragraph = article.text[start:end].strip()
    span = article.doc.char_span(start, end, alignment_mode="expand")
    if block or span is None or not paragraph.endswith("?") or any(ch in paragraph for ch in '"“”') \
            or _LABEL.match(paragraph):
        return False
    sents = list(span.sents)
    return len(sents) <= 2 and len([t for t in sents[-1] if not t.is_punct]) >= 3


def turns(article, index) -> dict[int, str | None]:
    """paragraph number -> the leader whose label opens it, or None for anyone else's, for each turn
    of a transcript ('CHOW: Okonkwo told me ...', 'Q: Reyna said last week that ...'): what a turn
    reports of a leader is its speaker's account, as a quote inside another's quote is."""
    labels, transcript = _labels(article, index)
    if not transcript:
        return {}
    numbers = {n for n, _m in labels}
    out = {}
    for number, match in labels:
        out[number] = _label_leader(article, index, match.group(1))
        if match.end() == article.ranges[number][1] and number + 1 not in numbers:
            out[number + 1] = out[number]  # 'John Rosenow:' alone on its line, the turn on the next
    return out


def _a_role(article, start: int, end: int) -> bool:
    """'Mara Okonkwo: Chief executive of Lumenfold, who ...': a list of panelists, not a turn; the
    words after the label are a noun phrase whose head is a role."""
    span = article.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    sent = next(span.sents)  # (its first sentence may begin with the label: only the words after it)
    root = article.doc[span.start:min(span.end, sent.end)].root
    return root.pos_ in ("NOUN", "PROPN") and lp.is_person_noun(root.lower_)


_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|my|My|us)\b")
_THIRD_PERSON = re.compile(r"\b(?:he|He|she|She|his|His|her|Her)\b")


def _turn_goes_on(article, number: int, labelled: set[int]) -> list[tuple]:
    """A transcript's turn runs on over the next paragraphs until another label: each unlabelled
    paragraph after it that speaks in the first person, with no quote marks and no 'he' or 'she'
    (the reporter's narration about someone), is the same turn."""
    parts = []
    for following in range(number + 1, len(article.ranges)):
        start, end, block = article.ranges[following]
        paragraph = article.text[start:end]
        if following in labelled or block or any(ch in paragraph for ch in '"“”') or _asks(article, following) \
                or not _FIRST_PERSON.search(paragraph) or _THIRD_PERSON.search(paragraph):
            break
        first = article.doc.char_span(start, end, alignment_mode="expand")
        if first is None or article.in_headline(first[0]):
            break
        parts.append((start, end))
    return parts


_MID_LABEL = re.compile(r"(?<=[.!?…] )" + _LABEL.pattern)


def _labels_in_paragraphs(article, index, attributed) -> list[tuple]:
    """'He defends this as efficiency. Sankar: "Why are we ...?" Douthat responds: "..."': an
    interview summarised in prose, a sentence that opens with exactly a leader's name and a colon
    right before a quote: the quote is the leader's (quoted words only, whole, never in a headline)."""
    text, out = article.text, []
    for start, end, block in article.ranges:
        for match in (_MID_LABEL.finditer(text, start, end) if not block else ()):
            leader_id = _label_leader(article, index, match.group(1))
            quoted = [i for i, s in enumerate(article.spans) if s.open_at == match.end() and s.close_at < end]
            if leader_id is None or len(quoted) != 1 or quoted[0] in attributed or text[match.end()] not in _QUOTE_OPENERS:
                continue
            tokens = article.span_tokens[quoted[0]]
            if not tokens or article.in_headline(tokens[0]) or len(article.spans[quoted[0]].parts) != 1:
                continue
            out.append((quoted[0], article.spans[quoted[0]], article.quoted_text(quoted[0]),
                        Attribution(leader_id, "transcript", [tokens[0].sent])))
    return out


_SIGNATURE = re.compile(r"\s*[—–]\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*(?:,[^\"“”]*)?$")


def signed_quotes(article, index, attributed) -> list[tuple]:
    """(quoted passage's index, Attribution) for paragraphs that are a quoted sentence signed
    "— Name": the quote must end a sentence inside its marks (a headline seldom does)."""
    out = []
    for number, span in enumerate(article.spans):
        if number in attributed or span.block or len(span.parts) != 1:
            continue
        paragraph = article.paragraph_of(span.open_at)
        start, end, _block = article.ranges[paragraph]
        inner = article.text[span.start:span.end].rstrip()
        signed = _SIGNATURE.match(article.text, span.close_at, end)
        if span.open_at != start or signed is None or not inner.endswith((".", "!", "?")):
            continue
        leader_id = _leader(index, signed.group(1))
        tokens = article.span_tokens[number]
        if leader_id is not None and tokens:
            out.append((number, Attribution(leader_id, "transcript", [tokens[0].sent])))
    return out


def _label_leader(article, index, label: str) -> str | None:
    """The leader a paragraph's label names: a surname alone ('Kelly:') only while no one else in
    the article bears it ('State Sen. Ana Okonkwo', a namesake: whose label it is stays in doubt)."""
    leader_id = _leader(index, label)
    words = label.lower().split()
    if leader_id is None or len(words) != 1:
        return leader_id
    own = index.name_words.get(leader_id, set()) | index.own_context.get(leader_id, set())
    def another_name(tokens) -> bool:  # a capitalised word that is none of hers ('Ana', not 'Mara' or 'CEO')
        return any(t.is_title and t.lower_ not in own and t.lower_ not in lp.NAME_PREFIXES for t in tokens)
    doc = article.doc
    persons = doc.spans["persons"] if "persons" in doc.spans else []
    if any(words[0] in {t.lower_ for t in p} and another_name(p) for p in persons):
        return None
    # (the small model does not always tag 'Her cousin, Ana Okonkwo,' a person: a first name right before,
    # at a sentence's start too ('Ana Okonkwo is a city councilwoman.') when the name is that sentence's subject)
    if any(t.lower_ == words[0] and t.i and doc[t.i - 1].pos_ == "PROPN" and doc[t.i - 1].ent_type_ not in ("ORG", "GPE")
           and another_name([doc[t.i - 1]]) and (not doc[t.i - 1].is_sent_start or _named_subject(t)) for t in doc):
        return None
    return leader_id


def _named_subject(surname) -> bool:
    """'Ana Okonkwo' opening a sentence as its subject, not as a label ('Okonkwo:') or a heading."""
    return surname.dep_ in ("nsubj", "nsubjpass") and surname.head.pos_ in ("VERB", "AUX") and not (
        surname.i + 1 < len(surname.doc) and surname.doc[surname.i + 1].text == ":")


def _leader(index, label: str) -> str | None:
    """The one leader whose name or alias the label is, whatever its case."""
    label = " ".join(label.split()).lower()
    found = {lid for lid, names in index.names.items() if label in names}
    return found.pop() if len(found) == 1 else None
