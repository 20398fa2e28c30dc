"""Where a reported clause starts and ends on spaCy's parse (nlp/paraphrase.py reads them): its
own clause up to a second reporting verb, the infinitive that completes a complement, the
complements of a reporting verb, and the clauses that are not what was said (a wh-clause, the
reporter's words after a parenthetical tag)."""

from __future__ import annotations

from onrecord.nlp import leader_patterns as lp
from onrecord.nlp.others_comments import without_others_comment
from onrecord.nlp.relative_speakers import anothers_clause
from onrecord.nlp.speech_settings import without_account, without_narration, without_setting
from onrecord.nlp.speech_verbs import lemma


def opens_with_wh(tokens) -> bool:
    """A clause opened by why, how, what, where or when (a wh-word before its subject)."""
    words = [t for t in tokens if not t.is_punct]
    return bool(words) and words[0].tag_ in ("WRB", "WP", "WDT") and words[0].lower_ != "that"


def parenthetical_tag(verb, clause):
    """'Losing the workers meant production had ceased, Bos said, with all hands focused on ...':
    the tag stands between a clause before it and the clause the parser gave it after it; the
    words are the clause before (a clause of the verb from the sentence's start to the comma, with
    a tense verb and no conjunction of its own), and what follows is the reporter's. Returns that
    clause's head, or None."""
    if clause.i < verb.i:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
    if subject is None or subject.left_edge.i == 0 or verb.doc[subject.left_edge.i - 1].text != ",":
        return None
    comma = subject.left_edge.i - 1
    for lead in verb.children:
        if lead.dep_ not in ("advcl", "ccomp", "parataxis") or lead.i > comma:
            continue
        if lead.left_edge.i != verb.sent.start or lead.right_edge.i != comma - 1:
            continue
        tokens = list(lead.subtree)
        if lead.tag_ == "VBN" or any(t.dep_ == "mark" or t.dep_ == "cc" and t.head.i == lead.i for t in tokens):
            return None  # "When the door was locked, he said ...", "Asked whether ..., he said ...": not what
        relative = {x.i for t in tokens if t.dep_ == "relcl" for x in t.subtree}
        tokens = [t for t in tokens if t.i not in relative]  # ('Speaking to owners who closed their doors,
        # she stated ...', heldout50 sx01: a relative clause's subject and tense are not the lead's)
        if not any(t.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for t in tokens):
            return None  # "In an email sent to clients, X claimed that ...": where, not what (no subject in it)
        return lead if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in tokens) else None
    return None


def own_clause(clause) -> list:
    """The clause's tokens, up to a second reporting verb joined to it ("emphasized that A and
    said B", "said A, questioning whether B": B is another statement, not part of A)."""
    tokens = list(clause.subtree)
    sourcing = {x.i for t in tokens if t.lower_ == "according" for x in t.subtree}
    if sourcing:  # "..., according to minutes of the meeting": how the outlet knows, not what was said
        tokens = [t for t in tokens if t.i < min(sourcing)]
        while tokens and tokens[-1].is_punct:
            tokens.pop()
    for t in tokens:
        second_act = t.dep_ == "conj" and t.tag_ == "VBD" and clause.tag_ != "VBD" \
            and (lemma(t) in lp.INDIRECT_VERBS or lemma(t) in lp.PARAPHRASE_FRAMES) \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)  # (a tense its clause lacks)
        if second_act or t.dep_ in ("conj", "advcl") and t.head.i == clause.i and lemma(t) in lp.INDIRECT_VERBS:
            cut = t.left_edge.i
            while cut > clause.left_edge.i and (t.doc[cut - 1].dep_ == "cc" or t.doc[cut - 1].is_punct):
                cut -= 1
            return [x for x in tokens if x.i < cut]
    return tokens


def without_relative_aside(tokens) -> list:
    """'emphasized investment plans for Georgia, where the detention of 300 workers occurred': a
    relative clause after a comma that ends the reported words tells the reader about the place
    or thing named; it is the reporter's, not what was said. Dropped with its comma. One where a
    person acts ('a drop in spending, which he linked to the raids') or holding a quote mark is
    left alone: the words may be the leader's. Words the parser hung outside the relative clause
    but running on from it with no comma ('..., which has garnered backlash in towns that in some
    cases have ...') go with it; the clause's own verb after it ('the app, which ..., is') does not."""
    tokens = without_others_comment(tokens)  # ', a view the White House rejected' (others_comments.py)
    tokens = without_account(without_setting(without_narration(tokens)))  # ', in a memo first reported by ...',
    # ', days after agents raided ...' (speech_settings.py)
    inside = {t.i for t in tokens}
    for t in tokens:
        start = t.left_edge.i
        if t.dep_ != "relcl" or t.head.i not in inside or start - 1 not in inside or t.doc[start - 1].text != ",":
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") and (c.tag_ == "PRP" or c.ent_type_ in ("PERSON", "LEADER"))
               for c in t.children):
            return tokens
        aside = {x.i for x in t.subtree}
        rest = [x for x in tokens if x.i >= start]
        stray = [x for x in rest if x.i not in aside and not x.is_punct]
        if stray and (t.doc[stray[0].i - 1].text == "," or any(x.head.i not in inside or x.head == x for x in stray)):
            continue  # 'the app, which ..., is still operational': the reported clause goes on
        if not any(x.tag_ in ("``", "''") or x.text in ('"', "“", "”") for x in rest) or anothers_clause(t, {}, ""):
            return [x for x in tokens if x.i < start - 1]  # (with marks: ', echoing the mayor, who called them
            # "a disgrace"', the mayor's words, relative_speakers.py)
    return tokens


_WHEN_WORDS = frozenset({"following", "after", "amid", "since", "during"})


def with_infinitive(verb, said) -> list:
    """The complement with the infinitive that completes it: 'called for ICE to be defunded'
    keeps 'to be defunded' (the parser may hang it on the verb). An infinitive right after the
    complement that belongs elsewhere leaves it unsafe: nothing ([])."""
    if not said:
        return said
    doc = verb.doc
    last = max(t.i for t in said)
    nxt = last + 1
    while nxt < len(doc) and doc[nxt].is_punct and doc[nxt].text in ")]”’\"'":
        nxt += 1
    if nxt >= len(doc) or doc[nxt].tag_ != "TO" or doc[nxt].dep_ != "aux":
        return said
    infinitive = doc[nxt].head
    inside = {t.i for t in said}
    if infinitive.i in inside:
        return said
    if infinitive.head.i == verb.i or infinitive.head.i in inside:
        extra = [t for t in infinitive.subtree if t.i not in inside]
        when = [t.left_edge.i for t in extra if t.lower_ in _WHEN_WORDS and t.dep_ in ("prep", "advcl", "mark")]
        if when:  # '... to be "disbanded" following the second shooting': when the call came, the reporter's
            extra = [t for t in extra if t.i < min(when)]
        return sorted(said + extra, key=lambda t: t.i)
    return []


def complements(verb) -> dict:
    """A verb's complements by dependency label, and its prepositional phrases by preposition."""
    parts = {}
    for c in verb.children:
        if c.dep_ in ("dobj", "xcomp", "ccomp", "oprd"):
            parts.setdefault(c.dep_, c)
        elif c.dep_ == "prep" and c.i > verb.i:
            parts.setdefault(c.lower_, c)
        elif c.dep_ == "advcl" and c.i > verb.i and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children):
            parts.setdefault("for", c)  # "called for the agency to be disbanded": the parser's clause
    return parts


def long_standing(verb) -> bool:
    """'Dimon, who has long advocated for immigration reform, ...': a relative clause on the
    speaker in the perfect or with a habitual adverb is the reporter's account of a position held
    over time, not a report of something said; what it was said in, and when, is unknown."""
    if verb.dep_ != "relcl":
        return False
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children) or habitual(verb)


def habitual(verb) -> bool:
    """'has long defended ...', 'often highlighted that ...': a habitual adverb on the verb."""
    return any(c.dep_ == "advmod" and c.lower_ in lp.HABITUAL_ADVERBS for c in verb.children)


def passive_report(token) -> bool:
    """'said ICE raids are being reported across ...': a speech verb (or report, rumour) in the
    passive with no agent relays what unnamed others say, so the clause carries their words."""
    if token.pos_ != "VERB" or lemma(token) not in lp.SPEECH_LEMMAS | {"report", "rumor", "rumour"} \
            or lemma(token) in lp.ADDRESSEE_VERBS | {"ask", "warn", "urge", "inform"}:
        return False  # ('he was not informed', 'was asked': who was told, not what others say)
    if any(c.dep_ == "nsubjpass" and (c.pos_ == "PRON" or lp.is_person_noun(c.lower_) or c.ent_type_ == "PERSON")
           for c in token.children):
        return False
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children) \
        and not any(c.dep_ == "agent" for c in token.children)


def without_participle_aside(tokens, clause) -> list:
    """'said that he disagreed with Trump's approach, providing a rare public rebuke by a CEO': a
    participle after a comma at the end of the reported clause is the reporter's account of the
    act of saying, not what was said."""
    aside = {x for t in tokens if t.dep_ == "advcl" and t.tag_ == "VBG" and t.head.i == clause.i and t.i > clause.i
             and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == ","
             and not any(x.text in ('"', "“", "”") for x in t.doc[t.left_edge.i - 1:t.right_edge.i + 3])
             for x in range(t.left_edge.i - 1, t.right_edge.i + 1)}  # (inside a quote, hers)
    doc, end = clause.doc, max(aside, default=0)
    end = end - 1 if aside and doc[end].text == "," else end
    if aside and end + 2 < len(doc) and doc[end + 1].text == "," and doc[end + 2].tag_ in ("WP", "WDT") \
            and doc[end + 2].head.dep_ == "relcl":  # '..., drawing criticism from the sheriff, who said ...':
        aside |= set(range(end + 1, doc[end + 2].head.right_edge.i + 1))  # the aside's relative, hung apart (guards 55)
    return [t for t in tokens if t.i not in aside]


def joined_clauses(verb, clauses) -> list:
    """'Tremel says he's at risk of missing deadlines, yet that's taking a backseat to ...': two
    reported clauses the parser hung side by side on the verb, joined by a conjunction, are one
    report, as is a second clause after a dash; the tokens from the end of the first to the end of
    the second, else []."""
    if len(clauses) != 2 or not all(c.left_edge.i > verb.i for c in clauses):
        return []
    first, second = sorted(clauses, key=lambda c: c.i)
    if participle_read_as_the_clause(first, second):
        return own_clause(second)
    gap = verb.doc[first.right_edge.i + 1:second.left_edge.i]
    dashed = [t.text for t in verb.doc[first.right_edge.i + 1:second.i] if t.is_punct] == ["—"] \
        and not any(t.is_punct for t in gap)  # 'worried about their children — what they may see ...': goes on
    if not dashed and (not any(t.dep_ == "cc" or t.lower_ in ("yet", "but", "and") for t in gap)
                       or not all(t.is_punct or t.dep_ in ("cc", "advmod") for t in gap)):
        return []
    return [*gap, *own_clause(second)]


def participle_read_as_the_clause(first, second) -> bool:
    """'told The Globe ... that products destined for the U.S. market are built in the U.S.'
    (heldout54 tb07): the parser made the reduced relative 'destined' the reported clause's verb,
    with 'products' its subject and 'that' its mark (or object), and hung 'are built ...' on the
    reporting verb as a second clause. Read as one when the first opens with 'that', has its own
    subject and no auxiliary (a participle read as a past tense), and the second runs straight on
    from it (no comma, no conjunction) opening with an auxiliary, with no mark and no subject of its
    own (a verb that needs one)."""
    if first.tag_ not in ("VBD", "VBN") or not any(c.lower_ == "that" and c.dep_ in ("mark", "dobj")
                                                   and c.i == first.left_edge.i for c in first.children):
        return False  # (the parse may take the mark for the participle's object)
    if not any(c.dep_ == "nsubj" for c in first.children) or any(c.dep_ in ("aux", "auxpass", "neg")
                                                                 for c in first.children):
        return False
    if first.right_edge.i + 1 != second.left_edge.i:
        return False
    return any(c.dep_ in ("aux", "auxpass") and c.i == second.left_edge.i for c in second.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl", "mark") for c in second.children)


def set_off_before(tag) -> bool:
    """'However, she said, it still was "a chance to ..."': a speech verb set off by commas before the
    clause it reports, which the parser hangs on that clause's verb; the clause is what follows the
    second comma. Only mid-sentence (a comma before the tag too) and with nothing but the speaker and
    the commas in the tag. A clause opened by a subordinating word ('Immigration is all they talk about,
    he says, as news anchors discuss ...', heldout77 ty07) hangs on the clause before the tag, and is the
    reporter's scene, not what the tag reports."""
    doc = tag.doc
    if any(c.dep_ == "mark" for c in tag.head.children):
        return False
    words = [t for t in tag.subtree if not t.is_punct]
    left, right = words[0].i, words[-1].i
    return tag.head.i > tag.i and left > tag.sent.start and doc[left - 1].text == "," \
        and right + 1 < tag.head.i and doc[right + 1].text == "," \
        and all(t.dep_ == "nsubj" or t.i == tag.i for t in words) and any(t.dep_ == "nsubj" for t in words)


def concessive(participle) -> bool:
    """'echoed these concerns while recognizing the difficult landscape': a participle opened by
    'while' goes on with the speaker's own point, not the reporter's gloss of it."""
    return any(c.dep_ == "mark" and c.lower_ == "while" for c in participle.children)


def only_a_pointer(said) -> bool:
    """'echoed these concerns', 'echoes this sentiment': the object only points back at words
    given before (a demonstrative or 'similar' before its noun), and says nothing of its own."""
    words = [t for t in said if not t.is_punct]
    head = next((t for t in words if t.head not in words), None)
    return head is not None and head.pos_ == "NOUN" and len(words) <= 3 and any(
        c.lower_ in ("this", "these", "that", "those", "such", "similar", "same") for c in head.children)


def acknowledges_no_words(verb, obj) -> bool:
    """'acknowledged Linda Chow', 'acknowledged the families in the room': an object that is a
    person (a name, a pronoun, a noun for people) carries none of her words, only whom she turned
    to; 'took to X to acknowledge the gift', 'refused to acknowledge ...': an infinitive is an aim
    or a refusal, no statement; 'acknowledged the toll, praising their empathy as ...': a participle
    after it carries what she said, the acknowledgement only its lead-in."""
    return obj.pos_ in ("PROPN", "PRON") or obj.ent_type_ in ("PERSON", "NORP") or lp.is_person_noun(obj.lower_) \
        or any(c.tag_ == "TO" for c in verb.children) \
        or any(c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > verb.i for c in verb.children)
