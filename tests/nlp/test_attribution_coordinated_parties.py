"""Words of two or more are no one person's (issue 11's must-never), FICTIONAL sentences
(tests/nlp/conftest.py's Mara Okonkwo and Tomas Reyna, with an invented mayor, lawyer and Linda Chow).

Round 48 found two subjects that gave a pair's words to her alone (nlp/coordinated_parties.py):
- "The bakery's CEO, Mara Okonkwo and the mayor stated that ...": the parse hangs "and the mayor"
  on her name in apposition to the title; a person noun with its own article or possessor is
  another person, where a bare title in a list is her own ("founder and CEO");
- "Linda Chow, Mara Okonkwo, stated that ...": another person's name, set off by a comma, with hers
  in apposition; which of them spoke is in doubt.
The right forms beside them (her title with her name, a company's name parsed as a list of people)
stay hers."""
import pytest

CLAUSE = "the raids must end before the holidays"
QUOTE = "The raids must end before the holidays"


@pytest.mark.parametrize("text", [
    f"The bakery's CEO, Mara Okonkwo and the mayor stated that {CLAUSE}.",
    f"The bakery's CEO, Mara Okonkwo and her lawyer stated that {CLAUSE}.",
    f"Linda Chow, Mara Okonkwo, stated that {CLAUSE}.",
    f"Linda Chow, Mara Okonkwo, told reporters that {CLAUSE}.",
    f"“{QUOTE},” the bakery's CEO, Mara Okonkwo and the mayor said.",
    f"“{QUOTE},” said the bakery's CEO, Mara Okonkwo and the mayor.",
    f"“{QUOTE},” Linda Chow, Mara Okonkwo, said.",
])
def test_a_pairs_words_are_not_hers(finder, said, text):
    assert "mara-okonkwo" not in {leader for leader, _ in said(finder, text)}


@pytest.mark.parametrize("text, kind", [
    (f"The bakery's owner, Mara Okonkwo, stated that {CLAUSE}.", "paraphrase"),
    (f"Her friend, Mara Okonkwo, stated that {CLAUSE}.", "paraphrase"),
    (f"The bakery's founder and CEO, Mara Okonkwo, stated that {CLAUSE}.", "paraphrase"),
    (f"“{QUOTE},” said the bakery's CEO, Mara Okonkwo.", "quote"),
])
def test_her_own_titles_beside_her_name_keep_her_words(finder, said, text, kind):
    assert "mara-okonkwo" in {leader for leader, _ in said(finder, text, kind)}


def test_a_companys_name_parsed_as_a_list_of_people_keeps_her_words(finder, said):
    # heldout3 rc19's shape ("Ben & Jerry's co-founder Ben Cohen called for ..."): the first name of
    # the company is tagged a person, but no comma sets it off from hers.
    text = "Linda & Carl’s co-founder Mara Okonkwo called for the raids to be 'halted and reviewed' after the shooting."
    assert ("mara-okonkwo", "halted and reviewed") in said(finder, text, "quote")
