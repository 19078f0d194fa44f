//! The optimizer against the reference evaluator: hand-built traces shaped like the
//! recorder's output, run before and after every pass and every combination of passes.
//! An optimized trace must exit at the same pc with the same boxed operand stack and
//! leave the same frame slots; without the loop pass (which duplicates snapshots) it
//! must also exit through the same snapshot index.

use guards::eval::{ExitState, run_to_exit};
use guards::opt::{compact, count_op, cse, dce, fold, fwd, live_count, loop_peel};
use guards::{EXIT_SENTINEL, Op, Passes, Ref, Trace, Ty, optimize, tags, verify};

const MAX_ITER: u64 = 100_000;

struct B {
    t: Trace,
}

impl B {
    fn new() -> B {
        B { t: Trace::new() }
    }
    fn ins(&mut self, op: Op, a: Ref, b: Ref, imm: i64, snap: Option<u32>) -> Ref {
        let ty = op.result_ty();
        self.t.emit(op, ty, a, b, imm, snap)
    }
    fn k(&mut self, v: i64) -> Ref {
        self.ins(Op::KInt, Ref::NONE, Ref::NONE, v, None)
    }
    fn kf(&mut self, v: f64) -> Ref {
        self.ins(Op::KFloat, Ref::NONE, Ref::NONE, v.to_bits() as i64, None)
    }
    fn slot(&mut self, i: i64) -> Ref {
        self.ins(Op::Slot, Ref::NONE, Ref::NONE, i, None)
    }
    fn set(&mut self, i: i64, v: Ref) {
        self.ins(Op::SetSlot, v, Ref::NONE, i, None);
    }
    fn snap(&mut self, pc: u32, stack: &[Ref]) -> u32 {
        self.t.snapshot(pc, stack.to_vec())
    }
    fn g(&mut self, op: Op, a: Ref, snap: u32) -> Ref {
        self.ins(op, a, Ref::NONE, 0, Some(snap))
    }
    fn g2(&mut self, op: Op, a: Ref, b: Ref, snap: u32) -> Ref {
        self.ins(op, a, b, 0, Some(snap))
    }
    fn op1(&mut self, op: Op, a: Ref) -> Ref {
        self.ins(op, a, Ref::NONE, 0, None)
    }
    fn op2(&mut self, op: Op, a: Ref, b: Ref) -> Ref {
        self.ins(op, a, b, 0, None)
    }
    fn lp(&mut self) {
        self.ins(Op::Loop, Ref::NONE, Ref::NONE, 0, None);
    }
    /// Load slot `i` and unbox it as an int, the way the recorder does for LOAD_FAST
    /// followed by an int op: the snapshot has the loaded value on the stack.
    fn int_local(&mut self, i: i64, pc: u32) -> (Ref, Ref) {
        let v = self.slot(i);
        let s = self.snap(pc, &[v]);
        (v, self.g(Op::GuardInt, v, s))
    }
    fn float_local(&mut self, i: i64, pc: u32) -> (Ref, Ref) {
        let v = self.slot(i);
        let s = self.snap(pc, &[v]);
        (v, self.g(Op::GuardFloat, v, s))
    }
}

fn int(i: i64) -> u64 {
    tags::box_int(i)
}
fn flt(f: f64) -> u64 {
    tags::box_float(f)
}

/// `while i < n: i = i + 1` with i in slot 0, n in slot 1; exits at pc 100.
fn counting_loop() -> Trace {
    let mut b = B::new();
    b.lp();
    let (vi, i) = b.int_local(0, 10);
    let (vn, n) = b.int_local(1, 11);
    let c = b.op2(Op::ILt, i, n);
    let exit = b.snap(100, &[vi, vn]);
    b.g(Op::GuardTrue, c, exit);
    let (vi2, i2) = b.int_local(0, 20);
    let one = b.k(1);
    let s = b.snap(21, &[vi2, one]);
    let sum = b.g2(Op::AddOv, i2, one, s);
    let bx = b.op1(Op::BoxInt, sum);
    b.set(0, bx);
    b.t
}

/// `while i < n: s = s + x * 0.5; i = i + 1`: i, n, s, x in slots 0-3.
fn float_accumulation() -> Trace {
    let mut b = B::new();
    b.lp();
    let (vi, i) = b.int_local(0, 10);
    let (_, n) = b.int_local(1, 11);
    let c = b.op2(Op::ILt, i, n);
    let exit = b.snap(100, &[vi]);
    b.g(Op::GuardTrue, c, exit);
    let (vs, s) = b.float_local(2, 20);
    let (vx, x) = b.float_local(3, 21);
    let half = b.kf(0.5);
    let m = b.op2(Op::FMul, x, half);
    let bm = b.op1(Op::BoxFloat, m);
    let _ = (vx, bm);
    let sum = b.op2(Op::FAdd, s, m);
    let _ = vs;
    let bs = b.op1(Op::BoxFloat, sum);
    b.set(2, bs);
    let (vi2, i2) = b.int_local(0, 30);
    let one = b.k(1);
    let sn = b.snap(31, &[vi2, one]);
    let inc = b.g2(Op::AddOv, i2, one, sn);
    let bi = b.op1(Op::BoxInt, inc);
    b.set(0, bi);
    b.t
}

/// `while i < n: if i % 3 == 0: c = c + 1; i = i + 1`, recorded with the branch
/// taken: slots i, n, c = 0, 1, 2. Exits at pc 50 when `i % 3 != 0`.
fn branchy_loop() -> Trace {
    let mut b = B::new();
    b.lp();
    let (vi, i) = b.int_local(0, 10);
    let (_, n) = b.int_local(1, 11);
    let c = b.op2(Op::ILt, i, n);
    let exit = b.snap(100, &[]);
    b.g(Op::GuardTrue, c, exit);
    let (vi2, i2) = b.int_local(0, 20);
    let three = b.k(3);
    let sm = b.snap(21, &[vi2, three]);
    let m = b.g2(Op::Mod, i2, three, sm);
    let zero = b.k(0);
    let eq = b.op2(Op::IEq, m, zero);
    let bm = b.op1(Op::BoxInt, m);
    let se = b.snap(50, &[bm]);
    b.g(Op::GuardTrue, eq, se);
    let (vc, cnt) = b.int_local(2, 30);
    let one = b.k(1);
    let sc = b.snap(31, &[vc, one]);
    let c1 = b.g2(Op::AddOv, cnt, one, sc);
    let bc = b.op1(Op::BoxInt, c1);
    b.set(2, bc);
    let (vi3, i3) = b.int_local(0, 40);
    let one2 = b.k(1);
    let si = b.snap(41, &[vi3, one2]);
    let inc = b.g2(Op::AddOv, i3, one2, si);
    let bi = b.op1(Op::BoxInt, inc);
    b.set(0, bi);
    let _ = vi;
    b.t
}

/// `while True: x = x * 2 + 1` with x in slot 0: runs until MulOv or AddOv overflow.
fn overflowing_loop() -> Trace {
    let mut b = B::new();
    b.lp();
    let (vx, x) = b.int_local(0, 10);
    let two = b.k(2);
    let s1 = b.snap(11, &[vx, two]);
    let m = b.g2(Op::MulOv, x, two, s1);
    let bm = b.op1(Op::BoxInt, m);
    let one = b.k(1);
    let s2 = b.snap(12, &[bm, one]);
    let a = b.g2(Op::AddOv, m, one, s2);
    let ba = b.op1(Op::BoxInt, a);
    b.set(0, ba);
    b.t
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

extern "C" fn helper_id(a: u64, _b: u64) -> u64 {
    a
}

const HELPERS: [guards::Helper; 2] = [helper_add, helper_id];

/// `pre: k = 7 (guarded constant local)`, then `while i < n: t = add(t, i * k);
/// a = b; b = t; i = i + 1` with a generic helper for the add: slots i, n, t, k, a, b.
fn helper_loop() -> Trace {
    let mut b = B::new();
    let (_, k) = b.int_local(3, 1);
    let s0 = b.snap(2, &[]);
    let seven = b.k(7);
    let is7 = b.op2(Op::IEq, k, seven);
    b.g(Op::GuardTrue, is7, s0);
    b.lp();
    let (vi, i) = b.int_local(0, 10);
    let (_, n) = b.int_local(1, 11);
    let c = b.op2(Op::ILt, i, n);
    let exit = b.snap(100, &[vi]);
    b.g(Op::GuardTrue, c, exit);
    let vt = b.slot(2);
    let (_, i2) = b.int_local(0, 20);
    let (_, k2) = b.int_local(3, 21);
    let sm = b.snap(22, &[vt]);
    let p = b.g2(Op::MulOv, i2, k2, sm);
    let bp = b.op1(Op::BoxInt, p);
    let sc = b.snap(23, &[vt, bp]);
    let r = b.ins(Op::CallG, vt, bp, 0, Some(sc));
    b.set(2, r);
    let vb = b.slot(5);
    b.set(4, vb);
    let vt2 = b.slot(2);
    b.set(5, vt2);
    let (vi2, i3) = b.int_local(0, 30);
    let one = b.k(1);
    let si = b.snap(31, &[vi2, one]);
    let inc = b.g2(Op::AddOv, i3, one, si);
    let bi = b.op1(Op::BoxInt, inc);
    b.set(0, bi);
    b.t
}

/// `while i < n: a, b = b, a + b; i = i + 1` (Fibonacci, the swap makes Val phis
/// that read each other): slots i, n, a, b.
fn fib_loop() -> Trace {
    let mut b = B::new();
    b.lp();
    let (vi, i) = b.int_local(0, 10);
    let (_, n) = b.int_local(1, 11);
    let c = b.op2(Op::ILt, i, n);
    let exit = b.snap(100, &[vi]);
    b.g(Op::GuardTrue, c, exit);
    let vb = b.slot(3);
    let va = b.slot(2);
    let sa = b.snap(20, &[vb, va]);
    let a = b.g(Op::GuardInt, va, sa);
    let vb2 = b.slot(3);
    let sb = b.snap(21, &[vb, va, vb2]);
    let bb = b.g(Op::GuardInt, vb2, sb);
    let s2 = b.snap(22, &[vb, va, vb2]);
    let sum = b.g2(Op::AddOv, a, bb, s2);
    let bs = b.op1(Op::BoxInt, sum);
    b.set(2, vb);
    b.set(3, bs);
    let (vi2, i2) = b.int_local(0, 30);
    let one = b.k(1);
    let si = b.snap(31, &[vi2, one]);
    let inc = b.g2(Op::AddOv, i2, one, si);
    let bi = b.op1(Op::BoxInt, inc);
    b.set(0, bi);
    b.t
}

/// Constants and redundancy the recorder produces naively: `x = 2 + 3` stored every
/// iteration, `y = x * 1 - 0` on the reloaded `x`, two guards of `flag`.
fn constant_loop() -> Trace {
    let mut b = B::new();
    b.lp();
    let (vi, i) = b.int_local(0, 10);
    let (_, n) = b.int_local(1, 11);
    let c = b.op2(Op::ILt, i, n);
    let exit = b.snap(100, &[vi]);
    b.g(Op::GuardTrue, c, exit);
    let two = b.k(2);
    let three = b.k(3);
    let s = b.snap(20, &[]);
    let five = b.g2(Op::AddOv, two, three, s);
    let b5 = b.op1(Op::BoxInt, five);
    b.set(2, b5);
    let (vx, x) = b.int_local(2, 21);
    let one = b.k(1);
    let s1 = b.snap(22, &[vx, one]);
    let x1 = b.g2(Op::MulOv, x, one, s1);
    let zero = b.k(0);
    let x2 = b.g2(Op::SubOv, x1, zero, s1);
    let bx = b.op1(Op::BoxInt, x2);
    b.set(3, bx);
    let vf = b.slot(4);
    let sf = b.snap(23, &[]);
    let f = b.g(Op::GuardBool, vf, sf);
    let vf2 = b.slot(4);
    let f2 = b.g(Op::GuardBool, vf2, sf);
    b.g(Op::GuardTrue, f, sf);
    b.g(Op::GuardTrue, f2, sf);
    let (vi2, i2) = b.int_local(0, 30);
    let one2 = b.k(1);
    let si = b.snap(31, &[vi2, one2]);
    let inc = b.g2(Op::AddOv, i2, one2, si);
    let bi = b.op1(Op::BoxInt, inc);
    b.set(0, bi);
    b.t
}

type Case = (&'static str, fn() -> Trace, Vec<Vec<u64>>);

fn cases() -> Vec<Case> {
    let big = tags::SMALL_INT_MAX - 3;
    vec![
        (
            "counting",
            counting_loop as fn() -> Trace,
            vec![
                vec![int(0), int(10)],
                vec![int(10), int(0)],
                vec![int(big), int(tags::SMALL_INT_MAX)],
                vec![flt(1.0), int(3)],
                vec![int(0), flt(3.0)],
                vec![int(-5), int(5)],
            ],
        ),
        (
            "float",
            float_accumulation,
            vec![
                vec![int(0), int(10), flt(0.0), flt(1.5)],
                vec![int(0), int(3), int(0), flt(1.5)],
                vec![int(0), int(3), flt(1.0), int(2)],
                vec![int(0), int(0), flt(1.0), flt(2.0)],
                vec![int(0), int(4), flt(f64::NAN), flt(-0.0)],
            ],
        ),
        (
            "branchy",
            branchy_loop,
            vec![
                vec![int(0), int(10), int(0)],
                vec![int(0), int(1), int(0)],
                vec![int(3), int(100), int(5)],
                vec![int(0), int(10), int(tags::SMALL_INT_MAX)],
                vec![int(0), int(10), flt(0.0)],
            ],
        ),
        (
            "overflow",
            overflowing_loop,
            vec![
                vec![int(1)],
                vec![int(-2)],
                vec![int(0)],
                vec![int(tags::SMALL_INT_MAX)],
                vec![flt(2.0)],
            ],
        ),
        (
            "helper",
            helper_loop,
            vec![
                vec![int(0), int(10), int(0), int(7), int(0), int(1)],
                vec![int(0), int(10), int(0), int(8), int(0), int(1)],
                vec![int(0), int(10), flt(0.0), int(7), int(0), int(1)],
                vec![
                    int(0),
                    int(1 << 20),
                    int(tags::SMALL_INT_MAX - 1000),
                    int(7),
                    int(0),
                    int(1),
                ],
            ],
        ),
        (
            "fib",
            fib_loop,
            vec![
                vec![int(0), int(20), int(0), int(1)],
                vec![int(0), int(1000), int(0), int(1)],
                vec![int(0), int(5), flt(0.0), int(1)],
                vec![int(0), int(5), int(0), flt(1.0)],
            ],
        ),
        (
            "constant",
            constant_loop,
            vec![
                vec![int(0), int(10), int(0), int(0), tags::TRUE],
                vec![int(0), int(10), int(0), int(0), tags::FALSE],
                vec![int(0), int(10), int(0), int(0), int(1)],
                vec![int(0), int(0), int(0), int(0), tags::TRUE],
            ],
        ),
    ]
}

fn run(t: &Trace, slots: &[u64]) -> (Result<ExitState, String>, Vec<u64>) {
    let mut s = slots.to_vec();
    let r = run_to_exit(t, &mut s, &HELPERS, MAX_ITER);
    (r, s)
}

fn assert_same(
    name: &str,
    what: &str,
    orig: &Trace,
    opt: &Trace,
    slots: &[u64],
    same_snapshot: bool,
) {
    verify(opt).unwrap_or_else(|e| panic!("{name} after {what}: {e}\n{opt}"));
    let (r0, s0) = run(orig, slots);
    let (r1, s1) = run(opt, slots);
    let e0 = r0.unwrap_or_else(|e| panic!("{name}: original fails: {e}"));
    let e1 = r1.unwrap_or_else(|e| panic!("{name} after {what}: {e}\n{opt}"));
    let ctx =
        || format!("{name} after {what}, slots {slots:x?}\noriginal:\n{orig}\noptimized:\n{opt}");
    assert_eq!(e0.pc, e1.pc, "exit pc: {}", ctx());
    assert_eq!(e0.stack, e1.stack, "exit stack: {}", ctx());
    assert_eq!(s0, s1, "slots: {}", ctx());
    if same_snapshot {
        assert_eq!(e0.snapshot, e1.snapshot, "exit snapshot: {}", ctx());
    }
}

#[test]
fn every_pass_combination_preserves_exits() {
    for (name, build, inputs) in cases() {
        let orig = build();
        verify(&orig).unwrap();
        for bits in 0..128u8 {
            let passes = Passes::from_bits(bits);
            let mut t = orig.clone();
            optimize(&mut t, passes);
            for slots in &inputs {
                assert_same(
                    name,
                    &passes.to_string(),
                    &orig,
                    &t,
                    slots,
                    !passes.has(Passes::LOOP),
                );
            }
        }
    }
}

#[test]
fn each_pass_alone_keeps_the_trace_valid_and_equivalent() {
    type PassFn = fn(&mut Trace);
    let single: [(&str, PassFn); 5] = [
        ("fold", fold::run),
        ("cse", cse::run),
        ("fwd", fwd::run),
        ("dce", dce::run),
        ("loop", |t| {
            loop_peel::run(t);
        }),
    ];
    for (name, build, inputs) in cases() {
        let orig = build();
        for (pass, f) in single {
            let mut t = orig.clone();
            f(&mut t);
            for slots in &inputs {
                assert_same(name, pass, &orig, &t, slots, pass != "loop");
            }
            compact(&mut t);
            for slots in &inputs {
                assert_same(
                    name,
                    &format!("{pass} + compact"),
                    &orig,
                    &t,
                    slots,
                    pass != "loop",
                );
            }
        }
    }
}

/// The exit values of the counting loop: it leaves at the pc after the loop with i == n.
#[test]
fn counting_loop_runs_to_n() {
    for bits in [0u8, 31] {
        let mut t = counting_loop();
        optimize(&mut t, Passes::from_bits(bits));
        let mut slots = vec![int(0), int(1000)];
        let e = run_to_exit(&t, &mut slots, &HELPERS, MAX_ITER).unwrap();
        assert_eq!(e.pc, 100);
        assert_eq!(slots, vec![int(1000), int(1000)]);
        assert_eq!(e.stack, vec![int(1000), int(1000)]);
    }
}

#[test]
fn overflow_exits_before_the_store() {
    let mut t = overflowing_loop();
    optimize(&mut t, Passes::ALL);
    let mut slots = vec![int(1)];
    let e = run_to_exit(&t, &mut slots, &HELPERS, MAX_ITER).unwrap();
    // x = 2^k - 1 grows until 2x leaves 48 bits: x = 2^47 - 1 is stored, then MulOv exits.
    assert_eq!(e.pc, 11);
    assert_eq!(slots, vec![int(tags::SMALL_INT_MAX)]);
    assert_eq!(e.stack, vec![int(tags::SMALL_INT_MAX), int(2)]);
}

fn body_len(t: &Trace) -> usize {
    let l = t.loop_start().unwrap();
    t.ins[l + 1..].iter().filter(|i| i.op != Op::Nop).count()
}

fn body_count(t: &Trace, op: Op) -> usize {
    let l = t.loop_start().unwrap();
    t.ins[l + 1..].iter().filter(|i| i.op == op).count()
}

#[test]
fn fwd_and_cse_remove_reloads_and_reguards() {
    let mut t = counting_loop();
    assert_eq!(count_op(&t, Op::Slot), 3);
    assert_eq!(count_op(&t, Op::GuardInt), 3);
    optimize(&mut t, Passes::parse("-loop").unwrap());
    assert_eq!(count_op(&t, Op::Slot), 2, "{t}");
    assert_eq!(count_op(&t, Op::GuardInt), 2, "{t}");
    assert_eq!(count_op(&t, Op::KInt), 1, "{t}");
}

#[test]
fn fold_removes_constant_work() {
    let mut t = constant_loop();
    optimize(&mut t, Passes::parse("none,fwd,fold,cse,dce").unwrap());
    // 2 + 3 folded and boxed to a constant; x * 1 - 0 is the constant; y stored as it
    assert_eq!(count_op(&t, Op::MulOv) + count_op(&t, Op::SubOv), 0, "{t}");
    assert_eq!(count_op(&t, Op::AddOv), 1, "only i + 1 is left: {t}");
    assert_eq!(count_op(&t, Op::GuardBool), 1, "{t}");
    assert_eq!(count_op(&t, Op::GuardTrue), 2, "i < n and flag: {t}");
    assert_eq!(count_op(&t, Op::SetSlot), 3, "{t}");
}

#[test]
fn dce_drops_unused_values() {
    let mut t = float_accumulation();
    let before = live_count(&t);
    dce::run(&mut t);
    // BoxFloat(x * 0.5) is unused
    assert_eq!(live_count(&t), before - 1, "{t}");
}

#[test]
fn dead_store_needs_no_guard_in_between() {
    let mut b = B::new();
    let v = b.slot(0);
    let w = b.slot(1);
    b.set(2, v);
    b.set(2, w); // kills the store above
    b.set(3, v); // kept: the guard below may exit and must see it
    let s = b.snap(5, &[]);
    b.g(Op::GuardInt, v, s);
    b.set(3, w);
    let mut t = b.t;
    fwd::run(&mut t);
    assert_eq!(count_op(&t, Op::SetSlot), 3, "{t}");
}

#[test]
fn parse_names_every_pass() {
    for (name, bit) in Passes::NAMES {
        let p = Passes::parse(&format!("-{name}")).unwrap();
        assert!(!p.has(bit));
        assert_eq!(Passes::parse(&format!("none,{name}")).unwrap(), bit);
    }
}

#[test]
fn eval_reports_malformed_traces() {
    let mut b = B::new();
    let v = b.slot(0);
    b.op1(Op::BoxInt, v); // Val where I64 is expected
    let mut slots = vec![int(0)];
    assert!(
        guards::eval(&b.t, &mut slots, &HELPERS, 1)
            .unwrap_err()
            .contains("is val not int")
    );
    let mut t = counting_loop();
    let mut slots = vec![int(0), int(1 << 40)];
    assert!(
        guards::eval(&t, &mut slots, &HELPERS, 10)
            .unwrap_err()
            .contains("iterations")
    );
    t.ins[0].op = Op::Nop;
    t.ins[0].ty = Ty::Void;
    let mut slots = vec![int(0), int(10)];
    let e = guards::eval(&t, &mut slots, &HELPERS, 10).unwrap_err();
    assert!(e.contains("without a Loop"), "{e}");
}

#[test]
fn loop_peeling_keeps_carried_ints_unboxed() {
    let mut t = counting_loop();
    optimize(&mut t, Passes::ALL.without(Passes::SINK));
    // phi, ilt, gtrue, addov, boxint, sslot: no reload, no re-guard of i or n
    assert_eq!(body_count(&t, Op::Slot), 0, "{t}");
    assert_eq!(body_count(&t, Op::GuardInt), 0, "{t}");
    assert_eq!(body_count(&t, Op::Phi), 1, "{t}");
    assert_eq!(body_len(&t), 6, "{t}");
    let phi = t.ins.iter().find(|i| i.op == Op::Phi).unwrap();
    assert_eq!(phi.ty, Ty::I64);
    // the invariant n is loaded and guarded once, in the peeled iteration
    assert_eq!(count_op(&t, Op::Slot), 2, "{t}");
    assert_eq!(count_op(&t, Op::GuardInt), 2, "{t}");
}

#[test]
fn loop_peeling_hoists_invariant_float_work() {
    let mut t = float_accumulation();
    optimize(&mut t, Passes::ALL.without(Passes::SINK));
    // i and s are carried unboxed; x, x * 0.5 and n are invariant
    assert_eq!(body_count(&t, Op::Slot), 0, "{t}");
    assert_eq!(
        body_count(&t, Op::GuardFloat) + body_count(&t, Op::GuardInt),
        0,
        "{t}"
    );
    assert_eq!(body_count(&t, Op::FMul), 0, "{t}");
    let tys: Vec<Ty> = t
        .ins
        .iter()
        .filter(|i| i.op == Op::Phi)
        .map(|i| i.ty)
        .collect();
    assert!(tys.contains(&Ty::I64) && tys.contains(&Ty::F64), "{t}");
    assert_eq!(body_len(&t), 10, "{t}");
}

#[test]
fn loop_peeling_keeps_helper_calls_and_stores() {
    let mut t = helper_loop();
    let calls = count_op(&t, Op::CallG);
    optimize(&mut t, Passes::ALL.without(Passes::SINK));
    assert_eq!(body_count(&t, Op::CallG), calls, "{t}");
    assert_eq!(body_count(&t, Op::SetSlot), 4, "{t}");
    // t (slot 2) and b (slot 5) carry the same value, but each slot keeps its
    // own phi: a trace entering the body hands each slot's phi its value
    assert_eq!(body_count(&t, Op::Phi), 3, "{t}");
    // k (slot 3) is guarded before the loop and never again
    assert_eq!(body_count(&t, Op::GuardInt), 0, "{t}");
}

#[test]
fn optimized_counting_loop_listing() {
    let mut t = counting_loop();
    optimize(&mut t, Passes::ALL);
    let text = t.to_string();
    assert!(text.contains("loop"), "{text}");
    assert!(text.contains("int  phi"), "{text}");
}

#[test]
fn loop_peeling_drops_invariant_stores() {
    let mut t = constant_loop();
    optimize(&mut t, Passes::ALL.without(Passes::SINK));
    // x = 5 and y = x are stored once, in the peeled iteration; the flag is guarded once
    assert_eq!(body_count(&t, Op::SetSlot), 1, "{t}");
    assert_eq!(
        body_count(&t, Op::GuardBool) + body_count(&t, Op::GuardTrue),
        1,
        "{t}"
    );
}

#[test]
fn sinking_leaves_no_stores_or_boxes_in_the_loop() {
    for build in [
        counting_loop,
        float_accumulation,
        constant_loop,
        helper_loop,
    ] {
        let mut t = build();
        optimize(&mut t, Passes::ALL);
        assert_eq!(body_count(&t, Op::SetSlot), 0, "{t}");
        // (the helper loop boxes a helper argument, not a store)
        let boxes = body_count(&t, Op::BoxInt) + body_count(&t, Op::BoxFloat);
        assert_eq!(boxes, count_op(&t, Op::CallG) / 2, "{t}");
        // every exit of the body writes back what the iteration stored
        let lp = t.loop_start().unwrap();
        for ins in &t.ins[lp..] {
            if ins.op.is_guard() {
                assert!(!t.snapshots[ins.snap as usize].slots.is_empty(), "{t}");
            }
        }
    }
    // the counting loop: phi, ilt, gtrue, addov
    let mut t = counting_loop();
    optimize(&mut t, Passes::ALL);
    assert_eq!(body_len(&t), 4, "{t}");
}

#[test]
#[ignore]
fn show_listings() {
    for (name, build, _) in cases() {
        let mut t = build();
        println!("== {name}\n{t}");
        optimize(&mut t, Passes::ALL);
        println!("-- optimized\n{t}");
    }
}
