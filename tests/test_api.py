"""The Python API (newsweave.api): the README's examples run as written, and a brief of unanalysed articles
raises instead of reporting every sentence as asserted."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

import newsweave
from newsweave.contract import build_brief

ROOT = Path(__file__).resolve().parents[1]


def test_the_readme_python_examples_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Python API", 1)[1].split("\n## ", 1)[0]
    [code] = re.findall(r"```python\n(.*?)```", section, re.DOTALL)
    os.symlink(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    scope: dict = {}
    exec(compile(code, "README.md", "exec"), scope)  # the README's own example, as a user would run it
    assert scope["markdown"].startswith("# ") and scope["summary"].added == 5
    assert scope["hits"] and scope["report"]["stories"][0]["id"] == scope["stored"][0]["id"]
    assert "claims," in capsys.readouterr().out


def test_brief_render_and_the_store_agree_with_the_cli_contract(tmp_path: Path) -> None:
    brief = newsweave.brief(str(ROOT / "examples" / "harbor-fire"), length=6)
    assert brief["schema"] == "newsweave/1" and len(brief["stories"]) == 1
    assert json.loads(newsweave.render(brief, "json")) == brief
    assert newsweave.render(brief, "html").startswith("<!DOCTYPE html>")
    with pytest.raises(ValueError, match="unknown format"):
        newsweave.render(brief, "pdf")
    with newsweave.Store(tmp_path / "s.db") as store:
        store.ingest(str(ROOT / "examples" / "harbor-fire"))
        with pytest.raises(newsweave.NewsweaveError, match="no story"):
            store.report("story-999")


def test_a_brief_of_articles_that_were_only_extracted_raises() -> None:
    result = newsweave.extract([str(ROOT / "examples" / "harbor-fire")])
    with pytest.raises(newsweave.NotAnalysed, match="not analysed"):
        build_brief(result.articles, result.errors)
    analysed = newsweave.extract([str(ROOT / "examples" / "harbor-fire")], analysis=True)
    assert build_brief(analysed.articles, analysed.errors)["stories"]


def test_import_newsweave_the_cli_and_extract_load_no_model_library() -> None:
    """`import newsweave`, `newsweave --help` and `extract` never import spaCy or the embedding runtime
    (measured as time in benchmarks/latency.py; here as what is imported, which does not vary with the machine)."""
    import subprocess
    import sys

    heavy = "('spacy', 'onnxruntime', 'torch', 'sentence_transformers', 'trafilatura', 'datasketch')"
    for run in (
        "import newsweave",
        "from typer.testing import CliRunner; from newsweave.cli import app; CliRunner().invoke(app, ['--help'])",
    ):
        code = f"import sys; {run}; print(sorted(m for m in {heavy} if m in sys.modules))"
        assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "[]", run
    examples = ROOT / "examples" / "harbor-fire"
    code = (
        "import sys; from typer.testing import CliRunner; from newsweave.cli import app; "
        f"CliRunner().invoke(app, ['extract', {str(examples)!r}]); "
        "print(sorted(m for m in ('spacy', 'onnxruntime', 'torch', 'sentence_transformers') if m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "[]"


def test_the_library_logs_failed_inputs_and_prints_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{oops\n", encoding="utf-8")
    with caplog.at_level("INFO", logger="newsweave"):
        result = newsweave.extract([str(broken)])
    assert len(result.errors) == 1 and any("broken.jsonl:1: invalid JSON" in r.getMessage() for r in caplog.records)
    assert capsys.readouterr() == ("", "")
