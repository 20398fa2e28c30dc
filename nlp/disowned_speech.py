"""Speech a sentence names a leader in but denies is hers (round 39's must-never hunt on reported
speech): a speaker set aside by 'not' ('Chow, not Okonkwo, urged ...'), a namesake opening the
sentence ('Ana Okonkwo, a city councilwoman, called for ...'), and a speech verb under a frame that
says the words were never said ('It is false that Okonkwo urged ...', 'No one heard Okonkwo say
...', 'Okonkwo did not, as some reported, call for ...') or are someone else's account of them ('The
claim that Okonkwo called for ...'). Each gave a leader words that were not hers, reported or quoted."""
from __future__ import annotations

from onrecord.nlp import leader_patterns as lp

# 'It is false that ...': the clause under it reports what was not said
DENYING_WORDS = frozenset({"false", "untrue", "incorrect", "inaccurate", "baseless", "unfounded", "myth", "lie"})
# 'It is not true that ...': the clause under it is denied when the frame itself is negated
AFFIRMING_WORDS = frozenset({"true", "accurate", "correct", "so"})
NEGATIVE_SUBJECTS = frozenset({"nobody", "none", "nothing", "noone"})
# 'The claim that Okonkwo called for ...': a noun whose content clause is someone's account of her speech
ACCOUNT_NOUNS = frozenset({"claim", "rumor", "rumour", "allegation", "report", "suggestion", "assertion", "accusation",
                           "charge", "story", "speculation", "impression", "notion", "idea", "myth", "lie"})


def denied(verb, in_quote) -> bool:
    """The speech verb sits, through clausal complements, under a frame that denies it happened:
    'It is false (not true) that Okonkwo urged ...', 'No one heard Okonkwo say ...' (but not
    under a frame that itself denies a denial: 'No one disputes that Okonkwo called for ...'); also
    a 'not' the parser hung on the auxiliary, and the content clause of a claim or a rumour."""
    if any(c.dep_ == "aux" and any(g.dep_ == "neg" for g in c.children) for c in verb.children):
        return True  # 'Okonkwo did not, as some reported, call for ...': the parser hangs 'not' on 'did'
    if any(c.dep_ == "dobj" and c.lower_ == "nothing" and in_quote[c.i] == -1 for c in verb.children):
        return True  # 'Okonkwo said nothing as he called the raids "a disgrace."': no words of hers (guards 55)
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and verb.head.lemma_.lower() in ACCOUNT_NOUNS \
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return True  # 'The claim that Okonkwo called for ...', 'Rumours that Reyna urged ...': another's account
    node = verb
    for _ in range(3):
        if node.dep_ not in ("ccomp", "csubj", "xcomp") or node.head.i == node.i:
            return False
        node = node.head
        if in_quote[node.i] != -1:
            return False  # ('posted: "No one ... should have to fear ..."': the quote's own words)
        if node.lemma_ in lp.NEGATING_LEMMAS or node.lemma_ == "doubt":
            return False
        negated = any(c.dep_ == "neg" for c in node.children)
        for c in node.children:
            if in_quote[c.i] != -1:
                continue
            if c.dep_ in ("acomp", "attr") and (c.lower_ in DENYING_WORDS or negated and c.lower_ in AFFIRMING_WORDS):
                return True
            if c.dep_ in ("nsubj", "nsubjpass") and _negative(c):
                return True
        if negated and node.lemma_ in ("hear", "see", "record", "witness", "know"):
            return True  # 'Reporters never heard Okonkwo say ...'
    return False


def _negative(subject) -> bool:
    """'No one', 'nobody', 'no reporter', 'none of them'."""
    return subject.lower_ in NEGATIVE_SUBJECTS or any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)


def disown_mentions(mentions, index) -> None:
    """Drop from mentions.leader_at the mentions that are not the leader speaking: one set aside by
    'not' ('Chow, not Okonkwo,'), and a namesake whose first name, none of hers, opens the sentence
    the name is the subject of ('Ana Okonkwo, a city councilwoman, called ...': the model tags no
    person there, and leader_mentions reads no first name at a sentence's start; but 'Said Hartmann,
    "..."' is the tag put first). Her bare surname after that namesake is in doubt, as
    leader_mentions has it when the namesake is found elsewhere."""
    doc, at = mentions.doc, mentions.leader_at
    runs: list[list[int]] = []  # each mention's tokens ('Mara Okonkwo' is one)
    for i in sorted(at):
        if runs and runs[-1][-1] == i - 1 and at[runs[-1][-1]] == at[i]:
            runs[-1].append(i)
        else:
            runs.append([i])
    namesake_from: dict[str, int] = {}
    for run in runs:
        leader_id, name = at[run[0]], doc[run[-1]]
        if run[0] and doc[run[0] - 1].lower_ == "not" or any(c.dep_ == "neg" and c.i < run[0] for c in name.children):
            for i in run:  # (the parser may hang the "not" of "Okonkwo, not Chow," on her: only one before her)
                del at[i]
            continue
        first = doc[run[0] - 1] if run[0] and len(run) == 1 else None
        own = index.name_words.get(leader_id, set()) | index.own_context.get(leader_id, set())
        if first is not None and first.is_sent_start and first.pos_ == "PROPN" and first.is_title \
                and first.lower_ not in own | lp.INVERTED_TAG_WORDS and first.lower_.strip(".") not in lp.NAME_PREFIXES \
                and first.ent_type_ not in ("ORG", "GPE", "NORP") and first.dep_ == "compound" \
                and first.head.i == name.i and name.dep_ in ("nsubj", "nsubjpass"):
            namesake_from[leader_id] = min(namesake_from.get(leader_id, name.i), name.i)
    for run in runs:  # her full name ('Mara Okonkwo') stays hers after the namesake; her bare surname is in doubt
        leader_id = at.get(run[0])
        if leader_id in namesake_from and run[0] >= namesake_from[leader_id] and len(run) == 1:
            del at[run[0]]
