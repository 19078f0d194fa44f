//! `import`: built-in (Rust) modules first, then `.py` files and packages found next
//! to the script, each executed once and cached in `sys.modules`.

use std::path::{Path, PathBuf};

use crate::object::ObjData;
use crate::value::Value;
use crate::vm::{PyResult, Vm, str_of};

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
        let has_fromlist = !fromlist.is_none()
            && self
                .tuple_items(fromlist)
                .map(|t| !t.is_empty())
                .unwrap_or(false);
        if has_fromlist || level > 0 && name.is_empty() {
            // `from pkg import sub`: make sure submodules named in fromlist are loaded.
            if let Some(names) = self.tuple_items(fromlist) {
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
                            Err(e) if self.matches(e.0, "ModuleNotFoundError") => {}
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
        let pk = self.intern("__package__");
        let nk = self.intern("__name__");
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
        let k = self.intern("__path__");
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
        if let Some(init) = self.native_modules.get(full).copied() {
            let m = init(self)?;
            self.dict_set_str(modules, key, m);
            return Ok(m);
        }
        let dirs: Vec<String> = if parent.is_none() {
            self.path.clone()
        } else {
            let k = self.intern("__path__");
            let d = self.module_dict(parent);
            match self.dict_get_str(d, k) {
                Some(p) => self
                    .collect_iter(p)?
                    .into_iter()
                    .map(|v| str_of(v).to_string())
                    .collect(),
                None => {
                    return Err(self.error(
                        "ModuleNotFoundError",
                        &format!(
                            "No module named '{full}'; '{}' is not a package",
                            full.rsplit_once('.').unwrap().0
                        ),
                    ));
                }
            }
        };
        let short = full.rsplit('.').next().unwrap();
        for d in dirs {
            let dir = Path::new(&d);
            let pkg_init = dir.join(short).join("__init__.py");
            if pkg_init.is_file() {
                let pkg_dir = dir.join(short);
                return self.exec_module_file(full, &pkg_init, Some(pkg_dir), parent);
            }
            let file = dir.join(format!("{short}.py"));
            if file.is_file() {
                return self.exec_module_file(full, &file, None, parent);
            }
        }
        let e = self.error("ModuleNotFoundError", &format!("No module named '{full}'"));
        let k = self.intern("name");
        let n = self.new_str(full);
        self.instance_set_attr(e.0, k, n);
        Err(e)
    }

    fn exec_module_file(
        &mut self,
        full: &str,
        file: &Path,
        pkg_dir: Option<PathBuf>,
        parent: Value,
    ) -> PyResult<Value> {
        let source = std::fs::read_to_string(file).map_err(|e| {
            self.error(
                "ImportError",
                &format!("cannot read {}: {e}", file.display()),
            )
        })?;
        let m = self.new_module(full);
        let d = self.module_dict(m);
        let fk = self.intern("__file__");
        let fname = file.display().to_string();
        let fv = self.new_str(&fname);
        self.dict_set_str(d, fk, fv);
        let pk = self.intern("__package__");
        let package = match &pkg_dir {
            Some(_) => full.to_string(),
            None => full
                .rsplit_once('.')
                .map(|(a, _)| a.to_string())
                .unwrap_or_default(),
        };
        let pv = self.new_str(&package);
        self.dict_set_str(d, pk, pv);
        if let Some(p) = &pkg_dir {
            let pathk = self.intern("__path__");
            let ps = self.new_str(&p.display().to_string());
            let l = self.new_list(vec![ps]);
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
        if !parent.is_none() {
            let short = self.intern(full.rsplit('.').next().unwrap());
            let pd = self.module_dict(parent);
            self.dict_set_str(pd, short, m);
        }
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
            if let Ok(v) = self.import_one(&sub, m) {
                return Ok(v);
            }
        }
        let fk = self.intern("__file__");
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

    pub fn import_star(&mut self, m: Value, globals: Value) -> PyResult<()> {
        let all_k = self.intern("__all__");
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
                    let dk = self.intern("__dict__");
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
                let nk = self.intern("__name__");
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
