//! Exception groups: BaseExceptionGroup and ExceptionGroup (construction with
//! CPython's checks and class choice, `split`, `subgroup`, `derive`), and what
//! `except*` asks at run time: the part of an exception a clause matches, and what
//! is left to raise once every clause ran (CPython's `_PyExc_PrepReraiseStar`,
//! which keeps the original group's structure for what was re-raised).

use crate::builtins::signature::{Sig, Style};
use crate::value::Value;
use crate::vm::types::is_type;
use crate::vm::{PyResult, Vm, str_of};

/// What `split`/`subgroup` match leaves against.
enum Matcher {
    Types(Vec<Value>),
    Predicate(Value),
    /// Leaves by identity (`except*`'s projection of re-raised leaves).
    Leaves(Vec<Value>),
}

impl Vm {
    fn eg_base(&self) -> Value {
        self.exc_class("BaseExceptionGroup")
    }

    pub fn is_exception_group(&self, v: Value) -> bool {
        self.is_exception_instance(v) && self.isinstance(v, self.eg_base())
    }

    /// The sub-exceptions of a group.
    fn eg_exceptions(&mut self, eg: Value) -> Vec<Value> {
        let k = self.name("exceptions");
        self.instance_get_attr(eg, k)
            .and_then(|t| self.tuple_items(t))
            .unwrap_or_default()
    }

    /// `BaseExceptionGroup(message, exceptions)` for `cls` or a subclass, before
    /// `__init__`: an ExceptionGroup when `cls` is BaseExceptionGroup and every
    /// exception is an Exception.
    pub fn new_exception_group(&mut self, cls: Value, args: &[Value]) -> PyResult<Value> {
        if args.len() != 2 {
            let msg = format!(
                "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
                args.len()
            );
            return Err(self.type_error(&msg));
        }
        let (message, excs) = (args[0], args[1]);
        if !self.is_str(message) {
            let msg = format!(
                "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
                self.type_name(message)
            );
            return Err(self.type_error(&msg));
        }
        let is_seq = self.dunder(excs, "__getitem__").is_some()
            && !self.isinstance(excs, self.types.dict)
            && !excs.is_none();
        if !is_seq {
            return Err(self.type_error("second argument (exceptions) must be a sequence"));
        }
        let items = self.collect_iter(excs)?;
        if items.is_empty() {
            return Err(
                self.value_error("second argument (exceptions) must be a non-empty sequence")
            );
        }
        let exception = self.exc_class("Exception");
        let mut nested_base = false;
        for (i, e) in items.iter().enumerate() {
            if !self.is_exception_instance(*e) {
                let msg = format!("Item {i} of second argument (exceptions) is not an exception");
                return Err(self.value_error(&msg));
            }
            nested_base |= !self.isinstance(*e, exception);
        }
        let base = self.eg_base();
        let eg = self.exc_class("ExceptionGroup");
        let cls = if cls == base && !nested_base {
            eg
        } else if nested_base && self.is_subclass(cls, exception) {
            let msg = if cls == eg {
                "Cannot nest BaseExceptions in an ExceptionGroup".to_string()
            } else {
                format!(
                    "Cannot nest BaseExceptions in '{}'",
                    crate::vm::types::type_obj(cls).name
                )
            };
            return Err(self.type_error(&msg));
        } else {
            cls
        };
        let g = self.new_exception(cls, args.to_vec());
        let t = self.new_tuple(items);
        let k = self.name("exceptions");
        self.instance_set_attr(g, k, t);
        let k = self.name("message");
        self.instance_set_attr(g, k, message);
        Ok(g)
    }

    fn matcher(&mut self, cond: Value) -> PyResult<Matcher> {
        let base = self.exc_class("BaseException");
        let is_exc_type = |vm: &Vm, t: Value| is_type(t) && vm.is_subclass(t, base);
        if is_exc_type(self, cond) {
            return Ok(Matcher::Types(vec![cond]));
        }
        if let Some(items) = self.tuple_items(cond)
            && items.iter().all(|t| is_exc_type(self, *t))
        {
            return Ok(Matcher::Types(items));
        }
        if !is_type(cond) && self.is_callable(cond) {
            return Ok(Matcher::Predicate(cond));
        }
        Err(self.type_error("expected a function, exception type or tuple of exception types"))
    }

    fn matches_cond(&mut self, e: Value, m: &Matcher) -> PyResult<bool> {
        Ok(match m {
            Matcher::Types(ts) => ts.iter().any(|t| self.isinstance(e, *t)),
            Matcher::Predicate(f) => {
                let r = self.call(*f, &[e])?;
                self.truthy(r)?
            }
            Matcher::Leaves(ls) => ls.contains(&e),
        })
    }

    /// CPython's exceptiongroup_split_recursive: (match, rest), None for empty.
    fn eg_split(
        &mut self,
        e: Value,
        m: &Matcher,
        with_rest: bool,
    ) -> PyResult<(Option<Value>, Option<Value>)> {
        if self.matches_cond(e, m)? {
            return Ok((Some(e), None));
        }
        if !self.is_exception_group(e) {
            return Ok((None, with_rest.then_some(e)));
        }
        // (the parts found so far are rooted while predicates and derive run)
        let base = self.temp_roots.len();
        let r = self.eg_split_group(e, m, with_rest);
        self.temp_roots.truncate(base);
        r
    }

    fn eg_split_group(
        &mut self,
        e: Value,
        m: &Matcher,
        with_rest: bool,
    ) -> PyResult<(Option<Value>, Option<Value>)> {
        let (mut matched, mut rest) = (Vec::new(), Vec::new());
        for sub in self.eg_exceptions(e) {
            let (a, b) = self.eg_split(sub, m, with_rest)?;
            self.temp_roots.extend(a.iter().chain(b.iter()));
            matched.extend(a);
            rest.extend(b);
        }
        let a = self.eg_subset(e, matched)?;
        self.temp_roots.extend(a);
        let b = if with_rest {
            self.eg_subset(e, rest)?
        } else {
            None
        };
        Ok((a, b))
    }

    /// `orig.derive(excs)` with orig's traceback, cause and context.
    fn eg_subset(&mut self, orig: Value, excs: Vec<Value>) -> PyResult<Option<Value>> {
        if excs.is_empty() {
            return Ok(None);
        }
        let list = self.new_list(excs);
        let g = self.call_method(orig, "derive", &[list])?;
        if !self.is_exception_group(g) {
            return Err(self.type_error("derive must return an instance of BaseExceptionGroup"));
        }
        let (tb, cause, context, suppress) = match self.exc_state(orig) {
            Some(st) => (
                st.traceback.clone(),
                st.cause,
                st.context,
                st.suppress_context,
            ),
            None => return Ok(Some(g)),
        };
        if let Some(st) = self.exc_state(g) {
            st.traceback = tb;
            st.cause = cause;
            st.context = context;
            st.suppress_context = suppress;
        }
        // notes too, as a new list
        let k = self.name("__notes__");
        if let Some(notes) = self.instance_get_attr(orig, k)
            && !notes.is_none()
        {
            let items = self.collect_iter(notes)?;
            let l = self.new_list(items);
            self.instance_set_attr(g, k, l);
        }
        Ok(Some(g))
    }

    fn leaves(&mut self, e: Value, out: &mut Vec<Value>) {
        if self.is_exception_group(e) {
            for sub in self.eg_exceptions(e) {
                self.leaves(sub, out);
            }
        } else {
            out.push(e);
        }
    }

    /// `except*`'s match of `rest` against a clause's type: (what is left, the
    /// matched part), None for nothing.
    pub fn eg_match(&mut self, rest: Value, ty: Value) -> PyResult<(Value, Value)> {
        let types = self.tuple_items(ty).unwrap_or_else(|| vec![ty]);
        let base = self.exc_class("BaseException");
        for t in &types {
            if !is_type(*t) || !self.is_subclass(*t, base) {
                return Err(self.type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
            if self.is_subclass(*t, self.eg_base()) {
                return Err(self.type_error(
                    "catching ExceptionGroup with except* is not allowed. Use except instead.",
                ));
            }
        }
        if rest.is_none() {
            return Ok((Value::NONE, Value::NONE));
        }
        if types.iter().any(|t| self.isinstance(rest, *t)) {
            if self.is_exception_group(rest) {
                return Ok((Value::NONE, rest));
            }
            // a naked exception: matched as a group of one
            let m = self.new_str("");
            let items = self.new_tuple(vec![rest]);
            let base = self.eg_base();
            let g = self.call(base, &[m, items])?;
            let tb = self.exc_state(rest).map(|st| st.traceback.clone());
            if let (Some(tb), Some(st)) = (tb, self.exc_state(g)) {
                st.traceback = tb;
            }
            return Ok((Value::NONE, g));
        }
        if self.is_exception_group(rest) {
            let (a, b) = self.eg_split(rest, &Matcher::Types(types), true)?;
            return Ok((b.unwrap_or(Value::NONE), a.unwrap_or(Value::NONE)));
        }
        Ok((rest, Value::NONE))
    }

    /// Whether `e` is (a projection of) `orig` raised again: the same traceback,
    /// cause and context, which `split` copies.
    fn same_metadata(&mut self, e: Value, orig: Value) -> bool {
        let k = self.name("__notes__");
        let notes = |vm: &Vm, x: Value| vm.instance_get_attr(x, k).unwrap_or(Value::NONE);
        if notes(self, e) != notes(self, orig) {
            return false;
        }
        let (Some(a), Some(b)) = (self.exc_state(e), self.exc_state(orig)) else {
            return false;
        };
        a.cause == b.cause
            && a.context == b.context
            && a.traceback.len() == b.traceback.len()
            && a.traceback
                .iter()
                .zip(b.traceback.iter())
                .all(|(x, y)| std::rc::Rc::ptr_eq(&x.code, &y.code) && x.line == y.line)
    }

    /// What an `except*` statement raises once its clauses ran: `excs` holds the
    /// exceptions the clauses raised and what no clause matched (None entries
    /// skipped); None when there is nothing.
    pub fn prep_reraise_star(&mut self, orig: Value, excs: Value) -> PyResult<Value> {
        let excs: Vec<Value> = match &excs.obj().data {
            crate::object::ObjData::List(l) => l.get().clone(),
            _ => Vec::new(),
        };
        if !self.is_exception_group(orig) {
            // a naked exception: one clause at most ran
            return Ok(excs.first().copied().unwrap_or(Value::NONE));
        }
        let (mut raised, mut reraised) = (Vec::new(), Vec::new());
        for e in excs.into_iter().filter(|e| !e.is_none()) {
            if self.same_metadata(e, orig) {
                reraised.push(e);
            } else {
                raised.push(e);
            }
        }
        let mut leaves = Vec::new();
        for e in &reraised {
            self.leaves(*e, &mut leaves);
        }
        let reraised_eg = if leaves.is_empty() {
            None
        } else {
            self.eg_split(orig, &Matcher::Leaves(leaves), false)?.0
        };
        if raised.is_empty() {
            return Ok(reraised_eg.unwrap_or(Value::NONE));
        }
        raised.extend(reraised_eg);
        if raised.len() == 1 {
            return Ok(raised[0]);
        }
        let m = self.new_str("");
        let list = self.new_list(raised);
        // (BaseExceptionGroup makes an ExceptionGroup when it can)
        let base = self.eg_base();
        self.call(base, &[m, list])
    }
}

/// The receiver of a BaseExceptionGroup method (the call path checked its type).
fn eg_self(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if vm.is_exception_group(v) {
        return Ok(v);
    }
    Err(vm.type_error("descriptor requires a 'BaseExceptionGroup' object"))
}

/// `derive(excs)`, parsed by `PyArg_ParseTuple(args, "O", ...)`: `function takes
/// exactly 1 argument (0 given)`.
const DERIVE: Sig<1> = Sig::new("derive", ["excs"])
    .method()
    .owner("BaseExceptionGroup")
    .style(Style::Unnamed);
/// `split(condition, /)` and `subgroup(condition, /)`: `split expected 1
/// argument, got 0`, `BaseExceptionGroup.split() takes no keyword arguments`.
const SPLIT: Sig<1> = Sig::new("split", ["condition"])
    .method()
    .owner("BaseExceptionGroup")
    .style(Style::Positional);
const SUBGROUP: Sig<1> = Sig::new("subgroup", ["condition"])
    .method()
    .owner("BaseExceptionGroup")
    .style(Style::Positional);
/// `__str__()` (the call path checks a slot's arity too).
const NOARGS: Sig<0> = Sig::new("__str__", []).method();

/// Creates BaseExceptionGroup and ExceptionGroup (after the rest of the hierarchy).
pub fn init(vm: &mut Vm) {
    let base_exc = vm.exc_class("BaseException");
    let exception = vm.exc_class("Exception");
    let make = |vm: &mut Vm, name: &'static str, bases: Vec<Value>| {
        let ns = vm.new_dict();
        let mk = vm.name("__module__");
        let mv = vm.name("builtins");
        vm.dict_set_str(ns, mk, mv);
        let t = vm
            .new_class(name, name, bases, ns)
            .expect("exception group class");
        vm.type_del_attr(t, mk);
        vm.types.exceptions.push((name, t));
        let k = vm.intern(name);
        let b = vm.builtins;
        vm.dict_set_str(b, k, t);
        t
    };
    let base = make(vm, "BaseExceptionGroup", vec![base_exc]);
    make(vm, "ExceptionGroup", vec![base, exception]);
    vm.add_method(base, "__str__", |vm, a| {
        let recv = NOARGS.bind(vm, &a)?.recv;
        let g = eg_self(vm, recv)?;
        let k = vm.name("message");
        let m = vm.instance_get_attr(g, k).unwrap_or(Value::NONE);
        let n = vm.eg_exceptions(g).len();
        let s = if n == 1 { "" } else { "s" };
        let text = format!("{} ({n} sub-exception{s})", str_of(m));
        Ok(vm.new_string(text))
    });
    vm.add_method(base, "derive", |vm, a| {
        let b = DERIVE.bind(vm, &a)?;
        let g = eg_self(vm, b.recv)?;
        let k = vm.name("message");
        let m = vm.instance_get_attr(g, k).unwrap_or(Value::NONE);
        let base = vm.eg_base();
        vm.call(base, &[m, b.req(0)])
    });
    vm.add_method(base, "split", |vm, a| {
        let b = SPLIT.bind(vm, &a)?;
        let g = eg_self(vm, b.recv)?;
        let m = vm.matcher(b.req(0))?;
        let (x, y) = vm.eg_split(g, &m, true)?;
        Ok(vm.new_tuple(vec![x.unwrap_or(Value::NONE), y.unwrap_or(Value::NONE)]))
    });
    vm.add_method(base, "subgroup", |vm, a| {
        let b = SUBGROUP.bind(vm, &a)?;
        let g = eg_self(vm, b.recv)?;
        let m = vm.matcher(b.req(0))?;
        Ok(vm.eg_split(g, &m, false)?.0.unwrap_or(Value::NONE))
    });
}
