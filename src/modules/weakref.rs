//! `_weakref`: weak references with callbacks (`ref`, `getweakrefcount`,
//! `getweakrefs`, `_remove_dead_weakref`), on which the standard library's
//! `weakref` (WeakKeyDictionary, WeakValueDictionary, WeakSet, finalize) and
//! `_weakrefset` are built. A weak reference is an ordinary instance of
//! `ReferenceType` (so subclasses such as KeyedRef and WeakMethod work); its
//! referent is kept in `Vm::weak_refs`, which the collector does not trace: after
//! marking, references to unmarked objects are cleared and their callbacks run
//! at the next safepoint. A proxy (`proxy`, PROXY_SRC) is an instance of a
//! class defined in Python whose methods forward to the referent, registered
//! in `Vm::weak_refs` as a reference is, so it dies and calls back the same way.

use crate::builtins::signature::{Sig, Style};
use crate::object::ObjData;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

/// One weak reference: its referent (NONE once dead), its callback (or NONE)
/// and its hash once computed (a dead reference keeps the hash it had).
pub struct WeakEntry {
    pub referent: Value,
    pub callback: Value,
    pub hash: Option<i64>,
}

/// Every live weak reference object, by its address.
#[derive(Default)]
pub struct WeakRefs {
    pub entries: guards::fastmap::FastMap<u64, WeakEntry>,
    /// `(reference, callback)` pairs whose referent died, to call at a safepoint.
    pub pending: Vec<(Value, Value)>,
}

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("_weakref", init);
}

fn ref_type(vm: &mut Vm) -> Value {
    if vm.weakref_type.is_none() {
        let object = vm.types.object;
        let t = vm.new_native_type("ReferenceType", "weakref", object);
        vm.add_method(t, "__new__", ref_new);
        vm.add_method(t, "__init__", |_vm, _a| Ok(Value::NONE));
        vm.add_method(t, "__call__", |vm, a| {
            /// `ref()`: no arguments after the reference
            const CALL: Sig<0> = Sig::new("weakref", []).style(Style::Positional).method();
            let r = CALL.bind(vm, &a)?.recv;
            Ok(referent(vm, r))
        });
        vm.add_method(t, "__hash__", ref_hash);
        vm.add_method(t, "__eq__", |vm, a| ref_cmp(vm, a, true));
        vm.add_method(t, "__ne__", |vm, a| ref_cmp(vm, a, false));
        vm.add_method(t, "__repr__", ref_repr);
        crate::builtins::generic_alias::add_class_getitem(vm, t);
        let g = vm.new_builtin("__callback__", |vm, a| {
            const CALLBACK: Sig<0> = Sig::new("__callback__", []).method();
            let r = CALLBACK.bind(vm, &a)?.recv;
            Ok(vm
                .weak_refs
                .entries
                .get(&r.0)
                .map(|e| e.callback)
                .unwrap_or(Value::NONE))
        });
        let p = vm.new_readonly_property(g);
        let k = vm.intern("__callback__");
        vm.type_set_attr(t, k, p);
        vm.weakref_type = t;
    }
    vm.weakref_type
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("_weakref");
    let d = vm.module_dict(m);
    let t = ref_type(vm);
    for name in ["ref", "ReferenceType"] {
        let k = vm.intern(name);
        vm.dict_set_str(d, k, t);
    }
    vm.add_fn(d, "_proxy_target", |vm, a| {
        const TARGET: Sig<1> = Sig::new("_proxy_target", ["proxy"]);
        let p = TARGET.bind(vm, &a)?.req(0);
        proxy_target(vm, p)
    });
    // The proxy classes are Python code compiled on first use (PEP 562's
    // module `__getattr__`): `_weakref` is imported at every start (abc,
    // _weakrefset), and compiling them there cost every program about 3 M
    // instructions and its collections the classes' code objects.
    vm.add_fn(d, "__getattr__", |vm, a| {
        const GETATTR: Sig<1> = Sig::new("__getattr__", ["name"]);
        let name = GETATTR.bind(vm, &a)?.req(0);
        let text = crate::vm::str_of(name);
        if !matches!(text, "ProxyType" | "CallableProxyType") {
            let msg = format!("module '_weakref' has no attribute '{text}'");
            return Err(vm.attribute_error(&msg));
        }
        let m = vm.import("_weakref", Value::NONE, 0, Value::NONE)?;
        crate::modules::itertools::run_source(vm, m, PROXY_SRC, "<_weakref>")?;
        let d = vm.module_dict(m);
        vm.dict_get_str(d, name)
            .ok_or_else(|| vm.attribute_error("proxy classes not defined"))
    });
    vm.add_fn(d, "proxy", |vm, a| {
        /// `proxy(object[, callback])`
        const PROXY: Sig<2> = Sig::new("proxy", ["object", "callback"]).required(1);
        let b = PROXY.bind(vm, &a)?;
        let (o, callback) = (b.req(0), b.get(1).unwrap_or(Value::NONE));
        check_weakrefable(vm, o)?;
        let name = if vm.is_callable(o) {
            "CallableProxyType"
        } else {
            "ProxyType"
        };
        let m = vm.import("_weakref", Value::NONE, 0, Value::NONE)?;
        let k = vm.intern(name);
        let cls = vm.getattr(m, k)?;
        make_proxy(vm, cls, o, callback)
    });
    vm.add_fn(d, "getweakrefcount", |vm, a| {
        const COUNT: Sig<1> = Sig::new("getweakrefcount", ["object"]).owner("_weakref");
        let o = COUNT.bind(vm, &a)?.req(0);
        Ok(vm.new_int(refs_to(vm, o).len() as i64))
    });
    vm.add_fn(d, "getweakrefs", |vm, a| {
        const REFS: Sig<1> = Sig::new("getweakrefs", ["object"]).owner("_weakref");
        let o = REFS.bind(vm, &a)?.req(0);
        let r = refs_to(vm, o);
        Ok(vm.new_list(r))
    });
    vm.add_fn(d, "_remove_dead_weakref", |vm, a| {
        const REMOVE: Sig<2> = Sig::new("_remove_dead_weakref", ["dct", "key"]);
        let b = REMOVE.bind(vm, &a)?;
        let (d, key) = (b.req(0), b.req(1));
        if let Ok(v) = vm.getitem(d, key)
            && referent_opt(vm, v).is_some_and(|r| r.is_none())
        {
            vm.delitem(d, key)?;
        }
        Ok(Value::NONE)
    });
    Ok(m)
}

/// Weak references to `o`, oldest first.
fn refs_to(vm: &Vm, o: Value) -> Vec<Value> {
    let mut r: Vec<Value> = vm
        .weak_refs
        .entries
        .iter()
        .filter(|(_, e)| e.referent == o)
        .map(|(k, _)| Value(*k))
        .collect();
    r.sort_by_key(|v| v.0);
    r
}

/// Whether `o` can be weakly referenced (CPython: not ints, strs, tuples, lists,
/// dicts and the like, only objects with a weakref slot).
fn weakrefable(o: Value) -> bool {
    matches!(
        o.as_obj().map(|x| &x.data),
        Some(
            ObjData::Instance(_)
                | ObjData::Function(_)
                | ObjData::Type(_)
                | ObjData::Set(_)
                | ObjData::Module { .. }
                | ObjData::Generator(_)
                | ObjData::BoundMethod { .. }
                | ObjData::Native(_)
                | ObjData::Property { .. },
        )
    )
}

/// CPython's TypeError for an object that takes no weak references.
fn check_weakrefable(vm: &mut Vm, o: Value) -> PyResult<()> {
    if !weakrefable(o) || vm.isinstance(o, vm.types.tuple) || vm.isinstance(o, vm.types.int) {
        return Err(vm.type_error(&format!(
            "cannot create weak reference to '{}' object",
            vm.type_name(o)
        )));
    }
    Ok(())
}

fn ref_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `ref(object[, callback])` (`PyArg_UnpackTuple(args, "__new__", 1, 2)`)
    const NEW: Sig<2> = Sig::new("__new__", ["object", "callback"])
        .required(1)
        .constructor();
    if !a.kw.is_empty() {
        return Err(vm.type_error("ref() takes no keyword arguments"));
    }
    let b = NEW.bind(vm, &a)?;
    let (cls, o) = (b.recv, b.req(0));
    let callback = b.get(1).unwrap_or(Value::NONE);
    check_weakrefable(vm, o)?;
    let base = ref_type(vm);
    // like CPython, a plain reference without callback is shared
    if callback.is_none() && cls == base {
        for r in refs_to(vm, o) {
            if vm.type_of(r) == base
                && vm
                    .weak_refs
                    .entries
                    .get(&r.0)
                    .is_some_and(|e| e.callback.is_none())
            {
                return Ok(r);
            }
        }
    }
    let r = vm.new_instance(cls);
    vm.weak_refs.entries.insert(
        r.0,
        WeakEntry {
            referent: o,
            callback,
            hash: None,
        },
    );
    Ok(r)
}

/// A proxy of class `cls` (ProxyType or CallableProxyType) to `o`; one
/// without callback is shared, as CPython's.
fn make_proxy(vm: &mut Vm, cls: Value, o: Value, callback: Value) -> PyResult<Value> {
    if callback.is_none() {
        for r in refs_to(vm, o) {
            if vm.type_of(r) == cls
                && vm
                    .weak_refs
                    .entries
                    .get(&r.0)
                    .is_some_and(|e| e.callback.is_none())
            {
                return Ok(r);
            }
        }
    }
    let p = vm.new_instance(cls);
    vm.weak_refs.entries.insert(
        p.0,
        WeakEntry {
            referent: o,
            callback,
            hash: None,
        },
    );
    Ok(p)
}

/// The live referent of proxy `p`, else CPython's ReferenceError.
fn proxy_target(vm: &mut Vm, p: Value) -> PyResult<Value> {
    match referent_opt(vm, p) {
        Some(o) if !o.is_none() => Ok(o),
        _ => Err(vm.error(
            "ReferenceError",
            "weakly-referenced object no longer exists",
        )),
    }
}

/// The proxy classes: every operation unwraps the proxies among its operands
/// and applies to the referents, as CPython's proxy slots do.
const PROXY_SRC: &str = r#"
import _operator

def _unwrap(o):
    if type(o) is ProxyType or type(o) is CallableProxyType:
        return _proxy_target(o)
    return o

class ProxyType:
    __slots__ = ()

    def __getattribute__(self, name):
        return getattr(_proxy_target(self), name)

    def __setattr__(self, name, value):
        setattr(_proxy_target(self), name, value)

    def __delattr__(self, name):
        delattr(_proxy_target(self), name)

    def __repr__(self):
        o = _proxy_target(self)
        return "<weakproxy at %#x; to '%s' at %#x>" % (
            _id(self), type(o).__name__, _id(o))

    def __str__(self):
        return str(_proxy_target(self))

    def __bytes__(self):
        return bytes(_proxy_target(self))

    def __dir__(self):
        return dir(_proxy_target(self))

    def __hash__(self):
        raise TypeError("unhashable type: 'weakref.%s'" % type(self).__name__)

    def __bool__(self):
        return bool(_proxy_target(self))

    def __len__(self):
        return len(_proxy_target(self))

    def __contains__(self, item):
        return item in _proxy_target(self)

    def __getitem__(self, key):
        return _proxy_target(self)[key]

    def __setitem__(self, key, value):
        _proxy_target(self)[key] = value

    def __delitem__(self, key):
        del _proxy_target(self)[key]

    def __iter__(self):
        return iter(_proxy_target(self))

    def __next__(self):
        o = _proxy_target(self)
        if not hasattr(type(o), '__next__'):
            raise TypeError("Weakref proxy referenced a non-iterator '%s' object"
                            % type(o).__name__)
        return next(o)

    def __reversed__(self):
        return reversed(_proxy_target(self))

    def __index__(self):
        return _operator.index(_proxy_target(self))

    def __int__(self):
        return int(_proxy_target(self))

    def __float__(self):
        return float(_proxy_target(self))

    def __neg__(self):
        return -_proxy_target(self)

    def __pos__(self):
        return +_proxy_target(self)

    def __abs__(self):
        return abs(_proxy_target(self))

    def __invert__(self):
        return ~_proxy_target(self)

    def __eq__(self, other):
        return _unwrap(self) == _unwrap(other)

    def __ne__(self, other):
        return _unwrap(self) != _unwrap(other)

    def __lt__(self, other):
        return _unwrap(self) < _unwrap(other)

    def __le__(self, other):
        return _unwrap(self) <= _unwrap(other)

    def __gt__(self, other):
        return _unwrap(self) > _unwrap(other)

    def __ge__(self, other):
        return _unwrap(self) >= _unwrap(other)

def _binary(name):
    op = getattr(_operator, name)
    iop = getattr(_operator, 'i' + name.rstrip('_'))
    def forward(self, other):
        return op(_unwrap(self), _unwrap(other))
    def reflected(self, other):
        return op(_unwrap(other), _unwrap(self))
    def inplace(self, other):
        return iop(_unwrap(self), _unwrap(other))
    dunder = name.rstrip('_')
    setattr(ProxyType, '__%s__' % dunder, forward)
    setattr(ProxyType, '__r%s__' % dunder, reflected)
    setattr(ProxyType, '__i%s__' % dunder, inplace)

for _name in ('add', 'sub', 'mul', 'matmul', 'truediv', 'floordiv', 'mod',
              'pow', 'lshift', 'rshift', 'and_', 'or_', 'xor'):
    _binary(_name)

def _divmod(self, other):
    return divmod(_unwrap(self), _unwrap(other))

def _rdivmod(self, other):
    return divmod(_unwrap(other), _unwrap(self))

ProxyType.__divmod__ = _divmod
ProxyType.__rdivmod__ = _rdivmod

class CallableProxyType(ProxyType):
    __slots__ = ()

    def __call__(self, *args, **kwargs):
        return _proxy_target(self)(*args, **kwargs)

ProxyType.__module__ = CallableProxyType.__module__ = 'weakref'

from builtins import id as _id
del _name, _binary, _divmod, _rdivmod
"#;

fn referent_opt(vm: &Vm, r: Value) -> Option<Value> {
    vm.weak_refs.entries.get(&r.0).map(|e| e.referent)
}

fn referent(vm: &Vm, r: Value) -> Value {
    referent_opt(vm, r).unwrap_or(Value::NONE)
}

/// The slot methods of no argument or one, whose arity the call path checks.
const NOARGS: Sig<0> = Sig::new("method", []).method();
const ONE: Sig<1> = Sig::new("method", ["other"]).method();

fn ref_hash(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = NOARGS.bind(vm, &a)?.recv;
    if let Some(h) = vm.weak_refs.entries.get(&r.0).and_then(|e| e.hash) {
        return Ok(vm.new_int(h));
    }
    let o = referent(vm, r);
    if o.is_none() {
        return Err(vm.type_error("weak object has gone away"));
    }
    let h = vm.hash(o)?;
    if let Some(e) = vm.weak_refs.entries.get_mut(&r.0) {
        e.hash = Some(h);
    }
    Ok(vm.new_int(h))
}

/// Two live references compare by their referents, dead ones by identity.
fn ref_cmp(vm: &mut Vm, a: Args, eq: bool) -> PyResult<Value> {
    let b = ONE.bind(vm, &a)?;
    let (x, y) = (b.recv, b.req(0));
    let t = ref_type(vm);
    if !vm.isinstance(y, t) {
        return Ok(vm.not_implemented);
    }
    let (rx, ry) = (referent(vm, x), referent(vm, y));
    if rx.is_none() || ry.is_none() {
        return Ok(Value::bool((x == y) == eq));
    }
    let op = if eq {
        crate::compiler::bytecode::CmpOp::Eq
    } else {
        crate::compiler::bytecode::CmpOp::Ne
    };
    vm.compare(op, rx, ry)
}

fn ref_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = NOARGS.bind(vm, &a)?.recv;
    let o = referent(vm, r);
    let s = if o.is_none() {
        format!("<weakref at {:#x}; dead>", r.0 & 0xFFFF_FFFF_FFFF)
    } else {
        format!(
            "<weakref at {:#x}; to '{}' at {:#x}>",
            r.0 & 0xFFFF_FFFF_FFFF,
            vm.type_name(o),
            o.0 & 0xFFFF_FFFF_FFFF
        )
    };
    Ok(vm.new_string(s))
}

impl Vm {
    /// Between marking and sweeping: keeps the callbacks of live references alive,
    /// forgets references that are themselves garbage, and clears references
    /// whose referent is garbage, queueing their callbacks.
    pub fn weakrefs_before_sweep(&mut self) {
        if self.weak_refs.entries.is_empty() {
            return;
        }
        let marked = |v: Value| !v.is_obj() || v.obj().marked.get();
        // a live reference keeps its callback (and what it reaches) alive
        loop {
            let cbs: Vec<Value> = self
                .weak_refs
                .entries
                .iter()
                .filter(|(k, e)| marked(Value(**k)) && !e.callback.is_none() && !marked(e.callback))
                .map(|(_, e)| e.callback)
                .collect();
            if cbs.is_empty() {
                break;
            }
            for c in cbs {
                self.heap.mark(c);
            }
        }
        let mut pending = Vec::new();
        self.weak_refs.entries.retain(|k, e| {
            if !marked(Value(*k)) {
                return false;
            }
            if !e.referent.is_none() && !marked(e.referent) {
                e.referent = Value::NONE;
                if !e.callback.is_none() {
                    pending.push((Value(*k), e.callback));
                }
            }
            true
        });
        self.weak_refs.pending.extend(pending);
    }

    /// Runs the callbacks of references cleared by the last collections (not while
    /// a trace is being recorded: that waits for the next safepoint). An error in
    /// a callback is reported on stderr and ignored, as CPython does.
    pub fn run_weakref_callbacks(&mut self) {
        if self.jit_recording || self.weak_refs.pending.is_empty() {
            return;
        }
        let pending = std::mem::take(&mut self.weak_refs.pending);
        let base = self.temp_roots.len();
        for (r, cb) in &pending {
            self.temp_roots.push(*r);
            self.temp_roots.push(*cb);
        }
        for (r, cb) in pending {
            if let Err(e) = self.call(cb, &[r]) {
                use std::io::Write;
                let _ = self.stdout.flush();
                let what = self.repr_string(cb).unwrap_or_default();
                eprintln!("Exception ignored in: {what}");
                self.print_exception(e.0);
            }
        }
        self.temp_roots.truncate(base);
    }
}
