//! The discipline table (`[discipline]`): which level each finding outside §8.2.3 gets.
//!
//! ```toml
//! [discipline]
//! otherwise = "light"
//! rules = [
//!   { fault = ["intentional"], level = "heavy" },
//!   { responsibility = ["direct", "primary"], fault = ["gross_negligence"], level = "heavy" },
//!   { responsibility = ["direct", "primary"], consequence = ["serious"], level = "heavy" },
//! ]
//! ```
//!
//! §8.2.3 is applied before the table and cannot be changed by it. Then the first rule whose
//! lists all contain the finding's values decides (a key left out matches any value); a
//! finding no rule matches gets `otherwise`. Rules give `light` or `heavy`: dismissal is
//! reserved for §8.2.3.

use serde::{Deserialize, Serialize};

use super::{Assessment, Consequence, Decision, Fault, Level, Responsibility};
use crate::policy_error::PolicyError;

/// The `[discipline]` section of a policy: the levels for findings outside §8.2.3.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DisciplineTable {
    /// The level of a finding that no rule matches.
    pub otherwise: Level,
    /// The rules, first match wins.
    pub rules: Vec<DisciplineRule>,
}

/// One rule of the discipline table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisciplineRule {
    /// The types of responsibility it applies to; any when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsibility: Option<Vec<Responsibility>>,
    /// The faults it applies to; any when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fault: Option<Vec<Fault>>,
    /// The consequences it applies to; any when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consequence: Option<Vec<Consequence>>,
    /// The level it gives: `light` or `heavy`.
    pub level: Level,
}

impl Default for DisciplineTable {
    /// Heavy for intent; heavy for direct or primary responsibility with gross negligence or a
    /// serious consequence; light otherwise.
    fn default() -> Self {
        let direct_or_primary = || Some(vec![Responsibility::Direct, Responsibility::Primary]);
        DisciplineTable {
            otherwise: Level::Light,
            rules: vec![
                DisciplineRule {
                    responsibility: None,
                    fault: Some(vec![Fault::Intentional]),
                    consequence: None,
                    level: Level::Heavy,
                },
                DisciplineRule {
                    responsibility: direct_or_primary(),
                    fault: Some(vec![Fault::GrossNegligence]),
                    consequence: None,
                    level: Level::Heavy,
                },
                DisciplineRule {
                    responsibility: direct_or_primary(),
                    fault: None,
                    consequence: Some(vec![Consequence::Serious]),
                    level: Level::Heavy,
                },
            ],
        }
    }
}

/// What decided a level: §8.2.3, a rule (by index) or `otherwise`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Dismissal,
    Rule(usize),
    Otherwise,
}

impl Source {
    fn key(self) -> String {
        match self {
            Source::Dismissal => "discipline".into(),
            Source::Rule(i) => format!("discipline.rules[{i}]"),
            Source::Otherwise => "discipline.otherwise".into(),
        }
    }
}

impl DisciplineRule {
    /// Whether the rule applies to `assessment`.
    pub fn matches(&self, assessment: Assessment) -> bool {
        fn any_or<T: PartialEq>(list: Option<&Vec<T>>, value: &T) -> bool {
            list.is_none_or(|l| l.contains(value))
        }
        any_or(self.responsibility.as_ref(), &assessment.responsibility)
            && any_or(self.fault.as_ref(), &assessment.fault)
            && any_or(self.consequence.as_ref(), &assessment.consequence)
    }
}

impl DisciplineTable {
    /// The discipline for `assessment`: §8.2.3 first, then the first matching rule, then
    /// `otherwise`.
    pub fn decide(&self, assessment: Assessment) -> Decision {
        Decision::at(self.level(assessment))
    }

    /// The level for `assessment` (see [`Self::decide`]).
    pub fn level(&self, assessment: Assessment) -> Level {
        match self.source(assessment) {
            Source::Dismissal => Level::Dismissal,
            Source::Rule(i) => self.rules.get(i).map_or(self.otherwise, |r| r.level),
            Source::Otherwise => self.otherwise,
        }
    }

    /// Every combination with its level: the whole table as the policy applies it.
    pub fn entries(&self) -> Vec<(Assessment, Level)> {
        Assessment::all().map(|a| (a, self.level(a))).collect()
    }

    fn source(&self, assessment: Assessment) -> Source {
        if assessment.calls_for_dismissal() {
            return Source::Dismissal;
        }
        self.rules
            .iter()
            .position(|r| r.matches(assessment))
            .map_or(Source::Otherwise, Source::Rule)
    }

    /// Checks the section: no empty lists, no dismissal outside §8.2.3, and monotone: a
    /// graver finding never gets a lighter level than a less grave one.
    ///
    /// # Errors
    /// [`PolicyError::InvalidValue`] for an empty list or a dismissal level, naming the key;
    /// [`PolicyError::Contradiction`] at the rule (or `discipline.otherwise`) that gives the
    /// graver finding its lighter level.
    pub fn validate(&self) -> Result<(), PolicyError> {
        const RESERVED: &str = "dismissal is reserved for intent or gross negligence with a serious consequence (§8.2.3); use light or heavy";
        if self.otherwise == Level::Dismissal {
            return Err(PolicyError::invalid("discipline.otherwise", RESERVED));
        }
        for (i, rule) in self.rules.iter().enumerate() {
            let empty = [
                ("responsibility", rule.responsibility.as_ref().map(Vec::len)),
                ("fault", rule.fault.as_ref().map(Vec::len)),
                ("consequence", rule.consequence.as_ref().map(Vec::len)),
            ]
            .into_iter()
            .find(|(_, len)| *len == Some(0));
            if let Some((key, _)) = empty {
                return Err(PolicyError::invalid(
                    format!("discipline.rules[{i}].{key}"),
                    "an empty list matches nothing; leave the key out to match any value",
                ));
            }
            if rule.level == Level::Dismissal {
                return Err(PolicyError::invalid(
                    format!("discipline.rules[{i}].level"),
                    RESERVED,
                ));
            }
        }
        let entries = self.entries();
        for &(graver, graver_level) in &entries {
            for &(lesser, lesser_level) in &entries {
                if graver_level < lesser_level && graver.is_at_least_as_grave_as(lesser) {
                    return Err(PolicyError::contradiction(
                        self.source(graver).key(),
                        format!(
                            "not monotone: {graver} gets {graver_level}, lighter than {lesser_level} for the less grave {lesser} (from {})",
                            self.source(lesser).key()
                        ),
                    ));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_light_or_heavy_table_that_validates_is_monotone() {
        // Exhaustive over one-rule tables: validation accepts exactly the monotone ones.
        let all: Vec<_> = Assessment::all().collect();
        for &target in &all {
            for level in [Level::Light, Level::Heavy] {
                for otherwise in [Level::Light, Level::Heavy] {
                    let table = DisciplineTable {
                        otherwise,
                        rules: vec![DisciplineRule {
                            responsibility: Some(vec![target.responsibility]),
                            fault: Some(vec![target.fault]),
                            consequence: Some(vec![target.consequence]),
                            level,
                        }],
                    };
                    let entries = table.entries();
                    let monotone = entries.iter().all(|&(a, la)| {
                        entries
                            .iter()
                            .all(|&(b, lb)| !a.is_at_least_as_grave_as(b) || la >= lb)
                    });
                    assert_eq!(table.validate().is_ok(), monotone, "{target} {level}");
                }
            }
        }
    }
}
