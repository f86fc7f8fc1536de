//! Intake (§1.2, §2.1, §2.2.1): channels and complainant kinds.

use complaint_office::intake as core;

use crate::vocabulary::mirror_vocabulary;

mirror_vocabulary! {
    /// How a complaint arrived (§2.1).
    Channel = core::Channel, parse_channel {
        /// §2.1.1: e-mail to the complaint mailbox, with the complaint word in the subject.
        Email,
        /// §2.1.2: the complaint hotline.
        Hotline,
        /// §2.1.3: the desk at reception.
        OnSite,
        /// §2.1.4: the OA system's complaint board, for employees.
        Oa,
    }
}

mirror_vocabulary! {
    /// Who complains (§1.2).
    ComplainantKind = core::ComplainantKind, parse_complainant_kind {
        /// An employee of the company.
        Employee,
        /// A customer.
        Customer,
        /// A business partner.
        Partner,
    }
}
