"""Her act as another tells it, in a tag set in the middle of the sentence (guards 55, a red-team of
precision; FICTIONAL probes): 'Okonkwo, the mayor said, had promised to pay legal fees.', 'Okonkwo,
workers said, had urged them to stay home.', 'Okonkwo, the mayor noted, has long argued that the
raids hurt business.' The parser hangs 'the mayor said' on her verb as a parenthetical (parataxis)
between her name and the verb: the sentence is the mayor's account of what she said, relayed
hearsay, as 'The mayor said Okonkwo had promised ...' is (speech_verbs.secondhand). Only reported
speech is dropped; a quote stays hers however the outlet came by it, the set's convention for
'according to the mayor, Okonkwo called the raids "a disgrace."'. 'The company, Okonkwo said,
would pay legal fees' (her own tag) is untouched: the tag's subject is the verb's."""
from __future__ import annotations


def anothers_parenthetical(verb, is_speech) -> bool:
    """A speech tag with its own subject, not verb's subject, stands between that subject and verb."""
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    for tag in (c for head in {node, verb} for c in head.children):
        if tag.dep_ != "parataxis" or not subject.i < tag.i < verb.i or not is_speech(tag):
            continue
        outer = next((c for c in tag.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if outer is not None and outer.lower_ != subject.lower_ \
                and not (outer.ent_id_ and outer.ent_id_ == subject.ent_id_):
            return True
    return False


def tag_on_a_named_subject(pronoun) -> bool:
    """'Okonkwo, she said, had promised to pay legal fees.': the pronoun of a parenthetical tag set
    between a name and its verb is someone else telling of her, never the one named (who would be
    'she said she had ...'); so it resolves to no one (antecedents.resolve_pronoun)."""
    tag = pronoun.head
    if pronoun.dep_ != "nsubj" or tag.dep_ != "parataxis" or tag.head.i == tag.i:
        return False
    subject = next((c for c in tag.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.i < tag.i < tag.head.i \
        and (subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "LEADER"))
