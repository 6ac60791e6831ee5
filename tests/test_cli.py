"""The command line: formats, the JSON contract (schema), exit codes, error lines, determinism."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from newsweave.analyze.sentences import split_sentences
from newsweave.cli import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "harbor-fire"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """The command, in this process (Typer's CliRunner: the models load once for the whole file)."""
    result = CliRunner().invoke(app, list(args), input=stdin, catch_exceptions=False)
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout_bytes, result.stderr_bytes)


def run_installed(*args: str) -> subprocess.CompletedProcess[bytes]:
    """The command as a user runs it: the installed entry point in a new process."""
    return subprocess.run([sys.executable, "-m", "newsweave", *args], capture_output=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(resources.files("newsweave").joinpath("schema/brief.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def brief_json() -> bytes:
    result = run("brief", str(EXAMPLES), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def test_brief_json_matches_the_schema(brief_json: bytes, schema: dict) -> None:
    data = json.loads(brief_json)
    jsonschema.validate(data, schema)
    assert data["schema"] == "newsweave/1" and data["errors"] == []
    [story] = data["stories"]
    assert len(story["articles"]) == 5
    for section in ("claims", "conflicts", "outlets", "summary", "timeline"):
        assert story[section], section
    assert len(story["quotes"]) >= 20
    for article in story["articles"]:
        assert all("stance" in s for s in article["sentences"])


def test_schema_rejects_a_broken_brief(brief_json: bytes, schema: dict) -> None:
    data = json.loads(brief_json)
    data["stories"][0]["articles"][0]["removed"].append({"text": "x", "reason": "made-up"})
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_brief_is_deterministic(brief_json: bytes, examples: Path) -> None:
    again = run_installed("brief", str(examples), "--format", "json")  # end to end, in a fresh process
    assert again.stdout == brief_json


def test_brief_markdown_shows_metadata_text_and_removed(examples: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    result = run("brief", str(examples), "--format", "md", "-o", str(out))
    assert result.returncode == 0 and result.stdout == b""
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# ")
    assert "## Articles" in md and "**outlet:** Meridian Press Agency" in md
    assert "Three people were killed and eleven were taken to hospital" in md
    assert "<details><summary>Removed" in md and "*promo*" in md
    claims = md.split("## Claims", 1)[1].split("## Conflicts", 1)[0]
    assert "| claim | independent sources | outlets | sentences |" in claims and "*single source:*" in claims
    conflicts = md.split("## Conflicts", 1)[1].split("## Who said what", 1)[0]
    assert '### Number: Counts disagree: "Seven" (Daily Ledger) vs "Three"' in conflicts
    assert "- A: “" in conflicts and "- B: “" in conflicts
    assert "| outlet | articles | only it reports |" in md.split("## Outlets", 1)[1]


def test_brief_aligns_the_example_story(brief_json: bytes) -> None:
    [story] = json.loads(brief_json)["stories"]
    claims = {c["id"]: c for c in story["claims"]}
    death_toll = [c for c in story["conflicts"] if c["kind"] == "number" and "Seven" in c["description"]]
    assert len(death_toll) == 1 and {e["article"] for e in death_toll[0]["evidence"]} == {
        "01-meridian-wire",
        "04-daily-ledger",
    }  # the wire's reprint is the same source, so it is not repeated as evidence
    wire_only = claims[death_toll[0]["claims"][1]]
    assert wire_only["sources"] == 1 and wire_only["single_source"]
    assert wire_only["outlets"] == ["Meridian Press Agency", "The Coastal Herald"]
    assert any(
        c["kind"] == "denial" and c["description"].startswith("Ministry of Transport") for c in story["conflicts"]
    )
    profiles = {p["outlet"]: p for p in story["outlets"]}
    assert profiles["The Coastal Herald"]["sources"] == profiles["Meridian Press Agency"]["sources"]
    assert profiles["NewsFlash247"]["hedged_share"] > profiles["Meridian Press Agency"]["hedged_share"]


def test_extract_json_sentences_satisfy_the_offset_invariant(examples: Path) -> None:
    result = run("extract", str(examples), "--format", "json")
    articles = json.loads(result.stdout)
    assert [a["id"] for a in articles] == sorted(a["id"] for a in articles)
    for article in articles:
        spans = [(s["start"], s["end"]) for s in article["sentences"]]
        assert spans == [(s.start, s.end) for s in split_sentences(article["text"])]
        for start, end in spans:
            piece = article["text"][start:end]
            assert piece and piece == piece.strip()


def test_extract_jsonl_and_text_formats(examples: Path) -> None:
    lines = run("extract", str(examples / "01-meridian-wire.txt"), "--format", "jsonl").stdout.decode().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["author"] == "Lena Marsh"
    text = run("extract", str(examples / "01-meridian-wire.txt"), "--format", "text").stdout.decode()
    assert text.startswith("== 01-meridian-wire\ntitle: Fire guts grain terminal")
    assert "Share this article" not in text


def test_stdin_jsonl() -> None:
    line = json.dumps({"id": "in1", "text": "The mayor resigned on Monday, the council said in a statement."})
    result = run("extract", "-", "--format", "jsonl", stdin=line.encode() + b"\n")
    assert result.returncode == 0 and json.loads(result.stdout)["id"] == "in1"


def test_bad_inputs_exit_1_name_the_file_and_keep_the_rest(examples: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "ok", "text": "The bridge reopened on Sunday, officials said."}\n{oops\n', "utf-8")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(256)))
    result = run("brief", str(examples), str(broken), str(binary), str(tmp_path / "nope.txt"), "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert sum(len(story["articles"]) for story in data["stories"]) == 6  # the bridge item is a story of its own
    stderr = result.stderr.decode().splitlines()
    assert len(stderr) == 3 and len(data["errors"]) == 3
    assert any(f"{broken}:2" in line and "invalid JSON" in line for line in stderr)
    assert any(str(binary) in line and "unsupported file type" in line for line in stderr)
    assert any("nope.txt" in line and "no such file" in line for line in stderr)


def test_only_bad_inputs_still_print_a_valid_brief(tmp_path: Path, schema: dict) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    result = run("brief", str(empty), "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema)
    assert data["stories"] == [] and data["errors"] == [{"source": str(empty), "error": "empty: no text"}]


def test_usage_errors_exit_2() -> None:
    assert run("brief").returncode == 2
    assert run("brief", "x.txt", "--format", "pdf").returncode == 2
    assert run("no-such-command").returncode == 2


def test_help_has_examples() -> None:
    for command in ("extract", "brief"):
        result = run(command, "--help")
        assert result.returncode == 0 and b"Examples" in result.stdout


def test_quotes_command_json_and_jsonl(examples: Path) -> None:
    source = str(examples / "04-daily-ledger.txt")
    as_json = json.loads(run("quotes", source, "--format", "json").stdout)
    [line] = run("quotes", source, "--format", "jsonl").stdout.decode().splitlines()
    assert as_json == [json.loads(line)]
    [article] = as_json
    quotes = {q["text"]: q for q in article["quotes"]}
    assert quotes["We begged them to fix the vents,"]["speaker"] == "Mara Dukic"
    assert quotes["We begged them to fix the vents,"]["kind"] == "direct"
    partial = quotes['the January check "closed all open findings"']  # the whole reported clause
    assert partial["kind"] == "partial" and partial["speaker"] == "Ilse Varga"
    inside = [partial["text"][s - partial["start"] : e - partial["start"]] for s, e in partial["quoted"]]
    assert inside == ["closed all open findings"] and partial["speaker_type"] == "person"


def test_who_said_what_in_markdown(examples: Path) -> None:
    md = run("brief", str(examples)).stdout.decode()
    section = md.split("## Who said what", 1)[1].split("\n### Fire guts", 1)[0]
    assert "### Anton Belic" in section and "### Ilse Varga" in section
    assert "“Nothing will be hidden.”" in section
