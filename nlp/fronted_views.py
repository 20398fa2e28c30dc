"""A fronted 'For Okonkwo,' whose sentence has a clause for its subject: 'For Scardina, losing
these employees represents a severe financial blow to his small business.' The sentence tells her
side of it as much as 'For Okonkwo, the raids were a disaster' does (nlp/antecedents.py,
_frames_the_sentence), so she is the one in view for the next pronoun ('"...," he stated.').

The subject clause must be a thing done, with no one else in it who could be the next 'he' or
'she': no subject of its own ('what the sheriff did', 'watching the sheriff arrest her'), no name,
no single person ('losing his best roofer' leaves the roofer in view too) and no 'his' or 'her'
('losing his job' may be another man's). Plural people acted on ('losing these employees') are
no 'he' or 'she'.
"""
from __future__ import annotations

_SUBJECTS = ("nsubj", "nsubjpass", "expl", "agent", "csubj", "csubjpass")
_PLURAL = ("NNS", "NNPS")
_GENDERED = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}


def clause_subject_in_her_view(prep, verb, may_be_a_person) -> bool:
    """prep: the fronted 'for' (or 'according') on verb, which has no noun subject. True when the
    verb's one subject is a clause after prep (a gerund or an infinitive) that leaves only the
    person named in prep in view; may_be_a_person(token) tells person nouns ('sheriff', 'roofer')."""
    clauses = [c for c in verb.children if c.dep_ in ("csubj", "csubjpass")]
    if len(clauses) != 1 or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return False
    clause = clauses[0]
    if clause.pos_ != "VERB" or prep.i > clause.left_edge.i:
        return False  # a fronted phrase only ('Losing them, for Okonkwo, ...' is not asked about)
    for t in clause.subtree:
        if t is not clause and t.dep_ in _SUBJECTS:
            return False  # someone acts inside it: 'watching the sheriff arrest ...'
        if t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP"):
            return False  # a name: 'losing Ruiz', 'the Ledger's story'
        if t.pos_ == "PRON" and (t.dep_ != "poss" or t.lower_ in _GENDERED):
            return False  # 'telling him to leave', 'losing his job': maybe someone else again
        if may_be_a_person(t) and t.tag_ not in _PLURAL:
            return False  # 'losing his best roofer': the roofer may be the next 'he'
    return True
