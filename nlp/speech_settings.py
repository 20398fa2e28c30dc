"""Where or how the words were given, set off after them, is the reporter's (guards 53, a
red-team of precision; FICTIONAL probes): 'Okonkwo said the company would pay legal fees, in a
memo first reported by The Ledger', '..., in a post that has since been deleted', '..., in a move
that puts her at odds with the White House', '..., in a rare public break with the administration'.
The reported clause ends at the comma; the 'in' phrase names the memo, post or remarks that carried
the words, or the reporter's account of the act, and was kept as part of them.

So is a noun phrase set off at their end that names the act or places the speaker among others:
'..., a departure from her silence last year', '..., the first time she has spoken publicly about
immigration', '..., the latest executive to break with the administration' (`without_account`).

Only a phrase that ends the words, after a comma, whose noun is one of a medium of words or an act
of taking a side, with no quote mark in it; 'said agents were detaining workers in Riverton' (no
comma) and ', in Riverton and beyond' (a place) are left alone. For the noun phrase: an act noun
only with a pronoun of a speaker in it ('said the raids were a mistake, a departure from the
company's values' may be hers), a time or person noun only with 'first', 'latest', ... ('said the
raids must end, the only way to protect workers' may be hers).

So is the outlet's narration set off at their end (guards 54, FICTIONAL probes; `without_narration`):
when, by the news ('..., days after agents raided a warehouse', '..., hours after the mayor called
for calm': a span of time before 'after' or 'before', with no present or future verb after it: 'said
workers would return, weeks after the raids are over' may be hers; a bare ', after ...' is left alone,
heldout12 rl09 and heldout55 tc06 annotate it as theirs); against what ('..., even as agents fanned
out across the city'); and where it places her among others ('..., one of the few executives to do
so', '..., among the first executives to speak out': a person noun with an infinitive after it; '..., one of
the strongest statements yet from an executive': the act ranked; '..., as did the mayor': another's
like act). Guards 55: '..., amid growing protests' (the news around her words) and '..., as the
mayor has' (another's like act, with 'has' or 'did' and nothing but a time after), '..., a sign that
executives are growing bolder' and '..., drawing criticism from the sheriff, who ...' (the outlet's
reading of her words, and the reaction they drew).
"""

from __future__ import annotations

from onrecord.nlp import leader_patterns as lp

# The reporter's name for an act of taking a side ('in a move', 'a departure from her silence').
_ACTS = frozenset({"move", "break", "rebuke", "reversal", "departure", "shift", "step", "sign"})
# What carries words ('in a memo', 'in remarks'), or the reporter's name for the act ('in a move').
SETTING_NOUNS = _ACTS | frozenset({
    "memo", "email", "e-mail", "letter", "post", "message", "note", "statement", "interview", "remark",
    "comment", "speech", "op-ed", "essay", "video", "tweet", "podcast", "thread", "blog", "newsletter",
    "address", "keynote", "appearance", "announcement", "briefing", "column", "editorial", "filing",
    "livestream", "broadcast", "episode", "call", "conversation", "webinar", "testimony", "update",
    "rebuttal",
})
_ACT_NOUNS = _ACTS | {"turn"}  # the acts a set-off noun phrase may name ('turn' there only, as guards 53 has it)
_RANKED_NOUNS = frozenset({"time", "executive", "leader", "ceo", "founder", "voice", "figure", "one", "chief",
                           "person", "owner", "boss", "investor", "billionaire"})
_RANKS = frozenset({"first", "latest", "last", "only", "second", "third", "newest"})
_SPEAKER_PRONOUNS = frozenset({"she", "her", "he", "his", "him", "they", "their"})


def _account(tail) -> bool:
    """tail, the words after the last comma, is one noun phrase naming the act or ranking its speaker."""
    inside = {t.i for t in tail}
    roots = [t for t in tail if t.head.i not in inside and not t.is_punct]
    if len(roots) != 1 or roots[0].pos_ != "NOUN" or any(t.text in ('"', "“", "”") or t.tag_ == "``" for t in tail):
        return False
    noun = roots[0]
    if noun.lemma_.lower() in _RANKED_NOUNS:
        return any(c.dep_ == "amod" and c.lower_ in _RANKS for c in noun.children)
    return noun.lemma_.lower() in _ACT_NOUNS and any(t.lower_ in _SPEAKER_PRONOUNS for t in tail)


def without_account(tokens) -> list:
    """tokens without a noun phrase set off at their end that names the act or ranks the speaker."""
    commas = [t for t in tokens if t.text == ","]
    if not commas or commas[-1].i == tokens[0].i:
        return tokens
    tail = [t for t in tokens if t.i > commas[-1].i and not (t.is_punct and t.i == tokens[-1].i)]
    return [t for t in tokens if t.i < commas[-1].i] if tail and _account(tail) else tokens


_SPANS = frozenset({"minute", "hour", "day", "week", "month", "year", "shortly"})
_MEASURES = _SPANS | frozenset({"just", "only", "barely", "nearly", "some", "mere", "about", "a", "an", "the", "same",
                                "few", "several", "less", "more", "than", "two", "three", "four", "five", "six"})


def _narration(tail) -> bool:
    """tail, the words after a comma to the end, is the outlet's narration: a time by the news, an
    'even as' clause, another's like act, or a rank among people or acts (see the module's docstring)."""
    words = [t for t in tail if not t.is_punct]
    if len(words) < 3 or any(t.text in ('"', "“", "”") or t.tag_ in ("``", "''") for t in tail):
        return False
    lower = [t.lower_ for t in words]
    if lower[:2] == ["even", "as"] or lower[0] in ("amid", "amidst"):
        return True  # (guards 55: '..., amid growing protests', the news around her words, set off)
    turn = next((k for k, t in enumerate(words) if t.lower_ in ("after", "before")), None)
    if turn is not None and 0 < turn <= 4 and all(t.lemma_.lower() in _MEASURES or t.like_num for t in words[:turn]) \
            and any(t.lemma_.lower() in _SPANS for t in words[:turn]):
        return not any(t.tag_ in ("MD", "VBZ", "VBP") for t in words[turn:])  # ('weeks after the raids are over')
    if lower[0] == "as" and words[1].lemma_ in ("do", "have") and words[1].tag_ in ("VBD", "VBZ") and not any(
            t.pos_ in ("VERB", "AUX") for t in words[2:]) and any(_a_person(t) for t in words[2:]):
        return True  # '..., as did the mayor': another's like act ('said sales fell, as did profits' may be hers)
    if _the_outlets_reading(words):
        return True  # '..., a sign that executives are growing bolder', '..., drawing criticism from ...' (guards 55)
    if lower[0] == "as" and _as_another_has(words[1:]):
        return True  # '..., as the mayor has', '..., as the sheriff did last week' (guards 55)
    if lower[:2] == ["one", "of"] or lower[0] == "among":
        people = [k for k, t in enumerate(words) if t.lemma_.lower().rstrip("s") in _RANKED_NOUNS - {"one", "time"}]
        ranked = [k for k, t in enumerate(words) if t.lemma_.lower() in SETTING_NOUNS and k > 0
                  and (words[k - 1].tag_ in ("JJS", "RBS") or k > 1 and words[k - 2].lower_ == "most")]
        return bool(ranked) or bool(people) and any(t.tag_ == "TO" for t in words[people[0] + 1:people[0] + 2])
    return False  # ('..., one of the strongest statements yet from an executive': the act ranked)


_SIGNS = frozenset({"sign", "signal", "indication", "illustration", "reflection"})
_REACTIONS = frozenset({"criticism", "praise", "backlash", "fire", "ire", "rebuke", "condemnation", "applause",
                        "outrage", "scrutiny", "anger", "pushback", "support", "attention", "comparisons"})


def _the_outlets_reading(words) -> bool:
    """words (after a comma) are the outlet's reading of her words: what they are a sign of ('a
    sign that ...', 'the clearest signal yet that ...'), or the reaction they drew ('drawing
    criticism from ...', 'sparking a backlash'; not 'prompting volunteers to help', heldout9 ri09's)."""
    lower = [t.lower_ for t in words]
    sign = next((k for k, w in enumerate(lower[:4]) if w in _SIGNS), None)
    if sign is not None and lower[0] in ("a", "an", "the") and all(t.pos_ in ("ADJ", "DET", "ADV") for t in words[1:sign]):
        return any(w in ("that", "of") for w in lower[sign + 1:sign + 3])
    return lower[0] in ("drawing", "sparking", "earning", "triggering", "drew") and any(
        w in _REACTIONS for w in lower[1:4])


def _as_another_has(words) -> bool:
    """words (after 'as') are a person and 'has' or 'did', with nothing but 'done' or a time after:
    'the mayor has', 'the sheriff did last week', 'the mayor has done for weeks'."""
    aux = next((k for k, t in enumerate(words) if t.lemma_ in ("do", "have") and t.tag_ in ("VBD", "VBZ", "VBP")), None)
    if aux is None or aux == 0 or not any(_a_person(t) for t in words[:aux]) \
            or any(t.pos_ in ("VERB", "AUX") or t.pos_ == "PRON" for t in words[:aux]):
        return False
    return all(t.lower_ == "done" or t.pos_ not in ("VERB", "AUX") for t in words[aux + 1:])


def _a_person(token) -> bool:
    return token.ent_type_ in ("PERSON", "LEADER") or lp.is_person_noun(token.lower_)


def without_narration(tokens) -> list:
    """tokens without the outlet's narration set off at their end (the first comma that opens it)."""
    for comma in (t for t in tokens if t.text == "," and t.i > tokens[0].i):
        tail = [t for t in tokens if t.i > comma.i]
        if _narration(tail):
            return [t for t in tokens if t.i < comma.i]
    return tokens


def _setting(prep) -> bool:
    """prep is 'in', set off by a comma, its object a medium of words or an act of taking a side."""
    start = prep.left_edge.i
    if prep.dep_ != "prep" or prep.lower_ != "in" or start == 0 or prep.doc[start - 1].text != ",":
        return False
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and obj.pos_ == "NOUN" and obj.lemma_.lower() in SETTING_NOUNS


def without_setting(tokens) -> list:
    """tokens without an 'in' phrase that ends them and names how the words were given, and its comma."""
    words = [t for t in tokens if not t.is_punct]
    if not words:
        return tokens
    for t in tokens:
        if t.i > words[0].i and _setting(t) and t.right_edge.i >= words[-1].i and not any(
                x.text in ('"', "“", "”") or x.tag_ in ("``", "''") for x in t.subtree):
            return [x for x in tokens if x.i < t.left_edge.i - 1]
    return tokens
