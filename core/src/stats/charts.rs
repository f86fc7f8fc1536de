//! Charts that show the trend at a glance (§7.1.2): self-contained SVG documents.
//!
//! - `trend`: complaints per period, stacked by category (the largest nine; the rest as one
//!   "other" band), with a legend;
//! - `categories`, `departments`: one horizontal bar per name, over the report's range;
//! - `handling`: handling time of the cases closed in the range, in buckets from under a day
//!   to 30 days or more, with the mean, median and 90th percentile.
//!
//! Labels are in the policy's language; categories are labelled by [`label_for`].

use super::labels::{Texts, label_for, texts};
use super::report::Report;
use super::svg::{Anchor, Svg, fit, nice_axis, num, text_width};
use crate::policy::Policy;

/// Tableau 10: distinguishable, and the last (grey) is kept for "other".
const PALETTE: [&str; 10] = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac",
];
const OTHER_COLOUR: &str = "#bab0ac";
const BAR_COLOUR: &str = "#4e79a7";

/// The charts of a report, each a complete SVG document.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Charts {
    /// Complaints per period, stacked by category.
    pub trend: String,
    /// Complaints by category over the range, one bar each.
    pub categories: String,
    /// Complaints by department over the range, one bar each.
    pub departments: String,
    /// The distribution of handling times of the cases closed in the range.
    pub handling: String,
}

/// Draws the charts of a report, labelled in the policy's language.
pub fn charts(report: &Report, policy: &Policy) -> Charts {
    let t = texts(policy.language());
    let categories: Vec<(String, u64)> = sorted(
        report
            .overview
            .by_category
            .iter()
            .map(|(c, n)| (label_for(policy, c).into_owned(), *n)),
    );
    let departments = sorted(
        report
            .overview
            .by_department
            .iter()
            .map(|(d, n)| (d.clone(), *n)),
    );
    Charts {
        trend: trend(report, policy, t),
        categories: bars("chart bars categories", t.by_category, &categories, t),
        departments: bars("chart bars departments", t.by_department, &departments, t),
        handling: handling(report, t),
    }
}

/// Largest first, ties by name.
fn sorted(items: impl Iterator<Item = (String, u64)>) -> Vec<(String, u64)> {
    let mut items: Vec<_> = items.collect();
    items.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    items
}

fn trend(report: &Report, policy: &Policy, t: &Texts) -> String {
    const WIDTH: f64 = 960.0;
    const LEFT: f64 = 64.0;
    const RIGHT: f64 = 16.0;
    const TOP: f64 = 36.0;
    const PLOT_HEIGHT: f64 = 300.0;
    let plot_width = WIDTH - LEFT - RIGHT;
    // The series: the largest categories, then the rest as "other".
    let ranked: Vec<&String> = {
        let mut r: Vec<(&String, &u64)> = report.overview.by_category.iter().collect();
        r.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
        r.into_iter().map(|(c, _)| c).collect()
    };
    let shown = if ranked.len() <= PALETTE.len() {
        ranked.len()
    } else {
        PALETTE.len() - 1
    };
    let has_other = ranked.len() > shown;
    let mut series: Vec<(String, &str)> = ranked
        .iter()
        .take(shown)
        .zip(PALETTE)
        .map(|(c, colour)| (label_for(policy, c).into_owned(), colour))
        .collect();
    if has_other {
        series.push((t.other.to_owned(), OTHER_COLOUR));
    }
    // Legend rows under the axis labels.
    let legend_items: Vec<(String, &str, f64)> = series
        .iter()
        .map(|(label, colour)| {
            let label = fit(label, 12.0, 180.0);
            let w = 18.0 + text_width(&label, 12.0) + 16.0;
            (label, *colour, w)
        })
        .collect();
    let mut legend_rows = 1.0;
    let mut x = 0.0;
    for (_, _, w) in &legend_items {
        if x + w > plot_width && x > 0.0 {
            legend_rows += 1.0;
            x = 0.0;
        }
        x += w;
    }
    let legend_top = TOP + PLOT_HEIGHT + 52.0;
    let height = legend_top + legend_rows * 20.0 + 8.0;
    let mut svg = Svg::new(WIDTH, height, "chart trend", t.trend);
    svg.text("chart-title", (LEFT, 22.0), Anchor::Start, t.trend);
    let periods = &report.periods;
    let max_total = periods.iter().map(|p| p.total).max().unwrap_or(0);
    if periods.is_empty() || max_total == 0 {
        svg.text(
            "no-data",
            (WIDTH / 2.0, TOP + PLOT_HEIGHT / 2.0),
            Anchor::Middle,
            t.no_data,
        );
    }
    let (step, top) = nice_axis(max_total as f64, 5.0);
    let y_of = |v: f64| TOP + PLOT_HEIGHT - v / top * PLOT_HEIGHT;
    // Grid and y ticks.
    let mut v = 0.0;
    while v <= top + 1e-9 {
        svg.line(
            "grid",
            (LEFT, y_of(v)),
            (LEFT + plot_width, y_of(v)),
            "#e5e5e5",
        );
        svg.text(
            "tick-label",
            (LEFT - 6.0, y_of(v) + 4.0),
            Anchor::End,
            &num(v),
        );
        v += step;
    }
    let band = plot_width / periods.len().max(1) as f64;
    let bar = (band * 0.8).max(1.0);
    // Which periods get an x label: as many as fit, evenly.
    let label_width = periods
        .first()
        .map_or(0.0, |p| text_width(&p.period.to_string(), 11.0))
        + 12.0;
    let every = ((label_width / band).ceil() as usize).max(1);
    let index_of: std::collections::HashMap<&str, usize> = ranked
        .iter()
        .take(shown)
        .enumerate()
        .map(|(i, c)| (c.as_str(), i))
        .collect();
    for (k, p) in periods.iter().enumerate() {
        let x = LEFT + k as f64 * band + (band - bar) / 2.0;
        let mut stack = vec![0u64; series.len()];
        for (c, n) in &p.by_category {
            let i = index_of.get(c.as_str()).copied().unwrap_or(shown);
            if let Some(s) = stack.get_mut(i) {
                *s += n;
            }
        }
        let mut base = 0u64;
        for ((label, colour), n) in series.iter().zip(&stack) {
            if *n == 0 {
                continue;
            }
            let (y0, y1) = (y_of(base as f64), y_of((base + n) as f64));
            let tip = format!("{} · {label}: {n}", p.period);
            svg.rect("segment", (x, y1, bar, y0 - y1), colour, Some(&tip));
            base += n;
        }
        if k % every == 0 {
            svg.text(
                "tick-label",
                (LEFT + (k as f64 + 0.5) * band, TOP + PLOT_HEIGHT + 16.0),
                Anchor::Middle,
                &p.period.to_string(),
            );
        }
    }
    svg.line(
        "axis",
        (LEFT, TOP + PLOT_HEIGHT),
        (LEFT + plot_width, TOP + PLOT_HEIGHT),
        "#333",
    );
    svg.line("axis", (LEFT, TOP), (LEFT, TOP + PLOT_HEIGHT), "#333");
    svg.vertical_text("axis-label", (16.0, TOP + PLOT_HEIGHT / 2.0), t.complaints);
    svg.text(
        "axis-label",
        (LEFT + plot_width / 2.0, TOP + PLOT_HEIGHT + 36.0),
        Anchor::Middle,
        t.period,
    );
    let (mut x, mut y) = (LEFT, legend_top);
    for (label, colour, w) in &legend_items {
        if x + w > LEFT + plot_width && x > LEFT {
            x = LEFT;
            y += 20.0;
        }
        svg.rect("legend-swatch", (x, y - 10.0, 12.0, 12.0), colour, None);
        svg.text("legend", (x + 18.0, y), Anchor::Start, label);
        x += w;
    }
    svg.finish()
}

fn bars(class: &str, title: &str, items: &[(String, u64)], t: &Texts) -> String {
    const WIDTH: f64 = 720.0;
    const ROW: f64 = 26.0;
    const TOP: f64 = 36.0;
    let labels: Vec<String> = items.iter().map(|(l, _)| fit(l, 12.0, 220.0)).collect();
    let label_width = labels
        .iter()
        .map(|l| text_width(l, 12.0))
        .fold(40.0, f64::max)
        + 12.0;
    let left = label_width + 8.0;
    let plot_width = WIDTH - left - 72.0;
    let height = TOP + ROW * items.len().max(1) as f64 + 44.0;
    let mut svg = Svg::new(WIDTH, height, class, title);
    svg.text("chart-title", (8.0, 22.0), Anchor::Start, title);
    let max = items.iter().map(|(_, n)| *n).max().unwrap_or(0);
    if items.is_empty() {
        svg.text(
            "no-data",
            (WIDTH / 2.0, TOP + ROW / 2.0),
            Anchor::Middle,
            t.no_data,
        );
    }
    let (_, top) = nice_axis(max as f64, 5.0);
    for (i, ((name, n), label)) in items.iter().zip(&labels).enumerate() {
        let y = TOP + i as f64 * ROW;
        let w = *n as f64 / top * plot_width;
        svg.rect(
            "bar",
            (left, y + 4.0, w, ROW - 8.0),
            BAR_COLOUR,
            Some(&format!("{name}: {n}")),
        );
        svg.text(
            "bar-label",
            (left - 8.0, y + ROW / 2.0 + 4.0),
            Anchor::End,
            label,
        );
        svg.text(
            "value",
            (left + w + 6.0, y + ROW / 2.0 + 4.0),
            Anchor::Start,
            &n.to_string(),
        );
    }
    let bottom = TOP + ROW * items.len().max(1) as f64;
    svg.line("axis", (left, TOP), (left, bottom), "#333");
    svg.text(
        "axis-label",
        (left + plot_width / 2.0, bottom + 28.0),
        Anchor::Middle,
        t.complaints,
    );
    svg.finish()
}

fn handling(report: &Report, t: &Texts) -> String {
    const WIDTH: f64 = 720.0;
    const LEFT: f64 = 64.0;
    const TOP: f64 = 36.0;
    const PLOT_HEIGHT: f64 = 220.0;
    let plot_width = WIDTH - LEFT - 16.0;
    let o = &report.overview;
    let height = TOP + PLOT_HEIGHT + 80.0;
    let mut svg = Svg::new(WIDTH, height, "chart handling", t.handling_distribution);
    svg.text(
        "chart-title",
        (LEFT, 22.0),
        Anchor::Start,
        t.handling_distribution,
    );
    let max = o.handling_histogram.iter().copied().max().unwrap_or(0);
    if max == 0 {
        svg.text(
            "no-data",
            (WIDTH / 2.0, TOP + PLOT_HEIGHT / 2.0),
            Anchor::Middle,
            t.no_data,
        );
    }
    let (step, top) = nice_axis(max as f64, 4.0);
    let y_of = |v: f64| TOP + PLOT_HEIGHT - v / top * PLOT_HEIGHT;
    let mut v = 0.0;
    while v <= top + 1e-9 {
        svg.line(
            "grid",
            (LEFT, y_of(v)),
            (LEFT + plot_width, y_of(v)),
            "#e5e5e5",
        );
        svg.text(
            "tick-label",
            (LEFT - 6.0, y_of(v) + 4.0),
            Anchor::End,
            &num(v),
        );
        v += step;
    }
    let band = plot_width / o.handling_histogram.len() as f64;
    for (i, (n, label)) in o.handling_histogram.iter().zip(t.buckets).enumerate() {
        let x = LEFT + i as f64 * band + band * 0.15;
        let y = y_of(*n as f64);
        svg.rect(
            "bar",
            (x, y, band * 0.7, TOP + PLOT_HEIGHT - y),
            BAR_COLOUR,
            Some(&format!("{label}: {n}")),
        );
        svg.text(
            "value",
            (x + band * 0.35, y - 4.0),
            Anchor::Middle,
            &n.to_string(),
        );
        svg.text(
            "tick-label",
            (x + band * 0.35, TOP + PLOT_HEIGHT + 16.0),
            Anchor::Middle,
            label,
        );
    }
    svg.line(
        "axis",
        (LEFT, TOP + PLOT_HEIGHT),
        (LEFT + plot_width, TOP + PLOT_HEIGHT),
        "#333",
    );
    svg.vertical_text("axis-label", (16.0, TOP + PLOT_HEIGHT / 2.0), t.closed);
    let h = o.handling_hours;
    let figure = |x: Option<f64>| x.map_or_else(|| "–".to_owned(), |x| format!("{x:.1}"));
    let summary = format!(
        "{}: {} {} · {} {} · {} {}",
        t.handling_hours,
        t.mean,
        figure(h.mean),
        t.median,
        figure(h.median),
        t.p90,
        figure(h.p90)
    );
    svg.text(
        "axis-label",
        (LEFT + plot_width / 2.0, TOP + PLOT_HEIGHT + 40.0),
        Anchor::Middle,
        &summary,
    );
    svg.finish()
}
