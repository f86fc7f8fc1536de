//! Accountability (§8): responsibility findings → discipline level and sanctions.
//!
//! The investigation determines, per person or role, the **type** of responsibility (§8.1.2),
//! the **fault** and the **consequence**, and describes its nature, degree and scope in words
//! (§8.1.1). [`decide`] turns that [`Finding`] into a discipline [`Level`] with the sanctions
//! the policy offers for it (§8.2):
//!
//! * **§8.2.3** is fixed and comes first: intent or gross negligence that caused a *serious*
//!   complaint gives [`Level::Dismissal`] (termination of the labour contract, legal
//!   liability), whatever the type of responsibility. Nothing else gives dismissal.
//! * Every other combination is decided by the policy's [`DisciplineTable`] (`[discipline]`):
//!   [`Level::Light`] (§8.2.1: criticism and education, warning) or [`Level::Heavy`]
//!   (§8.2.2: fine, demotion, pay cut). The documented default is *heavy for intent; heavy
//!   for direct or primary responsibility with gross negligence or a serious consequence;
//!   light otherwise*.
//!
//! "A worse finding never gets a lighter level": [`Assessment::is_at_least_as_grave_as`] is a
//! partial order (fault intentional > gross negligence > negligence; consequence serious >
//! general; responsibility direct ≥ primary > secondary, and primary > leadership), and
//! [`DisciplineTable::validate`] rejects a table that breaks it for any comparable pair.
//! *Leadership* responsibility answers for failing to supervise, not for the act itself: the
//! person who caused the harm directly or primarily is never disciplined less than the leader
//! for the same fault and consequence; whether a lapse of supervision weighs more or less than
//! a minor share in the act is left to each company, so leadership and secondary are not
//! compared.
//!
//! ```
//! use complaint_office::accountability::{self, *};
//! use complaint_office::policy::Policy;
//!
//! let finding = Finding {
//!     subject: "E1024".into(),
//!     responsibility: Responsibility::Direct,
//!     fault: Fault::GrossNegligence,
//!     consequence: Consequence::Serious,
//!     nature: "misreported test results".into(),
//!     degree: "repeated".into(),
//!     scope: "one product line".into(),
//! };
//! let decision = accountability::decide(Policy::default().discipline(), &finding);
//! assert_eq!(decision.level, Level::Dismissal);
//! assert_eq!(decision.sanctions, [Sanction::Termination, Sanction::LegalLiability]);
//! assert_eq!(decision.clause(), "§8.2.3");
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::ErrorCode;
use crate::vocabulary::vocabulary;

mod table;

pub use table::{DisciplineRule, DisciplineTable};

vocabulary! {
    /// The type of responsibility (§8.1.2).
    pub enum Responsibility("responsibility", "accountability.unknown_responsibility") {
        /// Direct responsibility (直接責任).
        Direct = "direct",
        /// Primary responsibility (主要責任).
        Primary = "primary",
        /// Secondary responsibility (次要責任).
        Secondary = "secondary",
        /// Leadership responsibility (領導責任).
        Leadership = "leadership",
    }
}

vocabulary! {
    /// The degree of fault (§8.2.3).
    pub enum Fault("fault", "accountability.unknown_fault") {
        /// Intent (故意).
        Intentional = "intentional",
        /// Gross negligence (重大過失).
        GrossNegligence = "gross_negligence",
        /// Ordinary negligence (過失).
        Negligence = "negligence",
    }
}

vocabulary! {
    /// The consequence of the conduct (§8.2.3).
    pub enum Consequence("consequence", "accountability.unknown_consequence") {
        /// A general complaint resulted.
        General = "general",
        /// A serious complaint resulted.
        Serious = "serious",
    }
}

vocabulary! {
    /// The discipline level (§8.2), from light to dismissal (the derived order is that
    /// gravity).
    pub enum Level("discipline level", "accountability.unknown_level") {
        /// Lighter responsibility (§8.2.1).
        Light = "light",
        /// Heavier responsibility (§8.2.2).
        Heavy = "heavy",
        /// Termination and legal liability (§8.2.3).
        Dismissal = "dismissal",
    }
}

vocabulary! {
    /// A sanction the policy offers (§8.2.1–§8.2.3).
    pub enum Sanction("sanction", "accountability.unknown_sanction") {
        /// Criticism and education (批評教育).
        CriticismEducation = "criticism_education",
        /// Warning (警告).
        Warning = "warning",
        /// Fine (罰款).
        Fine = "fine",
        /// Demotion (降職).
        Demotion = "demotion",
        /// Pay cut (降薪).
        PayCut = "pay_cut",
        /// Termination of the labour contract (解除勞動合同).
        Termination = "termination",
        /// Pursuit of legal liability (追究法律責任).
        LegalLiability = "legal_liability",
    }
}

impl Responsibility {
    /// Whether this type of responsibility is at least as grave as `other`: direct ≥ primary >
    /// secondary, primary > leadership; secondary and leadership are not comparable.
    pub fn is_at_least_as_grave_as(self, other: Responsibility) -> bool {
        use Responsibility::{Direct, Leadership, Primary, Secondary};
        self == other
            || matches!(
                (self, other),
                (Direct, Primary | Secondary | Leadership) | (Primary, Secondary | Leadership)
            )
    }
}

impl Fault {
    /// Whether this fault is at least as grave as `other` (intentional > gross negligence >
    /// negligence).
    pub fn is_at_least_as_grave_as(self, other: Fault) -> bool {
        // Declared from the gravest down, so a smaller index is a graver fault.
        self <= other
    }
}

impl Consequence {
    /// Whether this consequence is at least as grave as `other` (serious > general).
    pub fn is_at_least_as_grave_as(self, other: Consequence) -> bool {
        self >= other
    }
}

impl Level {
    /// The sanctions the policy offers at this level, in the order of §8.2.
    pub fn sanctions(self) -> &'static [Sanction] {
        match self {
            Level::Light => &[Sanction::CriticismEducation, Sanction::Warning],
            Level::Heavy => &[Sanction::Fine, Sanction::Demotion, Sanction::PayCut],
            Level::Dismissal => &[Sanction::Termination, Sanction::LegalLiability],
        }
    }

    /// The clause that sets the level: `§8.2.1`, `§8.2.2` or `§8.2.3`.
    pub fn clause(self) -> &'static str {
        match self {
            Level::Light => "§8.2.1",
            Level::Heavy => "§8.2.2",
            Level::Dismissal => "§8.2.3",
        }
    }
}

impl Sanction {
    /// The level that offers this sanction.
    pub fn level(self) -> Level {
        match self {
            Sanction::CriticismEducation | Sanction::Warning => Level::Light,
            Sanction::Fine | Sanction::Demotion | Sanction::PayCut => Level::Heavy,
            Sanction::Termination | Sanction::LegalLiability => Level::Dismissal,
        }
    }
}

/// The part of a finding that decides the discipline level: type, fault and consequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// The type of responsibility.
    pub responsibility: Responsibility,
    /// The degree of fault.
    pub fault: Fault,
    /// The consequence.
    pub consequence: Consequence,
}

impl Assessment {
    /// Every combination (24), responsibility first, each vocabulary in its order.
    pub fn all() -> impl Iterator<Item = Assessment> {
        Responsibility::ALL.iter().flat_map(|&responsibility| {
            Fault::ALL.iter().flat_map(move |&fault| {
                Consequence::ALL.iter().map(move |&consequence| Assessment {
                    responsibility,
                    fault,
                    consequence,
                })
            })
        })
    }

    /// Whether §8.2.3 applies: intent or gross negligence with a serious consequence.
    pub fn calls_for_dismissal(self) -> bool {
        self.fault != Fault::Negligence && self.consequence == Consequence::Serious
    }

    /// Whether this is at least as grave as `other` in every respect (the partial order
    /// that discipline must respect).
    pub fn is_at_least_as_grave_as(self, other: Assessment) -> bool {
        self.responsibility
            .is_at_least_as_grave_as(other.responsibility)
            && self.fault.is_at_least_as_grave_as(other.fault)
            && self.consequence.is_at_least_as_grave_as(other.consequence)
    }
}

impl fmt::Display for Assessment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}/{}/{}",
            self.responsibility, self.fault, self.consequence
        )
    }
}

/// A responsibility finding of the investigation for one person or role (§8.1), part of the
/// handling plan (§4.1.1).
///
/// `subject` is a staff id or a role, never the complainant. `Debug` prints the subject and
/// the assessment but not the free text, which may quote the complaint.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// Who is responsible: a staff id or a role.
    pub subject: String,
    /// The type of responsibility (§8.1.2).
    pub responsibility: Responsibility,
    /// The degree of fault.
    pub fault: Fault,
    /// The consequence.
    pub consequence: Consequence,
    /// The nature of the responsibility, in words (§8.1.1).
    pub nature: String,
    /// Its degree, in words (§8.1.1).
    pub degree: String,
    /// Its scope, in words (§8.1.1).
    pub scope: String,
}

impl Finding {
    /// The type, fault and consequence.
    pub fn assessment(&self) -> Assessment {
        Assessment {
            responsibility: self.responsibility,
            fault: self.fault,
            consequence: self.consequence,
        }
    }

    /// Checks that the finding names its subject and states nature, degree and scope
    /// (§8.1.1).
    ///
    /// # Errors
    /// [`AccountabilityError::IncompleteFinding`] naming the first blank field.
    pub fn check(&self) -> Result<(), AccountabilityError> {
        [
            ("subject", &self.subject),
            ("nature", &self.nature),
            ("degree", &self.degree),
            ("scope", &self.scope),
        ]
        .into_iter()
        .find(|(_, text)| text.trim().is_empty())
        .map_or(Ok(()), |(field, _)| {
            Err(AccountabilityError::IncompleteFinding { field })
        })
    }
}

impl fmt::Debug for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Finding")
            .field("subject", &self.subject)
            .field("responsibility", &self.responsibility)
            .field("fault", &self.fault)
            .field("consequence", &self.consequence)
            .finish_non_exhaustive()
    }
}

/// The discipline decided for a finding: the level and the sanctions it offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// The discipline level.
    pub level: Level,
    /// The sanctions the policy offers at that level (§8.2); management picks among them.
    pub sanctions: Vec<Sanction>,
}

impl Decision {
    /// The decision for a level.
    pub fn at(level: Level) -> Self {
        Decision {
            level,
            sanctions: level.sanctions().to_vec(),
        }
    }

    /// The clause behind the level (`§8.2.1`, `§8.2.2` or `§8.2.3`).
    pub fn clause(&self) -> &'static str {
        self.level.clause()
    }
}

/// The discipline for a finding under `table` (the policy's `[discipline]`).
pub fn decide(table: &DisciplineTable, finding: &Finding) -> Decision {
    table.decide(finding.assessment())
}

/// Errors of this module.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AccountabilityError {
    /// A finding leaves a field blank.
    #[error("incomplete responsibility finding: `{field}` is blank")]
    IncompleteFinding {
        /// The blank field: `subject`, `nature`, `degree` or `scope`.
        field: &'static str,
    },
}

impl ErrorCode for AccountabilityError {
    fn code(&self) -> &'static str {
        match self {
            AccountabilityError::IncompleteFinding { .. } => "accountability.incomplete_finding",
        }
    }

    fn clause(&self) -> Option<&'static str> {
        match self {
            AccountabilityError::IncompleteFinding { .. } => Some("§8.1.1"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(r: Responsibility, f: Fault, c: Consequence) -> Finding {
        Finding {
            subject: "E1".into(),
            responsibility: r,
            fault: f,
            consequence: c,
            nature: "n".into(),
            degree: "d".into(),
            scope: "s".into(),
        }
    }

    #[test]
    fn section_8_2_3_gives_dismissal_for_every_responsibility() {
        let table = DisciplineTable::default();
        for &r in Responsibility::ALL {
            for f in [Fault::Intentional, Fault::GrossNegligence] {
                let d = decide(&table, &finding(r, f, Consequence::Serious));
                assert_eq!(d.level, Level::Dismissal);
                assert_eq!(
                    d.sanctions,
                    [Sanction::Termination, Sanction::LegalLiability]
                );
            }
        }
    }

    #[test]
    fn the_documented_default_table() {
        use Consequence::{General, Serious};
        use Fault::{GrossNegligence as G, Intentional as I, Negligence as N};
        use Level::{Heavy, Light};
        use Responsibility::{Direct, Leadership, Primary, Secondary};
        let table = DisciplineTable::default();
        let level = |r, f, c| decide(&table, &finding(r, f, c)).level;
        for r in [Direct, Primary] {
            assert_eq!(level(r, I, General), Heavy);
            assert_eq!(level(r, G, General), Heavy);
            assert_eq!(level(r, N, Serious), Heavy);
            assert_eq!(level(r, N, General), Light);
        }
        for r in [Secondary, Leadership] {
            assert_eq!(level(r, I, General), Heavy);
            assert_eq!(level(r, G, General), Light);
            assert_eq!(level(r, N, Serious), Light);
            assert_eq!(level(r, N, General), Light);
        }
    }

    #[test]
    fn gravity_is_a_partial_order() {
        let all: Vec<_> = Assessment::all().collect();
        assert_eq!(all.len(), 24);
        for &a in &all {
            assert!(a.is_at_least_as_grave_as(a));
            for &b in &all {
                if a != b && a.is_at_least_as_grave_as(b) {
                    assert!(!b.is_at_least_as_grave_as(a), "{a} {b}");
                }
                for &c in &all {
                    if a.is_at_least_as_grave_as(b) && b.is_at_least_as_grave_as(c) {
                        assert!(a.is_at_least_as_grave_as(c));
                    }
                }
            }
        }
        assert!(!Responsibility::Leadership.is_at_least_as_grave_as(Responsibility::Secondary));
        assert!(!Responsibility::Secondary.is_at_least_as_grave_as(Responsibility::Leadership));
        assert!(Fault::Intentional.is_at_least_as_grave_as(Fault::Negligence));
        assert!(!Fault::Negligence.is_at_least_as_grave_as(Fault::GrossNegligence));
    }

    #[test]
    fn sanctions_belong_to_their_level() {
        for &level in Level::ALL {
            assert!(level.sanctions().iter().all(|s| s.level() == level));
        }
        assert_eq!(
            Level::ALL
                .iter()
                .map(|l| l.sanctions().len())
                .sum::<usize>(),
            Sanction::ALL.len()
        );
    }

    #[test]
    fn findings_state_nature_degree_and_scope() {
        let mut f = finding(
            Responsibility::Primary,
            Fault::Negligence,
            Consequence::General,
        );
        assert_eq!(f.check(), Ok(()));
        f.degree = "  ".into();
        let err = f.check().unwrap_err();
        assert_eq!(err.code(), "accountability.incomplete_finding");
        assert_eq!(err.clause(), Some("§8.1.1"));
        assert_eq!(
            err.to_string(),
            "incomplete responsibility finding: `degree` is blank"
        );
    }

    #[test]
    fn debug_leaves_out_the_free_text() {
        let mut f = finding(
            Responsibility::Direct,
            Fault::Negligence,
            Consequence::General,
        );
        f.nature = "told customer 張三 at 13812345678".into();
        let debug = format!("{f:?}");
        assert!(
            !debug.contains("張三") && !debug.contains("13812345678"),
            "{debug}"
        );
        assert!(debug.contains("E1"));
    }
}
