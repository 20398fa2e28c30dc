"""A speaker the parser hung on a fronted phrase's object (round 22 of issue 11, from a partial quote
missed on the real set): in 'On <company>'s earnings call, the company's executive chairman, <Name>,
told participants that ... "..."', the small model can take 'call' for the subject of 'told' and the
chairman and the name for its appositives. The name whose phrase ends in the comma right before the
verb is the one speaking. Every person and company here is FICTIONAL (tests/nlp/conftest.py)."""

CALL = "On Reyna Roofing’s second quarterly earnings call, the private roofing company’s executive chairman, Tomas Reyna, "
GROWING = " as the state rapidly expands its housing program."


def test_the_name_hung_on_the_fronted_call_is_the_speaker(finder, said):
    text = CALL + "told participants that the company was seeing “record demand”" + GROWING
    assert ("tomas-reyna", "record demand") in said(finder, text, "quote")
    assert ("tomas-reyna", "the company was seeing record demand as the state rapidly expands its housing program") \
        in said(finder, text, "paraphrase")


# --- must never -----------------------------------------------------------------------------------

def test_a_scare_quoted_word_in_the_fronted_phrase_is_the_reporters(finder, said):
    # the rule finds his reported clause, but the word quoted in the narration of the call is not his
    text = CALL.replace("second quarterly", "“record” second quarterly") + \
        "told participants that the company was seeing more demand" + GROWING
    assert said(finder, text, "quote") == set()
    assert said(finder, text, "paraphrase")  # (the rule did read him as the speaker)


def test_a_quoted_podcast_title_is_not_his(finder, said):
    text = ("On Reyna Roofing’s “Build Back Together” quarterly podcast, the private roofing company’s executive "
            "chairman, Tomas Reyna, told listeners that the company was seeing more demand" + GROWING)
    assert not {words for _leader, words in said(finder, text, "quote")}


def test_a_partial_quote_in_someone_elses_clause_is_not_his(finder, said):
    text = CALL + "told participants that the governor had called the raids “a success”" + GROWING
    assert ("tomas-reyna", "a success") not in said(finder, text)


def test_the_one_addressed_in_the_fronted_phrase_is_not_the_speaker(finder, said):
    for text in ("On a second quarterly earnings call with the private roofing company’s executive chairman, Tomas "
                 "Reyna, analysts said that the company was seeing “record demand”" + GROWING,
                 "On Reyna Roofing’s second quarterly earnings call, analysts asked the private roofing company’s "
                 "executive chairman, Tomas Reyna, whether the company was seeing “record demand”" + GROWING):
        assert said(finder, text) == set()
