//! The trace recorder: while a hot loop runs one iteration in the interpreter, each
//! bytecode is turned into typed IR specialised on the values it is about to see,
//! with a guard (and a snapshot of the operand stack) wherever the specialisation
//! could stop holding. Recording ends when control returns to the loop header; any
//! bytecode it does not know ends it cleanly with a reason.
//!
//! Locals are written through to the frame (`SetSlot`) as the bytecode does, so an
//! exit only has to rebuild the operand stack; the recorder still remembers the
//! typed value of each local it stored, so later loads in the same iteration reuse it
//! unboxed.

#[path = "calls.rs"]
mod calls;
#[path = "caught.rs"]
pub(crate) mod caught;
#[path = "drains.rs"]
mod drains;
#[path = "generators.rs"]
mod generators;
#[path = "globals.rs"]
mod globals;
pub(crate) use generators::LeftGenerator;
#[path = "ifconv.rs"]
mod ifconv;
#[path = "memory.rs"]
mod memory;
#[path = "pure_calls.rs"]
pub(crate) mod pure_calls;
#[path = "virtuals.rs"]
pub(crate) mod virtuals;
#[path = "wrapping.rs"]
mod wrapping;

use crate::jit::residual;

use crate::jit::FastMap;
use std::cell::Cell;
use std::fmt::Write as _;
use std::rc::Rc;

use guards::{Op as IrOp, Ref, Trace, Ty};

use crate::compiler::bytecode::{BinOp, CmpOp, Code, ENTRY_SLOT, Op, UnOp};
use crate::jit::helpers;
use crate::jit::{CodeKey, key_of};
use crate::object::{IterState, ObjData};
use crate::value::Value;
use crate::vm::frame::Block;
use crate::vm::frame::DunderOp;
use crate::vm::frame::Frame;
use crate::vm::{Vm, str_of};
use memory::Seq;
use smallvec::SmallVec;

/// For zero-argument `super()` in frame `fr`: the index of its `__class__`
/// cell (as `LoadDeref` numbers cells) and the class in it, when the method's
/// first argument is a plain local that is bound.
fn zero_arg_super(fr: &Frame) -> Option<(u32, Value)> {
    let code = &fr.code;
    let i = code
        .freevars
        .iter()
        .position(|n| str_of(*n) == "__class__")?;
    if code.argcount == 0 || code.cell_args.contains(&Some(0)) || fr.slots[0].is_empty() {
        return None;
    }
    let nl = code.nlocals();
    let nc = code.cellvars.len();
    let cls = crate::vm::interp::cell_get(fr.slots[nl + nc + i]);
    crate::vm::types::is_type(cls).then_some(((nc + i) as u32, cls))
}

/// Longest tuple display recorded as helper calls (longer ones are residual).
const MAX_BUILT_TUPLE: u32 = 8;

/// For `t[k]` (index on top of the stack, runtime value `idx`) where `t` is a
/// tuple the trace built and `k` a constant: the item's ref.
fn built_tuple_item(rec: &Recorder, idx: Value) -> Option<Ref> {
    let n = rec.stack.len();
    let (rt, ri) = (*rec.stack.get(n.checked_sub(2)?)?, rec.stack[n - 1]);
    // (a list the trace has not made: its items as they are now)
    let items = match rec.virtuals.get(&rt) {
        Some(v) if matches!(v.kind, virtuals::Kind::List) => &v.fields,
        _ => rec.tuples.get(&rt)?,
    };
    let k = idx.is_small_int().then(|| idx.as_small_int())?;
    let at = rec.trace.ins[ri.idx()];
    let constant = match at.op {
        IrOp::KInt => at.imm == k,
        IrOp::KVal => at.imm as u64 == idx.0,
        _ => false,
    };
    if !constant {
        return None;
    }
    let k = if k < 0 { k + items.len() as i64 } else { k };
    items.get(usize::try_from(k).ok()?).copied()
}

/// An instruction from `from` on that takes a `sinka` as an operand (no op
/// but `sinka` may: a virtual instance reached a path that does not know
/// virtuals), named for the abort.
pub(crate) fn escaped_virtual(trace: &Trace, from: usize) -> Option<String> {
    if !trace.has_sunk {
        return None;
    }
    trace.ins[from..].iter().find_map(|ins| {
        (ins.op != IrOp::SinkA && (trace.is_sunk(ins.a) || trace.is_sunk(ins.b)))
            .then(|| format!("{} {}", ins.op.mnemonic(), ins.imm))
    })
}

/// How many items `list.extend(v)` (`r` its ref) adds in a trace that reads
/// them (`Vm::extended_items`): a tuple the trace knows, or an exact tuple's
/// (usize::MAX for anything else).
fn extended_len(rec: &Recorder, v: Value, r: Option<Ref>) -> usize {
    if let Some(items) = r
        .filter(|&r| rec.is_virtual(r))
        .and_then(|r| rec.tuples.get(&r))
    {
        return items.len();
    }
    match v.as_obj().map(|o| &o.data) {
        Some(ObjData::Tuple(t)) if r.is_some_and(|r| !rec.is_virtual(r)) => t.len(),
        _ => usize::MAX,
    }
}

/// Longest trace recorded, in bytecodes.
const MAX_RECORD_OPS: usize = 400;
/// Most bytecodes recorded inside drained generators (`drains`), besides.
const MAX_DRAINED_OPS: usize = 400;

pub struct Recorder {
    /// The loop of the tree's root trace (the loop being recorded, for a root).
    pub key: CodeKey,
    pub header_pc: usize,
    pub(super) frame: *const Frame,
    pub(super) code: Rc<Code>,
    pub trace: Trace,
    pub(super) stack: Vec<Ref>,
    pub(super) locals: FastMap<u32, Ref>,
    pub(super) unboxed: FastMap<Ref, Ref>,
    pub consts: Vec<Value>,
    pub(super) ops: usize,
    /// Bytecodes recorded inside drained generators (not in `ops`).
    pub(super) drained_ops: usize,
    /// Loop headers passed inside inlined calls (their loops are unrolled, up
    /// to `MAX_INLINED_LOOP_PASSES`).
    pub(super) inlined_loop_passes: usize,
    pub bytecode_log: String,
    /// The function whose frame is being recorded (NONE for the loop's own frame).
    pub(super) func: Value,
    /// That function as a trace value, when the inlined call guarded its code
    /// rather than its identity (a closure or lambda made anew on each call of
    /// its maker): its cells are loaded from it, and exits rebuild the frame
    /// with it.
    pub(super) func_ref: Option<Ref>,
    /// Callers of inlined calls, outermost (the loop's frame) first.
    pub(super) parents: Vec<Parent>,
    /// Frame chains of snapshots taken inside inlined calls.
    pub resume: Vec<ResumePoint>,
    /// The trace number (fixed when recording starts).
    pub id: u32,
    /// Stack heights just after `lst.append` LoadMethods: a CallMethod(1) whose
    /// receiver is at the top one is its call.
    pub(super) pending_appends: Vec<usize>,
    /// Globals and builtins are constants behind dict version guards (else each
    /// load calls a helper; see `Jit::volatile_globals`).
    pub(super) const_globals: bool,
    /// Without `const_globals`: globals are found by position under a guard on
    /// the dict's keys (`globals`), else by a helper each time (see
    /// `Jit::volatile_keys`).
    pub(super) globals_by_position: bool,
    /// For a side trace: (parent trace, parent snapshot) it starts from.
    pub side: Option<(u32, u32)>,
    /// The `vals` index of the trace's execution counter.
    pub counter: usize,
    /// An if-converted branch (its pc, the join): the interpreter is running the
    /// arm it takes, which the trace has already computed.
    pub(super) skip: Option<(usize, usize)>,
    /// A bytecode recorded as a residual call, which the interpreter is running
    /// now (with any frames it calls): recording resumes after it.
    pub residual: Option<ResidualWait>,
    /// Stack heights just after residual `LoadMethod`s, whose `CallMethod` must be
    /// residual too (the trace holds `[bound method, EMPTY]` there, not the
    /// interpreter's `[function, self]`).
    pub(super) residual_methods: Vec<usize>,
    /// A root trace's GC poll (its first instruction), dropped at the end when
    /// the trace calls no helper.
    pub poll: Option<usize>,
    /// The current frame is a generator whose resumption is inlined (its caller,
    /// the frame iterating it, is the last of `parents`).
    pub(super) in_gen: Option<generators::GenFrame>,
    /// The snapshot `check_inline_call` took for a call about to be inlined
    /// inside an inlined generator (taken by `enter_inline`; dropped at the
    /// next bytecode).
    pub(super) pending_pure: Option<u32>,
    /// A call inlined inside an inlined generator being recorded (see
    /// `pure_calls`): every snapshot inside it is its call site's.
    pub(super) pure_call: Option<pure_calls::PureCall>,
    /// `Jit::pure_calls` and `Jit::impure_calls` when the recording started.
    pub(super) pure_calls: bool,
    pub(super) impure_calls: crate::jit::FastSet<usize>,
    /// Code objects of inlined generators, whose addresses the trace guards.
    pub(super) gen_codes: Vec<Rc<Code>>,
    /// Tuples this trace builds, with the refs of their items: unpacking or
    /// indexing one with a constant reads the item's ref (a tuple never
    /// changes), so a tuple only packed and unpacked is never allocated
    /// (`calla`, which `dce` drops when nothing else uses the tuple).
    pub(super) tuples: FastMap<Ref, SmallVec<[Ref; 4]>>,
    /// `super()` objects this trace builds, with the ref of their first
    /// argument: a method looked up through one is a constant under guards
    /// on that argument's class, and the proxy itself is never allocated.
    pub(super) supers: FastMap<Ref, Ref>,
    /// `Jit::volatile_classes` when recording began: versions not to guard.
    pub(super) volatile_classes: crate::jit::FastSet<usize>,
    /// The state before the bytecode recorded last, kept until the next one.
    pub(super) undo: Option<Undo>,
    /// The `try` blocks open in the current inlined frame, innermost last (the
    /// loop's own frame keeps its blocks in the real frame: `PUSH_BLOCK`).
    /// Exits rebuild the frame with them, so the interpreter finds the handler
    /// of an exception raised there.
    pub(super) blocks: SmallVec<[Block; 2]>,
    /// What this trace's `UNWIND`s do (their constant operands; moved into the
    /// compiled trace, which owns them).
    pub unwinds: Vec<Box<caught::Unwind>>,
    /// The bytecode recorded last raises into a handler the trace holds
    /// (`caught`): the interpreter's raise does not end the recording.
    pub(super) raise_caught: bool,
    /// Class calls make virtual instances (`virtuals`): `--jit-opt=allocsink`,
    /// and no earlier recording of this trace saw one escape unmade.
    pub(super) sink_instances: bool,
    /// Instances the trace has not made, by handle (`virtuals`).
    pub(super) virtuals: FastMap<Ref, virtuals::Virtual>,
    /// Bumped whenever a virtual's attributes change: a snapshot then needs
    /// the new state.
    pub(super) virtual_gen: u64,
    /// Virtual instances made by class calls (`--jit-stats`' `sunk`).
    pub virtuals_made: u64,
    /// Virtuals made for real so far: a bytecode that made one cannot be
    /// rolled back (the refs renamed in callers' frames stay renamed).
    pub(super) renames: u64,
    /// Locals of the loop's own frame holding a virtual: no `SetSlot` stored
    /// it, so each snapshot writes it (`Trace::snapshot_with_slots`) where
    /// the interpreter may read it, and it is made and stored when the loop
    /// closes with it live (`settle_root_virtuals`).
    pub(super) root_virtuals: SmallVec<[u32; 4]>,
}

/// What the recorder was before a bytecode: if that bytecode raises (itself, or
/// in the residual call it became), the recording is rolled back to here and
/// the trace ends by leaving before it, so the interpreter raises there at run
/// time, instead of the whole recording being thrown away.
pub(super) struct Undo {
    frame: *const Frame,
    pc: usize,
    op: Op,
    parents: usize,
    in_gen: bool,
    ins: usize,
    snaps: usize,
    stack: Vec<Ref>,
    locals: FastMap<u32, Ref>,
    virtuals: (FastMap<Ref, virtuals::Virtual>, SmallVec<[u32; 4]>),
    /// `Recorder::renames` then: a bytecode that made a virtual for real is
    /// not undone.
    renames: u64,
    /// `Jit::raised_while_recording` then: a residual call that comes back
    /// somewhere else raised if it has moved on.
    raised: u64,
}

/// Where the interpreter is once a residual bytecode is done: the recording
/// frame on top of `depth` frames, at `pc` with `stack` values.
#[derive(Clone, Copy)]
pub struct ResidualWait {
    depth: usize,
    pc: usize,
    stack: usize,
}

impl ResidualWait {
    pub(crate) fn new(depth: usize, pc: usize, stack: usize) -> ResidualWait {
        ResidualWait { depth, pc, stack }
    }
}

/// A caller's recording state saved while one of its calls is inlined.
pub(super) struct Parent {
    frame: *const Frame,
    code: Rc<Code>,
    func: Value,
    func_ref: Option<Ref>,
    stack: Vec<Ref>,
    locals: FastMap<u32, Ref>,
    /// Where the caller resumes once the callee returns (after the call; for a
    /// generator's resumer, its `ForIter`).
    pc_after: usize,
    /// The caller is itself an inlined generator.
    in_gen: Option<generators::GenFrame>,
    /// The callee is a class call's `__init__` (see `Vm::plain_init`): the new
    /// instance, which the caller receives when it returns None.
    pub(super) callee_init_self: Option<Ref>,
    /// The callee is `a.__op__(b)` for the operator `a op b`: the operation and
    /// its operands, which an exit inside hands the rebuilt frame
    /// (`Frame::binop_return`).
    pub(super) callee_binop: Option<(DunderOp, Ref, Ref)>,
    /// Its open `try` blocks (see `Recorder::blocks`).
    blocks: SmallVec<[Block; 2]>,
}

impl Parent {
    /// Every ref to `from` in this caller's state now names `to`.
    pub(super) fn rename(&mut self, from: Ref, to: Ref) {
        let swap = |r: &mut Ref| {
            if *r == from {
                *r = to;
            }
        };
        self.stack.iter_mut().for_each(swap);
        self.locals.values_mut().for_each(swap);
        if let Some(r) = self.callee_init_self.as_mut() {
            swap(r);
        }
        if let Some((_, a, b)) = self.callee_binop.as_mut() {
            swap(a);
            swap(b);
        }
        if let Some(g) = self.in_gen.as_mut() {
            g.entry_stack.iter_mut().for_each(swap);
        }
    }
}

/// One interpreter frame to rebuild at an exit inside inlined calls.
#[derive(Clone)]
pub struct ResumeFrame {
    pub code: Rc<Code>,
    /// The function (NONE for the loop's own frame, which exists already).
    pub func: Value,
    pub pc: usize,
    pub nlocals: usize,
    pub nstack: usize,
    /// An inlined generator's frame: it exists (its locals are written through),
    /// only its stack and pc are in the snapshot (see `generators`).
    pub generator: bool,
    /// An inlined generator that a builtin drains (`set(g)`: see `drains`):
    /// its resumer stands at that call, with the set or list being filled on
    /// its stack above the generator.
    pub drained: bool,
    /// A class call's `__init__` frame (`Frame::init_self`): its instance comes
    /// first among the frame's refs, before its locals.
    pub init_self: bool,
    /// An operator dunder's frame (`Frame::binop_return`): its two operands come
    /// first among the frame's refs (after an `init_self` instance).
    pub binop: Option<DunderOp>,
    /// The function is not `func` but the first of the frame's refs (an inlined
    /// call guarded by code: see `Recorder::func_ref`).
    pub func_in_snapshot: bool,
    /// The frame's open `try` blocks (empty for the loop's own frame, whose
    /// blocks are the real frame's).
    pub blocks: SmallVec<[Block; 2]>,
}

/// The frames an exit rebuilds, outermost first. Snapshot refs are laid out as the
/// loop frame's stack, then for each inlined frame its locals and its stack.
#[derive(Clone)]
pub struct ResumePoint {
    pub frames: Vec<ResumeFrame>,
}

/// A frame's recording state for a snapshot: code, function, pc, stack, locals,
/// whether it is an inlined generator's (and a drained one), the instance of a
/// class call's `__init__`, the operation of an operator dunder's.
type FrameState = (
    Rc<Code>,
    (Value, Option<Ref>),
    usize,
    Vec<Ref>,
    FastMap<u32, Ref>,
    (bool, bool),
    Option<Ref>,
    Option<(DunderOp, Ref, Ref)>,
    SmallVec<[Block; 2]>,
);

/// Snapshot pcs with this bit set index `CompiledTrace::resume`.
pub const RESUME_FLAG: u32 = guards::ir::RESUME_PC;
/// Deepest chain of inlined calls.
const MAX_INLINE_DEPTH: usize = 5;
/// Most times one function's frames nest in a trace's inlined calls: a
/// recursive call past it is a residual call that enters the function's own
/// trace again (in a `vals` window of its own). Unrolling all
/// `MAX_INLINE_DEPTH` levels of a call tree runs past `MAX_RECORD_OPS`
/// (binary_trees' `check`: 31 calls of 14 bytecodes), and that abort would
/// keep the function from being inlined at all.
const MAX_RECURSION_UNROLL: usize = 4;
/// Most loop headers a recording passes inside inlined calls.
const MAX_INLINED_LOOP_PASSES: usize = 16;

type Abort = String;

impl Recorder {
    /// The code of the loop's own frame (the recorder's `code` is the innermost
    /// inlined callee's while a call is inlined).
    pub fn root_code(&self) -> &Rc<Code> {
        self.parents.first().map_or(&self.code, |p| &p.code)
    }

    pub(super) fn k_int(&mut self, i: i64) -> Ref {
        self.trace
            .emit(IrOp::KInt, Ty::I64, Ref::NONE, Ref::NONE, i, None)
    }

    pub(super) fn k_val(&mut self, v: Value) -> Ref {
        if v.is_obj() {
            self.consts.push(v);
        }
        self.trace
            .emit(IrOp::KVal, Ty::Val, Ref::NONE, Ref::NONE, v.0 as i64, None)
    }

    /// A code constant: an unboxed int or float, else the boxed value.
    pub(super) fn k_const(&mut self, v: Value) -> Ref {
        if v.is_small_int() {
            self.k_int(v.as_small_int())
        } else if v.is_float() {
            self.trace.emit(
                IrOp::KFloat,
                Ty::F64,
                Ref::NONE,
                Ref::NONE,
                v.0 as i64,
                None,
            )
        } else {
            self.k_val(v)
        }
    }

    fn ty(&self, r: Ref) -> Ty {
        self.trace.get(r).ty
    }

    pub(super) fn snap(&mut self, pc: usize) -> u32 {
        if let Some(p) = self.pure_call {
            // (see `pure_calls`: an exit re-runs the call)
            return p.snap;
        }
        // The loop frame's locals that the interpreter overwrites before reading
        // them once it resumes there need no write-back (see `sink`).
        let root_pc = self.parents.first().map_or(pc, |p| p.pc_after);
        let slots = self.root_virtual_slots(root_pc);
        let s = self.snap_frames(pc, slots);
        let code = self.root_code();
        let dead: Vec<u64> = match code.live_at(root_pc) {
            Some(live) => {
                let n = code.nlocals();
                live.iter()
                    .enumerate()
                    .map(|(w, bits)| {
                        let valid = n.saturating_sub(w * 64).min(64);
                        let mask = if valid == 64 { !0 } else { (1u64 << valid) - 1 };
                        !bits & mask
                    })
                    .collect()
            }
            None => Vec::new(),
        };
        self.trace.snapshots[s as usize].dead = dead;
        s
    }

    fn snap_frames(&mut self, pc: usize, slots: Vec<(u32, Ref)>) -> u32 {
        if self.parents.is_empty() {
            let mut stack = self.stack.clone();
            self.virtual_states(&mut stack);
            return self.trace.snapshot_with_slots(pc as u32, stack, slots);
        }
        // Inside inlined calls: every frame's state, flattened.
        let mut refs = self.parents[0].stack.clone();
        let mut frames = vec![ResumeFrame {
            code: self.parents[0].code.clone(),
            func: Value::NONE,
            pc: self.parents[0].pc_after,
            nlocals: 0,
            nstack: self.parents[0].stack.len(),
            generator: false,
            drained: false,
            init_self: false,
            binop: None,
            func_in_snapshot: false,
            blocks: SmallVec::new(),
        }];
        let empty = self.k_val(Value::EMPTY);
        let mut chain: Vec<FrameState> = Vec::new();
        // frame k of the chain is the callee of parents[k]
        for (k, p) in self.parents[1..].iter().enumerate() {
            chain.push((
                p.code.clone(),
                (p.func, p.func_ref),
                p.pc_after,
                p.stack.clone(),
                p.locals.clone(),
                (
                    p.in_gen.is_some(),
                    p.in_gen.as_ref().is_some_and(|g| g.drain.is_some()),
                ),
                self.parents[k].callee_init_self,
                self.parents[k].callee_binop,
                p.blocks.clone(),
            ));
        }
        chain.push((
            self.code.clone(),
            (self.func, self.func_ref),
            pc,
            self.stack.clone(),
            self.locals.clone(),
            (self.in_gen.is_some(), self.draining()),
            self.parents.last().and_then(|p| p.callee_init_self),
            self.parents.last().and_then(|p| p.callee_binop),
            self.blocks.clone(),
        ));
        for (
            code,
            (func, func_ref),
            fpc,
            stack,
            locals,
            (generator, drained),
            init_self,
            binop,
            blocks,
        ) in chain
        {
            let nlocals = if generator { 0 } else { code.nlocals() };
            if let Some(f) = func_ref {
                refs.push(f);
            }
            if let Some(inst) = init_self {
                refs.push(inst);
            }
            if let Some((_, a, b)) = binop {
                refs.push(a);
                refs.push(b);
            }
            for i in 0..nlocals as u32 {
                refs.push(locals.get(&i).copied().unwrap_or(empty));
            }
            refs.extend_from_slice(&stack);
            frames.push(ResumeFrame {
                code,
                func,
                pc: fpc,
                nlocals,
                nstack: stack.len(),
                generator,
                drained,
                init_self: init_self.is_some(),
                binop: binop.map(|(op, _, _)| op),
                func_in_snapshot: func_ref.is_some(),
                blocks,
            });
        }
        self.virtual_states(&mut refs);
        self.resume.push(ResumePoint { frames });
        let idx = RESUME_FLAG | (self.resume.len() as u32 - 1);
        self.trace.snapshot_with_slots(idx, refs, slots)
    }

    /// A display of three or more (boxed) `items`: all but the last two are
    /// parked in the helpers' pending list (`TUPLE_FIRST` clearing what an exit
    /// may have left), and `helper` takes them with the last two.
    pub(crate) fn park_and_call(&mut self, items: &[Ref], helper: i64, pc: usize) -> Ref {
        let last = items.len() - 1;
        for (i, &b) in items[..last - 1].iter().enumerate() {
            let h = if i == 0 {
                helpers::TUPLE_FIRST
            } else {
                helpers::TUPLE_ITEM
            };
            self.guard(IrOp::CallG, Ty::Val, b, Ref::NONE, h, pc);
        }
        self.guard(
            IrOp::CallG,
            Ty::Val,
            items[last - 1],
            items[last],
            helper,
            pc,
        )
    }

    /// Drops what was recorded since the trace had `ins` instructions and
    /// `snaps` snapshots, with every map keyed by or holding the dropped refs
    /// (their numbers are reused by what is recorded next), and puts the
    /// operand stack and locals back.
    fn roll_back(&mut self, ins: usize, snaps: usize, stack: Vec<Ref>, locals: FastMap<u32, Ref>) {
        self.trace.ins.truncate(ins);
        self.trace.snapshots.truncate(snaps);
        let live = |r: &Ref| r.idx() < ins;
        self.unboxed.retain(|k, v| live(k) && live(v));
        self.tuples
            .retain(|k, items| live(k) && items.iter().all(live));
        self.supers.retain(|k, v| live(k) && live(v));
        self.stack = stack;
        self.locals = locals;
    }

    pub(super) fn inlined(&self) -> bool {
        !self.parents.is_empty()
    }

    /// The codes of the inlined calls being recorded, outermost first (the
    /// innermost is `code`).
    pub(super) fn inlined_codes(&self) -> impl Iterator<Item = &Rc<Code>> {
        let inner = self.inlined().then_some(&self.code);
        self.parents.iter().skip(1).map(|p| &p.code).chain(inner)
    }

    /// Whether a loop may end in the recording: a side trace's, a loop of an
    /// inlined call or drained generator (unrolled: see `LoopHeader`) or of a
    /// function's entry trace. A root trace is one iteration of its own loop.
    pub(super) fn may_end_loops(&self) -> bool {
        self.side.is_some()
            || (self.inlined() && self.in_gen.is_none())
            || self.draining()
            || self.key.1 == ENTRY_SLOT
    }

    /// Continues recording inside `func`'s frame, which the interpreter is about to
    /// push for the call at `pc`; `args` become its first locals.
    fn enter_inline(&mut self, func: Value, code: Rc<Code>, args: Vec<Ref>, pc: usize) {
        let from_generator = self.in_gen.is_some();
        let parent = Parent {
            frame: self.frame,
            code: std::mem::replace(&mut self.code, code),
            func: std::mem::replace(&mut self.func, func),
            func_ref: self.func_ref.take(),
            stack: std::mem::take(&mut self.stack),
            locals: std::mem::take(&mut self.locals),
            pc_after: pc + 1,
            in_gen: self.in_gen.take(),
            callee_init_self: None,
            callee_binop: None,
            blocks: std::mem::take(&mut self.blocks),
        };
        self.parents.push(parent);
        self.start_pure_call(from_generator);
        self.frame = std::ptr::null();
        for (i, a) in args.into_iter().enumerate() {
            self.locals.insert(i as u32, a);
        }
    }

    /// Continues a side trace's recording in an inlined frame that its parent's
    /// exit rebuilt as the real `frame`: the current frame becomes its caller,
    /// resuming at `caller_resume` once the callee returns, and the callee starts
    /// with the parent snapshot's `locals` (unbound ones absent) and `stack`.
    pub(super) fn enter_resumed_frame(
        &mut self,
        frame: *const Frame,
        callee: (Rc<Code>, Value, Option<Ref>),
        caller_resume: usize,
        locals: Vec<(u32, Ref)>,
        stack: Vec<Ref>,
    ) {
        self.enter_inline(callee.1, callee.0, Vec::new(), caller_resume - 1);
        self.func_ref = callee.2;
        self.frame = frame;
        self.locals.extend(locals);
        self.stack = stack;
    }

    /// Recording goes back to the caller of the innermost inlined frame (a
    /// return, an exception leaving it, a generator's yield): its frame,
    /// stack, locals and blocks. The new instance, when the frame left was a
    /// class call's `__init__`.
    pub(super) fn pop_parent(&mut self) -> Option<Ref> {
        let p = self.parents.pop().expect("inlined frame");
        self.frame = p.frame;
        self.code = p.code;
        self.func = p.func;
        self.func_ref = p.func_ref;
        self.stack = p.stack;
        self.locals = p.locals;
        self.in_gen = p.in_gen;
        self.blocks = p.blocks;
        self.end_pure_call();
        p.callee_init_self
    }

    /// The inlined callee returns `result` to its caller.
    fn leave_inline(&mut self, result: Ref) {
        let init_self = self.pop_parent();
        self.stack.push(init_self.unwrap_or(result));
    }

    pub(crate) fn guard(&mut self, op: IrOp, ty: Ty, a: Ref, b: Ref, imm: i64, pc: usize) -> Ref {
        let s = self.snap(pc);
        self.trace.emit(op, ty, a, b, imm, Some(s))
    }

    /// The unboxed int behind `r` (guarding a boxed value's type once).
    fn as_int(&mut self, r: Ref, pc: usize) -> Ref {
        match self.ty(r) {
            Ty::I64 => r,
            _ => {
                if let Some(u) = self.unboxed.get(&r) {
                    return *u;
                }
                let u = self.guard(IrOp::GuardInt, Ty::I64, r, Ref::NONE, 0, pc);
                self.unboxed.insert(r, u);
                u
            }
        }
    }

    pub(crate) fn as_float(&mut self, r: Ref, runtime: Value, pc: usize) -> Ref {
        match self.ty(r) {
            Ty::F64 => r,
            Ty::I64 => self.trace.emit(IrOp::IToF, Ty::F64, r, Ref::NONE, 0, None),
            _ => {
                if runtime.is_small_int() {
                    let i = self.as_int(r, pc);
                    return self.trace.emit(IrOp::IToF, Ty::F64, i, Ref::NONE, 0, None);
                }
                if let Some(u) = self.unboxed.get(&r) {
                    return *u;
                }
                let u = self.guard(IrOp::GuardFloat, Ty::F64, r, Ref::NONE, 0, pc);
                self.unboxed.insert(r, u);
                u
            }
        }
    }

    pub(crate) fn boxed(&mut self, r: Ref) -> Ref {
        let op = match self.ty(r) {
            Ty::I64 => IrOp::BoxInt,
            Ty::F64 => IrOp::BoxFloat,
            Ty::Bool => IrOp::BoxBool,
            _ => return r,
        };
        self.trace.emit(op, Ty::Val, r, Ref::NONE, 0, None)
    }

    /// A Bool ref for a branch on `r` whose runtime value is `v`.
    fn as_cond(&mut self, r: Ref, v: Value, pc: usize) -> Result<Ref, Abort> {
        match self.ty(r) {
            Ty::Bool => Ok(r),
            Ty::I64 => {
                let z = self.k_int(0);
                Ok(self.trace.emit(IrOp::INe, Ty::Bool, r, z, 0, None))
            }
            _ if v.is_bool() => Ok(self.guard(IrOp::GuardBool, Ty::Bool, r, Ref::NONE, 0, pc)),
            _ if v.is_small_int() => {
                let i = self.as_int(r, pc);
                let z = self.k_int(0);
                Ok(self.trace.emit(IrOp::INe, Ty::Bool, i, z, 0, None))
            }
            // what needs no Python code to answer (the helper exits, before doing
            // anything, on what would)
            _ if helpers::plain_truth(v).is_some() => {
                let t = self.guard(IrOp::CallG, Ty::Val, r, Ref::NONE, helpers::TRUTH, pc);
                Ok(self.guard(IrOp::GuardBool, Ty::Bool, t, Ref::NONE, 0, pc))
            }
            _ => Err(format!("branch on {}", kind_name(v))),
        }
    }

    /// Replaces the top two stack values by the Bool that `helper` (which returns
    /// True or False, or exits) computes from them boxed, negated when `invert`.
    fn bool_helper_on_top_two(&mut self, helper: i64, invert: bool, pc: usize) {
        self.bool_helper_on_top_two_in_order(helper, false, invert, pc);
    }

    /// The same, with the operands passed top first when `swap` (the stack the
    /// guard snapshots keeps its order: an exit re-runs the bytecode).
    fn bool_helper_on_top_two_in_order(
        &mut self,
        helper: i64,
        swap: bool,
        invert: bool,
        pc: usize,
    ) {
        let n = self.stack.len();
        let (a, b) = (self.stack[n - 2], self.stack[n - 1]);
        let (a, b) = (self.boxed(a), self.boxed(b));
        let (a, b) = if swap { (b, a) } else { (a, b) };
        let r = self.guard(IrOp::CallG, Ty::Val, a, b, helper, pc);
        let mut c = self.guard(IrOp::GuardBool, Ty::Bool, r, Ref::NONE, 0, pc);
        if invert {
            c = self.trace.emit(IrOp::Not, Ty::Bool, c, Ref::NONE, 0, None);
        }
        self.stack.truncate(n - 2);
        self.stack.push(c);
    }

    /// Local `i` (bound: checked by the caller): its value stored in this
    /// iteration, else loaded from the frame once.
    fn load_local(&mut self, i: u32) -> Ref {
        if let Some(&r) = self.locals.get(&i) {
            return r;
        }
        let r = match self.gen_slot_load(i as usize) {
            Some(r) => r,
            None => self
                .trace
                .emit(IrOp::Slot, Ty::Val, Ref::NONE, Ref::NONE, i as i64, None),
        };
        self.locals.insert(i, r);
        r
    }

    fn store_local(&mut self, i: u32, r: Ref) {
        if !self.inlined() && self.in_gen.is_none() {
            // (a virtual is written by the snapshots that need it: see
            // `root_virtuals`)
            self.root_virtuals.retain(|s| *s != i);
            if self.is_virtual(r) {
                self.root_virtuals.push(i);
                self.locals.insert(i, r);
                return;
            }
        }
        // An inlined call's frame exists only in the trace: its locals are refs.
        if self.in_gen.is_some() {
            let b = self.boxed(r);
            self.gen_slot_store(i as usize, b);
        } else if !self.inlined() {
            let b = self.boxed(r);
            self.trace
                .emit(IrOp::SetSlot, Ty::Void, b, Ref::NONE, i as i64, None);
        }
        self.locals.insert(i, r);
    }

    pub(super) fn pop(&mut self) -> Result<Ref, Abort> {
        self.stack
            .pop()
            .ok_or_else(|| "stack underflow".to_string())
    }
}

/// The item count of a list or tuple.
fn seq_len(v: Value) -> usize {
    match v.as_obj().map(|o| &o.data) {
        Some(ObjData::List(l)) => l.get().len(),
        Some(ObjData::Tuple(t)) => t.len(),
        _ => 0,
    }
}

/// Fewest bytecodes a root trace records before it may end by leaving at
/// one it cannot record (`ends_with_exit`).
const MIN_OPS_BEFORE_EXIT: usize = 4;

/// The reason a loop's recording stops at a `yield` in the loop's own frame.
const YIELD_IN_LOOP: &str = "bytecode YieldValue";
/// The same at a `yield from` (the bytecode has no recording).
const YIELD_FROM_IN_LOOP: &str = "bytecode YieldFrom";
/// The reason a recording stops at a `return` from the loop's own frame.
const RETURN: &str = "bytecode Return";
/// The reason a recording stops at a `raise`: the trace leaves there and the
/// interpreter raises (finding the handler, building the traceback).
const RAISE: &str = "bytecode Raise";

/// Whether a recording that failed with `reason` at its current bytecode ends there
/// with an `Exit` instead of being thrown away: side traces that recorded
/// something, for any reason but those that say the bytecode's state is not the
/// interpreter's (or that retrying later may do better: an inner loop whose trace
/// does not exist yet, a global store that re-records the loop).
fn ends_with_exit(rec: &Recorder, reason: &str) -> bool {
    if rec.side.is_none() {
        // A loop in a generator that yields: its trace runs to the yield and
        // leaves there (the interpreter suspends the generator).
        // A function's trace runs to its return and leaves there.
        let leaves = reason == YIELD_IN_LOOP
            || reason == YIELD_FROM_IN_LOOP
            || (reason == RETURN && rec.key.1 == ENTRY_SLOT);
        if reason == RAISE {
            return rec.ops > 2 && rec.skip.is_none() && rec.in_gen.is_none();
        }
        if leaves {
            return !rec.inlined() && rec.ops > 1;
        }
        // What the loop's own frame does that has no recording (a `yield from`,
        // a call of a builtin that reads its caller's frame, a branch on an
        // object whose truth is Python code): the trace runs the iteration up
        // to it and leaves there, the interpreter running the rest
        // (`blacklist_if_unprofitable` drops a tree that leaves too early to
        // pay). Not what a later recording does better (an inner loop's trace
        // to come, globals looked up) or what ends the iteration (a `return`,
        // the loop's end).
        return !rec.inlined()
            && rec.skip.is_none()
            && rec.ops > MIN_OPS_BEFORE_EXIT
            && !crate::jit::recorded_again(reason)
            && ![
                crate::jit::NO_TRACE_YET,
                crate::jit::GLOBALS_WRITTEN,
                crate::jit::GEN_RETURNED,
                RETURN,
                "inner loop blacklisted",
                "loop ended while recording",
                "left the loop's frame",
                "stack underflow",
            ]
            .contains(&reason);
    }
    rec.side.is_some()
        && rec.ops > 1
        && rec.skip.is_none()
        && reason != crate::jit::NO_TRACE_YET
        && reason != crate::jit::GLOBALS_WRITTEN
        && reason != "stack underflow"
}

/// Whether `op`, when it does not raise, always continues at the next bytecode
/// (and its recording computes its results without knowing them: see
/// `Vm::end_recording_at_raise`).
fn continues_after(op: Op) -> bool {
    matches!(
        op,
        Op::LoadGlobal(_)
            | Op::LoadDeref(_)
            | Op::LoadAttr(_)
            | Op::StoreAttr(_)
            | Op::LoadMethod(_)
            | Op::CallMethod(_)
            | Op::Call(_)
            | Op::CallKw(_)
            | Op::CallEx(_)
            | Op::Subscr
            | Op::StoreSubscr
            | Op::DeleteSubscr
            | Op::Binary(_)
            | Op::InplaceBinary(_)
            | Op::Unary(_)
            | Op::Compare(_)
            | Op::In(_)
            | Op::UnpackSequence(_)
            | Op::FormatValue(_)
            | Op::GetIter
    )
}

fn kind_name(v: Value) -> &'static str {
    if v.is_small_int() {
        "int"
    } else if v.is_float() {
        "float"
    } else if v.is_bool() {
        "bool"
    } else if v.is_none() {
        "None"
    } else if v.is_obj() {
        match &v.obj().data {
            ObjData::Str(_) => "str",
            ObjData::BigInt(_) => "big int",
            ObjData::List(_) => "list",
            ObjData::Tuple(_) => "tuple",
            ObjData::Dict(_) => "dict",
            ObjData::Instance(_) => "instance",
            _ => "object",
        }
    } else {
        "value"
    }
}

impl Vm {
    /// Called before each instruction while recording (and, with `--jit-stats`,
    /// always: it counts interpreted bytecodes).
    pub(crate) fn jit_record(&mut self, frame: *mut Frame, pc: usize, op: Op) {
        self.jit.stats.interp_ops += 1;
        // SAFETY: `frame` is dispatch's live top frame, a Box in
        // `self.frames`; this reads it and runs no Python code.
        let code = unsafe { &(*frame).code };
        let counts = code.dispatch_counts.get_or_init(|| {
            self.jit.stats.counted_codes.push(code.clone());
            (0..code.ops.len()).map(|_| Cell::new(0)).collect()
        });
        if let Some(c) = counts.get(pc) {
            c.set(c.get() + 1);
        }
        let Some(mut rec) = self.jit.recording.take() else {
            self.jit_recording = self.jit.count_ops;
            return;
        };
        if let Some(w) = rec.residual {
            // inside what a residual bytecode runs: not part of the trace
            if self.frames.len() > w.depth {
                self.jit.recording = Some(rec);
                return;
            }
            // back in the recording frame: right after the bytecode, or an
            // exception left it
            // SAFETY: as above: the live top frame, only read here.
            let fr = unsafe { &*frame };
            let done = self.frames.len() == w.depth
                && std::ptr::eq(rec.frame, frame)
                && pc == w.pc
                && fr.stack_len() == w.stack;
            if !done {
                let raised = rec
                    .undo
                    .as_ref()
                    .is_some_and(|u| u.raised != self.jit.raised_while_recording);
                self.jit.recording = Some(rec);
                if raised {
                    self.end_recording_at_raise();
                } else {
                    // a residual `ForIter` ran out: the loop ended while recording,
                    // which says nothing about the next time it runs
                    self.abort_with_retries("residual bytecode jumped", crate::jit::JUMPED_RETRY);
                }
                return;
            }
            rec.residual = None;
        }
        if rec.frame.is_null() {
            // The first instruction of an inlined callee: adopt its new frame.
            // SAFETY: as above: the live top frame, only read here.
            let fr = unsafe { &*frame };
            if !Rc::ptr_eq(&fr.code, &rec.code) || fr.pc != 0 {
                self.jit.recording = Some(rec);
                self.abort_recording("call did not enter the recorded function");
                return;
            }
            rec.frame = frame;
        }
        if !std::ptr::eq(rec.frame, frame) {
            self.jit.recording = Some(rec);
            self.abort_recording("left the loop's frame");
            return;
        }
        // (a drained generator's unrolled loop has a budget of its own: four
        // genexprs of eight items take most of the trace's)
        let (count, max) = if rec.draining() {
            (&mut rec.drained_ops, MAX_DRAINED_OPS)
        } else {
            (&mut rec.ops, MAX_RECORD_OPS)
        };
        *count += 1;
        if *count > max {
            self.jit.recording = Some(rec);
            self.abort_recording(crate::jit::TOO_LONG);
            return;
        }
        // SAFETY: as above: the live top frame, only read here.
        let fr = unsafe { &*frame };
        let line = fr.code.line_of(pc);
        let _ = writeln!(rec.bytecode_log, "  {:>4} line {:<4} {:?}", pc, line, op);
        if let Some((branch, join)) = rec.skip {
            if branch < pc && pc < join {
                // an arm of an if-converted branch: already in the trace
                self.jit.recording = Some(rec);
                return;
            }
            rec.skip = None;
            if pc != join {
                self.jit.recording = Some(rec);
                self.abort_recording("left an if-converted branch's arms");
                return;
            }
        }
        if !rec.virtuals.is_empty() && self.jit.settle_virtuals {
            // (what cannot take a virtual instance has it made first)
            self.settle_virtuals(&mut rec, fr, pc, op);
        }
        if rec
            .stack
            .iter()
            .any(|&r| rec.trace.is_sunk(r) && !rec.is_virtual(r))
            && !self.reads_sunk(op, fr)
        {
            // (what takes a sunk object as an operand needs it made)
            rec.make_sunk_on_stack(pc);
        }
        let (ins_before, snaps_before, stack_before, locals_before) = (
            rec.trace.ins.len(),
            rec.trace.snapshots.len(),
            rec.stack.clone(),
            rec.locals.clone(),
        );
        // (most bytecodes see no virtual: an empty map is not cloned)
        let virtuals_before = if rec.virtuals.is_empty() && rec.root_virtuals.is_empty() {
            Default::default()
        } else {
            (rec.virtuals.clone(), rec.root_virtuals.clone())
        };
        let renames_before = rec.renames;
        // (the frame the bytecode runs in: a `return` from an inlined call
        // leaves it, and rolling back to before that `return` with the
        // caller's frame would resume the caller at the callee's pc)
        let (frame_before, parents_before, in_gen_before) =
            (rec.frame, rec.parents.len(), rec.in_gen.is_some());
        let residual_method = matches!(op, Op::CallMethod(argc)
            if rec.residual_methods.last() == rec.stack.len().checked_sub(argc as usize).as_ref());
        rec.pending_pure = None;
        let pure_before = rec.pure_call;
        let recorded = if residual_method {
            rec.residual_methods.pop();
            Err("call of a method loaded by a residual call".to_string())
        } else if pure_before.is_some()
            && let Err(e) = self.check_pure_op(&rec, fr, op)
        {
            Err(e)
        } else {
            self.record_op(&mut rec, fr, pc, op)
        };
        let unrecordable = match &recorded {
            // (a virtual made for real renamed refs in callers' frames, which
            // rolling back would not undo)
            Err(reason) if rec.renames != renames_before => {
                Some(format!("{reason} (after making a virtual instance)"))
            }
            // (only a virtual can have reached an op that does not know it)
            Ok(()) if virtuals_before.0.is_empty() && rec.virtuals.is_empty() => None,
            Ok(()) => escaped_virtual(&rec.trace, ins_before).map(|what| {
                // (a path that does not know virtuals took one: the next
                // recording makes class calls' instances; a second escape,
                // from a virtual the recorder makes anyway, counts)
                let first = self.jit.escaped_virtuals.insert((rec.key, rec.side));
                let _ = writeln!(rec.bytecode_log, "       virtual instance taken by {what}");
                crate::jit::virtual_escaped(first).to_string()
            }),
            // (not a residual call: the next recording should inline it)
            Err(reason) if reason == crate::jit::FRESH_GEN_RETRY => Some(reason.clone()),
            Err(_) => None,
        };
        if let Some(reason) = unrecordable {
            self.jit.recording = Some(rec);
            self.abort_recording(&reason);
            return;
        }
        // What the failed attempt emitted is dropped (the trace has never run).
        let rollback = |rec: &mut Recorder| {
            rec.roll_back(
                ins_before,
                snaps_before,
                stack_before.clone(),
                locals_before.clone(),
            );
            (rec.virtuals, rec.root_virtuals) = virtuals_before.clone();
        };
        let recorded = match recorded {
            Err(reason) if residual::shape(op).is_some() => {
                // no specialization: the interpreter's own implementation, called
                rollback(&mut rec);
                rec.pure_call = pure_before;
                rec.make_on_stack(pc);
                match self.record_residual(&mut rec, fr, pc, op) {
                    Ok(()) => {
                        let _ = writeln!(rec.bytecode_log, "       residual: {reason}");
                        Ok(())
                    }
                    Err(why) => Err(format!("{reason} ({why})")),
                }
            }
            other => other,
        };
        match recorded {
            Ok(()) => {
                rec.undo = Some(Undo {
                    frame: frame_before,
                    pc,
                    op,
                    parents: parents_before,
                    in_gen: in_gen_before,
                    ins: ins_before,
                    snaps: snaps_before,
                    stack: stack_before,
                    locals: locals_before,
                    virtuals: virtuals_before,
                    renames: renames_before,
                    raised: self.jit.raised_while_recording,
                });
                self.jit.recording = Some(rec)
            }
            Err(reason) if ends_with_exit(&rec, &reason) => {
                // A side trace that reached what it cannot record still covers the
                // path up to here: it ends by leaving to the interpreter at this
                // bytecode, whose effects have not run.
                rollback(&mut rec);
                let _ = writeln!(rec.bytecode_log, "       exit: {reason}");
                rec.guard(IrOp::Exit, Ty::Void, Ref::NONE, Ref::NONE, 0, pc);
                self.jit.recording = Some(rec);
                self.finish_recording(crate::jit::driver::End::Exit);
            }
            Err(reason) => {
                self.jit.recording = Some(rec);
                self.abort_recording(&reason);
            }
        }
    }

    /// The cell `LoadDeref(i)`/`StoreDeref(i)` use: a slot of the loop's frame,
    /// or, in an inlined call (whose function is guarded, and has no cells of its
    /// own: `inlinable`), its closure's cell, a constant.
    fn cell_ref(&self, rec: &mut Recorder, fr: &Frame, i: u32, pc: usize) -> Result<Ref, Abort> {
        if let Some(cell) = rec.gen_slot_load(fr.code.nlocals() + i as usize) {
            return Ok(cell);
        }
        if !rec.inlined() {
            let slot = fr.code.nlocals() + i as usize;
            return Ok(rec.trace.emit(
                IrOp::Slot,
                Ty::Val,
                Ref::NONE,
                Ref::NONE,
                slot as i64,
                None,
            ));
        }
        let free = (i as usize)
            .checked_sub(rec.code.cellvars.len())
            .ok_or("cell of an inlined call")?;
        if let Some(f) = rec.func_ref {
            // the cells of whichever closure of this code is called
            let k = rec.k_int(free as i64);
            return Ok(rec.guard(IrOp::CallG, Ty::Val, f, k, helpers::FUNC_CELL, pc));
        }
        let cell = self
            .function(rec.func)
            .and_then(|f| f.closure.get(free).copied())
            .ok_or("free variable of an inlined call")?;
        Ok(rec.k_val(cell))
    }

    /// Whether a recording waits for a residual bytecode the interpreter runs.
    /// An exception came out of the bytecode recorded last, or out of the
    /// residual call it became. The recording is tried again a few times
    /// (`RAISED_RETRY`: another iteration may not raise there); then the trace
    /// ends at that bytecode. One that continues at the next bytecode when it
    /// does not raise (a subscript, a call, an operator) keeps its recording,
    /// whose own guard leaves when it raises at run time, and the trace ends
    /// after it with an exit a side trace can grow from (the rest of the
    /// iteration); any other is undone and the trace leaves before it, where
    /// the interpreter raises. Aborts when the bytecode changed frames (an
    /// inlined call or return, a generator), sat in an if-converted branch, or
    /// left too little to compile.
    pub(crate) fn end_recording_at_raise(&mut self) {
        let Some(mut rec) = self.jit.recording.take() else {
            return;
        };
        if std::mem::take(&mut rec.raise_caught) {
            // raised into a handler the trace holds: recording goes on there
            self.jit.recording = Some(rec);
            return;
        }
        if self.retry_later(&rec) {
            self.jit.recording = Some(rec);
            self.abort_recording(crate::jit::RAISED_RETRY);
            return;
        }
        let usable = rec.undo.as_ref().is_some_and(|u| {
            std::ptr::eq(u.frame, rec.frame)
                && u.parents == rec.parents.len()
                && !u.in_gen
                && rec.in_gen.is_none()
                && rec.pure_call.is_none()
                && rec.skip.is_none()
                && rec.ops > 2
                && rec.renames == u.renames
        });
        let Some(u) = rec.undo.take().filter(|_| usable) else {
            self.jit.recording = Some(rec);
            self.abort_recording("exception raised");
            return;
        };
        rec.residual = None;
        if continues_after(u.op) {
            let _ = writeln!(rec.bytecode_log, "       exit after it: exception raised");
            rec.guard(
                IrOp::Exit,
                Ty::Void,
                Ref::NONE,
                Ref::NONE,
                guards::ir::EXIT_CONTINUES,
                u.pc + 1,
            );
        } else {
            rec.roll_back(u.ins, u.snaps, u.stack, u.locals);
            (rec.virtuals, rec.root_virtuals) = u.virtuals;
            let _ = writeln!(rec.bytecode_log, "       exit: exception raised");
            rec.guard(IrOp::Exit, Ty::Void, Ref::NONE, Ref::NONE, 0, u.pc);
        }
        self.jit.recording = Some(rec);
        self.finish_recording(crate::jit::driver::End::Exit);
    }

    /// Whether the recording of `rec`'s loop or exit may be thrown away
    /// without holding it against them (`RAISE_RETRIES` times each).
    fn retry_later(&mut self, rec: &Recorder) -> bool {
        let retries = self
            .jit
            .raise_retries
            .entry((rec.key, rec.side))
            .or_default();
        *retries += 1;
        *retries <= crate::jit::RAISE_RETRIES
    }

    /// Aborts the recording with `soft` (not held against the loop or exit)
    /// while retries last, then with `reason`.
    fn abort_with_retries(&mut self, reason: &str, soft: &str) {
        let Some(rec) = self.jit.recording.take() else {
            return;
        };
        let retry = self.retry_later(&rec);
        self.jit.recording = Some(rec);
        self.abort_recording(if retry { soft } else { reason });
    }

    pub(crate) fn jit_waits_for_residual(&self) -> bool {
        self.jit
            .recording
            .as_ref()
            .is_some_and(|r| r.residual.is_some())
    }

    /// Whether `f(arg)` is a `len` the recorder compiles: `f` is the builtin and
    /// `arg` a sequence read inline or a value its helper measures (else the call
    /// is residual: the helper would exit on the very value recorded).
    fn is_len_call(&self, f: Value, arg: Value) -> bool {
        is_builtin_named(f, "len")
            && (self.inline_seq(arg).is_some() || helpers::plain_len(arg).is_some())
    }

    /// How `v` can be accessed inline, when it is an exact list or tuple.
    fn inline_seq(&self, v: Value) -> Option<Seq> {
        Seq::of(&self.jit.layouts, v).filter(|_| self.is_builtin_exact(v))
    }

    /// Whether `d` is an instance of a dict subclass (Counter, defaultdict, a
    /// user's) whose class finds dict's own `method` (`__getitem__`,
    /// `__setitem__` or `__contains__`) and `k` a pure key: the item access
    /// runs no Python code while the key is there.
    fn dict_item_methods(&self, d: Value, k: Value, method: &str) -> bool {
        if helpers::dict_of(d).is_none() || self.is_builtin_exact(d) || !helpers::pure_key(self, k)
        {
            return false;
        }
        let Some(name) = self.interned_str(method) else {
            return false;
        };
        let cls = d.obj().class.get();
        let own = crate::vm::types::lookup(self, self.types.dict, name);
        let found = crate::vm::types::lookup(self, cls, name);
        own.is_some()
            && (found == own || found.is_some_and(|f| self.dict_item_proxies.contains(&f)))
    }

    /// Whether the dict of `d` (`helpers::dict_of`) holds the pure key `k` now.
    /// A side trace that meets a missing key (most likely one that grew from
    /// the helper's exit) records `__missing__`'s path instead; a root trace
    /// takes the helper, whose exits grow that side trace.
    fn dict_has(&mut self, d: Value, k: Value) -> bool {
        helpers::subdict_holds(self, d, k)
    }

    /// Guards the class of the dict subclass instance `d` (at `r`) and its
    /// version, which pins what its item methods are.
    fn guard_dict_class(
        &self,
        rec: &mut Recorder,
        r: Ref,
        d: Value,
        pc: usize,
    ) -> Result<(), Abort> {
        let cls = d.obj().class.get();
        let ObjData::Type(t) = &cls.obj().data else {
            return Err("class of a dict subclass".into());
        };
        if rec.is_volatile(t) {
            return Err(format!("item access on a '{}' (class changing)", t.name));
        }
        let layouts = self.jit.layouts;
        rec.guard_class(r, d, layouts.class, pc);
        rec.guard_type_version(cls, t, &layouts, pc);
        Ok(())
    }

    /// For a `ForIter` helper that makes a tuple of each step's items: its
    /// variant that leaves them in `ARGS` instead, and how many there are
    /// (the variant checks that count).
    fn items_in_args(&self, helper: i64, it: Value) -> Option<(i64, usize)> {
        if !self.jit.sink_alloc {
            return None;
        }
        let ObjData::Iter(st) = &it.as_obj()?.data else {
            return None;
        };
        match (helper, st.get()) {
            (helpers::ENUM_NEXT, _) => Some((helpers::ENUM_NEXT_ARGS, 2)),
            (helpers::ZIP_NEXT, IterState::Zip { its, .. }) if its.len() <= 4 => {
                Some((helpers::ZIP_NEXT_ARGS, its.len()))
            }
            (
                helpers::DICT_NEXT,
                IterState::Dict {
                    kind: crate::object::DictIterKind::Items,
                    ..
                },
            ) => Some((helpers::ITEMS_NEXT_ARGS, 2)),
            _ => None,
        }
    }

    /// Whether `op` reads the sunk slice on top of the stack without it
    /// being made: a slicing helper's (sunk tuples are virtuals, which
    /// `settle_virtuals` looks after).
    fn reads_sunk(&self, op: Op, fr: &Frame) -> bool {
        self.slices_plainly(op, fr)
    }

    /// Whether `op` is `seq[a:b]` on an exact list, tuple or str, or
    /// `lst[a:b] = v` on an exact list with an exact list or tuple `v`, and
    /// the bounds are None or small ints: what the slicing helpers do (they
    /// read a sunk slice's parts, and exit on anything else).
    fn slices_plainly(&self, op: Op, fr: &Frame) -> bool {
        let plain = |v: &Value| v.is_none() || v.is_small_int();
        let plain_slice = matches!(
            fr.peek(0).as_obj().map(|o| &o.data),
            Some(ObjData::Slice { start, stop, step })
                if plain(start) && plain(stop) && plain(step) && *step != Value::small_int(0)
        );
        let exact = |v: Value| self.is_builtin_exact(v);
        let seq = fr.peek(1);
        let sliced = match op {
            Op::Subscr => matches!(
                seq.as_obj().map(|o| &o.data),
                Some(ObjData::List(_) | ObjData::Tuple(_) | ObjData::Str(_))
            ),
            Op::StoreSubscr => {
                let v = fr.peek(2);
                matches!(seq.as_obj().map(|o| &o.data), Some(ObjData::List(_)))
                    && matches!(
                        v.as_obj().map(|o| &o.data),
                        Some(ObjData::List(_) | ObjData::Tuple(_))
                    )
                    && exact(v)
            }
            _ => false,
        };
        plain_slice && sliced && exact(seq)
    }

    fn record_op(
        &mut self,
        rec: &mut Recorder,
        fr: &Frame,
        pc: usize,
        op: Op,
    ) -> Result<(), Abort> {
        let top = |d: usize| fr.peek(d);
        match op {
            Op::Nop | Op::FuncEntry => {}
            // attributes of an instance the trace has not made: its refs
            // (`settle_virtuals` made it for real unless a slot holds it)
            Op::LoadAttr(n)
                if rec
                    .stack
                    .last()
                    .is_some_and(|&r| rec.is_virtual_instance(r)) =>
            {
                let (obj, name) = (top(0), fr.code.names[n as usize]);
                let h = *rec.stack.last().ok_or("stack underflow")?;
                let idx = self
                    .inline_attr_slot(obj, name)
                    .ok_or("attribute of a virtual instance")?;
                rec.guard_virtual_class(h, obj, &self.jit.layouts, pc)?;
                let r = *rec
                    .virtual_of(h)
                    .fields
                    .get(idx)
                    .ok_or("virtual instance without the attribute")?;
                rec.pop()?;
                rec.stack.push(r);
            }
            Op::StoreAttr(n)
                if rec
                    .stack
                    .last()
                    .is_some_and(|&r| rec.is_virtual_instance(r)) =>
            {
                let (obj, name) = (top(0), fr.code.names[n as usize]);
                let nn = rec.stack.len();
                let (rv, h) = (rec.stack[nn - 2], rec.stack[nn - 1]);
                rec.guard_virtual_class(h, obj, &self.jit.layouts, pc)?;
                let ObjData::Instance(i) = &obj.obj().data else {
                    return Err("not an instance".into());
                };
                let shape = i.shape.get();
                if let Some(idx) = self.inline_attr_slot(obj, name) {
                    rec.set_virtual_field(h, idx, rv, shape);
                } else if self.adds_plain_attr(obj, name) {
                    let idx = shape.names.len();
                    rec.set_virtual_field(h, idx, rv, shape.with(name));
                } else {
                    return Err(format!("store attribute '{}' of a virtual", str_of(name)));
                }
                rec.stack.truncate(nn - 2);
            }
            // `try` in the loop's own frame: the trace pushes and pops the real
            // frame's handler blocks, so an exception raised at an exit (or by a
            // residual call) finds its handler as in the interpreter
            Op::SetupExcept(handler) if !rec.inlined() => {
                if rec.stack.len() != fr.stack_len() {
                    return Err("stack depth differs at try".into());
                }
                let packed = ((handler as i64) << 32) | rec.stack.len() as i64;
                let k = rec.k_int(packed);
                rec.guard(IrOp::CallG, Ty::Val, k, Ref::NONE, helpers::PUSH_BLOCK, pc);
            }
            Op::PopBlock if !rec.inlined() => {
                let k = rec.k_int(0);
                rec.guard(IrOp::CallG, Ty::Val, k, Ref::NONE, helpers::POP_BLOCK, pc);
            }
            // `try` in an inlined call: its blocks exist only in the trace, and
            // in the frames exits rebuild (`ResumeFrame::blocks`)
            Op::SetupExcept(handler) if rec.in_gen.is_none() => {
                if rec.stack.len() != fr.stack_len() {
                    return Err("stack depth differs at try".into());
                }
                rec.blocks.push(Block {
                    handler,
                    level: rec.stack.len() as u32,
                });
            }
            Op::PopBlock if rec.in_gen.is_none() => {
                rec.blocks.pop().ok_or("PopBlock without a block")?;
            }
            Op::LoopHeader(slot) => {
                // Back at our own header, or at a loop with a trace to link to:
                // jit_loop_header closes the trace next.
                if rec.in_gen.is_some() {
                    // a loop of an inlined generator (one not yielding this time
                    // round, or one drained whole): the trace goes on around it
                    return rec.count_drain_pass();
                }
                if rec.inlined() {
                    // A callee's loop is unrolled into the trace (pystone's
                    // `for i in range(k, k + 2)`); one that runs longer has the
                    // callee called from then on (see `trace_failed`).
                    rec.inlined_loop_passes += 1;
                    if rec.inlined_loop_passes > MAX_INLINED_LOOP_PASSES {
                        return Err(crate::jit::LONG_INLINED_LOOP.into());
                    }
                    return Ok(());
                }
                let own = rec.side.is_none() && pc == rec.header_pc;
                let key = key_of(&fr.code, slot);
                if rec.key.1 == ENTRY_SLOT && !self.jit.roots.contains_key(&key) {
                    // a function's trace unrolls its loops that have no trace
                    // (they are short: else they would have one)
                    return Ok(());
                }
                if !own && !self.jit.roots.contains_key(&key) {
                    let failures = self.jit.failures.get(&key).copied().unwrap_or(0);
                    if failures >= crate::jit::MAX_ABORTS {
                        return Err("inner loop blacklisted".into());
                    }
                    // transient: that loop may get its trace soon (see abort_recording)
                    return Err(crate::jit::NO_TRACE_YET.into());
                }
            }
            Op::LoadFast(i) => {
                if !rec.locals.contains_key(&i) {
                    if !rec.locals_in_memory() {
                        return Err("unbound local in inlined call".into());
                    }
                    if fr.slots[i as usize].is_empty() {
                        return Err("unbound local".into());
                    }
                }
                let r = rec.load_local(i);
                rec.stack.push(r);
            }
            Op::StoreFast(i) => {
                let r = rec.pop()?;
                rec.store_local(i, r);
            }
            // `del e` after `except ... as e`: of a local this trace stored (a
            // local it only loaded might be unbound when the trace runs)
            Op::DeleteFast(i)
                if rec.locals.get(&i).is_some_and(|&r| {
                    let at = rec.trace.ins[r.idx()];
                    at.op != IrOp::Slot && !(at.op == IrOp::KVal && at.imm as u64 == Value::EMPTY.0)
                }) =>
            {
                let empty = rec.k_val(Value::EMPTY);
                rec.store_local(i, empty);
            }
            Op::LoadClosure(_) if !rec.locals_in_memory() => {
                return Err("closure cell in an inlined call".into());
            }
            Op::Return if rec.draining() => rec.record_drain_end(pc)?,
            Op::Return if rec.in_gen.is_some() => {
                return Err(crate::jit::GEN_RETURNED.into());
            }
            Op::YieldValue if rec.draining() => self.record_drain_yield(rec, fr, pc)?,
            Op::YieldValue if rec.in_gen.is_some() => rec.record_gen_yield(pc)?,
            Op::Return if rec.inlined() => {
                let r = rec.pop()?;
                if rec
                    .parents
                    .last()
                    .is_some_and(|p| p.callee_init_self.is_some())
                {
                    // `__init__` must return None (else the interpreter raises
                    // the TypeError, from this exit)
                    rec.stack.push(r);
                    let b = rec.boxed(r);
                    rec.guard(
                        IrOp::GuardIs,
                        Ty::Void,
                        b,
                        Ref::NONE,
                        Value::NONE.0 as i64,
                        pc,
                    );
                    rec.pop()?;
                }
                let mut r = r;
                let special = rec
                    .parents
                    .last()
                    .and_then(|p| p.callee_binop)
                    .filter(|(op, _, _)| !op.is_operator());
                if let Some((op, _, _)) = special {
                    // what the operation makes of the special method's result
                    // (its guards leave here, where the interpreter's `return`
                    // does the same: `Frame::binop_return`)
                    rec.stack.push(r);
                    let v = top(0);
                    r = match op {
                        DunderOp::Len => {
                            if !v.is_small_int() {
                                return Err("__len__ returned no inline int".into());
                            }
                            let i = rec.as_int(r, pc);
                            let zero = rec.k_int(0);
                            let ok = rec.trace.emit(IrOp::IGe, Ty::Bool, i, zero, 0, None);
                            rec.guard(IrOp::GuardTrue, Ty::Void, ok, Ref::NONE, 0, pc);
                            i
                        }
                        DunderOp::Contains(invert) => {
                            let c = rec.as_cond(r, v, pc)?;
                            if invert {
                                rec.trace.emit(IrOp::Not, Ty::Bool, c, Ref::NONE, 0, None)
                            } else {
                                c
                            }
                        }
                        _ => {
                            // a built-in iterator or a generator, of this class
                            let builtin_iter = matches!(
                                v.as_obj().map(|o| &o.data),
                                Some(ObjData::Iter(_) | ObjData::Generator(_))
                            ) && self.is_builtin_exact(v)
                                && v.obj().class() != self.types.coroutine
                                && v.obj().class() != self.types.async_generator;
                            if !builtin_iter {
                                return Err("__iter__ returned no built-in iterator".into());
                            }
                            rec.guard_class(r, v, self.jit.layouts.class, pc);
                            r
                        }
                    };
                    rec.pop()?;
                } else if let Some((op, _, _)) = rec.parents.last().and_then(|p| p.callee_binop) {
                    rec.stack.push(r);
                    if rec.is_virtual(r) && op == DunderOp::NotEqualViaEq {
                        // (its truth is `__bool__`'s or `__len__`'s)
                        r = rec.materialize(r, pc);
                    }
                    if !rec.is_virtual(r) {
                        // an operator dunder's NotImplemented: the interpreter
                        // goes on with the reflected method, from this exit (an
                        // instance the trace has not made is not it)
                        let b = rec.boxed(r);
                        let ni = rec.k_val(self.not_implemented);
                        let is = rec.guard(IrOp::CallG, Ty::Val, b, ni, helpers::IS, pc);
                        let c = rec.guard(IrOp::GuardBool, Ty::Bool, is, Ref::NONE, 0, pc);
                        rec.guard(IrOp::GuardFalse, Ty::Void, c, Ref::NONE, 0, pc);
                    }
                    if op == DunderOp::NotEqualViaEq {
                        // `!=` through object's `__ne__`: the truth of what
                        // `__eq__` returned, negated (its guards leave here,
                        // where the interpreter's `return` negates it)
                        let c = rec.as_cond(r, top(0), pc)?;
                        r = rec.trace.emit(IrOp::Not, Ty::Bool, c, Ref::NONE, 0, None);
                    }
                    rec.pop()?;
                }
                rec.leave_inline(r);
            }
            Op::Call(argc @ (1..=3))
                if top(argc as usize).0 == self.types.range.0
                    && (0..argc as usize).all(|d| top(d).is_small_int()) =>
            {
                let argc = argc as usize;
                let n = rec.stack.len();
                let rf = rec.stack[n - argc - 1];
                let func = top(argc);
                rec.consts.push(func);
                rec.guard(IrOp::GuardIs, Ty::Void, rf, Ref::NONE, func.0 as i64, pc);
                let a = rec.stack[n - argc];
                let a = rec.boxed(a);
                let r = if argc == 1 {
                    rec.guard(IrOp::CallG, Ty::Val, a, Ref::NONE, helpers::RANGE1, pc)
                } else if argc == 2 {
                    let b = rec.stack[n - 1];
                    let b = rec.boxed(b);
                    rec.guard(IrOp::CallG, Ty::Val, a, b, helpers::RANGE2, pc)
                } else {
                    // (the step stashed; a zero step exits, and the
                    // interpreter raises)
                    let step = rec.boxed(rec.stack[n - 1]);
                    rec.guard(IrOp::CallG, Ty::Val, step, Ref::NONE, helpers::STASH, pc);
                    let b = rec.boxed(rec.stack[n - 2]);
                    rec.guard(IrOp::CallG, Ty::Val, a, b, helpers::RANGE3, pc)
                };
                rec.stack.truncate(n - argc - 1);
                rec.stack.push(r);
            }
            Op::Call(argc @ (0 | 1)) if self.native_exception_class(top(argc as usize)) => {
                let cls = top(argc as usize);
                self.record_exception_call(rec, cls, argc as usize, pc)?;
            }
            Op::Call(argc) if self.inlinable_class_call(top(argc as usize), argc as usize) => {
                let argc = argc as usize;
                let cls = top(argc);
                let init = self.plain_init(cls, argc).ok_or("not a plain class")?;
                rec.check_inline_depth()?;
                let n = rec.stack.len();
                let rf = rec.stack[n - argc - 1];
                rec.consts.push(cls);
                rec.guard(IrOp::GuardIs, Ty::Void, rf, Ref::NONE, cls.0 as i64, pc);
                // the version pins `__new__`, `__init__` and every other lookup
                // `plain_init` made
                let layouts = self.jit.layouts;
                let ObjData::Type(t) = &cls.obj().data else {
                    return Err("not a class".into());
                };
                if rec.is_volatile(t) {
                    return Err(format!("call of class '{}' (changing)", t.name));
                }
                rec.guard_type_version(cls, t, &layouts, pc);
                let inst = if rec.sink_instances && layouts.instance.is_some() {
                    // made only if something needs it (jit/virtuals.rs)
                    rec.new_virtual(cls, self.root_shape)
                } else {
                    rec.alloc_instance(cls, pc)
                };
                let mut args = vec![inst];
                args.extend_from_slice(&rec.stack[n - argc..]);
                rec.stack.truncate(n - argc - 1);
                let code = self.function(init).ok_or("not a function")?.code.clone();
                // parameters left to their defaults (`__init__` pinned by the
                // class's version)
                let defaults = self
                    .defaults_after(init, args.len())
                    .ok_or("arguments do not fit __init__")?;
                for v in defaults {
                    args.push(rec.k_val(v));
                }
                rec.enter_inline(init, code, args, pc);
                if let Some(p) = rec.parents.last_mut() {
                    p.callee_init_self = Some(inst);
                }
            }
            Op::Call(0) if top(0) == self.types.super_ && zero_arg_super(fr).is_some() => {
                // `super()`: the method's `__class__` cell and first argument
                let (cell_index, cls) = zero_arg_super(fr).expect("checked by the guard");
                let n = rec.stack.len();
                let rf = rec.stack[n - 1];
                rec.guard(
                    IrOp::GuardIs,
                    Ty::Void,
                    rf,
                    Ref::NONE,
                    self.types.super_.0 as i64,
                    pc,
                );
                let cell = self.cell_ref(rec, fr, cell_index, pc)?;
                let rc = rec.guard(IrOp::CallG, Ty::Val, cell, Ref::NONE, helpers::CELL_GET, pc);
                rec.consts.push(cls);
                rec.guard(IrOp::GuardIs, Ty::Void, rc, Ref::NONE, cls.0 as i64, pc);
                let rself = rec.load_local(0);
                let rself = if rec.is_virtual(rself) {
                    // (the proxy holds it: made for real)
                    rec.materialize(rself, pc)
                } else {
                    rec.boxed(rself)
                };
                let kc = rec.k_val(cls);
                let sup = rec.guard(IrOp::CallA, Ty::Val, kc, rself, helpers::NEW_SUPER, pc);
                rec.stack.truncate(n - 1);
                rec.stack.push(sup);
                rec.supers.insert(sup, rself);
            }
            Op::Call(argc @ (1 | 2))
                if self.gen_next_inlinable(rec, top(argc as usize), top(argc as usize - 1)) =>
            {
                let argc = argc as usize;
                self.record_gen_next(rec, argc, top(argc), top(argc - 1), pc)?;
            }
            Op::Call(argc @ (1 | 2))
                if is_builtin_named(top(argc as usize), "next")
                    && matches!(
                        top(argc as usize - 1).as_obj().map(|o| &o.data),
                        Some(ObjData::Iter(st))
                            if matches!(st.get(), IterState::Range { .. } | IterState::Seq { .. })
                    ) =>
            {
                let argc = argc as usize;
                let n = rec.stack.len();
                let (rf, ri) = (rec.stack[n - argc - 1], rec.stack[n - argc]);
                let callee = top(argc);
                rec.consts.push(callee);
                rec.guard(IrOp::GuardIs, Ty::Void, rf, Ref::NONE, callee.0 as i64, pc);
                let r = rec.guard(IrOp::CallG, Ty::Val, ri, Ref::NONE, helpers::NEXT_ITEM, pc);
                rec.stack.truncate(n - argc - 1);
                rec.stack.push(r);
            }
            // `sep.join(g)` of a generator not started yet
            Op::CallMethod(1) if self.join_drain_inlinable(rec, top(2), top(1), top(0)) => {
                self.record_join_drain(rec, top(2), top(0), pc)?;
            }
            // `set(g)`, `tuple(g)`, `list(g)` of a generator not started yet
            Op::Call(1) if self.drain_inlinable(rec, top(1), top(0)) => {
                self.record_drain(rec, top(1), top(0), pc)?;
            }
            Op::Call(argc @ (1 | 2)) if helpers::is_generator_function(top(argc as usize)) => {
                // `(x for x in xs)`, `pairs(a, b)`: the generator is made by a
                // helper (no code of it runs), not by a residual call
                let argc = argc as usize;
                let n = rec.stack.len();
                let rf = rec.stack[n - argc - 1];
                let ra = rec.boxed(rec.stack[n - argc]);
                let helper = if argc == 2 {
                    let rb = rec.stack[n - 1];
                    rec.store_args(&[rb]);
                    helpers::MAKE_GEN2
                } else {
                    helpers::MAKE_GEN1
                };
                let r = rec.guard(IrOp::CallG, Ty::Val, rf, ra, helper, pc);
                rec.stack.truncate(n - argc - 1);
                rec.stack.push(r);
            }
            // `f(a, key=v)`: the keywords name parameters, in order
            Op::CallKw(argc) if self.kw_call_params(rec, fr, argc).is_some() => {
                let argc = argc as usize;
                let (func, params) = self.kw_call_params(rec, fr, argc as u32).expect("checked");
                let n = rec.stack.len();
                let rf = rec.stack[n - argc - 2];
                let vals = &rec.stack[n - argc - 1..n - 1];
                let mut refs: Vec<Option<Ref>> = Vec::with_capacity(params.len() + 1);
                let callee = match bound_self(rec, rf) {
                    Some(slf) => {
                        refs.push(Some(slf));
                        None
                    }
                    None => Some(rf),
                };
                refs.extend(params.iter().map(|p| p.map(|k| vals[k])));
                record_inline_call_with(rec, func, callee, refs, argc + 2, pc)?;
            }
            // `obj.m(args)` of a bound method the trace made (`NEW_BOUND`)
            Op::Call(argc)
                if bound_self(rec, rec.stack[rec.stack.len() - argc as usize - 1]).is_some()
                    && self.bound_inlinable(rec, top(argc as usize), argc as usize + 1) =>
            {
                let argc = argc as usize;
                let n = rec.stack.len();
                let rf = rec.stack[n - argc - 1];
                let slf = bound_self(rec, rf).expect("checked");
                let func = self.bound_func(top(argc)).expect("checked");
                let mut refs = vec![Some(slf)];
                refs.extend(rec.stack[n - argc..].iter().map(|&r| Some(r)));
                record_inline_call_with(rec, func, None, refs, argc + 1, pc)?;
            }
            // `isinstance(v, C)` of an instance the trace has not made: its
            // class is known, so the answer is a constant under guards on the
            // callee, `C` and the class's version
            Op::Call(2)
                if self
                    .virtual_isinstance(rec, top(2), top(1), top(0))
                    .is_some() =>
            {
                let answer = self
                    .virtual_isinstance(rec, top(2), top(1), top(0))
                    .expect("checked");
                let n = rec.stack.len();
                let (rf, rv, rc) = (rec.stack[n - 3], rec.stack[n - 2], rec.stack[n - 1]);
                let (func, cls) = (top(2), top(0));
                rec.consts.push(func);
                rec.guard(IrOp::GuardIs, Ty::Void, rf, Ref::NONE, func.0 as i64, pc);
                rec.consts.push(cls);
                rec.guard(IrOp::GuardIs, Ty::Void, rc, Ref::NONE, cls.0 as i64, pc);
                rec.guard_virtual_class(rv, top(1), &self.jit.layouts, pc)?;
                rec.stack.truncate(n - 3);
                let r = rec.k_val(Value::bool(answer));
                rec.stack.push(r);
            }
            Op::Call(1)
                if is_builtin_named(top(1), "len")
                    && self.plain_dunder(top(0), "__len__", 1).is_some() =>
            {
                // `len(obj)` of an instance whose class defines `__len__`:
                // inlined, its result checked at its `return` as `len` does
                let func = self.plain_dunder(top(0), "__len__", 1).expect("checked");
                rec.check_inline_call(pc, func)?;
                let n = rec.stack.len();
                let (rf, ro) = (rec.stack[n - 2], rec.stack[n - 1]);
                rec.guard(IrOp::GuardIs, Ty::Void, rf, Ref::NONE, top(1).0 as i64, pc);
                rec.consts.push(top(1));
                self.inline_special_method(rec, func, DunderOp::Len, top(0), vec![ro], 2, pc)?;
            }
            Op::Call(1) if is_builtin_named(top(1), "iter") && self.iterable_seq(top(0)) => {
                // `iter(xs)` of an exact list, tuple, str, range, dict or set:
                // the iterator `GetIter` makes
                let n = rec.stack.len();
                let (rf, rv) = (rec.stack[n - 2], rec.stack[n - 1]);
                rec.guard(IrOp::GuardIs, Ty::Void, rf, Ref::NONE, top(1).0 as i64, pc);
                rec.consts.push(top(1));
                let it = rec.guard(IrOp::CallG, Ty::Val, rv, Ref::NONE, helpers::GET_ITER, pc);
                rec.stack.truncate(n - 2);
                rec.stack.push(it);
            }
            _ if self.is_call_op(rec, fr, op) => return self.record_call_op(rec, fr, pc, op),
            // parameters left to their defaults get them as locals (constants of
            // the guarded function, or loaded from a nested one)
            Op::Call(argc)
                if self.inlinable_in(rec, top(argc as usize))
                    && self
                        .function(top(argc as usize))
                        .is_some_and(|f| fills_with_defaults(f, argc as usize)) =>
            {
                let argc = argc as usize;
                let func = top(argc);
                let n = rec.stack.len();
                let rf = rec.stack[n - argc - 1];
                let args = rec.stack[n - argc..].to_vec();
                record_inline_call(rec, func, rf, args, pc)?;
            }
            Op::LoadMethod(name_idx)
                if str_of(fr.code.names[name_idx as usize]) == "append"
                    && matches!(top(0).as_obj().map(|o| &o.data), Some(ObjData::List(_)))
                    && self.is_builtin_exact(top(0)) =>
            {
                // `lst.append(x)`: the list's type is checked by the helper at the call.
                let ro = *rec.stack.last().ok_or("stack underflow")?;
                rec.pop()?;
                // The stack holds what the interpreter's LoadMethod pushes, so an exit
                // before the call resumes with [list.append, lst].
                let name = fr.code.names[name_idx as usize];
                let ltype = self.types.list;
                let method = crate::vm::types::lookup(self, ltype, name).ok_or("no list.append")?;
                let m = rec.k_val(method);
                rec.stack.push(m);
                rec.stack.push(ro);
                rec.pending_appends.push(rec.stack.len());
            }
            Op::CallMethod(1) if rec.pending_appends.last() == Some(&(rec.stack.len() - 1)) => {
                rec.pending_appends.pop();
                let n = rec.stack.len();
                let (ro, rv) = (rec.stack[n - 2], rec.stack[n - 1]);
                let bv = rec.boxed(rv);
                rec.guard(IrOp::CallG, Ty::Val, bv, Ref::NONE, helpers::STASH, pc);
                rec.guard(
                    IrOp::CallG,
                    Ty::Val,
                    ro,
                    Ref::NONE,
                    helpers::LIST_APPEND,
                    pc,
                );
                rec.stack.truncate(n - 3);
                let none = rec.k_val(Value::NONE);
                rec.stack.push(none);
            }
            Op::MapAdd(d) if helpers::pure_dict_access(self, top(d as usize + 1), top(1)) => {
                // `{k: v for ...}`: the dict under the comprehension's iterator;
                // a key whose hash or equality could run Python code (or a
                // resize) leaves through the helper's exit
                let n = rec.stack.len();
                let (rk, rv) = (rec.stack[n - 2], rec.stack[n - 1]);
                let rd = rec.stack[n - 2 - d as usize];
                let bv = rec.boxed(rv);
                rec.guard(IrOp::CallG, Ty::Val, bv, Ref::NONE, helpers::STASH, pc);
                let bk = rec.boxed(rk);
                rec.guard(IrOp::CallG, Ty::Val, rd, bk, helpers::DICT_SET, pc);
                rec.stack.truncate(n - 2);
            }
            Op::SetAdd(d)
                if matches!(
                    top(d as usize).as_obj().map(|o| &o.data),
                    Some(ObjData::Set(_))
                ) && self.is_builtin_exact(top(d as usize))
                    && helpers::pure_key(self, top(0)) =>
            {
                let n = rec.stack.len();
                let (rs, rv) = (rec.stack[n - 1 - d as usize], rec.stack[n - 1]);
                let bv = rec.boxed(rv);
                rec.guard(IrOp::CallG, Ty::Val, rs, bv, helpers::SET_ADD, pc);
                rec.pop()?;
            }
            Op::In(invert) if self.plain_dunder(top(0), "__contains__", 2).is_some() => {
                // `x in obj` of an instance whose class defines `__contains__`:
                // inlined, the truth of its result taken at its `return`
                let func = self
                    .plain_dunder(top(0), "__contains__", 2)
                    .expect("checked");
                rec.check_inline_call(pc, func)?;
                let n = rec.stack.len();
                let (rx, ro) = (rec.stack[n - 2], rec.stack[n - 1]);
                let bx = rec.boxed(rx);
                let op = DunderOp::Contains(invert);
                self.inline_special_method(rec, func, op, top(0), vec![ro, bx], 2, pc)?;
            }
            Op::In(invert)
                if matches!(
                    top(0).as_obj().map(|o| &o.data),
                    Some(ObjData::List(_) | ObjData::Tuple(_))
                ) && self.is_builtin_exact(top(0))
                    && helpers::pure_key(self, top(1)) =>
            {
                rec.bool_helper_on_top_two(helpers::SEQ_CONTAINS, invert, pc);
            }
            Op::In(invert)
                if matches!(top(0).as_obj().map(|o| &o.data), Some(ObjData::Set(_)))
                    && self.is_builtin_exact(top(0))
                    && helpers::pure_key(self, top(1)) =>
            {
                rec.bool_helper_on_top_two(helpers::SET_CONTAINS, invert, pc);
            }
            Op::FormatValue(fl) if fl & 3 == 0 && self.plain_format(fl, fr) => {
                // `f"{x}"`, `f"{x:>8}"`: a str is itself, the rest formatted by a
                // helper that leaves for anything but ints, floats and strs
                let n = rec.stack.len();
                let has_spec = fl & 4 != 0;
                let (rv, rspec) = if has_spec {
                    (rec.stack[n - 2], rec.boxed(rec.stack[n - 1]))
                } else {
                    (rec.stack[n - 1], rec.k_val(Value::NONE))
                };
                let v = if has_spec { top(1) } else { top(0) };
                let r = if !has_spec && helpers::exact_str(self, v) {
                    rec.guard_class(rv, v, self.jit.layouts.class, pc);
                    rv
                } else {
                    let bv = rec.boxed(rv);
                    rec.guard(IrOp::CallG, Ty::Val, bv, rspec, helpers::FORMAT, pc)
                };
                rec.stack.truncate(n - 1 - usize::from(has_spec));
                rec.stack.push(r);
            }
            Op::BuildString(n) if (1..=32).contains(&n) => {
                // the pieces are strs (constants and FormatValue results)
                let k = rec.stack.len();
                let items: SmallVec<[Ref; 8]> = rec.stack[k - n as usize..].into();
                let r = match n {
                    1 => items[0],
                    2 => rec.guard(
                        IrOp::CallG,
                        Ty::Val,
                        items[0],
                        items[1],
                        helpers::STR_CONCAT,
                        pc,
                    ),
                    _ => rec.park_and_call(&items, helpers::STR_JOIN_N, pc),
                };
                rec.stack.truncate(k - n as usize);
                rec.stack.push(r);
            }
            Op::BuildMap(n @ 0..=16) => {
                let k = rec.stack.len();
                let refs: SmallVec<[Ref; 8]> = rec.stack[k - 2 * n as usize..].into();
                let items: SmallVec<[Ref; 8]> = refs.iter().map(|&r| rec.boxed(r)).collect();
                let r = match n {
                    0 => rec.guard(
                        IrOp::CallA,
                        Ty::Val,
                        Ref::NONE,
                        Ref::NONE,
                        helpers::NEW_DICT0,
                        pc,
                    ),
                    1 => rec.guard(
                        IrOp::CallG,
                        Ty::Val,
                        items[0],
                        items[1],
                        helpers::NEW_DICT1,
                        pc,
                    ),
                    _ => rec.park_and_call(&items, helpers::NEW_DICT_N, pc),
                };
                rec.stack.truncate(k - 2 * n as usize);
                rec.stack.push(r);
            }
            // `(... for x in it)`: `MakeFunction; Rot2; Call(1)` is one
            // helper call (the function a genexpr is made from is never seen:
            // one made here, a constant of the trace, stands in for it); the
            // recording skips the two bytecodes after it, and an exit re-runs
            // all three
            Op::MakeFunction(idx, fl @ (0 | 8))
                if self.jit.inline_drains
                    && fr
                        .code
                        .codes
                        .get(idx as usize)
                        .is_some_and(|c| is_genexpr(c))
                    && fr.code.ops.get(pc + 1) == Some(&Op::Rot2)
                    && fr.code.ops.get(pc + 2) == Some(&Op::Call(1))
                    && rec.skip.is_none() =>
            {
                let code = fr.code.codes[idx as usize].clone();
                let n = rec.stack.len();
                let with_closure = fl & 8 != 0;
                let it_at = n
                    .checked_sub(1 + usize::from(with_closure))
                    .ok_or("stack underflow")?;
                let closure = if with_closure {
                    rec.boxed(rec.stack[n - 1])
                } else {
                    rec.k_val(Value::NONE)
                };
                let it = rec.stack[it_at];
                let f = self.make_function(code, fr.globals, Value::NONE, Value::NONE, Value::NONE);
                rec.consts.push(f);
                let kf = rec.k_val(f);
                rec.store_args(&[it]);
                let g = rec.guard(IrOp::CallG, Ty::Val, kf, closure, helpers::MAKE_GENEXPR, pc);
                rec.stack.truncate(it_at);
                rec.stack.push(g);
                rec.skip = Some((pc, pc + 3));
            }
            Op::MakeFunction(idx, fl @ (0 | 8)) => {
                // an allocation only (`calla`); the code object lives in the
                // function constant or code this frame runs, which the trace keeps
                let code = fr.code.codes.get(idx as usize).ok_or("no such code")?;
                let kc = rec.trace.emit(
                    IrOp::KInt,
                    Ty::Ptr,
                    Ref::NONE,
                    Ref::NONE,
                    Rc::as_ptr(code) as i64,
                    None,
                );
                // (the guards' exits resume at this bytecode: its input stays on
                // the stack until they are emitted)
                let closure = if fl & 8 != 0 {
                    let r = *rec.stack.last().ok_or("stack underflow")?;
                    rec.boxed(r)
                } else {
                    rec.k_val(Value::NONE)
                };
                let g = rec.k_val(fr.globals);
                rec.guard(IrOp::CallG, Ty::Val, g, Ref::NONE, helpers::STASH, pc);
                let r = rec.guard(
                    IrOp::CallA,
                    Ty::Val,
                    kc,
                    closure,
                    helpers::MAKE_FUNCTION,
                    pc,
                );
                if fl & 8 != 0 {
                    rec.pop()?;
                }
                rec.stack.push(r);
            }
            Op::BuildList(n) if rec.sink_instances && n as usize <= virtuals::MAX_VIRTUAL_LIST => {
                // made only if something needs it (jit/virtuals.rs)
                let k = rec.stack.len();
                let items: SmallVec<[Ref; 8]> = rec.stack[k - n as usize..].into();
                let r = rec.new_virtual_list(&items);
                rec.stack.truncate(k - n as usize);
                rec.stack.push(r);
            }
            Op::ListAppend(d)
                if rec.virtual_list_with_room(rec.stack[rec.stack.len() - 1 - d as usize], 1) =>
            {
                let n = rec.stack.len();
                let (rl, rv) = (rec.stack[n - 1 - d as usize], rec.stack[n - 1]);
                rec.extend_virtual_list(rl, &[rv]);
                rec.pop()?;
            }
            Op::ListExtend(d)
                if rec.virtual_list_with_room(
                    rec.stack[rec.stack.len() - 1 - d as usize],
                    extended_len(rec, top(0), rec.stack.last().copied()),
                ) =>
            {
                // `f(a, *rest)`: the items of a tuple or list, read now
                let n = rec.stack.len();
                let (rl, rs) = (rec.stack[n - 1 - d as usize], rec.stack[n - 1]);
                let items = self
                    .extended_items(rec, top(0), rs, pc)
                    .ok_or("extend of a virtual list")?;
                rec.extend_virtual_list(rl, &items);
                rec.pop()?;
            }
            Op::ListToTuple
                if rec
                    .stack
                    .last()
                    .is_some_and(|&r| rec.virtual_list_with_room(r, 0)) =>
            {
                let rl = rec.pop()?;
                let items = rec.virtual_of(rl).fields.clone();
                let r = if items.is_empty() {
                    // (the empty tuple, as `new_tuple` gives it)
                    let k = rec.k_val(self.empty_tuple);
                    rec.tuples.insert(k, SmallVec::new());
                    k
                } else {
                    rec.new_virtual_tuple(&items)
                };
                rec.stack.push(r);
            }
            Op::CallEx(0)
                if rec
                    .stack
                    .last()
                    .is_some_and(|&r| rec.is_virtual(r) || self.is_builtin_exact(top(0)))
                    && self.callex_inlinable(
                        rec,
                        top(1),
                        top(0),
                        rec.stack.len().checked_sub(2).map(|i| rec.stack[i]),
                    ) =>
            {
                // `f(*args)` of a tuple the trace knows: the call inlined
                let n = rec.stack.len();
                let (rf, rt) = (rec.stack[n - 2], rec.stack[n - 1]);
                let items = self
                    .extended_items(rec, top(0), rt, pc)
                    .ok_or("not a tuple")?;
                let mut params: Vec<Option<Ref>> = Vec::with_capacity(items.len() + 1);
                let (func, callee) = match bound_self(rec, rf) {
                    Some(slf) => {
                        params.push(Some(slf));
                        (self.bound_func(top(1)).ok_or("not a bound method")?, None)
                    }
                    None => (top(1), Some(rf)),
                };
                params.extend(items.iter().map(|&r| Some(r)));
                record_inline_call_with(rec, func, callee, params, 2, pc)?;
            }
            Op::BuildList(n @ 0..=2) => {
                // an allocation only (`calla`)
                let k = rec.stack.len();
                let refs: SmallVec<[Ref; 2]> = rec.stack[k - n as usize..].into();
                let items: SmallVec<[Ref; 2]> = refs.iter().map(|&r| rec.boxed(r)).collect();
                let (a, b, helper) = match n {
                    0 => (Ref::NONE, Ref::NONE, helpers::NEW_LIST0),
                    1 => (items[0], Ref::NONE, helpers::NEW_LIST1),
                    _ => (items[0], items[1], helpers::NEW_LIST2),
                };
                let r = rec.guard(IrOp::CallA, Ty::Val, a, b, helper, pc);
                rec.stack.truncate(k - n as usize);
                rec.stack.push(r);
            }
            Op::BuildList(n @ 3..=MAX_BUILT_TUPLE) => {
                // (the items but the last two parked, as for tuples)
                let k = rec.stack.len();
                let refs: SmallVec<[Ref; 8]> = rec.stack[k - n as usize..].into();
                let boxed: SmallVec<[Ref; 8]> = refs.iter().map(|&r| rec.boxed(r)).collect();
                let r = rec.park_and_call(&boxed, helpers::NEW_LIST_N, pc);
                rec.stack.truncate(k - n as usize);
                rec.stack.push(r);
            }
            Op::ListAppend(d) => {
                let n = rec.stack.len();
                let list = fr.peek(d as usize);
                if !matches!(list.as_obj().map(|o| &o.data), Some(ObjData::List(_))) {
                    return Err("list append target".into());
                }
                let rv = rec.stack[n - 1];
                let rl = rec.stack[n - 1 - d as usize];
                let bv = rec.boxed(rv);
                rec.guard(IrOp::CallG, Ty::Val, bv, Ref::NONE, helpers::STASH, pc);
                rec.guard(
                    IrOp::CallG,
                    Ty::Val,
                    rl,
                    Ref::NONE,
                    helpers::LIST_APPEND,
                    pc,
                );
                rec.pop()?;
            }
            Op::LoadMethod(name_idx)
                if rec.stack.last().is_some_and(|r| rec.supers.contains_key(r))
                    && self
                        .super_method_of(top(0), fr.code.names[name_idx as usize])
                        .is_some() =>
            {
                // `super().name(...)`: the function is a constant while the first
                // argument's class (whose version covers its whole MRO) stays
                let name = fr.code.names[name_idx as usize];
                let (func, inner) = self.super_method_of(top(0), name).expect("checked");
                // the guards' exits resume at this LoadMethod: the proxy stays
                // on the stack until they are emitted
                let rs = *rec.stack.last().ok_or("stack underflow")?;
                let ri = rec.supers[&rs];
                let cls = inner.obj().class();
                let layouts = self.jit.layouts;
                rec.guard_class(ri, inner, layouts.class, pc);
                let ObjData::Type(t) = &cls.obj().data else {
                    return Err("class is not a type".into());
                };
                if rec.is_volatile(t) {
                    return Err("super() of a changing class".into());
                }
                rec.guard_type_version(cls, t, &layouts, pc);
                rec.pop()?;
                let rf = rec.k_val(func);
                rec.stack.push(rf);
                rec.stack.push(ri);
            }
            Op::LoadMethod(name_idx)
                if builtin_method_of(self, top(0), fr.code.names[name_idx as usize]).is_some() =>
            {
                // `line.split(" ")`, `lst.insert(i, x)`: a method of an exact
                // built-in type (which nothing can change) is a constant under a
                // class guard, and the call one residual call with no bound method
                let obj = top(0);
                let name = fr.code.names[name_idx as usize];
                let method = builtin_method_of(self, obj, name).expect("checked");
                let ro = *rec.stack.last().ok_or("stack underflow")?;
                let layouts = self.jit.layouts;
                rec.guard_class(ro, obj, layouts.class, pc);
                let cls = obj.obj().class();
                if !self.is_builtin_exact(obj) {
                    // a native type of a module (`_random._MersenneTwister`):
                    // its namespace can change, so its version is guarded too
                    let ObjData::Type(t) = &cls.obj().data else {
                        return Err("class is not a type".into());
                    };
                    if rec.is_volatile(t) {
                        return Err("method of a changing native class".into());
                    }
                    rec.guard_type_version(cls, t, &layouts, pc);
                }
                rec.pop()?;
                let rf = rec.k_val(method);
                rec.stack.push(rf);
                rec.stack.push(ro);
            }
            Op::LoadAttr(n) | Op::LoadMethod(n)
                if self
                    .class_function_attr(top(0), fr.code.names[n as usize])
                    .is_some() =>
            {
                // `Base.__init__(self, ...)`, `Cls.helper(x)`: a Python function
                // found on the class, which the class's guards pin; a function
                // read from a class is itself (no binding)
                let cls = top(0);
                let f = self
                    .class_function_attr(cls, fr.code.names[n as usize])
                    .ok_or("not a class function")?;
                let ObjData::Type(t) = &cls.obj().data else {
                    return Err("not a class".into());
                };
                if rec.is_volatile(t) {
                    return Err(format!("attribute of class '{}' (changing)", t.name));
                }
                // (the guards' exits resume at this bytecode: the class stays
                // on the stack until they are emitted)
                let ro = *rec.stack.last().ok_or("stack underflow")?;
                rec.consts.push(cls);
                rec.guard(IrOp::GuardIs, Ty::Void, ro, Ref::NONE, cls.0 as i64, pc);
                let layouts = self.jit.layouts;
                rec.guard_type_version(cls, t, &layouts, pc);
                rec.pop()?;
                let r = rec.k_val(f);
                rec.stack.push(r);
                if matches!(op, Op::LoadMethod(_)) {
                    let empty = rec.k_val(Value::EMPTY);
                    rec.stack.push(empty);
                }
            }
            Op::LoadMethod(name_idx) => {
                let obj = top(0);
                let name = fr.code.names[name_idx as usize];
                let Some(func) = self.plain_method(obj, name) else {
                    return Err(format!("method '{}' of {}", str_of(name), kind_name(obj)));
                };
                let ro = *rec.stack.last().ok_or("stack underflow")?;
                // an instance attribute of that name (even an unset slot) could
                // shadow the method without changing the shape: helper path then
                let unshadowed = matches!(&obj.obj().data,
                    ObjData::Instance(i) if i.shape.get().lookup(name).is_none());
                let rf =
                    if unshadowed && rec.guard_instance(ro, obj, &self.jit.layouts, pc).is_some() {
                        rec.k_val(func)
                    } else {
                        let nm = rec.k_val(name);
                        let rf = rec.guard(IrOp::CallG, Ty::Val, ro, nm, helpers::LOAD_METHOD, pc);
                        rec.consts.push(func);
                        rec.guard(IrOp::GuardIs, Ty::Void, rf, Ref::NONE, func.0 as i64, pc);
                        rf
                    };
                rec.pop()?;
                rec.stack.push(rf);
                rec.stack.push(ro);
            }
            Op::CallMethod(argc @ (0..=2))
                if self
                    .list_method_helper(top(argc as usize + 1), argc)
                    .is_some()
                    && matches!(
                        top(argc as usize).as_obj().map(|o| &o.data),
                        Some(ObjData::List(_))
                    )
                    && self.is_builtin_exact(top(argc as usize)) =>
            {
                // `lst.pop()`, `lst.pop(i)`, `lst.insert(i, x)`: the method was
                // pushed as a constant under the list's class guard
                let helper = self
                    .list_method_helper(top(argc as usize + 1), argc)
                    .expect("checked");
                let argc = argc as usize;
                let n = rec.stack.len();
                let rl = rec.stack[n - argc - 1];
                let r = if helper == helpers::LIST_INSERT {
                    let (ri, rv) = (rec.stack[n - 2], rec.stack[n - 1]);
                    let bv = rec.boxed(rv);
                    rec.guard(IrOp::CallG, Ty::Val, bv, Ref::NONE, helpers::STASH, pc);
                    let bi = rec.boxed(ri);
                    rec.guard(IrOp::CallG, Ty::Val, rl, bi, helper, pc)
                } else {
                    let bi = if argc == 1 {
                        rec.boxed(rec.stack[n - 1])
                    } else {
                        rec.k_val(Value::NONE)
                    };
                    rec.guard(IrOp::CallG, Ty::Val, rl, bi, helper, pc)
                };
                rec.stack.truncate(n - argc - 2);
                rec.stack.push(r);
            }
            Op::CallMethod(argc @ 0..=3)
                if helpers::pure_methods::pure_method(
                    self,
                    top(argc as usize + 1),
                    top(argc as usize),
                ) && (0..argc as usize)
                    .all(|k| helpers::pure_methods::plain_arg(self, top(k), true)) =>
            {
                // `line.strip()`, `s.split(",")`, `s.replace(a, b)`: the method
                // (a constant under the receiver's class guard) is called directly
                let argc = argc as usize;
                let n = rec.stack.len();
                let (rm, rs) = (rec.stack[n - argc - 2], rec.stack[n - argc - 1]);
                rec.guard(IrOp::CallG, Ty::Val, rm, Ref::NONE, helpers::STASH, pc);
                // arguments after the first are parked, the first cleaning up
                // what an exit may have left
                for k in 1..argc {
                    let b = rec.boxed(rec.stack[n - argc + k]);
                    let park = if k == 1 {
                        helpers::TUPLE_FIRST
                    } else {
                        helpers::TUPLE_ITEM
                    };
                    rec.guard(IrOp::CallG, Ty::Val, b, Ref::NONE, park, pc);
                }
                let a = if argc >= 1 {
                    rec.boxed(rec.stack[n - argc])
                } else {
                    rec.k_val(Value::EMPTY)
                };
                let helper = if argc >= 2 {
                    helpers::PURE_METHOD_N
                } else {
                    helpers::PURE_METHOD
                };
                let r = rec.guard(IrOp::CallG, Ty::Val, rs, a, helper, pc);
                rec.stack.truncate(n - argc - 2);
                rec.stack.push(r);
            }
            Op::CallMethod(1)
                if self.is_set_add(top(2))
                    && matches!(top(1).as_obj().map(|o| &o.data), Some(ObjData::Set(_)))
                    && self.is_builtin_exact(top(1))
                    && helpers::pure_key(self, top(0)) =>
            {
                // `seen.add(x)`: the method was pushed as a constant under the
                // set's class guard
                let n = rec.stack.len();
                let (rs, rv) = (rec.stack[n - 2], rec.stack[n - 1]);
                let bv = rec.boxed(rv);
                rec.guard(IrOp::CallG, Ty::Val, rs, bv, helpers::SET_ADD, pc);
                rec.stack.truncate(n - 3);
                let none = rec.k_val(Value::NONE);
                rec.stack.push(none);
            }
            Op::CallMethod(argc @ (1 | 2))
                if self.dict_method_helper(top(argc as usize + 1)).is_some()
                    && helpers::pure_dict_access(
                        self,
                        top(argc as usize),
                        top(argc as usize - 1),
                    ) =>
            {
                // `d.get(k)`, `d.get(k, v)`, `d.setdefault(k, v)`: the method was
                // pushed as a constant under the dict's class guard
                let helper = self
                    .dict_method_helper(top(argc as usize + 1))
                    .expect("checked");
                if helper == helpers::DICT_SETDEFAULT && argc == 1 {
                    return Err("setdefault without a default".into());
                }
                let n = rec.stack.len();
                let argc = argc as usize;
                let (rd, rk) = (rec.stack[n - argc - 1], rec.stack[n - argc]);
                let dflt = if argc == 2 {
                    rec.boxed(rec.stack[n - 1])
                } else {
                    rec.k_val(Value::NONE)
                };
                rec.guard(IrOp::CallG, Ty::Val, dflt, Ref::NONE, helpers::STASH, pc);
                let bk = rec.boxed(rk);
                let r = rec.guard(IrOp::CallG, Ty::Val, rd, bk, helper, pc);
                rec.stack.truncate(n - argc - 2);
                rec.stack.push(r);
            }
            Op::CallMethod(argc)
                if !top(argc as usize).is_empty()
                    && self.inlinable_in(rec, top(argc as usize + 1))
                    && self
                        .function(top(argc as usize + 1))
                        .is_some_and(|f| fills_with_defaults(f, argc as usize + 1)) =>
            {
                let argc = argc as usize;
                let func = top(argc + 1);
                rec.check_inline_call(pc, func)?;
                let n = rec.stack.len();
                let rf = rec.stack[n - argc - 2];
                let mut args = rec.stack[n - argc - 1..].to_vec();
                let _ = rf;
                // (a method is a constant: its defaults are too)
                let f = self.function(func).ok_or("not a function")?;
                let (want, defaults) = (f.code.argcount as usize, &f.defaults);
                for &d in &defaults[defaults.len() + args.len() - want..] {
                    let r = rec.k_val(d);
                    args.push(r);
                }
                // The function was guarded by LoadMethod; self is the first argument.
                rec.stack.truncate(n - argc - 2);
                let code = self.function(func).unwrap().code.clone();
                rec.enter_inline(func, code, args, pc);
            }
            Op::LoadConst(k) => {
                let r = rec.k_const(fr.code.consts[k as usize]);
                rec.stack.push(r);
            }
            Op::LoadName(n) | Op::LoadGlobal(n)
                if (fr.locals.is_none() || matches!(op, Op::LoadGlobal(_)))
                    && rec.const_globals =>
            {
                let name = fr.code.names[n as usize];
                let r = match self.dict_get_str(fr.globals, name) {
                    Some(v) => {
                        rec.guard_dict_unchanged(fr.globals, self.jit.layouts.dict_version, pc);
                        v
                    }
                    None => {
                        let v = self
                            .dict_get_str(self.builtins, name)
                            .ok_or_else(|| format!("unbound global '{}'", str_of(name)))?;
                        let at = self.jit.layouts.dict_version;
                        rec.guard_dict_unchanged(fr.globals, at, pc);
                        rec.guard_dict_unchanged(self.builtins, at, pc);
                        v
                    }
                };
                let r = rec.k_val(r);
                rec.stack.push(r);
            }
            Op::LoadName(n) | Op::LoadGlobal(n)
                if fr.locals.is_none() || matches!(op, Op::LoadGlobal(_)) =>
            {
                // a loop that stores globals: by position, else by helper
                let name = fr.code.names[n as usize];
                let r = match self.record_global_load(rec, fr.globals, name, pc) {
                    Some(r) => r,
                    None => {
                        let g = rec.k_val(fr.globals);
                        let nm = rec.k_val(name);
                        rec.guard(IrOp::CallG, Ty::Val, g, nm, helpers::LOAD_GLOBAL, pc)
                    }
                };
                rec.stack.push(r);
            }
            Op::StoreName(n) | Op::StoreGlobal(n)
                if fr.locals.is_none() || matches!(op, Op::StoreGlobal(_)) =>
            {
                if rec.const_globals {
                    self.jit.volatile_globals.insert(rec.key);
                    return Err(crate::jit::GLOBALS_WRITTEN.into());
                }
                let name = fr.code.names[n as usize];
                if self.dict_get_str(fr.globals, name).is_none() {
                    return Err(format!("new global '{}'", str_of(name)));
                }
                if !self.record_global_store(rec, fr.globals, name, pc) {
                    let rv = *rec.stack.last().ok_or("stack underflow")?;
                    let bv = rec.boxed(rv);
                    rec.guard(IrOp::CallG, Ty::Val, bv, Ref::NONE, helpers::STASH, pc);
                    let g = rec.k_val(fr.globals);
                    let nm = rec.k_val(name);
                    rec.guard(IrOp::CallG, Ty::Val, g, nm, helpers::STORE_GLOBAL, pc);
                }
                rec.pop()?;
            }
            Op::GetIter
                if matches!(
                    top(0).as_obj().map(|o| &o.data),
                    Some(ObjData::Iter(_) | ObjData::Generator(_))
                ) && (self.is_builtin_exact(top(0))
                    && top(0).obj().class() != self.types.coroutine
                    && top(0).obj().class() != self.types.async_generator) =>
            {
                // `iter(it)` of a built-in iterator or a generator is `it`
                let rv = *rec.stack.last().ok_or("stack underflow")?;
                rec.guard_class(rv, top(0), self.jit.layouts.class, pc);
            }
            Op::GetIter if self.plain_dunder(top(0), "__iter__", 1).is_some() => {
                // `for x in obj` where obj's class defines `__iter__` as a plain
                // function (`return iter(self.items)`): inlined, what it
                // returns checked at its `return` to be an iterator
                let func = self.plain_dunder(top(0), "__iter__", 1).expect("checked");
                rec.check_inline_call(pc, func)?;
                let ro = *rec.stack.last().ok_or("stack underflow")?;
                self.inline_special_method(rec, func, DunderOp::Iter, top(0), vec![ro], 1, pc)?;
            }
            Op::GetIter if self.generator_iter_dunder(top(0)).is_some() => {
                // `for x in obj` where obj's class defines `__iter__` as a
                // generator function: the generator is made by a helper, as
                // for `gen(obj)` (no code of it runs until its first
                // resumption, which the `ForIter` inlines)
                let obj = top(0);
                let func = self.generator_iter_dunder(obj).expect("checked");
                let ro = *rec.stack.last().ok_or("stack underflow")?;
                if rec.guard_instance(ro, obj, &self.jit.layouts, pc).is_none() {
                    return Err("__iter__ of an unguardable instance".into());
                }
                let rf = rec.k_val(func);
                let bo = rec.boxed(ro);
                let r = rec.guard(IrOp::CallG, Ty::Val, rf, bo, helpers::MAKE_GEN1, pc);
                rec.pop()?;
                rec.stack.push(r);
            }
            Op::GetIter => {
                let v = top(0);
                if !self.iterable_seq(v) {
                    return Err(format!("iterate over {}", kind_name(v)));
                }
                let rv = *rec.stack.last().ok_or("stack underflow")?;
                let it = rec.guard(IrOp::CallG, Ty::Val, rv, Ref::NONE, helpers::GET_ITER, pc);
                rec.pop()?;
                rec.stack.push(it);
            }
            Op::Call(1)
                if self.is_len_call(top(1), top(0))
                    && rec.stack.last().is_some_and(|&r| {
                        rec.virtuals.get(&r).is_some_and(|v| {
                            matches!(v.kind, virtuals::Kind::Tuple | virtuals::Kind::List)
                        })
                    }) =>
            {
                // (a tuple or list the trace has not made: its length is known)
                let n = rec.stack.len();
                let (rf, ra) = (rec.stack[n - 2], rec.stack[n - 1]);
                rec.guard(IrOp::GuardIs, Ty::Void, rf, Ref::NONE, top(1).0 as i64, pc);
                rec.consts.push(top(1));
                let len = rec.virtual_of(ra).fields.len() as i64;
                rec.stack.truncate(n - 2);
                let r = rec.k_int(len);
                rec.stack.push(r);
            }
            Op::Call(1) if self.is_len_call(top(1), top(0)) => {
                let n = rec.stack.len();
                let (rf, ra) = (rec.stack[n - 2], rec.stack[n - 1]);
                rec.guard(IrOp::GuardIs, Ty::Void, rf, Ref::NONE, top(1).0 as i64, pc);
                rec.consts.push(top(1));
                let r = match self.inline_seq(top(0)) {
                    Some(s) => {
                        let p = rec.guard_class(ra, top(0), self.jit.layouts.class, pc);
                        rec.seq_len(s, p)
                    }
                    None => rec.guard(IrOp::CallG, Ty::Val, ra, Ref::NONE, helpers::LEN, pc),
                };
                rec.stack.truncate(n - 2);
                rec.stack.push(r);
            }
            Op::LoadClosure(i) => {
                // the cell object itself (to build a closure): a frame's cells
                // never change, so this is a plain load of its slot (an inlined
                // call's `LoadClosure` was refused above)
                let cell = self.cell_ref(rec, fr, i, pc)?;
                rec.stack.push(cell);
            }
            Op::LoadDeref(i) => {
                // a load, guarded bound (a cell slot always holds a cell): no
                // helper call, so the loads around it stay known (`cse`)
                let cell = self.cell_ref(rec, fr, i, pc)?;
                let p = rec.guard(IrOp::GuardObj, Ty::Ptr, cell, Ref::NONE, 0, pc);
                let at = self.jit.layouts.cell_value;
                let w = rec.trace.emit(IrOp::Load, Ty::I64, p, Ref::NONE, at, None);
                let empty = rec.k_int(Value::EMPTY.0 as i64);
                let bound = rec.trace.emit(IrOp::INe, Ty::Bool, w, empty, 0, None);
                rec.guard(IrOp::GuardTrue, Ty::Void, bound, Ref::NONE, 0, pc);
                let r = rec.trace.emit(IrOp::Load, Ty::Val, p, Ref::NONE, at, None);
                rec.stack.push(r);
            }
            Op::StoreDeref(i) => {
                let cell = self.cell_ref(rec, fr, i, pc)?;
                let rv = *rec.stack.last().ok_or("stack underflow")?;
                let bv = rec.boxed(rv);
                rec.guard(IrOp::CallG, Ty::Val, bv, Ref::NONE, helpers::STASH, pc);
                rec.guard(IrOp::CallG, Ty::Val, cell, Ref::NONE, helpers::CELL_SET, pc);
                rec.pop()?;
            }
            Op::BuildTuple(n) if (1..=MAX_BUILT_TUPLE).contains(&n) && rec.sink_instances => {
                // made only if something needs it (jit/virtuals.rs)
                let k = rec.stack.len();
                let items: SmallVec<[Ref; 4]> =
                    rec.stack[k - n as usize..].iter().copied().collect();
                let r = rec.new_virtual_tuple(&items);
                rec.stack.truncate(k - n as usize);
                rec.stack.push(r);
            }
            Op::BuildTuple(n) if (1..=MAX_BUILT_TUPLE).contains(&n) => {
                let k = rec.stack.len();
                let items: SmallVec<[Ref; 4]> =
                    rec.stack[k - n as usize..].iter().copied().collect();
                let boxed: SmallVec<[Ref; 4]> = items.iter().map(|&r| rec.boxed(r)).collect();
                let r = match n {
                    1 => rec.guard(
                        IrOp::CallA,
                        Ty::Val,
                        boxed[0],
                        Ref::NONE,
                        helpers::NEW_TUPLE1,
                        pc,
                    ),
                    2 => rec.guard(
                        IrOp::CallA,
                        Ty::Val,
                        boxed[0],
                        boxed[1],
                        helpers::NEW_TUPLE2,
                        pc,
                    ),
                    _ => {
                        // parking the items is an effect, so this tuple stays
                        rec.park_and_call(&boxed, helpers::NEW_TUPLE_N, pc)
                    }
                };
                rec.stack.truncate(k - n as usize);
                rec.stack.push(r);
                rec.tuples.insert(r, items);
            }
            Op::UnpackSequence(n)
                if rec
                    .tuples
                    .get(rec.stack.last().ok_or("stack underflow")?)
                    .is_some_and(|t| t.len() == n as usize) =>
            {
                let rs = rec.pop()?;
                let items = rec.tuples[&rs].clone();
                rec.stack.extend(items.into_iter().rev());
            }
            Op::UnpackSequence(n) => {
                let seq = top(0);
                let len = match seq.as_obj().map(|o| &o.data) {
                    Some(ObjData::Tuple(t)) if self.is_builtin_exact(seq) => t.len(),
                    Some(ObjData::List(l)) if self.is_builtin_exact(seq) => l.get().len(),
                    _ => return Err(format!("unpack {}", kind_name(seq))),
                };
                if len != n as usize {
                    return Err("unpack length mismatch".into());
                }
                let rs = *rec.stack.last().ok_or("stack underflow")?;
                if let Some(s) = self.inline_seq(seq) {
                    let p = rec.guard_class(rs, seq, self.jit.layouts.class, pc);
                    let items = rec.seq_items_exact(s, p, n as usize, pc);
                    rec.pop()?;
                    rec.stack.extend(items.into_iter().rev());
                    return Ok(());
                }
                let l = rec.guard(IrOp::CallG, Ty::Val, rs, Ref::NONE, helpers::LEN, pc);
                let li = rec.as_int(l, pc);
                let want = rec.k_int(n as i64);
                let ok = rec.trace.emit(IrOp::IEq, Ty::Bool, li, want, 0, None);
                rec.guard(IrOp::GuardTrue, Ty::Void, ok, Ref::NONE, 0, pc);
                let mut items = Vec::with_capacity(n as usize);
                for k in 0..n {
                    let kk = rec.k_int(k as i64);
                    let bk = rec.boxed(kk);
                    items.push(rec.guard(IrOp::CallG, Ty::Val, rs, bk, helpers::SEQ_GET, pc));
                }
                rec.pop()?;
                for r in items.into_iter().rev() {
                    rec.stack.push(r);
                }
            }
            Op::Is(invert) => rec.bool_helper_on_top_two(helpers::IS, invert, pc),
            Op::Binary(bop) if self.operator_dunder(bop, top(1), top(0)).is_some() => {
                // `a + b` on an instance whose class defines `__add__` as a plain
                // function: inlined under guards on both operands' classes (so
                // `b`'s reflected method cannot come first)
                let func = self.operator_dunder(bop, top(1), top(0)).expect("checked");
                let op = DunderOp::Binary(bop);
                self.inline_operator_dunder(rec, func, op, (top(1), top(0)), pc)?;
            }
            Op::Compare(cop) if self.compare_dunder(cop, top(1), top(0)).is_some() => {
                // `a < b` on instances whose class defines `__lt__` (or, for
                // `b`'s reflected `__gt__` when `a`'s class has only object's)
                // as a plain function: inlined as `a + b`'s dunder is, a
                // NotImplemented it returns leaving to the rest of the protocol
                let (func, op) = self.compare_dunder(cop, top(1), top(0)).expect("checked");
                self.inline_operator_dunder(rec, func, op, (top(1), top(0)), pc)?;
            }
            Op::Binary(BinOp::Mod) if helpers::exact_str(self, top(1)) => {
                // `"v%d" % i`: the helper leaves on anything but plain values
                let n = rec.stack.len();
                let (ra, rb) = (rec.stack[n - 2], rec.stack[n - 1]);
                let (ba, bb) = (rec.boxed(ra), rec.boxed(rb));
                let r = rec.guard(IrOp::CallG, Ty::Val, ba, bb, helpers::STR_MOD, pc);
                rec.stack.truncate(n - 2);
                rec.stack.push(r);
            }
            Op::Binary(BinOp::Mul) if top(0).is_small_int() && helpers::exact_str(self, top(1)) => {
                // `"-" * n`
                let n = rec.stack.len();
                let (ra, rb) = (rec.stack[n - 2], rec.stack[n - 1]);
                let k = rec.as_int(rb, pc);
                let (ba, bk) = (rec.boxed(ra), rec.boxed(k));
                let r = rec.guard(IrOp::CallG, Ty::Val, ba, bk, helpers::STR_REPEAT, pc);
                rec.stack.truncate(n - 2);
                rec.stack.push(r);
            }
            Op::Binary(BinOp::Mul)
                if top(0).is_small_int()
                    && matches!(top(1).as_obj().map(|o| &o.data), Some(ObjData::List(_)))
                    && self.is_builtin_exact(top(1)) =>
            {
                // `[0] * n`
                let n = rec.stack.len();
                let (ra, rb) = (rec.stack[n - 2], rec.stack[n - 1]);
                let k = rec.as_int(rb, pc);
                let bk = rec.boxed(k);
                let r = rec.guard(IrOp::CallG, Ty::Val, ra, bk, helpers::LIST_REPEAT, pc);
                rec.stack.truncate(n - 2);
                rec.stack.push(r);
            }
            Op::Binary(BinOp::Add) if self.is_exact_seq_pair(top(1), top(0)) => {
                // `a + b` of two lists or two tuples: a new one (`+=` on a
                // list extends it in place: not this)
                let n = rec.stack.len();
                let (ra, rb) = (rec.stack[n - 2], rec.stack[n - 1]);
                let r = rec.guard(IrOp::CallG, Ty::Val, ra, rb, helpers::SEQ_CONCAT, pc);
                rec.stack.truncate(n - 2);
                rec.stack.push(r);
            }
            Op::Binary(BinOp::Add) | Op::InplaceBinary(BinOp::Add)
                if helpers::exact_str(self, top(1)) && helpers::exact_str(self, top(0)) =>
            {
                let n = rec.stack.len();
                let (ra, rb) = (rec.stack[n - 2], rec.stack[n - 1]);
                let (ba, bb) = (rec.boxed(ra), rec.boxed(rb));
                let r = rec.guard(IrOp::CallG, Ty::Val, ba, bb, helpers::STR_CONCAT, pc);
                rec.stack.truncate(n - 2);
                rec.stack.push(r);
            }
            Op::Binary(bop) | Op::InplaceBinary(bop)
                if self.jit.wrapping_ints
                    && wrapping::chain_at(fr, pc, bop, top(1), top(0)).is_some() =>
            {
                let chain = wrapping::chain_at(fr, pc, bop, top(1), top(0)).expect("checked");
                rec.record_wrapping_chain(bop, chain, pc);
            }
            Op::Binary(bop @ (BinOp::Add | BinOp::Sub | BinOp::Mul))
            | Op::InplaceBinary(bop @ (BinOp::Add | BinOp::Sub | BinOp::Mul))
                if (top(1).is_bool() || top(0).is_bool())
                    && [top(1), top(0)]
                        .iter()
                        .all(|v| v.is_bool() || v.is_small_int() || v.is_float()) =>
            {
                // `hits += x in seen`: a bool is the int 0 or 1 (its selector
                // mask, -1 or 0, and 1), then int or float arithmetic
                let n = rec.stack.len();
                let mut operands = [(rec.stack[n - 2], top(1)), (rec.stack[n - 1], top(0))];
                for (r, v) in operands.iter_mut() {
                    if v.is_bool() {
                        let c = rec.as_cond(*r, *v, pc)?;
                        let m = rec.trace.emit(IrOp::Mask, Ty::I64, c, Ref::NONE, 0, None);
                        let one = rec.k_int(1);
                        *r = rec.trace.emit(IrOp::BAnd, Ty::I64, m, one, 0, None);
                        *v = Value::small_int(i64::from(*v == Value::TRUE));
                    }
                }
                let [(ra, a), (rb, b)] = operands;
                let r = record_binop(rec, bop, ra, rb, a, b, pc)?;
                rec.stack.truncate(n - 2);
                rec.stack.push(r);
            }
            Op::Binary(bop) | Op::InplaceBinary(bop) => {
                let (a, b) = (top(1), top(0));
                let rb = rec.stack[rec.stack.len() - 1];
                let ra = rec.stack[rec.stack.len() - 2];
                let r = match record_binop(rec, bop, ra, rb, a, b, pc) {
                    Ok(r) => r,
                    Err(_) if helpers::exact_int(self, a) && helpers::exact_int(self, b) => {
                        // past the inline ints: a helper, on boxed ints
                        let helper = match bop {
                            BinOp::Add => helpers::INT_ADD,
                            BinOp::Sub => helpers::INT_SUB,
                            BinOp::Mul => helpers::INT_MUL,
                            BinOp::Mod => helpers::INT_MOD,
                            BinOp::FloorDiv => helpers::INT_FLOORDIV,
                            _ => return Err(format!("int {}", bop.symbol())),
                        };
                        let (ba, bb) = (rec.boxed(ra), rec.boxed(rb));
                        rec.guard(IrOp::CallG, Ty::Val, ba, bb, helper, pc)
                    }
                    Err(e) => return Err(e),
                };
                rec.pop()?;
                rec.pop()?;
                rec.stack.push(r);
            }
            Op::Subscr
                if helpers::pure_dict_access(self, top(1), top(0))
                    && !self.dict_has(top(1), top(0))
                    && self.record_key_error(rec, pc)? => {}
            Op::Subscr if helpers::pure_dict_access(self, top(1), top(0)) => {
                let n = rec.stack.len();
                let (ro, rk) = (rec.stack[n - 2], rec.stack[n - 1]);
                let bk = rec.boxed(rk);
                let r = rec.guard(IrOp::CallG, Ty::Val, ro, bk, helpers::DICT_GET, pc);
                rec.stack.truncate(n - 2);
                rec.stack.push(r);
            }
            Op::StoreSubscr if helpers::pure_dict_access(self, top(1), top(0)) => {
                let n = rec.stack.len();
                let (rv, ro, rk) = (rec.stack[n - 3], rec.stack[n - 2], rec.stack[n - 1]);
                let bv = rec.boxed(rv);
                rec.guard(IrOp::CallG, Ty::Val, bv, Ref::NONE, helpers::STASH, pc);
                let bk = rec.boxed(rk);
                rec.guard(IrOp::CallG, Ty::Val, ro, bk, helpers::DICT_SET, pc);
                rec.stack.truncate(n - 3);
            }
            Op::In(invert) if helpers::pure_dict_access(self, top(0), top(1)) => {
                rec.bool_helper_on_top_two(helpers::DICT_CONTAINS, invert, pc);
            }
            Op::Subscr if self.getitem_dunder(top(1)).is_some() => {
                // `obj[k]` on an instance whose class defines `__getitem__` as a
                // plain function: inlined under guards on the class, like a
                // method call (its `return` hands the caller the item)
                let obj = top(1);
                let func = self.getitem_dunder(obj).expect("checked");
                rec.check_inline_call(pc, func)?;
                let n = rec.stack.len();
                let (ro, rk) = (rec.stack[n - 2], rec.stack[n - 1]);
                if rec.guard_instance(ro, obj, &self.jit.layouts, pc).is_none() {
                    return Err("__getitem__ of an unguardable instance".into());
                }
                rec.stack.truncate(n - 2);
                let code = self.function(func).ok_or("not a function")?.code.clone();
                rec.enter_inline(func, code, vec![ro, rk], pc);
            }
            Op::DeleteSubscr
                if top(0).is_small_int()
                    && matches!(top(1).as_obj().map(|o| &o.data), Some(ObjData::List(_)))
                    && self.is_builtin_exact(top(1)) =>
            {
                // `del lst[i]`: list.pop's helper, its item dropped (an index
                // out of range leaves: the interpreter raises IndexError)
                let n = rec.stack.len();
                let (rl, ri) = (rec.stack[n - 2], rec.stack[n - 1]);
                let i = rec.as_int(ri, pc);
                let bi = rec.boxed(i);
                rec.guard(IrOp::CallG, Ty::Val, rl, bi, helpers::LIST_POP, pc);
                rec.stack.truncate(n - 2);
            }
            Op::Subscr
                if self.dict_item_methods(top(1), top(0), "__getitem__")
                    && (rec.side.is_none() || self.dict_has(top(1), top(0))) =>
            {
                // `counts[k]` on a Counter or defaultdict: dict's own lookup
                // under a guard on the class (a missing key leaves: the
                // interpreter calls `__missing__`)
                let n = rec.stack.len();
                let (ro, rk) = (rec.stack[n - 2], rec.stack[n - 1]);
                self.guard_dict_class(rec, ro, top(1), pc)?;
                let bk = rec.boxed(rk);
                let r = rec.guard(IrOp::CallG, Ty::Val, ro, bk, helpers::SUBDICT_GET, pc);
                rec.stack.truncate(n - 2);
                rec.stack.push(r);
            }
            Op::StoreSubscr if self.dict_item_methods(top(1), top(0), "__setitem__") => {
                let n = rec.stack.len();
                let (rv, ro, rk) = (rec.stack[n - 3], rec.stack[n - 2], rec.stack[n - 1]);
                self.guard_dict_class(rec, ro, top(1), pc)?;
                rec.store_args(&[rv]);
                let bk = rec.boxed(rk);
                rec.guard(IrOp::CallG, Ty::Val, ro, bk, helpers::SUBDICT_SET, pc);
                rec.stack.truncate(n - 3);
            }
            Op::In(invert) if self.dict_item_methods(top(0), top(1), "__contains__") => {
                let n = rec.stack.len();
                self.guard_dict_class(rec, rec.stack[n - 1], top(0), pc)?;
                rec.bool_helper_on_top_two(helpers::SUBDICT_CONTAINS, invert, pc);
            }
            Op::Compare(cop) if self.plain_seq_pair(top(1), top(0)) => {
                // `(a.x, a.y) < (b.x, b.y)`: the helper compares plain items
                // and leaves at any other (the interpreter runs their methods)
                let k = rec.k_int(cop as i64);
                rec.store_args(&[k]);
                rec.bool_helper_on_top_two(helpers::SEQ_COMPARE, false, pc);
            }
            Op::Compare(cop @ (CmpOp::Eq | CmpOp::Ne))
                if helpers::exact_str(self, top(1)) && helpers::exact_str(self, top(0)) =>
            {
                rec.bool_helper_on_top_two(helpers::STR_EQ, cop == CmpOp::Ne, pc);
            }
            Op::Compare(cop)
                if helpers::exact_str(self, top(1)) && helpers::exact_str(self, top(0)) =>
            {
                // a < b, b > a, not b < a (a <= b), not a < b (a >= b)
                let (swap, invert) = match cop {
                    CmpOp::Lt => (false, false),
                    CmpOp::Gt => (true, false),
                    CmpOp::Le => (true, true),
                    _ => (false, true),
                };
                rec.bool_helper_on_top_two_in_order(helpers::STR_LT, swap, invert, pc);
            }
            Op::In(invert)
                if helpers::exact_str(self, top(1)) && helpers::exact_str(self, top(0)) =>
            {
                rec.bool_helper_on_top_two(helpers::STR_CONTAINS, invert, pc);
            }
            Op::Subscr if helpers::exact_str(self, top(1)) && top(0).is_small_int() => {
                let n = rec.stack.len();
                let (rs, ri) = (rec.stack[n - 2], rec.stack[n - 1]);
                let bi = rec.boxed(ri);
                let bs = rec.boxed(rs);
                let r = rec.guard(IrOp::CallG, Ty::Val, bs, bi, helpers::STR_GET, pc);
                rec.stack.truncate(n - 2);
                rec.stack.push(r);
            }
            Op::Compare(cop) => {
                let (a, b) = (top(1), top(0));
                let rb = rec.stack[rec.stack.len() - 1];
                let ra = rec.stack[rec.stack.len() - 2];
                let r = if a.is_small_int() && b.is_small_int() {
                    let (x, y) = (rec.as_int(ra, pc), rec.as_int(rb, pc));
                    let o = match cop {
                        CmpOp::Lt => IrOp::ILt,
                        CmpOp::Le => IrOp::ILe,
                        CmpOp::Eq => IrOp::IEq,
                        CmpOp::Ne => IrOp::INe,
                        CmpOp::Gt => IrOp::IGt,
                        CmpOp::Ge => IrOp::IGe,
                    };
                    rec.trace.emit(o, Ty::Bool, x, y, 0, None)
                } else if (a.is_float() || a.is_small_int()) && (b.is_float() || b.is_small_int()) {
                    let (x, y) = (rec.as_float(ra, a, pc), rec.as_float(rb, b, pc));
                    let o = match cop {
                        CmpOp::Lt => IrOp::FLt,
                        CmpOp::Le => IrOp::FLe,
                        CmpOp::Eq => IrOp::FEq,
                        CmpOp::Ne => IrOp::FNe,
                        CmpOp::Gt => IrOp::FGt,
                        CmpOp::Ge => IrOp::FGe,
                    };
                    rec.trace.emit(o, Ty::Bool, x, y, 0, None)
                } else {
                    return Err(format!("compare {} with {}", kind_name(a), kind_name(b)));
                };
                rec.pop()?;
                rec.pop()?;
                rec.stack.push(r);
            }
            Op::Unary(UnOp::Neg) => {
                let ra = *rec.stack.last().ok_or("stack underflow")?;
                let r = record_neg(rec, ra, top(0), pc)?;
                rec.pop()?;
                rec.stack.push(r);
            }
            Op::Unary(UnOp::Invert) if top(0).is_small_int() => {
                // `~x` of an inline int is `x ^ -1`, an inline int too
                let ra = *rec.stack.last().ok_or("stack underflow")?;
                let x = rec.as_int(ra, pc);
                let m1 = rec.k_int(-1);
                let r = rec.trace.emit(IrOp::BXor, Ty::I64, x, m1, 0, None);
                rec.pop()?;
                rec.stack.push(r);
            }
            Op::Unary(UnOp::Pos) if top(0).is_small_int() || top(0).is_float() => {
                // `+x` of a number is the number (guarded to stay one)
                let ra = *rec.stack.last().ok_or("stack underflow")?;
                let r = if top(0).is_small_int() {
                    rec.as_int(ra, pc)
                } else {
                    rec.as_float(ra, top(0), pc)
                };
                rec.pop()?;
                rec.stack.push(r);
            }
            Op::Unary(UnOp::Not) => {
                let a = top(0);
                let ra = *rec.stack.last().ok_or("stack underflow")?;
                let c = rec.as_cond(ra, a, pc)?;
                let r = rec.trace.emit(IrOp::Not, Ty::Bool, c, Ref::NONE, 0, None);
                rec.pop()?;
                rec.stack.push(r);
            }
            Op::PopJumpIfFalse(_) | Op::PopJumpIfTrue(_) if self.if_convert(rec, fr, pc)? => {}
            Op::PopJumpIfFalse(_) | Op::PopJumpIfTrue(_) => {
                let v = top(0);
                let rv = *rec.stack.last().ok_or("stack underflow")?;
                let c = rec.as_cond(rv, v, pc)?;
                let truthy = self
                    .truthy(v)
                    .map_err(|_| "truthiness raised".to_string())?;
                let g = if truthy {
                    IrOp::GuardTrue
                } else {
                    IrOp::GuardFalse
                };
                rec.guard(g, Ty::Void, c, Ref::NONE, 0, pc);
                rec.pop()?;
            }
            Op::JumpIfFalseOrPop(_) | Op::JumpIfTrueOrPop(_) => {
                let v = top(0);
                let rv = *rec.stack.last().ok_or("stack underflow")?;
                let c = rec.as_cond(rv, v, pc)?;
                let truthy = self
                    .truthy(v)
                    .map_err(|_| "truthiness raised".to_string())?;
                let g = if truthy {
                    IrOp::GuardTrue
                } else {
                    IrOp::GuardFalse
                };
                rec.guard(g, Ty::Void, c, Ref::NONE, 0, pc);
                let jumps = matches!(op, Op::JumpIfFalseOrPop(_)) != truthy;
                if !jumps {
                    rec.pop()?;
                }
            }
            Op::Jump(_) => {}
            Op::Pop => {
                rec.pop()?;
            }
            Op::Dup => {
                let r = *rec.stack.last().ok_or("stack underflow")?;
                rec.stack.push(r);
            }
            Op::DupTwo => {
                let n = rec.stack.len();
                if n < 2 {
                    return Err("stack underflow".into());
                }
                let (a, b) = (rec.stack[n - 2], rec.stack[n - 1]);
                rec.stack.push(a);
                rec.stack.push(b);
            }
            Op::Rot2 => {
                let n = rec.stack.len();
                rec.stack.swap(n - 1, n - 2);
            }
            Op::Rot3 => {
                let n = rec.stack.len();
                let t = rec.stack[n - 1];
                rec.stack[n - 1] = rec.stack[n - 2];
                rec.stack[n - 2] = rec.stack[n - 3];
                rec.stack[n - 3] = t;
            }
            Op::ForIter(_) => {
                let it = top(0);
                let ri = *rec.stack.last().ok_or("stack underflow")?;
                let helper = match &it.as_obj().map(|o| &o.data) {
                    Some(ObjData::Iter(st)) => match st.get() {
                        IterState::Range { cur, stop, step } => {
                            let more = (*step > 0 && *cur < *stop) || (*step < 0 && *cur > *stop);
                            if *step == 1 {
                                let layouts = self.jit.layouts;
                                return record_range_next(rec, &layouts, it, more, pc);
                            }
                            if !more {
                                return record_loop_end(rec, ri, pc);
                            }
                            helpers::RANGE_NEXT
                        }
                        IterState::Seq { seq, idx } => {
                            let len = match &seq.obj().data {
                                ObjData::List(l) => l.get().len(),
                                ObjData::Tuple(t) => t.len(),
                                _ => return Err("for over this sequence".into()),
                            };
                            if let Some(s) = self.inline_seq(*seq) {
                                let layouts = self.jit.layouts;
                                return record_seq_next(rec, &layouts, s, it, *seq, *idx < len, pc);
                            }
                            if *idx >= len {
                                return record_loop_end(rec, ri, pc);
                            }
                            helpers::SEQ_NEXT
                        }
                        IterState::Dict { dict, idx, .. } => {
                            let more = match &dict.obj().data {
                                ObjData::Dict(d) => d.get().entry_from(*idx).is_some(),
                                _ => return Err("for over this iterator".into()),
                            };
                            if !more {
                                return record_loop_end(rec, ri, pc);
                            }
                            helpers::DICT_NEXT
                        }
                        IterState::Set { set, idx, .. } => {
                            let more = match &set.obj().data {
                                ObjData::Set(s) => s.get().entry_from(*idx).is_some(),
                                _ => return Err("for over this iterator".into()),
                            };
                            if !more {
                                return record_loop_end(rec, ri, pc);
                            }
                            helpers::DICT_NEXT
                        }
                        IterState::Enumerate { .. } | IterState::Zip { .. } => {
                            let zip = matches!(st.get(), IterState::Zip { .. });
                            match helpers::plain_iter::steps(it) {
                                Some(true) if zip => helpers::ZIP_NEXT,
                                Some(true) => helpers::ENUM_NEXT,
                                Some(false) => return record_loop_end(rec, ri, pc),
                                None => return Err("for over this iterator".into()),
                            }
                        }
                        IterState::Str { s, byte_pos } => {
                            if *byte_pos >= crate::vm::str_of(*s).len() {
                                return record_loop_end(rec, ri, pc);
                            }
                            helpers::STR_NEXT
                        }
                        IterState::Reversed { seq, idx }
                            if matches!(
                                seq.as_obj().map(|o| &o.data),
                                Some(ObjData::List(_) | ObjData::Tuple(_))
                            ) =>
                        {
                            if *idx == 0 {
                                return record_loop_end(rec, ri, pc);
                            }
                            helpers::REV_NEXT
                        }
                        _ => return Err("for over this iterator".into()),
                    },
                    Some(ObjData::Generator(_)) => {
                        if self.record_gen_resume(rec, it, pc)? {
                            return Ok(());
                        }
                        if self.inlinable_gen_frame(rec, it, true).is_some()
                            && self.retry_later(rec)
                        {
                            return Err(crate::jit::FRESH_GEN_RETRY.into());
                        }
                        return Err("for over a generator not inlined".into());
                    }
                    _ => return Err("for over a non-builtin iterator".into()),
                };
                if let Some((args_helper, n)) = self.items_in_args(helper, it) {
                    // the tuple only exits need (jit/sunk.rs): its items stay
                    // in registers, and unpacking it reads them
                    let k = rec.k_int(n as i64);
                    rec.guard(IrOp::CallG, Ty::Val, ri, k, args_helper, pc);
                    let items = rec.load_args(n);
                    let r = rec.sink_tuple(&items);
                    rec.stack.push(r);
                    return Ok(());
                }
                let r = rec.guard(IrOp::CallG, Ty::Val, ri, Ref::NONE, helper, pc);
                rec.stack.push(r);
            }
            Op::BuildSlice(n @ (2 | 3)) if self.jit.sink_alloc => {
                // never made unless an exit needs it (jit/sunk.rs)
                let k = rec.stack.len();
                let refs: SmallVec<[Ref; 3]> = rec.stack[k - n as usize..].into();
                let parts: SmallVec<[Ref; 3]> = refs.iter().map(|&r| rec.boxed(r)).collect();
                let r = rec.sink_slice(&parts);
                rec.stack.truncate(k - n as usize);
                rec.stack.push(r);
            }
            Op::BuildSlice(n @ (2 | 3)) => {
                // an allocation only (`calla`): forwarded to the slicing helpers
                let k = rec.stack.len();
                let refs: SmallVec<[Ref; 3]> = rec.stack[k - n as usize..].into();
                let parts: SmallVec<[Ref; 3]> = refs.iter().map(|&r| rec.boxed(r)).collect();
                let r = if n == 3 {
                    rec.guard(
                        IrOp::CallG,
                        Ty::Val,
                        parts[2],
                        Ref::NONE,
                        helpers::STASH,
                        pc,
                    );
                    rec.guard(
                        IrOp::CallA,
                        Ty::Val,
                        parts[0],
                        parts[1],
                        helpers::NEW_SLICE3,
                        pc,
                    )
                } else {
                    rec.guard(
                        IrOp::CallA,
                        Ty::Val,
                        parts[0],
                        parts[1],
                        helpers::NEW_SLICE2,
                        pc,
                    )
                };
                rec.stack.truncate(k - n as usize);
                rec.stack.push(r);
            }
            Op::Subscr if self.slices_plainly(op, fr) => {
                // `seq[a:b]`: the helper leaves when the bounds are not ints
                let n = rec.stack.len();
                let (ro, rs) = (rec.stack[n - 2], rec.stack[n - 1]);
                let bo = rec.boxed(ro);
                let r = if let Some(parts) = rec.sunk_slice_parts(rs) {
                    rec.store_args(&parts);
                    rec.guard(
                        IrOp::CallG,
                        Ty::Val,
                        bo,
                        Ref::NONE,
                        helpers::SLICE_GET_ARGS,
                        pc,
                    )
                } else {
                    let bs = rec.boxed(rs);
                    rec.guard(IrOp::CallG, Ty::Val, bo, bs, helpers::SLICE_GET, pc)
                };
                rec.stack.truncate(n - 2);
                rec.stack.push(r);
            }
            Op::StoreSubscr if self.slices_plainly(op, fr) => {
                // `lst[a:b] = items`
                let n = rec.stack.len();
                let (rv, ro, rs) = (rec.stack[n - 3], rec.stack[n - 2], rec.stack[n - 1]);
                let bo = rec.boxed(ro);
                if let Some([start, stop, step]) = rec.sunk_slice_parts(rs) {
                    rec.store_args(&[start, stop, step, rv]);
                    rec.guard(
                        IrOp::CallG,
                        Ty::Val,
                        bo,
                        Ref::NONE,
                        helpers::SLICE_SET_ARGS,
                        pc,
                    );
                } else {
                    let bv = rec.boxed(rv);
                    rec.guard(IrOp::CallG, Ty::Val, bv, Ref::NONE, helpers::STASH, pc);
                    let bs = rec.boxed(rs);
                    rec.guard(IrOp::CallG, Ty::Val, bo, bs, helpers::SLICE_SET, pc);
                }
                rec.stack.truncate(n - 3);
            }
            Op::Subscr if built_tuple_item(rec, top(0)).is_some() => {
                let item = built_tuple_item(rec, top(0)).expect("checked by the guard");
                rec.pop()?;
                rec.pop()?;
                rec.stack.push(item);
            }
            Op::Subscr => {
                let (obj, idx) = (top(1), top(0));
                let is_seq = matches!(
                    obj.as_obj().map(|o| &o.data),
                    Some(ObjData::List(_) | ObjData::Tuple(_))
                );
                if !is_seq || !idx.is_small_int() || !self.is_builtin_exact(obj) {
                    return Err(format!("subscript {}[{}]", kind_name(obj), kind_name(idx)));
                }
                if let Some(s) = self.inline_seq(obj) {
                    let n = rec.stack.len();
                    let (ro, ri) = (rec.stack[n - 2], rec.stack[n - 1]);
                    let p = rec.guard_class(ro, obj, self.jit.layouts.class, pc);
                    let ii = rec.as_int(ri, pc);
                    let addr = rec.seq_item_addr(s, p, ii, idx.as_small_int(), seq_len(obj), pc)?;
                    let r = rec.seq_item(s, addr);
                    rec.stack.truncate(n - 2);
                    rec.stack.push(r);
                    return Ok(());
                }
                let ri = rec.pop()?;
                let ro = rec.pop()?;
                rec.stack.push(ro);
                rec.stack.push(ri);
                let bi = rec.boxed(ri);
                let r = rec.guard(IrOp::CallG, Ty::Val, ro, bi, helpers::SEQ_GET, pc);
                rec.pop()?;
                rec.pop()?;
                rec.stack.push(r);
            }
            Op::StoreSubscr => {
                let (obj, idx) = (top(1), top(0));
                let is_list = matches!(obj.as_obj().map(|o| &o.data), Some(ObjData::List(_)));
                if !is_list || !idx.is_small_int() || !self.is_builtin_exact(obj) {
                    return Err(format!(
                        "store subscript {}[{}]",
                        kind_name(obj),
                        kind_name(idx)
                    ));
                }
                let n = rec.stack.len();
                let (rv, ro, ri) = (rec.stack[n - 3], rec.stack[n - 2], rec.stack[n - 1]);
                if let Some(s) = self.inline_seq(obj).filter(|s| s.is_list()) {
                    let p = rec.guard_class(ro, obj, self.jit.layouts.class, pc);
                    let ii = rec.as_int(ri, pc);
                    let addr = rec.seq_item_addr(s, p, ii, idx.as_small_int(), seq_len(obj), pc)?;
                    let bv = rec.boxed(rv);
                    rec.trace.emit(IrOp::Store, Ty::Void, addr, bv, 0, None);
                    rec.stack.truncate(n - 3);
                    return Ok(());
                }
                let bv = rec.boxed(rv);
                rec.guard(IrOp::CallG, Ty::Val, bv, Ref::NONE, helpers::STASH, pc);
                let bi = rec.boxed(ri);
                rec.guard(IrOp::CallG, Ty::Val, ro, bi, helpers::LIST_SET, pc);
                rec.stack.truncate(n - 3);
            }
            Op::LoadAttr(n)
                if self
                    .property_getter(top(0), fr.code.names[n as usize])
                    .is_some() =>
            {
                // `obj.prop` of a plain property: its getter is inlined like a
                // call, pinned by the class's identity and version (a property
                // is a data descriptor: the instance's attributes cannot shadow it)
                let obj = top(0);
                let getter = self
                    .property_getter(obj, fr.code.names[n as usize])
                    .expect("checked by the guard");
                rec.check_inline_call(pc, getter)?;
                let cls = obj.obj().class();
                let ObjData::Type(t) = &cls.obj().data else {
                    return Err("not a class".into());
                };
                let ro = *rec.stack.last().ok_or("stack underflow")?;
                let layouts = self.jit.layouts;
                rec.guard_class(ro, obj, layouts.class, pc);
                if rec.is_volatile(t) {
                    // a class whose namespace keeps changing: the property is
                    // looked up each time and guarded by identity (a property's
                    // getter never changes)
                    let name = fr.code.names[n as usize];
                    let prop = crate::vm::types::lookup(self, cls, name).ok_or("no property")?;
                    let nm = rec.k_val(name);
                    let rp = rec.guard(IrOp::CallG, Ty::Val, ro, nm, helpers::CLASS_PROPERTY, pc);
                    rec.consts.push(prop);
                    rec.guard(IrOp::GuardIs, Ty::Void, rp, Ref::NONE, prop.0 as i64, pc);
                } else {
                    rec.guard_type_version(cls, t, &layouts, pc);
                }
                rec.consts.push(getter);
                rec.pop()?;
                let code = self.function(getter).ok_or("not a function")?.code.clone();
                rec.enter_inline(getter, code, vec![ro], pc);
            }
            Op::LoadAttr(n)
                if helpers::plain_class_attr(self, top(0), fr.code.names[n as usize])
                    && crate::vm::types::lookup(self, top(0), fr.code.names[n as usize])
                        .is_some_and(|v| crate::vm::types::is_plain_class_value(self, v)) =>
            {
                // `Cls.count`: a class-level counter's value, looked up each time
                // (the class guards do not pin plain values)
                let ro = rec.pop()?;
                let nm = rec.k_val(fr.code.names[n as usize]);
                let r = rec.guard(IrOp::CallG, Ty::Val, ro, nm, helpers::TYPE_GETATTR, pc);
                rec.stack.push(r);
            }
            Op::LoadAttr(n) if self.class_value_of_instance(top(0), fr.code.names[n as usize]) => {
                // `self.speed` found on the class (a plain value the instance
                // does not shadow: its shape, guarded, has no such attribute),
                // looked up each time (class guards do not pin plain values)
                let obj = top(0);
                let ro = *rec.stack.last().ok_or("stack underflow")?;
                if rec.guard_instance(ro, obj, &self.jit.layouts, pc).is_none() {
                    return Err("class attribute of an unguardable instance".into());
                }
                rec.pop()?;
                let kc = rec.k_val(obj.obj().class());
                let nm = rec.k_val(fr.code.names[n as usize]);
                let r = rec.guard(IrOp::CallG, Ty::Val, kc, nm, helpers::TYPE_GETATTR, pc);
                rec.stack.push(r);
            }
            Op::StoreAttr(n)
                if helpers::plain_class_attr(self, top(0), fr.code.names[n as usize])
                    && crate::vm::types::type_obj(top(0)).module != "builtins" =>
            {
                // `Cls.count = v`
                let nn = rec.stack.len();
                let (rv, ro) = (rec.stack[nn - 2], rec.stack[nn - 1]);
                rec.store_args(&[rv]);
                let nm = rec.k_val(fr.code.names[n as usize]);
                rec.guard(IrOp::CallG, Ty::Val, ro, nm, helpers::TYPE_SETATTR, pc);
                rec.stack.truncate(nn - 2);
            }
            // `obj.m` of a plain method not shadowed by the instance: a bound
            // method made by a helper, the method a constant under the
            // instance's guards (its calls are then inlined: `bound_self`)
            Op::LoadAttr(n)
                if self
                    .plain_method(top(0), fr.code.names[n as usize])
                    .is_some()
                    && matches!(&top(0).obj().data,
                        ObjData::Instance(i) if i.shape.get().lookup(fr.code.names[n as usize]).is_none()) =>
            {
                let obj = top(0);
                let func = self
                    .plain_method(obj, fr.code.names[n as usize])
                    .expect("checked");
                let ro = *rec.stack.last().ok_or("stack underflow")?;
                if rec.guard_instance(ro, obj, &self.jit.layouts, pc).is_none() {
                    return Err("method of an unguardable instance".into());
                }
                rec.consts.push(func);
                let r = if rec.sink_instances {
                    // made only if something needs it (jit/virtuals.rs)
                    rec.new_virtual_bound(func, ro)
                } else {
                    let kf = rec.k_val(func);
                    rec.guard(IrOp::CallA, Ty::Val, kf, ro, helpers::NEW_BOUND, pc)
                };
                rec.pop()?;
                rec.stack.push(r);
            }
            Op::LoadAttr(n) => {
                let obj = top(0);
                if !matches!(obj.as_obj().map(|o| &o.data), Some(ObjData::Instance(_))) {
                    return Err(format!("attribute of {}", kind_name(obj)));
                }
                let name = fr.code.names[n as usize];
                if self.instance_get_attr(obj, name).is_none() {
                    return Err(format!("class attribute '{}'", str_of(name)));
                }
                let ro = *rec.stack.last().ok_or("stack underflow")?;
                if let Some(idx) = self.inline_attr_slot(obj, name)
                    && let Some((p, lay)) = rec.guard_instance(ro, obj, &self.jit.layouts, pc)
                {
                    let addr = rec.instance_slot(p, lay, idx);
                    let r = rec.instance_attr(addr, pc);
                    rec.pop()?;
                    rec.stack.push(r);
                    return Ok(());
                }
                let nm = rec.k_val(name);
                let r = rec.guard(IrOp::CallG, Ty::Val, ro, nm, helpers::GETATTR, pc);
                rec.pop()?;
                rec.stack.push(r);
            }
            Op::StoreAttr(n) if self.adds_plain_attr(top(0), fr.code.names[n as usize]) => {
                // a new attribute (`self.x = x` in `__init__`): the instance moves
                // to the shape with it, as `instance_set_attr` does
                let (obj, name) = (top(0), fr.code.names[n as usize]);
                let nn = rec.stack.len();
                let (rv, ro) = (rec.stack[nn - 2], rec.stack[nn - 1]);
                let layouts = self.jit.layouts;
                if rec.guard_instance(ro, obj, &layouts, pc).is_none() {
                    return Err(format!("store attribute '{}'", str_of(name)));
                }
                let ObjData::Instance(i) = &obj.obj().data else {
                    return Err("not an instance".into());
                };
                let next = i.shape.get().with(name);
                let bv = rec.boxed(rv);
                rec.guard(IrOp::CallG, Ty::Val, bv, Ref::NONE, helpers::STASH, pc);
                let ks = rec.k_int(next as *const crate::object::Shape as i64);
                rec.guard(IrOp::CallG, Ty::Val, ro, ks, helpers::ADD_ATTR, pc);
                rec.stack.truncate(nn - 2);
            }
            Op::StoreAttr(n) => {
                let obj = top(0);
                let name = fr.code.names[n as usize];
                if !matches!(obj.as_obj().map(|o| &o.data), Some(ObjData::Instance(_)))
                    || self.instance_get_attr(obj, name).is_none()
                {
                    return Err(format!("store attribute '{}'", str_of(name)));
                }
                let nn = rec.stack.len();
                let (rv, ro) = (rec.stack[nn - 2], rec.stack[nn - 1]);
                if let Some(idx) = self.inline_attr_slot(obj, name)
                    && let Some((p, lay)) = rec.guard_instance(ro, obj, &self.jit.layouts, pc)
                {
                    let addr = rec.instance_slot(p, lay, idx);
                    let bv = rec.boxed(rv);
                    rec.trace.emit(IrOp::Store, Ty::Void, addr, bv, 0, None);
                    rec.stack.truncate(nn - 2);
                    return Ok(());
                }
                let bv = rec.boxed(rv);
                rec.guard(IrOp::CallG, Ty::Val, bv, Ref::NONE, helpers::STASH, pc);
                let nm = rec.k_val(name);
                rec.guard(IrOp::CallG, Ty::Val, ro, nm, helpers::SETATTR, pc);
                rec.stack.truncate(nn - 2);
            }
            Op::YieldValue if !rec.inlined() && self.sink_accepts(fr as *const Frame, top(0)) => {
                // a builtin drains this generator (src/vm/drain.rs): the yield
                // feeds its sink and the loop goes on; without a sink, or with a
                // value it does not take, the helper exits to a real yield
                let v = *rec.stack.last().ok_or("stack underflow")?;
                let b = rec.boxed(v);
                rec.guard(IrOp::CallG, Ty::Val, b, Ref::NONE, helpers::SINK_PUSH, pc);
                rec.pop()?;
                let none = rec.k_val(Value::NONE);
                rec.stack.push(none);
            }
            Op::YieldValue if !rec.inlined() => return Err(YIELD_IN_LOOP.into()),
            Op::Raise(0 | 1) | Op::Reraise | Op::ReraiseRestore => {
                return self.record_caught_raise(rec, fr, pc, op);
            }
            Op::PushExcInfo | Op::PopExcept | Op::CheckExcMatch => {
                return self.record_handler_op(rec, pc, op);
            }
            other => return Err(format!("bytecode {}", op_name(&other))),
        }
        Ok(())
    }
}

/// `-a` for an int (exits past the inline range) or a float `a`.
fn record_neg(rec: &mut Recorder, ra: Ref, a: Value, pc: usize) -> Result<Ref, Abort> {
    if a.is_small_int() {
        let x = rec.as_int(ra, pc);
        Ok(rec.guard(IrOp::NegOv, Ty::I64, x, Ref::NONE, 0, pc))
    } else if a.is_float() {
        let x = rec.as_float(ra, a, pc);
        Ok(rec.trace.emit(IrOp::FNeg, Ty::F64, x, Ref::NONE, 0, None))
    } else {
        Err(format!("negate {}", kind_name(a)))
    }
}

pub(super) fn record_binop(
    rec: &mut Recorder,
    op: BinOp,
    ra: Ref,
    rb: Ref,
    a: Value,
    b: Value,
    pc: usize,
) -> Result<Ref, Abort> {
    let ints = a.is_small_int() && b.is_small_int();
    let nums = (a.is_small_int() || a.is_float()) && (b.is_small_int() || b.is_float());
    if ints {
        // An op whose guard would fail on the very values being recorded (a big
        // int result, a division by zero) is not specialized: a trace (or side
        // trace) through it would exit there every time.
        let (i, j) = (a.as_small_int(), b.as_small_int());
        let exact = match op {
            BinOp::Add => i.checked_add(j),
            BinOp::Sub => i.checked_sub(j),
            BinOp::Mul => i.checked_mul(j),
            BinOp::FloorDiv | BinOp::Mod => (j != 0).then_some(0),
            _ => Some(0),
        };
        let small = guards::ir::tags::SMALL_INT_MIN..=guards::ir::tags::SMALL_INT_MAX;
        if !exact.is_some_and(|r| small.contains(&r)) {
            return Err(format!("int {} leaving the inline ints", op.symbol()));
        }
        let (x, y) = (rec.as_int(ra, pc), rec.as_int(rb, pc));
        let (o, guard) = match op {
            BinOp::Add => (IrOp::AddOv, true),
            BinOp::Sub => (IrOp::SubOv, true),
            BinOp::Mul => (IrOp::MulOv, true),
            BinOp::FloorDiv => (IrOp::FloorDiv, true),
            BinOp::Mod => (IrOp::Mod, true),
            BinOp::And => (IrOp::BAnd, false),
            BinOp::Or => (IrOp::BOr, false),
            BinOp::Xor => (IrOp::BXor, false),
            BinOp::Pow | BinOp::LShift | BinOp::RShift => {
                return calls::record_num_binop(rec, op, x, y, pc);
            }
            BinOp::TrueDiv => {
                let (fx, fy) = (rec.as_float(x, a, pc), rec.as_float(y, b, pc));
                return Ok(rec.guard(IrOp::FDiv, Ty::F64, fx, fy, 0, pc));
            }
            _ => return Err(format!("int {}", op.symbol())),
        };
        return Ok(if guard {
            rec.guard(o, Ty::I64, x, y, 0, pc)
        } else {
            rec.trace.emit(o, Ty::I64, x, y, 0, None)
        });
    }
    if nums {
        let (x, y) = (rec.as_float(ra, a, pc), rec.as_float(rb, b, pc));
        return Ok(match op {
            BinOp::Add => rec.trace.emit(IrOp::FAdd, Ty::F64, x, y, 0, None),
            BinOp::Sub => rec.trace.emit(IrOp::FSub, Ty::F64, x, y, 0, None),
            BinOp::Mul => rec.trace.emit(IrOp::FMul, Ty::F64, x, y, 0, None),
            BinOp::TrueDiv => rec.guard(IrOp::FDiv, Ty::F64, x, y, 0, pc),
            BinOp::Pow | BinOp::Mod | BinOp::FloorDiv => {
                return calls::record_num_binop(rec, op, x, y, pc);
            }
            _ => return Err(format!("float {}", op.symbol())),
        });
    }
    Err(format!("{} {} {}", kind_name(a), op.symbol(), kind_name(b)))
}

/// `ForIter` on an exhausted range or sequence iterator: the loop ends (the
/// interpreter pops the iterator and jumps past the loop). The guard re-checks
/// exhaustion without touching the iterator, so its exit replays nothing.
/// `ForIter` over a list or tuple iterator, inline: the iterator's index against
/// the sequence's current length, the item, the index stored back. `more`: whether
/// the loop goes on now (else this is a side trace's loop end).
fn record_seq_next(
    rec: &mut Recorder,
    layouts: &crate::jit::layout::Layouts,
    s: Seq,
    it: Value,
    seq: Value,
    more: bool,
    pc: usize,
) -> Result<(), Abort> {
    if !more && !rec.may_end_loops() {
        return Err("loop ended while recording".into());
    }
    let lay = layouts.seq_iter;
    let ri = *rec.stack.last().ok_or("stack underflow")?;
    let p = rec.guard_class(ri, it, layouts.class, pc);
    let tag = rec
        .trace
        .emit(IrOp::Load, Ty::I64, p, Ref::NONE, lay.tag, None);
    let want = rec.k_int(lay.seq_tag as i64);
    let is_seq = rec.trace.emit(IrOp::IEq, Ty::Bool, tag, want, 0, None);
    rec.guard(IrOp::GuardTrue, Ty::Void, is_seq, Ref::NONE, 0, pc);
    let rs = rec
        .trace
        .emit(IrOp::Load, Ty::Val, p, Ref::NONE, lay.seq, None);
    let sp = rec.guard_class(rs, seq, layouts.class, pc);
    let i = rec
        .trace
        .emit(IrOp::Load, Ty::I64, p, Ref::NONE, lay.idx, None);
    let n = rec.seq_len(s, sp);
    let going = rec.trace.emit(IrOp::ILt, Ty::Bool, i, n, 0, None);
    if !more {
        rec.guard(IrOp::GuardFalse, Ty::Void, going, Ref::NONE, 0, pc);
        rec.pop()?;
        return Ok(());
    }
    rec.guard(IrOp::GuardTrue, Ty::Void, going, Ref::NONE, 0, pc);
    let addr = rec.seq_item_at(s, sp, i);
    let item = rec.seq_item(s, addr);
    let one = rec.k_int(1);
    // i < len < 2^47: no overflow
    let next = rec.trace.emit(IrOp::Add, Ty::I64, i, one, 0, None);
    rec.trace
        .emit(IrOp::Store, Ty::Void, p, next, lay.idx, None);
    rec.stack.push(item);
    Ok(())
}

/// `ForIter` over a range iterator with step 1, inline: the current value
/// against the stop (loaded once: a live `Range` state never changes its stop or
/// step), the item, the next value stored back. Guards keep the item a small int:
/// `stop <= 2^47` (so `cur < stop` bounds it above) and `cur >= -2^47`.
/// `more`: whether the loop goes on now (else this is a side trace's loop end).
fn record_range_next(
    rec: &mut Recorder,
    layouts: &crate::jit::layout::Layouts,
    it: Value,
    more: bool,
    pc: usize,
) -> Result<(), Abort> {
    use guards::tags::{SMALL_INT_MAX, SMALL_INT_MIN};
    if !more && !rec.may_end_loops() {
        return Err("loop ended while recording".into());
    }
    let lay = layouts.range_iter;
    let ri = *rec.stack.last().ok_or("stack underflow")?;
    let p = rec.guard_class(ri, it, layouts.class, pc);
    let guard_true = |rec: &mut Recorder, op: IrOp, a: Ref, b: Ref| {
        let c = rec.trace.emit(op, Ty::Bool, a, b, 0, None);
        rec.guard(IrOp::GuardTrue, Ty::Void, c, Ref::NONE, 0, pc);
    };
    let tag = rec
        .trace
        .emit(IrOp::Load, Ty::I64, p, Ref::NONE, lay.tag, None);
    let want = rec.k_int(lay.range_tag as i64);
    guard_true(rec, IrOp::IEq, tag, want);
    let step = rec
        .trace
        .emit(IrOp::LoadConst, Ty::I64, p, Ref::NONE, lay.step, None);
    let one = rec.k_int(1);
    guard_true(rec, IrOp::IEq, step, one);
    let stop = rec
        .trace
        .emit(IrOp::LoadConst, Ty::I64, p, Ref::NONE, lay.stop, None);
    let top = rec.k_int(SMALL_INT_MAX + 1);
    guard_true(rec, IrOp::ILe, stop, top);
    let cur = rec
        .trace
        .emit(IrOp::Load, Ty::I64, p, Ref::NONE, lay.cur, None);
    let bottom = rec.k_int(SMALL_INT_MIN);
    guard_true(rec, IrOp::IGe, cur, bottom);
    let going = rec.trace.emit(IrOp::ILt, Ty::Bool, cur, stop, 0, None);
    if !more {
        rec.guard(IrOp::GuardFalse, Ty::Void, going, Ref::NONE, 0, pc);
        rec.pop()?;
        return Ok(());
    }
    rec.guard(IrOp::GuardTrue, Ty::Void, going, Ref::NONE, 0, pc);
    // cur < stop <= 2^47: no overflow
    let next = rec.trace.emit(IrOp::Add, Ty::I64, cur, one, 0, None);
    rec.trace
        .emit(IrOp::Store, Ty::Void, p, next, lay.cur, None);
    rec.stack.push(cur);
    Ok(())
}

fn record_loop_end(rec: &mut Recorder, ri: Ref, pc: usize) -> Result<(), Abort> {
    if !rec.may_end_loops() {
        // a root trace is one iteration of its loop
        return Err("loop ended while recording".into());
    }
    rec.guard(IrOp::CallG, Ty::Val, ri, Ref::NONE, helpers::ITER_DONE, pc);
    rec.pop()?;
    Ok(())
}

impl Vm {
    /// For a `CallKw(argc)` of a function that can be inlined, binding
    /// every parameter from the call's values (positional first, then by the
    /// keywords' names) or its default: the function, and for each parameter
    /// the index among the call's values of the one it gets (None: its
    /// default). None for anything else (a keyword no parameter takes, a
    /// positional-only one by keyword, one given twice, a parameter without
    /// value or default), which the interpreter's call handles, raising.
    fn kw_call_params(
        &self,
        rec: &Recorder,
        fr: &Frame,
        argc: u32,
    ) -> Option<(Value, Vec<Option<usize>>)> {
        let argc = argc as usize;
        let names = fr.peek(0);
        let callee = fr.peek(argc + 1);
        let n = rec.stack.len();
        // (a bound method the trace made: its function, `self` bound first)
        let bound = bound_self(rec, *rec.stack.get(n.checked_sub(argc + 2)?)?).is_some();
        let func = if bound {
            self.bound_func(callee)?
        } else {
            callee
        };
        if !self.inlinable_in(rec, func) || (bound && !plain_qualname(func)) {
            return None;
        }
        // (the names are the bytecode's constant tuple)
        let rn = *rec.stack.last()?;
        if rec.trace.get(rn).op != IrOp::KVal {
            return None;
        }
        let ObjData::Tuple(names) = &names.as_obj()?.data else {
            return None;
        };
        let f = self.function(func)?;
        let code = &f.code;
        let want = code.argcount as usize;
        // (`self`, bound, is the first parameter: the call's values bind
        // from the second)
        let first = usize::from(bound);
        let npos = argc.checked_sub(names.len())?;
        if first + npos > want {
            return None;
        }
        let mut params: Vec<Option<usize>> = (first..want)
            .map(|i| (i < first + npos).then_some(i - first))
            .collect();
        for (j, &name) in names.iter().enumerate() {
            let i = code.varnames[first..want]
                .iter()
                .position(|&v| crate::vm::str_eq(v, name))?;
            if i + first < code.posonlyargcount as usize || params[i].is_some() {
                return None;
            }
            params[i] = Some(npos + j);
        }
        let first_default = want - f.defaults.len().min(want);
        params
            .iter()
            .enumerate()
            .all(|(i, p)| p.is_some() || i + first >= first_default)
            .then_some((func, params))
    }

    /// The function of bound method `m`.
    fn bound_func(&self, m: Value) -> Option<Value> {
        match &m.as_obj()?.data {
            ObjData::BoundMethod { func, .. } => Some(*func),
            _ => None,
        }
    }

    /// Whether a call of bound method `m` with `argc` arguments (`self`
    /// included) inlines its function: plain, named at module or class level
    /// (one made in a function is guarded by code, through the callee), every
    /// parameter given or defaulted.
    /// The refs of the items `list.extend(v)` adds (`r`: `v`'s ref), read in
    /// the trace: a tuple the trace knows, or an exact tuple's under guards on
    /// its class and length.
    fn extended_items(
        &self,
        rec: &mut Recorder,
        v: Value,
        r: Ref,
        pc: usize,
    ) -> Option<SmallVec<[Ref; 4]>> {
        if rec.is_virtual(r) {
            return rec.tuples.get(&r).cloned();
        }
        let ObjData::Tuple(t) = &v.as_obj()?.data else {
            return None;
        };
        let lay = self.jit.layouts.tuple?;
        if !self.is_builtin_exact(v) {
            return None;
        }
        let p = rec.guard_class(r, v, self.jit.layouts.class, pc);
        // (a tuple's length and items never change)
        let len = rec
            .trace
            .emit(IrOp::LoadConst, Ty::I64, p, Ref::NONE, lay.len, None);
        let k = rec.k_int(t.len() as i64);
        let same = rec.trace.emit(IrOp::IEq, Ty::Bool, len, k, 0, None);
        rec.guard(IrOp::GuardTrue, Ty::Void, same, Ref::NONE, 0, pc);
        let items = rec
            .trace
            .emit(IrOp::LoadConst, Ty::Ptr, p, Ref::NONE, lay.items, None);
        Some(
            (0..t.len())
                .map(|i| {
                    rec.trace.emit(
                        IrOp::LoadConst,
                        Ty::Val,
                        items,
                        Ref::NONE,
                        8 * i as i64,
                        None,
                    )
                })
                .collect(),
        )
    }

    /// `isinstance(v, cls)` (`f` the callee) when `v` is the runtime object of
    /// a virtual instance on the stack (second from the top) and `cls` a class
    /// of metaclass `type` (no `__instancecheck__`): the answer.
    fn virtual_isinstance(
        &mut self,
        rec: &Recorder,
        f: Value,
        v: Value,
        cls: Value,
    ) -> Option<bool> {
        let n = rec.stack.len();
        let rv = *rec.stack.get(n.checked_sub(2)?)?;
        if !rec.is_virtual_instance(rv)
            || !is_builtin_named(f, "isinstance")
            || !crate::vm::types::is_type(cls)
            || self.type_of(cls) != self.types.type_
        {
            return None;
        }
        let virtuals::Kind::Instance(vcls, _) = rec.virtual_of(rv).kind else {
            return None;
        };
        let key = self.intern("isinstance");
        if self.dict_get_str(self.builtins, key) != Some(f) || v.obj().class() != vcls {
            return None;
        }
        Some(self.is_subclass(vcls, cls))
    }

    /// Whether `f(*args)` (`rf`: `f`'s ref) inlines the call: `f` a function
    /// or a bound method the trace made whose function takes `args`' items.
    fn callex_inlinable(&self, rec: &Recorder, f: Value, args: Value, rf: Option<Ref>) -> bool {
        let Some(ObjData::Tuple(t)) = args.as_obj().map(|o| &o.data) else {
            return false;
        };
        let n = t.len();
        if rf.and_then(|r| bound_self(rec, r)).is_some() {
            return self.bound_inlinable(rec, f, n + 1);
        }
        self.inlinable_in(rec, f)
            && self
                .function(f)
                .is_some_and(|func| fills_with_defaults(func, n))
    }

    fn bound_inlinable(&self, rec: &Recorder, m: Value, argc: usize) -> bool {
        self.bound_func(m).is_some_and(|func| {
            self.inlinable_in(rec, func)
                && plain_qualname(func)
                && self
                    .function(func)
                    .is_some_and(|f| fills_with_defaults(f, argc))
        })
    }
}

/// The `self` of the bound method `r`, when the trace made it (`NEW_BOUND`).
fn bound_self(rec: &Recorder, r: Ref) -> Option<Ref> {
    if let Some(v) = rec.virtuals.get(&r) {
        return matches!(v.kind, virtuals::Kind::Bound(_)).then(|| v.fields[0]);
    }
    let ins = rec.trace.get(r);
    (ins.op == IrOp::CallA && ins.imm == helpers::NEW_BOUND).then_some(ins.b)
}

/// Whether function `f` is defined at module or class level (not made anew
/// by each call of a function that defines it).
fn plain_qualname(f: Value) -> bool {
    matches!(f.as_obj().map(|o| &o.data), Some(ObjData::Function(func))
        if !func.code.qualname.contains("<locals>") && !func.code.qualname.ends_with("<lambda>"))
}

/// Whether a positional call of `f` with `argc` arguments binds every
/// parameter: the ones not passed have defaults.
fn fills_with_defaults(f: &crate::object::Function, argc: usize) -> bool {
    let want = f.code.argcount as usize;
    argc <= want && want - argc <= f.defaults.len()
}

/// Records a call of a plain Python function as an inlined frame.
fn record_inline_call(
    rec: &mut Recorder,
    func: Value,
    rf: Ref,
    args: Vec<Ref>,
    pc: usize,
) -> Result<(), Abort> {
    let popped = args.len() + 1;
    let params = args.into_iter().map(Some).collect();
    record_inline_call_with(rec, func, Some(rf), params, popped, pc)
}

/// `record_inline_call` with the parameters in order, None for one left to
/// its default (`f(a, c=3)` of `def f(a, b=2, c=0)`), and the call's operand
/// count on the stack (`popped`, callee included). `rf`: the callee to guard
/// (None: a bound method the trace made, `NEW_BOUND`, whose function is a
/// constant already guarded).
fn record_inline_call_with(
    rec: &mut Recorder,
    func: Value,
    rf: Option<Ref>,
    params: Vec<Option<Ref>>,
    popped: usize,
    pc: usize,
) -> Result<(), Abort> {
    rec.check_inline_call(pc, func)?;
    let ObjData::Function(f) = &func.obj().data else {
        return Err("not a function".into());
    };
    rec.consts.push(func);
    let guarded = rf.is_none();
    let rf = match rf {
        Some(r) => r,
        None => rec.k_val(func),
    };
    // A nested function (a closure or lambda) is usually made anew by each
    // call of its maker, or by each iteration: an identity guard would fail on
    // the next one. Its code and globals are guarded instead, and its cells
    // read from whichever function object is called.
    // (a module-level lambda too: `f = lambda q: q + 1` in a loop at the top
    // level is a global made anew by each iteration)
    let by_code = !guarded
        && (f.code.qualname.contains("<locals>")
            || f.code.qualname.ends_with("<lambda>")
            || matches!(rec.trace.get(rf).op, IrOp::CallR | IrOp::CallA));
    if guarded {
        // (`NEW_BOUND`'s function: a constant under the instance's guards)
    } else if by_code {
        let kf = rec.k_val(func);
        rec.guard(IrOp::CallG, Ty::Val, rf, kf, helpers::SAME_CODE, pc);
    } else {
        rec.guard(IrOp::GuardIs, Ty::Void, rf, Ref::NONE, func.0 as i64, pc);
    }
    let n = rec.stack.len();
    rec.stack.truncate(n - popped);
    // parameters left to their defaults
    let (want, defaults) = (f.code.argcount as usize, &f.defaults);
    let mut params = params;
    params.resize(want, None);
    let mut args = Vec::with_capacity(want);
    for (i, p) in params.into_iter().enumerate() {
        let r = match p {
            Some(r) => r,
            None => {
                let k = (i + defaults.len())
                    .checked_sub(want)
                    .ok_or("too few arguments")?;
                if by_code {
                    let kk = rec.k_int(k as i64);
                    rec.guard(IrOp::CallG, Ty::Val, rf, kk, helpers::FUNC_DEFAULT, pc)
                } else {
                    rec.k_val(defaults[k])
                }
            }
        };
        args.push(r);
    }
    rec.enter_inline(func, f.code.clone(), args, pc);
    if by_code {
        rec.func_ref = Some(rf);
    }
    Ok(())
}

impl Vm {
    /// Whether `a` and `b` are both exact lists or both exact tuples.
    fn is_exact_seq_pair(&self, a: Value, b: Value) -> bool {
        let kinds = (a.as_obj().map(|o| &o.data), b.as_obj().map(|o| &o.data));
        matches!(
            kinds,
            (Some(ObjData::List(_)), Some(ObjData::List(_)))
                | (Some(ObjData::Tuple(_)), Some(ObjData::Tuple(_)))
        ) && self.is_builtin_exact(a)
            && self.is_builtin_exact(b)
    }

    /// `inlinable`, and not past `MAX_RECURSION_UNROLL` nested frames of its
    /// function in the recording.
    pub(super) fn inlinable_in(&self, rec: &Recorder, f: Value) -> bool {
        self.inlinable(f)
            && self.function(f).is_some_and(|func| {
                let frames = std::iter::once(&rec.code).chain(rec.parents.iter().map(|p| &p.code));
                frames.filter(|c| Rc::ptr_eq(c, &func.code)).count() < MAX_RECURSION_UNROLL
            })
    }

    /// Whether a call of `f` can be inlined into a trace: a plain Python function
    /// (no generator, *args, **kwargs, keyword-only arguments or cells of its own;
    /// a closure's free variables are constants of the guarded function).
    /// Nor one with loops of its own (called, its loops get their own traces), nor
    /// one whose recording failed inside before (`Jit::no_inline`): calls of those
    /// are residual.
    pub(crate) fn inlinable(&self, f: Value) -> bool {
        use crate::compiler::bytecode::flags;
        match self.function(f) {
            Some(func) => {
                let c = &func.code;
                c.flags & (flags::VARARGS | flags::VARKEYWORDS | flags::GENERATOR) == 0
                    && c.kwonlyargcount == 0
                    && c.cellvars.is_empty()
                    && (c.loop_counters.is_empty()
                        || self.jit.inline_callee_loops
                        || self.single_path_function(c))
                    && !self.jit.no_inline.contains(&(Rc::as_ptr(c) as usize))
            }
            None => false,
        }
    }

    /// Whether a function with loops has shown, called, that its loops run
    /// the same way each time: its entry trace (which unrolls loops that have
    /// no trace of their own) ran at least `SINGLE_PATH_CALLS` times, always to
    /// its `return`, with no side trace and no link into a loop's trace. Such
    /// a callee (pystone's `Func2`, a `while` that runs once) is
    /// inlined as if it had no loops; one whose loop runs a data-dependent
    /// number of times (richards' walk down a linked list) branches, and stays
    /// called (inlining those unrolled every path into the caller's tree).
    fn single_path_function(&self, code: &Rc<crate::compiler::bytecode::Code>) -> bool {
        const SINGLE_PATH_CALLS: u64 = 1;
        let key = crate::jit::key_of(code, crate::compiler::bytecode::ENTRY_SLOT);
        let Some(t) = self
            .jit
            .roots
            .get(&key)
            .and_then(|id| self.jit.traces.get(id))
        else {
            return false;
        };
        let Some(ret) = t.trace.ins.last().filter(|i| i.op == IrOp::Exit) else {
            return false;
        };
        !t.disabled
            && t.entries >= SINGLE_PATH_CALLS
            && t.exits
                .iter()
                .enumerate()
                .all(|(s, &n)| n == 0 || s == ret.snap as usize)
            && !self
                .jit
                .traces
                .values()
                .any(|x| x.key == key && x.parent.is_some())
    }

    /// Whether `obj.name = v` adds an attribute to a plain instance: no
    /// `__dict__` taken, `name` among the `__slots__` if it has them, no hook or data descriptor for `name`
    /// (`plain_instance_attr`), and no attribute of that name yet.
    fn adds_plain_attr(&self, obj: Value, name: Value) -> bool {
        let Some(ObjData::Instance(i)) = obj.as_obj().map(|o| &o.data) else {
            return false;
        };
        let cls = obj.obj().class();
        let slotted = match &crate::vm::types::type_obj(cls).slots {
            None => true,
            Some(names) => names.iter().any(|n| crate::vm::str_eq(*n, name)),
        };
        i.dict.get().is_empty()
            && i.base_value.get().is_empty()
            && slotted
            && i.shape.get().lookup(name).is_none()
            && helpers::plain_instance_attr(self, cls, name)
    }

    /// For a `super` object: the plain function its method `name` is and the
    /// object it binds to (see `Vm::super_plain_method`).
    fn super_method_of(&self, sup: Value, name: Value) -> Option<(Value, Value)> {
        let ObjData::Super { typ, obj } = &sup.as_obj()?.data else {
            return None;
        };
        if !obj.is_obj() {
            return None;
        }
        let f = self.super_plain_method(*typ, *obj, name)?;
        Some((f, *obj))
    }

    /// The Python function `cls.name` is, for a class of metaclass `type`
    /// (whose own data descriptors, `__name__` and the like, are dunders: of
    /// those only `__init__` is looked for on the class).
    fn class_function_attr(&self, cls: Value, name: Value) -> Option<Value> {
        let text = str_of(name);
        if !matches!(cls.as_obj().map(|o| &o.data), Some(ObjData::Type(_)))
            || self.type_of(cls) != self.types.type_
            || (text.starts_with("__") && text.ends_with("__") && text != "__init__")
        {
            return None;
        }
        let f = crate::vm::types::lookup(self, cls, name)?;
        matches!(f.as_obj().map(|o| &o.data), Some(ObjData::Function(_))).then_some(f)
    }

    /// Whether a trace inlines `cls(...)` with `n` arguments: an instantiation
    /// the interpreter runs in a frame of its own loop (`Vm::plain_init`) whose
    /// `__init__` is inlinable.
    fn inlinable_class_call(&mut self, cls: Value, n: usize) -> bool {
        matches!(cls.as_obj().map(|o| &o.data), Some(ObjData::Type(_)))
            && self.jit.inline_classes
            && self
                .plain_init(cls, n)
                .is_some_and(|init| self.inlinable(init))
    }

    /// The function `obj.name(...)` calls, when it is a plain method found on the
    /// class of an ordinary instance (what the LOAD_METHOD helper re-checks).
    /// The slot index of instance attribute `name` of `obj` when a trace may read
    /// and write it directly: a plain attribute (no hook or data descriptor on the
    /// class, which the type version guard then pins) in the instance's slots.
    fn inline_attr_slot(&self, obj: Value, name: Value) -> Option<usize> {
        let ObjData::Instance(i) = &obj.as_obj()?.data else {
            return None;
        };
        if !i.dict.get().is_empty() || !helpers::plain_instance_attr(self, obj.obj().class(), name)
        {
            return None;
        }
        i.shape.get().lookup(name)
    }

    /// Whether `FormatValue(fl)` (no conversion) formats an int, float or exact
    /// str, with an exact str spec if it has one (on top of the value).
    fn plain_format(&self, fl: u32, fr: &Frame) -> bool {
        let spec = fl & 4 != 0;
        if fr.stack_len() < 1 + usize::from(spec) {
            return false;
        }
        let (v, spec_ok) = if spec {
            (fr.peek(1), helpers::exact_str(self, fr.peek(0)))
        } else {
            (fr.peek(0), true)
        };
        spec_ok && (v.is_small_int() || v.is_float() || helpers::exact_str(self, v))
    }

    /// The function `a op b` calls first when a trace may inline it: `a` a plain
    /// instance whose class defines the operator's dunder as an inlinable plain
    /// function of two parameters, and `b` an inline int, a float or an object
    /// whose class is `a`'s or not a subclass of it (its reflected method then
    /// comes after, only on NotImplemented).
    fn operator_dunder(&mut self, op: BinOp, a: Value, b: Value) -> Option<Value> {
        let (name, _, _) = op.dunders();
        let name = self.name(name);
        let func = self.plain_method(a, name)?;
        if !self.inlinable(func) || self.function(func)?.code.argcount != 2 {
            return None;
        }
        let ObjData::Instance(i) = &a.as_obj()?.data else {
            return None;
        };
        if !i.base_value.get().is_empty() {
            return None;
        }
        self.reflected_comes_after(a, b).then_some(func)
    }

    /// Whether `b`'s reflected method of `a op b` can come only after `a`'s
    /// (on NotImplemented): `b` an inline int, a float or an object whose
    /// class is `a`'s or not a subclass of it.
    fn reflected_comes_after(&self, a: Value, b: Value) -> bool {
        b.is_small_int()
            || b.is_float()
            || b.as_obj().is_some_and(|o| {
                let (ta, tb) = (a.obj().class(), o.class());
                ta == tb || !self.is_subclass(tb, ta)
            })
    }

    /// Inlines `func`, the dunder of operator `op` on `a` and `b` (the top two
    /// of the stack), under guards on both operands' classes; its frame keeps
    /// the operation for the protocol an exit inside may have to carry on
    /// (`Parent::callee_binop`).
    fn inline_operator_dunder(
        &mut self,
        rec: &mut Recorder,
        func: Value,
        op: DunderOp,
        (a, b): (Value, Value),
        pc: usize,
    ) -> Result<(), Abort> {
        rec.check_inline_call(pc, func)?;
        let n = rec.stack.len();
        let (ra, rb) = (rec.stack[n - 2], rec.stack[n - 1]);
        let layouts = self.jit.layouts;
        if rec.guard_instance(ra, a, &layouts, pc).is_none() {
            return Err("operator dunder of an unguardable instance".into());
        }
        let rb = if b.is_small_int() {
            let x = rec.as_int(rb, pc);
            rec.boxed(x)
        } else if b.is_float() {
            let x = rec.as_float(rb, b, pc);
            rec.boxed(x)
        } else {
            rec.guard_class(rb, b, layouts.class, pc);
            rb
        };
        rec.stack.truncate(n - 2);
        let code = self.function(func).ok_or("not a function")?.code.clone();
        let args = if matches!(op, DunderOp::Reflected(_)) {
            vec![rb, ra]
        } else {
            vec![ra, rb]
        };
        rec.enter_inline(func, code, args, pc);
        if let Some(p) = rec.parents.last_mut() {
            p.callee_binop = Some((op, ra, rb));
        }
        Ok(())
    }

    /// The plain function the comparison `a op b` calls first, and which
    /// call it is: `a`'s own method for `op` when its class defines one and
    /// `b`'s reflected method comes after (`reflected_comes_after`); for `!=`
    /// on a class with only object's `__ne__`, `a.__eq__(b)` to be negated;
    /// `b`'s reflected one when `a` is of the same class and that class has
    /// only object's method for `op` (which returns NotImplemented: `x > y`
    /// on a class defining only `__lt__`).
    fn compare_dunder(&mut self, op: CmpOp, a: Value, b: Value) -> Option<(Value, DunderOp)> {
        let ObjData::Instance(i) = &a.as_obj()?.data else {
            return None;
        };
        if !i.base_value.get().is_empty() {
            return None;
        }
        let takes_two = |vm: &Vm, f: Value| {
            vm.inlinable(f) && vm.function(f).is_some_and(|f| f.code.argcount == 2)
        };
        let name = self.name(op.dunder());
        let ok_b = self.reflected_comes_after(a, b);
        if let Some(func) = self.plain_method(a, name) {
            return (ok_b && takes_two(self, func)).then_some((func, DunderOp::Compare(op)));
        }
        let cls = a.obj().class();
        let own = crate::vm::types::lookup(self, cls, name);
        let objects = |vm: &Vm, own: Option<Value>| {
            own.is_none() || own == crate::vm::types::lookup(vm, vm.types.object, name)
        };
        if op == CmpOp::Ne && objects(self, own) {
            // object's `__ne__` inverts `__eq__`'s answer
            let eq = self.name("__eq__");
            let func = self.plain_method(a, eq)?;
            return (ok_b && takes_two(self, func)).then_some((func, DunderOp::NotEqualViaEq));
        }
        if b.as_obj()?.class() != cls || !objects(self, own) {
            return None;
        }
        let rname = self.name(op.swapped().dunder());
        let func = self.plain_method(b, rname)?;
        takes_two(self, func).then_some((func, DunderOp::Reflected(op)))
    }

    /// Whether `obj.name` on the instance `obj` finds a plain value (a number,
    /// a str, a container) on its class of metaclass `type`: no hook, no
    /// descriptor, no instance attribute of that name.
    fn class_value_of_instance(&self, obj: Value, name: Value) -> bool {
        let Some(ObjData::Instance(i)) = obj.as_obj().map(|o| &o.data) else {
            return false;
        };
        let cls = obj.obj().class();
        i.dict.get().is_empty()
            && i.base_value.get().is_empty()
            && i.shape.get().lookup(name).is_none()
            && helpers::plain_instance_attr(self, cls, name)
            && helpers::plain_class_attr(self, cls, name)
            && crate::vm::types::lookup(self, cls, name)
                .is_some_and(|v| crate::vm::types::is_plain_class_value(self, v))
    }

    /// Whether `a` and `b` are both exact tuples or both exact lists.
    fn plain_seq_pair(&self, a: Value, b: Value) -> bool {
        let kind = |v: Value| match v.as_obj().map(|o| &o.data) {
            Some(ObjData::Tuple(_)) => Some(0),
            Some(ObjData::List(_)) => Some(1),
            _ => None,
        };
        kind(a).is_some()
            && kind(a) == kind(b)
            && self.is_builtin_exact(a)
            && self.is_builtin_exact(b)
    }

    /// Whether `iter(v)` is the `GET_ITER` helper's: `v` an exact list, tuple,
    /// range, dict, set, dict view or str.
    fn iterable_seq(&self, v: Value) -> bool {
        matches!(
            v.as_obj().map(|o| &o.data),
            Some(
                ObjData::List(_)
                    | ObjData::Tuple(_)
                    | ObjData::Range { .. }
                    | ObjData::Dict(_)
                    | ObjData::Set(_)
                    | ObjData::DictView { .. }
                    | ObjData::Str(_)
            )
        ) && self.is_builtin_exact(v)
    }

    /// The `__getitem__` that `obj[k]` calls when `obj` is a plain instance
    /// whose class defines it as an inlinable function of two parameters.
    fn getitem_dunder(&mut self, obj: Value) -> Option<Value> {
        self.plain_dunder(obj, "__getitem__", 2)
    }

    /// The special method `name` that an operation on `obj` calls when `obj` is
    /// a plain instance whose class defines it as an inlinable function of
    /// `params` parameters (`self` included).
    fn plain_dunder(&mut self, obj: Value, name: &'static str, params: u32) -> Option<Value> {
        let func = self.special_method(obj, name)?;
        (self.inlinable(func) && self.function(func)?.code.argcount == params).then_some(func)
    }

    /// The Python function `name` of `obj`'s class when `obj` is a plain
    /// instance (not of a built-in type's subclass) and its class has no
    /// attribute hooks.
    fn special_method(&mut self, obj: Value, name: &'static str) -> Option<Value> {
        let ObjData::Instance(i) = &obj.as_obj()?.data else {
            return None;
        };
        if !i.base_value.get().is_empty() {
            return None;
        }
        let name = self.name(name);
        self.plain_method(obj, name)
    }

    /// Inlines `func`, the special method `op` calls on the instance `obj`
    /// (`args[0]` in the trace), under guards on its class; its frame keeps
    /// the operation, which the callee's `return` completes (checking or
    /// converting what it returns) in the trace and, after an exit inside, in
    /// the interpreter (`Frame::binop_return`).
    /// `operands`: how many stack entries the operation takes (dropped once
    /// the guards, whose exits re-run it, are made).
    #[allow(clippy::too_many_arguments)]
    fn inline_special_method(
        &mut self,
        rec: &mut Recorder,
        func: Value,
        op: DunderOp,
        obj: Value,
        args: Vec<Ref>,
        operands: usize,
        pc: usize,
    ) -> Result<(), Abort> {
        let ro = args[0];
        if rec.guard_instance(ro, obj, &self.jit.layouts, pc).is_none() {
            return Err("special method of an unguardable instance".into());
        }
        let n = rec.stack.len();
        rec.stack.truncate(n - operands);
        let code = self.function(func).ok_or("not a function")?.code.clone();
        let other = args.get(1).copied().unwrap_or(ro);
        rec.enter_inline(func, code, args, pc);
        if let Some(p) = rec.parents.last_mut() {
            p.callee_binop = Some((op, ro, other));
        }
        Ok(())
    }

    /// The `__iter__` that `iter(obj)` calls when `obj` is a plain instance
    /// whose class defines it as a generator function of `self` alone.
    fn generator_iter_dunder(&mut self, obj: Value) -> Option<Value> {
        use crate::compiler::bytecode::flags;
        let func = self.special_method(obj, "__iter__")?;
        let ObjData::Function(f) = &func.as_obj()?.data else {
            return None;
        };
        let plain = f.code.argcount == 1
            && f.code.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0
            && f.code.kwonlyargcount == 0;
        (plain && helpers::is_generator_function(func)).then_some(func)
    }

    /// The helper for a call of `m` with `argc` arguments when it is `list.pop`
    /// (none or one) or `list.insert` (two).
    fn list_method_helper(&mut self, m: Value, argc: u32) -> Option<i64> {
        let list = self.types.list;
        if argc <= 1 && self.is_method_of(m, list, "pop") {
            Some(helpers::LIST_POP)
        } else if argc == 2 && self.is_method_of(m, list, "insert") {
            Some(helpers::LIST_INSERT)
        } else if argc == 1 && self.is_method_of(m, list, "extend") {
            Some(helpers::LIST_EXTEND)
        } else {
            None
        }
    }

    /// The helper for a call of `m` when it is `dict.get` or `dict.setdefault`.
    fn dict_method_helper(&mut self, m: Value) -> Option<i64> {
        let dict = self.types.dict;
        if self.is_method_of(m, dict, "get") {
            Some(helpers::DICT_GET_OR)
        } else if self.is_method_of(m, dict, "setdefault") {
            Some(helpers::DICT_SETDEFAULT)
        } else {
            None
        }
    }

    /// Whether `m` is `set.add`.
    fn is_set_add(&mut self, m: Value) -> bool {
        let set = self.types.set;
        self.is_method_of(m, set, "add")
    }

    /// Whether `m` is the built-in method `name` of type `ty`.
    fn is_method_of(&mut self, m: Value, ty: Value, name: &'static str) -> bool {
        let name = self.name(name);
        matches!(m.as_obj().map(|o| &o.data), Some(ObjData::Builtin(_)))
            && crate::vm::types::lookup(self, ty, name) == Some(m)
    }

    /// The getter `obj.name` runs when it is a plain `property` of `obj`'s class
    /// (no attribute hooks) whose getter can be inlined and takes just `self`.
    fn property_getter(&mut self, obj: Value, name: Value) -> Option<Value> {
        let o = obj.as_obj()?;
        if !matches!(o.data, ObjData::Instance(_))
            || self.type_hooks(o.class()) & crate::vm::types::ATTR_HOOKS != 0
        {
            return None;
        }
        let p = crate::vm::types::lookup(self, o.class(), name)?;
        let ObjData::Property { fget, .. } = &p.as_obj()?.data else {
            return None;
        };
        let fget = *fget;
        let takes_self = self
            .function(fget)
            .is_some_and(|f| f.code.argcount == 1 && !f.code.qualname.contains("<locals>"));
        (p.obj().class() == self.types.property && takes_self && self.inlinable(fget))
            .then_some(fget)
    }

    fn plain_method(&mut self, obj: Value, name: Value) -> Option<Value> {
        let o = obj.as_obj()?;
        if !matches!(o.data, ObjData::Instance(_)) {
            return None;
        }
        let cls = o.class();
        if self.type_hooks(cls) & crate::vm::types::ATTR_HOOKS != 0
            || self.instance_get_attr(obj, name).is_some()
        {
            return None;
        }
        // (a function the trace cannot inline is still a constant: its call is
        // then one residual call, with no bound method)
        let f = crate::vm::types::lookup(self, cls, name)?;
        matches!(f.as_obj()?.data, ObjData::Function(_)).then_some(f)
    }
}

/// The method `obj.name` calls when `obj` is an exact str, bytes, list, tuple,
/// dict or set, or an object of a module's native type (no `__dict__`, no hooks:
/// `_random._MersenneTwister`), and the method a plain built-in one: what
/// `LoadMethod` may push as a constant after guarding `obj`'s class (and the
/// native type's version).
fn builtin_method_of(vm: &mut Vm, obj: Value, name: Value) -> Option<Value> {
    let o = obj.as_obj()?;
    let builtin_data = matches!(
        o.data,
        ObjData::Str(_)
            | ObjData::Bytes(_)
            | ObjData::List(_)
            | ObjData::Tuple(_)
            | ObjData::Dict(_)
            | ObjData::Set(_)
    );
    let native = matches!(o.data, ObjData::Native(_))
        && !vm.is_builtin_exact(obj)
        && vm.type_hooks(o.class()) & crate::vm::types::ATTR_HOOKS == 0;
    if !(builtin_data && vm.is_builtin_exact(obj) || native) {
        return None;
    }
    let m = crate::vm::types::lookup(vm, o.class(), name)?;
    match &m.as_obj()?.data {
        ObjData::Builtin(b) if b.bound.is_empty() => Some(m),
        _ => None,
    }
}

/// Whether `code` is a generator expression's (a plain generator of one
/// parameter, its iterator).
fn is_genexpr(code: &Code) -> bool {
    use crate::compiler::bytecode::flags;
    code.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) == flags::GENERATOR
        && &*code.name == "<genexpr>"
        && code.argcount == 1
}

pub(super) fn is_builtin_named(v: Value, name: &str) -> bool {
    matches!(v.as_obj().map(|o| &o.data), Some(ObjData::Builtin(b)) if b.name == name && b.bound.is_empty())
}

/// A bytecode's name without its operands (`LoadAttr`).
pub(crate) fn op_name(op: &Op) -> String {
    let s = format!("{op:?}");
    s.split('(').next().unwrap_or("?").to_string()
}
