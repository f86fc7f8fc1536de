//! [`PolicySet`]: policies by effective date.

use chrono::NaiveDate;

use super::{Policy, PolicyError};
use crate::calendar::beijing;
use crate::time::{Instant, office_date};

/// Policies by effective date: a case is judged by the policy in force when it was received.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PolicySet {
    // Sorted by effective date; a policy without one is in force from the beginning.
    policies: Vec<Policy>,
}

impl PolicySet {
    /// A set of policies. Two policies with the same effective date are a contradiction.
    ///
    /// # Errors
    /// [`PolicyError::Contradiction`] at `effective_from` for duplicate dates.
    pub fn new(policies: impl IntoIterator<Item = Policy>) -> Result<Self, PolicyError> {
        let mut policies: Vec<Policy> = policies.into_iter().collect();
        policies.sort_by_key(Policy::effective_from);
        if policies
            .windows(2)
            .any(|w| w[0].effective_from() == w[1].effective_from())
        {
            return Err(PolicyError::contradiction(
                "effective_from",
                "two policies take effect on the same day",
            ));
        }
        Ok(PolicySet { policies })
    }

    /// The policy in force on `date`: the latest whose effective date is not after it.
    ///
    /// # Errors
    /// [`PolicyError::NoneInForce`] when every policy takes effect later.
    pub fn in_force_on(&self, date: NaiveDate) -> Result<&Policy, PolicyError> {
        self.policies
            .iter()
            .rev()
            .find(|p| p.effective_from().is_none_or(|from| from <= date))
            .ok_or(PolicyError::NoneInForce { date })
    }

    /// The policy in force at `at`, decided on its office date.
    ///
    /// # Errors
    /// As [`Self::in_force_on`].
    pub fn in_force_at(&self, at: Instant) -> Result<&Policy, PolicyError> {
        let first = self
            .policies
            .first()
            .map_or_else(beijing, Policy::office_offset);
        self.in_force_on(office_date(at, first))
    }

    /// The policies, by effective date.
    pub fn policies(&self) -> &[Policy] {
        &self.policies
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    #[test]
    fn policy_sets_pick_the_policy_in_force() {
        let old = Policy::from_toml_str("name = \"2024\"\neffective_from = 2024-01-01").unwrap();
        let new = Policy::from_toml_str("name = \"2025\"\neffective_from = 2025-01-01").unwrap();
        let set = PolicySet::new([new, old]).unwrap();
        let on = |s: &str| {
            set.in_force_on(s.parse().unwrap())
                .map(|p| p.name().to_owned())
        };
        assert_eq!(on("2024-12-31").unwrap(), "2024");
        assert_eq!(on("2025-01-01").unwrap(), "2025");
        assert_eq!(on("2023-06-01").unwrap_err().code(), "policy.none_in_force");
    }
}
