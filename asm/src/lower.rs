//! Architecture-independent side of lowering: the `Backend` trait, trace validation
//! (so malformed or unsupported traces become errors the JIT turns into aborts,
//! never panics or wrong code) and `compile`, which assembles a trace for the arena
//! address it will live at and installs it there.

use std::fmt;

use guards::{Op, Ref, Trace, TraceFn, Ty};

use crate::arena::{ArenaError, CodeArena};

#[derive(Debug)]
pub enum LowerError {
    /// Valid IR this backend cannot compile yet.
    Unsupported(String),
    /// IR that breaks the trace invariants (bad refs, types, snapshots).
    Malformed(String),
    /// The assembler rejected the code (e.g. an unbound label).
    Assembler(String),
    Arena(ArenaError),
}

impl fmt::Display for LowerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LowerError::Unsupported(s) => write!(f, "unsupported by the backend: {s}"),
            LowerError::Malformed(s) => write!(f, "malformed trace: {s}"),
            LowerError::Assembler(s) => write!(f, "assembler: {s}"),
            LowerError::Arena(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for LowerError {}

impl From<ArenaError> for LowerError {
    fn from(e: ArenaError) -> Self {
        LowerError::Arena(e)
    }
}

/// Machine code for one trace, assembled for a fixed address.
#[derive(Debug, Clone)]
pub struct Assembled {
    pub code: Vec<u8>,
    /// (snapshot index, offset of that exit's link point in `code`). An exit stub
    /// first writes the snapshot's values home, then reaches its link point, where
    /// it returns the exit code; `link_jump` bytes written there send the exit to a
    /// side trace instead (which reads the values from home with `PVal`).
    pub exit_stubs: Vec<(u32, usize)>,
    /// Offset of the re-entry point: just after the prologue. Other traces (side
    /// traces, traces ending at this one's loop header) jump here with the frame and
    /// registers the uniform prologue sets up.
    pub reentry: usize,
    /// Offset of the loop-body entry stub, for a looping trace. A trace that ends
    /// at this loop's header may jump here instead of to `reentry`, skipping the
    /// peeled iteration, after storing each phi's value in its home (`SetVal`; see
    /// `BodyEntry`). The stub checks that the frame slots the peeled iteration
    /// loaded as invariants still hold the values the invariants were computed
    /// from (and that the peeled iteration has run at all); if not, it goes to
    /// `reentry`. Then it reloads the invariants and phis into their registers and
    /// enters the loop. The second offset is that reload, past the checks.
    pub body_entry: Option<(usize, usize)>,
}

/// Whether another trace can enter `t`'s loop body (at `lp`) by handing each phi
/// its value: no slot the body stores may have lost its phi to folding. Such a
/// slot (the body always stores the same invariant value) is assumed by the body
/// to hold that value at the top of every iteration, which a trace entering from
/// elsewhere need not satisfy. A phi that was removed as unused (its slot is dead
/// wherever the body could observe it) needs no value.
pub fn body_enterable(t: &Trace, lp: usize) -> bool {
    lp < t.ins.len()
        && t.carried.iter().all(|&slot| {
            !t.folded_phis.contains(&slot)
                || t.ins[lp..]
                    .iter()
                    .any(|i| i.op == Op::Phi && i.imm == slot as i64)
        })
}

/// How to enter a compiled trace's loop body (see `Assembled::body_entry`).
#[derive(Clone, Debug, PartialEq)]
pub struct BodyEntry {
    /// Absolute address of the entry stub.
    pub addr: usize,
    /// Absolute address of the stub's reloads, past its checks: for a side trace
    /// of this trace's own body exits, which cannot have changed what the checks
    /// look at (see the driver's `enters_unchecked`).
    pub checked_addr: usize,
    /// Each phi: (its frame slot, the absolute `vals` index of its home, its
    /// type). The home takes the value unboxed as the type says.
    pub phis: Vec<(u32, usize, Ty)>,
}

/// Compile options. `Options::default()` is the ordinary code `compile` produces.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Chaos instrumentation (`--jit-chaos`, for fuzzing deoptimization): every
    /// guard, after its own check passes, decrements the 64-bit countdown at
    /// `vals[trace.ins.len()]` and, when it reaches zero, leaves through its own exit
    /// (same snapshot, same stub, same `vals` as a real failure of that guard).
    /// A countdown of k >= 1 makes the k-th passing guard exit; one that is 0 when
    /// the code starts wraps and effectively never fires. After a run the countdown
    /// is 0 exactly when chaos made the exit (if it was armed with k >= 1), and holds
    /// the remaining count otherwise. `vals` needs `trace.ins.len() + 1` slots
    /// (`CompiledTrace::vals_len` includes it).
    pub chaos: bool,
    /// Where this trace's values live in `vals`: ref r's home is
    /// `vals[vals_base + r]`. Traces that jump to each other (side traces, links)
    /// need disjoint ranges, since a side trace reads its parent's exit values from
    /// the parent's homes.
    pub vals_base: u32,
    /// Or-ed into the snapshot index an exit returns (the JIT puts the trace number
    /// in the high 16 bits, so one return value names trace and exit).
    pub exit_tag: u32,
    /// The absolute `vals` index of the chaos countdown; `None`: just after this
    /// trace's homes, `vals[vals_base + trace.ins.len()]`.
    pub chaos_slot: Option<u32>,
}

impl Options {
    /// The countdown's absolute index in `vals` for a trace of `n` instructions.
    pub fn chaos_index(&self, n: usize) -> usize {
        match self.chaos_slot {
            Some(s) => s as usize,
            None => self.vals_base as usize + n,
        }
    }

    /// Where the back edge parks phi values: after the homes and the default
    /// countdown slot.
    pub fn scratch_index(&self, n: usize) -> usize {
        self.vals_base as usize + n + 1
    }

    /// The word set (non-zero) once the peeled iteration has stored the loop
    /// invariants home: after the phis' scratch.
    pub fn entered_index(&self, n: usize, phis: usize) -> usize {
        self.scratch_index(n) + phis
    }

    /// How many u64s `vals` needs for a trace of `n` instructions and `phis` phis.
    pub fn vals_len(&self, n: usize, phis: usize) -> usize {
        let own = self.entered_index(n, phis) + 1;
        own.max(self.chaos_index(n) + 1)
    }
}

/// One target architecture. `assemble_with` must produce code following the
/// contract in `guards` (see `guards::TraceFn`) when placed at exactly `base`.
pub trait Backend {
    fn arch(&self) -> &'static str;
    fn assemble_with(
        &self,
        trace: &Trace,
        base: usize,
        opts: &Options,
    ) -> Result<Assembled, LowerError>;
    /// The loop position and the register allocation `assemble_with` uses.
    fn allocate(
        &self,
        trace: &Trace,
        opts: &Options,
    ) -> Result<(usize, crate::regalloc::Allocation), LowerError>;
    /// The assembler name of a register location.
    fn register_name(&self, loc: crate::regalloc::Loc) -> String;
    /// The ordinary code (`Options::default()`).
    fn assemble(&self, trace: &Trace, base: usize) -> Result<Assembled, LowerError> {
        self.assemble_with(trace, base, &Options::default())
    }
}

/// The register assignment `backend` makes for `trace`, for `--trace-log`: a
/// header line, then one line per value that has a register (ref, type,
/// register, live interval; `end` is the back edge), then the values at home.
pub fn allocation_listing(
    backend: &dyn Backend,
    trace: &Trace,
    opts: &Options,
) -> Result<String, LowerError> {
    use crate::regalloc::Loc;
    use std::fmt::Write as _;
    let (_lp, alloc) = backend.allocate(trace, opts)?;
    let n = trace.ins.len();
    let valued: Vec<usize> = (0..n).filter(|&r| alloc.live[r].is_some()).collect();
    let in_regs: Vec<usize> = valued
        .iter()
        .copied()
        .filter(|&r| alloc.loc[r] != Loc::Home)
        .collect();
    let folded = alloc.folded.iter().filter(|&&f| f).count();
    let mut out = format!(
        "---- registers ({}: {} of {} values in registers, {} addresses folded)\n",
        backend.arch(),
        in_regs.len(),
        valued.len(),
        folded
    );
    let pos = |p: usize| {
        if p >= n {
            "end".to_string()
        } else {
            format!("{p:04}")
        }
    };
    for r in in_regs {
        let (a, b) = alloc.live[r].expect("valued");
        let _ = writeln!(
            out,
            "{r:04} {:<4} {:<6} {}-{}",
            trace.ins[r].ty.name(),
            backend.register_name(alloc.loc[r]),
            pos(a),
            pos(b)
        );
    }
    let home: Vec<String> = valued
        .iter()
        .filter(|&&r| alloc.loc[r] == Loc::Home)
        .map(|r| format!("{r:04}"))
        .collect();
    if !home.is_empty() {
        let _ = writeln!(out, "home {}", home.join(" "));
    }
    Ok(out)
}

/// The backend for the machine we run on, if there is one.
pub fn host_backend() -> Option<&'static dyn Backend> {
    if cfg!(target_arch = "x86_64") {
        Some(&crate::x64::X64::REGALLOC)
    } else if cfg!(target_arch = "aarch64") {
        Some(&crate::arm64::Arm64::REGALLOC)
    } else {
        None
    }
}

/// A trace installed in a code arena.
#[derive(Debug, Clone)]
pub struct CompiledTrace {
    pub addr: usize,
    pub len: usize,
    /// (snapshot index, absolute address of its exit's link point).
    pub exit_stubs: Vec<(u32, usize)>,
    /// Absolute address of the re-entry point (see `Assembled::reentry`).
    pub reentry: usize,
    /// `vals` must hold at least this many u64s: the homes from `vals_base`, the
    /// chaos countdown and the phis' back-edge scratch.
    pub vals_len: usize,
    /// The index of the chaos countdown in `vals`, when the code was compiled with
    /// `Options::chaos`.
    pub chaos_slot: Option<usize>,
    /// Entering the loop body from another trace, for a looping trace.
    pub body_entry: Option<BodyEntry>,
}

/// The bytes that make an exit's link point jump to `target` instead of returning,
/// for the host's backend: x86-64 `jmp rel32` (the link point is always at least 5
/// bytes long), AArch64 `b imm26` (±128 MiB; one instruction). `None` when the
/// target is out of range or there is no backend for the host. Installing them with
/// `CodeArena::patch` also synchronizes the instruction cache.
pub fn link_jump(link_point: usize, target: usize) -> Option<Vec<u8>> {
    if cfg!(target_arch = "x86_64") {
        crate::x64::link_jump(link_point, target)
    } else if cfg!(target_arch = "aarch64") {
        crate::arm64::link_jump(link_point, target)
    } else {
        None
    }
}

impl CompiledTrace {
    /// The entry point.
    ///
    /// # Safety
    /// The arena holding the code must outlive every call, and the code must have
    /// been produced by the host backend.
    pub unsafe fn entry(&self) -> TraceFn {
        // SAFETY: addr points at installed code following the TraceFn contract.
        unsafe { std::mem::transmute::<usize, TraceFn>(self.addr) }
    }

    /// Runs the trace until an exit; returns the snapshot index of that exit.
    ///
    /// # Safety
    /// `slots` must cover every slot the trace touches, `helpers` every helper
    /// index it calls, and the arena must still be alive.
    pub unsafe fn run(
        &self,
        slots: &mut [u64],
        vals: &mut [u64],
        helpers: &[guards::Helper],
    ) -> u32 {
        assert!(vals.len() >= self.vals_len, "vals too short for this trace");
        // SAFETY: per the caller's promises; vals length is checked above.
        unsafe { (self.entry())(slots.as_mut_ptr(), vals.as_mut_ptr(), helpers.as_ptr()) }
    }

    /// The installed bytes (for disassembly).
    ///
    /// # Safety
    /// The arena holding the code must still be alive.
    pub unsafe fn code(&self) -> &[u8] {
        // SAFETY: [addr, addr+len) is readable installed code while the arena lives.
        unsafe { std::slice::from_raw_parts(self.addr as *const u8, self.len) }
    }
}

/// Assembles `trace` for the arena's next address and installs it there.
pub fn compile(
    backend: &dyn Backend,
    trace: &Trace,
    arena: &mut CodeArena,
) -> Result<CompiledTrace, LowerError> {
    compile_with(backend, trace, arena, Options::default())
}

/// `compile` with options (see `Options`; `Options::default()` gives exactly the
/// code `compile` gives).
pub fn compile_with(
    backend: &dyn Backend,
    trace: &Trace,
    arena: &mut CodeArena,
    opts: Options,
) -> Result<CompiledTrace, LowerError> {
    let base = arena.next_addr();
    let asm = backend.assemble_with(trace, base, &opts)?;
    let addr = arena.reserve(asm.code.len())?;
    if addr != base {
        return Err(LowerError::Assembler(format!(
            "arena moved code: {addr:#x} != {base:#x}"
        )));
    }
    arena.write(addr, &asm.code)?;
    let n = trace.ins.len();
    let phis = trace.ins.iter().filter(|i| i.op == Op::Phi).count();
    Ok(CompiledTrace {
        addr,
        len: asm.code.len(),
        exit_stubs: asm
            .exit_stubs
            .iter()
            .map(|&(s, off)| (s, addr + off))
            .collect(),
        reentry: addr + asm.reentry,
        vals_len: opts.vals_len(n, phis),
        chaos_slot: opts.chaos.then(|| opts.chaos_index(n)),
        body_entry: asm.body_entry.map(|(off, checked)| BodyEntry {
            addr: addr + off,
            checked_addr: addr + checked,
            phis: trace
                .ins
                .iter()
                .enumerate()
                .filter(|(_, ins)| ins.op == Op::Phi)
                .map(|(r, ins)| (ins.imm as u32, opts.vals_base as usize + r, ins.ty))
                .collect(),
        }),
    })
}

/// Memory ops address `base + imm` with imm a multiple of 8 below this: one
/// instruction on both backends (AArch64's scaled unsigned 12-bit offset).
pub const MAX_FIELD_OFFSET: i64 = 8 * 4096;

fn field_offset_ok(off: i64) -> bool {
    (0..MAX_FIELD_OFFSET).contains(&off) && off % 8 == 0
}

/// The operand types an op expects (`None`: no operand there).
fn operand_tys(op: Op, ty: Ty) -> (Option<Ty>, Option<Ty>) {
    use Op::*;
    let (i, f, b, v) = (Some(Ty::I64), Some(Ty::F64), Some(Ty::Bool), Some(Ty::Val));
    let p = Some(Ty::Ptr);
    match op {
        KInt | KFloat | KVal | Slot | Loop | Nop | PVal | Count | Link | Exit => (None, None),
        SetSlot | GuardInt | GuardFloat | GuardBool | GuardIs => (v, None),
        BoxInt | NegOv => (i, None),
        BoxFloat | FNeg | FSqrt => (f, None),
        BoxBool | Not | Mask | GuardTrue | GuardFalse => (b, None),
        IToF => (i, None),
        AddOv | SubOv | MulOv | Add | Sub | Mul | BAnd | BOr | BXor | FloorDiv | Mod => (i, i),
        ILt | ILe | IEq | INe | IGt | IGe => (i, i),
        FAdd | FSub | FMul | FDiv | FLt | FLe | FEq | FNe | FGt | FGe => (f, f),
        Phi => (Some(ty), Some(ty)),
        GuardObj => (v, None),
        ARef => (p, i),
        Load | LoadConst => (p, None),
        // helpers and stores take any word; checked separately
        Store => (p, None),
        SetVal => (None, None),
        CallG | CallA | SinkA | CallR => (None, None),
    }
}

/// The instructions snapshot `snap` names, each once, in order: what its exit
/// stub (and a `callr` before its call) writes home.
pub(crate) fn snapshot_values(trace: &Trace, snap: u32) -> Vec<usize> {
    let mut refs: Vec<usize> = trace
        .snapshot_values(snap)
        .into_iter()
        .map(|r| r.idx())
        .collect();
    refs.sort_unstable();
    refs.dedup();
    refs
}

/// Checks the invariants the backends rely on. Returns the loop start.
pub fn validate(trace: &Trace) -> Result<usize, LowerError> {
    let bad = |s: String| Err(LowerError::Malformed(s));
    let n = trace.ins.len();
    if n > (i32::MAX as usize) / 8 {
        return Err(LowerError::Unsupported(format!(
            "trace too long ({n} instructions)"
        )));
    }
    let loops: Vec<usize> = (0..n).filter(|&i| trace.ins[i].op == Op::Loop).collect();
    // A trace either loops or ends by linking to another; a linking trace has no
    // loop body, so its "loop start" is its end.
    let lp = match loops.as_slice() {
        [l] if !trace.ends() => *l,
        [] if trace.ends() => n,
        [] => return Err(LowerError::Unsupported("trace without a loop".into())),
        [_] => return bad("a trace cannot both loop and link".into()),
        _ => return bad("more than one loop marker".into()),
    };
    for (i, ins) in trace.ins.iter().enumerate() {
        let ty_of = |r: Ref| trace.ins[r.idx()].ty;
        // operands are defined earlier, except a phi's back-edge value
        for (k, r) in [ins.a, ins.b].into_iter().enumerate() {
            if r.is_none() {
                continue;
            }
            let limit = if ins.op == Op::Phi && k == 1 { n } else { i };
            if r.idx() >= limit {
                return bad(format!("{i:04}: operand {r} not defined before use"));
            }
            if ty_of(r) == Ty::Void {
                return bad(format!("{i:04}: operand {r} has no value"));
            }
        }
        let (ta, tb) = operand_tys(ins.op, ins.ty);
        for (want, r, which) in [(ta, ins.a, "a"), (tb, ins.b, "b")] {
            if let Some(want) = want
                && (r.is_none() || ty_of(r) != want)
            {
                return bad(format!(
                    "{i:04} {}: operand {which} should be {}",
                    ins.op.mnemonic(),
                    want.name()
                ));
            }
        }
        match ins.op {
            Op::Phi if i < lp || ins.a.idx() >= lp || ins.ty == Ty::Void => {
                return bad(format!(
                    "{i:04}: phi must follow the loop marker and start from a pre-loop value"
                ));
            }
            _ if ins.op.is_guard()
                && trace.snapshots.get(ins.snap as usize).is_some_and(|s| {
                    s.slots
                        .iter()
                        .any(|&(slot, _)| slot as usize >= (i32::MAX as usize) / 8)
                }) =>
            {
                return Err(LowerError::Unsupported(format!(
                    "{i:04}: snapshot slot index out of range"
                )));
            }
            Op::Slot | Op::SetSlot if !(0..(i32::MAX as i64) / 8).contains(&ins.imm) => {
                return Err(LowerError::Unsupported(format!(
                    "{i:04}: slot index {} out of range",
                    ins.imm
                )));
            }
            Op::Link if i + 1 != n => return bad(format!("{i:04}: link before the end")),
            Op::Exit if i + 1 != n => return bad(format!("{i:04}: exit before the end")),
            Op::Store if ins.b.is_none() => return bad(format!("{i:04}: store without a value")),
            Op::Load | Op::LoadConst | Op::Store if !field_offset_ok(ins.imm) => {
                return Err(LowerError::Unsupported(format!(
                    "{i:04}: memory offset {} is not a multiple of 8 below {MAX_FIELD_OFFSET}",
                    ins.imm
                )));
            }
            Op::SetVal if ins.a.is_none() => return bad(format!("{i:04}: sval without a value")),
            Op::PVal | Op::Count | Op::SetVal if !(0..(i32::MAX as i64) / 8).contains(&ins.imm) => {
                return Err(LowerError::Unsupported(format!(
                    "{i:04}: vals index {} out of range",
                    ins.imm
                )));
            }
            Op::PVal if ins.ty == Ty::Void => return bad(format!("{i:04}: pval without a type")),
            Op::CallG | Op::CallA | Op::CallR if !(0..(i32::MAX as i64) / 8).contains(&ins.imm) => {
                return Err(LowerError::Unsupported(format!(
                    "{i:04}: helper index {} out of range",
                    ins.imm
                )));
            }
            _ => {}
        }
        if ins.op.is_guard() {
            if trace.snapshots.get(ins.snap as usize).is_none() {
                return bad(format!("{i:04}: guard without a valid snapshot"));
            }
            let mut first_bad = None;
            trace.visit_snapshot_values(ins.snap, &mut |r| {
                let fine = r.idx() < n
                    && (r.idx() < i || (trace.ins[r.idx()].op == Op::Phi && i > lp))
                    && trace.ins[r.idx()].ty != Ty::Void;
                if !fine && first_bad.is_none() {
                    first_bad = Some(r);
                }
            });
            if let Some(r) = first_bad {
                return bad(if r.idx() >= n {
                    format!("{i:04}: snapshot names {r}, out of range")
                } else {
                    format!("{i:04}: snapshot names {r}, which has no value there")
                });
            }
        }
    }
    Ok(lp)
}

/// The backend-independent start of `Backend::assemble_with`: validates the trace,
/// allocates registers from `pools` (every value at home when `None`; the
/// allocation is verified in debug builds) and checks that the trace's `vals`
/// range fits 32-bit displacements. Returns the loop start and the allocation.
pub fn prepare(
    trace: &Trace,
    opts: &Options,
    pools: Option<&crate::regalloc::Pools>,
) -> Result<(usize, crate::regalloc::Allocation), LowerError> {
    use crate::regalloc::{Allocation, linear_scan, verify};
    let lp = validate(trace)?;
    let alloc = match pools {
        Some(pools) => {
            let a = linear_scan(trace, lp, pools);
            if cfg!(debug_assertions) {
                verify(trace, lp, &a)
                    .map_err(|e| LowerError::Assembler(format!("allocation verifier: {e}")))?;
            }
            a
        }
        None => Allocation::all_home(trace, lp),
    };
    let phis = trace.ins.iter().filter(|i| i.op == Op::Phi).count();
    let bytes = opts.vals_len(trace.ins.len(), phis).checked_mul(8);
    if bytes.is_none_or(|b| b > i32::MAX as usize) {
        return Err(LowerError::Unsupported(format!(
            "vals range {}.. too large",
            opts.vals_base
        )));
    }
    Ok((lp, alloc))
}
