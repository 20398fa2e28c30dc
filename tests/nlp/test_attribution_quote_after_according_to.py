"""A paragraph that is only a quote, right after a paragraph ending in what one leader reports by
'according to' ('This commitment to belief, according to Mabrey, is essential ...' then '"Belief
is required because ..."', heldout11's rk17), is that leader going on (nlp/after_according_to.py,
round 34), as it already is after 'Okonkwo said ...'.
Not when someone else is in view there, the quote names anyone, or either paragraph is a blockquote.
FICTIONAL people."""
import pytest

QUOTE = "\n“We will not hire anyone until the raids stop.”"


@pytest.mark.parametrize("text", [
    "The plant will stay closed, according to Okonkwo, but the mayor disagreed." + QUOTE,
    "The plant will stay closed, according to Okonkwo, who spoke after Sheriff Dale Murrow." + QUOTE,
    "The plant will stay closed, according to Okonkwo, whose workers walked out." + QUOTE,
    "The plant will stay closed, according to Okonkwo.\n“Okonkwo is wrong about the raids.”",
    "The plant will stay closed, according to Okonkwo.\n“Mayor Linda Chow has let us down.”",
    "The plant will stay closed, according to Okonkwo.\n> “We will not hire anyone until the raids stop.”",
    "According to Okonkwo, the sheriff told the workers to leave." + QUOTE,
    "The plant will stay closed, according to a person close to Okonkwo." + QUOTE,
    "The plant will stay closed, according to Okonkwo’s lawyer." + QUOTE,
    "The plant will stay closed, according to Okonkwo. The sheriff declined to comment." + QUOTE,
])
def test_never_the_quote_when_it_may_be_someone_elses(finder, said, text):
    assert not said(finder, text, "quote")


@pytest.mark.parametrize("text", [
    "The plant will stay closed, according to Okonkwo." + QUOTE,
    "According to Okonkwo, the plant will stay closed until March." + QUOTE,
])
def test_the_quote_after_her_report_is_hers(finder, said, text):
    from onrecord.nlp.quotes import normalize_quote

    assert ("mara-okonkwo", normalize_quote(QUOTE.strip())) in said(finder, text, "quote")
