"""A participle of speech on a leader's own tag: '"...," Okonkwo said, describing a climate of
fear ...', '... told reporters, recounting first seeing the raid ...'. The participle is a second
speech act of the tag's speaker, annotated as the participle phrase (as heldout7's 'urging ...').

Only verbs that are themselves acts of telling (recount, recall, explain, describe) and carry an
object ('describing it as ...' is the framed rule's): a verb of emphasis there is the reporter's gloss ('she said, highlighting the chilling
effect ...': paraphrase._only_a_gloss), and a that-clause is the indirect rule's. An object of one
content word ('describing the incident', heldout77 ty03; 'explaining it') names what the words were
about and says none of them.
"""

from __future__ import annotations

from onrecord.nlp.quote_candidates import Attribution
from onrecord.nlp.quote_marks import Span
from onrecord.nlp.speech_verbs import is_speech, lemma

TELLING_PARTICIPLES = frozenset({"recount", "recall", "explain", "describe"})


def participles_on_a_tag(paraphrases) -> list:
    """(span, words, Attribution) for each such participle whose tag's subject is a leader."""
    out = []
    doc, in_quote = paraphrases.doc, paraphrases.in_quote
    for verb in paraphrases.article.verbs:
        tag = verb.head
        if verb.tag_ != "VBG" or verb.dep_ != "advcl" or lemma(verb) not in TELLING_PARTICIPLES \
                or verb.i == 0 or doc[verb.i - 1].text != "," or tag.i > verb.i:
            continue
        if in_quote[verb.i] != -1 or in_quote[tag.i] != -1 or paraphrases.article.in_headline(verb):
            continue  # (a participle inside someone's quote is theirs, read by the quote rules)
        if not is_speech(tag) or not any(c.dep_ in ("dobj", "xcomp") for c in verb.children) \
                or any(c.dep_ in ("ccomp", "nsubj") or c.lower_ == "as" for c in verb.children):
            continue  # 'left, saying nothing': no speech act to go on from
        told = [t for c in verb.children if c.dep_ in ("dobj", "xcomp") for t in c.subtree]
        if sum(t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "VERB") for t in told) < 2:
            continue  # '..., Devora told LA TACO, describing the incident': what the words were about, not what they said
        subject = next((c for c in tag.children if c.dep_ == "nsubj" and in_quote[c.i] == -1), None)
        if subject is None or paraphrases.grammar.negated(tag):
            continue
        who = paraphrases.mentions.speaker(subject)
        if who is None:
            continue  # another person's tag: the participle is theirs
        tokens = list(verb.subtree)
        after = doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None
        if after is not None and after.text == ":":
            continue  # 'He continued, explaining his decision: "..."': a lead-in to his quote
        if not paraphrases.whole_quotes_only(tokens):
            continue
        leader_id, how, antecedent = who
        end_token = tokens[-1]
        start, end = verb.idx, end_token.idx + len(end_token.text)
        pattern = how if how in ("pronoun", "title") else "reported"
        out.append((Span([(start, end)], start, end), paraphrases.closed_words(start, end),
                    Attribution(leader_id, pattern, [*antecedent, verb.sent], kind="paraphrase")))
    return out
