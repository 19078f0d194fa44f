//! The `bisect` module.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("bisect", init);
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("bisect");
    Ok(m)
}
