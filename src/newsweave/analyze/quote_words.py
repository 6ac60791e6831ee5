"""Word lists of quote finding: speech verbs, cues whose object is what was said, who can be a source, pronouns.

Kept apart from the logic in analyze/quotes.py, analyze/quotations.py and analyze/speakers.py.
"""

from __future__ import annotations

NOT_SOURCES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}

# Verbs that introduce speech, by lemma.
SPEECH = {
    "say", "tell", "add", "state", "warn", "stress", "note", "announce", "claim", "deny", "insist", "argue",
    "explain", "confirm", "acknowledge", "admit", "urge", "write", "tweet", "post", "reply", "respond",
    "ask", "continue", "declare", "allege", "assert", "report", "reject", "dismiss", "refute", "accuse",
    "call", "describe", "suggest", "predict", "estimate", "conclude", "concede", "complain", "emphasize",
    "emphasise", "reiterate", "recall", "vow", "pledge", "promise", "caution", "contend", "maintain",
    "observe", "remark", "comment", "testify", "lament", "joke", "quip", "shout", "whisper",
    "agree", "counter", "retort", "indicate", "disclose", "reveal", "mention", "point", "underline",
    "chant", "yell", "scream", "cry", "sing", "apologise", "apologize", "boast", "brief",
    "remind", "assure", "inform", "advise", "demand", "wonder", "proclaim", "brag", "scoff", "quote", "cite",
    "read", "praise", "criticize", "criticise", "denounce", "condemn", "blast", "slam", "mock", "question",
    "repeat", "echo", "tout", "dub", "label", "brand", "term", "characterize", "characterise", "convey", "encourage",
    "charge",
}  # fmt: skip

# Cues that can stand before their speaker ("said the doctor", "asked Mr. Lee"); not "told reporters" (a pronoun
# after a cue, "asked him", is never its speaker).
INVERTED_CUES = {
    "say", "add", "write", "declare", "explain", "continue", "note", "insist", "warn", "state", "reply", "recall",
    "conclude", "argue", "tweet", "post", "shout", "demand", "counter", "retort", "respond", "observe", "remark",
    "ask",
}  # fmt: skip

# Cues whose object, not only a clause, is what was said: "denied the claim", "rejected reports".
OBJECT_CUES = {"deny", "reject", "dismiss", "refute", "confirm", "acknowledge", "admit"}

# Verbs that credit words to a speaker only as "as X put it": "as Ms. Simonyan put it, RT is ...".
PUT_IT_VERBS = {"put", "phrase"}

# Cues whose passive subject is still the speaker: "Smith was quoted as saying", "was cited as saying".
QUOTED_CUES = {"quote", "cite"}

NOT_SAYING = {"decline", "refuse", "fail", "hesitate"}

# ... and the prepositions that do: "described it as", "blasted X for", "likened X to".
CONTENT_PREPOSITIONS = {"as", "of", "about", "against", "for", "to"}

# Nouns of saying whose that-clause is what their owner said: 'her remark that "..."', "Trump's claim that ...".
REPORTING_NOUNS = {
    "claim", "remark", "statement", "assertion", "warning", "promise", "pledge", "argument", "insistence",
    "suggestion", "comment", "charge", "accusation", "declaration", "vow", "boast", "contention", "allegation",
    "admission", "prediction", "threat", "complaint", "announcement",
}  # fmt: skip

QUESTION_WORDS = {"how", "what", "whether", "if", "who", "whom", "when", "why", "where", "which"}

# Common nouns that can be the source of a statement, besides people's roles (entities.ROLE_NOUNS).
SOURCE_NOUNS = {
    "government", "ministry", "department", "office", "authority", "authorities", "agency", "council",
    "committee", "commission", "court", "parliament", "police", "army", "military", "company", "firm", "group",
    "union", "party", "administration", "embassy", "spokesperson", "source", "sources", "study", "report",
    "survey", "poll", "statement", "document", "documents", "data", "figures", "analysis", "research",
    "researchers", "scientists", "experts", "officials", "residents", "witnesses", "workers", "people",
    "protesters", "families", "organisers", "organizers", "farmers", "doctors", "teachers", "students",
    "investigators", "prosecutors", "lawyers", "critics", "supporters", "observers", "diplomats", "media",
    "newspaper", "channel", "network", "website", "outlet", "service", "bank", "board", "team",
    "club", "league", "federation", "association", "organisation", "organization", "institute", "university",
    "hospital", "school", "city", "state", "country", "nation", "region", "province", "town", "village",
    "kremlin", "pentagon", "cabinet", "presidency", "opposition", "campaign", "coalition", "alliance",
    "account", "post", "letter", "note", "memo", "filing", "lawsuit", "complaint", "release",
}  # fmt: skip

# Sources that are texts, not speakers: "the report found", "according to a memo".
DOCUMENT_NOUNS = {
    "report", "study", "survey", "poll", "statement", "document", "data", "figures", "analysis", "research",
    "letter", "memo", "filing", "lawsuit", "complaint", "release", "post", "tweet", "ad", "advertisement",
    "video", "footage", "website", "speech", "book", "article", "editorial", "column", "transcript", "record",
    "records", "email", "emails", "message", "note", "review", "assessment", "audit", "ruling", "order",
    "overview", "summary", "platform", "bill", "law", "policy", "guidance", "bylaws", "rules",
}  # fmt: skip

PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}  # "his" owns a remark ("his claim that ...")

GROUP_PRONOUNS = {"they", "it", "their", "its"}

FEMALE = {
    "she",
    "her",
    "spokeswoman",
    "chairwoman",
    "businesswoman",
    "congresswoman",
    "policewoman",
    "mrs",
    "ms",
    "miss",
}

MALE = {"he", "him", "his", "spokesman", "chairman", "businessman", "congressman", "policeman", "mr"}
