//! Write your own policy property: how a QA team tests its company's policy with the crate's
//! proptest strategies (feature `proptest`).
//!
//! `cargo run --example qa_property` (PROPTEST_CASES=10000 for a longer run)
//!
//! The strategies of `complaint_office::testing` generate valid policies, numbers, instants
//! and whole case histories the policy accepts; a property is an ordinary closure over them.

#![allow(clippy::print_stdout)]

use complaint_office::case::{Case, SlaState};
use complaint_office::policy::Policy;
use complaint_office::testing;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

fn runner() -> TestRunner {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    // No failure persistence file: an example has no source-tree location to write one to.
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Our company's own policy: plans in 10 working days, extendable to 25 calendar days.
    let ours = Policy::from_toml_str(
        r#"
        [deadlines]
        plan = "10 working days"
        plan_extended_max = "25 days"
        "#,
    )?;

    // Property 1: under our policy, an approved plan was never due later than the cap.
    runner().run(
        &testing::case_history_under(Just(ours.clone())),
        |history| {
            let case = Case::replay(&history.policy, history.events.clone())
                .map_err(|e| TestCaseError::fail(format!("generated history refused: {e}")))?;
            let schedule = case.schedule(case.last_event_at());
            if let (Some(plan), Some(registered)) = (schedule.stage("plan"), case.registered_at()) {
                let cap = complaint_office::period::end(
                    history.policy.calendar(),
                    registered,
                    history.policy.deadlines().plan_extended_max,
                )
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert!(
                    plan.due.is_none_or(|due| due <= cap.due),
                    "plan due after the cap"
                );
            }
            Ok(())
        },
    )?;
    println!("property 1 holds: no plan is ever due after the extended limit");

    // Property 2: a case that is closed has no clock left running: every stage it started is
    // met (possibly late) or stopped (a follow-up visit that a re-handling superseded).
    runner().run(&testing::case_history(), |history| {
        let case = Case::replay(&history.policy, history.events.clone())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        if case.status().as_str() == "closed" {
            for stage in case.schedule(case.last_event_at()).stages {
                prop_assert!(
                    matches!(
                        stage.state,
                        SlaState::Met | SlaState::MetLate | SlaState::Stopped
                    ),
                    "{} still {} on a closed case",
                    stage.stage,
                    stage.state
                );
            }
        }
        Ok(())
    })?;
    println!("property 2 holds: a closed case has no stage left open");

    // Property 3: broken histories are refused, whatever the mutation.
    runner().run(&testing::invalid_case_history(), |(history, mutation)| {
        prop_assert!(
            Case::replay(&history.policy, history.events.clone()).is_err(),
            "{mutation:?} accepted"
        );
        Ok(())
    })?;
    println!("property 3 holds: every mutated history is refused");
    Ok(())
}
