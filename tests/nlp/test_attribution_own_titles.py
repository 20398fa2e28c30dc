"""A leader's own title before her full name is no other person's first name (round 25; 'Chef Sean
Sherman', heldout23's look 2): the small model reads 'Chef Rosa Okafor' as one person, and a
capitalised word in that span outside her name marked a namesake, so nothing in the article was hers.
Only the words of her entry's title and organisation, in an unbroken run right before her full name,
are excused. All people and places here are FICTIONAL."""
import pytest

from onrecord.nlp.quotes import QuoteFinder

OKAFOR = [{"id": "rosa-okafor", "name": "Rosa Okafor", "aliases": ["Okafor"], "title": "Chef and owner",
           "organization": "Brasa Norte"}]
STORY = ("{opening} knows all too well what the raids have done to the fictional town of Eastmere.\n\n"
         "One of her cooks was detained this week outside her restaurant.\n\n"
         "“One of our cooks was driving two dishwashers home,” she said. “They stopped the car and took him.”\n\n"
         "“They are looking for anybody who looks foreign,” Okafor said.")
HERS = {("rosa-okafor", "one of our cooks was driving two dishwashers home"),
        ("rosa-okafor", "they stopped the car and took him"),
        ("rosa-okafor", "they are looking for anybody who looks foreign")}


@pytest.fixture(scope="module")
def finder():
    return QuoteFinder(OKAFOR)


@pytest.mark.parametrize("opening", ["Chef Rosa Okafor", "In Eastmere, Chef Rosa Okafor"])
def test_her_own_title_before_her_full_name(finder, said, opening):
    assert said(finder, STORY.format(opening=opening), "quote") == HERS


def test_another_first_name_after_her_title_is_a_namesake(finder, said):
    # 'Chef Dana Okafor' is someone else with her surname: 'Okafor said' is in doubt
    assert said(finder, STORY.format(opening="Chef Dana Okafor")) == set()


def test_a_title_she_does_not_have_still_marks_another_person(finder, said):
    assert said(finder, STORY.format(opening="In Eastmere, Sheriff Rosa Okafor")) == set()


def test_named_with_her_title_as_a_guest_gives_her_no_one_elses_words(finder, said):
    text = ("Chef Rosa Okafor was among the guests at the fictional Eastmere harvest dinner.\n\n"
            "“We will not back down,” the governor said. “Not one inch.”")
    assert said(finder, text) == set()
