//! The trace optimizer: separate passes over a recorded `Trace`, each switchable by name.
//!
//! Design. LuaJIT folds, CSEs and forwards while the recorder emits (one fold engine
//! behind `emitir`); Coil records first and optimizes afterwards, one pass per module,
//! so that every pass can be switched off by name (`--jit-passes=-loop,-cse`) to bisect
//! a miscompile, and so that each pass can be tested alone against the reference
//! evaluator (`crate::eval`).
//!
//! How passes rewrite. All passes but `loop` work in place: an instruction that goes
//! away becomes `Nop` and its uses are redirected through a `Subst` (always to an
//! *earlier* ref, so every use and every snapshot entry stays defined before it is
//! read); `Subst::finish` rewrites all operands and snapshots at the end of the pass.
//! Refs therefore stay stable within a pass and snapshot indices stay stable across
//! all passes except `loop`, which builds a new vector (it duplicates the body).
//! `optimize` compacts at the end (drops `Nop`s, renumbers refs; snapshot indices are
//! kept, snapshots no guard uses any more are emptied).
//!
//! Invariants the passes rely on (checked by `crate::verify`):
//! - refs point backwards, except `Phi`'s b (the value from the previous iteration);
//! - a snapshot names only refs defined before its guard;
//! - every non-constant `I64` value is within the 48-bit inline int range (guards
//!   unbox only inline ints, the Ov ops exit outside the range, `FloorDiv` is checked
//!   by the evaluator), so `x + 0 -> x` never loses an exit;
//! - Bool constants are `KInt` with type `Bool` (imm 0/1): the IR has no `KBool`;
//!   raw address constants are `KInt` with type `Ptr`;
//! - `CallG` helpers neither read nor write frame slots (they get values only as
//!   arguments), so they do not invalidate forwarded slots nor keep stores alive.

pub mod cse;
pub mod dce;
pub mod fold;
pub mod fwd;
pub mod loop_peel;
pub mod range;
pub mod sink;

use crate::ir::{Ins, Op, Ref, Trace, Ty};
use std::fmt;

/// A set of optimization passes.
#[derive(Copy, Clone, PartialEq, Eq, Debug, Hash)]
pub struct Passes(u8);

impl Passes {
    pub const FOLD: Passes = Passes(1);
    pub const CSE: Passes = Passes(2);
    pub const FWD: Passes = Passes(4);
    pub const DCE: Passes = Passes(8);
    pub const LOOP: Passes = Passes(16);
    pub const SINK: Passes = Passes(32);
    pub const RANGE: Passes = Passes(64);
    pub const NONE: Passes = Passes(0);
    pub const ALL: Passes = Passes(127);
    /// Every pass with its name, in the order `optimize` runs them.
    pub const NAMES: [(&'static str, Passes); 7] = [
        ("fwd", Passes::FWD),
        ("fold", Passes::FOLD),
        ("cse", Passes::CSE),
        ("dce", Passes::DCE),
        ("loop", Passes::LOOP),
        ("sink", Passes::SINK),
        ("range", Passes::RANGE),
    ];

    pub fn has(self, p: Passes) -> bool {
        self.0 & p.0 == p.0
    }
    pub fn with(self, p: Passes) -> Passes {
        Passes(self.0 | p.0)
    }
    pub fn without(self, p: Passes) -> Passes {
        Passes(self.0 & !p.0)
    }
    /// The set with these bits (only the low 7 are meaningful): for enumerating all
    /// combinations in tests.
    pub fn from_bits(bits: u8) -> Passes {
        Passes(bits & Passes::ALL.0)
    }

    /// Parses a comma-separated list applied left to right to the default (all on):
    /// `-name` turns a pass off, `name` or `+name` on, `none` clears, `all` sets.
    /// `"-loop,-cse"`, `"none,fold"`, `""` (= all).
    pub fn parse(spec: &str) -> Result<Passes, String> {
        let mut p = Passes::ALL;
        for tok in spec.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            let (on, name) = match tok.strip_prefix('-') {
                Some(n) => (false, n),
                None => (true, tok.strip_prefix('+').unwrap_or(tok)),
            };
            let bit = match name {
                "all" if on => {
                    p = Passes::ALL;
                    continue;
                }
                "none" if on => {
                    p = Passes::NONE;
                    continue;
                }
                _ => match Passes::NAMES.iter().find(|(n, _)| *n == name) {
                    Some(&(_, b)) => b,
                    None => {
                        let names: Vec<_> = Passes::NAMES.iter().map(|(n, _)| *n).collect();
                        return Err(format!(
                            "unknown JIT pass '{tok}' (passes: {}; also all, none)",
                            names.join(", ")
                        ));
                    }
                },
            };
            p = if on { p.with(bit) } else { p.without(bit) };
        }
        Ok(p)
    }
}

impl Default for Passes {
    fn default() -> Passes {
        Passes::ALL
    }
}

impl fmt::Display for Passes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<_> = Passes::NAMES
            .iter()
            .filter(|(_, b)| self.has(*b))
            .map(|(n, _)| *n)
            .collect();
        if names.is_empty() {
            write!(f, "none")
        } else {
            write!(f, "{}", names.join(","))
        }
    }
}

/// Runs the enabled passes in a fixed order: fwd (exposes boxed values to fold), fold,
/// cse, fold again (CSE makes `x - x` visible), dce; then, if `loop` is on and the
/// trace loops, peels one iteration, sinks the stores (`sink`: a looping trace only
/// when it was peeled, a linking one always) and runs the same pipeline again on the
/// result; then `range` drops the overflow exits that cannot fire. Finally compacts
/// the vector.
pub fn optimize(trace: &mut Trace, passes: Passes) {
    local(trace, passes);
    let peeled = if passes.has(Passes::LOOP) {
        loop_peel::run(trace)
    } else {
        None
    };
    let sunk = passes.has(Passes::SINK)
        && match &peeled {
            Some(slots) => sink::run(trace, Some(slots)),
            None => trace.ends() && sink::run(trace, None),
        };
    if peeled.is_some() || sunk {
        local(trace, passes);
    }
    if passes.has(Passes::RANGE) && range::run(trace) > 0 && passes.has(Passes::DCE) {
        // the rewritten ops' snapshots may have been the last users of values
        dce::run(trace);
    }
    compact(trace);
}

fn local(trace: &mut Trace, passes: Passes) {
    if passes.has(Passes::FWD) {
        fwd::run(trace);
    }
    if passes.has(Passes::FOLD) {
        fold::run(trace);
    }
    if passes.has(Passes::CSE) {
        cse::run(trace);
        if passes.has(Passes::FOLD) {
            fold::run(trace);
        }
    }
    if passes.has(Passes::DCE) {
        dce::run(trace);
    }
}

/// A substitution of refs built up by one pass: uses of `from` now mean `to`.
pub(crate) struct Subst {
    map: Vec<Ref>,
}

impl Subst {
    pub(crate) fn new(n: usize) -> Subst {
        Subst {
            map: (0..n as u32).map(Ref).collect(),
        }
    }

    /// Redirects uses of `from` to the earlier `to`.
    pub(crate) fn set(&mut self, from: Ref, to: Ref) {
        debug_assert!(
            to < from,
            "substitution must point backwards: {from} -> {to}"
        );
        self.map[from.idx()] = to;
    }

    pub(crate) fn get(&self, mut r: Ref) -> Ref {
        while !r.is_none() && self.map[r.idx()] != r {
            r = self.map[r.idx()];
        }
        r
    }

    /// Rewrites the operands of an instruction about to be looked at (not `Phi`'s b,
    /// which may point forward to code the pass has not reached).
    pub(crate) fn operands(&self, ins: &mut Ins) {
        ins.a = self.get(ins.a);
        if ins.op != Op::Phi {
            ins.b = self.get(ins.b);
        }
    }

    /// Rewrites every operand and snapshot entry of the trace.
    pub(crate) fn finish(&self, t: &mut Trace) {
        for ins in &mut t.ins {
            ins.a = self.get(ins.a);
            ins.b = self.get(ins.b);
        }
        for s in &mut t.snapshots {
            for r in s.refs_mut() {
                *r = self.get(*r);
            }
        }
    }
}

pub(crate) const NOP: Ins = Ins {
    op: Op::Nop,
    ty: Ty::Void,
    a: Ref::NONE,
    b: Ref::NONE,
    imm: 0,
    snap: u32::MAX,
};

/// Turns instruction `r` into a constant (`op` is KInt, KFloat or KVal).
pub(crate) fn make_const(t: &mut Trace, r: usize, op: Op, ty: Ty, imm: i64) {
    t.ins[r] = Ins {
        op,
        ty,
        a: Ref::NONE,
        b: Ref::NONE,
        imm,
        snap: u32::MAX,
    };
}

/// Whether an op is a pure function of its operands and imm, so two instances with
/// equal operands yield equal values, and (for guards) the second cannot exit when the
/// first did not. Excludes memory (`Slot`, `SetSlot`), helpers (`CallG`), `Phi`
/// (its value depends on the iteration) and markers.
pub(crate) fn is_pure(op: Op) -> bool {
    !matches!(
        op,
        Op::Slot
            | Op::SetSlot
            | Op::CallG
            | Op::CallA
            | Op::SinkA
            | Op::CallR
            | Op::Loop
            | Op::Phi
            | Op::Nop
            | Op::Count
            | Op::Link
            | Op::Exit
            | Op::Load
            | Op::Store
            | Op::SetVal
    )
}

/// Drops `Nop`s and renumbers refs. Snapshot indices are kept; snapshots that no guard
/// uses any more are emptied (they may name refs that are gone).
pub fn compact(t: &mut Trace) {
    let mut map = vec![Ref::NONE; t.ins.len()];
    let mut n = 0u32;
    for (i, ins) in t.ins.iter().enumerate() {
        if ins.op != Op::Nop {
            map[i] = Ref(n);
            n += 1;
        }
    }
    let m = |r: Ref| if r.is_none() { r } else { map[r.idx()] };
    let mut used = vec![false; t.snapshots.len()];
    let old = std::mem::take(&mut t.ins);
    for mut ins in old.into_iter().filter(|i| i.op != Op::Nop) {
        ins.a = m(ins.a);
        ins.b = m(ins.b);
        if ins.op.is_guard() {
            used[ins.snap as usize] = true;
        }
        t.ins.push(ins);
    }
    for (s, used) in t.snapshots.iter_mut().zip(used) {
        if used {
            for r in s.refs_mut() {
                *r = m(*r);
            }
        } else {
            s.stack.clear();
            s.slots.clear();
        }
    }
}

/// The number of instructions that are not `Nop`.
pub fn live_count(t: &Trace) -> usize {
    t.ins.iter().filter(|i| i.op != Op::Nop).count()
}

/// The number of live instructions with this op.
pub fn count_op(t: &Trace, op: Op) -> usize {
    t.ins.iter().filter(|i| i.op == op).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_pass_lists() {
        assert_eq!(Passes::parse("").unwrap(), Passes::ALL);
        let p = Passes::parse("-loop,-cse").unwrap();
        assert!(!p.has(Passes::LOOP) && !p.has(Passes::CSE) && p.has(Passes::FOLD));
        assert_eq!(p.to_string(), "fwd,fold,dce,sink,range");
        assert_eq!(Passes::parse("none").unwrap(), Passes::NONE);
        assert_eq!(
            Passes::parse("none,fold, +dce").unwrap(),
            Passes::FOLD.with(Passes::DCE)
        );
        assert_eq!(Passes::parse("none,all").unwrap(), Passes::ALL);
        assert_eq!(Passes::NONE.to_string(), "none");
        assert!(
            Passes::parse("-bogus")
                .unwrap_err()
                .contains("unknown JIT pass '-bogus'")
        );
    }
}
