"""Smoke test of the UniFFI-generated Python: a subset of the conformance vectors (numbers,
durations, calendar, periods) through the generated API, with native dates.

    scripts/build-ffi && python3 bindings-ffi/python/smoke_test.py

Reads `$VECTORS_DIR` (default: tests/vectors). Prints one line per failure and ends with
`N passed, M failed`; exits 1 on any failure.
"""

import datetime
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bindings-ffi" / "generated" / "python"))

import complaint_office_ffi as co  # noqa: E402

FILES = ["number.json", "duration.json", "calendar.json", "period.json"]


class VectorError(Exception):
    """A vector the runner cannot use: a failure, never a skip."""


def field(inp, key):
    if key not in inp:
        raise VectorError(f"vector.missing_input:{key}")
    return inp[key]


def policy_of(inp):
    return co.Policy.from_json(json.dumps(inp["policy"])) if "policy" in inp else co.Policy()


def calendar_of(inp):
    cal = policy_of(inp).calendar()
    if "holiday_cn" in inp:
        data = inp["holiday_cn"]
        cal = cal.with_holiday_cn(data if isinstance(data, str) else json.dumps(data))
    return cal


def clamp(n):
    return n if -(2**31) <= n < 2**31 else 2**31 - 1


def run(op, inp):
    area = op.split(".")[0]
    if area == "number":
        if op == "number.parse":
            n = co.ComplaintNumber.parse(field(inp, "text"))
            return {"year": n.year(), "month": n.month(), "serial": n.serial()}
        if op == "number.format":
            parts = [clamp(field(inp, k)) for k in ("year", "month", "serial")]
            return str(co.ComplaintNumber(*parts))
        if op == "number.next":
            policy = policy_of(inp)
            issued = [co.ComplaintNumber.parse(t) for t in field(inp, "issued")]
            at = co.parse_instant(field(inp, "at"))
            return str(co.next_number_at(issued, at, policy.office_offset()))
    elif area == "duration":
        if op == "duration.parse":
            d = co.Duration.parse(field(inp, "text"))
            return {"amount": d.amount(), "unit": d.unit().as_str()}
        if op == "duration.format":
            unit = co.parse_duration_unit(field(inp, "unit"))
            return str(co.Duration(field(inp, "amount"), unit))
    elif area == "calendar":
        cal = calendar_of(inp)
        date = lambda key: co.parse_date(field(inp, key))  # noqa: E731
        if op == "calendar.is_working_day":
            return cal.is_working_day(date("date"))
        if op == "calendar.add_working_days":
            return cal.add_working_days(date("date"), field(inp, "days")).isoformat()
        if op == "calendar.working_days_between":
            return cal.working_days_between(date("from"), date("to"))
        if op == "calendar.day":
            d = cal.day(date("date"))
            return {"date": d.date.isoformat(), "working": d.working, "kind": d.kind.as_str(),
                    "festival": None if d.festival is None else d.festival.as_str(),
                    "covered": d.covered}
        if op == "calendar.covered_range":
            r = cal.covered_range()
            return None if r is None else {"first": r.first.isoformat(), "last": r.last.isoformat()}
        if op == "calendar.is_working_epoch_day":
            return cal.is_working_epoch_day(field(inp, "day"))
        if op == "calendar.add_working_days_to_epoch_day":
            return cal.add_working_days_to_epoch_day(field(inp, "day"), field(inp, "days"))
        if op == "calendar.is_working_day_epoch":
            return cal.is_working_day_epoch(field(inp, "epoch_days"))
        if op == "calendar.add_working_days_epoch":
            return cal.add_working_days_epoch(field(inp, "epoch_days"), field(inp, "days"))
        if op == "calendar.working_days_between_epoch":
            return cal.working_days_between_epoch(field(inp, "from"), field(inp, "to"))
    elif area == "period":
        policy = policy_of(inp)
        start = co.parse_instant(field(inp, "start"))
        duration = co.Duration.parse(field(inp, "duration"))
        deadline = co.period_end(policy.calendar(), start, duration)
        if op == "period.end":
            return {"last_day": deadline.last_day.isoformat(),
                    "due": co.format_instant(deadline.due),
                    "provisional": deadline.provisional}
        if op == "period.explain":
            return [{"rule": r.name(), "article": r.article()} for r in deadline.rules]
    raise VectorError(f"vector.unknown_op:{op}")


def equal(want, got):
    if isinstance(want, bool) or isinstance(got, bool):
        return want is got if isinstance(want, bool) and isinstance(got, bool) else False
    if isinstance(want, (int, float)) and isinstance(got, (int, float)):
        if isinstance(want, int) and isinstance(got, int):
            return want == got
        return want == got or abs(want - got) <= 1e-9 * max(abs(want), abs(got))
    if isinstance(want, list) and isinstance(got, list):
        return len(want) == len(got) and all(equal(a, b) for a, b in zip(want, got))
    if isinstance(want, dict) and isinstance(got, dict):
        return len(want) == len(got) and all(k in got and equal(v, got[k]) for k, v in want.items())
    return want == got


def outcome(op, inp):
    try:
        return ("ok", run(op, inp))
    except co.ComplaintOfficeError as e:
        return ("error", e.code)
    except VectorError as e:
        return ("error", str(e))


def main():
    folder = Path(os.environ.get("VECTORS_DIR") or ROOT / "tests" / "vectors")
    passed = failed = 0
    for name in FILES:
        for group in json.loads((folder / name).read_text(encoding="utf-8")):
            op = group["op"]
            for case in group["cases"]:
                kind, value = outcome(op, case.get("input") or {})
                if "error" in case:
                    ok = kind == "error" and value == case["error"]
                    want = f"error {case['error']}"
                elif "expect_subset" in case:
                    want = case["expect_subset"]
                    ok = kind == "ok" and isinstance(value, dict) and all(
                        k in value and equal(v, value[k]) for k, v in want.items())
                else:
                    want = case["expect"]
                    ok = kind == "ok" and equal(want, value)
                if ok:
                    passed += 1
                else:
                    failed += 1
                    print(f"FAIL {name} :: {op} :: {case['name']}: expected {want}, got {kind} {value}")
    # Native dates go in and come out.
    cal = co.Calendar.cn()
    if cal.add_working_days(datetime.date(2025, 9, 26), 5) == datetime.date(2025, 10, 10):
        passed += 1
    else:
        failed += 1
        print("FAIL native dates")
    # A panic inside the library is an error with a code, not a crash of the interpreter.
    try:
        co.panic_probe()
        ok = False
    except co.ComplaintOfficeError as e:
        ok = e.code == "internal.panic"
    passed, failed = (passed + 1, failed) if ok else (passed, failed + 1)
    if not ok:
        print("FAIL panic probe")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
