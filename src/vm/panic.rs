//! The panic safety net: a Rust panic while Python code runs becomes a Python
//! `SystemError: internal error: <message>` raised at the failing operation, instead
//! of killing the process.
//!
//! `Vm::execute` runs the dispatch loop under `catch_unwind` (see `interp.rs`): a
//! panic in an instruction, or in a native it called, unwinds to the nearest
//! `execute`, which restores the interpreter's bookkeeping and raises the
//! SystemError in the frame that was running, so the traceback ends at that line and
//! `except SystemError` can catch it. [`install_hook`] (called by the `coil` binary)
//! keeps the default "thread panicked" message off stderr.

use std::any::Any;

/// The text of a panic payload (`panic!("...")` gives a `&str` or a `String`).
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a Rust panic".to_string()
    }
}

/// Replaces the default panic hook with one that prints nothing: panics are
/// reported as Python SystemErrors instead. The default
/// report (location, backtrace) is still printed when `COIL_PANIC_TRACE` is set,
/// for debugging Coil itself.
pub fn install_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::env::var_os("COIL_PANIC_TRACE").is_some() {
            default(info);
        }
    }));
}
