//! Coil: a Python 3 interpreter with a tracing JIT. This crate holds the front end,
//! the object model, the interpreter, the built-ins and the CLI entry points.

// Nested `if let` reads better than the let-chain collapses these lints ask for.
#![allow(clippy::collapsible_if, clippy::collapsible_match)]

pub mod builtins;
pub mod compiler;
pub mod fuzzing;
pub mod gc;
pub mod jit;
pub mod modules;
pub mod object;
pub mod run;
pub mod value;
pub mod vm;
