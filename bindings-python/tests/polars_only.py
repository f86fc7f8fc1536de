"""Run in a fresh virtual environment holding only the wheel and polars (scripts/suites/python):
the dataframe route must work without pyarrow, pandas or numpy.

    Ledger.from_arrow(polars_df) -> report.to_polars(), and the `co` expression namespace.
"""

import datetime
import importlib.util
import sys
import tempfile
from pathlib import Path

import polars as pl

import complaint_office.dataframe  # noqa: F401  (registers the `co` namespace)
from complaint_office import Calendar, stats


def main() -> int:
    for absent in ("pyarrow", "pandas", "numpy"):
        assert importlib.util.find_spec(absent) is None, f"{absent} is installed: not a polars-only environment"
    path = Path(tempfile.mkdtemp()) / "ledger.csv"
    path.write_text(stats.synthetic_csv(30_000, seed=3), encoding="utf-8")
    df = pl.read_csv(path, try_parse_dates=True, schema_overrides={"number": pl.String})
    report = stats.Ledger.from_arrow(df).report("month")
    expected = stats.Ledger.from_csv_path(str(path)).report("month").to_dict()

    long = report.to_polars()
    assert isinstance(long, pl.DataFrame) and long.columns == ["period", "dimension", "key", "figure"]
    totals = long.filter(pl.col("dimension") == "total").select("period", "figure").rows()
    assert [(p, int(f)) for p, f in totals] == [(p["period"], p["total"]) for p in expected["periods"]]
    wide = report.to_polars("wide")
    assert wide["open_at_end"].to_list() == [p["open_at_end"] for p in expected["periods"]]
    assert pl.DataFrame(report).equals(long)

    calendar = Calendar.default()
    days = df.select(pl.col("received_at").dt.date().alias("d")).head(5_000)
    got = days.lazy().select(pl.col("d").co.add_working_days(5)).collect()["d"].to_list()
    assert got == [calendar.add_working_days(d, 5) for d in days["d"].to_list()]
    print(f"polars only: report of {len(report.periods)} months and {len(got)} working-day rows agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
