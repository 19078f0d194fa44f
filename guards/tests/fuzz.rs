//! Random recorder-shaped loop traces (`guards::tracegen`), optimized with every pass combination and
//! compared with the unoptimized trace by the reference evaluator.

use guards::eval::run_to_exit;
use guards::tracegen::{Decisions, random_loop_trace};
use guards::{EXIT_SENTINEL, Op, Passes, optimize, tags, verify};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

impl Decisions for Rng {
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
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

const SLOTS: usize = guards::tracegen::SLOTS;

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
        let orig = random_loop_trace(&mut Rng(seed));
        verify(&orig).unwrap_or_else(|e| panic!("generator, seed {seed:#x}: {e}\n{orig}"));
        let ins: Vec<Vec<u64>> = (0..4).map(|_| inputs(&mut rng)).collect();
        for bits in 0..128u8 {
            let passes = Passes::from_bits(bits);
            let mut t = orig.clone();
            optimize(&mut t, passes);
            if bits == 127 && t.ins.iter().any(|i| i.op == Op::Phi) {
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
