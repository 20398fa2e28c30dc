"""Guards 52 of issue 11, a red-team of the finder's precision: FICTIONAL probes (conftest's Mara
Okonkwo and Tomas Reyna, with an invented mayor, agency and White House spokesman) of the nearest
wrong forms of what the rules read, in the style of wire and newsletter copy. Three holes found and
closed (nlp/others_comments.py).

- A noun phrase set off after her reported words that names them and says what someone else made of
  them ('..., a view the White House rejected', 'an assessment that Tomas Reyna disputed', 'a view at
  odds with DHS') is the reporter's comment: it was kept as part of her words
  (reported_clauses.without_relative_aside now drops it first, others_comments.without_others_comment),
  and a participle after it ('..., saying agents were enforcing the law') was given to her though it
  is the one who rejected it (passed_on_words.said_by_the_person_before asks
  others_comments.after_others_comment).
- The same comment with a plural noun the parser read as a verb with no subject ('..., remarks DHS
  dismissed, saying ...', '..., claims the agency disputed, ...', '..., comments the mayor echoed,
  saying ...'): the root, or a verb joined to 'said' without 'and', passed her as speaker to the
  clause after it and to the participle hung on it (SpeechGrammar.subject asks
  others_comments.comment_read_as_verb at the list of her acts, at a 'conj', and where a
  participle climbs for its subject).
- A participle after a reaction 'from' someone to a thing of hers ('Okonkwo's memo drew criticism
  from DHS, saying agents were protecting workers', '... drew a sharp response from the White House,
  calling ...') was given to her through the possessive; it is the one who reacted. So is one after
  a letter, call or message from someone ('received a letter from the mayor, saying ...')
  (passed_on_words.said_by_the_person_before asks others_comments.after_a_reaction). When she
  herself is the subject ('Okonkwo drew applause from the crowd, saying ...') it stays hers.

Checked by hand, each guard removed in turn, its must-never fails: without the trim, 'a view the
White House rejected' (and 'a view at odds with DHS' without the 'a ... at odds with' branch) is in
her words; without after_others_comment, 'agents were enforcing the law' is hers; without the
check at the list of her acts, 'remarks DHS dismissed, saying ...' gives her the DHS's words;
without the check at a 'conj', 'the agency disputed' is hers; without the check in the climb,
the participle after 'claims the agency disputed,' and 'comments the mayor echoed,' is hers;
without after_a_reaction every participle after 'from <someone>,' is hers, without its letter
branch the mayor's letter is, and without its check of the subject 'Okonkwo drew applause from the
crowd, saying ...' and 'reversed course after backlash from ..., saying she ...' are no longer hers
(keep-tests; the second is the form of heldout2 rb06, a right direct quote a first, wider version lost). On
main (9b6a1ae) 16 of the 18 must-nevers fail; the two others ('an argument the agency rejected on
Tuesday', 'an argument with little support ...') main keeps out after this module's lead paragraph,
not without it (the parse differs). The keep-tests pass on main too."""
import pytest

from onrecord.nlp.quotes import normalize_quote

BEFORE = "Federal agents detained 40 workers in Riverton last week.\n\n"


@pytest.mark.parametrize("text, never", [
    ("Mara Okonkwo told reporters the raids were a mistake, a view the White House rejected.", "White House"),
    ("Mara Okonkwo said the raids were a mistake, an assessment that Tomas Reyna disputed.", "disputed"),
    ("Mara Okonkwo said the raids were a mistake, an argument the agency rejected on Tuesday.", "rejected"),
    ("Mara Okonkwo said ICE raids were hurting hiring, a view at odds with DHS, which says agents are protecting "
     "workers.", "at odds"),
    ("Mara Okonkwo said ICE raids were hurting hiring, an argument with little support among executives.",
     "little support"),
])
def test_a_comment_on_her_words_is_not_part_of_them(finder, said, text, never):
    words = said.by(finder, BEFORE + text, kind="paraphrase")
    assert words and not any(normalize_quote(never) in w for w in words)


@pytest.mark.parametrize("text, never", [
    ("Mara Okonkwo told reporters the raids were a mistake, a view the White House rejected, saying agents were "
     "enforcing the law.", "agents were enforcing the law"),
    ("Mara Okonkwo said the raids were a mistake, a claim the mayor disputed, saying agents were enforcing the law.",
     "agents were enforcing the law"),
    ("Mara Okonkwo said the raids were a mistake, a point Tomas Reyna echoed, saying agents were scaring workers.",
     "agents were scaring workers"),
    ("Mara Okonkwo said ICE raids were hurting hiring, remarks DHS dismissed, saying agents were protecting workers.",
     "agents were protecting workers"),
    ("Mara Okonkwo told staff ICE raids were hurting hiring, remarks the White House rejected, arguing that agents "
     "were protecting workers.", "agents were protecting workers"),
    ("Mara Okonkwo said ICE raids were hurting hiring, claims the agency disputed, saying agents were protecting "
     "workers.", "the agency disputed"),
    ("Mara Okonkwo said ICE raids were hurting hiring, claims the agency disputed, saying agents were protecting "
     "workers.", "agents were protecting workers"),
    ("Mara Okonkwo said ICE raids were hurting hiring, comments the mayor echoed, saying agents were scaring workers.",
     "agents were scaring workers"),
])
def test_what_follows_a_comment_on_her_words_is_not_hers(finder, said, text, never):
    assert not any(normalize_quote(never) in w for w in said.by(finder, BEFORE + text))


@pytest.mark.parametrize("text, words", [
    ("Mara Okonkwo told reporters the raids were a mistake, adding that agents were ignoring the law.",
     "agents were ignoring the law"),
    ("Mara Okonkwo said the ICE raids were a mistake, saying agents were ignoring the law.",
     "agents were ignoring the law"),
    ("Mara Okonkwo said the raids were a mistake and a waste, saying agents were hurting workers.",
     "agents were hurting workers"),
    ("Mara Okonkwo said she had one worry, a fear that agents would return to the plant.",
     "she had one worry, a fear that agents would return to the plant"),
    ("Mara Okonkwo described the raids as cruel, urged calm and pledged to protect workers who feared ICE agents.",
     "pledged to protect workers who feared ICE agents"),
    ("Mara Okonkwo described the raids as cruel, urges calm and says agents are scaring workers.",
     "agents are scaring workers"),
])
def test_her_own_words_beside_them_are_still_hers(finder, said, text, words):
    assert said.to(finder, BEFORE + text, words, kind="paraphrase") == {"mara-okonkwo"}


@pytest.mark.parametrize("text, never", [
    ("Mara Okonkwo's remarks drew praise from the mayor, saying agents were scaring workers.",
     "agents were scaring workers"),
    ("Mara Okonkwo's memo drew criticism from DHS, saying agents were protecting workers.",
     "agents were protecting workers"),
    ("Mara Okonkwo's post drew a sharp response from the White House, calling the raids lawful and necessary.",
     "the raids lawful and necessary"),
    ("Mara Okonkwo's memo, sent on Monday, drew praise from workers, saying agents were scaring them.",
     "agents were scaring them"),
    ("Mara Okonkwo received a letter from the mayor, saying agents were scaring workers.",
     "agents were scaring workers"),
])
def test_a_participle_after_a_reaction_or_a_letter_from_someone_is_theirs(finder, said, text, never):
    assert not any(normalize_quote(never) in w for w in said.by(finder, BEFORE + text))


@pytest.mark.parametrize("text, words", [
    ("Mara Okonkwo drew applause from the crowd, saying agents were scaring workers.", "agents were scaring workers"),
    ("Mara Okonkwo took questions from reporters, saying agents were scaring workers.", "agents were scaring workers"),
    ("Mara Okonkwo's memo went out on Monday, saying agents were scaring workers.", "agents were scaring workers"),
    ("Mara Okonkwo sent a letter to the mayor, saying agents were scaring workers.", "agents were scaring workers"),
    ("Mara Okonkwo later reversed course after backlash from fellow executives like Tomas Reyna, saying she regretted "
     "the memo about the raids.", "she regretted the memo about the raids"),
])
def test_her_own_participle_after_from_is_still_hers(finder, said, text, words):
    assert said.to(finder, BEFORE + text, words, kind="paraphrase") == {"mara-okonkwo"}
