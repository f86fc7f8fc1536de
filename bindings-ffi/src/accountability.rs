//! Accountability (§8): responsibility, fault, consequence, discipline level and sanctions.

use complaint_office::accountability as core;

use crate::vocabulary::mirror_vocabulary;

mirror_vocabulary! {
    /// The type of responsibility (§8.1.2).
    Responsibility = core::Responsibility, parse_responsibility {
        /// Direct responsibility (直接責任).
        Direct,
        /// Primary responsibility (主要責任).
        Primary,
        /// Secondary responsibility (次要責任).
        Secondary,
        /// Leadership responsibility (領導責任).
        Leadership,
    }
}

mirror_vocabulary! {
    /// The degree of fault (§8.2.3).
    Fault = core::Fault, parse_fault {
        /// Intent (故意).
        Intentional,
        /// Gross negligence (重大過失).
        GrossNegligence,
        /// Ordinary negligence (過失).
        Negligence,
    }
}

mirror_vocabulary! {
    /// The consequence of the conduct (§8.2.3).
    Consequence = core::Consequence, parse_consequence {
        /// A general complaint resulted.
        General,
        /// A serious complaint resulted.
        Serious,
    }
}

mirror_vocabulary! {
    /// The discipline level (§8.2).
    Level = core::Level, parse_level {
        /// Lighter responsibility (§8.2.1).
        Light,
        /// Heavier responsibility (§8.2.2).
        Heavy,
        /// Termination and legal liability (§8.2.3).
        Dismissal,
    }
}

mirror_vocabulary! {
    /// A sanction the policy offers (§8.2.1–§8.2.3).
    Sanction = core::Sanction, parse_sanction {
        /// Criticism and education (批評教育).
        CriticismEducation,
        /// Warning (警告).
        Warning,
        /// Fine (罰款).
        Fine,
        /// Demotion (降職).
        Demotion,
        /// Pay cut (降薪).
        PayCut,
        /// Termination of the labour contract (解除勞動合同).
        Termination,
        /// Pursuit of legal liability (追究法律責任).
        LegalLiability,
    }
}
