//! The `itertools` module: lazy iterators implemented as native objects (one type per
//! itertools class, all sharing one `__next__` that dispatches on the state), with the
//! same algorithms as CPython's C implementation so orders and laziness match.
//!
//! Also holds small helpers the other library modules in this family share.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::builtins::signature::Sig;
use crate::compiler::bytecode::{BinOp, CmpOp};
use crate::object::{Mut, NativeData, ObjData};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm, str_of};

// ---- shared helpers -----------------------------------------------------------------

thread_local! {
    static TYPES: RefCell<HashMap<&'static str, Value>> = RefCell::new(HashMap::new());
}

/// Creates (once) a type implemented in Rust and remembers it under `key`. Types are
/// reachable from their base's subclass list, so they stay alive.
pub fn make_type(vm: &mut Vm, key: &'static str, name: &str, module: &str, base: Value) -> Value {
    if let Some(t) = TYPES.with(|m| m.borrow().get(key).copied()) {
        return t;
    }
    let t = vm.new_native_type(name, module, base);
    TYPES.with(|m| m.borrow_mut().insert(key, t));
    t
}

/// Forgets the types `make_type` made (they belong to a VM that is gone).
pub fn forget_types() {
    TYPES.with(|m| m.borrow_mut().clear());
}

/// A type made by `make_type`.
pub fn ty(key: &'static str) -> Value {
    TYPES
        .with(|m| m.borrow().get(key).copied())
        .unwrap_or(Value::NONE)
}

/// The native payload of `v` if it is a `T`.
pub fn native<T: 'static>(v: Value) -> Option<&'static T> {
    match &v.as_obj()?.data {
        ObjData::Native(n) => n.as_any().downcast_ref::<T>(),
        _ => None,
    }
}

/// Runs embedded Python source in a module's namespace.
pub fn run_source(vm: &mut Vm, module: Value, src: &str, filename: &str) -> PyResult<()> {
    let code = crate::run::compile_source(vm, src, filename, "<module>")?;
    let d = vm.module_dict(module);
    // The module object is otherwise unreachable until its initialiser returns.
    vm.temp_roots.push(module);
    let r = vm.run_code(code, d, d);
    vm.temp_roots.pop();
    r?;
    Ok(())
}

pub fn set_attr(vm: &mut Vm, module: Value, name: &str, v: Value) {
    let d = vm.module_dict(module);
    let k = vm.intern(name);
    vm.dict_set_str(d, k, v);
}

pub fn get_attr(vm: &mut Vm, module: Value, name: &str) -> Value {
    let d = vm.module_dict(module);
    let k = vm.intern(name);
    vm.dict_get_str(d, k).unwrap_or(Value::NONE)
}

/// `a < b` as a Rust bool.
pub fn lt(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if a.is_small_int() && b.is_small_int() {
        return Ok(a.as_small_int() < b.as_small_int());
    }
    let r = vm.compare(CmpOp::Lt, a, b)?;
    if r.is_bool() {
        return Ok(r == Value::TRUE);
    }
    vm.truthy(r)
}

/// Adds a method. A name with a trailing space (`"__repr__ "`) is stored without it
/// under a builtin named differently, because the core treats a builtin called
/// `__repr__` on a plain instance as `object.__repr__` and skips it.
pub fn add_method_as(vm: &mut Vm, t: Value, name: &'static str, f: crate::object::NativeFn) {
    match name.strip_suffix(' ') {
        Some(key) => {
            let fv = vm.new_builtin("repr", f);
            let k = vm.intern(key);
            vm.type_set_attr(t, k, fv);
        }
        None => vm.add_method(t, name, f),
    }
}

/// A method taking only its receiver (a slot, whose arity the call path checks).
const NOARGS: Sig<0> = Sig::new("method", []).method();

pub fn iter_self(vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(NOARGS.bind(vm, &a)?.recv)
}

// ---- iterator states ----------------------------------------------------------------

enum It {
    Count {
        cur: Value,
        step: Value,
    },
    Cycle {
        it: Value,
        saved: Vec<Value>,
        idx: usize,
        replay: bool,
    },
    Repeat {
        obj: Value,
        left: Option<i64>,
    },
    Chain {
        source: Value,
        cur: Value,
    },
    Islice {
        it: Value,
        next: i64,
        stop: Option<i64>,
        step: i64,
        cnt: i64,
    },
    Product {
        pools: Vec<Vec<Value>>,
        idx: Vec<usize>,
        first: bool,
        done: bool,
    },
    Perm {
        pool: Vec<Value>,
        idx: Vec<usize>,
        cycles: Vec<usize>,
        r: usize,
        first: bool,
        done: bool,
    },
    Comb {
        pool: Vec<Value>,
        idx: Vec<usize>,
        r: usize,
        first: bool,
        done: bool,
    },
    CombRep {
        pool: Vec<Value>,
        idx: Vec<usize>,
        r: usize,
        first: bool,
        done: bool,
    },
    Accumulate {
        it: Value,
        func: Value,
        total: Value,
        initial: Value,
    },
    GroupBy {
        it: Value,
        key: Value,
        tgt: Value,
        curk: Value,
        curv: Value,
        id: u64,
    },
    Grouper {
        parent: Value,
        tgt: Value,
        id: u64,
    },
    ZipLongest {
        its: Vec<Value>,
        active: usize,
        fill: Value,
    },
    TakeWhile {
        pred: Value,
        it: Value,
        done: bool,
    },
    DropWhile {
        pred: Value,
        it: Value,
        dropping: bool,
    },
    StarMap {
        func: Value,
        it: Value,
    },
    Tee {
        shared: Value,
        pos: usize,
    },
    Compress {
        data: Value,
        sel: Value,
    },
    FilterFalse {
        pred: Value,
        it: Value,
    },
    Pairwise {
        it: Value,
        old: Value,
    },
    Done,
}

pub struct NIter {
    st: Mut<It>,
}

/// The buffer behind a family of `tee` iterators.
struct TeeShared {
    it: Value,
    buf: Mut<Vec<Value>>,
}

impl NativeData for TeeShared {
    fn trace(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.it);
        self.buf.get().iter().for_each(|v| visit(*v));
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl NativeData for NIter {
    fn trace(&self, visit: &mut dyn FnMut(Value)) {
        match self.st.get() {
            It::Count { cur, step } => {
                visit(*cur);
                visit(*step);
            }
            It::Cycle { it, saved, .. } => {
                visit(*it);
                saved.iter().for_each(|v| visit(*v));
            }
            It::Repeat { obj, .. } => visit(*obj),
            It::Chain { source, cur } => {
                visit(*source);
                visit(*cur);
            }
            It::Islice { it, .. } => visit(*it),
            It::Product { pools, .. } => pools.iter().flatten().for_each(|v| visit(*v)),
            It::Perm { pool, .. } | It::Comb { pool, .. } | It::CombRep { pool, .. } => {
                pool.iter().for_each(|v| visit(*v))
            }
            It::Accumulate {
                it,
                func,
                total,
                initial,
            } => {
                for v in [*it, *func, *total, *initial] {
                    visit(v);
                }
            }
            It::GroupBy {
                it,
                key,
                tgt,
                curk,
                curv,
                ..
            } => {
                for v in [*it, *key, *tgt, *curk, *curv] {
                    visit(v);
                }
            }
            It::Grouper { parent, tgt, .. } => {
                visit(*parent);
                visit(*tgt);
            }
            It::ZipLongest { its, fill, .. } => {
                its.iter().for_each(|v| visit(*v));
                visit(*fill);
            }
            It::TakeWhile { pred, it, .. }
            | It::DropWhile { pred, it, .. }
            | It::FilterFalse { pred, it }
            | It::StarMap { func: pred, it } => {
                visit(*pred);
                visit(*it);
            }
            It::Tee { shared, .. } => visit(*shared),
            It::Compress { data, sel } => {
                visit(*data);
                visit(*sel);
            }
            It::Pairwise { it, old } => {
                visit(*it);
                visit(*old);
            }
            It::Done => {}
        }
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn new_it(vm: &mut Vm, key: &'static str, st: It) -> Value {
    let t = ty(key);
    vm.alloc(t, ObjData::Native(Box::new(NIter { st: Mut::new(st) })))
}

fn state(v: Value) -> &'static Mut<It> {
    &native::<NIter>(v).expect("itertools object").st
}

/// The state of the receiver of `name`, or TypeError when it has none (an
/// instance of a subclass that `object.__new__` made).
fn state_of(vm: &mut Vm, v: Value, name: &str) -> PyResult<&'static Mut<It>> {
    match native::<NIter>(v) {
        Some(n) => Ok(&n.st),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!(
                "descriptor '{name}' requires an itertools object but received a '{tn}'"
            )))
        }
    }
}

fn it_next(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = NOARGS.bind(vm, &a)?.recv;
    state_of(vm, s, "__next__")?;
    match step(vm, s)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::NONE)),
    }
}

fn finish(s: Value) -> PyResult<Option<Value>> {
    *state(s).get() = It::Done;
    Ok(None)
}

/// Runs `f` with `vals` rooted.
fn rooted<R>(vm: &mut Vm, vals: &[Value], f: impl FnOnce(&mut Vm) -> R) -> R {
    let base = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(vals);
    let r = f(vm);
    vm.temp_roots.truncate(base);
    r
}

fn step(vm: &mut Vm, s: Value) -> PyResult<Option<Value>> {
    let st = state(s);
    match st.get() {
        It::Done => Ok(None),
        It::Count { cur, step } => {
            let (c, d) = (*cur, *step);
            let n = if c.is_small_int() && d.is_small_int() {
                vm.new_int(c.as_small_int() + d.as_small_int())
            } else {
                vm.binary_op(BinOp::Add, c, d)?
            };
            if let It::Count { cur, .. } = st.get() {
                *cur = n;
            }
            Ok(Some(c))
        }
        It::Cycle {
            it,
            saved,
            idx,
            replay,
        } => {
            if *replay {
                if saved.is_empty() {
                    return Ok(None);
                }
                let v = saved[*idx];
                *idx = (*idx + 1) % saved.len();
                return Ok(Some(v));
            }
            let it = *it;
            match vm.next(it)? {
                Some(v) => {
                    if let It::Cycle { saved, .. } = st.get() {
                        saved.push(v);
                    }
                    Ok(Some(v))
                }
                None => {
                    if let It::Cycle {
                        saved, idx, replay, ..
                    } = st.get()
                    {
                        *replay = true;
                        if saved.is_empty() {
                            return Ok(None);
                        }
                        *idx = 1 % saved.len();
                        return Ok(Some(saved[0]));
                    }
                    Ok(None)
                }
            }
        }
        It::Repeat { obj, left } => match left {
            None => Ok(Some(*obj)),
            Some(n) if *n > 0 => {
                *n -= 1;
                Ok(Some(*obj))
            }
            Some(_) => Ok(None),
        },
        It::Chain { source, cur } => {
            let (source, mut c) = (*source, *cur);
            loop {
                if c.is_none() {
                    let Some(next_iterable) = vm.next(source)? else {
                        return finish(s);
                    };
                    c = vm.iter(next_iterable)?;
                    if let It::Chain { cur, .. } = st.get() {
                        *cur = c;
                    }
                }
                match vm.next(c)? {
                    Some(v) => return Ok(Some(v)),
                    None => {
                        c = Value::NONE;
                        if let It::Chain { cur, .. } = st.get() {
                            *cur = Value::NONE;
                        }
                    }
                }
            }
        }
        It::Islice {
            it,
            next,
            stop,
            step,
            cnt,
        } => {
            let (it, nx, stop, stp) = (*it, *next, *stop, *step);
            let mut c = *cnt;
            while c < nx {
                if vm.next(it)?.is_none() {
                    return finish(s);
                }
                c += 1;
                if let It::Islice { cnt, .. } = st.get() {
                    *cnt = c;
                }
            }
            if let Some(sp) = stop
                && c >= sp
            {
                return finish(s);
            }
            let Some(v) = vm.next(it)? else {
                return finish(s);
            };
            c += 1;
            if let It::Islice { next, cnt, .. } = st.get() {
                *cnt = c;
                let mut n2 = nx + stp;
                if let Some(sp) = stop
                    && n2 > sp
                {
                    n2 = sp;
                }
                *next = n2;
            }
            Ok(Some(v))
        }
        It::Product {
            pools,
            idx,
            first,
            done,
        } => {
            if *done {
                return Ok(None);
            }
            if *first {
                *first = false;
                if pools.iter().any(|p| p.is_empty()) {
                    *done = true;
                    return Ok(None);
                }
            } else {
                let mut i = pools.len();
                loop {
                    if i == 0 {
                        *done = true;
                        return Ok(None);
                    }
                    i -= 1;
                    idx[i] += 1;
                    if idx[i] < pools[i].len() {
                        break;
                    }
                    idx[i] = 0;
                }
            }
            let items: Vec<Value> = pools.iter().zip(idx.iter()).map(|(p, i)| p[*i]).collect();
            Ok(Some(vm.new_tuple(items)))
        }
        It::Perm {
            pool,
            idx,
            cycles,
            r,
            first,
            done,
        } => {
            let n = pool.len();
            let r = *r;
            if *done {
                return Ok(None);
            }
            if *first {
                *first = false;
                if r > n {
                    *done = true;
                    return Ok(None);
                }
            } else {
                if n == 0 {
                    *done = true;
                    return Ok(None);
                }
                let mut found = false;
                for i in (0..r).rev() {
                    cycles[i] -= 1;
                    if cycles[i] == 0 {
                        let x = idx.remove(i);
                        idx.push(x);
                        cycles[i] = n - i;
                    } else {
                        let j = cycles[i];
                        idx.swap(i, n - j);
                        found = true;
                        break;
                    }
                }
                if !found {
                    *done = true;
                    return Ok(None);
                }
            }
            let items: Vec<Value> = idx[..r].iter().map(|i| pool[*i]).collect();
            Ok(Some(vm.new_tuple(items)))
        }
        It::Comb {
            pool,
            idx,
            r,
            first,
            done,
        } => {
            let n = pool.len();
            let r = *r;
            if *done {
                return Ok(None);
            }
            if *first {
                *first = false;
                if r > n {
                    *done = true;
                    return Ok(None);
                }
            } else {
                let mut i = r;
                let mut found = false;
                while i > 0 {
                    i -= 1;
                    if idx[i] != i + n - r {
                        found = true;
                        break;
                    }
                }
                if !found {
                    *done = true;
                    return Ok(None);
                }
                idx[i] += 1;
                for j in i + 1..r {
                    idx[j] = idx[j - 1] + 1;
                }
            }
            let items: Vec<Value> = idx.iter().map(|i| pool[*i]).collect();
            Ok(Some(vm.new_tuple(items)))
        }
        It::CombRep {
            pool,
            idx,
            r,
            first,
            done,
        } => {
            let n = pool.len();
            let r = *r;
            if *done {
                return Ok(None);
            }
            if *first {
                *first = false;
                if n == 0 && r > 0 {
                    *done = true;
                    return Ok(None);
                }
            } else {
                let mut i = r;
                let mut found = false;
                while i > 0 {
                    i -= 1;
                    if idx[i] != n - 1 {
                        found = true;
                        break;
                    }
                }
                if !found {
                    *done = true;
                    return Ok(None);
                }
                let v = idx[i] + 1;
                for x in idx[i..].iter_mut() {
                    *x = v;
                }
            }
            let items: Vec<Value> = idx.iter().map(|i| pool[*i]).collect();
            Ok(Some(vm.new_tuple(items)))
        }
        It::Accumulate {
            it,
            func,
            total,
            initial,
        } => {
            if !initial.is_empty() {
                let v = *initial;
                *initial = Value::EMPTY;
                *total = v;
                return Ok(Some(v));
            }
            let (it, func, tot) = (*it, *func, *total);
            let Some(v) = vm.next(it)? else {
                return finish(s);
            };
            let n = if tot.is_empty() {
                v
            } else if func.is_none() {
                rooted(vm, &[v], |vm| vm.binary_op(BinOp::Add, tot, v))?
            } else {
                rooted(vm, &[v], |vm| vm.call(func, &[tot, v]))?
            };
            if let It::Accumulate { total, .. } = st.get() {
                *total = n;
            }
            Ok(Some(n))
        }
        It::GroupBy { .. } => groupby_next(vm, s),
        It::Grouper { parent, tgt, id } => {
            let (parent, tgt, id) = (*parent, *tgt, *id);
            let pst = state(parent);
            let It::GroupBy { curv, id: pid, .. } = pst.get() else {
                return finish(s);
            };
            if *pid != id {
                return finish(s);
            }
            if curv.is_empty() {
                if !groupby_step(vm, parent)? {
                    return finish(s);
                }
            }
            let It::GroupBy { curk, curv, .. } = pst.get() else {
                return finish(s);
            };
            let (k, v) = (*curk, *curv);
            if !vm.eq(tgt, k)? {
                return finish(s);
            }
            if let It::GroupBy { curv, .. } = pst.get() {
                *curv = Value::EMPTY;
            }
            Ok(Some(v))
        }
        It::ZipLongest { its, active, fill } => {
            if *active == 0 {
                return Ok(None);
            }
            let (list, fill) = (its.clone(), *fill);
            let mut out = Vec::with_capacity(list.len());
            let base = vm.temp_roots.len();
            for (i, it) in list.iter().enumerate() {
                if it.is_none() {
                    out.push(fill);
                    continue;
                }
                match vm.next(*it) {
                    Ok(Some(v)) => {
                        vm.temp_roots.push(v);
                        out.push(v)
                    }
                    Ok(None) => {
                        if let It::ZipLongest { its, active, .. } = st.get() {
                            *active -= 1;
                            its[i] = Value::NONE;
                            if *active == 0 {
                                vm.temp_roots.truncate(base);
                                return finish(s);
                            }
                        }
                        out.push(fill);
                    }
                    Err(e) => {
                        vm.temp_roots.truncate(base);
                        return Err(e);
                    }
                }
            }
            vm.temp_roots.truncate(base);
            Ok(Some(vm.new_tuple(out)))
        }
        It::TakeWhile { pred, it, done } => {
            if *done {
                return Ok(None);
            }
            let (pred, it) = (*pred, *it);
            let Some(v) = vm.next(it)? else {
                return finish(s);
            };
            let r = rooted(vm, &[v], |vm| vm.call(pred, &[v]))?;
            if vm.truthy(r)? {
                Ok(Some(v))
            } else {
                finish(s)
            }
        }
        It::DropWhile { pred, it, dropping } => {
            let (pred, it, drop) = (*pred, *it, *dropping);
            loop {
                let Some(v) = vm.next(it)? else {
                    return finish(s);
                };
                if !drop {
                    return Ok(Some(v));
                }
                let r = rooted(vm, &[v], |vm| vm.call(pred, &[v]))?;
                if !vm.truthy(r)? {
                    if let It::DropWhile { dropping, .. } = st.get() {
                        *dropping = false;
                    }
                    return Ok(Some(v));
                }
            }
        }
        It::StarMap { func, it } => {
            let (func, it) = (*func, *it);
            let Some(v) = vm.next(it)? else {
                return finish(s);
            };
            let args = rooted(vm, &[v], |vm| vm.collect_iter(v))?;
            rooted(vm, &args, |vm| vm.call(func, &args)).map(Some)
        }
        It::Tee { shared, pos } => {
            let (sh, p) = (*shared, *pos);
            let t = native::<TeeShared>(sh).expect("tee");
            if p < t.buf.get().len() {
                let v = t.buf.get()[p];
                if let It::Tee { pos, .. } = st.get() {
                    *pos += 1;
                }
                return Ok(Some(v));
            }
            let Some(v) = vm.next(t.it)? else {
                return Ok(None);
            };
            t.buf.get().push(v);
            if let It::Tee { pos, .. } = st.get() {
                *pos += 1;
            }
            Ok(Some(v))
        }
        It::Compress { data, sel } => {
            let (data, sel) = (*data, *sel);
            loop {
                let Some(d) = vm.next(data)? else {
                    return finish(s);
                };
                let Some(x) = rooted(vm, &[d], |vm| vm.next(sel))? else {
                    return finish(s);
                };
                if vm.truthy(x)? {
                    return Ok(Some(d));
                }
            }
        }
        It::FilterFalse { pred, it } => {
            let (pred, it) = (*pred, *it);
            loop {
                let Some(v) = vm.next(it)? else {
                    return finish(s);
                };
                let keep = if pred.is_none() {
                    vm.truthy(v)?
                } else {
                    let r = rooted(vm, &[v], |vm| vm.call(pred, &[v]))?;
                    vm.truthy(r)?
                };
                if !keep {
                    return Ok(Some(v));
                }
            }
        }
        It::Pairwise { it, old } => {
            let (it, mut o) = (*it, *old);
            if o.is_empty() {
                match vm.next(it)? {
                    Some(v) => o = v,
                    None => return finish(s),
                }
                if let It::Pairwise { old, .. } = st.get() {
                    *old = o;
                }
            }
            let Some(v) = vm.next(it)? else {
                return finish(s);
            };
            if let It::Pairwise { old, .. } = st.get() {
                *old = v;
            }
            Ok(Some(vm.new_tuple(vec![o, v])))
        }
    }
}

/// Advances the groupby's underlying iterator: sets curv/curk. False when exhausted.
fn groupby_step(vm: &mut Vm, g: Value) -> PyResult<bool> {
    let st = state(g);
    let It::GroupBy { it, key, .. } = st.get() else {
        return Ok(false);
    };
    let (it, key) = (*it, *key);
    let Some(v) = vm.next(it)? else {
        return Ok(false);
    };
    let k = if key.is_none() {
        v
    } else {
        rooted(vm, &[v], |vm| vm.call(key, &[v]))?
    };
    if let It::GroupBy { curk, curv, .. } = st.get() {
        *curk = k;
        *curv = v;
    }
    Ok(true)
}

fn groupby_next(vm: &mut Vm, g: Value) -> PyResult<Option<Value>> {
    let st = state(g);
    if let It::GroupBy { id, .. } = st.get() {
        *id += 1;
    }
    loop {
        let It::GroupBy {
            tgt, curk, curv, ..
        } = st.get()
        else {
            return Ok(None);
        };
        let (t, k, v) = (*tgt, *curk, *curv);
        if v.is_empty() {
            if !groupby_step(vm, g)? {
                return finish(g);
            }
            continue;
        }
        if t.is_empty() || !vm.eq(t, k)? {
            break;
        }
        if !groupby_step(vm, g)? {
            return finish(g);
        }
    }
    let It::GroupBy { tgt, curk, id, .. } = st.get() else {
        return Ok(None);
    };
    *tgt = *curk;
    let (k, id) = (*curk, *id);
    let grouper = new_it(
        vm,
        "_grouper",
        It::Grouper {
            parent: g,
            tgt: k,
            id,
        },
    );
    Ok(Some(vm.new_tuple(vec![k, grouper])))
}

// ---- constructors -------------------------------------------------------------------

// The constructors' signatures (CPython's Argument Clinic declarations).
const COUNT: Sig<2> = Sig::new("count", ["start", "step"])
    .posonly(0)
    .required(0)
    .constructor();
const CYCLE: Sig<1> = Sig::new("cycle", ["iterable"]).constructor();
const REPEAT: Sig<2> = Sig::new("repeat", ["object", "times"])
    .posonly(0)
    .required(1)
    .constructor();
const CHAIN: Sig<0> = Sig::new("chain", []).varargs().constructor();
const FROM_ITERABLE: Sig<1> = Sig::new("from_iterable", ["iterable"]).method();
/// islice(iterable, stop) or islice(iterable, start, stop[, step])
const ISLICE: Sig<4> = Sig::new("islice", ["iterable", "start", "stop", "step"])
    .required(2)
    .constructor();
const PERMUTATIONS: Sig<2> = Sig::new("permutations", ["iterable", "r"])
    .posonly(0)
    .required(1)
    .constructor();
const COMBINATIONS: Sig<2> = Sig::new("combinations", ["iterable", "r"])
    .posonly(0)
    .constructor();
const CWR: Sig<2> = Sig::new("combinations_with_replacement", ["iterable", "r"])
    .posonly(0)
    .constructor();
const ACCUMULATE: Sig<3> = Sig::new("accumulate", ["iterable", "func", "initial"])
    .kwonly(2)
    .posonly(0)
    .required(1)
    .constructor();
const GROUPBY: Sig<2> = Sig::new("groupby", ["iterable", "key"])
    .posonly(0)
    .required(1)
    .constructor();
const PRED_IT: [Sig<2>; 4] = [
    Sig::new("takewhile", ["predicate", "iterable"]).constructor(),
    Sig::new("dropwhile", ["predicate", "iterable"]).constructor(),
    Sig::new("starmap", ["function", "iterable"]).constructor(),
    Sig::new("filterfalse", ["function", "iterable"]).constructor(),
];
const COMPRESS: Sig<2> = Sig::new("compress", ["data", "selectors"])
    .posonly(0)
    .constructor();
const PAIRWISE: Sig<1> = Sig::new("pairwise", ["iterable"]).constructor();
const TEE: Sig<2> = Sig::new("tee", ["iterable", "n"])
    .required(1)
    .owner("itertools");

fn count_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = COUNT.bind(vm, &a)?;
    let start = b.get(0).unwrap_or(Value::small_int(0));
    let step = b.get(1).unwrap_or(Value::small_int(1));
    for v in [start, step] {
        // CPython's PyNumber_Check: an int, a float, a complex, or anything with
        // __index__, __int__ or __float__ (Decimal, Fraction, int subclasses)
        let number = vm.to_num(v).is_some()
            || ["__index__", "__int__", "__float__", "__complex__"]
                .iter()
                .any(|d| vm.dunder(v, d).is_some());
        if !number {
            return Err(vm.type_error("a number is required"));
        }
    }
    Ok(new_it(vm, "count", It::Count { cur: start, step }))
}

fn count_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = NOARGS.bind(vm, &a)?.recv;
    let It::Count { cur, step } = state_of(vm, s, "__repr__")?.get() else {
        return Ok(vm.new_str("count()"));
    };
    let (c, d) = (*cur, *step);
    let cs = vm.repr_string(c)?;
    let s = if d.is_small_int() && d.as_small_int() == 1 {
        format!("count({cs})")
    } else {
        format!("count({cs}, {})", vm.repr_string(d)?)
    };
    Ok(vm.new_string(s))
}

fn cycle_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let src = CYCLE.bind(vm, &a)?.req(0);
    let it = vm.iter(src)?;
    Ok(new_it(
        vm,
        "cycle",
        It::Cycle {
            it,
            saved: Vec::new(),
            idx: 0,
            replay: false,
        },
    ))
}

fn repeat_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = REPEAT.bind(vm, &a)?;
    let obj = b.req(0);
    let left = match b.get(1) {
        Some(_) => Some(b.ssize(vm, 1)?.max(0)),
        None => None,
    };
    Ok(new_it(vm, "repeat", It::Repeat { obj, left }))
}

fn repeat_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = NOARGS.bind(vm, &a)?.recv;
    let It::Repeat { obj, left } = state_of(vm, s, "__repr__")?.get() else {
        return Ok(vm.new_str("repeat()"));
    };
    let (o, l) = (*obj, *left);
    let os = vm.repr_string(o)?;
    let s = match l {
        Some(n) => format!("repeat({os}, {n})"),
        None => format!("repeat({os})"),
    };
    Ok(vm.new_string(s))
}

fn repeat_len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = NOARGS.bind(vm, &a)?.recv;
    match state_of(vm, s, "__length_hint__")?.get() {
        It::Repeat { left: Some(n), .. } => Ok(vm.new_int(*n)),
        _ => Err(vm.type_error("len() of unsized object")),
    }
}

fn chain_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = CHAIN.bind(vm, &a)?;
    let t = vm.new_tuple(b.rest.to_vec());
    let source = vm.iter(t)?;
    Ok(new_it(
        vm,
        "chain",
        It::Chain {
            source,
            cur: Value::NONE,
        },
    ))
}

fn chain_from_iterable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let src = FROM_ITERABLE.bind(vm, &a)?.req(0);
    let source = vm.iter(src)?;
    Ok(new_it(
        vm,
        "chain",
        It::Chain {
            source,
            cur: Value::NONE,
        },
    ))
}

fn islice_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = ISLICE.bind(vm, &a)?;
    let it = vm.iter(b.req(0))?;
    let parse = |vm: &mut Vm, v: Value, what: &str| -> PyResult<Option<i64>> {
        if v.is_none() {
            return Ok(None);
        }
        match vm.index_of(v)? {
            Some(i) if i >= 0 => Ok(Some(i)),
            _ => Err(vm.value_error(&format!(
                "{what} argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
            ))),
        }
    };
    let (start, stop, step) = if b.get(2).is_none() {
        (0, parse(vm, b.req(1), "Stop")?, 1)
    } else {
        let start = parse(vm, b.req(1), "Indices")?.unwrap_or(0);
        let stop = parse(vm, b.req(2), "Stop")?;
        let step = match b.get(3) {
            Some(v) if !v.is_none() => match vm.index_of(v)? {
                Some(i) if i >= 1 => i,
                _ => {
                    return Err(
                        vm.value_error("Step for islice() must be a positive integer or None.")
                    );
                }
            },
            _ => 1,
        };
        (start, stop, step)
    };
    Ok(new_it(
        vm,
        "islice",
        It::Islice {
            it,
            next: start,
            stop,
            step,
            cnt: 0,
        },
    ))
}

/// `product(*iterables, repeat=1)`
const PRODUCT: Sig<1> = Sig::new("product", ["repeat"])
    .kwonly(0)
    .required(0)
    .varargs()
    .constructor();
/// `zip_longest(*iterables, fillvalue=None)`
const ZIP_LONGEST: Sig<1> = Sig::new("zip_longest", ["fillvalue"])
    .kwonly(0)
    .required(0)
    .varargs()
    .constructor();

fn product_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = PRODUCT.bind(vm, &a)?;
    let repeat = b.ssize_or(vm, 0, 1)?;
    if repeat < 0 {
        return Err(vm.value_error("repeat argument cannot be negative"));
    }
    let mut pools = Vec::new();
    let base = vm.temp_roots.len();
    for &p in b.rest {
        match vm.collect_iter(p) {
            Ok(items) => {
                vm.temp_roots.extend_from_slice(&items);
                pools.push(items);
            }
            Err(e) => {
                vm.temp_roots.truncate(base);
                return Err(e);
            }
        }
    }
    vm.temp_roots.truncate(base);
    let mut all = Vec::new();
    for _ in 0..repeat {
        all.extend(pools.iter().cloned());
    }
    let idx = vec![0; all.len()];
    Ok(new_it(
        vm,
        "product",
        It::Product {
            pools: all,
            idx,
            first: true,
            done: false,
        },
    ))
}

fn permutations_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = PERMUTATIONS.bind(vm, &a)?;
    let pool = vm.collect_iter(b.req(0))?;
    let n = pool.len();
    let r = match b.opt(1) {
        Some(_) => {
            let r = b.ssize(vm, 1)?;
            if r < 0 {
                return Err(vm.value_error("r must be non-negative"));
            }
            r as usize
        }
        _ => n,
    };
    let idx: Vec<usize> = (0..n).collect();
    let cycles: Vec<usize> = (0..r.min(n)).map(|i| n - i).collect();
    Ok(new_it(
        vm,
        "permutations",
        It::Perm {
            pool,
            idx,
            cycles,
            r,
            first: true,
            done: false,
        },
    ))
}

fn comb_args(vm: &mut Vm, a: &Args, sig: &Sig<2>) -> PyResult<(Vec<Value>, usize)> {
    let b = sig.bind(vm, a)?;
    let src = b.req(0);
    let r = b.ssize(vm, 1)?;
    if r < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    vm.check_alloc(r as u128, 8)?;
    let pool = vm.collect_iter(src)?;
    Ok((pool, r as usize))
}

fn combinations_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (pool, r) = comb_args(vm, &a, &COMBINATIONS)?;
    let idx: Vec<usize> = (0..r).collect();
    Ok(new_it(
        vm,
        "combinations",
        It::Comb {
            pool,
            idx,
            r,
            first: true,
            done: false,
        },
    ))
}

fn cwr_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (pool, r) = comb_args(vm, &a, &CWR)?;
    let idx = vec![0; r];
    Ok(new_it(
        vm,
        "combinations_with_replacement",
        It::CombRep {
            pool,
            idx,
            r,
            first: true,
            done: false,
        },
    ))
}

fn accumulate_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = ACCUMULATE.bind(vm, &a)?;
    let it = vm.iter(b.req(0))?;
    let func = b.get(1).unwrap_or(Value::NONE);
    let initial = b.opt(2).unwrap_or(Value::EMPTY);
    Ok(new_it(
        vm,
        "accumulate",
        It::Accumulate {
            it,
            func,
            total: Value::EMPTY,
            initial,
        },
    ))
}

fn groupby_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = GROUPBY.bind(vm, &a)?;
    let it = vm.iter(b.req(0))?;
    let key = b.get(1).unwrap_or(Value::NONE);
    Ok(new_it(
        vm,
        "groupby",
        It::GroupBy {
            it,
            key,
            tgt: Value::EMPTY,
            curk: Value::EMPTY,
            curv: Value::EMPTY,
            id: 0,
        },
    ))
}

fn zip_longest_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = ZIP_LONGEST.bind(vm, &a)?;
    let fill = b.get(0).unwrap_or(Value::NONE);
    let mut its = Vec::new();
    let base = vm.temp_roots.len();
    for &x in b.rest {
        match vm.iter(x) {
            Ok(i) => {
                vm.temp_roots.push(i);
                its.push(i)
            }
            Err(e) => {
                vm.temp_roots.truncate(base);
                return Err(e);
            }
        }
    }
    vm.temp_roots.truncate(base);
    let active = its.len();
    Ok(new_it(
        vm,
        "zip_longest",
        It::ZipLongest { its, active, fill },
    ))
}

fn pred_it(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(Value, Value)> {
    let sig = PRED_IT
        .iter()
        .find(|s| s.name == name)
        .unwrap_or(&PRED_IT[0]);
    let b = sig.bind(vm, a)?;
    let it = vm.iter(b.req(1))?;
    Ok((b.req(0), it))
}

fn takewhile_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (pred, it) = pred_it(vm, &a, "takewhile")?;
    Ok(new_it(
        vm,
        "takewhile",
        It::TakeWhile {
            pred,
            it,
            done: false,
        },
    ))
}

fn dropwhile_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (pred, it) = pred_it(vm, &a, "dropwhile")?;
    Ok(new_it(
        vm,
        "dropwhile",
        It::DropWhile {
            pred,
            it,
            dropping: true,
        },
    ))
}

fn starmap_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (func, it) = pred_it(vm, &a, "starmap")?;
    Ok(new_it(vm, "starmap", It::StarMap { func, it }))
}

fn filterfalse_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (pred, it) = pred_it(vm, &a, "filterfalse")?;
    Ok(new_it(vm, "filterfalse", It::FilterFalse { pred, it }))
}

fn compress_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = COMPRESS.bind(vm, &a)?;
    let (d, sel) = (b.req(0), b.req(1));
    let data = vm.iter(d)?;
    let sel = rooted(vm, &[data], |vm| vm.iter(sel))?;
    Ok(new_it(vm, "compress", It::Compress { data, sel }))
}

fn pairwise_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let src = PAIRWISE.bind(vm, &a)?.req(0);
    let it = vm.iter(src)?;
    Ok(new_it(
        vm,
        "pairwise",
        It::Pairwise {
            it,
            old: Value::EMPTY,
        },
    ))
}

fn tee(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = TEE.bind(vm, &a)?;
    let n = b.ssize_or(vm, 1, 2)?;
    if n < 0 {
        return Err(vm.value_error("n must be >= 0"));
    }
    vm.check_alloc(n as u128, 64)?;
    let it = vm.iter(b.req(0))?;
    let t = ty("_tee_dataobject");
    let shared = vm.alloc(
        t,
        ObjData::Native(Box::new(TeeShared {
            it,
            buf: Mut::new(Vec::new()),
        })),
    );
    let mut out = Vec::new();
    vm.temp_roots.push(shared);
    for _ in 0..n {
        let x = new_it(vm, "_tee", It::Tee { shared, pos: 0 });
        vm.temp_roots.push(x);
        out.push(x);
    }
    let base = vm.temp_roots.len() - out.len() - 1;
    vm.temp_roots.truncate(base);
    Ok(vm.new_tuple(out))
}

// ---- registration -------------------------------------------------------------------

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("itertools", init);
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("itertools");
    let obj = vm.types.object;
    let kinds: [(&'static str, crate::object::NativeFn); 19] = [
        ("count", count_new),
        ("cycle", cycle_new),
        ("repeat", repeat_new),
        ("chain", chain_new),
        ("islice", islice_new),
        ("product", product_new),
        ("permutations", permutations_new),
        ("combinations", combinations_new),
        ("combinations_with_replacement", cwr_new),
        ("accumulate", accumulate_new),
        ("groupby", groupby_new),
        ("zip_longest", zip_longest_new),
        ("takewhile", takewhile_new),
        ("dropwhile", dropwhile_new),
        ("starmap", starmap_new),
        ("filterfalse", filterfalse_new),
        ("compress", compress_new),
        ("pairwise", pairwise_new),
        ("_grouper", |vm, _a| {
            Err(vm.type_error("cannot create 'itertools._grouper' instances"))
        }),
    ];
    for (name, ctor) in kinds {
        let t = make_type(vm, name, name, "itertools", obj);
        vm.add_method(t, "__new__", ctor);
        vm.add_method(t, "__iter__", iter_self);
        vm.add_method(t, "__next__", it_next);
        if !name.starts_with('_') {
            set_attr(vm, m, name, t);
        }
    }
    let t = make_type(vm, "_tee", "_tee", "itertools", obj);
    vm.add_method(t, "__iter__", iter_self);
    vm.add_method(t, "__next__", it_next);
    make_type(vm, "_tee_dataobject", "_tee_dataobject", "itertools", obj);
    vm.add_method(ty("count"), "__repr__", count_repr);
    vm.add_method(ty("repeat"), "__repr__", repeat_repr);
    vm.add_method(ty("repeat"), "__length_hint__", repeat_len);
    let f = vm.new_builtin("from_iterable", chain_from_iterable);
    let cm = vm.alloc(vm.types.classmethod, ObjData::ClassMethod(f));
    let k = vm.intern("from_iterable");
    vm.type_set_attr(ty("chain"), k, cm);
    let d = vm.module_dict(m);
    vm.add_fn(d, "tee", tee);
    let _ = str_of;
    Ok(m)
}
