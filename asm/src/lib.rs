//! Coil's JIT backend: the code arena (W^X pages), the x86-64 emitter and the
//! lowering of trace IR to machine code, plus a disassembler for `--trace-log`.
//! Depends only on `guards` (crate graph: guards <- asm <- deopt <- coil).

pub mod arena;
pub mod arm64;
pub mod disasm;
pub mod divide;
pub mod lower;
pub mod regalloc;
pub mod x64;

pub use arena::{ArenaError, CodeArena, CodePtr};
pub use disasm::disassemble;
pub use guards;
pub use lower::{
    Assembled, Backend, BodyEntry, CompiledTrace, LowerError, Options, allocation_listing, compile,
    compile_with, host_backend, link_jump, validate,
};
