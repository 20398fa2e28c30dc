"""How quotes reach the page on real websites, each on a FICTIONAL sentence: guillemets, mixed
and doubled marks, link labels left by text extraction, a tag printed twice, inverted tags the
small model misparses. What a careful reader attributes, and where no words may go. Every person
and company here is invented."""

import pytest

from onrecord.nlp.quotes import QuoteFinder, normalize_quote

LEADERS = [
    {"id": "mara-okonkwo", "name": "Mara Okonkwo", "aliases": ["Okonkwo"], "title": "Chief Executive",
     "organization": "Lumenfold"},
    {"id": "ana-ruiz", "name": "Ana Ruiz", "aliases": ["Ruiz"], "title": "owner", "organization": "Casa Verde"},
]


@pytest.fixture(scope="module")
def finder():
    return QuoteFinder(LEADERS)


QUOTED = [
    ('Okonkwo said: «We will not comply with these raids.»',
     'We will not comply with these raids.'),
    ('«We will not comply,» Okonkwo said in a statement.',
     'We will not comply'),
    ('“My question is: why us?" Okonkwo said. “We do everything by the book.”',
     'My question is: why us?'),
    ('“My question is: why us?" Okonkwo said. “We do everything by the book.”',
     'We do everything by the book.'),
    ('“We had no warning," she said. Okonkwo runs Lumenfold.',
     None),  # (no one named before "she": nothing, see NOBODY)
    ('“There was finally a sense of calm,’’ said Okonkwo, whose company employs 300 people.',
     'There was finally a sense of calm'),
    ('Suddenly, agents seemed to be everywhere. “We saw agents on farms, pointing rifles at cows, and removing '
     'half the workforce,’’ said Ruiz, whose restaurant employs 40 people and supports increased legal '
     'immigration.',
     'We saw agents on farms, pointing rifles at cows, and removing half the workforce'),
    ('Okonkwo stated that: «We realize this is a sensitive topic,» stated Mara Okonkwo, CEO of Lumenfold.',
     'We realize this is a sensitive topic'),
    ('Ruiz later apologized, saying she “sincerely regret[ted] (opens in new tab)” the remarks.',
     'sincerely regret[ted]'),
    # a curly pair around the tag, each closed by a straight mark (round 10)
    ('“We are already open. We stay," said Ruiz. "Let them come and see.”',
     'We are already open. We stay'),
    ('“We are already open. We stay," said Ruiz. "Let them come and see.”',
     'Let them come and see.'),
    # a straight quote nested inside a curly one stays inside it
    ('“They called it "a raid," and I believe them,” Okonkwo said.',
     'They called it "a raid," and I believe them'),
]


@pytest.mark.parametrize("text,words", [q for q in QUOTED if q[1]], ids=[f"quoted-{i}" for i, q in
                                                                          enumerate(QUOTED) if q[1]])
def test_the_quote_is_found(finder, text, words):
    found = [normalize_quote(q.quote) for q in finder.find(text) if q.kind == "quote"]
    assert normalize_quote(words) in found, found


NOBODY = [
    '“We had no warning," she said. Okonkwo runs Lumenfold.',
    'Okonkwo stated that: «We will act,» stated the mayor.',
    '«Okonkwo has been silent,» the senator said.',
    '“She should resign,’’ said Dale Murrow, a union leader, of Okonkwo.',
]


@pytest.mark.parametrize("text", NOBODY, ids=[f"nobody-{i}" for i in range(len(NOBODY))])
def test_no_words_for_anyone_listed(finder, text):
    assert finder.find(text) == []


def test_link_labels_are_not_words(finder):
    """'(opens in new tab)' is a screen reader's label of a link, not the article's words."""
    text = 'Okonkwo told the “Riverton Ledger” (opens in new tab) that she was “shocked” by the raid.'
    found = finder.find(text)
    assert found and all("opens in new tab" not in q.quote and "opens in new tab" not in q.context for q in found)


# Reported speech (kind paraphrase): the clause as the article words it.
PARAPHRASED = [
    ('Okonkwo claimed she has been "widely reviled" for her stance.',
     'she has been "widely reviled" for her stance'),
    ('Okonkwo said rising enforcement has "disrupted our operations significantly."',
     'rising enforcement has "disrupted our operations significantly'),
    ('The raids could delay hiring by "two or three months," Okonkwo said, but the plan remains unchanged.',
     'The raids could delay hiring by "two or three months'),
    ('Okonkwo also stated her belief that the guard should not patrol the city.',
     'the guard should not patrol the city'),
    ('Okonkwo helped start the debate by telling the “Riverton Ledger” (opens in new tab) last week that she '
     'supported the plan.',
     'she supported the plan'),
    ('In the wake of suggesting that troops be sent to the city, Okonkwo is facing criticism.',
     'troops be sent to the city'),
    ('After telling staff that the raids were lawful, Okonkwo left for Davos.',
     'the raids were lawful'),
    ('Towards the end, Okonkwo said Lumenfold would not change its policy and claimed institutions that break '
     'laws do not use its products.',
     'institutions that break laws do not use its products'),
    ('Okonkwo told Ledgerpost the situation was "fluid."',
     'the situation was "fluid'),
]


@pytest.mark.parametrize("text,words", PARAPHRASED, ids=[f"paraphrased-{i}" for i in range(len(PARAPHRASED))])
def test_the_paraphrase_is_found(finder, text, words):
    found = [normalize_quote(q.quote) for q in finder.find(text) if q.kind == "paraphrase"]
    assert normalize_quote(words) in found, found


NOT_PARAPHRASED = [
    # the clause is the reporter's lead into a quote the tag attributes
    'All are here legally - but "they are very afraid," Okonkwo said.',
    # after the partial quote the reporter goes on: the clause is not what she said
    'Okonkwo told CNN she "could not believe what I saw" when news broke that the workers had been detained.',
    # the object of "for" or "of" may be the one who spoke; "instead of" and "without": not said
    'Ruiz criticized Okonkwo for saying that the raids were lawful.',
    'Ruiz accused Okonkwo of saying that the raids were lawful.',
    'Instead of saying that the raids must end, Okonkwo praised the agents.',
    'Without saying that the raids must end, Okonkwo left.',
    # a mark that pairs with nothing: where the quote starts is unknown
    'Okonkwo said the agents” were polite and the company would comply.',
]


@pytest.mark.parametrize("text", NOT_PARAPHRASED, ids=[f"not-paraphrased-{i}" for i in range(len(NOT_PARAPHRASED))])
def test_no_paraphrase_for_the_leader(finder, text):
    found = finder.find(text)
    assert not [q for q in found if q.kind == "paraphrase" and q.leader_id == "mara-okonkwo"], found


def test_who_was_told_is_not_what_was_said(finder):
    found = finder.find('Okonkwo told the “Riverton Ledger” that she would not comment.')
    assert [normalize_quote(q.quote) for q in found] == ["she would not comment"]
    found = finder.find('Okonkwo told Ledgerpost the situation was "fluid."')
    assert all("ledgerpost" not in normalize_quote(q.quote) for q in found) and found


def test_a_second_act_coordinated_too_low_keeps_the_first_clause_whole(finder):
    text = ('Towards the end, Okonkwo said Lumenfold would not change its policy and claimed institutions that '
            'break laws do not use its products.')
    found = {normalize_quote(q.quote) for q in finder.find(text) if q.kind == "paraphrase"}
    assert normalize_quote("Lumenfold would not change its policy") in found


def test_someone_elses_clause_in_her_reported_speech_stays_hers_alone(finder):
    """'Okonkwo said Ruiz had criticized the plan and claimed ...': Ruiz's claim inside Okonkwo's
    account is no statement of Ruiz's."""
    found = finder.find('Okonkwo said Ruiz had criticized the plan and claimed it was illegal.')
    assert not [q for q in found if q.leader_id == "ana-ruiz"]


# A role before the name in a wire story's lede ("The owner of ... says"), then the name with
# that title: the leader's. Anywhere else, or with anyone named before or in between: nobody's.
NAMED_LATER = [
    ('OMAHA, Neb. (AP) — The owner of an Omaha restaurant says her business has been crushed by the raids.\n\n'
     'Casa Verde lost half its staff last week, owner Ana Ruiz said Wednesday.',
     'her business has been crushed by the raids'),
    ('Agents raided a restaurant in a surprise action that the restaurant’s owner called “terrifying.”\n\n'
     'Police said the operation was federal. Casa Verde owner Ana Ruiz said she was not told why.',
     'terrifying'),
]


@pytest.mark.parametrize("text,words", NAMED_LATER, ids=[f"named-later-{i}" for i in range(len(NAMED_LATER))])
def test_a_role_named_later_in_the_lede(finder, text, words):
    found = {(q.leader_id, normalize_quote(q.quote)) for q in finder.find(text)}
    assert ("ana-ruiz", normalize_quote(words)) in found, found


NOT_NAMED_LATER = [
    # not the lede: another owner may be meant
    'Business is down across the city.\n\nThe owner of a nearby bakery says sales are down.\n\n'
    'Across town, owner Ana Ruiz said business was steady.',
    # someone else named first
    'The owner of a nearby bakery says sales are down, Mayor Dale Murrow said. Owner Ana Ruiz said business was '
    'steady.',
    # another person named in between
    'The owner of a nearby bakery says sales are down. Dale Murrow, a baker, disagreed. Owner Ana Ruiz said '
    'business was steady.',
    # named without that title, or not in full
    'The owner of a nearby bakery says sales are down. Ana Ruiz, a chef, said business was steady.',
    'The owner of a nearby bakery says sales are down. Owner Ruiz said business was steady.',
    # the role is someone else's: a group's, a named family's
    'The head of the union says sales are down. Owner Ana Ruiz said business was steady.',
    'The owner of the Murrow bakery says sales are down. Owner Ana Ruiz said business was steady.',
]


@pytest.mark.parametrize("text", NOT_NAMED_LATER, ids=[f"not-named-later-{i}" for i in range(len(NOT_NAMED_LATER))])
def test_a_role_is_not_given_a_later_name_on_doubt(finder, text):
    found = [q for q in finder.find(text) if "sales are down" in q.quote]
    assert found == []


def test_a_dateline_is_nobody(finder):
    """'Ledgerpost (20/9/2025): ...' names the outlet, not someone a later 'she' could be."""
    text = ('Ledgerpost (20/9/2025): The chief executive of Lumenfold, Mara Okonkwo, revealed she was caught by '
            'surprise. She said she first learned of the raid from the news.')
    found = {normalize_quote(q.quote) for q in finder.find(text) if q.leader_id == "mara-okonkwo"}
    assert normalize_quote("she first learned of the raid from the news") in found


def test_her_memo_makes_her_the_antecedent_but_a_letter_keeps_its_words(finder):
    """'Okonkwo's memo emphasized ... She also noted that she had joined ... a letter asking for
    "de-escalation"': her reported speech, but the quoted words are the group letter's."""
    text = ('Okonkwo’s memo, circulated internally, emphasized the toll of recent events. She also noted that she '
            'had joined 60 business leaders in signing an open letter asking for “de-escalation” and calm.')
    found = finder.find(text)
    assert any(q.kind == "paraphrase" and q.quote.startswith("she had joined") for q in found)
    assert not [q for q in found if q.kind == "quote"]


PASSAGES = [
    # a quote that goes on with the paragraph of her reported speech, to its end (cut short by
    # the excerpt, its closing mark missing)
    ('Okonkwo said the raids hurt sales. “We will fight for every worker, whatever it costs us.',
     {('mara-okonkwo', 'the raids hurt sales'),
      ('mara-okonkwo', 'We will fight for every worker, whatever it costs us.')}),
    # but not one with a tag of its own, nor after someone else is named
    ('Okonkwo said the raids hurt sales. "We will fight," Ruiz said.',
     {('mara-okonkwo', 'the raids hurt sales'), ('ana-ruiz', 'We will fight')}),
    ('Okonkwo said the mayor had called. "We will fight."',
     {('mara-okonkwo', 'the mayor had called')}),
    # a clause is no name: "described being '...'"
    ("Okonkwo described being 'convicted in the headlines' for a year.",
     {('mara-okonkwo', 'convicted in the headlines')}),
    ('Okonkwo described working with the "Rapid Response" network.',
     set()),
    # "reportedly" on a standalone quote's tag: the outlet prints the words as another read them
    ('"We stand with our workers," Okonkwo reportedly wrote, per the Ledger.',
     {('mara-okonkwo', 'We stand with our workers')}),
    ('"We stand with our workers," Okonkwo allegedly wrote.',
     set()),
    ('Okonkwo reportedly told staff the raid was "a disgrace."',
     set()),
    ('According to sources close to the matter, Okonkwo conveyed to the board that their "values were no '
     'longer aligned."',
     {('mara-okonkwo', 'values were no longer aligned.')}),
]


@pytest.mark.parametrize("text,pairs", PASSAGES, ids=[f"passage-{i}" for i in range(len(PASSAGES))])
def test_exactly_these_words_and_speakers(finder, text, pairs):
    have = {(q.leader_id, normalize_quote(q.quote)) for q in finder.find(text)}
    assert have == {(leader, normalize_quote(words)) for leader, words in pairs}


AFTER_A_COLON = [
    ('Okonkwo also highlighted another pressing issue: even if the diner were full, she lacks the staff to '
     'serve it.',
     'even if the diner were full, she lacks the staff to serve it'),
    ('Okonkwo delivered a message that is sure to inflame the debate: protesters should want more of her '
     'software in federal agencies.',
     'protesters should want more of her software in federal agencies'),
]


@pytest.mark.parametrize("text,words", AFTER_A_COLON, ids=[f"after-colon-{i}" for i in range(len(AFTER_A_COLON))])
def test_a_clause_after_a_colon_is_her_reported_speech(finder, text, words):
    found = [(q.kind, normalize_quote(q.quote)) for q in finder.find(text)]
    assert ("paraphrase", normalize_quote(words)) in found


@pytest.mark.parametrize("text", [
    'Okonkwo spoke with the mayor: the two agreed to meet again next week.',
    'The mayor said Okonkwo was wrong: the raids were legal.',
    'Okonkwo was asked about the raids: she declined to comment on them.',
    'Okonkwo did not say: the raids were wrong and must stop.',
    'Okonkwo reacted to the mayor: the mayor had called the raids a success.',
])
def test_a_colon_that_tells_what_happened_gives_no_words(finder, text):
    assert finder.find(text) == []


TRANSCRIPT = ('The interview, lightly edited:\n\nSORKIN: Are you worried about the raids?\n\n'
              'OKONKWO: We are worried about every one of our workers, every day.\n\nSORKIN: And the mayor?\n\n'
              'Okonkwo: I have said what I have to say about him.')


def test_a_transcript_gives_each_labelled_paragraph_to_its_speaker(finder):
    found = {(q.leader_id, normalize_quote(q.quote), q.pattern) for q in finder.find(TRANSCRIPT)}
    assert found == {("mara-okonkwo", normalize_quote("We are worried about every one of our workers, every day."),
                      "transcript"),
                     ("mara-okonkwo", normalize_quote("I have said what I have to say about him."), "transcript")}


def test_a_quoted_label_line_is_the_leaders(finder):
    text = 'Reactions poured in.\n\nOkonkwo: "We will not comply with these raids."\n\nRuiz: "We stand with our workers."'
    found = {(q.leader_id, normalize_quote(q.quote)) for q in finder.find(text)}
    assert found == {("mara-okonkwo", "we will not comply with these raids"), ("ana-ruiz", "we stand with our workers")}


@pytest.mark.parametrize("text", [
    'Okonkwo: "We will not comply"',                         # a headline
    'Okonkwo: We will not comply with these raids at all.',  # unquoted, and no transcript
    'Mara: "We will not comply."',                           # part of a name
    'Dale Murrow: "Okonkwo will not comply."',               # someone else
])
def test_no_label_words_on_doubt(finder, text):
    assert finder.find(text) == []


@pytest.mark.parametrize("text,pairs", [
    ('"We cannot change our plan because of one raid," Okonkwo',
     {("mara-okonkwo", "we cannot change our plan because of one raid")}),
    ('"We cannot change our plan because of one raid." Okonkwo', set()),   # no comma: no tag follows
    ('"We cannot change our plan because of one raid," Mara', set()),      # part of a name
    ('"Okonkwo cannot change her plan," Dale Murrow', set()),              # someone else
])
def test_an_excerpt_cut_inside_the_tag(finder, text, pairs):
    assert {(q.leader_id, normalize_quote(q.quote)) for q in finder.find(text)} == pairs


@pytest.mark.parametrize("text,pairs", [
    ('Okonkwo put it bluntly: "This is wrong."', {("mara-okonkwo", "this is wrong", "quote")}),
    ('"This is wrong," as Okonkwo put it.', {("mara-okonkwo", "this is wrong", "quote")}),
    ('Okonkwo put the memo on the table: "This is wrong."', set()),
    ('Okonkwo said Monday the company would pull its contract.',
     {("mara-okonkwo", "the company would pull its contract", "paraphrase")}),
    ('Okonkwo said Monday was the worst day of her career.',
     {("mara-okonkwo", "monday was the worst day of her career", "paraphrase")}),
])
def test_idioms_of_saying_and_when_it_was_said(finder, text, pairs):
    assert {(q.leader_id, normalize_quote(q.quote), q.kind) for q in finder.find(text)} == pairs


@pytest.mark.parametrize("text,pairs", [
    ('“We will not comply.” — Mara Okonkwo, CEO of Lumenfold', {("mara-okonkwo", "we will not comply")}),
    ('Intro.\n\n“We will not comply.” —Okonkwo\n\nMore text here.', {("mara-okonkwo", "we will not comply")}),
    ('“We will not comply” — Mara Okonkwo', set()),             # no sentence end: a headline's form
    ('“Okonkwo will not comply.” — Dale Murrow, the mayor', set()),
    ('“We will not comply.” — Mara', set()),
])
def test_a_quote_signed_with_a_name(finder, text, pairs):
    assert {(q.leader_id, normalize_quote(q.quote)) for q in finder.find(text)} == pairs


# --- a summary's list items with their bullets glued to the first word ---------------------------

def test_a_list_item_with_a_glued_bullet_is_read_as_its_sentence(finder):
    text = ("Key points\n\n"
            '- •Okonkwo, in a memo to staff, stated that the raids were "going much too far."\n\n'
            '•Ruiz called for "calm" on Friday.')
    quotes = {(q.leader_id, normalize_quote(q.quote)) for q in finder.find(text) if q.kind == "quote"}
    assert quotes == {("mara-okonkwo", "going much too far"), ("ana-ruiz", "calm")}


def test_a_list_item_that_only_names_a_leader_gives_no_words(finder):
    text = ("Key points\n\n"
            '- •Okonkwo was criticised by the union, whose letter called the raids "a disgrace."\n\n'
            '•The "Lumenfold pledge" drew 60 signatures, Ruiz among them.')
    assert [q for q in finder.find(text)] == []
