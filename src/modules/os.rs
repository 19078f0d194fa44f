//! The `os` module.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("os", init);
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("os");
    Ok(m)
}
