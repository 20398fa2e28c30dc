"""Reported speech without quote marks: "Okonkwo said (that) ...", "Okonkwo called for ...",
"Okonkwo described the raids as ...", "..., according to Okonkwo".

These are statements too, but in the article's words, not the leader's: every one is
kind "paraphrase", its text the reported clause as the article words it. Each rule returns
(span, reported words, Attribution) triples like the quote rules do.
"""

from __future__ import annotations

from onrecord.nlp import leader_patterns as lp
from onrecord.nlp import reported_clauses as rc
from onrecord.nlp.epithets import describes_her
from onrecord.nlp.disclosure_verbs import DISCLOSURE_VERBS, opens_a_that_clause
from onrecord.nlp.paraphrase_checks import ClauseChecks
from onrecord.nlp.quote_candidates import Attribution, clean_quote
from onrecord.nlp.quote_marks import QUOTE_CHARS, Span
from onrecord.nlp.reported_clauses import (complements, concessive, habitual, long_standing, only_a_pointer, opens_with_wh,
                                           acknowledges_no_words, own_clause, parenthetical_tag, with_infinitive, without_relative_aside)
from onrecord.nlp.speech_verbs import according_to, is_expressive, is_label, is_speech, lemma
from onrecord.nlp.position_reports import FRAMES, position_parts, states_no_position
from onrecord.nlp.shown_by_acts import shown_by_an_act


# Verbs that report speech through their noun object ('expressed hope that ...', 'made a joke that ...',
# 'issued a statement that ...') though they are no verbs of saying, with the nouns that do.
_NOUNS_THAT_REPORT = {"express": lp.STANCE_NOUNS, "voice": lp.STANCE_NOUNS, "make": lp.UTTERANCE_NOUNS,
                      "issue": lp.UTTERANCE_NOUNS}


class Paraphrases(ClauseChecks):
    """The reported-speech rules for one article (the checks each clause passes: paraphrase_checks.py)."""

    def indirect(self):
        """'Okonkwo said (that) the company would ...' without quote marks."""
        out = []
        for verb in self.article.verbs:
            if self.in_quote[verb.i] != -1 or self.article.in_headline(verb):
                continue
            belief = lemma(verb) in lp.BELIEF_VERBS
            pointed_out = lemma(verb) == "point" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
            emphasis = (lemma(verb) in lp.EMPHASIS_FRAMES or lemma(verb) in DISCLOSURE_VERBS) and opens_a_that_clause(verb)  # as 'stressed that'
            if lemma(verb) not in lp.INDIRECT_VERBS and lemma(verb) not in _NOUNS_THAT_REPORT \
                    and not belief and not pointed_out and not emphasis:
                continue
            if self.grammar.unmarked_words(verb) is not None:
                continue  # 'He stated, Hope without action ...': words given as his own (attribution.py)
            if _implied_by_an_act(verb):
                continue  # 'offered briefings, suggesting the video was a first step': the act implies it
            if lemma(verb) == "make":  # a clause of its own is causative ('making adjustments to cope ...', parsed
                clauses = self._stance_clause(verb)  # as 'make them cope'): only 'made a joke that ...' reports
            else:
                clauses = [c for c in verb.children if c.dep_ == "ccomp" and self._reported(c, verb)] \
                    or self._stance_clause(verb) or self._misattached_clause(verb)
            tagged = not clauses and verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX") \
                and (verb.head.i < verb.i or rc.set_off_before(verb)) and self.in_quote[verb.head.i] == -1
            if tagged:  # 'The raid could delay work by "2 or 3 months," he said, but ...'
                clauses = [verb.head]
            joined = rc.joined_clauses(verb, clauses)  # 'says he is at risk ..., yet that is taking ...'
            if joined:
                clauses = clauses[:1]
            if len(clauses) != 1 or self.grammar.negated(verb) or self.grammar.secondhand(verb) or long_standing(verb):
                continue
            if emphasis and habitual(verb):
                continue  # 'has long highlighted that ...': a position held, as for its noun object
            clause = clauses[0]
            lead = parenthetical_tag(verb, clause)
            if lead is not None:  # "A meant B, Bos said, with C ...": the tag reports A meant B, not C
                clause = lead
            tokens = own_clause(clause) + joined
            speaker = self.grammar.subject(verb)
            if speaker is not None and speaker.dep_ == "appos" and speaker.i in {t.i for t in tokens}:
                cut = speaker.head.left_edge.i  # '<clause>, the company's chair, Zoley, told ...': the tag
                tokens = [t for t in tokens if t.i < cut]
            if tagged:  # what comes before the tag (after it, the reporter may go on), or after one set off before it
                tokens = [t for t in tokens if (t.i < verb.left_edge.i if verb.head.i < verb.i else t.i > verb.right_edge.i)
                          and not (t.text == "." and t.head.i == verb.head.i)]  # (outside the tag's edges: none of it)
            tokens = rc.without_participle_aside(self._without_addressee(verb, tokens), clause)
            tokens = without_relative_aside(tokens)  # ('... in the new initiative, which has garnered ...')
            if not self.whole_quotes_only(tokens) or self._introduces_a_quote(verb, clause) \
                    or self._stray_mark(verb.sent) or self._leads_into_a_quote(tokens, verb):
                continue  # a quote cut by the clause, a stray mark, or a quote after a colon
            if lemma(verb) not in lp.QUESTION_VERBS \
                    and any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children):
                continue  # "would not say whether ...": no answer given (but "questioned whether")
            if lemma(verb) not in lp.QUESTION_VERBS and opens_with_wh(tokens):
                continue  # "explained why he was unable to ...": what the words were about, not what they said
            words = [t for t in tokens if not t.is_punct]
            if len(words) < 3:
                continue
            if belief and not any(self.in_quote[t.i] != -1 for t in tokens):
                continue  # "believes the raids are ...": a belief is reported speech only with her words quoted in it
            who = self.mentions.speaker(self.grammar.subject(verb))
            if who is None:
                continue
            leader_id, how, antecedent = who
            if any(t.i in self.mentions.leader_at and self.mentions.leader_at[t.i] == leader_id
                   and t.dep_ == "nsubj" for t in tokens):
                continue  # "Okonkwo said Okonkwo ...": a parse gone wrong
            if self._someone_else_speaks(tokens, leader_id):
                continue  # "said Murrow had called her ...": someone else's words inside
            while tokens and ((tokens[0].dep_ == "mark" or tokens[0].pos_ == "SCONJ")
                              and tokens[0].lower_ not in ("whether", "if")
                              or tokens[0].is_punct and tokens[0].text not in ("“", '"')):  # (keeps a quote's opening mark)
                tokens = tokens[1:]
            if not tokens:
                continue
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            pattern = how if how in ("pronoun", "title") else "indirect"
            quote_text = self.closed_words(start, end)
            span = Span([(start, end)], start, end)
            out.append((span, quote_text, Attribution(leader_id, pattern, [*antecedent, verb.sent], kind="paraphrase")))
        return out

    def _reported(self, clause, verb) -> bool:
        """A that-clause of the verb that reports what was said: outside quote marks, or (its verb
        inside a partial quote) with the article's words around it after the verb ('claimed he
        has been 'widely reviled' for his contribution')."""
        index = self.in_quote[clause.i]
        if index == -1:
            return True
        if self.in_quote[clause.left_edge.i] != -1 or self.article.spans[index].block:
            return False
        if clause.left_edge.i < verb.i:  # 'Geo Group is "cautiously participating" in ..., X told investors':
            outside = [t for t in clause.subtree if self.in_quote[t.i] == -1 and not t.is_punct]
            return clause.i < verb.i and len(outside) >= 6  # a partial quote in the reporter's clause
        # after the quote at most a short phrase ('for his contribution'), never another clause
        # ('... when news broke that ...', '... following the killing ...': the reporter's)
        last = max(t.i for t in self.article.span_tokens[index])
        after = [t for t in clause.subtree if t.i > last and not t.is_punct]
        if after and after[0].tag_ == "TO" and after[0].head.head.i == clause.i:
            return True  # 'would "spare no effort" to support those who ...': the purpose of her pledge
        return len(after) <= 4 and not any(t.pos_ in ("VERB", "AUX") for t in after)

    def _stance_clause(self, verb) -> list:
        """'expressed hope that the president could cool tensions', 'made a joke that ...', 'stated
        his belief that ...': the clause the hope, the joke or the belief carries."""
        nouns_for = _NOUNS_THAT_REPORT.get(lemma(verb))
        if nouns_for is None and lemma(verb) in lp.INDIRECT_VERBS:
            nouns_for = lp.STANCE_NOUNS | lp.UTTERANCE_NOUNS
        if not nouns_for:
            return []
        nouns = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns_for]
        return [c for n in nouns for c in n.children if c.dep_ in ("acl", "ccomp", "relcl") and self.in_quote[c.i] == -1
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]

    def _misattached_clause(self, verb) -> list:
        """'told investors on Tuesday's earnings call that traffic had softened': the parser hung the
        that-clause on the call; a clause opened by the conjunction 'that' on the noun of where or when
        it was said, or on who was told ('reassured staff that ...'; not on what was told, 'told them
        the insistence that ...'), is what was said; its verb may stand in a partial quote ('stated in
        a message that ICE is "going too far"'), read as a that-clause of the verb is (_reported)."""
        found, objects = [], [o for o in verb.children if o.dep_ == "dobj"]
        if lemma(verb) in lp.ADDRESSEE_VERBS and len(objects) == 1:
            found += [c for o in objects for c in o.children
                      if c.dep_ in ("acl", "relcl") and c.i > o.i and self.in_quote[c.i] == -1
                      and any(m.lower_ == "that" and (m.dep_ == "mark" or m.pos_ == "SCONJ") for m in c.children)
                      and any(m.dep_ == "nsubj" for m in c.children)]
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("on", "in", "at", "during"):
                continue
            for noun in (c for c in prep.children if c.dep_ == "pobj"):
                found += [c for c in noun.children if c.dep_ in ("acl", "relcl") and c.i > noun.i
                          and (self.in_quote[c.i] == -1 or self._reported(c, verb))  # ('... that ICE is "going too far"')
                          and any(m.lower_ == "that" and (m.dep_ == "mark" or m.pos_ == "SCONJ") for m in c.children)
                          and any(m.dep_ == "nsubj" for m in c.children)]
        return found

    def reported(self):
        """'Okonkwo called for an end to the raids', 'urged employees to stay home', 'described
        the operations as an abuse of power': the verb and the complements that carry what was
        said (leader_patterns.PARAPHRASE_FRAMES)."""
        out = []
        for verb in self.article.verbs:
            frame = FRAMES.get(lemma(verb))  # (with the verbs of position: position_reports.py)
            if frame is None or self.in_quote[verb.i] != -1 or self.article.in_headline(verb):
                continue
            if lemma(verb) in lp.INDIRECT_VERBS and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
                continue  # "warned that ...": the indirect rule reads it
            parts = complements(verb) | position_parts(verb)
            if "dobj" in parts and parts["dobj"].tag_ in ("WP", "WDT"):
                continue  # "what he characterized as ...": the words name something else's part
            if "dobj" in parts and parts["dobj"].lemma_.lower() in lp.CLAIM_NOUNS:
                parts["dobj:claim"] = parts["dobj"]
            expressed = lemma(verb) in ("express", "voice")  # what one expresses is an attitude, whatever its noun
            feeling_for = [c for c in [*verb.children, *(parts["dobj"].children if "dobj" in parts else [])]
                           if c.dep_ == "prep" and c.i > verb.i and (c.lower_ in lp.FEELING_PREPOSITIONS
                                                                     or expressed and c.lower_ in ("upon", "after", "in"))]
            if "dobj" in parts and feeling_for and (parts["dobj"].lemma_.lower() in lp.FEELING_NOUNS or expressed
                                                    and parts["dobj"].pos_ == "NOUN"
                                                    and not lp.is_person_noun(parts["dobj"].lower_)):
                parts["dobj:feeling"] = parts["dobj"]  # "gratitude to officials for ...": to whom, for what
            if "dobj" in parts and parts["dobj"].lemma_.lower() in lp.INTENT_NOUNS and any(
                    c.dep_ in ("acl", "xcomp") and any(a.tag_ == "TO" for a in c.children) for c in parts["dobj"].children):
                parts["dobj:intent"] = parts["dobj"]  # "his willingness to accept troops": what he would do
            ways = [way.split("+") for way in frame]
            if not any(all(key in parts for key in way) for way in ways):
                continue
            keys = {key for way in ways if all(k in parts for k in way) for key in way} | set(lp.PARAPHRASE_EXTRAS)
            said = [t for key in keys if key in parts for t in parts[key].subtree]
            if "dobj" in keys:  # two objects of one verb: the parser split one ('noted the employers she
                # works with span the ... sectors', 'span' read as a noun), so the clause runs to the last
                said += [t for c in verb.children if c.dep_ == "dobj" and c.i > parts["dobj"].i for t in c.subtree]
            if "dobj:feeling" in keys:
                said += [t for c in feeling_for if c.head.i == verb.i for t in c.subtree if t not in said]
            aside = {x for t in said if t.dep_ == "advcl" and t.tag_ == "VBG" and t.i > verb.i
                     for x in range(t.left_edge.i - 1, t.right_edge.i + 1)}  # (with its comma)
            said = [t for t in said if t.i not in aside]  # "..., saying ...": the participle's own words
            said = with_infinitive(verb, said)
            if not said or states_no_position(verb, parts, said):  # ('slammed Linda Chow', 'urged her to denounce ...')
                continue  # 'called for ICE' of 'called for ICE to be disbanded': cut short, it says the opposite
            if not self.whole_quotes_only(said) or any(t.text in QUOTE_CHARS and self.in_quote[t.i] == -1 for t in said):
                continue  # part of a longer quote, or a stray mark (a whole partial quote is its words)
            labelled = is_label(verb) and "dobj" in keys and "dobj" in parts and not self._quote_is_the_judgement(parts["dobj"])
            if not labelled and any(self._quote_is_the_judgement(parts[key]) for key in keys if key in parts):
                continue  # 'called the raids "cruel"', 'likened ICE to a "masked force"': the quote is
                # the judgement itself, the leader's own words (but 'warned against a "masked" force ...')
            content = [t for t in said if not t.is_punct]
            if len(content) < 2 and not (content and content[0].pos_ == "NOUN"):
                continue  # (but "urged calm", "demanded justice": one noun says it)
            if self.grammar.negated(verb) or self.grammar.secondhand(verb) or long_standing(verb) or lemma(verb) in \
                    lp.OBJECT_FRAMES and habitual(verb):
                continue  # (or "who has long advocated for ...", "has long defended ...": a position held, not a statement)
            if any(c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > verb.i and is_speech(c)
                   and any(self.in_quote[x.i] != -1 and not self.article.spans[self.in_quote[x.i]].embedded
                           for x in self.doc[c.i:c.sent.end]) for c in verb.children):
                continue  # 'framed his stance as ..., saying: "..."': the reporter's lead into her quote
                # (but 'called for ..., warning that "hope without action" invites ...': a partial quote)
            if lemma(verb) == "acknowledge" and acknowledges_no_words(verb, parts["dobj"]) or lemma(verb) in lp.OBJECT_FRAMES and self._only_a_gloss(verb, parts["dobj"], said) or shown_by_an_act(verb):
                continue  # 'she said, highlighting the chilling effect ...': the reporter's reading of her words (or of her act)
            subject = self.own_subject(verb)
            if lemma(verb) == "echo" and (subject is not None and subject.pos_ == "NOUN" or only_a_pointer(said) and not any(
                    c.dep_ == "advcl" and concessive(c) for c in verb.children)):
                continue  # "Hoffman's remarks echo a broader sentiment": the reporter likens words to others';
                # "echoed these concerns": agreement with words given before, none of his own (but "...
                # while recognizing ..." goes on with his own point)
            who = self.mentions.speaker(subject)
            if who is None:
                continue
            leader_id, how, antecedent = who
            if self._carries_others_words(said, leader_id, verb):
                continue  # "pointed to the union's statement that ...": the union's words
            end_token = max(without_relative_aside(said), key=lambda t: t.i)  # (checked whole above)
            start, end = verb.idx, end_token.idx + len(end_token.text)
            if lemma(verb) == "report":  # 'reports a 40% drop in sales': what was reported, as after 'says'
                start = min(t.idx for t in said)
            span = Span([(start, end)], start, end)
            pattern = how if how in ("pronoun", "title") else "reported"
            out.append((span, self.closed_words(start, end),
                        Attribution(leader_id, pattern, [*antecedent, verb.sent], kind="paraphrase")))
        return out

    def _only_a_gloss(self, verb, obj, said) -> bool:
        """A verb of emphasis or report ('highlighted', 'underscored', 'noted', 'reports') whose object is not what was said: the
        reporter's gloss on a quote just given ('"...," she said, highlighting the chilling effect ...', 'stated, "...," highlighting his turmoil'; but '"...," he said, noting collaboration
        across ...' reports more of what he said); a bare noun ('articulated the situation'); a lead-in to words after a colon ('highlighted another
        issue: ...', the colon rule's) or to a participle of speech ('highlighted the industry's
        impact, noting it supports ...', the indirect rule's); a thing handed to someone ('reported
        the agents to the police')."""
        before = [t for t in self.doc[verb.sent.start:verb.left_edge.i] if t.text != ","]
        if verb.tag_ == "VBG" and lemma(verb) not in lp.INDIRECT_VERBS and before and (before[-1].text in QUOTE_CHARS or before[-1].i == verb.head.i
                                              and is_speech(verb.head) and self._after_a_quote(verb.head)):
            return True
        judged = said if lemma(verb) in ("criticize", "criticise") else obj.subtree  # (over / for a reason: its words)
        if sum(t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "VERB") for t in judged) < 2:
            return True
        end = max(t.i for t in said)
        if end + 1 < len(self.doc) and self.doc[end + 1].text == ":":
            return True
        if any(c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > verb.i and is_speech(c) and (
                lemma(verb) in lp.EMPHASIS_FRAMES or any(x.dep_ == "ccomp" for x in c.children)) for c in verb.children):
            return True  # (but 'defended X, emphasizing Y' says both: a judgement's object is what was judged)
        return any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)

    def _after_a_quote(self, tag) -> bool:
        """'"...," she said': the tag's subject right after a closing quote mark."""
        subject = next((c for c in tag.children if c.dep_ == "nsubj" and c.i < tag.i), None)
        first = subject.left_edge.i if subject is not None else tag.i
        prev = [t for t in self.doc[max(0, first - 3):first] if t.text != ","]
        return bool(prev) and prev[-1].text in QUOTE_CHARS

    def _quote_is_the_judgement(self, part) -> bool:
        """A complement whose head word, or half its content words, stand in quote marks."""
        heads = [c for c in part.children if not c.is_punct] if part.dep_ == "prep" else \
            [c for c in part.children if c.dep_ in ("nsubj", "nsubjpass")] if part.dep_ == "advcl" else [part]
        # (a clause: 'called for the agency to be "disbanded"' turns on who is to be disbanded)
        content = [t for t in part.subtree if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM")]
        quoted = [t for t in content if self.in_quote[t.i] != -1]
        return any(self.in_quote[h.i] != -1 for h in heads) or 2 * len(quoted) > len(content)

    def after_colon(self):
        """'Auza also highlighted another pressing issue: even if ..., he lacks the staff ...',
        'Karp delivered a message that's guaranteed to inflame the debate: protesters should
        want more ...': a clause without quote marks after a colon that closes a leader's
        communicative act, or presents her message, is what she said, in the article's words."""
        out = []
        for colon in self.article.tokens:
            if colon.text != ":" or self.in_quote[colon.i] != -1 or self.article.in_headline(colon):
                continue
            sent = colon.sent
            said = [t for t in self.doc[colon.i + 1:sent.end] if not t.is_space]
            while said and said[-1].is_punct:
                said.pop()
            words = [t for t in said if not t.is_punct]
            if len(words) < 5 or any(self.in_quote[t.i] != -1 or t.text in QUOTE_CHARS for t in said) \
                    or not any(t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX")
                               and t.head.tag_ not in ("VBG", "VBN", "TO") for t in said):
                continue  # a quote, a list or a phrase, not a clause
            start, end = said[0].idx, said[-1].idx + len(said[-1].text)
            span = Span([(start, end)], start, end)
            verb = self.grammar.colon_verb(span)
            if verb is not None:
                topic = verb.lemma_ in lp.EXPRESSIVE_LEMMAS and any(  # "highlighted another issue:"
                    c.dep_ == "dobj" and c.pos_ == "NOUN" and not lp.is_person_noun(c.lower_) for c in verb.children)
                if not (is_speech(verb) or topic) or self.grammar.negated(verb) or self.grammar.secondhand(verb):
                    continue  # (but "spoke with the mayor: the two agreed ..." tells what happened)
                who = self.mentions.speaker(self.grammar.subject(verb))
                found = (who[0], [*who[2], sent]) if who is not None else None
            else:
                found = self.mentions.presented_words(sent, colon.idx)
                found = (found[0], [*found[1], sent]) if found is not None else None
            if found is None or self._someone_else_speaks(said, found[0]):
                continue
            out.append((span, clean_quote(self.text[start:end]),
                        Attribution(found[0], "reported", found[1], kind="paraphrase")))
        return out

    def according_to(self, attributed):
        """'The pilot ended in January, according to Okonkwo.' (not 'Okonkwo's spokesperson')."""
        out = []
        if "according to" not in self.text.lower():
            return out
        leader_at = self.mentions.leader_at
        for t in self.article.tokens:
            if self.in_quote[t.i] != -1:
                continue
            objs = according_to(t)
            if len(objs) != 1:
                continue
            obj = objs[0]
            titles = self.mentions.index.own_context.get(leader_at.get(obj.i, ""), set()) | set(lp.TITLE_SYNONYMS)
            if any(c.dep_ == "conj" or c.dep_ == "appos" and c.i not in leader_at and not (
                    c.lower_ in titles and c.ent_type_ != "PERSON" or describes_her(c)) for c in obj.children):
                continue  # "according to Okonkwo and Ruiz": not hers alone (but "according to Okonkwo, CEO of
                # ...", "according to Okonkwo, the chief executive officer of ...")
            leader_id, antecedent = leader_at.get(obj.i), []
            if leader_id is None:
                leader_id, antecedent = self._own_account(obj)
            if leader_id is None:
                continue
            sent = t.sent
            # someone else's speech verb in the sentence owns its words
            if any(is_speech(v) and self.in_quote[v.i] == -1 for v in sent):
                continue
            phrase = {x.i for x in t.subtree} | {t.i}
            quoted = {self.in_quote[x.i] for x in sent if self.in_quote[x.i] != -1}
            if quoted:
                for index in sorted(quoted):
                    if index in attributed:
                        continue
                    out.append((self.article.spans[index], self.article.quoted_text(index),
                                Attribution(leader_id, "according_to", [*antecedent, sent])))
                continue
            words = [x for x in sent if x.i not in phrase and not x.is_space]
            while words and words[-1].is_punct:
                words = words[:-1]
            while words and words[0].is_punct:
                words = words[1:]
            if len([w for w in words if not w.is_punct]) < 3:
                continue
            start, end = words[0].idx, words[-1].idx + len(words[-1].text)
            text = clean_quote(self.text[start:end])
            out.append((Span([(start, end)], start, end), text,
                        Attribution(leader_id, "according_to", [*antecedent, sent], kind="paraphrase")))
        return out

    def _own_account(self, noun):
        """(leader, [antecedent]) for "according to her account", "according to Okonkwo's post":
        a leader's own words by possessive (he/she resolved as for a subject), else (None, [])."""
        if noun.lemma_.lower() not in lp.SPEECH_NOUNS | lp.OWN_DOCUMENT_NOUNS | {"account"}:
            return None, []
        owners = [c for c in noun.children if c.dep_ == "poss"]
        if len(owners) != 1:
            return None, []
        who = self.mentions.speaker(owners[0]) if owners[0].lower_ not in ("his", "her") else None
        if who is None and owners[0].lower_ in ("his", "her"):
            leader, antecedent = self.mentions.resolve_pronoun(owners[0], -1)
            return leader, antecedent
        if who is None or owners[0].i not in self.mentions.leader_at:
            return None, []
        return who[0], who[2]


def _implied_by_an_act(verb) -> bool:
    """'Karp offered one-on-one briefings, suggesting the video was only a first step': a participle
    of a verb that also means 'imply' hung on an act that is no speech, nor inside one, says what the
    act implies, the reporter's inference ('spoke to staff, suggesting ...' still reports her)."""
    return lemma(verb) in ("suggest", "indicate") and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj") \
        and verb.head.pos_ in ("VERB", "AUX") \
        and not any(is_speech(a) or is_expressive(a) for a in verb.ancestors)  # ('argued that X was ..., suggesting')
