"""Whether the subject of a verb of speech brings in people besides the leader it names.

"Okonkwo and the mayor stated", "Okonkwo, along with 60 CEOs, said", "the chief executive, Okonkwo,
and its finance chief, Murrow, told": words of two or more, never one person's (issue 11's
must-never). The leader's own titles, parsed as a list ("founder and CEO", "Ben & Jerry's co-founder
Ben Cohen"), bring in no one.
"""
from __future__ import annotations

from onrecord.nlp import leader_patterns as lp


def joins_others(prep) -> bool:
    """"along with", "together with", "alongside", "among": the subject speaks with others."""
    if prep.lower_ == "with":
        return prep.i > 0 and prep.doc[prep.i - 1].lower_ in ("together", "along")
    return prep.lower_ in lp.GROUP_PREPOSITIONS


def another_party(conj, leader_at, leader_id: str) -> bool:
    """A coordinated member that brings in others: a name not the leader's, a plural ('and other
    industry leaders'), or a person with a determiner of their own ('and the mayor', 'and her
    lawyer'); a bare singular title ('founder and CEO') is the leader's own, and so is a name that is
    a possessive ("Ben & Jerry's co-founder Ben Cohen", the parse's list ending in "'s")."""
    if any(c.dep_ == "case" for c in conj.children):
        return False
    return conj.tag_ in ("NNS", "NNPS") or someone_of_their_own(conj) or any(
        (t.ent_type_ in ("PERSON", "LEADER") or t.pos_ == "PROPN" and t.is_title) and leader_at.get(t.i) != leader_id
        for t in conj.subtree)


def someone_of_their_own(noun) -> bool:
    """'the mayor', 'her lawyer': a person noun with its own article or possessor is another person,
    where a title in a list of the leader's own shares the first title's ('the founder and CEO')."""
    return noun.tag_ == "NN" and lp.is_person_noun(noun.lower_) and any(
        c.dep_ in ("det", "poss") for c in noun.children)


def another_name_beside(subject, leader_at, leader_id: str) -> bool:
    """'Linda Chow, Mara Okonkwo, stated': another person's name with the leader's in apposition (a
    list that lost its 'and', or a misparse): which of them spoke is in doubt. Only a name set off by
    a comma ("Ben & Jerry's co-founder Ben Cohen" is a company's name, parsed as a list of people)."""
    doc = subject.doc
    return subject.ent_type_ == "PERSON" and leader_at.get(subject.i) != leader_id \
        and subject.i + 1 < len(doc) and doc[subject.i + 1].text == ","


def listed_in_apposition(subject, leader_at, leader_id: str) -> bool:
    """'Okonkwo, her sister and her husband said': the parse hangs the others as an appositive with a
    list of its own. Such an appositive before the verb, with an article or possessor of its own, listing
    other people and closed by no comma, is the subject itself ('Okonkwo, the chief executive of Lumen and
    a former mayor, said' is closed: her own titles)."""
    doc = subject.doc
    for appos in (c for c in subject.children if c.dep_ == "appos"):
        if appos.right_edge.i > subject.head.i or not any(c.dep_ in ("det", "poss") for c in appos.children):
            continue  # 'said Tim Wood, a dairy farmer and a member of ...': after the verb, his own;
            # 'Nneka Sederstrom, PhD, chief health equity officer at ... said': titles of hers, no article
        closed = appos.right_edge.i + 1 < len(doc) and doc[appos.right_edge.i + 1].text == ","
        if not closed and any(x.dep_ == "conj" and (another_party(x, leader_at, leader_id) or _people(x))
                              for x in appos.children):
            return True
    return False


def _people(conj) -> bool:
    """'two of his workers', 'three others': a number, or a plural person noun, in the listed member."""
    return conj.tag_ == "CD" or any(t.tag_ == "NNS" and lp.is_person_noun(t.lower_) for t in conj.subtree)
