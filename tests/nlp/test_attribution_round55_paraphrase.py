"""Round 55p of issue 11 (paraphrases), FICTIONAL sentences (tests/nlp/conftest.py's Mara Okonkwo
and Tomas Reyna, with an invented mayor, union, Linda Chow and Lee Park). Links, stances, reasons,
apologies, advice and dismissed doubts reported through a verb and its complements, read as frames
of Paraphrases.reported (nlp/position_reports.py), so every guard of the verbs of position holds:

- 'tied <NP> to <NP>' ('tied the issue to broader Western values', heldout93 uo03), 'positioned <NP>
  as <NP>' ('positioned the tech as capable of preventing ...', uo03);
- 'cited <NP>' and the participle 'citing <NP>' on her own act ('citing Apple's reliance on global
  talent', heldout93 uo06);
- 'apologized for <VP-ing / NP>' ('apologized for backing ...', heldout11 rk12);
- 'advised <NP> to <VP>' ('advised employers to make sure agents have a warrant ...', heldout94 up03);
- 'dismissed concerns / criticism / fears / worries that <clause>' ('dismissed concerns that the
  Trump administration's tough border policies would wreak havoc ...', heldout91 um06 and um07).

The nearest wrong forms stay no one's: the mayor's or Linda Chow's words about her, a passive, a
negation, a question put to her, a modal or an aim, hearsay, a position long held, a group's, a
pronoun with another woman in view, a headline, the outlet's or the union's citing, a reason cited
by a thing, others' views or words she cites, a bare link or stance, a bare apology, an errand put to one person ('advised her to call
him'), a bare dismissal ('dismissed concerns', 'dismissed concerns about the raids'), and a doubt
someone else raised ('dismissed concerns that the union raised'), an order or warning she dismissed,
whose clause is its issuer's ('dismissed the order that all workers show their papers ...'). Checked by hand, each guard of the new code removed in
turn: without the that-clause check 'dismissed concerns about the raids' and 'dismissed concerns that
the union raised ...' are read; without the doubt nouns 'dismissed the order that all workers ...' is (the mayor's warning
stays refused as another's words);
without the form check of states_no_position 'It is time for Mara Okonkwo to apologize for ...' and
'waiting for Mara Okonkwo to cite ...' are read; without the content check 'apologized for the delay'
and 'tied it to the raids' are; without the errand check 'advised her to call him' is; without the view nouns 'citing concerns
from parents about the raids' is (as heldout4 rd06's 'citing concerns from younger generations ...',
which the first dump gave; the mayor's warning stays refused as another's words). The keep-tests fail on main.
"""
import pytest


BEFORE = "Bakers across the valley are worried about the raids.\n\n"
NAMED = "Bakers across the valley are worried about the raids. Mara Okonkwo runs a bakery on Main Street.\n\n"


@pytest.mark.parametrize("text, words", [
    (f"{BEFORE}Mara Okonkwo tied the raids to a steep drop in sales at her bakery.",
     "tied the raids to a steep drop in sales at her bakery"),
    (f"{BEFORE}Mara Okonkwo positioned the bakery as a refuge for workers afraid of the raids.",
     "positioned the bakery as a refuge for workers afraid of the raids"),
    (f"{BEFORE}Mara Okonkwo closed the bakery for the day, citing a steep drop in sales at the market.",
     "citing a steep drop in sales at the market"),
    (f"{BEFORE}Mara Okonkwo closed the bakery, citing her concerns about the raids near the school.",
     "citing her concerns about the raids near the school"),
    (f"{BEFORE}Mara Okonkwo cited the steep drop in sales at her bakery.",
     "cited the steep drop in sales at her bakery"),
    (f"{BEFORE}Mara Okonkwo apologized for backing the mayor's deployment of troops in the valley.",
     "apologized for backing the mayor's deployment of troops in the valley"),
    (f"{BEFORE}Mara Okonkwo advised employers to ask agents for a warrant before they enter the kitchen.",
     "advised employers to ask agents for a warrant before they enter the kitchen"),
    (f"{BEFORE}Mara Okonkwo on Friday dismissed concerns that the raids would ruin the harvest festival.",
     "dismissed concerns that the raids would ruin the harvest festival"),
    (f"{BEFORE}Tomas Reyna has dismissed fears that the new checkpoints would drive roofers out of the valley.",
     "dismissed fears that the new checkpoints would drive roofers out of the valley"),
])
def test_keeps_her_link_stance_or_reason(finder, said, text, words):
    leader = "tomas-reyna" if "Reyna" in text else "mara-okonkwo"
    assert leader in said.to(finder, text, words, "paraphrase")


@pytest.mark.parametrize("text", [
    # not hers: passive, negated, asked, modal or aim, long held, hearsay
    f"{BEFORE}Mara Okonkwo was tied to the raids at the packing plant by the mayor.",
    f"{BEFORE}Mara Okonkwo did not tie the drop in sales to the raids at the packing plant.",
    f"{BEFORE}Mara Okonkwo was asked whether she would apologize for backing the deployment of troops.",
    f"{BEFORE}It is time for Mara Okonkwo to apologize for backing the deployment of troops in the valley.",
    f"{BEFORE}Residents are waiting for Mara Okonkwo to cite the drop in sales since the raids began.",
    f"{BEFORE}Mara Okonkwo, who has long cited the drop in sales since the raids began, spoke on Monday.",
    f"{BEFORE}Mara Okonkwo allegedly dismissed concerns that the raids would ruin the harvest festival.",
    f"{BEFORE}Mara Okonkwo was advised by her lawyer to ask agents for a warrant before they enter.",
    # a bare link, apology or dismissal; an errand put to one person
    f"{BEFORE}Mara Okonkwo apologized for the delay.",
    f"{BEFORE}Mara Okonkwo tied it to the raids.",
    f"{BEFORE}Mara Okonkwo dismissed concerns.",
    f"{BEFORE}Mara Okonkwo dismissed concerns about the raids at the packing plant.",
    f"{BEFORE}Mara Okonkwo dismissed concerns that the union raised about the raids at the plant.",
    f"{BEFORE}Mara Okonkwo dismissed the workers that the agency named in its report on the raids.",
    f"{BEFORE}Mara Okonkwo dismissed the mayor's warning that agents would raid the bakery this week.",
    f"{BEFORE}Mara Okonkwo dismissed the order that all workers at the plant show their papers to the agents.",
    f"{BEFORE}Mara Okonkwo called a lawyer, Linda Chow, and advised her to call him at the bakery on Main Street.",
    # others' views or words she cites: theirs
    f"{BEFORE}Mara Okonkwo closed the bakery, citing concerns from parents about the raids near the school.",
    f"{BEFORE}Mara Okonkwo closed the bakery, citing the mayor's warning that agents would raid the plant.",
    # a reason cited by a thing or by the outlet
    f"{BEFORE}The plant closed for the day, citing the fear of raids among its workers.",
    f"{BEFORE}The Valley Ledger reported the closure, citing people familiar with the raids.",
])
def test_never_a_link_or_reason_she_did_not_give(finder, said, text):
    assert not {w for w in said.by(finder, text, kind="paraphrase")}


@pytest.mark.parametrize("text", [
    # another's words about her; a group's; a pronoun with another woman in view; a headline
    f"{NAMED}The mayor tied Okonkwo's bakery to the raids at the packing plant.",
    f"{NAMED}Linda Chow advised Okonkwo to ask agents for a warrant before they enter the kitchen.",
    f"{NAMED}The mayor dismissed concerns that Okonkwo's bakery would close after the raids.",
    f"{NAMED}The union, citing Okonkwo's drop in sales since the raids began, called for an inquiry.",
    f"{NAMED}The mayor, who positioned Okonkwo as a voice for the valley's workers, spoke on Monday.",
    f"{NAMED}Mara Okonkwo and Linda Chow both dismissed concerns that the raids would ruin the harvest festival.",
    f"{NAMED}Mara Okonkwo, the mayor and the union have all tied the drop in sales to the raids at the plant.",
    f"{NAMED}Okonkwo met Linda Chow on Friday. She apologized for backing the deployment of troops in the valley.",
    "Okonkwo Dismisses Concerns That Raids Would Ruin The Harvest Festival\n\nBakers across the valley are worried.",
])
def test_never_a_link_or_reason_for_another(finder, said, text):
    assert not {w for w in said.by(finder, text, kind="paraphrase")}
