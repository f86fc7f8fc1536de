//! Accountability (§8): responsibility, fault, consequence, discipline level and sanctions.

use std::sync::Arc;

use complaint_office::accountability as core;

use crate::error::{Result, guard};
use crate::policy::Policy;

pub use crate::vocabulary::{Consequence, Fault, Level, Responsibility, Sanction};

/// The part of a finding that decides the discipline level: type, fault and consequence (the
/// core's `accountability::Assessment`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct ResponsibilityAssessment {
    /// The type of responsibility.
    pub responsibility: Responsibility,
    /// The degree of fault.
    pub fault: Fault,
    /// The consequence.
    pub consequence: Consequence,
}

impl From<ResponsibilityAssessment> for core::Assessment {
    fn from(a: ResponsibilityAssessment) -> Self {
        core::Assessment {
            responsibility: a.responsibility.into(),
            fault: a.fault.into(),
            consequence: a.consequence.into(),
        }
    }
}

impl From<core::Assessment> for ResponsibilityAssessment {
    fn from(a: core::Assessment) -> Self {
        ResponsibilityAssessment {
            responsibility: a.responsibility.into(),
            fault: a.fault.into(),
            consequence: a.consequence.into(),
        }
    }
}

/// A responsibility finding of the investigation for one person or role (§8.1). Its `Debug`
/// leaves out the free text, which may quote the complaint.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug)]
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

impl std::fmt::Debug for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Finding")
            .field("subject", &self.subject)
            .field("responsibility", &self.responsibility)
            .field("fault", &self.fault)
            .field("consequence", &self.consequence)
            .finish_non_exhaustive()
    }
}

impl From<Finding> for core::Finding {
    fn from(f: Finding) -> Self {
        core::Finding {
            subject: f.subject,
            responsibility: f.responsibility.into(),
            fault: f.fault.into(),
            consequence: f.consequence.into(),
            nature: f.nature,
            degree: f.degree,
            scope: f.scope,
        }
    }
}

impl From<&core::Finding> for Finding {
    fn from(f: &core::Finding) -> Self {
        Finding {
            subject: f.subject.clone(),
            responsibility: f.responsibility.into(),
            fault: f.fault.into(),
            consequence: f.consequence.into(),
            nature: f.nature.clone(),
            degree: f.degree.clone(),
            scope: f.scope.clone(),
        }
    }
}

/// The discipline decided: the level, the sanctions it offers and the clause behind it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Decision {
    /// The discipline level.
    pub level: Level,
    /// The sanctions the policy offers at that level (§8.2); management picks among them.
    pub sanctions: Vec<Sanction>,
    /// `§8.2.1`, `§8.2.2` or `§8.2.3`.
    pub clause: String,
}

impl From<core::Decision> for Decision {
    fn from(d: core::Decision) -> Self {
        Decision {
            clause: d.clause().to_owned(),
            level: d.level.into(),
            sanctions: d.sanctions.into_iter().map(Into::into).collect(),
        }
    }
}

/// One row of the discipline table: an assessment and the level it gets.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DisciplineEntry {
    /// Type, fault and consequence.
    pub assessment: ResponsibilityAssessment,
    /// The level the policy's table gives it.
    pub level: Level,
}

/// A `[discipline]` table: the levels for findings outside §8.2.3. Immutable.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Object)]
#[uniffi::export(Debug, Eq)]
pub struct DisciplineTable(pub(crate) core::DisciplineTable);

#[uniffi::export]
impl DisciplineTable {
    /// The documented default table.
    #[uniffi::constructor]
    pub fn new() -> Arc<Self> {
        Arc::new(DisciplineTable(core::DisciplineTable::default()))
    }

    /// A table from its JSON form (`{"otherwise", "rules"}`), as a policy's `[discipline]`.
    ///
    /// # Errors
    /// `policy.invalid_value` (key `discipline`) for text that is not JSON, and the policy's
    /// codes for a table that is invalid or not monotone; `input.too_large` over 64 MiB.
    #[uniffi::constructor]
    pub fn from_json_value(json: String) -> Result<Arc<Self>> {
        crate::error::within(json.len(), complaint_office::input::MAX_TEXT_FILE_BYTES)?;
        guard(|| {
            let value: serde_json::Value = serde_json::from_str(&json).map_err(|_| {
                complaint_office::policy::PolicyError::invalid("discipline", "not JSON text")
            })?;
            let mut file = serde_json::Map::new();
            file.insert("discipline".into(), value);
            let policy = complaint_office::policy::Policy::from_json_value(file.into())?;
            Ok(Arc::new(DisciplineTable(policy.discipline().clone())))
        })
    }

    /// The decision for an assessment: level, sanctions and clause.
    pub fn decide(&self, assessment: ResponsibilityAssessment) -> Decision {
        self.0.decide(assessment.into()).into()
    }

    /// The level for an assessment.
    pub fn level(&self, assessment: ResponsibilityAssessment) -> Level {
        self.0.level(assessment.into()).into()
    }

    /// Every combination of type, fault and consequence with its level.
    pub fn entries(&self) -> Vec<DisciplineEntry> {
        entries(&self.0)
    }
}

fn entries(table: &core::DisciplineTable) -> Vec<DisciplineEntry> {
    table
        .entries()
        .into_iter()
        .map(|(assessment, level)| DisciplineEntry {
            assessment: assessment.into(),
            level: level.into(),
        })
        .collect()
}

/// The discipline for an assessment under the policy's `[discipline]` table.
///
/// # Errors
/// Only `internal.panic`.
#[uniffi::export]
pub fn decide_discipline(
    policy: Arc<Policy>,
    assessment: ResponsibilityAssessment,
) -> Result<Decision> {
    guard(|| Ok(policy.0.discipline().decide(assessment.into()).into()))
}

/// The discipline for a finding (`accountability::decide`).
///
/// # Errors
/// Only `internal.panic`.
#[uniffi::export]
pub fn decide(policy: Arc<Policy>, finding: Finding) -> Result<Decision> {
    guard(|| Ok(core::decide(policy.0.discipline(), &finding.into()).into()))
}

/// Checks that a finding names its subject and states nature, degree and scope (§8.1.1).
///
/// # Errors
/// `accountability.incomplete_finding`.
#[uniffi::export]
pub fn check_finding(finding: Finding) -> Result<()> {
    guard(|| Ok(core::Finding::from(finding).check()?))
}

/// Every combination of type, fault and consequence with its level under the policy.
///
/// # Errors
/// Only `internal.panic`.
#[uniffi::export]
pub fn discipline_table(policy: Arc<Policy>) -> Result<Vec<DisciplineEntry>> {
    guard(|| Ok(entries(policy.0.discipline())))
}
