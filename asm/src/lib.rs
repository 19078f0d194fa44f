//! The code arena (W^X pages), register allocation, lowering of trace IR and the dynasm
//! emitters for x86-64 and AArch64, exit stubs and the perf map. Depends on `guards`.
//!
//! Status: placeholder until the x86-64 JIT issue lands; see docs/design.md.
pub use guards;
