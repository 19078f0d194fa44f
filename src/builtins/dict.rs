//! Constructor and methods of `dict`, and dict views.

use crate::builtins::signature::{Sig, Style};
use crate::compiler::bytecode::BinOp;
use crate::object::{DictIterKind, IterState, Mut, ObjData};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

pub fn register(vm: &mut Vm) {
    let t = vm.types.dict;
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__new__", dict_new),
        ("__init__", dict_init),
        ("get", |vm, a| {
            let b = KEY_DEFAULT[0].bind(vm, &a)?;
            let d = recv(vm, &a, "get")?;
            Ok(vm
                .dict_get(d, b.req(0))?
                .unwrap_or(b.get(1).unwrap_or(Value::NONE)))
        }),
        ("setdefault", |vm, a| {
            let b = KEY_DEFAULT[1].bind(vm, &a)?;
            let d = recv(vm, &a, "setdefault")?;
            if let Some(v) = vm.dict_get(d, b.req(0))? {
                return Ok(v);
            }
            let v = b.get(1).unwrap_or(Value::NONE);
            vm.dict_set(d, b.req(0), v)?;
            Ok(v)
        }),
        ("pop", |vm, a| {
            let b = KEY_DEFAULT[2].bind(vm, &a)?;
            let d = recv(vm, &a, "pop")?;
            match vm.dict_del(d, b.req(0))? {
                Some(v) => Ok(v),
                None => match b.get(1) {
                    Some(v) => Ok(v),
                    None => Err(vm.key_error(b.req(0))),
                },
            }
        }),
        ("popitem", |vm, a| {
            const SIG: Sig<0> = Sig::new("popitem", []).method();
            SIG.bind(vm, &a)?;
            let d = recv(vm, &a, "popitem")?;
            let ObjData::Dict(dd) = &d.obj().data else {
                unreachable!()
            };
            let dict = dd.get();
            match dict.last_pos() {
                Some(pos) => {
                    let k = dict.entries()[pos].key;
                    let v = dict.remove_at(pos);
                    Ok(vm.new_tuple(vec![k, v]))
                }
                None => Err(vm.error("KeyError", "popitem(): dictionary is empty")),
            }
        }),
        ("keys", |vm, a| view(vm, a, DictIterKind::Keys)),
        ("values", |vm, a| view(vm, a, DictIterKind::Values)),
        ("items", |vm, a| view(vm, a, DictIterKind::Items)),
        ("update", |vm, a| {
            /// `dict.update([other], **kwargs)`
            const UPDATE: Sig<1> = Sig::new("update", ["other"]).required(0).method().varkw();
            let d = recv(vm, &a, "update")?;
            let b = UPDATE.bind(vm, &a)?;
            update(vm, d, b.get(0), &b.kwrest)?;
            Ok(Value::NONE)
        }),
        ("copy", |vm, a| {
            const SIG: Sig<0> = Sig::new("copy", []).method();
            SIG.bind(vm, &a)?;
            let d = recv(vm, &a, "copy")?;
            dict_copy(vm, d)
        }),
        ("clear", |vm, a| {
            let d = recv(vm, &a, "clear")?;
            if let ObjData::Dict(dd) = &d.obj().data {
                dd.get().clear();
            }
            Ok(Value::NONE)
        }),
        ("__getitem__", |vm, a| {
            const SIG: Sig<1> = Sig::new("__getitem__", ["other"]).method();
            let b = SIG.bind(vm, &a)?;
            let d = recv(vm, &a, "__getitem__")?;
            match vm.dict_get(d, b.req(0))? {
                Some(v) => Ok(v),
                None => {
                    if !vm.is_builtin_exact(d)
                        && let Some(r) = vm.call_dunder(d, "__missing__", &[b.req(0)])?
                    {
                        return Ok(r);
                    }
                    Err(vm.key_error(b.req(0)))
                }
            }
        }),
        ("__setitem__", |vm, a| {
            const SIG: Sig<2> = Sig::new("__setitem__", ["key", "value"]).method();
            let b = SIG.bind(vm, &a)?;
            let d = recv(vm, &a, "__setitem__")?;
            vm.dict_set(d, b.req(0), b.req(1))?;
            Ok(Value::NONE)
        }),
        ("__delitem__", |vm, a| {
            const SIG: Sig<1> = Sig::new("__delitem__", ["other"]).method();
            let b = SIG.bind(vm, &a)?;
            let d = recv(vm, &a, "__delitem__")?;
            match vm.dict_del(d, b.req(0))? {
                Some(_) => Ok(Value::NONE),
                None => Err(vm.key_error(b.req(0))),
            }
        }),
        ("__contains__", |vm, a| {
            const SIG: Sig<1> = Sig::new("__contains__", ["other"]).method();
            let b = SIG.bind(vm, &a)?;
            let d = recv(vm, &a, "__contains__")?;
            Ok(Value::bool(vm.dict_get(d, b.req(0))?.is_some()))
        }),
        ("__len__", |vm, a| {
            let d = recv(vm, &a, "__len__")?;
            Ok(vm.new_int(dict_len(d) as i64))
        }),
        ("__iter__", |vm, a| {
            let d = recv(vm, &a, "__iter__")?;
            let len = dict_len(d);
            Ok(vm.new_iter(IterState::Dict {
                dict: d,
                idx: 0,
                kind: DictIterKind::Keys,
                len,
            }))
        }),
        ("__reversed__", |vm, a| {
            let d = recv(vm, &a, "__reversed__")?;
            reversed_keys(vm, d, DictIterKind::Keys)
        }),
        ("__eq__", |vm, a| {
            const SIG: Sig<1> = Sig::new("__eq__", ["other"]).method();
            let b = SIG.bind(vm, &a)?;
            let d = recv(vm, &a, "__eq__")?;
            let Some(other) = dict_operand(vm, b.req(0)) else {
                return Ok(vm.not_implemented);
            };
            Ok(Value::bool(dict_eq(vm, d, other)?))
        }),
        ("__ne__", |vm, a| {
            const SIG: Sig<1> = Sig::new("__ne__", ["other"]).method();
            let b = SIG.bind(vm, &a)?;
            let d = recv(vm, &a, "__ne__")?;
            let Some(other) = dict_operand(vm, b.req(0)) else {
                return Ok(vm.not_implemented);
            };
            Ok(Value::bool(!dict_eq(vm, d, other)?))
        }),
        ("__or__", |vm, a| {
            const SIG: Sig<1> = Sig::new("__or__", ["other"]).method();
            let b = SIG.bind(vm, &a)?;
            let d = recv(vm, &a, "__or__")?;
            if !is_dict(b.req(0)) {
                return Ok(vm.not_implemented);
            }
            let r = dict_copy(vm, d)?;
            vm.temp_roots.push(r);
            let res = update(vm, r, Some(b.req(0)), &[]);
            vm.temp_roots.pop();
            res?;
            Ok(r)
        }),
        ("__ror__", |vm, a| {
            const SIG: Sig<1> = Sig::new("__ror__", ["other"]).method();
            let b = SIG.bind(vm, &a)?;
            let d = recv(vm, &a, "__ror__")?;
            if !is_dict(b.req(0)) {
                return Ok(vm.not_implemented);
            }
            let r = dict_copy(vm, b.req(0))?;
            vm.temp_roots.push(r);
            let res = update(vm, r, Some(d), &[]);
            vm.temp_roots.pop();
            res?;
            Ok(r)
        }),
        ("__ior__", |vm, a| {
            const SIG: Sig<1> = Sig::new("__ior__", ["other"]).method();
            let b = SIG.bind(vm, &a)?;
            let d = recv(vm, &a, "__ior__")?;
            update(vm, d, Some(b.req(0)), &[])?;
            Ok(d)
        }),
        ("__repr__", dict_repr),
    ];
    for (name, f) in methods {
        vm.add_method(t, name, *f);
    }
    let hk = vm.intern("__hash__");
    vm.type_set_attr(t, hk, Value::NONE);
    let fk = vm.new_builtin("fromkeys", fromkeys);
    let cm = vm.alloc(vm.types.classmethod, ObjData::ClassMethod(fk));
    let k = vm.intern("fromkeys");
    vm.type_set_attr(t, k, cm);

    // Views.
    for (t, kind) in [
        (vm.types.dict_keys, DictIterKind::Keys),
        (vm.types.dict_values, DictIterKind::Values),
        (vm.types.dict_items, DictIterKind::Items),
    ] {
        vm.add_method(t, "__len__", |vm, a| {
            let d = view_dict(vm, &a)?;
            Ok(vm.new_int(dict_len(d) as i64))
        });
        vm.add_method(t, "__iter__", |vm, a| {
            let d = view_dict(vm, &a)?;
            let Some(ObjData::DictView { kind, .. }) =
                a.pos.first().and_then(|v| v.as_obj()).map(|o| &o.data)
            else {
                return Err(vm.type_error("descriptor requires a dict view"));
            };
            let len = dict_len(d);
            Ok(vm.new_iter(IterState::Dict {
                dict: d,
                idx: 0,
                kind: *kind,
                len,
            }))
        });
        vm.add_method(t, "__reversed__", |vm, a| {
            let d = view_dict(vm, &a)?;
            let Some(ObjData::DictView { kind, .. }) =
                a.pos.first().and_then(|v| v.as_obj()).map(|o| &o.data)
            else {
                return Err(vm.type_error("descriptor requires a dict view"));
            };
            reversed_keys(vm, d, *kind)
        });
        vm.add_method(t, "__contains__", |vm, a| {
            const SIG: Sig<1> = Sig::new("__contains__", ["other"]).method();
            let b = SIG.bind(vm, &a)?;
            view_dict(vm, &a)?;
            Ok(Value::bool(vm.contains(b.recv, b.req(0))?))
        });
        let mk = vm.intern("mapping");
        // a read-only proxy of the dict the view is of
        let getter = vm.new_builtin("mapping", |vm, a| {
            let d = view_dict(vm, &a)?;
            Ok(crate::builtins::mappingproxy::new_proxy(vm, d))
        });
        let prop = vm.new_readonly_property(getter);
        vm.type_set_attr(t, mk, prop);
        if kind != DictIterKind::Values {
            let ops: &[(&'static str, crate::object::NativeFn)] = &[
                ("__and__", |vm, a| view_op(vm, a, BinOp::And, false)),
                ("__or__", |vm, a| view_op(vm, a, BinOp::Or, false)),
                ("__sub__", |vm, a| view_op(vm, a, BinOp::Sub, false)),
                ("__xor__", |vm, a| view_op(vm, a, BinOp::Xor, false)),
                ("__rand__", |vm, a| view_op(vm, a, BinOp::And, true)),
                ("__ror__", |vm, a| view_op(vm, a, BinOp::Or, true)),
                ("__rsub__", |vm, a| view_op(vm, a, BinOp::Sub, true)),
                ("__rxor__", |vm, a| view_op(vm, a, BinOp::Xor, true)),
                ("__eq__", |vm, a| {
                    view_cmp(vm, a, crate::compiler::bytecode::CmpOp::Eq)
                }),
                ("__ne__", |vm, a| {
                    view_cmp(vm, a, crate::compiler::bytecode::CmpOp::Ne)
                }),
                ("__lt__", |vm, a| {
                    view_cmp(vm, a, crate::compiler::bytecode::CmpOp::Lt)
                }),
                ("__le__", |vm, a| {
                    view_cmp(vm, a, crate::compiler::bytecode::CmpOp::Le)
                }),
                ("__gt__", |vm, a| {
                    view_cmp(vm, a, crate::compiler::bytecode::CmpOp::Gt)
                }),
                ("__ge__", |vm, a| {
                    view_cmp(vm, a, crate::compiler::bytecode::CmpOp::Ge)
                }),
                ("isdisjoint", |vm, a| {
                    const SIG: Sig<1> = Sig::new("isdisjoint", ["other"]).method();
                    let b = SIG.bind(vm, &a)?;
                    let it = vm.iter(b.req(0))?;
                    vm.temp_roots.push(it);
                    let r = (|| {
                        while let Some(x) = vm.next(it)? {
                            if vm.contains(b.recv, x)? {
                                return Ok(Value::FALSE);
                            }
                        }
                        Ok(Value::TRUE)
                    })();
                    vm.temp_roots.pop();
                    r
                }),
            ];
            for (name, f) in ops {
                vm.add_method(t, name, *f);
            }
            vm.type_set_attr(t, hk, Value::NONE);
        }
    }
}

/// `dict.get(self, key, default=None, /)`, setdefault and pop alike.
const KEY_DEFAULT: [Sig<2>; 3] = [
    Sig::new("get", ["key", "default"]).required(1).method(),
    Sig::new("setdefault", ["key", "default"])
        .required(1)
        .method(),
    Sig::new("pop", ["key", "default"]).required(1).method(),
];

/// `dict.fromkeys(iterable, value=None, /)`, a class method.
const FROMKEYS: Sig<2> = Sig::new("fromkeys", ["iterable", "value"])
    .required(1)
    .method();

fn is_dict(v: Value) -> bool {
    v.is_obj() && matches!(v.obj().data, ObjData::Dict(_))
}

fn dict_len(d: Value) -> usize {
    match &d.obj().data {
        ObjData::Dict(x) => x.get().len(),
        _ => 0,
    }
}

fn recv(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    match a.get(0) {
        Some(v) if is_dict(v) => Ok(v),
        Some(v) => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!(
                "descriptor '{name}' for 'dict' objects doesn't apply to a '{tn}' object"
            )))
        }
        None => Err(vm.type_error(&format!("unbound method dict.{name}() needs an argument"))),
    }
}

fn view_dict(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    match a.get(0).and_then(|v| v.as_obj()).map(|o| &o.data) {
        Some(ObjData::DictView { dict, .. }) => Ok(*dict),
        _ => Err(vm.type_error("descriptor requires a dict view")),
    }
}

fn view(vm: &mut Vm, a: Args, kind: DictIterKind) -> PyResult<Value> {
    let name = match kind {
        DictIterKind::Keys => "keys",
        DictIterKind::Values => "values",
        DictIterKind::Items => "items",
    };
    const VIEW: [Sig<0>; 3] = [
        Sig::new("dict.keys", []).method(),
        Sig::new("dict.values", []).method(),
        Sig::new("dict.items", []).method(),
    ];
    let i = match kind {
        DictIterKind::Keys => 0,
        DictIterKind::Values => 1,
        DictIterKind::Items => 2,
    };
    VIEW[i].bind(vm, &a)?;
    let d = recv(vm, &a, name)?;
    let cls = match kind {
        DictIterKind::Keys => vm.types.dict_keys,
        DictIterKind::Values => vm.types.dict_values,
        DictIterKind::Items => vm.types.dict_items,
    };
    Ok(vm.alloc(cls, ObjData::DictView { dict: d, kind }))
}

fn reversed_keys(vm: &mut Vm, d: Value, kind: DictIterKind) -> PyResult<Value> {
    let items: Vec<Value> = match &d.obj().data {
        ObjData::Dict(x) => {
            let ents: Vec<(Value, Value)> = x.get().iter().map(|e| (e.key, e.value)).collect();
            let mut out = Vec::with_capacity(ents.len());
            for (k, v) in ents {
                out.push(match kind {
                    DictIterKind::Keys => k,
                    DictIterKind::Values => v,
                    DictIterKind::Items => vm.new_tuple(vec![k, v]),
                });
            }
            out
        }
        _ => vec![],
    };
    let n = items.len();
    let l = vm.new_list(items);
    Ok(vm.alloc(
        vm.types.reversed,
        ObjData::Iter(Mut::new(IterState::Reversed { seq: l, idx: n })),
    ))
}

/// `dict.update(src, **kw)` with CPython's errors.
pub fn update(vm: &mut Vm, d: Value, src: Option<Value>, kw: &[(Value, Value)]) -> PyResult<()> {
    if let Some(src) = src {
        if is_dict(src)
            && (vm.is_builtin_exact(src)
                || vm
                    .dunder(src, "keys")
                    .is_some_and(crate::vm::call::is_builtin_fn))
        {
            let pairs: Vec<(Value, i64, Value)> = match &src.obj().data {
                ObjData::Dict(s) => s.get().iter().map(|e| (e.key, e.hash, e.value)).collect(),
                _ => vec![],
            };
            let ObjData::Dict(dd) = &d.obj().data else {
                return Ok(());
            };
            for (k, h, v) in pairs {
                dd.get().insert(k, h, v, &mut |a, b| vm.eq(a, b))?;
            }
        } else if has_keys(vm, src)? {
            let keys = vm.call_method(src, "keys", &[])?;
            let keys = vm.collect_iter(keys)?;
            let base = vm.temp_roots.len();
            vm.temp_roots.extend_from_slice(&keys);
            let r = (|| {
                for k in keys {
                    let v = vm.getitem(src, k)?;
                    vm.dict_set(d, k, v)?;
                }
                Ok(())
            })();
            vm.temp_roots.truncate(base);
            r?;
        } else {
            let it = vm.iter(src)?;
            vm.temp_roots.push(it);
            let r = (|| {
                let mut i = 0usize;
                while let Some(item) = vm.next(it)? {
                    vm.temp_roots.push(item);
                    let kv = match vm.collect_iter(item) {
                        Ok(kv) => kv,
                        Err(e) => {
                            vm.temp_roots.pop();
                            if vm.matches(e.0, "TypeError") && vm.iter(item).is_err() {
                                return Err(vm.type_error(&format!(
                                    "cannot convert dictionary update sequence element #{i} to a sequence"
                                )));
                            }
                            return Err(e);
                        }
                    };
                    vm.temp_roots.pop();
                    if kv.len() != 2 {
                        return Err(vm.value_error(&format!(
                            "dictionary update sequence element #{i} has length {}; 2 is required",
                            kv.len()
                        )));
                    }
                    vm.dict_set(d, kv[0], kv[1])?;
                    i += 1;
                }
                Ok(())
            })();
            vm.temp_roots.pop();
            r?;
        }
    }
    for (k, v) in kw {
        vm.dict_set(d, *k, *v)?;
    }
    Ok(())
}

/// `dict(mapping_or_iterable=(), /, **kwargs)`
const DICT: Sig<1> = Sig::new("dict", ["iterable"])
    .required(0)
    .varkw()
    .constructor()
    .style(Style::Positional);

fn dict_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const ANY: Sig<0> = Sig::new("dict", []).constructor().varargs().varkw();
    let cls = ANY.bind(vm, &a)?.recv;
    let d = vm.alloc(cls, ObjData::Dict(Mut::new(crate::object::Dict::new())));
    if cls == vm.types.dict || crate::builtins::list::new_fills(vm, cls) {
        let src = DICT.bind(vm, &a)?.get(0);
        vm.temp_roots.push(d);
        let r = update(vm, d, src, a.kw);
        vm.temp_roots.pop();
        r?;
    }
    Ok(d)
}

fn dict_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let src = DICT.bind(vm, &a)?.get(0);
    let d = recv(vm, &a, "__init__")?;
    update(vm, d, src, a.kw)?;
    Ok(Value::NONE)
}

fn fromkeys(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = FROMKEYS.bind(vm, &a)?;
    let cls = b.recv;
    let value = b.get(1).unwrap_or(Value::NONE);
    let d = if cls == vm.types.dict {
        vm.new_dict()
    } else {
        vm.call(cls, &[])?
    };
    vm.temp_roots.push(d);
    let r = (|| {
        let keys = vm.collect_iter(b.req(0))?;
        let base = vm.temp_roots.len();
        vm.temp_roots.extend_from_slice(&keys);
        let r = (|| {
            for k in keys {
                if is_dict(d) && vm.is_builtin_exact(d) {
                    vm.dict_set(d, k, value)?;
                } else {
                    vm.setitem(d, k, value)?;
                }
            }
            Ok(())
        })();
        vm.temp_roots.truncate(base);
        r
    })();
    vm.temp_roots.pop();
    r?;
    Ok(d)
}

fn dict_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let d = recv(vm, &a, "__repr__")?;
    if vm.repr_stack.contains(&d) {
        return Ok(vm.new_str("{...}"));
    }
    let ents: Vec<(Value, Value)> = match &d.obj().data {
        ObjData::Dict(x) => x.get().iter().map(|e| (e.key, e.value)).collect(),
        _ => vec![],
    };
    vm.repr_stack.push(d);
    let r = (|| {
        let mut parts = Vec::with_capacity(ents.len());
        for (k, v) in ents {
            let ks = vm.repr_string(k)?;
            let vs = vm.repr_string(v)?;
            parts.push(format!("{ks}: {vs}"));
        }
        Ok(format!("{{{}}}", parts.join(", ")))
    })();
    vm.repr_stack.pop();
    let s = r?;
    Ok(vm.new_string(s))
}

/// A shallow copy of a dict.
pub fn dict_copy(vm: &mut Vm, d: Value) -> PyResult<Value> {
    let ObjData::Dict(src) = &d.obj().data else {
        return Err(vm.type_error("expected dict"));
    };
    let copy = src.get().clone();
    Ok(vm.alloc(vm.types.dict, ObjData::Dict(crate::object::Mut::new(copy))))
}

fn is_set_view(v: Value) -> bool {
    matches!(
        v.as_obj().map(|o| &o.data),
        Some(ObjData::DictView {
            kind: DictIterKind::Keys | DictIterKind::Items,
            ..
        })
    )
}

fn view_op(vm: &mut Vm, a: Args, op: BinOp, reflected: bool) -> PyResult<Value> {
    const SIG: Sig<1> = Sig::new("view operator", ["other"]).method();
    let b = SIG.bind(vm, &a)?;
    let (x, y) = if reflected {
        (b.req(0), b.recv)
    } else {
        (b.recv, b.req(0))
    };
    match view_binop(vm, op, x, y)? {
        Some(r) => Ok(r),
        None => Ok(vm.not_implemented),
    }
}

/// Comparisons of keys/items views with sets and views (as set relations).
fn view_cmp(vm: &mut Vm, a: Args, op: crate::compiler::bytecode::CmpOp) -> PyResult<Value> {
    const SIG: Sig<1> = Sig::new("view comparison", ["other"]).method();
    let b = SIG.bind(vm, &a)?;
    let other = b.req(0);
    let other_ok =
        is_set_view(other) || matches!(other.as_obj().map(|o| &o.data), Some(ObjData::Set(_)));
    if !other_ok {
        return Ok(vm.not_implemented);
    }
    let x = crate::builtins::set::to_set(vm, b.recv)?;
    vm.temp_roots.push(x);
    let r = (|| {
        let y = if is_set_view(other) {
            crate::builtins::set::to_set(vm, other)?
        } else {
            other
        };
        vm.temp_roots.push(y);
        let r = crate::builtins::set::set_compare(vm, op, x, y);
        vm.temp_roots.pop();
        r
    })();
    vm.temp_roots.pop();
    Ok(Value::bool(r?))
}

/// `dictviews_to_set`: a new set of the items of a view (or any iterable).
fn view_to_set(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let src = match &v.obj().data {
        ObjData::DictView {
            dict,
            kind: DictIterKind::Keys,
        } if vm.type_of(*dict) == vm.types.dict => *dict,
        _ => v,
    };
    crate::builtins::set::to_set(vm, src)
}

/// Set operations on dict views (`d.keys() & other`); the results are sets.
pub fn view_binop(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    if !matches!(op, BinOp::And | BinOp::Or | BinOp::Sub | BinOp::Xor)
        || (!is_set_view(a) && !is_set_view(b))
    {
        return Ok(None);
    }
    // Other operands must be iterable.
    if op == BinOp::And {
        let (mut slf, mut other) = if is_set_view(a) { (a, b) } else { (b, a) };
        let len_self = vm.len(slf)?;
        if vm.type_of(other) == vm.types.set && len_self <= vm.len(other)? {
            let r = vm.call_method(other, "intersection", &[slf])?;
            return Ok(Some(r));
        }
        if is_set_view(other) && vm.len(other)? > len_self {
            std::mem::swap(&mut slf, &mut other);
        }
        let result = vm.new_set();
        vm.temp_roots.push(result);
        let r = (|| {
            let it = vm.iter(other)?;
            vm.temp_roots.push(it);
            let r = (|| {
                while let Some(k) = vm.next(it)? {
                    if vm.contains(slf, k)? {
                        vm.set_add(result, k)?;
                    }
                }
                Ok(())
            })();
            vm.temp_roots.pop();
            r
        })();
        vm.temp_roots.pop();
        r?;
        return Ok(Some(result));
    }
    let left = view_to_set(vm, a)?;
    vm.temp_roots.push(left);
    let r = (|| {
        match op {
            BinOp::Or => vm.call_method(left, "update", &[b])?,
            BinOp::Sub => vm.call_method(left, "difference_update", &[b])?,
            _ => vm.call_method(left, "symmetric_difference_update", &[b])?,
        };
        Ok(())
    })();
    vm.temp_roots.pop();
    r?;
    Ok(Some(left))
}

/// `a == b` for dicts: same keys, equal values.
/// The dict behind a comparison operand: a dict, or the payload of an instance of
/// a dict subclass (whose own `__eq__` deferred to dict's, as Counter's does).
fn dict_operand(vm: &Vm, v: Value) -> Option<Value> {
    if is_dict(v) {
        return Some(v);
    }
    let p = vm.base_payload(v);
    is_dict(p).then_some(p)
}

pub fn dict_eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    let (ObjData::Dict(x), ObjData::Dict(y)) = (&a.obj().data, &b.obj().data) else {
        return Ok(false);
    };
    if x.get().len() != y.get().len() {
        return Ok(false);
    }
    let entries: Vec<(Value, Value)> = x.get().iter().map(|e| (e.key, e.value)).collect();
    for (k, v) in entries {
        match vm.dict_get(b, k)? {
            Some(w) => {
                if !vm.eq(v, w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

/// Whether `v` has a `keys` attribute (the mapping test of `dict.update`).
fn has_keys(vm: &mut Vm, v: Value) -> PyResult<bool> {
    let kn = vm.intern("keys");
    Ok(vm.getattr_opt(v, kn)?.is_some())
}
