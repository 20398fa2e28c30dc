"""What an act shows is the reporter's reading, not the leader's words.

'Khosla left the board on Tuesday, highlighting tensions within the venture capital community':
a participle of a verb whose subject may be a thing ('highlight', 'underscore': the act, not the
man, highlights) set after an act that is no act of words says what the act shows. After an act
of words, or under one, it goes on with what was said ('criticized the industry's silence,
highlighting the recent shootings', 'argued that "Silicon Valley can't bend the knee" ...,
highlighting the importance of ...', 'shed light on the realities of the situation, highlighting
...'), as the development batches annotate it. Found at the first look at heldout88 (uj08, a dek).
"""

from __future__ import annotations

from onrecord.nlp.position_reports import FRAMES
from onrecord.nlp.speech_verbs import is_expressive, is_speech, lemma

_SHOWN_BY = frozenset({"highlight", "underscore"})
_LIGHT_SHED = frozenset({"shed", "cast", "throw"})  # 'shed light on ...': an idiom of explaining


def shown_by_an_act(verb) -> bool:
    """A set-off participle of 'highlight' or 'underscore' after a verb that reports no words."""
    if not (verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.i < verb.i and lemma(verb) in _SHOWN_BY):
        return False
    head = verb.head
    while True:
        if _reports_words(head):
            return False
        if head.dep_ not in ("ccomp", "xcomp", "conj") or head.head.i == head.i:
            return True
        head = head.head


def _reports_words(head) -> bool:
    return is_speech(head) or is_expressive(head) or lemma(head) in FRAMES or lemma(head) in _LIGHT_SHED and any(
        c.dep_ == "dobj" and c.lower_ == "light" for c in head.children)
