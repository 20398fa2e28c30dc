"""Speech-verb grammar: which verb reports words, whose subject speaks, and when it does not count.

Verbs are recognised by spaCy's lemma. SpeechGrammar reads one parsed article: the verb that governs or stands beside a
quote, its subject, and the reasons its words are not the subject's own: negated, hypothetical,
relayed by someone else, or a post shared from elsewhere.
"""

from __future__ import annotations

from onrecord.nlp import leader_patterns as lp


def lemma(token) -> str:
    """spaCy's lemma; for a participle the tagger took for a noun ("..., writing, '...'"), the
    verb it comes from."""
    if _participle(token):
        stem = token.lower_[:-3]
        for verb in (stem, stem + "e", stem[:-1]):  # saying, writing, slamming
            if verb in lp.SPEECH_LEMMAS:
                return verb
    return token.lemma_.lower()


def is_speech(token) -> bool:
    return (token.pos_ in ("VERB", "AUX") or _participle(token)) and lemma(token) in lp.SPEECH_LEMMAS


def _participle(token) -> bool:
    return token.pos_ == "NOUN" and token.dep_ == "advcl" and token.lower_.endswith("ing")


def is_label(token) -> bool:
    return token.pos_ == "VERB" and lemma(token) in lp.LABEL_LEMMAS


def according_to(token):
    """The objects of "according to" when token is its "according", else []."""
    if token.lower_ != "according":
        return []
    return [o for c in token.children if c.lower_ == "to" for o in c.children if o.dep_ == "pobj"]


def _is_source(token) -> bool:
    """An unnamed source: "a person familiar with the matter", "people", "two sources"."""
    return token.pos_ == "NOUN" and (lp.is_person_noun(token.lower_) or token.lower_ in lp.HEARSAY_SOURCES)


class SpeechGrammar:
    """Speech verbs and their subjects in one article (article: quote_candidates.ParsedArticle)."""

    def __init__(self, article):
        self.article = article
        self.doc = article.doc
        self.text = article.text
        self.in_quote = article.in_quote

    def negated(self, verb) -> bool:
        """The words were not (or not yet, or only hypothetically) said: "did not say", "will
        say", "if Okonkwo says", "had Okonkwo said", "wants Okonkwo to say", "denied she said"."""
        if self.hypothetical(verb):
            return True
        node = verb
        for _ in range(3):
            narrative = node is not verb and lemma(node) in lp.XCOMP_SPEECH_HEADS  # "would go on to note"
            if any((c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in lp.UNREAL_AUX
                    and not (narrative and c.lower_ == "would"))
                   and self.in_quote[c.i] == -1 for c in node.children):
                return True
            if node.dep_ in ("xcomp", "ccomp") and lemma(node.head) in lp.NEGATING_LEMMAS:
                return True
            if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
                return False
            node = node.head
        return False

    def hypothetical(self, verb) -> bool:
        children = [c for c in verb.children if self.in_quote[c.i] == -1]
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether", "lest") for c in children):
            return True
        subject = next((c for c in children if c.dep_ == "nsubj"), None)
        if subject is not None and any(c.dep_ == "aux" and c.i < subject.i for c in children):
            return True  # "Had Okonkwo said ...", "Did Okonkwo say ...?"
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in children) and verb.dep_ in ("xcomp", "ccomp") \
                and lemma(verb.head) not in lp.XCOMP_SPEECH_HEADS:
            return True  # "want Okonkwo to say", but "went on to say"
        return False

    def subject(self, verb):
        """The active subject of verb, following conj and xcomp chains ("paused and said")."""
        node = verb
        for _ in range(3):
            children = [c for c in node.children if self.in_quote[c.i] == -1]
            if any(c.dep_ == "nsubjpass" for c in children):
                return None
            subjects = [c for c in children if c.dep_ == "nsubj"]
            if subjects:  # a split compound ("co - founder") gives several: the nearest heads it
                return min(subjects, key=lambda c: abs(c.i - node.i))
            if node.head.i == node.i:
                return None
            if node.dep_ == "advcl" and (node.tag_ == "VBG" or _participle(node)):
                # "..., adding that ...", "posted a photo, writing ...": the participle's subject
                # is the subject of the clause it hangs on, wherever the parser attached it
                up = node.head
                for _ in range(4):
                    if up.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" for c in up.children):
                        return next(c for c in up.children if c.dep_ == "nsubj")
                    if any(c.dep_ == "nsubjpass" for c in up.children) or up.head.i == up.i:
                        break
                    up = up.head
            if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.lemma_.lower() in lp.OWN_DOCUMENT_NOUNS:
                # "sent a message to employees telling them that ...": the message's sender
                return self.author(node.head)
            if node.dep_ == "conj" \
                    or node.dep_ == "xcomp" and lemma(node.head) in lp.XCOMP_SPEECH_HEADS \
                    or node.dep_ == "advcl" and not any(c.lower_ in ("without", "before", "if", "unless")
                                                        for c in node.children):
                node = node.head
            else:
                return None
        return None

    def author(self, document):
        """The subject of the verb a message or post hangs on: "Altman sent a message",
        "Altman told staff in a message"."""
        node = document.head if document.dep_ == "pobj" else document
        if node.dep_ not in ("dobj", "prep", "dative") or node.head.pos_ not in ("VERB", "AUX"):
            return None
        verb = node.head
        if lemma(verb) not in lp.AUTHOR_VERBS:
            return None  # "retweeted a post that said ...", "shared a post ...": someone else's
        return next((c for c in verb.children if c.dep_ == "nsubj" and self.in_quote[c.i] == -1), None)

    def secondhand(self, verb, quoted: bool = False) -> bool:
        """Words relayed by someone else: 'reportedly told', 'according to people familiar',
        or a speech verb inside another speaker's reported clause ('X said Y told her ...').

        A quote (quoted=True) is the leader's words however the outlet came by them: layered
        sourcing after it ('"...," X wrote to staff, a person familiar with the matter said',
        '..., according to two people who heard it') does not make it someone else's."""
        if any(c.dep_ == "advmod" and c.lower_ in lp.HEARSAY_ADVERBS for c in verb.children):
            return True
        if not quoted:
            for t in verb.sent:
                if self.in_quote[t.i] == -1 and any(_is_source(o) for o in according_to(t)):
                    return True
        node = verb
        for _ in range(4):
            dep = node.dep_
            if dep not in ("ccomp", "conj", "xcomp") or node.head.i == node.i:
                return False
            node = node.head
            if dep == "conj":
                continue  # "praised Trump and said ...": a second verb of the same speaker
            if self.in_quote[node.i] == -1 and (is_speech(node) or is_label(node)):
                outer = self.subject(node)
                return not (quoted and node.i > verb.i and outer is not None and _is_source(outer))
        return False

    def passes_on_something(self, verb, before: int | None = None) -> bool:
        """share/post/publish with an object that is not the leader's own writing (an object
        that comes before the quote, when `before` is the quote's first token index)."""
        if lemma(verb) not in ("share", "post", "publish", "tweet"):
            return False
        return any(c.dep_ == "dobj" and self.in_quote[c.i] == -1 and (before is None or c.i < before)
                   and c.lower_ not in lp.OWN_DOCUMENT_NOUNS for c in verb.children)

    def labels_quote(self, verb, path) -> bool:
        """A labelling verb wraps a verdict, not a name: "as"-verbs need the "as" complement."""
        if is_speech(verb):
            return True
        if lemma(verb) in lp.AS_VERBS:
            return any(t.lower_ == "as" for t in path)
        return True

    # -- the verb that introduces a quote -------------------------------------------------------

    def governing_verb(self, tokens):
        """A speech or labelling verb above the quote in the parse."""
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
                path.append(node)
                if self.in_quote[node.i] == -1 and node.pos_ in ("VERB", "AUX") \
                        and node.dep_ not in ("conj", "ccomp"):
                    break  # another clause's verb governs the quote: not an attribution
                # a verb whose clause is reported ("said the company had 'no plans'") passes
                # the quote on to the reporting verb above it
                if node.head.i == node.i:
                    break
                node = node.head
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
        verbs = [t for t in sent if self.in_quote[t.i] == -1 and (is_speech(t) or is_label(t))
                 and t.idx < len(before)]
        if not verbs:
            return None
        verb = verbs[-1]
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

    def colon_between(self, verb, span) -> bool:
        between = self.text[verb.idx:span.open_at]
        return verb.idx < span.open_at and between.rstrip().endswith(":")
