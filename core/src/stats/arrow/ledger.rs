//! Ledgers from Arrow record batches: the columns of a dataframe or a query result, read in
//! place, through the same checks as every other input.
//!
//! Accepted column types (the name of each column as in [`ColumnNames`]):
//!
//! | column | types |
//! |---|---|
//! | `number` | text `YYMMNNNN`, or an integer (`25010001`; `1010001` is `01010001`) |
//! | `received_at`, `closed_at` | a timestamp of any unit: with a time zone it is an instant; without one it is office time (the ledger convention), like a CSV time without an offset; or text as in a CSV file |
//! | `category`, `department`, `channel`, `severity` | text, or a dictionary of text (pandas and polars categoricals) |
//! | `satisfied` | boolean, or text `true` / `false` |
//!
//! Text is `Utf8`, `LargeUtf8` or `Utf8View`; integers any width, signed or not. Cells are
//! trimmed like CSV cells; a null is an empty cell (a missing value where one is required, an
//! open case in `closed_at`). Sub-second parts of timestamps are dropped, as in CSV.
//! Dictionaries are interned once per batch, not once per row.

use std::borrow::Borrow;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Int8Type, Int16Type, Int32Type, Int64Type, TimestampMicrosecondType, TimestampMillisecondType,
    TimestampNanosecondType, TimestampSecondType, UInt8Type, UInt16Type, UInt32Type, UInt64Type,
};
use arrow_array::{Array, BooleanArray, RecordBatch};
use arrow_buffer::NullBuffer;
use arrow_schema::{DataType, TimeUnit};

use super::memo::{Memo, ViewMemo, key_of};
use crate::number::ComplaintNumber;
use crate::policy::Policy;
use crate::stats::csv_input::{number_of_digits, read_number, read_satisfied, required_time};
use crate::stats::intern::Interner;
use crate::stats::ledger::{Builder, Field, NONE, OPEN, Problem, trim};
use crate::stats::timestamp::{self, Epoch};
use crate::stats::{ColumnNames, Ledger, Leniency, StatsError};

/// How to read an Arrow ledger: the column names and what to do with a bad row.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ArrowOptions {
    /// The column names (`number`, `received_at`, … by default).
    pub columns: ColumnNames,
    /// Stop at a bad row, or collect it.
    pub leniency: Leniency,
}

impl Ledger {
    /// A ledger from Arrow record batches (one table in one or more batches, the same schema
    /// in each); a row's line is its 1-based position over all batches. Times without a time
    /// zone are in the policy's office offset.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use arrow_array::{ArrayRef, RecordBatch, StringArray, TimestampSecondArray};
    /// use complaint_office::policy::Policy;
    /// use complaint_office::stats::arrow::ArrowOptions;
    /// use complaint_office::stats::{Granularity, Ledger};
    ///
    /// let columns: Vec<(&str, ArrayRef)> = vec![
    ///     ("number", Arc::new(StringArray::from(vec!["25010001", "25020001"]))),
    ///     // 2025-01-02 09:00 and 2025-02-03 10:00 in Beijing
    ///     ("received_at", Arc::new(TimestampSecondArray::from(vec![1_735_779_600, 1_738_548_000]).with_timezone("+08:00"))),
    ///     ("category", Arc::new(StringArray::from(vec!["product_quality", "service_attitude"]))),
    ///     ("department", Arc::new(StringArray::from(vec!["production", "sales"]))),
    /// ];
    /// let batch = RecordBatch::try_from_iter(columns).unwrap();
    /// let policy = Policy::default();
    /// let ledger = Ledger::from_record_batches([&batch], &ArrowOptions::default(), &policy)?;
    /// let report = ledger.report(Granularity::Month, &policy)?;
    /// assert_eq!(report.periods[1].by_category["service_attitude"], 1);
    /// # Ok::<(), complaint_office::stats::StatsError>(())
    /// ```
    ///
    /// # Errors
    /// [`StatsError::MissingColumn`] or [`StatsError::DuplicateColumn`] for the schema;
    /// [`StatsError::UnsupportedColumn`] for a column of a type it cannot hold (a number in a
    /// float column); [`StatsError::BadRow`] in strict mode for the first bad row, with its
    /// position and column, the codes being those of the CSV reader.
    pub fn from_record_batches<B: Borrow<RecordBatch>>(
        batches: impl IntoIterator<Item = B>,
        options: &ArrowOptions,
        policy: &Policy,
    ) -> Result<Self, StatsError> {
        let names = in_field_order(&options.columns);
        let office = policy.office_offset().local_minus_utc();
        let mut builder = Builder::new(options.leniency, names.clone());
        let mut line = 0u64;
        let mut schema_checked = false;
        for batch in batches {
            let batch = batch.borrow();
            let columns = locate(batch, &names)?;
            schema_checked = true;
            builder.reserve(batch.num_rows());
            read_batch(&mut builder, batch, &columns, &names, office, &mut line)?;
        }
        if !schema_checked {
            // No batch at all: nothing says which columns there are.
            return Err(StatsError::MissingColumn {
                column: names[Field::Number as usize].clone(),
            });
        }
        Ok(builder.finish())
    }
}

pub(super) fn in_field_order(c: &ColumnNames) -> [String; 8] {
    [
        c.number.clone(),
        c.received_at.clone(),
        c.category.clone(),
        c.department.clone(),
        c.channel.clone(),
        c.severity.clone(),
        c.closed_at.clone(),
        c.satisfied.clone(),
    ]
}

const REQUIRED: [Field; 4] = [
    Field::Number,
    Field::ReceivedAt,
    Field::Category,
    Field::Department,
];

/// The batch column of each field; required fields must be there, once.
pub(super) fn locate(
    batch: &RecordBatch,
    names: &[String; 8],
) -> Result<[Option<usize>; 8], StatsError> {
    let schema = batch.schema_ref();
    let mut found = [None; 8];
    for f in Field::ALL {
        let name = &names[f as usize];
        let mut at = schema
            .fields()
            .iter()
            .enumerate()
            .filter(|(_, field)| field.name() == name);
        found[f as usize] = at.next().map(|(i, _)| i);
        if at.next().is_some() {
            return Err(StatsError::DuplicateColumn {
                column: name.clone(),
            });
        }
        if found[f as usize].is_none() && REQUIRED.contains(&f) {
            return Err(StatsError::MissingColumn {
                column: name.clone(),
            });
        }
    }
    Ok(found)
}

fn unsupported(name: &str, found: &DataType, expected: &'static str) -> StatsError {
    StatsError::UnsupportedColumn {
        column: name.to_owned(),
        found: found.to_string(),
        expected,
    }
}

/// A text column of any of Arrow's three layouts.
#[derive(Clone, Copy)]
enum Text<'a> {
    Utf8(&'a arrow_array::StringArray),
    Large(&'a arrow_array::LargeStringArray),
    View(&'a arrow_array::StringViewArray),
}

impl<'a> Text<'a> {
    fn of(array: &'a dyn Array) -> Option<Self> {
        match array.data_type() {
            DataType::Utf8 => array.as_string_opt::<i32>().map(Text::Utf8),
            DataType::LargeUtf8 => array.as_string_opt::<i64>().map(Text::Large),
            DataType::Utf8View => array.as_string_view_opt().map(Text::View),
            _ => None,
        }
    }

    /// The cell's bytes, untrimmed; none for a null.
    #[inline]
    fn get(self, i: usize) -> Option<&'a [u8]> {
        match self {
            Text::Utf8(a) => (!a.is_null(i)).then(|| a.value(i).as_bytes()),
            Text::Large(a) => (!a.is_null(i)).then(|| a.value(i).as_bytes()),
            Text::View(a) => (!a.is_null(i)).then(|| a.value(i).as_bytes()),
        }
    }

    fn len(self) -> usize {
        match self {
            Text::Utf8(a) => a.len(),
            Text::Large(a) => a.len(),
            Text::View(a) => a.len(),
        }
    }
}

/// Integers of any width, as i64 (u64 beyond i64 saturates: out of range either way).
#[derive(Clone, Copy)]
enum Ints<'a> {
    I8(&'a arrow_array::Int8Array),
    I16(&'a arrow_array::Int16Array),
    I32(&'a arrow_array::Int32Array),
    I64(&'a arrow_array::Int64Array),
    U8(&'a arrow_array::UInt8Array),
    U16(&'a arrow_array::UInt16Array),
    U32(&'a arrow_array::UInt32Array),
    U64(&'a arrow_array::UInt64Array),
}

impl<'a> Ints<'a> {
    fn of(array: &'a dyn Array) -> Option<Self> {
        Some(match array.data_type() {
            DataType::Int8 => Ints::I8(array.as_primitive_opt::<Int8Type>()?),
            DataType::Int16 => Ints::I16(array.as_primitive_opt::<Int16Type>()?),
            DataType::Int32 => Ints::I32(array.as_primitive_opt::<Int32Type>()?),
            DataType::Int64 => Ints::I64(array.as_primitive_opt::<Int64Type>()?),
            DataType::UInt8 => Ints::U8(array.as_primitive_opt::<UInt8Type>()?),
            DataType::UInt16 => Ints::U16(array.as_primitive_opt::<UInt16Type>()?),
            DataType::UInt32 => Ints::U32(array.as_primitive_opt::<UInt32Type>()?),
            DataType::UInt64 => Ints::U64(array.as_primitive_opt::<UInt64Type>()?),
            _ => return None,
        })
    }

    #[inline]
    fn get(self, i: usize) -> Option<i64> {
        macro_rules! at {
            ($a:expr) => {
                (!$a.is_null(i)).then(|| i64::try_from($a.value(i)).unwrap_or(i64::MAX))
            };
        }
        match self {
            Ints::I8(a) => at!(a),
            Ints::I16(a) => at!(a),
            Ints::I32(a) => at!(a),
            Ints::I64(a) => at!(a),
            Ints::U8(a) => at!(a),
            Ints::U16(a) => at!(a),
            Ints::U32(a) => at!(a),
            Ints::U64(a) => at!(a),
        }
    }
}

/// The keys of a dictionary column, read in place (any of Arrow's key types).
#[derive(Clone, Copy)]
enum KeySlice<'a> {
    I8(&'a [i8]),
    I16(&'a [i16]),
    I32(&'a [i32]),
    I64(&'a [i64]),
    U8(&'a [u8]),
    U16(&'a [u16]),
    U32(&'a [u32]),
    U64(&'a [u64]),
}

/// Runs `$body` with `$k` bound to each key of a [`KeySlice`] as a `usize` (a negative key
/// becomes a position no dictionary has), and `$i` to its row.
macro_rules! each_key {
    ($slice:expr, |$i:ident, $k:ident| $body:expr) => {
        match $slice {
            KeySlice::I8(s) => s.iter().enumerate().for_each(|($i, &k)| {
                let $k = k as usize;
                $body
            }),
            KeySlice::I16(s) => s.iter().enumerate().for_each(|($i, &k)| {
                let $k = k as usize;
                $body
            }),
            KeySlice::I32(s) => s.iter().enumerate().for_each(|($i, &k)| {
                let $k = k as usize;
                $body
            }),
            KeySlice::I64(s) => s.iter().enumerate().for_each(|($i, &k)| {
                let $k = k as usize;
                $body
            }),
            KeySlice::U8(s) => s.iter().enumerate().for_each(|($i, &k)| {
                let $k = k as usize;
                $body
            }),
            KeySlice::U16(s) => s.iter().enumerate().for_each(|($i, &k)| {
                let $k = k as usize;
                $body
            }),
            KeySlice::U32(s) => s.iter().enumerate().for_each(|($i, &k)| {
                let $k = k as usize;
                $body
            }),
            KeySlice::U64(s) => s.iter().enumerate().for_each(|($i, &k)| {
                let $k = k as usize;
                $body
            }),
        }
    };
}

/// Extends `$out` with `$body` for each key of a [`KeySlice`], `$k` bound to the key as a
/// `usize` (a negative key becomes a position no dictionary has) and `$i` to its row.
macro_rules! extend_keys {
    ($out:expr, $slice:expr, |$i:ident, $k:ident| $body:expr) => {
        match $slice {
            KeySlice::I8(s) => $out.extend(s.iter().enumerate().map(|($i, &k)| {
                let $k = k as usize;
                $body
            })),
            KeySlice::I16(s) => $out.extend(s.iter().enumerate().map(|($i, &k)| {
                let $k = k as usize;
                $body
            })),
            KeySlice::I32(s) => $out.extend(s.iter().enumerate().map(|($i, &k)| {
                let $k = k as usize;
                $body
            })),
            KeySlice::I64(s) => $out.extend(s.iter().enumerate().map(|($i, &k)| {
                let $k = k as usize;
                $body
            })),
            KeySlice::U8(s) => $out.extend(s.iter().enumerate().map(|($i, &k)| {
                let $k = k as usize;
                $body
            })),
            KeySlice::U16(s) => $out.extend(s.iter().enumerate().map(|($i, &k)| {
                let $k = k as usize;
                $body
            })),
            KeySlice::U32(s) => $out.extend(s.iter().enumerate().map(|($i, &k)| {
                let $k = k as usize;
                $body
            })),
            KeySlice::U64(s) => $out.extend(s.iter().enumerate().map(|($i, &k)| {
                let $k = k as usize;
                $body
            })),
        }
    };
}

/// The keys of a dictionary column as positions into its values; none for a null key.
struct Keys<'a> {
    slice: KeySlice<'a>,
    nulls: Option<&'a NullBuffer>,
}

impl Keys<'_> {
    #[inline]
    fn get(&self, i: usize) -> Option<usize> {
        if self.nulls.is_some_and(|n| n.is_null(i)) {
            return None;
        }
        match self.slice {
            KeySlice::I8(s) => s.get(i).and_then(|&k| usize::try_from(k).ok()),
            KeySlice::I16(s) => s.get(i).and_then(|&k| usize::try_from(k).ok()),
            KeySlice::I32(s) => s.get(i).and_then(|&k| usize::try_from(k).ok()),
            KeySlice::I64(s) => s.get(i).and_then(|&k| usize::try_from(k).ok()),
            KeySlice::U8(s) => s.get(i).map(|&k| usize::from(k)),
            KeySlice::U16(s) => s.get(i).map(|&k| usize::from(k)),
            KeySlice::U32(s) => s.get(i).and_then(|&k| usize::try_from(k).ok()),
            KeySlice::U64(s) => s.get(i).and_then(|&k| usize::try_from(k).ok()),
        }
    }
}

/// A complaint number column.
enum Numbers<'a> {
    Text(Text<'a>),
    Ints(Ints<'a>),
    Dict(Keys<'a>, Vec<Result<ComplaintNumber, &'static str>>),
}

/// A number of the integer form `YYMMNNNN` (leading zeros of the year lost).
fn number_of_int(n: i64) -> Result<ComplaintNumber, &'static str> {
    if !(0..100_000_000).contains(&n) {
        return Err("number.invalid_format");
    }
    let (yy, mm, serial) = (n / 1_000_000, n / 10_000 % 100, n % 10_000);
    if !(1..=12).contains(&mm) {
        return Err("number.invalid_month");
    }
    ComplaintNumber::new(2000 + yy as i32, mm as u32, serial as u32).map_err(|e| {
        use crate::ErrorCode;
        e.code()
    })
}

fn text_number(cell: Option<&[u8]>) -> Result<ComplaintNumber, &'static str> {
    read_number(cell.map(trim).unwrap_or_default())
}

impl Numbers<'_> {
    /// Appends the numbers of `rows` cells to `out`, `placeholder` where a cell has a problem.
    fn extend_into(
        &self,
        out: &mut Vec<ComplaintNumber>,
        rows: usize,
        placeholder: ComplaintNumber,
        problems: &mut Problems,
    ) {
        let mut value = |i: usize, number: Result<ComplaintNumber, &'static str>| {
            number.unwrap_or_else(|code| {
                problems.push((i, Field::Number, code));
                placeholder
            })
        };
        if let Numbers::Text(Text::View(a)) = self {
            // `YYMMNNNN` is 8 bytes: inline in its view, read from there.
            let nulls = a.nulls().filter(|n| n.null_count() > 0);
            let views = a.views().get(..rows).unwrap_or(a.views());
            out.extend(views.iter().enumerate().map(|(i, &view)| {
                let number = if nulls.is_some_and(|n| n.is_null(i)) {
                    Err("stats.missing_value")
                } else if view as u32 == 8
                    && let Some(n) = number_of_digits((view >> 32) as u64)
                {
                    Ok(n)
                } else {
                    text_number(Some(a.value(i).as_bytes()))
                };
                value(i, number)
            }));
            return;
        }
        out.extend((0..rows).map(|i| value(i, self.get(i))));
    }

    #[inline]
    fn get(&self, i: usize) -> Result<ComplaintNumber, &'static str> {
        match self {
            Numbers::Text(t) => text_number(t.get(i)),
            Numbers::Ints(a) => a.get(i).map_or(Err("stats.missing_value"), number_of_int),
            Numbers::Dict(keys, values) => keys
                .get(i)
                .and_then(|k| values.get(k).copied())
                .unwrap_or(Err("stats.missing_value")),
        }
    }
}

/// An instant column: epoch seconds from a timestamp, or text read as in CSV.
enum Instants<'a> {
    Stamps {
        values: &'a [i64],
        nulls: Option<&'a NullBuffer>,
        /// Units per second.
        per_second: i64,
        /// Seconds east of UTC the written times are in: 0 with a time zone (Arrow stores
        /// UTC), the office offset without one.
        offset: i64,
    },
    Text(Text<'a>, i32),
}

impl Instants<'_> {
    /// The instant at row `i`; none for a null or empty cell.
    #[inline]
    fn get(&self, i: usize) -> Option<Result<Epoch, &'static str>> {
        match self {
            Instants::Stamps {
                values,
                nulls,
                per_second,
                offset,
            } => {
                if nulls.is_some_and(|n| n.is_null(i)) {
                    return None;
                }
                let local = values.get(i)?.div_euclid(*per_second);
                let at = local - offset;
                // The written (local) date must lie in the supported years, as in CSV.
                Some(if timestamp::in_range(local, 0) {
                    Ok(at)
                } else {
                    Err("time.out_of_range")
                })
            }
            Instants::Text(t, office) => {
                let cell = t.get(i).map(trim).unwrap_or_default();
                (!cell.is_empty()).then(|| required_time(cell, *office))
            }
        }
    }
}

impl Instants<'_> {
    /// Appends the epoch seconds of `rows` cells to `out`: a missing value is a problem where
    /// one is `required`, else an open case ([`OPEN`]).
    fn extend_into(
        &self,
        out: &mut Vec<Epoch>,
        rows: usize,
        field: Field,
        problems: &mut Problems,
        required: bool,
    ) {
        out.reserve(rows);
        if let Instants::Stamps {
            values,
            nulls,
            per_second,
            offset,
        } = self
        {
            // One loop per unit (a division by a constant is a multiplication) that only
            // converts, with the null mask read alongside when there is one (`closed_at` of
            // open cases); the checks are a second, cheap pass that finds nothing in a clean
            // column.
            const FIRST: i64 = -2_208_988_800; // 1900-01-01T00:00:00
            const END: i64 = 32_503_680_000; // 3000-01-01T00:00:00
            struct Sink<'s> {
                out: &'s mut Vec<Epoch>,
                problems: &'s mut Problems,
                field: Field,
                offset: i64,
                /// What a null is: a missing value where one is required, else an open case.
                null: Option<Epoch>,
            }
            fn each<const PER_SECOND: i64>(
                values: &[i64],
                nulls: Option<&NullBuffer>,
                sink: Sink<'_>,
            ) {
                let Sink {
                    out,
                    problems,
                    field,
                    offset,
                    null,
                } = sink;
                // The written (local) second; wrapping, so that `at + offset` gives it back.
                let at = |v: i64| v.div_euclid(PER_SECOND).wrapping_sub(offset);
                // The written (local) date must lie in the supported years, as in CSV.
                let stray = |at: Epoch| !(FIRST..END).contains(&at.wrapping_add(offset));
                let start = out.len();
                match nulls {
                    None => {
                        out.extend(values.iter().map(|&v| at(v)));
                        let column = out.get(start..).unwrap_or_default();
                        if column.iter().any(|&a| stray(a)) {
                            for (i, &a) in column.iter().enumerate() {
                                if stray(a) {
                                    problems.push((i, field, "time.out_of_range"));
                                }
                            }
                        }
                    }
                    Some(mask) => {
                        // Every slot converted, nulls too (what lies under a null is
                        // unspecified), then the runs of nulls between the runs of valid
                        // values overwritten: no bit read per row.
                        let open = null.unwrap_or(0);
                        out.extend(values.iter().map(|&v| at(v)));
                        let column = out.get_mut(start..).unwrap_or_default();
                        // A stray anywhere, under a null or not, sends the column to the
                        // row-by-row check, which reads the mask.
                        let strays = column.iter().any(|&a| stray(a));
                        let mut valid_end = 0;
                        for (from, to) in mask.valid_slices().chain([(column.len(), 0)]) {
                            if let Some(nulls) = column.get_mut(valid_end..from) {
                                nulls.fill(open);
                            }
                            valid_end = to;
                        }
                        if strays || (null.is_none() && mask.null_count() > 0) {
                            for (i, (&a, valid)) in column.iter().zip(mask.iter()).enumerate() {
                                if !valid && null.is_none() {
                                    problems.push((i, field, "stats.missing_value"));
                                } else if valid && stray(a) {
                                    problems.push((i, field, "time.out_of_range"));
                                }
                            }
                        }
                    }
                }
            }
            let values = values.get(..rows).unwrap_or(values);
            let sink = Sink {
                out,
                problems,
                field,
                offset: *offset,
                null: (!required).then_some(OPEN),
            };
            match *per_second {
                1 => each::<1>(values, *nulls, sink),
                1_000 => each::<1_000>(values, *nulls, sink),
                1_000_000 => each::<1_000_000>(values, *nulls, sink),
                _ => each::<1_000_000_000>(values, *nulls, sink),
            }
            return;
        }
        for i in 0..rows {
            out.push(match self.get(i) {
                Some(Ok(at)) => at,
                Some(Err(code)) => {
                    problems.push((i, field, code));
                    0
                }
                None if required => {
                    problems.push((i, field, "stats.missing_value"));
                    0
                }
                None => OPEN,
            });
        }
    }
}

/// A name column: interned per distinct value (dictionaries) or per row (text).
enum Names<'a> {
    Absent,
    Text(Text<'a>),
    Dict(Keys<'a>, Vec<u32>),
}

/// Codes of a name cell kept in a `u32` beside the interned indices.
const MISSING: u32 = u32::MAX - 1;
const INVALID: u32 = u32::MAX - 2;

/// The interned index of a (trimmed) name, [`NONE`] for an empty one, or a problem code.
#[inline]
fn intern(table: &mut Interner, cell: Option<&[u8]>) -> u32 {
    match cell.map(trim) {
        None | Some([]) => NONE,
        Some(name) => match table.intern(name) {
            Some(i) if i < INVALID => i,
            _ => INVALID,
        },
    }
}

impl Names<'_> {
    /// Appends the interned indices of `rows` cells to `out` ([`NONE`] where an optional name
    /// is absent).
    fn extend_into(
        &self,
        out: &mut Vec<u32>,
        table: &mut Interner,
        rows: usize,
        field: Field,
        needed: bool,
        problems: &mut Problems,
    ) {
        // The codes first, in loops that only look names up; the checks are a second pass
        // that finds nothing in a clean column.
        let start = out.len();
        match self {
            Names::Absent => out.extend(std::iter::repeat_n(NONE, rows)),
            Names::Dict(keys, values) => {
                let code = |k: usize| values.get(k).copied().unwrap_or(NONE);
                match keys.nulls.filter(|n| n.null_count() > 0) {
                    None => extend_keys!(out, keys.slice, |_i, k| code(k)),
                    Some(nulls) => extend_keys!(out, keys.slice, |i, k| {
                        if nulls.is_null(i) { NONE } else { code(k) }
                    }),
                }
            }
            Names::Text(Text::View(a)) => {
                // Keyed on the views' content: a name is found without a byte comparison.
                let mut memo = ViewMemo::new();
                let buffers = a.data_buffers();
                let views = a.views().get(..rows).unwrap_or(a.views());
                let mut code = |i: usize, view: u128| {
                    memo.get(
                        view,
                        buffers,
                        || a.value(i).as_bytes(),
                        |cell| intern(table, Some(cell)),
                    )
                };
                match a.nulls().filter(|n| n.null_count() > 0) {
                    None => out.extend(views.iter().enumerate().map(|(i, &v)| code(i, v))),
                    Some(nulls) => out.extend(
                        views
                            .iter()
                            .enumerate()
                            .map(|(i, &v)| if nulls.is_null(i) { NONE } else { code(i, v) }),
                    ),
                }
            }
            Names::Text(text) => {
                let mut memo = Memo::new();
                out.extend((0..rows).map(|i| match text.get(i) {
                    None => NONE,
                    Some(cell) => memo.get(key_of(cell), || cell, |cell| intern(table, Some(cell))),
                }));
            }
        }
        let column = out.get_mut(start..).unwrap_or_default();
        // A branch the loop predicts, not a call through a function pointer per row.
        let check = |code: u32| {
            if needed {
                required_name(code)
            } else {
                optional_name(code)
            }
        };
        let bad = |c: u32| {
            if needed {
                c >= INVALID
            } else {
                c == INVALID || c == MISSING
            }
        };
        if column.iter().any(|&c| bad(c)) {
            for (i, c) in column.iter_mut().enumerate() {
                *c = check(*c).unwrap_or_else(|code| {
                    problems.push((i, field, code));
                    NONE
                });
            }
        }
    }
}

/// A required name: absent is a missing value.
#[inline]
fn required_name(code: u32) -> Result<u32, &'static str> {
    match code {
        NONE | MISSING => Err("stats.missing_value"),
        INVALID => Err("stats.invalid_text"),
        i => Ok(i),
    }
}

#[inline]
fn optional_name(code: u32) -> Result<u32, &'static str> {
    match code {
        INVALID => Err("stats.invalid_text"),
        MISSING => Ok(NONE),
        i => Ok(i),
    }
}

/// The satisfaction column.
enum Answers<'a> {
    Absent,
    Bools(&'a BooleanArray),
    Text(Text<'a>),
}

impl Answers<'_> {
    #[inline]
    fn get(&self, i: usize) -> Result<Option<bool>, &'static str> {
        match self {
            Answers::Absent => Ok(None),
            Answers::Bools(a) => Ok((!a.is_null(i)).then(|| a.value(i))),
            Answers::Text(t) => read_satisfied(t.get(i).map(trim).unwrap_or_default()),
        }
    }
}

fn dictionary_keys(array: &dyn arrow_array::AnyDictionaryArray) -> Option<Keys<'_>> {
    let keys = array.keys();
    let slice = match keys.data_type() {
        DataType::Int8 => KeySlice::I8(keys.as_primitive_opt::<Int8Type>()?.values()),
        DataType::Int16 => KeySlice::I16(keys.as_primitive_opt::<Int16Type>()?.values()),
        DataType::Int32 => KeySlice::I32(keys.as_primitive_opt::<Int32Type>()?.values()),
        DataType::Int64 => KeySlice::I64(keys.as_primitive_opt::<Int64Type>()?.values()),
        DataType::UInt8 => KeySlice::U8(keys.as_primitive_opt::<UInt8Type>()?.values()),
        DataType::UInt16 => KeySlice::U16(keys.as_primitive_opt::<UInt16Type>()?.values()),
        DataType::UInt32 => KeySlice::U32(keys.as_primitive_opt::<UInt32Type>()?.values()),
        DataType::UInt64 => KeySlice::U64(keys.as_primitive_opt::<UInt64Type>()?.values()),
        _ => return None,
    };
    Some(Keys {
        slice,
        nulls: keys.nulls(),
    })
}

fn numbers<'a>(array: &'a dyn Array, name: &str) -> Result<Numbers<'a>, StatsError> {
    const EXPECTED: &str = "text YYMMNNNN or an integer";
    if let Some(t) = Text::of(array) {
        return Ok(Numbers::Text(t));
    }
    if let Some(i) = Ints::of(array) {
        return Ok(Numbers::Ints(i));
    }
    if let Some(dict) = array.as_any_dictionary_opt() {
        let values = Text::of(dict.values().as_ref())
            .ok_or_else(|| unsupported(name, array.data_type(), EXPECTED))?;
        let parsed = (0..values.len())
            .map(|v| text_number(values.get(v)))
            .collect();
        let keys =
            dictionary_keys(dict).ok_or_else(|| unsupported(name, array.data_type(), EXPECTED))?;
        return Ok(Numbers::Dict(keys, parsed));
    }
    Err(unsupported(name, array.data_type(), EXPECTED))
}

fn instants<'a>(array: &'a dyn Array, name: &str, office: i32) -> Result<Instants<'a>, StatsError> {
    const EXPECTED: &str = "a timestamp or text";
    if let Some(t) = Text::of(array) {
        return Ok(Instants::Text(t, office));
    }
    let DataType::Timestamp(unit, zone) = array.data_type() else {
        return Err(unsupported(name, array.data_type(), EXPECTED));
    };
    let values: &[i64] = match unit {
        TimeUnit::Second => array.as_primitive::<TimestampSecondType>().values(),
        TimeUnit::Millisecond => array.as_primitive::<TimestampMillisecondType>().values(),
        TimeUnit::Microsecond => array.as_primitive::<TimestampMicrosecondType>().values(),
        TimeUnit::Nanosecond => array.as_primitive::<TimestampNanosecondType>().values(),
    };
    Ok(Instants::Stamps {
        values,
        nulls: array.nulls(),
        per_second: units_per_second(*unit),
        offset: if zone.is_some() { 0 } else { i64::from(office) },
    })
}

pub(crate) fn units_per_second(unit: TimeUnit) -> i64 {
    match unit {
        TimeUnit::Second => 1,
        TimeUnit::Millisecond => 1_000,
        TimeUnit::Microsecond => 1_000_000,
        TimeUnit::Nanosecond => 1_000_000_000,
    }
}

fn names<'a>(
    array: &'a dyn Array,
    name: &str,
    table: &mut Interner,
) -> Result<Names<'a>, StatsError> {
    const EXPECTED: &str = "text or a dictionary of text";
    if let Some(t) = Text::of(array) {
        return Ok(Names::Text(t));
    }
    if let Some(dict) = array.as_any_dictionary_opt() {
        let values = Text::of(dict.values().as_ref())
            .ok_or_else(|| unsupported(name, array.data_type(), EXPECTED))?;
        // Only the values some row uses are interned: a categorical's unused categories are
        // not names of this ledger.
        let keys =
            dictionary_keys(dict).ok_or_else(|| unsupported(name, array.data_type(), EXPECTED))?;
        let mut used = vec![false; values.len()];
        let nulls = keys.nulls;
        each_key!(keys.slice, |i, k| {
            if !nulls.is_some_and(|n| n.is_null(i))
                && let Some(slot) = used.get_mut(k)
            {
                *slot = true;
            }
        });
        let mapped = (0..values.len())
            .map(|v| match used.get(v) {
                Some(true) => match intern(table, values.get(v)) {
                    NONE => MISSING,
                    code => code,
                },
                _ => NONE,
            })
            .collect();
        return Ok(Names::Dict(keys, mapped));
    }
    Err(unsupported(name, array.data_type(), EXPECTED))
}

fn answers<'a>(array: &'a dyn Array, name: &str) -> Result<Answers<'a>, StatsError> {
    if let Some(b) = array.as_boolean_opt() {
        return Ok(Answers::Bools(b));
    }
    Text::of(array)
        .map(Answers::Text)
        .ok_or_else(|| unsupported(name, array.data_type(), "a boolean or text"))
}

/// The rows of one batch with a problem found column by column: `(row, field, code)`.
type Problems = Vec<(usize, Field, &'static str)>;

pub(super) fn read_batch(
    builder: &mut Builder,
    batch: &RecordBatch,
    columns: &[Option<usize>; 8],
    names_of: &[String; 8],
    office: i32,
    line: &mut u64,
) -> Result<(), StatsError> {
    let column = |f: Field| columns[f as usize].map(|i| batch.column(i).as_ref());
    let name = |f: Field| names_of[f as usize].as_str();
    let required = |f: Field| {
        column(f).ok_or_else(|| StatsError::MissingColumn {
            column: name(f).to_owned(),
        })
    };
    let number = numbers(required(Field::Number)?, name(Field::Number))?;
    let received = instants(
        required(Field::ReceivedAt)?,
        name(Field::ReceivedAt),
        office,
    )?;
    let closed = column(Field::ClosedAt)
        .map(|a| instants(a, name(Field::ClosedAt), office))
        .transpose()?;
    let satisfied = match column(Field::Satisfied) {
        Some(a) => answers(a, name(Field::Satisfied))?,
        None => Answers::Absent,
    };
    let rows = batch.num_rows();
    let (ledger, _) = builder.parts();
    let start = ledger.len();
    let mut problems: Problems = Vec::new();

    // Column by column, in the order rows are checked; a bad cell gets a placeholder and a
    // problem, and the row is dropped below.
    let placeholder = ComplaintNumber::new(2000, 1, 1).map_err(|_| StatsError::InvalidPeriod)?;
    number.extend_into(&mut ledger.numbers, rows, placeholder, &mut problems);
    received.extend_into(
        &mut ledger.received,
        rows,
        Field::ReceivedAt,
        &mut problems,
        true,
    );
    let tables = [
        (Field::Category, true),
        (Field::Department, true),
        (Field::Channel, false),
        (Field::Severity, false),
    ];
    for (field, needed) in tables {
        let (values, table) = match field {
            Field::Category => (&mut ledger.category, &mut ledger.categories),
            Field::Department => (&mut ledger.department, &mut ledger.departments),
            Field::Channel => (&mut ledger.channel, &mut ledger.channels),
            _ => (&mut ledger.severity, &mut ledger.severities),
        };
        let names = match column(field) {
            Some(a) => names(a, name(field), table)?,
            None if needed => {
                return Err(StatsError::MissingColumn {
                    column: name(field).to_owned(),
                });
            }
            None => Names::Absent,
        };
        names.extend_into(values, table, rows, field, needed, &mut problems);
    }
    match &closed {
        Some(c) => c.extend_into(
            &mut ledger.closed,
            rows,
            Field::ClosedAt,
            &mut problems,
            false,
        ),
        None => ledger.closed.extend(std::iter::repeat_n(OPEN, rows)),
    }
    ledger.satisfied.reserve(rows);
    match &satisfied {
        Answers::Bools(a) => {
            // 0 unanswered, 1 not satisfied, 2 satisfied.
            let (values, nulls) = (a.values(), a.nulls());
            ledger.satisfied.extend((0..rows).map(|i| {
                if nulls.is_some_and(|n| n.is_null(i)) {
                    0
                } else {
                    1 + u8::from(values.value(i))
                }
            }));
        }
        _ => {
            for i in 0..rows {
                ledger.satisfied.push(match satisfied.get(i) {
                    Ok(None) => 0,
                    Ok(Some(false)) => 1,
                    Ok(Some(true)) => 2,
                    Err(code) => {
                        problems.push((i, Field::Satisfied, code));
                        0
                    }
                });
            }
        }
    }

    // Row by row: the first problem of a row decides its code, then the checks of whole rows.
    problems.sort_by_key(|p| p.0);
    let mut next = problems.iter().peekable();
    let mut rejects: Vec<(usize, Problem)> = Vec::new();
    let (ledger, seen) = builder.parts();
    let received = ledger.received.get(start..).unwrap_or_default();
    let closed = ledger.closed.get(start..).unwrap_or_default();
    let numbers = ledger.numbers.get(start..).unwrap_or_default();
    for (i, ((&received, &closed), &number)) in received.iter().zip(closed).zip(numbers).enumerate()
    {
        if next.peek().is_some_and(|p| p.0 == i) {
            if let Some(&(_, field, code)) = next.next() {
                rejects.push((i, Problem::at(field, code)));
            }
            while next.peek().is_some_and(|p| p.0 == i) {
                next.next();
            }
        } else if closed != OPEN && closed < received {
            let problem = Problem::at(Field::ClosedAt, "stats.closed_before_received");
            rejects.push((i, problem));
        } else if !seen.insert(number) {
            rejects.push((i, Problem::at(Field::Number, "stats.duplicate_number")));
        }
    }
    let mut keep: Option<Vec<bool>> = None;
    for (i, problem) in rejects {
        builder.reject(*line + 1 + i as u64, problem)?;
        if let Some(k) = keep.get_or_insert_with(|| vec![true; rows]).get_mut(i) {
            *k = false;
        }
    }
    *line += rows as u64;
    if let Some(keep) = keep {
        let (ledger, _) = builder.parts();
        compact(ledger, start, &keep);
    }
    Ok(())
}

/// Drops the rows of `start..` whose `keep` is false from every column.
fn compact(ledger: &mut Ledger, start: usize, keep: &[bool]) {
    fn retain<T: Copy>(column: &mut Vec<T>, start: usize, keep: &[bool]) {
        let mut at = start;
        for (i, &k) in keep.iter().enumerate() {
            if k {
                if let Some(&v) = column.get(start + i) {
                    column[at] = v;
                }
                at += 1;
            }
        }
        column.truncate(at);
    }
    retain(&mut ledger.numbers, start, keep);
    retain(&mut ledger.received, start, keep);
    retain(&mut ledger.closed, start, keep);
    retain(&mut ledger.satisfied, start, keep);
    retain(&mut ledger.category, start, keep);
    retain(&mut ledger.department, start, keep);
    retain(&mut ledger.channel, start, keep);
    retain(&mut ledger.severity, start, keep);
}
