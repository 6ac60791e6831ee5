"""JSON output: deterministic (fixed key order, no timestamps), UTF-8, trailing newline."""

from __future__ import annotations

import json
from typing import Any


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def to_jsonl(values: list[Any]) -> str:
    return "".join(json.dumps(v, ensure_ascii=False) + "\n" for v in values)
