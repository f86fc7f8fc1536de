//! A complaint's life under the default policy, stage by stage, with the rule behind each step.
//!
//! `cargo run --example tour`

#![allow(clippy::print_stdout)]

use complaint_office::prelude::*;

fn main() -> Result<(), Error> {
    let policy = Policy::default();
    let received = parse_instant("2025-09-26T10:00:00+08:00")?;
    println!("complaint-office tour: one complaint under the default policy\n");
    println!(
        "received {received} (office time {})",
        policy.office_offset()
    );

    let mut sequences = NumberSequences::new();
    let number = sequences.issue(YearMonth::of_instant(received, policy.office_offset()))?;
    println!("§2.2.3  number {number}: year, month, serial of the month");

    let deadlines = policy.deadlines();
    for (clause, stage, duration) in [
        ("§2.2.1", "registration", deadlines.registration),
        ("§4.1.2", "handling plan", deadlines.plan),
        ("§4.1.2", "extended plan (cap)", deadlines.plan_extended_max),
    ] {
        let deadline = period::end(policy.calendar(), received, duration)?;
        let why: Vec<String> = deadline
            .rules
            .iter()
            .map(|r| format!("{} ({})", r.describe(), r.article()))
            .collect();
        println!(
            "{clause}  {stage}: {duration} -> last day {}, due {}\n        {}",
            deadline.last_day,
            deadline.due,
            why.join("; ")
        );
    }
    Ok(())
}
