"""The everyday forms of a listed first name: 'Tony Capuano' for Anthony Capuano.

News names many executives by the form they go by, not the one on record. Without it, the
finder reads 'Tony Capuano' as someone else with the leader's surname, and then doubts every bare
'Capuano' after. Each form is the leader's only when no one else listed bears that exact name.
"""

from __future__ import annotations

# Common English short forms, from the name on record to the forms printed for it.
_FORMS = {
    "abigail": ("abby",), "alexander": ("alex",), "alexandra": ("alex",), "andrew": ("andy", "drew"),
    "anthony": ("tony",), "benjamin": ("ben",), "catherine": ("cathy", "kate"), "charles": ("charlie", "chuck"),
    "christine": ("chris",), "christopher": ("chris",), "daniel": ("dan", "danny"), "david": ("dave",),
    "deborah": ("deb", "debbie"), "donald": ("don",), "douglas": ("doug",), "edward": ("ed", "eddie", "ted"),
    "elizabeth": ("beth", "liz"), "francis": ("frank",), "frederick": ("fred",), "gerald": ("jerry",),
    "gregory": ("greg",), "jacob": ("jake",), "james": ("jim", "jimmy", "jamie"), "jeffrey": ("jeff",),
    "jennifer": ("jen", "jenny"), "jessica": ("jess",), "jonathan": ("jon",), "joseph": ("joe",),
    "joshua": ("josh",), "katherine": ("kate", "katie"), "kenneth": ("ken",), "kimberly": ("kim",),
    "lawrence": ("larry",), "leonard": ("len", "lenny"), "margaret": ("maggie", "peggy"), "matthew": ("matt",),
    "michael": ("mike",), "mitchell": ("mitch",), "nathaniel": ("nate",), "nicholas": ("nick",),
    "patricia": ("pat", "patty"), "patrick": ("pat",), "peter": ("pete",), "philip": ("phil",),
    "phillip": ("phil",), "randall": ("randy",), "raymond": ("ray",), "rebecca": ("becky",),
    "richard": ("rich", "rick"), "robert": ("bob", "bobby", "rob"), "ronald": ("ron",), "samantha": ("sam",),
    "samuel": ("sam",), "stanley": ("stan",), "stephen": ("steve",), "steven": ("steve",),
    "susan": ("sue",), "theodore": ("ted",), "thomas": ("tom", "tommy"), "timothy": ("tim",),
    "victoria": ("vicky",), "vincent": ("vince",), "william": ("bill", "billy", "will"), "zachary": ("zach",),
}


def everyday_names(leaders: list[dict]) -> dict[str, tuple[str, str]]:
    """{'Tony Capuano': ('anthony-capuano', 'tony')}: each two-word listed name's everyday forms,
    with the leader and the new name word, left out where any listed leader's name or alias is
    already that name."""
    taken = {" ".join(n.split()).lower() for leader in leaders
             for n in [leader["name"], *(leader.get("aliases") or [])]}
    found: dict[str, tuple[str, str] | None] = {}
    for leader in leaders:
        words = leader["name"].split()
        if len(words) != 2:
            continue
        for form in _FORMS.get(words[0].lower(), ()):
            name = f"{form.capitalize()} {words[1]}"
            if name.lower() not in taken:  # two listed leaders sharing a form: neither gets it
                found[name] = None if name in found else (leader["id"], form)
    return {name: owner for name, owner in found.items() if owner}
