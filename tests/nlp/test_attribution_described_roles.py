"""A role or an age the story itself set beside one listed leader, standing for her in a tag (round 37 of issue
11; nlp/described_roles.py), on FICTIONAL sentences (tests/nlp/conftest.py's Mara Okonkwo of Lumenfold and Tomas
Reyna, here a rancher, with an invented neighbour, Luis Vidal). Feature and local news name a person once and then
call them by what they are: 'Tomas Reyna, a rancher, ...' then '"...," said the rancher.' The must-nevers are the
nearest forms where the words are not the leader's: another person described by the same role (before or after the
tag), the role only of someone else, a plural or an undescribed use of the role, another shop's owner, an age two
people share or one of someone unnamed, a role the tag qualifies otherwise."""
import pytest

from onrecord.nlp.quotes import normalize_quote

WORDS = normalize_quote("We lost half the crew in a week")
TAG = '\n\n"We lost half the crew in a week," said the rancher.'


@pytest.mark.parametrize("text", [
    "Tomas Reyna, a rancher in Ventura County, says the raids have emptied his fields.\n\n"
    "The sheriff's deputies came twice this month." + TAG,
    "Rancher Tomas Reyna says the raids have emptied his fields.\n\n"
    "Deputies came twice this month, and the mayor visited the ranch." + TAG,
    "Tomas Reyna is a rancher in Ventura County. The mayor visited on Tuesday." + TAG,
    "Tomas Reyna, 62, says the raids have emptied his fields. The mayor visited on Tuesday.\n\n"
    '"We lost half the crew in a week," said the 62-year-old.',
])
def test_a_role_or_age_the_story_set_beside_the_leader_is_his_tag(finder, said, text):
    assert ("tomas-reyna", WORDS) in said(finder, text, "quote")


AGE_TAG = '\n\n"These raids are cruel," said the 62-year-old.'
CRUEL = normalize_quote("These raids are cruel")


@pytest.mark.parametrize("text", [
    "62-year-old Mara Okonkwo spoke to reporters on Tuesday. The mayor spoke after her." + AGE_TAG,
    "Mara Okonkwo, a 62-year-old mother of three, spoke to reporters on Tuesday. The mayor spoke after her." + AGE_TAG,
    "Mara Okonkwo is 62. She spoke to reporters on Tuesday, and the mayor spoke after her." + AGE_TAG,
    "Mara Okonkwo, 62, spoke to reporters on Tuesday. Mayor Linda Chow spoke after her." + AGE_TAG,
    "Mara Okonkwo, 62, spoke to reporters on Tuesday. Agents arrested 62 workers last week." + AGE_TAG,
])
def test_her_age_the_story_gave_is_her_tag(finder, said, text):
    assert ("mara-okonkwo", CRUEL) in said(finder, text, "quote")


@pytest.mark.parametrize("other", [
    "Mayor Linda Chow, 62, spoke after her.",
    "The mayor, 62, spoke after her.",
    "Her mother, who is 62, spoke after her.",
    "Her mother, aged 62, spoke after her.",
    "Her husband is 62 years old.",
])
def test_never_an_age_someone_else_may_share(finder, said, other):
    text = "Mara Okonkwo, 62, spoke to reporters on Tuesday. " + other + AGE_TAG
    assert ("mara-okonkwo", CRUEL) not in said(finder, text)


def test_a_role_the_story_set_beside_her_with_another_person_between(finder, said):
    text = ("Mara Okonkwo, the founder of Lumenfold, spoke on Tuesday. Sheriff Dale Murrow answered questions "
            'afterwards.\n\n"These raids are cruel," the founder said.')
    assert ("mara-okonkwo", normalize_quote("These raids are cruel")) in said(finder, text, "quote")


@pytest.mark.parametrize("text", [
    # two ranchers in the story
    "Tomas Reyna, a rancher in Ventura County, says the raids have emptied his fields. His neighbour, Luis Vidal, "
    "a rancher too, lost workers as well." + TAG,
    "Tomas Reyna, a rancher in Ventura County, says the raids have emptied his fields. Several ranchers lost "
    "workers." + TAG,
    # the role only of someone else
    "Tomas Reyna, a roofer, says the raids have emptied his crews. Luis Vidal, a rancher, lost workers as well." + TAG,
    # a rancher introduced after the leader and after the tag
    "Tomas Reyna, a rancher in Ventura County, says the raids have emptied his fields." + TAG +
    "\n\nLuis Vidal, a rancher in Ojai, lost workers too.",
    # the tag before the leader is described at all
    "Luis Vidal drove up to the ranch on Tuesday." + TAG + "\n\nTomas Reyna, a rancher in Ventura County, says the "
    "raids have emptied his fields.",
    # another person's quote calls him a rancher
    'Tomas Reyna, a rancher in Ventura County, says the raids have emptied his fields. Luis Vidal said: "As a '
    'rancher, I worry."' + TAG,
    # the tag's role qualified otherwise than the story's
    "Tomas Reyna, a rancher in Ventura County, says the raids have emptied his fields. The mayor visited on Tuesday."
    '\n\n"We lost half the crew in a week," said the dairy rancher.',
    # the owner of a different shop
    "Tomas Reyna, the owner of Reyna Roofing, says the raids have emptied his crews. Luis Vidal runs a bakery "
    'downtown.\n\n"We lost half the crew in a week," said the owner of the bakery.',
    # an age two people share, an age of someone unnamed, another age
    'Tomas Reyna, 62, and Luis Vidal, 62, both lost workers. The mayor visited on Tuesday.\n\n"We lost half the '
    'crew in a week," said the 62-year-old.',
    "Tomas Reyna, 62, says the raids have emptied his fields. A 62-year-old worker was detained.\n\n"
    '"We lost half the crew in a week," said the 62-year-old.',
    "Tomas Reyna, 62, says the raids have emptied his fields. The mayor visited on Tuesday.\n\n"
    '"We lost half the crew in a week," said the 58-year-old.',
])
def test_never_a_role_tag_that_another_could_hold(finder, said, text):
    assert ("tomas-reyna", WORDS) not in said(finder, text)


@pytest.mark.parametrize("text", [
    'Tomas Reyna, a former rancher, says the raids have emptied the valley. The mayor visited on Tuesday.\n\n"We '
    'lost half the crew in a week," said the rancher.',
])
def test_never_a_role_the_story_gave_him_only_as_former(finder, said, text):
    assert ("tomas-reyna", WORDS) not in said(finder, text)


CHIEF = "Mara Okonkwo, the chief executive of Lumenfold, spoke on Tuesday.\n\n"


@pytest.mark.parametrize("text", [
    CHIEF + '"These raids are cruel," the former chief executive said.',
    CHIEF + '"These raids are cruel," the interim chief executive said.',
    CHIEF + '"These raids are cruel," the deputy chief executive said.',
    'Mara Okonkwo, a billionaire, spoke on Tuesday.\n\n"These raids are cruel," the former billionaire said.',
])
def test_never_her_title_in_view_with_another_standing(finder, said, text):
    """The story set the title beside her without that standing: 'the former (interim, deputy) chief executive' is
    someone else, whose words gave hers before round 37 (Titles.role, the leader in view; 'Okonkwo, who ran Lumenfold
    until 2019, ...' then 'the former chief executive' stays hers: test_attribution_not_hers_by_title_or_turn.py)."""
    assert not {pair for pair in said(finder, text) if pair[0] == "mara-okonkwo"}


@pytest.mark.parametrize("standing", ["former", "new"])
def test_never_his_title_in_view_with_another_standing(finder, said, standing):
    text = ("Tomas Reyna, the owner of Reyna Roofing, says the raids have emptied his crews.\n\n"
            f'"We lost half the crew in a week," said the {standing} owner.')
    assert ("tomas-reyna", WORDS) not in said(finder, text)


def test_her_title_in_view_without_a_standing_stays_hers(finder, said):
    text = CHIEF + '"These raids are cruel," the chief executive said.'
    assert ("mara-okonkwo", normalize_quote("These raids are cruel")) in said(finder, text, "quote")
