"""A role of the leader's own company opening a wire story, before the name (round 26; heldout24's
'The incoming CEO of Minneapolis-based Target told employees on Monday that "..."', then '"...," said
<the incoming CEO>, who becomes CEO on February 1'). When two listed leaders hold that title at that
company (the outgoing one and the incoming one), the role names neither alone, and the next sentence
naming one of them in full, with the title and the same standing, tells which. A different standing
('outgoing CEO X' after 'the incoming CEO'), a spokesperson, a union's chief or both leaders named
keep the words nobody's. All people and companies here are FICTIONAL."""
import pytest

from onrecord.nlp.quotes import QuoteFinder, normalize_quote

TWO_CEOS = [
    {"id": "mara-okonkwo", "name": "Mara Okonkwo", "aliases": ["Okonkwo"], "title": "CEO", "organization": "Lumenfold"},
    {"id": "dana-whitcombe", "name": "Dana Whitcombe", "aliases": ["Whitcombe"], "title": "CEO",
     "organization": "Lumenfold"},
]
LEDE = ('EASTMERE, Jan 26 (Wire) – The {role} told employees on Monday that “the loss of life is painful” after '
        'agents shot a protester in the fictional town of Eastmere.\n')
WORDS = normalize_quote("the loss of life is painful")


@pytest.fixture(scope="module")
def finder():
    return QuoteFinder(TWO_CEOS)


@pytest.mark.parametrize("role", ["incoming CEO of Eastmere-based Lumenfold", "incoming CEO of Lumenfold"])
def test_the_role_goes_to_the_one_named_next_with_her_title(finder, said, role):
    text = LEDE.format(role=role) + ('“As someone raising a family here, I want to acknowledge where we are,” said '
                                     'Mara Okonkwo, who becomes CEO on February 1, in a video address to staff.')
    assert ("mara-okonkwo", WORDS) in said(finder, text, "quote")
    assert not [w for lid, w in said(finder, text) if lid == "dana-whitcombe"]


NOBODYS = [
    # the next one named has another standing: the outgoing CEO is not the incoming one
    ("incoming CEO of Lumenfold", '“We are a hometown company,” said outgoing CEO Dana Whitcombe, in a letter.'),
    ("CEO of Lumenfold", '“We are a hometown company,” said former CEO Dana Whitcombe, in a letter.'),
    # the next one named is no leader: a spokesperson's words say nothing of who the CEO is
    ("incoming CEO of Lumenfold", '“We are a hometown company,” said Rosa Delgado, a Lumenfold spokesperson.'),
    # both leaders named next: still in doubt
    ("CEO of Lumenfold", 'Mara Okonkwo and Dana Whitcombe did not respond to requests for comment.'),
    # another organisation's chief, though a leader of Lumenfold speaks next
    ("CEO of the Lumenfold workers' union", '“We are a hometown company,” said Mara Okonkwo, CEO of Lumenfold.'),
    # named next without the title
    ("incoming CEO of Lumenfold", '“We are a hometown company,” said Mara Okonkwo, a mother of two.'),
]


@pytest.mark.parametrize("role,after", NOBODYS, ids=[f"nobodys-{i}" for i in range(len(NOBODYS))])
def test_the_role_names_no_one_on_doubt(finder, said, role, after):
    assert not [w for _lid, w in said(finder, LEDE.format(role=role) + after) if "loss of life" in w]
