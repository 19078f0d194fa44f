//! `types.SimpleNamespace`: the class of `sys.implementation`, which the standard
//! library's `types` module takes as its `SimpleNamespace`.

use crate::builtins::signature::Sig;
use crate::object::ObjData;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm, str_of};

/// The class, made once and kept in `sys` (as `sys.implementation`'s type).
pub fn class(vm: &mut Vm) -> PyResult<Value> {
    let ns = vm.new_dict();
    let mk = vm.intern("__module__");
    let mv = vm.intern("types");
    vm.dict_set_str(ns, mk, mv);
    let cls = vm.new_class("SimpleNamespace", "SimpleNamespace", vec![], ns)?;
    vm.add_method(cls, "__init__", init);
    crate::modules::itertools::add_method_as(vm, cls, "__repr__ ", repr);
    vm.add_method(cls, "__eq__", |vm, a| cmp(vm, a, true));
    vm.add_method(cls, "__ne__", |vm, a| cmp(vm, a, false));
    Ok(cls)
}

/// A new namespace of class `cls` with the given attributes.
pub fn new(vm: &mut Vm, cls: Value, attrs: &[(&str, Value)]) -> Value {
    let obj = vm.new_instance(cls);
    for (k, v) in attrs {
        let k = vm.intern(k);
        vm.instance_set_attr(obj, k, *v);
    }
    obj
}

fn init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `SimpleNamespace(**kwargs)`
    const INIT: Sig<0> = Sig::new("SimpleNamespace", []).method().varargs().varkw();
    let b = INIT.bind(vm, &a)?;
    if !b.rest.is_empty() {
        return Err(vm.type_error("no positional arguments expected"));
    }
    let obj = b.recv;
    for (k, v) in a.kw.iter() {
        let k = vm.intern_value(*k);
        vm.setattr(obj, k, *v)?;
    }
    Ok(Value::NONE)
}

/// The instance's attributes in insertion order, from its `__dict__`.
fn attrs(vm: &mut Vm, obj: Value) -> PyResult<Vec<(Value, Value)>> {
    let dk = vm.intern("__dict__");
    let d = vm.getattr(obj, dk)?;
    Ok(match d.as_obj().map(|o| &o.data) {
        Some(ObjData::Dict(dd)) => dd
            .get()
            .entries()
            .iter()
            .map(|e| (e.key, e.value))
            .collect(),
        _ => Vec::new(),
    })
}

fn repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const REPR: Sig<0> = Sig::new("__repr__", []).method();
    let obj = REPR.bind(vm, &a)?.recv;
    let cls = vm.type_of(obj);
    let nk = vm.intern("__name__");
    let cname = vm.getattr(cls, nk)?;
    // CPython writes `namespace(...)` for SimpleNamespace itself, the name otherwise
    let name = if str_of(cname) == "SimpleNamespace" {
        "namespace".to_string()
    } else {
        str_of(cname).to_string()
    };
    if vm.repr_stack.iter().any(|v| v.0 == obj.0) {
        return Ok(vm.new_string(format!("{name}(...)")));
    }
    vm.repr_stack.push(obj);
    let r = (|| {
        let mut parts = Vec::new();
        for (k, v) in attrs(vm, obj)? {
            if !vm.is_str(k) {
                continue;
            }
            parts.push(format!("{}={}", str_of(k), vm.repr_string(v)?));
        }
        Ok(format!("{name}({})", parts.join(", ")))
    })();
    vm.repr_stack.pop();
    Ok(vm.new_string(r?))
}

fn cmp(vm: &mut Vm, a: Args, eq: bool) -> PyResult<Value> {
    const CMP: Sig<1> = Sig::new("method", ["other"]).method();
    let b = CMP.bind(vm, &a)?;
    let (x, y) = (b.recv, b.req(0));
    let tx = vm.type_of(x);
    let ty = vm.type_of(y);
    let same_kind = vm.isinstance(y, tx) || vm.isinstance(x, ty);
    if !same_kind {
        return Ok(vm.not_implemented);
    }
    let dk = vm.intern("__dict__");
    let dx = vm.getattr(x, dk)?;
    let dy = vm.getattr(y, dk)?;
    let r = vm.compare(crate::compiler::bytecode::CmpOp::Eq, dx, dy)?;
    let t = vm.truthy(r)?;
    Ok(Value::bool(t == eq))
}
