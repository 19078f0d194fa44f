//! The `bisect` module, with the same probing order as CPython's `_bisect` so
//! user comparison methods see the same calls.

use crate::modules::itertools::{arg, lt};
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
    if let ObjData::List(l) = &seq.obj().data
        && let Some(v) = l.get().get(i)
    {
        return Ok(*v);
    }
    let iv = vm.new_int(i as i64);
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

fn bounds(vm: &mut Vm, a: &Args, seq: Value) -> PyResult<(usize, usize)> {
    let lo = match arg(a, 2, "lo") {
        Some(v) => vm
            .to_i64(v)
            .ok_or_else(|| vm.type_error("'lo' must be an integer"))?,
        None => 0,
    };
    if lo < 0 {
        return Err(vm.value_error("lo must be non-negative"));
    }
    let hi = match arg(a, 3, "hi") {
        Some(v) if !v.is_none() => vm
            .to_i64(v)
            .ok_or_else(|| vm.type_error("'hi' must be an integer"))?
            .max(0) as usize,
        _ => vm.len(seq)?,
    };
    Ok((lo as usize, hi))
}

fn bisect_fn(vm: &mut Vm, a: Args, name: &str, right: bool) -> PyResult<usize> {
    let (Some(seq), Some(x)) = (arg(&a, 0, "a"), arg(&a, 1, "x")) else {
        return Err(vm.type_error(&format!("{name}() missing required argument 'a' (pos 1)")));
    };
    let (lo, hi) = bounds(vm, &a, seq)?;
    let key = a.kwarg("key").unwrap_or(Value::NONE);
    search(vm, seq, x, lo, hi, key, right)
}

fn insort(vm: &mut Vm, a: Args, name: &str, right: bool) -> PyResult<Value> {
    let (Some(seq), Some(x)) = (arg(&a, 0, "a"), arg(&a, 1, "x")) else {
        return Err(vm.type_error(&format!("{name}() missing required argument 'a' (pos 1)")));
    };
    let (lo, hi) = bounds(vm, &a, seq)?;
    let key = a.kwarg("key").unwrap_or(Value::NONE);
    let kx = if key.is_none() {
        x
    } else {
        vm.call(key, &[x])?
    };
    vm.temp_roots.push(kx);
    let r = search(vm, seq, kx, lo, hi, key, right);
    vm.temp_roots.pop();
    let i = r?;
    if let ObjData::List(l) = &seq.obj().data
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
