"""Words a leader passes on from someone else: she speaks, but the quote is another person's
(round 32's must-never hunt, FICTIONAL sentences; no real split has the forms).

- '"...," Okonkwo said the agent told her.', '... told reporters a worker had said.', '... said she was
  told by an agent.', '... recalled an agent shouting.': the tag's verb reports a second speaker, with
  a subject or agent of its own (a noun or name, not 'she'), saying the words.
- '"...," Okonkwo said, quoting a worker.', '..., reading from the sheriff's letter.', 'Okonkwo,
  quoting a worker, said: "..."', '..., repeating her neighbor's words.': a participle of quoting on
  the verb or its subject, or of reading or repeating a thing of someone else's (a possessive, a person).
- 'Reyna posted a video of the mayor saying, "..."': a participle of saying right after a person
  in an 'of' phrase is that person's, wherever the parser hangs it.
- 'The Times quoted Benioff as saying, "..."', 'Benioff was quoted as saying: "..."': the words in
  marks right after it are the one quoted's (the object of 'quote', or its passive subject), never
  the quoter's ('Okonkwo quoted the mayor as saying' is the mayor's); a reported clause after it
  ('was quoted as saying the raid was "a disgrace"') stays relayed hearsay, no one's.
"""

from __future__ import annotations

from onrecord.nlp import leader_patterns as lp
from onrecord.nlp.joined_documents import to_a_document  # noqa: F401 (for speech_verbs)
from onrecord.nlp.others_comments import after_a_reaction, after_others_comment
from onrecord.nlp.others_comments import comment_read_as_verb  # noqa: F401 (for speech_verbs)
from onrecord.nlp.parenthetical_tags import anothers_parenthetical  # noqa: F401 (for speech_verbs)

QUOTING = frozenset({"quote", "recite"})  # "quoting a worker": the worker's words, as she gives them
OWN = frozenset({"her", "his", "their", "its", "my", "our"})


def relays_a_second_speaker(verb, in_quote, is_speech) -> bool:
    """The leader's verb carries, outside the quote, a clause or participle that gives the words to
    someone else."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    for c in [*verb.children, *(g for s in subjects for g in s.children)]:
        if in_quote[c.i] != -1 or c.tag_ != "VBG" and c.i <= verb.i:
            continue
        if c.dep_ == "ccomp" and c.tag_ in ("VBD", "VBZ", "VBP", "VBN") and is_speech(c) \
                and any(s.dep_ == "nsubj" and s.pos_ in ("NOUN", "PROPN") for s in c.children):
            return True  # 'said the agent told her', 'told reporters a worker had said'
        if c.dep_ == "ccomp" and is_speech(c) and any(a.dep_ == "agent" and any(
                o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN") for o in a.children) for a in c.children):
            return True  # 'said she was told by an agent'
        if c.dep_ == "dobj" and c.tag_ == "VBG" and any(g.dep_ in ("compound", "nsubj") and _a_person(g)
                                                        for g in c.children):
            return True  # 'recalled an agent shouting', read as one noun
        if c.dep_ in ("advcl", "acl") and c.tag_ == "VBG" and c.lemma_.lower() in QUOTING:
            return True  # ', quoting a worker', 'Okonkwo, quoting a worker, said:'
        if c.dep_ in ("advcl", "acl") and c.tag_ == "VBG" and c.lemma_.lower() in ("read", "repeat") \
                and _someone_elses(c):
            return True  # ', reading from the sheriff's letter', ', repeating her neighbor's words'
    return False


def said_by_the_person_before(participle) -> bool:
    """'a video of the mayor saying', 'recalled the mayor telling her': the participle follows, with no
    comma, a person named in an 'of' phrase or as the object of the verb it hangs on, who is its subject."""
    if participle.tag_ != "VBG" or participle.i == 0:
        return False
    if after_others_comment(participle) or after_a_reaction(participle):
        return True  # ', a view the White House rejected, saying', 'drew criticism from DHS, saying' (others_comments)
    before = participle.doc[participle.i - 1]
    return (before.dep_ == "pobj" and before.head.lower_ == "of"
            or before.dep_ == "dobj" and before.head.i == participle.head.i) and _a_person(before)


def _someone_elses(participle) -> bool:
    return any(t.tag_ == "POS" or t.dep_ == "poss" and t.lower_ not in OWN or _a_person(t)
               for t in participle.subtree if t.i > participle.i)


def _a_person(token) -> bool:
    return (token.ent_type_ == "PERSON" or token.pos_ == "PROPN"
            or (token.lower_ in ("him", "her", "them") and token.dep_ != "poss")
            or (token.pos_ == "NOUN" and lp.is_person_noun(token.lower_)))


def quoted_person(gerund):
    """The token for the one 'saying' is quoted of, after 'as' on the verb 'quote' or 'cite': the
    verb's object, or its passive subject; None otherwise (SpeechGrammar.subject asks)."""
    prep = gerund.head
    if gerund.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ != "as" \
            or prep.head.lemma_.lower() not in ("quote", "cite"):
        return None
    if any(c.dep_ == "neg" or c.lower_ in ("never", "not") for c in prep.head.children):
        return None  # 'was never quoted as saying': no words given
    doc = gerund.doc
    if gerund.i + 2 >= len(doc) or doc[gerund.i + 1].text not in (",", ":") or not doc[gerund.i + 2].is_quote:
        return None  # only her own words in marks after it: 'was quoted as saying the raid was "..."' is hearsay
    people = [c for c in prep.head.children if c.dep_ in ("dobj", "nsubjpass")]
    return people[0] if len(people) == 1 else None
