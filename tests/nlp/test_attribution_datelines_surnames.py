"""Two misreadings the fresh batches heldout52 and heldout53 showed, each on a FICTIONAL article
(every person, company and place here is invented), with the counterpart the rules still read:
a summary above the story's dateline is the outlet's, not the leader's words, even as a full
sentence; and a bare surname the model tags as an organisation ('Varnell said ...' after
'attorney Linda Varnell') is still a person in view, so a later 'she said' is not given to the
leader named before her. (The finder is tests/nlp/conftest.py's, over its fictional Mara Okonkwo
and Tomas Reyna.)"""

import pytest

from onrecord.nlp.quote_candidates import _DATELINE

# --- a summary above the dateline ------------------------------------------------------------------

STORY = ("Northvale bakeries brace for the Guard\n\n"
         "Lumenfold owner Mara Okonkwo said she believes the Guard could bring people downtown and keep them safe.\n\n"
         "{dateline} The Guard is set to patrol Northvale on Friday. Some owners wonder how it will go.\n\n"
         "Mara Okonkwo, owner of Lumenfold, said the bakery has struggled for two years.")


@pytest.mark.parametrize("dateline", [
    "NORTHVALE, Tenn. —", "NORTHVALE (WXNV) --", "NORTHVALE, Tenn. (Gray News) -", "LAKE NORTHVALE –"])
def test_a_summary_above_the_dateline_is_not_her_words(finder, said, dateline):
    pairs = said(finder, STORY.format(dateline=dateline), "paraphrase")
    assert not any("guard could bring" in words for _who, words in pairs)
    assert ("mara-okonkwo", "the bakery has struggled for two years") in pairs


def test_the_same_sentence_in_the_story_is_still_her_words(finder, said):
    # no dateline: the paragraph is the story's first, and her report stands
    pairs = said(finder, STORY.format(dateline="In Northvale,"), "paraphrase")
    assert any(who == "mara-okonkwo" and "guard could bring" in words for who, words in pairs)


@pytest.mark.parametrize("opening", [
    "FILE - A Guard truck in Northvale.",       # an AP photo caption, not a dateline
    "Northvale, Tenn. — The Guard is set.",      # the place not in capitals
    "NORTHVALE The Guard is set.",               # no dash
    "I — for one — welcome it.",                 # a single capital
])
def test_what_is_no_dateline(opening):
    assert not _DATELINE.match(opening)


def test_a_quote_above_the_dateline_is_no_ones_words(finder, said):
    text = ("“We can get through this,” Mara Okonkwo said of the Guard.\n\n"
            "NORTHVALE, Tenn. — The Guard is set to patrol Northvale on Friday.\n\n"
            "“We will stay open,” Okonkwo said.")
    assert said(finder, text, "quote") == {("mara-okonkwo", "we will stay open")}


# --- a surname the model reads as an organisation ----------------------------------------------------

def attorney(name: str) -> str:
    surname = name.split()[1]
    return (f"Mara Okonkwo immediately called civil rights attorney {name} and asked her to meet her at the bakery.\n\n"
            f"{surname} said the agents did not have a warrant, which is not required to enter a shop's public area. "
            "Under an audit, a business has three days to show its papers, she said.")


@pytest.mark.parametrize("name", ["Linda Varnell", "Carla Brenneck", "Lena Marsch"])
def test_the_attorneys_she_said_is_not_given_to_the_leader(finder, said, name):
    # the model tags the bare surname an organisation here; the attorney is still the one speaking
    assert not any("three days" in words for _who, words in said(finder, attorney(name)))


def test_her_own_she_said_after_her_own_report_is_still_hers(finder, said):
    text = ("Mara Okonkwo immediately called her lawyer.\n\n"
            "Okonkwo said the agents did not have a warrant. "
            "Under an audit, a business has three days to show its papers, she said.")
    assert any(who == "mara-okonkwo" and "three days" in words for who, words in said(finder, text, "paraphrase"))
