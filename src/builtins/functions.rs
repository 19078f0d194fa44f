//! Built-in functions that are not methods: print, len, iteration helpers, reflection,
//! exec/eval, and the descriptor types (property, staticmethod, classmethod, super).

use std::io::Write;

use crate::builtins::signature::{Sig, Style};
use crate::builtins::str_param;
use crate::compiler::bytecode::{BinOp, CmpOp};
use crate::object::{IterState, ObjData};
use crate::value::Value;
use crate::vm::types::{is_type, type_obj};
use crate::vm::{Args, PyResult, Vm, str_of};

/// A method taking no arguments but its receiver (whose arity the call path has
/// checked for the slot names: the name here is never in a message).
const NOARGS: Sig<0> = Sig::new("method", []).method();
/// A slot method taking one argument (`__eq__`, `__getattribute__`).
const OTHER: Sig<1> = Sig::new("method", ["other"]).method();

pub fn register(vm: &mut Vm) {
    let b = vm.builtins;
    let fns: &[(&'static str, crate::object::NativeFn)] = &[
        ("print", print),
        ("len", len),
        ("repr", |vm, a| {
            const REPR: Sig<1> = Sig::new("repr", ["obj"]);
            let v = REPR.bind(vm, &a)?.req(0);
            vm.repr(v)
        }),
        ("ascii", |vm, a| {
            const ASCII: Sig<1> = Sig::new("ascii", ["obj"]);
            let v = ASCII.bind(vm, &a)?.req(0);
            vm.ascii(v)
        }),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("abs", abs),
        ("min", |vm, a| min_max(vm, a, CmpOp::Lt, "min")),
        ("max", |vm, a| min_max(vm, a, CmpOp::Gt, "max")),
        ("sum", sum),
        ("sorted", sorted),
        ("iter", iter),
        ("next", next),
        ("hash", |vm, a| {
            const HASH: Sig<1> = Sig::new("hash", ["obj"]);
            let v = HASH.bind(vm, &a)?.req(0);
            let h = vm.hash(v)?;
            Ok(vm.new_int(h))
        }),
        ("id", |vm, a| {
            const ID: Sig<1> = Sig::new("id", ["obj"]);
            let v = ID.bind(vm, &a)?.req(0);
            Ok(vm.new_int((v.0 & 0xFFFF_FFFF_FFFF) as i64 ^ ((v.0 >> 48) as i64)))
        }),
        ("ord", ord),
        ("chr", chr),
        ("hex", |vm, a| radix(vm, a, 16, "0x")),
        ("oct", |vm, a| radix(vm, a, 8, "0o")),
        ("bin", |vm, a| radix(vm, a, 2, "0b")),
        ("divmod", divmod),
        ("pow", pow),
        ("round", round),
        ("all", |vm, a| all_any(vm, a, true)),
        ("any", |vm, a| all_any(vm, a, false)),
        ("callable", |vm, a| {
            const CALLABLE: Sig<1> = Sig::new("callable", ["obj"]);
            let v = CALLABLE.bind(vm, &a)?.req(0);
            Ok(Value::bool(vm.is_callable(v)))
        }),
        ("getattr", getattr),
        ("setattr", |vm, a| {
            const SETATTR: Sig<3> = Sig::new("setattr", ["obj", "name", "value"]);
            let b = SETATTR.bind(vm, &a)?;
            let n = attr_name(vm, b.req(1))?;
            vm.setattr(b.req(0), n, b.req(2))?;
            Ok(Value::NONE)
        }),
        ("hasattr", |vm, a| {
            const HASATTR: Sig<2> = Sig::new("hasattr", ["obj", "name"]);
            let b = HASATTR.bind(vm, &a)?;
            let n = attr_name(vm, b.req(1))?;
            match vm.getattr_opt(b.req(0), n) {
                Ok(v) => Ok(Value::bool(v.is_some())),
                Err(e) if vm.matches(e.0, "AttributeError") => Ok(Value::FALSE),
                Err(e) => Err(e),
            }
        }),
        ("delattr", |vm, a| {
            const DELATTR: Sig<2> = Sig::new("delattr", ["obj", "name"]);
            let b = DELATTR.bind(vm, &a)?;
            let n = attr_name(vm, b.req(1))?;
            vm.delattr(b.req(0), n)?;
            Ok(Value::NONE)
        }),
        ("vars", vars),
        ("globals", |vm, a| {
            const GLOBALS: Sig<0> = Sig::new("globals", []);
            GLOBALS.bind(vm, &a)?;
            Ok(vm.frames.last().map(|f| f.globals).unwrap_or(Value::NONE))
        }),
        ("locals", locals),
        ("dir", dir),
        ("input", input),
        ("exec", |vm, a| exec_eval(vm, a, false)),
        ("eval", |vm, a| exec_eval(vm, a, true)),
        ("__build_class__", |vm, a| vm.build_class(a)),
        ("format", |vm, a| {
            /// `format(value, format_spec='', /)`
            const FORMAT: Sig<2> = Sig::new("format", ["value", "format_spec"]).required(1);
            let b = FORMAT.bind(vm, &a)?;
            let spec = b.str_or(vm, 1, "")?;
            vm.format(b.req(0), spec)
        }),
        ("__import__", |vm, a| {
            /// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`
            const IMPORT: Sig<5> = Sig::new(
                "__import__",
                ["name", "globals", "locals", "fromlist", "level"],
            )
            .posonly(0)
            .required(1);
            let b = IMPORT.bind(vm, &a)?;
            let Some(name) = crate::builtins::signature::as_str(b.req(0)) else {
                return Err(vm.type_error("module name must be a string"));
            };
            let name = name.to_string();
            let globals = vm.frames.last().map(|f| f.globals).unwrap_or(Value::NONE);
            let fromlist = b.get(3).unwrap_or(Value::NONE);
            vm.import(&name, fromlist, 0, globals)
        }),
        ("open", crate::modules::io::open),
        ("breakpoint", breakpoint),
        ("compile", compile),
    ];
    for (name, f) in fns {
        let fv = vm.new_function(name, *f);
        let k = vm.intern(name);
        vm.dict_set_str(b, k, fv);
    }
    // as CPython's builtins module: a class body run with globals that lack
    // __name__ (exec(src, {})) finds this one for its __module__
    let (nk, nv) = (vm.intern("__name__"), vm.intern("builtins"));
    vm.dict_set_str(b, nk, nv);
    let consts = [
        ("None", Value::NONE),
        ("True", Value::TRUE),
        ("False", Value::FALSE),
        // Coil has no -O: assert statements always run
        ("__debug__", Value::TRUE),
    ];
    for (n, v) in consts {
        let k = vm.intern(n);
        vm.dict_set_str(b, k, v);
    }
    let ni = vm.not_implemented;
    let k = vm.intern("NotImplemented");
    vm.dict_set_str(b, k, ni);
    let el = vm.ellipsis;
    let k = vm.intern("Ellipsis");
    vm.dict_set_str(b, k, el);

    // Constructors of iterator and descriptor types.
    let t = vm.types.range;
    vm.add_method(t, "__new__", range_new);
    vm.add_method(t, "index", range_index);
    vm.add_method(t, "count", |vm, a| {
        /// `range.count(value, /)`
        const COUNT: Sig<1> = Sig::new("range.count", ["value"]).method();
        let b = COUNT.bind(vm, &a)?;
        let (r, x) = (b.recv, b.req(0));
        if !exact_int(vm, x) {
            // anything else counts the items equal to it, as a sequence does
            let mut n = 0;
            range_search(vm, r, x, |_| {
                n += 1;
                false
            })?;
            return Ok(vm.new_int(n));
        }
        match range_index(vm, a) {
            Ok(_) => Ok(Value::small_int(1)),
            Err(e) if vm.matches(e.0, "ValueError") => Ok(Value::small_int(0)),
            Err(e) => Err(e),
        }
    });
    let t = vm.types.slice;
    vm.add_method(t, "__new__", |vm, a| {
        /// `slice(stop)`, `slice(start, stop[, step])`
        const SLICE: Sig<3> = Sig::new("slice", ["start", "stop", "step"])
            .constructor()
            .required(1);
        let b = SLICE.bind(vm, &a)?;
        let none = Value::NONE;
        let (start, stop, step) = match b.args {
            [Some(stop), None, _] => (none, stop, none),
            [Some(start), Some(stop), step] => (start, stop, step.unwrap_or(none)),
            _ => unreachable!("bind checked slice's count"),
        };
        Ok(vm.alloc(vm.types.slice, ObjData::Slice { start, stop, step }))
    });
    // slices are unhashable in 3.11 (`slice(5).__hash__` is None)
    let hk = vm.intern("__hash__");
    vm.type_set_attr(t, hk, Value::NONE);
    vm.add_method(t, "indices", |vm, a| {
        /// `slice.indices(len, /)`
        const INDICES: Sig<1> = Sig::new("slice.indices", ["len"]).method();
        let b = INDICES.bind(vm, &a)?;
        let n = b.index(vm, 0)?;
        let Some(n) = vm.to_i64(n) else {
            return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"));
        };
        if n < 0 {
            return Err(vm.value_error("length should not be negative"));
        }
        let s = vm.slice_indices(b.recv, n as usize)?;
        let items = vec![vm.new_int(s.start), vm.new_int(s.stop), vm.new_int(s.step)];
        Ok(vm.new_tuple(items))
    });
    let t = vm.types.enumerate;
    vm.add_method(t, "__new__", enumerate_new);
    let t = vm.types.zip;
    vm.add_method(t, "__new__", zip_new);
    let t = vm.types.map;
    vm.add_method(t, "__new__", map_new);
    let t = vm.types.filter;
    vm.add_method(t, "__new__", filter_new);
    let t = vm.types.reversed;
    vm.add_method(t, "__new__", reversed_new);
    let t = &vm.types;
    let iter_types = [
        t.iterator,
        t.enumerate,
        t.zip,
        t.map,
        t.filter,
        t.reversed,
        t.list_iterator,
        t.tuple_iterator,
        t.range_iterator,
        t.str_ascii_iterator,
        t.str_iterator,
        t.bytes_iterator,
        t.bytearray_iterator,
        t.dict_keyiterator,
        t.dict_valueiterator,
        t.dict_itemiterator,
        t.set_iterator,
        t.callable_iterator,
        t.list_reverseiterator,
    ];
    for t in iter_types {
        vm.add_method(t, "__iter__", |vm, a| Ok(NOARGS.bind(vm, &a)?.recv));
        vm.add_method(t, "__next__", |vm, a| {
            let it = NOARGS.bind(vm, &a)?.recv;
            match vm.next(it)? {
                Some(v) => Ok(v),
                None => {
                    let v = vm.take_stop_value();
                    Err(vm.stop_iteration(v))
                }
            }
        });
    }
    let g = vm.types.generator;
    vm.add_method(g, "__iter__", |vm, a| Ok(NOARGS.bind(vm, &a)?.recv));
    vm.add_method(g, "__next__", |vm, a| {
        let g = NOARGS.bind(vm, &a)?.recv;
        match vm.gen_send(g, Value::NONE)? {
            Some(v) => Ok(v),
            None => {
                let v = vm.take_stop_value();
                Err(vm.stop_iteration(v))
            }
        }
    });
    vm.add_method(g, "send", |vm, a| {
        /// `generator.send(value, /)`
        const SEND: Sig<1> = Sig::new("send", ["value"]).method();
        let b = SEND.bind(vm, &a)?;
        match vm.gen_send(b.recv, b.req(0))? {
            Some(v) => Ok(v),
            None => {
                let v = vm.take_stop_value();
                Err(vm.stop_iteration(v))
            }
        }
    });
    vm.add_method(g, "throw", gen_throw);
    vm.add_method(g, "close", gen_close);
    // __init__ of the mutable containers, for `super().__init__(...)` in subclasses.
    let t = vm.types.list;
    vm.add_method(t, "__init__", |vm, a| {
        /// `list.__init__(self, iterable=(), /)`: `list() takes no keyword arguments`
        const INIT: Sig<1> = Sig::new("list", ["iterable"]).constructor().required(0);
        let b = INIT.bind(vm, &a)?;
        let items = match b.get(0) {
            Some(it) => vm.collect_iter(it)?,
            None => vec![],
        };
        if let ObjData::List(l) = &b.recv.obj().data {
            *l.get() = items;
        }
        Ok(Value::NONE)
    });
    let t = vm.types.dict;
    vm.add_method(t, "__init__", |vm, a| {
        /// `dict.__init__(self, mapping=(), /, **kwargs)`
        const INIT: Sig<1> = Sig::new("dict", ["mapping"])
            .constructor()
            .required(0)
            .varkw();
        let b = INIT.bind(vm, &a)?;
        let d = b.recv;
        if let Some(src) = b.get(0) {
            vm.dict_update_from(d, src, false)?;
        }
        for &(k, v) in &b.kwrest {
            vm.dict_set(d, k, v)?;
        }
        Ok(Value::NONE)
    });
    let t = vm.types.set;
    vm.add_method(t, "__init__", |vm, a| {
        /// `set.__init__(self, iterable=(), /)`: `set() takes no keyword arguments`
        const INIT: Sig<1> = Sig::new("set", ["iterable"]).constructor().required(0);
        let b = INIT.bind(vm, &a)?;
        let s = b.recv;
        if let ObjData::Set(set) = &s.obj().data {
            set.get().clear();
        }
        if let Some(it) = b.get(0) {
            for x in vm.collect_iter(it)? {
                vm.set_add(s, x)?;
            }
        }
        Ok(Value::NONE)
    });
    let t = vm.types.property;
    vm.add_method(t, "__new__", property_new);
    vm.add_method(t, "getter", |vm, a| property_with(vm, a, 0));
    vm.add_method(t, "setter", |vm, a| property_with(vm, a, 1));
    vm.add_method(t, "deleter", |vm, a| property_with(vm, a, 2));
    vm.add_method(t, "__set_name__", property_set_name);
    let t = vm.types.staticmethod;
    vm.add_method(t, "__new__", |vm, a| {
        /// `staticmethod(function, /)`
        const NEW: Sig<1> = Sig::new("staticmethod", ["function"]).constructor();
        let f = NEW.bind(vm, &a)?.req(0);
        Ok(vm.alloc(vm.types.staticmethod, ObjData::StaticMethod(f)))
    });
    let t = vm.types.classmethod;
    vm.add_method(t, "__new__", |vm, a| {
        /// `classmethod(function, /)`
        const NEW: Sig<1> = Sig::new("classmethod", ["function"]).constructor();
        let f = NEW.bind(vm, &a)?.req(0);
        Ok(vm.alloc(vm.types.classmethod, ObjData::ClassMethod(f)))
    });
    let t = vm.types.super_;
    vm.add_method(t, "__new__", super_new);
    let t = vm.types.super_;
    vm.add_method(t, "__getattribute__", |vm, a| {
        let b = OTHER.bind(vm, &a)?;
        vm.getattr(b.recv, b.req(0))
    });
    let t = vm.types.type_;
    vm.add_method(t, "__new__", type_new);
    // `super().__call__(...)` in a metaclass's __call__
    vm.add_method(t, "__call__", |vm, a| {
        const CALL: Sig<0> = Sig::new("__call__", []).method().varargs().varkw();
        let b = CALL.bind(vm, &a)?;
        let cls = b.recv;
        if !is_type(cls) {
            return Err(vm.type_error("descriptor '__call__' requires a 'type' object"));
        }
        vm.type_call(cls, b.rest, a.kw)
    });
    // types.ModuleType(name, doc=None)
    let t = vm.types.module;
    vm.add_method(t, "__new__", |vm, a| {
        /// `module(name, doc=None)` (CPython's `module.__init__`, whose messages
        /// name `module`)
        const MODULE: Sig<2> = Sig::new("module", ["name", "doc"])
            .posonly(0)
            .required(1)
            .constructor();
        let b = MODULE.bind(vm, &a)?;
        let name = b.str(vm, 0)?;
        let m = vm.new_module(name);
        let d = vm.module_dict(m);
        let doc = b.get(1).unwrap_or(Value::NONE);
        for (k, v) in [
            ("__doc__", doc),
            ("__package__", Value::NONE),
            ("__loader__", Value::NONE),
            ("__spec__", Value::NONE),
        ] {
            let k = vm.intern(k);
            vm.dict_set_str(d, k, v);
        }
        Ok(m)
    });
    vm.add_method(t, "__init__", |_vm, _a| Ok(Value::NONE));
    // types.MethodType(func, obj)
    let t = vm.types.method;
    vm.add_method(t, "__new__", |vm, a| {
        /// `method(function, instance, /)`
        const NEW: Sig<2> = Sig::new("method", ["function", "instance"]).constructor();
        let b = NEW.bind(vm, &a)?;
        let (func, slf) = (b.req(0), b.req(1));
        if !vm.is_callable(func) {
            return Err(vm.type_error("first argument must be callable"));
        }
        if slf.is_none() {
            return Err(vm.type_error("instance must not be None"));
        }
        Ok(vm.alloc(vm.types.method, ObjData::BoundMethod { func, slf }))
    });
    // `type.__instancecheck__`/`__subclasscheck__`: the plain checks, which a
    // metaclass's own hook reaches through super()
    let ty = vm.types.type_;
    vm.add_method(ty, "__instancecheck__", |vm, a| {
        const CHECK: Sig<1> = Sig::new("__instancecheck__", ["instance"])
            .method()
            .owner("type");
        let b = CHECK.bind(vm, &a)?;
        Ok(Value::bool(vm.isinstance(b.req(0), b.recv)))
    });
    vm.add_method(ty, "__subclasscheck__", |vm, a| {
        const CHECK: Sig<1> = Sig::new("__subclasscheck__", ["subclass"])
            .method()
            .owner("type");
        let b = CHECK.bind(vm, &a)?;
        if !is_type(b.req(0)) {
            return Err(vm.type_error("issubclass() arg 1 must be a class"));
        }
        Ok(Value::bool(vm.is_subclass(b.req(0), b.recv)))
    });
    vm.add_method(ty, "__setattr__", |vm, a| {
        const SETATTR: Sig<2> = Sig::new("__setattr__", ["name", "value"])
            .method()
            .owner("type");
        let b = SETATTR.bind(vm, &a)?;
        let n = attr_name(vm, b.req(0))?;
        vm.type_setattr(b.recv, n, b.req(1))?;
        Ok(Value::NONE)
    });
    vm.add_method(ty, "__delattr__", |vm, a| {
        const DELATTR: Sig<1> = Sig::new("__delattr__", ["name"]).method().owner("type");
        let b = DELATTR.bind(vm, &a)?;
        let n = attr_name(vm, b.req(0))?;
        vm.type_delattr(b.recv, n)?;
        Ok(Value::NONE)
    });
    // `builtin_function_or_method.__reduce__()`: a module's function pickles
    // by its name (pickle finds its module), a method as getattr(owner, name)
    let bf = vm.types.builtin_function;
    vm.add_method(bf, "__reduce__", |vm, a| {
        let f = NOARGS.bind(vm, &a)?.recv;
        let Some(ObjData::Builtin(b)) = f.as_obj().map(|o| &o.data) else {
            return Err(vm.type_error("descriptor '__reduce__' needs a builtin function"));
        };
        let (name, holder) = (b.name, if b.bound.is_empty() { b.owner } else { b.bound });
        let name = vm.new_str(name);
        if holder.is_empty() {
            return Ok(name);
        }
        let k = vm.intern("getattr");
        let getattr = vm.dict_get_str(vm.builtins, k).unwrap_or(Value::NONE);
        let args = vm.new_tuple(vec![holder, name]);
        Ok(vm.new_tuple(vec![getattr, args]))
    });
    let t = vm.types.object;
    vm.add_method(t, "__sizeof__", |vm, a| {
        const SIZEOF: Sig<0> = Sig::new("__sizeof__", []).method().owner("object");
        let v = SIZEOF.bind(vm, &a)?.recv;
        Ok(vm.new_int(crate::object::sizes::size_of_value(v) as i64))
    });
    vm.add_method(t, "__reduce_ex__", object_reduce_ex);
    vm.add_method(t, "__getstate__", object_getstate_method);
    vm.add_method(t, "__reduce__", |vm, a| {
        let v = NOARGS.bind(vm, &a)?.recv;
        let copyreg = vm.import("copyreg", Value::NONE, 0, Value::NONE)?;
        let k = vm.intern("_reduce_ex");
        let f = vm.getattr(copyreg, k)?;
        vm.call(f, &[v, Value::small_int(0)])
    });
    // `object.__subclasshook__()`: NotImplemented (ABCs override it)
    let hook = vm.new_builtin("__subclasshook__", |vm, a| {
        // `__subclasshook__(cls, *args)`: no keywords
        const HOOK: Sig<0> = Sig::new("__subclasshook__", []).varargs();
        HOOK.bind(vm, &a)?;
        Ok(vm.not_implemented)
    });
    let hook = vm.alloc(vm.types.classmethod, ObjData::ClassMethod(hook));
    let k = vm.intern("__subclasshook__");
    vm.type_set_attr(t, k, hook);
    // a classmethod, as in CPython: `C.__init_subclass__()` takes no arguments
    let isc = vm.new_builtin("__init_subclass__", |vm, a| {
        /// `__init_subclass__(cls)`: `int.__init_subclass__() takes no arguments
        /// (1 given)`, named after the class it is called on
        const ISC: Sig<0> = Sig::new("__init_subclass__", []).class_method();
        ISC.bind(vm, &a)?;
        Ok(Value::NONE)
    });
    let isc = vm.alloc(vm.types.classmethod, ObjData::ClassMethod(isc));
    let k = vm.intern("__init_subclass__");
    vm.type_set_attr(t, k, isc);
    vm.add_method(t, "__eq__", |vm, a| {
        let b = OTHER.bind(vm, &a)?;
        Ok(if b.recv == b.req(0) {
            Value::TRUE
        } else {
            vm.not_implemented
        })
    });
    vm.add_method(t, "__ne__", |vm, a| {
        let b = OTHER.bind(vm, &a)?;
        // the type's __eq__ (a class's own is its metaclass's), as CPython's
        // tp_richcompare
        let r = vm
            .call_dunder(b.recv, "__eq__", &[b.req(0)])?
            .unwrap_or(vm.not_implemented);
        if r == vm.not_implemented {
            return Ok(r);
        }
        Ok(Value::bool(!vm.truthy(r)?))
    });
    vm.add_method(t, "__hash__", |vm, a| {
        let v = NOARGS.bind(vm, &a)?.recv;
        Ok(vm.new_int(((v.0 & 0xFFFF_FFFF_FFFF) >> 4) as i64))
    });
    vm.add_method(t, "__repr__", |vm, a| {
        let v = NOARGS.bind(vm, &a)?.recv;
        let t = type_obj(vm.type_of(v));
        let s = if t.module == "builtins" {
            format!("<{} object at {:#x}>", t.qualname, v.0 & 0xFFFF_FFFF_FFFF)
        } else {
            format!(
                "<{}.{} object at {:#x}>",
                t.module,
                t.qualname,
                v.0 & 0xFFFF_FFFF_FFFF
            )
        };
        Ok(vm.new_string(s))
    });
    vm.add_method(t, "__str__", |vm, a| {
        let v = NOARGS.bind(vm, &a)?.recv;
        vm.repr(v)
    });
    vm.add_method(t, "__setattr__", |vm, a| {
        const SETATTR: Sig<2> = Sig::new("__setattr__", ["name", "value"]).method();
        let b = SETATTR.bind(vm, &a)?;
        let n = attr_name(vm, b.req(0))?;
        if is_type(b.recv) {
            // a class's attributes are type.__setattr__'s (CPython's hackcheck)
            let tn = vm.type_name(b.recv);
            return Err(vm.type_error(&format!("can't apply this __setattr__ to {tn} object")));
        }
        vm.generic_setattr(b.recv, n, b.req(1))?;
        Ok(Value::NONE)
    });
    vm.add_method(t, "__getattribute__", |vm, a| {
        let b = OTHER.bind(vm, &a)?;
        let n = attr_name(vm, b.req(0))?;
        match vm.getattr_generic(b.recv, n)? {
            Some(v) => Ok(v),
            None => Err(vm.no_attribute(b.recv, n)),
        }
    });
    vm.add_method(t, "__delattr__", |vm, a| {
        let b = OTHER.bind(vm, &a)?;
        let n = attr_name(vm, b.req(0))?;
        if is_type(b.recv) {
            let tn = vm.type_name(b.recv);
            return Err(vm.type_error(&format!("can't apply this __delattr__ to {tn} object")));
        }
        vm.generic_delattr(b.recv, n)?;
        Ok(Value::NONE)
    });
    // `object.__dir__()` and `type.__dir__()`: the names dir() lists, unsorted
    // in CPython, sorted here
    vm.add_method(t, "__dir__", |vm, a| {
        let v = NOARGS.bind(vm, &a)?.recv;
        let names = dir_names(vm, v);
        let vals = names.iter().map(|n| vm.new_str(n)).collect();
        Ok(vm.new_list(vals))
    });
    let ty = vm.types.type_;
    vm.add_method(ty, "__dir__", |vm, a| {
        let v = NOARGS.bind(vm, &a)?.recv;
        let names = dir_names(vm, v);
        let vals = names.iter().map(|n| vm.new_str(n)).collect();
        Ok(vm.new_list(vals))
    });
    vm.add_method(t, "__format__", |vm, a| {
        /// `object.__format__(self, format_spec, /)`
        const FORMAT: Sig<1> = Sig::new("__format__", ["format_spec"]).method();
        let b = FORMAT.bind(vm, &a)?;
        let Some(spec) = crate::builtins::signature::as_str(b.req(0)) else {
            return Err(vm.type_error(&format!(
                "__format__() argument must be str, not {}",
                crate::builtins::bad_arg_name(vm, b.req(0))
            )));
        };
        if !spec.is_empty() {
            return Err(vm.type_error(&format!(
                "unsupported format string passed to {}.__format__",
                vm.type_name(b.recv)
            )));
        }
        vm.str(b.recv)
    });
    let t = vm.types.object;
    vm.add_method(t, "__new__", |vm, a| {
        const NEW: Sig<0> = Sig::new("object", []).constructor().varargs().varkw();
        let cls = NEW.bind(vm, &a)?.recv;
        Ok(vm.new_instance(cls))
    });
    vm.add_method(t, "__init__", |_vm, _a| Ok(Value::NONE));
    // object.__new__ and __init__ are found by every class; the call protocol treats
    // these two specially, so remove them from lookup and keep them reachable by name.
    let nk = vm.intern("__new__");
    let ik = vm.intern("__init__");
    let obj_new = vm.dict_get_str_in(type_obj(t).dict.get(), nk).unwrap();
    let obj_init = vm.dict_get_str_in(type_obj(t).dict.get(), ik).unwrap();
    vm.type_del_attr(t, nk);
    vm.type_del_attr(t, ik);
    vm.object_new = obj_new;
    vm.object_init = obj_init;
}

/// `generator.throw(typ[, val[, tb]])` (coroutines' too: src/vm/coro.rs binds it
/// with the wrapper as the receiver, so messages name `coroutine_wrapper.throw`)
pub(crate) const THROW: Sig<3> = Sig::new("throw", ["typ", "val", "tb"]).method().required(1);

pub(crate) fn gen_throw(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = THROW.bind(vm, &a)?;
    throw_into(vm, b.recv, &b.args)
}

/// Raises `typ` (with `val`, `tb` as bound by [`THROW`]) inside generator or
/// coroutine `g`.
pub(crate) fn throw_into(vm: &mut Vm, g: Value, args: &[Option<Value>; 3]) -> PyResult<Value> {
    let none = Value::NONE;
    let exc = throw_exc(
        vm,
        args[0].unwrap_or(none),
        args[1].unwrap_or(none),
        args[2].unwrap_or(none),
    )?;
    match vm.gen_resume(g, Value::NONE, Some(exc))? {
        crate::vm::interp::Resumed::Yielded(v) => Ok(v),
        crate::vm::interp::Resumed::Returned(v) => Err(vm.stop_iteration(v)),
    }
}

/// The exception `throw(typ, val, tb)` raises (generators, coroutines, async
/// generators' awaitables), with CPython's checks of the three arguments.
pub(crate) fn throw_exc(vm: &mut Vm, t: Value, v: Value, tb: Value) -> PyResult<Value> {
    if !tb.is_none() && vm.type_name(tb) != "traceback" {
        return Err(vm.type_error("throw() third argument must be a traceback object"));
    }
    let base = vm.exc_class("BaseException");
    if is_type(t) && vm.is_subclass(t, base) {
        let made = if v.is_none() {
            vm.instantiate_exception(t, &[], false)
        } else if vm.isinstance(v, t) {
            Ok(v)
        } else if let Some(items) = vm.tuple_items(v) {
            // a tuple value is the arguments (`throw(E, (1, 2))` is `E(1, 2)`)
            vm.instantiate_exception(t, &items, false)
        } else {
            vm.instantiate_exception(t, &[v], false)
        };
        // as CPython's normalization: an error making the exception is the one
        // thrown in
        Ok(made.unwrap_or_else(|e| e.0))
    } else if vm.is_exception_instance(t) {
        if !v.is_none() {
            return Err(vm.type_error("instance exception may not have a separate value"));
        }
        Ok(t)
    } else {
        let tn = vm.type_name(t);
        Err(vm.type_error(&format!(
            "exceptions must be classes or instances deriving from BaseException, not {tn}"
        )))
    }
}

/// `generator.close()` (coroutines' too: src/vm/coro.rs)
pub(crate) const CLOSE: Sig<0> = Sig::new("close", []).method();

pub(crate) fn gen_close(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let g = CLOSE.bind(vm, &a)?.recv;
    close_gen(vm, g)
}

/// Raises GeneratorExit inside generator or coroutine `g` if it has started.
pub(crate) fn close_gen(vm: &mut Vm, g: Value) -> PyResult<Value> {
    let ObjData::Generator(st) = &g.obj().data else {
        return Ok(Value::NONE);
    };
    let started = st.get().frame.as_ref().map(|f| f.pc > 0);
    match started {
        None => return Ok(Value::NONE),
        Some(false) => {
            st.get().frame = None;
            return Ok(Value::NONE);
        }
        Some(true) => {}
    }
    let ge = vm.exc_class("GeneratorExit");
    let exc = vm.new_exception(ge, vec![]);
    match vm.gen_resume(g, Value::NONE, Some(exc)) {
        Ok(crate::vm::interp::Resumed::Yielded(_)) => {
            let msg = format!("{} ignored GeneratorExit", vm.type_name(g));
            Err(vm.runtime_error(&msg))
        }
        Ok(_) => Ok(Value::NONE),
        Err(e) if vm.matches(e.0, "GeneratorExit") || vm.matches(e.0, "StopIteration") => {
            Ok(Value::NONE)
        }
        Err(e) => Err(e),
    }
}

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`
const PRINT: Sig<4> = Sig::new("print", ["sep", "end", "file", "flush"])
    .kwonly(0)
    .required(0)
    .varargs();

fn print(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = PRINT.bind(vm, &a)?;
    // flush is read by truth while parsing, then sep and end are checked
    let flush = b.truth(vm, 3, false)?;
    let file = b.get(2).unwrap_or(Value::NONE);
    let mut text = [" ", "\n"];
    for (i, what) in [(0, "sep"), (1, "end")] {
        if let Some(v) = b.opt(i) {
            if !vm.is_str(v) {
                return Err(vm.type_error(&format!(
                    "{what} must be None or a string, not {}",
                    vm.type_name(v)
                )));
            }
            text[i] = str_of(v);
        }
    }
    let [sep, end] = text;
    let mut out = String::new();
    for (i, v) in b.rest.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        if vm.is_str(*v) && vm.type_of(*v) == vm.types.str {
            out.push_str(str_of(*v));
        } else {
            let s = vm.str(*v)?;
            out.push_str(str_of(s));
        }
    }
    out.push_str(end);
    if file.is_none() {
        vm.write_stdout(&out)?;
        if flush {
            let _ = vm.stdout.flush();
        }
    } else {
        let s = vm.new_string(out);
        vm.call_method(file, "write", &[s])?;
        if flush {
            let _ = vm.call_method(file, "flush", &[]);
        }
    }
    Ok(Value::NONE)
}

impl Vm {
    pub fn write_stdout(&mut self, s: &str) -> PyResult<()> {
        let sys_stdout = self.redirected_stream("stdout", 1);
        if let Some(f) = sys_stdout {
            let v = self.new_str(s);
            self.call_method(f, "write", &[v])?;
            return Ok(());
        }
        if self.stdout.write_all(s.as_bytes()).is_err() {
            return Err(self.error("OSError", "write to stdout failed"));
        }
        Ok(())
    }

    /// `sys.<name>` (`stdout` or `stderr`, file descriptor `fd`) when a program
    /// replaced it with its own object (or None).
    pub(crate) fn redirected_stream(&mut self, name: &str, fd: i32) -> Option<Value> {
        let sys_key = self.intern("sys");
        let m = self.dict_get_str(self.modules, sys_key)?;
        let d = self.module_dict(m);
        let k = self.intern(name);
        let f = self.dict_get_str(d, k)?;
        if f.is_obj()
            && matches!(f.obj().data, ObjData::Native(_))
            && self.type_name(f) == "TextIOWrapper"
            && crate::modules::io::is_std_stream(f, fd)
        {
            return None;
        }
        Some(f)
    }
}

/// `breakpoint(*args, **kws)`: calls `sys.breakpointhook` with the arguments.
fn breakpoint(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let sys = vm.import("sys", Value::NONE, 0, Value::NONE)?;
    let k = vm.intern("breakpointhook");
    let hook = match vm.getattr_opt(sys, k) {
        Ok(Some(h)) => h,
        _ => return Err(vm.error("RuntimeError", "lost sys.breakpointhook")),
    };
    vm.call_kw(hook, a.pos, a.kw)
}

fn len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const LEN: Sig<1> = Sig::new("len", ["obj"]);
    let v = LEN.bind(vm, &a)?.req(0);
    let n = vm.len(v)?;
    Ok(vm.new_int(n as i64))
}

fn isinstance(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const ISINSTANCE: Sig<2> = Sig::new("isinstance", ["obj", "class_or_tuple"]);
    let b = ISINSTANCE.bind(vm, &a)?;
    Ok(Value::bool(isinstance_of(vm, b.req(0), b.req(1))?))
}

fn isinstance_of(vm: &mut Vm, v: Value, cls: Value) -> PyResult<bool> {
    if let Some(items) = vm.tuple_items(cls) {
        for c in items {
            if isinstance_of(vm, v, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    // an exact match needs no hook; else the class's __instancecheck__ (ABCMeta,
    // a union, typing's special forms)
    if is_type(cls) && vm.type_of(v) == cls {
        return Ok(true);
    }
    if let Some(r) = check_hook(vm, cls, "__instancecheck__", v)? {
        return Ok(r);
    }
    if !is_type(cls) {
        return Err(
            vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")
        );
    }
    Ok(vm.isinstance(v, cls))
}

/// Calls `type(cls).hook(cls, v)` when the metaclass (not `type` itself) has it.
fn check_hook(vm: &mut Vm, cls: Value, hook: &str, v: Value) -> PyResult<Option<bool>> {
    let meta = vm.type_of(cls);
    if meta == vm.types.type_ {
        return Ok(None);
    }
    let k = vm.intern(hook);
    let Some((f, owner)) = crate::vm::types::lookup_owner(vm, meta, k) else {
        return Ok(None);
    };
    if owner == vm.types.type_ {
        // type's own hook is the plain check the caller makes
        return Ok(None);
    }
    let m = vm.bind_descriptor(f, cls, meta)?;
    let r = vm.call(m, &[v])?;
    Ok(Some(vm.truthy(r)?))
}

fn issubclass(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const ISSUBCLASS: Sig<2> = Sig::new("issubclass", ["cls", "class_or_tuple"]);
    let b = ISSUBCLASS.bind(vm, &a)?;
    fn sub(vm: &mut Vm, c: Value, cls: Value) -> PyResult<bool> {
        if let Some(items) = vm.tuple_items(cls) {
            for x in items {
                if sub(vm, c, x)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if let Some(r) = check_hook(vm, cls, "__subclasscheck__", c)? {
            return Ok(r);
        }
        // CPython checks the first argument first
        if !is_type(c) {
            return Err(vm.type_error("issubclass() arg 1 must be a class"));
        }
        if !is_type(cls) {
            return Err(
                vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")
            );
        }
        Ok(vm.is_subclass(c, cls))
    }
    Ok(Value::bool(sub(vm, b.req(0), b.req(1))?))
}

fn abs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const ABS: Sig<1> = Sig::new("abs", ["x"]);
    let v = ABS.bind(vm, &a)?.req(0);
    if v.is_small_int() {
        return Ok(vm.new_int(v.as_small_int().abs()));
    }
    if v.is_float() {
        return Ok(Value::float(v.as_float().abs()));
    }
    if v.is_bool() {
        return Ok(Value::small_int((v == Value::TRUE) as i64));
    }
    if let Some(b) = vm.to_bigint(v) {
        return Ok(vm.new_bigint(num_traits::Signed::abs(&b)));
    }
    match vm.call_dunder(v, "__abs__", &[])? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(&format!(
            "bad operand type for abs(): '{}'",
            vm.type_name(v)
        ))),
    }
}

/// `min(iterable, *, default=obj, key=func)`, `min(arg1, arg2, *args, key=func)`:
/// the positional count is checked before the keywords, as CPython does.
fn min_max(vm: &mut Vm, a: Args, op: CmpOp, name: &str) -> PyResult<Value> {
    const MIN: Sig<2> = Sig::new("min", ["key", "default"])
        .kwonly(0)
        .required(0)
        .varargs();
    const MAX: Sig<2> = Sig::new("max", ["key", "default"])
        .kwonly(0)
        .required(0)
        .varargs();
    if a.pos.is_empty() {
        return Err(vm.type_error(&format!("{name} expected at least 1 argument, got 0")));
    }
    let b = if op == CmpOp::Lt { &MIN } else { &MAX }.bind(vm, &a)?;
    let (key, default) = (b.opt(0), b.get(1));
    let items = if let [it] = b.rest {
        return min_max_iter(vm, *it, op, name, key, default);
    } else {
        if default.is_some() {
            return Err(vm.type_error(&format!(
                "Cannot specify a default for {name}() with multiple positional arguments"
            )));
        }
        b.rest.to_vec()
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(&format!("{name}() arg is an empty sequence"))),
        };
    }
    let base = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&items);
    let r = (|| {
        let mut best = items[0];
        let mut best_key = match key {
            Some(k) => vm.call(k, &[best])?,
            None => best,
        };
        vm.temp_roots.push(best_key);
        for &x in &items[1..] {
            let kx = match key {
                Some(k) => vm.call(k, &[x])?,
                None => x,
            };
            vm.temp_roots.push(kx);
            let c = vm.compare(op, kx, best_key)?;
            if vm.truthy(c)? {
                best = x;
                best_key = kx;
            }
        }
        Ok(best)
    })();
    vm.temp_roots.truncate(base);
    r
}

/// `min`/`max` of one iterable: items taken one at a time, each one's key
/// computed as it comes (the key may watch the iterator), as CPython does.
fn min_max_iter(
    vm: &mut Vm,
    iterable: Value,
    op: CmpOp,
    name: &str,
    key: Option<Value>,
    default: Option<Value>,
) -> PyResult<Value> {
    // exact lists and tuples are read in place, the list's length looked at
    // at every step as its iterator does (a key may change the list)
    let seq = iterable.as_obj().filter(|o| {
        matches!(o.data, ObjData::List(_) | ObjData::Tuple(_)) && vm.is_builtin_exact(iterable)
    });
    let it = match seq {
        Some(_) => iterable,
        None => vm.iter(iterable)?,
    };
    // rooted: the iterator, the best item and its key, the item and its key
    let base = vm.temp_roots.len();
    vm.temp_roots
        .extend([it, Value::NONE, Value::NONE, Value::NONE, Value::NONE]);
    let mut idx = 0;
    #[inline(always)]
    fn item_at(seq: &ObjData, idx: usize) -> Option<Value> {
        match seq {
            ObjData::List(l) => l.get().get(idx).copied(),
            ObjData::Tuple(t) => t.get(idx).copied(),
            _ => None,
        }
    }
    let mut next = |vm: &mut Vm| -> PyResult<Option<Value>> {
        match seq {
            Some(o) => {
                idx += 1;
                Ok(item_at(&o.data, idx - 1))
            }
            None => vm.next(it),
        }
    };
    let r = (|| {
        let Some(mut best) = next(vm)? else {
            return match default {
                Some(d) => Ok(d),
                None => Err(vm.value_error(&format!("{name}() arg is an empty sequence"))),
            };
        };
        vm.temp_roots[base + 1] = best;
        if vm.jit.enabled
            && crate::vm::drain::is_plain_generator(vm, it)
            // (a native key could read its caller's frame: `key=eval`)
            && key.is_none_or(|k| matches!(k.as_obj().map(|o| &o.data), Some(ObjData::Function(_))))
        {
            // the rest runs as a Python loop the JIT traces (`builtin_loops`)
            let which = if op == CmpOp::Lt {
                crate::vm::builtin_loops::Loop::MinRest
            } else {
                crate::vm::builtin_loops::Loop::MaxRest
            };
            return vm.call_builtin_loop(which, &[it, best, key.unwrap_or(Value::NONE)]);
        }
        let mut best_key = match key {
            Some(k) => vm.call(k, &[best])?,
            None => best,
        };
        vm.temp_roots[base + 2] = best_key;
        while let Some(x) = next(vm)? {
            // (only heap objects need rooting: numbers are not collected)
            let kx = match key {
                Some(k) => {
                    vm.temp_roots[base + 3] = x;
                    vm.call(k, &[x])?
                }
                None => x,
            };
            if kx.is_obj() {
                vm.temp_roots[base + 4] = kx;
            }
            let c = vm.compare(op, kx, best_key)?;
            if vm.truthy(c)? {
                best = x;
                best_key = kx;
                vm.temp_roots[base + 1] = best;
                vm.temp_roots[base + 2] = best_key;
            }
        }
        Ok(best)
    })();
    vm.temp_roots.truncate(base);
    r
}

/// `sum(iterable, /, start=0)`
const SUM: Sig<2> = Sig::new("sum", ["iterable", "start"])
    .posonly(1)
    .required(1);

fn sum(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = SUM.bind(vm, &a)?;
    let mut acc = b.get(1).unwrap_or(Value::small_int(0));
    if vm.is_str(acc) {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    for (t, name) in [(vm.types.bytes, "bytes"), (vm.types.bytearray, "bytearray")] {
        if vm.isinstance(acc, t) {
            return Err(vm.type_error(&format!(
                "sum() can't sum {name} [use b''.join(seq) instead]"
            )));
        }
    }
    if crate::vm::drain::is_plain_generator(vm, b.req(0)) {
        // the running total lives in `temp_roots[slot]`, where the sink adds too
        let slot = vm.temp_roots.len();
        vm.temp_roots.push(acc);
        // (with the JIT, the rest after an item the sink refuses runs as a
        // Python loop it traces: `builtin_loops`)
        let jit = vm.jit.enabled;
        let r = vm.drain_generator(b.req(0), crate::vm::drain::SinkKind::Sum, slot, |vm, x| {
            let acc = vm.temp_roots[slot];
            vm.temp_roots[slot] = vm.binary_op(BinOp::Add, acc, x)?;
            Ok(!jit)
        });
        let total = vm.temp_roots[slot];
        let r = match r {
            Ok(None) => {
                vm.call_builtin_loop(crate::vm::builtin_loops::Loop::SumRest, &[b.req(0), total])
            }
            r => r.map(|_| total),
        };
        vm.temp_roots.truncate(slot);
        return r;
    }
    let it = vm.iter(b.req(0))?;
    vm.temp_roots.push(it);
    // the running total stays rooted while the iterator runs Python code (a
    // generator of Fractions: statistics._sum)
    let slot = vm.temp_roots.len();
    vm.temp_roots.push(acc);
    let r = (|| {
        while let Some(x) = vm.next(it)? {
            // Float sums are accumulated exactly like CPython (plain adds).
            acc = vm.binary_op(BinOp::Add, acc, x)?;
            vm.temp_roots[slot] = acc;
        }
        Ok(acc)
    })();
    vm.temp_roots.truncate(slot - 1);
    r
}

/// `sorted(iterable, /, *, key=None, reverse=False)`: CPython checks the
/// positional argument itself and leaves the keywords to list.sort (whose name
/// its keyword errors carry).
const SORTED_KW: Sig<2> = Sig::new("sort", ["key", "reverse"]).kwonly(0).required(0);

fn sorted(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const SORTED: Sig<1> = Sig::new("sorted", ["iterable"]).style(Style::Positional);
    let it = SORTED.bind(vm, &Args::new(a.pos))?.req(0);
    let items = vm.collect_iter(it)?;
    let list = vm.new_list(items);
    vm.temp_roots.push(list);
    let r = (|| {
        let b = SORTED_KW.bind(vm, &Args { pos: &[], kw: a.kw })?;
        let (key, reverse) = (b.get(0), b.int_flag(vm, 1, false)?);
        crate::builtins::sort::sort_list(vm, list, key, Some(Value::bool(reverse)))
    })();
    vm.temp_roots.pop();
    r?;
    Ok(list)
}

fn iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `iter(object[, sentinel])`
    const ITER: Sig<2> = Sig::new("iter", ["object", "sentinel"]).required(1);
    let b = ITER.bind(vm, &a)?;
    if let Some(sentinel) = b.get(1) {
        let func = b.req(0);
        if !vm.is_callable(func) {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        return Ok(vm.new_iter(IterState::Callable { func, sentinel }));
    }
    vm.iter(b.req(0))
}

fn next(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `next(iterator[, default])`
    const NEXT: Sig<2> = Sig::new("next", ["iterator", "default"]).required(1);
    let b = NEXT.bind(vm, &a)?;
    let (it, default) = (b.req(0), b.get(1));
    let is_iter = (matches!(
        it.as_obj().map(|o| &o.data),
        Some(ObjData::Iter(_) | ObjData::Generator(_))
    ) && vm.type_of(it) != vm.types.coroutine
        && vm.type_of(it) != vm.types.async_generator)
        || vm.dunder(it, "__next__").is_some();
    if !is_iter {
        return Err(vm.type_error(&format!("'{}' object is not an iterator", vm.type_name(it))));
    }
    if !matches!(
        it.as_obj().map(|o| &o.data),
        Some(ObjData::Iter(_) | ObjData::Generator(_))
    ) {
        // A Python-level iterator: its own StopIteration propagates unchanged.
        return match vm.call_dunder(it, "__next__", &[]) {
            Ok(Some(v)) => Ok(v),
            Err(e) if vm.matches(e.0, "StopIteration") && default.is_some() => {
                Ok(default.unwrap_or(Value::NONE))
            }
            Err(e) => Err(e),
            Ok(None) => {
                Err(vm.type_error(&format!("'{}' object is not an iterator", vm.type_name(it))))
            }
        };
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => {
                let v = vm.take_stop_value();
                Err(vm.stop_iteration(v))
            }
        },
    }
}

fn ord(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const ORD: Sig<1> = Sig::new("ord", ["c"]);
    let v = ORD.bind(vm, &a)?.req(0);
    if vm.is_str(v) {
        let s = str_of(v);
        let mut chars = s.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Ok(Value::small_int(c as i64));
        }
        return Err(vm.type_error(&format!(
            "ord() expected a character, but string of length {} found",
            s.chars().count()
        )));
    }
    let bytes = match v.as_obj().map(|o| &o.data) {
        Some(ObjData::Bytes(b)) => Some(b.to_vec()),
        Some(ObjData::ByteArray(b)) => Some(b.get().clone()),
        _ => None,
    };
    if let Some(b) = bytes {
        if b.len() == 1 {
            return Ok(Value::small_int(b[0] as i64));
        }
        return Err(vm.type_error(&format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        )));
    }
    Err(vm.type_error(&format!(
        "ord() expected string of length 1, but {} found",
        vm.type_name(v)
    )))
}

fn chr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const CHR: Sig<1> = Sig::new("chr", ["i"]);
    let b = CHR.bind(vm, &a)?;
    let i = i64::from(crate::builtins::signature::to_c_int(vm, b.req(0))?);
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => {
            let mut b = [0u8; 4];
            Ok(vm.char_str(c.encode_utf8(&mut b)))
        }
        None => {
            if (0xD800..0xE000).contains(&i) {
                return Err(vm.unsupported("lone surrogate characters"));
            }
            Err(vm.value_error("chr() arg not in range(0x110000)"))
        }
    }
}

fn radix(vm: &mut Vm, a: Args, base: u32, prefix: &str) -> PyResult<Value> {
    const BIN: Sig<1> = Sig::new("bin", ["number"]);
    const OCT: Sig<1> = Sig::new("oct", ["number"]);
    const HEX: Sig<1> = Sig::new("hex", ["number"]);
    let sig = match base {
        2 => &BIN,
        8 => &OCT,
        _ => &HEX,
    };
    let v = sig.bind(vm, &a)?.req(0);
    let i = match vm.to_bigint(v) {
        Some(i) => i,
        // (through __index__, whose result must be an int)
        None => {
            let r = crate::builtins::signature::to_index(vm, v)?;
            vm.to_bigint(r).unwrap_or_default()
        }
    };
    let neg = i.sign() == num_bigint::Sign::Minus;
    let digits = num_traits::Signed::abs(&i).to_str_radix(base);
    Ok(vm.new_string(format!(
        "{}{}{}",
        if neg { "-" } else { "" },
        prefix,
        digits
    )))
}

fn divmod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const DIVMOD: Sig<2> = Sig::new("divmod", ["x", "y"]);
    let b = DIVMOD.bind(vm, &a)?;
    let (x, y) = (b.req(0), b.req(1));
    if vm.to_num(x).is_some() && vm.to_num(y).is_some() {
        if (x.is_float() || y.is_float())
            && matches!(vm.to_num(y), Some(crate::vm::num::Num::Float(f)) if f == 0.0)
            || (x.is_float() && vm.to_i64(y) == Some(0))
        {
            return Err(vm.zero_division("float divmod()"));
        }
        let q = vm.binary_op(BinOp::FloorDiv, x, y)?;
        let r = vm.binary_op(BinOp::Mod, x, y)?;
        return Ok(vm.new_tuple(vec![q, r]));
    }
    if let Some(r) = vm.call_dunder(x, "__divmod__", &[y])?
        && r != vm.not_implemented
    {
        return Ok(r);
    }
    if let Some(r) = vm.call_dunder(y, "__rdivmod__", &[x])?
        && r != vm.not_implemented
    {
        return Ok(r);
    }
    Err(vm.type_error(&format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        vm.type_name(x),
        vm.type_name(y)
    )))
}

/// `pow(base, exp, mod=None)`
const POW: Sig<3> = Sig::new("pow", ["base", "exp", "mod"])
    .posonly(0)
    .required(2);

fn pow(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let bound = POW.bind(vm, &a)?;
    let (b, e, m) = (bound.req(0), bound.req(1), bound.opt(2));
    match m {
        None => vm.binary_op(BinOp::Pow, b, e),
        Some(_) if vm.complex_of(b).is_some() || vm.complex_of(e).is_some() => {
            Err(vm.value_error("complex modulo"))
        }
        Some(m) => {
            let (Some(bi), Some(ei), Some(mi)) =
                (vm.to_bigint(b), vm.to_bigint(e), vm.to_bigint(m))
            else {
                return Err(vm.type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            };
            use num_traits::{One, Signed, Zero};
            if mi.is_zero() {
                return Err(vm.value_error("pow() 3rd argument cannot be 0"));
            }
            let (base, exp) = if ei.is_negative() {
                // modular inverse
                let inv = mod_inverse(&bi, &mi).ok_or_else(|| {
                    vm.value_error("base is not invertible for the given modulus")
                })?;
                (inv, -ei)
            } else {
                (bi, ei)
            };
            let mabs = mi.abs();
            let mut r = base.modpow(&exp, &mabs);
            if r.is_negative() {
                r += &mabs;
            }
            if mi.is_negative() && !r.is_zero() {
                r += &mi;
            }
            let _ = num_bigint::BigInt::one();
            Ok(vm.new_bigint(r))
        }
    }
}

fn mod_inverse(a: &num_bigint::BigInt, m: &num_bigint::BigInt) -> Option<num_bigint::BigInt> {
    use num_integer::Integer;
    use num_traits::{One, Signed};
    let m = m.abs();
    let e = a.mod_floor(&m).extended_gcd(&m);
    if !e.gcd.is_one() {
        return None;
    }
    Some(e.x.mod_floor(&m))
}

/// `round(number, ndigits=None)`
const ROUND: Sig<2> = Sig::new("round", ["number", "ndigits"])
    .posonly(0)
    .required(1);

/// An `ndigits` argument: an int through `__index__`, clamped to ±i64::MAX.
fn ndigits(vm: &mut Vm, n: Value) -> PyResult<i64> {
    let x = crate::builtins::signature::to_index(vm, n)?;
    Ok(match vm.to_i64(x) {
        Some(i) => i,
        None if vm
            .to_bigint(x)
            .is_some_and(|b| b.sign() == num_bigint::Sign::Minus) =>
        {
            -i64::MAX
        }
        None => i64::MAX,
    })
}

fn round(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = ROUND.bind(vm, &a)?;
    let v = b.req(0);
    let nd = b.opt(1);
    // a user type's __round__ gets ndigits as passed; ints and floats need an int
    let nd_int = match nd {
        Some(n) if v.is_float() || vm.to_bigint(v).is_some() => Some(ndigits(vm, n)?),
        _ => None,
    };
    if v.is_float() {
        let f = v.as_float();
        return match nd {
            None => {
                if !f.is_finite() {
                    return Err(if f.is_nan() {
                        vm.value_error("cannot convert float NaN to integer")
                    } else {
                        vm.overflow_error("cannot convert float infinity to integer")
                    });
                }
                let r = f.round_ties_even();
                Ok(vm.new_bigint(crate::vm::ops::bigint_from_f64(r)))
            }
            Some(_) => {
                // past ±400 digits an f64 is kept whole or rounds to zero alike
                let n = nd_int.unwrap_or(0).clamp(-400, 400);
                Ok(Value::float(crate::builtins::numbers::round_float(f, n)))
            }
        };
    }
    if let Some(i) = vm.to_bigint(v) {
        return match nd {
            None => Ok(vm.new_bigint(i)),
            Some(_) => {
                let n = nd_int.unwrap_or(0);
                if n >= 0 {
                    return Ok(vm.new_bigint(i));
                }
                // 10**-n above twice |i|: rounds to zero (and no huge power)
                if -n > (i.bits() / 3 + 2) as i64 {
                    return Ok(Value::small_int(0));
                }
                use num_integer::Integer;
                let p = num_bigint::BigInt::from(10).pow((-n) as u32);
                let (q, r) = i.div_mod_floor(&p);
                let twice = &r * 2;
                let q = if twice > p || (twice == p && q.is_odd()) {
                    q + 1
                } else {
                    q
                };
                Ok(vm.new_bigint(q * p))
            }
        };
    }
    let args: Vec<Value> = nd.into_iter().collect();
    match vm.call_dunder(v, "__round__", &args)? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(&format!(
            "type {} doesn't define __round__ method",
            vm.type_name(v)
        ))),
    }
}

fn all_any(vm: &mut Vm, a: Args, all: bool) -> PyResult<Value> {
    const ALL: Sig<1> = Sig::new("all", ["iterable"]);
    const ANY: Sig<1> = Sig::new("any", ["iterable"]);
    let v = if all { &ALL } else { &ANY }.bind(vm, &a)?.req(0);
    if crate::vm::drain::is_plain_generator(vm, v) {
        // the sink drops the values that decide nothing (src/vm/drain.rs)
        let kind = if all {
            crate::vm::drain::SinkKind::All
        } else {
            crate::vm::drain::SinkKind::Any
        };
        let slot = vm.temp_roots.len();
        vm.temp_roots.push(Value::NONE);
        let r = vm.drain_generator(v, kind, slot, |vm, x| Ok(vm.truthy(x)? == all));
        vm.temp_roots.truncate(slot);
        return Ok(Value::bool(if r?.is_some() { all } else { !all }));
    }
    let it = vm.iter(v)?;
    vm.temp_roots.push(it);
    let r = (|| {
        while let Some(x) = vm.next(it)? {
            if vm.truthy(x)? != all {
                return Ok(Value::bool(!all));
            }
        }
        Ok(Value::bool(all))
    })();
    vm.temp_roots.pop();
    r
}

fn attr_name(vm: &mut Vm, n: Value) -> PyResult<Value> {
    // a str subclass's instance names the attribute by its str
    let n = crate::builtins::str::payload(n);
    if !vm.is_str(n) {
        return Err(vm.type_error(&format!(
            "attribute name must be string, not '{}'",
            vm.type_name(n)
        )));
    }
    Ok(vm.intern_value(n))
}

fn getattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `getattr(object, name[, default])`
    const GETATTR: Sig<3> = Sig::new("getattr", ["object", "name", "default"]).required(2);
    let b = GETATTR.bind(vm, &a)?;
    let (o, n) = (b.req(0), attr_name(vm, b.req(1))?);
    match b.get(2) {
        None => vm.getattr(o, n),
        Some(d) => match vm.getattr_opt(o, n) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Ok(d),
            Err(e) if vm.matches(e.0, "AttributeError") => Ok(d),
            Err(e) => Err(e),
        },
    }
}

fn vars(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `vars([object])`
    const VARS: Sig<1> = Sig::new("vars", ["object"]).required(0);
    let Some(o) = VARS.bind(vm, &a)?.get(0) else {
        return locals(vm, a);
    };
    let k = vm.intern("__dict__");
    vm.getattr(o, k)
        .map_err(|_| vm.type_error("vars() argument must have __dict__ attribute"))
}

fn locals(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const LOCALS: Sig<0> = Sig::new("locals", []);
    LOCALS.bind(vm, &a)?;
    let Some(f) = vm.frames.last() else {
        return Ok(Value::NONE);
    };
    if !f.locals.is_none() {
        return Ok(f.locals);
    }
    if f.code.flags & crate::compiler::bytecode::flags::NAMESPACE != 0 {
        return Ok(f.globals);
    }
    let code = f.code.clone();
    let slots = f.slots.clone();
    let d = vm.new_dict();
    for (i, n) in code.varnames.iter().enumerate() {
        if !slots[i].is_empty() {
            vm.dict_set_str(d, *n, slots[i]);
        }
    }
    let nl = code.nlocals();
    for (i, n) in code.cellvars.iter().chain(code.freevars.iter()).enumerate() {
        let v = crate::vm::interp::cell_get(slots[nl + i]);
        if !v.is_empty() {
            vm.dict_set_str(d, *n, v);
        }
    }
    Ok(d)
}

fn dir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `dir([object])`
    const DIR: Sig<1> = Sig::new("dir", ["object"]).required(0);
    let o = DIR.bind(vm, &a)?.get(0);
    let mut names: Vec<String> = Vec::new();
    if let Some(o) = o {
        // a class's own __dir__ (the metaclass's for a class: EnumType's),
        // its result made a sorted list
        let cls = vm.type_of(o);
        let k = vm.intern("__dir__");
        if let Some((f, owner)) = crate::vm::types::lookup_owner(vm, cls, k)
            && owner != vm.types.object
            && owner != vm.types.type_
        {
            let m = vm.bind_descriptor(f, o, cls)?;
            let r = vm.call(m, &[])?;
            let items = vm.collect_iter(r)?;
            let l = vm.new_list(items);
            vm.call_method(l, "sort", &[])?;
            return Ok(l);
        }
        names = dir_names(vm, o);
    } else {
        let l = locals(vm, Args::new(&[]))?;
        if let ObjData::Dict(d) = &l.obj().data {
            names = d.get().iter().map(|e| str_of(e.key).to_string()).collect();
        }
        names.sort();
        names.dedup();
    }
    let vals = names.iter().map(|n| vm.new_str(n)).collect();
    Ok(vm.new_list(vals))
}

/// The sorted attribute names `dir(v)` reports.
pub fn dir_names(vm: &mut Vm, v: Value) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    {
        let mut classes = Vec::new();
        if is_type(v) {
            classes.extend(type_obj(v).mro.get().iter().copied());
        } else {
            if let Some(ObjData::Instance(i)) = v.as_obj().map(|o| &o.data) {
                names.extend(i.shape.get().names.iter().map(|n| str_of(*n).to_string()));
                if let Some(ObjData::Dict(d)) = i.dict.get().as_obj().map(|o| &o.data) {
                    names.extend(
                        d.get()
                            .iter()
                            .filter(|e| vm.is_str(e.key))
                            .map(|e| str_of(e.key).to_string()),
                    );
                }
            }
            if let Some(ObjData::Module { dict, .. }) = v.as_obj().map(|o| &o.data)
                && let ObjData::Dict(d) = &dict.obj().data
            {
                names.extend(d.get().iter().map(|e| str_of(e.key).to_string()));
            }
            classes.extend(type_obj(vm.type_of(v)).mro.get().iter().copied());
        }
        if !matches!(v.as_obj().map(|o| &o.data), Some(ObjData::Module { .. })) {
            for c in classes {
                names.extend(
                    type_obj(c)
                        .dict
                        .get()
                        .iter()
                        .map(|e| str_of(e.key).to_string()),
                );
            }
        }
    }
    names.sort();
    names.dedup();
    names
}

/// `input(prompt='', /)`
const INPUT: Sig<1> = Sig::new("input", ["prompt"]).required(0);

fn input(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if let Some(p) = INPUT.bind(vm, &a)?.get(0) {
        let s = vm.str_string(p)?;
        vm.write_stdout(&s)?;
    }
    let _ = vm.stdout.flush();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(vm.error("EOFError", "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(vm.new_string(line))
        }
        Err(_) => Err(vm.error("EOFError", "EOF when reading a line")),
    }
}

/// `eval(source, globals=None, locals=None, /)`
const EVAL: Sig<3> = Sig::new("eval", ["source", "globals", "locals"]).required(1);
/// `exec(source, globals=None, locals=None, /, *, closure=None)`
const EXEC: Sig<4> = Sig::new("exec", ["source", "globals", "locals", "closure"])
    .posonly(3)
    .kwonly(3)
    .required(1);

fn exec_eval(vm: &mut Vm, a: Args, is_eval: bool) -> PyResult<Value> {
    let name = if is_eval { "eval" } else { "exec" };
    // the source, and the globals and locals if passed
    let (src, globals_arg, locals_arg) = if is_eval {
        let b = EVAL.bind(vm, &a)?;
        (b.req(0), b.get(1), b.get(2))
    } else {
        let b = EXEC.bind(vm, &a)?;
        if b.opt(3).is_some() {
            return Err(vm.unsupported("exec() with a closure"));
        }
        (b.req(0), b.get(1), b.get(2))
    };
    let compiled = code_of(src);
    if !vm.is_str(src) && compiled.is_none() {
        return Err(vm.type_error(&format!(
            "{name}() arg 1 must be a string, bytes or code object"
        )));
    }
    let caller = vm.frames.last();
    let (cg, cl) = match caller {
        Some(f) => (f.globals, f.locals),
        None => (vm.new_dict(), Value::NONE),
    };
    let globals = globals_arg.filter(|v| !v.is_none()).unwrap_or(cg);
    if !matches!(globals.as_obj().map(|o| &o.data), Some(ObjData::Dict(_))) {
        let what = if is_eval {
            "globals must be a dict"
        } else {
            "exec() globals must be a dict, not "
        };
        return Err(vm.type_error(&if is_eval {
            what.to_string()
        } else {
            format!("{what}{}", vm.type_name(globals))
        }));
    }
    if let Some(l) = locals_arg.filter(|v| !v.is_none())
        && !matches!(l.as_obj().map(|o| &o.data), Some(ObjData::Dict(_)))
        && vm.dunder(l, "__getitem__").is_none()
    {
        let msg = if is_eval {
            "locals must be a mapping".to_string()
        } else {
            format!("locals must be a mapping or None, not {}", vm.type_name(l))
        };
        return Err(vm.type_error(&msg));
    }
    let mut locals = locals_arg
        .filter(|v| !v.is_none())
        .unwrap_or(if globals_arg.is_some() { globals } else { cl });
    if locals.is_none() {
        // Inside a function: expose its locals as a snapshot.
        let has_fn_frame = vm
            .frames
            .last()
            .map(|f| f.code.flags & crate::compiler::bytecode::flags::NAMESPACE == 0)
            .unwrap_or(false);
        if has_fn_frame {
            locals = self::locals(vm, Args::new(&[]))?;
        }
    }
    let bk = vm.intern("__builtins__");
    if vm.dict_get_str(globals, bk).is_none() {
        let b = vm.builtins;
        vm.dict_set_str(globals, bk, b);
    }
    let (code, returns) = match compiled {
        Some((c, e)) => (c, e),
        None => {
            let source = str_of(src).to_string();
            if is_eval {
                (crate::run::compile_eval(vm, &source, "<string>")?, true)
            } else {
                (
                    crate::run::compile_source(vm, &source, "<string>", "<module>")?,
                    false,
                )
            }
        }
    };
    let locals = if locals == globals {
        Value::NONE
    } else {
        locals
    };
    let r = vm.run_code(code, globals, locals)?;
    Ok(if is_eval && returns { r } else { Value::NONE })
}

/// A code object made by `compile()`.
struct CodeObject {
    code: std::rc::Rc<crate::compiler::bytecode::Code>,
    is_eval: bool,
    /// CO_ITERABLE_COROUTINE (0x100), which `code.replace` adds for
    /// `types.coroutine`: a function assigned this code object as `__code__`
    /// makes generators that `await` accepts.
    iterable_coroutine: bool,
}

/// Whether `v` is a code object carrying CO_ITERABLE_COROUTINE.
pub fn code_is_iterable_coroutine(v: Value) -> bool {
    match v.as_obj().map(|o| &o.data) {
        Some(ObjData::Native(n)) => n
            .as_any()
            .downcast_ref::<CodeObject>()
            .is_some_and(|c| c.iterable_coroutine),
        _ => false,
    }
}

impl crate::object::NativeData for CodeObject {
    fn trace(&self, visit: &mut dyn FnMut(Value)) {
        self.code.trace(visit);
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn code_of(v: Value) -> Option<(std::rc::Rc<crate::compiler::bytecode::Code>, bool)> {
    match v.as_obj().map(|o| &o.data) {
        Some(ObjData::Native(n)) => n
            .as_any()
            .downcast_ref::<CodeObject>()
            .map(|c| (c.code.clone(), c.is_eval)),
        _ => None,
    }
}

/// `compile(source, filename, mode)` for modes 'exec', 'eval' and 'single'.
/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *,
/// _feature_version=-1)`
const COMPILE: Sig<7> = Sig::new(
    "compile",
    [
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
        "_feature_version",
    ],
)
.posonly(0)
.kwonly(6)
.required(3);

fn compile(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = COMPILE.bind(vm, &a)?;
    let src = b.req(0);
    let Some(fname) = crate::builtins::signature::as_str(b.req(1)) else {
        let tn = vm.type_name(b.req(1));
        return Err(vm.type_error(&format!(
            "expected str, bytes or os.PathLike object, not {tn}"
        )));
    };
    let mode = b.str(vm, 2)?;
    if !vm.is_str(src) {
        return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object"));
    }
    let (source, fname) = (str_of(src).to_string(), fname.to_string());
    let (code, is_eval) = match mode {
        "eval" => (crate::run::compile_eval(vm, &source, &fname)?, true),
        "exec" => (
            crate::run::compile_source(vm, &source, &fname, "<module>")?,
            false,
        ),
        "single" => (crate::run::compile_single(vm, &source, &fname)?, false),
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    Ok(new_code_object(vm, code, is_eval))
}

/// A code object (`compile()`, `f.__code__`), its type made on first use with
/// the `co_*` attributes programs and the standard library read.
pub fn new_code_object(
    vm: &mut Vm,
    code: std::rc::Rc<crate::compiler::bytecode::Code>,
    is_eval: bool,
) -> Value {
    let cls = match vm.code_type {
        Some(t) => t,
        None => {
            let t = vm.new_native_type("code", "builtins", vm.types.object);
            vm.code_type = Some(t);
            let attrs: [(&'static str, crate::object::NativeFn); 13] = [
                ("co_name", |vm, a| {
                    let c = code_arg(vm, a, "co_name")?;
                    Ok(vm.new_str(&c.name))
                }),
                ("co_qualname", |vm, a| {
                    let c = code_arg(vm, a, "co_qualname")?;
                    Ok(vm.new_str(&c.qualname))
                }),
                ("co_filename", |vm, a| {
                    let c = code_arg(vm, a, "co_filename")?;
                    Ok(vm.new_str(&c.filename))
                }),
                ("co_firstlineno", |vm, a| {
                    Ok(Value::small_int(
                        code_arg(vm, a, "co_firstlineno")?.firstlineno as i64,
                    ))
                }),
                ("co_argcount", |vm, a| {
                    Ok(Value::small_int(
                        code_arg(vm, a, "co_argcount")?.argcount as i64,
                    ))
                }),
                ("co_posonlyargcount", |vm, a| {
                    Ok(Value::small_int(
                        code_arg(vm, a, "co_posonlyargcount")?.posonlyargcount as i64,
                    ))
                }),
                ("co_kwonlyargcount", |vm, a| {
                    Ok(Value::small_int(
                        code_arg(vm, a, "co_kwonlyargcount")?.kwonlyargcount as i64,
                    ))
                }),
                ("co_varnames", |vm, a| {
                    let v = code_arg(vm, a, "co_varnames")?.varnames.clone();
                    Ok(vm.new_tuple(v))
                }),
                ("co_cellvars", |vm, a| {
                    let v = code_arg(vm, a, "co_cellvars")?.cellvars.clone();
                    Ok(vm.new_tuple(v))
                }),
                ("co_freevars", |vm, a| {
                    let v = code_arg(vm, a, "co_freevars")?.freevars.clone();
                    Ok(vm.new_tuple(v))
                }),
                ("co_names", |vm, a| {
                    let v = code_arg(vm, a, "co_names")?.names.clone();
                    Ok(vm.new_tuple(v))
                }),
                ("co_nlocals", |vm, a| {
                    Ok(Value::small_int(
                        code_arg(vm, a, "co_nlocals")?.varnames.len() as i64,
                    ))
                }),
                ("co_flags", |vm, a| {
                    let extra = match a.pos.first() {
                        Some(&c) if code_is_iterable_coroutine(c) => 0x100,
                        _ => 0,
                    };
                    Ok(Value::small_int(
                        cpython_flags(&*code_arg(vm, a, "co_flags")?) | extra,
                    ))
                }),
            ];
            vm.add_method(t, "replace", code_replace);
            for (name, f) in attrs {
                let g = vm.new_builtin(name, f);
                let p = vm.new_readonly_property(g);
                let k = vm.intern(name);
                vm.type_set_attr(t, k, p);
            }
            t
        }
    };
    vm.alloc(
        cls,
        ObjData::Native(Box::new(CodeObject {
            code,
            is_eval,
            iterable_coroutine: false,
        })),
    )
}

/// `code.replace(**changes)`: Coil's code objects are immutable and shared with
/// compiled traces, so only a replace that changes nothing gives a code object
/// back (the same one). Adding CO_ITERABLE_COROUTINE (0x100, `types.coroutine`
/// on a generator function) gives a code object marked with it, the same code
/// (a function assigned it as `__code__` makes awaitable generators). Any
/// other change raises.
fn code_replace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `code.replace(self, /, *, co_argcount=..., ...)`: CPython 3.11's
    /// keyword-only parameters
    const REPLACE: Sig<18> = Sig::new(
        "replace",
        [
            "co_argcount",
            "co_posonlyargcount",
            "co_kwonlyargcount",
            "co_nlocals",
            "co_stacksize",
            "co_flags",
            "co_firstlineno",
            "co_code",
            "co_consts",
            "co_names",
            "co_varnames",
            "co_freevars",
            "co_cellvars",
            "co_filename",
            "co_name",
            "co_qualname",
            "co_linetable",
            "co_exceptiontable",
        ],
    )
    .method()
    .kwonly(0)
    .required(0);
    let b = REPLACE.bind(vm, &a)?;
    let this = b.recv;
    let mut iterable = code_is_iterable_coroutine(this);
    for (name, v) in REPLACE.params.iter().zip(b.args) {
        let Some(v) = v else { continue };
        let k = vm.intern(name);
        let cur = vm.getattr(this, k)?;
        let same = vm.eq(cur, v)?;
        let flag_only = *name == "co_flags"
            && match (vm.to_i64(cur), vm.to_i64(v)) {
                (Some(c), Some(n)) => c ^ n == 0x100,
                _ => false,
            };
        if flag_only {
            iterable = !iterable;
        }
        if !same && !flag_only {
            return Err(vm.unsupported(&format!(
                "code.replace() changing {name} (Coil's code objects are immutable)"
            )));
        }
    }
    if iterable == code_is_iterable_coroutine(this) {
        return Ok(this);
    }
    let Some((code, is_eval)) = code_of(this) else {
        return Ok(this);
    };
    let cls = vm.type_of(this);
    Ok(vm.alloc(
        cls,
        ObjData::Native(Box::new(CodeObject {
            code,
            is_eval,
            iterable_coroutine: iterable,
        })),
    ))
}

/// The code object a `co_*` property is read from: CPython's TypeError when the
/// property's getter is called on something else (`C.co_name.__get__(1)`).
fn code_arg(
    vm: &mut Vm,
    a: Args,
    name: &str,
) -> PyResult<std::rc::Rc<crate::compiler::bytecode::Code>> {
    match a.pos.first().and_then(|v| code_of(*v)) {
        Some(c) => Ok(c.0),
        None => {
            let tn = match a.pos.first() {
                Some(v) => vm.type_name(*v),
                None => "NoneType".to_string(),
            };
            Err(vm.type_error(&format!(
                "descriptor '{name}' for 'code' objects doesn't apply to a '{tn}' object"
            )))
        }
    }
}

/// `co_flags` with CPython's bit values (inspect tests them: CO_GENERATOR,
/// CO_COROUTINE, CO_VARARGS, ...).
fn cpython_flags(code: &crate::compiler::bytecode::Code) -> i64 {
    use crate::compiler::bytecode::flags;
    let f = code.flags;
    let mut r = 0;
    if f & flags::NAMESPACE == 0 {
        r |= 0x1 | 0x2; // CO_OPTIMIZED | CO_NEWLOCALS
    }
    if f & flags::VARARGS != 0 {
        r |= 0x4;
    }
    if f & flags::VARKEYWORDS != 0 {
        r |= 0x8;
    }
    if f & flags::COROUTINE != 0 {
        r |= 0x80;
    } else if f & flags::ASYNC_GENERATOR != 0 {
        r |= 0x200;
    } else if f & flags::GENERATOR != 0 {
        r |= 0x20;
    }
    if code.freevars.is_empty() && code.cellvars.is_empty() {
        r |= 0x40; // CO_NOFREE
    }
    r
}

/// `range(stop)`, `range(start, stop[, step])`
const RANGE: Sig<3> = Sig::new("range", ["start", "stop", "step"])
    .constructor()
    .required(1);

fn range_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = RANGE.bind(vm, &a)?;
    // the arguments given, in order (1 to 3)
    let mut buf = [Value::NONE; 3];
    let mut n = 0;
    for v in b.args.iter().map_while(|v| *v) {
        buf[n] = v;
        n += 1;
    }
    // each through __index__ (any size), as CPython's range does
    let base = vm.temp_roots.len();
    for v in buf[..n].iter_mut() {
        match crate::builtins::signature::to_index(vm, *v) {
            Ok(x) => {
                vm.temp_roots.push(x);
                *v = x;
            }
            Err(e) => {
                vm.temp_roots.truncate(base);
                return Err(e);
            }
        }
    }
    let args = &buf[..n];
    // bounds beyond 64 bits: the big-int range class
    if args.iter().any(|v| vm.to_i64(*v).is_none()) {
        let r = crate::builtins::longrange::new(vm, args);
        vm.temp_roots.truncate(base);
        return r;
    }
    vm.temp_roots.truncate(base);
    let mut vals = [0i64; 3];
    for (i, v) in args.iter().enumerate() {
        vals[i] = vm.to_i64(*v).unwrap_or(0);
    }
    let (start, stop, step) = match args.len() {
        1 => (0, vals[0], 1),
        2 => (vals[0], vals[1], 1),
        _ => (vals[0], vals[1], vals[2]),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(vm.alloc(vm.types.range, ObjData::Range { start, stop, step }))
}

fn range_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `range.index(value, /)`
    const INDEX: Sig<1> = Sig::new("range.index", ["value"]).method();
    let b = INDEX.bind(vm, &a)?;
    let (r, x) = (b.recv, b.req(0));
    let Some(ObjData::Range { start, step, .. }) = r.as_obj().map(|o| &o.data) else {
        return Err(vm.type_error("descriptor 'index' requires a 'range' object"));
    };
    let (start, step) = (*start, *step);
    if !exact_int(vm, x) {
        // CPython's sequence search: the first item equal to it
        let mut at = None;
        range_search(vm, r, x, |i| {
            at = Some(i);
            true
        })?;
        return match at {
            Some(i) => Ok(vm.new_int(i)),
            None => Err(vm.value_error("sequence.index(x): x not in sequence")),
        };
    }
    if vm.contains(r, x)? {
        let i = vm.to_i64(x).unwrap_or(0);
        return Ok(vm.new_int(((i as i128 - start as i128) / step as i128) as i64));
    }
    let r = vm.repr_string(x)?;
    Err(vm.value_error(&format!("{r} is not in range")))
}

/// An int or a bool exactly (what range's count and index compute for).
fn exact_int(vm: &Vm, x: Value) -> bool {
    let t = vm.type_of(x);
    t == vm.types.int || t == vm.types.bool
}

/// Runs `found` on the position of each item of range `r` equal to `x`
/// (identity first, then `item == x`) until it returns true.
fn range_search(
    vm: &mut Vm,
    r: Value,
    x: Value,
    mut found: impl FnMut(i64) -> bool,
) -> PyResult<()> {
    let Some(ObjData::Range { start, stop, step }) = r.as_obj().map(|o| &o.data) else {
        return Ok(());
    };
    let (mut cur, stop, step) = (*start, *stop, *step);
    let mut i = 0;
    while (step > 0 && cur < stop) || (step < 0 && cur > stop) {
        let item = vm.new_int(cur);
        if (item == x || vm.eq(item, x)?) && found(i) {
            return Ok(());
        }
        i += 1;
        match cur.checked_add(step) {
            Some(c) => cur = c,
            None => break,
        }
    }
    Ok(())
}

/// `enumerate(iterable, start=0)`
const ENUMERATE: Sig<2> = Sig::new("enumerate", ["iterable", "start"])
    .posonly(0)
    .required(1)
    .constructor();

fn enumerate_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // CPython 3.11's enumerate words these two itself
    if a.pos.len() <= 1 {
        if let Some((k, _)) = a.kw.iter().find(|(k, _)| str_of(*k) != "iterable") {
            let k = str_of(*k);
            return Err(vm.type_error(&format!(
                "'{k}' is an invalid keyword argument for enumerate()"
            )));
        }
        if a.kw.is_empty() {
            return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
        }
    }
    let b = ENUMERATE.bind(vm, &a)?;
    let it = b.req(0);
    let start = match b.get(1) {
        Some(_) => b.index(vm, 1)?,
        None => Value::small_int(0),
    };
    let it = vm.iter(it)?;
    Ok(vm.alloc(
        vm.types.enumerate,
        ObjData::Iter(crate::object::Mut::new(IterState::Enumerate {
            it,
            n: start,
        })),
    ))
}

/// `zip(*iterables, strict=False)`
const ZIP: Sig<1> = Sig::new("zip", ["strict"])
    .kwonly(0)
    .required(0)
    .varargs()
    .constructor();

fn zip_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = ZIP.bind(vm, &a)?;
    let strict = b.truth(vm, 0, false)?;
    let mut its = Vec::new();
    for v in b.rest {
        let it = vm.iter(*v)?;
        its.push(it);
    }
    Ok(vm.alloc(
        vm.types.zip,
        ObjData::Iter(crate::object::Mut::new(IterState::Zip { its, strict })),
    ))
}

fn map_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `map(func, *iterables)`: CPython words its arity error itself
    const MAP: Sig<1> = Sig::new("map", ["func"])
        .varargs()
        .required(0)
        .constructor();
    let b = MAP.bind(vm, &a)?;
    let (Some(func), false) = (b.get(0), b.rest.is_empty()) else {
        return Err(vm.type_error("map() must have at least two arguments."));
    };
    let mut its = Vec::new();
    for v in b.rest {
        its.push(vm.iter(*v)?);
    }
    Ok(vm.alloc(
        vm.types.map,
        ObjData::Iter(crate::object::Mut::new(IterState::Map { func, its })),
    ))
}

/// `filter(function, iterable, /)`
const FILTER: Sig<2> = Sig::new("filter", ["function", "iterable"]).constructor();

fn filter_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = FILTER.bind(vm, &a)?;
    let func = b.req(0);
    let it = vm.iter(b.req(1))?;
    Ok(vm.alloc(
        vm.types.filter,
        ObjData::Iter(crate::object::Mut::new(IterState::Filter { func, it })),
    ))
}

/// `reversed(sequence, /)`
const REVERSED: Sig<1> = Sig::new("reversed", ["sequence"]).constructor();

fn reversed_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = REVERSED.bind(vm, &a)?.req(0);
    if let Some(r) = vm.call_dunder(v, "__reversed__", &[])? {
        return Ok(r);
    }
    reversed_without_dunder(vm, v)
}

/// `reversed(v)` of a `v` without `__reversed__` (an exact range or tuple
/// goes straight here from traces: `jit::helpers::reversed`).
pub(crate) fn reversed_without_dunder(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let n = match &v.as_obj().map(|o| &o.data) {
        Some(
            ObjData::List(_)
            | ObjData::Tuple(_)
            | ObjData::Str(_)
            | ObjData::Range { .. }
            | ObjData::Bytes(_),
        ) => vm.len(v)?,
        Some(ObjData::Dict(_)) => {
            let keys = vm.collect_iter(v)?;
            let l = vm.new_list(keys);
            let n = vm.len(l)?;
            return Ok(vm.alloc(
                vm.types.reversed,
                ObjData::Iter(crate::object::Mut::new(IterState::Reversed {
                    seq: l,
                    idx: n,
                })),
            ));
        }
        _ => {
            if vm.dunder(v, "__getitem__").is_some() && vm.dunder(v, "__len__").is_some() {
                vm.len(v)?
            } else {
                return Err(
                    vm.type_error(&format!("'{}' object is not reversible", vm.type_name(v)))
                );
            }
        }
    };
    if let ObjData::Range { start, step, .. } = &v.obj().data {
        let (start, step) = (*start, *step);
        let last = start + (n as i64 - 1) * step;
        // a stop or step past i64 (ranges at its ends) takes the generic path
        if let (Some(stop), Some(neg)) = (start.checked_sub(step), step.checked_neg()) {
            return Ok(vm.new_iter(IterState::Range {
                cur: last,
                stop,
                step: neg,
            }));
        }
    }
    Ok(vm.new_iter(IterState::Reversed { seq: v, idx: n }))
}

/// `property(fget=None, fset=None, fdel=None, doc=None)`
const PROPERTY: Sig<4> = Sig::new("property", ["fget", "fset", "fdel", "doc"])
    .posonly(0)
    .required(0)
    .constructor();

fn property_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = PROPERTY.bind(vm, &a)?;
    let fget = b.get(0).unwrap_or(Value::NONE);
    let fset = b.get(1).unwrap_or(Value::NONE);
    let fdel = b.get(2).unwrap_or(Value::NONE);
    let doc = b.get(3).unwrap_or(Value::NONE);
    Ok(vm.alloc(
        vm.types.property,
        ObjData::Property {
            fget,
            fset,
            fdel,
            doc,
            name: std::cell::Cell::new(Value::NONE),
        },
    ))
}

/// `property.__set_name__(owner, name)`: the class statement names it, for
/// its error messages.
fn property_set_name(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const SET_NAME: Sig<2> = Sig::new("__set_name__", ["owner", "name"]).method();
    let b = SET_NAME.bind(vm, &a)?;
    let Some(ObjData::Property { name, .. }) = b.recv.as_obj().map(|o| &o.data) else {
        return Err(vm.type_error("descriptor requires a property"));
    };
    name.set(b.req(1));
    Ok(Value::NONE)
}

fn property_with(vm: &mut Vm, a: Args, which: usize) -> PyResult<Value> {
    const WITH: [Sig<1>; 3] = [
        Sig::new("getter", ["fget"]).method(),
        Sig::new("setter", ["fset"]).method(),
        Sig::new("deleter", ["fdel"]).method(),
    ];
    let b = WITH[which].bind(vm, &a)?;
    let Some(ObjData::Property {
        fget,
        fset,
        fdel,
        doc,
        name,
    }) = b.recv.as_obj().map(|o| &o.data)
    else {
        return Err(vm.type_error("descriptor requires a property"));
    };
    let mut parts = [*fget, *fset, *fdel];
    parts[which] = b.req(0);
    let (doc, name) = (*doc, name.get());
    Ok(vm.alloc(
        vm.types.property,
        ObjData::Property {
            fget: parts[0],
            fset: parts[1],
            fdel: parts[2],
            doc,
            name: std::cell::Cell::new(name),
        },
    ))
}

/// `super()` / `super(cls, obj)`: a proxy looking attributes up after `cls` in
/// `type(obj).__mro__`.
fn super_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `super()`, `super(type)`, `super(type, obj)`: `super() expected at most
    /// 2 arguments, got 3` (`_PyArg_CheckPositional("super()", ...)`)
    const SUPER: Sig<2> = Sig::new("super()", ["type", "obj"])
        .constructor()
        .required(0);
    let b = SUPER.bind(vm, &a)?;
    if let Some(typ) = b.get(0)
        && !is_type(typ)
    {
        let tn = vm.type_name(typ);
        return Err(vm.type_error(&format!("super() argument 1 must be a type, not {tn}")));
    }
    let (typ, obj) = if let [Some(typ), Some(obj)] = b.args {
        let ok = vm.isinstance(obj, typ) || (is_type(obj) && vm.is_subclass(obj, typ));
        if !ok {
            return Err(
                vm.type_error("super(type, obj): obj must be an instance or subtype of type")
            );
        }
        (typ, obj)
    } else if let Some(typ) = b.get(0) {
        // an unbound super object, `super(C)`
        (typ, Value::NONE)
    } else {
        let Some(f) = vm.frames.last() else {
            return Err(vm.runtime_error("super(): no arguments"));
        };
        let code = f.code.clone();
        let nl = code.nlocals();
        let nc = code.cellvars.len();
        let idx = code.freevars.iter().position(|n| str_of(*n) == "__class__");
        let Some(i) = idx else {
            return Err(vm.runtime_error("super(): __class__ cell not found"));
        };
        let cell = f.slots[nl + nc + i];
        let cls = crate::vm::interp::cell_get(cell);
        if code.argcount == 0 && code.flags & crate::compiler::bytecode::flags::VARARGS == 0 {
            return Err(vm.runtime_error("super(): no arguments"));
        }
        let mut first = f.slots[0];
        if first.is_empty() {
            // The first argument may live in a cell.
            if let Some(ci) = code.cell_args.iter().position(|x| *x == Some(0)) {
                first = crate::vm::interp::cell_get(f.slots[nl + ci]);
            }
        }
        (cls, first)
    };
    if !is_type(typ) {
        return Err(vm.type_error("super() argument 1 must be a type"));
    }
    Ok(vm.alloc(vm.types.super_, ObjData::Super { typ, obj }))
}

impl Vm {
    /// The plain Python function `super(typ, obj).name` would bind to `obj`:
    /// `obj` is not a type and the first attribute of that name after `typ` in
    /// `type(obj)`'s MRO is a function. `load_method` pushes it with `obj`, as
    /// for an instance's own method, instead of allocating a bound method.
    pub fn super_plain_method(&self, typ: Value, obj: Value, name: Value) -> Option<Value> {
        if is_type(obj) || str_of(name) == "__class__" {
            return None;
        }
        let mro = type_obj(self.type_of(obj)).mro.get();
        let pos = mro.iter().position(|c| *c == typ)? + 1;
        for c in &mro[pos..] {
            if let Some(v) = self.dict_get_str_in(type_obj(*c).dict.get(), name) {
                return matches!(v.as_obj().map(|o| &o.data), Some(ObjData::Function(_)))
                    .then_some(v);
            }
        }
        None
    }

    /// Attribute lookup through a `super` proxy.
    pub fn super_getattr(
        &mut self,
        typ: Value,
        obj: Value,
        name: Value,
    ) -> PyResult<Option<Value>> {
        // `super(C, D)` with D a subclass of C looks up on the class level
        // (functions unbound); a class that is only an instance of C (C a
        // metaclass: `super().__instancecheck__(x)` in one) is bound to, as
        // any instance
        let class_level = is_type(obj) && self.is_subclass(obj, typ);
        let start_cls = if class_level { obj } else { self.type_of(obj) };
        let mro = type_obj(start_cls).mro.get().clone();
        let pos = mro
            .iter()
            .position(|c| *c == typ)
            .map(|p| p + 1)
            .unwrap_or(mro.len());
        for c in &mro[pos..] {
            if let Some(v) = self.dict_get_str_in(type_obj(*c).dict.get(), name) {
                if class_level
                    && !matches!(v.as_obj().map(|o| &o.data), Some(ObjData::ClassMethod(_)))
                {
                    if let Some(ObjData::StaticMethod(f)) = v.as_obj().map(|o| &o.data) {
                        return Ok(Some(*f));
                    }
                    return Ok(Some(v));
                }
                if let Some(ObjData::Property { fget, .. }) = v.as_obj().map(|o| &o.data) {
                    return self.call(*fget, &[obj]).map(Some);
                }
                let slf = if matches!(v.as_obj().map(|o| &o.data), Some(ObjData::Builtin(_))) {
                    self.method_self(obj, *c)
                } else {
                    obj
                };
                return self.bind_descriptor(v, slf, start_cls).map(Some);
            }
        }
        // object.__init__ / __new__ are kept outside the namespace.
        match str_of(name) {
            "__init__" => {
                let f = self.object_init;
                Ok(Some(self.alloc(
                    self.types.method,
                    ObjData::BoundMethod { func: f, slf: obj },
                )))
            }
            "__new__" => Ok(Some(self.object_new)),
            _ => Ok(None),
        }
    }
}

/// `type(name, bases, dict)` and `type(obj)`.
/// `object.__reduce_ex__(protocol)`: an overriding `__reduce__` if the class has
/// one; else for protocol 2 and up CPython's `(copyreg.__newobj__, (cls,
/// *__getnewargs__()), state, list items, dict items)` (`__newobj_ex__` with
/// `__getnewargs_ex__`'s keywords), below that `copyreg._reduce_ex`.
fn object_reduce_ex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const REDUCE_EX: Sig<1> = Sig::new("__reduce_ex__", ["protocol"])
        .method()
        .owner("object");
    let b = REDUCE_EX.bind(vm, &a)?;
    let obj = b.recv;
    let proto = crate::builtins::signature::to_c_int(vm, b.req(0))? as i64;
    let cls = vm.type_of(obj);
    let rk = vm.intern("__reduce__");
    if let Some((f, owner)) = crate::vm::types::lookup_owner(vm, cls, rk)
        && owner != vm.types.object
    {
        let m = vm.bind_descriptor(f, obj, cls)?;
        return vm.call(m, &[]);
    }
    let copyreg = vm.import("copyreg", Value::NONE, 0, Value::NONE)?;
    if proto < 2 {
        let k = vm.intern("_reduce_ex");
        let f = vm.getattr(copyreg, k)?;
        return vm.call(f, &[obj, Value::small_int(proto)]);
    }
    let base = vm.temp_roots.len();
    vm.temp_roots.push(copyreg);
    let r = reduce_newobj(vm, obj, cls, copyreg);
    vm.temp_roots.truncate(base);
    r
}

/// CPython's `reduce_newobj` (the caller roots `copyreg` and truncates
/// `temp_roots`).
fn reduce_newobj(vm: &mut Vm, obj: Value, cls: Value, copyreg: Value) -> PyResult<Value> {
    let (args, kwargs) = new_arguments(vm, obj)?;
    let hasargs = args.is_some();
    let args = args.unwrap_or_default();
    let with_kw = match kwargs {
        Some(kw) => vm.truthy(kw)?,
        None => false,
    };
    let (newobj, newargs) = if with_kw {
        let k = vm.intern("__newobj_ex__");
        let f = vm.getattr(copyreg, k)?;
        vm.temp_roots.push(f);
        let t = vm.new_tuple(args);
        vm.temp_roots.push(t);
        (f, vm.new_tuple(vec![cls, t, kwargs.unwrap_or(Value::NONE)]))
    } else {
        let k = vm.intern("__newobj__");
        let f = vm.getattr(copyreg, k)?;
        vm.temp_roots.push(f);
        let mut items = vec![cls];
        items.extend(args);
        (f, vm.new_tuple(items))
    };
    vm.temp_roots.push(newargs);
    let is_list = vm.isinstance(obj, vm.types.list);
    let is_dict = vm.isinstance(obj, vm.types.dict);
    let state = object_getstate(vm, obj, !(hasargs || is_list || is_dict))?;
    vm.temp_roots.push(state);
    let listitems = if is_list { vm.iter(obj)? } else { Value::NONE };
    vm.temp_roots.push(listitems);
    let dictitems = if is_dict {
        let k = vm.intern("items");
        let items = vm.getattr(obj, k)?;
        let items = vm.call(items, &[])?;
        vm.temp_roots.push(items);
        vm.iter(items)?
    } else {
        Value::NONE
    };
    Ok(vm.new_tuple(vec![newobj, newargs, state, listitems, dictitems]))
}

/// CPython's `_PyObject_GetNewArguments`: `__getnewargs_ex__()`'s args and
/// kwargs, else `__getnewargs__()`'s args, each checked; (None, None) without
/// either. The results are left rooted.
fn new_arguments(vm: &mut Vm, obj: Value) -> PyResult<(Option<Vec<Value>>, Option<Value>)> {
    if vm.dunder(obj, "__getnewargs_ex__").is_some() {
        let r = vm.call_method(obj, "__getnewargs_ex__", &[])?;
        vm.temp_roots.push(r);
        let Some(items) = vm.tuple_items(r) else {
            let tn = vm.type_name(r);
            return Err(vm.type_error(&format!(
                "__getnewargs_ex__ should return a tuple, not '{tn}'"
            )));
        };
        if items.len() != 2 {
            return Err(vm.value_error(&format!(
                "__getnewargs_ex__ should return a tuple of length 2, not {}",
                items.len()
            )));
        }
        let Some(args) = vm.tuple_items(items[0]) else {
            let tn = vm.type_name(items[0]);
            return Err(vm.type_error(&format!(
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{tn}'"
            )));
        };
        if !vm.isinstance(items[1], vm.types.dict) {
            let tn = vm.type_name(items[1]);
            return Err(vm.type_error(&format!(
                "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{tn}'"
            )));
        }
        return Ok((Some(args), Some(items[1])));
    }
    if vm.dunder(obj, "__getnewargs__").is_some() {
        let r = vm.call_method(obj, "__getnewargs__", &[])?;
        vm.temp_roots.push(r);
        let Some(args) = vm.tuple_items(r) else {
            let tn = vm.type_name(r);
            return Err(vm.type_error(&format!("__getnewargs__ should return a tuple, not '{tn}'")));
        };
        return Ok((Some(args), None));
    }
    Ok((None, None))
}

/// CPython's `object_getstate`: the object's `__getstate__()`, or when that is
/// object's own, the default state (`required`: an object with a Rust payload
/// cannot be rebuilt from its class alone).
fn object_getstate(vm: &mut Vm, obj: Value, required: bool) -> PyResult<Value> {
    let cls = vm.type_of(obj);
    let k = vm.intern("__getstate__");
    match crate::vm::types::lookup_owner(vm, cls, k) {
        Some((_, owner)) if owner == vm.types.object => {}
        _ => {
            let f = vm.getattr(obj, k)?;
            return vm.call(f, &[]);
        }
    }
    if required && let Some(ObjData::Native(_)) = obj.as_obj().map(|o| &o.data) {
        let t = crate::vm::types::type_obj(cls);
        let name = if t.module == "builtins" {
            t.name.clone()
        } else {
            format!("{}.{}", t.module, t.name)
        };
        return Err(vm.type_error(&format!("cannot pickle '{name}' object")));
    }
    getstate_default(vm, obj)
}

/// `object.__getstate__()`: the instance dict (None when empty), paired with
/// a dict of the `__slots__` values that are set, if any.
fn object_getstate_method(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const GETSTATE: Sig<0> = Sig::new("__getstate__", []).method().owner("object");
    let obj = GETSTATE.bind(vm, &a)?.recv;
    getstate_default(vm, obj)
}

fn getstate_default(vm: &mut Vm, obj: Value) -> PyResult<Value> {
    // (an instance of a class with only __slots__ has no __dict__)
    let mut state = match obj.as_obj().map(|o| &o.data) {
        Some(ObjData::Instance(_)) => {
            let k = vm.intern("__dict__");
            match vm.getattr(obj, k) {
                Ok(d) if vm.truthy(d)? => d,
                Ok(_) => Value::NONE,
                Err(e) if vm.matches(e.0, "AttributeError") => Value::NONE,
                Err(e) => return Err(e),
            }
        }
        _ => Value::NONE,
    };
    let cls = vm.type_of(obj);
    let slots_key = vm.intern("__slots__");
    let has_slots = crate::vm::types::type_obj(cls)
        .mro
        .get()
        .clone()
        .into_iter()
        .any(|c| {
            vm.dict_get_str_in(crate::vm::types::type_obj(c).dict.get(), slots_key)
                .is_some()
        });
    if !has_slots {
        return Ok(state);
    }
    let base = vm.temp_roots.len();
    vm.temp_roots.push(state);
    let r = (|| {
        let copyreg = vm.import("copyreg", Value::NONE, 0, Value::NONE)?;
        let k = vm.intern("_slotnames");
        let f = vm.getattr(copyreg, k)?;
        let names = vm.call(f, &[cls])?;
        vm.temp_roots.push(names);
        let names = vm.collect_iter(names)?;
        let slots = vm.new_dict();
        vm.temp_roots.push(slots);
        for n in names {
            match vm.getattr(obj, n) {
                Ok(v) => vm.dict_set(slots, n, v)?,
                Err(e) if vm.matches(e.0, "AttributeError") => {}
                Err(e) => return Err(e),
            }
        }
        if vm.truthy(slots)? {
            state = vm.new_tuple(vec![state, slots]);
        }
        Ok(state)
    })();
    vm.temp_roots.truncate(base);
    r
}

/// `type(object)` or `type(name, bases, dict, **kwds)`: the count is checked
/// here (`type() takes 1 or 3 arguments`), the keywords go to
/// `__init_subclass__`.
const TYPE: Sig<0> = Sig::new("type", []).constructor().varargs().varkw();

fn type_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = TYPE.bind(vm, &a)?;
    let (args, kw) = (b.rest, &b.kwrest[..]);
    if args.len() == 1 && !kw.is_empty() {
        return Err(vm.type_error("type() takes no keyword arguments"));
    }
    if args.len() == 1 {
        return Ok(vm.type_of(args[0]));
    }
    if args.len() != 3 {
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    let name = str_param(vm, args[0], "type.__new__()", 1)?.to_string();
    let Some(bases) = vm.tuple_items(args[1]) else {
        return Err(vm.type_error(&format!(
            "type.__new__() argument 2 must be tuple, not {}",
            crate::builtins::bad_arg_name(vm, args[1])
        )));
    };
    if !vm.isinstance(args[2], vm.types.dict) {
        return Err(vm.type_error(&format!(
            "type.__new__() argument 3 must be dict, not {}",
            crate::builtins::bad_arg_name(vm, args[2])
        )));
    }
    let ns = vm.new_dict();
    vm.dict_update_from(ns, args[2], false)?;
    let meta = if is_type(b.recv) {
        vm.most_derived_metaclass(b.recv, &bases)?
    } else {
        b.recv
    };
    // `type(name, bases, ns, **kw)` with a base of another metaclass: that
    // metaclass's own __new__ makes the class (as CPython's type_new defers)
    if meta != b.recv {
        let nk = vm.intern("__new__");
        if let Some((f, owner)) = crate::vm::types::lookup_owner(vm, meta, nk)
            && owner != vm.types.type_
        {
            let f = match f.as_obj().map(|o| &o.data) {
                Some(ObjData::StaticMethod(f)) => *f,
                _ => f,
            };
            let mut args2 = vec![meta];
            args2.extend_from_slice(args);
            return vm.call_kw(f, &args2, kw);
        }
    }
    let qk = vm.intern("__qualname__");
    let qual = match vm.dict_get_str(ns, qk) {
        Some(q) if vm.isinstance(q, vm.types.str) => {
            str_of(crate::builtins::str::payload(q)).to_string()
        }
        Some(q) => {
            let tn = vm.type_name(q);
            return Err(vm.type_error(&format!("type __qualname__ must be a str, not {tn}")));
        }
        None => name.clone(),
    };
    // no `__module__` given: the calling code's module, as CPython's type_new
    let mk = vm.intern("__module__");
    if vm.dict_get_str(ns, mk).is_none()
        && let Some(g) = vm.frames.last().map(|f| f.globals)
        && matches!(g.as_obj().map(|o| &o.data), Some(ObjData::Dict(_)))
    {
        let nk = vm.intern("__name__");
        if let Some(n) = vm.dict_get_str(g, nk) {
            vm.dict_set_str(ns, mk, n);
        }
    }
    let cls = vm.new_class(&name, &qual, bases, ns)?;
    if meta != vm.types.type_ {
        cls.obj().class.set(meta);
    }
    vm.temp_roots.push(cls);
    let r = vm.class_created(cls, kw);
    vm.temp_roots.pop();
    r?;
    Ok(cls)
}
