//! The panic safety net: a Rust panic while Python code runs becomes a Python
//! `SystemError: internal error: <message>` raised at the failing operation, instead
//! of killing the process.
//!
//! `Vm::execute` runs the dispatch loop under `catch_unwind` (see `interp.rs`): a
//! panic in an instruction, or in a native it called, unwinds to the nearest
//! `execute`, which restores the interpreter's bookkeeping and raises the
//! SystemError in the frame that was running, so the traceback ends at that line and
//! `except SystemError` can catch it. [`install_hook`] (called by the `coil` binary)
//! keeps the default "thread panicked" message off stderr.

use std::any::Any;

/// The text of a panic payload (`panic!("...")` gives a `&str` or a `String`).
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a Rust panic".to_string()
    }
}

/// Replaces the default panic hook with one that prints nothing: panics are
/// reported as Python SystemErrors instead. The default
/// report (location, backtrace) is still printed when `COIL_PANIC_TRACE` is set,
/// for debugging Coil itself.
pub fn install_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::env::var_os("COIL_PANIC_TRACE").is_some() {
            default(info);
        }
    }));
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use crate::value::Value;
    use crate::vm::Vm;

    struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);
    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// Runs `source` with a built-in `_boom()` that panics; returns its stdout and
    /// the summary of the exception that ended it, if any.
    fn run(source: &str) -> (String, Option<String>) {
        run_with(source, false)
    }

    /// [`run`] with the tracing JIT on or off; `_boom_at(i)` panics when `i` is 4000.
    fn run_with(source: &str, jit: bool) -> (String, Option<String>) {
        let mut vm = Vm::new();
        vm.jit.enabled = jit;
        let b = vm.builtins;
        vm.add_fn(b, "_boom_at", |_, a| {
            if a.pos
                .first()
                .is_some_and(|v| v.is_small_int() && v.as_small_int() == 4000)
            {
                panic!("boom at 4000");
            }
            Ok(Value::NONE)
        });
        let buf = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        vm.stdout = std::io::BufWriter::new(Box::new(Shared(buf.clone())));
        let b = vm.builtins;
        vm.add_fn(b, "_boom", |_, _| panic!("boom"));
        let main = vm.new_module("__main__");
        let d = vm.module_dict(main);
        let bk = vm.name("__builtins__");
        vm.dict_set_str(d, bk, b);
        let r = crate::run::compile_source(&mut vm, source, "<test>", "<module>")
            .and_then(|code| vm.run_code(code, d, Value::NONE));
        let error = r.err().map(|e| vm.exception_summary(e.0));
        let _ = vm.stdout.flush();
        // the JIT run must have compiled the loop and entered it
        assert!(!jit || vm.jit.stats.entries > 0, "no trace ran");
        let out = String::from_utf8_lossy(&buf.borrow()).into_owned();
        (out, error)
    }

    #[test]
    fn a_panic_is_a_system_error_the_program_can_catch() {
        let (out, error) = run("def f():\n    return _boom()\n\
             try:\n    f()\nexcept SystemError as e:\n    print('caught', e)\n\
             try:\n    sorted([2, 1], key=lambda x: _boom())\nexcept SystemError:\n    print('in a key')\n\
             class R:\n    def __repr__(self):\n        return _boom()\n\
             x = [1]\nx.append(x)\n\
             try:\n    repr([x, R()])\nexcept SystemError:\n    print(repr(x))\n\
             def g(n):\n    return g(n - 1) if n else 7\n\
             print(g(50))\n");
        assert_eq!(
            out,
            "caught internal error: boom\nin a key\n[1, [...]]\n7\n"
        );
        assert_eq!(error, None);
    }

    #[test]
    fn an_uncaught_panic_ends_the_program_with_system_error() {
        let (out, error) = run("print(1)\n_boom()\nprint(2)\n");
        assert_eq!(out, "1\n");
        assert_eq!(error.as_deref(), Some("SystemError: internal error: boom"));
    }

    /// A native that panics while a compiled trace runs (the JIT calls it
    /// residually): the panic is caught before it reaches JIT code and the program
    /// sees the same SystemError as in the interpreter.
    #[test]
    fn a_panic_in_a_native_under_a_trace_is_a_system_error() {
        let src = "def f():\n    t = 0\n    for i in range(10000):\n        _boom_at(i)\n        t += i\n    return t\n\
                   try:\n    f()\nexcept SystemError as e:\n    print('caught', e)\n\
                   print(sum(range(10)))\n";
        for jit in [false, true] {
            let (out, error) = run_with(src, jit);
            assert_eq!(
                out, "caught internal error: boom at 4000\n45\n",
                "jit {jit}"
            );
            assert_eq!(error, None);
        }
    }
}
