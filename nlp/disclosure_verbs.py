"""Verbs that report speech only through a that-clause: 'Parekh clarified that an employee was
denied entry', 'Akram shared that activity in his store dropped by 50%', 'he disclosed that he
received an apology'. With a clause opened by `that` each says what the speaker told; without one
they name an act ('shared the video', 'indicated support', 'clarified the policy'), so the reading
(paraphrase.Paraphrases.indirect, beside the verbs of emphasis) asks for the clause and its `that`
in the parse, and every guard of a reported clause then applies as for 'said that'."""
from __future__ import annotations

DISCLOSURE_VERBS = frozenset({"clarify", "disclose", "share", "indicate", "confess", "propose", "allege", "charge"})


def opens_a_that_clause(verb) -> bool:
    """The verb has a clausal complement whose own mark is 'that'."""
    return any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
               for c in verb.children)
