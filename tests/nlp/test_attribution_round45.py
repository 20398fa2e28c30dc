"""Round 45 of issue 11, FICTIONAL sentences (tests/nlp/conftest.py's Mara Okonkwo and Tomas Reyna,
with an invented mayor, sheriff, union, Linda Chow and Lumenfold Bakery). Three tags next to the quote:

- an inverted tag whose role is a hyphenated word the parser split ('"spooked," said co-owner X',
  heldout46 st04): the word's front ('co') is no subject of its own (nlp/misparsed_subjects.py
  hyphen_prefix, asked by speech_verbs.SpeechGrammar.subject);
- a pronoun tag after 'According to X, <plural people> were ...' (heldout47 su06): plural people are
  no 'he' or 'she', so she is the one in view (nlp/antecedents.py _plural_people_reported);
- a quote followed by the speaker's name and title with no verb ('"...," Wes Burdine, the owner of
  ...', heldout23 rw10; nlp/name_lines.py).

The nearest wrong forms (another person's, a group's, a letter's or an official's words in the same
shape; the leader only mentioned; a name line that is the subject of a verb, a caption or a list; a
pronoun with another person in view) stay no one's, or someone else's, never hers."""
import pytest

from onrecord.nlp.quotes import normalize_quote

SHOCK = "We were in a state of shock"
SHOCK_WORDS = normalize_quote(SHOCK)


# --- an inverted tag with a hyphenated role ---------------------------------------------------

@pytest.mark.parametrize("text, words", [
    (f"“{SHOCK},” said co-owner Mara Okonkwo.", SHOCK_WORDS),
    ("That changed on Friday, when vans filled the lot, leaving guests and staff “spooked,” said co-owner "
     "Mara Okonkwo.", "spooked"),
])
def test_keeps_an_inverted_tag_with_a_hyphenated_role(finder, said, text, words):
    assert ("mara-okonkwo", words) in said(finder, text, "quote")


@pytest.mark.parametrize("text", [
    f"“{SHOCK},” said the co-owner of Mara Okonkwo’s bakery.",
    f"“{SHOCK},” said a co-worker of Mara Okonkwo.",
    f"“{SHOCK},” said co-workers of Mara Okonkwo.",
    f"“{SHOCK},” said the mayor of Mara Okonkwo’s town.",
    f"“{SHOCK},” said co-owner Linda Chow, Mara Okonkwo’s partner.",
    f"“{SHOCK},” said co-owners Linda Chow and Mara Okonkwo.",
    f"“{SHOCK},” said the co-op that Mara Okonkwo founded.",
    f"“{SHOCK},” said co-chair Linda Chow of the city council, who met Mara Okonkwo.",
    f"“{SHOCK},” said co-owner Tomas Reyna.",
    "Vans filled the lot, leaving Mara Okonkwo and her staff “spooked,” said co-owner Linda Chow.",
    f"“{SHOCK},” said the sheriff’s co-counsel about Mara Okonkwo.",
])
def test_never_an_inverted_hyphenated_role_that_is_not_hers(finder, said, text):
    got = said(finder, text, "quote")
    assert ("mara-okonkwo", SHOCK_WORDS) not in got and ("mara-okonkwo", "spooked") not in got


# --- a pronoun tag after 'According to X, <plural people> ...' ---------------------------------

HALF = "Half of those people were here legally"
HALF_WORDS = normalize_quote(HALF)


@pytest.mark.parametrize("text", [
    f"The raid came at noon. According to Okonkwo, several workers at the Lumenfold site were U.S. citizens or had "
    f"valid work permits. “{HALF},” she said.",
    f"The raid came at noon.\n\nAccording to Okonkwo, many bakers in the county were citizens. “{HALF},” she said.",
])
def test_keeps_a_pronoun_after_her_report_of_plural_people(finder, said, text):
    assert ("mara-okonkwo", HALF_WORDS) in said(finder, text, "quote")


@pytest.mark.parametrize("text", [
    f"The raid came at noon. According to Okonkwo, many workers and their foreman were citizens. “{HALF},” he said.",
    f"The raid came at noon. According to Okonkwo, many workers and the foreman’s wife were citizens. “{HALF},” she said.",
    f"The raid came at noon. According to Okonkwo, Linda Chow’s workers were citizens. “{HALF},” she said.",
    f"The raid came at noon. According to Okonkwo, many workers at Linda Chow’s farm were citizens. “{HALF},” she said.",
    f"The raid came at noon. According to Okonkwo, many workers at the sheriff’s office were citizens. “{HALF},” he said.",
    f"The raid came at noon. According to Okonkwo, many workers were arrested by the sheriff. “{HALF},” he said.",
    f"The raid came at noon. According to Okonkwo, many workers told the mayor they were citizens. “{HALF},” she said.",
    f"The raid came at noon. According to Okonkwo, many workers were citizens, the union said. “{HALF},” it said.",
    f"The raid came at noon. According to Okonkwo, many workers were citizens, Linda Chow said. “{HALF},” she said.",
    f"The raid came at noon. According to Okonkwo, the baker was a citizen. “{HALF},” she said.",
    f"The raid came at noon. According to Okonkwo, many workers beside Linda Chow were citizens. “{HALF},” she said.",
    f"Mara Okonkwo spoke first. According to the mayor, several workers were citizens. “{HALF},” she said.",
    f"According to the union’s letter, several workers of Mara Okonkwo were citizens. “{HALF},” she said.",
    f"The raid came at noon. According to Okonkwo, many workers were citizens. “Okonkwo is wrong: {HALF},” she said.",
])
def test_never_a_pronoun_after_plural_people_in_doubt(finder, said, text):
    assert ("mara-okonkwo", HALF_WORDS) not in said(finder, text, "quote")


# --- a quote followed by the speaker's name and title, no verb ---------------------------------

AFRAID = "Because of the raids, lots of people are afraid to leave their house"
AFRAID_WORDS = normalize_quote(AFRAID)


@pytest.mark.parametrize("text", [
    f"Sales fell in January. “{AFRAID},” Mara Okonkwo, the owner of Lumenfold Bakery, a popular corner shop. "
    "She put her losses at 15%.",
    f"“{AFRAID},” Mara Okonkwo, 60, a bakery owner in Lumenfold.",
    f"Sales fell in January.\n\n“{AFRAID},” Mara Okonkwo, owner of Lumenfold Bakery.\n\nThe raids began in May.",
])
def test_keeps_a_name_line_after_the_quote(finder, said, text):
    assert ("mara-okonkwo", AFRAID_WORDS) in said(finder, text, "quote")


@pytest.mark.parametrize("text", [
    # the name the subject of a verb, or of a relative clause of its own
    f"“{AFRAID},” Mara Okonkwo, owner of Lumenfold Bakery, read aloud from the union’s letter.",
    f"“{AFRAID},” Mara Okonkwo, owner of Lumenfold Bakery, heard the mayor say.",
    f"“{AFRAID},” Mara Okonkwo, owner of Lumenfold Bakery, who held up the union’s sign.",
    f"“{AFRAID},” Mara Okonkwo, owner of Lumenfold Bakery, was told by the sheriff.",
    # a caption
    f"“{AFRAID},” Mara Okonkwo, owner of Lumenfold Bakery, in front of her shop.",
    f"“{AFRAID}.”\n\nMara Okonkwo, owner of Lumenfold Bakery, in her shop.",
    f"“{AFRAID},” a sign at Lumenfold Bakery, in the window of Mara Okonkwo’s shop.",
    # a list, another's name, a possessive, a group's or a letter's words
    f"“{AFRAID},” Mara Okonkwo, Linda Chow and the mayor.",
    f"“{AFRAID},” Mara Okonkwo, Linda Chow.",
    f"“{AFRAID},” Mara Okonkwo, owner of Lumenfold Bakery, and the mayor.",
    f"“{AFRAID},” Mara Okonkwo’s union, Lumenfold Bakers United.",
    f"“{AFRAID},” Linda Chow, Mara Okonkwo’s neighbour.",
    f"“{AFRAID},” the mayor of Lumenfold, Mara Okonkwo’s rival.",
    f"“{AFRAID},” the union’s letter to Mara Okonkwo, owner of Lumenfold Bakery.",
    f"“{AFRAID},” Sheriff Linda Chow, who arrested Mara Okonkwo, the bakery owner.",
    # the quote not opening its sentence, or a sentence of its own (a sign's words, a caption under them); a headline
    f"“{AFRAID}.” Mara Okonkwo, the owner of Lumenfold Bakery.",
    f"The mayor called it “{AFRAID},” Mara Okonkwo, owner of Lumenfold Bakery.",
    f"“{AFRAID},” Mara Okonkwo, owner of Lumenfold Bakery\n\nBy Jane Doe\n\nThe raids began in May.",
])
def test_never_a_name_line_that_is_not_an_attribution(finder, said, text):
    assert ("mara-okonkwo", AFRAID_WORDS) not in said(finder, text, "quote")
