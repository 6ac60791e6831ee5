"""What a crawler produces never stops a run (issue 14): each case is named in the errors once, with a
clear reason, and the rest goes on. The full generated set runs in benchmarks/gen_bad_inputs.py."""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from newsweave.errors import StoreError
from newsweave.ingest import ingest
from newsweave.model import Document, ReadError
from newsweave.read import read_inputs
from newsweave.read.encoding import decode_bytes
from newsweave.store import Store

ROOT = Path(__file__).resolve().parents[1]
GOOD = "The council met on Tuesday and voted on the harbour plan after a long debate, officials said.\n"


def newsweave(*args: str, env: dict | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "newsweave", *args], capture_output=True, timeout=300,
                          check=False, env={**os.environ, **(env or {})})  # fmt: skip


def read(*paths: Path | str) -> list[Document | ReadError]:
    return list(read_inputs([str(p) for p in paths]))


def test_a_deeply_nested_json_line_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_bytes(b'{"id": "a", "text": "' + GOOD.strip().encode() + b'"}\n' + b"[" * 5000 + b"]" * 5000 + b"\n")
    results = read(path)
    assert [type(r).__name__ for r in results] == ["Document", "ReadError"]
    assert results[1].source.endswith("deep.jsonl:2") and "nested too deeply" in results[1].error


def test_a_file_name_that_is_not_utf8_is_shown_and_stored(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9-report.txt")).write_text(GOOD, encoding="utf-8")
    result = newsweave("extract", str(folder), "--format", "json")
    assert result.returncode == 0
    [article] = json.loads(result.stdout.decode("utf-8"))  # valid UTF-8 on stdout
    assert article["id"] == "caf\ufffd-report"
    for _ in range(2):  # a rerun skips it; neither run crashes
        assert newsweave("ingest", str(folder), "--db", str(tmp_path / "s.db")).returncode == 0


def test_size_limits_stop_bombs_devices_fifos_and_long_lines(tmp_path: Path) -> None:
    limit = {"NEWSWEAVE_MAX_BYTES": str(1024 * 1024)}
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9))
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    long_line = tmp_path / "long.jsonl"
    long_line.write_bytes(
        b'{"id": "x", "text": "'
        + b"a " * (1024 * 1024)
        + b'"}\n{"id": "ok", "text": "'
        + GOOD.strip().encode()
        + b'"}\n'
    )
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: refused by its size, unread
    result = newsweave("extract", str(bomb), str(fifo), "/dev/zero", str(long_line), str(big), env=limit)
    errors = result.stderr.decode().splitlines()
    assert result.returncode == 1 and len(errors) == 5
    assert "decompressed input larger than 1 MB" in errors[0]
    assert "pipe.txt: not a regular file" in errors[1] and "/dev/zero: not a regular file" in errors[2]
    assert "long.jsonl:1: line larger than 1 MB" in errors[3] and "big.txt: input larger than 1 MB" in errors[4]
    assert json.loads(result.stdout)[0]["id"] == "ok"


def test_link_loops_are_not_followed_and_a_file_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    (tmp_path / "again.txt").symlink_to(tmp_path / "a" / "one.txt")
    for pattern in (f"{tmp_path}/**/*.txt", str(tmp_path)):
        assert [r.id for r in read(pattern)] == ["one"]


def test_short_western_and_chinese_texts_are_decoded_right() -> None:
    assert decode_bytes("The naïve café in São Paulo said “hello”.".encode("cp1252")) == (
        "The naïve café in São Paulo said “hello”.",
        "cp1252",
    )
    assert decode_bytes("北京时间今天发布".encode("gb18030"))[1] == "gb18030"
    assert decode_bytes("한국어 뉴스 기사입니다 오늘".encode("cp949"))[1] == "cp949"


def _warc(records: int = 3) -> bytes:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for i in range(records):
        page = f"<html><body><article><p>{GOOD * 10}</p><p>Page {i}.</p></article></body></html>".encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"http://example.com/{i}", "response",
                                                      payload=io.BytesIO(page), http_headers=headers))  # fmt: skip
    return buffer.getvalue()


def test_damaged_warc_records_are_reported_and_the_rest_is_read(tmp_path: Path) -> None:
    data = _warc()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[:-200])
    second = data.index(b"Content-Length", data.index(b"http://example.com/1"))
    wrong = tmp_path / "wrong.warc"
    wrong.write_bytes(data[:second] + b"Content-Length: 99999" + data[data.index(b"\r\n", second) :])
    results = read(cut, wrong)
    kinds = [(type(r).__name__, getattr(r, "id", r.source)) for r in results]
    assert [k for k, _ in kinds] == ["Document", "Document", "ReadError", "Document", "ReadError", "Document"]
    assert kinds[-1][1] == "http://example.com/2"  # the record after the wrong length is not lost
    assert all("cut short" in r.error for r in results if isinstance(r, ReadError))


def test_ingest_reports_what_it_cannot_read_once_and_stores_no_empty_article(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "one-byte.txt").write_bytes(b"\x9c")
    (folder / "utf32.txt").write_bytes(b"\xff\xfe\x00\x00" + bytes(range(7, 250)))
    (folder / "letters.txt").write_bytes(b"a" * 1024 * 1024)
    inputs = [str(folder), str(tmp_path / "missing.txt"), str(tmp_path / "nothing-*.txt")]
    with Store(tmp_path / "s.db") as store:
        first = ingest(inputs, store)
        second = ingest(inputs, store)
        assert (first.added, len(first.errors), len(second.errors)) == (1, 5, 5)
        assert store.count() == 1 and len(store.failures()) == 5  # recorded once, however often retried
        assert store.search('harbour "plan') == store.search("harbour plan") and store.search("a OR") == []


@pytest.mark.slow
def test_environment_errors_exit_4_with_one_line(tmp_path: Path) -> None:
    example = str(ROOT / "examples" / "harbor-fire")
    (tmp_path / "folder.db").mkdir()
    (tmp_path / "junk.db").write_text("not a database", encoding="utf-8")
    cases = [
        ("brief", example, "-o", str(tmp_path / "missing" / "out.md")),
        ("extract", example, "-o", str(tmp_path)),
        ("ingest", example, "--db", str(tmp_path / "folder.db")),
        ("stories", "--db", str(tmp_path / "junk.db")),
    ]
    for args in cases:
        result = newsweave(*args)
        assert result.returncode == 4, args
        assert len(result.stderr.decode().splitlines()) == 1 and b"Traceback" not in result.stderr
    assert b"Traceback" in newsweave("--debug", "stories", "--db", str(tmp_path / "junk.db")).stderr
    with pytest.raises(StoreError):
        Store(tmp_path / "junk.db")


def test_a_document_over_the_time_limit_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsweave.clean import clean_document

    monkeypatch.setenv("NEWSWEAVE_MAX_SECONDS", "0.000001")
    result = clean_document(Document(id="a", source="a.txt", format="text", content=GOOD * 2000))
    assert isinstance(result, ReadError) and "took longer than" in result.error


def _generator() -> Any:  # the benchmark module
    spec = importlib.util.spec_from_file_location("gen_bad_inputs", ROOT / "benchmarks" / "gen_bad_inputs.py")
    generator = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(generator)  # type: ignore[union-attr]
    return generator


def _good_articles(folder: Path, count: int, seed: int) -> Path:
    """A folder of ``count`` distinct generated articles (benchmarks/gen_bad_inputs.good_article)."""
    generator, rng = _generator(), random.Random(seed)
    folder.mkdir()
    for number in range(count):
        (folder / f"a{number:03d}.txt").write_text(generator.good_article(rng, number)[1], encoding="utf-8")
    return folder


def _ingest_in_parallel(db: Path, parts: list[list[str]], batch: int) -> list[subprocess.CompletedProcess[bytes]]:
    command = [sys.executable, "-m", "newsweave", "ingest", "--batch", str(batch), "--db", str(db)]
    running = [subprocess.Popen(command + part, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for part in parts]
    counts = []
    while any(p.poll() is None for p in running):  # a reader keeps working while they write
        if db.exists():
            with Store(db) as store:
                counts.append(store.count())
                store.search("harbour")
        time.sleep(0.2)
    assert counts == sorted(counts)  # it sees each committed batch, never a half-written one undone
    return [subprocess.CompletedProcess(p.args, p.wait(timeout=600), *p.communicate()) for p in running]


@pytest.mark.slow
def test_concurrent_ingests_never_fail_and_store_each_article_once(tmp_path: Path) -> None:
    files = sorted(str(p) for p in _good_articles(tmp_path / "in", 120, seed=1).iterdir())
    results = _ingest_in_parallel(tmp_path / "c.db", [files[:80], files[40:], files[::2]], batch=5)
    assert [r.returncode for r in results] == [0, 0, 0], [r.stderr[-300:] for r in results]
    db = sqlite3.connect(tmp_path / "c.db")
    assert db.execute(
        "SELECT count(*), count(DISTINCT content_hash), count(DISTINCT doc_id) FROM articles"
    ).fetchone() == (
        120,
        120,
        120,
    )
    assert db.execute("SELECT count(*) FROM articles WHERE story IS NULL").fetchone() == (0,)


@pytest.mark.slow
def test_concurrent_ingests_give_the_stories_of_sequential_ones(tmp_path: Path) -> None:
    lines = []
    for name in ("stories-gold.jsonl", "stories-heldout.jsonl"):  # the project's own 50 articles of 17 stories
        lines += (ROOT / "benchmarks" / "data" / name).read_text(encoding="utf-8").splitlines()
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(0, len(lines), 2):
        (folder / f"part{number:02d}.jsonl").write_text("\n".join(lines[number : number + 2]) + "\n", "utf-8")
    files = sorted(str(p) for p in folder.iterdir())
    parts = [files[:17], files[8:], files[::2], files[::-1]]  # four ingests, each article in two or three
    assert [r.returncode for r in _ingest_in_parallel(tmp_path / "c.db", parts, batch=1)] == [0, 0, 0, 0]
    for part in parts:
        assert newsweave("ingest", *part, "--db", str(tmp_path / "s.db")).returncode == 0

    def stories(name: str) -> set[frozenset[str]]:
        groups: dict[int, set[str]] = {}
        for doc_id, story in sqlite3.connect(tmp_path / name).execute("SELECT doc_id, story FROM articles"):
            groups.setdefault(story, set()).add(doc_id)
        return {frozenset(g) for g in groups.values()}

    assert stories("c.db") == stories("s.db") and len(stories("s.db")) >= 10


@pytest.mark.slow
def test_a_sample_of_generated_bad_inputs(tmp_path: Path) -> None:
    generator = _generator()
    expected = generator.generate(tmp_path, bad=72, good=6)
    limit = {"NEWSWEAVE_MAX_BYTES": str(generator.MAX_BYTES)}
    good = [str(tmp_path / "inputs" / f"{doc_id}.txt") for doc_id in expected["articles"]]
    alone = newsweave("extract", *good, "--format", "json", env=limit).stdout
    result = newsweave("extract", str(tmp_path / "inputs"), "--format", "json", env=limit)
    assert result.returncode == 1
    assert generator.check(expected, result.stdout, result.stderr, alone) == []
    brief = newsweave("brief", str(tmp_path / "inputs"), "--format", "json", env=limit)
    assert brief.returncode == 1 and len(json.loads(brief.stdout)["errors"]) == len(expected["errors"])
    ingested = newsweave("ingest", str(tmp_path / "inputs"), "--db", str(tmp_path / "s.db"), env=limit)
    assert ingested.returncode == 1 and f"failed {len(expected['errors'])}" in ingested.stdout.decode()


@pytest.mark.slow
def test_kill_9_during_ingest_leaves_a_consistent_store_that_a_rerun_completes(tmp_path: Path) -> None:
    folder = _good_articles(tmp_path / "in", 150, seed=2)
    db = tmp_path / "k.db"
    command = [sys.executable, "-m", "newsweave", "ingest", str(folder), "--batch", "5", "--db", str(db)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline and _stored(db) < 20:
        time.sleep(0.05)
    process.kill()  # SIGKILL, half-way through the ingest
    process.wait()
    store = sqlite3.connect(db)
    assert store.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    stored = store.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 20 <= stored < 150 and stored % 5 == 0  # whole batches only
    assert newsweave("ingest", str(folder), "--db", str(db)).returncode == 0
    assert sqlite3.connect(db).execute("SELECT count(*), count(story) FROM articles").fetchone() == (150, 150)


def _stored(db: Path) -> int:
    """Articles committed so far (0 before the store has its tables)."""
    try:
        return sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_the_manual_install_brings_what_trafilatura_needs() -> None:
    from importlib.metadata import requires

    declared = {r.split("==")[0].split(";")[0].strip().lower().replace("-", "_") for r in requires("newsweave") or []}
    assert "lxml_html_clean" in declared  # trafilatura's jusText imports it; a bare venv's pip does not bring it


def test_a_folder_that_cannot_be_read_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    walk = os.walk

    def walk_with_a_locked_folder(top: str | Path, onerror: Any = None, **kwargs: Any) -> Any:
        # permissions do not stop root, so the locked folder is what os.walk reports for one
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
        return walk(top, onerror=onerror, **kwargs)

    monkeypatch.setattr(os, "walk", walk_with_a_locked_folder)
    results = read(tmp_path)
    assert [type(r).__name__ for r in results] == ["ReadError", "Document"]
    assert results[0].source.endswith("locked") and "cannot read this folder: permission denied" in results[0].error


def test_a_warc_record_over_the_size_limit_is_reported_and_the_next_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.warc"
    path.write_bytes(_warc(records=2))
    monkeypatch.setenv("NEWSWEAVE_MAX_BYTES", "400")  # each page is larger; its headers are not
    results = read(path)
    assert [type(r).__name__ for r in results] == ["ReadError", "ReadError"]
    assert all("record larger than 400 bytes" in r.error for r in results)
    assert [r.source.rsplit("@", 1)[1] for r in results] == ["0", str(len(_warc(records=1)))]
