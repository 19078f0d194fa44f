//! Linear-scan register allocation over a trace (Poletto & Sarkar), shared by the
//! backends, plus the allocation verifier run in debug builds.
//!
//! Every value keeps its home `vals[ref]`; an allocated value lives in one register
//! for its whole interval and is written home only at exits (and around helper
//! calls for caller-saved registers), a spilled value lives at home throughout.
//! Intervals are linear positions in the trace, made loop-aware: a value defined
//! before the loop and used inside it lives to the end (the loop repeats), phis live
//! from the loop marker to their last use (a local rewritten every iteration frees
//! its register once the new value exists), and the inputs the back edge (position
//! `ins.len()`) copies into the phis live to it. Snapshot
//! refs count as uses at their guards, so every exit finds them in place.
//!
//! Two choices are the backend's (`Pools`), because they pay off only where
//! registers are scarce and addressing modes rich (x86-64): integer constants can
//! stay out of registers (the backend rematerializes them as immediates at each
//! use), and an `aref` used only as the address of loads and stores can be folded
//! into those accesses (`[base + index*8 + offset]`), so it needs no register and
//! its base and index are used where the access is.

use guards::{Op, Ref, Trace, Ty};

/// Where a value lives.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Loc {
    /// Only in `vals[ref]`.
    Home,
    /// A general-purpose register (hardware number).
    Gpr(u8),
    /// A floating-point register (hardware number).
    Fpr(u8),
}

/// The registers a backend hands to the allocator.
pub struct Pools<'a> {
    pub gpr: &'a [u8],
    pub fpr: &'a [u8],
    /// Integer constants (`kint`, `kval`) get no register.
    pub remat_int_constants: bool,
    /// ARefs used only as load/store addresses are folded into them.
    pub fold_arefs: bool,
}

impl Pools<'_> {
    /// Plain pools: constants compete for registers, every aref is computed.
    pub fn plain<'a>(gpr: &'a [u8], fpr: &'a [u8]) -> Pools<'a> {
        Pools {
            gpr,
            fpr,
            remat_int_constants: false,
            fold_arefs: false,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Allocation {
    /// Per ref; `Home` for refs without a value.
    pub loc: Vec<Loc>,
    /// Per ref: (first, last) position the value must be available, or None.
    pub live: Vec<Option<(usize, usize)>>,
    /// Per ref: an aref folded into the loads and stores that use it (no value
    /// of its own; see `foldable_arefs`).
    pub folded: Vec<bool>,
}

impl Allocation {
    /// Everything at home: the allocation of the simple scheme.
    pub fn all_home(trace: &Trace, lp: usize) -> Allocation {
        let folded = vec![false; trace.ins.len()];
        Allocation {
            loc: vec![Loc::Home; trace.ins.len()],
            live: intervals(trace, lp, &folded),
            folded,
        }
    }

    /// Values whose interval contains `pos` (defined strictly before it).
    pub fn live_across(&self, pos: usize) -> impl Iterator<Item = usize> + '_ {
        self.live
            .iter()
            .enumerate()
            .filter_map(move |(r, l)| match l {
                Some((s, e)) if *s < pos && *e >= pos => Some(r),
                _ => None,
            })
    }
}

fn has_value(trace: &Trace, r: usize, folded: &[bool]) -> bool {
    trace.ins[r].ty != Ty::Void && !matches!(trace.ins[r].op, Op::Nop | Op::SinkA) && !folded[r]
}

/// Per ref: an `aref` whose every use is the address operand of a `ld`, `ldc` or
/// `st` (never a stored value, never in a snapshot), which can be folded into
/// those accesses.
pub fn foldable_arefs(trace: &Trace) -> Vec<bool> {
    let n = trace.ins.len();
    let mut ok: Vec<bool> = trace.ins.iter().map(|i| i.op == Op::ARef).collect();
    for ins in &trace.ins {
        let address_use = matches!(ins.op, Op::Load | Op::LoadConst | Op::Store);
        if !ins.a.is_none() && ins.a.idx() < n && !address_use {
            ok[ins.a.idx()] = false;
        }
        if !ins.b.is_none() && ins.b.idx() < n {
            ok[ins.b.idx()] = false;
        }
        if ins.op.is_guard() && (ins.snap as usize) < trace.snapshots.len() {
            trace.visit_snapshot_values(ins.snap, &mut |r| {
                if r.idx() < n {
                    ok[r.idx()] = false;
                }
            });
        }
    }
    ok
}

/// Every use of a value: (ref, position). A use of a folded aref is a use of
/// its base and index; the folded aref itself reads nothing.
fn uses(trace: &Trace, lp: usize, folded: &[bool]) -> Vec<(Ref, usize)> {
    let n = trace.ins.len();
    let mut out = Vec::new();
    for (i, ins) in trace.ins.iter().enumerate() {
        if ins.op == Op::Phi {
            // a is read at loop entry, b at the back edge
            out.push((ins.a, lp));
            out.push((ins.b, n));
            continue;
        }
        if folded[i] {
            continue;
        }
        for r in [ins.a, ins.b] {
            if r.is_none() {
                continue;
            }
            if folded[r.idx()] {
                let aref = trace.ins[r.idx()];
                out.push((aref.a, i));
                out.push((aref.b, i));
            } else {
                out.push((r, i));
            }
        }
        if ins.op.is_guard() && (ins.snap as usize) < trace.snapshots.len() {
            trace.visit_snapshot_values(ins.snap, &mut |r| out.push((r, i)));
        }
    }
    out
}

/// Live intervals (see the module doc). Assumes a validated trace.
pub fn intervals(trace: &Trace, lp: usize, folded: &[bool]) -> Vec<Option<(usize, usize)>> {
    let n = trace.ins.len();
    let mut live: Vec<Option<(usize, usize)>> = (0..n)
        .map(|r| {
            if !has_value(trace, r, folded) {
                None
            } else if trace.ins[r].op == Op::Phi {
                // from the loop marker to its last use: the back edge writes it
                // (a parallel move, so it may share a register with a value dead
                // there or with another phi's input)
                Some((lp, lp))
            } else {
                Some((r, r))
            }
        })
        .collect();
    for (r, pos) in uses(trace, lp, folded) {
        if let Some((s, e)) = &mut live[r.idx()] {
            // a pre-loop value used in the loop is needed by every iteration
            let end = if *s < lp && pos > lp { n } else { pos };
            *e = (*e).max(end);
        }
    }
    live
}

/// Allocates registers from `pools`; spills the interval that ends last.
pub fn linear_scan(trace: &Trace, lp: usize, pools: &Pools) -> Allocation {
    let folded = if pools.fold_arefs {
        foldable_arefs(trace)
    } else {
        vec![false; trace.ins.len()]
    };
    let live = intervals(trace, lp, &folded);
    let mut loc = vec![Loc::Home; trace.ins.len()];
    let remat =
        |r: usize| pools.remat_int_constants && matches!(trace.ins[r].op, Op::KInt | Op::KVal);
    let mut order: Vec<usize> = (0..live.len())
        .filter(|&r| live[r].is_some() && !remat(r))
        .collect();
    order.sort_by_key(|&r| (live[r].unwrap().0, r));
    let mut free_gpr: Vec<u8> = pools.gpr.iter().rev().copied().collect();
    let mut free_fpr: Vec<u8> = pools.fpr.iter().rev().copied().collect();
    let mut active: Vec<usize> = Vec::new();
    let is_f = |r: usize| trace.ins[r].ty == Ty::F64;
    for r in order {
        let (start, end) = live[r].unwrap();
        // expire intervals that ended before this one starts
        active.retain(|&a| {
            if live[a].unwrap().1 < start {
                match loc[a] {
                    Loc::Gpr(g) => free_gpr.push(g),
                    Loc::Fpr(f) => free_fpr.push(f),
                    Loc::Home => {}
                }
                false
            } else {
                true
            }
        });
        let free = if is_f(r) {
            &mut free_fpr
        } else {
            &mut free_gpr
        };
        if let Some(reg) = free.pop() {
            loc[r] = if is_f(r) {
                Loc::Fpr(reg)
            } else {
                Loc::Gpr(reg)
            };
            active.push(r);
            continue;
        }
        // no register: take one from the same-class interval ending last, if that
        // is later than ours
        let victim = active
            .iter()
            .copied()
            .filter(|&a| is_f(a) == is_f(r))
            .max_by_key(|&a| (live[a].unwrap().1, a));
        if let Some(v) = victim
            && live[v].unwrap().1 > end
        {
            loc[r] = loc[v];
            loc[v] = Loc::Home;
            active.retain(|&a| a != v);
            active.push(r);
        }
    }
    Allocation { loc, live, folded }
}

/// Checks an allocation: every use is inside its value's interval, register
/// classes match types, and no two values share a register while both are live.
pub fn verify(trace: &Trace, lp: usize, alloc: &Allocation) -> Result<(), String> {
    for (r, pos) in uses(trace, lp, &alloc.folded) {
        match alloc.live[r.idx()] {
            Some((s, e)) if s <= pos && pos <= e => {}
            other => {
                return Err(format!(
                    "use of {r} at {pos} outside its interval {other:?}"
                ));
            }
        }
    }
    let mut by_reg: Vec<(Loc, usize, usize, usize)> = Vec::new();
    for (r, &l) in alloc.loc.iter().enumerate() {
        let class_ok = match l {
            Loc::Home => true,
            Loc::Gpr(_) => has_value(trace, r, &alloc.folded) && trace.ins[r].ty != Ty::F64,
            Loc::Fpr(_) => has_value(trace, r, &alloc.folded) && trace.ins[r].ty == Ty::F64,
        };
        if !class_ok {
            return Err(format!("{r:04} in {l:?} does not fit its type"));
        }
        if l != Loc::Home {
            let Some((s, e)) = alloc.live[r] else {
                return Err(format!("{r:04} has a register but no interval"));
            };
            by_reg.push((l, s, e, r));
        }
    }
    by_reg.sort_by_key(|&(l, s, _, r)| (format!("{l:?}"), s, r));
    // per register, each interval must start after every earlier one ended
    let mut prev: Option<(Loc, usize, usize)> = None;
    for &(l, s, e, r) in &by_reg {
        if let Some((pl, pe, pr)) = prev
            && pl == l
        {
            if s <= pe {
                return Err(format!("{pr:04} and {r:04} share {l:?} while both live"));
            }
            prev = Some((l, pe.max(e), r));
        } else {
            prev = Some((l, e, r));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use guards::Ref;

    const N: Ref = Ref::NONE;

    /// 0 k1, 1 k2, 2 k3, 3 add 0 1 (dead before loop), 4 loop, 5 phi(2, 7),
    /// 6 add 5 0, 7 add 6 2, 8 ilt 7 1
    fn sample() -> (Trace, usize) {
        let mut t = Trace::new();
        for k in 0..3 {
            t.emit(Op::KInt, Ty::I64, N, N, k, None);
        }
        t.emit(Op::Add, Ty::I64, Ref(0), Ref(1), 0, None);
        t.emit(Op::Loop, Ty::Void, N, N, 0, None);
        t.emit(Op::Phi, Ty::I64, Ref(2), Ref(7), 0, None);
        t.emit(Op::Add, Ty::I64, Ref(5), Ref(0), 0, None);
        t.emit(Op::Add, Ty::I64, Ref(6), Ref(2), 0, None);
        t.emit(Op::ILt, Ty::Bool, Ref(7), Ref(1), 0, None);
        (t, 4)
    }

    #[test]
    fn intervals_are_loop_aware() {
        let (t, lp) = sample();
        let live = intervals(&t, lp, &vec![false; t.ins.len()]);
        let n = t.ins.len();
        assert_eq!(
            live[0],
            Some((0, n)),
            "pre-loop value used in the loop lives to the end"
        );
        assert_eq!(live[3], Some((3, 3)), "dead value");
        assert_eq!(live[4], None, "loop marker");
        assert_eq!(live[5], Some((lp, 6)), "phi: to its last use");
        assert_eq!(live[6], Some((6, 7)));
        assert_eq!(live[7], Some((7, n)), "phi input lives to the back edge");
    }

    #[test]
    fn scarce_registers_spill_and_verify() {
        let (t, lp) = sample();
        for k in 0..=3 {
            let pool: Vec<u8> = (10..10 + k).collect();
            let a = linear_scan(&t, lp, &Pools::plain(&pool, &[]));
            verify(&t, lp, &a).unwrap();
            let in_regs = a.loc.iter().filter(|l| **l != Loc::Home).count();
            assert!(in_regs >= k as usize, "{k}: {:?}", a.loc);
        }
    }

    #[test]
    fn verifier_rejects_shared_live_registers() {
        let (t, lp) = sample();
        let mut a = Allocation::all_home(&t, lp);
        a.loc[0] = Loc::Gpr(3);
        a.loc[5] = Loc::Gpr(3);
        assert!(verify(&t, lp, &a).unwrap_err().contains("share"));
        let mut a = Allocation::all_home(&t, lp);
        a.loc[6] = Loc::Fpr(3);
        assert!(verify(&t, lp, &a).is_err(), "int in a float register");
        // dead values may share a register with later ones
        let mut a = Allocation::all_home(&t, lp);
        a.loc[3] = Loc::Gpr(3);
        a.loc[6] = Loc::Gpr(3);
        verify(&t, lp, &a).unwrap();
    }
}
