//! Attribute access: instance slots through shapes, class attributes along the MRO,
//! descriptors (functions, properties, static/class methods), `__getattr__` fallback.

use crate::object::{ObjData, TypeObj};
use crate::value::Value;
use crate::vm::types::{is_type, lookup, lookup_owner, type_obj};
use crate::vm::{PyResult, Vm, str_of};

impl Vm {
    /// An instance's own attribute (no class lookup).
    #[inline]
    pub fn instance_get_attr(&self, obj: Value, name: Value) -> Option<Value> {
        if let ObjData::Instance(i) = &obj.as_obj()?.data {
            let d = i.dict.get();
            if !d.is_empty() {
                return self.dict_get_str(d, name);
            }
            let idx = i.shape.get().lookup(name)?;
            let v = i.slots.get()[idx];
            if !v.is_empty() {
                return Some(v);
            }
        }
        None
    }

    /// Stores an instance attribute, growing the shape on first assignment.
    pub fn instance_set_attr(&mut self, obj: Value, name: Value, v: Value) -> bool {
        if let Some(ObjData::Instance(i)) = obj.as_obj().map(|o| &o.data) {
            let d = i.dict.get();
            if !d.is_empty() {
                self.dict_set_str(d, name, v);
                return true;
            }
            let shape = i.shape.get();
            match shape.lookup(name) {
                Some(idx) => i.slots.get()[idx] = v,
                None => {
                    i.shape.set(shape.with(name));
                    i.slots.get().push(v);
                }
            }
            return true;
        }
        false
    }

    fn instance_del_attr(&mut self, obj: Value, name: Value) -> bool {
        if let Some(ObjData::Instance(i)) = obj.as_obj().map(|o| &o.data) {
            let d = i.dict.get();
            if !d.is_empty() {
                return self.dict_del_str(d, name);
            }
            let shape = i.shape.get();
            if let Some(idx) = shape.lookup(name) {
                if i.slots.get()[idx].is_empty() {
                    return false;
                }
                // Rebuild along the root so instances keep sharing shapes.
                let names: Vec<Value> = shape.names.clone();
                let vals: Vec<Value> = i.slots.get().clone();
                let mut s = self.root_shape;
                let mut nv = Vec::new();
                for (j, n) in names.iter().enumerate() {
                    if j != idx {
                        s = s.with(*n);
                        nv.push(vals[j]);
                    }
                }
                i.shape.set(s);
                *i.slots.get() = nv;
                return true;
            }
        }
        false
    }

    pub fn getattr(&mut self, obj: Value, name: Value) -> PyResult<Value> {
        match self.getattr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    pub fn no_attribute(&mut self, obj: Value, name: Value) -> crate::vm::PyErr {
        let msg = if is_type(obj) {
            format!(
                "type object '{}' has no attribute '{}'",
                type_obj(obj).name,
                str_of(name)
            )
        } else if let Some(ObjData::Module { name: m, .. }) = obj.as_obj().map(|o| &o.data) {
            format!(
                "module '{}' has no attribute '{}'",
                str_of(*m),
                str_of(name)
            )
        } else {
            format!(
                "'{}' object has no attribute '{}'",
                self.type_name(obj),
                str_of(name)
            )
        };
        let e = self.attribute_error(&msg);
        let keys = [("name", name), ("obj", obj)];
        for (k, v) in keys {
            let k = self.intern(k);
            self.instance_set_attr(e.0, k, v);
        }
        // The hint needs dir(obj), computed now while obj is at hand.
        let names = crate::builtins::functions::dir_names(self, obj);
        let hint = crate::vm::suggest::suggest(str_of(name), names.iter().map(|s| s.as_str()));
        if let Some(st) = self.exc_state(e.0) {
            st.suggestion = hint;
        }
        e
    }

    /// The instance's `__dict__`, moving its attributes out of shape slots into a dict
    /// the first time, so later changes through either view are seen by both.
    pub fn instance_dict(&mut self, obj: Value) -> Value {
        let Some(ObjData::Instance(i)) = obj.as_obj().map(|o| &o.data) else {
            return Value::NONE;
        };
        let d = i.dict.get();
        if !d.is_empty() {
            return d;
        }
        let d = self.new_dict();
        let names = i.shape.get().names.clone();
        let vals = std::mem::take(i.slots.get());
        for (n, v) in names.iter().zip(vals.iter()) {
            if !v.is_empty() {
                self.dict_set_str(d, *n, *v);
            }
        }
        i.shape.set(self.root_shape);
        i.dict.set(d);
        d
    }

    /// CPython's message for assigning or deleting a read-only attribute of a
    /// built-in type (a getset descriptor, or for complex a member), where Coil has
    /// a native property.
    fn readonly_message(&self, fget: Value, name: Value, obj: Value) -> Option<String> {
        let cls = self.type_of(obj);
        if !crate::vm::call::is_builtin_fn(fget)
            || crate::vm::types::type_obj(cls).module != "builtins"
        {
            return None;
        }
        if cls == self.types.complex {
            return Some("readonly attribute".to_string());
        }
        // (named after the type defining it: `True.real` is int's)
        let owner = crate::vm::types::lookup_owner(self, cls, name).map_or(cls, |(_, o)| o);
        Some(format!(
            "attribute '{}' of '{}' objects is not writable",
            str_of(name),
            crate::vm::types::type_obj(owner).name
        ))
    }

    /// `getattr` that reports a missing attribute as None instead of raising.
    pub fn getattr_opt(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        let cls = self.type_of(obj);
        if obj.is_obj()
            && matches!(obj.obj().data, ObjData::Instance(_))
            && self.type_hooks(cls) & crate::vm::types::HOOK_GETATTRIBUTE != 0
        {
            let ga = self.name("__getattribute__");
            let f = lookup(self, cls, ga).unwrap_or(Value::NONE);
            return match self.call(f, &[obj, name]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if self.matches(e.0, "AttributeError") => {
                    let gn = self.name("__getattr__");
                    match lookup(self, cls, gn) {
                        Some(g) => self.call(g, &[obj, name]).map(Some),
                        None => Err(e),
                    }
                }
                Err(e) => Err(e),
            };
        }
        self.getattr_generic(obj, name)
    }

    /// `object.__getattribute__` (plus the `__getattr__` fallback): descriptors,
    /// instance attributes, class attributes.
    pub fn getattr_generic(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        let cls = self.type_of(obj);
        if let Some(o) = obj.as_obj() {
            match &o.data {
                ObjData::Type(t) => return self.type_getattr(obj, t, name),
                ObjData::Module { dict, .. } => {
                    if let Some(v) = self.dict_get_str(*dict, name) {
                        return Ok(Some(v));
                    }
                    if str_of(name) == "__dict__" {
                        return Ok(Some(*dict));
                    }
                    // (before the module's own __getattr__, as a type's
                    // attribute is)
                    if str_of(name) == "__class__" {
                        return Ok(Some(cls));
                    }
                    let ga = self.name("__getattr__");
                    if let Some(f) = self.dict_get_str(*dict, ga) {
                        return self.call(f, &[name]).map(Some);
                    }
                    return Ok(None);
                }
                ObjData::Super { typ, obj: inner } => {
                    let (t, i) = (*typ, *inner);
                    if let Some(v) = self.super_getattr(t, i, name)? {
                        return Ok(Some(v));
                    }
                }
                _ => {}
            }
        }
        let found = lookup_owner(self, cls, name);
        let descr = found.map(|(d, _)| d);
        if let Some(d) = descr
            && let Some(dobj) = d.as_obj()
        {
            match &dobj.data {
                ObjData::Property { fget, .. } => {
                    if fget.is_none() {
                        return Err(self.attribute_error(&format!(
                            "property '{}' of '{}' object has no getter",
                            str_of(name),
                            self.type_name(obj)
                        )));
                    }
                    return self.call(*fget, &[obj]).map(Some);
                }
                ObjData::Instance(_) => {
                    // A user-defined data descriptor takes precedence over the instance.
                    let set = self.name("__set__");
                    let get = self.name("__get__");
                    let dcls = self.type_of(d);
                    if lookup(self, dcls, set).is_some()
                        && let Some(g) = lookup(self, dcls, get)
                    {
                        return self.call(g, &[d, obj, cls]).map(Some);
                    }
                }
                _ => {}
            }
        }
        if let Some(v) = self.instance_get_attr(obj, name) {
            return Ok(Some(v));
        }
        if let Some((d, owner)) = found {
            let slf = if matches!(d.as_obj().map(|o| &o.data), Some(ObjData::Builtin(_))) {
                self.method_self(obj, owner)
            } else {
                obj
            };
            return self.bind_descriptor(d, slf, cls).map(Some);
        }
        // Special attributes of every object.
        match str_of(name) {
            "__class__" => return Ok(Some(cls)),
            // object.__new__/__init__ live outside object's namespace: reached
            // through an instance they are the type's (`None.__new__`)
            "__new__" if !matches!(obj.as_obj().map(|o| &o.data), Some(ObjData::Type(_))) => {
                return self.getattr_opt(cls, name);
            }
            // every object has a __doc__: its class's, else None
            "__doc__" if !matches!(obj.as_obj().map(|o| &o.data), Some(ObjData::Type(_))) => {
                if let Some(v) = self.special_attr(obj, name)? {
                    return Ok(Some(v));
                }
                return Ok(Some(lookup(self, cls, name).unwrap_or(Value::NONE)));
            }
            "__init__" if !matches!(obj.as_obj().map(|o| &o.data), Some(ObjData::Type(_))) => {
                let init = self.object_init;
                return self.bind_descriptor(init, obj, cls).map(Some);
            }
            "__dict__" if type_obj(cls).slots.is_none() => {
                if let Some(ObjData::Instance(_)) = obj.as_obj().map(|o| &o.data) {
                    return Ok(Some(self.instance_dict(obj)));
                }
                if let Some(f) = self.function(obj) {
                    let mut d = *f.dict.get();
                    if d.is_none() {
                        d = self.new_dict();
                        *f.dict.get() = d;
                    }
                    return Ok(Some(d));
                }
            }
            _ => {}
        }
        if let Some(v) = self.special_attr(obj, name)? {
            return Ok(Some(v));
        }
        let ga = self.name("__getattr__");
        if let Some(f) = lookup(self, cls, ga) {
            match self.call(f, &[obj, name]) {
                Ok(v) => return Ok(Some(v)),
                Err(e) if self.matches(e.0, "AttributeError") => return Err(e),
                Err(e) => return Err(e),
            }
        }
        Ok(None)
    }

    /// The name of the first imported module holding native function `f` (its
    /// `__module__`: natives do not record theirs), else None.
    fn module_of_function(&mut self, f: Value) -> Value {
        if let ObjData::Dict(d) = &self.builtins.obj().data
            && d.get().iter().any(|e| e.value == f)
        {
            return self.intern("builtins");
        }
        let mods: Vec<(Value, Value)> = match &self.modules.obj().data {
            ObjData::Dict(d) => d.get().iter().map(|e| (e.key, e.value)).collect(),
            _ => return Value::NONE,
        };
        for (name, m) in mods {
            let Some(ObjData::Module { dict, .. }) = m.as_obj().map(|o| &o.data) else {
                continue;
            };
            if let ObjData::Dict(d) = &dict.obj().data
                && d.get().iter().any(|e| e.value == f)
            {
                return name;
            }
        }
        Value::NONE
    }

    /// Binds a class attribute found for instance `obj` of `cls`.
    pub fn bind_descriptor(&mut self, d: Value, obj: Value, cls: Value) -> PyResult<Value> {
        let Some(dobj) = d.as_obj() else { return Ok(d) };
        Ok(match &dobj.data {
            ObjData::Function(_) => self.alloc(
                self.types.method,
                ObjData::BoundMethod { func: d, slf: obj },
            ),
            ObjData::Builtin(b) if b.bound.is_empty() && !b.function => self.alloc(
                self.types.builtin_function,
                ObjData::Builtin(crate::object::Builtin {
                    name: b.name,
                    func: b.func,
                    bound: obj,
                    owner: b.owner,
                    arity: b.arity,
                    function: false,
                }),
            ),
            ObjData::StaticMethod(f) => *f,
            ObjData::ClassMethod(f) => self.alloc(
                self.types.method,
                ObjData::BoundMethod { func: *f, slf: cls },
            ),
            // an unbound `super(C)` is a descriptor: bound to the instance
            ObjData::Super { typ, obj: inner } if inner.is_none() && !obj.is_none() => {
                let typ = *typ;
                self.alloc(self.types.super_, ObjData::Super { typ, obj })
            }
            ObjData::Instance(_) => {
                let get = self.name("__get__");
                let dcls = self.type_of(d);
                match lookup(self, dcls, get) {
                    Some(g) => self.call(g, &[d, obj, cls])?,
                    None => d,
                }
            }
            _ => d,
        })
    }

    fn type_getattr(
        &mut self,
        cls: Value,
        t: &'static TypeObj,
        name: Value,
    ) -> PyResult<Option<Value>> {
        // a data descriptor of the metaclass (EnumType's `__members__` property)
        // comes before the class's own attributes
        let meta = self.type_of(cls);
        if meta != self.types.type_
            && let Some(md) = lookup(self, meta, name)
        {
            match md.as_obj().map(|o| &o.data) {
                Some(ObjData::Property { fget, .. }) => {
                    let g = *fget;
                    if !g.is_none() {
                        return self.call(g, &[cls]).map(Some);
                    }
                }
                Some(ObjData::Instance(_)) => {
                    let set = self.name("__set__");
                    let get = self.name("__get__");
                    let dcls = self.type_of(md);
                    if lookup(self, dcls, set).is_some()
                        && let Some(g) = lookup(self, dcls, get)
                    {
                        return self.call(g, &[md, cls, meta]).map(Some);
                    }
                }
                _ => {}
            }
        }
        // type's own data descriptors come before the class's namespace (a
        // class may define a `__name__` property for its instances)
        // (a str stored under the name is an assignment to it: `C.__name__ = s`)
        if matches!(str_of(name), "__name__" | "__qualname__") {
            if let Some(v) = self.dict_get_str_in(t.dict.get(), name)
                && self.isinstance(v, self.types.str)
            {
                return Ok(Some(v));
            }
            let text = if str_of(name) == "__name__" {
                &t.name
            } else {
                &t.qualname
            };
            return Ok(Some(self.new_str(text)));
        }
        if let Some(d) = lookup(self, cls, name) {
            return Ok(Some(match &d.as_obj().map(|o| &o.data) {
                Some(ObjData::StaticMethod(f)) => *f,
                Some(ObjData::ClassMethod(f)) => self.alloc(
                    self.types.method,
                    ObjData::BoundMethod { func: *f, slf: cls },
                ),
                Some(ObjData::Instance(_)) => {
                    let get = self.name("__get__");
                    let dcls = self.type_of(d);
                    match lookup(self, dcls, get) {
                        Some(g) => self.call(g, &[d, Value::NONE, cls])?,
                        None => d,
                    }
                }
                _ => d,
            }));
        }
        Ok(Some(match str_of(name) {
            "__name__" => self.new_str(&t.name),
            "__qualname__" => self.new_str(&t.qualname),
            "__module__" => self.new_str(&t.module),
            "__mro__" => {
                let m = t.mro.get().clone();
                self.new_tuple(m)
            }
            "__bases__" => self.new_tuple(t.bases.get().clone()),
            "__base__" => t.bases.get().first().copied().unwrap_or(Value::NONE),
            // a read-only mappingproxy (of a snapshot of the namespace)
            "__dict__" => {
                let d = self.new_dict();
                let entries: Vec<(Value, Value)> =
                    t.dict.get().iter().map(|e| (e.key, e.value)).collect();
                for (k, v) in entries {
                    self.dict_set_str(d, k, v);
                }
                self.temp_roots.push(d);
                let p = crate::builtins::mappingproxy::new_proxy(self, d);
                self.temp_roots.pop();
                p
            }
            "__class__" => self.type_of(cls),
            "__doc__" => Value::NONE,
            // what inspect.signature reads for `object` (a class without its
            // own __init__ or __new__ is signed as object is)
            "__text_signature__" if cls == self.types.object => self.new_str("()"),
            "__text_signature__" => Value::NONE,
            // CPython's type flags that the standard library tests: heap type,
            // base type, abstract (inspect.isabstract)
            "__flags__" => {
                let mut f: i64 = 1 << 10;
                if t.module != "builtins" {
                    f |= 1 << 9;
                }
                let ak = self.name("__abstractmethods__");
                if let Some(am) = self.dict_get_str_in(t.dict.get(), ak)
                    && self.truthy(am)?
                {
                    f |= 1 << 20;
                }
                self.new_int(f)
            }
            // object.__new__/__init__ live outside object's namespace (see
            // builtins::functions); every class inherits them.
            "__new__" => self.object_new,
            "__init__" => self.object_init,
            "mro" => {
                let f = self.new_builtin("mro", |vm, a| {
                    let t = type_receiver(vm, &a, "mro")?;
                    let m = type_obj(t).mro.get().clone();
                    Ok(vm.new_list(m))
                });
                self.bind_type_method(f, cls)
            }
            "__subclasses__" => {
                let f = self.new_builtin("__subclasses__", |vm, a| {
                    let t = type_receiver(vm, &a, "__subclasses__")?;
                    let s = type_obj(t).subclasses.get().clone();
                    Ok(vm.new_list(s))
                });
                self.bind_type_method(f, cls)
            }
            _ => {
                // Attributes of the metaclass (e.g. a user metaclass's methods).
                let meta = self.type_of(cls);
                if meta != self.types.type_
                    && let Some(d) = lookup(self, meta, name)
                {
                    return self.bind_descriptor(d, cls, meta).map(Some);
                }
                return Ok(None);
            }
        }))
    }

    /// `cls.mro` or `cls.__subclasses__`: bound to the class, except on `type`
    /// and metaclasses, whose own namespace (type's) has the unbound method
    /// (`type.mro(C)`).
    fn bind_type_method(&mut self, f: Value, cls: Value) -> Value {
        if self.is_subclass(cls, self.types.type_) {
            return f;
        }
        self.alloc(
            self.types.method,
            ObjData::BoundMethod { func: f, slf: cls },
        )
    }

    /// Attributes of built-in objects that are not in their type's namespace.
    pub(crate) fn special_attr(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        let Some(o) = obj.as_obj() else {
            return Ok(None);
        };
        let n = str_of(name);
        Ok(match (&o.data, n) {
            (ObjData::Function(f), "__name__") => Some(*f.name.get()),
            (ObjData::Function(f), "__qualname__") => Some(*f.qualname.get()),
            // An assigned `__doc__`/`__module__` (functools.wraps) lives in the dict.
            (ObjData::Function(f), "__module__" | "__doc__")
                if !f.dict.get().is_none() && self.dict_get_str(*f.dict.get(), name).is_some() =>
            {
                self.dict_get_str(*f.dict.get(), name)
            }
            (ObjData::Function(f), "__module__") => {
                let k = self.name("__name__");
                self.dict_get_str(f.globals, k)
            }
            (ObjData::Function(f), "__doc__") => {
                let d = *f.dict.get();
                let set = if d.is_none() {
                    None
                } else {
                    self.dict_get_str(d, name)
                };
                Some(set.unwrap_or(f.code.doc))
            }
            (ObjData::Property { fget, doc, .. }, "__doc__") => {
                let g = *fget;
                if !doc.is_none() {
                    Some(*doc)
                } else if g.is_none() {
                    Some(Value::NONE)
                } else {
                    self.getattr_opt(g, name)?
                }
            }
            (ObjData::Generator(g), "cr_running") if self.is_coroutine(obj) => {
                Some(Value::bool(g.get().running))
            }
            (ObjData::Generator(_), "cr_await") if self.is_coroutine(obj) => {
                Some(self.delegate_of(obj).unwrap_or(Value::NONE))
            }
            (ObjData::Generator(g), "ag_running")
                if self.type_of(obj) == self.types.async_generator =>
            {
                Some(Value::bool(g.get().running_async))
            }
            (ObjData::Generator(_), "gi_yieldfrom")
                if self.type_of(obj) == self.types.generator =>
            {
                Some(self.delegate_of(obj).unwrap_or(Value::NONE))
            }
            (ObjData::Generator(_), "ag_await")
                if self.type_of(obj) == self.types.async_generator =>
            {
                Some(self.delegate_of(obj).unwrap_or(Value::NONE))
            }
            (ObjData::Generator(g), "gi_running") => Some(Value::bool(g.get().running)),
            (ObjData::Generator(g), "gi_frame" | "cr_frame" | "ag_frame") => {
                Some(match g.get().frame.as_deref() {
                    Some(f) => crate::builtins::traceback::generator_frame(self, f),
                    None => Value::NONE,
                })
            }
            (ObjData::Generator(g), "gi_code" | "cr_code" | "ag_code") => {
                let code = match g.get().frame.as_deref() {
                    // a types.coroutine function's generator: its marked code
                    Some(f) if self.is_iterable_coroutine_fn(f.func) => {
                        let func = f.func;
                        let k = self.name("__code__");
                        return self.getattr_opt(func, k);
                    }
                    Some(f) => f.code.clone(),
                    // (a finished generator keeps no code in Coil)
                    None => return Ok(None),
                };
                Some(crate::builtins::functions::new_code_object(
                    self, code, false,
                ))
            }
            // suspended at a yield (started, not running, not finished)
            (ObjData::Generator(g), "gi_suspended" | "cr_suspended")
                if n != "cr_suspended" || self.is_coroutine(obj) =>
            {
                let g = g.get();
                Some(Value::bool(
                    !g.running && g.frame.as_deref().is_some_and(|f| f.pc > 0),
                ))
            }
            (ObjData::Function(f), "__defaults__") => {
                if f.defaults.is_empty() {
                    Some(Value::NONE)
                } else {
                    Some(self.new_tuple_from(&f.defaults))
                }
            }
            (ObjData::Function(f), "__kwdefaults__") => Some(f.kwdefaults),
            (ObjData::Function(f), "__globals__") => Some(f.globals),
            // (an assigned one is kept aside: types.coroutine's, see setattr)
            (ObjData::Function(f), "__code__") => {
                let d = *f.dict.get();
                match (!d.is_none()).then(|| self.dict_get_str(d, name)).flatten() {
                    Some(c) => Some(c),
                    None => Some(crate::builtins::functions::new_code_object(
                        self,
                        f.code.clone(),
                        false,
                    )),
                }
            }
            (ObjData::Function(f), "__closure__") => Some(if f.closure.is_empty() {
                Value::NONE
            } else {
                self.new_tuple_from(&f.closure)
            }),
            (ObjData::Generator(g), "cr_running" | "ag_running") => {
                Some(Value::bool(g.get().running))
            }
            (ObjData::Generator(_), "cr_await" | "ag_await") => Some(Value::NONE),
            (ObjData::Function(_), "__call__") => Some(obj),
            (ObjData::Function(f), _) => {
                let d = *f.dict.get();
                let found = if d.is_none() {
                    None
                } else {
                    self.dict_get_str(d, name)
                };
                if found.is_none() && n == "__annotations__" {
                    let ann = self.new_dict();
                    let mut d = *f.dict.get();
                    if d.is_none() {
                        d = self.new_dict();
                        *f.dict.get() = d;
                    }
                    self.dict_set_str(d, name, ann);
                    return Ok(Some(ann));
                }
                found
            }
            (ObjData::BoundMethod { func, .. }, "__func__") => Some(*func),
            (ObjData::BoundMethod { slf, .. }, "__self__") => Some(*slf),
            // every other attribute comes from the function (CPython's method_getattro):
            // `unittest.expectedFailure` marks the function, run() reads the method
            (ObjData::BoundMethod { func, .. }, _) => {
                let f = *func;
                return self.getattr_opt(f, name);
            }
            (ObjData::Builtin(b), "__name__") => Some(self.intern(b.name)),
            // a method's is its class's qualified name with its own (`list.append`)
            (ObjData::Builtin(b), "__qualname__") => Some(if b.owner.is_empty() || b.function {
                self.intern(b.name)
            } else {
                let owner = crate::vm::types::type_obj(b.owner).qualname.clone();
                self.new_string(format!("{owner}.{}", b.name))
            }),
            // the class an unbound built-in method belongs to (a method descriptor's)
            (ObjData::Builtin(b), "__objclass__")
                if !b.owner.is_empty() && b.bound.is_empty() && !b.function =>
            {
                Some(b.owner)
            }
            (ObjData::Builtin(b), "__module__") => Some(if b.function {
                self.module_of_function(obj)
            } else {
                Value::NONE
            }),
            (ObjData::Builtin(b), "__self__") => Some(if b.bound.is_empty() {
                Value::NONE
            } else {
                b.bound
            }),
            (ObjData::Generator(g), "__name__") => Some(g.get().name),
            (ObjData::Generator(g), "__qualname__") => Some(g.get().qualname),
            (ObjData::Property { fget, .. }, "fget") => Some(*fget),
            (ObjData::Property { fset, .. }, "fset") => Some(*fset),
            (ObjData::Property { fdel, .. }, "fdel") => Some(*fdel),
            (ObjData::StaticMethod(f) | ObjData::ClassMethod(f), "__func__") => Some(*f),
            (ObjData::Module { name, .. }, "__name__") => Some(*name),
            (ObjData::Slice { start, .. }, "start") => Some(*start),
            (ObjData::Slice { stop, .. }, "stop") => Some(*stop),
            (ObjData::Slice { step, .. }, "step") => Some(*step),
            (ObjData::Range { start, .. }, "start") => Some(self.new_int(*start)),
            (ObjData::Range { stop, .. }, "stop") => Some(self.new_int(*stop)),
            (ObjData::Range { step, .. }, "step") => Some(self.new_int(*step)),
            (ObjData::Instance(_), _) => {
                if let Some(st) = self.exc_state(obj) {
                    match n {
                        "__traceback__" => {
                            Some(crate::builtins::traceback::traceback_of(self, obj))
                        }
                        "__cause__" => Some(st.cause),
                        "__context__" => Some(st.context),
                        "__suppress_context__" => Some(Value::bool(st.suppress_context)),
                        _ => None,
                    }
                } else {
                    None
                }
            }
            _ => None,
        })
    }

    pub fn setattr(&mut self, obj: Value, name: Value, v: Value) -> PyResult<()> {
        let name = self.intern_value(name);
        self.setattr_interned(obj, name, v)
    }

    /// `setattr` for a name that is already the interned str (bytecode names are).
    pub fn setattr_interned(&mut self, obj: Value, name: Value, v: Value) -> PyResult<()> {
        let cls = self.type_of(obj);
        if let Some(o) = obj.as_obj() {
            match &o.data {
                ObjData::Type(_) => {
                    // a metaclass's own __setattr__ (EnumType's guards members)
                    if self.type_hooks(cls) & crate::vm::types::HOOK_SETATTR != 0 {
                        let sa = self.name("__setattr__");
                        if let Some(f) = lookup(self, cls, sa) {
                            self.call(f, &[obj, name, v])?;
                            return Ok(());
                        }
                    }
                    return self.type_setattr(obj, name, v);
                }
                ObjData::Module { dict, .. } => {
                    let d = *dict;
                    self.dict_set_str(d, name, v);
                    return Ok(());
                }
                ObjData::Generator(g) if matches!(str_of(name), "__name__" | "__qualname__") => {
                    if !self.is_str(v) {
                        return Err(self.type_error(&format!(
                            "{} must be set to a string object",
                            str_of(name)
                        )));
                    }
                    if str_of(name) == "__name__" {
                        g.get().name = v;
                    } else {
                        g.get().qualname = v;
                    }
                    return Ok(());
                }
                ObjData::Function(f) => {
                    if str_of(name) == "__name__" {
                        *f.name.get() = v;
                        return Ok(());
                    }
                    if str_of(name) == "__qualname__" {
                        *f.qualname.get() = v;
                        return Ok(());
                    }
                    if matches!(str_of(name), "__closure__" | "__globals__") {
                        return Err(self.error("AttributeError", "readonly attribute"));
                    }
                    // (`__code__` is still stored aside: types.coroutine
                    // assigns one at import time, which typing needs)
                    if matches!(str_of(name), "__defaults__" | "__kwdefaults__") {
                        // the function's binding would not change: an error, not
                        // a wrong result
                        let what = format!("assigning a function's {}", str_of(name));
                        return Err(self.unsupported(&what));
                    }
                    let mut d = *f.dict.get();
                    if d.is_none() {
                        d = self.new_dict();
                        *f.dict.get() = d;
                    }
                    self.dict_set_str(d, name, v);
                    return Ok(());
                }
                _ => {}
            }
        }
        let descr = lookup(self, cls, name);
        if let Some(d) = descr
            && let Some(dobj) = d.as_obj()
        {
            match &dobj.data {
                ObjData::Property {
                    fset,
                    fget,
                    name: prop_name,
                    ..
                } => {
                    if fset.is_none() {
                        let msg = self.readonly_message(*fget, name, obj).unwrap_or_else(|| {
                            self.no_accessor_message("setter", prop_name.get(), name, obj)
                        });
                        return Err(self.attribute_error(&msg));
                    }
                    self.call(*fset, &[obj, v])?;
                    return Ok(());
                }
                ObjData::Instance(_) => {
                    let set = self.name("__set__");
                    let dcls = self.type_of(d);
                    if let Some(s) = lookup(self, dcls, set) {
                        self.call(s, &[d, obj, v])?;
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        if self.type_hooks(cls) & crate::vm::types::HOOK_SETATTR != 0 {
            let sa = self.name("__setattr__");
            if let Some(f) = lookup(self, cls, sa) {
                self.call(f, &[obj, name, v])?;
                return Ok(());
            }
        }
        self.generic_setattr(obj, name, v)
    }

    /// `type.__setattr__`: set a class attribute (not of a built-in type).
    pub fn type_setattr(&mut self, obj: Value, name: Value, v: Value) -> PyResult<()> {
        let cls = self.type_of(obj);
        let t = type_obj(obj);
        if t.module == "builtins" && std::ptr::eq(type_obj(cls), type_obj(self.types.type_)) {
            return Err(self.type_error(&format!(
                "cannot set '{}' attribute of immutable type '{}'",
                str_of(name),
                t.name
            )));
        }
        let name = self.intern_value(name);
        if matches!(str_of(name), "__name__" | "__qualname__")
            && !self.isinstance(v, self.types.str)
        {
            return Err(self.type_error(&format!(
                "can only assign string to {}.{}, not '{}'",
                t.name,
                str_of(name),
                self.type_name(v)
            )));
        }
        self.type_set_attr(obj, name, v);
        Ok(())
    }

    /// `type.__delattr__`: delete a class attribute.
    pub fn type_delattr(&mut self, obj: Value, name: Value) -> PyResult<()> {
        let name = self.intern_value(name);
        if !self.type_del_attr(obj, name) {
            return Err(self.no_attribute(obj, name));
        }
        Ok(())
    }

    /// `object.__setattr__`: store in the instance, honouring `__slots__`.
    pub fn generic_setattr(&mut self, obj: Value, name: Value, v: Value) -> PyResult<()> {
        let cls = self.type_of(obj);
        if let Some(slots) = &type_obj(cls).slots
            && !slots.iter().any(|s| crate::vm::str_eq(*s, name))
        {
            return Err(self.attribute_error(&format!(
                "'{}' object has no attribute '{}'",
                self.type_name(obj),
                str_of(name)
            )));
        }
        if self.instance_set_attr(obj, name, v) {
            return Ok(());
        }
        Err(self.attribute_error(&format!(
            "'{}' object has no attribute '{}'",
            self.type_name(obj),
            str_of(name)
        )))
    }

    pub fn delattr(&mut self, obj: Value, name: Value) -> PyResult<()> {
        let cls = self.type_of(obj);
        if let Some(o) = obj.as_obj() {
            match &o.data {
                ObjData::Type(_) => {
                    if self.type_hooks(cls) & crate::vm::types::HOOK_DELATTR != 0 {
                        let da = self.name("__delattr__");
                        if let Some(f) = lookup(self, cls, da) {
                            self.call(f, &[obj, name])?;
                            return Ok(());
                        }
                    }
                    return self.type_delattr(obj, name);
                }
                ObjData::Module { dict, .. } => {
                    let d = *dict;
                    if !self.dict_del_str(d, name) {
                        return Err(self.no_attribute(obj, name));
                    }
                    return Ok(());
                }
                ObjData::Function(f) => {
                    let d = *f.dict.get();
                    if d.is_none() || !self.dict_del_str(d, name) {
                        return Err(self.no_attribute(obj, name));
                    }
                    return Ok(());
                }
                _ => {}
            }
        }
        if let Some(d) = lookup(self, cls, name)
            && let Some(ObjData::Property {
                fdel,
                fget,
                name: prop_name,
                ..
            }) = d.as_obj().map(|o| &o.data)
        {
            if fdel.is_none() {
                let msg = self.readonly_message(*fget, name, obj).unwrap_or_else(|| {
                    self.no_accessor_message("deleter", prop_name.get(), name, obj)
                });
                return Err(self.attribute_error(&msg));
            }
            self.call(*fdel, &[obj])?;
            return Ok(());
        }
        if self.type_hooks(cls) & crate::vm::types::HOOK_DELATTR != 0 {
            let da = self.name("__delattr__");
            if let Some(f) = lookup(self, cls, da) {
                self.call(f, &[obj, name])?;
                return Ok(());
            }
        }
        self.generic_delattr(obj, name)
    }

    /// `object.__delattr__`: remove an instance attribute.
    pub fn generic_delattr(&mut self, obj: Value, name: Value) -> PyResult<()> {
        if self.instance_del_attr(obj, name) {
            return Ok(());
        }
        Err(self.no_attribute(obj, name))
    }

    /// For `obj.name(...)`: `(function, obj)` when `name` is a plain method on the
    /// type (no bound-method allocation), else `(attribute, EMPTY)`.
    #[inline]
    pub fn load_method(&mut self, obj: Value, name: Value) -> PyResult<(Value, Value)> {
        let cls = self.type_of(obj);
        if !matches!(
            obj.as_obj().map(|o| &o.data),
            Some(ObjData::Type(_) | ObjData::Module { .. } | ObjData::Super { .. })
        ) {
            if let Some((d, owner)) = lookup_owner(self, cls, name) {
                match d.as_obj().map(|o| &o.data) {
                    Some(ObjData::Function(_)) => {
                        if self.instance_get_attr(obj, name).is_none() {
                            return Ok((d, obj));
                        }
                    }
                    Some(ObjData::Builtin(crate::object::Builtin {
                        bound: Value::EMPTY,
                        function: false,
                        ..
                    })) => {
                        if self.instance_get_attr(obj, name).is_none() {
                            return Ok((d, self.method_self(obj, owner)));
                        }
                    }
                    _ => {}
                }
            }
        }
        if let Some(ObjData::Super { typ, obj: inner }) = obj.as_obj().map(|o| &o.data)
            && let Some(f) = self.super_plain_method(*typ, *inner, name)
        {
            return Ok((f, *inner));
        }
        let v = self.getattr(obj, name)?;
        Ok((v, Value::EMPTY))
    }

    /// Calls `obj.name(*args)` looking the method up on the type (dunder protocol).
    pub fn call_method(
        &mut self,
        obj: Value,
        name: &'static str,
        args: &[Value],
    ) -> PyResult<Value> {
        let n = self.name(name);
        let (f, slf) = self.load_method(obj, n)?;
        if slf.is_empty() {
            self.call(f, args)
        } else {
            let mut a = Vec::with_capacity(args.len() + 1);
            a.push(slf);
            a.extend_from_slice(args);
            self.call(f, &a)
        }
    }

    /// The type's implementation of dunder `name`, if any (instance dicts are not
    /// consulted, as in CPython).
    #[inline]
    pub fn dunder(&mut self, obj: Value, name: &'static str) -> Option<Value> {
        let cls = self.type_of(obj);
        let n = self.name(name);
        lookup(self, cls, n)
    }

    /// CPython's "property 'x' of 'C' object has no setter": the name the
    /// property got from `__set_name__` (`prop_name`), none for a property
    /// never named, the attribute's for the natives' read-only properties.
    pub(crate) fn no_accessor_message(
        &self,
        what: &str,
        prop_name: Value,
        attr: Value,
        obj: Value,
    ) -> String {
        let owner = self.type_name(obj);
        let named = if prop_name.is_empty() {
            attr
        } else {
            prop_name
        };
        match named.as_obj().map(|o| &o.data) {
            Some(ObjData::Str(s)) => {
                format!("property '{}' of '{owner}' object has no {what}", s.s)
            }
            _ => format!("property of '{owner}' object has no {what}"),
        }
    }

    /// Calls dunder `name` on `obj` if the type has it.
    pub fn call_dunder(
        &mut self,
        obj: Value,
        name: &'static str,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        let cls = self.type_of(obj);
        let n = self.name(name);
        match lookup_owner(self, cls, n) {
            Some((f, _)) if !takes_receiver(f) => {
                // as CPython's slots: what is no method is bound through its
                // `__get__` if it has one, else called without the object
                let b = self.bind_descriptor(f, obj, cls)?;
                self.call(b, args).map(Some)
            }
            Some((f, owner)) => {
                let mut a = Vec::with_capacity(args.len() + 1);
                a.push(
                    if matches!(f.as_obj().map(|o| &o.data), Some(ObjData::Builtin(_))) {
                        self.method_self(obj, owner)
                    } else {
                        obj
                    },
                );
                a.extend_from_slice(args);
                self.call(f, &a).map(Some)
            }
            None => Ok(None),
        }
    }
}

/// Whether a dunder found on a class is called with the object first: a
/// Python function, a built-in type's method, or a property (whose getter
/// takes it); not a module's function, a static or class method, a bound
/// method, a class or any other callable object.
fn takes_receiver(f: Value) -> bool {
    match f.as_obj().map(|o| &o.data) {
        Some(ObjData::Builtin(b)) => b.bound.is_empty() && !b.function,
        Some(
            ObjData::Instance(_)
            | ObjData::StaticMethod(_)
            | ObjData::ClassMethod(_)
            | ObjData::Native(_)
            | ObjData::BoundMethod { .. }
            | ObjData::Type(_),
        ) => false,
        _ => true,
    }
}

/// The class a bound `mro`/`__subclasses__` of a class was called on: no
/// arguments after it, and a type (its builtin reached through `__func__` can
/// be handed anything).
fn type_receiver(vm: &mut Vm, a: &crate::vm::Args, name: &'static str) -> PyResult<Value> {
    use crate::builtins::signature::Sig;
    const MRO: Sig<0> = Sig::new("mro", []).owner("type").method();
    const SUBCLASSES: Sig<0> = Sig::new("__subclasses__", []).owner("type").method();
    let sig = if name == "mro" { &MRO } else { &SUBCLASSES };
    let t = sig.bind(vm, a)?.recv;
    if !crate::vm::types::is_type(t) {
        let tn = vm.type_name(t);
        return Err(vm.type_error(&format!(
            "descriptor '{name}' for 'type' objects doesn't apply to a '{tn}' object"
        )));
    }
    Ok(t)
}
