//! The `deopt_programs` check: a generated program (`super::programs`) runs
//! in-process in a fresh `Vm` per mode (interpreter, JIT at hot thresholds 1, JIT
//! with chaos-forced exits), stdout captured; any difference in output or in the
//! uncaught exception is a finding, as is a panic.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use super::programs::{Program, program_from_bytes};
use crate::value::Value;
use crate::vm::Vm;

/// How one run is configured.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Mode {
    Interp,
    /// JIT with `hotloop = hotexit = 1`.
    Jit,
    /// As `Jit`, with `--jit-chaos=SEED:P`.
    Chaos(u64, f64),
}

/// What a run printed and how it ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: String,
    /// `Type: message` of an uncaught exception.
    pub error: Option<String>,
}

struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Runs `source` as `__main__` in a fresh `Vm` configured for `mode`.
pub fn run(source: &str, mode: Mode) -> Outcome {
    let mut vm = Vm::new();
    let buf = Rc::new(RefCell::new(Vec::new()));
    vm.stdout = std::io::BufWriter::new(Box::new(Shared(buf.clone())));
    if mode != Mode::Interp {
        vm.jit.enabled = true;
        vm.jit.hotloop = 1;
        vm.jit.hotexit = 1;
    }
    if let Mode::Chaos(seed, p) = mode {
        vm.jit.chaos = Some(deopt::chaos::Chaos::new(seed, p));
        // half the chaos runs also unroll loops of inlined calls (off by
        // default: `Jit::inline_callee_loops`)
        vm.jit.inline_callee_loops = seed % 2 == 0;
    }
    // as crate::run::run_main, reporting the exception instead of printing it
    let main = vm.new_module("__main__");
    vm.main_module = main;
    let d = vm.module_dict(main);
    let bk = vm.intern("__builtins__");
    let b = vm.builtins;
    vm.dict_set_str(d, bk, b);
    let key = vm.intern("__main__");
    let modules = vm.modules;
    vm.dict_set_str(modules, key, main);
    let r = crate::run::compile_source(&mut vm, source, "<fuzz>", "<module>")
        .and_then(|code| vm.run_code(code, d, Value::NONE));
    let error = r.err().map(|e| vm.exception_summary(e.0));
    let _ = vm.stdout.flush();
    let stdout = String::from_utf8_lossy(&buf.borrow()).into_owned();
    Outcome { stdout, error }
}

/// Runs `p` in all three modes; a difference is an error describing it.
pub fn check_program(p: &Program) -> Result<Outcome, String> {
    let want = run(&p.source, Mode::Interp);
    for mode in [Mode::Jit, Mode::Chaos(p.chaos_seed, p.chaos_p)] {
        let got = run(&p.source, mode);
        if got != want {
            return Err(format!(
                "{mode:?} differs from the interpreter\n--- program\n{}--- interp\n{}{:?}\n--- {mode:?}\n{}{:?}\n",
                p.source, want.stdout, want.error, got.stdout, got.error
            ));
        }
    }
    Ok(want)
}

/// The fuzz target's body: decode, check, panic on a difference.
pub fn check_bytes(data: &[u8]) {
    if let Err(e) = check_program(&program_from_bytes(data)) {
        panic!("{e}");
    }
}
