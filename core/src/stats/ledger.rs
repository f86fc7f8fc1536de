//! The ledger: validated rows stored by column, names interned, ready to be counted.
//!
//! Rows come in three ways, all through the same checks: Rust [`Record`]s
//! ([`Ledger::from_records`]), a CSV file or reader ([`Ledger::from_csv_reader`],
//! [`Ledger::from_csv_path`]) and columnar arrays for the bindings ([`Ledger::from_columns`]).
//!
//! A row is checked column by column in the order `number`, `received_at`, `category`,
//! `department`, `channel`, `severity`, `closed_at`, `satisfied`, then as a whole (closed before
//! received, a number seen before). The first problem found decides the row's code. In
//! [`Leniency::Strict`] mode it stops the read with [`StatsError::BadRow`]; in
//! [`Leniency::Lenient`] mode the row is left out and listed in [`Ledger::rejected`].

use std::borrow::Borrow;
use std::collections::HashSet;

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use super::StatsError;
use super::case_columns::{CaseCells, CaseColumns, CaseValues, NO_TIME, TimeLimit};
use super::intern::Interner;
use super::record::Record;
use super::timestamp::{self, Epoch};
use crate::number::ComplaintNumber;

/// What to do with a row that cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Leniency {
    /// Stop at the first bad row with [`StatsError::BadRow`].
    #[default]
    Strict,
    /// Leave bad rows out and list them in [`Ledger::rejected`] (and the report).
    Lenient,
}

/// A row left out in lenient mode: where it is and why, never what it says.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Rejected {
    /// The line of the CSV file the row starts on (the header is line 1), or the 1-based
    /// position of the record or array element.
    pub line: u64,
    /// The column at fault, as named in the input; none when the row as a whole is wrong
    /// (`stats.field_count`).
    pub column: Option<String>,
    /// Why: `stats.missing_value`, `stats.invalid_text`, `stats.invalid_satisfied`,
    /// `stats.field_count`, `stats.closed_before_received`, `stats.duplicate_number`, or the code
    /// of the cell's own parser (`number.invalid_format`, `time.invalid_instant`,
    /// `time.out_of_range`, …).
    pub code: &'static str,
}

/// Sentinel of an open case in the `closed` column: never before any period's end.
pub(crate) const OPEN: Epoch = Epoch::MAX;
/// Sentinel of a missing channel or severity.
pub(crate) const NONE: u32 = u32::MAX;

/// A complaint ledger, validated and stored by column.
///
/// Build one with [`Ledger::from_records`], [`Ledger::from_csv_reader`],
/// [`Ledger::from_csv_path`] or [`Ledger::from_columns`]; report on it with
/// [`Report::build`](super::Report::build).
#[derive(Clone, Default)]
pub struct Ledger {
    pub(crate) numbers: Vec<ComplaintNumber>,
    pub(crate) received: Vec<Epoch>,
    pub(crate) closed: Vec<Epoch>,
    /// 0 unanswered, 1 not satisfied, 2 satisfied.
    pub(crate) satisfied: Vec<u8>,
    pub(crate) category: Vec<u32>,
    pub(crate) department: Vec<u32>,
    pub(crate) channel: Vec<u32>,
    pub(crate) severity: Vec<u32>,
    pub(crate) categories: Interner,
    pub(crate) departments: Interner,
    pub(crate) channels: Interner,
    pub(crate) severities: Interner,
    pub(crate) rejected: Vec<Rejected>,
    /// Track, outcome, re-handling, follow-up satisfaction, complainant keys, time limits.
    pub(crate) cases: CaseColumns,
    /// The instant the time limits are judged at (see [`Ledger::set_as_of`]).
    pub(crate) as_of: Option<Epoch>,
}

impl std::fmt::Debug for Ledger {
    /// Sizes only: a million rows are not for a log line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ledger")
            .field("rows", &self.len())
            .field("rejected", &self.rejected.len())
            .field("categories", &self.categories.len())
            .field("departments", &self.departments.len())
            .finish_non_exhaustive()
    }
}

impl Ledger {
    /// A ledger of Rust records (owned or borrowed); a record's line is its 1-based position.
    ///
    /// ```
    /// use complaint_office::stats::{Leniency, Ledger, Record};
    /// use complaint_office::time::parse_instant;
    ///
    /// let record = Record::new(
    ///     "25010001".parse()?,
    ///     parse_instant("2025-01-02T09:00:00+08:00")?,
    ///     "product_quality",
    ///     "production",
    /// );
    /// let ledger = Ledger::from_records([record], Leniency::Strict)?;
    /// assert_eq!(ledger.len(), 1);
    /// # Ok::<(), complaint_office::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`StatsError::BadRow`] in strict mode for an empty category or department, an instant
    /// outside 1900–2999 (`time.out_of_range`), a case closed before it was received, or a
    /// number seen before.
    pub fn from_records<R: Borrow<Record>>(
        records: impl IntoIterator<Item = R>,
        leniency: Leniency,
    ) -> Result<Self, StatsError> {
        let records = records.into_iter();
        let mut builder = LedgerBuilder::new(leniency);
        builder.0.reserve(records.size_hint().0);
        for (line, r) in (1u64..).zip(records) {
            builder.push(line, r.borrow())?;
        }
        Ok(builder.finish())
    }

    /// The number of rows kept.
    pub fn len(&self) -> usize {
        self.numbers.len()
    }

    /// Whether no row was kept.
    pub fn is_empty(&self) -> bool {
        self.numbers.is_empty()
    }

    /// The rows left out in lenient mode, in input order.
    pub fn rejected(&self) -> &[Rejected] {
        &self.rejected
    }

    /// Judges the time limits as of `at` (a stage due before it and not met by it is
    /// overdue). A ledger built from cases is judged as of the instant it was built for;
    /// otherwise the report takes the latest instant the ledger holds (a receipt, a closing or
    /// a stage met).
    pub fn set_as_of(&mut self, at: crate::time::Instant) {
        self.as_of = Some(at.timestamp());
    }

    /// Whether the ledger has any case column (track, outcome, re-handling, follow-up
    /// satisfaction, complainant keys, time limits): the report gives its office indicators
    /// then.
    pub fn has_case_columns(&self) -> bool {
        self.cases.present
    }

    /// The rows kept, as records (instants in UTC, names trimmed), in input order.
    pub fn records(&self) -> impl Iterator<Item = Record> + '_ {
        let utc = FixedOffset::east_opt(0);
        let at = move |secs: Epoch| {
            DateTime::from_timestamp(secs, 0).and_then(|d| utc.map(|o| d.with_timezone(&o)))
        };
        let name = |table: &Interner, i: u32| (i != NONE).then(|| table.name(i).to_owned());
        let rows = self
            .numbers
            .iter()
            .zip(self.received.iter().zip(&self.closed))
            .zip(self.category.iter().zip(&self.department))
            .zip(self.channel.iter().zip(&self.severity))
            .zip(&self.satisfied);
        let flag = |v: u8| match v {
            1 => Some(false),
            2 => Some(true),
            _ => None,
        };
        let cases = &self.cases;
        rows.enumerate().filter_map(move |(i, row)| {
            let ((((&number, (&received, &closed)), (&c, &d)), (&ch, &sev)), &satisfied) = row;
            let limit = |s: usize| {
                let (due, met) = cases.limit(s, i);
                if due == NO_TIME {
                    return None;
                }
                Some(TimeLimit {
                    due: at(due)?,
                    met_at: if met == NO_TIME { None } else { at(met) },
                })
            };
            Some(Record {
                number,
                received_at: at(received)?,
                channel: name(&self.channels, ch),
                category: self.categories.name(c).to_owned(),
                department: self.departments.name(d).to_owned(),
                severity: name(&self.severities, sev),
                closed_at: match closed {
                    OPEN => None,
                    secs => Some(at(secs)?),
                },
                satisfied: flag(satisfied),
                track: name(&cases.tracks, cases.track(i)),
                outcome: name(&cases.outcomes, cases.outcome(i)),
                rehandled: flag(cases.rehandled(i)),
                follow_up_satisfied: flag(cases.follow_up(i)),
                complainant_key: name(&cases.complainants, cases.complainant(i)),
                registration: limit(0),
                plan: limit(1),
                feedback: limit(2),
                follow_up: limit(3),
            })
        })
    }
}

/// Builds a ledger one record at a time, with the checks of [`Ledger::from_records`]: for
/// hosts that stream their rows, or fill one record again and again instead of allocating one
/// per row.
///
/// ```
/// use complaint_office::stats::{LedgerBuilder, Leniency, Record};
/// use complaint_office::time::parse_instant;
///
/// let mut builder = LedgerBuilder::new(Leniency::Lenient);
/// let mut record = Record::new(
///     "25010001".parse()?,
///     parse_instant("2025-01-02T09:00:00+08:00")?,
///     "product_quality",
///     "production",
/// );
/// builder.push(1, &record)?;
/// record.number = "25010002".parse()?;
/// record.category.clear(); // a bad row: left out in lenient mode, listed with its line
/// builder.push(7, &record)?;
/// let ledger = builder.finish();
/// assert_eq!(ledger.len(), 1);
/// assert_eq!(ledger.rejected()[0].line, 7);
/// # Ok::<(), complaint_office::Error>(())
/// ```
#[derive(Debug)]
pub struct LedgerBuilder(Builder);

impl LedgerBuilder {
    /// An empty ledger that keeps or stops at bad rows as `leniency` says.
    pub fn new(leniency: Leniency) -> Self {
        LedgerBuilder(Builder::new(leniency, Field::canonical_names()))
    }

    /// Checks a record and adds it as the row at `line` (the number a rejected row is listed
    /// with: a position, a line of the host's file).
    ///
    /// # Errors
    /// As [`Ledger::from_records`], in strict mode.
    pub fn push(&mut self, line: u64, r: &Record) -> Result<(), StatsError> {
        let row = Row {
            number: Ok(r.number),
            received: instant_epoch(r.received_at),
            category: r.category.as_bytes(),
            department: r.department.as_bytes(),
            channel: r.channel.as_deref().map(str::as_bytes),
            severity: r.severity.as_deref().map(str::as_bytes),
            closed: r.closed_at.map(instant_epoch).transpose(),
            satisfied: Ok(r.satisfied),
        };
        let limits = r.time_limits();
        let due = |i: usize| limits[i].map(|l| instant_epoch(l.due)).transpose();
        let met = |i: usize| {
            limits[i]
                .and_then(|l| l.met_at)
                .map(instant_epoch)
                .transpose()
        };
        let cells = CaseCells {
            track: r.track.as_deref().map(str::as_bytes),
            outcome: r.outcome.as_deref().map(str::as_bytes),
            rehandled: Ok(r.rehandled),
            follow_up_satisfied: Ok(r.follow_up_satisfied),
            complainant_key: r.complainant_key.as_deref().map(str::as_bytes),
            due: [due(0), due(1), due(2), due(3)],
            met: [met(0), met(1), met(2), met(3)],
        };
        self.0.add_with(line, row, &cells)
    }

    /// Notes a row left out before it reached the builder (a case without a number, say), at
    /// `line`, in `column`, for `code`.
    ///
    /// # Errors
    /// [`StatsError::BadRow`] in strict mode.
    pub fn reject(
        &mut self,
        line: u64,
        column: Option<&str>,
        code: &'static str,
    ) -> Result<(), StatsError> {
        self.0.reject_at(line, column.map(str::to_owned), code)
    }

    /// The ledger.
    pub fn finish(self) -> Ledger {
        self.0.finish()
    }
}

/// An instant's epoch seconds, if its written date lies in the supported years.
fn instant_epoch(at: crate::time::Instant) -> Result<Epoch, &'static str> {
    let epoch = at.timestamp();
    if timestamp::in_range(epoch, at.offset().local_minus_utc()) {
        Ok(epoch)
    } else {
        Err("time.out_of_range")
    }
}

/// The ledger's columns, in the order rows are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Number,
    ReceivedAt,
    Category,
    Department,
    Channel,
    Severity,
    ClosedAt,
    Satisfied,
}

impl Field {
    pub(crate) const ALL: [Field; 8] = [
        Field::Number,
        Field::ReceivedAt,
        Field::Category,
        Field::Department,
        Field::Channel,
        Field::Severity,
        Field::ClosedAt,
        Field::Satisfied,
    ];

    /// The canonical column name (the default CSV header, the record field).
    pub(crate) fn name(self) -> &'static str {
        match self {
            Field::Number => "number",
            Field::ReceivedAt => "received_at",
            Field::Category => "category",
            Field::Department => "department",
            Field::Channel => "channel",
            Field::Severity => "severity",
            Field::ClosedAt => "closed_at",
            Field::Satisfied => "satisfied",
        }
    }

    pub(crate) fn canonical_names() -> [String; 8] {
        Field::ALL.map(|f| f.name().to_owned())
    }
}

/// A problem with one row: the column at fault (none for the whole row) and its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Problem {
    pub(crate) field: Option<Field>,
    pub(crate) code: &'static str,
}

impl Problem {
    pub(crate) fn at(field: Field, code: &'static str) -> Self {
        Problem {
            field: Some(field),
            code,
        }
    }
}

/// A row whose cells have been read, each to a value or the code of its problem; names are
/// still raw bytes (trimmed and checked here).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row<'a> {
    pub(crate) number: Result<ComplaintNumber, &'static str>,
    pub(crate) received: Result<Epoch, &'static str>,
    pub(crate) category: &'a [u8],
    pub(crate) department: &'a [u8],
    pub(crate) channel: Option<&'a [u8]>,
    pub(crate) severity: Option<&'a [u8]>,
    pub(crate) closed: Result<Option<Epoch>, &'static str>,
    pub(crate) satisfied: Result<Option<bool>, &'static str>,
}

/// Trims ASCII spaces and tabs (spreadsheet exports pad cells).
#[inline]
pub(crate) fn trim(cell: &[u8]) -> &[u8] {
    let start = cell
        .iter()
        .position(|c| !matches!(c, b' ' | b'\t'))
        .unwrap_or(cell.len());
    let end = cell
        .iter()
        .rposition(|c| !matches!(c, b' ' | b'\t'))
        .map_or(start, |e| e + 1);
    cell.get(start..end).unwrap_or_default()
}

/// Builds a ledger row by row with the checks every input shares.
#[derive(Debug)]
pub(crate) struct Builder {
    ledger: Ledger,
    seen: SeenNumbers,
    leniency: Leniency,
    names: [String; 8],
}

impl Builder {
    pub(crate) fn new(leniency: Leniency, names: [String; 8]) -> Self {
        Builder {
            ledger: Ledger::default(),
            seen: SeenNumbers::default(),
            leniency,
            names,
        }
    }

    pub(crate) fn reserve(&mut self, rows: usize) {
        let l = &mut self.ledger;
        l.numbers.reserve(rows);
        l.received.reserve(rows);
        l.closed.reserve(rows);
        l.satisfied.reserve(rows);
        l.category.reserve(rows);
        l.department.reserve(rows);
        l.channel.reserve(rows);
        l.severity.reserve(rows);
    }

    /// Records a problem: an error in strict mode, a rejected row in lenient mode.
    pub(crate) fn reject(&mut self, line: u64, problem: Problem) -> Result<(), StatsError> {
        let column = problem
            .field
            .and_then(|f| self.names.get(f as usize).cloned());
        self.reject_at(line, column, problem.code)
    }

    /// Notes that the input has case columns (a CSV header naming one, say), so that the
    /// report gives its indicators even when every cell is empty.
    pub(crate) fn has_case_columns(&mut self) {
        self.ledger.cases.present = true;
    }

    fn reject_at(
        &mut self,
        line: u64,
        column: Option<String>,
        code: &'static str,
    ) -> Result<(), StatsError> {
        match self.leniency {
            Leniency::Strict => Err(StatsError::BadRow {
                line,
                column,
                problem: code,
            }),
            Leniency::Lenient => {
                self.ledger.rejected.push(Rejected { line, column, code });
                Ok(())
            }
        }
    }

    /// Checks and stores a row, or rejects it.
    pub(crate) fn add(&mut self, line: u64, row: Row<'_>) -> Result<(), StatsError> {
        self.add_row(line, row, None)
    }

    /// Checks and stores a row with its case cells, or rejects it.
    pub(crate) fn add_with(
        &mut self,
        line: u64,
        row: Row<'_>,
        cells: &CaseCells<'_>,
    ) -> Result<(), StatsError> {
        self.add_row(line, row, Some(cells))
    }

    /// Checks and stores a row, with its case cells if the input has any.
    fn add_row(
        &mut self,
        line: u64,
        row: Row<'_>,
        cells: Option<&CaseCells<'_>>,
    ) -> Result<(), StatsError> {
        match self.check_and_store(row, cells) {
            Ok(()) => Ok(()),
            Err(Rejection::Classic(problem)) => self.reject(line, problem),
            Err(Rejection::Case(field, code)) => {
                self.reject_at(line, Some(field.name().to_owned()), code)
            }
        }
    }

    fn check_and_store(
        &mut self,
        row: Row<'_>,
        cells: Option<&CaseCells<'_>>,
    ) -> Result<(), Rejection> {
        let l = &mut self.ledger;
        let number = row.number.map_err(|c| Problem::at(Field::Number, c))?;
        let received = row
            .received
            .map_err(|c| Problem::at(Field::ReceivedAt, c))?;
        let name = |table: &mut Interner, cell: &[u8], field: Field| {
            let cell = trim(cell);
            if cell.is_empty() {
                return Err(Problem::at(field, "stats.missing_value"));
            }
            table
                .intern(cell)
                .ok_or(Problem::at(field, "stats.invalid_text"))
        };
        let optional =
            |table: &mut Interner, cell: Option<&[u8]>, field: Field| match cell.map(trim) {
                None | Some([]) => Ok(NONE),
                Some(cell) => table
                    .intern(cell)
                    .ok_or(Problem::at(field, "stats.invalid_text")),
            };
        let category = name(&mut l.categories, row.category, Field::Category)?;
        let department = name(&mut l.departments, row.department, Field::Department)?;
        let channel = optional(&mut l.channels, row.channel, Field::Channel)?;
        let severity = optional(&mut l.severities, row.severity, Field::Severity)?;
        let closed = row.closed.map_err(|c| Problem::at(Field::ClosedAt, c))?;
        let satisfied = row
            .satisfied
            .map_err(|c| Problem::at(Field::Satisfied, c))?;
        // An input without case columns (most CSV files) skips their checks.
        let case = match cells {
            Some(cells) => {
                if cells.any() {
                    l.cases.present = true;
                }
                l.cases
                    .check(cells)
                    .map_err(|(field, code)| Rejection::Case(field, code))?
            }
            None => CaseValues::EMPTY,
        };
        if closed.is_some_and(|c| c < received) {
            return Err(Problem::at(Field::ClosedAt, "stats.closed_before_received").into());
        }
        if !self.seen.insert(number) {
            return Err(Problem::at(Field::Number, "stats.duplicate_number").into());
        }
        if cells.is_some() || !l.cases.unused() {
            l.cases.store(l.numbers.len(), &case);
        }
        l.numbers.push(number);
        l.received.push(received);
        l.closed.push(closed.unwrap_or(OPEN));
        l.satisfied.push(match satisfied {
            None => 0,
            Some(false) => 1,
            Some(true) => 2,
        });
        l.category.push(category);
        l.department.push(department);
        l.channel.push(channel);
        l.severity.push(severity);
        Ok(())
    }

    /// The ledger being built and the numbers seen so far, for columnar inputs that fill the
    /// columns themselves and then check each row with [`Builder::reject`].
    #[cfg(feature = "arrow")]
    pub(crate) fn parts(&mut self) -> (&mut Ledger, &mut SeenNumbers) {
        (&mut self.ledger, &mut self.seen)
    }

    /// Empties the ledger's rows, keeping their room, the names interned, the rows rejected
    /// and the numbers seen: the next chunk of a table is read into the same ledger.
    #[cfg(feature = "arrow")]
    pub(crate) fn clear_rows(&mut self) {
        let l = &mut self.ledger;
        l.numbers.clear();
        l.received.clear();
        l.closed.clear();
        l.satisfied.clear();
        l.category.clear();
        l.department.clear();
        l.channel.clear();
        l.severity.clear();
    }

    pub(crate) fn finish(self) -> Ledger {
        self.ledger
    }
}

/// Why a row was left out: a classic column's problem, or a case column's.
#[derive(Debug, Clone, Copy)]
enum Rejection {
    Classic(Problem),
    Case(super::case_columns::CaseField, &'static str),
}

impl From<Problem> for Rejection {
    fn from(p: Problem) -> Self {
        Rejection::Classic(p)
    }
}

/// The numbers seen so far: a hash set for small ledgers, one bit per possible number
/// (2000–2099 × 12 months × 9,999 serials, 1.5 MB) past that.
#[derive(Debug, Default)]
pub(crate) enum SeenNumbers {
    #[default]
    Empty,
    Few(HashSet<u32>),
    Bits(Vec<u64>),
}

const FEW: usize = 4096;
const ALL_NUMBERS: usize = 100 * 12 * 10_000;

impl SeenNumbers {
    /// Adds a number; false if it was there.
    #[inline]
    pub(crate) fn insert(&mut self, n: ComplaintNumber) -> bool {
        let key = ((n.year() as u32 - 2000) * 12 + n.month() - 1) * 10_000 + n.serial();
        // A large ledger's path, inlined where every row passes: one bit set.
        if let SeenNumbers::Bits(bits) = self {
            return set_bit(bits, key);
        }
        self.insert_key(key)
    }

    #[inline(never)]
    fn insert_key(&mut self, key: u32) -> bool {
        match self {
            SeenNumbers::Empty => {
                *self = SeenNumbers::Few(HashSet::from([key]));
                true
            }
            SeenNumbers::Few(set) => {
                let new = set.insert(key);
                if set.len() > FEW {
                    let mut bits = vec![0u64; ALL_NUMBERS.div_ceil(64)];
                    for &k in set.iter() {
                        set_bit(&mut bits, k);
                    }
                    *self = SeenNumbers::Bits(bits);
                }
                new
            }
            SeenNumbers::Bits(bits) => set_bit(bits, key),
        }
    }
}

/// Sets a bit; false if it was set.
#[inline]
fn set_bit(bits: &mut [u64], key: u32) -> bool {
    let (word, bit) = ((key / 64) as usize, key % 64);
    match bits.get_mut(word) {
        Some(w) => {
            let was = *w & (1 << bit) != 0;
            *w |= 1 << bit;
            !was
        }
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;
    use crate::time::parse_instant;

    fn record(number: &str, received: &str, category: &str) -> Record {
        Record::new(
            number.parse().unwrap(),
            parse_instant(received).unwrap(),
            category,
            "production",
        )
    }

    #[test]
    fn rows_are_checked_in_order() {
        let mut closed_early = record("25010002", "2025-01-05T10:00:00+08:00", "a");
        closed_early.closed_at = Some(parse_instant("2025-01-05T09:00:00+08:00").unwrap());
        let records = vec![
            record("25010001", "2025-01-02T09:00:00+08:00", "product_quality"),
            closed_early,
            record("25010001", "2025-01-03T09:00:00+08:00", "b"),
            record("25010003", "2025-01-03T09:00:00+08:00", "  "),
            Record::new(
                "25010004".parse().unwrap(),
                chrono::DateTime::parse_from_rfc3339("1899-12-31T09:00:00+08:00").unwrap(),
                "c",
                "production",
            ),
        ];
        let ledger = Ledger::from_records(records.clone(), Leniency::Lenient).unwrap();
        assert_eq!(ledger.len(), 1);
        let got: Vec<_> = ledger
            .rejected()
            .iter()
            .map(|r| (r.line, r.column.as_deref(), r.code))
            .collect();
        assert_eq!(
            got,
            [
                (2, Some("closed_at"), "stats.closed_before_received"),
                (3, Some("number"), "stats.duplicate_number"),
                (4, Some("category"), "stats.missing_value"),
                (5, Some("received_at"), "time.out_of_range"),
            ]
        );
        let e = Ledger::from_records(records, Leniency::Strict).unwrap_err();
        assert_eq!(e.code(), "stats.bad_row");
        assert_eq!(e.problem(), Some("stats.closed_before_received"));
        assert_eq!(
            e.to_string(),
            "bad ledger row at line 2, column `closed_at`: stats.closed_before_received"
        );
    }

    #[test]
    fn records_come_back_trimmed() {
        let mut r = record("25010001", "2025-01-02T09:00:00+08:00", " product_quality ");
        r.channel = Some("".into());
        r.severity = Some("major".into());
        r.satisfied = Some(true);
        let ledger = Ledger::from_records([r], Leniency::Strict).unwrap();
        let back: Vec<Record> = ledger.records().collect();
        assert_eq!(back[0].category, "product_quality");
        assert_eq!(back[0].channel, None);
        assert_eq!(back[0].severity.as_deref(), Some("major"));
        assert_eq!(back[0].satisfied, Some(true));
        assert_eq!(
            back[0].received_at.to_rfc3339(),
            "2025-01-02T01:00:00+00:00"
        );
    }

    #[test]
    fn duplicates_are_found_past_the_small_set() {
        let mut seen = SeenNumbers::default();
        let n = |s: u32| ComplaintNumber::new(2025, 1 + s / 9999 % 12, 1 + s % 9999).unwrap();
        for s in 0..10_000 {
            assert!(seen.insert(n(s)));
        }
        assert!(matches!(seen, SeenNumbers::Bits(_)));
        assert!(!seen.insert(n(17)));
        assert!(!seen.insert(n(9_998)));
    }

    #[test]
    fn trims_spaces_and_tabs() {
        assert_eq!(trim(b"  a b\t"), b"a b");
        assert_eq!(trim(b" \t "), b"");
        assert_eq!(trim(b""), b"");
    }
}
