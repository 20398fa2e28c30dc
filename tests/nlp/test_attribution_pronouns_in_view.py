"""Who a pronoun's quote belongs to when the sentence before leaves one person in view, in forms
read in rounds 10 and 11 of issue 11 (an age or a role standing for her, "the memo" she released), each on a FICTIONAL sentence with a guard beside it. Every person
and company here is invented."""

from onrecord.nlp.quotes import QuoteFinder, normalize_quote

# `finder` reads the two FICTIONAL leaders of tests/nlp/conftest.py (Okonkwo and Reyna).


# --- a passive whose agent is a thing leaves its subject in view ----------------------------------

def test_a_passive_subject_acted_on_by_a_thing_is_the_next_she(finder, said):
    text = ("Mara Okonkwo, chief executive of Lumenfold, which employs 400 people, wasn't reassured by the "
            'reversal. "Nobody on my team sleeps anymore," she said.')
    assert ("mara-okonkwo", "nobody on my team sleeps anymore") in said(finder, text)


def test_a_passive_subject_acted_on_by_a_person_leaves_the_she_in_doubt(finder, said):
    text = ('Mara Okonkwo was criticized by the sheriff. "Nobody on my team sleeps anymore," she said.')
    assert said(finder, text, kind="quote") == set()


def test_a_passive_subject_acted_on_by_a_name_leaves_the_she_in_doubt(finder, said):
    text = ('Mara Okonkwo was criticized by Delia Ruiz. "Nobody on my team sleeps anymore," she said.')
    assert said(finder, text, kind="quote") == set()


def test_a_passive_subject_acted_on_by_a_pronoun_leaves_the_she_in_doubt(finder, said):
    text = ('Mara Okonkwo was hired by her in 2019. "Nobody on my team sleeps anymore," she said.')
    assert said(finder, text, kind="quote") == set()


def test_a_passive_subject_acted_on_by_an_agent_noun_leaves_the_she_in_doubt(finder, said):
    # a noun the person lists do not know, but formed as one who acts ('-er', '-or', '-ist')
    text = ('Mara Okonkwo was outbid by the wholesaler. "Nobody on my team sleeps anymore," she said.')
    assert said(finder, text, kind="quote") == set()


# --- round 11: an age or a role with an aside, and "the memo" going back to its author ------------

def test_an_age_standing_for_the_one_in_view_is_hers(finder, said):
    text = ("Mara Okonkwo runs Lumenfold from a converted mill.\n\n"
            "“I had fewer worries last year,” said the 61-year-old, who has campaigned against the raids.")
    assert said(finder, text) == {("mara-okonkwo", "i had fewer worries last year")}


def test_an_age_with_two_people_in_view_names_no_one(finder, said):
    text = ("Mara Okonkwo met Tomas Reyna at the mill on Friday.\n\n"
            "“I had fewer worries last year,” said the 61-year-old, who has campaigned against the raids.")
    assert said(finder, text) == set()


def test_a_role_with_an_aside_is_the_one_in_view_but_a_role_picked_out_is_not(finder, said):
    aside = ("Mara Okonkwo spoke at the mill on Friday. The chief executive, who rarely speaks to the press, "
             "said the raids had emptied the night shift.")
    picked = ("Mara Okonkwo spoke at the mill on Friday. The chief executive who spoke after her "
              "said the raids had emptied the night shift.")
    assert said(finder, aside, "paraphrase") == {("mara-okonkwo", "the raids had emptied the night shift")}
    assert said(finder, picked, "paraphrase") == set()


def test_the_memo_a_leader_released_is_hers_when_it_speaks(finder, said):
    text = ("Mara Okonkwo released a memo to staff on Monday.\n\n"
            "“We are focused on what we can control,” the memo read.")
    assert said(finder, text) == {("mara-okonkwo", "we are focused on what we can control")}


def test_the_memo_someone_else_released_is_not_the_leaders(finder, said):
    text = ("Mara Okonkwo met the union on Monday. The union released a memo afterwards.\n\n"
            "“We are focused on what we can control,” the memo read.")
    assert said(finder, text) == set()


# --- a leader's surname inside a place's name is no one in view (round 13) ------------------------

def test_a_surname_inside_a_markets_name_puts_no_one_in_view(finder, said):
    text = ("Tomas Reyna opened his shoe store on the second floor of Okonkwo Central on Saturday.\n\n"
            "When I stopped in Tuesday, he said, “There are so many days that people don’t come.”")
    assert said(finder, text, kind="quote") == {("tomas-reyna", normalize_quote("There are so many days that people don’t come."))}


def test_the_same_surname_as_a_person_still_leaves_the_he_in_doubt(finder, said):
    text = ("Tomas Reyna opened his shoe store on the second floor on Saturday, next to Okonkwo.\n\n"
            "When I stopped in Tuesday, he said, “There are so many days that people don’t come.”")
    assert said(finder, text, kind="quote") == set()


# --- the one a thing acts on stays in view (round 13) ----------------------------------------------

def test_the_one_a_raid_caught_by_surprise_is_the_next_she(finder, said):
    text = ("Tuesday’s federal immigration raid caught Lumenfold chief executive Mara Okonkwo by surprise.\n\n"
            "“We had no notification, no idea whatsoever,” she told the Ledger by phone.")
    assert said(finder, text, kind="quote") == {("mara-okonkwo", normalize_quote("We had no notification, no idea whatsoever"))}


def test_the_one_a_person_caught_by_surprise_leaves_the_she_in_doubt(finder, said):
    text = ("The sheriff caught Lumenfold chief executive Mara Okonkwo by surprise.\n\n"
            "“We had no notification, no idea whatsoever,” she told the Ledger by phone.")
    assert said(finder, text, kind="quote") == set()


def test_two_women_a_raid_caught_by_surprise_leave_the_she_in_doubt(finder, said):
    text = ("Tuesday’s federal immigration raid caught Mara Okonkwo and her neighbour Delia Ruiz by surprise.\n\n"
            "“We had no notification, no idea whatsoever,” she told the Ledger by phone.")
    assert said(finder, text, kind="quote") == set()


# --- a leader named only as a possessor, the one person the pronoun can be (round 13) --------------

def test_a_possessor_beside_a_man_is_the_next_she(finder, said):
    text = ("A man walked into Mara Okonkwo’s shop last month and started to ask strange questions: "
            "How many people do you have on staff?\n\n“Stuff nobody asks,” she said.")
    assert said(finder, text, kind="quote") == {("mara-okonkwo", normalize_quote("Stuff nobody asks"))}


def test_a_possessor_beside_a_woman_leaves_the_she_in_doubt(finder, said):
    text = ("A woman walked into Mara Okonkwo’s shop last month and started to ask strange questions: "
            "How many people do you have on staff?\n\n“Stuff nobody asks,” she said.")
    assert said(finder, text, kind="quote") == set()


def test_a_possessor_beside_another_she_leaves_the_she_in_doubt(finder, said):
    text = ("She walked into Mara Okonkwo’s shop last month and started to ask strange questions: "
            "How many people do you have on staff?\n\n“Stuff nobody asks,” she said.")
    assert said(finder, text, kind="quote") == set()


def test_a_possessor_beside_a_named_person_leaves_the_she_in_doubt(finder, said):
    text = ("Delia Ruiz walked into Mara Okonkwo’s shop last month and started to ask strange questions: "
            "How many people do you have on staff?\n\n“Stuff nobody asks,” she said.")
    assert said(finder, text, kind="quote") == set()


def test_a_possessor_of_people_leaves_the_he_in_doubt(finder, said):
    text = ("A woman walked into the office where Tomas Reyna’s cousin works.\n\n"
            "“Stuff nobody asks,” he said.")
    assert said(finder, text, kind="quote") == set()
