//! The `collections` module: deque (a native type over a `VecDeque`), defaultdict,
//! OrderedDict, Counter and namedtuple.
//!
//! defaultdict, OrderedDict and Counter are subclasses of `dict`, and namedtuple classes
//! subclasses of `tuple`, as in CPython. Their instances are ordinary instances whose
//! `base_value` holds the real dict/tuple payload (the layout the core uses for user
//! subclasses of built-in containers); every dict/tuple operation is provided here as
//! a method on the type, so the types work whether or not the core special-cases
//! `base_value`. Switching to core-provided subclass support later only means deleting
//! the proxy methods that the core handles itself.

use std::collections::VecDeque;

use crate::builtins::signature::{Sig, Style, to_ssize};
use crate::compiler::bytecode::{BinOp, CmpOp};
use crate::modules::itertools::{lt, make_type, native, run_source, set_attr, ty};
use crate::object::{DictIterKind, Mut, NativeData, ObjData};
use crate::value::Value;
use crate::vm::types::{lookup, type_obj};
use crate::vm::{Args, PyResult, Vm, str_of};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("collections", init);
    vm.native_modules.insert("collections.abc", init_abc);
}

/// `collections.abc` is the standard library's `_collections_abc` (which names
/// itself `collections.abc`), as in CPython.
fn init_abc(vm: &mut Vm) -> PyResult<Value> {
    vm.import("_collections_abc", Value::NONE, 0, Value::NONE)?;
    let k = vm.intern("_collections_abc");
    let modules = vm.modules;
    match vm.dict_get_str(modules, k) {
        Some(m) => Ok(m),
        None => Err(vm.error("ImportError", "cannot import _collections_abc")),
    }
}

const PY_SRC: &str = r#"
def _nt_hash(self):
    return hash(_nt_tuple(self))

class ChainMap:
    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        d = {}
        for mapping in reversed(self.maps):
            for k in mapping:
                d[k] = None
        return iter(d)

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        return f'{self.__class__.__name__}({", ".join(map(repr, self.maps))})'

    def keys(self):
        return list(self)

    def items(self):
        return [(k, self[k]) for k in self]

    def values(self):
        return [self[k] for k in self]

    def copy(self):
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def pop(self, key, *args):
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def clear(self):
        self.maps[0].clear()

    def __eq__(self, other):
        return dict(self.items()) == dict(other.items())

ChainMap.__module__ = 'collections'

def _nt_new_py(_cls, *args, **kwargs):
    return _nt_new(_cls, *args, **kwargs)

_PURE = None


def _count_elements(mapping, iterable):
    mapping_get = mapping.get
    for elem in iterable:
        mapping[elem] = mapping_get(elem, 0) + 1


def __getattr__(name):
    # UserDict, UserList and UserString are the standard library's own classes:
    # collections/__init__.py runs (once, on first use) in a namespace of its own.
    global _PURE
    if name not in ('UserDict', 'UserList', 'UserString'):
        raise AttributeError(f"module 'collections' has no attribute '{name}'")
    if _PURE is None:
        import _collections_abc
        path = _collections_abc.__file__.rpartition('/')[0] + '/collections/__init__.py'
        with open(path) as f:
            src = f.read()
        ns = {'__name__': 'collections', '__file__': path}
        exec(compile(src, path, 'exec'), ns)
        _PURE = ns
    v = _PURE[name]
    globals()[name] = v
    return v
"#;

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("collections");
    let d = vm.module_dict(m);
    // a package: `collections.abc` is its submodule
    let pk = vm.intern("__path__");
    let pl = vm.new_list(vec![]);
    vm.dict_set_str(d, pk, pl);
    vm.add_fn(d, "namedtuple", namedtuple);
    vm.add_fn(d, "_nt_tuple", |vm, a| {
        const NT_TUPLE: Sig<1> = Sig::new("_nt_tuple", ["self"]);
        let v = NT_TUPLE.bind(vm, &a)?.req(0);
        Ok(inner_tuple(vm, v))
    });
    vm.add_fn(d, "_nt_new", nt_new);
    init_deque(vm, m);
    init_dicts(vm, m);
    let tg = make_type(
        vm,
        "collections._tuplegetter",
        "_tuplegetter",
        "collections",
        vm.types.object,
    );
    vm.add_method(tg, "__get__", tuplegetter_get);
    vm.add_method(tg, "__set__", |vm, _a| {
        Err(vm.attribute_error("can't set attribute"))
    });
    vm.add_method(tg, "__delete__", |vm, _a| {
        Err(vm.attribute_error("can't delete attribute"))
    });
    run_source(vm, m, PY_SRC, "<collections>")?;
    let h = crate::modules::itertools::get_attr(vm, m, "_nt_hash");
    NT_HASH.with(|c| c.set(h));
    let n = crate::modules::itertools::get_attr(vm, m, "_nt_new_py");
    NT_NEW.with(|c| c.set(n));
    Ok(m)
}

thread_local! {
    static NT_HASH: std::cell::Cell<Value> = const { std::cell::Cell::new(Value::NONE) };
    static NT_NEW: std::cell::Cell<Value> = const { std::cell::Cell::new(Value::NONE) };
}

/// Forgets the values remembered above (they belong to a VM that is gone).
pub fn forget_thread_values() {
    NT_HASH.with(|c| c.set(Value::NONE));
    NT_NEW.with(|c| c.set(Value::NONE));
}

fn add_fns(vm: &mut Vm, t: Value, fns: &[(&'static str, crate::object::NativeFn)]) {
    for (n, f) in fns {
        crate::modules::itertools::add_method_as(vm, t, n, *f);
    }
}

fn new_property(vm: &mut Vm, t: Value, name: &'static str, f: crate::object::NativeFn) {
    let g = vm.new_builtin(name, f);
    let p = vm.new_readonly_property(g);
    let k = vm.intern(name);
    vm.type_set_attr(t, k, p);
}

// ---- deque --------------------------------------------------------------------------

pub struct Deque {
    items: Mut<VecDeque<Value>>,
    maxlen: std::cell::Cell<Option<usize>>,
}

impl NativeData for Deque {
    fn trace(&self, visit: &mut dyn FnMut(Value)) {
        self.items.get().iter().for_each(|v| visit(*v));
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn dq(vm: &mut Vm, v: Value) -> PyResult<&'static Deque> {
    match native::<Deque>(v) {
        Some(d) => Ok(d),
        None => Err(vm.type_error(&format!(
            "descriptor requires a 'collections.deque' object but received '{}'",
            vm.type_name(v)
        ))),
    }
}

fn dq_push(d: &Deque, v: Value, left: bool) {
    let items = d.items.get();
    if d.maxlen.get() == Some(0) {
        return;
    }
    if left {
        if d.maxlen.get() == Some(items.len()) {
            items.pop_back();
        }
        items.push_front(v);
    } else {
        if d.maxlen.get() == Some(items.len()) {
            items.pop_front();
        }
        items.push_back(v);
    }
}

fn init_deque(vm: &mut Vm, m: Value) {
    let t = make_type(
        vm,
        "collections.deque",
        "deque",
        "collections",
        vm.types.object,
    );
    set_attr(vm, m, "deque", t);
    add_fns(
        vm,
        t,
        &[
            ("__new__", deque_new),
            ("__init__", deque_init),
            ("append", |vm, a| {
                let b = DQ_APPEND.bind(vm, &a)?;
                dq_push(dq(vm, b.recv)?, b.req(0), false);
                Ok(Value::NONE)
            }),
            ("appendleft", |vm, a| {
                let b = DQ_APPENDLEFT.bind(vm, &a)?;
                dq_push(dq(vm, b.recv)?, b.req(0), true);
                Ok(Value::NONE)
            }),
            ("pop", |vm, a| {
                let b = DQ_POP.bind(vm, &a)?;
                dq(vm, b.recv)?
                    .items
                    .get()
                    .pop_back()
                    .ok_or_else(|| vm.index_error("pop from an empty deque"))
            }),
            ("popleft", |vm, a| {
                let b = DQ_POPLEFT.bind(vm, &a)?;
                dq(vm, b.recv)?
                    .items
                    .get()
                    .pop_front()
                    .ok_or_else(|| vm.index_error("pop from an empty deque"))
            }),
            ("extend", |vm, a| {
                let b = DQ_EXTEND.bind(vm, &a)?;
                deque_extend(vm, b.recv, b.req(0), false)
            }),
            ("extendleft", |vm, a| {
                let b = DQ_EXTENDLEFT.bind(vm, &a)?;
                deque_extend(vm, b.recv, b.req(0), true)
            }),
            ("__iadd__", |vm, a| {
                let b = ONE.bind(vm, &a)?;
                deque_extend(vm, b.recv, b.req(0), false)?;
                Ok(b.recv)
            }),
            ("rotate", |vm, a| {
                let b = DQ_ROTATE.bind(vm, &a)?;
                let n = b.ssize_or(vm, 0, 1)?;
                let items = dq(vm, b.recv)?.items.get();
                let len = items.len() as i64;
                if len > 1 {
                    let k = n.rem_euclid(len) as usize;
                    items.rotate_right(k);
                }
                Ok(Value::NONE)
            }),
            ("clear", |vm, a| {
                let b = DQ_CLEAR.bind(vm, &a)?;
                dq(vm, b.recv)?.items.get().clear();
                Ok(Value::NONE)
            }),
            ("copy", |vm, a| deque_copy(vm, a, &DQ_COPY)),
            ("__copy__", |vm, a| deque_copy(vm, a, &DQ_DUNDER_COPY)),
            ("count", |vm, a| {
                let b = DQ_COUNT.bind(vm, &a)?;
                let x = b.req(0);
                let items: Vec<Value> = dq(vm, b.recv)?.items.get().iter().copied().collect();
                let mut n = 0;
                for v in items {
                    if vm.eq(v, x)? {
                        n += 1;
                    }
                }
                Ok(vm.new_int(n))
            }),
            ("index", |vm, a| {
                let b = DQ_INDEX.bind(vm, &a)?;
                let x = b.req(0);
                let items: Vec<Value> = dq(vm, b.recv)?.items.get().iter().copied().collect();
                let len = items.len() as i64;
                let norm = |i: i64| if i < 0 { (i + len).max(0) } else { i.min(len) };
                let start = match b.get(1) {
                    Some(v) => norm(deque_slice_index(vm, v)?),
                    None => 0,
                };
                let stop = match b.get(2) {
                    Some(v) => norm(deque_slice_index(vm, v)?),
                    None => len,
                };
                for i in start..stop {
                    if vm.eq(items[i as usize], x)? {
                        return Ok(vm.new_int(i));
                    }
                }
                let r = vm.repr_string(x)?;
                Err(vm.value_error(&format!("{r} is not in deque")))
            }),
            ("insert", |vm, a| {
                let b = DQ_INSERT.bind(vm, &a)?;
                let i = b.ssize(vm, 0)?;
                let d = dq(vm, b.recv)?;
                let len = d.items.get().len();
                if d.maxlen.get() == Some(len) {
                    return Err(vm.index_error("deque already at its maximum size"));
                }
                let i = if i < 0 {
                    (i + len as i64).max(0)
                } else {
                    i.min(len as i64)
                } as usize;
                d.items.get().insert(i, b.req(1));
                Ok(Value::NONE)
            }),
            ("remove", |vm, a| {
                let b = DQ_REMOVE.bind(vm, &a)?;
                let x = b.req(0);
                let items: Vec<Value> = dq(vm, b.recv)?.items.get().iter().copied().collect();
                for (i, v) in items.iter().enumerate() {
                    if vm.eq(*v, x)? {
                        let items = dq(vm, b.recv)?.items.get();
                        // the comparison may have changed the deque
                        if items.get(i) == Some(v) {
                            items.remove(i);
                        }
                        return Ok(Value::NONE);
                    }
                }
                let r = vm.repr_string(x)?;
                Err(vm.value_error(&format!("{r} is not in deque")))
            }),
            ("reverse", |vm, a| {
                let b = DQ_REVERSE.bind(vm, &a)?;
                dq(vm, b.recv)?.items.get().make_contiguous().reverse();
                Ok(Value::NONE)
            }),
            ("__len__", |vm, a| {
                let b = NOARGS.bind(vm, &a)?;
                let n = dq(vm, b.recv)?.items.get().len();
                Ok(vm.new_int(n as i64))
            }),
            ("__bool__", |vm, a| {
                let b = NOARGS.bind(vm, &a)?;
                Ok(Value::bool(!dq(vm, b.recv)?.items.get().is_empty()))
            }),
            ("__iter__", |vm, a| {
                let b = NOARGS.bind(vm, &a)?;
                let items: Vec<Value> = dq(vm, b.recv)?.items.get().iter().copied().collect();
                let l = vm.new_list(items);
                vm.iter(l)
            }),
            ("__reversed__", |vm, a| {
                const REVERSED: Sig<0> = Sig::new("deque.__reversed__", []).method();
                let b = REVERSED.bind(vm, &a)?;
                let items: Vec<Value> = dq(vm, b.recv)?.items.get().iter().rev().copied().collect();
                let l = vm.new_list(items);
                vm.iter(l)
            }),
            ("__contains__", |vm, a| {
                let b = ONE.bind(vm, &a)?;
                let items: Vec<Value> = dq(vm, b.recv)?.items.get().iter().copied().collect();
                for x in items {
                    if vm.eq(x, b.req(0))? {
                        return Ok(Value::TRUE);
                    }
                }
                Ok(Value::FALSE)
            }),
            ("__getitem__", |vm, a| {
                let b = ONE.bind(vm, &a)?;
                let i = deque_index(vm, b.recv, b.req(0))?;
                Ok(dq(vm, b.recv)?.items.get()[i])
            }),
            ("__setitem__", |vm, a| {
                let b = TWO.bind(vm, &a)?;
                let i = deque_index(vm, b.recv, b.req(0))?;
                dq(vm, b.recv)?.items.get()[i] = b.req(1);
                Ok(Value::NONE)
            }),
            ("__delitem__", |vm, a| {
                let b = ONE.bind(vm, &a)?;
                let i = deque_index(vm, b.recv, b.req(0))?;
                dq(vm, b.recv)?.items.get().remove(i);
                Ok(Value::NONE)
            }),
            ("__repr__", deque_repr),
            ("__eq__", |vm, a| deque_cmp(vm, a, CmpOp::Eq)),
            ("__ne__", |vm, a| deque_cmp(vm, a, CmpOp::Ne)),
            ("__lt__", |vm, a| deque_cmp(vm, a, CmpOp::Lt)),
            ("__le__", |vm, a| deque_cmp(vm, a, CmpOp::Le)),
            ("__gt__", |vm, a| deque_cmp(vm, a, CmpOp::Gt)),
            ("__ge__", |vm, a| deque_cmp(vm, a, CmpOp::Ge)),
            ("__add__", |vm, a| {
                let b = ONE.bind(vm, &a)?;
                let other = b.req(0);
                let Some(o) = native::<Deque>(other) else {
                    return Err(vm.type_error(&format!(
                        "can only concatenate deque (not \"{}\") to deque",
                        vm.type_name(other)
                    )));
                };
                let d = dq(vm, b.recv)?;
                let mut items: Vec<Value> = d.items.get().iter().copied().collect();
                items.extend(o.items.get().iter().copied());
                new_deque(vm, vm.type_of(b.recv), items, d.maxlen.get())
            }),
            ("__mul__", |vm, a| {
                let b = ONE.bind(vm, &a)?;
                let d = dq(vm, b.recv)?;
                let n = b.req(0);
                if !vm.is_intlike(n) && vm.dunder(n, "__index__").is_none() {
                    let tn = vm.type_name(n);
                    return Err(vm.type_error(&format!(
                        "can't multiply sequence by non-int of type '{tn}'"
                    )));
                }
                let n = to_ssize(vm, n)?;
                let items: Vec<Value> = d.items.get().iter().copied().collect();
                let out = vm.repeat_items(&items, n)?;
                new_deque(vm, vm.type_of(b.recv), out, d.maxlen.get())
            }),
        ],
    );
    new_property(vm, t, "maxlen", |vm, a| {
        const MAXLEN: Sig<0> = Sig::new("maxlen", []).method();
        let b = MAXLEN.bind(vm, &a)?;
        Ok(match dq(vm, b.recv)?.maxlen.get() {
            Some(n) => vm.new_int(n as i64),
            None => Value::NONE,
        })
    });
    let hk = vm.intern("__hash__");
    vm.type_set_attr(t, hk, Value::NONE);
}

fn new_deque(vm: &mut Vm, cls: Value, items: Vec<Value>, maxlen: Option<usize>) -> PyResult<Value> {
    let d = Deque {
        items: Mut::new(VecDeque::new()),
        maxlen: std::cell::Cell::new(maxlen),
    };
    for v in items {
        dq_push(&d, v, false);
    }
    Ok(vm.alloc(cls, ObjData::Native(Box::new(d))))
}

fn deque_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const NEW: Sig<0> = Sig::new("deque", []).constructor().varargs().varkw();
    let b = NEW.bind(vm, &a)?;
    let obj = new_deque(vm, b.recv, Vec::new(), None)?;
    // Built-in constructors run no separate __init__, so initialise here.
    let mut args = vec![obj];
    args.extend_from_slice(b.rest);
    vm.temp_roots.push(obj);
    let r = deque_init(
        vm,
        Args {
            pos: &args,
            kw: a.kw,
        },
    );
    vm.temp_roots.pop();
    r?;
    Ok(obj)
}

/// The slot methods, whose arity the call path checks (so the name is never in a
/// message).
const NOARGS: Sig<0> = Sig::new("method", []).method();
const ONE: Sig<1> = Sig::new("method", ["other"]).method();
const TWO: Sig<2> = Sig::new("method", ["key", "value"]).method();

/// `deque(iterable=(), maxlen=None)`
const DQ_INIT: Sig<2> = Sig::new("deque", ["iterable", "maxlen"])
    .posonly(0)
    .required(0)
    .method();
/// `deque.append(x)` and the other methods of one argument (METH_O) or none
const DQ_APPEND: Sig<1> = Sig::new("deque.append", ["x"]).method();
const DQ_APPENDLEFT: Sig<1> = Sig::new("deque.appendleft", ["x"]).method();
const DQ_EXTEND: Sig<1> = Sig::new("deque.extend", ["iterable"]).method();
const DQ_EXTENDLEFT: Sig<1> = Sig::new("deque.extendleft", ["iterable"]).method();
const DQ_COUNT: Sig<1> = Sig::new("deque.count", ["x"]).method();
const DQ_REMOVE: Sig<1> = Sig::new("deque.remove", ["value"]).method();
const DQ_POP: Sig<0> = Sig::new("deque.pop", []).method();
const DQ_POPLEFT: Sig<0> = Sig::new("deque.popleft", []).method();
const DQ_CLEAR: Sig<0> = Sig::new("deque.clear", []).method();
const DQ_COPY: Sig<0> = Sig::new("deque.copy", []).method();
const DQ_DUNDER_COPY: Sig<0> = Sig::new("deque.__copy__", []).method();
const DQ_REVERSE: Sig<0> = Sig::new("deque.reverse", []).method();
/// `deque.rotate(n=1, /)`
const DQ_ROTATE: Sig<1> = Sig::new("deque.rotate", ["n"]).required(0).method();
/// `deque.index(x[, start[, stop]])` and `deque.insert(i, x)` (`PyArg_ParseTuple`)
const DQ_INDEX: Sig<3> = Sig::new("index", ["x", "start", "stop"])
    .required(1)
    .style(Style::Tuple)
    .owner("deque")
    .method();
const DQ_INSERT: Sig<2> = Sig::new("insert", ["i", "x"])
    .style(Style::Tuple)
    .owner("deque")
    .method();

/// A start or stop of `deque.index` (`_PyEval_SliceIndexNotNone`): `__index__`,
/// clamped to the ssize range.
fn deque_slice_index(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if !vm.is_intlike(v) && vm.dunder(v, "__index__").is_none() {
        return Err(vm.type_error("slice indices must be integers or have an __index__ method"));
    }
    let x = crate::builtins::signature::to_index(vm, v)?;
    Ok(match vm.to_i64(x) {
        Some(i) => i,
        None if vm
            .to_bigint(x)
            .is_some_and(|b| b.sign() == num_bigint::Sign::Minus) =>
        {
            i64::MIN
        }
        None => i64::MAX,
    })
}

fn deque_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = DQ_INIT.bind(vm, &a)?;
    let d = dq(vm, b.recv)?;
    let maxlen = match b.opt(1) {
        Some(v) => {
            if !vm.is_intlike(v) {
                return Err(vm.type_error("an integer is required"));
            }
            let n = to_ssize(vm, v)?;
            if n < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
        None => None,
    };
    d.maxlen.set(maxlen);
    d.items.get().clear();
    if let Some(src) = b.get(0) {
        deque_extend(vm, b.recv, src, false)?;
    }
    Ok(Value::NONE)
}

fn deque_extend(vm: &mut Vm, dv: Value, src: Value, left: bool) -> PyResult<Value> {
    let items = vm.collect_iter(src)?;
    let d = dq(vm, dv)?;
    for v in items {
        dq_push(d, v, left);
    }
    Ok(Value::NONE)
}

fn deque_copy(vm: &mut Vm, a: Args, sig: &Sig<0>) -> PyResult<Value> {
    let b = sig.bind(vm, &a)?;
    let d = dq(vm, b.recv)?;
    let items: Vec<Value> = d.items.get().iter().copied().collect();
    new_deque(vm, vm.type_of(b.recv), items, d.maxlen.get())
}

/// Item `idx` of deque `dv` (`__index__`, negative from the end), or IndexError.
fn deque_index(vm: &mut Vm, dv: Value, idx: Value) -> PyResult<usize> {
    // `PyNumber_AsSsize_t`, as `deque_subscript` converts
    let x = crate::builtins::signature::to_index(vm, idx)?;
    let Some(i) = vm.to_i64(x) else {
        let tn = vm.type_name(idx);
        return Err(vm.overflow_error(&format!("cannot fit '{tn}' into an index-sized integer")));
    };
    let len = dq(vm, dv)?.items.get().len() as i64;
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(j as usize)
}

fn deque_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = NOARGS.bind(vm, &a)?.recv;
    let d = dq(vm, v)?;
    let name = type_obj(vm.type_of(v)).name.clone();
    if vm.repr_stack.contains(&v) {
        return Ok(vm.new_str("[...]"));
    }
    let items: Vec<Value> = d.items.get().iter().copied().collect();
    vm.repr_stack.push(v);
    let l = vm.new_list(items);
    let r = vm.repr_string(l);
    vm.repr_stack.pop();
    let r = r?;
    let s = match d.maxlen.get() {
        Some(n) => format!("{name}({r}, maxlen={n})"),
        None => format!("{name}({r})"),
    };
    Ok(vm.new_string(s))
}

fn deque_cmp(vm: &mut Vm, a: Args, op: CmpOp) -> PyResult<Value> {
    let b = ONE.bind(vm, &a)?;
    let (Some(x), Some(y)) = (native::<Deque>(b.recv), native::<Deque>(b.req(0))) else {
        return Ok(vm.not_implemented);
    };
    let l1 = vm.new_list(x.items.get().iter().copied().collect());
    vm.temp_roots.push(l1);
    let l2 = vm.new_list(y.items.get().iter().copied().collect());
    vm.temp_roots.push(l2);
    let r = vm.compare(op, l1, l2);
    vm.temp_roots.truncate(vm.temp_roots.len() - 2);
    r
}

// ---- dict subclasses ------------------------------------------------------------------

/// The dict payload behind a defaultdict/OrderedDict/Counter (or a plain dict).
fn inner(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if let Some(o) = v.as_obj() {
        match &o.data {
            ObjData::Instance(i) => {
                let b = i.base_value.get();
                if b.is_obj() && matches!(b.obj().data, ObjData::Dict(_)) {
                    return Ok(b);
                }
            }
            ObjData::Dict(_) => return Ok(v),
            _ => {}
        }
    }
    Err(vm.type_error(&format!(
        "descriptor requires a 'dict' object but received '{}'",
        vm.type_name(v)
    )))
}

fn is_dictlike(v: Value) -> bool {
    match v.as_obj().map(|o| &o.data) {
        Some(ObjData::Dict(_)) => true,
        Some(ObjData::Instance(i)) => {
            let b = i.base_value.get();
            b.is_obj() && matches!(b.obj().data, ObjData::Dict(_))
        }
        _ => false,
    }
}

fn new_dict_instance(vm: &mut Vm, cls: Value) -> Value {
    let obj = vm.new_instance(cls);
    let d = vm.new_dict();
    if let ObjData::Instance(i) = &obj.obj().data {
        i.base_value.set(d);
    }
    obj
}

fn entries(d: Value) -> Vec<(Value, Value)> {
    match &d.obj().data {
        ObjData::Dict(x) => x.get().iter().map(|e| (e.key, e.value)).collect(),
        _ => Vec::new(),
    }
}

/// `dict.update(src, **kw)` onto the payload `d`.
fn update_inner(vm: &mut Vm, d: Value, src: Option<Value>, kw: &[(Value, Value)]) -> PyResult<()> {
    if let Some(s) = src {
        let s = if is_dictlike(s) { inner(vm, s)? } else { s };
        vm.dict_update_from(d, s, false)?;
    }
    for (k, v) in kw {
        vm.dict_set(d, *k, *v)?;
    }
    Ok(())
}

fn view(vm: &mut Vm, recv: Value, kind: DictIterKind) -> PyResult<Value> {
    let d = inner(vm, recv)?;
    let cls = match kind {
        DictIterKind::Keys => vm.types.dict_keys,
        DictIterKind::Values => vm.types.dict_values,
        DictIterKind::Items => vm.types.dict_items,
    };
    Ok(vm.alloc(cls, ObjData::DictView { dict: d, kind }))
}

fn dict_getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = ONE.bind(vm, &a)?;
    let (s, k) = (b.recv, b.req(0));
    let d = inner(vm, s)?;
    if let Some(v) = vm.dict_get(d, k)? {
        return Ok(v);
    }
    if let Some(r) = vm.call_dunder(s, "__missing__", &[k])? {
        return Ok(r);
    }
    Err(vm.key_error(k))
}

fn dict_repr_body(vm: &mut Vm, pairs: &[(Value, Value)]) -> PyResult<String> {
    let mut parts = Vec::with_capacity(pairs.len());
    for (k, v) in pairs {
        parts.push(format!("{}: {}", vm.repr_string(*k)?, vm.repr_string(*v)?));
    }
    Ok(format!("{{{}}}", parts.join(", ")))
}

fn guarded_repr(
    vm: &mut Vm,
    s: Value,
    f: impl FnOnce(&mut Vm) -> PyResult<String>,
) -> PyResult<Value> {
    if vm.repr_stack.contains(&s) {
        return Ok(vm.new_str("..."));
    }
    vm.repr_stack.push(s);
    let r = f(vm);
    vm.repr_stack.pop();
    let r = r?;
    Ok(vm.new_string(r))
}

/// `__str__` for payload-carrying types: `repr(self)` (the core would otherwise print
/// the bare dict/tuple payload).
fn str_via_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let recv = NOARGS.bind(vm, &a)?.recv;
    let s = vm.repr_string(recv)?;
    Ok(vm.new_string(s))
}

fn cls_name(vm: &Vm, v: Value) -> String {
    type_obj(vm.type_of(v)).name.clone()
}

/// The signatures of the dict methods of defaultdict and Counter (dict's own:
/// `dict.keys() takes no arguments`, `get expected at least 1 argument`) and of
/// OrderedDict (its own methods: `OrderedDict.keys()`, `pop(self, /, key,
/// default)`, `update() takes at most 1 positional argument`).
struct DictSigs {
    keys: Sig<0>,
    values: Sig<0>,
    items: Sig<0>,
    clear: Sig<0>,
    popitem: Sig<0>,
    get: Sig<2>,
    pop: Sig<2>,
    setdefault: Sig<2>,
    update: Sig<1>,
}

const DICT_SIGS: DictSigs = DictSigs {
    keys: Sig::new("keys", []).method(),
    values: Sig::new("values", []).method(),
    items: Sig::new("items", []).method(),
    clear: Sig::new("clear", []).method(),
    popitem: Sig::new("popitem", []).method(),
    get: Sig::new("get", ["key", "default"]).required(1).method(),
    pop: Sig::new("pop", ["key", "default"]).required(1).method(),
    setdefault: Sig::new("setdefault", ["key", "default"])
        .required(1)
        .method(),
    update: Sig::new("update", ["other"]).required(0).varkw().method(),
};

const ODICT_SIGS: DictSigs = DictSigs {
    keys: Sig::new("OrderedDict.keys", []).method(),
    values: Sig::new("OrderedDict.values", []).method(),
    items: Sig::new("OrderedDict.items", []).method(),
    clear: Sig::new("OrderedDict.clear", []).method(),
    // OrderedDict's own popitem (with `last`) replaces this one
    popitem: Sig::new("OrderedDict.popitem", []).method(),
    get: Sig::new("get", ["key", "default"]).required(1).method(),
    pop: Sig::new("pop", ["key", "default"])
        .posonly(0)
        .required(1)
        .method(),
    setdefault: Sig::new("setdefault", ["key", "default"])
        .posonly(0)
        .required(1)
        .method(),
    // MutableMapping.update: `update() takes at most 1 positional argument`
    // (the closure checks that count first)
    update: Sig::new("update", ["other"]).required(0).varkw().method(),
};

fn dict_sigs<const OD: bool>() -> &'static DictSigs {
    if OD { &ODICT_SIGS } else { &DICT_SIGS }
}

fn dict_proxy_methods<const OD: bool>(vm: &mut Vm, t: Value) {
    add_fns(
        vm,
        t,
        &[
            ("__str__", str_via_repr),
            ("__len__", |vm, a| {
                let b = NOARGS.bind(vm, &a)?;
                let d = inner(vm, b.recv)?;
                let n = vm.len(d)?;
                Ok(vm.new_int(n as i64))
            }),
            ("__bool__", |vm, a| {
                let b = NOARGS.bind(vm, &a)?;
                let d = inner(vm, b.recv)?;
                Ok(Value::bool(vm.len(d)? != 0))
            }),
            ("__iter__", |vm, a| {
                let b = NOARGS.bind(vm, &a)?;
                // through a keys view: the payload may be the instance itself
                // (`Counter.__new__(Counter)` is a dict of class Counter)
                let keys = view(vm, b.recv, DictIterKind::Keys)?;
                vm.iter(keys)
            }),
            ("__reversed__", |vm, a| {
                const REVERSED: Sig<0> = Sig::new("OrderedDict.__reversed__", []).method();
                let b = REVERSED.bind(vm, &a)?;
                let d = inner(vm, b.recv)?;
                let keys: Vec<Value> = entries(d).into_iter().rev().map(|(k, _)| k).collect();
                let l = vm.new_list(keys);
                vm.iter(l)
            }),
            ("__contains__", |vm, a| {
                let b = ONE.bind(vm, &a)?;
                let d = inner(vm, b.recv)?;
                Ok(Value::bool(vm.dict_get(d, b.req(0))?.is_some()))
            }),
            ("__getitem__", dict_getitem),
            ("__setitem__", |vm, a| {
                let b = TWO.bind(vm, &a)?;
                let d = inner(vm, b.recv)?;
                vm.dict_set(d, b.req(0), b.req(1))?;
                Ok(Value::NONE)
            }),
            ("__delitem__", |vm, a| {
                let b = ONE.bind(vm, &a)?;
                let d = inner(vm, b.recv)?;
                match vm.dict_del(d, b.req(0))? {
                    Some(_) => Ok(Value::NONE),
                    None => Err(vm.key_error(b.req(0))),
                }
            }),
            ("keys", |vm, a| {
                let recv = dict_sigs::<OD>().keys.bind(vm, &a)?.recv;
                view(vm, recv, DictIterKind::Keys)
            }),
            ("values", |vm, a| {
                let recv = dict_sigs::<OD>().values.bind(vm, &a)?.recv;
                view(vm, recv, DictIterKind::Values)
            }),
            ("items", |vm, a| {
                let recv = dict_sigs::<OD>().items.bind(vm, &a)?.recv;
                view(vm, recv, DictIterKind::Items)
            }),
            ("get", |vm, a| {
                let b = dict_sigs::<OD>().get.bind(vm, &a)?;
                let d = inner(vm, b.recv)?;
                Ok(vm
                    .dict_get(d, b.req(0))?
                    .unwrap_or(b.get(1).unwrap_or(Value::NONE)))
            }),
            ("pop", |vm, a| {
                let b = dict_sigs::<OD>().pop.bind(vm, &a)?;
                let d = inner(vm, b.recv)?;
                match vm.dict_del(d, b.req(0))? {
                    Some(v) => Ok(v),
                    None => match b.get(1) {
                        Some(dflt) => Ok(dflt),
                        None => Err(vm.key_error(b.req(0))),
                    },
                }
            }),
            ("popitem", |vm, a| {
                let recv = dict_sigs::<OD>().popitem.bind(vm, &a)?.recv;
                dict_popitem(vm, recv, true)
            }),
            ("setdefault", |vm, a| {
                let b = dict_sigs::<OD>().setdefault.bind(vm, &a)?;
                let d = inner(vm, b.recv)?;
                let key = b.req(0);
                if let Some(v) = vm.dict_get(d, key)? {
                    return Ok(v);
                }
                let v = b.get(1).unwrap_or(Value::NONE);
                vm.dict_set(d, key, v)?;
                Ok(v)
            }),
            ("clear", |vm, a| {
                let recv = dict_sigs::<OD>().clear.bind(vm, &a)?.recv;
                let d = inner(vm, recv)?;
                if let ObjData::Dict(x) = &d.obj().data {
                    x.get().clear();
                }
                Ok(Value::NONE)
            }),
            ("update", |vm, a| {
                if OD && a.len() > 2 {
                    return Err(vm.type_error(&format!(
                        "update() takes at most 1 positional argument ({} given)",
                        a.len() - 1
                    )));
                }
                let b = dict_sigs::<OD>().update.bind(vm, &a)?;
                let d = inner(vm, b.recv)?;
                update_inner(vm, d, b.get(0), &b.kwrest)?;
                Ok(Value::NONE)
            }),
            ("__ior__", |vm, a| {
                let b = ONE.bind(vm, &a)?;
                let d = inner(vm, b.recv)?;
                update_inner(vm, d, b.get(0), &[])?;
                Ok(b.recv)
            }),
            ("__eq__", |vm, a| {
                let b = ONE.bind(vm, &a)?;
                dict_eq(vm, b.recv, b.req(0), false)
            }),
            ("__ne__", |vm, a| {
                let b = ONE.bind(vm, &a)?;
                let r = dict_eq(vm, b.recv, b.req(0), false)?;
                if r == vm.not_implemented {
                    return Ok(r);
                }
                Ok(Value::bool(r != Value::TRUE))
            }),
        ],
    );
    let hk = vm.intern("__hash__");
    vm.type_set_attr(t, hk, Value::NONE);
    // (what they do to a dict payload is what dict's do: see
    // `Vm::dict_item_proxies`)
    for name in ["__getitem__", "__setitem__", "__contains__"] {
        let n = vm.intern(name);
        if let Some(f) = crate::vm::types::lookup(vm, t, n) {
            vm.dict_item_proxies.push(f);
        }
    }
}

fn dict_eq(vm: &mut Vm, a: Value, b: Value, ordered: bool) -> PyResult<Value> {
    if !is_dictlike(b) {
        return Ok(vm.not_implemented);
    }
    let (x, y) = (inner(vm, a)?, inner(vm, b)?);
    if ordered {
        let (ex, ey) = (entries(x), entries(y));
        if ex.len() != ey.len() {
            return Ok(Value::FALSE);
        }
        for ((k1, _), (k2, _)) in ex.iter().zip(ey.iter()) {
            if !vm.eq(*k1, *k2)? {
                return Ok(Value::FALSE);
            }
        }
    }
    Ok(Value::bool(crate::builtins::dict::dict_eq(vm, x, y)?))
}

fn dict_popitem(vm: &mut Vm, s: Value, last: bool) -> PyResult<Value> {
    let d = inner(vm, s)?;
    let ObjData::Dict(x) = &d.obj().data else {
        unreachable!()
    };
    let pos = if last {
        x.get().last_pos()
    } else {
        x.get().entry_from(0).map(|(p, _)| p)
    };
    let Some(p) = pos else {
        return Err(vm.key_error_msg("dictionary is empty"));
    };
    let k = x.get().entries()[p].key;
    let v = x.get().remove_at(p);
    Ok(vm.new_tuple(vec![k, v]))
}

impl Vm {
    /// A KeyError whose argument is the message string.
    fn key_error_msg(&mut self, msg: &str) -> crate::vm::PyErr {
        let s = self.new_str(msg);
        self.key_error(s)
    }
}

fn init_dicts(vm: &mut Vm, m: Value) {
    let dict = vm.types.dict;
    // defaultdict
    let t = make_type(
        vm,
        "collections.defaultdict",
        "defaultdict",
        "collections",
        dict,
    );
    set_attr(vm, m, "defaultdict", t);
    dict_proxy_methods::<false>(vm, t);
    add_fns(
        vm,
        t,
        &[
            ("__init__", |vm, a| {
                /// `defaultdict(default_factory=None, /, [...])`, then dict's
                /// arguments
                const INIT: Sig<2> = Sig::new("dict", ["default_factory", "mapping"])
                    .required(0)
                    .varargs()
                    .varkw()
                    .method();
                let b = INIT.bind(vm, &a)?;
                let obj = b.recv;
                let f = b.get(0).unwrap_or(Value::NONE);
                if !f.is_none() && !vm.is_callable(f) {
                    return Err(vm.type_error("first argument must be callable or None"));
                }
                if !b.rest.is_empty() {
                    return Err(vm.type_error(&format!(
                        "dict expected at most 1 argument, got {}",
                        b.rest.len() + 1
                    )));
                }
                let k = vm.intern("default_factory");
                vm.instance_set_attr(obj, k, f);
                let d = inner(vm, obj)?;
                update_inner(vm, d, b.get(1), &b.kwrest)?;
                Ok(Value::NONE)
            }),
            ("__missing__", |vm, a| {
                let b = ONE.bind(vm, &a)?;
                let (s, key) = (b.recv, b.req(0));
                let k = vm.intern("default_factory");
                let f = vm.instance_get_attr(s, k).unwrap_or(Value::NONE);
                if f.is_none() {
                    return Err(vm.key_error(key));
                }
                let v = vm.call(f, &[])?;
                vm.temp_roots.push(v);
                let d = inner(vm, s);
                let r = d.and_then(|d| vm.dict_set(d, key, v));
                vm.temp_roots.pop();
                r?;
                Ok(v)
            }),
            ("__repr__", |vm, a| {
                let s = NOARGS.bind(vm, &a)?.recv;
                let k = vm.intern("default_factory");
                let f = vm.instance_get_attr(s, k).unwrap_or(Value::NONE);
                let d = inner(vm, s)?;
                let name = cls_name(vm, s);
                guarded_repr(vm, s, |vm| {
                    let fr = vm.repr_string(f)?;
                    let body = dict_repr_body(vm, &entries(d))?;
                    Ok(format!("{name}({fr}, {body})"))
                })
            }),
            ("copy", |vm, a| {
                const COPY: Sig<0> = Sig::new("defaultdict.copy", []).method();
                let recv = COPY.bind(vm, &a)?.recv;
                defaultdict_copy(vm, recv)
            }),
            ("__copy__", |vm, a| {
                const COPY: Sig<0> = Sig::new("defaultdict.__copy__", []).method();
                let recv = COPY.bind(vm, &a)?.recv;
                defaultdict_copy(vm, recv)
            }),
        ],
    );

    // OrderedDict
    let t = make_type(
        vm,
        "collections.OrderedDict",
        "OrderedDict",
        "collections",
        dict,
    );
    set_attr(vm, m, "OrderedDict", t);
    dict_proxy_methods::<true>(vm, t);
    add_fns(
        vm,
        t,
        &[
            ("__init__", |vm, a| {
                /// `OrderedDict(other=(), /, **kwds)`: `expected at most 1
                /// arguments, got 2` (sic)
                const INIT: Sig<1> = Sig::new("OrderedDict", ["other"])
                    .required(0)
                    .varargs()
                    .varkw()
                    .method();
                let b = INIT.bind(vm, &a)?;
                if !b.rest.is_empty() {
                    return Err(vm.type_error(&format!(
                        "expected at most 1 arguments, got {}",
                        b.rest.len() + 1
                    )));
                }
                let d = inner(vm, b.recv)?;
                update_inner(vm, d, b.get(0), &b.kwrest)?;
                Ok(Value::NONE)
            }),
            ("__repr__", |vm, a| {
                let s = NOARGS.bind(vm, &a)?.recv;
                let d = inner(vm, s)?;
                let name = cls_name(vm, s);
                let es = entries(d);
                if es.is_empty() {
                    return Ok(vm.new_string(format!("{name}()")));
                }
                guarded_repr(vm, s, |vm| {
                    let mut parts = Vec::new();
                    for (k, v) in es {
                        parts.push(format!("({}, {})", vm.repr_string(k)?, vm.repr_string(v)?));
                    }
                    Ok(format!("{name}([{}])", parts.join(", ")))
                })
            }),
            ("__eq__", |vm, a| {
                let b = ONE.bind(vm, &a)?;
                let ordered = vm.isinstance(b.req(0), ty("collections.OrderedDict"));
                dict_eq(vm, b.recv, b.req(0), ordered)
            }),
            ("__ne__", |vm, a| {
                let b = ONE.bind(vm, &a)?;
                let ordered = vm.isinstance(b.req(0), ty("collections.OrderedDict"));
                let r = dict_eq(vm, b.recv, b.req(0), ordered)?;
                if r == vm.not_implemented {
                    return Ok(r);
                }
                Ok(Value::bool(r != Value::TRUE))
            }),
            ("popitem", |vm, a| {
                /// `OrderedDict.popitem(self, /, last=True)`
                const POPITEM: Sig<1> = Sig::new("popitem", ["last"])
                    .posonly(0)
                    .required(0)
                    .method();
                let b = POPITEM.bind(vm, &a)?;
                let last = b.truth(vm, 0, true)?;
                dict_popitem(vm, b.recv, last)
            }),
            ("move_to_end", |vm, a| {
                /// `OrderedDict.move_to_end(self, /, key, last=True)`
                const MOVE_TO_END: Sig<2> = Sig::new("move_to_end", ["key", "last"])
                    .posonly(0)
                    .required(1)
                    .method();
                let b = MOVE_TO_END.bind(vm, &a)?;
                let (s, key) = (b.recv, b.req(0));
                let last = b.truth(vm, 1, true)?;
                let d = inner(vm, s)?;
                let h = vm.hash(key)?;
                let ObjData::Dict(x) = &d.obj().data else {
                    unreachable!()
                };
                let Some(p) = x.get().find(key, h, &mut |a, b| vm.eq(a, b))? else {
                    return Err(vm.key_error(key));
                };
                let e = x.get().entries()[p];
                x.get().remove_at(p);
                if last {
                    x.get().insert_new(e.key, e.hash, e.value);
                } else {
                    let rest: Vec<crate::object::dict::Entry> = x.get().iter().copied().collect();
                    let nd = x.get();
                    nd.clear();
                    nd.insert_new(e.key, e.hash, e.value);
                    for r in rest {
                        nd.insert_new(r.key, r.hash, r.value);
                    }
                }
                Ok(Value::NONE)
            }),
            ("copy", |vm, a| {
                const COPY: Sig<0> = Sig::new("OrderedDict.copy", []).method();
                let s = COPY.bind(vm, &a)?.recv;
                let obj = new_dict_instance(vm, vm.type_of(s));
                let (src, dst) = (inner(vm, s)?, inner(vm, obj)?);
                if let (ObjData::Dict(x), ObjData::Dict(y)) = (&src.obj().data, &dst.obj().data) {
                    *y.get() = x.get().clone();
                }
                Ok(obj)
            }),
        ],
    );

    // Counter
    let t = make_type(vm, "collections.Counter", "Counter", "collections", dict);
    set_attr(vm, m, "Counter", t);
    dict_proxy_methods::<false>(vm, t);
    add_fns(
        vm,
        t,
        &[
            ("__init__", |vm, a| {
                let b = CT_INIT.bind(vm, &a)?;
                counter_update(vm, b.recv, b.get(0), &b.kwrest, 1)?;
                Ok(Value::NONE)
            }),
            ("__missing__", |vm, a| {
                const MISSING: Sig<1> = Sig::new("Counter.__missing__", ["key"])
                    .posonly(0)
                    .python()
                    .method();
                MISSING.bind(vm, &a)?;
                Ok(Value::small_int(0))
            }),
            ("update", |vm, a| {
                let b = CT_UPDATE.bind(vm, &a)?;
                counter_update(vm, b.recv, b.get(0), &b.kwrest, 1)?;
                Ok(Value::NONE)
            }),
            ("subtract", |vm, a| {
                let b = CT_SUBTRACT.bind(vm, &a)?;
                counter_update(vm, b.recv, b.get(0), &b.kwrest, -1)?;
                Ok(Value::NONE)
            }),
            ("total", |vm, a| {
                let recv = CT_TOTAL.bind(vm, &a)?.recv;
                let d = inner(vm, recv)?;
                let mut acc = Value::small_int(0);
                for (_, v) in entries(d) {
                    acc = vm.binary_op(BinOp::Add, acc, v)?;
                }
                Ok(acc)
            }),
            ("most_common", |vm, a| {
                let b = CT_MOST_COMMON.bind(vm, &a)?;
                let d = inner(vm, b.recv)?;
                let n = match b.opt(0) {
                    Some(v) => Some(to_ssize(vm, v)?.max(0) as usize),
                    None => None,
                };
                let mut items = most_common(vm, d)?;
                if let Some(n) = n {
                    items.truncate(n);
                }
                let mut out = Vec::with_capacity(items.len());
                for (k, v) in items {
                    out.push(vm.new_tuple(vec![k, v]));
                }
                Ok(vm.new_list(out))
            }),
            ("elements", |vm, a| {
                let recv = CT_ELEMENTS.bind(vm, &a)?.recv;
                let d = inner(vm, recv)?;
                let mut out = Vec::new();
                for (k, v) in entries(d) {
                    let n = vm.to_i64(v).ok_or_else(|| {
                        vm.type_error("'float' object cannot be interpreted as an integer")
                    })?;
                    vm.check_alloc(out.len() as u128 + n.max(0) as u128, 8)?;
                    for _ in 0..n.max(0) {
                        out.push(k);
                    }
                }
                let l = vm.new_list(out);
                vm.iter(l)
            }),
            ("copy", |vm, a| {
                let s = CT_COPY.bind(vm, &a)?.recv;
                let obj = new_dict_instance(vm, vm.type_of(s));
                let (src, dst) = (inner(vm, s)?, inner(vm, obj)?);
                if let (ObjData::Dict(x), ObjData::Dict(y)) = (&src.obj().data, &dst.obj().data) {
                    *y.get() = x.get().clone();
                }
                Ok(obj)
            }),
            ("__repr__", |vm, a| {
                const REPR: Sig<0> = Sig::new("Counter.__repr__", []).python().method();
                let s = REPR.bind(vm, &a)?.recv;
                let d = inner(vm, s)?;
                let name = cls_name(vm, s);
                if vm.len(d)? == 0 {
                    return Ok(vm.new_string(format!("{name}()")));
                }
                guarded_repr(vm, s, |vm| {
                    let items = match most_common(vm, d) {
                        Ok(i) => i,
                        Err(_) => entries(d),
                    };
                    let body = dict_repr_body(vm, &items)?;
                    Ok(format!("{name}({body})"))
                })
            }),
            ("__add__", |vm, a| counter_binop(vm, a, '+', &CT_ADD)),
            // Reflected forms exist so the core passes a Counter right operand through
            // as itself (not its dict payload); they defer like CPython's absent ones.
            ("__radd__", |vm, _a| Ok(vm.not_implemented)),
            ("__rsub__", |vm, _a| Ok(vm.not_implemented)),
            ("__ror__", |vm, _a| Ok(vm.not_implemented)),
            ("__rand__", |vm, _a| Ok(vm.not_implemented)),
            ("__sub__", |vm, a| counter_binop(vm, a, '-', &CT_SUB)),
            ("__or__", |vm, a| counter_binop(vm, a, '|', &CT_OR)),
            ("__and__", |vm, a| counter_binop(vm, a, '&', &CT_AND)),
            ("__eq__", |vm, a| counter_compare(vm, a, CmpOp::Eq)),
            ("__ne__", |vm, a| counter_compare(vm, a, CmpOp::Ne)),
            ("__le__", |vm, a| counter_compare(vm, a, CmpOp::Le)),
            ("__lt__", |vm, a| counter_compare(vm, a, CmpOp::Lt)),
            ("__ge__", |vm, a| counter_compare(vm, a, CmpOp::Ge)),
            ("__gt__", |vm, a| counter_compare(vm, a, CmpOp::Gt)),
            ("__iadd__", |vm, a| counter_inplace(vm, a, '+')),
            ("__isub__", |vm, a| counter_inplace(vm, a, '-')),
            ("__ior__", |vm, a| counter_inplace(vm, a, '|')),
            ("__iand__", |vm, a| counter_inplace(vm, a, '&')),
            ("__pos__", |vm, a| {
                const POS: Sig<0> = Sig::new("Counter.__pos__", []).python().method();
                let recv = POS.bind(vm, &a)?.recv;
                counter_unary(vm, recv, false)
            }),
            ("__neg__", |vm, a| {
                const NEG: Sig<0> = Sig::new("Counter.__neg__", []).python().method();
                let recv = NEG.bind(vm, &a)?.recv;
                counter_unary(vm, recv, true)
            }),
        ],
    );
    // Counter's own dunders are Python functions in CPython
    python_arity(
        vm,
        t,
        &[
            "__add__",
            "__sub__",
            "__or__",
            "__and__",
            "__pos__",
            "__neg__",
            "__missing__",
            "__repr__",
            "__eq__",
            "__ne__",
            "__le__",
            "__lt__",
            "__ge__",
            "__gt__",
            "__iadd__",
            "__isub__",
            "__ior__",
            "__iand__",
        ],
    );
}

/// Counter's multiset comparisons, collections/__init__.py's: `==`, `<=` and `>=`
/// compare every count (a missing one is zero, through `self[e]`); `!=`, `<` and
/// `>` are built from them through the operators, as there.
fn counter_compare(vm: &mut Vm, a: Args, op: CmpOp) -> PyResult<Value> {
    let b = ONE.bind(vm, &a)?;
    let (s, o) = (b.recv, b.req(0));
    if !vm.isinstance(o, ty("collections.Counter")) {
        return Ok(vm.not_implemented);
    }
    let r = match op {
        CmpOp::Eq | CmpOp::Le | CmpOp::Ge => all_counts(vm, s, o, op)?,
        CmpOp::Ne => {
            let eq = vm.compare(CmpOp::Eq, s, o)?;
            !vm.truthy(eq)?
        }
        _ => {
            let wide = if op == CmpOp::Lt {
                CmpOp::Le
            } else {
                CmpOp::Ge
            };
            let r = vm.compare(wide, s, o)?;
            if !vm.truthy(r)? {
                return Ok(r);
            }
            let ne = vm.compare(CmpOp::Ne, s, o)?;
            vm.truthy(ne)?
        }
    };
    Ok(Value::bool(r))
}

/// `all(self[e] op other[e] for c in (self, other) for e in c)`
fn all_counts(vm: &mut Vm, s: Value, o: Value, op: CmpOp) -> PyResult<bool> {
    for c in [s, o] {
        let keys = vm.collect_iter(c)?;
        for e in keys {
            let x = vm.getitem(s, e)?;
            let y = vm.getitem(o, e)?;
            let r = vm.compare(op, x, y)?;
            if !vm.truthy(r)? {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

/// Counter's `+=`, `-=`, `|=` and `&=`: each count of `other` folded into self in
/// place, then only positive counts kept (collections/__init__.py's loops).
fn counter_inplace(vm: &mut Vm, a: Args, op: char) -> PyResult<Value> {
    let b = ONE.bind(vm, &a)?;
    let (s, o) = (b.recv, b.req(0));
    // `&=` walks self's items, the others other's
    let src = if op == '&' { s } else { o };
    let items = vm.call_method(src, "items", &[])?;
    let items = vm.collect_iter(items)?;
    let base = vm.temp_roots.len();
    vm.temp_roots.extend(items.iter().copied());
    let r = (|| {
        for item in items {
            let kv = vm.collect_iter(item)?;
            let [elem, count] = kv[..] else {
                return Err(vm.value_error("too many values to unpack (expected 2)"));
            };
            match op {
                '+' | '-' => {
                    let cur = vm.getitem(s, elem)?;
                    let bop = if op == '+' { BinOp::Add } else { BinOp::Sub };
                    let nv = vm.inplace_op(bop, cur, count)?;
                    vm.setitem(s, elem, nv)?;
                }
                '|' => {
                    let cur = vm.getitem(s, elem)?;
                    if lt(vm, cur, count)? {
                        vm.setitem(s, elem, count)?;
                    }
                }
                _ => {
                    let other = vm.getitem(o, elem)?;
                    if lt(vm, other, count)? {
                        vm.setitem(s, elem, other)?;
                    }
                }
            }
        }
        // _keep_positive
        let items = vm.call_method(s, "items", &[])?;
        for item in vm.collect_iter(items)? {
            let kv = vm.collect_iter(item)?;
            let positive = vm.compare(CmpOp::Gt, kv[1], Value::small_int(0))?;
            if !vm.truthy(positive)? {
                vm.delitem(s, kv[0])?;
            }
        }
        Ok(s)
    })();
    vm.temp_roots.truncate(base);
    r
}

// Counter's methods, which CPython defines in Python (so worded as a Python
// function's arguments)
const CT_INIT: Sig<1> = Sig::new("Counter.__init__", ["iterable"])
    .posonly(1)
    .required(0)
    .varkw()
    .python()
    .method();
const CT_UPDATE: Sig<1> = Sig::new("Counter.update", ["iterable"])
    .posonly(1)
    .required(0)
    .varkw()
    .python()
    .method();
const CT_SUBTRACT: Sig<1> = Sig::new("Counter.subtract", ["iterable"])
    .posonly(1)
    .required(0)
    .varkw()
    .python()
    .method();
const CT_TOTAL: Sig<0> = Sig::new("Counter.total", []).python().method();
const CT_ELEMENTS: Sig<0> = Sig::new("Counter.elements", []).python().method();
const CT_COPY: Sig<0> = Sig::new("Counter.copy", []).python().method();
const CT_MOST_COMMON: Sig<1> = Sig::new("Counter.most_common", ["n"])
    .posonly(0)
    .required(0)
    .python()
    .method();

/// Methods of `t` that CPython defines in Python: the call path does not check
/// their arity as a slot's (their Sigs word it as Python does); it still checks
/// the receiver's type.
fn python_arity(vm: &mut Vm, t: Value, names: &[&'static str]) {
    for name in names {
        let k = vm.intern(name);
        if let Some(f) = vm.dict_get_str_in(type_obj(t).dict.get(), k)
            && let Some(ObjData::Builtin(b)) = f.as_obj().map(|o| &o.data)
        {
            let g = vm.new_builtin_with(b.name, b.func, t, crate::object::ANY_ARITY);
            vm.type_set_attr(t, k, g);
        }
    }
}

fn defaultdict_copy(vm: &mut Vm, s: Value) -> PyResult<Value> {
    let k = vm.intern("default_factory");
    let f = vm.instance_get_attr(s, k).unwrap_or(Value::NONE);
    let obj = new_dict_instance(vm, vm.type_of(s));
    vm.instance_set_attr(obj, k, f);
    let (src, dst) = (inner(vm, s)?, inner(vm, obj)?);
    if let (ObjData::Dict(x), ObjData::Dict(y)) = (&src.obj().data, &dst.obj().data) {
        *y.get() = x.get().clone();
    }
    Ok(obj)
}

/// Items sorted by count, largest first, ties in insertion order.
fn most_common(vm: &mut Vm, d: Value) -> PyResult<Vec<(Value, Value)>> {
    let mut items = entries(d);
    let mut err = None;
    items.sort_by(|x, y| {
        if err.is_some() {
            return std::cmp::Ordering::Equal;
        }
        match lt(vm, y.1, x.1) {
            Ok(true) => std::cmp::Ordering::Less,
            Ok(false) => match lt(vm, x.1, y.1) {
                Ok(true) => std::cmp::Ordering::Greater,
                Ok(false) => std::cmp::Ordering::Equal,
                Err(e) => {
                    err = Some(e);
                    std::cmp::Ordering::Equal
                }
            },
            Err(e) => {
                err = Some(e);
                std::cmp::Ordering::Equal
            }
        }
    });
    if let Some(e) = err {
        return Err(e);
    }
    Ok(items)
}

fn counter_update(
    vm: &mut Vm,
    s: Value,
    src: Option<Value>,
    kw: &[(Value, Value)],
    sign: i64,
) -> PyResult<()> {
    let d = inner(vm, s)?;
    // CPython's order: `count + self[elem]` for update, `self[elem] - count` for
    // subtract (the left operand's type decides)
    // (`from_iterable`: CPython's `self.get(elem, 0) + 1`)
    let add = |vm: &mut Vm, k: Value, n: Value, from_iterable: bool| -> PyResult<()> {
        let base = vm.temp_roots.len();
        vm.temp_roots.extend([k, n]);
        let r = (|| {
            let cur = vm.dict_get(d, k)?.unwrap_or(Value::small_int(0));
            let nv = if sign > 0 && from_iterable {
                vm.binary_op(BinOp::Add, cur, n)?
            } else if sign > 0 {
                vm.binary_op(BinOp::Add, n, cur)?
            } else {
                vm.binary_op(BinOp::Sub, cur, n)?
            };
            vm.temp_roots.push(nv);
            vm.dict_set(d, k, nv)
        })();
        vm.temp_roots.truncate(base);
        r
    };
    // a mapping's counts: added, or for update() into an empty Counter copied as
    // they are (dict.update, so any values)
    let add_all = |vm: &mut Vm, pairs: Vec<(Value, Value)>| -> PyResult<()> {
        let copy = sign > 0 && vm.len(d)? == 0;
        for (k, v) in pairs {
            if copy {
                vm.dict_set(d, k, v)?;
            } else {
                add(vm, k, v, false)?;
            }
        }
        Ok(())
    };
    if let Some(src) = src
        && !src.is_none()
    {
        let mapping = is_dictlike(src) || vm.dunder(src, "keys").is_some() && !vm.is_str(src);
        if mapping {
            let pairs = if is_dictlike(src) {
                let sd = inner(vm, src)?;
                entries(sd)
            } else {
                let keys = vm.call_method(src, "keys", &[])?;
                let keys = vm.collect_iter(keys)?;
                let mut out = Vec::new();
                for k in keys {
                    let v = vm.getitem(src, k)?;
                    out.push((k, v));
                }
                out
            };
            add_all(vm, pairs)?;
        } else {
            let it = vm.iter(src)?;
            vm.temp_roots.push(it);
            let r = (|| {
                while let Some(x) = vm.next(it)? {
                    add(vm, x, Value::small_int(1), true)?;
                }
                Ok(())
            })();
            vm.temp_roots.pop();
            r?;
        }
    }
    add_all(vm, kw.to_vec())
}

const CT_ADD: Sig<1> = Sig::new("Counter.__add__", ["other"])
    .posonly(0)
    .python()
    .method();
const CT_SUB: Sig<1> = Sig::new("Counter.__sub__", ["other"])
    .posonly(0)
    .python()
    .method();
const CT_OR: Sig<1> = Sig::new("Counter.__or__", ["other"])
    .posonly(0)
    .python()
    .method();
const CT_AND: Sig<1> = Sig::new("Counter.__and__", ["other"])
    .posonly(0)
    .python()
    .method();

fn counter_binop(vm: &mut Vm, a: Args, op: char, sig: &Sig<1>) -> PyResult<Value> {
    let b = sig.bind(vm, &a)?;
    let (s, o) = (b.recv, b.req(0));
    let ct = ty("collections.Counter");
    if !vm.isinstance(o, ct) {
        return Ok(vm.not_implemented);
    }
    let (x, y) = (inner(vm, s)?, inner(vm, o)?);
    let result = new_dict_instance(vm, ct);
    vm.temp_roots.push(result);
    let r = (|| {
        let rd = inner(vm, result)?;
        let zero = Value::small_int(0);
        for (k, c) in entries(x) {
            let oc = vm.dict_get(y, k)?.unwrap_or(zero);
            let nc = match op {
                '+' => vm.binary_op(BinOp::Add, c, oc)?,
                '-' => vm.binary_op(BinOp::Sub, c, oc)?,
                '|' => {
                    if lt(vm, c, oc)? {
                        oc
                    } else {
                        c
                    }
                }
                _ => {
                    if lt(vm, c, oc)? {
                        c
                    } else {
                        oc
                    }
                }
            };
            if lt(vm, zero, nc)? {
                vm.dict_set(rd, k, nc)?;
            }
        }
        if op != '&' {
            for (k, c) in entries(y) {
                if vm.dict_get(x, k)?.is_some() {
                    continue;
                }
                if op == '-' {
                    if lt(vm, c, zero)? {
                        let n = vm.binary_op(BinOp::Sub, zero, c)?;
                        vm.dict_set(rd, k, n)?;
                    }
                } else if lt(vm, zero, c)? {
                    vm.dict_set(rd, k, c)?;
                }
            }
        }
        Ok(result)
    })();
    vm.temp_roots.pop();
    r
}

fn counter_unary(vm: &mut Vm, s: Value, neg: bool) -> PyResult<Value> {
    let x = inner(vm, s)?;
    let result = new_dict_instance(vm, ty("collections.Counter"));
    vm.temp_roots.push(result);
    let r = (|| {
        let rd = inner(vm, result)?;
        let zero = Value::small_int(0);
        for (k, c) in entries(x) {
            if neg {
                if lt(vm, c, zero)? {
                    let n = vm.binary_op(BinOp::Sub, zero, c)?;
                    vm.dict_set(rd, k, n)?;
                }
            } else if lt(vm, zero, c)? {
                vm.dict_set(rd, k, c)?;
            }
        }
        Ok(result)
    })();
    vm.temp_roots.pop();
    r
}

// ---- namedtuple ---------------------------------------------------------------------

/// The tuple payload of a namedtuple instance (or the tuple itself).
fn inner_tuple(vm: &mut Vm, v: Value) -> Value {
    match v.as_obj().map(|o| &o.data) {
        Some(ObjData::Instance(i)) => {
            let b = i.base_value.get();
            if b.is_obj() && matches!(b.obj().data, ObjData::Tuple(_)) {
                return b;
            }
            vm.empty_tuple
        }
        Some(ObjData::Tuple(_)) => v,
        _ => vm.empty_tuple,
    }
}

fn is_tuplelike(v: Value) -> bool {
    match v.as_obj().map(|o| &o.data) {
        Some(ObjData::Tuple(_)) => true,
        Some(ObjData::Instance(i)) => {
            let b = i.base_value.get();
            b.is_obj() && matches!(b.obj().data, ObjData::Tuple(_))
        }
        _ => false,
    }
}

fn tuple_items_of(vm: &mut Vm, v: Value) -> Vec<Value> {
    let t = inner_tuple(vm, v);
    vm.tuple_items(t).unwrap_or_default()
}

fn class_attr(vm: &mut Vm, cls: Value, name: &str) -> Value {
    let k = vm.intern(name);
    lookup(vm, cls, k).unwrap_or(Value::NONE)
}

fn field_names(vm: &mut Vm, cls: Value) -> Vec<Value> {
    let f = class_attr(vm, cls, "_fields");
    vm.tuple_items(f).unwrap_or_default()
}

fn new_nt_instance(vm: &mut Vm, cls: Value, items: Vec<Value>) -> Value {
    let t = vm.new_tuple(items);
    vm.temp_roots.push(t);
    let obj = vm.new_instance(cls);
    if let ObjData::Instance(i) = &obj.obj().data {
        i.base_value.set(t);
    }
    vm.temp_roots.pop();
    obj
}

/// The class `namedtuple()` made among `cls`'s MRO (`cls` itself, or the base of
/// a subclass): its `__new__` takes that class's fields, as CPython's generated
/// `__new__` does even where a subclass overrides `_fields`.
fn nt_owner(vm: &mut Vm, cls: Value) -> Value {
    let n = NT_NEW.with(|c| c.get());
    let k = vm.intern("__new__");
    let mro = type_obj(cls).mro.get().clone();
    for t in mro {
        if vm.dict_get_str_in(type_obj(t).dict.get(), k) == Some(n) {
            return t;
        }
    }
    cls
}

fn nt_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const NEW: Sig<1> = Sig::new("__new__", ["_cls"]).varargs().varkw();
    let b = NEW.bind(vm, &a)?;
    let cls = b.req(0);
    if !crate::vm::types::is_type(cls) {
        let tn = vm.type_name(cls);
        return Err(vm.type_error(&format!("tuple.__new__(X): X is not a type object ({tn})")));
    }
    if !vm.is_subclass(cls, vm.types.tuple) {
        let cn = type_obj(cls).name.clone();
        return Err(vm.type_error(&format!(
            "tuple.__new__({cn}): {cn} is not a subtype of tuple"
        )));
    }
    let owner = nt_owner(vm, cls);
    let fields = field_names(vm, owner);
    let defaults = class_attr(vm, owner, "_field_defaults");
    let name = type_obj(owner).name.clone();
    let args = b.rest;
    if args.len() > fields.len() {
        let ndef = if defaults.is_none() {
            0
        } else {
            vm.len(defaults)?
        };
        let takes = if ndef > 0 {
            format!("from {} to {}", fields.len() - ndef + 1, fields.len() + 1)
        } else {
            (fields.len() + 1).to_string()
        };
        return Err(vm.type_error(&format!(
            "{name}.__new__() takes {takes} positional arguments but {} were given",
            args.len() + 1
        )));
    }
    let mut vals: Vec<Value> = vec![Value::EMPTY; fields.len()];
    vals[..args.len()].copy_from_slice(args);
    for (k, v) in &b.kwrest {
        match fields.iter().position(|f| crate::vm::str_eq(*f, *k)) {
            Some(i) => {
                if !vals[i].is_empty() {
                    return Err(vm.type_error(&format!(
                        "{name}.__new__() got multiple values for argument '{}'",
                        str_of(*k)
                    )));
                }
                vals[i] = *v;
            }
            None => {
                return Err(vm.type_error(&format!(
                    "{name}.__new__() got an unexpected keyword argument '{}'",
                    str_of(*k)
                )));
            }
        }
    }
    let mut missing = Vec::new();
    for (i, v) in vals.iter_mut().enumerate() {
        if v.is_empty() {
            let d = if defaults.is_none() {
                None
            } else {
                vm.dict_get(defaults, fields[i])?
            };
            match d {
                Some(x) => *v = x,
                None => missing.push(format!("'{}'", str_of(fields[i]))),
            }
        }
    }
    if !missing.is_empty() {
        let list = match missing.len() {
            1 => missing[0].clone(),
            2 => format!("{} and {}", missing[0], missing[1]),
            n => format!("{}, and {}", missing[..n - 1].join(", "), missing[n - 1]),
        };
        return Err(vm.type_error(&format!(
            "{name}.__new__() missing {} required positional argument{}: {list}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" }
        )));
    }
    Ok(new_nt_instance(vm, cls, vals))
}

fn nt_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = NOARGS.bind(vm, &a)?.recv;
    let cls = vm.type_of(s);
    let fields = field_names(vm, cls);
    let items = tuple_items_of(vm, s);
    let name = type_obj(cls).name.clone();
    guarded_repr(vm, s, |vm| {
        let mut parts = Vec::new();
        for (i, v) in items.iter().enumerate() {
            let f = fields.get(i).map(|f| str_of(*f)).unwrap_or("?");
            parts.push(format!("{f}={}", vm.repr_string(*v)?));
        }
        Ok(format!("{name}({})", parts.join(", ")))
    })
}

fn nt_cmp(vm: &mut Vm, a: Args, op: CmpOp) -> PyResult<Value> {
    let b = ONE.bind(vm, &a)?;
    if !is_tuplelike(b.req(0)) {
        return Ok(vm.not_implemented);
    }
    let x = inner_tuple(vm, b.recv);
    let y = inner_tuple(vm, b.req(0));
    vm.compare(op, x, y)
}

fn tuplegetter_get(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `__get__(self, instance, owner=None, /)`
    const GET: Sig<2> = Sig::new("__get__", ["instance", "owner"])
        .required(1)
        .method();
    let b = GET.bind(vm, &a)?;
    let (g, obj) = (b.recv, b.req(0));
    if obj.is_none() {
        return Ok(g);
    }
    let k = vm.intern("__index__");
    let idx = vm.instance_get_attr(g, k).unwrap_or(Value::small_int(0));
    if !is_tuplelike(obj) {
        let i = vm.repr_string(idx)?;
        let tn = vm.type_name(obj);
        return Err(vm.type_error(&format!(
            "descriptor for index '{i}' for tuple subclasses doesn't apply to '{tn}' object"
        )));
    }
    let t = inner_tuple(vm, obj);
    vm.getitem(t, idx)
}

fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if c.is_alphabetic() || c == '_' => {}
        _ => return false,
    }
    cs.all(|c| c.is_alphanumeric() || c == '_')
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

fn namedtuple(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `namedtuple(typename, field_names, *, rename=False, defaults=None,
    /// module=None)`, a Python function in CPython
    const NAMEDTUPLE: Sig<5> = Sig::new(
        "namedtuple",
        ["typename", "field_names", "rename", "defaults", "module"],
    )
    .posonly(0)
    .kwonly(2)
    .required(2)
    .python();
    let b = NAMEDTUPLE.bind(vm, &a)?;
    let (tn, fnames) = (b.req(0), b.req(1));
    let typename = vm.str_string(tn)?;
    let names: Vec<String> = if vm.is_str(fnames) {
        str_of(fnames)
            .replace(',', " ")
            .split_whitespace()
            .map(|s| s.to_string())
            .collect()
    } else {
        let items = vm.collect_iter(fnames)?;
        let mut out = Vec::new();
        for x in items {
            out.push(vm.str_string(x)?);
        }
        out
    };
    let rename = match b.get(2) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut names = names;
    if rename {
        let mut seen = std::collections::HashSet::new();
        for (i, n) in names.iter_mut().enumerate() {
            if !is_identifier(n)
                || KEYWORDS.contains(&n.as_str())
                || n.starts_with('_')
                || seen.contains(n)
            {
                *n = format!("_{i}");
            }
            seen.insert(n.clone());
        }
    }
    for n in std::iter::once(&typename).chain(names.iter()) {
        if !is_identifier(n) {
            return Err(vm.value_error(&format!(
                "Type names and field names must be valid identifiers: '{n}'"
            )));
        }
        if KEYWORDS.contains(&n.as_str()) {
            return Err(vm.value_error(&format!(
                "Type names and field names cannot be a keyword: '{n}'"
            )));
        }
    }
    let mut seen = std::collections::HashSet::new();
    for n in &names {
        if n.starts_with('_') && !rename {
            return Err(vm.value_error(&format!(
                "Field names cannot start with an underscore: '{n}'"
            )));
        }
        if !seen.insert(n.clone()) {
            return Err(vm.value_error(&format!("Encountered duplicate field name: '{n}'")));
        }
    }
    let defaults = match b.get(3) {
        Some(v) if !v.is_none() => vm.collect_iter(v)?,
        _ => Vec::new(),
    };
    if defaults.len() > names.len() {
        return Err(vm.type_error("Got more default values than field names"));
    }
    let module = match b.get(4) {
        Some(m) if !m.is_none() => vm.str_string(m)?,
        _ => {
            let g = vm.frames.last().map(|f| f.globals);
            match g {
                Some(g) if !g.is_none() => {
                    let k = vm.intern("__name__");
                    match vm.dict_get_str(g, k) {
                        Some(n) if vm.is_str(n) => str_of(n).to_string(),
                        _ => "__main__".into(),
                    }
                }
                _ => "__main__".into(),
            }
        }
    };
    let refs: Vec<&str> = names.iter().map(|s| s.as_str()).collect();
    make_namedtuple(vm, &typename, &refs, &module, &defaults)
}

/// Creates a namedtuple class (also used by functools for CacheInfo).
pub fn make_namedtuple(
    vm: &mut Vm,
    typename: &str,
    fields: &[&str],
    module: &str,
    defaults: &[Value],
) -> PyResult<Value> {
    if ty("collections._tuplegetter").is_none() {
        vm.import("collections", Value::NONE, 0, Value::NONE)?;
    }
    let base = vm.types.tuple;
    let cls = vm.new_native_type(typename, module, base);
    vm.temp_roots.push(cls);
    let r = (|| {
        add_fns(
            vm,
            cls,
            &[
                ("__repr__", nt_repr),
                ("__str__", str_via_repr),
                ("__len__", |vm, a| {
                    let recv = NOARGS.bind(vm, &a)?.recv;
                    let n = tuple_items_of(vm, recv).len();
                    Ok(vm.new_int(n as i64))
                }),
                ("__iter__", |vm, a| {
                    let recv = NOARGS.bind(vm, &a)?.recv;
                    let t = inner_tuple(vm, recv);
                    vm.iter(t)
                }),
                ("__getitem__", |vm, a| {
                    let b = ONE.bind(vm, &a)?;
                    let t = inner_tuple(vm, b.recv);
                    vm.getitem(t, b.req(0))
                }),
                ("__contains__", |vm, a| {
                    let b = ONE.bind(vm, &a)?;
                    let t = inner_tuple(vm, b.recv);
                    Ok(Value::bool(vm.contains(t, b.req(0))?))
                }),
                ("__eq__", |vm, a| nt_cmp(vm, a, CmpOp::Eq)),
                ("__ne__", |vm, a| nt_cmp(vm, a, CmpOp::Ne)),
                ("__lt__", |vm, a| nt_cmp(vm, a, CmpOp::Lt)),
                ("__le__", |vm, a| nt_cmp(vm, a, CmpOp::Le)),
                ("__gt__", |vm, a| nt_cmp(vm, a, CmpOp::Gt)),
                ("__ge__", |vm, a| nt_cmp(vm, a, CmpOp::Ge)),
                ("__add__", |vm, a| {
                    let b = ONE.bind(vm, &a)?;
                    if !is_tuplelike(b.req(0)) {
                        return Ok(vm.not_implemented);
                    }
                    let mut x = tuple_items_of(vm, b.recv);
                    x.extend(tuple_items_of(vm, b.req(0)));
                    Ok(vm.new_tuple(x))
                }),
                ("__mul__", |vm, a| {
                    let b = ONE.bind(vm, &a)?;
                    let t = inner_tuple(vm, b.recv);
                    vm.binary_op(BinOp::Mul, t, b.req(0))
                }),
                ("__rmul__", |vm, a| {
                    let b = ONE.bind(vm, &a)?;
                    let t = inner_tuple(vm, b.recv);
                    vm.binary_op(BinOp::Mul, t, b.req(0))
                }),
                ("__getnewargs__", |vm, a| {
                    const GETNEWARGS: Sig<0> = Sig::new(".__getnewargs__", []).python().method();
                    let recv = GETNEWARGS.bind(vm, &a)?.recv;
                    Ok(inner_tuple(vm, recv))
                }),
                ("count", |vm, a| {
                    const COUNT: Sig<1> = Sig::new("count", ["value"]).owner("tuple").method();
                    let b = COUNT.bind(vm, &a)?;
                    let mut n = 0;
                    for x in tuple_items_of(vm, b.recv) {
                        if vm.eq(x, b.req(0))? {
                            n += 1;
                        }
                    }
                    Ok(vm.new_int(n))
                }),
                ("index", |vm, a| {
                    /// tuple's `index(value, start=0, stop=sys.maxsize, /)`
                    const INDEX: Sig<3> = Sig::new("index", ["value", "start", "stop"])
                        .required(1)
                        .method();
                    let b = INDEX.bind(vm, &a)?;
                    let items = tuple_items_of(vm, b.recv);
                    let len = items.len() as i64;
                    let norm = |i: i64| if i < 0 { (i + len).max(0) } else { i.min(len) };
                    let start = match b.get(1) {
                        Some(v) => norm(deque_slice_index(vm, v)?),
                        None => 0,
                    };
                    let stop = match b.get(2) {
                        Some(v) => norm(deque_slice_index(vm, v)?),
                        None => len,
                    };
                    for i in start..stop {
                        if vm.eq(items[i as usize], b.req(0))? {
                            return Ok(vm.new_int(i));
                        }
                    }
                    Err(vm.value_error("tuple.index(x): x not in tuple"))
                }),
                ("_asdict", |vm, a| {
                    const ASDICT: Sig<0> = Sig::new("._asdict", []).python().method();
                    let s = ASDICT.bind(vm, &a)?.recv;
                    let cls = vm.type_of(s);
                    let fields = field_names(vm, cls);
                    let items = tuple_items_of(vm, s);
                    let d = vm.new_dict();
                    for (f, v) in fields.into_iter().zip(items) {
                        vm.dict_set(d, f, v)?;
                    }
                    Ok(d)
                }),
                ("_replace", |vm, a| {
                    const REPLACE: Sig<0> = Sig::new("._replace", []).varkw().python().method();
                    let b = REPLACE.bind(vm, &a)?;
                    let s = b.recv;
                    let cls = vm.type_of(s);
                    let fields = field_names(vm, cls);
                    let mut items = tuple_items_of(vm, s);
                    let mut unknown = Vec::new();
                    for (k, v) in &b.kwrest {
                        match fields.iter().position(|f| crate::vm::str_eq(*f, *k)) {
                            Some(i) if i < items.len() => items[i] = *v,
                            Some(_) => {}
                            None => unknown.push(format!("'{}'", str_of(*k))),
                        }
                    }
                    if !unknown.is_empty() {
                        return Err(vm.value_error(&format!(
                            "Got unexpected field names: [{}]",
                            unknown.join(", ")
                        )));
                    }
                    Ok(new_nt_instance(vm, cls, items))
                }),
            ],
        );
        python_arity(vm, cls, &["__getnewargs__"]);
        let make = vm.new_builtin("_make", |vm, a| {
            const MAKE: Sig<1> = Sig::new("._make", ["iterable"])
                .posonly(0)
                .python()
                .method();
            let b = MAKE.bind(vm, &a)?;
            let cls = b.recv;
            if !crate::vm::types::is_type(cls) || !vm.is_subclass(cls, vm.types.tuple) {
                let tn = vm.type_name(cls);
                return Err(vm.type_error(&format!("_make() needs a tuple subclass, not '{tn}'")));
            }
            let items = vm.collect_iter(b.req(0))?;
            let n = field_names(vm, cls).len();
            if items.len() != n {
                return Err(vm.type_error(&format!("Expected {n} arguments, got {}", items.len())));
            }
            Ok(new_nt_instance(vm, cls, items))
        });
        let cm = vm.alloc(vm.types.classmethod, ObjData::ClassMethod(make));
        let k = vm.intern("_make");
        vm.type_set_attr(cls, k, cm);
        let mut fvals = Vec::new();
        for f in fields {
            fvals.push(vm.intern(f));
        }
        let ft = vm.new_tuple(fvals.clone());
        for (name, v) in [
            ("_fields", ft),
            ("__match_args__", ft),
            ("__slots__", vm.empty_tuple),
        ] {
            let k = vm.intern(name);
            vm.type_set_attr(cls, k, v);
        }
        let fd = vm.new_dict();
        let k = vm.intern("_field_defaults");
        vm.type_set_attr(cls, k, fd);
        let off = fields.len() - defaults.len();
        for (i, d) in defaults.iter().enumerate() {
            vm.dict_set(fd, fvals[off + i], *d)?;
        }
        let h = NT_HASH.with(|c| c.get());
        let k = vm.intern("__hash__");
        vm.type_set_attr(cls, k, h);
        let n = NT_NEW.with(|c| c.get());
        let k = vm.intern("__new__");
        vm.type_set_attr(cls, k, n);
        let tg = ty("collections._tuplegetter");
        let ik = vm.intern("__index__");
        for (i, f) in fvals.iter().enumerate() {
            let g = vm.new_instance(tg);
            vm.instance_set_attr(g, ik, Value::small_int(i as i64));
            vm.type_set_attr(cls, *f, g);
        }
        Ok(cls)
    })();
    vm.temp_roots.pop();
    r
}
