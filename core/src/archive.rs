//! (Being built: see issue 6.)

use crate::error::ErrorCode;

/// Errors of this module.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ArchiveError {}

impl ErrorCode for ArchiveError {
    fn code(&self) -> &'static str {
        match *self {}
    }
}
