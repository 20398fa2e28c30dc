"""A participle on a document that a leader joined is the document's (guards 53, a red-team of
precision; FICTIONAL probes): 'Okonkwo added her name to a petition demanding "an end to the
raids."', '... added her signature to a letter urging "an immediate halt" ...'. SpeechGrammar.subject
reads a participle on a noun that names no one as the speech act's whose topic the noun is
('weighed in on the tragedy telling employees ...'); but when the verb gives its own object to the
noun ('added her name to a petition'), the noun is where she put her name, not the topic of words of
hers, and the petition's or letter's wording is the group's. Only 'to' with a direct object:
'wrote to the mayor's office urging ...' (no object) is left as it was.

So for a quote inside such a noun's phrase with no participle (guards 54, FICTIONAL probes;
`inside_what_she_joined`): 'added her voice to the calls for "an end to the raids."', 'added her
name to a petition for "a full investigation."': the calls and the petition are others' words (the
noun names no person: 'wrote a letter to the mayor calling for "..."' is left as it was).
"""

from __future__ import annotations

from onrecord.nlp import leader_patterns as lp


def to_a_document(noun, verb) -> bool:
    """noun is the object of a 'to' that hangs on verb, and verb has a direct object of its own."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "to" and prep.head.i == verb.i \
        and any(c.dep_ == "dobj" for c in verb.children)


def inside_what_she_joined(tokens, verb) -> bool:
    """tokens (an embedded quote) hang, through a noun that names no person, on a 'to' of verb
    that has a direct object of its own outside them ('added her voice to the calls for "..."')."""
    inside = {t.i for t in tokens}
    node = next((t for t in tokens if t.head.i not in inside), None)
    for _ in range(8):
        if node is None or node.i == verb.i or node.head.i == node.i:
            return False
        if node.dep_ == "pobj" and node.pos_ == "NOUN" and node.i not in inside and node.ent_type_ != "PERSON" \
                and not lp.is_person_noun(node.lower_) and to_a_document(node, verb) \
                and any(c.dep_ == "dobj" and c.i not in inside for c in verb.children):
            return True
        node = node.head
    return False
