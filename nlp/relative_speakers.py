"""Words quoted in a relative clause of speech hung on someone else are that one's (guards 54, a
red-team of precision; FICTIONAL probes): 'said the raids must end, echoing the mayor, who called
them "a disgrace."', '..., citing a report by the union that found agents "targeted workers of
color."'. The quote sits inside her reported words, but the relative clause's verb of saying (or of
a finding) has a relative pronoun for subject, and its antecedent, the mayor or the report, is who
gave those words. A clause on her ('Okonkwo, who called the raids "a disgrace," said ...') or with a
subject of its own ('the policy she called "cruel"') is left alone, as is one whose verb says no
words ('hire workers who "want to build a life here"')."""

from __future__ import annotations

from onrecord.nlp.speech_verbs import is_speech, lemma

_RELATIVES = frozenset({"who", "that", "which"})
_FINDINGS = frozenset({"find", "conclude", "show", "call", "describe", "label", "term", "dub", "brand"})


def anothers_clause(relcl, leader_at, leader_id) -> bool:
    """relcl is a relative clause of saying whose relative pronoun stands for someone or something
    that is not the leader."""
    if relcl.dep_ != "relcl" or not (is_speech(relcl) or lemma(relcl) in _FINDINGS):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _RELATIVES for c in relcl.children):
        return False
    antecedent = relcl.head
    named = {leader_at.get(t.i) for t in antecedent.subtree if t.i < relcl.left_edge.i}
    return leader_id not in named and antecedent.lower_ not in ("she", "he", "her", "him")


def in_anothers_relative_clause(tokens, verb, leader_at, leader_id) -> bool:
    """tokens (a quote) hang, below verb, on a relative clause of someone else's saying."""
    if tokens and _right_after(tokens, leader_at, leader_id):
        return True
    for ancestor in tokens[0].ancestors if tokens else ():
        if verb is not None and ancestor.i == verb.i:
            return False
        if anothers_clause(ancestor, leader_at, leader_id):
            return True
    return False


def _right_after(tokens, leader_at, leader_id) -> bool:
    """'Okonkwo, speaking after the mayor, who called the raids "a disgrace," said ...': the parser
    hangs the quote on the mayor or on her, beside the clause, not in it; the quote opens right where
    a relative clause of another's saying ends, so it is that clause's (guards 55)."""
    doc = tokens[0].doc
    before = [t for t in doc[tokens[0].sent.start:tokens[0].i] if not t.is_punct]
    if not before:
        return False
    last = before[-1]
    return any(a.dep_ == "relcl" and a.right_edge.i <= last.i + 1 and anothers_clause(a, leader_at, leader_id)
               and not _her_complement(a.head, leader_at, leader_id)
               for a in [last, *last.ancestors] if a.i not in (t.i for t in tokens[0].ancestors))


def _her_complement(noun, leader_at, leader_id) -> bool:
    """'Mara Okonkwo is a baker who has called the raids "a disgrace."': the antecedent is her."""
    return noun.dep_ == "attr" and noun.head.lemma_ == "be" and any(
        c.dep_ == "nsubj" and leader_at.get(c.i) == leader_id for c in noun.head.children)
