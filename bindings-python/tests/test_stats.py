"""Statistics through the Python API."""

import datetime as dt
import json

import pytest

import complaint_office as co
from complaint_office import stats

CST = dt.timezone(dt.timedelta(hours=8))


CSV = (
    "number,received_at,channel,category,department,severity,closed_at,satisfied\n"
    "25010001,2025-01-02 09:00:00,hotline,product_quality,production,general,2025-01-04 09:00:00,true\n"
    "25010002,2025-01-20 14:00:00,email,service_attitude,sales,serious,,\n"
    "25020001,2025-02-03 10:00:00,hotline,product_quality,production,general,2025-02-04 10:00:00,false\n"
)


def test_reports_from_text_file_records_and_columns(tmp_path):
    path = tmp_path / "ledger.csv"
    path.write_text(CSV, encoding="utf-8")
    a = co.report_from_csv(path, "month")
    b = stats.Ledger.from_csv_text(CSV).report("month")
    records = [
        stats.Record("25010001", "2025-01-02T09:00:00+08:00", "product_quality", "production", "hotline", "general", "2025-01-04T09:00:00+08:00", True),
        stats.Record("25010002", dt.datetime(2025, 1, 20, 14, tzinfo=CST), "service_attitude", "sales", "email", "serious"),
        stats.Record("25020001", "2025-02-03T10:00:00+08:00", "product_quality", "production", "hotline", "general", "2025-02-04T10:00:00+08:00", False),
    ]
    c = stats.Ledger.from_records(records).report(stats.Granularity.MONTH)
    received = [dt.datetime(2025, 1, 2, 9, tzinfo=CST), "2025-01-20T14:00:00+08:00", int(dt.datetime(2025, 2, 3, 10, tzinfo=CST).timestamp())]
    d = stats.Ledger.from_columns(
        ["25010001", "25010002", "25020001"], received,
        ["product_quality", "service_attitude", "product_quality"], ["production", "sales", "production"],
        channel=["hotline", "email", "hotline"], severity=["general", "serious", "general"],
        closed_at=["2025-01-04T09:00:00+08:00", None, "2025-02-04T10:00:00+08:00"], satisfied=[True, None, False],
    ).report("month")
    assert a.to_dict() == b.to_dict() == c.to_dict() == d.to_dict()
    february = a.periods[1]
    assert str(february.period) == "2025-02" and february.total == 1
    assert february.by_category == {"product_quality": 1}
    assert february.handling_hours.mean == 24.0 and february.satisfaction_rate == 0.0
    assert february.open_at_end == 1 and february.change.percent == -50.0
    assert a.to_dict()["granularity"] == "month"
    json.dumps(a.to_dict())
    assert "<svg" in a.html() and set(a.charts()) == {"trend", "categories", "departments", "handling"}


def test_bad_rows_name_line_and_column_never_the_cell():
    bad = CSV + "25020002,not a time,hotline,product_quality,production,general,,\n"
    with pytest.raises(co.StatsError) as e:
        stats.Ledger.from_csv_text(bad)
    assert e.value.code == "stats.bad_row" and "not a time" not in str(e.value)
    lenient = stats.Ledger.from_csv_text(bad, lenient=True)
    [rejected] = lenient.rejected
    assert (rejected.line, rejected.column, rejected.code) == (5, "received_at", "time.invalid_instant")


def test_periods():
    p = stats.Period.parse("2025-Q1")
    assert p.granularity is stats.Granularity.QUARTER and str(p.succ()) == "2025-Q2"
    assert stats.Period.of_instant("2025-03-31T16:30:00Z", "month", "+08:00") == stats.Period.parse("2025-04")
    assert p.start("+08:00") == dt.datetime(2025, 1, 1, tzinfo=CST)
