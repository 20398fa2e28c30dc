"""A copied page that lost its line breaks glues a summary's lines into one token ('...
welcomedSays he has ...'): nlp/quote_marks.prepare reads a lowercase word run into a capitalised
one as two lines, so the summary above a story is not read as one sentence of reported speech.
Found at look 2 of heldout91 (um05: a bullet summary glued into one line gave the leader its
run-on). FICTIONAL leaders and sentences; the must-never fails without the split.
"""
from onrecord.nlp.quote_marks import prepare

GLUED = ("Okonkwo says staff from around the country will be protectedSays she's been given assurances from the "
         "city governmentThe conference opens next month, ahead of the 2026 summitWHAT HAPPENED?\n\n"
         "The \"staff are safe\" at next month's summit, Lumenfold chief executive Mara Okonkwo said after a "
         "meeting this week with city officials.")

def test_a_glued_summary_gives_no_run_on_words(finder, said):
    words = said.by(finder, GLUED)
    assert not any("protected" in w for w in words), words  # the summary's glued first line
    assert "staff are safe" in words  # the story's own report stays hers


def test_the_glued_lines_are_split():
    clean, _ = prepare("will be protectedSays the company has hired lawyersOffices reopen")
    assert clean.split("\n\n") == ["will be protected", "Says the company has hired lawyers", "Offices reopen"]


def test_names_handles_and_addresses_stay_whole():
    text = "DoorDash, LinkedIn and iPhone users follow @maraOkonkwo at https://lumenfold.example/newsRoom #endRaids"
    assert prepare(text)[0] == text
