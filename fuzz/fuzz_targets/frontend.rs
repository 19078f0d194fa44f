//! Arbitrary bytes as Python source: parsing, compiling and running must never panic
//! (errors are Python exceptions). Run: `cargo +nightly fuzz run frontend`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    coil::fuzzing::run_source_bounded(data);
});
