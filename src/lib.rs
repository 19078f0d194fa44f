//! Coil: a Python 3 interpreter with a tracing JIT. This crate holds the front end,
//! the object model, the interpreter, the built-ins and the CLI entry points.

// Nested `if let` reads better than the let-chain collapses these lints ask for.
#![allow(clippy::collapsible_if, clippy::collapsible_match)]
// `unsafe` is allowed only where memory is managed or code is generated: the
// heap (object, gc), the values, the interpreter's frame stack (vm::interp and
// vm::frame), the JIT, and the C library's calls (ffi). Everywhere else, the
// natives in builtins and modules included, the compiler refuses it; clippy's
// undocumented_unsafe_blocks asks each block for a `// SAFETY:` comment.
#![deny(unsafe_code)]

pub mod builtins;
pub mod compiler;
#[allow(unsafe_code)]
pub mod ffi;
pub mod fuzzing;
#[allow(unsafe_code)]
pub mod gc;
#[allow(unsafe_code)]
pub mod jit;
pub mod modules;
#[allow(unsafe_code)]
pub mod object;
pub mod run;
#[allow(unsafe_code)]
pub mod value;
pub mod vm;
