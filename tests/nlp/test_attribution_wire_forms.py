"""Common forms of wire and business reporting, each on a FICTIONAL sentence: what a careful
reader attributes, and the traps (spokespeople, relayed words, someone else's post) where no
words may go to the leader. Every person and company here is invented."""

import pytest

from onrecord.nlp.quotes import QuoteFinder, normalize_quote

LEADERS = [
    {"id": "mara-okonkwo", "name": "Mara Okonkwo", "aliases": ["Okonkwo"], "title": "Chief Executive",
     "organization": "Lumenfold"},
    {"id": "tomas-lindqvist", "name": "Tomas Lindqvist", "aliases": ["Lindqvist"], "title": "CEO",
     "organization": "Brightwater Robotics"},
    {"id": "ana-ruiz", "name": "Ana Ruiz", "aliases": ["Ruiz"], "title": "owner", "organization": "Casa Verde"},
    {"id": "ezra-musk", "name": "Ezra Musk", "aliases": ["Musk"], "title": "CEO", "organization": "Tessaract"},
]


@pytest.fixture(scope="module")
def finder():
    return QuoteFinder(LEADERS)


QUOTED = [
    ('"We are reviewing the policy," Okonkwo said in a statement.',
     'We are reviewing the policy'),
    ('"We are reviewing the policy," said Okonkwo, the chief executive of Lumenfold.',
     'We are reviewing the policy'),
    ('"We are reviewing the policy," said Lumenfold CEO Mara Okonkwo.',
     'We are reviewing the policy'),
    ('In a statement, Okonkwo said: "We are reviewing the policy."',
     'We are reviewing the policy.'),
    ('Okonkwo said in an email to the Ledger that the company "is reviewing the policy."',
     'is reviewing the policy.'),
    ('Okonkwo, speaking on a call with analysts, said: "Demand is strong."',
     'Demand is strong.'),
    ('"Demand is strong," Okonkwo told analysts on the company\'s earnings call on Tuesday.',
     'Demand is strong'),
    ('Asked about the raids, Okonkwo said: "We follow the law."',
     'We follow the law.'),
    ('When asked whether the company would comply, Okonkwo replied, "We follow the law."',
     'We follow the law.'),
    ('"We follow the law," Okonkwo, who founded Lumenfold in 2010, told reporters.',
     'We follow the law'),
    ('Okonkwo told CNBC on Monday: "We follow the law."',
     'We follow the law.'),
    ('"We follow the law," Okonkwo wrote in a LinkedIn post.',
     'We follow the law'),
    ('Okonkwo wrote on LinkedIn that "immigrants built this company."',
     'immigrants built this company.'),
    ('Okonkwo, 54, said the raids were "a disaster for our workers."',
     'a disaster for our workers.'),
    ('"It is a disaster," Okonkwo said of the raids.',
     'It is a disaster'),
    ('The company\'s chief executive, Mara Okonkwo, said the raids were "a disaster."',
     'a disaster.'),
    ('"It\'s a disaster," Mara Okonkwo, Lumenfold\'s chief executive, said in an interview.',
     "It's a disaster"),
    ('"I have never seen anything like it," Okonkwo added, noting that the raid lasted six hours.',
     'I have never seen anything like it'),
    ('"We want our workers back," Okonkwo said Tuesday at a news conference.',
     'We want our workers back'),
    ('“We’re devastated,” said Ruiz, whose family has owned the restaurant for 30 years.',
     'We’re devastated'),
    ('Okonkwo said Thursday that the company "will cooperate fully."',
     'will cooperate fully.'),
    ('According to Okonkwo, "business has dropped by half."',
     'business has dropped by half.'),
    ('"Business has dropped by half," according to Okonkwo.',
     'Business has dropped by half'),
    ('Okonkwo said she was "shocked" by the raid.',
     'shocked'),
    ('Okonkwo runs Lumenfold. "I was shocked," the Lumenfold founder said.',
     'I was shocked'),
    ('"I was shocked," Okonkwo, the chief executive of Lumenfold, said. "Nobody told us."',
     'Nobody told us.'),
    ('“It’s been very slow,” said Ruiz, adding that sales fell 40%.',
     'It’s been very slow'),
    ('Okonkwo\'s statement read: "We stand with our employees."',
     'We stand with our employees.'),
    ('“We stand with our employees,” Okonkwo’s statement said.',
     'We stand with our employees'),
    ('In a LinkedIn post, Okonkwo wrote that the raids were "unconscionable."',
     'unconscionable.'),
    ('“We had no warning,” Okonkwo told The Riverton Ledger in a phone interview Monday.',
     'We had no warning'),
    ('On the call, Okonkwo said immigration enforcement had "weighed on" traffic.',
     'weighed on'),
    ('"The impact has been significant," Okonkwo said, referring to the raids.',
     'The impact has been significant'),
    ('“We’re seeing fewer customers,” Ruiz, owner of Casa Verde, said.',
     'We’re seeing fewer customers'),
    ('“We’re seeing fewer customers,” said Ana Ruiz, 45, who owns Casa Verde.',
     'We’re seeing fewer customers'),
    ('Ana Ruiz owns Casa Verde on 26th Street.\n\n“We’re seeing fewer customers,” she said. “People are afraid.”',
     'People are afraid.'),
    ('Ana Ruiz owns Casa Verde on 26th Street.\n\n“We’re seeing fewer customers,” Ruiz said.\n\n“People are afraid '
     'to go out.”',
     'People are afraid to go out.'),
    ('Okonkwo said the company was "deeply troubled" and "would support employees."',
     'would support employees.'),
    ('"We are troubled," Okonkwo said in a video posted to social media. "We will support our people."',
     'We will support our people.'),
    ('Okonkwo responded on X: "This is wrong."',
     'This is wrong.'),
    ('Okonkwo shared a statement on LinkedIn: "We are heartbroken."',
     'We are heartbroken.'),
    ('"We are heartbroken," Okonkwo posted on LinkedIn on Sunday.',
     'We are heartbroken'),
    ('Okonkwo, in a post on X, said the agents "should be ashamed."',
     'should be ashamed.'),
    ('Okonkwo said on CNBC\'s "Squawk Box" that the raids were "a mistake."',
     'a mistake.'),
    ('"A mistake," Okonkwo said when asked about the raids.',
     'A mistake'),
    ('Speaking to reporters on Monday, Okonkwo said: "We will rebuild."',
     'We will rebuild.'),
    ('Ruiz, who has run Casa Verde for a decade, said: "It has never been this bad."',
     'It has never been this bad.'),
    ('“It has never been this bad,” said Casa Verde owner Ana Ruiz.',
     'It has never been this bad'),
    ('Okonkwo said in a statement Monday: “Our hearts go out to the families.”',
     'Our hearts go out to the families.'),
]


@pytest.mark.parametrize("text,words", QUOTED, ids=[f"quoted-{i}" for i in range(len(QUOTED))])
def test_the_quote_is_found(finder, text, words):
    assert any(normalize_quote(q.quote) == normalize_quote(words) and q.kind == "quote" for q in finder.find(text))


NOBODY = [
    'Okonkwo reacted to the mayor\'s post: "We will comply."',
    'Okonkwo addressed the union\'s letter: "We demand answers."',
    'Lumenfold released a statement on Monday. Here is the full statement:\n\nWe are monitoring the situation.',
    "Okonkwo responded to the mayor's statement. Here is the full statement:\n\nWe are monitoring the situation.",
    'Okonkwo was blunt, but the mayor was blunter: "No."',
    'The message was clear: "Leave."',
    'Protesters chanted "Abolish ICE" and "No justice, no peace" outside Okonkwo\'s office.',
    'Okonkwo sent a memo that quoted the mayor as saying "we will act."',
    'Okonkwo met two billionaires. "We agreed," the billionaire said.',
    'Okonkwo met Lindqvist. "We agreed," the billionaire said.',
    'Okonkwo spoke to the mayor, who told her: "We will act."',
    'A Lumenfold spokesperson said: "We are reviewing the policy."',
    'Lumenfold said in a statement that it "is reviewing the policy."',
    'Okonkwo did not respond to a request for comment.',
    '"We are heartbroken," the company said in a statement signed by Okonkwo.',
    '"Our workers are scared," said Dana Ruiz, who owns a bakery near Okonkwo\'s plant.',
    '"We call for calm," the letter signed by Okonkwo and 60 others said.',
    'Okonkwo was asked whether the company would comply. "We follow the law," a spokesperson said.',
    '"She should resign," said Dale Murrow, a union leader, of Okonkwo.',
    'Okonkwo has not commented publicly. "The silence is deafening," one employee said.',
    '"Okonkwo has been silent," the senator said.',
    'Lumenfold, led by Okonkwo, said it would "comply with all laws."',
    'Okonkwo\'s company posted on X: "We stand with our employees."',
    'Okonkwo\'s spokesperson told the Ledger: "She is traveling."',
    'Okonkwo retweeted the mayor, who wrote: "Agents out."',
    'Asked about Okonkwo, the mayor said: "She has been helpful."',
    '"Okonkwo is a friend," Murrow said. "She called me Monday."',
    '"Ms. Okonkwo, you must act," the letter said.',
    '"Lumenfold was fully cooperative," the agency said in a statement.',
    'Okonkwo has not spoken publicly. A Lumenfold spokeswoman said the company was cooperating. "We take this '
    'seriously," she said.',
    'Trump said Musk was "a great guy."',
    'Musk replied to Trump\'s post, which said "we will deport them all."',
    'Musk, replying to a user who wrote "ICE is evil," posted a laughing emoji.',
    'Okonkwo declined to comment, but the company said it "respects the law."',
    'Okonkwo did not respond to requests for comment. "We are aware," a company representative said.',
    'The letter to Okonkwo read: "We demand answers."',
    'Workers told Okonkwo: "We are scared."',
    'Okonkwo heard from workers who said they were "terrified."',
    'Musk\'s father, Errol, said: "He is wrong."',
    '"I support Okonkwo," said Lindqvist\'s spokesperson.',
    'Employees at Okonkwo\'s company said they felt "abandoned."',
    'Okonkwo\'s silence was "deafening," one worker said.',
    'Okonkwo, like other executives, has been "quiet," critics say.',
    'Critics called Okonkwo\'s response "weak."',
    'The mayor, speaking after Okonkwo, said the city was "united."',
    'Okonkwo introduced the mayor, who said: "We will protect you."',
    'Okonkwo sat next to the governor, who told the crowd: "Go home."',
    'Okonkwo and the governor spoke. "We agree," they said.',
    'Okonkwo spoke after the governor, who said the raids were "illegal."',
    'In a post that Okonkwo later deleted, a user wrote: "Abolish ICE."',
    '"Abolish ICE," read the sign Okonkwo held.',
    'Okonkwo read aloud from the governor\'s letter: "We must act."',
    'Okonkwo liked a post that said "deport them all."',
    'A post shared by Okonkwo said: "Deport them all."',
]


@pytest.mark.parametrize("text", NOBODY, ids=[f"nobody-{i}" for i in range(len(NOBODY))])
def test_no_words_for_anyone_listed(finder, text):
    assert finder.find(text) == []


PASSAGES = [
    ('Okonkwo said the raid "terrified" her staff. "Half of them did not come in the next day," she said. "I do '
     'not blame them."',
     {('mara-okonkwo', 'Half of them did not come in the next day'),
      ('mara-okonkwo', 'I do not blame them.'),
      ('mara-okonkwo', 'terrified')}),
    ('"We had 40 workers," said Ruiz, who owns Casa Verde. "Now we have 12."\n\nShe said she has cut her hours.',
     {('ana-ruiz', 'Now we have 12.'), ('ana-ruiz', 'We had 40 workers'), ('ana-ruiz', 'she has cut her hours')}),
    ('"I want to be clear: we do not share data with the agency," Okonkwo said.',
     {('mara-okonkwo', 'I want to be clear: we do not share data with the agency')}),
    ('"They said, \'You have five minutes,\'" Ruiz recalled.',
     {('ana-ruiz', "They said, 'You have five minutes,'")}),
    ('Okonkwo said the company "has never, and will never, share customer data."',
     {('mara-okonkwo', 'has never, and will never, share customer data.')}),
    ('“This is our home,” Ruiz said through an interpreter.',
     {('ana-ruiz', 'This is our home')}),
    ('Ruiz, speaking in Spanish, said: “We are afraid.”',
     {('ana-ruiz', 'We are afraid.')}),
    ('“We are afraid,” Ruiz said in Spanish. “Nobody wants to go out.”',
     {('ana-ruiz', 'Nobody wants to go out.'), ('ana-ruiz', 'We are afraid')}),
    ('The mayor praised Okonkwo. "She has been a partner," the mayor said.',
     set()),
    ('Okonkwo\'s husband, Dale, said: "She barely sleeps."',
     set()),
    ('Okonkwo thanked her employees. "You are the heart of this company," she wrote in the email, which was '
     'reviewed by the Ledger.',
     {('mara-okonkwo', 'You are the heart of this company')}),
    ('In the email, Okonkwo wrote that she was "proud" of the staff and that the company would "keep every job."',
     {('mara-okonkwo', 'keep every job.'), ('mara-okonkwo', 'proud')}),
    ('Okonkwo said she had spoken to the governor.\n\n"He told me this was federal," Okonkwo said. "I said, \'Then '
     'call Washington.\'"',
     {('mara-okonkwo', 'He told me this was federal'),
      ('mara-okonkwo', "I said, 'Then call Washington.'"),
      ('mara-okonkwo', 'she had spoken to the governor')}),
    ('Employees cheered when Okonkwo announced the fund. "We take care of our own," she told them.',
     {('mara-okonkwo', 'We take care of our own')}),
    ('Okonkwo answered a question from a reporter. "We follow the law," she said.',
     {('mara-okonkwo', 'We follow the law')}),
    ('Asked if she would meet the governor, Okonkwo said: "If he asks, yes."',
     {('mara-okonkwo', 'If he asks, yes.')}),
    ('"We follow the law," Okonkwo said Monday in a statement to the Ledger. "Our workers are authorized."',
     {('mara-okonkwo', 'Our workers are authorized.'), ('mara-okonkwo', 'We follow the law')}),
    ('Okonkwo, who spoke on condition that her remarks be published in full, said: "We will not comply."',
     {('mara-okonkwo', 'We will not comply.')}),
    ('A source close to Okonkwo said she was "furious."',
     set()),
    ('Okonkwo is said to have called the raid "a disgrace."',
     set()),
    ('Okonkwo allegedly told staff the raid was "a disgrace."',
     set()),
    ('Okonkwo was quoted as saying the raid was "a disgrace."',
     set()),
    ('Okonkwo was heard telling staff: "Stay inside."',
     set()),
    ('"Stay inside," Okonkwo was heard telling staff.',
     set()),
    ('Okonkwo plans to say on Monday that "the company will comply."',
     set()),
    ('Okonkwo, in a video message on Monday, described the raid as "a wound to our community."',
     {('mara-okonkwo', 'a wound to our community.')}),
    ('Okonkwo wrote on LinkedIn: "Proud of our team."\n\nRuiz replied: "Same."',
     {('ana-ruiz', 'Same.'), ('mara-okonkwo', 'Proud of our team.')}),
    ('Okonkwo on Monday called the raid "cruel" — and said the company would pay legal fees.',
     {('mara-okonkwo', 'cruel'), ('mara-okonkwo', 'the company would pay legal fees')}),
]


@pytest.mark.parametrize("text,pairs", PASSAGES, ids=[f"passage-{i}" for i in range(len(PASSAGES))])
def test_exactly_these_words_and_speakers(finder, text, pairs):
    have = {(q.leader_id, normalize_quote(q.quote)) for q in finder.find(text)}
    want = {(leader, normalize_quote(words)) for leader, words in pairs}
    # every expected pair found; anything else found is part of one (a paraphrase around a quote)
    assert want <= have
    assert all(any(h[0] == w[0] and (h[1] in w[1] or w[1] in h[1]) for w in want) for h in have)


# --- a tag between a quoted subject and the sentence's own verb -----------------------------------

@pytest.mark.parametrize("text,words", [
    ('"The larger issue for us," Okonkwo added, is that the raids "are going to hurt every worker we have."',
     "are going to hurt every worker we have"),
    ('"Our biggest worry," Okonkwo said, remains that agents "will come back next week."',
     "will come back next week"),
])
def test_a_quote_in_the_clause_after_a_split_subject_is_hers(finder, text, words):
    assert ("mara-okonkwo", words) in {(q.leader_id, normalize_quote(q.quote)) for q in finder.find(text)}


@pytest.mark.parametrize("text", [
    '"The larger issue for us," Okonkwo added, is what the union called "a disgrace."',
    '"The larger issue for us," Okonkwo added, is that the union describes the raids as "a disgrace."',
    '"The larger issue for us," Okonkwo added, is that Dale Murrow "will not listen to anyone."',
])
def test_someone_elses_words_in_that_clause_are_not_hers(finder, text):
    assert {normalize_quote(q.quote) for q in finder.find(text)} == {"the larger issue for us"}
