"""Round 43 of issue 11, FICTIONAL sentences (tests/nlp/conftest.py's Mara Okonkwo and Tomas Reyna,
with an invented mayor, sheriff, union, letter and Linda Chow). One form of the untagged quote
paragraphs and sentences after narration about the speaker:

- a quote right after a plain sentence about one leader who is the last one speaking, naming no one
  and nothing else that could have spoken: a sentence whose main verb is of speech with her as its
  subject ('Dean Johnson, who runs an orchard in Michigan, put it simpler. "..."', heldout10 rj02;
  'And he told me:' and the quote paragraph, heldout41 so06), or one that closes a paragraph of
  hers ('Now, Bustamente said ... . He explained ... . And inside the kitchen, he has a fraction
  of his usual staff working.' and the quote paragraph after it, heldout40 sn01): the quote runs to
  its paragraph's end or is the whole next paragraph, and is hers (nlp/after_narration.py).

The nearest wrong forms (another person's, a group's, an official's or a letter's quote in the same
shape; a sentence about her when someone else, or no one, spoke last ('spoke at the summit', as
tests/nlp/test_quotes.py's 'unattributed-quote'); the leader only mentioned, as an object or a possessor; a quote paragraph after narration
about someone else; a quote after a colon that introduces a document; a negated or declined
comment; words she heard, read or held up; a headline) stay no one's."""
import pytest

from onrecord.nlp.quotes import normalize_quote

SAD = "“We know people who have stopped going out. It is very sad.”"
SAD_WORDS = normalize_quote("We know people who have stopped going out. It is very sad.")


@pytest.mark.parametrize("text", [
    f"Mara Okonkwo, who runs a bakery in Lumenfold, put it simpler. {SAD}",
    f"Mara Okonkwo runs a bakery in Lumenfold. And she told me:\n\n{SAD}",
    f"“Sales fell by half,” Mara Okonkwo said. She estimated a loss of $3,000 in a week. {SAD}",
    f"Mara Okonkwo said most orders are now for takeout. Inside the kitchen, she has only two ovens running.\n\n{SAD}",
    f"Mara Okonkwo said most orders are now for takeout. She explained that the dining room is empty. "
    f"Inside the kitchen, she has only two ovens running.\n\n{SAD}",
    f"Tomas Reyna runs a roofing firm in Lumenfold.\n\nMara Okonkwo put it simpler.\n\n{SAD}",
])
def test_keeps_a_quote_after_a_sentence_about_her(finder, said, text):
    assert ("mara-okonkwo", SAD_WORDS) in said(finder, text, "quote")


def test_keeps_the_right_one_of_two_leaders(finder, said):
    text = f"“Sales fell by half,” Tomas Reyna said.\n\nMara Okonkwo put it more simply. {SAD}"
    got = said(finder, text, "quote")
    assert ("mara-okonkwo", SAD_WORDS) in got and ("tomas-reyna", SAD_WORDS) not in got


SAID = "Mara Okonkwo said orders fell by half."  # she spoke last: the check of who spoke is passed


@pytest.mark.parametrize("text", [
    # someone else is the sentence's subject, or in view beside her
    f"{SAID} Linda Chow agreed. {SAD}",
    f"{SAID}\n\nLinda Chow owns the shop next door.\n\n{SAD}",
    f"{SAID} Okonkwo told the mayor. {SAD}",
    f"{SAID} Okonkwo told Linda Chow. {SAD}",
    f"{SAID} Okonkwo told the union. {SAD}",
    f"{SAID} Okonkwo met Linda Chow on Tuesday. {SAD}",
    f"{SAID} Okonkwo met Linda Chow on Tuesday. She explained. {SAD}",
    f"{SAID} Okonkwo waited as agents left the store. {SAD}",
    f"{SAID} Okonkwo stood beside her sister. {SAD}",
    f"{SAID} Okonkwo wrote to Lumenfold Bakers United. {SAD}",
    f"{SAID} Okonkwo waited as they left. {SAD}",
    f"{SAID} Okonkwo turned to him. {SAD}",
    f"{SAID} Okonkwo was arrested on Tuesday. {SAD}",
    f"{SAID} The union agreed. {SAD}",
    f"{SAID} The sheriff disagreed. {SAD}",
    f"{SAID} Lumenfold Bakers Union agreed. {SAD}",
    f"{SAID} Tomas Reyna hired Okonkwo in May. {SAD}",
    # a sentence about her, but she is not the last one speaking (anyone at the summit may be)
    f"Mara Okonkwo spoke at the summit. {SAD}",
    f"Mara Okonkwo spoke at the summit.\n\n{SAD}",
    f"Mara Okonkwo runs a bakery in Lumenfold. She has only two ovens running.\n\n{SAD}",
    f"The mayor said orders fell. Mara Okonkwo runs a bakery in Lumenfold.\n\n{SAD}",
    f"The mayor said orders fell. Mara Okonkwo has only two ovens running. {SAD}",
    f"“Orders fell,” Linda Chow said. Mara Okonkwo has only two ovens running. {SAD}",
    f"{SAID} The sheriff disagreed. Okonkwo has only two ovens running.\n\n{SAD}",
    f"Mara Okonkwo said orders fell, the mayor said. Okonkwo has only two ovens running.\n\n{SAD}",
    f"Mara Okonkwo told Linda Chow that orders fell. Okonkwo has only two ovens running.\n\n{SAD}",
    f"Mara Okonkwo did not say whether orders fell. Okonkwo has only two ovens running.\n\n{SAD}",
    f"{SAID} Agents came at noon. Okonkwo has only two ovens running.\n\n{SAD}",
    f"{SAID} Okonkwo hired Linda Chow in May. Okonkwo has only two ovens running.\n\n{SAD}",
    # she is only mentioned: an object or a possessor
    f"{SAID} The mayor praised Okonkwo. {SAD}",
    f"{SAID} Okonkwo’s sister explained. {SAD}",
    f"{SAID} Okonkwo’s bakery explained. {SAD}",
    f"{SAID} Okonkwo’s union explained. {SAD}",
    # words she heard, read, held up or passed on; a document's
    f"{SAID} Okonkwo read the letter aloud. {SAD}",
    f"{SAID} Okonkwo read aloud. {SAD}",
    f"{SAID} Okonkwo listened. {SAD}",
    f"{SAID} Okonkwo heard the sheriff. {SAD}",
    f"{SAID} Okonkwo held up a sign. {SAD}",
    f"{SAID} Okonkwo signed the petition. {SAD}",
    f"{SAID} Okonkwo shared the statement. {SAD}",
    f"{SAID} Okonkwo explained the letter. {SAD}",
    f"{SAID} Okonkwo explained the union’s statement. {SAD}",
    f"{SAID} The letter read:\n\n{SAD}",
    f"{SAID} The letter read: {SAD}",
    f"{SAID} Okonkwo wrote a letter:\n\n{SAD}",
    # no words of hers: a comment declined or negated
    f"{SAID} Okonkwo did not comment. {SAD}",
    f"{SAID} Okonkwo declined to comment. {SAD}",
    f"{SAID} Okonkwo never explained. {SAD}",
    f"{SAID} Okonkwo did not explain. {SAD}",
    # the quote talks about her: a reply, or someone's words about her
    f"{SAID} Okonkwo explained. “Mara Okonkwo knows exactly what she did.”",
    # a tag of its own follows the quote
    f"{SAID} Okonkwo explained. “We know people who have stopped going out,” the mayor said.",
    f"{SAID} Okonkwo explained. {SAD} the mayor said.",
    # a headline, then the quote paragraph
    f"Mara Okonkwo says orders fell\n\n{SAD}\n\nThe raids began in May, and the mayor said they would go on.",
    f"Mara Okonkwo explains\n\n{SAD}\n\nThe raids began in May.",
])
def test_never_a_quote_after_narration_in_doubt(finder, said, text):
    assert ("mara-okonkwo", SAD_WORDS) not in said(finder, text, "quote")
