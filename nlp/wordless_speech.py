"""A verb of speech inside a leader's reported clause that is negated reports no words of anyone
else's: 'Janota added that ICE agents did not ask for documentation from him ...' (heldout65 tm02):
nothing was asked, so the clause is only her account of what happened.

paraphrase_checks' someone-else check refuses a reported clause with another person's speech in it
('said the mayor told her the raids were legal': the mayor's words inside hers). A negated verb
carries none, unless a quote stands in it ('said the sheriff did not say "..."': his words, even
denied). Only the negation is read: a verb with nothing after it may be a tag of a quote before
('"...," Okonkwo told reporters a worker had said': the worker's words), so it stays refused."""
from __future__ import annotations

from onrecord.nlp.quote_marks import QUOTE_CHARS


def reports_no_words(verb, in_quote) -> bool:
    """True when the speech verb is negated in the parse ('did not ask', 'never told') and no quote
    mark or quoted word stands in its phrase."""
    if any(t.text in QUOTE_CHARS or in_quote[t.i] != -1 for t in verb.subtree):
        return False  # a quote in it: words, whoever's
    return any(c.dep_ == "neg" for c in verb.children)
