//! Replays every checked-in fuzz corpus input through its target, so regressions
//! found by fuzzing are covered by `cargo test`.

use std::path::Path;

#[test]
fn frontend_corpus_never_panics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/frontend");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let data = std::fs::read(entry.path()).unwrap();
        // A panic inside fails this test with the input's name in the message.
        let r = std::panic::catch_unwind(|| coil::fuzzing::run_source_bounded(&data));
        assert!(r.is_ok(), "frontend panicked on {}", entry.path().display());
        n += 1;
    }
    assert!(n > 0, "empty corpus");
}

/// Replays fuzz/corpus/<target> through `check`, naming the input that panicked.
fn replay(target: &str, check: impl Fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    for p in &paths {
        let data = std::fs::read(p).unwrap();
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&data)));
        assert!(r.is_ok(), "{target} failed on {}", p.display());
    }
    assert!(!paths.is_empty(), "empty corpus for {target}");
    paths.len()
}

#[test]
fn natives_corpus_never_panics() {
    replay("natives", |data| {
        if let Err(e) = coil::fuzzing::natives::run_call(data) {
            panic!("{e}");
        }
    });
}

#[test]
fn deopt_programs_corpus_agrees_across_modes() {
    replay("deopt_programs", coil::fuzzing::differential::check_bytes);
}

/// Not a test: writes generated programs for checking against CPython, e.g.
/// `COIL_DUMP_DIR=/tmp/progs COIL_DUMP_N=300 cargo test --release --test fuzz_corpus
/// -- --ignored dump_generated_programs`, then compare `python3 p.py` with
/// `target/release/coil p.py` for each (docs/fuzzing.md).
#[test]
#[ignore]
fn dump_generated_programs() {
    let dir = std::env::var("COIL_DUMP_DIR").unwrap_or_else(|_| "/tmp/coil-programs".into());
    let n: u64 = std::env::var("COIL_DUMP_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100);
    std::fs::create_dir_all(&dir).unwrap();
    for seed in 0..n {
        let p = coil::fuzzing::programs::program_from_bytes(&seeded_bytes(seed, 96));
        std::fs::write(format!("{dir}/p{seed:04}.py"), p.source).unwrap();
    }
}

/// Deterministic pseudo-random bytes (splitmix64).
fn seeded_bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut z = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x1234_5678;
    (0..len)
        .map(|_| {
            z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut x = z;
            x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            (x ^ (x >> 31)) as u8
        })
        .collect()
}

/// Not a test: checks `COIL_SWEEP_N` seeded programs (from `COIL_SWEEP_FROM`) in all
/// three modes, printing every finding, for a quick look without cargo-fuzz.
#[test]
#[ignore]
fn sweep_generated_programs() {
    let var = |k: &str, d: u64| {
        std::env::var(k)
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(d)
    };
    let from = var("COIL_SWEEP_FROM", 0);
    // COIL_SWEEP_SHOW=text prints the programs whose source contains `text`
    // (to look at what a feature generates)
    let show = std::env::var("COIL_SWEEP_SHOW").ok();
    let mut bad = 0;
    for seed in from..from + var("COIL_SWEEP_N", 200) {
        let p = coil::fuzzing::programs::program_from_bytes(&seeded_bytes(seed, 96));
        if show.as_ref().is_some_and(|s| p.source.contains(s.as_str())) {
            println!("seed {seed}:\n{}", p.source);
        }
        let r = std::panic::catch_unwind(|| coil::fuzzing::differential::check_program(&p));
        match r {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => {
                bad += 1;
                println!("seed {seed}: {e}");
            }
            Err(_) => {
                bad += 1;
                println!("seed {seed}: panic\n{}", p.source);
            }
        }
    }
    assert_eq!(bad, 0);
}

#[test]
fn regalloc_corpus_verifies_under_pressure() {
    replay("regalloc", coil::fuzzing::regalloc::check_bytes);
}

/// Not a test: checks `COIL_SWEEP_N` seeded regalloc inputs, for a quick look.
#[test]
#[ignore]
fn sweep_regalloc() {
    let n: u64 = std::env::var("COIL_SWEEP_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000);
    for seed in 0..n {
        coil::fuzzing::regalloc::check_bytes(&seeded_bytes(seed, 200));
    }
}

/// Not a test: shows and runs the call a `natives` fuzz input makes, e.g.
/// `COIL_NATIVES_INPUT=fuzz/artifacts/natives/crash-... cargo test --release
/// --test fuzz_corpus -- --ignored --nocapture show_natives_input`.
#[test]
#[ignore]
fn show_natives_input() {
    let path = std::env::var("COIL_NATIVES_INPUT").expect("COIL_NATIVES_INPUT");
    let data = std::fs::read(path).unwrap();
    println!("{:?}", coil::fuzzing::natives::call_from_bytes(&data));
    let t = std::time::Instant::now();
    let r = coil::fuzzing::natives::run_call(&data);
    println!("{r:?} in {:?}", t.elapsed());
}
