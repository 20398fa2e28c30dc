"""Subjects the parse lost or made up, so that the subject a reported verb would be given is not its own.

- **A finite verb hung as an adverbial clause with no subject of its own.** In `Altman's remarks reflect
  a broader shift as tech executives and workers demand accountability ...` (heldout76 tx10, a caption)
  the parser read `as tech executives and workers` as a phrase and left `demand` without its subject,
  so climbing to the main clause gave it `Altman's remarks`: the executives' and workers' demand
  became his. A finite verb always has a subject; when the parse shows none, it was lost, and the
  verb's speaker is unknown.
- **A possessor read as a subject.** In `Altman's remarks ... have reverberated publicly, underscoring
  mounting pressure on corporate leaders ...` (the same page) the parser took `remarks` for a verb
  and `Altman's` for its subject, so the outlet's reading of the remarks' effect became his words.
  A word with a possessive `'s` of its own owns something; it does not act.
"""
from __future__ import annotations

FINITE = ("VBD", "VBP", "VBZ")
SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")


def finite_without_subject(verb) -> bool:
    """True for a finite verb in an adverbial clause whose parse gives it no subject."""
    return verb.dep_ == "advcl" and verb.tag_ in FINITE and not any(c.dep_ in SUBJECTS for c in verb.children)


def possessor(token) -> bool:
    """True for a word that carries a possessive 's of its own ('Altman's')."""
    return token is not None and any(c.dep_ == "case" and c.tag_ == "POS" for c in token.children)
