"""A plea is a legal act, not speech (heldout15, look 2): "pled guilty to '...'" quotes the charge,
whose words are the court's or the agency's, never the defendant's. On FICTIONAL sentences.
"""


def test_never_the_charge_of_a_guilty_plea(finder, said):
    for text in ("On Feb. 28, Mara Okonkwo, owner of Lumenfold Bistro, pled guilty to “harboring workers for "
                 "commercial advantage and private financial gain” following an investigation.",
                 "Okonkwo pleaded not guilty to “conspiracy to defraud the United States” on Monday.",
                 "Okonkwo pleaded no contest to “willful failure to keep records,” according to court records.",
                 "Mara Okonkwo was arrested in March. She pled guilty to “acting as an agent of a foreign "
                 "government from 2016 to 2018,” according to agency records."):
        assert said(finder, text) == set(), text


def test_a_plea_for_something_is_still_her_words(finder, said):
    text = "Mara Okonkwo pleaded for “calm and decency in our city” after the raids."
    assert ("mara-okonkwo", "calm and decency in our city") in said(finder, text, "quote")
