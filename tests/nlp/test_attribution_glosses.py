"""A writer's translation in quote marks is nobody's words (heldout24's wrong pair, look 2): 'Coma
Arepas, Spanish for "eat arepas," was seeing "..."' inside a leader's clause gave the gloss to her.
All people and businesses here are FICTIONAL."""


def test_a_translation_inside_her_tagged_clause_is_not_hers(finder, said):
    text = ("After ten months, Casa Tamal — Spanish for “tamale house,” a fictional corn-based street snack shop "
            "— was seeing “almost no customers at all,” Okonkwo said.")
    quotes = said(finder, text, "quote")
    assert ("mara-okonkwo", "almost no customers at all") in quotes
    assert not any(words == "tamale house" for _who, words in quotes)


def test_a_translation_inside_her_reported_clause_is_not_hers(finder, said):
    text = ("Okonkwo said that Casa Tamal, Spanish for “tamale house,” had lost “nearly every regular” "
            "since the raids began in the fictional town of Eastmere.")
    quotes = said(finder, text, "quote")
    assert ("mara-okonkwo", "nearly every regular") in quotes
    assert not any(words == "tamale house" for _who, words in quotes)


def test_the_word_for_a_thing_in_another_language_is_not_his(finder, said):
    text = ("Reyna said his crew still calls the truck “la Bestia,” the Spanish word for “the beast,” "
            "and that the raids had “emptied the whole yard.”")
    quotes = said(finder, text, "quote")
    assert ("tomas-reyna", "emptied the whole yard") in quotes
    assert not any(words == "the beast" for _who, words in quotes)


def test_asking_for_something_in_quote_marks_is_still_hers(finder, said):
    # 'for' before the quote is no gloss unless a language stands before it
    text = "Okonkwo said she had asked the fictional county board of Eastmere for “a fair hearing, nothing more.”"
    assert ("mara-okonkwo", "a fair hearing nothing more") in said(finder, text, "quote")
