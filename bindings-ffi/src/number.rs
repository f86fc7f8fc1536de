//! Complaint numbers (§2.2.3): `YYMMNNNN`, per-month sequences and a thread-safe allocator.

use std::sync::{Arc, Mutex, PoisonError};

use complaint_office::number as core;

use crate::error::{Result, guard};
use crate::time::{OffsetDateTime, YearMonth, ZoneOffset};

/// A complaint number, `YYMMNNNN` (§2.2.3). Prints as its eight digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, uniffi::Object)]
#[uniffi::export(Debug, Display, Eq, Hash, Ord)]
pub struct ComplaintNumber(pub(crate) core::ComplaintNumber);

impl std::fmt::Display for ComplaintNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl ComplaintNumber {
    pub(crate) fn arc(n: core::ComplaintNumber) -> Arc<Self> {
        Arc::new(ComplaintNumber(n))
    }
}

/// Months and serials are small; the API has no unsigned types (Java cannot call Kotlin
/// functions that take them).
fn small(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

fn cores(numbers: &[Arc<ComplaintNumber>]) -> Vec<core::ComplaintNumber> {
    numbers.iter().map(|n| n.0).collect()
}

#[uniffi::export]
impl ComplaintNumber {
    /// The number with these parts; `year` is the full year (2000–2099).
    ///
    /// # Errors
    /// `number.year_out_of_range`, `number.invalid_month`, `number.invalid_serial`.
    #[uniffi::constructor]
    pub fn new(year: i32, month: i32, serial: i32) -> Result<Arc<Self>> {
        // Parts that cannot fit the core's types are out of range there too.
        let part = |n: i32| u32::try_from(n).unwrap_or(u32::MAX);
        guard(|| {
            Ok(Self::arc(core::ComplaintNumber::new(
                year,
                part(month),
                part(serial),
            )?))
        })
    }

    /// Reads `YYMMNNNN`.
    ///
    /// # Errors
    /// `number.invalid_format`, `number.invalid_month`, `number.invalid_serial`.
    #[uniffi::constructor]
    pub fn parse(text: String) -> Result<Arc<Self>> {
        guard(|| Ok(Self::arc(core::ComplaintNumber::parse(&text)?)))
    }

    /// The first number of a month.
    ///
    /// # Errors
    /// `number.year_out_of_range` outside 2000–2099.
    #[uniffi::constructor]
    pub fn first_of(month: YearMonth) -> Result<Arc<Self>> {
        guard(|| Ok(Self::arc(core::ComplaintNumber::first_of(month)?)))
    }

    /// The full year, 2000–2099.
    pub fn year(&self) -> i32 {
        self.0.year()
    }

    /// The month, 1–12.
    pub fn month(&self) -> i32 {
        small(self.0.month())
    }

    /// The serial within the month, 1–9999.
    pub fn serial(&self) -> i32 {
        small(self.0.serial())
    }

    /// The month the number belongs to.
    pub fn year_month(&self) -> YearMonth {
        self.0.year_month()
    }

    /// The next number in the same month.
    ///
    /// # Errors
    /// `number.serial_exhausted` after 9999.
    pub fn succ(&self) -> Result<Arc<Self>> {
        guard(|| Ok(Self::arc(self.0.succ()?)))
    }
}

/// The next number for the office month that `at` falls in, given the numbers already issued.
///
/// # Errors
/// `number.duplicate`, `number.serial_exhausted`, `number.year_out_of_range`.
#[uniffi::export]
pub fn next_number_at(
    issued: Vec<Arc<ComplaintNumber>>,
    at: OffsetDateTime,
    office: ZoneOffset,
) -> Result<Arc<ComplaintNumber>> {
    guard(|| {
        Ok(ComplaintNumber::arc(core::next_number_at(
            &cores(&issued),
            at,
            office,
        )?))
    })
}

/// The next number of `month`, given the numbers already issued.
///
/// # Errors
/// As [`next_number_at`].
#[uniffi::export]
pub fn next_number(
    issued: Vec<Arc<ComplaintNumber>>,
    month: YearMonth,
) -> Result<Arc<ComplaintNumber>> {
    guard(|| {
        Ok(ComplaintNumber::arc(core::next_number(
            &cores(&issued),
            month,
        )?))
    })
}

/// The highest serial issued in each month. A value the host keeps and persists; the binding
/// makes it safe to share between threads.
#[derive(Debug, Default, uniffi::Object)]
#[uniffi::export(Display)]
pub struct NumberSequences(Mutex<core::NumberSequences>);

impl NumberSequences {
    fn lock(&self) -> std::sync::MutexGuard<'_, core::NumberSequences> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[uniffi::export]
impl NumberSequences {
    /// No number issued yet.
    #[uniffi::constructor]
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    /// The sequences after the numbers already issued, in any order and any months.
    ///
    /// # Errors
    /// `number.duplicate` when a number appears twice.
    #[uniffi::constructor]
    pub fn from_issued(issued: Vec<Arc<ComplaintNumber>>) -> Result<Arc<Self>> {
        guard(|| {
            let sequences = core::NumberSequences::from_issued(cores(&issued))?;
            Ok(Arc::new(NumberSequences(Mutex::new(sequences))))
        })
    }

    /// Notes a number issued elsewhere.
    pub fn record(&self, number: Arc<ComplaintNumber>) {
        self.lock().record(number.0);
    }

    /// The number the next complaint of `month` will get, without issuing it.
    ///
    /// # Errors
    /// `number.year_out_of_range`, `number.serial_exhausted`.
    pub fn peek(&self, month: YearMonth) -> Result<Arc<ComplaintNumber>> {
        guard(|| Ok(ComplaintNumber::arc(self.lock().peek(month)?)))
    }

    /// Issues the next number of `month`.
    ///
    /// # Errors
    /// As [`Self::peek`]; nothing is issued on error.
    pub fn issue(&self, month: YearMonth) -> Result<Arc<ComplaintNumber>> {
        guard(|| Ok(ComplaintNumber::arc(self.lock().issue(month)?)))
    }

    /// The last number issued in `month`, if any.
    ///
    /// # Errors
    /// Only for a month out of range.
    pub fn last(&self, month: YearMonth) -> Result<Option<Arc<ComplaintNumber>>> {
        guard(|| Ok(self.lock().last(month).map(ComplaintNumber::arc)))
    }
}

/// A thread-safe number allocator: no duplicate and no gap under concurrent use.
#[derive(Debug, uniffi::Object)]
#[uniffi::export(Display)]
pub struct NumberAllocator(core::NumberAllocator);

#[uniffi::export]
impl NumberAllocator {
    /// An allocator for an office in `office` time, with no number issued yet.
    ///
    /// # Errors
    /// Only for an offset out of range.
    #[uniffi::constructor]
    pub fn new(office: ZoneOffset) -> Result<Arc<Self>> {
        guard(|| {
            Ok(Arc::new(NumberAllocator(core::NumberAllocator::new(
                office,
            ))))
        })
    }

    /// An allocator that continues after `sequences` (for example the host's ledger).
    ///
    /// # Errors
    /// Only for an offset out of range.
    #[uniffi::constructor]
    pub fn with_sequences(
        office: ZoneOffset,
        sequences: Arc<NumberSequences>,
    ) -> Result<Arc<Self>> {
        guard(|| {
            let sequences = sequences.lock().clone();
            Ok(Arc::new(NumberAllocator(
                core::NumberAllocator::with_sequences(office, sequences),
            )))
        })
    }

    /// Issues the next number for the office month `at` falls in.
    ///
    /// # Errors
    /// `number.year_out_of_range`, `number.serial_exhausted`.
    pub fn allocate(&self, at: OffsetDateTime) -> Result<Arc<ComplaintNumber>> {
        guard(|| Ok(ComplaintNumber::arc(self.0.allocate(at)?)))
    }

    /// Issues the next number of `month` (a late registration continues that month).
    ///
    /// # Errors
    /// As [`Self::allocate`].
    pub fn allocate_in(&self, month: YearMonth) -> Result<Arc<ComplaintNumber>> {
        guard(|| Ok(ComplaintNumber::arc(self.0.allocate_in(month)?)))
    }

    /// The number the next complaint received at `at` would get.
    ///
    /// # Errors
    /// As [`Self::allocate`].
    pub fn peek(&self, at: OffsetDateTime) -> Result<Arc<ComplaintNumber>> {
        guard(|| Ok(ComplaintNumber::arc(self.0.peek(at)?)))
    }

    /// Notes a number issued elsewhere.
    pub fn record(&self, number: Arc<ComplaintNumber>) {
        self.0.record(number.0);
    }

    /// A copy of the current sequences (to persist them, or to inspect).
    pub fn snapshot(&self) -> Arc<NumberSequences> {
        Arc::new(NumberSequences(Mutex::new(self.0.snapshot())))
    }
}

fn lasts(sequences: &core::NumberSequences) -> String {
    let lasts = sequences.lasts().map(|n| n.to_string()).collect::<Vec<_>>();
    lasts.join(", ")
}

/// The last number issued in each month, `NumberSequences(25080003, 25090001)`: Kotlin's
/// `toString()`.
impl std::fmt::Display for NumberSequences {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NumberSequences({})", lasts(&self.lock()))
    }
}

/// `NumberAllocator(office_offset=+08:00, last=[25090001])`: Kotlin's `toString()`.
impl std::fmt::Display for NumberAllocator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "NumberAllocator(office_offset={}, last=[{}])",
            self.0.office(),
            lasts(&self.0.snapshot())
        )
    }
}
