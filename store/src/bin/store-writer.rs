//! `store-writer`: one writer process of the store's fault and load tests, and a quick check
//! of a deployment's database.
//!
//! ```text
//! store-writer --target URL_OR_PATH --writer N --count K [--acks FILE] [--resume]
//! ```
//!
//! Registers `K` complaints (alternately received in September and October 2025), each with
//! the request key `w<N>-<i>`, and appends a `classified` event to each. After each commit it
//! writes one line to the acknowledgement file: `R <i> <case> <number>` for a registration,
//! `A <i> <case> <version>` for an append. With `--resume` it starts again at the last
//! acknowledged registration (a writer killed with SIGKILL and restarted): the request key
//! makes that registration's retry return the one already stored, so none is doubled.
//! Prints `done <K> in <seconds> s` at the end.

#![allow(clippy::print_stdout)]

use std::fs::OpenOptions;
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant as Clock;

use complaint_office::case::Event;
use complaint_office::policy::Policy;
use complaint_office_store::{Registration, Store, StoreError, StoreOptions};

struct Args {
    target: String,
    writer: u32,
    count: u32,
    acks: Option<String>,
    resume: bool,
}

fn args() -> Result<Args, String> {
    let mut target = None;
    let mut writer = 0;
    let mut count = 100;
    let mut acks = None;
    let mut resume = false;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--target" => target = Some(value()?),
            "--writer" => writer = value()?.parse().map_err(|_| "--writer: a number")?,
            "--count" => count = value()?.parse().map_err(|_| "--count: a number")?,
            "--acks" => acks = Some(value()?),
            "--resume" => resume = true,
            "--help" | "-h" => return Err(String::new()),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(Args {
        target: target.ok_or("--target is required")?,
        writer,
        count,
        acks,
        resume,
    })
}

/// The index of the last acknowledged registration, from an acknowledgement file.
fn resume_from(acks: &str) -> u32 {
    std::fs::read_to_string(acks)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.strip_prefix("R "))
        .filter_map(|l| l.split(' ').next()?.parse().ok())
        .max()
        .unwrap_or(0)
}

fn received(writer: u32, i: u32) -> Result<Event, StoreError> {
    // Alternate months, so that two counters run at once; minutes keep events in order.
    let (month, day) = if i.is_multiple_of(2) {
        ("09", 10)
    } else {
        ("10", 20)
    };
    let json = format!(
        r#"{{"type": "received", "at": "2025-{month}-{day}T09:{:02}:00+08:00", "channel": "hotline",
            "complainant_kind": "customer", "name": "測試{writer}", "contact": "1380000{:04}",
            "content": "load test complaint {writer}-{i}"}}"#,
        i % 60,
        i % 10_000
    );
    Ok(Event::from_json_str(&json)?)
}

fn run(args: &Args) -> Result<(), String> {
    let fail = |e: StoreError| format!("{} ({})", e.code(), e);
    let options = StoreOptions::new(
        complaint_office::policy::PolicySet::new([Policy::default()]).map_err(|e| e.to_string())?,
    )
    .connections(1);
    let store = Store::open_with(&args.target, options).map_err(fail)?;
    let mut acks = match &args.acks {
        Some(path) => Some(
            OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .map_err(|e| format!("acks: {e}"))?,
        ),
        None => None,
    };
    let start = if args.resume {
        args.acks.as_deref().map_or(0, resume_from)
    } else {
        0
    };
    let mut ack = |line: String| -> Result<(), String> {
        if let Some(file) = acks.as_mut() {
            // One write per line, unbuffered: a SIGKILL after it cannot lose it.
            file.write_all(line.as_bytes())
                .map_err(|e| format!("acks: {e}"))?;
        }
        Ok(())
    };
    let clock = Clock::now();
    for i in start..args.count {
        let event = received(args.writer, i).map_err(fail)?;
        let at = event.at + chrono::Duration::minutes(30);
        let registration = Registration::new(event, at)
            .by(format!("clerk-{}", args.writer))
            .request_key(format!("w{}-{i}", args.writer));
        let registered = store.register(registration).map_err(fail)?;
        ack(format!("R {i} {} {}\n", registered.case, registered.number))?;
        if registered.version == 2 {
            let classified = Event::from_json_str(&format!(
                r#"{{"type": "classified", "at": "{}", "category": "product_quality"}}"#,
                complaint_office::time::format_instant(&(at + chrono::Duration::minutes(5)))
            ))
            .map_err(|e| e.to_string())?;
            let appended = store.append(registered.case, 2, classified).map_err(fail)?;
            ack(format!("A {i} {} {}\n", registered.case, appended.version))?;
        }
    }
    let seconds = clock.elapsed().as_secs_f64();
    println!("done {} in {seconds:.3} s", args.count - start);
    Ok(())
}

fn main() -> ExitCode {
    let args = match args() {
        Ok(args) => args,
        Err(why) => {
            eprintln!(
                "{why}\nusage: store-writer --target URL_OR_PATH --writer N --count K [--acks FILE] [--resume]"
            );
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(why) => {
            eprintln!("store-writer {}: {why}", args.writer);
            ExitCode::FAILURE
        }
    }
}
