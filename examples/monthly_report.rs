//! (Being built: issue 7.) Runs without arguments on a synthetic ledger.

fn main() {}
