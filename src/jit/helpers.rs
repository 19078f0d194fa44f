//! Runtime helpers compiled traces call through `CallG`: small `extern "C"`
//! functions over the object model that never run Python code and never unwind;
//! anything outside their fast case returns `EXIT_SENTINEL`, which makes the trace
//! exit so the interpreter does the general work. A few allocate (ranges and
//! iterators for nested loops): that is safe because the collector runs only at
//! interpreter safepoints, never inside a trace, and an exit puts every value the
//! trace still needs back into interpreter frames.

use std::cell::Cell;

use guards::{EXIT_SENTINEL, Helper};
use smallvec::SmallVec;

#[path = "plain_iter.rs"]
pub(crate) mod plain_iter;
use plain_iter::{enum_next, enum_next_args, zip_next, zip_next_args};
#[path = "pure_methods.rs"]
pub(crate) mod pure_methods;
use pure_methods::{bound_random_call, pure_method_call, pure_method_n};

use crate::object::{IterState, Mut, ObjData};
use crate::value::Value;
use crate::vm::Vm;
use crate::vm::ops::SliceIdx;
use crate::vm::types::{is_type, lookup_owner, type_obj};

/// One line per helper: its index constant and its function, in table order. The
/// function's name is what `--jit-stats` prints for exits at that helper.
macro_rules! helpers {
    ($($index:ident => $func:ident;)*) => {
        /// Table positions, numbered by the compiler (a recursive counter would
        /// hit the macro recursion limit as the table grows).
        #[allow(non_camel_case_types, clippy::upper_case_acronyms, dead_code)]
        enum Index { $($index),* }
        $(pub const $index: i64 = Index::$index as i64;)*
        /// Helper names in table order (`--jit-stats` exits by guard kind).
        const NAMES: &[&str] = &[$(stringify!($func)),*];
        pub static TABLE: [Helper; NAMES.len()] = [$($func),*];
    };
}

helpers! {
    // residual calls (`callr`, jit/residual.rs), at guards::ir::RESIDUAL_HELPER:
    // may run Python code
    RESIDUAL => residual;
    RANGE_NEXT => range_next;
    SEQ_NEXT => seq_next;
    SEQ_GET => seq_get;
    STASH => stash;
    LIST_SET => list_set;
    GETATTR => getattr;
    SETATTR => setattr;
    LOAD_GLOBAL => load_global;
    LEN => len;
    STORE_GLOBAL => store_global;
    CELL_GET => cell_get;
    CELL_SET => cell_set;
    LOAD_METHOD => load_method;
    IS => is;
    ITER_DONE => iter_done;
    LIST_APPEND => list_append;
    // builtin and math-module calls, numeric binary ops (recorded by jit/calls.rs)
    MODULE_ATTR => module_attr;
    ABS => abs;
    MIN2 => min2;
    MAX2 => max2;
    TO_INT => to_int;
    TO_FLOAT => to_float;
    ISINSTANCE => isinstance;
    MATH1 => math1;
    ATAN2 => atan2;
    COPYSIGN => copysign;
    MATH_POW => math_pow;
    HYPOT => hypot;
    FMOD => fmod;
    LOG_BASE => log_base;
    NUM_POW => num_pow;
    NUM_MOD => num_mod;
    NUM_FLOORDIV => num_floordiv;
    LSHIFT => lshift;
    RSHIFT => rshift;
    // allocating: ranges and iterators for nested loops
    RANGE1 => range1;
    RANGE2 => range2;
    RANGE3 => range3;
    GET_ITER => get_iter;
    TRUTH => truth;
    // dict and str operations that run no Python code (see `pure_key`)
    DICT_GET => dict_get;
    DICT_SET => dict_set;
    // the same on an instance of a dict subclass whose class the trace guarded
    // (Counter, defaultdict, a user's dict subclass without its own item methods)
    // `Cls.count` and `Cls.count = v` of a plain value on a class of metaclass
    // `type` (a class-level counter)
    TYPE_GETATTR => type_getattr;
    TYPE_SETATTR => type_setattr;
    // `a < b` (and the other comparisons, the operator in `ARGS[0]`) of two
    // exact tuples or two exact lists of plain items
    SEQ_COMPARE => seq_compare;
    // a call of a generator function (a genexpr too): its arguments bound
    // and the generator made, none of its code run
    MAKE_GEN1 => make_gen1;
    MAKE_GEN2 => make_gen2;
    // a genexpr's generator, its function never made (record.rs `MakeFunction`)
    MAKE_GENEXPR => make_genexpr;
    // `enumerate(xs)` and `zip(xs, ys)` of built-in iterables
    ENUMERATE1 => enumerate1;
    ZIP2 => zip2;
    // `sum(xs)` of an exact list or tuple of numbers
    SUM_SEQ => sum_seq;
    // `sorted(xs)` of an exact list or tuple of inline ints, or of exact strs
    SORTED_SEQ => sorted_seq;
    // `"v%d" % i`: printf-style formatting of an exact str with plain values
    STR_MOD => str_mod;
    // `"-" * n` of an exact str and an inline int
    STR_REPEAT => str_repeat;
    // `[x] * n` of an exact list and an inline int
    LIST_REPEAT => list_repeat;
    SUBDICT_GET => subdict_get;
    SUBDICT_SET => subdict_set;
    SUBDICT_CONTAINS => subdict_contains;
    DICT_CONTAINS => dict_contains;
    DICT_GET_OR => dict_get_or;
    SET_ADD => set_add;
    SET_CONTAINS => set_contains;
    // a `yield` feeding the sink of a generator a builtin drains (vm/drain.rs)
    SINK_PUSH => sink_push;
    // `set(g)`, `tuple(g)`, `list(g)` of a generator inlined whole
    // (record/drains.rs): the set or list filled (`calla`), the items added,
    // the tuple made, the generator finished
    NEW_SET0 => new_set0;
    NEW_LIST_CAP => new_list_cap;
    DRAIN_SET_ADD => drain_set_add;
    DRAIN_APPEND => drain_append;
    DRAIN_END => drain_end;
    DRAIN_END_TUPLE => drain_end_tuple;
    STR_JOIN_LIST => str_join_list;
    // `next(it)` of a range, list or tuple iterator
    NEXT_ITEM => next_item;
    // nested functions inlined by code (record.rs `record_inline_call`)
    SAME_CODE => same_code;
    FUNC_CELL => func_cell;
    FUNC_DEFAULT => func_default;
    // `a + b` of two exact lists or two exact tuples; `reversed(x)` of an
    // exact range, list or tuple
    SEQ_CONCAT => seq_concat;
    REVERSED => reversed;
    REV_NEXT => rev_next;
    // a property of a class whose namespace keeps changing
    CLASS_PROPERTY => class_property;
    // `k in (a, b, c)`, dict and set iteration, `type(x)`
    SEQ_CONTAINS => seq_contains;
    DICT_NEXT => dict_next;
    TYPE_OF => type_of;
    // list displays (`calla`: dropped when unused)
    NEW_LIST0 => new_list0;
    NEW_LIST1 => new_list1;
    NEW_LIST2 => new_list2;
    DICT_SETDEFAULT => dict_setdefault;
    STR_EQ => str_eq;
    STR_LT => str_lt;
    STR_CONTAINS => str_contains;
    STR_GET => str_get;
    STR_CONCAT => str_concat;
    ORD => ord;
    CHR => chr;
    INT_STR => int_str;
    // tuple displays (`calla` for one or two items: dropped when unused)
    NEW_TUPLE1 => new_tuple1;
    NEW_TUPLE2 => new_tuple2;
    TUPLE_ITEM => tuple_item;
    // class calls (`calla`): the instance `__init__` then fills
    NEW_INSTANCE => new_instance;
    ADD_ATTR => add_attr;
    // a virtual instance made for real (jit/virtuals.rs): its attributes parked
    NEW_INSTANCE_PARKED => new_instance_parked;
    NEW_SUPER => new_super;
    // `obj.m` of a plain method (`calla`): its calls are inlined
    NEW_BOUND => new_bound;
    NEW_TUPLE_N => new_tuple_n;
    TUPLE_FIRST => tuple_first;
    // f-strings: formatting ints, floats and strs, joining the pieces
    FORMAT => format;
    STR_TO_INT => str_to_int;
    // dict displays (`{}` a `calla`; the others check their keys first)
    NEW_DICT0 => new_dict0;
    NEW_DICT1 => new_dict1;
    NEW_DICT_N => new_dict_n;
    // int arithmetic past the inline ints (an LCG's `x * 1103515245`, pidigits)
    INT_ADD => int_add;
    INT_SUB => int_sub;
    INT_MUL => int_mul;
    INT_MOD => int_mod;
    INT_FLOORDIV => int_floordiv;
    // list.pop and list.insert on exact lists
    LIST_POP => list_pop;
    LIST_INSERT => list_insert;
    LIST_EXTEND => list_extend;
    // `def` and lambdas in a loop (`calla`): the code object by address, the
    // globals stashed
    MAKE_FUNCTION => make_function;
    STR_JOIN_N => str_join_n;
    // slices (`calla`) and slicing of exact lists, tuples and strs
    NEW_SLICE2 => new_slice2;
    NEW_SLICE3 => new_slice3;
    SLICE_GET => slice_get;
    SLICE_SET => slice_set;
    // the same for a slice the trace never made (jit/sunk.rs): its bounds,
    // and the assigned value, in `ARGS`
    SLICE_GET_ARGS => slice_get_args;
    SLICE_SET_ARGS => slice_set_args;
    // the loop frame's exception-handler blocks (`try` in a loop)
    PUSH_BLOCK => push_block;
    POP_BLOCK => pop_block;
    // exceptions raised and caught in the trace (jit/caught.rs)
    UNWIND => unwind;
    EXC_PUSH => exc_push;
    EXC_RESTORE => exc_restore;
    EXC_MATCH => exc_match;
    KEY_ERROR => key_error;
    EXC_HANDLED => exc_handled;
    NEW_EXCEPTION => new_exception;
    NEW_LIST_N => new_list_n;
    // round() of a float (jit/calls.rs)
    ROUND_FLOAT => round_float;
    ROUND_FLOAT_TO => round_float_to;
    // a global stored at its entry's position (jit/globals.rs)
    STORE_GLOBAL_AT => store_global_at;
    // `for c in s` over a str
    STR_NEXT => str_next;
    // `enumerate` and `zip` over built-in iterators (plain_iter.rs)
    ENUM_NEXT => enum_next;
    ZIP_NEXT => zip_next;
    // the same, and `d.items()`'s, with the items left in `ARGS` for a tuple
    // the trace does not make (jit/sunk.rs)
    ENUM_NEXT_ARGS => enum_next_args;
    ZIP_NEXT_ARGS => zip_next_args;
    ITEMS_NEXT_ARGS => items_next_args;
    // methods of exact strs and of random's generator that run no Python
    // code (pure_methods.rs)
    PURE_METHOD => pure_method_call;
    PURE_METHOD_N => pure_method_n;
    BOUND_RANDOM => bound_random_call;
}

const _: () = assert!(RESIDUAL == guards::ir::RESIDUAL_HELPER);

/// The helper's name in `--jit-stats` (exits by guard kind).
pub fn name(index: i64) -> &'static str {
    usize::try_from(index)
        .ok()
        .and_then(|i| NAMES.get(i))
        .copied()
        .unwrap_or("helper")
}

thread_local! {
    /// The value `STASH` parks for the next store helper (helpers take two operands).
    static STASHED: Cell<u64> = const { Cell::new(0) };
    /// The first items of a tuple display of three or more, which `TUPLE_ITEM`
    /// parks until `NEW_TUPLE_N` takes them with the last two. Nothing between
    /// them can collect (no residual call), so they need not be roots.
    static TUPLE_ITEMS: std::cell::RefCell<Vec<Value>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Operands past a helper's two: the trace stores them here (`st`, no
    /// call) right before the helper that reads them. Nothing between can
    /// collect, so they need not be roots.
    static ARGS: [Cell<u64>; 4] = const { [const { Cell::new(0) }; 4] };
    /// The VM running the current trace, for helpers that look at classes.
    static VM: Cell<*mut Vm> = const { Cell::new(std::ptr::null_mut()) };
}

/// The address of this thread's `ARGS` (8 bytes each), for the trace's stores.
pub fn args_addr() -> usize {
    ARGS.with(|a| a.as_ptr() as usize)
}

/// `ARGS[i]`.
fn arg(i: usize) -> Value {
    Value(ARGS.with(|a| a[i].get()))
}

/// `ARGS[..items.len()] = items` (at most four), for the trace to load.
fn set_args(items: &[Value]) {
    ARGS.with(|a| {
        for (cell, v) in a.iter().zip(items) {
            cell.set(v.0);
        }
    })
}

/// The value `STASH` parked last.
pub fn stashed() -> Value {
    Value(STASHED.with(|c| c.get()))
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
        // SAFETY: `enter` set `p` from the `&mut Vm` that is running the
        // trace or recording which calls this helper, on this thread; that
        // Vm outlives the run and does not move, and its own code is
        // suspended in the trace call meanwhile. Assumed rather than proven:
        // the pointer is never cleared (a helper called outside any run would
        // see a stale Vm), and the `&mut` aliases the caller's suspended
        // `&mut self`, which the compiler cannot see across the trace call.
        Some(unsafe { &mut *p })
    }
}

/// `(a,)`.
extern "C" fn new_tuple1(a: u64, _: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        Some(vm.new_tuple_from(&[Value(a)]).0)
    })
}

/// `(a, b)`.
extern "C" fn new_tuple2(a: u64, b: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        Some(vm.new_tuple_from(&[Value(a), Value(b)]).0)
    })
}

/// `start:stop`.
extern "C" fn new_slice2(start: u64, stop: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let data = ObjData::Slice {
            start: Value(start),
            stop: Value(stop),
            step: Value::NONE,
        };
        Some(vm.alloc(vm.types.slice, data).0)
    })
}

/// `start:stop:step`, the step stashed.
extern "C" fn new_slice3(start: u64, stop: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let data = ObjData::Slice {
            start: Value(start),
            stop: Value(stop),
            step: stashed(),
        };
        Some(vm.alloc(vm.types.slice, data).0)
    })
}

/// The bounds of `slice` when each is None or a small int and the step is not
/// zero: slicing with them runs no Python code and cannot fail.
fn plain_slice(slice: Value) -> Option<(Value, Value, Value)> {
    let ObjData::Slice { start, stop, step } = &slice.as_obj()?.data else {
        return None;
    };
    plain_bounds(*start, *stop, *step)
}

/// The bounds when each is None or a small int and the step is not zero.
fn plain_bounds(start: Value, stop: Value, step: Value) -> Option<(Value, Value, Value)> {
    let plain = |v: Value| v.is_none() || v.is_small_int();
    (plain(start) && plain(stop) && plain(step) && step != Value::small_int(0))
        .then_some((start, stop, step))
}

/// Whether `v` is an exact list, tuple or str (`seq[a:b]` runs no Python code).
fn plain_sliceable(v: Value) -> Option<&'static crate::object::Obj> {
    let o = v.as_obj()?;
    (matches!(
        o.data,
        ObjData::List(_) | ObjData::Tuple(_) | ObjData::Str(_)
    ) && type_obj(o.class()).module == "builtins")
        .then_some(o)
}

/// `seq[slice]` for an exact list, tuple or str and a plain slice.
extern "C" fn slice_get(seq: u64, slice: u64) -> u64 {
    guarded(|| get_slice(Value(seq), plain_slice(Value(slice))?, |_| Value(slice)))
}

/// `seq[start:stop:step]`, the bounds in `ARGS[0..3]`: a slice only exits make.
extern "C" fn slice_get_args(seq: u64, _: u64) -> u64 {
    guarded(|| {
        let bounds = plain_bounds(arg(0), arg(1), arg(2))?;
        get_slice(Value(seq), bounds, |vm| {
            let data = ObjData::Slice {
                start: bounds.0,
                stop: bounds.1,
                step: bounds.2,
            };
            vm.alloc(vm.types.slice, data)
        })
    })
}

/// `seq[start:stop:step]` for plain bounds; `slice` makes the slice object
/// for a str (whose `getitem` counts chars).
fn get_slice(
    seq: Value,
    bounds: (Value, Value, Value),
    slice: impl FnOnce(&mut Vm) -> Value,
) -> Option<u64> {
    let o = plain_sliceable(seq)?;
    let vm = vm_mut()?;
    // lists and tuples copy their items here; strs count chars in `getitem`
    let picked = |items: &[Value]| {
        let s = adjust_slice(items.len(), bounds);
        let at = s.start as usize;
        if s.step == 1 {
            items[at..at + s.len].to_vec()
        } else {
            (0..s.len as i64)
                .map(|i| items[(s.start + i * s.step) as usize])
                .collect()
        }
    };
    match &o.data {
        ObjData::List(l) => {
            let v = picked(l.get());
            Some(vm.new_list(v).0)
        }
        ObjData::Tuple(t) => {
            let v = picked(t);
            Some(vm.new_tuple(v).0)
        }
        _ => {
            let slice = slice(vm);
            vm.getitem(seq, slice).ok().map(|v| v.0)
        }
    }
}

/// The indices a plain slice's bounds (None or small ints, step not zero)
/// select from `n` items.
fn adjust_slice(n: usize, (start, stop, step): (Value, Value, Value)) -> SliceIdx {
    let int = |v: Value| (!v.is_none()).then(|| v.as_small_int());
    SliceIdx::adjust(n, int(start), int(stop), int(step).unwrap_or(1))
}

/// `lst[slice] = <stashed>` for an exact list, a plain slice and an exact list
/// or tuple of the right length when the step is not 1 (nothing can fail once
/// it starts).
extern "C" fn slice_set(list: u64, slice: u64) -> u64 {
    guarded(|| set_slice(Value(list), plain_slice(Value(slice))?, stashed()))
}

/// `lst[start:stop:step] = v`, the bounds in `ARGS[0..3]` and `v` in `ARGS[3]`.
extern "C" fn slice_set_args(list: u64, _: u64) -> u64 {
    guarded(|| set_slice(Value(list), plain_bounds(arg(0), arg(1), arg(2))?, arg(3)))
}

/// `lst[start:stop:step] = v` for plain bounds (see `slice_set`).
fn set_slice(list: Value, bounds: (Value, Value, Value), v: Value) -> Option<u64> {
    let o = plain_sliceable(list)?;
    let ObjData::List(l) = &o.data else {
        return None;
    };
    let src: &[Value] = match &v.as_obj()?.data {
        ObjData::List(x) if type_obj(v.obj().class()).module == "builtins" => x.get(),
        ObjData::Tuple(x) if type_obj(v.obj().class()).module == "builtins" => x,
        _ => return None,
    };
    // (copied first when the source is the list itself, `a[:] = a`)
    let own: SmallVec<[Value; 16]>;
    let src = if v == list {
        own = src.into();
        &own[..]
    } else {
        src
    };
    let items = l.get();
    let s = adjust_slice(items.len(), bounds);
    let at = s.start as usize;
    if s.step == 1 && s.len == src.len() {
        items[at..at + s.len].copy_from_slice(src);
    } else if s.step == 1 {
        items.splice(at..at + s.len, src.iter().copied());
    } else {
        if s.len != src.len() {
            // ValueError: the interpreter raises it
            return None;
        }
        for (i, &x) in src.iter().enumerate() {
            items[(s.start + i as i64 * s.step) as usize] = x;
        }
    }
    Some(Value::NONE.0)
}

/// A new plain instance of the class `cls` (see `Vm::plain_init`).
extern "C" fn new_instance(cls: u64, _: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        Some(vm.new_instance(Value(cls)).0)
    })
}

/// Adds the stashed value as a new attribute of the plain instance `obj`,
/// moving it to `shape` (the trace guarded the shape it had, and `shape` is
/// that shape's transition by the attribute's name, as `instance_set_attr`
/// makes it).
extern "C" fn add_attr(obj: u64, shape: u64) -> u64 {
    guarded(|| {
        let o = Value(obj).as_obj()?;
        let ObjData::Instance(i) = &o.data else {
            return None;
        };
        // SAFETY: shapes are leaked (`Shape::with`): the trace's constant is one.
        let shape: &'static crate::object::Shape =
            unsafe { &*(shape as *const crate::object::Shape) };
        if shape.names.len() != i.slots.get().len() + 1 {
            return None;
        }
        i.slots.get().push(Value(STASHED.with(|c| c.get())));
        i.shape.set(shape);
        Some(Value::NONE.0)
    })
}

/// A plain instance of `cls` under `shape` (a leaked `&'static Shape`), its
/// attributes the parked items (`TUPLE_FIRST`, `TUPLE_ITEM`), one per name of
/// the shape: a virtual instance the trace makes (jit/virtuals.rs).
extern "C" fn new_instance_parked(cls: u64, shape: u64) -> u64 {
    guarded(|| {
        // SAFETY: shapes are leaked (`Shape::with`): the trace's constant is one.
        let shape: &'static crate::object::Shape =
            unsafe { &*(shape as *const crate::object::Shape) };
        let slots = TUPLE_ITEMS.with(|t| std::mem::take(&mut *t.borrow_mut()));
        if slots.len() != shape.names.len() {
            return None;
        }
        let vm = vm_mut()?;
        Some(
            vm.heap
                .alloc(Value(cls), crate::object::plain_instance(shape, slots))
                .0,
        )
    })
}

/// `super()` in a method of class `typ` whose first argument is `obj`.
extern "C" fn new_super(typ: u64, obj: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let s = ObjData::Super {
            typ: Value(typ),
            obj: Value(obj),
        };
        Some(vm.alloc(vm.types.super_, s).0)
    })
}

/// Parks the first item of a longer tuple display or f-string, dropping what an
/// earlier one may have left when an exit cut it short.
extern "C" fn tuple_first(v: u64, _: u64) -> u64 {
    TUPLE_ITEMS.with(|t| {
        let mut t = t.borrow_mut();
        t.clear();
        t.push(Value(v));
    });
    Value::NONE.0
}

/// `format(v, spec)` for an inline int, a float or an exact str and an exact
/// str spec (NONE: no spec).
extern "C" fn format(v: u64, spec: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let (v, spec) = (Value(v), Value(spec));
        if !(v.is_small_int() || v.is_float() || exact_str(vm, v)) {
            return None;
        }
        let spec = if spec.is_none() {
            ""
        } else {
            exact_str_of(vm, spec)?;
            crate::vm::str_of(spec)
        };
        vm.format(v, spec).ok().map(|r| r.0)
    })
}

/// `int(s)` for an exact ASCII str of decimal digits (a sign and surrounding
/// spaces allowed) whose value is an inline int; anything else is left to the
/// interpreter.
extern "C" fn str_to_int(s: u64, _: u64) -> u64 {
    guarded(|| {
        let vm = vm()?;
        let st = exact_str_of(vm, Value(s))?;
        if !st.is_ascii() {
            return None;
        }
        let t = st.s.trim_matches(|c: char| c.is_ascii_whitespace());
        let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
        if digits.is_empty() || digits.len() > 15 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let v: i64 = t.parse().ok()?;
        Value::fits_small(v).then(|| Value::small_int(v).0)
    })
}

/// A function of code `code` (an `Rc<Code>` the trace keeps alive) with closure
/// `closure` (a tuple, or NONE) and the stashed globals, no defaults.
extern "C" fn make_function(code: u64, closure: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let ptr = code as *const crate::compiler::bytecode::Code;
        // SAFETY: the recorder passes `Rc::as_ptr` of a code object its trace's
        // constants keep alive; this makes one more counted reference to it.
        let code = unsafe {
            std::rc::Rc::increment_strong_count(ptr);
            std::rc::Rc::from_raw(ptr)
        };
        let f = vm.make_function(code, stashed(), Value::NONE, Value::NONE, Value(closure));
        Some(f.0)
    })
}

/// `(... for x in it)`: the generator of genexpr function `f` (one the
/// recorder made for the code, standing in for each evaluation's) on the
/// iterator in `ARGS[0]`, with the cells of `closure` (a tuple, or None).
extern "C" fn make_genexpr(f: u64, closure: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let fv = Value(f);
        let ObjData::Function(func) = &fv.as_obj()?.data else {
            return None;
        };
        let closure = Value(closure);
        let cells: &[Value] = if closure.is_none() {
            &[]
        } else {
            match &closure.as_obj()?.data {
                ObjData::Tuple(t) => t,
                _ => return None,
            }
        };
        vm.genexpr_generator(fv, func, cells, arg(0)).map(|g| g.0)
    })
}

/// Whether `v` is an int whose arithmetic runs no Python code: inline, or an
/// exact big int.
pub fn exact_int(vm: &Vm, v: Value) -> bool {
    v.is_small_int()
        || (matches!(v.as_obj().map(|o| &o.data), Some(ObjData::BigInt(_)))
            && v.obj().class() == vm.types.int)
}

/// `a op b` for exact ints (big ones included); a zero divisor leaves.
fn int_op(op: crate::compiler::bytecode::BinOp, a: u64, b: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let (a, b) = (Value(a), Value(b));
        if !exact_int(vm, a) || !exact_int(vm, b) {
            return None;
        }
        vm.binary_op(op, a, b).ok().map(|r| r.0)
    })
}

extern "C" fn int_add(a: u64, b: u64) -> u64 {
    int_op(crate::compiler::bytecode::BinOp::Add, a, b)
}

extern "C" fn int_sub(a: u64, b: u64) -> u64 {
    int_op(crate::compiler::bytecode::BinOp::Sub, a, b)
}

extern "C" fn int_mul(a: u64, b: u64) -> u64 {
    int_op(crate::compiler::bytecode::BinOp::Mul, a, b)
}

extern "C" fn int_mod(a: u64, b: u64) -> u64 {
    int_op(crate::compiler::bytecode::BinOp::Mod, a, b)
}

extern "C" fn int_floordiv(a: u64, b: u64) -> u64 {
    int_op(crate::compiler::bytecode::BinOp::FloorDiv, a, b)
}

/// The exact list `list`'s items, or None.
fn exact_list(list: u64) -> Option<&'static Mut<Vec<Value>>> {
    let o = Value(list).as_obj()?;
    match &o.data {
        ObjData::List(l) if type_obj(o.class()).module == "builtins" => Some(l),
        _ => None,
    }
}

/// `list.pop(i)` (`i` NONE: the last) for an exact list and an index in range.
extern "C" fn list_pop(list: u64, i: u64) -> u64 {
    guarded(|| {
        let items = exact_list(list)?.get();
        let n = items.len() as i64;
        let i = Value(i);
        let k = if i.is_none() {
            n - 1
        } else if i.is_small_int() {
            let k = i.as_small_int();
            if k < 0 { k + n } else { k }
        } else {
            return None;
        };
        if !(0..n).contains(&k) {
            return None;
        }
        Some(items.remove(k as usize).0)
    })
}

/// `list.extend(other)` for an exact list and an exact list or tuple (any
/// other iterable exits, before anything, to the interpreter's `extend`).
extern "C" fn list_extend(list: u64, other: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let items = exact_list(list)?.get();
        let other = Value(other);
        let add: Vec<Value> = match &other.as_obj()?.data {
            ObjData::List(l) if other.obj().class() == vm.types.list => l.get().clone(),
            ObjData::Tuple(t) if other.obj().class() == vm.types.tuple => t.to_vec(),
            _ => return None,
        };
        if items.len() + add.len() > crate::vm::drain::MAX_ITEMS {
            return None;
        }
        items.extend(add);
        Some(Value::NONE.0)
    })
}

/// `list.insert(i, <stashed>)` for an exact list and an inline int index.
extern "C" fn list_insert(list: u64, i: u64) -> u64 {
    guarded(|| {
        let items = exact_list(list)?.get();
        let i = Value(i);
        if !i.is_small_int() {
            return None;
        }
        let n = items.len() as i64;
        let k = i.as_small_int();
        let k = if k < 0 { (k + n).max(0) } else { k.min(n) };
        items.insert(k as usize, stashed());
        Some(Value::NONE.0)
    })
}

/// `{}`.
extern "C" fn new_dict0(_: u64, _: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        Some(vm.new_dict().0)
    })
}

/// A dict of the pairs `items` (keys at even places) when every key is pure
/// (checked before anything is made).
fn dict_of_pairs(items: &[Value]) -> Option<u64> {
    let vm = vm_mut()?;
    if !items.chunks(2).all(|kv| pure_key(vm, kv[0])) {
        return None;
    }
    let d = vm.new_dict();
    for kv in items.chunks(2) {
        vm.setitem(d, kv[0], kv[1]).ok()?;
    }
    Some(d.0)
}

/// `{k: v}`.
extern "C" fn new_dict1(k: u64, v: u64) -> u64 {
    guarded(|| dict_of_pairs(&[Value(k), Value(v)]))
}

/// `{k1: v1, ..., k: v}`: the parked keys and values, then `k` and `v`.
extern "C" fn new_dict_n(k: u64, v: u64) -> u64 {
    guarded(|| {
        let mut items = TUPLE_ITEMS.with(|t| std::mem::take(&mut *t.borrow_mut()));
        items.extend([Value(k), Value(v)]);
        dict_of_pairs(&items)
    })
}

/// The parked strs and then `a` and `b`, concatenated (an f-string's pieces).
extern "C" fn str_join_n(a: u64, b: u64) -> u64 {
    guarded(|| {
        let items = TUPLE_ITEMS.with(|t| std::mem::take(&mut *t.borrow_mut()));
        let vm = vm_mut()?;
        let mut s = String::new();
        for v in items.into_iter().chain([Value(a), Value(b)]) {
            s.push_str(&exact_str_of(vm, v)?.s);
        }
        Some(vm.new_string(s).0)
    })
}

/// Parks one of the first items of a longer tuple display.
extern "C" fn tuple_item(v: u64, _: u64) -> u64 {
    TUPLE_ITEMS.with(|t| t.borrow_mut().push(Value(v)));
    Value::NONE.0
}

/// The parked items and then `a` and `b`, as a new tuple.
extern "C" fn new_tuple_n(a: u64, b: u64) -> u64 {
    guarded(|| {
        let mut items = TUPLE_ITEMS.with(|t| std::mem::take(&mut *t.borrow_mut()));
        items.extend([Value(a), Value(b)]);
        let vm = vm_mut()?;
        Some(vm.new_tuple(items).0)
    })
}

/// The parked items and then `a` and `b`, as a new list (`[x, y, z]`).
extern "C" fn new_list_n(a: u64, b: u64) -> u64 {
    guarded(|| {
        let mut items = TUPLE_ITEMS.with(|t| std::mem::take(&mut *t.borrow_mut()));
        items.extend([Value(a), Value(b)]);
        let vm = vm_mut()?;
        Some(vm.new_list(items).0)
    })
}

/// `range(stop)` with an inline int.
extern "C" fn range1(stop: u64, _: u64) -> u64 {
    range2(Value::small_int(0).0, stop)
}

/// `range(start, stop)` with inline ints.
extern "C" fn range2(start: u64, stop: u64) -> u64 {
    guarded(|| new_range(Value(start), Value(stop), Value::small_int(1)))
}

/// `range(start, stop, step)` with inline ints, the step stashed (not zero).
extern "C" fn range3(start: u64, stop: u64) -> u64 {
    guarded(|| new_range(Value(start), Value(stop), stashed()))
}

/// A range of inline ints (None for other values or a zero step, which the
/// interpreter's `range` raises on).
fn new_range(start: Value, stop: Value, step: Value) -> Option<u64> {
    if !start.is_small_int() || !stop.is_small_int() || !step.is_small_int() {
        return None;
    }
    let step = step.as_small_int();
    if step == 0 {
        return None;
    }
    let vm = vm_mut()?;
    let r = ObjData::Range {
        start: start.as_small_int(),
        stop: stop.as_small_int(),
        step,
    };
    Some(vm.alloc(vm.types.range, r).0)
}

/// `sorted(xs)` for an exact list or tuple whose items are all inline ints or
/// all exact strs: their order runs no Python code, and a stable sort of a
/// total order is CPython's result. Anything else exits to the builtin.
extern "C" fn sorted_seq(xs: u64, _: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let mut items = plain_items(vm, Value(xs))?;
        if items.iter().all(|v| v.is_small_int()) {
            items.sort_by_key(|v| v.as_small_int());
        } else if items.iter().all(|&v| exact_str(vm, v)) {
            items.sort_by(|&a, &b| crate::vm::str_of(a).cmp(crate::vm::str_of(b)));
        } else {
            return None;
        }
        Some(vm.new_list(items).0)
    })
}

/// The items of `xs`, an exact list or tuple.
fn plain_items(vm: &Vm, xs: Value) -> Option<Vec<Value>> {
    match &xs.as_obj()?.data {
        ObjData::List(l) if xs.obj().class() == vm.types.list => Some(l.get().clone()),
        ObjData::Tuple(t) if xs.obj().class() == vm.types.tuple => Some(t.to_vec()),
        _ => None,
    }
}

/// Whether `sorted_seq` sorts `xs` (an exact list or tuple of inline ints,
/// or of exact strs).
pub(crate) fn sorts_plainly(vm: &Vm, xs: Value) -> bool {
    plain_items(vm, xs).is_some_and(|items| {
        items.iter().all(|v| v.is_small_int()) || items.iter().all(|&v| exact_str(vm, v))
    })
}

/// Residual site `index` (see `jit::residual`). A Rust panic in the Python code
/// it runs becomes a SystemError raised at the bytecode, as in the interpreter;
/// the frames it had pushed are dropped.
extern "C" fn residual(a: u64, b: u64) -> u64 {
    let Some(vm) = vm_mut() else {
        return EXIT_SENTINEL;
    };
    let (depth, calls, native) = (
        vm.frames.len(),
        vm.jit.residual_calls.len(),
        vm.native_depth,
    );
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        vm_mut().map_or(EXIT_SENTINEL, |vm| vm.run_residual(Value(a), Value(b)))
    }));
    r.unwrap_or_else(|payload| {
        let vm = vm_mut().expect("the VM");
        vm.frames.truncate(depth);
        vm.jit.residual_calls.truncate(calls);
        vm.native_depth = native;
        let msg = crate::vm::panic::panic_message(&*payload);
        let e = vm.error("SystemError", &format!("internal error: {msg}"));
        vm.jit.pending_raise = Some(e.0);
        EXIT_SENTINEL
    })
}

/// The truth of `v` when no Python code decides it: None, numbers, the exact
/// built-in containers and strings, and instances of classes without `__bool__`
/// or `__len__`.
pub fn plain_truth(v: Value) -> Option<bool> {
    if v.is_bool() {
        return Some(v == Value::TRUE);
    }
    if v.is_none() {
        return Some(false);
    }
    if v.is_small_int() {
        return Some(v.as_small_int() != 0);
    }
    if v.is_float() {
        return Some(v.as_float() != 0.0);
    }
    let vm = vm_mut()?;
    let o = v.as_obj()?;
    let exact = vm.is_builtin_exact(v);
    match &o.data {
        ObjData::Str(s) if exact => Some(!s.s.is_empty()),
        ObjData::List(l) if exact => Some(!l.get().is_empty()),
        ObjData::Tuple(t) if exact => Some(!t.is_empty()),
        ObjData::Dict(d) if exact => Some(!d.get().is_empty()),
        ObjData::Set(s) if exact => Some(!s.get().is_empty()),
        ObjData::Instance(_) => {
            let cls = o.class();
            let hooks = ["__bool__", "__len__"].iter().any(|n| {
                let name = vm.name(n);
                crate::vm::types::lookup(vm, cls, name).is_some()
            });
            (!hooks).then_some(true)
        }
        _ => None,
    }
}

/// Whether `v` is a str (exactly, not a subclass).
pub fn exact_str(vm: &Vm, v: Value) -> bool {
    exact_str_of(vm, v).is_some()
}

/// A key whose hash and equality with another such key run no Python code: an
/// inline int, an exact str or an instance hashed by identity.
#[inline]
pub fn pure_key(vm: &Vm, k: Value) -> bool {
    if k.is_small_int() {
        return true;
    }
    match k.as_obj().map(|o| &o.data) {
        Some(ObjData::Str(_)) => k.obj().class() == vm.types.str,
        Some(ObjData::Instance(_)) => identity_key(vm, k),
        _ => false,
    }
}

/// An instance hashed and compared by identity (no `__eq__` or `__hash__`
/// below `object`): `d[node]`, `seen.add(obj)`.
#[inline(never)]
fn identity_key(vm: &Vm, k: Value) -> bool {
    vm.type_hooks(k.obj().class()) & crate::vm::types::HOOK_EQ_HASH == 0
}

/// Whether `d[k]`, `d[k] = v` and `k in d` run no Python code: an exact dict and
/// a pure key. (The dict's other keys are compared only when their hash is equal;
/// a key that is not pure then makes the helper exit, before any effect.)
pub fn pure_dict_access(vm: &Vm, d: Value, k: Value) -> bool {
    matches!(d.as_obj().map(|o| &o.data), Some(ObjData::Dict(_)))
        && (d.obj().class() == vm.types.dict || vm.is_builtin_exact(d))
        && pure_key(vm, k)
}

/// Equality of two pure keys, an error when either is not pure (comparing would
/// run Python code): what the dict and set helpers probe with.
fn pure_eq(vm: &Vm) -> impl FnMut(Value, Value) -> crate::vm::PyResult<bool> + '_ {
    move |a: Value, b: Value| {
        if !pure_key(vm, a) || !pure_key(vm, b) {
            return Err(crate::vm::PyErr(Value::NONE));
        }
        // (pure: ints and instances are equal only to themselves, strs by
        // text)
        let is_str = |v: Value| matches!(v.as_obj().map(|o| &o.data), Some(ObjData::Str(_)));
        Ok(a == b || (is_str(a) && is_str(b) && crate::vm::str_of(a) == crate::vm::str_of(b)))
    }
}

/// The exact set or frozenset `s` and the hash of pure key `k`.
fn pure_set_access(
    vm: &mut Vm,
    s: Value,
    k: Value,
) -> Option<(&'static Mut<crate::object::set::Set>, i64)> {
    let ObjData::Set(set) = &s.as_obj()?.data else {
        return None;
    };
    let exact = s.obj().class() == vm.types.set || vm.is_builtin_exact(s);
    if !exact || !pure_key(vm, k) {
        return None;
    }
    Some((set, vm.hash(k).ok()?))
}

/// `s.add(k)` (a set display or comprehension) for an exact set and a pure key.
extern "C" fn set_add(s: u64, k: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let (set, h) = pure_set_access(vm, Value(s), Value(k))?;
        set.get().add(Value(k), h, &mut pure_eq(vm)).ok()?;
        Some(Value::NONE.0)
    })
}

/// `yield v` in a generator a builtin drains: `v` goes to its sink (the frame
/// running the trace is the generator's).
extern "C" fn sink_push(v: u64, _: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let frame: *const crate::vm::frame::Frame = &**vm.frames.last()?;
        vm.sink_push(frame, Value(v)).then_some(Value::NONE.0)
    })
}

/// Helpers that write no memory a trace loads (`guards::Trace::quiet_helpers`):
/// they fill the set or list a drain made, which the trace never loads from
/// while it fills it.
pub static QUIET: &[i64] = &[DRAIN_APPEND, DRAIN_SET_ADD];

/// `obj.m`: the bound method of function `f` (a trace constant the recorder
/// found on `obj`'s class, which the trace guarded) and `obj`.
extern "C" fn new_bound(f: u64, obj: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let data = ObjData::BoundMethod {
            func: Value(f),
            slf: Value(obj),
        };
        Some(vm.alloc(vm.types.method, data).0)
    })
}

/// An empty set.
extern "C" fn new_set0(_: u64, _: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        Some(vm.new_set().0)
    })
}

/// An empty list with room for `n` (an inline int) items: the list a
/// drained generator fills (its capacity is not observable).
extern "C" fn new_list_cap(n: u64, _: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let n = Value(n).as_small_int().clamp(0, 64) as usize;
        Some(vm.new_list(Vec::with_capacity(n)).0)
    })
}

/// An item a drained generator yields, added to the set the trace made (an
/// exact set: no class check); exits before anything for a key whose hash
/// or equality is not the fast path's.
extern "C" fn drain_set_add(s: u64, k: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let ObjData::Set(set) = &Value(s).as_obj()?.data else {
            return None;
        };
        let k = Value(k);
        let h = if k.is_small_int() {
            Vm::hash_i64(k.as_small_int())
        } else if pure_key(vm, k) {
            vm.hash(k).ok()?
        } else {
            return None;
        };
        set.get().add(k, h, &mut pure_eq(vm)).ok()?;
        Some(Value::NONE.0)
    })
}

/// An item a drained generator yields, appended to the builtin's private list
/// (exits before anything past the length `list(g)` allows).
extern "C" fn drain_append(list: u64, v: u64) -> u64 {
    guarded(|| {
        let ObjData::List(l) = &Value(list).as_obj()?.data else {
            return None;
        };
        let l = l.get();
        if l.len() >= crate::vm::drain::MAX_ITEMS {
            return None;
        }
        l.push(Value(v));
        Some(Value::NONE.0)
    })
}

/// The generator `g` a builtin drained is finished, as the interpreter leaves
/// a generator that returned (no frame, not running). Checks come first:
/// after them nothing exits.
fn finish_drained(vm: &mut Vm, g: u64) -> Option<()> {
    let ObjData::Generator(cell) = &Value(g).as_obj()?.data else {
        return None;
    };
    let g = cell.get();
    let mut frame = g.frame.take()?;
    g.running = false;
    // (no longer the generator's, nor seen by anything: the next call's
    // frame, as the generator's `MAKE_GEN` may be)
    frame.generator = Value::NONE;
    vm.recycle_frame(frame);
    Some(())
}

/// `sep.join(items)` for the list a drained generator filled, when every
/// item is a str (else it exits, before anything, and the interpreter's
/// `join` raises).
extern "C" fn str_join_list(sep: u64, list: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let sep = crate::builtins::str::as_str(Value(sep))?;
        let ObjData::List(l) = &Value(list).as_obj()?.data else {
            return None;
        };
        let items = l.get();
        let mut strs = Vec::with_capacity(items.len());
        let mut len = sep.len() * items.len().saturating_sub(1);
        for &x in items.iter() {
            let t = crate::builtins::str::as_str(x)?;
            len += t.len();
            strs.push(t);
        }
        if len as u128 > crate::vm::MAX_ALLOC_BYTES {
            return None;
        }
        let mut out = String::with_capacity(len);
        for (i, t) in strs.iter().enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            out.push_str(t);
        }
        Some(vm.new_string(out).0)
    })
}

/// The `return` of a generator `set(g)` or `list(g)` drained: it is finished.
extern "C" fn drain_end(g: u64, _: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        finish_drained(vm, g)?;
        Some(Value::NONE.0)
    })
}

/// The `return` of a generator `tuple(g)` drained into `list`: it is
/// finished, and the tuple takes the list's items (the list is private to
/// the trace, and no exit follows that could still need it).
extern "C" fn drain_end_tuple(g: u64, list: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let ObjData::List(l) = &Value(list).as_obj()?.data else {
            return None;
        };
        finish_drained(vm, g)?;
        let items = std::mem::take(l.get());
        Some(vm.new_tuple(items).0)
    })
}

/// `k in s` for an exact set or frozenset and a pure key.
extern "C" fn set_contains(k: u64, s: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let (set, h) = pure_set_access(vm, Value(s), Value(k))?;
        let found = set.get().contains(Value(k), h, &mut pure_eq(vm)).ok()?;
        Some(Value::bool(found).0)
    })
}

/// `[]`.
extern "C" fn new_list0(_: u64, _: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        Some(vm.new_list(Vec::new()).0)
    })
}

/// `[a]`.
extern "C" fn new_list1(a: u64, _: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        Some(vm.new_list(vec![Value(a)]).0)
    })
}

/// `[a, b]`.
extern "C" fn new_list2(a: u64, b: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        Some(vm.new_list(vec![Value(a), Value(b)]).0)
    })
}

/// The position of pure key `k` in dict `d` (both checked): Err when a key of
/// equal hash is not pure (comparing would run Python code).
fn dict_find(vm: &mut Vm, d: Value, k: Value) -> Option<(Option<usize>, i64)> {
    if !pure_dict_access(vm, d, k) {
        return None;
    }
    find_pure(vm, d, k)
}

/// The position of `k`, a pure key (the caller checked), in the dict object
/// `d`, and `k`'s hash; None when a key of equal hash is not pure.
fn find_pure(vm: &mut Vm, d: Value, k: Value) -> Option<(Option<usize>, i64)> {
    let h = vm.hash(k).ok()?;
    let ObjData::Dict(dict) = &d.as_obj()?.data else {
        return None;
    };
    dict.get()
        .find_pure(k, h, &mut pure_eq(vm))
        .ok()
        .map(|pos| (pos, h))
}

/// `d[k]` on the dict object `d` for a pure key; None when it is missing.
fn get_pure(vm: &mut Vm, d: Value, k: Value) -> Option<u64> {
    let (pos, _) = find_pure(vm, d, k)?;
    let ObjData::Dict(dict) = &d.obj().data else {
        return None;
    };
    Some(dict.get().entries()[pos?].value.0)
}

/// `d[k] = v` on the dict object `d` for a pure key.
fn set_pure(vm: &mut Vm, d: Value, k: Value, v: Value) -> Option<u64> {
    let (pos, h) = find_pure(vm, d, k)?;
    let ObjData::Dict(dict) = &d.obj().data else {
        return None;
    };
    match pos {
        Some(p) => dict.get().set_value(p, v),
        None => dict.get().insert_new(k, h, v),
    }
    Some(Value::NONE.0)
}

/// `k in d` on the dict object `d` for a pure key.
fn contains_pure(vm: &mut Vm, d: Value, k: Value) -> Option<u64> {
    let (pos, _) = find_pure(vm, d, k)?;
    Some(Value::bool(pos.is_some()).0)
}

/// Whether `cls` is a class whose metaclass is `type` itself and `name` not a
/// dunder: its attribute is then what the lookup through its MRO finds (`type`
/// defines no other data descriptor), and storing one is `type_set_attr`.
pub fn plain_class_attr(vm: &Vm, cls: Value, name: Value) -> bool {
    if !matches!(cls.as_obj().map(|o| &o.data), Some(ObjData::Type(_))) {
        return false;
    }
    let text = crate::vm::str_of(name);
    vm.type_of(cls) == vm.types.type_ && !(text.starts_with("__") && text.ends_with("__"))
}

/// `cls.name` when `plain_class_attr` holds and the value found is a plain one
/// (a number, a str, a container: no `__get__`).
extern "C" fn type_getattr(cls: u64, name: u64) -> u64 {
    guarded(|| {
        let vm = vm()?;
        let (cls, name) = (Value(cls), Value(name));
        if !plain_class_attr(vm, cls, name) {
            return None;
        }
        let v = crate::vm::types::lookup(vm, cls, name)?;
        crate::vm::types::is_plain_class_value(vm, v).then_some(v.0)
    })
}

/// `cls.name = ARGS[0]` when `plain_class_attr` holds, for a class not of the
/// `builtins` module (whose types are immutable).
extern "C" fn type_setattr(cls: u64, name: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let (cls, name) = (Value(cls), Value(name));
        if !plain_class_attr(vm, cls, name) || type_obj(cls).module == "builtins" {
            return None;
        }
        vm.type_set_attr(cls, name, arg(0));
        Some(Value::NONE.0)
    })
}

/// How two plain items compare: Some(ordering) for two numbers (inline ints,
/// bools, floats that are not NaN) or two exact strs; Some(None) when they
/// are of kinds that are simply unequal; None when comparing could run Python
/// code or is not a total order (the helper then leaves).
fn plain_order(vm: &Vm, a: Value, b: Value) -> Option<Option<std::cmp::Ordering>> {
    let num = |v: Value| {
        if v.is_small_int() {
            Some(v.as_small_int() as f64)
        } else if v.is_bool() {
            Some(f64::from(u8::from(v == Value::TRUE)))
        } else if v.is_float() && !v.as_float().is_nan() {
            Some(v.as_float())
        } else {
            None
        }
    };
    match (num(a), num(b)) {
        (Some(x), Some(y)) => return Some(x.partial_cmp(&y)),
        (Some(_), None) | (None, Some(_)) if exact_str(vm, a) || exact_str(vm, b) => {
            return Some(None);
        }
        _ => {}
    }
    match (exact_str_of(vm, a), exact_str_of(vm, b)) {
        (Some(x), Some(y)) => Some(Some(x.s.as_str().cmp(y.s.as_str()))),
        _ => None,
    }
}

/// `a OP b` for two exact tuples or two exact lists whose items up to the
/// first unequal pair are plain (`plain_order`), OP in `ARGS[0]` as the
/// interpreter's `CmpOp` index (Lt, Le, Eq, Ne, Gt, Ge).
extern "C" fn seq_compare(a: u64, b: u64) -> u64 {
    use std::cmp::Ordering;
    guarded(|| {
        let vm = vm()?;
        let (a, b) = (Value(a), Value(b));
        let items = |v: Value| -> Option<&[Value]> {
            if !vm.is_builtin_exact(v) {
                return None;
            }
            match &v.as_obj()?.data {
                ObjData::Tuple(t) => Some(&t[..]),
                ObjData::List(l) => Some(&l.get()[..]),
                _ => None,
            }
        };
        let (xs, ys) = (items(a)?, items(b)?);
        if a.obj().class() != b.obj().class() {
            return None;
        }
        let op = arg(0).as_small_int();
        // the first unequal pair decides; else the lengths do
        let mut order = Some(xs.len().cmp(&ys.len()));
        for (&x, &y) in xs.iter().zip(ys) {
            match plain_order(vm, x, y)? {
                Some(Ordering::Equal) => continue,
                o => {
                    order = o;
                    break;
                }
            }
        }
        let r = match (op, order) {
            (2, o) => o == Some(Ordering::Equal),
            (3, o) => o != Some(Ordering::Equal),
            (_, None) => return None,
            (0, Some(o)) => o == Ordering::Less,
            (1, Some(o)) => o != Ordering::Greater,
            (4, Some(o)) => o == Ordering::Greater,
            (5, Some(o)) => o != Ordering::Less,
            _ => return None,
        };
        Some(Value::bool(r).0)
    })
}

/// Whether `f` is a plain generator function (not a coroutine or an async
/// generator): calling it makes a generator and runs none of its code.
pub fn is_generator_function(f: Value) -> bool {
    use crate::compiler::bytecode::flags;
    matches!(f.as_obj().map(|o| &o.data), Some(ObjData::Function(func))
        if func.code.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR)
            == flags::GENERATOR)
}

/// `f(a, ...)` for a generator function `f` (`is_generator_function`); exits
/// when the arguments do not bind (the interpreter raises TypeError).
fn make_gen(f: Value, args: &[Value]) -> Option<u64> {
    if !is_generator_function(f) {
        return None;
    }
    let vm = vm_mut()?;
    let ObjData::Function(func) = &f.obj().data else {
        return None;
    };
    if vm.pending_generator.is_some() {
        return None;
    }
    vm.make_generator(f, func, args).ok().map(|g| g.0)
}

extern "C" fn make_gen1(f: u64, a: u64) -> u64 {
    guarded(|| make_gen(Value(f), &[Value(a)]))
}

/// The second argument in `ARGS[0]`.
extern "C" fn make_gen2(f: u64, a: u64) -> u64 {
    guarded(|| make_gen(Value(f), &[Value(a), arg(0)]))
}

/// Whether `iter(v)` runs no Python code: an exact list, tuple, str, range,
/// dict, set or frozenset, a built-in iterator or a generator.
pub fn plain_iterable(vm: &Vm, v: Value) -> bool {
    let Some(o) = v.as_obj() else {
        return false;
    };
    match &o.data {
        ObjData::List(_)
        | ObjData::Tuple(_)
        | ObjData::Str(_)
        | ObjData::Range { .. }
        | ObjData::Dict(_)
        | ObjData::Set(_)
        | ObjData::Iter(_) => vm.is_builtin_exact(v),
        ObjData::Generator(_) => o.class() == vm.types.generator,
        _ => false,
    }
}

/// An iterator over `v` (`plain_iterable`).
fn plain_iter(vm: &mut Vm, v: Value) -> Option<Value> {
    if !plain_iterable(vm, v) {
        return None;
    }
    vm.iter(v).ok()
}

/// `enumerate(x)`.
extern "C" fn enumerate1(x: u64, _: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let it = plain_iter(vm, Value(x))?;
        let st = IterState::Enumerate {
            it,
            n: Value::small_int(0),
        };
        Some(
            vm.alloc(
                vm.types.enumerate,
                ObjData::Iter(crate::object::Mut::new(st)),
            )
            .0,
        )
    })
}

/// `zip(a, b)`.
extern "C" fn zip2(a: u64, b: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let (ia, ib) = (plain_iter(vm, Value(a))?, plain_iter(vm, Value(b))?);
        let st = IterState::Zip {
            its: vec![ia, ib],
            strict: false,
        };
        Some(
            vm.alloc(vm.types.zip, ObjData::Iter(crate::object::Mut::new(st)))
                .0,
        )
    })
}

/// The dict an instance of a dict subclass holds its items in: its own payload,
/// or (for the native subclasses, and Python ones) the dict it wraps.
pub fn dict_of(v: Value) -> Option<Value> {
    match &v.as_obj()?.data {
        ObjData::Dict(_) => Some(v),
        ObjData::Instance(i) => {
            let b = i.base_value.get();
            matches!(b.as_obj()?.data, ObjData::Dict(_)).then_some(b)
        }
        _ => None,
    }
}

/// The dict of `d` (`dict_of`; the trace guarded its class: see
/// `Vm::dict_item_methods`) when `k` is a pure key.
fn subdict_of(vm: &Vm, d: Value, k: Value) -> Option<Value> {
    let d = dict_of(d)?;
    pure_key(vm, k).then_some(d)
}

/// Whether `d`'s dict (`dict_of`) holds the pure key `k`.
pub fn subdict_holds(vm: &mut Vm, d: Value, k: Value) -> bool {
    subdict_of(vm, d, k).is_some_and(|d| find_pure(vm, d, k).is_some_and(|(pos, _)| pos.is_some()))
}

/// `d[k]` for a dict subclass's instance with dict's `__getitem__`; exits when
/// the key is missing (the interpreter calls `__missing__` or raises).
extern "C" fn subdict_get(d: u64, k: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let k = Value(k);
        get_pure(vm, subdict_of(vm, Value(d), k)?, k)
    })
}

/// `d[k] = ARGS[0]` for a dict subclass's instance with dict's `__setitem__`.
extern "C" fn subdict_set(d: u64, k: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let k = Value(k);
        set_pure(vm, subdict_of(vm, Value(d), k)?, k, arg(0))
    })
}

/// `k in d` for a dict subclass's instance with dict's `__contains__`.
extern "C" fn subdict_contains(k: u64, d: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let k = Value(k);
        contains_pure(vm, subdict_of(vm, Value(d), k)?, k)
    })
}

/// `d[k]` for an exact dict and a pure key; exits when the key is missing (the
/// interpreter raises KeyError) or the access is not pure.
extern "C" fn dict_get(d: u64, k: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let (d, k) = (Value(d), Value(k));
        if !pure_dict_access(vm, d, k) {
            return None;
        }
        get_pure(vm, d, k)
    })
}

/// `d.get(k, default)` (the default from `STASH`) for an exact dict and a pure key.
extern "C" fn dict_get_or(d: u64, k: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let (d, k) = (Value(d), Value(k));
        let (pos, _) = dict_find(vm, d, k)?;
        let ObjData::Dict(dict) = &d.obj().data else {
            return None;
        };
        Some(match pos {
            Some(p) => dict.get().entries()[p].value.0,
            None => STASHED.with(|c| c.get()),
        })
    })
}

/// `d.setdefault(k, default)` (the default from `STASH`) for an exact dict and a
/// pure key.
extern "C" fn dict_setdefault(d: u64, k: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let (d, k) = (Value(d), Value(k));
        let (pos, h) = dict_find(vm, d, k)?;
        let ObjData::Dict(dict) = &d.obj().data else {
            return None;
        };
        Some(match pos {
            Some(p) => dict.get().entries()[p].value.0,
            None => {
                let v = Value(STASHED.with(|c| c.get()));
                dict.get().insert_new(k, h, v);
                v.0
            }
        })
    })
}

/// `d[k] = v` (v from `STASH`) for an exact dict and a pure key.
extern "C" fn dict_set(d: u64, k: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let (d, k) = (Value(d), Value(k));
        if !pure_dict_access(vm, d, k) {
            return None;
        }
        set_pure(vm, d, k, stashed())
    })
}

/// `k in d` for an exact dict and a pure key.
extern "C" fn dict_contains(k: u64, d: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let (d, k) = (Value(d), Value(k));
        if !pure_dict_access(vm, d, k) {
            return None;
        }
        contains_pure(vm, d, k)
    })
}

/// `a == b` for two exact strs.
extern "C" fn str_eq(a: u64, b: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let (a, b) = (Value(a), Value(b));
        let (x, y) = (exact_str_of(vm, a)?, exact_str_of(vm, b)?);
        Some(Value::bool(a == b || x.s == y.s).0)
    })
}

/// The text of an exact str.
fn exact_str_of(vm: &Vm, v: Value) -> Option<&'static crate::object::PyStr> {
    let o = v.as_obj()?;
    match &o.data {
        // (the class compared by address: `is_builtin_exact` compares names)
        ObjData::Str(s) if o.class() == vm.types.str => Some(s),
        _ => None,
    }
}

/// `a < b` for exact strs (UTF-8 byte order is code point order).
extern "C" fn str_lt(a: u64, b: u64) -> u64 {
    guarded(|| {
        let vm = vm()?;
        let (a, b) = (exact_str_of(vm, Value(a))?, exact_str_of(vm, Value(b))?);
        Some(Value::bool(a.s < b.s).0)
    })
}

/// `a in b` for exact strs.
extern "C" fn str_contains(a: u64, b: u64) -> u64 {
    guarded(|| {
        let vm = vm()?;
        let (a, b) = (exact_str_of(vm, Value(a))?, exact_str_of(vm, Value(b))?);
        Some(Value::bool(crate::builtins::strsearch::contains(&b.s, &a.s)).0)
    })
}

/// `s[i]` for an exact str and an inline int in range (else the interpreter
/// raises).
extern "C" fn str_get(s: u64, i: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let st = exact_str_of(vm, Value(s))?;
        let i = Value(i);
        if !i.is_small_int() {
            return None;
        }
        let (n, k) = (st.char_len as i64, i.as_small_int());
        let k = if k < 0 { k + n } else { k };
        if !(0..n).contains(&k) {
            return None;
        }
        let c = if st.is_ascii() {
            &st.s[k as usize..k as usize + 1]
        } else {
            st.char_at(k as usize)
        };
        Some(vm.char_str(c).0)
    })
}

/// `a + b` for exact strs.
extern "C" fn str_concat(a: u64, b: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let (x, y) = (exact_str_of(vm, Value(a))?, exact_str_of(vm, Value(b))?);
        if y.s.is_empty() {
            return Some(a);
        }
        if x.s.is_empty() {
            return Some(b);
        }
        Some(vm.new_str_concat(&x.s, &y.s).0)
    })
}

/// `ord(c)` for an exact one-character str.
extern "C" fn ord(c: u64, _: u64) -> u64 {
    guarded(|| {
        let vm = vm()?;
        let s = exact_str_of(vm, Value(c))?;
        let mut chars = s.s.chars();
        match (chars.next(), chars.next()) {
            (Some(ch), None) => Some(Value::small_int(ch as i64).0),
            _ => None,
        }
    })
}

/// `chr(i)` for an inline int that is a code point.
extern "C" fn chr(i: u64, _: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let i = Value(i);
        if !i.is_small_int() {
            return None;
        }
        let ch = char::from_u32(u32::try_from(i.as_small_int()).ok()?)?;
        let mut buf = [0u8; 4];
        Some(vm.char_str(ch.encode_utf8(&mut buf)).0)
    })
}

/// `str(i)` for an inline int.
extern "C" fn int_str(i: u64, _: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let i = Value(i);
        if !i.is_small_int() {
            return None;
        }
        let mut buf = [0; 20];
        let text = crate::builtins::numbers::i64_text(i.as_small_int(), &mut buf);
        Some(vm.new_str(text).0)
    })
}

/// `bool(v)` where `plain_truth` answers it.
extern "C" fn truth(v: u64, _: u64) -> u64 {
    guarded(|| plain_truth(Value(v)).map(|b| Value::bool(b).0))
}

/// `iter(v)` for an exact list, tuple, range, dict, set, dict view or str.
extern "C" fn get_iter(v: u64, _: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let o = Value(v).as_obj()?;
        let t = &vm.types;
        let exact = [
            t.list,
            t.tuple,
            t.range,
            t.dict,
            t.set,
            t.frozenset,
            t.dict_keys,
            t.dict_values,
            t.dict_items,
            t.str,
        ]
        .contains(&o.class());
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
        // SAFETY: as in `vm_mut`.
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
        // past i64 is past `stop` too (as `Vm::next`)
        *cur = c.checked_add(*step).unwrap_or(*stop);
        Some(Value::small_int(c).0)
    })
}

/// The next item of `reversed(list_or_tuple)`; exits at the end (or when the
/// list shrank under it), where the interpreter ends the loop.
extern "C" fn rev_next(it: u64, _: u64) -> u64 {
    guarded(|| plain_iter::next(vm_mut()?, Value(it)).map(|v| v.0))
}

/// `a + b` for two exact lists or two exact tuples (a new one).
extern "C" fn seq_concat(a: u64, b: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let (x, y) = (Value(a), Value(b));
        if !vm.is_builtin_exact(x) || !vm.is_builtin_exact(y) {
            return None;
        }
        match (&x.as_obj()?.data, &y.as_obj()?.data) {
            (ObjData::List(l), ObjData::List(m)) => {
                let mut v = Vec::with_capacity(l.get().len() + m.get().len());
                v.extend_from_slice(l.get());
                v.extend_from_slice(m.get());
                Some(vm.new_list(v).0)
            }
            (ObjData::Tuple(l), ObjData::Tuple(m)) => {
                let mut v = Vec::with_capacity(l.len() + m.len());
                v.extend_from_slice(l);
                v.extend_from_slice(m);
                Some(vm.new_tuple(v).0)
            }
            _ => None,
        }
    })
}

/// `sum(xs)` for an exact list or tuple whose items are inline ints, floats
/// and bools, added from 0 in order as the builtin adds them (checked first:
/// an item of another kind leaves before anything is added).
extern "C" fn sum_seq(xs: u64, _: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let v = Value(xs);
        if !vm.is_builtin_exact(v) {
            return None;
        }
        let items: &[Value] = match &v.as_obj()?.data {
            ObjData::List(l) => l.get(),
            ObjData::Tuple(t) => t,
            _ => return None,
        };
        if !items
            .iter()
            .all(|x| x.is_small_int() || x.is_float() || x.is_bool())
        {
            return None;
        }
        let items: SmallVec<[Value; 16]> = items.into();
        let mut acc = Value::small_int(0);
        for x in items {
            acc = vm
                .binary_op(crate::compiler::bytecode::BinOp::Add, acc, x)
                .ok()?;
        }
        Some(acc.0)
    })
}

/// Whether `%` formatting may take `v` without running Python code: an
/// inline int, a float, a bool, None or an exact str.
fn plain_format_arg(vm: &Vm, v: Value) -> bool {
    v.is_small_int() || v.is_float() || v.is_bool() || v.is_none() || exact_str(vm, v)
}

/// `s % x` for an exact str `s` and `x` a plain value or an exact tuple of
/// them (a bad format or a wrong count leaves: the interpreter raises).
extern "C" fn str_mod(s: u64, x: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let (s, x) = (Value(s), Value(x));
        if !exact_str(vm, s) {
            return None;
        }
        let plain = match &x.as_obj().map(|o| &o.data) {
            Some(ObjData::Tuple(t)) => {
                vm.is_builtin_exact(x) && t.iter().all(|&v| plain_format_arg(vm, v))
            }
            _ => plain_format_arg(vm, x),
        };
        if !plain {
            return None;
        }
        vm.binary_op(crate::compiler::bytecode::BinOp::Mod, s, x)
            .ok()
            .map(|v| v.0)
    })
}

/// `s * n` for an exact str and an inline int, up to a million bytes (a
/// longer one leaves, for the interpreter's limits).
extern "C" fn str_repeat(s: u64, n: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let (s, n) = (Value(s), Value(n));
        let text = exact_str_of(vm, s)?;
        if !n.is_small_int()
            || text
                .s
                .as_str()
                .len()
                .checked_mul(n.as_small_int().max(0) as usize)?
                > 1 << 20
        {
            return None;
        }
        vm.binary_op(crate::compiler::bytecode::BinOp::Mul, s, n)
            .ok()
            .map(|v| v.0)
    })
}

/// `lst * n` for an exact list and an inline int (a negative count makes an
/// empty list; one past a million items leaves, for the interpreter's
/// MemoryError and limits).
extern "C" fn list_repeat(l: u64, n: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let (l, n) = (Value(l), Value(n));
        let items = exact_list(l.0)?.get();
        if !n.is_small_int() {
            return None;
        }
        let k = n.as_small_int().max(0) as usize;
        if items.len().checked_mul(k)? > 1 << 20 {
            return None;
        }
        let mut v = Vec::with_capacity(items.len() * k);
        for _ in 0..k {
            v.extend_from_slice(items);
        }
        Some(vm.new_list(v).0)
    })
}

/// `reversed(x)` for an exact range, list or tuple: what the builtin makes
/// (nothing it does runs Python code for these).
extern "C" fn reversed(x: u64, _: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let v = Value(x);
        let ok = matches!(
            v.as_obj()?.data,
            ObjData::Range { .. } | ObjData::List(_) | ObjData::Tuple(_)
        ) && vm.is_builtin_exact(v);
        if !ok {
            return None;
        }
        if matches!(v.obj().data, ObjData::Range { .. } | ObjData::Tuple(_)) {
            // (neither has a `__reversed__`: the builtin's own path, without
            // the call's argument binding and dunder lookup)
            return crate::builtins::functions::reversed_without_dunder(vm, v)
                .ok()
                .map(|r| r.0);
        }
        let rev = vm.types.reversed;
        vm.call_kw(rev, &[v], &[]).ok().map(|r| r.0)
    })
}

/// Whether `f` is a function of the recorded function `g`'s code and globals
/// (an inlined nested function, called through any of its closures).
extern "C" fn same_code(f: u64, g: u64) -> u64 {
    guarded(|| {
        let (Some(ObjData::Function(f)), Some(ObjData::Function(g))) = (
            Value(f).as_obj().map(|o| &o.data),
            Value(g).as_obj().map(|o| &o.data),
        ) else {
            return None;
        };
        (std::rc::Rc::ptr_eq(&f.code, &g.code) && f.globals == g.globals).then_some(Value::NONE.0)
    })
}

/// Default `k` of function `f` (its code checked by `same_code`; a function of
/// the same code made elsewhere may have fewer).
extern "C" fn func_default(f: u64, k: u64) -> u64 {
    guarded(|| {
        let Some(ObjData::Function(f)) = Value(f).as_obj().map(|o| &o.data) else {
            return None;
        };
        f.defaults.get(k as usize).map(|d| d.0)
    })
}

/// Free variable `k`'s cell of function `f` (checked by `same_code`).
extern "C" fn func_cell(f: u64, k: u64) -> u64 {
    guarded(|| {
        let Some(ObjData::Function(f)) = Value(f).as_obj().map(|o| &o.data) else {
            return None;
        };
        f.closure.get(k as usize).map(|c| c.0)
    })
}

/// `next(it)` (or `next(it, d)`) for a range, list or tuple iterator with an
/// item left; an exhausted or other iterator exits.
extern "C" fn next_item(it: u64, _: u64) -> u64 {
    let Some(ObjData::Iter(st)) = Value(it).as_obj().map(|o| &o.data) else {
        return EXIT_SENTINEL;
    };
    match st.get() {
        IterState::Range { .. } => range_next(it, 0),
        IterState::Seq { .. } => seq_next(it, 0),
        _ => EXIT_SENTINEL,
    }
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
        let l = exact_list(list)?;
        let j = index(l.get().len(), i)?;
        l.get()[j] = Value(STASHED.with(|c| c.get()));
        Some(Value::NONE.0)
    })
}

/// Whether `obj.name` on instances of `cls` means the instance attribute when it
/// exists: no attribute hooks on the class (known from its cached hook bits) and no
/// data descriptor (property, user descriptor) for `name` on the MRO.
pub(crate) fn plain_instance_attr(vm: &Vm, cls: Value, name: Value) -> bool {
    let t = type_obj(cls);
    let (ver, bits) = t.hooks.get();
    if ver != t.lookup_version.get() || bits & crate::vm::types::ATTR_HOOKS != 0 {
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
    guarded(|| Some(Value::small_int(plain_len(Value(obj))? as i64).0))
}

/// The length of a built-in container, string or set without calling Python code
/// (None: `len` needs the interpreter). The recorder asks it too: a `len` call
/// whose helper would exit on the very value recorded is a residual call instead.
pub(crate) fn plain_len(v: Value) -> Option<usize> {
    let o = v.as_obj()?;
    if type_obj(o.class()).module != "builtins" {
        return None;
    }
    Some(match &o.data {
        ObjData::List(l) => l.get().len(),
        ObjData::Tuple(t) => t.len(),
        ObjData::Str(s) => s.char_len,
        ObjData::Dict(d) => d.get().len(),
        ObjData::Set(s) => s.get().len(),
        _ => return None,
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
        d.set_value(i, Value(STASHED.with(|c| c.get())));
        Some(Value::NONE.0)
    })
}

/// Stores the stashed value into the live entry at position `at` (an inline
/// int) of the dict `globals` (the trace guarded its keys version).
extern "C" fn store_global_at(globals: u64, at: u64) -> u64 {
    guarded(|| {
        let ObjData::Dict(d) = &Value(globals).as_obj()?.data else {
            return None;
        };
        let d = d.get();
        let i = usize::try_from(Value(at).as_small_int()).ok()?;
        if d.entries().get(i)?.key.is_empty() {
            return None;
        }
        d.set_value(i, Value(STASHED.with(|c| c.get())));
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
        if ver != t.lookup_version.get()
            || bits & crate::vm::types::ATTR_HOOKS != 0
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

/// `k in seq` for a pure key and an exact list or tuple whose items up to the
/// one found are pure too (else comparing could run Python code: exit).
extern "C" fn seq_contains(k: u64, seq: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let (k, s) = (Value(k), Value(seq));
        if !pure_key(vm, k) || !vm.is_builtin_exact(s) {
            return None;
        }
        let items: &[Value] = match &s.as_obj()?.data {
            ObjData::List(l) => l.get(),
            ObjData::Tuple(t) => t,
            _ => return None,
        };
        let mut eq = pure_eq(vm);
        for &x in items {
            if x == k || eq(x, k).ok()? {
                return Some(Value::TRUE.0);
            }
        }
        Some(Value::FALSE.0)
    })
}

/// The next key, value or (key, value) of a dict iterator, or key of a set
/// iterator; exits at the end or when the container changed size (the
/// interpreter ends the loop or raises).
extern "C" fn dict_next(it: u64, _: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let ObjData::Iter(st) = &Value(it).as_obj()?.data else {
            return None;
        };
        match vm.hashed_iter_step(st.get()) {
            Ok(Some(item)) => Some(item.0),
            _ => None,
        }
    })
}

/// The next `(key, value)` of `d.items()`'s iterator, left in `ARGS[0..2]`.
extern "C" fn items_next_args(it: u64, _: u64) -> u64 {
    guarded(|| {
        let ObjData::Iter(st) = &Value(it).as_obj()?.data else {
            return None;
        };
        let (k, v) = vm_mut()?.dict_items_step(st.get()).ok()??;
        set_args(&[k, v]);
        Some(Value::NONE.0)
    })
}

/// The next char of a str iterator (ASCII chars are shared strs); exits at
/// the end, where the interpreter ends the loop.
extern "C" fn str_next(it: u64, _: u64) -> u64 {
    guarded(|| plain_iter::next(vm_mut()?, Value(it)).map(|v| v.0))
}

/// `type(x)`: its class.
extern "C" fn type_of(x: u64, _: u64) -> u64 {
    guarded(|| {
        let vm = vm()?;
        Some(vm.type_of(Value(x)).0)
    })
}

/// The property `obj.name` finds on an instance's class (no attribute hooks),
/// for an inlined getter under a class whose version cannot be guarded.
extern "C" fn class_property(obj: u64, name: u64) -> u64 {
    guarded(|| {
        let vm = vm()?;
        let o = Value(obj).as_obj()?;
        if !matches!(o.data, ObjData::Instance(_)) {
            return None;
        }
        let cls = o.class();
        let t = type_obj(cls);
        let (ver, bits) = t.hooks.get();
        if ver != t.lookup_version.get() || bits & crate::vm::types::ATTR_HOOKS != 0 {
            return None;
        }
        let (p, _) = lookup_owner(vm, cls, Value(name))?;
        matches!(p.as_obj()?.data, ObjData::Property { .. }).then_some(p.0)
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
            IterState::Dict { dict, idx, len, .. } => match &dict.as_obj()?.data {
                ObjData::Dict(d) => d.get().len() == *len && d.get().entry_from(*idx).is_none(),
                _ => return None,
            },
            IterState::Set { set, idx, len } => match &set.as_obj()?.data {
                ObjData::Set(s) => s.get().len() == *len && s.get().entry_from(*idx).is_none(),
                _ => return None,
            },
            _ => plain_iter::exhausted(Value(it))?,
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

// ---- builtin and math-module calls, numeric binary ops --------------------------------
//
// Each mirrors the interpreter's function on inline ints, floats and bools (the only
// operands it accepts) and returns the sentinel wherever the interpreter would raise,
// allocate (a big int) or take another path, so the exit re-runs the bytecode there.

/// `module.name` from the module's dict (what `getattr` does for modules before any
/// `__getattr__` fallback, which exits).
extern "C" fn module_attr(m: u64, name: u64) -> u64 {
    guarded(|| {
        let vm = vm()?;
        let ObjData::Module { dict, .. } = &Value(m).as_obj()?.data else {
            return None;
        };
        vm.dict_get_str(*dict, Value(name)).map(|v| v.0)
    })
}

/// An inline number: ints and bools as `I`, floats as `F`.
#[derive(Clone, Copy)]
enum Num {
    I(i64),
    F(f64),
}

fn num(v: u64) -> Option<Num> {
    let v = Value(v);
    if v.is_small_int() {
        Some(Num::I(v.as_small_int()))
    } else if v.is_float() {
        Some(Num::F(v.as_float()))
    } else if v.is_bool() {
        Some(Num::I((v == Value::TRUE) as i64))
    } else {
        None
    }
}

/// As a float (exact: inline ints have at most 48 bits).
fn flt(n: Num) -> f64 {
    match n {
        Num::I(i) => i as f64,
        Num::F(f) => f,
    }
}

fn int_result(i: i64) -> Option<u64> {
    Value::fits_small(i).then(|| Value::small_int(i).0)
}

fn float_result(f: f64) -> Option<u64> {
    Some(Value::float(f).0)
}

/// `abs(x)`.
extern "C" fn abs(x: u64, _: u64) -> u64 {
    guarded(|| match num(x)? {
        Num::I(i) => int_result(i.abs()),
        Num::F(f) => float_result(f.abs()),
    })
}

/// `round(x)` of a float: an int, as the interpreter's `round` (ties to even);
/// leaves for a result past the inline ints (or a NaN or infinity, which raise).
extern "C" fn round_float(x: u64, _: u64) -> u64 {
    guarded(|| {
        let x = Value(x);
        if !x.is_float() {
            return None;
        }
        let r = x.as_float().round_ties_even();
        let small = crate::value::SMALL_INT_MIN as f64..=crate::value::SMALL_INT_MAX as f64;
        small.contains(&r).then(|| Value::small_int(r as i64).0)
    })
}

/// `round(x, n)` of a float and an inline int: the interpreter's rounding.
extern "C" fn round_float_to(x: u64, n: u64) -> u64 {
    guarded(|| {
        let (x, n) = (Value(x), Value(n));
        if !x.is_float() || !n.is_small_int() {
            return None;
        }
        let n = n.as_small_int().clamp(-400, 400);
        float_result(crate::builtins::numbers::round_float(x.as_float(), n))
    })
}

/// `a < b` as the interpreter compares numbers (exact for inline ints; false with NaN).
fn less(a: Num, b: Num) -> bool {
    match (a, b) {
        (Num::I(x), Num::I(y)) => x < y,
        (x, y) => flt(x) < flt(y),
    }
}

/// One step of `min(...)`: `x` replaces the best so far only when strictly smaller,
/// so the first of equal (or unordered) elements wins, as in the interpreter's loop.
extern "C" fn min2(best: u64, x: u64) -> u64 {
    guarded(|| Some(if less(num(x)?, num(best)?) { x } else { best }))
}

/// One step of `max(...)`.
extern "C" fn max2(best: u64, x: u64) -> u64 {
    guarded(|| Some(if less(num(best)?, num(x)?) { x } else { best }))
}

/// The int a float truncates, floors or ceils to, when it is an inline int.
fn float_to_int(f: f64) -> Option<u64> {
    if !f.is_finite() {
        return None;
    }
    int_result(f as i64)
}

/// `int(x)`.
extern "C" fn to_int(x: u64, _: u64) -> u64 {
    guarded(|| match num(x)? {
        Num::I(i) => int_result(i),
        Num::F(f) => float_to_int(f.trunc()),
    })
}

/// `float(x)`.
extern "C" fn to_float(x: u64, _: u64) -> u64 {
    guarded(|| float_result(flt(num(x)?)))
}

fn isinstance_of(vm: &Vm, v: Value, cls: Value, depth: u32) -> Option<bool> {
    if is_type(cls) {
        return Some(vm.isinstance(v, cls));
    }
    let ObjData::Tuple(items) = &cls.as_obj()?.data else {
        return None;
    };
    if depth > 8 {
        return None;
    }
    for c in items.iter() {
        if isinstance_of(vm, v, *c, depth + 1)? {
            return Some(true);
        }
    }
    Some(false)
}

/// `isinstance(obj, cls)` for a class or a tuple of classes.
extern "C" fn isinstance(obj: u64, cls: u64) -> u64 {
    guarded(|| {
        let vm = vm()?;
        Some(Value::bool(isinstance_of(vm, Value(obj), Value(cls), 0)?).0)
    })
}

/// The one-argument math functions `MATH1` computes, by selector (its second operand).
pub const MATH1_NAMES: [&str; 31] = [
    "sqrt", "exp", "expm1", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh",
    "asinh", "acosh", "atanh", "erf", "erfc", "cbrt", "fabs", "log1p", // math_1
    "floor", "ceil", "trunc", // to int
    "log", "log2", "log10", // loghelper
    "degrees", "radians", "isnan", "isinf", "isfinite",
];

/// The functions behind the first 20 names, exactly as `modules::math` registers them.
static MATH_1: [fn(f64) -> f64; 20] = [
    f64::sqrt,
    f64::exp,
    f64::exp_m1,
    f64::sin,
    f64::cos,
    f64::tan,
    f64::asin,
    f64::acos,
    f64::atan,
    f64::sinh,
    f64::cosh,
    f64::tanh,
    |x| crate::ffi::libm::asinh(x),
    |x| crate::ffi::libm::acosh(x),
    |x| crate::ffi::libm::atanh(x),
    |x| crate::ffi::libm::erf(x),
    |x| crate::ffi::libm::erfc(x),
    |x| crate::ffi::libm::cbrt(x),
    f64::abs,
    f64::ln_1p,
];

fn libm_log(x: f64) -> f64 {
    crate::ffi::libm::log(x)
}

/// `modules::math::loghelper` on an inline number; None for a domain error.
fn loghelper(v: Num, func: fn(f64) -> f64) -> Option<f64> {
    match v {
        Num::I(i) => (i > 0).then(|| func(i as f64)),
        Num::F(x) if x.is_finite() => (x > 0.0).then(|| func(x)),
        Num::F(x) => (x.is_nan() || x > 0.0).then_some(x),
    }
}

/// `math.<MATH1_NAMES[sel]>(x)`.
extern "C" fn math1(x: u64, sel: u64) -> u64 {
    guarded(|| {
        let v = num(x)?;
        let sel = Value(sel).as_small_int();
        let xf = flt(v);
        match sel {
            0..=19 => {
                // math_1: a NaN from a non-NaN or an infinity from a finite value raises.
                let r = MATH_1.get(sel as usize)?(xf);
                if (r.is_nan() && !xf.is_nan()) || (r.is_infinite() && xf.is_finite()) {
                    return None;
                }
                float_result(r)
            }
            20..=22 => match v {
                Num::I(i) => int_result(i),
                Num::F(f) => float_to_int(match sel {
                    20 => f.floor(),
                    21 => f.ceil(),
                    _ => f.trunc(),
                }),
            },
            23 => float_result(loghelper(v, libm_log)?),
            24 => float_result(loghelper(v, |x| crate::ffi::libm::log2(x))?),
            25 => float_result(loghelper(v, |x| crate::ffi::libm::log10(x))?),
            26 => float_result(xf * (180.0 / std::f64::consts::PI)),
            27 => float_result(xf * (std::f64::consts::PI / 180.0)),
            28 => Some(Value::bool(xf.is_nan()).0),
            29 => Some(Value::bool(xf.is_infinite()).0),
            30 => Some(Value::bool(xf.is_finite()).0),
            _ => None,
        }
    })
}

fn two_f(a: u64, b: u64) -> Option<(f64, f64)> {
    Some((flt(num(a)?), flt(num(b)?)))
}

/// `math.atan2(y, x)`.
extern "C" fn atan2(y: u64, x: u64) -> u64 {
    guarded(|| {
        let (y, x) = two_f(y, x)?;
        float_result(y.atan2(x))
    })
}

/// `math.copysign(x, y)`.
extern "C" fn copysign(x: u64, y: u64) -> u64 {
    guarded(|| {
        let (x, y) = two_f(x, y)?;
        float_result(x.copysign(y))
    })
}

/// `math.pow(x, y)`.
extern "C" fn math_pow(x: u64, y: u64) -> u64 {
    guarded(|| {
        let (x, y) = two_f(x, y)?;
        let r = x.powf(y);
        if x.is_finite() && y.is_finite() && (r.is_nan() || r.is_infinite()) {
            return None;
        }
        float_result(r)
    })
}

/// `math.hypot(x, y)`.
extern "C" fn hypot(x: u64, y: u64) -> u64 {
    guarded(|| {
        let (x, y) = two_f(x, y)?;
        float_result(crate::modules::math::norm(&mut [x.abs(), y.abs()]))
    })
}

/// `math.fmod(x, y)`.
extern "C" fn fmod(x: u64, y: u64) -> u64 {
    guarded(|| {
        let (x, y) = two_f(x, y)?;
        if y.is_infinite() && x.is_finite() {
            return float_result(x);
        }
        let r = x % y;
        if r.is_nan() && !x.is_nan() && !y.is_nan() {
            return None;
        }
        float_result(r)
    })
}

/// `math.log(x, base)`.
extern "C" fn log_base(x: u64, base: u64) -> u64 {
    guarded(|| {
        let top = loghelper(num(x)?, libm_log)?;
        let den = loghelper(num(base)?, libm_log)?;
        if den == 0.0 {
            return None;
        }
        float_result(top / den)
    })
}

/// `Vm::float_pow`: None where it raises.
fn float_pow(x: f64, y: f64) -> Option<u64> {
    if (x == 0.0 && y < 0.0) || (x < 0.0 && y.fract() != 0.0 && y.is_finite()) {
        return None;
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return None;
    }
    float_result(r)
}

/// `a ** b` on numbers.
extern "C" fn num_pow(a: u64, b: u64) -> u64 {
    guarded(|| match (num(a)?, num(b)?) {
        (Num::I(x), Num::I(y)) if y < 0 => float_pow(x as f64, y as f64),
        (Num::I(x), Num::I(y)) => int_result(x.checked_pow(u32::try_from(y).ok()?)?),
        (x, y) => float_pow(flt(x), flt(y)),
    })
}

/// `a % b` and `a // b` on numbers (ints through the interpreter's small-int path).
fn mod_or_floordiv(op: crate::compiler::bytecode::BinOp, a: u64, b: u64) -> Option<u64> {
    match (num(a)?, num(b)?) {
        (Num::I(x), Num::I(y)) => crate::vm::interp::small_int_binop(op, x, y).map(|v| v.0),
        (x, y) => {
            let (x, y) = (flt(x), flt(y));
            if y == 0.0 {
                return None;
            }
            let (q, m) = crate::vm::num::float_divmod(x, y);
            float_result(if op == crate::compiler::bytecode::BinOp::Mod {
                m
            } else {
                q
            })
        }
    }
}

extern "C" fn num_mod(a: u64, b: u64) -> u64 {
    guarded(|| mod_or_floordiv(crate::compiler::bytecode::BinOp::Mod, a, b))
}

extern "C" fn num_floordiv(a: u64, b: u64) -> u64 {
    guarded(|| mod_or_floordiv(crate::compiler::bytecode::BinOp::FloorDiv, a, b))
}

/// `a << b` and `a >> b` on ints (and bools) while the result stays inline.
fn shift(op: crate::compiler::bytecode::BinOp, a: u64, b: u64) -> Option<u64> {
    match (num(a)?, num(b)?) {
        (Num::I(x), Num::I(y)) => crate::vm::interp::small_int_binop(op, x, y).map(|v| v.0),
        _ => None,
    }
}

extern "C" fn lshift(a: u64, b: u64) -> u64 {
    guarded(|| shift(crate::compiler::bytecode::BinOp::LShift, a, b))
}

extern "C" fn rshift(a: u64, b: u64) -> u64 {
    guarded(|| shift(crate::compiler::bytecode::BinOp::RShift, a, b))
}

/// `SetupExcept` in the loop's frame (the interpreter's top frame while a trace
/// runs): `packed` is the raw `handler << 32 | stack level`.
extern "C" fn push_block(packed: u64, _: u64) -> u64 {
    guarded(|| {
        let fr = vm_mut()?.frames.last_mut()?;
        let block = crate::vm::frame::Block {
            handler: (packed >> 32) as u32,
            level: packed as u32,
        };
        fr.blocks.push(block);
        Some(Value::NONE.0)
    })
}

/// An exception raised into a handler the trace holds (`caught::Unwind`).
extern "C" fn unwind(e: u64, u: u64) -> u64 {
    guarded(|| {
        // SAFETY: `u` is a `Box<Unwind>` the compiled trace owns.
        let u = unsafe { &*(u as *const crate::jit::record::caught::Unwind) };
        crate::jit::record::caught::unwind(vm_mut()?, Value(e), u)?;
        Some(e)
    })
}

/// `PushExcInfo`: `e` becomes the exception being handled; the previous one.
extern "C" fn exc_push(e: u64, _: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        Some(std::mem::replace(&mut vm.handled, Value(e)).0)
    })
}

/// `PopExcept`: `prev` is the exception being handled again.
extern "C" fn exc_restore(prev: u64, _: u64) -> u64 {
    guarded(|| {
        vm_mut()?.handled = Value(prev);
        Some(Value::NONE.0)
    })
}

/// `E(arg)` (`E()` for an EMPTY `arg`) of an exception class whose `__new__`
/// and `__init__` are native (`caught::native_exception_class`, pinned by the
/// trace's guards): the class call, which runs no Python code.
extern "C" fn new_exception(cls: u64, arg: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let arg = Value(arg);
        let args: &[Value] = if arg.is_empty() {
            &[]
        } else {
            std::slice::from_ref(&arg)
        };
        vm.type_call(Value(cls), args, &[]).ok().map(|e| e.0)
    })
}

/// A bare `raise`: the exception being handled (the interpreter raises the
/// RuntimeError when there is none).
extern "C" fn exc_handled(_: u64, _: u64) -> u64 {
    guarded(|| {
        let e = vm()?.handled;
        (!e.is_none()).then_some(e.0)
    })
}

/// `CheckExcMatch`: whether `e` is an instance of `ty` (a class or a tuple of
/// them); the interpreter raises the TypeError of any other `ty`.
extern "C" fn exc_match(e: u64, ty: u64) -> u64 {
    guarded(|| {
        let r = vm_mut()?.exception_matches(Value(e), Value(ty)).ok()?;
        Some(Value::bool(r).0)
    })
}

/// `d[k]` that raises: the KeyError, for a pure key missing from the exact dict
/// `d` (anything else leaves before the subscript).
extern "C" fn key_error(d: u64, k: u64) -> u64 {
    guarded(|| {
        let vm = vm_mut()?;
        let (d, k) = (Value(d), Value(k));
        if !pure_dict_access(vm, d, k) || find_pure(vm, d, k)?.0.is_some() {
            return None;
        }
        Some(vm.key_error(k).0.0)
    })
}

/// `PopBlock` in the loop's frame.
extern "C" fn pop_block(_: u64, _: u64) -> u64 {
    guarded(|| {
        vm_mut()?.frames.last_mut()?.blocks.pop()?;
        Some(Value::NONE.0)
    })
}
