//! (Issue 4 adds its properties here.)
