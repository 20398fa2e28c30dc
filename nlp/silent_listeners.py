"""A pronoun that speaks while the one named listens or keeps silent is someone else (guards 55, a
red-team of precision; FICTIONAL probes): 'Okonkwo said nothing as he called the raids "a
disgrace."', 'Okonkwo listened as he called ...', 'Okonkwo remained silent while she ...'. The rules
never guess a named person's gender, so 'he' found her the only one named in the sentence; but the
subject of an 'as' or 'while' clause hung on her act of listening, watching or keeping silent is the
one she listened to, never her (antecedents.resolve_pronoun gives it no one). 'Okonkwo wept as she
called the raids "a disgrace."' (an act that is no listening) stays hers. So, after she put a
question to someone ('Okonkwo asked the mayor whether ... "Not soon," she said.'), she is not the
sole speaker the next 'she' goes to: the one asked may answer (asked_someone)."""
from __future__ import annotations

from onrecord.nlp import leader_patterns as lp

_LISTENING = frozenset({"listen", "watch", "nod", "sit", "stand", "look", "remain", "stay", "keep", "wait"})


def speaks_while_she_listens(pronoun) -> bool:
    """pronoun is the subject of an 'as'/'while' clause on a verb of listening or keeping silent."""
    clause = pronoun.head
    if pronoun.dep_ != "nsubj" or clause.dep_ != "advcl" or clause.head.i == clause.i:
        return False
    if not any(c.dep_ == "mark" and c.lower_ in ("as", "while", "when") for c in clause.children):
        return False
    act = clause.head
    silent = any(c.dep_ in ("dobj", "npadvmod") and c.lower_ == "nothing" for c in act.children) \
        or any(c.dep_ in ("acomp", "advmod") and c.lower_ in ("silent", "quiet", "silently", "quietly") for c in act.children)
    return silent or act.lemma_.lower() in _LISTENING and act.i < clause.i


_ASKING = frozenset({"ask", "question", "interview", "press", "quiz"})


def asked_someone(sent, speaker) -> bool:
    """'Okonkwo asked the mayor whether the raids would end. "Not soon," she said.': in a sentence
    where the one speaking puts a question to a person, the next 'she said' may be the answer, so the
    asker is not its sole speaker (antecedents._sole_speaker)."""
    return any(v.lemma_.lower() in _ASKING and any(c.i == speaker.i for c in v.children) and _a_question(v) and any(
        c.dep_ in ("dobj", "dative") and (c.pos_ == "PROPN" or c.ent_type_ in ("PERSON", "LEADER")
                                          or c.pos_ == "NOUN" and lp.is_person_noun(c.lower_)) for c in v.children)
        for v in sent)


def _a_question(verb) -> bool:
    """'asked the mayor whether ...', '... about the raids', 'pressed the sheriff': a question put
    ('asked the mayor for help', '... to stay home' is a request, no question to answer)."""
    if verb.lemma_.lower() != "ask":
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("about", "on") for c in verb.children) or any(
        x.dep_ == "mark" and x.lower_ in ("whether", "if") or x.tag_ in ("WDT", "WP", "WRB")
        for c in verb.children if c.dep_ in ("ccomp", "xcomp", "advcl") for x in c.subtree)
