//! The errors of statistics: bad ledgers, bad periods, bad ranges.

use crate::error::ErrorCode;
use crate::input::InputError;

const CLAUSE: &str = "§7.1.1";

/// Why a ledger could not be read or a report could not be built.
///
/// Messages name the line and the column, never the content of a cell.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StatsError {
    /// A ledger row that cannot be used; [`problem`](Self::problem) says why.
    #[error("bad ledger row at line {line}{}: {problem}", column_suffix(.column))]
    BadRow {
        /// The line of the CSV file the row starts on (the header is line 1), or the 1-based
        /// position of the record or array element for other inputs.
        line: u64,
        /// The column at fault, as named in the input; none when the row as a whole is wrong.
        column: Option<String>,
        /// The code of the problem: `stats.missing_value`, `number.invalid_format`,
        /// `time.invalid_instant`, … (see [`Rejected`](crate::stats::Rejected)).
        problem: &'static str,
    },
    /// A required column is not in the header.
    #[error("the ledger has no column `{column}`")]
    MissingColumn {
        /// The column name looked for.
        column: String,
    },
    /// A column the ledger needs appears twice in the header.
    #[error("the ledger has the column `{column}` twice")]
    DuplicateColumn {
        /// The column name.
        column: String,
    },
    /// Columnar input whose arrays differ in length.
    #[error("column `{column}` has {actual} values where the ledger has {expected}")]
    LengthMismatch {
        /// The column that differs from `number`.
        column: &'static str,
        /// The length of `number`.
        expected: usize,
        /// The length of this column.
        actual: usize,
    },
    /// A column of a typed (Arrow) ledger whose type cannot hold what the column means: a
    /// number in a floating-point column, a receipt time in a list column.
    #[error("column `{column}` has the type {found}, expected {expected}")]
    UnsupportedColumn {
        /// The column name.
        column: String,
        /// The type found, as Arrow writes it (`Float64`).
        found: String,
        /// What the column accepts.
        expected: &'static str,
    },
    /// The ledger cannot be read at all (I/O, or CSV that cannot be split into rows).
    #[error("the ledger cannot be read{}: {reason}", line_suffix(.line))]
    Unreadable {
        /// The line where reading failed, when known.
        line: Option<u64>,
        /// What failed, without file contents.
        reason: String,
    },
    /// A CSV delimiter that is a quote, a line break or not ASCII.
    #[error("invalid CSV delimiter: expected an ASCII character other than a quote or line break")]
    InvalidDelimiter,
    /// Not a period: `2025-01`, `2025-Q1` or `2025`.
    #[error("invalid period: expected YYYY-MM, YYYY-Qn or YYYY")]
    InvalidPeriod,
    /// A report range whose ends are of another granularity, or that ends before it starts.
    #[error("invalid report range: {reason}")]
    InvalidRange {
        /// What is wrong.
        reason: &'static str,
    },
    /// Input refused before it is read as a ledger: a file that cannot be opened
    /// (`input.unreadable`), one over the maximum size or a synthetic ledger over the maximum
    /// rows (`input.too_large`).
    #[error(transparent)]
    Input(#[from] InputError),
    /// A report that cannot be written as JSON (not expected; stands where an empty text
    /// would otherwise be).
    #[error("the report cannot be written as JSON: {reason}")]
    Unwritable {
        /// What the JSON writer refused, without the report's content.
        reason: String,
    },
}

fn column_suffix(column: &Option<String>) -> String {
    column
        .as_ref()
        .map_or_else(String::new, |c| format!(", column `{c}`"))
}

fn line_suffix(line: &Option<u64>) -> String {
    line.map_or_else(String::new, |l| format!(" at line {l}"))
}

impl StatsError {
    /// For [`StatsError::BadRow`], the code of the problem; otherwise none.
    pub fn problem(&self) -> Option<&'static str> {
        match self {
            StatsError::BadRow { problem, .. } => Some(problem),
            _ => None,
        }
    }
}

impl ErrorCode for StatsError {
    fn code(&self) -> &'static str {
        match self {
            StatsError::BadRow { .. } => "stats.bad_row",
            StatsError::MissingColumn { .. } => "stats.missing_column",
            StatsError::DuplicateColumn { .. } => "stats.duplicate_column",
            StatsError::LengthMismatch { .. } => "stats.length_mismatch",
            StatsError::UnsupportedColumn { .. } => "stats.unsupported_column",
            StatsError::Unreadable { .. } => "stats.unreadable",
            StatsError::InvalidDelimiter => "stats.invalid_delimiter",
            StatsError::InvalidPeriod => "stats.invalid_period",
            StatsError::InvalidRange { .. } => "stats.invalid_range",
            StatsError::Unwritable { .. } => "stats.unwritable",
            StatsError::Input(e) => e.code(),
        }
    }

    fn clause(&self) -> Option<&'static str> {
        match self {
            StatsError::InvalidPeriod
            | StatsError::InvalidRange { .. }
            | StatsError::Unwritable { .. } => Some("§7.1.2"),
            StatsError::Input(_) => None,
            _ => Some(CLAUSE),
        }
    }

    /// The column at fault, as named in the input. A bad row's `line` is not an
    /// [`index`](ErrorCode::index): in CSV it counts file lines (header, quoted line breaks),
    /// not positions in a sequence the caller holds, so it stays in the error's fields.
    fn key(&self) -> Option<&str> {
        match self {
            StatsError::BadRow { column, .. } => column.as_deref(),
            StatsError::MissingColumn { column } | StatsError::DuplicateColumn { column } => {
                Some(column)
            }
            StatsError::LengthMismatch { column, .. } => Some(column),
            _ => None,
        }
    }
}
