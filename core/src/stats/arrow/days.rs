//! Working-day arithmetic over Arrow date and timestamp columns: the calendar's batch
//! functions where dataframes keep their dates.
//!
//! A column of days is `Date32`, `Date64` or a timestamp of any unit. A timestamp with a time
//! zone is an instant, and its day is the office day (the calendar's offset), as everywhere in
//! the library; a timestamp without one is a wall-clock time already in office time, whose
//! day is the written date. Nulls stay null. Results are `Date32` days, `Int64` counts,
//! `Boolean` flags, and for [`period_end`] `Timestamp(Second, office offset)` instants.

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Int8Type, Int16Type, Int32Type, Int64Type, TimestampMicrosecondType,
    TimestampMillisecondType, TimestampNanosecondType, TimestampSecondType, UInt8Type, UInt16Type,
    UInt32Type,
};
use arrow_array::{Array, ArrayRef, BooleanArray, Date32Array, Int64Array, TimestampSecondArray};
use arrow_buffer::{NullBuffer, ScalarBuffer};
use arrow_schema::{DataType, TimeUnit};
use chrono::NaiveDate;

use super::ledger::units_per_second;
use crate::ErrorCode;
use crate::calendar::{Calendar, CalendarError, from_epoch_day, to_epoch_day};
use crate::duration::Duration;
use crate::period::{self, PeriodError};
use crate::time::Instant;

const SECONDS_PER_DAY: i64 = 86_400;
const MS_PER_DAY: i64 = 86_400_000;

/// Why a column operation failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ColumnError {
    /// An argument of a type the operation cannot read.
    #[error("`{argument}` has the type {found}, expected {expected}")]
    UnsupportedType {
        /// The argument: `dates`, `days`, `start`, `end`, `starts`.
        argument: &'static str,
        /// The type found, as Arrow writes it.
        found: String,
        /// What it accepts.
        expected: &'static str,
    },
    /// A calendar error: columns of different lengths, or an element out of range
    /// ([`CalendarError::AtIndex`] names it).
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    /// A period that cannot be computed at row `index`.
    #[error("element {index}: {source}")]
    Period {
        /// The row.
        index: usize,
        /// Why.
        source: PeriodError,
    },
}

impl ColumnError {
    /// The row at fault, when one is.
    pub fn index(&self) -> Option<usize> {
        match self {
            ColumnError::Calendar(CalendarError::AtIndex { index, .. })
            | ColumnError::Period { index, .. } => Some(*index),
            _ => None,
        }
    }
}

impl ErrorCode for ColumnError {
    fn code(&self) -> &'static str {
        match self {
            ColumnError::UnsupportedType { .. } => "stats.unsupported_column",
            ColumnError::Calendar(e) => e.code(),
            ColumnError::Period { source, .. } => source.code(),
        }
    }

    fn clause(&self) -> Option<&'static str> {
        match self {
            ColumnError::UnsupportedType { .. } => None,
            ColumnError::Calendar(e) => e.clause(),
            ColumnError::Period { source, .. } => source.clause(),
        }
    }
}

const DAYS: &str = "Date32, Date64 or a timestamp";

fn unsupported(argument: &'static str, found: &DataType, expected: &'static str) -> ColumnError {
    ColumnError::UnsupportedType {
        argument,
        found: found.to_string(),
        expected,
    }
}

/// Office days (since 1970-01-01) of a date or timestamp column; null slots hold 0 (a day
/// every operation accepts) and are masked by the nulls returned beside.
fn office_days(
    array: &dyn Array,
    argument: &'static str,
    office: i64,
) -> Result<(ScalarBuffer<i32>, Option<NullBuffer>), ColumnError> {
    let nulls = array.logical_nulls();
    let masked = |days: Vec<i32>| -> ScalarBuffer<i32> {
        let mut days = days;
        if let Some(n) = &nulls {
            for i in n
                .iter()
                .enumerate()
                .filter(|(_, valid)| !valid)
                .map(|(i, _)| i)
            {
                if let Some(d) = days.get_mut(i) {
                    *d = 0;
                }
            }
        }
        days.into()
    };
    let to_i32 = |d: i64| i32::try_from(d).unwrap_or(i32::MAX);
    let days = match array.data_type() {
        DataType::Date32 => {
            let values = array.as_primitive::<Date32Type>().values();
            if nulls.is_none() {
                return Ok((values.clone(), None));
            }
            masked(values.to_vec())
        }
        DataType::Date64 => masked(
            array
                .as_primitive::<Date64Type>()
                .values()
                .iter()
                .map(|&ms| to_i32(ms.div_euclid(MS_PER_DAY)))
                .collect(),
        ),
        DataType::Timestamp(unit, zone) => {
            let per_second = units_per_second(*unit);
            let shift = if zone.is_some() { office } else { 0 };
            let values: &[i64] = match unit {
                TimeUnit::Second => array.as_primitive::<TimestampSecondType>().values(),
                TimeUnit::Millisecond => array.as_primitive::<TimestampMillisecondType>().values(),
                TimeUnit::Microsecond => array.as_primitive::<TimestampMicrosecondType>().values(),
                TimeUnit::Nanosecond => array.as_primitive::<TimestampNanosecondType>().values(),
            };
            masked(
                values
                    .iter()
                    .map(|&v| {
                        let secs = v.div_euclid(per_second);
                        to_i32((secs + shift).div_euclid(SECONDS_PER_DAY))
                    })
                    .collect(),
            )
        }
        other => return Err(unsupported(argument, other, DAYS)),
    };
    Ok((days, nulls))
}

/// Day counts: one for every row, or a column.
#[derive(Debug, Clone, Copy)]
pub enum Count<'a> {
    /// The same count for every row.
    One(i64),
    /// A count per row (an integer column; a null count gives a null result).
    Each(&'a dyn Array),
}

fn counts(array: &dyn Array) -> Result<(Vec<i32>, Option<NullBuffer>), ColumnError> {
    let nulls = array.logical_nulls();
    macro_rules! ints {
        ($t:ty) => {
            array
                .as_primitive::<$t>()
                .values()
                .iter()
                .map(|&k| i32::try_from(k).unwrap_or(i32::MAX))
                .collect::<Vec<i32>>()
        };
    }
    let mut values = match array.data_type() {
        DataType::Int8 => ints!(Int8Type),
        DataType::Int16 => ints!(Int16Type),
        DataType::Int32 => array.as_primitive::<Int32Type>().values().to_vec(),
        DataType::Int64 => ints!(Int64Type),
        DataType::UInt8 => ints!(UInt8Type),
        DataType::UInt16 => ints!(UInt16Type),
        DataType::UInt32 => ints!(UInt32Type),
        other => return Err(unsupported("days", other, "an integer column")),
    };
    if let Some(n) = &nulls {
        for (v, valid) in values.iter_mut().zip(n.iter()) {
            if !valid {
                *v = 0;
            }
        }
    }
    Ok((values, nulls))
}

fn length(left: usize, right: usize) -> ColumnError {
    ColumnError::Calendar(CalendarError::LengthMismatch { left, right })
}

/// [`Calendar::add_working_days`] over a column: the `days`-th working day after each day
/// (office days for instants); a `Date32` column.
///
/// ```
/// use std::sync::Arc;
/// use arrow_array::{Array, Date32Array};
/// use complaint_office::calendar::Calendar;
/// use complaint_office::stats::arrow::days::{Count, add_working_days};
///
/// let friday = 20_357; // 2025-09-26, before the National Day holidays
/// let dates = Date32Array::from(vec![Some(friday), None]);
/// let due = add_working_days(&Calendar::cn(), &dates, Count::One(5))?;
/// assert_eq!(due.value_as_date(0).unwrap().to_string(), "2025-10-10");
/// assert!(due.is_null(1));
/// # Ok::<(), complaint_office::stats::arrow::days::ColumnError>(())
/// ```
///
/// # Errors
/// [`ColumnError::UnsupportedType`] for a column that holds no days or counts;
/// [`CalendarError::LengthMismatch`] when a count column differs in length;
/// [`CalendarError::AtIndex`] for the first result outside 1900–2999.
pub fn add_working_days(
    calendar: &Calendar,
    dates: &dyn Array,
    days: Count<'_>,
) -> Result<Date32Array, ColumnError> {
    let office = i64::from(calendar.offset().local_minus_utc());
    let (from, mut nulls) = office_days(dates, "dates", office)?;
    let counts = match days {
        Count::One(k) => {
            let k = i32::try_from(k).map_err(|_| CalendarError::AtIndex {
                index: 0,
                source: Box::new(CalendarError::OutOfRange),
            })?;
            vec![k]
        }
        Count::Each(array) => {
            if array.len() != dates.len() {
                return Err(length(dates.len(), array.len()));
            }
            let (values, count_nulls) = counts(array)?;
            nulls = NullBuffer::union(nulls.as_ref(), count_nulls.as_ref());
            values
        }
    };
    if let [k] = counts[..]
        && let Some(out) = through_table(calendar, &from, nulls.as_ref(), k)
    {
        return Ok(Date32Array::new(out.into(), nulls));
    }
    let mut out = vec![0i32; from.len()];
    calendar.add_working_days_epoch(&from, &counts, &mut out)?;
    Ok(Date32Array::new(out.into(), nulls))
}

/// The same count added to many rows that span few distinct days (a dataframe's dates cover
/// years, its rows millions): the answer for every day of the span, computed once by the
/// calendar, then one load per row. None when the span is not small beside the rows, or
/// when a day of the span has no answer (the row-by-row path then names the row at fault).
fn through_table(
    calendar: &Calendar,
    from: &[i32],
    nulls: Option<&NullBuffer>,
    k: i32,
) -> Option<Vec<i32>> {
    const FEW_ROWS: usize = 4096;
    if from.len() < FEW_ROWS {
        return None;
    }
    let valid = |i: usize| nulls.is_none_or(|n| n.is_valid(i));
    let (lo, hi) =
        match nulls {
            None => (*from.iter().min()?, *from.iter().max()?),
            Some(_) => from.iter().enumerate().filter(|&(i, _)| valid(i)).fold(
                None,
                |range, (_, &d)| match range {
                    None => Some((d, d)),
                    Some((lo, hi)) => Some((d.min(lo), d.max(hi))),
                },
            )?,
        };
    let span = usize::try_from(i64::from(hi) - i64::from(lo) + 1).ok()?;
    if span > from.len() / 4 {
        return None;
    }
    let days: Vec<i32> = (lo..=hi).collect();
    let mut table = vec![0i32; days.len()];
    calendar
        .add_working_days_epoch(&days, &[k], &mut table)
        .ok()?;
    // A null row's slot is masked: 0, as it was read.
    let at = |d: i32| {
        usize::try_from(d.wrapping_sub(lo))
            .ok()
            .and_then(|i| table.get(i).copied())
            .unwrap_or(0)
    };
    Some(match nulls {
        None => from.iter().map(|&d| at(d)).collect(),
        Some(_) => from
            .iter()
            .enumerate()
            .map(|(i, &d)| if valid(i) { at(d) } else { 0 })
            .collect(),
    })
}

/// [`Calendar::working_days_between`] over two columns (or one `end` for all): the working
/// days in `(start, end]`, negative when `end` is earlier; `Int64`.
///
/// # Errors
/// [`ColumnError::UnsupportedType`]; [`CalendarError::LengthMismatch`] when `end` is neither
/// one day nor one per row.
pub fn working_days_between(
    calendar: &Calendar,
    start: &dyn Array,
    end: &dyn Array,
) -> Result<Int64Array, ColumnError> {
    let office = i64::from(calendar.offset().local_minus_utc());
    let (a, a_nulls) = office_days(start, "start", office)?;
    let (b, b_nulls) = office_days(end, "end", office)?;
    if b.len() != a.len() && b.len() != 1 {
        return Err(length(a.len(), b.len()));
    }
    let nulls = if b.len() == 1 {
        if b_nulls.as_ref().is_some_and(|n| n.is_null(0)) {
            Some(NullBuffer::new_null(a.len()))
        } else {
            a_nulls
        }
    } else {
        NullBuffer::union(a_nulls.as_ref(), b_nulls.as_ref())
    };
    let widen = |d: &ScalarBuffer<i32>| d.iter().map(|&x| i64::from(x)).collect::<Vec<i64>>();
    let mut out = vec![0i64; a.len()];
    calendar.working_days_between_epoch(&widen(&a), &widen(&b), &mut out)?;
    Ok(Int64Array::new(out.into(), nulls))
}

/// [`Calendar::is_working_day`] over a column; `Boolean`.
///
/// # Errors
/// [`ColumnError::UnsupportedType`].
pub fn is_working_day(calendar: &Calendar, dates: &dyn Array) -> Result<BooleanArray, ColumnError> {
    let office = i64::from(calendar.offset().local_minus_utc());
    let (days, nulls) = office_days(dates, "dates", office)?;
    let working = calendar.is_working_day_epoch(&days);
    Ok(BooleanArray::new(working.into(), nulls))
}

/// The deadlines of a column of starts: [`period::end`] for each row.
#[derive(Debug, Clone)]
pub struct DeadlineColumns {
    /// When each period runs out (the first instant after it), in the office offset.
    pub due: TimestampSecondArray,
    /// The last day of each period.
    pub last_day: Date32Array,
    /// Whether a day outside the calendar's statutory data was used.
    pub provisional: BooleanArray,
}

impl DeadlineColumns {
    /// The three columns as `(name, array)` pairs: `due`, `last_day`, `provisional`.
    pub fn columns(&self) -> [(&'static str, ArrayRef); 3] {
        [
            ("due", Arc::new(self.due.clone())),
            ("last_day", Arc::new(self.last_day.clone())),
            ("provisional", Arc::new(self.provisional.clone())),
        ]
    }
}

/// [`period::end`] over a column of starts: instants (timestamps with a time zone), office
/// wall-clock times (timestamps without one), or days (`Date32` / `Date64`, which start at
/// 00:00 office time, as [`period::end`] of a date does).
///
/// ```
/// use arrow_array::TimestampSecondArray;
/// use complaint_office::calendar::Calendar;
/// use complaint_office::duration::Duration;
/// use complaint_office::stats::arrow::days::period_end;
///
/// // 2025-09-26T10:00:00+08:00
/// let starts = TimestampSecondArray::from(vec![1_758_852_000]).with_timezone("+08:00");
/// let d = period_end(&Calendar::cn(), &starts, "5 working days".parse()?)?;
/// assert_eq!(d.last_day.value_as_date(0).unwrap().to_string(), "2025-10-10");
/// assert_eq!(d.due.value(0), 1_760_112_000); // 2025-10-11T00:00:00+08:00
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`ColumnError::UnsupportedType`]; [`ColumnError::Period`] for the first start whose
/// period cannot be computed (out of range, working hours without office hours).
pub fn period_end(
    calendar: &Calendar,
    starts: &dyn Array,
    duration: Duration,
) -> Result<DeadlineColumns, ColumnError> {
    let offset = calendar.offset();
    let office = i64::from(offset.local_minus_utc());
    let nulls = starts.logical_nulls();
    let instants: Vec<i64> = match starts.data_type() {
        DataType::Timestamp(unit, zone) => {
            let per_second = units_per_second(*unit);
            let shift = if zone.is_some() { 0 } else { office };
            let values: &[i64] = match unit {
                TimeUnit::Second => starts.as_primitive::<TimestampSecondType>().values(),
                TimeUnit::Millisecond => starts.as_primitive::<TimestampMillisecondType>().values(),
                TimeUnit::Microsecond => starts.as_primitive::<TimestampMicrosecondType>().values(),
                TimeUnit::Nanosecond => starts.as_primitive::<TimestampNanosecondType>().values(),
            };
            values
                .iter()
                .map(|&v| v.div_euclid(per_second) - shift)
                .collect()
        }
        DataType::Date32 | DataType::Date64 => {
            let (days, _) = office_days(starts, "starts", office)?;
            days.iter()
                .map(|&d| i64::from(d) * SECONDS_PER_DAY - office)
                .collect()
        }
        other => return Err(unsupported("starts", other, DAYS)),
    };
    let rows = instants.len();
    let mut due = Vec::with_capacity(rows);
    let mut last_day = Vec::with_capacity(rows);
    let mut provisional = Vec::with_capacity(rows);
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    for (index, &at) in instants.iter().enumerate() {
        if nulls.as_ref().is_some_and(|n| n.is_null(index)) {
            due.push(0);
            last_day.push(0);
            provisional.push(false);
            continue;
        }
        let fail = |source: PeriodError| ColumnError::Period { index, source };
        let start = instant(at, offset).ok_or(fail(PeriodError::OutOfRange))?;
        let d = period::end(calendar, start, duration).map_err(fail)?;
        due.push(d.due.timestamp());
        last_day.push(i32::try_from((d.last_day - epoch).num_days()).unwrap_or(i32::MAX));
        provisional.push(d.provisional);
    }
    let zone: Arc<str> = offset.to_string().into();
    Ok(DeadlineColumns {
        due: TimestampSecondArray::new(due.into(), nulls.clone()).with_timezone(zone),
        last_day: Date32Array::new(last_day.into(), nulls.clone()),
        provisional: BooleanArray::new(provisional.into(), nulls),
    })
}

/// The instant of epoch seconds in the office offset; none outside the supported days.
fn instant(secs: i64, offset: chrono::FixedOffset) -> Option<Instant> {
    let at = chrono::DateTime::from_timestamp(secs, 0)?.with_timezone(&offset);
    from_epoch_day(to_epoch_day(at.date_naive())).ok()?;
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_rows_over_few_days_agree_with_the_row_by_row_path() {
        let calendar = Calendar::cn();
        let first = 16_000; // 2013-10-22
        let rows = 50_000;
        let days: Vec<Option<i32>> = (0..rows)
            .map(|i| (i % 89 != 3).then_some(first + (i * 7919 % 800) as i32))
            .collect();
        let array = Date32Array::from(days.clone());
        for k in [-7, -1, 0, 1, 5, 30] {
            let fast = add_working_days(&calendar, &array, Count::One(i64::from(k))).unwrap();
            let each = vec![i64::from(k); rows];
            let counts = arrow_array::Int64Array::from(each);
            let slow = add_working_days(&calendar, &array, Count::Each(&counts)).unwrap();
            assert_eq!(fast.nulls(), slow.nulls());
            for (i, d) in days.iter().enumerate() {
                match d {
                    None => assert!(fast.is_null(i)),
                    Some(_) => assert_eq!(fast.value(i), slow.value(i), "row {i}, k {k}"),
                }
            }
        }
        // A span with no answer for some day: the row at fault is named, as row by row.
        let end = to_epoch_day(NaiveDate::from_ymd_opt(2999, 12, 20).unwrap()) as i32;
        let late: Vec<i32> = (0..rows).map(|i| end - 100 + (i % 50) as i32).collect();
        let mut with_bad = late.clone();
        with_bad[rows / 2] = end;
        let e =
            add_working_days(&calendar, &Date32Array::from(with_bad), Count::One(10)).unwrap_err();
        assert_eq!(e.index(), Some(rows / 2));
        assert!(add_working_days(&calendar, &Date32Array::from(late), Count::One(10)).is_ok());
    }
}
