"""Round 18's paraphrase forms, on FICTIONAL sentences: a judgement with its reason or its thing
('criticized the company over a contract to build ...', 'criticized executives for their
reluctance to ...', 'defended the presence of foreign workers at the plant'). A bare verdict
('criticized the mayor', 'defended herself') stays an act, not words. Each form has must-nevers
beside it: a gloss on a quote, a second person named in between, a group or spokesperson, a
document's words, narration about a leader only mentioned, a position held over time.
"""


def test_a_criticism_with_its_reason_is_her_paraphrase(finder, said):
    cases = {
        "Mara Okonkwo criticized the company over a contract to build a tracking system.":
            "criticized the company over a contract to build a tracking system",
        "Okonkwo criticized tech executives for their reluctance to challenge the government.":
            "criticized tech executives for their reluctance to challenge the government",
    }
    for text, words in cases.items():
        assert ("mara-okonkwo", words) in said(finder, text, "paraphrase"), text


def test_a_defence_of_a_thing_is_her_paraphrase(finder, said):
    text = "Mara Okonkwo defended the presence of foreign workers at the plant."
    assert said(finder, text, "paraphrase") == {
        ("mara-okonkwo", "defended the presence of foreign workers at the plant")}


def test_a_thing_that_defends_is_no_ones_words(finder, said):
    # 'defend' joined the frames; inside her own framing, a sector defending norms is no one speaking
    text = ("Mara Okonkwo pressed executives to push for accountability, framing the moment as a test of "
            "whether the sector will defend the democratic norms it relies upon.")
    assert ("mara-okonkwo", "framing the moment as a test of whether the sector will defend the democratic norms "
            "it relies upon") in said(finder, text, "paraphrase")


def test_a_bare_verdict_is_an_act_not_words(finder, said):
    for text in ("Mara Okonkwo criticized the mayor.", "Mara Okonkwo defended herself.",
                 "Mara Okonkwo defended the decision."):
        assert said(finder, text, "paraphrase") == set(), text


def test_a_gloss_on_her_quote_is_the_reporters(finder, said):
    text = '"We are scared," Mara Okonkwo said, criticizing the mayor over the raids on local businesses.'
    assert said(finder, text, "paraphrase") == set()
    assert said(finder, text) == {("mara-okonkwo", "we are scared")}


def test_a_position_held_over_time_is_not_a_statement(finder, said):
    assert said(finder, "Mara Okonkwo has long defended the hiring of foreign workers at her plants.", "paraphrase") == set()


def test_a_second_person_named_in_between_speaks_for_himself(finder, said):
    text = "Tomas Reyna criticized Mara Okonkwo over the layoffs at the plant."
    assert said(finder, text, "paraphrase") == {("tomas-reyna", "criticized mara okonkwo over the layoffs")}
    text = "Mara Okonkwo met Tomas Reyna, who criticized the agency over the raids on the plant."
    assert not [p for p in said(finder, text, "paraphrase") if p[0] == "mara-okonkwo"]


def test_a_group_spokesperson_or_lawyer_gives_her_nothing(finder, said):
    for text in ("Lumenfold defended its work with the agency after the raids on the plant.",
                 "A spokesperson for Mara Okonkwo defended the company's hiring of foreign workers.",
                 "Her lawyer defended Mara Okonkwo's hiring of foreign workers in court.",
                 "Mara Okonkwo's spokesperson criticized the mayor over the raids on local businesses."):
        assert not [p for p in said(finder, text, "paraphrase") if p[0] == "mara-okonkwo"], text


def test_a_documents_words_are_not_hers(finder, said):
    text = "The statement from Lumenfold criticized the agency over the raids, and Mara Okonkwo signed it."
    assert said(finder, text, "paraphrase") == set()


def test_narration_about_a_leader_only_mentioned_gives_her_nothing(finder, said):
    for text in ("The union criticized Mara Okonkwo over the layoffs at the plant.",
                 "Critics defended the workers who had sued Mara Okonkwo over the raids."):
        assert said(finder, text, "paraphrase") == set(), text


def test_a_judgement_before_a_participle_of_speech(finder, said):
    # with a noun object the participle says more ('defended X, emphasizing Y': both); with a
    # reported clause it is what was said, and the judgement the reporter's lead into it
    text = ("Mara Okonkwo defended the presence of foreign workers at the plant, emphasizing the scarcity of "
            "domestic expertise.")
    assert ("mara-okonkwo", "defended the presence of foreign workers at the plant") in said(finder, text, "paraphrase")
    text = ("Mara Okonkwo defended her company's growing role in the program, arguing that the software does not "
            "track citizens.")
    assert said(finder, text, "paraphrase") == {("mara-okonkwo", "the software does not track citizens")}
