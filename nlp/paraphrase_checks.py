"""The checks every reported-speech rule (nlp/paraphrase.py) makes of a clause before it reports
it: only whole partial quotes in it, no stray mark, no quote it leads into, no one else's words,
no addressee taken for what was said."""
from __future__ import annotations

from onrecord.nlp import leader_patterns as lp
from onrecord.nlp.absolute_phrases import anothers_voice, subject_indices
from onrecord.nlp.imperatives import addresses_the_reader
from onrecord.nlp.lost_subjects import finite_without_subject, possessor
from onrecord.nlp.quote_candidates import clean_quote, looks_like_a_name
from onrecord.nlp.quote_marks import QUOTE_CHARS
from onrecord.nlp.reported_clauses import passive_report
from onrecord.nlp.speech_verbs import is_label, is_speech, lemma
from onrecord.nlp.wordless_speech import reports_no_words


class ClauseChecks:
    """Base of Paraphrases: the article, its grammar and its leaders' mentions."""

    def __init__(self, article, grammar, mentions):
        self.article = article
        self.doc = article.doc
        self.text = article.text
        self.in_quote = article.in_quote
        self.grammar = grammar
        self.mentions = mentions

    def own_subject(self, verb):
        """The verb's subject, or None where the parse lost it or took a possessor for it (lost_subjects.py)."""
        if finite_without_subject(verb):
            return None
        subject = self.grammar.subject(verb)
        return None if possessor(subject) else subject

    def _without_addressee(self, verb, tokens) -> list:
        """'told MJBizDaily the situation was "dynamic"': a name right after tell, inform or assure,
        which the parser took into the clause, is who was told, not what; 'said Monday the
        company would ...': when, not what."""
        after = verb.i + 1  # the token right after the verb, past any date
        subject = {x.i for t in tokens if t.dep_ in ("nsubj", "nsubjpass") for x in t.subtree}
        while tokens and tokens[0].i == after and tokens[0].ent_type_ in ("DATE", "TIME") \
                and tokens[0].i not in subject and any(not t.ent_type_ for t in tokens):
            tokens, after = tokens[1:], after + 1
        if lemma(verb) not in lp.ADDRESSEE_VERBS or any(c.dep_ in ("dative", "dobj") for c in verb.children):
            return tokens
        subjects = [t for t in tokens if t.dep_ in ("nsubj", "nsubjpass")]
        first_subject = min((t.left_edge.i for t in subjects), default=None)
        while tokens and first_subject is not None and tokens[0].i < first_subject and tokens[0].i == after \
                and tokens[0].pos_ in ("PROPN", "ADV", "NOUN") and tokens[0].text[:1].isupper():
            tokens, after = tokens[1:], after + 1  # (the next word may be part of the same name)
        return tokens

    def whole_quotes_only(self, tokens) -> bool:
        """Quoted words only as whole partial quotes ('said it "will not comply"'), never a stray mark."""
        inside = {t.i for t in tokens}
        touched = {self.in_quote[t.i] for t in tokens} - {-1}
        if any(t.text in QUOTE_CHARS and self.in_quote[t.i] == -1 for t in tokens):
            return False
        if any(not all(t.i in inside or t.is_punct for t in self.article.span_tokens[index]) for index in touched):
            return False
        if any(not self.article.spans[index].embedded and self.article.quoted_text(index)[:1].isupper()
               and any(t.pos_ in ("VERB", "AUX") for t in self.article.span_tokens[index]) for index in touched):
            return False  # a quoted sentence ('"...," the Tampa roofer Reyna said', misparsed): a tag's, no clause
        # and a word of the article's own that says something: 'said it was "the easiest
        # decision"' is the quote, not a paraphrase of it (but 'said people are "fatigued"' is)
        return any(self.in_quote[t.i] == -1 and t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM")
                   and t.lemma_ not in ("be", "have", "do") for t in tokens)

    def _stray_mark(self, sent) -> bool:
        """A mark that pairs with nothing in the sentence: no clause of it is safe to report."""
        return any(t.text in QUOTE_CHARS and self.in_quote[t.i] == -1 for t in sent)

    def _leads_into_a_quote(self, tokens, verb) -> bool:
        """'All are here legally - but "they are very fearful," Gillespie said': a clause before
        the tag that ends in a quoted clause of its own is the reporter's lead into the quote, which
        the tag attributes (but 'could delay work by "2 or 3 months," he said' reports his claim)."""
        words = [t for t in tokens if not t.is_punct]
        if not words or words[-1].i > verb.i:
            return False
        # the quote the clause ends in, or a quote between the clause and the tag
        quotes = {self.in_quote[t.i] for t in self.doc[words[-1].i:verb.i]} - {-1}
        return any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBG", "VBN")
                   for index in quotes for t in self.article.span_tokens[index])

    def _introduces_a_quote(self, verb, clause) -> bool:
        """'wrote on X: "...': the words after the colon are a quote (even one left unclosed); and a tag
        whose colon opens a quote reports that quote, not the clause before it ('In the text on X it is
        ..., Hoffman writes: "..."', heldout79 ua07, a machine translation)."""
        start = min(t.i for t in clause.subtree)
        if anothers_voice(clause, subject_indices(verb)):
            return True  # 'Okonkwo said at the rally, the sign reading:': no clause of hers (absolute_phrases.py)
        if start < verb.i + 1 < len(self.doc) and self.doc[verb.i + 1].text == ":":
            return True
        between = self.doc[min(verb.i, start):start] if verb.i < start else []
        names = {index for index in {self.in_quote[t.i] for t in between} - {-1}  # 'told the "Times" that'
                 if looks_like_a_name(self.article.quoted_text(index))
                 and all(start > t.i > verb.i for t in self.article.span_tokens[index])}
        return any(t.text == ":" or self.in_quote[t.i] not in names and (t.text in QUOTE_CHARS or self.in_quote[t.i] != -1)
                   for t in between)

    def _someone_else_speaks(self, tokens, leader_id: str) -> bool:
        """A speech verb inside the reported clause whose subject is another person."""
        for t in tokens:
            if passive_report(t):
                return True  # "raids are being reported across ...": unnamed others' words
            if not (is_speech(t) or is_label(t) and any(self.in_quote[x.i] != -1 for x in t.subtree)):
                continue  # (a labelling verb only with the label quoted: "the White House called him")
            if reports_no_words(t, self.in_quote):
                continue  # 'said the agents did not ask for papers': no words inside (wordless_speech.py)
            subject = self.grammar.subject(t)
            if subject is None or subject.pos_ == "PRON":
                continue
            if subject.pos_ == "PROPN" or lp.is_person_noun(subject.lower_):
                if self.mentions.leader_at.get(subject.i) != leader_id:
                    return True
        return False

    def _carries_others_words(self, tokens, leader_id: str, verb) -> bool:
        """A reported phrase with someone else's speech in it: 'pointed to the union's statement
        that ...', 'a letter from 60 CEOs calling for ...', 'the mayor, who said ...', 'thanked the
        mayor for saying ...', 'what the mayor called ...': their words, not hers."""
        if self._someone_else_speaks(tokens, leader_id) or addresses_the_reader(verb.sent):
            return True  # (a sentence to the reader, 'Send a message to X demanding ...': its words are no one's)
        for t in tokens:
            if t.i == verb.i or self.in_quote[t.i] != -1:
                continue
            if t.pos_ == "VERB" and (is_speech(t) or is_label(t) or lemma(t) in lp.PARAPHRASE_FRAMES):
                if t.dep_ in ("relcl", "acl") or t.tag_ == "VBG" and t.dep_ == "pcomp":
                    return True
                subject = self.grammar.subject(t)
                if lemma(t) == "defend" and subject is not None and subject.pos_ == "NOUN" and not lp.is_person_noun(subject.lower_):
                    continue  # 'a test of whether the sector will defend the norms': a thing's act, no one's words
                if subject is not None and subject.pos_ != "PRON" and self.mentions.leader_at.get(subject.i) != leader_id:
                    return True
            if self.mentions.someone_elses_document(t, leader_id):
                return True
        return False

    def closed_words(self, start: int, end: int) -> str:
        """The reported words from start to end; when they end on a partial quote's last word
        ('over "the events in Minneapolis,"' before the reporter's participle), with its closing
        mark, so no mark is left open."""
        for span in self.article.spans:
            if not span.block and start <= span.open_at and span.start < end <= span.end < span.close_at:
                return clean_quote(self.text[start:span.end].rstrip(" ,;:") + self.text[span.end:span.close_at])
        return clean_quote(self.text[start:end])
