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
use guards::tracegen::{Decisions, random_loop_trace};
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
}

impl Decisions for Bytes<'_> {
    fn below(&mut self, n: usize) -> usize {
        let v = u16::from_le_bytes([self.byte(), self.byte()]) as usize;
        v % n
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
pub const SLOTS: usize = guards::tracegen::SLOTS;

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
    op.is_guard() && !matches!(op, Op::CallG | Op::CallA | Op::CallR)
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
            dead: s.dead.clone(),
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
    let passes = Passes::from_bits(src.byte() & (31 | 64));
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
    let mut trace = random_loop_trace(&mut src);
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
