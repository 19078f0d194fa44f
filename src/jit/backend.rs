//! Connects the recorder to the optimizer (guards) and the native code generator
//! (asm): compiled traces are installed in the code arena, ready to be entered at
//! loop headers or jumped to from other traces.

use std::fmt::Write as _;

use asm::CodeArena;
use guards::Trace;

/// Runs the optimization passes named by `passes` (`--jit-opt`, e.g. `-loop,-cse`).
pub fn optimize(trace: &mut Trace, passes: &str) -> Result<(), String> {
    let p = guards::Passes::parse(passes)?;
    guards::optimize(trace, p);
    Ok(())
}

/// Compiles a trace for the host; returns the installed code and the machine-code
/// listing for the trace log.
pub fn compile(
    trace: &Trace,
    arena: &mut CodeArena,
    want_listing: bool,
    opts: asm::Options,
) -> Result<(asm::CompiledTrace, String), String> {
    let backend = asm::host_backend().ok_or("no native backend for this architecture")?;
    let code = asm::compile_with(backend, trace, arena, opts).map_err(|e| format!("{e}"))?;
    let mut listing = String::new();
    if want_listing {
        listing
            .push_str(&asm::allocation_listing(backend, trace, &opts).map_err(|e| format!("{e}"))?);
        let _ = writeln!(
            listing,
            "---- machine code ({}, {} bytes)",
            backend.arch(),
            code.len
        );
        // SAFETY: the code was just installed in the live arena.
        listing.push_str(&asm::disassemble(
            backend.arch(),
            unsafe { code.code() },
            code.addr as u64,
        ));
    }
    Ok((code, listing))
}
