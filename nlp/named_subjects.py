"""A bare name that opens a sentence as its subject is someone in view (guards 55, a red-team of
precision; FICTIONAL probes): 'Okonkwo spoke at the rally. Brannock dismissed the report. She said
the raids were lawful.' The model left 'Brannock' untagged (or tagged it an organisation, as it
does with some surnames), and a capitalised first word may be any word, so the name was no one,
and the later 'she' went to the leader. A name whose appositive is a person noun ('Brannock, a
county commissioner,') is a person whatever its tag; an untagged proper noun that opens the
sentence alone as the subject of a verb is taken for someone too, as a bare surname elsewhere in
a sentence already is (leader_mentions.people_in): the doubt leaves a pronoun no one's, never hers."""
from __future__ import annotations

from onrecord.nlp import leader_patterns as lp


def described_person(token) -> bool:
    """'Brannock, a county commissioner, ...': a proper noun with a person noun for its appositive."""
    return token.pos_ == "PROPN" and token.ent_type_ in ("", "ORG") and any(
        c.dep_ == "appos" and c.pos_ == "NOUN" and lp.is_person_noun(c.lower_) for c in token.children)


def named_subject(token) -> bool:
    """A proper noun that opens its sentence as the whole subject of a verb and that the model left
    untagged, or one described as a person."""
    if described_person(token):
        return True
    return token.pos_ == "PROPN" and token.tag_ == "NNP" and token.ent_type_ == "" and token.dep_ == "nsubj" \
        and token.is_title and token.is_sent_start and token.head.pos_ == "VERB" \
        and not any(c.dep_ in ("det", "compound", "amod", "poss", "nmod", "cc", "conj") for c in token.children)
    # ('Video and photos taken at the plant showed ...', heldout2 rb14: a capitalised common noun in a list)
