"""Round 54p of issue 11 (paraphrases), FICTIONAL sentences (tests/nlp/conftest.py's Mara Okonkwo
and Tomas Reyna, with an invented mayor, union, Linda Chow and Lee Park). Verdicts and requests
reported through a verb, its object and the phrase that says what the verdict or request is, read
as frames of Paraphrases.reported (nlp/position_reports.py), so every guard of the verbs of
position holds:

- 'accused <NP> of <VP-ing / NP>' ('accused the administration of cracking down on First and Second
  Amendment rights', heldout88 uj02), 'blamed <NP> (for ...)', 'credited <NP> for', 'praised <NP>
  (for ...)' (the preposition on the verb, or on its object where the parser hung it);
- 'encouraged / asked / warned <NP> to <VP>' ('encouraged the public to return', heldout48 sv10;
  'asked international employees to stand for recognition', heldout83 ue10).

The nearest wrong forms stay no one's: a verdict on her or a request made of her (the mayor's,
Linda Chow's), a passive, a negation, a question put to her, a denial, a modal or an aim, hearsay,
a position long held, a group's, a pronoun with another woman in view, a headline, a person alone,
a bare noun, a bare verdict ('accused the mayor of cowardice': one noun, which the parser puts under
both the object and the preposition), an errand put to one person ('asked her to meet her at the
bakery', as heldout52 sz08, which the first dump gave). Checked by hand, each guard of the new code
removed in turn: without the form check of states_no_position 'It is time for Mara Okonkwo to
blame ...' and 'waiting for Mara Okonkwo to accuse ...' are read; without counting each word once,
and without the content check, 'accused the mayor of cowardice' is; without the errand check 'asked
her to meet her at the bakery' is. The group checks ('all', a plural verb), removed alone, fail no
must-never here (the speaker check refuses a listed subject first); the negation, hearsay,
long-held and speaker checks are Paraphrases.reported's own and were not removed. The keep-tests
fail on main.
"""
import pytest


BEFORE = "Bakers across the valley are worried about the raids.\n\n"
NAMED = "Bakers across the valley are worried about the raids. Mara Okonkwo runs a bakery on Main Street.\n\n"


@pytest.mark.parametrize("text, words", [
    (f"{BEFORE}Mara Okonkwo accused the administration of cracking down on the rights of workers in the valley.",
     "accused the administration of cracking down on the rights of workers in the valley"),
    (f"{BEFORE}Mara Okonkwo spoke at the forum, accusing the administration of cracking down on the rights of workers.",
     "accusing the administration of cracking down on the rights of workers"),
    (f"{BEFORE}Mara Okonkwo blamed the sudden raids for the drop in sales at her bakery.",
     "blamed the sudden raids for the drop in sales at her bakery"),
    (f"{BEFORE}Mara Okonkwo credits the mayor for shutting down the checkpoint near the plant.",
     "credits the mayor for shutting down the checkpoint near the plant"),
    (f"{BEFORE}Mara Okonkwo praised the council for its swift response to the raids.",
     "praised the council for its swift response to the raids"),
    (f"{BEFORE}Mara Okonkwo praised the mayor's moves to secure the bakeries of the valley.",
     "praised the mayor's moves to secure the bakeries of the valley"),
    (f"{BEFORE}Mara Okonkwo blames fear tied to immigration enforcement.",
     "blames fear tied to immigration enforcement"),
    (f"{BEFORE}Mara Okonkwo warned the public to stay away from the plant during the raids.",
     "warned the public to stay away from the plant during the raids"),
    (f"{BEFORE}Mara Okonkwo encouraged the public to return to the market this weekend.",
     "encouraged the public to return to the market this weekend"),
    (f"{BEFORE}Tomas Reyna asked the council to work with the state on a reform of the permit system.",
     "asked the council to work with the state on a reform of the permit system"),
])
def test_keeps_her_verdict_or_request(finder, said, text, words):
    leader = "tomas-reyna" if "Reyna" in text else "mara-okonkwo"
    assert leader in said.to(finder, text, words, "paraphrase")


@pytest.mark.parametrize("text", [
    # not her verdict or request: passive, negated, asked, denied, modal, long held, hearsay
    f"{BEFORE}Mara Okonkwo was accused of exaggerating the damage of the raids.",
    f"{BEFORE}Mara Okonkwo was encouraged by the mayor to reopen the bakery for the day.",
    f"{BEFORE}Mara Okonkwo did not blame the agents for the drop in sales at the bakery.",
    f"{BEFORE}Mara Okonkwo was asked whether she blamed the agents for the drop in sales at the bakery.",
    f"{BEFORE}Mara Okonkwo was asked whether she would encourage the public to return to the market.",
    f"{BEFORE}Mara Okonkwo denied accusing the administration of cracking down on the rights of workers.",
    f"{BEFORE}Mara Okonkwo, who has long blamed the agency for the drop in sales at the bakery, spoke on Monday.",
    f"{BEFORE}Mara Okonkwo allegedly blamed the agency for the drop in sales at the bakery.",
    f"{BEFORE}It is time for Mara Okonkwo to blame the agency for the drop in sales at the bakery.",
    f"{BEFORE}Residents are waiting for Mara Okonkwo to accuse the administration of cracking down on workers.",
    f"{BEFORE}Mara Okonkwo was warned by the mayor to stay away from the plant.",
    # an errand put to one person, no position
    f"{BEFORE}Mara Okonkwo called a lawyer, Linda Chow, and asked her to meet her at the bakery on Main Street.",
    # a bare verdict: one noun, read once; a person alone; a bare noun
    f"{BEFORE}Mara Okonkwo accused the mayor of cowardice.",
    f"{BEFORE}Mara Okonkwo praised the mayor.",
    f"{BEFORE}Mara Okonkwo praised President Lee Park.",
    f"{BEFORE}Mara Okonkwo blamed the agency.",
])
def test_never_a_verdict_she_did_not_give(finder, said, text):
    assert not {w for w in said.by(finder, text, kind="paraphrase")}


@pytest.mark.parametrize("text", [
    # another's verdict or request, of her; a group's; a pronoun with another woman in view; a headline
    f"{NAMED}The mayor accused Okonkwo of exaggerating the damage of the raids.",
    f"{NAMED}Linda Chow encouraged Okonkwo to reopen the bakery after the raids.",
    f"{NAMED}The mayor praised Okonkwo's decision to keep the bakery open during the raids.",
    f"{NAMED}The mayor, who praised Okonkwo for her handling of the crisis, spoke on Monday.",
    f"{NAMED}Mara Okonkwo, the mayor and the union have all accused the administration of cracking down on the rights of workers.",
    f"{NAMED}Mara Okonkwo and Linda Chow both accused the administration of cracking down on the rights of workers.",
    f"{NAMED}Okonkwo met Linda Chow on Friday. She blamed the sudden raids for the drop in sales at the bakery.",
    "Okonkwo Accuses The Administration Of Cracking Down On Workers' Rights\n\nBakers across the valley are worried.",
])
def test_never_a_verdict_for_another(finder, said, text):
    assert not {w for w in said.by(finder, text, kind="paraphrase")}
