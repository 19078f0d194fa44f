//! `enumerate` and `zip` over built-in iterators in traces: helpers that step
//! them without running Python code, or exit.
//!
//! Why: `for i, x in enumerate(xs)` and `for a, b in zip(xs, ys)` are the
//! commonest loops after `range` and plain sequences, and a residual `ForIter`
//! costs a trip through the interpreter per item. The inner iterators they
//! step here (range, list, tuple, str, reversed list or tuple) are read
//! without side effects before any is advanced, so a helper either does the
//! whole step or nothing: `zip(a, b)` with `b` exhausted leaves `a` untouched
//! and exits, and the interpreter's `ForIter` then does what CPython does
//! (takes `a`'s item and stops, or raises for `strict=True`). A zip of one
//! iterator twice is left to the interpreter.

use super::{guarded, set_args, vm_mut};
use crate::object::{IterState, ObjData};
use crate::value::Value;
use crate::vm::Vm;

/// The next item of a built-in iterator that steps without running Python
/// code, and the amount `advance` moves it by; None when it is exhausted or of
/// another kind.
fn peek(vm: &mut Vm, it: Value) -> Option<(Value, usize)> {
    let ObjData::Iter(st) = &it.as_obj()?.data else {
        return None;
    };
    match st.get() {
        IterState::Range { cur, stop, step } => {
            let more = (*step > 0 && *cur < *stop) || (*step < 0 && *cur > *stop);
            (more && Value::fits_small(*cur)).then(|| (Value::small_int(*cur), 1))
        }
        IterState::Seq { seq, idx } => {
            let item = match &seq.obj().data {
                ObjData::List(l) => l.get().get(*idx).copied(),
                ObjData::Tuple(t) => t.get(*idx).copied(),
                _ => None,
            }?;
            Some((item, 1))
        }
        IterState::Str { s, byte_pos } => {
            let c = crate::vm::str_of(*s).get(*byte_pos..)?.chars().next()?;
            let mut buf = [0u8; 4];
            Some((vm.char_str(c.encode_utf8(&mut buf)), c.len_utf8()))
        }
        IterState::Reversed { seq, idx } => {
            let i = idx.checked_sub(1)?;
            let item = match &seq.as_obj()?.data {
                ObjData::List(l) => l.get().get(i).copied(),
                ObjData::Tuple(t) => t.get(i).copied(),
                _ => None,
            }?;
            Some((item, 1))
        }
        _ => None,
    }
}

/// Moves an iterator `peek` just read past that item.
fn advance(it: Value, by: usize) {
    let ObjData::Iter(st) = &it.obj().data else {
        return;
    };
    match st.get() {
        // (past i64 is past `stop` too, as `Vm::next`)
        IterState::Range { cur, stop, step } => *cur = cur.checked_add(*step).unwrap_or(*stop),
        IterState::Seq { idx, .. } => *idx += by,
        IterState::Str { byte_pos, .. } => *byte_pos += by,
        IterState::Reversed { idx, .. } => *idx -= by,
        _ => {}
    }
}

/// The next item of a built-in iterator `peek` steps, taken (None: exhausted
/// or of another kind, nothing taken).
pub(super) fn next(vm: &mut Vm, it: Value) -> Option<Value> {
    let (item, by) = peek(vm, it)?;
    advance(it, by);
    Some(item)
}

/// Whether a built-in iterator that `peek` steps is exhausted (None: of
/// another kind).
pub(super) fn exhausted(it: Value) -> Option<bool> {
    let ObjData::Iter(st) = &it.as_obj()?.data else {
        return None;
    };
    Some(match st.get() {
        IterState::Range { cur, stop, step } => {
            !((*step > 0 && *cur < *stop) || (*step < 0 && *cur > *stop))
        }
        IterState::Seq { seq, idx } => match &seq.obj().data {
            ObjData::List(l) => *idx >= l.get().len(),
            ObjData::Tuple(t) => *idx >= t.len(),
            _ => return None,
        },
        IterState::Str { s, byte_pos } => *byte_pos >= crate::vm::str_of(*s).len(),
        IterState::Reversed { idx, .. } => *idx == 0,
        IterState::Enumerate { it, .. } => exhausted(*it)?,
        // the first running out ends the loop with nothing taken from the
        // others (strict: the interpreter checks that they ran out too)
        IterState::Zip { its, strict: false } => exhausted(*its.first()?)?,
        _ => return None,
    })
}

/// Whether `it` is an `enumerate` or `zip` the helpers below step (for the
/// recorder: true with the loop going on, false with it ending, None when
/// `ForIter` stays a residual call).
pub(crate) fn steps(it: Value) -> Option<bool> {
    let ObjData::Iter(st) = &it.as_obj()?.data else {
        return None;
    };
    match st.get() {
        IterState::Enumerate { it, n } if n.is_small_int() => Some(!exhausted(*it)?),
        IterState::Zip { its, strict } if !its.is_empty() && its.len() <= 4 && distinct(its) => {
            let mut all = true;
            for &i in its.iter() {
                all &= !exhausted(i)?;
            }
            // a loop ending at an uneven `strict` zip raises: the interpreter's
            (all || !*strict).then_some(all)
        }
        _ => None,
    }
}

/// Whether no iterator is zipped twice (`zip(it, it)` pairs consecutive
/// items: reading both before advancing either would pair an item with
/// itself).
fn distinct(its: &[Value]) -> bool {
    its.iter().enumerate().all(|(k, a)| !its[..k].contains(a))
}

/// Up to four items, and how many.
type Items = ([Value; 4], usize);

/// The next `(n, item)` of an enumerate over a built-in iterator, taken.
fn enum_step(vm: &mut Vm, it: Value) -> Option<Items> {
    let ObjData::Iter(st) = &it.as_obj()?.data else {
        return None;
    };
    let IterState::Enumerate { it: inner, n } = st.get() else {
        return None;
    };
    let (inner, count) = (*inner, *n);
    if !count.is_small_int() || !Value::fits_small(count.as_small_int() + 1) {
        return None;
    }
    let item = next(vm, inner)?;
    *n = Value::small_int(count.as_small_int() + 1);
    Some(([count, item, Value::NONE, Value::NONE], 2))
}

/// The next items of a zip of built-in iterators that all have one, taken.
fn zip_step(vm: &mut Vm, it: Value) -> Option<Items> {
    let ObjData::Iter(st) = &it.as_obj()?.data else {
        return None;
    };
    let IterState::Zip { its, .. } = st.get() else {
        return None;
    };
    // (fixed arrays: this runs once per item of every zip loop)
    let n = its.len();
    if n == 0 || n > 4 {
        return None;
    }
    let mut inner = [Value::NONE; 4];
    inner[..n].copy_from_slice(its);
    let inner = &inner[..n];
    if !distinct(inner) {
        return None;
    }
    let mut items = [Value::NONE; 4];
    let mut steps = [0usize; 4];
    for (k, &i) in inner.iter().enumerate() {
        (items[k], steps[k]) = peek(vm, i)?;
    }
    for (&i, &by) in inner.iter().zip(&steps) {
        advance(i, by);
    }
    Some((items, n))
}

/// The next `(n, item)` of an enumerate over a built-in iterator.
pub(super) extern "C" fn enum_next(it: u64, _: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let (items, n) = enum_step(vm, Value(it))?;
        Some(vm.new_tuple(items[..n].to_vec()).0)
    })
}

/// `enum_next` with the pair left in `ARGS[0..2]`, for a tuple the trace
/// does not make (jit/sunk.rs).
pub(super) extern "C" fn enum_next_args(it: u64, _: u64) -> u64 {
    guarded(|| {
        let (items, n) = enum_step(vm_mut()?, Value(it))?;
        set_args(&items[..n]);
        Some(Value::NONE.0)
    })
}

/// The next tuple of a zip of built-in iterators that all have an item.
pub(super) extern "C" fn zip_next(it: u64, _: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let (items, n) = zip_step(vm, Value(it))?;
        Some(vm.new_tuple(items[..n].to_vec()).0)
    })
}

/// `zip_next` with the items left in `ARGS`, for a zip of `n` iterators
/// (the trace loads that many).
pub(super) extern "C" fn zip_next_args(it: u64, n: u64) -> u64 {
    guarded(|| {
        let ObjData::Iter(st) = &Value(it).as_obj()?.data else {
            return None;
        };
        if !matches!(st.get(), IterState::Zip { its, .. } if its.len() as u64 == n) {
            return None;
        }
        let (items, n) = zip_step(vm_mut()?, Value(it))?;
        set_args(&items[..n]);
        Some(Value::NONE.0)
    })
}
