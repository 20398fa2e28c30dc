"""A quote paragraph whose tag the page set in the next paragraph: '“... to address safety in San
Francisco,”' as a paragraph of its own, then 'Benioff posted on X Friday.' (heldout70 tr03). A quote
that ends in a comma inside its closing mark has not ended its sentence, so the next paragraph, when
it is nothing but a tag, is that quote's tag; and a quote paragraph right after the tag is the same
speaker going on, as after a tag in place (quote_continuations).

Read on the parse, strictly. The quote is the whole of its paragraph and its words end in a comma.
The next paragraph is one sentence whose root is a finite verb of speech or posting (not a caption's
'Okonkwo posting on X'), with a subject (so active) that is a leader's name or a pronoun or role the
mentions resolve to her alone; the verb has no clause, object or negation of its own ('said the
mayor told her', 'shared the union's post', 'In a post, X said the union was wrong', 'did not say')
beyond whom it was told to ('told reporters'), and the sentence names no one else ('told Linda
Chow'). The quote paragraph after the tag is taken only when it is the very next paragraph and
names no one else.

Round 54: the tag may go on in a participle ('Fenton said, adding:', 'Buterin wrote on X, referring
to the actions of ...', heldout88 uj01), as a tag in place does, unless the participle passes on or
shares words that may be someone else's ('quoting a worker', 'sharing the union's statement',
'recalling a worker's words'); the sentence still names no one else ('adding that Linda Chow wrote
it'). An absolute participle with a subject of its own ('the mayor adding:') is parsed as a clause and
stays refused, as are 'said the mayor told her' and a negation.
"""
from __future__ import annotations

from onrecord.nlp.quote_candidates import Attribution, unique_sents
from onrecord.nlp.speech_verbs import is_speech

_OWN_WORDS = {"ccomp", "xcomp", "csubj", "parataxis", "conj", "advcl", "acomp", "attr", "oprd", "dobj",
              "neg"}  # a clause or an object of its own, or a negation: not a bare tag
# Participles that pass on, show or share words that may be someone else's: the quote is theirs. Verb
# lemmas, written as one string: 'quote', 'repost' and 'paraphrase' are spelled like vocabulary.py's
# statement kinds but are not them.
_PASSING_ON = frozenset("quote recite cite read repeat echo paraphrase relay recount recall share reshare repost "
                        "retweet forward amplify mock mimic imitate parody translate transcribe".split())


def quotes_before_a_parted_tag(attribution, attributed, verbs_of) -> None:
    """Give each such quote, and a quote paragraph right after its tag, to the tag's leader."""
    article, mentions = attribution.article, attribution.mentions
    for index, span in enumerate(attribution.spans):
        if index in attributed or span.block or span.embedded or span.signature is not None:
            continue
        here = article.paragraph_of(span.open_at)
        if here < 0 or here + 1 >= len(article.ranges) or not article.whole_paragraph(span, here) \
                or not attribution.text[span.start:span.end].rstrip().endswith(","):
            continue
        found = _tag(article, mentions, here + 1, index)
        if found is None:
            continue
        leader_id, antecedent, tag = found
        quote_sent = article.span_tokens[index][0].sent if article.span_tokens[index] else None
        attributed[index] = Attribution(leader_id, "direct", unique_sents([*antecedent, quote_sent, tag.sent]))
        verbs_of[index] = tag
        going_on = index + 1
        if going_on < len(attribution.spans) and going_on not in attributed \
                and article.quote_paragraph(attribution.spans[going_on], here + 2) \
                and not mentions.people_in(article.span_tokens[going_on]) - {leader_id}:
            tokens = article.span_tokens[going_on]
            attributed[going_on] = Attribution(leader_id, "continuation",
                                               unique_sents([tag.sent, tokens[0].sent if tokens else None]))
            verbs_of[going_on] = tag


def _tag(article, mentions, paragraph, index):
    """(leader id, antecedent sentences, verb) when the paragraph is one bare tag of a leader's."""
    start, end, _block = article.ranges[paragraph]
    sent = article.sent_of(start)
    if sent is None or sent.start_char != start or sent.end_char < end - 1:
        return None  # more than one sentence
    verb = sent.root
    if verb.tag_ in ("VBG", "VBN") or not is_speech(verb) \
            or any(c.dep_ in _OWN_WORDS for c in verb.children
                   if not (c.dep_ == "dobj" and verb.lemma_ == "tell") and not _going_on(c)):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)  # (a passive has none)
    who = mentions.speaker(subject, index) if subject is not None else None
    if who is None:
        return None
    leader_id, _how, antecedent = who
    if mentions.people_in(list(sent), objects=True) - {leader_id}:
        return None  # someone else in the tag: who spoke is in doubt
    return leader_id, list(antecedent or []), verb


def _going_on(child) -> bool:
    """', adding:' or ', referring to ...' after the tag's verb: a participle that passes on or
    shares no one's words."""
    return child.dep_ == "advcl" and child.tag_ == "VBG" and child.lemma_.lower() not in _PASSING_ON
