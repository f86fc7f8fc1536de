"""PRC working-day deadlines inside DuckDB SQL: the library's rules as Arrow UDFs.

An analyst with ten years of complaints in DuckDB should not reimplement the statutory
holidays and make-up working days in SQL. This example registers four functions that call the
library once per batch of rows (DuckDB hands them Arrow arrays):

    co_add_working_days(day DATE, n BIGINT) -> DATE
    co_is_working_day(day DATE) -> BOOLEAN
    co_working_days_between(start DATE, end DATE) -> BIGINT
    co_plan_due(received TIMESTAMP) -> TIMESTAMPTZ   (the policy's plan deadline, Civil Code rules)

then answers, in SQL, how many complaints of each month were closed within the plan deadline,
and reads the library's monthly report back as a table. Needs duckdb and pyarrow.

    python examples/python/duckdb_deadlines.py [ROWS]
"""

import sys
import tempfile
from pathlib import Path
from typing import Any

import duckdb
from duckdb.func import ARROW
import pyarrow as pa  # type: ignore[import-untyped]

from complaint_office import Calendar, Policy, dataframe, stats


def register(con: duckdb.DuckDBPyConnection, policy: Policy) -> None:
    calendar: Calendar = policy.calendar
    plan = policy.deadlines.plan

    def add_working_days(day: Any, n: Any) -> Any:
        return dataframe.add_working_days(day, n, calendar)

    def is_working_day(day: Any) -> Any:
        return dataframe.is_working_day(day, calendar)

    def working_days_between(start: Any, end: Any) -> Any:
        return dataframe.working_days_between(start, end, calendar)

    def plan_due(received: Any) -> Any:
        # Naive TIMESTAMP values are office time, as in the ledger.
        due = dataframe.period_end(received, plan, calendar)
        return due.cast(pa.timestamp("us", tz="UTC"))

    date, bigint = duckdb.sqltype("DATE"), duckdb.sqltype("BIGINT")
    con.create_function("co_add_working_days", add_working_days, [date, bigint], date, type=ARROW)
    con.create_function("co_is_working_day", is_working_day, [date], duckdb.sqltype("BOOLEAN"), type=ARROW)
    con.create_function("co_working_days_between", working_days_between, [date, date], bigint, type=ARROW)
    con.create_function(
        "co_plan_due", plan_due, [duckdb.sqltype("TIMESTAMP")], duckdb.sqltype("TIMESTAMPTZ"), type=ARROW
    )


def main() -> int:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    policy = Policy.default()
    with tempfile.TemporaryDirectory(prefix="complaint-office-duckdb-") as folder:
        path = Path(folder) / "ledger.csv"
        path.write_text(stats.synthetic_csv(rows, months=24, first_month="2024-01"), encoding="utf-8")
        return run(policy, path)


def run(policy: Policy, path: Path) -> int:
    con = duckdb.connect()
    con.execute("set TimeZone = 'Asia/Shanghai'")
    register(con, policy)
    con.execute(f"create table complaints as select * from read_csv('{path}', types={{'number': 'VARCHAR'}})")

    print(con.sql("select co_add_working_days(date '2025-09-26', 5) as five_working_days_later").fetchall())
    on_time = con.sql(
        """
        select strftime(received_at, '%Y-%m') as month,
               count(*) as received,
               count(closed_at) as closed,
               count(*) filter (where closed_at < co_plan_due(received_at)) as within_plan_deadline,
               round(avg(co_working_days_between(received_at::date, closed_at::date)), 2) as mean_working_days
        from complaints
        group by month order by month
        """
    ).fetchall()
    print("month    received  closed  within plan deadline  mean working days")
    for month, received, closed, within, mean in on_time[-6:]:
        print(f"{month}  {received:8}  {closed:6}  {within:20}  {mean:17}")

    # The library's own monthly report, queried as a table.
    report = stats.Ledger.from_arrow(con.sql("select * from complaints")).report("month")
    long = report.to_arrow()
    totals = con.sql("select period, figure from long where dimension = 'total' order by period").fetchall()
    sql_totals = [(m, r) for m, r, *_ in on_time]
    assert [(p, int(f)) for p, f in totals] == sql_totals, "the report and SQL disagree"
    print(f"report: {len(report.periods)} months; its totals equal DuckDB's count(*) per month")
    return 0


if __name__ == "__main__":
    sys.exit(main())
