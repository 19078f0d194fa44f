//! `__reduce__`, `__setstate__` and `__length_hint__` of the built-in iterators
//! (list, tuple, range, str, bytes, dict, set, reversed, enumerate, zip, map,
//! filter, callable and sequence iterators), for pickle, copy and
//! `operator.length_hint`; and `__reduce__` of range and slice objects.
//!
//! The reductions are CPython's where the state is an index (`(iter, (seq,),
//! index)` with `__setstate__`); dict and set iterators reduce to an iterator
//! over a list of their remaining items, as in CPython, and range and str
//! iterators to one over what is left of them.

use crate::builtins::signature::Sig;
use crate::object::{IterState, ObjData};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

const NOARGS: Sig<0> = Sig::new("method", []).method();

pub fn register(vm: &mut Vm) {
    let t = &vm.types;
    let all = [
        t.iterator,
        t.enumerate,
        t.zip,
        t.map,
        t.filter,
        t.reversed,
        t.list_iterator,
        t.tuple_iterator,
        t.range_iterator,
        t.str_ascii_iterator,
        t.str_iterator,
        t.bytes_iterator,
        t.bytearray_iterator,
        t.dict_keyiterator,
        t.dict_valueiterator,
        t.dict_itemiterator,
        t.set_iterator,
        t.callable_iterator,
        t.list_reverseiterator,
    ];
    let hinted = [
        t.iterator,
        t.reversed,
        t.list_iterator,
        t.tuple_iterator,
        t.range_iterator,
        t.str_ascii_iterator,
        t.str_iterator,
        t.bytes_iterator,
        t.bytearray_iterator,
        t.dict_keyiterator,
        t.dict_valueiterator,
        t.dict_itemiterator,
        t.set_iterator,
        t.list_reverseiterator,
    ];
    for t in all {
        vm.add_method(t, "__reduce__", reduce);
        vm.add_method(t, "__setstate__", setstate);
    }
    for t in hinted {
        vm.add_method(t, "__length_hint__", length_hint);
    }
    // `(range, (start, stop, step))`, `(slice, (start, stop, step))`
    let (range, slice) = (vm.types.range, vm.types.slice);
    vm.add_method(range, "__reduce__", |vm, a| {
        let r = NOARGS.bind(vm, &a)?.recv;
        let Some(ObjData::Range { start, stop, step }) = r.as_obj().map(|o| &o.data) else {
            return Err(vm.type_error("__reduce__ needs a range"));
        };
        let args = vec![vm.new_int(*start), vm.new_int(*stop), vm.new_int(*step)];
        Ok(reduction(vm, "range", args, None))
    });
    vm.add_method(slice, "__reduce__", |vm, a| {
        let s = NOARGS.bind(vm, &a)?.recv;
        let Some(ObjData::Slice { start, stop, step }) = s.as_obj().map(|o| &o.data) else {
            return Err(vm.type_error("__reduce__ needs a slice"));
        };
        let args = vec![*start, *stop, *step];
        Ok(reduction(vm, "slice", args, None))
    });
}

fn state(it: Value) -> Option<&'static mut IterState> {
    match it.as_obj().map(|o| &o.data) {
        Some(ObjData::Iter(m)) => Some(m.get()),
        _ => None,
    }
}

fn builtin(vm: &mut Vm, name: &str) -> Value {
    let k = vm.intern(name);
    vm.dict_get_str(vm.builtins, k).unwrap_or(Value::NONE)
}

/// `(f, args)` or `(f, args, state)`.
fn reduction(vm: &mut Vm, f: &str, args: Vec<Value>, st: Option<Value>) -> Value {
    let base = vm.temp_roots.len();
    let f = builtin(vm, f);
    let args = vm.new_tuple(args);
    vm.temp_roots.push(args);
    let mut items = vec![f, args];
    items.extend(st);
    let r = vm.new_tuple(items);
    vm.temp_roots.truncate(base);
    r
}

/// The items a dict or set iterator has left, without advancing it.
fn remaining_hashed(vm: &mut Vm, st: &IterState) -> Vec<Value> {
    let mut copy = match st {
        IterState::Dict {
            dict,
            idx,
            kind,
            len,
        } => IterState::Dict {
            dict: *dict,
            idx: *idx,
            kind: *kind,
            len: *len,
        },
        IterState::Set { set, idx, len } => IterState::Set {
            set: *set,
            idx: *idx,
            len: *len,
        },
        _ => return Vec::new(),
    };
    let base = vm.temp_roots.len();
    let mut out = Vec::new();
    while let Ok(Some(v)) = vm.hashed_iter_step(&mut copy) {
        vm.temp_roots.push(v);
        out.push(v);
    }
    vm.temp_roots.truncate(base);
    out
}

fn reduce(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let it = NOARGS.bind(vm, &a)?.recv;
    let Some(st) = state(it) else {
        return Err(vm.type_error("__reduce__ needs a built-in iterator"));
    };
    Ok(match st {
        IterState::Seq { seq, idx } => {
            let (seq, i) = (*seq, Value::small_int(*idx as i64));
            reduction(vm, "iter", vec![seq], Some(i))
        }
        IterState::Bytes { b, idx } => {
            let (b, i) = (*b, Value::small_int(*idx as i64));
            reduction(vm, "iter", vec![b], Some(i))
        }
        IterState::GetItem { obj, idx } => {
            let (o, i) = (*obj, vm.new_int(*idx));
            reduction(vm, "iter", vec![o], Some(i))
        }
        IterState::Str { s, byte_pos } => {
            let text = crate::vm::str_of(*s);
            let chars = text[..*byte_pos].chars().count();
            let s = *s;
            reduction(vm, "iter", vec![s], Some(Value::small_int(chars as i64)))
        }
        IterState::Range { cur, stop, step } => {
            let (c, s, st) = (*cur, *stop, *step);
            let range = builtin(vm, "range");
            let args = [vm.new_int(c), vm.new_int(s), vm.new_int(st)];
            let r = vm.call(range, &args)?;
            vm.temp_roots.push(r);
            let out = reduction(vm, "iter", vec![r], None);
            vm.temp_roots.pop();
            out
        }
        IterState::Dict { .. } | IterState::Set { .. } => {
            let items = remaining_hashed(vm, st);
            let l = vm.new_list(items);
            vm.temp_roots.push(l);
            let out = reduction(vm, "iter", vec![l], None);
            vm.temp_roots.pop();
            out
        }
        IterState::Reversed { seq, idx } => {
            // CPython's state is the next index to return, -1 at the end
            let (seq, i) = (*seq, Value::small_int(*idx as i64 - 1));
            reduction(vm, "reversed", vec![seq], Some(i))
        }
        IterState::Enumerate { it, n } => {
            let (it, n) = (*it, *n);
            reduction(vm, "enumerate", vec![it, n], None)
        }
        IterState::Zip { its, strict } => {
            let (its, strict) = (its.clone(), *strict);
            reduction(vm, "zip", its, strict.then_some(Value::TRUE))
        }
        IterState::Map { func, its } => {
            let mut args = vec![*func];
            args.extend(its.iter().copied());
            reduction(vm, "map", args, None)
        }
        IterState::Filter { func, it } => {
            let args = vec![*func, *it];
            reduction(vm, "filter", args, None)
        }
        IterState::Callable { func, sentinel } => {
            let args = vec![*func, *sentinel];
            reduction(vm, "iter", args, None)
        }
        IterState::Exhausted => {
            let empty = vm.empty_tuple;
            reduction(vm, "iter", vec![empty], None)
        }
    })
}

fn setstate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `__setstate__(state, /)`
    const SETSTATE: Sig<1> = Sig::new("__setstate__", ["state"]).method();
    let b = SETSTATE.bind(vm, &a)?;
    let Some(st) = state(b.recv) else {
        return Err(vm.type_error("__setstate__ needs a built-in iterator"));
    };
    if let IterState::Zip { strict, .. } = st {
        *strict = vm.truthy(b.req(0))?;
        return Ok(Value::NONE);
    }
    let n = crate::builtins::signature::to_ssize(vm, b.req(0))?;
    let st = state(b.recv).expect("an iterator");
    match st {
        IterState::Seq { seq, idx } => {
            let len = vm.seq_items(*seq).len() as i64;
            *idx = n.clamp(0, len) as usize;
        }
        IterState::Bytes { b, idx } => {
            let len = crate::builtins::bytes::data_of(*b).map_or(0, |d| d.len()) as i64;
            *idx = n.clamp(0, len) as usize;
        }
        IterState::GetItem { idx, .. } => *idx = n.max(0),
        IterState::Str { s, byte_pos } => {
            let text = crate::vm::str_of(*s);
            let n = n.max(0) as usize;
            *byte_pos = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
        }
        IterState::Reversed { seq, idx } => {
            let len = vm.len(*seq)? as i64;
            *idx = (n.clamp(-1, len - 1) + 1) as usize;
        }
        _ => {}
    }
    Ok(Value::NONE)
}

fn length_hint(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let it = NOARGS.bind(vm, &a)?.recv;
    let Some(st) = state(it) else {
        return Ok(vm.not_implemented);
    };
    let n: i64 = match st {
        IterState::Seq { seq, idx } => (vm.seq_items(*seq).len() as i64 - *idx as i64).max(0),
        IterState::Bytes { b, idx } => {
            let len = crate::builtins::bytes::data_of(*b).map_or(0, |d| d.len());
            len.saturating_sub(*idx) as i64
        }
        IterState::Str { s, byte_pos } => crate::vm::str_of(*s)[*byte_pos..].chars().count() as i64,
        IterState::Range { cur, stop, step } => {
            let (c, s, st) = (*cur as i128, *stop as i128, *step as i128);
            let n = if st > 0 && c < s {
                (s - c + st - 1) / st
            } else if st < 0 && c > s {
                (c - s - st - 1) / -st
            } else {
                0
            };
            n.min(i64::MAX as i128) as i64
        }
        IterState::Dict { .. } | IterState::Set { .. } => remaining_hashed(vm, st).len() as i64,
        IterState::Reversed { idx, .. } => *idx as i64,
        IterState::Exhausted => 0,
        _ => return Ok(vm.not_implemented),
    };
    Ok(vm.new_int(n))
}
