#!/usr/bin/env python3
"""complaint-office from Python, side by side with its peers.

Working days: the k-th working day after a start date, for N (start date, k) pairs on the PRC
calendar (2008-2025, k in 1..30), by

* numpy ``busday_offset`` with the statutory holidays (fast, but it cannot express make-up
  working days: it is wrong whenever one is involved; the share is printed),
* a numpy ``searchsorted`` table of working days (correct, built once),
* a pure-Python ``bisect`` table (correct, built once),
* ``chinese_calendar.find_workday`` (on a sample: it walks day by day),
* ``Calendar.add_working_days_many`` from numpy ``datetime64[D]`` arrays and from
  ``list[date]``, and a single ``Calendar.is_working_day(date)`` call.

Statistics (when the binding has ``report_from_csv``): a monthly report from a CSV ledger of
N rows, ``report_from_csv`` against pandas ``read_csv`` + the same statistics.

    python bindings-python/bench/compare.py            # N = 1,000,000
    python bindings-python/bench/compare.py --quick    # N = 20,000, a smoke test

Peers that are not installed (numpy, pandas, chinese_calendar) are reported as such.
"""

import argparse
import bisect
import datetime as dt
import os
import random
import sys
import tempfile
import time
import timeit
from typing import Callable, List, Optional, Tuple

import complaint_office as co

try:
    import numpy as np
except ImportError:  # numpy is optional for the library; most rows need it here
    np = None  # type: ignore[assignment]

FIRST, LAST = dt.date(2008, 1, 1), dt.date(2025, 12, 31)
CAL = co.Calendar.default()


def best_of(fn: Callable[[], object], repeat: int = 3) -> Tuple[float, object]:
    """The fastest of `repeat` runs, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def row(name: str, seconds: Optional[float], note: str = "") -> None:
    figure = "      n/a" if seconds is None else f"{seconds:9.4f} s"
    print(f"  {name:<46} {figure}  {note}")


def working_days_table() -> List[dt.date]:
    span = (LAST - FIRST).days + 60
    days = [FIRST + dt.timedelta(days=i) for i in range(span)]
    return [d for d, w in zip(days, CAL.is_working_day_many(days)) if w]


def calendar_bench(n: int, seed: int) -> None:
    rng = random.Random(seed)
    span = (LAST - FIRST).days
    starts = [FIRST + dt.timedelta(days=rng.randrange(span)) for _ in range(n)]
    ks = [rng.randint(1, 30) for _ in range(n)]
    print(f"Working days: {n:,} (start date, k) pairs, PRC calendar {FIRST.year}-{LAST.year}, k in 1..30")

    t_list, truth = best_of(lambda: CAL.add_working_days_many(starts, ks))
    assert isinstance(truth, list)

    if np is not None:
        starts_np = np.array(starts, dtype="datetime64[D]")
        ks_np = np.array(ks, dtype=np.int64)
        truth_np = np.array(truth, dtype="datetime64[D]")

        off = [d for d in working_days_table_all() if d.weekday() < 5 and not CAL.is_working_day(d)]
        holidays = np.array(off, dtype="datetime64[D]")
        cal = np.busdaycalendar(weekmask="1111100", holidays=holidays)
        t_bus, bus = best_of(lambda: np.busday_offset(starts_np, ks_np, roll="backward", busdaycal=cal))
        wrong = float(np.mean(bus != truth_np)) * 100
        row("numpy busday_offset (no make-up days)", t_bus, f"wrong on {wrong:.1f} % of pairs")

        table = np.array(working_days_table(), dtype="datetime64[D]")
        def searchsorted() -> object:
            return table[np.searchsorted(table, starts_np, side="right") + ks_np - 1]
        t_ss, ss = best_of(searchsorted)
        assert bool((ss == truth_np).all()), "the searchsorted table disagrees"
        row("numpy searchsorted table", t_ss, "correct")
    else:
        t_ss = None
        row("numpy busday_offset / searchsorted", None, "numpy not installed")

    table_py = [d.toordinal() for d in working_days_table()]
    def bisect_table() -> List[dt.date]:
        fromordinal, right = dt.date.fromordinal, bisect.bisect_right
        return [fromordinal(table_py[right(table_py, d.toordinal()) + k - 1]) for d, k in zip(starts, ks)]
    t_bi, bi = best_of(bisect_table, repeat=1 if n > 100_000 else 3)
    assert bi == truth, "the bisect table disagrees"
    row("pure-Python bisect table", t_bi, "correct")

    try:
        import chinese_calendar as cc
    except ImportError:
        row("chinese_calendar.find_workday", None, "chinese_calendar not installed")
    else:
        sample = min(n, 2_000)
        def walk() -> List[dt.date]:
            return [cc.find_workday(k if cc.is_workday(d) else k - 1, d) for d, k in zip(starts[:sample], ks[:sample])]
        t_cc, got = best_of(walk, repeat=1)
        agree = sum(a == b for a, b in zip(got, truth[:sample])) / sample * 100
        row("chinese_calendar.find_workday", t_cc / sample * n,
            f"{t_cc / sample * 1e6:.0f} µs per item (extrapolated from {sample:,}), agrees on {agree:.1f} %")

    if np is not None:
        t_np, got_np = best_of(lambda: CAL.add_working_days_many(starts_np, ks_np), repeat=5)
        assert bool((got_np == truth_np).all())
        note = "correct"
        if t_ss:
            note += f", {t_ss / t_np:.1f}x the searchsorted table (target >= 3x, <= 0.02 s per 1M)"
        row("complaint_office, numpy datetime64[D] arrays", t_np, note)
    row("complaint_office, list[date]", t_list, "correct (target <= 0.3 s per 1M)")

    d = dt.date(2025, 10, 11)
    loops = 200_000 if n > 100_000 else 20_000
    is_working_day = CAL.is_working_day
    per_call = min(timeit.repeat(lambda: is_working_day(d), number=loops, repeat=7)) / loops
    toordinal = min(timeit.repeat(lambda: d.toordinal(), number=loops, repeat=7)) / loops
    print(f"  {'complaint_office, one is_working_day(date) call':<46} {per_call * 1e9:7.0f} ns  (target <= 150 ns)")
    print(f"  {'yardstick: Python d.toordinal() in the same loop':<46} {toordinal * 1e9:7.0f} ns  (the machine's speed)")


def working_days_table_all() -> List[dt.date]:
    span = (LAST - FIRST).days + 60
    return [FIRST + dt.timedelta(days=i) for i in range(span)]


def stats_bench(n: int, seed: int) -> None:
    report_from_csv = getattr(co, "report_from_csv", None)
    bench_ledger = getattr(co, "_bench_ledger", None)
    print(f"Statistics: CSV ledger of {n:,} rows -> monthly report")
    if report_from_csv is None:
        row("complaint_office.report_from_csv", None, "not in this build (statistics land in phase 2)")
        return
    from bench_stats import run_stats_bench  # the ledger format belongs to the stats module

    run_stats_bench(co, n, seed, row, best_of)
    del bench_ledger


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="20,000 pairs/rows: a smoke test")
    parser.add_argument("-n", type=int, default=None, help="pairs and rows (default 1,000,000)")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    n = args.n or (20_000 if args.quick else 1_000_000)
    print(f"complaint_office {co.__version__}, Python {sys.version.split()[0]}, numpy {getattr(np, '__version__', 'n/a')}, {os.cpu_count()} CPUs")
    calendar_bench(n, args.seed)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    stats_bench(n, args.seed)


if __name__ == "__main__":
    main()
