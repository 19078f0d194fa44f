//! Generators drained whole, inline: `set(g)`, `tuple(g)`, `list(g)`,
//! `sum(g)` and `sep.join(g)` of a generator that has not started
//! (`set(vec[i] + i for i in cols)`) record the generator's code, from its
//! start to its `return`, into the trace that calls the builtin; each `yield`
//! adds its value to the set or list being built, or to the running sum (an
//! int or float in the trace).
//!
//! Why: called residually, each such builtin resumes the generator through the
//! interpreter, which enters the generator's own loop trace and leaves it at
//! the loop's end: about 5,000 instructions for a genexpr of nine items
//! (nqueens), most of them entering and leaving. Inlined, the generator's loop
//! is unrolled into the caller's trace (its `LoopHeader` is gone around, as an
//! inlined generator's is), so no frame is entered and no trace left.
//!
//! The generator object and its frame are real (made by `MAKE_GENEXPR` or
//! `MAKE_GEN`) and used as a resumption uses them (see `generators`): its
//! locals are written through, it is set running, and `DRAIN_END` finishes it
//! at its `return` as the interpreter does (no frame, not running; its frame
//! is recycled). Only short generators unroll: past `MAX_DRAIN_PASSES` loop
//! headers the recording stops, and the generator is called by the builtin
//! from then on (`Jit::no_inline`, as for any inlined code that failed); nor
//! one that branches (a filter, a conditional expression: its unrolled trace
//! would fit one pattern of the branches over the items and leave at every
//! other). An item the interpreter's sink would not take (a set item whose
//! hash runs Python code: see `vm/drain.rs`) stops the recording; at run time
//! the helper adding it exits before adding it.
//!
//! An exit inside leaves the resumer at the builtin's call, with the callee,
//! the generator and the set or list so far on its stack. The interpreter
//! runs the generator on from the exit (`Vm::continue_generators`), and
//! `Vm::complete_drain` gives what it yields to the builtin's own loop for the
//! rest, then replaces the three with the result, as the call would have.
//! No side trace grows inside a drained generator: an exit taken often has the
//! generator called by the builtin instead, as for any inlined generator.

use guards::{Op as IrOp, Ref, Ty};

use super::generators::{GenFrame, MAX_GEN_DEPTH};
use super::{Abort, Recorder};
use crate::compiler::bytecode::BinOp;
use crate::compiler::bytecode::Op;
use crate::jit::helpers;
use crate::object::ObjData;
use crate::value::Value;
use crate::vm::frame::Frame;
use crate::vm::interp::Resumed;
use crate::vm::{PyErr, PyResult, Vm};

/// Most loop headers a drained generator passes in one recording (a genexpr
/// of up to 15 items: its loop's header is passed once more at the end).
const MAX_DRAIN_PASSES: usize = 16;

/// The abort reason for an item the builtin's sink does not take, or the
/// trace's `+` of a sum does not (a bool, a big int).
const SINK_REFUSES: &str = "an item the drain's sink does not take";

/// The abort reason for a drained generator that ran past `MAX_DRAIN_PASSES`.
pub(crate) const DRAIN_RAN_LONG: &str = "generator drained inline ran long";

/// What the builtin makes of the items.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum DrainInto {
    Set,
    Tuple,
    List,
    /// `sum(g)`: the "sink" is the running sum itself.
    Sum,
    /// `sep.join(g)` (a `CallMethod(1)` of str's `join`): a list, joined at
    /// the end.
    Join,
}

/// The recording state of a drain (in the drained generator's `GenFrame`).
#[derive(Clone)]
pub(crate) struct Drain {
    into: DrainInto,
    /// The generator object.
    genv: Ref,
    /// The set or list being filled (for a tuple, a list made one at the end;
    /// for a sum, the sum so far).
    sink: Ref,
    /// Loop headers passed in the generator.
    passes: usize,
    /// The separator of a `sep.join(g)`.
    sep: Ref,
}

impl Recorder {
    /// Whether the current frame is a generator drained inline.
    pub(super) fn draining(&self) -> bool {
        self.in_gen.as_ref().is_some_and(|g| g.drain.is_some())
    }

    /// A loop header in the current inlined generator: a drained one's loops
    /// unroll up to `MAX_DRAIN_PASSES`.
    pub(super) fn count_drain_pass(&mut self) -> Result<(), Abort> {
        if let Some(d) = self.in_gen.as_mut().and_then(|g| g.drain.as_mut()) {
            d.passes += 1;
            if d.passes > MAX_DRAIN_PASSES {
                return Err(DRAIN_RAN_LONG.into());
            }
        }
        Ok(())
    }

    /// The `return` at `pc` of a drained generator: the tuple is made (for
    /// `tuple(g)`), the generator finished, and the resumer's call gets the
    /// result in place of its callee, generator and sink.
    pub(super) fn record_drain_end(&mut self, pc: usize) -> Result<(), Abort> {
        let d = self
            .in_gen
            .as_ref()
            .and_then(|g| g.drain.clone())
            .ok_or("not draining")?;
        // (the tuple is made as the generator finishes; a join's strs are
        // joined before, so an exit at the join finds the generator running)
        let result = if d.into == DrainInto::Tuple {
            self.guard(
                IrOp::CallG,
                Ty::Val,
                d.genv,
                d.sink,
                helpers::DRAIN_END_TUPLE,
                pc,
            )
        } else {
            let r = if d.into == DrainInto::Join {
                self.guard(
                    IrOp::CallG,
                    Ty::Val,
                    d.sep,
                    d.sink,
                    helpers::STR_JOIN_LIST,
                    pc,
                )
            } else {
                d.sink
            };
            self.guard(
                IrOp::CallG,
                Ty::Val,
                d.genv,
                Ref::NONE,
                helpers::DRAIN_END,
                pc,
            );
            r
        };
        self.pop()?;
        self.pop_parent();
        // callee, generator and sink (and a join's separator)
        let pops = if d.into == DrainInto::Join { 4 } else { 3 };
        let n = self.stack.len();
        if n < pops {
            return Err("drain's resumer stack underflow".into());
        }
        self.stack.truncate(n - pops);
        self.stack.push(result);
        Ok(())
    }
}

/// How many items the iterator a fresh generator's frame holds as its first
/// argument (a genexpr's `.0`) has left, when that is known cheaply (a
/// range, list or tuple iterator; at most 64), else 0.
fn iterable_left(frame: &Frame) -> usize {
    let Some(ObjData::Iter(st)) = frame
        .slots
        .first()
        .and_then(|v| v.as_obj())
        .map(|o| &o.data)
    else {
        return 0;
    };
    let n = match st.get() {
        crate::object::IterState::Range { cur, stop, step } => {
            crate::vm::ops::range_len(*cur, *stop, *step)
        }
        crate::object::IterState::Seq { seq, idx } => match seq.as_obj().map(|o| &o.data) {
            Some(ObjData::List(l)) => l.get().len().saturating_sub(*idx),
            Some(ObjData::Tuple(t)) => t.len().saturating_sub(*idx),
            _ => 0,
        },
        _ => 0,
    };
    n.min(64)
}

/// Whether `code` branches other than at its loops' ends (a filter, a
/// conditional expression): unrolled, its trace would take one pattern of
/// the branches over the items, and leave at any other (no side trace
/// grows inside a drained generator), so it is drained by the builtin.
fn branches(code: &crate::compiler::bytecode::Code) -> bool {
    code.ops.iter().any(|op| {
        matches!(
            op,
            Op::PopJumpIfFalse(_)
                | Op::PopJumpIfTrue(_)
                | Op::JumpIfFalseOrPop(_)
                | Op::JumpIfTrueOrPop(_)
        )
    })
}

impl Vm {
    /// The drain `callee(g)` is, if any: the exact builtin types.
    fn drain_into(&self, callee: Value) -> Option<DrainInto> {
        if callee == self.types.set {
            Some(DrainInto::Set)
        } else if callee == self.types.tuple {
            Some(DrainInto::Tuple)
        } else if callee == self.types.list {
            Some(DrainInto::List)
        } else if super::is_builtin_named(callee, "sum") {
            Some(DrainInto::Sum)
        } else {
            None
        }
    }

    /// Whether the `Call(1)` of `callee` on `it` drains a generator inline.
    pub(super) fn drain_inlinable(&self, rec: &Recorder, callee: Value, it: Value) -> bool {
        self.drain_into(callee).is_some() && self.may_drain(rec, it)
    }

    fn may_drain(&self, rec: &Recorder, it: Value) -> bool {
        self.jit.inline_drains
            && self.jit.inline_generators
            && rec.parents.len() < MAX_GEN_DEPTH
            && self
                .inlinable_gen_frame(rec, it, true)
                .is_some_and(|f| !branches(&f.code))
    }

    /// Whether `m` is str's `join`, the method a `CallMethod(1)` calls on the
    /// exact str `sep` with the generator `it`, drained inline.
    pub(super) fn join_drain_inlinable(
        &mut self,
        rec: &Recorder,
        m: Value,
        sep: Value,
        it: Value,
    ) -> bool {
        self.is_str_join(m)
            && matches!(sep.as_obj().map(|o| &o.data), Some(ObjData::Str(_)))
            && self.is_builtin_exact(sep)
            && self.may_drain(rec, it)
    }

    fn is_str_join(&mut self, m: Value) -> bool {
        let name = self.intern("join");
        crate::vm::types::lookup(self, self.types.str, name) == Some(m)
    }

    /// `callee(it)` at `pc` (see `drain_inlinable`): the callee guarded, the
    /// set or list made, the generator guarded and entered at its start.
    pub(super) fn record_drain(
        &mut self,
        rec: &mut Recorder,
        callee: Value,
        it: Value,
        pc: usize,
    ) -> Result<(), Abort> {
        let into = self.drain_into(callee).ok_or("not a drain")?;
        self.record_drain_of(rec, into, callee, it, pc)
    }

    /// `sep.join(it)` at `pc` (see `join_drain_inlinable`).
    pub(super) fn record_join_drain(
        &mut self,
        rec: &mut Recorder,
        m: Value,
        it: Value,
        pc: usize,
    ) -> Result<(), Abort> {
        self.record_drain_of(rec, DrainInto::Join, m, it, pc)
    }

    fn record_drain_of(
        &mut self,
        rec: &mut Recorder,
        into: DrainInto,
        callee: Value,
        it: Value,
        pc: usize,
    ) -> Result<(), Abort> {
        let frame = self
            .inlinable_gen_frame(rec, it, true)
            .ok_or("generator not drainable")?;
        if frame.slots.len() != frame.stack_base {
            return Err("a fresh generator with a stack".into());
        }
        let n = rec.stack.len();
        // (`sep.join(g)`: method, separator, generator)
        let join = into == DrainInto::Join;
        let below = if join { 3 } else { 2 };
        let rf = *rec
            .stack
            .get(n.wrapping_sub(below))
            .ok_or("stack underflow")?;
        let rg = rec.stack[n - 1];
        let sep = if join { rec.stack[n - 2] } else { Ref::NONE };
        rec.consts.push(callee);
        rec.guard(IrOp::GuardIs, Ty::Void, rf, Ref::NONE, callee.0 as i64, pc);
        // (made before the generator is set running: an exit at this call
        // re-runs it in the interpreter)
        let sink = match into {
            // (`sum`'s start)
            DrainInto::Sum => rec.k_val(Value::small_int(0)),
            DrainInto::Set => rec.guard(
                IrOp::CallA,
                Ty::Val,
                Ref::NONE,
                Ref::NONE,
                helpers::NEW_SET0,
                pc,
            ),
            DrainInto::Tuple | DrainInto::List | DrainInto::Join => {
                // room for as many items as the generator's iterable has
                // left now (a list's capacity is not observable)
                let n = rec.k_val(Value::small_int(iterable_left(frame) as i64));
                rec.guard(
                    IrOp::CallA,
                    Ty::Val,
                    n,
                    Ref::NONE,
                    helpers::NEW_LIST_CAP,
                    pc,
                )
            }
        };
        let (obj, slots, running_at) = self
            .guard_gen_entry(rec, rg, it, frame, pc)
            .ok_or("generator frame layout")?;
        rec.stack.push(sink);
        let state = GenFrame {
            obj,
            slots,
            entry_stack: Vec::new(),
            stack_base: frame.stack_base,
            // (it never suspends)
            yield_pc: usize::MAX,
            running_at,
            resumer_pops: 0,
            drain: Some(Drain {
                into,
                genv: rg,
                sink,
                passes: 0,
                sep,
            }),
        };
        rec.gen_codes.push(frame.code.clone());
        rec.enter_gen(frame, frame.code.clone(), frame.func, state, pc);
        Ok(())
    }

    /// `yield` at `pc` in a drained generator `fr`: the value goes to the set or
    /// list, and the generator goes on as if None had been sent, as the
    /// interpreter's sink does (only for values that sink takes).
    pub(super) fn record_drain_yield(
        &mut self,
        rec: &mut Recorder,
        fr: &Frame,
        pc: usize,
    ) -> Result<(), Abort> {
        if !self.sink_accepts(fr, fr.peek(0)) {
            return Err(SINK_REFUSES.into());
        }
        let d = rec
            .in_gen
            .as_ref()
            .and_then(|g| g.drain.clone())
            .ok_or("not draining")?;
        let v = *rec.stack.last().ok_or("stack underflow")?;
        if d.into == DrainInto::Sum {
            // `sum = sum + v` on ints or floats (the sink takes only plain
            // numbers): the new sum replaces the old on the resumer's stack
            let acc = self.sink_target(fr).ok_or("no sum")?;
            let total = super::record_binop(rec, BinOp::Add, d.sink, v, acc, fr.peek(0), pc)
                .map_err(|_| SINK_REFUSES.to_string())?;
            rec.pop()?;
            let none = rec.k_val(Value::NONE);
            rec.stack.push(none);
            if let Some(g) = rec.in_gen.as_mut().and_then(|g| g.drain.as_mut()) {
                g.sink = total;
            }
            let resumer = rec.parents.last_mut().ok_or("no resumer")?;
            *resumer.stack.last_mut().ok_or("resumer stack underflow")? = total;
            return Ok(());
        }
        let b = rec.boxed(v);
        let add = if d.into == DrainInto::Set {
            helpers::DRAIN_SET_ADD
        } else {
            helpers::DRAIN_APPEND
        };
        // (before the pop: an exit re-runs the yield)
        rec.guard(IrOp::CallG, Ty::Val, d.sink, b, add, pc);
        rec.pop()?;
        let none = rec.k_val(Value::NONE);
        rec.stack.push(none);
        Ok(())
    }

    /// Completes, at an exit inside a drained generator, the builtin's call
    /// that `f` stands at (callee, generator and the set or list so far on its
    /// stack), given `r`, what the generator did when run on: the rest of its
    /// items go the builtin's own way, and the result replaces the three.
    /// Some(exception) when it raised (`f` stays at the call).
    pub(super) fn complete_drain(
        &mut self,
        f: &mut Frame,
        r: Result<Resumed, PyErr>,
    ) -> Option<Value> {
        let n = f.slots.len();
        // (`sep.join(g)`: method and separator below the generator)
        let join = matches!(f.code.ops.get(f.pc), Some(Op::CallMethod(1)));
        let pops = if join { 4 } else { 3 };
        let (callee, genv, sink) = (f.slots[n - pops], f.slots[n - 2], f.slots[n - 1]);
        let sep = join.then(|| f.slots[n - 3]);
        // (they stay on `f`'s stack, rooted, while Python code runs)
        let f: *mut Frame = f;
        let done = self.finish_drain(callee, sep, genv, sink, r);
        // SAFETY: `f` is a boxed frame its generator or the frame stack keeps.
        let f = unsafe { &mut *f };
        match done {
            Ok(v) => {
                f.slots.truncate(n - pops);
                f.push(v);
                f.pc += 1;
                None
            }
            Err(e) => Some(e.0),
        }
    }

    fn finish_drain(
        &mut self,
        callee: Value,
        sep: Option<Value>,
        genv: Value,
        sink: Value,
        r: Result<Resumed, PyErr>,
    ) -> PyResult<Value> {
        let into = match sep {
            Some(_) => DrainInto::Join,
            None => self
                .drain_into(callee)
                .ok_or_else(|| self.runtime_error("a drained generator's builtin is gone"))?,
        };
        if into == DrainInto::Sum {
            // the rest as `sum(g, start)` from the sum so far
            return match r? {
                Resumed::Yielded(v) => {
                    let acc = self.binary_op(BinOp::Add, sink, v)?;
                    self.call(callee, &[genv, acc])
                }
                Resumed::Returned(_) => Ok(sink),
            };
        }
        if let Resumed::Yielded(v) = r? {
            match into {
                DrainInto::Set => {
                    self.set_add(sink, v)?;
                    crate::builtins::set::update_internal(self, sink, genv)?;
                }
                _ => {
                    self.list_push_checked(sink, v)?;
                    for x in self.collect_iter(genv)? {
                        self.list_push_checked(sink, x)?;
                    }
                }
            }
        }
        Ok(match into {
            DrainInto::Tuple => {
                let items = match &sink.obj().data {
                    ObjData::List(l) => l.get().clone(),
                    _ => Vec::new(),
                };
                self.new_tuple(items)
            }
            // (the method itself joins: its errors are CPython's)
            DrainInto::Join => self.call(callee, &[sep.unwrap_or(Value::NONE), sink])?,
            DrainInto::Set | DrainInto::List | DrainInto::Sum => sink,
        })
    }

    /// Appends `v` to the exact list `list`, with `list(g)`'s MemoryError past
    /// its longest.
    fn list_push_checked(&mut self, list: Value, v: Value) -> PyResult<()> {
        if let ObjData::List(l) = &list.obj().data {
            if l.get().len() >= crate::vm::drain::MAX_ITEMS {
                return Err(self.error("MemoryError", ""));
            }
            l.get().push(v);
        }
        Ok(())
    }
}
