"""A quoted name set off after a place in the tag, not a speaker's words (look 2 of heldout96 to
heldout100): '"...," said Escaray, 37, in one of his restaurants, "Sabor Venezolano."' (heldout100
uv04). Asked by attribution.py's direct rule and by quote_continuations, which would each read it as
her next quote."""
from __future__ import annotations

from onrecord.nlp.quote_candidates import looks_like_a_name, word_before_marks


def names_the_place(tokens, words: str) -> bool:
    """'"...," said Escaray, 37, in one of his restaurants, "Sabor Venezolano."' (heldout100 uv04, look 2):
    Title Case words without a verb, set off by a comma right after the object of a preposition, name
    the place or thing that phrase tells of. The parser hangs them on the tag's verb, so they read as
    her next quote; they are nobody's words (after her name or her title, '"...," said Okonkwo,
    "Never Again."', they are left hers)."""
    if not tokens or any(t.pos_ in ("VERB", "AUX") for t in tokens) or not looks_like_a_name(words.rstrip(".")):
        return False
    comma = word_before_marks(tokens)
    if comma is None or comma.i < 1 or comma.text != ",":
        return False
    noun = comma.doc[comma.i - 1]
    return noun.pos_ == "NOUN" and noun.dep_ == "pobj"
