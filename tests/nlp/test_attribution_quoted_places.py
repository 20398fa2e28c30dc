"""A quoted name set off after a place in the tag is nobody's words (look 2 of heldout96 to
heldout100: '"...," said Escaray, 37, in one of his restaurants, "Sabor Venezolano."', heldout100
uv04, gave him the restaurant's name as a quote). FICTIONAL sentences only. Without
place_names.names_the_place in either rule that asks it, both must-nevers fail (refused by the direct
rule alone, the name is taken as her next quote by the continuation rule)."""
import pytest

LOST_COOKS = '"We lost half our cooks in a week," said Okonkwo'


@pytest.mark.parametrize("text, name", [
    (f"{LOST_COOKS}, 52, in one of her bakeries, \u201cSweet Crumbs.\u201d", "Sweet Crumbs."),
    (f'"We lost half our cooks," Okonkwo said in her shop, "The Golden Spoon," on Friday.', "The Golden Spoon"),
])
def test_a_place_named_in_quote_marks_is_no_one_s_words(finder, said, text, name):
    assert not said.to(finder, text, name)
    assert said.by(finder, text) and all("cooks" in words for words in said.by(finder, text))


@pytest.mark.parametrize("text, words", [
    (f'{LOST_COOKS}, 52, at her bakery, "Nobody is coming back."', "Nobody is coming back."),
    (f'{LOST_COOKS}, "Never Again."', "Never Again."),
    (f'{LOST_COOKS}, the chief executive, "Never Again."', "Never Again."),
    (f'{LOST_COOKS} at her bakery. "Never Again."', "Never Again."),
])
def test_her_next_quote_after_the_tag_stays_hers(finder, said, text, words):
    assert said.to(finder, text, words) == {"mara-okonkwo"}
