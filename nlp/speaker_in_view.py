"""'Okonkwo spoke at the rally. "A." She said, "B."' (guards 54, FICTIONAL probes): guards 53's
quote_introductions.opens_next_quote takes a tag that introduces the next quote from the quote
before it, so A is not given to whoever speaks B ('The mayor spoke first. "A." Okonkwo said, "B."').
But when the sentence right before A names one person only, and that person is the tag's speaker
(the same surname, or a pronoun), no other speaker is in view: A and B are both that person's, and
the tag may stay A's too. Any other person in that sentence (a second name, 'the mayor',
'reporters') leaves A without the tag, as guards 53 has it."""

from __future__ import annotations

from onrecord.nlp import leader_patterns as lp

_PRONOUNS = frozenset({"he", "she"})
_NAMES = ("PERSON", "LEADER")


def only_the_tags_speaker_before(verb, first, in_quote) -> bool:
    """first is the quote's first token, verb its tag after it: the sentence right before the quote
    names one person, and the tag's subject is that person (their surname or he/she)."""
    doc = verb.doc
    k = first.i - 1
    while k >= 0 and (doc[k].is_punct or doc[k].is_space):
        k -= 1
    if k < 0 or in_quote[k] != -1:
        return False
    before = doc[k].sent
    names = [e for e in doc.ents if e.label_ in _NAMES and before.start <= e.start < before.end]
    if len(names) != 1:
        return False
    name = names[0]
    around = {t.i for t in name.root.subtree}  # ('Okonkwo, the chief executive of Lumenfold, spoke')
    if any((lp.is_person_noun(t.lower_) or t.lower_ in _PRONOUNS or t.lower_ in ("they", "him", "her", "them"))
           and t.i not in around and t.i not in range(name.start, name.end) for t in before):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and in_quote[c.i] == -1]
    if len(subjects) != 1:
        return False
    subject = subjects[0]
    return subject.lower_ in _PRONOUNS or subject.text == name[-1].text
