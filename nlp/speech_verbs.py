"""Speech-verb grammar: which verb reports words, whose subject speaks, and when it does not count.

Verbs are recognised by spaCy's lemma (reporting verbs, labelling verbs, other communicative
acts). SpeechGrammar reads one parsed article: a speech verb's subject, and the reasons its words
are not the subject's own: negated, hypothetical, relayed by someone else, or a post shared from
elsewhere. Which verb introduces a given quote is quote_introductions.py's.
"""

from __future__ import annotations

from onrecord.nlp import leader_patterns as lp
from onrecord.nlp.bare_tags import a_bare_tag
from onrecord.nlp.misparsed_subjects import hyphen_prefix, misplaced_name, name_before_an_aside as _name_before_an_aside
from onrecord.nlp.misparsed_subjects import a_plain_thing, participle_after_a_report, participle_on_a_things_clause
from onrecord.nlp.something_to_say import had_something_to_say
from onrecord.nlp.passed_on_words import anothers_parenthetical, comment_read_as_verb, quoted_person, said_by_the_person_before, to_a_document


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
    if not (token.pos_ in ("VERB", "AUX") or _participle(token)):
        return False
    word = lemma(token)
    if word == "read":  # "the statement read:", never "Okonkwo read the union's letter:"
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in lp.OWN_DOCUMENT_NOUNS for c in token.children)
    if word in ("put", "sum"):  # "put it bluntly:", "as Okonkwo put it", "summed it up:": idioms of saying (r48)
        return ("dobj", "it") in (kids := {(c.dep_, c.lower_) for c in token.children}) and (word == "put" or ("prt", "up") in kids)
    if word in ("go", "begin", "start"):  # '"...," he went on.', '"...," he began.': a bare tag only
        return a_bare_tag(token, word)
    if word == "plead":  # a plea's quote is the charge, the court's words: "pled guilty to '...'"
        return not any(c.lemma_.lower() in lp.PLEA_WORDS for c in token.children)
    if word in lp.PHRASAL_SPEECH:  # "weighed in", whatever the parser made of "in"
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return following is not None and following.lower_ == lp.PHRASAL_SPEECH[word]
    return word in lp.SPEECH_LEMMAS


def is_expressive(token) -> bool:
    """A communicative act that is not a reporting verb: "expressed", "voiced", "spoke"; or a
    copula of manner: "was blunt"."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if token.lemma_ == "be":
        return any(c.dep_ == "acomp" and c.lemma_.lower() in lp.MANNER_ADJECTIVES for c in token.children)
    return lemma(token) in lp.EXPRESSIVE_LEMMAS


def _a_state(verb) -> bool:
    """A clause that reports a state, not an act: copular ("was at fault", "are great") or passive."""
    return verb.lemma_ == "be" or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) \
        or verb.lower_ in ("'s", "’s") and any(c.dep_ == "acomp" or c.dep_ == "attr" and a_plain_thing(c)
                                                   for c in verb.children)  # "it’s crime", lemmatized as no "be"


def _participle(token) -> bool:
    return token.pos_ == "NOUN" and token.dep_ == "advcl" and token.lower_.endswith("ing")


def is_label(token) -> bool:
    return token.pos_ == "VERB" and lemma(token) in lp.LABEL_LEMMAS


def according_to(token):
    """The objects of "according to" when token is its "according", else []."""
    if token.lower_ != "according":
        return []
    return [o for c in token.children if c.lower_ == "to" for o in c.children if o.dep_ == "pobj"]


LEGAL_SOURCES = lp.LEGAL_WORDS | {"complaint", "suit", "filing"}  # "according to the indictment": no one's words


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
            if self._coordinated_too_low(node) is not None:
                node = self._coordinated_too_low(node)  # (the reporting verb it is coordinated with)
            narrative = node is not verb and lemma(node) in lp.XCOMP_SPEECH_HEADS  # "would go on to note"
            if any((c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in lp.UNREAL_AUX
                    and not (narrative and c.lower_ == "would"))
                   and self.in_quote[c.i] == -1 for c in node.children):
                return True
            if node.dep_ in ("xcomp", "ccomp") and lemma(node.head) in lp.NEGATING_LEMMAS:
                return True
            if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
                return False
            if node.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
                return False  # "did not name ICE, and he said ...": a clause of its own
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
                and lemma(verb.head) not in lp.XCOMP_SPEECH_HEADS and not had_something_to_say(verb):
            return True  # "want Okonkwo to say", but "went on to say", "what she had to say"
        return False

    def subject(self, verb):
        """The active subject of verb, following conj and xcomp chains ("paused and said")."""
        node = verb
        for _ in range(4):
            children = [c for c in node.children if self.in_quote[c.i] == -1]
            if any(c.dep_ in ("nsubjpass", "auxpass") for c in children):
                return None  # (a passive: 'being told' has no speaker of its own)
            subjects = [c for c in children if c.dep_ == "nsubj"] or [
                s for c in children if c.dep_ == "aux" for s in c.children if s.dep_ == "nsubj"]  # "Benioff had, ..., helped"
            if subjects:  # a split compound ("co - founder") gives several: the nearest whole word heads it
                nearest = min(subjects, key=lambda c: (hyphen_prefix(c), abs(c.i - node.i)))  # ('said co-owner X')
                return misplaced_name(node, nearest) or nearest  # 'On X's call, ..., Name, told'; 'Chamber President Name says'
            if node.head.i == node.i:
                fronted = _hung_on_a_fronted_phrase(node) or _name_before_an_aside(node)
                if fronted is not None:
                    return fronted
                listed = [c for c in children if c.dep_ == "ccomp" and c.i < node.i and c.tag_ == "VBD"
                          and (is_speech(c) or is_label(c)) and not any(x.dep_ in ("mark", "nsubjpass", "expl")
                                                                    for x in c.children)]
                if len(listed) == 1 and self.in_quote[listed[0].i] == -1 and not comment_read_as_verb(node):
                    node = listed[0]  # "X described A as B, urged calm and pledged ...": a list of her acts,
                    continue          # the first taken for the root's clause by the parser
                return None
            if node.dep_ == "pcomp" and node.tag_ == "VBG":  # "by telling the Times that ...", "quoted X as saying"
                node = quoted_person(node) or self._gerund_controller(node)
                if node is None or node.pos_ not in ("VERB", "AUX"):
                    return node  # (the one quoted, a name: not a verb to climb from)
                continue
            if self._coordinated_too_low(node) is not None:
                node = self._coordinated_too_low(node)  # "said Palantir would not ... and claimed ...": hers
                continue
            if node.dep_ == "advcl" and (node.tag_ == "VBG" or _participle(node)):
                # "..., adding that ...", "posted a photo, writing ...": the participle's subject
                # is the subject of the clause it hangs on, wherever the parser attached it
                if said_by_the_person_before(node):
                    return None  # 'posted a video of the mayor saying ...': the mayor's
                up = node.head
                if any(c.dep_ == "advcl" and c.i < node.i and self.in_quote[c.i] == -1
                       and (is_speech(c) or is_expressive(c)) and any(s.dep_ == "nsubj" for s in c.children)
                       and any(m.dep_ == "mark" and m.lower_ in ("as", "while", "when", "after") for m in c.children)
                       for c in up.children):
                    return None  # 'listened as the sheriff spoke, saying ...': the sheriff's, or hers?
                for _ in range(6):
                    if self._coordinated_too_low(up) is not None:
                        up = self._coordinated_too_low(up)  # "... and downplayed ..., calling": the speaker's act
                        continue
                    subject_of_clause = participle_after_a_report(node, up) if is_speech(node) and is_speech(up.head) else None
                    if subject_of_clause == "someone" and not _a_state(up):
                        return None  # 'said Reyna must resign, writing ...': who writes is in doubt
                    if up.dep_ in ("ccomp", "acl") and (_a_state(up) or subject_of_clause == "a thing"):
                        # "argued that Pretti was at fault, stating ...", "rejected accusations
                        # that Trump is a fascist, saying ...": nobody speaks while being in a
                        # state, so the participle hangs on the clause the state is reported in
                        up = up.head
                        continue
                    if participle_on_a_things_clause(node, up):  # "it's crime that scares folks, explaining":
                        up = up.head                               # a thing explains nothing
                        continue
                    if self.in_quote[up.i] != -1:  # '"A," he said, adding, "B"' hung on A's verb:
                        return self._tag_subject(up) or self._quoted_under(up)  # the tag's speaker, never A's
                    if up.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" for c in up.children):
                        return next(c for c in up.children if c.dep_ == "nsubj")
                    if any(c.dep_ == "nsubjpass" for c in up.children) or up.head.i == up.i or comment_read_as_verb(up):
                        break
                    up = up.head
            if node.dep_ == "acl" and node.tag_ in ("VBD", "VBZ", "VBN") and node.head.dep_ == "ROOT" \
                    and node.head.pos_ == "PROPN":
                return _name_before_an_aside(node)  # 'Craig Smith, CEO of X, advocated ...' read as a noun phrase
            if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.lemma_.lower() in lp.OWN_DOCUMENT_NOUNS:
                # "sent a message to employees telling them that ...": the message's sender
                return self.author(node.head)
            if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.pos_ == "NOUN" \
                    and not any(lp.is_person_noun(t.lower_) or t.ent_type_ in ("PERSON", "ORG", "LEADER")
                                or t.pos_ in ("PRON", "PROPN") for t in node.head.subtree if t.i < node.i):
                # "weighed in on the tragedy telling employees ...": no event tells anything; the
                # participle belongs to the speech act the noun is the topic of (but "a video of
                # an agent telling ..." is the agent's)
                up = node.head
                while up.pos_ not in ("VERB", "AUX") and up.head.i != up.i:
                    up = up.head
                if (is_speech(up) and not self.passes_on_something(up) or is_expressive(up)) and not to_a_document(node.head, up):
                    return next((c for c in up.children if c.dep_ == "nsubj" and self.in_quote[c.i] == -1), None)
                return None  # ('added her name to a petition demanding ...': the petition's, joined_documents.py)
            if node.dep_ == "conj" and not comment_read_as_verb(node) \
                    or node.dep_ == "xcomp" and (lemma(node.head) in lp.XCOMP_SPEECH_HEADS or had_something_to_say(node)) \
                    or node.dep_ == "advcl" and not any(c.lower_ in ("without", "before", "if", "unless")
                                                        for c in node.children):
                node = node.head
            else:
                return None
        return None

    def _quoted_under(self, quoted):
        """'X said "A," writing ...', the participle hung on A's verb: the subject of the speech verb
        outside the marks that the quote is the words of (None when that is no speech verb)."""
        while self.in_quote[quoted.i] != -1 and quoted.head.i != quoted.i:
            quoted = quoted.head
        return self.subject(quoted) if self.in_quote[quoted.i] == -1 and is_speech(quoted) else None

    def _tag_subject(self, quoted):
        """The subject of the one speech tag outside the quote marks that hangs on a quoted clause's
        verb ('"A," he said'), or None."""
        tags = [c for c in quoted.children if self.in_quote[c.i] == -1 and is_speech(c)
                and c.dep_ in ("parataxis", "ccomp", "advcl") and c.tag_ != "VBG"]
        subjects = [s for t in tags for s in t.children if s.dep_ == "nsubj" and self.in_quote[s.i] == -1]
        return subjects[0] if len(tags) == 1 and len(subjects) == 1 else None

    def _gerund_controller(self, gerund):
        """The verb whose subject does what a gerund after a preposition says: after by, after,
        while, since, upon, through, in or on, the clause it modifies ('helped kick the debate
        into high gear by telling the Times that ...'); after any other ('criticized Okonkwo for
        saying ...', 'accused her of saying') it may be the object's, so only when the phrase is
        fronted, before the clause's subject ('In the wake of suggesting that ..., Benioff is
        facing ...'). None when the words were not said ('without', 'instead of', 'before')."""
        path, node = [gerund], gerund.head
        while node.pos_ not in ("VERB", "AUX") and node.dep_ in ("prep", "pobj", "pcomp") and node.head.i != node.i:
            path.append(node)
            node = node.head
        if node.pos_ not in ("VERB", "AUX") or any(t.lower_ in lp.NOT_SAID_PREPOSITIONS or
                                                   any(c.lower_ in lp.NOT_SAID_PREPOSITIONS for c in t.children)
                                                   for t in path):
            return None
        top = path[-1]
        subjects = [c for c in node.children if c.dep_ == "nsubj"]
        fronted = top.i < node.i and bool(subjects) and top.right_edge.i < subjects[0].left_edge.i
        if not fronted and not (top.i == gerund.head.i and top.lower_ in lp.SUBJECT_CONTROL_PREPOSITIONS):
            return None
        while not subjects and node.dep_ == "xcomp" and not any(c.dep_ in ("dobj", "dative") for c in node.head.children):
            node = node.head  # "helped kick ... by telling": who helped
            subjects = [c for c in node.children if c.dep_ == "nsubj"]
        return node

    def _coordinated_too_low(self, verb):
        """'Karp said Palantir would not have a policy ... and claimed institutions ...': a past
        reporting verb hung as a conjunct of the present or modal verb of a reported clause (or of
        an infinitive in it: 'said the company would "spare no effort" to ensure ... and
        downplayed ...') cannot share its tense, so it is the reporter's verb's conjunct (the
        speaker's next act). Returns that reporting verb, or None."""
        if verb.dep_ != "conj" or verb.tag_ != "VBD" \
                or lemma(verb) not in lp.INDIRECT_VERBS and lemma(verb) not in lp.PARAPHRASE_FRAMES \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None
        clause = verb.head
        for _ in range(3):  # up from an infinitive of purpose (and its own clause) to the reported clause
            if _infinitive(clause) or clause.dep_ == "ccomp" and _infinitive(clause.head):
                clause = clause.head
        if clause.dep_ != "ccomp" or _tense(clause) not in ("VB", "VBZ", "VBP", "MD") or clause.head.tag_ != "VBD":
            return None  # (present or modal: 'would not have', 'is evaluating', 'has been working')
        return clause.head if is_speech(clause.head) and self.in_quote[clause.head.i] == -1 else None

    def author(self, document):
        """The subject of the verb a message or post hangs on: "Altman sent a message",
        "Altman told staff in a message"."""
        node = document.head if document.dep_ == "pobj" else document
        if node.dep_ == "prep" and node.lower_ == "with" and node.head.dep_ == "dobj":
            node = node.head  # "posted a photo with the message:": the poster's
        if node.dep_ not in ("dobj", "prep", "dative") or node.head.pos_ not in ("VERB", "AUX"):
            return None
        verb = node.head
        if lemma(verb) not in lp.AUTHOR_VERBS:
            return None  # "retweeted a post that said ...", "shared a post ...": someone else's
        return next((c for c in verb.children if c.dep_ == "nsubj" and self.in_quote[c.i] == -1), None)

    def secondhand(self, verb, quoted: bool = False, standalone: bool = False) -> bool:
        """Words relayed by someone else: 'reportedly told', 'according to people familiar',
        or a speech verb inside another speaker's reported clause ('X said Y told her ...').

        A quote (quoted=True) is the leader's words however the outlet came by them: layered
        sourcing after it ('"...," X wrote to staff, a person familiar with the matter said',
        '..., according to two people who heard it') does not make it someone else's; nor does
        "reportedly" on the tag of a standalone quote ('"...," Conway reportedly wrote, per the
        Times': the outlet prints the words as another outlet read them), but "allegedly" does,
        and so does any hearsay adverb on reported speech or a partial quote inside it."""
        if any(c.dep_ == "advmod" and c.lower_ in lp.HEARSAY_ADVERBS
               and not (quoted and standalone and c.lower_ == "reportedly") for c in verb.children):
            return True
        if not quoted:
            for t in verb.sent:
                if self.in_quote[t.i] == -1 and any(_is_source(o) or o.lemma_ in LEGAL_SOURCES for o in according_to(t)):
                    return True
        if self._told_in_someone_elses_account(verb) or not quoted and anothers_parenthetical(verb, is_speech):
            return True  # ('Okonkwo, the mayor said, had promised ...': the mayor's account, parenthetical_tags.py)
        node = verb
        for _ in range(4):
            dep = node.dep_
            if dep not in ("ccomp", "conj", "xcomp") or node.head.i == node.i:
                return False
            node = node.head
            if dep == "conj":
                continue  # "praised Trump and said ...": a second verb of the same speaker
            if self.in_quote[node.i] == -1 and (is_speech(node) or is_label(node) or node.lemma_ == "allege"):
                outer = self.subject(node)
                inner = self.subject(verb)
                if outer is not None and inner is not None and outer.ent_id_ and outer.ent_id_ == inner.ent_id_:
                    return False  # 'Levy stated that: "...," stated Andrew Levy': the tag said twice
                if node.i > verb.i and any(t.text == ";" and t.head.i == node.i
                                           for t in verb.doc[verb.right_edge.i + 1:node.i]):
                    return False  # "X said A; in the weeks after, he said B": two statements, a semicolon apart
                if outer is None and node.i > verb.i and not any(c.dep_ in ("nsubjpass", "expl")
                                                                 for c in node.children):
                    return False  # "X described A as B, urged calm": a list of her acts, misparsed
                return not (quoted and node.i > verb.i and outer is not None and _is_source(outer))
        return False

    def _told_in_someone_elses_account(self, verb) -> bool:
        """'Trump said he spoke with Okonkwo, who told him ...': a relative clause about the
        leader inside another speaker's words."""
        node = verb
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        if node.dep_ != "relcl":
            return False
        antecedent = node.head
        if not (antecedent.pos_ == "PROPN" or lp.is_person_noun(antecedent.lower_)):
            return False  # "told staff in a message that said ...": the message's, read elsewhere
        up = antecedent
        for _ in range(6):
            if up.head.i == up.i:
                return False
            up = up.head
            if self.in_quote[up.i] == -1 and (is_speech(up) or is_label(up)):
                outer = self.subject(up)
                return outer is not None and outer.i != antecedent.i
        return False

    def passes_on_something(self, verb, before: int | None = None) -> bool:
        """share/post/publish with an object that is not the leader's own writing (an object
        that comes before the quote, when `before` is the quote's first token index)."""
        if lemma(verb) not in ("share", "post", "publish", "tweet"):
            return False
        return any(c.dep_ == "dobj" and self.in_quote[c.i] == -1 and (before is None or c.i < before)
                   and (c.lower_ not in lp.OWN_DOCUMENT_NOUNS or _someone_elses(c)) for c in verb.children)


def _someone_elses(document) -> bool:
    """'a post by the union', 'the union's statement': another's; 'shared a memo outlining ...' (no 'her', not 'shared a statement: ...'): not shown hers."""
    return any(x.dep_ == "prep" and x.lower_ in ("by", "from") or x.dep_ == "poss" and x.pos_ in ("PROPN", "NOUN")
               for x in document.children) or lemma(document.head) == "share" and not any(x.dep_ == "poss" for x in document.children) and any(x.dep_ == "acl" and x.tag_ == "VBG" for x in document.children)


def _infinitive(verb) -> bool:
    """'to ensure ...' hung on the verb before it: an infinitive of purpose."""
    return verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VB" \
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _hung_on_a_fronted_phrase(verb):
    """'Speaking to the local station WOWT, Gary Rohwer, CEO of ..., said that ...': the parser hung
    the speaker on the fronted participle's object as its appositive, and the verb has no subject.
    A person's name there whose phrase ends in a comma right before the verb is the subject. So too
    in a tag after the reported clause ('Geo Group is "cautiously participating" in ..., the
    company's executive chair, George Zoley, told investors'), the name hung on the clause."""
    for lead in verb.children:
        fronted = lead.dep_ in ("advcl", "csubj") and lead.tag_ == "VBG"
        reported = lead.dep_ == "ccomp" and is_speech(verb)
        if not (fronted or reported) or lead.i > verb.i:
            continue
        for t in lead.subtree:
            if t.dep_ == "appos" and t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "LEADER") \
                    and t.head.ent_type_ not in ("PERSON", "LEADER") and t.right_edge.i + 2 == verb.i \
                    and verb.doc[verb.i - 1].text == ",":
                return t
    return None


def _tense(verb) -> str:
    """The tag that carries a clause's tense: its first auxiliary's ('is evaluating': VBZ), else its own."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    return aux[0].tag_ if aux else verb.tag_
