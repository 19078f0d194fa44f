//! Scope analysis: decides for every name in every scope whether it is a fast local, a
//! cell, a free variable, a global or a namespace name, before code generation.

use std::collections::{HashMap, HashSet};

use ruff_python_ast::{self as ast, Expr, Stmt};

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Comprehension,
}

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum NameKind {
    Local,
    Cell,
    Free,
    GlobalExplicit,
    GlobalImplicit,
    /// Module and class bodies: the namespace dict.
    Namespace,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub params: Vec<String>,
    pub bound: Vec<String>,
    bound_set: HashSet<String>,
    pub used: HashSet<String>,
    pub globals: HashSet<String>,
    pub nonlocals: HashSet<String>,
    pub children: Vec<usize>,
    pub parent: Option<usize>,
    pub is_generator: bool,
    /// An `async def`: calling it makes a coroutine.
    pub is_async: bool,
    /// Names this scope provides as cells to inner scopes.
    pub cells: Vec<String>,
    pub frees: Vec<String>,
    pub needs_class_cell: bool,
    /// The class whose private names (`__x`) this scope mangles: its own name
    /// for a class body, the enclosing one's for anything else.
    pub private: Option<String>,
}

/// CPython's `_Py_Mangle`: `__x` in class `C` (or a function in it) is `_C__x`;
/// dunder names, dotted names and classes named only by underscores are left.
pub fn mangle<'n>(private: Option<&str>, name: &'n str) -> std::borrow::Cow<'n, str> {
    let Some(cls) = private else {
        return name.into();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.into();
    }
    let cls = cls.trim_start_matches('_');
    if cls.is_empty() {
        return name.into();
    }
    format!("_{cls}{name}").into()
}

impl Scope {
    fn new(kind: ScopeKind, parent: Option<usize>) -> Scope {
        Scope {
            kind,
            params: Vec::new(),
            bound: Vec::new(),
            bound_set: HashSet::new(),
            used: HashSet::new(),
            globals: HashSet::new(),
            nonlocals: HashSet::new(),
            children: Vec::new(),
            parent,
            is_generator: false,
            is_async: false,
            cells: Vec::new(),
            frees: Vec::new(),
            needs_class_cell: false,
            private: None,
        }
    }

    fn bind(&mut self, name: &str) {
        if self.bound_set.insert(name.to_string()) {
            self.bound.push(name.to_string());
        }
    }

    pub fn is_bound(&self, name: &str) -> bool {
        self.bound_set.contains(name)
    }

    pub fn kind_of(&self, name: &str) -> NameKind {
        if self.globals.contains(name) {
            return NameKind::GlobalExplicit;
        }
        // A class body's own bindings live in its namespace even when methods need
        // the same name from an enclosing function (passed through as a free var).
        if self.kind == ScopeKind::Class && self.is_bound(name) && !self.nonlocals.contains(name) {
            return NameKind::Namespace;
        }
        if self.frees.iter().any(|n| n == name) {
            return NameKind::Free;
        }
        if self.cells.iter().any(|n| n == name) {
            return NameKind::Cell;
        }
        match self.kind {
            ScopeKind::Module => NameKind::GlobalImplicit,
            ScopeKind::Class => NameKind::Namespace,
            _ => {
                if self.is_bound(name) {
                    NameKind::Local
                } else {
                    NameKind::GlobalImplicit
                }
            }
        }
    }
}

pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    /// AST node address -> scope index.
    pub by_node: HashMap<usize, usize>,
}

pub struct ScopeError {
    pub msg: String,
    pub offset: u32,
}

pub fn node_key<T>(n: &T) -> usize {
    n as *const T as usize
}

pub fn analyze(module: &[Stmt]) -> Result<SymbolTable, ScopeError> {
    let mut b = Builder {
        st: SymbolTable {
            scopes: vec![Scope::new(ScopeKind::Module, None)],
            by_node: HashMap::new(),
        },
        cur: 0,
    };
    for s in module {
        b.stmt(s)?;
    }
    b.resolve(0)?;
    Ok(b.st)
}

struct Builder {
    st: SymbolTable,
    cur: usize,
}

impl Builder {
    fn scope(&mut self) -> &mut Scope {
        &mut self.st.scopes[self.cur]
    }

    fn push(&mut self, kind: ScopeKind, key: usize) -> usize {
        let idx = self.st.scopes.len();
        let mut scope = Scope::new(kind, Some(self.cur));
        scope.private = self.st.scopes[self.cur].private.clone();
        self.st.scopes.push(scope);
        self.st.scopes[self.cur].children.push(idx);
        self.st.by_node.insert(key, idx);
        let prev = self.cur;
        self.cur = idx;
        prev
    }

    fn mangled(&self, name: &str) -> String {
        mangle(self.st.scopes[self.cur].private.as_deref(), name).into_owned()
    }

    fn bind(&mut self, name: &str) {
        let name = self.mangled(name);
        self.scope().bind(&name);
    }

    fn use_name(&mut self, name: &str) {
        let name = self.mangled(name);
        let name = name.as_str();
        self.scope().used.insert(name.to_string());
        if name == "super" {
            // Zero-argument super() reads the implicit __class__ cell.
            self.scope().used.insert("__class__".to_string());
        }
    }

    fn params(&mut self, p: &ast::Parameters) -> Result<(), ScopeError> {
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            let n = self.mangled(&a.parameter.name.id);
            self.scope().params.push(n);
            self.bind(&a.parameter.name.id);
        }
        // CPython's layout: positional, keyword-only, then *args and **kwargs.
        for a in p.kwonlyargs.iter() {
            let n = self.mangled(&a.parameter.name.id);
            self.scope().params.push(n);
            self.bind(&a.parameter.name.id);
        }
        if let Some(v) = &p.vararg {
            let n = self.mangled(&v.name.id);
            self.scope().params.push(n);
            self.bind(&v.name.id);
        }
        if let Some(v) = &p.kwarg {
            let n = self.mangled(&v.name.id);
            self.scope().params.push(n);
            self.bind(&v.name.id);
        }
        Ok(())
    }

    fn param_defaults(&mut self, p: &ast::Parameters) -> Result<(), ScopeError> {
        for a in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
            if let Some(an) = &a.parameter.annotation {
                self.expr(an)?;
            }
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), ScopeError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), ScopeError> {
        match s {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.param_defaults(&f.parameters)?;
                if let Some(r) = &f.returns {
                    self.expr(r)?;
                }
                self.bind(&f.name.id);
                let prev = self.push(ScopeKind::Function, node_key(f));
                self.scope().is_async = f.is_async;
                self.params(&f.parameters)?;
                self.stmts(&f.body)?;
                self.cur = prev;
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(&d.expression)?;
                }
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.expr(a)?;
                    }
                    for k in args.keywords.iter() {
                        self.expr(&k.value)?;
                    }
                }
                self.bind(&c.name.id);
                let prev = self.push(ScopeKind::Class, node_key(c));
                self.scope().private = Some(c.name.id.to_string());
                self.stmts(&c.body)?;
                self.cur = prev;
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.target(t)?;
                }
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                for t in &a.targets {
                    self.target(t)?;
                }
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.value)?;
                if let Expr::Name(n) = &*a.target {
                    self.use_name(&n.id);
                }
                self.target(&a.target)?;
            }
            Stmt::AnnAssign(a) => {
                // a module's or class's annotations are evaluated there (an
                // enclosing function's names are free in a class body)
                if matches!(self.scope().kind, ScopeKind::Module | ScopeKind::Class) {
                    self.expr(&a.annotation)?;
                }
                if let Some(v) = &a.value {
                    self.expr(v)?;
                    self.target(&a.target)?;
                } else if !matches!(&*a.target, Expr::Name(_)) {
                    self.expr(&a.target)?;
                } else if let Expr::Name(n) = &*a.target
                    && self.scope().kind != ScopeKind::Module
                    && self.scope().kind != ScopeKind::Class
                {
                    // `x: int` without value still makes x local in a function.
                    let id = n.id.to_string();
                    self.bind(&id);
                }
            }
            Stmt::For(f) => {
                self.expr(&f.iter)?;
                self.target(&f.target)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.target(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.expr(c)?;
                }
            }
            Stmt::Try(t) => {
                self.stmts(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.bind(&n.id);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.orelse)?;
                self.stmts(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let name = match &a.asname {
                        Some(n) => n.id.to_string(),
                        None => a.name.id.split('.').next().unwrap_or("").to_string(),
                    };
                    self.bind(&name);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if &*a.name.id == "*" {
                        continue;
                    }
                    let name = a.asname.as_ref().unwrap_or(&a.name).id.to_string();
                    self.bind(&name);
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    let m = self.mangled(&n.id);
                    if self.scope().is_bound(&m) || self.scope().used.contains(m.as_str()) {
                        let kind = if self.scope().params.contains(&m) {
                            "parameter"
                        } else if self.scope().is_bound(&m) {
                            "assigned to"
                        } else {
                            "used"
                        };
                        if kind == "parameter" {
                            return Err(ScopeError {
                                msg: format!("name '{}' is parameter and global", n.id),
                                offset: n.range.start().to_u32(),
                            });
                        }
                        return Err(ScopeError {
                            msg: format!("name '{}' is {} before global declaration", n.id, kind),
                            offset: n.range.start().to_u32(),
                        });
                    }
                    self.scope().globals.insert(m);
                }
            }
            Stmt::Nonlocal(g) => {
                if self.scope().kind == ScopeKind::Module {
                    return Err(ScopeError {
                        msg: "nonlocal declaration not allowed at module level".into(),
                        offset: g.range.start().to_u32(),
                    });
                }
                for n in &g.names {
                    let m = self.mangled(&n.id);
                    self.scope().nonlocals.insert(m);
                }
            }
            Stmt::Expr(e) => self.expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::Match(m) => {
                self.expr(&m.subject)?;
                for case in &m.cases {
                    self.pattern(&case.pattern)?;
                    if let Some(g) = &case.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&case.body)?;
                }
            }
            Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => {}
        }
        Ok(())
    }

    /// A `case` pattern: binds its capture names, evaluates its values and classes.
    fn pattern(&mut self, p: &ast::Pattern) -> Result<(), ScopeError> {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => self.expr(&v.value)?,
            P::MatchSingleton(_) => {}
            P::MatchSequence(s) => {
                for q in &s.patterns {
                    self.pattern(q)?;
                }
            }
            P::MatchMapping(m) => {
                for k in &m.keys {
                    self.expr(k)?;
                }
                for q in &m.patterns {
                    self.pattern(q)?;
                }
                if let Some(r) = &m.rest {
                    self.bind(&r.id);
                }
            }
            P::MatchClass(c) => {
                self.expr(&c.cls)?;
                for q in &c.arguments.patterns {
                    self.pattern(q)?;
                }
                for k in &c.arguments.keywords {
                    self.pattern(&k.pattern)?;
                }
            }
            P::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.bind(&n.id);
                }
            }
            P::MatchAs(a) => {
                if let Some(q) = &a.pattern {
                    self.pattern(q)?;
                }
                if let Some(n) = &a.name {
                    self.bind(&n.id);
                }
            }
            P::MatchOr(o) => {
                for q in &o.patterns {
                    self.pattern(q)?;
                }
            }
        }
        Ok(())
    }

    /// An assignment target: binds names, evaluates the rest.
    fn target(&mut self, t: &Expr) -> Result<(), ScopeError> {
        match t {
            Expr::Name(n) => {
                let id = n.id.to_string();
                self.bind(&id);
            }
            Expr::Tuple(tu) => {
                for e in &tu.elts {
                    self.target(e)?;
                }
            }
            Expr::List(l) => {
                for e in &l.elts {
                    self.target(e)?;
                }
            }
            Expr::Starred(s) => self.target(&s.value)?,
            Expr::Attribute(a) => self.expr(&a.value)?,
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            other => self.expr(other)?,
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        key: usize,
        gens: &[ast::Comprehension],
        elts: &[&Expr],
        is_gen: bool,
    ) -> Result<(), ScopeError> {
        // The first iterable is evaluated in the enclosing scope.
        self.expr(&gens[0].iter)?;
        let prev = self.push(ScopeKind::Comprehension, key);
        self.scope().params.push(".0".to_string());
        self.bind(".0");
        self.scope().is_generator = is_gen;
        self.scope().is_async = gens.iter().any(|g| g.is_async);
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            for cond in &g.ifs {
                self.expr(cond)?;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        // an async list/set/dict comprehension is awaited where it is built, so a
        // comprehension around it is asynchronous too
        let awaited = self.scope().is_async && !is_gen;
        self.cur = prev;
        if awaited && self.scope().kind == ScopeKind::Comprehension {
            self.scope().is_async = true;
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), ScopeError> {
        match e {
            Expr::Name(n) => {
                let id = n.id.to_string();
                if matches!(n.ctx, ast::ExprContext::Store) {
                    self.bind(&id);
                } else {
                    self.use_name(&id);
                }
            }
            Expr::BoolOp(b) => {
                for v in &b.values {
                    self.expr(v)?;
                }
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                if let Expr::Name(name) = &*n.target {
                    let mid = self.mangled(&name.id);
                    // Inside a comprehension, the walrus binds in the enclosing function.
                    let mut s = self.cur;
                    while self.st.scopes[s].kind == ScopeKind::Comprehension {
                        self.st.scopes[s].nonlocals.insert(mid.clone());
                        s = self.st.scopes[s].parent.unwrap_or(0);
                    }
                    if s != self.cur && self.st.scopes[s].kind == ScopeKind::Module {
                        let mut c = self.cur;
                        while c != s {
                            self.st.scopes[c].nonlocals.remove(mid.as_str());
                            self.st.scopes[c].globals.insert(mid.clone());
                            c = self.st.scopes[c].parent.unwrap_or(0);
                        }
                    }
                    self.st.scopes[s].bind(&mid);
                }
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.param_defaults(p)?;
                }
                let prev = self.push(ScopeKind::Function, node_key(l));
                if let Some(p) = &l.parameters {
                    self.params(p)?;
                }
                self.expr(&l.body)?;
                self.cur = prev;
            }
            Expr::If(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for it in &d.items {
                    if let Some(k) = &it.key {
                        self.expr(k)?;
                    }
                    self.expr(&it.value)?;
                }
            }
            Expr::Set(s) => {
                for x in &s.elts {
                    self.expr(x)?;
                }
            }
            Expr::ListComp(c) => {
                self.comprehension(node_key(c), &c.generators, &[&c.elt], false)?
            }
            Expr::SetComp(c) => self.comprehension(node_key(c), &c.generators, &[&c.elt], false)?,
            Expr::Generator(c) => {
                self.comprehension(node_key(c), &c.generators, &[&c.elt], true)?
            }
            Expr::DictComp(c) => {
                let mut elts: Vec<&Expr> = vec![&c.value];
                if let Some(k) = &c.key {
                    elts.insert(0, k);
                }
                self.comprehension(node_key(c), &c.generators, &elts, false)?
            }
            Expr::Await(a) => {
                self.expr(&a.value)?;
                if self.scope().kind == ScopeKind::Comprehension {
                    self.scope().is_async = true;
                }
            }
            Expr::Yield(y) => {
                self.scope().is_generator = true;
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
            }
            Expr::YieldFrom(y) => {
                self.scope().is_generator = true;
                self.expr(&y.value)?;
            }
            Expr::Compare(c) => {
                self.expr(&c.left)?;
                for x in c.comparators.iter() {
                    self.expr(x)?;
                }
            }
            Expr::Call(c) => {
                self.expr(&c.func)?;
                for a in c.arguments.args.iter() {
                    self.expr(a)?;
                }
                for k in c.arguments.keywords.iter() {
                    self.expr(&k.value)?;
                }
            }
            Expr::FString(f) => {
                for part in f.value.as_slice() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.fstring_elements(&fs.elements)?;
                    }
                }
            }
            Expr::Attribute(a) => self.expr(&a.value)?,
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            Expr::Starred(s) => self.expr(&s.value)?,
            Expr::List(l) => {
                for x in &l.elts {
                    self.expr(x)?;
                }
            }
            Expr::Tuple(t) => {
                for x in &t.elts {
                    self.expr(x)?;
                }
            }
            Expr::Slice(s) => {
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::TString(_)
            | Expr::IpyEscapeCommand(_) => {}
        }
        Ok(())
    }

    fn fstring_elements(
        &mut self,
        els: &ast::InterpolatedStringElements,
    ) -> Result<(), ScopeError> {
        for el in els.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.expr(&i.expression)?;
                if let Some(spec) = &i.format_spec {
                    self.fstring_elements(&spec.elements)?;
                }
            }
        }
        Ok(())
    }

    /// Second pass: decide cells and free variables, innermost scopes first.
    fn resolve(&mut self, idx: usize) -> Result<(), ScopeError> {
        let children = self.st.scopes[idx].children.clone();
        for c in children {
            self.resolve(c)?;
        }
        // Names this scope needs from outside: nonlocals, and used-but-unbound names
        // (non-module scopes) that an enclosing function binds.
        let scope = &self.st.scopes[idx];
        if scope.kind == ScopeKind::Module {
            return Ok(());
        }
        let mut wanted: Vec<String> = scope.nonlocals.iter().cloned().collect();
        for u in &scope.used {
            if !scope.is_bound(u) && !scope.globals.contains(u) && !scope.nonlocals.contains(u) {
                wanted.push(u.clone());
            }
        }
        // Frees required by children pass through this scope if not bound here.
        let child_frees: Vec<String> = scope
            .children
            .iter()
            .flat_map(|c| self.st.scopes[*c].frees.clone())
            .collect();
        for f in child_frees {
            let s = &self.st.scopes[idx];
            if s.kind == ScopeKind::Class {
                if f == "__class__" {
                    continue;
                }
                wanted.push(f);
                continue;
            }
            if !s.is_bound(&f) || s.nonlocals.contains(&f) {
                wanted.push(f);
            }
        }
        wanted.sort();
        wanted.dedup();
        let mut frees = Vec::new();
        for name in wanted {
            // Find an enclosing function scope that binds it (skipping classes).
            let mut p = self.st.scopes[idx].parent;
            let mut found = false;
            while let Some(pi) = p {
                let ps = &self.st.scopes[pi];
                match ps.kind {
                    ScopeKind::Module => break,
                    ScopeKind::Class => {
                        if name == "__class__" {
                            found = true;
                            break;
                        }
                    }
                    _ => {
                        if ps.globals.contains(&name) {
                            break;
                        }
                        if ps.is_bound(&name) && !ps.nonlocals.contains(&name) {
                            found = true;
                            break;
                        }
                    }
                }
                p = ps.parent;
            }
            if found {
                frees.push(name);
            } else if self.st.scopes[idx].nonlocals.contains(&name)
                && self.st.scopes[idx].kind != ScopeKind::Comprehension
            {
                return Err(ScopeError {
                    msg: format!("no binding for nonlocal '{name}' found"),
                    offset: 0,
                });
            }
        }
        // Mark the providing scopes' cells.
        for name in &frees {
            let mut p = self.st.scopes[idx].parent;
            while let Some(pi) = p {
                let ps = &mut self.st.scopes[pi];
                if ps.kind == ScopeKind::Class && name == "__class__" {
                    ps.needs_class_cell = true;
                    if !ps.cells.contains(name) {
                        ps.cells.push(name.clone());
                    }
                    break;
                }
                if ps.kind != ScopeKind::Class && ps.is_bound(name) && !ps.nonlocals.contains(name)
                {
                    if !ps.cells.contains(name) {
                        ps.cells.push(name.clone());
                    }
                    break;
                }
                p = ps.parent;
            }
        }
        self.st.scopes[idx].frees = frees;
        // A class scope's frees for its methods: a name bound in the class body is not
        // provided to methods (class scopes are skipped), so intermediate frees pass.
        Ok(())
    }
}
