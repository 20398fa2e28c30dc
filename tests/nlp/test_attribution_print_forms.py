"""How quotes reach the page on real websites, each on a FICTIONAL sentence: guillemets, mixed
and doubled marks, link labels left by text extraction, a tag printed twice, inverted tags the
small model misparses. What a careful reader attributes, and where no words may go. Every person
and company here is invented."""

import pytest

from onrecord.nlp.quotes import QuoteFinder, normalize_quote

LEADERS = [
    {"id": "mara-okonkwo", "name": "Mara Okonkwo", "aliases": ["Okonkwo"], "title": "Chief Executive",
     "organization": "Lumenfold"},
    {"id": "ana-ruiz", "name": "Ana Ruiz", "aliases": ["Ruiz"], "title": "owner", "organization": "Casa Verde"},
]


@pytest.fixture(scope="module")
def finder():
    return QuoteFinder(LEADERS)


QUOTED = [
    ('Okonkwo said: «We will not comply with these raids.»',
     'We will not comply with these raids.'),
    ('«We will not comply,» Okonkwo said in a statement.',
     'We will not comply'),
    ('“My question is: why us?" Okonkwo said. “We do everything by the book.”',
     'My question is: why us?'),
    ('“My question is: why us?" Okonkwo said. “We do everything by the book.”',
     'We do everything by the book.'),
    ('“We had no warning," she said. Okonkwo runs Lumenfold.',
     None),  # (no one named before "she": nothing, see NOBODY)
    ('“There was finally a sense of calm,’’ said Okonkwo, whose company employs 300 people.',
     'There was finally a sense of calm'),
    ('Suddenly, agents seemed to be everywhere. “We saw agents on farms, pointing rifles at cows, and removing '
     'half the workforce,’’ said Ruiz, whose restaurant employs 40 people and supports increased legal '
     'immigration.',
     'We saw agents on farms, pointing rifles at cows, and removing half the workforce'),
    ('Okonkwo stated that: «We realize this is a sensitive topic,» stated Mara Okonkwo, CEO of Lumenfold.',
     'We realize this is a sensitive topic'),
    ('Ruiz later apologized, saying she “sincerely regret[ted] (opens in new tab)” the remarks.',
     'sincerely regret[ted]'),
]


@pytest.mark.parametrize("text,words", [q for q in QUOTED if q[1]], ids=[f"quoted-{i}" for i, q in
                                                                          enumerate(QUOTED) if q[1]])
def test_the_quote_is_found(finder, text, words):
    found = [normalize_quote(q.quote) for q in finder.find(text) if q.kind == "quote"]
    assert normalize_quote(words) in found, found


NOBODY = [
    '“We had no warning," she said. Okonkwo runs Lumenfold.',
    'Okonkwo stated that: «We will act,» stated the mayor.',
    '«Okonkwo has been silent,» the senator said.',
    '“She should resign,’’ said Dale Murrow, a union leader, of Okonkwo.',
]


@pytest.mark.parametrize("text", NOBODY, ids=[f"nobody-{i}" for i in range(len(NOBODY))])
def test_no_words_for_anyone_listed(finder, text):
    assert finder.find(text) == []


def test_link_labels_are_not_words(finder):
    """'(opens in new tab)' is a screen reader's label of a link, not the article's words."""
    text = 'Okonkwo told the “Riverton Ledger” (opens in new tab) that she was “shocked” by the raid.'
    found = finder.find(text)
    assert found and all("opens in new tab" not in q.quote and "opens in new tab" not in q.context for q in found)
