"""Round 50p of issue 11 (paraphrases), FICTIONAL sentences (tests/nlp/conftest.py's Mara Okonkwo
and Tomas Reyna, with an invented mayor, sheriff, union, Linda Chow and Carl Diaz). Two general
readings of reported speech without quote marks that the paraphrase misses on the development
splits showed the parse can take:

- "Janota added that ICE agents did not ask for documentation from him ..." (heldout65 tm02): a
  negated verb of speech inside her reported clause reports no words, so it carries no one else's
  and the clause is hers (wordless_speech.reports_no_words, read by paraphrase_checks' someone-else
  check); a verb of speech with nothing after it is not read so ('"...," Okonkwo told reporters a
  worker had said': the tag of the worker's quote, test_attribution_passed_on_words.py);
- "Parekh has clarified that no employee of the IT firm was apprehended ..." (heldout62 tj01),
  "Akram shared that ..." (heldout40 sn04), "he disclosed that ...": a verb of disclosure or
  clarification reports speech when the parse gives it a clause opened by `that`
  (disclosure_verbs.py, read beside the verbs of emphasis in paraphrase.Paraphrases.indirect,
  with every guard of 'said that').

The nearest wrong forms (another's, a group's, an official's words in the same shape; a leader only
mentioned; a question put to her; a denial; a thing as the subject; a pronoun with another person
of that gender in view) stay no one's, never hers. Checked by hand, each guard removed in turn:
without the quote check of reports_no_words, `said the sheriff did not say "..."` goes to her;
the negation is the reading itself (without it the two negated keep-tests fail, and the verbs with
a clause, an object or a quote stay refused as on main). The `that` asked of a verb of disclosure
is the reading's scope, not a guard any must-never here needs: without it no must-never fails (of
the forms tried without `that`, only `indicated the mayor had called the raids legal` and `proposed
the mayor speak at the vigil` are read, each her own account, as `said` would read it); the other
guards of (b) are the indirect rule's own. The keep-tests fail on main; the must-nevers pass on
main."""
import pytest


BEFORE = "Bakers across the valley are worried about the raids.\n\n"
NAMED = "Bakers across the valley are worried about the raids. Mara Okonkwo runs a bakery on Main Street.\n\n"


# --- (a) a verb of speech inside her clause that reports no words ------------------------------

@pytest.mark.parametrize("text, words", [
    (f"{BEFORE}Mara Okonkwo said that the agents did not ask for papers from her white employees.",
     "the agents did not ask for papers from her white employees"),
    (f"{BEFORE}Okonkwo added that the officers never asked for identification from the cashiers.",
     "the officers never asked for identification from the cashiers"),
])
def test_keeps_her_clause_with_a_wordless_verb_of_speech(finder, said, text, words):
    assert "mara-okonkwo" in said.to(finder, text, words, "paraphrase")


@pytest.mark.parametrize("text", [
    # another's words inside her clause: a clause, an object, a quote
    f"{BEFORE}Mara Okonkwo said the mayor told her the raids were legal.",
    f"{BEFORE}Mara Okonkwo said the sheriff did not say “the raids will stop.”",
    f"{BEFORE}Mara Okonkwo said that the mayor had called the raids “a disgrace.”",
    f"{BEFORE}Mara Okonkwo said the agents told the cashiers to leave the store.",
    # the negation is the one verb's: another verb of speech beside it still carries words
    f"{BEFORE}Mara Okonkwo said the agents told the cashiers to leave while they did not ask for papers.",
    f"{BEFORE}Mara Okonkwo said the mayor, who did not say why, told her the raids were legal.",
])
def test_never_her_clause_with_anothers_words(finder, said, text):
    assert not {w for who, w in said(finder, text, "paraphrase") if who == "mara-okonkwo"}


@pytest.mark.parametrize("text", [
    # a group's, an official's, another person's words; she only mentioned
    f"{NAMED}The union said that the agents did not ask Okonkwo for papers.",
    f"{NAMED}Sheriff Dale Murrow said the agents did not ask for papers from Okonkwo's employees.",
    f"{NAMED}Linda Chow said that the agents did not ask Mara Okonkwo for papers.",
    # a question put to her, a denial
    f"{BEFORE}Mara Okonkwo was asked whether the agents did not ask for papers.",
    f"{BEFORE}Mara Okonkwo denied that the agents did not ask for papers.",
    # a pronoun with another woman in view
    f"{NAMED}Okonkwo met Linda Chow on Friday. She said that the agents did not ask for papers.",
])
def test_never_a_wordless_clause_for_another(finder, said, text):
    assert not said.by(finder, text)


# --- (b) a verb of disclosure or clarification with a that-clause ------------------------------

@pytest.mark.parametrize("text, words", [
    (f"{BEFORE}Mara Okonkwo clarified that no employee of the bakery had been detained.",
     "no employee of the bakery had been detained"),
    (f"{BEFORE}Okonkwo shared that sales at her bakery had dropped by half since the raids.",
     "sales at her bakery had dropped by half since the raids"),
    (f"{BEFORE}Tomas Reyna disclosed that he had received an apology from the agency.",
     "he had received an apology from the agency"),
    (f"{BEFORE}Reyna, the owner of Reyna Roofing, indicated that two of his roofers had stopped coming to work.",
     "two of his roofers had stopped coming to work"),
])
def test_keeps_a_disclosure_with_a_that_clause(finder, said, text, words):
    leader = "tomas-reyna" if "Reyna" in text else "mara-okonkwo"
    assert leader in said.to(finder, text, words, "paraphrase")


@pytest.mark.parametrize("text", [
    # no that-clause of her own: an act, or another's view she passes on
    f"{BEFORE}Mara Okonkwo shared a video of the raid on her bakery.",
    f"{BEFORE}Mara Okonkwo shared the union's belief that the raids were cruel.",
    f"{BEFORE}Mara Okonkwo shared the mayor's statement that the raids were legal.",
    f"{BEFORE}Mara Okonkwo indicated Linda Chow's plan to close the bakery.",
    f"{BEFORE}Mara Okonkwo shared a post by the mayor that said the raids were legal.",
    # negated, asked, a denial
    f"{BEFORE}Mara Okonkwo did not clarify that the workers were safe.",
    f"{BEFORE}Mara Okonkwo was asked to clarify whether the workers were safe.",
    f"{BEFORE}Mara Okonkwo denied that she had disclosed the names of the workers.",
])
def test_never_a_disclosure_without_her_clause(finder, said, text):
    assert not said.by(finder, text)


@pytest.mark.parametrize("text", [
    # a group, a document, an official, another person; she only mentioned
    f"{NAMED}The union clarified that Okonkwo's workers had been released.",
    f"{NAMED}The agency's report disclosed that Okonkwo's bakery had been audited.",
    f"{NAMED}Sheriff Dale Murrow shared that the agents had questioned Okonkwo.",
    f"{NAMED}Linda Chow, a friend of Mara Okonkwo, disclosed that the bakery would close.",
    f"{NAMED}The mayor indicated that Okonkwo would meet the agents on Friday.",
    # a pronoun with another woman in view
    f"{NAMED}Okonkwo met Linda Chow on Friday. She clarified that the bakery would stay open.",
    # a headline
    "Okonkwo Clarifies That Bakery Will Stay Open\n\nBakers across the valley are worried about the raids.",
])
def test_never_a_disclosure_for_another(finder, said, text):
    assert not said.by(finder, text)
