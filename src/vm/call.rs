//! Calling: binding arguments to a new frame (defaults, `*args`, `**kwargs`,
//! keyword-only), generators, instantiating classes, and calls from native code.

use crate::compiler::bytecode::flags;
use crate::object::{Builtin, Function, Generator, Mut, ObjData};
use crate::value::Value;
use crate::vm::frame::Frame;
use crate::vm::interp::Resumed;
use crate::vm::types::{is_type, lookup, lookup_owner, type_obj};
use crate::vm::{Args, PyResult, Vm, str_of};

impl Vm {
    /// Builds the frame for calling `func` with `args` and keywords `kw`.
    /// Returns None for generator functions (the caller makes the generator).
    pub fn bind_frame(
        &mut self,
        fv: Value,
        func: &Function,
        args: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<Option<Box<Frame>>> {
        let mut frame = self.bind_args(fv, func, args, kw)?;
        if func.code.is_generator() {
            self.pending_generator = Some(frame);
            return Ok(None);
        }
        frame.func = fv;
        Ok(Some(frame))
    }

    fn bind_args(
        &mut self,
        fv: Value,
        func: &Function,
        args: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<Box<Frame>> {
        let code = func.code.clone();
        let mut frame = self.new_frame(code.clone(), func.globals, Value::NONE, fv);
        let argcount = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let has_varargs = code.flags & flags::VARARGS != 0;
        let has_varkw = code.flags & flags::VARKEYWORDS != 0;
        let fname = str_of(*func.qualname.get());
        let n = args.len().min(argcount);
        frame.slots[..n].copy_from_slice(&args[..n]);
        let mut idx = argcount + kwonly;
        if has_varargs {
            let extra = if args.len() > argcount {
                args[argcount..].to_vec()
            } else {
                vec![]
            };
            frame.slots[idx] = self.new_tuple(extra);
            idx += 1;
        } else if args.len() > argcount {
            let given = args.len();
            let ndefaults = func.defaults.len();
            let kw_given = kw
                .iter()
                .filter(|(k, _)| {
                    code.varnames[argcount..argcount + kwonly]
                        .iter()
                        .any(|v| crate::vm::str_eq(*v, *k))
                })
                .count();
            let takes = if ndefaults > 0 {
                format!(
                    "from {} to {} positional arguments",
                    argcount - ndefaults,
                    argcount
                )
            } else {
                format!(
                    "{} positional argument{}",
                    argcount,
                    if argcount == 1 { "" } else { "s" }
                )
            };
            let kwpart = if kw_given > 0 {
                format!(
                    " positional argument{} (and {} keyword-only argument{})",
                    if given == 1 { "" } else { "s" },
                    kw_given,
                    if kw_given == 1 { "" } else { "s" }
                )
            } else {
                String::new()
            };
            let msg = if kw_given > 0 {
                format!("{fname}() takes {takes} but {given}{kwpart} were given")
            } else {
                format!(
                    "{fname}() takes {takes} but {given} {} given",
                    if given == 1 { "was" } else { "were" }
                )
            };
            return Err(self.type_error(&msg));
        }
        let kwdict = if has_varkw {
            let d = self.new_dict();
            frame.slots[idx] = d;
            Some(d)
        } else {
            None
        };
        for (k, v) in kw {
            let pos = code.varnames[..argcount + kwonly]
                .iter()
                .position(|n| crate::vm::str_eq(*n, *k));
            match pos {
                Some(i) if i >= code.posonlyargcount as usize => {
                    if !frame.slots[i].is_empty() {
                        return Err(self.type_error(&format!(
                            "{fname}() got multiple values for argument '{}'",
                            str_of(*k)
                        )));
                    }
                    frame.slots[i] = *v;
                }
                _ => match kwdict {
                    Some(d) => self.setitem(d, *k, *v)?,
                    None => {
                        if let Some(i) = pos {
                            let _ = i;
                            return Err(self.type_error(&format!(
                                "{fname}() got some positional-only arguments passed as keyword arguments: '{}'",
                                str_of(*k)
                            )));
                        }
                        return Err(self.type_error(&format!(
                            "{fname}() got an unexpected keyword argument '{}'",
                            str_of(*k)
                        )));
                    }
                },
            }
        }
        // Defaults for missing positionals.
        let ndefaults = func.defaults.len();
        let mut missing = Vec::new();
        for i in args.len().min(argcount)..argcount {
            if frame.slots[i].is_empty() {
                if i + ndefaults >= argcount {
                    frame.slots[i] = func.defaults[i + ndefaults - argcount];
                } else {
                    missing.push(format!("'{}'", str_of(code.varnames[i])));
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(&format!(
                "{fname}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
        for i in argcount..argcount + kwonly {
            if frame.slots[i].is_empty() {
                let name = code.varnames[i];
                let d = if func.kwdefaults.is_none() {
                    None
                } else {
                    self.dict_get_str(func.kwdefaults, name)
                };
                match d {
                    Some(v) => frame.slots[i] = v,
                    None => missing.push(format!("'{}'", str_of(name))),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(&format!(
                "{fname}() missing {} required keyword-only argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
        self.fill_cells(&mut frame, &func.closure);
        Ok(frame)
    }

    /// A new frame's cells (each a new cell, holding its argument if it is
    /// one) and free variables (`closure`'s cells).
    fn fill_cells(&mut self, frame: &mut Frame, closure: &[Value]) {
        let code = frame.code.clone();
        let nl = code.nlocals();
        for (i, arg) in code.cell_args.iter().enumerate() {
            let init = match arg {
                Some(a) => frame.slots[*a as usize],
                None => Value::EMPTY,
            };
            frame.slots[nl + i] = self.alloc(self.types.cell, ObjData::Cell(Mut::new(init)));
        }
        let nc = code.cellvars.len();
        for (i, c) in closure.iter().enumerate() {
            frame.slots[nl + nc + i] = *c;
        }
    }

    /// The generator a genexpr's function `fv` would make called on `arg`
    /// (its one parameter, `.0`), with `closure`'s cells as its free
    /// variables rather than `fv`'s: the function a genexpr is made from is
    /// never seen, so a trace makes one per code and globals and passes each
    /// evaluation's cells (`jit::helpers::make_genexpr`). None for a code of
    /// another shape.
    pub(crate) fn genexpr_generator(
        &mut self,
        fv: Value,
        func: &Function,
        closure: &[Value],
        arg: Value,
    ) -> Option<Value> {
        let code = func.code.clone();
        let plain = code.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0
            && code.argcount == 1
            && code.kwonlyargcount == 0
            && closure.len() == code.freevars.len();
        if !plain || self.pending_generator.is_some() {
            return None;
        }
        let mut frame = self.new_frame(code, func.globals, Value::NONE, fv);
        frame.slots[0] = arg;
        self.fill_cells(&mut frame, closure);
        self.new_generator(frame, *func.name.get(), *func.qualname.get())
            .ok()
    }

    pub fn make_generator(
        &mut self,
        fv: Value,
        func: &Function,
        args: &[Value],
    ) -> PyResult<Value> {
        let frame = match self.pending_generator.take() {
            Some(f) => f,
            None => self.bind_args(fv, func, args, &[])?,
        };
        self.new_generator(frame, *func.name.get(), *func.qualname.get())
    }

    pub fn new_generator(
        &mut self,
        mut frame: Box<Frame>,
        name: Value,
        qualname: Value,
    ) -> PyResult<Value> {
        use crate::compiler::bytecode::flags;
        let cls = if frame.code.flags & flags::COROUTINE != 0 {
            self.types.coroutine
        } else if frame.code.flags & flags::ASYNC_GENERATOR != 0 {
            self.types.async_generator
        } else {
            self.types.generator
        };
        let g = self.alloc(
            cls,
            ObjData::Generator(Mut::new(Generator {
                frame: None,
                name,
                qualname,
                running: false,
                running_pad: [0; 7],
                running_async: false,
                closed: false,
                exc: Value::NONE,
            })),
        );
        frame.generator = g;
        if let ObjData::Generator(genv) = &g.obj().data {
            genv.get().frame = Some(frame);
        }
        Ok(g)
    }

    /// Calls any callable from native code, running Python code to completion.
    pub fn call(&mut self, callee: Value, args: &[Value]) -> PyResult<Value> {
        self.call_kw(callee, args, &[])
    }

    /// The frame of `callee` (the function `func`) for positional `args` that
    /// fill its parameters exactly (`Code::takes_exactly`), its closure's
    /// cells in place; RecursionError past the limit.
    #[inline(always)]
    pub(crate) fn plain_call_frame(
        &mut self,
        callee: Value,
        func: &crate::object::Function,
        args: &[Value],
    ) -> PyResult<Box<crate::vm::frame::Frame>> {
        let code = &func.code;
        let mut frame = self.new_frame(code.clone(), func.globals, Value::NONE, callee);
        frame.slots[..args.len()].copy_from_slice(args);
        for (i, c) in func.closure.iter().enumerate() {
            frame.slots[code.nlocals() + i] = *c;
        }
        if self.native_depth > 200 && self.frames.len() >= self.recursion_limit {
            return Err(self.error("RecursionError", "maximum recursion depth exceeded"));
        }
        Ok(frame)
    }

    pub fn call_kw(
        &mut self,
        callee: Value,
        args: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<Value> {
        self.check_native_stack()?;
        let Some(o) = callee.as_obj() else {
            return Err(self.type_error(&format!(
                "'{}' object is not callable",
                self.type_name(callee)
            )));
        };
        match &o.data {
            ObjData::Function(func) if kw.is_empty() && func.code.takes_exactly(args.len()) => {
                // the common call, bound as `call_from_frame` binds it
                let frame = self.plain_call_frame(callee, func, args)?;
                self.run_frame(frame)
            }
            ObjData::Function(func) => match self.bind_frame(callee, func, args, kw)? {
                Some(frame) => {
                    if self.native_depth > 200 && self.frames.len() >= self.recursion_limit {
                        return Err(
                            self.error("RecursionError", "maximum recursion depth exceeded")
                        );
                    }
                    self.run_frame(frame)
                }
                None => self.make_generator(callee, func, args),
            },
            ObjData::Builtin(b) => {
                if !kw.is_empty() && b.arity != crate::object::ANY_ARITY {
                    // CPython's wording: `wrapper __eq__()` for a slot,
                    // `list.copy()` for a method, `len()` for a function
                    let name = if b.owner.is_empty() {
                        b.name.to_string()
                    } else if b.name.starts_with("__")
                        && b.name.ends_with("__")
                        && !is_method_descriptor(&type_obj(b.owner).name, b.name)
                    {
                        format!("wrapper {}", b.name)
                    } else {
                        format!("{}.{}", type_obj(b.owner).name, b.name)
                    };
                    return Err(self.type_error(&format!("{name}() takes no keyword arguments")));
                }
                if let Some(recv) = self.check_method_call(b, args)? {
                    let mut a = args.to_vec();
                    a[0] = recv;
                    let r = (b.func)(self, Args { pos: &a, kw })?;
                    return Ok(self.subclass_new_result(b, args, r));
                }
                if b.bound.is_empty() {
                    let r = (b.func)(self, Args { pos: args, kw })?;
                    Ok(self.subclass_new_result(b, args, r))
                } else {
                    let mut a = Vec::with_capacity(args.len() + 1);
                    a.push(b.bound);
                    a.extend_from_slice(args);
                    (b.func)(self, Args { pos: &a, kw })
                }
            }
            ObjData::BoundMethod { func, slf } => {
                let mut a = Vec::with_capacity(args.len() + 1);
                a.push(*slf);
                a.extend_from_slice(args);
                self.call_kw(*func, &a, kw)
            }
            ObjData::Type(_) => self.call_type(callee, args, kw),
            _ => {
                let name = self.name("__call__");
                let cls = self.type_of(callee);
                match lookup(self, cls, name) {
                    Some(m) => {
                        // `A.__call__ = A()` calls instance after instance with no
                        // Python frame between: CPython's recursion check ends it
                        if self.native_depth >= self.recursion_limit {
                            return Err(self.error(
                                "RecursionError",
                                "maximum recursion depth exceeded while calling a Python object",
                            ));
                        }
                        self.native_depth += 1;
                        let r = self.call_slot_call(m, callee, cls, args, kw);
                        self.native_depth -= 1;
                        r
                    }
                    None => Err(self.type_error(&format!(
                        "'{}' object is not callable",
                        self.type_name(callee)
                    ))),
                }
            }
        }
    }

    /// Calls `callee`'s class attribute `__call__` (`m`) as CPython's slot_tp_call:
    /// a function or method gets `callee` first, another descriptor is bound
    /// through its `__get__`, anything else is called as it is.
    fn call_slot_call(
        &mut self,
        m: Value,
        callee: Value,
        cls: Value,
        args: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<Value> {
        let plain = matches!(m.as_obj().map(|o| &o.data), Some(ObjData::Function(_)))
            || matches!(m.as_obj().map(|o| &o.data), Some(ObjData::Builtin(b)) if !b.owner.is_empty())
            || !m.is_obj();
        if !plain {
            let gk = self.name("__get__");
            let mt = self.type_of(m);
            match lookup(self, mt, gk) {
                Some(get) => {
                    let bound = self.call(get, &[m, callee, cls])?;
                    self.temp_roots.push(bound);
                    let r = self.call_kw(bound, args, kw);
                    self.temp_roots.pop();
                    return r;
                }
                None => return self.call_kw(m, args, kw),
            }
        }
        let mut a = Vec::with_capacity(args.len() + 1);
        a.push(callee);
        a.extend_from_slice(args);
        self.call_kw(m, &a, kw)
    }

    /// `cls(*args, **kw)`: the metaclass's `__call__` if it has its own (EnumType's
    /// `Enum('Name', 'A B')`), else `type.__call__`.
    pub fn call_type(
        &mut self,
        cls: Value,
        args: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<Value> {
        let meta = self.type_of(cls);
        if meta != self.types.type_ {
            let ck = self.name("__call__");
            if let Some((f, owner)) = crate::vm::types::lookup_owner(self, meta, ck)
                && owner != self.types.type_
            {
                let m = self.bind_descriptor(f, cls, meta)?;
                return self.call_kw(m, args, kw);
            }
        }
        self.type_call(cls, args, kw)
    }

    /// `type.__call__(cls, *args, **kw)`: `__new__` then `__init__`.
    /// The `__init__` a call `cls(...)` with `n` positional arguments runs in
    /// a frame of the interpreter's own loop (and a trace inlines), when the
    /// call is a plain instantiation with the same effects as `type_call`'s: a
    /// class of metaclass `type`, instances without a built-in payload (not an
    /// exception, not abstract), `object.__new__`, and an `__init__` that is a
    /// Python function taking exactly `self` and `n` positional parameters (no
    /// defaults, `*args`, keyword-only parameters, cells or `yield`).
    pub fn plain_init(&mut self, cls: Value, n: usize) -> Option<Value> {
        if self.type_of(cls) != self.types.type_ {
            return None;
        }
        let t = type_obj(cls);
        let bb = t.builtin_base.get();
        if !(bb.is_none() || bb == self.types.object) || t.module == "builtins" {
            return None;
        }
        let new_name = self.name("__new__");
        if lookup_owner(self, cls, new_name).is_some_and(|(_, owner)| owner != self.types.object) {
            return None;
        }
        let abstract_name = self.name("__abstractmethods__");
        if lookup(self, cls, abstract_name).is_some() {
            return None;
        }
        let base_exc = self.exc_class("BaseException");
        if self.is_subclass(cls, base_exc) {
            return None;
        }
        let init_name = self.name("__init__");
        let (init, _) = lookup_owner(self, cls, init_name)?;
        let ObjData::Function(f) = &init.as_obj()?.data else {
            return None;
        };
        let c = &f.code;
        // (parameters past the `n` arguments take their defaults)
        let plain = c.flags & (flags::VARARGS | flags::VARKEYWORDS | flags::GENERATOR) == 0
            && f.defaults_after(n + 1).is_some()
            && c.kwonlyargcount == 0
            && c.cellvars.is_empty();
        plain.then_some(init)
    }

    pub fn type_call(
        &mut self,
        cls: Value,
        args: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<Value> {
        if cls == self.types.type_ && args.len() == 1 && kw.is_empty() {
            return Ok(self.type_of(args[0]));
        }
        let new_name = self.name("__new__");
        let t = &self.types;
        if [t.list, t.tuple, t.set, t.frozenset, t.dict].contains(&cls) {
            // `tuple(g)`, `set(g)`: the built-in constructor, called on its own
            // type (what the general path below comes to, without asking
            // whether the class is an exception, abstract or a subclass)
            if let Some(n) = lookup(self, cls, new_name).filter(|n| is_builtin_fn(*n)) {
                let mut a = Vec::with_capacity(args.len() + 1);
                a.push(cls);
                a.extend_from_slice(args);
                return self.call_kw(n, &a, kw);
            }
        }
        // NoneType(), type(...)(), type(NotImplemented)(): the singletons
        let singleton = if cls == self.types.none_type {
            Some((Value::NONE, "NoneType"))
        } else if cls == self.types.ellipsis_type {
            Some((self.ellipsis, "EllipsisType"))
        } else if cls == self.types.not_implemented_type {
            Some((self.not_implemented, "NotImplementedType"))
        } else {
            None
        };
        if let Some((v, name)) = singleton {
            if !args.is_empty() || !kw.is_empty() {
                return Err(self.type_error(&format!("{name} takes no arguments")));
            }
            return Ok(v);
        }
        let init_name = self.name("__init__");
        let new = lookup(self, cls, new_name);
        let base_exc = self.exc_class("BaseException");
        let is_exc = self.is_subclass(cls, base_exc);
        let bb = type_obj(cls).builtin_base.get();
        let builtin_sub = !bb.is_none() && bb != cls && bb != self.types.object && !is_exc;
        let user_new = new.filter(|n| !is_builtin_fn(*n));
        if user_new.is_none() && type_obj(cls).module != "builtins" {
            self.check_not_abstract(cls)?;
        }
        let obj = match user_new {
            Some(n) => {
                let n = match n.as_obj().map(|o| &o.data) {
                    Some(ObjData::StaticMethod(f)) => *f,
                    _ => n,
                };
                let mut a = Vec::with_capacity(args.len() + 1);
                a.push(cls);
                a.extend_from_slice(args);
                self.call_kw(n, &a, kw)?
            }
            None if builtin_sub => {
                // An instance of a user subclass of a built-in type carries the
                // built-in value as its payload. Mutable containers start empty and
                // are filled by __init__; immutable values are made from the args.
                let mutable = [
                    self.types.list,
                    self.types.dict,
                    self.types.set,
                    self.types.bytearray,
                ]
                .contains(&bb);
                let has_user_init = matches!(crate::vm::types::lookup_owner(self, cls, init_name), Some((_, owner)) if !crate::vm::types::is_payload_type(owner) && owner != self.types.object);
                let Some(bnew) = new else {
                    return Err(self.unsupported(&format!("subclassing '{}'", type_obj(bb).name)));
                };
                let payload = if mutable && has_user_init {
                    self.call(bnew, &[bb])?
                } else {
                    let mut a = Vec::with_capacity(args.len() + 1);
                    a.push(bb);
                    a.extend_from_slice(args);
                    self.call_kw(bnew, &a, kw)?
                };
                let inst = self.new_instance(cls);
                if let ObjData::Instance(i) = &inst.obj().data {
                    i.base_value.set(payload);
                }
                if !has_user_init {
                    return Ok(inst);
                }
                inst
            }
            None => match new {
                Some(n) => {
                    // A built-in constructor called on the built-in type itself,
                    // or inherited by a class (a metaclass deriving from type):
                    // that class's __init__ runs next, as type_call's tp_init
                    let mut a = Vec::with_capacity(args.len() + 1);
                    a.push(cls);
                    a.extend_from_slice(args);
                    let r = self.call_kw(n, &a, kw)?;
                    if type_obj(cls).module == "builtins" {
                        return Ok(r);
                    }
                    r
                }
                None if is_exc && self.is_subclass(cls, self.exc_class("BaseExceptionGroup")) => {
                    self.new_exception_group(cls, args)?
                }
                None if is_exc => {
                    // OSError(errno, ...) builds the errno's subclass, as in CPython.
                    let mut cls = cls;
                    if cls == self.exc_class("OSError") && args.len() >= 2 {
                        let sub = match self.to_i64(args[0]) {
                            Some(2) => Some("FileNotFoundError"),
                            Some(13) => Some("PermissionError"),
                            Some(17) => Some("FileExistsError"),
                            Some(20) => Some("NotADirectoryError"),
                            Some(21) => Some("IsADirectoryError"),
                            _ => None,
                        };
                        if let Some(s) = sub {
                            cls = self.exc_class(s);
                        }
                    }
                    self.new_exception(cls, args.to_vec())
                }
                None => self.new_instance(cls),
            },
        };
        if !self.isinstance(obj, cls) {
            return Ok(obj);
        }
        match lookup_owner(self, cls, init_name) {
            Some((init, init_owner)) => {
                let mut a = Vec::with_capacity(args.len() + 1);
                a.push(obj);
                a.extend_from_slice(args);
                // list.__init__ leaves keywords to a subclass's own __new__
                // (CPython's list___init__)
                let kw = if init_owner == self.types.list && user_new.is_some() {
                    &[]
                } else {
                    kw
                };
                let r = self.call_kw(init, &a, kw)?;
                if !r.is_none() {
                    return Err(self.type_error(&format!(
                        "__init__() should return None, not '{}'",
                        self.type_name(r)
                    )));
                }
            }
            None => {
                if (!args.is_empty() || !kw.is_empty()) && new.is_none() {
                    return Err(
                        self.type_error(&format!("{}() takes no arguments", type_obj(cls).name))
                    );
                }
            }
        }
        Ok(obj)
    }

    /// `object.__new__` refuses a class with abstract methods left (ABCMeta sets
    /// `__abstractmethods__`), with CPython's message.
    fn check_not_abstract(&mut self, cls: Value) -> PyResult<()> {
        if self.type_of(cls) == self.types.type_ {
            return Ok(());
        }
        let k = self.name("__abstractmethods__");
        let Some(am) = lookup(self, cls, k) else {
            return Ok(());
        };
        let mut names: Vec<String> = self
            .collect_iter(am)?
            .into_iter()
            .filter(|v| self.is_str(*v))
            .map(|v| str_of(v).to_string())
            .collect();
        if names.is_empty() {
            return Ok(());
        }
        names.sort();
        let plural = if names.len() > 1 { "s" } else { "" };
        Err(self.type_error(&format!(
            "Can't instantiate abstract class {} with abstract method{plural} {}",
            type_obj(cls).name,
            names.join(", ")
        )))
    }

    /// `str.__new__(S, ...)` for a user subclass S of a built-in type: the built-in
    /// value the native made becomes the payload of an S instance.
    pub(crate) fn subclass_new_result(&mut self, b: &Builtin, args: &[Value], r: Value) -> Value {
        if b.name == "__new__"
            && let Some(&cls) = args.first()
            && is_type(cls)
            && !type_obj(cls).builtin_base.get().is_none()
            && type_obj(cls).module != "builtins"
            && self.type_of(r) != cls
            && self.base_payload(r).is_empty()
            && self.is_subclass(cls, self.type_of(r))
        {
            let inst = self.new_instance(cls);
            if let ObjData::Instance(i) = &inst.obj().data {
                i.base_value.set(r);
            }
            return inst;
        }
        r
    }

    /// Runs one step of any iterator-ish generator protocol for natives.
    pub fn gen_send(&mut self, genv: Value, v: Value) -> PyResult<Option<Value>> {
        match self.gen_resume(genv, v, None)? {
            Resumed::Yielded(v) => Ok(Some(v)),
            Resumed::Returned(v) => {
                self.stop_value = v;
                Ok(None)
            }
        }
    }

    /// The value carried by the StopIteration that ended the last exhausted iterator.
    pub fn take_stop_value(&mut self) -> Value {
        std::mem::replace(&mut self.stop_value, Value::NONE)
    }

    pub fn is_callable(&self, v: Value) -> bool {
        match v.as_obj().map(|o| &o.data) {
            Some(
                ObjData::Function(_)
                | ObjData::Builtin(_)
                | ObjData::BoundMethod { .. }
                | ObjData::Type(_),
            ) => true,
            Some(_) => {
                let cls = self.type_of(v);
                let t = type_obj(cls);
                t.mro.get().iter().any(|c| {
                    type_obj(*c)
                        .dict
                        .get()
                        .iter()
                        .any(|e| str_of(e.key) == "__call__")
                })
            }
            None => false,
        }
    }
}

/// The positional arguments after the receiver that a method named `name` takes
/// when the name fixes them (CPython's slot wrappers and a few no-argument
/// methods); `ANY_ARITY` for other names, whose natives check their own.
pub fn slot_arity(name: &str) -> (u8, u8) {
    match name {
        "__repr__" | "__str__" | "__hash__" | "__len__" | "__iter__" | "__next__" | "__bool__"
        | "__neg__" | "__pos__" | "__abs__" | "__invert__" | "__int__" | "__float__"
        | "__index__" | "__complex__" | "__sizeof__" | "__reduce__" | "__dir__"
        | "__reversed__" | "__trunc__" | "__floor__" | "__ceil__" | "__getnewargs__"
        | "__length_hint__" | "__await__" | "__aiter__" | "__anext__" => (0, 0),
        "__eq__" | "__ne__" | "__lt__" | "__le__" | "__gt__" | "__ge__" | "__add__"
        | "__radd__" | "__sub__" | "__rsub__" | "__mul__" | "__rmul__" | "__truediv__"
        | "__rtruediv__" | "__floordiv__" | "__rfloordiv__" | "__mod__" | "__rmod__"
        | "__divmod__" | "__rdivmod__" | "__lshift__" | "__rlshift__" | "__rshift__"
        | "__rrshift__" | "__and__" | "__rand__" | "__or__" | "__ror__" | "__xor__"
        | "__rxor__" | "__matmul__" | "__rmatmul__" | "__iadd__" | "__isub__" | "__imul__"
        | "__itruediv__" | "__ifloordiv__" | "__imod__" | "__ilshift__" | "__irshift__"
        | "__iand__" | "__ior__" | "__ixor__" | "__imatmul__" | "__getattribute__"
        | "__getattr__" | "__delattr__" | "__contains__" | "__getitem__" | "__delitem__"
        | "__format__" | "__reduce_ex__" | "__missing__" | "__instancecheck__"
        | "__subclasscheck__" | "__delete__" => (1, 1),
        "__setattr__" | "__setitem__" | "__set__" => (2, 2),
        "__pow__" | "__rpow__" | "__ipow__" | "__get__" => (1, 2),
        "__round__" => (0, 1),
        _ => crate::object::ANY_ARITY,
    }
}

/// The arity the call path checks for method `name` of a type: the slot arity,
/// and for the types of `builtins` also the methods that take no arguments
/// there (`list.copy`, `int.bit_length`, `str.lower`, ...: CPython's
/// METH_NOARGS methods, whose names mean the same on every built-in type).
pub fn method_arity(name: &str, builtins_type: bool) -> (u8, u8) {
    if builtins_type
        && matches!(
            name,
            "copy"
                | "clear"
                | "reverse"
                | "keys"
                | "values"
                | "items"
                | "popitem"
                | "bit_length"
                | "bit_count"
                | "conjugate"
                | "as_integer_ratio"
                | "is_integer"
                | "isalnum"
                | "isalpha"
                | "isascii"
                | "isdecimal"
                | "isdigit"
                | "isidentifier"
                | "islower"
                | "isnumeric"
                | "isprintable"
                | "isspace"
                | "istitle"
                | "isupper"
                | "lower"
                | "upper"
                | "casefold"
                | "swapcase"
                | "title"
                | "capitalize"
                | "__bytes__"
                | "__getstate__"
                | "mro"
                | "__subclasses__"
                | "tolist"
                | "toreadonly"
                | "release"
                | "close"
        )
    {
        return (0, 0);
    }
    slot_arity(name)
}

impl Vm {
    /// Checks a call of a built-in type's method before its native runs: the
    /// receiver is an instance of the type (a subtype of it for `__new__`) and a
    /// slot method gets its fixed number of arguments. `args` are the call's
    /// arguments (with the receiver first unless the method is bound). Returns the
    /// receiver to pass instead when it is an instance of a user subclass of a
    /// built-in type (`list.append(stack, x)` for `class Stack(list)`): its payload,
    /// which is what natives act on.
    #[inline]
    pub fn check_method_call(&mut self, b: &Builtin, args: &[Value]) -> PyResult<Option<Value>> {
        if b.owner.is_empty() {
            // a function: no receiver to check, and it binds its own arguments
            // (a `Sig`; only methods have a fixed arity here)
            return Ok(None);
        }
        let (recv, n) = if b.bound.is_empty() {
            (args.first().copied(), args.len().saturating_sub(1))
        } else {
            (Some(b.bound), args.len())
        };
        if let Some(r) = recv
            && (b.owner == self.types.object || self.type_of(r) == b.owner)
            && n >= b.arity.0 as usize
            && n <= b.arity.1 as usize
            && b.name != "__new__"
        {
            return Ok(None);
        }
        self.check_method_call_slow(b, recv, n)
    }

    #[cold]
    #[inline(never)]
    fn check_method_call_slow(
        &mut self,
        b: &Builtin,
        recv: Option<Value>,
        n: usize,
    ) -> PyResult<Option<Value>> {
        if b.name == "__new__"
            && let Some(r) = recv
            && is_type(r)
            && self.is_subclass(r, b.owner)
        {
            // every `set(...)`, `tuple(...)` comes here: no names to build
            return Ok(None);
        }
        let t = type_obj(b.owner);
        let slot = b.name.starts_with("__")
            && b.name.ends_with("__")
            && !is_method_descriptor(&t.name, b.name);
        // a type a native module defines is named with its module, as CPython's
        // C types are (`collections.deque`)
        let native_module = |m: &str| {
            m == "types"
                || self.native_modules.contains_key(m)
                || self.native_modules.contains_key(format!("_{m}").as_str())
        };
        let owner = if t.module != "builtins" && native_module(t.module.as_str()) {
            format!("{}.{}", t.module, t.name)
        } else {
            t.name.clone()
        };
        let short = t.name.clone();
        let name = b.name;
        let Some(r) = recv else {
            return Err(self.type_error(&if name == "__new__" {
                format!("{owner}.__new__(): not enough arguments")
            } else if slot {
                format!("descriptor '{name}' of '{owner}' object needs an argument")
            } else {
                format!("unbound method {short}.{name}() needs an argument")
            }));
        };
        if name == "__new__" {
            if !is_type(r) {
                let tn = self.type_name(r);
                return Err(self.type_error(&format!(
                    "{owner}.__new__(X): X is not a type object ({tn})"
                )));
            }
            if !self.is_subclass(r, b.owner) {
                let cn = type_obj(r).name.clone();
                return Err(self.type_error(&format!(
                    "{owner}.__new__({cn}): {cn} is not a subtype of {owner}"
                )));
            }
            return Ok(None);
        }
        if !self.isinstance(r, b.owner) {
            let tn = self.type_name(r);
            return Err(self.type_error(&if slot {
                format!("descriptor '{name}' requires a '{owner}' object but received a '{tn}'")
            } else {
                format!(
                    "descriptor '{name}' for '{owner}' objects doesn't apply to a '{tn}' object"
                )
            }));
        }
        let (lo, hi) = (b.arity.0 as usize, b.arity.1 as usize);
        if n < lo || n > hi {
            let s = |k: usize| if k == 1 { "" } else { "s" };
            // the wrappers that unpack with `PyArg_UnpackTuple(args, "", ...)`
            // name an empty function: ` expected 2 arguments, got 0`
            let sp = if matches!(
                name,
                "__setitem__"
                    | "__pow__"
                    | "__rpow__"
                    | "__ipow__"
                    | "__get__"
                    | "__set__"
                    | "__setattr__"
            ) || matches!(name, "__mul__" | "__rmul__" | "__imul__")
                && matches!(
                    short.as_str(),
                    "list" | "tuple" | "str" | "bytes" | "bytearray" | "deque" | "array"
                ) {
                " "
            } else {
                ""
            };
            return Err(self.type_error(&if hi == 0 && !slot {
                format!("{short}.{name}() takes no arguments ({n} given)")
            } else if lo == 1 && hi == 1 && !slot {
                format!("{short}.{name}() takes exactly one argument ({n} given)")
            } else if lo == hi {
                format!("{sp}expected {lo} argument{}, got {n}", s(lo))
            } else if n < lo {
                format!("{sp}expected at least {lo} argument{}, got {n}", s(lo))
            } else {
                format!("{sp}expected at most {hi} argument{}, got {n}", s(hi))
            }));
        }
        let p = self.base_payload(r);
        if b.bound.is_empty() && !p.is_empty() && crate::vm::types::is_payload_type(b.owner) {
            return Ok(Some(p));
        }
        Ok(None)
    }
}

/// The dunder methods that CPython defines as methods (METH_NOARGS, METH_O) rather
/// than slot wrappers: their errors are worded as a method's
/// (`list.__getitem__() takes exactly one argument (0 given)`,
/// `descriptor '__getitem__' for 'list' objects doesn't apply to a 'int' object`).
pub fn is_method_descriptor(owner: &str, name: &str) -> bool {
    match name {
        "__getitem__" => matches!(owner, "list" | "dict"),
        "__contains__" => matches!(owner, "dict" | "set" | "frozenset"),
        "__reversed__" => matches!(owner, "list" | "dict" | "range" | "deque" | "OrderedDict"),
        "__missing__" => owner == "defaultdict",
        "__copy__" | "__length_hint__" => true,
        "__format__" => matches!(owner, "object" | "int" | "float" | "str" | "complex"),
        "__sizeof__" => matches!(
            owner,
            "object" | "int" | "str" | "list" | "dict" | "set" | "frozenset" | "bytearray" | "type"
        ),
        "__reduce__" => matches!(
            owner,
            "object"
                | "bytearray"
                | "set"
                | "frozenset"
                | "range"
                | "slice"
                | "enumerate"
                | "filter"
                | "map"
                | "zip"
                | "reversed"
        ),
        "__reduce_ex__" => matches!(owner, "object" | "bytearray"),
        "__getnewargs__" => matches!(
            owner,
            "bytes" | "complex" | "float" | "int" | "str" | "tuple"
        ),
        "__round__" | "__trunc__" | "__floor__" | "__ceil__" => matches!(owner, "int" | "float"),
        "__dir__" => matches!(owner, "object" | "type"),
        "__instancecheck__" | "__subclasscheck__" => matches!(owner, "type" | "UnionType"),
        "__subclasses__" => owner == "type",
        "__bytes__" => owner == "bytes",
        "__complex__" => owner == "complex",
        "__getstate__" => owner == "object",
        "__alloc__" => owner == "bytearray",
        _ => false,
    }
}

pub fn is_builtin_fn(v: Value) -> bool {
    v.is_obj() && matches!(v.obj().data, ObjData::Builtin(_))
}

fn join_names(names: &[String]) -> String {
    match names.len() {
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        _ => format!(
            "{}, and {}",
            names[..names.len() - 1].join(", "),
            names[names.len() - 1]
        ),
    }
}
