//! Arbitrary bytes as a random valid loop trace allocated by linear scan under
//! artificial register pressure (1-3 GPRs, 0-3 FPRs): the allocation verifier must
//! accept every allocation and no value may sit outside its pool
//! (`coil::fuzzing::regalloc`). The checked-in corpus runs in `cargo test`
//! (tests/fuzz_corpus.rs). Run: `cargo +nightly fuzz run regalloc`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    coil::fuzzing::regalloc::check_bytes(data);
});
