//! Heap object layout: the `#[repr(C)]` header every object starts with and the payload
//! of each built-in kind. Field offsets are fixed so JIT code can load them directly.

pub mod dict;
pub mod set;
pub mod shape;
pub mod sizes;
pub mod small_str;
pub mod tuple;

use std::any::Any;
use std::cell::{Cell, UnsafeCell};
use std::rc::Rc;

use num_bigint::BigInt;

use crate::compiler::bytecode::Code;
use crate::value::Value;
use crate::vm::frame::Frame;
use crate::vm::{Args, PyResult, Vm};
pub use dict::Dict;
pub use set::Set;
pub use shape::Shape;
pub use small_str::SmallStr;
pub use tuple::TupleItems;

/// Interior mutability without a borrow flag. The interpreter is single-threaded and
/// never keeps a `&mut` from `get` across a call back into Python code, which is the
/// discipline that makes this sound in practice.
#[repr(transparent)]
pub struct Mut<T>(UnsafeCell<T>);

impl<T> Mut<T> {
    pub fn new(t: T) -> Self {
        Mut(UnsafeCell::new(t))
    }
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    pub fn get(&self) -> &mut T {
        // SAFETY: assumed, not checked (see the type's doc): the interpreter
        // is single-threaded, and callers drop the `&mut` before anything
        // that may reach this same value again (a call back into Python, a
        // second `get`); code that must call out uses `as_ptr` instead.
        unsafe { &mut *self.0.get() }
    }
    /// The raw pointer, for code that calls back into Python (which may mutate the
    /// value) while using it: no `&mut` is held across such calls.
    #[inline(always)]
    pub fn as_ptr(&self) -> *mut T {
        self.0.get()
    }
}

/// Every heap object: mark bit, class pointer, payload.
#[repr(C)]
pub struct Obj {
    pub marked: Cell<bool>,
    /// The object's Python type: a `Value` holding an `ObjData::Type`.
    pub class: Cell<Value>,
    pub data: ObjData,
}

pub type NativeFn = fn(&mut Vm, Args) -> PyResult<Value>;

/// `Builtin::arity` of a native that checks its own arguments.
pub const ANY_ARITY: (u8, u8) = (0, u8::MAX);

/// A function implemented in Rust. `bound` is the receiver for bound built-in methods
/// (EMPTY when unbound).
pub struct Builtin {
    pub name: &'static str,
    pub func: NativeFn,
    pub bound: Value,
    /// For a method of a built-in type (`Vm::add_method`), that type: the call path
    /// checks the receiver is an instance of it (for `__new__`, a subtype of it)
    /// before the native runs, as CPython's method descriptors do. EMPTY otherwise.
    pub owner: Value,
    /// The positional arguments after the receiver a method takes, `(min, max)`,
    /// when the call path checks them (slot methods like `__eq__`, whose arity the
    /// name fixes); `(0, u8::MAX)` when the native checks its own.
    pub arity: (u8, u8),
    /// A module's function (`Vm::add_fn`, the builtins module's): as CPython's
    /// builtin functions it is no descriptor, so a class attribute holding it
    /// (`isclose = math.isclose`) is not bound to the instance.
    pub function: bool,
}

pub struct Function {
    pub code: Rc<Code>,
    pub globals: Value,
    pub defaults: Box<[Value]>,
    /// A dict of keyword-only defaults, or NONE.
    pub kwdefaults: Value,
    pub closure: Box<[Value]>,
    pub name: Mut<Value>,
    pub qualname: Mut<Value>,
    /// Function attributes (`f.x = 1`), a dict or NONE.
    pub dict: Mut<Value>,
}

impl Function {
    /// The defaults its parameters after the first `given` take, when `given`
    /// positional arguments leave only defaulted ones (None: too many, or too
    /// few for the defaults). Defaults never change in Coil (assigning
    /// `__defaults__` is refused).
    pub fn defaults_after(&self, given: usize) -> Option<&[Value]> {
        let missing = (self.code.argcount as usize).checked_sub(given)?;
        let d = &self.defaults;
        (missing <= d.len()).then(|| &d[d.len() - missing..])
    }
}

pub struct TypeObj {
    pub name: String,
    pub qualname: String,
    pub module: String,
    pub bases: Mut<Vec<Value>>,
    pub mro: Mut<Vec<Value>>,
    pub dict: Mut<Dict>,
    /// Bumped whenever this type's or an ancestor's namespace changes, so an inline cache
    /// or trace can validate a lookup with one compare.
    pub version: Cell<u64>,
    /// Bumped with `version`, except when a class attribute's plain value (a
    /// number, a str, a container: no descriptor) is replaced by another plain
    /// value, as a class-level counter is: what a name resolves to and whether
    /// it is a descriptor cannot change then, so the caches keyed on this (the
    /// method cache, attribute inline caches, the hooks below) stay valid. The
    /// JIT's class guards read this too: what a trace takes from a class is a
    /// method, `__init__`, a property or the absence of a descriptor or hook,
    /// never a plain value (a class attribute's value is loaded by a residual
    /// call), so a class-level counter does not make them leave.
    pub lookup_version: Cell<u64>,
    /// The built-in type whose payload instances carry (list, dict, ...), or NONE for
    /// plain `object` instances.
    pub builtin_base: Cell<Value>,
    /// `__slots__` names when the class (and every base) declares them: instances
    /// then accept only these attributes.
    pub slots: Option<Vec<Value>>,
    pub subclasses: Mut<Vec<Value>>,
    /// (version, bits) caching which attribute hooks (`__getattribute__`,
    /// `__setattr__`, `__delattr__`) the class overrides; see `Vm::type_hooks`.
    pub hooks: Cell<(u64, u8)>,
}

/// The payload of a plain instance with attributes `slots` under `shape` (no
/// `__dict__` taken, no built-in base, no exception state): what `C()` makes
/// and `__init__` fills.
pub fn plain_instance(shape: &'static Shape, slots: Vec<Value>) -> ObjData {
    ObjData::Instance(Instance {
        shape: Cell::new(shape),
        slots: Mut::new(slots),
        base_value: Cell::new(Value::EMPTY),
        exc: Mut::new(None),
        dict: Cell::new(Value::EMPTY),
    })
}

pub struct Instance {
    pub shape: Cell<&'static Shape>,
    pub slots: Mut<Vec<Value>>,
    /// The payload for instances of subclasses of built-in containers, e.g. the list
    /// behind `class Stack(list)`, or EMPTY.
    pub base_value: Cell<Value>,
    /// Exception state for instances of BaseException subclasses.
    pub exc: Mut<Option<Box<ExcState>>>,
    /// Once `__dict__` has been taken, the attributes live in this dict (EMPTY until
    /// then), so the dict and the instance stay one namespace.
    pub dict: Cell<Value>,
}

pub struct ExcState {
    pub traceback: Vec<TracebackEntry>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
    /// CPython's "Did you mean: 'x'?" hint, printed with the traceback.
    pub suggestion: Option<String>,
}

impl Default for ExcState {
    fn default() -> Self {
        ExcState {
            traceback: Vec::new(),
            cause: Value::NONE,
            context: Value::NONE,
            suppress_context: false,
            suggestion: None,
        }
    }
}

#[derive(Clone)]
pub struct TracebackEntry {
    pub code: Rc<Code>,
    pub line: u32,
    /// The failing instruction, for CPython's position carets.
    pub pc: usize,
    /// The frame's globals (its traceback frame's `f_globals`).
    pub globals: Value,
}

pub struct PyStr {
    pub s: SmallStr,
    pub char_len: usize,
    pub hash: Cell<i64>,
    /// For a long non-ASCII str, where its characters start, made on the
    /// first index: `s[i]` in a loop over a UTF-8 str would otherwise walk
    /// from the start every time (CPython's fixed-width storage indexes in
    /// O(1)).
    pub offsets: std::cell::OnceCell<Box<CharIndex>>,
    /// Whether this is the canonical interned object for its text (set by
    /// `Vm::intern`; interned strs live as long as the VM): caches keyed on a
    /// name's identity may only hold interned names, and asking the intern
    /// table would hash the text on every lookup that misses.
    pub interned: Cell<bool>,
}

/// Characters between two entries of `CharIndex::every`.
const CHAR_STRIDE: usize = 32;

/// Byte offsets of a long non-ASCII str's characters.
pub struct CharIndex {
    /// The offset of every `CHAR_STRIDE`-th character.
    every: Box<[u32]>,
    /// The last character looked up and its offset: a scan (`text[i]` with
    /// `i` going up, a tokenizer's loop) steps on from there instead of from
    /// the entry before it.
    last: Cell<(u32, u32)>,
}

/// The byte offset `left` characters after the one starting at `at`.
fn walk(bytes: &[u8], (mut at, mut left): (usize, usize)) -> usize {
    while left > 0 {
        at += 1;
        // skip continuation bytes: `at` lands on the next character's start
        while at < bytes.len() && bytes[at] & 0xC0 == 0x80 {
            at += 1;
        }
        left -= 1;
    }
    at
}

impl PyStr {
    pub fn new(s: SmallStr) -> PyStr {
        let char_len = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        PyStr {
            s,
            char_len,
            hash: Cell::new(-1),
            offsets: std::cell::OnceCell::new(),
            interned: Cell::new(false),
        }
    }

    pub fn is_ascii(&self) -> bool {
        self.char_len == self.s.len()
    }

    /// The byte offset of character `i` (`char_len` for the end).
    pub fn byte_of(&self, i: usize) -> usize {
        if self.is_ascii() {
            return i.min(self.s.len());
        }
        if i >= self.char_len {
            return self.s.len();
        }
        if self.s.len() <= 4 * CHAR_STRIDE || u32::try_from(self.s.len()).is_err() {
            return walk(self.s.as_bytes(), (0, i));
        }
        let index = self.offsets.get_or_init(|| {
            Box::new(CharIndex {
                every: self
                    .s
                    .char_indices()
                    .step_by(CHAR_STRIDE)
                    .map(|(b, _)| b as u32)
                    .collect(),
                last: Cell::new((0, 0)),
            })
        });
        let (char, byte) = index.last.get();
        let (char, byte) = (char as usize, byte as usize);
        let from = if i >= char && i - char < i % CHAR_STRIDE {
            (byte, i - char)
        } else {
            (index.every[i / CHAR_STRIDE] as usize, i % CHAR_STRIDE)
        };
        let at = walk(self.s.as_bytes(), from);
        index.last.set((i as u32, at as u32));
        at
    }

    /// Character `i` (< `char_len`) as a str slice.
    pub fn char_at(&self, i: usize) -> &str {
        let b = self.byte_of(i);
        let e = self.byte_of(i + 1);
        &self.s[b..e]
    }
}

/// `repr(C)` with `running` padded to a whole initialized word: compiled traces that
/// inline the generator's resumption load and store it as one (src/jit/generators.rs).
#[repr(C)]
pub struct Generator {
    pub frame: Option<Box<Frame>>,
    pub name: Value,
    pub qualname: Value,
    pub running: bool,
    pub running_pad: [u8; 7],
    /// Async generators: an `__anext__`/`asend`/`athrow` awaitable is driving it
    /// (CPython's ag_running_async).
    pub running_async: bool,
    /// Async generators: `aclose()` was called or it finished (ag_closed).
    pub closed: bool,
    /// The exception its frame was handling when it last suspended (CPython's
    /// gi_exc_state), NONE outside an except block: what `sys.exc_info()` and a
    /// bare `raise` see again when it resumes.
    pub exc: Value,
}

/// Iterator states for the built-in iterables; one enum keeps `next` a single match.
/// `repr(C, u64)`: the variant tag is a whole initialized word that compiled traces
/// can compare (src/jit/layout.rs).
#[repr(C, u64)]
pub enum IterState {
    /// list or tuple, by index (a list may grow while iterated, as in CPython)
    Seq {
        seq: Value,
        idx: usize,
    },
    Range {
        cur: i64,
        stop: i64,
        step: i64,
    },
    Str {
        s: Value,
        byte_pos: usize,
    },
    Bytes {
        b: Value,
        idx: usize,
    },
    Dict {
        dict: Value,
        idx: usize,
        kind: DictIterKind,
        len: usize,
    },
    Set {
        set: Value,
        idx: usize,
        len: usize,
    },
    Enumerate {
        it: Value,
        n: Value,
    },
    Zip {
        its: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        its: Vec<Value>,
    },
    Filter {
        func: Value,
        it: Value,
    },
    Callable {
        func: Value,
        sentinel: Value,
    },
    Reversed {
        seq: Value,
        idx: usize,
    },
    /// Sequence protocol fallback: calls `__getitem__` with 0, 1, ... until IndexError.
    GetItem {
        obj: Value,
        idx: i64,
    },
    Exhausted,
}

#[derive(Copy, Clone, PartialEq, Eq)]
pub enum DictIterKind {
    Keys,
    Values,
    Items,
}

/// Payloads for types defined by library modules (deque, file objects, ...), so adding
/// one does not touch this enum.
pub trait NativeData: Any {
    fn trace(&self, visit: &mut dyn FnMut(Value));
    fn as_any(&self) -> &dyn Any;
}

#[repr(C, u8)]
pub enum ObjData {
    Str(PyStr),
    BigInt(BigInt),
    List(Mut<Vec<Value>>),
    Tuple(TupleItems),
    Dict(Mut<Dict>),
    /// set and frozenset; the class tells them apart
    Set(Mut<Set>),
    Bytes(Box<[u8]>),
    ByteArray(Mut<Vec<u8>>),
    Range {
        start: i64,
        stop: i64,
        step: i64,
    },
    Slice {
        start: Value,
        stop: Value,
        step: Value,
    },
    /// Boxed: a type is rare and its payload big (264 bytes); inline it would set
    /// the size of every object.
    Type(Box<TypeObj>),
    Instance(Instance),
    /// Boxed for the same reason (80 bytes; the largest variant after types).
    Function(Box<Function>),
    BoundMethod {
        func: Value,
        slf: Value,
    },
    Builtin(Builtin),
    Cell(Mut<Value>),
    Module {
        name: Value,
        dict: Value,
    },
    Generator(Mut<Generator>),
    Property {
        fget: Value,
        fset: Value,
        fdel: Value,
        doc: Value,
        /// The name `__set_name__` gave it (a str), NONE for a `property(...)`
        /// never named (CPython's messages then omit the name), EMPTY for the
        /// read-only properties natives make (their messages use the
        /// attribute's name).
        name: Cell<Value>,
    },
    StaticMethod(Value),
    ClassMethod(Value),
    Super {
        typ: Value,
        obj: Value,
    },
    Iter(Mut<IterState>),
    DictView {
        dict: Value,
        kind: DictIterKind,
    },
    Native(Box<dyn NativeData>),
    /// NotImplemented, Ellipsis and `object()` instances: no payload.
    Plain,
    /// A complex number: (real, imag).
    Complex(f64, f64),
}

/// The kinds whose only heap reference is the object's class (`Obj::is_leaf`,
/// `Obj::trace`), as one pattern.
macro_rules! leaf_kinds {
    () => {
        ObjData::Str(_)
            | ObjData::BigInt(_)
            | ObjData::Bytes(_)
            | ObjData::ByteArray(_)
            | ObjData::Range { .. }
            | ObjData::Complex(..)
            | ObjData::Plain
    };
}

impl Obj {
    #[inline(always)]
    pub fn class(&self) -> Value {
        self.class.get()
    }

    /// Whether the class is the only heap value this object references (see
    /// `trace`).
    #[inline(always)]
    pub fn is_leaf(&self) -> bool {
        matches!(self.data, leaf_kinds!())
    }

    /// Every heap value this object references, for the collector.
    pub fn trace(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.class.get());
        match &self.data {
            leaf_kinds!() => {}
            ObjData::List(l) => l.get().iter().for_each(|v| visit(*v)),
            ObjData::Tuple(t) => t.iter().for_each(|v| visit(*v)),
            ObjData::Dict(d) => d.get().trace(visit),
            ObjData::Set(s) => s.get().trace(visit),
            ObjData::Slice { start, stop, step } => {
                visit(*start);
                visit(*stop);
                visit(*step);
            }
            ObjData::Type(t) => {
                t.bases.get().iter().for_each(|v| visit(*v));
                t.mro.get().iter().for_each(|v| visit(*v));
                t.dict.get().trace(visit);
                visit(t.builtin_base.get());
                if let Some(s) = &t.slots {
                    s.iter().for_each(|v| visit(*v));
                }
                t.subclasses.get().iter().for_each(|v| visit(*v));
            }
            ObjData::Instance(i) => {
                i.shape.get().trace(visit);
                i.slots.get().iter().for_each(|v| visit(*v));
                visit(i.base_value.get());
                visit(i.dict.get());
                if let Some(e) = i.exc.get() {
                    visit(e.cause);
                    visit(e.context);
                    for t in &e.traceback {
                        t.code.trace(visit);
                        visit(t.globals);
                    }
                }
            }
            ObjData::Function(f) => {
                f.code.trace(visit);
                visit(f.globals);
                f.defaults.iter().for_each(|v| visit(*v));
                visit(f.kwdefaults);
                f.closure.iter().for_each(|v| visit(*v));
                visit(*f.name.get());
                visit(*f.qualname.get());
                visit(*f.dict.get());
            }
            ObjData::BoundMethod { func, slf } => {
                visit(*func);
                visit(*slf);
            }
            ObjData::Builtin(b) => {
                visit(b.bound);
                visit(b.owner);
            }
            ObjData::Cell(c) => visit(*c.get()),
            ObjData::Module { name, dict } => {
                visit(*name);
                visit(*dict);
            }
            ObjData::Generator(g) => {
                let g = g.get();
                visit(g.name);
                visit(g.qualname);
                visit(g.exc);
                if let Some(f) = &g.frame {
                    f.trace(visit);
                }
            }
            ObjData::Property {
                fget,
                fset,
                fdel,
                doc,
                name,
            } => {
                visit(*fget);
                visit(*fset);
                visit(*fdel);
                visit(*doc);
                visit(name.get());
            }
            ObjData::StaticMethod(v) | ObjData::ClassMethod(v) => visit(*v),
            ObjData::Super { typ, obj } => {
                visit(*typ);
                visit(*obj);
            }
            ObjData::Iter(it) => match it.get() {
                IterState::Seq { seq, .. } | IterState::Reversed { seq, .. } => visit(*seq),
                IterState::Range { .. } | IterState::Exhausted => {}
                IterState::Str { s, .. } => visit(*s),
                IterState::Bytes { b, .. } => visit(*b),
                IterState::Dict { dict, .. } => visit(*dict),
                IterState::Set { set, .. } => visit(*set),
                IterState::Enumerate { it, n } => {
                    visit(*it);
                    visit(*n);
                }
                IterState::Zip { its, .. } => its.iter().for_each(|v| visit(*v)),
                IterState::Map { func, its } => {
                    visit(*func);
                    its.iter().for_each(|v| visit(*v));
                }
                IterState::Filter { func, it } => {
                    visit(*func);
                    visit(*it);
                }
                IterState::Callable { func, sentinel } => {
                    visit(*func);
                    visit(*sentinel);
                }
                IterState::GetItem { obj, .. } => visit(*obj),
            },
            ObjData::DictView { dict, .. } => visit(*dict),
            ObjData::Native(n) => n.trace(visit),
        }
    }
}

#[cfg(test)]
mod size_tests {
    /// Every object is one block of this size (docs/design.md): a payload that
    /// grows past it grows every object.
    #[test]
    fn an_object_is_88_bytes() {
        assert_eq!(std::mem::size_of::<super::Obj>(), 88);
    }
}
