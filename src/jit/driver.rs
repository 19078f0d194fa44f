//! The JIT driver: entering compiled traces at loop headers, starting and finishing
//! recordings (root traces at hot loops, side traces at hot exits), installing and
//! linking compiled code, and turning exits back into interpreter frames.
//!
//! Trace trees. A root trace starts at a loop header and either loops or, when it
//! reaches the header of an inner loop that has a trace, links to that trace. An exit
//! taken `--jit-hotexit` times records a side trace from the exit's state: its
//! inputs are the parent's snapshot values, read (`PVal`) from the parent's homes
//! in `vals`, where the exit stub has just written them. A side trace ends at the
//! first loop header with a trace and jumps there (`Link`); once compiled, the
//! parent's exit stub is patched to jump to it, so the exit never reaches the
//! interpreter again. Every trace has its own range of `vals` and its own number in
//! the exit code it returns (`number << 16 | snapshot`), so one buffer and one
//! return value serve the whole tree.

use std::fmt::Write as _;
use std::rc::Rc;

use guards::{Op as IrOp, Ref, Ty};

use crate::compiler::bytecode::{ENTRY_SLOT, JitState, Op};
use crate::jit::record::{LeftGenerator, RESUME_FLAG, Recorder, ResumePoint};
use crate::jit::sunk::{Rebuild, plan_rebuild};
use crate::jit::{CodeKey, CompiledTrace, TraceTable, helpers, key_of};
use crate::value::Value;
use crate::vm::Vm;
use crate::vm::frame::Frame;

/// How a side trace rebuilds one value of its parent's exit (see
/// `sunk::plan_rebuild`): from inputs, each a constant or a parent value.
type Plan = Vec<Rebuild<(IrOp, Ty, i64)>>;

/// How a finished recording ends.
pub(crate) enum End {
    /// A root trace back at its own loop header: it loops.
    Loop,
    /// At the header of the loop of that root trace (whose header pc is given): it
    /// jumps there.
    Link(u32, usize),
    /// It leaves to the interpreter through its last instruction (`Exit`).
    Exit,
}

/// The exit kind of a root trace's GC poll (`Recorder::poll_gc`).
const GC_POLL: &str = "gc";
/// The exit kind of a failed namespace version guard.
const GLOBALS_CHANGED: &str = "globals";
/// The exit kind of a failed class-version guard.
const CLASS_CHANGED: &str = "class";

/// Whether `g` is a GC poll: a guard that `allocated < threshold` of the heap's
/// clock at `clock` holds.
fn is_gc_poll(t: &guards::Trace, g: &guards::Ins, clock: usize) -> bool {
    if g.op != IrOp::GuardTrue || g.a.is_none() {
        return false;
    }
    let c = t.get(g.a);
    if c.op != IrOp::ILt || c.a.is_none() {
        return false;
    }
    let load = t.get(c.a);
    load.op == IrOp::Load
        && !load.a.is_none()
        && matches!(t.get(load.a), p if p.op == IrOp::KInt && p.ty == Ty::Ptr && p.imm == clock as i64)
}

/// The object a version guard reads its version from (at `base + version_at`)
/// and the version it wants, for a guard of that shape (`gtrue (ieq (ld
/// kptr+version_at) kint)`).
fn versioned_object(t: &guards::Trace, g: &guards::Ins, version_at: i64) -> Option<(usize, u64)> {
    if g.op != IrOp::GuardTrue || g.a.is_none() {
        return None;
    }
    let c = t.get(g.a);
    if c.op != IrOp::IEq || c.a.is_none() || c.b.is_none() {
        return None;
    }
    let load = t.get(c.a);
    let found = load.op == IrOp::Load
        && load.imm == version_at
        && t.get(c.b).op == IrOp::KInt
        && !load.a.is_none()
        && matches!(t.get(load.a), p if p.op == IrOp::KInt && p.ty == Ty::Ptr);
    found.then(|| (t.get(load.a).imm as usize, t.get(c.b).imm as u64))
}

/// The longest chain of side traces grown from side traces: a guard that fails
/// on the very path its side trace records would otherwise chain forever.
const MAX_SIDE_DEPTH: usize = 12;

/// Side-trace recordings that may fail at one exit before it is left alone.
const MAX_SIDE_FAILURES: u8 = 4;
/// Exit codes keep the snapshot in the low 16 bits and the trace in the high 16.
const EXIT_BITS: u32 = 16;

/// (trace, snapshot) of an exit code.
pub(crate) fn split_exit(raw: u32) -> (u32, u32) {
    (raw >> EXIT_BITS, raw & ((1 << EXIT_BITS) - 1))
}

/// Side traces grown inside one inlined function that has loops before it is
/// called instead (see `callee_loop_branches_too_much`).
const MAX_CALLEE_LOOP_SIDE_TRACES: u32 = 4;

/// The fewest bytecodes (not counting residual ones) a function-entry trace
/// compiles.
const MIN_ENTRY_TRACE_OPS: usize = 12;
const SHORT_FUNCTION: &str = "function too short";

impl Vm {
    /// At a loop header: close a recording that got here, enter the loop's
    /// compiled trace, or start recording when hot. Returns true when a trace ran
    /// (the frame's pc and stack were set by its exit).
    pub(crate) fn jit_loop_header(
        &mut self,
        frame: *mut Frame,
        slot: u32,
        header_pc: usize,
    ) -> bool {
        // SAFETY: `frame` is the interpreter's live top frame (dispatch's
        // pointer, or `run_entry_trace`'s just-pushed one), a Box in
        // `self.frames` that does not move while the Vec grows. Of the calls
        // below that reach the frame again, `finish_recording` (through
        // `rec.frame`) only reads it, and `run_trace`, which runs Python code
        // and writes it, comes after `fr`'s last use.
        let fr = unsafe { &mut *frame };
        let key = key_of(&fr.code, slot);
        // (a loop inside a residual call the recording waits for is not its own)
        if let Some(rec) = self.jit.recording.as_ref().filter(|r| r.residual.is_none()) {
            if rec.inlined() && std::ptr::eq(rec.frame, frame) {
                // a loop inside an inlined generator or call: the recording goes
                // around it (see the recorder's `LoopHeader`)
                return false;
            }
            let same_frame = std::ptr::eq(rec.frame, frame) && !rec.inlined();
            let own = rec.side.is_none() && rec.key == key && rec.header_pc == header_pc;
            let target = self
                .jit
                .roots
                .get(&key)
                .copied()
                .filter(|id| !self.jit.traces[id].disabled);
            if same_frame && own {
                self.finish_recording(End::Loop);
            } else if let (true, Some(t)) = (same_frame, target) {
                self.finish_recording(End::Link(t, header_pc));
            } else if same_frame && rec.key.1 == ENTRY_SLOT {
                // a function's trace goes on through its loops without traces
                return false;
            } else {
                self.abort_recording("entered another loop");
            }
        }
        if let Some(&id) = self.jit.roots.get(&key) {
            if self.jit.traces[&id].disabled {
                return false;
            }
            let here = (Rc::as_ptr(&fr.code) as usize, header_pc);
            if !self.jit.active.is_empty()
                && !self.jit.nested_window_fits()
                && self.jit.active.contains(&here.0)
            {
                // a residual call of a trace of this code is running, and no
                // window is left to nest in: its `vals` ranges are in use
                return false;
            }
            if self.jit.skip_entry == Some(here) {
                // The last exit left at this very header: run one iteration
                // interpreted so a forced exit there cannot loop without progress.
                self.jit.skip_entry = None;
                return false;
            }
            return self.run_trace(frame, id);
        }
        let count = fr.code.counter(slot).get();
        if self.jit.recording.is_none() && self.jit.is_hot(&fr.code, slot, count) {
            self.start_recording(frame, key, header_pc);
        } else if self.jit.failures.get(&key).copied().unwrap_or(0) >= crate::jit::MAX_ABORTS {
            // no trace, and none will be recorded: the interpreter stops asking
            fr.code.jit_state(slot).set(JitState::Off);
        }
        false
    }

    fn new_recorder(&mut self, frame: *mut Frame, key: CodeKey, header_pc: usize) -> Box<Recorder> {
        // SAFETY: `frame` is the live frame the recording starts in (see
        // `jit_loop_header`, `start_side_recording`); nothing here runs
        // Python code or touches the frame otherwise.
        let fr = unsafe { &*frame };
        let counter = self.jit.vals_top;
        self.jit.vals_top += 1;
        Box::new(Recorder {
            key,
            header_pc,
            frame,
            code: fr.code.clone(),
            trace: guards::Trace {
                quiet_helpers: helpers::QUIET,
                ..guards::Trace::new()
            },
            stack: Vec::new(),
            locals: Default::default(),
            unboxed: Default::default(),
            consts: Vec::new(),
            ops: 0,
            drained_ops: 0,
            inlined_loop_passes: 0,
            bytecode_log: String::new(),
            func: Value::NONE,
            func_ref: None,
            parents: Vec::new(),
            resume: Vec::new(),
            id: self.jit.next_id(),
            pending_appends: Vec::new(),
            const_globals: !self.jit.volatile_globals.contains(&key),
            globals_by_position: !self.jit.volatile_keys.contains(&key),
            side: None,
            counter,
            skip: None,
            residual: None,
            residual_methods: Vec::new(),
            poll: None,
            in_gen: None,
            gen_codes: Vec::new(),
            tuples: Default::default(),
            supers: Default::default(),
            volatile_classes: self.jit.volatile_classes.clone(),
            undo: None,
            blocks: Default::default(),
            unwinds: Vec::new(),
            raise_caught: false,
            root_virtuals: Default::default(),
            sink_instances: self.jit.sink_alloc
                && !self.jit.escaped_virtuals.contains(&(key, None)),
            virtuals: Default::default(),
            virtual_gen: 0,
            pending_pure: None,
            pure_call: None,
            pure_calls: self.jit.pure_calls,
            impure_calls: self.jit.impure_calls.clone(),
            virtuals_made: 0,
            renames: 0,
        })
    }

    fn start_recording(&mut self, frame: *mut Frame, key: CodeKey, header_pc: usize) {
        // (the recorder asks some helpers what they would do: `plain_truth`)
        helpers::enter(self);
        // SAFETY: `frame` is the live frame at whose loop header recording
        // starts (`jit_loop_header`); only shared reads follow, and nothing
        // here runs Python code.
        let fr = unsafe { &*frame };
        let mut rec = self.new_recorder(frame, key, header_pc);
        rec.trace
            .emit(IrOp::Loop, Ty::Void, Ref::NONE, Ref::NONE, 0, None);
        // Values already on the operand stack at the header (a for loop's iterator).
        for i in 0..fr.stack_len() {
            let r = rec.trace.emit(
                IrOp::Slot,
                Ty::Val,
                Ref::NONE,
                Ref::NONE,
                (fr.stack_base + i) as i64,
                None,
            );
            rec.stack.push(r);
        }
        // Count iterations (see the blacklist rule in run_trace).
        let c = rec.counter as i64;
        rec.trace
            .emit(IrOp::Count, Ty::Void, Ref::NONE, Ref::NONE, c, None);
        rec.poll = Some(rec.poll_gc(self.heap.clock_addr(), header_pc));
        self.jit.recording = Some(rec);
        self.jit_recording = true;
    }

    /// Starts recording a side trace at exit `snap` of trace `parent`, whose state
    /// the interpreter frame now holds.
    /// `left`: the generators an exit inside inlined generators left (see
    /// `restore_generators`), empty for other exits.
    fn start_side_recording(
        &mut self,
        frame: *mut Frame,
        parent: u32,
        snap: u32,
        left: &[LeftGenerator],
    ) {
        helpers::enter(self);
        let p = &self.jit.traces[&parent];
        let (key, header_pc, base) = (p.key, p.header_pc, p.vals_base);
        // A branch guard that is the only one leaving through this exit failed,
        // so the side trace knows its condition (not under chaos, whose exits
        // leave through guards that passed).
        let mut guards = p
            .trace
            .ins
            .iter()
            .filter(|i| i.op.is_guard() && i.snap == snap);
        let known = match (guards.next(), guards.next()) {
            (Some(g), None) if self.jit.chaos.is_none() => match g.op {
                IrOp::GuardTrue => Some((g.a, 0)),
                IrOp::GuardFalse => Some((g.a, 1)),
                _ => None,
            },
            _ => None,
        };
        let input = |r: &Ref| {
            let ins = p.trace.ins[r.idx()];
            match ins.op {
                IrOp::KInt | IrOp::KFloat | IrOp::KVal => (ins.op, ins.ty, ins.imm),
                _ => match known {
                    Some((c, v)) if c == *r => (IrOp::KInt, Ty::Bool, v),
                    _ => (IrOp::PVal, ins.ty, (base + r.idx()) as i64),
                },
            }
        };
        let s = &p.trace.snapshots[snap as usize];
        // (a sunk object of the parent is one of the side trace too, over
        // the parent's values: see jit/sunk.rs)
        let inputs: Vec<Plan> = s
            .stack
            .iter()
            .map(|r| {
                if p.trace.is_sunk(*r) {
                    let mut plan = Vec::new();
                    plan_rebuild(&p.trace, *r, &input, &mut plan);
                    plan
                } else {
                    vec![Rebuild::Input(input(r))]
                }
            })
            .collect();
        // An exit inside inlined calls: the recording continues in the innermost
        // of the frames the exit rebuilt (the top ones of `self.frames`).
        let chain =
            (s.pc & RESUME_FLAG != 0).then(|| p.resume[(s.pc & !RESUME_FLAG) as usize].clone());
        // the stores the parent delayed: the side trace owns them now
        // (an object the parent never made, which a local holds: rebuilt as
        // the stack's are)
        let delayed: Vec<(u32, Plan)> = s
            .slots
            .iter()
            .map(|(k, r)| {
                let mut plan = Vec::new();
                if p.trace.is_sunk(*r) {
                    plan_rebuild(&p.trace, *r, &input, &mut plan);
                } else {
                    plan.push(Rebuild::Input(input(r)));
                }
                (*k, plan)
            })
            .collect();
        let mut rec = self.new_recorder(frame, key, header_pc);
        rec.side = Some((parent, snap));
        rec.sink_instances = self.jit.sink_alloc
            && !self
                .jit
                .escaped_virtuals
                .contains(&(key, Some((parent, snap))));
        let c = rec.counter as i64;
        rec.trace
            .emit(IrOp::Count, Ty::Void, Ref::NONE, Ref::NONE, c, None);
        let emit = |rec: &mut Recorder, (op, ty, imm): (IrOp, Ty, i64)| {
            if op == IrOp::KVal {
                rec.k_val(Value(imm as u64))
            } else {
                rec.trace.emit(op, ty, Ref::NONE, Ref::NONE, imm, None)
            }
        };
        let mut refs = Vec::with_capacity(inputs.len());
        let mut made = Vec::new();
        for plan in inputs {
            let unbound = matches!(plan[..], [Rebuild::Input((IrOp::KVal, _, k))]
                if k == Value::EMPTY.0 as i64);
            refs.push((rec.emit_rebuild(&plan, &emit, &mut made), unbound));
        }
        let mut refs = refs.into_iter();
        let root_stack = chain.as_ref().map_or(usize::MAX, |rp| rp.frames[0].nstack);
        rec.stack = refs.by_ref().take(root_stack).map(|(r, _)| r).collect();
        let nlocals = rec.code.nlocals() as u32;
        for (slot, plan) in delayed {
            let r = rec.emit_rebuild(&plan, &emit, &mut made);
            if rec.is_virtual(r) && slot < nlocals {
                rec.locals.insert(slot, r);
                rec.root_virtuals.push(slot);
                continue;
            }
            let b = rec.boxed(r);
            rec.trace
                .emit(IrOp::SetSlot, Ty::Void, b, Ref::NONE, slot as i64, None);
            if slot < nlocals {
                rec.locals.insert(slot, r);
            }
        }
        if let Some(rp) = chain
            .as_ref()
            .filter(|rp| rp.frames.iter().any(|f| f.generator))
        {
            // (a generator's locals live in its frame: its refs are its stack)
            let mut stacks = Vec::with_capacity(rp.frames.len() - 1);
            for f in &rp.frames[1..] {
                let rs = refs.by_ref().take(f.nlocals + f.nstack).skip(f.nlocals);
                stacks.push(rs.map(|(r, _)| r).collect());
            }
            let entered = rec.enter_left_generators(&rp.frames, stacks, left);
            self.jit.recording = Some(rec);
            self.jit_recording = true;
            if let Err(why) = entered {
                self.abort_recording(&why);
            }
            return;
        }
        if let Some(rp) = chain {
            let first = self.frames.len() + 1 - rp.frames.len();
            for (k, f) in rp.frames.iter().enumerate().skip(1) {
                let real: *const Frame = &*self.frames[first + k - 1];
                // the function (when inlined by code), a class call's instance,
                // an operator's operands (see `snap`)
                let func_ref = f
                    .func_in_snapshot
                    .then(|| refs.next())
                    .flatten()
                    .map(|(r, _)| r);
                let init_self = f.init_self.then(|| refs.next()).flatten().map(|(r, _)| r);
                let binop = match f.binop {
                    Some(op) => match (refs.next(), refs.next()) {
                        (Some((a, _)), Some((b, _))) => Some((op, a, b)),
                        _ => None,
                    },
                    None => None,
                };
                let mut locals = Vec::with_capacity(f.nlocals);
                for (i, (r, unbound)) in refs.by_ref().take(f.nlocals).enumerate() {
                    if !unbound {
                        locals.push((i as u32, r));
                    }
                }
                let stack = refs.by_ref().take(f.nstack).map(|(r, _)| r).collect();
                let caller_resume = rp.frames[k - 1].pc;
                rec.enter_resumed_frame(
                    real,
                    (f.code.clone(), f.func, func_ref),
                    caller_resume,
                    locals,
                    stack,
                );
                if let Some(p) = rec.parents.last_mut() {
                    // its `return` is recorded as the root trace's was
                    p.callee_init_self = init_self;
                    p.callee_binop = binop;
                }
                rec.blocks = f.blocks.clone();
            }
        }
        self.jit.recording = Some(rec);
        self.jit_recording = true;
    }

    /// At a function's entry (`FuncEntry`): enter its entry trace, or start
    /// recording one when the function is hot. A recording in progress follows
    /// calls (inlined, or residual calls' frames) without stopping here.
    pub(crate) fn jit_function_entry(&mut self, frame: *mut Frame) -> bool {
        if self
            .jit
            .recording
            .as_ref()
            .is_some_and(|r| r.residual.is_none())
        {
            return false;
        }
        self.jit_loop_header(frame, ENTRY_SLOT, 0)
    }

    /// `jit_function_entry`, letting a trace that leaves at this frame's
    /// `return` hand the value back in `Jit::returned` instead of writing the
    /// frame back (the caller pops it as `Return` would). Not for a
    /// generator's, an `__init__`'s or an operator dunder's frame, whose
    /// `Return` does more, nor while recording or counting bytecodes (the
    /// interpreter must run the `return`).
    pub(crate) fn jit_function_entry_returning(&mut self, frame: *mut Frame) -> bool {
        // SAFETY: `frame` is the innermost frame of `self.frames`, boxed (it
        // does not move) and not borrowed elsewhere while this reads it.
        let fr = unsafe { &*frame };
        self.jit.return_directly = fr.binop_return.is_none()
            && fr.init_self.is_empty()
            && fr.generator.is_none()
            && !self.jit_recording;
        let ran = self.jit_function_entry(frame);
        self.jit.return_directly = false;
        ran
    }

    /// `jit_function_entry_returning` of a fresh frame whose entry tree is
    /// `root`, called with no recording in progress (`Vm::call_from_trace`):
    /// of the loop header's checks only those about runs waiting on the
    /// native stack remain.
    pub(crate) fn run_entry_tree_returning(&mut self, frame: *mut Frame, root: u32) -> bool {
        // SAFETY: as in `jit_function_entry_returning`.
        let here = Rc::as_ptr(unsafe { &(*frame).code }) as usize;
        if self.jit.skip_entry == Some((here, 0))
            || !self.jit.active.is_empty()
                && !self.jit.nested_window_fits()
                && self.jit.active.contains(&here)
        {
            return self.jit_function_entry_returning(frame);
        }
        // (a fresh frame: no `__init__`, operator dunder or generator; but
        // `--jit-stats` counting bytecodes needs the interpreter's `return`)
        self.jit.return_directly = !self.jit_recording;
        self.run_trace(frame, root)
    }

    pub fn abort_recording(&mut self, reason: &str) {
        if let Some(rec) = self.jit.recording.take() {
            let code = rec.root_code();
            let line = code.line_of(rec.header_pc);
            let what = match rec.side {
                Some((p, s)) => format!("side trace of {p} exit {s}"),
                None => format!("{}:{} ({})", code.filename, line, code.qualname),
            };
            let msg = format!("---- TRACE abort {what}: {reason}\n");
            self.jit.log(&msg);
            self.trace_failed(&rec, reason);
        }
        self.jit_recording = self.jit.count_ops;
    }

    /// Counts a failed recording or compilation against its loop or exit.
    fn trace_failed(&mut self, rec: &Recorder, reason: &str) {
        if let Some(p) = rec.pure_call {
            // (see `pure_calls`: the call is made from generators from then
            // on, and the loop recorded again as before; the log line names
            // the bytecode, the count does not)
            self.jit.impure_calls.insert(p.code);
            let effect = crate::jit::record::pure_calls::EFFECT_IN_GENERATOR_CALL;
            let key = if reason.starts_with(effect) {
                effect
            } else {
                reason
            };
            *self.jit.stats.aborts.entry(key.to_string()).or_default() += 1;
            return;
        }
        // Failing inside an inlined call: that function is called, not inlined,
        // from now on, and the loop or exit is recorded again without holding it
        // against them (each retry rules out one more function).
        // A recording grown too long inside an inlined function with loops
        // (unrolled into it) blames the outermost such function, not the
        // innermost call, which is often a one-line method its loop calls.
        let culprit = match reason {
            crate::jit::TOO_LONG => rec
                .inlined_codes()
                .find(|c| !c.loop_counters.is_empty())
                .unwrap_or(&rec.code),
            _ => &rec.code,
        };
        let blame_callee = rec.inlined()
            && reason != crate::jit::GLOBALS_WRITTEN
            && reason != crate::jit::GEN_RETURNED
            && !crate::jit::recorded_again(reason)
            && self.jit.no_inline.insert(Rc::as_ptr(culprit) as usize);
        if blame_callee
            || reason == crate::jit::NO_TRACE_YET
            || crate::jit::recorded_again(reason)
            || reason == crate::jit::GEN_RETURNED
            || reason == crate::jit::GLOBALS_WRITTEN
        {
            *self.jit.stats.aborts.entry(reason.to_string()).or_default() += 1;
            if crate::jit::recorded_again(reason) {
                // still hot: the next pass records again (waiting as long as
                // before could meet the same iteration, such as a short loop's
                // last, every time)
                return;
            }
            match rec.side {
                Some((p, s)) => {
                    if let Some(t) = self.jit.traces.get_mut(&p) {
                        t.exits[s as usize] = 0;
                    }
                }
                None => rec.root_code().counter(rec.key.1).set(0),
            }
            return;
        }
        match rec.side {
            Some((p, s)) => {
                *self.jit.stats.aborts.entry(reason.to_string()).or_default() += 1;
                if let Some(t) = self.jit.traces.get_mut(&p) {
                    t.side_failures[s as usize] += 1;
                    // wait for as many exits again before the next attempt
                    t.exits[s as usize] = 0;
                }
            }
            None => self.jit.record_failure(rec.key, reason),
        }
    }

    /// Closes a recording: optimize, compile and install the trace. `link`: the
    /// trace ends at the loop header of that root trace and jumps to it; `None`:
    /// the trace is a root that got back to its own header and loops.
    pub(crate) fn finish_recording(&mut self, end: End) {
        let link = match end {
            End::Link(t, pc) => Some((t, pc)),
            _ => None,
        };
        let Some(mut rec) = self.jit.recording.take() else {
            return;
        };
        self.jit_recording = self.jit.count_ops;
        match end {
            // (objects the next iteration reads from the frame are made)
            End::Loop => {
                let pc = rec.header_pc;
                rec.settle_root_virtuals(pc);
            }
            End::Link(_, pc) => rec.settle_root_virtuals(pc),
            End::Exit => {}
        }
        if rec.key.1 == ENTRY_SLOT && rec.side.is_none() && matches!(end, End::Exit) {
            // Entering and leaving a trace costs about as much as interpreting a
            // dozen bytecodes, and a residual call saves nothing: a function
            // with less than that to compile runs faster interpreted. The
            // path recorded is the one the call that got hot took: a recursive
            // function's is most often its base case, so a recursive function
            // compiles it anyway (its other paths grow side traces, and
            // `blacklist_if_unprofitable` judges the tree by the bytecodes it
            // runs per call); any other is recorded once more, with the
            // back-off of a failure, before it is given up.
            let residual = rec.trace.ins.iter().filter(|i| i.op == IrOp::CallR).count();
            if rec.ops.saturating_sub(residual) < MIN_ENTRY_TRACE_OPS
                && !self.called_recursively(&rec.code)
            {
                self.jit.log(&format!(
                    "---- TRACE abort {}: function too short for a trace of its own\n",
                    rec.root_code().qualname
                ));
                self.jit.record_failure(rec.key, SHORT_FUNCTION);
                if !self.jit.short_once.insert(rec.key) {
                    self.jit.failures.insert(rec.key, crate::jit::MAX_ABORTS);
                    self.jit.stats.blacklisted += 1;
                }
                return;
            }
        }
        let start = std::time::Instant::now();
        let mut link_how = "";
        if let Some((_, header_pc)) = link
            && rec.calls_helpers()
        {
            // (it may run many times per entry of the loop it links to)
            rec.poll_gc(self.heap.clock_addr(), header_pc);
        }
        if matches!(end, End::Exit)
            && rec.side.is_none()
            && let Some(l) = rec.trace.loop_start()
        {
            // A root that leaves at a yield: it runs once per entry.
            rec.trace.ins[l].op = IrOp::Nop;
        }
        if let Some((target, header_pc)) = link {
            // A root recorded as a loop that ended at another loop's header: it
            // runs once per entry and links, it does not loop.
            if let Some(l) = rec.trace.loop_start() {
                rec.trace.ins[l].op = IrOp::Nop;
            }
            // The target reads its header's operand stack from the frame.
            // SAFETY: a link ends at a loop header in the recording's own
            // frame (`jit_loop_header` passes `End::Link` only when
            // `rec.frame` is the live `frame` it was called with).
            let stack_base = unsafe { &*rec.frame }.stack_base;
            for (i, r) in rec.stack.clone().into_iter().enumerate() {
                let b = rec.boxed(r);
                let slot = (stack_base + i) as i64;
                rec.trace
                    .emit(IrOp::SetSlot, Ty::Void, b, Ref::NONE, slot, None);
            }
            let code = &self.jit.traces[&target].code;
            let (addr, how) = match &code.body_entry {
                Some(entry) if self.jit.body_entry && hand_phis(&mut rec, entry, header_pc) => {
                    rec.trace.handed = entry.phis.iter().map(|p| p.0).collect();
                    if enters_unchecked(&rec, &self.jit.traces, target) {
                        (entry.checked_addr, "body, unchecked")
                    } else {
                        (entry.addr, "body")
                    }
                }
                _ => (code.reentry, "top"),
            };
            link_how = how;
            rec.trace.emit(
                IrOp::Link,
                Ty::Void,
                Ref::NONE,
                Ref::NONE,
                addr as i64,
                None,
            );
        }
        let id = rec.id;
        // (the recording may have ended inside an inlined call: a raise there)
        let root_code = rec.root_code().clone();
        let line = root_code.line_of(rec.header_pc);
        let mut log = String::new();
        let logging = self.jit.log.is_some();
        if logging {
            let _ = write!(
                log,
                "---- TRACE {} start {}:{} ({})",
                id, root_code.filename, line, root_code.qualname
            );
            if let Some((p, s)) = rec.side {
                let _ = write!(log, " side of trace {p} exit {s}");
            }
            let _ = writeln!(log);
            let _ = writeln!(log, "---- TRACE {} bytecodes", id);
            log.push_str(&rec.bytecode_log);
            let _ = writeln!(log, "---- TRACE {} IR", id);
            let _ = write!(log, "{}", rec.trace);
        }
        if let Some(first) = rec.poll.take() {
            rec.drop_idle_poll(first);
        }
        if let Some(what) = crate::jit::record::escaped_virtual(&rec.trace, 0) {
            // (the trace's end took an object it has not made)
            let first = self.jit.escaped_virtuals.insert((rec.key, rec.side));
            self.jit.log(&format!(
                "---- TRACE {id} abort: virtual instance taken by {what}\n"
            ));
            self.trace_failed(&rec, crate::jit::virtual_escaped(first));
            return;
        }
        let mut trace = std::mem::take(&mut rec.trace);
        // (counted as recorded: an object nothing names once optimized is
        // not made either)
        let sunk = crate::jit::sunk::count_sunk(&trace) + rec.virtuals_made;
        if let Err(e) = crate::jit::backend::optimize(&mut trace, &self.jit.passes) {
            self.jit.log(&format!("---- TRACE {id} abort: {e}\n"));
            self.trace_failed(&rec, "bad --jit-opt");
            return;
        }
        if logging {
            let _ = writeln!(
                log,
                "---- TRACE {} IR after optimization ({})",
                id, self.jit.passes
            );
            let _ = write!(log, "{trace}");
        }
        if id >= 1 << EXIT_BITS || trace.snapshots.len() >= 1 << EXIT_BITS {
            self.jit.log(&format!(
                "---- TRACE {id} abort: too many traces or exits\n"
            ));
            self.trace_failed(&rec, "too many traces");
            return;
        }
        if self.jit.arena.is_none() {
            match asm::CodeArena::new(32 << 20) {
                Ok(a) => self.jit.arena = Some(a),
                Err(e) => {
                    self.jit
                        .log(&format!("---- TRACE {id} abort: no code arena: {e:?}\n"));
                    self.trace_failed(&rec, "no code arena");
                    return;
                }
            }
        }
        let opts = asm::Options {
            chaos: self.jit.chaos.is_some(),
            vals_base: self.jit.vals_top as u32,
            exit_tag: id << EXIT_BITS,
            chaos_slot: Some(0),
        };
        let arena = self.jit.arena.as_mut().unwrap();
        let code = match crate::jit::backend::compile(&trace, arena, logging, opts) {
            Ok((code, listing)) => {
                log.push_str(&listing);
                code
            }
            Err(e) => {
                let _ = writeln!(log, "---- TRACE {} abort: compile failed: {e}", id);
                self.jit.log(&log);
                self.trace_failed(&rec, "compile failed");
                return;
            }
        };
        if logging {
            match end {
                End::Link(t, _) => {
                    let _ = writeln!(log, "---- TRACE {id} stop -> link trace {t} ({link_how})");
                }
                End::Loop => {
                    let _ = writeln!(log, "---- TRACE {id} stop -> loop");
                }
                End::Exit => {
                    let _ = writeln!(log, "---- TRACE {id} stop -> exit to the interpreter");
                }
            }
        }
        // (running traces' windows lie at or below the innermost one, and no
        // run nests deeper once `vals_top` passes `VALS_WINDOW`)
        if self.jit.window + code.vals_len > crate::jit::VALS_CAPACITY {
            self.jit.log(&format!("---- TRACE {id} abort: vals full\n"));
            self.trace_failed(&rec, "vals full");
            return;
        }
        self.jit.vals_top = code.vals_len;
        if self.jit.vals.is_empty() {
            let Some(vals) = crate::jit::zeroed::ZeroedWords::new(crate::jit::VALS_CAPACITY) else {
                self.trace_failed(&rec, "no memory for vals");
                return;
            };
            self.jit.vals = vals;
        }
        let max_slot = trace
            .ins
            .iter()
            .filter(|i| matches!(i.op, IrOp::Slot | IrOp::SetSlot))
            .map(|i| i.imm as usize + 1)
            .max()
            .unwrap_or(0);
        let ms = self.jit.max_slots.entry(rec.key.0).or_default();
        *ms = (*ms).max(max_slot);
        self.jit.stats.traces += 1;
        self.jit.stats.compile_ns += start.elapsed().as_nanos();
        self.jit.stats.code_bytes += code.len;
        self.jit.stats.ir_bytes += trace.ins.len() * std::mem::size_of::<guards::Ins>();
        // (the frames an exit inside inlined calls rebuilds: kept with the trace)
        self.jit.stats.resume_bytes += rec
            .resume
            .iter()
            .map(|r| {
                std::mem::size_of::<crate::jit::record::ResumePoint>()
                    + r.frames.len() * std::mem::size_of::<crate::jit::record::ResumeFrame>()
            })
            .sum::<usize>();
        self.jit.stats.snapshot_bytes += trace
            .snapshots
            .iter()
            .map(|s| {
                std::mem::size_of::<guards::Snapshot>()
                    + s.stack.len() * std::mem::size_of::<guards::Ref>()
                    + s.slots.len() * std::mem::size_of::<(u32, guards::Ref)>()
            })
            .sum::<usize>();
        let nsnaps = trace.snapshots.len();
        let mut exit_kinds = vec!["none"; nsnaps];
        let mut no_side_trace = vec![false; nsnaps];
        let mut class_guards = Vec::new();
        let mut globals_guards = Vec::new();
        let clock = self.heap.clock_addr();
        for ins in trace.ins.iter().filter(|i| i.op.is_guard()) {
            let s = ins.snap as usize;
            let poll = is_gc_poll(&trace, ins, clock);
            // (a globals dict's keys version too: see src/jit/globals.rs)
            let at = |off: i64| {
                versioned_object(&trace, ins, off).map(|(a, want)| (a + off as usize, want))
            };
            let dict_guard = at(self.jit.layouts.dict_version)
                .or_else(|| self.jit.layouts.dict.and_then(|d| at(d.keys_version)));
            let version = dict_guard.is_some();
            if let Some((word, want)) = dict_guard {
                globals_guards.push((s as u32, word, want));
            }
            let class = versioned_object(&trace, ins, self.jit.layouts.type_version);
            if let Some((t, want)) = class {
                class_guards.push((s as u32, t, want));
            }
            exit_kinds[s] = match ins.op {
                IrOp::CallG | IrOp::CallA => helpers::name(ins.imm),
                IrOp::CallR => helpers::name(guards::ir::RESIDUAL_HELPER),
                _ if poll => GC_POLL,
                _ if version => GLOBALS_CHANGED,
                _ if class.is_some() => CLASS_CHANGED,
                op => op.mnemonic(),
            };
            // A side trace would guard the new version, which the next store
            // changes again: see `run_trace`. (A class-version guard shares its
            // snapshot with the class's identity guard, whose exits must grow
            // side traces: `run_trace` tells a changed version apart.)
            no_side_trace[s] |= version;
            // An `Exit` leaves where nothing can be recorded; a GC poll leaves so
            // that the interpreter collects; a residual call's exit has had its
            // effect or reads a frame (see `residual`).
            // (an object the trace has not made, held by a local of the loop's
            // frame, is rebuilt by the side trace as one of its own:
            // `start_side_recording`)
            no_side_trace[s] |= poll
                || ins.op == IrOp::CallR
                || (ins.op == IrOp::Exit && ins.imm != guards::ir::EXIT_CONTINUES);
        }
        self.jit.stats.sunk += sunk;
        let entry = code.reentry;
        let residual_sites = trace.ins.iter().filter(|i| i.op == IrOp::CallR).count() as u64;
        let body_entry_homes = crate::jit::Jit::body_entry_homes(&code, &trace);
        let ct = CompiledTrace {
            id,
            trace,
            code,
            consts: std::mem::take(&mut rec.consts),
            unwinds: std::mem::take(&mut rec.unwinds),
            entries: 0,
            exits: vec![0; nsnaps],
            exits_taken: vec![0; nsnaps],
            body_entry_homes,
            disabled: false,
            // (shared: an exit takes its frame chain without copying it)
            resume: rec.resume.drain(..).map(Rc::new).collect(),
            codes: std::iter::once(rec.root_code().clone())
                .chain(rec.gen_codes.drain(..))
                .collect(),
            header_pc: rec.header_pc,
            key: rec.key,
            parent: rec.side,
            vals_base: opts.vals_base as usize,
            counter: rec.counter,
            bytecodes: rec.ops as u64,
            residual_sites,
            linked: vec![false; nsnaps],
            side_failures: vec![0; nsnaps],
            exit_kinds,
            no_side_trace,
            class_guards,
            globals_guards,
        };
        self.jit.traces.insert(id, ct);
        match rec.side {
            None => {
                self.jit.roots.insert(rec.key, id);
                root_code.jit_state(rec.key.1).set(JitState::Compiled);
            }
            Some((p, s)) => {
                self.jit.stats.side_traces += 1;
                self.link_exit(p, s, entry);
            }
        }
        self.jit.log(&log);
    }

    /// Patches exit `snap` of trace `parent` to jump to `target`.
    fn link_exit(&mut self, parent: u32, snap: u32, target: usize) {
        let Some(p) = self.jit.traces.get_mut(&parent) else {
            return;
        };
        let Some(&(_, point)) = p.code.exit_stubs.iter().find(|(s, _)| *s == snap) else {
            return;
        };
        let Some(bytes) = asm::link_jump(point, target) else {
            return;
        };
        if let Some(arena) = self.jit.arena.as_mut()
            && arena.patch(point, &bytes).is_ok()
        {
            p.linked[snap as usize] = true;
        }
    }

    /// Runs root trace `root` on `frame`, then rebuilds the frame from the exit the
    /// tree left through (which may be in any of its traces).
    // (inlined at both callers: as a call, the loop header's entries, which
    // are most of them, ran 1% more instructions on json_parse and chaos)
    #[inline(always)]
    fn run_trace(&mut self, frame: *mut Frame, root: u32) -> bool {
        let return_directly = std::mem::take(&mut self.jit.return_directly);
        // SAFETY: `frame` is the live top frame (see `jit_loop_header`), a
        // Box in `self.frames` that keeps its address while residual calls
        // push frames above it; only this frame's own dispatch resizes its
        // slots, and it is suspended in this call. Assumed rather than proven:
        // code in a residual call may read this frame through `self.frames`
        // (`sys._getframe`) while `fr` is alive but unused until the run ends.
        let fr = unsafe { &mut *frame };
        let code_addr = Rc::as_ptr(&fr.code) as usize;
        // Traces that link write the next loop's header stack into the frame.
        let need = self.jit.max_slots.get(&code_addr).copied().unwrap_or(0);
        if fr.slots.len() < need {
            fr.slots.resize(need, Value::NONE);
        }
        // One buffer serves every entry; exits fill what their snapshot needs. It
        // never moves (see `Jit::vals`): a residual call may run other traces, and
        // its own collector roots are read there.
        // A run nested in another's residual call gets the next window when
        // one fits, else shares the waiting run's (then its code is not
        // running: see `jit_loop_header`, each tree's ranges are its own).
        let outer_window = self.jit.window;
        let window = if self.jit.active.is_empty() {
            0
        } else if self.jit.nested_window_fits() {
            outer_window + crate::jit::VALS_WINDOW
        } else {
            outer_window
        };
        self.jit.window = window;
        self.jit.max_window = self.jit.max_window.max(window);
        // SAFETY: `vals` was mapped at its full size (`VALS_CAPACITY`) with
        // the first trace, before any root could be run, and never moves;
        // `window` is 0, or a window that `nested_window_fits` found room
        // for, or the outer run's, so `add(window)` stays in bounds. Rust
        // code touches the buffer only between trace runs or through this
        // slice. Assumed rather than proven: a nested run sharing the waiting
        // run's window makes a second `&mut` over the same words while the
        // outer one is alive but unused until the nested run returns.
        let vals: &mut [u64] = unsafe {
            std::slice::from_raw_parts_mut(
                self.jit.vals.as_mut_ptr().add(window),
                self.jit.vals.len() - window,
            )
        };
        if let Some(c) = &mut self.jit.chaos {
            // The countdown to the guard that fails on purpose.
            vals[0] = c.next_countdown();
        }
        helpers::enter(self);
        // SAFETY: frame slots are `Value`s, which are `#[repr(transparent)]
        // u64`; the slice covers the Vec's initialized length, derived from
        // `fr`, and the Vec is not resized while the slice is used (its own
        // dispatch, the only code that resizes it, is suspended here).
        let slots: &mut [u64] = unsafe {
            std::slice::from_raw_parts_mut(fr.slots.as_mut_ptr() as *mut u64, fr.slots.len())
        };
        let t = self.jit.traces.get_mut(&root).expect("root trace");
        t.entries += 1;
        // (`blacklist_if_unprofitable` judges a tree once, at its 256th entry)
        let judge_root = t.entries == 256;
        self.jit.active.push(code_addr);
        // SAFETY: the arena outlives every trace (both live in `Jit`), slots cover
        // every slot the tree touches (resized above), vals covers every trace's
        // range, and helpers never unwind.
        let raw = unsafe { t.code.run(slots, vals, &helpers::TABLE) };
        self.jit.active.pop();
        self.jit.window = outer_window;
        let (id, snap) = split_exit(raw);
        let t = self.jit.traces.get_mut(&id).expect("exit of a known trace");
        t.exits[snap as usize] += 1;
        t.exits_taken[snap as usize] += 1;
        let own = &vals[t.vals_base..];
        let kind = t.exit_kinds[snap as usize];
        let pc = t.trace.snapshots[snap as usize].pc;
        if return_directly
            && !self.jit_recording
            && t.no_side_trace[snap as usize]
            && pc & RESUME_FLAG == 0
            && matches!(fr.code.ops.get(pc as usize), Some(Op::Return))
            && self.jit.pending_jump.is_none()
            && self.jit.pending_raise.is_none()
            && let Some(&r) = t.trace.snapshots[snap as usize].stack.last()
        {
            // A function's trace left at its own `return`: all the interpreter
            // would do is pop the value and drop the frame, so the frame's
            // locals and stack are not written back (the value alone is made
            // or boxed). A third of the cost of a residual call of a compiled
            // function was here and in the exit's generic checks below, none
            // of which apply: an `exit` grows no side trace, changes no
            // globals or class.
            let mut maker = crate::jit::sunk::Maker::new(&mut self.heap, &self.types);
            let v = maker.value(&t.trace, r, own);
            self.jit.stats.materialized += maker.count;
            self.jit.stats.entries += 1;
            self.jit.stats.exits += 1;
            self.jit.returned = Some(v);
            if judge_root {
                self.blacklist_if_unprofitable(root);
            }
            return true;
        }
        let mut in_generators = false;
        let collection_due = self.heap.wants_collection();
        let mut maker = crate::jit::sunk::Maker::new(&mut self.heap, &self.types);
        if pc & RESUME_FLAG == 0 {
            crate::jit::restore_frame(fr, &t.trace, snap, own, &mut maker);
            self.jit.stats.materialized += maker.count;
            // (a GC poll at a loop header with a collection due is progress
            // enough: the header's safepoint collects before the trace is
            // entered again, so its poll passes; running that iteration
            // interpreted cost pidigits a tenth of its bytecodes. A poll that
            // chaos mode failed has no collection to wait for.)
            let gc_at_header = kind == GC_POLL
                && collection_due
                && matches!(fr.code.ops.get(fr.pc), Some(Op::LoopHeader(_)));
            if matches!(
                fr.code.ops.get(fr.pc),
                Some(Op::LoopHeader(_) | Op::FuncEntry)
            ) && self.jit.pending_jump.is_none()
                && !gc_at_header
            {
                self.jit.skip_entry = Some((code_addr, fr.pc));
            }
        } else {
            // An exit inside inlined calls: rebuild their frames above the loop's.
            let rp = t.resume[(pc & !RESUME_FLAG) as usize].clone();
            let r = deopt::restore_with(&t.trace, snap, own, &mut |r| {
                maker.value(&t.trace, r, own).0
            });
            self.jit.stats.materialized += maker.count;
            for (slot, v) in r.slots {
                fr.slots[slot as usize] = Value(v);
            }
            let boxed: Vec<Value> = r.stack.into_iter().map(Value).collect();
            if rp.frames.iter().any(|f| f.generator) {
                self.jit.stats.generator_exits += 1;
                in_generators = true;
                // (no side trace grows inside a drained generator: see
                // record/drains.rs)
                let side = self.grows_side_trace(id, snap) && !rp.frames.iter().any(|f| f.drained);
                // An exit that cannot grow a side trace and is taken on a good
                // share of the iterations (a generator's end leaves once per
                // loop) has the generator called and the loop recorded again.
                // (the tree the exit is in, which the entered one may have
                // linked to: dropping a function's entry tree for its loop's
                // generator would record that tree again and again)
                let taken = self.jit.traces[&id].exits[snap as usize];
                let tree = self.tree_root(id);
                let iterations = self.jit.counted(self.jit.traces[&tree].counter);
                if !side && taken >= 2 * self.jit.hotexit.max(1) as u64 && taken * 8 >= iterations {
                    self.stop_inlining_generator(tree, &rp);
                }
                let left = self.restore_generators(frame, &rp, &boxed);
                if side {
                    // the recording follows the generators as they run on
                    self.start_side_recording(frame, id, snap, &left);
                }
                self.continue_generators(frame, &left);
            } else {
                self.restore_inlined(frame, &rp, &boxed);
            }
        }
        if let Some(target) = self.jit.pending_jump.take() {
            // a residual `ForIter` exhausted its iterator: finish the bytecode
            let top = self.frames.last_mut().expect("a frame");
            top.pop();
            top.pc = target;
        }
        self.jit.stats.entries += 1;
        self.jit.stats.exits += 1;
        if judge_root {
            self.blacklist_if_unprofitable(root);
        }
        let t = &self.jit.traces[&id];
        // (a chaos-forced exit is no change: see `globals_changed`)
        if kind == GLOBALS_CHANGED
            && t.exits[snap as usize] >= 2 * self.jit.hotexit.max(1) as u64
            && !self.jit.traces[&root].disabled
            && self.globals_changed(id, snap)
        {
            // Globals keep changing under this tree: record its loop again,
            // finding globals by position instead of guarding versions; and
            // when their keys keep changing too (or chaos keeps failing those
            // guards), looking each one up by a helper.
            let key = self.jit.traces[&root].key;
            if !self.jit.volatile_globals.insert(key) {
                self.jit.volatile_keys.insert(key);
            }
            self.drop_root(root, "the globals it guards keep changing");
        }
        let t = &self.jit.traces[&id];
        if let Some(addr) = self.changed_class(id, snap)
            && t.exits[snap as usize] == 2 * self.jit.hotexit.max(1) as u64
        {
            // A class whose namespace keeps changing (`Cls.count += 1` in its
            // `__init__`): traces stop relying on its version, and the tree's
            // loop is recorded again with its attributes and methods looked up
            // by helpers, its instantiation called.
            self.jit.volatile_classes.insert(addr);
            self.drop_root(root, "a class it guards keeps changing");
        }
        if !self.jit.retire.is_empty() {
            // This tree, and once no run waits on the native stack any other
            // (one that never runs again would keep every residual call
            // checking the list).
            let tree = self.tree_root(id);
            let trees = if self.jit.active.is_empty() {
                std::mem::take(&mut self.jit.retire)
            } else if self.jit.retire.contains(&tree) {
                self.jit.retire.retain(|&t| t != tree);
                vec![tree]
            } else {
                Vec::new()
            };
            for t in trees {
                if self.jit.traces.get(&t).is_some() {
                    self.drop_root(t, "a function it calls can be inlined now");
                }
            }
        }
        if !in_generators
            && self.grows_side_trace(id, snap)
            && !self.callee_loop_branches_too_much(root, id, snap)
        {
            self.start_side_recording(frame, id, snap, &[]);
        }
        true
    }

    /// Whether `code` runs in more than one of the innermost interpreter
    /// frames (a recording's own frame is one).
    fn called_recursively(&self, code: &Rc<crate::compiler::bytecode::Code>) -> bool {
        self.frames
            .iter()
            .rev()
            .take(64)
            .filter(|f| Rc::ptr_eq(&f.code, code))
            .nth(1)
            .is_some()
    }

    /// Whether exit `snap` of trace `id`, about to grow a side trace, lies in
    /// an inlined function whose loop has grown too many already: a loop
    /// unrolled into a trace multiplies its paths by its iterations (go's
    /// loops over a point's neighbours), so that function is called from now
    /// on and the tree's loop recorded again.
    fn callee_loop_branches_too_much(&mut self, root: u32, id: u32, snap: u32) -> bool {
        let t = &self.jit.traces[&id];
        let pc = t.trace.snapshots[snap as usize].pc;
        if pc & RESUME_FLAG == 0 {
            return false;
        }
        let rp = t.resume[(pc & !RESUME_FLAG) as usize].clone();
        let Some(f) = rp.frames[1..]
            .iter()
            .rev()
            .find(|f| !f.generator && !f.code.loop_counters.is_empty())
        else {
            return false;
        };
        let code = Rc::as_ptr(&f.code) as usize;
        let n = self.jit.callee_loop_side_traces.entry(code).or_default();
        *n += 1;
        if *n <= MAX_CALLEE_LOOP_SIDE_TRACES {
            return false;
        }
        self.jit.no_inline.insert(code);
        let why = format!("an inlined loop of {} keeps branching", f.code.qualname);
        self.drop_root(root, &why);
        true
    }

    /// Whether exit `snap` of trace `id`, just taken, starts a side trace now.
    /// Some exits never grow one (`CompiledTrace::no_side_trace`).
    fn grows_side_trace(&self, id: u32, snap: u32) -> bool {
        let t = &self.jit.traces[&id];
        let s = snap as usize;
        t.exits[s] >= self.jit.hotexit.max(1) as u64
            && !t.no_side_trace[s]
            && !t.linked[s]
            && t.side_failures[s] < MAX_SIDE_FAILURES
            && self.jit.recording.is_none()
            && self.side_depth(id) < MAX_SIDE_DEPTH
            && self.changed_class(id, snap).is_none()
    }

    /// Whether a dict-version or keys-version guard at exit `snap` of trace
    /// `id` sees another version now (not a chaos-forced exit).
    fn globals_changed(&self, id: u32, snap: u32) -> bool {
        // SAFETY: the trace's constants keep the dict, so the word, alive.
        self.jit.traces[&id]
            .globals_guards
            .iter()
            .any(|&(s, word, want)| s == snap && unsafe { *(word as *const u64) } != want)
    }

    /// The class (its `TypeObj`'s address) whose version guard at exit `snap`
    /// of trace `id` failed: the class changed rather than the object's class.
    fn changed_class(&self, id: u32, snap: u32) -> Option<usize> {
        // (the snapshot's kind names its last guard: a class-version guard
        // sharing it is found by the version it wanted)
        let t = &self.jit.traces[&id];
        t.class_guards
            .iter()
            .find(|&&(s, addr, want)| {
                // SAFETY: the trace's constants keep the class, so its boxed
                // `TypeObj`, alive.
                s == snap
                    && unsafe { &*(addr as *const crate::object::TypeObj) }
                        .lookup_version
                        .get()
                        != want
            })
            .map(|&(_, addr, _)| addr)
    }

    /// An exit inside an inlined generator got hot: that generator is called from
    /// now on, and the tree's loop is recorded again (its trace is dropped).
    fn stop_inlining_generator(&mut self, root: u32, rp: &ResumePoint) {
        let innermost = rp.frames.last().expect("a generator frame");
        self.jit
            .no_inline
            .insert(Rc::as_ptr(&innermost.code) as usize);
        if self.jit.chaos.is_some() {
            return;
        }
        let why = format!(
            "a generator it inlines ({}) keeps exiting",
            innermost.code.qualname
        );
        self.drop_root(root, &why);
    }

    /// The root of the tree trace `id` grows in.
    pub(crate) fn tree_root(&self, mut id: u32) -> u32 {
        while let Some((parent, _)) = self.jit.traces.get(&id).and_then(|t| t.parent) {
            id = parent;
        }
        id
    }

    /// How many side traces lie between trace `id` and its tree's root.
    fn side_depth(&self, mut id: u32) -> usize {
        let mut depth = 0;
        while let Some((parent, _)) = self.jit.traces.get(&id).and_then(|t| t.parent) {
            depth += 1;
            id = parent;
        }
        depth
    }

    /// Disables root trace `root` (the traces linking to it keep working) and lets
    /// its loop be recorded again.
    fn drop_root(&mut self, root: u32, why: &str) {
        let t = self.jit.traces.get_mut(&root).expect("root trace");
        if t.disabled {
            return;
        }
        t.disabled = true;
        let key = t.key;
        self.jit.log(&format!("---- TRACE {root} dropped: {why}\n"));
        if self.jit.roots.get(&key) == Some(&root) {
            self.jit.roots.remove(&key);
        }
    }

    /// A looping root trace that leaves on nearly every iteration (without side
    /// traces taking its exits) costs more than interpreting: after a warm-up,
    /// keep only traces averaging at least four iterations per entry.
    fn blacklist_if_unprofitable(&mut self, root: u32) {
        if self.jit.chaos.is_some() {
            return;
        }
        let t = &self.jit.traces[&root];
        if t.entries != 256 {
            return;
        }
        let leaves = t.trace.ins.last().is_some_and(|i| i.op == IrOp::Exit);
        if t.key.1 == ENTRY_SLOT || leaves {
            // A function's tree, or a loop's that leaves at the end of each
            // iteration (at a generator's `yield`): the bytecodes its traces ran
            // per entry (each run counted whole; residual calls are not saved
            // work, so not counted) must pay for entering and leaving. A trace
            // that links to a loop's tree pays by itself: the interpreter would
            // enter that loop's trace anyway, after running the prologue.
            let key = t.key;
            let ran: u64 = self
                .jit
                .traces
                .values()
                .filter(|x| x.key == key)
                .map(|x| {
                    let own = x.bytecodes.saturating_sub(x.residual_sites);
                    let worth = if x.trace.links() {
                        own.max(MIN_ENTRY_TRACE_OPS as u64)
                    } else {
                        own
                    };
                    self.jit.counted(x.counter) * worth
                })
                .sum();
            if ran >= MIN_ENTRY_TRACE_OPS as u64 * t.entries {
                return;
            }
            self.jit.failures.insert(key, crate::jit::MAX_ABORTS);
            self.jit.stats.blacklisted += 1;
            let why = format!("{} bytecodes in {} calls", ran, t.entries);
            self.drop_root(root, &why);
            return;
        }
        let iterations = self.jit.counted(self.jit.traces[&root].counter);
        let t = self.jit.traces.get_mut(&root).expect("root trace");
        if t.trace.loop_start().is_none() || iterations >= 4 * t.entries {
            return;
        }
        t.disabled = true;
        self.jit.stats.blacklisted += 1;
        let msg = format!(
            "---- TRACE {} blacklisted: {} iterations in {} entries\n",
            t.id, iterations, t.entries
        );
        self.jit.log(&msg);
    }

    /// Rebuilds the interpreter frames of an exit inside inlined calls: the loop's
    /// frame gets its operand stack back, and each inlined call becomes a real frame
    /// (locals, stack, pc) pushed above it, as if the calls had been made normally.
    fn restore_inlined(&mut self, frame: *mut Frame, rp: &ResumePoint, values: &[Value]) {
        // SAFETY: `frame` is `run_trace`'s live top frame, boxed in
        // `self.frames`; the frames pushed below are new boxes, so `fr`'s
        // frame neither moves nor is borrowed elsewhere meanwhile.
        let fr = unsafe { &mut *frame };
        let mut it = values.iter().copied();
        let root = &rp.frames[0];
        fr.slots.truncate(fr.stack_base);
        for _ in 0..root.nstack {
            fr.slots.push(it.next().unwrap_or(Value::NONE));
        }
        fr.pc = root.pc;
        for f in &rp.frames[1..] {
            let func = if f.func_in_snapshot {
                it.next().unwrap_or(f.func)
            } else {
                f.func
            };
            let globals = self
                .function(func)
                .map(|func| func.globals)
                .unwrap_or(fr.globals);
            let mut nf = Frame::new(f.code.clone(), globals, Value::NONE, func);
            if f.init_self {
                nf.init_self = it.next().unwrap_or(Value::EMPTY);
            }
            if let Some(op) = f.binop {
                let a = it.next().unwrap_or(Value::NONE);
                let b = it.next().unwrap_or(Value::NONE);
                nf.binop_return = Some(Box::new(crate::vm::frame::BinopReturn { op, a, b }));
            }
            for i in 0..f.nlocals {
                nf.slots[i] = it.next().unwrap_or(Value::EMPTY);
            }
            // a closure's free variables: its cells, as a call would set them
            if let Some(func) = self.function(func) {
                let at = f.nlocals + f.code.cellvars.len();
                for (k, c) in func.closure.iter().enumerate() {
                    nf.slots[at + k] = *c;
                }
            }
            for _ in 0..f.nstack {
                nf.push(it.next().unwrap_or(Value::NONE));
            }
            nf.pc = f.pc;
            nf.blocks = f.blocks.iter().copied().collect();
            self.frames.push(nf);
        }
    }
}

/// Whether linking trace `rec` may skip the checks of `target`'s body-entry stub:
/// it grows (directly or through other side traces) from an exit in the target's
/// loop body, so the target's peeled iteration ran in this entry and the frame
/// slots it loaded invariants from have not changed since (the body stores none
/// of them, and the traces in between only store at their links); and it stores
/// none of those slots either, except to put back the value the target loaded.
fn enters_unchecked(rec: &Recorder, traces: &TraceTable, target: u32) -> bool {
    let Some(t) = traces.get(&target) else {
        return false;
    };
    let Some(lp) = t.trace.loop_start() else {
        return false;
    };
    // Walk up to the target: each step is (trace, the exit its child grew from).
    let mut at = rec.side;
    let mut between = Vec::new();
    loop {
        let Some((p, snap)) = at else {
            return false;
        };
        if p == target {
            let in_body = t
                .trace
                .ins
                .iter()
                .enumerate()
                .filter(|(_, i)| i.op.is_guard() && i.snap == snap)
                .all(|(k, _)| k > lp);
            if !in_body {
                return false;
            }
            break;
        }
        match traces.get(&p) {
            Some(pt) if between.len() < 16 => {
                between.push(pt);
                at = pt.parent;
            }
            _ => return false,
        }
    }
    let invariant = |slot: i64| {
        t.trace.ins[..lp].iter().any(|i| {
            i.op == IrOp::Slot && i.imm == slot && !t.trace.carried.contains(&(slot as u32))
        })
    };
    // The instruction a side trace's input comes from, through the parents' pvals.
    let origin = |mut v: guards::Ins, mut from: Option<(u32, u32)>| -> Option<(u32, guards::Ins)> {
        while v.op == IrOp::PVal {
            let (p, _) = from?;
            let pt = traces.get(&p)?;
            let idx = usize::try_from(v.imm).ok()?.checked_sub(pt.vals_base)?;
            v = *pt.trace.ins.get(idx)?;
            from = pt.parent;
            if p == target {
                return Some((p, v));
            }
        }
        None
    };
    // Every store to such a slot, by this trace or one in between (whose stores
    // run in place when `sink` is off), puts the target's loaded value back.
    let puts_back = |tr: &guards::Trace, from: Option<(u32, u32)>| {
        tr.ins
            .iter()
            .filter(|i| i.op == IrOp::SetSlot && invariant(i.imm))
            .all(|store| {
                matches!(origin(*tr.get(store.a), from), Some((p, load))
                    if p == target && load.op == IrOp::Slot && load.imm == store.imm)
            })
    };
    puts_back(&rec.trace, rec.side) && between.iter().all(|y| puts_back(&y.trace, y.parent))
}

/// Ends a linking trace's IR so that it can enter its target's loop body (see
/// `asm::BodyEntry`): each of the target's phis gets the current value of its
/// frame slot, unboxed to the phi's type (`SetVal`), with a type guard where this
/// trace only has the boxed value. False, emitting nothing, when some slot holds a
/// value of another type than its phi's now (the body was compiled for other
/// types): the trace then enters at the top.
fn hand_phis(rec: &mut Recorder, entry: &asm::BodyEntry, pc: usize) -> bool {
    // SAFETY: called for a linking trace only, whose `rec.frame` is the live
    // frame at the target's header (see `finish_recording`); only read here.
    let fr = unsafe { &*rec.frame };
    let nlocals = rec.code.nlocals() as u32;
    let fits = |ty: Ty, v: Value| match ty {
        Ty::I64 => v.is_small_int(),
        Ty::F64 => v.is_float(),
        Ty::Bool => v.is_bool(),
        _ => true,
    };
    let mut plan = Vec::with_capacity(entry.phis.len());
    for &(slot, home, ty) in &entry.phis {
        if slot >= nlocals || !fits(ty, fr.slots[slot as usize]) {
            return false;
        }
        let have = rec.locals.get(&slot).map(|&r| (r, rec.trace.get(r).ty));
        if have.is_some_and(|(r, _)| rec.is_virtual(r)) {
            // (a local the target overwrites before reading it, holding an
            // object this trace has not made: the target enters at the top)
            return false;
        }
        if let Some((_, t)) = have
            && t != Ty::Val
            && t != ty
            && ty != Ty::Val
        {
            return false;
        }
        plan.push((slot, home, ty, have.map(|(r, _)| r)));
    }
    for (slot, home, ty, have) in plan {
        let r = match have {
            Some(r) => r,
            None => rec
                .trace
                .emit(IrOp::Slot, Ty::Val, Ref::NONE, Ref::NONE, slot as i64, None),
        };
        let v = match (ty, rec.trace.get(r).ty) {
            (Ty::Val, _) => rec.boxed(r),
            (want, got) if want == got => r,
            (Ty::I64, _) => rec.guard(IrOp::GuardInt, Ty::I64, r, Ref::NONE, 0, pc),
            (Ty::F64, _) => rec.guard(IrOp::GuardFloat, Ty::F64, r, Ref::NONE, 0, pc),
            _ => rec.guard(IrOp::GuardBool, Ty::Bool, r, Ref::NONE, 0, pc),
        };
        rec.trace
            .emit(IrOp::SetVal, Ty::Void, v, Ref::NONE, home as i64, None);
    }
    true
}
