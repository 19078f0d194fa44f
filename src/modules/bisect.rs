//! The `bisect` module, with the same probing order as CPython's `_bisect` so
//! user comparison methods see the same calls.

use crate::builtins::signature::{Sig, to_ssize};
use crate::modules::itertools::lt;
use crate::object::ObjData;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("bisect", init);
    // the accelerator name too: the module is native already (test.support's
    // import_fresh_module(..., fresh=["_bisect"]) imports it)
    vm.native_modules.insert("_bisect", init);
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("bisect");
    let d = vm.module_dict(m);
    vm.add_fn(d, "bisect_left", |vm, a| {
        bisect_fn(vm, a, "bisect_left", false).map(|i| Value::small_int(i as i64))
    });
    vm.add_fn(d, "bisect_right", |vm, a| {
        bisect_fn(vm, a, "bisect_right", true).map(|i| Value::small_int(i as i64))
    });
    vm.add_fn(d, "bisect", |vm, a| {
        bisect_fn(vm, a, "bisect_right", true).map(|i| Value::small_int(i as i64))
    });
    vm.add_fn(d, "insort_left", |vm, a| {
        insort(vm, a, "insort_left", false)
    });
    vm.add_fn(d, "insort_right", |vm, a| {
        insort(vm, a, "insort_right", true)
    });
    vm.add_fn(d, "insort", |vm, a| insort(vm, a, "insort_right", true));
    Ok(m)
}

fn item(vm: &mut Vm, seq: Value, i: usize) -> PyResult<Value> {
    if let Some(ObjData::List(l)) = seq.as_obj().map(|o| &o.data)
        && let Some(v) = l.get().get(i)
    {
        return Ok(*v);
    }
    let iv = vm.new_int(i as i64);
    // PySequence_GetItem's wording for an object that is no sequence
    let cls = vm.type_of(seq);
    let k = vm.intern("__getitem__");
    if crate::vm::types::lookup(vm, cls, k).is_none() {
        let tn = vm.type_name(seq);
        return Err(vm.type_error(&format!("'{tn}' object does not support indexing")));
    }
    vm.getitem(seq, iv)
}

/// Searches for `x` (already passed through `key` for insort) in `seq[lo:hi]`.
fn search(
    vm: &mut Vm,
    seq: Value,
    x: Value,
    mut lo: usize,
    mut hi: usize,
    key: Value,
    right: bool,
) -> PyResult<usize> {
    while lo < hi {
        let mid = (lo + hi) / 2;
        let mut v = item(vm, seq, mid)?;
        if !key.is_none() {
            v = vm.call(key, &[v])?;
        }
        let go_left = if right { lt(vm, x, v)? } else { !lt(vm, v, x)? };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

/// `bisect_left(a, x, lo=0, hi=len(a), *, key=None)` and the three others.
fn sig(name: &'static str) -> Sig<5> {
    Sig::new(name, ["a", "x", "lo", "hi", "key"])
        .posonly(0)
        .kwonly(4)
        .required(2)
}

/// The arguments: the sequence, x, lo, hi and key.
fn bind(
    vm: &mut Vm,
    a: &Args,
    name: &'static str,
) -> PyResult<(Value, Value, usize, usize, Value)> {
    let sig = sig(name);
    let b = sig.bind(vm, a)?;
    let (seq, x) = (b.req(0), b.req(1));
    let lo = b.ssize_or(vm, 2, 0)?;
    if lo < 0 {
        return Err(vm.value_error("lo must be non-negative"));
    }
    let hi = match b.opt(3) {
        Some(v) => {
            if !vm.is_intlike(v) && vm.dunder(v, "__index__").is_none() {
                let tn = vm.type_name(v);
                return Err(
                    vm.type_error(&format!("argument should be integer or None, not '{tn}'"))
                );
            }
            to_ssize(vm, v)?.max(0) as usize
        }
        None => vm.len(seq)?,
    };
    let key = b.opt(4).unwrap_or(Value::NONE);
    Ok((seq, x, lo as usize, hi, key))
}

fn bisect_fn(vm: &mut Vm, a: Args, name: &'static str, right: bool) -> PyResult<usize> {
    let (seq, x, lo, hi, key) = bind(vm, &a, name)?;
    search(vm, seq, x, lo, hi, key, right)
}

fn insort(vm: &mut Vm, a: Args, name: &'static str, right: bool) -> PyResult<Value> {
    let (seq, x, lo, hi, key) = bind(vm, &a, name)?;
    let kx = if key.is_none() {
        x
    } else {
        vm.call(key, &[x])?
    };
    vm.temp_roots.push(kx);
    let r = search(vm, seq, kx, lo, hi, key, right);
    vm.temp_roots.pop();
    let i = r?;
    if let Some(ObjData::List(l)) = seq.as_obj().map(|o| &o.data)
        && vm.is_builtin_exact(seq)
    {
        let v = l.get();
        v.insert(i.min(v.len()), x);
        return Ok(Value::NONE);
    }
    let iv = vm.new_int(i as i64);
    vm.call_method(seq, "insert", &[iv, x])?;
    Ok(Value::NONE)
}
