"""Leaders named by their title or role: "the Lumenfold chief executive", "Microsoft's chief
scientific officer", "President and CEO José Muñoz", "the head of Lumenfold", and "the CEO" or
"the billionaire" referring back to the leader the sentences before are about (a mixin of
leader_mentions.Mentions, which provides index, leader_at and resolve_pronoun)."""

from __future__ import annotations

from onrecord.nlp import leader_patterns as lp
from onrecord.nlp.described_roles import described_leader, holds_it_now
from onrecord.nlp.epithets import age_epithet, set_off_relative
from onrecord.nlp.joined_titles import joined_name
from onrecord.nlp.named_later import STANDING

# a title under these words is another post than the one of that name ("deputy chief executive")
_ANOTHER_POST = {"deputy", "vice", "assistant", "associate", "co"}


def _standing(words, own: set[str]) -> set[str]:
    """The words of a role that make it another than the one the leader holds now ('former', 'interim',
    'deputy'), less those of her own listed title ('Interim CEO')."""
    return {t.lower_ for t in words if t.lower_ in STANDING | _ANOTHER_POST} - own


class Titles:
    """Title and role resolution for Mentions."""

    def _titled_leader(self, subject) -> str | None:
        """The leader at the end of a coordinated title ("President and CEO José Muñoz"): the
        other members of the list are that leader's own title words; or the leader named after a
        bare title whose appositive the parser hung on the place (name_hung_on_the_place)."""
        hung = name_hung_on_the_place(subject, self.leader_at)
        if hung is not None:
            return hung
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
        of = [c for c in head.children if c.dep_ == "prep"]
        if head.tag_ not in ("NN", "NNP") or any(c.dep_ in ("relcl", "acl") for c in head.children) \
                or of and (len(of) > 1 or of[0].lower_ != "of"):
            return None
        words = [t for t in head.subtree if t.i <= head.i]
        if not words or words[0].lower_ != "the" and not any(t.dep_ == "poss" for t in words):
            return None
        # "the chief executive of Lumenfold": the organisation may follow
        words += [t for c in of for t in c.subtree if t.dep_ not in ("det", "prep")]
        printed = " ".join(t.text for t in words if t.dep_ != "case").replace(" 's", "").replace(" ’s", "")
        phrase = printed.lower()
        # the organisation as it names itself, in its own case: "the Harvest manager" at Harvest
        # Foods, never "the harvest manager" (a common word, naming no one)
        # (in the title's own noun phrase: not 'of Bauhaus Brew Labs in Northeast Minneapolis')
        named = [t for t in head.subtree if t.i <= head.i] + [t for c in of for o in c.children if o.dep_ == "pobj"
                                                              for t in o.subtree if t.i <= o.i]
        own_words = " ".join(t.text for t in named if t.dep_ != "case")
        at_org = [lid for lid, pattern in self.index.org_res.items() if pattern.search(own_words)]
        if head.lower_ in ("head", "boss") and len(at_org) == 1 and _runs_it(*self.index.orgs[at_org[0]][1:]) \
                and any(phrase.endswith((o, f"{o} {head.lower_}")) for o in self.index.orgs[at_org[0]][0]):
            self.named_by_organisation.add(at_org[0])
            return at_org[0]  # "the head of Lumenfold", "the Lumenfold boss": its one listed leader, who runs it
            # (not "the head of Lumenfold's legal team", nor a chief scientist)
        matches = [lid for lid in at_org for orgs, heads, title in [self.index.orgs[lid]]
                   if head.lower_ in heads or title and phrase.endswith(title)
                   or head.lower_ == "chief" and heads & {"ceo", "executive"}  # "the JPMorgan chief"
                   or head.lower_ == "officer" and "chief executive officer" in phrase and "ceo" in heads]
        if len(matches) != 1 or _another_body(named, head, self.index.own_context[matches[0]]):
            return None
        if _standing(words, self.index.own_context[matches[0]]):
            return None  # "Lumenfold's former (interim, deputy) chief executive": not the one holding it now
        if self._someone_else_named(head, of, matches[0]):
            return None  # "Lumenfold's chief executive, Ian Cole,": the name says who, and it is not hers
        self.named_by_organisation.add(matches[0])
        return matches[0]

    def _someone_else_named(self, head, of, leader: str) -> bool:
        """A person's name set beside the title ("Lumenfold's chief executive, Ian Cole", "the owner
        of Reyna Roofing, Luis Reyna") that is not the leader's: the watchlist's title is out of date,
        or a namesake holds it."""
        beside = [c for c in head.children if c.dep_ == "appos"] + [
            x for c in of for o in c.children if o.dep_ == "pobj" for x in o.children if x.dep_ in ("appos", "npadvmod")]
        org = self.index.org_res.get(leader)

        def the_organisation(n) -> bool:  # "the chief executive of the company, Lumenfold,"
            words = " ".join(t.text for t in n.subtree)
            found = org.search(words) if org else None
            return found is not None and found.group(0) == words

        own = self.index.own_context[leader]
        return any((n.ent_type_ == "PERSON" or n.pos_ == "PROPN") and self.leader_at.get(n.i) != leader
                   and not the_organisation(n) and not all(t.lower_ in own or t.is_punct for t in n.subtree)
                   for n in beside)  # (but "the chief executive officer (CEO) of ...": her own title)

    def by_role(self, head, quote_index: int = -1) -> str | None:
        return self._role_in_view(head, quote_index)[0]

    def named_beside(self, noun) -> str | None:
        """'One local operator, Mauricio Fraga-Rosenfeld, claims ...': a singular noun subject whose
        one appositive, set off by commas, is a leader's name stands for that leader (no one else in
        view for the next 'he'). Not a list ('a baker, Okonkwo and the mayor'), not an appositive that
        only holds her name ('a friend of Okonkwo', "Okonkwo's sister", 'Okonkwo with her cousin') (round 41).
        A person noun the tagger took for a proper one is such a noun too ("CoreCivic's CEO, Damon
        Hininger, stated ...": 'CEO' is NNP), never a name ('Linda Chow, Mara Okonkwo, ...') (round 48)."""
        doc = noun.doc
        joined = joined_name(noun)  # ('Company president and CEO Jose Munoz delivered ...': one person)
        if joined is not None and joined.i in self.leader_at:
            return self.leader_at[joined.i]
        beside = [c for c in noun.children if c.dep_ == "appos"]
        if not _a_singular_noun(noun) or len(beside) != 1 or beside[0].i not in self.leader_at \
                or any(c.dep_ in ("conj", "cc") for c in (*noun.children, *beside[0].children)):
            return None
        name = beside[0]
        words = [t.i for t in name.subtree if not t.is_punct]  # (the parser may hang the closing comma on the name)
        first, last = min(words), max(words)
        if first < 1 or doc[first - 1].text != "," or last + 1 >= len(doc) or doc[last + 1].text != "," \
                or any(self.leader_at.get(t.i) != self.leader_at[name.i] for t in name.subtree if not t.is_punct):
            return None
        return self.leader_at[name.i]

    def role(self, head, quote_index: int = -1):
        """(leader, [sentence]) for a tag's 'the CEO', 'the rancher', 'the 62-year-old': the leader
        in view whose title it is, else the one leader the story itself described so."""
        found = self._role_in_view(head, quote_index)
        return found if found[0] else described_leader(self, head)

    def _role_in_view(self, head, quote_index: int = -1):
        """(leader, [antecedent sentence]) for 'the CEO', 'the executive': the leader the
        sentences just before are about, as for he/she, when the role is that leader's title."""
        nothing = (None, [])
        age = age_epithet(head)
        if head.tag_ not in ("NN", "NNP") and not age or head.i in self._roles_resolving:
            return nothing
        words = [t for t in head.subtree if t.i <= head.i]
        descriptive = head.lower_ in lp.DESCRIPTIVE_ROLES or age  # "the billionaire", "the 75-year-old"
        if [t.lower_ for t in words[:1]] != ["the"] or any(
                c.dep_ in ("relcl", "acl", "appos") and not set_off_relative(c)
                or c.dep_ == "prep" and not (descriptive and _unnamed_of(c))
                for c in head.children):
            return nothing
        if not descriptive and not any(head.lower_ in heads for _orgs, heads, _title in self.index.orgs.values()):
            return nothing
        if any(t.dep_ == "compound" and t.pos_ == "NOUN" for t in words) and any(t.pos_ == "PROPN" for t in words):
            return nothing  # "the Dunmore city council president": a named body's, not the one just named
        self._roles_resolving.add(head.i)  # resolving looks back, and may meet this role again
        try:
            leader, antecedent = self.resolve_pronoun(head, quote_index)
        finally:
            self._roles_resolving.discard(head.i)
        if leader is None or not descriptive and (leader not in self.index.orgs
                                                  or head.lower_ not in self.index.orgs[leader][1]):
            return nothing
        standing = _standing(words, self.index.own_context[leader])
        if standing and holds_it_now(self, head, leader, standing):
            return nothing  # 'Reyna, the owner of ...' then '"...," said the former owner': another
        if descriptive and any(t.lemma_ == head.lemma_ and t.i != head.i and t.dep_ not in ("appos", "attr", "compound")
                               for sent in [*antecedent, head.sent] for t in sent if t.i < head.i):
            return nothing  # "Okonkwo met two billionaires. '...,' the billionaire said.": which one?
        if any(_another_holder(t, head) for sent in [*antecedent, head.sent] for t in sent if t.i < head.i):
            return nothing  # 'Okonkwo, CEO of Lumenfold, spoke after Brightway's CEO. The CEO said': which one? (guards 55)
        return leader, antecedent


_CHIEF = frozenset({"ceo", "executive"})


def _another_holder(t, head) -> bool:
    """t, before the tag's role head, names another holder of that role: 'spoke after Brightway's
    CEO', '... the CEO of Brightway' (not her own: 'Okonkwo, CEO of Lumenfold,', 'became CEO', 'as CEO')."""
    same = t.lower_ == head.lower_ or {t.lower_, head.lower_} <= _CHIEF
    return same and t.tag_ in ("NN", "NNP") and t.dep_ == "pobj" and t.head.lower_ != "as" \
        and any(c.dep_ == "poss" or c.dep_ == "det" or c.dep_ == "compound" for c in t.children)


def _unnamed_of(prep) -> bool:
    """'of the nation's largest lender': an 'of' phrase that names no one and nothing, so it
    describes the one referred to without pointing at someone else ('the head of the union')."""
    return prep.lower_ == "of" and not any(t.pos_ == "PROPN" or t.ent_type_ for t in prep.subtree) \
        and not any(lp.is_person_noun(t.lower_) or t.lower_ in lp.GROUP_NOUNS for t in prep.subtree)


def _another_body(words, head, own: set[str]) -> bool:
    """'the president of the Minneapolis city council', 'the Minneapolis city council president':
    a common noun outside the leader's own organisation and title words names another body that
    shares the organisation's first word (a place), whose president is someone else. Only the
    words up to each head count: an appositive after them describes, it names no other body."""
    return any(t.pos_ == "NOUN" and t.i != head.i and t.lower_ not in own for t in words)


def _runs_it(heads, title: str) -> bool:
    """A title of the one who heads an organisation: chief executive, CEO, owner."""
    return bool(heads & {"ceo", "owner"}) or "chief executive" in title


def a_second_title(subject, conj) -> bool:
    """'said Duin, co-owner of La Mega KC, and a host for the Spanish radio station.' (heldout55
    tc02): after her title set off by commas, ', and' an indefinite singular role with no one in it
    is a second title of the one speaker, not a second speaker. Never a name ('and Linda Chow, a
    host'), 'the' or a possessor ('and the mayor', 'and her neighbour'), a plural ('and other
    owners'), a noun the rules read as a person of its own ('and a spokesperson for the union', 'and
    a worker at the bakery': an official's or another's words), a role with a clause, a person or a
    proper noun inside ('and a worker who asked not to be named', 'a host for Linda Chow's show'),
    or one that does not end the sentence."""
    titles = [c for c in subject.children if c.dep_ == "appos" and subject.i < c.i < conj.i]
    cc = [c for c in subject.children if c.dep_ == "cc" and c.lower_ == "and" and c.i < conj.i]
    if not titles or len(cc) != 1 or conj.pos_ != "NOUN" or conj.tag_ != "NN" \
            or subject.doc[cc[0].i - 1].text != ",":
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") and c.i < conj.i for c in conj.children):
        return False  # 'and the mayor', 'and her neighbour', 'and one worker'
    if lp.is_person_noun(conj.lower_):
        return False  # 'and a spokesperson for the union', 'and a worker at the bakery': a person the
        # rules read as one of her own, who may be the second speaker (a host, a volunteer: her roles)
    words = [t for t in conj.subtree if t.i != conj.i]
    if any(t.pos_ in ("PROPN", "PRON", "VERB", "AUX") or t.ent_type_ in ("PERSON", "LEADER")
           or t.dep_ in ("conj", "cc", "poss", "relcl", "acl", "case") or t.text in ('"', "“", "”", "'") for t in words):
        return False  # a name, a pronoun, a clause, a possessor, a list, a quote in the role
    end = conj.right_edge.i + 1
    sent_end = conj.sent.end
    return all(t.is_punct or t.is_space for t in subject.doc[end:sent_end])


def name_hung_on_the_place(subject, leader_at) -> str | None:
    """'"...," said manager of Esmeraldas Café, Rene Bustamente.' (heldout40 sn01): the parser hung
    the name on the café, the object of the title's 'of', where it names the manager (a café is no
    person). The leader when the subject is a singular title the rules read as a person, with no
    name, determiner or appositive of its own, its one 'of' or 'at' phrase a place or organisation
    (no person noun, pronoun or possessor: 'a friend of the owner, X' is the owner), and the leader's
    name that place's one appositive, with nothing after it in the sentence."""
    if subject.tag_ != "NN" or not lp.is_person_noun(subject.lower_) or any(
            c.dep_ in ("det", "poss", "appos", "conj", "compound", "amod", "relcl", "acl") for c in subject.children):
        return None
    preps = [c for c in subject.children if c.dep_ == "prep"]
    if len(preps) != 1 or preps[0].lower_ not in ("of", "at"):
        return None
    places = [c for c in preps[0].children if c.dep_ == "pobj"]
    if len(places) != 1 or lp.is_person_noun(places[0].lower_) or places[0].i in leader_at:
        return None  # (the model may tag the café a person: a name there is no second name for it)
    place = places[0]
    names = [c for c in place.children if c.dep_ == "appos"]
    if len(names) != 1 or names[0].i not in leader_at or any(
            t.pos_ == "PRON" or t.dep_ in ("poss", "case", "conj") or t.i != place.i and t.i not in leader_at
            and lp.is_person_noun(t.lower_) for t in place.subtree if t.i < names[0].left_edge.i):
        return None
    if any(c.dep_ not in ("compound", "flat") for c in names[0].children) or any(
            not (t.is_punct or t.is_space) for t in subject.doc[names[0].i + 1:names[0].sent.end]):
        return None  # 'X's', 'X, who ...', 'X and Y': not the one name
    return leader_at[names[0].i]


def _a_singular_noun(noun) -> bool:
    """A singular common noun, or a person noun the tagger took for a proper one ('CEO', 'Owner'):
    no name (no entity type), no leader's or anyone's."""
    return noun.tag_ == "NN" or noun.tag_ == "NNP" and not noun.ent_type_ and lp.is_person_noun(noun.lower_) \
        and not noun.lower_.endswith("s")
