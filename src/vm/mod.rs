//! The virtual machine state: heap, frame stack, built-in types, module table and the
//! handles natives use to allocate objects and raise exceptions.

pub mod agen;
pub mod attr;
pub mod builtin_loops;
pub mod call;
pub mod classdef;
pub mod complex;
pub mod coro;
pub mod drain;
pub mod eg;
pub mod exc;
#[allow(unsafe_code)]
pub mod frame;
pub mod import;
#[allow(unsafe_code)]
pub mod interp;
pub mod iter;
pub mod num;
pub mod ops;
pub mod panic;
pub mod pattern;
pub mod suggest;
pub mod tbprint;
pub mod types;

use std::collections::HashMap;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::compiler::bytecode::Code;
use crate::gc::Heap;
use crate::object::{Dict, Function, IterState, Mut, ObjData, PyStr, Set, Shape, TupleItems};
use crate::value::Value;
use frame::Frame;
pub use types::Types;

/// A raised Python exception (an instance of a BaseException subclass).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PyErr(pub Value);

pub type PyResult<T> = Result<T, PyErr>;

/// Arguments to a native function. For methods `pos[0]` is the receiver.
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub pos: &'a [Value],
    pub kw: &'a [(Value, Value)],
}

impl<'a> Args<'a> {
    pub fn new(pos: &'a [Value]) -> Args<'a> {
        Args { pos, kw: &[] }
    }
    pub fn len(&self) -> usize {
        self.pos.len()
    }
    pub fn is_empty(&self) -> bool {
        self.pos.is_empty()
    }
    pub fn get(&self, i: usize) -> Option<Value> {
        self.pos.get(i).copied()
    }
    /// The keyword argument `name`, if passed.
    pub fn kwarg(&self, name: &str) -> Option<Value> {
        self.kw
            .iter()
            .find(|(k, _)| str_of(*k) == name)
            .map(|(_, v)| *v)
    }
}

/// The text of a str value ("" for anything else: callers check the type first).
pub fn str_of(v: Value) -> &'static str {
    match v.as_obj().map(|o| &o.data) {
        Some(ObjData::Str(s)) => &s.s,
        _ => "",
    }
}

pub struct Vm {
    pub heap: Heap,
    pub frames: Vec<Box<Frame>>,
    /// Finished frames kept for the next calls (`new_frame`, `recycle_frame`);
    /// boxed, as frames move in and out of `frames` without being copied.
    #[allow(clippy::vec_box)]
    spare_frames: Vec<Box<Frame>>,
    pub types: Types,
    pub builtins: Value,
    /// `sys.modules`
    pub modules: Value,
    interned: HashMap<Box<str>, Value>,
    /// `name`'s cache: interned strs by the address and length of the literal
    /// that names them.
    static_names: crate::jit::FastMap<(usize, usize), Value>,
    /// The interned one-character strs of ASCII, by code (EMPTY until first used):
    /// iterating over a str or indexing it makes them without hashing.
    pub(crate) ascii_chars: [Value; 128],
    /// The exception being handled (`sys.exc_info()`), or NONE. In a running
    /// generator, the generator's own (`Generator::exc`); the resumer's is on
    /// `outer_handled` (see `Vm::current_exception`).
    pub handled: Value,
    /// The exception each resumer of the running generators was handling,
    /// innermost last: CPython's exc_info stack below the generators' own.
    pub outer_handled: Vec<Value>,
    /// Values natives keep alive across calls back into Python.
    pub temp_roots: Vec<Value>,
    pub recursion_limit: usize,
    /// `sys.get_int_max_str_digits()`: the most decimal digits int/str conversions
    /// accept (0: no limit), 3.11's guard against quadratic conversion time.
    pub int_max_str_digits: usize,
    /// `sys.getswitchinterval()`: kept for the program to read back; Coil runs
    /// one thread.
    pub switch_interval: f64,
    /// Nesting of Rust-level calls into the interpreter; bounds the Rust stack.
    pub native_depth: usize,
    pub root_shape: &'static Shape,
    pub argv: Vec<String>,
    /// The start-up import path (script directory, PYTHONPATH, standard library);
    /// `sys.path` is made from it.
    pub path: Vec<String>,
    /// The `sys.path` list once made (`sys_path_list`), else NONE.
    pub sys_path: Value,
    /// The `ModuleSpec` class of `__spec__` objects, once made, else NONE.
    pub spec_class: Value,
    /// The `traceback` and `frame` classes once made (src/builtins/traceback.rs).
    pub traceback_types: (Value, Value),
    /// `types.GenericAlias` and `types.UnionType` (src/builtins/generic_alias.rs).
    pub generic_alias_type: Value,
    pub union_type: Value,
    /// Weak references and their referents, not traced (src/modules/weakref.rs).
    pub weak_refs: crate::modules::weakref::WeakRefs,
    pub weakref_type: Value,
    /// The class of ranges beyond 64 bits, once made (src/builtins/longrange.rs).
    pub longrange_type: Value,
    /// `gc.isenabled()` (the collector runs regardless).
    pub gc_enabled: bool,
    /// `--gc-stats`: print the heap's `gc:` line at exit.
    pub gc_stats_on_exit: bool,
    /// `atexit` handlers: a list of `(func, args, kwargs)`, or NONE.
    pub atexit_handlers: Value,
    pub not_implemented: Value,
    pub ellipsis: Value,
    pub empty_tuple: Value,
    /// The item methods (`__getitem__`, `__setitem__`, `__contains__`) of the
    /// native dict subclasses (Counter, defaultdict, OrderedDict), which do
    /// what dict's do on their dict payload: traces read such objects with
    /// dict's helpers.
    pub dict_item_proxies: Vec<Value>,
    pub main_module: Value,
    /// Whether stdout has unflushed output (flushed before stderr writes and exit).
    pub stdout: std::io::BufWriter<Box<dyn std::io::Write>>,
    /// Registered native libraries: module name -> initialiser.
    pub native_modules: HashMap<&'static str, fn(&mut Vm) -> PyResult<Value>>,
    /// Loaded source files by filename, for tracebacks.
    pub sources: HashMap<Rc<str>, Rc<[String]>>,
    /// The frame a `yield` just suspended, handed back to its generator.
    pub suspended: Option<Box<Frame>>,
    /// The sink of the generator a builtin is draining (src/vm/drain.rs).
    pub(crate) gen_sink: Option<drain::GenSink>,
    /// A generator function's bound frame between `bind_frame` and `make_generator`.
    pub pending_generator: Option<Box<Frame>>,
    /// The value of the StopIteration that ended the last iterator `next` exhausted.
    pub stop_value: Value,
    /// Containers whose repr is being computed, to print `[...]` for cycles.
    pub repr_stack: Vec<Value>,
    /// `object.__new__` and `object.__init__`, kept out of `object`'s namespace.
    pub object_new: Value,
    pub object_init: Value,
    /// Address near the base of the interpreter thread's stack, to bound native
    /// recursion by the stack actually used.
    pub stack_base: usize,
    pub native_stack_budget: usize,
    /// The callee of the call whose `**` arguments are being merged, for the error
    /// message on a duplicate keyword.
    pub merge_callee: Option<Value>,
    /// The `code` type, created on first `compile()`.
    pub code_type: Option<Value>,
    /// Every module ever created. Modules are immortal in practice (sys.modules), and
    /// this keeps a native module alive while its initialiser still runs code.
    pub module_roots: Vec<Value>,
    /// The Python loops of `sum`/`max`/`min` the JIT runs (`builtin_loops`),
    /// compiled on first use.
    pub builtin_loops: Option<[Value; 3]>,
    /// The tracing JIT's state (traces, recorder, options, stats).
    pub jit: crate::jit::Jit,
    /// True while a trace is being recorded (checked once per instruction).
    pub jit_recording: bool,
    /// The type attribute cache used by `types::lookup_owner`.
    pub method_cache: Box<[std::cell::Cell<types::MethodCacheEntry>]>,
}

impl Vm {
    /// A frame for a call of `code`: a finished one reused when there is one (a
    /// call then allocates nothing), else a new one.
    pub fn new_frame(
        &mut self,
        code: Rc<Code>,
        globals: Value,
        locals: Value,
        func: Value,
    ) -> Box<Frame> {
        let skip_entry = !self.jit.enabled && code.has_entry();
        let mut f = match self.spare_frames.pop() {
            Some(mut f) => {
                f.reset(code, globals, locals, func);
                f
            }
            None => Frame::new(code, globals, locals, func),
        };
        if skip_entry {
            // `FuncEntry` only serves the JIT: not dispatching it keeps calls as
            // cheap as before it existed
            f.pc = 1;
        }
        f
    }

    /// Keeps a frame that returned for reuse. A generator's frame is not
    /// recycled while it is one (its generator may still be resumed or
    /// inspected); one whose generator finished is handed over with its
    /// `generator` cleared.
    #[inline]
    pub fn recycle_frame(&mut self, f: Box<Frame>) {
        const MAX_SPARE_FRAMES: usize = 64;
        if f.generator.is_none() && self.spare_frames.len() < MAX_SPARE_FRAMES {
            self.spare_frames.push(f);
        }
    }

    pub fn new() -> Box<Vm> {
        // Values some modules remember per thread belong to the previous VM's heap
        // (a fuzz target or a test makes one VM after another on a thread): forget
        // them, or the new VM would use freed objects
        crate::modules::itertools::forget_types();
        crate::modules::collections::forget_thread_values();
        crate::modules::functools::forget_thread_values();
        let mut heap = Heap::new();
        let types = Types::bootstrap(&mut heap);
        let mut vm = Box::new(Vm {
            heap,
            frames: Vec::new(),
            spare_frames: Vec::new(),
            types,
            builtins: Value::NONE,
            modules: Value::NONE,
            interned: HashMap::new(),
            static_names: Default::default(),
            ascii_chars: [Value::EMPTY; 128],
            handled: Value::NONE,
            outer_handled: Vec::new(),
            temp_roots: Vec::new(),
            recursion_limit: 1000,
            int_max_str_digits: 4300,
            switch_interval: 0.005,
            native_depth: 0,
            root_shape: Shape::new_root(),
            argv: Vec::new(),
            path: Vec::new(),
            sys_path: Value::NONE,
            spec_class: Value::NONE,
            traceback_types: (Value::NONE, Value::NONE),
            generic_alias_type: Value::NONE,
            union_type: Value::NONE,
            weak_refs: Default::default(),
            weakref_type: Value::NONE,
            longrange_type: Value::NONE,
            gc_enabled: true,
            gc_stats_on_exit: false,
            atexit_handlers: Value::NONE,
            not_implemented: Value::NONE,
            ellipsis: Value::NONE,
            empty_tuple: Value::NONE,
            dict_item_proxies: Vec::new(),
            main_module: Value::NONE,
            stdout: std::io::BufWriter::with_capacity(1 << 16, Box::new(std::io::stdout())),
            native_modules: HashMap::new(),
            sources: HashMap::new(),
            suspended: None,
            gen_sink: None,
            pending_generator: None,
            stop_value: Value::NONE,
            repr_stack: Vec::new(),
            object_new: Value::NONE,
            object_init: Value::NONE,
            stack_base: stack_address(),
            native_stack_budget: NATIVE_STACK_BUDGET,
            merge_callee: None,
            code_type: None,
            module_roots: Vec::new(),
            builtin_loops: None,
            jit: crate::jit::Jit::default(),
            jit_recording: false,
            method_cache: (0..1 << types::METHOD_CACHE_BITS)
                .map(|_| Default::default())
                .collect(),
        });
        vm.empty_tuple = vm
            .heap
            .alloc(vm.types.tuple, ObjData::Tuple(Vec::new().into()));
        vm.not_implemented = vm.heap.alloc(vm.types.not_implemented_type, ObjData::Plain);
        vm.ellipsis = vm.heap.alloc(vm.types.ellipsis_type, ObjData::Plain);
        vm.builtins = vm.new_dict();
        vm.modules = vm.new_dict();
        types::populate(&mut vm);
        // (`type_hooks` finds these by `interned_str`, without a `&mut Vm`)
        for name in types::HOOK_NAMES {
            vm.intern(name);
        }
        crate::builtins::register(&mut vm);
        crate::modules::register(&mut vm);
        vm
    }

    // ---- garbage collection -------------------------------------------------------

    /// A safepoint: collect if the heap asks for it. Only the interpreter calls this,
    /// between instructions, when every live value is in a frame or a root.
    #[inline(always)]
    pub fn safepoint(&mut self) {
        if self.heap.wants_collection() {
            self.collect();
            self.run_weakref_callbacks();
        }
    }

    pub fn collect(&mut self) {
        let started = std::time::Instant::now();
        let mut roots: Vec<Value> = Vec::with_capacity(64);
        roots.extend([
            self.builtins,
            self.modules,
            self.handled,
            self.not_implemented,
            self.ellipsis,
            self.empty_tuple,
            self.main_module,
            self.object_new,
            self.object_init,
            self.stop_value,
            self.sys_path,
            self.spec_class,
            self.traceback_types.0,
            self.traceback_types.1,
            self.generic_alias_type,
            self.union_type,
            self.weakref_type,
            self.longrange_type,
            self.atexit_handlers,
        ]);
        roots.extend(self.code_type);
        roots.extend(self.dict_item_proxies.iter().copied());
        roots.extend(self.temp_roots.iter().copied());
        roots.extend(self.outer_handled.iter().copied());
        roots.extend(self.interned.values().copied());
        self.types.trace(&mut |v| roots.push(v));
        for f in &self.frames {
            f.trace(&mut |v| roots.push(v));
        }
        roots.extend(self.module_roots.iter().copied());
        self.jit.trace_roots(&mut |v| roots.push(v));
        for (r, cb) in &self.weak_refs.pending {
            roots.extend([*r, *cb]);
        }
        for r in roots {
            self.heap.mark(r);
        }
        self.weakrefs_before_sweep();
        self.jit.forget_dead_body_entry_homes();
        // The poison class itself must survive: it is a root through `types`.
        self.heap.sweep_with_poison(self.types.freed_object);
        self.heap.stats.record_pause(started);
    }

    // ---- allocation ---------------------------------------------------------------

    #[inline]
    pub fn alloc(&mut self, class: Value, data: ObjData) -> Value {
        self.heap.alloc(class, data)
    }

    /// A read-only property a native type's attribute is made of (messages
    /// name the attribute as it was looked up).
    pub fn new_readonly_property(&mut self, fget: Value) -> Value {
        let data = ObjData::Property {
            fget,
            fset: Value::NONE,
            fdel: Value::NONE,
            doc: Value::NONE,
            name: std::cell::Cell::new(Value::EMPTY),
        };
        self.heap.alloc(self.types.property, data)
    }

    pub fn new_str(&mut self, s: &str) -> Value {
        self.heap
            .alloc(self.types.str, ObjData::Str(PyStr::new(s.into())))
    }

    /// The str `a + b`.
    pub fn new_str_concat(&mut self, a: &str, b: &str) -> Value {
        let text = crate::object::small_str::SmallStr::concat(a, b);
        self.heap
            .alloc(self.types.str, ObjData::Str(PyStr::new(text)))
    }

    pub fn new_string(&mut self, s: String) -> Value {
        self.heap
            .alloc(self.types.str, ObjData::Str(PyStr::new(s.into())))
    }

    /// The unique str object for `s`; identifiers and attribute names are interned so
    /// namespace lookups compare by identity.
    pub fn intern(&mut self, s: &str) -> Value {
        if let Some(v) = self.interned.get(s) {
            return *v;
        }
        let v = self.new_str(s);
        self.interned.insert(s.into(), v);
        mark_interned(v);
        v
    }

    /// `intern` for a name spelled in Coil's own source (`"__init__"`), found by
    /// the literal's address instead of by hashing its text: hot paths (every
    /// class call looks up `__new__` and `__init__`) ask for the same few names
    /// over and over. Two literals with the same text at different addresses
    /// just take two entries for the one interned str.
    #[inline]
    pub fn name(&mut self, s: &'static str) -> Value {
        let key = (s.as_ptr() as usize, s.len());
        if let Some(v) = self.static_names.get(&key) {
            return *v;
        }
        let v = self.intern(s);
        self.static_names.insert(key, v);
        v
    }

    /// Whether `v` is the canonical interned str for its text.
    pub fn is_interned(&self, v: Value) -> bool {
        match v.as_obj().map(|o| &o.data) {
            Some(ObjData::Str(s)) => s.interned.get(),
            _ => false,
        }
    }

    /// The interned str for `s`, if there is one.
    pub fn interned_str(&self, s: &str) -> Option<Value> {
        self.interned.get(s).copied()
    }

    /// Interns an existing str value (returns the canonical object).
    pub fn intern_value(&mut self, v: Value) -> Value {
        let s = str_of(v);
        if let Some(i) = self.interned.get(s) {
            return *i;
        }
        self.interned.insert(s.into(), v);
        mark_interned(v);
        v
    }

    pub fn new_int(&mut self, i: i64) -> Value {
        if Value::fits_small(i) {
            Value::small_int(i)
        } else {
            self.heap
                .alloc(self.types.int, ObjData::BigInt(BigInt::from(i)))
        }
    }

    /// An int from a big int, normalised to the inline form when it fits.
    pub fn new_bigint(&mut self, b: BigInt) -> Value {
        if let Some(i) = b.to_i64()
            && Value::fits_small(i)
        {
            return Value::small_int(i);
        }
        self.heap.alloc(self.types.int, ObjData::BigInt(b))
    }

    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        self.heap
            .alloc(self.types.list, ObjData::List(Mut::new(items)))
    }

    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        if items.is_empty() {
            return self.empty_tuple;
        }
        self.heap
            .alloc(self.types.tuple, ObjData::Tuple(items.into()))
    }

    /// A tuple of copies of `items` (no vector made on the way when it is short).
    #[inline]
    pub fn new_tuple_from(&mut self, items: &[Value]) -> Value {
        if items.is_empty() {
            return self.empty_tuple;
        }
        self.heap.alloc(
            self.types.tuple,
            ObjData::Tuple(TupleItems::from_slice(items)),
        )
    }

    pub fn new_dict(&mut self) -> Value {
        self.heap
            .alloc(self.types.dict, ObjData::Dict(Mut::new(Dict::new())))
    }

    pub fn new_set(&mut self) -> Value {
        self.heap
            .alloc(self.types.set, ObjData::Set(Mut::new(Set::new())))
    }

    pub fn new_frozenset(&mut self) -> Value {
        self.heap
            .alloc(self.types.frozenset, ObjData::Set(Mut::new(Set::new())))
    }

    pub fn new_bytes(&mut self, b: Vec<u8>) -> Value {
        self.heap
            .alloc(self.types.bytes, ObjData::Bytes(b.into_boxed_slice()))
    }

    pub fn new_iter(&mut self, st: IterState) -> Value {
        let t = &self.types;
        let cls = match &st {
            IterState::Seq { seq, .. } => match &seq.obj().data {
                ObjData::List(_) => t.list_iterator,
                _ => t.tuple_iterator,
            },
            IterState::Range { .. } => t.range_iterator,
            IterState::Str { s, .. } => match &s.obj().data {
                ObjData::Str(p) if p.is_ascii() => t.str_ascii_iterator,
                _ => t.str_iterator,
            },
            IterState::Bytes { b, .. } => match &b.obj().data {
                ObjData::ByteArray(_) => t.bytearray_iterator,
                _ => t.bytes_iterator,
            },
            IterState::Dict {
                kind: crate::object::DictIterKind::Keys,
                ..
            } => t.dict_keyiterator,
            IterState::Dict {
                kind: crate::object::DictIterKind::Values,
                ..
            } => t.dict_valueiterator,
            IterState::Dict {
                kind: crate::object::DictIterKind::Items,
                ..
            } => t.dict_itemiterator,
            IterState::Set { .. } => t.set_iterator,
            IterState::Callable { .. } => t.callable_iterator,
            IterState::Reversed { seq, .. } if matches!(seq.obj().data, ObjData::List(_)) => {
                t.list_reverseiterator
            }
            IterState::Reversed { .. } => t.reversed,
            _ => t.iterator,
        };
        self.heap.alloc(cls, ObjData::Iter(Mut::new(st)))
    }

    pub fn new_instance(&mut self, class: Value) -> Value {
        self.heap.alloc(
            class,
            crate::object::plain_instance(self.root_shape, Vec::new()),
        )
    }

    pub fn new_builtin(&mut self, name: &'static str, func: crate::object::NativeFn) -> Value {
        self.new_builtin_with(name, func, Value::EMPTY, crate::object::ANY_ARITY)
    }

    /// A native function whose receiver type (`owner`, EMPTY for none) and
    /// positional arity the call path checks (see `Builtin::owner`, `Builtin::arity`).
    pub fn new_builtin_with(
        &mut self,
        name: &'static str,
        func: crate::object::NativeFn,
        owner: Value,
        arity: (u8, u8),
    ) -> Value {
        self.heap.alloc(
            self.types.builtin_function,
            ObjData::Builtin(crate::object::Builtin {
                name,
                func,
                bound: Value::EMPTY,
                owner,
                arity,
                function: false,
            }),
        )
    }

    /// A module's native function: not bound when found on a class
    /// (`Builtin::function`).
    pub fn new_function(&mut self, name: &'static str, func: crate::object::NativeFn) -> Value {
        self.heap.alloc(
            self.types.builtin_function,
            ObjData::Builtin(crate::object::Builtin {
                name,
                func,
                bound: Value::EMPTY,
                owner: Value::EMPTY,
                arity: crate::object::ANY_ARITY,
                function: true,
            }),
        )
    }

    pub fn new_module(&mut self, name: &str) -> Value {
        let dict = self.new_dict();
        let n = self.intern(name);
        let key = self.name("__name__");
        self.dict_set_str(dict, key, n);
        // every module has a __doc__ (None until a docstring sets it)
        let dk = self.name("__doc__");
        self.dict_set_str(dict, dk, Value::NONE);
        let m = self.alloc(self.types.module, ObjData::Module { name: n, dict });
        self.module_roots.push(m);
        m
    }

    /// Adds a native function to a module or namespace dict under `name`.
    /// The exception being handled as `sys.exc_info()` sees it: the innermost
    /// one on CPython's exc_info stack, through the running generators' own
    /// states to their resumers'.
    pub fn current_exception(&self) -> Value {
        if !self.handled.is_none() {
            return self.handled;
        }
        self.outer_handled.last().copied().unwrap_or(Value::NONE)
    }

    pub fn add_fn(&mut self, dict: Value, name: &'static str, f: crate::object::NativeFn) {
        let fv = self.new_function(name, f);
        let k = self.intern(name);
        self.dict_set_str(dict, k, fv);
    }

    pub fn module_dict(&self, module: Value) -> Value {
        match module.as_obj().map(|o| &o.data) {
            Some(ObjData::Module { dict, .. }) => *dict,
            _ => Value::NONE,
        }
    }

    // ---- dicts keyed by interned strings --------------------------------------------

    /// Stores under an interned str key (namespace dicts: globals, classes, modules).
    pub fn dict_set_str(&mut self, dict: Value, key: Value, value: Value) {
        let h = self.str_hash(key);
        if let ObjData::Dict(d) = &dict.obj().data {
            let d = d.get();
            match d.find_identical(key, h) {
                Some(i) => d.set_value(i, value),
                None => {
                    // A non-interned equal key may be present (e.g. set through a dict
                    // literal); fall back to content comparison.
                    let r = d.insert(key, h, value, &mut |a, b| Ok(str_eq(a, b)));
                    debug_assert!(r.is_ok());
                }
            }
        }
    }

    /// Looks up an interned str key; falls back to content equality.
    #[inline]
    pub fn dict_get_str(&self, dict: Value, key: Value) -> Option<Value> {
        let h = self.str_hash(key);
        if let Some(ObjData::Dict(d)) = dict.as_obj().map(|o| &o.data) {
            let d = d.get();
            if let Some(i) = d.find_identical(key, h) {
                return Some(d.entries()[i].value);
            }
            return d.get(key, h, &mut |a, b| Ok(str_eq(a, b))).ok().flatten();
        }
        None
    }

    pub fn dict_del_str(&mut self, dict: Value, key: Value) -> bool {
        let h = self.str_hash(key);
        if let ObjData::Dict(d) = &dict.obj().data {
            return matches!(
                d.get().remove(key, h, &mut |a, b| Ok(str_eq(a, b))),
                Ok(Some(_))
            );
        }
        false
    }

    /// CPython-independent but stable hash of a str (FNV-1a over UTF-8), cached.
    #[inline]
    pub fn str_hash(&self, key: Value) -> i64 {
        if let ObjData::Str(s) = &key.obj().data {
            let h = s.hash.get();
            if h != -1 {
                return h;
            }
            let mut x: u64 = 0xcbf29ce484222325;
            for b in s.s.bytes() {
                x ^= b as u64;
                x = x.wrapping_mul(0x100000001b3);
            }
            let mut h = x as i64;
            if h == -1 {
                h = -2;
            }
            s.hash.set(h);
            return h;
        }
        0
    }

    // ---- type queries ---------------------------------------------------------------

    #[inline(always)]
    pub fn type_of(&self, v: Value) -> Value {
        if v.is_obj() {
            v.obj().class()
        } else if v.is_float() {
            self.types.float
        } else if v.is_small_int() {
            self.types.int
        } else if v.is_bool() {
            self.types.bool
        } else {
            self.types.none_type
        }
    }

    pub fn type_name(&self, v: Value) -> String {
        types::type_obj(self.type_of(v)).name.clone()
    }

    pub fn is_str(&self, v: Value) -> bool {
        v.is_obj() && matches!(v.obj().data, ObjData::Str(_))
    }

    pub fn is_int(&self, v: Value) -> bool {
        v.is_small_int() || (v.is_obj() && matches!(v.obj().data, ObjData::BigInt(_)))
    }

    pub fn function(&self, v: Value) -> Option<&'static Function> {
        match &v.as_obj()?.data {
            ObjData::Function(f) => Some(f),
            _ => None,
        }
    }
}

/// Rust stack a Vm may use before native recursion raises RecursionError. The
/// interpreter thread reserves 1 GiB; the main thread (tests) has less.
const NATIVE_STACK_BUDGET: usize = 200 << 20;

#[inline(always)]
fn stack_address() -> usize {
    let x = 0u8;
    std::hint::black_box(&x) as *const u8 as usize
}

impl Vm {
    /// Fails with RecursionError when native (Rust-level) recursion has used up its
    /// stack budget, e.g. a `__mul__` that calls itself through built-ins.
    #[inline]
    /// MemoryError unless `count` items of `item_bytes` each fit in one object
    /// ([`MAX_ALLOC_BYTES`]). Natives check a requested size (a repeat count, a
    /// width, `bytes(n)`) with this before allocating, so an absurd size raises
    /// MemoryError, as CPython's failed allocation does, instead of aborting.
    pub fn check_alloc(&mut self, count: u128, item_bytes: usize) -> PyResult<()> {
        if count.saturating_mul(item_bytes.max(1) as u128) > MAX_ALLOC_BYTES {
            return Err(self.error("MemoryError", ""));
        }
        Ok(())
    }

    /// `items * n` for a sequence repeat: empty for a count below 1 or no items
    /// (without looping n times), MemoryError when too big.
    pub fn repeat_items(&mut self, items: &[Value], n: i64) -> PyResult<Vec<Value>> {
        if n <= 0 || items.is_empty() {
            return Ok(Vec::new());
        }
        self.check_alloc(
            n as u128 * items.len() as u128,
            std::mem::size_of::<Value>(),
        )?;
        let mut out = Vec::with_capacity(items.len() * n as usize);
        for _ in 0..n {
            out.extend_from_slice(items);
        }
        Ok(out)
    }

    pub fn check_native_stack(&mut self) -> PyResult<()> {
        let used = self.stack_base.saturating_sub(stack_address());
        if used > self.native_stack_budget {
            return Err(self.error("RecursionError", "maximum recursion depth exceeded"));
        }
        Ok(())
    }
}

/// The largest single allocation a Python operation may request (4 GiB); see
/// `Vm::check_alloc`.
pub const MAX_ALLOC_BYTES: u128 = 1 << 32;

/// Content equality of two str values.
pub fn str_eq(a: Value, b: Value) -> bool {
    if a == b {
        return true;
    }
    match (a.as_obj().map(|o| &o.data), b.as_obj().map(|o| &o.data)) {
        (Some(ObjData::Str(x)), Some(ObjData::Str(y))) => x.s == y.s,
        _ => false,
    }
}

/// Flags `v`, just entered in the intern table, as interned (`PyStr::interned`).
fn mark_interned(v: Value) {
    if let Some(ObjData::Str(s)) = v.as_obj().map(|o| &o.data) {
        s.interned.set(true);
    }
}
