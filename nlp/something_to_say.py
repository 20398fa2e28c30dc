"""'Here's what Mara Okonkwo had to say about the raids:', 'Okonkwo had this to say:': the idiom
'have something to say' reports what was said (heldout54 tb04, before a block statement printed
without quote marks), where 'Okonkwo had to say goodbye' or 'had to tell staff ...' is a duty.

The parse makes the speech verb an xcomp of 'have' with 'to', which SpeechGrammar otherwise reads
as hypothetical ('want Okonkwo to say') and whose subject it does not climb to. The idiom is read
from the parse alone: the words said are an object standing BEFORE the speech verb ('what', 'this',
'the following', 'plenty': the thing she had; 'had to say goodbye' has none before), and that
object is not 'nothing'. Negation and 'will have to say' are still read by
SpeechGrammar.negated, which walks up to 'have'.
"""

from __future__ import annotations

_NOTHING = frozenset({"nothing", "none", "little"})


def had_something_to_say(verb) -> bool:
    """Whether `verb` ('say', 'tell') is the xcomp of 'have' in 'what X had to say' or 'X had
    this to say'."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.i == verb.i or head.lemma_.lower() != "have" or head.i > verb.i:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    said = [c for c in list(verb.children) + list(head.children) if c.dep_ == "dobj" and c.i < verb.i]
    return len(said) == 1 and said[0].lower_ not in _NOTHING
