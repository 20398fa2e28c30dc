"""A role or an age the story itself set beside one person, standing for that person in a tag:
'John Rosenow, a Wisconsin dairy farmer, says ...' then '"...," said the dairy farmer'; 'farmer
Chris Sayer' then 'said the farmer'; 'Okonkwo, 62, ...' then '"...," the 62-year-old said'.

Feature and local news name a person once and then call them by what they are. The tag's role is
the leader's when the story described exactly one person by it, before the tag, and that person is
a listed leader: as an appositive ('X, a rancher,', 'The shop's owner, X,'), a title before the
name ('rancher X', '62-year-old X'), a predicate ('X is a rancher') or an age set off by commas
('X, 62,'). Any other use of the role word in the story (plural, 'a rancher' describing no one
named, another person's role, a role described after the tag) leaves the tag in doubt; the tag's
own modifiers must all stand in the description ('the former owner' is not 'owner X').
(nlp/leader_titles.py's Titles.role asks, after the leader in view and the watchlist title fail.)
"""

from __future__ import annotations

from onrecord.nlp.epithets import age_epithet, set_off_relative
from onrecord.nlp.named_later import STANDING

_NAME_DEPS = ("compound", "flat")
_ARTICLES = {"the", "a", "an"}


def described_leader(mentions, head):
    """(leader id, [the sentence describing them]) for a tag's 'the rancher' or 'the 62-year-old',
    else (None, [])."""
    nothing = (None, [])
    age = _tag_age(head)
    words = _tag_words(head, age)
    if words is None:
        return nothing
    held = _holders(mentions, head, age)
    if held is None or len(held) != 1:
        return nothing  # nobody, or two people, described so (or a use of the role describing no one named)
    (person, descriptions), = held.items()
    if not person.startswith("leader:"):
        return nothing
    earlier = [d for d in descriptions if d[0] < head.i and words <= d[1] and not (d[1] & STANDING) - words]
    if not earlier or any(d[0] > head.i for d in descriptions):
        return nothing  # described only after the tag, or so only in other words ('the former owner' is not
        # 'owner X', nor 'the rancher' 'X, a former rancher')
    leader = person[len("leader:"):]
    return leader, [mentions.doc[earlier[-1][0]].sent]


def holds_it_now(mentions, head, leader: str, standing: set[str]) -> bool:
    """Whether the story set the tag's role beside the leader without the tag's standing words:
    after 'Okonkwo, the chief executive of Lumenfold,' the tag 'the former chief executive' is another
    (after 'Okonkwo, who ran Lumenfold until 2019,' it is hers)."""
    return any(t.i != head.i and t.lemma_.lower() == head.lemma_.lower() and mentions.in_quote[t.i] == -1
               and _described(mentions, t) == "leader:" + leader
               and not standing & {x.lower_ for x in t.subtree} for t in mentions.doc)


def _tag_age(head) -> str | None:
    """'75' for the tag 'the 75-year-old' (four tokens before 'old'), else None."""
    if not age_epithet(head) or head.i < 4 or not _an_age(head.doc[head.i - 4]):
        return None
    return head.doc[head.i - 4].text


def _an_age(token) -> bool:
    return token.text.isdigit() and 10 <= int(token.text) <= 110


def _tag_words(head, age) -> set[str] | None:
    """The tag's own modifiers ('dairy' in 'the dairy farmer', 'of Aguascalientes'), or None when the
    noun phrase is no bare 'the <role>': 'the rancher next door', 'the union's owner', 'a rancher'."""
    if head.tag_ != "NN" and not age:
        return None
    first = (head.doc[head.i - 5] if head.i >= 5 else head) if age else head.left_edge
    if first.lower_ != "the":
        return None
    words = set()
    for c in head.children:
        if c.dep_ == "relcl" and set_off_relative(c) or c.dep_ == "punct" or c.i == first.i:
            continue
        if age and c.i < head.i and c.i > first.i:
            continue  # the age's own tokens
        if c.dep_ in ("amod", "compound") and c.i < head.i and c.pos_ != "PROPN" or \
                c.dep_ == "prep" and c.lower_ == "of":
            words |= {t.lower_ for t in c.subtree if not t.is_punct and t.lower_ not in _ARTICLES}
            continue
        return None
    return words


def _holders(mentions, head, age):
    """{person: [(token index, words of the description)]} for every use of the role word (or of
    that age) in the story's narration; None when one describes no one named."""
    doc, in_quote = mentions.doc, mentions.in_quote
    held: dict[str, list] = {}
    for t in doc:
        if t.i == head.i:
            continue
        if in_quote[t.i] != -1:
            if t.text == age or not age and t.lemma_.lower() == head.lemma_.lower():
                return None  # '"As a rancher, I ...," said Luis Vidal': the quote may describe another
            continue
        if age:
            person = _aged(mentions, t, age)
            if person is False:
                return None
        else:
            if t.lemma_.lower() != head.lemma_.lower() and t.lower_ != head.lower_:
                continue
            if _bare_reference(t, head):
                continue  # another 'the rancher': the same one, whoever that is
            person = _described(mentions, t)
            if person is None:
                return None
        if person:
            words = {x.lower_ for x in t.subtree if not x.is_punct} | _of_phrase(t)
            held.setdefault(person, []).append((t.i, words))
    return held


def _bare_reference(t, head) -> bool:
    """A singular 'the <role>' shaped like the tag, referring back rather than describing."""
    return t.tag_ == head.tag_ and t.dep_ not in ("appos", "compound", "attr") \
        and [c.lower_ for c in t.children if c.dep_ == "det"] == ["the"] \
        and not any(c.dep_ in ("appos", "poss", "relcl", "acl", "prep") for c in t.children)


def _of_phrase(t) -> set[str]:
    return {x.lower_ for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for x in c.subtree}


def _person(mentions, token) -> str | None:
    """'leader:<id>' or 'person:<surname>' for a name token (the name's head), else None."""
    while token.dep_ in _NAME_DEPS and token.head.i != token.i and token.head.pos_ == "PROPN":
        token = token.head
    if token.i in mentions.leader_at:
        return "leader:" + mentions.leader_at[token.i]
    if token.ent_type_ == "PERSON":
        return "person:" + token.text.lower()
    return None


def _described(mentions, t):
    """Who this use of the role word describes: a person key, or None (it describes no one named)."""
    if t.dep_ == "appos":  # 'John Rosenow, a Wisconsin dairy farmer,'
        return None if _listed(t) else _person(mentions, t.head)
    for c in t.children:
        if c.dep_ == "appos":  # "The shop's owner, Carlos Macías,"
            return None if _listed(c) else _person(mentions, c)
    if t.dep_ == "compound" and t.head.pos_ == "PROPN":  # 'farmer Chris Sayer'
        return _person(mentions, t.head)
    if t.dep_ == "attr" and t.head.lemma_ == "be":  # 'Sayer is a rancher'
        subject = [c for c in t.head.children if c.dep_ == "nsubj"]
        return _person(mentions, subject[0]) if len(subject) == 1 else None
    return None


def _listed(appositive) -> bool:
    """'Okonkwo, the mayor and Reyna attended', 'The mayor, Okonkwo and Reyna': the parser's
    appositive opens a list of people (a name, or a noun with its own article, joined to it), so it
    describes no one (guards 54). 'Okonkwo, founder and chief executive of Lumenfold,' is one person."""
    if any(c.dep_ == "conj" and (c.pos_ == "PROPN" or c.ent_type_ in ("PERSON", "LEADER")
                                 or any(d.dep_ == "det" for d in c.children)) for c in appositive.children):
        return True
    # 'Okonkwo, the mayor, and Reyna attended' (a serial comma; the parser drops the conj): a list
    # as much as an appositive, so no role is read from it (guards 55)
    doc, end = appositive.doc, appositive.right_edge.i
    return end + 3 < len(doc) and doc[end + 1].text == "," and doc[end + 2].lower_ in ("and", "or") \
        and doc[end + 3].pos_ in ("PROPN", "DET") and doc[end + 2].head.i == appositive.head.i


def _aged(mentions, t, age: str):
    """For the age of the tag: the person key of 'X, 62,' or '62-year-old X' at t, '' when t is no
    use of that age, False when it is one describing no one named ('a 62-year-old worker')."""
    doc = t.doc
    if t.text != age or not _an_age(t):
        return ""
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    if t.i >= 2 and doc[t.i - 1].text == "," and nxt is not None and nxt.text in (",", ".", ";"):
        return _person(mentions, doc[t.i - 2]) or False  # 'Mara Okonkwo, 62, said'
    if t.i + 4 < len(doc) and [x.lower_ for x in doc[t.i + 1:t.i + 4]] == ["-", "year", "-"] \
            and doc[t.i + 4].lower_ == "old":
        old = doc[t.i + 4]
        if old.dep_ == "amod" and old.head.pos_ == "PROPN":  # '62-year-old Mara Okonkwo'
            return _person(mentions, old.head) or False
        if old.dep_ == "appos" or any(c.dep_ == "appos" for c in old.children):
            return _described(mentions, old) or False
        if old.dep_ == "amod" and old.head.dep_ == "appos":  # 'X, a 62-year-old mother of three,'
            return _described(mentions, old.head) or False
        if t.i > 0 and doc[t.i - 1].lower_ == "the" and old.dep_ != "attr":
            return ""  # another 'the 62-year-old': the same one, whoever that is
        return False  # 'a 62-year-old worker', another 'the 62-year-old': whose, the rules cannot tell
    if t.dep_ == "nummod" and t.head.pos_ == "NOUN" and t.head.lemma_.lower() != "year":
        return ""  # '62 workers', '62 percent': a count, no age
    if t.dep_ in ("attr", "acomp") and t.head.lemma_ == "be":  # 'Okonkwo is 62'
        subject = [c for c in t.head.children if c.dep_ == "nsubj"]
        return (_person(mentions, subject[0]) if len(subject) == 1 else None) or False
    return False  # 'who is 62', 'aged 62', '62 years old': someone's age, whose the rules do not read
