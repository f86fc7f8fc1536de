//! The queue order (§2.2.4): emergencies first, then priority, then age.

use std::fmt;

use chrono::{DateTime, Datelike, Timelike};

use super::Assessment;
use crate::time::Instant;

/// A complaint's place in the queue. Keys compare in queue order: emergencies first, then the
/// smaller priority number, then the earlier receipt (compared as instants, whatever their
/// offsets).
///
/// [`Self::sort_key`] writes the key as text that sorts bytewise in the same order, for
/// languages, databases and spreadsheets that sort strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QueueKey {
    // Field order is the queue order; `false` sorts first, so this reads "not an emergency".
    routine: bool,
    priority: u8,
    seconds: i64,
    // Capped at 999,999,999 (chrono keeps leap seconds above it) so that the text key and the
    // comparison agree.
    nanos: u32,
}

impl QueueKey {
    /// The key of a complaint assessed as `assessment` and received at `received_at`.
    pub fn new(assessment: &Assessment, received_at: Instant) -> Self {
        QueueKey {
            routine: !assessment.emergency,
            priority: assessment.priority,
            seconds: received_at.timestamp(),
            nanos: received_at.timestamp_subsec_nanos().min(999_999_999),
        }
    }

    /// Whether the complaint is in the emergency procedure.
    pub fn emergency(&self) -> bool {
        !self.routine
    }

    /// The priority, 1 first.
    pub fn priority(&self) -> u8 {
        self.priority
    }

    /// The key as text that sorts bytewise in queue order:
    /// `E` (emergency) or `N`, the two-digit priority, `-`, and the receipt instant in UTC as
    /// `YYYYMMDDTHHMMSS.nnnnnnnnnZ`. For instants in the library's years (1900–2999).
    ///
    /// ```
    /// use complaint_office::triage::{Assessment, QueueKey, Track};
    /// use complaint_office::time::parse_instant;
    /// let a = Assessment { emergency: false, track: Track::General, priority: 6 };
    /// let key = QueueKey::new(&a, parse_instant("2023-05-31T17:30:00.5Z").unwrap());
    /// assert_eq!(key.sort_key(), "N06-20230531T173000.500000000Z");
    /// ```
    pub fn sort_key(&self) -> String {
        // Written digit by digit: a worklist formats one key per open case, and `format!`
        // cost ten times as much.
        let mark = if self.routine { 'N' } else { 'E' };
        let mut key = String::with_capacity(31);
        key.push(mark);
        push_digits(&mut key, u32::from(self.priority), 2);
        key.push('-');
        // Not reachable from an `Instant`, whose range chrono shares: the mark and priority.
        let Some(t) = DateTime::from_timestamp(self.seconds, self.nanos) else {
            return key;
        };
        // A year before 0 keeps its sign, as `{:04}` writes it.
        if t.year() < 0 {
            key.push('-');
            push_digits(&mut key, t.year().unsigned_abs(), 3);
        } else {
            push_digits(&mut key, t.year().unsigned_abs(), 4);
        }
        push_digits(&mut key, t.month(), 2);
        push_digits(&mut key, t.day(), 2);
        key.push('T');
        push_digits(&mut key, t.hour(), 2);
        push_digits(&mut key, t.minute(), 2);
        push_digits(&mut key, t.second(), 2);
        key.push('.');
        push_digits(&mut key, self.nanos, 9);
        key.push('Z');
        key
    }
}

/// The key as its [`sort_key`](QueueKey::sort_key) text.
impl fmt::Display for QueueKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.sort_key())
    }
}

/// A key equals its [`sort_key`](QueueKey::sort_key) text (as `http`'s `Method` equals
/// `"GET"`): a worklist entry's key compares with the text a host stored.
///
/// ```
/// use complaint_office::triage::{Assessment, QueueKey, Track};
/// use complaint_office::time::parse_instant;
/// let a = Assessment { emergency: true, track: Track::Major, priority: 1 };
/// let key = QueueKey::new(&a, parse_instant("2025-09-26T11:00:00+08:00").unwrap());
/// assert_eq!(key, "E01-20250926T030000.000000000Z");
/// assert_eq!(key.to_string(), "E01-20250926T030000.000000000Z");
/// ```
impl PartialEq<str> for QueueKey {
    fn eq(&self, other: &str) -> bool {
        self.sort_key() == other
    }
}

impl PartialEq<&str> for QueueKey {
    fn eq(&self, other: &&str) -> bool {
        self.sort_key() == *other
    }
}

/// Writes `value` in decimal, zero-padded to `width` digits (as `{:0width$}` does).
fn push_digits(out: &mut String, value: u32, width: u32) {
    let mut divisor = 10u32.pow(width - 1);
    while divisor <= value / 10 {
        divisor *= 10;
    }
    while divisor > 0 {
        out.push(char::from_digit((value / divisor) % 10, 10).unwrap_or('0'));
        divisor /= 10;
    }
}

/// The queue order of some keys: the indices of `keys`, first in the queue first. Equal keys
/// keep their input order.
pub fn queue_order(keys: &[QueueKey]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by_key(|&i| keys.get(i).copied());
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_instant;
    use crate::triage::Track;

    fn key(emergency: bool, priority: u8, at: &str) -> QueueKey {
        let a = Assessment {
            emergency,
            track: Track::General,
            priority,
        };
        QueueKey::new(&a, parse_instant(at).unwrap())
    }

    /// The key as `format!` wrote it before it was written digit by digit.
    fn formatted(key: &QueueKey) -> String {
        let mark = if key.routine { 'N' } else { 'E' };
        let t = DateTime::from_timestamp(key.seconds, key.nanos).unwrap();
        format!(
            "{mark}{:02}-{:04}{:02}{:02}T{:02}{:02}{:02}.{:09}Z",
            key.priority,
            t.year(),
            t.month(),
            t.day(),
            t.hour(),
            t.minute(),
            t.second(),
            key.nanos,
        )
    }

    #[test]
    fn sort_key_is_written_as_format_would() {
        // From the year -90 (chrono's range, below what an `Instant` is parsed from) to 9999.
        let mut seconds = -65_000_000_000i64;
        let max = 253_402_300_799i64; // 9999-12-31T23:59:59Z
        let mut priority = 0u8;
        let mut nanos = 0u32;
        while seconds < max {
            for emergency in [false, true] {
                let k = QueueKey {
                    routine: !emergency,
                    priority,
                    seconds,
                    nanos,
                };
                assert_eq!(k.sort_key(), formatted(&k));
            }
            seconds += 86_399 * 37 + 1_234;
            priority = priority.wrapping_add(7);
            nanos = (nanos + 123_456_789) % 1_000_000_000;
        }
    }

    #[test]
    fn emergency_then_priority_then_age() {
        let keys = [
            key(false, 3, "2025-01-01T09:00:00+08:00"),
            key(true, 2, "2025-01-02T09:00:00+08:00"),
            key(false, 3, "2025-01-01T00:59:59Z"),
            key(true, 1, "2025-01-03T09:00:00+08:00"),
            key(false, 3, "2025-01-01T01:00:00Z"),
        ];
        // 09:00+08:00 is 01:00Z: equal to the last key, which keeps its later place.
        assert_eq!(queue_order(&keys), [3, 1, 2, 0, 4]);
        let mut texts: Vec<String> = keys.iter().map(QueueKey::sort_key).collect();
        let by_text = {
            let mut idx: Vec<usize> = (0..keys.len()).collect();
            idx.sort_by(|&a, &b| texts[a].cmp(&texts[b]));
            idx
        };
        assert_eq!(by_text, [3, 1, 2, 0, 4]);
        texts.sort();
        assert_eq!(texts[0], "E01-20250103T010000.000000000Z");
    }

    #[test]
    fn leap_seconds_keep_the_text_and_the_order_in_step() {
        let leap = key(false, 6, "2016-12-31T23:59:60.5Z");
        let before = key(false, 6, "2016-12-31T23:59:59.999999999Z");
        assert!(before <= leap);
        assert!(before.sort_key() <= leap.sort_key());
    }
}
