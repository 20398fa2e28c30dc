"""Quotes that take their speaker from reported speech around them: a partial quote inside a
leader's reported clause ('would go on to note that ..., despite being a "very well developed
country"'), a quote that goes on right after a sentence reporting what she said, and one that
stands between two such sentences of hers. Also the guard both quote rules share: a quote hung
under someone else's claim or letter is not hers."""
from __future__ import annotations

from onrecord.nlp import leader_patterns as lp
from onrecord.nlp.own_views import in_a_question_put
from onrecord.nlp.quote_candidates import (OWN_POSSESSIVES, Attribution, given_as_a_name, glosses_a_word, names_a_thing,
                                           worded_by_the_law)
from onrecord.nlp.relative_speakers import in_anothers_relative_clause
from onrecord.nlp.speech_verbs import is_speech
from onrecord.nlp.terms_used import term_used


class ReportedQuotes:
    """Mixed into ArticleAttribution (nlp/attribution.py): uses its article, grammar, mentions,
    spans and text."""

    def _inside_reported_speech(self, reported, attributed, verbs_of):
        """A partial quote inside a clause of reported speech ('would go on to note that ...,
        despite being a "very well developed country"') quotes the one whose speech it reports."""
        for clause, _words, attribution in reported:
            for index, span in enumerate(self.spans):
                if index in attributed or span.block or not clause.start <= span.start < clause.end:
                    continue
                verb = self.grammar.governing_verb(self.article.span_tokens[index])
                if verb is not None and clause.start <= verb.idx < clause.end and verb.dep_ in ("acl", "relcl") \
                        and self.mentions.leader_at.get(verb.head.i) != attribution.leader_id:
                    continue  # 'he had signed an open letter asking for "de-escalation"': the letter's
                tokens = self.article.span_tokens[index]
                used = term_used(tokens, self.article.in_quote)
                if used is not None and (self.mentions.speaker(self.grammar.subject(used), index) or [None])[0] \
                        != attribution.leader_id:
                    continue  # 'said the mayor used the term "..."': his term
                if self.partial_not_hers(index, tokens, attribution.leader_id) \
                        or possessed_by_another(tokens, self.mentions.leader_at, attribution.leader_id):
                    continue  # 'the sheriff's "ongoing sweeps"': his term
                attributed[index] = Attribution(attribution.leader_id, "partial", list(attribution.sents))
                verbs_of[index] = None

    def partial_not_hers(self, index: int, tokens, leader_id: str) -> bool:
        """The guards every rule that gives a leader a partial quote found in her clause shares: the
        quote hangs under someone else's claim or letter ('the governor's claim that they are
        "lawful"'), names a thing or is given as a name, glosses a word, is a law's wording, or is the
        word of a question put to her ('when asked whether the mayor is "winning"'), or is said in a relative
        clause on someone else ('the mayor, who called them "..."')."""
        return self._in_someone_elses_words(tokens, leader_id) \
            or names_a_thing(tokens, self.article.quoted_text(index)) \
            or given_as_a_name(tokens) or glosses_a_word(tokens) or worded_by_the_law(tokens, None) \
            or in_a_question_put(tokens, None) \
            or in_anothers_relative_clause(tokens, None, self.mentions.leader_at, leader_id)  # ('..., echoing the mayor,
        # who called them "a disgrace"', relative_speakers.py)

    def _in_someone_elses_words(self, tokens, leader_id: str) -> bool:
        """The quote hangs under someone else's words: a claim, statement or letter whose owner
        (a possessive, 'by', 'from') is not the leader."""
        if not tokens:
            return False
        node = tokens[0]
        for _ in range(12):
            if node.head.i == node.i:
                return False
            node = node.head
            if node.lemma_.lower() in lp.CAPTION_NOUNS:
                return False  # 'a screenshot of their statement with the caption "..."': the caption's
            if self.mentions.someone_elses_document(node, leader_id):
                return True
            if node.dep_ == "acl" and node.left_edge.lower_ == "that" and node.head.dep_ == "dobj" \
                    and _not_her_words(node.head, self.mentions.leader_at, leader_id):
                return True  # 'confirmed reports that agents were "..."': the reports' words
            if node.dep_ == "ccomp" and node.left_edge.lower_ == "that" and any(
                    o.dep_ == "dobj" and o.right_edge.i + 1 == node.left_edge.i and _not_her_words(o, self.mentions.leader_at,
                                                                                         leader_id)
                    for o in node.head.children):
                return True  # 'confirmed the agency's account that agents were "...": the account's
                # content clause, hung on the verb by the parser
        return False

    def _after_reported_speech(self, reported, attributed, verbs_of):
        """A quote that is the rest of its paragraph, right after a sentence that reports what a
        leader said ("Okonkwo said the raids had cut sales by half." then "We lost our regulars
        in a week."), is that leader still speaking, when no one else is named in between: a
        paragraph that is only the quote, after a paragraph ending in the report, or the report's
        paragraph going on with the quote (up to the paragraph's end, so no tag of its own); or a
        quote that is a sentence of its own between two such reports of hers (_reported_again)."""
        article = self.article
        for index, span in enumerate(self.spans):
            if index in attributed or span.block or span.signature is not None:
                continue
            here = article.paragraph_of(span.open_at)
            if here < 0:
                continue
            again = None
            if article.whole_paragraph(span, here):
                if here < 1 or article.heading(span, here):
                    continue  # (a subheading in quote marks is the outlet's, no one's words)
                a, b, _block = article.ranges[here - 1]
                last = article.sent_of(b - 1)
            else:
                start, end, _block = article.ranges[here]
                before = self.text[start:span.open_at].rstrip()
                if len(span.parts) != 1 or not before.endswith((".", "!", "?")):
                    continue  # not a quote that opens a sentence
                if span.close_at < end - 1:
                    again = _reported_again(self, index, span, end, reported)
                    if again is None:
                        continue  # not one that ends the paragraph, nor one between two reports of hers
                last = article.sent_of(start + len(before) - 1)
            if last is None:
                continue
            speakers = {att.leader_id for clause, _w, att in reported
                        if last.start_char <= clause.start < last.end_char}
            if len(speakers) != 1 or again is not None and speakers != {again}:
                continue
            (leader_id,) = speakers
            narration = [t for t in last if article.in_quote[t.i] == -1]
            if self.mentions.people_in(narration) - {leader_id}:
                continue
            attributed[index] = Attribution(leader_id, "continuation", [last])
            verbs_of[index] = None


def _reported_again(found, index, span, end, reported) -> str | None:
    """'Fuentes said that ... . "They didn't stop people with FedEx uniforms, ..." Fuentes says one
    customer pulled in ...' (heldout46 st05): the leader whose report fills the sentence right after
    a quote that is a sentence of its own (a full stop, ? or ! inside its marks, a capital after),
    that sentence ending the paragraph: it reports her words and no one else's (one reporting verb,
    hers, no other verb of speech, her clause not opening with a word that points back at the
    quote: 'That is what a worker told her, Okonkwo said'), and names no one outside her clause."""
    article = found.article
    words = found.text[span.start:span.end].rstrip()
    after = found.text[span.close_at:end].lstrip("\"'”’″ ")
    if not words.endswith((".", "!", "?")) or not after[:1].isupper() or found.mentions.people_in(
            article.span_tokens[index]):
        return None  # a tag goes on after it; or the quote names someone (it may be a reply)
    sent = article.sent_of(end - len(after))
    if sent is None or sent.start_char < end - len(after) or sent.start_char + len(sent.text.rstrip()) > end:
        return None  # (the parser ran the quote into it, or it does not end the paragraph)
    clauses = [(clause, att) for clause, _w, att in reported if sent.start_char <= clause.start < sent.end_char]
    speech = [t for t in sent if article.in_quote[t.i] == -1 and is_speech(t)]
    if len(clauses) != 1 or len(speech) != 1 or any(article.in_quote[t.i] != -1 for t in sent):
        return None
    clause, att = clauses[0]
    inside = [t for t in sent if clause.start <= t.idx < clause.end]
    if not inside or inside[0].lower_ in _POINTING_BACK:
        return None
    outside = [t for t in sent if not clause.start <= t.idx < clause.end]
    if found.mentions.people_in(outside, objects=True) - {att.leader_id}:
        return None
    return att.leader_id


_POINTING_BACK = frozenset({"that", "this", "these", "those", "it", "so", "such", "which", "what"})
_CONTENT_NOUNS = lp.SPEECH_NOUNS | lp.CLAIM_NOUNS | {"account", "warning", "call", "report", "finding", "conclusion"}


def _not_her_words(noun, leader_at, leader_id: str) -> bool:
    """A noun of words ('the agency's account', 'reports', 'the claim') that is not hers: no
    possessive, or someone else's. 'her account', "Okonkwo's claim" are hers."""
    if noun.lemma_.lower() not in _CONTENT_NOUNS:
        return False
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if not owners:  # 'released a statement that ...' is hers; 'confirmed reports that ...' others'
        return noun.lemma_.lower() not in lp.OWN_DOCUMENT_NOUNS | lp.SPEECH_NOUNS - lp.CLAIM_NOUNS
    return not any(c.lower_ in OWN_POSSESSIVES or leader_at.get(c.i) == leader_id for c in owners)


def possessed_by_another(tokens, leader_at, leader_id: str) -> bool:
    """'citing the sheriff's "ongoing sweeps"': the quoted phrase is a thing of someone else's (a
    possessive that is neither hers nor her company's 'its'), so the words are that one's term, not
    hers, though they sit inside her reported clause. The parser may hang the possessor beside the
    phrase instead of on it ('because of the sheriff's "..."'), so a "'s" just before the opening
    mark counts too."""
    if not tokens:
        return False
    quote = {t.i for t in tokens}
    if any(c.dep_ == "poss" and c.i not in quote and c.lower_ not in OWN_POSSESSIVES | {"its"}
           and leader_at.get(c.i) != leader_id
           for t in tokens if t.head.i not in quote or t.head.i == t.i for c in t.children):
        return True
    before = tokens[0].i - 1
    while before >= 0 and tokens[0].doc[before].is_quote:
        before -= 1
    mark = tokens[0].doc[before] if before >= 0 else None
    return mark is not None and mark.tag_ == "POS" and leader_at.get(mark.head.i) != leader_id \
        and not (before and _takes_no_possessive(mark.doc[before - 1]))


def _takes_no_possessive(word) -> bool:
    """'telling employees he's "heartbroken"': a pronoun has no "'s" of possession (his, its, whose), so
    the "'s" after it is 'is' or 'has', which the tagger may still read as a possessive (round 52)."""
    return word.tag_ in ("PRP", "EX", "WP") or word.lower_ in ("that", "this", "here", "there")
