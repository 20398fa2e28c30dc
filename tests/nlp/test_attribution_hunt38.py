"""The fifth must-never hunt (round 38 of issue 11), FICTIONAL sentences (tests/nlp/conftest.py's
Mara Okonkwo of Lumenfold and Tomas Reyna of Reyna Roofing, with an invented mayor, sheriff,
spokeswoman, union and coalition). It started from a real wrong pair (heldout35 si02): a
petition's words, quoted as their own sentence, given to a leader because the next sentence is
'<leader>, a member of ..., wrote an opinion piece in ...'. Two general forms gave a free-standing
quote to the leader of the sentence after it, whose speech verb has content of its own:
- a text or a recording for its object ('wrote an opinion piece', 'posted a video', 'responded
  with a statement of her own', 'wrote a reply'): tag_objects.writes_another_text;
- after a quote that is a sentence of its own, a reported clause ('Okonkwo, who signed it, said
  she hoped ...'), her own words after a colon, or 'said nothing': tag_objects.says_something_else.
Her own words in the nearest forms stay hers."""
import pytest

from onrecord.nlp.quotes import normalize_quote

PETITION = "More than 300 Lumenfold employees signed a petition calling for an end to the raids. "
LETTER = "Forty founders signed an open letter on Sunday. “We cannot stay silent while our neighbors are taken.” "


@pytest.mark.parametrize("text", [
    PETITION + "“We will not build tools for these raids.” Mara Okonkwo, the company's chief executive, wrote an "
    "opinion piece in the Ledger, urging calm.",
    PETITION + "“We will not build tools for these raids.” Okonkwo published an essay on Tuesday.",
    "Workers at Reyna Roofing wrote to the owner. “Our coworkers were taken from the roof.” Tomas Reyna posted a "
    "video on Facebook in response.",
    "“Lumenfold complies with all applicable laws.” Okonkwo, the chief executive, wrote a memo to staff on Tuesday.",
    "The company's statement was brief. “We comply with all laws.” Okonkwo posted the statement on LinkedIn.",
    "Mayor Linda Chow spoke at the rally. “We will protect every family.” Okonkwo posted a video of the speech on X.",
    "“Stop the raids!” Okonkwo posted a video of the crowd chanting.",
    "“This is a dark day for the city.” Okonkwo tweeted a link to the mayor's speech.",
    "The new law is blunt. “No employer shall knowingly hire an unauthorized worker.” Okonkwo wrote an essay on it "
    "for the Ledger.",
    "“Lumenfold has abandoned its workers.” Okonkwo responded with a statement of her own.",
    "The employees' letter was blunt.\n\n“We will not build tools for deportation.”\n\n“We ask our leaders to say so "
    "publicly.” Okonkwo wrote an email to the signers that night.",
    "Sheriff Dale Murrow was unmoved. “The raids will continue.” In a memo, Okonkwo wrote a reply.",
])
def test_never_a_quote_before_a_verb_whose_object_is_another_text(finder, said, text):
    assert not said(finder, text, "quote")


@pytest.mark.parametrize("text", [
    LETTER + "Okonkwo, who signed it, said she hoped other chief executives would join.",
    LETTER + "Okonkwo, who signed it, wrote on LinkedIn that she hoped others would join.",
    "Lumenfold issued a statement. “We comply with all laws.” Okonkwo said she stood by it.",
    "The new law is blunt. “No employer shall knowingly hire an unauthorized worker.” Okonkwo said it would hurt "
    "workers.",
    "A Lumenfold spokeswoman, Dana Hu, sent a statement. “We comply with the law.” Okonkwo said in a post that she "
    "was reviewing it.",
    "“The raids will continue.” In a memo, Okonkwo wrote that staff should stay home.",
    "Roofers at Reyna Roofing signed a petition last week. “We want our coworkers back.” Reyna said he supported "
    "them.",
    "Protesters chanted outside Lumenfold. “Shame! Shame!” Okonkwo said nothing.",
])
def test_never_a_free_standing_quote_before_a_verb_with_its_own_content(finder, said, text):
    assert not said(finder, text, "quote")


def test_her_own_words_after_the_colon_stay_hers_and_the_letters_do_not(finder, said):
    assert said(finder, LETTER + "Okonkwo, who signed it, said: “I hope others join.”", "quote") == {
        ("mara-okonkwo", normalize_quote("I hope others join."))}


@pytest.mark.parametrize("text", [
    "“The raids are wrong.” Okonkwo wrote in a post.",
    "“The raids are wrong,” Okonkwo wrote.",
    "“The raids are wrong,” Okonkwo wrote on LinkedIn on Tuesday.",
    "“The raids are wrong,” Okonkwo wrote in an opinion piece in the Ledger.",
    "“The raids are wrong,” Okonkwo wrote employees.",
    "“The raids are wrong.” Okonkwo told reporters on Tuesday.",
    "“The raids are wrong.” Okonkwo wrote it on LinkedIn in 2019.",
    "“The raids are wrong.” Okonkwo said, adding that Lumenfold would pay for lawyers.",
    "“The raids are wrong,” Okonkwo said, and she said the company would pay for lawyers.",
])
def test_her_own_words_in_the_nearest_forms(finder, said, text):
    assert ("mara-okonkwo", normalize_quote("The raids are wrong.")) in said(finder, text, "quote")


def test_a_question_with_its_tag_after_it_stays_hers(finder, said):
    text = "Okonkwo spoke on Tuesday.\n\n“Will the raids end? Who is next?” she asked, adding: “We need answers.”"
    assert said(finder, text, "quote") == {("mara-okonkwo", normalize_quote("Will the raids end? Who is next?")),
                                           ("mara-okonkwo", normalize_quote("We need answers."))}


@pytest.mark.parametrize("text", [
    PETITION + "“We will not build tools for these raids.” Okonkwo signed the petition too.",
    PETITION + "“We will not build tools for these raids.”\n\nOkonkwo wrote an opinion piece in the Ledger the next "
    "day.",
    "“We want our coworkers back,” the roofers' petition says. Reyna posted it on Facebook.",
    "More than 60 chief executives, including Mara Okonkwo, signed a letter. “We urge de-escalation.”",
    "“We urge de-escalation,” more than 60 chief executives, including Mara Okonkwo, wrote.",
    "The coalition's statement, signed by Okonkwo and 30 others, reads: “Raids at job sites terrorize families.”",
    "Lumenfold said in a statement: “The company complies with all laws.” Okonkwo posted a video on LinkedIn.",
    "“We will protect every family,” Mayor Linda Chow said. Okonkwo posted a video of the speech.",
    "A sign outside the plant read “ICE out.” Okonkwo posted a photo of it.",
    "“ICE out!” chanted the crowd as Okonkwo spoke.",
    "“Okonkwo Breaks Her Silence,” read the Ledger's headline. Okonkwo posted the article on X.",
    "“Lumenfold has abandoned its workers,” the union wrote. Okonkwo responded with a statement of her own.",
    "“We are reviewing the situation,” a Lumenfold spokeswoman said. Okonkwo wrote an email to staff on Monday.",
    "A Lumenfold spokeswoman declined to comment further. “We are reviewing the situation.” Okonkwo has not spoken "
    "publicly.",
])
def test_never_words_not_hers_in_the_hunts_other_forms(finder, said, text):
    assert not said(finder, text, "quote")
