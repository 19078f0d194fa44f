//! Recording calls that are not inlined Python functions: the builtins abs, min, max,
//! int, float and isinstance and the math module's float functions (as `CallG`
//! helpers, or plain IR where that is exact), attribute loads on modules
//! (`math.sqrt`), Python functions called through a module, and the numeric binary
//! ops done by helpers (`**`, float `%` and `//`, int `<<` and `>>`). Any other call
//! ends recording with a reason naming the callee ("call of builtin 'sorted'").
//!
//! Every call guards the callee's identity (a rebound or shadowed builtin exits), and
//! every guard and helper call of a call snapshots the stack as it was before the
//! call bytecode, so an exit re-runs the whole call in the interpreter.

use guards::{Op as IrOp, Ref, Ty};

use super::{Abort, Recorder, kind_name};
use crate::compiler::bytecode::{BinOp, Op};
use crate::jit::helpers;
use crate::object::ObjData;
use crate::value::Value;
use crate::vm::frame::Frame;
use crate::vm::types::is_type;
use crate::vm::{Vm, str_of};

/// What a recognised callee compiles to.
#[derive(Clone, Copy)]
enum Plan {
    /// `helper(x, NONE)`.
    Unary(i64),
    /// `MATH1(x, selector)`.
    Math1(i64),
    /// `helper(x, y)`.
    Binary(i64),
    /// min/max: `helper(best, x)` folded left over the arguments.
    Fold(i64),
    Int,
    Float,
    /// `math.sqrt`: `fsqrt` after a guard that the argument is not negative.
    Sqrt,
    /// `random.random()`, `random.getrandbits(k)`: `BOUND_RANDOM(f, x or EMPTY)`.
    BoundRandom,
}

/// An operand the numeric helpers take: an inline int, a float or a bool.
fn is_num(v: Value) -> bool {
    v.is_small_int() || v.is_float() || v.is_bool()
}

fn is_module(v: Value) -> bool {
    matches!(v.as_obj().map(|o| &o.data), Some(ObjData::Module { .. }))
}

impl Vm {
    /// Whether `record_call_op` records `op`: calls that are not inlined Python
    /// functions (nor `len`, recorded by the recorder itself), calls through a module
    /// attribute, and attribute loads on modules.
    pub(super) fn is_call_op(&self, rec: &Recorder, fr: &Frame, op: Op) -> bool {
        match op {
            Op::Call(argc) => {
                let f = fr.peek(argc as usize);
                let len = argc == 1 && self.is_len_call(f, fr.peek(0));
                !(len || self.inlinable_in(rec, f))
            }
            // A LoadMethod that found a plain attribute (a module's function) leaves
            // EMPTY where the receiver would be.
            Op::CallMethod(argc) => {
                let append = argc == 1
                    && rec.pending_appends.last() == rec.stack.len().checked_sub(1).as_ref();
                !append && fr.peek(argc as usize).is_empty()
            }
            Op::LoadAttr(_) | Op::LoadMethod(_) => is_module(fr.peek(0)),
            _ => false,
        }
    }

    pub(super) fn record_call_op(
        &mut self,
        rec: &mut Recorder,
        fr: &Frame,
        pc: usize,
        op: Op,
    ) -> Result<(), Abort> {
        match op {
            Op::Call(argc) => self.record_call(rec, fr, pc, argc as usize, 0),
            Op::CallMethod(argc) => self.record_call(rec, fr, pc, argc as usize, 1),
            Op::LoadAttr(n) | Op::LoadMethod(n) => {
                let name = fr.code.names[n as usize];
                let dict = self.module_dict(fr.peek(0));
                if self.dict_get_str(dict, name).is_none() {
                    return Err(format!("module attribute '{}' not found", str_of(name)));
                }
                record_module_attr(rec, fr, pc, n, matches!(op, Op::LoadMethod(_)))
            }
            _ => Err(format!("bytecode {op:?}")),
        }
    }

    /// A call whose stack is `[callee, (EMPTY if extra == 1), args...]`.
    fn record_call(
        &mut self,
        rec: &mut Recorder,
        fr: &Frame,
        pc: usize,
        argc: usize,
        extra: usize,
    ) -> Result<(), Abort> {
        let f = fr.peek(argc + extra);
        let args: Vec<Value> = (0..argc).rev().map(|d| fr.peek(d)).collect();
        let n = rec.stack.len();
        let base = n.checked_sub(argc + extra + 1).ok_or("stack underflow")?;
        let rf = rec.stack[base];
        let ra: Vec<Ref> = rec.stack[n - argc..].to_vec();
        let all_args = self
            .function(f)
            .is_some_and(|func| func.code.argcount as usize == argc);
        if self.inlinable_in(rec, f) && all_args {
            // A Python function reached through a module (`mod.f(x)`), every
            // parameter passed (defaults would be unbound in the inlined frame).
            rec.check_inline_call(pc, f)?;
            rec.consts.push(f);
            rec.guard(IrOp::GuardIs, Ty::Void, rf, Ref::NONE, f.0 as i64, pc);
            rec.stack.truncate(base);
            let code = self.function(f).ok_or("not a function")?.code.clone();
            rec.enter_inline(f, code, ra, pc);
            return Ok(());
        }
        if let Some(ObjData::BoundMethod { func, slf }) = f.as_obj().map(|o| &o.data)
            && self.inlinable_in(rec, *func)
            && let Some(defaults) = self.defaults_after(*func, argc + 1)
        {
            // A bound method kept in a variable or a module (`random.randrange`
            // is `Random().randrange`): it never changes, so under its identity
            // guard the function and `self` are constants, and the call is
            // inlined as the method call it stands for.
            let (func, slf) = (*func, *slf);
            let code = self.function(func).ok_or("not a function")?.code.clone();
            rec.check_inline_call(pc, func)?;
            rec.consts.push(f);
            rec.guard(IrOp::GuardIs, Ty::Void, rf, Ref::NONE, f.0 as i64, pc);
            let mut inlined = vec![rec.k_val(slf)];
            inlined.extend_from_slice(&ra);
            for d in defaults {
                inlined.push(rec.k_val(d));
            }
            rec.stack.truncate(base);
            rec.enter_inline(func, code, inlined, pc);
            return Ok(());
        }
        if let Some((call, defaults)) = self.inlinable_dunder_call(f, argc) {
            // `obj(args)` of an instance whose class defines `__call__` in
            // Python: the method inlined under the class's identity and
            // version guards (a dunder is looked up on the class only)
            let cls = f.obj().class();
            let ObjData::Type(t) = &cls.obj().data else {
                return Err("class is not a type".into());
            };
            if rec.is_volatile(t) {
                return Err(format!("call of a '{}' (class changing)", t.name));
            }
            rec.check_inline_call(pc, call)?;
            let layouts = self.jit.layouts;
            rec.guard_class(rf, f, layouts.class, pc);
            rec.guard_type_version(cls, t, &layouts, pc);
            let mut inlined = vec![rf];
            inlined.extend_from_slice(&ra);
            for d in defaults {
                inlined.push(rec.k_val(d));
            }
            let code = self.function(call).ok_or("not a function")?.code.clone();
            rec.consts.push(call);
            rec.stack.truncate(base);
            rec.enter_inline(call, code, inlined, pc);
            return Ok(());
        }
        let plan = self.call_plan(f, &args)?;
        rec.consts.push(f);
        rec.guard(IrOp::GuardIs, Ty::Void, rf, Ref::NONE, f.0 as i64, pc);
        let a0 = args.first().copied().unwrap_or(Value::EMPTY);
        let r = match plan {
            Plan::BoundRandom => {
                let x = match ra.first() {
                    Some(&r) => rec.boxed(r),
                    None => rec.k_val(Value::EMPTY),
                };
                rec.guard(IrOp::CallG, Ty::Val, rf, x, helpers::BOUND_RANDOM, pc)
            }
            // Exact in IR: float(int) converts, float(float) is the float itself.
            Plan::Float if a0.is_small_int() || a0.is_float() => rec.as_float(ra[0], a0, pc),
            Plan::Int if a0.is_small_int() => rec.as_int(ra[0], pc),
            Plan::Float => call1(rec, helpers::TO_FLOAT, ra[0], pc),
            Plan::Int => call1(rec, helpers::TO_INT, ra[0], pc),
            Plan::Unary(h) => call1(rec, h, ra[0], pc),
            Plan::Sqrt => {
                // a negative argument (ValueError) or NaN leaves the trace
                let x = rec.as_float(ra[0], a0, pc);
                let zero = rec.trace.emit(
                    IrOp::KFloat,
                    Ty::F64,
                    Ref::NONE,
                    Ref::NONE,
                    0f64.to_bits() as i64,
                    None,
                );
                let ok = rec.trace.emit(IrOp::FGe, Ty::Bool, x, zero, 0, None);
                rec.guard(IrOp::GuardTrue, Ty::Void, ok, Ref::NONE, 0, pc);
                rec.trace.emit(IrOp::FSqrt, Ty::F64, x, Ref::NONE, 0, None)
            }
            Plan::Math1(sel) => {
                let x = rec.boxed(ra[0]);
                let k = rec.k_val(Value::small_int(sel));
                rec.guard(IrOp::CallG, Ty::Val, x, k, helpers::MATH1, pc)
            }
            Plan::Binary(h) => {
                let (x, y) = (rec.boxed(ra[0]), rec.boxed(ra[1]));
                rec.guard(IrOp::CallG, Ty::Val, x, y, h, pc)
            }
            Plan::Fold(h) => {
                let mut best = rec.boxed(ra[0]);
                for &r in &ra[1..] {
                    let x = rec.boxed(r);
                    best = rec.guard(IrOp::CallG, Ty::Val, best, x, h, pc);
                }
                best
            }
        };
        rec.stack.truncate(base);
        rec.stack.push(r);
        Ok(())
    }

    /// For an instance `f` of a class of metaclass `type` whose `__call__` is
    /// an inlinable Python function taking `argc` arguments after `self`
    /// (the rest left to defaults): that function and the defaults used.
    fn inlinable_dunder_call(&mut self, f: Value, argc: usize) -> Option<(Value, Vec<Value>)> {
        if !matches!(f.as_obj()?.data, ObjData::Instance(_)) {
            return None;
        }
        let cls = f.obj().class();
        if self.type_of(cls) != self.types.type_ {
            return None;
        }
        let name = self.name("__call__");
        let call = crate::vm::types::lookup(self, cls, name)?;
        if !self.inlinable(call) {
            return None;
        }
        Some((call, self.defaults_after(call, argc + 1)?))
    }

    /// `Function::defaults_after` of the Python function `f`: constants a
    /// trace passes for the parameters a call leaves to their defaults.
    pub(super) fn defaults_after(&self, f: Value, given: usize) -> Option<Vec<Value>> {
        Some(self.function(f)?.defaults_after(given)?.to_vec())
    }

    /// How a call of `f` on `args` is recorded, or why it is not.
    fn call_plan(&mut self, f: Value, args: &[Value]) -> Result<Plan, Abort> {
        let argc = args.len();
        let nums = |what: &str| -> Result<(), Abort> {
            match args.iter().find(|a| !is_num(**a)) {
                Some(a) => Err(format!("call of {what} on {}", kind_name(*a))),
                None => Ok(()),
            }
        };
        if f == self.types.str && argc == 1 && args[0].is_small_int() {
            return Ok(Plan::Unary(helpers::INT_STR));
        }
        if f == self.types.int && argc == 1 && helpers::exact_str(self, args[0]) {
            return Ok(Plan::Unary(helpers::STR_TO_INT));
        }
        if f == self.types.enumerate && argc == 1 && helpers::plain_iterable(self, args[0]) {
            return Ok(Plan::Unary(helpers::ENUMERATE1));
        }
        if f == self.types.zip
            && argc == 2
            && args.iter().all(|a| helpers::plain_iterable(self, *a))
        {
            return Ok(Plan::Binary(helpers::ZIP2));
        }
        if f == self.types.type_ && argc == 1 {
            return Ok(Plan::Unary(helpers::TYPE_OF));
        }
        if f == self.types.reversed
            && argc == 1
            && matches!(
                args[0].as_obj().map(|o| &o.data),
                Some(ObjData::Range { .. } | ObjData::List(_) | ObjData::Tuple(_))
            )
            && self.is_builtin_exact(args[0])
        {
            return Ok(Plan::Unary(helpers::REVERSED));
        }
        if f == self.types.int || f == self.types.float {
            let name = if f == self.types.int { "int" } else { "float" };
            if argc != 1 {
                return Err(format!("call of {name}() with {argc} arguments"));
            }
            nums(&format!("{name}()"))?;
            return Ok(if f == self.types.int {
                Plan::Int
            } else {
                Plan::Float
            });
        }
        let b = match f.as_obj().map(|o| &o.data) {
            Some(ObjData::Builtin(b)) => b,
            _ => return Err(describe_callee(f)),
        };
        let name = b.name;
        if helpers::pure_methods::pure_bound_random(f, args) {
            return Ok(Plan::BoundRandom);
        }
        if !b.bound.is_empty() {
            return Err(format!("call of builtin method '{name}'"));
        }
        let key = self.intern(name);
        if self.dict_get_str(self.builtins, key) == Some(f) {
            let plan = match (name, argc) {
                ("abs", 1) => Plan::Unary(helpers::ABS),
                ("round", 1) if args[0].is_float() => Plan::Unary(helpers::ROUND_FLOAT),
                ("round", 2) if args[0].is_float() && args[1].is_small_int() => {
                    Plan::Binary(helpers::ROUND_FLOAT_TO)
                }
                ("min", 2..) => Plan::Fold(helpers::MIN2),
                ("max", 2..) => Plan::Fold(helpers::MAX2),
                ("ord", 1) if helpers::exact_str(self, args[0]) => {
                    return Ok(Plan::Unary(helpers::ORD));
                }
                ("chr", 1) if args[0].is_small_int() => return Ok(Plan::Unary(helpers::CHR)),
                // (on the kinds of items the helper sorts: on others it would
                // exit every time)
                ("sorted", 1) if helpers::sorts_plainly(self, args[0]) => {
                    return Ok(Plan::Unary(helpers::SORTED_SEQ));
                }
                ("sum", 1)
                    if matches!(
                        args[0].as_obj().map(|o| &o.data),
                        Some(ObjData::List(_) | ObjData::Tuple(_))
                    ) && self.is_builtin_exact(args[0]) =>
                {
                    return Ok(Plan::Unary(helpers::SUM_SEQ));
                }
                ("isinstance", 2) => {
                    let cls = args[1];
                    let ok = is_type(cls)
                        || self
                            .tuple_items(cls)
                            .is_some_and(|items| items.iter().all(|c| is_type(*c)));
                    if !ok {
                        return Err("call of builtin 'isinstance' on a non-class".into());
                    }
                    return Ok(Plan::Binary(helpers::ISINSTANCE));
                }
                _ => return Err(format!("call of builtin '{name}'")),
            };
            nums(&format!("builtin '{name}'"))?;
            return Ok(plan);
        }
        // `operator.index(i)` (random's `_index`, in every `randrange`) of an
        // int is that int: the guard that it is one is the whole call
        let module_fn = |vm: &mut Vm, module: &'static str, attr: &str| {
            let (m, k) = (vm.name(module), vm.intern(attr));
            vm.dict_get_str(vm.modules, m)
                .filter(|m| is_module(*m))
                .map(|m| vm.module_dict(m))
                .and_then(|d| vm.dict_get_str(d, k))
        };
        if argc == 1
            && args[0].is_small_int()
            && (module_fn(self, "random", "_index") == Some(f)
                || module_fn(self, "operator", "index") == Some(f))
        {
            return Ok(Plan::Int);
        }
        let math = self.name("math");
        let math_dict = self
            .dict_get_str(self.modules, math)
            .filter(|m| is_module(*m))
            .map(|m| self.module_dict(m));
        if math_dict.and_then(|d| self.dict_get_str(d, key)) == Some(f) {
            let plan = match (name, argc) {
                ("atan2", 2) => Plan::Binary(helpers::ATAN2),
                ("copysign", 2) => Plan::Binary(helpers::COPYSIGN),
                ("pow", 2) => Plan::Binary(helpers::MATH_POW),
                ("hypot", 2) => Plan::Binary(helpers::HYPOT),
                ("fmod", 2) => Plan::Binary(helpers::FMOD),
                ("log", 2) => Plan::Binary(helpers::LOG_BASE),
                ("sqrt", 1) if args[0].is_small_int() || args[0].is_float() => Plan::Sqrt,
                (_, 1) => match helpers::MATH1_NAMES.iter().position(|m| *m == name) {
                    Some(i) => Plan::Math1(i as i64),
                    None => return Err(format!("call of math.{name}")),
                },
                _ => return Err(format!("call of math.{name}")),
            };
            nums(&format!("math.{name}"))?;
            return Ok(plan);
        }
        Err(format!("call of builtin '{name}'"))
    }
}

/// `helper(boxed x, NONE)`.
fn call1(rec: &mut Recorder, helper: i64, x: Ref, pc: usize) -> Ref {
    let x = rec.boxed(x);
    rec.guard(IrOp::CallG, Ty::Val, x, Ref::NONE, helper, pc)
}

/// The abort reason for calling something not handled.
fn describe_callee(f: Value) -> String {
    match f.as_obj().map(|o| &o.data) {
        Some(ObjData::Type(t)) if t.module == "builtins" => format!("call of type '{}'", t.name),
        Some(ObjData::Type(t)) => format!("call of class '{}'", t.name),
        Some(ObjData::Function(func)) => format!(
            "call of function '{}' (not inlinable)",
            str_of(*func.name.get())
        ),
        Some(ObjData::BoundMethod { .. }) => "call of bound method".into(),
        Some(ObjData::Instance(_)) => "call of instance".into(),
        _ => format!("call of {}", kind_name(f)),
    }
}

/// `module.name` (LoadAttr), or `module.name` about to be called (LoadMethod, which
/// leaves the function and EMPTY). The callee's identity is guarded at the call.
fn record_module_attr(
    rec: &mut Recorder,
    fr: &Frame,
    pc: usize,
    n: u32,
    method: bool,
) -> Result<(), Abort> {
    let name = fr.code.names[n as usize];
    let rm = *rec.stack.last().ok_or("stack underflow")?;
    let nm = rec.k_val(name);
    let r = rec.guard(IrOp::CallG, Ty::Val, rm, nm, helpers::MODULE_ATTR, pc);
    rec.pop()?;
    rec.stack.push(r);
    if method {
        let e = rec.k_val(Value::EMPTY);
        rec.stack.push(e);
    }
    Ok(())
}

/// `a op b` on numbers through a helper: `**`, `%`, `//`, `<<`, `>>`. The operands
/// may be unboxed; the result is a boxed number.
pub(super) fn record_num_binop(
    rec: &mut Recorder,
    op: BinOp,
    x: Ref,
    y: Ref,
    pc: usize,
) -> Result<Ref, Abort> {
    let h = match op {
        BinOp::Pow => helpers::NUM_POW,
        BinOp::Mod => helpers::NUM_MOD,
        BinOp::FloorDiv => helpers::NUM_FLOORDIV,
        BinOp::LShift => helpers::LSHIFT,
        BinOp::RShift => helpers::RSHIFT,
        _ => return Err(format!("number {}", op.symbol())),
    };
    let (bx, by) = (rec.boxed(x), rec.boxed(y));
    Ok(rec.guard(IrOp::CallG, Ty::Val, bx, by, h, pc))
}
