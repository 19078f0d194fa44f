//! The `collections` module.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("collections", init);
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("collections");
    Ok(m)
}
