//! The names of the core's closed vocabularies, from which the Python package builds its
//! `enum.Enum` classes: one source of truth, so a Python enum can never drift from Rust.

use complaint_office::calendar::{DayKind, Festival};
use complaint_office::case::{
    ActorRole, CheckResult, EventKind, EvidenceKind, FollowUpMethod, Interviewee, Satisfaction,
    SlaState, Stage, Status, TeamRole,
};
use complaint_office::duration::Unit;
use complaint_office::policy::Language;
use complaint_office::{accountability, archive, intake, triage};
use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;

/// The names of the vocabulary `name` (a Python enum class name), in the core's order.
fn names(name: &str) -> Option<Vec<&'static str>> {
    let names: &[&str] = match name {
        "Unit" => return Some(Unit::ALL.iter().map(|u| u.as_str()).collect()),
        "Language" => {
            return Some(
                [Language::ZhHant, Language::ZhHans, Language::En]
                    .map(Language::tag)
                    .to_vec(),
            );
        }
        "DayKind" => DayKind::NAMES,
        "Festival" => Festival::NAMES,
        "EventKind" => EventKind::NAMES,
        "ActorRole" => ActorRole::NAMES,
        "TeamRole" => TeamRole::NAMES,
        "EvidenceKind" => EvidenceKind::NAMES,
        "Interviewee" => Interviewee::NAMES,
        "Satisfaction" => Satisfaction::NAMES,
        "FollowUpMethod" => FollowUpMethod::NAMES,
        "Status" => Status::NAMES,
        "Stage" => Stage::NAMES,
        "SlaState" => SlaState::NAMES,
        "CheckResult" => CheckResult::NAMES,
        "Channel" => intake::Channel::NAMES,
        "ComplainantKind" => intake::ComplainantKind::NAMES,
        "Field" => intake::Field::NAMES,
        "Severity" => triage::Severity::NAMES,
        "Urgency" => triage::Urgency::NAMES,
        "Complexity" => triage::Complexity::NAMES,
        "Track" => triage::Track::NAMES,
        "Responsibility" => accountability::Responsibility::NAMES,
        "Fault" => accountability::Fault::NAMES,
        "Consequence" => accountability::Consequence::NAMES,
        "Level" => accountability::Level::NAMES,
        "Sanction" => accountability::Sanction::NAMES,
        "Document" => archive::Document::NAMES,
        _ => return None,
    };
    Some(names.to_vec())
}

/// The core's names of a vocabulary, for the Python enums.
#[pyfunction]
fn _vocabulary(name: &str) -> PyResult<Vec<&'static str>> {
    crate::guard(|| names(name).ok_or_else(|| PyKeyError::new_err(name.to_owned())))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_vocabulary, m)?)?;
    Ok(())
}
