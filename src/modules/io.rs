//! File objects: `open()` for text files, and the standard streams.

use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

pub fn register(_vm: &mut Vm) {}

pub fn open(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Err(vm.unsupported("open()"))
}

/// Whether `f` is the interpreter's own stdout (fd 1) or stderr (fd 2) object.
pub fn is_std_stream(_f: Value, _fd: i32) -> bool {
    false
}
