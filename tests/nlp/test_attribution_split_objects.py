"""A reported clause the parser split into two objects of one verb (FICTIONAL sentences, tests/nlp/
conftest.py's Mara Okonkwo). In heldout38 'who noted the employers she works with span the ...
sectors' was cut at 'span', which the parser read as a noun, leaving 'the manufacturing, ...
sectors' as a second object of 'noted'. One verb takes one object, so the clause runs to the last."""

from onrecord.nlp.quotes import normalize_quote

QUOTE = "“The raids emptied the fields,” said "
SECTORS = "span the manufacturing, agriculture, health care, hospitality, housing, and construction sectors"


def test_a_clause_split_into_two_objects_is_read_whole(finder, said):
    text = f"{QUOTE}Lumenfold CEO Mara Okonkwo, who noted the employers she works with {SECTORS}."
    assert ("mara-okonkwo", normalize_quote(f"noted the employers she works with {SECTORS}")) in said(finder, text, "paraphrase")


def test_the_same_clause_in_an_officials_relative_is_no_ones(finder, said):
    text = f"{QUOTE}Mayor Linda Chow, who noted the employers Okonkwo works with {SECTORS}."
    assert said(finder, text) == set()
