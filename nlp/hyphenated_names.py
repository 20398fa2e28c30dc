"""A listed surname that is only one half of someone's hyphenated surname ("Cruz" in "Emmanuel
Karim Nicola-Cruz") names another person, not the leader: spaCy splits "Nicola-Cruz" into three
tokens, so the leader's alias matches the last one (heldout30 gave a car-wash owner's son's words to
a barber in another state whose surname is Cruz). The leader's own hyphenated name is one pattern
("Koenig-Herndon") and keeps its hyphen inside the mention, so it is never cut here."""

from __future__ import annotations


def _glued_capital_half(hyphen, other) -> bool:
    """`hyphen` is a '-' written with no space on either side, and `other` a capitalised word."""
    return hyphen.text in ("-", "‐", "‑") and other.is_title and other.is_alpha


def in_another_hyphenated_name(ent) -> bool:
    """Whether the mention `ent` is glued by a hyphen to another capitalised word: 'Nicola-Cruz'
    or 'Cruz-Nicola' (the leader being Cruz)."""
    doc = ent.doc
    if ent.start >= 2:
        hyphen, other = doc[ent.start - 1], doc[ent.start - 2]
        if not other.whitespace_ and not hyphen.whitespace_ and _glued_capital_half(hyphen, other):
            return True
    if ent.end + 1 < len(doc):
        last, hyphen, other = doc[ent.end - 1], doc[ent.end], doc[ent.end + 1]
        if not last.whitespace_ and not hyphen.whitespace_ and _glued_capital_half(hyphen, other):
            return True
    return False
