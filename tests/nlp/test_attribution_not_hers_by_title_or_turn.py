"""Two forms round 34's must-never hunt found giving a leader words that are not hers. FICTIONAL people.

- A title that is not the one she holds now: "Lumenfold's former (interim, incoming, deputy) chief
  executive said", or her title set beside another person's name ("Lumenfold's chief executive, Ian
  Cole, said", "the owner of Reyna Roofing, Luis Reyna"): the watchlist's title is out of date, or
  a namesake holds it (leader_titles.Titles.by_title).
- A leader's words relayed inside someone else's turn of a transcript ("CHOW: Okonkwo told me,
  '...'", "Q: Reyna said last week that ..."): the turn's speaker's account, as a quote inside
  another's quote is (transcripts.turns).
Her own words in the nearest forms stay hers."""
import pytest

from onrecord.nlp.quotes import normalize_quote


@pytest.mark.parametrize("text", [
    "“We comply with every law,” said the former Lumenfold chief executive.",
    "“We comply with every law,” Lumenfold’s former chief executive said.",
    "“We comply with every law,” said Lumenfold’s interim chief executive.",
    "“We comply with every law,” said Lumenfold’s incoming chief executive.",
    "“We comply with every law,” said Lumenfold’s deputy chief executive.",
    "Lumenfold’s former chief executive said the company complies with every law.",
    "“We comply with every law,” Lumenfold’s chief executive, Ian Cole, said.",
    "“We comply with every law,” Lumenfold’s new chief executive, Ian Cole, said.",
    "“We comply with every law,” said the former chief executive of Lumenfold, John Harlow.",
    "Lumenfold’s chief executive, Ian Cole, said the company complies with every law.",
    "“We comply with every law,” said the owner of Reyna Roofing, Luis Reyna.",
    "The owner of Reyna Roofing, Luis Reyna, said: “We comply with every law.”",
])
def test_never_a_title_she_does_not_hold_now(finder, said, text):
    assert not said(finder, text)


@pytest.mark.parametrize("text", [
    "INTERVIEWER: Okonkwo says the raids are fine. Do you agree?\nCHOW: No. The raids are cruel.",
    "MAYOR CHOW: Okonkwo told me the raids must end.\nHOST: Did she say that publicly?",
    "Q: Reyna said last week that the raids hurt his crews. Is that true?\nA: I can’t speak for him.",
    "HOST: Welcome back.\nCHOW: Okonkwo told me, “The raids must end.”\nHOST: Did she say that publicly?",
    "HOST: Welcome back.\nCHOW: “The raids must end,” Okonkwo told me.\nHOST: Did she say that publicly?",
    "Q: Okonkwo said, “The raids must end.” Do you agree?\nA: No.",
])
def test_never_her_words_relayed_in_anothers_turn(finder, said, text):
    assert not said(finder, text)


def test_not_even_beside_her_own_turn(finder, said):
    text = "Linda Chow: Okonkwo called the raids necessary last week.\nMara Okonkwo: That is not what I said."
    assert said(finder, text) == {("mara-okonkwo", normalize_quote("That is not what I said."))}


@pytest.mark.parametrize("text, words, kind", [
    ("“We comply with every law,” Lumenfold’s chief executive said.", "We comply with every law", "quote"),
    ("“We comply with every law,” Lumenfold’s chief executive, Mara Okonkwo, said.", "We comply with every law",
     "quote"),
    ("Lumenfold’s chief executive said the company complies with every law.", "the company complies with every law",
     "paraphrase"),
    ("“We comply with every law,” said the owner of Reyna Roofing.", "We comply with every law", "quote"),
    # a role referring back to the leader just named is hers, whatever its standing
    ("Okonkwo, who ran Lumenfold until 2019, spoke on Tuesday. “We need calm,” the former chief executive said.",
     "We need calm", "quote"),
    ("HOST: Our guest is Mara Okonkwo.\nOKONKWO: Thank you. The raids must end.\nHOST: Thank you.",
     "Thank you. The raids must end.", "quote"),
    ("UPDATE: Okonkwo said Tuesday that the plant would close.", "the plant would close", "paraphrase"),
])
def test_her_own_words_stay_hers(finder, said, text, words, kind):
    leader = "tomas-reyna" if "Reyna" in text else "mara-okonkwo"
    assert (leader, normalize_quote(words)) in said(finder, text, kind)
