//! The library surface under hostile arguments, a seeded sample (issue "No Python
//! input crashes Coil"): tests/native_surface.py `--sample SEED K` calls every
//! callable of builtins and of the built-in types K times with arguments drawn from
//! its pool of hostile values, under Coil and under CPython. Coil must finish
//! without a crash (exit status 0) and without a `SystemError` (a Rust panic the
//! safety net caught); the share of calls raising the same exception type as
//! CPython (or succeeding in both) is reported and must not drop below a floor.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

/// Calls per target: about 9,000 calls in all under Coil.
const PER_TARGET: usize = 4;
/// The agreement the sample had when this test was written was 96%; a change
/// that loses more than a few points of it is a regression.
const FLOOR: f64 = 0.93;

fn coil_cmd() -> Command {
    let bin = env!("CARGO_BIN_EXE_coil");
    match std::env::var("COIL_TEST_RUNNER") {
        Ok(r) if !r.trim().is_empty() => {
            let mut words = r.split_whitespace();
            let mut cmd = Command::new(words.next().unwrap_or_default());
            cmd.args(words).arg(bin);
            cmd
        }
        _ => Command::new(bin),
    }
}

/// `label -> result` from the script's output lines `label: result`.
fn results(text: &str) -> HashMap<&str, &str> {
    text.lines().filter_map(|l| l.rsplit_once(": ")).collect()
}

#[test]
fn hostile_arguments_to_natives_never_crash() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/native_surface.py");
    for seed in [1, 2] {
        let args = [
            script.to_str().unwrap(),
            "--sample",
            &seed.to_string(),
            &PER_TARGET.to_string(),
        ];
        let coil = coil_cmd().args(args).output().expect("run coil");
        let out = String::from_utf8_lossy(&coil.stdout);
        let last = out.lines().last().unwrap_or("(nothing)");
        assert!(
            coil.status.success(),
            "seed {seed}: coil ended with {} after {last:?}\n{}",
            coil.status,
            String::from_utf8_lossy(&coil.stderr)
        );
        let panics: Vec<&str> = out
            .lines()
            .filter(|l| l.ends_with(": SystemError"))
            .collect();
        assert!(
            panics.is_empty(),
            "seed {seed}: a Rust panic (SystemError) in {} calls, e.g. {:?}",
            panics.len(),
            &panics[..panics.len().min(5)]
        );
        let Ok(py) = Command::new("python3").args(args).output() else {
            eprintln!("python3 not found: agreement not measured");
            continue;
        };
        let py_out = String::from_utf8_lossy(&py.stdout);
        let (mine, theirs) = (results(&out), results(&py_out));
        let common: Vec<&&str> = theirs.keys().filter(|k| mine.contains_key(*k)).collect();
        let same = common.iter().filter(|k| mine[**k] == theirs[**k]).count();
        let share = same as f64 / common.len().max(1) as f64;
        eprintln!(
            "seed {seed}: {} calls under Coil, {} also under CPython, {same} raise the \
             same exception type or succeed in both: {:.1}%",
            mine.len(),
            common.len(),
            share * 100.0
        );
        assert!(common.len() > 1000, "seed {seed}: too few calls compared");
        assert!(
            share >= FLOOR,
            "seed {seed}: agreement with CPython {:.1}% fell below {:.0}%",
            share * 100.0,
            FLOOR * 100.0
        );
    }
}
