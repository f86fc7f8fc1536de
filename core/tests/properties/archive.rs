//! (Issue 6 adds its properties here.)
