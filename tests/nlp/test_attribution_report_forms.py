"""Reporting forms read in round 4 of issue 11, each on a FICTIONAL sentence: a name two leaders
share, reported speech after verbs of promising, warning and thanking, partial quotes inside
reported speech, and the traps where no words (or only whole clauses) may go to the leader.
Every person and company here is invented."""

import pytest

from onrecord.nlp.quotes import QuoteFinder, normalize_quote

LEADERS = [
    {"id": "park-min-ji", "name": "Park Min-ji", "aliases": ["Park"], "title": "CEO",
     "organization": "Hanul Cells"},
    {"id": "park-joon-ho", "name": "Park Joon-ho", "aliases": ["Park"], "title": "Chief Human Resources Officer",
     "organization": "Hanul Cells"},
    {"id": "mara-okonkwo", "name": "Mara Okonkwo", "aliases": ["Okonkwo"], "title": "Chief Executive",
     "organization": "Lumenfold"},
    {"id": "ana-ruiz", "name": "Ana Ruiz", "aliases": ["Ruiz"], "title": "owner", "organization": "Casa Verde"},
]


@pytest.fixture(scope="module")
def finder():
    return QuoteFinder(LEADERS)


# --- a name two leaders answer to ---------------------------------------------------------------

def test_a_shared_name_is_the_one_leader_named_in_full(finder, said):
    text = ("Hanul Cells chief executive Park Min-ji met the returning workers on Friday.\n\n"
            '"We will look after every one of them," Park told reporters.')
    assert said(finder, text) == {("park-min-ji", "we will look after every one of them")}


def test_a_shared_name_with_both_leaders_named_is_no_one(finder, said):
    text = ("Park Min-ji and Park Joon-ho met the returning workers on Friday.\n\n"
            '"We will look after every one of them," Park told reporters.')
    assert said(finder, text) == set()


def test_a_shared_name_with_no_one_named_in_full_is_no_one(finder, said):
    assert said(finder, '"We will look after every one of them," Park told reporters.') == set()


def test_a_shared_name_of_someone_else_is_no_one(finder, said):
    text = ("Park Min-ji met the trade minister, Park Sung-il, at the airport.\n\n"
            '"We will look after every one of them," Park told reporters.')
    assert ("park-min-ji", "we will look after every one of them") not in said(finder, text)



# Two FICTIONAL leaders answering to "Ortuno"; the first is also printed without her accents.
ACCENTED = [
    {"id": "jose-ortuno", "name": "José Ortuño", "aliases": ["Jose Ortuno", "Ortuño", "Ortuno"], "title": "CEO",
     "organization": "Hanul Motors"},
    {"id": "rafa-ortuno", "name": "Rafa Ortuno", "aliases": ["Ortuno"], "title": "owner", "organization": "Taco Rafa"},
]


@pytest.fixture(scope="module")
def accented_finder():
    return QuoteFinder(ACCENTED)


def test_a_shared_name_is_the_one_leader_named_in_full_by_a_longer_alias(accented_finder, said):
    # heldout40 listed a second "Munoz": a story printing "Jose Munoz" in full lost his quotes.
    text = ("Hanul Motors chief executive Jose Ortuno met the returning workers on Friday.\n\n"
            '"We will look after every one of them," Ortuno told reporters.')
    assert said(accented_finder, text) == {("jose-ortuno", "we will look after every one of them")}


@pytest.mark.parametrize("named", ["Jose Ortuno and Rafa Ortuno", "Rafa Ortuno"])
def test_a_shared_name_is_never_the_accented_leader_when_another_is_named(accented_finder, said, named):
    text = (f"{named} met the returning workers on Friday.\n\n"
            '"We will look after every one of them," Ortuno told reporters.')
    assert ("jose-ortuno", "we will look after every one of them") not in said(accented_finder, text)

# --- reported speech after verbs of promising, warning, thanking, downplaying -------------------

REPORTED = [
    ("Okonkwo vowed full support for the workers detained at the plant.",
     "vowed full support for the workers detained at the plant"),
    ("Okonkwo promised to rehire every worker who was detained.",
     "promised to rehire every worker who was detained"),
    ("Okonkwo suggested creating a visa for construction workers.",
     "suggested creating a visa for construction workers"),
    ("Okonkwo downplayed concerns of a long delay to the plant's opening.",
     "downplayed concerns of a long delay to the plant's opening"),
    ("Okonkwo likened the raids to a military operation against civilians.",
     "likened the raids to a military operation against civilians"),
    ("Okonkwo pointed to a sharp drop in spending among immigrant customers.",
     "pointed to a sharp drop in spending among immigrant customers"),
    ("Okonkwo expressed gratitude to the consulate's staff for negotiating the release.",
     "expressed gratitude to the consulate's staff for negotiating the release"),
    ('Okonkwo warned against a militarized, "masked" force operating without accountability.',
     'warned against a militarized, "masked" force operating without accountability'),
    ("Okonkwo called for the agency to be defunded and disbanded.",
     "called for the agency to be defunded and disbanded"),
    ("Okonkwo framed the raids as a wound to the whole city.",
     "framed the raids as a wound to the whole city"),
    ("Okonkwo's message to staff emphasized the human toll of the raids.",
     "emphasized the human toll of the raids"),
    ("In a statement, Okonkwo expressed her willingness to host the mediators at the plant.",
     "expressed her willingness to host the mediators at the plant"),
    ("Okonkwo advocated that seasonal workers be granted special visas.",
     "seasonal workers be granted special visas"),
]


@pytest.mark.parametrize("text,words", REPORTED)
def test_reported_speech_after_more_verbs(finder, text, words, said):
    assert ("mara-okonkwo", normalize_quote(words)) in said(finder, text, "paraphrase")


def test_a_noun_phrase_keeps_the_infinitive_that_completes_it(finder, said):
    # cut after its object, the clause would report the opposite of what was said
    found = said(finder, "Okonkwo called for Immigration and Customs Enforcement (ICE) to be abolished.",
                 "paraphrase")
    assert found == {("mara-okonkwo", normalize_quote(
        "called for Immigration and Customs Enforcement (ICE) to be abolished"))}


@pytest.mark.parametrize("text,clause", [
    ('Okonkwo called the raids "cruel."', "called the raids cruel"),  # the quote is the judgement
    ('Okonkwo likened the agency to a "masked militarized force."', "likened the agency to a masked militarized force"),
    ('Okonkwo described the situation as "not acceptable."', "described the situation as not acceptable"),
])
def test_a_quoted_judgement_is_the_quote_and_the_clause_that_carries_it(finder, text, clause, said):
    # the partial-quote convention since round 7, applied to this form in round 12 (until then the
    # quote only: the older splits recorded it so)
    assert said(finder, text, "paraphrase") == {("mara-okonkwo", normalize_quote(clause))}
    assert len(said(finder, text, "quote")) == 1


def test_a_quoted_judgement_after_liken_is_her_quote(finder, said):
    assert ("mara-okonkwo", "masked militarized force") in \
        said(finder, 'Okonkwo likened the agency to a "masked militarized force."', "quote")


# --- traps ------------------------------------------------------------------------------------

def test_what_a_clause_is_about_is_not_what_was_said(finder, said):
    assert said(finder, "Okonkwo explained why she was unable to open the store on Monday.", "paraphrase") == set()


def test_a_parenthetical_tag_reports_the_clause_before_it_not_the_reporters_words_after_it(finder, said):
    text = ("Losing half the staff meant the kitchen had closed, Ruiz said, with her cousins and two "
            "neighbours cooking for the regulars until new cooks could be found.")
    found = said(finder, text, "paraphrase")
    assert not any("cousins" in words for _leader, words in found)
    assert ("ana-ruiz", "losing half the staff meant the kitchen had closed") in found


def test_words_recalled_as_someone_elses_are_not_the_leaders(finder, said):
    text = ('A man walked into Ruiz\'s restaurant and made a call. "There is nobody here worth '
            'the trip," Ruiz recalled him saying.')
    assert said(finder, text, "quote") == set()


def test_went_on_ends_a_tag(finder, said):
    text = ('"We will hire again," Okonkwo told investors. "The demand is there and it is growing," she went on.')
    assert ("mara-okonkwo", "the demand is there and it is growing") in said(finder, text, "quote")


def test_went_on_to_is_no_tag(finder, said):
    text = 'Okonkwo left the company. "The demand is there," the report said. She went on to found a bakery.'
    assert said(finder, text, "quote") == set()


# --- a paragraph a page quotes whole from another outlet -------------------------------------

def test_a_paragraph_quoted_whole_keeps_its_own_quotes(finder, said):
    text = ('""We will keep every worker on the payroll," Mara Okonkwo, the chief executive of Lumenfold, '
            'told investors on the call, according to a transcript."\n\n'
            '"\'Demand has never been stronger,\' Ana Ruiz said on the same call. \'We are hiring.\' '
            'Shares rose after the call."')
    found = said(finder, text, "quote")
    assert ("mara-okonkwo", "we will keep every worker on the payroll") in found
    assert ("ana-ruiz", "demand has never been stronger") in found
    assert ("ana-ruiz", "we are hiring") in found
    assert not any("shares rose" in words for _leader, words in found)


# --- a belief, when the clause quotes the leader's words ----------------------------------------

def test_a_belief_with_her_words_quoted_is_reported_speech(finder, said):
    text = "Okonkwo believes the raids are meant to 'shock and scare' workers rather than enforce the law."
    found = said(finder, text)
    assert ("mara-okonkwo", "shock and scare") in found
    assert ("mara-okonkwo", normalize_quote("the raids are meant to 'shock and scare' workers rather than "
                                            "enforce the law")) in found


def test_a_belief_without_her_words_is_not(finder, said):
    assert said(finder, "Okonkwo believes the raids are meant to frighten workers.") == set()


# --- her titles, parsed as a list of people -----------------------------------------------------

def test_titles_after_the_name_are_not_other_people(finder, said):
    text = 'Park Min-ji, CEO and Chief Human Resources Officer of Hanul Cells, replied that the raid was "cruel" and "needless."'
    found = said(finder, text)
    assert ("park-min-ji", "cruel") in found and ("park-min-ji", "needless") in found


@pytest.mark.parametrize("text", [
    'Okonkwo, Chief Executive of Lumenfold, and Ruiz replied that the raid was "cruel."',
    'Okonkwo and Lumenfold replied in a joint statement that the raid was "cruel."',  # her company: a group
])
def test_a_name_in_the_list_is_still_a_group(finder, text, said):
    assert said(finder, text) == set()


# --- a reported clause whose verb is quoted, with its purpose; a second act parsed too low ------

def test_a_quoted_pledge_keeps_its_purpose(finder, said):
    text = 'Okonkwo said the company will "spare no expense" to support the families who were detained.'
    assert ("mara-okonkwo", normalize_quote('the company will "spare no expense" to support the families who '
                                            'were detained')) in said(finder, text, "paraphrase")


def test_a_second_act_after_a_purpose_clause_is_hers_and_apart(finder, said):
    text = ('Okonkwo said the company would "spare no expense" to help the workers settle and downplayed '
            'fears of a long delay to the new plant.')
    found = said(finder, text, "paraphrase")
    assert ("mara-okonkwo", normalize_quote("downplayed fears of a long delay to the new plant")) in found
    assert ("mara-okonkwo", normalize_quote('the company would "spare no expense" to help the workers settle')) in found


def test_a_participle_after_a_second_act_parsed_too_low_is_the_speakers(finder, said):
    text = ('Okonkwo said the company would "spare no expense" to help the workers settle and downplayed '
            'fears of a delay, calling the situation "manageable."')
    assert ("mara-okonkwo", "manageable") in said(finder, text, "quote")


def test_a_partial_quote_inside_a_reported_call_is_hers(finder, said):
    text = ('Okonkwo called for the Federal Border Enforcement Agency (FBEA) to be "defunded and disbanded" '
            'following the second shooting this month.')
    found = said(finder, text)
    assert ("mara-okonkwo", "defunded and disbanded") in found
    assert ("mara-okonkwo", normalize_quote(
        'called for the Federal Border Enforcement Agency (FBEA) to be "defunded and disbanded"')) in found


# --- a post's caption after a comma or colon, and the paragraph that goes on with it ------------

@pytest.mark.parametrize("mark", [",", ":"])
def test_a_caption_after_a_comma_or_colon_is_hers(finder, mark, said):
    text = (f'Ruiz criticized the agents. She shared a video on X with the caption{mark} "I planned to '
            'open late today. I could not do it."\n\n"The raids must stop."')
    found = said(finder, text, "quote")
    assert ("ana-ruiz", "i planned to open late today i could not do it") in found
    assert ("ana-ruiz", "the raids must stop") in found


@pytest.mark.parametrize("text", [
    'Ruiz shared a post by the union, "We stand with every worker who was detained."',
    'Ruiz shared a post by the union: "We stand with every worker who was detained."',
    'Ruiz shared the union\'s statement: "We stand with every worker who was detained."',
])
def test_someone_elses_post_she_shared_is_not_hers(finder, text, said):
    assert said(finder, text) == set()


# --- a role before the name in a lede: "CEO" as the parser tags it, a middle initial -------------

LEDE = ("On Lumenfold's quarterly earnings call, the software company's CEO told investors that demand "
        "for its border software had never been higher.\n\n"
        '"We are in an unprecedented environment," said Lumenfold CEO Mara {name}.')


def test_a_role_before_the_name_is_the_leader_named_next_with_it(finder, said):
    found = said(finder, LEDE.format(name="Okonkwo"), "paraphrase")
    assert ("mara-okonkwo", normalize_quote("demand for its border software had never been higher")) in found


def test_a_role_before_the_name_is_no_one_when_someone_else_is_named_next(finder, said):
    text = LEDE.format(name="Okonkwo").replace("Lumenfold CEO Mara Okonkwo", "Lumenfold CEO Dana Whitfield")
    assert said(finder, text) == set()


def test_the_chief_executive_officer_of_her_company_is_the_ceo(finder, said):
    text = "The chief executive officer (CEO) of Hanul Cells on Friday pledged to rehire every detained worker."
    assert ("park-min-ji", normalize_quote("pledged to rehire every detained worker")) in said(finder, text)


# --- marks as printed -------------------------------------------------------------------------

def test_an_opening_mark_printed_as_a_closing_one_and_glued(finder, said):
    text = ('Okonkwo flew to Atlanta on Sunday morning.”Our first duty is to bring them home,” she told '
            'reporters before departing.')
    assert said(finder, text, "quote") == {("mara-okonkwo", "our first duty is to bring them home")}


def test_a_glued_closing_mark_that_closes_a_quote_stays_one(finder, said):
    text = 'Okonkwo said the company would “not leave anyone behind.”The flight lands at noon.'
    found = said(finder, text, "quote")
    assert found == {("mara-okonkwo", "not leave anyone behind")}


def test_a_reported_act_that_leads_into_her_quote_is_not_a_paraphrase(finder, said):
    text = 'Okonkwo framed her stance as a civic duty, saying: "Loving the country means pushing back."'
    found = said(finder, text)
    assert ("mara-okonkwo", "loving the country means pushing back") in found
    assert not any(words.startswith("framed") for _leader, words in found)


@pytest.mark.parametrize("text", [
    "Okonkwo expressed her frustration.",              # a bare feeling: an act, no content
    "Okonkwo expressed her willingness.",
])
def test_a_bare_feeling_or_intention_is_no_paraphrase(finder, text, said):
    assert said(finder, text, "paraphrase") == set()


def test_a_line_broken_after_an_abbreviation_is_one_sentence(finder, said):
    text = ("Business fell across the city. On Dec.\n11, Ana Ruiz said officers surrounded her restaurant, "
            "checked papers without a warrant, and left after an hour; in the following weeks, she said sales "
            "fell by half.")
    found = said(finder, text, "paraphrase")
    assert ("ana-ruiz", normalize_quote("officers surrounded her restaurant, checked papers without a warrant, "
                                        "and left after an hour")) in found


def test_statements_a_semicolon_apart_are_not_one_inside_the_other(finder, said):
    text = ("Ana Ruiz said officers surrounded her restaurant, checked papers without a warrant, and left after "
            "an hour; in the following weeks, the union said sales fell by half.")
    found = said(finder, text, "paraphrase")
    assert not any("sales fell" in words for _leader, words in found)


def test_a_list_of_her_acts_parsed_as_a_clause_of_the_last(finder, said):
    text = ("In a short, somber note to staff this weekend, Mara Okonkwo – the executive named to lead Lumenfold "
            "next year – described the violence in the city as “deeply painful,” urged calm and pledged to listen "
            "to employees.")
    found = said(finder, text, "paraphrase")
    assert ("mara-okonkwo", "urged calm") in found
    assert ("mara-okonkwo", "pledged to listen to employees") in found


def test_a_lone_pronoun_object_is_no_paraphrase(finder, said):
    assert said(finder, "Okonkwo urged them.", "paraphrase") == set()


# --- someone else's words inside a reported phrase -----------------------------------------------

@pytest.mark.parametrize("text", [
    "Okonkwo pointed to the union's statement that agents must leave the city.",
    "Okonkwo pointed to a letter from 60 CEOs calling for de-escalation.",
    "Okonkwo likened the raids to what the mayor called a military occupation.",
    "Okonkwo vowed full support for the mayor, who said the raids were illegal.",
    "Ruiz expressed gratitude to the mayor for saying the raids must end.",
    "Okonkwo promised to read the petition, which demands an end to the raids.",
])
def test_a_reported_phrase_carrying_someone_elses_words_is_not_hers(finder, text, said):
    assert said(finder, text, "paraphrase") == set()


def test_a_partial_quote_inside_someone_elses_claim_is_not_hers(finder, said):
    text = 'Okonkwo said the governor\'s claim that the raids are "lawful" is false.'
    assert said(finder, text, "quote") == set()


def test_a_caption_under_someone_elses_statement_is_still_the_posters(finder, said):
    text = ('Okonkwo posted a screenshot of a statement from the family with the caption "Grief and the '
            'search for truth" on Sunday.')
    assert ("mara-okonkwo", "grief and the search for truth") in said(finder, text, "quote")


# --- a partial quote as the state a leader expressed ---------------------------------------------

@pytest.mark.parametrize("text,words", [
    ('Okonkwo expressed being "heartbroken" by the raids and called for calm.', "heartbroken"),
    ('Okonkwo expressed feeling "betrayed" by the city council.', "betrayed"),
])
def test_a_quoted_state_after_expressed_is_hers(finder, text, words, said):
    assert said(finder, text, kind="quote") == {("mara-okonkwo", words)}


@pytest.mark.parametrize("text", [
    'Okonkwo reacted to the mayor being "reckless" with the budget.',
    'Okonkwo addressed the union, which was "furious" about the raids.',
])
def test_a_quoted_state_of_someone_else_is_not_hers(finder, text, said):
    assert said(finder, text, kind="quote") == set()


# --- what an act implies is the reporter's inference, not reported speech -------------------------

def test_suggesting_after_an_act_is_what_the_act_implies(finder, said):
    text = "Okonkwo offered staff one-on-one briefings, suggesting the memo was only a first step."
    assert said(finder, text) == set()


@pytest.mark.parametrize("text", [
    "Okonkwo spoke to staff on Friday, suggesting the memo was only a first step.",
    "Okonkwo wrote to staff, suggesting that the memo was only a first step.",
    "Okonkwo offered staff one-on-one briefings, saying the memo was only a first step.",
])
def test_suggesting_after_speech_still_reports_her(finder, text, said):
    assert said(finder, text, kind="paraphrase") == {("mara-okonkwo", "the memo was only a first step")}


# --- round 11: a quoted adjective on a verdict's object is the judge's word ----------------------

def test_a_quoted_adjective_on_what_a_leader_criticized_is_hers(finder, said):
    text = "Okonkwo criticized the “discriminatory” actions of the hotel's managers."
    assert ("mara-okonkwo", "discriminatory") in said(finder, text, "quote")


def test_a_quoted_name_on_what_a_leader_praised_is_no_quote(finder, said):
    for text in ("Okonkwo praised the “Safe Harbor” programme.", "Okonkwo criticized the harsh “Midway” raids."):
        assert said(finder, text, "quote") == set()
