"""Subjects that the rules guess are speakers only from their place (the subject of a verb that can
report speech) but that no 'he' or 'she' can point back to: a news outlet, named by its common noun
('FIFA president Gianni Infantino, however, deflected concerns when the outlet asked him. "...," he
said.', heldout80 ub07; round 52), or by a name with a digit ('ABC24 noted that ...', '3M said':
heldout50 sx04, round 50). Read only where a pronoun's candidates are counted (antecedents._agreeing):
an outlet still counts as someone else wherever its own words could be taken for hers."""

from __future__ import annotations

# the outlet itself, never a person on its staff ('the outlet's reporter', 'the anchor' stay people)
NEWS_OUTLET_NOUNS = frozenset({
    "outlet", "newspaper", "paper", "magazine", "publication", "broadcaster", "network", "station",
    "website", "tabloid", "newsroom",
})


def no_he_or_she(word: str) -> bool:
    """A guessed speaker's word ('outlet', 'abc24') that names an outlet or a company, no person."""
    return word in NEWS_OUTLET_NOUNS or any(ch.isdigit() for ch in word) and not word.startswith("@")
