//! Type objects: the built-in types, class creation with C3 linearisation, and
//! attribute lookup along the MRO.

use std::cell::Cell;

use crate::gc::Heap;
use crate::object::{Dict, Mut, ObjData, TypeObj};
use crate::value::Value;
use crate::vm::{PyResult, Vm, str_of};

macro_rules! builtin_types {
    ($($field:ident : $name:literal),* $(,)?) => {
        /// The built-in type objects, created once per VM.
        pub struct Types {
            pub type_: Value,
            pub object: Value,
            $(pub $field: Value,)*
            /// Exception classes by name.
            pub exceptions: Vec<(&'static str, Value)>,
        }

        impl Types {
            pub fn bootstrap(heap: &mut Heap) -> Types {
                let type_ = heap.alloc(Value::NONE, ObjData::Type(Box::new(new_type_obj("type", vec![]))));
                type_.obj().class.set(type_);
                let object = heap.alloc(type_, ObjData::Type(Box::new(new_type_obj("object", vec![]))));
                type_obj(object).mro.get().push(object);
                type_obj(type_).mro.get().extend([type_, object]);
                let mut ty = Types {
                    type_,
                    object,
                    $($field: Value::NONE,)*
                    exceptions: Vec::new(),
                };
                $(ty.$field = make_builtin(heap, type_, object, $name);)*
                ty
            }

            pub fn trace(&self, visit: &mut dyn FnMut(Value)) {
                visit(self.type_);
                visit(self.object);
                $(visit(self.$field);)*
                for (_, v) in &self.exceptions {
                    visit(*v);
                }
            }

            /// (name, type) for every built-in exposed in `builtins`.
            pub fn public(&self) -> Vec<(&'static str, Value)> {
                vec![("type", self.type_), ("object", self.object), $(($name, self.$field),)*]
            }
        }
    };
}

builtin_types! {
    int: "int",
    bool: "bool",
    float: "float",
    complex: "complex",
    str: "str",
    list: "list",
    tuple: "tuple",
    dict: "dict",
    set: "set",
    frozenset: "frozenset",
    bytes: "bytes",
    bytearray: "bytearray",
    none_type: "NoneType",
    range: "range",
    slice: "slice",
    function: "function",
    builtin_function: "builtin_function_or_method",
    method: "method",
    module: "module",
    generator: "generator",
    coroutine: "coroutine",
    coroutine_wrapper: "coroutine_wrapper",
    async_generator: "async_generator",
    async_generator_asend: "async_generator_asend",
    async_generator_athrow: "async_generator_athrow",
    cell: "cell",
    property: "property",
    staticmethod: "staticmethod",
    classmethod: "classmethod",
    super_: "super",
    iterator: "iterator",
    dict_keys: "dict_keys",
    dict_values: "dict_values",
    dict_items: "dict_items",
    not_implemented_type: "NotImplementedType",
    ellipsis_type: "ellipsis",
    enumerate: "enumerate",
    zip: "zip",
    map: "map",
    filter: "filter",
    reversed: "reversed",
    list_iterator: "list_iterator",
    tuple_iterator: "tuple_iterator",
    range_iterator: "range_iterator",
    str_ascii_iterator: "str_ascii_iterator",
    str_iterator: "str_iterator",
    bytes_iterator: "bytes_iterator",
    bytearray_iterator: "bytearray_iterator",
    dict_keyiterator: "dict_keyiterator",
    dict_valueiterator: "dict_valueiterator",
    dict_itemiterator: "dict_itemiterator",
    set_iterator: "set_iterator",
    callable_iterator: "callable_iterator",
    list_reverseiterator: "list_reverseiterator",
    freed_object: "<freed object: a missing GC root>",
}

pub fn new_type_obj(name: &str, bases: Vec<Value>) -> TypeObj {
    TypeObj {
        name: name.to_string(),
        qualname: name.to_string(),
        module: "builtins".to_string(),
        bases: Mut::new(bases),
        mro: Mut::new(Vec::new()),
        dict: Mut::new(Dict::new()),
        version: Cell::new(next_version()),
        lookup_version: Cell::new(next_version()),
        builtin_base: Cell::new(Value::NONE),
        slots: None,
        subclasses: Mut::new(Vec::new()),
        hooks: Cell::new((0, 0)),
    }
}

fn make_builtin(heap: &mut Heap, type_: Value, object: Value, name: &str) -> Value {
    let t = heap.alloc(
        type_,
        ObjData::Type(Box::new(new_type_obj(name, vec![object]))),
    );
    type_obj(t).mro.get().extend([t, object]);
    type_obj(t).builtin_base.set(t);
    t
}

/// The payload of a type object. The caller knows `t` is a type.
#[inline(always)]
pub fn type_obj(t: Value) -> &'static TypeObj {
    match &t.obj().data {
        ObjData::Type(t) => t,
        _ => panic!("not a type object"),
    }
}

pub fn is_type(v: Value) -> bool {
    v.is_obj() && matches!(v.obj().data, ObjData::Type(_))
}

/// Fixes up the built-in type hierarchy (bool < int, exceptions) and exposes the
/// built-in types in `builtins`.
pub fn populate(vm: &mut Vm) {
    let t = &vm.types;
    set_base(t.bool, t.int, t.object);
    const EXPOSED: &[&str] = &[
        "type",
        "object",
        "int",
        "bool",
        "float",
        "complex",
        "str",
        "list",
        "tuple",
        "dict",
        "set",
        "frozenset",
        "bytes",
        "bytearray",
        "range",
        "slice",
        "property",
        "staticmethod",
        "classmethod",
        "super",
        "enumerate",
        "zip",
        "map",
        "filter",
        "reversed",
    ];
    for (name, ty) in vm.types.public() {
        if !EXPOSED.contains(&name) {
            continue;
        }
        let k = vm.intern(name);
        let b = vm.builtins;
        vm.dict_set_str(b, k, ty);
    }
    crate::vm::exc::create_hierarchy(vm);
}

fn set_base(t: Value, base: Value, object: Value) {
    let to = type_obj(t);
    // Safe: bootstrap-time mutation of a fresh type.
    *to.bases.get() = vec![base];
    *to.mro.get() = vec![t, base, object];
}

/// Like `lookup`, also returning the class on the MRO that defines `name`.
///
/// Results for interned names are cached in a direct-mapped table keyed on (type,
/// version, name), like CPython's type attribute cache; any namespace change bumps
/// the version of the class and its subclasses, which invalidates their entries.
#[inline]
pub fn lookup_owner(vm: &Vm, cls: Value, name: Value) -> Option<(Value, Value)> {
    let ver = type_obj(cls).lookup_version.get();
    let slot = method_cache_slot(cls, name);
    let e = vm.method_cache[slot].get();
    if e.ty == cls.0 && e.name == name.0 && e.version == ver {
        return if e.value == Value::EMPTY.0 {
            None
        } else {
            Some((Value(e.value), Value(e.owner)))
        };
    }
    let mut found = None;
    for &c in type_obj(cls).mro.get().iter() {
        if let Some(v) = vm.dict_get_str_in(type_obj(c).dict.get(), name) {
            found = Some((v, c));
            break;
        }
    }
    if vm.is_interned(name) {
        let (value, owner) = found.unwrap_or((Value::EMPTY, Value::EMPTY));
        vm.method_cache[slot].set(MethodCacheEntry {
            ty: cls.0,
            name: name.0,
            version: ver,
            value: value.0,
            owner: owner.0,
        });
    }
    found
}

fn method_cache_slot(cls: Value, name: Value) -> usize {
    (((cls.0 >> 4) ^ (name.0 >> 3)).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - METHOD_CACHE_BITS))
        as usize
}

/// Drops the method-cache entries for `name` (interned) on `cls` and its
/// subclasses, whose value a plain store just replaced without moving their
/// `lookup_version`.
fn forget_cached_lookups(vm: &Vm, cls: Value, name: Value) {
    let slot = method_cache_slot(cls, name);
    let e = vm.method_cache[slot].get();
    if e.ty == cls.0 && e.name == name.0 {
        vm.method_cache[slot].set(MethodCacheEntry::default());
    }
    for &s in type_obj(cls).subclasses.get().iter() {
        forget_cached_lookups(vm, s, name);
    }
}

pub const METHOD_CACHE_BITS: u32 = 12;

#[derive(Copy, Clone, Default)]
pub struct MethodCacheEntry {
    ty: u64,
    name: u64,
    version: u64,
    value: u64,
    owner: u64,
}

/// Whether `t` is a built-in type whose instances carry a built-in payload (list,
/// dict, int, ...), as opposed to `object`.
pub fn is_payload_type(t: Value) -> bool {
    let to = type_obj(t);
    to.builtin_base.get() == t && to.module == "builtins"
}

/// Looks `name` (an interned str) up along `cls`'s MRO.
#[inline]
pub fn lookup(vm: &Vm, cls: Value, name: Value) -> Option<Value> {
    lookup_owner(vm, cls, name).map(|(v, _)| v)
}

impl Vm {
    /// Namespace lookup in a raw type dict.
    #[inline]
    pub fn dict_get_str_in(&self, d: &Dict, key: Value) -> Option<Value> {
        let h = self.str_hash(key);
        if let Some(i) = d.find_identical(key, h) {
            return Some(d.entries()[i].value);
        }
        d.get(key, h, &mut |a, b| Ok(crate::vm::str_eq(a, b)))
            .ok()
            .flatten()
    }

    /// Sets an attribute in a class namespace and invalidates caches keyed on the
    /// type's version (the class and all its subclasses).
    pub fn type_set_attr(&mut self, cls: Value, name: Value, value: Value) {
        let h = self.str_hash(name);
        let d = type_obj(cls).dict.get();
        match d.find_identical(name, h) {
            Some(i) => {
                let old = d.entries()[i].value;
                d.set_value(i, value);
                let text = crate::vm::str_of(name);
                let dunder = text.starts_with("__") && text.ends_with("__");
                if !dunder && is_plain_class_value(self, old) && is_plain_class_value(self, value) {
                    // a class-level counter: lookups of other names stay cached
                    if let Some(interned) = self.interned_str(text) {
                        forget_cached_lookups(self, cls, interned);
                    }
                    bump_value_version(cls);
                    return;
                }
            }
            None => {
                let _ = d.insert(name, h, value, &mut |a, b| Ok(crate::vm::str_eq(a, b)));
            }
        }
        bump_version(cls);
    }

    pub fn type_del_attr(&mut self, cls: Value, name: Value) -> bool {
        let h = self.str_hash(name);
        let d = type_obj(cls).dict.get();
        let r = matches!(
            d.remove(name, h, &mut |a, b| Ok(crate::vm::str_eq(a, b))),
            Ok(Some(_))
        );
        bump_version(cls);
        r
    }

    /// Adds a native method to a built-in type.
    /// The call path checks its receiver (see `Builtin::owner`) and, for slot
    /// methods, its argument count.
    pub fn add_method(&mut self, cls: Value, name: &'static str, f: crate::object::NativeFn) {
        let owner = if matches!(
            name,
            "__init_subclass__" | "__subclasshook__" | "__class_getitem__"
        ) {
            Value::EMPTY
        } else {
            cls
        };
        let arity = crate::vm::call::method_arity(name, type_obj(cls).module == "builtins");
        let fv = self.new_builtin_with(name, f, owner, arity);
        let k = self.intern(name);
        self.type_set_attr(cls, k, fv);
    }

    /// Creates a type implemented in Rust (e.g. by a library module).
    pub fn new_native_type(&mut self, name: &str, module: &str, base: Value) -> Value {
        let mut t = new_type_obj(name, vec![base]);
        t.module = module.to_string();
        let tv = self.alloc(self.types.type_, ObjData::Type(Box::new(t)));
        let mut mro = vec![tv];
        mro.extend(type_obj(base).mro.get().iter().copied());
        *type_obj(tv).mro.get() = mro;
        type_obj(tv)
            .builtin_base
            .set(type_obj(base).builtin_base.get());
        type_obj(base).subclasses.get().push(tv);
        tv
    }

    /// `class name(bases): ...` once the body has run into `ns`.
    pub fn new_class(
        &mut self,
        name: &str,
        qualname: &str,
        bases: Vec<Value>,
        ns: Value,
    ) -> PyResult<Value> {
        let bases = if bases.is_empty() {
            vec![self.types.object]
        } else {
            bases
        };
        for (i, b) in bases.iter().enumerate() {
            if !is_type(*b) {
                return Err(self.type_error("bases must be types"));
            }
            let final_types = [
                self.types.bool,
                self.types.none_type,
                self.types.range,
                self.types.slice,
                self.types.function,
                self.types.generator,
                self.types.builtin_function,
                self.types.method,
                self.types.not_implemented_type,
                self.types.ellipsis_type,
            ];
            if final_types.contains(b) {
                return Err(self.type_error(&format!(
                    "type '{}' is not an acceptable base type",
                    type_obj(*b).name
                )));
            }
            if bases[..i].contains(b) {
                return Err(self.type_error(&format!("duplicate base class {}", type_obj(*b).name)));
            }
        }
        let mro_tail = c3_merge(
            bases
                .iter()
                .map(|b| type_obj(*b).mro.get().clone())
                .collect(),
            bases.clone(),
        )
        .map_err(|heads| {
            let names: Vec<String> = heads.iter().map(|b| type_obj(*b).name.clone()).collect();
            self.type_error(&format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            ))
        })?;
        let mut t = new_type_obj(name, bases.clone());
        t.qualname = qualname.to_string();
        let module_key = self.name("__module__");
        t.module = match self.dict_get_str(ns, module_key) {
            Some(m) if self.is_str(m) => str_of(m).to_string(),
            _ => "__main__".to_string(),
        };
        // Builtin payload: the first non-object builtin base along the MRO.
        let mut builtin_base = Value::NONE;
        for &c in &mro_tail {
            let bb = type_obj(c).builtin_base.get();
            if !bb.is_none() {
                builtin_base = bb;
                break;
            }
        }
        t.builtin_base = Cell::new(builtin_base);
        // two built-in bases whose instances are laid out differently (int and
        // str, list and dict) cannot be combined
        const LAYOUTS: [&str; 11] = [
            "int",
            "float",
            "complex",
            "str",
            "bytes",
            "bytearray",
            "list",
            "tuple",
            "dict",
            "set",
            "frozenset",
        ];
        let solid: Vec<Value> = mro_tail
            .iter()
            .map(|c| type_obj(*c).builtin_base.get())
            .filter(|b| {
                !b.is_none()
                    && type_obj(*b).module == "builtins"
                    && LAYOUTS.contains(&type_obj(*b).name.as_str())
            })
            .collect();
        for (i, &a) in solid.iter().enumerate() {
            for &b in &solid[i + 1..] {
                if !self.is_subclass(a, b) && !self.is_subclass(b, a) {
                    return Err(self.type_error("multiple bases have instance lay-out conflict"));
                }
            }
        }
        // __slots__: only when every class in the MRO that is user-defined has them.
        let slots_key = self.name("__slots__");
        if let Some(s) = self.dict_get_str(ns, slots_key) {
            let mut names = Vec::new();
            let items = if self.is_str(s) {
                vec![s]
            } else {
                self.collect_iter(s)?
            };
            for n in items {
                if n.is_obj() && self.is_str(n) {
                    // a private slot name is mangled with the class's, as its
                    // methods spell it (CPython's type_new)
                    let m = crate::compiler::symtable::mangle(Some(name), str_of(n));
                    names.push(self.intern(&m));
                }
            }
            let mut all = names;
            let mut has_dict = all.iter().any(|n| str_of(*n) == "__dict__");
            for &b in &bases {
                let bt = type_obj(b);
                if b == self.types.object || bt.module == "builtins" {
                    continue;
                }
                match &bt.slots {
                    Some(bs) => all.extend(bs.iter().copied()),
                    None => has_dict = true,
                }
            }
            if !has_dict {
                t.slots = Some(all);
            }
        }
        let tv = self.alloc(self.types.type_, ObjData::Type(Box::new(t)));
        let mut mro = vec![tv];
        mro.extend(mro_tail);
        *type_obj(tv).mro.get() = mro;
        // Copy the namespace.
        if let ObjData::Dict(d) = &ns.obj().data {
            let entries: Vec<(Value, Value)> = d.get().iter().map(|e| (e.key, e.value)).collect();
            for (k, v) in entries {
                // __qualname__ is the type's own field, not an inherited attribute
                if self.is_str(k) && str_of(k) != "__qualname__" {
                    let k = self.intern_value(k);
                    // implicit classmethods, as CPython's type.__new__ makes them
                    let v = if matches!(str_of(k), "__init_subclass__" | "__class_getitem__")
                        && matches!(v.as_obj().map(|o| &o.data), Some(ObjData::Function(_)))
                    {
                        self.alloc(self.types.classmethod, ObjData::ClassMethod(v))
                    } else {
                        v
                    };
                    self.type_set_attr(tv, k, v);
                }
            }
        }
        let eq = self.name("__eq__");
        let hash = self.name("__hash__");
        if self.dict_get_str(ns, eq).is_some() && self.dict_get_str(ns, hash).is_none() {
            self.type_set_attr(tv, hash, Value::NONE);
        }
        for b in &bases {
            type_obj(*b).subclasses.get().push(tv);
        }
        Ok(tv)
    }

    /// Whether `cls` is `base` or derives from it.
    pub fn is_subclass(&self, cls: Value, base: Value) -> bool {
        cls == base || type_obj(cls).mro.get().contains(&base)
    }

    pub fn isinstance(&self, v: Value, cls: Value) -> bool {
        let t = self.type_of(v);
        self.is_subclass(t, cls)
    }
}

/// Type versions are unique across all types and never reused, so a cache keyed on
/// (type address, version) cannot be fooled by a freed type's address being reused.
fn next_version() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

fn bump_version(cls: Value) {
    let t = type_obj(cls);
    t.version.set(next_version());
    t.lookup_version.set(next_version());
    for &s in t.subclasses.get().iter() {
        bump_version(s);
    }
}

/// `bump_version` for a plain value replaced by a plain value (see
/// `TypeObj::lookup_version`): only `version` moves.
fn bump_value_version(cls: Value) {
    let t = type_obj(cls);
    t.version.set(next_version());
    for &s in t.subclasses.get().iter() {
        bump_value_version(s);
    }
}

/// Whether a class attribute's value is plain data, which no lookup treats as
/// a descriptor: an int, float, bool or None, or an object of exactly one of
/// the built-in data types (a subclass could define `__get__`).
pub(crate) fn is_plain_class_value(vm: &Vm, v: Value) -> bool {
    let Some(o) = v.as_obj() else {
        return true;
    };
    let t = &vm.types;
    let cls = o.class();
    [
        t.str,
        t.int,
        t.tuple,
        t.list,
        t.dict,
        t.set,
        t.frozenset,
        t.bytes,
        t.complex,
    ]
    .contains(&cls)
}

/// C3 linearisation of the bases' MROs (without the class itself). On conflict,
/// the heads of the sequences left, for CPython's error message.
fn c3_merge(mut seqs: Vec<Vec<Value>>, bases: Vec<Value>) -> Result<Vec<Value>, Vec<Value>> {
    seqs.push(bases);
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut next = None;
        for s in &seqs {
            let cand = s[0];
            if !seqs.iter().any(|t| t[1..].contains(&cand)) {
                next = Some(cand);
                break;
            }
        }
        let Some(c) = next else {
            let mut heads: Vec<Value> = Vec::new();
            for s in &seqs {
                if !heads.contains(&s[0]) {
                    heads.push(s[0]);
                }
            }
            return Err(heads);
        };
        out.push(c);
        for s in seqs.iter_mut() {
            if s[0] == c {
                s.remove(0);
            }
        }
    }
}

pub const HOOK_GETATTRIBUTE: u8 = 1;
pub const HOOK_SETATTR: u8 = 2;
pub const HOOK_DELATTR: u8 = 4;
/// The attribute hooks: what makes attribute access more than a lookup.
pub const ATTR_HOOKS: u8 = HOOK_GETATTRIBUTE | HOOK_SETATTR | HOOK_DELATTR;
/// `__eq__` or `__hash__` found below `object` (a built-in base's too): its
/// instances are not compared and hashed by identity.
pub const HOOK_EQ_HASH: u8 = 8;
/// The names behind the hook bits, and their bits.
pub const HOOK_NAMES: [&str; 5] = [
    "__getattribute__",
    "__setattr__",
    "__delattr__",
    "__eq__",
    "__hash__",
];
const HOOK_BITS: [u8; 5] = [
    HOOK_GETATTRIBUTE,
    HOOK_SETATTR,
    HOOK_DELATTR,
    HOOK_EQ_HASH,
    HOOK_EQ_HASH,
];

impl Vm {
    /// Which hooks `cls` overrides below `object`, cached per type version so
    /// ordinary attribute access pays one compare.
    #[inline]
    pub fn type_hooks(&self, cls: Value) -> u8 {
        let t = type_obj(cls);
        let (ver, bits) = t.hooks.get();
        if ver == t.lookup_version.get() {
            return bits;
        }
        let mut bits = 0;
        for (name, bit) in HOOK_NAMES.into_iter().zip(HOOK_BITS) {
            // (interned when the VM was made)
            let Some(n) = self.interned_str(name) else {
                continue;
            };
            if let Some((f, owner)) = lookup_owner(self, cls, n)
                && owner != self.types.object
                && (bit == HOOK_EQ_HASH || !crate::vm::call::is_builtin_fn(f))
            {
                bits |= bit;
            }
        }
        t.hooks.set((t.lookup_version.get(), bits));
        bits
    }

    /// The built-in payload of an instance of a user subclass of a built-in type
    /// (e.g. the list inside `class Stack(list)`), or EMPTY.
    #[inline]
    pub fn base_payload(&self, v: Value) -> Value {
        match v.as_obj().map(|o| &o.data) {
            Some(ObjData::Instance(i)) => i.base_value.get(),
            _ => Value::EMPTY,
        }
    }

    /// For an instance of a built-in subclass whose class does not override `dunder`,
    /// the payload the built-in operation should act on; otherwise `v` itself.
    #[inline(always)]
    pub fn unwrap_payload(&mut self, v: Value, dunder: &str) -> Value {
        // (every binary operation asks: the common answer stays inline)
        let p = self.base_payload(v);
        if p.is_empty() {
            return v;
        }
        self.subclass_payload(v, p, dunder)
    }

    #[inline(never)]
    fn subclass_payload(&mut self, v: Value, p: Value, dunder: &str) -> Value {
        let cls = self.type_of(v);
        let n = self.intern(dunder);
        match lookup_owner(self, cls, n) {
            Some((_, owner)) if !is_payload_type(owner) && owner != self.types.object => v,
            _ => p,
        }
    }

    /// The receiver a method found on `owner` should see: built-in methods act on the
    /// payload of a built-in subclass instance.
    #[inline]
    pub fn method_self(&self, obj: Value, owner: Value) -> Value {
        let p = self.base_payload(obj);
        if !p.is_empty() && is_payload_type(owner) {
            p
        } else {
            obj
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A class-level counter (a plain value replaced by a plain value) moves
    /// `version`, which traces guard, but not `lookup_version`, so the method
    /// cache and attribute caches stay valid, except for that name's entries;
    /// a value that could be a descriptor moves both.
    #[test]
    fn a_class_counter_keeps_cached_lookups_of_other_names() {
        let mut vm = Vm::new();
        let base = vm.new_native_type("Base", "test", vm.types.object);
        let child = vm.new_native_type("Child", "test", base);
        let (counter, scale) = (vm.intern("counter"), vm.intern("scale"));
        vm.type_set_attr(base, counter, Value::small_int(0));
        vm.type_set_attr(base, scale, Value::small_int(2));
        let (version, lookups) = (
            type_obj(child).version.get(),
            type_obj(child).lookup_version.get(),
        );
        assert_eq!(lookup(&vm, child, scale), Some(Value::small_int(2)));
        assert_eq!(lookup(&vm, child, counter), Some(Value::small_int(0)));

        vm.type_set_attr(base, counter, Value::small_int(1));
        assert_ne!(type_obj(child).version.get(), version);
        assert_eq!(type_obj(child).lookup_version.get(), lookups);
        // the replaced name's cached entry is gone, the others are kept
        assert_eq!(lookup(&vm, child, counter), Some(Value::small_int(1)));
        let slot = method_cache_slot(child, scale);
        assert_eq!(vm.method_cache[slot].get().name, scale.0);

        let repr = vm.intern("__repr__");
        let f = lookup(&vm, vm.types.object, repr).expect("object.__repr__");
        vm.type_set_attr(base, counter, f);
        assert_ne!(type_obj(child).lookup_version.get(), lookups);
        assert_eq!(lookup(&vm, child, counter), Some(f));
    }
}
