"""A quote sentence opened by a connective or a short adverbial of the writer's, right after the
same speaker's tagged quote: '"...," he said. But at the same time, "They want ..."' (heldout94
up04). The words before the marks are the outlet's joint ('But', 'Still,', 'At the same time,',
'Later,', 'Then,'), not a new speaker, so the quote goes on in the tag's speaker as an untagged
quote right after the tag does (quote_continuations.Continuations._continuations, which asks this
when the words between the quotes are more than the tag's clause).

Read on the parse only: the opener is the start of the quote's own sentence, words with no verb,
pronoun or name, an adjective only inside a phrase ('At the same time'; 'Then someone shouted, "..."'
and 'Still, critics say "..."' have a verb, 'But Linda Chow, "..."' a name); its nouns are no person,
group or document ('But to the union, "..."', 'In the letter, "..."': whose words, or whose view, is
in doubt), each the object of a preposition or a time ('Later that day'), and its prepositions no
source of a view ('according to', 'for', 'to', 'from', 'by', 'like'); no colon ('Below: "..."'); the
quote ends that sentence (a tag after it would be its own) and is that sentence, its root a
verb inside the marks ('Meanwhile, "Operation Riverton Sweep."' is a name)."""
from __future__ import annotations

from onrecord.nlp import leader_patterns as lp

_OPENER_POS = frozenset({"CCONJ", "ADV", "ADP", "DET", "NOUN", "NUM", "PUNCT"})
# a view's source or a comparison: 'For the mayor, "..."', 'To critics, "..."', 'Like the union, ...'
_SOURCE_PREPOSITIONS = frozenset({"according", "to", "for", "from", "by", "with", "per", "like", "unlike", "as"})


def without_opener(gap, verb, quote_tokens):
    """The gap between a tagged quote and the next one without a connective opener that starts the
    next quote's sentence, or None when there is no such opener (or it is not safe to pass over)."""
    if not gap or not quote_tokens:
        return None
    sent = quote_tokens[0].sent
    if sent.start == verb.sent.start:
        return None  # one sentence: the tag's clause reading decides
    opener = [t for t in gap if t.i >= sent.start]
    tag = [t for t in gap if t.i < sent.start]
    if not opener or any(t.sent.start != verb.sent.start for t in tag):
        return None
    words = [t for t in sent if t.i < quote_tokens[0].i]
    if any(t.pos_ not in _OPENER_POS and not (t.pos_ == "ADJ" and t.dep_ == "amod")
           or t.ent_type_ not in ("", "DATE", "TIME") for t in words):
        return None  # a verb, a pronoun or a name: 'Then someone shouted, "..."', 'But Linda Chow, "..."'
    if any(t.lower_ in _SOURCE_PREPOSITIONS for t in words):
        return None
    if any(t.pos_ == "NOUN" and (lp.is_person_noun(t.lower_) or t.lemma_.lower() in lp.GROUP_NOUNS
                                 or t.lemma_.lower() in lp.SPEECH_NOUNS or t.lemma_.lower() in lp.WORDS_NOUNS)
           for t in words):
        return None
    if any(t.pos_ == "NOUN" and t.dep_ not in ("pobj", "npadvmod") for t in words):
        return None  # 'But the sign outside, "..."': a bare noun phrase, not an adverbial
    if any(t.text == ":" for t in words):
        return None  # 'Below: "..."' points to a document, a sign or a list, not her sentence going on
    root = sent.root
    if root not in quote_tokens or root.pos_ not in ("VERB", "AUX"):
        return None  # the quote is the sentence, its own verb at the root (no title or label)
    last = quote_tokens[-1]
    if any(t.i > last.i and not (t.is_punct or t.is_space) for t in last.sent):
        return None  # words after the quote in its sentence: a tag or the writer's own sentence
    return tag
