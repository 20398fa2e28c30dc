"""Round 50 of issue 11, FICTIONAL sentences (tests/nlp/conftest.py's Mara Okonkwo and Tomas Reyna,
with an invented mayor, union and Linda Chow). Two general readings that the direct misses left on
the development splits showed the parse or the marks can take:

- '"... in San Francisco,"' as a paragraph of its own, then 'Benioff posted on X Friday.' (heldout70
  tr03): a quote paragraph whose words end in a comma has not ended its sentence; when the next
  paragraph is one sentence whose root is a finite verb of speech with a leader as its subject and
  nothing of its own (no clause, no object but whom she told, no negation, no one else named), it is
  the quote's tag, and a quote paragraph right after the tag goes on with her (parted_tags.py);
- '"My earlier comment ... it caused. "' (heldout66 tn01): an opening mark that ends a paragraph
  right after a sentence's end, while one quote the paragraph opened is still open, is that quote's
  closing mark printed wrong (quote_marks._misprinted_closer).

The nearest wrong forms (another's, a group's or an official's tag; a tag with a clause, an object,
a negation or a second person of its own; a caption; a pronoun with another woman in view; a quote
that ends its sentence; a quote inside another's sentence; a leader only mentioned) stay no one's,
or someone else's, never hers. Checked by hand, each guard removed in turn fails at least one
must-never: the comma check (the quote ending in a full stop after the mayor spoke), the
whole-paragraph check (the mayor's sentence ending in the quote), the one-sentence check ('Linda
Chow had said it first'), the finite-verb check ('Okonkwo posting on X Friday'), the speech check
('Okonkwo smiled'), the own-words check ('In a post ..., Okonkwo said the union was wrong', 'shared
the union's post', 'did not say'), its 'tell' exception narrowed to any object ('shared the union's
post'), the negation in it ('did not say'), the no-one-else check ('told Linda Chow'), and for the
quote paragraph after the tag the next-paragraph check (a paragraph of narration between) and its
names check (a quote naming Linda Chow); the speaker (the mayor's, the union's, Linda Chow's, 'She'
with Linda Chow met, 'They') is the mentions' own reading, and a passive has no subject to read.
For the closing mark: the still-open check (no quote open: the mark opens the next paragraph's
words, heldout22 rv07's form), the one-open-quote check (two marks left open) and the straight-mark
check (straight marks beside curly ones), each failing a test of the prepared text."""
import pytest

from onrecord.nlp.quotes import normalize_quote

NAMED = "Bakers are worried. Mara Okonkwo runs a bakery.\n\n"
BAKERS = "We cannot find enough bakers this summer"
SORRY = "My earlier comment was wrong, and I apologize."
PARTED = f"“{BAKERS},”\n\n"
AFTER = "\n\nThe bakery opens at six."


def _to(said, finder, text, words):
    return {leader for leader, w in said(finder, text) if w == normalize_quote(words)}


# --- (a) a quote paragraph ending in a comma, its tag the next paragraph ------------------------

@pytest.mark.parametrize("text", [
    f"{NAMED}{PARTED}Okonkwo posted on X Friday.{AFTER}",
    f"Bakers are worried.\n\n{PARTED}Mara Okonkwo said in a statement.{AFTER}",
    f"{NAMED}{PARTED}She told reporters on Friday.{AFTER}",
    f"{NAMED}{PARTED}Okonkwo wrote on LinkedIn.{AFTER}",
])
def test_keeps_a_tag_in_the_next_paragraph(finder, said, text):
    assert _to(said, finder, text, BAKERS) == {"mara-okonkwo"}


def test_keeps_a_quote_paragraph_after_the_parted_tag(finder, said):
    text = f"{NAMED}{PARTED}Okonkwo posted on X Friday.\n\n“{SORRY}”{AFTER}"
    assert _to(said, finder, text, BAKERS) == {"mara-okonkwo"}
    assert _to(said, finder, text, SORRY) == {"mara-okonkwo"}


@pytest.mark.parametrize("tag", [
    # another's, a group's or an official's tag; she only mentioned
    "Linda Chow posted on X Friday.",
    "The mayor posted on X Friday.",
    "The union posted on X, tagging Okonkwo.",
    "Linda Chow wrote to Okonkwo on Friday.",
    # a clause, an object, a passive or a negation of the verb's own: not a bare tag
    "Okonkwo said the mayor told her.",
    "In a post on X Friday, Okonkwo said the union was wrong.",
    "Okonkwo shared the union’s post on Friday.",
    "Okonkwo read the union’s post aloud on Friday.",
    "Okonkwo quoted the mayor as saying.",
    "Okonkwo heard the mayor say on Friday.",
    "Okonkwo was told on Friday.",
    "Okonkwo did not say on Friday.",
    "Okonkwo runs a bakery on Main Street.",
    "Okonkwo smiled on Friday.",
    "Okonkwo posting on X Friday.",
    # someone else in the tag; more than one sentence
    "Okonkwo posted on X after Linda Chow did.",
    "Okonkwo told Linda Chow on Friday.",
    "The union wrote. Okonkwo posted on X Friday.",
    "Okonkwo posted on X Friday. Linda Chow had said it first.",
])
def test_never_a_next_paragraph_that_is_not_her_bare_tag(finder, said, tag):
    text = f"{NAMED}{PARTED}{tag}{AFTER}"
    assert "mara-okonkwo" not in _to(said, finder, text, BAKERS)


@pytest.mark.parametrize("text", [
    # a pronoun with another woman in view; two people
    f"Bakers are worried. Mara Okonkwo met Linda Chow on Friday.\n\n{PARTED}She posted on X Friday.{AFTER}",
    f"Bakers are worried. Mara Okonkwo and Linda Chow run a bakery.\n\n{PARTED}They posted on X Friday.{AFTER}",
    # a quote that ends its sentence: the paragraph after is no tag of it
    f"Bakers are worried. The mayor spoke at the fair.\n\n“{BAKERS}.”\n\nOkonkwo posted on X Friday.{AFTER}",
    # the quote inside another's sentence
    f"{NAMED}The mayor told the crowd, “{BAKERS},”\n\nOkonkwo posted on X Friday.{AFTER}",
])
def test_never_a_parted_tag_in_doubt(finder, said, text):
    assert "mara-okonkwo" not in _to(said, finder, text, BAKERS)


def test_never_a_quote_paragraph_after_the_tag_that_names_another(finder, said):
    named = "Linda Chow was wrong, and she should apologize."
    text = f"{NAMED}{PARTED}Okonkwo posted on X Friday.\n\n“{named}”{AFTER}"
    assert "mara-okonkwo" not in _to(said, finder, text, named)


def test_never_a_quote_paragraph_after_a_paragraph_of_narration(finder, said):
    text = f"{NAMED}{PARTED}Okonkwo posted on X Friday.\n\nThe mayor spoke next.\n\n“{SORRY}”{AFTER}"
    assert "mara-okonkwo" not in _to(said, finder, text, SORRY)


def test_never_a_quote_paragraph_after_the_mayors_parted_tag(finder, said):
    text = f"{NAMED}{PARTED}The mayor posted on X Friday.\n\n“{SORRY}”{AFTER}"
    assert "mara-okonkwo" not in _to(said, finder, text, SORRY)


# --- (b) an opening mark printed for the closing one at a paragraph's end ------------------------

def test_keeps_a_quote_closed_by_a_misprinted_mark(finder, said):
    text = f"Bakers are worried.\n\n“{BAKERS},” Mara Okonkwo said in a post on X. “{SORRY} “{AFTER}"
    assert _to(said, finder, text, SORRY) == {"mara-okonkwo"}


@pytest.mark.parametrize("text", [
    # the mayor's words after hers, closed the same way
    f"Bakers are worried.\n\n“{BAKERS},” Mara Okonkwo said. The mayor said, “{SORRY} “{AFTER}",
    f"Bakers are worried. Mara Okonkwo runs a bakery.\n\nThe mayor said, “{SORRY} “{AFTER}",
    # no quote open: the mark opens the next paragraph's words, the union's
    f"{NAMED}“{BAKERS},” Okonkwo said. The union wrote back. “\n\n{SORRY}”{AFTER}",
])
def test_never_a_misprinted_closer_for_anothers_words(finder, said, text):
    assert "mara-okonkwo" not in _to(said, finder, text, SORRY)


@pytest.mark.parametrize("paragraph", [
    # no quote open: the mark opens the words that follow in the next paragraph (heldout22 rv07's form)
    "Linda Chow described the conditions as poor. “",
    "“We will fight,” Okonkwo said. The mayor answered, “",
    # two marks left open, or straight marks beside the curly ones: which one it closes is in doubt
    "“We will fight, “and we will win. “",
    "\"We will fight,\" Okonkwo said. “And we will win. “",
])
def test_never_a_trailing_mark_read_as_a_closer_with_no_one_quote_open(paragraph):
    from onrecord.nlp.quote_marks import prepare
    clean, _ranges = prepare(f"{paragraph}\n\nThey are given food, but the conditions are poor.")
    assert clean.split("\n\n")[0].endswith("“")
