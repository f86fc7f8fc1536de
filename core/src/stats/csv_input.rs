//! CSV ledgers: the export every complaint office already has.
//!
//! The header names the columns; by default `number,received_at,channel,category,department,
//! severity,closed_at,satisfied`, in any order, names configurable ([`ColumnNames`]). `number`,
//! `received_at`, `category` and `department` are required; the others may be missing as
//! columns or as cells; extra columns are ignored.
//!
//! The case columns are optional too and read under fixed names: `track`, `outcome`,
//! `rehandled` (`true`/`false`), `follow_up_satisfied` (`true`/`false`), `complainant_key`,
//! and for each of `registration`, `plan`, `feedback` and `follow_up` the instants
//! `<stage>_due` and `<stage>_met_at` (a met instant needs its due instant). A file without
//! them reads exactly as before. Times are RFC 3339 or
//! `YYYY-MM-DD HH:MM:SS` in office time (`closed_at` empty while open); `satisfied` is `true`,
//! `false` (any case) or empty. Text is UTF-8 (a byte-order mark is skipped); cells are trimmed
//! of spaces and tabs.

use std::io::Read;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::StatsError;
use super::case_columns::{CASE_FIELDS, CaseCells, CaseField};
use super::ledger::{Builder, Field, Ledger, Leniency, Problem, Row, trim};
use super::split;
use super::timestamp;
use crate::ErrorCode;
use crate::input::{Bounded, InputError};
use crate::number::ComplaintNumber;
use crate::policy::Policy;

/// The header names of the ledger's columns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ColumnNames {
    /// The complaint number (required).
    pub number: String,
    /// When the complaint was received (required).
    pub received_at: String,
    /// The channel.
    pub channel: String,
    /// The category (required).
    pub category: String,
    /// The department (required).
    pub department: String,
    /// The severity.
    pub severity: String,
    /// When the case was closed.
    pub closed_at: String,
    /// Whether the complainant was satisfied.
    pub satisfied: String,
}

impl Default for ColumnNames {
    fn default() -> Self {
        let [
            number,
            received_at,
            category,
            department,
            channel,
            severity,
            closed_at,
            satisfied,
        ] = Field::canonical_names();
        ColumnNames {
            number,
            received_at,
            channel,
            category,
            department,
            severity,
            closed_at,
            satisfied,
        }
    }
}

impl ColumnNames {
    /// The names in the order of [`Field::ALL`].
    fn in_field_order(&self) -> [String; 8] {
        [
            self.number.clone(),
            self.received_at.clone(),
            self.category.clone(),
            self.department.clone(),
            self.channel.clone(),
            self.severity.clone(),
            self.closed_at.clone(),
            self.satisfied.clone(),
        ]
    }
}

/// How to read a CSV ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvOptions {
    /// The header names.
    pub columns: ColumnNames,
    /// The field delimiter, `,` by default.
    pub delimiter: u8,
    /// Stop at a bad row, or collect it.
    pub leniency: Leniency,
}

impl CsvOptions {
    /// Reads a delimiter given as text (the bindings' form): one ASCII character other than a
    /// quote or line break, like `,`, `;` or a tab.
    ///
    /// # Errors
    /// [`StatsError::InvalidDelimiter`] otherwise.
    pub fn delimiter_from_str(text: &str) -> Result<u8, StatsError> {
        match text.as_bytes() {
            [b] if b.is_ascii() && !matches!(b, b'"' | b'\n' | b'\r') => Ok(*b),
            _ => Err(StatsError::InvalidDelimiter),
        }
    }
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions {
            columns: ColumnNames::default(),
            delimiter: b',',
            leniency: Leniency::Strict,
        }
    }
}

const REQUIRED: [Field; 4] = [
    Field::Number,
    Field::ReceivedAt,
    Field::Category,
    Field::Department,
];

impl Ledger {
    /// Reads a CSV ledger from a file of at most
    /// [`MAX_CSV_FILE_BYTES`](crate::input::MAX_CSV_FILE_BYTES); see
    /// [`Ledger::from_csv_path_within`].
    ///
    /// # Errors
    /// As [`Ledger::from_csv_path_within`].
    pub fn from_csv_path(
        path: impl AsRef<Path>,
        options: &CsvOptions,
        policy: &Policy,
    ) -> Result<Self, StatsError> {
        Self::from_csv_path_within(path, crate::input::MAX_CSV_FILE_BYTES, options, policy)
    }

    /// Reads a CSV ledger from a file of at most `max_bytes` bytes; see
    /// [`Ledger::from_csv_reader`]. A file (or a device such as `/dev/zero`) that goes on is
    /// refused once `max_bytes` have been read, never read forever.
    ///
    /// # Errors
    /// [`StatsError::Input`] with `input.unreadable` when the file cannot be opened and
    /// `input.too_large` beyond `max_bytes`; [`StatsError::Unreadable`] when reading fails
    /// midway; otherwise as [`Ledger::from_csv_reader`].
    pub fn from_csv_path_within(
        path: impl AsRef<Path>,
        max_bytes: u64,
        options: &CsvOptions,
        policy: &Policy,
    ) -> Result<Self, StatsError> {
        let file = std::fs::File::open(path).map_err(|e| InputError::of_io(&e))?;
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        if size > max_bytes {
            return Err(StatsError::Input(InputError::TooLarge {
                what: "the input's size in bytes",
                max: max_bytes,
            }));
        }
        Self::from_csv_stream(Bounded::new(file, max_bytes), Some(size), options, policy)
    }

    /// Reads a CSV ledger. Times without an offset are in the policy's office offset.
    ///
    /// ```
    /// use complaint_office::policy::Policy;
    /// use complaint_office::stats::{CsvOptions, Ledger};
    ///
    /// let csv = "number,received_at,category,department,closed_at\n\
    ///            25010001,2025-01-02 09:00:00,product_quality,production,2025-01-03 09:00:00\n";
    /// let ledger = Ledger::from_csv_reader(csv.as_bytes(), &CsvOptions::default(), &Policy::default())?;
    /// assert_eq!(ledger.len(), 1);
    /// # Ok::<(), complaint_office::stats::StatsError>(())
    /// ```
    ///
    /// # Errors
    /// [`StatsError::InvalidDelimiter`] for a quote, line break or non-ASCII delimiter;
    /// [`StatsError::MissingColumn`] or [`StatsError::DuplicateColumn`] for the header;
    /// [`StatsError::BadRow`] in strict mode for the first bad row, with its line and column;
    /// [`StatsError::Unreadable`] when the reader fails.
    pub fn from_csv_reader<R: Read>(
        reader: R,
        options: &CsvOptions,
        policy: &Policy,
    ) -> Result<Self, StatsError> {
        Self::from_csv_stream(reader, None, options, policy)
    }

    /// `size`: the input's length in bytes, if known, to reserve room for the rows.
    fn from_csv_stream<R: Read>(
        reader: R,
        size: Option<u64>,
        options: &CsvOptions,
        policy: &Policy,
    ) -> Result<Self, StatsError> {
        let delimiter = [options.delimiter];
        let delimiter =
            std::str::from_utf8(&delimiter).map_err(|_| StatsError::InvalidDelimiter)?;
        CsvOptions::delimiter_from_str(delimiter)?;
        let names = options.columns.in_field_order();
        let office = policy.office_offset().local_minus_utc();
        let mut builder = Builder::new(options.leniency, names.clone());
        // About 90 bytes a row in a typical export; a wrong guess only costs regrowth.
        builder.reserve(size.map_or(0, |s| usize::try_from(s / 90).unwrap_or(0)));
        let mut layout: Option<(usize, [Option<usize>; 8], CaseLayout)> = None;
        split::records(reader, options.delimiter, |line, fields| {
            let Some((width, columns, case)) = layout else {
                let case = locate_case(fields)?;
                if case.iter().any(Option::is_some) {
                    builder.has_case_columns();
                }
                layout = Some((fields.len(), locate(fields, &names)?, case));
                return Ok(());
            };
            if fields.len() != width {
                let whole_row = Problem {
                    field: None,
                    code: "stats.field_count",
                };
                return builder.reject(line, whole_row);
            }
            let get = |f: Field| cell(fields, columns[f as usize]);
            let optional = |f: Field| Some(get(f)).filter(|c| !c.is_empty());
            let row = Row {
                number: read_number(get(Field::Number)),
                received: required_time(get(Field::ReceivedAt), office),
                category: get(Field::Category),
                department: get(Field::Department),
                channel: optional(Field::Channel),
                severity: optional(Field::Severity),
                closed: optional(Field::ClosedAt)
                    .map(|c| timestamp::parse(c, office).map_err(|e| e.code()))
                    .transpose(),
                satisfied: read_satisfied(get(Field::Satisfied)),
            };
            if case.iter().all(Option::is_none) {
                return builder.add(line, row);
            }
            let at =
                |f: CaseField| Some(cell(fields, case[f.position()])).filter(|c| !c.is_empty());
            let time = |f: CaseField| {
                at(f)
                    .map(|c| timestamp::parse(c, office).map_err(|e| e.code()))
                    .transpose()
            };
            let cells = CaseCells {
                track: at(CaseField::Track),
                outcome: at(CaseField::Outcome),
                rehandled: read_flag(
                    cell(fields, case[CaseField::Rehandled.position()]),
                    "stats.invalid_boolean",
                ),
                follow_up_satisfied: read_flag(
                    cell(fields, case[CaseField::FollowUpSatisfied.position()]),
                    "stats.invalid_satisfied",
                ),
                complainant_key: at(CaseField::ComplainantKey),
                due: std::array::from_fn(|i| time(CaseField::Due(i))),
                met: std::array::from_fn(|i| time(CaseField::Met(i))),
            };
            builder.add_with(line, row, &cells)
        })?;
        if layout.is_none() {
            // No header at all: the first required column is missing.
            locate(&[], &names)?;
        }
        Ok(builder.finish())
    }
}

/// The header index of each field; required fields must be there, once.
fn locate(header: &[&[u8]], names: &[String; 8]) -> Result<[Option<usize>; 8], StatsError> {
    let header: Vec<&[u8]> = header
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let h = if i == 0 {
                h.strip_prefix("\u{feff}".as_bytes()).unwrap_or(h)
            } else {
                h
            };
            trim(h)
        })
        .collect();
    let mut found = [None; 8];
    for f in Field::ALL {
        let name = names[f as usize].as_bytes();
        let mut at = header.iter().enumerate().filter(|(_, h)| **h == name);
        found[f as usize] = at.next().map(|(i, _)| i);
        if at.next().is_some() {
            return Err(StatsError::DuplicateColumn {
                column: names[f as usize].clone(),
            });
        }
    }
    if let Some(f) = REQUIRED.into_iter().find(|f| found[*f as usize].is_none()) {
        return Err(StatsError::MissingColumn {
            column: names[f as usize].clone(),
        });
    }
    Ok(found)
}

/// The header index of each case column, by [`CaseField::position`].
type CaseLayout = [Option<usize>; CASE_FIELDS];

/// Where the case columns are; each may appear once.
fn locate_case(header: &[&[u8]]) -> Result<CaseLayout, StatsError> {
    let mut found = [None; CASE_FIELDS];
    for field in CaseField::all() {
        let name = field.name().as_bytes();
        let mut at = header
            .iter()
            .enumerate()
            .filter(|(i, h)| {
                let h = if *i == 0 {
                    h.strip_prefix("\u{feff}".as_bytes()).unwrap_or(h)
                } else {
                    h
                };
                trim(h) == name
            })
            .map(|(i, _)| i);
        found[field.position()] = at.next();
        if at.next().is_some() {
            return Err(StatsError::DuplicateColumn {
                column: field.name().to_owned(),
            });
        }
    }
    Ok(found)
}

/// The trimmed cell at `index`, empty when the column is absent.
#[inline]
fn cell<'a>(fields: &[&'a [u8]], index: Option<usize>) -> &'a [u8] {
    index
        .and_then(|i| fields.get(i))
        .map_or(&[][..], |c| trim(c))
}

/// A valid `YYMMNNNN` from its 8 bytes read as a little-endian word, checked and converted
/// a word at a time; none when it is not (the text reader then names the problem).
#[inline]
pub(crate) fn number_of_digits(word: u64) -> Option<ComplaintNumber> {
    const HIGH: u64 = 0xF0F0_F0F0_F0F0_F0F0;
    const LOW: u64 = 0x0F0F_0F0F_0F0F_0F0F;
    // Each byte is `0x30 + d` with d ≤ 9: d + 6 then stays below 16 in every byte.
    let digits = word & LOW;
    if word & HIGH != 0x3030_3030_3030_3030
        || (digits + 0x0606_0606_0606_0606) & 0x1010_1010_1010_1010 != 0
    {
        return None;
    }
    let d = digits.to_le_bytes().map(u32::from);
    let year = 2000 + (d[0] * 10 + d[1]) as i32;
    let month = d[2] * 10 + d[3];
    let serial = d[4] * 1000 + d[5] * 100 + d[6] * 10 + d[7];
    ComplaintNumber::new(year, month, serial).ok()
}

/// `ComplaintNumber::parse` on bytes, without a UTF-8 pass: same checks, same codes.
#[inline]
pub(crate) fn read_number(cell: &[u8]) -> Result<ComplaintNumber, &'static str> {
    if let Ok(word) = <[u8; 8]>::try_from(cell)
        && let Some(n) = number_of_digits(u64::from_le_bytes(word))
    {
        return Ok(n);
    }
    if cell.is_empty() {
        return Err("stats.missing_value");
    }
    let digits: [u8; 8] = cell.try_into().map_err(|_| "number.invalid_format")?;
    if !digits.iter().all(u8::is_ascii_digit) {
        return Err("number.invalid_format");
    }
    let part = |r: std::ops::Range<usize>| {
        digits
            .get(r)
            .unwrap_or_default()
            .iter()
            .fold(0u32, |acc, &d| acc * 10 + u32::from(d - b'0'))
    };
    ComplaintNumber::new(2000 + part(0..2) as i32, part(2..4), part(4..8)).map_err(|e| e.code())
}

#[inline]
pub(crate) fn required_time(cell: &[u8], office: i32) -> Result<i64, &'static str> {
    if cell.is_empty() {
        return Err("stats.missing_value");
    }
    timestamp::parse(cell, office).map_err(|e| e.code())
}

#[inline]
pub(crate) fn read_satisfied(cell: &[u8]) -> Result<Option<bool>, &'static str> {
    read_flag(cell, "stats.invalid_satisfied")
}

/// `true`, `false` (any case) or empty; anything else is `code`.
#[inline]
fn read_flag(cell: &[u8], code: &'static str) -> Result<Option<bool>, &'static str> {
    if cell.is_empty() {
        Ok(None)
    } else if cell.eq_ignore_ascii_case(b"true") {
        Ok(Some(true))
    } else if cell.eq_ignore_ascii_case(b"false") {
        Ok(Some(false))
    } else {
        Err(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, leniency: Leniency) -> Result<Ledger, StatsError> {
        let options = CsvOptions {
            leniency,
            ..CsvOptions::default()
        };
        Ledger::from_csv_reader(text.as_bytes(), &options, &Policy::default())
    }

    fn rejected(ledger: &Ledger) -> Vec<(u64, Option<&str>, &str)> {
        ledger
            .rejected()
            .iter()
            .map(|r| (r.line, r.column.as_deref(), r.code))
            .collect()
    }

    #[test]
    fn reads_a_ledger_in_any_column_order() {
        let csv = "\u{feff}department , category,received_at,number,extra,satisfied\n\
                   production,product_quality,2025-01-02 09:00:00,25010001,x,TRUE\n\
                   sales,\"billing, invoices\",2025-01-02T01:00:00Z,25010002,y,\n";
        let ledger = read(csv, Leniency::Strict).unwrap();
        let records: Vec<_> = ledger.records().collect();
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].received_at, records[1].received_at);
        assert_eq!(records[1].category, "billing, invoices");
        assert_eq!(records[0].satisfied, Some(true));
        assert_eq!(records[0].channel, None);
    }

    #[test]
    fn numbers_read_as_bytes_agree_with_the_number_parser() {
        let mut cells: Vec<Vec<u8>> = [
            "25010001",
            "00010001",
            "99129999",
            "25000001",
            "25130001",
            "25010000",
            "2501000a",
            "2501 001",
            "2501/001",
            "2501:001",
            "\u{0}5010001",
            "",
            "2501001",
            "250100011",
        ]
        .iter()
        .map(|c| c.as_bytes().to_vec())
        .collect();
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            // Mostly digits, sometimes a neighbour of one.
            cells.push(
                state
                    .to_le_bytes()
                    .map(|b| match b % 16 {
                        0 => b'0' - 1 + b % 2 * 11,
                        1 => b,
                        _ => b'0' + b % 10,
                    })
                    .to_vec(),
            );
        }
        for cell in cells {
            let expected = match std::str::from_utf8(&cell) {
                Ok("") => Err("stats.missing_value"),
                Ok(text) => text.parse::<ComplaintNumber>().map_err(|e| e.code()),
                Err(_) => Err("number.invalid_format"),
            };
            assert_eq!(read_number(&cell), expected, "{cell:?}");
            if let Ok(word) = <[u8; 8]>::try_from(cell.as_slice()) {
                assert_eq!(number_of_digits(u64::from_le_bytes(word)), expected.ok());
            }
        }
    }

    #[test]
    fn header_problems() {
        let e = read("number,received_at,category\n", Leniency::Lenient).unwrap_err();
        assert_eq!(
            e,
            StatsError::MissingColumn {
                column: "department".into()
            }
        );
        let e = read(
            "number,received_at,category,department,category\n",
            Leniency::Lenient,
        )
        .unwrap_err();
        assert_eq!(e.code(), "stats.duplicate_column");
        let e = read("", Leniency::Strict).unwrap_err();
        assert_eq!(e.code(), "stats.missing_column");
    }

    #[test]
    fn bad_rows_name_line_and_column() {
        let csv = "number,received_at,category,department,closed_at,satisfied\n\
                   25010001,2025-01-02 09:00:00,a,d,,\n\
                   25130001,2025-01-02 09:00:00,a,d,,\n\
                   25010002,2025-01-02 9:00:00,a,d,,\n\
                   25010003,2025-01-02 09:00:00,,d,,\n\
                   25010004,2025-01-02 09:00:00,a,d,,maybe\n\
                   25010005,2025-01-02 09:00:00,a,d\n\
                   25010006,2025-01-02 09:00:00,a,d,2025-01-01 09:00:00,\n\
                   25010001,2025-01-02 09:00:00,a,d,,\n\
                   \"25010007\",\"2025-01-02 09:00:00\",\"a\nb\",d,,\n\
                   25010008,,a,d,,\n\
                   25010009,2025-01-02 09:00:00,a,d,2025-01-03 09:00:00+08:00,false\n";
        let ledger = read(csv, Leniency::Lenient).unwrap();
        assert_eq!(
            rejected(&ledger),
            [
                (3, Some("number"), "number.invalid_month"),
                (4, Some("received_at"), "time.invalid_instant"),
                (5, Some("category"), "stats.missing_value"),
                (6, Some("satisfied"), "stats.invalid_satisfied"),
                (7, None, "stats.field_count"),
                (8, Some("closed_at"), "stats.closed_before_received"),
                (9, Some("number"), "stats.duplicate_number"),
                (12, Some("received_at"), "stats.missing_value"),
            ]
        );
        assert_eq!(ledger.len(), 3);
        let e = read(csv, Leniency::Strict).unwrap_err();
        assert_eq!(
            e,
            StatsError::BadRow {
                line: 3,
                column: Some("number".into()),
                problem: "number.invalid_month"
            }
        );
    }

    #[test]
    fn configured_names_and_delimiter() {
        let options = CsvOptions {
            columns: ColumnNames {
                number: "編號".into(),
                received_at: "受理時間".into(),
                category: "類別".into(),
                department: "部門".into(),
                ..ColumnNames::default()
            },
            delimiter: b';',
            leniency: Leniency::Lenient,
        };
        let csv = "編號;受理時間;類別;部門\n25010001;2025-01-02 09:00:00;產品質量;生產部\n25010002;x;產品質量;生產部\n";
        let ledger = Ledger::from_csv_reader(csv.as_bytes(), &options, &Policy::default()).unwrap();
        assert_eq!(ledger.len(), 1);
        assert_eq!(
            rejected(&ledger),
            [(3, Some("受理時間"), "time.invalid_instant")]
        );
    }

    #[test]
    fn invalid_utf8_is_a_bad_cell_not_a_panic() {
        let mut csv =
            b"number,received_at,category,department\n25010001,2025-01-02 09:00:00,".to_vec();
        csv.extend_from_slice(&[0xff, 0xfe]);
        csv.extend_from_slice(b",d\n");
        let options = CsvOptions {
            leniency: Leniency::Lenient,
            ..CsvOptions::default()
        };
        let ledger = Ledger::from_csv_reader(csv.as_slice(), &options, &Policy::default()).unwrap();
        assert_eq!(
            rejected(&ledger),
            [(2, Some("category"), "stats.invalid_text")]
        );
    }
}
