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
        /// CPython's `firstpass` (set by `__setstate__`): what `it` yields is
        /// not saved.
        firstpass: bool,
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

/// A new iterator of the class `a`'s receiver names (a subclass of the type
/// `key` names, as `class C(itertools.count)` makes), else of that type.
fn new_in(vm: &mut Vm, a: &Args, key: &'static str, st: It) -> Value {
    let base = ty(key);
    let t = match a.pos.first() {
        Some(&c) if crate::vm::types::is_type(c) && vm.is_subclass(c, base) => c,
        _ => base,
    };
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
            ..
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
                    if let It::Cycle {
                        saved,
                        firstpass: false,
                        ..
                    } = st.get()
                    {
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
                // (past sys.maxsize, CPython's next wraps and is set to stop)
                let mut n2 = nx.checked_add(stp).unwrap_or(stop.unwrap_or(i64::MAX));
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
                            if *active == 0 {
                                // (the last one stays, as in CPython's reduction)
                                vm.temp_roots.truncate(base);
                                return Ok(None);
                            }
                            its[i] = Value::NONE;
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
                return Ok(None);
            };
            let r = rooted(vm, &[v], |vm| vm.call(pred, &[v]))?;
            if vm.truthy(r)? {
                Ok(Some(v))
            } else {
                if let It::TakeWhile { done, .. } = st.get() {
                    *done = true;
                }
                Ok(None)
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
    Ok(new_in(vm, &a, "count", It::Count { cur: start, step }))
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
    Ok(new_in(
        vm,
        &a,
        "cycle",
        It::Cycle {
            it,
            saved: Vec::new(),
            idx: 0,
            replay: false,
            firstpass: false,
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
    Ok(new_in(vm, &a, "repeat", It::Repeat { obj, left }))
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
    let t = vm.new_tuple_from(b.rest);
    let source = vm.iter(t)?;
    Ok(new_in(
        vm,
        &a,
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
    Ok(new_in(
        vm,
        &a,
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
    Ok(new_in(
        vm,
        &a,
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
    Ok(new_in(
        vm,
        &a,
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
    Ok(new_in(
        vm,
        &a,
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
    Ok(new_in(
        vm,
        &a,
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
    Ok(new_in(
        vm,
        &a,
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
    Ok(new_in(
        vm,
        &a,
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
    Ok(new_in(
        vm,
        &a,
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
    Ok(new_in(
        vm,
        &a,
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
    Ok(new_in(
        vm,
        &a,
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
    Ok(new_in(
        vm,
        &a,
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
    Ok(new_in(vm, &a, "starmap", It::StarMap { func, it }))
}

fn filterfalse_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (pred, it) = pred_it(vm, &a, "filterfalse")?;
    Ok(new_in(vm, &a, "filterfalse", It::FilterFalse { pred, it }))
}

fn compress_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = COMPRESS.bind(vm, &a)?;
    let (d, sel) = (b.req(0), b.req(1));
    let data = vm.iter(d)?;
    let sel = rooted(vm, &[data], |vm| vm.iter(sel))?;
    Ok(new_in(vm, &a, "compress", It::Compress { data, sel }))
}

fn pairwise_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let src = PAIRWISE.bind(vm, &a)?.req(0);
    let it = vm.iter(src)?;
    Ok(new_in(
        vm,
        &a,
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
    if n == 0 {
        return Ok(vm.new_tuple(Vec::new()));
    }
    vm.check_alloc(n as u128, 64)?;
    // CPython's: the iterator itself when it has __copy__, else a _tee over it;
    // the others are copies of that first one
    let it = vm.iter(b.req(0))?;
    let base = vm.temp_roots.len();
    vm.temp_roots.push(it);
    let r = (|| {
        let k = vm.intern("__copy__");
        let first = match vm.getattr(it, k) {
            Ok(_) => it,
            Err(e) if vm.matches(e.0, "AttributeError") => {
                let shared = new_tee_data(vm, it, Vec::new());
                vm.temp_roots.push(shared);
                new_it(vm, "_tee", It::Tee { shared, pos: 0 })
            }
            Err(e) => return Err(e),
        };
        vm.temp_roots.push(first);
        let copy = vm.getattr(first, k)?;
        vm.temp_roots.push(copy);
        let mut out = vec![first];
        for _ in 1..n {
            let x = vm.call(copy, &[])?;
            vm.temp_roots.push(x);
            out.push(x);
        }
        Ok(vm.new_tuple(out))
    })();
    vm.temp_roots.truncate(base);
    r
}

// ---- pickling: __reduce__ and __setstate__ as CPython 3.11's ------------------------

/// The types with CPython's `__reduce__`, and those with its `__setstate__`.
const REDUCIBLE: [&str; 19] = [
    "count",
    "cycle",
    "repeat",
    "chain",
    "islice",
    "product",
    "permutations",
    "combinations",
    "combinations_with_replacement",
    "accumulate",
    "groupby",
    "_grouper",
    "zip_longest",
    "takewhile",
    "dropwhile",
    "starmap",
    "filterfalse",
    "compress",
    "_tee",
];
const SETTABLE: [&str; 13] = [
    "cycle",
    "chain",
    "islice",
    "product",
    "permutations",
    "combinations",
    "combinations_with_replacement",
    "accumulate",
    "groupby",
    "zip_longest",
    "takewhile",
    "dropwhile",
    "_tee",
];

/// A tuple kept rooted until the reduction returns (the caller truncates
/// `temp_roots`).
fn tup(vm: &mut Vm, items: Vec<Value>) -> Value {
    let t = vm.new_tuple(items);
    vm.temp_roots.push(t);
    t
}

/// A list kept rooted the same way.
fn rooted_list(vm: &mut Vm, items: Vec<Value>) -> Value {
    let l = vm.new_list(items);
    vm.temp_roots.push(l);
    l
}

/// `iter([])`, rooted.
fn empty_iter(vm: &mut Vm) -> PyResult<Value> {
    let l = rooted_list(vm, Vec::new());
    let i = vm.iter(l)?;
    vm.temp_roots.push(i);
    Ok(i)
}

/// The reduction of `permutations`, `combinations` and
/// `combinations_with_replacement` over `pool` taking `r`, as CPython's:
/// `(cls, (pool, r))` before the first result, `(cls, (pool, r), state)`
/// after, and `(cls, ((), r))` once exhausted.
fn pool_reduce(
    vm: &mut Vm,
    cls: Value,
    pool: Vec<Value>,
    r: usize,
    done: bool,
    first: bool,
    state: impl FnOnce(&mut Vm) -> Value,
) -> Value {
    let r = vm.new_int(r as i64);
    vm.temp_roots.push(r);
    if done && !first {
        let e = tup(vm, vec![]);
        let args = tup(vm, vec![e, r]);
        return tup(vm, vec![cls, args]);
    }
    let p = tup(vm, pool);
    let args = tup(vm, vec![p, r]);
    if first {
        tup(vm, vec![cls, args])
    } else {
        let st = state(vm);
        tup(vm, vec![cls, args, st])
    }
}

fn ints(vm: &mut Vm, xs: &[usize]) -> Value {
    let items = xs.iter().map(|&i| Value::small_int(i as i64)).collect();
    tup(vm, items)
}

fn it_reduce(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = NOARGS.bind(vm, &a)?.recv;
    state_of(vm, s, "__reduce__")?;
    let base = vm.temp_roots.len();
    let r = reduce_of(vm, s);
    vm.temp_roots.truncate(base);
    r
}

/// The registered type `s` is an instance of (for an exhausted iterator, whose
/// state no longer says).
fn kind_of(vm: &Vm, s: Value) -> &'static str {
    REDUCIBLE
        .iter()
        .copied()
        .find(|k| vm.isinstance(s, ty(k)))
        .unwrap_or("")
}

fn reduce_of(vm: &mut Vm, s: Value) -> PyResult<Value> {
    let cls = vm.type_of(s);
    let none = Value::NONE;
    let rep = matches!(state(s).get(), It::CombRep { .. });
    let r = match state(s).get() {
        It::Count { cur, step } => {
            let (c, d) = (*cur, *step);
            // CPython's fast mode (an int start below sys.maxsize, step 1)
            // reduces to the count alone
            let fast = vm.is_intlike(c)
                && vm.to_i64(c).is_some_and(|i| i < i64::MAX)
                && vm.is_intlike(d)
                && vm.to_i64(d) == Some(1);
            let args = if fast {
                let n = vm.to_i64(c).unwrap_or(0);
                let n = vm.new_int(n);
                vm.temp_roots.push(n);
                tup(vm, vec![n])
            } else {
                tup(vm, vec![c, d])
            };
            tup(vm, vec![cls, args])
        }
        It::Cycle {
            it,
            saved,
            idx,
            replay,
            firstpass,
        } => {
            let (it, saved, idx, replay, firstpass) =
                (*it, saved.clone(), *idx, *replay, *firstpass);
            let l = rooted_list(vm, saved);
            if replay {
                let i = vm.iter(l)?;
                vm.temp_roots.push(i);
                if idx != 0 {
                    let n = Value::small_int(idx as i64);
                    vm.call_method(i, "__setstate__", &[n])?;
                }
                let args = tup(vm, vec![i]);
                let st = tup(vm, vec![l, Value::TRUE]);
                tup(vm, vec![cls, args, st])
            } else {
                let args = tup(vm, vec![it]);
                let st = tup(vm, vec![l, Value::bool(firstpass)]);
                tup(vm, vec![cls, args, st])
            }
        }
        It::Repeat { obj, left } => {
            let (o, l) = (*obj, *left);
            let args = match l {
                Some(n) => {
                    let n = vm.new_int(n);
                    vm.temp_roots.push(n);
                    tup(vm, vec![o, n])
                }
                None => tup(vm, vec![o]),
            };
            tup(vm, vec![cls, args])
        }
        It::Chain { source, cur } => {
            let (src, c) = (*source, *cur);
            let args = tup(vm, vec![]);
            let st = if c.is_none() {
                tup(vm, vec![src])
            } else {
                tup(vm, vec![src, c])
            };
            tup(vm, vec![cls, args, st])
        }
        It::Islice {
            it,
            next,
            stop,
            step,
            cnt,
        } => {
            let (it, nx, stop, stp, c) = (*it, *next, *stop, *step, *cnt);
            let vals = [Some(nx), stop, Some(stp), Some(c)].map(|x| match x {
                Some(i) => vm.new_int(i),
                None => none,
            });
            vm.temp_roots.extend_from_slice(&vals);
            let args = tup(vm, vec![it, vals[0], vals[1], vals[2]]);
            tup(vm, vec![cls, args, vals[3]])
        }
        It::Product {
            pools,
            idx,
            first,
            done,
        } => {
            let (pools, idx, first, done) = (pools.clone(), idx.clone(), *first, *done);
            if done {
                let e = tup(vm, vec![]);
                let args = tup(vm, vec![e]);
                tup(vm, vec![cls, args])
            } else {
                let ps: Vec<Value> = pools.into_iter().map(|p| tup(vm, p)).collect();
                let ps = tup(vm, ps);
                if first {
                    tup(vm, vec![cls, ps])
                } else {
                    let st = ints(vm, &idx);
                    tup(vm, vec![cls, ps, st])
                }
            }
        }
        It::Perm {
            pool,
            idx,
            cycles,
            r,
            first,
            done,
        } => {
            let (pool, idx, cycles, r, done) =
                (pool.clone(), idx.clone(), cycles.clone(), *r, *done);
            // (r > n: nothing was ever produced, as CPython's "no result yet")
            let first = *first || r > pool.len();
            pool_reduce(vm, cls, pool, r, done, first, |vm| {
                let i = ints(vm, &idx);
                let c = ints(vm, &cycles);
                tup(vm, vec![i, c])
            })
        }
        It::Comb {
            pool,
            idx,
            r,
            first,
            done,
        }
        | It::CombRep {
            pool,
            idx,
            r,
            first,
            done,
        } => {
            let (pool, idx, r, done) = (pool.clone(), idx.clone(), *r, *done);
            let first = *first || (!rep && r > pool.len());
            pool_reduce(vm, cls, pool, r, done, first, |vm| ints(vm, &idx))
        }
        It::Accumulate {
            it,
            func,
            total,
            initial,
        } => {
            let (it, func, total, initial) = (*it, *func, *total, *initial);
            if !initial.is_empty() {
                // chain((initial,), it), with the total unset
                let first = tup(vm, vec![initial]);
                let chained = vm.call(ty("chain"), &[first, it])?;
                vm.temp_roots.push(chained);
                let args = tup(vm, vec![chained, func]);
                tup(vm, vec![cls, args, none])
            } else if total.is_none() {
                // a total of None cannot be a state (pickle skips a None state):
                // islice(cls(chain((None,), it), func), 1, None)
                let first = tup(vm, vec![none]);
                let chained = vm.call(ty("chain"), &[first, it])?;
                vm.temp_roots.push(chained);
                let acc = vm.call(cls, &[chained, func])?;
                vm.temp_roots.push(acc);
                let args = tup(vm, vec![acc, Value::small_int(1), none]);
                tup(vm, vec![ty("islice"), args])
            } else {
                let args = tup(vm, vec![it, func]);
                let t = if total.is_empty() { none } else { total };
                tup(vm, vec![cls, args, t])
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
            let (it, key, tgt, curk, curv) = (*it, *key, *tgt, *curk, *curv);
            let args = tup(vm, vec![it, key]);
            if tgt.is_empty() || curk.is_empty() || curv.is_empty() {
                tup(vm, vec![cls, args])
            } else {
                let st = tup(vm, vec![curk, curv, tgt]);
                tup(vm, vec![cls, args, st])
            }
        }
        It::Grouper { parent, tgt, id } => {
            let (parent, tgt, id) = (*parent, *tgt, *id);
            let current = matches!(state(parent).get(), It::GroupBy { id: pid, .. } if *pid == id);
            if current {
                let args = tup(vm, vec![parent, tgt]);
                tup(vm, vec![cls, args])
            } else {
                let e = tup(vm, vec![]);
                let args = tup(vm, vec![e]);
                let k = vm.intern("iter");
                let f = vm.dict_get_str(vm.builtins, k).unwrap_or(none);
                tup(vm, vec![f, args])
            }
        }
        It::ZipLongest { its, fill, .. } => {
            let (its, fill) = (its.clone(), *fill);
            let items: Vec<Value> = its
                .into_iter()
                .map(|i| if i.is_none() { tup(vm, vec![]) } else { i })
                .collect();
            let args = tup(vm, items);
            tup(vm, vec![cls, args, fill])
        }
        It::TakeWhile { pred, it, done } => {
            let (p, i, d) = (*pred, *it, *done);
            let args = tup(vm, vec![p, i]);
            tup(vm, vec![cls, args, Value::small_int(d as i64)])
        }
        It::DropWhile { pred, it, dropping } => {
            let (p, i, d) = (*pred, *it, *dropping);
            let args = tup(vm, vec![p, i]);
            tup(vm, vec![cls, args, Value::small_int(!d as i64)])
        }
        It::StarMap { func: a, it: b }
        | It::FilterFalse { pred: a, it: b }
        | It::Compress { data: a, sel: b } => {
            let (a, b) = (*a, *b);
            let args = tup(vm, vec![a, b]);
            tup(vm, vec![cls, args])
        }
        It::Tee { shared, pos } => {
            let (sh, p) = (*shared, *pos);
            let e = tup(vm, vec![]);
            let args = tup(vm, vec![e]);
            let st = tup(vm, vec![sh, Value::small_int(p as i64)]);
            tup(vm, vec![cls, args, st])
        }
        It::Pairwise { .. } => {
            return Err(vm.type_error("cannot pickle 'itertools.pairwise' object"));
        }
        It::Done => return reduce_exhausted(vm, s, cls),
    };
    Ok(r)
}

/// The reduction of an exhausted iterator: one of its type that yields nothing.
fn reduce_exhausted(vm: &mut Vm, s: Value, cls: Value) -> PyResult<Value> {
    let none = Value::NONE;
    Ok(match kind_of(vm, s) {
        "chain" | "zip_longest" => {
            let args = tup(vm, vec![]);
            tup(vm, vec![cls, args])
        }
        "islice" => {
            let e = empty_iter(vm)?;
            let zero = Value::small_int(0);
            let args = tup(vm, vec![e, zero]);
            tup(vm, vec![cls, args, zero])
        }
        "accumulate" | "groupby" => {
            let e = empty_iter(vm)?;
            let args = tup(vm, vec![e, none]);
            tup(vm, vec![cls, args])
        }
        "takewhile" | "dropwhile" => {
            let e = empty_iter(vm)?;
            let args = tup(vm, vec![none, e]);
            tup(vm, vec![cls, args, Value::small_int(1)])
        }
        "starmap" | "filterfalse" => {
            let e = empty_iter(vm)?;
            let args = tup(vm, vec![none, e]);
            tup(vm, vec![cls, args])
        }
        "compress" => {
            let e = empty_iter(vm)?;
            let args = tup(vm, vec![e, e]);
            tup(vm, vec![cls, args])
        }
        _ => {
            let e = tup(vm, vec![]);
            let args = tup(vm, vec![e]);
            let k = vm.intern("iter");
            let f = vm.dict_get_str(vm.builtins, k).unwrap_or(none);
            tup(vm, vec![f, args])
        }
    })
}

const SETSTATE: Sig<1> = Sig::new("__setstate__", ["state"]).method();

/// A state that must be a tuple of `lo..=hi` items (CPython's
/// `PyArg_ParseTuple` messages).
fn state_tuple(vm: &mut Vm, st: Value, lo: usize, hi: usize) -> PyResult<Vec<Value>> {
    let Some(items) = vm.tuple_items(st) else {
        return Err(vm.type_error("state is not a tuple"));
    };
    let n = items.len();
    if n < lo || n > hi {
        let msg = if lo == hi {
            format!(
                "function takes exactly {lo} argument{} ({n} given)",
                if lo == 1 { "" } else { "s" }
            )
        } else if n < lo {
            format!(
                "function takes at least {lo} argument{} ({n} given)",
                if lo == 1 { "" } else { "s" }
            )
        } else {
            format!("function takes at most {hi} arguments ({n} given)")
        };
        return Err(vm.type_error(&msg));
    }
    Ok(items)
}

/// A tuple of indices the length of `n` (`invalid arguments` otherwise).
fn index_tuple(vm: &mut Vm, v: Value, n: usize) -> PyResult<Vec<i64>> {
    match vm.tuple_items(v) {
        Some(items) if items.len() == n => items
            .into_iter()
            .map(|x| crate::builtins::signature::to_ssize(vm, x))
            .collect(),
        _ => Err(vm.type_error("invalid arguments")),
    }
}

/// A list's items (None for anything else).
fn list_items(v: Value) -> Option<Vec<Value>> {
    match &v.as_obj()?.data {
        ObjData::List(l) => Some(l.get().clone()),
        _ => None,
    }
}

fn is_iterator(vm: &mut Vm, v: Value) -> bool {
    vm.dunder(v, "__next__").is_some()
}

fn it_setstate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = SETSTATE.bind(vm, &a)?;
    let (s, stv) = (b.recv, b.req(0));
    let st = state_of(vm, s, "__setstate__")?;
    let kind = kind_of(vm, s);
    match kind {
        "cycle" => {
            let items = state_tuple(vm, stv, 2, 2)?;
            let Some(saved) = list_items(items[0]) else {
                let tn = crate::builtins::bad_arg_name(vm, items[0]);
                return Err(vm.type_error(&format!("argument 1 must be list, not {tn}")));
            };
            let fp = crate::builtins::signature::to_c_int(vm, items[1])? != 0;
            if let It::Cycle {
                saved: sv,
                idx,
                firstpass,
                ..
            } = st.get()
            {
                *sv = saved;
                *idx = 0;
                *firstpass = fp;
            }
        }
        "chain" => {
            let items = state_tuple(vm, stv, 1, 2)?;
            if items.iter().any(|&i| !is_iterator(vm, i)) {
                return Err(vm.type_error("Arguments must be iterators."));
            }
            *st.get() = It::Chain {
                source: items[0],
                cur: items.get(1).copied().unwrap_or(Value::NONE),
            };
        }
        "islice" => {
            let c = crate::builtins::signature::to_ssize(vm, stv)?;
            if let It::Islice { cnt, .. } = st.get() {
                *cnt = c;
            }
        }
        "product" => {
            let n = match st.get() {
                It::Product { pools, .. } => pools.len(),
                _ => 0,
            };
            let idx = index_tuple(vm, stv, n)?;
            if let It::Product {
                pools,
                idx: ix,
                first,
                done,
            } = st.get()
            {
                if pools.iter().any(|p| p.is_empty()) {
                    *done = true;
                    return Ok(Value::NONE);
                }
                for (i, (&x, p)) in idx.iter().zip(pools.iter()).enumerate() {
                    ix[i] = x.clamp(0, p.len() as i64 - 1) as usize;
                }
                *first = false;
            }
        }
        "permutations" => {
            let (n, r) = match st.get() {
                It::Perm { pool, r, .. } => (pool.len(), *r),
                _ => (0, 0),
            };
            let items = match vm.tuple_items(stv) {
                Some(items) if items.len() == 2 => items,
                _ => return Err(vm.type_error("invalid arguments")),
            };
            let idx = index_tuple(vm, items[0], n)?;
            let cyc = index_tuple(vm, items[1], r)?;
            if let It::Perm {
                idx: ix,
                cycles,
                first,
                ..
            } = st.get()
            {
                *first = false;
                if n == 0 {
                    return Ok(Value::NONE);
                }
                for (i, &x) in idx.iter().enumerate() {
                    ix[i] = x.clamp(0, n as i64 - 1) as usize;
                }
                cycles.clear();
                for (i, &x) in cyc.iter().enumerate() {
                    cycles.push(x.clamp(1, (n - i.min(n)).max(1) as i64) as usize);
                }
                *first = false;
            }
        }
        "combinations" | "combinations_with_replacement" => {
            let (n, r) = match st.get() {
                It::Comb { pool, r, .. } | It::CombRep { pool, r, .. } => (pool.len(), *r),
                _ => (0, 0),
            };
            let idx = index_tuple(vm, stv, r)?;
            let rep = kind != "combinations";
            if let It::Comb { idx: ix, first, .. } | It::CombRep { idx: ix, first, .. } = st.get() {
                *first = false;
                if n == 0 {
                    return Ok(Value::NONE);
                }
                for (i, &x) in idx.iter().enumerate() {
                    let max = if rep {
                        n - 1
                    } else {
                        (i + n).saturating_sub(r)
                    };
                    ix[i] = x.clamp(0, max as i64) as usize;
                }
                *first = false;
            }
        }
        "accumulate" => {
            if let It::Accumulate { total, .. } = st.get() {
                *total = stv;
            }
        }
        "groupby" => {
            let items = state_tuple(vm, stv, 3, 3)?;
            if let It::GroupBy {
                curk, curv, tgt, ..
            } = st.get()
            {
                (*curk, *curv, *tgt) = (items[0], items[1], items[2]);
            }
        }
        "zip_longest" => {
            if let It::ZipLongest { fill, .. } = st.get() {
                *fill = stv;
            }
        }
        "takewhile" | "dropwhile" => {
            let t = vm.truthy(stv)?;
            match st.get() {
                It::TakeWhile { done, .. } => *done = t,
                It::DropWhile { dropping, .. } => *dropping = !t,
                _ => {}
            }
        }
        "_tee" => {
            let items = state_tuple(vm, stv, 2, 2)?;
            let Some(t) = native::<TeeShared>(items[0]) else {
                let tn = crate::builtins::bad_arg_name(vm, items[0]);
                return Err(vm.type_error(&format!(
                    "argument 1 must be itertools._tee_dataobject, not {tn}"
                )));
            };
            let i = crate::builtins::signature::to_c_int(vm, items[1])?;
            if i < 0 || i as usize > t.buf.get().len() {
                return Err(vm.value_error("Index out of range"));
            }
            *st.get() = It::Tee {
                shared: items[0],
                pos: i as usize,
            };
        }
        _ => {}
    }
    Ok(Value::NONE)
}

/// `_tee(iterable)`: a copy of a `_tee`, else one over a new buffer.
fn tee_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const NEW: Sig<1> = Sig::new("_tee", ["iterable"]).constructor();
    let src = NEW.bind(vm, &a)?.req(0);
    if let Some(n) = native::<NIter>(src)
        && let It::Tee { shared, pos } = n.st.get()
    {
        let st = It::Tee {
            shared: *shared,
            pos: *pos,
        };
        return Ok(new_it(vm, "_tee", st));
    }
    let it = vm.iter(src)?;
    let shared = rooted(vm, &[it], |vm| new_tee_data(vm, it, Vec::new()));
    Ok(rooted(vm, &[shared], |vm| {
        new_it(vm, "_tee", It::Tee { shared, pos: 0 })
    }))
}

/// `_tee.__copy__()`: another `_tee` at the same place of the same buffer.
fn tee_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = NOARGS.bind(vm, &a)?.recv;
    let st = match state_of(vm, s, "__copy__")?.get() {
        It::Tee { shared, pos } => It::Tee {
            shared: *shared,
            pos: *pos,
        },
        _ => It::Done,
    };
    Ok(new_it(vm, "_tee", st))
}

fn new_tee_data(vm: &mut Vm, it: Value, buf: Vec<Value>) -> Value {
    let t = ty("_tee_dataobject");
    vm.alloc(
        t,
        ObjData::Native(Box::new(TeeShared {
            it,
            buf: Mut::new(buf),
        })),
    )
}

/// `_tee_dataobject(iterator, values, next)`: Coil keeps one buffer, so a
/// `next` link's values join this one's.
fn tee_data_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const NEW: Sig<3> = Sig::new("_tee_dataobject", ["it", "values", "next"]).constructor();
    let b = NEW.bind(vm, &a)?;
    let (mut it, values, next) = (b.req(0), b.req(1), b.req(2));
    let Some(mut buf) = list_items(values) else {
        let tn = crate::builtins::bad_arg_name(vm, values);
        return Err(vm.type_error(&format!(
            "_tee_dataobject() argument 2 must be list, not {tn}"
        )));
    };
    if !next.is_none() {
        let Some(t) = native::<TeeShared>(next) else {
            return Err(vm.type_error("_tee_dataobject next link must be a _tee_dataobject"));
        };
        buf.extend(t.buf.get().iter().copied());
        it = t.it;
    }
    Ok(new_tee_data(vm, it, buf))
}

fn tee_data_reduce(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = NOARGS.bind(vm, &a)?.recv;
    let Some(t) = native::<TeeShared>(s) else {
        return Err(vm.type_error("descriptor '__reduce__' requires an itertools._tee_dataobject"));
    };
    let (it, buf) = (t.it, t.buf.get().clone());
    let cls = vm.type_of(s);
    let base = vm.temp_roots.len();
    let l = rooted_list(vm, buf);
    let args = tup(vm, vec![it, l, Value::NONE]);
    let r = vm.new_tuple(vec![cls, args]);
    vm.temp_roots.truncate(base);
    Ok(r)
}

/// `_grouper(parent, tgtkey)`, as unpickling makes one: the parent's current
/// group.
fn grouper_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const NEW: Sig<2> = Sig::new("_grouper", ["parent", "tgtkey"]).constructor();
    let b = NEW.bind(vm, &a)?;
    let (parent, tgt) = (b.req(0), b.req(1));
    let id = match native::<NIter>(parent).map(|n| n.st.get()) {
        Some(It::GroupBy { id, .. }) => *id,
        _ => {
            let tn = crate::builtins::bad_arg_name(vm, parent);
            return Err(vm.type_error(&format!(
                "_grouper() argument 1 must be itertools.groupby, not {tn}"
            )));
        }
    };
    Ok(new_it(vm, "_grouper", It::Grouper { parent, tgt, id }))
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
        ("_grouper", grouper_new),
    ];
    for (name, ctor) in kinds {
        let t = make_type(vm, name, name, "itertools", obj);
        vm.add_method(t, "__new__", ctor);
        vm.add_method(t, "__iter__", iter_self);
        vm.add_method(t, "__next__", it_next);
        set_attr(vm, m, name, t);
    }
    let t = make_type(vm, "_tee", "_tee", "itertools", obj);
    vm.add_method(t, "__new__", tee_new);
    vm.add_method(t, "__iter__", iter_self);
    vm.add_method(t, "__next__", it_next);
    vm.add_method(t, "__copy__", tee_copy);
    set_attr(vm, m, "_tee", t);
    let t = make_type(vm, "_tee_dataobject", "_tee_dataobject", "itertools", obj);
    vm.add_method(t, "__new__", tee_data_new);
    vm.add_method(t, "__reduce__", tee_data_reduce);
    set_attr(vm, m, "_tee_dataobject", t);
    for name in REDUCIBLE {
        vm.add_method(ty(name), "__reduce__", it_reduce);
    }
    for name in SETTABLE {
        vm.add_method(ty(name), "__setstate__", it_setstate);
    }
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
