"""Reporting forms read in round 6 of issue 11, each on a FICTIONAL sentence: reported speech
that is not the leader's statement (a position described as held over time, reports by unnamed
others inside her clause, a quoted name), and the tags and speakers round 6 added (a tag put
first, a speaker hung on a fronted phrase, a dropped opening mark, "according to X, CEO of ...").
Every person and company here is invented."""

import pytest

from onrecord.nlp.quotes import QuoteFinder, normalize_quote

LEADERS = [
    {"id": "mara-okonkwo", "name": "Mara Okonkwo", "aliases": ["Okonkwo"], "title": "Chief Executive",
     "organization": "Lumenfold"},
]


@pytest.fixture(scope="module")
def finder():
    return QuoteFinder(LEADERS)


def test_a_position_held_over_time_is_not_a_statement(finder, said):
    text = ("But Okonkwo, who has long advocated for visa reform to help small manufacturers, also made a "
            "passing reference to the raids in Dayton.")
    assert said(finder, text) == set()


def test_a_habitual_relative_clause_is_not_a_statement(finder, said):
    text = "Okonkwo, who often called for calmer border policing, stayed quiet at the hearing on Tuesday."
    assert said(finder, text) == set()


def test_a_report_in_a_relative_clause_without_aspect_stays_hers(finder, said):
    text = ("Okonkwo, who called for an independent review of the raids in a memo to staff on Monday, "
            "declined further comment.")
    assert ("mara-okonkwo", "called for an independent review of the raids") in {
        (who, words[:len("called for an independent review of the raids")])
        for who, words in said(finder, text, "paraphrase")}


def test_reports_by_unnamed_others_inside_her_clause_are_not_her_paraphrase(finder, said):
    text = 'Mara Okonkwo, CEO of Lumenfold, said raids are being reported "in big cities and small towns alike."'
    assert said(finder, text, "paraphrase") == set()
    assert said(finder, text, "quote") == {("mara-okonkwo", "in big cities and small towns alike")}


def test_a_passive_report_with_her_as_agent_is_not_barred(finder, said):
    text = "Okonkwo said the closures were announced by her own managers before the raids began."
    assert said(finder, text, "paraphrase") == {
        ("mara-okonkwo", "the closures were announced by her own managers before the raids began")}


def test_her_own_clause_without_a_report_in_it_stays_a_paraphrase(finder, said):
    text = "Okonkwo said raids are spreading to small towns across the state."
    assert said(finder, text, "paraphrase") == {("mara-okonkwo", "raids are spreading to small towns across the state")}


# --- who speaks -----------------------------------------------------------------------------------

def test_a_speech_verb_put_before_the_name_is_no_first_name(finder, said):
    text = ('Lumenfold President Mara Okonkwo was stunned. "My first question is: Why us?" Okonkwo said. '
            '"We follow every rule." When she raised it with agents, she was told the system "is broken." '
            'Said Okonkwo, "What am I supposed to do with that? This is your system."')
    found = said(finder, text, "quote")
    assert ("mara-okonkwo", "my first question is why us") in found
    assert ("mara-okonkwo", "we follow every rule") in found


def test_another_person_sharing_the_surname_still_makes_it_doubtful(finder, said):
    # (since round 11 a bare surname before the other bearer is named is the leader's, so the
    # cousin is named before the quote here: from her mention on, 'Okonkwo' is either of them)
    text = ('Lumenfold President Mara Okonkwo was stunned. Her cousin Adaeze Okonkwo, a nurse, said the agents '
            'were polite. "My first question is: Why us?" Okonkwo said.')
    assert said(finder, text, "quote") == set()


def test_a_speaker_hung_on_a_fronted_participle_still_speaks(finder, said):
    text = ("Speaking to the local station KTVB, Mara Okonkwo, CEO of Lumenfold and the maker of Okie's Crunch "
            "snacks, said that she had received no advance notice of the operation. "
            '"Of course not. It was a raid," she said.')
    assert said(finder, text) == {
        ("mara-okonkwo", "she had received no advance notice of the operation"),
        ("mara-okonkwo", "of course not it was a raid"),
    }


def test_a_fronted_participle_naming_only_others_gives_her_nothing(finder, said):
    text = ("Speaking to the local station KTVB, Dana Ruiz, a neighbour of Mara Okonkwo, said that agents "
            'had arrived without notice. "Of course not. It was a raid," she said.')
    assert said(finder, text) == set()


def test_a_leader_acted_on_is_not_the_next_pronoun(finder, said):
    # a person acted on is no antecedent: the one acting may be a person the model does not know as one
    text = ("The sheriff caught Lumenfold Chief Executive Mara Okonkwo by surprise.\n"
            '"We had no warning at all," she told the Daily Ledger by phone.')
    assert said(finder, text) == set()


# --- quote marks the page dropped -------------------------------------------------------------------

def test_a_paragraph_whose_opening_mark_was_dropped_is_a_quote(finder, said):
    text = ("Okonkwo also referred to videos of agents detaining people.\n\n"
            "I do not like what I am seeing, three grown men pushing an old woman,” Okonkwo said. "
            "“So I think we should calm down a little.”")
    assert said(finder, text, "quote") == {
        ("mara-okonkwo", "i do not like what i am seeing three grown men pushing an old woman"),
        ("mara-okonkwo", "so i think we should calm down a little"),
    }


def test_a_dropped_opening_mark_is_not_guessed_past_the_reporters_sentence(finder, said):
    text = ("Okonkwo spoke on Tuesday. The raids are cruel,” Okonkwo said. “We will not comply.”")
    found = said(finder, text, "quote")
    assert not any("spoke on tuesday" in words or "raids are cruel" in words for _, words in found)


# --- where a reported clause ends -------------------------------------------------------------------

def test_the_reporters_participle_after_the_clause_is_not_what_was_said(finder, said):
    text = ("Lumenfold CEO Mara Okonkwo said Wednesday that she disagreed with the governor's approach to "
            "immigration, offering a rare public rebuke by an executive of one of his signature policies.")
    assert said(finder, text, "paraphrase") == {
        ("mara-okonkwo", "she disagreed with the governor's approach to immigration")}


def test_a_participle_inside_her_partial_quote_stays_hers(finder, said):
    text = ('Okonkwo said the raids have "disrupted our stores significantly, causing staffing shortages '
            'and other problems."')
    found = said(finder, text, "paraphrase")
    assert any(words.endswith("causing staffing shortages and other problems") for _, words in found)


def test_a_tag_put_first_gives_the_quote_after_it(finder, said):
    text = ('Lumenfold President Mara Okonkwo was stunned. When she raised it with agents, she was told the '
            'system "is broken." Said Okonkwo, "What am I supposed to do with that? This is your system."')
    assert ("mara-okonkwo", "what am i supposed to do with that this is your system") in said(finder, text, "quote")


def test_a_tag_put_first_naming_someone_else_gives_the_leader_nothing(finder, said):
    text = ('Lumenfold President Mara Okonkwo was stunned. Said Dana Ruiz, a supervisor, "They just came in."')
    assert said(finder, text, "quote") == set()


def test_according_to_a_leader_with_her_title_after_her_name(finder, said):
    text = ("The pause brought a “sense of relief,” according to Mara Okonkwo, CEO of Lumenfold. "
            "However, that relief proved brief.")
    assert said(finder, text, "quote") == {("mara-okonkwo", "sense of relief")}


def test_according_to_a_leader_and_another_person_is_no_ones(finder, said):
    text = "The pause brought a “sense of relief,” according to Mara Okonkwo and Dana Ruiz, a farmer."
    assert said(finder, text) == set()


def test_a_leader_who_was_not_informed_still_reports_it(finder, said):
    text = ("Okonkwo suggested she was not immediately informed because the depot, while central to "
            "Lumenfold's plans, is run by a partner company.")
    found = said(finder, text, "paraphrase")
    assert any(who == "mara-okonkwo" and words.startswith("she was not immediately informed") for who, words in found)


def test_a_quoted_name_inside_her_reported_speech_is_not_her_words(finder, said):
    # read after heldout6's blind look: a facility's name in scare quotes, given as her partial quote
    text = ('Okonkwo said that while ICE has recently been using tents like those at the “Harbor Point” detention '
            'center, she believes the agency “does not see tents as long-term solutions.”')
    partials = said(finder, text, kind="quote")
    assert ("mara-okonkwo", normalize_quote("does not see tents as long-term solutions.")) in partials
    assert ("mara-okonkwo", normalize_quote("Harbor Point")) not in partials


def test_a_quoted_judgement_inside_her_reported_speech_stays_hers(finder, said):
    text = "Okonkwo said the raids were “a disgrace” and must end."
    assert ("mara-okonkwo", "a disgrace") in said(finder, text, kind="quote")
