"""A role given before the name, as wire stories open: 'The owner of an Omaha food packaging
company says his business has been hamstrung ...', and a few sentences on, 'owner Gary Rohwer
said'. The role is the leader's only in the story's first paragraph (after any headline), with
nobody at all named before it, when the next person the article names is that leader, in full
and with that very title ('owner Gary Rohwer', 'Chad Hartmann, president of ...'), and nobody
else is named in between (nlp/leader_mentions.py asks; this module answers).
"""

from __future__ import annotations

import re

from onrecord.nlp import leader_patterns as lp

_WORD_BEFORE = re.compile(r"([\w’'-]+)\s+$")
_TITLE_AFTER = re.compile(r"^,\s+(?:the\s+|a\s+|an\s+)?([\w’'-]+)")


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
    if any(c.dep_ in ("relcl", "acl", "appos") or c.dep_ == "prep" and (c.lower_ != "of" or any(
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
        return (leader, [sent]) if named and _titled(mentions, named, leader, word) else nothing
    return nothing


def _titled(mentions, tokens, leader: str, word: str) -> bool:
    """The leader is named in full, with the role's title right before or after the name."""
    first, last = tokens[0], tokens[-1]
    name = " ".join(t.text for t in tokens).lower()
    if name not in {n for n in mentions.index.names[leader] if len(n.split()) > 1}:
        return False  # (in full: her name, or a longer alias such as one with a middle initial)
    text = mentions.article.text
    before = _WORD_BEFORE.search(text[max(0, first.idx - 40):first.idx])
    after = _TITLE_AFTER.search(text[last.idx + len(last.text):last.idx + len(last.text) + 60])
    titles = [m.group(1).lower() for m in (before, after) if m]
    return any(t == word or word in lp.title_heads(t) for t in titles)
