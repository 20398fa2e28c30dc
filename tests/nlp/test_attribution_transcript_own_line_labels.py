"""Transcript labels standing on their own line (read in round 14 of issue 11, from a public TV
interview's transcript): 'Name:' alone, the answer on the next line. Each form on a FICTIONAL
interview, with its must-never beside it. Every person and company here is invented."""

INTERVIEW = ("Ana Silva:\nWelcome to the show. What happened at your plant this week?\n"
             "Mara Okonkwo:\nWe were raided on Tuesday and I am still angry about it.\n"
             "Ana Silva:\nWhat will you do next?\n"
             "Mara Okonkwo:\nWe will keep paying our workers while they wait.\n")


def test_a_label_on_its_own_line_gives_the_next_line_to_the_leader(finder, said):
    assert said(finder, INTERVIEW, "quote") == {
        ("mara-okonkwo", "we were raided on tuesday and i am still angry about it"),
        ("mara-okonkwo", "we will keep paying our workers while they wait")}


def test_the_interviewers_lines_are_no_ones(finder, said):
    assert not {words for _leader, words in said(finder, INTERVIEW)} & {
        "welcome to the show what happened at your plant this week", "what will you do next"}


def test_a_lone_label_is_no_transcript(finder, said):
    assert said(finder, "Mara Okonkwo:\nWe were raided on Tuesday and I am still angry about it.") == set()


def test_a_label_followed_by_another_label_gives_nothing(finder, said):
    text = ("Mara Okonkwo:\nAna Silva:\nWe were raided on Tuesday and I am still angry about it.\n"
            "Mara Okonkwo:\nAna Silva:\nWe will keep paying our workers while they wait.")
    assert said(finder, text) == set()


def test_a_list_of_panelists_is_no_transcript(finder, said):
    # must never: the words after a label that are a role are a description, not a turn
    for sep in ("\n", " "):
        text = (f"Panelists\nMara Okonkwo:{sep}Chief executive of Lumenfold, who has led the company since 2010.\n"
                f"Tomas Reyna:{sep}Owner of Reyna Roofing, a family firm in Tucson with forty workers.")
        assert said(finder, text) == set(), sep
