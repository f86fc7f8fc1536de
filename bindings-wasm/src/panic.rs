//! A panic must never cross the boundary as a crash.
//!
//! The WebAssembly build aborts on panic (`panic = "abort"`, small and fast): unwinding is not
//! available to catch it. Instead a panic hook, installed when the module starts, throws an
//! ordinary `ComplaintOfficeError` with code `internal.panic` to the JavaScript caller, and
//! schedules a fresh instance for the next call, since the aborted call may have left memory
//! half-updated. The panic's own message is not passed on: it could quote data.

use wasm_bindgen::prelude::*;

use crate::error::make_error;

/// Installs the panic hook; runs when the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|_| {
        wasm_bindgen::handler::schedule_reinit();
        wasm_bindgen::throw_val(make_error(
            "internal.panic",
            None,
            None,
            None,
            "internal error: the library panicked; please report it (the module was reset)",
        ));
    }));
}

/// Panics on purpose: compiled in only for the Node tests (feature `panic-probe`), which show
/// that a panic reaches JavaScript as an `internal.panic` error and that the next call works.
#[cfg(feature = "panic-probe")]
#[wasm_bindgen(js_name = __panicProbe)]
#[allow(clippy::panic)]
pub fn panic_probe() {
    panic!("panic probe");
}
