//! `match` statements, compiled as CPython 3.11 compiles them.
//!
//! A pattern consumes the subject on top of the stack. What it captures is kept
//! on the stack (below the values the pattern still works on) and stored only
//! once the whole pattern matched, so a failed case binds nothing. A failure
//! jumps to a "fail pop" label that pops what the pattern left on the stack: the
//! label for `n` pops falls through `n` `Pop`s into the case's end.

use ruff_python_ast::{self as ast, Expr, Pattern};
use ruff_text_size::{Ranged, TextRange};

use super::{CResult, Compiler, err};
use crate::compiler::bytecode::{BinOp, CmpOp, Op};
use crate::value::Value;

/// The state of one case's pattern being compiled.
struct PatCtx {
    /// Names captured so far; their values are on the stack, the first on top.
    stores: Vec<String>,
    /// Whether an irrefutable pattern is allowed here (not before other cases).
    allow_irrefutable: bool,
    /// Per number of values to pop, the jumps to that failure label.
    fail_pop: Vec<Vec<usize>>,
    /// Values above the captures that the pattern still needs.
    on_top: usize,
}

impl PatCtx {
    fn new(allow_irrefutable: bool) -> PatCtx {
        PatCtx {
            stores: Vec::new(),
            allow_irrefutable,
            fail_pop: Vec::new(),
            on_top: 0,
        }
    }
}

/// `_` (ruff leaves a wildcard's name out).
fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

impl<'a> Compiler<'a> {
    fn set_loc(&mut self, r: TextRange) {
        self.set_line(r.start());
        self.pos = (r.start().to_u32(), r.end().to_u32());
    }

    pub(super) fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> CResult<()> {
        self.expr(&m.subject)?;
        let cases = m.cases.len();
        let last = &m.cases[cases - 1];
        let has_default = is_wildcard(&last.pattern) && cases > 1;
        let looped = cases - usize::from(has_default);
        let mut ends = Vec::new();
        for (i, case) in m.cases[..looped].iter().enumerate() {
            self.set_loc(case.pattern.range());
            // the subject stays for the next case, unless this is the last
            let keep = i != looped - 1;
            if keep {
                self.emit(Op::Dup);
            }
            let mut pc = PatCtx::new(case.guard.is_some() || i == cases - 1);
            self.pattern(&case.pattern, &mut pc)?;
            for name in std::mem::take(&mut pc.stores) {
                self.store_name(&name);
            }
            if let Some(g) = &case.guard {
                self.expr(g)?;
                let j = self.emit(Op::PopJumpIfFalse(0));
                add_fail(&mut pc, 0, j);
            }
            if keep {
                self.emit(Op::Pop);
            }
            self.stmts(&case.body)?;
            ends.push(self.emit(Op::Jump(0)));
            self.set_loc(case.pattern.range());
            self.emit_fail_pop(&mut pc);
        }
        if has_default {
            self.set_loc(last.pattern.range());
            self.emit(Op::Nop);
            if let Some(g) = &last.guard {
                self.expr(g)?;
                ends.push(self.emit(Op::PopJumpIfFalse(0)));
            }
            self.stmts(&last.body)?;
        }
        for j in ends {
            self.patch(j);
        }
        Ok(())
    }

    /// Jumps (with `op`, a jump with operand 0) to the label popping everything
    /// the pattern has on the stack.
    fn jump_to_fail_pop(&mut self, pc: &mut PatCtx, op: Op) {
        let pops = pc.on_top + pc.stores.len();
        let j = self.emit(op);
        add_fail(pc, pops, j);
    }

    /// The failure labels, most pops first, each falling into the next.
    fn emit_fail_pop(&mut self, pc: &mut PatCtx) {
        let labels = std::mem::take(&mut pc.fail_pop);
        for (n, jumps) in labels.iter().enumerate().rev() {
            for &j in jumps {
                self.patch(j);
            }
            if n > 0 {
                self.emit(Op::Pop);
            }
        }
    }

    /// Moves TOS down to be the `count`-th item.
    fn rotate(&mut self, count: usize) {
        match count {
            0 | 1 => {}
            2 => {
                self.emit(Op::Rot2);
            }
            3 => {
                self.emit(Op::Rot3);
            }
            n => {
                self.emit(Op::Rot(n as u32));
            }
        }
    }

    /// A capture: the value on top goes below everything the pattern keeps.
    fn pattern_store(&mut self, name: Option<&ast::Identifier>, pc: &mut PatCtx) -> CResult<()> {
        let Some(n) = name else {
            self.emit(Op::Pop);
            return Ok(());
        };
        if pc.stores.iter().any(|s| s == n.id.as_str()) {
            return self.err_here(format!(
                "multiple assignments to name '{}' in pattern",
                n.id
            ));
        }
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(n.id.to_string());
        Ok(())
    }

    /// A sub-pattern: irrefutable ones are allowed.
    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatCtx) -> CResult<()> {
        let allow = std::mem::replace(&mut pc.allow_irrefutable, true);
        let r = self.pattern(p, pc);
        pc.allow_irrefutable = allow;
        r
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatCtx) -> CResult<()> {
        self.set_loc(p.range());
        match p {
            Pattern::MatchValue(v) => {
                self.expr(&v.value)?;
                self.set_loc(p.range());
                self.emit(Op::Compare(CmpOp::Eq));
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    ast::Singleton::None => Value::NONE,
                    ast::Singleton::True => Value::TRUE,
                    ast::Singleton::False => Value::FALSE,
                });
                self.emit(Op::Is(false));
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
            }
            Pattern::MatchSequence(s) => self.pattern_sequence(&s.patterns, pc)?,
            Pattern::MatchMapping(m) => self.pattern_mapping(m, pc)?,
            Pattern::MatchClass(c) => self.pattern_class(c, pc)?,
            Pattern::MatchStar(s) => self.pattern_store(s.name.as_ref(), pc)?,
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        let msg = match &a.name {
                            Some(n) => format!(
                                "name capture '{}' makes remaining patterns unreachable",
                                n.id
                            ),
                            None => "wildcard makes remaining patterns unreachable".to_string(),
                        };
                        return self.err_here(msg);
                    }
                    self.pattern_store(a.name.as_ref(), pc)?;
                }
                Some(sub) => {
                    // a copy to store once the sub-pattern matched
                    pc.on_top += 1;
                    self.emit(Op::Dup);
                    self.pattern(sub, pc)?;
                    pc.on_top -= 1;
                    self.pattern_store(a.name.as_ref(), pc)?;
                }
            },
            Pattern::MatchOr(o) => self.pattern_or(o, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(&mut self, pats: &'a [Pattern], pc: &mut PatCtx) -> CResult<()> {
        let size = pats.len();
        let mut star = None;
        let mut only_wildcard = true;
        for (i, q) in pats.iter().enumerate() {
            if let Pattern::MatchStar(_) = q {
                if star.is_some() {
                    return self.err_here("multiple starred names in sequence pattern");
                }
                star = Some(i);
            }
            only_wildcard &= is_wildcard(q) || is_star_wildcard(q);
        }
        let star_wildcard = star.is_some_and(|i| is_star_wildcard(&pats[i]));
        // the subject stays on top through the type and length checks
        pc.on_top += 1;
        self.emit(Op::MatchSequence);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
        let len_check = match star {
            None => Some((size, CmpOp::Eq)),
            Some(_) if size > 1 => Some((size - 1, CmpOp::Ge)),
            Some(_) => None,
        };
        if let Some((n, cmp)) = len_check {
            self.emit(Op::GetLen);
            let k = self.vm.new_int(n as i64);
            self.load_const(k);
            self.emit(Op::Compare(cmp));
            self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Op::Pop);
        } else if star_wildcard {
            // `[a, *_, b]`: index the items instead of unpacking them all
            let star = star.unwrap_or(size);
            pc.on_top += 1;
            for (i, q) in pats.iter().enumerate() {
                if is_wildcard(q) || i == star {
                    continue;
                }
                self.emit(Op::Dup);
                if i < star {
                    let k = self.vm.new_int(i as i64);
                    self.load_const(k);
                } else {
                    // (the subject may not support negative indices)
                    self.emit(Op::GetLen);
                    let k = self.vm.new_int((size - i) as i64);
                    self.load_const(k);
                    self.emit(Op::Binary(BinOp::Sub));
                }
                self.emit(Op::Subscr);
                self.subpattern(q, pc)?;
            }
            pc.on_top -= 1;
            self.emit(Op::Pop);
        } else {
            match star {
                None => self.emit(Op::UnpackSequence(size as u32)),
                Some(i) => self.emit(Op::UnpackEx((i | ((size - i - 1) << 16)) as u32)),
            };
            pc.on_top += size;
            for q in pats {
                pc.on_top -= 1;
                self.subpattern(q, pc)?;
            }
        }
        Ok(())
    }

    fn pattern_mapping(&mut self, m: &'a ast::PatternMatchMapping, pc: &mut PatCtx) -> CResult<()> {
        let size = m.keys.len();
        pc.on_top += 1;
        self.emit(Op::MatchMapping);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
        if size == 0 && m.rest.is_none() {
            // `{}`: any mapping
            pc.on_top -= 1;
            self.emit(Op::Pop);
            return Ok(());
        }
        if size > 0 {
            self.emit(Op::GetLen);
            let k = self.vm.new_int(size as i64);
            self.load_const(k);
            self.emit(Op::Compare(CmpOp::Ge));
            self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
        }
        let mut seen: Vec<String> = Vec::new();
        for key in &m.keys {
            match literal_key(key) {
                Some(desc) => {
                    if seen.contains(&desc) {
                        let msg = format!("mapping pattern checks duplicate key ({desc})");
                        return self.err_here(msg);
                    }
                    seen.push(desc);
                }
                None if matches!(key, Expr::Attribute(_)) => {}
                None => {
                    return err(
                        "mapping pattern keys may only match literals and attribute lookups",
                        key.range().start(),
                    );
                }
            }
            self.expr(key)?;
        }
        self.set_loc(m.range);
        self.emit(Op::BuildTuple(size as u32));
        self.emit(Op::MatchKeys);
        // [subject, keys, values or None]
        pc.on_top += 2;
        self.emit(Op::Dup);
        self.load_const(Value::NONE);
        self.emit(Op::Is(true));
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
        if size == 0 {
            self.emit(Op::Pop);
        } else {
            self.emit(Op::UnpackSequence(size as u32));
        }
        pc.on_top = pc.on_top + size - 1;
        for q in &m.patterns {
            pc.on_top -= 1;
            self.subpattern(q, pc)?;
        }
        // matched: what follows consumes the keys and the subject
        pc.on_top -= 2;
        match &m.rest {
            Some(rest) => {
                self.emit(Op::CopyDictWithout);
                self.pattern_store(Some(rest), pc)?;
            }
            None => {
                self.emit(Op::Pop);
                self.emit(Op::Pop);
            }
        }
        Ok(())
    }

    fn pattern_class(&mut self, c: &'a ast::PatternMatchClass, pc: &mut PatCtx) -> CResult<()> {
        let args = &c.arguments;
        let (nargs, nattrs) = (args.patterns.len(), args.keywords.len());
        let mut names = Vec::with_capacity(nattrs);
        for (i, k) in args.keywords.iter().enumerate() {
            if args.keywords[..i].iter().any(|o| o.attr.id == k.attr.id) {
                let msg = format!("attribute name repeated in class pattern: {}", k.attr.id);
                self.set_loc(k.pattern.range());
                return self.err_here(msg);
            }
            names.push(self.vm.intern(&k.attr.id));
        }
        self.expr(&c.cls)?;
        let t = self.vm.new_tuple(names);
        self.load_const(t);
        self.set_loc(c.range);
        self.emit(Op::MatchClass(nargs as u32));
        self.emit(Op::Dup);
        self.load_const(Value::NONE);
        self.emit(Op::Is(true));
        // the tuple of attributes (or None)
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
        let n = nargs + nattrs;
        if n == 0 {
            self.emit(Op::Pop);
        } else {
            self.emit(Op::UnpackSequence(n as u32));
        }
        pc.on_top = pc.on_top + n - 1;
        let subs = args
            .patterns
            .iter()
            .chain(args.keywords.iter().map(|k| &k.pattern));
        for q in subs {
            pc.on_top -= 1;
            if is_wildcard(q) {
                self.emit(Op::Pop);
                continue;
            }
            self.subpattern(q, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, o: &'a ast::PatternMatchOr, pc: &mut PatCtx) -> CResult<()> {
        let mut ends = Vec::new();
        let outer_allow = pc.allow_irrefutable;
        let outer_fail = std::mem::take(&mut pc.fail_pop);
        let outer_stores = std::mem::take(&mut pc.stores);
        let outer_on_top = pc.on_top;
        // the names the first alternative binds, in the order the others must
        // leave them on the stack
        let mut control: Option<Vec<String>> = None;
        let size = o.patterns.len();
        for (i, alt) in o.patterns.iter().enumerate() {
            self.set_loc(alt.range());
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == size - 1 && outer_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Op::Dup);
            self.pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) => {
                    if ctl.len() != pc.stores.len() {
                        return self.err_here("alternative patterns bind different names");
                    }
                    for icontrol in (0..ctl.len()).rev() {
                        let Some(istores) = pc.stores.iter().position(|s| *s == ctl[icontrol])
                        else {
                            return self.err_here("alternative patterns bind different names");
                        };
                        if icontrol != istores {
                            // move the captures into the control order
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            pc.stores.splice(at..at, rotated);
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1);
                            }
                        }
                    }
                }
            }
            ends.push(self.emit(Op::Jump(0)));
            self.emit_fail_pop(pc);
        }
        pc.stores = outer_stores;
        pc.fail_pop = outer_fail;
        pc.on_top = outer_on_top;
        pc.allow_irrefutable = outer_allow;
        // no alternative matched: pop the subject and fail
        self.set_loc(o.range);
        self.emit(Op::Pop);
        self.jump_to_fail_pop(pc, Op::Jump(0));
        for j in ends {
            self.patch(j);
        }
        let control = control.unwrap_or_default();
        // the captures go below the subject, what the pattern keeps, and the
        // captures before this pattern
        let nrots = control.len() + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                let msg = format!("multiple assignments to name '{name}' in pattern");
                return self.err_here(msg);
            }
            pc.stores.push(name);
        }
        // the subject's copy
        self.emit(Op::Pop);
        Ok(())
    }
}

fn add_fail(pc: &mut PatCtx, pops: usize, jump: usize) {
    if pc.fail_pop.len() <= pops {
        pc.fail_pop.resize_with(pops + 1, Vec::new);
    }
    pc.fail_pop[pops].push(jump);
}

/// A mapping pattern's literal key as CPython's duplicate-key error shows it.
fn literal_key(key: &Expr) -> Option<String> {
    Some(match key {
        Expr::StringLiteral(s) => py_repr_str(s.value.to_str()),
        Expr::BytesLiteral(_) => format!("{key:?}"),
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => i.to_string(),
            ast::Number::Float(f) => format!("{f:?}"),
            ast::Number::Complex { real, imag } => format!("{real}+{imag}j"),
        },
        Expr::BooleanLiteral(b) => if b.value { "True" } else { "False" }.to_string(),
        Expr::NoneLiteral(_) => "None".to_string(),
        Expr::UnaryOp(u) => format!("-{}", literal_key(&u.operand)?),
        Expr::BinOp(b) => format!("{}+{}", literal_key(&b.left)?, literal_key(&b.right)?),
        _ => return None,
    })
}

fn py_repr_str(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(q);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}
