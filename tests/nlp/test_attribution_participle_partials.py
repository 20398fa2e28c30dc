"""A partial quote in a participle of saying on a leader's own speech verb (nlp/participle_partials.py),
FICTIONAL sentences: the form, and the must-nevers where the quoted words are not the leader's."""


def quotes(finder, said, text):
    return said(finder, text, "quote")


def test_citing_after_her_announcement(finder, said):
    text = ("Reyna Roofing is shut. Tomas Reyna announced on social media that he’d “made the hard decision to "
            "close for now,” citing the “ongoing raids” affecting his crews.")
    found = quotes(finder, said, text)
    assert ("tomas-reyna", "made the hard decision to close for now") in found
    assert ("tomas-reyna", "ongoing raids") in found


def test_citing_after_her_tag(finder, said):
    text = "“We are closing the plant,” Okonkwo said, citing the “ongoing sweeps” in the county."
    assert ("mara-okonkwo", "ongoing sweeps") in quotes(finder, said, text)


def test_never_on_an_officials_verb(finder, said):
    text = ("Okonkwo stood by the door of the plant. The sheriff announced that the road would close, citing the "
            "“ongoing protests” in the county.")
    assert not quotes(finder, said, text)


def test_never_when_another_person_is_cited(finder, said):
    text = "“We are closing the plant,” Okonkwo said, citing the sheriff’s “ongoing sweeps” in the county."
    assert ("mara-okonkwo", "ongoing sweeps") not in quotes(finder, said, text)


def test_never_when_someone_named_in_the_participle_said_it(finder, said):
    text = ("“We are closing the plant,” Okonkwo said, citing Gloria Farrow, who called the sweeps “a disgrace” "
            "on Monday.")
    assert ("mara-okonkwo", "a disgrace") not in quotes(finder, said, text)


def test_never_on_a_pronoun_that_may_be_someone_else(finder, said):
    text = ("Reyna met the sheriff on Monday. He announced that the road would close, citing the “ongoing "
            "protests” in the county.")
    assert not quotes(finder, said, text)



def test_never_on_hearsay(finder, said):
    text = "Okonkwo allegedly announced the closure on Monday, citing the “ongoing sweeps” in the county."
    assert ("mara-okonkwo", "ongoing sweeps") not in quotes(finder, said, text)
