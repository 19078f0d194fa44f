//! Allocations a trace never makes (`sinka`, PyPy's virtuals and LuaJIT's sunk
//! allocations): which objects the recorder sinks, how a consumer reads their
//! parts, and how an exit that needs one makes it.
//!
//! Why: `seq[a:b]` builds a slice object that the next bytecode reads and
//! drops. In a trace the slicing helper can take the bounds themselves, so the
//! slice need only exist if the trace leaves between the two bytecodes, where
//! the snapshot names it. The recorder emits `sinka` (no code) in place of the
//! allocation; a consumer that knows the object's layout reads the parts from
//! the `sinka`'s operands; every other bytecode first has the object made for
//! real (`make_on_stack`), so no op but `sinka` takes one as an operand (the
//! verifier checks). At an exit, `Maker` makes each named object once from the
//! values its `sinka` names (the backends keep those alive and write them home:
//! `Trace::snapshot_values`).
//!
//! Sunk now: slices consumed by `seq[a:b]` and `lst[a:b] = v` on exact lists,
//! tuples and strs (fannkuch, nqueens' permutations), and the tuples of
//! `enumerate`, `zip` and `dict.items()` loops, whose helpers leave the items
//! in `ARGS` for the trace to load (unpacking reads them: `Recorder::tuples`).
//! Instances, tuple and list displays and bound methods are virtuals
//! (jit/virtuals.rs), whose states `Maker` makes too. A side trace from an
//! exit whose snapshot names a sunk object rebuilds it as one of its own
//! (`plan_rebuild`).

use guards::{Ref, Trace, Ty};
use smallvec::SmallVec;

use super::helpers;
use super::record::Recorder;
use crate::gc::Heap;
use crate::object::ObjData;
use crate::value::Value;

/// The `sinka` holding the second and third parts of a three-part object (the
/// IR gives an op two operands): never an object itself.
pub const PARTS: i64 = -1;

impl Recorder {
    /// A slice `start:stop` or `start:stop:step` the trace does not make (the
    /// parts are boxed refs).
    pub(crate) fn sink_slice(&mut self, parts: &[Ref]) -> Ref {
        let sink = |rec: &mut Recorder, a: Ref, b: Ref, helper: i64| {
            rec.trace
                .emit(guards::Op::SinkA, Ty::Val, a, b, helper, None)
        };
        match *parts {
            [start, stop] => sink(self, start, stop, helpers::NEW_SLICE2),
            [start, stop, step] => {
                let rest = sink(self, stop, step, PARTS);
                sink(self, start, rest, helpers::NEW_SLICE3)
            }
            _ => unreachable!("slices have two or three parts"),
        }
    }

    /// A tuple of `items` (boxed refs) the trace does not make: a virtual
    /// (jit/virtuals.rs), so unpacking it and indexing it by a constant read
    /// them directly.
    pub(crate) fn sink_tuple(&mut self, items: &[Ref]) -> Ref {
        self.new_virtual_tuple(items)
    }

    /// The `sinka` chain of a tuple of `items`.
    pub(crate) fn emit_tuple(&mut self, items: &[Ref]) -> Ref {
        let helper = match items.len() {
            1 => helpers::NEW_TUPLE1,
            2 => helpers::NEW_TUPLE2,
            _ => helpers::NEW_TUPLE_N,
        };
        self.emit_seq(items, helper)
    }

    /// The `sinka` chain of a tuple or list of `items` made by `helper`: up
    /// to two items in the head, more as a `PARTS` chain after the first.
    pub(crate) fn emit_seq(&mut self, items: &[Ref], helper: i64) -> Ref {
        let sink = |rec: &mut Recorder, a: Ref, b: Ref, helper: i64| {
            rec.trace
                .emit(guards::Op::SinkA, Ty::Val, a, b, helper, None)
        };
        match *items {
            [] => sink(self, Ref::NONE, Ref::NONE, helper),
            [a] => sink(self, a, Ref::NONE, helper),
            [a, b] if helper != helpers::NEW_TUPLE_N && helper != helpers::NEW_LIST_N => {
                sink(self, a, b, helper)
            }
            _ => {
                let mut rest = Ref::NONE;
                for &x in items[1..].iter().rev() {
                    rest = sink(self, x, rest, PARTS);
                }
                sink(self, items[0], rest, helper)
            }
        }
    }

    /// The items of the sunk tuple `r` (`sink_tuple`'s layout), read from
    /// the IR.
    pub(crate) fn sunk_tuple_items(&self, r: Ref) -> SmallVec<[Ref; 4]> {
        self.sunk_seq_items(r)
    }

    /// The items of the sunk tuple or list `r` (`emit_seq`'s layout).
    pub(crate) fn sunk_seq_items(&self, r: Ref) -> SmallVec<[Ref; 4]> {
        let ins = *self.trace.get(r);
        if ins.imm == helpers::NEW_LIST0 {
            return SmallVec::new();
        }
        let mut items: SmallVec<[Ref; 4]> = smallvec::smallvec![ins.a];
        match ins.imm {
            helpers::NEW_TUPLE2 | helpers::NEW_LIST2 => items.push(ins.b),
            helpers::NEW_TUPLE_N | helpers::NEW_LIST_N => {
                let mut rest = ins.b;
                while !rest.is_none() {
                    let p = *self.trace.get(rest);
                    items.push(p.a);
                    rest = p.b;
                }
            }
            _ => {}
        }
        items
    }

    /// The address of the helpers' `ARGS` words (a constant).
    fn args_ptr(&mut self) -> Ref {
        let at = helpers::args_addr() as i64;
        self.trace
            .emit(guards::Op::KInt, Ty::Ptr, Ref::NONE, Ref::NONE, at, None)
    }

    /// Loads `ARGS[0..n]`, where a helper left items (Val).
    pub(crate) fn load_args(&mut self, n: usize) -> SmallVec<[Ref; 4]> {
        let at = self.args_ptr();
        (0..n)
            .map(|i| {
                self.trace
                    .emit(guards::Op::Load, Ty::Val, at, Ref::NONE, 8 * i as i64, None)
            })
            .collect()
    }

    /// The parts (start, stop, step) of the sunk slice `r`, or None when `r` is
    /// not one.
    pub(crate) fn sunk_slice_parts(&mut self, r: Ref) -> Option<[Ref; 3]> {
        if !self.trace.is_sunk(r) {
            return None;
        }
        let ins = *self.trace.get(r);
        match ins.imm {
            helpers::NEW_SLICE2 => Some([ins.a, ins.b, self.k_val(Value::NONE)]),
            helpers::NEW_SLICE3 => {
                let rest = *self.trace.get(ins.b);
                Some([ins.a, rest.a, rest.b])
            }
            _ => None,
        }
    }

    /// Stores `values` to the helpers' `ARGS`, for the helper called next.
    pub(crate) fn store_args(&mut self, values: &[Ref]) {
        let at = self.args_ptr();
        for (i, &v) in values.iter().enumerate() {
            let v = self.boxed(v);
            self.trace
                .emit(guards::Op::Store, Ty::Void, at, v, 8 * i as i64, None);
        }
    }

    /// Makes every sunk object on the operand stack for real, before a
    /// bytecode that takes them as operands (`pc`: its snapshot).
    pub(crate) fn make_on_stack(&mut self, pc: usize) {
        self.materialize_on_stack(None, pc);
        self.make_sunk_on_stack(pc);
    }

    /// `make_on_stack` for the sunk slices (virtuals stay).
    pub(crate) fn make_sunk_on_stack(&mut self, pc: usize) {
        for i in 0..self.stack.len() {
            let r = self.stack[i];
            if !self.trace.is_sunk(r) || self.is_virtual(r) {
                continue;
            }
            let ins = *self.trace.get(r);
            // (tuples, instances, lists and bound methods are virtuals)
            let made = match ins.imm {
                helpers::NEW_SLICE2 => self.guard(
                    guards::Op::CallA,
                    Ty::Val,
                    ins.a,
                    ins.b,
                    helpers::NEW_SLICE2,
                    pc,
                ),
                helpers::NEW_SLICE3 => {
                    let rest = *self.trace.get(ins.b);
                    self.guard(
                        guards::Op::CallG,
                        Ty::Val,
                        rest.b,
                        Ref::NONE,
                        helpers::STASH,
                        pc,
                    );
                    self.guard(
                        guards::Op::CallA,
                        Ty::Val,
                        ins.a,
                        rest.a,
                        helpers::NEW_SLICE3,
                        pc,
                    )
                }
                h => unreachable!("no sunk object is made by helper {h}"),
            };
            // (the same object wherever it is on the stack: `x[a:b] += y`)
            for s in self.stack.iter_mut().filter(|s| **s == r) {
                *s = made;
            }
        }
    }
}

/// Makes the sunk objects an exit's snapshot names, each once.
pub struct Maker<'h> {
    heap: &'h mut Heap,
    slice_class: Value,
    tuple_class: Value,
    list_class: Value,
    method_class: Value,
    made: SmallVec<[(Ref, Value); 2]>,
    /// Objects made (`--jit-stats`' `materialized`).
    pub count: u64,
}

impl<'h> Maker<'h> {
    pub fn new(heap: &'h mut Heap, types: &crate::vm::types::Types) -> Maker<'h> {
        Maker {
            heap,
            slice_class: types.slice,
            tuple_class: types.tuple,
            list_class: types.list,
            method_class: types.method,
            made: SmallVec::new(),
            count: 0,
        }
    }

    /// The boxed value of snapshot entry `r` at an exit (`vals`: the trace's
    /// own), making it if it is a sunk object.
    #[inline]
    pub fn value(&mut self, trace: &Trace, r: Ref, vals: &[u64]) -> Value {
        if !trace.has_sunk || !trace.is_sunk(r) {
            return Value(deopt::box_ref(trace, r, vals));
        }
        self.make(trace, r, vals)
    }

    #[cold]
    fn make(&mut self, trace: &Trace, r: Ref, vals: &[u64]) -> Value {
        if let Some(&(_, v)) = self.made.iter().find(|(m, _)| *m == r) {
            return v;
        }
        let ins = *trace.get(r);
        let (class, data) = match ins.imm {
            helpers::NEW_TUPLE1
            | helpers::NEW_TUPLE2
            | helpers::NEW_TUPLE_N
            | helpers::NEW_LIST0
            | helpers::NEW_LIST1
            | helpers::NEW_LIST2
            | helpers::NEW_LIST_N => {
                let mut items = Vec::new();
                if !ins.a.is_none() {
                    items.push(self.value(trace, ins.a, vals));
                }
                let mut rest = ins.b;
                if matches!(ins.imm, helpers::NEW_TUPLE2 | helpers::NEW_LIST2) {
                    items.push(self.value(trace, rest, vals));
                } else {
                    while !rest.is_none() {
                        let p = *trace.get(rest);
                        items.push(self.value(trace, p.a, vals));
                        rest = p.b;
                    }
                }
                if matches!(
                    ins.imm,
                    helpers::NEW_TUPLE1 | helpers::NEW_TUPLE2 | helpers::NEW_TUPLE_N
                ) {
                    (self.tuple_class, ObjData::Tuple(items.into()))
                } else {
                    (
                        self.list_class,
                        ObjData::List(crate::object::Mut::new(items)),
                    )
                }
            }
            helpers::NEW_SLICE2 => {
                let data = ObjData::Slice {
                    start: self.value(trace, ins.a, vals),
                    stop: self.value(trace, ins.b, vals),
                    step: Value::NONE,
                };
                (self.slice_class, data)
            }
            helpers::NEW_SLICE3 => {
                let rest = *trace.get(ins.b);
                let data = ObjData::Slice {
                    start: self.value(trace, ins.a, vals),
                    stop: self.value(trace, rest.a, vals),
                    step: self.value(trace, rest.b, vals),
                };
                (self.slice_class, data)
            }
            helpers::NEW_BOUND => {
                let data = ObjData::BoundMethod {
                    func: self.value(trace, ins.a, vals),
                    slf: self.value(trace, ins.b, vals),
                };
                (self.method_class, data)
            }
            helpers::NEW_INSTANCE => {
                // (a virtual instance: see jit/virtuals.rs for the layout)
                let class = self.value(trace, ins.a, vals);
                let node = *trace.get(ins.b);
                // SAFETY: shapes are leaked (`Shape::with`); the recorder put
                // one's address in the node's imm.
                let shape: &'static crate::object::Shape =
                    unsafe { &*(node.imm as *const crate::object::Shape) };
                let mut slots = Vec::with_capacity(shape.names.len());
                if !node.a.is_none() {
                    slots.push(self.value(trace, node.a, vals));
                }
                let mut rest = node.b;
                while !rest.is_none() {
                    let p = *trace.get(rest);
                    slots.push(self.value(trace, p.a, vals));
                    rest = p.b;
                }
                (class, crate::object::plain_instance(shape, slots))
            }
            h => unreachable!("no sunk object is made by helper {h}"),
        };
        let v = self.heap.alloc(class, data);
        self.count += 1;
        self.made.push((r, v));
        v
    }
}

/// Sunk objects in a compiled trace (`--jit-stats`' `sunk`).
pub fn count_sunk(trace: &Trace) -> u64 {
    trace
        .ins
        .iter()
        .filter(|i| {
            // (the states of virtual instances and tuples are not objects:
            // `Recorder::virtuals_made` counts those)
            i.op == guards::Op::SinkA && matches!(i.imm, helpers::NEW_SLICE2 | helpers::NEW_SLICE3)
        })
        .count() as u64
}

/// How a side trace rebuilds a sunk object of its parent's exit: as a sunk
/// object of its own, over inputs that are the parent's values (`Input`),
/// the parts first.
pub enum Rebuild<I> {
    Input(I),
    /// A `sinka` (parent ref, helper) over the steps at `a` and `b` (None:
    /// no operand).
    Sink(Ref, i64, Option<usize>, Option<usize>),
}

/// The steps rebuilding the parent's sunk `r`, appended to `plan`; returns the
/// index of its own step. `input` maps a parent value to a side-trace input.
pub fn plan_rebuild<I>(
    trace: &Trace,
    r: Ref,
    input: &dyn Fn(&Ref) -> I,
    plan: &mut Vec<Rebuild<I>>,
) -> usize {
    let ins = *trace.get(r);
    let part = |p: Ref, plan: &mut Vec<Rebuild<I>>| {
        if p.is_none() {
            None
        } else if trace.is_sunk(p) {
            Some(plan_rebuild(trace, p, input, plan))
        } else {
            plan.push(Rebuild::Input(input(&p)));
            Some(plan.len() - 1)
        }
    };
    let a = part(ins.a, plan);
    let b = part(ins.b, plan);
    plan.push(Rebuild::Sink(r, ins.imm, a, b));
    plan.len() - 1
}

impl Recorder {
    /// Emits `plan` (see `plan_rebuild`); `input` emits one input. Returns
    /// the last step's ref. `made` maps parent refs already rebuilt to theirs,
    /// so an object the exit names twice stays one.
    pub(crate) fn emit_rebuild<I: Copy>(
        &mut self,
        plan: &[Rebuild<I>],
        input: &dyn Fn(&mut Recorder, I) -> Ref,
        made: &mut Vec<(Ref, Ref)>,
    ) -> Ref {
        let mut refs: Vec<Ref> = Vec::with_capacity(plan.len());
        for step in plan {
            let r = match *step {
                Rebuild::Input(i) => input(self, i),
                Rebuild::Sink(parent, helper, a, b) => {
                    if let Some(&(_, r)) = made.iter().find(|(p, _)| *p == parent) {
                        r
                    } else {
                        let operand = |k: Option<usize>| k.map_or(Ref::NONE, |k| refs[k]);
                        let (a, b) = (operand(a), operand(b));
                        let a = if a.is_none() { a } else { self.boxed(a) };
                        let b = if b.is_none() { b } else { self.boxed(b) };
                        let r = self
                            .trace
                            .emit(guards::Op::SinkA, Ty::Val, a, b, helper, None);
                        if matches!(
                            helper,
                            helpers::NEW_TUPLE1 | helpers::NEW_TUPLE2 | helpers::NEW_TUPLE_N
                        ) {
                            // (unpacking it reads the items, as in the parent)
                            let items = self.sunk_tuple_items(r);
                            self.tuples.insert(r, items);
                        }
                        // (a virtual of its own, as in the parent)
                        self.adopt_rebuilt(r);
                        made.push((parent, r));
                        r
                    }
                }
            };
            refs.push(r);
        }
        *refs.last().expect("a plan has a step")
    }
}
