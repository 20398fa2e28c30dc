"""Words someone else alleges a leader said are not hers: 'Prosecutors allege that Reyna said the
raids were a joke' is the prosecutors' claim, as 'allegedly' already makes it (speech_verbs.secondhand
reads a verb of alleging above hers like another speaker's verb), and 'According to the indictment,
Reyna said ...' is the indictment's, as 'according to a person familiar' already makes it (a legal
document as the source). Found by round 33's must-never hunt.
Her own words in the nearest forms stay hers. FICTIONAL people."""
import pytest


@pytest.mark.parametrize("text", [
    "Prosecutors allege that Reyna said the raids were a joke.",
    "Prosecutors allege that Reyna said the raids were “a joke.”",
    "The complaint alleges that Reyna said the raids were a joke.",
    "According to the indictment, Reyna said the raids were a joke.",
    "Reyna said the raids were a joke, according to the complaint.",
    "According to the lawsuit, Reyna told workers that the raids were a joke.",
])
def test_never_words_someone_alleges_she_said(finder, said, text):
    assert not said(finder, text)


@pytest.mark.parametrize("text, words, kind", [
    ("Reyna said the raids were a joke.", "the raids were a joke", "paraphrase"),
    ("“The raids are a joke,” Reyna said, denying what prosecutors allege.", "The raids are a joke", "quote"),
    ("Asked whether Lumenfold would close the plant, Okonkwo said, “We will stay open.”", "We will stay open.", "quote"),
    ("The Ledger reported that Reyna said the raids were a joke.", "the raids were a joke", "paraphrase"),
    ("According to the Ledger, Reyna said the raids were a joke.", "the raids were a joke", "paraphrase"),
    ("According to a statement, Reyna said the raids were a joke.", "the raids were a joke", "paraphrase"),
])
def test_her_own_words_stay_hers(finder, said, text, words, kind):
    from onrecord.nlp.quotes import normalize_quote

    leader = "tomas-reyna" if "Reyna" in text else "mara-okonkwo"
    assert (leader, normalize_quote(words)) in said(finder, text, kind)
