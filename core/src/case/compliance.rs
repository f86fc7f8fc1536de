//! The compliance report: every rule of the policy checked for one case, with its clause.
//!
//! Hard rules are enforced when events are applied, so a case that exists passes them; the
//! report records them so that an auditor sees every clause. Soft rules ("generally", §3.1)
//! give *findings*; missed time limits give *violations* of the stage's clause and of
//! timeliness (§1.3.2), except the optional limit between progress reports (§3.3.3), whose
//! gaps are findings. A case that ended without resolution has its disposition's check, and
//! what it can no longer reach is `not_applicable`.
//!
//! One check stands on no clause: `provisional_days`, a finding when the schedule used days
//! that no published notice covers yet (the statutory holidays computed, the swaps unknown),
//! so that the office loads the new year before it relies on those deadlines.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::disposition::DispositionKind;
use super::payload::{EvidenceKind, Satisfaction, TeamRole};
use super::schedule::{SlaState, Stage, StageDeadline};
use super::{Case, Status};
use crate::time::{Instant, office_date};
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    /// A stable id of the rule, like `plan_on_time`.
    pub rule: &'static str,
    /// The clause; none for a check that stands on no clause (`provisional_days`).
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::error::ClauseText>")
    )]
    pub clause: Option<&'static str>,
    /// The outcome.
    pub result: CheckResult,
    /// One English sentence (no personal data).
    pub detail: String,
}

/// Every rule checked for a case.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ComplianceReport {
    /// The instant the report refers to.
    #[cfg_attr(feature = "schema", schemars(with = "crate::time::InstantText"))]
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
            clause: Some(clause),
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
    let ended = case.disposition.map(|d| d.kind);
    // What a case that ended without resolution can no longer reach.
    let unreached = |pending: &str| -> (CheckResult, String) {
        match ended {
            Some(kind) => (NotApplicable, format!("the case was {kind} first")),
            None => (Pending, pending.to_owned()),
        }
    };

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
    let (result, detail) = match (result, ended) {
        // Rejecting it is what the office must do with an inadmissible complaint.
        (Violation, Some(DispositionKind::Rejected)) => {
            (Pass, format!("{detail}; rejected on that ground"))
        }
        (result, _) => (result, detail),
    };
    c.add("channel_admissible", "§2.1", result, detail);

    let (result, detail) = if registered {
        (
            Pass,
            "registered with name, contact, time and content".to_owned(),
        )
    } else {
        unreached("not registered yet")
    };
    c.add("registration_record", "§2.2.1", result, detail);

    if case.information_requests > 0 {
        c.add(
            "missing_information_requested",
            "§2.2.1",
            Pass,
            format!(
                "missing information requested {} time(s); the registration clock paused {} time(s)",
                case.information_requests,
                case.pauses.len()
            ),
        );
    }

    let (result, detail) = match case.number {
        Some(n) => (Pass, format!("complaint number {n}")),
        None => unreached("no number yet"),
    };
    c.add("numbered", "§2.2.3", result, detail);

    let (result, detail) = match (&case.category, &case.department) {
        (Some(cat), Some(dep)) => (Pass, format!("category {cat}, department {dep}")),
        _ => unreached("not classified yet"),
    };
    c.add("classified", "§2.2.2", result, detail);

    match case.assessment {
        Some(a) => c.add(
            "assessed",
            "§2.2.4",
            Pass,
            format!(
                "severity {}, urgency {}, complexity {}: track {}",
                a.severity, a.urgency, a.complexity, a.track
            ),
        ),
        None => {
            let (result, detail) = unreached("not assessed yet");
            c.add("assessed", "§2.2.4", result, detail);
        }
    }
    if case.assessment.is_some() || case.emergency.since.is_some() {
        let stage = schedule
            .stages
            .iter()
            .find(|s| s.stage == Stage::EmergencyStart);
        let (result, detail) = match stage {
            None => (NotApplicable, "not both urgent and severe".to_owned()),
            Some(s) => match s.state {
                SlaState::Met => (
                    Pass,
                    format!(
                        "urgent and severe: the emergency procedure started within {}; the case is handled first",
                        s.duration
                    ),
                ),
                SlaState::Stopped if !s.is_late() => (
                    NotApplicable,
                    "re-assessed as no longer urgent and severe before the procedure was due"
                        .to_owned(),
                ),
                _ if s.is_late() => (
                    Violation,
                    format!(
                        "urgent and severe: the emergency procedure did not start within {}",
                        s.duration
                    ),
                ),
                _ => (
                    Pending,
                    format!(
                        "urgent and severe: the emergency procedure must start within {}",
                        s.duration
                    ),
                ),
            },
        };
        c.add("emergency_procedure", "§2.2.4", result, detail);
    }

    if case.team_formed_at.is_some() {
        let mut lacking: Vec<String> = [
            TeamRole::DepartmentHead,
            TeamRole::TechnicalSpecialist,
            TeamRole::Legal,
        ]
        .into_iter()
        .filter(|role| !case.team.iter().any(|m| m.role == *role))
        .map(|role| role.as_str().to_owned())
        .collect();
        let head_concerned = case.team.iter().any(|m| {
            m.role == TeamRole::DepartmentHead
                && m.department.is_some()
                && m.department == case.department
        });
        let has_head = case.team.iter().any(|m| m.role == TeamRole::DepartmentHead);
        if has_head && !head_concerned {
            lacking.push(format!(
                "a department head of the department concerned ({})",
                case.department.as_deref().unwrap_or("none")
            ));
        }
        let (result, detail) = if lacking.is_empty() {
            (
                Pass,
                "the head of the department concerned, technical specialists and legal staff on the team"
                    .to_owned(),
            )
        } else {
            (
                Finding,
                format!(
                    "the team generally includes, but lacks: {}",
                    lacking.join(", ")
                ),
            )
        };
        c.add("team_composition", "§3.1", result, detail);
    } else {
        let (result, detail) = unreached("no investigation team yet");
        c.add("team_composition", "§3.1", result, detail);
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
            "written investigation plan with steps, time points and owners".to_owned(),
        ),
        (false, Some(_)) => (
            Violation,
            "a handling plan was submitted without a written investigation plan".to_owned(),
        ),
        (false, None) if case.team_formed_at.is_some() => unreached("no investigation plan yet"),
        (false, None) => unreached("investigation not started"),
    };
    c.add("investigation_plan", "§3.3.1", result, detail);

    let before_plan = |at: &Instant| first_plan.is_none_or(|p| *at <= p);
    let evidence_before_plan = case
        .evidence
        .iter()
        .filter(|(_, at)| before_plan(at))
        .count();
    let (result, detail) = match (evidence_before_plan, first_plan) {
        (0, Some(_)) => (
            Finding,
            "the handling plan rests on no recorded evidence".to_owned(),
        ),
        (0, None) => unreached("no evidence recorded yet"),
        (n, _) => (Pass, format!("{n} piece(s) of evidence recorded")),
    };
    c.add("evidence", "§3.2", result, detail);

    if let Some(code) = &case.category {
        let needed = case
            .policy
            .classification()
            .category(code)
            .is_some_and(|cat| cat.site_inspection);
        let inspected = case
            .evidence
            .iter()
            .any(|(kind, at)| *kind == EvidenceKind::SiteInspection && before_plan(at));
        let (result, detail) = match (needed, inspected, first_plan) {
            (false, _, _) => (
                NotApplicable,
                format!("{code} complaints do not call for a site inspection"),
            ),
            (true, true, _) => (Pass, "the site was inspected".to_owned()),
            (true, false, Some(_)) => (
                Finding,
                format!("a {code} complaint: the plan was proposed without a site inspection"),
            ),
            (true, false, None) => unreached("the site is to be inspected before the plan"),
        };
        c.add("site_inspection", "§3.2.2", result, detail);
    }

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
        (0, None) => unreached("no progress report yet"),
        (n, _) => (
            Pass,
            format!("the complainant was informed of progress {n} time(s)"),
        ),
    };
    c.add("complainant_informed", "§3.3.3", result, detail);

    let (result, detail) = match first_plan {
        Some(_) => (
            Pass,
            "analysis, responsibility, measures and time points".to_owned(),
        ),
        None => unreached("no handling plan yet"),
    };
    c.add("plan_complete", "§4.1.1", result, detail);
    match (case.plan_extended_until, case.extension_lapsed) {
        (Some(until), _) => c.add(
            "plan_extension",
            "§4.1.2",
            Pass,
            format!(
                "a {} complaint, extended until {until}, within the extended limit",
                case.track()
            ),
        ),
        (None, Some((until, _))) => c.add(
            "plan_extension",
            "§4.1.2",
            NotApplicable,
            format!(
                "the extension until {until} lapsed: re-assessed as a general complaint, the plan is due at the general limit"
            ),
        ),
        (None, None) => {}
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
        (None, _) => unreached("not approved yet"),
    };
    c.add("plan_approved_by_management", "§4.2", result, detail);

    for stage in &schedule.stages {
        let rule = match stage.stage {
            Stage::EmergencyStart => continue,
            Stage::Registration => "registration_on_time",
            Stage::Plan => "plan_on_time",
            Stage::Progress => "progress_on_time",
            Stage::Implementation => "implementation_on_time",
            Stage::Feedback => "feedback_on_time",
            Stage::Rehandling => "rehandling_on_time",
            Stage::FollowUp => "follow_up_on_time",
        };
        let (result, detail) = stage_check(stage);
        // §3.3.3 says "keep the complainant informed", not by when: a long gap is a finding.
        let result = match (stage.stage, result) {
            (Stage::Progress, Violation) => Finding,
            (_, result) => result,
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

    if !case.objections.is_empty() || case.dissatisfactions > 0 || !case.reopenings.is_empty() {
        let (result, detail) = handled_again(case);
        c.add("objection_handled_again", "§5.1.2", result, detail);
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

    if let Some(d) = case.disposition {
        let (rule, detail) = match d.kind {
            DispositionKind::Rejected => (
                "rejection_reasoned",
                format!(
                    "rejected ({}), with the reason recorded",
                    d.ground.map_or("", |g| g.as_str())
                ),
            ),
            DispositionKind::Withdrawn => (
                "withdrawal_recorded",
                "withdrawn by the complainant; the record keeps how the case ended".to_owned(),
            ),
            DispositionKind::Merged => (
                "duplicate_merged",
                match d.into {
                    Some(n) => format!("a duplicate, handled under complaint number {n}"),
                    None => "a duplicate of another case".to_owned(),
                },
            ),
            DispositionKind::Lapsed => (
                "lapse_after_request",
                format!(
                    "lapsed: the missing information did not come within {} of the request",
                    case.policy.deadlines().lapse
                ),
            ),
        };
        c.add(rule, d.kind.clause(), Pass, detail);
    }

    let archived = case.archived_at.is_some();
    let required = case.required_documents();
    c.add(
        "archive_complete",
        "§6.2.1",
        if archived { Pass } else { Pending },
        if archived {
            let names: Vec<&str> = required.iter().map(|d| d.as_str()).collect();
            format!("filed with {}", names.join(", "))
        } else {
            "not archived yet".to_owned()
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
        .filter(|s| s.stage != Stage::Progress && s.is_late())
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

    if let Some(detail) = provisional_days(case, &schedule.stages) {
        c.0.push(Check {
            rule: "provisional_days",
            clause: None,
            result: Finding,
            detail,
        });
    }

    ComplianceReport {
        at: now,
        checks: c.0,
    }
}

/// What a finding says of the stages whose deadlines used days no published notice covers
/// yet; none when every deadline stands on published days.
fn provisional_days(case: &Case, stages: &[StageDeadline]) -> Option<String> {
    let mut years = BTreeSet::new();
    let mut listed = Vec::new();
    for stage in stages.iter().filter(|s| s.provisional) {
        let (Some(start), Some(last_day)) = (stage.started_at, stage.last_day) else {
            continue;
        };
        let policy = &case.policy;
        let calendar = policy
            .calendar_named(&stage.calendar)
            .unwrap_or(policy.calendar());
        let first = office_date(start, calendar.offset()).min(last_day);
        years.extend((first.year()..=last_day.year()).filter(|&year| {
            NaiveDate::from_ymd_opt(year, 1, 1).is_some_and(|day| !calendar.covers(day))
        }));
        let round = if stage.round > 0 {
            format!(" round {}", stage.round)
        } else {
            String::new()
        };
        listed.push(format!(
            "{}{round} (last day {last_day}, calendar {})",
            stage.stage, stage.calendar
        ));
    }
    if listed.is_empty() {
        return None;
    }
    let years: Vec<String> = years.iter().map(i32::to_string).collect();
    let load = if years.is_empty() {
        "the missing years".to_owned()
    } else {
        format!("the notice for {}", years.join(", "))
    };
    Some(format!(
        "provisional deadlines, on days no published notice covers yet (statutory holidays computed, swaps unknown): {}; load {load} before relying on them",
        listed.join(", "),
    ))
}

/// The check of one stage's time limit.
fn stage_check(stage: &StageDeadline) -> (CheckResult, String) {
    use CheckResult::*;
    let late_by = || stage.late_working_days.unwrap_or(0);
    match stage.state {
        SlaState::Met => (
            Pass,
            match stage.extended_until {
                Some(until) => format!("{} met within its extension until {until}", stage.stage),
                None => format!("{} met within {}", stage.stage, stage.duration),
            },
        ),
        SlaState::MetLate => (
            Violation,
            format!(
                "{} met {} working day(s) late (limit {})",
                stage.stage,
                late_by(),
                stage.duration
            ),
        ),
        SlaState::Overdue => (
            Violation,
            format!(
                "{} overdue by {} working day(s) (limit {})",
                stage.stage,
                late_by(),
                stage.duration
            ),
        ),
        SlaState::Submitted if stage.is_late() => (
            Violation,
            format!(
                "{} submitted {} working day(s) late (limit {}), awaiting approval",
                stage.stage,
                late_by(),
                stage.duration
            ),
        ),
        SlaState::Stopped if stage.is_late() => (
            Violation,
            format!(
                "{} was {} working day(s) overdue when its clock stopped (limit {})",
                stage.stage,
                late_by(),
                stage.duration
            ),
        ),
        SlaState::Stopped => (
            NotApplicable,
            format!("{} stopped before it was due", stage.stage),
        ),
        SlaState::Submitted => (
            Pending,
            format!("{} submitted in time, awaiting approval", stage.stage),
        ),
        SlaState::Pending | SlaState::Paused | SlaState::Open | SlaState::DueSoon => (
            Pending,
            match stage.last_day {
                Some(day) => format!("{} due by the end of {day} ({})", stage.stage, stage.state),
                None => format!("{} ({})", stage.stage, stage.state),
            },
        ),
    }
}

/// §5.1.2: every objection, every dissatisfaction and every reopening handled again, or (a
/// dissatisfaction) declined by management with a reason.
fn handled_again(case: &Case) -> (CheckResult, String) {
    use CheckResult::*;
    let rehandled = case
        .rounds
        .iter()
        .filter(|r| r.rehandling && r.completed.is_some())
        .count();
    let open_rounds = case
        .rounds
        .iter()
        .filter(|r| r.rehandling && r.completed.is_none())
        .count();
    let declined = case.rehandling_declined.len();
    let reopened = match case.reopenings.len() {
        0 => String::new(),
        n => format!(", {n} reopening(s) after closing"),
    };
    let summary = format!(
        "{} objection(s) and {} dissatisfied result(s) or visit(s){reopened}; {rehandled} re-handled, {declined} declined by management",
        case.objections.len(),
        case.dissatisfactions
    );
    if case.dissatisfied.is_some() {
        return match (case.closed_unsatisfied, case.disposition) {
            (true, _) => (
                Finding,
                format!(
                    "{summary}; closed while the complainant was not satisfied (the policy allows it)"
                ),
            ),
            (false, Some(d)) => (
                NotApplicable,
                format!(
                    "{summary}; the case was {} before it was handled again",
                    d.kind
                ),
            ),
            (false, None) => (
                Pending,
                format!("{summary}; the complainant is not satisfied: to be handled again"),
            ),
        };
    }
    if open_rounds > 0 && case.disposition.is_none() {
        return (Pending, format!("{summary}; re-handling under way"));
    }
    if declined > 0 {
        return (
            Finding,
            format!("{summary}; management decided, with its reason, not to handle it again"),
        );
    }
    (Pass, summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::Event;
    use crate::policy::Policy;
    use crate::time::parse_instant;

    const RECEIVED: &str = r#"{"type": "received", "at": "2026-12-29T10:00:00+08:00",
        "channel": "hotline", "complainant_kind": "customer", "name": "n",
        "contact": "13812345678", "content": "c"}"#;

    fn report(policy: &str, events: &[&str], now: &str) -> ComplianceReport {
        let policy = Policy::from_toml_str(policy).unwrap();
        let events = events.iter().map(|e| Event::from_json_str(e).unwrap());
        let case = Case::replay(&policy, events).unwrap();
        case.compliance(parse_instant(now).unwrap())
    }

    #[test]
    fn a_provisional_deadline_is_a_finding_without_a_clause() {
        // 3 working days from Tuesday 29 December 2026 end on Monday 4 January 2027: New
        // Year's Day is computed from the regulation, the swaps are not known yet.
        let three = "[deadlines]\nregistration = \"3 working days\"";
        let r = report(three, &[RECEIVED], "2026-12-29T12:00:00+08:00");
        let check = r.check("provisional_days").unwrap();
        assert_eq!((check.result, check.clause), (CheckResult::Finding, None));
        assert!(
            check
                .detail
                .contains("registration (last day 2027-01-04, calendar default)"),
            "{}",
            check.detail
        );
        assert!(
            check.detail.contains("the notice for 2027"),
            "{}",
            check.detail
        );
        assert_eq!(r.violations().count(), 0, "a finding, not a violation");
        assert_eq!(r.checks.last().map(|c| c.rule), Some("provisional_days"));
        // Every other check keeps its clause.
        assert!(
            r.checks
                .iter()
                .filter(|c| c.rule != "provisional_days")
                .all(|c| c.clause.is_some())
        );
        // Before the year's end every day used is published: no such check.
        let r = report(three, &[RECEIVED], "2026-12-29T09:00:00+08:00");
        assert!(
            r.check("provisional_days").is_some(),
            "the clock has started"
        );
        let early = RECEIVED.replace("2026-12-29", "2026-12-10");
        let r = report(three, &[&early], "2026-12-10T12:00:00+08:00");
        assert!(r.check("provisional_days").is_none());
        // Once the year is loaded, none either.
        let loaded = format!("{three}\n[[calendar.years]]\nyear = 2027\noff_days = [2027-01-01]");
        let r = report(&loaded, &[RECEIVED], "2026-12-29T12:00:00+08:00");
        assert!(r.check("provisional_days").is_none());
    }

    #[test]
    fn the_finding_names_every_provisional_stage_and_its_calendar() {
        let policy = r#"
            [[calendars]]
            name = "hotline"
            base = "every_day"
            [calendar_of]
            channels = { hotline = "hotline" }
            [deadlines]
            registration = "3 working days"
        "#;
        let registered =
            r#"{"type": "registered", "at": "2026-12-29T11:00:00+08:00", "number": "26120001"}"#;
        let r = report(policy, &[RECEIVED, registered], "2026-12-29T12:00:00+08:00");
        let detail = &r.check("provisional_days").unwrap().detail;
        // The hotline's registration waits for no notice; the plan, on the office's calendar,
        // ends on 13 January 2027.
        assert!(!detail.contains("registration"), "{detail}");
        assert!(
            detail.contains("plan (last day 2027-01-13, calendar default)"),
            "{detail}"
        );
    }
}
