"""Attribution of one parsed article: every quoted passage, and every reported statement, that
one watchlist leader is unambiguously the source of.

Quoted passages (quote_candidates) are attributed through the speech-verb grammar (speech_verbs)
to a subject that names one leader (leader_mentions); continuations and interrupted quotes keep
the speaker of the quote before them; reported speech without marks comes from paraphrase.py.
"""
from __future__ import annotations

from onrecord.nlp import leader_patterns as lp
from onrecord.nlp.leader_mentions import Mentions
from onrecord.nlp.paraphrase import Paraphrases
from onrecord.nlp.quote_marks import Span
from onrecord.nlp.quote_candidates import (Attribution, ParsedArticle, clean_quote, in_clause, looks_like_a_name,
                                           names_a_thing, normalize_quote, unique_sents)
from onrecord.nlp.quote_introductions import QuoteGrammar
from onrecord.nlp.speech_verbs import is_label, is_speech, lemma
from onrecord.nlp.transcripts import labelled_words, signed_quotes


class ArticleAttribution:
    """The rules applied to one parsed article."""

    def __init__(self, index, doc, ranges):
        self.index = index
        self.article = ParsedArticle(doc, ranges, index.names_re)
        self.text = self.article.text
        self.spans = self.article.spans
        self.grammar = QuoteGrammar(self.article)
        self.mentions = Mentions(self.article, self.grammar, index)
        self.paraphrases = Paraphrases(self.article, self.grammar, self.mentions)

    def attributions(self) -> list[tuple]:
        """(span, words, Attribution) for every attributed passage, in no particular order."""
        found: list[tuple] = []
        attributed: dict[int, Attribution] = {}
        verbs_of: dict[int, object] = {}
        for index, span in enumerate(self.spans):
            if span.signature is not None:
                # an embedded post names its author: that, and nothing else, decides
                leader_id = self.index.by_byline(*span.signature[:2])
                if leader_id is not None:
                    intro = self.grammar.colon_verb(span)
                    attributed[index] = Attribution(leader_id, "embed", [intro.sent] if intro else [],
                                                    note=span.signature[2])
                    verbs_of[index] = None
                continue
            result = self._attribute_span(index, span) or self._cut_tag(index, span)
            if result is None:
                continue
            attributed[index], verbs_of[index] = result
        labelled = labelled_words(self.article, self.index, attributed)  # "KARP: We ...", 'Okonkwo: "..."'
        for quoted, _span, _words, attribution in labelled:
            if quoted is not None:
                attributed[quoted], verbs_of[quoted] = attribution, None
        for quoted, attribution in signed_quotes(self.article, self.index, attributed):  # '"..." — Name'
            attributed[quoted], verbs_of[quoted] = attribution, None
        reported = self.paraphrases.indirect()
        framed = self.paraphrases.reported()
        self._inside_reported_speech(reported + framed, attributed, verbs_of)
        self._after_reported_speech(reported + framed, attributed, verbs_of)
        self._continuations(attributed, verbs_of)
        merged = self._merge_interrupted(attributed, verbs_of)
        for index, attribution in attributed.items():
            if index in merged:
                continue
            span = self.spans[index]
            parts = [self.text[a:b] for a, b in span.parts]
            for other in sorted(i for i, target in merged.items() if target == index):
                parts += [self.text[a:b] for a, b in self.spans[other].parts]
            found.append((span, clean_quote(" ".join(parts)), attribution))
        found += self._repeated(found, attributed, merged)
        found += self._unmarked()
        found += [(span, words, attribution) for quoted, span, words, attribution in labelled if quoted is None]
        found += reported
        found += framed
        found += self.paraphrases.after_colon()
        found += self.paraphrases.according_to(attributed)
        return found

    def _attribute_span(self, index, span):
        """Attribution for one quoted passage: a governing speech verb, an adjacent attribution
        clause, or a colon-ended introduction."""
        tokens = self.article.span_tokens[index]
        if not tokens:
            return None
        grammar = self.grammar
        first_sent, last_sent = tokens[0].sent, tokens[-1].sent
        # 1. a speech or labelling verb that governs the quote in the parse
        verb = grammar.governing_verb(tokens)
        # 2. an attribution clause right next to the quote: "...," Okonkwo said.
        if verb is None:
            verb = grammar.adjacent_verb(index, first_sent, last_sent)
        # 2b. a partial quote the parser left dangling: its clause is the one just before it
        if verb is None and span.embedded:
            verb = grammar.preceding_clause_verb(tokens[0]) or grammar.nearest_verb_before(tokens[0])
        colon_intro = False
        # 3. a colon introduction just before the opening mark
        if verb is None:
            verb = grammar.colon_verb(span)
            colon_intro = verb is not None
        if verb is None:
            presented = self._presented_words(span) or self._put_first(index, first_sent)
            if presented is not None or span.block:
                return presented
        if verb is None:
            verb = grammar.document_verb(tokens)
        if verb is None or grammar.negated(verb) or self.article.in_headline(verb):
            return None  # (a headline's claim, "Okonkwo slams raids: '...'", may go beyond the words)
        root = _root(tokens, self.article.in_quote)
        before = grammar.beside(tokens[0].i, -1, index)
        if before is not None and before.text in (",", ":") and before.i > 0:
            before = before.doc[before.i - 1]  # "with the caption, '...'", "with the caption: '...'"
        captioned = root is not None and root.head.lemma_.lower() in lp.CAPTION_NOUNS \
            and self.article.in_quote[root.head.i] == -1 \
            or before is not None and before.lemma_.lower() in lp.CAPTION_NOUNS  # "with the caption '...'"
        if grammar.passes_on_something(verb, tokens[0].i) and not captioned:
            return None  # "Okonkwo shared an article: '...'": someone else's words
        if grammar.secondhand(verb, quoted=True, standalone=not span.embedded):
            return None
        if _relays_another(verb):
            return None  # '"...," Ramirez recalled him saying': his words, as she recalls them
        spoken = is_speech(verb) and root is not None and root.head.i == verb.i and root.dep_ in ("dobj", "ccomp") \
            and not (root.dep_ == "dobj" and lemma(verb) in lp.ADDRESSEE_VERBS)  # 'told the "Times"': who heard
        if span.embedded and not spoken and looks_like_a_name(self.text[span.start:span.end]):
            return None  # "praised the 'Rapid Response' network": a name, not their words (but replied "Murderers")
        subject = grammar.subject(verb)
        if subject is None or subject.is_punct:
            # the parse may have lost it in the quote's marks
            subject = grammar.inverted_subject(verb)
        who = self.mentions.speaker(subject, index)
        if who is None:
            return None
        leader_id, how, antecedent = who
        if span.embedded and self._in_someone_elses_words(tokens, leader_id):
            return None  # 'said the governor's claim that the raids are "lawful" is false': his word
        if colon_intro or span.block or grammar.colon_between(verb, span):
            pattern = "colon"
        elif span.embedded or is_label(verb) and not is_speech(verb):
            pattern = "partial"
        else:
            pattern = "direct"
        if how in ("pronoun", "title"):
            pattern = how
        if pattern == "colon" and verb.sent.start not in (first_sent.start, last_sent.start):
            sents = unique_sents([*antecedent, verb.sent])  # the introduction; the quote is the text
        else:
            sents = unique_sents([*antecedent, verb.sent, first_sent, last_sent])
        return Attribution(leader_id, pattern, sents), verb

    def _cut_tag(self, index, span):
        """'"... change our plan," Muñoz' and nothing after: an excerpt cut inside the tag, right
        after the name. The comma inside the marks says a tag follows; the name is all of it."""
        rest = self.text[span.close_at:].strip()
        inner = self.text[span.start:span.end].rstrip()
        if not rest or not inner.endswith(",") or len(rest) > 60:
            return None
        named = {lid for lid, names in self.index.names.items() if rest.lower() in names}
        tokens = self.article.span_tokens[index]
        if len(named) != 1 or not tokens:
            return None
        return Attribution(named.pop(), "direct", unique_sents([tokens[0].sent, tokens[-1].sent])), None

    def _presented_words(self, span):
        """A passage after "Here is the full memo:", "Okonkwo's response was blunt:": the words of
        the one leader whose memo or response the colon presents."""
        before = self.text[:span.open_at].rstrip()
        sent = self.article.sent_of(len(before) - 1) if before.endswith(":") else None
        if sent is None or self.article.in_headline(sent[0]):
            return None
        who = self.mentions.presented_words(sent, len(before) - 1)
        if who is None:
            return None
        leader_id, antecedent = who
        return Attribution(leader_id, "colon", unique_sents([*antecedent, sent])), None

    def _put_first(self, index, sent):
        """'Said Hartmann, "..."': the tag before the quote, its verb read as a first name."""
        leader_id = self.mentions.inverted_tag(self.grammar.beside(self.article.span_tokens[index][0].i, -1, index))
        return (Attribution(leader_id, "direct", [sent]), None) if leader_id else None

    def _unmarked(self) -> list[tuple]:
        """'He asserts, Sitting on that power is not good for business. It's a choice.': words an
        outlet gives as spoken without printing the marks, to the end of the paragraph."""
        out = []
        for verb in self.article.doc:
            if self.article.in_quote[verb.i] != -1 or not is_speech(verb):
                continue
            first = self.grammar.unmarked_words(verb)
            if first is None or self.grammar.negated(verb) or self.grammar.secondhand(verb) \
                    or self.article.in_headline(verb):
                continue
            a, b, _block = self.article.ranges[self.article.paragraph_of(first.idx)]
            words = self.text[first.idx:b]
            if any(ch in words for ch in '"“”') or len(words.split()) < 4:
                continue
            who = self.mentions.speaker(self.grammar.subject(verb))
            if who is None:
                continue
            leader_id, _how, antecedent = who
            span = Span([(first.idx, b)], first.idx, b)
            sents = unique_sents([*antecedent, verb.sent])
            out.append((span, clean_quote(words), Attribution(leader_id, "unmarked", sents)))
        return out

    def _repeated(self, found, attributed, merged) -> list[tuple]:
        """A paragraph that is nothing but a quote, attributed nowhere, whose words one leader is
        quoted saying elsewhere in the article (a pull quote, a summary bullet): that leader's."""
        said = [(normalize_quote(words), attribution) for _span, words, attribution in found]
        out = []
        for index, span in enumerate(self.spans):
            if index in attributed or index in merged or span.signature is not None:
                continue
            paragraph = self.article.paragraph_of(span.open_at)
            if not self.article.whole_paragraph(span, paragraph):
                continue
            words = self.article.quoted_text(index)
            key = normalize_quote(words)
            if len(key.split()) < 4:
                continue  # "too far": a phrase anyone may use
            speakers = {a.leader_id: a for text, a in said if key in text}
            if len(speakers) == 1:
                (attribution,) = speakers.values()
                out.append((span, words, Attribution(attribution.leader_id, "repeated", list(attribution.sents))))
        return out

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
                if self._in_someone_elses_words(tokens := self.article.span_tokens[index], attribution.leader_id) \
                        or names_a_thing(tokens, self.article.quoted_text(index)):
                    continue  # not hers: 'the governor's claim that they are "lawful"'; a name, 'the "X" center'
                attributed[index] = Attribution(attribution.leader_id, "partial", list(attribution.sents))
                verbs_of[index] = None

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
        return False

    def _after_reported_speech(self, reported, attributed, verbs_of):
        """A quote that is the rest of its paragraph, right after a sentence that reports what a
        leader said ("Okonkwo said the raids had cut sales by half." then "We lost our regulars
        in a week."), is that leader still speaking, when no one else is named in between: a
        paragraph that is only the quote, after a paragraph ending in the report, or the report's
        paragraph going on with the quote (up to the paragraph's end, so no tag of its own)."""
        article = self.article
        for index, span in enumerate(self.spans):
            if index in attributed or span.block or span.signature is not None:
                continue
            here = article.paragraph_of(span.open_at)
            if here < 0:
                continue
            if article.whole_paragraph(span, here):
                if here < 1:
                    continue
                a, b, _block = article.ranges[here - 1]
                last = article.sent_of(b - 1)
            else:
                start, end, _block = article.ranges[here]
                before = self.text[start:span.open_at].rstrip()
                if len(span.parts) != 1 or span.close_at < end - 1 or not before.endswith((".", "!", "?")):
                    continue  # not a quote that opens a sentence and ends the paragraph
                last = article.sent_of(start + len(before) - 1)
            if last is None:
                continue
            speakers = {att.leader_id for clause, _w, att in reported
                        if last.start_char <= clause.start < last.end_char}
            if len(speakers) != 1:
                continue
            (leader_id,) = speakers
            narration = [t for t in last if article.in_quote[t.i] == -1]
            if self.mentions.people_in(narration) - {leader_id}:
                continue
            attributed[index] = Attribution(leader_id, "continuation", [last])
            verbs_of[index] = None

    def _continuations(self, attributed, verbs_of):
        """An unattributed quote that follows an attributed one, with only that quote's
        attribution clause in between, is the same speaker still talking: in the same paragraph,
        or as the whole of the next paragraph (a new speaker would be named)."""
        article = self.article
        for index, span in enumerate(self.spans):
            if index in attributed or index == 0 or span.block:
                continue
            prev = index - 1
            if prev not in attributed:
                continue
            before, here = article.paragraph_of(self.spans[prev].close_at - 1), article.paragraph_of(span.open_at)
            if here == before and _coordinators_only(article.words_between(self.spans[prev], span)):
                # '"A" and "B"', 'that "A" and that "B"': the second is the same verb's object
                base = attributed[prev]
                tokens = article.span_tokens[index]
                attributed[index] = Attribution(base.leader_id, "continuation",
                                                unique_sents([*base.sents, tokens[0].sent if tokens else None]))
                verbs_of[index] = verbs_of[prev]
                continue
            if span.embedded:
                continue
            if here != before and not (here == before + 1 and article.whole_paragraph(span, here)):
                continue
            verb = verbs_of[prev]
            if verb is None:
                continue
            gap = article.words_between(self.spans[prev], span)
            if not in_clause(gap, verb):
                continue
            addressed = {t.i for c in verb.children if c.dep_ in ("dobj", "dative")
                         or c.dep_ == "prep" and c.lower_ in ("on", "in", "to", "via", "through", "at", "during")
                         for t in c.subtree}  # who listened, where: "told the room", "wrote on Bluesky"
            speaker = self.grammar.subject(verb)  # already resolved to the quote's leader ("the CEO")
            addressed |= {t.i for t in speaker.subtree} if speaker is not None else set()
            addressed |= {t.i for c in verb.children if c.dep_ == "advcl" and c.left_edge.lower_ == "as"
                          and c.lemma_ == "report" for t in c.subtree}  # "as the Ledger reports": sourcing
            if self.mentions.people_in([t for t in gap if t.i not in addressed]) - {attributed[prev].leader_id}:
                continue  # "..., Okonkwo said as Ruiz looked on.": who speaks next is unclear
                # (but "Karp told CNBC's Morgan Brennan." names who listened, not who speaks)
            if not self.text[span.start:span.start + 1].isupper() and not self.text[span.start].isdigit():
                continue  # lowercase: an interrupted sentence, merged instead
            base = attributed[prev]
            tokens = article.span_tokens[index]
            own = tokens[0].sent if tokens else None
            attributed[index] = Attribution(base.leader_id, "continuation", unique_sents([*base.sents, own]))
            verbs_of[index] = verb

    def _merge_interrupted(self, attributed, verbs_of) -> dict[int, int]:
        """'"We will fight," she said, "and we will win."' is one quote: index -> merged into."""
        merged: dict[int, int] = {}
        for index, span in enumerate(self.spans):
            if index == 0 or span.block or span.embedded:
                continue
            prev = index - 1
            target = merged.get(prev, prev)
            if target not in attributed:
                continue
            if verbs_of[target] is None or index in attributed and (
                    verbs_of[index] is None or verbs_of[index].i != verbs_of[target].i):
                continue
            if self.article.paragraph_of(self.spans[prev].close_at - 1) != self.article.paragraph_of(span.open_at):
                continue
            first = self.text[span.start:span.start + 1]
            if not first.islower() or self._inside_a_phrase(prev):
                continue
            gap = self.article.words_between(self.spans[prev], span)
            if not in_clause(gap, verbs_of[target]) or _coordinators_only(gap):
                continue  # ('"A" and "b"' are two quotes)
            merged[index] = target
        return merged

    def _inside_a_phrase(self, index) -> bool:
        """'With "very few people to hire from," he explained, "you would ..."': a partial quote the
        reporter's own words lead into is a phrase of the sentence, not the first half of one quote."""
        tokens = self.article.span_tokens[index]
        if not tokens or not self.text[self.spans[index].start:self.spans[index].start + 1].islower():
            return False
        before = tokens[0].doc[tokens[0].sent.start:tokens[0].i]
        return any(not t.is_punct and not t.is_space and self.article.in_quote[t.i] == -1 for t in before)


def _relays_another(verb) -> bool:
    """The verb reports someone else speaking: 'recalled him saying', 'heard her say' (a speech
    verb without tense whose own subject is another, after the verb)."""
    return any(c.dep_ in ("ccomp", "xcomp", "oprd") and c.i > verb.i and c.tag_ in ("VBG", "VB") and is_speech(c)
               and any(g.dep_ in ("nsubj", "nsubjpass") and g.i < c.i for g in c.children)
               and not any(g.dep_ in ("aux", "mark") for g in c.children)  # ('noted that time will tell')
               or c.dep_ == "advcl" and c.tag_ == "VBG" and is_speech(c) and c.i > 0
               and c.doc[c.i - 1].dep_ == "dobj" and c.doc[c.i - 1].head.i == verb.i  # 'recalled him saying'
               for c in verb.children)


def _coordinators_only(gap) -> bool:
    """Between two quotes only 'and', 'or', 'but', 'that': they are coordinated."""
    return bool(gap) and any(t.dep_ == "cc" or t.lower_ in ("and", "or") for t in gap) \
        and all(t.lower_ in ("and", "or", "but", "that", "as", "well") for t in gap)


def _root(tokens, in_quote):
    """The quote's token whose head lies outside it: where the quote hangs in the sentence."""
    index = in_quote[tokens[0].i]
    outside = [t for t in tokens if in_quote[t.head.i] != index and t.head.i != t.i and not t.is_punct]
    return outside[0] if len(outside) == 1 else None
