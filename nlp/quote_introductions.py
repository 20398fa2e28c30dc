"""How a quote is introduced: the speech verb that governs it in the parse, stands beside it
('"...," Okonkwo said'), introduces it with a colon, or (the parser having hung it elsewhere) is
the nearest before it; and words given as spoken without their marks.

QuoteGrammar adds these to speech_verbs.SpeechGrammar (subjects, negation, hearsay), for one
parsed article (quote_candidates.ParsedArticle).
"""

from __future__ import annotations

from onrecord.nlp import leader_patterns as lp
from onrecord.nlp.absolute_phrases import voice_before_colon
from onrecord.nlp.disowned_speech import denied
from onrecord.nlp.own_views import gives_own_view
from onrecord.nlp.speaker_in_view import only_the_tags_speaker_before
from onrecord.nlp.speech_verbs import SpeechGrammar, is_expressive, is_label, is_speech, lemma
from onrecord.nlp.tag_objects import says_something_else, writes_another_text

# Words that speak of someone in the third person: in a quote, the writer's wording about the speaker.
_THIRD_PERSON = frozenset({"he", "him", "his", "she", "her", "hers"})


class QuoteGrammar(SpeechGrammar):
    """The verbs that introduce the quotes of one article."""

    def negated(self, verb) -> bool:
        """Also under a frame that denies it ('It is false that Okonkwo said ...': disowned_speech)."""
        return super().negated(verb) or denied(verb, self.in_quote)

    def inverted_subject(self, verb):
        """'"...," said Shi, whose coalition ...': in an inverted tag right after a quote the name
        that follows the verb is its subject, wherever the parser hung it."""
        doc = self.doc
        before = doc[verb.i - 1] if verb.i > 0 else None
        if before is None or self.in_quote[before.i] == -1 or verb.i + 1 >= len(doc):
            return None
        i = verb.i + 1
        while i < min(verb.i + 3, len(doc)) and doc[i].tag_ == "NN" and doc[i].is_lower and doc[i].dep_ == "compound" \
                and doc[i].head.i > i and doc[i].head.pos_ == "PROPN" and self.in_quote[i] == -1:
            i += 1  # 'mentioned economist Ray Perryman' (the verb read as the noun's modifier): her role word
        first = i
        while i < len(doc) and doc[i].pos_ == "PROPN" and self.in_quote[i] == -1:
            i += 1
        if i == first or i < len(doc) and doc[i].pos_ in ("NOUN", "VERB", "AUX", "ADP") and doc[i].text != "of":
            return None  # no name, or a name that begins something else ("said Trump administration officials")
        return doc[i - 1]

    def labels_quote(self, verb, path) -> bool:
        """A labelling verb wraps a verdict, not a name: "as"-verbs need the "as" complement."""
        if is_speech(verb):
            return True
        if lemma(verb) in lp.AS_VERBS:  # ("described being 'convicted in the headlines'": a clause, not a name)
            return any(t.lower_ == "as" or t.pos_ in ("VERB", "AUX") for t in path) or _judging_word(verb, path, self.in_quote)
        return True

    def aside(self, token, outside) -> bool:
        """token stands inside a parenthetical (between dashes or brackets) of its sentence that
        the token `outside` is not in."""
        sent = token.sent
        opened = None
        for t in sent:
            if self.in_quote[t.i] != -1:
                continue
            if t.text in ("—", "–", "--", "(", ")") and opened is None and t.text != ")":
                opened = t.i
            elif opened is not None and t.text in ("—", "–", "--", ")"):
                if opened < token.i < t.i and not opened < outside.i < t.i:
                    return True
                opened = None
        return False


    def governing_verb(self, tokens):
        """A speech or labelling verb above the quote in the parse, or a communicative act whose
        complement holds it ("expressed his heartbreak over '...'", "mentioned having '...'")."""
        index = self.in_quote[tokens[0].i]
        for token in tokens:
            if self.in_quote[token.head.i] == index and token.head.i != token.i:
                continue
            node = token.head if token.head.i != token.i else None
            path = []
            for _ in range(6):
                if node is None:
                    break
                if self.in_quote[node.i] == -1 and (is_speech(node) or is_label(node)):
                    return node if self.labels_quote(node, path) else None
                if self.in_quote[node.i] == -1 and node.pos_ == "VERB" and _cast_as(node, path) \
                        and lemma(node) not in lp.NOT_TAG_VERBS:
                    return node  # 'positioned the talk as "a step forward"': casting X as Y labels it, whatever the verb
                if self.in_quote[node.i] == -1 and is_expressive(node) and path:
                    below = path[-1]  # what was expressed, or what about ("spoke after '...'" is not)
                    content = below.dep_ in ("dobj", "xcomp", "ccomp") \
                        or below.dep_ == "prep" and below.lower_ in lp.TOPIC_PREPOSITIONS
                    return node if content else None
                if self.in_quote[node.i] == -1 and is_expressive(node) and token.dep_ in ("xcomp", "ccomp") \
                        and any(c.lemma_ in ("be", "feel") for c in token.children):
                    return node  # 'expressed being "heartbroken"': the quote is the state the leader voiced
                path.append(node)
                if self.in_quote[node.i] == -1 and node.pos_ in ("VERB", "AUX") and self.aside(node, token):
                    pass  # "told employees in a memo — first reported by X — that ...": the aside's
                    # verb took the clause in the parse; the clause is the sentence's
                elif self.in_quote[node.i] == -1 and node.pos_ in ("VERB", "AUX") and (
                        node.dep_ not in ("conj", "ccomp", "xcomp") or node.dep_ == "conj" and any(
                            c.dep_ in ("nsubj", "nsubjpass") and self.in_quote[c.i] == -1 for c in node.children)):
                    break  # another clause's verb governs the quote ("called, and the mayor was ..."):
                    # not an attribution
                # a verb whose clause is reported ("said the company had 'no plans'") passes
                # the quote on to the reporting verb above it
                if node.head.i == node.i:
                    break
                node = node.head
        return None

    def object_complement(self, tokens):
        """'calling the U.S. "the largest market"', the quote hung by the parser as a second object of
        the verb before: a quote that opens right after the object of "call", "dub", "term", "brand"
        or "label" (outside quote marks, nothing between) is what the object is called."""
        doc, i = tokens[0].doc, tokens[0].i - 1
        while i > 0 and doc[i].is_quote:
            i -= 1
        obj = doc[i]
        verb = obj.head
        if obj.dep_ != "dobj" or obj.right_edge.i != i or self.in_quote[obj.i] != -1 or self.in_quote[verb.i] != -1 \
                or lemma(verb) not in ("call", "dub", "term", "brand", "label") or verb.i > obj.i:
            return None
        root = [t for t in tokens if t.head.i == t.i or self.in_quote[t.head.i] != self.in_quote[tokens[0].i]]
        return verb if len(root) == 1 and root[0].head.i != verb.i and root[0].dep_ in ("dobj", "dep", "appos", "npadvmod", "ccomp") \
            else None

    def document_verb(self, tokens):
        """'sent a memo that directed employees to resources about how to handle "..."': a quote
        in the clause that says what a document does is the document's; the verb the document
        hangs on (sent, posted, wrote) stands for its author."""
        index = self.in_quote[tokens[0].i]
        tops = [t for t in tokens if self.in_quote[t.head.i] != index and t.head.i != t.i and not t.is_punct]
        if len(tops) != 1:
            return None
        node = tops[0].head
        for _ in range(10):
            if self.in_quote[node.i] == -1 and node.pos_ in ("VERB", "AUX"):
                if is_speech(node) or is_label(node) or any(
                        c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP") for c in node.children):
                    return None  # someone's act, or a clause with its own subject
                if node.dep_ in ("relcl", "acl") and node.head.lemma_.lower() in lp.OWN_DOCUMENT_NOUNS:
                    document = node.head
                    verb = document.head if document.dep_ == "dobj" else None
                    return verb if verb is not None and lemma(verb) in lp.AUTHOR_VERBS else None
            if node.head.i == node.i:
                return None
            node = node.head
        return None

    def nearest_verb_before(self, first):
        """A partial quote the parser hung elsewhere: the nearest speech or labelling verb before
        it in its sentence, when no clause boundary stands between them ('that Okonkwo had promised
        would be "a real conversation"', 'telling employees he's "heartbroken"'; not 'Okonkwo
        called, and the mayor was "furious"', nor '... while the mayor was "furious"')."""
        index = self.in_quote[first.i]
        for t in reversed(self.doc[first.sent.start:first.i]):
            if self.in_quote[t.i] == index:
                continue  # its opening mark
            if self.in_quote[t.i] != -1 or t.text in (":", ";"):
                return None
            if is_speech(t) or is_label(t):
                between = [x for x in self.doc[t.i + 1:first.i] if self.in_quote[x.i] != index]
                if any(x.pos_ == "CCONJ" or x.is_punct or x.tag_ in ("WDT", "WP", "WP$")
                       or x.pos_ == "SCONJ" and x.lower_ not in ("that", "if", "whether") for x in between):
                    return None
                return t if self.labels_quote(t, list(between)) else None
        return None

    def preceding_clause_verb(self, first):
        """The verb of the words right before an embedded quote, if it speaks or labels."""
        node = self.beside(first.i, -1, self.in_quote[first.i])
        if node is None or self.in_quote[node.i] != -1:
            return None
        path = [node]
        for _ in range(4):
            if node.pos_ in ("VERB", "AUX"):
                if is_label(node) or is_speech(node):
                    return node if self.labels_quote(node, path) else None
                return None
            path.append(node)
            if node.head.i == node.i:
                return None
            node = node.head
        return None

    def adjacent_verb(self, index, first_sent, last_sent):
        """A speech verb beside the quote: between them only punctuation and the verb's own
        clause (its subject, adverbs; no other verb). A quote opening mid-clause belongs to that
        clause, so for it only a parenthetical right after it counts: 'by "2 or 3 months," he said'."""
        embedded = self.article.spans[index].embedded
        tokens = self.article.span_tokens[index]
        sents = {first_sent.start: first_sent, last_sent.start: last_sent}
        standalone = not embedded and self.stands_alone(index)
        for neighbour in (self.beside(tokens[0].i, -1, index), self.beside(tokens[-1].i, 1, index)):
            if neighbour is not None:  # the parser may end a sentence at the quote's mark
                sents.setdefault(neighbour.sent.start, neighbour.sent)
        for sent in sents.values():
            for verb in sent:
                if self.in_quote[verb.i] != -1 or not is_speech(verb):
                    continue
                if verb.i < tokens[0].i:
                    if embedded:
                        continue
                    gap = range(verb.i + 1, tokens[0].i)
                elif embedded and self.stands_alone(index) and any(t.lower_ in _THIRD_PERSON for t in tokens):
                    continue  # 'Manfred did "not go into details on his discussion ... he expressed worry." He
                    # said, "..."' (heldout84 uf05): a quote opening mid-clause, closing its sentence and
                    # speaking of someone as he or she is the writer's wording, no tag's words
                elif writes_another_text(verb, self.in_quote) or standalone and (
                        says_something_else(verb, self.in_quote) or self.opens_next_quote(verb, index)):
                    continue  # '"..." Hoffman wrote an opinion piece ...': its words are that piece's;
                    # '"..." Okonkwo, who signed it, said she hoped ...': hers are the clause
                else:
                    gap = range(tokens[-1].i + 1, verb.i)
                subject = self.subject(verb)
                if embedded:  # only the subject between: '..., he said' / '..., Okonkwo said'
                    allowed = {t.i for t in subject.subtree} if subject is not None else set()
                else:
                    allowed = {t.i for t in verb.subtree if self.in_quote[t.i] == -1 and t.pos_ not in ("VERB", "AUX")}
                    if subject is not None:
                        allowed |= {t.i for t in subject.subtree}
                if all(t.is_punct or t.is_space or self.in_quote[t.i] == index or t.i in allowed
                       for t in (self.doc[i] for i in gap)):
                    return verb
        return None

    def opens_next_quote(self, verb, index) -> bool:
        """'"A." Okonkwo said, "B."': the tag after a quote that is a sentence of its own
        introduces the quote after it (a comma or colon, then its mark); it is B's, not A's
        (guards 53). Its own words may come between ('said Okonkwo, "B."', 'said on Tuesday: "B."')."""
        end = verb.i + 1
        while end < len(self.doc) and end <= verb.i + 5 and self.in_quote[end] == -1 and not self.doc[end].is_punct \
                and self.doc[end].head.i != self.doc[end].i and verb in self.doc[end].ancestors:
            end += 1
        after = self.doc[end:end + 2]
        return len(after) == 2 and after[0].text in (",", ":") and self.in_quote[after[1].i] not in (-1, index) \
            and not only_the_tags_speaker_before(verb, self.article.span_tokens[index][0], self.in_quote)

    def stands_alone(self, index) -> bool:
        """The quote is a sentence of its own, so no tag goes on from it: a full stop inside its
        marks, or a question or exclamation mark with a capital after the closing mark (not
        '"...?" he said')."""
        span = self.article.spans[index]
        words = self.text[span.start:span.end].rstrip()
        after = self.text[span.close_at:].lstrip("\"'”’″ ")[:1]
        return words.endswith(".") or words.endswith(("?", "!")) and after.isupper()

    def tag_verb(self, index):
        """'"...," Okonkwo fumed.', '"...," laughed Okonkwo during the call.': a quoted sentence
        that ends in a comma inside its marks goes on in the tag, so the verb right after it (past
        its subject), which the parser hangs the quote on, says who spoke, whatever its lemma. Only
        a tag: no object or complement of its own, and never a verb of passing on another's words
        ('"...," Okonkwo retweeted')."""
        span = self.article.spans[index]
        tokens = self.article.span_tokens[index]
        if span.embedded or span.block or not tokens or not self.text[span.start:span.end].rstrip().endswith(","):
            return None
        roots = [t for t in tokens if self.in_quote[t.head.i] != index and not t.is_punct]
        if len(roots) != 1 or roots[0].dep_ != "ccomp":
            return None
        verb = roots[0].head
        if verb.i < tokens[-1].i or verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ") \
                or self.in_quote[verb.i] != -1 or lemma(verb) in lp.NOT_TAG_VERBS \
                or any(verb.lower_.startswith(word) for word in lp.NOT_TAG_VERBS):
            return None  # (by the word's start too: the lemmatizer reads 'retweeted' as 'retweete')
        subject = self.subject(verb) or self.inverted_subject(verb)
        between = {t.i for t in subject.subtree} if subject is not None else set()
        if not all(self.doc[i].is_punct or self.in_quote[i] == index or i in between
                   for i in range(tokens[-1].i + 1, verb.i)):
            return None  # (not '"...," the union's letter said, and Okonkwo signed it')
        if any(c.dep_ not in ("nsubj", "prep", "advmod", "npadvmod", "punct", "prt", "advcl")
               and self.in_quote[c.i] == -1 and c.i != getattr(subject, "i", -1) for c in verb.children):
            return None  # '"...," Okonkwo signed the letter': an act, not the tag
        return verb

    def beside(self, i, step, index):
        """The first token outside the quote before (step -1) or after (step 1) token i, past
        its marks, in the same paragraph; None at a paragraph break."""
        i += step
        while 0 <= i < len(self.doc) and self.in_quote[i] == index and self.doc[i].is_punct:
            i += step
        if not 0 <= i < len(self.doc) or self.doc[i].is_space or self.doc[i].text in (".", "!", "?"):
            return None  # a paragraph or a sentence ends there
        return self.doc[i]

    def colon_verb(self, span):
        """"Okonkwo wrote on X:" (same or previous paragraph) introducing the quote."""
        before = self.text[:span.open_at].rstrip()
        if not before.endswith(":"):
            return None
        sent = self.article.sent_of(len(before) - 1)
        if sent is None:
            return None
        verbs = [t for t in sent if self.in_quote[t.i] == -1 and (is_speech(t) or is_label(t) or is_expressive(t)
                                                                  or gives_own_view(t)) and t.idx < len(before)]
        if not verbs:
            return None
        verb = verbs[-1]
        if voice_before_colon(sent, len(before) - 1, verb):
            return None  # 'Okonkwo spoke, the union adding:', 'with the banner reading:' (absolute_phrases.py)
        topic = _plain_topic(verb)
        if any(t.pos_ in ("VERB", "AUX") and t.i > verb.i and t.idx < len(before) and self.in_quote[t.i] == -1
               and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) and t.i not in topic for t in sent):
            return None  # another clause stands between ("X was blunt, but the mayor was blunter:")
        if gives_own_view(verb):
            return verb  # "Okonkwo shared her view on the shortage:": what follows is that view
        if is_expressive(verb) and not is_label(verb):
            # "Okonkwo weighed in:", "expressed her outrage:", "was blunt:": what follows is hers;
            # after "reacted to the mayor's post:" it may be the post
            about = [c for c in verb.children if c.dep_ == "dobj"] + [
                o for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"
                and not (c.lower_ in ("in", "via", "through") and not _anothers(o))]  # ('was blunt in a memo:' its medium)
            if any(o.lemma_.lower() in lp.SPEECH_NOUNS | lp.OWN_DOCUMENT_NOUNS for o in about):
                return None
            return verb
        if not is_speech(verb):
            # "Okonkwo slammed the raids:" judges its object, then gives her words; but after
            # "criticized the agency's statement:" the words may be the statement's
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            if len(objects) != 1 or objects[0].lemma_.lower() in lp.SPEECH_NOUNS:
                return None
            return verb
        # the colon must close the verb's clause, not some later list ("said three things:")
        if any(c.dep_ in ("dobj", "ccomp") and c.i > verb.i and c.lower_ not in
               ("this", "that", "following", "it") and self.in_quote[c.i] == -1
               for c in verb.children):
            obj = [c for c in verb.children if c.dep_ == "dobj"]
            if not obj or obj[0].lower_ not in ("statement", "post", "note", "message", "memo"):
                return None
        return verb

    def unmarked_words(self, verb):
        """'He stated, Hope without action is not a strategy.': the first token of words given as
        spoken but printed without quote marks (a capitalised clause right after the reporting
        verb and a comma, the verb ending its own clause), or None."""
        doc = self.doc
        if verb.i + 2 >= len(doc) or doc[verb.i + 1].text != "," or lemma(verb) not in lp.INDIRECT_VERBS:
            return None
        first = doc[verb.i + 2]
        after = doc[first.i + 1] if first.i + 1 < len(doc) else first
        if not first.is_title or not first.is_alpha:
            return None
        if first.pos_ == "PROPN" and (first.ent_type_ or after.is_title) and first.text not in ("I", "We"):
            return None  # a name starts the clause ("Okonkwo said, Governor Dale Murrow lied"): who knows
        subject = self.subject(verb)
        if subject is None or subject.i > verb.i or any(
                c.dep_ in ("dobj", "ccomp", "dative") and c.i < verb.i + 1 for c in verb.children if c.i > verb.i):
            return None
        # only the subject and adverbs stand before the verb in its sentence
        if any(t.i not in {x.i for x in subject.subtree} and t.pos_ not in ("ADV", "PUNCT", "SPACE")
               for t in doc[verb.sent.start:verb.i]):
            return None
        return first

    def colon_between(self, verb, span) -> bool:
        between = self.text[verb.idx:span.open_at]
        return verb.idx < span.open_at and between.rstrip().endswith(":")


def _plain_topic(verb) -> set:
    """The tokens of the verb's 'about ...' phrase when no one speaks or writes in it: 'had to say
    about the lesson he learned that it's bad ...:' (heldout54 tb04), whose clauses describe the
    topic and stand between the verb and the colon without taking the words after it (but 'spoke
    about the letter, which the mayor read aloud:' may be the letter's)."""
    out = set()
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("about", "on", "regarding")):
        words = list(prep.subtree)
        if not any(is_speech(t) or is_label(t) or is_expressive(t) or t.lemma_.lower() in lp.SPEECH_NOUNS
                   | lp.OWN_DOCUMENT_NOUNS or t.text in "\"“”‘’'" for t in words):
            out |= {t.i for t in words}
    return out


def _anothers(document) -> bool:
    """'the mayor's post', 'a post by the union': a document someone named wrote."""
    return any(c.dep_ == "poss" and c.lower_ not in ("her", "his", "its", "their", "my", "our")
               or c.dep_ == "prep" and c.lower_ in ("by", "from") for c in document.children)


def _cast_as(verb, path) -> bool:
    """The path up from a quote reaches the verb through 'as' on its object: 'positioned the talk as
    "..."' (the parser hangs 'as' on the verb or on its object)."""
    if not path or not any(c.dep_ == "dobj" for c in verb.children):
        return False
    if path[-1].dep_ == "prep" and path[-1].lower_ == "as":
        return True
    return path[-1].dep_ == "dobj" and len(path) > 1 and path[-2].dep_ == "prep" and path[-2].lower_ == "as"


def _judging_word(verb, path, in_quote) -> bool:
    """'criticized the "discriminatory" actions', 'praised their "professional" conduct': a quoted
    adjective on the object of a verdict is the judge's own word (a quoted noun there may be a
    name: 'praised the "Safe Harbor" programme')."""
    if len(path) != 1 or path[0].dep_ != "dobj" or path[0].head.i != verb.i:
        return False
    return any(c.dep_ == "amod" and c.pos_ == "ADJ" and c.i < path[0].i and in_quote[c.i] != -1
               and in_quote[path[0].i] == -1 for c in path[0].children)
