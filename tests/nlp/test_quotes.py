"""Quote attribution rules, one small text per pattern and per case that must stay silent.

All people and companies here are FICTIONAL (see tests/data/attribution/README.md).
"""

import pytest

from onrecord.nlp.quotes import QuoteFinder, normalize_quote

LEADERS = [
    {"id": "mara-okonkwo", "name": "Mara Okonkwo", "aliases": ["Okonkwo"],
     "title": "Chief Executive", "organization": "Lumenfold"},
    {"id": "tomas-lindqvist", "name": "Tomas Lindqvist", "aliases": ["Lindqvist"],
     "title": "CEO", "organization": "Brightwater Robotics"},
    {"id": "ada-dean", "name": "Ada Dean", "aliases": ["Dean"], "title": "Founder", "organization": "Kestrel"},
]


@pytest.fixture(scope="module")
def finder():
    return QuoteFinder(LEADERS)


def pairs(finder, text):
    return [(q.leader_id, normalize_quote(q.quote), q.pattern) for q in finder.find(text)]


FOUND = [
    ("direct-straight", '"We will not build this," Okonkwo said.',
     "We will not build this", "direct"),
    ("direct-curly-inverted", "“We will not build this,” said Mara Okonkwo, the company’s chief executive.",
     "We will not build this", "direct"),
    ("middle-initial", '"We will not build this," Mara J. Okonkwo said.',
     "We will not build this", "direct"),
    ("direct-before", 'Okonkwo told reporters on Monday, "We will not build this."',
     "We will not build this.", "direct"),
    ("direct-two-sentences", '"We will not build this. It is wrong for our city," Okonkwo said.',
     "We will not build this. It is wrong for our city", "direct"),
    ("direct-two-paragraphs", '“We will not build this.\n\n“It is wrong for our city,” Okonkwo said on Monday.',
     "We will not build this. It is wrong for our city", "direct"),
    ("single-curly-partial", "Okonkwo called the raids ‘a disgrace’ on Monday.",
     "a disgrace", "partial"),
    ("colon-same-sentence", 'Okonkwo wrote on X: "Nobody should be dragged from a bakery by masked agents."',
     "Nobody should be dragged from a bakery by masked agents.", "colon"),
    ("colon-blockquote", "Okonkwo wrote on her blog on Sunday:\n\n> Nobody should be dragged from a bakery by masked agents.",
     "Nobody should be dragged from a bakery by masked agents.", "colon"),
    ("partial-called", 'Okonkwo called the raids "cruel and senseless" on Monday.',
     "cruel and senseless", "partial"),
    ("partial-characterized", "Okonkwo characterized ICE's operations as \"terrible for the people.\"",
     "terrible for the people.", "partial"),
    ("partial-labeled-work-of", 'Okonkwo labeled the actions the work of "an agency out of control."',
     "an agency out of control.", "partial"),
    ("partial-in-said-clause", 'Okonkwo said the company "will never sell surveillance tools to the agency."',
     "will never sell surveillance tools to the agency.", "partial"),
    ("partial-relative-clause", 'Okonkwo, who called the raids "a disgrace," spoke at the summit.',
     "a disgrace", "partial"),
    ("indirect-said-that", "Okonkwo said that the company would end its contract with the agency.",
     "the company would end its contract with the agency", "indirect"),
    ("indirect-told-that", "Mara Okonkwo told employees on Friday that Lumenfold would pay their legal fees.",
     "Lumenfold would pay their legal fees", "indirect"),
    ("according-to", "The company ended its contract with the agency in March, according to Okonkwo.",
     "The company ended its contract with the agency in March", "according_to"),
    ("pronoun-next-paragraph", 'Okonkwo spoke at the summit on Monday.\n\n"We will not build this," she said.',
     "We will not build this", "pronoun"),
    ("interrupted", '"We will not build this," Okonkwo said, "and we will not apologize for it."',
     "We will not build this, and we will not apologize for it.", "direct"),
    ("title", '"We will not build this," the Lumenfold chief executive said.',
     "We will not build this", "title"),
    ("own-memo", 'Okonkwo\'s memo to staff said the raids were "a stain on the city."',
     "a stain on the city.", "partial"),
    ("took-to-linkedin-to-say", "Okonkwo took to LinkedIn to say that the company would never comply.",
     "the company would never comply", "indirect"),
    ("went-on-to-say", "Okonkwo went on to say that the company would pay legal fees.",
     "the company would pay legal fees", "indirect"),
    ("quoted-negation-is-not-negation", 'Okonkwo responded on Threads: "Absolutely not."',
     "Absolutely not.", "colon"),
    ("adding-that", 'Okonkwo said the company had "no plans" to change, adding that it would "review everything."',
     "review everything.", "partial"),
    ("partial-in-reported-clause", 'Okonkwo said the company had "no plans" to change its contracts.',
     "no plans", "partial"),
    ("quote-word-parsed-as-subject", '"We will fight this — all of it," Okonkwo said.',
     "We will fight this — all of it", "direct"),
    ("fronted-partial", 'The raids, Okonkwo said, "are a moral failure."',
     "are a moral failure.", "direct"),
]


@pytest.mark.parametrize("text,quote,pattern", [c[1:] for c in FOUND], ids=[c[0] for c in FOUND])
def test_attributes_quote(finder, text, quote, pattern):
    assert ("mara-okonkwo", normalize_quote(quote), pattern) in pairs(finder, text)


def test_appositive_names_the_speaker(finder):
    found = pairs(finder, 'Okonkwo\'s co-founder, Tomas Lindqvist, said the company "will not back down."')
    # the partial quote, and the reported clause around it (kind paraphrase)
    assert sorted(found) == [("tomas-lindqvist", "the company will not back down", "indirect"),
                             ("tomas-lindqvist", "will not back down", "partial")]


def test_embedded_post_is_attributed_by_its_byline(finder):
    text = ("Okonkwo posted late Monday.\n\n"
            "> What happened was wrong. pic.twitter.com/x — Mara Okonkwo (@maraokonkwo) February 3, 2026")
    (quote,) = finder.find(text)
    assert (quote.leader_id, quote.quote, quote.pattern) == ("mara-okonkwo", "What happened was wrong.", "embed")
    assert "(@maraokonkwo)" in quote.context


def test_embedded_post_by_someone_else_is_not_the_leaders(finder):
    text = "Okonkwo wrote on X:\n\n> Stick to software. — Dale Murrow (@murrow) February 3, 2026"
    assert finder.find(text) == []


def test_alias_alone_is_the_leader(finder):
    assert pairs(finder, '"We will comply," Dean said.') == [("ada-dean", "we will comply", "direct")]


def test_continuation_keeps_the_speaker(finder):
    found = pairs(finder, '"We will not build this," Okonkwo said. "Not now, not ever."')
    assert ("mara-okonkwo", "not now not ever", "continuation") in found


def test_continuation_into_a_paragraph_that_is_all_quote(finder):
    text = ('"We are deeply concerned," Okonkwo said in a statement.\n\n'
            '"We are in touch with our employees."\n\nThe mayor disagreed.\n\n"It is a stunt."')
    found = pairs(finder, text)
    assert ("mara-okonkwo", "we are in touch with our employees", "continuation") in found
    assert all(q[1] != "it is a stunt" for q in found)


def test_no_continuation_when_someone_else_is_named_in_between(finder):
    text = '"We are deeply concerned," Okonkwo said as Dana Ruiz looked on.\n\n"We are in touch."'
    assert [q[1] for q in pairs(finder, text)] == ["we are deeply concerned"]


def test_context_is_the_attributing_sentence(finder):
    text = 'The raids began in May.\n\nOkonkwo spoke on Monday.\n\n"It is wrong," she said.'
    (quote,) = finder.find(text)
    assert quote.context == 'Okonkwo spoke on Monday. "It is wrong," she said.'


NEVER = [
    ("remained-silent", "Okonkwo has remained silent about the raids since January."),
    ("attended", "Okonkwo attended the governor's inauguration on Monday."),
    ("criticized-by", 'Okonkwo was criticized by Senator Dale Murrow, who called her "a coward."'),
    ("passive-called", 'Okonkwo was called "a coward" by a senator on Monday.'),
    ("signatory-near-name", 'Okonkwo signed the letter. "We signed because our staff asked us to," one signatory told TechCrunch.'),
    ("group-letter", 'The letter, signed by Okonkwo and 200 others, said: "Stop the raids now."'),
    ("group-letter-after", '"Stop the raids now," the letter said. Okonkwo was among its signers.'),
    ("spokesperson", 'A spokesperson for Okonkwo said the company "has no comment at this time."'),
    ("possessive-spokesperson", "Okonkwo's spokesperson said the company would not comment on the raids."),
    ("according-to-spokesperson", "The contract ended in March, according to Okonkwo's spokesperson."),
    ("according-to-two", "The contract ended in March, according to Okonkwo and Lindqvist."),
    ("declined", "Okonkwo declined to comment on the raids."),
    ("declined-to-say", "Okonkwo declined to say whether the company would end its contract with the agency."),
    ("negated-label", 'Okonkwo did not call the raids "cruel," despite pressure from employees.'),
    ("said-nothing", "Okonkwo said nothing about the raids during the earnings call."),
    ("quoted-about", '"Okonkwo is wrong about this," said Dana Ruiz, an organizer.'),
    ("nested-other-speaker", 'Okonkwo said Murrow had called her "a coward."'),
    ("pronoun-two-leaders", 'Okonkwo met Lindqvist on Monday.\n\n"It went well," she said.'),
    ("pronoun-other-person", 'Okonkwo hired Dana Ruiz last year. "We disagree with the raids," she said.'),
    ("pronoun-speaker-other-noun", 'Okonkwo was in the room. A company lawyer spoke next. "We disagree," she said.'),
    ("pronoun-quote-names-leader", 'Okonkwo spoke on Monday. "Okonkwo has been silent too long," she said.'),
    ("same-surname", 'Councilwoman Gloria Okonkwo, no relation, introduced the bill. "The city will act," Okonkwo said.'),
    ("same-surname-middle-initial", '"The city will act," Gloria J. Okonkwo said.'),
    ("unattributed-quote", 'Okonkwo spoke at the summit.\n\n"The raids must end."'),
    ("joint-subject", '"We will not build this," Okonkwo and Lindqvist said.'),
    ("asked", "Okonkwo was asked about the raids but moved on to the next question."),
    ("expected-to-say", "Okonkwo is expected to tell investors that the company will end the contract."),
    ("future-say", "Okonkwo will say on Monday that the company will end the contract."),
    ("without-saying", "Okonkwo left without saying whether the company would end the contract."),
    ("praised-a-name", 'Okonkwo praised the "Riverton Rapid Response" network.'),
    ("shared-someone-elses-article", 'Okonkwo shared an article: "Raids spread to three new cities."'),
    ("retweeted-post", 'Okonkwo retweeted a post that said "Abolish the agency now."'),
    ("company-statement", "Okonkwo's company said in a statement that it would comply with the law."),
    ("odd-straight-marks", 'Okonkwo said the plan was "fine. The board, she said, agreed.'),
    ("pronoun-bare-surname-of-other", 'Ruiz criticized Okonkwo on Monday. "She is wrong," he said.'),
    ("pronoun-plural-critics", 'Okonkwo\'s critics were unimpressed. "This is too little, too late," he said.'),
    ("reportedly", "Okonkwo reportedly told staff that the company would comply with the agency."),
    ("anonymous-sources", "Okonkwo, according to two people familiar with the matter, told staff the company would comply."),
    ("relayed-by-another-leader", 'Lindqvist said Okonkwo told him that Lumenfold would "fight this in court."'),
    ("conditional-if", "If Okonkwo says the company will comply, employees will quit."),
    ("conditional-inverted", "Had Okonkwo said that the company would comply, the board would have objected."),
    ("embedded-question", "It is unclear whether Okonkwo said the company would comply."),
    ("wanted-to-say", "Employees want Okonkwo to say that the company will never comply."),
    ("denied-saying", "Okonkwo denied that she said the company would comply."),
    ("question", "Did Okonkwo say the company would comply?"),
    ("alias-runs-into-org", 'Dean Foods said the plant would close because of "the raids."'),
    ("alias-runs-into-place", 'Dean County officials said the raids were "lawful."'),
    ("lost-embed-reporter-text", "Okonkwo wrote on X:\n\nThe post drew thousands of replies within an hour."),
    ("sign-read", '"Stop the raids," read a sign held by a Lumenfold employee as Okonkwo spoke.'),
]


@pytest.mark.parametrize("text", [c[1] for c in NEVER], ids=[c[0] for c in NEVER])
def test_never_attributes(finder, text):
    assert pairs(finder, text) == []


def test_apostrophes_do_not_open_quotes(finder):
    text = "The workers' union said Okonkwo's company's plan was fine, Okonkwo said."
    assert all("'" not in q.quote[:1] for q in finder.find(text))


def test_find_many_matches_find(finder):
    texts = ['"We will not build this," Okonkwo said.', "Lindqvist attended.", ""]
    assert finder.find_many(texts) == [finder.find(t) for t in texts]


def test_normalize_quote():
    assert normalize_quote("“We won’t  build THIS,”") == "we won't build this"


def test_test_set_meets_the_floor(finder):
    """On the whole fictional test set (dev + held-out): recall >= 0.85; quotes precision >= 0.98;
    every paraphrase is a leader's who speaks in that article (the annotation predates most
    reported-speech forms, so a paraphrase it lacks is not wrong by itself)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "bench" / "attribution.py"
    spec = importlib.util.spec_from_file_location("bench_attribution", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    load_set, score = bench.load_set, bench.score

    leaders, articles, expected = load_set("all")
    whole = QuoteFinder(leaders, nlp=None)
    names = list(articles)
    predicted = dict(zip(names, whole.find_many([articles[n] for n in names])))
    result = score(predicted, expected)
    assert len(articles) >= 30
    assert result["recall"] >= 0.85, result["misses"]
    quoted = [r for r in expected if bench.expected_kind(r, articles[r["article"]]) == "quote"]
    quotes = score(bench.of_kind(predicted, "quote"), quoted)
    assert quotes["precision"] >= 0.98, quotes["wrong"]
    speakers = {(r["article"], r["speaker"]) for r in expected}
    reported = bench.of_kind(predicted, "paraphrase")
    assert all((article, q.leader_id) in speakers for article, qs in reported.items() for q in qs)


def test_articles_naming_no_leader_are_not_parsed():
    class NoParse:
        def pipe(self, texts, batch_size=None):
            texts = list(texts)
            assert not texts, f"parsed {texts!r}"
            return iter(())

    finder = QuoteFinder(LEADERS, nlp=NoParse())
    assert finder.find_many(['"We will comply," the mayor said.', "", "Nothing here."]) == [[], [], []]
