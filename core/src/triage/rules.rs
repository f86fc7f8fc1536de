//! The triage matrix of a policy (`[triage]`) and what a custom matrix may change.

use serde::{Deserialize, Serialize};

use super::{Assessment, Complexity, Severity, Track, TriageError, Urgency};
use crate::policy_error::PolicyError;

/// The `[triage]` section of a policy: one row per severity × urgency × complexity.
///
/// ```toml
/// [[triage.matrix]]
/// severity = "serious"
/// urgency = "urgent"
/// complexity = "simple"
/// emergency = true
/// track = "general"
/// priority = 2
/// ```
///
/// Writing `matrix` replaces the whole default, so a custom matrix lists all 12 rows, each
/// with every key. Validation keeps it within the policy text; a custom matrix **may**:
/// - decide that serious (or even general) urgent complaints do not (or do) start the
///   emergency procedure;
/// - move complaints to heavier tracks (say, every serious complaint on the complex track);
/// - number priorities differently, 1 to 99, 1 first.
///
/// It **may not** (each is a `policy.contradiction` naming the row):
/// - start the emergency procedure for a `normal` complaint, or fail to start it for an
///   urgent major one (§2.2.4 needs urgency and severity; major is always severe);
/// - let the emergency procedure depend on complexity, or make a more severe urgent complaint
///   a non-emergency when a less severe one is an emergency;
/// - put a major complaint on another track than `major`, or a complex one on the `general`
///   track (§4.1.2);
/// - give a worse complaint (more severe, more urgent or more complex, the others equal or
///   worse) a lighter track or a larger priority number;
/// - give a non-emergency a priority number at or before an emergency's (emergencies are
///   handled first, §2.2.4).
///
/// Each of the 12 combinations appears exactly once, and priorities are 1 to 99.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TriageRules {
    /// The rows, any order (the default lists severity, then urgency, then complexity).
    pub matrix: Vec<TriageRule>,
}

/// One row of the triage matrix: a combination and its outcome. Every key is required.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TriageRule {
    /// The severity the row is for.
    pub severity: Severity,
    /// The urgency the row is for.
    pub urgency: Urgency,
    /// The complexity the row is for.
    pub complexity: Complexity,
    /// Whether the emergency procedure starts (§2.2.4).
    pub emergency: bool,
    /// The handling track (§4.1.2).
    pub track: Track,
    /// The place in the queue, 1 to 99: 1 goes first.
    pub priority: u8,
}

impl Default for TriageRules {
    /// The rule of the policy text (see the module documentation).
    fn default() -> Self {
        let mut matrix = Vec::with_capacity(12);
        for &s in Severity::ALL {
            for &u in Urgency::ALL {
                for &c in Complexity::ALL {
                    matrix.push(TriageRule::default_for(s, u, c));
                }
            }
        }
        TriageRules { matrix }
    }
}

impl TriageRule {
    /// The default row for a combination: the rule of the policy text.
    pub fn default_for(severity: Severity, urgency: Urgency, complexity: Complexity) -> Self {
        let urgent = urgency == Urgency::Urgent;
        let track = match (severity, complexity) {
            (Severity::Major, _) => Track::Major,
            (_, Complexity::Complex) => Track::Complex,
            _ => Track::General,
        };
        let priority = match (severity, urgent) {
            (Severity::Major, true) => 1,
            (Severity::Serious, true) => 2,
            (Severity::Major, false) => 3,
            (Severity::Serious, false) => 4,
            (Severity::General, true) => 5,
            (Severity::General, false) => 6,
        };
        TriageRule {
            severity,
            urgency,
            complexity,
            emergency: urgent && severity >= Severity::Serious,
            track,
            priority,
        }
    }

    /// The row's outcome.
    pub fn assessment(&self) -> Assessment {
        Assessment {
            emergency: self.emergency,
            track: self.track,
            priority: self.priority,
        }
    }

    fn is(&self, severity: Severity, urgency: Urgency, complexity: Complexity) -> bool {
        self.severity == severity && self.urgency == urgency && self.complexity == complexity
    }

    /// Whether `self` is at most as bad as `other` in every dimension.
    fn no_worse_than(&self, other: &TriageRule) -> bool {
        self.severity <= other.severity
            && self.urgency <= other.urgency
            && self.complexity <= other.complexity
    }

    fn describe(&self) -> String {
        format!("{}/{}/{}", self.severity, self.urgency, self.complexity)
    }
}

/// The rules themselves, for the functions that take "a policy, or its TriageRules".
impl AsRef<TriageRules> for TriageRules {
    fn as_ref(&self) -> &TriageRules {
        self
    }
}

impl TriageRules {
    /// The row for a combination.
    pub fn rule(
        &self,
        severity: Severity,
        urgency: Urgency,
        complexity: Complexity,
    ) -> Option<&TriageRule> {
        // The default order puts each row at a computable index: try it before searching.
        let index = (severity as usize * 2 + urgency as usize) * 2 + complexity as usize;
        match self.matrix.get(index) {
            Some(row) if row.is(severity, urgency, complexity) => Some(row),
            _ => self
                .matrix
                .iter()
                .find(|r| r.is(severity, urgency, complexity)),
        }
    }

    /// Assesses a combination under these rules.
    ///
    /// # Errors
    /// [`TriageError::NoRule`] when the matrix has no row for it (never for validated rules).
    pub fn assess(
        &self,
        severity: Severity,
        urgency: Urgency,
        complexity: Complexity,
    ) -> Result<Assessment, TriageError> {
        self.rule(severity, urgency, complexity)
            .map(TriageRule::assessment)
            .ok_or(TriageError::NoRule)
    }

    /// Checks the matrix (see [`TriageRules`] for what it may and may not change).
    ///
    /// # Errors
    /// [`PolicyError`] naming the row (`triage.matrix[3].track`).
    pub fn validate(&self) -> Result<(), PolicyError> {
        let key = |i: usize, field: &str| format!("triage.matrix[{i}]{field}");
        for (i, row) in self.matrix.iter().enumerate() {
            if self
                .matrix
                .iter()
                .take(i)
                .any(|r| r.is(row.severity, row.urgency, row.complexity))
            {
                return Err(PolicyError::contradiction(
                    key(i, ""),
                    format!("a second row for {}", row.describe()),
                ));
            }
            if !(1..=99).contains(&row.priority) {
                return Err(PolicyError::invalid(
                    key(i, ".priority"),
                    "expected a priority from 1 (first) to 99",
                ));
            }
            if row.emergency && row.urgency == Urgency::Normal {
                return Err(PolicyError::contradiction(
                    key(i, ".emergency"),
                    "only an urgent complaint starts the emergency procedure (§2.2.4)",
                ));
            }
            let floor = TriageRule::default_for(row.severity, row.urgency, row.complexity).track;
            if row.track < floor {
                return Err(PolicyError::contradiction(
                    key(i, ".track"),
                    "a major complaint is on the major track, a complex one at least on the complex track (§4.1.2)",
                ));
            }
            if !row.emergency && row.urgency == Urgency::Urgent && row.severity == Severity::Major {
                return Err(PolicyError::contradiction(
                    key(i, ".emergency"),
                    "an urgent major complaint always starts the emergency procedure (§2.2.4)",
                ));
            }
        }
        for &s in Severity::ALL {
            for &u in Urgency::ALL {
                for &c in Complexity::ALL {
                    if self.rule(s, u, c).is_none() {
                        let row = TriageRule::default_for(s, u, c);
                        return Err(PolicyError::invalid(
                            "triage.matrix",
                            format!("no row for {}: every combination needs one", row.describe()),
                        ));
                    }
                }
            }
        }
        for (j, worse) in self.matrix.iter().enumerate() {
            for better in &self.matrix {
                if !better.no_worse_than(worse) || better == worse {
                    continue;
                }
                let same_but_complexity =
                    better.severity == worse.severity && better.urgency == worse.urgency;
                if better.emergency && !worse.emergency {
                    let reason = if same_but_complexity {
                        "the emergency procedure cannot depend on complexity (§2.2.4)"
                    } else {
                        "a more severe urgent complaint cannot lose the emergency procedure"
                    };
                    return Err(PolicyError::contradiction(key(j, ".emergency"), reason));
                }
                if same_but_complexity && better.emergency != worse.emergency {
                    return Err(PolicyError::contradiction(
                        key(j, ".emergency"),
                        "the emergency procedure cannot depend on complexity (§2.2.4)",
                    ));
                }
                if worse.track < better.track {
                    return Err(PolicyError::contradiction(
                        key(j, ".track"),
                        format!("a lighter track than {} (§4.1.2)", better.describe()),
                    ));
                }
                if worse.priority > better.priority {
                    return Err(PolicyError::contradiction(
                        key(j, ".priority"),
                        format!("a later priority than {}", better.describe()),
                    ));
                }
            }
        }
        let first_non_emergency = self
            .matrix
            .iter()
            .filter(|r| !r.emergency)
            .map(|r| r.priority)
            .min();
        if let Some(limit) = first_non_emergency {
            for (i, row) in self.matrix.iter().enumerate() {
                if row.emergency && row.priority >= limit {
                    return Err(PolicyError::contradiction(
                        key(i, ".priority"),
                        "an emergency must come before every non-emergency (§2.2.4)",
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
    use crate::error::ErrorCode;

    fn with(i: usize, f: impl Fn(&mut TriageRule)) -> TriageRules {
        let mut rules = TriageRules::default();
        f(&mut rules.matrix[i]);
        rules
    }

    fn key_of(rules: &TriageRules) -> Option<String> {
        rules
            .validate()
            .err()
            .and_then(|e| e.key().map(str::to_owned))
    }

    #[test]
    fn default_is_valid_and_ordered() {
        let rules = TriageRules::default();
        rules.validate().unwrap();
        assert_eq!(rules.matrix.len(), 12);
        let r = rules.matrix[6];
        assert_eq!(
            (r.severity, r.urgency, r.complexity),
            (Severity::Serious, Urgency::Urgent, Complexity::Simple)
        );
    }

    #[test]
    fn allowed_customisations() {
        // Serious urgent complaints without the emergency procedure: then they queue after
        // major normal ones too.
        let mut rules = TriageRules::default();
        for r in &mut rules.matrix {
            if r.severity == Severity::Serious && r.urgency == Urgency::Urgent {
                r.emergency = false;
                r.priority = 3;
            }
            if r.severity == Severity::Major && r.urgency == Urgency::Normal {
                r.priority = 2;
            }
        }
        rules.validate().unwrap();
        // Every serious complaint on the complex track.
        let mut rules = TriageRules::default();
        for r in &mut rules.matrix {
            if r.severity == Severity::Serious {
                r.track = Track::Complex;
            }
        }
        rules.validate().unwrap();
    }

    #[test]
    fn forbidden_customisations_name_the_row() {
        // Index = (severity * 2 + urgency) * 2 + complexity.
        assert_eq!(
            key_of(&with(0, |r| r.emergency = true)).as_deref(),
            Some("triage.matrix[0].emergency")
        );
        assert_eq!(
            key_of(&with(10, |r| r.emergency = false)).as_deref(),
            Some("triage.matrix[10].emergency")
        );
        // Serious urgent complex without emergency, simple with: depends on complexity.
        assert_eq!(
            key_of(&with(7, |r| r.emergency = false)).as_deref(),
            Some("triage.matrix[7].emergency")
        );
        // General urgent as an emergency while serious urgent is not.
        let mut rules = TriageRules::default();
        for r in &mut rules.matrix {
            if r.urgency == Urgency::Urgent && r.severity == Severity::General {
                r.emergency = true;
                r.priority = 1;
            }
            if r.urgency == Urgency::Urgent && r.severity == Severity::Serious {
                r.emergency = false;
            }
        }
        assert_eq!(
            key_of(&rules).as_deref(),
            Some("triage.matrix[6].emergency")
        );
        assert_eq!(
            key_of(&with(8, |r| r.track = Track::General)).as_deref(),
            Some("triage.matrix[8].track")
        );
        assert_eq!(
            key_of(&with(3, |r| r.track = Track::General)).as_deref(),
            Some("triage.matrix[3].track")
        );
        assert_eq!(
            key_of(&with(11, |r| r.priority = 7)).as_deref(),
            Some("triage.matrix[11].priority")
        );
        assert_eq!(
            key_of(&with(0, |r| r.priority = 0)).as_deref(),
            Some("triage.matrix[0].priority")
        );
        assert_eq!(
            key_of(&with(0, |r| r.priority = 100)).as_deref(),
            Some("triage.matrix[0].priority")
        );
        // A non-emergency (general urgent) sharing priority 2 with an emergency.
        let mut rules = TriageRules::default();
        for r in &mut rules.matrix {
            if r.priority >= 3 {
                r.priority = 2.max(r.priority - 2);
            }
        }
        assert_eq!(key_of(&rules).as_deref(), Some("triage.matrix[6].priority"));
        let mut rules = TriageRules::default();
        rules.matrix.pop();
        assert_eq!(key_of(&rules).as_deref(), Some("triage.matrix"));
        let mut rules = TriageRules::default();
        rules.matrix[1] = rules.matrix[0];
        assert_eq!(key_of(&rules).as_deref(), Some("triage.matrix[1]"));
    }
}
