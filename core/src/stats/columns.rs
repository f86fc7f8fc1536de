//! Columnar input: one array per column, the shape Python (numpy, lists) and JavaScript
//! (arrays) hand over without building a record per row.

use super::StatsError;
use super::case_columns::CaseCells;
use super::ledger::{Builder, Field, Ledger, Leniency, Row};
use super::timestamp::{self, Epoch};
use crate::ErrorCode;
use crate::number::ComplaintNumber;

/// An optional column of optional instants (epoch seconds).
type InstantColumn<'a> = Option<&'a [Option<i64>]>;

/// A ledger as parallel arrays; element `i` of every array is row `i`.
///
/// Instants are seconds since the Unix epoch (UTC); periods are still decided in office time.
/// The optional columns may be absent as a whole (`None`) or per row (`None` inside); an empty
/// string counts as absent.
#[derive(Debug, Clone, Copy)]
pub struct Columns<'a, S> {
    /// Complaint numbers, `YYMMNNNN`.
    pub number: &'a [S],
    /// When each complaint was received, in seconds since 1970-01-01T00:00:00Z.
    pub received_at: &'a [i64],
    /// Categories.
    pub category: &'a [S],
    /// Departments.
    pub department: &'a [S],
    /// Channels, if the ledger has them.
    pub channel: Option<&'a [Option<S>]>,
    /// Severities, if the ledger has them.
    pub severity: Option<&'a [Option<S>]>,
    /// When each case was closed (epoch seconds); none while open.
    pub closed_at: Option<&'a [Option<i64>]>,
    /// Whether the complainant was satisfied; none when not answered.
    pub satisfied: Option<&'a [Option<bool>]>,
    /// Tracks (`general`, `complex`, `major`), if the ledger has them.
    pub track: Option<&'a [Option<S>]>,
    /// Outcomes (`resolved`, …, `open`), if the ledger has them.
    pub outcome: Option<&'a [Option<S>]>,
    /// Whether each case was handled again.
    pub rehandled: Option<&'a [Option<bool>]>,
    /// Whether the complainant was satisfied at the follow-up visit.
    pub follow_up_satisfied: Option<&'a [Option<bool>]>,
    /// Complainant keys for repeat complaints (opaque, never personal data).
    pub complainant_key: Option<&'a [Option<S>]>,
    /// Registration's due instant (epoch seconds).
    pub registration_due: Option<&'a [Option<i64>]>,
    /// When registration was done.
    pub registration_met_at: Option<&'a [Option<i64>]>,
    /// The plan's due instant.
    pub plan_due: Option<&'a [Option<i64>]>,
    /// When the plan was met.
    pub plan_met_at: Option<&'a [Option<i64>]>,
    /// The feedback's due instant (first round).
    pub feedback_due: Option<&'a [Option<i64>]>,
    /// When the result was fed back.
    pub feedback_met_at: Option<&'a [Option<i64>]>,
    /// The follow-up visit's due instant (first round).
    pub follow_up_due: Option<&'a [Option<i64>]>,
    /// When the follow-up visit was made.
    pub follow_up_met_at: Option<&'a [Option<i64>]>,
}

impl<'a, S: AsRef<str>> Columns<'a, S> {
    /// The required columns; the optional ones absent.
    pub fn new(
        number: &'a [S],
        received_at: &'a [i64],
        category: &'a [S],
        department: &'a [S],
    ) -> Self {
        Columns {
            number,
            received_at,
            category,
            department,
            channel: None,
            severity: None,
            closed_at: None,
            satisfied: None,
            track: None,
            outcome: None,
            rehandled: None,
            follow_up_satisfied: None,
            complainant_key: None,
            registration_due: None,
            registration_met_at: None,
            plan_due: None,
            plan_met_at: None,
            feedback_due: None,
            feedback_met_at: None,
            follow_up_due: None,
            follow_up_met_at: None,
        }
    }

    /// The due and met columns in the order of [`MeasuredStage::ALL`](super::MeasuredStage).
    fn limits(&self) -> [(InstantColumn<'a>, InstantColumn<'a>); 4] {
        [
            (self.registration_due, self.registration_met_at),
            (self.plan_due, self.plan_met_at),
            (self.feedback_due, self.feedback_met_at),
            (self.follow_up_due, self.follow_up_met_at),
        ]
    }

    /// Whether any case column is given.
    fn has_case_columns(&self) -> bool {
        self.track.is_some()
            || self.outcome.is_some()
            || self.rehandled.is_some()
            || self.follow_up_satisfied.is_some()
            || self.complainant_key.is_some()
            || self
                .limits()
                .iter()
                .any(|(d, m)| d.is_some() || m.is_some())
    }

    fn check_lengths(&self) -> Result<usize, StatsError> {
        let expected = self.number.len();
        let lengths = [
            ("received_at", Some(self.received_at.len())),
            ("category", Some(self.category.len())),
            ("department", Some(self.department.len())),
            ("channel", self.channel.map(<[_]>::len)),
            ("severity", self.severity.map(<[_]>::len)),
            ("closed_at", self.closed_at.map(<[_]>::len)),
            ("satisfied", self.satisfied.map(<[_]>::len)),
            ("track", self.track.map(<[_]>::len)),
            ("outcome", self.outcome.map(<[_]>::len)),
            ("rehandled", self.rehandled.map(<[_]>::len)),
            (
                "follow_up_satisfied",
                self.follow_up_satisfied.map(<[_]>::len),
            ),
            ("complainant_key", self.complainant_key.map(<[_]>::len)),
            ("registration_due", self.registration_due.map(<[_]>::len)),
            (
                "registration_met_at",
                self.registration_met_at.map(<[_]>::len),
            ),
            ("plan_due", self.plan_due.map(<[_]>::len)),
            ("plan_met_at", self.plan_met_at.map(<[_]>::len)),
            ("feedback_due", self.feedback_due.map(<[_]>::len)),
            ("feedback_met_at", self.feedback_met_at.map(<[_]>::len)),
            ("follow_up_due", self.follow_up_due.map(<[_]>::len)),
            ("follow_up_met_at", self.follow_up_met_at.map(<[_]>::len)),
        ];
        for (column, actual) in lengths {
            if let Some(actual) = actual.filter(|&a| a != expected) {
                return Err(StatsError::LengthMismatch {
                    column,
                    expected,
                    actual,
                });
            }
        }
        Ok(expected)
    }
}

impl Ledger {
    /// A ledger from parallel arrays (the bindings' batch form); a row's line is its 1-based
    /// position.
    ///
    /// ```
    /// use complaint_office::stats::{Columns, Leniency, Ledger};
    ///
    /// let numbers = ["25010001", "25010002"];
    /// let received = [1_735_779_600, 1_735_866_000]; // 2025-01-02 and 01-03, 09:00 in Beijing
    /// let categories = ["product_quality", "service_attitude"];
    /// let departments = ["production", "customer_service"];
    /// let closed = [Some(1_736_000_000), None];
    /// let mut columns = Columns::new(&numbers, &received, &categories, &departments);
    /// columns.closed_at = Some(&closed);
    /// let ledger = Ledger::from_columns(&columns, Leniency::Strict)?;
    /// assert_eq!(ledger.len(), 2);
    /// # Ok::<(), complaint_office::stats::StatsError>(())
    /// ```
    ///
    /// # Errors
    /// [`StatsError::LengthMismatch`] when the arrays differ in length;
    /// [`StatsError::BadRow`] in strict mode as for the other inputs (numbers are parsed,
    /// instants must lie in 1900–2999 UTC).
    pub fn from_columns<S: AsRef<str>>(
        columns: &Columns<'_, S>,
        leniency: Leniency,
    ) -> Result<Self, StatsError> {
        let rows = columns.check_lengths()?;
        let mut builder = Builder::new(leniency, Field::canonical_names());
        builder.reserve(rows);
        let case_columns = columns.has_case_columns();
        if case_columns {
            builder.has_case_columns();
        }
        let limits = columns.limits();
        let epoch = |secs: i64| {
            if timestamp::in_range(secs, 0) {
                Ok(secs as Epoch)
            } else {
                Err("time.out_of_range")
            }
        };
        let cells = columns
            .number
            .iter()
            .zip(columns.received_at)
            .zip(columns.category.iter().zip(columns.department));
        for (i, ((number, &received), (category, department))) in cells.enumerate() {
            let row = Row {
                number: ComplaintNumber::parse(number.as_ref()).map_err(|e| e.code()),
                received: epoch(received),
                category: category.as_ref().as_bytes(),
                department: department.as_ref().as_bytes(),
                channel: optional(columns.channel, i),
                severity: optional(columns.severity, i),
                closed: columns
                    .closed_at
                    .and_then(|c| c.get(i).copied().flatten())
                    .map(epoch)
                    .transpose(),
                satisfied: Ok(columns.satisfied.and_then(|c| c.get(i).copied().flatten())),
            };
            if !case_columns {
                builder.add(i as u64 + 1, row)?;
                continue;
            }
            let flag = |c: Option<&[Option<bool>]>| Ok(c.and_then(|c| c.get(i).copied().flatten()));
            let time = |c: Option<&[Option<i64>]>| {
                c.and_then(|c| c.get(i).copied().flatten())
                    .map(epoch)
                    .transpose()
            };
            let cells = CaseCells {
                track: optional(columns.track, i),
                outcome: optional(columns.outcome, i),
                rehandled: flag(columns.rehandled),
                follow_up_satisfied: flag(columns.follow_up_satisfied),
                complainant_key: optional(columns.complainant_key, i),
                due: limits.map(|(due, _)| time(due)),
                met: limits.map(|(_, met)| time(met)),
            };
            builder.add_with(i as u64 + 1, row, &cells)?;
        }
        Ok(builder.finish())
    }
}

/// Element `i` of an optional column, as bytes.
fn optional<S: AsRef<str>>(column: Option<&[Option<S>]>, i: usize) -> Option<&[u8]> {
    column
        .and_then(|c| c.get(i))
        .and_then(Option::as_ref)
        .map(|s| s.as_ref().as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_must_agree() {
        let numbers = ["25010001", "25010002"];
        let mut columns = Columns::new(&numbers, &[0, 0], &["a", "b"], &["d", "d"]);
        let short = [None];
        columns.satisfied = Some(&short);
        let e = Ledger::from_columns(&columns, Leniency::Strict).unwrap_err();
        assert_eq!(e.code(), "stats.length_mismatch");
        assert_eq!(
            e.to_string(),
            "column `satisfied` has 1 values where the ledger has 2"
        );
    }

    #[test]
    fn bad_cells_are_rejected_by_position() {
        let numbers = ["25010001", "2501001", "25010003"];
        let received = [1_735_779_600, 1_735_779_600, -3_000_000_000];
        let columns = Columns::new(&numbers, &received, &["a", "b", "c"], &["d", "d", "d"]);
        let ledger = Ledger::from_columns(&columns, Leniency::Lenient).unwrap();
        assert_eq!(ledger.len(), 1);
        let got: Vec<_> = ledger.rejected().iter().map(|r| (r.line, r.code)).collect();
        assert_eq!(
            got,
            [(2, "number.invalid_format"), (3, "time.out_of_range")]
        );
    }
}
