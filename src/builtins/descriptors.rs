//! The descriptor protocol as methods: `__get__` of functions, properties,
//! classmethods and staticmethods (and a property's `__set__`/`__delete__`),
//! which code such as enum's `_is_descriptor` tests for; and
//! `getset_descriptor`/`member_descriptor`, what `function.__code__` and
//! `function.__globals__` are when read on the class (the `types` module takes
//! their types as GetSetDescriptorType and MemberDescriptorType).

use crate::builtins::signature::{Sig, Style};
use crate::object::ObjData;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

/// `__call__(self, /, *args, **kwargs)` of functions, builtins and methods.
const CALL: Sig<0> = Sig::new("__call__", []).method().varargs().varkw();
/// The slot wrappers' signatures (the call path checks their arity too:
/// ` expected 2 arguments, got 1`): `__get__(instance, owner=None, /)`,
/// `__set__(instance, value, /)`, `__delete__(instance, /)`.
const GET: Sig<2> = Sig::new("", ["instance", "owner"]).method().required(1);
const SET: Sig<2> = Sig::new("", ["instance", "value"]).method();
const DELETE: Sig<1> = Sig::new("", ["instance"]).method().style(Style::Positional);

pub fn register(vm: &mut Vm) {
    for t in [
        vm.types.function,
        vm.types.property,
        vm.types.classmethod,
        vm.types.staticmethod,
    ] {
        vm.add_method(t, "__get__", descr_get);
    }
    // `__call__` in the namespace of the callable built-in types, which
    // collections.abc.Callable's subclass hook looks for
    for t in [
        vm.types.function,
        vm.types.builtin_function,
        vm.types.method,
    ] {
        vm.add_method(t, "__call__", |vm, a| {
            let b = CALL.bind(vm, &a)?;
            vm.call_kw(b.recv, b.rest, &b.kwrest)
        });
    }
    let p = vm.types.property;
    vm.add_method(p, "__set__", |vm, a| {
        let b = SET.bind(vm, &a)?;
        property_call(vm, b.recv, b.req(0), Some(b.req(1)))
    });
    vm.add_method(p, "__delete__", |vm, a| {
        let b = DELETE.bind(vm, &a)?;
        property_call(vm, b.recv, b.req(0), None)
    });
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
    let b = GET.bind(vm, &a)?;
    let (d, obj) = (b.recv, b.req(0));
    if obj.is_none() {
        return Ok(d);
    }
    let nk = vm.intern("__name__");
    let name = vm.getattr(d, nk)?;
    // `__code__` and `__globals__` are the function type's: CPython's TypeError
    // for any other object
    if !vm.isinstance(obj, vm.types.function) {
        let tn = vm.type_name(obj);
        return Err(vm.type_error(&format!(
            "descriptor '{}' for 'function' objects doesn't apply to a '{tn}' object",
            crate::vm::str_of(name)
        )));
    }
    match vm.special_attr(obj, name)? {
        Some(v) => Ok(v),
        None => Err(vm.attribute_error(&format!(
            "'{}' object has no attribute '{}'",
            vm.type_name(obj),
            crate::vm::str_of(name)
        ))),
    }
}

/// `d.__get__(obj, type=None)`: what reading `d` through `obj` (or the class,
/// when obj is None) gives.
fn descr_get(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = GET.bind(vm, &a)?;
    let (d, obj) = (b.recv, b.req(0));
    let cls = match b.get(1) {
        Some(c) if !c.is_none() => c,
        _ if !obj.is_none() => vm.type_of(obj),
        _ => return Err(vm.type_error("__get__(None, None) is invalid")),
    };
    match d.as_obj().map(|o| &o.data) {
        Some(ObjData::Function(_)) if obj.is_none() => Ok(d),
        Some(ObjData::Property { fget, .. }) if obj.is_none() => {
            let _ = fget;
            Ok(d)
        }
        Some(ObjData::Property { fget, .. }) => {
            let g = *fget;
            if g.is_none() {
                return Err(vm.attribute_error("property has no getter"));
            }
            vm.call(g, &[obj])
        }
        _ => vm.bind_descriptor(d, obj, cls),
    }
}

/// A property's setter (`value` given) or deleter.
fn property_call(vm: &mut Vm, p: Value, obj: Value, value: Option<Value>) -> PyResult<Value> {
    let (f, what) = match p.as_obj().map(|o| &o.data) {
        Some(ObjData::Property { fset, fdel, .. }) => match value {
            Some(_) => (*fset, "setter"),
            None => (*fdel, "deleter"),
        },
        _ => return Err(vm.type_error("descriptor requires a property")),
    };
    if f.is_none() {
        let name = match p.as_obj().map(|o| &o.data) {
            Some(ObjData::Property { name, .. }) => name.get(),
            _ => Value::EMPTY,
        };
        let msg = vm.no_accessor_message(what, name, Value::EMPTY, obj);
        return Err(vm.attribute_error(&msg));
    }
    match value {
        Some(v) => vm.call(f, &[obj, v])?,
        None => vm.call(f, &[obj])?,
    };
    Ok(Value::NONE)
}
