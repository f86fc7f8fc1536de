//! The official periodic report from a ledger (§7.1.2): CSV in, figures, charts and one HTML
//! file out.
//!
//! ```text
//! cargo run --release --example monthly_report -- ledger.csv --granularity quarter --html report.html
//! cargo run --release --example monthly_report -- --generate ledger.csv --rows 1000000
//! cargo run --example monthly_report          # a synthetic ledger, report in the temp folder
//! ```
//!
//! Options: `--granularity month|quarter|year`, `--from PERIOD`, `--to PERIOD`, `--lenient`
//! (collect bad rows instead of stopping), `--html FILE`, `--json FILE`, `--policy FILE.toml`,
//! `--language zh-Hant|zh-Hans|en`. `--generate FILE` writes a synthetic ledger (`--rows`,
//! `--seed`, `--from-month YYYY-MM`, `--months`) instead of reporting; `--from-records` times
//! the in-memory path (synthetic records → ledger → report). Every run prints how long
//! reading, reporting and rendering took (single-threaded), in wall and CPU time.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::error::Error;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use complaint_office::ErrorCode;
use complaint_office::policy::{Language, Policy};
use complaint_office::stats::synthetic::Synthetic;
use complaint_office::stats::{
    CsvOptions, Granularity, Ledger, Leniency, Period, Report, ReportOptions, html,
};
use complaint_office::time::YearMonth;

/// Rows of the ledger generated when no ledger is given (quick even in a debug build).
const DEMO_ROWS: usize = 50_000;

#[derive(Debug, Default)]
struct Args {
    ledger: Option<PathBuf>,
    granularity: Option<Granularity>,
    from: Option<Period>,
    to: Option<Period>,
    lenient: bool,
    html: Option<PathBuf>,
    json: Option<PathBuf>,
    policy: Option<PathBuf>,
    language: Option<Language>,
    generate: Option<PathBuf>,
    rows: Option<usize>,
    seed: Option<u64>,
    from_month: Option<YearMonth>,
    months: Option<u32>,
    from_records: bool,
}

fn parse_args() -> Result<Args, Box<dyn Error>> {
    let mut args = Args::default();
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--granularity" => args.granularity = Some(value()?.parse()?),
            "--from" => args.from = Some(value()?.parse()?),
            "--to" => args.to = Some(value()?.parse()?),
            "--lenient" => args.lenient = true,
            "--html" => args.html = Some(value()?.into()),
            "--json" => args.json = Some(value()?.into()),
            "--policy" => args.policy = Some(value()?.into()),
            "--language" => {
                args.language = Some(serde_json::from_value(serde_json::Value::String(value()?))?)
            }
            "--generate" => args.generate = Some(value()?.into()),
            "--rows" => args.rows = Some(value()?.parse()?),
            "--seed" => args.seed = Some(value()?.parse()?),
            "--from-month" => args.from_month = Some(value()?.parse()?),
            "--months" => args.months = Some(value()?.parse()?),
            "--from-records" => args.from_records = true,
            "-h" | "--help" => {
                println!(
                    "{}",
                    include_str!("monthly_report.rs")
                        .lines()
                        .take(15)
                        .collect::<Vec<_>>()
                        .join("\n")
                );
                std::process::exit(0);
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}").into()),
            _ if args.ledger.is_none() => args.ledger = Some(arg.into()),
            _ => return Err("more than one ledger given".into()),
        }
    }
    Ok(args)
}

fn synthetic(args: &Args, default_rows: usize) -> Synthetic {
    let defaults = Synthetic::default();
    Synthetic {
        rows: args.rows.unwrap_or(default_rows),
        first_month: args.from_month.unwrap_or(defaults.first_month),
        months: args.months.unwrap_or(defaults.months),
        seed: args.seed.unwrap_or(defaults.seed),
    }
}

fn policy(args: &Args) -> Result<Policy, Box<dyn Error>> {
    let policy = match &args.policy {
        Some(path) => Policy::from_toml_str(&std::fs::read_to_string(path)?)?,
        None => Policy::default(),
    };
    Ok(match args.language {
        Some(language) => {
            let mut file = policy.file().clone();
            file.language = language;
            Policy::new(file)?
        }
        None => policy,
    })
}

fn run() -> Result<(), Box<dyn Error>> {
    let args = parse_args()?;
    if let Some(path) = &args.generate {
        let shape = synthetic(&args, Synthetic::default().rows);
        let started = Instant::now();
        std::fs::write(path, shape.csv(&policy(&args)?)?)?;
        println!(
            "wrote a synthetic ledger of {} complaints over {} months from {} to {} ({:.2} s)",
            shape.rows,
            shape.months,
            shape.first_month,
            path.display(),
            started.elapsed().as_secs_f64()
        );
        return Ok(());
    }
    let policy = policy(&args)?;
    if args.from_records {
        return from_records(&args, &policy);
    }
    let options = CsvOptions {
        leniency: if args.lenient {
            Leniency::Lenient
        } else {
            Leniency::Strict
        },
        ..CsvOptions::default()
    };

    let started = Instant::now();
    let cpu_started = cpu_seconds();
    let ledger = match &args.ledger {
        Some(path) => Ledger::from_csv_path(path, &options, &policy)?,
        None => {
            let shape = synthetic(&args, DEMO_ROWS);
            println!(
                "no ledger given: a synthetic one of {} complaints",
                shape.rows
            );
            Ledger::from_csv_reader(shape.csv(&policy)?.as_bytes(), &options, &policy)?
        }
    };
    let read = started.elapsed();
    let cpu_read = cpu_seconds();

    let started = Instant::now();
    let report_options = ReportOptions {
        granularity: args.granularity.unwrap_or(Granularity::Month),
        from: args.from,
        to: args.to,
    };
    let report = Report::build(&ledger, &report_options, &policy)?;
    let reported = started.elapsed();
    let cpu_reported = cpu_seconds();

    let started = Instant::now();
    let page = html(&report, &policy);
    let rendered = started.elapsed();

    summarize(&ledger, &report);
    let html_path = args.html.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!(
            "complaint-office-{}-report.html",
            report.granularity
        ))
    });
    std::fs::write(&html_path, page)?;
    println!("HTML report: {}", html_path.display());
    if let Some(path) = &args.json {
        std::fs::write(path, serde_json::to_string(&report)?)?;
        println!("JSON report: {}", path.display());
    }
    println!(
        "timing: read={:.4} report={:.4} html={:.4} (seconds, one thread)",
        read.as_secs_f64(),
        reported.as_secs_f64(),
        rendered.as_secs_f64()
    );
    if let (Some(a), Some(b), Some(c)) = (cpu_started, cpu_read, cpu_reported) {
        println!(
            "cpu: read={:.4} report={:.4} (seconds on the CPU)",
            b - a,
            c - b
        );
    }
    Ok(())
}

/// Times the in-memory path: records already in memory → ledger → report.
fn from_records(args: &Args, policy: &Policy) -> Result<(), Box<dyn Error>> {
    let shape = synthetic(args, Synthetic::default().rows);
    let records = shape.records(policy)?;
    let granularity = args.granularity.unwrap_or(Granularity::Month);
    let mut best: Option<(f64, f64)> = None;
    for _ in 0..3 {
        let (started, cpu) = (Instant::now(), cpu_seconds());
        let ledger = Ledger::from_records(&records, Leniency::Strict)?;
        let report = ledger.report(granularity, policy)?;
        let wall = started.elapsed().as_secs_f64();
        let cpu = cpu.zip(cpu_seconds()).map_or(f64::NAN, |(a, b)| b - a);
        println!(
            "{} records -> {} {} periods",
            records.len(),
            report.periods.len(),
            granularity
        );
        if best.is_none_or(|(w, _)| wall < w) {
            best = Some((wall, cpu));
        }
    }
    if let Some((wall, cpu)) = best {
        println!(
            "timing: records_to_report={wall:.4} cpu={cpu:.4} (seconds, best of 3, one thread)"
        );
    }
    Ok(())
}

/// Seconds this thread has run on a CPU (Linux), to tell work from waiting on a busy machine.
fn cpu_seconds() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}

fn summarize(ledger: &Ledger, report: &Report) {
    let o = &report.overview;
    println!(
        "{} complaints kept, {} rows left out; {} {} periods",
        ledger.len(),
        ledger.rejected().len(),
        report.periods.len(),
        report.granularity
    );
    for p in report.periods.iter().rev().take(3).rev() {
        let change = p
            .change
            .and_then(|c| c.percent)
            .map_or_else(|| "–".to_owned(), |pct| format!("{pct:+.1}%"));
        let median = p
            .handling_hours
            .median
            .map_or_else(|| "–".to_owned(), |h| format!("{h:.1} h"));
        println!(
            "  {}: {} received ({change}), {} closed, median handling {median}, {} open at end",
            p.period, p.total, p.closed, p.open_at_end
        );
    }
    if let Some(top) = report.growth.categories.first() {
        println!(
            "fastest-growing category: {} ({:+.1} per period, {:+.2}%)",
            top.name, top.slope, top.percent
        );
    }
    if o.total > 0 {
        println!(
            "over the range: {} received, {} closed, satisfaction {}",
            o.total,
            o.closed,
            o.satisfaction_rate
                .map_or_else(|| "–".to_owned(), |r| format!("{:.1}%", r * 100.0))
        );
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let code = e
                .downcast_ref::<complaint_office::stats::StatsError>()
                .map(|s| format!(" [{}]", s.code()))
                .unwrap_or_default();
            eprintln!("monthly_report: {e}{code}");
            ExitCode::FAILURE
        }
    }
}
