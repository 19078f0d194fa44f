//! Connects the recorder to the optimizer (guards) and the native code generator
//! (asm): compiled traces become `Executor`s the driver runs at loop headers.

use std::fmt::Write as _;

use asm::CodeArena;
use guards::Trace;

use crate::jit::{Executor, helpers};

/// Runs the optimization passes named by `passes` (`--jit-opt`, e.g. `-loop,-cse`).
pub fn optimize(trace: &mut Trace, passes: &str) -> Result<(), String> {
    let p = guards::Passes::parse(passes)?;
    guards::optimize(trace, p);
    Ok(())
}

/// A trace installed in the code arena.
struct NativeTrace {
    code: asm::CompiledTrace,
}

impl Executor for NativeTrace {
    fn run(&self, slots: &mut [u64], vals: &mut [u64]) -> Result<u32, String> {
        if vals.len() < self.code.vals_len {
            return Err("vals too short".into());
        }
        // SAFETY: the arena outlives every trace (both live in `Jit`), slots is the
        // frame's slot vector the trace was recorded for, and helpers never unwind.
        Ok(unsafe { self.code.run(slots, vals, &helpers::TABLE) })
    }

    fn code_bytes(&self) -> usize {
        self.code.len
    }
}

/// Compiles a trace for the host; returns the executor and the machine-code listing
/// for the trace log.
pub fn compile(
    trace: &Trace,
    arena: &mut CodeArena,
    want_listing: bool,
    chaos: bool,
) -> Result<(Box<dyn Executor>, String), String> {
    let backend = asm::host_backend().ok_or("no native backend for this architecture")?;
    let code = asm::compile_with(backend, trace, arena, asm::Options { chaos })
        .map_err(|e| format!("{e:?}"))?;
    let mut listing = String::new();
    if want_listing {
        let _ = writeln!(
            listing,
            "---- machine code ({}, {} bytes)",
            backend.arch(),
            code.len
        );
        // SAFETY: the code was just installed in the live arena.
        listing.push_str(&asm::disassemble(unsafe { code.code() }, code.addr as u64));
    }
    Ok((Box::new(NativeTrace { code }), listing))
}
