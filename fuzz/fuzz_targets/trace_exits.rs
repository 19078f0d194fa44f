//! Arbitrary bytes as a random valid loop trace (optimizer passes, chaos countdown
//! and frame slots come from the bytes too): the reference evaluator and the native
//! code of both x86-64 lowerings, compiled with chaos instrumentation, must exit at
//! the same snapshot with the same restored frame (`deopt::restore`), slots and
//! countdown. The same check runs over a fixed seeded set in `cargo test`
//! (deopt/tests/exits.rs). Run: `cargo +nightly fuzz run trace_exits`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    #[cfg(target_arch = "x86_64")]
    deopt::fuzzing::check_bytes(data);
});
