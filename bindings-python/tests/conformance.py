"""The conformance vectors (tests/vectors/*.json, or $VECTORS_DIR): loading and comparing,
exactly as the Rust runner does (tests/conformance/src/{lib,compare}.rs)."""

import json
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, List, Optional

REPO = Path(__file__).resolve().parents[2]
TOLERANCE = 1e-9


@dataclass
class Case:
    file: str
    op: str
    name: str
    input: Any
    kind: str  # "expect", "expect_subset" or "error"
    expected: Any

    @property
    def id(self) -> str:
        return f"{self.file} :: {self.op} :: {self.name}"


def vectors_dir() -> Path:
    return Path(os.environ.get("VECTORS_DIR") or REPO / "tests" / "vectors")


def load(directory: Optional[Path] = None) -> List[Case]:
    """Every case of every *.json file, in file-name order; a malformed file fails loudly."""
    directory = directory or vectors_dir()
    cases = []
    files = sorted(directory.glob("*.json"))
    if not files:
        raise RuntimeError(f"no vector files in {directory}")
    for path in files:
        groups = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(groups, list):
            raise ValueError(f"{path.name}: expected an array of groups")
        for group in groups:
            op = group["op"]
            for case in group["cases"]:
                kinds = [k for k in ("expect", "expect_subset", "error") if k in case]
                if len(kinds) != 1:
                    raise ValueError(
                        f"{path.name}: {op} / {case.get('name')}: "
                        "needs exactly one of expect, expect_subset, error"
                    )
                kind = kinds[0]
                cases.append(
                    Case(path.name, op, case["name"], case.get("input"), kind, case[kind])
                )
    return cases


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def equal(want: Any, got: Any) -> bool:
    """Equal under the contract: numbers with a relative tolerance of 1e-9, the rest exactly."""
    if _is_number(want) and _is_number(got):
        if isinstance(want, int) and isinstance(got, int):
            return want == got
        x, y = float(want), float(got)
        return x == y or (math.isfinite(x) and abs(x - y) <= TOLERANCE * max(abs(x), abs(y)))
    if isinstance(want, list) and isinstance(got, list):
        return len(want) == len(got) and all(equal(a, b) for a, b in zip(want, got))
    if isinstance(want, dict) and isinstance(got, dict):
        return len(want) == len(got) and all(k in got and equal(v, got[k]) for k, v in want.items())
    if isinstance(want, bool) or isinstance(got, bool):
        return type(want) is type(got) and want == got
    return bool(want == got) and type(want) is type(got)


def subset(want: Any, got: Any) -> bool:
    """Every key of `want` in `got` with an equal value (top level only)."""
    if isinstance(want, dict) and isinstance(got, dict):
        return all(k in got and equal(v, got[k]) for k, v in want.items())
    return equal(want, got)
