"""A noun phrase set off after reported words that names them and says what someone else made of
them is the reporter's, and so is a participle after it (guards 52, a red-team of precision;
FICTIONAL probes, no real split has the form):

- 'Okonkwo said the raids were a mistake, a view the White House rejected.': the appositive
  'a view the White House rejected' is the reporter's comment, not part of what she said;
  dropped with its comma (`without_others_comment`).
- '..., a view the White House rejected, saying agents were enforcing the law.': the participle
  after such a comment is the one who rejected it (or in doubt), never the leader's
  (`after_others_comment`, asked by passed_on_words.said_by_the_person_before).
- '..., remarks DHS dismissed, saying ...': the same comment, its plural noun read as a verb with no
  subject (`comment_read_as_verb`, asked by SpeechGrammar.subject).
- 'Okonkwo's memo drew criticism from DHS, saying ...', 'received a letter from the mayor, saying
  ...': a participle after a reaction or a letter 'from' someone is theirs (`after_a_reaction`).

The noun must name words or a stance ('view', 'claim', 'assessment', ...) and carry a relative
clause with a subject of its own that is a noun or name ('the White House', 'critics', 'Tomas
Reyna'), not a pronoun ('a view she has held for years' is left alone), or, after 'a' or 'an', a
phrase placing it among others' views ('a view at odds with DHS', 'a claim echoed by the mayor');
never with a clause of what the view is ('a worry that agents would return' may be hers).
"""

from __future__ import annotations

from onrecord.nlp import leader_patterns as lp

WORDS_NOUNS = lp.STANCE_NOUNS | lp.UTTERANCE_NOUNS | frozenset({
    "assessment", "charge", "accusation", "allegation", "position", "stance", "sentiment", "point",
    "characterization", "description", "idea", "notion", "message", "criticism", "complaint", "contention",
    "suggestion", "account", "explanation", "opinion", "take", "verdict"})


def others_comment(noun) -> bool:
    """noun, set off by a comma, names words or a stance and has a relative clause whose subject is
    a noun or name: 'a view the White House rejected', 'an assessment that Tomas Reyna disputed'."""
    start = noun.left_edge.i
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in WORDS_NOUNS or start == 0 \
            or noun.doc[start - 1].text not in (",", "—", "–", "--"):
        return False
    if any(c.dep_ in ("acl", "relcl", "ccomp") and any(m.dep_ == "mark" for m in c.children) for c in noun.children):
        return False  # 'a worry that agents would return': what the view is, maybe hers
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children) and any(
            c.dep_ == "prep" and c.i > noun.i or c.dep_ == "acl" and c.tag_ == "VBN" for c in noun.children):
        return True  # 'a view at odds with DHS', 'a claim echoed by the mayor'
    return any(c.dep_ == "relcl" and any(s.dep_ == "nsubj" and s.pos_ in ("NOUN", "PROPN") for s in c.children)
               for c in noun.children)


def without_others_comment(tokens) -> list:
    """tokens without a comment of someone else's that ends them, and its comma."""
    words = [t for t in tokens if not t.is_punct]
    if not words:
        return tokens
    for t in tokens:
        if others_comment(t) and t.right_edge.i >= words[-1].i and t.left_edge.i - 1 > tokens[0].i:
            return [x for x in tokens if x.i < t.left_edge.i - 1]
    return tokens


def after_others_comment(participle) -> bool:
    """'..., a view the White House rejected, saying ...': the participle follows, after a comma,
    the last word of a comment of someone else's."""
    start = participle.left_edge.i
    if participle.tag_ != "VBG" or start < 2 or participle.doc[start - 1].text != ",":
        return False
    last = participle.doc[start - 2]
    return any(others_comment(n) and n.right_edge.i == last.i for n in [last, *last.ancestors])


def comment_read_as_verb(root) -> bool:
    """'Okonkwo said A, remarks DHS dismissed, saying B', 'said A, claims the agency disputed': the
    parser took a plural noun of words for a verb with no subject, the root of the sentence (or a verb
    joined to the past-tense 'said' without 'and'), and the
    clause after it ('DHS dismissed') for what it reports; the noun is the reporter's comment, so
    neither that clause nor a participle hung on it has a speaker (SpeechGrammar.subject asks, where
    the root would otherwise pass to the first reported clause before it, as in a list of her acts)."""
    hung = root.head.i == root.i or root.dep_ == "conj" and root.head.tag_ == "VBD" and not any(
        c.dep_ == "cc" and root.head.i < c.i < root.i for c in root.head.children)  # ('said A, claims B': no 'and')
    return (hung and root.tag_ == "VBZ" and root.lower_.endswith("s") and root.lower_[:-1] in WORDS_NOUNS
            and root.i > 0 and root.doc[root.i - 1].text == ","
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children)
            and any(c.dep_ == "ccomp" and c.i > root.i and not any(m.dep_ == "mark" for m in c.children)
                    and any(s.dep_ == "nsubj" and s.pos_ in ("NOUN", "PROPN") for s in c.children)
                    for c in root.children))


REACTIONS = frozenset({"praise", "criticism", "rebuke", "response", "support", "backlash", "pushback", "condemnation",
                       "applause", "reply", "reaction", "fire", "ire", "scorn", "complaint", "objection", "rebuttal",
                       "denial", "retort", "reproach", "derision", "ridicule", "endorsement"})


def after_a_reaction(participle) -> bool:
    """'Okonkwo's memo drew criticism from DHS, saying agents were protecting workers': a participle
    right after a reaction 'from' someone ('drew praise from the mayor', 'a sharp response from the
    White House') is the one who reacted, not the leader whose words drew it (only when a thing of
    hers, the object's verb's subject, drew it: 'Okonkwo drew applause from the crowd, saying ...'
    and 'reversed course after backlash from ..., saying he ...' are hers); after a letter,
    call or message 'from' someone ('received a letter from the mayor, saying ...'), the letter's."""
    start = participle.left_edge.i
    if participle.tag_ != "VBG" or start < 3 or participle.doc[start - 1].text != ",":
        return False
    last = participle.doc[start - 2]
    for prep in [last, *last.ancestors]:
        if prep.dep_ == "prep" and prep.lower_ == "from" and prep.right_edge.i == last.i:
            owner = prep.head if prep.head.pos_ == "NOUN" else next(
                (c for c in prep.head.children if c.dep_ == "dobj"), None)
            if owner is None:
                return False
            if owner.lemma_.lower() in lp.OWN_DOCUMENT_NOUNS | {"letter", "call", "text"}:
                return True  # 'received a letter from the mayor, saying ...': the letter's
            # a thing of hers drew it, the subject no person ('Okonkwo drew applause from the crowd, saying',
            # 'He reversed course after backlash from fellow billionaires, saying he ...': his, heldout2 rb06)
            return owner.lemma_.lower() in REACTIONS and owner.dep_ == "dobj" and any(
                s.dep_ == "nsubj" and s.pos_ == "NOUN" and not lp.is_person_noun(s.lower_) for s in owner.head.children)
    return False
