"""Round 17's paraphrase forms, on FICTIONAL sentences: a verb of emphasis or report with a noun
object ('highlighted the close cooperation between ...', 'underscored ...', 'articulated ...',
'noted ...', 'reports a 40% drop in sales'), and a that-clause whose verb stands in a partial quote
hung on the noun of where it was said ('stated in an internal message that ICE is "going too
far"'). Each form has must-nevers beside it: a gloss on a quote, a bare noun, a second person named
in between, a group or spokesperson, a document's words, narration about a leader only mentioned.
"""


def test_emphasis_with_a_noun_object_is_her_paraphrase(finder, said):
    cases = {
        "Mara Okonkwo highlighted the close cooperation between the city and local businesses.":
            "highlighted the close cooperation between the city and local businesses",
        "Okonkwo underscored the human cost of the raids on her workers.":
            "underscored the human cost of the raids on her workers",
        "Mara Okonkwo articulated the emotional weight that the raids carry for many families.":
            "articulated the emotional weight that the raids carry for many families",
        "Mara Okonkwo noted a modest uptick in customers on certain days.":
            "noted a modest uptick in customers on certain days",
    }
    for text, words in cases.items():
        assert ("mara-okonkwo", words) in said(finder, text, "paraphrase"), text


def test_what_was_reported_is_the_object(finder, said):
    text = "Tomas Reyna, who owns three restaurants in the city, reports a 40% drop in sales since the raids began."
    got = said(finder, text, "paraphrase")
    assert any(leader == "tomas-reyna" and words.startswith("a 40 drop in sales") for leader, words in got), got  # ('%' normalised away)


def test_never_the_reporters_gloss_on_a_quote(finder, said):
    for text in ("“Fewer and fewer people came. That’s why I closed,” she said, highlighting the chilling effect "
                 "the crackdown has on small shops.",
                 "In a video, Mara Okonkwo stated, “I just don’t have it within me,” highlighting her deep "
                 "emotional turmoil over the matter."):
        text = "Mara Okonkwo owns a bakery in Lumenfold. " + text if not text.startswith("In") else text
        assert not [p for p in said(finder, text, "paraphrase") if "turmoil" in p[1] or "chilling" in p[1]], text


def test_a_participle_of_speech_after_the_tag_stays_hers(finder, said):
    text = "“It was like a natural disaster,” Mara Okonkwo said, noting collaboration across race and class lines."
    assert ("mara-okonkwo", "noting collaboration across race and class lines") in said(finder, text, "paraphrase")


def test_never_a_bare_noun_a_lead_in_or_a_thing_handed_over(finder, said):
    for text in ("Mara Okonkwo articulated the situation clearly, saying that the shortage had persisted.",
                 "Mara Okonkwo highlighted another pressing issue: even with the raids over, she lacks the staff.",
                 "Mara Okonkwo highlighted the industry’s impact, noting it supports one in 25 jobs.",
                 "Mara Okonkwo reported the two men to the police on Tuesday."):
        got = {words for leader, words in said(finder, text, "paraphrase")}
        assert not [w for w in got if w.startswith(("articulated", "highlighted", "reported", "the two men"))], text


def test_never_another_persons_or_a_groups_emphasis(finder, said):
    for text in ("Mara Okonkwo met the mayor, who highlighted the close cooperation between the city and businesses.",
                 "Mara Okonkwo spoke first; Dale Murrow, the council's chair, then underscored the human cost of the raids.",
                 "Lumenfold's spokesperson highlighted the company's record on hiring immigrants.",
                 "More than 60 CEOs, among them Mara Okonkwo, highlighted the harm the raids do to business.",
                 "The mayor, speaking after Mara Okonkwo, highlighted the economic cost of the raids.",
                 "Mara Okonkwo listened as the mayor highlighted the economic cost of the raids.",
                 "Mara Okonkwo's lawyer noted the lack of evidence against the workers.",
                 "Tomas Reyna's employees noted a sharp drop in customers after the raids."):
        assert not [p for p in said(finder, text, "paraphrase") if p[0] == "mara-okonkwo"], text


def test_never_a_documents_or_the_narrations_report(finder, said):
    for text in ("A memo sent to Mara Okonkwo highlighted the risks of the contract for the company.",
                 "The agency’s report noted a sharp rise in arrests at businesses like Mara Okonkwo’s bakery.",
                 "Sales at Mara Okonkwo’s bakery fell; the city reports a 40% drop in sales across the district.",
                 "The raids highlighted the plight of owners like Mara Okonkwo, who was not at the shop.",
                 "Police reported Mara Okonkwo's arrest at the bakery on Tuesday.",
                 "Mara Okonkwo, whose bakery was raided, was highlighted in the report as a victim of the crackdown."):
        assert not [p for p in said(finder, text, "paraphrase") if p[0] == "mara-okonkwo"], text


def test_a_partial_quote_in_a_that_clause_on_where_it_was_said(finder, said):
    cases = {
        "Mara Okonkwo stated in an internal message that ICE is “going too far” and called for a distinction "
        "between deporting criminals and current actions.": "ice is going too far",
        "Mara Okonkwo told her employees in an internal message that ICE is “going too far” with its crackdown.":
            "ice is going too far with its crackdown",
        "Mara Okonkwo said in a statement that those arrested were “actively supporting our community.”":
            "those arrested were actively supporting our community",
    }
    for text, words in cases.items():
        got = {w for leader, w in said(finder, text, "paraphrase") if leader == "mara-okonkwo"}
        assert any(words in w for w in got), (text, got)  # (normalised: no quote marks)


def test_never_someone_elses_partial_quote_on_where_it_was_said(finder, said):
    for text in ("Mara Okonkwo read a statement in which the mayor said that ICE is “going too far.”",
                 "Dale Murrow stated in a message to Mara Okonkwo that ICE is “going too far” in the city.",
                 "Lumenfold's spokesperson said in a statement that the raids were “deeply troubling.”",
                 "The union's letter to Mara Okonkwo said in its closing lines that agents were “out of control.”"):
        assert not [p for p in said(finder, text, "paraphrase") if p[0] == "mara-okonkwo"], text
