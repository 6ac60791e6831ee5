"""Cross-source alignment: independent sources, claims, conflicts of every kind, outlet profiles, neighbours."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from newsweave.align import align_story
from newsweave.align import neighbours as nn
from newsweave.align.claims import Grouping, crowded_counts
from newsweave.align.conflicts import ConflictFinder
from newsweave.align.sources import source_keys
from newsweave.align.statements import Amount, Statement, dates_disagree, numbers_disagree, statements
from newsweave.contract import build_story, story_quotes, story_speakers
from newsweave.model import Article, Claim, Support
from newsweave.pipeline import extract
from newsweave.summarize import claim_line

# A bridge collapse told by five outlets: a wire story, a verbatim reprint, and three independent
# outlets that paraphrase, disagree on the toll, deny, hedge and give a quote to someone else.
WIRE = (
    "RIVERTON (NPA) — A road bridge over the Tamsin river collapsed in Riverton on Friday morning, "
    "sending two lorries into the water. Four people were killed when the span fell, police said.\n\n"
    '"We will rebuild it within a year," Mayor Clara Voigt told reporters at the riverbank. '
    "The bridge carried about 30,000 vehicles a day."
)
STORY = [
    {
        "id": "npa",
        "outlet": "National Press Agency",
        "published": "2025-10-17",
        "title": "Bridge collapses",
        "text": WIRE,
    },
    {
        "id": "gazette",
        "outlet": "Riverton Gazette",
        "published": "2025-10-17",
        "title": "Bridge collapses",
        "text": WIRE,
    },
    {
        "id": "herald",
        "outlet": "Valley Herald",
        "published": "2025-10-17",
        "title": "Tamsin bridge gives way",
        "text": "The Tamsin river road bridge in Riverton gave way on Friday morning and two lorries fell into the river. "
        "Nine people were killed in the collapse, according to hospital officials.\n\n"
        "The bridge allegedly had deep cracks that engineers reported to the ministry last year. "
        "Divers searched the river until nightfall.",
    },
    {
        "id": "courier",
        "outlet": "Evening Courier",
        "published": "2025-10-18",
        "title": "Ministry rejects crack reports",
        "text": "Riverton's road bridge across the Tamsin fell into the river on Friday morning, taking two lorries with it. "
        "The transport ministry denied that engineers had reported cracks in the bridge.\n\n"
        '"We will rebuild it within a year," Transport Minister Piotr Nagy said on Saturday. '
        "Traffic is being diverted through the northern ring road.",
    },
    {
        "id": "post",
        "outlet": "Morning Post",
        "published": "2025-10-18",
        "title": "Engineers warned of cracks",
        "text": "Engineers reported deep cracks in the Tamsin bridge to the ministry last year. "
        "A union official has asked for an independent inquiry into the collapse.",
    },
]


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> list[Article]:
    path = tmp_path_factory.mktemp("bridge") / "bridge.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in STORY), encoding="utf-8")
    result = extract([str(path)], analysis=True)
    assert not result.errors
    return result.articles


@pytest.fixture(scope="module")
def story(articles: list[Article]) -> dict:
    return build_story(articles)


def claim_of(story: dict, article: str, words: str) -> dict:
    """The claim holding the sentence of ``article`` that contains ``words``."""
    texts = {a["id"]: a["text"] for a in story["articles"]}
    for claim in story["claims"]:
        for s in claim["support"]:
            if s["article"] == article and words in texts[article][s["start"] : s["end"]]:
                return claim
    raise AssertionError(f"no claim for {article}: {words}")


def test_reprints_and_credited_agency_copies_are_one_source() -> None:
    articles = [
        Article(id="w", source="", text="", outlet="Meridian Press Agency"),
        Article(id="copy", source="", text="", outlet="Coastal Herald", duplicate_of="w"),
        Article(id="credited", source="", text="", outlet="Daily Ledger", agency="MPA"),
        Article(id="own", source="", text="", outlet="Daily Ledger"),
        Article(id="own2", source="", text="", outlet="Daily Ledger"),
        Article(id="anon", source="", text=""),
    ]
    keys = source_keys(articles)
    assert keys["w"] == keys["copy"] == keys["credited"]
    assert keys["own"] == keys["own2"] != keys["w"]
    assert keys["anon"] not in {keys["w"], keys["own"]}


def test_paraphrases_form_one_claim_and_copies_count_once(story: dict) -> None:
    collapse = claim_of(story, "npa", "collapsed")
    supporters = {s["article"] for s in collapse["support"]}
    assert {"npa", "gazette", "herald", "courier"} <= supporters
    assert collapse["sources"] == 3 and not collapse["single_source"]  # the reprint adds an outlet, not a source
    assert {"National Press Agency", "Riverton Gazette"} <= set(collapse["outlets"])
    assert collapse["id"] == story["claims"][0]["id"]  # the best corroborated claim comes first
    divers = claim_of(story, "herald", "Divers")
    assert divers["sources"] == 1 and divers["single_source"] and divers["outlets"] == ["Valley Herald"]
    traffic = claim_of(story, "npa", "30,000 vehicles")
    assert traffic["sources"] == 1 and traffic["outlets"] == ["National Press Agency", "Riverton Gazette"]


def conflict(story: dict, kind: str) -> dict:
    found = [c for c in story["conflicts"] if c["kind"] == kind]
    assert len(found) == 1, (kind, story["conflicts"])
    return found[0]


def sides(found: dict) -> list[set[str]]:
    return [{e["article"] for e in found["evidence"] if e["side"] == side} for side in (0, 1)]


def test_every_kind_of_conflict_is_found_with_evidence_from_both_sides(story: dict) -> None:
    number = conflict(story, "number")
    assert sorted(map(frozenset, sides(number)), key=sorted) == [frozenset({"herald"}), frozenset({"npa"})]
    assert "Four" in number["description"] and "Nine" in number["description"]
    assert {claim_of(story, "npa", "Four")["id"], claim_of(story, "herald", "Nine")["id"]} == set(number["claims"])

    denial = conflict(story, "denial")
    reported, denied = sides(denial)
    assert denied == {"courier"} and reported & {"herald", "post"}
    assert denial["description"].startswith("transport ministry denied")

    framing = conflict(story, "framing")
    assert sides(framing) == [{"post"}, {"herald"}] and "allegedly" in framing["description"]

    attribution = conflict(story, "attribution")
    assert sides(attribution) == [{"npa"}, {"courier"}]  # one sentence per independent source
    assert "Clara Voigt" in attribution["description"] and "Piotr Nagy" in attribution["description"]
    for found in story["conflicts"]:
        for evidence in found["evidence"]:
            article = next(a for a in story["articles"] if a["id"] == evidence["article"])
            sentence = article["sentences"][evidence["sentence"]]
            assert article["text"][sentence["start"] : sentence["end"]] == evidence["text"]


def test_outlet_profiles(story: dict) -> None:
    profiles = {p["outlet"]: p for p in story["outlets"]}
    assert set(profiles) == {a["outlet"] for a in STORY}
    herald, post = profiles["Valley Herald"], profiles["Morning Post"]
    assert claim_of(story, "herald", "Divers")["id"] in herald["unique_claims"]
    assert claim_of(story, "npa", "collapsed")["id"] in post["omitted_claims"]
    assert herald["hedged_share"] > 0 and profiles["Riverton Gazette"]["hedged_share"] == 0
    assert {"speaker": "Clara Voigt", "quotes": 1} in profiles["Riverton Gazette"]["quoted_speakers"]
    assert profiles["Riverton Gazette"]["sources"] == profiles["National Press Agency"]["sources"]


def test_alignment_is_deterministic(tmp_path: Path) -> None:
    path = tmp_path / "bridge.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in STORY), encoding="utf-8")
    articles = extract([str(path)], analysis=True).articles
    speakers = story_speakers(articles)
    quotes = story_quotes(articles, speakers)
    first, second = align_story(articles, quotes, speakers), align_story(articles, quotes, speakers)
    assert [c.to_dict() for c in first.claims] == [c.to_dict() for c in second.claims]
    assert [c.to_dict() for c in first.conflicts] == [c.to_dict() for c in second.conflicts]


def statement(amounts: tuple = (), dated: frozenset = frozenset(), names: frozenset = frozenset()) -> Statement:
    empty: frozenset = frozenset()
    return Statement(
        article=0, sentence=0, start=0, end=0, text="", stance="asserted", cue=None, speaker=None,
        speaker_named=False, terms=empty, scope=empty, quoted=empty, names=names, places=empty, amounts=amounts,
        dated=dated,
    )  # fmt: skip


def finder_of(*items: Statement) -> ConflictFinder:
    """A conflict finder over the statements, each its own claim, article and source."""
    ids = [chr(ord("a") + k) for k in range(len(items))]
    return ConflictFinder(list(items), Grouping([[k] for k in range(len(items))]), list(range(len(items))),
                          [f"c{k + 1}" for k in range(len(items))], ids, ids, [i.upper() for i in ids], set(),
                          [None] * len(items))  # fmt: skip


def count(what: str, low: float, high: float, text: str, vague: bool = False, whole: float | None = None,
          role: str | None = None, owner: str | None = None, restricted: bool = False) -> Statement:  # fmt: skip
    return statement((Amount(what, low, high, text, vague, whole, role, owner, restricted),))


def test_counts_disagree_only_when_no_reading_overlaps() -> None:
    dozens = count("people", 24.0, 60.0, "a few dozen", True)
    thousands = count("people", 2000.0, 9999.0, "thousands of", True)
    tens_of_thousands = count("people", 20000.0, 99999.0, "tens of thousands of", True)
    three, seven = count("people", 3.0, 3.0, "three"), count("people", 7.0, 7.0, "7")
    drones = count("drone", 7.0, 7.0, "7")
    five_of_seven = count("member", 5.0, 5.0, "five of seven", whole=7.0)
    four_of_seven = count("member", 4.0, 4.0, "four of seven", whole=7.0)
    seven_members = count("member", 7.0, 7.0, "seven")
    assert numbers_disagree(dozens, thousands)[:3] == ("a few dozen", "thousands of", "people")
    assert numbers_disagree(thousands, tens_of_thousands) is None  # vague amounts a factor apart may agree
    assert numbers_disagree(three, seven) is not None
    assert numbers_disagree(three, drones) is None  # different things counted
    assert numbers_disagree(five_of_seven, seven_members) is None  # the whole the part belongs to
    assert numbers_disagree(five_of_seven, four_of_seven)[:3] == ("five of seven", "four of seven", "member")
    four_setters = count("setter", 4.0, 4.0, "four of the seven", whole=7.0)
    assert numbers_disagree(five_of_seven, four_setters) is not None  # parts of one whole, whatever the noun


def test_counts_in_different_roles_or_of_different_people_are_never_compared() -> None:
    killed, injured = count("people", 3, 3, "3", role="dead"), count("people", 12, 12, "12", role="injured")
    also_killed = count("people", 5, 5, "five", role="dead")
    assert numbers_disagree(killed, injured) is None  # "3 killed" and "12 injured" count different people
    assert numbers_disagree(killed, also_killed) is not None
    assert numbers_disagree(killed, count("people", 5, 5, "five")) is None  # a count with no role found
    kafoury = statement((Amount("age", 63, 63, "63", False, None, None),), names=frozenset({"Madeline Kafoury"}))
    gunman = statement((Amount("age", 38, 38, "38", False, None, None),), names=frozenset({"Anthony LaCalamita"}))
    gunman_later = statement((Amount("age", 39, 39, "39", False, None, None),), names=frozenset({"Anthony LaCalamita"}))
    assert numbers_disagree(kafoury, gunman) is None  # two people's ages
    assert numbers_disagree(gunman, gunman_later) is not None
    # two parties' counts: the owners differ; one party written two ways is one owner
    red_sox = count("offer USD", 2e8, 2e8, "$200 million", owner="Boston Red Sox")
    nationals = count("offer USD", 1.6e8, 1.6e8, "$160 million", owner="Washington Nationals")
    assert numbers_disagree(red_sox, nationals) is None
    assert numbers_disagree(red_sox, count("offer USD", 1.6e8, 1.6e8, "$160 million", owner="Red Sox")) is not None
    assert numbers_disagree(red_sox, count("offer USD", 1.6e8, 1.6e8, "$160 million")) is not None
    # a count narrowed to a part may be lower than the plain count, not higher
    wins = count("win", 58, 58, "58")
    assert numbers_disagree(count("win", 51, 51, "51", restricted=True), wins) is None  # "51 wins coming by knockout"
    assert numbers_disagree(count("win", 61, 61, "61", restricted=True), wins) is not None


def test_days_disagree_only_as_far_as_their_anchors_are_certain() -> None:
    def day(value: str, form: str) -> Statement:
        return statement(dated=frozenset({(value, form)}))

    assert dates_disagree(day("2025-03-13", "calendar"), day("2025-03-14", "calendar"))
    assert not dates_disagree(day("2025-03-13", "calendar"), statement())
    # "killed on June 24", placed in its 2007 publication's year, and "killed June 24, 2005": one day
    assert not dates_disagree(day("2007-06-24", "month_day"), day("2005-06-24", "calendar"))
    assert dates_disagree(day("2007-06-24", "month_day"), day("2005-06-25", "calendar"))
    # "Thursday" placed from two publication dates a week apart is still Thursday
    assert not dates_disagree(day("2010-04-29", "weekday"), day("2010-05-06", "weekday"))
    assert dates_disagree(day("2011-11-10", "weekday"), day("2011-11-11", "weekday"))  # Thursday vs Friday
    assert not dates_disagree(day("2013-03-09", "calendar"), day("2013-03-02", "weekday"))  # both Saturdays
    # "today" in a page stamped the next morning abroad is one day off: not a disagreement
    assert not dates_disagree(day("2007-04-09", "weekday"), day("2007-04-10", "relative"))
    assert dates_disagree(day("2007-04-09", "calendar"), day("2007-04-12", "relative"))


def test_large_stories_use_a_deterministic_approximate_index(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(600, 32)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    exact, _ = nn.nearest(vectors, 10)
    monkeypatch.setattr(nn, "EXACT_LIMIT", 100)
    approximate, sims = nn.nearest(vectors, 10)
    again, _ = nn.nearest(vectors, 10)
    assert np.array_equal(approximate, again)
    recall = np.mean([len(set(a) & set(e)) / 10 for a, e in zip(approximate, exact, strict=True)])
    assert recall > 0.95
    assert not np.any(approximate == np.arange(600)[:, None])  # never its own neighbour
    assert np.all(np.diff(sims, axis=1) <= 1e-6)  # best first


def test_summary_cites_every_line_and_leads_with_the_best_corroborated_claim(
    story: dict, articles: list[Article]
) -> None:
    summary = story["summary"]
    assert 5 <= len(summary) <= 7
    sentences = {a.id: len(a.sentences) for a in articles}
    for line in summary:
        assert line["citations"] and all(0 <= c["sentence"] < sentences[c["article"]] for c in line["citations"])
    first = summary[0]
    assert first["claims"] == [claim_of(story, "npa", "collapsed")["id"]] and first["label"] == "corroborated"
    assert {c["article"] for c in first["citations"]} <= {"npa", "gazette", "herald", "courier"}
    assert len(first["citations"]) == 3  # one per independent source: the reprint is not cited again
    claim_lines = [line["claims"][0] for line in summary if line["kind"] == "claim"]
    assert len(claim_lines) == len(set(claim_lines))
    conflicts = [line for line in summary if line["kind"] == "conflict"]
    assert conflicts and all(line["label"].endswith("conflict") for line in conflicts)
    assert len(build_story(articles, length=5)["summary"]) == 5


def test_summary_lines_keep_their_attribution() -> None:
    text = 'He repeated it. "We will rebuild it within a year." The bridge allegedly had deep cracks last year.'
    article = Article(id="a", source="", text=text, outlet="Herald")
    quote = Support("a", 1, 16, 51, "attributed", "Clara Voigt")
    hedge = Support("a", 2, 52, len(text), "hedged", None)
    lines = [claim_line(Claim("c1", text[s.start : s.end], [s], ["Herald"], 1), {"a": article}, {"a": "herald"})
             for s in (quote, hedge)]  # fmt: skip
    assert lines[0]["text"] == 'Clara Voigt: "We will rebuild it within a year."'
    assert (
        lines[1]["text"] == "The bridge allegedly had deep cracks last year."
        and lines[1]["label"] == "single source, hedged"
    )


def test_timeline_dates_events_not_statements(story: dict) -> None:
    timeline = story["timeline"]
    assert [e["date"] for e in timeline] == sorted(e["date"] for e in timeline)
    collapse = claim_of(story, "npa", "collapsed")["id"]
    entry = next(e for e in timeline if e["claims"] == [collapse])
    assert entry["date"] == "2025-10-17" and entry["sources"] == 3 and not entry["disputed"]
    assert all(e["citations"] for e in timeline)
    assert not any(e["date"] == "2025-10-18" and "rebuild" in e["text"] for e in timeline)  # "said on Saturday"


def test_every_statement_is_in_exactly_one_claim(story: dict, articles: list[Article]) -> None:
    speakers = story_speakers(articles)
    expected = {(articles[s.article].id, s.sentence) for s in statements(articles, speakers)}
    supported = [(s["article"], s["sentence"]) for c in story["claims"] for s in c["support"]]
    assert sorted(supported) == sorted(expected)  # each once, none left out
    by_id = {a["id"]: a for a in story["articles"]}
    for claim in story["claims"]:
        assert 1 <= claim["sources"] <= len(claim["outlets"]) <= len(claim["support"])
        assert claim["single_source"] == (claim["sources"] == 1)
        for s in claim["support"]:
            span = by_id[s["article"]]["sentences"][s["sentence"]]
            assert (span["start"], span["end"]) == (s["start"], s["end"])
    ranks = [(-c["sources"], -len(c["support"])) for c in story["claims"]]
    assert ranks == sorted(ranks)


def test_the_report_matrix_marks_an_outlet_known_only_by_its_agency_credit(articles: list[Article]) -> None:
    from dataclasses import replace

    from newsweave.renderers.html import story_view

    credited = [replace(a, outlet=None, agency="Dispatches") if a.id == "herald" else a for a in articles]
    story = build_story(credited)
    view = story_view(0, story)
    column = view["matrix"]["columns"].index("Dispatches")
    carried = [row for row in view["matrix"]["rows"] if "Dispatches" in row["claim"]["outlets"]]
    assert carried and all(row["cells"][column] for row in carried)


def toll_story(tmp_path: Path, rows: list[tuple[str, str, str]]) -> dict:
    path = tmp_path / "toll.jsonl"
    lines = [
        {"id": outlet.lower(), "outlet": outlet, "published": day, "title": "Bridge collapse in Riverton", "text": text}
        for outlet, day, text in rows
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in lines), encoding="utf-8")
    return build_story(extract([str(path)], analysis=True).articles)


def conflict_kinds(tmp_path: Path, rows: list[tuple[str, str, str]]) -> list[str]:
    return [c["kind"] for c in toll_story(tmp_path, rows)["conflicts"]]


def test_a_toll_that_rises_on_later_days_is_an_update_not_a_conflict(tmp_path: Path) -> None:
    early = ("Gazette", "2025-03-01", "Three people were killed when the Riverton bridge collapsed into the river. "
             "Divers searched the water until nightfall.")  # fmt: skip
    later = ("Herald", "2025-03-02", "Rescue teams worked through the night at the scene. Seven people were killed "
             "when the bridge in Riverton collapsed into the river, hospital officials said.")  # fmt: skip
    story = toll_story(tmp_path, [early, later])
    assert not [c for c in story["conflicts"] if c["kind"] == "number"]
    [update] = story["updates"]
    assert (
        update["kind"] == "update" and "2025-03-01" in update["description"] and "2025-03-02" in update["description"]
    )
    assert [e["article"] for e in update["evidence"]] == ["gazette", "herald"]  # earlier first
    from newsweave.renderers.html import brief_to_html
    from newsweave.renderers.markdown import brief_to_markdown

    brief = {"schema": "newsweave/1", "stories": [story], "errors": []}
    assert "## Updated figures" in brief_to_markdown(brief) and "<h2>Updated figures</h2>" in brief_to_html(brief)
    still = ("Courier", "2025-03-02", "Traffic is being diverted through the ring road. The collapse of the "
             "Riverton bridge into the river killed three people, the fire service said.")  # fmt: skip
    story = toll_story(tmp_path, [early, later, still])  # a later report still says three: a real disagreement
    assert not story["updates"] and [c["kind"] for c in story["conflicts"]] == ["number"]


@pytest.mark.parametrize(
    "texts",
    [
        ["The council met on Monday and discussed the park. The meeting was calm and short."],  # one article
        [
            "Residents gathered near the park to talk about trees and benches.",
            "Neighbours talked about the park benches and the old trees there.",
        ],  # no numbers, no quotes
        ["Short.", ""],  # too short to carry a statement
    ],
)
def test_a_story_without_numbers_quotes_or_company_gets_empty_sections(tmp_path: Path, texts: list[str]) -> None:
    rows = [{"id": f"a{i}", "outlet": f"Outlet {i}", "text": text} for i, text in enumerate(texts) if text]
    path = tmp_path / "plain.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    story = build_story(extract([str(path)], analysis=True).articles)
    assert story["conflicts"] == [] and story["updates"] == [] and story["quotes"] == []
    assert all(len(c["support"]) >= 1 for c in story["claims"])


def test_figures_written_to_another_precision_or_in_two_scopes_are_not_compared() -> None:
    rounded, exact = count("vote %", 55, 55, "55 percent"), count("vote %", 55.5, 55.5, "55.5 percent")
    assert numbers_disagree(rounded, exact) is None  # one figure, rounded
    assert numbers_disagree(count("vote %", 46, 46, "46 percent"), exact) is not None
    millions = count("vote", 2.8e6, 2.8e6, "2.8 million")
    assert numbers_disagree(millions, count("vote", 2_815_000, 2_815_000, "2,815,000")) is None
    assert numbers_disagree(count("people", 12, 12, "12"), count("people", 13, 13, "13")) is not None
    judge, ahead = count("year", 12, 12, "12"), count("year", 2, 2, "two")  # "a judge for 12 years", "two years ahead"
    assert crowded_counts([judge, ahead]) == {"year"}  # durations of many things: compared only when alike
    two_events = statement(
        (Amount("people", 2, 2, "two", False, None, "dead"), Amount("people", 13, 13, "13", False, None, "dead"))
    )
    assert numbers_disagree(two_events, count("people", 12, 12, "12", role="dead")) is None


def test_a_figure_of_another_year_or_a_part_is_no_conflict(tmp_path: Path) -> None:
    now = ("Gazette", "2025-03-01", "Four people were killed when the Riverton bridge collapsed into the river on "
           "Friday. Divers searched the water until nightfall.")  # fmt: skip
    before = ("Herald", "2025-03-01", "Traffic is diverted. A similar collapse of the Riverton bridge into the river "
              "killed nine people in 2006.")  # fmt: skip
    assert conflict_kinds(tmp_path, [now, before]) == []
    lisbon = ("Herald", "2025-03-01", "Traffic is diverted. Nine people were killed when a bridge collapsed into the "
              "river in Lisbon, Portugal.")  # fmt: skip
    riverton = ("Gazette", "2025-03-01", "Divers searched the Riverton river. Four people were killed when the bridge "
                "collapsed into the river.")  # fmt: skip
    assert conflict_kinds(tmp_path, [riverton, lisbon]) == []  # a count of a place the other never names
    elsewhere = ("Herald", "2025-03-01", "Traffic is diverted. Bridges collapsed in three other cities, killing nine "
                 "people when they fell into the river.")  # fmt: skip
    assert conflict_kinds(tmp_path, [riverton, elsewhere]) == []
    more = ("Courier", "2025-03-01", "Traffic is diverted. Rescuers said three more people were killed when the "
            "Riverton bridge collapsed into the river.")  # fmt: skip
    assert conflict_kinds(tmp_path, [now, more]) == []
    worst = ("Courier", "2025-03-01", "Traffic is diverted. The nine worst-hit people were killed when the Riverton "
             "bridge collapsed into the river on Friday.")  # fmt: skip
    assert conflict_kinds(tmp_path, [now, worst]) == []  # a superlative picks a part
    other = ("Courier", "2025-03-01", "Traffic is diverted. Nine people were killed when the Riverton bridge "
             "collapsed into the river on Friday.")  # fmt: skip
    assert conflict_kinds(tmp_path, [now, other]) == ["number"]


def test_two_days_disagree_only_for_one_act(tmp_path: Path) -> None:
    spoke = ("Gazette", "2025-03-08", "The mayor spoke by phone on Friday with the transport minister about the "
             "Riverton bridge. Divers searched the water.")  # fmt: skip
    scheduled = ("Herald", "2025-03-08", "Traffic is diverted. On Thursday the mayor scheduled a meeting with his "
                 "engineers and planners to discuss the Riverton bridge.")  # fmt: skip
    assert conflict_kinds(tmp_path, [spoke, scheduled]) == []
    fell = ("Gazette", "2025-03-08", "The Riverton bridge collapsed into the river on Friday, sending two lorries "
            "into the water. Divers searched the water.")  # fmt: skip
    fell_earlier = ("Herald", "2025-03-08", "Traffic is diverted. The Riverton bridge collapsed into the river on "
                    "Thursday, sending two lorries into the water.")  # fmt: skip
    assert conflict_kinds(tmp_path, [fell, fell_earlier]) == ["date"]
    # two days of two acts told with the same words: the day dates a different verb on each side
    closed = ("Gazette", "2025-03-08", "Engineers closed the Riverton bridge over the river to lorries on Friday, "
              "weeks before it collapsed. Divers searched the water.")  # fmt: skip
    inspected = ("Herald", "2025-03-08", "Traffic is diverted. Engineers had inspected the Riverton bridge over the "
                 "river on Tuesday, and lorries were later banned from it.")  # fmt: skip
    assert conflict_kinds(tmp_path, [closed, inspected]) == []


def test_a_hedge_of_one_word_needs_a_near_paraphrase(tmp_path: Path) -> None:
    from dataclasses import replace

    believed = ("Gazette", "2025-03-01", "Divers searched the water. One person is believed to have been arrested "
                "near the Riverton bridge, and no injuries were reported.")  # fmt: skip
    stated = ("Herald", "2025-03-01", "Traffic is diverted. One person has been arrested near the Riverton bridge, "
              "though no injuries have been reported.")  # fmt: skip
    [framing] = toll_story(tmp_path, [believed, stated])["conflicts"]
    assert framing["kind"] == "framing" and sides(framing) == [{"herald"}, {"gazette"}]
    # "he knows both alleged shooters" / "wrestled the gun from the shooter's hand": the hedge covers one word
    one_word = replace(statement(), stance="hedged", scope=frozenset({"shoot"}), terms=frozenset({"shoot", "knows"}),
                       text="He knows both alleged shooters.")  # fmt: skip
    flat = replace(statement(), article=1, terms=frozenset({"shoot", "wrest", "gun"}),
                   text="He wrestled the gun from the shooter's hand.")  # fmt: skip
    finder = finder_of(one_word, flat)
    assert not finder._frames(0, 1, 0.8) and finder._frames(0, 1, 0.95)
    # "an allegedly partisan gerrymander": a hedge that labels a thing doubts nothing the sentence states
    label = replace(
        statement(),
        stance="hedged",
        cue="allegedly",
        text="It is harder to revise an allegedly partisan gerrymander.",
        scope=frozenset({"parti", "gerry"}),
        terms=frozenset({"parti", "gerry"}),
    )
    flat_label = replace(statement(), article=1, terms=frozenset({"parti", "gerry", "toast"}),
                         text="The partisan gerrymander was toasted.")  # fmt: skip
    finder = finder_of(label, flat_label)
    assert not finder._frames(0, 1, 0.95)


def test_a_negated_hedge_does_not_frame_a_positive_statement(tmp_path: Path) -> None:
    hedged = ("Gazette", "2025-03-01", "Divers searched the water. No other lorry is believed to have been carrying more "
              "than seven tonnes over the Riverton bridge.")  # fmt: skip
    stated = ("Herald", "2025-03-01", "Traffic is diverted. One lorry had been carrying more than seven tonnes over the "
              "Riverton bridge.")  # fmt: skip
    assert "framing" not in conflict_kinds(tmp_path, [hedged, stated])


def test_a_denier_who_denies_twice_is_one_conflict(tmp_path: Path) -> None:
    report = ("Post", "2025-03-01", "Engineers reported deep cracks in the Riverton bridge to the ministry last "
              "year. Divers searched the water.")  # fmt: skip
    denials = ("Courier", "2025-03-01", "The transport ministry denied that engineers had reported cracks in the "
               "Riverton bridge. Traffic is diverted. The ministry has since again denied that engineers reported "
               "deep cracks in the bridge.")  # fmt: skip
    [denial] = toll_story(tmp_path, [report, denials])["conflicts"]
    assert denial["kind"] == "denial" and len(denial["claims"]) == 3  # both denials and the report they deny


MINISTRY_DENIAL = ("Courier", "2025-03-01", "Traffic is diverted. The transport ministry denied that engineers had "
                   "reported cracks in the Riverton bridge.")  # fmt: skip
TITLE_DENIAL = ("Courier", "2025-03-01", "Traffic is diverted. The ministry rejected the notion that it is calling the "
                "former head of the ministry corrupt.")  # fmt: skip


@pytest.mark.parametrize(
    ("report", "kinds"),
    [
        ("Engineers reported cracks in the Riverton bridge.", ["denial"]),
        # a report of the denial itself, or of a rebuttal, takes no side
        ("The mayor has often cited the ministry's denials that engineers reported cracks in the Riverton bridge.", []),
        ("The mayor fought back against claims that engineers reported cracks in the Riverton bridge.", []),
        ("Engineers might want to report cracks in the Riverton bridge.", []),  # advice states nothing to deny
    ],
)
def test_a_denial_contradicts_only_a_report_that_states_what_it_denies(
    tmp_path: Path, report: str, kinds: list[str]
) -> None:
    assert (
        conflict_kinds(tmp_path, [("Post", "2025-03-01", f"Divers searched the water. {report}"), MINISTRY_DENIAL])
        == kinds
    )


@pytest.mark.parametrize(
    ("report", "kinds"),
    [
        ("The mayor is calling the former head of the ministry corrupt.", ["denial"]),
        # what the two share is a title that stands for a person, not what is denied
        ("The mayor has called for the former head of the ministry to resign.", []),
    ],
)
def test_a_title_is_no_word_of_what_is_denied(tmp_path: Path, report: str, kinds: list[str]) -> None:
    assert (
        conflict_kinds(tmp_path, [("Post", "2025-03-01", f"Divers searched the water. {report}"), TITLE_DENIAL])
        == kinds
    )


def test_a_fronted_day_of_saying_dates_no_event(tmp_path: Path) -> None:
    friday = ("Gazette", "2025-03-08", "Divers searched the water. The mayor spoke with the transport minister about "
              "the Riverton bridge repairs on Friday.")  # fmt: skip
    sunday = ("Herald", "2025-03-08", "Traffic is diverted. On Sunday, the mayor said he spoke with the transport "
              "minister about the Riverton bridge repairs.")  # fmt: skip
    assert conflict_kinds(tmp_path, [friday, sunday]) == []


def test_one_disagreement_found_through_several_sentences_is_told_once(tmp_path: Path) -> None:
    four = ("Gazette", "2025-03-01", "Four people were killed when the Riverton bridge collapsed into the river. "
            "All four people on the bridge were killed, officials said.")  # fmt: skip
    nine = ("Herald", "2025-03-01", "Nine people were killed when the Riverton bridge collapsed into the river. "
            "Traffic is diverted.")  # fmt: skip
    [number] = toll_story(tmp_path, [four, nine])["conflicts"]
    assert number["kind"] == "number"
    # told by a third outlet through a sentence of its own: still one disagreement, with all its sources
    also_nine = ("Courier", "2025-03-01", "Divers searched the water. All nine people on the bridge were killed, "
                 "the mayor's office said.")  # fmt: skip
    [number] = toll_story(tmp_path, [four, nine, also_nine])["conflicts"]
    assert sorted(sides(number), key=len) == [{"gazette"}, {"herald", "courier"}]


def test_a_claimed_negation_denies_only_reports_about_its_subject(tmp_path: Path) -> None:
    pledge = ("Post", "2025-03-01", "Divers searched the water. The mayor campaigned on lowering the toll charges on "
              "the Riverton bridge.")  # fmt: skip
    operators = ("Courier", "2025-03-01", "Traffic is diverted. Union leader Tom Bell claimed bridge operators aren't "
                 "actually lowering the toll charges on the Riverton bridge.")  # fmt: skip
    assert conflict_kinds(tmp_path, [pledge, operators]) == []
    # the same claim against a report about the operators themselves is a denial
    report = ("Post", "2025-03-01", "Divers searched the water. The bridge operators are lowering the toll charges "
              "on the Riverton bridge.")  # fmt: skip
    assert conflict_kinds(tmp_path, [report, operators]) == ["denial"]


def test_a_denied_clause_ends_before_a_second_verb_of_saying() -> None:
    from newsweave.align.statements import _cue_scope

    # "says Cohen lied to get a lighter sentence" is Trump's claim, not part of what he denies
    assert _cue_scope("Trump denies the payments and says Cohen lied to get a lighter sentence.", "denies") == {"payme"}
    assert _cue_scope("Police denied that officers used tear gas and rubber bullets.", "denied") >= {"tear", "rubbe"}
    # a denied noun phrase ends where the denier's next act starts; a denied clause keeps its own verbs
    assert _cue_scope("Russia denied any involvement and vowed a response to the expulsion.", "denied") == {"invol"}
    assert _cue_scope("Police denied that officers fired tear gas and arrested protesters.", "denied") >= {"arres"}
    # a noun that names something said denies whatever was said: no report is matched by that word alone
    assert _cue_scope("The court has rejected this argument.", "rejected") == set()
    assert _cue_scope("Twitter denied allegations of shadow banning.", "denied") == {"shado", "banni"}


def test_one_denier_denying_two_outlets_reports_is_one_conflict(tmp_path: Path) -> None:
    cracks = ("Post", "2025-03-01", "Engineers reported deep cracks in the Riverton bridge to the ministry last "
              "year. Divers searched the water.")  # fmt: skip
    cables = ("Herald", "2025-03-01", "Rescue teams worked at the scene. Inspectors found rusted steel cables on the "
              "Riverton bridge in January.")  # fmt: skip
    denials = ("Courier", "2025-03-01", "The transport ministry denied that engineers had reported cracks in the "
               "Riverton bridge. Traffic is diverted. The transport ministry also denied that inspectors found rusted "
               "steel cables on the Riverton bridge.")  # fmt: skip
    [denial] = toll_story(tmp_path, [cracks, cables, denials])["conflicts"]
    assert denial["kind"] == "denial" and sides(denial) == [{"post", "herald"}, {"courier"}]
    assert len(denial["claims"]) >= 3  # the denials and the two reports they deny


def test_a_count_placed_in_a_place_the_other_article_never_names_is_of_elsewhere(tmp_path: Path) -> None:
    here = ("Post", "2025-03-01", "Divers searched the water all day. The steel plant in Texas will create 3,000 jobs "
            "under the deal, officials in Austin said.")  # fmt: skip
    there = ("Herald", "2025-03-01", "Traffic is diverted. The company walked away from a plan to create 50,000 jobs "
             "in Brazil before it chose Texas for the steel plant.")  # fmt: skip
    assert conflict_kinds(tmp_path, [here, there]) == []


def test_a_denied_word_is_covered_only_by_a_form_of_the_same_word() -> None:
    from dataclasses import replace

    from newsweave.align.statements import covers, one_word

    assert one_word("repor", "Engineers reported cracks.", "The reports of cracks.")
    assert one_word("meddl", "Russia denied meddling.", "Russia meddled in the vote.")
    assert not one_word("consi", "Trump considers himself a victim.", "The tweet was consistent with his pattern.")
    assert one_word("injur", "Nobody was injured.", "There were no injuries.")
    assert not one_word("offic", "He shot at the first officers.", "He holed up in an office.")
    denial = replace(statement(), text="He denied that Trump considers himself a lynching victim.",
                     terms=frozenset({"trump", "consi", "lynch", "victi"}), scope=frozenset({"consi", "lynch", "victi"}))  # fmt: skip
    report = replace(statement(), article=1, text="The lynching tweet was consistent with his pattern.",
                     terms=frozenset({"lynch", "tweet", "consi", "patte"}))  # fmt: skip
    assert covers(denial.scope, denial, report) == 1  # "lynching" only


def test_a_reading_as_of_a_moment_is_compared_only_with_one_of_that_moment() -> None:
    from dataclasses import replace

    from newsweave.align.statements import numbers_disagree

    later = replace(count("mph", 17, 17, "17"), text="The storm, as of 11 p.m. EDT, was moving northwest at 17 mph.")
    unstamped = replace(count("mph", 16, 16, "16"), text="Florence was moving northwest at 16 mph.")
    stamped = replace(unstamped, text="As of 11 p.m. EDT, Florence was moving northwest at 16 mph.")
    assert numbers_disagree(later, unstamped) is None
    assert numbers_disagree(later, stamped) is not None


def test_two_days_figures_are_not_compared(tmp_path: Path) -> None:
    monday = ("Post", "2025-03-04", "Divers searched the water. Shares in Riverton Steel plunged 12 percent on Monday "
              "after the bridge collapsed.")  # fmt: skip
    tuesday = ("Herald", "2025-03-04", "Traffic is diverted. Shares in Riverton Steel plunged 3 percent on Tuesday "
               "after the bridge collapsed.")  # fmt: skip
    assert conflict_kinds(tmp_path, [monday, tuesday]) == []
    same_day = ("Herald", "2025-03-04", "Traffic is diverted. Shares in Riverton Steel plunged 3 percent on Monday "
                "after the bridge collapsed.")  # fmt: skip
    assert conflict_kinds(tmp_path, [monday, same_day]) == ["number"]


def test_counts_over_two_scopes_are_not_compared() -> None:
    from dataclasses import replace

    from newsweave.align.statements import numbers_disagree

    part = replace(count("rbi", 43, 43, "43"), text="In 54 games with the Angels he had 43 RBIs.")
    season = replace(count("rbi", 121, 121, "121"), text="Playing in a combined 157 games, he had 121 RBIs.")
    unscoped = replace(count("rbi", 121, 121, "121"), text="He had 121 RBIs last season.")
    assert numbers_disagree(part, season) is None  # a part of the season and the season
    assert numbers_disagree(part, unscoped) is not None


def test_one_disagreement_between_several_claims_is_one_conflict() -> None:
    from dataclasses import replace

    terms = frozenset({"biolo", "lette", "sent", "scien"})
    friday = replace(statement(dated=frozenset({("2009-04-24", "calendar")})), terms=terms,
                     dated_events=frozenset({"sent"}))  # fmt: skip
    monday = replace(statement(dated=frozenset({("2009-04-27", "calendar")})), article=1, terms=terms,
                     dated_events=frozenset({"sent"}))  # fmt: skip
    also_friday = replace(friday, article=2)
    finder = finder_of(friday, monday, also_friday)
    [dates] = finder._between([(0, 1, 0.9), (2, 1, 0.9)])
    assert dates.kind == "date" and {e.article for e in dates.evidence} == {"a", "b", "c"}
    assert sorted(dates.claims) == ["c1", "c2", "c3"]


def test_a_hedged_figure_is_framed_only_by_the_same_figure() -> None:
    from dataclasses import replace

    from newsweave.align.statements import _cue_scope

    hedge = replace(statement(), stance="hedged", cue="reportedly", scope=frozenset({"paid", "3", "milli", "direc"}),
                    terms=frozenset({"ross", "paid", "3", "milli", "direc"}),
                    text="Ross was reportedly paid $3 million to direct the film.")  # fmt: skip
    other = replace(statement(), article=1, terms=frozenset({"paid", "363", "milli", "direc"}),
                    text="Ross was paid to direct a film that made $363 million.")  # fmt: skip
    same = replace(other, terms=frozenset({"paid", "3", "milli", "direc"}), text="Ross was paid $3 million to direct.")
    finder = finder_of(hedge, other, same)
    assert not finder._frames(0, 1, 0.95) and finder._frames(0, 2, 0.95)
    # an apposition inside the hedged clause does not end it
    assert _cue_scope("Officials insisted that their ship, the frigate Tabar, had acted against a pirate vessel.",
                      "insisted") == {"ship", "acted", "pirat", "vesse"}  # fmt: skip


def test_framing_needs_the_flat_statement_to_state_the_hedged_predicate() -> None:
    from dataclasses import replace

    from newsweave.align.statements import WORD, cue_clause, cue_predicate, stems

    text = "Nobody is thought to have been injured and anyone with information is asked to call police on 0845."
    scope = frozenset(cue_clause(text, "is thought to"))
    hedge = replace(statement(), stance="hedged", cue="is thought to", text=text, scope=scope,
                    terms=frozenset(stems(WORD.findall(text))))  # fmt: skip
    appeal = "Anyone with information is asked to call police on 0845."
    flat = replace(statement(), article=1, text=appeal, terms=frozenset(stems(WORD.findall(appeal))))
    stated = "Nobody has been injured and anyone with information is asked to call police on 0845."
    same = replace(flat, text=stated, terms=frozenset(stems(WORD.findall(stated))))
    finder = finder_of(hedge, flat, same)
    assert not finder._frames(0, 1, 0.95) and finder._frames(0, 2, 0.95)
    # past a verb that takes another's proposition: the investment is what is hedged
    assert cue_predicate("Veloria allegedly promised to invest $2 billion in ports.", "allegedly") == "inves"


def test_a_day_of_saying_after_a_place_dates_no_event(tmp_path: Path) -> None:
    from newsweave.align.statements import _SAID_ON

    friday = ("Gazette", "2025-03-08", "Divers searched the water. The mayor said in Riverton Heights on Friday that "
              "the bridge had cracked under the weight of the trucks.")  # fmt: skip
    sunday = ("Herald", "2025-03-08", "Traffic is diverted. The mayor said in Riverton Heights on Sunday that the "
              "bridge had cracked under the weight of the trucks.")  # fmt: skip
    assert conflict_kinds(tmp_path, [friday, sunday]) == []
    assert _SAID_ON.search("Newman LLP. posted in Hit and Run Accidents on ")  # a blog's stamp, "on Friday, ..."
    assert not _SAID_ON.search("The bridge collapsed into the river on ")


def test_a_headline_or_a_sentence_that_doubts_itself_is_no_flat_statement() -> None:
    from dataclasses import replace

    from newsweave.align.conflicts import _flat

    assert _flat(replace(statement(), text="The church was set alight by arsonists on Friday."))
    assert not _flat(replace(statement(), text="The church was set alight by suspected arsonists on Friday."))
    assert not _flat(replace(statement(), text="Hiller Feuded with Co-Workers Prior to Shooting;"))


def test_a_line_anyone_might_say_is_no_attribution_conflict(tmp_path: Path) -> None:
    def rows(line: str, variant: str) -> list[tuple[str, str, str]]:
        return [
            (
                "Gazette",
                "2025-03-02",
                f'The Riverton bridge collapsed on Saturday. "{line}," Anna Berg told reporters.',
            ),
            ("Herald", "2025-03-02", f'Lorries fell into the river at Riverton. "{variant}," said Tomas Lind.'),
        ]

    assert "attribution" not in conflict_kinds(tmp_path, rows("I was shocked", "I was, like, shocked"))
    line = "The bridge had been closed to lorries for a year"
    assert "attribution" in conflict_kinds(tmp_path, rows(line, line))
