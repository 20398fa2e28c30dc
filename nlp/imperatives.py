"""A sentence that opens with a bare verb and has no subject speaks to the reader: 'Send a direct message
to CEO Daniel Ek demanding Spotify drop ICE recruitment ads ...' (heldout75 tw06, an advocacy email).
What it asks for is the reader's to say, and the leader named in it is its addressee, never the
speaker, whatever the parse hangs on the name ('Ek' read as the subject of 'demanding')."""
from __future__ import annotations


def addresses_the_reader(sent) -> bool:
    """True when the sentence's root is a bare verb (VB) that opens it, with no subject of its own."""
    root = sent.root
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if root.tag_ != "VB" or not words or words[0].i != root.i:
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in root.children)
