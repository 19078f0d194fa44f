//! Generators in traces: a `for` over a generator inlines the generator's
//! resumption, from the yield it is suspended at to the next one, into the trace of
//! the loop that iterates it (PyPy's virtualizable generator frames are the model,
//! kept simpler: the generator's frame stays in memory).
//!
//! Why inline rather than call: resuming a generator in the interpreter costs a
//! nested interpreter loop per item, more than the few bytecodes a typical
//! pipeline stage (`yield x * x`) runs, and the yielded value would come back
//! boxed and untyped. Inlined, a chain of generators becomes one straight loop.
//!
//! The generator's frame is real and stays where it is (the generator object owns
//! it): its locals are loaded from and written through to its slots as the
//! interpreter would, its operand stack is loaded at resumption and written back
//! at the yield, which must be the one it was suspended at (same pc, so the stack
//! depth and the frame's pc are unchanged). The trace guards the generator's class,
//! that it has a frame (a finished or running generator has none), the frame's
//! code and pc, and sets `running` while inside it, so Python code that the trace
//! calls sees the generator executing, as in the interpreter.
//!
//! Exits inside an inlined generator (snapshots with generator frames in their
//! `ResumePoint`) rebuild the iterating loop's frame at its `ForIter`, put each
//! generator's stack and pc back, and let the interpreter run the generators on,
//! innermost first (`Vm::gen_continue`); what each yields, returns or raises
//! completes the `ForIter` of the frame that resumed it. A hot one grows a side
//! trace that starts inside the generators (`Recorder::enter_left_generators`,
//! recording while the interpreter runs them on); one that cannot, taken on a
//! good share of the iterations, has the generator called instead of inlined
//! from then on and the loop recorded again.

use std::rc::Rc;

use guards::{Op as IrOp, Ref, Ty};

use super::{Abort, Parent, Recorder};
use crate::compiler::bytecode::{Code, Op};
use crate::object::{Obj, ObjData};
use crate::value::Value;
use crate::vm::frame::Frame;
use crate::vm::interp::Resumed;
use crate::vm::{PyErr, Vm};

/// Deepest chain of generators inlined into one another (`evens(squares(nums))`).
pub(super) const MAX_GEN_DEPTH: usize = 3;

/// The recording state of an inlined generator frame.
#[derive(Clone)]
pub(crate) struct GenFrame {
    /// The generator object's address.
    pub(super) obj: Ref,
    /// The address of its frame's first slot.
    pub(super) slots: Ref,
    /// Its operand stack as loaded at resumption (without the sent None).
    pub(super) entry_stack: Vec<Ref>,
    pub(super) stack_base: usize,
    /// The `YieldValue` it is suspended at, and must suspend at again.
    pub(super) yield_pc: usize,
    /// Byte offset of `Generator::running` in the object.
    pub(super) running_at: i64,
    /// What the resuming bytecode leaves under the yielded value's place on the
    /// resumer's stack: `ForIter` keeps its iterator (0 popped), `next(g)` and
    /// `next(g, d)` pop the callee and their arguments.
    pub(super) resumer_pops: usize,
    /// Not resumed but drained whole by a builtin (`set(g)`: see `drains`).
    pub(super) drain: Option<super::drains::Drain>,
}

/// Byte offsets measured on the generator being recorded (see src/jit/layout.rs
/// for why offsets are measured rather than declared).
struct GenOffsets {
    frame: i64,
    running: i64,
    code: i64,
    code_word: u64,
    pc: i64,
    slots: i64,
}

fn offsets(obj: &Obj, frame: &Frame) -> Option<GenOffsets> {
    let ObjData::Generator(g) = &obj.data else {
        return None;
    };
    let g = g.get();
    let base = obj as *const Obj as usize;
    let fbase = frame as *const Frame as usize;
    let field = |p: usize, b: usize| (p - b) as i64;
    // The slot vector's buffer pointer: the one word of the `Vec` equal to it.
    let vec_at = &frame.slots as *const Vec<Value> as usize;
    let words = std::mem::size_of::<Vec<Value>>() / 8;
    let want = frame.slots.as_ptr() as u64;
    // SAFETY: reads the words of a live `Vec` header inside `frame`.
    let hits: Vec<usize> = (0..words)
        .filter(|&k| unsafe { *((vec_at + 8 * k) as *const u64) } == want)
        .collect();
    let [k] = hits[..] else { return None };
    // SAFETY: an `Rc` is one pointer word; its bits identify the code object.
    let code_word = unsafe { *(&frame.code as *const Rc<Code> as *const u64) };
    Some(GenOffsets {
        frame: field(&g.frame as *const _ as usize, base),
        running: field(&g.running as *const bool as usize, base),
        code: field(&frame.code as *const Rc<Code> as usize, fbase),
        code_word,
        pc: field(&frame.pc as *const usize as usize, fbase),
        slots: field(vec_at + 8 * k, fbase),
    })
}

impl Recorder {
    /// Whether the current frame's locals live in memory (the loop's frame or an
    /// inlined generator's), rather than only in the trace (an inlined call's).
    pub(super) fn locals_in_memory(&self) -> bool {
        self.parents.is_empty() || self.in_gen.is_some()
    }

    /// Err when no call may be inlined here: too deep, or inside an inlined
    /// generator (whose exits rebuild no call frames).
    pub(super) fn check_inline_depth(&self) -> Result<(), Abort> {
        if self.in_gen.is_some() {
            return Err("call in an inlined generator".into());
        }
        if self.parents.len() >= super::MAX_INLINE_DEPTH {
            return Err("inlining too deep".into());
        }
        Ok(())
    }

    /// The generator's local or cell slot `i`.
    pub(super) fn gen_slot_load(&mut self, i: usize) -> Option<Ref> {
        let slots = self.in_gen.as_ref()?.slots;
        Some(
            self.trace
                .emit(IrOp::Load, Ty::Val, slots, Ref::NONE, 8 * i as i64, None),
        )
    }

    pub(super) fn gen_slot_store(&mut self, i: usize, boxed: Ref) -> bool {
        let Some(slots) = self.in_gen.as_ref().map(|g| g.slots) else {
            return false;
        };
        self.trace
            .emit(IrOp::Store, Ty::Void, slots, boxed, 8 * i as i64, None);
        true
    }

    /// Enters generator frame `frame` (of `code` and `func`) from the bytecode at
    /// `pc` of the current frame, which becomes its resumer.
    pub(super) fn enter_gen(
        &mut self,
        frame: *const Frame,
        code: Rc<Code>,
        func: Value,
        g: GenFrame,
        pc: usize,
    ) {
        let mut stack = g.entry_stack.clone();
        if g.drain.is_none() {
            // the value sent in (a drained generator starts: nothing is sent)
            let none = self.k_val(Value::NONE);
            stack.push(none);
        }
        let parent = Parent {
            frame: self.frame,
            code: std::mem::replace(&mut self.code, code),
            func: std::mem::replace(&mut self.func, func),
            func_ref: self.func_ref.take(),
            stack: std::mem::replace(&mut self.stack, stack),
            locals: std::mem::take(&mut self.locals),
            // the iterating frame resumes at its `ForIter` (see `restore_generators`)
            pc_after: pc,
            in_gen: self.in_gen.replace(g),
            callee_init_self: None,
            callee_binop: None,
            blocks: std::mem::take(&mut self.blocks),
        };
        self.parents.push(parent);
        self.frame = frame;
    }

    /// `YieldValue` at `pc` in an inlined generator: its stack goes back to its
    /// frame, and the yielded value to the iterating frame, after its `ForIter`.
    pub(super) fn record_gen_yield(&mut self, pc: usize) -> Result<(), Abort> {
        let g = self
            .in_gen
            .clone()
            .ok_or("yield outside an inlined generator")?;
        if pc != g.yield_pc {
            return Err("generator yields at another yield".into());
        }
        let v = self.pop()?;
        if self.stack.len() != g.entry_stack.len() {
            return Err("generator stack changed depth".into());
        }
        for k in 0..self.stack.len() {
            if self.stack[k] != g.entry_stack[k] {
                let b = self.boxed(self.stack[k]);
                let at = 8 * (g.stack_base + k) as i64;
                self.trace.emit(IrOp::Store, Ty::Void, g.slots, b, at, None);
            }
        }
        let idle = self.k_int(0);
        self.trace
            .emit(IrOp::Store, Ty::Void, g.obj, idle, g.running_at, None);
        // (back in the generator's iterating frame)
        self.pop_parent();
        let keep = self.stack.len() - g.resumer_pops;
        self.stack.truncate(keep);
        self.stack.push(v);
        Ok(())
    }
}

impl Vm {
    /// The suspended frame of generator `it` when its resumption can be inlined
    /// here: a plain generator, suspended at a yield (`fresh`: not started),
    /// not running, with no blocks, not already being resumed by the recording,
    /// and not ruled out before.
    pub(super) fn inlinable_gen_frame<'a>(
        &self,
        rec: &Recorder,
        it: Value,
        fresh: bool,
    ) -> Option<&'a Frame> {
        if !self.jit.inline_generators
            || !rec.locals_in_memory()
            || rec.parents.len() >= MAX_GEN_DEPTH
            || it.as_obj()?.class.get().0 != self.types.generator.0
        {
            return None;
        }
        let ObjData::Generator(g) = &it.obj().data else {
            return None;
        };
        let g = g.get();
        let frame = g.frame.as_deref()?;
        let resumes_at_yield = if fresh {
            frame.pc == 0
        } else {
            frame.pc > 0 && matches!(frame.code.ops.get(frame.pc - 1), Some(Op::YieldValue))
        };
        let fptr = frame as *const Frame;
        let nested = rec.parents.iter().any(|p| std::ptr::eq(p.frame, fptr));
        let ruled_out = self
            .jit
            .no_inline
            .contains(&(Rc::as_ptr(&frame.code) as usize));
        if g.running || !resumes_at_yield || !frame.blocks.is_empty() || nested || ruled_out {
            return None;
        }
        Some(frame)
    }

    /// Whether `next(it)` / `next(it, default)` at a `Call` resumes `it` inline.
    pub(super) fn gen_next_inlinable(&self, rec: &Recorder, callee: Value, it: Value) -> bool {
        super::is_builtin_named(callee, "next")
            && self.inlinable_gen_frame(rec, it, false).is_some()
    }

    /// `next(it)` or `next(it, default)` (a `Call` of `argc` arguments at `pc`)
    /// on a generator: the callee is guarded to be the builtin, then the
    /// generator resumes inline as under `ForIter`. An exit inside it completes
    /// the call in the interpreter (`complete_resume`).
    pub(super) fn record_gen_next(
        &mut self,
        rec: &mut Recorder,
        argc: usize,
        callee: Value,
        it: Value,
        pc: usize,
    ) -> Result<(), Abort> {
        let n = rec.stack.len();
        let (rf, ri) = (rec.stack[n - argc - 1], rec.stack[n - argc]);
        rec.consts.push(callee);
        rec.guard(IrOp::GuardIs, Ty::Void, rf, Ref::NONE, callee.0 as i64, pc);
        if self.record_gen_resume_of(rec, ri, it, pc, argc + 1)? {
            Ok(())
        } else {
            Err("next() of a generator not inlined".into())
        }
    }

    /// `ForIter` at `pc` over the generator `it`: records its resumption inline
    /// when it can (Ok(false): it cannot, the caller records something else).
    pub(super) fn record_gen_resume(
        &mut self,
        rec: &mut Recorder,
        it: Value,
        pc: usize,
    ) -> Result<bool, Abort> {
        let ri = *rec.stack.last().ok_or("stack underflow")?;
        self.record_gen_resume_of(rec, ri, it, pc, 0)
    }

    /// Resumes generator `it` (`ri` in the trace) inline; `resumer_pops` as in
    /// [`GenFrame`].
    fn record_gen_resume_of(
        &mut self,
        rec: &mut Recorder,
        ri: Ref,
        it: Value,
        pc: usize,
        resumer_pops: usize,
    ) -> Result<bool, Abort> {
        let Some(frame) = self.inlinable_gen_frame(rec, it, false) else {
            return Ok(false);
        };
        let Some((p, slots, running_at)) = self.guard_gen_entry(rec, ri, it, frame, pc) else {
            return Ok(false);
        };
        let entry_stack: Vec<Ref> = (frame.stack_base..frame.slots.len())
            .map(|i| {
                rec.trace
                    .emit(IrOp::Load, Ty::Val, slots, Ref::NONE, 8 * i as i64, None)
            })
            .collect();
        let frame_state = GenFrame {
            obj: p,
            slots,
            entry_stack,
            stack_base: frame.stack_base,
            yield_pc: frame.pc - 1,
            running_at,
            resumer_pops,
            drain: None,
        };
        rec.gen_codes.push(frame.code.clone());
        rec.enter_gen(frame, frame.code.clone(), frame.func, frame_state, pc);
        Ok(true)
    }

    /// Guards what inlining generator `it` (`ri` in the trace, its frame
    /// `frame`) relies on: its class, that it has a frame, the frame's code and
    /// pc, that it is not running; then sets it running. Returns its address,
    /// its slots' address and the offset of its `running` flag (None: a frame
    /// layout this cannot read, before anything is emitted).
    pub(super) fn guard_gen_entry(
        &self,
        rec: &mut Recorder,
        ri: Ref,
        it: Value,
        frame: &Frame,
        pc: usize,
    ) -> Option<(Ref, Ref, i64)> {
        let off = offsets(it.obj(), frame)?;
        let p = rec.guard_class(ri, it, self.jit.layouts.class, pc);
        let word = rec
            .trace
            .emit(IrOp::Load, Ty::I64, p, Ref::NONE, off.frame, None);
        let zero = rec.k_int(0);
        let has_frame = rec.trace.emit(IrOp::INe, Ty::Bool, word, zero, 0, None);
        rec.guard(IrOp::GuardTrue, Ty::Void, has_frame, Ref::NONE, 0, pc);
        let fp = rec
            .trace
            .emit(IrOp::Load, Ty::Ptr, p, Ref::NONE, off.frame, None);
        rec.guard_word_at(fp, off.code, off.code_word, pc);
        rec.guard_word_at(fp, off.pc, frame.pc as u64, pc);
        rec.guard_word_at(p, off.running, 0, pc);
        let slots = rec
            .trace
            .emit(IrOp::Load, Ty::Ptr, fp, Ref::NONE, off.slots, None);
        let busy = rec.k_int(1);
        rec.trace
            .emit(IrOp::Store, Ty::Void, p, busy, off.running, None);
        Some((p, slots, off.running))
    }

    /// Completing an exit taken inside inlined generators (see the module doc),
    /// first half: puts the stacks and pcs of the loop's frame and of each
    /// generator back as the exit's snapshot has them. `frames[0]` is the
    /// iterating loop's frame, the others the generators, outermost first;
    /// `values` holds each one's operand stack in that order. A side trace
    /// starts recording between the halves (`Recorder::enter_left_generators`).
    pub(crate) fn restore_generators(
        &mut self,
        frame: *mut Frame,
        rp: &super::ResumePoint,
        values: &[Value],
    ) -> Vec<LeftGenerator> {
        // SAFETY: `frame` is `run_trace`'s live top frame, boxed in
        // `self.frames`; the generator frames written below are other boxes
        // (each generator object owns its own), so nothing else borrows it.
        let fr = unsafe { &mut *frame };
        let mut it = values.iter().copied();
        let root = &rp.frames[0];
        fr.slots.truncate(fr.stack_base);
        for _ in 0..root.nstack {
            fr.slots.push(it.next().unwrap_or(Value::NONE));
        }
        fr.pc = root.pc;
        // Each generator is on its resumer's stack, where its resuming bytecode
        // (`ForIter` or `next(...)`) finds it.
        let mut left = Vec::with_capacity(rp.frames.len() - 1);
        let mut resumer: &Frame = fr;
        for f in &rp.frames[1..] {
            let genv = resumed_generator(resumer, f.drained);
            let ObjData::Generator(g) = &genv.obj().data else {
                unreachable!("the trace guarded a generator")
            };
            let g = g.get();
            g.running = false;
            let gf = g.frame.as_deref_mut().expect("the trace guarded its frame");
            // (what the trace left in memory: it writes the stack back only at
            // the yield, and never the pc)
            let suspended_depth = gf.slots.len() - gf.stack_base;
            // (a drained generator's frame is at its start: it never suspended)
            let yield_pc = gf.pc.wrapping_sub(1);
            gf.slots.truncate(gf.stack_base);
            for _ in 0..f.nstack {
                gf.slots.push(it.next().unwrap_or(Value::NONE));
            }
            gf.pc = f.pc;
            resumer = gf;
            left.push(LeftGenerator {
                genv,
                suspended_depth,
                yield_pc,
                drained: f.drained,
            });
        }
        left
    }

    /// Second half (after `restore_generators`): runs each generator on in the
    /// interpreter, innermost first, and completes the bytecode that resumed it.
    pub(crate) fn continue_generators(&mut self, frame: *mut Frame, left: &[LeftGenerator]) {
        let gens: Vec<Value> = left.iter().map(|g| g.genv).collect();
        // The exit's own effect (a residual bytecode that raised, or a residual
        // `ForIter` that ran out) belongs to the innermost generator.
        let innermost = *gens.last().expect("a generator frame");
        let mut raise = self.jit.pending_raise.take();
        if raise.is_some()
            && let Some(f) = gen_frame(innermost)
        {
            // raised by the bytecode at its pc: the interpreter is past it then
            f.pc += 1;
        }
        if let Some(target) = self.jit.pending_jump.take() {
            let f = gen_frame(innermost).expect("a suspended frame");
            f.pop();
            f.pc = target;
        }
        let mut outcome = None;
        for (k, &genv) in gens.iter().enumerate().rev() {
            if let Some(r) = outcome.take() {
                // what the inner generator did completes this one's `ForIter`
                let f = gen_frame(genv).expect("a suspended frame");
                raise = self.complete_resume(f, gens[k + 1], left[k + 1].drained, r);
                if raise.is_some() {
                    // raised by the `ForIter`: the interpreter is past it then
                    f.pc += 1;
                }
            }
            outcome = Some(self.gen_continue(genv, raise.take()));
        }
        // SAFETY: `frame` is `run_trace`'s live top frame, boxed in
        // `self.frames`: the generators run above keep it where it is, and
        // it is borrowed again only now, after they returned.
        let fr = unsafe { &mut *frame };
        if let Some(r) = outcome
            && let Some(e) = self.complete_resume(fr, gens[0], left[0].drained, r)
        {
            // raised at the `ForIter` (see the interpreter's `LoopHeader` arm)
            self.jit.pending_raise = Some(e);
        }
    }
}

/// A generator that an exit inside inlined generators left between two
/// yields, with what its frame in memory still says about the resumption the
/// trace made (a side trace from that exit runs on that memory).
pub(crate) struct LeftGenerator {
    genv: Value,
    /// Its operand stack's depth at the yield it was suspended at.
    suspended_depth: usize,
    /// That yield.
    yield_pc: usize,
    /// Drained by a builtin (see `drains`), not resumed.
    drained: bool,
}

impl Recorder {
    /// A side trace from an exit inside inlined generators starts in the
    /// innermost one: each generator of the exit's `chain` (the frames after
    /// the loop's) is entered as `record_gen_resume_of` would have entered it,
    /// with its stack from the snapshot (`stacks`) and the memory the parent
    /// trace left: `running` set, its locals written through, its stack as at
    /// its yield (so the yield stores every stack slot). Err when the chain is
    /// not the loop's frame and generators only.
    pub(crate) fn enter_left_generators(
        &mut self,
        chain: &[super::ResumeFrame],
        stacks: Vec<Vec<Ref>>,
        left: &[LeftGenerator],
    ) -> Result<(), Abort> {
        let mut objs = Vec::with_capacity(left.len());
        for (k, (stack, g)) in stacks.into_iter().zip(left).enumerate() {
            let (resumer, f) = (&chain[k], &chain[k + 1]);
            if !f.generator || k != self.parents.len() {
                return Err("a call frame among inlined generators".into());
            }
            if g.drained {
                return Err("a side trace inside a drained generator".into());
            }
            let resumer_pops = match self.code.ops.get(resumer.pc) {
                Some(Op::ForIter(_)) => 0,
                Some(Op::Call(argc)) => *argc as usize + 1,
                _ => return Err("generator resumed by another bytecode".into()),
            };
            let n = self.stack.len();
            let at = if resumer_pops == 0 {
                n.checked_sub(1)
            } else {
                n.checked_sub(resumer_pops - 1)
            };
            let ri = *at
                .and_then(|i| self.stack.get(i))
                .ok_or("resumer stack underflow")?;
            let ObjData::Generator(cell) = &g.genv.obj().data else {
                return Err("not a generator".into());
            };
            let frame = cell
                .get()
                .frame
                .as_deref()
                .ok_or("generator has no frame")?;
            let off = offsets(g.genv.obj(), frame).ok_or("generator frame layout")?;
            let state = GenFrame {
                obj: Ref::NONE,
                slots: Ref::NONE,
                entry_stack: vec![Ref::NONE; g.suspended_depth],
                stack_base: frame.stack_base,
                yield_pc: g.yield_pc,
                running_at: off.running,
                resumer_pops,
                drain: None,
            };
            objs.push((ri, off.frame, off.slots));
            self.gen_codes.push(f.code.clone());
            self.enter_gen(frame, f.code.clone(), f.func, state, resumer.pc);
            self.stack = stack;
        }
        // The generators' addresses are loaded only now, when the state a
        // guard's snapshot records is complete.
        let pc = chain.last().expect("the innermost frame").pc;
        let innermost = objs.len();
        for (k, (ri, frame_at, slots_at)) in objs.into_iter().enumerate() {
            let p = self.guard(IrOp::GuardObj, Ty::Ptr, ri, Ref::NONE, 0, pc);
            let fp = self
                .trace
                .emit(IrOp::Load, Ty::Ptr, p, Ref::NONE, frame_at, None);
            let slots = self
                .trace
                .emit(IrOp::Load, Ty::Ptr, fp, Ref::NONE, slots_at, None);
            // generator k + 1 of the chain: the innermost's state is the
            // recorder's own, another's is kept by its child's parent entry
            let g = if k + 1 == innermost {
                self.in_gen.as_mut()
            } else {
                self.parents[k + 1].in_gen.as_mut()
            }
            .expect("an entered generator");
            g.obj = p;
            g.slots = slots;
        }
        Ok(())
    }
}

/// The suspended frame of generator `genv`.
fn gen_frame<'a>(genv: Value) -> Option<&'a mut Frame> {
    let ObjData::Generator(g) = &genv.obj().data else {
        return None;
    };
    g.get().frame.as_deref_mut()
}

/// The generator that the bytecode `f` is at resumes: a `ForIter`'s iterator
/// (the top of the stack), `next`'s first argument, or (`drained`) the
/// argument of `set(g)`, under the sink on the stack.
fn resumed_generator(f: &Frame, drained: bool) -> Value {
    if drained {
        return f.slots[f.slots.len() - 2];
    }
    match f.code.ops.get(f.pc) {
        Some(Op::Call(argc)) => f.slots[f.slots.len() - *argc as usize],
        _ => f.top(),
    }
}

impl Vm {
    /// Finishes the bytecode that `f` (at it) resumed `genv` with, as the
    /// interpreter does with `r`. A `ForIter` gets the yielded value or the
    /// loop's end; `next(g)` the yielded value or StopIteration, `next(g, d)`
    /// the value or `d`. Some(exception) when it raised (the caller raises it in
    /// `f`'s context; `f` stays at the bytecode).
    fn complete_resume(
        &mut self,
        f: &mut Frame,
        genv: Value,
        drained: bool,
        r: Result<Resumed, PyErr>,
    ) -> Option<Value> {
        debug_assert!(resumed_generator(f, drained).0 == genv.0);
        if drained {
            return self.complete_drain(f, r);
        }
        match (f.code.ops.get(f.pc).copied(), r) {
            (_, Err(e)) => Some(e.0),
            (Some(Op::ForIter(_)), Ok(Resumed::Yielded(v))) => {
                f.push(v);
                f.pc += 1;
                None
            }
            (Some(Op::ForIter(end)), Ok(Resumed::Returned(_))) => {
                f.pop();
                f.pc = end as usize;
                None
            }
            (Some(Op::Call(argc)), Ok(done)) => {
                let v = match done {
                    Resumed::Yielded(v) => v,
                    Resumed::Returned(_) if argc == 2 => f.top(),
                    Resumed::Returned(v) => return Some(self.stop_iteration(v).0),
                };
                let keep = f.slots.len() - argc as usize - 1;
                f.slots.truncate(keep);
                f.push(v);
                f.pc += 1;
                None
            }
            _ => unreachable!("a generator is resumed inline only by ForIter and next()"),
        }
    }
}
