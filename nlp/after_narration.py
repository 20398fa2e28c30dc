"""A quote right after a plain sentence about one leader, when she is the last one speaking and
nothing and no one else that could have spoken is named ('Dean Johnson, who runs an orchard, put it
simpler. "..."'; 'And he told me:' and the quote paragraph; 'Now, Bustamente said most of the
business comes from takeout orders. He explained ... . And inside the kitchen, he has a fraction of
his usual staff working.' and the quote paragraph), is that leader going on: the convention that an
untagged quote continues the last speaker, read strictly (round 43). reported_quotes.
_after_reported_speech takes the quote after a sentence that reports her words in a clause found as
a paraphrase; this takes the one after a sentence whose main verb is one of speech with her as its
subject ('put it', 'told me:', a tag whose opening mark was never closed), or after a sentence about
her that closes a paragraph of hers whose sentences, from one with her speech verb on, all have her
as their subject. A sentence about her alone is not enough ('Okonkwo spoke at the summit.' then a
quote paragraph: anyone at the summit; 'Hernandez agreed.' after another's quotes is left).

The quote opens a sentence and runs to its paragraph's end (so no tag of its own), or is the whole
next paragraph (no subheading, no blockquote). The sentence before it is active, its main verb's
subject her name or a pronoun or role that the mentions resolve to her alone, not negated, not a
verb of taking in or passing on words ('heard', 'read', 'listened'), and it names no other person,
people, group, organisation or document ('agreed with the mayor', 'read the letter', 'held up a
sign', 'as agents left'); the quote itself names no one (a quote about someone may be a reply).
"""
from __future__ import annotations

from onrecord.nlp import leader_patterns as lp
from onrecord.nlp.antecedents import may_be_a_person
from onrecord.nlp.quote_candidates import Attribution, unique_sents
from onrecord.nlp.speech_verbs import is_speech

_OTHERS_WORDS = lp.DOCUMENT_NOUNS | lp.WORDS_NOUNS | lp.SPEECH_NOUNS | lp.CAPTION_NOUNS | lp.UTTERANCE_NOUNS
_TAKING_IN = lp.NOT_TAG_VERBS | lp.NEGATING_LEMMAS | {
    "listen", "look", "receive", "get", "find", "learn", "show", "play", "sing", "chant", "share", "post",
    "publish", "release", "print", "display", "wear", "hold", "point", "ask"}


def quotes_after_narration(attribution, attributed, verbs_of) -> None:
    """Give each such quote, not yet attributed, to the leader the sentence before it is about."""
    article, mentions, text = attribution.article, attribution.mentions, attribution.text
    for index, span in enumerate(attribution.spans):
        if index in attributed or span.block or span.embedded or span.signature is not None:
            continue
        here = article.paragraph_of(span.open_at)
        if here < 0:
            continue
        if article.whole_paragraph(span, here):
            if here < 1 or article.heading(span, here) or article.ranges[here - 1][2] or article.ranges[here][2]:
                continue  # a subheading, or a blockquote: someone's post, not the narration
            last = article.sent_of(article.ranges[here - 1][1] - 1)
        else:
            start, end, _block = article.ranges[here]
            before = text[start:span.open_at].rstrip()
            if len(span.parts) != 1 or span.close_at < end - 1 or not before.endswith((".", "!", "?")):
                continue  # not a quote that opens a sentence and ends the paragraph
            last = article.sent_of(start + len(before) - 1)
        if last is None or not article.quoted_text(index)[:1].isupper():
            continue
        leader_id, antecedent = _about_one_leader(article, mentions, last, index)
        if leader_id is None or mentions.people_in(article.span_tokens[index]):
            continue
        if not is_speech(last.root) and not _her_paragraph(article, mentions, last, index, leader_id):
            continue  # she is not the last one speaking
        attributed[index] = Attribution(leader_id, "continuation", unique_sents([*antecedent, last]))
        verbs_of[index] = None


def _her_paragraph(article, mentions, last, index, leader_id) -> bool:
    """The sentences of last's paragraph before it, from the last one whose main verb is of speech,
    all have leader_id as their main verb's subject and name no one else; and that one's is hers."""
    paragraph = article.paragraph_of(last.start_char)
    start = article.ranges[paragraph][0]
    before = [s for s in last.doc.sents if start <= s.start_char and s.end <= last.start]
    for sent in reversed(before):
        subject = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
        who = mentions.speaker(subject, index) if subject is not None else None
        if who is None or who[0] != leader_id or any(t.dep_ == "neg" for t in sent) \
                or mentions.people_in([t for t in sent if article.in_quote[t.i] == -1], objects=True) - {leader_id}:
            return False
        if is_speech(sent.root):
            return True
    return False


def _about_one_leader(article, mentions, sent, index):
    """(leader id, antecedent sentences) when sent is a plain sentence about one leader, else (None, [])."""
    verb = sent.root
    if verb.pos_ not in ("VERB", "AUX") or article.in_headline(verb) or any(article.in_quote[t.i] != -1 for t in sent):
        return None, []
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")]
    if len(subjects) != 1 or subjects[0].dep_ != "nsubj" or subjects[0].i > verb.i:
        return None, []
    if verb.lemma_.lower() in _TAKING_IN or any(t.dep_ == "neg" or t.lower_ in ("never", "no", "nothing")
                                                for t in sent):
        return None, []  # 'heard the mayor', 'did not comment', 'declined to comment': not her words after
    who = mentions.speaker(subjects[0], index)
    if who is None:
        return None, []
    leader_id, _how, antecedent = who
    subject = {t.i for t in subjects[0].subtree}
    own = {i for i, lid in mentions.leader_at.items() if lid == leader_id}
    if mentions.people_in(list(sent), objects=True) - {leader_id}:
        return None, []
    for t in sent:
        if t.i in own or t.i == subjects[0].i:
            continue
        if t.ent_type_ in ("PERSON", "NORP", "ORG") or t.lemma_.lower() in lp.GROUP_NOUNS | _OTHERS_WORDS \
                or may_be_a_person(t) or t.pos_ == "PRON" and t.lower_ in ("he", "she", "they", "him", "them") \
                and t.i not in subject:
            return None, []  # someone or something else in view that may be the one speaking next
    return leader_id, antecedent
