"""Every conformance vector through the typed Python API of the installed wheel."""

import pytest

import complaint_office as co
from conformance import equal, load, subset
from ops import run

CASES = load()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_vector(case):
    try:
        got = run(case.op, case.input)
    except co.ComplaintOfficeError as e:
        if case.kind == "error":
            assert e.code == case.expected, f"expected error {case.expected}, got error {e.code}"
            return
        pytest.fail(f"expected {case.expected}\n       got error {e.code}: {e}")
    if case.kind == "error":
        pytest.fail(f"expected error {case.expected}, got {got}")
    same = equal(case.expected, got) if case.kind == "expect" else subset(case.expected, got)
    assert same, f"expected {case.expected}\n       got {got}"
