"""A quote with a tag of its own is never a continuation of the quote before it (found while writing
round 28's tests: '"We are open," Okonkwo said. "Nobody came," the sheriff said.' gave the sheriff's
words to her). All people here are FICTIONAL."""
import pytest


@pytest.mark.parametrize("tag", ["the sheriff said", "said the sheriff", "Sheriff Dan Pike said",
                                 "a deputy said, adding that the road was closed", "the fictional mayor told reporters"])
def test_the_next_speakers_quote_is_not_hers(finder, said, tag):
    text = f"“We are open,” Okonkwo said. “Nobody came to the fictional Eastmere shop,” {tag}."
    quotes = said(finder, text, "quote")
    assert ("mara-okonkwo", "we are open") in quotes
    assert not any(words.startswith("nobody came") for _who, words in quotes)


def test_an_untagged_quote_after_hers_still_continues_her(finder, said):
    text = "“We are open,” Okonkwo said. “Nobody came to the fictional Eastmere shop today.”"
    assert ("mara-okonkwo", "nobody came to the fictional eastmere shop today") in said(finder, text, "quote")


def test_her_own_pronoun_tag_on_the_next_quote_is_still_hers(finder, said):
    text = "“We are open,” Okonkwo said. “Nobody came to the fictional Eastmere shop,” she added."
    assert ("mara-okonkwo", "nobody came to the fictional eastmere shop") in said(finder, text, "quote")
