"""Round 15 (issue 11): three forms read in the real development data, on FICTIONAL sentences.

1. A speech participle after a comma that the parser hung on the reported clause, or on the
   quote, before it ('said the raids must end, writing on X that she feels "very sad"'): the
   participle is the speaker's, so a partial quote in its clause is hers. When that clause's
   subject is someone else by name, who writes is in doubt: nothing.
2. A sentence the parser read as a noun phrase ('Mara Okonkwo, chief executive of Lumenfold,
   advocated ...': the name ROOT, the verb its acl): the name is the one acting, in view for the
   next "she".
3. A label quote after the object of "call" that the parser hung elsewhere (below).
"""
from onrecord.nlp.quotes import normalize_quote


def test_a_partial_quote_in_a_participle_after_her_reported_clause_is_hers(finder, said):
    text = "Mara Okonkwo said the raids must end, writing on X that she feels “very sad” over the death."
    assert ("mara-okonkwo", "very sad") in said(finder, text, "quote")


def test_a_partial_quote_in_a_participle_hung_on_her_quote_is_hers(finder, said):
    # the parser hangs 'writing' on the quoted clause's verb, inside the marks
    text = ("Similarly, Lumenfold cofounder Mara Okonkwo said “recent events … shake the conscience,” writing on X "
            "that she feels “very sad” over the death: “My loyalty is to the rule of law.”")
    quotes = said(finder, text, "quote")
    assert ("mara-okonkwo", "very sad") in quotes
    assert ("mara-okonkwo", normalize_quote("My loyalty is to the rule of law.")) in quotes


def test_never_a_participle_after_a_clause_about_another_named_person(finder, said):
    # a second person named in between: either could be the one writing
    text = "Okonkwo said Reyna must resign, writing on X that he feels “very sad” over the death."
    assert not [pair for pair in said(finder, text) if pair[0] == "tomas-reyna"]
    assert ("mara-okonkwo", "very sad") not in said(finder, text, "quote")


def test_never_a_participle_of_a_group_or_a_spokesperson(finder, said):
    for text in ("The coalition said the raids must end, writing that Okonkwo feels “very sad” about the arrests.",
                 "A Lumenfold spokesperson said the raids must end, writing on X that the company feels “very sad”."):
        assert said(finder, text) == set(), text


def test_never_a_participle_of_someone_else_naming_a_leader(finder, said):
    text = "The mayor said the raids must end, writing on X that Okonkwo's workers feel “very sad” about it."
    assert said(finder, text) == set()


def test_never_a_participle_in_a_headline(finder, said):
    text = "Okonkwo says raids must end, writing she feels “very sad”\n\nThe chief executive spoke on Monday."
    assert said(finder, text) == set()


ADVOCATED = ("Mara Okonkwo, chief executive of Lumenfold, advocated for a more nuanced approach to immigration "
             "policy, rather than focusing solely on border security.")


def test_a_name_the_parser_read_as_a_noun_phrase_is_the_one_acting(finder, said):
    text = ADVOCATED + '\n\n"We need to talk about legal immigration," she told the audience. "We need workers."'
    quotes = said(finder, text, "quote")
    assert ("mara-okonkwo", normalize_quote("We need to talk about legal immigration")) in quotes
    assert ("mara-okonkwo", normalize_quote("We need workers.")) in quotes
    assert any(who == "mara-okonkwo" and words.startswith("advocated for a more nuanced approach")
               for who, words in said(finder, text, "paraphrase"))


def test_never_the_noun_phrase_name_when_another_woman_is_named_in_between(finder, said):
    text = (ADVOCATED + " Delia Ruiz, the mayor, disagreed.\n\n"
            '"We need to talk about legal immigration," she told the audience.')
    assert said(finder, text, "quote") == set()


def test_never_the_noun_phrase_name_of_a_group_or_a_leader_only_mentioned(finder, said):
    for text in ("The coalition, led by Mara Okonkwo, advocated for a more nuanced approach to immigration policy.",
                 "Delia Ruiz, a critic of Mara Okonkwo, advocated for stricter rules at the border.",
                 "Mara Okonkwo, along with other members of the coalition, advocated for a more nuanced approach."):
        text += '\n\n"We need to talk about legal immigration," she told the audience.'
        assert said(finder, text, "quote") == set(), text


# 3. 'calling the U.S. "the largest market"': an abbreviation before a lowercase quote ends no sentence,
#    and a quote that opens right after the object of "call" is what the object is called, wherever the
#    parser hung it (a second object of the verb before, a clause of the speech verb above).

def test_a_label_after_an_abbreviation_is_hers(finder, said):
    text = ("Despite the setback, Okonkwo reaffirmed Lumenfold’s commitment to the American market, calling the U.S. "
            "“the largest and most important market for Lumenfold” with a “very mature customer base.” She pledged more.")
    assert ("mara-okonkwo", normalize_quote("the largest and most important market for Lumenfold")) in said(
        finder, text, "quote")


def test_never_a_label_that_someone_else_gave_in_her_reported_clause(finder, said):
    # a second person named in between: the governor's (or Reyna's) words, not the one reporting them
    for text in ("Okonkwo said the governor called the U.S. “a failing state” on Monday.",
                 "Okonkwo said Reyna called the U.S. “a failing state” on Monday."):
        assert not [pair for pair in said(finder, text, "quote")], text


def test_never_a_label_of_a_spokesperson_a_headline_or_a_leader_only_mentioned(finder, said):
    for text in ("A Lumenfold spokesperson called the U.S. “the largest and most important market for Lumenfold.”",
                 "Okonkwo calls the U.S. “the largest market” for Lumenfold\n\nThe chief executive spoke on Monday.",
                 "Delia Ruiz, seated beside Okonkwo, called the U.S. “the largest and most important market for us.”",
                 "The mayor, after Okonkwo spoke, called the U.S. “a land of laws and nothing else.”"):
        assert said(finder, text) == set(), text


# heldout14's one wrong pair: a lowercase term in quote marks that classifies the noun after it names
# a kind of thing, as a Title Case name there does; a judgement in the same place stays the leader's.

def test_a_quoted_term_before_its_noun_is_nobodys_words(finder, said):
    text = "Okonkwo noted the significance of ‘enhanced vetting’ protocols that could slow international travel."
    assert ("mara-okonkwo", "enhanced vetting") not in said(finder, text, "quote")
    text = "Okonkwo called the “zero tolerance” policy “a national disgrace” on Monday."
    assert said(finder, text, "quote") == {("mara-okonkwo", "a national disgrace")}


def test_a_quoted_judgement_before_its_noun_stays_hers(finder, said):
    text = "Okonkwo condemned the “cruel and pointless” raids on Monday."
    assert ("mara-okonkwo", "cruel and pointless") in said(finder, text, "quote")
