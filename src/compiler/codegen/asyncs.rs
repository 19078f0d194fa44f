//! `await`, `async with` and `async for`, compiled as CPython 3.11 compiles them:
//! an await is `GetAwaitable` then the `YieldFrom` loop that generators use, so a
//! coroutine suspends and resumes as a generator does.

use ruff_python_ast::{self as ast, Stmt};

use super::{CResult, Compiler, FBlock};
use crate::compiler::bytecode::Op;
use crate::compiler::symtable::ScopeKind;
use crate::value::Value;

impl<'a> Compiler<'a> {
    /// SyntaxError unless the code being compiled is an `async def`'s.
    fn check_async(&self, what: &str) -> CResult<()> {
        let u = self.units.last().unwrap();
        let scope = &self.st.scopes[u.scope];
        match scope.kind {
            ScopeKind::Function if scope.is_async => Ok(()),
            ScopeKind::Function => self.err_here(format!("{what} outside async function")),
            // (the comprehension is asynchronous; `comprehension` checks where)
            ScopeKind::Comprehension => Ok(()),
            _ if what == "'await'" => self.err_here("'await' outside function"),
            _ => self.err_here(format!("{what} outside async function")),
        }
    }

    pub(super) fn in_async_function(&self) -> bool {
        let u = self.units.last().unwrap();
        let scope = &self.st.scopes[u.scope];
        scope.kind == ScopeKind::Function && scope.is_async
    }

    pub(super) fn in_generator(&self) -> bool {
        let u = self.units.last().unwrap();
        self.st.scopes[u.scope].is_generator
    }

    /// Awaits what is on top of the stack: `[x]` -> `[result]`.
    pub(super) fn emit_await(&mut self, kind: u32) {
        self.emit(Op::GetAwaitable(kind));
        self.load_const(Value::NONE);
        let j = self.emit(Op::YieldFrom(0));
        self.patch(j);
    }

    pub(super) fn await_expr(&mut self, a: &'a ast::ExprAwait) -> CResult<()> {
        self.check_async("'await'")?;
        self.expr(&a.value)?;
        self.emit_await(0);
        Ok(())
    }

    /// `async with`: `with`'s code with the results of `__aenter__` and `__aexit__`
    /// awaited.
    pub(super) fn async_with(
        &mut self,
        items: &'a [ast::WithItem],
        body: &'a [Stmt],
    ) -> CResult<()> {
        self.check_async("'async with'")?;
        let Some((first, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        self.expr(&first.context_expr)?;
        self.emit(Op::BeforeAsyncWith);
        self.emit_await(1);
        match &first.optional_vars {
            Some(v) => self.store_target(v)?,
            None => self.emit_pop(),
        }
        let setup = self.emit(Op::SetupExcept(0));
        self.unit().fblocks.push(FBlock::AsyncWith);
        if rest.is_empty() {
            self.stmts(body)?;
        } else {
            self.async_with(rest, body)?;
        }
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.emit_async_exit_call();
        let end = self.emit(Op::Jump(0));
        self.patch(setup);
        // [exit, exc]
        self.emit(Op::PushExcInfo);
        let cleanup = self.emit(Op::SetupExcept(0));
        self.emit(Op::AsyncWithExceptStart);
        self.emit_await(2);
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

    /// `[exit]` -> `[]`: `await exit(None, None, None)`.
    pub(super) fn emit_async_exit_call(&mut self) {
        self.load_const(Value::NONE);
        self.load_const(Value::NONE);
        self.load_const(Value::NONE);
        self.emit(Op::Call(3));
        self.emit_await(2);
        self.emit(Op::Pop);
    }

    /// One step of an `async for` over the iterator on top of the stack: the
    /// next value awaited under a handler (returned, to patch to the loop's end
    /// where `EndAsyncFor` goes) that ends the loop on StopAsyncIteration.
    pub(super) fn async_for_next(&mut self) -> usize {
        let setup = self.emit(Op::SetupExcept(0));
        self.emit(Op::GetANext);
        self.load_const(Value::NONE);
        let j = self.emit(Op::YieldFrom(0));
        self.patch(j);
        self.emit(Op::PopBlock);
        setup
    }

    /// `async for`: each step awaits `__anext__()` under a handler that ends the
    /// loop on StopAsyncIteration.
    pub(super) fn async_for(&mut self, f: &'a ast::StmtFor) -> CResult<()> {
        self.check_async("'async for'")?;
        self.expr(&f.iter)?;
        self.emit(Op::GetAIter);
        let slot = self.new_loop_slot();
        let start = self.emit(Op::LoopHeader(slot));
        self.set_line(f.range.start());
        let setup = self.async_for_next();
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
        // [aiter, exc]
        self.patch(setup);
        self.set_line(f.range.start());
        self.emit(Op::EndAsyncFor);
        self.stmts(&f.orelse)?;
        for b in breaks {
            self.patch(b);
        }
        Ok(())
    }
}
