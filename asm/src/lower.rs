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
    /// (snapshot index, offset of that exit's stub in `code`): the place to patch
    /// when an exit gets a side trace.
    pub exit_stubs: Vec<(u32, usize)>,
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
    /// The ordinary code (`Options::default()`).
    fn assemble(&self, trace: &Trace, base: usize) -> Result<Assembled, LowerError> {
        self.assemble_with(trace, base, &Options::default())
    }
}

/// The backend for the machine we run on, if there is one.
pub fn host_backend() -> Option<&'static dyn Backend> {
    if cfg!(target_arch = "x86_64") {
        Some(&crate::x64::X64::REGALLOC)
    } else {
        None
    }
}

/// A trace installed in a code arena.
#[derive(Debug, Clone)]
pub struct CompiledTrace {
    pub addr: usize,
    pub len: usize,
    /// (snapshot index, absolute address of its exit stub).
    pub exit_stubs: Vec<(u32, usize)>,
    /// `vals` must hold at least this many u64s: one per IR instruction, plus the
    /// chaos countdown when compiled with `Options::chaos`.
    pub vals_len: usize,
    /// The index of the chaos countdown in `vals` (`trace.ins.len()`), when the
    /// code was compiled with `Options::chaos`.
    pub chaos_slot: Option<usize>,
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
    Ok(CompiledTrace {
        addr,
        len: asm.code.len(),
        exit_stubs: asm
            .exit_stubs
            .iter()
            .map(|&(s, off)| (s, addr + off))
            .collect(),
        vals_len: trace.ins.len() + opts.chaos as usize,
        chaos_slot: opts.chaos.then_some(trace.ins.len()),
    })
}

/// The operand types an op expects (`None`: no operand there).
fn operand_tys(op: Op, ty: Ty) -> (Option<Ty>, Option<Ty>) {
    use Op::*;
    let (i, f, b, v) = (Some(Ty::I64), Some(Ty::F64), Some(Ty::Bool), Some(Ty::Val));
    match op {
        KInt | KFloat | KVal | Slot | Loop | Nop => (None, None),
        SetSlot | GuardInt | GuardFloat | GuardBool | GuardIs => (v, None),
        BoxInt | NegOv => (i, None),
        BoxFloat | FNeg => (f, None),
        BoxBool | Not | GuardTrue | GuardFalse => (b, None),
        IToF => (i, None),
        AddOv | SubOv | MulOv | Add | Sub | BAnd | BOr | BXor | FloorDiv | Mod => (i, i),
        ILt | ILe | IEq | INe | IGt | IGe => (i, i),
        FAdd | FSub | FMul | FDiv | FLt | FLe | FEq | FNe | FGt | FGe => (f, f),
        Phi => (Some(ty), Some(ty)),
        // helpers take any word; checked separately
        CallG => (None, None),
    }
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
    let lp = match loops.as_slice() {
        [l] => *l,
        [] => return Err(LowerError::Unsupported("trace without a loop".into())),
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
            Op::Slot | Op::SetSlot if !(0..(i32::MAX as i64) / 8).contains(&ins.imm) => {
                return Err(LowerError::Unsupported(format!(
                    "{i:04}: slot index {} out of range",
                    ins.imm
                )));
            }
            Op::CallG if !(0..(i32::MAX as i64) / 8).contains(&ins.imm) => {
                return Err(LowerError::Unsupported(format!(
                    "{i:04}: helper index {} out of range",
                    ins.imm
                )));
            }
            _ => {}
        }
        if ins.op.is_guard() {
            let Some(snap) = trace.snapshots.get(ins.snap as usize) else {
                return bad(format!("{i:04}: guard without a valid snapshot"));
            };
            for r in &snap.stack {
                let ok = r.idx() < i || (r.idx() < n && trace.ins[r.idx()].op == Op::Phi && i > lp);
                if !ok || trace.ins[r.idx()].ty == Ty::Void {
                    return bad(format!(
                        "{i:04}: snapshot names {r}, which has no value there"
                    ));
                }
            }
        }
    }
    Ok(lp)
}
