"""Who a pronoun's quote belongs to when the sentence before is told from one person's side: a
fronted 'For X, ...' or 'According to X, ...' ahead of a subject that is a plain thing (round 20 of
issue 11), each on a FICTIONAL sentence with the guards beside it. Every person and company here is
invented."""

# `finder` reads the two FICTIONAL leaders of tests/nlp/conftest.py (Okonkwo and Reyna).


def test_for_her_the_experience_makes_her_the_next_she(finder, said):
    text = ("The raids reached the east side in March.\n\nFor Mara Okonkwo, owner of Lumenfold, the month has "
            'been disheartening. "We are a targeted community," she said.')
    assert said(finder, text, "quote") == {("mara-okonkwo", "we are a targeted community")}


def test_for_her_after_a_conjunction_and_two_quotes_around_the_tag(finder, said):
    text = ("Lumenfold's workshop sits on the corner. It is hard work, but for Okonkwo, the workshop is also "
            'home.\n\n"It is the best place in the world to raise a family," she said. "There are a lot of '
            'late nights."')
    assert said(finder, text, "quote") == {
        ("mara-okonkwo", "it is the best place in the world to raise a family"),
        ("mara-okonkwo", "there are a lot of late nights"),
    }


def test_according_to_her_the_report_makes_her_the_next_she(finder, said):
    text = ("According to Okonkwo, the market for her business has shrunk since the spring. "
            '"Business has gone from bad to worse," she lamented.')
    assert ("mara-okonkwo", "business has gone from bad to worse") in said(finder, text, "quote")


# --- must never -----------------------------------------------------------------------------------

def test_someone_else_in_the_subject_leaves_the_she_in_doubt(finder, said):
    # the sister may be the one who speaks
    text = ("For Mara Okonkwo, her sister's arrest came without warning. "
            '"I was at work when they came," she said.')
    assert said(finder, text, "quote") == set()


def test_a_person_acting_after_the_frame_is_not_her(finder, said):
    text = ('For Mara Okonkwo, the neighbours cooked dinner every night. "It was the least we could do," '
            "she said.")
    assert said(finder, text, "quote") == set()


def test_thanks_to_her_is_not_her_side(finder, said):
    # the one sheltered speaks, not the one thanked
    text = ('Thanks to Mara Okonkwo, the shelter stayed open. "We had nowhere else to go," she said.')
    assert said(finder, text, "quote") == set()


def test_her_customers_are_not_her(finder, said):
    text = ("For Okonkwo's customers, the raids have been frightening. "
            '"We stay home now," she said.')
    assert said(finder, text, "quote") == set()


def test_according_to_her_another_leader_acting_is_his_he(finder, said):
    text = ('According to Mara Okonkwo, Tomas Reyna has stopped answering. "It is over," he said.')
    assert all(leader != "mara-okonkwo" for leader, _ in said(finder, text, "quote"))


def test_a_frame_inside_someone_elses_clause_is_not_hers(finder, said):
    text = ('Workers said that for Mara Okonkwo, the month had been hard. "We are scared," she said.')
    assert said(finder, text, "quote") == set()
