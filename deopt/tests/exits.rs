//! The `trace_exits` fuzz target's check over a fixed seeded set of inputs: random
//! traces run by the evaluator and by native code with chaos countdowns must exit at
//! the same snapshot with the same restored frame and slots.
//! `DEOPT_FUZZ_CASES=20000` for a longer run.
#![cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]

use deopt::fuzzing::{case_from_bytes, check_case, with_chaos_ticks};

fn bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut s = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 24) as u8
        })
        .collect()
}

#[test]
fn native_exits_match_the_evaluator_under_chaos() {
    let cases: u64 = std::env::var("DEOPT_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1500);
    let (mut ran, mut forced) = (0, 0);
    for seed in 1..=cases {
        let data = bytes(seed, 64 + (seed as usize % 300));
        let case = case_from_bytes(&data);
        match check_case(&case) {
            Ok(o) => {
                ran += o.ran as u64;
                forced += o.forced as u64;
            }
            Err(e) => panic!("seed {seed}: {e}"),
        }
    }
    eprintln!("{ran} of {cases} cases ran, {forced} exits forced by chaos");
    assert!(ran > cases * 9 / 10, "{ran}");
    assert!(forced > cases / 5, "{forced}");
}

#[test]
fn short_and_empty_inputs_are_valid_cases() {
    for len in 0..16 {
        let case = case_from_bytes(&bytes(7, len));
        check_case(&case).unwrap();
    }
}

#[test]
fn chaos_ticks_follow_every_guard() {
    let case = case_from_bytes(&bytes(3, 200));
    let t = &case.trace;
    let ticked = with_chaos_ticks(t, 1);
    let guards = t.ins.iter().filter(|i| i.op.is_guard()).count();
    assert_eq!(ticked.ins.len(), t.ins.len() + guards);
    guards::verify(&ticked).unwrap();
    for (i, ins) in ticked.ins.iter().enumerate() {
        if ins.op.is_guard() && !(ins.op == guards::Op::CallG && ins.imm == 1) {
            let next = ticked.ins[i + 1];
            assert_eq!(
                (next.op, next.imm, next.snap),
                (guards::Op::CallG, 1, ins.snap)
            );
        }
    }
}
