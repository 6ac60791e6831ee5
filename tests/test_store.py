"""The SQLite store and incremental ingest: real SQLite files, the real CLI."""

from __future__ import annotations

import gzip
import json
import sqlite3
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from newsweave.ingest import ingest
from newsweave.store import MIGRATIONS, Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "harbor-fire"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsweave", *args], capture_output=True, text=True, timeout=300)


def test_schema_wal_and_migrations(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        assert store.version == len(MIGRATIONS)
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Store(tmp_path / "n.db") as store:  # reopening does not migrate twice
        assert store.version == len(MIGRATIONS)


def test_ingest_is_idempotent_and_marks_syndicated_copies(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        first = ingest([str(EXAMPLES)], store, batch=2)
        assert (first.added, first.duplicates, first.near_duplicates, first.errors) == (5, 0, 1, [])
        again = ingest([str(EXAMPLES)], store)
        assert (again.added, again.duplicates) == (0, 5)
        stored = {a.id: a for a in store.articles()}
        assert stored["02-coastal-herald"].duplicate_of == "01-meridian-wire"
        assert stored["01-meridian-wire"].outlet == "Meridian Press Agency"
        assert any(r.reason == "byline" for r in stored["01-meridian-wire"].removed)


def test_near_duplicates_are_found_across_separate_ingests(tmp_path: Path) -> None:
    original = (EXAMPLES / "01-meridian-wire.txt").read_text(encoding="utf-8")
    reprint = original.replace("Skip to content\n", "").replace("Share this article", "Most read") + "\nExtra line."
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "wire.txt").write_text(original, encoding="utf-8")
    (tmp_path / "b" / "reprint.txt").write_text(reprint, encoding="utf-8")
    with Store(tmp_path / "n.db") as store:
        ingest([str(tmp_path / "a")], store)
    with Store(tmp_path / "n.db") as store:  # a later run, a new process in real life: the LSH index persisted
        summary = ingest([str(tmp_path / "b")], store)
        assert summary.near_duplicates == 1
        assert {a.id: a.duplicate_of for a in store.articles()}["reprint"] == "wire"


def test_full_text_search(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        ingest([str(EXAMPLES)], store)
        assert store.search("forklift") == ["04-daily-ledger"]
        assert set(store.search("inspection")) >= {"01-meridian-wire", "03-national-voice", "04-daily-ledger"}
        assert store.search("\x00") == [] and store.search("forklift\x00") == ["04-daily-ledger"]  # no FTS5 error


def test_bad_inputs_during_ingest_are_skipped_and_the_rest_goes_in(tmp_path: Path) -> None:
    good = json.dumps(
        {"id": "ok1", "text": "The bridge reopened on Sunday after repairs, the city said in a statement."}
    )
    later = json.dumps(
        {"id": "ok2", "text": "The school roof was fixed on Monday before the new term, the council said."}
    )
    (tmp_path / "dump.jsonl").write_text(f"{good}\n{{broken\n{later}\n", encoding="utf-8")
    (tmp_path / "bad.txt.gz").write_bytes(gzip.compress(b"A whole article that was cut off")[:-10])
    db = tmp_path / "n.db"
    done = cli("ingest", str(tmp_path / "dump.jsonl"), str(tmp_path / "bad.txt.gz"), "--db", str(db))
    assert done.returncode == 1
    assert "added 2" in done.stdout and "failed 2" in done.stdout
    assert f"{tmp_path / 'dump.jsonl'}:2" in done.stderr and "gzip" in done.stderr
    with sqlite3.connect(db) as raw:
        assert raw.execute("SELECT count(*) FROM failures").fetchone()[0] == 2


def test_report_from_the_store_matches_the_contract(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    assert cli("ingest", str(EXAMPLES), "--db", str(db)).returncode == 0
    done = cli("report", "--db", str(db), "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    schema = json.loads(resources.files("newsweave").joinpath("schema/brief.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    articles = data["stories"][0]["articles"]
    assert [a["id"] for a in articles] == sorted(a["id"] for a in articles)
    assert {a["id"]: a["duplicate_of"] for a in articles}["02-coastal-herald"] == "01-meridian-wire"
    story = data["stories"][0]
    assert story["summary"] and story["claims"] and story["conflicts"]
    html = cli("report", "--db", str(db), "--format", "html", "--story", story["id"], "--length", "5")
    assert (
        html.returncode == 0
        and html.stdout.startswith("<!DOCTYPE html>")
        and html.stdout.count('<ol class="summary">') == 1
    )
    assert cli("report", "--db", str(db), "--length", "11").returncode == 2  # 5 to 10 lines
    assert cli("report", "--db", str(tmp_path / "missing.db")).returncode == 2


def test_a_failed_transaction_is_rolled_back_and_the_store_stays_usable(tmp_path: Path) -> None:
    from newsweave.group.near_duplicates import signature
    from newsweave.model import Article

    with Store(tmp_path / "t.db") as store:
        article = Article(id="a", source="a.txt", text="The council voted on the harbour plan on Tuesday.")
        with pytest.raises(RuntimeError), store.transaction():
            store.add(article, "digest-a", signature(article.text), [], None)
            raise RuntimeError("a failure half-way through a batch")
        assert store.count() == 0
        with store.transaction():
            store.add(article, "digest-a", signature(article.text), [], None)
        assert store.count() == 1
