//! `mappingproxy` (`types.MappingProxyType`): a read-only view of a mapping, what
//! a class's `__dict__` is. Every operation is the mapping's own; the type is
//! made on first use, keeping it out of startup.

use crate::builtins::signature::Sig;
use crate::compiler::bytecode::{BinOp, CmpOp};
use crate::modules::itertools::{make_type, native, ty};
use crate::object::{NativeData, ObjData};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

struct Proxy {
    mapping: Value,
}

impl NativeData for Proxy {
    fn trace(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.mapping);
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

const NOARGS: Sig<0> = Sig::new("method", []).method();
const ONE: Sig<1> = Sig::new("method", ["other"]).method();

/// The mapping a proxy shows, if `v` is one.
pub fn target(v: Value) -> Option<Value> {
    native::<Proxy>(v).map(|p| p.mapping)
}

/// A proxy of `mapping` (a dict, unchecked).
pub fn new_proxy(vm: &mut Vm, mapping: Value) -> Value {
    let t = proxy_type(vm);
    vm.alloc(t, ObjData::Native(Box::new(Proxy { mapping })))
}

fn proxy_type(vm: &mut Vm) -> Value {
    let t = ty("mappingproxy");
    if !t.is_none() {
        return t;
    }
    let obj = vm.types.object;
    let t = make_type(vm, "mappingproxy", "mappingproxy", "builtins", obj);
    vm.add_method(t, "__new__", proxy_new);
    let methods: [(&'static str, crate::object::NativeFn); 16] = [
        ("__getitem__", |vm, a| {
            let (m, k) = one(vm, &a)?;
            vm.getitem(m, k)
        }),
        ("__contains__", |vm, a| {
            let (m, k) = one(vm, &a)?;
            Ok(Value::bool(vm.contains(m, k)?))
        }),
        ("__iter__", |vm, a| {
            let m = recv(vm, &a)?;
            vm.iter(m)
        }),
        ("__len__", |vm, a| {
            let m = recv(vm, &a)?;
            let n = vm.len(m)?;
            Ok(vm.new_int(n as i64))
        }),
        ("__reversed__", |vm, a| {
            let m = recv(vm, &a)?;
            let k = vm.intern("reversed");
            let f = vm.dict_get_str(vm.builtins, k).unwrap_or(Value::NONE);
            vm.call(f, &[m])
        }),
        ("get", proxy_get),
        ("keys", |vm, a| call0(vm, &a, "keys")),
        ("values", |vm, a| call0(vm, &a, "values")),
        ("items", |vm, a| call0(vm, &a, "items")),
        ("copy", |vm, a| call0(vm, &a, "copy")),
        ("__repr__", |vm, a| {
            let m = recv(vm, &a)?;
            let r = vm.repr_string(m)?;
            Ok(vm.new_string(format!("mappingproxy({r})")))
        }),
        ("__str__", |vm, a| {
            let m = recv(vm, &a)?;
            let s = vm.str_string(m)?;
            Ok(vm.new_string(s))
        }),
        ("__or__", |vm, a| {
            let (m, o) = one(vm, &a)?;
            let o = target(o).unwrap_or(o);
            vm.binary_op(BinOp::Or, m, o)
        }),
        ("__ror__", |vm, a| {
            let (m, o) = one(vm, &a)?;
            let o = target(o).unwrap_or(o);
            vm.binary_op(BinOp::Or, o, m)
        }),
        ("__ior__", |vm, a| {
            one(vm, &a)?;
            Err(vm.type_error("'|=' is not supported by mappingproxy; use '|' instead"))
        }),
        ("__eq__", |vm, a| compare(vm, &a, CmpOp::Eq)),
    ];
    for (name, f) in methods {
        vm.add_method(t, name, f);
    }
    let cmps: [(&'static str, crate::object::NativeFn); 5] = [
        ("__ne__", |vm, a| compare(vm, &a, CmpOp::Ne)),
        ("__lt__", |vm, a| compare(vm, &a, CmpOp::Lt)),
        ("__le__", |vm, a| compare(vm, &a, CmpOp::Le)),
        ("__gt__", |vm, a| compare(vm, &a, CmpOp::Gt)),
        ("__ge__", |vm, a| compare(vm, &a, CmpOp::Ge)),
    ];
    for (name, f) in cmps {
        vm.add_method(t, name, f);
    }
    let hk = vm.intern("__hash__");
    vm.type_set_attr(t, hk, Value::NONE);
    crate::builtins::generic_alias::add_class_getitem(vm, t);
    t
}

/// `mappingproxy(mapping)`: any mapping but a list or a tuple.
fn proxy_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const NEW: Sig<1> = Sig::new("mappingproxy", ["mapping"]).constructor();
    let m = NEW.bind(vm, &a)?.req(0);
    let is_seq = vm.isinstance(m, vm.types.list) || vm.isinstance(m, vm.types.tuple);
    if is_seq || vm.dunder(m, "__getitem__").is_none() {
        let tn = crate::builtins::bad_arg_name(vm, m);
        return Err(vm.type_error(&format!(
            "mappingproxy() argument must be a mapping, not {tn}"
        )));
    }
    Ok(new_proxy(vm, m))
}

fn recv(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = NOARGS.bind(vm, a)?.recv;
    this(vm, s)
}

fn one(vm: &mut Vm, a: &Args) -> PyResult<(Value, Value)> {
    let b = ONE.bind(vm, a)?;
    Ok((this(vm, b.recv)?, b.req(0)))
}

fn this(vm: &mut Vm, s: Value) -> PyResult<Value> {
    match target(s) {
        Some(m) => Ok(m),
        None => {
            let tn = vm.type_name(s);
            Err(vm.type_error(&format!(
                "descriptor requires a 'mappingproxy' object but received a '{tn}'"
            )))
        }
    }
}

fn call0(vm: &mut Vm, a: &Args, name: &'static str) -> PyResult<Value> {
    let m = recv(vm, a)?;
    vm.call_method(m, name, &[])
}

/// `get(key, default=None, /)`
fn proxy_get(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const GET: Sig<2> = Sig::new("get", ["key", "default"]).method().required(1);
    let b = GET.bind(vm, &a)?;
    let m = this(vm, b.recv)?;
    let d = b.get(1).unwrap_or(Value::NONE);
    vm.call_method(m, "get", &[b.req(0), d])
}

fn compare(vm: &mut Vm, a: &Args, op: CmpOp) -> PyResult<Value> {
    let (m, o) = one(vm, a)?;
    vm.compare(op, m, o)
}
