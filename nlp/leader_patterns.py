"""Word lists and name patterns for quote attribution (nlp/speech_verbs.py, nlp/leader_mentions.py).

Verbs are matched by the lemma spaCy's lemmatizer gives them (nlp/speech_verbs.lemma), so each
table lists a verb once, in its base form.
"""

from __future__ import annotations

import re
import string

# Lemmas of verbs that introduce someone's own words: "X said", "said X", "X wrote on X:".
SPEECH_LEMMAS = frozenset({
    "say", "tell", "write", "add", "state", "declare", "note", "explain", "argue", "insist",
    "warn", "claim", "recall", "post", "tweet", "announce", "reply", "respond", "acknowledge",
    "admit", "remark", "comment", "conclude", "predict", "promise", "vow", "urge", "observe",
    "stress", "emphasize", "caution", "maintain", "contend", "assert", "continue", "quip", "joke",
    "ask", "publish", "share", "counter", "retort", "concede", "lament", "complain", "reiterate",
    "confirm", "suggest", "recount", "testify", "email", "text", "pen", "muse", "exclaim", "plead",
    "demand", "boast", "question", "reveal", "mention", "shout", "yell", "scream", "chant", "whisper",
    "elaborate", "opine", "message", "convey", "inform", "proclaim",
})

# "pled guilty to '...'", "pleaded no contest": a plea is a legal act; its quote is the charge.
PLEA_WORDS = frozenset({"guilty", "innocent", "contest"})

# Words of the law on a quote's way to its speech verb: the quote is a charge, an indictment's or a
# lawsuit's wording, the court's or the agency's ("confirmed the charges of '...'", "who was charged with
# '...'", "said the indictment called her '...'"), never the defendant's. "admitted to '...'" (the quote
# right after "to") is a plea's admission of the charge as worded.
LEGAL_WORDS = frozenset({"charge", "indictment", "indict", "allege", "allegation", "convict", "conviction", "plea",
                         "verdict", "warrant", "subpoena", "affidavit", "lawsuit", "prosecute", "prosecution"})
# Documents and signs whose words a clause inside reported speech may quote ("said the memo ordered
# agents to '...'", "said the sign read '...'"), and the verbs they give words through.
DOCUMENT_NOUNS = frozenset({"sign", "banner", "placard", "poster", "shirt", "t-shirt", "order", "memo", "letter",
                            "report", "bill", "law", "policy", "document", "filing", "complaint", "petition",
                            "notice", "flyer", "directive", "guidance", "record", "statement", "headline"})
DOCUMENT_VERBS = frozenset({"read", "order", "accuse", "allege", "direct", "instruct"})
# Participles that give a thing its name: "known as", "dubbed", "titled".
NAMING_LEMMAS = frozenset({"know", "dub", "name", "title", "call", "label", "brand", "term", "nickname", "style"})
ADMISSION_LEMMAS = frozenset({"admit", "confess"})  # ("pleaded to" begs)

# Speech verbs whose direct object can be the words themselves ('tweeted "Shame on you"'): for any other
# ("mentioned 'Operation Metro Surge'", "announced 'Project Welcome'") a Title Case object is a name.
WORDS_OBJECT_LEMMAS = frozenset({
    "say", "write", "tweet", "post", "add", "reply", "respond", "shout", "yell", "scream", "chant", "whisper",
    "exclaim", "text", "email", "message", "quip", "joke", "retort", "counter", "declare", "state", "ask", "pen",
})

# Phrasal speech verbs: the lemma and the particle that makes it speech ("weighed in", "chimed in").
PHRASAL_SPEECH = {"weigh": "in", "chime": "in", "speak": "out", "lash": "out", "hit": "back", "fire": "back"}

# Verbs that, in a tag's place ('"...," Okonkwo retweeted'), pass on or take in another's words.
NOT_TAG_VERBS = frozenset({"retweet", "repost", "quote", "cite", "forward", "read", "recite", "hear", "overhear",
                           "mimic", "imitate", "parody", "mock", "translate", "sign", "like", "see", "watch"})

# Communicative or expressive acts that introduce words after a colon or carry a partial quote in
# their complement, but never stand beside a quote as its attribution: "expressed his heartbreak
# over 'the events'", "spoke to reporters: '...'", "reacted on X: '...'".
EXPRESSIVE_LEMMAS = frozenset({"express", "voice", "speak", "talk", "react", "reflect", "address", "sound",
                               "highlight"})

# Prepositions that introduce what a communicative act is about ("spoke about", "heartbreak over").
TOPIC_PREPOSITIONS = frozenset({"about", "over", "on", "of", "for", "against", "to", "as", "regarding"})

# "Okonkwo was blunt: '...'": a copula whose adjective describes how something was said.
MANNER_ADJECTIVES = frozenset({
    "direct", "blunt", "clear", "explicit", "emphatic", "unequivocal", "frank", "candid", "succinct",
    "brief", "terse", "defiant", "forthright", "outspoken", "vocal", "unambiguous", "straightforward",
    "plain", "firm", "categorical", "pointed", "scathing", "harsh", "critical",
})

# Lemmas of verbs that wrap a partial quote around a judgement: "X called the raids 'cruel'".
LABEL_LEMMAS = frozenset({
    "call", "describe", "characterize", "characterise", "label", "term", "dub", "brand", "deem",
    "slam", "blast", "decry", "denounce", "condemn", "criticize", "praise", "hail", "dismiss",
    "refer", "promise", "pledge", "address", "portray", "frame", "liken", "compare",
})

# Verbs whose that-clause is reported speech ("X said that ...", "X told investors that ...").
# Narrower than SPEECH_LEMMAS: "asked", "shared", "published" take no reported clause.
INDIRECT_VERBS = frozenset({
    "say", "tell", "write", "add", "state", "declare", "note", "explain", "argue", "insist",
    "warn", "claim", "post", "tweet", "announce", "reply", "respond", "acknowledge", "admit",
    "predict", "promise", "vow", "stress", "emphasize", "maintain", "contend", "assert",
    "concede", "reiterate", "confirm", "suggest", "testify", "complain", "lament", "demand", "boast",
    "counter", "email", "text", "question", "reveal", "mention", "wonder", "urge", "joke", "quip",
    "convey", "inform", "advocate", "report", "pledge", "conclude", "assure", "reassure", "proclaim",
})

# Verbs of belief: "Duncan believes the raids are intended to 'shock and scare' communities"
# reports what he said when the clause quotes his words, and only then.
BELIEF_VERBS = frozenset({"believe", "think", "feel"})

# Reporting verbs whose addressee stands right after them ("told reporters the raid ...").
ADDRESSEE_VERBS = frozenset({"tell", "inform", "assure", "reassure", "remind", "warn", "notify", "advise"})

# Reporting verbs whose reported clause is a question ("questioned whether they had broken a law").
QUESTION_VERBS = frozenset({"question", "ask", "wonder"})

# Reported speech without quote marks, read from the verb's complements: lemma -> the ways its
# complements can carry what was said, each a dependency label or the preposition heading a
# phrase, "+" joining complements that must all be there. A bare verdict with no content
# ("criticized ICE", "praised Trump's leadership") reports an act, not words: only "criticized
# the raids as cruel" (or "over" / "for" a reason) is a paraphrase; "defended" a thing is (OBJECT_FRAMES). "dobj:claim" is an object that names a claim
# ("rejected the suggestion that ...").
PARAPHRASE_FRAMES = {
    "call": ("for", "on+xcomp", "upon", "dobj+oprd"),  # called for an end to the raids; called them cruel
    "urge": ("dobj", "xcomp", "for"),            # urged employees to stay home; urged calm
    "demand": ("dobj",),
    "ask": ("for",),                             # asked for calm (not "asked about")
    "appeal": ("for",),
    "plead": ("for",),
    "describe": ("dobj+as",),
    "portray": ("dobj+as",),
    "frame": ("dobj+as",),                       # framed the unrest as a community wound
    "emphasize": ("dobj",),                      # emphasized the human toll of the raids
    "emphasise": ("dobj",),
    "stress": ("dobj",),
    "characterize": ("dobj+as",),
    "characterise": ("dobj+as",),
    "label": ("dobj+as", "dobj+oprd"),
    "brand": ("dobj+as", "dobj+oprd"),
    "criticize": ("dobj+as", "dobj+over", "dobj+for"),  # criticized executives for their reluctance to ...
    "criticise": ("dobj+as", "dobj+over", "dobj+for"),
    "defend": ("dobj",),                         # defended the presence of foreign workers at the plant
    "condemn": ("dobj+as",),
    "denounce": ("dobj+as",),
    "praise": ("dobj+as",),
    "reaffirm": ("dobj",),                       # reaffirmed the company's commitment to ...
    "highlight": ("dobj",),                      # highlighted the close cooperation between ...
    "underscore": ("dobj",),                     # underscored the longstanding dilemma facing ...
    "articulate": ("dobj",),                     # articulated the emotional weight that ...
    "note": ("dobj",),                           # noted a modest uptick in customers
    "report": ("dobj",), "estimate": ("dobj",),  # reports a 40% drop, estimated a loss (never 'reported X to police')
    "reiterate": ("dobj",), "acknowledge": ("dobj",),  # acknowledged the sensitivity of the issue
    "echo": ("dobj",),                           # echoed these concerns
    "object": ("to",),                           # objected to the presence of agents
    "pledge": ("xcomp",),
    "vow": ("xcomp", "dobj"),                    # vowed to ...; vowed full support for the workers
    "promise": ("xcomp", "dobj"),                # promised to arrest ...; promised new laws
    "propose": ("xcomp", "dobj"),
    "suggest": ("xcomp",),                       # suggested creating a visa (a that-clause: indirect)
    "downplay": ("dobj",),                       # downplayed concerns of disruption
    "liken": ("dobj+to",),                       # likened ICE to a paramilitary force
    "compare": ("dobj+to",),
    "point": ("to",),                            # pointed to a drop in spending among ...
    "express": ("dobj:feeling", "dobj:intent"),  # expressed gratitude to officials for ... (never a bare
    # feeling); expressed his willingness to accept troops
    "advocate": ("for",),                        # advocated for special visas
    "offer": ("dobj:feeling",),                  # offered condolences to the families
    "warn": ("of", "against"),
    "complain": ("about",),
    "reject": ("dobj:claim",),
    "dismiss": ("dobj:claim",),
    "deny": ("dobj:claim",),
}
# Verbs of emphasis or report whose object says what was said only when it is more than a bare
# noun and no gloss on a quote ("highlighted the close cooperation between ..."; paraphrase._only_a_gloss).
EMPHASIS_FRAMES = frozenset({"highlight", "underscore", "articulate", "note", "report", "estimate"})
OBJECT_FRAMES = EMPHASIS_FRAMES | {"criticize", "criticise", "defend", "acknowledge"}  # (judgements: the same guards)
# Objects that name a feeling voiced to or for someone, for "dobj:feeling" ("expressed gratitude
# to officials for negotiating ...", "offered condolences to the families").
FEELING_NOUNS = frozenset({
    "gratitude", "thanks", "appreciation", "sympathy", "condolence", "prayer", "solidarity",
    "concern", "regret", "frustration", "anger", "outrage", "dismay", "disappointment", "sadness", "grief",
    "sorrow", "opposition", "alarm", "shock",
})
# Objects that name an intention, for "dobj:intent", with the infinitive that says what it is.
INTENT_NOUNS = frozenset({"willingness", "intention", "intent", "desire", "readiness", "openness", "commitment",
                          "determination", "plan", "wish", "refusal"})
FEELING_PREPOSITIONS = frozenset({"to", "for", "over", "about", "with", "at", "toward", "towards"})
# Phrases that belong to what was said whenever they follow: "called upon the industry to ...".
PARAPHRASE_EXTRAS = ("for", "as", "xcomp")
# Objects that name a claim, for "dobj:claim".
CLAIM_NOUNS = frozenset({
    "suggestion", "claim", "idea", "notion", "assertion", "accusation", "allegation", "report",
    "characterization", "characterisation", "premise", "argument",
})

# Prepositions after which a gerund is done by the subject of the clause it modifies ("helped
# by telling the Times that ..."), and those that say it was not done ("without saying").
SUBJECT_CONTROL_PREPOSITIONS = frozenset({"by", "after", "while", "since", "upon", "through", "in", "on", "when"})
NOT_SAID_PREPOSITIONS = frozenset({"without", "instead", "rather", "before", "than", "against"})

# Verbs that, governing a speech verb, cancel it: "X declined to say", "X refused to call ...".
NEGATING_LEMMAS = frozenset({
    "decline", "refuse", "deny", "avoid", "stop", "hesitate", "dispute",
})

# Prepositions that join a subject to others: "Okonkwo, along with 60 CEOs, said" is a group
# ("with" only after "together" or "along": "Okonkwo, with her board's support, said" is hers).
GROUP_PREPOSITIONS = frozenset({"along", "alongside", "among", "including"})

# Pronouns a quote may be attributed through, when one leader is the only candidate.
PERSONAL_PRONOUNS = frozenset({"he", "she"})

# Words that may stand just before a surname without making it someone else's name.
NAME_PREFIXES = frozenset({
    "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "prof", "prof.", "sir", "dame",
    "ceo", "cto", "cfo", "coo", "chief", "executive", "founder", "cofounder", "co-founder",
    "president", "chair", "chairman", "chairwoman", "chairperson", "director", "officer",
    "billionaire", "investor", "entrepreneur", "head", "boss", "leader", "partner",
})

# Head nouns of subjects that are a leader's own words in writing ("Okonkwo's memo said").
OWN_DOCUMENT_NOUNS = frozenset({
    "memo", "post", "tweet", "email", "e-mail", "note", "message", "blog", "statement",
    "newsletter", "op-ed", "essay", "thread",
})

# Nouns for someone's own words that a colon may present: "Okonkwo's response was blunt:", "had a
# simple message for the agency:", "Here is the full memo:".
WORDS_NOUNS = OWN_DOCUMENT_NOUNS | frozenset({
    "response", "reply", "answer", "reaction", "words", "warning", "verdict", "take", "advice",
    "comment", "remarks", "caption",
})

# Nouns a quote can be attached to as the leader's own caption: "posted a screenshot with the
# caption '...'", "shared a video with the message '...'".
CAPTION_NOUNS = frozenset({"caption", "message", "comment", "note", "words", "text", "remark"})

# Nouns for someone's words: after "criticized the agency's statement:" the quote may be them.
SPEECH_NOUNS = frozenset({
    "statement", "remark", "comment", "word", "letter", "post", "tweet", "message", "memo", "claim",
    "response", "announcement", "speech", "op-ed", "essay", "note", "email", "quote", "question",
    "answer", "interview", "testimony", "argument", "rhetoric",
})

# Verbs whose subject wrote the message they carry: "sent a message saying", "told staff in a
# memo that said" (never "shared" or "retweeted" a post: those pass on someone else's).
AUTHOR_VERBS = frozenset({
    "send", "write", "pen", "publish", "post", "issue", "release", "tell", "say", "email", "text",
    "tweet", "circulate", "address", "have", "deliver", "offer",
})

# Nouns for a stance that "expressed" or "voiced" carries with its clause: "expressed hope that
# the president could cool tensions" reports "the president could cool tensions".
STANCE_NOUNS = frozenset({
    "hope", "concern", "belief", "confidence", "fear", "worry", "view", "optimism", "doubt", "conviction",
})
# The same for what "made" or "issued" carries: "made a joke that immigration officers were ...".
UTTERANCE_NOUNS = frozenset({
    "joke", "remark", "comment", "claim", "statement", "promise", "pledge", "argument", "prediction",
    "warning", "admission", "assertion",
})

# Title words, expanded so "the Petrel Pay chief executive" matches title "CEO" and back.
TITLE_SYNONYMS = {
    "ceo": {"ceo", "chief", "executive"},
    "executive": {"ceo", "executive"},
    "cto": {"cto", "officer"},
    "cfo": {"cfo", "officer"},
    "coo": {"coo", "officer"},
    "chair": {"chair", "chairman", "chairwoman", "chairperson"},
    "chairman": {"chair", "chairman"},
    "chairwoman": {"chair", "chairwoman"},
    "founder": {"founder", "co-founder", "cofounder"},
    "co-founder": {"founder", "co-founder", "cofounder"},
    "president": {"president"},
    "scientist": {"scientist"},
}
GENERIC_TITLE_WORDS = frozenset({"chief", "officer", "head", "vice", "senior", "of", "the", "and"})


def title_heads(title: str | None) -> frozenset[str]:
    """Nouns that can head a reference to a person by their title ("the chief executive")."""
    if not title:
        return frozenset()
    # "Farmer (cherry orchards)": what the brackets add says which farmer, not what he is called
    words = [w.strip(".,").lower() for w in re.sub(r"\([^)]*\)", " ", title).replace("/", " ").split()]
    heads: set[str] = set()
    for word in words:
        heads |= TITLE_SYNONYMS.get(word, set())
    if words and words[-1] not in GENERIC_TITLE_WORDS:
        heads.add(words[-1])
    return frozenset(heads - {"chief"})


SHARED = "shared:"  # the id of a name pattern that several leaders answer to ("Kim")


def ruler_patterns(leaders: list[dict]) -> tuple[list[dict], dict[str, set[str]]]:
    """EntityRuler patterns (label LEADER, id = leader id) for each leader's name and aliases.

    An alias shared by two leaders names neither by itself: its pattern's id is SHARED followed
    by the owners' ids, and an article resolves it to the one owner it names in full (Mentions).
    Returns the patterns and, per leader, the lowercase words of its names (to tell "Gloria
    Okonkwo" from the leader).
    """
    owners: dict[str, set[str]] = {}
    for leader in leaders:
        for name in [leader["name"], *leader.get("aliases", [])]:
            name = " ".join(name.split())
            if name:
                owners.setdefault(name, set()).add(leader["id"])
    patterns = []
    name_words: dict[str, set[str]] = {leader["id"]: set() for leader in leaders}
    for name, ids in owners.items():
        if len(ids) != 1:
            patterns.append({"label": "LEADER", "pattern": name, "id": SHARED + " ".join(sorted(ids))})
            continue
        (leader_id,) = ids
        patterns.append({"label": "LEADER", "pattern": name, "id": leader_id})
        name_words[leader_id] |= {w.lower() for w in name.split()}
        words = name.split()
        if len(words) == 2 and all(_PLAIN_NAME_WORD.match(w) for w in words):
            # "Katrina W. Berger" for Katrina Berger: news style adds a middle initial. A phrase per
            # initial ("W." is one token) costs nothing per token; a token pattern is tried at each.
            patterns += [{"label": "LEADER", "id": leader_id, "pattern": f"{words[0]} {initial}. {words[1]}"}
                         for initial in string.ascii_uppercase]
    return patterns, name_words


_PLAIN_NAME_WORD = re.compile(r"^[A-Z][a-z]+$")  # one token as spaCy splits it: no hyphen, no apostrophe


# Nouns that denote a person: as a subject they are a candidate speaker, which blocks resolving
# "she said" to a leader ("A company lawyer spoke next. 'We disagree,' she said.").
PERSON_NOUNS = frozenset({
    "spokesperson", "spokesman", "spokeswoman", "lawyer", "attorney", "official", "employee",
    "engineer", "executive", "founder", "cofounder", "co-founder", "worker", "organizer",
    "organiser", "analyst", "director", "manager", "senator", "mayor", "governor", "representative",
    "lawmaker", "congressman", "congresswoman", "councilwoman", "councilman", "councilmember",
    "activist", "advocate", "investor", "shareholder", "signatory", "source", "person", "aide",
    "adviser", "advisor", "staffer", "colleague", "friend", "resident", "student", "teacher",
    "officer", "agent", "chair", "chairman", "chairwoman", "president", "ceo", "cto", "cfo",
    "researcher", "scientist", "professor", "expert", "critic", "supporter", "member", "leader",
    "head", "boss", "owner", "partner", "technician", "contractor", "journalist", "reporter",
    "witness", "neighbor", "neighbour", "mother", "father", "daughter", "son", "wife", "husband",
    "sister", "brother", "man", "woman", "commissioner", "secretary", "judge", "prosecutor",
    "candidate", "voter", "protester", "protestor", "immigrant", "detainee", "economist",
    "sheriff", "deputy", "police", "guard", "chef", "clerk", "cousin", "landlord", "tenant", "customer",
    "client", "guest",
})

# Person nouns with a grammatical gender: "his daughter" is no antecedent of the next "he said",
# nor "her husband" of "she said" (a named person's gender is never guessed).
FEMININE_NOUNS = frozenset({
    "mother", "daughter", "wife", "sister", "woman", "girl", "spokeswoman", "chairwoman",
    "congresswoman", "councilwoman", "businesswoman", "grandmother", "granddaughter", "aunt", "niece",
    "girlfriend", "mom", "stepdaughter", "stepmother",
})
MASCULINE_NOUNS = frozenset({
    "father", "son", "husband", "brother", "man", "boy", "spokesman", "chairman", "congressman",
    "councilman", "businessman", "grandfather", "grandson", "uncle", "nephew", "boyfriend", "dad",
    "stepson", "stepfather",
})


def other_gender(noun: str, pronoun: str) -> bool:
    """A person noun whose gender the pronoun ("he", "she") cannot refer to."""
    return noun in (FEMININE_NOUNS if pronoun == "he" else MASCULINE_NOUNS if pronoun == "she" else ())


# Descriptions that refer back to the one person the text is about, like he or she: "the
# billionaire said", "the 69-year-old head of the nation's largest lender said".
DESCRIPTIVE_ROLES = frozenset({
    "head", "boss", "chief", "executive", "billionaire", "mogul", "tycoon", "magnate", "entrepreneur",
    "businessman", "businesswoman", "founder", "co-founder", "cofounder", "financier", "banker",
    "investor", "philanthropist", "industrialist", "capitalist", "restaurateur", "activist",
})
# Nouns for a group of people: "the head of the union" is someone else.
GROUP_NOUNS = frozenset({
    "union", "coalition", "group", "council", "committee", "association", "chamber", "board", "agency",
    "department", "office", "administration", "government", "party", "campaign", "organization",
    "organisation", "alliance", "federation", "league", "caucus", "delegation", "commission",
})

# Labelling verbs whose quote must be the "as" complement: "described the raids as 'cruel'",
# never the object itself ("praised the 'Rapid Response' network" quotes a name, not a verdict).
AS_VERBS = frozenset({
    "describe", "characterize", "characterise", "slam", "blast", "decry", "denounce", "condemn",
    "criticize", "praise", "hail", "dismiss", "refer", "promise", "pledge", "address", "portray", "frame",
})

# Heads through which "X went on to say" still makes X the speaker; any other head of an xcomp
# ("is expected to say", "plans to tell") means the words have not been said.
XCOMP_SPEECH_HEADS = frozenset({"go", "continue", "proceed", "take", "rush", "hasten", "move", "keep", "recall", "remember"})

# Auxiliaries that make a speech verb hypothetical or future: "Okonkwo will say", "might tell".
UNREAL_AUX = frozenset({"will", "'ll", "wo", "might", "may", "could", "should", "must", "would", "can", "ca"})

# Adverbs and sources that mark words as relayed, not heard: skipped for precision.
# ("privately told staff" is no such mark: who spoke is not in doubt, only the audience was small).
HEARSAY_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly"})
# a speech verb put before its speaker: 'Said Hartmann, "..."'
INVERTED_TAG_WORDS = frozenset({"said", "says", "added", "adds", "wrote", "writes", "asked", "asks"})
# a position held over time, not a statement: "who has long advocated for ..."
HABITUAL_ADVERBS = frozenset({"long", "often", "repeatedly", "frequently", "consistently", "always", "previously"})
HEARSAY_SOURCES = frozenset({"people", "persons", "sources", "someone", "insiders", "reports"})


def is_person_noun(word: str) -> bool:
    """A noun for a person, singular or plural ("critics", "spokeswomen")."""
    if word in PERSON_NOUNS:
        return True
    if word.endswith("men") and word[:-3] + "man" in PERSON_NOUNS:
        return True
    return word.endswith("s") and word[:-1] in PERSON_NOUNS
