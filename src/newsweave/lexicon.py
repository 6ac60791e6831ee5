"""Word lists: the vocabulary newsweave's stages share, kept apart from the logic that uses them.

Month and weekday names, numbers in words, clock words, the world's wire agencies as their credits spell them, the words that make a name an
organisation's or a byline's role, name particles, English function words, and the reasons a cleaned
line can be removed for (shown in every report).
"""

from __future__ import annotations

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100, "a thousand": 1000,
    "a dozen": 12, "half": 0.5, "a third": 1 / 3, "a quarter": 0.25, "two thirds": 2 / 3,
}  # fmt: skip
# Counted nouns that measure a span of time ("for 12 years", "two years ahead"): durations of many things.
DURATION_NOUNS = frozenset(["second", "minute", "hour", "day", "night", "week", "month", "year", "decade", "century"])
# Words after a number that make it a clock time or a time zone ("10 p.m.", "14:00 GMT"), not a count of something.
# Parts of a day: "Thursday evening" is one time, not an event on Thursday.
PARTS_OF_DAY = frozenset(["morning", "afternoon", "evening", "night", "noon", "midnight", "dawn", "dusk", "overnight"])
CLOCK_WORDS = frozenset(["a", "p", "am", "pm", "gmt", "utc", "est", "edt", "et", "pst", "pdt", "bst", "cet", "ist"])
AGENCIES = {
    # The world's wire services, as their credits spell them.
    "reuters": "Reuters",
    "ap": "Associated Press",
    "associated press": "Associated Press",
    "the associated press": "Associated Press",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "bloomberg": "Bloomberg",
    "dpa": "dpa",
    "efe": "EFE",
    "ansa": "ANSA",
    "xinhua": "Xinhua",
    "tass": "TASS",
    "ria novosti": "RIA Novosti",
    "interfax": "Interfax",
    "kyodo": "Kyodo",
    "kyodo news": "Kyodo",
    "yonhap": "Yonhap",
    "pti": "PTI",
    "ians": "IANS",
    "ani": "ANI",
    "anadolu": "Anadolu Agency",
    "anadolu agency": "Anadolu Agency",
    "aa": "Anadolu Agency",
    "irna": "IRNA",
    "wam": "WAM",
    "spa": "SPA",
    "kuna": "KUNA",
    "bernama": "Bernama",
    "antara": "Antara",
    "pa": "PA Media",
    "pa media": "PA Media",
    "press association": "PA Media",
    "cp": "The Canadian Press",
    "the canadian press": "The Canadian Press",
    "aap": "AAP",
    "upi": "UPI",
    "cna": "CNA",
    "apa": "APA",
    "ukrinform": "Ukrinform",
    "mena": "MENA",
    "sana": "SANA",
}
ORG_WORDS = frozenset(
    [
        "news",
        "media",
        "press",
        "agency",
        "times",
        "post",
        "herald",
        "tribune",
        "journal",
        "daily",
        "network",
        "tv",
        "radio",
        "broadcasting",
        "broadcast",
        "group",
        "staff",
        "desk",
        "bureau",
        "service",
        "services",
        "wire",
        "online",
        "gazette",
        "chronicle",
        "observer",
        "telegraph",
        "guardian",
        "review",
        "magazine",
        "dispatch",
        "dispatches",
        "report",
        "today",
        "inc",
        "ltd",
        "llc",
        "corp",
        "company",
        "newsroom",
        "team",
        "editors",
        "editorial",
        "reporters",
        "correspondents",
        "channel",
        "weekly",
        "monthly",
        "foundation",
        "institute",
        "publishing",
        "publications",
        "digital",
        "world",
        "international",
    ]
)
ROLE_WORDS = frozenset(
    [
        "correspondent",
        "reporter",
        "editor",
        "writer",
        "columnist",
        "contributor",
        "journalist",
        "producer",
        "analyst",
        "author",
        "staff",
        "chief",
        "senior",
        "international",
        "foreign",
        "political",
        "economics",
        "diplomatic",
        "affairs",
        "bureau",
        "head",
        "managing",
        "associate",
        "deputy",
        "special",
        "investigative",
        "science",
        "health",
        "business",
        "sports",
        "tech",
        "technology",
        "opinion",
        "photographer",
    ]
)
NAME_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "da", "di", "del", "la", "le", "bin", "al", "el", "ibn", "dos"}
)

# Words that open a sentence leaning on the one before it ("Instead, ...", "Still, ...", "The next day, ...",
# "He said ..."): such a sentence cannot open a summary, which has nothing before it.
DEPENDENT_OPENERS = frozenset(
    ["instead", "still", "however", "but", "and", "also", "meanwhile", "moreover", "furthermore", "yet", "so",
     "then", "thus", "therefore", "nonetheless", "nevertheless", "likewise", "similarly", "indeed", "besides",
     "otherwise", "later", "earlier", "afterward", "afterwards", "next", "this", "that", "these", "those", "he",
     "she", "they", "it", "his", "her", "their", "its", "such", "there", "here"]
)  # fmt: skip

# Verbs that take another verb's proposition ("allegedly promised to invest $2 billion"): what is hedged or stated
# is the investment, so the verb after them is the predicate.
CONTROL_VERBS = frozenset(
    ["promise", "promised", "promises", "pledge", "pledged", "pledges", "agree", "agreed", "agrees", "plan", "planned",
     "plans", "vow", "vowed", "vows", "offer", "offered", "offers", "threaten", "threatened", "threatens", "try",
     "tried", "tries", "seek", "sought", "seeks", "attempt", "attempted", "attempts", "want", "wanted", "wants",
     "intend", "intended", "intends", "decide", "decided", "decides", "refuse", "refused", "refuses"]
)  # fmt: skip
# Titles before a person's name ("Dr. Jane Roe", "Sir Keir"): the name is the person, the title may name a role.
HONORIFICS = frozenset(
    ["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "gen", "col", "sen", "rep", "gov"]
)  # fmt: skip
# Titles abbreviated before a name: "said Sgt. Marty Earley" is one sentence, whatever the full stop suggests.
TITLE_ABBREVIATIONS = (HONORIFICS - {"miss", "sir", "dame", "lord", "lady"}) | frozenset(
    ["sgt", "lt", "capt", "det", "cpl", "maj", "adm", "insp", "supt", "rev", "pvt", "cmdr", "atty", "hon", "cllr",
     "pres", "amb", "sens", "reps", "brig", "msgr"]
)  # fmt: skip
# Pronouns that stand for a person or group named elsewhere: as a speaker or a subject they name no one themselves.
PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you", "his", "her", "their"])
# Determiners: a word right after one qualifies a noun ("a disputed report", "an allegedly partisan gerrymander").
DETERMINERS = frozenset(["a", "an", "the", "this", "that", "its", "his", "her", "their"])

# Nouns that name something said, not what it says: "denied the allegations", "rejected this argument" deny
# whatever was alleged or argued, and a report that holds the word tells of the claim rather than stating it.
SPEECH_ACT_NOUNS = frozenset(
    ["allegation", "allegations", "claim", "claims", "report", "reports", "accusation", "accusations", "argument",
     "arguments", "assertion", "assertions", "suggestion", "suggestions", "notion", "idea", "rumour", "rumours",
     "rumor", "rumors", "story", "stories", "speculation"]
)  # fmt: skip

# Modals of advice: "Republicans might want to consider a nominee" recommends, it reports nothing a party can deny.
ADVICE_MODALS = ("should", "ought to", "might want to", "may want to", "would do well to", "had better")

# A compact English function-word list: body prose is dense in these, page furniture is not.
STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "said",
        "says",
        "told",
    ]
)

REASONS = {
    "title": "the headline, moved to the title field",
    "url": "a bare URL line (a scraper's record of the page address), moved to the url field",
    "headline_echo": "the headline repeated in the body",
    "byline": "an author or outlet byline, moved to metadata",
    "author_box": "an author box or author photo",
    "dateline": "a date or agency-and-date line, moved to metadata",
    "navigation": "site navigation, section labels, tags",
    "share": "share, follow or 'spread the word' buttons and appeals",
    "subscribe": "subscription, newsletter, sign-up or app appeals",
    "donate": "donation and support appeals",
    "comments": "comment sections, comment forms and their notices",
    "promo": "'Also read', 'Most read', related-story promos and teasers, and related-story boxes inside a paragraph",
    "caption": "photo and video captions and credits",
    "copyright": "copyright and reuse notices",
    "syndication": "syndication and republication notices",
    "tagline": "site taglines and other short trailing page furniture",
    "repeated": "a line repeated within the article",
    "corpus_repeated": "a line repeated across several articles of the corpus",
}
