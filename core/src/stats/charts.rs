//! Charts that show the trend at a glance (§7.1.2): self-contained SVG documents.
//!
//! - `trend`: complaints per period, stacked by category (the largest nine; the rest as one
//!   "other" band), with a legend;
//! - `categories`, `departments`: one horizontal bar per name, over the report's range;
//! - `handling`: handling time of the cases closed in the range, in buckets from under a day
//!   to 30 days or more, with the mean, median and 90th percentile.
//!
//! Labels are in the policy's language; categories are labelled by [`label_for`].
//!
//! **A category keeps its colour** in every chart and every report under the same policy
//! ([`category_colour`]): the policy's categories take the palette's colours in the policy's
//! order; a category the policy does not know (an older system's code in a ledger) takes one
//! of the colours left over, chosen by a hash of its code (FNV-1a), or any of the palette's
//! when the policy's categories use them all. A report never reassigns colours by rank, so
//! "product quality" is the same blue in January's report and in the annual one. Grey is kept
//! for the "other" band of the trend (the categories beyond the largest nine).

use super::labels::{Texts, department_label, label_for, texts};
use super::period::Granularity;
use super::report::Report;
use super::svg::{Anchor, Svg, fit, nice_axis, num, text_width};
use crate::policy::Policy;

/// Tableau 10 without its grey: distinguishable colours for categories.
const PALETTE: [&str; 9] = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f",
];
/// Tableau 10's grey, kept for the "other" band.
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

/// The colour of a category in every chart under `policy` (see the module documentation):
/// the policy's `i`-th category takes the palette's `i`-th colour (cycling after nine); a code
/// the policy does not know takes a colour the policy's categories leave free, by a hash of
/// the code.
///
/// ```
/// use complaint_office::policy::Policy;
/// use complaint_office::stats::category_colour;
///
/// let policy = Policy::default();
/// assert_eq!(category_colour(&policy, "product_quality"), "#4e79a7");
/// assert_eq!(category_colour(&policy, "service_attitude"), "#f28e2b");
/// // An older system's code: always the same colour, not one of the policy's four.
/// let legacy = category_colour(&policy, "legacy_7");
/// assert_eq!(legacy, category_colour(&policy, "legacy_7"));
/// assert!(!["#4e79a7", "#f28e2b", "#e15759", "#76b7b2"].contains(&legacy));
/// ```
pub fn category_colour(policy: &Policy, code: &str) -> &'static str {
    let categories = &policy.classification().categories;
    let index = match categories.iter().position(|c| c.code == code) {
        Some(i) => i % PALETTE.len(),
        None => {
            let hash = fnv1a(code.as_bytes());
            let known = categories.len();
            if known < PALETTE.len() {
                known + (hash % (PALETTE.len() - known) as u64) as usize
            } else {
                (hash % PALETTE.len() as u64) as usize
            }
        }
    };
    PALETTE.get(index).copied().unwrap_or(OTHER_COLOUR)
}

/// FNV-1a, 64 bits: a small hash that is the same on every platform and in every version.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Draws the charts of a report, labelled in the policy's language.
pub fn charts(report: &Report, policy: &Policy) -> Charts {
    let t = texts(policy.language());
    let categories = sorted(report.overview.by_category.iter().map(|(c, n)| Bar {
        label: label_for(policy, c).into_owned(),
        count: *n,
        colour: category_colour(policy, c),
    }));
    let departments = sorted(report.overview.by_department.iter().map(|(d, n)| Bar {
        label: department_label(policy, d).into_owned(),
        count: *n,
        colour: BAR_COLOUR,
    }));
    Charts {
        trend: trend(report, policy, t),
        categories: bars("chart bars categories", t.by_category, &categories, t),
        departments: bars("chart bars departments", t.by_department, &departments, t),
        handling: handling(report, t),
    }
}

/// One bar of a bar chart.
struct Bar {
    label: String,
    count: u64,
    colour: &'static str,
}

/// Largest first, ties by label.
fn sorted(items: impl Iterator<Item = Bar>) -> Vec<Bar> {
    let mut items: Vec<_> = items.collect();
    items.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    items
}

/// Where a chart's plot area lies.
struct Frame {
    width: f64,
    left: f64,
    top: f64,
    plot_width: f64,
    plot_height: f64,
}

/// The vertical axis of a plot whose largest value is `max`: a "no data" note when it is 0,
/// the grid and tick labels at about `ticks` round steps. Returns the y of a value.
fn y_axis(
    svg: &mut Svg,
    frame: &Frame,
    max: u64,
    ticks: f64,
    t: &Texts,
) -> impl Fn(f64) -> f64 + use<> {
    let &Frame {
        width,
        left,
        top: frame_top,
        plot_width,
        plot_height,
    } = frame;
    if max == 0 {
        svg.text(
            "no-data",
            (width / 2.0, frame_top + plot_height / 2.0),
            Anchor::Middle,
            t.no_data,
        );
    }
    let (step, top) = nice_axis(max as f64, ticks);
    let y_of = move |v: f64| frame_top + plot_height - v / top * plot_height;
    let mut v = 0.0;
    while v <= top + 1e-9 {
        svg.line(
            "grid",
            (left, y_of(v)),
            (left + plot_width, y_of(v)),
            "#e5e5e5",
        );
        svg.text(
            "tick-label",
            (left - 6.0, y_of(v) + 4.0),
            Anchor::End,
            &num(v),
        );
        v += step;
    }
    y_of
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
    // Ten bands at most: up to ten categories each have one, more share an "other" band.
    let shown = if ranked.len() <= PALETTE.len() + 1 {
        ranked.len()
    } else {
        PALETTE.len()
    };
    let has_other = ranked.len() > shown;
    let mut series: Vec<(String, &str)> = ranked
        .iter()
        .take(shown)
        .map(|c| {
            (
                label_for(policy, c).into_owned(),
                category_colour(policy, c),
            )
        })
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
    let frame = Frame {
        width: WIDTH,
        left: LEFT,
        top: TOP,
        plot_width,
        plot_height: PLOT_HEIGHT,
    };
    let y_of = y_axis(&mut svg, &frame, max_total, 5.0, t);
    let band = plot_width / periods.len().max(1) as f64;
    // Bars no wider than a finger, so that a range of one or two periods does not read as
    // a wall of colour.
    let bar = (band * 0.8).clamp(1.0, 72.0);
    // Which periods get an x label: as many as fit, evenly.
    let label_width = periods
        .first()
        .map_or(0.0, |p| text_width(&p.period.to_string(), 11.0))
        + 12.0;
    let every = ((label_width / band).ceil() as usize).max(1);
    // Steps that fall on Januaries (first quarters, round years), so labels read as a calendar.
    let natural: &[usize] = match report.granularity {
        Granularity::Month => &[1, 2, 3, 4, 6, 12, 24, 36, 60, 120, 240, 600],
        Granularity::Quarter => &[1, 2, 4, 8, 12, 20, 40, 100, 200],
        Granularity::Year => &[1, 2, 5, 10, 20, 50, 100, 200, 500],
    };
    let step = natural
        .iter()
        .copied()
        .find(|&s| s >= every)
        .unwrap_or(every) as i32;
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
        if p.period.index().rem_euclid(step) == 0 {
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

fn bars(class: &str, title: &str, items: &[Bar], t: &Texts) -> String {
    const WIDTH: f64 = 720.0;
    const ROW: f64 = 26.0;
    const TOP: f64 = 36.0;
    let labels: Vec<String> = items.iter().map(|b| fit(&b.label, 12.0, 220.0)).collect();
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
    let max = items.iter().map(|b| b.count).max().unwrap_or(0);
    if items.is_empty() {
        svg.text(
            "no-data",
            (WIDTH / 2.0, TOP + ROW / 2.0),
            Anchor::Middle,
            t.no_data,
        );
    }
    let (_, top) = nice_axis(max as f64, 5.0);
    for (i, (bar, label)) in items.iter().zip(&labels).enumerate() {
        let (name, n) = (&bar.label, bar.count);
        let y = TOP + i as f64 * ROW;
        let w = n as f64 / top * plot_width;
        svg.rect(
            "bar",
            (left, y + 4.0, w, ROW - 8.0),
            bar.colour,
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
    let frame = Frame {
        width: WIDTH,
        left: LEFT,
        top: TOP,
        plot_width,
        plot_height: PLOT_HEIGHT,
    };
    let y_of = y_axis(&mut svg, &frame, max, 4.0, t);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::{CsvOptions, Ledger, html};

    const LEDGER: &str = "number,received_at,channel,category,department,severity,closed_at,satisfied\n\
        25010001,2025-01-02 09:00:00,hotline,product_quality,production,general,2025-01-03 09:00:00,true\n\
        25010002,2025-01-15 14:00:00,email,service_attitude,customer_service,serious,2025-02-14 14:00:00,false\n\
        25020001,2025-02-01 00:30:00,oa,product_quality,production,general,,\n\
        25020002,2025-02-10 10:00:00,hotline,product_quality,quality_assurance,major,2025-02-12 22:00:00,\n\
        25040001,2025-04-01 08:00:00,on_site,management,administration,general,2025-04-01 20:00:00,true\n";

    /// The page as XML (its `<!DOCTYPE html>` is a DTD to roxmltree).
    fn page(text: &str) -> roxmltree::Document<'_> {
        let options = roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        };
        roxmltree::Document::parse_with_options(text, options).unwrap()
    }

    fn policy(language: &str) -> Policy {
        Policy::from_json_value(serde_json::json!({ "language": language })).unwrap()
    }

    fn report_of(csv: &str, policy: &Policy) -> Report {
        let ledger =
            Ledger::from_csv_reader(csv.as_bytes(), &CsvOptions::default(), policy).unwrap();
        ledger.report(Granularity::Month, policy).unwrap()
    }

    fn with_class<'a>(
        doc: &'a roxmltree::Document<'_>,
        tag: &str,
        class: &str,
    ) -> Vec<roxmltree::Node<'a, 'a>> {
        doc.descendants()
            .filter(|n| n.has_tag_name(tag) && n.attribute("class") == Some(class))
            .collect()
    }

    fn own_text(n: roxmltree::Node<'_, '_>) -> String {
        n.children()
            .filter(|c| c.is_text())
            .filter_map(|c| c.text())
            .collect()
    }

    #[test]
    fn charts_are_valid_svg_with_one_bar_per_category() {
        let policy = policy("zh-Hant");
        let report = report_of(LEDGER, &policy);
        let charts = charts(&report, &policy);
        for svg in [
            &charts.trend,
            &charts.categories,
            &charts.departments,
            &charts.handling,
        ] {
            let doc = roxmltree::Document::parse(svg).unwrap();
            let root = doc.root_element();
            assert_eq!(root.tag_name().name(), "svg");
            assert_eq!(
                root.tag_name().namespace(),
                Some("http://www.w3.org/2000/svg")
            );
            assert!(root.attribute("viewBox").is_some());
        }
        let doc = roxmltree::Document::parse(&charts.categories).unwrap();
        let bars = with_class(&doc, "rect", "bar");
        assert_eq!(bars.len(), report.overview.by_category.len());
        let labels: Vec<String> = with_class(&doc, "text", "bar-label")
            .into_iter()
            .map(own_text)
            .collect();
        // The policy's labels, in its language; ties in count sort by label.
        assert_eq!(labels, ["產品質量", "服務態度", "管理問題"]);
        let axis: Vec<String> = with_class(&doc, "text", "axis-label")
            .into_iter()
            .map(own_text)
            .collect();
        assert_eq!(axis, ["投訴數"]);

        let doc = roxmltree::Document::parse(&charts.departments).unwrap();
        assert_eq!(with_class(&doc, "rect", "bar").len(), 4);

        let doc = roxmltree::Document::parse(&charts.trend).unwrap();
        let segments: usize = report.periods.iter().map(|p| p.by_category.len()).sum();
        assert_eq!(with_class(&doc, "rect", "segment").len(), segments);
        assert_eq!(with_class(&doc, "rect", "legend-swatch").len(), 3);
        let ticks: Vec<String> = with_class(&doc, "text", "tick-label")
            .into_iter()
            .map(own_text)
            .collect();
        for month in ["2025-01", "2025-02", "2025-03", "2025-04"] {
            assert!(ticks.iter().any(|t| t == month), "{month} in {ticks:?}");
        }
        let axis: Vec<String> = with_class(&doc, "text", "axis-label")
            .into_iter()
            .map(own_text)
            .collect();
        assert_eq!(axis, ["投訴數", "期間"]);

        let doc = roxmltree::Document::parse(&charts.handling).unwrap();
        let bars = with_class(&doc, "rect", "bar");
        assert_eq!(bars.len(), 6);
        let titles: Vec<String> = bars
            .iter()
            .map(|b| {
                b.children()
                    .find(|c| c.has_tag_name("title"))
                    .map(own_text)
                    .unwrap_or_default()
            })
            .collect();
        // 12 h and 24 h … 60 h, 720 h: one case under a day, two of 1-3 days, one of 30 days.
        assert_eq!(
            titles,
            [
                "< 1 天: 1",
                "1–3 天: 2",
                "3–7 天: 0",
                "7–15 天: 0",
                "15–30 天: 0",
                "≥ 30 天: 1"
            ]
        );
    }

    #[test]
    fn the_html_report_embeds_the_charts_in_the_policy_language() {
        for (language, title) in [
            ("zh-Hant", "投訴統計月報"),
            ("zh-Hans", "投诉统计月报"),
            ("en", "Monthly complaint report"),
        ] {
            let policy = policy(language);
            let report = report_of(LEDGER, &policy);
            let page = html(&report, &policy);
            let doc = self::page(&page);
            let root = doc.root_element();
            assert_eq!(root.tag_name().name(), "html");
            assert_eq!(root.attribute("lang"), Some(language));
            let h1 = doc.descendants().find(|n| n.has_tag_name("h1")).unwrap();
            assert_eq!(own_text(h1), title);
            assert_eq!(
                doc.descendants().filter(|n| n.has_tag_name("svg")).count(),
                4
            );
            let rows = doc
                .descendants()
                .find(|n| n.has_tag_name("section") && n.attribute("class") == Some("periods"))
                .unwrap()
                .descendants()
                .filter(|n| n.has_tag_name("tr"))
                .count();
            assert_eq!(rows, 1 + report.periods.len());
        }
    }

    #[test]
    fn hostile_names_and_many_categories_stay_valid() {
        let policy = policy("en");
        let mut csv = String::from("number,received_at,category,department\n");
        for i in 1..=15 {
            csv.push_str(&format!(
                "250100{i:02},2025-01-02 09:00:00,\"<b>&'cat\u{1}{i}\",dept\"\"\n"
            ));
        }
        csv.push_str("25020001,2025-02-02 09:00:00,x,\"</svg><script>\"\n");
        let report = report_of(&csv, &policy);
        let charts = charts(&report, &policy);
        let doc = roxmltree::Document::parse(&charts.categories).unwrap();
        assert_eq!(with_class(&doc, "rect", "bar").len(), 16);
        let doc = roxmltree::Document::parse(&charts.trend).unwrap();
        let legend: Vec<String> = with_class(&doc, "text", "legend")
            .into_iter()
            .map(own_text)
            .collect();
        assert_eq!(legend.len(), 10);
        assert_eq!(legend.last().map(String::as_str), Some("Other"));
        page(&html(&report, &policy));
    }

    /// The fill of the rects of `class` whose tooltip starts with `label`.
    fn fills(svg: &str, class: &str, label: &str) -> Vec<String> {
        let doc = roxmltree::Document::parse(svg).unwrap();
        with_class(&doc, "rect", class)
            .into_iter()
            .filter(|r| {
                r.children()
                    .find(|c| c.has_tag_name("title"))
                    .map(own_text)
                    .is_some_and(|t| t.contains(label))
            })
            .map(|r| r.attribute("fill").unwrap_or_default().to_owned())
            .collect()
    }

    #[test]
    fn a_category_keeps_its_colour_across_reports_and_charts() {
        let policy = policy("en");
        let year = report_of(LEDGER, &policy);
        // April alone: management is the only (so the largest) category there.
        let april = ledger_report(LEDGER, &policy, "2025-04", "2025-04");
        let management = category_colour(&policy, "management");
        assert_eq!(management, PALETTE[2], "the policy's third category");
        for report in [&year, &april] {
            let charts = charts(report, &policy);
            assert_eq!(fills(&charts.categories, "bar", "Management"), [management]);
            assert!(
                fills(&charts.trend, "segment", "Management")
                    .iter()
                    .all(|f| f == management)
            );
        }
        assert_eq!(
            fills(&charts(&year, &policy).categories, "bar", "Product quality"),
            [category_colour(&policy, "product_quality")]
        );
        // Codes the policy does not know take colours its four categories leave free.
        for code in ["legacy_1", "legacy_2", "delivery", "<b>"] {
            let colour = category_colour(&policy, code);
            assert!(PALETTE[4..].contains(&colour), "{code}: {colour}");
        }
    }

    fn ledger_report(csv: &str, policy: &Policy, from: &str, to: &str) -> Report {
        let ledger =
            Ledger::from_csv_reader(csv.as_bytes(), &CsvOptions::default(), policy).unwrap();
        let options = crate::stats::ReportOptions {
            from: Some(from.parse().unwrap()),
            to: Some(to.parse().unwrap()),
            ..crate::stats::ReportOptions::new(Granularity::Month)
        };
        Report::build(&ledger, &options, policy).unwrap()
    }

    /// The first cells of the rows of the `index`-th table of a section.
    fn first_cells(doc: &roxmltree::Document<'_>, section: &str, index: usize) -> Vec<String> {
        let section = doc
            .descendants()
            .find(|n| n.has_tag_name("section") && n.attribute("class") == Some(section))
            .unwrap();
        let table = section
            .descendants()
            .filter(|n| n.has_tag_name("table"))
            .nth(index)
            .unwrap();
        table
            .descendants()
            .filter(|n| n.has_tag_name("tbody"))
            .flat_map(|b| b.children().filter(|r| r.has_tag_name("tr")))
            .map(|r| {
                r.children()
                    .find(|c| c.has_tag_name("td"))
                    .map(|td| {
                        td.descendants()
                            .filter(|d| d.is_text())
                            .filter_map(|d| d.text())
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .collect()
    }

    #[test]
    fn severities_in_rank_order_and_only_what_grew() {
        let policy = policy("en");
        let report = report_of(LEDGER, &policy);
        let page = html(&report, &policy);
        let doc = self::page(&page);
        // general, serious, major: not alphabetical (general, major, serious).
        assert_eq!(
            first_cells(&doc, "channels", 1),
            ["General", "Serious", "Major"]
        );
        assert_eq!(
            first_cells(&doc, "channels", 0),
            ["E-mail", "Hotline", "On site", "OA system"]
        );
        // Product quality (1, 2, 0, 0) and service attitude (1, 0, 0, 0) shrink; management
        // (0, 0, 0, 1) grows: it alone is listed.
        assert!(report.growth.categories.iter().any(|t| t.slope < 0.0));
        assert_eq!(first_cells(&doc, "growth", 0), ["Management"]);
        assert_eq!(first_cells(&doc, "growth", 1), ["Administration"]);

        // A range where nothing grows says so.
        let shrinking = "number,received_at,category,department\n\
            25010001,2025-01-02 09:00:00,management,administration\n\
            25010002,2025-01-03 09:00:00,management,administration\n\
            25020001,2025-02-02 09:00:00,management,administration\n";
        let report = report_of(shrinking, &policy);
        let page = html(&report, &policy);
        let doc = self::page(&page);
        assert_eq!(first_cells(&doc, "growth", 0), ["Nothing grew"]);
    }

    #[test]
    fn a_one_period_report_has_no_trend_and_no_growth() {
        let policy = policy("zh-Hant");
        let report = ledger_report(LEDGER, &policy, "2025-02", "2025-02");
        assert_eq!(report.periods.len(), 1);
        let page = html(&report, &policy);
        let doc = self::page(&page);
        // No trend and no growth section: a note says why; the other three charts stay.
        let classes: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("section"))
            .filter_map(|n| n.attribute("class"))
            .collect();
        assert_eq!(
            classes,
            [
                "overview",
                "categories chart",
                "departments chart",
                "handling chart",
                "channels",
                "periods"
            ]
        );
        assert!(page.contains("只有一期：趨勢與增長需要至少兩期的資料"));
        // Its trend chart, drawn on its own: one bar, not a wall, at most 72 units wide.
        let trend = charts(&report, &policy).trend;
        let doc = roxmltree::Document::parse(&trend).unwrap();
        for segment in with_class(&doc, "rect", "segment") {
            let width: f64 = segment.attribute("width").unwrap().parse().unwrap();
            assert!(width <= 72.0, "{width}");
        }
        // The header names the policy in its language, not as `default`.
        let meta = doc_meta(&page);
        assert!(meta.ends_with("制度：投訴室管理制度（預設）"), "{meta}");
    }

    fn doc_meta(page: &str) -> String {
        let doc = self::page(page);
        doc.descendants()
            .find(|n| n.attribute("class") == Some("meta"))
            .map(own_text)
            .unwrap_or_default()
    }

    #[test]
    fn an_empty_report_draws_no_data() {
        let policy = policy("en");
        let report = report_of("number,received_at,category,department\n", &policy);
        let charts = charts(&report, &policy);
        for svg in [
            &charts.trend,
            &charts.categories,
            &charts.departments,
            &charts.handling,
        ] {
            let doc = roxmltree::Document::parse(svg).unwrap();
            let texts: Vec<String> = with_class(&doc, "text", "no-data")
                .into_iter()
                .map(own_text)
                .collect();
            assert_eq!(texts, ["No data"]);
        }
        page(&html(&report, &policy));
    }
}
