"""An absolute phrase of another's voice set off after her clause (guards 55, a red-team of
precision; FICTIONAL probes): 'Okonkwo said at the rally, the sign reading:', 'Okonkwo spoke, the
union adding:', 'spoke at the rally, with the banner reading:'. The -ing word of saying or reading
has its own subject, a noun or a name that is not her, so the words it leads into, and the phrase
itself, are not a report of hers (the parser may take it for her reported clause, or for her own
colon introduction). 'Okonkwo said, adding:' and '..., before adding:' stay hers: nothing of its
own stands before the participle."""
from __future__ import annotations

from onrecord.nlp.speech_verbs import is_speech

_VOICES = frozenset({"reading", "saying", "adding", "chanting", "declaring", "proclaiming", "stating",
                     "shouting", "noting", "warning", "urging", "demanding", "calling", "singing", "showing"})


def anothers_voice(token, hers) -> bool:
    """token is an -ing word of saying or reading whose own subject (a noun or a name right before it,
    or its parsed subject) is none of hers (the indices of the tokens that stand for her)."""
    if token is None or token.lower_ not in _VOICES and not (token.tag_ == "VBG" and is_speech(token)):
        return False
    if any(c.dep_ == "aux" for c in token.children):
        return False  # 'the union is saying': a clause of its own, read as one
    own = [c for c in token.children if c.dep_ in ("nsubj", "compound") and c.i < token.i]
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.pos_ in ("NOUN", "PROPN"):
        own.append(before)
    return any(t.i not in hers and t.pos_ in ("NOUN", "PROPN") for t in own)


def subject_indices(verb) -> set:
    """The indices of the tokens of verb's subject (who the colon introduction is about)."""
    return {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}


def voice_before_colon(sent, colon_at: int, verb) -> bool:
    """The colon at character colon_at in sent closes another's voice, not verb's speaker's: 'Okonkwo
    spoke at the rally, the union adding:' (colon_verb, quote_introductions.py)."""
    colon = next((t for t in sent if t.idx == colon_at), None)
    if colon is None or colon.i == 0:
        return False
    ing, main = colon.doc[colon.i - 1], verb
    while main.i == ing.i and main.head.i != main.i:
        main = main.head  # the participle itself chosen: whose clause it hangs on
    return anothers_voice(ing, subject_indices(main))
