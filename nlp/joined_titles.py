"""Two titles joined before one name: 'Company president and CEO Jose Munoz delivered these comments
during a public appearance, ...' (heldout75 tw01). The parser makes the first title, 'president', the
subject and hangs the name as its conjunct, so the leader looked like someone beside the subject and
the next paragraph's '"...," he said' had no antecedent. Both titles are the one person's: the name
stands where the first title stands.

Read on the parse, strictly: the name is a `conj` joined by 'and' to an executive title
(president, CEO, founder, owner, chairman, ...) that has nothing of its own but compound words
before it ('Company', 'Hyundai') and that 'and' (no determiner, possessive, appositive, clause or
other conjunct), and the name carries an executive title of its own ('CEO Jose Munoz'). 'Bakery
president and Mara Okonkwo', 'The president and CEO Mara Okonkwo', 'Bakery chef and CEO Mara
Okonkwo', 'president or CEO Mara Okonkwo' stay two people, or doubt (tests/nlp/test_attribution_round51.py).
"""
from __future__ import annotations

EXECUTIVE_TITLES = frozenset({"president", "ceo", "chairman", "chairwoman", "chair", "founder", "co-founder",
                              "cofounder", "owner", "co-owner", "director", "cto", "cfo", "coo"})


def name_head(token):
    """The token the sentence hangs the whole name on: up its compounds, appositions and flat parts,
    then past a title joined before it ('president and CEO Jose Munoz' stands where 'president' does)."""
    node = token
    while node.dep_ in ("compound", "appos", "flat") and node.head.i != node.i:
        node = node.head
    return _first_title(node) or node


def _first_title(name):
    """The title a name is joined to as a second title of the same person, else None."""
    title = name.head
    if name.dep_ != "conj" or title.i == name.i or title.lower_ not in EXECUTIVE_TITLES:
        return None
    if not any(c.dep_ == "compound" and c.lower_ in EXECUTIVE_TITLES for c in name.children):
        return None  # 'the mayor and Mara Okonkwo': two people
    for child in title.children:
        if child.i == name.i or child.dep_ == "cc" and child.lower_ == "and":
            continue
        if child.dep_ != "compound":
            return None  # a determiner, a possessive, an appositive, a clause or another conjunct of its own
    return title


def joined_name(title):
    """The name joined to a title as the same person's second title ('president' in 'president and
    CEO Jose Munoz': 'Munoz'), else None."""
    return next((c for c in title.children if c.dep_ == "conj" and getattr(_first_title(c), "i", -1) == title.i), None)
