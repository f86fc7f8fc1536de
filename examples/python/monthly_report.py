"""A monthly report from a CSV ledger (§7.1.2): figures, the fastest-growing categories, and
one HTML file with the charts.

Run: python examples/python/monthly_report.py [ledger.csv] [--html report.html]
Without a ledger, a synthetic one (the library's own generator) is written first.
"""

import argparse
import os
import tempfile

import complaint_office as co
from complaint_office import stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("ledger", nargs="?", help="a CSV ledger (number, received_at, category, ...)")
    parser.add_argument("--granularity", default="month", choices=[g.value for g in stats.Granularity])
    parser.add_argument("--html", help="where to write the HTML report")
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="complaint-office-")
    path = args.ledger
    if path is None:
        path = os.path.join(folder, "ledger.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write(stats.synthetic_csv(20_000, months=12, first_month="2025-01"))

    policy = co.Policy.from_toml_str('language = "en"')
    report = stats.report_from_csv(path, args.granularity, policy)
    print(f"{'period':<8} {'total':>6} {'closed':>6} {'median h':>9} {'satisfied':>9} {'open':>6}")
    for p in report.periods:
        median = p.handling_hours.median
        rate = p.satisfaction_rate
        print(
            f"{str(p.period):<8} {p.total:>6} {p.closed:>6} "
            f"{'-' if median is None else f'{median:9.1f}':>9} "
            f"{'-' if rate is None else f'{rate:9.1%}':>9} {p.open_at_end:>6}"
        )
    # Growth lists every category, steepest first: the growing ones are those with a positive slope.
    for trend in [t for t in report.growth.categories if t.slope > 0][:3]:
        print(f"growing: {trend.name} ({trend.slope:+.1f} per {args.granularity})")

    html = args.html or os.path.join(folder, "report.html")
    with open(html, "w", encoding="utf-8") as f:
        f.write(report.html())
    assert report.to_dict()["granularity"] == args.granularity
    print(f"HTML report: {html}")


if __name__ == "__main__":
    main()
