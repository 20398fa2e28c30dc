"""A paragraph that is only a quote, right after a paragraph ending in what one leader reports by
'according to' ('This commitment to belief, according to Mabrey, is essential for the company ...'
then '"Belief is required because ..."'), is that leader going on, as a quote paragraph after 'Mabrey
said the commitment is essential.' already is (reported_quotes._after_reported_speech). The
'according to' readings and their guards are paraphrase.according_to's; this adds only the quote
after one (round 34).

The speaker must be the one source of that last sentence, with no one else named or acting in its
narration (no person noun: 'whose workers walked out'), and the quote must name no one (a quote about her, or about someone else, may be a reply).
"""
from __future__ import annotations

from onrecord.nlp.antecedents import may_be_a_person
from onrecord.nlp.quote_candidates import Attribution


def quotes_after_according_to(attribution, according, taken) -> list[tuple]:
    """(span, words, Attribution) for each such quote paragraph not yet given (taken: ids of the
    spans already in the found list); according: paraphrase.according_to's output."""
    article, mentions = attribution.article, attribution.mentions
    out = []
    for index, span in enumerate(attribution.spans):
        if id(span) in taken or span.block or span.embedded or span.signature is not None:
            continue
        here = article.paragraph_of(span.open_at)
        if here < 1 or not article.quote_paragraph(span, here):
            continue
        if article.ranges[here - 1][2] or article.ranges[here][2]:
            continue  # a blockquote before or here: someone's post, not the narration
        words = article.quoted_text(index)
        if not words[:1].isupper():
            continue
        last = article.sent_of(article.ranges[here - 1][1] - 1)
        if last is None:
            continue
        speakers = {a.leader_id for clause, _w, a in according if last.start_char <= clause.start < last.end_char}
        if len(speakers) != 1:
            continue
        (leader_id,) = speakers
        narration = [t for t in last if article.in_quote[t.i] == -1]
        if mentions.people_in(narration) - {leader_id} or mentions.people_in(article.span_tokens[index]):
            continue  # someone else in view, or the quote talks about someone: a reply may be theirs
        if any(t.ent_type_ in ("PERSON", "NORP") or may_be_a_person(t, suffixes=False)
               for t in narration if mentions.leader_at.get(t.i) != leader_id):
            continue  # 'according to Okonkwo, whose workers walked out': the workers may speak next
        out.append((span, words, Attribution(leader_id, "continuation", [last])))
    return out
