//! §2.2.3 numbering and the duration grammar.

use complaint_office::ErrorCode;
use complaint_office::duration::{Duration, Unit};
use complaint_office::number::{ComplaintNumber, NumberSequences};
use complaint_office::time::YearMonth;
use proptest::prelude::*;

use crate::config;

pub fn number() -> impl Strategy<Value = ComplaintNumber> {
    (2000..=2099i32, 1..=12u32, 1..=9999u32)
        .prop_map(|(y, m, s)| ComplaintNumber::new(y, m, s).expect("valid parts"))
}

proptest! {
    #![proptest_config(config())]

    /// §2.2.3: a number prints and parses back to itself.
    #[test]
    fn number_round_trips(n in number()) {
        prop_assert_eq!(ComplaintNumber::parse(&n.to_string()), Ok(n));
    }

    /// §2.2.3: ordering within the century is the order of (year, month, serial), which is the
    /// order of the printed text.
    #[test]
    fn number_order_is_year_month_serial(a in number(), b in number()) {
        let key = |n: ComplaintNumber| (n.year(), n.month(), n.serial());
        prop_assert_eq!(a.cmp(&b), key(a).cmp(&key(b)));
        prop_assert_eq!(a.cmp(&b), a.to_string().cmp(&b.to_string()));
    }

    /// §2.2.3: numbers issued in one month are unique and strictly increasing, without gaps,
    /// whatever was issued before and in whichever months.
    #[test]
    fn issued_numbers_increase_without_gaps(
        before in proptest::collection::vec(number(), 0..20),
        months in proptest::collection::vec((2000..=2099i32, 1..=12u32), 1..40),
    ) {
        let mut unique = before.clone();
        unique.sort();
        unique.dedup();
        let mut seq = NumberSequences::from_issued(unique.iter().copied()).expect("no duplicates");
        let mut last: std::collections::BTreeMap<YearMonth, ComplaintNumber> = Default::default();
        for n in &unique {
            let e = last.entry(n.year_month()).or_insert(*n);
            if *n > *e { *e = *n; }
        }
        for (y, m) in months {
            let month = YearMonth::new(y, m).unwrap();
            match seq.issue(month) {
                Ok(n) => {
                    let expected = last.get(&month).map_or(1, |p| p.serial() + 1);
                    prop_assert_eq!(n.serial(), expected);
                    prop_assert_eq!(n.year_month(), month);
                    last.insert(month, n);
                }
                Err(e) => prop_assert_eq!(e.code(), "number.serial_exhausted"),
            }
        }
    }

    /// Any text either parses or gives one of the listed codes; never a panic.
    #[test]
    fn any_text_parses_or_gives_a_listed_code(text in "\\PC{0,12}|[0-9]{6,10}") {
        if let Err(e) = ComplaintNumber::parse(&text) {
            prop_assert!(["number.invalid_format", "number.invalid_month", "number.invalid_serial"].contains(&e.code()));
        }
        if let Err(e) = text.parse::<Duration>() {
            prop_assert_eq!(e.code(), "duration.invalid");
        }
    }

    /// Durations print in a form that parses back to them.
    #[test]
    fn duration_round_trips(amount in 1u32..=99_999, unit in proptest::sample::select(Unit::ALL.to_vec())) {
        let d = Duration::new(amount, unit).unwrap();
        prop_assert_eq!(d.to_string().parse::<Duration>(), Ok(d));
    }

}
