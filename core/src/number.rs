//! Complaint numbers (§2.2.3): two-digit year, two-digit month, four-digit serial.
//!
//! `23050001` is the first complaint of May 2023. A number is parsed once into a
//! [`ComplaintNumber`] and never re-checked; its order is the order of (year, month, serial).
//!
//! The month a complaint belongs to is decided in office time (see [`crate::time`]). Serials run
//! from 0001 to 9999 within each month with no gaps; a late registration for an earlier month
//! continues that month's sequence.
//!
//! The library never stores issued numbers. Either the host passes what it has issued
//! ([`NumberSequences::from_issued`], or [`next_number`] for one-off use), or a Rust service
//! keeps a [`NumberAllocator`] in memory. A host with a database makes allocation atomic there:
//! read the month's highest serial and insert the new number in one transaction, with a unique
//! index on the number (see `examples/sqlite_numbers.rs`; the `complaint-office-store` crate
//! does it for SQLite and PostgreSQL, in the transaction that writes the case).
//!
//! ```
//! use complaint_office::number::{ComplaintNumber, next_number_at};
//! use complaint_office::time::{parse_instant, parse_offset};
//!
//! let first: ComplaintNumber = "23050001".parse()?;
//! assert_eq!((first.year(), first.month(), first.serial()), (2023, 5, 1));
//!
//! let issued: Vec<ComplaintNumber> = ["23050001", "23050002", "23060001"]
//!     .iter().map(|n| n.parse()).collect::<Result<_, _>>()?;
//! let beijing = parse_offset("+08:00")?;
//! // 17:30 UTC on 31 May is 01:30 on 1 June in Beijing: a June complaint.
//! let at = parse_instant("2023-05-31T17:30:00Z")?;
//! assert_eq!(next_number_at(&issued, at, beijing)?.to_string(), "23060002");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::str::FromStr;
use std::sync::{Mutex, PoisonError};

use chrono::FixedOffset;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::ErrorCode;
use crate::time::{Instant, YearMonth};

const CLAUSE: &str = "§2.2.3";

/// A complaint number, `YYMMNNNN` (§2.2.3).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ComplaintNumber {
    // Field order gives the derived ordering: year, month, serial.
    year: u16,
    month: u8,
    serial: u16,
}

/// Why a complaint number could not be read, made or issued.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NumberError {
    /// Not exactly 8 ASCII digits.
    #[error("invalid complaint number: expected 8 digits YYMMNNNN")]
    InvalidFormat,
    /// The month digits are not 01–12.
    #[error("invalid complaint number: the month must be 01-12")]
    InvalidMonth,
    /// The serial is 0000 (or above 9999 when built from parts).
    #[error("invalid complaint number: the serial must be 0001-9999")]
    InvalidSerial,
    /// The month already has 9,999 complaints.
    #[error("serial exhausted: the month already has 9999 complaints")]
    SerialExhausted,
    /// The year cannot be written with two digits (2000–2099).
    #[error("year out of range: complaint numbers cover the years 2000-2099")]
    YearOutOfRange,
    /// The same number appears twice among the issued numbers.
    #[error("duplicate complaint number among the issued numbers")]
    Duplicate,
}

impl ErrorCode for NumberError {
    fn code(&self) -> &'static str {
        match self {
            NumberError::InvalidFormat => "number.invalid_format",
            NumberError::InvalidMonth => "number.invalid_month",
            NumberError::InvalidSerial => "number.invalid_serial",
            NumberError::SerialExhausted => "number.serial_exhausted",
            NumberError::YearOutOfRange => "number.year_out_of_range",
            NumberError::Duplicate => "number.duplicate",
        }
    }

    fn clause(&self) -> Option<&'static str> {
        Some(CLAUSE)
    }
}

impl ComplaintNumber {
    /// The highest serial in a month.
    pub const MAX_SERIAL: u32 = 9999;

    /// The number with these parts; `year` is the full year (2000–2099).
    ///
    /// # Errors
    /// [`NumberError::YearOutOfRange`], [`NumberError::InvalidMonth`] or
    /// [`NumberError::InvalidSerial`] for a part out of range, checked in that order.
    pub fn new(year: i32, month: u32, serial: u32) -> Result<Self, NumberError> {
        if !(2000..=2099).contains(&year) {
            return Err(NumberError::YearOutOfRange);
        }
        if !(1..=12).contains(&month) {
            return Err(NumberError::InvalidMonth);
        }
        if !(1..=Self::MAX_SERIAL).contains(&serial) {
            return Err(NumberError::InvalidSerial);
        }
        // The range checks above make these conversions lossless.
        Ok(ComplaintNumber {
            year: year as u16,
            month: month as u8,
            serial: serial as u16,
        })
    }

    /// The first number of a month.
    ///
    /// # Errors
    /// [`NumberError::YearOutOfRange`] outside 2000–2099.
    pub fn first_of(month: YearMonth) -> Result<Self, NumberError> {
        Self::new(month.year(), month.month(), 1)
    }

    /// Reads `YYMMNNNN`.
    ///
    /// # Errors
    /// [`NumberError::InvalidFormat`] unless exactly 8 ASCII digits;
    /// [`NumberError::InvalidMonth`] for a month outside 01–12; [`NumberError::InvalidSerial`]
    /// for serial 0000.
    pub fn parse(text: &str) -> Result<Self, NumberError> {
        let b = text.as_bytes();
        if b.len() != 8 || !b.iter().all(u8::is_ascii_digit) {
            return Err(NumberError::InvalidFormat);
        }
        let part = |r: std::ops::Range<usize>| {
            b[r].iter()
                .fold(0u32, |acc, &c| acc * 10 + u32::from(c - b'0'))
        };
        let year = 2000 + part(0..2) as i32;
        let (month, serial) = (part(2..4), part(4..8));
        if !(1..=12).contains(&month) {
            return Err(NumberError::InvalidMonth);
        }
        Self::new(year, month, serial)
    }

    /// The full year, 2000–2099.
    pub fn year(self) -> i32 {
        i32::from(self.year)
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    /// The serial within the month, 1–9999.
    pub fn serial(self) -> u32 {
        u32::from(self.serial)
    }

    /// The month the number belongs to.
    pub fn year_month(self) -> YearMonth {
        // Always valid: the parts were checked when the number was made.
        YearMonth::new(self.year(), self.month())
            .unwrap_or_else(|_| YearMonth::of(crate::time::MIN_DATE))
    }

    /// The next number in the same month.
    ///
    /// # Errors
    /// [`NumberError::SerialExhausted`] after 9999.
    pub fn succ(self) -> Result<Self, NumberError> {
        if self.serial() >= Self::MAX_SERIAL {
            return Err(NumberError::SerialExhausted);
        }
        Ok(ComplaintNumber {
            serial: self.serial + 1,
            ..self
        })
    }
}

impl fmt::Display for ComplaintNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:02}{:02}{:04}",
            self.year % 100,
            self.month,
            self.serial
        )
    }
}

impl fmt::Debug for ComplaintNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ComplaintNumber({self})")
    }
}

impl FromStr for ComplaintNumber {
    type Err = NumberError;

    fn from_str(text: &str) -> Result<Self, NumberError> {
        Self::parse(text)
    }
}

/// Written as its text, `YYMMNNNN`.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for ComplaintNumber {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ComplaintNumber".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "pattern": "^[0-9]{8}$" })
    }
}

impl Serialize for ComplaintNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ComplaintNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// The highest serial issued in each month: what the next number of any month is.
///
/// A plain value (not shared between threads); see [`NumberAllocator`] for that.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NumberSequences {
    last: BTreeMap<YearMonth, ComplaintNumber>,
}

impl NumberSequences {
    /// No number issued yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The sequences after the numbers already issued, in any order and any months.
    ///
    /// # Errors
    /// [`NumberError::Duplicate`] when a number appears twice: the ledger it came from is
    /// inconsistent and the host should look before issuing more.
    pub fn from_issued<I>(issued: I) -> Result<Self, NumberError>
    where
        I: IntoIterator<Item = ComplaintNumber>,
    {
        let mut seen = HashSet::new();
        let mut sequences = Self::new();
        for number in issued {
            if !seen.insert(number) {
                return Err(NumberError::Duplicate);
            }
            sequences.record(number);
        }
        Ok(sequences)
    }

    /// Notes a number issued elsewhere (a late import, a restored backup).
    pub fn record(&mut self, number: ComplaintNumber) {
        let last = self.last.entry(number.year_month()).or_insert(number);
        if number > *last {
            *last = number;
        }
    }

    /// The number the next complaint of `month` will get, without issuing it.
    ///
    /// # Errors
    /// [`NumberError::YearOutOfRange`] outside 2000–2099, [`NumberError::SerialExhausted`] when
    /// the month is full.
    pub fn peek(&self, month: YearMonth) -> Result<ComplaintNumber, NumberError> {
        match self.last.get(&month) {
            Some(last) => last.succ(),
            None => ComplaintNumber::first_of(month),
        }
    }

    /// Issues the next number of `month`.
    ///
    /// # Errors
    /// As [`Self::peek`]; nothing is issued on error.
    pub fn issue(&mut self, month: YearMonth) -> Result<ComplaintNumber, NumberError> {
        let number = self.peek(month)?;
        self.last.insert(month, number);
        Ok(number)
    }

    /// The last number issued in `month`, if any.
    pub fn last(&self, month: YearMonth) -> Option<ComplaintNumber> {
        self.last.get(&month).copied()
    }

    /// The last number issued in each month, by month (what the bindings print).
    pub fn lasts(&self) -> impl Iterator<Item = ComplaintNumber> + '_ {
        self.last.values().copied()
    }
}

/// The next number for the office month that `at` falls in, given the numbers already issued.
///
/// # Errors
/// [`NumberError::Duplicate`] for a duplicate among `issued`; otherwise as
/// [`NumberSequences::peek`].
pub fn next_number_at(
    issued: &[ComplaintNumber],
    at: Instant,
    office: FixedOffset,
) -> Result<ComplaintNumber, NumberError> {
    next_number(issued, YearMonth::of_instant(at, office))
}

/// The next number of `month`, given the numbers already issued.
///
/// # Errors
/// As [`next_number_at`].
pub fn next_number(
    issued: &[ComplaintNumber],
    month: YearMonth,
) -> Result<ComplaintNumber, NumberError> {
    NumberSequences::from_issued(issued.iter().copied())?.peek(month)
}

/// A thread-safe, in-process number allocator for Rust services: no duplicate and no gap under
/// concurrent use, strictly increasing within each month.
///
/// ```
/// use std::sync::Arc;
/// use complaint_office::number::NumberAllocator;
/// use complaint_office::time::{parse_instant, parse_offset};
///
/// let allocator = Arc::new(NumberAllocator::new(parse_offset("+08:00")?));
/// let at = parse_instant("2025-03-01T09:00:00+08:00")?;
/// let handles: Vec<_> = (0..4).map(|_| {
///     let allocator = Arc::clone(&allocator);
///     std::thread::spawn(move || allocator.allocate(at))
/// }).collect();
/// let mut numbers: Vec<String> = handles.into_iter()
///     .map(|h| h.join().unwrap().unwrap().to_string()).collect();
/// numbers.sort();
/// assert_eq!(numbers, ["25030001", "25030002", "25030003", "25030004"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct NumberAllocator {
    office: FixedOffset,
    sequences: Mutex<NumberSequences>,
}

impl NumberAllocator {
    /// An allocator for an office in `office` time, with no number issued yet.
    pub fn new(office: FixedOffset) -> Self {
        Self::with_sequences(office, NumberSequences::new())
    }

    /// An allocator that continues after `sequences` (for example
    /// [`NumberSequences::from_issued`] over the host's ledger at start-up).
    pub fn with_sequences(office: FixedOffset, sequences: NumberSequences) -> Self {
        NumberAllocator {
            office,
            sequences: Mutex::new(sequences),
        }
    }

    /// The office's offset, in which `allocate` reads the month of an instant.
    pub fn office(&self) -> FixedOffset {
        self.office
    }

    /// Issues the next number for the office month `at` falls in.
    ///
    /// # Errors
    /// As [`NumberSequences::issue`].
    pub fn allocate(&self, at: Instant) -> Result<ComplaintNumber, NumberError> {
        self.allocate_in(YearMonth::of_instant(at, self.office))
    }

    /// Issues the next number of `month` (a late registration for an earlier month continues
    /// that month's sequence).
    ///
    /// # Errors
    /// As [`NumberSequences::issue`].
    pub fn allocate_in(&self, month: YearMonth) -> Result<ComplaintNumber, NumberError> {
        self.lock().issue(month)
    }

    /// The number the next complaint received at `at` would get.
    ///
    /// # Errors
    /// As [`NumberSequences::peek`].
    pub fn peek(&self, at: Instant) -> Result<ComplaintNumber, NumberError> {
        self.lock().peek(YearMonth::of_instant(at, self.office))
    }

    /// Notes a number issued elsewhere.
    pub fn record(&self, number: ComplaintNumber) {
        self.lock().record(number);
    }

    /// A copy of the current sequences (to persist them, or to inspect).
    pub fn snapshot(&self) -> NumberSequences {
        self.lock().clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, NumberSequences> {
        // Nothing under the lock can panic, so a poisoned lock still holds consistent data.
        self.sequences
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(text: &str) -> ComplaintNumber {
        text.parse().unwrap()
    }

    #[test]
    fn parse_and_format() {
        let first = n("23050001");
        assert_eq!((first.year(), first.month(), first.serial()), (2023, 5, 1));
        assert_eq!(first.to_string(), "23050001");
        assert_eq!(n("99129999").to_string(), "99129999");
        assert_eq!(n("00010001").year(), 2000);
    }

    #[test]
    fn errors() {
        use NumberError::*;
        for (text, err) in [
            ("2305001", InvalidFormat),
            ("230500001", InvalidFormat),
            ("2305000a", InvalidFormat),
            ("２３050001", InvalidFormat),
            ("", InvalidFormat),
            ("+2305001", InvalidFormat),
            ("23130001", InvalidMonth),
            ("23000001", InvalidMonth),
            ("23050000", InvalidSerial),
        ] {
            assert_eq!(ComplaintNumber::parse(text), Err(err), "{text:?}");
        }
        assert_eq!(ComplaintNumber::new(2100, 1, 1), Err(YearOutOfRange));
        assert_eq!(ComplaintNumber::new(1999, 1, 1), Err(YearOutOfRange));
        assert_eq!(ComplaintNumber::new(2023, 5, 10_000), Err(InvalidSerial));
        assert_eq!(n("23059999").succ(), Err(SerialExhausted));
    }

    #[test]
    fn sequences_continue_each_month() {
        let issued = [n("23050001"), n("23050002"), n("23060001")];
        let mut seq = NumberSequences::from_issued(issued).unwrap();
        let may = YearMonth::new(2023, 5).unwrap();
        assert_eq!(seq.issue(may).unwrap(), n("23050003"));
        assert_eq!(seq.issue(may).unwrap(), n("23050004"));
        assert_eq!(
            seq.peek(YearMonth::new(2023, 7).unwrap()).unwrap(),
            n("23070001")
        );
        assert_eq!(
            NumberSequences::from_issued([n("23050001"), n("23050001")]),
            Err(NumberError::Duplicate)
        );
    }

    #[test]
    fn a_full_month_is_an_error_and_issues_nothing() {
        let mut seq = NumberSequences::from_issued([n("23059999")]).unwrap();
        let may = YearMonth::new(2023, 5).unwrap();
        assert_eq!(seq.issue(may), Err(NumberError::SerialExhausted));
        assert_eq!(seq.last(may), Some(n("23059999")));
    }

    #[test]
    fn debug_shows_the_number() {
        assert_eq!(format!("{:?}", n("23050001")), "ComplaintNumber(23050001)");
    }
}
