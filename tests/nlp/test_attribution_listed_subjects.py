"""A leader listed with others as the subject of a report speaks for all of them, never alone
(nlp/coordinated_parties.py: listed_in_apposition). FICTIONAL: Mara Okonkwo and every bystander are
invented. The parse hangs 'her sister and her husband' or 'the mayor and the sheriff' after
'Okonkwo,' as an appositive with a list of its own, so the name alone stood as the subject: round 52p
found the form on the 'defended <NP>' frame ('Okonkwo, her sister and her husband have defended ...'),
and every reading that takes its speaker from the subject gave her the group's words, the quote rules
and the indirect rule alike. An appositive that a comma closes before the verb is the leader's own
description ('Okonkwo, the chief executive of Lumen and a former mayor, said'), and so is one after the verb
('said Tim Wood, a dairy farmer and a member of ...', heldout34) or one of bare titles with no article
('Nneka Sederstrom, PhD, chief health equity officer at ... said', heldout68): each lost a right pair to the
guard's first form. With the guard removed
every must-never below fails (checked by hand)."""
import pytest

GROUPS = ("her sister and her husband", "the mayor and the sheriff", "a baker and two of his workers")


@pytest.mark.parametrize("group", GROUPS)
@pytest.mark.parametrize("report", [
    "have defended the raids on the warehouse district.",
    "have acknowledged the sensitivity of the raids on the district.",
    "said the raids on the district must end.",
    "have called for an end to the raids on the district.",
    "have urged the city to end the raids on the district.",
])
def test_a_report_of_a_listed_subject_is_no_ones(finder, said, group, report):
    assert said.by(finder, f"Mara Okonkwo, {group} {report}") == set()


@pytest.mark.parametrize("text", [
    '"The raids must end," Mara Okonkwo, her sister and her husband said.',
    'Mara Okonkwo, the mayor and the sheriff said, "The raids must end."',
])
def test_a_quote_of_a_listed_subject_is_no_ones(finder, said, text):
    assert said.by(finder, text) == set()


@pytest.mark.parametrize("text", [
    "Mara Okonkwo, the chief executive, said the raids on the district must end.",
    "Mara Okonkwo, the chief executive of Lumen and a former mayor, said the raids on the district must end.",
    "Mara Okonkwo has defended the raids on the warehouse district.",
    'The raids must end, said Mara Okonkwo, a bakery owner and a member of the city council.',  # after the verb
    '"The raids must end," said Mara Okonkwo, a bakery owner and a member of the city council.',
    '"The raids must end," Mara Okonkwo, PhD, chief executive at Lumen said during a podcast.',  # no article: hers
])
def test_her_own_description_closed_by_a_comma_keeps_her_words(finder, said, text):
    assert said.by(finder, text) != set()


def test_her_own_description_keeps_her_quote(finder, said):
    text = 'Mara Okonkwo, the chief executive of Lumen and a former mayor, said, "The raids must end."'
    assert said.to(finder, text, "The raids must end.") == {"mara-okonkwo"}
