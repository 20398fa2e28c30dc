"""Who "he said" belongs to when the sentence before ends with a leader's own speech verb and a
phrase fronted before her names only a thing that the rules, from where it stands, had taken for
someone ('After the ICE action ... announcing its plans ..., X said ...', 'With U.S. Border Patrol
in the area detaining people, ..., X explained.'): read in round 24 of issue 11. Each form is on a
FICTIONAL sentence, with the must-nevers beside it. Every person and company here is invented."""

# `finder` reads the two FICTIONAL leaders of tests/nlp/conftest.py (Okonkwo and Reyna).

AFTER = ("After the county towing action in Harlow and the state announcing its plans to inspect 2,000 trucks, "
         "Reyna said many drivers are leaving town. ")
WITH = ("With the Border Patrol in the area detaining people, it just wasn't safe for the neighbourhood to have "
        "the doors open, Okonkwo explained. ")


# --- the form -------------------------------------------------------------------------------------

def test_a_thing_announcing_in_a_fronted_clause_leaves_the_speaker_in_view(finder, said):
    text = AFTER + '"We have already lost six crews," he said.'
    assert ("tomas-reyna", "we have already lost six crews") in said(finder, text, kind="quote")


def test_an_agency_acting_in_a_fronted_phrase_leaves_the_speaker_in_view(finder, said):
    text = WITH + '"They are chasing anyone who looks like me," she told a neighbour.'
    assert ("mara-okonkwo", "they are chasing anyone who looks like me") in said(finder, text, kind="quote")


# --- must-nevers ----------------------------------------------------------------------------------

def test_a_named_person_in_the_fronted_phrase_keeps_the_doubt(finder, said):
    # two women named in the sentence: either could be the next "she"
    text = ("With Delia Ruiz in the area handing out leaflets, it just wasn't safe for the neighbourhood to have "
            'the doors open, Okonkwo explained. "They are chasing anyone who looks like me," she said.')
    assert said(finder, text, kind="quote") == set()


def test_a_role_in_the_fronted_clause_keeps_the_doubt(finder, said):
    text = ("After the sheriff announcing his plans to inspect 2,000 trucks, Reyna said many drivers are leaving "
            'town. "We have already lost six crews," he said.')
    assert said(finder, text, kind="quote") == set()


def test_a_worker_named_after_the_leader_keeps_the_doubt(finder, said):
    # the official or worker named after her may be the one speaking next
    text = ("After the county towing action in Harlow and the state announcing its plans to inspect 2,000 trucks, "
            'Okonkwo said her cashier, Delia Ruiz, was detained. "They took her at the door," she said.')
    assert said(finder, text, kind="quote") == set()


def test_she_after_a_leader_who_is_a_he_names_no_one(finder, said):
    text = ("After the county towing action in Harlow and the state announcing its plans to inspect 2,000 trucks, "
            'Reyna said his drivers are leaving town. "We have already lost six crews," she said.')
    assert said(finder, text, kind="quote") == set()


def test_a_pronoun_inside_someone_elses_quote_is_not_the_leaders(finder, said):
    text = ('Delia Ruiz, a cashier, remembered the day: "With the Border Patrol in the area detaining people, '
            "it just wasn't safe to have the doors open, Okonkwo explained. 'They are chasing anyone,' she said.\"")
    assert not {pair for pair in said(finder, text) if pair[0] == "mara-okonkwo" and "chasing" in pair[1]}


def test_an_official_with_a_title_in_the_fronted_phrase_keeps_the_doubt(finder, said):
    for official in ("Harlow County Sheriff Dale Brandt", "Texas State Sen. Dale Brandt", "the Reverend Dale Brandt"):
        text = (f"With {official} in the area handing out leaflets, it just wasn't safe for the neighbourhood to have "
                'the doors open, Reyna explained. "They are chasing anyone who looks like me," he said.')
        assert said(finder, text, kind="quote") == set(), official
