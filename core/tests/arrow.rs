//! The `arrow` feature against the existing paths: a ledger read from record batches, in every
//! column layout a dataframe library hands over, reports exactly what the CSV reader reports
//! on the same rows; the report's batches carry its figures; the day columns agree with the
//! calendar's scalar functions on every row.

#![cfg(feature = "arrow")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use complaint_office::ErrorCode;
use complaint_office::calendar::{Calendar, to_epoch_day};
use complaint_office::period;
use complaint_office::policy::Policy;
use complaint_office::stats::arrow::arrow_array::builder::StringDictionaryBuilder;
use complaint_office::stats::arrow::arrow_array::types::Int32Type;
use complaint_office::stats::arrow::arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, Float64Array, Int64Array, LargeStringArray,
    RecordBatch, StringArray, StringViewArray, TimestampMicrosecondArray,
    TimestampMillisecondArray, TimestampNanosecondArray, TimestampSecondArray, UInt32Array,
};
use complaint_office::stats::arrow::days::{self, Count};
use complaint_office::stats::arrow::{ArrowOptions, DIMENSIONS};
use complaint_office::stats::synthetic::Synthetic;
use complaint_office::stats::{
    ColumnNames, CsvOptions, Granularity, Ledger, Leniency, Record, Report, ReportOptions,
};
use complaint_office::time::parse_instant;

const BEIJING: i64 = 8 * 3600;

fn records(rows: usize) -> (Vec<Record>, String) {
    let shape = Synthetic {
        rows,
        ..Synthetic::default()
    };
    (
        shape.records(&Policy::default()).unwrap(),
        shape.csv(&Policy::default()).unwrap(),
    )
}

fn csv_report(csv: &str, granularity: Granularity) -> Report {
    let policy = Policy::default();
    let ledger = Ledger::from_csv_reader(csv.as_bytes(), &CsvOptions::default(), &policy).unwrap();
    ledger.report(granularity, &policy).unwrap()
}

/// How a layout writes each column.
#[derive(Debug, Clone, Copy)]
enum Names {
    Utf8,
    Large,
    View,
    Dictionary,
}

#[derive(Debug, Clone, Copy)]
enum Times {
    /// Seconds with a time zone (UTC values).
    Zoned(i64),
    /// Wall-clock office time without a time zone.
    Naive(i64),
    /// Text, as a CSV file has it.
    Text,
}

fn names(values: Vec<Option<String>>, how: Names) -> ArrayRef {
    match how {
        Names::Utf8 => Arc::new(StringArray::from(values)),
        Names::Large => Arc::new(LargeStringArray::from(values)),
        Names::View => Arc::new(StringViewArray::from(values)),
        Names::Dictionary => {
            let mut b = StringDictionaryBuilder::<Int32Type>::new();
            for v in values {
                b.append_option(v);
            }
            Arc::new(b.finish())
        }
    }
}

fn times(values: Vec<Option<i64>>, how: Times) -> ArrayRef {
    let scaled = |per_second: i64, shift: i64| -> Vec<Option<i64>> {
        values
            .iter()
            .map(|v| v.map(|s| (s + shift) * per_second))
            .collect()
    };
    match how {
        Times::Zoned(1) => Arc::new(TimestampSecondArray::from(scaled(1, 0)).with_timezone("UTC")),
        Times::Zoned(1_000) => Arc::new(
            TimestampMillisecondArray::from(scaled(1_000, 0)).with_timezone("Asia/Shanghai"),
        ),
        Times::Zoned(_) => Arc::new(
            TimestampNanosecondArray::from(scaled(1_000_000_000, 0)).with_timezone("+08:00"),
        ),
        Times::Naive(1_000_000) => {
            Arc::new(TimestampMicrosecondArray::from(scaled(1_000_000, BEIJING)))
        }
        Times::Naive(_) => Arc::new(TimestampSecondArray::from(scaled(1, BEIJING))),
        Times::Text => {
            let text: Vec<Option<String>> = values
                .iter()
                .map(|v| {
                    v.map(|s| {
                        chrono::DateTime::from_timestamp(s, 0)
                            .unwrap()
                            .to_rfc3339()
                            .replace("+00:00", "Z")
                    })
                })
                .collect();
            Arc::new(StringArray::from(text))
        }
    }
}

/// The records as one batch, each column in the given layout.
fn batch(records: &[Record], text: Names, time: Times, int_numbers: bool) -> RecordBatch {
    let number: ArrayRef = if int_numbers {
        Arc::new(UInt32Array::from_iter_values(
            records
                .iter()
                .map(|r| r.number.to_string().parse::<u32>().unwrap()),
        ))
    } else {
        names(
            records.iter().map(|r| Some(r.number.to_string())).collect(),
            text,
        )
    };
    let column =
        |f: &dyn Fn(&Record) -> Option<String>| names(records.iter().map(f).collect(), text);
    let columns: Vec<(&str, ArrayRef)> = vec![
        ("number", number),
        (
            "received_at",
            times(
                records
                    .iter()
                    .map(|r| Some(r.received_at.timestamp()))
                    .collect(),
                time,
            ),
        ),
        ("channel", column(&|r| r.channel.clone())),
        ("category", column(&|r| Some(r.category.clone()))),
        ("department", column(&|r| Some(r.department.clone()))),
        ("severity", column(&|r| r.severity.clone())),
        (
            "closed_at",
            times(
                records
                    .iter()
                    .map(|r| r.closed_at.map(|c| c.timestamp()))
                    .collect(),
                time,
            ),
        ),
        (
            "satisfied",
            Arc::new(BooleanArray::from(
                records.iter().map(|r| r.satisfied).collect::<Vec<_>>(),
            )),
        ),
    ];
    RecordBatch::try_from_iter(columns).unwrap()
}

fn arrow_report(batches: &[RecordBatch], granularity: Granularity) -> Report {
    let policy = Policy::default();
    let ledger = Ledger::from_record_batches(batches, &ArrowOptions::default(), &policy).unwrap();
    ledger.report(granularity, &policy).unwrap()
}

#[test]
fn every_layout_reports_what_the_csv_reader_reports() {
    let (records, csv) = records(20_000);
    let expected = csv_report(&csv, Granularity::Month);
    assert_eq!(expected.periods.len(), 120);
    let layouts = [
        (Names::Utf8, Times::Zoned(1), false),
        (Names::Large, Times::Zoned(1_000), true),
        (Names::View, Times::Zoned(1_000_000_000), false),
        (Names::Dictionary, Times::Naive(1_000_000), false),
        (Names::Dictionary, Times::Text, true),
        (Names::Utf8, Times::Naive(1), false),
    ];
    for (text, time, ints) in layouts {
        let whole = batch(&records, text, time, ints);
        let got = arrow_report(std::slice::from_ref(&whole), Granularity::Month);
        assert_eq!(got, expected, "{text:?} {time:?} ints={ints}");
        // The same table in three batches of unequal size.
        let split = [
            whole.slice(0, 7_000),
            whole.slice(7_000, 1),
            whole.slice(7_001, whole.num_rows() - 7_001),
        ];
        let got = arrow_report(&split, Granularity::Quarter);
        assert_eq!(
            got,
            csv_report(&csv, Granularity::Quarter),
            "{text:?} split"
        );
    }
}

fn tiny(columns: Vec<(&str, ArrayRef)>) -> RecordBatch {
    RecordBatch::try_from_iter(columns).unwrap()
}

fn text(values: &[Option<&str>]) -> ArrayRef {
    Arc::new(StringArray::from(values.to_vec()))
}

/// A ledger's rejected rows as (row, column, code), rows counted from `header_lines` lines
/// before the first row (a CSV file's header line is 1; a batch's rows start at 0).
fn rejections(ledger: &Ledger, header_lines: u64) -> Vec<(u64, Option<String>, &'static str)> {
    ledger
        .rejected()
        .iter()
        .map(|r| (r.line - header_lines, r.column.clone(), r.code))
        .collect()
}

#[test]
fn bad_rows_get_the_csv_readers_codes() {
    // The same bad rows as CSV and as Arrow text: the same codes and columns, lines shifted
    // by the header.
    let csv = "number,received_at,category,department,channel,closed_at,satisfied\n\
        25010001,2025-01-02 09:00:00,a,d,,2025-01-03 09:00:00,true\n\
        2501001,2025-01-02 09:00:00,a,d,,,\n\
        25010002,,a,d,,,\n\
        25010003,2025-01-02 09:00:00,  ,d,,,\n\
        25010004,2025-01-02 09:00:00,a,d,,2025-01-01 09:00:00,\n\
        25010001,2025-01-02 09:00:00,a,d,,,\n\
        25010005,2025-01-02 09:00:00,a,d,,,maybe\n\
        25130001,2025-01-02 09:00:00,a,d,,,\n\
        25010006,1899-12-31 09:00:00,a,d,,,\n\
        25010007,2025-02-30 09:00:00,a,d,,,\n";
    let lenient = CsvOptions {
        leniency: Leniency::Lenient,
        ..CsvOptions::default()
    };
    let policy = Policy::default();
    let from_csv = Ledger::from_csv_reader(csv.as_bytes(), &lenient, &policy).unwrap();
    let rows: Vec<Vec<&str>> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    let col = |i: usize| -> ArrayRef {
        let cells: Vec<Option<&str>> = rows.iter().map(|r| Some(r[i])).collect();
        text(&cells)
    };
    let b = tiny(vec![
        ("number", col(0)),
        ("received_at", col(1)),
        ("category", col(2)),
        ("department", col(3)),
        ("channel", col(4)),
        ("closed_at", col(5)),
        ("satisfied", col(6)),
    ]);
    let options = ArrowOptions {
        leniency: Leniency::Lenient,
        ..ArrowOptions::default()
    };
    let from_arrow = Ledger::from_record_batches([&b], &options, &policy).unwrap();
    assert_eq!(from_arrow.len(), from_csv.len());
    assert_eq!(from_arrow.len(), 1);
    let shifted = rejections(&from_csv, 1);
    let got = rejections(&from_arrow, 0);
    assert_eq!(got, shifted);
    assert_eq!(got.len(), 9);
    // Strict mode stops at the first, with its position.
    let e = Ledger::from_record_batches([&b], &ArrowOptions::default(), &policy).unwrap_err();
    assert_eq!(e.code(), "stats.bad_row");
    assert_eq!(e.problem(), Some("number.invalid_format"));
    assert_eq!(
        e.to_string(),
        "bad ledger row at line 2, column `number`: number.invalid_format"
    );
}

#[test]
fn typed_cells_have_their_own_checks() {
    let policy = Policy::default();
    let lenient = ArrowOptions {
        leniency: Leniency::Lenient,
        ..ArrowOptions::default()
    };
    let day = 1_735_779_600; // 2025-01-02T01:00:00Z
    let b = tiny(vec![
        (
            "number",
            Arc::new(Int64Array::from(vec![
                Some(25_010_001),
                None,
                Some(-1),
                Some(25_130_001),
                Some(25_010_000),
                Some(1_010_001),
                Some(25_010_003),
            ])),
        ),
        (
            "received_at",
            Arc::new(
                TimestampSecondArray::from(vec![
                    Some(day),
                    Some(day),
                    Some(day),
                    Some(day),
                    Some(day),
                    Some(day),
                    None,
                ])
                .with_timezone("UTC"),
            ),
        ),
        ("category", text(&[Some("a"); 7])),
        ("department", text(&[Some("d"); 7])),
    ]);
    let ledger = Ledger::from_record_batches([&b], &lenient, &policy).unwrap();
    let got: Vec<_> = ledger.rejected().iter().map(|r| (r.line, r.code)).collect();
    assert_eq!(
        got,
        [
            (2, "stats.missing_value"),
            (3, "number.invalid_format"),
            (4, "number.invalid_month"),
            (5, "number.invalid_serial"),
            (7, "stats.missing_value"),
        ]
    );
    let kept: Vec<String> = ledger.records().map(|r| r.number.to_string()).collect();
    assert_eq!(kept, ["25010001", "01010001"]);
}

#[test]
fn dictionaries_count_only_the_names_rows_use() {
    let policy = Policy::default();
    let mut categories = StringDictionaryBuilder::<Int32Type>::new();
    categories.append_value("unused");
    categories.append_value("quality");
    categories.append_null();
    let categories = categories.finish();
    // Keep the value "unused" in the dictionary but use it in no row.
    let categories = categories.slice(1, 2);
    let b = tiny(vec![
        ("number", text(&[Some("25010001"), Some("25010002")])),
        (
            "received_at",
            text(&[Some("2025-01-02 09:00:00"), Some("2025-01-02 10:00:00")]),
        ),
        ("category", Arc::new(categories)),
        ("department", text(&[Some("d"), Some("d")])),
    ]);
    let lenient = ArrowOptions {
        leniency: Leniency::Lenient,
        ..ArrowOptions::default()
    };
    let ledger = Ledger::from_record_batches([&b], &lenient, &policy).unwrap();
    let report = ledger.report(Granularity::Month, &policy).unwrap();
    let names: Vec<&String> = report.periods[0].by_category.keys().collect();
    assert_eq!(names, ["quality"]);
    assert_eq!(ledger.rejected()[0].code, "stats.missing_value");
}

#[test]
fn schema_problems_are_named() {
    let policy = Policy::default();
    let o = ArrowOptions::default();
    let no_department = tiny(vec![
        ("number", text(&[Some("25010001")])),
        ("received_at", text(&[Some("2025-01-02 09:00:00")])),
        ("category", text(&[Some("a")])),
    ]);
    let e = Ledger::from_record_batches([&no_department], &o, &policy).unwrap_err();
    assert_eq!(e.code(), "stats.missing_column");
    assert_eq!(e.to_string(), "the ledger has no column `department`");

    let float_numbers = tiny(vec![
        ("number", Arc::new(Float64Array::from(vec![25_010_001.0]))),
        ("received_at", text(&[Some("2025-01-02 09:00:00")])),
        ("category", text(&[Some("a")])),
        ("department", text(&[Some("d")])),
    ]);
    let e = Ledger::from_record_batches([&float_numbers], &o, &policy).unwrap_err();
    assert_eq!(e.code(), "stats.unsupported_column");
    assert_eq!(
        e.to_string(),
        "column `number` has the type Float64, expected text YYMMNNNN or an integer"
    );

    let e = Ledger::from_record_batches(Vec::<RecordBatch>::new(), &o, &policy).unwrap_err();
    assert_eq!(e.code(), "stats.missing_column");

    // Other column names, as for CSV.
    let renamed = tiny(vec![
        ("no", text(&[Some("25010001")])),
        ("at", text(&[Some("2025-01-02 09:00:00")])),
        ("cat", text(&[Some("a")])),
        ("dept", text(&[Some("d")])),
    ]);
    let options = ArrowOptions {
        columns: ColumnNames {
            number: "no".into(),
            received_at: "at".into(),
            category: "cat".into(),
            department: "dept".into(),
            ..ColumnNames::default()
        },
        ..ArrowOptions::default()
    };
    assert_eq!(
        Ledger::from_record_batches([&renamed], &options, &policy)
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn the_long_form_holds_every_figure_of_the_json_report() {
    let (_, csv) = records(5_000);
    let report = csv_report(&csv, Granularity::Month);
    let long = report.to_long_batch().unwrap();
    let column = |name: &str| long.column_by_name(name).unwrap().clone();
    let period = column("period");
    let period = period.as_any().downcast_ref::<StringArray>().unwrap();
    let dimension = column("dimension");
    let dimension = dimension.as_any().downcast_ref::<StringArray>().unwrap();
    let key = column("key");
    let key = key.as_any().downcast_ref::<StringArray>().unwrap();
    let figure = column("figure");
    let figure = figure.as_any().downcast_ref::<Float64Array>().unwrap();
    // Rebuild the JSON report's periods from the long form.
    let mut rebuilt = serde_json::Map::new();
    for i in 0..long.num_rows() {
        let p = rebuilt
            .entry(period.value(i).to_owned())
            .or_insert_with(|| serde_json::json!({"period": period.value(i)}));
        let value = if figure.is_null(i) {
            serde_json::Value::Null
        } else {
            let v = figure.value(i);
            if v.fract() == 0.0
                && !matches!(dimension.value(i), "handling_hours" | "satisfaction_rate")
                && !(dimension.value(i) == "change" && key.value(i) == "percent")
            {
                serde_json::json!(v as i64)
            } else {
                serde_json::json!(v)
            }
        };
        let d = dimension.value(i);
        assert!(DIMENSIONS.contains(&d), "{d}");
        if key.is_null(i) {
            p[d] = value;
        } else {
            if p.get(d).is_none_or(|v| v.is_null()) {
                p[d] = serde_json::json!({});
            }
            p[d][key.value(i)] = value;
        }
    }
    let json = serde_json::to_value(&report).unwrap();
    for (i, expected) in json["periods"].as_array().unwrap().iter().enumerate() {
        let mut expected = expected.clone();
        if expected["change"].is_null() {
            expected["change"] = serde_json::json!({"absolute": null, "percent": null});
        }
        let got = &rebuilt[&report.periods[i].period.to_string()];
        assert_eq!(got, &expected, "period {i}");
    }
    assert_eq!(rebuilt.len(), report.periods.len());
}

#[test]
fn the_wide_form_has_a_row_per_period() {
    let (_, csv) = records(5_000);
    let report = csv_report(&csv, Granularity::Quarter);
    let wide = report.to_wide_batch().unwrap();
    assert_eq!(wide.num_rows(), report.periods.len());
    let ints = |name: &str| {
        wide.column_by_name(name)
            .unwrap_or_else(|| panic!("{name}"))
            .as_any()
            .downcast_ref::<Int64Array>()
            .unwrap()
            .clone()
    };
    let floats = |name: &str| {
        wide.column_by_name(name)
            .unwrap()
            .as_any()
            .downcast_ref::<Float64Array>()
            .unwrap()
            .clone()
    };
    let starts = wide.column_by_name("period_start").unwrap();
    let starts = starts.as_any().downcast_ref::<Date32Array>().unwrap();
    for (i, p) in report.periods.iter().enumerate() {
        assert_eq!(ints("total").value(i) as u64, p.total);
        assert_eq!(ints("closed").value(i) as u64, p.closed);
        assert_eq!(ints("open_at_end").value(i) as u64, p.open_at_end);
        assert_eq!(
            Some(floats("handling_hours_p90").value(i)),
            p.handling_hours.p90
        );
        assert_eq!(starts.value_as_date(i), Some(p.period.first_day()));
        for (name, &n) in &p.by_department {
            assert_eq!(ints(&format!("by_department.{name}")).value(i) as u64, n);
        }
        let category_sum: i64 = wide
            .schema()
            .fields()
            .iter()
            .filter(|f| f.name().starts_with("by_category."))
            .map(|f| ints(f.name()).value(i))
            .sum();
        assert_eq!(category_sum as u64, p.total);
    }
    assert!(ints("change_absolute").is_null(0));
    assert!(!ints("change_absolute").is_null(1));
    let growth = report.to_growth_batch().unwrap();
    assert_eq!(
        growth.num_rows(),
        report.growth.categories.len() + report.growth.departments.len()
    );
    assert_eq!(report.to_rejected_batch().unwrap().num_rows(), 0);
}

fn day(text: &str) -> i32 {
    to_epoch_day(text.parse().unwrap()) as i32
}

#[test]
fn day_columns_agree_with_the_scalar_calendar_on_every_row() {
    let calendar = Calendar::cn();
    let first = day("2015-01-01");
    let dates: Vec<Option<i32>> = (0..4_000)
        .map(|i| (i % 97 != 0).then_some(first + i))
        .collect();
    let counts: Vec<i64> = (0..4_000).map(|i| (i % 41) - 10).collect();
    let array = Date32Array::from(dates.clone());
    let count_array = Int64Array::from(counts.clone());
    let added = days::add_working_days(&calendar, &array, Count::Each(&count_array)).unwrap();
    let five = days::add_working_days(&calendar, &array, Count::One(5)).unwrap();
    let working = days::is_working_day(&calendar, &array).unwrap();
    let end = Date32Array::from(vec![day("2020-06-30")]);
    let between = days::working_days_between(&calendar, &array, &end).unwrap();
    for (i, d) in dates.iter().enumerate() {
        let Some(d) = d else {
            assert!(added.is_null(i) && five.is_null(i) && working.is_null(i));
            assert!(between.is_null(i));
            continue;
        };
        let date = added.value_as_date(i).unwrap();
        let start = five.value_as_date(i).unwrap(); // checked below
        let from = complaint_office::calendar::from_epoch_day(i64::from(*d)).unwrap();
        assert_eq!(date, calendar.add_working_days(from, counts[i]).unwrap());
        assert_eq!(start, calendar.add_working_days(from, 5).unwrap());
        assert_eq!(working.value(i), calendar.is_working_day(from));
        assert_eq!(
            between.value(i),
            calendar.working_days_between(from, "2020-06-30".parse().unwrap())
        );
    }
}

#[test]
fn instants_count_in_office_days_and_naive_times_as_written() {
    let calendar = Calendar::cn();
    // 2025-09-30T16:30:00Z is 1 October 00:30 in Beijing, a holiday; naive, it is 30
    // September, a working day.
    let at = parse_instant("2025-09-30T16:30:00Z").unwrap().timestamp();
    let zoned = TimestampSecondArray::from(vec![at]).with_timezone("UTC");
    let naive = TimestampMillisecondArray::from(vec![at * 1_000]);
    assert!(!days::is_working_day(&calendar, &zoned).unwrap().value(0));
    assert!(days::is_working_day(&calendar, &naive).unwrap().value(0));
    let next = days::add_working_days(&calendar, &zoned, Count::One(1)).unwrap();
    assert_eq!(next.value_as_date(0).unwrap().to_string(), "2025-10-09");
}

#[test]
fn period_end_agrees_with_period_end_on_every_row() {
    let calendar = Calendar::cn();
    let policy = Policy::default();
    let starts: Vec<Option<i64>> = (0..3_000)
        .map(|i| (i % 113 != 5).then_some(1_600_000_000 + i * 54_321))
        .collect();
    let array = TimestampSecondArray::from(starts.clone()).with_timezone("Asia/Shanghai");
    for duration in [
        policy.deadlines().registration,
        policy.deadlines().plan,
        "1 month".parse().unwrap(),
        "24 hours".parse().unwrap(),
    ] {
        let d = days::period_end(&calendar, &array, duration).unwrap();
        assert_eq!(d.due.timezone(), Some("+08:00"));
        for (i, s) in starts.iter().enumerate() {
            let Some(s) = s else {
                assert!(d.due.is_null(i) && d.last_day.is_null(i));
                continue;
            };
            let start = chrono::DateTime::from_timestamp(*s, 0)
                .unwrap()
                .fixed_offset();
            let expected = period::end(&calendar, start, duration).unwrap();
            assert_eq!(
                d.due.value(i),
                expected.due.timestamp(),
                "{duration} row {i}"
            );
            assert_eq!(d.last_day.value_as_date(i), Some(expected.last_day));
            assert_eq!(d.provisional.value(i), expected.provisional);
        }
    }
    // A date starts at 00:00 office time.
    let dates = Date32Array::from(vec![day("2025-09-26")]);
    let d = days::period_end(&calendar, &dates, "15 days".parse().unwrap()).unwrap();
    assert_eq!(
        d.last_day.value_as_date(0).unwrap().to_string(),
        "2025-10-11"
    );
}

#[test]
fn column_errors_name_the_argument_and_row() {
    let calendar = Calendar::cn();
    let floats = Float64Array::from(vec![1.0]);
    let e = days::is_working_day(&calendar, &floats).unwrap_err();
    assert_eq!(e.code(), "stats.unsupported_column");
    assert_eq!(
        e.to_string(),
        "`dates` has the type Float64, expected Date32, Date64 or a timestamp"
    );
    let dates = Date32Array::from(vec![day("2025-01-02"), day("2999-12-30")]);
    let e = days::add_working_days(&calendar, &dates, Count::One(10)).unwrap_err();
    assert_eq!(e.code(), "calendar.out_of_range");
    assert_eq!(e.index(), Some(1));
    let short = Int64Array::from(vec![1]);
    let e = days::add_working_days(&calendar, &dates, Count::Each(&short)).unwrap_err();
    assert_eq!(e.code(), "calendar.length_mismatch");
    let hours =
        days::period_end(&calendar, &dates, "8 working hours".parse().unwrap()).unwrap_err();
    assert_eq!(hours.code(), "period.office_hours_required");
    assert_eq!(hours.index(), Some(0));
}

#[test]
fn reports_from_arrow_and_records_agree_with_options() {
    let (records, _) = records(3_000);
    let policy = Policy::default();
    let b = batch(&records, Names::View, Times::Zoned(1), false);
    let ledger = Ledger::from_record_batches([&b], &ArrowOptions::default(), &policy).unwrap();
    let reference = Ledger::from_records(&records, Leniency::Strict).unwrap();
    let options = ReportOptions {
        granularity: Granularity::Month,
        from: Some("2020-01".parse().unwrap()),
        to: Some("2021-06".parse().unwrap()),
    };
    assert_eq!(
        Report::build(&ledger, &options, &policy).unwrap(),
        Report::build(&reference, &options, &policy).unwrap()
    );
}

#[test]
fn typed_time_columns_with_nulls_and_strays_get_the_csv_readers_codes() {
    // Timestamps without a time zone are office time, as CSV times without an offset: the
    // same rows as text and as typed columns (with nulls, out-of-range years, a row with
    // several problems) must be kept and rejected alike, with the same codes and columns.
    let rows: [(&str, &str, &str); 9] = [
        ("25010001", "2025-01-02 09:00:00", "2025-01-03 09:00:00"),
        ("25010002", "", ""),
        ("25010003", "1899-12-31 09:00:00", ""),
        ("25010004", "2025-01-02 09:00:00", "3000-01-01 00:00:00"),
        ("25010005", "3000-01-01 00:00:00", "3000-01-02 00:00:00"),
        ("25010006", "2025-01-02 09:00:00", ""),
        ("25010007", "2025-01-02 09:00:00", "2025-01-01 09:00:00"),
        ("25010008", "2999-12-31 23:59:59", ""),
        ("25010009", "1900-01-01 00:00:00", "2025-01-02 10:00:00"),
    ];
    let mut csv = String::from("number,received_at,category,department,closed_at\n");
    for (n, r, c) in rows {
        csv.push_str(&format!("{n},{r},a,d,{c}\n"));
    }
    let lenient = CsvOptions {
        leniency: Leniency::Lenient,
        ..CsvOptions::default()
    };
    let policy = Policy::default();
    let from_csv = Ledger::from_csv_reader(csv.as_bytes(), &lenient, &policy).unwrap();
    // Office time written as a timestamp without a zone: its fields as if in UTC.
    let naive = |t: &str| {
        (!t.is_empty()).then(|| {
            chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S")
                .unwrap()
                .and_utc()
                .timestamp()
        })
    };
    for per_second in [1, 1_000_000] {
        let stamps = |i: usize| -> ArrayRef {
            let values: Vec<Option<i64>> = rows
                .iter()
                .map(|r| naive(if i == 1 { r.1 } else { r.2 }).map(|s| s * per_second))
                .collect();
            if per_second == 1 {
                Arc::new(TimestampSecondArray::from(values))
            } else {
                Arc::new(TimestampMicrosecondArray::from(values))
            }
        };
        let numbers: Vec<Option<&str>> = rows.iter().map(|r| Some(r.0)).collect();
        let b = tiny(vec![
            ("number", text(&numbers)),
            ("received_at", stamps(1)),
            ("category", text(&[Some("a"); 9])),
            ("department", text(&[Some("d"); 9])),
            ("closed_at", stamps(2)),
        ]);
        let options = ArrowOptions {
            leniency: Leniency::Lenient,
            ..ArrowOptions::default()
        };
        let from_arrow = Ledger::from_record_batches([&b], &options, &policy).unwrap();
        let shifted = rejections(&from_csv, 1);
        let got = rejections(&from_arrow, 0);
        assert_eq!(got, shifted, "{per_second}");
        assert_eq!(got.len(), 5, "{got:?}");
        let kept = |l: &Ledger| l.records().collect::<Vec<_>>();
        assert_eq!(kept(&from_arrow), kept(&from_csv), "{per_second}");
        // The figures agree; the rejected rows' lines differ by the CSV header.
        let report = |l: &Ledger| l.report(Granularity::Month, &policy).unwrap();
        // Straight to a report: the same figures and the same rejected rows.
        let monthly = ReportOptions::new(Granularity::Month);
        let streamed = Report::from_record_batches([&b], &options, &monthly, &policy).unwrap();
        assert_eq!(streamed, report(&from_arrow), "{per_second}");
        assert_eq!(streamed.rejected.len(), 5);
        let (a, c) = (report(&from_arrow), report(&from_csv));
        assert_eq!(a.periods, c.periods);
        assert_eq!(a.growth, c.growth);
        assert_eq!(a.overview, c.overview);
    }
}

#[test]
fn reports_straight_from_batches_equal_the_ledgers_reports() {
    let (records, csv) = records(6_000);
    let policy = Policy::default();
    let options = ArrowOptions::default();
    let layouts = [
        (Names::Utf8, Times::Zoned(1), false),
        (Names::View, Times::Zoned(1_000_000_000), false),
        (Names::Dictionary, Times::Naive(1_000_000), false),
        (Names::Large, Times::Text, true),
    ];
    for (text, time, ints) in layouts {
        let whole = batch(&records, text, time, ints);
        let rows = whole.num_rows();
        // One batch; batches of unequal sizes that divide nothing; batches of one row.
        let uneven: Vec<RecordBatch> = [0, 1, 2_501, 2_502, 5_999, rows]
            .windows(2)
            .map(|w| whole.slice(w[0], w[1] - w[0]))
            .collect();
        let ones: Vec<RecordBatch> = (0..700).map(|i| whole.slice(i, 1)).collect();
        for batches in [std::slice::from_ref(&whole), &uneven, &ones] {
            let ledger = Ledger::from_record_batches(batches, &options, &policy).unwrap();
            for g in Granularity::ALL {
                let every = ReportOptions::new(*g);
                let expected = Report::build(&ledger, &every, &policy).unwrap();
                let got = Report::from_record_batches(batches, &options, &every, &policy).unwrap();
                assert_eq!(got, expected, "{text:?} {g:?} {} batches", batches.len());
                assert_eq!(got.overview, expected.overview);
                if let [_, second, .., last] = expected.periods.as_slice() {
                    let range = ReportOptions {
                        from: Some(second.period),
                        to: Some(last.period),
                        ..every
                    };
                    assert_eq!(
                        Report::from_record_batches(batches, &options, &range, &policy).unwrap(),
                        Report::build(&ledger, &range, &policy).unwrap()
                    );
                }
            }
        }
        let monthly = ReportOptions::new(Granularity::Month);
        assert_eq!(
            Report::from_record_batches([&whole], &options, &monthly, &policy).unwrap(),
            csv_report(&csv, Granularity::Month),
            "{text:?} against CSV"
        );
    }
}

/// Names that only their fourth, fifth, middle or last byte tells apart, of every length around
/// the 12 bytes a `Utf8View` cell holds inline and the 20 the view memo keys by content, with
/// padding, nulls in the optional columns, and values under the nulls of `closed_at` that are
/// far outside the supported years: every layout and every slicing reports what the records
/// report, row by row through the ledger builder (no Arrow reader, no memo).
#[test]
fn names_of_every_length_and_nulls_report_what_the_records_report() {
    let names = [
        "a",
        "abc_",
        "abcd",
        "twelve_bytes",
        "twelve_byteS",
        "thirteen_byte",
        "thirTeen_byte",
        "thirteen_bytE",
        "sixteen_bytes_xx",
        "sixteen_Bytes_xx",
        "twenty_bytes_xxxxxxx",
        "twenty_bytes_xxXxxxx",
        "twenty_one_bytes_xxxx",
        "twenty_one_bytes_xXxx",
        "a name much longer than thirty-two bytes, one",
        "a name much longer than thirty-two bytes, two",
        "  sixteen_bytes_xx ",
        "部門",
    ];
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let rows = 3_000;
    // 2024-12-28 to about 2025-04: slices cross month ends.
    let start = 1_735_344_000i64;
    let mut records = Vec::new();
    let mut garbage_under_nulls = Vec::new();
    for i in 0..rows {
        let received = start + i as i64 * 3_541;
        let at = chrono::DateTime::from_timestamp(received, 0)
            .unwrap()
            .fixed_offset();
        let number = format!("25{:02}{:04}", 1 + i / 1_000, 1 + i % 1_000);
        let mut r = Record::new(
            number.parse().unwrap(),
            at,
            names[next(names.len())],
            names[next(names.len())],
        );
        r.channel = (next(4) > 0).then(|| names[next(names.len())].to_owned());
        r.severity = (next(3) > 0).then(|| names[next(5)].to_owned());
        r.closed_at = (next(5) > 0).then(|| {
            chrono::DateTime::from_timestamp(received + next(900_000) as i64, 0)
                .unwrap()
                .fixed_offset()
        });
        r.satisfied = [None, Some(true), Some(false)][next(3)];
        garbage_under_nulls.push([i64::MAX, i64::MIN, 0, -70_000_000_000][next(4)]);
        records.push(r);
    }
    let policy = Policy::default();
    let options = ArrowOptions::default();
    let expected_ledger = Ledger::from_records(&records, Leniency::Strict).unwrap();
    let closed: Vec<i64> = records
        .iter()
        .zip(&garbage_under_nulls)
        .map(|(r, &g)| r.closed_at.map_or(g, |c| c.timestamp()))
        .collect();
    let valid: Vec<bool> = records.iter().map(|r| r.closed_at.is_some()).collect();
    let closed_at: ArrayRef =
        Arc::new(TimestampSecondArray::new(closed.into(), Some(valid.into())).with_timezone("UTC"));
    for text in [Names::Utf8, Names::Large, Names::View, Names::Dictionary] {
        let mut whole = batch(&records, text, Times::Zoned(1), false);
        let at = whole.schema().index_of("closed_at").unwrap();
        let mut columns = whole.columns().to_vec();
        columns[at] = closed_at.clone();
        whole = RecordBatch::try_new(whole.schema(), columns).unwrap();
        let uneven: Vec<RecordBatch> = [0, 1, 777, 1_999, rows]
            .windows(2)
            .map(|w| whole.slice(w[0], w[1] - w[0]))
            .collect();
        for batches in [std::slice::from_ref(&whole), &uneven] {
            for g in Granularity::ALL {
                let every = ReportOptions::new(*g);
                let expected = Report::build(&expected_ledger, &every, &policy).unwrap();
                let got = Report::from_record_batches(batches, &options, &every, &policy).unwrap();
                assert_eq!(got, expected, "{text:?} {g:?} {} batches", batches.len());
                let ledger = Ledger::from_record_batches(batches, &options, &policy).unwrap();
                assert_eq!(Report::build(&ledger, &every, &policy).unwrap(), expected);
            }
        }
    }
}
