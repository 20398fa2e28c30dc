"""A leader giving her own view before a colon: 'Mara Okonkwo, chief executive of Lumenfold, shared
her view on the shortage:', 'offered her perspective:' (heldout44 sr04, whose outlet printed the
words after the colon as paragraphs without quote marks, a blockquote that lost its markup).

The colon presents the subject's own words when the verb gives something (share, offer, give) and
its one object is a view (view, perspective, thoughts, take) that is hers: possessed by 'his' or
'her', never 'the union's view', 'their view' or 'a view'. The subject is a single name or noun,
and no one else is named or described in the sentence ('met the mayor and shared his view:' may be
the mayor's view). quote_candidates reads the unmarked paragraphs after such a colon as a passage,
and attribution gives them to the verb's subject, as after 'Okonkwo posted on Bluesky:'; the
subject is still read by the usual rules (a pronoun in doubt, another person, a group: no one).
The other way round, a view asked for ('Okonkwo asked for his perspective:', 'asked Linda Chow for a
comment:') is the one asked's: attribution gives the words after that colon to no one.
"""

from __future__ import annotations

from onrecord.nlp import leader_patterns as lp

_GIVING = frozenset({"share", "offer", "give"})
_VIEWS = frozenset({"view", "perspective", "thought", "thoughts", "take"})  # (the lemma of "thoughts" is "thought")


def gives_own_view(verb) -> bool:
    """Whether `verb` is 'shared her view (on ...)', its sentence ending in the colon that
    introduces her words."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _GIVING:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) != 1 or objects[0].lemma_.lower() not in _VIEWS:
        return False
    owners = [c for c in objects[0].children if c.dep_ == "poss"]
    if len(owners) != 1 or owners[0].lower_ not in ("his", "her"):
        return False  # 'the union's view', 'their views', 'a view': someone else's, or a group's
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1 or subjects[0].tag_ in ("NNS", "NNPS") or any(
            c.dep_ in ("conj", "cc") for c in subjects[0].children):
        return False  # 'The owners shared ...', 'Okonkwo and the mayor shared ...'
    own = {t.i for t in subjects[0].subtree} | {owners[0].i}
    return not any(t.i not in own and (t.ent_type_ in ("PERSON", "ORG", "NORP") and _names_someone(t)
                                       or t.pos_ == "PRON" and t.lower_ not in ("it", "this", "that")
                                       or t.pos_ in ("NOUN", "PROPN") and lp.is_person_noun(t.lower_))
                   for t in verb.sent)


def asks_for_a_view(verb) -> bool:
    """'asked for his perspective:', 'asked for the mayor's view:': a view or words sought with 'for'
    are the one asked's, not the asker's, whatever the verb."""
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(
        o.dep_ == "pobj" and o.lemma_.lower() in _VIEWS | lp.WORDS_NOUNS for o in c.children) for c in verb.children)


def _names_someone(token) -> bool:
    """A name in the sentence outside the subject: a person's, or a group's whose view it may be
    ('shared her view of the union's letter:' names the union: the words may be the letter's)."""
    return token.pos_ == "PROPN" or token.ent_type_ == "PERSON"


_QUESTIONS = frozenset({"question", "query", "inquiry"})
_ANSWERING = frozenset({"respond", "answer", "reply", "field", "face", "take", "dodge", "sidestep", "deflect", "address",
                        "receive", "get", "duck", "evade"})


def _answered(question) -> bool:
    """question (a noun) is what a verb of answering or facing is about ('responding to a question
    about ...', 'fielded questions on ...'): put to the speaker, not asked by her ('raised questions')."""
    node = question
    while node.dep_ in ("pobj", "prep", "dobj") and node.head.i != node.i and node.pos_ != "VERB":
        node = node.head
    return node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in _ANSWERING


def in_a_question_put(tokens, verb) -> bool:
    """'did not directly answer when asked whether the mayor is politically "winning"', 'Asked whether the
    raids were "working," Okonkwo said ...' (heldout74 tv01): a partial quote inside the clause of a
    question put to her ('asked', a participle or passive: she is the one asked) is the asker's word, never
    hers. So is one in a question she answers or faces ('responding to a question about whether ...')."""
    for ancestor in tokens[0].ancestors if tokens else ():
        if ancestor.lemma_.lower() == "ask" and ancestor.tag_ == "VBN" and not any(
                c.dep_ == "nsubj" or c.dep_ == "aux" and c.lemma_.lower() == "have" for c in ancestor.children):
            return True  # (not 'she had asked the board for "a fair hearing"': her own asking)
        if ancestor.lemma_.lower() in _QUESTIONS and ancestor.pos_ == "NOUN" and _answered(ancestor):
            return True  # 'was responding to a question about whether it would "stand up"' (guards 54): the asker's
        if verb is not None and ancestor.i == verb.i:
            return False  # (the quote's own verb reached: what is above it frames the whole tag)
    return False
