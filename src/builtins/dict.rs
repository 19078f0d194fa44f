//! Constructor and methods of `dict`, and dict views.

use crate::compiler::bytecode::BinOp;
use crate::object::ObjData;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn register(_vm: &mut Vm) {}

/// A shallow copy of a dict.
pub fn dict_copy(vm: &mut Vm, d: Value) -> PyResult<Value> {
    let ObjData::Dict(src) = &d.obj().data else { return Err(vm.type_error("expected dict")) };
    let copy = src.get().clone();
    Ok(vm.alloc(vm.types.dict, ObjData::Dict(crate::object::Mut::new(copy))))
}

/// Set operations on dict views (`d.keys() & other`).
pub fn view_binop(_vm: &mut Vm, _op: BinOp, _a: Value, _b: Value) -> PyResult<Option<Value>> {
    Ok(None)
}

/// `a == b` for dicts: same keys, equal values.
pub fn dict_eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    let (ObjData::Dict(x), ObjData::Dict(y)) = (&a.obj().data, &b.obj().data) else { return Ok(false) };
    if x.get().len() != y.get().len() {
        return Ok(false);
    }
    let entries: Vec<(Value, Value)> = x.get().iter().map(|e| (e.key, e.value)).collect();
    for (k, v) in entries {
        match vm.dict_get(b, k)? {
            Some(w) => {
                if !vm.eq(v, w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}
