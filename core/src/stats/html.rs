//! The report as one HTML file (§7.1.2): headline figures, the charts inline, growth, the
//! table of periods and the rows left out. No scripts, no external files; the markup is also
//! well-formed XML, so it can be checked and embedded as such.
//!
//! Laid out for a desk (the six headline figures on one row from about 1,000 px) and for a
//! phone (two figures a row; charts keep legible text and, like the wide period table,
//! scroll sideways in their own box, never the page). Severities read in rank order and channels in the
//! vocabulary's order; "fastest growing" lists only what grew; a category has the same colour
//! in every chart and report (see [`super::category_colour`]).

use std::fmt::Write as _;

use super::charts::charts;
use super::labels::{
    Texts, department_label, in_vocabulary_order, label_for, policy_name, texts, value_label,
};
use super::report::{PeriodStats, Report};
use super::svg::escape;
use crate::intake::Channel;
use crate::policy::Policy;
use crate::time::format_offset;
use crate::triage::Severity;

/// How many rejected rows the page lists (the report itself keeps them all).
const REJECTED_LISTED: usize = 200;
/// How many names each growth table shows.
const GROWTH_LISTED: usize = 10;

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI','PingFang SC','Hiragino Sans GB',\
'Microsoft YaHei','Noto Sans CJK SC','Noto Sans CJK TC',sans-serif;color:#222;margin:24px auto;\
max-width:1080px;padding:0 16px}\
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}.meta{color:#666;margin:0}\
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:12px;margin:0;padding:0}\
.figures div{border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:0}\
.figures dt{color:#666;font-size:13px}.figures dd{margin:0;font-size:20px;font-weight:600;white-space:nowrap}\
.figures dd small{font-size:13px;font-weight:400;color:#666}\
svg{max-width:100%;height:auto;display:block;margin:8px 0}\
.scroll,.chart{overflow-x:auto;max-width:100%}\
@media (max-width:720px){.chart svg{width:720px;max-width:none}}\
.periods td,.periods th{white-space:nowrap}\
table{border-collapse:collapse;font-size:13px;margin:8px 0}th,td{border-bottom:1px solid #e5e5e5;\
padding:4px 10px;text-align:right}th:first-child,td:first-child{text-align:left}thead th{background:#f6f6f6}\
.side{display:flex;flex-wrap:wrap;align-items:flex-start;gap:8px 32px}.note{color:#666;font-size:13px}\
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}";

/// Renders the report as a single-file HTML page in the policy's language.
pub fn html(report: &Report, policy: &Policy) -> String {
    let t = texts(policy.language());
    let charts = charts(report, policy);
    let mut out = String::with_capacity(64 * 1024);
    let title = t.title(report.granularity);
    let range = match (report.periods.first(), report.periods.last()) {
        (Some(first), Some(last)) if first.period != last.period => {
            format!("{} – {}", first.period, last.period)
        }
        (Some(first), _) => first.period.to_string(),
        _ => t.no_data.to_owned(),
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\"/>\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
         <title>{} {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        policy.language().tag(),
        escape(title),
        escape(&range)
    );
    let _ = write!(
        out,
        "<header>\n<h1>{}</h1>\n<p class=\"meta\">{} · {} {} · {}{}</p>\n</header>\n",
        escape(title),
        escape(&range),
        escape(t.office_offset),
        format_offset(policy.office_offset()),
        escape(t.policy),
        escape(policy_name(policy))
    );
    overview(&mut out, report, t);
    // One period has no trend and no growth: its breakdown is the category chart.
    let several = report.periods.len() > 1;
    if several {
        let _ = write!(
            out,
            "<section class=\"trend chart\">\n{}\n</section>\n",
            charts.trend
        );
    }
    let _ = write!(
        out,
        "<section class=\"categories chart\">\n{}\n</section>\n\
         <section class=\"departments chart\">\n{}\n</section>\n\
         <section class=\"handling chart\">\n{}\n</section>\n",
        charts.categories, charts.departments, charts.handling
    );
    if several {
        growth(&mut out, report, policy, t);
    }
    channels_and_severities(&mut out, report, policy, t);
    periods(&mut out, report, t);
    rejected(&mut out, report, t);
    out.push_str("</body>\n</html>\n");
    out
}

fn overview(out: &mut String, report: &Report, t: &Texts) {
    let o = &report.overview;
    let open = report.periods.last().map_or(0, |p| p.open_at_end);
    // Hours with their unit, the unit smaller (escaped here: the value is markup).
    let hours = |x: Option<f64>| {
        x.map_or_else(
            || "–".to_owned(),
            |x| format!("{x:.1} <small>{}</small>", escape(t.hours)),
        )
    };
    let figures = [
        (t.complaints, escape(&grouped(o.total))),
        (t.closed, escape(&grouped(o.closed))),
        (t.median_handling, hours(o.handling_hours.median)),
        (t.p90_handling, hours(o.handling_hours.p90)),
        (
            t.satisfaction,
            escape(&percent(o.satisfaction_rate.map(|r| r * 100.0))),
        ),
        (t.open_at_end, escape(&grouped(open))),
    ];
    let _ = write!(
        out,
        "<section class=\"overview\">\n<h2>{}</h2>\n<dl class=\"figures\">\n",
        escape(t.overview)
    );
    for (label, value) in figures {
        let _ = writeln!(out, "<div><dt>{}</dt><dd>{value}</dd></div>", escape(label));
    }
    out.push_str("</dl>\n");
    if report.periods.len() == 1 {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            escape(t.growth_needs_periods)
        );
    }
    out.push_str("</section>\n");
}

/// The categories and departments that grew, steepest first.
fn growth(out: &mut String, report: &Report, policy: &Policy, t: &Texts) {
    let _ = write!(
        out,
        "<section class=\"growth\">\n<h2>{}</h2>\n<div class=\"side\">\n",
        escape(t.growth)
    );
    let lists = [
        (t.category, &report.growth.categories, true),
        (t.department, &report.growth.departments, false),
    ];
    for (heading, trends, is_category) in lists {
        let _ = write!(
            out,
            "<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            escape(heading),
            escape(t.complaints),
            escape(t.slope),
            escape(t.slope_percent)
        );
        // Only what grew: a shrinking category is not "fastest growing" at any rank.
        let grew: Vec<_> = trends.iter().filter(|trend| trend.slope > 0.0).collect();
        for trend in grew.iter().take(GROWTH_LISTED) {
            let name = if is_category {
                format!(
                    "<span class=\"swatch\" style=\"background:{}\"></span>{}",
                    super::category_colour(policy, &trend.name),
                    escape(&label_for(policy, &trend.name))
                )
            } else {
                escape(&department_label(policy, &trend.name))
            };
            let _ = writeln!(
                out,
                "<tr><td>{name}</td><td>{}</td><td>{:+.2}</td><td>{:+.2}%</td></tr>",
                grouped(trend.total),
                trend.slope,
                trend.percent
            );
        }
        if grew.is_empty() {
            let _ = writeln!(
                out,
                "<tr><td colspan=\"4\">{}</td></tr>",
                escape(t.no_growth)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</div>\n</section>\n");
}

fn channels_and_severities(out: &mut String, report: &Report, policy: &Policy, t: &Texts) {
    let o = &report.overview;
    let _ = write!(
        out,
        "<section class=\"channels\">\n<h2>{}</h2>\n<div class=\"side\">\n",
        escape(t.channels_and_severities)
    );
    for (heading, counts) in [
        (
            t.channel,
            in_vocabulary_order(&o.by_channel, Channel::NAMES),
        ),
        (
            t.severity,
            in_vocabulary_order(&o.by_severity, Severity::NAMES),
        ),
    ] {
        let _ = write!(
            out,
            "<table>\n<thead><tr><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            escape(heading),
            escape(t.complaints)
        );
        for &(name, n) in &counts {
            let label = value_label(policy.language(), name);
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td></tr>",
                escape(label),
                grouped(n)
            );
        }
        if counts.is_empty() {
            let _ = writeln!(out, "<tr><td colspan=\"2\">{}</td></tr>", escape(t.no_data));
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</div>\n</section>\n");
}

fn periods(out: &mut String, report: &Report, t: &Texts) {
    let _ = write!(
        out,
        "<section class=\"periods\">\n<h2>{}</h2>\n<div class=\"scroll\">\n<table>\n<thead><tr>",
        escape(t.details)
    );
    let headings = [
        t.period.to_owned(),
        t.complaints.to_owned(),
        t.change.to_owned(),
        t.closed.to_owned(),
        format!("{} · {}", t.handling_hours, t.mean),
        t.median.to_owned(),
        t.p90.to_owned(),
        t.satisfaction.to_owned(),
        t.open_at_end.to_owned(),
    ];
    for h in &headings {
        let _ = write!(out, "<th>{}</th>", escape(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for p in &report.periods {
        period_row(out, p);
    }
    out.push_str("</tbody>\n</table>\n</div>\n</section>\n");
}

fn period_row(out: &mut String, p: &PeriodStats) {
    let hours = |x: Option<f64>| x.map_or_else(|| "–".to_owned(), |x| format!("{x:.1}"));
    let change = p.change.map_or_else(
        || "–".to_owned(),
        |c| match c.percent {
            Some(pct) => format!("{:+} ({:+.1}%)", c.absolute, pct),
            None => format!("{:+}", c.absolute),
        },
    );
    let h = p.handling_hours;
    let _ = writeln!(
        out,
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        p.period,
        grouped(p.total),
        escape(&change),
        grouped(p.closed),
        hours(h.mean),
        hours(h.median),
        hours(h.p90),
        percent(p.satisfaction_rate.map(|r| r * 100.0)),
        grouped(p.open_at_end)
    );
}

fn rejected(out: &mut String, report: &Report, t: &Texts) {
    if report.rejected.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<section class=\"rejected\">\n<h2>{} ({})</h2>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        escape(t.rejected),
        grouped(report.rejected.len() as u64),
        escape(t.line),
        escape(t.column),
        escape(t.code)
    );
    for r in report.rejected.iter().take(REJECTED_LISTED) {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            r.line,
            escape(r.column.as_deref().unwrap_or("–")),
            r.code
        );
    }
    if report.rejected.len() > REJECTED_LISTED {
        let _ = writeln!(
            out,
            "<tr><td colspan=\"3\">{} {}</td></tr>",
            escape(t.rejected_more),
            grouped((report.rejected.len() - REJECTED_LISTED) as u64)
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// `1234567` → `1,234,567`.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn percent(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_owned(), |x| format!("{x:.1}%"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }
}
