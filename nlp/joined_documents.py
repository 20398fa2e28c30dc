"""A participle on a document that a leader joined is the document's (guards 53, a red-team of
precision; FICTIONAL probes): 'Okonkwo added her name to a petition demanding "an end to the
raids."', '... added her signature to a letter urging "an immediate halt" ...'. SpeechGrammar.subject
reads a participle on a noun that names no one as the speech act's whose topic the noun is
('weighed in on the tragedy telling employees ...'); but when the verb gives its own object to the
noun ('added her name to a petition'), the noun is where she put her name, not the topic of words of
hers, and the petition's or letter's wording is the group's. Only 'to' with a direct object:
'wrote to the mayor's office urging ...' (no object) is left as it was."""

from __future__ import annotations


def to_a_document(noun, verb) -> bool:
    """noun is the object of a 'to' that hangs on verb, and verb has a direct object of its own."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "to" and prep.head.i == verb.i \
        and any(c.dep_ == "dobj" for c in verb.children)
