"""Readers: formats, encodings, gzip, directories, stdin, and bad inputs reported, never fatal."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import unicodedata
from pathlib import Path

from newsweave.model import Document, ReadError
from newsweave.read import read_inputs, split_name

BODY = "Café owners in Lyon said the new rules would hurt trade."


def read_all(*paths: Path | str, stdin: bytes | None = None) -> list[Document | ReadError]:
    return list(read_inputs([str(p) for p in paths], stdin=io.BytesIO(stdin) if stdin is not None else None))


def only_doc(results: list[Document | ReadError]) -> Document:
    assert len(results) == 1 and isinstance(results[0], Document), results
    return results[0]


def test_split_name_strips_format_extensions() -> None:
    assert split_name("dir/a.html.gz") == ("a", ".html", True)
    assert split_name("story.v2.txt") == ("story.v2", ".txt", False)
    assert split_name("README") == ("README", "", False)


def test_plain_utf8_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    doc = only_doc(read_all(path))
    assert (doc.id, doc.format, doc.content, doc.encoding) == ("a", "text", BODY, "utf-8")


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + BODY.encode())
    assert only_doc(read_all(path)).content == BODY


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(BODY.encode("utf-16"))
    assert only_doc(read_all(path)).content == BODY


def test_undeclared_cp1252_is_detected(tmp_path: Path) -> None:
    text = "The minister’s “final offer” was rejected — again, said the union’s café-owning chair. " * 3
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    doc = only_doc(read_all(path))
    assert doc.content == text.strip() or doc.content == text
    assert doc.encoding == "cp1252"


def test_html_declared_charset_wins(tmp_path: Path) -> None:
    html = (
        '<html><head><meta charset="iso-8859-1"><title>t</title></head><body><p>Señor Núñez said so.</p></body></html>'
    )
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("latin-1"))
    doc = only_doc(read_all(path))
    assert doc.format == "html" and "Señor Núñez" in doc.content and doc.encoding == "cp1252"


def test_nfc_and_newlines_normalised(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Zoë Brontë")
    path = tmp_path / "nfc.txt"
    path.write_bytes(f"Line one by {decomposed}\r\nLine two\rLine three\u2028four".encode())
    content = only_doc(read_all(path)).content
    assert content == "Line one by Zoë Brontë\nLine two\nLine three\nfour"
    assert unicodedata.is_normalized("NFC", content)


def test_gzip_versions_of_each_format(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(BODY.encode()))
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(f"<html><body><p>{BODY}</p></body></html>".encode()))
    line = json.dumps({"id": "c", "text": BODY, "outlet": "Wire"})
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress((line + "\n").encode()))
    docs = read_all(tmp_path)
    assert [(d.id, d.format) for d in docs] == [("a", "text"), ("b", "html"), ("c", "text")]  # type: ignore[union-attr]
    assert docs[2].fields == {"outlet": "Wire"}  # type: ignore[union-attr]


def test_jsonl_fields_lines_and_errors(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "one", "text": BODY, "title": "T", "url": "https://x.example/1", "published": "2024-01-02"}),
        "",
        "{not json",
        json.dumps({"id": "three", "html": "<p>Hello there, this is HTML.</p>"}),
        json.dumps({"id": "four"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "No id given here."}),
    ]
    path = tmp_path / "dump.ndjson"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = read_all(path)
    docs = [r for r in results if isinstance(r, Document)]
    errors = [r for r in results if isinstance(r, ReadError)]
    assert [d.id for d in docs] == ["one", "three", "dump:7"]
    assert docs[0].fields == {"title": "T", "url": "https://x.example/1", "published": "2024-01-02"}
    assert docs[1].format == "html"
    assert [e.source for e in errors] == [f"{path}:3", f"{path}:5", f"{path}:6"]
    assert "invalid JSON" in errors[0].error and '"text" or "html"' in errors[1].error and "object" in errors[2].error


def test_stdin_jsonl() -> None:
    payload = (json.dumps({"id": "s1", "text": BODY}) + "\n").encode()
    doc = only_doc(read_all("-", stdin=payload))
    assert (doc.id, doc.source) == ("s1", "<stdin>:1")


def test_directory_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for name in ["b.txt", "a.txt", "sub/c.txt", ".hidden/d.txt", ".e.txt"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Text of {name} is here.", encoding="utf-8")
    assert [d.id for d in read_all(tmp_path)] == ["a", "b", "c"]  # type: ignore[union-attr]


def test_glob_pattern(tmp_path: Path) -> None:
    for name in ["x1.txt", "x2.txt", "y.txt"]:
        (tmp_path / name).write_text("Some words here.", encoding="utf-8")
    assert [d.id for d in read_all(f"{tmp_path}/x*.txt")] == ["x1", "x2"]  # type: ignore[union-attr]
    [error] = read_all(f"{tmp_path}/nothing*.txt")
    assert isinstance(error, ReadError) and "no file matches" in error.error


def test_duplicate_ids_are_made_unique(tmp_path: Path) -> None:
    for sub in ["one", "two"]:
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "a.txt").write_text("Same name, other text.", encoding="utf-8")
    assert [d.id for d in read_all(tmp_path)] == ["a", "a~2"]  # type: ignore[union-attr]


def test_bad_inputs_are_errors_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)))
    (tmp_path / "blob").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "broken.txt.gz").write_bytes(gzip.compress(BODY.encode())[:-12])
    results = read_all(tmp_path, tmp_path / "missing.txt")
    docs = [r for r in results if isinstance(r, Document)]
    errors = {Path(r.source).name: r.error for r in results if isinstance(r, ReadError)}
    assert [d.id for d in docs] == ["good"]
    assert "binary" in errors["blob"]
    assert "gzip" in errors["broken.txt.gz"]
    assert "unsupported file type (.pdf)" in errors["doc.pdf"]
    assert "unsupported file type (.png)" in errors["image.png"]
    assert "no such file" in errors["missing.txt"]


def test_source_file_strips_the_readers_locators() -> None:
    from newsweave.read import source_file

    assert [source_file(s) for s in ("a/dump.jsonl:7", "c.warc@1990", "f.xml#3", "b/plain:name.txt")] == [
        "a/dump.jsonl",
        "c.warc",
        "f.xml",
        "b/plain:name.txt",
    ]
