"""Round 52p of issue 11 (paraphrases), FICTIONAL sentences (tests/nlp/conftest.py's Mara Okonkwo
and Tomas Reyna, with an invented mayor, sheriff, union, Linda Chow and Carl Diaz). One general
reading of reported speech without quote marks that the paraphrase misses on the development
splits showed the parse can take, and one wrong form guarded:

- Verbs that report a position through a noun phrase (nlp/position_reports.py): 'Scardina slammed
  Trump's flagship deportation policy' (heldout7 rg16), 'Musk has denounced the violent protests ...'
  (heldout74 tv08), 'Karp has publicly pushed back against critics of immigration enforcement'
  (heldout5 re14), 'He also raised concerns about a proposed temporary cap ...' and 'he took issue
  with the conduct of ...' (heldout5 re05); also 'lamented', 'decried', 'blasted', 'condemned <NP>',
  'spoke out against', 'took aim at'. Frames of Paraphrases.reported as 'defended <NP>' is, so every
  guard of the judgements holds (the verb's own subject resolved to one leader, not negated, not
  second-hand, not long held, no headline, no one else's words inside); and their own
  (position_reports.states_no_position): the verb finite, perfect or a participle on a clause
  ('waiting for Reyna to denounce ...', 'It is time for her to denounce ...' report none of her
  words); no 'all' or 'both' and no plural verb after a name (a list the parser hung as an aside:
  'Hoffman, DeepMind's Jeff Dean, and Signal President Meredith Whittaker have all condemned ICE's
  actions', heldout ra23, Hoffman only mentioned); no wh-phrase ('took issue with how enforcement is
  being handled', dev ra35: what it was about); no quoted judgement after 'as' (the quote rules'); and
  the phrase two content words or more that are no person ('slammed Linda Chow and the mayor',
  'slammed the legislation' say nothing of what she said).
- A telling participle on a leader's tag (nlp/tag_participles.py) whose object is one content word
  or none ('"...," Devora told LA TACO, describing the incident', heldout77 ty03) names what the
  words were about and is no paraphrase.

The nearest wrong forms (another's, a group's, an official's words in the same shape; a leader only
mentioned; a question put to her; a denial; a pronoun with another woman in view) stay no one's,
never hers. Checked by hand, each guard removed in turn: without the form check 'Employees are
waiting for Tomas Reyna to denounce ...' and 'It is time for Mara Okonkwo to denounce ...' go to
them; without the 'all'/'both' check '..., the bakers' guild and the union all condemned ...' goes to
her; without the plural-verb check '..., the bakers' guild and the union have condemned ...' and
'..., her sister and her husband have condemned ...' do; without the wh check 'took issue with how
the raids ... were handled' does; without the quoted-judgement check 'slammed the federal operation
as "lawless and cruel"' is given as a paraphrase too; without the person check of the content count
'slammed Linda Chow and the mayor' goes to her, without the count 'slammed the legislation' does;
without the participle's content check 'describing the incident' does. A passive check and a check
for a person joined to the subject, first written, were dropped: they held no must-never (the
grammar's subject and the mentions already refuse those). The negation, speaker, group and headline
guards are the rule's own, shared with 'defended'. The keep-tests fail on main; the must-nevers pass
on main but the participle's 'describing the incident', the wrong form this round mends."""
import pytest


BEFORE = "Bakers across the valley are worried about the raids.\n\n"
NAMED = "Bakers across the valley are worried about the raids. Mara Okonkwo runs a bakery on Main Street.\n\n"


@pytest.mark.parametrize("text, words", [
    (f"{BEFORE}Mara Okonkwo slammed the city's new curfew on street vendors.",
     "slammed the city's new curfew on street vendors"),
    (f"{BEFORE}Mara Okonkwo has denounced the raids on the bakeries of the east side.",
     "denounced the raids on the bakeries of the east side"),
    (f"{BEFORE}Okonkwo pushed back against critics of the bakery's hiring policy.",
     "pushed back against critics of the bakery's hiring policy"),
    (f"{BEFORE}Mara Okonkwo raised concerns about a proposed cap on seasonal work visas.",
     "raised concerns about a proposed cap on seasonal work visas"),
    (f"{BEFORE}Mara Okonkwo took aim at the county's new parking rules for delivery vans.",
     "took aim at the county's new parking rules for delivery vans"),
    (f"{BEFORE}Mara Okonkwo took issue with the conduct of the agents at the market.",
     "took issue with the conduct of the agents at the market"),
    (f"{BEFORE}Mara Okonkwo spoke out against the violence at the harbor last week.",
     "spoke out against the violence at the harbor"),
    (f"{BEFORE}Tomas Reyna lamented substantial financial losses at his roofing company.",
     "lamented substantial financial losses"),
    (f"{BEFORE}Tomas Reyna spoke to reporters on Monday, slamming the city's new curfew on street vendors.",
     "slamming the city's new curfew on street vendors"),
])
def test_keeps_a_reported_position(finder, said, text, words):
    leader = "tomas-reyna" if "Reyna" in text else "mara-okonkwo"
    assert leader in said.to(finder, text, words, "paraphrase")


@pytest.mark.parametrize("text", [
    # a person alone, a bare noun, a pronoun: no words of hers
    f"{BEFORE}Mara Okonkwo slammed Linda Chow and the mayor.",
    f"{BEFORE}Mara Okonkwo slammed the legislation.",
    f"{BEFORE}Mara Okonkwo denounced it on Monday.",
    f"{BEFORE}Mara Okonkwo pushed back against the sheriff.",
    # an aim, a demand, a refusal, a modal, a passive: no act of hers
    f"{BEFORE}The union urged Mara Okonkwo to denounce the raids on the bakeries of the east side.",
    f"{BEFORE}Workers demanded that Mara Okonkwo denounce the raids on the bakeries of the east side.",
    f"{BEFORE}Mara Okonkwo refused to condemn the raids on the bakeries of the east side.",
    f"{BEFORE}Mara Okonkwo should decry the raids on the bakeries of the east side.",
    f"{BEFORE}Mara Okonkwo took to social media to denounce the raids on the bakeries of the east side.",
    f"{BEFORE}Employees are demanding CEO Mara Okonkwo denounce recent actions by agents at the bakery.",
    f"{BEFORE}Employees are waiting for Tomas Reyna to denounce the raids on the bakeries of the east side.",
    f"{BEFORE}It is time for Mara Okonkwo to denounce the raids on the bakeries of the east side.",
    f"{BEFORE}Mara Okonkwo was slammed for the city's new curfew on street vendors.",
    # what it was about (a wh-phrase), not what she said
    f"{BEFORE}Mara Okonkwo took issue with how the raids on the bakeries were handled.",
    # negated, asked, a denial
    f"{BEFORE}Mara Okonkwo did not condemn the raids on the bakeries of the east side.",
    f"{BEFORE}Mara Okonkwo was asked whether she had slammed the new curfew on street vendors.",
    f"{BEFORE}Mara Okonkwo denied that she had slammed the new curfew on street vendors.",
])
def test_never_a_position_without_her_words(finder, said, text):
    assert not said.by(finder, text) and not said.by(finder, text, "tomas-reyna")


@pytest.mark.parametrize("text", [
    # a group, an official, another person; she only mentioned
    f"{NAMED}The union slammed the city's new curfew on Okonkwo's street vendors.",
    f"{NAMED}The union, which slammed the city's new curfew on street vendors, wrote to Mara Okonkwo.",
    f"{NAMED}Sheriff Dale Murrow pushed back against critics of Okonkwo's hiring policy.",
    f"{NAMED}Linda Chow raised concerns about a proposed cap on seasonal work visas for Mara Okonkwo.",
    f"{NAMED}Mara Okonkwo and Tomas Reyna slammed the city's new curfew on street vendors.",
    f"{NAMED}Mara Okonkwo, Linda Chow of the bakers' guild, and Carl Diaz have all condemned the raids on the east side.",
    f"{NAMED}Mara Okonkwo, Linda Chow of the bakers' guild, and Carl Diaz all condemned the raids on the east side.",
    f"{NAMED}Mara Okonkwo, the guild's Linda Chow, and Carl Diaz both condemned the raids on the east side.",
    f"{NAMED}Mara Okonkwo, the guild's Linda Chow, and Carl Diaz have condemned the raids on the east side.",
    f"{NAMED}Mara Okonkwo, the baker's friend Linda Chow, and Carl Diaz condemn the raids on the bakeries of the east side.",
    f"{NAMED}Mara Okonkwo, the bakers' guild and the union have condemned the raids on the east side.",
    f"{NAMED}Mara Okonkwo, the guild's Linda Chow, and Carl Diaz condemned the raids on the east side.",
    f"{NAMED}Mara Okonkwo, the bakers' guild and the union all condemned the raids on the east side.",
    f"{NAMED}Mara Okonkwo, her sister and her husband have condemned the raids on the east side.",
    # a pronoun with another woman in view
    f"{NAMED}Okonkwo met Linda Chow on Friday. She slammed the city's new curfew on street vendors.",
    # a headline
    "Okonkwo Slams The City's New Curfew On Street Vendors\n\nBakers across the valley are worried.",
])
def test_never_a_position_for_another(finder, said, text):
    assert not said.by(finder, text)


def test_never_a_quoted_judgement_as_a_paraphrase(finder, said):
    text = f'{BEFORE}Okonkwo slammed the federal operation as "lawless and cruel" on Saturday.'
    assert said.by(finder, text) == {"lawless and cruel"}  # (the quote is hers, read by the quote rules)


def test_never_a_participle_that_names_what_her_words_were_about(finder, said):
    text = f'{BEFORE}"They took everyone from the back room," Okonkwo told reporters, describing the incident.'
    assert not {w for w in said.by(finder, text) if w.startswith("describing")}


def test_keeps_a_participle_that_says_what_she_told(finder, said):
    text = f'{BEFORE}"They took everyone from the back room," Okonkwo told reporters, describing a morning of fear at the bakery.'
    assert "describing a morning of fear at the bakery" in said.by(finder, text)
