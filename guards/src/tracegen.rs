//! Random loop traces shaped like the recorder's, for fuzzers and tests: typed
//! slot loads and guards, int and float arithmetic, comparisons and branch guards,
//! boxing, slot stores, helper calls (`helpers[0]`, two boxed operands) and
//! identity guards, in an optional pre-loop part and a loop body counted by slot 0
//! up to the bound in slot 1. Every guard gets a snapshot naming random live
//! values. The decisions come from a `Decisions` source: a seeded generator in
//! tests, the fuzzer's bytes in `deopt::fuzzing` (so libFuzzer can steer them).

use crate::ir::{Op, Ref, Trace, Ty, tags};

/// Where the generator's choices come from.
pub trait Decisions {
    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize;

    fn chance(&mut self, pct: usize) -> bool {
        self.below(100) < pct
    }

    fn pick(&mut self, v: &[Ref]) -> Option<Ref> {
        if v.is_empty() {
            None
        } else {
            Some(v[self.below(v.len())])
        }
    }
}

/// `[pre statements] loop; i < n guard; statements; i += 1`, valid by
/// `crate::verify`.
pub fn random_loop_trace(src: &mut impl Decisions) -> Trace {
    Gen::trace(src)
}

/// Frame slots the generated traces use: 0 = loop counter, 1 = bound, 2.. data.
pub const SLOTS: usize = 6;

struct Gen<'d, D: Decisions> {
    t: Trace,
    src: &'d mut D,
    ints: Vec<Ref>,
    flts: Vec<Ref>,
    bools: Vec<Ref>,
    vals: Vec<Ref>,
    pc: u32,
}

impl<D: Decisions> Gen<'_, D> {
    fn emit(&mut self, op: Op, a: Ref, b: Ref, imm: i64) -> Ref {
        let snap = if op.is_guard() {
            let mut stack = Vec::new();
            for _ in 0..self.src.below(5) {
                let pool = match self.src.below(4) {
                    0 => &self.ints,
                    1 => &self.flts,
                    2 => &self.bools,
                    _ => &self.vals,
                };
                let pool = pool.clone();
                if let Some(r) = self.src.pick(&pool) {
                    stack.push(r);
                }
            }
            self.pc += 1;
            Some(self.t.snapshot(self.pc, stack))
        } else {
            None
        };
        self.t.emit(op, op.result_ty(), a, b, imm, snap)
    }

    fn pick2(&mut self, pool: &[Ref]) -> Option<(Ref, Ref)> {
        Some((self.src.pick(pool)?, self.src.pick(pool)?))
    }

    fn statement(&mut self) {
        let n = Ref::NONE;
        match self.src.below(15) {
            0 | 1 => {
                let i = self.src.below(SLOTS) as i64;
                let v = self.emit(Op::Slot, n, n, i);
                self.vals.push(v);
                let g = match self.src.below(10) {
                    0..=6 => Op::GuardInt,
                    7 | 8 => Op::GuardFloat,
                    _ => Op::GuardBool,
                };
                let x = self.emit(g, v, n, 0);
                match g {
                    Op::GuardInt => self.ints.push(x),
                    Op::GuardFloat => self.flts.push(x),
                    _ => self.bools.push(x),
                }
            }
            2 => {
                let k = [0, 1, 2, 3, -1, 7, tags::SMALL_INT_MAX, tags::SMALL_INT_MIN]
                    [self.src.below(8)];
                let x = self.emit(Op::KInt, n, n, k);
                self.ints.push(x);
            }
            3 | 4 => {
                let Some((a, b)) = self.pick2(&self.ints.clone()) else {
                    return;
                };
                let ops = [
                    Op::AddOv,
                    Op::SubOv,
                    Op::MulOv,
                    Op::BAnd,
                    Op::BOr,
                    Op::BXor,
                    Op::FloorDiv,
                    Op::Mod,
                ];
                let op = ops[self.src.below(ops.len())];
                let x = self.emit(op, a, b, 0);
                self.ints.push(x);
            }
            5 => {
                let Some((a, b)) = self.pick2(&self.ints.clone()) else {
                    return;
                };
                let ops = [Op::ILt, Op::ILe, Op::IEq, Op::INe, Op::IGt, Op::IGe];
                let op = ops[self.src.below(6)];
                let x = self.emit(op, a, b, 0);
                self.bools.push(x);
                if self.src.chance(40) {
                    // an if-converted choice: b ^ ((a ^ b) & mask(a op b))
                    let m = self.emit(Op::Mask, x, n, 0);
                    let d = self.emit(Op::BXor, a, b, 0);
                    let p = self.emit(Op::BAnd, d, m, 0);
                    let r = self.emit(Op::BXor, b, p, 0);
                    self.ints.push(r);
                }
            }
            6 => {
                let Some(c) = self.src.pick(&self.bools) else {
                    return;
                };
                let c = if self.src.chance(30) {
                    self.emit(Op::Not, c, n, 0)
                } else {
                    c
                };
                let g = if self.src.chance(50) {
                    Op::GuardTrue
                } else {
                    Op::GuardFalse
                };
                self.emit(g, c, n, 0);
            }
            7 => {
                let i = 2 + self.src.below(SLOTS - 2) as i64;
                let v = match self.src.below(4) {
                    0 => self.src.pick(&self.vals),
                    1 => self
                        .src
                        .pick(&self.flts)
                        .map(|f| self.emit(Op::BoxFloat, f, n, 0)),
                    2 => self
                        .src
                        .pick(&self.bools)
                        .map(|f| self.emit(Op::BoxBool, f, n, 0)),
                    _ => self
                        .src
                        .pick(&self.ints)
                        .map(|x| self.emit(Op::BoxInt, x, n, 0)),
                };
                if let Some(v) = v {
                    self.vals.push(v);
                    self.emit(Op::SetSlot, v, n, i);
                }
            }
            8 => {
                let Some((a, b)) = self.pick2(&self.flts.clone()) else {
                    return;
                };
                let ops = [
                    Op::FAdd,
                    Op::FSub,
                    Op::FMul,
                    Op::FDiv,
                    Op::FLt,
                    Op::FEq,
                    Op::FNe,
                    Op::FGe,
                ];
                let op = ops[self.src.below(ops.len())];
                let x = self.emit(op, a, b, 0);
                if op.result_ty() == Ty::Bool {
                    self.bools.push(x)
                } else {
                    self.flts.push(x)
                }
            }
            9 => {
                let Some(a) = self.src.pick(&self.ints) else {
                    return;
                };
                let x = self.emit(Op::IToF, a, n, 0);
                self.flts.push(x);
            }
            10 => {
                let Some((a, b)) = self.pick2(&self.vals.clone()) else {
                    return;
                };
                let x = self.emit(Op::CallG, a, b, 0);
                self.vals.push(x);
            }
            11 => {
                let Some(a) = self.src.pick(&self.ints) else {
                    return;
                };
                let bx = self.emit(Op::BoxInt, a, n, 0);
                let x = self.emit(Op::GuardInt, bx, n, 0);
                self.ints.push(x);
            }
            12 => {
                let k = self.src.chance(50);
                let x = self.emit(Op::KInt, n, n, k as i64);
                self.t.ins[x.idx()].ty = Ty::Bool;
                self.bools.push(x);
            }
            13 => {
                let Some(v) = self.src.pick(&self.vals) else {
                    return;
                };
                let k = [
                    tags::TRUE,
                    tags::FALSE,
                    tags::box_int(0),
                    tags::NONE << tags::SHIFT,
                ][self.src.below(4)];
                self.emit(Op::GuardIs, v, n, k as i64);
            }
            _ => {
                let k = [0.0f64, 1.0, 0.5, -0.0, f64::NAN, -2.5][self.src.below(6)];
                let x = self.emit(Op::KFloat, n, n, k.to_bits() as i64);
                self.flts.push(x);
            }
        }
    }

    fn trace(src: &mut D) -> Trace {
        let mut g = Gen {
            t: Trace::new(),
            src,
            ints: vec![],
            flts: vec![],
            bools: vec![],
            vals: vec![],
            pc: 0,
        };
        let n = Ref::NONE;
        for _ in 0..g.src.below(4) {
            g.statement();
        }
        g.emit(Op::Loop, n, n, 0);
        let vi = g.emit(Op::Slot, n, n, 0);
        let i = g.emit(Op::GuardInt, vi, n, 0);
        let vn = g.emit(Op::Slot, n, n, 1);
        let lim = g.emit(Op::GuardInt, vn, n, 0);
        let c = g.emit(Op::ILt, i, lim, 0);
        g.emit(Op::GuardTrue, c, n, 0);
        g.ints.extend([i, lim]);
        for _ in 0..3 + g.src.below(12) {
            g.statement();
        }
        let vi = g.emit(Op::Slot, n, n, 0);
        let i = g.emit(Op::GuardInt, vi, n, 0);
        let one = g.emit(Op::KInt, n, n, 1);
        let inc = g.emit(Op::AddOv, i, one, 0);
        let bx = g.emit(Op::BoxInt, inc, n, 0);
        g.emit(Op::SetSlot, bx, n, 0);
        g.t
    }
}
