//! AST -> bytecode. One `Unit` per code object being built; scopes come from the
//! symbol table, control flow out of `try`/`with`/loops unwinds through `FBlock`s.

mod asyncs;
mod patterns;
mod trystar;

use std::collections::HashMap;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::Num;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextSize};

use super::bytecode::{BinOp, CmpOp, Code, Op, UnOp, flags};
use super::symtable::{NameKind, ScopeKind, SymbolTable, node_key};
use crate::value::Value;
use crate::vm::Vm;

#[derive(Debug)]
pub struct CompileError {
    pub msg: String,
    pub offset: u32,
    /// Where the offending node ends (`offset` when only its start is known):
    /// the carets under the source line span it, as CPython's do.
    pub end: u32,
    /// "SyntaxError" or "NotImplementedError" (unsupported feature).
    pub kind: &'static str,
}

type CResult<T> = Result<T, CompileError>;

enum FBlock<'a> {
    Loop {
        start: usize,
        breaks: Vec<usize>,
        is_for: bool,
    },
    TryExcept,
    Finally(&'a [Stmt]),
    /// Inside an except clause body: `[prev_exc]` on the stack, a cleanup block pushed.
    ExceptBody,
    /// Inside a finally handler on the exception path: `[prev_exc, exc]` on the stack.
    FinallyHandler,
    With,
    /// `async with`: `[exit]` on the stack, `await exit(None, None, None)` on leaving.
    AsyncWith,
    /// An `except*` clause's body, which `break`, `continue` and `return` cannot
    /// leave.
    ExceptStar,
}

struct Unit<'a> {
    scope: usize,
    ops: Vec<Op>,
    lines: Vec<u32>,
    positions: Vec<(u32, u32)>,
    consts: Vec<Value>,
    const_keys: HashMap<(u8, u64), u32>,
    names: Vec<Value>,
    name_idx: HashMap<String, u32>,
    varnames: Vec<String>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    codes: Vec<Rc<Code>>,
    fblocks: Vec<FBlock<'a>>,
    loops: u32,
    doc: Value,
    name: String,
    qualname: String,
    firstlineno: u32,
    argcount: u32,
    posonly: u32,
    kwonly: u32,
    flags: u32,
}

pub struct Compiler<'a> {
    vm: &'a mut Vm,
    st: SymbolTable,
    units: Vec<Unit<'a>>,
    line_starts: Rc<[u32]>,
    line: u32,
    /// Source byte range of the node being compiled.
    pos: (u32, u32),
    filename: Rc<str>,
    source_lines: Rc<[String]>,
    /// The module's source when it has `from __future__ import annotations`:
    /// annotations are then stored as their text, not evaluated.
    future_annotations: Option<Rc<str>>,
    /// `compile(..., 'single')`: the native that passes the value of each
    /// expression statement outside functions and classes to `sys.displayhook`
    /// (CPython's PRINT_EXPR); NONE otherwise.
    display_hook: Value,
}

/// An expression statement's value in `compile(..., 'single')` code: to
/// `sys.displayhook`, looked up at each call as CPython does.
fn print_expr(vm: &mut Vm, a: crate::vm::Args) -> crate::vm::PyResult<Value> {
    let v = a.pos.first().copied().unwrap_or(Value::NONE);
    let sys_key = vm.intern("sys");
    let hook = match vm.dict_get_str(vm.modules, sys_key) {
        Some(m) => {
            let k = vm.intern("displayhook");
            vm.getattr_opt(m, k)?
        }
        None => None,
    };
    match hook {
        Some(h) => vm.call(h, &[v]),
        None => Err(vm.runtime_error("lost sys.displayhook")),
    }
}

fn err<T>(msg: impl Into<String>, offset: TextSize) -> CResult<T> {
    Err(CompileError {
        msg: msg.into(),
        offset: offset.to_u32(),
        end: offset.to_u32(),
        kind: "SyntaxError",
    })
}

fn unsupported<T>(feature: &str, offset: TextSize) -> CResult<T> {
    Err(CompileError {
        msg: format!("Coil does not support {feature} yet"),
        offset: offset.to_u32(),
        end: offset.to_u32(),
        kind: "NotImplementedError",
    })
}

pub fn compile_module(
    vm: &mut Vm,
    body: &[Stmt],
    source: &str,
    filename: &str,
    name: &str,
) -> CResult<Rc<Code>> {
    compile_module_mode(vm, body, source, filename, name, false)
}

/// `compile(source, filename, 'single')`: as a module, but the value of each
/// expression statement goes to `sys.displayhook`, and a leading string is one
/// of them, not a docstring.
pub fn compile_interactive(
    vm: &mut Vm,
    body: &[Stmt],
    source: &str,
    filename: &str,
) -> CResult<Rc<Code>> {
    compile_module_mode(vm, body, source, filename, "<module>", true)
}

fn compile_module_mode(
    vm: &mut Vm,
    body: &[Stmt],
    source: &str,
    filename: &str,
    name: &str,
    interactive: bool,
) -> CResult<Rc<Code>> {
    let st = super::symtable::analyze(body).map_err(|e| CompileError {
        msg: e.msg,
        offset: e.offset,
        end: e.offset,
        kind: "SyntaxError",
    })?;
    let mut line_starts = vec![0u32];
    for (i, b) in source.bytes().enumerate() {
        if b == b'\n' {
            line_starts.push(i as u32 + 1);
        }
    }
    let source_lines: Rc<[String]> = source
        .lines()
        .map(|l| l.to_string())
        .collect::<Vec<_>>()
        .into();
    let filename: Rc<str> = filename.into();
    vm.sources.insert(filename.clone(), source_lines.clone());
    let line_starts: Rc<[u32]> = line_starts.into();
    let display_hook = if interactive {
        vm.new_builtin("displayhook", print_expr)
    } else {
        Value::NONE
    };
    let mut c = Compiler {
        vm,
        st,
        units: Vec::new(),
        line_starts,
        line: 1,
        pos: (0, 0),
        filename,
        source_lines,
        future_annotations: has_future_annotations(body).then(|| source.into()),
        display_hook,
    };
    c.push_unit(0, name, name, 1);
    c.units.last_mut().unwrap().flags |= flags::NAMESPACE;
    if let Some(d) = docstring(body).filter(|_| !interactive) {
        let di = c.str_const(d);
        c.emit(Op::LoadConst(di));
        let dn = c.name("__doc__");
        c.emit(Op::StoreName(dn));
    }
    c.setup_annotations(body);
    c.stmts(body)?;
    c.emit(Op::LoadConst(0));
    let none = c.add_const(Value::NONE);
    let n = c.units.last_mut().unwrap().ops.len();
    c.units.last_mut().unwrap().ops[n - 1] = Op::LoadConst(none);
    c.emit(Op::Return);
    Ok(c.finish_unit())
}

/// Compiles a single expression (for `eval`) into code that returns its value.
pub fn compile_expression(
    vm: &mut Vm,
    expr: &Expr,
    source: &str,
    filename: &str,
) -> CResult<Rc<Code>> {
    let body = vec![Stmt::Expr(ast::StmtExpr {
        range: expr.range(),
        node_index: Default::default(),
        value: Box::new(expr.clone()),
    })];
    let st = super::symtable::analyze(&body).map_err(|e| CompileError {
        msg: e.msg,
        offset: e.offset,
        end: e.offset,
        kind: "SyntaxError",
    })?;
    let line_starts = {
        let mut v = vec![0u32];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                v.push(i as u32 + 1);
            }
        }
        v
    };
    let source_lines: Rc<[String]> = source
        .lines()
        .map(|l| l.to_string())
        .collect::<Vec<_>>()
        .into();
    let line_starts: Rc<[u32]> = line_starts.into();
    let mut c = Compiler {
        vm,
        st,
        units: Vec::new(),
        line_starts,
        line: 1,
        pos: (0, 0),
        filename: filename.into(),
        source_lines,
        future_annotations: None,
        display_hook: Value::NONE,
    };
    c.push_unit(0, "<module>", "<module>", 1);
    c.units.last_mut().unwrap().flags |= flags::NAMESPACE;
    let Stmt::Expr(e) = &body[0] else {
        unreachable!()
    };
    let e: &Expr = &e.value;
    c.expr(e)?;
    c.emit(Op::Return);
    Ok(c.finish_unit())
}

impl<'a> Compiler<'a> {
    /// A SyntaxError at the node being compiled (its whole range, as CPython's
    /// compiler reports errors where it is).
    fn err_here<T>(&self, msg: impl Into<String>) -> CResult<T> {
        Err(CompileError {
            msg: msg.into(),
            offset: self.pos.0,
            end: self.pos.1,
            kind: "SyntaxError",
        })
    }

    fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().unwrap()
    }

    fn scope_kind(&self) -> ScopeKind {
        self.st.scopes[self.units.last().unwrap().scope].kind
    }

    fn line_of(&self, off: TextSize) -> u32 {
        let o = off.to_u32();
        match self.line_starts.binary_search(&o) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    fn set_line(&mut self, off: TextSize) {
        self.line = self.line_of(off);
    }

    fn push_unit(&mut self, scope: usize, name: &str, qualname: &str, line: u32) {
        let s = &self.st.scopes[scope];
        let mut varnames: Vec<String> = s.params.clone();
        if s.kind == ScopeKind::Function || s.kind == ScopeKind::Comprehension {
            for b in &s.bound {
                if !varnames.contains(b) && s.kind_of(b) == NameKind::Local {
                    varnames.push(b.clone());
                }
            }
        }
        let cellvars = s.cells.clone();
        let freevars = s.frees.clone();
        let mut fl = 0;
        if s.is_generator || s.is_async {
            fl |= flags::GENERATOR;
        }
        if s.is_async && s.is_generator {
            fl |= flags::ASYNC_GENERATOR;
        } else if s.is_async {
            fl |= flags::COROUTINE;
        }
        if s.kind == ScopeKind::Class {
            fl |= flags::NAMESPACE;
        }
        self.units.push(Unit {
            scope,
            ops: Vec::new(),
            lines: Vec::new(),
            positions: Vec::new(),
            consts: vec![Value::NONE],
            const_keys: HashMap::new(),
            names: Vec::new(),
            name_idx: HashMap::new(),
            varnames,
            cellvars,
            freevars,
            codes: Vec::new(),
            fblocks: Vec::new(),
            loops: 0,
            doc: Value::NONE,
            name: name.to_string(),
            qualname: qualname.to_string(),
            firstlineno: line,
            argcount: 0,
            posonly: 0,
            kwonly: 0,
            flags: fl,
        });
        let k = (0u8, Value::NONE.0);
        self.unit().const_keys.insert(k, 0);
        let s = &self.st.scopes[scope];
        // (generators and coroutines run through their own frames' resumption)
        if s.kind == ScopeKind::Function && !s.is_generator && !s.is_async {
            self.emit(Op::FuncEntry);
        }
    }

    fn finish_unit(&mut self) -> Rc<Code> {
        let u = self.units.pop().unwrap();
        let n_ops = u.ops.len();
        let intern =
            |vm: &mut Vm, v: &Vec<String>| v.iter().map(|n| vm.intern(n)).collect::<Vec<_>>();
        let varnames = intern(self.vm, &u.varnames);
        let cellvars = intern(self.vm, &u.cellvars);
        let freevars = intern(self.vm, &u.freevars);
        let cell_args = u
            .cellvars
            .iter()
            .map(|c| {
                let nargs = self.st.scopes[u.scope].params.len();
                u.varnames
                    .iter()
                    .take(nargs)
                    .position(|v| v == c)
                    .map(|i| i as u32)
            })
            .collect();
        Rc::new(Code {
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            firstlineno: u.firstlineno,
            ops: u.ops,
            lines: u.lines,
            positions: u.positions,
            line_starts: self.line_starts.clone(),
            consts: u.consts,
            names: u.names,
            varnames,
            cellvars,
            freevars,
            cell_args,
            argcount: u.argcount,
            posonlyargcount: u.posonly,
            kwonlyargcount: u.kwonly,
            flags: u.flags,
            codes: u.codes,
            loop_counters: (0..u.loops).map(|_| std::cell::Cell::new(0)).collect(),
            entry_counter: std::cell::Cell::new(0),
            entry_jit_state: Default::default(),
            loop_jit_states: (0..u.loops).map(|_| Default::default()).collect(),
            source: self.source_lines.clone(),
            doc: u.doc,
            attr_ic: (0..n_ops).map(|_| Default::default()).collect(),
            global_ic: (0..n_ops).map(|_| Default::default()).collect(),
            live_locals: Default::default(),
            interned_names: Default::default(),
            dispatch_counts: Default::default(),
        })
    }

    fn emit(&mut self, op: Op) -> usize {
        let line = self.line;
        let pos = self.pos;
        let u = self.unit();
        u.ops.push(op);
        u.lines.push(line);
        u.positions.push(pos);
        u.ops.len() - 1
    }

    fn here(&mut self) -> usize {
        self.unit().ops.len()
    }

    /// Points the jump at `at` to the next instruction.
    fn patch(&mut self, at: usize) {
        let target = self.here() as u32;
        self.patch_to(at, target);
    }

    fn patch_to(&mut self, at: usize, target: u32) {
        let u = self.unit();
        u.ops[at] = match u.ops[at] {
            Op::Jump(_) => Op::Jump(target),
            Op::PopJumpIfFalse(_) => Op::PopJumpIfFalse(target),
            Op::PopJumpIfTrue(_) => Op::PopJumpIfTrue(target),
            Op::JumpIfFalseOrPop(_) => Op::JumpIfFalseOrPop(target),
            Op::JumpIfTrueOrPop(_) => Op::JumpIfTrueOrPop(target),
            Op::ForIter(_) => Op::ForIter(target),
            Op::SetupExcept(_) => Op::SetupExcept(target),
            Op::YieldFrom(_) => Op::YieldFrom(target),
            other => panic!("patching non-jump {other:?}"),
        };
    }

    fn add_const(&mut self, v: Value) -> u32 {
        // Identity-keyed dedupe for immediates; heap constants are keyed by caller.
        let key = (1u8, v.0);
        if !v.is_obj() {
            if let Some(i) = self.unit().const_keys.get(&key) {
                return *i;
            }
        }
        let u = self.unit();
        u.consts.push(v);
        let i = (u.consts.len() - 1) as u32;
        if !v.is_obj() {
            u.const_keys.insert(key, i);
        }
        i
    }

    fn load_const(&mut self, v: Value) {
        let i = self.add_const(v);
        self.emit(Op::LoadConst(i));
    }

    fn str_const(&mut self, s: &str) -> u32 {
        let v = self.vm.intern(s);
        let key = (2u8, v.0);
        if let Some(i) = self.unit().const_keys.get(&key) {
            return *i;
        }
        let u = self.unit();
        u.consts.push(v);
        let i = (u.consts.len() - 1) as u32;
        u.const_keys.insert(key, i);
        i
    }

    fn name(&mut self, s: &str) -> u32 {
        if let Some(i) = self.unit().name_idx.get(s) {
            return *i;
        }
        let v = self.vm.intern(s);
        let u = self.unit();
        u.names.push(v);
        let i = (u.names.len() - 1) as u32;
        u.name_idx.insert(s.to_string(), i);
        i
    }

    /// `__x` in a class (or a function in it) as CPython's compiler spells it:
    /// `_C__x` (symtable::mangle).
    fn mangle<'n>(&self, name: &'n str) -> std::borrow::Cow<'n, str> {
        let u = self.units.last().unwrap();
        super::symtable::mangle(self.st.scopes[u.scope].private.as_deref(), name)
    }

    /// The names-table index of attribute `attr`, mangled.
    fn attr_name(&mut self, attr: &str) -> u32 {
        let m = self.mangle(attr).into_owned();
        self.name(&m)
    }

    fn name_kind(&self, name: &str) -> NameKind {
        let u = self.units.last().unwrap();
        self.st.scopes[u.scope].kind_of(name)
    }

    fn deref_index(&self, name: &str) -> u32 {
        let u = self.units.last().unwrap();
        if let Some(i) = u.cellvars.iter().position(|c| c == name) {
            return i as u32;
        }
        let i = u.freevars.iter().position(|c| c == name).expect("free var");
        (u.cellvars.len() + i) as u32
    }

    fn local_index(&self, name: &str) -> u32 {
        let u = self.units.last().unwrap();
        u.varnames.iter().position(|c| c == name).expect("local") as u32
    }

    fn load_name(&mut self, name: &str) {
        let mangled = self.mangle(name).into_owned();
        let name = mangled.as_str();
        if self.scope_kind() == ScopeKind::Module
            && self.name_kind(name) == NameKind::GlobalImplicit
        {
            // Module code may run with a separate locals dict (exec/eval).
            let i = self.name(name);
            self.emit(Op::LoadName(i));
            return;
        }
        match self.name_kind(name) {
            NameKind::Local => {
                let i = self.local_index(name);
                self.emit(Op::LoadFast(i));
            }
            NameKind::Cell | NameKind::Free => {
                let i = self.deref_index(name);
                self.emit(Op::LoadDeref(i));
            }
            NameKind::GlobalExplicit | NameKind::GlobalImplicit => {
                let i = self.name(name);
                self.emit(Op::LoadGlobal(i));
            }
            NameKind::Namespace => {
                let i = self.name(name);
                self.emit(Op::LoadName(i));
            }
        }
    }

    fn store_name(&mut self, name: &str) {
        let mangled = self.mangle(name).into_owned();
        let name = mangled.as_str();
        if self.scope_kind() == ScopeKind::Module
            && self.name_kind(name) == NameKind::GlobalImplicit
        {
            let i = self.name(name);
            self.emit(Op::StoreName(i));
            return;
        }
        match self.name_kind(name) {
            NameKind::Local => {
                let i = self.local_index(name);
                self.emit(Op::StoreFast(i));
            }
            NameKind::Cell | NameKind::Free => {
                let i = self.deref_index(name);
                self.emit(Op::StoreDeref(i));
            }
            NameKind::GlobalExplicit | NameKind::GlobalImplicit => {
                let i = self.name(name);
                self.emit(Op::StoreGlobal(i));
            }
            NameKind::Namespace => {
                let i = self.name(name);
                if self.scope_kind() == ScopeKind::Module {
                    self.emit(Op::StoreGlobal(i));
                } else {
                    self.emit(Op::StoreName(i));
                }
            }
        }
    }

    fn delete_name(&mut self, name: &str) {
        let mangled = self.mangle(name).into_owned();
        let name = mangled.as_str();
        match self.name_kind(name) {
            NameKind::Local => {
                let i = self.local_index(name);
                self.emit(Op::DeleteFast(i));
            }
            NameKind::Cell | NameKind::Free => {
                let i = self.deref_index(name);
                self.emit(Op::DeleteDeref(i));
            }
            NameKind::GlobalExplicit | NameKind::GlobalImplicit => {
                let i = self.name(name);
                self.emit(Op::DeleteGlobal(i));
            }
            NameKind::Namespace => {
                let i = self.name(name);
                if self.scope_kind() == ScopeKind::Module {
                    self.emit(Op::DeleteGlobal(i));
                } else {
                    self.emit(Op::DeleteName(i));
                }
            }
        }
    }

    // ---- statements -----------------------------------------------------------------

    fn stmts(&mut self, body: &'a [Stmt]) -> CResult<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'a Stmt) -> CResult<()> {
        self.set_line(s.range().start());
        self.pos = (s.range().start().to_u32(), s.range().end().to_u32());
        match s {
            Stmt::Expr(e) if !self.display_hook.is_none() && self.units.len() == 1 => {
                let hook = self.add_const(self.display_hook);
                self.emit(Op::LoadConst(hook));
                self.expr(&e.value)?;
                self.emit(Op::Call(1));
                self.emit(Op::Pop);
            }
            Stmt::Expr(e) => {
                self.expr(&e.value)?;
                self.emit(Op::Pop);
            }
            Stmt::Assign(a) if swap_assign_len(a).is_some() => {
                // `a, b = b, a` (and three names): the values are evaluated in
                // order and the targets assigned from the reversed stack, as
                // CPython does, without building and unpacking a tuple
                let Expr::Tuple(values) = &*a.value else {
                    unreachable!("swap_assign_len checked the value")
                };
                for v in &values.elts {
                    self.expr(v)?;
                }
                if values.elts.len() == 3 {
                    self.emit(Op::Rot3);
                }
                self.emit(Op::Rot2);
                let (Expr::Tuple(ast::ExprTuple { elts: targets, .. })
                | Expr::List(ast::ExprList { elts: targets, .. })) = &a.targets[0]
                else {
                    unreachable!("swap_assign_len checked the target")
                };
                for t in targets {
                    self.store_target(t)?;
                }
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < a.targets.len() {
                        self.emit(Op::Dup);
                    }
                    self.store_target(t)?;
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(a)?,
            Stmt::AnnAssign(a) => self.ann_assign(a)?,
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t)?;
                }
            }
            Stmt::Pass(_) => {}
            Stmt::If(i) => self.if_stmt(i)?,
            Stmt::While(w) => self.while_stmt(w)?,
            Stmt::For(f) => self.for_stmt(f)?,
            Stmt::Break(b) => self.break_stmt(b.range.start())?,
            Stmt::Continue(c) => self.continue_stmt(c.range.start())?,
            Stmt::Return(r) => {
                let k = self.scope_kind();
                if k == ScopeKind::Module || k == ScopeKind::Class {
                    return self.err_here("'return' outside function");
                }
                if r.value.is_some() && self.in_async_function() && self.in_generator() {
                    return self.err_here("'return' with value in async generator");
                }
                self.check_except_star_exit(0)?;
                match &r.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::NONE),
                }
                self.unwind_all(true)?;
                self.set_line(r.range.start());
                self.emit(Op::Return);
            }
            Stmt::FunctionDef(f) => self.function_def(f)?,
            Stmt::ClassDef(c) => self.class_def(c)?,
            Stmt::Import(i) => {
                for a in &i.names {
                    let zero = self.vm.new_int(0);
                    self.load_const(zero);
                    self.load_const(Value::NONE);
                    let n = self.name(&a.name.id);
                    self.emit(Op::ImportName(n));
                    match &a.asname {
                        Some(asn) => {
                            // `import a.b.c as d` binds the leaf module.
                            for part in a.name.id.split('.').skip(1) {
                                let p = self.name(part);
                                self.emit(Op::LoadAttr(p));
                            }
                            self.store_name(&asn.id);
                        }
                        None => {
                            let top = a.name.id.split('.').next().unwrap().to_string();
                            self.store_name(&top);
                        }
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                let level = self.vm.new_int(i.level as i64);
                self.load_const(level);
                let names: Vec<Value> =
                    i.names.iter().map(|a| self.vm.intern(&a.name.id)).collect();
                let t = self.vm.new_tuple(names);
                let ti = self.add_const(t);
                self.emit(Op::LoadConst(ti));
                let modname = i
                    .module
                    .as_ref()
                    .map(|m| m.id.to_string())
                    .unwrap_or_default();
                let n = self.name(&modname);
                self.emit(Op::ImportName(n));
                if i.names.len() == 1 && &*i.names[0].name.id == "*" {
                    if self.scope_kind() != ScopeKind::Module {
                        return err("import * only allowed at module level", i.range.start());
                    }
                    self.emit(Op::ImportStar);
                } else {
                    for a in &i.names {
                        let n = self.name(&a.name.id);
                        self.emit(Op::ImportFrom(n));
                        let bind = a.asname.as_ref().unwrap_or(&a.name).id.to_string();
                        self.store_name(&bind);
                    }
                    self.emit(Op::Pop);
                }
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                // CPython reports a failed assert at its test expression.
                self.pos = (
                    a.test.range().start().to_u32(),
                    a.test.range().end().to_u32(),
                );
                let j = self.emit(Op::PopJumpIfTrue(0));
                self.emit(Op::LoadAssertionError);
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                    self.emit(Op::Call(1));
                }
                self.emit(Op::Raise(1));
                self.patch(j);
            }
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.set_line(r.range.start());
                self.emit(Op::Raise(n));
            }
            Stmt::Try(t) => {
                if t.finalbody.is_empty() {
                    self.try_except(t)?;
                } else {
                    self.try_finally(t)?;
                }
            }
            Stmt::With(w) if w.is_async => self.async_with(&w.items, &w.body)?,
            Stmt::With(w) => self.with_stmt(&w.items, &w.body)?,
            Stmt::Match(m) => self.match_stmt(m)?,
            Stmt::TypeAlias(t) => return unsupported("the type statement", t.range.start()),
            Stmt::IpyEscapeCommand(c) => return err("invalid syntax", c.range.start()),
        }
        Ok(())
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult<()> {
        let op = binop(a.op);
        match &*a.target {
            Expr::Name(n) => {
                self.load_name(&n.id);
                self.expr(&a.value)?;
                self.set_line(a.range.start());
                self.emit(Op::InplaceBinary(op));
                self.store_name(&n.id);
            }
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(Op::Dup);
                let n = self.attr_name(&at.attr.id);
                self.emit(Op::LoadAttr(n));
                self.expr(&a.value)?;
                self.set_line(a.range.start());
                self.emit(Op::InplaceBinary(op));
                self.emit(Op::Rot2);
                self.emit(Op::StoreAttr(n));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::DupTwo);
                self.emit(Op::Subscr);
                self.expr(&a.value)?;
                self.set_line(a.range.start());
                self.emit(Op::InplaceBinary(op));
                self.emit(Op::Rot3);
                self.emit(Op::StoreSubscr);
            }
            other => {
                return err(
                    "'expression' is an illegal expression for augmented assignment",
                    other.range().start(),
                );
            }
        }
        Ok(())
    }

    fn store_target(&mut self, t: &'a Expr) -> CResult<()> {
        match t {
            Expr::Name(n) => self.store_name(&n.id),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let n = self.attr_name(&a.attr.id);
                self.emit(Op::StoreAttr(n));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::StoreSubscr);
            }
            Expr::Tuple(tu) => self.unpack_into(&tu.elts, t.range().start())?,
            Expr::List(l) => self.unpack_into(&l.elts, t.range().start())?,
            Expr::Starred(s) => {
                return err(
                    "starred assignment target must be in a list or tuple",
                    s.range.start(),
                );
            }
            other => {
                let what = describe_target(other);
                return err(format!("cannot assign to {what}"), other.range().start());
            }
        }
        Ok(())
    }

    fn unpack_into(&mut self, elts: &'a [Expr], at: TextSize) -> CResult<()> {
        let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
        match star {
            None => {
                self.emit(Op::UnpackSequence(elts.len() as u32));
            }
            Some(i) => {
                if elts
                    .iter()
                    .filter(|e| matches!(e, Expr::Starred(_)))
                    .count()
                    > 1
                {
                    return err("multiple starred expressions in assignment", at);
                }
                let after = elts.len() - i - 1;
                self.emit(Op::UnpackEx(i as u32 | ((after as u32) << 16)));
            }
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.store_target(&s.value)?,
                _ => self.store_target(e)?,
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> CResult<()> {
        match t {
            Expr::Name(n) => self.delete_name(&n.id),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let n = self.attr_name(&a.attr.id);
                self.emit(Op::DeleteAttr(n));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::DeleteSubscr);
            }
            Expr::Tuple(tu) => {
                for e in &tu.elts {
                    self.delete_target(e)?;
                }
            }
            Expr::List(l) => {
                for e in &l.elts {
                    self.delete_target(e)?;
                }
            }
            other => return err("cannot delete expression", other.range().start()),
        }
        Ok(())
    }

    fn if_stmt(&mut self, i: &'a ast::StmtIf) -> CResult<()> {
        let mut end_jumps = Vec::new();
        self.expr(&i.test)?;
        let mut next = self.emit(Op::PopJumpIfFalse(0));
        self.stmts(&i.body)?;
        for clause in &i.elif_else_clauses {
            end_jumps.push(self.emit(Op::Jump(0)));
            self.patch(next);
            match &clause.test {
                Some(t) => {
                    self.set_line(t.range().start());
                    self.expr(t)?;
                    next = self.emit(Op::PopJumpIfFalse(0));
                    self.stmts(&clause.body)?;
                }
                None => {
                    self.stmts(&clause.body)?;
                    next = usize::MAX;
                }
            }
        }
        if next != usize::MAX {
            self.patch(next);
        }
        for j in end_jumps {
            self.patch(j);
        }
        Ok(())
    }

    fn new_loop_slot(&mut self) -> u32 {
        let u = self.unit();
        u.loops += 1;
        u.loops - 1
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> CResult<()> {
        let slot = self.new_loop_slot();
        let start = self.emit(Op::LoopHeader(slot));
        self.expr(&w.test)?;
        let exit = self.emit(Op::PopJumpIfFalse(0));
        self.unit().fblocks.push(FBlock::Loop {
            start,
            breaks: Vec::new(),
            is_for: false,
        });
        self.stmts(&w.body)?;
        self.emit(Op::Jump(start as u32));
        let Some(FBlock::Loop { breaks, .. }) = self.unit().fblocks.pop() else {
            unreachable!()
        };
        self.patch(exit);
        self.stmts(&w.orelse)?;
        for b in breaks {
            self.patch(b);
        }
        Ok(())
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> CResult<()> {
        if f.is_async {
            return self.async_for(f);
        }
        self.expr(&f.iter)?;
        self.emit(Op::GetIter);
        let slot = self.new_loop_slot();
        let start = self.emit(Op::LoopHeader(slot));
        self.set_line(f.range.start());
        let fi = self.emit(Op::ForIter(0));
        self.store_target(&f.target)?;
        self.unit().fblocks.push(FBlock::Loop {
            start,
            breaks: Vec::new(),
            is_for: true,
        });
        self.stmts(&f.body)?;
        self.emit(Op::Jump(start as u32));
        let Some(FBlock::Loop { breaks, .. }) = self.unit().fblocks.pop() else {
            unreachable!()
        };
        self.patch(fi);
        self.stmts(&f.orelse)?;
        for b in breaks {
            self.patch(b);
        }
        Ok(())
    }

    /// Emits the cleanup for leaving fblock `i` (innermost first). `with_value`: a
    /// return value sits on top of the stack and must be preserved.
    fn unwind_one(&mut self, i: usize, with_value: bool) -> CResult<()> {
        let kind = match &self.unit().fblocks[i] {
            FBlock::Loop { is_for, .. } => {
                if *is_for {
                    1
                } else {
                    0
                }
            }
            FBlock::TryExcept => 2,
            FBlock::Finally(_) => 3,
            FBlock::ExceptBody => 4,
            FBlock::FinallyHandler => 5,
            FBlock::With => 6,
            FBlock::AsyncWith => 7,
            // (break, continue and return out of it are SyntaxErrors)
            FBlock::ExceptStar => 8,
        };
        match kind {
            0 => {}
            1 => {
                // pop the iterator
                if with_value {
                    self.emit(Op::Rot2);
                }
                self.emit(Op::Pop);
            }
            2 => {
                self.emit(Op::PopBlock);
            }
            3 => {
                self.emit(Op::PopBlock);
                let FBlock::Finally(body) = self.unit().fblocks[i] else {
                    unreachable!()
                };
                // Compile the finally body with this block (and inner ones) removed so
                // a return inside it does not re-run it.
                let saved: Vec<FBlock<'a>> = self.unit().fblocks.drain(i..).collect();
                let r = self.stmts(body);
                self.unit().fblocks.extend(saved);
                r?;
            }
            4 | 5 => {
                // [prev, exc] (and the value being returned above them)
                self.emit(Op::PopBlock);
                if with_value {
                    self.emit(Op::Rot2);
                    self.emit(Op::Pop);
                    self.emit(Op::Rot2);
                } else {
                    self.emit(Op::Pop);
                }
                self.emit(Op::PopExcept);
            }
            6 => {
                self.emit(Op::PopBlock);
                if with_value {
                    self.emit(Op::Rot2);
                }
                self.load_const(Value::NONE);
                self.load_const(Value::NONE);
                self.load_const(Value::NONE);
                self.emit(Op::Call(3));
                self.emit(Op::Pop);
            }
            7 => {
                self.emit(Op::PopBlock);
                if with_value {
                    self.emit(Op::Rot2);
                }
                self.emit_async_exit_call();
            }
            8 => {}
            _ => unreachable!(),
        }
        Ok(())
    }

    fn unwind_all(&mut self, with_value: bool) -> CResult<()> {
        let n = self.unit().fblocks.len();
        for i in (0..n).rev() {
            self.unwind_one(i, with_value)?;
        }
        Ok(())
    }

    fn innermost_loop(&mut self) -> Option<usize> {
        self.unit()
            .fblocks
            .iter()
            .rposition(|b| matches!(b, FBlock::Loop { .. }))
    }

    fn break_stmt(&mut self, at: TextSize) -> CResult<()> {
        let Some(l) = self.innermost_loop() else {
            return err("'break' outside loop", at);
        };
        self.check_except_star_exit(l)?;
        let n = self.unit().fblocks.len();
        for i in (l + 1..n).rev() {
            self.unwind_one(i, false)?;
        }
        self.unwind_one(l, false)?;
        let j = self.emit(Op::Jump(0));
        if let FBlock::Loop { breaks, .. } = &mut self.unit().fblocks[l] {
            breaks.push(j);
        }
        Ok(())
    }

    fn continue_stmt(&mut self, at: TextSize) -> CResult<()> {
        let Some(l) = self.innermost_loop() else {
            return err("'continue' not properly in loop", at);
        };
        self.check_except_star_exit(l)?;
        let n = self.unit().fblocks.len();
        for i in (l + 1..n).rev() {
            self.unwind_one(i, false)?;
        }
        let FBlock::Loop { start, .. } = self.unit().fblocks[l] else {
            unreachable!()
        };
        self.emit(Op::Jump(start as u32));
        Ok(())
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        if t.is_star {
            return self.try_except_star(t);
        }
        let setup = self.emit(Op::SetupExcept(0));
        self.unit().fblocks.push(FBlock::TryExcept);
        self.stmts(&t.body)?;
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.stmts(&t.orelse)?;
        let mut to_end = vec![self.emit(Op::Jump(0))];
        self.patch(setup);
        self.emit(Op::PushExcInfo);
        let cleanup = self.emit(Op::SetupExcept(0));
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_line(h.range.start());
            let mut next = None;
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.emit(Op::CheckExcMatch);
                next = Some(self.emit(Op::PopJumpIfFalse(0)));
            }
            // the exception stays on the stack through the body, [prev, exc],
            // so the cleanup handler's level is the same wherever the body
            // raises (mid-call too: its operands are cut off above exc)
            if let Some(n) = &h.name {
                self.emit(Op::Dup);
                self.store_name(&n.id);
            }
            self.unit().fblocks.push(FBlock::ExceptBody);
            self.stmts(&h.body)?;
            self.unit().fblocks.pop();
            self.emit(Op::PopBlock);
            self.emit(Op::Pop);
            self.emit(Op::PopExcept);
            if let Some(n) = &h.name {
                self.load_const(Value::NONE);
                self.store_name(&n.id);
                self.delete_name(&n.id);
            }
            to_end.push(self.emit(Op::Jump(0)));
            match next {
                Some(n) => self.patch(n),
                None => break,
            }
        }
        // No clause matched: re-raise (a copy) into the cleanup handler.
        self.emit(Op::Dup);
        self.emit(Op::Reraise);
        self.patch(cleanup);
        // [prev, exc, raised]: restore prev, raise
        self.emit(Op::Rot2);
        self.emit(Op::Pop);
        self.emit(Op::ReraiseRestore);
        for j in to_end {
            self.patch(j);
        }
        Ok(())
    }

    fn emit_pop(&mut self) {
        self.emit(Op::Pop);
    }

    fn try_finally(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        let setup = self.emit(Op::SetupExcept(0));
        self.unit().fblocks.push(FBlock::Finally(&t.finalbody));
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
        } else {
            self.try_except(t)?;
        }
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.stmts(&t.finalbody)?;
        let end = self.emit(Op::Jump(0));
        self.patch(setup);
        self.emit(Op::PushExcInfo);
        let cleanup = self.emit(Op::SetupExcept(0));
        self.unit().fblocks.push(FBlock::FinallyHandler);
        self.stmts(&t.finalbody)?;
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.emit(Op::ReraiseRestore);
        self.patch(cleanup);
        // [prev, exc, new_exc]: drop the original exception, restore, raise the new one.
        self.emit(Op::Rot2);
        self.emit(Op::Pop);
        self.emit(Op::ReraiseRestore);
        self.patch(end);
        Ok(())
    }

    fn with_stmt(&mut self, items: &'a [ast::WithItem], body: &'a [Stmt]) -> CResult<()> {
        let Some((first, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        self.expr(&first.context_expr)?;
        self.emit(Op::BeforeWith);
        // Bind the __enter__ result before the handler's block is set up, so the block
        // level is [exit] and an exception inside nested loops unwinds to it exactly.
        match &first.optional_vars {
            Some(v) => self.store_target(v)?,
            None => self.emit_pop(),
        }
        let setup = self.emit(Op::SetupExcept(0));
        self.unit().fblocks.push(FBlock::With);
        if rest.is_empty() {
            self.stmts(body)?;
        } else {
            self.with_stmt(rest, body)?;
        }
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.load_const(Value::NONE);
        self.load_const(Value::NONE);
        self.load_const(Value::NONE);
        self.emit(Op::Call(3));
        self.emit(Op::Pop);
        let end = self.emit(Op::Jump(0));
        self.patch(setup);
        // [exit, exc]
        self.emit(Op::PushExcInfo);
        let cleanup = self.emit(Op::SetupExcept(0));
        self.emit(Op::WithExceptStart);
        let suppress = self.emit(Op::PopJumpIfTrue(0));
        // (a copy re-raised: the cleanup handler then sees [exit, prev, exc, new]
        // whether __exit__ returned false or raised)
        self.emit(Op::Dup);
        self.emit(Op::Reraise);
        self.patch(suppress);
        self.emit(Op::PopBlock);
        self.emit(Op::Pop);
        self.emit(Op::PopExcept);
        self.emit(Op::Pop);
        let end2 = self.emit(Op::Jump(0));
        self.patch(cleanup);
        // [exit, prev, exc, new]: restore prev, raise new
        self.emit(Op::Rot2);
        self.emit(Op::Pop);
        self.emit(Op::ReraiseRestore);
        self.patch(end);
        self.patch(end2);
        Ok(())
    }

    fn qualname_for(&self, name: &str) -> String {
        let u = self.units.last().unwrap();
        match self.st.scopes[u.scope].kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{}", u.qualname, name),
            _ => format!("{}.<locals>.{}", u.qualname, name),
        }
    }

    /// Pushes defaults/kwdefaults; returns MakeFunction flags so far.
    fn defaults(&mut self, p: &'a ast::Parameters) -> CResult<u32> {
        let mut fl = 0;
        let pos: Vec<&ast::ParameterWithDefault> =
            p.posonlyargs.iter().chain(p.args.iter()).collect();
        let defs: Vec<&Expr> = pos.iter().filter_map(|a| a.default.as_deref()).collect();
        if !defs.is_empty() {
            for d in &defs {
                self.expr(d)?;
            }
            self.emit(Op::BuildTuple(defs.len() as u32));
            fl |= 1;
        }
        let kwdefs: Vec<&ast::ParameterWithDefault> = p
            .kwonlyargs
            .iter()
            .filter(|a| a.default.is_some())
            .collect();
        if !kwdefs.is_empty() {
            for a in &kwdefs {
                let name = self.mangle(&a.parameter.name.id).into_owned();
                let k = self.str_const(&name);
                self.emit(Op::LoadConst(k));
                self.expr(a.default.as_ref().unwrap())?;
            }
            self.emit(Op::BuildMap(kwdefs.len() as u32));
            fl |= 2;
        }
        Ok(fl)
    }

    /// Pushes an annotation's value: the expression, or its text under
    /// `from __future__ import annotations`.
    fn annotation(&mut self, e: &'a Expr) -> CResult<()> {
        match &self.future_annotations {
            Some(src) => {
                let text = super::unparse::unparse(e, &src.clone());
                let k = self.str_const(&text);
                self.emit(Op::LoadConst(k));
                Ok(())
            }
            None => self.expr(e),
        }
    }

    /// A module or class body with annotated assignments starts with an empty
    /// `__annotations__` (CPython's SETUP_ANNOTATIONS).
    fn setup_annotations(&mut self, body: &'a [Stmt]) {
        if has_ann_assign(body) {
            self.emit(Op::BuildMap(0));
            self.store_name("__annotations__");
        }
    }

    /// `target: ann [= value]`: in a module or class body a simple name's
    /// annotation goes into `__annotations__`; other targets' annotations are
    /// evaluated and dropped; in a function the annotation is not evaluated.
    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> CResult<()> {
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.store_target(&a.target)?;
        }
        let k = self.scope_kind();
        if k != ScopeKind::Module && k != ScopeKind::Class {
            return Ok(());
        }
        match &*a.target {
            Expr::Name(n) if a.simple => {
                self.annotation(&a.annotation)?;
                self.load_name("__annotations__");
                let k = self.str_const(&n.id);
                self.emit(Op::LoadConst(k));
                self.emit(Op::StoreSubscr);
            }
            _ if self.future_annotations.is_none() => {
                self.expr(&a.annotation)?;
                self.emit(Op::Pop);
            }
            _ => {}
        }
        Ok(())
    }

    /// Pushes the `__annotations__` dict when any parameter or the return is annotated.
    fn annotations(&mut self, p: &'a ast::Parameters, returns: Option<&'a Expr>) -> CResult<u32> {
        let mut items: Vec<(&'a str, &'a Expr)> = Vec::new();
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(an) = &a.parameter.annotation {
                items.push((&a.parameter.name.id, an));
            }
        }
        if let Some(v) = &p.vararg
            && let Some(an) = &v.annotation
        {
            items.push((&v.name.id, an));
        }
        for a in p.kwonlyargs.iter() {
            if let Some(an) = &a.parameter.annotation {
                items.push((&a.parameter.name.id, an));
            }
        }
        if let Some(v) = &p.kwarg
            && let Some(an) = &v.annotation
        {
            items.push((&v.name.id, an));
        }
        if let Some(r) = returns {
            items.push(("return", r));
        }
        if items.is_empty() {
            return Ok(0);
        }
        let n = items.len() as u32;
        for (name, e) in items {
            let name = self.mangle(name).into_owned();
            let k = self.str_const(&name);
            self.emit(Op::LoadConst(k));
            match e {
                // `*args: *Ts` (PEP 646): the one item of the unpacked value
                Expr::Starred(s) if self.future_annotations.is_none() => {
                    self.expr(&s.value)?;
                    self.emit(Op::UnpackSequence(1));
                }
                _ => self.annotation(e)?,
            }
        }
        self.emit(Op::BuildMap(n));
        Ok(4)
    }

    /// Pushes the closure tuple for the scope about to be made into a function.
    fn closure(&mut self, code: &Code) -> u32 {
        if code.freevars.is_empty() {
            return 0;
        }
        for fv in &code.freevars {
            let name = crate::vm::str_of(*fv).to_string();
            let i = self.deref_index(&name);
            self.emit(Op::LoadClosure(i));
        }
        self.emit(Op::BuildTuple(code.freevars.len() as u32));
        8
    }

    fn make_function(&mut self, code: Rc<Code>, fl: u32) {
        let cl = self.closure(&code);
        let u = self.unit();
        u.codes.push(code);
        let idx = (u.codes.len() - 1) as u32;
        self.emit(Op::MakeFunction(idx, fl | cl));
    }

    fn set_arg_counts(&mut self, p: &ast::Parameters) {
        let u = self.unit();
        u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
        u.posonly = p.posonlyargs.len() as u32;
        u.kwonly = p.kwonlyargs.len() as u32;
        if p.vararg.is_some() {
            u.flags |= flags::VARARGS;
        }
        if p.kwarg.is_some() {
            u.flags |= flags::VARKEYWORDS;
        }
    }

    fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult<()> {
        let scope = self.st.by_node[&node_key(f)];
        for d in &f.decorator_list {
            self.expr(&d.expression)?;
        }
        self.set_line(f.range.start());
        let mut fl = self.defaults(&f.parameters)?;
        fl |= self.annotations(&f.parameters, f.returns.as_deref())?;
        let qual = self.qualname_for(&f.name.id);
        let line = self.line_of(f.range.start());
        self.push_unit(scope, &f.name.id, &qual, line);
        self.set_arg_counts(&f.parameters);
        if let Some(d) = docstring(&f.body) {
            let v = self.vm.new_str(d);
            self.unit().doc = v;
        }
        let body: &'a [Stmt] = &f.body;
        self.stmts(body)?;
        self.load_const(Value::NONE);
        self.emit(Op::Return);
        let code = self.finish_unit();
        self.line = line;
        self.make_function(code, fl);
        for _ in &f.decorator_list {
            self.emit(Op::Call(1));
        }
        self.store_name(&f.name.id);
        Ok(())
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult<()> {
        if c.type_params.is_some() {
            return unsupported("type parameters", c.range.start());
        }
        for d in &c.decorator_list {
            self.expr(&d.expression)?;
        }
        self.set_line(c.range.start());
        let line = self.line;
        let scope = self.st.by_node[&node_key(c)];
        let qual = self.qualname_for(&c.name.id);
        self.emit(Op::LoadBuildClass);
        self.push_unit(scope, &c.name.id, &qual, line);
        // __module__ and __qualname__ in the namespace
        let mn = self.name("__name__");
        self.emit(Op::LoadGlobal(mn));
        let m = self.name("__module__");
        self.emit(Op::StoreName(m));
        let q = self.str_const(&qual);
        self.emit(Op::LoadConst(q));
        let qn = self.name("__qualname__");
        self.emit(Op::StoreName(qn));
        if let Some(d) = docstring(&c.body) {
            let di = self.str_const(d);
            self.emit(Op::LoadConst(di));
            let dn = self.name("__doc__");
            self.emit(Op::StoreName(dn));
        }
        self.setup_annotations(&c.body);
        self.stmts(&c.body)?;
        if self.st.scopes[scope].needs_class_cell {
            let i = self.deref_index("__class__");
            self.emit(Op::LoadClosure(i));
            let cc = self.name("__classcell__");
            self.emit(Op::StoreName(cc));
        }
        self.load_const(Value::NONE);
        self.emit(Op::Return);
        let code = self.finish_unit();
        self.line = line;
        self.make_function(code, 0);
        let n = self.str_const(&c.name.id);
        self.emit(Op::LoadConst(n));
        let (args, kws): (&[Expr], &[ast::Keyword]) = match &c.arguments {
            Some(a) => (&a.args, &a.keywords),
            None => (&[], &[]),
        };
        self.call_args(args, kws, 2)?;
        for _ in &c.decorator_list {
            self.emit(Op::Call(1));
        }
        self.store_name(&c.name.id);
        Ok(())
    }

    // ---- expressions ----------------------------------------------------------------

    /// Compiles `e`; its instructions carry `e`'s line and source range, as in
    /// CPython, so tracebacks can underline the failing expression.
    fn expr(&mut self, e: &'a Expr) -> CResult<()> {
        let saved = (self.line, self.pos);
        self.line = self.line_of(e.range().start());
        self.pos = (e.range().start().to_u32(), e.range().end().to_u32());
        let r = self.expr_inner(e);
        (self.line, self.pos) = saved;
        r
    }

    fn expr_inner(&mut self, e: &'a Expr) -> CResult<()> {
        match e {
            Expr::NumberLiteral(n) => {
                let v = match &n.value {
                    ast::Number::Int(i) => match i.as_i64() {
                        Some(x) => self.vm.new_int(x),
                        None => {
                            let b =
                                parse_big_literal(&i.to_string()).ok_or_else(|| CompileError {
                                    msg: "invalid int literal".into(),
                                    offset: n.range.start().to_u32(),
                                    end: n.range.start().to_u32(),
                                    kind: "SyntaxError",
                                })?;
                            self.vm.new_bigint(b)
                        }
                    },
                    ast::Number::Float(f) => Value::float(*f),
                    ast::Number::Complex { real, imag } => self.vm.new_complex(*real, *imag),
                };
                self.load_const(v);
            }
            Expr::StringLiteral(s) => {
                let text = s.value.to_str();
                let i = self.str_const(text);
                self.emit(Op::LoadConst(i));
            }
            Expr::BytesLiteral(b) => {
                let bytes: Vec<u8> = b
                    .value
                    .iter()
                    .flat_map(|p| p.value.iter().copied())
                    .collect();
                let v = self.vm.new_bytes(bytes);
                let i = self.add_const(v);
                self.emit(Op::LoadConst(i));
            }
            Expr::BooleanLiteral(b) => self.load_const(Value::bool(b.value)),
            Expr::NoneLiteral(_) => self.load_const(Value::NONE),
            Expr::EllipsisLiteral(_) => {
                let el = self.vm.ellipsis;
                self.load_const(el);
            }
            Expr::Name(n) => self.load_name(&n.id),
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Op::Binary(binop(b.op)));
            }
            Expr::UnaryOp(ast::ExprUnaryOp {
                op: ast::UnaryOp::USub,
                operand,
                ..
            }) if negated_literal(operand).is_some() => {
                // `-1` is a constant, as in CPython's compiler (the JIT sees a
                // constant index in `t[-1]`)
                let v = match negated_literal(operand).expect("checked by the guard") {
                    Ok(i) => self.vm.new_int(i),
                    Err(f) => Value::float(f),
                };
                self.load_const(v);
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::Not => UnOp::Not,
                    ast::UnaryOp::USub => UnOp::Neg,
                    ast::UnaryOp::UAdd => UnOp::Pos,
                    ast::UnaryOp::Invert => UnOp::Invert,
                };
                self.emit(Op::Unary(op));
            }
            Expr::BoolOp(b) => {
                let mut jumps = Vec::new();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < b.values.len() {
                        let j = match b.op {
                            ast::BoolOp::And => self.emit(Op::JumpIfFalseOrPop(0)),
                            ast::BoolOp::Or => self.emit(Op::JumpIfTrueOrPop(0)),
                        };
                        jumps.push(j);
                    }
                }
                for j in jumps {
                    self.patch(j);
                }
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::If(i) => {
                self.expr(&i.test)?;
                let j = self.emit(Op::PopJumpIfFalse(0));
                self.expr(&i.body)?;
                let end = self.emit(Op::Jump(0));
                self.patch(j);
                self.expr(&i.orelse)?;
                self.patch(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Op::Dup);
                self.store_target(&n.target)?;
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let n = self.attr_name(&a.attr.id);
                self.emit(Op::LoadAttr(n));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::Subscr);
            }
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(x) => self.expr(x)?,
                        None => self.load_const(Value::NONE),
                    }
                }
                match &s.step {
                    Some(x) => {
                        self.expr(x)?;
                        self.emit(Op::BuildSlice(3));
                    }
                    None => {
                        self.emit(Op::BuildSlice(2));
                    }
                }
            }
            Expr::Tuple(t) => {
                if t.elts.iter().any(|e| matches!(e, Expr::Starred(_))) {
                    self.starred_list(&t.elts)?;
                    self.emit(Op::ListToTuple);
                } else if let Some(v) = self.const_tuple(&t.elts) {
                    let i = self.add_const(v);
                    self.emit(Op::LoadConst(i));
                } else {
                    for x in &t.elts {
                        self.expr(x)?;
                    }
                    self.emit(Op::BuildTuple(t.elts.len() as u32));
                }
            }
            Expr::List(l) => {
                if l.elts.iter().any(|e| matches!(e, Expr::Starred(_))) {
                    self.starred_list(&l.elts)?;
                } else {
                    for x in &l.elts {
                        self.expr(x)?;
                    }
                    self.emit(Op::BuildList(l.elts.len() as u32));
                }
            }
            Expr::Set(s) => {
                if s.elts.iter().any(|e| matches!(e, Expr::Starred(_))) {
                    self.emit(Op::BuildSet(0));
                    for x in &s.elts {
                        match x {
                            Expr::Starred(st) => {
                                self.expr(&st.value)?;
                                self.emit(Op::SetUpdate(1));
                            }
                            _ => {
                                self.expr(x)?;
                                self.emit(Op::SetAdd(1));
                            }
                        }
                    }
                } else if s.elts.len() > 2
                    && let Some(t) = self.const_tuple(&s.elts)
                    && let Ok(fs) = crate::builtins::set::const_set_literal(self.vm, t)
                {
                    // As CPython: BUILD_SET 0, LOAD_CONST frozenset, SET_UPDATE (the
                    // constant's table layout decides the iteration order).
                    self.emit(Op::BuildSet(0));
                    self.load_const(fs);
                    self.emit(Op::SetUpdate(1));
                } else {
                    for x in &s.elts {
                        self.expr(x)?;
                    }
                    self.emit(Op::BuildSet(s.elts.len() as u32));
                }
            }
            Expr::Dict(d) => {
                if d.items.iter().any(|i| i.key.is_none()) {
                    self.emit(Op::BuildMap(0));
                    for it in &d.items {
                        match &it.key {
                            Some(k) => {
                                self.expr(k)?;
                                self.expr(&it.value)?;
                                self.emit(Op::MapAdd(1));
                            }
                            None => {
                                self.expr(&it.value)?;
                                self.emit(Op::DictUpdate(1));
                            }
                        }
                    }
                } else {
                    for it in &d.items {
                        self.expr(it.key.as_ref().unwrap())?;
                        self.expr(&it.value)?;
                    }
                    self.emit(Op::BuildMap(d.items.len() as u32));
                }
            }
            Expr::Call(c) => self.call(c)?,
            Expr::Lambda(l) => {
                let fl = match &l.parameters {
                    Some(p) => self.defaults(p)?,
                    None => 0,
                };
                let scope = self.st.by_node[&node_key(l)];
                let qual = self.qualname_for("<lambda>");
                let line = self.line;
                self.push_unit(scope, "<lambda>", &qual, line);
                if let Some(p) = &l.parameters {
                    self.set_arg_counts(p);
                }
                self.expr(&l.body)?;
                self.emit(Op::Return);
                let code = self.finish_unit();
                self.make_function(code, fl);
            }
            Expr::ListComp(c) => self.comprehension(
                node_key(c),
                "<listcomp>",
                &c.generators,
                CompKind::List(&c.elt),
            )?,
            Expr::SetComp(c) => self.comprehension(
                node_key(c),
                "<setcomp>",
                &c.generators,
                CompKind::Set(&c.elt),
            )?,
            Expr::DictComp(c) => {
                let Some(k) = &c.key else {
                    return err(
                        "dict unpacking cannot be used in dict comprehension",
                        c.range.start(),
                    );
                };
                self.comprehension(
                    node_key(c),
                    "<dictcomp>",
                    &c.generators,
                    CompKind::Dict(k, &c.value),
                )?
            }
            Expr::Generator(c) => self.comprehension(
                node_key(c),
                "<genexpr>",
                &c.generators,
                CompKind::Gen(&c.elt),
            )?,
            Expr::Yield(y) => {
                self.check_in_function("'yield' outside function", y.range.start())?;
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::NONE),
                }
                if self.in_async_function() {
                    self.emit(Op::AsyncGenWrap);
                }
                self.emit(Op::YieldValue);
            }
            Expr::YieldFrom(y) => {
                self.check_in_function("'yield from' outside function", y.range.start())?;
                if self.in_async_function() {
                    return self.err_here("'yield from' inside async function");
                }
                self.expr(&y.value)?;
                self.emit(Op::GetYieldFromIter);
                self.load_const(Value::NONE);
                let j = self.emit(Op::YieldFrom(0));
                self.patch(j);
            }
            Expr::FString(f) => self.fstring(f)?,
            Expr::Starred(s) => return err("can't use starred expression here", s.range.start()),
            Expr::Await(a) => self.await_expr(a)?,
            Expr::TString(t) => return unsupported("template strings", t.range.start()),
            Expr::IpyEscapeCommand(c) => return err("invalid syntax", c.range.start()),
        }
        Ok(())
    }

    fn check_in_function(&self, msg: &str, at: TextSize) -> CResult<()> {
        match self.scope_kind() {
            ScopeKind::Function | ScopeKind::Comprehension => Ok(()),
            _ => err(msg, at),
        }
    }

    /// A tuple of literal constants, folded at compile time.
    fn const_tuple(&mut self, elts: &'a [Expr]) -> Option<Value> {
        if elts.is_empty() {
            return Some(self.vm.empty_tuple);
        }
        let mut vals = Vec::new();
        for e in elts {
            let v = match e {
                Expr::NumberLiteral(n) => match &n.value {
                    ast::Number::Int(i) => self.vm.new_int(i.as_i64()?),
                    ast::Number::Float(f) => Value::float(*f),
                    _ => return None,
                },
                Expr::StringLiteral(s) => self.vm.intern(s.value.to_str()),
                Expr::BooleanLiteral(b) => Value::bool(b.value),
                Expr::NoneLiteral(_) => Value::NONE,
                _ => return None,
            };
            vals.push(v);
        }
        Some(self.vm.new_tuple(vals))
    }

    /// Builds a list from elements some of which are starred.
    fn starred_list(&mut self, elts: &'a [Expr]) -> CResult<()> {
        self.emit(Op::BuildList(0));
        for x in elts {
            match x {
                Expr::Starred(st) => {
                    self.expr(&st.value)?;
                    self.emit(Op::ListExtend(1));
                }
                _ => {
                    self.expr(x)?;
                    self.emit(Op::ListAppend(1));
                }
            }
        }
        Ok(())
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> CResult<()> {
        self.expr(&c.left)?;
        let n = c.ops.len();
        let mut cleanups = Vec::new();
        for (i, (op, right)) in c.ops.iter().zip(c.comparators.iter()).enumerate() {
            self.expr(right)?;
            if i + 1 < n {
                self.emit(Op::Dup);
                self.emit(Op::Rot3);
            }
            self.emit(cmp_op(*op));
            if i + 1 < n {
                cleanups.push(self.emit(Op::JumpIfFalseOrPop(0)));
            }
        }
        if !cleanups.is_empty() {
            let end = self.emit(Op::Jump(0));
            for j in cleanups {
                self.patch(j);
            }
            self.emit(Op::Rot2);
            self.emit(Op::Pop);
            self.patch(end);
        }
        Ok(())
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> CResult<()> {
        let args = &c.arguments;
        let simple =
            !args.args.iter().any(|a| matches!(a, Expr::Starred(_))) && args.keywords.is_empty();
        if let Expr::Attribute(a) = &*c.func
            && simple
        {
            self.expr(&a.value)?;
            let n = self.attr_name(&a.attr.id);
            self.emit(Op::LoadMethod(n));
            for x in args.args.iter() {
                self.expr(x)?;
            }
            self.set_line(c.range().start());
            let l = self.line_of(a.attr.range.start());
            self.line = l.max(self.line);
            self.emit(Op::CallMethod(args.args.len() as u32));
            return Ok(());
        }
        self.expr(&c.func)?;
        self.call_args(&args.args, &args.keywords, 0)
    }

    /// Emits the argument part of a call whose callee (plus `extra` positional
    /// arguments) is already on the stack.
    fn call_args(&mut self, args: &'a [Expr], kws: &'a [ast::Keyword], extra: u32) -> CResult<()> {
        let starred = args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || kws.iter().any(|k| k.arg.is_none());
        if starred {
            // Collect the extra positionals already on the stack into the list.
            self.emit(Op::BuildList(extra));
            for a in args {
                match a {
                    Expr::Starred(s) => {
                        self.expr(&s.value)?;
                        self.emit(Op::ListExtend(1));
                    }
                    _ => {
                        self.expr(a)?;
                        self.emit(Op::ListAppend(1));
                    }
                }
            }
            self.emit(Op::ListToTuple);
            if kws.is_empty() {
                self.emit(Op::CallEx(0));
            } else {
                self.emit(Op::BuildMap(0));
                for k in kws {
                    match &k.arg {
                        Some(name) => {
                            let n = self.str_const(&name.id);
                            self.emit(Op::LoadConst(n));
                            self.expr(&k.value)?;
                            self.emit(Op::BuildMap(1));
                            self.emit(Op::DictMerge(1));
                        }
                        None => {
                            self.expr(&k.value)?;
                            self.emit(Op::DictMerge(1));
                        }
                    }
                }
                self.emit(Op::CallEx(1));
            }
            return Ok(());
        }
        for a in args {
            self.expr(a)?;
        }
        if kws.is_empty() {
            self.emit(Op::Call(args.len() as u32 + extra));
        } else {
            let mut names = Vec::new();
            for k in kws {
                self.expr(&k.value)?;
                let name = k.arg.as_ref().unwrap();
                if names
                    .iter()
                    .any(|n: &Value| crate::vm::str_of(*n) == name.id.as_str())
                {
                    return err(
                        format!("keyword argument repeated: {}", name.id),
                        k.range.start(),
                    );
                }
                names.push(self.vm.intern(&name.id));
            }
            let t = self.vm.new_tuple(names);
            let ti = self.add_const(t);
            self.emit(Op::LoadConst(ti));
            self.emit(Op::CallKw(args.len() as u32 + kws.len() as u32 + extra));
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        key: usize,
        name: &str,
        gens: &'a [ast::Comprehension],
        kind: CompKind<'a>,
    ) -> CResult<()> {
        let scope = self.st.by_node[&key];
        let is_async = self.st.scopes[scope].is_async;
        let awaited = is_async && !matches!(kind, CompKind::Gen(_));
        if awaited && !self.in_async_function() && self.scope_kind() != ScopeKind::Comprehension {
            return self.err_here("asynchronous comprehension outside of an asynchronous function");
        }
        let qual = self.qualname_for(name);
        let line = self.line;
        self.expr(&gens[0].iter)?;
        self.emit(if gens[0].is_async {
            Op::GetAIter
        } else {
            Op::GetIter
        });
        self.push_unit(scope, name, &qual, line);
        self.unit().argcount = 1;
        match kind {
            CompKind::List(_) => {
                self.emit(Op::BuildList(0));
            }
            CompKind::Set(_) => {
                self.emit(Op::BuildSet(0));
            }
            CompKind::Dict(..) => {
                self.emit(Op::BuildMap(0));
            }
            CompKind::Gen(_) => {}
        }
        self.comp_level(gens, 0, &kind)?;
        if matches!(kind, CompKind::Gen(_)) {
            self.load_const(Value::NONE);
        }
        self.emit(Op::Return);
        let code = self.finish_unit();
        self.make_function(code, 0);
        self.emit(Op::Rot2);
        self.emit(Op::Call(1));
        if awaited {
            self.emit_await(0);
        }
        Ok(())
    }

    fn comp_level(
        &mut self,
        gens: &'a [ast::Comprehension],
        depth: usize,
        kind: &CompKind<'a>,
    ) -> CResult<()> {
        let g = &gens[depth];
        if depth == 0 {
            self.emit(Op::LoadFast(0));
        } else {
            self.expr(&g.iter)?;
            self.emit(Op::GetIter);
        }
        let slot = self.new_loop_slot();
        let start = self.emit(Op::LoopHeader(slot));
        let fi = if g.is_async {
            self.async_for_next()
        } else {
            self.emit(Op::ForIter(0))
        };
        self.store_target(&g.target)?;
        let mut skips = Vec::new();
        for cond in &g.ifs {
            self.expr(cond)?;
            skips.push(self.emit(Op::PopJumpIfFalse(0)));
        }
        if depth + 1 < gens.len() {
            self.comp_level(gens, depth + 1, kind)?;
        } else {
            // After popping the element, the accumulator sits below one iterator per
            // nesting level: `depth + 2` counts it from the top, 1-based.
            let d = (depth + 2) as u32;
            match kind {
                CompKind::List(e) => {
                    self.expr(e)?;
                    self.emit(Op::ListAppend(d));
                }
                CompKind::Set(e) => {
                    self.expr(e)?;
                    self.emit(Op::SetAdd(d));
                }
                CompKind::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Op::MapAdd(d));
                }
                CompKind::Gen(e) => {
                    self.expr(e)?;
                    if self.st.scopes[self.units.last().unwrap().scope].is_async {
                        self.emit(Op::AsyncGenWrap);
                    }
                    self.emit(Op::YieldValue);
                    self.emit(Op::Pop);
                }
            }
        }
        for s in skips {
            self.patch_to(s, start as u32);
        }
        self.emit(Op::Jump(start as u32));
        self.patch(fi);
        if g.is_async {
            // [aiter, exc]: StopAsyncIteration ends the loop
            self.emit(Op::EndAsyncFor);
        }
        Ok(())
    }

    fn fstring(&mut self, f: &'a ast::ExprFString) -> CResult<()> {
        let mut n = 0;
        for part in f.value.as_slice() {
            match part {
                ast::FStringPart::Literal(l) => {
                    if !l.value.is_empty() {
                        let i = self.str_const(&l.value);
                        self.emit(Op::LoadConst(i));
                        n += 1;
                    }
                }
                ast::FStringPart::FString(fs) => {
                    n += self.fstring_elements(&fs.elements)?;
                }
            }
        }
        if n == 0 {
            let i = self.str_const("");
            self.emit(Op::LoadConst(i));
        } else if n > 1 {
            self.emit(Op::BuildString(n));
        }
        Ok(())
    }

    fn fstring_elements(&mut self, els: &'a ast::InterpolatedStringElements) -> CResult<u32> {
        let mut n = 0;
        for el in els.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => {
                    let i = self.str_const(&l.value);
                    self.emit(Op::LoadConst(i));
                    n += 1;
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conv = match i.conversion {
                        ast::ConversionFlag::None => 0,
                        ast::ConversionFlag::Str => 1,
                        ast::ConversionFlag::Repr => 2,
                        ast::ConversionFlag::Ascii => 3,
                    };
                    if let Some(dbg) = &i.debug_text {
                        let text =
                            format!("{}{}{}", dbg.leading(), dbg.expression(), dbg.trailing());
                        let c = self.str_const(&text);
                        self.emit(Op::LoadConst(c));
                        n += 1;
                        if conv == 0 && i.format_spec.is_none() {
                            conv = 2;
                        }
                    }
                    self.expr(&i.expression)?;
                    let mut flags = conv;
                    if let Some(spec) = &i.format_spec {
                        let k = self.fstring_elements(&spec.elements)?;
                        if k == 0 {
                            let e = self.str_const("");
                            self.emit(Op::LoadConst(e));
                        } else if k > 1 {
                            self.emit(Op::BuildString(k));
                        }
                        flags |= 4;
                    }
                    self.emit(Op::FormatValue(flags));
                    n += 1;
                }
            }
        }
        Ok(n)
    }
}

/// The docstring of a body: its first statement, when that is a string literal.
/// Whether the module starts (after its docstring) with a `from __future__ import`
/// of `annotations`.
fn has_future_annotations(body: &[Stmt]) -> bool {
    let skip = usize::from(docstring(body).is_some());
    for st in &body[skip.min(body.len())..] {
        match st {
            Stmt::ImportFrom(i) if i.module.as_ref().is_some_and(|m| &*m.id == "__future__") => {
                if i.names.iter().any(|a| &*a.name.id == "annotations") {
                    return true;
                }
            }
            _ => return false,
        }
    }
    false
}

/// Whether a body has an annotated assignment of its own (in nested blocks, not
/// in nested functions or classes).
fn has_ann_assign(body: &[Stmt]) -> bool {
    body.iter().any(|st| match st {
        Stmt::AnnAssign(_) => true,
        Stmt::If(i) => {
            has_ann_assign(&i.body) || i.elif_else_clauses.iter().any(|c| has_ann_assign(&c.body))
        }
        Stmt::For(f) => has_ann_assign(&f.body) || has_ann_assign(&f.orelse),
        Stmt::While(w) => has_ann_assign(&w.body) || has_ann_assign(&w.orelse),
        Stmt::With(w) => has_ann_assign(&w.body),
        Stmt::Try(t) => {
            has_ann_assign(&t.body)
                || has_ann_assign(&t.orelse)
                || has_ann_assign(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    has_ann_assign(&h.body)
                })
        }
        _ => false,
    })
}

fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first()? {
        Stmt::Expr(e) => match &*e.value {
            Expr::StringLiteral(s) => Some(s.value.to_str()),
            _ => None,
        },
        _ => None,
    }
}

enum CompKind<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}

fn binop(op: ast::Operator) -> BinOp {
    match op {
        ast::Operator::Add => BinOp::Add,
        ast::Operator::Sub => BinOp::Sub,
        ast::Operator::Mult => BinOp::Mul,
        ast::Operator::MatMult => BinOp::MatMul,
        ast::Operator::Div => BinOp::TrueDiv,
        ast::Operator::Mod => BinOp::Mod,
        ast::Operator::Pow => BinOp::Pow,
        ast::Operator::LShift => BinOp::LShift,
        ast::Operator::RShift => BinOp::RShift,
        ast::Operator::BitOr => BinOp::Or,
        ast::Operator::BitXor => BinOp::Xor,
        ast::Operator::BitAnd => BinOp::And,
        ast::Operator::FloorDiv => BinOp::FloorDiv,
    }
}

fn cmp_op(op: ast::CmpOp) -> Op {
    match op {
        ast::CmpOp::Eq => Op::Compare(CmpOp::Eq),
        ast::CmpOp::NotEq => Op::Compare(CmpOp::Ne),
        ast::CmpOp::Lt => Op::Compare(CmpOp::Lt),
        ast::CmpOp::LtE => Op::Compare(CmpOp::Le),
        ast::CmpOp::Gt => Op::Compare(CmpOp::Gt),
        ast::CmpOp::GtE => Op::Compare(CmpOp::Ge),
        ast::CmpOp::Is => Op::Is(false),
        ast::CmpOp::IsNot => Op::Is(true),
        ast::CmpOp::In => Op::In(false),
        ast::CmpOp::NotIn => Op::In(true),
    }
}

fn describe_target(e: &Expr) -> &'static str {
    match e {
        Expr::Call(_) => "function call here. Maybe you meant '==' instead of '='?",
        Expr::NumberLiteral(_)
        | Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_)
        | Expr::EllipsisLiteral(_) => "literal here. Maybe you meant '==' instead of '='?",
        Expr::BinOp(_) | Expr::UnaryOp(_) => {
            "expression here. Maybe you meant '==' instead of '='?"
        }
        Expr::Compare(_) => "comparison here. Maybe you meant '==' instead of '='?",
        Expr::Lambda(_) => "lambda",
        _ => "expression",
    }
}

/// Parses an int literal token (`0x..`, `0o..`, `0b..`, decimal, with underscores).
pub fn parse_big_literal(tok: &str) -> Option<BigInt> {
    let t: String = tok.chars().filter(|c| *c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (digits, radix) = if let Some(r) = lower.strip_prefix("0x") {
        (r.to_string(), 16)
    } else if let Some(r) = lower.strip_prefix("0o") {
        (r.to_string(), 8)
    } else if let Some(r) = lower.strip_prefix("0b") {
        (r.to_string(), 2)
    } else {
        (lower, 10)
    };
    BigInt::from_str_radix(&digits, radix).ok()
}

/// For `t1, t2 = v1, v2` (or three of each): one target list, a tuple display of
/// as many values, no starred item on either side, the number of items.
fn swap_assign_len(a: &ast::StmtAssign) -> Option<usize> {
    let [target] = &a.targets[..] else {
        return None;
    };
    let targets = match target {
        Expr::Tuple(t) => &t.elts,
        Expr::List(l) => &l.elts,
        _ => return None,
    };
    let Expr::Tuple(values) = &*a.value else {
        return None;
    };
    let n = values.elts.len();
    let starred = |e: &Expr| matches!(e, Expr::Starred(_));
    ((n == 2 || n == 3)
        && targets.len() == n
        && !targets.iter().any(starred)
        && !values.elts.iter().any(starred))
    .then_some(n)
}

/// `-x` for an int literal that fits an i64 (Ok) or a float literal (Err).
fn negated_literal(operand: &Expr) -> Option<Result<i64, f64>> {
    let Expr::NumberLiteral(n) = operand else {
        return None;
    };
    match &n.value {
        ast::Number::Int(i) => i.as_i64().map(|x| Ok(-x)),
        ast::Number::Float(f) => Some(Err(-f)),
        ast::Number::Complex { .. } => None,
    }
}
