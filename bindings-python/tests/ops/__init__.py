"""One module per area: each turns a case's input into typed calls of the Python API and the
result into JSON, mirroring tests/conformance/src/ops/*.rs."""

import json
from typing import Any, Callable, Dict

from . import (
    accountability,
    archive,
    calendar,
    case,
    classify,
    duration,
    history,
    intake,
    number,
    office,
    period,
    policy,
    privacy,
    stats,
    triage,
)

OPS: Dict[str, Callable[[Any], Any]] = {}
for _area in (
    number, duration, policy, calendar, period, case, accountability, archive, privacy, intake, classify,
    triage, stats, office, history,
):
    OPS.update(_area.OPS)


class UnknownOp(Exception):
    """An op this runner does not know: a failure, never a skip."""


def run(op: str, input: Any) -> Any:
    """The op's output as plain JSON (enum members become their names)."""
    try:
        fn = OPS[op]
    except KeyError:
        raise UnknownOp(f"unknown op {op}") from None
    return json.loads(json.dumps(fn(input)))
