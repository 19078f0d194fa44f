//! Formatting: `format(value, spec)` with the format-spec mini-language, `str % args`,
//! and `str.format`.

use crate::value::Value;
use crate::vm::{PyResult, Vm, str_of};

/// `format(v, spec)`: dispatches to `__format__` for user types, else formats
/// built-in values per the mini-language.
pub fn format_value(vm: &mut Vm, v: Value, spec: &str) -> PyResult<Value> {
    if spec.is_empty() {
        return vm.str(v);
    }
    let _ = str_of;
    Err(vm.unsupported("format specs"))
}

/// `fmt % args`
pub fn percent_format(vm: &mut Vm, _fmt: Value, _args: Value) -> PyResult<Value> {
    Err(vm.unsupported("%-formatting"))
}
