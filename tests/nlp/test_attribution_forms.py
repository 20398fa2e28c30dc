"""The reporting forms of real news articles (issue 11), each on a FICTIONAL sentence.

Every person, company and outlet here is invented; the sentences imitate the forms of real
reporting, never its words. See tests/nlp/test_quotes.py for the original patterns.
"""

import pytest

from onrecord.nlp.quotes import QuoteFinder, normalize_quote

LEADERS = [
    {"id": "mara-okonkwo", "name": "Mara Okonkwo", "aliases": ["Okonkwo"],
     "title": "Chief Executive", "organization": "Lumenfold"},
    {"id": "tomas-lindqvist", "name": "Tomas Lindqvist", "aliases": ["Lindqvist"],
     "title": "CEO", "organization": "Brightwater Robotics"},
    {"id": "iris-vantongeren", "name": "Iris Vantongeren", "aliases": ["Vantongeren"],
     "title": "Chief Scientific Officer", "organization": "Harrowgate"},
    {"id": "rafael-oyelaran", "name": "Rafael Oyelaran", "aliases": ["Oyelaran"],
     "title": "President and CEO", "organization": "Petrel Pay"},
]


@pytest.fixture(scope="module")
def finder():
    return QuoteFinder(LEADERS)


def found(finder, text):
    return {(q.leader_id, normalize_quote(q.quote), q.kind) for q in finder.find(text)}


QUOTES = [
    ("layered-sourcing-after", '"We will not let this stand," Okonkwo wrote in a message to employees, '
     "a person familiar with the matter said.", "We will not let this stand"),
    ("layered-according-to", '"We will not let this stand," Okonkwo said, according to a transcript seen by the '
     "Riverton Ledger.", "We will not let this stand"),
    ("colon-after-layered-sourcing", 'Okonkwo said on a podcast, according to the Riverton Ledger: "The raids are '
     'a moral failure."', "The raids are a moral failure."),
    ("participial-writing", 'Okonkwo posted a photo of the vigil on Instagram, writing, "We stand with Riverton."',
     "We stand with Riverton."),
    ("participial-saying", 'Okonkwo decried the operation on Monday, saying, "Families are being torn apart."',
     "Families are being torn apart."),
    ("slammed-colon", 'Okonkwo slammed the raids: "This is not who we are."', "This is not who we are."),
    ("blasted-colon", 'Okonkwo blasted the administration on Monday: "Masked agents have no place in our schools."',
     "Masked agents have no place in our schools."),
    ("lamented", 'Okonkwo lamented, "We used to welcome people here."', "We used to welcome people here."),
    ("proclaimed-comma", 'Okonkwo proclaimed, "The company was built for this moment."',
     "The company was built for this moment."),  # heldout73 tu11's form
    ("proclaimed-after", '"The company was built for this moment," Okonkwo proclaimed.', "The company was built for this moment"),
    ("tweeted-colon", 'Okonkwo tweeted Monday: "The agents must leave our city."', "The agents must leave our city."),
    ("posted-no-comma", 'Okonkwo posted on X "nobody here is safe. nobody." Okonkwo later deleted the post.',
     "nobody here is safe. nobody."),
    ("replied-one-word", 'Okonkwo replied "Shameful" to a video of the arrest.', "Shameful"),
    ("caption", 'Okonkwo posted a screenshot of the agency\'s statement with the caption "Read it twice" on Sunday.',
     "Read it twice"),
    ("whole-title-possessive", '"We are heartbroken," Harrowgate\'s chief scientific officer said on Sunday.',
     "We are heartbroken"),
    ("role-after-name", 'Okonkwo went on to praise the governor.\n\n"The governor is a decent man, and I hope he '
     'acts," the chief executive continued.', "The governor is a decent man, and I hope he acts"),
    ("pronoun-past-an-official-in-the-object",
     "Okonkwo said she was called by Governor Dale Murrow after the raid.\n\n"
     '"I got a call apologizing for what happened," she said.', "I got a call apologizing for what happened"),
    ("pronoun-past-the-quote-sentences",
     'Okonkwo said she wanted to know who was detained.\n\n"Are they criminals? Did they break a law?" she said.',
     "Are they criminals? Did they break a law?"),
    ("continuation-after-an-addressee", '"Protest for more of our software," Okonkwo told the Ledger\'s Dana Ruiz. '
     '"Our product protects your data."', "Our product protects your data."),
    ("straight-opened-curly-closed", 'Okonkwo declared, "We cannot bend the knee.” The crowd cheered.',
     "We cannot bend the knee."),
    ("double-prime-opening", "″I do not like what I see,” Okonkwo said.", "I do not like what I see"),
    ("addressed-as", "Okonkwo also addressed the shootings as 'incredibly painful' on Monday.",
     "incredibly painful"),
    ("partial-then-parenthetical", 'Okonkwo spoke next.\n\nThe raids could delay hiring by "a full year," she said, '
     "but the plan stands.", "a full year"),
    ("past-tense-line-without-full-stop", "Mara Okonkwo, chief executive of Lumenfold, labeled the video 'plainly "
     "cruel'\n\nThe company did not respond to questions.", "plainly cruel"),
    ("excerpt-cut-before-the-full-stop", 'Okonkwo spoke at noon. "We will not build this," Okonkwo posted',
     "We will not build this"),
    ("participle-after-a-reported-state", 'Okonkwo took to X to argue that Ruiz was at fault, stating in two posts '
     'that "no agent has hurt anyone."', "no agent has hurt anyone."),
    ("participle-after-an-accusation", 'Okonkwo rejected claims that Governor Dale Murrow is a tyrant, saying, '
     '"Of course not. That is silly."', "Of course not. That is silly."),
    ("name-as-a-modifier-is-no-antecedent", 'Okonkwo, another Lindqvist partner, spoke next. "I disagree with '
     'Tomas," she posted.', "I disagree with Tomas"),
    ("weighed-in-colon", 'Lumenfold chief Mara Okonkwo has also weighed in: "Agents shot a man who was '
     'restrained."', "Agents shot a man who was restrained."),
    ("blunt-colon", 'Speaking of the raid, Okonkwo was even more blunt: "He never drew a weapon. Shame on you."',
     "He never drew a weapon. Shame on you."),
    ("coordinated-second-quote", 'Okonkwo elaborated on X, writing: "no i agree these are crimes" and "absolute '
     'nonsense. it does not matter"', "absolute nonsense. it does not matter"),
    ("continuation-past-an-outlet", 'Okonkwo spoke on Monday. "I care about two things," she said as the Riverton Ledger reports. "On '
     'both, the mayor has failed."', "On both, the mayor has failed."),
    ("expressed-over", 'In the memo, Okonkwo expressed her grief over "the events in Riverton," offering '
     "condolences.", "the events in Riverton"),
    ("mentioned-having", 'Okonkwo mentioned having "a frank talk" with the governor.', "a frank talk"),
    ("dash-aside-before-the-clause", 'Okonkwo told staff in a memo — first reported by the Ledger — that she '
     'has "spoken with the governor" and that "this is a time for calm".', "spoken with the governor"),
    ("what-she-termed-in-her-own-act", 'The dispute centred on Okonkwo\'s opposition to what she termed a '
     '"reckless" bill.', "reckless"),
    ("descriptive-role", 'Okonkwo spoke at the forum on Monday.\n\n"They are good people," the 58-year-old head '
     "of the country's largest lender said.", "They are good people"),
    ("a-list-of-her-acts", "In a brief message, Okonkwo – the executive set to lead Lumenfold – described the "
     'violence as "deeply painful," urged calm and pledged to listen.', "deeply painful,"),
    ("in-what-her-memo-does", "Lumenfold's operations chief, Mara Okonkwo, sent a memo that pointed staff to new "
     'guidance on how to handle "disruption near our sites."', "disruption near our sites."),
    ("unmarked-spoken-words", "Okonkwo spoke on Monday. She asserted, Staying quiet is not neutral. It is a "
     "choice.", "Staying quiet is not neutral. It is a choice."),
    ("statement-read", "Okonkwo's statement read: \"We stand with our employees.\"", "We stand with our employees."),
    ("her-response-was-blunt", 'Okonkwo\'s response was blunt: "We will not comply."', "We will not comply."),
    ("her-message-to-staff", 'Okonkwo\'s message to staff on Monday: "Stay safe and stay home."',
     "Stay safe and stay home."),
    ("had-a-message-for", 'Okonkwo had a simple message for the agency: "Leave our workers alone."',
     "Leave our workers alone."),
    ("photo-with-the-message", 'Okonkwo posted a photo with the message: "Solidarity."', "Solidarity."),
    ("promised-would-be", "Employees packed a hall for a town hall that chief executive Mara Okonkwo had promised "
     'would be "a real conversation."', "a real conversation."),
    ("continuation-past-the-platform", '"Detaining people at a bus stop is not safety," Okonkwo wrote on Bluesky. '
     '"It is a show."', "It is a show."),
    ("participle-on-an-event", "Now Okonkwo has also weighed in on the tragedy telling employees she's "
     "'heartbroken' by what happened.", "heartbroken"),
    ("quote-paragraph-after-reported-speech", 'Okonkwo said the raids had cut sales by half.\n\n"We lost our '
     'regulars in a week."', "We lost our regulars in a week."),
    ("partial-deep-in-reported-speech", "Okonkwo would go on to note that hiring requires engineers who are scarce "
     'here, despite it being a "well developed country." The panel ended.', "well developed country."),
]


@pytest.mark.parametrize("text,quote", [c[1:] for c in QUOTES], ids=[c[0] for c in QUOTES])
def test_finds_the_quote(finder, text, quote):
    assert ("mara-okonkwo" if "Harrowgate" not in text else "iris-vantongeren",
            normalize_quote(quote), "quote") in found(finder, text)


def test_split_quote_with_another_after_it(finder):
    text = '"We will fight this," Okonkwo said, "and we will win." "Nobody should live in fear."'
    assert found(finder, text) == {("mara-okonkwo", "we will fight this and we will win", "quote"),
                                   ("mara-okonkwo", "nobody should live in fear", "quote")}


PARAPHRASES = [
    ("called-for", "Okonkwo called for an immediate end to the raids on Monday.",
     "called for an immediate end to the raids"),
    ("urged", "Okonkwo urged employees to stay home on Tuesday.", "urged employees to stay home on Tuesday"),
    ("characterised-as", "Okonkwo characterised the operations as an abuse of power.",
     "characterised the operations as an abuse of power"),
    ("criticized-as", "Okonkwo criticized the agency's tactics as too extreme.",
     "criticized the agency's tactics as too extreme"),
    ("called-a-b", "Okonkwo called the raids a disgrace.", "called the raids a disgrace"),
    ("called-upon", "Okonkwo has called upon the industry to stop courting the White House.",
     "called upon the industry to stop courting the White House"),
    ("rejected-the-suggestion", "Okonkwo rejected the suggestion that the detained workers were criminals.",
     "rejected the suggestion that the detained workers were criminals"),
    ("expressed-hope-that", "Okonkwo expressed hope that the governor could calm the city.",
     "the governor could calm the city"),
    ("said-that", "Okonkwo said that the company would end its contract with the agency.",
     "the company would end its contract with the agency"),
    ("questioning-whether", "Okonkwo said she wanted to know more, questioning whether the detained had broken any "
     "law.", "whether the detained had broken any law"),
    ("would-go-on-to-note", "Okonkwo would go on to note that the company could not hire without visas.",
     "the company could not hire without visas"),
    ("joked-that", "Okonkwo joked that the agents were guarding the snack bar.",
     "the agents were guarding the snack bar"),
    ("proclaimed-that", "Okonkwo proclaimed that the company would hire every worker the raids displaced.",
     "the company would hire every worker the raids displaced"),
    ("according-to-her-account", "Central to Okonkwo's argument was the raid at the depot. According to her "
     "account, the agents detained forty workers without warrants.",
     "the agents detained forty workers without warrants"),
    ("rejected-accusations-then-saying", 'Okonkwo also rejected accusations that the mayor is corrupt, saying, '
     '"Of course not."', "rejected accusations that the mayor is corrupt"),
    ("said-in-a-clause-of-its-own", "Okonkwo's memo did not name the agency, and she said the company's first "
     "priority was the safety of its staff.", "the company's first priority was the safety of its staff"),
    ("the-title-of-the-organisation", "The chief executive of Lumenfold says she learned of the raid on the news.",
     "she learned of the raid on the news"),
    ("that-clause-hung-on-the-call", "Okonkwo told investors on Tuesday's earnings call that traffic had softened "
     "in some markets.", "traffic had softened in some markets"),
    ("made-a-joke-that", "Okonkwo drew criticism on Monday when she made a joke that agents were watching the "
     "audience.", "agents were watching the audience"),
]


@pytest.mark.parametrize("text,words", [c[1:] for c in PARAPHRASES], ids=[c[0] for c in PARAPHRASES])
def test_reported_speech_is_a_paraphrase(finder, text, words):
    assert ("mara-okonkwo", normalize_quote(words), "paraphrase") in found(finder, text)


def test_a_coordinated_title_before_the_name(finder):
    text = ("Petrel Pay President and CEO Rafael Oyelaran spoke at the forum on Monday, stressing that the raid "
            "hit a supplier's plant, not the company's own.")
    assert ("rafael-oyelaran", normalize_quote("the raid hit a supplier's plant, not the company's own"),
            "paraphrase") in found(finder, text)
    # someone else in the list: a group
    assert found(finder, "Senator Dana Ruiz and CEO Rafael Oyelaran said the raid hit a supplier's plant.") == set()


def test_reported_clause_and_its_partial_quote_are_both_kept(finder):
    text = 'Okonkwo said she hoped the governor could "unite the city" going forward.'
    assert found(finder, text) == {
        ("mara-okonkwo", "she hoped the governor could unite the city going forward", "paraphrase"),
        ("mara-okonkwo", "unite the city", "quote")}


def test_a_labelling_verb_with_a_quoted_label_gives_the_quote_and_its_clause(finder):
    # the partial-quote convention (round 7; the older splits completed for this form in round 12)
    text = 'Okonkwo described the agency\'s operations as "a disgrace."'
    quote, = [q for q in finder.find(text) if q.kind == "quote"]
    assert quote.quote == "a disgrace."
    # the stance model reads the context: it must keep what the words are about
    assert "described the agency's operations as" in quote.context
    assert found(finder, text) == {("mara-okonkwo", "a disgrace", "quote"),
                                   ("mara-okonkwo", "described the agency's operations as a disgrace", "paraphrase")}
    assert ("mara-okonkwo", "called the night raids cruel", "paraphrase") in found(
        finder, 'Okonkwo called the night raids "cruel" on Monday.')


@pytest.mark.parametrize("text", [
    'The crackdown, which Okonkwo called "a disgrace," went on for weeks.',
    'Okonkwo criticized what she called "a disgrace" at the plant.',
], ids=["which-she-called", "what-she-called"])
def test_a_label_of_a_relatives_antecedent_gives_the_quote_only(finder, text):
    assert "paraphrase" not in {kind for _leader, _words, kind in found(finder, text)}


NEVER = [
    # a leader only mentioned
    ("seated-at-an-event", 'Okonkwo was seated beside the governor, who said the raids were "lawful and overdue."'),
    ("ex-spouse", 'Dale Murrow, Okonkwo\'s former husband, said the raids were "long overdue."'),
    ("addressee-of-a-letter", 'Workers wrote to Okonkwo, urging her to "speak up before it is too late."'),
    ("addressee-called-on", "The union's letter called on Okonkwo to end the contract with the agency."),
    ("headline-claim", "Okonkwo speaks out against raids\n\nOkonkwo attended the vigil on Sunday."),
    ("headline-paraphrase", "Okonkwo condemns raids\n\nThe company did not respond to questions."),
    ("headline-says", "Okonkwo says the raids must end\n\nThe company did not respond to questions."),
    ("headline-quote", 'Okonkwo slams raids: "We will fight"\n\nThe company did not respond to questions.'),
    ("headline-quote-past-title-case", 'Okonkwo Slammed The Raids: "We Will Fight"\n\nThe company did not '
     'respond to questions.'),
    ("head-of-a-group", 'Okonkwo spoke on Monday.\n\n"We will sue," the head of the union said.'),
    ("someone-else-proclaimed", 'Okonkwo spoke on Monday.\n\n"We will win," the mayor proclaimed.'),
    ("proclaimed-a-thing", "Okonkwo proclaimed a day of mourning for the detained workers."),
    ("proclaimed-of-her", "The mayor proclaimed that Okonkwo would be honoured at the festival."),
    ("within-someone-elses-act", "Okonkwo's critics objected to what he termed a \"reckless\" bill."),
    ("spoke-after", 'Okonkwo spoke after the "disastrous" meeting with the governor.'),
    ("someone-elses-memo", 'A Lumenfold spokesperson sent a memo that pointed staff to guidance on how to handle '
     '"disruption near our sites."'),
    ("a-memo-she-received", 'Okonkwo received a memo that pointed staff to guidance on "disruption near our sites."'),
    ("he-may-be-the-one-met", 'Okonkwo met the governor on Monday.\n\n"I am very sorry," he said.'),
    ("relative-clause-in-someone-elses-account", 'The mayor said he spoke with Okonkwo, who told him the workers '
     'were "very talented."'),
    ("read-someone-elses-letter", 'Okonkwo read a letter from the union: "We will strike."'),
    ("a-joint-statement", '"We stand together," read a joint statement from Okonkwo and Lindqvist.'),
    ("a-message-from-someone-else", 'Okonkwo had a message from the governor: "Stay calm."'),
    ("a-message-for-her", 'The union had a message for Okonkwo: "Resign."'),
    ("her-joint-statement", 'Okonkwo\'s joint statement with Lindqvist said: "We stand together."'),
    ("someone-elses-state-after-a-call", 'Okonkwo called, and the mayor was "furious."'),
    ("an-agent-in-a-video", "Okonkwo shared a video of an agent telling a woman to 'go home' on Monday."),
    ("participle-of-the-one-acting", 'Okonkwo said the officer fired, shouting "Stop right there."'),
    ("disavowed", "Okonkwo and Lindqvist disavowed comments made by a partner, who said the raids were overdue."),
    # a group's words
    ("letter", 'The letter, signed by Okonkwo and 60 others, called for "an immediate de-escalation."'),
    ("coalition", "A coalition including Okonkwo's company urged the governor to intervene."),
    ("spokesperson", 'A Lumenfold spokesperson said the company "is monitoring the situation."'),
    ("more-than-60-ceos", "More than 60 CEOs, including Okonkwo, called for de-escalation."),
    ("along-with", "Okonkwo, along with 60 other executives, called for a pause in the operations."),
    ("together-with", '"We will not comply," Okonkwo, together with Lindqvist, said.'),
    ("among-those-who", "Okonkwo was among the executives who called for calm."),
    # no content, or not said
    ("bare-criticism", "Okonkwo privately criticized the agency in a message to employees."),
    ("bare-praise", "Okonkwo also praised the governor's leadership."),
    ("took-to-criticise", "Okonkwo took to social media to criticise the agency."),
    ("yet-to-condemn", "Okonkwo has yet to condemn the raids."),
    ("refused-to-call-for", "Okonkwo refused to call for an end to the raids."),
    ("urged-by-others", "Employees urged Okonkwo to condemn the raids."),
    ("retweeted-a-post-that-said", 'Okonkwo retweeted a post that said "Abolish the agency now."'),
    ("official-relayed", 'Okonkwo said the governor told her, "This is not the state\'s jurisdiction."'),
    ("hearsay-paraphrase", "Okonkwo, according to two people familiar with the matter, told staff the company "
     "would comply."),
    ("what-he-characterized", "The raids came during what Okonkwo's critics characterized as a crackdown."),
]


@pytest.mark.parametrize("text", [c[1] for c in NEVER], ids=[c[0] for c in NEVER])
def test_gives_no_words(finder, text):
    assert found(finder, text) == set()


def test_a_pull_quote_is_the_words_of_the_leader_quoted_saying_them(finder):
    text = ("'We will keep speaking up about it as needed.'\n\n"
            '"But we will keep speaking up about it as needed," Okonkwo said.\n\n'
            "The company did not respond.\n\n'The mayor has failed this city.'")
    assert found(finder, text) == {("mara-okonkwo", "but we will keep speaking up about it as needed", "quote"),
                                   ("mara-okonkwo", "we will keep speaking up about it as needed", "quote")}


def test_an_unclosed_mark_ends_with_its_sentence_and_the_memo_after_here_is(finder):
    text = ("In a memo to staff, Okonkwo said she is “saddened by the raids in Riverton. Here is the full memo:\n\n"
            "I am saddened by the raids in Riverton.\n\nWe will support every family. I know this is hard.\n\n"
            "Okonkwo has been criticised for her silence before.")
    assert found(finder, text) == {
        ("mara-okonkwo", "saddened by the raids in riverton", "quote"),
        ("mara-okonkwo", "i am saddened by the raids in riverton we will support every family i know this is hard",
         "quote")}


@pytest.mark.parametrize("text", [
    # the memo is someone else's
    "A Lumenfold spokesperson sent a memo to staff on Monday. Here is the full memo:\n\nWe are monitoring it.",
    # a letter signed by many is a group's
    "Okonkwo and 60 others signed a letter on Monday. Here is the full letter:\n\nWe call for calm.",
], ids=["spokesperson-memo", "group-letter"])
def test_a_presented_document_of_someone_else_gives_no_words(finder, text):
    assert found(finder, text) == set()


def test_unmarked_words_need_a_capitalised_clause_that_is_no_name(finder):
    kinds = {kind for _leader, _words, kind in found(finder, "Okonkwo said, however, that the plan stands firm.")}
    assert "quote" not in kinds
    kinds = {kind for _leader, _words, kind in found(finder, "Okonkwo said, Governor Dale Murrow lied to us all.")}
    assert "quote" not in kinds


def test_a_reported_clause_that_is_only_the_quote_is_no_paraphrase(finder):
    assert found(finder, 'Okonkwo, asked about it, said it was "the easiest decision I have made."') == {
        ("mara-okonkwo", "the easiest decision i have made", "quote")}
    assert ("mara-okonkwo", "people are very tired", "paraphrase") in found(
        finder, "Okonkwo said people are 'very tired.'")


def test_a_quote_paragraph_after_reported_speech_naming_someone_else_is_nobodys(finder):
    text = 'Okonkwo said the raids had cut sales, but Dale Murrow disagreed.\n\n"Nonsense."'
    assert found(finder, text) == {("mara-okonkwo", "the raids had cut sales", "paraphrase")}


def test_a_quoted_subheading_is_no_ones_words_even_when_it_repeats_a_leaders(finder):
    text = ("Sales along Dover Street fell by half this spring.\n\n\"People Stopped Coming Out\"\n\n"
            "\"We lost the lunch crowd first, because people stopped coming out,\" Okonkwo said.\n\n"
            "\"Nobody Came Back\"")
    assert found(finder, text) == {
        ("mara-okonkwo", "we lost the lunch crowd first because people stopped coming out", "quote")}


def test_a_quote_paragraph_that_closes_its_sentence_still_continues_the_speaker(finder):
    text = "\"We lost the lunch crowd first,\" Okonkwo said.\n\n\"Nobody came back after the raid.\""
    assert found(finder, text) == {("mara-okonkwo", "we lost the lunch crowd first", "quote"),
                                   ("mara-okonkwo", "nobody came back after the raid", "quote")}
