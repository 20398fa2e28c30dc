"""A quote followed by its speaker's name and title, with no verb: '"Because of ICE, lots of people
are afraid to leave their house ...," Wes Burdine, the owner of The Black Hart of Saint Paul, a
popular queer soccer bar.' (heldout23 rw10). Outlets print a vendor's or a survey's answer so: the
comma inside the marks says a tag follows, and the tag is the name alone, set off by the title.
(The dash form, '"..." — Jane Roe, owner of X', is transcripts.signed_quotes'.)

Only the plain attribution line is read (round 45): the quote opens its sentence and ends in a comma
inside its marks; right after the closing mark, one leader's name (not a possessive: 'Okonkwo's
sign'), then a comma and nothing but noun phrases set off by commas up to the sentence's full stop
or the paragraph's end, each with a common noun or a number in it ('the owner of ...', '60', 'a
clothing vendor'). No verb (the name the subject of one: '..., told the mayor', '..., who pointed
at ...'), no pronoun ('in her shop'), no preposition opening a phrase (a caption: 'in front of the
bakery'), no 'and' or 'or' (a list of people), no name standing alone as a phrase ('Mara Okonkwo,
Linda Chow.'), no quote mark.
"""
from __future__ import annotations

from onrecord.nlp.quote_candidates import Attribution, unique_sents


def name_lines(article, leader_at, attributed) -> list[tuple]:
    """(quoted passage's index, Attribution) for each quote followed by such a name line."""
    out = []
    doc, text = article.doc, article.text
    for number, span in enumerate(article.spans):
        if number in attributed or span.block or span.embedded or span.signature is not None or len(span.parts) != 1:
            continue
        tokens = article.span_tokens[number]
        paragraph = article.paragraph_of(span.open_at)
        if not tokens or paragraph < 0 or article.in_headline(tokens[0]):
            continue
        start, end, _block = article.ranges[paragraph]
        before = text[start:span.open_at].rstrip()
        if before and not before.endswith((".", "!", "?")) or not text[span.start:span.end].rstrip().endswith(","):
            continue  # the quote opens its sentence, and its comma says a tag follows
        first = next((t for t in doc[tokens[-1].i + 1:] if not t.is_space and not t.is_quote), None)
        if first is None or first.idx >= end or text[span.close_at:first.idx].strip():
            continue
        leader_id = leader_at.get(first.i)
        if leader_id is None:
            continue
        name_end = first.i
        while name_end + 1 < len(doc) and leader_at.get(name_end + 1) == leader_id:
            name_end += 1
        if _title_only(doc, name_end + 1, end):
            out.append((number, Attribution(leader_id, "direct", unique_sents([tokens[0].sent, doc[name_end].sent]))))
    return out


def _title_only(doc, comma: int, end: int) -> bool:
    """From the comma after the name: noun phrases set off by commas, each with a common noun or a
    number, up to a full stop ending the sentence or the paragraph's end (char `end`)."""
    if comma >= len(doc) or doc[comma].text != ",":
        return False
    chunks, chunk = [], []
    for t in doc[comma + 1:]:
        if t.idx >= end or t.is_space and "\n" in t.text:
            break
        if t.text == ".":
            if t.i + 1 < len(doc) and doc[t.i + 1].idx < end and not doc[t.i + 1].is_space \
                    and not doc[t.i + 1].is_sent_start:
                return False  # ('Mr.', 'St.': not the sentence's end)
            break
        if t.text == ",":
            chunks.append(chunk)
            chunk = []
            continue
        if t.pos_ in ("VERB", "AUX", "PRON", "CCONJ") or t.is_quote or t.text in (";", ":", "(", ")", "?", "!", "—", "–"):
            return False
        chunk.append(t)
    else:
        return False
    chunks.append(chunk)
    return all(c and c[0].pos_ != "ADP" and any(t.pos_ in ("NOUN", "NUM") for t in c) for c in chunks)
