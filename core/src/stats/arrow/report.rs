//! Reports as Arrow record batches, for dataframes and SQL engines to read directly.
//!
//! - [`Report::to_long_batch`]: the tidy long form, one row per figure —
//!   `period`, `dimension`, `key`, `figure` — the same figures as the JSON report, named as
//!   in it (`total`, `by_category` + the category, `handling_hours` + `mean`, …);
//! - [`Report::to_wide_batch`]: one row per period, a column per figure and per name;
//! - [`Report::to_growth_batch`] and [`Report::to_rejected_batch`]: the growth trends and
//!   the rows left out.
//!
//! Counts are `Int64` (every engine reads signed integers; Spark has no unsigned ones).

use std::collections::BTreeSet;
use std::sync::Arc;

use arrow_array::{ArrayRef, Date32Array, Float64Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};

use crate::calendar::to_epoch_day;
use crate::stats::{PeriodStats, Report};

/// The `dimension` values of the long form, in the order each period lists them.
pub const DIMENSIONS: [&str; 10] = [
    "total",
    "by_category",
    "by_department",
    "by_channel",
    "by_severity",
    "closed",
    "handling_hours",
    "satisfaction_rate",
    "open_at_end",
    "change",
];

/// The schema of [`Report::to_long_batch`]: `period` (text, `2025-01`), `dimension` (one of
/// [`DIMENSIONS`]), `key` (the name counted, the handling figure `mean` / `median` / `p90`,
/// the change's `absolute` / `percent`; null for a single figure) and `figure` (null where the
/// JSON report has null).
pub fn long_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("period", DataType::Utf8, false),
        Field::new("dimension", DataType::Utf8, false),
        Field::new("key", DataType::Utf8, true),
        Field::new("figure", DataType::Float64, true),
    ]))
}

/// The rows of the long form, built column by column.
#[derive(Default)]
struct Long {
    period: Vec<String>,
    dimension: Vec<&'static str>,
    key: Vec<Option<String>>,
    figure: Vec<Option<f64>>,
}

impl Long {
    fn push(&mut self, period: &str, dimension: &'static str, key: Option<&str>, v: Option<f64>) {
        self.period.push(period.to_owned());
        self.dimension.push(dimension);
        self.key.push(key.map(str::to_owned));
        self.figure.push(v);
    }

    fn period(&mut self, p: &PeriodStats) {
        let at = p.period.to_string();
        let count = |n: u64| Some(n as f64);
        self.push(&at, "total", None, count(p.total));
        for (dimension, names) in [
            ("by_category", &p.by_category),
            ("by_department", &p.by_department),
            ("by_channel", &p.by_channel),
            ("by_severity", &p.by_severity),
        ] {
            for (name, &n) in names {
                self.push(&at, dimension, Some(name), count(n));
            }
        }
        self.push(&at, "closed", None, count(p.closed));
        let h = &p.handling_hours;
        for (key, v) in [("mean", h.mean), ("median", h.median), ("p90", h.p90)] {
            self.push(&at, "handling_hours", Some(key), v);
        }
        self.push(&at, "satisfaction_rate", None, p.satisfaction_rate);
        self.push(&at, "open_at_end", None, count(p.open_at_end));
        let change = p.change;
        self.push(
            &at,
            "change",
            Some("absolute"),
            change.map(|c| c.absolute as f64),
        );
        self.push(
            &at,
            "change",
            Some("percent"),
            change.and_then(|c| c.percent),
        );
    }
}

fn text(values: impl IntoIterator<Item = impl AsRef<str>>) -> ArrayRef {
    Arc::new(StringArray::from_iter_values(values))
}

fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl Report {
    /// The tidy long form: one row per figure (see [`long_schema`]). Every figure of the JSON
    /// report is there, in period order.
    ///
    /// ```
    /// use complaint_office::policy::Policy;
    /// use complaint_office::stats::{CsvOptions, Granularity, Ledger};
    ///
    /// let csv = "number,received_at,category,department\n25010001,2025-01-02 09:00:00,a,d\n";
    /// let policy = Policy::default();
    /// let ledger = Ledger::from_csv_reader(csv.as_bytes(), &CsvOptions::default(), &policy)?;
    /// let long = ledger.report(Granularity::Month, &policy)?.to_long_batch().unwrap();
    /// assert_eq!(long.num_columns(), 4);
    /// assert_eq!(long.num_rows(), 11); // total, a, d, closed, 3 handling, rate, open, 2 change
    /// # Ok::<(), complaint_office::stats::StatsError>(())
    /// ```
    ///
    /// # Errors
    /// Never in practice: the columns are built to the schema (Arrow's own check).
    pub fn to_long_batch(&self) -> Result<RecordBatch, ArrowError> {
        let mut long = Long::default();
        for p in &self.periods {
            long.period(p);
        }
        RecordBatch::try_new(
            long_schema(),
            vec![
                text(long.period),
                text(long.dimension),
                Arc::new(StringArray::from(long.key)),
                Arc::new(Float64Array::from(long.figure)),
            ],
        )
    }

    /// One row per period: `period`, `period_start` (its first day), `total`, `closed`,
    /// `handling_hours_mean` / `_median` / `_p90`, `satisfaction_rate`, `open_at_end`,
    /// `change_absolute`, `change_percent`, then one count column per name of the range,
    /// `by_category.<name>` (…`by_department.`, `by_channel.`, `by_severity.`), names sorted,
    /// 0 where a period has none.
    ///
    /// # Errors
    /// Never in practice, as [`Report::to_long_batch`].
    pub fn to_wide_batch(&self) -> Result<RecordBatch, ArrowError> {
        let p = &self.periods;
        let ints = |f: &dyn Fn(&PeriodStats) -> u64| -> ArrayRef {
            Arc::new(Int64Array::from_iter_values(p.iter().map(|s| count(f(s)))))
        };
        let floats = |f: &dyn Fn(&PeriodStats) -> Option<f64>| -> ArrayRef {
            Arc::new(Float64Array::from_iter(p.iter().map(f)))
        };
        let mut fields = vec![
            Field::new("period", DataType::Utf8, false),
            Field::new("period_start", DataType::Date32, false),
        ];
        let starts = p
            .iter()
            .map(|s| i32::try_from(to_epoch_day(s.period.first_day())).unwrap_or(i32::MAX));
        let mut columns: Vec<ArrayRef> = vec![
            text(p.iter().map(|s| s.period.to_string())),
            Arc::new(Date32Array::from_iter_values(starts)),
        ];
        let scalars: [(&str, ArrayRef); 9] = [
            ("total", ints(&|s| s.total)),
            ("closed", ints(&|s| s.closed)),
            ("handling_hours_mean", floats(&|s| s.handling_hours.mean)),
            (
                "handling_hours_median",
                floats(&|s| s.handling_hours.median),
            ),
            ("handling_hours_p90", floats(&|s| s.handling_hours.p90)),
            ("satisfaction_rate", floats(&|s| s.satisfaction_rate)),
            ("open_at_end", ints(&|s| s.open_at_end)),
            (
                "change_absolute",
                Arc::new(Int64Array::from_iter(
                    p.iter().map(|s| s.change.map(|c| c.absolute)),
                )),
            ),
            (
                "change_percent",
                floats(&|s| s.change.and_then(|c| c.percent)),
            ),
        ];
        for (name, column) in scalars {
            let nullable = column.data_type() == &DataType::Float64 || name == "change_absolute";
            fields.push(Field::new(name, column.data_type().clone(), nullable));
            columns.push(column);
        }
        type Names = fn(&PeriodStats) -> &std::collections::BTreeMap<String, u64>;
        let dimensions: [(&str, Names); 4] = [
            ("by_category", |s| &s.by_category),
            ("by_department", |s| &s.by_department),
            ("by_channel", |s| &s.by_channel),
            ("by_severity", |s| &s.by_severity),
        ];
        for (dimension, names_of) in dimensions {
            let names: BTreeSet<&String> = p.iter().flat_map(|s| names_of(s).keys()).collect();
            for name in names {
                fields.push(Field::new(
                    format!("{dimension}.{name}"),
                    DataType::Int64,
                    false,
                ));
                columns.push(ints(&|s| names_of(s).get(name).copied().unwrap_or(0)));
            }
        }
        RecordBatch::try_new(Arc::new(Schema::new(fields)), columns)
    }

    /// The growth trends: `dimension` (`category` or `department`), `name`, `total`, `slope`
    /// (complaints gained per period) and `percent` (the slope against the mean per period),
    /// steepest first within each dimension.
    ///
    /// # Errors
    /// Never in practice, as [`Report::to_long_batch`].
    pub fn to_growth_batch(&self) -> Result<RecordBatch, ArrowError> {
        let g = &self.growth;
        let rows = || {
            let categories = g.categories.iter().map(|t| ("category", t));
            categories.chain(g.departments.iter().map(|t| ("department", t)))
        };
        let schema = Schema::new(vec![
            Field::new("dimension", DataType::Utf8, false),
            Field::new("name", DataType::Utf8, false),
            Field::new("total", DataType::Int64, false),
            Field::new("slope", DataType::Float64, false),
            Field::new("percent", DataType::Float64, false),
        ]);
        RecordBatch::try_new(
            Arc::new(schema),
            vec![
                text(rows().map(|(d, _)| d)),
                text(rows().map(|(_, t)| t.name.as_str())),
                Arc::new(Int64Array::from_iter_values(
                    rows().map(|(_, t)| count(t.total)),
                )),
                Arc::new(Float64Array::from_iter_values(rows().map(|(_, t)| t.slope))),
                Arc::new(Float64Array::from_iter_values(
                    rows().map(|(_, t)| t.percent),
                )),
            ],
        )
    }

    /// The rows the ledger left out: `line`, `column` (null for the whole row) and `code`.
    ///
    /// # Errors
    /// Never in practice, as [`Report::to_long_batch`].
    pub fn to_rejected_batch(&self) -> Result<RecordBatch, ArrowError> {
        let r = &self.rejected;
        let schema = Schema::new(vec![
            Field::new("line", DataType::Int64, false),
            Field::new("column", DataType::Utf8, true),
            Field::new("code", DataType::Utf8, false),
        ]);
        RecordBatch::try_new(
            Arc::new(schema),
            vec![
                Arc::new(Int64Array::from_iter_values(
                    r.iter().map(|x| i64::try_from(x.line).unwrap_or(i64::MAX)),
                )),
                Arc::new(StringArray::from_iter(
                    r.iter().map(|x| x.column.as_deref()),
                )),
                text(r.iter().map(|x| x.code)),
            ],
        )
    }
}
