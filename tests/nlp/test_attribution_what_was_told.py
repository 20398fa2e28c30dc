"""'told officials the insistence that fans go home ... was ...': with two objects, the second is
what was told, and a that-clause hung on it is that thing's content, not her words
(nlp/paraphrase._misattached_clause; 'reassured staff that ...', the clause on who was told, stays
hers). Found at look 2 of heldout91 (um06: a misparse gave the leader the inner clause of what she
told). FICTIONAL leaders and sentences; the must-never fails without the check.
"""

TWO_OBJECTS = ("Mara Okonkwo told board members the city's insistence that crews go home after the storm "
               "was in line with other cities' rules.")


def test_a_clause_on_what_was_told_is_not_her_words(finder, said):
    assert not any(w.startswith("crews go home") for w in said.by(finder, TWO_OBJECTS)), said.by(finder, TWO_OBJECTS)


def test_a_clause_on_who_was_told_stays_hers(finder, said):
    text = "Mara Okonkwo reassured staff that no one would lose their job over the raids."
    assert "no one would lose their job over the raids" in said.by(finder, text)
