"""Quoted words fronted before a tag, in a sentence that goes on after the tag in the speaker's own
quote (read in round 10 of issue 11), each on a FICTIONAL sentence with a guard beside it: the
sentence is the speaker's, and the fronted words are hers, unless someone else is named there or
another verb reports them. Every person and company here is invented."""


# `finder` reads the two FICTIONAL leaders of tests/nlp/conftest.py (Okonkwo and Reyna).


def test_quotes_fronted_before_the_tag_of_a_sentence_the_speaker_finishes_are_hers(finder, said):
    text = ('Okonkwo grew up above her aunt\'s shop. "From me watching my aunt count the till at night" to '
            'seeing her win "her first regular customers," Okonkwo says, "that is where the company started."')
    found = said(finder, text, kind="quote")
    assert ("mara-okonkwo", "from me watching my aunt count the till at night") in found
    assert ("mara-okonkwo", "her first regular customers") in found
    assert ("mara-okonkwo", "that is where the company started") in found


def test_fronted_quotes_before_a_tag_whose_quote_is_a_new_sentence_stay_unread(finder, said):
    # the quote after the tag opens a sentence of its own: the fronted words are the reporter's phrase
    text = ('After what critics called "a summer of fear," Okonkwo says, "That is where the company started."')
    found = said(finder, text, kind="quote")
    assert ("mara-okonkwo", "a summer of fear") not in found


def test_fronted_quotes_another_verb_reports_are_not_hers(finder, said):
    text = ('Past what the union called "a summer of fear," Okonkwo says, "that is where the company started."')
    found = said(finder, text, kind="quote")
    assert ("mara-okonkwo", "a summer of fear") not in found
    assert ("mara-okonkwo", "that is where the company started") in found


def test_fronted_quotes_beside_someone_else_named_are_not_hers(finder, said):
    # (the parser hangs 'Reyna' on 'win' as a noun's modifier: any name there is enough)
    text = ('"From me watching the till at night" to seeing Reyna win "his first regular customers" and open a '
            'shop, Okonkwo says, "that is where the company started."')
    found = said(finder, text, kind="quote")
    assert not {q for q in found if q[1] == "his first regular customers"}
    assert ("mara-okonkwo", "that is where the company started") in found
