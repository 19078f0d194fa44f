//! Constructors and methods of the built-in `bytes` types.

use crate::vm::Vm;

pub fn register(_vm: &mut Vm) {}
