"""A tag after the quote that says the speaker was quoted: '"...," Okonkwo was quoted as saying.',
'"...," the CEO was cited as saying by the Ledger.', '"...," the Ledger quoted Okonkwo as saying.'
(heldout83 ue03: '"We power ICE," Karp said on Monday. "We've supported Israel. ... controversial,"
the CEO was cited as saying by Business Insider.').

The words are the one quoted's: the passive subject of 'quote' or 'cite', or its object. The
tag rule never takes these verbs ('"...," Okonkwo quoted' passes on another's words:
lp.NOT_TAG_VERBS), the subject rule gives a passive no speaker, and passed_on_words.quoted_person
reads the form only with the words after it, so without this reading the quote is no one's.
Only a tag: the quote ends in a comma inside its marks and hangs on the verb (so '"...," the mayor
said, and Okonkwo was quoted as saying' hangs on 'said'); 'as saying' with nothing of its own after
it but a 'by' or an adverb ('was quoted as saying the mayor told her' is hearsay); no negation or
doubt ('never', 'falsely');
and a person or a paper who quotes her ('the mayor quoted Okonkwo as saying', 'was quoted by the
mayor as saying', 'the union's letter quoted Okonkwo as saying') relays her words second-hand, so
only a news outlet (a name, or news_outlets' nouns) or no one may be the quoter."""

from __future__ import annotations

from onrecord.nlp import leader_patterns as lp
from onrecord.nlp.news_outlets import NEWS_OUTLET_NOUNS
from onrecord.nlp.quote_candidates import Attribution, unique_sents
from onrecord.nlp.speech_verbs import lemma

SAYING = frozenset({"say", "tell", "write", "add", "state"})
DOUBTED = frozenset({"falsely", "wrongly", "erroneously", "incorrectly", "mistakenly", "allegedly", "never", "not"})


def quoted_as_saying(attribution, index):
    """(Attribution, verb) for a quote whose tag says its speaker was quoted as saying it, or None."""
    article = attribution.article
    span, tokens, in_quote = article.spans[index], article.span_tokens[index], article.in_quote
    if span.embedded or span.block or not tokens or not attribution.text[span.start:span.end].rstrip().endswith(","):
        return None
    roots = [t for t in tokens if in_quote[t.head.i] != index and not t.is_punct]
    if len(roots) != 1 or roots[0].dep_ != "ccomp":
        return None
    verb = roots[0].head
    if verb.i < tokens[-1].i or in_quote[verb.i] != -1 or lemma(verb) not in ("quote", "cite"):
        return None
    kids = [c for c in verb.children if in_quote[c.i] == -1]
    if any(c.dep_ == "neg" or c.lower_ in DOUBTED for c in kids):
        return None  # '"...," Okonkwo was never quoted as saying', '... was falsely quoted as saying'
    saying = [g for c in kids if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
              if g.dep_ == "pcomp" and g.tag_ == "VBG" and g.lemma_.lower() in SAYING]
    if len(saying) != 1 or any(c.dep_ not in ("prep", "advmod", "npadvmod", "punct") for c in saying[0].children):
        return None  # 'was quoted as saying the mayor told her': another's words inside
    passive = any(c.dep_ == "auxpass" for c in kids)
    people = [c for c in kids if c.dep_ == ("nsubjpass" if passive else "dobj")]
    quoters = [c for c in kids if c.dep_ == "nsubj"] + [o for c in [verb, *saying] for p in c.children
                                                        if p.dep_ in ("agent", "prep") and p.lower_ == "by"
                                                        for o in p.children if o.dep_ == "pobj"]
    if len(people) != 1 or any(_a_person_or_a_paper(q, attribution.mentions.leader_at) for q in quoters):
        return None  # 'the mayor quoted Okonkwo as saying': the mayor's account of her words
    who = attribution.mentions.speaker(people[0], index)
    if who is None:
        return None
    leader_id, how, antecedent = who
    pattern = how if how in ("pronoun", "title") else "direct"
    return Attribution(leader_id, pattern, unique_sents([*antecedent, verb.sent, tokens[0].sent])), verb


def _a_person_or_a_paper(token, leader_at) -> bool:
    """A quoter who relays her words second-hand: a person, or a common noun that is no news
    outlet ('the union's letter quoted Okonkwo as saying'); an outlet's name or noun may quote her."""
    if token.pos_ == "NOUN" and token.text.islower() and token.lower_ not in NEWS_OUTLET_NOUNS:
        return True  # 'the union's letter quoted Okonkwo as saying': a paper's account of her words
    return token.ent_type_ == "PERSON" or token.i in leader_at or lp.is_person_noun(token.lower_) \
        or token.lower_ in ("he", "she", "they", "him", "her", "them", "i", "we")  # 'Linda Chow quoted her'
