"""A role given before the name, as wire stories open: 'The owner of an Omaha food packaging
company says his business has been hamstrung ...', and a few sentences on, 'owner Gary Rohwer
said'. The role is the leader's only in the story's first paragraph (after any headline), with
nobody at all named before it, when the next person the article names is that leader, in full
and with that very title ('owner Gary Rohwer', 'Chad Hartmann, president of ...'), and nobody
else is named in between (nlp/leader_mentions.py asks; this module answers). A role of a company
('The incoming CEO of Minneapolis-based Lumenfold told employees ...') counts when it is the leader's
own company, which narrows the doubt to its listed holders of the title; the name must then carry the
role's standing too ('outgoing CEO X' is not 'the incoming CEO').
"""

from __future__ import annotations

import re

from onrecord.nlp import leader_patterns as lp

_WORDS = re.compile(r"[\w’'-]+")
# words of standing in a role: a role and a name with different ones are two people
STANDING = {"incoming", "outgoing", "former", "new", "interim", "acting", "retiring", "departing", "future",
            "previous", "ex", "then", "late"}
_WORD_BEFORE = re.compile(r"([\w’'-]+)\s+$")
_TITLE_AFTER = re.compile(r"^,\s+(?:who\s+(?:is|becomes|will\s+become)\s+)?(?:the\s+|a\s+|an\s+)?([\w’'-]+)")


def role_word(head) -> tuple[str, object]:
    """('co-owner', first token) for the role a noun heads; the small model splits "co-owner" into
    three tokens, each hung on the verb."""
    doc = head.doc
    if head.i >= 2 and doc[head.i - 1].text in ("-", "–") and not doc[head.i - 1].whitespace_ \
            and not doc[head.i - 2].whitespace_:
        return f"{doc[head.i - 2].lower_}-{head.lower_}", doc[head.i - 2]
    return head.lower_, head


def named_later(mentions, head):
    """(leader, [the sentence that names them]) for a role named before the name, else (None, [])."""
    nothing = (None, [])
    article, doc = mentions.article, mentions.doc
    word, first = role_word(head)
    if not (head.tag_ == "NN" or head.tag_ == "NNP" and head.text.isupper() and len(head) <= 4) \
            or article.in_quote[head.i] != -1 or article.in_headline(head):  # ("CEO", tagged as a name)
        return nothing
    candidates = {lid for lid, (_orgs, heads, title) in mentions.index.orgs.items() if word in heads or word == title}
    phrase = doc[min(first.left_edge.i, head.left_edge.i):head.i + 1]
    if not candidates or phrase[0].lower_ != "the" or any(
            t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "LOC", "NORP") or lp.is_person_noun(t.lower_)
            or t.lower_ in lp.GROUP_NOUNS for t in phrase[1:] if t.i < first.i):
        return nothing  # "the union's president", "the Ruiz family's owner": someone else's role
    of_own, candidates = _of_their_organisation(mentions, head, candidates)
    if any(c.dep_ in ("relcl", "acl", "appos") or c.dep_ == "prep" and c.i != of_own and (c.lower_ != "of" or any(
            t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "LOC", "NORP") or lp.is_person_noun(t.lower_)
            or t.lower_ in lp.GROUP_NOUNS for t in c.subtree)) for c in head.children):
        return nothing  # "the owner of the Ruiz bakery", "the head of the union"
    before = [t for t in doc[:phrase.start] if article.in_quote[t.i] == -1 and not article.in_headline(t)]
    own = article.paragraph_of(head.idx)
    if mentions.people_in(before, objects=True) or any(article.paragraph_of(t.idx) < own for t in before):
        return nothing  # someone was named before (the role may be theirs), or this is not the story's
        # lede, where a role before the name is the wire's way of opening ("Across town, owner ...")
    start = head.i + 1
    end_paragraph = article.paragraph_of(head.idx) + 3  # the next three paragraphs at most
    for sent in article.sentences:
        if sent.end <= start:
            continue
        if article.paragraph_of(sent[0].idx) >= end_paragraph:
            return nothing
        narration = [t for t in sent if t.i >= start and article.in_quote[t.i] == -1]
        people = mentions.people_in(narration, objects=True)
        if not people:
            continue
        if len(people) != 1 or next(iter(people)) not in candidates:
            return nothing
        (leader,) = people
        named = [t for t in narration if mentions.leader_at.get(t.i) == leader]
        standing = {c.lower_ for c in head.children if c.dep_ == "amod"} & STANDING
        return (leader, [sent]) if named and _titled(mentions, named, leader, word, standing) else nothing
    return nothing


def _of_their_organisation(mentions, head, candidates):
    """(the "of" token's index, the candidates whose organisation it names) for "the incoming CEO of
    Minneapolis-based Lumenfold", where two listed leaders answer to the title (the one after the
    other) and the next sentence names which; (None, candidates) when the role has no such "of"."""
    for c in head.children:
        if c.dep_ != "prep" or c.lower_ != "of":
            continue
        words = [t for t in c.subtree if t.i > c.i]
        objects = [t for t in c.children if t.dep_ == "pobj" and t.pos_ == "PROPN"]
        if len(objects) != 1 or any(lp.is_person_noun(t.lower_) or t.lower_ in lp.GROUP_NOUNS for t in words):
            return None, candidates
        name = sorted([objects[0], *(t for t in objects[0].children if t.dep_ == "compound")], key=lambda t: t.i)
        printed = " ".join(t.text for t in name).lower()  # (not "Eastmere-based", a place before it)
        theirs = {lid for lid in candidates if printed in mentions.index.orgs[lid][0]}
        return (c.i, theirs) if theirs else (None, candidates)
    return None, candidates


def _titled(mentions, tokens, leader: str, word: str, standing: set[str]) -> bool:
    """The leader is named in full, with the role's title right before or after the name, and the
    same standing in it ("the incoming CEO ..." is not "outgoing CEO X", nor "the CEO" "former CEO X")."""
    first, last = tokens[0], tokens[-1]
    name = " ".join(t.text for t in tokens).lower()
    if name not in {n for n in mentions.index.names[leader] if len(n.split()) > 1}:
        return False  # (in full: her name, or a longer alias such as one with a middle initial)
    text = mentions.article.text
    before = _WORD_BEFORE.search(text[max(0, first.idx - 40):first.idx])
    after = _TITLE_AFTER.search(text[last.idx + len(last.text):last.idx + len(last.text) + 60])
    titles = [m.group(1).lower() for m in (before, after) if m]
    around = _WORDS.findall(text[max(0, first.idx - 40):first.idx].lower())[-3:] + (
        _WORDS.findall(after.group(0).lower()) if after else [])
    return any(t == word or word in lp.title_heads(t) for t in titles) and set(around) & STANDING <= standing
