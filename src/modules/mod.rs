//! Built-in library modules implemented in Rust (math, sys, time, random, ...),
//! registered by name and created on first import.

pub mod io;

use crate::vm::Vm;

pub fn register(vm: &mut Vm) {
    io::register(vm);
}
