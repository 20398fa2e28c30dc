"""Quoted words that are a document's or an authority's, not speech (round 16's audit after heldout15's
plea): a charge, an indictment, a court filing, a memo or a sign quoted after a reporting or
labelling verb, and a Title Case name in quote marks (an operation, a bill, a project). Each
must-never failed before round 16's guards (nlp/quote_candidates.worded_by_the_law,
nlp/attribution.py's name check, nlp/reported_quotes.py). On FICTIONAL sentences.
"""
import pytest


@pytest.mark.parametrize("text", [
    "Okonkwo admitted to “knowingly employing unauthorized workers” in a plea deal.",
    "Okonkwo admitted to charges of “harboring illegal aliens for commercial advantage.”",
    "Okonkwo, who was charged with “harboring illegal aliens,” said she would fight the case.",
    "Okonkwo responded to the indictment, which alleges “a scheme to hire undocumented workers.”",
    "Okonkwo testified about the charges of “harboring illegal aliens.”",
    "Okonkwo confirmed the charges of “harboring illegal aliens.”",
    "Okonkwo acknowledged the charge of “harboring illegal aliens.”",
    "Okonkwo mentioned the charges of “harboring illegal aliens.”",
    "Okonkwo said the indictment called her “a ringleader.”",
    "Okonkwo said the memo ordered agents to “arrest first and ask later.”",
    "Okonkwo said the sign read “ICE not welcome.”",
    "Okonkwo echoed the mayor's call for “calm and unity.”",
])
def test_never_a_charge_a_filing_or_a_sign_as_her_words(finder, said, text):
    assert said(finder, text, "quote") == set(), text


@pytest.mark.parametrize("text", [
    "Okonkwo urged passage of the “Secure Borders Act.”",
    "Okonkwo called on Congress to pass the “Secure Borders Act.”",
    "Okonkwo demanded a vote on “The Secure Borders Act.”",
    "Okonkwo condemned “Operation Metro Surge.”",
    "Okonkwo hailed “Operation Metro Surge.”",
    "Okonkwo mentioned “Operation Metro Surge” in her memo.",
    "Okonkwo announced “Project Welcome,” a fund for detained workers.",
    "Okonkwo asked about “Operation Metro Surge.”",
    "Okonkwo vowed to fight “Operation Metro Surge.”",
    "Okonkwo said the bill, known as the “Secure Borders Act,” would hurt workers.",
])
def test_never_a_quoted_name_as_her_words(finder, said, text):
    assert said(finder, text, "quote") == set(), text


@pytest.mark.parametrize("text, words", [
    ("Okonkwo said the charges were “baseless and cruel.”", "baseless and cruel"),
    ("Okonkwo called the indictment “a political stunt.”", "a political stunt"),
    ("Okonkwo admitted to feeling “scared and angry” after the raid.", "scared and angry"),
    ("Okonkwo, who was indicted last year, said the raids were “cruel and pointless.”", "cruel and pointless"),
    ("Okonkwo said her memo called the raids “a betrayal of our workers.”", "a betrayal of our workers"),
    ("Okonkwo tweeted “Abolish ICE.”", "abolish ice"),
])
def test_her_words_about_a_charge_or_a_document_stay_hers(finder, said, text, words):
    assert ("mara-okonkwo", words) in said(finder, text, "quote"), text


@pytest.mark.parametrize("text", [
    "Okonkwo confirmed the agency's account that agents were “following protocol.”",
    "Okonkwo confirmed reports that agents were “out of control.”",
])
def test_never_the_words_of_an_account_she_confirms(finder, said, text):
    """The content clause of someone else's account, claim or report quotes them, not her (her
    confirming it stays her paraphrase, reported by the outlet)."""
    assert said(finder, text, "quote") == set(), text


def test_the_content_of_her_own_account_stays_hers(finder, said):
    text = "Okonkwo confirmed her account that agents were “out of control.”"
    assert ("mara-okonkwo", "out of control") in said(finder, text, "quote")
