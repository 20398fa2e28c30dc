"""The everyday form of a listed first name names the leader (nlp/first_name_forms.py): 'Tony
Hollis' is Anthony Hollis, so his bare surname after it stays his. Found at look 2 of heldout93
(uo01: 'Tony Capuano' of Marriott, listed as Anthony Capuano, was read as another Capuano and his
quotes went to no one). FICTIONAL leaders and sentences; the keep-tests fail without the forms.
"""
import pytest

from onrecord.nlp.first_name_forms import everyday_names
from onrecord.nlp.quotes import QuoteFinder

HOLLIS = {"id": "anthony-hollis", "name": "Anthony Hollis", "aliases": ["Hollis"], "title": "CEO",
          "organization": "Brightwater Hotels"}
TEXT = ("It was a question Tony Hollis, CEO of Brightwater Hotels, was asked at a breakfast.\n\n"
        "\"We have a view of welcoming all,\" Hollis said.")


@pytest.fixture(scope="module")
def hollis():
    return QuoteFinder([HOLLIS])


def test_the_everyday_form_names_the_leader(hollis, said):
    assert said.by(hollis, TEXT, "anthony-hollis") == {"we have a view of welcoming all"}


def test_another_first_name_is_still_someone_else(hollis, said):
    other = TEXT.replace("Tony Hollis", "Gloria Hollis")
    assert said.by(hollis, other, "anthony-hollis") == set()


def test_a_form_two_leaders_could_go_by_is_neither_s():
    pair = [HOLLIS, {"id": "anthony-hollis-2", "name": "Anthony Hollis", "aliases": []}]
    assert "Tony Hollis" not in everyday_names(pair)


def test_a_listed_name_is_never_taken_as_a_form():
    listed = [HOLLIS, {"id": "tony-hollis", "name": "Tony Hollis", "aliases": []}]
    assert "Tony Hollis" not in everyday_names(listed)
