"""A participle of telling on a leader's own tag (nlp/tag_participles.py), FICTIONAL sentences:
the form, and the must-nevers where the participle is not the leader's words."""


def test_describing_after_her_tag(finder, said):
    text = ("“They’re working legally, but they’re hunkered down,” Okonkwo said, describing a climate of fear "
            "that extends far beyond undocumented workers.")
    assert ("mara-okonkwo", "describing a climate of fear that extends far beyond undocumented workers") \
        in said(finder, text, "paraphrase")


def test_recounting_after_a_long_tag(finder, said):
    text = ("“I could not believe what I saw,” Mara Okonkwo, chief executive at Lumenfold, told reporters on "
            "Thursday, recounting first seeing the raid on TV at her office.")
    assert ("mara-okonkwo", "recounting first seeing the raid on tv at her office") in said(finder, text, "paraphrase")


def test_never_on_another_persons_tag(finder, said):
    text = "“We are open,” Okonkwo said. “Nobody came,” the sheriff said, describing a quiet morning at the jail."
    assert not said(finder, text, "paraphrase")


def test_never_on_an_officials_tag_after_hers(finder, said):
    text = ("“The shop is closed,” Okonkwo said, while the sheriff spoke to reporters, describing the raid "
            "at the roofing yard.")
    assert not said(finder, text, "paraphrase")


def test_never_on_a_verb_that_is_no_speech(finder, said):
    text = "Reyna left the hall, explaining nothing to the reporters waiting outside."
    assert not said(finder, text, "paraphrase")


def test_never_inside_someone_elses_quote(finder, said):
    text = "Okonkwo said that “Farrow told us, recounting the night in detail, that the raid was over.”"
    assert not said(finder, text, "paraphrase")


def test_never_a_lead_in_to_a_colon(finder, said):
    text = "Okonkwo continued, explaining her decision to close the plant: “I just don’t have it within me.”"
    assert not said(finder, text, "paraphrase")


def test_never_a_verb_of_emphasis(finder, said):
    text = "“The shop is closed,” Okonkwo said, highlighting the chilling effect of the raids on the street."
    assert not said(finder, text, "paraphrase")
