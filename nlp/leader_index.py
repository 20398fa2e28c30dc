"""The watchlist's leaders, indexed for attribution before any article is read: names, aliases,
handles, organisation and title (nlp/leader_mentions.py reads them in each article).
"""

from __future__ import annotations

import re

from onrecord.nlp import leader_patterns as lp
from onrecord.nlp.first_name_forms import everyday_names


class LeaderIndex:
    """The watchlist's leaders, indexed for attribution. Built once per finder."""

    def __init__(self, leaders: list[dict]):
        self.leaders = {leader["id"]: leader for leader in leaders}
        self.patterns, self.name_words = lp.ruler_patterns(leaders)
        everyday = everyday_names(leaders)  # 'Tony Capuano' for Anthony Capuano
        for name, (leader_id, word) in everyday.items():
            self.patterns.append({"label": "LEADER", "pattern": name, "id": leader_id})
            self.name_words[leader_id].add(word)
        self.orgs = _organisation_keys(leaders)
        # each organisation as printed ("Lumenfold", "a16z"), matched in its own case; compiled once
        # (a title is checked against every leader's organisation)
        self.org_res = {}
        for lid, (orgs, _heads, _title) in self.orgs.items():
            printed = sorted(o for o in _organisation_cases(self.leaders[lid]) if o.lower() in orgs)
            if printed:
                self.org_res[lid] = re.compile("|".join(rf"\b{re.escape(o)}\b" for o in printed))
        self.names = {leader["id"]: {" ".join(n.split()).lower() for n in [leader["name"], *leader.get("aliases", [])]}
                      for leader in leaders}
        self.handles = {leader["id"]: _handles(leader) for leader in leaders}
        self.whole_handles = {leader["id"]: {(a.get("handle") or "").lower().lstrip("@")
                                             for a in leader.get("accounts", []) or []} for leader in leaders}
        names = {n for leader in leaders for n in [leader["name"], *leader.get("aliases", [])] if n.strip()}
        names |= set(everyday)
        self.names_re = _alternation(names)
        self.mentions_re = _alternation(names | {org for orgs, _heads, _title in self.orgs.values() for org in orgs})
        # "Google Chief Scientist Jeff Dean": a leader's own title and organisation words may
        # stand before the name without making it someone else's.
        self.own_context = {leader["id"]: {w.lower() for w in f"{leader.get('title') or ''} "
                                           f"{leader.get('organization') or ''}".split()}
                            for leader in leaders}
        # The small model often tags company names as PERSON; a leader's company is no person. A
        # company named for the leader's family ('The Trump Organization' for Eric Trump) leaves the
        # family's name a person's: a bare 'Trump' in the text may be someone other than the leader.
        self.org_words = {w.lower() for leader in leaders
                          for w in (leader.get("organization") or "").split()
                          if w[:1].isupper() and w.lower() not in self.name_words[leader["id"]]}

    def by_byline(self, name: str, handle: str) -> str | None:
        """The leader an embedded post's byline names: by account handle, else by exact name. A
        handle without its instance ('@okonkwo' for okonkwo@lumen.social) may be anyone's on
        another platform: it names the leader only under her own name."""
        handle = handle.lower().lstrip("@")
        found = {lid for lid, handles in self.handles.items() if handle in handles
                 and (handle in self.whole_handles[lid] or name.lower() in self.names[lid])}
        if not found:
            found = {lid for lid, names in self.names.items() if name.lower() in names}
        return found.pop() if len(found) == 1 else None


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


def _organisation_keys(leaders) -> dict[str, tuple[set[str], frozenset[str], str]]:
    """Per leader: lowercase organisation names (full, and the first word when distinctive),
    the title nouns that can refer to them, and the whole title ("chief scientific officer").
    An organisation that is a description ("dairy farm (Sheldon, Vermont)") names nothing: "the
    dairy farmer" in another article is someone else, never this leader."""
    keys = {}
    for leader in leaders:
        org = " ".join((leader.get("organization") or "").split())
        title = " ".join((leader.get("title") or "").lower().split())
        heads = lp.title_heads(leader.get("title"))
        if not org or not heads and not title:
            continue
        names = set() if _describes(org) else {org.lower()}
        first = org.split()[0].lower()
        if names and len(org.split()) > 1 and len(first) > 3:
            names.add(first)
        keys[leader["id"]] = (names, heads, title)
    return keys


def _organisation_cases(leader: dict) -> set[str]:
    """A leader's organisation name, and its first word, as the watchlist prints them."""
    org = " ".join((leader.get("organization") or "").split())
    return {org, org.split()[0]} if org else set()


def _describes(org: str) -> bool:
    """'dairy farm (Sheldon, Vermont)', 'taco restaurant': a description of a business, not its
    name ('Lumenfold', 'a16z' and '3M' are names)."""
    first = org.split()[0].strip(",()")
    return first.isalpha() and first.islower()
