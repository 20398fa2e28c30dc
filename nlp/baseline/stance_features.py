"""The stance textcat's model: a bag of n-grams plus stance-lexicon, negation and quote features.

Registered in spaCy's registry as `onrecord.StanceBOW.v1` (used by nlp/config.cfg), so this module
must be imported before the trained pipeline is loaded (nlp/baseline/textcat_stance.py does it).
Part of the frozen baseline (see textcat_stance.py).

Why not spaCy's stock TextCatBOW: with a thousand training statements, word n-grams alone learn a
handful of keywords. Mapping words to a few hand-made stance clusters (criticism, harm, demands to
end, praise, law and order, opponents, calm...) lets the model generalise to words it never saw in
training, negation scope flips those clusters ("don't think the agents are the problem"), and
quote scope keeps someone else's words apart from the author's.
"""
from __future__ import annotations

import numpy
import spacy
from spacy.strings import hash_string
from thinc.api import Model, SparseLinear_v2, chain, softmax_activation, with_cpu

# Hand-made clusters, lower-case word forms. Kept short on purpose: each word here says something
# about stance or topic wherever it appears; context is left to the learned weights.
CLUSTERS = {
    "TOPIC": """ice i.c.e. dhs cbp deport deports deported deporting deportation deportations deportees
        raid raids raided agents agent officers officer enforcement border patrol homeland immigration
        immigrants immigrant migrants undocumented illegals aliens detention detained detain detaining
        detainers surge crackdown operation operations sweeps feds federal troops soldiers deployment""",
    "CRIT": """shameful shame disgrace disgraceful disgusting cruel cruelty brutal brutality murder murders
        murderers murdered execution executed atrocity atrocities abhorrent indefensible unacceptable wrong
        outrage outrageous sickening sick horrific horrifying terror terrorized terrorizing abuse abuses
        lawless lawlessness impunity occupation kidnapping abductions abducted regime ashamed
        heartbreaking appalling inhumane un-american monstrous evil lies lying lied unlawful unjust
        injustice chilling terrifying infuriating madness insulting cowardly complicit complicity
        paramilitaries paramilitary thugs gestapo siege hunted hunting stain failure
        unaccountable fascism fascist fascists authoritarian authoritarianism unconstitutional
        tyranny tyrannical dictatorship dictator kidnapped kidnap kidnapping disgraced grotesque""",
    "HARM": """unarmed children kids child toddler families family neighbors neighbours nurse nurses grandmother
        mother pregnant teenagers teenager students student peaceful filming observer observers hands
        citizen citizens afraid fear fears scared terrified disappeared vigil killed shot died dead death
        killing killings bullet bullets tear gas pepper flash-bangs rubber dragging dragged grabbed
        taken beaten beat victims traumatized schoolchildren daycare church hospital school vans
        masked masks innocent life lives safety""",
    "END": """end stop leave withdraw withdrawal abolish pull unmask investigate accountable accountability
        charges resign refuse refused gone out home""",
    "SPEAK": """silence silent quiet speak speaking condemn condemning values conscience complicit
        cheered cheering cheer enablers rationalizing""",
    "PRAISE": """thank thanks grateful gratitude heroes hero proud support supports supporting back backing
        kudos courage courageous restraint professionalism professional professionals brave bravery
        deserve commend applaud salute honor patriots medal overdue finally necessary justified working""",
    "LAW": """law laws lawful lawfully legal legally illegal illegally criminal criminals crime crimes felony
        order sovereign sovereignty borders rules comply complied compliance removal warrant warrants
        enforce enforcing enforced prosecuted prosecute consequences traffickers cartel cartels gang
        gangs fentanyl violent offenders""",
    "OPPONENT": """agitators agitator rioters rioter riot riots mob mobs insurrectionists insurrection
        radical radicals activists activist sanctuary anarchy doxxing doxxed obstruct obstructing
        obstruction obstructed interfere interfering interference hysteria narrative smear smearing
        left-wing leftist leftists""",
    "CALM": """calm peace de-escalate de-escalation deescalate monitoring thoughts prayers
        praying pray safe comment comments investigation sides parties hope hoping grief sad
        sadness heavy heart hearts listening listen informed updates""",
    "OPPOSE": """against oppose opposes opposing opposed denounce denounces reject rejects protest protesting
        demand demands demanding letter petition boycott divest""",
    "SELFDEF": """self-defense self-defence defend defending defended lunged charged rammed attacked assault
        assaulted threat threats surrounded""",
}
NEGATORS = {"not", "n't", "no", "never", "nobody", "none", "nothing", "neither", "nor", "cannot",
            "without", "hardly", "nt", "dont", "isnt", "wasnt", "didnt"}
SCOPE_END = {".", ",", ";", ":", "!", "?", "but", "however", "—", "-", "(", ")"}
QUOTE_MARKS = {'"', "“", "”", "'", "‘", "’"}

_CLUSTER_OF = {w: name for name, words in CLUSTERS.items() for w in words.split()}
_CLUSTER_KEY = {name: hash_string(f"__{name}__") for name in CLUSTERS}
_NUM = hash_string("__NUM__")
_NO_TOPIC = hash_string("__NO_TOPIC_WORD__")  # absence is a signal too: stance words without the topic
_SHORT = hash_string("__SHORT__")
_URL = hash_string("__URL__")
_USER = hash_string("__USER__")
# Salts mixed into keys so negated / quoted variants of a feature get their own weights.
_NEG_SALT = numpy.uint64(0x9E3779B97F4A7C15)
_QUOTE_SALT = numpy.uint64(0xC2B2AE3D27D4EB4F)
_SEQ_SALT = numpy.uint64(0x165667B19E3779F9)


def _token_keys(doc):
    """Per token: word key, cluster-or-word key, negated?, quoted?"""
    n = len(doc)
    words = numpy.empty(n, dtype="uint64")
    seq = numpy.empty(n, dtype="uint64")
    clustered = numpy.zeros(n, dtype=bool)
    negated = numpy.zeros(n, dtype=bool)
    quoted = numpy.zeros(n, dtype=bool)
    in_neg = False
    in_quote = False
    for i, tok in enumerate(doc):
        lower = tok.lower_
        if tok.like_url:
            key = _URL
        elif tok.like_num:
            key = _NUM
        elif lower.startswith("@") and len(lower) > 1:
            key = _USER
        else:
            key = tok.lower
        words[i] = key
        cluster = _CLUSTER_OF.get(lower)
        if cluster is None and tok.text == "ICE":
            cluster = "TOPIC"
        if cluster is not None:
            seq[i] = _CLUSTER_KEY[cluster]
            clustered[i] = True
        else:
            seq[i] = key
        if lower in QUOTE_MARKS and (lower in '"“”' or tok.is_left_punct or tok.is_right_punct
                                     or not tok.whitespace_ or i == 0 or doc[i - 1].whitespace_):
            # Apostrophes inside words ("don't") are part of the token, so a bare quote mark toggles.
            in_quote = not in_quote
            continue
        quoted[i] = in_quote
        if lower in SCOPE_END:
            in_neg = False
        elif lower in NEGATORS or lower.endswith("n't"):
            in_neg = True
        else:
            negated[i] = in_neg
    return words, seq, clustered, negated, quoted


def _doc_features(ops, doc, ngram_size):
    if len(doc) == 0:
        return numpy.zeros((1,), dtype="uint64")
    words, seq, clustered, negated, quoted = _token_keys(doc)
    stems = [_stem_key(t.lower_) for t in doc if len(t) > 6 and t.is_alpha]
    parts = [words, numpy.array(stems, dtype="uint64")]
    for n in range(2, ngram_size + 1):
        if len(words) >= n:
            parts.append(ops.ngrams(n, words))
    if len(seq) >= 2:
        parts.append(ops.ngrams(2, seq) ^ _SEQ_SALT)
    cl = seq[clustered]
    parts.append(cl)
    parts.append(cl[negated[clustered]] ^ _NEG_SALT)
    parts.append(cl[quoted[clustered]] ^ _QUOTE_SALT)
    parts.append(words[negated] ^ _NEG_SALT)
    if not (seq == _CLUSTER_KEY["TOPIC"]).any():
        parts.append(numpy.array([_NO_TOPIC], dtype="uint64"))
    if len(doc) <= 8:
        parts.append(numpy.array([_SHORT], dtype="uint64"))
    return numpy.concatenate(parts).astype("uint64")


_STEMS: dict = {}


def _stem_key(lower: str):
    key = _STEMS.get(lower)
    if key is None:
        if len(_STEMS) > 500_000:  # bounded memory on endless streams of new words
            _STEMS.clear()
        key = _STEMS[lower] = hash_string("__STEM__" + lower[:5])
    return key


def stance_features(ngram_size: int) -> Model:
    def forward(model, docs, is_train):
        keys_list, vals_list = [], []
        for doc in docs:
            keys, vals = numpy.unique(_doc_features(model.ops, doc, ngram_size), return_counts=True)
            keys_list.append(keys)
            vals_list.append(vals)
        lengths = model.ops.asarray([k.shape[0] for k in keys_list], dtype="int32")
        keys = numpy.concatenate(keys_list) if keys_list else numpy.zeros((0,), dtype="uint64")
        vals = numpy.concatenate(vals_list).astype("f") if vals_list else numpy.zeros((0,), dtype="f")
        # Long posts should not win by volume: scale counts down like a log.
        vals = numpy.log1p(vals).astype("f")
        return (keys, vals, lengths), lambda dY: []

    return Model("stance_features", forward, attrs={"ngram_size": ngram_size})


@spacy.registry.architectures("onrecord.StanceBOW.v1")
def build_stance_bow(ngram_size: int = 2, length: int = 262144, nO=None) -> Model:
    """Exclusive-class textcat: stance features -> sparse linear -> softmax."""
    length = 2 ** (length - 1).bit_length()
    linear = SparseLinear_v2(nO=nO, length=length)
    model = chain(stance_features(ngram_size), linear)
    model = with_cpu(model, model.ops)
    model = chain(model, softmax_activation())
    model.set_ref("output_layer", linear)
    model.attrs["multi_label"] = False
    return model
