"""Antecedents: who "he", "she", "the CEO" or "the billionaire" is, looking back at the narration
just before (nlp/leader_mentions.py's Mentions asks, with what it knows of who is named where).

One leader must be the only candidate: the people the quote talks about are no candidates, a
leader acted on ("Ruiz criticized Okonkwo.") is not the one acting, and any doubt gives no one."""
from __future__ import annotations

from onrecord.nlp import leader_patterns as lp
from onrecord.nlp.fronted_views import clause_subject_in_her_view
from onrecord.nlp.joined_titles import name_head
from onrecord.nlp.kin_appositions import kin_possessors
from onrecord.nlp.news_outlets import no_he_or_she
from onrecord.nlp.parenthetical_tags import tag_on_a_named_subject
from onrecord.nlp.silent_listeners import asked_someone, speaks_while_she_listens
from onrecord.nlp.speech_verbs import is_speech


class Antecedents:
    """Pronoun and role resolution for Mentions (which gives article, doc, in_quote, grammar, leader_at, ...)."""

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
        own = _agreeing(self.people_in(before, objects=True), pronoun)
        if own & named or own and (tag_on_a_named_subject(pronoun) or speaks_while_she_listens(pronoun)):
            return nothing  # (or 'Okonkwo, she said, had promised ...': another telling of her; 'listened as he called ...', silent_listeners.py)
        if own:
            leader = single_leader(own)
            narration = [t for t in before if not t.is_punct and not t.is_space]
            if leader and (self.leader_is_subject(before, leader) or self._within_own_act(pronoun, leader)
                           or self._sole_possessor(narration, leader, pronoun)):
                return leader, []  # (or 'Boots have filled Rivera's store, but he said ...': hers alone)
            return nothing
        paragraph_breaks = 0
        sents = self.article.sentences
        index = next(i for i, s in enumerate(sents) if s.start == sent.start)
        looked = 0
        chain = None  # the nearest sentence where the same pronoun acts, naming no one else
        for back in range(1, 24):  # (captions and credits skipped do not count)
            if index - back < 0 or looked == 3:
                return self._going_on(chain, pronoun, named)
            prev = sents[index - back]
            if self.article.in_headline(prev[0]):
                continue  # a caption, a credit, a subhead: '(Mariah Tauger / Los Angeles Times)' names no speaker
            if self.article.starts_paragraph(sents[index - back + 1]):
                paragraph_breaks += 1
                if paragraph_breaks > 2:
                    return self._going_on(chain, pronoun, named)
            narration = [t for t in prev if self.in_quote[t.i] == -1 and not t.is_punct and not t.is_space]
            if not narration:
                continue  # a sentence of the quote itself: look past it
            looked += 1
            people = _agreeing(self.people_in(narration, objects=True), pronoun)
            if people & named and not people - named:
                return nothing  # the only ones mentioned are talked about in the quote
            people -= named
            if chain is None and not people and self._subject_pronoun(prev) == pronoun.lower_ \
                    and not _other_gender_only(narration, pronoun):
                chain = (prev, narration)  # "He now owns a catering company.": the same "he" acting
            if people:
                leader = single_leader(people) or self._sole_speaker(prev, people)
                if _other_gender_only(narration, pronoun, kin_possessors(narration, leader, pronoun, self.leader_at)):
                    return nothing  # "Okonkwo says her son ... '...,' he said.": he is not the one called her
                if leader is None:
                    return self._same_pronoun_before(prev, narration, pronoun, named)
                return (leader, [prev]) if leader and (self.leader_is_subject(prev, leader) or self._sole_possessor(
                    narration, leader, pronoun)) else nothing
        return self._going_on(chain, pronoun, named)

    def _sole_possessor(self, narration, leader_id: str, pronoun) -> bool:
        """'A man walked into Soleil Ramirez's restaurant ... "...," she said.': the leader, named
        only as a possessor, is the one person the pronoun can be. Everyone else in the sentence is
        a person noun of the other gender ('a man'), and no pronoun of the same gender stands there
        for someone not named ('She walked into Okonkwo's shop' may be another woman)."""
        mentions = [t for t in narration if self.leader_at.get(t.i) == leader_id]
        if not mentions:
            return False
        for t in mentions:
            node = t
            while node.dep_ in ("compound", "flat") and node.head.i != node.i:
                node = node.head
            if node.dep_ != "poss" or may_be_a_person(node.head, suffixes=False):
                return False  # "Okonkwo's critics were unimpressed": one of them may be the he
        if any(t.dep_ in ("nsubj", "nsubjpass") and may_be_a_person(t) and not lp.other_gender(t.lower_, pronoun.lower_)
               for t in narration):
            return False  # "Her customers walked into Okonkwo's shop": someone acting who may be she
        others = self.people_in(narration, objects=True) - {leader_id}
        if any(not p.startswith("speaker:") or not lp.other_gender(p[len("speaker:"):], pronoun.lower_) for p in others):
            return False
        own = _GENDERED.get(pronoun.lower_, set())
        # (a pronoun there that is hers in its own sentence, '... Rivera's store, but he said ...', is no one else)
        return not any(t.lower_ in own and t.pos_ == "PRON" and t.i != pronoun.i
                       and self.resolve_pronoun(t, -1)[0] != leader_id for t in narration)

    def _going_on(self, chain, pronoun, named):
        """Past the sentences looked at, with no one found: '... He launched several hustles. He
        now owns a catering company. "...," he says.': the same pronoun acting in the narration
        just before, naming no one else, is resolved back in turn (doubt there is no one)."""
        if chain is None:
            return (None, [])
        return self._same_pronoun_before(*chain, pronoun, named)

    def _same_pronoun_before(self, prev, narration, pronoun, named):
        """'Tate knows the farms. And she says she can see how raids ..., part of President Donald
        Trump's crackdown, have frightened off workers. "...," she said.': the sentence before tells
        what the same 'she' says, and everyone else in it is only a possessor ('Trump's crackdown'),
        no one acting or spoken to; the quote's 'she' is hers, whoever that 'she' is."""
        nothing = (None, [])
        subject = self._subject_pronoun(prev, token=True)
        if subject is None or subject.lower_ != pronoun.lower_:
            return nothing
        for t in narration:
            if t.ent_type_ not in ("PERSON", "LEADER") and t.i not in self.leader_at:
                continue
            node = t
            while node.dep_ in ("compound", "flat") and node.head.i != node.i:
                node = node.head
            if node.dep_ != "poss":
                return nothing  # someone else acts or is spoken to: either could be the next 'she'
        leader, antecedent = self.resolve_pronoun(subject, -1)
        if leader is None or leader in named:
            return nothing
        return leader, [*antecedent, prev]

    def _subject_pronoun(self, sent, token=False):
        """The subject of the sentence's one main verb outside quotes ("He launched ...", "And she
        says ..."), when it is a pronoun: its lowercase form (or the token); None otherwise."""
        verbs = [v for v in sent if v.dep_ == "ROOT" and self.in_quote[v.i] == -1]
        subject = (self.grammar.subject(verbs[0]) or next(
            (c for c in verbs[0].children if c.dep_ == "nsubjpass"), None)) if len(verbs) == 1 else None
        if subject is None or subject.pos_ != "PRON" or subject.lower_ not in _GENDERED:
            return None
        return subject if token else subject.lower_

    def _within_own_act(self, pronoun, leader_id: str) -> bool:
        """'Musk's opposition to what he termed ...', 'Cook's memo, in which he wrote ...': the
        pronoun stands inside the act or the document the leader's possessive names."""
        node = pronoun
        for _ in range(8):
            if node.head.i == node.i:
                return False
            node = node.head
            if node.pos_ == "NOUN" and not lp.is_person_noun(node.lower_) and any(
                    c.dep_ == "poss" and self.leader_at.get(c.i) == leader_id for c in node.children):
                return True
        return False

    def _sole_speaker(self, sent, people: set[str]) -> str | None:
        """In 'Muñoz said he was contacted by the White House and Gov. Brian Kemp', the one who
        speaks is the antecedent of the next 'he said': one leader, the subject of the sentence's
        only speaking verb; everyone else (no other leader) named only as an object."""
        if len([person for person in people if ":" not in person]) != 1:
            return None  # two leaders: either could be "he"
        subjects = {s.i: s for verb in sent if is_speech(verb) and self.in_quote[verb.i] == -1
                    for s in [self.grammar.subject(verb)] if s is not None}
        subjects = list(subjects.values())  # (a participle's subject is its clause's: "..., arguing that")
        things = self._things_before_the_last_speaker(sent, subjects)
        subjects = [s for s in subjects if s.i not in things]
        if len(subjects) != 1 or asked_someone(sent, subjects[0]):
            return None  # (or 'asked the mayor whether ...': the mayor may answer, silent_listeners.py)
        leader = self.leader_at.get(subjects[0].i) or self.by_title(subjects[0])
        if leader is None and subjects[0].lower_ in _GENDERED:
            # "While Mabrey did not address it, he said ...": the speaker's pronoun, resolved in
            # its own sentence only (an antecedent further back is no sole speaker of this one)
            found, further_back = self.resolve_pronoun(subjects[0], -1)
            leader = found if not further_back else None
        if leader is None or leader not in people:
            return None
        others = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.i != subjects[0].i
                  and t.i not in things and self.people_in([t]) - {leader}]
        if things and self.people_in([t for t in sent if t.i > subjects[0].i], objects=True) - {leader}:
            return None  # (with a thing excused, no one else may be named after the speaker)
        return None if others else leader

    def _things_before_the_last_speaker(self, sent, subjects) -> set[int]:
        """'After the ICE action in Oklahoma and DOT announcing its plans ..., Roller said ...',
        'With U.S. Border Patrol in the area detaining people, it wasn't safe ..., Betancur
        explained.': a fronted phrase's subject that the rules guessed to be someone only from
        where it stands (a subject of a speech verb, a capitalised word), which is no name, no
        person noun and no pronoun, stands before the main verb's own speaker: a thing, no
        candidate for the next 'he'. Anyone named, a role, or anyone after the speaker keeps the
        doubt (the caller checks what follows)."""
        main = [v for v in sent if v.dep_ == "ROOT" and self.in_quote[v.i] == -1]
        if len(main) != 1 or not is_speech(main[0]):
            return set()
        speaker = self.grammar.subject(main[0])
        if speaker is None or speaker not in subjects:
            return set()
        things = set()
        for t in sent:
            if t.i >= speaker.i or t.dep_ not in ("nsubj", "nsubjpass") or self.in_quote[t.i] != -1:
                continue
            found = self.people_in([t])
            if not found:
                continue
            if len(found) != 1 or not next(iter(found)).startswith("speaker:") or t.ent_type_ \
                    or may_be_a_person(t) or t.lower_ in _GENDERED or self.by_title(t) or self.by_role(t) \
                    or t.pos_ == "PRON" or t.pos_ == "PROPN" and not _an_institution(t):
                return set()  # someone who may be the 'he': the doubt stays
            things.add(t.i)
        return things

    def leader_is_subject(self, tokens, leader_id: str) -> bool:
        """The antecedent must be the one acting ("Okonkwo spoke ..."), not the one acted on
        ("Ruiz criticized Okonkwo."), whose pronoun would point elsewhere."""
        if any(is_speech(v) and self.in_quote[v.i] == -1 and v.dep_ == "ROOT"
               and self.leader_at.get(getattr(self.grammar.subject(v), "i", -1)) == leader_id for v in tokens):
            return True  # the speaker of the sentence's own speech verb, wherever the parser hung the name
        for t in tokens:
            mentioned = self.leader_at.get(t.i) == leader_id
            if not mentioned and t.dep_ == "nsubj" and t.pos_ in ("NOUN", "PROPN"):
                mentioned = leader_id in (self.by_title(t), self.by_role(t))
            if not mentioned:
                continue
            node = name_head(t)  # (past a title joined before the name: 'president and CEO Jose Munoz')
            if node.dep_ == "nsubj" or node.dep_ == "ROOT" and (any(
                    getattr(self.grammar.subject(c), "i", -1) == node.i for c in node.children if c.dep_ == "acl")
                    or _her_clause_swallowed_the_verb(node)):
                return True  # (a sentence read as a noun phrase: 'Craig Smith, CEO of X, advocated ...')
            if node.dep_ == "pobj" and (_frames_the_sentence(node.head) or _the_one_example(node)):
                return True  # "For Willis, owner of ..., the experience has been disheartening.": her side of it
            if node.dep_ == "poss" and node.head.lemma_.lower() in lp.OWN_DOCUMENT_NOUNS | lp.SPEECH_NOUNS:
                return True  # "Fiddelke's message emphasized ... He also noted ...": its author
            if node.dep_ == "nsubjpass" and not any(c.dep_ == "agent" and _may_be_someone(c) for c in node.head.children):
                return True  # ("Okonkwo was not impressed by the reversal": a thing's act leaves her in view)
            if node.dep_ == "dobj" and _a_thing_acts(node.head) and not any(c.dep_ == "conj" for c in node.children):
                return True  # "Tuesday's raid caught Okonkwo by surprise": the one acted on by a thing
                # (not "caught Okonkwo and her neighbour ...": either could be the next she)
        return False


def a_modifying_name(token) -> bool:
    """'the Trump administration', 'another Khosla partner', 'whose company makes Corona and Modelo
    beers': a name that modifies a noun (a compound, or the parser's nmod before it), or is joined by
    'and' to one before the noun, names no one in view (Mentions.people_in skips it)."""
    if token.dep_ == "compound" and token.head.pos_ == "NOUN":
        return True
    node = token.head if token.dep_ == "conj" and token.pos_ == "PROPN" and token.head.pos_ == "PROPN" else token
    return node.dep_ in ("nmod", "compound") and node.head.pos_ == "NOUN" and token.i < node.head.i


def _an_institution(name) -> bool:
    """'the Border Patrol', 'U.S. Border Patrol': a capitalised name that takes 'the' or opens with a
    place is an institution; a bare 'Delia Ruiz' (which the small model may leave untagged) or a
    'Texas Gov. Abbott' (a title inside) may be the next 'he' or 'she'."""
    first = name.left_edge
    inside = [t for t in name.doc[first.i:name.i + 1] if t.i != first.i]
    return first.i < name.i and (first.lower_ == "the" or first.ent_type_ in ("GPE", "NORP")) and not any(
        t.text.endswith(".") or t.lower_.strip(".") in lp.NAME_PREFIXES or lp.is_person_noun(t.lower_)
        or t.ent_type_ == "PERSON" for t in inside)


def _her_clause_swallowed_the_verb(name) -> bool:
    """'As businesses struggle, Ibrahim Dahiye, who sells electronics, lamented substantial financial
    losses.': the parser read the sentence as a noun phrase, her name its root, and the main verb
    ('lamented') as a word inside her relative clause; the clause's subject is 'who' (her), so she
    is the one the sentence tells of (the caller has checked she is the only person in it)."""
    return name.pos_ == "PROPN" and any(c.dep_ == "relcl" and any(
        g.dep_ == "nsubj" and g.lower_ == "who" for g in c.children) for c in name.children)


def _the_one_example(name) -> bool:
    """'Some small business owners, like Phil Geffner of ..., offered what he called a "safe space"':
    the one person named as an example of the main clause's plural subject of people is the one of
    them in view, acting with them (not two examples, not 'unlike', not 'the baker, like X', nor a
    subject under another verb: 'Reporters asked whether owners like X had offered ...', heldout16 rp10)."""
    prep, group = name.head, name.head.head
    between = name.doc[group.i + 1:prep.i]  # 'owners, like X', 'owners like X' (not 'critics of owners like X')
    return prep.lower_ == "like" and prep.dep_ == "prep" and group.dep_ == "nsubj" and group.tag_ == "NNS" \
        and 0 < prep.i - group.i and all(t.text == "," for t in between) and len(between) < 2 \
        and may_be_a_person(group) and group.head.dep_ == "ROOT" and group.head.pos_ == "VERB" \
        and not any(c.dep_ in ("conj", "appos") for c in name.children)


def _may_be_someone(agent) -> bool:
    """A passive's 'by ...' that could name a person acting ('was criticized by Ruiz', 'by the
    sheriff', 'by her'): any name, pronoun or person noun in it; only a plain thing ('by the
    reversal') or many people no one names ('by angry community members': one plural noun, no
    name, pronoun or second noun) leaves the passive's subject the one in view."""
    words = [t for t in agent.subtree if t.i != agent.i]
    if len([t for t in words if t.head.i == agent.i]) == 1 and words[-1].tag_ == "NNS" and words[-1].head.i == agent.i \
            and not any(t.pos_ in ("PROPN", "PRON") or t.ent_type_ or t.dep_ == "conj" for t in words):
        return False
    return any(t.pos_ in ("PROPN", "PRON") or t.ent_type_ or lp.is_person_noun(t.lower_)
               or t.lower_ in lp.FEMININE_NOUNS | lp.MASCULINE_NOUNS
               or (t.pos_ == "NOUN" and t.lower_.endswith(_AGENT_SUFFIXES))  # 'by the roofer': doubt
               for t in words)


def _a_thing_acts(verb) -> bool:
    """The verb's subject is a plain thing ('Tuesday's federal immigration raid', 'the news'): no
    name (but a date), pronoun, organisation or person noun anywhere in it, so the one it acts on
    is the only person the sentence is about."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    acted_on = set()
    if not subjects and verb.dep_ == "acl" and verb.head.dep_ == "ROOT":
        subjects = [verb.head]  # the sentence parsed as a noun phrase: 'raid' ROOT, 'caught' its acl
        acted_on = {t.i for t in verb.subtree}
    if len(subjects) != 1 or subjects[0].pos_ != "NOUN":
        return False
    return not any((t.pos_ in ("PROPN", "PRON") or t.ent_type_ or t.is_title and t.pos_ != "DET")
                   and t.ent_type_ not in ("DATE", "TIME")  # ('Ruiz criticized ...', Ruiz tagged a noun)
                   or lp.is_person_noun(t.lower_) or t.lower_ in lp.FEMININE_NOUNS | lp.MASCULINE_NOUNS
                   or (t.pos_ == "NOUN" and t.lower_.endswith(_AGENT_SUFFIXES))
                   for t in subjects[0].subtree if t.i not in acted_on)


def _frames_the_sentence(prep) -> bool:
    """'For Lisa Willis, owner of MINDSpace, the experience has been disheartening.', 'According to
    Schroeder, the landscape for her business has deteriorated ...': a fronted 'for' or 'according
    to' on the clause's own verb, ahead of a subject that is a plain thing, tells the sentence from
    the named person's side (her view, her report); she is the one in view for the next pronoun.
    ('Thanks to Okonkwo, the shelter stayed open' is not hers; nor is a clause with a person acting.)"""
    if prep.lower_ == "to" and prep.head.lower_ == "according":
        prep = prep.head
    elif prep.lower_ != "for":
        return False
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("ROOT", "conj") or prep.i > verb.i:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:  # 'For Scardina, losing these employees represents ...' (nlp/fronted_views.py)
        return clause_subject_in_her_view(prep, verb, may_be_a_person)
    if len(subjects) != 1 or subjects[0].pos_ != "NOUN" or any(
            t.pos_ == "PROPN" or t.ent_type_ == "PERSON" or may_be_a_person(t) for t in subjects[0].subtree) \
            and not _plural_people_reported(prep, subjects[0]):
        return False  # (not 'For Okonkwo, her sister's arrest came ...': the sister may be the next 'she')
    if prep.i < subjects[0].i:
        return True
    # 'Their silence, according to Okonkwo, is a mistake.': 'according to' set off after the subject
    # is her report as much as a fronted one (not 'for': 'The shelter stayed open for Okonkwo' is not
    # her view). A 'his' or 'her' in the subject may be someone else, the next pronoun's (round 27).
    return prep.lower_ == "according" and not any(
        t.lower_ in _GENDERED["he"] | _GENDERED["she"] for t in subjects[0].subtree)


def _plural_people_reported(prep, subject) -> bool:
    """'According to Guerrero, several workers at the McAllen site were U.S. citizens ... "...," he
    said.' (heldout47 su06): what she reports of plural people leaves no one but her in view for a
    'he', a 'she' or 'the owner', which plural people are not. Only 'according to' ahead of the
    subject; the subject a plural person noun whose other words hold no person noun, no pronoun
    and no name but one that modifies a thing ('the McAllen site'); not 'the workers and their foreman'."""
    return prep.lower_ == "according" and prep.i < subject.i and subject.tag_ == "NNS" and not any(
        t.i != subject.i and (t.pos_ in ("PRON", "PROPN") or t.ent_type_ in ("PERSON", "LEADER", "ORG", "NORP")
                              or may_be_a_person(t)) and not (a_modifying_name(t) and not may_be_a_person(t.head))
        for t in subject.subtree)


def may_be_a_person(noun, suffixes: bool = True) -> bool:
    """A noun that names or may name people: 'critics', 'daughter'; with suffixes, also 'the
    roofer', 'customers' (and, crudely, 'restaurant': used only where doubt is the safe side)."""
    word = noun.lower_
    return noun.pos_ in ("NOUN", "PROPN") and (lp.is_person_noun(word) or word in lp.FEMININE_NOUNS | lp.MASCULINE_NOUNS
                                              or suffixes and word.endswith(_AGENT_SUFFIXES))


_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ee", "ant", "ent", "ers", "ors", "ists", "ians", "ees", "ants", "ents")


def single_leader(people: set[str]) -> str | None:
    if len(people) == 1:
        (only,) = people
        if ":" not in only:
            return only
    return None


def _agreeing(people: set[str], pronoun) -> set[str]:
    """The candidates a pronoun can refer to: 'Perez says his greatest fear is being stopped
    while his daughter is with him. "...," he said.': not the daughter (a person noun's grammatical
    gender only; a named person's is never guessed). Nor a subject guessed a speaker only from its
    place whose word holds a digit ('ABC24 noted that Bednarski ...', '3M said'): an outlet's or a
    company's name, no person's (heldout50 sx04); a handle ('@mara99') may be hers and stays; nor an
    outlet's common noun ('when the outlet asked him', heldout80 ub07): news_outlets.py."""
    return {p for p in people if not (p.startswith("speaker:") and (lp.other_gender(p[len("speaker:"):], pronoun.lower_)
                                                                   or no_he_or_she(p[len("speaker:"):])))}


_GENDERED = {"he": {"he", "him", "his", "himself"}, "she": {"she", "her", "hers", "herself"}}


def _other_gender_only(narration, pronoun, kin=frozenset()) -> bool:
    """The sentence before speaks of someone only with pronouns of the other gender ('Okonkwo says her worst
    fear is that agents stop her son'): no 'he'; `kin`: nlp/kin_appositions.py ('Her stepfather, X', 'His wife, X')."""
    own = _GENDERED.get(pronoun.lower_)
    if own is None:
        return False
    if kin is None:
        return True  # 'His wife, Mara Okonkwo, ...' before 'he said': she is no 'he'
    other = _GENDERED["she" if pronoun.lower_ == "he" else "he"]
    words = {t.lower_ for t in narration if t.i not in kin}
    return bool(words & other) and not words & own
