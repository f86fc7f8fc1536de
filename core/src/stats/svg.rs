//! A small SVG writer: just the elements the charts use, escaped, dependency-free.
//!
//! Presentation is in attributes, not CSS, so a chart looks the same standalone, inline in
//! HTML or pasted into a document.

use std::fmt::Write as _;

/// Fonts that have CJK glyphs on common systems, then the generic family.
pub(crate) const FONT: &str = "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', \
    'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans CJK TC', sans-serif";

/// Where a text is anchored.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// An SVG document being written.
#[derive(Debug)]
pub(crate) struct Svg {
    out: String,
}

impl Svg {
    /// Opens a document of `width` × `height` with an accessible title.
    pub(crate) fn new(width: f64, height: f64, class: &str, title: &str) -> Self {
        let mut out = String::with_capacity(16 * 1024);
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{class}\" width=\"{w}\" height=\"{h}\" \
             viewBox=\"0 0 {w} {h}\" role=\"img\" font-family=\"{FONT}\" font-size=\"12\">",
            w = num(width),
            h = num(height),
        );
        out.push_str("<title>");
        escape_into(&mut out, title);
        out.push_str("</title>");
        Svg { out }
    }

    /// A filled rectangle with an optional tooltip.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn rect(
        &mut self,
        class: &str,
        (x, y, w, h): (f64, f64, f64, f64),
        fill: &str,
        tooltip: Option<&str>,
    ) {
        let _ = write!(
            self.out,
            "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"",
            num(x),
            num(y),
            num(w.max(0.0)),
            num(h.max(0.0)),
        );
        match tooltip {
            Some(t) => {
                self.out.push_str("><title>");
                escape_into(&mut self.out, t);
                self.out.push_str("</title></rect>");
            }
            None => self.out.push_str("/>"),
        }
    }

    /// A text.
    pub(crate) fn text(&mut self, class: &str, (x, y): (f64, f64), anchor: Anchor, content: &str) {
        let _ = write!(
            self.out,
            "<text class=\"{class}\" x=\"{}\" y=\"{}\" text-anchor=\"{}\" fill=\"#333\">",
            num(x),
            num(y),
            anchor.as_str()
        );
        escape_into(&mut self.out, content);
        self.out.push_str("</text>");
    }

    /// A text turned a quarter left (a vertical axis label).
    pub(crate) fn vertical_text(&mut self, class: &str, (x, y): (f64, f64), content: &str) {
        let _ = write!(
            self.out,
            "<text class=\"{class}\" x=\"{x}\" y=\"{y}\" text-anchor=\"middle\" fill=\"#333\" \
             transform=\"rotate(-90 {x} {y})\">",
            x = num(x),
            y = num(y),
        );
        escape_into(&mut self.out, content);
        self.out.push_str("</text>");
    }

    /// A line.
    pub(crate) fn line(
        &mut self,
        class: &str,
        (x1, y1): (f64, f64),
        (x2, y2): (f64, f64),
        stroke: &str,
    ) {
        let _ = write!(
            self.out,
            "<line class=\"{class}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{stroke}\" stroke-width=\"1\"/>",
            num(x1),
            num(y1),
            num(x2),
            num(y2)
        );
    }

    /// Closes the document.
    pub(crate) fn finish(mut self) -> String {
        self.out.push_str("</svg>");
        self.out
    }
}

/// Escapes text for XML (and HTML) content and attributes. Characters XML 1.0 forbids
/// (control characters, U+FFFE, U+FFFF) become U+FFFD, so any ledger text yields valid XML.
pub(crate) fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

/// Escaped text.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// A coordinate with at most one decimal.
pub(crate) fn num(x: f64) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    let rounded = (x * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// An estimate of a text's width: wide (CJK) characters 1 em, others 0.6 em.
pub(crate) fn text_width(text: &str, font_size: f64) -> f64 {
    text.chars()
        .map(|c| if is_wide(c) { 1.0 } else { 0.6 })
        .sum::<f64>()
        * font_size
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// Shortens a label to about `max_width` pixels, with an ellipsis.
pub(crate) fn fit(text: &str, font_size: f64, max_width: f64) -> String {
    if text_width(text, font_size) <= max_width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut width = text_width("…", font_size);
    for c in text.chars() {
        width += text_width(c.encode_utf8(&mut [0; 4]), font_size);
        if width > max_width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// A round axis step giving about `ticks` ticks up to `max`, and the axis top.
pub(crate) fn nice_axis(max: f64, ticks: f64) -> (f64, f64) {
    if !(max.is_finite() && max > 0.0) {
        return (1.0, 1.0);
    }
    let raw = max / ticks;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude)
        .max(1.0);
    (step, (max / step).ceil() * step)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_xml_forbids() {
        assert_eq!(
            escape("a<b & \"c\" 'd'>"),
            "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;"
        );
        assert_eq!(escape("x\u{1}y\u{ffff}"), "x\u{fffd}y\u{fffd}");
    }

    #[test]
    fn helpers() {
        assert_eq!(num(1.25), "1.3");
        assert_eq!(num(3.0), "3");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(nice_axis(87.0, 5.0), (20.0, 100.0));
        assert_eq!(nice_axis(3.0, 5.0), (1.0, 3.0));
        assert_eq!(nice_axis(0.0, 5.0), (1.0, 1.0));
        assert!(text_width("產品", 10.0) > text_width("ab", 10.0));
        assert_eq!(fit("abcdefghij", 10.0, 30.0), "abcd…");
    }
}
