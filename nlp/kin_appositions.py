"""A possessive on a leader's own kinship noun names someone else, not the leader.

In 'Her stepfather, Blas Garcia, still remembers the moment. "...," he said.' (or 'Blas Garcia, her
stepfather, ...') the 'her' is the woman whose stepfather he is. The antecedent rules refuse a 'he'
after a sentence that speaks of its person only with 'her' (antecedents._other_gender_only: the
leader may be a woman), and they refused here, though the sentence's one person who can be a 'he'
is the leader, named beside a noun that says he is a man.

Only a kinship noun of the pronoun's own gender says so ('stepfather' for 'he'); 'Her boss, Mara
Okonkwo, ...' says nothing of the boss, and 'Her mother, Mara Okonkwo, ...' says the leader is no
'he': both still count the 'her' as before.
"""
from __future__ import annotations

# Nouns of kinship that say the person's gender, by the pronoun that can stand for that person.
KIN_NOUNS = {
    "he": frozenset({"father", "stepfather", "husband", "son", "stepson", "brother", "stepbrother", "uncle",
                     "grandfather", "grandson", "nephew", "father-in-law", "son-in-law", "brother-in-law"}),
    "she": frozenset({"mother", "stepmother", "wife", "daughter", "stepdaughter", "sister", "stepsister", "aunt",
                      "grandmother", "granddaughter", "niece", "mother-in-law", "daughter-in-law", "sister-in-law"}),
}
# What may stand between the possessive's noun phrase and the name set off beside it.
_IN_THE_PHRASE = frozenset({"NOUN", "ADJ", "CCONJ", "PUNCT", "PROPN"})


def kin_possessors(narration, leader_id: str, pronoun, leader_at: dict) -> frozenset | None:
    """Indices of possessives ('her') opening a phrase with a kinship noun of the pronoun's own
    gender that is set off by a comma right beside the leader's name, before or after it; None when
    such a noun of the other gender stands beside the name ('His wife, Mara Okonkwo, ...' before
    'he said'): the leader is not the one the pronoun can be."""
    own, other = KIN_NOUNS.get(pronoun.lower_), KIN_NOUNS.get("she" if pronoun.lower_ == "he" else "he")
    if own is None or leader_id is None:
        return frozenset()
    found = set()
    for t in narration:
        kin = {w.lemma_.lower() for w in _phrase_beside(t, leader_id, leader_at)} if t.tag_ == "PRP$" else set()
        if kin & other:
            return None
        if kin & own:
            found.add(t.i)
    return frozenset(found)


def _phrase_beside(possessive, leader_id: str, leader_at: dict) -> list:
    """The words of the phrase the possessive opens when it runs, through nouns and 'and' only, to
    a comma and the leader's name ('Her stepfather and restaurant co-owner, Blas Garcia'), or when
    the leader's name and a comma come right before it ('Blas Garcia, her stepfather,'); else []."""
    doc, i = possessive.doc, possessive.i
    words = []
    for k in range(i + 1, min(i + 8, len(doc) - 1)):
        if doc[k].text == ",":
            named = i >= 2 and doc[i - 1].text == "," and leader_at.get(doc[i - 2].i) == leader_id
            return words if words and (named or _leader_named_from(doc, k + 1, leader_id, leader_at)) else []
        if doc[k].pos_ not in _IN_THE_PHRASE or doc[k].i in leader_at or doc[k].is_sent_start:
            return []
        words.append(doc[k])
    return []


def _leader_named_from(doc, start: int, leader_id: str, leader_at: dict) -> bool:
    """The name starting at `start` is the leader's (its first words may be read as hers only from
    the surname on: 'Blas Garcia', where the rules hold 'Garcia')."""
    for k in range(start, min(start + 3, len(doc))):
        if leader_at.get(doc[k].i) == leader_id:
            return True
        if doc[k].pos_ != "PROPN" or doc[k].i in leader_at:
            return False
    return False
