"""Round 51p of issue 11 (paraphrases), FICTIONAL sentences (tests/nlp/conftest.py's Mara Okonkwo
and Tomas Reyna, with an invented mayor, sheriff, union and Linda Chow). One general reading of
reported speech without quote marks that the paraphrase misses on the development splits showed
the parse can take:

- "Levy acknowledged the sensitivity of the issue" (heldout2 rb01), "Novoselsky acknowledged the
  distressing actions of ICE" (heldout75 tw04): 'acknowledge' with a noun object reports a position, as 'defended <NP>'
  does (leader_patterns.PARAPHRASE_FRAMES and OBJECT_FRAMES: the quote is the verb phrase from the
  verb), with every guard of the judgements: the leader is the verb's own subject resolved to one
  leader, the object is content (at least two content words, no gloss after a quote's tag, no
  lead-in to a colon, nothing handed 'to' someone), not negated, not second-hand, not a position
  long held, not in a headline; and (reported_clauses.acknowledges_no_words) the object is no
  person ('acknowledged Linda Chow', 'acknowledged the workers of the bakery' carry none of her words), the verb
  no infinitive ('refused to acknowledge ...', 'took to X to acknowledge the contribution ...',
  heldout2 rb29: an aim or a refusal) and no participle after it ('Cook acknowledged the emotional
  toll on his workforce, praising their empathy as "..."', heldout73 tu02: the participle carries
  what he said, and is read as his).
  'acknowledged that ...' stays the indirect rule's.

The nearest wrong forms (another's, a group's, an official's words in the same shape; a leader only
mentioned; a question put to her; a denial; a pronoun with another woman in view; a person or a
bare noun as the object) stay no one's, never hers. Checked by hand, each guard removed in turn:
without the person check 'acknowledged Linda Chow and the mayor' goes to her; without the
infinitive check 'went on the radio to acknowledge the painful impact ...' does; without the
participle check 'acknowledged the heavy toll ..., praising their courage as ...' does; without the content check of _only_a_gloss (OBJECT_FRAMES)
'acknowledged the request' goes to her; the negation, the speaker and the headline guards are the
rule's own, shared with 'defended' (without the negation check 'did not acknowledge ...' fails).
The keep-tests fail on main; the must-nevers pass on main."""
import pytest


BEFORE = "Bakers across the valley are worried about the raids.\n\n"
NAMED = "Bakers across the valley are worried about the raids. Mara Okonkwo runs a bakery on Main Street.\n\n"


@pytest.mark.parametrize("text, words", [
    (f"{BEFORE}Mara Okonkwo acknowledged the sensitivity of the issue for her workers.",
     "acknowledged the sensitivity of the issue for her workers"),
    (f"{BEFORE}On Friday, Okonkwo acknowledged the painful impact of the raids on the neighborhood.",
     "acknowledged the painful impact of the raids on the neighborhood"),
    (f"{BEFORE}Tomas Reyna acknowledged the heavy burden of the new rules on small roofers.",
     "acknowledged the heavy burden of the new rules on small roofers"),
])
def test_keeps_an_acknowledged_position(finder, said, text, words):
    leader = "tomas-reyna" if "Reyna" in text else "mara-okonkwo"
    assert leader in said.to(finder, text, words, "paraphrase")


@pytest.mark.parametrize("text", [
    # a person or a bare noun as the object: whom she turned to, no words
    f"{BEFORE}Mara Okonkwo acknowledged Linda Chow and the mayor.",
    f"{BEFORE}Mara Okonkwo acknowledged the workers of the bakery.",
    f"{BEFORE}Mara Okonkwo acknowledged the request.",
    # an infinitive: an aim or a refusal, no statement
    f"{BEFORE}Mara Okonkwo refused to acknowledge the painful impact of the raids on her workers.",
    f"{BEFORE}Mara Okonkwo went on the radio to acknowledge the painful impact of the raids on her workers.",
    f"{BEFORE}Mara Okonkwo took to X to acknowledge the gift to the shelter fund for detained workers.",
    # negated, asked, a denial
    f"{BEFORE}Mara Okonkwo did not acknowledge the impact of the raids on her workers.",
    f"{BEFORE}Mara Okonkwo was asked to acknowledge the impact of the raids on her workers.",
    f"{BEFORE}Mara Okonkwo denied that she had acknowledged the impact of the raids.",
])
def test_never_an_acknowledgement_without_her_words(finder, said, text):
    assert not said.by(finder, text)


def test_never_the_acknowledgement_before_her_participle(finder, said):
    text = f"{BEFORE}Okonkwo acknowledged the heavy toll on her workers, praising their courage as a strength of the bakery."
    assert not {w for w in said.by(finder, text) if w.startswith("acknowledged")}


@pytest.mark.parametrize("text", [
    # a group, an official, another person; she only mentioned
    f"{NAMED}The union acknowledged the impact of the raids on Okonkwo's bakery.",
    f"{NAMED}Sheriff Dale Murrow acknowledged the painful impact of the raids on Okonkwo's workers.",
    f"{NAMED}Linda Chow acknowledged the sensitivity of the issue for Mara Okonkwo.",
    # a pronoun with another woman in view
    f"{NAMED}Okonkwo met Linda Chow on Friday. She acknowledged the painful impact of the raids.",
    # a headline
    "Okonkwo Acknowledges The Painful Impact Of The Raids\n\nBakers across the valley are worried.",
])
def test_never_an_acknowledgement_for_another(finder, said, text):
    assert not said.by(finder, text)
