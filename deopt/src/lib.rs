//! Snapshot decoding, frame reconstruction on side exits, exit counters and the
//! side-trace / blacklist policy. Depends on `asm` and `guards`.
//!
//! - `restore`: an exit's snapshot + `vals` (the calling contract in `guards`) as
//!   the interpreter state to resume with (pc and boxed operand stack).
//! - `ExitCounters`, `Policy`: how often each exit was taken, and when an exit is hot
//!   enough for a side trace or has failed too often and is left alone.
//! - `chaos`: the countdown sampler for `--jit-chaos=SEED[:P]` (asm's
//!   `Options::chaos` instrumentation).
//! - `fuzzing`: random valid traces run by the evaluator and by native code with
//!   chaos, compared exit by exit (the `trace_exits` fuzz target and its test).

pub mod chaos;
pub mod fuzzing;

pub use asm;
use guards::{Ref, Trace, Ty, tags};

/// The interpreter state an exit resumes with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Restored {
    /// The bytecode pc to resume at.
    pub pc: u32,
    /// The operand stack, bottom first, as boxed values.
    pub stack: Vec<u64>,
    /// Frame slots whose stores the trace delayed (slot index, boxed value): the
    /// exit writes them.
    pub slots: Vec<(u32, u64)>,
}

/// The boxed value of `r` at an exit, from its unboxed form in `vals` (or, for a
/// constant, from the IR: the code need not have written it home): I64 by
/// `tags::box_int`, F64 by `tags::box_float` (NaNs canonicalised), Bool by
/// `tags::box_bool` (any non-zero is True), Val (and Void) as is.
pub fn box_ref(trace: &Trace, r: Ref, vals: &[u64]) -> u64 {
    let ins = trace.get(r);
    let raw = match ins.op {
        guards::Op::KInt | guards::Op::KFloat | guards::Op::KVal => ins.imm as u64,
        _ => vals[r.idx()],
    };
    match trace.get(r).ty {
        Ty::I64 => tags::box_int(raw as i64),
        Ty::F64 => tags::box_float(f64::from_bits(raw)),
        Ty::Bool => tags::box_bool(raw != 0),
        Ty::Val | Ty::Void | Ty::Ptr => raw,
    }
}

/// Decodes the exit through snapshot `snap`: its pc and its stack refs boxed by
/// their IR types (see `box_ref`). Panics if `snap` or a ref is out of range (the
/// backends only return snapshots of the trace they ran, with `vals` filled), or
/// if the snapshot names a sunk allocation (`restore_with` takes a maker).
pub fn restore(trace: &Trace, snap: u32, vals: &[u64]) -> Restored {
    restore_with(trace, snap, vals, &mut |r| {
        panic!("snapshot {snap} names the sunk allocation {r}")
    })
}

/// `restore`, with `make` called for each entry that is a sunk allocation
/// (`sinka`): it returns the object, made from the values the allocation names
/// (the client knows its helpers). An entry named twice is one object, so
/// `make` remembers what it made.
pub fn restore_with(
    trace: &Trace,
    snap: u32,
    vals: &[u64],
    make: &mut dyn FnMut(Ref) -> u64,
) -> Restored {
    let s = &trace.snapshots[snap as usize];
    let mut value = |r: Ref| {
        if trace.is_sunk(r) {
            make(r)
        } else {
            box_ref(trace, r, vals)
        }
    };
    Restored {
        pc: s.pc,
        stack: s.stack.iter().map(|&r| value(r)).collect(),
        slots: s.slots.iter().map(|&(slot, r)| (slot, value(r))).collect(),
    }
}

/// How often each exit (by snapshot index) of one trace was taken.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExitCounters {
    counts: Vec<u64>,
}

impl ExitCounters {
    /// Counters for a trace with `snapshots` snapshots (more grow on demand).
    pub fn new(snapshots: usize) -> ExitCounters {
        ExitCounters {
            counts: vec![0; snapshots],
        }
    }

    /// Counts one exit through `snap`; returns its new count.
    pub fn hit(&mut self, snap: u32) -> u64 {
        let i = snap as usize;
        if i >= self.counts.len() {
            self.counts.resize(i + 1, 0);
        }
        self.counts[i] = self.counts[i].saturating_add(1);
        self.counts[i]
    }

    /// The count of `snap` so far.
    pub fn get(&self, snap: u32) -> u64 {
        self.counts.get(snap as usize).copied().unwrap_or(0)
    }

    /// All exits taken.
    pub fn total(&self) -> u64 {
        self.counts.iter().fold(0u64, |a, &c| a.saturating_add(c))
    }

    /// Per-snapshot counts (index = snapshot).
    pub fn counts(&self) -> &[u64] {
        &self.counts
    }
}

/// When an exit gets a side trace.
///
/// An exit is hot when its count reaches `hotexit`: the driver then tries to record
/// a side trace from it. If that attempt does not produce a trace (the recording
/// aborted), the next attempts come with exponential back-off, at 2, 4, ... times
/// `hotexit`, `MAX_ATTEMPTS` attempts in all (the same back-off as loops that fail to
/// record). Blacklist rule: an exit whose count has passed the last attempt point
/// (`hotexit << (MAX_ATTEMPTS - 1)`) without getting a side trace is blacklisted:
/// it stays an exit to the interpreter and is never recorded again. `hotexit == 0`
/// disables side traces (every exit is blacklisted).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    pub hotexit: u32,
}

impl Policy {
    /// Side-trace attempts per exit before it is blacklisted.
    pub const MAX_ATTEMPTS: u32 = 4;

    /// Whether an exit just taken for the `count`-th time (`ExitCounters::hit`)
    /// should try to record a side trace now.
    pub fn wants_side_trace(&self, count: u64) -> bool {
        let h = self.hotexit as u64;
        h != 0
            && count.is_multiple_of(h)
            && (count / h).is_power_of_two()
            && (count / h) < (1u64 << Self::MAX_ATTEMPTS)
    }

    /// Whether an exit taken `count` times has used up its attempts (see the type's
    /// doc): the driver stops counting it and never records from it.
    pub fn is_blacklisted(&self, count: u64) -> bool {
        let h = self.hotexit as u64;
        h == 0 || count > h << (Self::MAX_ATTEMPTS - 1)
    }
}

impl Default for Policy {
    /// `hotexit` 10, the driver's default (`--jit-hotexit`).
    fn default() -> Self {
        Policy { hotexit: 10 }
    }
}
