"""Guards 53 of issue 11, a red-team of the finder's precision: FICTIONAL probes (conftest's Mara
Okonkwo and Tomas Reyna, with an invented mayor, outlet and union) of the nearest wrong forms of
what the rules read, in the style of wire, local and trade copy. Four holes found and closed.

- An 'in' phrase set off at the end of her reported words that names the memo, post or remarks
  that carried them, or the reporter's name for the act ('..., in a memo first reported by The
  Ledger', '..., in a post that has since been deleted', '..., in a move that puts her at odds with
  the White House') was kept as part of her words (speech_settings.without_setting, asked by
  reported_clauses.without_relative_aside).
- A noun phrase set off at their end that ranks her among others or names the act with her in it
  ('..., the latest executive to break with the administration', '..., the first time she has
  spoken publicly about immigration', '..., a departure from her silence last year') was too
  (speech_settings.without_account).
- A quote that is a sentence of its own took the tag of the next sentence when that tag introduces
  a second quote ('The mayor spoke first. "A." Okonkwo said, "B."': A is not shown to be hers;
  quote_introductions.opens_next_quote, asked by adjacent_verb).
- A participle on the document a leader added her name to ('added her name to a petition demanding
  "an end to the raids."') was read as the topic of her words and the petition's wording given to
  her (joined_documents.to_a_document, asked by SpeechGrammar.subject).

Checked by hand, each guard removed in turn, its must-never fails: without without_setting the 'in
a memo ...' phrases are in her words; without without_account the ranking and the act are; without
opens_next_quote A is hers; without to_a_document the petition's and letter's words are hers (the
statement's were kept out on main already: a statement's author is the subject of a verb of writing
only). On main (d78ccb5) 15 of the 16 must-nevers fail; the keep-tests pass there and with each
guard removed."""
import pytest

from onrecord.nlp.quotes import normalize_quote

BEFORE = "Federal agents detained 40 workers in Riverton last week.\n\n"


@pytest.mark.parametrize("text, never", [
    ("Mara Okonkwo said the company would pay legal fees for detained workers, in a memo first reported by The "
     "Ledger.", "first reported"),
    ("Mara Okonkwo wrote that the company would pay legal fees for detained workers, in a memo obtained by Reuters.",
     "obtained by Reuters"),
    ("Mara Okonkwo told employees the company would pay legal fees, in a post that has since been deleted.",
     "since been deleted"),
    ("Mara Okonkwo said the company would pay legal fees, in a move that puts her at odds with the White House.",
     "at odds"),
    ("Mara Okonkwo said the company would pay legal fees, in a rare public break with the administration.",
     "rare public break"),
    ("Mara Okonkwo said agents were terrorizing families, in comments first aired on CNN.", "first aired"),
])
def test_where_the_words_were_given_is_not_part_of_them(finder, said, text, never):
    words = said.by(finder, BEFORE + text, kind="paraphrase")
    assert words and not any(normalize_quote(never) in w for w in words)


@pytest.mark.parametrize("text, never", [
    ("Mara Okonkwo told employees the company would pay legal fees, the latest executive to break with the "
     "administration.", "latest executive"),
    ("Mara Okonkwo said the raids must end, the first time she has spoken publicly about immigration.",
     "first time"),
    ("Mara Okonkwo said the raids must end, a departure from her silence last year.", "departure"),
])
def test_the_reporters_account_of_the_act_is_not_part_of_her_words(finder, said, text, never):
    words = said.by(finder, BEFORE + text, kind="paraphrase")
    assert words and not any(normalize_quote(never) in w for w in words)


@pytest.mark.parametrize("text, words", [
    ("Mara Okonkwo said the company would pay legal fees for detained workers in a memo to staff.",
     "the company would pay legal fees for detained workers in a memo to staff"),
    ("Mara Okonkwo said the company would pay legal fees for detained workers, in Riverton and beyond.",
     "the company would pay legal fees for detained workers, in Riverton and beyond"),
    ("Mara Okonkwo said the company would pay legal fees, in keeping with its values.",
     "the company would pay legal fees, in keeping with its values"),
    ("Mara Okonkwo said the raids were a mistake, a departure from the company's values.",
     "the raids were a mistake, a departure from the company's values"),
    ("Mara Okonkwo said the raids must end, the only way to protect workers.",
     "the raids must end, the only way to protect workers"),
])
def test_her_own_words_after_a_comma_are_still_hers(finder, said, text, words):
    assert said.to(finder, BEFORE + text, words, kind="paraphrase") == {"mara-okonkwo"}


@pytest.mark.parametrize("text", [
    'The mayor spoke first. "The raids are a stain on this city." Okonkwo said, "Our workers deserve better."',
    'Tomas Reyna spoke first. "The raids are a stain on this city." Okonkwo said, "Our workers deserve better."',
    'The mayor spoke first. "The raids are a stain on this city." Mara Okonkwo, the chief executive of Lumenfold, '
    'said, "Our workers deserve better."',
    'The mayor spoke first. "The raids are a stain on this city." Okonkwo said on Tuesday, "Our workers deserve '
    'better."',
])
def test_a_tag_that_opens_the_next_quote_is_not_the_tag_of_the_one_before(finder, said, text):
    assert said.to(finder, BEFORE + text, "The raids are a stain on this city.") == set()
    assert said.to(finder, BEFORE + text, "Our workers deserve better.") == {"mara-okonkwo"}


@pytest.mark.parametrize("text", [
    '"The raids are a stain on this city." Okonkwo said that on Tuesday.',
    '"The raids are a stain on this city." Okonkwo said. "Our workers deserve better."',
    '"The raids are a stain on this city," Okonkwo said, "and our workers deserve better."',
])
def test_a_tag_after_the_quote_alone_is_still_its_tag(finder, said, text):
    assert any(normalize_quote("The raids are a stain on this city") in w
               for w in said.by(finder, BEFORE + text, kind="quote"))


@pytest.mark.parametrize("text, never", [
    ('Mara Okonkwo added her name to a petition demanding "an end to the raids."', "an end to the raids"),
    ('Mara Okonkwo added her name to a letter urging "an immediate halt" to the raids.', "an immediate halt"),
    ('Mara Okonkwo added her signature to a statement demanding "an end to the raids."', "an end to the raids"),
])
def test_the_wording_of_a_document_she_joined_is_not_hers(finder, said, text, never):
    assert not any(normalize_quote(never) in w for w in said.by(finder, BEFORE + text))


@pytest.mark.parametrize("text, words", [
    ('Mara Okonkwo sent a message to staff urging "calm and patience" during the raids.', "calm and patience"),
    ('Mara Okonkwo gave a speech to the chamber urging "an immediate halt" to the raids.', "an immediate halt"),
    ('Mara Okonkwo added her name to a petition, demanding "an end to the raids."', "an end to the raids."),
])
def test_her_own_participle_after_to_is_still_hers(finder, said, text, words):
    assert said.to(finder, BEFORE + text, words, kind="quote") == {"mara-okonkwo"}
