"""Round 19's paraphrase form, on FICTIONAL sentences: a verb of emphasis with a that-clause
('underscored that ...', 'highlighted that ...') reports what was said as 'stressed that ...' does.
Its must-nevers beside it: another person named in between, a group's or a document's emphasis,
narration about a leader only mentioned, a negated verb, a position held over time.
"""


def test_emphasis_with_a_that_clause_is_her_paraphrase(finder, said):
    cases = {
        "Mara Okonkwo, the chief executive of Lumenfold, underscored that the lack of legal avenues for skilled "
        "workers remains a hurdle.": "the lack of legal avenues for skilled workers remains a hurdle",
        "Okonkwo highlighted that the plant employs 400 people from the town.":
            "the plant employs 400 people from the town",
    }
    for text, words in cases.items():
        assert ("mara-okonkwo", words) in said(finder, text, "paraphrase"), text


def test_never_anyone_elses_emphasis(finder, said):
    cases = {
        "Tomas Reyna underscored that Mara Okonkwo had ignored the raids for months.": "tomas-reyna",  # his
        "The memo from Lumenfold highlighted that the company would keep its contract with the agency.": None,
        "The union underscored that Mara Okonkwo had signed the contract with the agency.": None,
        "Mara Okonkwo did not underscore that the company would keep its contract with the agency.": None,
        "Mara Okonkwo has long highlighted that immigrant workers keep the plant running every season.": None,
    }
    for text, owner in cases.items():
        got = said(finder, text, "paraphrase")
        assert not [p for p in got if p[0] == "mara-okonkwo"], (text, got)
        assert owner is None or any(p[0] == owner for p in got), (text, got)
