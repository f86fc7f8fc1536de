//! (Issue 7 adds its properties here.)
