//! Entry points: compile source text into a code object (SyntaxError on failure),
//! run a script as `__main__`, and turn an uncaught exception into CPython's exit.

use std::io::Write;
use std::rc::Rc;

use ruff_python_parser::ParseErrorType;
use ruff_text_size::TextSize;

use crate::compiler::bytecode::Code;
use crate::compiler::codegen::{self, CompileError};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm, str_of};

/// Parses and compiles module source. Syntax errors become SyntaxError exceptions.
pub fn compile_source(vm: &mut Vm, source: &str, filename: &str, name: &str) -> PyResult<Rc<Code>> {
    let module = parse_module_311(vm, source, filename)?;
    codegen::compile_module(vm, &module.body, source, filename, name)
        .map_err(|e| compile_error_to_exc(vm, source, filename, e))
}

/// Compiles source for `compile(..., 'single')` (doctest's examples): each
/// expression statement's value goes to `sys.displayhook`.
pub fn compile_single(vm: &mut Vm, source: &str, filename: &str) -> PyResult<Rc<Code>> {
    let module = parse_module_311(vm, source, filename)?;
    codegen::compile_interactive(vm, &module.body, source, filename)
        .map_err(|e| compile_error_to_exc(vm, source, filename, e))
}

/// Compiles an expression for `eval`: the code returns the expression's value.
pub fn compile_eval(vm: &mut Vm, source: &str, filename: &str) -> PyResult<Rc<Code>> {
    let trimmed = source.trim_start_matches([' ', '\t']);
    let parsed = parse_311(vm, trimmed, filename, ruff_python_parser::Mode::Expression)?;
    let ruff_python_ast::Mod::Expression(expr) = parsed.into_syntax() else {
        return Err(vm.error("SystemError", "parser returned no expression"));
    };
    codegen::compile_expression(vm, &expr.body, trimmed, filename)
        .map_err(|e| compile_error_to_exc(vm, trimmed, filename, e))
}

/// Parses `source` as Python 3.11 does: what later versions added (PEP 701's
/// f-strings, `type` statements, ...) is a SyntaxError, in 3.11's words.
fn parse_311(
    vm: &mut Vm,
    source: &str,
    filename: &str,
    mode: ruff_python_parser::Mode,
) -> PyResult<ruff_python_parser::Parsed<ruff_python_ast::Mod>> {
    let options = ruff_python_parser::ParseOptions::from(mode)
        .with_target_version(ruff_python_ast::PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(source, options);
    if let Some(e) = parsed.errors().first() {
        return Err(syntax_error_from_parse(
            vm,
            source,
            filename,
            &e.error,
            e.location.start(),
        ));
    }
    if let Some(u) = parsed.unsupported_syntax_errors().first() {
        let at = u.range.start().to_u32();
        let (line, col, text) = line_col(source, at);
        // (the parser does not export the f-string kinds' type)
        let msg = match format!("{:?}", u.kind).as_str() {
            "Pep701FString(Backslash)" => {
                "f-string expression part cannot include a backslash".to_string()
            }
            "Pep701FString(Comment)" => "f-string expression part cannot include '#'".to_string(),
            "Pep701FString(NestedQuote)" => "f-string: expecting '}'".to_string(),
            "Pep701FString(LineBreak)" => {
                format!("unterminated string literal (detected at line {line})")
            }
            _ => "invalid syntax".to_string(),
        };
        return Err(make_syntax_error(
            vm,
            "SyntaxError",
            &msg,
            filename,
            line,
            col,
            &text,
        ));
    }
    Ok(parsed)
}

fn parse_module_311(
    vm: &mut Vm,
    source: &str,
    filename: &str,
) -> PyResult<ruff_python_ast::ModModule> {
    let parsed = parse_311(vm, source, filename, ruff_python_parser::Mode::Module)?;
    match parsed.try_into_module() {
        Some(m) => Ok(m.into_syntax()),
        None => Err(vm.error("SystemError", "parser returned no module")),
    }
}

fn line_col(source: &str, offset: u32) -> (usize, usize, String) {
    let off = (offset as usize).min(source.len());
    let before = &source[..off];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let col = source[line_start..off].chars().count() + 1;
    let text = source[line_start..]
        .lines()
        .next()
        .unwrap_or("")
        .to_string();
    (line, col, text)
}

/// Maps the parser's message to CPython's wording where they differ.
fn cpython_message(err: &ParseErrorType, source: &str, offset: u32) -> (&'static str, String) {
    let msg = err.to_string();
    let lower = msg.to_lowercase();
    let dbg = format!("{err:?}");
    let at_char = source.get(offset as usize..).and_then(|s| s.chars().next());
    if let Some(f) = msg.strip_prefix("f-string: ") {
        let m = if f.starts_with("expecting") {
            "f-string: expecting '}'"
        } else if f.starts_with("single") {
            "f-string: single '}' is not allowed"
        } else if f.starts_with("invalid conversion") || f.starts_with("conversion type") {
            "f-string: invalid conversion character: expected 's', 'r', or 'a'"
        } else if f.starts_with("unterminated") {
            "f-string: unterminated string"
        } else {
            "f-string: invalid syntax"
        };
        return ("SyntaxError", m.into());
    }
    if dbg.starts_with("ExpectedToken { expected: Colon") {
        return ("SyntaxError", "expected ':'".into());
    }
    if let Some(c @ (')' | ']' | '}')) = at_char
        && (lower.contains("expected a statement") || lower.contains("expected an expression"))
    {
        return ("SyntaxError", format!("unmatched '{c}'"));
    }
    if dbg.starts_with("InvalidAssignmentTarget") {
        let lit = at_char.is_some_and(|c| c.is_ascii_digit() || c == '"' || c == '\'');
        let what = if lit { "literal" } else { "expression" };
        return (
            "SyntaxError",
            format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"),
        );
    }
    if lower.contains("unexpected indentation") {
        return ("IndentationError", "unexpected indent".into());
    }
    if lower.contains("expected an indented block") {
        let (line, _, _) = line_col(source, offset);
        let before: Vec<&str> = source.lines().take(line.saturating_sub(1)).collect();
        let prev = before
            .iter()
            .rev()
            .find(|l| !l.trim().is_empty())
            .copied()
            .unwrap_or("");
        let kw = prev
            .trim_start()
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .next()
            .unwrap_or("");
        let prev_line = source
            .lines()
            .take(line.saturating_sub(1))
            .collect::<Vec<_>>()
            .iter()
            .rposition(|l| !l.trim().is_empty())
            .map(|i| i + 1)
            .unwrap_or(1);
        let what = match kw {
            "if" | "elif" | "else" | "while" | "for" | "try" | "with" | "finally" => {
                format!("'{kw}' statement")
            }
            "def" => "function definition".into(),
            "class" => "class definition".into(),
            "except" => "'except' statement".into(),
            _ => "statement".into(),
        };
        return (
            "IndentationError",
            format!("expected an indented block after {what} on line {prev_line}"),
        );
    }
    if lower.contains("unindent") || lower.contains("dedent") {
        return (
            "IndentationError",
            "unindent does not match any outer indentation level".into(),
        );
    }
    if lower.contains("expected ':'") || (lower.contains("expected") && lower.contains("':'")) {
        return ("SyntaxError", "expected ':'".into());
    }
    if lower.contains("invalid assignment target") || lower.contains("assignment expression target")
    {
        return (
            "SyntaxError",
            "cannot assign to literal here. Maybe you meant '==' instead of '='?".into(),
        );
    }
    if lower.contains("unterminated string") || lower.contains("missing closing quote") {
        return (
            "SyntaxError",
            "unterminated string literal (detected at line ".to_string()
                + &line_col(source, offset).0.to_string()
                + ")",
        );
    }
    // Unclosed brackets: find the innermost opener never closed.
    if lower.contains("expected ')'")
        || lower.contains("expected ']'")
        || lower.contains("expected '}'")
        || lower.contains("unexpected eof")
        || lower.contains("end of file")
    {
        if let Some(c) = unclosed_bracket(source) {
            return ("SyntaxError", format!("'{c}' was never closed"));
        }
    }
    ("SyntaxError", "invalid syntax".into())
}

fn unclosed_bracket(source: &str) -> Option<char> {
    let mut stack = Vec::new();
    let mut in_str: Option<char> = None;
    let mut prev = ' ';
    for c in source.chars() {
        if let Some(q) = in_str {
            if c == q && prev != '\\' {
                in_str = None;
            }
        } else if c == '#' {
            // comments are rare in error programs; ignore
        } else if c == '\'' || c == '"' {
            in_str = Some(c);
        } else if "([{".contains(c) {
            stack.push(c);
        } else if ")]}".contains(c) {
            stack.pop();
        }
        prev = c;
    }
    stack.first().copied()
}

fn make_syntax_error(
    vm: &mut Vm,
    kind: &str,
    msg: &str,
    filename: &str,
    line: usize,
    col: usize,
    text: &str,
) -> PyErr {
    let cls = vm.exc_class(kind);
    let m = vm.new_str(msg);
    let e = vm.new_exception(cls, vec![m]);
    let attrs: [(&str, Value); 8] = [
        ("msg", m),
        ("filename", vm.new_str(filename)),
        ("lineno", Value::small_int(line as i64)),
        ("offset", Value::small_int(col as i64)),
        ("text", vm.new_str(text)),
        // the parser reports a point, not a range: the end is that point
        ("end_lineno", Value::small_int(line as i64)),
        ("end_offset", Value::small_int(col as i64)),
        ("print_file_and_line", Value::NONE),
    ];
    for (k, v) in attrs {
        let k = vm.intern(k);
        vm.instance_set_attr(e, k, v);
    }
    PyErr(e)
}

fn syntax_error_from_parse(
    vm: &mut Vm,
    source: &str,
    filename: &str,
    err: &ParseErrorType,
    at: TextSize,
) -> PyErr {
    let (kind, msg) = cpython_message(err, source, at.to_u32());
    let (line, col, text) = line_col(source, at.to_u32());
    make_syntax_error(vm, kind, &msg, filename, line, col, &text)
}

fn compile_error_to_exc(vm: &mut Vm, source: &str, filename: &str, e: CompileError) -> PyErr {
    let (line, col, text) = line_col(source, e.offset);
    if e.kind == "NotImplementedError" {
        // the file too: the feature may be in a module the program imported
        return vm.error(
            "NotImplementedError",
            &format!("{} ({filename}, line {line})", e.msg),
        );
    }
    let err = make_syntax_error(vm, "SyntaxError", &e.msg, filename, line, col, &text);
    // carets span the node, up to the end of its first line
    let (end_line, end_col, _) = line_col(source, e.end);
    if e.end > e.offset {
        let end_col = if end_line == line {
            end_col
        } else {
            text.trim_end().chars().count() + 1
        };
        let k = vm.intern("end_offset");
        vm.instance_set_attr(err.0, k, Value::small_int(end_col as i64));
    }
    err
}

/// Prints an uncaught exception (SyntaxErrors in their caret format) and returns the
/// process exit status, handling SystemExit as CPython does.
pub fn report_uncaught(vm: &mut Vm, e: PyErr) -> i32 {
    let _ = vm.stdout.flush();
    let exc = e.0;
    if vm.matches(exc, "SystemExit") {
        let args = crate::vm::exc::exc_args(vm, exc);
        let code = args.first().copied().unwrap_or(Value::NONE);
        if code.is_none() {
            return 0;
        }
        if let Some(i) = vm.to_i64(code) {
            return i as i32;
        }
        let s = vm.str_string(code).unwrap_or_default();
        eprintln!("{s}");
        return 1;
    }
    if vm.matches(exc, "SyntaxError") {
        let get = |vm: &mut Vm, k: &str| {
            let k = vm.intern(k);
            vm.instance_get_attr(exc, k)
        };
        if let (Some(f), Some(l), Some(o), Some(t)) = (
            get(vm, "filename"),
            get(vm, "lineno"),
            get(vm, "offset"),
            get(vm, "text"),
        ) {
            let mut out = String::new();
            if let Some(st) = vm.exc_state(exc)
                && !st.traceback.is_empty()
            {
                // raised through exec/import: show the traceback first
                let mut tmp = String::new();
                let _ = &mut tmp;
            }
            out.push_str(&format!(
                "  File \"{}\", line {}\n",
                str_of(f),
                l.as_small_int()
            ));
            let text = str_of(t);
            let stripped = text.trim_start();
            let lead = text.chars().count() - stripped.chars().count();
            let stripped = stripped.trim_end();
            if !stripped.is_empty() {
                out.push_str(&format!("    {stripped}\n"));
                let no_caret = vm.matches(exc, "IndentationError")
                    && vm.exception_summary(exc).ends_with("unexpected indent");
                if !no_caret {
                    let col = (o.as_small_int() as usize)
                        .saturating_sub(1)
                        .saturating_sub(lead);
                    let width = get(vm, "end_offset")
                        .filter(|e| e.is_small_int())
                        .map(|e| e.as_small_int() - o.as_small_int())
                        .filter(|w| *w > 0)
                        .unwrap_or(1) as usize;
                    out.push_str(&format!("    {}{}\n", " ".repeat(col), "^".repeat(width)));
                }
            }
            let summary = vm.exception_summary(exc);
            out.push_str(&summary);
            out.push('\n');
            eprint!("{out}");
            return 1;
        }
    }
    vm.print_exception(exc);
    1
}

/// How the main program was given, for the attributes of `__main__`.
pub enum MainKind<'a> {
    /// A script file (`__file__` is its absolute path) or stdin (`<stdin>`).
    File(&'a str),
    /// `-c CODE`: no `__file__`.
    Command,
    /// `-m NAME`: the module's file, its spec and its package.
    Module {
        file: &'a str,
        spec: Value,
        package: &'a str,
    },
}

/// Runs `source` as the `__main__` module (a script file). Returns the exit status.
pub fn run_main(vm: &mut Vm, source: &str, filename: &str) -> i32 {
    run_main_as(vm, source, filename, MainKind::File(filename))
}

/// Runs `source` as `__main__`, with `__file__`, `__spec__` and `__package__` as
/// CPython sets them for the way the program was given. Returns the exit status.
pub fn run_main_as(vm: &mut Vm, source: &str, filename: &str, kind: MainKind) -> i32 {
    let main = vm.new_module("__main__");
    vm.main_module = main;
    let d = vm.module_dict(main);
    let (file, spec, package) = match kind {
        MainKind::File(f) => (Some(f), Value::NONE, Value::NONE),
        MainKind::Command => (None, Value::NONE, Value::NONE),
        MainKind::Module {
            file,
            spec,
            package,
        } => (Some(file), spec, vm.new_str(package)),
    };
    if let Some(f) = file {
        let fk = vm.intern("__file__");
        let fv = vm.new_str(f);
        vm.dict_set_str(d, fk, fv);
    }
    for (k, v) in [
        ("__doc__", Value::NONE),
        ("__package__", package),
        ("__loader__", Value::NONE),
        ("__spec__", spec),
    ] {
        let k = vm.intern(k);
        vm.dict_set_str(d, k, v);
    }
    let bk = vm.intern("__builtins__");
    let b = vm.builtins;
    vm.dict_set_str(d, bk, b);
    let key = vm.intern("__main__");
    let modules = vm.modules;
    vm.dict_set_str(modules, key, main);
    let r = compile_source(vm, source, filename, "<module>")
        .and_then(|code| vm.run_code(code, d, Value::NONE));
    let status = match r {
        Ok(_) => 0,
        Err(e) => report_uncaught(vm, e),
    };
    crate::modules::atexit::run_exit_funcs(vm);
    let _ = vm.stdout.flush();
    status
}

/// `coil -m NAME`: finds module NAME along `sys.path` (importing its parent
/// packages; a package runs its `__main__` submodule) and runs it as `__main__`,
/// with `sys.argv[0]` its file. Returns the exit status.
pub fn run_module(vm: &mut Vm, name: &str) -> i32 {
    match find_main_module(vm, name) {
        Ok(Some((file, full))) => {
            let source = match crate::vm::import::read_source(vm, std::path::Path::new(&file)) {
                Ok(s) => s,
                Err(e) => return report_uncaught(vm, e),
            };
            // sys.argv[0] is the module's file, in the list too if `sys` is loaded
            if let Some(a0) = vm.argv.first_mut() {
                *a0 = file.clone();
            }
            let sk = vm.intern("sys");
            let modules = vm.modules;
            if let Some(sys) = vm.dict_get_str(modules, sk) {
                let ak = vm.intern("argv");
                let d = vm.module_dict(sys);
                if let Some(argv) = vm.dict_get_str(d, ak) {
                    let f = vm.new_str(&file);
                    let _ = vm.setitem(argv, Value::small_int(0), f);
                }
            }
            let fv = vm.new_str(&file);
            let spec = crate::modules::importlib::new_spec(vm, &full, Some(fv), None);
            let package = full.rsplit_once('.').map(|x| x.0).unwrap_or("").to_string();
            run_main_as(
                vm,
                &source,
                &file,
                MainKind::Module {
                    file: &file,
                    spec,
                    package: &package,
                },
            )
        }
        Ok(None) => 1,
        Err(e) => report_uncaught(vm, e),
    }
}

/// The file and full name of the module `-m NAME` runs, or None after printing
/// CPython's message for a name that cannot run.
fn find_main_module(vm: &mut Vm, name: &str) -> PyResult<Option<(String, String)>> {
    use crate::vm::import::Found;
    let prog = "coil";
    let mut full = name.to_string();
    for _ in 0..2 {
        let parent = match full.rsplit_once('.') {
            Some((p, _)) => {
                vm.import(p, Value::NONE, 0, Value::NONE)?;
                let pk = vm.intern(p);
                let modules = vm.modules;
                vm.dict_get_str(modules, pk).unwrap_or(Value::NONE)
            }
            None => Value::NONE,
        };
        match vm.find_module(&full, parent)? {
            Found::File(file, None) => return Ok(Some((file.display().to_string(), full))),
            Found::File(_, Some(_)) | Found::Namespace(_) if !full.ends_with(".__main__") => {
                // a package runs its __main__ submodule
                full.push_str(".__main__");
            }
            Found::File(..) | Found::Namespace(_) => break,
            Found::Native(_) => {
                let _ = vm.stdout.flush();
                eprintln!("{prog}: No code object available for {full}");
                return Ok(None);
            }
            Found::Nothing => {
                let _ = vm.stdout.flush();
                if let Some(pkg) = full.strip_suffix(".__main__") {
                    eprintln!(
                        "{prog}: No module named {full}; '{pkg}' is a package and cannot be directly executed"
                    );
                } else {
                    eprintln!("{prog}: No module named {full}");
                }
                return Ok(None);
            }
        }
    }
    let _ = vm.stdout.flush();
    let pkg = full.strip_suffix(".__main__").unwrap_or(&full);
    eprintln!(
        "{prog}: No module named {full}; '{pkg}' is a package and cannot be directly executed"
    );
    Ok(None)
}

/// The start-up import path: `first` (the script's directory, '' or the current
/// directory), the entries of `PYTHONPATH`, then the standard library: the
/// directories of `COILPATH` if set, else CPython 3.11's pure-Python library
/// (/usr/lib/python3.11) when it is installed.
pub fn startup_path(first: String) -> Vec<String> {
    let mut path = vec![first];
    if let Ok(pp) = std::env::var("PYTHONPATH") {
        path.extend(pp.split(':').filter(|s| !s.is_empty()).map(String::from));
    }
    match std::env::var("COILPATH") {
        Ok(cp) => path.extend(cp.split(':').filter(|s| !s.is_empty()).map(String::from)),
        Err(_) => {
            if std::path::Path::new(STDLIB).join("os.py").is_file() {
                path.push(STDLIB.to_string());
            }
        }
    }
    path
}

/// Where Debian's `libpython3.11-stdlib` puts CPython's standard library.
pub const STDLIB: &str = "/usr/lib/python3.11";
