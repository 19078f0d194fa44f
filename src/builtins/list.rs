//! Constructors and methods of the built-in `list` and `tuple` types.
//!
//! The natives work on the payload directly (never through `vm.getitem` & co.), so
//! they are also correct as `super().__getitem__(...)` of a subclass that overrides
//! the dunder.

use crate::builtins::signature::Sig;
use crate::compiler::bytecode::CmpOp;
use crate::object::{IterState, Mut, ObjData};
use crate::value::Value;
use crate::vm::types::lookup;
use crate::vm::{Args, PyResult, Vm};

pub fn register(vm: &mut Vm) {
    let t = vm.types.list;
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__new__", list_new),
        ("__init__", list_init),
        ("append", list_append),
        ("extend", list_extend),
        ("insert", list_insert),
        ("pop", list_pop),
        ("remove", list_remove),
        ("index", |vm, a| seq_index(vm, a, "list")),
        ("count", |vm, a| seq_count(vm, a, "list")),
        ("reverse", |vm, a| {
            let l = list_of(vm, &a, "reverse")?;
            l.get().reverse();
            Ok(Value::NONE)
        }),
        ("sort", list_sort),
        ("copy", |vm, a| {
            let l = list_of(vm, &a, "copy")?;
            let v = l.get().clone();
            Ok(vm.new_list(v))
        }),
        ("clear", |vm, a| {
            let l = list_of(vm, &a, "clear")?;
            l.get().clear();
            Ok(Value::NONE)
        }),
        ("__len__", |vm, a| {
            let l = list_of(vm, &a, "__len__")?;
            let n = l.get().len();
            Ok(vm.new_int(n as i64))
        }),
        ("__getitem__", list_getitem),
        ("__setitem__", list_setitem),
        ("__delitem__", list_delitem),
        ("__contains__", seq_contains),
        ("__iter__", seq_iter),
        ("__reversed__", seq_reversed),
        ("__eq__", |vm, a| seq_cmp(vm, a, CmpOp::Eq)),
        ("__ne__", |vm, a| seq_cmp(vm, a, CmpOp::Ne)),
        ("__lt__", |vm, a| seq_cmp(vm, a, CmpOp::Lt)),
        ("__le__", |vm, a| seq_cmp(vm, a, CmpOp::Le)),
        ("__gt__", |vm, a| seq_cmp(vm, a, CmpOp::Gt)),
        ("__ge__", |vm, a| seq_cmp(vm, a, CmpOp::Ge)),
        ("__add__", seq_add),
        ("__mul__", seq_mul),
        ("__rmul__", seq_mul),
        ("__iadd__", |vm, a| {
            let b = ONE.bind(vm, &a)?;
            let items = vm.collect_iter(b.req(0))?;
            let l = list_of(vm, &a, "__iadd__")?;
            l.get().extend(items);
            Ok(b.recv)
        }),
        ("__imul__", |vm, a| {
            let b = ONE.bind(vm, &a)?;
            let Some(n) = vm.index_of(b.req(0))? else {
                let tn = vm.type_name(b.req(0));
                return Err(vm.type_error(&format!(
                    "'{tn}' object cannot be interpreted as an integer"
                )));
            };
            let l = list_of(vm, &a, "__imul__")?;
            let items = vm.repeat_items(l.get(), n)?;
            *l.get() = items;
            Ok(b.recv)
        }),
        ("__repr__", seq_repr),
    ];
    for (name, f) in methods {
        vm.add_method(t, name, *f);
    }
    let hk = vm.intern("__hash__");
    vm.type_set_attr(t, hk, Value::NONE);

    let t = vm.types.tuple;
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__new__", tuple_new),
        ("index", |vm, a| seq_index(vm, a, "tuple")),
        ("count", |vm, a| seq_count(vm, a, "tuple")),
        ("__len__", |vm, a| {
            let n = seq_items(vm, &a, "__len__")?.len();
            Ok(vm.new_int(n as i64))
        }),
        ("__getitem__", tuple_getitem),
        ("__contains__", seq_contains),
        ("__iter__", seq_iter),
        ("__eq__", |vm, a| seq_cmp(vm, a, CmpOp::Eq)),
        ("__ne__", |vm, a| seq_cmp(vm, a, CmpOp::Ne)),
        ("__lt__", |vm, a| seq_cmp(vm, a, CmpOp::Lt)),
        ("__le__", |vm, a| seq_cmp(vm, a, CmpOp::Le)),
        ("__gt__", |vm, a| seq_cmp(vm, a, CmpOp::Gt)),
        ("__ge__", |vm, a| seq_cmp(vm, a, CmpOp::Ge)),
        ("__add__", seq_add),
        ("__mul__", seq_mul),
        ("__rmul__", seq_mul),
        ("__repr__", seq_repr),
        ("__hash__", |vm, a| {
            let items = seq_items(vm, &a, "__hash__")?;
            let t = vm.new_tuple(items);
            vm.temp_roots.push(t);
            let h = vm.hash(t);
            vm.temp_roots.pop();
            let h = h?;
            Ok(vm.new_int(h))
        }),
        ("__getnewargs__", |vm, a| {
            let items = seq_items(vm, &a, "__getnewargs__")?;
            let t = vm.new_tuple(items);
            Ok(vm.new_tuple(vec![t]))
        }),
    ];
    for (name, f) in methods {
        vm.add_method(t, name, *f);
    }
}

/// Whether the built-in `__new__` of `cls` should consume the constructor arguments:
/// true unless a subclass defines its own `__init__` (which the call protocol then runs).
pub fn new_fills(vm: &mut Vm, cls: Value) -> bool {
    let ik = vm.intern("__init__");
    match lookup(vm, cls, ik) {
        Some(f) => crate::vm::call::is_builtin_fn(f),
        None => true,
    }
}

fn descr_error(vm: &mut Vm, name: &str, ty: &str, v: Option<Value>) -> crate::vm::PyErr {
    match v {
        Some(v) => {
            let tn = vm.type_name(v);
            vm.type_error(&format!(
                "descriptor '{name}' for '{ty}' objects doesn't apply to a '{tn}' object"
            ))
        }
        None => vm.type_error(&format!("unbound method {ty}.{name}() needs an argument")),
    }
}

/// The list payload of the receiver.
pub fn list_of(vm: &mut Vm, a: &Args, name: &str) -> PyResult<&'static Mut<Vec<Value>>> {
    if let Some(v) = a.get(0)
        && let Some(o) = v.as_obj()
        && let ObjData::List(l) = &o.data
    {
        return Ok(l);
    }
    Err(descr_error(vm, name, "list", a.get(0)))
}

/// A snapshot of the receiver's items (list or tuple).
fn seq_items(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Vec<Value>> {
    if let Some(v) = a.get(0)
        && let Some(o) = v.as_obj()
    {
        match &o.data {
            ObjData::List(l) => return Ok(l.get().clone()),
            ObjData::Tuple(t) => return Ok(t.to_vec()),
            _ => {}
        }
    }
    Err(descr_error(vm, name, "tuple", a.get(0)))
}

/// Item `i` of a list or tuple, re-read each time (the list may change).
fn seq_at(v: Value, i: usize) -> Option<Value> {
    match &v.as_obj()?.data {
        ObjData::List(l) => l.get().get(i).copied(),
        ObjData::Tuple(t) => t.get(i).copied(),
        _ => None,
    }
}

fn seq_len(v: Value) -> usize {
    match v.as_obj().map(|o| &o.data) {
        Some(ObjData::List(l)) => l.get().len(),
        Some(ObjData::Tuple(t)) => t.len(),
        _ => 0,
    }
}

fn is_seq_kind(v: Value, list: bool) -> bool {
    match v.as_obj().map(|o| &o.data) {
        Some(ObjData::List(_)) => list,
        Some(ObjData::Tuple(_)) => !list,
        _ => false,
    }
}

/// `list(iterable=(), /)`, `tuple(iterable=(), /)`
const LIST: Sig<1> = Sig::new("list", ["iterable"]).required(0).constructor();
const TUPLE: Sig<1> = Sig::new("tuple", ["iterable"]).required(0).constructor();

fn list_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const ANY: Sig<0> = Sig::new("list", []).constructor().varargs().varkw();
    let cls = ANY.bind(vm, &a)?.recv;
    let l = vm.alloc(vm.types.list, ObjData::List(Mut::new(Vec::new())));
    if cls == vm.types.list || new_fills(vm, cls) {
        // a subclass's keywords are its __init__'s
        let kw: &[(Value, Value)] = if cls == vm.types.list { a.kw } else { &[] };
        let b = LIST.bind(vm, &Args { pos: a.pos, kw })?;
        if let Some(src) = b.get(0) {
            vm.temp_roots.push(l);
            let r = vm.collect_iter(src);
            vm.temp_roots.pop();
            if let ObjData::List(v) = &l.obj().data {
                *v.get() = r?;
            }
        }
    }
    Ok(subclass_instance(vm, cls, l))
}

/// `list.__new__(Sub)` and the like: an instance of the subclass carrying the
/// built-in value as its payload (and taking attributes), as `Sub(...)` makes;
/// the value itself for the built-in type.
pub(crate) fn subclass_instance(vm: &mut Vm, cls: Value, payload: Value) -> Value {
    if vm.type_of(payload) == cls {
        return payload;
    }
    vm.temp_roots.push(payload);
    let inst = vm.new_instance(cls);
    vm.temp_roots.pop();
    if let ObjData::Instance(i) = &inst.obj().data {
        i.base_value.set(payload);
    }
    inst
}

fn list_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    list_of(vm, &a, "__init__")?;
    let b = LIST.bind(vm, &a)?;
    let items = match b.get(0) {
        Some(src) => vm.collect_iter(src)?,
        None => Vec::new(),
    };
    let l = list_of(vm, &a, "__init__")?;
    *l.get() = items;
    Ok(Value::NONE)
}

fn tuple_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const ANY: Sig<0> = Sig::new("tuple", []).constructor().varargs().varkw();
    let cls = ANY.bind(vm, &a)?.recv;
    let kw: &[(Value, Value)] = if cls == vm.types.tuple { a.kw } else { &[] };
    let b = TUPLE.bind(vm, &Args { pos: a.pos, kw })?;
    let items = match b.get(0) {
        Some(src) => {
            if cls == vm.types.tuple && vm.type_of(src) == vm.types.tuple {
                return Ok(src);
            }
            vm.collect_iter(src)?
        }
        None => Vec::new(),
    };
    if cls == vm.types.tuple {
        return Ok(vm.new_tuple(items));
    }
    // `tuple.__new__(Sub, items)`: a Sub instance carrying the tuple as its payload,
    // as `Sub(items)` makes (it takes attributes)
    let t = vm.new_tuple(items);
    vm.temp_roots.push(t);
    let inst = vm.new_instance(cls);
    vm.temp_roots.pop();
    if let ObjData::Instance(i) = &inst.obj().data {
        i.base_value.set(t);
    }
    Ok(inst)
}

/// A method taking only its receiver, or one argument, or two: the slot methods,
/// whose arity the call path checks (so the name is never in a message).
const NOARGS: Sig<0> = Sig::new("method", []).method();
const ONE: Sig<1> = Sig::new("method", ["other"]).method();
const TWO: Sig<2> = Sig::new("method", ["key", "value"]).method();

// The signatures of the list and tuple methods (CPython's Argument Clinic
// declarations); the receiver's type the call path has checked.
const APPEND: Sig<1> = Sig::new("append", ["object"]).method();
const EXTEND: Sig<1> = Sig::new("extend", ["iterable"]).method();
const INSERT: Sig<2> = Sig::new("insert", ["index", "object"]).method();
const POP: Sig<1> = Sig::new("pop", ["index"]).required(0).method();
const REMOVE: Sig<1> = Sig::new("remove", ["value"]).method();
/// `index(self, value, start=0, stop=sys.maxsize, /)` of list and tuple
const INDEX: Sig<3> = Sig::new("index", ["value", "start", "stop"])
    .required(1)
    .method();
const COUNT: Sig<1> = Sig::new("count", ["value"]).method();
/// `list.sort(self, /, *, key=None, reverse=False)`
const SORT: Sig<2> = Sig::new("sort", ["key", "reverse"])
    .kwonly(0)
    .required(0)
    .method();

fn list_append(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = APPEND.bind(vm, &a)?.req(0);
    let l = list_of(vm, &a, "append")?;
    l.get().push(x);
    Ok(Value::NONE)
}

fn list_extend(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = EXTEND.bind(vm, &a)?;
    let src = b.req(0);
    list_of(vm, &a, "extend")?;
    let items = if b.recv == src {
        seq_items(vm, &a, "extend")?
    } else {
        vm.collect_iter(src)?
    };
    let l = list_of(vm, &a, "extend")?;
    l.get().extend(items);
    Ok(Value::NONE)
}

fn list_insert(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = INSERT.bind(vm, &a)?;
    let i = b.ssize(vm, 0)?;
    let l = list_of(vm, &a, "insert")?;
    let v = l.get();
    let n = v.len() as i64;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    v.insert(i as usize, b.req(1));
    Ok(Value::NONE)
}

fn list_pop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let i = POP.bind(vm, &a)?.ssize_or(vm, 0, -1)?;
    let l = list_of(vm, &a, "pop")?;
    let v = l.get();
    if v.is_empty() {
        return Err(vm.index_error("pop from empty list"));
    }
    let n = v.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(v.remove(j as usize))
}

fn list_remove(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = REMOVE.bind(vm, &a)?;
    let (lv, x) = (b.recv, b.req(0));
    list_of(vm, &a, "remove")?;
    let mut i = 0;
    while let Some(item) = seq_at(lv, i) {
        if vm.eq(item, x)? {
            let l = list_of(vm, &a, "remove")?;
            let v = l.get();
            if i < v.len() {
                v.remove(i);
            }
            return Ok(Value::NONE);
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

/// Resolves optional start/end arguments of `index` against `len`.
fn clamp_range(
    vm: &mut Vm,
    start: Option<Value>,
    end: Option<Value>,
    len: usize,
) -> PyResult<(usize, usize)> {
    let n = len as i64;
    let norm = |i: i64| if i < 0 { (i + n).max(0) } else { i.min(n) };
    let s = match start {
        Some(v) if !v.is_none() => norm(slice_index(vm, v)?),
        _ => 0,
    };
    let e = match end {
        Some(v) if !v.is_none() => norm(slice_index(vm, v)?),
        _ => n,
    };
    Ok((s as usize, e as usize))
}

fn slice_index(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if let Some(b) = vm.to_bigint(v)
        && vm.to_i64(v).is_none()
    {
        use num_traits::Signed;
        return Ok(if b.is_negative() {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        });
    }
    match vm.index_of(v)? {
        Some(i) => Ok(i),
        None => Err(vm.type_error("slice indices must be integers or have an __index__ method")),
    }
}

fn seq_index(vm: &mut Vm, a: Args, ty: &str) -> PyResult<Value> {
    let b = INDEX.bind(vm, &a)?;
    let s = b.recv;
    if !is_seq_kind(s, ty == "list") {
        return Err(descr_error(vm, "index", ty, Some(s)));
    }
    let x = b.req(0);
    let (start, end) = clamp_range(vm, b.get(1), b.get(2), seq_len(s))?;
    let mut i = start;
    while i < end {
        let Some(item) = seq_at(s, i) else { break };
        if vm.eq(item, x)? {
            return Ok(vm.new_int(i as i64));
        }
        i += 1;
    }
    if ty == "list" {
        let r = vm.repr_string(x)?;
        Err(vm.value_error(&format!("{r} is not in list")))
    } else {
        Err(vm.value_error("tuple.index(x): x not in tuple"))
    }
}

fn seq_count(vm: &mut Vm, a: Args, ty: &str) -> PyResult<Value> {
    let b = COUNT.bind(vm, &a)?;
    let (s, x) = (b.recv, b.req(0));
    if !is_seq_kind(s, ty == "list") {
        return Err(descr_error(vm, "count", ty, Some(s)));
    }
    let mut n = 0;
    let mut i = 0;
    while let Some(item) = seq_at(s, i) {
        if vm.eq(item, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(vm.new_int(n))
}

fn list_sort(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = SORT.bind(vm, &a)?;
    list_of(vm, &a, "sort")?;
    let reverse = b.int_flag(vm, 1, false)?;
    crate::builtins::sort::sort_list(vm, b.recv, b.get(0), Some(Value::bool(reverse)))?;
    Ok(Value::NONE)
}

fn is_slice(v: Value) -> bool {
    v.is_obj() && matches!(v.obj().data, ObjData::Slice { .. })
}

fn item_index(vm: &mut Vm, idx: Value, len: usize, ty: &str, msg: &str) -> PyResult<usize> {
    let i = match vm.index_of(idx)? {
        Some(i) => i,
        None => {
            return Err(vm.type_error(&format!(
                "{ty} indices must be integers or slices, not {}",
                vm.type_name(idx)
            )));
        }
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error(msg));
    }
    Ok(j as usize)
}

fn list_getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = ONE.bind(vm, &a)?;
    let l = list_of(vm, &a, "__getitem__")?;
    let idx = b.req(0);
    if is_slice(idx) {
        let n = l.get().len();
        let s = vm.slice_indices(idx, n)?;
        let v = l.get();
        let items = (0..s.len)
            .map(|k| v[(s.start + k as i64 * s.step) as usize])
            .collect();
        return Ok(vm.new_list(items));
    }
    let n = l.get().len();
    let i = item_index(vm, idx, n, "list", "list index out of range")?;
    Ok(l.get()[i])
}

fn tuple_getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = ONE.bind(vm, &a)?;
    let items = seq_items(vm, &a, "__getitem__")?;
    let idx = b.req(0);
    if is_slice(idx) {
        let s = vm.slice_indices(idx, items.len())?;
        let out = (0..s.len)
            .map(|k| items[(s.start + k as i64 * s.step) as usize])
            .collect();
        return Ok(vm.new_tuple(out));
    }
    let i = item_index(vm, idx, items.len(), "tuple", "tuple index out of range")?;
    Ok(items[i])
}

fn list_setitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = TWO.bind(vm, &a)?;
    list_of(vm, &a, "__setitem__")?;
    let (idx, val) = (b.req(0), b.req(1));
    if is_slice(idx) {
        let items = if val == b.recv {
            seq_items(vm, &a, "__setitem__")?
        } else {
            vm.collect_iter(val)?
        };
        let l = list_of(vm, &a, "__setitem__")?;
        let n = l.get().len();
        let s = vm.slice_indices(idx, n)?;
        if s.step == 1 {
            let start = s.start as usize;
            let stop = s.stop.max(s.start) as usize;
            l.get().splice(start..stop, items);
            return Ok(Value::NONE);
        }
        if items.len() != s.len {
            return Err(vm.value_error(&format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                items.len(),
                s.len
            )));
        }
        let v = l.get();
        for (k, item) in items.into_iter().enumerate() {
            v[(s.start + k as i64 * s.step) as usize] = item;
        }
        return Ok(Value::NONE);
    }
    let l = list_of(vm, &a, "__setitem__")?;
    let n = l.get().len();
    let i = item_index(vm, idx, n, "list", "list assignment index out of range")?;
    let l = list_of(vm, &a, "__setitem__")?;
    if let Some(slot) = l.get().get_mut(i) {
        *slot = val;
    }
    Ok(Value::NONE)
}

fn list_delitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = ONE.bind(vm, &a)?;
    let l = list_of(vm, &a, "__delitem__")?;
    let idx = b.req(0);
    if is_slice(idx) {
        let n = l.get().len();
        let s = vm.slice_indices(idx, n)?;
        let mut del = vec![false; n];
        for k in 0..s.len {
            del[(s.start + k as i64 * s.step) as usize] = true;
        }
        let v = l.get();
        let mut k = 0;
        v.retain(|_| {
            let keep = !del.get(k).copied().unwrap_or(false);
            k += 1;
            keep
        });
        return Ok(Value::NONE);
    }
    let n = l.get().len();
    let i = item_index(vm, idx, n, "list", "list assignment index out of range")?;
    let l = list_of(vm, &a, "__delitem__")?;
    if i < l.get().len() {
        l.get().remove(i);
    }
    Ok(Value::NONE)
}

fn seq_contains(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = ONE.bind(vm, &a)?;
    let s = b.recv;
    let mut i = 0;
    while let Some(item) = seq_at(s, i) {
        if vm.eq(item, b.req(0))? {
            return Ok(Value::TRUE);
        }
        i += 1;
    }
    Ok(Value::FALSE)
}

fn seq_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = NOARGS.bind(vm, &a)?;
    let s = b.recv;
    if !matches!(
        s.as_obj().map(|o| &o.data),
        Some(ObjData::List(_) | ObjData::Tuple(_))
    ) {
        return Err(descr_error(vm, "__iter__", "list", Some(s)));
    }
    Ok(vm.new_iter(IterState::Seq { seq: s, idx: 0 }))
}

fn seq_reversed(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = NOARGS.bind(vm, &a)?;
    let s = b.recv;
    let n = seq_len(s);
    Ok(vm.new_iter(IterState::Reversed { seq: s, idx: n }))
}

/// Rich comparison of two lists or two tuples, item by item.
pub fn seq_compare(vm: &mut Vm, op: CmpOp, x: Value, y: Value) -> PyResult<bool> {
    let mut i = 0;
    loop {
        let (a, b) = (seq_at(x, i), seq_at(y, i));
        let (Some(a), Some(b)) = (a, b) else { break };
        if !vm.eq(a, b)? {
            return match op {
                CmpOp::Eq => Ok(false),
                CmpOp::Ne => Ok(true),
                _ => {
                    let r = vm.compare(op, a, b)?;
                    vm.truthy(r)
                }
            };
        }
        i += 1;
    }
    let (n, m) = (seq_len(x), seq_len(y));
    use std::cmp::Ordering::*;
    let o = n.cmp(&m);
    Ok(match op {
        CmpOp::Lt => o == Less,
        CmpOp::Le => o != Greater,
        CmpOp::Eq => o == Equal,
        CmpOp::Ne => o != Equal,
        CmpOp::Gt => o == Greater,
        CmpOp::Ge => o != Less,
    })
}

fn seq_cmp(vm: &mut Vm, a: Args, op: CmpOp) -> PyResult<Value> {
    let b = ONE.bind(vm, &a)?;
    let (x, y) = (b.recv, b.req(0));
    let list = is_seq_kind(x, true);
    if !is_seq_kind(y, list) {
        return Ok(vm.not_implemented);
    }
    Ok(Value::bool(seq_compare(vm, op, x, y)?))
}

fn seq_add(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = ONE.bind(vm, &a)?;
    let (x, y) = (b.recv, b.req(0));
    let list = is_seq_kind(x, true);
    if !is_seq_kind(y, list) {
        let (tn, on) = (if list { "list" } else { "tuple" }, vm.type_name(y));
        return Err(vm.type_error(&format!("can only concatenate {tn} (not \"{on}\") to {tn}")));
    }
    let mut items = seq_items(vm, &a, "__add__")?;
    items.extend(seq_items(
        vm,
        &Args::new(std::slice::from_ref(&b.req(0))),
        "__add__",
    )?);
    Ok(if list {
        vm.new_list(items)
    } else {
        vm.new_tuple(items)
    })
}

fn seq_mul(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = ONE.bind(vm, &a)?;
    let x = b.recv;
    let Some(n) = vm.index_of(b.req(0))? else {
        return Err(vm.type_error(&format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(b.req(0))
        )));
    };
    let items = seq_items(vm, &a, "__mul__")?;
    let out = vm.repeat_items(&items, n)?;
    Ok(if is_seq_kind(x, true) {
        vm.new_list(out)
    } else {
        vm.new_tuple(out)
    })
}

fn seq_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = NOARGS.bind(vm, &a)?;
    let s = b.recv;
    let list = is_seq_kind(s, true);
    if vm.repr_stack.contains(&s) {
        return Ok(vm.new_str(if list { "[...]" } else { "(...)" }));
    }
    let items = seq_items(vm, &a, "__repr__")?;
    vm.repr_stack.push(s);
    let mut parts = Vec::with_capacity(items.len());
    let mut err = None;
    for x in &items {
        match vm.repr_string(*x) {
            Ok(r) => parts.push(r),
            Err(e) => {
                err = Some(e);
                break;
            }
        }
    }
    vm.repr_stack.pop();
    if let Some(e) = err {
        return Err(e);
    }
    let body = parts.join(", ");
    let out = if list {
        format!("[{body}]")
    } else if parts.len() == 1 {
        format!("({body},)")
    } else {
        format!("({body})")
    };
    Ok(vm.new_string(out))
}
