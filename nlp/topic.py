"""Is a statement about the watchlist's topic? A regex gate, cheap enough to run before any model.

`TopicGate(topic).check(text)` gives a `TopicMatch` with a level:

- STRONG: names the topic unambiguously ("ICE agents", "Border Patrol", "deportations"); the
  statement is on topic whatever the stance model says.
- WEAK: no topic term, but words that implicit statements about the topic use ("Minneapolis",
  "federal agents", "peaceful protest", "murderers", "law and order"). The stance model decides;
  such a statement counts as on topic only if the model finds a side.
- NONE: nothing of the kind; the statement is silent and off topic and never reaches the model.

Terms are written as regexes over lemma families (deport, deports, deported, deportation...), and
ambiguous terms carry the context that disambiguates them: "ICE" next to engines, EVs or futures
is not the agency, lowercase "ice" is frozen water unless agents or raids follow, and visas or
immigration law without enforcement words are not the topic.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

STRONG = "strong"
WEAK = "weak"
NONE = "none"

# Built-in term profiles, by watchlist topic id. A watchlist topic may add `terms:` (strong).
PROFILES = {
    "ice-enforcement": {
        "strong": [
            r"(?<![\w.])I\.?C\.?E\.?(?=[\s,.;:!?'’\")-]|$)",  # the agency, upper case; engines/exchanges vetoed below
            r"(?i:\bice\s+(?:agents?|officers?|raids?|out\b|detention|detainers?|custody|arrests?|facilit(?:y|ies)|surge|operations?))",
            r"(?i:\b(?:abolish|defund|thank(?:s|\s+you)?,?|stand\s+with)\s+ice\b(?!\s+(?:cream|skat\w*|fish\w*|hockey|storm)))",
            r"(?i:\bimmigration\s+and\s+customs\s+enforcement\b)",
            r"(?i:\bborder\s+patrol\b)",
            r"\bCBP\b|\bDHS\b",
            r"(?i:\bhomeland\s+security\b)",
            r"(?i:\bdeport(?:s|ed|ing|ations?|ees?)?\b)",
            r"(?i:\bimmigration\s+(?:raids?|sweeps?|agents?|officers?|enforcement|operations?|crackdown|surge|actions?|arrests?|detentions?)\b)",
            r"(?i:\benforcement\s+(?:raids?|sweeps?|agents?|officers?|crackdown)\b|\bdetainers?\b)",
            r"(?i:\bimmigration\s+(?:and\s+)?(?:customs\s+)?agents?\b)",
            r"(?i:\b(?:the\s+)?raids\b)",
            r"(?i:\benforcement\s+(?:surge|operations?)\b)",
            r"(?i:\b(?:masked|armed|immigration)\s+(?:federal\s+)?(?:agents?|officers?)\b)",
            r"(?i:\bremoval\s+orders?\b|\bdeportation\s+orders?\b|\bfinal\s+orders?\s+of\s+removal\b)",
            r"(?i:\bdetention\s+(?:centers?|facilit(?:y|ies))\b)",
            r"(?i:\b(?:illegal|undocumented|criminal)\s+(?:aliens?|immigrants?|migrants?|immigration)\b|\billegals\b)",
            r"(?i:\bsanctuary\s+(?:cit(?:y|ies)|polic(?:y|ies)|jurisdictions?|officials?)\b)",
            r"(?i:\bsecure\s+(?:the\s+)?borders?\b|\bopen[-\s]borders?\b)",
            r"(?i:\bmass\s+deportations?\b|\bcrackdown\b)",
        ],
        "weak": [
            r"(?i:\b(?:minneapolis|minnesota|twin\s+cities|st\.?\s+paul|lake\s+street|chicago|charlotte|portland|los\s+angeles)\b)",
            r"(?i:\bagents?\b|\bofficers?\b|\bfederal\b|\bsurge\b|\boperations?\b|\bpatrol\b)",
            r"(?i:\bprotest(?:s|ers?|ing)?\b|\bdemonstrat(?:ors?|ions?)\b|\bobservers?\b|\bvigil\b|\bmarch(?:ed)?\b)",
            r"(?i:\bshot\b|\bshoot(?:ing|s)?\b|\bkill(?:ed|ing|ings)?\b|\bmurder(?:s|ed|ers?)?\b|\bexecut(?:ed|ion)\b|\bunarmed\b)",
            r"(?i:\btear[-\s]gas(?:sed)?\b|\bpepper[-\s]spray(?:ed)?\b|\bmasked\b|\bmasks\b|\bvans?\b|\bwarrants?\b)",
            r"(?i:\bdetain(?:ed|ing|s)?\b|\bdetention\b|\barrest(?:s|ed|ing)?\b|\brounded\s+up\b|\bdisappear(?:ed|ing)?\b|\bgrabbed\b|\btaken\b)",
            r"(?i:\bimmigra(?:nts?|tion)\b|\bmigrants?\b|\bborders?\b|\billegal(?:ly)?\b|\bcitizens?\b|\bgreen\s+card\b)",
            r"(?i:\blaw\s+and\s+order\b|\brule\s+of\s+law\b|\bobstruct(?:s|ed|ing|ion)?\b|\binterfer(?:e|ed|ing|ence)\b|\bagitators?\b|\binsurrection\w*\b|\brioters?\b|\bmob\b|\bradical\b)",
            r"(?i:\bregime\b|\batrocit(?:y|ies)\b|\bshameful\b|\bdisgrace(?:ful)?\b|\bcruel(?:ty)?\b|\boccupation\b|\bimpunity\b|\bcomplicit\w*\b|\bsilence\b|\bsilent\b)",
            r"(?i:\bfear\b|\bafraid\b|\bscared\b|\bterrified\b|\bterroriz\w*\b|\bpeaceful(?:ly)?\b|\bneighbou?rs?\b|\bcommunit(?:y|ies)\b|\bfamilies\b)",
            r"(?i:\bviolence\b|\bviolent\b|\bvideo\b|\bfootage\b|\bthe\s+events?\b|\bthis\s+week\b|\btragedy\b|\bhearts?\b|\bprayers?\b|\bpraying\b)",
            r"(?i:\bthey\s+(?:show|come|came|are\s+coming)\b|\bcoming\s+for\b|\bfeds\b|\bin\s+force\b|\bregime\b|\bauthorities\b|\badministration\b|\bgovernment\b|\bpresident\b|\bmayor\b|\bgovernor\b)",
            r"(?i:\bpatriots?\b|\bheroes\b|\bcriminals?\b|\bcrimes?\b|\bfelony\b|\blawful(?:ly)?\b|\blaws?\b|\blegal(?:ly)?\b|\benforc\w*|\brules\b|\bgo\s+home\b|\bget\s+out\b)",
            r"(?i:\bcondemn\w*|\bwrong\b|\bnormal\b|\bquiet\b|\bcheer\w*|\bhistory\b|\bworth\s+(?:it|this)\b|\bnever\s+again\b|\bin\s+our\s+name\b|\bour\s+(?:city|state|neighbou?rhoods?)\b)",
            r"(?i:\bbrutal\b|\bchaos\b|\border\b|\binvasion\b|\bauthoritarian\w*|\btraffickers?\b|\bself-defen[cs]e\b|\bspokes(?:person|man|woman)\b|\bsoldiers?\b|\bguns?\b|\btanks?\b|\bpassports?\b|\bforeign\w*\b)",
            r"(?i:\bkids\b|\bchildren\b|\bschoolchildren\b|\bparents?\b|\bhunting\b|\bcomplied\b|\bremov(?:e|ed|ing|al)\b|\bboth\s+sides\b|\bevery\s+side\b|\bsides\b|\binvestigation\b|\bthe\s+clip\b|\bthat\s+street\b)",
        ],
        # Context that turns an upper-case ICE into something else.
        "ice_vetoes": [
            r"(?i:\bICE[-\s]+(?:vehicles?|cars?|engines?|powertrains?|models?|lineup|sedans?|trucks?|pickups?|units?|versions?|profits?|sales|ban|futures|exchange|to[-\s]EV|powered|-?based)\b)",
            r"(?i:\b(?:EVs?|hybrids?|BEVs?|electric)\s+(?:and|or|vs\.?|versus|to|than)\s+ICE\b|\bICE\s+(?:and|or|vs\.?|versus|to|than)\s+(?:EVs?|hybrids?|BEVs?|electric)\b)",
            r"(?i:\bhybrids?\b|\bEVs?\b|\bBEVs?\b|\belectric\s+(?:motors?|vehicles?|cars?)\b|\bautomakers?\b|\bmakers\b|\bmpg\b|\bhorsepower\b|\bdrivetrains?\b|\bfleet\b|\blaunch(?:es)?\b|\bcars?\b)",
            r"(?i:\binternal\s+combustion\b|\bcombustion\s+engines?\b|\bintercontinental\s+exchange\b|\bICE\s+futures\b|\bcarbon\s+exchange\b|\bpowertrains?\b)",
            r"(?i:\bICE's\s+(?:new\s+)?(?:carbon|exchange|trading|clearing))",
        ],
    },
}

# Words not worth matching when a topic without a profile falls back to its name's words.
_STOP = set("a an and or of the in on for to with by at from u.s us cities city federal new".split())


@dataclass(frozen=True)
class TopicMatch:
    level: str  # STRONG, WEAK or NONE
    start: int = -1  # character offsets of the term that decided it (-1 when NONE)
    end: int = -1

    @property
    def on_topic(self) -> bool:
        return self.level == STRONG


@dataclass
class TopicGate:
    """Compiled term profile for one watchlist topic."""

    topic: dict
    strong: list = field(init=False)
    weak: list = field(init=False)
    vetoes: list = field(init=False)

    def __post_init__(self):
        profile = PROFILES.get(self.topic.get("id"), None)
        extra = [_term_pattern(t) for t in (self.topic.get("terms") or [])]
        if profile is None:
            # No built-in profile: the topic's own terms, else the content words of its name.
            words = [w for w in re.findall(r"[\w.-]+", self.topic.get("name", "")) if w.lower() not in _STOP]
            strong = extra or [_term_pattern(w) for w in words]
            weak, vetoes = [], []
        else:
            strong = profile["strong"] + extra
            weak, vetoes = profile["weak"], profile["ice_vetoes"]
        self.strong = [re.compile(p) for p in strong]
        self.weak = [re.compile("|".join(f"(?:{p})" for p in weak))] if weak else []
        self.vetoes = [re.compile(p) for p in vetoes]

    def check(self, text: str) -> TopicMatch:
        if not text:
            return TopicMatch(NONE)
        vetoed = None  # computed lazily: most texts never mention ICE
        best = None
        for pattern in self.strong:
            for m in pattern.finditer(text):
                if m.group(0).strip(".").upper() in ("ICE", "I.C.E"):
                    if vetoed is None:
                        vetoed = any(v.search(text) for v in self.vetoes)
                    if vetoed:
                        continue
                if best is None or m.start() < best.start():
                    best = m
                break
        if best is not None:
            return TopicMatch(STRONG, best.start(), best.end())
        for pattern in self.weak:
            m = pattern.search(text)
            if m:
                return TopicMatch(WEAK, m.start(), m.end())
        return TopicMatch(NONE)


def _term_pattern(term: str) -> str:
    """A watchlist term as a case-insensitive whole-word regex that also takes plural/verb endings."""
    words = [re.escape(w) for w in str(term).split()]
    return r"(?i:\b" + r"\s+".join(words) + r"(?:s|es|ed|ing)?\b)"
