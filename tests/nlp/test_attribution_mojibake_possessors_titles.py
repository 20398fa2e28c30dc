"""Five readings the fresh batches heldout54 and heldout55 showed, each on a FICTIONAL article
(every person, company and place here is invented), with the counterparts the rules must still
refuse: quote marks in mojibake ('โ€œ', 'â€™') are the marks they stand for; a passive's doers
who are many and unnamed ('targeted by angry neighbours') leave its subject the next 'he'; a name
that is only a possessor, alone in its sentence, is that sentence's 'he'; a long title before a
name ('Chamber of Commerce President X says') leaves the name the speaker; and a reported clause
goes on after a dash. (The finder is tests/nlp/conftest.py's, over its fictional Mara Okonkwo and
Tomas Reyna.)"""

import pytest

from onrecord.nlp.mojibake import repaired
from onrecord.nlp.quote_candidates import normalize_quote

# --- mojibake quote marks ------------------------------------------------------------------------


@pytest.mark.parametrize("printed, meant", [
    ("â€œWe stay,â€ she said.", "“We stay,” she said."),          # Windows-1252, the closing mark's byte lost
    ("โ€œWe stay,โ€ she said.", "“We stay,” she said."),        # Thai Windows-874
    ("Itâ€™s โ€˜hardโ€™ â€” and longer โ€“ too â€¦", "It’s ‘hard’ — and longer – too …"),
    ("“We stay open,†Reyna said.", "“We stay open,” Reyna said."),  # a dagger for the mark and its space
])
def test_mojibake_marks_are_read_back(printed, meant):
    assert repaired(printed) == meant


@pytest.mark.parametrize("text", [
    "The café paid 5 € more, señor — “fine.”",   # letters, a euro sign and real marks
    "The study was small.† Footnotes follow.",   # a dagger with no quote open: a footnote
    "“It was cold,” he said.† A note.",          # the quote closed before it
])
def test_other_characters_are_left_alone(text):
    assert repaired(text) == text


def test_matching_reads_mojibake_apostrophes_as_prepare_does():
    assert normalize_quote("Whatâ€™s next") == normalize_quote("What’s next") == "what's next"


def test_a_quote_in_thai_mojibake_marks_is_hers(finder, said):
    text = ("Mara Okonkwo runs Lumenfold in Northvale.\n\n"
            "โ€œWe told everybody, โ€˜Stay home until you feel safe,โ€™โ€ Okonkwo said.")
    assert said(finder, text, "quote") == {("mara-okonkwo", "we told everybody stay home until you feel safe")}
    assert not said(finder, text, "paraphrase")  # (unread, the marks made her words a paraphrase)


def test_quotes_in_windows_1252_mojibake_are_his(finder, said):
    text = ("Tomas Reyna, owner of Reyna Roofing, was stopped outside his shop.\n\n"
            "“Everything is clean,†Reyna said. “My customers know Iâ€™ve been here for 25 years.â€")
    assert said(finder, text, "quote") == {("tomas-reyna", "everything is clean"),
                                           ("tomas-reyna", "my customers know i've been here for 25 years")}


# --- a passive's many unnamed doers ----------------------------------------------------------------

TARGETED = ("Tomas Reyna, owner of Reyna Roofing, called the station on Monday.\n\n"
            "Now, Reyna is being targeted by {doers}.\n\n"
            "\"They call the shop every day,\" he said.")


def test_many_unnamed_doers_leave_him_the_he(finder, said):
    assert ("tomas-reyna", "they call the shop every day") in said(finder, TARGETED.format(doers="angry neighbours"))


@pytest.mark.parametrize("doers", ["Carl Diaz", "an angry neighbour", "neighbours and Carl Diaz", "his brothers"])
def test_a_doer_who_may_be_he_leaves_doubt(finder, said, doers):
    assert not said(finder, TARGETED.format(doers=doers), "quote")


# --- a possessor alone in his sentence ---------------------------------------------------------------

STORE = ("{owner} for 27 years, but he said business has dropped by half since January.\n\n"
         "\"There is a lot of fear in the community,\" he said.")


def test_the_possessor_alone_is_the_he(finder, said):
    pairs = said(finder, STORE.format(owner="Boots and belts have filled Reyna's store"))
    assert ("tomas-reyna", "business has dropped by half since january") in pairs
    assert ("tomas-reyna", "there is a lot of fear in the community") in pairs


@pytest.mark.parametrize("owner", [
    "A man has walked into Reyna's store",        # someone acting who may be he
    "Reyna's son has run the store",              # a person the possessive names
    "Boots have filled Reyna's store and Carl Diaz's stall",  # another name beside his
])
def test_someone_else_in_the_sentence_leaves_doubt(finder, said, owner):
    assert not said(finder, STORE.format(owner=owner))


# --- a long title before the name -----------------------------------------------------------------


@pytest.mark.parametrize("title", [
    "Hispanic Chamber of Northvale USA President",   # read as 'Chamber of ... Okonkwo' by the parser
    "Latino Business Council of Northvale President",
    "Northvale Chamber of Commerce President",       # (parsed right already)
])
def test_a_long_title_before_her_name_leaves_her_the_speaker(finder, said, title):
    text = f"{title} Mara Okonkwo says local owners are worried about their workers."
    assert said(finder, text, "paraphrase") == {("mara-okonkwo", "local owners are worried about their workers")}


@pytest.mark.parametrize("subject", [
    "The wife of Chief Executive Mara Okonkwo",          # a person, named by whose wife she is
    "A spokesperson for Lumenfold CEO Mara Okonkwo",     # the company's voice, not hers
    "The board of Lumenfold and CEO Mara Okonkwo",       # several
])
def test_someone_else_before_her_name_is_the_speaker(finder, said, subject):
    assert not said(finder, f"{subject} says local owners are worried about their workers.")


# --- a reported clause after a dash ---------------------------------------------------------------


def test_a_clause_after_a_dash_goes_on_with_her_report(finder, said):
    text = ("Mara Okonkwo met parents on Monday.\n\n"
            "Okonkwo says people are especially worried about their children — what they may see at school.")
    assert said(finder, text, "paraphrase") == {
        ("mara-okonkwo", "people are especially worried about their children what they may see at school")}


# --- a work's title after a comma ----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Tomas Reyna owns a roofing firm. On Dec. 18, he penned an essay bluntly titled, “Stop the Raids.”",
    "Tomas Reyna owns a roofing firm. On Dec. 18, Reyna wrote a column titled, “Not in Our Town.”",
])
def test_a_works_title_is_nobodys_words(finder, said, text):
    assert not said(finder, text, "quote")


def test_his_words_after_the_title_are_his(finder, said):
    text = ("Tomas Reyna owns a roofing firm. On Dec. 18, he penned an essay bluntly titled, “Stop the Raids.”\n\n"
            "“We cannot work like this,” Reyna wrote.")
    assert said(finder, text, "quote") == {("tomas-reyna", "we cannot work like this")}


# --- an opening mark printed as a closing one after a tag's comma ------------------------------------


def test_a_closing_mark_after_his_tag_opens_his_quote(finder, said):
    text = "Tomas Reyna runs a burger bar. Reyna told the Northvale Examiner,” Those stories are not what happened with us.”"
    assert said(finder, text, "quote") == {("tomas-reyna", "those stories are not what happened with us")}


@pytest.mark.parametrize("text", [
    # a quote whose opening mark was dropped, its tag after the closing one, another quote after
    "I do not like what I see, five men beating up a woman,” Reyna said. “So we should calm down.”",
    # the closing mark of a quote opened before it
    "“We stay open, whatever comes,” Reyna said, “and we pay our crews.”",
])
def test_a_closing_mark_that_closes_stays_a_closer(finder, said, text):
    quotes = {words for _who, words in said(finder, "Tomas Reyna runs a burger bar.\n\n" + text, "quote")}
    assert not any(words.startswith(("reyna said", "so we should calm down reyna")) for words in quotes)
    assert any("calm down" in words or "we pay our crews" in words for words in quotes)


# --- a tag set off by commas before the clause it reports -------------------------------------------

SET_OFF = "Mara Okonkwo runs a shop in Northvale. Fewer families came this year.\n\nHowever, {tag}, it still was a chance to cheer each other on."


@pytest.mark.parametrize("tag", ["she said", "Okonkwo said"])
def test_a_tag_set_off_before_her_clause_reports_it(finder, said, tag):
    assert said(finder, SET_OFF.format(tag=tag), "paraphrase") == {
        ("mara-okonkwo", "it still was a chance to cheer each other on")}


@pytest.mark.parametrize("tag", ["the mayor said", "Okonkwo and the mayor said", "Okonkwo's lawyer said"])
def test_someone_elses_tag_set_off_before_the_clause_is_not_hers(finder, said, tag):
    assert not said(finder, SET_OFF.format(tag=tag))


# --- the one a report quotes 'as saying' -----------------------------------------------------------------

QUOTED = "Mara Okonkwo runs Lumenfold.\n\n{who} as saying, “We don’t have enough officers downtown.”"


@pytest.mark.parametrize("who", ["The Northvale Times quoted Okonkwo", "Okonkwo was quoted"])
def test_the_one_quoted_as_saying_is_the_speaker(finder, said, who):
    assert said(finder, QUOTED.format(who=who), "quote") == {("mara-okonkwo", "we don't have enough officers downtown")}


@pytest.mark.parametrize("who", [
    "Okonkwo quoted the mayor",                         # the quoter is not the speaker
    "The Times quoted a spokesperson for Okonkwo",      # the company's voice
    "The Times quoted Okonkwo and the mayor",           # two people
    "Okonkwo was never quoted",                          # (no words given)
])
def test_the_quoter_or_a_group_is_not_the_one_quoted(finder, said, who):
    assert not said(finder, QUOTED.format(who=who), "quote")


def test_a_clause_after_quoted_as_saying_stays_hearsay(finder, said):
    assert not said(finder, "Mara Okonkwo runs Lumenfold. Okonkwo was quoted as saying the raid was “a disgrace.”")
