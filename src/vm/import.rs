//! `import`: built-in (Rust) modules first, then `.py` files, packages and namespace
//! packages found along `sys.path` as it is at import time, each executed once and
//! cached in `sys.modules`, with CPython's module attributes (`__spec__`, `__file__`,
//! `__package__`, `__path__`, `__cached__`).

use std::path::{Path, PathBuf};

use crate::object::ObjData;
use crate::value::Value;
use crate::vm::{PyResult, Vm, str_of};

/// What `find_module` found for a module name.
pub enum Found {
    Native(fn(&mut Vm) -> PyResult<Value>),
    /// A source file, and the package directory when it is an `__init__.py`.
    File(PathBuf, Option<PathBuf>),
    Namespace(Vec<String>),
    Nothing,
}

impl Vm {
    pub fn import(
        &mut self,
        name: &str,
        fromlist: Value,
        level: usize,
        globals: Value,
    ) -> PyResult<Value> {
        let full = if level > 0 {
            self.resolve_relative(name, level, globals)?
        } else {
            name.to_string()
        };
        if full.is_empty() {
            return Err(self.error("ImportError", "Empty module name"));
        }
        let parts: Vec<&str> = full.split('.').collect();
        let mut prefix = String::new();
        let mut top = Value::NONE;
        let mut leaf = Value::NONE;
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                prefix.push('.');
            }
            prefix.push_str(p);
            let parent = leaf;
            leaf = self.import_one(&prefix, parent)?;
            if i == 0 {
                top = leaf;
            }
        }
        // (a tuple from `from ... import`, any list from `__import__`)
        let from_names = match fromlist.as_obj().map(|o| &o.data) {
            Some(ObjData::Tuple(_) | ObjData::List(_)) => Some(self.seq_items(fromlist)),
            _ => None,
        };
        let has_fromlist = from_names.as_ref().is_some_and(|t| !t.is_empty());
        if has_fromlist || level > 0 && name.is_empty() {
            // `from pkg import sub`: make sure submodules named in fromlist are loaded.
            if let Some(names) = from_names {
                for n in names {
                    let s = str_of(n);
                    if s == "*" {
                        continue;
                    }
                    let d = self.module_dict(leaf);
                    if self.dict_get_str(d, n).is_none() && self.is_package(leaf) {
                        let sub = format!("{full}.{s}");
                        match self.import_one(&sub, leaf) {
                            Ok(_) => {}
                            Err(e) if self.missing_module_is(e.0, &sub) => {}
                            Err(e) => return Err(e),
                        }
                    }
                }
            }
            return Ok(leaf);
        }
        Ok(top)
    }

    fn resolve_relative(&mut self, name: &str, level: usize, globals: Value) -> PyResult<String> {
        let pk = self.name("__package__");
        let nk = self.name("__name__");
        let package = match self.dict_get_str(globals, pk) {
            Some(p) if self.is_str(p) => str_of(p).to_string(),
            _ => match self.dict_get_str(globals, nk) {
                Some(n) if self.is_str(n) => {
                    let n = str_of(n);
                    n.rsplit_once('.')
                        .map(|(a, _)| a.to_string())
                        .unwrap_or_default()
                }
                _ => String::new(),
            },
        };
        if package.is_empty() || package == "__main__" {
            return Err(self.error(
                "ImportError",
                "attempted relative import with no known parent package",
            ));
        }
        let mut base: Vec<&str> = package.split('.').collect();
        for _ in 1..level {
            if base.pop().is_none() {
                return Err(self.error(
                    "ImportError",
                    "attempted relative import beyond top-level package",
                ));
            }
        }
        if base.is_empty() {
            return Err(self.error(
                "ImportError",
                "attempted relative import beyond top-level package",
            ));
        }
        let mut s = base.join(".");
        if !name.is_empty() {
            s.push('.');
            s.push_str(name);
        }
        Ok(s)
    }

    fn is_package(&mut self, m: Value) -> bool {
        let k = self.name("__path__");
        let d = self.module_dict(m);
        self.dict_get_str(d, k).is_some()
    }

    fn import_one(&mut self, full: &str, parent: Value) -> PyResult<Value> {
        let key = self.intern(full);
        let modules = self.modules;
        if let Some(m) = self.dict_get_str(modules, key) {
            if m.is_none() {
                return Err(self.error(
                    "ModuleNotFoundError",
                    &format!("import of {full} halted; None in sys.modules"),
                ));
            }
            return Ok(m);
        }
        match self.find_module(full, parent)? {
            Found::Native(init) => {
                let m = init(self)?;
                self.dict_set_str(modules, key, m);
                self.native_module_attrs(full, m);
                self.bind_in_parent(full, m, parent);
                Ok(m)
            }
            Found::File(file, pkg_dir) => self.exec_module_file(full, &file, pkg_dir, parent),
            Found::Namespace(portions) => Ok(self.namespace_package(full, portions, parent)),
            Found::Nothing => {
                let e = self.error("ModuleNotFoundError", &format!("No module named '{full}'"));
                let k = self.name("name");
                let n = self.new_str(full);
                self.instance_set_attr(e.0, k, n);
                Err(e)
            }
        }
    }

    /// Where module `full` would come from, without running anything: a built-in
    /// module (these come before any file of the same name), else the first
    /// package or `.py` file along the search path (`sys.path`, or the parent
    /// package's `__path__`), else a namespace package.
    pub fn find_module(&mut self, full: &str, parent: Value) -> PyResult<Found> {
        if let Some(init) = self.native_modules.get(full).copied() {
            return Ok(Found::Native(init));
        }
        let dirs: Vec<String> = if parent.is_none() {
            self.search_path()?
        } else {
            let k = self.name("__path__");
            let d = self.module_dict(parent);
            let p = match self.dict_get_str(d, k) {
                Some(p) => p,
                None => {
                    let k = self.name("__path__");
                    match self.getattr_opt(parent, k)? {
                        Some(p) => p,
                        None => {
                            let e = self.error(
                                "ModuleNotFoundError",
                                &format!(
                                    "No module named '{full}'; '{}' is not a package",
                                    full.rsplit_once('.').map(|x| x.0).unwrap_or(full)
                                ),
                            );
                            let k = self.name("name");
                            let n = self.new_str(full);
                            self.instance_set_attr(e.0, k, n);
                            return Err(e);
                        }
                    }
                }
            };
            self.collect_iter(p)?
                .into_iter()
                .filter(|v| self.is_str(*v))
                .map(|v| str_of(v).to_string())
                .collect()
        };
        let short = full.rsplit('.').next().unwrap_or(full);
        // Directories without `__init__.py` on the way: a namespace package made of
        // all of them if no regular module or package comes first (PEP 420).
        let mut portions: Vec<String> = Vec::new();
        for d in dirs {
            // '' is the current directory; module paths are absolute, as in CPython
            let dir = if d.is_empty() {
                std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))
            } else {
                PathBuf::from(&d)
            };
            let pkg_dir = dir.join(short);
            let pkg_init = pkg_dir.join("__init__.py");
            if pkg_init.is_file() {
                return Ok(Found::File(pkg_init, Some(pkg_dir)));
            }
            let file = dir.join(format!("{short}.py"));
            if file.is_file() {
                return Ok(Found::File(file, None));
            }
            if pkg_dir.is_dir() {
                portions.push(pkg_dir.display().to_string());
            }
        }
        Ok(if portions.is_empty() {
            Found::Nothing
        } else {
            Found::Namespace(portions)
        })
    }

    /// `__spec__` (origin 'built-in') and `__package__` of a built-in module, unless
    /// its initialiser set them.
    fn native_module_attrs(&mut self, full: &str, m: Value) {
        let d = self.module_dict(m);
        if d.is_none() {
            return;
        }
        let sk = self.name("__spec__");
        if self.dict_get_str(d, sk).is_none() {
            let spec = crate::modules::importlib::new_spec(self, full, None, None);
            let ok = self.name("origin");
            let bi = self.new_str("built-in");
            self.instance_set_attr(spec, ok, bi);
            self.dict_set_str(d, sk, spec);
        }
        let pk = self.name("__package__");
        if self.dict_get_str(d, pk).is_none() {
            let package = full.rsplit_once('.').map(|x| x.0).unwrap_or("");
            let pv = self.new_str(package);
            self.dict_set_str(d, pk, pv);
        }
    }

    /// `sys.path` now: the list in the `sys` module if it was imported (a program may
    /// append to it or rebind it), else the start-up path. Non-str entries are
    /// skipped, as CPython's path finder does.
    fn search_path(&mut self) -> PyResult<Vec<String>> {
        let sk = self.name("sys");
        let modules = self.modules;
        let list = match self.dict_get_str(modules, sk) {
            Some(sys) if !sys.is_none() => {
                let pk = self.name("path");
                self.getattr(sys, pk)?
            }
            _ => self.sys_path_list(),
        };
        Ok(self
            .collect_iter(list)?
            .into_iter()
            .filter(|v| self.is_str(*v))
            .map(|v| str_of(v).to_string())
            .collect())
    }

    /// The first `file` (e.g. `posixpath.py`) along `sys.path`, for a built-in
    /// module that defers part of its work to the standard library's version.
    pub fn find_stdlib_file(&mut self, file: &str) -> PyResult<Option<String>> {
        for d in self.search_path()? {
            let p = Path::new(&d).join(file);
            if p.is_file() {
                return Ok(Some(p.display().to_string()));
            }
        }
        Ok(None)
    }

    /// The `sys.path` list, made from the start-up path (`Vm::path`) on first use.
    pub fn sys_path_list(&mut self) -> Value {
        if self.sys_path.is_none() {
            let items: Vec<Value> = self.path.clone().iter().map(|s| self.new_str(s)).collect();
            self.sys_path = self.new_list(items);
        }
        self.sys_path
    }

    /// A PEP 420 namespace package: no code, no `__file__`, `__path__` its portions.
    fn namespace_package(&mut self, full: &str, portions: Vec<String>, parent: Value) -> Value {
        let m = self.new_module(full);
        let d = self.module_dict(m);
        let items: Vec<Value> = portions.iter().map(|p| self.new_str(p)).collect();
        let path = self.new_list(items);
        let spec = crate::modules::importlib::new_spec(self, full, None, Some(path));
        self.set_module_attrs(d, full, Value::NONE, full, spec);
        let pk = self.name("__path__");
        self.dict_set_str(d, pk, path);
        let key = self.intern(full);
        let modules = self.modules;
        self.dict_set_str(modules, key, m);
        self.bind_in_parent(full, m, parent);
        m
    }

    /// `__file__`, `__package__`, `__spec__`, `__cached__` and `__loader__` of a module
    /// dict (`file` NONE leaves `__file__` unset, as for namespace packages).
    pub fn set_module_attrs(
        &mut self,
        d: Value,
        _full: &str,
        file: Value,
        package: &str,
        spec: Value,
    ) {
        if !file.is_none() {
            let fk = self.name("__file__");
            self.dict_set_str(d, fk, file);
            let ck = self.name("__cached__");
            self.dict_set_str(d, ck, Value::NONE);
        }
        let pk = self.name("__package__");
        let pv = self.new_str(package);
        self.dict_set_str(d, pk, pv);
        let sk = self.name("__spec__");
        self.dict_set_str(d, sk, spec);
        let lk = self.name("__loader__");
        self.dict_set_str(d, lk, Value::NONE);
    }

    /// A submodule becomes an attribute of its parent package once loaded.
    fn bind_in_parent(&mut self, full: &str, m: Value, parent: Value) {
        if !parent.is_none() {
            let short = self.intern(full.rsplit('.').next().unwrap());
            let pd = self.module_dict(parent);
            self.dict_set_str(pd, short, m);
        }
    }

    fn exec_module_file(
        &mut self,
        full: &str,
        file: &Path,
        pkg_dir: Option<PathBuf>,
        parent: Value,
    ) -> PyResult<Value> {
        let source = read_source(self, file)?;
        let m = self.new_module(full);
        let d = self.module_dict(m);
        let fname = file.display().to_string();
        let fv = self.new_str(&fname);
        let package = match &pkg_dir {
            Some(_) => full.to_string(),
            None => full
                .rsplit_once('.')
                .map(|(a, _)| a.to_string())
                .unwrap_or_default(),
        };
        let path = pkg_dir.map(|p| {
            let ps = self.new_str(&p.display().to_string());
            self.new_list(vec![ps])
        });
        let spec = crate::modules::importlib::new_spec(self, full, Some(fv), path);
        self.set_module_attrs(d, full, fv, &package, spec);
        if let Some(l) = path {
            let pathk = self.name("__path__");
            self.dict_set_str(d, pathk, l);
        }
        let key = self.intern(full);
        let modules = self.modules;
        self.dict_set_str(modules, key, m);
        let code = match crate::run::compile_source(self, &source, &fname, "<module>") {
            Ok(c) => c,
            Err(e) => {
                self.dict_del_str(modules, key);
                return Err(e);
            }
        };
        if let Err(e) = self.run_code(code, d, Value::NONE) {
            self.dict_del_str(modules, key);
            return Err(e);
        }
        // the module may have replaced itself in sys.modules (CPython returns that)
        let m = self.dict_get_str(modules, key).unwrap_or(m);
        self.bind_in_parent(full, m, parent);
        Ok(m)
    }

    pub fn import_from(&mut self, m: Value, name: Value) -> PyResult<Value> {
        if let Some(v) = self.getattr_opt(m, name)? {
            return Ok(v);
        }
        let mname = match m.as_obj().map(|o| &o.data) {
            Some(ObjData::Module { name, .. }) => str_of(*name).to_string(),
            _ => "?".to_string(),
        };
        if self.is_package(m) {
            let sub = format!("{mname}.{}", str_of(name));
            match self.import_one(&sub, m) {
                Ok(v) => return Ok(v),
                // only the submodule itself missing means "cannot import name";
                // an error inside it (a module it imports is missing) propagates
                Err(e) if self.missing_module_is(e.0, &sub) => {}
                Err(e) => return Err(e),
            }
        }
        let fk = self.name("__file__");
        let d = self.module_dict(m);
        let loc = match self.dict_get_str(d, fk) {
            Some(f) => format!(" ({})", str_of(f)),
            None => " (unknown location)".to_string(),
        };
        Err(self.error(
            "ImportError",
            &format!(
                "cannot import name '{}' from '{}'{}",
                str_of(name),
                mname,
                loc
            ),
        ))
    }

    /// Whether `e` is the ModuleNotFoundError for module `name` itself.
    fn missing_module_is(&mut self, e: Value, name: &str) -> bool {
        if !self.matches(e, "ModuleNotFoundError") {
            return false;
        }
        let k = self.name("name");
        self.instance_get_attr(e, k)
            .is_some_and(|n| self.is_str(n) && str_of(n) == name)
    }

    pub fn import_star(&mut self, m: Value, globals: Value) -> PyResult<()> {
        let all_k = self.name("__all__");
        let is_module = matches!(m.as_obj().map(|o| &o.data), Some(ObjData::Module { .. }));
        let all = if is_module {
            let d = self.module_dict(m);
            self.dict_get_str(d, all_k)
        } else {
            // any object can stand in sys.modules: its __all__, else its __dict__
            self.getattr_opt(m, all_k)?
        };
        let (names, from_all): (Vec<Value>, bool) = match all {
            Some(all) => (self.collect_iter(all)?, true),
            None => {
                let d = if is_module {
                    self.module_dict(m)
                } else {
                    let dk = self.name("__dict__");
                    match self.getattr_opt(m, dk)? {
                        Some(d) => d,
                        None => {
                            return Err(self.error(
                                "ImportError",
                                "from-import-* object has no __dict__ and no __all__",
                            ));
                        }
                    }
                };
                let keys = match d.as_obj().map(|o| &o.data) {
                    Some(ObjData::Dict(dd)) => dd.get().iter().map(|e| e.key).collect(),
                    _ => self.collect_iter(d)?,
                };
                (keys, false)
            }
        };
        for n in names {
            if !self.is_str(n) {
                let what = if from_all { "__all__" } else { "__dict__" };
                let nk = self.name("__name__");
                let mn = match self.getattr_opt(m, nk)? {
                    Some(v) if self.is_str(v) => str_of(v).to_string(),
                    _ => "module".to_string(),
                };
                let tn = self.type_name(n);
                let kind = if from_all { "Item in" } else { "Key in" };
                return Err(self.type_error(&format!("{kind} {mn}.{what} must be str, not {tn}")));
            }
            if !from_all && str_of(n).starts_with('_') {
                continue;
            }
            let n = self.intern_value(n);
            let v = self.getattr(m, n)?;
            self.dict_set_str(globals, n, v);
        }
        Ok(())
    }
}

/// A source file's text: UTF-8, or Latin-1 bytes kept as they are (a few old
/// standard library files declare another coding).
pub fn read_source(vm: &mut Vm, file: &Path) -> PyResult<String> {
    let bytes = std::fs::read(file).map_err(|e| {
        vm.error(
            "ImportError",
            &format!("cannot read {}: {e}", file.display()),
        )
    })?;
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
    })
}
