//! Integer range analysis: an `addov`/`subov`/`mulov` whose result provably
//! stays in the 48-bit inline int range becomes a plain `add`/`sub`/`mul`, without
//! its overflow exit.
//!
//! Design. A trace is straight-line code, so every guard that passed dominates
//! everything after it: walking forward, each int value gets an interval from its
//! op (constants, `x % k`, `x & k`, sums and differences of intervals) and each
//! branch guard on an int comparison narrows its operands from there on (after
//! `gtrue (i < n)`, `i + 1` cannot leave the range; after `gtrue (x > 500000)`,
//! `x - 500000` is positive and small). A phi is first taken as any small int;
//! a second walk then uses the union of its entry and back-edge intervals from the
//! first (sound: by induction every iteration's value lies in that union, because
//! the first walk's intervals hold whenever the phis are small, and the union is
//! small). Loads and helper results are not assumed small: only guards narrow them.
//! The checked ops' own results are small (they exit otherwise), so the walks need
//! no fixpoint.

use super::fold::kint;
use crate::ir::{Op, Trace, Ty};
use crate::tags::{SMALL_INT_MAX, SMALL_INT_MIN};

/// A closed interval of i128 (no overflow while combining i64 bounds).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
struct Range {
    lo: i128,
    hi: i128,
}

const SMALL: Range = Range {
    lo: SMALL_INT_MIN as i128,
    hi: SMALL_INT_MAX as i128,
};
const FULL: Range = Range {
    lo: i64::MIN as i128,
    hi: i64::MAX as i128,
};

impl Range {
    fn exact(k: i64) -> Range {
        Range {
            lo: k as i128,
            hi: k as i128,
        }
    }
    fn within(self, o: Range) -> bool {
        o.lo <= self.lo && self.hi <= o.hi
    }
    fn meet(self, o: Range) -> Range {
        Range {
            lo: self.lo.max(o.lo),
            hi: self.hi.min(o.hi),
        }
    }
    fn join(self, o: Range) -> Range {
        Range {
            lo: self.lo.min(o.lo),
            hi: self.hi.max(o.hi),
        }
    }
}

/// Rewrites the provably safe `AddOv`/`SubOv`/`MulOv`; returns how many.
pub fn run(t: &mut Trace) -> usize {
    let first = walk(t, &vec![None; t.ins.len()]);
    // A phi's values: its entry value where the loop starts, then each back-edge
    // value at the end of the body (every guard of the iteration passed).
    let mut phis = vec![None; t.ins.len()];
    for (i, ins) in t.ins.iter().enumerate() {
        if ins.op == Op::Phi && ins.ty == Ty::I64 && !ins.b.is_none() {
            let u = first.at_phi[i].join(first.end[ins.b.idx()]);
            if u.within(SMALL) {
                phis[i] = Some(u);
            }
        }
    }
    let second = walk(t, &phis);
    for &i in &second.safe {
        let ins = &mut t.ins[i];
        ins.op = match ins.op {
            Op::AddOv => Op::Add,
            Op::SubOv => Op::Sub,
            _ => Op::Mul,
        };
        ins.snap = u32::MAX;
    }
    second.safe.len()
}

struct Walk {
    /// Each value's interval after the last guard of the trace.
    end: Vec<Range>,
    /// For each phi: its entry value's interval where the loop starts.
    at_phi: Vec<Range>,
    /// The `AddOv`/`SubOv` whose result is small at the point they run.
    safe: Vec<usize>,
}

/// The interval of `a op b` (i128 bounds: products of i64 bounds fit, and any
/// result outside i64 is outside the small range anyway).
fn sum(op: Op, a: Range, b: Range) -> Range {
    // Saturating: intervals of intervals' products can leave i128 (a wrapped
    // bound could look small and drop an overflow check); a saturated bound only
    // widens the interval.
    match op {
        Op::AddOv | Op::Add => Range {
            lo: a.lo.saturating_add(b.lo),
            hi: a.hi.saturating_add(b.hi),
        },
        Op::SubOv | Op::Sub => Range {
            lo: a.lo.saturating_sub(b.hi),
            hi: a.hi.saturating_sub(b.lo),
        },
        _ => {
            let c = [
                a.lo.saturating_mul(b.lo),
                a.lo.saturating_mul(b.hi),
                a.hi.saturating_mul(b.lo),
                a.hi.saturating_mul(b.hi),
            ];
            Range {
                lo: *c.iter().min().expect("four corners"),
                hi: *c.iter().max().expect("four corners"),
            }
        }
    }
}

/// One forward walk: each value's interval, narrowed in place by each guard (so
/// an instruction sees what holds where it runs).
fn walk(t: &Trace, phis: &[Option<Range>]) -> Walk {
    let mut r = vec![FULL; t.ins.len()];
    let mut at_phi = vec![FULL; t.ins.len()];
    let mut safe = Vec::new();
    for (i, ins) in t.ins.iter().enumerate() {
        if ins.op == Op::Phi && !ins.a.is_none() {
            at_phi[i] = r[ins.a.idx()];
        }
        if matches!(ins.op, Op::AddOv | Op::SubOv | Op::MulOv)
            && sum(ins.op, r[ins.a.idx()], r[ins.b.idx()]).within(SMALL)
        {
            safe.push(i);
        }
        if ins.ty != Ty::I64 && !matches!(ins.op, Op::GuardTrue | Op::GuardFalse) {
            continue;
        }
        let (a, b) = (
            if ins.a.is_none() {
                FULL
            } else {
                r[ins.a.idx()]
            },
            if ins.b.is_none() || ins.op == Op::Phi {
                FULL
            } else {
                r[ins.b.idx()]
            },
        );
        r[i] = match ins.op {
            Op::KInt => Range::exact(ins.imm),
            Op::GuardInt | Op::PVal => SMALL,
            Op::Phi => phis[i].unwrap_or(SMALL),
            Op::AddOv | Op::SubOv | Op::MulOv => sum(ins.op, a, b).meet(SMALL),
            // (plain ops wrap: an interval that leaves the word says nothing)
            Op::Add | Op::Sub | Op::Mul => match sum(ins.op, a, b) {
                s if s.within(FULL) => s,
                _ => FULL,
            },
            Op::NegOv => SMALL,
            Op::Mod => match kint(t, ins.b) {
                Some(k) if k > 0 => Range {
                    lo: 0,
                    hi: k as i128 - 1,
                },
                Some(k) if k < 0 => Range {
                    lo: k as i128 + 1,
                    hi: 0,
                },
                _ => SMALL,
            },
            Op::FloorDiv => match kint(t, ins.b) {
                Some(k) if k > 0 && a.within(SMALL) => Range {
                    lo: a.lo.div_euclid(k as i128),
                    hi: a.hi.div_euclid(k as i128),
                },
                _ => SMALL,
            },
            Op::BAnd if a.lo >= 0 || b.lo >= 0 => {
                let hi = match (a.lo >= 0, b.lo >= 0) {
                    (true, true) => a.hi.min(b.hi),
                    (true, false) => a.hi,
                    _ => b.hi,
                };
                Range { lo: 0, hi }
            }
            // sign-extended 48-bit words stay sign-extended under bitwise ops
            Op::BAnd | Op::BOr | Op::BXor if a.within(SMALL) && b.within(SMALL) => SMALL,
            Op::Mask => Range { lo: -1, hi: 0 },
            Op::GuardTrue | Op::GuardFalse => {
                narrow(t, &mut r, ins.a, ins.op == Op::GuardTrue);
                continue;
            }
            _ => FULL,
        };
    }
    Walk {
        end: r,
        at_phi,
        safe,
    }
}

/// After a guard that `cond` (an int comparison) is `holds`: narrows its operands.
fn narrow(t: &Trace, r: &mut [Range], cond: crate::ir::Ref, holds: bool) {
    let c = t.ins[cond.idx()];
    let (x, y) = (c.a, c.b);
    if x.is_none() || y.is_none() || t.ins[x.idx()].ty != Ty::I64 {
        return;
    }
    let op = match (c.op, holds) {
        (Op::ILt, true) | (Op::IGe, false) => Op::ILt,
        (Op::ILe, true) | (Op::IGt, false) => Op::ILe,
        (Op::IGt, true) | (Op::ILe, false) => Op::IGt,
        (Op::IGe, true) | (Op::ILt, false) => Op::IGe,
        (Op::IEq, true) | (Op::INe, false) => Op::IEq,
        _ => return,
    };
    let (rx, ry) = (r[x.idx()], r[y.idx()]);
    let (nx, ny) = match op {
        // x < y: x <= y.hi - 1, y >= x.lo + 1
        Op::ILt => (
            Range {
                lo: rx.lo,
                hi: rx.hi.min(ry.hi.saturating_sub(1)),
            },
            Range {
                lo: ry.lo.max(rx.lo.saturating_add(1)),
                hi: ry.hi,
            },
        ),
        Op::ILe => (
            Range {
                lo: rx.lo,
                hi: rx.hi.min(ry.hi),
            },
            Range {
                lo: ry.lo.max(rx.lo),
                hi: ry.hi,
            },
        ),
        Op::IGt => (
            Range {
                lo: rx.lo.max(ry.lo.saturating_add(1)),
                hi: rx.hi,
            },
            Range {
                lo: ry.lo,
                hi: ry.hi.min(rx.hi.saturating_sub(1)),
            },
        ),
        Op::IGe => (
            Range {
                lo: rx.lo.max(ry.lo),
                hi: rx.hi,
            },
            Range {
                lo: ry.lo,
                hi: ry.hi.min(rx.hi),
            },
        ),
        _ => (rx.meet(ry), rx.meet(ry)),
    };
    // An empty interval means the guard always fails: nothing after it runs.
    r[x.idx()] = nx;
    r[y.idx()] = ny;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Ref;

    fn snap(t: &mut Trace) -> u32 {
        t.snapshot(0, vec![])
    }

    /// The unboxed int of frame slot `slot`, guarded with snapshot `s`.
    fn int_slot(t: &mut Trace, slot: i64, s: u32) -> Ref {
        let v = t.emit(Op::Slot, Ty::Val, Ref::NONE, Ref::NONE, slot, None);
        t.emit(Op::GuardInt, Ty::I64, v, Ref::NONE, 0, Some(s))
    }

    fn int(t: &mut Trace, v: i64) -> Ref {
        t.emit(Op::KInt, Ty::I64, Ref::NONE, Ref::NONE, v, None)
    }

    #[test]
    fn an_increment_below_a_small_bound_cannot_overflow() {
        let mut t = Trace::new();
        let s = snap(&mut t);
        let i = int_slot(&mut t, 0, s);
        let n = int_slot(&mut t, 1, s);
        let one = int(&mut t, 1);
        // before the bound is known the increment keeps its exit
        let early = t.emit(Op::AddOv, Ty::I64, i, one, 0, Some(s));
        let c = t.emit(Op::ILt, Ty::Bool, i, n, 0, None);
        t.emit(Op::GuardTrue, Ty::Void, c, Ref::NONE, 0, Some(s));
        let late = t.emit(Op::AddOv, Ty::I64, i, one, 0, Some(s));
        // n - i after i < n: unknown sign of n, stays checked
        let diff = t.emit(Op::SubOv, Ty::I64, n, i, 0, Some(s));
        assert_eq!(run(&mut t), 1);
        assert_eq!(t.get(early).op, Op::AddOv);
        assert_eq!(t.get(late).op, Op::Add);
        assert_eq!(t.get(diff).op, Op::SubOv);
        crate::verify(&t).unwrap();
    }

    #[test]
    fn remainders_and_branch_facts_bound_differences() {
        let mut t = Trace::new();
        let s = snap(&mut t);
        let x = int_slot(&mut t, 0, s);
        let m = int(&mut t, 1000003);
        let r = t.emit(Op::Mod, Ty::I64, x, m, 0, Some(s));
        let half = int(&mut t, 500000);
        let c = t.emit(Op::IGt, Ty::Bool, r, half, 0, None);
        t.emit(Op::GuardFalse, Ty::Void, c, Ref::NONE, 0, Some(s));
        // r <= 500000: r - 500000 is in [-500000, 0]; r + r in [0, 10^6]
        let d = t.emit(Op::SubOv, Ty::I64, r, half, 0, Some(s));
        let twice = t.emit(Op::AddOv, Ty::I64, r, r, 0, Some(s));
        // x itself is any small int: x + r can overflow
        let wide = t.emit(Op::AddOv, Ty::I64, x, r, 0, Some(s));
        assert_eq!(run(&mut t), 2);
        assert_eq!(t.get(d).op, Op::Sub);
        assert_eq!(t.get(twice).op, Op::Add);
        assert_eq!(t.get(wide).op, Op::AddOv);
    }

    #[test]
    fn products_of_bounded_values_need_no_exit() {
        let mut t = Trace::new();
        let s = snap(&mut t);
        let x = int_slot(&mut t, 0, s);
        let m = int(&mut t, 1000003);
        let r = t.emit(Op::Mod, Ty::I64, x, m, 0, Some(s));
        let k = int(&mut t, 31);
        let small = t.emit(Op::MulOv, Ty::I64, r, k, 0, Some(s));
        let square = t.emit(Op::MulOv, Ty::I64, r, r, 0, Some(s));
        let wide = t.emit(Op::MulOv, Ty::I64, x, k, 0, Some(s));
        assert_eq!(run(&mut t), 2);
        assert_eq!(t.get(small).op, Op::Mul);
        // (10^6)^2 = 10^12 < 2^47
        assert_eq!(t.get(square).op, Op::Mul);
        assert_eq!(t.get(wide).op, Op::MulOv);
    }

    #[test]
    fn loop_carried_values_keep_their_bounds() {
        // x = (x * 31 + 7) % 1000003 around a loop: the phi stays below 10^6 + 3,
        // so the next iteration's product needs no exit; i += 1 unbounded keeps it.
        let mut t = Trace::new();
        let s = snap(&mut t);
        let x0 = int_slot(&mut t, 0, s);
        let m = int(&mut t, 1000003);
        let k = int(&mut t, 31);
        let seven = int(&mut t, 7);
        let r0 = t.emit(Op::Mod, Ty::I64, x0, m, 0, Some(s));
        t.emit(Op::Loop, Ty::Void, Ref::NONE, Ref::NONE, 0, None);
        let x = t.emit(Op::Phi, Ty::I64, r0, Ref::NONE, 0, None);
        let i = t.emit(Op::Phi, Ty::I64, x0, Ref::NONE, 1, None);
        let p = t.emit(Op::MulOv, Ty::I64, x, k, 0, Some(s));
        let q = t.emit(Op::AddOv, Ty::I64, p, seven, 0, Some(s));
        let r = t.emit(Op::Mod, Ty::I64, q, m, 0, Some(s));
        let one = int(&mut t, 1);
        let i1 = t.emit(Op::AddOv, Ty::I64, i, one, 0, Some(s));
        t.ins[x.idx()].b = r;
        t.ins[i.idx()].b = i1;
        assert_eq!(run(&mut t), 2);
        assert_eq!(t.get(p).op, Op::Mul);
        assert_eq!(t.get(q).op, Op::Add);
        assert_eq!(t.get(i1).op, Op::AddOv);
    }

    #[test]
    fn loads_are_not_assumed_small() {
        let mut t = Trace::new();
        let s = snap(&mut t);
        let p = t.emit(Op::KInt, Ty::Ptr, Ref::NONE, Ref::NONE, 0x1000, None);
        let len = t.emit(Op::Load, Ty::I64, p, Ref::NONE, 8, None);
        let one = int(&mut t, 1);
        let y = t.emit(Op::AddOv, Ty::I64, len, one, 0, Some(s));
        assert_eq!(run(&mut t), 0);
        assert_eq!(t.get(y).op, Op::AddOv);
    }
}
