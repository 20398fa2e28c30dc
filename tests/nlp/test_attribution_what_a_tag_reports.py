"""What a tag of speech reports, where the clause the parser gives it is not what was said.
FICTIONAL: Mara Okonkwo, Streamwave and the Riverton Ledger are invented. The forms were found at the
look 1 of heldout77 (ty07) and heldout79 (ua07), each a narration given to a leader as her reported words:
- a tag set off by commas before a clause opened by a subordinating word ('..., he says, as news anchors
  discuss ...'): that clause is the reporter's scene (reported_clauses.set_off_before);
- a tag whose colon opens a quote ('In the text on X it is ..., Hoffman writes: "..."'): it reports the
  quote, not the clause before it (paraphrase_checks._introduces_a_quote)."""
import pytest

from onrecord.nlp.quotes import normalize_quote


@pytest.mark.parametrize("text,never", [
    ("Mara Okonkwo has noticed that customers come in less often. Immigration is all they talk about, she says, "
     "as news anchors discuss immigration enforcement on the shop’s flat screen TV.", "news anchors"),
    ("Mara Okonkwo has noticed that customers come in less often. Immigration is all they talk about, she says, "
     "while news anchors discuss immigration enforcement on the shop’s flat screen TV.", "news anchors"),
    ("In the text on X it is the field of thought written for the Riverton Ledger, Okonkwo writes: “We in "
     "Riverton cannot stand back and hope the raids will stop.”", "field of thought"),
])
def test_a_scene_or_a_lead_is_never_her_reported_words(finder, said, text, never):
    assert not any(never in words for words in said.by(finder, text, kind="paraphrase"))


def test_a_clause_set_off_after_her_tag_is_still_hers(finder, said):
    text = "Mara Okonkwo spoke to staff on Monday. However, she said, the plant would reopen on Friday."
    assert any(normalize_quote("the plant would reopen on Friday") in words
               for words in said.by(finder, text, kind="paraphrase"))


def test_the_quote_after_her_colon_is_still_hers(finder, said):
    text = ("In the text on X it is the field of thought written for the Riverton Ledger, Okonkwo writes: “We in "
            "Riverton cannot stand back and hope the raids will stop.”")
    words = normalize_quote("We in Riverton cannot stand back and hope the raids will stop.")
    assert words in said.by(finder, text, kind="quote")


# --- a quote opening mid-clause and closing its sentence, then the next sentence's tag --------------
# heldout84 uf05 (look 1): a digest printed the wire's own third-person wording in marks, 'Manfred did
# "not go into details on his discussion ... other than to say he expressed worry." He said, "..."', and
# the tag of the next sentence's quote was read as this one's too (quote_introductions.adjacent_verb). Only
# a quote that speaks of someone as he or she is refused: two of Karp's partials in heldout83 keep their tag.

def test_a_closed_quote_opening_mid_clause_takes_no_tag_from_the_next_sentence(finder, said):
    text = ("Mara Okonkwo spoke on Monday. Okonkwo did “not go into details on her talks other than to say she "
            "expressed worry.” She said, “We are always concerned.”")
    assert said.by(finder, text, kind="quote") == {normalize_quote("We are always concerned.")}


def test_a_partial_quote_before_its_own_tag_is_still_hers(finder, said):
    text = "Mara Okonkwo spoke on Monday. The cuts would last by “2 or 3 months,” she said."
    assert normalize_quote("2 or 3 months") in said.by(finder, text, kind="quote")
