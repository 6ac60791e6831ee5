"""Story clustering: same-kind events kept apart by names and time, incremental across ingests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newsweave.group.stories import StoryClusterer, cluster, features
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


def test_features_take_names_not_sentence_initial_capitals() -> None:
    f = features("Quake hits Kelso", "Rescuers reached Kelso on Monday. Governor Ilse Brandt spoke.", "2024-03-04")
    assert {"kelso", "ilse", "brandt"} <= f.names
    assert "rescuers" not in f.names and "monday" not in f.names and "governor" not in f.names


def test_same_kind_events_are_kept_apart() -> None:
    groups = cluster(QUAKE_A + QUAKE_B + QUAKE_A_LATER)
    assert sorted(map(sorted, groups)) == [["a1", "a2"], ["b1", "b2"], ["c1"]]  # c1: same region, months later


def test_clustering_is_incremental() -> None:
    clusterer = StoryClusterer()
    first = [clusterer.add(*a) for a in QUAKE_A + QUAKE_B]
    assert first == [0, 0, 1, 1]
    # a new article is compared with the stories so far; nothing earlier moves
    assert (
        clusterer.add("a3", "Aftershocks in Kelso", "Aftershocks shook Kelso a day after the earthquake.", "2024-03-05")
        == 0
    )
    assert [s.members for s in clusterer.stories] == [["a1", "a2", "a3"], ["b1", "b2"]]


def write(folder: Path, items: list[tuple[str, str, str, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "items.jsonl", "w", encoding="utf-8") as out:
        for doc_id, title, text, published in items:
            out.write(json.dumps({"id": doc_id, "title": title, "text": text, "published": published}) + "\n")


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
