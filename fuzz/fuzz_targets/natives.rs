//! One call of a built-in callable with hostile arguments, both chosen by the
//! input (src/fuzzing/natives.rs): a Rust panic (even one the VM turns into
//! SystemError), a segfault or an abort is a finding. Run: `cargo +nightly fuzz
//! run natives`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = coil::fuzzing::natives::run_call(data) {
        panic!("{e}");
    }
});
