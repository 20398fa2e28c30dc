"""Mentions of leaders: where the watchlist's leaders are named, and who a speech verb's subject is.

LeaderIndex holds what is known about the leaders before any article (names, aliases, handles,
organisation and title). Mentions reads one parsed article: which tokens name a leader (and not
"Gloria Okonkwo", someone else with the surname, nor "Dean Foods"), who else is named, and
whether a subject is, unambiguously, one leader: by name, by "the <organisation> <title>", or by
"he"/"she" when that leader is the only person in the sentences just before.
"""

from __future__ import annotations

import re

from onrecord.nlp import leader_patterns as lp
from onrecord.nlp.speech_verbs import is_speech


class LeaderIndex:
    """The watchlist's leaders, indexed for attribution. Built once per finder."""

    def __init__(self, leaders: list[dict]):
        self.leaders = {leader["id"]: leader for leader in leaders}
        self.patterns, self.name_words = lp.ruler_patterns(leaders)
        self.orgs = _organisation_keys(leaders)
        self.names = {leader["id"]: {" ".join(n.split()).lower() for n in [leader["name"], *leader.get("aliases", [])]}
                      for leader in leaders}
        self.handles = {leader["id"]: _handles(leader) for leader in leaders}
        names = {n for leader in leaders for n in [leader["name"], *leader.get("aliases", [])] if n.strip()}
        self.names_re = _alternation(names)
        self.mentions_re = _alternation(names | {org for orgs, _heads, _title in self.orgs.values() for org in orgs})
        # "Google Chief Scientist Jeff Dean": a leader's own title and organisation words may
        # stand before the name without making it someone else's.
        self.own_context = {leader["id"]: {w.lower() for w in f"{leader.get('title') or ''} "
                                           f"{leader.get('organization') or ''}".split()}
                            for leader in leaders}
        # The small model often tags company names as PERSON; a leader's company is no person.
        self.org_words = {w.lower() for leader in leaders
                          for w in (leader.get("organization") or "").split() if w[:1].isupper()}

    def by_byline(self, name: str, handle: str) -> str | None:
        """The leader an embedded post's byline names: by account handle, else by exact name."""
        handle = handle.lower().lstrip("@")
        found = {lid for lid, handles in self.handles.items() if handle in handles}
        if not found:
            found = {lid for lid, names in self.names.items() if name.lower() in names}
        return found.pop() if len(found) == 1 else None


def _alternation(phrases) -> re.Pattern:
    """One case-insensitive regex matching any of the phrases as whole words."""
    words = sorted({" ".join(p.split()) for p in phrases if p.strip()}, key=len, reverse=True)
    if not words:
        return re.compile(r"(?!x)x")
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def _handles(leader: dict) -> set[str]:
    """Lowercase handles of a leader's accounts, whole and without the instance part."""
    found = set()
    for account in leader.get("accounts", []) or []:
        handle = (account.get("handle") or "").lower().lstrip("@")
        if handle:
            found |= {handle, handle.split("@")[0]}
    return found


def _organisation_keys(leaders) -> dict[str, tuple[set[str], frozenset[str], str]]:
    """Per leader: lowercase organisation names (full, and the first word when distinctive),
    the title nouns that can refer to them, and the whole title ("chief scientific officer")."""
    keys = {}
    for leader in leaders:
        org = " ".join((leader.get("organization") or "").split())
        title = " ".join((leader.get("title") or "").lower().split())
        heads = lp.title_heads(leader.get("title"))
        if not org or not heads and not title:
            continue
        names = {org.lower()}
        first = org.split()[0].lower()
        if len(org.split()) > 1 and len(first) > 3:
            names.add(first)
        keys[leader["id"]] = (names, heads, title)
    return keys


class Mentions:
    """Who is named where in one article, and who a subject is."""

    def __init__(self, article, grammar, index: LeaderIndex):
        self.article = article
        self.doc = article.doc
        self.in_quote = article.in_quote
        self.grammar = grammar
        self.index = index
        self.leader_at = self._leader_mentions()
        self._roles_resolving: set[int] = set()

    def _leader_mentions(self) -> dict[int, str]:
        """token index -> leader id, for leader mentions that are not part of someone else's name."""
        doc, words = self.doc, self.index.name_words
        persons = list(doc.spans["persons"]) if "persons" in doc.spans else []
        others = list(doc.spans["other_ents"]) if "other_ents" in doc.spans else []
        doubtful: set[str] = set()   # leaders whose surname also names another person here
        mentions = []
        for ent in doc.ents:
            if ent.label_ != "LEADER" or ent.ent_id_ not in words:
                continue
            own = words[ent.ent_id_]
            foreign = False
            for person in persons:
                if person.start <= ent.end - 1 and ent.start <= person.end - 1:
                    extra = [t for t in person if t.i < ent.start or t.i >= ent.end]
                    if any(t.text.lower() not in own and t.is_title for t in extra):
                        foreign = True
            prev = doc[ent.start - 1] if ent.start > 0 else None
            if prev is not None and prev.is_title and prev.pos_ == "PROPN" \
                    and not prev.is_sent_start and prev.text.lower() not in own \
                    and prev.text.lower().strip(".") not in lp.NAME_PREFIXES \
                    and prev.text.lower() not in self.index.own_context[ent.ent_id_] \
                    and prev.ent_type_ not in ("ORG", "LEADER", "GPE", "NORP"):
                foreign = True
            if foreign:
                doubtful.add(ent.ent_id_)
            # "Cook County", "Dean Foods": the name runs on into another entity's name
            elsewhere = any(other.start <= ent.end - 1 and ent.start <= other.end - 1
                            and any(t.is_title and t.text.lower() not in own for t in other if t.i >= ent.end)
                            for other in others)
            after = doc[ent.end] if ent.end < len(doc) else None
            if after is not None and after.is_title and after.pos_ == "PROPN" and after.text.lower() not in own \
                    and after.ent_type_ not in ("DATE", "TIME", "LEADER") and after.lower_ not in self.index.org_words:
                elsewhere = True
            mentions.append((ent, foreign or elsewhere))
        at = {}
        for ent, foreign in mentions:
            full = len(ent) > 1 and ent.text.lower() == self.index.leaders[ent.ent_id_]["name"].lower()
            if foreign or (ent.ent_id_ in doubtful and not full):
                continue
            for t in ent:
                at[t.i] = ent.ent_id_
        return at

    def people_in(self, tokens) -> set[str]:
        """Leader ids and other people (PERSON entities, non-leader speech subjects) in tokens."""
        found: set[str] = set()
        for t in tokens:
            if t.i in self.leader_at:
                found.add(self.leader_at[t.i])
            elif t.ent_type_ in ("PERSON", "LEADER") and t.lower_ not in self.index.org_words:
                found.add("person:" + _surname(t).lower())  # "Donald Trump" and "Trump" are one
            elif t.tag_ in ("NNS", "NNPS"):
                continue  # "agents", "critics": plural, never the "he" or "she" being resolved
            elif t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN") \
                    and (lp.is_person_noun(t.lower_) or t.dep_ == "nsubj" and is_speech(t.head)
                         or t.pos_ == "PROPN" and t.is_title and t.lower_ not in self.index.org_words
                         and not _first_word(t)):
                # a bare surname the model did not tag ("Ruiz criticized ...") is someone too
                found.add(self.by_title(t) or self.by_role(t) or "speaker:" + t.text.lower())
        return found

    def speaker(self, subject, quote_index: int = -1):
        """(leader id, how, antecedent sentences) for a subject token, or None when it is not
        unambiguously a leader. quote_index is the quote being attributed (-1 for indirect
        speech): a pronoun is not resolved when that quote itself names someone."""
        if subject is None or self.in_quote[subject.i] != -1:
            return None
        lower = subject.lower_
        if lower in ("who", "that") and subject.head.dep_ == "relcl":
            subject = subject.head.head
            lower = subject.lower_
        if subject.i in self.leader_at and subject.dep_ != "poss":
            if any(c.dep_ == "conj" or c.dep_ == "prep" and _joins_others(c) for c in subject.children):
                return None  # "Okonkwo and Ruiz", "Okonkwo, along with 60 CEOs": a group's words
            return self.leader_at[subject.i], "name", []
        for c in subject.children:
            if c.dep_ == "appos" and c.i in self.leader_at:
                return self.leader_at[c.i], "name", []
        titled = self._titled_leader(subject)
        if titled:  # "President and CEO José Muñoz spoke", parsed as a list of three
            return titled, "name", []
        if lower in lp.OWN_DOCUMENT_NOUNS:
            for c in subject.children:
                if c.dep_ == "poss" and c.i in self.leader_at:
                    return self.leader_at[c.i], "name", []
            author = self.grammar.author(subject)  # "told employees in a message that said ..."
            if author is not None and author.lower_ not in lp.OWN_DOCUMENT_NOUNS:
                return self.speaker(author, quote_index)
            return None
        if lower in lp.PERSONAL_PRONOUNS:
            leader, antecedent = self.resolve_pronoun(subject, quote_index)
            return (leader, "pronoun", antecedent) if leader else None
        if subject.pos_ in ("NOUN", "PROPN"):
            leader = self.by_title(subject)
            if leader:
                return leader, "title", []
            leader, antecedent = self.role(subject, quote_index)
            if leader:
                return leader, "title", antecedent
        return None

    def _titled_leader(self, subject) -> str | None:
        """The leader at the end of a coordinated title ("President and CEO José Muñoz"): the
        other members of the list are that leader's own title words."""
        chain, todo = [subject], [subject]
        while todo:
            conj = [c for c in todo.pop().children if c.dep_ == "conj"]
            chain += conj
            todo += conj
        leaders = {self.leader_at[t.i] for t in chain if t.i in self.leader_at}
        if len(chain) < 2 or len(leaders) != 1:
            return None
        (leader,) = leaders
        own = self.index.own_context[leader]
        return leader if all(t.i in self.leader_at or t.lower_ in own for t in chain) else None

    def by_title(self, head) -> str | None:
        """'the Petrel Pay chief executive', "Microsoft's chief scientific officer" -> the one
        leader with that organisation and title."""
        if head.tag_ not in ("NN", "NNP") or any(c.dep_ in ("relcl", "prep", "acl") for c in head.children):
            return None
        words = [t for t in head.subtree if t.i <= head.i]
        if not words or words[0].lower_ != "the" and not any(t.dep_ == "poss" for t in words):
            return None
        phrase = " ".join(t.lower_ for t in words if t.dep_ != "case")
        phrase = phrase.replace(" 's", "")
        matches = [lid for lid, (orgs, heads, title) in self.index.orgs.items()
                   if (head.lower_ in heads or title and phrase.endswith(title)
                       or head.lower_ == "chief" and heads & {"ceo", "executive"})  # "the JPMorgan chief"
                   and any(re.search(rf"\b{re.escape(o)}\b", phrase) for o in orgs)]
        return matches[0] if len(matches) == 1 else None

    def by_role(self, head, quote_index: int = -1) -> str | None:
        return self.role(head, quote_index)[0]

    def role(self, head, quote_index: int = -1):
        """(leader, [antecedent sentence]) for 'the CEO', 'the executive': the leader the
        sentences just before are about, as for he/she, when the role is that leader's title."""
        nothing = (None, [])
        if head.tag_ not in ("NN", "NNP") or head.i in self._roles_resolving:
            return nothing
        words = [t for t in head.subtree if t.i <= head.i]
        if [t.lower_ for t in words[:1]] != ["the"] or any(c.dep_ in ("relcl", "prep", "acl", "appos")
                                                              for c in head.children):
            return nothing
        if not any(head.lower_ in heads for _orgs, heads, _title in self.index.orgs.values()):
            return nothing
        self._roles_resolving.add(head.i)  # resolving looks back, and may meet this role again
        try:
            leader, antecedent = self.resolve_pronoun(head, quote_index)
        finally:
            self._roles_resolving.discard(head.i)
        if leader is None or leader not in self.index.orgs or head.lower_ not in self.index.orgs[leader][1]:
            return nothing
        return leader, antecedent

    def resolve_pronoun(self, pronoun, quote_index: int):
        """(leader, [antecedent sentence]): the single leader among the people mentioned most
        recently before the pronoun, looking back at most three sentences of narration (past
        the quote's own sentences) and two paragraph breaks; (None, []) on any doubt."""
        nothing = (None, [])
        # Someone the quote talks about is not who says it ("'Okonkwo has been silent too long,'
        # she said" is not Okonkwo): they are no candidate for the pronoun.
        named = self.people_in(self.article.span_tokens[quote_index]) if quote_index >= 0 else set()
        sent = pronoun.sent
        before = [t for t in sent if t.i < pronoun.i and self.in_quote[t.i] == -1]
        own = self.people_in(before)
        if own & named:
            return nothing
        if own:
            leader = single_leader(own)
            return (leader, []) if leader and self.leader_is_subject(before, leader) else nothing
        paragraph_breaks = 0
        sents = self.article.sentences
        index = next(i for i, s in enumerate(sents) if s.start == sent.start)
        looked = 0
        for back in range(1, 12):
            if index - back < 0 or looked == 3:
                return nothing
            prev = sents[index - back]
            if self.article.starts_paragraph(sents[index - back + 1]):
                paragraph_breaks += 1
                if paragraph_breaks > 2:
                    return nothing
            narration = [t for t in prev if self.in_quote[t.i] == -1 and not t.is_punct and not t.is_space]
            if not narration:
                continue  # a sentence of the quote itself: look past it
            looked += 1
            people = self.people_in(narration)
            if people & named and not people - named:
                return nothing  # the only ones mentioned are talked about in the quote
            people -= named
            if people:
                leader = single_leader(people) or self._sole_speaker(prev, people)
                return (leader, [prev]) if leader and self.leader_is_subject(prev, leader) else nothing
        return nothing

    def _sole_speaker(self, sent, people: set[str]) -> str | None:
        """In 'Muñoz said he was contacted by the White House and Gov. Brian Kemp', the one who
        speaks is the antecedent of the next 'he said': one leader, the subject of the sentence's
        only speaking verb; everyone else (no other leader) named only as an object."""
        if len([person for person in people if ":" not in person]) != 1:
            return None  # two leaders: either could be "he"
        subjects = [c for verb in sent if is_speech(verb) and self.in_quote[verb.i] == -1
                    for c in verb.children if c.dep_ == "nsubj"]
        if len(subjects) != 1:
            return None
        leader = self.leader_at.get(subjects[0].i) or self.by_title(subjects[0])
        if leader is None or leader not in people:
            return None
        others = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.i != subjects[0].i
                  and self.people_in([t]) - {leader}]
        return None if others else leader

    def leader_is_subject(self, tokens, leader_id: str) -> bool:
        """The antecedent must be the one acting ("Okonkwo spoke ..."), not the one acted on
        ("Ruiz criticized Okonkwo."), whose pronoun would point elsewhere."""
        for t in tokens:
            mentioned = self.leader_at.get(t.i) == leader_id
            if not mentioned and t.dep_ == "nsubj" and t.pos_ in ("NOUN", "PROPN"):
                mentioned = leader_id in (self.by_title(t), self.by_role(t))
            if not mentioned:
                continue
            node = t
            while node.dep_ in ("compound", "appos", "flat") and node.head.i != node.i:
                node = node.head
            if node.dep_ == "nsubj":
                return True
            if node.dep_ == "nsubjpass" and not any(c.dep_ == "agent" for c in node.head.children):
                return True
        return False


def _surname(token) -> str:
    """The last word of the entity a token belongs to."""
    doc, i = token.doc, token.i
    while i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I" and doc[i + 1].ent_type_ == token.ent_type_:
        i += 1
    return doc[i].text


def _first_word(token) -> bool:
    """The first word of a sentence or of a quote, capitalised whatever it is ("Tables are ...")."""
    if token.is_sent_start or token.i == 0:
        return True
    before = token.doc[token.i - 1]
    return before.is_punct and before.text in ('"', "“", "‘", "'", "″", "(")


def _joins_others(prep) -> bool:
    """"along with", "together with", "alongside", "among": the subject speaks with others."""
    if prep.lower_ == "with":
        return prep.i > 0 and prep.doc[prep.i - 1].lower_ in ("together", "along")
    return prep.lower_ in lp.GROUP_PREPOSITIONS


def single_leader(people: set[str]) -> str | None:
    if len(people) == 1:
        (only,) = people
        if ":" not in only:
            return only
    return None
