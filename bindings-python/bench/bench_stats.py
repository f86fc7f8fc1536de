"""The statistics half of compare.py: ``report_from_csv`` against pandas ``read_csv`` + the
same monthly statistics, on a synthetic ledger written by the library's own generator."""

import os
import tempfile
import time
from typing import Any, Callable, Dict, Tuple


def pandas_monthly(path: str) -> Dict[str, Any]:
    """pandas: read the ledger and compute what the monthly report has (received by period and
    by category/department/channel/severity, closed and handling hours by closing period,
    satisfaction rate, open at the end of each month, change from the previous month)."""
    import numpy as np
    import pandas as pd

    df = pd.read_csv(path, dtype={"number": str, "channel": "category", "category": "category",
                                  "department": "category", "severity": "category"})
    fmt = "%Y-%m-%d %H:%M:%S"
    received = pd.to_datetime(df["received_at"], format=fmt)  # office time, as the ledger says
    closed = pd.to_datetime(df["closed_at"], format=fmt)
    month = received.dt.to_period("M")
    closed_month = closed.dt.to_period("M")
    total = month.value_counts().sort_index()
    by = {c: df.groupby([month, df[c]], observed=True).size() for c in ("category", "department", "channel", "severity")}
    hours = (closed - received).dt.total_seconds() / 3600
    handled = pd.DataFrame({"m": closed_month, "h": hours}).dropna()
    handling = handled.groupby("m")["h"].agg(["size", "mean", "median", lambda s: np.percentile(s, 90)])
    answered = pd.DataFrame({"m": closed_month, "s": df["satisfied"]}).dropna()
    satisfaction = answered.groupby("m")["s"].mean()
    periods = pd.period_range(month.min(), month.max(), freq="M")
    ends = periods.end_time
    rec = np.sort(received.values)
    clo = np.sort(closed.dropna().values)
    open_at_end = np.searchsorted(rec, ends.values, side="right") - np.searchsorted(clo, ends.values, side="right")
    change = total.reindex(periods, fill_value=0).diff()
    return {"total": total, "by": by, "handling": handling, "satisfaction": satisfaction,
            "open_at_end": open_at_end, "change": change}


def run_stats_bench(co: Any, n: int, seed: int, row: Callable[..., None],
                    best_of: Callable[..., Tuple[float, Any]]) -> None:
    with tempfile.TemporaryDirectory(prefix="complaint-office-bench-") as folder:
        _stats_bench_in(co, n, seed, row, best_of, os.path.join(folder, "ledger.csv"))


def _stats_bench_in(co: Any, n: int, seed: int, row: Callable[..., None],
                    best_of: Callable[..., Tuple[float, Any]], path: str) -> None:
    start = time.perf_counter()
    text = co.stats.synthetic_csv(n, months=24, first_month="2024-01", seed=seed)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"  (ledger: {n:,} rows, {os.path.getsize(path) / 1e6:.0f} MB, written in {time.perf_counter() - start:.1f} s)")
    del text

    t_ours, report = best_of(lambda: co.report_from_csv(path, "month"), repeat=3)
    try:
        import pandas  # noqa: F401
    except ImportError:
        row("complaint_office.report_from_csv", t_ours, "pandas not installed")
        return
    t_pd, figures = best_of(lambda: pandas_monthly(path), repeat=2)
    ours = {str(p.period): p.total for p in report.periods}
    theirs = {str(k): int(v) for k, v in figures["total"].items()}
    agree = "totals agree" if ours == theirs else "TOTALS DIFFER"
    row("pandas read_csv + monthly statistics", t_pd, agree)
    row("complaint_office.report_from_csv", t_ours, f"{t_pd / t_ours:.1f}x pandas (target >= 5x)")
