"""Word lists for what a counted quantity did or had done to it (its predicate role).

"3 killed", "three deaths" and "three people died" fill one role; "3 injured"
fills another. Roles that news reports compare are classes of words; any
other governing verb is its own role (its lemma).
"""

from __future__ import annotations

# Role class -> the verb lemmas, adjectives and nouns that express it.
# fmt: off
ROLE_CLASSES: dict[str, frozenset[str]] = {
    "dead": frozenset({"kill", "die", "dead", "death", "fatality", "perish", "slay", "murder", "execute", "drown",
                       "toll"}),
    "injured": frozenset({"injure", "wound", "hurt", "injury", "treat", "hospitalize", "hospitalise", "hospitalized",
                          "admit"}),
    "missing": frozenset({"missing", "disappear", "unaccounted"}),
    "held": frozenset({"arrest", "detain", "apprehend", "nab", "capture", "intercept", "seize", "confiscate",
                       "recover", "hold", "custody", "detention", "charge", "jail"}),
    "evacuated": frozenset({"evacuate", "evacuation", "displace", "flee", "homeless"}),
    "rescued": frozenset({"rescue", "save", "free", "release"}),
    "crowd": frozenset({"march", "gather", "rally", "protest", "attend", "join", "demonstrate", "participate",
                        "assemble", "converge", "turnout", "crowd", "attendance"}),
    "support": frozenset({"vote", "back", "support", "endorse", "favor", "favour", "approve"}),
    "created": frozenset({"create", "generate", "add", "produce"}),
}
# fmt: on
# Verbs that carry no role of their own: the role is the next verb up ("police said 3 were killed").
LIGHT_VERBS = frozenset(
    {
        "be",
        "have",
        "say",
        "tell",
        "report",
        "add",
        "confirm",
        "announce",
        "state",
        "estimate",
        "put",
        "bring",
        "make",
        "include",
        "reach",
        "rise",
        "climb",
        "stand",
        "remain",
        "become",
        "get",
        "leave",
    }
)  # fmt: skip
# Verbs of estimating whose object is what the count sizes: "police put the march at 30,000", "estimated the
# crowd at 20,000".
ESTIMATE_VERBS = frozenset({"put", "estimate", "place", "peg", "number", "count", "gauge"})
MEASURE_NOUNS = frozenset({"number", "size", "total", "count"})  # "put the number of protesters at 10,000"
# "shot to death", "beaten to death": a verb with this object of "to" fills that role.
TO_RESULT = {"death": "dead", "street": "crowd", "hospital": "injured"}  # "took to the streets", "taken to hospital"
# A verb with this particle or object fills a role: "took part", "showed up", "turned out".
PHRASAL_ROLES = {("take", "part"): "crowd", ("show", "up"): "crowd", ("turn", "out"): "crowd"}
# A share that rises or falls ("Greek stocks plunged 5.4 per cent", "closed down 3.9 percent"): what it is a
# change of is the verb's subject, and the direction is its role.
CHANGE_ROLES: dict[str, frozenset[str]] = {
    "fell": frozenset({"fall", "drop", "plunge", "slump", "tumble", "decline", "slide", "sink", "dip", "lose", "shed",
                       "plummet", "crash", "retreat", "ease"}),
    "rose": frozenset({"rise", "climb", "gain", "jump", "surge", "soar", "rally", "increase", "grow", "advance"}),
}  # fmt: skip
CHANGE_PARTICLES = {"down": "fell", "lower": "fell", "up": "rose", "higher": "rose"}  # "closed down 3.9 percent"
