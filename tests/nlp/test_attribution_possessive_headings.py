"""A subheading with the leader's name and a possessive ("Mara Okonkwo's Struggle to Keep the Doors
Open"): the small model reads the name and the thing of hers as one person, whose last word is no
name of hers. Words after the possessive are a thing she has, not another person with her surname
(nlp/leader_mentions.py). FICTIONAL articles: the form, and the must-nevers where the surname is
also someone else's."""


def test_her_surname_after_a_possessive_subheading(finder, said):
    text = ("Mara Okonkwo, a baker in Eastmere, expected a busy spring.\n\n"
            "Mara Okonkwo’s Struggle to Keep the Doors Open\n\n"
            "Okonkwo, who bakes for weddings, has lost most of her orders.\n\n"
            "“We are going to suffer again,” Okonkwo said. “We did not even make rent this month.”")
    assert said(finder, text, "quote") == {("mara-okonkwo", "we are going to suffer again"),
                                           ("mara-okonkwo", "we did not even make rent this month")}


def test_never_when_the_subheading_names_a_namesake(finder, said):
    text = ("Mara Okonkwo, a baker in Eastmere, expected a busy spring.\n\n"
            "Gloria Okonkwo’s Struggle to Keep the Doors Open\n\n"
            "Okonkwo, who sews dresses, has lost most of her clients.\n\n"
            "“We are going to suffer again,” Okonkwo said.")
    assert not said(finder, text, "quote")


def test_never_when_a_namesake_is_named_after_her_possessive(finder, said):
    text = ("Mara Okonkwo runs a bakery in Eastmere. Mara Okonkwo’s cousin Gloria Okonkwo runs the shop next door.\n\n"
            "“We are going to suffer again,” Okonkwo said.")
    assert not said(finder, text, "quote")


def test_never_a_namesakes_possessive_subheading_after_her_words(finder, said):
    text = ("Mara Okonkwo runs a bakery in Eastmere.\n\n"
            "Gloria Okonkwo’s Fight for Her Shop\n\n"
            "“We are going to suffer again,” Okonkwo said.")
    assert not said(finder, text, "quote")


def test_never_when_the_subheading_names_her_namesake_daughter(finder, said):
    text = ("Mara Okonkwo runs a bakery in Eastmere.\n\n"
            "Mara Okonkwo’s Daughter Gloria Okonkwo Speaks Out\n\n"
            "“We are going to suffer again,” Okonkwo said.")
    assert not said(finder, text, "quote")
