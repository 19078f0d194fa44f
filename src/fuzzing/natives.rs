//! The `natives` fuzz target's body: the input picks one callable of the library
//! surface (builtins, the attributes of the built-in types, the functions and
//! classes of common modules: tests/native_surface.py's `targets()`) and its
//! arguments (up to three values and one keyword from the script's hostile pool),
//! and Coil makes that call. A Python exception is fine; a Rust panic (which the
//! VM's safety net turns into `SystemError: internal error`), a segfault or an
//! abort is a finding.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use std::sync::OnceLock;

use crate::value::Value;
use crate::vm::Vm;

/// tests/native_surface.py: the targets, the hostile values, `resolve(name)`.
const SURFACE: &str = include_str!("../../tests/native_surface.py");

/// What the input chooses from, read once from the script run under Coil.
struct Menu {
    targets: Vec<String>,
    values: Vec<String>,
    keywords: Vec<String>,
}

static MENU: OnceLock<Menu> = OnceLock::new();

struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Runs the script followed by `suffix` in a fresh VM; its stdout, or the summary
/// of the exception that ended it.
fn run_with_surface(suffix: &str) -> Result<String, String> {
    let mut vm = Vm::new();
    vm.recursion_limit = 200;
    // libFuzzer's thread has 8 MiB of stack, a test thread 2 MiB (the budget's
    // default assumes the interpreter thread's 1 GiB): native recursion (comparing
    // two lists that hold themselves) must end in RecursionError well before
    vm.native_stack_budget = 1 << 20;
    let buf = Rc::new(RefCell::new(Vec::new()));
    vm.stdout = std::io::BufWriter::new(Box::new(Shared(buf.clone())));
    let source = format!("{SURFACE}\nWITH_MODULES = True\n{suffix}");
    let g = vm.new_dict();
    let (nk, nv) = (vm.intern("__name__"), vm.new_str("native_surface"));
    vm.dict_set_str(g, nk, nv);
    let r = crate::run::compile_source(&mut vm, &source, "<natives>", "<module>")
        .and_then(|code| vm.run_code(code, g, Value::NONE));
    let _ = vm.stdout.flush();
    let out = String::from_utf8_lossy(&buf.borrow()).into_owned();
    match r {
        Ok(_) => Ok(out),
        Err(e) => Err(vm.exception_summary(e.0)),
    }
}

fn menu() -> &'static Menu {
    MENU.get_or_init(|| {
        let out = run_with_surface(
            "for _n, _ in targets():\n    print('T', _n)\n\
             for _n, _ in VALUES + EXTRA_VALUES:\n    print('V', _n)\n\
             for _n in KEYWORDS:\n    print('K', _n)\n",
        )
        .expect("native_surface.py runs under Coil");
        let mut m = Menu {
            targets: Vec::new(),
            values: Vec::new(),
            keywords: Vec::new(),
        };
        for line in out.lines() {
            let (tag, name) = line.split_at(2);
            match tag {
                "T " => m.targets.push(name.to_string()),
                "V " => m.values.push(name.to_string()),
                _ => m.keywords.push(name.to_string()),
            }
        }
        m
    })
}

/// A call an input chooses: the target's name, the names of its positional
/// values, and an optional (keyword, value name).
pub type Call = (String, Vec<String>, Option<(String, String)>);

/// The call `data` chooses.
pub fn call_from_bytes(data: &[u8]) -> Option<Call> {
    let m = menu();
    if data.len() < 3 || m.targets.is_empty() {
        return None;
    }
    let target =
        m.targets[u16::from_le_bytes([data[0], data[1]]) as usize % m.targets.len()].clone();
    let nargs = (data[2] % 4) as usize;
    let with_kw = data[2] & 4 != 0;
    let mut rest = data[3..].iter().copied();
    let mut pick =
        |list: &Vec<String>| list[rest.next().unwrap_or(0) as usize % list.len()].clone();
    let args: Vec<String> = (0..nargs).map(|_| pick(&m.values)).collect();
    let kw = with_kw.then(|| (pick(&m.keywords), pick(&m.values)));
    Some((target, args, kw))
}

/// Makes the call `data` chooses. `Err` is a finding: the summary of a
/// `SystemError` (a Rust panic caught by the VM) or of a failure of the harness
/// itself.
pub fn run_call(data: &[u8]) -> Result<(), String> {
    let Some((target, args, kw)) = call_from_bytes(data) else {
        return Ok(());
    };
    let mut names: Vec<String> = args.clone();
    if let Some((k, v)) = &kw {
        names.push(format!("{k}={v}"));
    }
    let kwargs = match &kw {
        Some((k, v)) => format!("{{{k:?}: _pool[{v:?}]()}}"),
        None => "{}".into(),
    };
    let suffix = format!(
        "_pool = dict(VALUES + EXTRA_VALUES)\n\
         if not unbounded({target:?}, {names:?}):\n    \
         _fn = resolve({target:?})\n    \
         _args = [_pool[_n]() for _n in {args:?}]\n    \
         _kw = {kwargs}\n    \
         try:\n        _fn(*_args, **_kw)\n    \
         except SystemError:\n        raise\n    \
         except Exception:\n        pass\n"
    );
    match run_with_surface(&suffix) {
        Ok(_) => Ok(()),
        Err(e) if e.starts_with("SystemError") => Err(format!("{target}({names:?}): {e}")),
        // anything else escaping is the harness's business (an exception that is
        // not an Exception, e.g. a KeyboardInterrupt some call raises): no finding
        Err(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_menu_lists_the_surface_and_a_call_runs() {
        let m = super::menu();
        assert!(m.targets.len() > 2000, "{} targets", m.targets.len());
        assert!(m.targets.iter().any(|t| t == "str.zfill"));
        assert!(m.values.iter().any(|v| v == "Hostile()"));
        assert!(m.keywords.iter().any(|k| k == "key"));
        let i = m.targets.iter().position(|t| t == "str.zfill").unwrap() as u16;
        let [lo, hi] = i.to_le_bytes();
        // str.zfill with two arguments and a keyword
        assert_eq!(super::run_call(&[lo, hi, 2 | 4, 0, 1, 2, 3]), Ok(()));
        // two lists holding themselves compared on a test thread's 2 MiB stack:
        // RecursionError, not a stack overflow
        let i = m.targets.iter().position(|t| t == "list.__eq__").unwrap() as u16;
        let v = m.values.iter().position(|v| v == "self_list()").unwrap() as u8;
        let [lo, hi] = i.to_le_bytes();
        assert_eq!(super::run_call(&[lo, hi, 2, v, v]), Ok(()));
    }
}
