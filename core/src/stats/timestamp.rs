//! Ledger times read by hand: fixed-width fields into seconds since the Unix epoch.
//!
//! Chrono's format parser is general and slow for a million rows; ledger times have two fixed
//! shapes, so they are read field by field. Accepted: `YYYY-MM-DD HH:MM:SS` or
//! `YYYY-MM-DDTHH:MM:SS`, an optional fraction of a second (dropped: ledgers count in whole
//! seconds), then an optional offset `Z` or `±HH:MM`. Without an offset the time is office time
//! (the ledger convention; the policy fixes the office offset, so this is not a guess).

use crate::time::{TimeError, ascii_number};

/// Seconds since 1970-01-01T00:00:00Z.
pub(crate) type Epoch = i64;

const SECONDS_PER_DAY: i64 = 86_400;

/// The first and last supported instants (1900-01-01 and 2999-12-31, in any offset).
const MIN_YEAR: i64 = 1900;
const MAX_YEAR: i64 = 2999;

/// Reads a ledger time; `office` is the office offset in seconds east of UTC.
#[inline]
pub(crate) fn parse(text: &[u8], office: i32) -> Result<Epoch, TimeError> {
    let b = text;
    if b.len() < 19 {
        return Err(TimeError::InvalidInstant);
    }
    let sep_ok = b[4] == b'-'
        && b[7] == b'-'
        && matches!(b[10], b' ' | b'T' | b't')
        && b[13] == b':'
        && b[16] == b':';
    if !sep_ok {
        return Err(TimeError::InvalidInstant);
    }
    let year = digits(&b[0..4])?;
    let month = digits(&b[5..7])?;
    let day = digits(&b[8..10])?;
    let hour = digits(&b[11..13])?;
    let minute = digits(&b[14..16])?;
    let second = digits(&b[17..19])?;
    if !(1..=12).contains(&month) || day < 1 || hour > 23 || minute > 59 || second > 59 {
        return Err(TimeError::InvalidInstant);
    }
    let mut rest = &b[19..];
    if let [b'.', tail @ ..] = rest {
        let n = tail.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return Err(TimeError::InvalidInstant);
        }
        rest = &tail[n..];
    }
    let offset = match rest {
        [] => i64::from(office),
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let h = digits(&[*h1, *h2])?;
            let m = digits(&[*m1, *m2])?;
            if h > 23 || m > 59 {
                return Err(TimeError::InvalidInstant);
            }
            let secs = h * 3600 + m * 60;
            if *sign == b'-' { -secs } else { secs }
        }
        _ => return Err(TimeError::InvalidInstant),
    };
    let days = if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        let i = ((year - MIN_YEAR) * 12 + month - 1) as usize;
        match (MONTH_START.get(i), MONTH_START.get(i + 1)) {
            (Some(&start), Some(&next)) if day <= i64::from(next - start) => {
                i64::from(start) + day - 1
            }
            _ => return Err(TimeError::InvalidInstant),
        }
    } else if day > days_in_month(year, month) {
        return Err(TimeError::InvalidInstant);
    } else {
        return Err(TimeError::OutOfRange);
    };
    Ok(days * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second - offset)
}

/// A field of two or four ASCII digits (the only widths a ledger time has), read inline: a
/// million rows read twelve of them each.
#[inline]
fn digits(b: &[u8]) -> Result<i64, TimeError> {
    let d = |i: usize| {
        b.get(i)
            .map(|c| c.wrapping_sub(b'0'))
            .filter(|&v| v < 10)
            .map(i64::from)
    };
    let pair = |i: usize| Some(d(i)? * 10 + d(i + 1)?);
    let value = match b.len() {
        2 => pair(0),
        4 => pair(0).zip(pair(2)).map(|(high, low)| high * 100 + low),
        _ => ascii_number(b).map(i64::from),
    };
    value.ok_or(TimeError::InvalidInstant)
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date; `month` 1–12, `day` from 1
/// (H. Hinnant's `days_from_civil`).
pub(crate) const fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Months from January 1900 to January 3000, inclusive.
const TABLE_MONTHS: usize = ((MAX_YEAR - MIN_YEAR + 1) * 12 + 1) as usize;

/// The day (since 1970-01-01) each month of the supported years starts on: two lookups
/// replace the calendar arithmetic a million rows would repeat.
static MONTH_START: [i32; TABLE_MONTHS] = month_starts();

const fn month_starts() -> [i32; TABLE_MONTHS] {
    let mut table = [0i32; TABLE_MONTHS];
    let mut i = 0;
    while i < TABLE_MONTHS {
        let year = MIN_YEAR + (i / 12) as i64;
        let month = (i % 12) as i64 + 1;
        table[i] = days_from_civil(year, month, 1) as i32;
        i += 1;
    }
    table
}

/// The proleptic Gregorian date of a day counted from 1970-01-01 (H. Hinnant's
/// `civil_from_days`): (year, month 1–12, day 1–31).
pub(crate) fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// The month index (`year * 12 + month - 1`) of a day counted from 1970-01-01.
pub(crate) fn month_index_of_day(days: i64) -> i32 {
    let first = i64::from(MONTH_START[0]);
    let end = i64::from(MONTH_START[TABLE_MONTHS - 1]);
    if !(first..end).contains(&days) {
        let (year, month, _) = civil_from_days(days);
        // Supported instants lie within years 1899–3000: the index fits an i32 easily.
        return (year * 12 + month - 1) as i32;
    }
    // 4,800 months in every 146,097 days: the guess is at most one month off.
    let start = |i: usize| MONTH_START.get(i).map_or(i64::MAX, |&d| i64::from(d));
    let mut i = ((days - first) * 4800 / 146_097) as usize;
    while i > 0 && start(i) > days {
        i -= 1;
    }
    while start(i + 1) <= days {
        i += 1;
    }
    (MIN_YEAR * 12) as i32 + i as i32
}

/// Writes local epoch seconds as `YYYY-MM-DD HH:MM:SS` (years 0–9999).
pub(crate) fn write_local(out: &mut String, local: i64) {
    let (year, month, day) = civil_from_days(local.div_euclid(SECONDS_PER_DAY));
    let secs = local.rem_euclid(SECONDS_PER_DAY);
    let fields = [
        (year, 4, '-'),
        (month, 2, '-'),
        (day, 2, ' '),
        (secs / 3600, 2, ':'),
        (secs / 60 % 60, 2, ':'),
        (secs % 60, 2, '\0'),
    ];
    for (value, width, then) in fields {
        let mut divisor = 10i64.pow(width - 1);
        while divisor > 0 {
            out.push(char::from(b'0' + (value / divisor % 10) as u8));
            divisor /= 10;
        }
        if then != '\0' {
            out.push(then);
        }
    }
}

/// The month index of an instant in the office offset (the reference the period table is
/// checked against).
#[cfg(test)]
pub(crate) fn office_month_index(at: Epoch, office: i32) -> i32 {
    month_index_of_day((at + i64::from(office)).div_euclid(SECONDS_PER_DAY))
}

/// Whether an instant's date lies in the supported years (1900–2999) in its office offset.
pub(crate) fn in_range(at: Epoch, office: i32) -> bool {
    const FIRST: i64 = days_from_civil(MIN_YEAR, 1, 1) * SECONDS_PER_DAY;
    const END: i64 = days_from_civil(MAX_YEAR + 1, 1, 1) * SECONDS_PER_DAY;
    (FIRST..END).contains(&(at + i64::from(office)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_instant;
    use chrono::Datelike;

    const CST: i32 = 8 * 3600;

    fn agrees_with_chrono(text: &str) {
        let ours = parse(text.as_bytes(), CST).unwrap();
        let with_offset = if text.ends_with('Z') || text[19..].contains(['+', '-']) {
            text.to_owned()
        } else {
            format!("{text}+08:00")
        };
        let chrono = parse_instant(&with_offset).unwrap().timestamp();
        assert_eq!(ours, chrono, "{text}");
    }

    #[test]
    fn reads_both_shapes_and_offsets() {
        for text in [
            "2025-01-01 00:00:00",
            "2025-01-01T00:00:00",
            "2024-02-29 23:59:59",
            "1900-01-01 08:00:00",
            "2999-12-31 23:59:59",
            "2025-03-31T16:30:00Z",
            "2025-03-31T16:30:00.123456Z",
            "2025-03-31T16:30:00-05:30",
            "2025-03-31 16:30:00+08:00",
            "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59Z",
        ] {
            agrees_with_chrono(text);
        }
    }

    #[test]
    fn rejects_what_is_not_a_time() {
        for bad in [
            "",
            "2025-01-01",
            "2025-01-01 24:00:00",
            "2025-02-29 00:00:00",
            "2025-13-01 00:00:00",
            "2025-01-01 00:60:00",
            "2025-01-01 00:00:60",
            "2025-01-01_00:00:00",
            "2025-01-01 00:00:00+25:00",
            "2025-01-01 00:00:00+0800",
            "2025-01-01 00:00:00.",
            "2025-01-01 00:00:00 ",
            "２０２５-01-01 00:00:00",
            "2025-01-00 00:00:00",
        ] {
            assert_eq!(
                parse(bad.as_bytes(), CST),
                Err(TimeError::InvalidInstant),
                "{bad:?}"
            );
        }
        assert_eq!(
            parse(b"1899-12-31 23:59:59", CST),
            Err(TimeError::OutOfRange)
        );
        assert_eq!(
            parse(b"3000-01-01 00:00:00", CST),
            Err(TimeError::OutOfRange)
        );
    }

    #[test]
    fn range_is_checked_in_the_given_offset() {
        let first = days_from_civil(1900, 1, 1) * SECONDS_PER_DAY;
        assert!(in_range(first, 0));
        assert!(!in_range(first - 1, 0));
        assert!(in_range(first - 3600, 3600));
        let end = days_from_civil(3000, 1, 1) * SECONDS_PER_DAY;
        assert!(in_range(end - 1, 0));
        assert!(!in_range(end, 0));
        assert!(!in_range(end - 3600, 3600));
    }

    #[test]
    fn writes_local_times() {
        let mut out = String::new();
        write_local(
            &mut out,
            days_from_civil(2024, 2, 29) * SECONDS_PER_DAY + 3723,
        );
        assert_eq!(out, "2024-02-29 01:02:03");
    }

    #[test]
    fn days_agree_with_chrono() {
        let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        let mut date = chrono::NaiveDate::from_ymd_opt(1895, 1, 1).unwrap();
        while date.year() < 3005 {
            let ymd = (
                i64::from(date.year()),
                i64::from(date.month()),
                i64::from(date.day()),
            );
            let ours = days_from_civil(ymd.0, ymd.1, ymd.2);
            assert_eq!(ours, (date - epoch).num_days(), "{date}");
            assert_eq!(civil_from_days(ours), ymd);
            assert_eq!(i64::from(month_index_of_day(ours)), ymd.0 * 12 + ymd.1 - 1);
            date = date.succ_opt().unwrap();
        }
    }

    #[test]
    fn month_index_round_trips() {
        for (y, m, d) in [
            (1900, 1, 1),
            (1970, 1, 1),
            (2024, 2, 29),
            (2025, 12, 31),
            (2999, 12, 31),
        ] {
            let days = days_from_civil(y, m, d);
            assert_eq!(i64::from(month_index_of_day(days)), y * 12 + m - 1);
        }
        let at = parse(b"2025-03-31T16:00:00Z", CST).unwrap();
        assert_eq!(office_month_index(at, CST), 2025 * 12 + 3);
        assert_eq!(office_month_index(at, 0), 2025 * 12 + 2);
    }
}
