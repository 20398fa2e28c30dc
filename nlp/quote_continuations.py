"""Quotes that keep the speaker of the quote before them: a continuation ('"..." Okonkwo said.
"..."', '"A" and "B"') and an interrupted quote ('"We will fight," she said, "and we will win."',
merged into one)."""
from __future__ import annotations

from onrecord.nlp.connective_openers import without_opener
from onrecord.nlp.place_names import names_the_place
from onrecord.nlp.quote_candidates import Attribution, in_clause, unique_sents
from onrecord.nlp.speech_verbs import is_label, is_speech


class Continuations:
    """Mixed into ArticleAttribution (nlp/attribution.py): uses its article, grammar, mentions,
    spans and text."""

    def _continuations(self, attributed, verbs_of):
        """An unattributed quote that follows an attributed one, with only that quote's
        attribution clause in between, is the same speaker still talking: in the same paragraph,
        or as the whole of the next paragraph (a new speaker would be named)."""
        article = self.article
        for index, span in enumerate(self.spans):
            if index in attributed or index == 0 or span.block:
                continue
            prev = index - 1
            if prev not in attributed and prev > 0 and self._inside_a_name(prev):
                prev -= 1  # '"A," said Hugh "Trip" Tollison, ... "B"': the nickname is part of the tag
            if prev not in attributed:
                continue
            before, here = article.paragraph_of(self.spans[prev].close_at - 1), article.paragraph_of(span.open_at)
            if here == before and _coordinators_only(article.words_between(self.spans[prev], span)):
                # '"A" and "B"', 'that "A" and that "B"': the second is the same verb's object
                base = attributed[prev]
                tokens = article.span_tokens[index]
                attributed[index] = Attribution(base.leader_id, "continuation",
                                                unique_sents([*base.sents, tokens[0].sent if tokens else None]))
                verbs_of[index] = verbs_of[prev]
                continue
            if span.embedded:
                continue
            if here != before and not (here == before + 1 and article.quote_paragraph(span, here)):
                continue  # another paragraph: only a whole quote paragraph that is no subheading
            verb = verbs_of[prev]
            if verb is None:
                continue
            gap = article.words_between(self.spans[prev], span)
            if not in_clause(_without_going_on(gap), verb):
                gap = without_opener(gap, verb, article.span_tokens[index])
                if gap is None or not in_clause(gap, verb):
                    continue  # ('"...," she said. But at the same time, "...": the opener is the writer's)
            addressed = {t.i for c in verb.children if c.dep_ in ("dobj", "dative")
                         or c.dep_ == "prep" and c.lower_ in ("on", "in", "to", "via", "through", "at", "during")
                         for t in c.subtree}  # who listened, where: "told the room", "wrote on Bluesky"
            speaker = self.grammar.subject(verb)  # already resolved to the quote's leader ("the CEO")
            addressed |= {t.i for t in speaker.subtree} if speaker is not None else set()
            addressed |= {t.i for c in verb.children if c.dep_ == "advcl" and c.left_edge.lower_ == "as"
                          and c.lemma_ == "report" for t in c.subtree}  # "as the Ledger reports": sourcing
            if self.mentions.people_in([t for t in gap if t.i not in addressed]) - {attributed[prev].leader_id}:
                continue  # "..., Okonkwo said as Ruiz looked on.": who speaks next is unclear
                # (but "Karp told CNBC's Morgan Brennan." names who listened, not who speaks)
            first = _first_letter(self.text[span.start:span.end])
            if not first.isupper() and not first.isdigit():
                continue  # lowercase: an interrupted sentence, merged instead
            if names_the_place(article.span_tokens[index], article.quoted_text(index)):
                continue  # '..., said Escaray, in one of his restaurants, "Sabor Venezolano."': a name
            if self._has_its_own_tag(index, verb):
                continue  # '"...," Okonkwo said. "...," the sheriff said.': the second is the sheriff's
            base = attributed[prev]
            tokens = article.span_tokens[index]
            own = tokens[0].sent if tokens else None
            attributed[index] = Attribution(base.leader_id, "continuation", unique_sents([*base.sents, own]))
            verbs_of[index] = verb

    def _inside_a_name(self, index) -> bool:
        """A quoted nickname inside a leader's name ('Hugh "Trip" Tollison', an alias of hers): its
        words, and the words on either side of its marks, are all one leader's mention."""
        tokens = self.article.span_tokens[index]
        leader_at = self.mentions.leader_at
        if not tokens or not self.spans[index].embedded or len(tokens) > 3:
            return False
        first, last = tokens[0].i - 2, tokens[-1].i + 2  # the words outside the marks
        if first < 0 or last >= len(tokens[0].doc):
            return False
        ids = {leader_at.get(i) for i in range(first, last + 1)}
        return len(ids) == 1 and None not in ids

    def _has_its_own_tag(self, index, verb) -> bool:
        """A speech verb outside the quote marks after the quote, in the sentence it ends in, other
        than the tag before it: the quote has a tag of its own. Had that tag named the leader (or a
        pronoun resolved to her), the quote would be attributed already; left unattributed, it is
        someone else's (an official, 'a deputy'), or its speaker is in doubt."""
        tokens = self.article.span_tokens[index]
        if not tokens:
            return False
        last = tokens[-1]
        return any(t.i > last.i and t.i != verb.i and self.article.in_quote[t.i] == -1
                   and t.pos_ in ("VERB", "AUX") and is_speech(t) for t in last.sent)

    def _split_subject(self, attributed, verbs_of):
        """'"The larger issue for CEOs," George added, is that the unrest "is going to hurt ..."':
        a tag between a quoted subject and the sentence's own verb (the parser hangs the tag on
        that verb) leaves the sentence the speaker's; a quote later in that verb's clause is hers
        too, unless someone else is named on the way."""
        for index, span in enumerate(self.spans):
            prev = index - 1
            if index in attributed or index == 0 or span.block or prev not in attributed:
                continue
            verb = verbs_of.get(prev)
            if verb is None or verb.dep_ != "parataxis" or not is_speech(verb):
                continue
            main = verb.head
            if self.article.in_quote[main.i] != -1 or main.i < verb.i or main.pos_ not in ("VERB", "AUX"):
                continue
            if not any(c.dep_ in ("nsubj", "nsubjpass") and self.article.in_quote[c.i] == prev for c in main.children):
                continue  # the quote before is not the subject of the sentence the tag sits in
            tokens = self.article.span_tokens[index]
            tops = [t for t in tokens if self.article.in_quote[t.head.i] != index or t.head.i == t.i]
            if not tops or any(main not in t.ancestors for t in tops) or tokens[0].sent.start != main.sent.start:
                continue
            gap = [t for t in self.article.words_between(self.spans[prev], span) if t not in set(verb.subtree)]
            if self.mentions.people_in(gap) - {attributed[prev].leader_id} or any(
                    is_speech(t) or is_label(t) for t in gap if t.pos_ in ("VERB", "AUX")):
                continue  # 'is what the union called "..."': another's words inside her sentence
            base = attributed[prev]
            attributed[index] = Attribution(base.leader_id, "continuation", unique_sents([*base.sents, main.sent]))
            verbs_of[index] = verb

    def _fronted_partials(self, attributed, verbs_of):
        """'"From watching her bake at night" to seeing her find "her own customers," Okonkwo says,
        "that is where it started."': a sentence that goes on after its tag in the speaker's own
        quote (opening lowercase) is the speaker's sentence, and the quoted words fronted before
        the tag are hers too, unless someone else is named there or another verb reports them
        ('what the union called "..."')."""
        for index, span in enumerate(self.spans):
            verb = verbs_of.get(index)
            if index not in attributed or verb is None or span.block or not is_speech(verb) \
                    or not self.text[span.start:span.start + 1].islower():
                continue
            tokens = self.article.span_tokens[index]
            sent = verb.sent
            if not tokens or tokens[0].sent.start != sent.start or tokens[0].i < verb.i:
                continue
            subject = self.grammar.subject(verb)
            if subject is None or subject.i > verb.i:
                continue  # ('..., says Okonkwo, "..."': the same, but only the usual order is read)
            fronted = [j for j in range(index) if j not in attributed and not self.spans[j].block
                       and self.article.span_tokens[j] and self.article.span_tokens[j][0].i >= sent.start
                       and self.article.span_tokens[j][-1].i < subject.left_edge.i]
            if not fronted:
                continue
            narration = [t for t in self.article.doc[sent.start:subject.left_edge.i]
                         if self.article.in_quote[t.i] == -1 and not (t.is_punct or t.is_space)]
            if self.mentions.people_in(narration, objects=True) or any(
                    t.i in self.mentions.leader_at or t.ent_type_ in ("PERSON", "LEADER") for t in narration) \
                    or any(self._reported_by_another(j) for j in fronted):
                continue  # someone else's words, or words another verb reports, may stand there
            base = attributed[index]
            for j in fronted:
                attributed[j] = Attribution(base.leader_id, "continuation", unique_sents([sent]))
                verbs_of[j] = None

    def _reported_by_another(self, index) -> bool:
        """A quote a reporting or labelling verb outside it governs ('called the raids "a
        disgrace"', 'described as "..."'): that verb's words, whoever its subject is."""
        for t in self.article.span_tokens[index]:
            head = t.head
            if self.article.in_quote[head.i] == index:
                continue
            if head.pos_ == "ADP" and head.head.i != head.i:
                head = head.head
            if is_speech(head) or is_label(head):
                return True
        return False

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
            if self.article.paragraph_of(self.spans[prev].close_at - 1) != self.article.paragraph_of(span.open_at):
                continue
            first = self.text[span.start:span.start + 1]
            if not (first.islower() or self._goes_on_with_i(prev, span)) or self._inside_a_phrase(prev):
                continue
            gap = self.article.words_between(self.spans[prev], span)
            if not in_clause(gap, verbs_of[target]) or _coordinators_only(gap):
                continue  # ('"A" and "b"' are two quotes)
            merged[index] = target
        return merged

    def _goes_on_with_i(self, prev, span) -> bool:
        """'"... any problems," he said, "I want them to know ..."' (heldout50 sx03): a half that opens
        with the pronoun I, after a first half and a tag that both end in a comma, is the same
        sentence going on, as a lowercase start is (a full stop after the tag starts a new one)."""
        first, second = self.spans[prev], span
        quoted = self.text[first.start:first.end].rstrip()
        tag = self.text[first.close_at:second.open_at].rstrip()
        opening = self.text[second.start:second.start + 2]
        return quoted.endswith(",") and tag.endswith(",") and opening[:1] == "I" \
            and (len(opening) < 2 or not opening[1].isalpha())

    def _inside_a_phrase(self, index) -> bool:
        """'With "very few people to hire from," he explained, "you would ..."': a partial quote the
        reporter's own words lead into is a phrase of the sentence, not the first half of one quote."""
        tokens = self.article.span_tokens[index]
        if not tokens or not self.text[self.spans[index].start:self.spans[index].start + 1].islower():
            return False
        before = tokens[0].doc[tokens[0].sent.start:tokens[0].i]
        return any(not t.is_punct and not t.is_space and self.article.in_quote[t.i] == -1 for t in before)


def _coordinators_only(gap) -> bool:
    """Between two quotes only 'and', 'or', 'but', 'that': they are coordinated."""
    return bool(gap) and any(t.dep_ == "cc" or t.lower_ in ("and", "or") for t in gap) \
        and all(t.lower_ in ("and", "or", "but", "that", "as", "well") for t in gap)


def _without_going_on(gap) -> list:
    """'"...," Okonkwo said, before adding: "..."': the tag's speaker going on, a speech participle
    (after 'before', 'then', 'and' or nothing) at the gap's end, however the parser hung it, is part
    of the tag; the gap without it."""
    if not gap or gap[-1].tag_ != "VBG" or not is_speech(gap[-1]):
        return gap
    rest = gap[:-1]
    if rest and rest[-1].lower_ in ("before", "then", "and"):
        rest = rest[:-1]
    return rest


def _first_letter(quoted: str) -> str:
    """The quote's first character, past a space after the mark ('" I, as an immigrant ...') and an
    editor's opening bracket ('[The] lack of concern ...', heldout92 un02: the bracket stands for the
    speaker's own capital, so the word inside it tells a new sentence from an interrupted one)."""
    quoted = quoted.lstrip()
    return quoted[1:2] if quoted[:1] == "[" else quoted[:1]
