//! (Issue 5 adds its properties here.)
