"""Engines: a real process pool and a real Dask LocalCluster give byte-identical output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from dask.distributed import LocalCluster

from newsweave.engine import POOL_FROM, LocalEngine, make_engine
from newsweave.pipeline import extract
from newsweave.renderers.json import to_json

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "harbor-fire"


def many_articles(tmp_path: Path, n: int = POOL_FROM + 6) -> Path:
    lines = []
    for i in range(n):
        text = (
            f"Storm damage in district {i}\n\nThe storm damaged {i + 3} houses in district {i} on Monday, "
            f'officials said.\n\n"We have never seen wind like this," said resident Ana Lopez{i}.\n\nShare this article'
        )
        lines.append(json.dumps({"id": f"d{i:03d}", "text": text, "published": "2024-02-05"}))
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines) + "\n{broken\n", encoding="utf-8")
    return path


def test_process_pool_matches_in_process(tmp_path: Path) -> None:
    path = many_articles(tmp_path)
    serial = extract([str(path)], engine=LocalEngine(workers=1))
    with LocalEngine(workers=2) as pool:
        parallel = extract([str(path)], engine=pool)
    assert to_json([a.to_dict(sentences=True) for a in serial.articles]) == to_json(
        [a.to_dict(sentences=True) for a in parallel.articles]
    )
    assert len(parallel.articles) == POOL_FROM + 6 and len(parallel.errors) == 1


@pytest.mark.dask
@pytest.mark.slow
def test_dask_local_cluster_is_byte_identical_to_local(tmp_path: Path) -> None:
    path = many_articles(tmp_path, n=12)
    inputs = [str(EXAMPLES), str(path)]
    local = subprocess.run(
        [sys.executable, "-m", "newsweave", "brief", *inputs, "--format", "json"], capture_output=True, timeout=300
    )
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        dask = subprocess.run(
            [sys.executable, "-m", "newsweave", "brief", *inputs, "--format", "json", "--engine", "dask",
             "--scheduler", cluster.scheduler_address],
            capture_output=True, timeout=300,
        )  # fmt: skip
    assert local.returncode == dask.returncode == 1  # the broken JSONL line
    assert dask.stdout == local.stdout
    assert len(json.loads(dask.stdout)["stories"][0]["quotes"]) > 20


def test_unknown_engine_is_a_usage_error() -> None:
    with pytest.raises(ValueError, match="unknown engine"):
        make_engine("spark")
    done = subprocess.run(
        [sys.executable, "-m", "newsweave", "extract", str(EXAMPLES), "--engine", "spark"], capture_output=True
    )
    assert done.returncode == 2
