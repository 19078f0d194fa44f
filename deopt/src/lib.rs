//! Snapshot decoding, frame reconstruction on side exits, exit counters and the
//! side-trace / blacklist policy. Depends on `asm` and `guards`.
//!
//! Status: placeholder until the x86-64 JIT issue lands; see docs/design.md.
pub use asm;
