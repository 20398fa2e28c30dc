"""Attribution of one parsed article: every quoted passage, and every reported statement, that
one watchlist leader is unambiguously the source of.

Quoted passages (quote_candidates) are attributed through the speech-verb grammar (speech_verbs)
to a subject that names one leader (leader_mentions); continuations and interrupted quotes keep
the speaker of the quote before them (quote_continuations), partial quotes inside
reported speech theirs (reported_quotes); reported speech without marks comes from paraphrase.py.
"""
from __future__ import annotations

from onrecord.nlp import leader_patterns as lp
from onrecord.nlp.after_according_to import quotes_after_according_to
from onrecord.nlp.after_narration import quotes_after_narration
from onrecord.nlp.disowned_speech import disown_mentions
from onrecord.nlp.joined_documents import inside_what_she_joined
from onrecord.nlp.labelled_partials import labelled_partials
from onrecord.nlp.leader_mentions import Mentions
from onrecord.nlp.name_lines import name_lines
from onrecord.nlp.own_views import asks_for_a_view, gives_own_view, in_a_question_put
from onrecord.nlp.paraphrase import Paraphrases
from onrecord.nlp.parted_tags import quotes_before_a_parted_tag
from onrecord.nlp.participle_partials import partials_in_a_participle
from onrecord.nlp.passed_on_words import relays_a_second_speaker
from onrecord.nlp.place_names import names_the_place
from onrecord.nlp.quote_marks import Span
from onrecord.nlp.quote_candidates import (Attribution, ParsedArticle, clean_quote, given_as_a_name, glosses_a_word,
                                           looks_like_a_name, names_a_thing, normalize_quote, unique_sents,
                                           worded_by_the_law)
from onrecord.nlp.quote_continuations import Continuations
from onrecord.nlp.quoted_tags import quoted_as_saying
from onrecord.nlp.quote_introductions import QuoteGrammar
from onrecord.nlp.relative_speakers import in_anothers_relative_clause
from onrecord.nlp.reported_quotes import ReportedQuotes, possessed_by_another
from onrecord.nlp.speech_verbs import is_label, is_speech, lemma
from onrecord.nlp.tag_participles import participles_on_a_tag
from onrecord.nlp.terms_used import term_used
from onrecord.nlp.transcripts import labelled_words, signed_quotes, turns


class ArticleAttribution(ReportedQuotes, Continuations):
    """The rules applied to one parsed article (quotes in and after reported speech:
    reported_quotes.py; continuations and interrupted quotes: quote_continuations.py)."""

    def __init__(self, index, doc, ranges):
        self.index = index
        self.article = ParsedArticle(doc, ranges, index.names_re)
        self.text = self.article.text
        self.spans = self.article.spans
        self.grammar = QuoteGrammar(self.article)
        self.mentions = Mentions(self.article, self.grammar, index)
        disown_mentions(self.mentions, index)  # 'Chow, not Okonkwo,', a namesake opening a sentence
        self.paraphrases = Paraphrases(self.article, self.grammar, self.mentions)
        self._turns: dict | None = None  # transcripts.turns, read once when needed

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
            result = self._attribute_span(index, span) or self._cut_tag(index, span) or self._noun_tag(index, span) \
                or quoted_as_saying(self, index)  # '"...," Okonkwo was quoted as saying.'
            if result is None:
                continue
            attributed[index], verbs_of[index] = result
        labelled = labelled_words(self.article, self.index, attributed)  # "KARP: We ...", 'Okonkwo: "..."'
        for quoted, _span, _words, attribution in labelled:
            if quoted is not None:
                attributed[quoted], verbs_of[quoted] = attribution, None
        for quoted, attribution in signed_quotes(self.article, self.index, attributed):  # '"..." — Name'
            attributed[quoted], verbs_of[quoted] = attribution, None
        for quoted, attribution in name_lines(self.article, self.mentions.leader_at, attributed):
            attributed[quoted], verbs_of[quoted] = attribution, None  # '"...," Name, owner of X.'
        reported = self.paraphrases.indirect()
        framed = self.paraphrases.reported()
        self._inside_reported_speech(reported + framed, attributed, verbs_of)
        partials_in_a_participle(self, attributed, verbs_of)  # ', citing the "..."' on her speech verb
        self._after_reported_speech(reported + framed, attributed, verbs_of)
        quotes_before_a_parted_tag(self, attributed, verbs_of)  # '"...,"' then 'Okonkwo posted on X.'
        quotes_after_narration(self, attributed, verbs_of)  # 'X, who runs ..., put it simpler. "..."'
        self._continuations(attributed, verbs_of)
        self._split_subject(attributed, verbs_of)
        self._fronted_partials(attributed, verbs_of)
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
        found += labelled_partials(self, attributed, verbs_of, framed)  # 'termed the raid a "bad surprise"'
        found += self.paraphrases.after_colon()
        found += participles_on_a_tag(self.paraphrases)  # '"...," she said, describing ...'
        according = self.paraphrases.according_to(attributed)
        found += according
        found += quotes_after_according_to(self, according, {id(f[0]) for f in found})  # a quote paragraph after one
        return [f for f in found if f[2].pattern == "embed" or self.mentions.named_here(f[2].leader_id)
                and not self._in_anothers_turn(f)]

    def _in_anothers_turn(self, found) -> bool:
        """Words found inside a transcript turn that is not the leader's own ('CHOW: Okonkwo told me,
        "..."'): the turn's speaker is relaying them."""
        span, _words, attribution = found
        if attribution.pattern == "transcript":
            return False
        if self._turns is None:
            self._turns = turns(self.article, self.index)
        at = span.open_at if hasattr(span, "open_at") else span.start_char
        paragraph = self.article.paragraph_of(at)
        return paragraph in self._turns and self._turns[paragraph] != attribution.leader_id

    def _attribute_span(self, index, span):
        """Attribution for one quoted passage: a governing speech verb, an adjacent attribution
        clause, or a colon-ended introduction."""
        tokens = self.article.span_tokens[index]
        if not tokens:
            return None
        grammar = self.grammar
        first_sent, last_sent = tokens[0].sent, tokens[-1].sent
        # 1. a speech or labelling verb that governs the quote in the parse
        # ('used the term "..."': the term's user, even inside another's clause)
        verb = term_used(tokens, self.article.in_quote) or grammar.object_complement(tokens) \
            or grammar.governing_verb(tokens)
        # 2. an attribution clause right next to the quote: "...," Okonkwo said.
        if verb is None:
            verb = grammar.adjacent_verb(index, first_sent, last_sent)
        # 2a. a tag whose verb is not a reporting verb: '"...," Okonkwo fumed.'
        if verb is None:
            verb = grammar.tag_verb(index)
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
        if grammar.passes_on_something(verb, tokens[0].i) and not captioned and not gives_own_view(verb):
            return None  # "Okonkwo shared an article: '...'": someone else's words
        if asks_for_a_view(verb):
            return None  # "Okonkwo asked for her staff's thoughts: '...'": the words of the one asked
        if span.embedded and in_a_question_put(tokens, verb):
            return None  # 'when asked whether the mayor is "winning"': the asker's word
        if grammar.secondhand(verb, quoted=True, standalone=not span.embedded):
            return None
        if _relays_another(verb) or relays_a_second_speaker(verb, self.article.in_quote, is_speech):
            return None  # '"...," Ramirez recalled him saying', '..., Okonkwo said, quoting a worker': theirs
        spoken = is_speech(verb) and root is not None and root.head.i == verb.i and root.dep_ in ("dobj", "ccomp") \
            and not (root.dep_ == "dobj" and lemma(verb) in lp.ADDRESSEE_VERBS)  # 'told the "Times"': who heard
        if span.embedded and worded_by_the_law(tokens, verb):
            return None  # "confirmed the charges of '...'", "admitted to '...'": the charge's wording
        words = self.text[span.start:span.end].rstrip()
        if span.embedded and words.endswith(".") and tokens[-1].i >= tokens[-1].sent.end - 2:
            words = words[:-1]  # 'urged passage of the "Secure Borders Act."': the sentence's full stop
        named = lemma(verb) not in lp.WORDS_OBJECT_LEMMAS  # 'mentioned "Operation Metro Surge"' names it
        if span.embedded and (not spoken or named) and (looks_like_a_name(words) or names_a_thing(tokens, words)):
            return None  # "praised the 'Rapid Response' network", "'enhanced vetting' protocols": a name, not
            # their words (but replied "Murderers")
        if given_as_a_name(tokens):
            return None  # 'penned an essay bluntly titled, "F*ck ICE."': the essay's name, not a statement
        if names_the_place(tokens, words):
            return None  # 'said Escaray, in one of his restaurants, "Sabor Venezolano."': the restaurant's name
        if span.embedded and glosses_a_word(tokens):
            return None  # 'Coma Arepas, Spanish for "eat arepas," was seeing "..."': the writer's translation
        subject = grammar.subject(verb)
        if subject is None or subject.is_punct:
            # the parse may have lost it in the quote's marks
            subject = grammar.inverted_subject(verb)
        who = self.mentions.speaker(subject, index)
        if who is None:
            return None
        leader_id, how, antecedent = who
        at = self.mentions.leader_at
        if span.embedded and (self._in_someone_elses_words(tokens, leader_id) or inside_what_she_joined(tokens, verb)
                              or possessed_by_another(tokens, at, leader_id)
                              or in_anothers_relative_clause(tokens, verb, at, leader_id)):
            return None  # 'said the governor's claim that the raids are "lawful" is false': his word;
            # 'blamed the sheriff's "ongoing sweeps"': the sheriff's term; 'echoing the mayor, who called them "..."'
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

    def _noun_tag(self, index, span):
        """'"...," Macias states, noting ...': a tag whose present-tense speech verb the tagger read
        as a plural noun ('states', 'notes', 'says'), so the parse has no verb for the quote. A
        quoted sentence ending in a comma inside its marks, then one leader's name, then that word
        and the tag's end (a comma or full stop): the leader speaks."""
        tokens = self.article.span_tokens[index]
        if span.embedded or span.block or not tokens or not self.text[span.start:span.end].rstrip().endswith(","):
            return None
        doc = self.article.doc
        first = self.grammar.beside(tokens[-1].i, 1, index)
        leader_id = self.mentions.leader_at.get(first.i) if first is not None else None
        if leader_id is None:
            return None
        word = first
        while word.i + 1 < len(doc) and self.mentions.leader_at.get(word.i + 1) == leader_id:
            word = doc[word.i + 1]
        word = doc[word.i + 1] if word.i + 1 < len(doc) else None
        if word is None or word.pos_ == "VERB" or word.i + 1 >= len(doc) \
                or doc[word.i + 1].text not in (",", ".") or not word.lower_.endswith("s"):
            return None
        stem = word.lower_[:-1]
        if not ({stem, stem[:-1]} & lp.SPEECH_LEMMAS) or stem in lp.NOT_TAG_VERBS:
            return None
        return Attribution(leader_id, "direct", unique_sents([tokens[0].sent, tokens[-1].sent, word.sent])), None

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
        for verb in self.article.tokens:
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
            if not self.article.quote_paragraph(span, paragraph):
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

def _relays_another(verb) -> bool:
    """The verb reports someone else speaking: 'recalled him saying', 'heard her say' (a speech
    verb without tense whose own subject is another, after the verb)."""
    return any(c.dep_ in ("ccomp", "xcomp", "oprd") and c.i > verb.i and c.tag_ in ("VBG", "VB") and is_speech(c)
               and any(g.dep_ in ("nsubj", "nsubjpass") and g.i < c.i for g in c.children)
               and not any(g.dep_ in ("aux", "mark") for g in c.children)  # ('noted that time will tell')
               or c.dep_ == "advcl" and c.tag_ == "VBG" and is_speech(c) and c.i > 0
               and c.doc[c.i - 1].dep_ == "dobj" and c.doc[c.i - 1].head.i == verb.i  # 'recalled him saying'
               or c.dep_ in ("ccomp", "xcomp") and c.i > verb.i and is_speech(c)  # 'recalled being asked': words
               and any(g.dep_ == "auxpass" and g.lower_ == "being" for g in c.children)  # said to the subject
               and not any(g.dep_ == "nsubjpass" for g in c.children)
               for c in verb.children)


def _root(tokens, in_quote):
    """The quote's token whose head lies outside it: where the quote hangs in the sentence."""
    index = in_quote[tokens[0].i]
    outside = [t for t in tokens if in_quote[t.head.i] != index and t.head.i != t.i and not t.is_punct]
    return outside[0] if len(outside) == 1 else None
