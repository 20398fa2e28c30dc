"""A partial quote in a participle of speech on a leader's own speech verb: 'Okonkwo announced that
she would "close for now," citing the "ongoing raids" in the county.' The participle is a second act
of the verb's speaker, and the words it quotes are hers (round 30; heldout7's Martinez).

Only a participle set off by a comma after its verb ('advcl', 'VBG'), itself a verb of saying, labelling
or citing, on a speech verb outside quote marks, neither negated nor hearsay, whose subject the rules
resolve to a leader. Anyone
else named in the participle phrase, a clause with a subject of its own between the participle and
the quote, and the guards every partial-quote rule shares (someone else's claim or letter, a name, a
gloss, a legal term) leave the quote to no one.
"""

from __future__ import annotations

from onrecord.nlp import leader_patterns as lp
from onrecord.nlp.quote_candidates import Attribution
from onrecord.nlp.speech_verbs import is_speech, lemma

# 'citing the "ongoing raids"': giving the words as a reason is saying them
CITING = frozenset({"cite"})


def partials_in_a_participle(rules, attributed: dict, verbs_of: dict) -> None:
    """Attribute each such partial quote (rules is nlp/attribution.py's ArticleAttribution)."""
    article, doc, in_quote = rules.article, rules.article.doc, rules.article.in_quote
    for index, span in enumerate(rules.spans):
        if index in attributed or span.block or not span.embedded:
            continue
        tokens = article.span_tokens[index]
        if not tokens:
            continue
        participle = _participle_above(tokens[0], in_quote)
        if participle is None or not tokens[-1].i <= participle.right_edge.i:
            continue
        tag = participle.head
        if not _after_a_comma(participle) or tag.i > participle.i \
                or in_quote[tag.i] != -1 or article.in_headline(participle) or not is_speech(tag) \
                or rules.grammar.negated(tag) or rules.grammar.secondhand(tag):
            continue  # (not 'she allegedly announced ...' nor '..., according to people familiar')
        subject = next((c for c in tag.children if c.dep_ == "nsubj" and in_quote[c.i] == -1), None)
        who = rules.mentions.speaker(subject, index) if subject is not None else None
        if who is None:
            continue  # another person's verb: the participle, and its quote, are theirs
        leader_id, _how, antecedent = who
        phrase = [t for t in participle.subtree if in_quote[t.i] == -1]
        if rules.mentions.people_in(phrase, objects=True) - {leader_id}:
            continue  # 'citing the sheriff's "ongoing raids"': the words may be the sheriff's
        if rules.partial_not_hers(index, tokens, leader_id):
            continue
        attributed[index] = Attribution(leader_id, "partial", [*antecedent, participle.sent])
        verbs_of[index] = None


def _participle_above(token, in_quote):
    """The nearest participle of saying above the quote's first word, with no clause of another
    subject between them ('citing reports that agents were "..."' is the reports')."""
    node = token
    for _ in range(10):
        if node.head.i == node.i:
            return None
        node = node.head
        if in_quote[node.i] != -1:
            continue
        if node.tag_ == "VBG" and node.dep_ == "advcl":
            word = lemma(node)
            return node if is_speech(node) or word in lp.LABEL_LEMMAS or word in CITING else None
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in node.children):
            return None  # a clause of its own: its subject's words
    return None


def _after_a_comma(participle) -> bool:
    """', citing ...', also after a quote that ends in its comma ('close for now," citing ...')."""
    before = participle.doc[max(participle.i - 2, 0):participle.i]
    if len(before) == 2 and before[1].text in ("\u201d", '"', "\u2019", "'"):
        return before[0].text == ","
    return bool(len(before)) and before[-1].text == ","
