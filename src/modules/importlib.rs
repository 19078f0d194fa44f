//! `importlib` (import_module, reload, invalidate_caches), `importlib.util`
//! (find_spec, resolve_name, module_from_spec) and `importlib.machinery`
//! (ModuleSpec, the suffix lists), and the `ModuleSpec` objects of `__spec__`.
//! CPython's own importlib package needs its frozen bootstrap (`_imp`, `_thread`,
//! `marshal`), so Coil provides this small native one in its place.

use crate::builtins::signature::Sig;
use crate::value::Value;
use crate::vm::import::Found;
use crate::vm::{Args, PyResult, Vm, str_of};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("importlib", init);
    vm.native_modules.insert("importlib.util", init_util);
    vm.native_modules
        .insert("importlib.machinery", init_machinery);
    vm.native_modules
        .insert("importlib._bootstrap", init_bootstrap);
    vm.native_modules
        .insert("importlib._bootstrap_external", init_bootstrap_external);
}

/// `importlib._bootstrap`: Coil's import system is native; this module holds the
/// few names other modules read from it (pydoc, py_compile).
fn init_bootstrap(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("importlib._bootstrap");
    crate::modules::itertools::run_source(vm, m, BOOTSTRAP_SRC, "<importlib._bootstrap>")?;
    Ok(m)
}

const BOOTSTRAP_SRC: &str = r#"
from importlib.machinery import ModuleSpec


def _verbose_message(message, *args, verbosity=1):
    pass


def _find_spec(name, path, target=None):
    import importlib.util
    return importlib.util.find_spec(name)
"#;

/// `importlib._bootstrap_external`: the path helpers py_compile uses; Coil writes
/// no .pyc files, so `cache_from_source` names the file CPython would write.
fn init_bootstrap_external(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("importlib._bootstrap_external");
    crate::modules::itertools::run_source(
        vm,
        m,
        BOOTSTRAP_EXTERNAL_SRC,
        "<importlib._bootstrap_external>",
    )?;
    Ok(m)
}

const BOOTSTRAP_EXTERNAL_SRC: &str = r#"
from importlib.machinery import SOURCE_SUFFIXES, BYTECODE_SUFFIXES

MAGIC_NUMBER = (3495).to_bytes(2, "little") + b"\r\n"
_PYCACHE = "__pycache__"


def cache_from_source(path, debug_override=None, *, optimization=None):
    import os
    path = os.fspath(path)
    head, tail = os.path.split(path)
    base = tail.rpartition(".")[0] or tail
    opt = "" if not optimization else f".opt-{optimization}"
    return os.path.join(head, _PYCACHE, f"{base}.cpython-311{opt}.pyc")


def source_from_cache(path):
    import os
    head, tail = os.path.split(os.fspath(path))
    return os.path.join(os.path.dirname(head), tail.split(".")[0] + ".py")


def _code_to_timestamp_pyc(*args):
    raise NotImplementedError("Coil does not write .pyc files")


_code_to_hash_pyc = _code_to_timestamp_pyc


def _calc_mode(path):
    import os
    try:
        return os.stat(path).st_mode
    except OSError:
        return 0o666


def _write_atomic(path, data, mode=0o666):
    with open(path, "wb") as f:
        f.write(data)
"#;

/// The `ModuleSpec` class, made on first use.
fn spec_class(vm: &mut Vm) -> Value {
    if vm.spec_class.is_none() {
        let ns = vm.new_dict();
        let mk = vm.intern("__module__");
        let mv = vm.intern("_frozen_importlib");
        vm.dict_set_str(ns, mk, mv);
        let cls = vm
            .new_class("ModuleSpec", "ModuleSpec", vec![], ns)
            .expect("ModuleSpec: a plain class");
        vm.add_method(cls, "__init__", spec_init);
        crate::modules::itertools::add_method_as(vm, cls, "__repr__ ", spec_repr);
        vm.spec_class = cls;
    }
    vm.spec_class
}

fn set(vm: &mut Vm, obj: Value, name: &str, v: Value) {
    let k = vm.intern(name);
    vm.instance_set_attr(obj, k, v);
}

fn get(vm: &mut Vm, obj: Value, name: &str) -> PyResult<Value> {
    let k = vm.intern(name);
    vm.getattr(obj, k)
}

/// Fills a spec's attributes as CPython's `ModuleSpec.__init__` does; `parent` is a
/// plain attribute here (a property computed from the same data in CPython).
fn fill_spec(vm: &mut Vm, spec: Value, name: Value, loader: Value, origin: Value, locs: Value) {
    set(vm, spec, "name", name);
    set(vm, spec, "loader", loader);
    set(vm, spec, "origin", origin);
    set(vm, spec, "loader_state", Value::NONE);
    set(vm, spec, "submodule_search_locations", locs);
    set(vm, spec, "cached", Value::NONE);
    let n = str_of(name);
    let parent = if locs.is_none() {
        n.rsplit_once('.').map(|x| x.0).unwrap_or("")
    } else {
        n
    };
    let pv = vm.new_str(parent);
    set(vm, spec, "parent", pv);
    let has_location = Value::bool(!origin.is_none() && str_of(origin) != "built-in");
    set(vm, spec, "has_location", has_location);
}

/// A `__spec__` for module `name`: `origin` is its file (None for namespace
/// packages and built-in modules), `locations` the package's `__path__`.
pub fn new_spec(vm: &mut Vm, name: &str, origin: Option<Value>, locations: Option<Value>) -> Value {
    let cls = spec_class(vm);
    let spec = vm.new_instance(cls);
    let n = vm.new_str(name);
    fill_spec(
        vm,
        spec,
        n,
        Value::NONE,
        origin.unwrap_or(Value::NONE),
        locations.unwrap_or(Value::NONE),
    );
    spec
}

fn spec_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `ModuleSpec.__init__(self, name, loader, *, origin=None, loader_state=None,
    /// is_package=None)`, a Python method in CPython
    const INIT: Sig<5> = Sig::new(
        "ModuleSpec.__init__",
        ["name", "loader", "origin", "loader_state", "is_package"],
    )
    .method()
    .posonly(0)
    .kwonly(2)
    .required(2)
    .python();
    let b = INIT.bind(vm, &a)?;
    let (spec, name, loader) = (b.recv, b.req(0), b.req(1));
    let origin = b.get(2).unwrap_or(Value::NONE);
    let is_package = b.truth(vm, 4, false)?;
    let locs = if is_package {
        vm.new_list(vec![])
    } else {
        Value::NONE
    };
    fill_spec(vm, spec, name, loader, origin, locs);
    if let Some(st) = b.get(3) {
        set(vm, spec, "loader_state", st);
    }
    Ok(Value::NONE)
}

fn spec_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const REPR: Sig<0> = Sig::new("__repr__", []).method();
    let spec = REPR.bind(vm, &a)?.recv;
    let mut parts = Vec::new();
    for (i, k) in ["name", "loader", "origin", "submodule_search_locations"]
        .iter()
        .enumerate()
    {
        let v = get(vm, spec, k)?;
        // CPython leaves out an origin or search locations that are None
        if i >= 2 && v.is_none() {
            continue;
        }
        let r = vm.repr_string(v)?;
        parts.push(format!("{k}={r}"));
    }
    Ok(vm.new_string(format!("ModuleSpec({})", parts.join(", "))))
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("importlib");
    let d = vm.module_dict(m);
    // a package, so `import importlib.util` finds its built-in submodules
    let pk = vm.intern("__path__");
    let l = vm.new_list(vec![]);
    vm.dict_set_str(d, pk, l);
    vm.add_fn(d, "import_module", import_module);
    vm.add_fn(d, "reload", reload);
    vm.add_fn(d, "invalidate_caches", |vm, a| {
        Sig::new("invalidate_caches", []).python().bind(vm, &a)?;
        Ok(Value::NONE)
    });
    Ok(m)
}

fn init_util(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("importlib.util");
    let d = vm.module_dict(m);
    vm.add_fn(d, "find_spec", find_spec);
    vm.add_fn(d, "resolve_name", |vm, a| {
        let (name, package) = name_and_package(vm, &RESOLVE_NAME, &a)?;
        let full = resolve_name(vm, &name, package)?;
        Ok(vm.new_string(full))
    });
    vm.add_fn(d, "module_from_spec", module_from_spec);
    crate::modules::itertools::run_source(vm, m, UTIL_SRC, "<importlib.util>")?;
    Ok(m)
}

const UTIL_SRC: &str = r#"
from importlib._bootstrap_external import (
    MAGIC_NUMBER, cache_from_source, source_from_cache)


def decode_source(source_bytes):
    import io, tokenize
    encoding = tokenize.detect_encoding(io.BytesIO(source_bytes).readline)[0]
    return source_bytes.decode(encoding).replace("\r\n", "\n").replace("\r", "\n")


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    from importlib.machinery import ModuleSpec
    return ModuleSpec(name, loader, origin=origin, is_package=bool(is_package))


def spec_from_file_location(name, location=None, *, loader=None,
                            submodule_search_locations=None):
    from importlib.machinery import ModuleSpec
    import os
    spec = ModuleSpec(name, loader, origin=os.fspath(location) if location is not None else None)
    spec.has_location = location is not None
    if submodule_search_locations is not None:
        spec.submodule_search_locations = list(submodule_search_locations)
    return spec
"#;

fn init_machinery(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("importlib.machinery");
    let d = vm.module_dict(m);
    let cls = spec_class(vm);
    let k = vm.intern("ModuleSpec");
    vm.dict_set_str(d, k, cls);
    for (name, items) in [
        ("SOURCE_SUFFIXES", &[".py"][..]),
        ("BYTECODE_SUFFIXES", &[".pyc"][..]),
        ("EXTENSION_SUFFIXES", &[][..]),
        ("DEBUG_BYTECODE_SUFFIXES", &[".pyc"][..]),
        ("OPTIMIZED_BYTECODE_SUFFIXES", &[".pyc"][..]),
    ] {
        let items: Vec<Value> = items.iter().map(|s| vm.new_str(s)).collect();
        let l = vm.new_list(items);
        let k = vm.intern(name);
        vm.dict_set_str(d, k, l);
    }
    vm.add_fn(d, "all_suffixes", |vm, a| {
        Sig::new("all_suffixes", []).python().bind(vm, &a)?;
        let items = vec![vm.new_str(".py"), vm.new_str(".pyc")];
        Ok(vm.new_list(items))
    });
    crate::modules::itertools::run_source(vm, m, MACHINERY_SRC, "<importlib.machinery>")?;
    Ok(m)
}

/// The finder and loader classes, as names (`pkgutil` registers functions on
/// them; `isinstance` checks see them). Coil's imports do not go through them.
const MACHINERY_SRC: &str = r#"
class BuiltinImporter:
    pass


class FrozenImporter:
    pass


class PathFinder:
    @classmethod
    def invalidate_caches(cls):
        pass


class WindowsRegistryFinder:
    pass


class FileLoader:
    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def get_filename(self, fullname=None):
        return self.path

    def get_data(self, path):
        with open(path, "rb") as f:
            return f.read()


class SourceFileLoader(FileLoader):
    pass


class SourcelessFileLoader(FileLoader):
    pass


class ExtensionFileLoader(FileLoader):
    pass


class NamespaceLoader:
    pass


class FileFinder:
    def __init__(self, path, *loader_details):
        self.path = path or "."

    def invalidate_caches(self):
        pass


for _c in (BuiltinImporter, FrozenImporter, PathFinder, WindowsRegistryFinder, FileLoader,
           SourceFileLoader, SourcelessFileLoader, ExtensionFileLoader, NamespaceLoader,
           FileFinder):
    _c.__module__ = "importlib.machinery"
del _c
"#;

/// `import_module(name, package=None)` and `find_spec(name, package=None)`,
/// Python functions in CPython; `resolve_name(name, package)` requires both.
const IMPORT_MODULE: Sig<2> = Sig::new("import_module", ["name", "package"])
    .posonly(0)
    .required(1)
    .python();
const FIND_SPEC: Sig<2> = Sig::new("find_spec", ["name", "package"])
    .posonly(0)
    .required(1)
    .python();
const RESOLVE_NAME: Sig<2> = Sig::new("resolve_name", ["name", "package"])
    .posonly(0)
    .python();

fn name_and_package(vm: &mut Vm, sig: &Sig<2>, a: &Args) -> PyResult<(String, Option<String>)> {
    let b = sig.bind(vm, a)?;
    let name = b.req(0);
    if !vm.is_str(name) {
        // CPython's first use of the name is `name.startswith('.')`
        let tn = vm.type_name(name);
        return Err(vm.attribute_error(&format!("'{tn}' object has no attribute 'startswith'")));
    }
    let package = b
        .opt(1)
        .filter(|p| vm.is_str(*p))
        .map(|p| str_of(p).to_string());
    Ok((str_of(name).to_string(), package))
}

/// `importlib.util.resolve_name`: a relative name ('.mod', '..x') against a package.
fn resolve_name(vm: &mut Vm, name: &str, package: Option<String>) -> PyResult<String> {
    let level = name.len() - name.trim_start_matches('.').len();
    if level == 0 {
        return Ok(name.to_string());
    }
    let Some(package) = package else {
        return Err(vm.type_error(&format!(
            "the 'package' argument is required to perform a relative import for '{name}'"
        )));
    };
    let mut base: Vec<&str> = package.split('.').collect();
    if level > base.len() {
        return Err(vm.error(
            "ImportError",
            "attempted relative import beyond top-level package",
        ));
    }
    base.truncate(base.len() + 1 - level);
    let rest = &name[level..];
    let mut s = base.join(".");
    if !rest.is_empty() {
        s.push('.');
        s.push_str(rest);
    }
    Ok(s)
}

fn import_module(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (name, package) = name_and_package(vm, &IMPORT_MODULE, &a)?;
    let full = resolve_name(vm, &name, package)?;
    vm.import(&full, Value::NONE, 0, Value::NONE)?;
    let key = vm.intern(&full);
    let modules = vm.modules;
    match vm.dict_get_str(modules, key) {
        Some(m) => Ok(m),
        None => Err(vm.error("ModuleNotFoundError", &format!("No module named '{full}'"))),
    }
}

/// `importlib.reload`: runs the module's source file again in its own namespace.
fn reload(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `reload(module)`, a Python function in CPython
    const RELOAD: Sig<1> = Sig::new("reload", ["module"]).posonly(0).python();
    let m = RELOAD.bind(vm, &a)?.req(0);
    let d = vm.module_dict(m);
    if d.is_none() {
        return Err(vm.type_error("reload() argument must be a module"));
    }
    let fk = vm.intern("__file__");
    match vm.dict_get_str(d, fk) {
        Some(f) if vm.is_str(f) => {
            let fname = str_of(f).to_string();
            let source = crate::vm::import::read_source(vm, std::path::Path::new(&fname))?;
            let code = crate::run::compile_source(vm, &source, &fname, "<module>")?;
            vm.run_code(code, d, Value::NONE)?;
        }
        // built-in modules and namespace packages have nothing to run again
        _ => {}
    }
    Ok(m)
}

/// `importlib.util.find_spec`: the spec of an imported module, or of where the
/// import system would find it (importing the parent package first), or None.
fn find_spec(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (name, package) = name_and_package(vm, &FIND_SPEC, &a)?;
    let full = resolve_name(vm, &name, package)?;
    let key = vm.intern(&full);
    let modules = vm.modules;
    if let Some(m) = vm.dict_get_str(modules, key) {
        let sk = vm.intern("__spec__");
        return match vm.getattr_opt(m, sk)? {
            Some(s) if !s.is_none() => Ok(s),
            _ => Err(vm.value_error(&format!("{full}.__spec__ is None"))),
        };
    }
    let parent = match full.rsplit_once('.') {
        Some((p, _)) => {
            vm.import(p, Value::NONE, 0, Value::NONE)?;
            let pk = vm.intern(p);
            vm.dict_get_str(modules, pk).unwrap_or(Value::NONE)
        }
        None => Value::NONE,
    };
    Ok(match vm.find_module(&full, parent)? {
        Found::Native(_) => {
            let s = new_spec(vm, &full, None, None);
            let o = vm.new_str("built-in");
            set(vm, s, "origin", o);
            set(vm, s, "has_location", Value::FALSE);
            s
        }
        Found::File(file, pkg_dir) => {
            let f = vm.new_str(&file.display().to_string());
            let locs = pkg_dir.map(|p| {
                let p = vm.new_str(&p.display().to_string());
                vm.new_list(vec![p])
            });
            new_spec(vm, &full, Some(f), locs)
        }
        Found::Namespace(portions) => {
            let items: Vec<Value> = portions.iter().map(|p| vm.new_str(p)).collect();
            let l = vm.new_list(items);
            new_spec(vm, &full, None, Some(l))
        }
        Found::Nothing => Value::NONE,
    })
}

/// `importlib.util.module_from_spec`: a new, empty module with the spec's attributes.
fn module_from_spec(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `module_from_spec(spec)`, a Python function in CPython
    const MODULE_FROM_SPEC: Sig<1> = Sig::new("module_from_spec", ["spec"]).posonly(0).python();
    let spec = MODULE_FROM_SPEC.bind(vm, &a)?.req(0);
    // CPython reads the loader first (`hasattr(spec.loader, 'create_module')`)
    get(vm, spec, "loader")?;
    let name = get(vm, spec, "name")?;
    let name = str_of(name).to_string();
    let m = vm.new_module(&name);
    let d = vm.module_dict(m);
    let origin = get(vm, spec, "origin")?;
    let has_loc = get(vm, spec, "has_location")?;
    let file = if vm.truthy(has_loc)? {
        origin
    } else {
        Value::NONE
    };
    let parent = get(vm, spec, "parent")?;
    let parent = str_of(parent).to_string();
    vm.set_module_attrs(d, &name, file, &parent, spec);
    let locs = get(vm, spec, "submodule_search_locations")?;
    if !locs.is_none() {
        let k = vm.intern("__path__");
        vm.dict_set_str(d, k, locs);
    }
    Ok(m)
}
