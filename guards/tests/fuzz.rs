//! Random recorder-shaped loop traces, optimized with every pass combination and
//! compared with the unoptimized trace by the reference evaluator.

use guards::eval::run_to_exit;
use guards::{EXIT_SENTINEL, Op, Passes, Ref, Trace, optimize, tags, verify};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, pct: u64) -> bool {
        self.next() % 100 < pct
    }
    fn pick(&mut self, v: &[Ref]) -> Option<Ref> {
        if v.is_empty() {
            None
        } else {
            Some(v[self.below(v.len())])
        }
    }
}

extern "C" fn helper_add(a: u64, b: u64) -> u64 {
    if a >> tags::SHIFT == tags::INT && b >> tags::SHIFT == tags::INT {
        let r = tags::unbox_int(a) + tags::unbox_int(b);
        if (tags::SMALL_INT_MIN..=tags::SMALL_INT_MAX).contains(&r) {
            return tags::box_int(r);
        }
    }
    EXIT_SENTINEL
}

const SLOTS: i64 = 6;

struct Gen {
    t: Trace,
    rng: Rng,
    ints: Vec<Ref>,
    flts: Vec<Ref>,
    bools: Vec<Ref>,
    vals: Vec<Ref>,
    pc: u32,
}

impl Gen {
    fn emit(&mut self, op: Op, a: Ref, b: Ref, imm: i64) -> Ref {
        let snap = if op.is_guard() {
            let mut stack = Vec::new();
            let pools = [&self.ints, &self.flts, &self.bools, &self.vals];
            for _ in 0..self.rng.below(4) {
                let pool = pools[self.rng.below(4)];
                if let Some(r) = self.rng.pick(pool) {
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

    fn statement(&mut self) {
        let n = Ref::NONE;
        match self.rng.below(14) {
            0 | 1 => {
                let i = self.rng.below(SLOTS as usize) as i64;
                let v = self.emit(Op::Slot, n, n, i);
                self.vals.push(v);
                let g = if self.rng.chance(80) {
                    Op::GuardInt
                } else {
                    Op::GuardFloat
                };
                let x = self.emit(g, v, n, 0);
                if g == Op::GuardInt {
                    self.ints.push(x)
                } else {
                    self.flts.push(x)
                }
            }
            2 => {
                let k = [0, 1, 2, 3, -1, 7, tags::SMALL_INT_MAX][self.rng.below(7)];
                let x = self.emit(Op::KInt, n, n, k);
                self.ints.push(x);
            }
            3 | 4 => {
                let (Some(a), Some(b)) = (self.rng.pick(&self.ints), self.rng.pick(&self.ints))
                else {
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
                let op = ops[self.rng.below(ops.len())];
                let x = self.emit(op, a, b, 0);
                self.ints.push(x);
            }
            5 => {
                let (Some(a), Some(b)) = (self.rng.pick(&self.ints), self.rng.pick(&self.ints))
                else {
                    return;
                };
                let ops = [Op::ILt, Op::ILe, Op::IEq, Op::INe, Op::IGt, Op::IGe];
                let op = ops[self.rng.below(6)];
                let x = self.emit(op, a, b, 0);
                self.bools.push(x);
            }
            6 => {
                let Some(c) = self.rng.pick(&self.bools) else {
                    return;
                };
                let c = if self.rng.chance(30) {
                    self.emit(Op::Not, c, n, 0)
                } else {
                    c
                };
                let g = if self.rng.chance(50) {
                    Op::GuardTrue
                } else {
                    Op::GuardFalse
                };
                self.emit(g, c, n, 0);
            }
            7 => {
                let i = 2 + self.rng.below(SLOTS as usize - 2) as i64;
                let v = match self.rng.below(4) {
                    0 => self.rng.pick(&self.vals),
                    1 => self
                        .rng
                        .pick(&self.flts)
                        .map(|f| self.emit(Op::BoxFloat, f, n, 0)),
                    2 => self
                        .rng
                        .pick(&self.bools)
                        .map(|f| self.emit(Op::BoxBool, f, n, 0)),
                    _ => self
                        .rng
                        .pick(&self.ints)
                        .map(|x| self.emit(Op::BoxInt, x, n, 0)),
                };
                if let Some(v) = v {
                    self.vals.push(v);
                    self.emit(Op::SetSlot, v, n, i);
                }
            }
            8 => {
                let (Some(a), Some(b)) = (self.rng.pick(&self.flts), self.rng.pick(&self.flts))
                else {
                    return;
                };
                let ops = [Op::FAdd, Op::FSub, Op::FMul, Op::FDiv, Op::FLt, Op::FEq];
                let op = ops[self.rng.below(ops.len())];
                let x = self.emit(op, a, b, 0);
                if op.result_ty() == guards::Ty::Bool {
                    self.bools.push(x)
                } else {
                    self.flts.push(x)
                }
            }
            9 => {
                let Some(a) = self.rng.pick(&self.ints) else {
                    return;
                };
                let x = self.emit(Op::IToF, a, n, 0);
                self.flts.push(x);
            }
            10 => {
                let (Some(a), Some(b)) = (self.rng.pick(&self.vals), self.rng.pick(&self.vals))
                else {
                    return;
                };
                let x = self.emit(Op::CallG, a, b, 0);
                self.vals.push(x);
            }
            11 => {
                let Some(a) = self.rng.pick(&self.ints) else {
                    return;
                };
                let bx = self.emit(Op::BoxInt, a, n, 0);
                let x = self.emit(Op::GuardInt, bx, n, 0);
                self.ints.push(x);
            }
            12 => {
                let k = self.rng.chance(50);
                let x = self.emit(Op::KInt, n, n, k as i64);
                self.t.ins[x.idx()].ty = guards::Ty::Bool;
                self.bools.push(x);
            }
            _ => {
                let k = [0.0f64, 1.0, 0.5, -0.0][self.rng.below(4)];
                let x = self.emit(Op::KFloat, n, n, k.to_bits() as i64);
                self.flts.push(x);
            }
        }
    }

    /// `[pre statements] loop; i < n guard; statements; i += 1`.
    fn trace(seed: u64) -> Trace {
        let mut g = Gen {
            t: Trace::new(),
            rng: Rng(seed),
            ints: vec![],
            flts: vec![],
            bools: vec![],
            vals: vec![],
            pc: 0,
        };
        let n = Ref::NONE;
        for _ in 0..g.rng.below(4) {
            g.statement();
        }
        g.emit(Op::Loop, n, n, 0);
        // values from before the loop stay usable in the body (they are invariant)
        let vi = g.emit(Op::Slot, n, n, 0);
        let i = g.emit(Op::GuardInt, vi, n, 0);
        let vn = g.emit(Op::Slot, n, n, 1);
        let lim = g.emit(Op::GuardInt, vn, n, 0);
        let c = g.emit(Op::ILt, i, lim, 0);
        g.emit(Op::GuardTrue, c, n, 0);
        g.ints.extend([i, lim]);
        for _ in 0..3 + g.rng.below(12) {
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

fn inputs(rng: &mut Rng) -> Vec<u64> {
    let mut v = vec![tags::box_int(0), tags::box_int(rng.below(30) as i64)];
    for _ in 2..SLOTS {
        v.push(match rng.below(6) {
            0 => tags::box_float(rng.below(5) as f64 - 2.0),
            1 => tags::TRUE,
            2 => tags::box_int(tags::SMALL_INT_MAX - rng.below(3) as i64),
            _ => tags::box_int(rng.below(7) as i64 - 3),
        });
    }
    v
}

#[test]
fn random_traces_survive_every_pass_combination() {
    let helpers: [guards::Helper; 1] = [helper_add];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut peeled = 0;
    let mut deep = 0;
    // GUARDS_FUZZ_CASES=20000 for a longer run
    let cases: usize = std::env::var("GUARDS_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    for case in 0..cases {
        let seed = rng.next() | 1;
        let orig = Gen::trace(seed);
        verify(&orig).unwrap_or_else(|e| panic!("generator, seed {seed:#x}: {e}\n{orig}"));
        let ins: Vec<Vec<u64>> = (0..4).map(|_| inputs(&mut rng)).collect();
        for bits in 0..64u8 {
            let passes = Passes::from_bits(bits);
            let mut t = orig.clone();
            optimize(&mut t, passes);
            if bits == 63 && t.ins.iter().any(|i| i.op == Op::Phi) {
                peeled += 1;
            }
            verify(&t).unwrap_or_else(|e| {
                panic!("case {case} seed {seed:#x} after {passes}: {e}\n{orig}\n{t}")
            });
            for slots in &ins {
                let (mut s0, mut s1) = (slots.clone(), slots.clone());
                let r0 = run_to_exit(&orig, &mut s0, &helpers, 1000);
                let r1 = run_to_exit(&t, &mut s1, &helpers, 1000);
                let ctx = || {
                    format!(
                        "case {case} seed {seed:#x} after {passes}, slots {slots:x?}\n{orig}\n--\n{t}"
                    )
                };
                match (r0, r1) {
                    (Ok(e0), Ok(e1)) => {
                        if bits == 0 && s0[0] >= guards::tags::box_int(2) {
                            deep += 1;
                        }
                        assert_eq!((e0.pc, &e0.stack), (e1.pc, &e1.stack), "exit: {}", ctx());
                        assert_eq!(s0, s1, "slots: {}", ctx());
                        if !passes.has(Passes::LOOP) {
                            assert_eq!(e0.snapshot, e1.snapshot, "{}", ctx());
                        }
                    }
                    (Err(e0), Err(e1)) => assert_eq!(
                        e0.contains("iterations"),
                        e1.contains("iterations"),
                        "{}",
                        ctx()
                    ),
                    (r0, r1) => panic!("{r0:?} vs {r1:?}: {}", ctx()),
                }
            }
        }
    }
    eprintln!(
        "{peeled} of {cases} traces peeled, {deep} of {} runs did 2+ iterations",
        cases * 4
    );
    assert!(peeled > cases * 3 / 4, "{peeled}");
    assert!(deep > cases * 3 / 4, "{deep}");
}
