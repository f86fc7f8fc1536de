//! Columnar input: one array per column, the shape Python (numpy, lists) and JavaScript
//! (arrays) hand over without building a record per row.

use super::StatsError;
use super::ledger::{Builder, Field, Ledger, Leniency, Row};
use super::timestamp::{self, Epoch};
use crate::ErrorCode;
use crate::number::ComplaintNumber;

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
        }
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
                outcome: None,
            };
            builder.add(i as u64 + 1, row)?;
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
