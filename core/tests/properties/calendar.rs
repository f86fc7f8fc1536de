//! The working-day calendar and the Civil Code's period rules (art. 201–204).

use chrono::{Days, FixedOffset, NaiveDate};
use complaint_office::calendar::Calendar;
use complaint_office::duration::{Duration, Unit};
use complaint_office::period;
use complaint_office::time::{Instant, at_office_time};
use proptest::prelude::*;

use crate::config;

/// Dates from 2000 to 2035: inside and outside the statutory data.
pub fn date() -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    (0u64..13_000).prop_map(move |d| first + Days::new(d))
}

pub fn offset() -> impl Strategy<Value = FixedOffset> {
    (-(23 * 60 + 59)..=(23 * 60 + 59)).prop_map(|m: i32| FixedOffset::east_opt(m * 60).unwrap())
}

pub fn instant() -> impl Strategy<Value = Instant> {
    (date(), 0u32..86_400, offset()).prop_map(|(d, s, o)| at_office_time(d, s, o))
}

pub fn duration() -> impl Strategy<Value = Duration> {
    prop_oneof![
        (1u32..=2000).prop_map(Duration::hours),
        (1u32..=400).prop_map(Duration::days),
        (1u32..=300).prop_map(Duration::working_days),
        (1u32..=36).prop_map(Duration::months),
        (1u32..=5).prop_map(Duration::years),
    ]
}

proptest! {
    #![proptest_config(config())]

    /// Working-day arithmetic: counting the working days to a later working day and adding
    /// them back lands on it.
    #[test]
    fn add_inverts_between(d in date(), gap in 1u64..600) {
        let cal = Calendar::cn();
        let e = cal.roll_forward(d + Days::new(gap)).unwrap();
        prop_assume!(e > d);
        let n = cal.working_days_between(d, e);
        prop_assert_eq!(cal.add_working_days(d, n).unwrap(), e);
        prop_assert!(cal.is_working_day(e));
    }

    /// Working-day counts are additive and antisymmetric.
    #[test]
    fn between_is_additive(a in date(), b in date(), c in date()) {
        let cal = Calendar::cn();
        prop_assert_eq!(
            cal.working_days_between(a, b) + cal.working_days_between(b, c),
            cal.working_days_between(a, c)
        );
        prop_assert_eq!(cal.working_days_between(a, b), -cal.working_days_between(b, a));
    }

    /// Adding working days is monotone in the start and in the count, and always lands on a
    /// working day.
    #[test]
    fn add_is_monotone(d in date(), step in 0u64..30, n in 0i64..400, k in 0i64..50) {
        let cal = Calendar::cn();
        let later = d + Days::new(step);
        let x = cal.add_working_days(d, n).unwrap();
        prop_assert!(cal.is_working_day(x));
        prop_assert!(x <= cal.add_working_days(later, n).unwrap());
        prop_assert!(x <= cal.add_working_days(d, n + k).unwrap());
    }

    /// Civil Code art. 201–203: a deadline is never before its start; a day-based period's last
    /// day is never before its naive end and is a working day.
    #[test]
    fn deadlines_are_after_start_and_on_working_days(start in instant(), duration in duration()) {
        let cal = Calendar::cn();
        let deadline = period::end(&cal, start, duration).unwrap();
        prop_assert!(deadline.due > start);
        if duration.unit().is_day_based() {
            prop_assert!(cal.is_working_day(deadline.last_day), "{}", deadline.last_day);
            let start_day = deadline.start.date_naive();
            prop_assert!(deadline.last_day > start_day);
            if duration.unit() == Unit::Days {
                prop_assert!(deadline.last_day >= start_day + Days::new(u64::from(duration.amount())));
            }
        }
    }

    /// Results never depend on the offset an instant is written in (nor on the host's zone,
    /// which the library never reads): the same moment gives the same deadline.
    #[test]
    fn deadlines_ignore_the_input_offset(start in instant(), other in offset(), duration in duration()) {
        let cal = Calendar::cn();
        let a = period::end(&cal, start, duration).unwrap();
        let b = period::end(&cal, start.with_timezone(&other), duration).unwrap();
        prop_assert_eq!(a.due, b.due);
        prop_assert_eq!(a.due.offset(), b.due.offset());
        prop_assert_eq!(a.last_day, b.last_day);
    }

    /// A later start never gives an earlier deadline.
    #[test]
    fn deadlines_are_monotone_in_the_start(start in instant(), secs in 0i64..(40 * 86_400), duration in duration()) {
        let cal = Calendar::cn();
        let later = start + chrono::Duration::seconds(secs);
        prop_assert!(period::end(&cal, start, duration).unwrap().due <= period::end(&cal, later, duration).unwrap().due);
    }
}
