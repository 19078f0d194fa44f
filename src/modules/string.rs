//! The `string` module.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("string", init);
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("string");
    Ok(m)
}
