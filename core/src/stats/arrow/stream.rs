//! A report straight from Arrow record batches: the table is read a slice at a time into one
//! small ledger that is reused, and each slice is counted before the next is read, so the
//! million-row columns of a whole ledger are never written. The checks, the codes of rejected
//! rows, the duplicate numbers (the set of numbers seen is kept over the whole table) and the
//! figures are those of [`Ledger::from_record_batches`] followed by [`Report::build`].

use std::borrow::Borrow;

use arrow_array::RecordBatch;
use arrow_array::cast::AsArray;

use super::ArrowOptions;
use super::ledger::{in_field_order, locate, read_batch};
use crate::policy::Policy;
use crate::stats::day_periods::DayPeriods;
use crate::stats::ledger::{Builder, Field};
use crate::stats::tally::{self, Tally};
use crate::stats::{Report, ReportOptions, StatsError};

/// Rows read and counted at a time: the chunk's columns (about 40 bytes a row) stay in the
/// core's cache between being written and being counted.
const CHUNK_ROWS: usize = 1 << 14;

impl Report {
    /// The report of a table given as Arrow record batches, without building its ledger: the
    /// same report as [`Ledger::from_record_batches`](crate::stats::Ledger::from_record_batches)
    /// then [`Report::build`] (rows, checks, rejected rows and figures alike), in less time
    /// and memory, for callers that want the report and not the ledger.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use arrow_array::{ArrayRef, RecordBatch, StringArray, TimestampSecondArray};
    /// use complaint_office::policy::Policy;
    /// use complaint_office::stats::arrow::ArrowOptions;
    /// use complaint_office::stats::{Granularity, Ledger, Report, ReportOptions};
    ///
    /// let columns: Vec<(&str, ArrayRef)> = vec![
    ///     ("number", Arc::new(StringArray::from(vec!["25010001", "25020001"]))),
    ///     // 2025-01-02 09:00 and 2025-02-03 10:00 in Beijing
    ///     ("received_at", Arc::new(TimestampSecondArray::from(vec![1_735_779_600, 1_738_548_000]).with_timezone("+08:00"))),
    ///     ("category", Arc::new(StringArray::from(vec!["product_quality", "service_attitude"]))),
    ///     ("department", Arc::new(StringArray::from(vec!["production", "sales"]))),
    /// ];
    /// let batch = RecordBatch::try_from_iter(columns).unwrap();
    /// let (options, policy) = (ArrowOptions::default(), Policy::default());
    /// let monthly = ReportOptions::new(Granularity::Month);
    /// let report = Report::from_record_batches([&batch], &options, &monthly, &policy)?;
    /// assert_eq!(report.periods[1].by_category["service_attitude"], 1);
    /// let ledger = Ledger::from_record_batches([&batch], &options, &policy)?;
    /// assert_eq!(report, Report::build(&ledger, &monthly, &policy)?);
    /// # Ok::<(), complaint_office::stats::StatsError>(())
    /// ```
    ///
    /// # Errors
    /// [`StatsError::InvalidRange`] for the report options (checked first, before any row is
    /// read), then the errors of
    /// [`Ledger::from_record_batches`](crate::stats::Ledger::from_record_batches): a missing,
    /// repeated or unsupported column, or in strict mode the first bad row.
    pub fn from_record_batches<B: Borrow<RecordBatch>>(
        batches: impl IntoIterator<Item = B>,
        options: &ArrowOptions,
        report: &ReportOptions,
        policy: &Policy,
    ) -> Result<Report, StatsError> {
        in_chunks(batches, options, report, policy, Chunks::Rows(CHUNK_ROWS))
    }
}

/// How many rows of a batch to read at a time.
#[derive(Debug, Clone, Copy)]
enum Chunks {
    /// This many, or a whole dictionary's length when a column's dictionary is longer (each
    /// chunk interns the dictionary values its rows use, and parses a number dictionary).
    Rows(usize),
    /// Exactly this many, whatever the dictionaries (for tests).
    #[cfg(test)]
    Exactly(usize),
}

#[inline(never)] // one symbol to profile and measure
fn in_chunks<B: Borrow<RecordBatch>>(
    batches: impl IntoIterator<Item = B>,
    options: &ArrowOptions,
    report: &ReportOptions,
    policy: &Policy,
    chunks: Chunks,
) -> Result<Report, StatsError> {
    report.check()?;
    let names = in_field_order(&options.columns);
    let office = policy.office_offset().local_minus_utc();
    let mut builder = Builder::new(options.leniency, names.clone());
    let mut tally = Tally::new(report);
    let mut line = 0u64;
    let mut schema_checked = false;
    for batch in batches {
        let batch = batch.borrow();
        let columns = locate(batch, &names)?;
        schema_checked = true;
        let rows = batch.num_rows();
        let step = match chunks {
            Chunks::Rows(n) => n.max(longest_dictionary(batch, &columns)),
            #[cfg(test)]
            Chunks::Exactly(n) => n,
        }
        .max(1);
        let mut at = 0;
        // An empty batch is read too: its column types are checked as in a ledger's read.
        loop {
            let len = step.min(rows - at);
            builder.clear_rows();
            builder.reserve(len);
            let chunk = batch.slice(at, len);
            read_batch(&mut builder, &chunk, &columns, &names, office, &mut line)?;
            let (ledger, _) = builder.parts();
            let counted = ledger.rows();
            let instants = tally::instants(&counted);
            let days = DayPeriods::new(report.granularity, office, instants, ledger.len());
            tally.add(&counted, &days);
            at += len;
            if at >= rows {
                break;
            }
        }
    }
    if !schema_checked {
        // No batch at all: nothing says which columns there are.
        return Err(StatsError::MissingColumn {
            column: names[Field::Number as usize].clone(),
        });
    }
    builder.clear_rows();
    Ok(tally.finish(&builder.finish()))
}

/// The number of values of the longest dictionary among the columns read.
fn longest_dictionary(batch: &RecordBatch, columns: &[Option<usize>; 8]) -> usize {
    columns
        .iter()
        .flatten()
        .filter_map(|&i| batch.column(i).as_ref().as_any_dictionary_opt())
        .map(|d| d.values().len())
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow_array::builder::StringDictionaryBuilder;
    use arrow_array::types::Int16Type;
    use arrow_array::{ArrayRef, BooleanArray, StringArray, StringViewArray, TimestampSecondArray};

    use super::*;
    use crate::stats::synthetic::Synthetic;
    use crate::stats::{Granularity, Ledger, Leniency};

    #[derive(Debug, Clone, Copy)]
    enum Layout {
        Utf8,
        View,
        Dictionary,
    }

    fn text(values: Vec<Option<String>>, layout: Layout) -> ArrayRef {
        match layout {
            Layout::Utf8 => Arc::new(StringArray::from(values)),
            Layout::View => Arc::new(StringViewArray::from(values)),
            Layout::Dictionary => {
                let mut b = StringDictionaryBuilder::<Int16Type>::new();
                for v in values {
                    b.append_option(v);
                }
                Arc::new(b.finish())
            }
        }
    }

    /// Synthetic rows with a few bad ones: a repeated number, a missing category, a case
    /// closed before it was received, a number that is not one, and text with spaces.
    fn table(rows: usize, layout: Layout) -> RecordBatch {
        let records = Synthetic {
            rows,
            ..Synthetic::default()
        }
        .records(&Policy::default())
        .unwrap();
        let mut number: Vec<Option<String>> =
            records.iter().map(|r| Some(r.number.to_string())).collect();
        let received: Vec<Option<i64>> = records
            .iter()
            .map(|r| Some(r.received_at.timestamp()))
            .collect();
        let mut closed: Vec<Option<i64>> = records
            .iter()
            .map(|r| r.closed_at.map(|c| c.timestamp()))
            .collect();
        let mut category: Vec<Option<String>> =
            records.iter().map(|r| Some(r.category.clone())).collect();
        let mut department: Vec<Option<String>> =
            records.iter().map(|r| Some(r.department.clone())).collect();
        for (at, bad) in (0..rows).step_by(97).zip(0..) {
            match bad % 5 {
                0 => number[at] = number.get(at / 2).cloned().flatten(),
                1 => category[at] = None,
                2 => closed[at] = received[at].map(|r| r - 3_600),
                3 => number[at] = Some("2501x001".to_owned()),
                _ => department[at] = department[at].as_ref().map(|d| format!("  {d} ")),
            }
        }
        let columns: Vec<(&str, ArrayRef)> = vec![
            ("number", text(number, layout)),
            (
                "received_at",
                Arc::new(TimestampSecondArray::from(received).with_timezone("UTC")),
            ),
            ("category", text(category, layout)),
            ("department", text(department, layout)),
            (
                "channel",
                text(records.iter().map(|r| r.channel.clone()).collect(), layout),
            ),
            (
                "severity",
                text(records.iter().map(|r| r.severity.clone()).collect(), layout),
            ),
            (
                "closed_at",
                Arc::new(TimestampSecondArray::from(closed).with_timezone("+08:00")),
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

    #[test]
    fn every_chunk_size_reports_what_the_ledger_reports() {
        let policy = Policy::default();
        let lenient = ArrowOptions {
            leniency: Leniency::Lenient,
            ..ArrowOptions::default()
        };
        for (rows, layout) in [
            (1_500, Layout::Utf8),
            (1_500, Layout::View),
            (1_500, Layout::Dictionary),
            (5_003, Layout::View),
        ] {
            let whole = table(rows, layout);
            let batches = [
                whole.slice(0, rows / 3),
                whole.slice(rows / 3, rows - rows / 3),
            ];
            let ledger = Ledger::from_record_batches(&batches, &lenient, &policy).unwrap();
            assert!(ledger.rejected().len() >= rows / 200, "{layout:?}");
            for g in Granularity::ALL {
                let mut ranges = vec![ReportOptions::new(*g)];
                let periods = Report::build(&ledger, &ranges[0], &policy).unwrap().periods;
                let some = |i: usize| periods.get(i).map(|p| p.period);
                ranges.push(ReportOptions {
                    from: some(2),
                    to: some(periods.len().saturating_sub(3)),
                    ..ranges[0]
                });
                ranges.push(ReportOptions {
                    from: some(periods.len() / 2),
                    ..ranges[0]
                });
                ranges.push(ReportOptions {
                    to: some(1),
                    ..ranges[0]
                });
                for options in ranges {
                    let expected = Report::build(&ledger, &options, &policy).unwrap();
                    for chunk in [1, 7, 256, 1_000, rows + 5] {
                        if chunk == 1 && rows > 2_000 {
                            continue;
                        }
                        let got = in_chunks(
                            &batches,
                            &lenient,
                            &options,
                            &policy,
                            Chunks::Exactly(chunk),
                        )
                        .unwrap();
                        assert_eq!(got, expected, "{layout:?} {options:?} chunk {chunk}");
                        assert_eq!(got.overview, expected.overview);
                    }
                }
            }
            // Strict: the same first bad row stops both.
            let strict = ArrowOptions::default();
            let expected = Ledger::from_record_batches(&batches, &strict, &policy).unwrap_err();
            let monthly = ReportOptions::new(Granularity::Month);
            for chunk in [Chunks::Exactly(7), Chunks::Rows(CHUNK_ROWS)] {
                let got = in_chunks(&batches, &strict, &monthly, &policy, chunk).unwrap_err();
                assert_eq!(got, expected, "{layout:?}");
            }
        }
    }

    #[test]
    fn empty_tables_and_bad_ranges() {
        let policy = Policy::default();
        let options = ArrowOptions::default();
        let monthly = ReportOptions::new(Granularity::Month);
        let empty = table(10, Layout::View).slice(0, 0);
        let got = Report::from_record_batches([&empty], &options, &monthly, &policy).unwrap();
        let ledger = Ledger::from_record_batches([&empty], &options, &policy).unwrap();
        assert_eq!(got, Report::build(&ledger, &monthly, &policy).unwrap());
        assert!(got.periods.is_empty());
        let none: [&RecordBatch; 0] = [];
        assert!(matches!(
            Report::from_record_batches(none, &options, &monthly, &policy),
            Err(StatsError::MissingColumn { .. })
        ));
        let backwards = ReportOptions {
            from: Some("2025-03".parse().unwrap()),
            to: Some("2025-01".parse().unwrap()),
            ..monthly
        };
        assert!(matches!(
            Report::from_record_batches([&empty], &options, &backwards, &policy),
            Err(StatsError::InvalidRange { .. })
        ));
    }
}
