//! Constructors and methods of the built-in `str` types.

use crate::vm::Vm;

pub fn register(_vm: &mut Vm) {}
