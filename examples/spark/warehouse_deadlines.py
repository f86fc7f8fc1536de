"""The group's warehouse: every deadline and the on-time figures of a large complaint table,
computed across Spark partitions with ``mapInArrow`` through the Python binding. The engine
distributes; the library decides (PRC statutory holidays, make-up working days, the Civil
Code's period rules, the policy's time limits).

    python examples/spark/warehouse_deadlines.py [--rows 1000000] [--partitions 8] [--check]

1. writes a synthetic ledger (the library's generator) as CSV and reads it into Spark, times
   in the office time zone;
2. ``mapInArrow``: each partition's Arrow batches go through ``complaint_office.dataframe`` —
   the registration and plan deadlines of every complaint (``period.end`` per row), whether
   it was closed within the plan deadline, and the working days it took;
3. Spark aggregates the on-time figures by month of receipt;
4. ``--check`` computes the same in one process (the whole table through the library at
   once, pyarrow reading the same CSV) and compares every deadline of every row and every
   monthly figure; exits non-zero on any difference.

Needs pyspark (with its pyarrow) and a Java 17 runtime. Prints the wall time of each step.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Iterator, List, Tuple

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from complaint_office import Calendar, Policy, dataframe, stats

OFFICE_ZONE = "+08:00"

OUTPUT = pa.schema(
    [
        ("number", pa.string()),
        ("received_at", pa.timestamp("us", tz="UTC")),
        ("closed_at", pa.timestamp("us", tz="UTC")),
        ("registration_due", pa.timestamp("us", tz="UTC")),
        ("plan_due", pa.timestamp("us", tz="UTC")),
        ("closed_on_time", pa.bool_()),
        ("working_days_to_close", pa.int64()),
    ]
)
# The same schema in Spark's words.
OUTPUT_DDL = (
    "number string, received_at timestamp, closed_at timestamp, registration_due timestamp, "
    "plan_due timestamp, closed_on_time boolean, working_days_to_close long"
)


def decide(batch: pa.RecordBatch, policy: Policy) -> pa.RecordBatch:
    """The library's decisions for one Arrow batch of complaints: the registration and plan
    deadlines (``period.end`` per row), whether the case closed before its plan deadline, and
    the working days from receipt to closing."""
    calendar: Calendar = policy.calendar
    utc = pa.timestamp("us", tz="UTC")
    received = batch.column("received_at").cast(utc)
    closed = batch.column("closed_at").cast(utc)
    registration = dataframe.period_end(received, policy.deadlines.registration, calendar).cast(utc)
    plan = dataframe.period_end(received, policy.deadlines.plan, calendar).cast(utc)
    on_time = pc.less(closed, plan)
    working_days = dataframe.working_days_between(received, closed, calendar)
    columns = [batch.column("number"), received, closed, registration, plan, on_time, working_days]
    return pa.RecordBatch.from_arrays(columns, schema=OUTPUT)


def write_ledger(rows: int, folder: Path) -> Path:
    path = folder / f"ledger-{rows}.csv"
    if not path.exists():
        path.write_text(stats.synthetic_csv(rows), encoding="utf-8")
    return path


def spark_session(partitions: int) -> Any:
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return (
        SparkSession.builder.master("local[2]")
        .appName("complaint-office warehouse deadlines")
        .config("spark.sql.session.timeZone", OFFICE_ZONE)
        .config("spark.sql.shuffle.partitions", str(partitions))
        .config("spark.driver.memory", "3g")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )


Figures = List[Tuple[Any, ...]]


def distributed(spark: Any, path: Path, partitions: int) -> Tuple[pa.Table, Figures]:
    """Every row's deadlines and the monthly on-time figures, computed by Spark: the library
    decides inside ``mapInArrow``, Spark distributes and aggregates."""
    from pyspark.sql import functions as F

    schema = (
        "number string, received_at timestamp, channel string, category string, "
        "department string, severity string, closed_at timestamp, satisfied boolean"
    )
    ledger = spark.read.csv(str(path), header=True, schema=schema).repartition(partitions)
    policy = Policy.default()

    def per_partition(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            yield decide(batch, policy)

    decided = ledger.mapInArrow(per_partition, OUTPUT_DDL).cache()
    monthly = (
        decided.groupBy(F.date_format("received_at", "yyyy-MM").alias("month"))
        .agg(
            F.count("*").alias("received"),
            F.count("closed_at").alias("closed"),
            F.sum(F.col("closed_on_time").cast("long")).alias("on_time"),
            F.sum(F.col("working_days_to_close")).alias("working_days"),
        )
        .orderBy("month")
    )
    figures = [tuple(r) for r in monthly.collect()]
    deadlines = decided.orderBy("number").toArrow()
    return deadlines.cast(OUTPUT), figures


def single_process(path: Path) -> Tuple[pa.Table, Figures]:
    """The same in one process: the whole table through the library at once (no Spark)."""
    naive = pa.timestamp("us")
    table = pacsv.read_csv(
        path,
        convert_options=pacsv.ConvertOptions(
            column_types={"number": pa.string(), "received_at": naive, "closed_at": naive}
        ),
    ).combine_chunks()
    # Naive ledger times are office time: the timestamps to UTC instants.
    eight_hours = pa.scalar(8 * 3600 * 1_000_000, pa.duration("us"))
    for name in ("received_at", "closed_at"):
        column = pc.subtract(table[name], eight_hours).cast(pa.timestamp("us", tz="UTC"))
        table = table.set_column(table.schema.get_field_index(name), name, column)
    decided = pa.Table.from_batches([decide(b, Policy.default()) for b in table.to_batches()])
    office = pc.add(decided["received_at"], eight_hours).cast(naive)
    months = pc.strftime(office, "%Y-%m")
    grouped = (
        pa.table(
            {
                "month": months,
                "closed": decided["closed_at"].is_valid(),
                "on_time": decided["closed_on_time"],
                "working_days": decided["working_days_to_close"],
            }
        )
        .group_by("month")
        .aggregate([("month", "count"), ("closed", "sum"), ("on_time", "sum"), ("working_days", "sum")])
        .sort_by("month")
    )
    figures = [
        (m, n, c, o, w)
        for m, n, c, o, w in zip(
            grouped["month"].to_pylist(),
            grouped["month_count"].to_pylist(),
            grouped["closed_sum"].to_pylist(),
            grouped["on_time_sum"].to_pylist(),
            grouped["working_days_sum"].to_pylist(),
        )
    ]
    return decided.sort_by("number"), figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    folder = args.work or Path(tempfile.mkdtemp(prefix="complaint-office-spark-"))
    folder.mkdir(parents=True, exist_ok=True)

    t = time.perf_counter()
    path = write_ledger(args.rows, folder)
    print(f"ledger: {args.rows:,} rows ({time.perf_counter() - t:.1f} s)")

    t = time.perf_counter()
    spark = spark_session(args.partitions)
    spark.sparkContext.setLogLevel("ERROR")
    print(f"spark session: {time.perf_counter() - t:.1f} s")
    try:
        t = time.perf_counter()
        deadlines, figures = distributed(spark, path, args.partitions)
        spark_time = time.perf_counter() - t
    finally:
        spark.stop()
    print(f"distributed (mapInArrow over {args.partitions} partitions, local[2]): {spark_time:.1f} s")
    print("month    received  closed  closed within the plan deadline  working days to close")
    for month, received, closed, within, days in figures[-3:]:
        print(f"{month}  {received:8}  {closed:6}  {within:31}  {days / max(closed, 1):21.2f}")

    if not args.check:
        return 0
    t = time.perf_counter()
    reference, reference_figures = single_process(path)
    print(f"single process: {time.perf_counter() - t:.1f} s")
    problems = []
    if figures != reference_figures:
        problems.append(f"monthly figures differ: {figures[:2]} vs {reference_figures[:2]}")
    if deadlines.num_rows != reference.num_rows:
        problems.append(f"rows differ: {deadlines.num_rows} vs {reference.num_rows}")
    else:
        for name in OUTPUT.names:
            if not deadlines[name].equals(reference[name]):
                problems.append(f"column {name} differs")
    if problems:
        print("DIFFERENT: " + "; ".join(problems))
        return 1
    print(f"equal: every deadline of {deadlines.num_rows:,} rows and every figure of {len(figures)} months")
    return 0


if __name__ == "__main__":
    sys.exit(main())
