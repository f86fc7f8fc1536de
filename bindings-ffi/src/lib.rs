//! UniFFI binding of complaint-office (being built: issue 10).

uniffi::setup_scaffolding!();

/// The library version.
#[uniffi::export]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
