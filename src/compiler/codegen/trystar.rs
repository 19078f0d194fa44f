//! `try`/`except*`, compiled as CPython 3.11 compiles it: each clause takes the
//! part of the exception (group) its type matches (`CheckEgMatch`), what clauses
//! raise is collected in a list, and `PrepReraiseStar` works out what to raise
//! at the end (nothing, the unmatched rest, or a group of both).

use ruff_python_ast as ast;

use super::{CResult, Compiler, FBlock, err};
use crate::compiler::bytecode::Op;
use crate::value::Value;

impl<'a> Compiler<'a> {
    /// SyntaxError for `break`/`continue`/`return` leaving an `except*` clause
    /// (`from` is the index of the first fblock the statement leaves).
    pub(super) fn check_except_star_exit(&mut self, from: usize) -> CResult<()> {
        if self.unit().fblocks[from..]
            .iter()
            .any(|b| matches!(b, FBlock::ExceptStar))
        {
            return self
                .err_here("'break', 'continue' and 'return' cannot appear in an except* block");
        }
        Ok(())
    }

    pub(super) fn try_except_star(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        let setup = self.emit(Op::SetupExcept(0));
        self.unit().fblocks.push(FBlock::TryExcept);
        self.stmts(&t.body)?;
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.stmts(&t.orelse)?;
        let mut to_end = vec![self.emit(Op::Jump(0))];
        self.patch(setup);
        // [exc] -> [prev, orig]; the cleanup handler sees [prev, orig, new]
        self.emit(Op::PushExcInfo);
        let cleanup = self.emit(Op::SetupExcept(0));
        // [prev, orig, raised list, rest]
        self.emit(Op::Dup);
        self.emit(Op::BuildList(0));
        self.emit(Op::Rot2);
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_line(h.range.start());
            let Some(ty) = &h.type_ else {
                return err("expected one or more exception types", h.range.start());
            };
            self.expr(ty)?;
            self.emit(Op::CheckEgMatch);
            self.emit(Op::Dup);
            self.load_const(Value::NONE);
            self.emit(Op::Is(false));
            let no_match = self.emit(Op::PopJumpIfTrue(0));
            match &h.name {
                Some(n) => self.store_name(&n.id),
                None => self.emit_pop(),
            }
            // an exception the clause raises joins the list
            let raised = self.emit(Op::SetupExcept(0));
            self.unit().fblocks.push(FBlock::ExceptStar);
            self.stmts(&h.body)?;
            self.unit().fblocks.pop();
            self.emit(Op::PopBlock);
            self.clear_handler_name(h.name.as_ref());
            let next = self.emit(Op::Jump(0));
            self.patch(raised);
            self.clear_handler_name(h.name.as_ref());
            self.emit(Op::ListAppend(2));
            let next2 = self.emit(Op::Jump(0));
            self.patch(no_match);
            self.emit(Op::Pop);
            self.patch(next);
            self.patch(next2);
        }
        // what no clause matched joins the list too
        self.emit(Op::ListAppend(1));
        self.emit(Op::PrepReraiseStar);
        self.emit(Op::Dup);
        self.load_const(Value::NONE);
        self.emit(Op::Is(false));
        let done = self.emit(Op::PopJumpIfTrue(0));
        self.emit(Op::Reraise);
        self.patch(done);
        self.emit(Op::Pop);
        self.emit(Op::Pop);
        self.emit(Op::PopBlock);
        self.emit(Op::PopExcept);
        to_end.push(self.emit(Op::Jump(0)));
        self.patch(cleanup);
        // [prev, orig, new]: restore prev, raise new
        self.emit(Op::Rot2);
        self.emit(Op::Pop);
        self.emit(Op::ReraiseRestore);
        for j in to_end {
            self.patch(j);
        }
        Ok(())
    }

    fn clear_handler_name(&mut self, name: Option<&ast::Identifier>) {
        if let Some(n) = name {
            self.load_const(Value::NONE);
            self.store_name(&n.id);
            self.delete_name(&n.id);
        }
    }
}
