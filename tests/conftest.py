"""Shared fixtures: paths to the bundled example corpus and small pages written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "harbor-fire"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def examples() -> Path:
    return EXAMPLES


@pytest.fixture
def data() -> Path:
    return DATA
