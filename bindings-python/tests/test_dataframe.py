"""Arrow in and out with the real dataframe libraries (pyarrow, polars, pandas, DuckDB): every
path reports exactly what the CSV reader reports on the same ledger, and the working-day
columns agree with the scalar calendar on every row. A test is skipped only when its library
is not installed (the python suite of scripts/test installs all four)."""

import datetime
import math
import os

import pytest

import complaint_office as co
from complaint_office import dataframe, stats
from complaint_office.stats import Ledger

ROWS = 20_000


@pytest.fixture(scope="module")
def ledger_csv(tmp_path_factory):
    path = tmp_path_factory.mktemp("ledger") / "ledger.csv"
    path.write_text(stats.synthetic_csv(ROWS, seed=7), encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def expected(ledger_csv):
    return Ledger.from_csv_path(ledger_csv).report("month").to_dict()


def report_of(data, **kw):
    got = Ledger.from_arrow(data, **kw).report("month").to_dict()
    # Straight to a report, without a ledger: the same figures.
    assert stats.Report.from_arrow(data, "month", **kw).to_dict() == got
    return got


# --------------------------------------------------------------------------- ledgers in


def test_pyarrow_table_and_batches(ledger_csv, expected):
    pa = pytest.importorskip("pyarrow")
    pacsv = pytest.importorskip("pyarrow.csv")
    table = pacsv.read_csv(
        ledger_csv,
        convert_options=pacsv.ConvertOptions(column_types={"number": pa.string()}),
    )
    assert pa.types.is_timestamp(table.schema.field("received_at").type)
    assert report_of(table) == expected
    # A record batch (the __arrow_c_array__ route) and several batches.
    assert report_of(table.combine_chunks().to_batches()[0]) == expected
    assert report_of(pa.Table.from_batches(table.to_batches(max_chunksize=3_000))) == expected
    # Dictionary-encoded names, instants with a time zone.
    zoned = table.set_column(
        1, "received_at",
        table["received_at"].cast(pa.timestamp("s")).cast(pa.int64()),
    )
    seconds = pa.compute.subtract(zoned["received_at"], 8 * 3600)
    zoned = zoned.set_column(1, "received_at", seconds.cast(pa.timestamp("s", tz="UTC")))
    for name in ("category", "department", "channel", "severity"):
        i = zoned.schema.get_field_index(name)
        zoned = zoned.set_column(i, name, zoned[name].dictionary_encode())
    assert report_of(zoned) == expected
    # Every granularity and a range, straight to a report.
    ledger = Ledger.from_arrow(table)
    for granularity, start, end in (("quarter", "2017-Q1", "2018-Q4"), ("year", "2015", None), ("month", None, "2016-02")):
        bounds = {
            "start": start and stats.Period.parse(start),
            "end": end and stats.Period.parse(end),
        }
        direct = stats.Report.from_arrow(table, granularity, **bounds).to_dict()
        assert direct == ledger.report(granularity, **bounds).to_dict()
    with pytest.raises(co.StatsError) as e:
        stats.Report.from_arrow(table, "year", start=stats.Period.parse("2020"), end=stats.Period.parse("2019"))
    assert e.value.code == "stats.invalid_range"


def test_polars_frames_lazy_and_categorical(ledger_csv, expected):
    pl = pytest.importorskip("polars")
    df = pl.read_csv(ledger_csv, try_parse_dates=True, schema_overrides={"number": pl.String})
    assert df.schema["received_at"] == pl.Datetime("us")
    assert report_of(df) == expected
    cats = df.with_columns(pl.col("category", "department", "channel", "severity").cast(pl.Categorical))
    assert report_of(cats) == expected
    # Numbers as integers, instants in UTC with a zone, from a lazy query.
    typed = (
        df.lazy()
        .with_columns(
            pl.col("number").cast(pl.Int64),
            pl.col("received_at", "closed_at").dt.replace_time_zone("Asia/Shanghai").dt.convert_time_zone("UTC"),
        )
        .collect()
    )
    assert report_of(typed) == expected


def test_pandas_frame(ledger_csv, expected):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")  # pandas exports Arrow through pyarrow
    df = pd.read_csv(ledger_csv, dtype={"number": str}, parse_dates=["received_at", "closed_at"])
    assert report_of(df) == expected
    cats = df.astype({"category": "category", "department": "category"})
    assert report_of(cats) == expected


def test_duckdb_result(ledger_csv, expected):
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    result = con.sql(f"select * from read_csv('{ledger_csv}', types={{'number': 'VARCHAR'}})")
    assert report_of(result) == expected
    # SQL shaping before the library: only the cases of one department; a department the
    # ledger does not have gives an empty result, which still has its columns.
    for department in ("quality", "sales"):
        only = con.sql(
            f"select * from read_csv('{ledger_csv}', types={{'number': 'VARCHAR'}}) where department = '{department}'"
        )
        total = sum(p["total"] for p in report_of(only)["periods"])
        count = con.execute(
            f"select count(*) from read_csv('{ledger_csv}') where department = '{department}'"
        ).fetchall()[0][0]
        assert total == count
        assert (count > 0) == (department == "quality")


def test_bad_rows_and_bad_tables(ledger_csv):
    pa = pytest.importorskip("pyarrow")
    table = pa.table(
        {
            "number": ["25010001", "2501001", "25010002"],
            "received_at": pa.array([datetime.datetime(2025, 1, 2, 9)] * 3, pa.timestamp("s")),
            "category": ["a", "b", None],
            "department": ["d", "d", "d"],
        }
    )
    with pytest.raises(co.StatsError) as e:
        Ledger.from_arrow(table)
    assert e.value.code == "stats.bad_row"
    assert "line 2" in str(e.value)
    ledger = Ledger.from_arrow(table, lenient=True)
    assert len(ledger) == 1
    assert [(r.line, r.column, r.code) for r in ledger.rejected] == [
        (2, "number", "number.invalid_format"),
        (3, "category", "stats.missing_value"),
    ]
    report = stats.Report.from_arrow(table, lenient=True)
    assert [(r.line, r.column, r.code) for r in report.rejected] == [
        (2, "number", "number.invalid_format"),
        (3, "category", "stats.missing_value"),
    ]
    assert report.to_dict() == ledger.report("month").to_dict()
    with pytest.raises(co.StatsError) as e:
        stats.Report.from_arrow(table)
    assert e.value.code == "stats.bad_row"
    assert "line 2" in str(e.value)
    renamed = table.rename_columns(["no", "at", "cat", "dept"])
    ledger = Ledger.from_arrow(
        renamed, columns={"number": "no", "received_at": "at", "category": "cat", "department": "dept"}, lenient=True
    )
    assert len(ledger) == 1
    floats = table.set_column(0, "number", pa.array([1.0, 2.0, 3.0]))
    with pytest.raises(co.StatsError) as e:
        Ledger.from_arrow(floats)
    assert e.value.code == "stats.unsupported_column"
    with pytest.raises(co.StatsError) as e:
        Ledger.from_arrow(table.drop_columns(["department"]))
    assert e.value.code == "stats.missing_column"
    with pytest.raises(TypeError, match="__arrow_c_stream__"):
        Ledger.from_arrow([1, 2, 3])
    with pytest.raises(TypeError, match="struct"):
        Ledger.from_arrow(pa.array([1, 2]))


# -------------------------------------------------------------------------- reports out


def long_figures(rows):
    """The long form's rows as {(period, dimension, key): figure}."""
    return {(p, d, k): f for p, d, k, f in rows}


def json_figures(report_dict):
    """The same figures from the JSON report."""
    out = {}
    for p in report_dict["periods"]:
        at = p["period"]
        for dimension in ("total", "closed", "satisfaction_rate", "open_at_end"):
            out[(at, dimension, None)] = p[dimension]
        for dimension in ("by_category", "by_department", "by_channel", "by_severity"):
            for name, n in p[dimension].items():
                out[(at, dimension, name)] = n
        for key, v in p["handling_hours"].items():
            out[(at, "handling_hours", key)] = v
        change = p["change"] or {"absolute": None, "percent": None}
        for key, v in change.items():
            out[(at, "change", key)] = v
    return out


def same(a, b):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, float) and math.isnan(a):
        return b is None
    return a == b


def assert_same_figures(got, want):
    assert got.keys() == want.keys()
    for k in want:
        assert same(got[k], want[k]), (k, got[k], want[k])


def test_report_reads_back_into_every_library(ledger_csv, expected):
    report = Ledger.from_csv_path(ledger_csv).report("month")
    want = json_figures(expected)
    table = report.to_arrow()
    assert table.column_names == ["period", "dimension", "key", "figure"]
    d = table.to_pydict()
    assert_same_figures(long_figures(zip(d["period"], d["dimension"], d["key"], d["figure"])), want)
    assert len(table) == len(want)
    try:
        import pyarrow as pa
    except ImportError:
        pa = None
    if pa is not None:
        t = pa.table(report)
        assert_same_figures(long_figures(zip(*(t[c].to_pylist() for c in t.column_names))), want)
        assert report.to_pyarrow().equals(t)
    try:
        import polars as pl
    except ImportError:
        pl = None
    if pl is not None:
        df = pl.DataFrame(report)
        assert_same_figures(long_figures(df.iter_rows()), want)
        assert report.to_polars().equals(df)
        wide = report.to_polars("wide")
        assert wide.height == len(expected["periods"])
        assert wide["total"].to_list() == [p["total"] for p in expected["periods"]]
        assert wide["handling_hours_p90"].to_list() == [p["handling_hours"]["p90"] for p in expected["periods"]]
        assert wide["period_start"][0] == datetime.date(2016, 1, 1)
    try:
        import pandas as pd  # noqa: F401
    except ImportError:
        return
    frame = report.to_pandas()
    rows = zip(frame["period"], frame["dimension"], frame["key"], frame["figure"])
    got = {(p, d, None if not isinstance(k, str) else k): (None if f != f else f) for p, d, k, f in rows}
    assert_same_figures(got, want)
    assert list(report.to_pandas("growth")["name"])[:1] == [expected["growth"]["categories"][0]["name"]]


def test_duckdb_queries_the_report(ledger_csv, expected):
    duckdb = pytest.importorskip("duckdb")
    report = Ledger.from_csv_path(ledger_csv).report("month")
    long = report.to_arrow()
    rows = duckdb.sql("select period, figure from long where dimension = 'total' order by period").fetchall()
    assert [(p, int(f)) for p, f in rows] == [(p["period"], p["total"]) for p in expected["periods"]]


def test_rejected_and_growth_tables(ledger_csv):
    text = open(ledger_csv, encoding="utf-8").read().replace("\n25", "\nXX", 3)
    report = Ledger.from_csv_text(text, lenient=True).report("month")
    rejected = report.to_arrow("rejected").to_pydict()
    assert rejected["code"] == ["number.invalid_format"] * 3
    assert rejected["line"] == [r.line for r in report.rejected]
    growth = report.to_arrow("growth").to_pydict()
    assert growth["name"][0] == report.growth.categories[0].name
    with pytest.raises(ValueError, match="form must be"):
        report.to_arrow("tall")


# ------------------------------------------------------------------- working-day columns


def scalar_days(days_list, k, calendar):
    return [None if d is None else calendar.add_working_days(d, k) for d in days_list]


@pytest.fixture(scope="module")
def days_list():
    first = datetime.date(2012, 1, 1)
    return [None if i % 101 == 3 else first + datetime.timedelta(days=i % 5_000) for i in range(12_000)]


def test_columns_without_any_library(days_list):
    calendar = co.Calendar.default()
    column = dataframe.dates(days_list)
    assert dataframe.add_working_days(column, 5).to_pylist() == scalar_days(days_list, 5, calendar)
    flags = dataframe.is_working_day(column).to_pylist()
    assert flags == [None if d is None else calendar.is_working_day(d) for d in days_list]
    end = dataframe.dates([datetime.date(2020, 6, 30)])
    between = dataframe.working_days_between(column, end).to_pylist()
    assert between == [
        None if d is None else calendar.working_days_between(d, datetime.date(2020, 6, 30)) for d in days_list
    ]
    table = dataframe.deadlines(column, "15 days")
    d = table.to_pydict()
    for start, due, last in zip(days_list[:500], d["due"], d["last_day"]):
        if start is None:
            assert due is None and last is None
            continue
        deadline = co.period.end(calendar, datetime.datetime.combine(start, datetime.time(), calendar.offset), "15 days")
        assert (due, last) == (deadline.due, deadline.last_day)


def test_column_errors_carry_codes_and_rows():
    column = dataframe.dates([datetime.date(2025, 1, 2), datetime.date(2999, 12, 30)])
    with pytest.raises(co.CalendarError) as e:
        dataframe.add_working_days(column, 10)
    assert e.value.code == "calendar.out_of_range"
    assert e.value.index == 1
    with pytest.raises(co.PeriodError) as e:
        dataframe.period_end(column, "8 working hours")
    assert e.value.code == "period.office_hours_required"
    with pytest.raises(TypeError, match="__arrow_c_stream__"):
        dataframe.is_working_day([datetime.date(2025, 1, 2)])


def test_polars_namespace_equals_map_elements_on_every_row(days_list):
    pl = pytest.importorskip("polars")
    calendar = co.Calendar.default()
    df = pl.DataFrame({"d": days_list, "k": [(i % 23) - 5 for i in range(len(days_list))]})
    end = datetime.date(2021, 3, 1)
    lazy = df.lazy().with_columns(
        plus5=pl.col("d").co.add_working_days(5),
        plus_k=pl.col("d").co.add_working_days(pl.col("k")),
        working=pl.col("d").co.is_working_day(),
        between=pl.col("d").co.working_days_between(pl.lit(end)),
        last=pl.col("d").co.period_last_day("15 days"),
    )
    got = lazy.collect()
    reference = df.with_columns(
        plus5=pl.col("d").map_elements(lambda x: calendar.add_working_days(x, 5), return_dtype=pl.Date),
        plus_k=pl.struct("d", "k").map_elements(
            lambda r: None if r["d"] is None else calendar.add_working_days(r["d"], r["k"]), return_dtype=pl.Date
        ),
        working=pl.col("d").map_elements(calendar.is_working_day, return_dtype=pl.Boolean),
        between=pl.col("d").map_elements(lambda x: calendar.working_days_between(x, end), return_dtype=pl.Int64),
        last=pl.col("d").map_elements(lambda x: co.period.last_days(calendar, [x], "15 days")[0], return_dtype=pl.Date),
    )
    assert got.schema == reference.schema
    assert got.equals(reference)
    # Streaming and the Series namespace.
    assert df.lazy().select(pl.col("d").co.add_working_days(5)).collect(engine="streaming")["d"].equals(got["plus5"].rename("d"))
    assert df["d"].co.is_working_day().equals(got["working"].rename("d"))


def test_polars_datetimes_count_in_office_days():
    pl = pytest.importorskip("polars")
    at = datetime.datetime(2025, 9, 30, 16, 30, tzinfo=datetime.timezone.utc)  # 1 October in Beijing
    df = pl.DataFrame({"at": [at]}).with_columns(naive=pl.col("at").dt.replace_time_zone(None))
    out = df.select(pl.col("at").co.is_working_day(), pl.col("naive").co.is_working_day())
    assert out.row(0) == (False, True)
    due = df.select(pl.col("at").co.period_end("5 working days"))["at"][0]
    expected = co.period.end(co.Calendar.default(), at, "5 working days").due
    assert due == expected


def test_pyarrow_and_pandas_columns_come_back_in_kind(days_list):
    pa = pytest.importorskip("pyarrow")
    calendar = co.Calendar.default()
    arr = pa.chunked_array([days_list[:5_000], days_list[5_000:]], pa.date32())
    out = dataframe.add_working_days(arr, 5)
    assert isinstance(out, pa.Array)
    assert out.to_pylist() == scalar_days(days_list, 5, calendar)
    pd = pytest.importorskip("pandas")
    series = pd.Series(pd.to_datetime([d for d in days_list[:300] if d is not None]), name="received")
    flags = dataframe.is_working_day(series)
    assert isinstance(flags, pd.Series) and flags.name == "received"
    assert list(flags) == [calendar.is_working_day(d.date()) for d in series]


def test_duckdb_example_function(days_list):
    duckdb = pytest.importorskip("duckdb")
    pytest.importorskip("pyarrow")
    import pyarrow as pa

    con = duckdb.connect()
    con.create_function(
        "add_working_days",
        lambda d, k: dataframe.add_working_days(d, k),
        [duckdb.sqltype("DATE"), duckdb.sqltype("BIGINT")],
        duckdb.sqltype("DATE"),
        type="arrow",
    )
    rows = con.sql("select add_working_days(date '2025-09-26', 5::bigint)").fetchall()
    assert rows == [(datetime.date(2025, 10, 10),)]
