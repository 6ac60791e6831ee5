"""Story grouping: same-kind events kept apart by names and time; chunked ingests equal one batch."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import numpy as np

from newsweave.group.linkage import average_linkage
from newsweave.group.stories import carry_numbers, cluster, pair_features, probability
from newsweave.group.story_features import StoryInput, counts_of, event_day, evidence, names_of, weekdays_of
from newsweave.ingest import ingest
from newsweave.store import Store

QUAKE_A = [
    (
        "a1",
        "Earthquake hits Kelso, killing 12",
        "A magnitude 6.4 earthquake struck Kelso in Varnia on Monday, killing 12 people.",
        "2024-03-04",
    ),
    (
        "a2",
        "Kelso quake toll rises",
        "Rescuers in Kelso found more victims of Monday's earthquake, Governor Brandt said.",
        "2024-03-05",
    ),
]
QUAKE_B = [
    (
        "b1",
        "Earthquake cuts roads in Maruta",
        "A magnitude 6.1 earthquake struck Maruta province, cutting the road to San Telmo.",
        "2024-03-05",
    ),
    (
        "b2",
        "San Telmo isolated after quake",
        "Landslides after the earthquake isolated San Telmo, Mayor Quispe said.",
        "2024-03-06",
    ),
]
QUAKE_A_LATER = [
    (
        "c1",
        "New earthquake in Varnia near Dorn",
        "Months after Kelso, an earthquake struck Varnia near Dorn, Governor Brandt said.",
        "2024-09-12",
    ),
]


def inputs(rows: list[tuple[str, str, str, str]]) -> list[StoryInput]:
    return [StoryInput(*row) for row in rows]


def test_names_are_capitalised_words_that_do_not_open_a_sentence() -> None:
    names = names_of("Rescuers reached Kelso on Monday. Governor Ilse Brandt spoke.")
    assert {"kelso", "ilse", "brandt"} <= set(names)
    assert "rescuers" not in names and "governor" not in names


def test_event_day_from_the_url_when_the_page_has_no_date() -> None:
    assert event_day(None, "http://example.com/2013/07/21/fire.html") == date(2013, 7, 21).toordinal()
    assert event_day(None, "http://example.com/2013/07/fire.html") == date(2013, 7, 15).toordinal()
    assert event_day("2024-03-04", "http://example.com/2013/07/21/x") == date(2024, 3, 4).toordinal()
    assert event_day(None, "http://example.com/a/b") == -1


def test_same_kind_events_are_kept_apart() -> None:
    groups = cluster(inputs(QUAKE_A + QUAKE_B))
    assert sorted(map(sorted, groups)) == [["a1", "a2"], ["b1", "b2"]]


def test_same_kind_events_years_apart_are_kept_apart() -> None:
    old = "A fire gutted the Waitrose supermarket in Banstead, Surrey, and {} fought the blaze, Surrey Police said."
    new = "A fire gutted the Waitrose supermarket in Wellington, Somerset, and {} fought the blaze, Avon Police said."
    items = [
        StoryInput("old1", "Waitrose fire", old.format("50 firefighters"), "2009-03-27"),
        StoryInput("old2", "Waitrose blaze", old.format("ten crews"), "2009-03-28"),
        StoryInput("new1", "Waitrose fire", new.format("eight crews"), "2013-07-21"),
        StoryInput("new2", "Waitrose blaze", new.format("crews from Tiverton"), "2013-07-22"),
    ]
    others = inputs(QUAKE_A + QUAKE_B)  # a batch of one story alone has no idea which words are common
    groups = {a: n for n, g in enumerate(cluster(items + others)) for a in g}
    assert groups["old1"] == groups["old2"] != groups["new1"] == groups["new2"]


def test_time_apart_lowers_the_pair_probability() -> None:
    text = "A fire destroyed the Waitrose supermarket on the High Street in Banstead, crews said."
    days = (("a", "2013-07-21"), ("b", "2013-07-22"), ("c", "2014-07-22"), ("d", "2019-07-22"), ("e", None))
    items = [StoryInput(k, "Fire", text, day) for k, day in days]
    ev = evidence(items)
    left, right = np.zeros(4, dtype=np.int64), np.arange(1, 5)
    p = probability(pair_features(ev, left, right))
    assert p[0] > p[1] > p[2]  # a day, a year, six years apart
    assert p[3] == p[0] or abs(p[3] - p[0]) < 0.01  # undated: no evidence either way


def test_lead_counts_and_weekdays() -> None:
    lead = "The navy captured 23 pirates on Saturday at 10 p.m. GMT; a 31-year-old sailor; twenty-three boats"
    assert counts_of(lead) == {"pirates": frozenset({"23"}), "year": frozenset({"31"})}
    assert counts_of("Nearly 1,200 people fled; 5.6 magnitude") == {
        "people": frozenset({"1200"}),
        "magnitude": frozenset({"5.6"}),
    }
    assert weekdays_of("On Saturday, not on saturday or Monday") == 0b0100001
    assert weekdays_of("No day named") == 0


def test_leads_with_other_weekdays_and_counts_lower_the_pair_probability() -> None:
    text = "The Indian Navy captured {} pirates in the Gulf of Aden on {}, the navy said in Mumbai."
    rows = (("a", "23", "Saturday"), ("b", "23", "Saturday"), ("c", "26", "Saturday"), ("d", "26", "Thursday"))
    ev = evidence([StoryInput(k, "Navy captures pirates", text.format(n, day)) for k, n, day in rows])
    left, right = np.zeros(3, dtype=np.int64), np.arange(1, 4)
    features = pair_features(ev, left, right)
    assert features[:, 3:].tolist() == [[0, 0], [0, 1], [1, 1]]
    p = probability(features)
    assert p[0] > p[1] > p[2]


def test_a_copy_is_always_in_its_originals_story() -> None:
    items = inputs(QUAKE_A + QUAKE_B)
    items.append(StoryInput("copy", "Unrelated headline", "Sports results from the weekend.", None, None, "b1"))
    groups = {a: n for n, g in enumerate(cluster(items)) for a in g}
    assert groups["copy"] == groups["b1"]


def test_grouping_does_not_depend_on_input_order() -> None:
    items = inputs(QUAKE_A + QUAKE_B + QUAKE_A_LATER)
    forward = sorted(map(sorted, cluster(items)))
    assert sorted(map(sorted, cluster(items[::-1]))) == forward


def test_average_linkage_does_not_chain() -> None:
    # 0-1 and 2-3 are strong pairs; one loose-but-above-threshold link 1-2 must not join the two groups
    pairs = {(0, 1): 0.9, (2, 3): 0.9, (1, 2): 0.6}
    assert average_linkage(4, pairs, 0.4) == [0, 0, 2, 2]
    assert average_linkage(4, pairs, 0.4, must_link=[(0, 3)]) == [0, 0, 0, 0]


def test_story_numbers_carry_over_as_stories_grow() -> None:
    previous = {"a1": 0, "b1": 1}
    assert carry_numbers([["a1", "a2"], ["b1", "b2"], ["c1"]], previous) == [0, 1, 2]
    assert carry_numbers([["b1", "a1", "a2"], ["c1"]], previous) == [0, 2]  # a merge keeps the majority's number


def write(folder: Path, items: list[tuple[str, str, str, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "items.jsonl", "w", encoding="utf-8") as out:
        for doc_id, title, text, published in items:
            out.write(json.dumps({"id": doc_id, "title": title, "text": text, "published": published}) + "\n")


def test_ingest_in_chunks_gives_the_same_stories_as_one_batch(tmp_path: Path) -> None:
    everything = QUAKE_A + QUAKE_B + QUAKE_A_LATER
    write(tmp_path / "all", everything)
    for k in range(3):
        write(tmp_path / f"chunk{k}", everything[k::3])
    with Store(tmp_path / "chunks.db") as store:
        for k in range(3):
            ingest([str(tmp_path / f"chunk{k}")], store)
        chunked = sorted(sorted(s["articles"]) for s in store.stories())
    batch = sorted(sorted(g) for g in cluster(inputs(everything)))
    assert chunked == batch


def test_ingest_assigns_stories_incrementally_across_runs(tmp_path: Path) -> None:
    write(tmp_path / "day1", QUAKE_A[:1] + QUAKE_B[:1])
    write(tmp_path / "day2", QUAKE_A[1:] + QUAKE_B[1:])
    with Store(tmp_path / "n.db") as store:
        ingest([str(tmp_path / "day1")], store)
    with Store(tmp_path / "n.db") as store:
        ingest([str(tmp_path / "day2")], store)
        listed = store.stories()
    assert [(s["id"], s["articles"]) for s in listed] == [("story-0", ["a1", "a2"]), ("story-1", ["b1", "b2"])]


def test_stories_command_and_report_for_one_story(tmp_path: Path) -> None:
    write(tmp_path / "in", QUAKE_A + QUAKE_B)
    run = [sys.executable, "-m", "newsweave"]
    from_inputs = json.loads(subprocess.run([*run, "stories", str(tmp_path / "in")], capture_output=True).stdout)
    assert [s["articles"] for s in from_inputs] == [["a1", "a2"], ["b1", "b2"]]
    assert from_inputs[0]["title"] == "Earthquake hits Kelso, killing 12"
    db = str(tmp_path / "n.db")
    subprocess.run([*run, "ingest", str(tmp_path / "in"), "--db", db], capture_output=True, check=True)
    stored = json.loads(subprocess.run([*run, "stories", "--db", db], capture_output=True).stdout)
    assert [s["id"] for s in stored] == ["story-0", "story-1"]
    one = subprocess.run([*run, "report", "--db", db, "--story", "story-1", "--format", "json"], capture_output=True)
    assert one.returncode == 0
    [story] = json.loads(one.stdout)["stories"]
    assert (story["id"], [a["id"] for a in story["articles"]]) == ("story-1", ["b1", "b2"])
    missing = subprocess.run([*run, "report", "--db", db, "--story", "story-9"], capture_output=True)
    assert missing.returncode == 2
    both = subprocess.run([*run, "stories", str(tmp_path / "in"), "--db", db], capture_output=True)
    assert both.returncode == 2
