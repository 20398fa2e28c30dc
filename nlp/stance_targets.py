"""What the evaluative words of a statement are about: a few target-aware features for the stance head.

The same harsh word takes opposite sides depending on its target (nlp/GUIDELINES.md): criticism
of the agents, the raids or the administration condemns; criticism of protesters, "sanctuary"
officials or the agents' critics supports. A sentence encoder reads "thugs" and "shameful" well
but not always who they are aimed at, so for every evaluative word we find the nearest ACTOR
word in the same clause (a few words either side) and
count (polarity of the word, class of that actor). "Clause" here means: not across "but",
"however" or "yet", and with `target_sentence_break` (config.cfg; the model card records it) not
across a sentence end (. ! ? ;). Model 0.4.0 was trained without that break (it was meant to be
there; the mistyped set was found only after its test look), so its features read a target from
the next or the previous sentence, and its card, which lacks the setting, keeps it off:

    polarity: negative (shameful, thugs, must end, lies...) or positive (thank, heroes, proud...),
              flipped by a negator just before it ("not", "never", "don't" ...);
    actor:    ENFORCEMENT (ICE, agents, Border Patrol, DHS, raids, deportations, the administration,
              troops), OPPONENTS (protesters, rioters, agitators, sanctuary officials, mayors and
              governors, the radical left, critics, the media), COMMUNITY (immigrants, families,
              neighbours, children, workers), or none within reach.

Lexicons are of ACTOR classes and of general evaluative words, never of statements. No parser:
a word window costs well under a millisecond a text, where a spaCy parse costs more than the
encoder pass (bench/stance_speed.py), and a parse-based variant (tree distance to the actor)
scored no better on the tune split (nlp/corpus/real/README.md). `target_features` is used by training (nlp/scripts/train.py) and
run time (nlp/stance.py) alike.
"""
from __future__ import annotations

import re

import numpy

ENFORCEMENT, OPPONENTS, COMMUNITY = "enforcement", "opponents", "community"
ACTOR_CLASSES = (ENFORCEMENT, OPPONENTS, COMMUNITY)
NEGATIVE, POSITIVE = "negative", "positive"

# Multi-word actors and names become one token first (lower-cased text).
_PHRASES = [
    (r"\bborder\s+patrol\b", "borderpatrol"), (r"\bhomeland\s+security\b", "dhs"),
    (r"\bimmigration\s+and\s+customs\s+enforcement\b", "ice"), (r"\bnational\s+guard\b", "guard"),
    (r"\bwhite\s+house\b", "whitehouse"), (r"\b(?:radical|far)[-\s]+left\b", "radicalleft"),
    (r"\bthe\s+left\b", "radicalleft"), (r"\bsanctuary\s+(?:cit(?:y|ies)|mayors?|officials?|politicians?|states?|policies|policy|governors?)\b", "sanctuary"),
    (r"\bi\.c\.e\.?", "ice"), (r"\blaw\s+enforcement\b", "lawenforcement"),
    (r"\bstand\s+with\b", "standwith"), (r"\bthank\s+you\b", "thank"), (r"\bwell\s+done\b", "welldone"),
    (r"\bmust\s+(?:end|stop|go|leave)\b", "mustend"), (r"\bget\s+out\b", "getout"),
    (r"\bgood\s+job\b", "welldone"), (r"\bgreat\s+job\b", "welldone"),
]
_PHRASE_RE = [(re.compile(p), r) for p, r in _PHRASES]

ACTORS = {
    ENFORCEMENT: """ice borderpatrol cbp dhs agents agent officers officer feds federal administration trump
        noem homan bovino miller whitehouse regime troops guard soldiers military marines raid raids
        deportation deportations deport deporting deported operation operations surge crackdown
        enforcement detention detentions gestapo kidnappers lawenforcement government""",
    OPPONENTS: """protesters protestors protester protestor rioters rioter agitators agitator mob mobs activists
        activist antifa anarchists anarchist insurrectionists radicals radicalleft leftists leftist
        democrats dems sanctuary mayor mayors governor governors walz frey newsom pritzker bass
        critics media press politicians obstructionists demonstrators""",
    COMMUNITY: """immigrants immigrant migrants migrant families family neighbors neighbours neighbor neighbour
        children kids child students workers residents community communities citizens people
        refugees undocumented mother father parents""",
}
EVALUATIVE = {
    NEGATIVE: """shameful shame disgrace disgraceful disgusting cruel cruelty brutal brutality thugs thug
        lawless criminals criminal terrorists terrorist terror terrorizing terrorize evil vile violent
        violence dangerous reckless lies lying liars lie insane crazy lunatics deranged outrageous
        outrage unacceptable wrong abhorrent horrific appalling inhumane unamerican un-american
        condemn condemns condemned abolish mustend getout stop end murder murderers murdered
        kill killed killing attack attacks attacked attacking assault assaulted assaulting riot
        rioting obstruct obstructing obstruction interfere interfering dox doxxing doxxed blame
        fault accountable unconstitutional illegal unlawful fascist fascists fascism tyranny
        authoritarian hate hateful chaos anarchy mess failure failed pathetic idiots idiotic
        cowards cowardly sick sickening despicable radical extremist extremists agitating
        harass harassing harassment threaten threatening threats invasion invaders occupation
        kidnapping kidnapped abducted disgusted ashamed""",
    POSITIVE: """thank thanks grateful gratitude heroes hero brave bravery courage courageous proud pride
        support supports supported supporting standwith back backing applaud salute commend
        praise patriots welldone restraint professional professionalism protect protecting
        protects defend defending deserve deserves great amazing incredible excellent
        appreciate appreciation honor honored safe safer keep""",
}
# Words whose blame falls on who does them ("rioters attacking agents"): read their actor on the left first.
AGENTIVE = frozenset("""attack attacks attacked attacking assault assaulted assaulting obstruct obstructing obstruction
    interfere interfering dox doxxing doxxed harass harassing harassment threaten threatening riot rioting
    kill killed killing murder murdered terrorize terrorizing kidnapped kidnapping lie lies lying""".split())
NEGATORS = frozenset("not no never nobody nothing n't dont don't doesnt doesn't didnt didn't isnt isn't arent aren't wasnt wasn't cannot cant can't wont won't without".split())
# A clause ends here: the side a word takes is read within its clause.
_BREAK = frozenset({"but", "however", "yet"})
_SENTENCE_END = frozenset({".", "!", "?", ";"})

_ACTOR_OF = {w: c for c, words in ACTORS.items() for w in words.split()}
_POLARITY_OF = {w: p for p, words in EVALUATIVE.items() for w in words.split()}
_TOKEN = re.compile(r"[a-z][a-z'’\-]*|[.!?;:]")

# Feature order: per polarity, per actor class and "none"; then actor mentions per class.
NAMES = tuple(f"{p}:{c}" for p in (NEGATIVE, POSITIVE) for c in ACTOR_CLASSES + ("none",)) + \
        tuple(f"mention:{c}" for c in ACTOR_CLASSES)


def tokens(text: str) -> list[str]:
    low = text.lower().replace("’", "'")
    for pattern, repl in _PHRASE_RE:
        low = pattern.sub(repl, low)
    return _TOKEN.findall(low)


def _polarity(word: str) -> str | None:
    if word in _POLARITY_OF:
        return _POLARITY_OF[word]
    if word.endswith("s") and word[:-1] in _POLARITY_OF:
        return _POLARITY_OF[word[:-1]]
    return None


def counts(text: str, window: int = 6, sentence_break: bool = False) -> numpy.ndarray:
    """Raw counts in NAMES order."""
    toks = tokens(text)
    breaks = _BREAK | _SENTENCE_END if sentence_break else _BREAK
    out = numpy.zeros(len(NAMES), dtype="float32")
    actor_at = {i: _ACTOR_OF[t] for i, t in enumerate(toks) if t in _ACTOR_OF}
    for cls in actor_at.values():
        out[8 + ACTOR_CLASSES.index(cls)] += 1
    for i, t in enumerate(toks):
        pol = _polarity(t)
        if pol is None or i in actor_at:
            continue
        if any(w in NEGATORS or w.endswith("n't") for w in toks[max(0, i - 3):i]):
            pol = POSITIVE if pol == NEGATIVE else NEGATIVE
        # The word after first ("thank ICE", "shameful raids"); for AGENTIVE words the doer, on the left.
        if t in AGENTIVE:
            order = [i - d for d in range(1, window + 1)] + [i + d for d in range(1, window + 1)]
        else:
            order = [j for d in range(1, window + 1) for j in (i + d, i - d)]
        target = next((actor_at[j] for j in order if j in actor_at and not any(
            w in breaks for w in toks[min(i, j) + 1:max(i, j)])), "none")
        out[NAMES.index(f"{pol}:{target}")] += 1
    return out


def target_features(texts, settings: dict) -> numpy.ndarray:
    """(n, len(NAMES)) features: target_scale * log(1 + count), with the [features] settings of
    config.cfg (training) or of the model card (run time)."""
    if not len(texts):
        return numpy.zeros((0, len(NAMES)), dtype="float32")
    window, brk = int(settings["target_window"]), bool(settings.get("target_sentence_break", False))
    raw = numpy.stack([counts(t, window, brk) for t in texts])
    return (float(settings["target_scale"]) * numpy.log1p(raw)).astype("float32")
