"""A dek above the story is the outlet's summary, never a leader's words (quote_candidates._dek_above_a_label).
FICTIONAL: Mara Okonkwo and Lumen are invented. The form is heldout84 uf11's, found at that batch's look 1:
'MLS' / the headline / 'MLS faces criticism for censoring anti-ICE speech, and in that same context, with
Garber saying that stadiums are not political platforms.' / 'Update:' / the story. The dek gave him its
claim as his reported speech. With the check removed the must-nevers fail (checked by hand).

(Look 2 of heldout81 also read a 'Highlights:' box's bullet, '• Huang says immigration is essential to ...',
as his reported speech, which its gatherer had left out; the development splits annotate such digest
bullets as paraphrases (heldout10 rj16's 'Key Takeaways', heldout15 ro20's 'Key Points:'), so a guard on
them lost six right pairs and was not kept.)"""
import pytest

STORY = "Mara Okonkwo told staff on Monday that the warehouse would stay open."
DEK = ("Lumen\n\nLumen defends its warehouse plan amid immigration raids\n\nLumen faces criticism for its plan, "
       "with Okonkwo saying that the warehouse is not a political platform.\n\n{label}\n\n" + STORY)


@pytest.mark.parametrize("label", ["Update:", "Editor's note:"])
def test_a_dek_above_a_label_is_no_ones(finder, said, label):
    assert said.by(finder, DEK.format(label=label)) == {"the warehouse would stay open"}


def test_a_first_paragraph_under_the_headline_is_still_the_story(finder, said):
    text = ("Lumen defends its warehouse plan amid immigration raids\n\nLumen faced criticism on Monday, with Okonkwo "
            "saying that the warehouse is not a political platform.\n\n" + STORY)
    assert "the warehouse is not a political platform" in said.by(finder, text)


# heldout88 uj08, found at that batch's look 1: headline / section / headline / page furniture / the dek
# ('X distances himself from Y's remarks ..., highlighting tensions ...') / '7 min read' / the story.
READING_TIME = ("Lumen defends its warehouse plan amid immigration raids\n\nBusiness\n\nLumen defends its warehouse plan "
                "amid immigration raids\n\n1 technical term in this article\n\nOkonkwo says that the warehouse is not a "
                "political platform. What does this mean for Lumen?\n\n{label}\n\n" + STORY)


@pytest.mark.parametrize("label", ["7 min read", "5 Min Read", "4 minutes read"])
def test_a_dek_above_the_reading_time_is_no_ones(finder, said, label):
    assert said.by(finder, READING_TIME.format(label=label)) == {"the warehouse would stay open"}


def test_a_sentence_above_a_line_that_is_no_reading_time_is_still_read(finder, said):
    assert "the warehouse is not a political platform" in said.by(finder, READING_TIME.format(label="7 workers read"))
