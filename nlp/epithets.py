"""How a story refers back to someone it has named: an age in place of the name ('the
75-year-old'), a relative clause set off by a comma that describes her ('the executive, who
...') and a common noun set beside her name ('Okonkwo, the chief executive officer of ...').
nlp/leader_titles.py, nlp/described_roles.py and nlp/paraphrase.py read them, so they live apart.
"""

from __future__ import annotations


def age_epithet(head) -> bool:
    """'the 75-year-old': an age standing for the person, as reporters write after naming them."""
    doc = head.doc
    return head.lower_ == "old" and head.i >= 3 and doc[head.i - 1].text in ("-", "–") \
        and doc[head.i - 2].lower_ == "year" and doc[head.i - 3].text in ("-", "–")


def set_off_relative(clause) -> bool:
    """'the 75-year-old, who has campaigned against ...': a relative clause set off by a comma
    describes the one already meant, where 'the executive who spoke first' picks someone out."""
    start = clause.left_edge.i
    return clause.dep_ == "relcl" and start > 0 and clause.doc[start - 1].text == "," \
        and clause.doc[start].lower_ in ("who", "whose")


def describes_her(appositive) -> bool:
    """'according to Okonkwo, the chief executive officer of Lumenfold': a common noun set beside
    her name says who she is; a name ('Okonkwo, Ruiz') or a list ('the mayor and the sheriff') may
    be someone else."""
    return appositive.pos_ == "NOUN" and appositive.ent_type_ == "" and not any(
        c.dep_ in ("conj", "cc") for c in appositive.children)
