//! Arbitrary bytes as a generated Python program stressing JIT exits (type changes
//! mid-loop, big ints, flipping branches, inlined calls, changing attributes and
//! methods, list/tuple swaps, exceptions, generators, rebound globals and
//! builtins; `coil::fuzzing::programs`), run in-process by the interpreter, the JIT
//! at hot thresholds 1 and the JIT with chaos-forced exits: any difference in
//! output or uncaught exception, or a panic, is a finding. The checked-in corpus
//! runs in `cargo test` (tests/fuzz_corpus.rs). Run:
//! `cargo +nightly fuzz run deopt_programs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    coil::fuzzing::differential::check_bytes(data);
});
