"""Mentions of leaders: where the watchlist's leaders are named, and who a speech verb's subject is.

Mentions reads one parsed article (with what leader_index.LeaderIndex knows of the leaders):
which tokens name a leader (and not "Gloria Okonkwo", someone else with the surname, nor "Dean
Foods"), who else is named, and whether a subject is, unambiguously, one leader: by name, by "the
<organisation> <title>", by a description ("the billionaire"), or by "he"/"she" when that leader
is the only person just before (antecedents.py), or by a role a wire lede gives first (named_later.py).
"""

from __future__ import annotations

import re

from onrecord.nlp import leader_patterns as lp
from onrecord.nlp.antecedents import Antecedents, a_modifying_name
from onrecord.nlp.coordinated_parties import another_name_beside, another_party, joins_others, listed_in_apposition
from onrecord.nlp.hyphenated_names import in_another_hyphenated_name
from onrecord.nlp.leader_titles import Titles, a_second_title, age_epithet
from onrecord.nlp.misparsed_subjects import a_thing_acting_on_a_thing
from onrecord.nlp.named_later import named_later
from onrecord.nlp.named_subjects import described_person, named_subject
from onrecord.nlp.speech_verbs import is_speech


class Mentions(Antecedents, Titles):
    """Who is named where in one article, and who a subject is."""

    def __init__(self, article, grammar, index):
        self.article = article
        self.doc = article.doc
        self.in_quote = article.in_quote
        self.grammar = grammar
        self.index = index
        self.in_place_names: set[int] = set()  # 'Mercado Central': a leader's alias inside a place's name
        self.leader_at = self._leader_mentions()
        self._roles_resolving: set[int] = set()
        self.named_by_organisation: set[str] = set()  # "the Lumenfold chief executive" (Titles.by_title)

    def named_here(self, leader_id: str) -> bool:
        """Whether the article names the leader: by a mention that is hers (not part of someone
        else's name, leader_at), by her full name or a longer alias in any case ('MARA OKONKWO:'),
        or by her organisation's own name with her title. Every path (pronouns, roles, labels,
        signatures, a role named later) ends here: words never go to a listed leader the article
        does not name, whatever a rule concluded."""
        if leader_id in self.leader_at.values() or leader_id in self.named_by_organisation:
            return True
        full = [n for n in self.index.names.get(leader_id, ()) if len(n.split()) > 1]
        text = " ".join(self.article.text.split()).lower()
        return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text) for n in full)

    def _leader_mentions(self) -> dict[int, str]:
        """token index -> leader id, for leader mentions that are not part of someone else's name."""
        doc, words = self.doc, self.index.name_words
        persons = list(doc.spans["persons"]) if "persons" in doc.spans else []
        others = list(doc.spans["other_ents"]) if "other_ents" in doc.spans else []
        doubtful: set[str] = set()   # leaders whose surname also names another person here
        other_from: dict[str, int] = {}  # where that other person is first named
        mentions = []
        shared = self._shared_names()
        for ent in doc.ents:
            leader_id = shared.get(ent.ent_id_, ent.ent_id_) if ent.label_ == "LEADER" else None
            if leader_id not in words:
                continue
            own = words[leader_id]
            foreign = in_another_hyphenated_name(ent)  # 'Nicola-Cruz' is not Cruz
            for person in persons:
                if person.start <= ent.end - 1 and ent.start <= person.end - 1:
                    extra = [t for t in person if (t.i < ent.start or t.i >= ent.end) and not _inverted_tag(t, ent)
                             and not _leading_initial(t, ent) and not (t.i > ent.end and doc[ent.end].tag_ == "POS")]
                    business = self.index.own_context.get(leader_id, set())
                    if any(t.text.lower() not in own and (t.is_title or _initials(t))
                           and not (t.i >= ent.end and t.text.lower() in business)
                           and not self._own_title_before(t, ent, business) for t in extra):
                        foreign = True  # (but 'Andres Car Wash', his own business's name, is no one else;
                        # nor 'Chef Sean Sherman', his own title; nor 'Allyson López’s Struggle', a thing of hers)
            prev = doc[ent.start - 1] if ent.start > 0 else None
            if prev is not None and (prev.is_title or _initials(prev)) and prev.pos_ == "PROPN" \
                    and not _inverted_tag(prev, ent) \
                    and not _leading_initial(prev, ent) \
                    and (not prev.is_sent_start or _initials(prev)) and prev.text.lower() not in own \
                    and prev.text.lower().strip(".") not in lp.NAME_PREFIXES \
                    and prev.text.lower() not in self.index.own_context[ent.ent_id_] \
                    and prev.ent_type_ not in ("ORG", "LEADER", "GPE", "NORP") \
                    and not self._ends_the_sentence_before(prev, ent, persons, others):
                foreign = True
            if foreign:
                doubtful.add(leader_id)
                other_from[leader_id] = min(other_from.get(leader_id, ent.start), ent.start)
            # "Cook County", "Dean Foods": the name runs on into another entity's name
            elsewhere = any(other.start <= ent.end - 1 and ent.start <= other.end - 1
                            and any(t.is_title and t.text.lower() not in own for t in other if t.i >= ent.end)
                            for other in others)
            after = doc[ent.end] if ent.end < len(doc) else None
            # 'Mercado Central', a market: the next capitalised word is none of this leader's own
            # (another leader's company may hold it: Deportes Azteca is in Mercado Central)
            if after is not None and after.is_title and after.pos_ == "PROPN" and after.text.lower() not in own \
                    and after.ent_type_ not in ("DATE", "TIME", "LEADER") \
                    and after.lower_ not in self.index.own_context.get(leader_id, set()):
                elsewhere = True
            if elsewhere and not foreign:
                self.in_place_names.update(range(ent.start, ent.end))
            mentions.append((ent, leader_id, foreign or elsewhere))
        at = {}
        fulls = {leader_id: ent.start for ent, leader_id, foreign in reversed(mentions)
                 if not foreign and len(ent) > 1 and ent.text.lower() == self.index.leaders[leader_id]["name"].lower()}
        for ent, leader_id, foreign in mentions:
            full = len(ent) > 1 and ent.text.lower() == self.index.leaders[leader_id]["name"].lower()
            # 'Vincent Scardina ... Scardina told NBC6 ... His cousin, Virgil Scardina, ...': the bare
            # surname is the leader's until the other bearer is named, and in doubt from there on
            decided = fulls.get(leader_id, len(self.doc)) < ent.start < other_from.get(leader_id, 0)
            if foreign or (leader_id in doubtful and not full and not decided):
                continue
            for t in ent:
                at[t.i] = leader_id
        return at

    @staticmethod
    def _own_title_before(token, ent, own_context) -> bool:
        """'Chef Sean Sherman' (title 'Chef and owner'): her own title or organisation words, an unbroken
        run right before her full name, are no other person's first name ('Chef Dana Sherman' is)."""
        if token.i >= ent.start or len(ent) < 2:
            return False
        run = token.doc[token.i:ent.start]
        return all(t.text.lower() in own_context and t.is_title for t in run)

    @staticmethod
    def _ends_the_sentence_before(prev, ent, persons, others) -> bool:
        """'... since their arrival in the U.S. Scardina figured ...': an abbreviation that ends the
        sentence (its full stop doubles as the sentence's), which the parser did not split, is no first
        name when the model does not read it as part of a person's name, and either the parser does
        not join it to the name or the model reads it as part of a place or organisation ('J.R.
        Scardina', a person's name, or initials joined to the name, stay someone else's)."""
        letters = [c for c in prev.text if c.isalpha()]
        if not prev.text.endswith(".") or len(letters) < 2 or any(p.start <= prev.i < p.end for p in persons):
            return False
        return not ent.start <= prev.head.i < ent.end or any(o.start <= prev.i < o.end for o in others)

    def _shared_names(self) -> dict[str, str]:
        """A name several leaders answer to ("Kim", for Kim Dong-myung and Kim Ki-soo) is, in an
        article that names exactly one of them in full (her name, or a longer alias of hers alone:
        "Jose Munoz" for José Muñoz), that one. With none or several named in full it names no one."""
        named = {ent.ent_id_ for ent in self.doc.ents if ent.label_ == "LEADER" and len(ent) > 1
                 and " ".join(ent.text.split()).lower() in self.index.names.get(ent.ent_id_, ())}
        resolved = {}
        for ent in self.doc.ents:
            if ent.label_ == "LEADER" and ent.ent_id_.startswith(lp.SHARED):
                owners = set(ent.ent_id_[len(lp.SHARED):].split()) & named
                if len(owners) == 1:
                    resolved[ent.ent_id_] = owners.pop()
        return resolved

    def people_in(self, tokens, objects: bool = False) -> set[str]:
        """Leader ids and other people (PERSON entities, non-leader speech subjects) in tokens;
        with objects, also "the governor" wherever it stands (a candidate for a later he/she)."""
        found: set[str] = set()
        for t in tokens:
            if a_modifying_name(t) or t.ent_type_ in _NOT_PEOPLE and not (self.article.surname_speaking(t) or described_person(t)):
                continue  # "the Trump administration", "Corona and Modelo beers": a name as a modifier; "as The New York Times reports": an organisation
            if t.text in ("-", "–") or t.i + 1 < len(self.doc) and not t.whitespace_ \
                    and self.doc[t.i + 1].text in ("-", "–"):
                continue  # "co - owner", split by the tokenizer: a part of a word is no one
            if t.i in self.leader_at:
                found.add(self.leader_at[t.i])
            elif t.i in self.in_place_names:
                continue  # 'the second floor of Mercado Central': a market, no one in view
            elif t.ent_type_ == "PERSON" and _after_the(t):
                continue  # "spoke to the Ledger", "The Dodgers said": no person's name takes "the"
            elif t.ent_type_ in ("PERSON", "LEADER") and t.lower_ not in self.index.org_words:
                found.add("person:" + _surname(t).lower())  # "Donald Trump" and "Trump" are one
            elif t.tag_ in ("NNS", "NNPS") or _dateline(t):
                continue  # "agents", "critics": plural, never the "he" or "she" being resolved;
                # "CaliToday (20/9/2025): ...": the outlet's dateline
            elif t.dep_ in ("nsubj", "nsubjpass") and t.lemma_.lower() in lp.WORDS_NOUNS and any(
                    c.dep_ == "poss" and c.i in self.leader_at for c in t.children):
                continue  # "Fiddelke's message emphasized ...": his own words, counted by his name
            elif t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN") \
                    and (lp.is_person_noun(t.lower_) or t.dep_ == "nsubj" and is_speech(t.head) and not a_thing_acting_on_a_thing(t)
                         or t.pos_ == "PROPN" and t.is_title and t.lower_ not in self.index.org_words
                         and (not _first_word(t) or named_subject(t))):  # ('Brannock dismissed ...': named_subjects.py)
                # a bare surname the model did not tag ("Ruiz criticized ...") is someone too
                found.add(self.by_title(t) or self.by_role(t) or self.named_beside(t) or "speaker:" + t.text.lower())
            elif objects and t.tag_ == "NN" and lp.is_person_noun(t.lower_) and self._someone_else(t):
                # "Okonkwo met the governor. 'I am sorry,' he said.": he may be the governor
                found.add(self.by_title(t) or self.by_role(t) or "speaker:" + t.text.lower())
        return found

    def someone_elses_document(self, noun, leader_id: str) -> bool:
        """'the union's statement', 'a letter from the coalition', 'a post by the mayor': words
        someone other than the leader wrote, even when she shares or reads them."""
        return noun.lemma_.lower() in lp.SPEECH_NOUNS | lp.OWN_DOCUMENT_NOUNS | {"petition", "letter", "account", "call", "warning"} and any(
            c.dep_ == "poss" and c.lower_ not in ("her", "his", "its", "my", "our")
            and self.leader_at.get(c.i) != leader_id
            or c.dep_ == "prep" and c.lower_ in ("from", "by") for c in noun.children)

    def _someone_else(self, noun) -> bool:
        """A person noun outside the subject that is not a description of a named person:
        not "Okonkwo, the chief executive", "Okonkwo is the owner", "as CEO", "CEO Mara Okonkwo"."""
        if noun.dep_ == "conj" and (noun.head.i in self.leader_at or noun.head.ent_type_ == "PERSON"):
            return True  # 'Okonkwo and the mayor spoke at the vigil.': two people, either the next 'she' (guards 55)
        if noun.dep_ in ("nsubj", "nsubjpass", "appos", "attr", "compound", "npadvmod") or noun.head.lower_ == "as":
            return False
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
            return False  # "a second person" killed, "his own partner": the story's, no one speaking
        if any(c.dep_ == "appos" or c.ent_type_ in ("PERSON", "LEADER") for c in noun.children):
            return False  # "the governor, Dale Murrow": the name counts, once
        return noun.head.dep_ != "appos" and noun.head.ent_type_ not in ("PERSON", "LEADER")

    def speaker(self, subject, quote_index: int = -1):
        """(leader id, how, antecedent sentences) for a subject token, or None when it is not
        unambiguously a leader. quote_index is the quote being attributed (-1 for indirect
        speech): a pronoun is not resolved when that quote itself names someone."""
        if subject is None or self.in_quote[subject.i] != -1:
            return None
        lower = subject.lower_
        if lower in ("who", "that") and subject.head.dep_ == "relcl":
            relative, subject = subject, subject.head.head
            # "X is a contractor who says": X (but "has been X, who has said": X herself)
            if subject.dep_ == "attr" and subject.head.lemma_ == "be" and subject.i not in self.leader_at:
                subject = next((c for c in subject.head.children if c.dep_ == "nsubj"), subject)
            between = [t for t in self.doc[subject.i + 1:relative.i] if t.dep_ != "attr" or t.head.lemma_ != "be"]
            if self.people_in(between, objects=True) - {self.leader_at.get(subject.i)} or any(
                    t.tag_ == "NN" and lp.is_person_noun(t.lower_) and t.dep_ != "attr" for t in between) \
                    or subject.dep_ == "pobj" and lp.is_person_noun(subject.head.head.lower_):
                return None  # "X is a friend of the mayor, who says", "a friend of X, who says": the nearer may be who
            lower = subject.lower_
        if subject.i in self.leader_at and subject.dep_ != "poss":
            leader = self.index.leaders[self.leader_at[subject.i]]
            titles = {w.lower() for w in (leader.get("title") or "").split()} - {"and", "of", "the"}
            own = self.index.own_context[self.leader_at[subject.i]] | {"of", "at", "the", ","}
            if any(c.dep_ == "conj" and not (c.lower_ in titles and all(x.lower_ in own for x in c.subtree) or a_second_title(
                    subject, c)) or c.dep_ == "prep" and joins_others(c) for c in subject.children) \
                    or listed_in_apposition(subject, self.leader_at, self.leader_at[subject.i]):
                return None  # "Okonkwo and Ruiz", "Okonkwo, along with 60 CEOs", "Okonkwo, her sister and her husband": a group's
                # (but "Radhakrishna, CTO and CPO of Opendoor": her own titles, parsed as a list)
            return self.leader_at[subject.i], "name", []
        for c in subject.children:
            if c.dep_ == "appos" and c.i in self.leader_at:
                if another_name_beside(subject, self.leader_at, self.leader_at[c.i]) or any(
                        x.dep_ == "conj" and another_party(x, self.leader_at, self.leader_at[c.i])
                        or x.dep_ == "prep" and joins_others(x) for o in (subject, c) for x in o.children):
                    return None  # "the chief executive, Okonkwo, and its finance chief, Murrow, told": two
                    # (but "The company's founder and CEO, Garrett Langley,": his own titles)
                return self.leader_at[c.i], "name", []
        titled = self._titled_leader(subject)
        if titled:  # "President and CEO José Muñoz spoke", parsed as a list of three
            return titled, "name", []
        if lower in lp.WORDS_NOUNS:  # "Okonkwo's memo said", "Okonkwo's response was blunt:"
            owners = [c for c in subject.children if c.dep_ == "poss"] + [
                o for c in subject.children if c.dep_ == "prep" and c.lower_ in ("from", "by") for o in c.children]
            if any(c.lower_ in ("joint", "signed") for c in subject.children) \
                    or any(x.dep_ == "conj" for o in [subject, *owners] for x in o.children):
                return None  # "a joint statement", "a statement signed by ...": a group's
            for c in subject.children:
                if c.dep_ == "poss" and c.i in self.leader_at:
                    return self.leader_at[c.i], "name", []
                by = [o for o in c.children if o.dep_ == "pobj"] \
                    if c.dep_ == "prep" and c.lower_ in ("from", "by") else []
                if len(by) == 1 and by[0].i in self.leader_at and not any(x.dep_ == "conj" for x in by[0].children):
                    return self.leader_at[by[0].i], "name", []  # "the statement from Okonkwo read"
            if lower not in lp.OWN_DOCUMENT_NOUNS:
                return None
            author = self.grammar.author(subject)  # "told employees in a message that said ..."
            if author is not None and author.lower_ not in lp.OWN_DOCUMENT_NOUNS:
                return self.speaker(author, quote_index)
            earlier = self._earlier_document(subject)  # "X released a memo ... '...,' the memo read."
            return (earlier[0], "name", earlier[1]) if earlier else None
        if lower in lp.PERSONAL_PRONOUNS:
            leader, antecedent = self.resolve_pronoun(subject, quote_index)
            return (leader, "pronoun", antecedent) if leader else None
        if subject.pos_ in ("NOUN", "PROPN") or age_epithet(subject):
            leader = self.by_title(subject)
            if leader:
                return leader, "title", []
            leader, antecedent = self.role(subject, quote_index)
            if leader:
                return leader, "title", antecedent
            leader, named = named_later(self, subject)  # "The owner of ... says", then "owner X said"
            if leader:
                return leader, "title", named
        return None

    def presented_words(self, sent, colon: int):
        """(leader id, [sentence that names the author]) for the words a colon presents: a
        leader's own message, response, post or memo ("Okonkwo's response was blunt:", "had a
        simple message for the agency:", "posted a photo with the message:", "Here is the full
        memo:"); for "the memo", the author of the memo the article last mentioned."""
        before = [t for t in sent if t.idx < colon and self.in_quote[t.i] == -1]
        nouns = [t for t in before if t.pos_ == "NOUN" and t.lemma_.lower() in lp.WORDS_NOUNS]
        if not nouns:
            return None
        noun = nouns[-1]
        if any(t.pos_ == "VERB" and t.i > noun.i and not noun.left_edge.i <= t.i <= noun.right_edge.i for t in before):
            return None  # another clause closes with the colon: its verb decides (but "delivered a
            # message that's guaranteed to inflame the debate:" still presents the message)
        if any(c.dep_ == "prep" and c.lower_ in ("from", "by") for c in noun.children):
            return None  # "a message from the mayor:" (but "the statement from Okonkwo" is her subject)
        own = self._author_of(noun)
        if own is not None:
            return own, []
        return self._earlier_document(noun)

    def _earlier_document(self, noun):
        """(leader id, [sentence]) for 'the memo': the author of the memo the article mentioned last
        before this sentence, when that mention names its author."""
        if noun.lemma_.lower() not in lp.OWN_DOCUMENT_NOUNS \
                or not any(c.lower_ in ("the", "this", "that") for c in noun.children if c.dep_ == "det"):
            return None
        earlier = [t for t in self.doc[:noun.sent.start] if t.lemma_ == noun.lemma_ and self.in_quote[t.i] == -1]
        if not earlier:
            return None
        author = self._author_of(earlier[-1])
        return (author, [earlier[-1].sent]) if author is not None else None

    def inverted_tag(self, mark) -> str | None:
        """The leader of 'Said Hartmann, "..."' (a tag put first), given the comma or colon before
        the quote: a mention of one leader right before it, opened by a capitalised speech verb."""
        if mark is None or mark.text not in (",", ":") or mark.i < 2 or mark.i - 1 not in self.leader_at:
            return None
        leader_id, start = self.leader_at[mark.i - 1], mark.i - 1
        while start - 1 in self.leader_at and self.leader_at[start - 1] == leader_id:
            start -= 1
        return leader_id if start > 0 and _inverted_tag(self.doc[start - 1], self.doc[start:mark.i]) else None

    def _author_of(self, noun) -> str | None:
        for c in noun.children:
            if c.dep_ == "poss" and c.i in self.leader_at:
                return self.leader_at[c.i]
        author = self.grammar.author(noun)
        who = self.speaker(author) if author is not None else None
        return who[0] if who is not None else None


_NOT_PEOPLE = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "DATE", "TIME"})


def _surname(token) -> str:
    """The last word of the entity a token belongs to."""
    doc, i = token.doc, token.i
    while i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I" and doc[i + 1].ent_type_ == token.ent_type_:
        i += 1
    return doc[i].text


def _inverted_tag(token, ent) -> bool:
    """'... “is broken.” Said Hartmann, “I mean ...”': a capitalised speech verb opening a sentence
    right before the name, with a comma or colon and a quote mark after the name, is the tag put
    first, not a first name (the model may read 'Said Hartmann' as one person)."""
    doc = token.doc
    if token.i != ent.start - 1 or token.lower_ not in lp.INVERTED_TAG_WORDS or ent.end + 1 >= len(doc):
        return False
    before = doc[token.i - 1] if token.i > 0 else None
    opens = before is None or token.is_sent_start or before.text in (".", "!", "?", "”", '"', "’", "\n")
    return opens and doc[ent.end].text in (",", ":") and doc[ent.end + 1].text in ("“", '"')


def _leading_initial(token, ent) -> bool:
    """'J. David Donahue' for David Donahue: an initial right before a first name and surname that
    match is the same person's first initial (but 'J.R. Scardina' for Vincent Scardina, an initial
    before the surname alone, is another first name)."""
    return len(ent) > 1 and token.i == ent.start - 1 and re.fullmatch(r"[A-Z]\.", token.text) is not None


def _first_word(token) -> bool:
    """The first word of a sentence or of a quote, capitalised whatever it is ("Tables are ...")."""
    if token.is_sent_start or token.i == 0:
        return True
    before = token.doc[token.i - 1]
    return before.is_punct and before.text in ('"', "“", "‘", "'", "″", "(")


def _dateline(token) -> bool:
    """The first word of a sentence that opens with a dateline ("CaliToday (20/9/2025): The CEO
    ...", "OMAHA, Neb. (AP) — ..."): where and by whom, not who."""
    if not (token.is_sent_start or token.i == 0):
        return False
    for t in token.doc[token.i + 1:token.i + 8]:
        if t.is_punct and (":" in t.text or t.text in ("—", "–")):
            return True
        if t.pos_ in ("VERB", "AUX") or t.is_sent_start:
            return False
    return False


# Capitals that stand before a name as a title, not as a first name's initials.
_CAPITAL_TITLES = frozenset({"coo", "cio", "cmo", "md", "vp", "evp", "svp", "gm", "vc", "gp", "dr", "mr", "ms"})


def _initials(token) -> bool:
    """'said RJ Vasquez': a first name printed as capital initials is another person's first name as
    much as 'Juan' is (but 'CEO Vasquez', 'VC Vinod Khosla': a title in capitals)."""
    return token.is_upper and token.is_alpha and 2 <= len(token.text) <= 3 \
        and not lp.is_person_noun(token.lower_) and token.lower_ not in _CAPITAL_TITLES


def _after_the(token) -> bool:
    """The entity the token belongs to follows the article 'the'."""
    i = token.i
    while i > 0 and token.doc[i].ent_iob_ == "I":
        i -= 1
    return i > 0 and token.doc[i - 1].lower_ == "the"
