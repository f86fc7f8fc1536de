//! (Being built: see issue 5.)

use crate::error::ErrorCode;

/// Errors of this module.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CaseError {}

impl ErrorCode for CaseError {
    fn code(&self) -> &'static str {
        match *self {}
    }
}
