//! The C library calls Coil makes, each behind a safe Rust function: libm's
//! functions (CPython's math uses them, so results match to the last bit), the
//! file-descriptor calls under `posix`, and the clock and local-time calls under
//! `time`. Outside the heap (src/object, src/gc), the values, the interpreter's
//! frame stack and the JIT, this is the one module where `unsafe` is allowed
//! (src/lib.rs): the natives in src/builtins and src/modules call only these.

pub mod clock;
pub mod fd;
pub mod libm;
