//! A complaint's whole life under the default policy, stage by stage, with the rule behind
//! each step: `cargo run --example tour`.

#![allow(clippy::print_stdout)]

use std::error::Error;

use complaint_office::archive;
use complaint_office::case::{Case, Event, SlaState};
use complaint_office::number::NumberSequences;
use complaint_office::office::{Caseload, WorklistOptions};
use complaint_office::policy::Policy;
use complaint_office::privacy::Role;
use complaint_office::stats::Granularity;
use complaint_office::time::{YearMonth, format_instant, parse_instant};

/// The history an OA system would have stored, one JSON event per step.
const HISTORY: &[&str] = &[
    r#"{"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline", "complainant_kind": "customer",
        "name": "張三", "content": "張三: the replacement part broke again and the desk at 13812345678 was rude."}"#,
    r#"{"type": "information_requested", "at": "2025-09-26T10:20:00+08:00", "fields": ["contact"]}"#,
    r#"{"type": "information_supplied", "at": "2025-09-28T09:00:00+08:00", "contact": "13812345678"}"#,
    r#"{"type": "registered", "at": "2025-09-28T11:00:00+08:00", "number": "25090001"}"#,
    r#"{"type": "classified", "at": "2025-09-28T11:30:00+08:00", "category": "product_quality"}"#,
    r#"{"type": "assessed", "at": "2025-09-28T11:35:00+08:00", "severity": "serious", "urgency": "urgent", "complexity": "complex"}"#,
    r#"{"type": "emergency_procedure_started", "at": "2025-09-28T12:10:00+08:00", "measures": "Replacement part couriered; desk supervisor informed."}"#,
    r#"{"type": "team_formed", "at": "2025-09-28T14:00:00+08:00", "members": [
        {"id": "q-01", "role": "department_head", "department": "quality"},
        {"id": "t-07", "role": "technical_specialist"}, {"id": "l-02", "role": "legal"}]}"#,
    r#"{"type": "investigation_planned", "at": "2025-09-28T16:00:00+08:00", "steps": [
        {"description": "Inspect the returned part", "due": "2025-09-30", "owner": "t-07"},
        {"description": "Interview the desk staff", "due": "2025-10-09", "owner": "q-01"}]}"#,
    r#"{"type": "evidence_added", "at": "2025-09-29T10:00:00+08:00", "kind": "site_inspection"}"#,
    r#"{"type": "evidence_added", "at": "2025-09-30T15:00:00+08:00", "kind": "interview", "signed": true, "interviewee": "staff"}"#,
    r#"{"type": "progress_reported", "at": "2025-09-30T17:00:00+08:00"}"#,
    r#"{"type": "plan_extended", "at": "2025-10-09T09:00:00+08:00", "until": "2025-10-24", "reason": "Supplier audit"}"#,
    r#"{"type": "plan_submitted", "at": "2025-10-10T16:00:00+08:00", "analysis": "A faulty batch from one supplier.",
        "responsibility": "Incoming inspection skipped the batch.", "measures": "Replace the part; audit the supplier.",
        "time_points": [{"what": "Replace the part", "due": "2025-10-17"}],
        "findings": [{"subject": "inspector q-11", "responsibility": "direct", "fault": "gross_negligence", "consequence": "serious", "nature": "skipped the incoming inspection", "degree": "grave", "scope": "one supplier batch"}]}"#,
    r#"{"type": "plan_returned", "at": "2025-10-11T10:00:00+08:00", "by": "m-01", "role": "management", "reason": "Add the desk training."}"#,
    r#"{"type": "plan_submitted", "at": "2025-10-13T10:00:00+08:00", "analysis": "A faulty batch from one supplier.",
        "responsibility": "Incoming inspection skipped the batch; the desk ignored the script.",
        "measures": "Replace the part; audit the supplier; retrain the desk.",
        "time_points": [{"what": "Replace the part", "due": "2025-10-17"}, {"what": "Desk training", "due": "2025-10-24"}],
        "findings": [{"subject": "inspector q-11", "responsibility": "direct", "fault": "gross_negligence", "consequence": "serious", "nature": "skipped the incoming inspection", "degree": "grave", "scope": "one supplier batch"}]}"#,
    r#"{"type": "plan_approved", "at": "2025-10-13T15:00:00+08:00", "by": "m-01", "role": "management"}"#,
    r#"{"type": "implementation_started", "at": "2025-10-14T09:00:00+08:00", "department": "quality"}"#,
    r#"{"type": "implementation_completed", "at": "2025-10-17T17:00:00+08:00"}"#,
    r#"{"type": "result_fed_back", "at": "2025-10-20T10:00:00+08:00", "process": "Inspected, audited, replaced.",
        "result": "Part replaced; supplier under audit.", "satisfaction": "unsatisfied"}"#,
    r#"{"type": "objection_raised", "at": "2025-10-20T11:00:00+08:00", "reason": "Wants a refund, not a part."}"#,
    r#"{"type": "rehandling_started", "at": "2025-10-20T14:00:00+08:00"}"#,
    r#"{"type": "rehandling_completed", "at": "2025-10-24T16:00:00+08:00"}"#,
    r#"{"type": "result_fed_back", "at": "2025-10-27T10:00:00+08:00", "process": "Re-handled: refund approved.",
        "result": "Refund paid.", "satisfaction": "satisfied"}"#,
    r#"{"type": "follow_up_visited", "at": "2025-11-03T15:00:00+08:00", "method": "phone", "satisfaction": "satisfied",
        "suggestions": "Offer refunds sooner."}"#,
    r#"{"type": "closed", "at": "2025-11-04T09:00:00+08:00"}"#,
    r#"{"type": "archived", "at": "2025-11-05T09:00:00+08:00", "documents": ["registration_form", "investigation_record",
        "handling_plan", "result_report", "follow_up_record"]}"#,
];

fn main() -> Result<(), Box<dyn Error>> {
    let policy = Policy::default();
    println!("complaint-office tour: one complaint's life under the default policy");
    println!(
        "(policy: registration {}, plan {} / extended {}, feedback {}, follow-up {}, retention {})\n",
        policy.deadlines().registration,
        policy.deadlines().plan,
        policy.deadlines().plan_extended_max,
        policy.deadlines().feedback,
        policy.deadlines().follow_up,
        policy.retention().period
    );

    let events = events_of(HISTORY)?;

    // §2.2.3: the number comes from the month of receipt, in office time.
    let received = events[0].at;
    let month = YearMonth::of_instant(received, policy.office_offset());
    let number = NumberSequences::new().peek(month)?;
    println!(
        "§2.2.3  received {} -> month {month}, first number {number}",
        format_instant(&received)
    );

    let mut case = Case::open(&policy, events[0].clone())?;
    println!(
        "{:<7} {:<25} {}",
        "§2.2.1",
        "received",
        describe_intake(&case)
    );
    for event in &events[1..] {
        let kind = event.kind();
        case.apply(event.clone())?;
        let mut line = format!(
            "{:<7} {:<25} -> {}",
            kind.clause(),
            kind.as_str(),
            case.status()
        );
        if kind.as_str() == "assessed" {
            line += &format!(" (track {}, emergency {})", case.track(), case.emergency());
        }
        println!("{line}");
    }

    // A rule the policy forbids: destruction before the retention period ends (§6.2.2).
    let early =
        Event::from_json_str(r#"{"type": "destroyed", "at": "2026-01-05T09:00:00+08:00"}"#)?;
    if let Err(refused) = case.clone().apply(early) {
        use complaint_office::ErrorCode;
        println!(
            "{:<7} {:<25} refused: {} ({})",
            "§6.2.2",
            "destroyed (too early)",
            refused,
            refused.code()
        );
    }

    let now = parse_instant("2025-11-05T10:00:00+08:00")?;
    println!("\ndeadline schedule at {}:", format_instant(&now));
    for stage in case.schedule(now).stages {
        let due = stage.due.map(|d| format_instant(&d)).unwrap_or_default();
        let rules: Vec<String> = stage
            .rules
            .iter()
            .map(|r| format!("{} ({})", r.describe(), r.article()))
            .collect();
        println!(
            "  {:<6} {:<12} round {} {:<9} last day {} due {due}{}\n          {}",
            stage.clause,
            stage.stage.as_str(),
            stage.round,
            stage.state.as_str(),
            stage.last_day.map(|d| d.to_string()).unwrap_or_default(),
            if stage.state == SlaState::MetLate {
                " (late)"
            } else {
                ""
            },
            rules.join("; "),
        );
        if stage.paused > 0 {
            println!(
                "          paused {} working day(s) waiting for the complainant",
                stage.paused
            );
        }
        if let Some(until) = stage.extended_until {
            println!(
                "          extended until {until} (complex case, within {})",
                policy.deadlines().plan_extended_max
            );
        }
    }

    println!("\ncompliance report:");
    for check in case.compliance(now).checks {
        println!(
            "  {:<7} {:<15} {:<30} {}",
            check.clause.unwrap_or("-"),
            check.result.as_str(),
            check.rule,
            check.detail
        );
    }

    println!("\naccountability (§8):");
    for (finding, decision) in case.decisions() {
        let sanctions: Vec<&str> = decision.sanctions.iter().map(|s| s.as_str()).collect();
        println!(
            "  {}: {} responsibility, {}, {} consequence -> {} ({}): {}",
            finding.subject,
            finding.responsibility,
            finding.fault,
            finding.consequence,
            decision.level,
            decision.clause(),
            sanctions.join(", ")
        );
    }

    if let Some(archived_on) = case.archived_on() {
        let expiry = archive::expiry(&policy, archived_on)?;
        println!(
            "\nretention (§6.2.2): archived {archived_on}, kept {} -> last day {}{}; destruction needs leadership approval after it",
            policy.retention().period,
            expiry.last_day,
            if expiry.provisional {
                " (provisional: outside the calendar data)"
            } else {
                ""
            }
        );
    }

    println!("\nconfidentiality (§1.3.4): the case as each role sees it");
    for role in Role::ALL {
        let view = case.view(*role);
        let p = &view.personal;
        println!(
            "  {:<18} name {:<6} phone {:<13} content {}",
            role.as_str(),
            p.complainant_name.as_deref().unwrap_or("-"),
            p.contact_phone.as_deref().unwrap_or("-"),
            p.content.as_deref().unwrap_or("-"),
        );
    }
    let ended = dispositions(&policy)?;
    office_morning(&policy, case, ended)
}

/// Two cases still open on the morning of 28 November 2025: one registered and in its plan
/// stage, one received by e-mail on Monday and not yet registered.
const OPEN: &[&[&str]] = &[
    &[
        r#"{"type": "received", "at": "2025-11-10T10:00:00+08:00", "channel": "hotline", "complainant_kind": "customer",
            "name": "趙六", "contact": "13700002222", "content": "The washing machine's door seal leaks."}"#,
        r#"{"type": "registered", "at": "2025-11-10T15:00:00+08:00", "number": "25110003"}"#,
        r#"{"type": "classified", "at": "2025-11-11T09:00:00+08:00", "category": "product_quality"}"#,
        r#"{"type": "assessed", "at": "2025-11-11T09:10:00+08:00", "severity": "general", "urgency": "normal", "complexity": "simple"}"#,
    ],
    &[
        r#"{"type": "received", "at": "2025-11-24T16:00:00+08:00", "channel": "email", "complainant_kind": "customer",
            "name": "孫七", "contact": "sunqi@example.com", "content": "投訴: the courier left the parcel in the rain.",
            "subject": "投訴 delivery"}"#,
    ],
];

/// The office at work (§2.2.4, §7.1): the morning's worklist over every case, as the
/// department concerned sees it (no complainant's identity), and the on-time rates of the
/// months so far, straight from the cases' own histories.
fn office_morning(policy: &Policy, tour: Case, ended: Vec<Case>) -> Result<(), Box<dyn Error>> {
    let now = parse_instant("2025-11-28T09:00:00+08:00")?;
    let mut caseload = Caseload::new();
    caseload.push(tour);
    for case in ended {
        caseload.push(case);
    }
    for history in OPEN {
        caseload.push(Case::replay(policy, events_of(history)?)?);
    }

    let list = caseload.worklist(now, &WorklistOptions::new(Role::Department));
    println!(
        "\nthe office's worklist on {} ({} open of {} cases; the department's view):",
        format_instant(&now),
        list.counts.total,
        caseload.len()
    );
    for entry in &list.entries {
        let when = match (entry.late_working_days, entry.remaining_seconds) {
            (Some(days), _) => format!("{days} working day(s) late"),
            (None, Some(left)) => format!("{} h left", left / 3600),
            _ => String::new(),
        };
        println!(
            "  {:<9} {:<13} {:<9} {:<18} last day {}  {when}",
            entry
                .number
                .map(|n| n.to_string())
                .unwrap_or_else(|| "(none)".to_owned()),
            entry.stage.map(|s| s.as_str()).unwrap_or("-"),
            entry.state.as_str(),
            entry.act.as_str(),
            entry.last_day.map(|d| d.to_string()).unwrap_or_default(),
        );
    }

    println!("\non-time rates by month (§7.1.1), from the cases themselves:");
    let report = caseload.ledger(now).report(Granularity::Month, policy)?;
    for period in &report.periods {
        let Some(indicators) = &period.indicators else {
            continue;
        };
        let rates: Vec<String> = indicators
            .on_time
            .iter()
            .filter(|(_, o)| o.due > 0)
            .map(|(stage, o)| match o.rate {
                Some(rate) => format!("{stage} {:.0} % ({}/{})", rate * 100.0, o.on_time, o.due),
                None => format!("{stage} -"),
            })
            .collect();
        println!(
            "  {}: received {}; {}",
            period.period,
            period.total,
            rates.join(", ")
        );
    }
    Ok(())
}

/// Not every complaint is resolved: an office ends every one it receives (§1.2, §2.1, §2.2.1,
/// §2.2.3), and each ending stops the clocks.
fn dispositions(policy: &Policy) -> Result<Vec<Case>, Box<dyn Error>> {
    println!(
        "
ending without resolution:"
    );
    let stories: [(&str, &[&str]); 2] = [
        (
            "an e-mail without 投訴 in its subject (§2.1.1)",
            &[
                r#"{"type": "received", "at": "2025-11-03T09:30:00+08:00", "channel": "email", "complainant_kind": "customer",
                    "name": "李四", "contact": "lisi@example.com", "content": "Where can I buy spare parts?", "subject": "spare parts"}"#,
                r#"{"type": "rejected", "at": "2025-11-03T11:00:00+08:00", "ground": "inadmissible", "reason": "No complaint word in the subject; an enquiry, answered by sales."}"#,
                r#"{"type": "archived", "at": "2025-11-04T09:00:00+08:00", "documents": ["registration_form"]}"#,
            ],
        ),
        (
            "a complaint withdrawn during the investigation",
            &[
                r#"{"type": "received", "at": "2025-11-03T09:30:00+08:00", "channel": "hotline", "complainant_kind": "customer",
                    "name": "王五", "contact": "13900001111", "content": "The new kettle leaks."}"#,
                r#"{"type": "registered", "at": "2025-11-03T14:00:00+08:00", "number": "25110002"}"#,
                r#"{"type": "classified", "at": "2025-11-04T10:00:00+08:00", "category": "product_quality"}"#,
                r#"{"type": "assessed", "at": "2025-11-04T10:05:00+08:00", "severity": "general", "urgency": "normal", "complexity": "simple"}"#,
                r#"{"type": "team_formed", "at": "2025-11-05T09:00:00+08:00", "members": [{"id": "q-01", "role": "department_head", "department": "quality"}]}"#,
                r#"{"type": "withdrawn", "at": "2025-11-21T09:00:00+08:00", "reason": "Exchanged at the shop."}"#,
            ],
        ),
    ];
    let mut ended = Vec::new();
    for (title, history) in stories {
        let events = events_of(history)?;
        let last = events.last().map(|e| e.at);
        let case = Case::replay(policy, events)?;
        let now = last.unwrap_or_else(|| case.last_event_at());
        println!("  {title}: {}", case.status());
        for stage in case.schedule(now).stages {
            println!(
                "    {:<6} {:<12} {:<8} last day {}{}",
                stage.clause,
                stage.stage.as_str(),
                stage.state.as_str(),
                stage.last_day.map(|d| d.to_string()).unwrap_or_default(),
                match stage.late_working_days {
                    Some(days) if stage.is_late() => format!(" ({days} working day(s) late)"),
                    _ => String::new(),
                }
            );
        }
        let report = case.compliance(now);
        let noted: Vec<String> = report
            .checks
            .iter()
            .filter(|c| c.result.as_str() != "not_applicable")
            .map(|c| format!("{} {}", c.rule, c.result.as_str()))
            .collect();
        println!("    checks: {}", noted.join(", "));
        ended.push(case);
    }
    Ok(ended)
}

/// A stored history, one JSON event per entry, read as typed events.
fn events_of(history: &[&str]) -> Result<Vec<Event>, Box<dyn Error>> {
    Ok(history
        .iter()
        .map(|e| Event::from_json_str(e))
        .collect::<Result<_, _>>()?)
}

fn describe_intake(case: &Case) -> String {
    let report = case.intake();
    if report.missing.is_empty() {
        "complete: name, contact, time, content".to_owned()
    } else {
        let missing: Vec<&str> = report.missing.iter().map(|f| f.as_str()).collect();
        format!(
            "incomplete, ask the complainant for: {}",
            missing.join(", ")
        )
    }
}
