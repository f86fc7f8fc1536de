//! §8 accountability: the discipline table is monotone and §8.2.3 always holds.

use complaint_office::ErrorCode;
use complaint_office::accountability::{
    self, Assessment, Consequence, DisciplineRule, DisciplineTable, Fault, Finding, Level,
    Responsibility,
};
use proptest::prelude::*;
use proptest::sample::{select, subsequence};

use crate::config;

pub fn assessment() -> impl Strategy<Value = Assessment> {
    (
        select(Responsibility::ALL),
        select(Fault::ALL),
        select(Consequence::ALL),
    )
        .prop_map(|(responsibility, fault, consequence)| Assessment {
            responsibility,
            fault,
            consequence,
        })
}

/// A list that is left out (any value) or names one or more values.
fn list<T: Clone + std::fmt::Debug + 'static>(
    all: &'static [T],
) -> impl Strategy<Value = Option<Vec<T>>> {
    prop_oneof![Just(None), subsequence(all, 1..=all.len()).prop_map(Some)]
}

fn light_or_heavy() -> impl Strategy<Value = Level> {
    select(&[Level::Light, Level::Heavy][..])
}

/// Tables of up to four rules; most are not monotone.
pub fn table() -> impl Strategy<Value = DisciplineTable> {
    let rule = (
        list(Responsibility::ALL),
        list(Fault::ALL),
        list(Consequence::ALL),
        light_or_heavy(),
    )
        .prop_map(
            |(responsibility, fault, consequence, level)| DisciplineRule {
                responsibility,
                fault,
                consequence,
                level,
            },
        );
    (light_or_heavy(), proptest::collection::vec(rule, 0..4))
        .prop_map(|(otherwise, rules)| DisciplineTable { otherwise, rules })
}

fn monotone(table: &DisciplineTable) -> bool {
    let entries = table.entries();
    entries.iter().all(|&(a, la)| {
        entries
            .iter()
            .all(|&(b, lb)| !a.is_at_least_as_grave_as(b) || la >= lb)
    })
}

proptest! {
    #![proptest_config(config())]

    /// §8.2: a table passes validation exactly when no graver finding gets a lighter level,
    /// so a validated table never gives a worse finding a lighter level.
    #[test]
    fn validation_accepts_exactly_the_monotone_tables(table in table()) {
        prop_assert_eq!(table.validate().is_ok(), monotone(&table));
        if let Err(e) = table.validate() {
            prop_assert_eq!(e.code(), "policy.contradiction");
        }
    }

    /// §8.2.3: intent or gross negligence with a serious consequence is dismissal under every
    /// table, and nothing else is.
    #[test]
    fn dismissal_is_exactly_section_8_2_3(table in table(), a in assessment()) {
        let level = table.decide(a).level;
        let s823 = a.fault != Fault::Negligence && a.consequence == Consequence::Serious;
        prop_assert_eq!(level == Level::Dismissal, s823);
    }

    /// §8.2: the sanctions offered are those of the level, and the default table is monotone
    /// for any pair of findings.
    #[test]
    fn default_decisions_are_monotone_with_their_sanctions(a in assessment(), b in assessment()) {
        let table = DisciplineTable::default();
        let (da, db) = (table.decide(a), table.decide(b));
        prop_assert_eq!(&da.sanctions[..], da.level.sanctions());
        if a.is_at_least_as_grave_as(b) {
            prop_assert!(da.level >= db.level, "{} {:?} < {} {:?}", a, da.level, b, db.level);
        }
    }

    /// §8.1.1 / §1.3.4: a finding's Debug output never carries its free text, which may quote
    /// the complaint.
    #[test]
    fn finding_debug_leaves_out_the_text(a in assessment(), nature in "[\u{4e00}-\u{9fa5}]{1,20}") {
        let finding = Finding {
            subject: "E1024".into(),
            responsibility: a.responsibility,
            fault: a.fault,
            consequence: a.consequence,
            nature: nature.clone(),
            degree: nature.clone(),
            scope: nature.clone(),
        };
        let debug = format!("{finding:?}");
        prop_assert!(!debug.contains(&nature), "{}", debug);
        prop_assert_eq!(accountability::decide(&DisciplineTable::default(), &finding).level,
                        DisciplineTable::default().level(a));
    }
}
