"""Subjects the parser misplaced: who acts in a sentence whose parse lost or moved its subject
(used by speech_verbs.SpeechGrammar.subject)."""
from __future__ import annotations

from onrecord.nlp import leader_patterns as lp


def name_before_an_aside(verb):
    """'Rosalba Herrera, owner of Deportes Azteca in ..., said the store's ...': a sentence that opens
    with a person's name and a comma, and whose verb comes right after the comma that closes the aside
    on her, has that name as its subject, however the parser hung the aside's words (here 'Azteca'
    read as a verb, the name its subject). Not when the aside joins others to her ('along with', ', and')."""
    doc = verb.doc
    if verb.i < 3 or doc[verb.i - 1].text != ",":
        return None
    start = verb.sent.start
    while start < verb.i and (doc[start].is_space or doc[start].is_punct):
        start += 1
    comma = next((t.i for t in doc[start:verb.i - 1] if t.text == ","), None)
    if comma is None or comma == start:
        return None
    name = doc[start:comma]
    if doc[comma - 1].ent_type_ not in ("PERSON", "LEADER") or any(t.pos_ not in ("PROPN", "NOUN", "DET") for t in name):
        return None
    aside = doc[comma + 1:verb.i - 1]
    if not len(aside) or any(t.lower_ in lp.GROUP_PREPOSITIONS | {"together", "joined", "plus"} for t in aside) \
            or any(t.text == "," and doc[t.i + 1].lower_ in ("and", "or") for t in aside):
        return None
    return doc[comma - 1]


def hyphen_prefix(token) -> bool:
    """'"...," said co-owner Chase Valencia.': the parser split 'co-owner' and made its first part a
    second subject of the tag's verb beside the name. A word with a hyphen right after it and no
    space on either side of the hyphen is only the front of a word, never a subject of its own
    (SpeechGrammar.subject takes the other one, the name the whole word belongs to)."""
    doc = token.doc
    return token.i + 2 < len(doc) and not token.whitespace_ and doc[token.i + 1].text in ("-", "\u2011") \
        and not doc[token.i + 1].whitespace_ and doc[token.i + 2].is_alpha


def participle_after_a_report(participle, clause) -> str | None:
    """'said the raids must end, writing on X that ...': a participle after a comma that the parser
    hung on the reported clause of the verb before it. "a thing" when that clause's subject is a
    plain thing (no one who could write: the participle is the speaker's), "someone" when it is a
    name, a person noun or a pronoun other than the speaker's own (either could be writing: doubt),
    None when the participle is not of that form."""
    if clause.dep_ != "ccomp" or participle.doc[participle.i - 1].text != "," or participle.i < clause.i:
        return None
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1:
        return None
    words = list(subjects[0].subtree)
    if subjects[0].pos_ == "NOUN" and not any(t.pos_ in ("PROPN", "PRON") or t.ent_type_ or lp.is_person_noun(t.lower_)
                                              for t in words):
        return "a thing"
    if any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "LEADER") for t in words):
        return "someone"
    return None


def participle_on_a_things_clause(participle, clause) -> bool:
    """'Hutchins feels it's mostly crime that scares folks, explaining, "..."': a participle after a
    comma that the parser hung on a relative clause whose subject is 'that' or 'which' standing for a
    plain thing (a noun with no name, pronoun, person or group in its words or the clause's). A thing
    explains nothing: the participle goes on from the clause the thing stands in, whose speaker is
    the participle's. A person's or a group's clause ('the union that ...', 'the mayor who ...')
    is not read: either could be the one explaining."""
    doc = participle.doc
    if clause.dep_ != "relcl" or participle.i < clause.i or doc[participle.i - 1].text != ",":
        return False
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1 or subjects[0].lower_ not in ("that", "which") or subjects[0].i > clause.i:
        return False
    return a_plain_thing(clause.head, before=participle.i)


def a_plain_thing(noun, before=None) -> bool:
    """A noun whose words hold no name, pronoun, person noun or group noun: a thing, which cannot
    be the one speaking. Its relative clauses are not read, but their words before `before` are
    (the relative pronoun aside)."""
    relative = {t.i for c in noun.children if c.dep_ == "relcl" for t in c.subtree}
    words = [t for t in noun.subtree if not t.is_punct and (
        t.i not in relative or before is not None and t.i < before and not (t.tag_ in ("WDT", "WP") and t.head.dep_ == "relcl"))]
    return noun.pos_ == "NOUN" and not any(
        t.pos_ in ("PROPN", "PRON") or t.ent_type_ or lp.is_person_noun(t.lower_)
        or t.lower_ in lp.GROUP_NOUNS or t.lower_.rstrip("s") in lp.GROUP_NOUNS for t in words)


def name_after_a_fronted_phrase(verb, subject):
    """'On GEO Group's earnings call, the company's executive chairman, George Zoley, told ...': the
    parser took the fronted phrase's object ('call') for the subject and hung the speaker on it as
    its appositive. When the verb's subject starts right after a preposition that opens the sentence
    and is hung on the verb, a person's name in the subject's appositives whose phrase ends in the
    comma right before the verb is the subject (the object itself a plain thing, not a person)."""
    doc = verb.doc
    if subject.pos_ != "NOUN" or subject.ent_type_ or lp.is_person_noun(subject.lower_) \
            or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    lead = subject.left_edge.i - 1
    if lead < verb.sent.start or doc[lead].dep_ != "prep" or doc[lead].head.i != verb.i \
            or any(not t.is_space and not t.is_punct for t in doc[verb.sent.start:lead]):
        return None
    for t in subject.subtree:
        if t.dep_ == "appos" and t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "LEADER") \
                and t.right_edge.i + 2 == verb.i:
            return t
    return None


def name_after_a_title(verb, subject):
    """'Hispanic Chamber of Cincinnati USA President Alfonso Cornejo says ...': a long title before a
    name, which the parser read as an organisation ('Chamber') with the name hung inside it ('of ...
    Cornejo'). When a name ends right before the verb, inside the subject's phrase, and a title
    ('President', 'CEO', 'owner') stands right before that name, the name is the subject. Not when
    the subject is itself a person ('The wife of President X says' is the wife) or joins several."""
    doc = verb.doc
    name = doc[verb.i - 1]
    if subject.pos_ not in ("NOUN", "PROPN") or lp.is_person_noun(subject.lower_) or subject.ent_type_ == "PERSON" \
            or not subject.i < name.i or name.pos_ != "PROPN" or name.ent_type_ not in ("PERSON", "LEADER") \
            or subject.right_edge.i != name.i or any(t.dep_ in ("conj", "cc", "appos") for t in subject.subtree):
        return None
    first = next((e.start for e in doc.ents if e.start <= name.i < e.end), name.i)
    return name if first - 1 > subject.i and lp.is_person_noun(doc[first - 1].lower_) else None


def misplaced_name(verb, subject):
    """The speaker's name where the parser hung it inside another phrase (the two readings above), or None."""
    return name_after_a_fronted_phrase(verb, subject) or name_after_a_title(verb, subject)


def a_thing_acting_on_a_thing(subject) -> bool:
    """'The market even added extra security after customers asked for locked doors.' (heldout40
    sn01): a plain thing (no name, pronoun, person or group noun in it) as the subject of a verb
    that can report speech ('add', 'note'), here with one direct object that is a plain thing too
    and no clause or quote of its own, speaks no words: it is no one in view for the next 'she'
    (round 48). 'The union added', 'the report noted that ...', 'the letter added a warning' and a
    bare surname the model did not tag ('Ruiz added extra security') are read as before."""
    verb = subject.head
    if subject.dep_ != "nsubj" or subject.pos_ != "NOUN" or not subject.is_lower or not a_plain_thing(subject) \
            or not any(c.dep_ == "det" for c in subject.children):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return len(objects) == 1 and a_plain_thing(objects[0]) \
        and objects[0].lemma_.lower() not in lp.WORDS_NOUNS | lp.SPEECH_NOUNS \
        and not any(c.dep_ in ("ccomp", "xcomp", "parataxis", "dative") for c in verb.children) \
        and not any(t.is_quote for t in verb.subtree)

