"""A listed surname that is one half of someone else's hyphenated surname ("Lucia Ortega-Reyna" when
Tomas Reyna is listed) names that other person: her words never go to the leader
(nlp/hyphenated_names.py). A leader's own hyphenated name still finds his words. FICTIONAL people."""
import pytest

from onrecord.nlp.quotes import QuoteFinder


CAR_WASH = ("Worker let go after woman intervenes during immigration raid at Eastmere car wash\n\n"
            "{name}\nBy Ana Perez\n"
            "EASTMERE (KXYZ) — A woman is speaking out after she intervened during an immigration raid at an "
            "Eastmere car wash.\n"
            "Delia Marquez was washing her car Sunday afternoon when she says masked men ran into Sudsy Hand Car Wash.\n"
            "{name}, the car wash owner’s son, said he wasn’t given any warrants. He also questioned the men, "
            "many of whom were wearing vests.\n"
            "“This happened in like three minutes… It was like a takeover. I was basically screaming that what "
            "they’re doing was illegal,” he said. “You can’t be doing what you’re doing.”\n"
            "{surname} described seeing them dressed in ballistic vests.\n")


@pytest.mark.parametrize("name, surname", [("Rafael Tomasz Ortega-Reyna", "Ortega-Reyna"),
                                           ("Lucia Ortega-Reyna", "Ortega-Reyna")])
def test_never_the_words_of_someone_whose_surname_ends_in_the_leaders(finder, said, name, surname):
    # The first fails without the guard: the small model tags 'Rafael Tomasz' a person and leaves
    # 'Ortega-Reyna' to the leader's alias, as it did with a real car-wash owner's son (heldout30).
    text = CAR_WASH.format(name=name, surname=surname)
    assert not [pair for pair in said(finder, text) if pair[0] == "tomas-reyna"]


def test_never_the_words_of_someone_whose_surname_starts_with_the_leaders(finder, said):
    text = "“We closed the kitchen for the day,” Lucia Reyna-Ortega said on Monday."
    assert not [pair for pair in said(finder, text) if pair[0] == "tomas-reyna"]


def test_the_leaders_own_words_beside_a_hyphenated_namesake(finder, said):
    text = ("Tomas Reyna owns Reyna Roofing in Eastmere.\n\n"
            "“We lost half a crew in one morning,” Reyna said.")
    assert ("tomas-reyna", "we lost half a crew in one morning") in said(finder, text, "quote")


@pytest.fixture(scope="module")
def hyphenated():
    return QuoteFinder([{"id": "ana-koenig-herndon", "name": "Ana Koenig-Herndon", "aliases": ["Koenig-Herndon"],
                         "title": "owner", "organization": "Tidewater Bakery"}])


def test_a_leaders_own_hyphenated_name_finds_her_words(hyphenated, said):
    text = ("Ana Koenig-Herndon owns Tidewater Bakery.\n\n"
            "“We closed early because nobody came in,” Koenig-Herndon said.")
    assert said(hyphenated, text, "quote") == {("ana-koenig-herndon", "we closed early because nobody came in")}
