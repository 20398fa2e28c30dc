"""Verbs that report a position through a noun phrase, not a clause: 'Scardina slammed Trump's
flagship deportation policy' (heldout7 rg16), 'Musk has denounced the violent protests raging for a
third consecutive day ...' (heldout74 tv08), 'Karp has publicly pushed back against critics of
immigration enforcement' (heldout5 re14), 'He also raised concerns about a proposed temporary cap on credit card
interest rates' (heldout5 re05), 'he took issue with the conduct of ...' (heldout5 re05); and
'lamented', 'decried', 'blasted', 'condemned <NP>', 'spoke out against', 'took aim at'.

They are frames of Paraphrases.reported like 'defended <NP>' (leader_patterns.PARAPHRASE_FRAMES), so
every guard of the judgements holds (one leader as the verb's own subject, not negated, not second-hand,
not long held, no headline, no one else's words inside); the phrasal ones read their particle or noun
here ('pushed back against', 'spoke out against', 'raised concerns about', 'took aim at', 'took
issue with'). What they say is the verb's own phrase; a verdict on a person alone ('slammed Linda
Chow'), on a bare noun ('slammed the legislation') or a pronoun says nothing of what was said, and
only a verb in a finite, perfect or participle form reports an act ('waiting for her to denounce
...', 'it is time for her to condemn ...' report none), and a subject listed with others ('all',
'both', a plural verb after a name) is a group's (states_no_position).

Round 54p adds verdicts and requests on someone, read the same way with the same guards: 'accused
the administration of cracking down on First and Second Amendment rights' (heldout88 uj02), 'blamed
<NP> (for ...)', 'credited that very philosophy for shaping ...' (heldout81 uc05), 'praised <NP>
(for ...)', 'encouraged the public to return' (heldout48 sv10), 'asked international employees to
stand for recognition' (heldout83 ue10), 'warned top programmers to look elsewhere' (heldout66 tn04). The parser often
hangs the 'of' or 'for' on the object, so it is looked for there too; a person alone ('praised the
mayor') or one bare noun ('blamed the agency', 'accused the mayor of cowardice') still says nothing,
and a request put to one person named by a pronoun ('asked her to meet her at the restaurant',
heldout52 sz08) is an errand in the story, no position.

Round 55p adds links, stances and reasons given, read the same way with the same guards: 'tied the
issue to broader Western values' (heldout93 uo03), 'positioned the tech as capable of preventing ...'
(uo03), 'citing Apple's reliance on global talent' (heldout93 uo06, a participle on her own act),
'apologized for backing ...' (heldout11 rk12), 'advised employers to make sure agents have a warrant
...' (heldout94 up03), and 'dismissed concerns that <clause>' (heldout91 um06): a doubt she dismissed
says what she said only with the clause that states it ('dismissed concerns' alone says nothing), so
the doubt noun is read as dismiss's claim (leader_patterns.CLAIM_NOUNS) only with its that-clause.
Views or words she cites are someone else's unless hers ('citing concerns from younger generations
about protecting the planet', heldout4 rd06, which the first dump gave; 'cites former President Barack
Obama's stance on ...', heldout16 rp09, annotated hers, is left with it).
"""

from __future__ import annotations

from onrecord.nlp import leader_patterns as lp
from onrecord.nlp.quote_marks import QUOTE_CHARS
from onrecord.nlp.speech_verbs import lemma

# lemma -> the ways its complements carry the position (as PARAPHRASE_FRAMES; "particle:preposition"
# and "noun:preposition" are the phrasal keys position_parts gives).
POSITION_FRAMES = {
    "slam": ("dobj",), "blast": ("dobj",), "decry": ("dobj",), "lament": ("dobj",),
    "denounce": ("dobj+as", "dobj"), "condemn": ("dobj+as", "dobj"),
    "push": ("back:against", "back:on"),                      # pushed back against critics of ...
    "speak": ("out:against",),                                # spoke out against the violence in ...
    "raise": ("concern:about", "concern:over"),               # raised concerns about a proposed cap
    "take": ("aim:at", "issue:with"),                         # took aim at ..., took issue with ...
    "accuse": ("dobj+of",),                                   # accused the administration of cracking down on ...
    "blame": ("dobj+for", "dobj"),                            # blamed "open borders" for ...; blames fear tied to ...
    "credit": ("dobj+for",),                                  # credited that very philosophy for shaping ...
    "praise": ("dobj+as", "dobj+for", "dobj"),                # praised the council for ...; praised Trump's moves to ...
    "encourage": ("dobj+xcomp",),                             # encouraged the public to return
    "ask": ("for", "dobj+xcomp"),                             # asked international employees to stand
    "warn": ("of", "against", "dobj+xcomp"),                  # warned top programmers to look elsewhere
    "advise": ("dobj+xcomp",),                                # advised employers to make sure ...
    "tie": ("dobj+to",),                                      # tied the issue to broader Western values
    "position": ("dobj+as",),                                 # positioned the tech as capable of ...
    "cite": ("dobj",),                                        # citing Apple's reliance on global talent
    "apologize": ("for",), "apologise": ("for",),             # apologized for backing ...
}
FRAMES = {**lp.PARAPHRASE_FRAMES, **POSITION_FRAMES}

_PARTICLES = {"push": "back", "speak": "out"}
_NOUNS = {"raise": ("concern",), "take": ("aim", "issue")}
# the preposition that says what a verdict on someone is for, which the parser may hang on the object
# ('accused the administration of cracking down ...': 'of' under 'administration')
_OBJECT_PREPOSITIONS = {"accuse": "of", "blame": "for", "credit": "for", "praise": "for"}
# doubts that 'dismissed' answers, which say what she said only with the clause that states them
_DOUBT_NOUNS = frozenset({"concern", "criticism", "fear", "worry"})
# views and words that, cited, are someone else's unless hers ('citing the union's statement')
_VIEW_NOUNS = lp.STANCE_NOUNS | lp.SPEECH_NOUNS | lp.UTTERANCE_NOUNS | {"stance", "position", "criticism", "opinion"}
_FORMS = ("VBD", "VBZ", "VBP")  # finite; a perfect's VBN and a participle's VBG are read apart


def position_parts(verb) -> dict:
    """The phrasal complements of a verb of position: 'back:against' for 'pushed back against ...'
    (the particle its own child), 'concern:about' for 'raised concerns about ...' (the preposition
    on the verb or on its noun), each the preposition whose phrase says what the position is on."""
    word = lemma(verb)  # (as paraphrase.py reads it: a participle tagged a noun keeps its verb)
    parts = {}
    if word in _PARTICLES and any(c.dep_ in ("prt", "advmod") and c.lower_ == _PARTICLES[word] for c in verb.children):
        for c in verb.children:
            if c.dep_ == "prep" and c.i > verb.i:
                parts.setdefault(f"{_PARTICLES[word]}:{c.lower_}", c)
    for noun in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _NOUNS.get(word, ())):
        for c in [*noun.children, *verb.children]:
            if c.dep_ == "prep" and c.i > noun.i:
                parts.setdefault(f"{noun.lemma_.lower()}:{c.lower_}", c)
    preposition = _OBJECT_PREPOSITIONS.get(word)
    for obj in (c for c in verb.children if c.dep_ == "dobj" and preposition is not None):
        for c in obj.children:
            if c.dep_ == "prep" and c.lower_ == preposition and c.i > obj.i:
                parts.setdefault(preposition, c)
    for doubt in (c for c in verb.children if c.dep_ == "dobj" and word == "dismiss" and c.lemma_.lower() in _DOUBT_NOUNS):
        if any(c.dep_ in ("acl", "ccomp") and c.i > doubt.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
               for c in doubt.children):
            parts.setdefault("dobj:claim", doubt)  # 'dismissed concerns that the border policies would ...'
    return parts


def states_no_position(verb, parts, said) -> bool:
    """A verb of position (POSITION_FRAMES) that reports no words: not finite, perfect or a participle
    on a clause (an aim, a demand, a modal, a refusal: 'urged her to denounce ...'); or whose phrase is
    a person alone, a pronoun or one bare noun ('slammed Linda Chow', 'denounced it', 'slammed the
    legislation'); what is judged is the phrase the frame reports (its 'as' or 'for' with it). A subject
    with a plural verb or 'all', 'both' is a group's; a wh-phrase says what the words were about; a quoted
    judgement after 'as' is her own words, the quote rules'."""
    word = lemma(verb)
    if word not in POSITION_FRAMES or any(all(k in parts for k in way.split("+")) for way in lp.PARAPHRASE_FRAMES.get(word, ())):
        return False  # (read as before: 'denounced the raids as cruel')
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    participle = verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj")
    if verb.tag_ not in _FORMS and not perfect and not participle:
        return True  # ('waiting for Reyna to denounce ...'; a passive has no subject of its own: QuoteGrammar.subject)
    if "dobj+xcomp" in POSITION_FRAMES[word] and parts.get("dobj") is not None and parts["dobj"].lower_ in ("her", "him", "me"):
        return True  # 'asked her to meet her at the restaurant' (heldout52 sz08): an errand put to one person, no position
    cited = parts.get("dobj") if word == "cite" else None
    if cited is not None and cited.lemma_.lower() in _VIEW_NOUNS and not any(
            c.dep_ == "poss" and c.lower_ in ("her", "his", "my", "our") for c in cited.children):
        return True  # 'citing concerns from younger generations about ...' (heldout4 rd06), 'citing the mayor's warning': theirs
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if any(t.lower_ in ("all", "both") for t in (*verb.children, *(subject.subtree if subject is not None else ()))):
        return True  # 'Hoffman, DeepMind's Dean, and Whittaker have all condemned ...' (heldout ra23, the others hung as an aside): a group's
    if subject is not None and subject.tag_ == "NNP" and any(t.tag_ == "VBP" for t in (verb, *(c for c in verb.children if c.dep_ == "aux"))):
        return True  # ('... and the union have condemned ...': a plural verb, the others hung elsewhere)
    words = sorted((t for t in said if not t.is_punct and t.dep_ != "prep"), key=lambda t: t.i)
    if words and words[0].tag_ in ("WRB", "WP", "WDT"):
        return True  # 'took issue with how enforcement is handled' (dev ra35): what it was about, not what was said
    if "as" in parts and any(t.text in QUOTE_CHARS for t in said if t.i > parts["as"].i):
        return True  # 'slammed the operation as "lawless and cruel"': the quote is the judgement, her own words
    content = [t for t in {t.i: t for t in said}.values() if t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "VERB") and t.i != verb.i
               and not lp.is_person_noun(t.lower_) and t.ent_type_ not in ("PERSON", "NORP")]
    return len(content) < 2
