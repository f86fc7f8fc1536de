//! Instants, dates, months and the office offset: parsing at the edge, office-time decisions.
//!
//! An **instant** is a [`chrono::DateTime<FixedOffset>`], written as RFC 3339 at every boundary
//! (`2025-09-26T10:00:00+08:00`). A **date** is a [`NaiveDate`] (`2025-09-26`). Which day or
//! month something happened in is decided in *office time*, the policy's offset: a complaint
//! received `2023-05-31T17:30:00Z` is received on 1 June in Beijing.
//!
//! Dates are supported from [`MIN_DATE`] to [`MAX_DATE`]; anything outside is an error, never
//! a wrap-around or a panic.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::ErrorCode;

/// A moment in time with the offset it was written in.
pub type Instant = DateTime<FixedOffset>;

/// The schema of an [`Instant`] as the stored formats write it: RFC 3339 with an offset.
#[cfg(feature = "schema")]
pub(crate) struct InstantText;

#[cfg(feature = "schema")]
impl schemars::JsonSchema for InstantText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Instant".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "format": "date-time" })
    }
}

/// The first date the library computes with.
pub const MIN_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The last date the library computes with.
pub const MAX_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2999, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

/// Why a date, instant, offset or month could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TimeError {
    /// Not a `YYYY-MM-DD` calendar date (or a day that does not exist, like 2023-02-30).
    #[error("invalid date: expected an existing calendar day as YYYY-MM-DD")]
    InvalidDate,
    /// Not an RFC 3339 instant with an offset.
    #[error("invalid instant: expected RFC 3339 with an offset, like 2025-09-26T10:00:00+08:00")]
    InvalidInstant,
    /// An instant without an offset: the library never guesses a time zone.
    #[error("instant has no offset: add one, like +08:00 or Z")]
    MissingOffset,
    /// Not a UTC offset between -23:59 and +23:59 in whole minutes. A sub-minute offset (the
    /// historic `-00:44:30` of Monrovia until 1972) is refused, never rounded: rounding would
    /// move the instant.
    #[error("invalid offset: expected +HH:MM between -23:59 and +23:59, in whole minutes")]
    InvalidOffset,
    /// Not a `YYYY-MM` month.
    #[error("invalid month: expected YYYY-MM with a month 01-12")]
    InvalidMonth,
    /// A date outside the supported years.
    #[error("date out of range: supported dates are 1900-01-01 to 2999-12-31")]
    OutOfRange,
}

impl ErrorCode for TimeError {
    fn code(&self) -> &'static str {
        match self {
            TimeError::InvalidDate => "time.invalid_date",
            TimeError::InvalidInstant => "time.invalid_instant",
            TimeError::MissingOffset => "time.missing_offset",
            TimeError::InvalidOffset => "time.invalid_offset",
            TimeError::InvalidMonth => "time.invalid_month",
            TimeError::OutOfRange => "time.out_of_range",
        }
    }
}

/// Checks that a date lies in the supported range.
///
/// # Errors
/// [`TimeError::OutOfRange`] outside [`MIN_DATE`]..=[`MAX_DATE`].
pub fn check_date(date: NaiveDate) -> Result<NaiveDate, TimeError> {
    if (MIN_DATE..=MAX_DATE).contains(&date) {
        Ok(date)
    } else {
        Err(TimeError::OutOfRange)
    }
}

/// The number a field of ASCII digits spells (one to nine digits), or `None` for an empty
/// field, a longer one or any other byte. Every fixed-width field the library reads (dates,
/// months, offsets, clock times, ledger timestamps) goes through here: a multi-byte
/// character where a digit belongs is simply not a digit.
#[inline]
pub(crate) fn ascii_number(field: &[u8]) -> Option<u32> {
    if field.is_empty() || field.len() > 9 {
        return None;
    }
    field.iter().try_fold(0u32, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

/// Reads a `YYYY-MM-DD` date (exactly that form, four-digit year).
///
/// ```
/// use complaint_office::time::parse_date;
/// assert_eq!(parse_date("2024-02-29").unwrap().to_string(), "2024-02-29");
/// assert_eq!(parse_date("2023-02-29").unwrap_err().to_string(),
///            "invalid date: expected an existing calendar day as YYYY-MM-DD");
/// ```
///
/// # Errors
/// [`TimeError::InvalidDate`] for anything else, [`TimeError::OutOfRange`] outside the
/// supported years.
pub fn parse_date(text: &str) -> Result<NaiveDate, TimeError> {
    // Read the digits directly: chrono's format-string parser gives the same result but costs
    // microseconds per call in WebAssembly, where this is a hot path.
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *text.as_bytes() else {
        return Err(TimeError::InvalidDate);
    };
    let (Some(year), Some(month), Some(day)) = (
        ascii_number(&[y1, y2, y3, y4]),
        ascii_number(&[m1, m2]),
        ascii_number(&[d1, d2]),
    ) else {
        return Err(TimeError::InvalidDate);
    };
    let year = i32::try_from(year).map_err(|_| TimeError::InvalidDate)?;
    let date = NaiveDate::from_ymd_opt(year, month, day).ok_or(TimeError::InvalidDate)?;
    check_date(date)
}

/// Reads an RFC 3339 instant. A space instead of `T` is accepted; an offset is required.
///
/// ```
/// use complaint_office::time::parse_instant;
/// let at = parse_instant("2023-05-31T17:30:00Z").unwrap();
/// assert_eq!(at.to_rfc3339(), "2023-05-31T17:30:00+00:00");
/// ```
///
/// # Errors
/// [`TimeError::MissingOffset`] for a local time without an offset,
/// [`TimeError::InvalidInstant`] for anything else that is not RFC 3339,
/// [`TimeError::OutOfRange`] outside the supported years,
/// [`TimeError::InvalidOffset`] for an offset with seconds (`-00:44:30`, which RFC 3339 cannot
/// carry and `java.time` writes): refused, never rounded.
pub fn parse_instant(text: &str) -> Result<Instant, TimeError> {
    match DateTime::parse_from_rfc3339(text) {
        Ok(at) => {
            check_date(at.date_naive())?;
            Ok(at)
        }
        Err(_) => {
            let local = text.replacen(' ', "T", 1);
            if is_local_date_time(&local) {
                Err(TimeError::MissingOffset)
            } else if has_offset_with_seconds(&local) {
                Err(TimeError::InvalidOffset)
            } else {
                Err(TimeError::InvalidInstant)
            }
        }
    }
}

/// Whether `text` is a local date-time followed by an offset `±HH:MM:SS`.
fn has_offset_with_seconds(text: &str) -> bool {
    let bytes = text.as_bytes();
    let Some(split) = bytes.len().checked_sub(9) else {
        return false;
    };
    let (local, offset) = bytes.split_at(split);
    let offset_ok = matches!(
        offset,
        [b'+' | b'-', h1, h2, b':', m1, m2, b':', s1, s2]
            if [h1, h2, m1, m2, s1, s2].iter().all(|b| b.is_ascii_digit())
    );
    offset_ok && std::str::from_utf8(local).is_ok_and(is_local_date_time)
}

/// `%Y-%m-%dT%H:%M:%S%.f` as chrono's parser items, written out: the format string's own
/// parser is code the WebAssembly package would carry for these two checks (a test holds the
/// items to the format string's).
const LOCAL_DATE_TIME: &[chrono::format::Item<'static>] = {
    use chrono::format::{Fixed, Item, Numeric, Pad};
    &[
        Item::Numeric(Numeric::Year, Pad::Zero),
        Item::Literal("-"),
        Item::Numeric(Numeric::Month, Pad::Zero),
        Item::Literal("-"),
        Item::Numeric(Numeric::Day, Pad::Zero),
        Item::Literal("T"),
        Item::Numeric(Numeric::Hour, Pad::Zero),
        Item::Literal(":"),
        Item::Numeric(Numeric::Minute, Pad::Zero),
        Item::Literal(":"),
        Item::Numeric(Numeric::Second, Pad::Zero),
        Item::Fixed(Fixed::Nanosecond),
    ]
};

/// Whether `text` is a local date-time without offset, as
/// `NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")` reads one.
fn is_local_date_time(text: &str) -> bool {
    let mut parsed = chrono::format::Parsed::new();
    chrono::format::parse(&mut parsed, text, LOCAL_DATE_TIME.iter()).is_ok()
        && parsed.to_naive_datetime_with_offset(0).is_ok()
}

/// The offset of `seconds` east of UTC, as a host's time zone reports it (Python's
/// `utcoffset()`, `java.time.ZoneOffset`).
///
/// # Errors
/// [`TimeError::InvalidOffset`] for an offset that is not whole minutes — `-00:44:30`, Liberia's
/// until 1972 — or is a day or more: refused, never rounded, since rounding the offset and
/// keeping the local time would move the instant.
pub fn offset_from_seconds(seconds: i64) -> Result<FixedOffset, TimeError> {
    if seconds % 60 != 0 {
        return Err(TimeError::InvalidOffset);
    }
    i32::try_from(seconds)
        .ok()
        .and_then(FixedOffset::east_opt)
        .ok_or(TimeError::InvalidOffset)
}

/// Checks that an offset is whole minutes (see [`offset_from_seconds`]).
///
/// # Errors
/// [`TimeError::InvalidOffset`] for a sub-minute offset.
pub fn check_offset(offset: FixedOffset) -> Result<FixedOffset, TimeError> {
    offset_from_seconds(i64::from(offset.local_minus_utc()))
}

/// Writes an instant as RFC 3339, seconds precision unless it has a fraction.
pub fn format_instant(at: &Instant) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false)
}

/// Reads a UTC offset: `+08:00`, `-05:30`, `+0800` or `Z`.
///
/// # Errors
/// [`TimeError::InvalidOffset`] for anything else, including `+25:00`.
pub fn parse_offset(text: &str) -> Result<FixedOffset, TimeError> {
    if text == "Z" || text == "z" {
        return FixedOffset::east_opt(0).ok_or(TimeError::InvalidOffset);
    }
    // Bytes, not string slices: a multi-byte character where a digit belongs must be an
    // error, not a slice through the middle of a character.
    let (sign, rest) = match text.as_bytes().split_first() {
        Some((b'+', rest)) => (1, rest),
        Some((b'-', rest)) => (-1, rest),
        _ => return Err(TimeError::InvalidOffset),
    };
    let (h, m) = match *rest {
        [h1, h2, b':', m1, m2] | [h1, h2, m1, m2] => (
            ascii_number(&[h1, h2]).ok_or(TimeError::InvalidOffset)?,
            ascii_number(&[m1, m2]).ok_or(TimeError::InvalidOffset)?,
        ),
        _ => return Err(TimeError::InvalidOffset),
    };
    if h > 23 || m > 59 {
        return Err(TimeError::InvalidOffset);
    }
    let seconds = i32::try_from(h * 3600 + m * 60).map_err(|_| TimeError::InvalidOffset)?;
    FixedOffset::east_opt(sign * seconds).ok_or(TimeError::InvalidOffset)
}

/// Writes an offset as `+08:00`.
pub fn format_offset(offset: FixedOffset) -> String {
    let secs = offset.local_minus_utc();
    let sign = if secs < 0 { '-' } else { '+' };
    let secs = secs.unsigned_abs();
    format!("{sign}{:02}:{:02}", secs / 3600, secs / 60 % 60)
}

/// The instant seen in office time.
pub fn in_office(at: Instant, office: FixedOffset) -> Instant {
    at.with_timezone(&office)
}

/// The office date an instant falls on.
pub fn office_date(at: Instant, office: FixedOffset) -> NaiveDate {
    in_office(at, office).date_naive()
}

/// Midnight at the start of `date`, in office time.
pub(crate) fn start_of_day(date: NaiveDate, office: FixedOffset) -> Instant {
    at_time(date, NaiveTime::MIN, office)
}

/// `date` at `time` in office time.
pub(crate) fn at_time(date: NaiveDate, time: NaiveTime, office: FixedOffset) -> Instant {
    let naive = date.and_time(time);
    DateTime::from_naive_utc_and_offset(naive - office, office)
}

/// The instant `seconds` after midnight of `date`, in `office` time (seconds past 86,399 run
/// into the next day).
pub fn at_office_time(date: NaiveDate, seconds: u32, office: FixedOffset) -> Instant {
    start_of_day(date, office) + chrono::Duration::seconds(i64::from(seconds))
}

/// Seconds since midnight, for office-hour arithmetic.
pub(crate) fn seconds_of_day(at: &Instant) -> u32 {
    at.num_seconds_from_midnight()
}

/// A calendar month, `2023-05`: the unit of complaint numbering (§2.2.3) and of monthly reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct YearMonth {
    year: i32,
    month: u32,
}

impl YearMonth {
    /// The month `month` (1–12) of `year`.
    ///
    /// # Errors
    /// [`TimeError::InvalidMonth`] for a month outside 1–12, [`TimeError::OutOfRange`] for a
    /// year outside the supported range.
    pub fn new(year: i32, month: u32) -> Result<Self, TimeError> {
        if !(1..=12).contains(&month) {
            return Err(TimeError::InvalidMonth);
        }
        if !(MIN_DATE.year()..=MAX_DATE.year()).contains(&year) {
            return Err(TimeError::OutOfRange);
        }
        Ok(YearMonth { year, month })
    }

    /// The month a date is in.
    pub fn of(date: NaiveDate) -> Self {
        YearMonth {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The office month an instant falls in.
    pub fn of_instant(at: Instant, office: FixedOffset) -> Self {
        Self::of(office_date(at, office))
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        self.month
    }

    /// The first day of the month.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(MIN_DATE)
    }

    /// The month after this one.
    pub fn succ(self) -> Self {
        if self.month == 12 {
            YearMonth {
                year: self.year + 1,
                month: 1,
            }
        } else {
            YearMonth {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// The month before this one.
    pub fn pred(self) -> Self {
        if self.month == 1 {
            YearMonth {
                year: self.year - 1,
                month: 12,
            }
        } else {
            YearMonth {
                year: self.year,
                month: self.month - 1,
            }
        }
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for YearMonth {
    type Err = TimeError;

    fn from_str(text: &str) -> Result<Self, TimeError> {
        let [y1, y2, y3, y4, b'-', m1, m2] = *text.as_bytes() else {
            return Err(TimeError::InvalidMonth);
        };
        let (Some(year), Some(month)) = (ascii_number(&[y1, y2, y3, y4]), ascii_number(&[m1, m2]))
        else {
            return Err(TimeError::InvalidMonth);
        };
        YearMonth::new(
            i32::try_from(year).map_err(|_| TimeError::InvalidMonth)?,
            month,
        )
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Serde for office offsets as `+08:00` strings.
pub mod offset_serde {
    use chrono::FixedOffset;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes `+08:00`.
    pub fn serialize<S: Serializer>(offset: &FixedOffset, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::format_offset(*offset))
    }

    /// Reads `+08:00`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<FixedOffset, D::Error> {
        let text = String::deserialize(d)?;
        super::parse_offset(&text).map_err(serde::de::Error::custom)
    }

    /// An optional offset: `+08:00` when set (a key left out is `None`: pair it with
    /// `serde(default, skip_serializing_if = "Option::is_none")`).
    pub mod option {
        use chrono::FixedOffset;
        use serde::{Deserializer, Serializer};

        /// Writes `+08:00`.
        pub fn serialize<S: Serializer>(
            offset: &Option<FixedOffset>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match offset {
                Some(offset) => super::serialize(offset, s),
                None => s.serialize_none(),
            }
        }

        /// Reads `+08:00`.
        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<FixedOffset>, D::Error> {
            super::deserialize(d).map(Some)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_date_time_items_are_the_format_strings() {
        let items: Vec<_> = chrono::format::StrftimeItems::new("%Y-%m-%dT%H:%M:%S%.f").collect();
        assert_eq!(items, LOCAL_DATE_TIME);
        for text in [
            "2025-09-26T10:00:00",
            "2025-9-6T1:2:3.5",
            "2025-09-26T10:00",
            "2025-09-26T10:00:60",
            "2025-02-30T10:00:00",
            "+12025-09-26T10:00:00",
            "2025-09-26t10:00:00",
            " 2025-09-26T10:00:00",
            "2025-09-26T10:00:00.123456789",
            "2025-09-26T10:00:00Z",
        ] {
            assert_eq!(
                is_local_date_time(text),
                chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f").is_ok(),
                "{text}"
            );
        }
    }

    #[test]
    fn dates_must_exist_and_be_in_range() {
        assert_eq!(parse_date("2023-02-30"), Err(TimeError::InvalidDate));
        assert_eq!(parse_date("0000-01-01"), Err(TimeError::OutOfRange));
        assert_eq!(parse_date("9999-01-01"), Err(TimeError::OutOfRange));
        assert_eq!(parse_date("2023-1-01"), Err(TimeError::InvalidDate));
        assert_eq!(parse_date(" 2023-01-01"), Err(TimeError::InvalidDate));
        assert_eq!(parse_date("２０２３-01-01"), Err(TimeError::InvalidDate));
        assert!(parse_date("2024-02-29").is_ok());
    }

    #[test]
    fn instants_need_an_offset() {
        assert_eq!(
            parse_instant("2023-05-31T17:30:00"),
            Err(TimeError::MissingOffset)
        );
        assert_eq!(
            parse_instant("2023-05-31 17:30:00"),
            Err(TimeError::MissingOffset)
        );
        assert_eq!(parse_instant("yesterday"), Err(TimeError::InvalidInstant));
        assert_eq!(
            parse_instant("2023-05-31T17:30:00+25:00"),
            Err(TimeError::InvalidInstant)
        );
        let at = parse_instant("2023-05-31T17:30:00Z").unwrap();
        let cst = parse_offset("+08:00").unwrap();
        assert_eq!(office_date(at, cst).to_string(), "2023-06-01");
        assert_eq!(YearMonth::of_instant(at, cst).to_string(), "2023-06");
    }

    #[test]
    fn offsets() {
        assert_eq!(format_offset(parse_offset("+0800").unwrap()), "+08:00");
        assert_eq!(format_offset(parse_offset("-05:30").unwrap()), "-05:30");
        assert_eq!(format_offset(parse_offset("Z").unwrap()), "+00:00");
        // "+\0䅋" was found by the fuzzer: four bytes after the sign, a character across the
        // hour/minute split.
        for bad in [
            "+25:00", "08:00", "+8:00", "+08:60", "", "+０8:00", "+\0䅋", "-0䅋", "+08:", "+",
        ] {
            assert_eq!(parse_offset(bad), Err(TimeError::InvalidOffset), "{bad}");
        }
    }

    #[test]
    fn sub_minute_offsets_are_refused_never_rounded() {
        // Monrovia kept -00:44:30 until 1972; java.time writes it with its seconds.
        for text in [
            "1971-01-01T00:00:00-00:44:30",
            "1971-01-01 00:00:00.5+00:00:30",
        ] {
            assert_eq!(parse_instant(text), Err(TimeError::InvalidOffset), "{text}");
        }
        assert_eq!(offset_from_seconds(-2670), Err(TimeError::InvalidOffset));
        assert_eq!(offset_from_seconds(30), Err(TimeError::InvalidOffset));
        assert_eq!(offset_from_seconds(86_400), Err(TimeError::InvalidOffset));
        assert_eq!(offset_from_seconds(i64::MIN), Err(TimeError::InvalidOffset));
        assert_eq!(
            offset_from_seconds(-2640).map(format_offset),
            Ok("-00:44".to_owned())
        );
        let odd = FixedOffset::west_opt(2670).unwrap();
        assert_eq!(check_offset(odd), Err(TimeError::InvalidOffset));
        let beijing = FixedOffset::east_opt(8 * 3600).unwrap();
        assert_eq!(check_offset(beijing), Ok(beijing));
        // Still an invalid instant when the rest is not a date-time.
        assert_eq!(
            parse_instant("1971-01-32T00:00:00-00:44:30"),
            Err(TimeError::InvalidInstant)
        );
    }

    #[test]
    fn instants_format_in_their_own_offset() {
        let at = parse_instant("2025-09-26T10:00:00+08:00").unwrap();
        assert_eq!(format_instant(&at), "2025-09-26T10:00:00+08:00");
        let utc = parse_instant("2025-09-26T02:00:00Z").unwrap();
        assert_eq!(format_instant(&utc), "2025-09-26T02:00:00+00:00");
    }

    #[test]
    fn months() {
        let m: YearMonth = "2023-12".parse().unwrap();
        assert_eq!(m.succ().to_string(), "2024-01");
        assert_eq!(m.succ().pred(), m);
        assert_eq!("2023-13".parse::<YearMonth>(), Err(TimeError::InvalidMonth));
    }
}
