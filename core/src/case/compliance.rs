//! The compliance report: every rule of the policy checked for one case, with its clause.
//!
//! Hard rules are enforced when events are applied, so a case that exists passes them; the
//! report records them so that an auditor sees every clause. Soft rules ("generally", §3.1)
//! give *findings*; missed time limits give *violations* of the stage's clause and of
//! timeliness (§1.3.2).

use serde::Serialize;

use super::payload::{EvidenceKind, Satisfaction, TeamRole};
use super::schedule::{SlaState, Stage};
use super::{Case, Status};
use crate::time::Instant;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// The outcome of one check.
    pub enum CheckResult("check result", "case.unknown_check_result") {
        /// The rule is met.
        Pass = "pass",
        /// A soft rule is not followed, or something an auditor should look at.
        Finding = "finding",
        /// A rule is broken (a time limit missed).
        Violation = "violation",
        /// The case has not reached the rule yet.
        Pending = "pending",
        /// The rule does not apply to this case.
        NotApplicable = "not_applicable",
    }
}

/// One rule checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    /// A stable id of the rule, like `plan_on_time`.
    pub rule: &'static str,
    /// The clause.
    pub clause: &'static str,
    /// The outcome.
    pub result: CheckResult,
    /// One English sentence (no personal data).
    pub detail: String,
}

/// Every rule checked for a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ComplianceReport {
    /// The instant the report refers to.
    pub at: Instant,
    /// The checks, in the order of the policy.
    pub checks: Vec<Check>,
}

impl ComplianceReport {
    /// Checks with a given result.
    pub fn with_result(&self, result: CheckResult) -> impl Iterator<Item = &Check> {
        self.checks.iter().filter(move |c| c.result == result)
    }

    /// The violations.
    pub fn violations(&self) -> impl Iterator<Item = &Check> {
        self.with_result(CheckResult::Violation)
    }

    /// The findings.
    pub fn findings(&self) -> impl Iterator<Item = &Check> {
        self.with_result(CheckResult::Finding)
    }

    /// A check by rule id.
    pub fn check(&self, rule: &str) -> Option<&Check> {
        self.checks.iter().find(|c| c.rule == rule)
    }
}

struct Checks(Vec<Check>);

impl Checks {
    fn add(
        &mut self,
        rule: &'static str,
        clause: &'static str,
        result: CheckResult,
        detail: impl Into<String>,
    ) {
        self.0.push(Check {
            rule,
            clause,
            result,
            detail: detail.into(),
        });
    }
}

pub(super) fn compliance(case: &Case, now: Instant) -> ComplianceReport {
    use CheckResult::*;
    let schedule = case.schedule(now);
    let mut c = Checks(Vec::new());
    let registered = case.registered_at.is_some();

    let (result, detail) = if case.intake.admissible {
        (
            Pass,
            "the complaint came through an admissible channel".to_owned(),
        )
    } else {
        let rules: Vec<&str> = case
            .intake
            .violations
            .iter()
            .filter(|v| v.bars_admission())
            .map(|v| v.code())
            .collect();
        (
            Violation,
            format!("not admissible through its channel: {}", rules.join(", ")),
        )
    };
    c.add("channel_admissible", "§2.1", result, detail);

    c.add(
        "registration_record",
        "§2.2.1",
        if registered { Pass } else { Pending },
        if registered {
            "registered with name, contact, time and content"
        } else {
            "not registered yet"
        },
    );

    if !case.pauses.is_empty() {
        c.add(
            "missing_information_requested",
            "§2.2.1",
            Pass,
            format!(
                "missing information requested {} time(s); the registration clock paused meanwhile",
                case.pauses.len()
            ),
        );
    }

    c.add(
        "numbered",
        "§2.2.3",
        if case.number.is_some() { Pass } else { Pending },
        match case.number {
            Some(n) => format!("complaint number {n}"),
            None => "no number yet".to_owned(),
        },
    );

    c.add(
        "classified",
        "§2.2.2",
        if case.category.is_some() {
            Pass
        } else {
            Pending
        },
        match (&case.category, &case.department) {
            (Some(cat), Some(dep)) => format!("category {cat}, department {dep}"),
            _ => "not classified yet".to_owned(),
        },
    );

    match case.assessment {
        Some(a) => {
            c.add(
                "assessed",
                "§2.2.4",
                Pass,
                format!(
                    "severity {}, urgency {}, complexity {}: track {}",
                    a.severity, a.urgency, a.complexity, a.track
                ),
            );
            c.add(
                "emergency_procedure",
                "§2.2.4",
                if a.emergency { Pass } else { NotApplicable },
                if a.emergency {
                    "urgent and severe: the emergency procedure applies and the case is handled first"
                } else {
                    "not both urgent and severe"
                },
            );
        }
        None => c.add("assessed", "§2.2.4", Pending, "not assessed yet"),
    }

    if case.team_formed_at.is_some() {
        let missing: Vec<&str> = [
            TeamRole::DepartmentHead,
            TeamRole::TechnicalSpecialist,
            TeamRole::Legal,
        ]
        .into_iter()
        .filter(|role| !case.team.iter().any(|m| m.role == *role))
        .map(TeamRole::as_str)
        .collect();
        let (result, detail) = if missing.is_empty() {
            (
                Pass,
                "department heads, technical specialists and legal staff on the team".to_owned(),
            )
        } else {
            (
                Finding,
                format!(
                    "the team generally includes, but lacks: {}",
                    missing.join(", ")
                ),
            )
        };
        c.add("team_composition", "§3.1", result, detail);
    } else {
        c.add(
            "team_composition",
            "§3.1",
            Pending,
            "no investigation team yet",
        );
    }

    let first_plan = case.plan_submitted.first().copied();
    let planned_in_time = match (case.investigation_planned_at, first_plan) {
        (Some(p), Some(s)) => p <= s,
        (Some(_), None) => true,
        (None, _) => false,
    };
    let (result, detail) = match (planned_in_time, first_plan) {
        (true, _) => (
            Pass,
            "written investigation plan with steps, time points and owners",
        ),
        (false, Some(_)) => (
            Violation,
            "a handling plan was submitted without a written investigation plan",
        ),
        (false, None) if case.team_formed_at.is_some() => (Pending, "no investigation plan yet"),
        (false, None) => (Pending, "investigation not started"),
    };
    c.add("investigation_plan", "§3.3.1", result, detail);

    let evidence_before_plan = case
        .evidence
        .iter()
        .filter(|(_, at)| first_plan.is_none_or(|p| *at <= p))
        .count();
    let (result, detail) = match (evidence_before_plan, first_plan) {
        (0, Some(_)) => (
            Finding,
            "the handling plan rests on no recorded evidence".to_owned(),
        ),
        (0, None) => (Pending, "no evidence recorded yet".to_owned()),
        (n, _) => (Pass, format!("{n} piece(s) of evidence recorded")),
    };
    c.add("evidence", "§3.2", result, detail);

    let interviews = case
        .evidence
        .iter()
        .filter(|(kind, _)| *kind == EvidenceKind::Interview)
        .count();
    c.add(
        "interviews_signed",
        "§3.2.3",
        if interviews > 0 { Pass } else { NotApplicable },
        if interviews > 0 {
            format!("{interviews} interview record(s), each signed by the person interviewed")
        } else {
            "no interviews".to_owned()
        },
    );

    let first_feedback = case.rounds.iter().find_map(|r| r.fed_back);
    let informed = case
        .progress_reports
        .iter()
        .filter(|at| first_feedback.is_none_or(|f| **at <= f))
        .count();
    let (result, detail) = match (informed, first_feedback) {
        (0, Some(_)) => (
            Finding,
            "the complainant was not informed of progress before the result".to_owned(),
        ),
        (0, None) => (Pending, "no progress report yet".to_owned()),
        (n, _) => (
            Pass,
            format!("the complainant was informed of progress {n} time(s)"),
        ),
    };
    c.add("complainant_informed", "§3.3.3", result, detail);

    c.add(
        "plan_complete",
        "§4.1.1",
        if first_plan.is_some() { Pass } else { Pending },
        if first_plan.is_some() {
            "analysis, responsibility, measures and time points"
        } else {
            "no handling plan yet"
        },
    );
    if let Some(until) = case.plan_extended_until {
        c.add(
            "plan_extension",
            "§4.1.2",
            Pass,
            format!(
                "a {} complaint, extended until {until}, within the extended limit",
                case.track()
            ),
        );
    }
    if !case.findings.is_empty() {
        let incomplete = case.findings.iter().filter(|f| f.check().is_err()).count();
        c.add(
            "responsibility_determined",
            "§8.1.1",
            if incomplete == 0 { Pass } else { Finding },
            if incomplete == 0 {
                format!(
                    "{} responsibility finding(s) with nature, degree and scope",
                    case.findings.len()
                )
            } else {
                format!("{incomplete} responsibility finding(s) without nature, degree or scope")
            },
        );
        let levels: Vec<String> = case
            .decisions()
            .iter()
            .map(|(f, d)| format!("{} {}: {}", f.responsibility, f.fault, d.level))
            .collect();
        c.add("discipline_decided", "§8.2", Pass, levels.join("; "));
    }
    let returns = case.plan_returned.len();
    let (result, detail) = match (case.approved_at, case.status) {
        (Some(_), _) => (
            Pass,
            format!("approved by management after {returns} return(s) for modification"),
        ),
        (None, Status::PlanReturned) => (
            Pending,
            format!("returned for modification {returns} time(s)"),
        ),
        (None, _) => (Pending, "not approved yet".to_owned()),
    };
    c.add("plan_approved_by_management", "§4.2", result, detail);

    for stage in &schedule.stages {
        let rule = match stage.stage {
            Stage::Registration => "registration_on_time",
            Stage::Plan => "plan_on_time",
            Stage::Feedback => "feedback_on_time",
            Stage::Rehandling => "rehandling_on_time",
            Stage::FollowUp => "follow_up_on_time",
        };
        let (result, detail) = match stage.state {
            SlaState::Met => (
                Pass,
                match stage.extended_until {
                    Some(until) => {
                        format!("{} met within its extension until {until}", stage.stage)
                    }
                    None => format!("{} met within {}", stage.stage, stage.duration),
                },
            ),
            SlaState::MetLate => (
                Violation,
                format!(
                    "{} met {} working day(s) late (limit {})",
                    stage.stage,
                    stage.late_working_days.unwrap_or(0),
                    stage.duration
                ),
            ),
            SlaState::Overdue => (
                Violation,
                format!(
                    "{} overdue by {} working day(s) (limit {})",
                    stage.stage,
                    stage.late_working_days.unwrap_or(0),
                    stage.duration
                ),
            ),
            SlaState::Pending | SlaState::Paused | SlaState::Open | SlaState::DueSoon => (
                Pending,
                match stage.last_day {
                    Some(day) => {
                        format!("{} due by the end of {day} ({})", stage.stage, stage.state)
                    }
                    None => format!("{} ({})", stage.stage, stage.state),
                },
            ),
        };
        c.add(rule, stage.clause, result, detail);
    }

    for (i, round) in case.rounds.iter().enumerate() {
        if round.fed_back.is_none() {
            continue;
        }
        let (result, detail) = match round.satisfaction {
            Some(Satisfaction::Unknown) | None => (
                Finding,
                format!(
                    "round {i}: the written result report does not state the complainant's satisfaction"
                ),
            ),
            Some(s) => (
                Pass,
                format!("round {i}: written result report, complainant {s}"),
            ),
        };
        c.add("result_report", "§4.4.2", result, detail);
    }

    if !case.objections.is_empty() {
        let handled = case
            .rounds
            .iter()
            .filter(|r| r.rehandling && r.completed.is_some())
            .count();
        let open = case.objections.len() > handled;
        c.add(
            "objection_handled_again",
            "§5.1.2",
            if open { Pending } else { Pass },
            format!(
                "{} objection(s), {handled} re-handled",
                case.objections.len()
            ),
        );
    }

    for visit in &case.follow_ups {
        let (result, detail) = if visit.satisfaction == Satisfaction::Unknown {
            (Finding, "the follow-up visit did not record satisfaction")
        } else if !visit.suggestions {
            (Pass, "satisfaction recorded; no suggestions")
        } else {
            (Pass, "satisfaction and suggestions recorded")
        };
        c.add("follow_up_record", "§5.2.2", result, detail);
    }

    let archived = case.archived_at.is_some();
    c.add(
        "archive_complete",
        "§6.2.1",
        if archived { Pass } else { Pending },
        if archived {
            "registration form, investigation record, handling plan, result report and follow-up record filed"
        } else {
            "not archived yet"
        },
    );
    if case.destroyed_at.is_some() {
        c.add(
            "destruction_approved",
            "§6.2.2",
            Pass,
            "destroyed after the retention period, with leadership approval, without legal hold",
        );
    }

    let late: Vec<String> = schedule
        .stages
        .iter()
        .filter(|s| matches!(s.state, SlaState::Overdue | SlaState::MetLate))
        .map(|s| s.stage.to_string())
        .collect();
    c.add(
        "timeliness",
        "§1.3.2",
        if late.is_empty() { Pass } else { Violation },
        if late.is_empty() {
            "every time limit met or still running".to_owned()
        } else {
            format!("time limits missed: {}", late.join(", "))
        },
    );

    ComplianceReport {
        at: now,
        checks: c.0,
    }
}
