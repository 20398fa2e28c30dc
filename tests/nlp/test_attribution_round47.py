"""Round 47 of issue 11, FICTIONAL sentences (tests/nlp/conftest.py's Mara Okonkwo and Tomas Reyna,
with an invented mayor, sheriff, union, Linda Chow, Carl Diaz, Lumenfold and the station WLMN).
Readings the fresh batches showed that a general rule can take:

- 'Here's what Mara Okonkwo had to say about <topic>:' and 'Okonkwo had this to say:' before words
  printed without quote marks (heldout54 tb04): 'have something to say' reports what was said
  (nlp/something_to_say.py, asked by SpeechGrammar.subject and .hypothetical), and a clause inside
  the verb's 'about ...' phrase in which no one speaks or writes describes the topic and does not
  stand between the verb and the colon (quote_introductions._plain_topic);
- a quote followed by 'said Okonkwo, co-owner of Lumenfold Bakery, and a host for the Spanish radio
  station.' (heldout55 tc02): after her title set off by commas, ', and' an indefinite singular role
  with no one in it is her second title, not a second speaker (leader_titles.a_second_title, asked
  by Mentions.speaker where a conjoined subject was a group);
- 'But he told The Valley Herald Thursday, in response to a question, that loaves destined for the
  U.S. market are baked in the U.S. and that ...' (heldout54 tb07, a paraphrase): the parser made
  the reduced relative 'destined' the reported clause's verb and hung 'are baked ...' on 'told' as
  a second clause; the two are one report (reported_clauses.participle_read_as_the_clause, asked by
  joined_clauses). Who speaks is read as before;
- and one more inverted tag of the largest groups: '"...," said manager of Valley Café, Tomas Reyna.'
  (heldout40 sn01), the name hung by the parser on the café, where it names the manager
  (leader_titles.name_hung_on_the_place, asked by Titles._titled_leader).

The nearest wrong forms (another's, a group's, a letter's or an official's words in the same shape;
a leader only mentioned; a pronoun with another person of that gender in view; two people joined
by 'and') stay no one's, or someone else's, never hers."""
import pytest

from onrecord.nlp.quotes import normalize_quote

NIGHTS = "We have lost half of our night shift since the spring. I share the worries our bakers have voiced."
NIGHTS_WORDS = normalize_quote(NIGHTS)
BEFORE = "Bakers across the valley are worried about the raids.\n\n"


def _words_to(said, finder, text):
    return {leader for leader, words in said(finder, text) if words == NIGHTS_WORDS}


# --- (a) 'what she had to say' before a colon -------------------------------------------------

@pytest.mark.parametrize("text, leader", [
    (f"{BEFORE}Here’s what Mara Okonkwo had to say about the raids:\n\n{NIGHTS}", "mara-okonkwo"),
    (f"{BEFORE}Here’s what then-CEO Mara Okonkwo had to say about the lesson she learned that spring:\n\n{NIGHTS}",
     "mara-okonkwo"),
    (f"{BEFORE}Tomas Reyna had this to say about the raids:\n\n{NIGHTS}\n\nThe raids began in May.", "tomas-reyna"),
])
def test_keeps_what_she_had_to_say(finder, said, text, leader):
    assert (leader, NIGHTS_WORDS) in said(finder, text, "quote")


@pytest.mark.parametrize("text", [
    # someone else's words about her, a group's, an official's
    f"{BEFORE}Here’s what the mayor had to say about Mara Okonkwo:\n\n{NIGHTS}",
    f"{BEFORE}Here’s what the union had to say about Mara Okonkwo’s bakery:\n\n{NIGHTS}",
    f"{BEFORE}Here’s what Mara Okonkwo’s lawyer had to say about the raids:\n\n{NIGHTS}",
    f"{BEFORE}Here’s what a spokesperson for Mara Okonkwo had to say:\n\n{NIGHTS}",
    f"{BEFORE}Here’s what Linda Chow had to say to Mara Okonkwo:\n\n{NIGHTS}",
    f"{BEFORE}Here’s what Mara Okonkwo and Linda Chow had to say about the raids:\n\n{NIGHTS}",
    # a duty or a future, not words given
    f"{BEFORE}Mara Okonkwo had to say goodbye to her staff on Friday:\n\n{NIGHTS}",
    f"{BEFORE}Mara Okonkwo will have something to say about the raids:\n\n{NIGHTS}",
    f"{BEFORE}Mara Okonkwo had nothing to say about the raids:\n\n{NIGHTS}",
    f"{BEFORE}Mara Okonkwo had nothing to say about the raids, but the union had this to say:\n\n{NIGHTS}",
    f"{BEFORE}Here’s what Mara Okonkwo wanted to say about the raids:\n\n{NIGHTS}",
    f"{BEFORE}Here’s what the union wants Mara Okonkwo to say about the raids:\n\n{NIGHTS}",
    f"{BEFORE}Nobody knows what Mara Okonkwo would have to say about the raids:\n\n{NIGHTS}",
    # someone else speaks or writes in the topic: the words may be theirs
    f"{BEFORE}Here’s what Mara Okonkwo had to say about the letter the mayor read aloud:\n\n{NIGHTS}",
    f"{BEFORE}Mara Okonkwo spoke about the raid the sheriff described:\n\n{NIGHTS}",
    f"{BEFORE}Mara Okonkwo talked about the raid, which the sheriff announced on Friday:\n\n{NIGHTS}",
    # a pronoun with another woman in view
    f"{BEFORE}Linda Chow met Mara Okonkwo on Friday.\n\nHere’s what she had to say about the raids:\n\n{NIGHTS}",
])
def test_never_gives_her_words_she_did_not_have_to_say(finder, said, text):
    assert not _words_to(said, finder, text) & {"mara-okonkwo", "tomas-reyna"}


# --- (b) 'said X, <title>, and a <second title>' ----------------------------------------------

RAID = "If they see a police car near a shop, they think it is a raid."
RAID_WORDS = normalize_quote("If they see a police car near a shop, they think it is a raid")
NAMED = "Mara Okonkwo runs a bakery in the valley. Linda Chow runs the shop next door.\n\n"


def _raid(tag):
    return f"{NAMED}“{RAID[:-1]},” said {tag}."


@pytest.mark.parametrize("tag", [
    "Okonkwo, co-owner of Lumenfold Bakery, and a host for the Spanish radio station",
    "Okonkwo, the owner of Lumenfold Bakery, and a volunteer at the food bank",
])
def test_keeps_her_second_title(finder, said, tag):
    assert ("mara-okonkwo", RAID_WORDS) in said(finder, _raid(tag), "quote")


@pytest.mark.parametrize("tag", [
    "Okonkwo, co-owner of Lumenfold Bakery, and Linda Chow, a host for the station",
    "Okonkwo, co-owner of Lumenfold Bakery, and the mayor",
    "Okonkwo, co-owner of Lumenfold Bakery, and her neighbour",
    "Okonkwo, co-owner of Lumenfold Bakery, and other owners on the street",
    "Okonkwo, co-owner of Lumenfold Bakery, and a worker who asked not to be named",
    "Okonkwo, co-owner of Lumenfold Bakery, and a host for Linda Chow’s show",
    "Okonkwo, co-owner of Lumenfold Bakery, and a spokesperson for the union",
    "Okonkwo, co-owner of Lumenfold Bakery, and a worker at the bakery",
    "Okonkwo and a host for the Spanish radio station",
    "Okonkwo, co-owner of Lumenfold Bakery, and a host for the station, who both spoke at the rally",
    "Okonkwo, co-owner of Lumenfold Bakery, and one host for the station",
    "Okonkwo, co-owner of Lumenfold Bakery, and Tomas Reyna",
])
def test_never_reads_a_second_speaker_as_her_title(finder, said, tag):
    assert not {leader for leader, words in said(finder, _raid(tag)) if words == RAID_WORDS}


# --- (c) a participle read as the reported clause's verb ----------------------------------------

DECLINED = "Tomas Reyna, the chief executive of Lumenfold, has declined to discuss the contract.\n\n"
TOLD = ("told The Valley Herald Thursday, in response to a question, that loaves destined for the U.S. market are "
        "baked in the U.S. and that the flour in the order was milled there as well.")
LOAVES = "loaves destined for the U.S. market are baked in the U.S. and that the flour in the order was milled there as well"


def _reported_to(said, finder, text):
    return {leader for leader, words in said(finder, text, "paraphrase") if "loaves destined" in words}


def test_keeps_a_report_whose_participle_the_parser_took_for_its_verb(finder, said):
    pairs = said(finder, f"{DECLINED}But he {TOLD}", "paraphrase")
    assert any(leader == "tomas-reyna" and normalize_quote(LOAVES) in words for leader, words in pairs)


@pytest.mark.parametrize("text", [
    f"{DECLINED}Carl Diaz, the mayor, met him on Friday.\n\nBut he {TOLD}",
    f"{DECLINED}But Lumenfold {TOLD}",
    f"{DECLINED}But a spokesperson for Tomas Reyna {TOLD}",
    f"{DECLINED}But Tomas Reyna and Carl Diaz {TOLD}",
    f"{DECLINED}But the union’s letter to Tomas Reyna {TOLD}",
    f"{DECLINED}But Carl Diaz, asked about Tomas Reyna, {TOLD}",
    f"{DECLINED}But he did not tell The Valley Herald that loaves destined for the U.S. market are baked in the U.S.",
    f"{DECLINED}But he told The Valley Herald Thursday that loaves destined for the U.S. market, the mayor said, are "
    "baked in the U.S.",
])
def test_never_gives_her_the_report_of_another(finder, said, text):
    assert not _reported_to(said, finder, text) & {"tomas-reyna", "mara-okonkwo"}


# --- (d) a bare title's name hung on the place --------------------------------------------------

DECLINE = "It is a big decline, people are afraid to go out"
VALLEY = "Bakers across the valley are worried.\n\n"


def _decline(tag):
    return f"{VALLEY}“{DECLINE},” said {tag}."


def test_keeps_the_name_after_a_bare_title_of_a_place(finder, said):
    assert ("tomas-reyna", normalize_quote(DECLINE)) in said(finder, _decline("manager of Valley Café, Tomas Reyna"), "quote")


@pytest.mark.parametrize("tag", [
    "manager of Valley Café, Tomas Reyna’s bakery",
    "manager of Valley Café, Tomas Reyna and Linda Chow",
    "manager of Valley Café, Tomas Reyna, and Linda Chow",
    "manager of Valley Café, Tomas Reyna, who opened it in May",
    "manager of Valley Café in Tomas Reyna’s town",
    "employee of Tomas Reyna’s café, Valley Café",
    "mayor of Valley Town, home of Tomas Reyna",
    "cousin of the café’s owner, Tomas Reyna",
    "cousin of the owner, Tomas Reyna",
    "friend of the owner of Valley Café, Tomas Reyna",
    "worker at the bakery of Tomas Reyna, Linda Chow",
    "aide of Mara Okonkwo, Tomas Reyna",
])
def test_never_gives_her_the_words_of_the_title_holder(finder, said, tag):
    assert not {leader for leader, words in said(finder, _decline(tag)) if words == normalize_quote(DECLINE)}
