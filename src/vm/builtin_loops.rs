//! Builtins whose loop over a generator is Python code the JIT can trace:
//! `sum(g, start)` once an item is not a number, and `max(g)`/`min(g)`.
//!
//! Why: a genexpr a builtin consumes item by item from native code leaves the
//! generator's trace at every `yield` and calls each item's `__add__` or
//! `__lt__` from Rust (`sum((line.subtotal for line in lines), Money(0))`,
//! `max(p.shipping() for p in items)`). Run as a Python loop, the loop's
//! trace inlines the generator's resumption and the dunder, as it does for a
//! `for` in user code (inventory: 79% to 91% of bytecodes in traces, 7%
//! fewer instructions).
//!
//! Nothing observable changes: each loop does what CPython's C loop does, in
//! its order (`acc = acc + x`; `x > best` and its truth, the key called on
//! each item as it comes), and its frames are hidden: they add no traceback
//! entry (`Vm::add_traceback`), `sys._getframe` skips them, and a call through
//! one counts once against the recursion limit, as the builtin's C frame does
//! not at all in CPython (the limit is raised by one for it). Only the JIT
//! uses them; the interpreter keeps the native loops, which are faster there.

use crate::compiler::bytecode::Code;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The file name of the loops' code: frames of code from it are hidden.
pub const HIDDEN_FILE: &str = "<coil builtin loop>";

const SOURCE: &str = "\
def sum_rest(it, acc):
    for x in it:
        acc = acc + x
    return acc
def max_rest(it, best, key):
    if key is None:
        for x in it:
            if x > best:
                best = x
        return best
    best_key = key(best)
    for x in it:
        k = key(x)
        if k > best_key:
            best = x
            best_key = k
    return best
def min_rest(it, best, key):
    if key is None:
        for x in it:
            if x < best:
                best = x
        return best
    best_key = key(best)
    for x in it:
        k = key(x)
        if k < best_key:
            best = x
            best_key = k
    return best
";

/// Which loop.
#[derive(Clone, Copy)]
pub enum Loop {
    /// `sum_rest(it, acc)`: adds the rest of `it` to `acc`.
    SumRest = 0,
    /// `max_rest(it, first, key)`: the largest of `first` and the rest.
    MaxRest = 1,
    /// `min_rest(it, first, key)`.
    MinRest = 2,
}

/// Whether frames of `code` are hidden from tracebacks and `sys._getframe`.
pub fn is_hidden(code: &Code) -> bool {
    &*code.filename == HIDDEN_FILE
}

impl Vm {
    /// Calls loop `which` with `args`.
    pub(crate) fn call_builtin_loop(&mut self, which: Loop, args: &[Value]) -> PyResult<Value> {
        let f = match self.builtin_loops {
            Some(fs) => fs[which as usize],
            None => {
                let fs = self.compile_builtin_loops()?;
                self.builtin_loops = Some(fs);
                fs[which as usize]
            }
        };
        let limit = self.recursion_limit;
        self.recursion_limit = limit + 1;
        let r = self.call(f, args);
        if self.recursion_limit == limit + 1 {
            // (unless the loop's callees set a limit of their own)
            self.recursion_limit = limit;
        }
        r
    }

    fn compile_builtin_loops(&mut self) -> PyResult<[Value; 3]> {
        let code = crate::run::compile_source(self, SOURCE, HIDDEN_FILE, "<coil>")?;
        let globals = self.new_dict();
        // (the functions stay alive through their module's dict)
        self.module_roots.push(globals);
        self.run_code(code, globals, globals)?;
        let mut fs = [Value::NONE; 3];
        for (f, name) in fs.iter_mut().zip(["sum_rest", "max_rest", "min_rest"]) {
            let key = self.intern(name);
            *f = self
                .dict_get_str(globals, key)
                .ok_or_else(|| self.runtime_error("a builtin loop is missing"))?;
        }
        Ok(fs)
    }
}
