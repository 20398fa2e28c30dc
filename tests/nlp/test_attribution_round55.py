"""Round 55 of issue 11, FICTIONAL sentences (tests/nlp/conftest.py's Mara Okonkwo and Tomas Reyna,
with an invented mayor, union, sheriff and Linda Chow). Three general readings of a quote right after
the same speaker's tagged quote, which the direct misses on the development splits showed:

- a quote sentence opened by the writer's connective or short adverbial ('"...," he said. But at
  the same time, "..."', heldout94 up04; connective_openers.py, asked by
  quote_continuations._continuations when the words between are more than the tag's clause);
- a quote that opens with an editor's bracket ('"[The] lack of concern ..."', heldout92 un02): the
  word inside the bracket tells a new sentence from an interrupted one
  (quote_continuations._first_letter);
- a second quote after the tag sentence whose closing mark the page dropped before the paragraph
  ends ('"...," said X, CEO of Y. "Nobody wants ...' then narration, heldout13 rm15, heldout75
  tw08): the quote is the rest of the paragraph (quote_marks._runs_to_its_end), read as before.

The nearest wrong forms stay no one's. Checked by hand, each guard of connective_openers removed in
turn: the verb, pronoun and name check fails 'But Linda Chow,'; the source prepositions 'From the
crowd,'; the person, group and document nouns 'In the letter,'; the bare-noun check 'But the sign
outside,'; the colon check 'Below:'; the root check 'Meanwhile, "Operation Riverton Sweep."'; the
words-after-the-quote check 'Later, "...," the mayor wrote.'. A people check and a five-word limit
held no must-never (names are refused by their part of speech and entity first) and were dropped. The
continuation's own guards refuse the mayor's first quote, a 'she' with Linda Chow in view and a tag
with someone else named in it, as before. Without _first_letter the bracket keep-tests fail; a
lowercase word in the bracket ('[the] ...') is still read as the sentence going on. A bare conjunction
before the mark with no comma ('But "They ..."') makes the quote one that opens mid-clause, which
the continuation leaves alone as before (no development split has the form). For the unclosed quote,
removed in turn: the sentence-start check fails 'the raids were "a disgrace. Agents left ...'; the
two-capitals check '"Operation Riverton Sweep began ...' (a check that the paragraph ends in a full
stop held none and was dropped); the mayor's, 'The mayor disagreed.'
and a 'she' with Linda Chow in view are refused by the continuation's own guards."""
import pytest

FIRST = "Bakery owners want to follow the law"
NEXT = "They want their workers to feel safe."
BRACKETED = "[The] lack of concern for the families is a major worry."


@pytest.mark.parametrize("opener", [
    "But at the same time,", "Still,", "Later,", "Then,", "At the same time,", "Later that day,", "And yet,",
])
def test_keeps_a_quote_opened_by_a_connective_after_her_quote(finder, said, opener):
    text = f"The bakery reopened on Monday.\n\n“{FIRST},” Okonkwo said. {opener} “{NEXT}”"
    assert said.to(finder, text, NEXT) == {"mara-okonkwo"}


def test_keeps_a_connective_quote_after_a_resolved_pronoun(finder, said):
    text = f"Tomas Reyna reopened the shop on Monday.\n\n“{FIRST},” he said. But at the same time, “{NEXT}”"
    assert said.to(finder, text, NEXT) == {"tomas-reyna"}


@pytest.mark.parametrize("text", [
    f"The bakery reopened.\n\n“{FIRST},” Okonkwo said. But the mayor disagreed. “{NEXT}”",
    f"The bakery reopened.\n\n“{FIRST},” Okonkwo said. But to the union, “{NEXT}”",
    f"The bakery reopened.\n\n“{FIRST},” Okonkwo said. But according to the union, “{NEXT}”",
    f"The bakery reopened.\n\n“{FIRST},” Okonkwo said. Yet for workers, “{NEXT}”",
    f"The bakery reopened.\n\n“{FIRST},” Okonkwo said. But Linda Chow, “{NEXT}”",
    f"The bakery reopened.\n\n“{FIRST},” Okonkwo said. In the letter, “{NEXT}”",
    f"The bakery reopened.\n\n“{FIRST},” Okonkwo said. But the sheriff's deputy, “{NEXT}”",
    f"The bakery reopened.\n\n“{FIRST},” Okonkwo said. Still, the union, “{NEXT}”",
    f"The bakery reopened.\n\n“{FIRST},” Okonkwo said. And in the union's view, “{NEXT}”",
    f"The bakery reopened.\n\n“{FIRST},” Okonkwo said. But the sign outside, “{NEXT}”",
    f"The bakery reopened.\n\n“{FIRST},” Okonkwo said. Then someone shouted, “{NEXT}”",
    f"The bakery reopened.\n\n“{FIRST},” Okonkwo said. From the crowd, “{NEXT}”",
    f"The bakery reopened.\n\n“{FIRST},” Okonkwo said. Below: “{NEXT}”",
    f"The bakery reopened.\n\n“{FIRST},” Okonkwo said. Later, “{NEXT[:-1]},” the mayor wrote.",
    f"The bakery reopened.\n\n“{FIRST},” Okonkwo said. Then, “{NEXT[:-1]}” became the union's slogan.",
    f"The bakery reopened.\n\n“{FIRST},” Okonkwo said as Linda Chow listened. But at the same time, “{NEXT}”",
    f"The bakery reopened.\n\n“{FIRST},” the mayor said. But at the same time, “{NEXT}”",
    f"Mara Okonkwo met Linda Chow on Monday.\n\n“{FIRST},” she said. But at the same time, “{NEXT}”",
])
def test_never_a_connective_quote_that_is_anothers_or_in_doubt(finder, said, text):
    assert "mara-okonkwo" not in said.to(finder, text, NEXT)
    assert "mara-okonkwo" not in said.to(finder, text, NEXT[:-1])


@pytest.mark.parametrize("text, words", [
    (f"The bakery reopened.\n\n“{FIRST},” Okonkwo said. Next: “Operation Riverton Sweep.”", "Operation Riverton Sweep."),
    (f"The bakery reopened.\n\n“{FIRST},” Okonkwo said. Meanwhile, “Operation Riverton Sweep.”",
     "Operation Riverton Sweep."),
    (f"The bakery reopened.\n\n“{FIRST},” Okonkwo said. Then came “Operation Riverton Sweep.”",
     "Operation Riverton Sweep."),
    (f"The bakery reopened.\n\n“{FIRST},” Okonkwo said. Meanwhile, “Operation Riverton Sweep” went on.",
     "Operation Riverton Sweep"),
])
def test_never_a_name_after_a_connective(finder, said, text, words):
    assert "mara-okonkwo" not in said.to(finder, text, words)


def test_keeps_a_quote_opened_by_an_editors_bracket(finder, said):
    text = f"The bakery reopened on Monday.\n\n“I was told of one worker who was sent home,” Okonkwo said. “{BRACKETED}”"
    assert said.to(finder, text, BRACKETED) == {"mara-okonkwo"}


def test_keeps_a_bracketed_quote_paragraph_after_her_quote(finder, said):
    text = (f"The bakery reopened on Monday.\n\n“I was told of one worker who was sent home,” Okonkwo said.\n\n"
            f"“{BRACKETED}”")
    assert said.to(finder, text, BRACKETED) == {"mara-okonkwo"}


@pytest.mark.parametrize("text", [
    f"The bakery reopened.\n\n“I was told of one worker who was sent home,” the mayor said. “{BRACKETED}”",
    f"The bakery reopened.\n\n“I was told of one worker who was sent home,” Okonkwo said. “{BRACKETED[:-1]},” the sheriff said.",
    f"Mara Okonkwo met Linda Chow.\n\n“I was told of one worker who was sent home,” she said. “{BRACKETED}”",
    f"The bakery reopened.\n\n“I was told of one worker who was sent home,” Okonkwo said as Linda Chow listened. “{BRACKETED}”",
])
def test_never_a_bracketed_quote_that_is_anothers(finder, said, text):
    assert "mara-okonkwo" not in said.to(finder, text, BRACKETED)
    assert "mara-okonkwo" not in said.to(finder, text, BRACKETED[:-1])


SAID = "We kept the doors open all week"
UNCLOSED = "Nobody wants to live and work in such fear."


@pytest.mark.parametrize("rest, words", [
    (f"“{UNCLOSED}", UNCLOSED),
    (f"“{UNCLOSED} We will stay.", f"{UNCLOSED} We will stay."),
])
def test_keeps_a_second_quote_left_open_to_the_paragraph_end(finder, said, rest, words):
    text = f"The bakery reopened on Monday.\n\n“{SAID},” Okonkwo said. {rest}\n\nThe mayor did not respond."
    assert said.to(finder, text, words) == {"mara-okonkwo"}


@pytest.mark.parametrize("text, words", [
    (f"The bakery reopened.\n\n“{SAID},” the mayor said. “{UNCLOSED}\n\nOkonkwo did not respond.", UNCLOSED),
    (f"The bakery reopened.\n\n“{SAID},” Okonkwo said. The mayor disagreed. “{UNCLOSED}\n\nReyna left.", UNCLOSED),
    (f"Mara Okonkwo met Linda Chow.\n\n“{SAID},” she said. “{UNCLOSED}\n\nThe mayor did not respond.", UNCLOSED),
    (f"The bakery reopened.\n\n“{SAID},” Okonkwo said. “Operation Riverton Sweep began on Monday.\n\nThe mayor left.",
     "Operation Riverton Sweep began on Monday."),
    ("The bakery reopened.\n\nOkonkwo said the raids were “a disgrace. Agents left the town on Monday.\n\nThe mayor left.",
     "a disgrace. Agents left the town on Monday."),
])
def test_never_an_unclosed_quote_that_is_anothers_or_a_name(finder, said, text, words):
    assert "mara-okonkwo" not in said.to(finder, text, words)
