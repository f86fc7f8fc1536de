//! (Being built: see issue 7.)

use crate::error::ErrorCode;

/// Errors of this module.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StatsError {}

impl ErrorCode for StatsError {
    fn code(&self) -> &'static str {
        match *self {}
    }
}
