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
