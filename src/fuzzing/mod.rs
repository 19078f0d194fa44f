//! Entry points shared by the cargo-fuzz targets (fuzz/) and their corpus replay
//! tests (tests/fuzz_corpus.rs), so the normal test command covers them: the
//! `frontend` body here, generated stress programs in `programs` / `features`, run
//! in three modes and compared by `differential`, register allocation of random
//! traces under pressure in `regalloc`, one hostile call of a built-in in `natives`.

use crate::vm::Vm;

/// Compiles and runs `data` as a program with bounded recursion and output
/// discarded; any Python-level error is fine, a Rust panic is a finding.
pub fn run_source_bounded(data: &[u8]) {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    // Programs that loop forever are not findings; keep the inputs small instead.
    if source.len() > 4096 || source.contains("while") {
        return;
    }
    let mut vm = Vm::new();
    vm.recursion_limit = 200;
    vm.stdout = std::io::BufWriter::new(Box::new(std::io::sink()));
    let _ = crate::run::compile_source(&mut vm, source, "<fuzz>", "<module>").map(|code| {
        let g = vm.new_dict();
        vm.run_code(code, g, crate::value::Value::NONE)
    });
}

pub mod differential;
pub mod features;
pub mod natives;
pub mod programs;
pub mod regalloc;
