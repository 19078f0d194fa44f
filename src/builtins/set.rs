//! Constructors and methods of `set` and `frozenset`, and the set algebra.
//!
//! The algebra follows CPython 3.11's setobject.c step by step (which set is copied,
//! which one is iterated, when tables are presized or compacted), because with the
//! same table layout (src/object/set.rs) that is what makes iteration order match.

use crate::builtins::signature::Sig;
use crate::compiler::bytecode::{BinOp, CmpOp};
use crate::object::{Mut, ObjData, Set};
use crate::value::Value;
use crate::vm::{Args, PyErr, PyResult, Vm};

pub fn register(vm: &mut Vm) {
    let common: &[(&'static str, crate::object::NativeFn)] = &[
        ("copy", |vm, a| {
            let s = recv(vm, &a, "copy")?;
            if vm.type_of(s) == vm.types.frozenset {
                return Ok(s);
            }
            set_copy(vm, s)
        }),
        ("union", set_union),
        ("intersection", set_intersection_multi),
        ("difference", set_difference_multi),
        ("symmetric_difference", |vm, a| {
            let other = arity(vm, &a, "symmetric_difference")?;
            let s = recv(vm, &a, "symmetric_difference")?;
            symmetric_difference(vm, s, other)
        }),
        ("issubset", |vm, a| {
            let other = arity(vm, &a, "issubset")?;
            let s = recv(vm, &a, "issubset")?;
            let o = as_set(vm, other)?;
            vm.temp_roots.push(o);
            let r = is_subset(vm, s, o);
            vm.temp_roots.pop();
            Ok(Value::bool(r?))
        }),
        ("issuperset", |vm, a| {
            let other = arity(vm, &a, "issuperset")?;
            let s = recv(vm, &a, "issuperset")?;
            let o = as_set(vm, other)?;
            vm.temp_roots.push(o);
            let r = is_subset(vm, o, s);
            vm.temp_roots.pop();
            Ok(Value::bool(r?))
        }),
        ("isdisjoint", set_isdisjoint),
        ("__len__", |vm, a| {
            let s = recv(vm, &a, "__len__")?;
            let n = set_of(s).map(|x| x.get().len()).unwrap_or(0);
            Ok(vm.new_int(n as i64))
        }),
        ("__contains__", |vm, a| {
            const SIG: Sig<1> = Sig::new("__contains__", ["other"]).method();
            let b = SIG.bind(vm, &a)?;
            let s = recv(vm, &a, "__contains__")?;
            Ok(Value::bool(set_contains(vm, s, b.req(0))?))
        }),
        ("__iter__", |vm, a| {
            let s = recv(vm, &a, "__iter__")?;
            let len = set_of(s).map(|x| x.get().len()).unwrap_or(0);
            Ok(vm.new_iter(crate::object::IterState::Set {
                set: s,
                idx: 0,
                len,
            }))
        }),
        ("__eq__", |vm, a| cmp_native(vm, a, CmpOp::Eq)),
        ("__ne__", |vm, a| cmp_native(vm, a, CmpOp::Ne)),
        ("__lt__", |vm, a| cmp_native(vm, a, CmpOp::Lt)),
        ("__le__", |vm, a| cmp_native(vm, a, CmpOp::Le)),
        ("__gt__", |vm, a| cmp_native(vm, a, CmpOp::Gt)),
        ("__ge__", |vm, a| cmp_native(vm, a, CmpOp::Ge)),
        ("__or__", |vm, a| binop_native(vm, a, BinOp::Or, false)),
        ("__and__", |vm, a| binop_native(vm, a, BinOp::And, false)),
        ("__sub__", |vm, a| binop_native(vm, a, BinOp::Sub, false)),
        ("__xor__", |vm, a| binop_native(vm, a, BinOp::Xor, false)),
        ("__ror__", |vm, a| binop_native(vm, a, BinOp::Or, true)),
        ("__rand__", |vm, a| binop_native(vm, a, BinOp::And, true)),
        ("__rsub__", |vm, a| binop_native(vm, a, BinOp::Sub, true)),
        ("__rxor__", |vm, a| binop_native(vm, a, BinOp::Xor, true)),
        ("__repr__", set_repr),
    ];
    for t in [vm.types.set, vm.types.frozenset] {
        for (name, f) in common {
            vm.add_method(t, name, *f);
        }
    }
    let t = vm.types.frozenset;
    vm.add_method(t, "__new__", frozenset_new);
    vm.add_method(t, "__hash__", |vm, a| {
        let s = recv(vm, &a, "__hash__")?;
        let h = frozen_hash(vm, s);
        Ok(vm.new_int(h))
    });

    let t = vm.types.set;
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__new__", set_new),
        ("__init__", set_init),
        ("add", |vm, a| {
            let other = arity(vm, &a, "add")?;
            let s = recv(vm, &a, "add")?;
            vm.set_add(s, other)?;
            Ok(Value::NONE)
        }),
        ("discard", |vm, a| {
            let other = arity(vm, &a, "discard")?;
            let s = recv(vm, &a, "discard")?;
            discard_key(vm, s, other)?;
            Ok(Value::NONE)
        }),
        ("remove", |vm, a| {
            let other = arity(vm, &a, "remove")?;
            let s = recv(vm, &a, "remove")?;
            if !discard_key(vm, s, other)? {
                return Err(vm.key_error(other));
            }
            Ok(Value::NONE)
        }),
        ("pop", |vm, a| {
            Sig::new("pop", []).method().bind(vm, &a)?;
            let s = recv(vm, &a, "pop")?;
            match set_of(s).and_then(|x| x.get().pop()) {
                Some(v) => Ok(v),
                None => Err(vm.error("KeyError", "pop from an empty set")),
            }
        }),
        ("clear", |vm, a| {
            let s = recv(vm, &a, "clear")?;
            if let Some(x) = set_of(s) {
                x.get().clear();
            }
            Ok(Value::NONE)
        }),
        ("update", |vm, a| {
            let rest = varargs(vm, &a, "update")?;
            let s = recv(vm, &a, "update")?;
            for &o in rest {
                update_internal(vm, s, o)?;
            }
            Ok(Value::NONE)
        }),
        ("intersection_update", |vm, a| {
            varargs(vm, &a, "intersection_update")?;
            let s = recv(vm, &a, "intersection_update")?;
            let r = set_intersection_multi(vm, a)?;
            swap_bodies(s, r);
            Ok(Value::NONE)
        }),
        ("difference_update", |vm, a| {
            let rest = varargs(vm, &a, "difference_update")?;
            let s = recv(vm, &a, "difference_update")?;
            for &o in rest {
                difference_update(vm, s, o)?;
            }
            Ok(Value::NONE)
        }),
        ("symmetric_difference_update", |vm, a| {
            let other = arity(vm, &a, "symmetric_difference_update")?;
            let s = recv(vm, &a, "symmetric_difference_update")?;
            symmetric_difference_update(vm, s, other)?;
            Ok(Value::NONE)
        }),
        ("__ior__", |vm, a| inplace_native(vm, a, BinOp::Or)),
        ("__iand__", |vm, a| inplace_native(vm, a, BinOp::And)),
        ("__isub__", |vm, a| inplace_native(vm, a, BinOp::Sub)),
        ("__ixor__", |vm, a| inplace_native(vm, a, BinOp::Xor)),
    ];
    for (name, f) in methods {
        vm.add_method(t, name, *f);
    }
    let hk = vm.intern("__hash__");
    vm.type_set_attr(t, hk, Value::NONE);
}

// ---- helpers --------------------------------------------------------------------------

fn set_of(v: Value) -> Option<&'static Mut<Set>> {
    match &v.as_obj()?.data {
        ObjData::Set(s) => Some(s),
        _ => None,
    }
}

fn is_anyset(v: Value) -> bool {
    set_of(v).is_some()
}

fn recv(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    match a.get(0) {
        Some(v) if is_anyset(v) => Ok(v),
        Some(v) => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!(
                "descriptor '{name}' for 'set' objects doesn't apply to a '{tn}' object"
            )))
        }
        None => Err(vm.type_error(&format!("unbound method set.{name}() needs an argument"))),
    }
}

/// A method of one argument (METH_O): `set.add() takes exactly one argument (0
/// given)`, `set.add() takes no keyword arguments`.
fn arity(vm: &mut Vm, a: &Args, name: &'static str) -> PyResult<Value> {
    let sig = Sig::new(name, ["x"]).method();
    Ok(sig.bind(vm, a)?.req(0))
}

/// A method of any number of positional arguments (`set.union(*others)`).
fn varargs<'a>(vm: &mut Vm, a: &Args<'a>, name: &'static str) -> PyResult<&'a [Value]> {
    let sig = Sig::new(name, []).varargs().method();
    Ok(sig.bind(vm, a)?.rest)
}

/// `set` or `frozenset`: the built-in base of `cls` (make_new_set_basetype).
fn base_type(vm: &Vm, cls: Value) -> Value {
    if vm.is_subclass(cls, vm.types.frozenset) {
        vm.types.frozenset
    } else {
        vm.types.set
    }
}

fn new_like(vm: &mut Vm, s: Value) -> Value {
    let t = vm.type_of(s);
    let bt = base_type(vm, t);
    vm.alloc(bt, ObjData::Set(Mut::new(Set::new())))
}

fn frozen_hash(vm: &mut Vm, s: Value) -> i64 {
    let Some(set) = set_of(s) else { return 0 };
    let _ = vm;
    // Hash as a frozenset of the same entries.
    let entries: Vec<(Value, i64)> = set.get().iter().map(|e| (e.key, e.hash)).collect();
    let mut hash: u64 = 0;
    for (_, h) in &entries {
        let h = *h as u64;
        hash ^= ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
    }
    hash ^= (entries.len() as u64 + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    let h = hash as i64;
    if h == -1 { 590923713 } else { h }
}

/// The hash of a key for lookups; a `set` key is looked up as the equal frozenset.
fn key_hash(vm: &mut Vm, k: Value) -> PyResult<i64> {
    match vm.hash(k) {
        Ok(h) => Ok(h),
        Err(e) => {
            // a set (or a set subclass's payload) looks itself up as the
            // frozenset of its items
            let p = vm.base_payload(k);
            let k = if p.is_empty() { k } else { p };
            if is_anyset(k) && vm.matches(e.0, "TypeError") {
                return Ok(frozen_hash(vm, k));
            }
            Err(e)
        }
    }
}

macro_rules! eqf {
    ($vm:expr) => {{ |a: Value, b: Value| $vm.eq(a, b) }};
}

fn contains_hashed(vm: &mut Vm, s: Value, k: Value, h: i64) -> PyResult<bool> {
    let Some(set) = set_of(s) else {
        return Ok(false);
    };
    let mut eq = eqf!(vm);
    set.contains_key(k, h, &mut eq)
}

fn add_hashed(vm: &mut Vm, s: Value, k: Value, h: i64) -> PyResult<bool> {
    let Some(set) = set_of(s) else {
        return Ok(false);
    };
    let mut eq = eqf!(vm);
    set.add_key(k, h, &mut eq)
}

fn discard_hashed(vm: &mut Vm, s: Value, k: Value, h: i64) -> PyResult<bool> {
    let Some(set) = set_of(s) else {
        return Ok(false);
    };
    let mut eq = eqf!(vm);
    set.discard_key(k, h, &mut eq)
}

fn discard_key(vm: &mut Vm, s: Value, k: Value) -> PyResult<bool> {
    let h = key_hash(vm, k)?;
    discard_hashed(vm, s, k, h)
}

fn entries(s: Value) -> Vec<(Value, i64)> {
    set_of(s)
        .map(|x| x.get().iter().map(|e| (e.key, e.hash)).collect())
        .unwrap_or_default()
}

fn set_len(s: Value) -> usize {
    set_of(s).map(|x| x.get().len()).unwrap_or(0)
}

fn swap_bodies(a: Value, b: Value) {
    if let (Some(x), Some(y)) = (set_of(a), set_of(b)) {
        std::mem::swap(x.get(), y.get());
    }
}

/// Runs `f` on a snapshot of `s`'s entries, the keys kept alive meanwhile: the
/// comparisons `f` makes run Python code that may empty `s` (CPython holds a
/// reference to each key it compares).
fn with_entries<T>(
    vm: &mut Vm,
    s: Value,
    f: impl FnOnce(&mut Vm, Vec<(Value, i64)>) -> PyResult<T>,
) -> PyResult<T> {
    let ents = entries(s);
    let keys = vm.new_tuple(ents.iter().map(|e| e.0).collect());
    rooted(vm, keys, |vm| f(vm, ents))
}

/// Runs `f` with `v` rooted.
fn rooted<T>(vm: &mut Vm, v: Value, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
    vm.temp_roots.push(v);
    let n = vm.temp_roots.len();
    let r = f(vm);
    vm.temp_roots.truncate(n - 1);
    r
}

// ---- the algebra (setobject.c) ----------------------------------------------------------

/// `set_update_internal`.
pub(crate) fn update_internal(vm: &mut Vm, so: Value, other: Value) -> PyResult<()> {
    if let Some(o) = set_of(other) {
        if other == so {
            return Ok(());
        }
        let snapshot = o.get().clone();
        let keys = vm.new_tuple(snapshot.iter().map(|e| e.key).collect());
        return rooted(vm, keys, |vm| {
            let Some(s) = set_of(so) else { return Ok(()) };
            let mut eq = eqf!(vm);
            s.get().merge(&snapshot, &mut eq)
        });
    }
    if vm.type_of(other) == vm.types.dict {
        let ents: Vec<(Value, i64)> = match &other.obj().data {
            ObjData::Dict(d) => d.get().iter().map(|e| (e.key, e.hash)).collect(),
            _ => vec![],
        };
        if let Some(s) = set_of(so) {
            s.get().presize(ents.len());
        }
        for (k, h) in ents {
            add_hashed(vm, so, k, h)?;
        }
        return Ok(());
    }
    if crate::vm::drain::is_plain_generator(vm, other) && vm.is_builtin_exact(so) {
        let slot = vm.temp_roots.len();
        vm.temp_roots.push(so);
        let r = vm.drain_generator(other, crate::vm::drain::SinkKind::Set, slot, |vm, k| {
            vm.set_add(so, k).map(|_| true)
        });
        vm.temp_roots.truncate(slot);
        return r.map(|_| ());
    }
    let it = vm.iter(other)?;
    rooted(vm, it, |vm| {
        while let Some(k) = vm.next(it)? {
            vm.set_add(so, k)?;
        }
        Ok(())
    })
}

/// A new set of `s`'s base type with `s`'s items (set_copy).
fn set_copy(vm: &mut Vm, s: Value) -> PyResult<Value> {
    let r = new_like(vm, s);
    rooted(vm, r, |vm| update_internal(vm, r, s))?;
    Ok(r)
}

/// A new set (of `like`'s base type) from any iterable.
fn make_set_like(vm: &mut Vm, like: Value, it: Value) -> PyResult<Value> {
    let r = new_like(vm, like);
    rooted(vm, r, |vm| update_internal(vm, r, it))?;
    Ok(r)
}

fn intersection(vm: &mut Vm, so: Value, other: Value) -> PyResult<Value> {
    if so == other {
        return set_copy(vm, so);
    }
    let result = new_like(vm, so);
    rooted(vm, result, |vm| {
        if is_anyset(other) {
            let (big, small) = if set_len(other) > set_len(so) {
                (other, so)
            } else {
                (so, other)
            };
            return with_entries(vm, small, |vm, ents| {
                for (k, h) in ents {
                    if contains_hashed(vm, big, k, h)? {
                        add_hashed(vm, result, k, h)?;
                    }
                }
                Ok(())
            });
        }
        let it = vm.iter(other)?;
        rooted(vm, it, |vm| {
            while let Some(k) = vm.next(it)? {
                let h = vm.hash(k)?;
                if contains_hashed(vm, so, k, h)? {
                    add_hashed(vm, result, k, h)?;
                }
            }
            Ok(())
        })
    })?;
    Ok(result)
}

fn difference_update(vm: &mut Vm, so: Value, other: Value) -> PyResult<()> {
    if so == other {
        if let Some(s) = set_of(so) {
            s.get().clear();
        }
        return Ok(());
    }
    if is_anyset(other) {
        let other = if (set_len(other) >> 3) > set_len(so) {
            intersection(vm, so, other)?
        } else {
            other
        };
        with_entries(vm, other, |vm, ents| {
            for (k, h) in ents {
                discard_hashed(vm, so, k, h)?;
            }
            Ok(())
        })?;
    } else {
        let it = vm.iter(other)?;
        rooted(vm, it, |vm| {
            while let Some(k) = vm.next(it)? {
                discard_key(vm, so, k)?;
            }
            Ok(())
        })?;
    }
    if let Some(s) = set_of(so) {
        s.get().compact();
    }
    Ok(())
}

fn difference(vm: &mut Vm, so: Value, other: Value) -> PyResult<Value> {
    let is_dict = vm.type_of(other) == vm.types.dict;
    let other_size = if is_anyset(other) {
        Some(set_len(other))
    } else if is_dict {
        Some(vm.len(other)?)
    } else {
        None
    };
    let copy_and_diff = match other_size {
        None => true,
        Some(n) => (set_len(so) >> 2) > n,
    };
    if copy_and_diff {
        let r = set_copy(vm, so)?;
        rooted(vm, r, |vm| difference_update(vm, r, other))?;
        return Ok(r);
    }
    let result = new_like(vm, so);
    rooted(vm, result, |vm| {
        with_entries(vm, so, |vm, ents| {
            for (k, h) in ents {
                let found = if is_dict {
                    vm.dict_get(other, k)?.is_some()
                } else {
                    contains_hashed(vm, other, k, h)?
                };
                if !found {
                    add_hashed(vm, result, k, h)?;
                }
            }
            Ok(())
        })
    })?;
    Ok(result)
}

fn symmetric_difference_update(vm: &mut Vm, so: Value, other: Value) -> PyResult<()> {
    if so == other {
        if let Some(s) = set_of(so) {
            s.get().clear();
        }
        return Ok(());
    }
    let toggle = |vm: &mut Vm, ents: Vec<(Value, i64)>| -> PyResult<()> {
        for (k, h) in ents {
            if !discard_hashed(vm, so, k, h)? {
                add_hashed(vm, so, k, h)?;
            }
        }
        Ok(())
    };
    if vm.type_of(other) == vm.types.dict {
        let ents: Vec<(Value, i64)> = match &other.obj().data {
            ObjData::Dict(d) => d.get().iter().map(|e| (e.key, e.hash)).collect(),
            _ => vec![],
        };
        return toggle(vm, ents);
    }
    let otherset = if is_anyset(other) {
        other
    } else {
        make_set_like(vm, so, other)?
    };
    rooted(vm, otherset, |vm| with_entries(vm, otherset, toggle))
}

fn symmetric_difference(vm: &mut Vm, so: Value, other: Value) -> PyResult<Value> {
    let otherset = make_set_like(vm, so, other)?;
    rooted(vm, otherset, |vm| {
        symmetric_difference_update(vm, otherset, so)
    })?;
    Ok(otherset)
}

/// Whether every item of set `a` is in set `b`.
fn is_subset(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if set_len(a) > set_len(b) {
        return Ok(false);
    }
    with_entries(vm, a, |vm, ents| {
        for (k, h) in ents {
            if !contains_hashed(vm, b, k, h)? {
                return Ok(false);
            }
        }
        Ok(true)
    })
}

/// `v` itself when it is a set or frozenset, else a new set of its items.
fn as_set(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if is_anyset(v) {
        return Ok(v);
    }
    let s = vm.new_set();
    rooted(vm, s, |vm| update_internal(vm, s, v))?;
    Ok(s)
}

// ---- entry points used by the core --------------------------------------------------------

pub fn set_contains(vm: &mut Vm, s: Value, k: Value) -> PyResult<bool> {
    let h = key_hash(vm, k)?;
    contains_hashed(vm, s, k, h)
}

/// `s.update(other)` (the interpreter's SET_UPDATE).
pub fn set_update(vm: &mut Vm, s: Value, other: Value) -> PyResult<()> {
    update_internal(vm, s, other)
}

/// The frozenset constant CPython's compiler makes for a set display of constants:
/// built from the tuple, then rebuilt from its own iteration order when the compiler
/// merges constants.
pub fn const_set_literal(vm: &mut Vm, tuple: Value) -> PyResult<Value> {
    let f1 = vm.new_frozenset();
    rooted(vm, f1, |vm| update_internal(vm, f1, tuple))?;
    let order: Vec<Value> = entries(f1).into_iter().map(|(k, _)| k).collect();
    let f2 = vm.new_frozenset();
    for k in order {
        vm.set_add(f2, k)?;
    }
    Ok(f2)
}

/// A new set holding the items of any iterable.
pub fn to_set(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let s = vm.new_set();
    rooted(vm, s, |vm| update_internal(vm, s, v))?;
    Ok(s)
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` for two sets; the result type follows `a`.
pub fn set_binop(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    if !is_anyset(a) || !is_anyset(b) {
        return Ok(None);
    }
    Ok(Some(match op {
        BinOp::Or => {
            let r = set_copy(vm, a)?;
            rooted(vm, r, |vm| update_internal(vm, r, b))?;
            r
        }
        BinOp::And => intersection(vm, a, b)?,
        BinOp::Sub => difference(vm, a, b)?,
        BinOp::Xor => symmetric_difference(vm, a, b)?,
        _ => return Ok(None),
    }))
}

/// `a |= b` etc. for a set `a` and a set or frozenset `b`.
pub fn set_inplace(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    if !is_anyset(a) || !is_anyset(b) {
        return Ok(None);
    }
    match op {
        BinOp::Or => update_internal(vm, a, b)?,
        BinOp::And => {
            let r = intersection(vm, a, b)?;
            swap_bodies(a, r);
        }
        BinOp::Sub => difference_update(vm, a, b)?,
        BinOp::Xor => symmetric_difference_update(vm, a, b)?,
        _ => return Ok(None),
    }
    Ok(Some(a))
}

/// Set comparisons: equality and the subset relations.
pub fn set_compare(vm: &mut Vm, op: CmpOp, a: Value, b: Value) -> PyResult<bool> {
    let (la, lb) = (set_len(a), set_len(b));
    Ok(match op {
        CmpOp::Eq => la == lb && is_subset(vm, a, b)?,
        CmpOp::Ne => !(la == lb && is_subset(vm, a, b)?),
        CmpOp::Le => is_subset(vm, a, b)?,
        CmpOp::Lt => la < lb && is_subset(vm, a, b)?,
        CmpOp::Ge => is_subset(vm, b, a)?,
        CmpOp::Gt => la > lb && is_subset(vm, b, a)?,
    })
}

// ---- natives ------------------------------------------------------------------------------

/// `set(iterable=(), /)`, `frozenset(iterable=(), /)`
const SET: Sig<1> = Sig::new("set", ["iterable"]).required(0).constructor();
const FROZENSET: Sig<1> = Sig::new("frozenset", ["iterable"])
    .required(0)
    .constructor();

fn set_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const ANY: Sig<0> = Sig::new("set", []).constructor().varargs().varkw();
    let cls = ANY.bind(vm, &a)?.recv;
    // a subclass's keywords are its __init__'s
    let kw: &[(Value, Value)] = if cls == vm.types.set { a.kw } else { &[] };
    if !kw.is_empty() {
        SET.bind(vm, &Args { pos: a.pos, kw })?;
    }
    let s = vm.alloc(vm.types.set, ObjData::Set(Mut::new(Set::new())));
    if cls == vm.types.set || crate::builtins::list::new_fills(vm, cls) {
        let b = SET.bind(vm, &Args { pos: a.pos, kw })?;
        if let Some(src) = b.get(0) {
            rooted(vm, s, |vm| update_internal(vm, s, src))?;
        }
    }
    Ok(crate::builtins::list::subclass_instance(vm, cls, s))
}

fn set_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let src = SET.bind(vm, &a)?.get(0);
    let s = recv(vm, &a, "__init__")?;
    if let Some(x) = set_of(s) {
        x.get().clear();
    }
    if let Some(src) = src {
        update_internal(vm, s, src)?;
    }
    Ok(Value::NONE)
}

fn frozenset_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const ANY: Sig<0> = Sig::new("frozenset", []).constructor().varargs().varkw();
    let cls = ANY.bind(vm, &a)?.recv;
    let kw: &[(Value, Value)] = if cls == vm.types.frozenset { a.kw } else { &[] };
    let src = FROZENSET.bind(vm, &Args { pos: a.pos, kw })?.get(0);
    if let Some(src) = src
        && cls == vm.types.frozenset
        && vm.type_of(src) == vm.types.frozenset
    {
        return Ok(src);
    }
    let s = vm.alloc(vm.types.frozenset, ObjData::Set(Mut::new(Set::new())));
    if let Some(src) = src {
        rooted(vm, s, |vm| update_internal(vm, s, src))?;
    }
    Ok(crate::builtins::list::subclass_instance(vm, cls, s))
}

fn set_union(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let rest = varargs(vm, &a, "union")?;
    let s = recv(vm, &a, "union")?;
    let r = set_copy(vm, s)?;
    rooted(vm, r, |vm| {
        for &o in rest {
            if o != s {
                update_internal(vm, r, o)?;
            }
        }
        Ok(())
    })?;
    Ok(r)
}

fn set_intersection_multi(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let rest = varargs(vm, &a, "intersection")?;
    let s = recv(vm, &a, "intersection")?;
    if rest.is_empty() {
        return set_copy(vm, s);
    }
    let base = vm.temp_roots.len();
    let mut result = s;
    let mut r = Ok(());
    for &o in rest {
        match intersection(vm, result, o) {
            Ok(n) => {
                vm.temp_roots.push(n);
                result = n;
            }
            Err(e) => {
                r = Err(e);
                break;
            }
        }
    }
    vm.temp_roots.truncate(base);
    r?;
    Ok(result)
}

fn set_difference_multi(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let rest = varargs(vm, &a, "difference")?;
    let s = recv(vm, &a, "difference")?;
    let [first, others @ ..] = rest else {
        return set_copy(vm, s);
    };
    let r = difference(vm, s, *first)?;
    rooted(vm, r, |vm| {
        for &o in others {
            difference_update(vm, r, o)?;
        }
        Ok(())
    })?;
    Ok(r)
}

fn set_isdisjoint(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let other = arity(vm, &a, "isdisjoint")?;
    let s = recv(vm, &a, "isdisjoint")?;
    if s == other {
        return Ok(Value::bool(set_len(s) == 0));
    }
    if is_anyset(other) {
        let (big, small) = if set_len(other) > set_len(s) {
            (other, s)
        } else {
            (s, other)
        };
        return with_entries(vm, small, |vm, ents| {
            for (k, h) in ents {
                if contains_hashed(vm, big, k, h)? {
                    return Ok(Value::FALSE);
                }
            }
            Ok(Value::TRUE)
        });
    }
    let it = vm.iter(other)?;
    rooted(vm, it, |vm| {
        while let Some(k) = vm.next(it)? {
            let h = key_hash(vm, k)?;
            if contains_hashed(vm, s, k, h)? {
                return Ok(Value::FALSE);
            }
        }
        Ok(Value::TRUE)
    })
}

fn cmp_native(vm: &mut Vm, a: Args, op: CmpOp) -> PyResult<Value> {
    let other = arity(vm, &a, op.dunder())?;
    let s = recv(vm, &a, op.dunder())?;
    if !is_anyset(other) {
        return Ok(vm.not_implemented);
    }
    Ok(Value::bool(set_compare(vm, op, s, other)?))
}

fn binop_native(vm: &mut Vm, a: Args, op: BinOp, reflected: bool) -> PyResult<Value> {
    const SIG: Sig<1> = Sig::new("set operator", ["other"]).method();
    let b = SIG.bind(vm, &a)?;
    let (x, y) = if reflected {
        (b.req(0), b.recv)
    } else {
        (b.recv, b.req(0))
    };
    match set_binop(vm, op, x, y)? {
        Some(r) => Ok(r),
        None => Ok(vm.not_implemented),
    }
}

fn inplace_native(vm: &mut Vm, a: Args, op: BinOp) -> PyResult<Value> {
    const SIG: Sig<1> = Sig::new("set operator", ["other"]).method();
    let b = SIG.bind(vm, &a)?;
    match set_inplace(vm, op, b.recv, b.req(0))? {
        Some(r) => Ok(r),
        None => Ok(vm.not_implemented),
    }
}

fn set_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = recv(vm, &a, "__repr__")?;
    let t = vm.type_of(s);
    let name = crate::vm::types::type_obj(t).name.clone();
    let items: Vec<Value> = entries(s).into_iter().map(|(k, _)| k).collect();
    if items.is_empty() {
        return Ok(vm.new_string(format!("{name}()")));
    }
    if vm.repr_stack.contains(&s) {
        return Ok(vm.new_string(format!("{name}(...)")));
    }
    vm.repr_stack.push(s);
    let mut parts = Vec::with_capacity(items.len());
    let mut err: Option<PyErr> = None;
    for x in items {
        match vm.repr_string(x) {
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
    Ok(vm.new_string(if t == vm.types.set {
        format!("{{{body}}}")
    } else {
        format!("{name}({{{body}}})")
    }))
}
