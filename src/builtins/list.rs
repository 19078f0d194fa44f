//! Constructors and methods of the built-in `list` types.

use crate::vm::Vm;

pub fn register(_vm: &mut Vm) {}
