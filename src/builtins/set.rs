//! Constructors and methods of `set` and `frozenset`, and the set algebra.

use crate::compiler::bytecode::{BinOp, CmpOp};
use crate::object::ObjData;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn register(_vm: &mut Vm) {}

pub fn set_contains(vm: &mut Vm, s: Value, k: Value) -> PyResult<bool> {
    let h = vm.hash(k)?;
    let ObjData::Set(set) = &s.obj().data else { return Ok(false) };
    let vmp: *mut Vm = vm;
    set.get().contains(k, h, &mut |a, b| unsafe { (*vmp).eq(a, b) })
}

/// A new set holding the items of any iterable.
pub fn to_set(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let items = vm.collect_iter(v)?;
    let s = vm.new_set();
    for it in items {
        vm.set_add(s, it)?;
    }
    Ok(s)
}

pub fn set_binop(_vm: &mut Vm, _op: BinOp, _a: Value, _b: Value) -> PyResult<Option<Value>> {
    Ok(None)
}

pub fn set_inplace(_vm: &mut Vm, _op: BinOp, _a: Value, _b: Value) -> PyResult<Option<Value>> {
    Ok(None)
}

pub fn set_compare(_vm: &mut Vm, op: CmpOp, a: Value, b: Value) -> PyResult<bool> {
    Ok(match op {
        CmpOp::Eq => a == b,
        CmpOp::Ne => a != b,
        _ => false,
    })
}
