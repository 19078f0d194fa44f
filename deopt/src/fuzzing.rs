//! Differential checking of trace exits: random valid loop traces (built from
//! arbitrary bytes, so a fuzzer can steer them) are run by the reference evaluator
//! (`guards::eval`) and by the native code of both lowerings of the host's backend
//! (x86-64 or AArch64: the simple one and the allocating one) compiled with
//! chaos instrumentation, and must leave at the same snapshot with the same
//! restored frame (`crate::restore`), the same frame slots and the same countdown.
//!
//! The evaluator knows nothing of chaos, so the oracle runs a rewritten trace in
//! which every guard is followed by a `CallG` of a counting helper carrying the
//! guard's snapshot: the helper decrements a thread-local countdown and requests
//! the exit at zero, which is what the native `dec; jz` does.
//!
//! Used by `fuzz/fuzz_targets/trace_exits.rs` and by `deopt/tests/exits.rs`.

use std::cell::Cell;

use asm::arm64::Arm64;
use asm::x64::X64;
use asm::{Backend, CodeArena, Options, compile_with};
use guards::{EXIT_SENTINEL, Helper, Op, Passes, Ref, Trace, Ty, optimize, tags, verify};

/// Reads decisions from the input bytes (zeros once they run out).
struct Bytes<'a> {
    data: &'a [u8],
    pos: usize,
}

impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }
    fn below(&mut self, n: usize) -> usize {
        let v = u16::from_le_bytes([self.byte(), self.byte()]) as usize;
        v % n
    }
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

/// `helpers[0]`: boxed int addition, exiting when an operand is not a small int or
/// the sum leaves the 48-bit range.
pub extern "C" fn helper_add(a: u64, b: u64) -> u64 {
    if a >> tags::SHIFT == tags::INT && b >> tags::SHIFT == tags::INT {
        let r = tags::unbox_int(a) + tags::unbox_int(b);
        if (tags::SMALL_INT_MIN..=tags::SMALL_INT_MAX).contains(&r) {
            return tags::box_int(r);
        }
    }
    EXIT_SENTINEL
}

/// Frame slots the generated traces use: 0 = loop counter, 1 = bound, 2.. data.
pub const SLOTS: usize = 6;

/// A recorder-shaped trace generator (after guards/tests/fuzz.rs).
struct Gen<'a> {
    t: Trace,
    src: Bytes<'a>,
    ints: Vec<Ref>,
    flts: Vec<Ref>,
    bools: Vec<Ref>,
    vals: Vec<Ref>,
    pc: u32,
}

impl Gen<'_> {
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

    /// `[pre statements] loop; i < n guard; statements; i += 1`.
    fn trace(src: Bytes<'_>) -> Trace {
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

thread_local! {
    static COUNTDOWN: Cell<u64> = const { Cell::new(0) };
}

/// The oracle's chaos check: `dec countdown; jz exit` as a helper.
extern "C" fn chaos_tick(_: u64, _: u64) -> u64 {
    COUNTDOWN.with(|c| {
        let v = c.get().wrapping_sub(1);
        c.set(v);
        if v == 0 { EXIT_SENTINEL } else { 0 }
    })
}

/// `trace` with a `CallG helpers[tick]` carrying each guard's snapshot right after
/// the guard (refs renumbered; snapshot indices unchanged).
/// Whether native code checks the chaos countdown after this op: every guard but
/// helper calls (a forced exit after a helper could replay its effect).
fn chaos_ticks_at(op: Op) -> bool {
    op.is_guard() && op != Op::CallG
}

pub fn with_chaos_ticks(trace: &Trace, tick: i64) -> Trace {
    let mut new_idx = Vec::with_capacity(trace.ins.len());
    let mut k = 0u32;
    for ins in &trace.ins {
        new_idx.push(k);
        k += 1 + chaos_ticks_at(ins.op) as u32;
    }
    let map = |r: Ref| {
        if r.is_none() {
            r
        } else {
            Ref(new_idx[r.idx()])
        }
    };
    let mut t = Trace::new();
    for ins in &trace.ins {
        let mut c = *ins;
        c.a = map(c.a);
        c.b = map(c.b);
        t.ins.push(c);
        if chaos_ticks_at(ins.op) {
            t.emit(
                Op::CallG,
                Ty::Val,
                Ref::NONE,
                Ref::NONE,
                tick,
                Some(ins.snap),
            );
        }
    }
    t.snapshots = trace
        .snapshots
        .iter()
        .map(|s| guards::Snapshot {
            pc: s.pc,
            stack: s.stack.iter().map(|&r| map(r)).collect(),
            slots: s.slots.iter().map(|&(k, r)| (k, map(r))).collect(),
        })
        .collect();
    t
}

/// One decoded fuzz input.
#[derive(Clone, Debug)]
pub struct Case {
    pub trace: Trace,
    pub slots: Vec<u64>,
    /// The chaos countdown (0: chaos never fires).
    pub countdown: u64,
}

/// Decodes an input: optimizer passes, countdown, slot values, then the trace.
pub fn case_from_bytes(data: &[u8]) -> Case {
    let mut src = Bytes { data, pos: 0 };
    let passes = Passes::from_bits(src.byte() & 31);
    // mostly small countdowns: random traces often exit for real within a few guards
    let countdown = match src.byte() % 4 {
        0 => 0,
        1 => 1 + src.below(8),
        2 => 1 + src.below(40),
        _ => 1 + src.below(400),
    } as u64;
    let mut slots = vec![tags::box_int(0), tags::box_int(src.below(30) as i64)];
    for _ in 2..SLOTS {
        slots.push(match src.below(8) {
            0 => tags::box_float(src.below(5) as f64 - 2.0),
            1 => tags::TRUE,
            2 => tags::FALSE,
            3 => tags::box_int(tags::SMALL_INT_MAX - src.below(3) as i64),
            4 => tags::box_int(tags::SMALL_INT_MIN + src.below(3) as i64),
            _ => tags::box_int(src.below(7) as i64 - 3),
        });
    }
    let mut trace = Gen::trace(src);
    optimize(&mut trace, passes);
    Case {
        trace,
        slots,
        countdown,
    }
}

/// What one check saw (for coverage assertions in tests).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// The oracle ran to an exit (false: it hit its iteration limit; nothing run).
    pub ran: bool,
    /// Chaos made the exit.
    pub forced: bool,
}

/// Runs `case` on the evaluator (the oracle) and on both native lowerings, with
/// and without chaos; any difference is an error describing it.
pub fn check_case(case: &Case) -> Result<Outcome, String> {
    let t = &case.trace;
    verify(t).map_err(|e| format!("generator made an invalid trace: {e}\n{t}"))?;
    let n = t.ins.len();
    let ticked = with_chaos_ticks(t, 1);
    let helpers: [Helper; 1] = [helper_add];
    let oracle_helpers: [Helper; 2] = [helper_add, chaos_tick];
    let mut outcome = Outcome::default();
    for chaos in [false, true] {
        let k = if chaos { case.countdown } else { 0 };
        let mut want_slots = case.slots.clone();
        COUNTDOWN.with(|c| c.set(k));
        let (want_snap, want_vals) =
            match guards::eval(&ticked, &mut want_slots, &oracle_helpers, 1000) {
                Ok(r) => r,
                Err(e) if e.contains("iterations") => return Ok(outcome),
                Err(e) => return Err(format!("oracle: {e}\n{t}")),
            };
        let want_count = COUNTDOWN.with(|c| c.get());
        let want = crate::restore(&ticked, want_snap, &want_vals);
        if chaos {
            outcome = Outcome {
                ran: true,
                forced: k != 0 && want_count == 0,
            };
        }
        let host: [(&dyn Backend, bool); 2] = if cfg!(target_arch = "aarch64") {
            [(&Arm64::SIMPLE, false), (&Arm64::REGALLOC, true)]
        } else {
            [(&X64::SIMPLE, false), (&X64::REGALLOC, true)]
        };
        for (be, regalloc) in host {
            let ctx = || {
                format!(
                    "{} regalloc {regalloc} chaos {chaos} countdown {k}, slots {:x?}\n{t}",
                    be.arch(),
                    case.slots
                )
            };
            let mut arena = CodeArena::new(1 << 16).map_err(|e| e.to_string())?;
            let ct = compile_with(
                be,
                t,
                &mut arena,
                Options {
                    chaos,
                    ..Default::default()
                },
            )
            .map_err(|e| format!("compile: {e}: {}", ctx()))?;
            let mut slots = case.slots.clone();
            let mut vals = vec![0xDEAD_BEEF_u64; ct.vals_len];
            vals[n] = k;
            // SAFETY: the trace touches slots < SLOTS and helper 0 only; the arena lives.
            let snap = unsafe { ct.run(&mut slots, &mut vals, &helpers) };
            if snap != want_snap {
                return Err(format!("exit {snap}, oracle {want_snap}: {}", ctx()));
            }
            let got = crate::restore(t, snap, &vals);
            if got != want {
                return Err(format!("restored {got:x?}, oracle {want:x?}: {}", ctx()));
            }
            if slots != want_slots {
                return Err(format!(
                    "slots {slots:x?}, oracle {want_slots:x?}: {}",
                    ctx()
                ));
            }
            if chaos && vals[n] != want_count {
                return Err(format!(
                    "countdown {} left, oracle {want_count}: {}",
                    vals[n],
                    ctx()
                ));
            }
        }
    }
    Ok(outcome)
}

/// The fuzz target's body: decode, check, panic on a difference.
pub fn check_bytes(data: &[u8]) {
    let case = case_from_bytes(data);
    if let Err(e) = check_case(&case) {
        panic!("{e}");
    }
}
