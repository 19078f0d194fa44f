//! Declarative signatures for natives: a [`Sig`] lists a native's parameters
//! (positional-only, positional-or-keyword, keyword-only, required or optional,
//! `*args`, `**kwargs`) and [`Sig::bind`] matches a call's arguments to them; the
//! conversions on the result, [`Bound`] (str, i64 and ssize with OverflowError,
//! `__index__`, float, bytes-like, a value of a given type, optional), turn one
//! argument into a Rust value. Arity, keyword and type errors carry CPython's
//! messages and are produced here, in one place.
//!
//! A native declares its signature as a constant next to its body, in the spirit
//! of Argument Clinic's `/*[clinic input]*/` or PyO3's `signature = (...)`:
//!
//! ```ignore
//! // str.split(self, /, sep=None, maxsplit=-1)
//! const SPLIT: Sig<2> = Sig::new("split", ["sep", "maxsplit"]).method().posonly(0).required(0);
//! fn split(vm: &mut Vm, a: Args) -> PyResult<Value> {
//!     let b = SPLIT.bind(vm, &a)?;
//!     let s = b.recv_str();
//!     let sep = b.opt_str(vm, 0)?;
//!     let maxsplit = b.ssize_or(vm, 1, -1)?;
//!     ...
//! }
//! ```
//!
//! Binding allocates nothing (the arguments land in an array on the stack; only
//! the `**kwargs` of a native that takes them are collected in a Vec), and a call
//! without keywords whose positional count is in range costs a length check and a
//! copy: natives are hot in the interpreter and the JIT calls some residually.

use crate::builtins::bad_arg_name;
use crate::object::ObjData;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm, str_of};

/// Which of CPython's argument parsers a native imitates: they word arity errors
/// differently, and tests compare messages.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Style {
    /// Argument Clinic, positional-only parameters (`_PyArg_CheckPositional`):
    /// `center expected at least 1 argument, got 0`.
    Positional,
    /// METH_NOARGS and METH_O: `str.zfill() takes exactly one argument (0 given)`,
    /// `list.copy() takes no arguments (1 given)` (a method's name is qualified
    /// with its type's).
    Exact,
    /// `PyArg_ParseTuple`: `find() takes at least 1 argument (0 given)`.
    Tuple,
    /// `PyArg_ParseTuple` with a format that names no function:
    /// `function takes exactly 1 argument (0 given)` (`BaseExceptionGroup.derive`).
    /// Keyword errors still name the native (`BaseExceptionGroup.derive() takes
    /// no keyword arguments`).
    Unnamed,
    /// Argument Clinic with keyword parameters (`_PyArg_UnpackKeywords`):
    /// `split() takes at most 2 arguments (3 given)`,
    /// `encode() missing required argument 'x' (pos 1)`.
    Keywords,
    /// A function CPython defines in Python (Counter's methods, `namedtuple()`):
    /// worded as the interpreter words a Python function's arguments
    /// (`Counter.update() takes from 1 to 2 positional arguments but 3 were
    /// given`, `got an unexpected keyword argument 'zzz'`, `missing 1 required
    /// positional argument: 'x'`); a method's receiver counts as an argument.
    Python,
}

/// A native's parameter list. `N` is the number of named parameters (not counting
/// the receiver of a method, nor `*args`/`**kwargs`).
#[derive(Clone, Copy, Debug)]
pub struct Sig<const N: usize> {
    /// The name in messages (`split`); a method's errors that CPython words with
    /// the qualified name (`str.zfill() takes exactly one argument`,
    /// `str.strip() takes no keyword arguments`) prefix the receiver's built-in
    /// type's name.
    pub name: &'static str,
    pub params: [&'static str; N],
    /// The first `posonly` parameters are positional-only.
    pub posonly: usize,
    /// Parameters from `kwonly` on are keyword-only.
    pub kwonly: usize,
    /// The first `required` parameters must be passed; the rest are optional
    /// (a missing one binds to `None` in [`Bound::args`]).
    pub required: usize,
    /// Extra positional arguments are accepted ([`Bound::rest`]).
    pub varargs: bool,
    /// Unknown keyword arguments are accepted ([`Bound::kwrest`]).
    pub varkw: bool,
    /// The first positional argument is the receiver ([`Bound::recv`]).
    pub method: bool,
    /// The type a static method belongs to, for messages (`str.maketrans()`).
    pub owner: &'static str,
    /// A constructor (`__new__`): the receiver is the class, and messages name
    /// the type alone (`cycle() takes no keyword arguments`).
    pub constructor: bool,
    /// A class method: the receiver is the class it was called on, which
    /// messages name (`L.__init_subclass__() takes no arguments (1 given)` for a
    /// subclass `L` of list).
    pub class_method: bool,
    pub style: Style,
}

impl<const N: usize> Sig<N> {
    /// `name(p0, p1, ..., /)`: every parameter positional-only and required.
    pub const fn new(name: &'static str, params: [&'static str; N]) -> Sig<N> {
        Sig {
            name,
            params,
            posonly: N,
            kwonly: N,
            required: N,
            varargs: false,
            varkw: false,
            method: false,
            owner: "",
            constructor: false,
            class_method: false,
            style: if N <= 1 {
                Style::Exact
            } else {
                Style::Positional
            },
        }
    }

    /// The first positional argument is the receiver (a method of a built-in
    /// type, whose type the call path has checked).
    pub const fn method(mut self) -> Sig<N> {
        self.method = true;
        self
    }

    /// Only the first `n` parameters are required.
    pub const fn required(mut self, n: usize) -> Sig<N> {
        self.required = n;
        if self.style as u8 == Style::Exact as u8 && n != N {
            self.style = Style::Positional;
        }
        self
    }

    /// Only the first `n` parameters are positional-only; the others can be
    /// passed by keyword too (Argument Clinic's keyword style of messages).
    pub const fn posonly(mut self, n: usize) -> Sig<N> {
        self.posonly = n;
        self.style = Style::Keywords;
        self
    }

    /// Parameters from `i` on are keyword-only.
    pub const fn kwonly(mut self, i: usize) -> Sig<N> {
        self.kwonly = i;
        if self.posonly > i {
            self.posonly = i;
        }
        self.style = Style::Keywords;
        self
    }

    /// A constructor, `__new__(cls, ...)`: a method whose receiver is the class,
    /// named by `name` alone in messages; its arity errors are worded as
    /// Argument Clinic's for positional parameters even with one parameter
    /// (`cycle expected 1 argument, got 0`).
    pub const fn constructor(mut self) -> Sig<N> {
        self.method = true;
        self.constructor = true;
        if self.style as u8 == Style::Exact as u8 {
            self.style = Style::Positional;
        }
        self
    }

    /// A class method ([`Sig::class_method`]): the receiver is a class.
    pub const fn class_method(mut self) -> Sig<N> {
        self.method = true;
        self.class_method = true;
        self
    }

    /// Names the type a static method or class method belongs to, for messages.
    pub const fn owner(mut self, owner: &'static str) -> Sig<N> {
        self.owner = owner;
        self
    }

    /// Accepts extra positional arguments (`*args`).
    pub const fn varargs(mut self) -> Sig<N> {
        self.varargs = true;
        self
    }

    /// Accepts unknown keyword arguments (`**kwargs`).
    pub const fn varkw(mut self) -> Sig<N> {
        self.varkw = true;
        self
    }

    /// Words errors as for a function defined in Python ([`Style::Python`]).
    pub const fn python(mut self) -> Sig<N> {
        self.style = Style::Python;
        self
    }

    /// Words arity errors like `style` (see [`Style`]).
    pub const fn style(mut self, style: Style) -> Sig<N> {
        self.style = style;
        self
    }

    /// Matches a call's arguments to the parameters, or raises CPython's TypeError
    /// for a wrong count, an unknown or duplicate keyword, or a missing argument.
    #[inline]
    pub fn bind<'s, 'a>(&'s self, vm: &mut Vm, a: &Args<'a>) -> PyResult<Bound<'s, 'a, N>> {
        let mut pos = a.pos;
        let mut recv = Value::EMPTY;
        if self.method {
            match pos.split_first() {
                Some((r, rest)) => {
                    recv = *r;
                    pos = rest;
                }
                None => return Err(self.no_receiver(vm)),
            }
        }
        let mut b = Bound {
            sig: self,
            recv,
            args: [None; N],
            rest: &[],
            kwrest: Vec::new(),
        };
        let n = pos.len();
        let maxpos = self.kwonly;
        // the fast path: positional arguments only, as many as the parameters take
        if a.kw.is_empty() && n >= self.required && n <= maxpos {
            for (slot, v) in b.args.iter_mut().zip(pos) {
                *slot = Some(*v);
            }
            return Ok(b);
        }
        self.bind_slow(vm, a, pos, b)
    }

    #[cold]
    #[inline(never)]
    fn bind_slow<'s, 'a>(
        &'s self,
        vm: &mut Vm,
        a: &Args<'a>,
        pos: &'a [Value],
        mut b: Bound<'s, 'a, N>,
    ) -> PyResult<Bound<'s, 'a, N>> {
        if self.style == Style::Python {
            return self.bind_python(vm, a, pos, b);
        }
        let n = pos.len();
        let nkw = a.kw.len();
        let maxpos = self.kwonly;
        let keywords_taken = self.posonly < N || self.varkw;
        if nkw > 0 && !keywords_taken {
            let q = self.qualname(vm, b.recv);
            return Err(vm.type_error(&format!("{q}() takes no keyword arguments")));
        }
        if self.style == Style::Keywords && !self.varargs && !self.varkw && n + nkw > N {
            let s = plural(N);
            let kw = if n == 0 { "keyword " } else { "" };
            return Err(vm.type_error(&format!(
                "{}() takes at most {N} {kw}argument{s} ({} given)",
                self.name,
                n + nkw
            )));
        }
        let fixed = if n > maxpos {
            if !self.varargs {
                return Err(self.too_many(vm, b.recv, n));
            }
            b.rest = &pos[maxpos..];
            &pos[..maxpos]
        } else {
            pos
        };
        // Argument Clinic checks the positional-only minimum before matching
        // keywords: `prod(iterable=[])` takes exactly 1 positional argument
        if self.style == Style::Keywords && n < self.required.min(self.posonly) {
            return Err(self.missing(vm, b.recv, n, n));
        }
        for (slot, v) in b.args.iter_mut().zip(fixed) {
            *slot = Some(*v);
        }
        let mut unknown = None;
        // a keyword naming a parameter also given by position: reported after a
        // missing required argument, before an unknown keyword, for the first
        // such parameter (as `_PyArg_UnpackKeywords` does)
        let mut duplicate: Option<(usize, &str)> = None;
        for &(k, v) in a.kw {
            let key = str_of(k);
            match self.params.iter().position(|p| *p == key) {
                Some(i) if i >= self.posonly => {
                    if i < fixed.len() {
                        if duplicate.is_none_or(|(j, _)| i < j) {
                            duplicate = Some((i, key));
                        }
                        continue;
                    }
                    if b.args[i].is_some() {
                        return Err(vm.type_error(&format!(
                            "argument for {}() given by name ('{key}') and position ({})",
                            self.name,
                            i + 1
                        )));
                    }
                    b.args[i] = Some(v);
                }
                _ if self.varkw => b.kwrest.push((k, v)),
                // Argument Clinic reports a missing required argument before an
                // unknown keyword (`round(x=1)`: missing 'number')
                _ if unknown.is_none() => unknown = Some(key),
                _ => {}
            }
        }
        if let Some(i) = b.args[..self.required].iter().position(Option::is_none) {
            return Err(self.missing(vm, b.recv, n, i));
        }
        if let Some((i, key)) = duplicate {
            return Err(vm.type_error(&format!(
                "argument for {}() given by name ('{key}') and position ({})",
                self.name,
                i + 1
            )));
        }
        if let Some(key) = unknown {
            return Err(vm.type_error(&format!(
                "'{key}' is an invalid keyword argument for {}()",
                self.name
            )));
        }
        Ok(b)
    }

    /// [`Sig::bind`] for [`Style::Python`]: the checks and messages of a Python
    /// function's call (too many positional arguments, then each keyword, then
    /// the missing ones).
    #[cold]
    fn bind_python<'s, 'a>(
        &'s self,
        vm: &mut Vm,
        a: &Args<'a>,
        pos: &'a [Value],
        mut b: Bound<'s, 'a, N>,
    ) -> PyResult<Bound<'s, 'a, N>> {
        // a name given as `.method` is qualified with the receiver's class (the
        // class itself for a class method): `P._make()`
        let name = match self.name.strip_prefix('.') {
            Some(short) if !b.recv.is_empty() => {
                let t = if crate::vm::types::is_type(b.recv) {
                    b.recv
                } else {
                    vm.type_of(b.recv)
                };
                format!("{}.{short}", crate::vm::types::type_obj(t).name)
            }
            _ => self.name.trim_start_matches('.').to_string(),
        };
        let n = pos.len();
        let m = self.method as usize;
        let maxpos = self.kwonly;
        let fixed = if n > maxpos {
            if !self.varargs {
                let (lo, hi) = (self.required.min(maxpos) + m, maxpos + m);
                let takes = if lo == hi {
                    format!("{hi} positional argument{}", plural(hi))
                } else {
                    format!("from {lo} to {hi} positional arguments")
                };
                let given = n + m;
                let were = if given == 1 { "was" } else { "were" };
                return Err(
                    vm.type_error(&format!("{name}() takes {takes} but {given} {were} given"))
                );
            }
            b.rest = &pos[maxpos..];
            &pos[..maxpos]
        } else {
            pos
        };
        for (slot, v) in b.args.iter_mut().zip(fixed) {
            *slot = Some(*v);
        }
        for &(k, v) in a.kw {
            let key = str_of(k);
            match self.params.iter().position(|p| *p == key) {
                Some(i) if i >= self.posonly => {
                    if b.args[i].is_some() {
                        return Err(vm.type_error(&format!(
                            "{name}() got multiple values for argument '{key}'"
                        )));
                    }
                    b.args[i] = Some(v);
                }
                _ if self.varkw => b.kwrest.push((k, v)),
                Some(_) => {
                    return Err(vm.type_error(&format!(
                        "{name}() got some positional-only arguments passed as keyword arguments: '{key}'"
                    )));
                }
                None => {
                    return Err(vm.type_error(&format!(
                        "{name}() got an unexpected keyword argument '{key}'"
                    )));
                }
            }
        }
        let missing: Vec<usize> = (0..self.required)
            .filter(|&i| b.args[i].is_none())
            .collect();
        if missing.is_empty() {
            return Ok(b);
        }
        let positional: Vec<String> = missing
            .iter()
            .filter(|&&i| i < self.kwonly)
            .map(|&i| format!("'{}'", self.params[i]))
            .collect();
        let (what, names) = if positional.is_empty() {
            let kw: Vec<String> = missing
                .iter()
                .map(|&i| format!("'{}'", self.params[i]))
                .collect();
            ("keyword-only", kw)
        } else {
            ("positional", positional)
        };
        let list = match names.len() {
            1 => names[0].clone(),
            2 => format!("{} and {}", names[0], names[1]),
            k => format!("{}, and {}", names[..k - 1].join(", "), names[k - 1]),
        };
        Err(vm.type_error(&format!(
            "{name}() missing {} required {what} argument{}: {list}",
            names.len(),
            plural(names.len())
        )))
    }

    /// `str.strip` for a method (named after its receiver's built-in type), the
    /// plain name for a function.
    fn qualname(&self, vm: &Vm, recv: Value) -> String {
        // a name given qualified (`deque.rotate`, as Argument Clinic spells some)
        if self.name.contains('.') {
            return self.name.to_string();
        }
        if !self.owner.is_empty() {
            return format!("{}.{}", self.owner, self.name);
        }
        if recv.is_empty() || self.constructor {
            // a constructor's name may carry the parentheses CPython's arity
            // messages give it (`super() expected at most 2 arguments, got 3`)
            return self.name.trim_end_matches("()").to_string();
        }
        if self.class_method && crate::vm::types::is_type(recv) {
            return format!("{}.{}", crate::vm::types::type_obj(recv).name, self.name);
        }
        // a class method's receiver is the class
        let t = if crate::vm::types::is_type(recv) {
            recv
        } else {
            vm.type_of(recv)
        };
        let base = crate::vm::types::type_obj(t).builtin_base.get();
        let t = if crate::vm::types::is_type(base) {
            base
        } else {
            t
        };
        format!("{}.{}", crate::vm::types::type_obj(t).name, self.name)
    }

    #[cold]
    fn no_receiver(&self, vm: &mut Vm) -> crate::vm::PyErr {
        if self.style == Style::Python {
            return vm.type_error(&format!(
                "{}() missing 1 required positional argument: 'self'",
                self.name.trim_start_matches('.')
            ));
        }
        vm.type_error(&format!("unbound method {}() needs an argument", self.name))
    }

    /// How `PyArg_ParseTuple` names the function in arity errors: `find()`, or
    /// `function` when its format names none ([`Style::Unnamed`]).
    fn tuple_name(&self) -> String {
        if self.style == Style::Unnamed {
            "function".to_string()
        } else {
            format!("{}()", self.name)
        }
    }

    /// The arity error for `n` positional arguments (too many).
    #[cold]
    fn too_many(&self, vm: &mut Vm, recv: Value, n: usize) -> crate::vm::PyErr {
        let name = self.name;
        let (lo, hi) = (self.required.min(self.kwonly), self.kwonly);
        vm.type_error(&match self.style {
            Style::Positional => {
                if lo == hi {
                    format!("{name} expected {hi} argument{}, got {n}", plural(hi))
                } else {
                    format!(
                        "{name} expected at most {hi} argument{}, got {n}",
                        plural(hi)
                    )
                }
            }
            Style::Exact => exact_message(&self.qualname(vm, recv), hi, n),
            Style::Tuple | Style::Unnamed | Style::Python => {
                let how = if lo == hi { "exactly" } else { "at most" };
                format!(
                    "{} takes {how} {hi} argument{} ({n} given)",
                    self.tuple_name(),
                    plural(hi)
                )
            }
            Style::Keywords => {
                if hi == 0 {
                    format!("{name}() takes no positional arguments")
                } else {
                    let how = if lo < hi { "at most" } else { "exactly" };
                    format!(
                        "{name}() takes {how} {hi} positional argument{} ({n} given)",
                        plural(hi)
                    )
                }
            }
        })
    }

    /// The error for missing required parameter `i`, `n` positional arguments given.
    #[cold]
    fn missing(&self, vm: &mut Vm, recv: Value, n: usize, i: usize) -> crate::vm::PyErr {
        let name = self.name;
        let (lo, hi) = (self.required, self.kwonly);
        vm.type_error(&match self.style {
            Style::Positional => {
                if lo == hi {
                    format!("{name} expected {lo} argument{}, got {n}", plural(lo))
                } else {
                    format!(
                        "{name} expected at least {lo} argument{}, got {n}",
                        plural(lo)
                    )
                }
            }
            Style::Exact => exact_message(&self.qualname(vm, recv), hi, n),
            Style::Tuple | Style::Unnamed | Style::Python => {
                let how = if lo == hi && !self.varargs {
                    "exactly"
                } else {
                    "at least"
                };
                format!(
                    "{} takes {how} {lo} argument{} ({n} given)",
                    self.tuple_name(),
                    plural(lo)
                )
            }
            Style::Keywords => {
                if i < self.posonly {
                    let min = lo.min(self.posonly);
                    let how = if min < hi { "at least" } else { "exactly" };
                    format!(
                        "{name}() takes {how} {min} positional argument{} ({n} given)",
                        plural(min)
                    )
                } else {
                    format!(
                        "{name}() missing required argument '{}' (pos {})",
                        self.params[i],
                        i + 1
                    )
                }
            }
        })
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn exact_message(name: &str, hi: usize, n: usize) -> String {
    if hi == 0 {
        format!("{name}() takes no arguments ({n} given)")
    } else if hi == 1 {
        format!("{name}() takes exactly one argument ({n} given)")
    } else {
        format!("{name}() takes exactly {hi} arguments ({n} given)")
    }
}

/// A call's arguments matched to a [`Sig`]'s parameters.
pub struct Bound<'s, 'a, const N: usize> {
    sig: &'s Sig<N>,
    /// The receiver of a method (EMPTY for a function).
    pub recv: Value,
    /// Each parameter's argument, `None` when an optional one was not passed.
    pub args: [Option<Value>; N],
    /// The positional arguments beyond the parameters (`*args`).
    pub rest: &'a [Value],
    /// Keyword arguments matching no parameter (`**kwargs`).
    pub kwrest: Vec<(Value, Value)>,
}

/// The "must be X, not Y" conversions: `what` names the expected type.
impl<const N: usize> Bound<'_, '_, N> {
    /// Parameter `i`'s argument, if passed.
    #[inline]
    pub fn get(&self, i: usize) -> Option<Value> {
        self.args[i]
    }

    /// Parameter `i`'s argument, unless missing or None.
    #[inline]
    pub fn opt(&self, i: usize) -> Option<Value> {
        self.args[i].filter(|v| !v.is_none())
    }

    /// A required parameter's argument (`bind` checked it was passed).
    #[inline]
    pub fn req(&self, i: usize) -> Value {
        self.args[i].unwrap_or(Value::NONE)
    }

    /// The native's name, for messages its own converters word
    /// (`rmdir: path should be string, ...`).
    pub fn name(&self) -> &'static str {
        self.sig.name
    }

    /// Parameter `i`'s name.
    pub fn param(&self, i: usize) -> &'static str {
        self.sig.params[i]
    }

    /// How Argument Clinic names parameter `i` in a type error: `argument 2` for
    /// a positional-only one, `argument 'sep'` otherwise.
    pub fn display(&self, i: usize) -> String {
        if i < self.sig.posonly {
            format!("argument {}", i + 1)
        } else {
            format!("argument '{}'", self.sig.params[i])
        }
    }

    /// `name() argument 2 must be <what>, not <type>`.
    #[cold]
    pub fn type_error(&self, vm: &mut Vm, i: usize, what: &str) -> crate::vm::PyErr {
        let v = self.req(i);
        let msg = format!(
            "{}() {} must be {what}, not {}",
            self.sig.name,
            self.display(i),
            bad_arg_name(vm, v)
        );
        vm.type_error(&msg)
    }

    /// A str argument.
    pub fn str(&self, vm: &mut Vm, i: usize) -> PyResult<&'static str> {
        match as_str(self.req(i)) {
            Some(s) => Ok(s),
            None => Err(self.type_error(vm, i, "str")),
        }
    }

    /// A str argument, or `default` when not passed.
    pub fn str_or(&self, vm: &mut Vm, i: usize, default: &'static str) -> PyResult<&'static str> {
        match self.args[i] {
            None => Ok(default),
            Some(_) => self.str(vm, i),
        }
    }

    /// A str or None argument (missing is None).
    pub fn opt_str(&self, vm: &mut Vm, i: usize) -> PyResult<Option<&'static str>> {
        match self.opt(i) {
            None => Ok(None),
            Some(v) => match as_str(v) {
                Some(s) => Ok(Some(s)),
                None => Err(self.type_error(vm, i, "str or None")),
            },
        }
    }

    /// An integer argument through `__index__`, as an i64: OverflowError
    /// (`Python int too large to convert to C ssize_t`) when it does not fit.
    pub fn ssize(&self, vm: &mut Vm, i: usize) -> PyResult<i64> {
        to_ssize(vm, self.req(i))
    }

    /// Like [`Bound::ssize`], `default` when not passed.
    pub fn ssize_or(&self, vm: &mut Vm, i: usize, default: i64) -> PyResult<i64> {
        match self.args[i] {
            None => Ok(default),
            Some(v) => to_ssize(vm, v),
        }
    }

    /// Like [`Bound::ssize`], `default` when not passed or None.
    pub fn opt_ssize(&self, vm: &mut Vm, i: usize, default: i64) -> PyResult<i64> {
        match self.opt(i) {
            None => Ok(default),
            Some(v) => to_ssize(vm, v),
        }
    }

    /// An integer argument through `__index__`, any size (an int value).
    pub fn index(&self, vm: &mut Vm, i: usize) -> PyResult<Value> {
        to_index(vm, self.req(i))
    }

    /// A slice bound: None or missing is `None`, a big int is clamped, anything
    /// else without `__index__` is CPython's TypeError.
    pub fn slice_bound(&self, vm: &mut Vm, i: usize) -> PyResult<Option<i64>> {
        match self.opt(i) {
            None => Ok(None),
            Some(v) => {
                let x = to_index(vm, v).map_err(|e| {
                    if vm.matches(e.0, "TypeError") {
                        vm.type_error(
                            "slice indices must be integers or None or have an __index__ method",
                        )
                    } else {
                        e
                    }
                })?;
                Ok(Some(match vm.to_i64(x) {
                    Some(i) => i,
                    None if vm
                        .to_bigint(x)
                        .is_some_and(|b| b.sign() == num_bigint::Sign::Minus) =>
                    {
                        -i64::MAX
                    }
                    None => i64::MAX,
                }))
            }
        }
    }

    /// A float argument (int, float, `__float__`, `__index__`): CPython's
    /// `must be real number, not str`.
    pub fn f64(&self, vm: &mut Vm, i: usize) -> PyResult<f64> {
        to_f64(vm, self.req(i))
    }

    /// A bytes-like argument's bytes: `a bytes-like object is required, not 'int'`.
    pub fn bytes(&self, vm: &mut Vm, i: usize) -> PyResult<Vec<u8>> {
        let v = self.req(i);
        match crate::builtins::bytes::data_of(v) {
            Some(d) => Ok(d),
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")))
            }
        }
    }

    /// An argument that must be an instance of `ty` (`what` names it in the error).
    pub fn of_type(&self, vm: &mut Vm, i: usize, ty: Value, what: &str) -> PyResult<Value> {
        let v = self.req(i);
        if vm.isinstance(v, ty) {
            Ok(v)
        } else {
            Err(self.type_error(vm, i, what))
        }
    }

    /// A flag that Argument Clinic reads as an int (`bool(accept={int})`): its
    /// `__index__` is nonzero; `default` when not passed.
    pub fn int_flag(&self, vm: &mut Vm, i: usize, default: bool) -> PyResult<bool> {
        match self.args[i] {
            None => Ok(default),
            Some(v) => {
                let x = to_index(vm, v)?;
                Ok(vm.to_i64(x) != Some(0))
            }
        }
    }

    /// A flag read by truth (`p` converter); `default` when not passed.
    pub fn truth(&self, vm: &mut Vm, i: usize, default: bool) -> PyResult<bool> {
        match self.args[i] {
            None => Ok(default),
            Some(v) => vm.truthy(v),
        }
    }
}

/// The text of a str value or of a str subclass instance's payload.
pub fn as_str(v: Value) -> Option<&'static str> {
    crate::builtins::str::as_str(v)
}

/// An int value through `__index__` (any size): `'float' object cannot be
/// interpreted as an integer` otherwise.
pub fn to_index(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if vm.is_intlike(v) {
        return Ok(v);
    }
    if v.is_obj()
        && matches!(v.obj().data, ObjData::Instance(_))
        && let Some(r) = vm.call_dunder(v, "__index__", &[])?
    {
        if vm.is_intlike(r) {
            return Ok(r);
        }
        let tn = vm.type_name(r);
        return Err(vm.type_error(&format!("__index__ returned non-int (type {tn})")));
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(&format!(
        "'{tn}' object cannot be interpreted as an integer"
    )))
}

/// An integer through `__index__` as an i64 (CPython's Py_ssize_t): OverflowError
/// when it does not fit.
pub fn to_ssize(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let x = to_index(vm, v)?;
    match vm.to_i64(x) {
        Some(i) => Ok(i),
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// An integer through `__index__` as an i64 (CPython's C long): OverflowError
/// when it does not fit.
pub fn to_long(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let x = to_index(vm, v)?;
    match vm.to_i64(x) {
        Some(i) => Ok(i),
        None => Err(vm.overflow_error("Python int too large to convert to C long")),
    }
}

/// A real number as f64 (int, float, `__float__`, `__index__`): CPython's
/// `must be real number, not str` otherwise, OverflowError for an int too big.
pub fn to_f64(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if v.is_float() {
        return Ok(v.as_float());
    }
    if let Some(b) = vm.to_bigint(v) {
        return vm.int_to_float(&b);
    }
    if v.is_obj() && matches!(v.obj().data, ObjData::Instance(_)) {
        if let Some(r) = vm.call_dunder(v, "__float__", &[])? {
            if r.is_float() {
                return Ok(r.as_float());
            }
            let tn = vm.type_name(v);
            let rn = vm.type_name(r);
            return Err(vm.type_error(&format!("{tn}.__float__ returned non-float (type {rn})")));
        }
        if vm.dunder(v, "__index__").is_some() {
            let x = to_index(vm, v)?;
            let b = vm.to_bigint(x).unwrap_or_default();
            return vm.int_to_float(&b);
        }
    }
    let tn = bad_arg_name(vm, v);
    Err(vm.type_error(&format!("must be real number, not {tn}")))
}

/// An integer through `__index__` as a C int: OverflowError when it does not fit.
pub fn to_c_int(vm: &mut Vm, v: Value) -> PyResult<i32> {
    let x = to_index(vm, v)?;
    match vm.to_i64(x).and_then(|i| i32::try_from(i).ok()) {
        Some(i) => Ok(i),
        None => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}
