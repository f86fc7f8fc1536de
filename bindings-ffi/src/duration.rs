//! Durations of the policy: `15 days`, `5 working days`, `24 hours`, `5個工作日`.

use std::sync::Arc;

use complaint_office::duration as core;

use crate::error::{Result, guard};
use crate::vocabulary::mirror_vocabulary;

mirror_vocabulary! {
    /// The unit of a [`Duration`].
    DurationUnit = core::Unit, parse_duration_unit {
        /// Clock hours, counted from the start instant (Civil Code art. 201 ¶2).
        Hours,
        /// Hours of office time on working days only; needs office hours in the policy.
        WorkingHours,
        /// Calendar days, counted from the day after the start (art. 201 ¶1).
        Days,
        /// Working days only, counted from the day after the start.
        WorkingDays,
        /// Calendar months, ending on the corresponding day (art. 202).
        Months,
        /// Calendar years, ending on the corresponding day (art. 202).
        Years,
    }
}

/// A time limit of the policy: an amount of one unit. Prints in the canonical English form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Object)]
#[uniffi::export(Debug, Display, Eq, Hash)]
pub struct Duration(pub(crate) core::Duration);

impl std::fmt::Display for Duration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

#[uniffi::export]
impl Duration {
    /// A duration of `amount` units.
    ///
    /// # Errors
    /// `duration.invalid` when `amount` is below 1 or above 99999.
    #[uniffi::constructor]
    pub fn new(amount: i64, unit: DurationUnit) -> Result<Arc<Self>> {
        // An amount that cannot fit the core's type is out of its range too.
        let amount = u32::try_from(amount).unwrap_or(0);
        guard(|| {
            Ok(Arc::new(Duration(core::Duration::new(
                amount,
                unit.into(),
            )?)))
        })
    }

    /// Reads a duration: `15 days`, `5 working days`, `24 hours`, `3 years`, `5個工作日`, `15日`.
    ///
    /// # Errors
    /// `duration.invalid`.
    #[uniffi::constructor]
    pub fn parse(text: String) -> Result<Arc<Self>> {
        guard(|| Ok(Arc::new(Duration(text.parse()?))))
    }

    /// The amount, at least 1.
    pub fn amount(&self) -> i64 {
        i64::from(self.0.amount())
    }

    /// The unit.
    pub fn unit(&self) -> DurationUnit {
        self.0.unit().into()
    }

    /// The shortest and longest this duration can last, in hours, whatever the start and the
    /// calendar (two numbers: `[shortest, longest]`); a policy whose limits contradict each
    /// other is refused by them.
    pub fn hour_bounds(&self) -> Vec<f64> {
        let (shortest, longest) = self.0.hour_bounds();
        vec![shortest, longest]
    }

    /// Whether the unit counts whole days (not hours): `days`, `working_days`, `months`,
    /// `years`.
    pub fn is_day_based(&self) -> bool {
        self.0.unit().is_day_based()
    }
}

impl Duration {
    pub(crate) fn arc(d: core::Duration) -> Arc<Self> {
        Arc::new(Duration(d))
    }
}
