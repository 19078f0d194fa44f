//! `getset_descriptor` and `member_descriptor`: what `function.__code__` and
//! `function.__globals__` are when read on the class (the `types` module takes
//! their types as GetSetDescriptorType and MemberDescriptorType). On a function
//! they give the attribute as before.

use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

pub fn register(vm: &mut Vm) {
    let object = vm.types.object;
    let func = vm.types.function;
    for (tname, attr) in [
        ("getset_descriptor", "__code__"),
        ("member_descriptor", "__globals__"),
    ] {
        let t = vm.new_native_type(tname, "builtins", object);
        vm.add_method(t, "__get__", get);
        let d = vm.new_instance(t);
        let nk = vm.intern("__name__");
        let nv = vm.intern(attr);
        vm.instance_set_attr(d, nk, nv);
        let ok = vm.intern("__objclass__");
        vm.instance_set_attr(d, ok, func);
        vm.type_set_attr(func, nv, d);
    }
}

fn get(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (d, obj) = (a.pos[0], a.get(1).unwrap_or(Value::NONE));
    if obj.is_none() {
        return Ok(d);
    }
    let nk = vm.intern("__name__");
    let name = vm.getattr(d, nk)?;
    match vm.special_attr(obj, name)? {
        Some(v) => Ok(v),
        None => Err(vm.attribute_error(&format!(
            "'{}' object has no attribute '{}'",
            vm.type_name(obj),
            crate::vm::str_of(name)
        ))),
    }
}
