//! The `builtins` namespace: built-in functions, and the constructors and methods of
//! the built-in types (one file per type family).

pub mod bytes;
pub mod complex;
pub mod descriptors;
pub mod dict;
pub mod format;
pub mod functions;
pub mod generic_alias;
pub mod iterpickle;
pub mod list;
pub mod longrange;
pub mod mappingproxy;
pub mod numbers;
pub mod set;
pub mod signature;
pub mod sort;
pub mod str;
pub mod strsearch;
pub mod traceback;

use crate::object::ObjData;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    functions::register(vm);
    numbers::register(vm);
    complex::register(vm);
    crate::vm::coro::register(vm);
    crate::vm::agen::register(vm);
    str::register(vm);
    list::register(vm);
    dict::register(vm);
    set::register(vm);
    bytes::register(vm);
    descriptors::register(vm);
    generic_alias::register(vm);
    iterpickle::register(vm);
}

/// Argument `pos` (1-based) of `what` (e.g. `"format()"`) as a str, else CPython's
/// `TypeError: format() argument 2 must be str, not int`.
pub fn str_param(vm: &mut Vm, v: Value, what: &str, pos: usize) -> PyResult<&'static str> {
    match v.as_obj().map(|o| &o.data) {
        Some(ObjData::Str(s)) => Ok(&*s.s),
        _ => Err(vm.type_error(&format!(
            "{what} argument {pos} must be str, not {}",
            bad_arg_name(vm, v)
        ))),
    }
}

/// How CPython names a bad argument's type in "must be X, not Y": `None` for
/// None, else the type's name.
pub fn bad_arg_name(vm: &Vm, v: Value) -> String {
    if v.is_none() {
        "None".into()
    } else {
        vm.type_name(v)
    }
}
