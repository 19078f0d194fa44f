//! An activation record: code, program counter, fast locals, cells and value stack in
//! one vector, plus the handler blocks of enclosing `try` statements.

use std::rc::Rc;

use smallvec::SmallVec;

use crate::compiler::bytecode::{BinOp, CmpOp, Code};
use crate::value::Value;

#[derive(Clone, Copy, Debug)]
pub struct Block {
    pub handler: u32,
    pub level: u32,
}

pub struct Frame {
    pub code: Rc<Code>,
    pub pc: usize,
    /// `[locals | cells+frees | stack]`
    pub slots: Vec<Value>,
    /// Index of the first stack slot.
    pub stack_base: usize,
    pub globals: Value,
    /// The namespace dict for module and class bodies (NONE for functions).
    pub locals: Value,
    pub func: Value,
    pub blocks: SmallVec<[Block; 4]>,
    /// When this frame returns, the interpreter loop that started it returns too.
    pub is_entry: bool,
    /// The generator object this frame belongs to, or NONE.
    pub generator: Value,
    /// For the `__init__` frame of a class call (`C(...)`, see
    /// `Vm::plain_init`): the new instance, which the caller receives when the
    /// frame returns None. EMPTY otherwise.
    pub init_self: Value,
    /// For a binary operator's dunder frame rebuilt by a JIT exit (the
    /// interpreter itself calls dunders natively): the operation, so that a
    /// NotImplemented returned goes on through the rest of its protocol.
    pub binop_return: Option<Box<BinopReturn>>,
}

/// An operator whose dunder a trace inlined: what a NotImplemented it
/// returns goes on with (`Vm::after_not_implemented`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DunderOp {
    /// `a.__op__(b)` of a binary operator.
    Binary(BinOp),
    /// `a.__lt__(b)` and the like of a comparison `a < b`.
    Compare(CmpOp),
    /// `b.__gt__(a)`, the reflected method of `a < b` (`a`'s own returned
    /// NotImplemented, or `a` has none).
    Reflected(CmpOp),
    /// `a.__eq__(b)` for `a != b` where `a`'s class has object's `__ne__`,
    /// which inverts it: the result is negated on return.
    NotEqualViaEq,
    /// `a.__len__()` for `len(a)`: the result is checked as `len` checks it.
    Len,
    /// `a.__contains__(b)` for `b in a` (`b not in a` with true): the result's
    /// truth, inverted for `not in`.
    Contains(bool),
    /// `a.__iter__()` for `iter(a)` or a `for`: the result must be an iterator.
    Iter,
}

impl DunderOp {
    /// Whether a NotImplemented returned goes on with the rest of an operator's
    /// protocol (for the others it is a value like any other).
    pub fn is_operator(self) -> bool {
        !matches!(self, DunderOp::Len | DunderOp::Contains(_) | DunderOp::Iter)
    }
}

/// `a op b`, whose dunder's frame this is (`Frame::binop_return`).
pub struct BinopReturn {
    pub op: DunderOp,
    pub a: Value,
    pub b: Value,
}

impl Frame {
    pub fn new(code: Rc<Code>, globals: Value, locals: Value, func: Value) -> Box<Frame> {
        let n = code.nlocals() + code.cellvars.len() + code.freevars.len();
        let mut slots = Vec::with_capacity(n + 16);
        slots.resize(n, Value::EMPTY);
        Box::new(Frame {
            code,
            pc: 0,
            slots,
            stack_base: n,
            globals,
            locals,
            func,
            blocks: SmallVec::new(),
            is_entry: false,
            generator: Value::NONE,
            init_self: Value::EMPTY,
            binop_return: None,
        })
    }

    /// Makes a finished frame (see `Vm::recycle_frame`) a fresh one for `code`,
    /// keeping its slot vector's allocation.
    pub fn reset(&mut self, code: Rc<Code>, globals: Value, locals: Value, func: Value) {
        let n = code.nlocals() + code.cellvars.len() + code.freevars.len();
        self.slots.clear();
        self.slots.resize(n, Value::EMPTY);
        self.code = code;
        self.pc = 0;
        self.stack_base = n;
        self.globals = globals;
        self.locals = locals;
        self.func = func;
        self.blocks.clear();
        self.is_entry = false;
        self.generator = Value::NONE;
        self.init_self = Value::EMPTY;
        self.binop_return = None;
    }

    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        self.slots.push(v);
    }

    #[inline(always)]
    pub fn pop(&mut self) -> Value {
        debug_assert!(self.slots.len() > self.stack_base);
        // SAFETY: the compiler balances every op's pops against earlier pushes,
        // so the value stack is not empty at a pop (checked above in debug
        // builds); the interpreter's hottest path keeps no branch for it.
        unsafe { self.slots.pop().unwrap_unchecked() }
    }

    #[inline(always)]
    pub fn top(&self) -> Value {
        *self.slots.last().unwrap()
    }

    #[inline(always)]
    pub fn peek(&self, depth: usize) -> Value {
        self.slots[self.slots.len() - 1 - depth]
    }

    pub fn stack_len(&self) -> usize {
        self.slots.len() - self.stack_base
    }

    pub fn line(&self) -> u32 {
        self.code.line_of(self.pc.saturating_sub(1))
    }

    pub fn trace(&self, visit: &mut dyn FnMut(Value)) {
        self.code.trace(visit);
        self.slots.iter().for_each(|v| visit(*v));
        visit(self.globals);
        visit(self.locals);
        visit(self.func);
        visit(self.generator);
        visit(self.init_self);
        if let Some(b) = &self.binop_return {
            visit(b.a);
            visit(b.b);
        }
    }
}
