//! The names of the core's closed vocabularies, from which the Python package builds its
//! `enum.Enum` classes: one source of truth, so a Python enum can never drift from Rust.

use crate::convert::Text;
use complaint_office::calendar::{DayKind, DayReason, DecidedBy, Festival, NoticeKind, Regulation};
use complaint_office::case::{
    ActorRole, CheckResult, EventKind, EvidenceKind, FollowUpMethod, Interviewee, Satisfaction,
    SlaState, Stage, Status, TeamRole,
};
use complaint_office::duration::Unit;
use complaint_office::policy::Language;
use complaint_office::{accountability, archive, intake, office, privacy, stats, triage};
use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;

/// The names of the vocabulary `key` (`module.Class` of the Python package), in the core's order.
fn names(key: &str) -> Option<Vec<&'static str>> {
    let names: &[&str] = match key {
        "duration.Unit" => return Some(Unit::ALL.iter().map(|u| u.as_str()).collect()),
        "policy.Language" => {
            return Some(
                [Language::ZhHant, Language::ZhHans, Language::En]
                    .map(Language::tag)
                    .to_vec(),
            );
        }
        "calendar.DayKind" => DayKind::NAMES,
        "calendar.Festival" => Festival::NAMES,
        "calendar.DayReason" => DayReason::NAMES,
        "calendar.DecidedBy" => DecidedBy::NAMES,
        "calendar.Regulation" => Regulation::NAMES,
        "calendar.NoticeKind" => NoticeKind::NAMES,
        "case.EventKind" => EventKind::NAMES,
        "case.ActorRole" => ActorRole::NAMES,
        "case.TeamRole" => TeamRole::NAMES,
        "case.EvidenceKind" => EvidenceKind::NAMES,
        "case.Interviewee" => Interviewee::NAMES,
        "case.Satisfaction" => Satisfaction::NAMES,
        "case.FollowUpMethod" => FollowUpMethod::NAMES,
        "case.Status" => Status::NAMES,
        "case.Stage" => Stage::NAMES,
        "case.SlaState" => SlaState::NAMES,
        "case.CheckResult" => CheckResult::NAMES,
        "intake.Channel" => intake::Channel::NAMES,
        "intake.ComplainantKind" => intake::ComplainantKind::NAMES,
        "intake.Field" => intake::Field::NAMES,
        "intake.ContactKind" => intake::ContactKind::NAMES,
        "intake.ReceivedFrom" => intake::ReceivedFrom::NAMES,
        "intake.MailPart" => intake::MailPart::NAMES,
        "intake.EmailFindingCode" => intake::EmailFindingCode::NAMES,
        "office.Actor" => office::Actor::NAMES,
        "stats.Granularity" => stats::Granularity::NAMES,
        "stats.Outcome" => stats::Outcome::NAMES,
        "stats.MeasuredStage" => stats::MeasuredStage::NAMES,
        "triage.Severity" => triage::Severity::NAMES,
        "triage.Urgency" => triage::Urgency::NAMES,
        "triage.Complexity" => triage::Complexity::NAMES,
        "triage.Track" => triage::Track::NAMES,
        "accountability.Responsibility" => accountability::Responsibility::NAMES,
        "accountability.Fault" => accountability::Fault::NAMES,
        "accountability.Consequence" => accountability::Consequence::NAMES,
        "accountability.Level" => accountability::Level::NAMES,
        "accountability.Sanction" => accountability::Sanction::NAMES,
        "archive.Document" => archive::Document::NAMES,
        "archive.SweepStatus" => archive::SweepStatus::NAMES,
        "archive.Refusal" => {
            return Some(archive::Refusal::ALL.iter().map(|r| r.code()).collect());
        }
        "privacy.MaskKind" => privacy::MaskKind::NAMES,
        "privacy.Role" => privacy::Role::NAMES,
        "privacy.Field" => privacy::Field::NAMES,
        "privacy.Visibility" => privacy::Visibility::NAMES,
        _ => return None,
    };
    Some(names.to_vec())
}

/// The core's names of a vocabulary, for the Python enums.
#[pyfunction]
fn _vocabulary(key: Text) -> PyResult<Vec<&'static str>> {
    crate::guard(|| names(&key).ok_or_else(|| PyKeyError::new_err(key.0.clone())))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_vocabulary, m)?)?;
    Ok(())
}
