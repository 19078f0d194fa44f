//! The `heapq` module: the same sift algorithms as CPython's heapq.py / _heapq.c so
//! heap layouts and tie orders match; `merge` is CPython's generator, in Python.

use crate::builtins::signature::Sig;
use crate::modules::itertools::{lt, run_source};
use crate::object::ObjData;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("heapq", init);
    // the accelerator name too: the module is native already
    vm.native_modules.insert("_heapq", init);
}

const PY_SRC: &str = r#"
def merge(*iterables, key=None, reverse=False):
    h = []
    if reverse:
        _heapify = _heapify_max
        _heappop = _heappop_max
        _heapreplace = _heapreplace_max
        direction = -1
    else:
        _heapify = heapify
        _heappop = heappop
        _heapreplace = heapreplace
        direction = 1

    if key is None:
        for order, it in enumerate(map(iter, iterables)):
            try:
                h += [[next(it), order * direction, it]]
            except StopIteration:
                pass
        _heapify(h)
        while len(h) > 1:
            try:
                while True:
                    value, order, it = s = h[0]
                    yield value
                    s[0] = next(it)
                    _heapreplace(h, s)
            except StopIteration:
                _heappop(h)
        if h:
            value, order, it = h[0]
            yield value
            yield from it
        return

    for order, it in enumerate(map(iter, iterables)):
        try:
            value = next(it)
            h += [[key(value), order * direction, value, it]]
        except StopIteration:
            pass
    _heapify(h)
    while len(h) > 1:
        try:
            while True:
                key_value, order, value, it = s = h[0]
                yield value
                value = next(it)
                s[0] = key(value)
                s[2] = value
                _heapreplace(h, s)
        except StopIteration:
            _heappop(h)
    if h:
        key_value, order, value, it = h[0]
        yield value
        yield from it
"#;

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("heapq");
    let d = vm.module_dict(m);
    vm.add_fn(d, "heappush", |vm, a| {
        let (h, item) = heap_args(vm, &a, "heappush", 2)?;
        if let ObjData::List(l) = &h.obj().data {
            l.get().push(item);
        }
        let n = len(h);
        siftdown(vm, h, 0, n - 1, false)?;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "heappop", |vm, a| {
        let (h, _) = heap_args(vm, &a, "heappop", 1)?;
        heappop(vm, h, false)
    });
    vm.add_fn(d, "_heappop_max", |vm, a| {
        let (h, _) = heap_args(vm, &a, "_heappop_max", 1)?;
        heappop(vm, h, true)
    });
    vm.add_fn(d, "heapreplace", |vm, a| {
        let (h, item) = heap_args(vm, &a, "heapreplace", 2)?;
        heapreplace(vm, h, item, false)
    });
    vm.add_fn(d, "_heapreplace_max", |vm, a| {
        let (h, item) = heap_args(vm, &a, "_heapreplace_max", 2)?;
        heapreplace(vm, h, item, true)
    });
    vm.add_fn(d, "heappushpop", |vm, a| {
        let (h, mut item) = heap_args(vm, &a, "heappushpop", 2)?;
        let first = get(h, 0);
        if let Some(top) = first
            && lt(vm, top, item)?
        {
            let Some(top) = get(h, 0) else {
                return Err(vm.index_error("index out of range"));
            };
            set(h, 0, item);
            item = top;
            vm.temp_roots.push(item);
            let r = siftup(vm, h, 0, false);
            vm.temp_roots.pop();
            r?;
        }
        Ok(item)
    });
    vm.add_fn(d, "heapify", |vm, a| {
        let (h, _) = heap_args(vm, &a, "heapify", 1)?;
        heapify(vm, h, false)?;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "_heapify_max", |vm, a| {
        let (h, _) = heap_args(vm, &a, "_heapify_max", 1)?;
        heapify(vm, h, true)?;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "nlargest", |vm, a| {
        /// `nlargest(n, iterable, key=None)`, a Python function in CPython
        const NLARGEST: Sig<3> = Sig::new("nlargest", ["n", "iterable", "key"])
            .posonly(0)
            .required(2)
            .python();
        nbest(vm, a, &NLARGEST, true)
    });
    vm.add_fn(d, "nsmallest", |vm, a| {
        const NSMALLEST: Sig<3> = Sig::new("nsmallest", ["n", "iterable", "key"])
            .posonly(0)
            .required(2)
            .python();
        nbest(vm, a, &NSMALLEST, false)
    });
    run_source(vm, m, PY_SRC, "<heapq>")?;
    Ok(m)
}

/// The arguments of `_heapq`'s functions of `n` (1 or 2) positional-only
/// arguments: the heap, which must be a list (`heappop() argument must be list,
/// not int` with one argument, `heappush() argument 1 must be list, not int` with
/// two), and the item (None for one argument).
fn heap_args(vm: &mut Vm, a: &Args, name: &'static str, n: usize) -> PyResult<(Value, Value)> {
    let (v, item) = if n == 1 {
        let sig = Sig::new(name, ["heap"]).owner("_heapq");
        (sig.bind(vm, a)?.req(0), Value::NONE)
    } else {
        let sig = Sig::new(name, ["heap", "item"]).owner("_heapq");
        let b = sig.bind(vm, a)?;
        (b.req(0), b.req(1))
    };
    if v.is_obj() && matches!(v.obj().data, ObjData::List(_)) {
        return Ok((v, item));
    }
    let which = if n == 1 { "argument" } else { "argument 1" };
    let tn = crate::builtins::bad_arg_name(vm, v);
    Err(vm.type_error(&format!("{name}() {which} must be list, not {tn}")))
}

fn len(h: Value) -> usize {
    match &h.obj().data {
        ObjData::List(l) => l.get().len(),
        _ => 0,
    }
}

fn get(h: Value, i: usize) -> Option<Value> {
    match &h.obj().data {
        ObjData::List(l) => l.get().get(i).copied(),
        _ => None,
    }
}

fn set(h: Value, i: usize, v: Value) {
    if let ObjData::List(l) = &h.obj().data
        && let Some(x) = l.get().get_mut(i)
    {
        *x = v;
    }
}

fn less(vm: &mut Vm, a: Value, b: Value, max: bool) -> PyResult<bool> {
    if max { lt(vm, b, a) } else { lt(vm, a, b) }
}

fn changed(vm: &mut Vm) -> crate::vm::PyErr {
    vm.runtime_error("list changed size during iteration")
}

fn siftdown(vm: &mut Vm, h: Value, startpos: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = len(h);
    let Some(newitem) = get(h, pos) else {
        return Err(vm.index_error("index out of range"));
    };
    vm.temp_roots.push(newitem);
    let r = (|| {
        while pos > startpos {
            let parentpos = (pos - 1) >> 1;
            let parent = get(h, parentpos).ok_or_else(|| changed(vm))?;
            let c = less(vm, newitem, parent, max)?;
            if len(h) != size {
                return Err(changed(vm));
            }
            if !c {
                break;
            }
            let parent = get(h, parentpos).ok_or_else(|| changed(vm))?;
            set(h, pos, parent);
            pos = parentpos;
        }
        set(h, pos, newitem);
        Ok(())
    })();
    vm.temp_roots.pop();
    r
}

fn siftup(vm: &mut Vm, h: Value, mut pos: usize, max: bool) -> PyResult<()> {
    let endpos = len(h);
    let startpos = pos;
    let Some(newitem) = get(h, pos) else {
        return Err(vm.index_error("index out of range"));
    };
    vm.temp_roots.push(newitem);
    let r = (|| {
        let mut childpos = 2 * pos + 1;
        while childpos < endpos {
            let rightpos = childpos + 1;
            if rightpos < endpos {
                let (c, r) = (
                    get(h, childpos).ok_or_else(|| changed(vm))?,
                    get(h, rightpos).ok_or_else(|| changed(vm))?,
                );
                let l = less(vm, c, r, max)?;
                if len(h) != endpos {
                    return Err(changed(vm));
                }
                if !l {
                    childpos = rightpos;
                }
            }
            let c = get(h, childpos).ok_or_else(|| changed(vm))?;
            set(h, pos, c);
            pos = childpos;
            childpos = 2 * pos + 1;
        }
        set(h, pos, newitem);
        Ok(())
    })();
    vm.temp_roots.pop();
    r?;
    siftdown(vm, h, startpos, pos, max)
}

fn heappop(vm: &mut Vm, h: Value, max: bool) -> PyResult<Value> {
    let ObjData::List(l) = &h.obj().data else {
        unreachable!()
    };
    let Some(last) = l.get().pop() else {
        return Err(vm.index_error("index out of range"));
    };
    if l.get().is_empty() {
        return Ok(last);
    }
    let ret = l.get()[0];
    l.get()[0] = last;
    vm.temp_roots.push(ret);
    let r = siftup(vm, h, 0, max);
    vm.temp_roots.pop();
    r?;
    Ok(ret)
}

fn heapreplace(vm: &mut Vm, h: Value, item: Value, max: bool) -> PyResult<Value> {
    let Some(ret) = get(h, 0) else {
        return Err(vm.index_error("index out of range"));
    };
    set(h, 0, item);
    vm.temp_roots.push(ret);
    let r = siftup(vm, h, 0, max);
    vm.temp_roots.pop();
    r?;
    Ok(ret)
}

fn heapify(vm: &mut Vm, h: Value, max: bool) -> PyResult<()> {
    let n = len(h);
    for i in (0..n / 2).rev() {
        siftup(vm, h, i, max)?;
    }
    Ok(())
}

/// nlargest/nsmallest: the results equal `sorted(iterable, key=key, reverse=...)[:n]`,
/// which is what CPython's heap-based algorithm guarantees (it is stable).
fn nbest(vm: &mut Vm, a: Args, sig: &Sig<3>, largest: bool) -> PyResult<Value> {
    let b = sig.bind(vm, &a)?;
    let (n, src) = (b.req(0), b.req(1));
    let n = vm
        .to_i64(n)
        .ok_or_else(|| vm.type_error("an integer is required"))?;
    let key = b.opt(2);
    let items = vm.collect_iter(src)?;
    let l = vm.new_list(items);
    vm.temp_roots.push(l);
    let rev = Value::bool(largest);
    let r = crate::builtins::sort::sort_list(vm, l, key, Some(rev));
    vm.temp_roots.pop();
    r?;
    if let ObjData::List(v) = &l.obj().data {
        v.get().truncate(n.max(0) as usize);
    }
    Ok(l)
}
