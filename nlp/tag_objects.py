"""A verb after a quote that has a text of its own for its object is no tag of that quote.

'"We all witnessed ... ." Reid Hoffman, a member of ..., wrote an opinion piece in the San
Francisco Standard, urging ...': the sentence after a free-standing quote has a speech verb
(`wrote`) whose subject alone stands between them, so it reads like a tag. But a tag's verb takes
the quote as what was said; this one says what was written (`an opinion piece`), and the quote
before it is someone else's (there, a petition's). The same holds for 'posted a video', 'signed
the letter', 'published an essay', 'shared the statement'. An object that is a pronoun ('wrote
it'), a person or audience ('wrote employees'), a time ('posted Tuesday') or an utterance noun
that may be the quote itself ('posted the comment') leaves the tag alone, and so does a verb with
no object ('Okonkwo wrote in a post.').
"""

from __future__ import annotations

# Nouns for a text or a recording that stands on its own: what a verb with one of them for its
# object wrote, posted or signed is that text, not the quote before it.
TEXT_NOUNS = frozenset({
    "piece", "op-ed", "essay", "column", "article", "editorial", "letter", "petition", "statement", "memo",
    "post", "blog", "newsletter", "thread", "video", "clip", "photo", "picture", "image", "screenshot",
    "podcast", "book", "report", "email", "e-mail", "tweet", "note", "manifesto", "link",
})
# Nouns for a reply, which may be the quote itself ('posted the response') unless it is a new one.
REPLY_NOUNS = frozenset({"reply", "response", "answer", "rebuttal", "comment", "message", "reaction"})


def writes_another_text(verb, in_quote) -> bool:
    """The verb's own direct object, or what it answers with (outside quote marks, after it), is a
    text or a recording: 'wrote an opinion piece', 'posted a video', 'responded with a statement of
    her own'; or a new reply ('wrote a reply', 'posted a response': a reply noun with `a`, where
    `the reply` may be the quote itself)."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    objects += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" and c.i > verb.i
                for o in c.children if o.dep_ == "pobj"]
    return any(in_quote[o.i] == -1 and o.pos_ == "NOUN" and (
        _noun(o) in TEXT_NOUNS or _noun(o) in REPLY_NOUNS and any(d.dep_ == "det" and d.lower_ in ("a", "an")
                                                                   for d in o.children)) for o in objects)


def _noun(token) -> str:
    """The object's noun, whole where the tokenizer splits it ('op-ed' as 'op', '-', 'ed')."""
    if token.lower_ == "ed" and token.i >= 2 and token.doc[token.i - 2:token.i + 1].text.lower() == "op-ed":
        return "op-ed"
    return token.lemma_.lower()


def says_something_else(verb, in_quote) -> bool:
    """After a quote that stands as its own sentence (quote_introductions.stands_alone), a speech
    verb that carries its own content is no tag of it: a reported clause ('Okonkwo, who signed it,
    said she hoped others would join.', 'In a memo, Okonkwo wrote that ...'), her own words after a
    colon ('said: "I hope others join."'), or nothing at all ('Okonkwo said nothing.'). A bare tag
    ('Okonkwo wrote in a post.', 'told reporters on Tuesday.') still is one, and so is a tag after a
    question that goes on with 'adding: "..."' ('"...?" he said, adding: "We need these people."')."""
    after = [c for c in verb.children if c.i > verb.i and in_quote[c.i] == -1]
    if any(c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") for c in after):
        return True
    if any(c.dep_ == "dobj" and c.lower_ == "nothing" for c in after):
        return True
    colon = next((t for t in verb.children if t.i > verb.i and t.text == ":" and in_quote[t.i] == -1), None)
    return colon is not None and any(in_quote[t.i] != -1 for t in verb.doc[colon.i + 1:verb.sent.end])
