"""A quote given as the term a leader used: 'He used the term "unique assets" to describe what he
believes is a traditional high-end security detail' (heldout80 ub01; round 52). Using a term is saying
it, so the words in the marks are hers, as 'called it "..."' would be.

Only the verb 'use' (not 'the term "..." used by ...') whose object is a word for words ('term',
'phrase', 'word', 'expression') with the quote right after it; the noun may have no possessor but hers
('the mayor's term "..."' is his coinage). This verb, not a speech verb above it, is the one read:
'said the mayor used the term "..."', 'asked the mayor to use the term "..."' are the mayor's use,
where climbing to her 'said' or 'asked' gave her the words before. The rest is _attribute_span's, as
for any partial quote: the subject must be one leader (a group, an official, a pronoun in doubt are
refused), and a negated verb ('did not use the term'), a name or title in the marks ('the term
"Operation Midway Blitz"'), someone else's claim, a gloss, a headline leave the quote to no one."""

from __future__ import annotations

from onrecord.nlp.quote_candidates import OWN_POSSESSIVES

TERM_NOUNS = frozenset({"term", "phrase", "word", "words", "expression"})


def term_used(tokens, in_quote):
    """The verb 'use' whose term the quote (its tokens) is, or None."""
    if not tokens:
        return None
    doc, before = tokens[0].doc, tokens[0].i - (0 if tokens[0].is_quote else 1)
    if before < 1 or not doc[before].is_quote:
        return None  # the term's noun stands right before the opening mark
    noun = doc[before - 1]
    if noun.lower_ not in TERM_NOUNS or in_quote[noun.i] != -1:
        return None
    verb = noun.head
    if verb.lemma_.lower() != "use" or verb.i > noun.i:
        return None  # ('the term "..." used by the mayor')
    if any(c.dep_ == "poss" and c.lower_ not in OWN_POSSESSIVES for c in noun.children):
        return None  # 'used the mayor's term "..."': his coinage
    return verb
