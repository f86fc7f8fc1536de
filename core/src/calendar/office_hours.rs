//! Office hours: `["09:00-12:00", "13:30-18:00"]`, the business time of a working day.
//!
//! When a policy sets them, a day-based period ends at close of business of its last day
//! (Civil Code art. 203 ¶2: "有業務時間的，停止業務活動的時間為截止時間"), and durations in
//! working hours count office time only.

use std::fmt;
use std::str::FromStr;

use chrono::{NaiveTime, Timelike};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::CalendarError;
use crate::time::ascii_number;

/// One stretch of office time within a day, `09:00-12:00`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OfficeInterval {
    start: u32,
    end: u32,
}

impl OfficeInterval {
    /// The interval from `start` to `end` (same day, `end` after `start`; `24:00` is written as
    /// `end = 86400` seconds).
    fn from_seconds(start: u32, end: u32) -> Result<Self, CalendarError> {
        if start < end && end <= 86_400 {
            Ok(OfficeInterval { start, end })
        } else {
            Err(CalendarError::InvalidOfficeHours)
        }
    }

    /// Opening time, seconds after midnight.
    pub fn start_seconds(self) -> u32 {
        self.start
    }

    /// Closing time, seconds after midnight (86,400 for 24:00).
    pub fn end_seconds(self) -> u32 {
        self.end
    }

    fn seconds(self) -> u32 {
        self.end - self.start
    }
}

fn parse_clock(text: &str) -> Result<u32, CalendarError> {
    let [h1, h2, b':', m1, m2] = *text.as_bytes() else {
        return Err(CalendarError::InvalidOfficeHours);
    };
    let (Some(h), Some(m)) = (ascii_number(&[h1, h2]), ascii_number(&[m1, m2])) else {
        return Err(CalendarError::InvalidOfficeHours);
    };
    if m > 59 || h > 24 || (h == 24 && m != 0) {
        return Err(CalendarError::InvalidOfficeHours);
    }
    Ok(h * 3600 + m * 60)
}

fn write_clock(f: &mut fmt::Formatter<'_>, secs: u32) -> fmt::Result {
    write!(f, "{:02}:{:02}", secs / 3600, secs / 60 % 60)
}

impl fmt::Display for OfficeInterval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_clock(f, self.start)?;
        f.write_str("-")?;
        write_clock(f, self.end)
    }
}

impl FromStr for OfficeInterval {
    type Err = CalendarError;

    fn from_str(text: &str) -> Result<Self, CalendarError> {
        let (start, end) = text
            .split_once('-')
            .ok_or(CalendarError::InvalidOfficeHours)?;
        OfficeInterval::from_seconds(parse_clock(start.trim())?, parse_clock(end.trim())?)
    }
}

impl Serialize for OfficeInterval {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for OfficeInterval {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// The office hours of every working day: ascending, non-overlapping intervals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeHours {
    intervals: Vec<OfficeInterval>,
}

impl OfficeHours {
    /// Office hours from intervals.
    ///
    /// # Errors
    /// [`CalendarError::InvalidOfficeHours`] when there are none, or they overlap or are not in
    /// ascending order.
    pub fn new(intervals: Vec<OfficeInterval>) -> Result<Self, CalendarError> {
        let ordered = intervals.windows(2).all(|w| w[0].end <= w[1].start);
        if intervals.is_empty() || !ordered {
            return Err(CalendarError::InvalidOfficeHours);
        }
        Ok(OfficeHours { intervals })
    }

    /// One interval a day, from `start` to `end` hours (`9, 18` is 09:00–18:00); `end` at
    /// most 24 and after `start`, else the whole day.
    pub(crate) fn daily(start: u32, end: u32) -> Self {
        let interval =
            OfficeInterval::from_seconds(start * 3600, end * 3600).unwrap_or(OfficeInterval {
                start: 0,
                end: 86_400,
            });
        OfficeHours {
            intervals: vec![interval],
        }
    }

    /// The intervals, in order.
    pub fn intervals(&self) -> &[OfficeInterval] {
        &self.intervals
    }

    /// Close of business: the end of the last interval.
    pub fn close_of_business(&self) -> NaiveTime {
        let end = self.intervals.last().map_or(86_400, |i| i.end);
        time_of(end)
    }

    /// Office seconds in one working day.
    pub(crate) fn seconds_per_day(&self) -> u32 {
        self.intervals.iter().map(|i| i.seconds()).sum()
    }

    /// Consumes up to `need` office seconds on one working day from `from` (seconds after
    /// midnight). Returns `Ok(end)` when the need is met at `end`, or `Err(left)` with what is
    /// still needed after the day's last interval.
    pub(crate) fn consume(&self, from: u32, need: u32) -> Result<u32, u32> {
        let mut need = need;
        for interval in &self.intervals {
            if interval.end <= from {
                continue;
            }
            let begin = interval.start.max(from);
            let available = interval.end - begin;
            if need <= available {
                return Ok(begin + need);
            }
            need -= available;
        }
        Err(need)
    }
}

/// The clock time `secs` after midnight, modulo a day: callers turn 86,400 (24:00) into the
/// next day's midnight themselves.
pub(crate) fn time_of(secs: u32) -> NaiveTime {
    NaiveTime::from_num_seconds_from_midnight_opt(secs % 86_400, 0).unwrap_or(NaiveTime::MIN)
}

/// Seconds after midnight of a clock time.
pub(crate) fn seconds_of(time: NaiveTime) -> u32 {
    time.num_seconds_from_midnight()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hours(list: &[&str]) -> Result<OfficeHours, CalendarError> {
        OfficeHours::new(list.iter().map(|s| s.parse()).collect::<Result<_, _>>()?)
    }

    #[test]
    fn parse_and_print() {
        let h = hours(&["09:00-12:00", "13:30-18:00"]).unwrap();
        assert_eq!(h.close_of_business().to_string(), "18:00:00");
        assert_eq!(h.seconds_per_day(), (3 * 60 + 270) * 60);
        assert_eq!(h.intervals()[1].to_string(), "13:30-18:00");
    }

    #[test]
    fn bad_hours() {
        for bad in [
            &["18:00-09:00"][..],
            &["09:00-12:00", "11:00-13:00"],
            &["13:00-14:00", "09:00-12:00"],
            &["9:00-12:00"],
            &["09:00-24:30"],
            &["09:60-10:00"],
            &["0900-1000"],
            &[],
        ] {
            assert!(hours(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn consume_office_time() {
        let h = hours(&["09:00-12:00", "13:30-18:00"]).unwrap();
        let at = |hh: u32, mm: u32| hh * 3600 + mm * 60;
        assert_eq!(h.consume(at(8, 0), 3600), Ok(at(10, 0)));
        assert_eq!(h.consume(at(11, 0), 2 * 3600), Ok(at(14, 30)));
        assert_eq!(h.consume(at(12, 30), 3600), Ok(at(14, 30)));
        assert_eq!(h.consume(at(17, 0), 3600), Ok(at(18, 0)));
        assert_eq!(h.consume(at(17, 0), 2 * 3600), Err(3600));
        assert_eq!(h.consume(at(19, 0), 60), Err(60));
    }
}
