//! Hand-built traces compiled by the host backend and run natively on real
//! memory: loops, exits, vals at exits, helpers. They run on every host with a
//! backend (x86-64, AArch64); the code-fingerprint test pins the x86-64 code on any
//! host (it only assembles).
#![cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]

use asm::arm64::Arm64;
use asm::guards::{EXIT_SENTINEL, Helper, Op, Ref, Trace, Ty, tags};
use asm::x64::X64;
use asm::{Backend, CodeArena, CompiledTrace, LowerError, compile, disassemble, host_backend};

/// The host's backend in both flavours: (backend, whether it allocates registers).
fn backends() -> [(&'static dyn Backend, bool); 2] {
    if cfg!(target_arch = "aarch64") {
        [(&Arm64::SIMPLE, false), (&Arm64::REGALLOC, true)]
    } else {
        [(&X64::SIMPLE, false), (&X64::REGALLOC, true)]
    }
}

const N: Ref = Ref::NONE;

/// A small trace builder over `Trace::emit`.
struct B {
    t: Trace,
}

impl B {
    fn new() -> B {
        B { t: Trace::new() }
    }
    fn op(&mut self, op: Op, ty: Ty, a: Ref, b: Ref) -> Ref {
        self.t.emit(op, ty, a, b, 0, None)
    }
    fn guard(&mut self, op: Op, ty: Ty, a: Ref, b: Ref, snap: u32) -> Ref {
        self.t.emit(op, ty, a, b, 0, Some(snap))
    }
    fn kint(&mut self, i: i64) -> Ref {
        self.t.emit(Op::KInt, Ty::I64, N, N, i, None)
    }
    fn kflt(&mut self, f: f64) -> Ref {
        self.t
            .emit(Op::KFloat, Ty::F64, N, N, f.to_bits() as i64, None)
    }
    fn slot(&mut self, i: i64) -> Ref {
        self.t.emit(Op::Slot, Ty::Val, N, N, i, None)
    }
    fn set_slot(&mut self, i: i64, v: Ref) {
        self.t.emit(Op::SetSlot, Ty::Void, v, N, i, None);
    }
    fn lp(&mut self) {
        self.t.emit(Op::Loop, Ty::Void, N, N, 0, None);
    }
    fn snap(&mut self, pc: u32, stack: Vec<Ref>) -> u32 {
        self.t.snapshot(pc, stack)
    }
    /// Ends the loop body with an exit that always fires (for straight-line tests).
    fn exit_now(&mut self, snap: u32) {
        let z = self.kint(0);
        let o = self.kint(1);
        let c = self.op(Op::IEq, Ty::Bool, z, o);
        self.guard(Op::GuardTrue, Ty::Void, c, N, snap);
    }
    /// Compiled by the simple (all values at home) and the allocating backend.
    fn compile_all(&self) -> Vec<(CodeArena, CompiledTrace)> {
        backends()
            .into_iter()
            .map(|(be, _)| {
                let mut arena = CodeArena::new(1 << 16).unwrap();
                let ct =
                    compile(be, &self.t, &mut arena).unwrap_or_else(|e| panic!("{e}\n{}", self.t));
                (arena, ct)
            })
            .collect()
    }
}

fn run(ct: &CompiledTrace, slots: &mut [u64], vals: &mut Vec<u64>, helpers: &[Helper]) -> u32 {
    vals.resize(ct.vals_len, 0xDEAD_BEEF);
    // SAFETY: assumed of the callers, as `CompiledTrace::run` asks: `ct` was
    // compiled by the host backend from a trace of this file that touches only
    // the slots passed and calls only the helpers passed, and its arena (the
    // caller's loop variable) is alive for the call.
    unsafe { ct.run(slots, vals, helpers) }
}

/// `while i < n: i += 1` over slot 0 (i) and slot 1 (n).
fn counting_loop() -> (B, Ref, u32, u32, u32) {
    let mut b = B::new();
    let s0 = b.snap(0, vec![]);
    let vi = b.slot(0);
    let i = b.guard(Op::GuardInt, Ty::I64, vi, N, s0);
    let vn = b.slot(1);
    let n = b.guard(Op::GuardInt, Ty::I64, vn, N, s0);
    let one = b.kint(1);
    b.lp();
    let phi = b.t.emit(Op::Phi, Ty::I64, i, Ref(u32::MAX - 1), 0, None);
    let lt = b.op(Op::ILt, Ty::Bool, phi, n);
    let s1 = b.snap(10, vec![phi]);
    b.guard(Op::GuardTrue, Ty::Void, lt, N, s1);
    let s2 = b.snap(12, vec![phi, one]);
    let next = b.guard(Op::AddOv, Ty::I64, phi, one, s2);
    let boxed = b.op(Op::BoxInt, Ty::Val, next, N);
    b.set_slot(0, boxed);
    b.t.ins[phi.idx()].b = next;
    (b, phi, s0, s1, s2)
}

#[test]
fn counting_loop_exits_at_the_bound_guard() {
    let (b, phi, _, s1, _) = counting_loop();
    for (_arena, ct) in b.compile_all() {
        let mut slots = [tags::box_int(0), tags::box_int(10)];
        let mut vals = Vec::new();
        assert_eq!(run(&ct, &mut slots, &mut vals, &[]), s1);
        assert_eq!(vals[phi.idx()] as i64, 10);
        assert_eq!(slots[0], tags::box_int(10));
        // negative ints round-trip through GuardInt/BoxInt
        let mut slots = [tags::box_int(-5), tags::box_int(-2)];
        assert_eq!(run(&ct, &mut slots, &mut vals, &[]), s1);
        assert_eq!(vals[phi.idx()] as i64, -2);
        assert_eq!(slots[0], tags::box_int(-2));
    }
}

#[test]
fn guard_int_exits_on_a_float() {
    let (b, _, s0, _, _) = counting_loop();
    for (_arena, ct) in b.compile_all() {
        let mut slots = [1.5f64.to_bits(), tags::box_int(10)];
        let mut vals = Vec::new();
        assert_eq!(run(&ct, &mut slots, &mut vals, &[]), s0);
        assert_eq!(
            slots[0],
            1.5f64.to_bits(),
            "nothing written before the exit"
        );
        let mut slots = [tags::box_int(0), tags::TRUE];
        assert_eq!(run(&ct, &mut slots, &mut vals, &[]), s0);
    }
}

#[test]
fn add_ov_exits_past_2_pow_47_with_operands_intact() {
    // i = int(slot 0); loop: i += 1; slot 0 = i (no bound: only the overflow exits)
    let mut b = B::new();
    let s0 = b.snap(0, vec![]);
    let v = b.slot(0);
    let i = b.guard(Op::GuardInt, Ty::I64, v, N, s0);
    let one = b.kint(1);
    b.lp();
    let phi = b.t.emit(Op::Phi, Ty::I64, i, N, 0, None);
    let s1 = b.snap(7, vec![phi, one]);
    let next = b.guard(Op::AddOv, Ty::I64, phi, one, s1);
    let boxed = b.op(Op::BoxInt, Ty::Val, next, N);
    b.set_slot(0, boxed);
    b.t.ins[phi.idx()].b = next;
    for (_arena, ct) in b.compile_all() {
        let mut slots = [tags::box_int(tags::SMALL_INT_MAX - 3)];
        let mut vals = Vec::new();
        assert_eq!(run(&ct, &mut slots, &mut vals, &[]), s1);
        assert_eq!(vals[phi.idx()] as i64, tags::SMALL_INT_MAX);
        if cfg!(target_arch = "x86_64") {
            // immediates: the constant is never written home (exits read the IR)
            assert_eq!(vals[one.idx()], 0xDEAD_BEEF, "untouched");
        }
        assert_eq!(slots[0], tags::box_int(tags::SMALL_INT_MAX));
    }
}

fn py_floordiv(a: i64, b: i64) -> i64 {
    let q = a / b;
    if a % b != 0 && ((a % b < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

fn py_mod(a: i64, b: i64) -> i64 {
    let r = a % b;
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

#[test]
fn int_ops_follow_python() {
    // slots 0, 1: a, b; results boxed into slots 2..
    let mut b = B::new();
    let s0 = b.snap(0, vec![]);
    let (va, vb) = (b.slot(0), b.slot(1));
    let x = b.guard(Op::GuardInt, Ty::I64, va, N, s0);
    let y = b.guard(Op::GuardInt, Ty::I64, vb, N, s0);
    let sdiv = b.snap(1, vec![x, y]);
    let mut outs = vec![];
    for op in [Op::FloorDiv, Op::Mod] {
        outs.push(b.guard(op, Ty::I64, x, y, sdiv));
    }
    let sov = b.snap(2, vec![x, y]);
    for op in [Op::AddOv, Op::SubOv, Op::MulOv] {
        outs.push(b.guard(op, Ty::I64, x, y, sov));
    }
    outs.push(b.guard(Op::NegOv, Ty::I64, x, N, sov));
    for op in [Op::Add, Op::Sub, Op::Mul, Op::BAnd, Op::BOr, Op::BXor] {
        outs.push(b.op(op, Ty::I64, x, y));
    }
    let ints = outs.len();
    for op in [Op::ILt, Op::ILe, Op::IEq, Op::INe, Op::IGt, Op::IGe] {
        outs.push(b.op(op, Ty::Bool, x, y));
    }
    for (k, &o) in outs.iter().enumerate() {
        let bx = b.op(
            if k < ints { Op::BoxInt } else { Op::BoxBool },
            Ty::Val,
            o,
            N,
        );
        b.set_slot(2 + k as i64, bx);
    }
    b.lp();
    let done = b.snap(3, vec![]);
    b.exit_now(done);
    for (_arena, ct) in b.compile_all() {
        let mut vals = Vec::new();
        for (p, q) in [
            (7, 2),
            (-7, 2),
            (7, -2),
            (-7, -2),
            (6, 3),
            (-6, 3),
            (0, 5),
            (5, -1),
            (-5, -1),
            (1 << 40, 3),
            (-(1 << 45), 3),
        ] {
            let mut slots = vec![tags::box_int(p), tags::box_int(q)];
            slots.resize(2 + outs.len(), 0);
            assert_eq!(run(&ct, &mut slots, &mut vals, &[]), done, "{p} {q}");
            let want_i = [
                py_floordiv(p, q),
                py_mod(p, q),
                p + q,
                p - q,
                p * q,
                -p,
                p + q,
                p - q,
                p * q,
                p & q,
                p | q,
                p ^ q,
            ];
            let want_b = [p < q, p <= q, p == q, p != q, p > q, p >= q];
            for (k, w) in want_i.iter().enumerate() {
                assert_eq!(tags::unbox_int(slots[2 + k]), *w, "op {k} on {p}, {q}");
            }
            for (k, w) in want_b.iter().enumerate() {
                assert_eq!(
                    slots[2 + ints + k],
                    tags::box_bool(*w),
                    "cmp {k} on {p}, {q}"
                );
            }
        }
        // division by zero and results outside the 48-bit range exit
        let cases = [
            (1, 0, sdiv),
            (-(1 << 47), -1, sdiv),
            (1 << 30, 1 << 30, sov),
            (tags::SMALL_INT_MAX, 1, sov),
            (-(1 << 47), 1, sov),
            (-(1 << 47), 7, sov),
        ];
        for (p, q, want) in cases {
            let mut slots = vec![tags::box_int(p), tags::box_int(q)];
            slots.resize(2 + outs.len(), 0);
            assert_eq!(run(&ct, &mut slots, &mut vals, &[]), want, "{p} {q}");
            assert_eq!((vals[x.idx()] as i64, vals[y.idx()] as i64), (p, q));
        }
    }
}

#[test]
fn float_arithmetic_and_comparisons() {
    // slots 0, 1: floats a, b; results into slots 2..
    let mut b = B::new();
    let s0 = b.snap(0, vec![]);
    let (va, vb) = (b.slot(0), b.slot(1));
    let x = b.guard(Op::GuardFloat, Ty::F64, va, N, s0);
    let y = b.guard(Op::GuardFloat, Ty::F64, vb, N, s0);
    let sdiv = b.snap(1, vec![x, y]);
    let mut outs = vec![
        b.op(Op::FAdd, Ty::F64, x, y),
        b.op(Op::FSub, Ty::F64, x, y),
        b.op(Op::FMul, Ty::F64, x, y),
        b.guard(Op::FDiv, Ty::F64, x, y, sdiv),
        b.op(Op::FNeg, Ty::F64, x, N),
    ];
    let k7 = b.kint(-7);
    outs.push(b.op(Op::IToF, Ty::F64, k7, N));
    let flts = outs.len();
    for op in [Op::FLt, Op::FLe, Op::FEq, Op::FNe, Op::FGt, Op::FGe] {
        outs.push(b.op(op, Ty::Bool, x, y));
    }
    for (k, &o) in outs.iter().enumerate() {
        let bx = b.op(
            if k < flts { Op::BoxFloat } else { Op::BoxBool },
            Ty::Val,
            o,
            N,
        );
        b.set_slot(2 + k as i64, bx);
    }
    b.lp();
    let done = b.snap(3, vec![]);
    b.exit_now(done);
    for (_arena, ct) in b.compile_all() {
        let mut vals = Vec::new();
        let (nan, inf) = (f64::NAN, f64::INFINITY);
        for (p, q) in [
            (1.5, 0.25),
            (-3.0, 2.0),
            (2.0, 2.0),
            (nan, 1.0),
            (1.0, nan),
            (inf, -inf),
            (-0.0, nan),
            (1e308, 1e-308),
        ] {
            let mut slots = vec![tags::box_float(p), tags::box_float(q)];
            slots.resize(2 + outs.len(), 0);
            assert_eq!(run(&ct, &mut slots, &mut vals, &[]), done, "{p} {q}");
            let want_f = [p + q, p - q, p * q, p / q, -p, -7.0];
            let want_b = [p < q, p <= q, p == q, p != q, p > q, p >= q];
            for (k, w) in want_f.iter().enumerate() {
                assert_eq!(slots[2 + k], tags::box_float(*w), "op {k} on {p}, {q}");
            }
            for (k, w) in want_b.iter().enumerate() {
                assert_eq!(
                    slots[2 + flts + k],
                    tags::box_bool(*w),
                    "cmp {k} on {p}, {q}"
                );
            }
        }
        // x / 0.0 exits; GuardFloat rejects ints
        for q in [0.0, -0.0] {
            let mut slots = vec![tags::box_float(1.0), tags::box_float(q)];
            slots.resize(2 + outs.len(), 0);
            assert_eq!(run(&ct, &mut slots, &mut vals, &[]), sdiv);
        }
        let mut slots = vec![tags::box_int(1), tags::box_float(1.0)];
        slots.resize(2 + outs.len(), 0);
        assert_eq!(run(&ct, &mut slots, &mut vals, &[]), s0);
    }
}

#[test]
fn float_loop_accumulates() {
    // x = float(slot 0); while not x >= 2.0: x += 0.25
    let mut b = B::new();
    let s0 = b.snap(0, vec![]);
    let v = b.slot(0);
    let x = b.guard(Op::GuardFloat, Ty::F64, v, N, s0);
    let (step, lim) = (b.kflt(0.25), b.kflt(2.0));
    b.lp();
    let phi = b.t.emit(Op::Phi, Ty::F64, x, N, 0, None);
    let ge = b.op(Op::FGe, Ty::Bool, phi, lim);
    let s1 = b.snap(5, vec![phi]);
    b.guard(Op::GuardFalse, Ty::Void, ge, N, s1);
    let next = b.op(Op::FAdd, Ty::F64, phi, step);
    b.t.ins[phi.idx()].b = next;
    for (_arena, ct) in b.compile_all() {
        let mut vals = Vec::new();
        let mut slots = [tags::box_float(0.5)];
        assert_eq!(run(&ct, &mut slots, &mut vals, &[]), s1);
        assert_eq!(f64::from_bits(vals[phi.idx()]), 2.0);
    }
}

extern "C" fn add_small(a: u64, b: u64) -> u64 {
    let s = tags::unbox_int(a) + tags::unbox_int(b);
    if s > 100 {
        EXIT_SENTINEL
    } else {
        tags::box_int(s)
    }
}

extern "C" fn unused(_: u64, _: u64) -> u64 {
    EXIT_SENTINEL
}

#[test]
fn call_g_exits_on_the_sentinel() {
    // v = slot 0; loop: v = helpers[1](v, 7); slot 0 = v
    let mut b = B::new();
    let v0 = b.slot(0);
    let seven =
        b.t.emit(Op::KVal, Ty::Val, N, N, tags::box_int(7) as i64, None);
    b.lp();
    let phi = b.t.emit(Op::Phi, Ty::Val, v0, N, 0, None);
    let s = b.snap(4, vec![phi, seven]);
    let call = b.t.emit(Op::CallG, Ty::Val, phi, seven, 1, Some(s));
    b.set_slot(0, call);
    b.t.ins[phi.idx()].b = call;
    for (_arena, ct) in b.compile_all() {
        let helpers: [Helper; 2] = [unused, add_small];
        let mut vals = Vec::new();
        let mut slots = [tags::box_int(3)];
        assert_eq!(run(&ct, &mut slots, &mut vals, &helpers), s);
        // 3, 10, ..., 94: the call on 94 returns the sentinel
        assert_eq!(vals[phi.idx()], tags::box_int(94));
        assert_eq!(slots[0], tags::box_int(94));
    }
}

#[test]
fn phis_update_in_parallel() {
    // fibonacci: a, b = b, a + b, ten times; and a swap pair p, q = q, p
    let mut b = B::new();
    let (k0, k1, ten) = (b.kint(0), b.kint(1), b.kint(10));
    let (kp, kq) = (b.kint(111), b.kint(222));
    b.lp();
    let pa = b.t.emit(Op::Phi, Ty::I64, k0, N, 0, None);
    let pb = b.t.emit(Op::Phi, Ty::I64, k1, N, 0, None);
    let pn = b.t.emit(Op::Phi, Ty::I64, k0, N, 0, None);
    let pp = b.t.emit(Op::Phi, Ty::I64, kp, N, 0, None);
    let pq = b.t.emit(Op::Phi, Ty::I64, kq, N, 0, None);
    let lt = b.op(Op::ILt, Ty::Bool, pn, ten);
    let s = b.snap(9, vec![pa, pb, pp, pq]);
    b.guard(Op::GuardTrue, Ty::Void, lt, N, s);
    let sum = b.guard(Op::AddOv, Ty::I64, pa, pb, s);
    let n1 = b.op(Op::Add, Ty::I64, pn, k1);
    b.t.ins[pa.idx()].b = pb;
    b.t.ins[pb.idx()].b = sum;
    b.t.ins[pn.idx()].b = n1;
    b.t.ins[pp.idx()].b = pq;
    b.t.ins[pq.idx()].b = pp;
    for (_arena, ct) in b.compile_all() {
        let mut vals = Vec::new();
        assert_eq!(run(&ct, &mut [], &mut vals, &[]), s);
        assert_eq!((vals[pa.idx()], vals[pb.idx()]), (55, 89));
        // ten swaps: back where they started
        assert_eq!((vals[pp.idx()], vals[pq.idx()]), (111, 222));
    }
}

#[test]
fn bools_identity_and_nan_boxing() {
    // slot 0 must be a bool, slot 1 must be None; writes not(b) to slot 2 and a
    // canonicalised NaNs to slots 3 and 4
    let mut b = B::new();
    let s0 = b.snap(0, vec![]);
    let (v0, v1) = (b.slot(0), b.slot(1));
    let flag = b.guard(Op::GuardBool, Ty::Bool, v0, N, s0);
    let s1 = b.snap(1, vec![flag]);
    b.t.emit(
        Op::GuardIs,
        Ty::Void,
        v1,
        N,
        (tags::NONE << tags::SHIFT) as i64,
        Some(s1),
    );
    let nf = b.op(Op::Not, Ty::Bool, flag, N);
    let bx = b.op(Op::BoxBool, Ty::Val, nf, N);
    b.set_slot(2, bx);
    // NaNs with payloads box to the canonical NaN of their sign
    let nan =
        b.t.emit(Op::KFloat, Ty::F64, N, N, 0x7FF8_0000_0000_1234, None);
    let bn = b.op(Op::BoxFloat, Ty::Val, nan, N);
    b.set_slot(3, bn);
    let snan = b.t.emit(
        Op::KFloat,
        Ty::F64,
        N,
        N,
        0xFFF0_0000_0000_0001u64 as i64,
        None,
    );
    let bs = b.op(Op::BoxFloat, Ty::Val, snan, N);
    b.set_slot(4, bs);
    b.lp();
    let done = b.snap(2, vec![]);
    b.exit_now(done);
    for (_arena, ct) in b.compile_all() {
        let none = tags::NONE << tags::SHIFT;
        let mut vals = Vec::new();
        let mut slots = [tags::TRUE, none, 0, 0, 0];
        assert_eq!(run(&ct, &mut slots, &mut vals, &[]), done);
        assert_eq!(slots[2], tags::FALSE);
        assert_eq!(slots[3], tags::CANONICAL_NAN);
        assert_eq!(slots[4], 0xFFF8_0000_0000_0000);
        let mut slots = [tags::FALSE, none, 0, 0, 0];
        assert_eq!(run(&ct, &mut slots, &mut vals, &[]), done);
        assert_eq!(slots[2], tags::TRUE);
        let mut slots = [tags::box_int(1), none, 0, 0, 0];
        assert_eq!(run(&ct, &mut slots, &mut vals, &[]), s0);
        let mut slots = [tags::TRUE, tags::FALSE, 0, 0, 0];
        assert_eq!(run(&ct, &mut slots, &mut vals, &[]), s1);
        assert_eq!(vals[flag.idx()], 1);
    }
}

#[test]
fn bad_traces_are_errors_not_panics() {
    let mut arena = CodeArena::new(4096).unwrap();
    let be = host_backend().unwrap();
    // no loop
    let mut b = B::new();
    b.kint(1);
    assert!(matches!(
        compile(be, &b.t, &mut arena),
        Err(LowerError::Unsupported(_))
    ));
    // forward reference
    let mut b = B::new();
    b.op(Op::Add, Ty::I64, Ref(1), Ref(1));
    b.kint(1);
    b.lp();
    assert!(matches!(
        compile(be, &b.t, &mut arena),
        Err(LowerError::Malformed(_))
    ));
    // type mismatch: float add of ints
    let mut b = B::new();
    let k = b.kint(1);
    b.op(Op::FAdd, Ty::F64, k, k);
    b.lp();
    assert!(matches!(
        compile(be, &b.t, &mut arena),
        Err(LowerError::Malformed(_))
    ));
    // guard with a missing snapshot
    let mut b = B::new();
    let v = b.slot(0);
    b.t.emit(Op::GuardInt, Ty::I64, v, N, 0, Some(5));
    b.lp();
    assert!(matches!(
        compile(be, &b.t, &mut arena),
        Err(LowerError::Malformed(_))
    ));
    // nothing was installed by the failures
    assert_eq!(arena.used(), 0);
}

#[test]
fn compiled_code_disassembles_and_lists_exit_stubs() {
    let (b, _, s0, s1, s2) = counting_loop();
    for (_arena, ct) in b.compile_all() {
        let mut snaps: Vec<u32> = ct.exit_stubs.iter().map(|&(s, _)| s).collect();
        snaps.sort();
        assert_eq!(snaps, vec![s0, s1, s2]);
        for &(_, addr) in &ct.exit_stubs {
            assert!(addr >= ct.addr && addr < ct.addr + ct.len);
        }
        let arch = host_backend().unwrap().arch();
        // SAFETY: `_arena`, which holds the code, lives for the loop body.
        let text = disassemble(arch, unsafe { ct.code() }, ct.addr as u64);
        let first = if arch == "aarch64" { "stp" } else { "push" };
        assert!(text.lines().next().unwrap().contains(first), "{text}");
        assert!(text.contains("ret"), "{text}");
        assert!(!text.contains("(bad)") && !text.contains(".word"), "{text}");
    }
}

#[test]
fn int_to_float_and_sqrt_do_not_wait_on_stale_registers() {
    // cvtsi2sd and sqrtsd merge into the destination's old upper half: on x86-64
    // the destination is zeroed first, or a loop's conversion waits on whatever
    // last wrote that register (float_loop ran at half speed).
    if host_backend().unwrap().arch() != "x86_64" {
        return;
    }
    let mut b = B::new();
    let s0 = b.snap(0, vec![]);
    let v = b.slot(0);
    let i = b.guard(Op::GuardInt, Ty::I64, v, N, s0);
    let f = b.op(Op::IToF, Ty::F64, i, N);
    let g = b.op(Op::FMul, Ty::F64, f, f);
    let r = b.op(Op::FSqrt, Ty::F64, g, N);
    let bx = b.op(Op::BoxFloat, Ty::Val, r, N);
    b.set_slot(1, bx);
    b.lp();
    let done = b.snap(1, vec![]);
    b.exit_now(done);
    for (_arena, ct) in b.compile_all() {
        // SAFETY: `_arena`, which holds the code, lives for the loop body.
        let text = disassemble("x86_64", unsafe { ct.code() }, ct.addr as u64);
        let lines: Vec<&str> = text.lines().collect();
        for op in ["cvtsi2sd", "sqrtsd"] {
            let k = lines
                .iter()
                .position(|l| l.contains(op))
                .unwrap_or_else(|| panic!("no {op}:\n{text}"));
            let operands: Vec<&str> = lines[k]
                .split(op)
                .nth(1)
                .unwrap()
                .trim()
                .split(',')
                .collect();
            let dst = operands[0];
            // (`sqrtsd x, x` depends on x anyway)
            let in_place = operands.get(1) == Some(&dst);
            assert!(
                in_place
                    || lines[k - 1].contains("xorpd")
                        && lines[k - 1].contains(&format!("{dst},{dst}")),
                "{op} without zeroing {dst} first:\n{text}"
            );
        }
        let mut slots = vec![tags::box_int(-9), 0];
        let mut vals = Vec::new();
        assert_eq!(run(&ct, &mut slots, &mut vals, &[]), done);
        assert_eq!(slots[1], tags::box_float(9.0));
    }
}

/// A helper that really overwrites every caller-saved register the allocator uses.
#[cfg(target_arch = "aarch64")]
extern "C" fn clobber_all(a: u64, _b: u64) -> u64 {
    // SAFETY: the asm only writes registers, each declared as an output
    // (clobbered), and touches neither memory nor the stack.
    unsafe {
        std::arch::asm!(
            "mov x4, #-1", "mov x5, #-1", "mov x6, #-1", "mov x7, #-1", "mov x8, #-1",
            "mov x9, #-1", "mov x10, #-1", "mov x11, #-1", "mov x12, #-1", "mov x13, #-1",
            "mov x14, #-1", "mov x15, #-1",
            "movi v3.2d, #-1", "movi v4.2d, #-1", "movi v5.2d, #-1", "movi v6.2d, #-1",
            "movi v7.2d, #-1", "movi v16.2d, #-1", "movi v17.2d, #-1", "movi v18.2d, #-1",
            "movi v19.2d, #-1", "movi v20.2d, #-1", "movi v21.2d, #-1", "movi v22.2d, #-1",
            "movi v23.2d, #-1", "movi v24.2d, #-1", "movi v25.2d, #-1", "movi v26.2d, #-1",
            "movi v27.2d, #-1", "movi v28.2d, #-1", "movi v29.2d, #-1", "movi v30.2d, #-1",
            "movi v31.2d, #-1",
            out("x4") _, out("x5") _, out("x6") _, out("x7") _, out("x8") _, out("x9") _,
            out("x10") _, out("x11") _, out("x12") _, out("x13") _, out("x14") _, out("x15") _,
            out("v3") _, out("v4") _, out("v5") _, out("v6") _, out("v7") _, out("v16") _,
            out("v17") _, out("v18") _, out("v19") _, out("v20") _, out("v21") _, out("v22") _,
            out("v23") _, out("v24") _, out("v25") _, out("v26") _, out("v27") _, out("v28") _,
            out("v29") _, out("v30") _, out("v31") _,
        );
    }
    a
}

#[cfg(target_arch = "x86_64")]
extern "C" fn clobber_all(a: u64, _b: u64) -> u64 {
    // SAFETY: the asm only writes registers, each declared as an output
    // (clobbered), and touches neither memory nor the stack.
    unsafe {
        std::arch::asm!(
            "mov r10, -1", "mov r11, -1", "mov rsi, -1", "mov rdi, -1",
            "pcmpeqd xmm3, xmm3", "pcmpeqd xmm4, xmm4", "pcmpeqd xmm5, xmm5", "pcmpeqd xmm6, xmm6",
            "pcmpeqd xmm7, xmm7", "pcmpeqd xmm8, xmm8", "pcmpeqd xmm9, xmm9", "pcmpeqd xmm10, xmm10",
            "pcmpeqd xmm11, xmm11", "pcmpeqd xmm12, xmm12", "pcmpeqd xmm13, xmm13", "pcmpeqd xmm14, xmm14",
            "pcmpeqd xmm15, xmm15",
            out("r10") _, out("r11") _, out("rsi") _, out("rdi") _,
            out("xmm3") _, out("xmm4") _, out("xmm5") _, out("xmm6") _, out("xmm7") _, out("xmm8") _,
            out("xmm9") _, out("xmm10") _, out("xmm11") _, out("xmm12") _, out("xmm13") _,
            out("xmm14") _, out("xmm15") _,
        );
    }
    a
}

#[test]
fn values_survive_helper_calls_that_clobber_registers() {
    // many ints and floats live across a call in the loop; their sums after the
    // call must be unchanged, and the exit after the call sees them intact
    let mut b = B::new();
    let ks: Vec<Ref> = (1..=9).map(|i| b.kint(i)).collect();
    let fs: Vec<Ref> = (1..=14).map(|i| b.kflt(i as f64 * 0.5)).collect();
    let (zero, lim) = (b.kint(0), b.kint(3));
    let fz = b.kflt(0.0);
    let kv =
        b.t.emit(Op::KVal, Ty::Val, N, N, tags::box_int(5) as i64, None);
    b.lp();
    let n = b.t.emit(Op::Phi, Ty::I64, zero, N, 0, None);
    let s1 = b.snap(1, vec![n]);
    let c = b.t.emit(Op::CallG, Ty::Val, kv, N, 0, Some(s1));
    let mut isum = b.op(Op::Add, Ty::I64, ks[0], ks[1]);
    for &k in &ks[2..] {
        isum = b.op(Op::Add, Ty::I64, isum, k);
    }
    let mut fsum = b.op(Op::FAdd, Ty::F64, fz, fs[0]);
    for &f in &fs[1..] {
        fsum = b.op(Op::FAdd, Ty::F64, fsum, f);
    }
    let bi = b.op(Op::BoxInt, Ty::Val, isum, N);
    b.set_slot(0, bi);
    let bf = b.op(Op::BoxFloat, Ty::Val, fsum, N);
    b.set_slot(1, bf);
    b.set_slot(2, c);
    let n1 = b.op(Op::Add, Ty::I64, n, ks[0]);
    let lt = b.op(Op::ILt, Ty::Bool, n1, lim);
    let mut stack = ks.clone();
    stack.extend(&fs);
    stack.push(n1);
    let s2 = b.snap(2, stack.clone());
    b.guard(Op::GuardTrue, Ty::Void, lt, N, s2);
    b.t.ins[n.idx()].b = n1;
    for (_arena, ct) in b.compile_all() {
        let mut vals = Vec::new();
        let mut slots = [0u64; 3];
        assert_eq!(run(&ct, &mut slots, &mut vals, &[clobber_all]), s2);
        assert_eq!(slots[0], tags::box_int(45));
        assert_eq!(slots[1], tags::box_float(52.5));
        assert_eq!(slots[2], tags::box_int(5));
        // (the int constants `ks` need not be home: exits take them from the IR)
        for (k, &r) in fs.iter().enumerate() {
            assert_eq!(f64::from_bits(vals[r.idx()]), (k + 1) as f64 * 0.5);
        }
        assert_eq!(vals[n1.idx()], 3);
    }
}

/// A tiny deterministic PRNG (xorshift) for generated traces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<T: Copy>(&mut self, v: &[T]) -> T {
        v[(self.next() % v.len() as u64) as usize]
    }
}

/// A random loop over int and float phis: arithmetic, comparisons, guards that may
/// exit, helper calls and slot writes, ending after at most 20 iterations.
fn random_trace(seed: u64) -> Trace {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut b = B::new();
    let s0 = b.snap(0, vec![]);
    let mut ints = vec![];
    let mut flts = vec![];
    for k in 0..3 {
        let v = b.slot(k);
        ints.push(b.guard(Op::GuardInt, Ty::I64, v, N, s0));
    }
    for k in 3..5 {
        let v = b.slot(k);
        flts.push(b.guard(Op::GuardFloat, Ty::F64, v, N, s0));
    }
    for _ in 0..3 {
        let k = (rng.next() % 200) as i64 - 100;
        ints.push(b.kint(k));
        flts.push(b.kflt(k as f64 / 8.0));
    }
    let (zero, one, lim) = (b.kint(0), b.kint(1), b.kint(20));
    b.lp();
    let counter = b.t.emit(Op::Phi, Ty::I64, zero, N, 0, None);
    let iphis: Vec<Ref> = (0..4)
        .map(|k| b.t.emit(Op::Phi, Ty::I64, ints[k], N, 0, None))
        .collect();
    let fphis: Vec<Ref> = (0..3)
        .map(|k| b.t.emit(Op::Phi, Ty::F64, flts[k], N, 0, None))
        .collect();
    ints.extend(&iphis);
    flts.extend(&fphis);
    let next_counter = b.op(Op::Add, Ty::I64, counter, one);
    for step in 0..40 {
        let mut stack = vec![rng.pick(&ints), rng.pick(&flts), counter];
        stack.extend(&iphis);
        let snap = b.snap(100 + step, stack);
        match rng.next() % 10 {
            0..=3 => {
                let op = rng.pick(&[Op::AddOv, Op::SubOv, Op::MulOv, Op::FloorDiv, Op::Mod]);
                let (x, y) = (rng.pick(&ints), rng.pick(&ints));
                ints.push(b.guard(op, Ty::I64, x, y, snap));
            }
            4 => {
                let op = rng.pick(&[Op::Add, Op::Sub, Op::BAnd, Op::BOr, Op::BXor]);
                let (x, y) = (rng.pick(&ints), rng.pick(&ints));
                // keep plain Add/Sub inside 48 bits by masking first
                let m = b.kint(0xFFFF);
                let x = b.op(Op::BAnd, Ty::I64, x, m);
                ints.push(b.op(op, Ty::I64, x, y));
            }
            5..=6 => {
                let op = rng.pick(&[Op::FAdd, Op::FSub, Op::FMul]);
                let (x, y) = (rng.pick(&flts), rng.pick(&flts));
                flts.push(b.op(op, Ty::F64, x, y));
            }
            7 => {
                let x = rng.pick(&ints);
                flts.push(b.op(Op::IToF, Ty::F64, x, N));
            }
            8 => {
                let (x, y) = (rng.pick(&flts), rng.pick(&flts));
                let c = b.op(rng.pick(&[Op::FLt, Op::FGe, Op::FEq]), Ty::Bool, x, y);
                // records the comparison; exits only on the (never reached) last count
                let t = b.op(Op::IEq, Ty::Bool, counter, lim);
                let bx = b.op(Op::BoxBool, Ty::Val, c, N);
                b.set_slot(5, bx);
                b.guard(Op::GuardFalse, Ty::Void, t, N, snap);
            }
            _ => {
                let x = rng.pick(&ints);
                let bx = b.op(Op::BoxInt, Ty::Val, x, N);
                let c = b.t.emit(Op::CallG, Ty::Val, bx, N, 0, Some(snap));
                let u = b.guard(Op::GuardInt, Ty::I64, c, N, snap);
                ints.push(u);
            }
        }
    }
    let lt = b.op(Op::ILt, Ty::Bool, next_counter, lim);
    let s_end = b.snap(
        999,
        vec![counter, ints[ints.len() - 1], flts[flts.len() - 1]],
    );
    b.guard(Op::GuardTrue, Ty::Void, lt, N, s_end);
    for (k, &p) in iphis.iter().enumerate() {
        b.t.ins[p.idx()].b = ints[ints.len() - 1 - k];
    }
    for (k, &p) in fphis.iter().enumerate() {
        b.t.ins[p.idx()].b = flts[flts.len() - 1 - k];
    }
    b.t.ins[counter.idx()].b = next_counter;
    let last = b.op(Op::BoxInt, Ty::Val, ints[ints.len() - 1], N);
    b.set_slot(6, last);
    b.t
}

extern "C" fn halve(a: u64, _: u64) -> u64 {
    // exits (sentinel) on odd values, else returns a / 2 boxed
    let v = tags::unbox_int(a);
    if v % 2 != 0 {
        EXIT_SENTINEL
    } else {
        tags::box_int(v / 2)
    }
}

#[test]
fn allocating_backend_matches_the_simple_one_on_random_traces() {
    for seed in 1..=60 {
        let t = random_trace(seed);
        let b = B { t: t.clone() };
        let results: Vec<_> = b
            .compile_all()
            .into_iter()
            .map(|(_arena, ct)| {
                let mut slots = [
                    tags::box_int(3),
                    tags::box_int(-7),
                    tags::box_int(1 << 20),
                    tags::box_float(1.25),
                    tags::box_float(-0.5),
                    0,
                    0,
                ];
                let mut vals = Vec::new();
                let exit = run(&ct, &mut slots, &mut vals, &[halve]);
                let seen: Vec<u64> = t.snapshots[exit as usize]
                    .stack
                    .iter()
                    .map(|r| vals[r.idx()])
                    .collect();
                (exit, seen, slots)
            })
            .collect();
        assert_eq!(results[0], results[1], "seed {seed}\n{t}");
    }
}

#[test]
#[ignore = "prints the counting loop's code; run with --ignored --nocapture"]
fn show_counting_loop_code() {
    let (b, ..) = counting_loop();
    for (_arena, ct) in b.compile_all() {
        let arch = host_backend().unwrap().arch();
        // SAFETY: `_arena`, which holds the code, lives for the loop body.
        let code = unsafe { ct.code() };
        println!("{}", disassemble(arch, code, ct.addr as u64));
    }
}

/// FNV-1a over the code the simple and the allocating backend produce, at a fixed
/// base address, for the counting loop and 30 random traces.
fn code_fingerprint(assemble: &dyn Fn(&X64, &Trace) -> Vec<u8>) -> u64 {
    let mut traces = vec![counting_loop().0.t];
    traces.extend((1..=30).map(random_trace));
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for be in [&X64::SIMPLE, &X64::REGALLOC] {
        for t in &traces {
            for b in assemble(be, t) {
                h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
            }
        }
    }
    h
}

/// The fingerprint of the code without chaos instrumentation (last changed by
/// integer constants without a register no longer being written home: exits
/// take constants from the IR; and by frame and `vals` loads and stores going to
/// and from the value's register directly; by `xorpd` before `cvtsi2sd` and
/// `sqrtsd`; and by division by a constant using 32-bit immediates and no zero
/// shift). If the lowering changes on purpose, update it to the value the failure
/// prints.
const CODE_BEFORE_CHAOS: u64 = 0xa073_d809_5b9c_cf71;

#[test]
fn chaos_off_code_is_byte_identical_to_before() {
    use asm::{Backend, Options};
    let off = Options {
        chaos: false,
        ..Default::default()
    };
    let h = code_fingerprint(&|be, t| be.assemble_with(t, 0x1000_0000, &off).unwrap().code);
    assert_eq!(h, CODE_BEFORE_CHAOS, "fingerprint {h:#x}");
    let h = code_fingerprint(&|be, t| be.assemble(t, 0x1000_0000).unwrap().code);
    assert_eq!(h, CODE_BEFORE_CHAOS, "fingerprint {h:#x}");
    let on = Options {
        chaos: true,
        ..Default::default()
    };
    let h = code_fingerprint(&|be, t| be.assemble_with(t, 0x1000_0000, &on).unwrap().code);
    assert_ne!(h, CODE_BEFORE_CHAOS);
    // and compile() installs the same bytes as compile_with(default)
    let (b, ..) = counting_loop();
    for be in [&X64::SIMPLE, &X64::REGALLOC] {
        let mut arena = CodeArena::new(1 << 16).unwrap();
        let c1 = compile(be, &b.t, &mut arena).unwrap();
        let c2 = asm::compile_with(be, &b.t, &mut arena, off).unwrap();
        // SAFETY: `arena`, which holds both traces' code, is alive.
        let (x, y) = unsafe { (c1.code().to_vec(), c2.code().to_vec()) };
        // (the code is position-independent: only rel32 jumps)
        assert_eq!(x, y);
        let phis = b.t.ins.iter().filter(|i| i.op == Op::Phi).count();
        assert_eq!(
            (c1.vals_len, c1.chaos_slot),
            (b.t.ins.len() + 1 + phis + 1, None)
        );
    }
}

/// Counting loop `while i < n: i += 1` with i = 0, n = 10 compiled with chaos: the
/// guards run in the order gint(i) gint(n) [gtrue addov] x 10, then gtrue fails for
/// real (the 23rd guard). Countdown k makes exactly the k-th guard exit.
#[test]
fn chaos_countdown_exits_at_the_kth_guard() {
    let (b, phi, s0, s1, s2) = counting_loop();
    let one = Ref(phi.0 - 2);
    assert_eq!(b.t.ins[one.idx()].op, Op::KInt);
    let n = b.t.ins.len();
    for (be, regalloc) in backends() {
        let mut arena = CodeArena::new(1 << 16).unwrap();
        let ct = asm::compile_with(
            be,
            &b.t,
            &mut arena,
            asm::Options {
                chaos: true,
                ..Default::default()
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            ct.vals_len,
            n + 3,
            "homes, countdown, one phi's scratch, the entered word"
        );
        assert_eq!(ct.chaos_slot, Some(n));
        for k in 0..=30u64 {
            let mut slots = [tags::box_int(0), tags::box_int(10)];
            let mut vals = vec![0xDEAD_BEEF; ct.vals_len];
            vals[n] = k;
            // SAFETY: host-backend code in the live `arena`; the trace
            // touches slots 0 and 1 only and calls no helper.
            let exit = unsafe { ct.run(&mut slots, &mut vals, &[]) };
            let ctx = format!("regalloc {regalloc} k {k}");
            match k {
                1 | 2 => {
                    assert_eq!(exit, s0, "{ctx}");
                    assert_eq!(vals[n], 0, "{ctx}");
                    assert_eq!(slots[0], tags::box_int(0), "{ctx}");
                }
                3..=22 => {
                    let j = (k - 3) / 2;
                    assert_eq!(vals[n], 0, "{ctx}");
                    assert_eq!(vals[phi.idx()], j, "{ctx}");
                    assert_eq!(slots[0], tags::box_int(j as i64), "{ctx}");
                    if k % 2 == 1 {
                        assert_eq!(exit, s1, "{ctx}: the bound guard of iteration {j}");
                    } else {
                        assert_eq!(exit, s2, "{ctx}: the addov of iteration {j}");
                    }
                }
                _ => {
                    // the real exit: the countdown keeps what is left (0 wraps)
                    assert_eq!(exit, s1, "{ctx}");
                    assert_eq!(vals[phi.idx()], 10, "{ctx}");
                    assert_eq!(slots[0], tags::box_int(10), "{ctx}");
                    assert_eq!(vals[n], k.wrapping_sub(22), "{ctx}");
                }
            }
        }
    }
}

/// A trace tree run natively: root `i += 1 while i < 100`, whose loop-exit is
/// patched to a side trace computing `i = 5 * i` from the root's exit value
/// (`PVal`), storing it and linking back to the root's re-entry point. The tree
/// runs until `5 * i` leaves the inline int range, an exit of the side trace whose
/// code names it (exit tag) and whose values sit in the side trace's own range.
#[test]
fn side_trace_linked_to_its_parent_runs_the_tree() {
    use asm::Options;
    for (be, regalloc) in backends() {
        let mut root = B::new();
        root.lp();
        let s = root.slot(0);
        let s0 = root.snap(10, vec![s]);
        let i = root.guard(Op::GuardInt, Ty::I64, s, N, s0);
        let one = root.kint(1);
        let s1 = root.snap(11, vec![]);
        let i1 = root.guard(Op::AddOv, Ty::I64, i, one, s1);
        let b = root.op(Op::BoxInt, Ty::Val, i1, N);
        root.set_slot(0, b);
        root.t.emit(Op::Count, Ty::Void, N, N, 1, None);
        let hundred = root.kint(100);
        let c = root.op(Op::ILt, Ty::Bool, i1, hundred);
        let s2 = root.snap(12, vec![i1]);
        root.guard(Op::GuardTrue, Ty::Void, c, N, s2);

        let mut arena = CodeArena::new(1 << 16).unwrap();
        let ropts = Options {
            vals_base: 2,
            exit_tag: 1 << 16,
            ..Default::default()
        };
        let rt = asm::compile_with(be, &root.t, &mut arena, ropts).unwrap();

        let mut side = B::new();
        let x = side
            .t
            .emit(Op::PVal, Ty::I64, N, N, (2 + i1.idx()) as i64, None);
        let five = side.kint(5);
        let t0 = side.snap(20, vec![x]);
        let y = side.guard(Op::MulOv, Ty::I64, x, five, t0);
        let by = side.op(Op::BoxInt, Ty::Val, y, N);
        side.set_slot(0, by);
        side.t
            .emit(Op::Link, Ty::Void, N, N, rt.reentry as i64, None);
        let sopts = Options {
            vals_base: rt.vals_len as u32,
            exit_tag: 2 << 16,
            ..Default::default()
        };
        let st = asm::compile_with(be, &side.t, &mut arena, sopts).unwrap();
        let (_, point) = *rt.exit_stubs.iter().find(|(s, _)| *s == s2).unwrap();
        arena
            .patch(point, &asm::link_jump(point, st.reentry).unwrap())
            .unwrap();

        let mut slots = [tags::box_int(0)];
        let mut vals = vec![0u64; st.vals_len];
        // SAFETY: host-backend code in the live `arena`; root and side trace
        // touch slot 0 only and call no helper, and `vals` covers both (the
        // side's homes start where the root's end, at its `vals_base`).
        let exit = unsafe { rt.run(&mut slots, &mut vals, &[]) };
        // the oracle: 100, then x -> 5x (side), +1 (root, exits at once) ...
        let (mut v, mut iterations) = (100i64, 100u64);
        loop {
            if (5 * v) >= (1 << 47) {
                break;
            }
            v = 5 * v + 1;
            iterations += 1;
        }
        let ctx = format!("regalloc {regalloc}");
        assert_eq!(exit, (2 << 16) | t0, "{ctx}");
        assert_eq!(slots[0], tags::box_int(v), "{ctx}");
        let base = rt.vals_len;
        assert_eq!(
            vals[base + x.idx()],
            v as u64,
            "{ctx}: the side trace's own home"
        );
        assert_eq!(vals[1], iterations, "{ctx}: the root's counter");
    }
}

/// The AArch64 backend assembles every test trace on any host (it only produces
/// bytes), with and without chaos, into code that disassembles cleanly.
#[test]
fn arm64_assembles_every_trace_on_any_host() {
    use asm::Options;
    let mut traces = vec![counting_loop().0.t];
    traces.extend((1..=60).map(random_trace));
    for be in [&Arm64::SIMPLE, &Arm64::REGALLOC] {
        for t in &traces {
            for chaos in [false, true] {
                let opts = Options {
                    chaos,
                    vals_base: 5000,
                    ..Default::default()
                };
                let a = be
                    .assemble_with(t, 0x1000_0000, &opts)
                    .unwrap_or_else(|e| panic!("{e}\n{t}"));
                assert_eq!(a.code.len() % 4, 0);
                let text = disassemble("aarch64", &a.code, 0x1000_0000);
                assert!(!text.contains(".word"), "{text}");
                for &(_, off) in &a.exit_stubs {
                    assert!(off % 4 == 0 && off < a.code.len());
                }
            }
        }
    }
}

/// Integer ops and comparisons with a constant operand on either side (x86-64
/// encodes them as immediates, and keeps constants out of registers) follow
/// Python, and the overflow guards still exit with the operand intact.
#[test]
fn constant_operands_follow_python() {
    const K: i64 = 12345;
    let mut b = B::new();
    let s0 = b.snap(0, vec![]);
    let va = b.slot(0);
    let x = b.guard(Op::GuardInt, Ty::I64, va, N, s0);
    let k = b.kint(K);
    let big = b.kint(1 << 40); // no 32-bit immediate: materialized
    let sov = b.snap(2, vec![x]);
    let mut outs = vec![];
    for op in [Op::AddOv, Op::SubOv, Op::MulOv] {
        outs.push(b.guard(op, Ty::I64, x, k, sov));
    }
    outs.push(b.guard(Op::SubOv, Ty::I64, k, x, sov));
    outs.push(b.guard(Op::AddOv, Ty::I64, x, big, sov));
    for op in [Op::Add, Op::Sub, Op::Mul, Op::BAnd, Op::BOr, Op::BXor] {
        outs.push(b.op(op, Ty::I64, x, k));
    }
    let ints = outs.len();
    for op in [Op::ILt, Op::ILe, Op::IEq, Op::INe, Op::IGt, Op::IGe] {
        outs.push(b.op(op, Ty::Bool, x, k));
        outs.push(b.op(op, Ty::Bool, k, x));
    }
    for (i, &o) in outs.iter().enumerate() {
        let op = if i < ints { Op::BoxInt } else { Op::BoxBool };
        let bx = b.op(op, Ty::Val, o, N);
        b.set_slot(1 + i as i64, bx);
    }
    b.lp();
    let done = b.snap(3, vec![]);
    b.exit_now(done);
    for (_arena, ct) in b.compile_all() {
        let mut vals = Vec::new();
        for p in [0, 1, -1, K - 1, K, K + 1, -K, 1 << 20, -(1 << 30)] {
            let mut slots = vec![tags::box_int(p)];
            slots.resize(1 + outs.len(), 0);
            assert_eq!(run(&ct, &mut slots, &mut vals, &[]), done, "{p}");
            let want_i = [
                p + K,
                p - K,
                p * K,
                K - p,
                p + (1 << 40),
                p + K,
                p - K,
                p * K,
                p & K,
                p | K,
                p ^ K,
            ];
            for (i, w) in want_i.iter().enumerate() {
                assert_eq!(tags::unbox_int(slots[1 + i]), *w, "op {i} on {p}");
            }
            let want_b = [
                (p < K, K < p),
                (p <= K, K <= p),
                (p == K, K == p),
                (p != K, K != p),
                (p > K, K > p),
                (p >= K, K >= p),
            ];
            for (i, (l, r)) in want_b.iter().enumerate() {
                let got = (slots[1 + ints + 2 * i], slots[2 + ints + 2 * i]);
                assert_eq!(
                    got,
                    (tags::box_bool(*l), tags::box_bool(*r)),
                    "cmp {i} on {p}"
                );
            }
        }
        // the multiply leaves the 48-bit range: exit with x at home
        let p = 1i64 << 40;
        let mut slots = vec![tags::box_int(p)];
        slots.resize(1 + outs.len(), 0);
        assert_eq!(run(&ct, &mut slots, &mut vals, &[]), sov);
        assert_eq!(vals[x.idx()] as i64, p);
    }
}

/// Item loads and stores through `aref` (x86-64 folds the item address into
/// the access: a constant index into the displacement, a variable one into the
/// index register) read and write the right words.
#[test]
fn item_loads_and_stores_address_the_right_words() {
    let mut items: Vec<u64> = (0..8).map(|i| 100 + i).collect();
    let base = items.as_mut_ptr() as i64;
    let mut b = B::new();
    let s0 = b.snap(0, vec![]);
    let vi = b.slot(0);
    let i = b.guard(Op::GuardInt, Ty::I64, vi, N, s0);
    let p = b.t.emit(Op::KInt, Ty::Ptr, N, N, base, None);
    let k2 = b.kint(2);
    let at2 = b.op(Op::ARef, Ty::Ptr, p, k2);
    let item2 = b.t.emit(Op::Load, Ty::Val, at2, N, 0, None);
    let item3 = b.t.emit(Op::Load, Ty::Val, at2, N, 8, None); // displacement on top
    let ati = b.op(Op::ARef, Ty::Ptr, p, i);
    let item_i = b.t.emit(Op::Load, Ty::Val, ati, N, 0, None);
    let item_i1 = b.t.emit(Op::LoadConst, Ty::Val, ati, N, 8, None);
    b.t.emit(Op::Store, Ty::Void, ati, item2, 16, None); // items[i + 2] = items[2]
    let k7 = b.kint(7);
    let at7 = b.op(Op::ARef, Ty::Ptr, p, k7);
    b.t.emit(Op::Store, Ty::Void, at7, item_i, 0, None); // items[7] = items[i]
    for (s, v) in [item2, item3, item_i, item_i1].into_iter().enumerate() {
        b.set_slot(1 + s as i64, v);
    }
    b.lp();
    let done = b.snap(3, vec![]);
    b.exit_now(done);
    for (_arena, ct) in b.compile_all() {
        for (n, raw) in items.iter_mut().enumerate() {
            *raw = 100 + n as u64;
        }
        let mut vals = Vec::new();
        let mut slots = vec![tags::box_int(4), 0, 0, 0, 0];
        assert_eq!(run(&ct, &mut slots, &mut vals, &[]), done);
        assert_eq!(&slots[1..], &[102, 103, 104, 105]);
        assert_eq!(items, [100, 101, 102, 103, 104, 105, 102, 104]);
    }
}

/// A branch's exit resumes at the branch with its condition on the stack: the
/// comparison is fused into the guard (x86-64) and never materialized, so the
/// exit stub writes the value that failed the guard (False for `gtrue`, True
/// for `gfalse`), where a side trace or the interpreter reads it.
#[test]
fn a_branch_exit_finds_its_condition_on_the_stack() {
    for (guard, want) in [(Op::GuardTrue, false), (Op::GuardFalse, true)] {
        let mut b = B::new();
        let s0 = b.snap(0, vec![]);
        let vx = b.slot(0);
        let x = b.guard(Op::GuardInt, Ty::I64, vx, N, s0);
        let k = b.kint(10);
        b.lp();
        let lt = b.op(Op::ILt, Ty::Bool, x, k);
        let s1 = b.snap(5, vec![x, lt]);
        b.guard(guard, Ty::Void, lt, N, s1);
        let done = b.snap(6, vec![]);
        b.exit_now(done);
        // the guard fails when x < 10 is `want`
        let x_fails = if want { 3 } else { 30 };
        for (_arena, ct) in b.compile_all() {
            let mut vals = Vec::new();
            let mut slots = vec![tags::box_int(x_fails)];
            assert_eq!(run(&ct, &mut slots, &mut vals, &[]), s1, "{guard:?}");
            assert_eq!(vals[lt.idx()], want as u64, "{guard:?}");
            assert_eq!(vals[x.idx()] as i64, x_fails);
            let mut slots = vec![tags::box_int(if want { 30 } else { 3 })];
            assert_eq!(run(&ct, &mut slots, &mut vals, &[]), done, "{guard:?}");
        }
    }
}

/// Loads whose only use is the comparison or `gis` right after them are
/// compared in memory on x86-64 (`cmp [base + disp], imm` / `cmp r, [..]`),
/// with the condition mirrored when the load is the right operand; each guard
/// still exits exactly when its condition fails.
#[test]
fn loads_compared_in_memory_guard_like_loaded_values() {
    let mut words: Vec<u64> = vec![0; 3];
    let base = words.as_mut_ptr() as i64;
    let mut b = B::new();
    let s0 = b.snap(0, vec![]);
    let vx = b.slot(0);
    let x = b.guard(Op::GuardInt, Ty::I64, vx, N, s0);
    let p = b.t.emit(Op::KInt, Ty::Ptr, N, N, base, None);
    let five = b.kint(5);
    let mut snaps = vec![];
    // words[0] == 5; x < words[1]; words[1] > 6 (constant on the left); words[2] is 77
    let w0 = b.t.emit(Op::Load, Ty::I64, p, N, 0, None);
    let c = b.op(Op::IEq, Ty::Bool, w0, five);
    snaps.push(b.snap(1, vec![]));
    b.guard(Op::GuardTrue, Ty::Void, c, N, snaps[0]);
    let w1 = b.t.emit(Op::Load, Ty::I64, p, N, 8, None);
    let c = b.op(Op::ILt, Ty::Bool, x, w1);
    snaps.push(b.snap(2, vec![]));
    b.guard(Op::GuardTrue, Ty::Void, c, N, snaps[1]);
    let six = b.kint(6);
    let w1 = b.t.emit(Op::LoadConst, Ty::I64, p, N, 8, None);
    let c = b.op(Op::ILt, Ty::Bool, six, w1);
    snaps.push(b.snap(3, vec![]));
    b.guard(Op::GuardTrue, Ty::Void, c, N, snaps[2]);
    let w2 = b.t.emit(Op::Load, Ty::Val, p, N, 16, None);
    snaps.push(b.snap(4, vec![]));
    b.t.emit(Op::GuardIs, Ty::Void, w2, N, 77, Some(snaps[3]));
    b.lp();
    let done = b.snap(9, vec![]);
    b.exit_now(done);
    for (_arena, ct) in b.compile_all() {
        let mut vals = Vec::new();
        // (words, x, expected exit)
        let cases = [
            ([5, 10, 77], 3, done),
            ([4, 10, 77], 3, snaps[0]),
            ([5, 3, 77], 3, snaps[1]),
            ([5, 6, 77], 3, snaps[2]),
            ([5, 7, 77], 6, done),
            ([5, 7, 78], 6, snaps[3]),
        ];
        for (w, xv, want) in cases {
            words.copy_from_slice(&w);
            let mut slots = vec![tags::box_int(xv)];
            assert_eq!(run(&ct, &mut slots, &mut vals, &[]), want, "{w:?} x={xv}");
        }
    }
}

#[test]
fn a_sunk_allocation_has_no_code_and_its_parts_reach_the_exit() {
    // `sinka` (an object only exits make) over a loop-carried int and a
    // float computed in the body, named by the exit after a helper call that
    // clobbers every register: the exit finds both parts at home (the
    // object itself has no value and no home of its own to write).
    let mut b = B::new();
    let zero = b.kint(0);
    let one = b.kint(1);
    let lim = b.kint(5);
    let half = b.kflt(0.5);
    let kv =
        b.t.emit(Op::KVal, Ty::Val, N, N, tags::box_int(5) as i64, None);
    b.lp();
    let n = b.t.emit(Op::Phi, Ty::I64, zero, N, 0, None);
    let f = b.op(Op::IToF, Ty::F64, n, N);
    let g = b.op(Op::FAdd, Ty::F64, f, half);
    let bn = b.op(Op::BoxInt, Ty::Val, n, N);
    let bg = b.op(Op::BoxFloat, Ty::Val, g, N);
    let rest = b.t.emit(Op::SinkA, Ty::Val, bg, N, -1, None);
    let obj = b.t.emit(Op::SinkA, Ty::Val, bn, rest, 3, None);
    let s1 = b.snap(1, vec![obj]);
    b.t.emit(Op::CallG, Ty::Val, kv, N, 0, Some(s1));
    let n1 = b.op(Op::Add, Ty::I64, n, one);
    let lt = b.op(Op::ILt, Ty::Bool, n1, lim);
    let s2 = b.snap(2, vec![obj, obj]);
    b.guard(Op::GuardTrue, Ty::Void, lt, N, s2);
    b.t.ins[n.idx()].b = n1;
    for (_arena, ct) in b.compile_all() {
        let mut vals = Vec::new();
        let mut slots = [0u64; 1];
        assert_eq!(run(&ct, &mut slots, &mut vals, &[clobber_all]), s2);
        assert_eq!(vals[bn.idx()], tags::box_int(4));
        assert_eq!(f64::from_bits(vals[bg.idx()]), 4.5);
        assert_eq!(b.t.snapshot_values(s2), vec![bn, bg, bn, bg]);
    }
}
