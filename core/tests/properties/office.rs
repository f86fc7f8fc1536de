//! The office at work (§1.3.2, §1.3.4, §2.2.4, §7.1.1): worklists, reminders and statistics
//! over random caseloads.

use std::collections::BTreeSet;

use chrono::Timelike;
use complaint_office::case::{Case, SlaState};
use complaint_office::office::{Caseload, Reminder, WorklistOptions};
use complaint_office::privacy::Role;
use complaint_office::stats::{Granularity, MeasuredStage, Period, Report, ReportOptions};
use complaint_office::testing::{self, CaseHistory};
use complaint_office::time::{Instant, office_date};
use proptest::prelude::*;

use crate::config;

/// A caseload of one to five histories under a random policy (offset, office hours, limits),
/// each cut anywhere.
fn histories() -> impl Strategy<Value = Vec<CaseHistory>> {
    testing::policy().prop_flat_map(|policy| {
        proptest::collection::vec(testing::case_history_under(Just(policy)), 1..6)
    })
}

/// A twentieth of the usual cases: each case is a whole caseload, replayed and scheduled many
/// times (500 caseloads of up to five histories by default).
fn caseloads() -> ProptestConfig {
    let mut config = config();
    config.cases = (config.cases / 20).max(1);
    config
}

fn caseload(histories: &[CaseHistory]) -> Caseload {
    let mut caseload = Caseload::new();
    for h in histories {
        caseload.push(Case::replay(&h.policy, h.events.clone()).expect("a valid history"));
    }
    caseload
}

fn first_receipt(caseload: &Caseload) -> Instant {
    caseload
        .cases()
        .map(|(_, c)| c.received_at())
        .min()
        .expect("at least one case")
}

/// A span of 150 days from the first receipt, cut at up to 30 random points.
fn windows(start: Instant, cuts: &[u32]) -> Vec<(Instant, Instant)> {
    const SPAN: i64 = 150 * 86_400;
    let mut points: Vec<i64> = cuts.iter().map(|&c| i64::from(c) % SPAN).collect();
    points.extend([0, SPAN]);
    points.sort_unstable();
    points.dedup();
    points
        .windows(2)
        .map(|w| {
            let at = |s: i64| start + chrono::Duration::seconds(s);
            (at(w[0]), at(w[1]))
        })
        .collect()
}

proptest! {
    #![proptest_config(caseloads())]

    /// §1.3.2: a scheduler that asks for consecutive windows sends every reminder once, none
    /// twice and none lost, whatever the windows; each reminder lies in its window, and a
    /// replay gives the same reminders with the same ids.
    #[test]
    fn consecutive_windows_send_each_reminder_once(
        histories in histories(),
        cuts in proptest::collection::vec(0u32..(150 * 86_400), 0..30),
    ) {
        let caseload = caseload(&histories);
        let start = first_receipt(&caseload);
        let windows = windows(start, &cuts);
        let (from, to) = (windows[0].0, windows[windows.len() - 1].1);
        let whole = caseload.reminders(from, to).unwrap();
        let mut pieces: Vec<Reminder> = Vec::new();
        for &(a, b) in &windows {
            let some = caseload.reminders(a, b).unwrap();
            prop_assert!(some.iter().all(|r| a <= r.at && r.at < b));
            pieces.extend(some);
        }
        prop_assert_eq!(&pieces, &whole);
        let ids: BTreeSet<&str> = whole.iter().map(|r| r.id.as_str()).collect();
        prop_assert_eq!(ids.len(), whole.len(), "ids are unique");
        let again = self::caseload(&histories).reminders(from, to).unwrap();
        prop_assert_eq!(again, whole);
    }

    /// Nobody is reminded outside the reminder hours of a working day of the stage's calendar
    /// (the policy's reminder hours, else its office hours, else 09:00–18:00; make-up days
    /// count), before a clock started, once its stage was
    /// met, or once its clock stopped (a plan before management, a case that ended).
    #[test]
    fn reminders_go_out_in_office_hours_while_a_clock_runs(histories in histories()) {
        let caseload = caseload(&histories);
        let start = first_receipt(&caseload);
        let end = start + chrono::Duration::days(200);
        for r in caseload.reminders(start, end).unwrap() {
            let case = caseload.get(r.index).unwrap();
            let policy = case.policy();
            let schedule = case.schedule(end);
            let clock = schedule.stages.iter()
                .find(|s| s.stage == r.stage && s.round == r.round)
                .unwrap();
            // The working days and hours of the calendar the stage runs on.
            let (calendar, hours) = policy.reminder_calendar(&clock.calendar);
            let local = r.at.with_timezone(&calendar.offset());
            prop_assert!(calendar.is_working_day(office_date(r.at, calendar.offset())));
            let secs = local.num_seconds_from_midnight();
            prop_assert!(
                hours.intervals().iter()
                    .any(|i| i.start_seconds() <= secs && secs < i.end_seconds()),
                "{} is outside the reminder hours", r.at
            );
            prop_assert!(r.at >= r.placed_at);
            prop_assert_eq!(r.moved, r.at != r.placed_at);
            prop_assert!(clock.started_at.is_some_and(|s| s <= r.placed_at));
            prop_assert!(clock.met_at.is_none_or(|m| r.at < m));
            prop_assert!(clock.stopped_at.is_none_or(|s| r.at < s));
            prop_assert_eq!(clock.due, Some(r.due));
        }
    }

    /// §2.2.4, §1.3.4: the worklist lists every open case once, emergencies first, then in
    /// the order of pressing states; its counts add up; only the office's view carries
    /// personal data.
    #[test]
    fn the_worklist_is_ordered_counted_and_private(
        histories in histories(),
        later in 0i64..(120 * 86_400),
    ) {
        let caseload = caseload(&histories);
        let now = first_receipt(&caseload) + chrono::Duration::seconds(later);
        let rank = |s: SlaState| match s {
            SlaState::Overdue => 0,
            SlaState::DueSoon => 1,
            SlaState::Open => 2,
            SlaState::Paused => 3,
            _ => 4,
        };
        for view in [Role::Office, Role::Department, Role::InvestigationTeam, Role::Statistics] {
            let list = caseload.worklist(now, &WorklistOptions::new(view));
            // Closed, ended without resolution (rejected, withdrawn, merged, lapsed), archived
            // or destroyed: no longer worked.
            let open = caseload.cases().filter(|(_, c)| {
                !c.status().is_disposition()
                    && !matches!(c.status().as_str(), "closed" | "archived" | "destroyed")
            });
            prop_assert_eq!(list.entries.len(), open.count());
            let indices: BTreeSet<usize> = list.entries.iter().map(|e| e.index).collect();
            prop_assert_eq!(indices.len(), list.entries.len());
            for pair in list.entries.windows(2) {
                let key = |e: &complaint_office::office::WorklistEntry| {
                    let measure = match e.state {
                        SlaState::Overdue => -e.late_seconds.unwrap_or(0),
                        SlaState::DueSoon | SlaState::Open => e.remaining_seconds.unwrap_or(0),
                        _ => 0,
                    };
                    (!e.emergency, rank(e.state), measure)
                };
                prop_assert!(key(&pair[0]) <= key(&pair[1]));
            }
            prop_assert_eq!(list.counts.by_state.values().sum::<u64>(), list.counts.total);
            prop_assert_eq!(list.counts.by_actor.values().sum::<u64>(), list.counts.total);
            let text = serde_json::to_string(&list).unwrap();
            let personal = text.contains("13812345678") || text.contains("張三");
            prop_assert_eq!(personal, view == Role::Office && !list.entries.is_empty());
        }
    }

    /// §7.1.1: the ledger built from cases counts each stage's time limits as the cases' own
    /// schedules judge them: met in time on time, met late late, overdue overdue (judged
    /// after every event of the caseload). A plan before management (`submitted`) counts as
    /// met at its submission; a clock stopped by the case's end (`stopped`) counts as overdue
    /// when its due instant had passed and not at all when it had not.
    #[test]
    fn on_time_counts_agree_with_each_schedule(
        histories in histories(),
        later in 0i64..(200 * 86_400),
    ) {
        // Distinct numbers only: a ledger refuses a number seen before.
        let mut seen = BTreeSet::new();
        let unique: Vec<CaseHistory> = histories
            .into_iter()
            .filter(|h| {
                let case = Case::replay(&h.policy, h.events.clone()).unwrap();
                case.number().is_none_or(|n| seen.insert(n))
            })
            .collect();
        let caseload = caseload(&unique);
        let last = caseload.cases().map(|(_, c)| c.last_event_at()).max().unwrap();
        let now = last + chrono::Duration::seconds(later);
        let ledger = caseload.ledger(now);
        let policy = complaint_office::policy::Policy::default();
        let mut options = ReportOptions::new(Granularity::Year);
        options.from = Some(Period::of_instant(first_receipt(&caseload), Granularity::Year, policy.office_offset()));
        options.to = Some(Period::of_instant(now + chrono::Duration::days(400), Granularity::Year, policy.office_offset()));
        let report = Report::build(&ledger, &options, &policy).unwrap();
        let Some(all) = report.overview.indicators.as_ref() else {
            // No numbered case: nothing to count.
            prop_assert_eq!(ledger.len(), 0);
            return Ok(());
        };
        for stage in MeasuredStage::ALL {
            let mut want = (0u64, 0u64, 0u64);
            for (_, case) in caseload.cases() {
                if case.number().is_none() {
                    continue;
                }
                let schedule = case.schedule(now);
                let Some(s) = schedule.stages.iter().find(|s| s.stage.as_str() == stage.as_str() && s.round == 0) else {
                    continue;
                };
                match s.state {
                    SlaState::Met => want.0 += 1,
                    SlaState::MetLate => want.1 += 1,
                    SlaState::Overdue => want.2 += 1,
                    SlaState::Submitted if s.is_late() => want.1 += 1,
                    SlaState::Submitted => want.0 += 1,
                    SlaState::Stopped if s.is_late() => want.2 += 1,
                    _ => {}
                }
            }
            let got = all.on_time[stage.as_str()];
            prop_assert_eq!((got.on_time, got.late, got.overdue), want, "{}", stage);
        }
    }
}
