//! Coil's bytecode: a stack machine whose instructions name every input and effect in
//! their operands, each mapped to a source line, with loop headers marked by
//! `LoopHeader(slot)` so the JIT has one hot counter per loop.

use std::cell::Cell;
use std::rc::Rc;

use crate::value::Value;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
    MatMul,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
            BinOp::MatMul => "@",
        }
    }
    /// (`__op__`, `__rop__`, `__iop__`)
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        }
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
    pub fn dunder(self) -> &'static str {
        match self {
            CmpOp::Lt => "__lt__",
            CmpOp::Le => "__le__",
            CmpOp::Eq => "__eq__",
            CmpOp::Ne => "__ne__",
            CmpOp::Gt => "__gt__",
            CmpOp::Ge => "__ge__",
        }
    }
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum UnOp {
    Neg,
    Pos,
    Invert,
    Not,
}

/// One instruction. Jump operands are instruction indices.
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum Op {
    Nop,
    LoadConst(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    /// Cell contents; index into cellvars then freevars.
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// Pushes the cell object itself (to build a closure).
    LoadClosure(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Namespace-dict access for module and class bodies.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    /// Pushes `[callable, self]`, or `[attr, EMPTY]` when no unbound method applies.
    LoadMethod(u32),
    CallMethod(u32),
    /// `[func, args...]`
    Call(u32),
    /// `[func, args..., kwvalues..., kwnames-tuple]`; operand counts args + kwvalues.
    CallKw(u32),
    /// `[func, args-tuple]` or `[func, args-tuple, kwargs-dict]` (operand 1).
    CallEx(u32),
    Subscr,
    StoreSubscr,
    DeleteSubscr,
    Binary(BinOp),
    InplaceBinary(BinOp),
    Unary(UnOp),
    Compare(CmpOp),
    Is(bool),
    In(bool),
    Pop,
    Dup,
    DupTwo,
    Rot2,
    Rot3,
    Rot4,
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    /// `[k1, v1, ..., kn, vn]`
    BuildMap(u32),
    BuildSlice(u32),
    BuildString(u32),
    /// Append TOS to the list `depth` below it (comprehensions).
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    ListExtend(u32),
    SetUpdate(u32),
    DictUpdate(u32),
    /// Like DictUpdate but rejects duplicate keyword arguments.
    DictMerge(u32),
    ListToTuple,
    UnpackSequence(u32),
    /// before-star count in the low 16 bits, after-star count in the high 16.
    UnpackEx(u32),
    /// Conversion in the low 2 bits (0 none, 1 str, 2 repr, 3 ascii); bit 2: a format
    /// spec is on the stack above the value.
    FormatValue(u32),
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    GetIter,
    /// Pushes the next item, or pops the iterator and jumps when exhausted.
    ForIter(u32),
    /// A loop header; the operand is this loop's counter slot in `Code::loop_counters`.
    LoopHeader(u32),
    /// The first instruction of a function (not of a generator, comprehension or
    /// class body): it counts calls in `Code::entry_counter`, and the JIT records
    /// and enters function-entry traces there.
    FuncEntry,
    /// Operand indexes `Code::codes`; flags: 1 defaults tuple, 2 kwdefaults dict,
    /// 8 closure tuple (pushed in that order below the qualname).
    MakeFunction(u32, u32),
    Return,
    YieldValue,
    /// `[sub-iterator, sent]`: delegates one step; on completion pushes the result and
    /// jumps past the loop.
    YieldFrom(u32),
    GetYieldFromIter,
    /// 0: bare re-raise, 1: raise TOS, 2: raise TOS1 from TOS.
    Raise(u32),
    /// Re-raise TOS without a new traceback entry.
    Reraise,
    /// `[prev_exc, exc]`: restore the handled exception to prev_exc and re-raise exc.
    ReraiseRestore,
    /// Push a handler block: on exception, unwind the stack to its current depth, push
    /// the exception and jump to the operand.
    SetupExcept(u32),
    PopBlock,
    /// `[exc]` -> `[prev_handled, exc]`, and `exc` becomes the handled exception.
    PushExcInfo,
    /// `[prev]` -> `[]`, restoring the handled exception.
    PopExcept,
    /// `[exc, type]` -> `[exc, bool]`
    CheckExcMatch,
    /// `[ctx]` -> `[bound __exit__, result of __enter__]`
    BeforeWith,
    /// `[exit, prev, exc]` -> `[exit, prev, exc, result of exit(type, exc, tb)]`
    WithExceptStart,
    LoadAssertionError,
    LoadBuildClass,
    /// `[level, fromlist]` -> `[module]`
    ImportName(u32),
    ImportFrom(u32),
    ImportStar,
    /// Moves TOS down to be the n-th item from the top (`Rot(3)` is `Rot3`).
    Rot(u32),
    // `match` statements (`compiler::codegen::patterns`, `vm::pattern`):
    /// `[subject]` -> `[subject, bool]`: whether a sequence pattern applies to it.
    MatchSequence,
    /// `[subject]` -> `[subject, bool]`: whether a mapping pattern applies to it.
    MatchMapping,
    /// `[x]` -> `[x, len(x)]`
    GetLen,
    /// `[subject, keys]` -> `[subject, keys, tuple of values or None]`
    MatchKeys,
    /// `[subject, cls, keyword names]` -> `[tuple of attributes or None]`; the operand
    /// counts the positional sub-patterns.
    MatchClass(u32),
    /// `[subject, keys]` -> `[dict of the subject's items but keys]` (`**rest`).
    CopyDictWithout,
    // coroutines (`async def`):
    /// `[x]` -> `[iterator to delegate to]`: what `await x` drives (the coroutine, or
    /// `__await__()`). Operand: 0 `await`, 1 the result of `__aenter__`, 2 of
    /// `__aexit__` (for their error messages).
    GetAwaitable(u32),
    /// `[ctx]` -> `[bound __aexit__, ctx.__aenter__()]`
    BeforeAsyncWith,
    /// `[exit, prev, exc]` -> `[exit, prev, exc, exit(type, exc, tb)]` (to await).
    AsyncWithExceptStart,
    /// `[x]` -> `[x.__aiter__()]`
    GetAIter,
    /// `[aiter]` -> `[aiter, awaitable of aiter.__anext__()]`
    GetANext,
    /// `[aiter, exc]` -> `[]` when exc is a StopAsyncIteration; else re-raises exc.
    EndAsyncFor,
    /// `[v]` -> `[v wrapped]`: what an async generator's `yield` yields, told apart
    /// from what its awaits pass up.
    AsyncGenWrap,
    // `except*` (`vm::eg`):
    /// `[rest, type]` -> `[rest', match]`: the part of `rest` the clause's type
    /// matches (None: nothing), which becomes the handled exception, and the rest.
    CheckEgMatch,
    /// `[orig, list]` -> `[orig, exception to raise or None]`: what the clauses
    /// raised and what none matched, in the original group's shape.
    PrepReraiseStar,
    /// Raises the feature-not-supported error for constant operand (a message).
    Unsupported(u32),
}

pub mod flags {
    pub const VARARGS: u32 = 1;
    pub const VARKEYWORDS: u32 = 2;
    pub const GENERATOR: u32 = 4;
    /// A class body or module: names go through the namespace dict.
    pub const NAMESPACE: u32 = 8;
    /// `async def` (with GENERATOR: its frames suspend the same way).
    pub const COROUTINE: u32 = 16;
    /// `async def` with `yield` (with GENERATOR).
    pub const ASYNC_GENERATOR: u32 = 32;
}

/// The JIT's state for one counter slot (a loop, or the function's entry), kept on
/// the code so that iterations and calls the JIT has nothing for cost no table
/// lookups.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum JitState {
    /// Counting calls: the JIT is asked once the count reaches its threshold.
    #[default]
    Counting,
    /// A root trace was compiled here (and may since have been dropped): always ask.
    Compiled,
    /// The JIT gave up on this slot for good: ask only while recording.
    Off,
}

/// An exception-free, immutable compiled code unit (module, class body, function,
/// lambda or comprehension).
pub struct Code {
    pub name: String,
    pub qualname: String,
    pub filename: Rc<str>,
    pub firstlineno: u32,
    pub ops: Vec<Op>,
    pub lines: Vec<u32>,
    /// Source byte range (start, end) of the node each instruction came from.
    pub positions: Vec<(u32, u32)>,
    /// Byte offset of each source line's start, shared by a file's code objects.
    pub line_starts: Rc<[u32]>,
    pub consts: Vec<Value>,
    /// Interned strings for attribute, global and namespace names.
    pub names: Vec<Value>,
    pub varnames: Vec<Value>,
    pub cellvars: Vec<Value>,
    pub freevars: Vec<Value>,
    /// For each cellvar, the argument slot it is initialised from, if it is a parameter.
    pub cell_args: Vec<Option<u32>>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub codes: Vec<Rc<Code>>,
    pub loop_counters: Vec<Cell<u32>>,
    /// Calls counted by `FuncEntry` (the JIT's counter slot `ENTRY_SLOT`).
    pub entry_counter: Cell<u32>,
    /// Each loop's `JitState`, beside `loop_counters`.
    pub loop_jit_states: Vec<Cell<JitState>>,
    /// The entry's `JitState`: a call of a function that is neither hot nor
    /// compiled, or that the JIT gave up on, skips the JIT's tables.
    pub entry_jit_state: Cell<JitState>,
    /// Source lines, for tracebacks.
    pub source: Rc<[String]>,
    /// The docstring (a str constant) or NONE.
    pub doc: Value,
    /// Per-instruction inline caches for attribute loads and stores.
    pub attr_ic: Box<[Cell<AttrIc>]>,
    /// Per-instruction inline caches for `LoadGlobal`.
    pub global_ic: Box<[Cell<GlobalIc>]>,
    /// Locals live at each instruction (`liveness::live_locals`), computed the
    /// first time the JIT snapshots this code.
    pub live_locals: std::cell::OnceCell<Option<Vec<Vec<u64>>>>,
    /// `name` and `qualname` as interned strs (interned strs live as long as
    /// the VM), set by the first function made from this code: closures and
    /// genexprs are made over and over.
    pub interned_names: std::cell::OnceCell<(crate::value::Value, crate::value::Value)>,
    /// Per instruction, how often the interpreter dispatched it (only with
    /// `--jit-stats`: `interpreted=`).
    pub dispatch_counts: std::cell::OnceCell<Box<[Cell<u64>]>>,
}

/// The counter slot of a function's entry (`Op::FuncEntry`), beside its loops'.
pub const ENTRY_SLOT: u32 = u32::MAX;

impl Code {
    /// Loop `slot`'s counter, or the entry's (`ENTRY_SLOT`).
    pub fn counter(&self, slot: u32) -> &Cell<u32> {
        if slot == ENTRY_SLOT {
            &self.entry_counter
        } else {
            &self.loop_counters[slot as usize]
        }
    }

    /// Whether a call with `n` positional arguments and no keywords binds them to
    /// the first `n` slots and nothing else (no defaults, `*args`, `**kwargs`,
    /// keyword-only parameters or cells to make), and runs the body at once (not a
    /// generator).
    #[inline]
    pub fn takes_exactly(&self, n: usize) -> bool {
        self.flags & (flags::VARARGS | flags::VARKEYWORDS | flags::GENERATOR) == 0
            && self.argcount as usize == n
            && self.kwonlyargcount == 0
            && self.cellvars.is_empty()
    }

    pub fn jit_state(&self, slot: u32) -> &Cell<JitState> {
        if slot == ENTRY_SLOT {
            &self.entry_jit_state
        } else {
            &self.loop_jit_states[slot as usize]
        }
    }

    /// Whether a function's trace starts at its entry: `FuncEntry` is its first
    /// instruction.
    pub fn has_entry(&self) -> bool {
        matches!(self.ops.first(), Some(Op::FuncEntry))
    }
}

/// An inline cache for `LoadGlobal`: the value found while the globals and the
/// builtins dicts had these versions. Dict versions come from one global counter
/// stamped on every mutation, so equal versions mean both dicts are unchanged
/// (and the value still in one of them). `value` EMPTY: no entry.
#[derive(Copy, Clone)]
pub struct GlobalIc {
    pub globals_version: u64,
    pub builtins_version: u64,
    pub value: Value,
}

impl Default for GlobalIc {
    fn default() -> Self {
        GlobalIc {
            globals_version: 0,
            builtins_version: 0,
            value: Value::EMPTY,
        }
    }
}

/// An inline cache for `LoadAttr`/`StoreAttr` on instances: valid while the object's
/// class (at this exact version) and shape match. `new_shape` is set for a store that
/// adds the attribute (a shape transition); the value then goes to slot `idx`.
#[derive(Copy, Clone, Default)]
pub struct AttrIc {
    pub ty: u64,
    pub version: u64,
    pub shape: usize,
    pub new_shape: usize,
    pub idx: u32,
}

impl Code {
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }

    /// The locals that may be read after instruction `pc` starts (all of them
    /// when the code can read locals without `LoadFast`), as a bit set.
    pub fn live_at(&self, pc: usize) -> Option<&[u64]> {
        self.live_locals
            .get_or_init(|| super::liveness::live_locals(self))
            .as_ref()
            .and_then(|l| l.get(pc))
            .map(|v| v.as_slice())
    }

    pub fn is_generator(&self) -> bool {
        self.flags & flags::GENERATOR != 0
    }

    pub fn trace(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.doc);
        self.consts.iter().for_each(|v| visit(*v));
        self.names.iter().for_each(|v| visit(*v));
        self.varnames.iter().for_each(|v| visit(*v));
        self.cellvars.iter().for_each(|v| visit(*v));
        self.freevars.iter().for_each(|v| visit(*v));
        for c in &self.codes {
            c.trace(visit);
        }
    }

    /// (line, column, end line, end column) of instruction `pc`, columns in bytes.
    pub fn position_of(&self, pc: usize) -> Option<(u32, u32, u32, u32)> {
        let (s, e) = *self.positions.get(pc)?;
        if s == 0 && e == 0 && self.line_starts.len() < 2 {
            return None;
        }
        let at = |off: u32| -> (u32, u32) {
            let i = match self.line_starts.binary_search(&off) {
                Ok(i) => i,
                Err(i) => i - 1,
            };
            (i as u32 + 1, off - self.line_starts[i])
        };
        let (l1, c1) = at(s);
        let (l2, c2) = at(e);
        Some((l1, c1, l2, c2))
    }

    pub fn line_of(&self, pc: usize) -> u32 {
        self.lines.get(pc).copied().unwrap_or(self.firstlineno)
    }
}
