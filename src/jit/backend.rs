//! Connects the recorder to the optimizer (guards) and a code generator: the native
//! x86-64 backend (asm) where it applies, else the IR evaluator.

use guards::Trace;

use crate::jit::Executor;

/// Runs the optimization passes named by `passes` (`--jit-opt`).
pub fn optimize(_trace: &mut Trace, _passes: &str) {}

/// Compiles a trace; returns the executor and the machine-code listing for the log.
pub fn compile(_trace: &Trace) -> Result<(Box<dyn Executor>, String), String> {
    Err("no code generator yet".into())
}
