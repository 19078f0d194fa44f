//! Runtime helpers compiled traces call through `CallG`: small `extern "C"`
//! functions over the object model that never run Python code and never unwind;
//! anything outside their fast case returns `EXIT_SENTINEL`, which makes the trace
//! exit so the interpreter does the general work. A few allocate (ranges and
//! iterators for nested loops): that is safe because the collector runs only at
//! interpreter safepoints, never inside a trace, and an exit puts every value the
//! trace still needs back into interpreter frames.

use std::cell::Cell;

use guards::{EXIT_SENTINEL, Helper};

use crate::object::{IterState, ObjData};
use crate::value::Value;
use crate::vm::Vm;
use crate::vm::types::{is_type, lookup_owner, type_obj};

pub const RANGE_NEXT: i64 = 0;
pub const SEQ_NEXT: i64 = 1;
pub const SEQ_GET: i64 = 2;
pub const STASH: i64 = 3;
pub const LIST_SET: i64 = 4;
pub const GETATTR: i64 = 5;
pub const SETATTR: i64 = 6;
pub const LOAD_GLOBAL: i64 = 7;
pub const LEN: i64 = 8;
pub const STORE_GLOBAL: i64 = 9;
pub const CELL_GET: i64 = 10;
pub const CELL_SET: i64 = 11;
pub const LOAD_METHOD: i64 = 12;
pub const IS: i64 = 13;
pub const ITER_DONE: i64 = 14;
pub const LIST_APPEND: i64 = 15;
pub const RANGE1: i64 = 16;
pub const RANGE2: i64 = 17;
pub const GET_ITER: i64 = 18;

/// The helper's name in `--jit-stats` (exits by guard kind).
pub fn name(index: i64) -> &'static str {
    const NAMES: [&str; 19] = [
        "range_next",
        "seq_next",
        "seq_get",
        "stash",
        "list_set",
        "getattr",
        "setattr",
        "load_global",
        "len",
        "store_global",
        "cell_get",
        "cell_set",
        "load_method",
        "is",
        "iter_done",
        "list_append",
        "range1",
        "range2",
        "get_iter",
    ];
    usize::try_from(index)
        .ok()
        .and_then(|i| NAMES.get(i))
        .copied()
        .unwrap_or("helper")
}

pub static TABLE: [Helper; 19] = [
    range_next,
    seq_next,
    seq_get,
    stash,
    list_set,
    getattr,
    setattr,
    load_global,
    len,
    store_global,
    cell_get,
    cell_set,
    load_method,
    is,
    iter_done,
    list_append,
    range1,
    range2,
    get_iter,
];

thread_local! {
    /// The value `STASH` parks for the next store helper (helpers take two operands).
    static STASHED: Cell<u64> = const { Cell::new(0) };
    /// The VM running the current trace, for helpers that look at classes.
    static VM: Cell<*mut Vm> = const { Cell::new(std::ptr::null_mut()) };
}

/// Makes `vm` visible to helpers for the duration of a trace run.
pub fn enter(vm: &mut Vm) {
    VM.with(|c| c.set(vm as *mut Vm));
}

/// The VM, for the helpers that allocate. The interpreter is suspended in
/// `run_trace` for the whole run, so nothing else uses it meanwhile.
fn vm_mut() -> Option<&'static mut Vm> {
    let p = VM.with(|c| c.get());
    if p.is_null() {
        None
    } else {
        Some(unsafe { &mut *p })
    }
}

/// `range(stop)` with an inline int.
extern "C" fn range1(stop: u64, _: u64) -> u64 {
    range2(Value::small_int(0).0, stop)
}

/// `range(start, stop)` with inline ints.
extern "C" fn range2(start: u64, stop: u64) -> u64 {
    guarded(|| {
        let (a, b) = (Value(start), Value(stop));
        if !a.is_small_int() || !b.is_small_int() {
            return None;
        }
        let vm = vm_mut()?;
        let r = ObjData::Range {
            start: a.as_small_int(),
            stop: b.as_small_int(),
            step: 1,
        };
        Some(vm.alloc(vm.types.range, r).0)
    })
}

/// `iter(v)` for an exact list, tuple or range.
extern "C" fn get_iter(v: u64, _: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let o = Value(v).as_obj()?;
        let exact = [vm.types.list, vm.types.tuple, vm.types.range].contains(&o.class());
        if !exact {
            return None;
        }
        vm.iter(Value(v)).ok().map(|it| it.0)
    })
}

fn vm() -> Option<&'static Vm> {
    let p = VM.with(|c| c.get());
    if p.is_null() {
        None
    } else {
        Some(unsafe { &*p })
    }
}

/// Runs a helper body, turning a Rust panic into an exit instead of unwinding
/// through JIT code.
fn guarded(f: impl FnOnce() -> Option<u64>) -> u64 {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(Some(v)) => v,
        _ => EXIT_SENTINEL,
    }
}

extern "C" fn range_next(it: u64, _: u64) -> u64 {
    guarded(|| {
        let ObjData::Iter(st) = &Value(it).as_obj()?.data else {
            return None;
        };
        let IterState::Range { cur, stop, step } = st.get() else {
            return None;
        };
        let c = *cur;
        if !((*step > 0 && c < *stop) || (*step < 0 && c > *stop)) || !Value::fits_small(c) {
            return None;
        }
        *cur = c + *step;
        Some(Value::small_int(c).0)
    })
}

extern "C" fn seq_next(it: u64, _: u64) -> u64 {
    guarded(|| {
        let ObjData::Iter(st) = &Value(it).as_obj()?.data else {
            return None;
        };
        let IterState::Seq { seq, idx } = st.get() else {
            return None;
        };
        let item = match &seq.obj().data {
            ObjData::List(l) => l.get().get(*idx).copied(),
            ObjData::Tuple(t) => t.get(*idx).copied(),
            _ => None,
        }?;
        *idx += 1;
        Some(item.0)
    })
}

fn index(len: usize, i: u64) -> Option<usize> {
    let v = Value(i);
    if !v.is_small_int() {
        return None;
    }
    let i = v.as_small_int();
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        None
    } else {
        Some(j as usize)
    }
}

extern "C" fn seq_get(seq: u64, i: u64) -> u64 {
    guarded(|| {
        let o = Value(seq).as_obj()?;
        if type_obj(o.class()).module != "builtins" {
            return None;
        }
        match &o.data {
            ObjData::List(l) => Some(l.get()[index(l.get().len(), i)?].0),
            ObjData::Tuple(t) => Some(t[index(t.len(), i)?].0),
            _ => None,
        }
    })
}

extern "C" fn stash(v: u64, _: u64) -> u64 {
    STASHED.with(|c| c.set(v));
    Value::NONE.0
}

extern "C" fn list_set(list: u64, i: u64) -> u64 {
    guarded(|| {
        let o = Value(list).as_obj()?;
        if type_obj(o.class()).module != "builtins" {
            return None;
        }
        let ObjData::List(l) = &o.data else {
            return None;
        };
        let j = index(l.get().len(), i)?;
        l.get()[j] = Value(STASHED.with(|c| c.get()));
        Some(Value::NONE.0)
    })
}

/// Whether `obj.name` on instances of `cls` means the instance attribute when it
/// exists: no attribute hooks on the class (known from its cached hook bits) and no
/// data descriptor (property, user descriptor) for `name` on the MRO.
fn plain_instance_attr(vm: &Vm, cls: Value, name: Value) -> bool {
    let t = type_obj(cls);
    let (ver, bits) = t.hooks.get();
    if ver != t.version.get() || bits != 0 {
        return false;
    }
    match lookup_owner(vm, cls, name) {
        None => true,
        Some((d, _)) => !matches!(
            d.as_obj().map(|o| &o.data),
            Some(ObjData::Property { .. } | ObjData::Instance(_))
        ),
    }
}

extern "C" fn getattr(obj: u64, name: u64) -> u64 {
    guarded(|| {
        let vm = vm()?;
        let o = Value(obj).as_obj()?;
        if !matches!(o.data, ObjData::Instance(_)) || is_type(Value(obj)) {
            return None;
        }
        if !plain_instance_attr(vm, o.class(), Value(name)) {
            return None;
        }
        vm.instance_get_attr(Value(obj), Value(name)).map(|v| v.0)
    })
}

extern "C" fn setattr(obj: u64, name: u64) -> u64 {
    guarded(|| {
        let vm = vm()?;
        let o = Value(obj).as_obj()?;
        let ObjData::Instance(i) = &o.data else {
            return None;
        };
        if !plain_instance_attr(vm, o.class(), Value(name)) {
            return None;
        }
        // Only attributes the instance already has: adding one changes its shape.
        if !i.dict.get().is_empty() {
            return None;
        }
        let idx = i.shape.get().lookup(Value(name))?;
        i.slots.get()[idx] = Value(STASHED.with(|c| c.get()));
        Some(Value::NONE.0)
    })
}

extern "C" fn load_global(globals: u64, name: u64) -> u64 {
    guarded(|| {
        let vm = vm()?;
        let v = vm
            .dict_get_str(Value(globals), Value(name))
            .or_else(|| vm.dict_get_str(vm.builtins, Value(name)))?;
        Some(v.0)
    })
}

extern "C" fn len(obj: u64, _: u64) -> u64 {
    guarded(|| {
        let o = Value(obj).as_obj()?;
        if type_obj(o.class()).module != "builtins" {
            return None;
        }
        let n = match &o.data {
            ObjData::List(l) => l.get().len(),
            ObjData::Tuple(t) => t.len(),
            ObjData::Str(s) => s.char_len,
            ObjData::Dict(d) => d.get().len(),
            _ => return None,
        };
        Some(Value::small_int(n as i64).0)
    })
}

/// Rebinds an existing global (the stashed value); a new name exits, so the
/// interpreter does the insertion.
extern "C" fn store_global(globals: u64, name: u64) -> u64 {
    guarded(|| {
        let vm = vm()?;
        let ObjData::Dict(d) = &Value(globals).as_obj()?.data else {
            return None;
        };
        let h = vm.str_hash(Value(name));
        let d = d.get();
        let i = d.find_identical(Value(name), h)?;
        d.entries[i].value = Value(STASHED.with(|c| c.get()));
        Some(Value::NONE.0)
    })
}

/// The contents of a closure cell (exits when unbound).
extern "C" fn cell_get(cell: u64, _: u64) -> u64 {
    guarded(|| {
        let ObjData::Cell(c) = &Value(cell).as_obj()?.data else {
            return None;
        };
        let v = *c.get();
        if v.is_empty() { None } else { Some(v.0) }
    })
}

/// Stores the stashed value into a closure cell.
extern "C" fn cell_set(cell: u64, _: u64) -> u64 {
    guarded(|| {
        let ObjData::Cell(c) = &Value(cell).as_obj()?.data else {
            return None;
        };
        *c.get() = Value(STASHED.with(|s| s.get()));
        Some(Value::NONE.0)
    })
}

/// The function `obj.name` resolves to on an ordinary instance: a Python function
/// on its class, not shadowed by an instance attribute, no attribute hooks. The trace
/// then checks it is the function it was recorded with.
extern "C" fn load_method(obj: u64, name: u64) -> u64 {
    guarded(|| {
        let vm = vm()?;
        let o = Value(obj).as_obj()?;
        if !matches!(o.data, ObjData::Instance(_)) {
            return None;
        }
        let cls = o.class();
        let t = type_obj(cls);
        let (ver, bits) = t.hooks.get();
        if ver != t.version.get()
            || bits != 0
            || vm.instance_get_attr(Value(obj), Value(name)).is_some()
        {
            return None;
        }
        let (f, _) = lookup_owner(vm, cls, Value(name))?;
        if matches!(f.as_obj().map(|o| &o.data), Some(ObjData::Function(_))) {
            Some(f.0)
        } else {
            None
        }
    })
}

/// `a is b` as a boxed bool (identity of the boxed words).
extern "C" fn is(a: u64, b: u64) -> u64 {
    Value::bool(a == b).0
}

/// Iterations run per trace (indexed by trace id modulo the table size), so the
/// driver can tell a trace that loops from one that exits on nearly every iteration.
/// `TRUE` when a range or list/tuple iterator is exhausted (what `ForIter` then
/// does: leave the loop); the exit sentinel otherwise. Never advances it.
extern "C" fn iter_done(it: u64, _: u64) -> u64 {
    guarded(|| {
        let ObjData::Iter(st) = &Value(it).as_obj()?.data else {
            return None;
        };
        let done = match st.get() {
            IterState::Range { cur, stop, step } => {
                !((*step > 0 && *cur < *stop) || (*step < 0 && *cur > *stop))
            }
            IterState::Seq { seq, idx } => {
                let len = match &seq.obj().data {
                    ObjData::List(l) => l.get().len(),
                    ObjData::Tuple(t) => t.len(),
                    _ => return None,
                };
                *idx >= len
            }
            _ => return None,
        };
        done.then_some(Value::TRUE.0)
    })
}

/// `list.append(stashed value)` on an exact list (the vector may grow; no Python
/// object is allocated).
extern "C" fn list_append(list: u64, _: u64) -> u64 {
    guarded(|| {
        let o = Value(list).as_obj()?;
        if type_obj(o.class()).module != "builtins" {
            return None;
        }
        let ObjData::List(l) = &o.data else {
            return None;
        };
        l.get().push(Value(STASHED.with(|c| c.get())));
        Some(Value::NONE.0)
    })
}
