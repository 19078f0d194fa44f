//! The `coil` command: `coil [options] FILE [args...]`, `coil -c CODE [args...]`,
//! `coil -m MODULE [args...]`, `coil -` or a program piped on stdin.

// Only the process-start hook below may use `unsafe` (src/lib.rs says where else).
#![deny(unsafe_code)]

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use clap::Parser;

// Every Python object and most payloads (str text, list items) are small heap
// blocks with short lives; mimalloc's size-segregated free lists serve them far
// faster than glibc's malloc (string_build: 2.3x). Off (`--no-default-features`)
// for AddressSanitizer builds, which must see every allocation.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turns transparent huge pages off for the process. With them, the first touch
/// of an allocator arena maps 2 MiB at once: mimalloc's arenas then cost a small
/// program 10 to 20 MB of resident memory for nothing (richards: 31 MB against
/// 14 MB without), and resident memory is one of Coil's measured claims. It runs
/// as a constructor of the first user priority, before the allocator's own
/// initialization and the first allocation, so no arena page is huge.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
extern "C" fn no_transparent_huge_pages() {
    // SAFETY: PR_SET_THP_DISABLE takes integer arguments and touches no memory of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

// SAFETY: an .init_array entry is a `void (*)(void)` the loader calls once
// before main; NO_THP is one (an `extern "C" fn()` that takes and returns nothing).
#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
#[used]
#[unsafe(link_section = ".init_array.00101")]
static NO_THP: extern "C" fn() = no_transparent_huge_pages;

#[derive(Parser)]
#[command(
    name = "coil",
    version,
    about = "Coil: a Python 3 interpreter with a tracing JIT"
)]
struct Cli {
    /// Program passed in as a string (ends the options; the rest is sys.argv[1:]).
    #[arg(short = 'c', value_name = "CODE")]
    command: Option<String>,
    /// Run library module as a script (ends the options; the rest is sys.argv[1:]).
    #[arg(short = 'm', value_name = "MODULE")]
    module: Option<String>,
    /// Compile hot loops to native code with the tracing JIT.
    #[arg(long = "trace-jit")]
    trace_jit: bool,
    /// Log each trace (bytecodes, IR before/after optimization, machine code, how it
    /// ended) to stderr or FILE.
    #[arg(long = "trace-log", value_name = "FILE", num_args = 0..=1, default_missing_value = "-", require_equals = true)]
    trace_log: Option<String>,
    /// Print JIT statistics (a `jit:` line) to stderr at exit.
    #[arg(long = "jit-stats")]
    jit_stats: bool,
    /// Print garbage collector statistics (a `gc:` line: collections, pauses,
    /// peaks) to stderr at exit.
    #[arg(long = "gc-stats")]
    gc_stats: bool,
    /// Loop iterations before a loop is recorded.
    #[arg(long = "jit-hotloop", value_name = "N", require_equals = true)]
    jit_hotloop: Option<u32>,
    /// Exits taken before a side trace is recorded.
    #[arg(long = "jit-hotexit", value_name = "N", require_equals = true)]
    jit_hotexit: Option<u32>,
    /// Optimization passes, e.g. `all`, `none`, `-loop,-cse` (for bisecting);
    /// `-bodyentry` makes linking traces enter loops at the top, `-ifconv` records
    /// short branches as guards instead of branch-free.
    #[arg(long = "jit-opt", value_name = "PASSES", require_equals = true)]
    jit_opt: Option<String>,
    /// Deoptimization fuzzing: every guard additionally fails with probability P
    /// (default 0.05), deterministically per SEED.
    #[arg(long = "jit-chaos", value_name = "SEED[:P]", require_equals = true)]
    jit_chaos: Option<String>,
    /// Script to run ('-' or none with stdin not a terminal: the program is read from
    /// stdin), then its arguments.
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "FILE [ARGS]"
    )]
    args: Vec<String>,
}

/// `-c CODE` or `-m MODULE` ('c' or 'm', the value) and the arguments after it.
type Ending = (char, String, Vec<String>);

/// Splits the command line where CPython stops reading options: at `-c CODE` or
/// `-m MODULE` (attached, as in `-mjson.tool`, or separate), so what follows is the
/// program's argv even when it looks like an option. Returns the options before,
/// and which of the two was given with its value and the remaining arguments.
fn split_command_line(raw: Vec<String>) -> (Vec<String>, Option<Ending>) {
    let mut head = Vec::new();
    let mut it = raw.into_iter();
    head.extend(it.next());
    while let Some(a) = it.next() {
        let flag = if a == "-c" || a.starts_with("-c") && !a.starts_with("--") {
            Some('c')
        } else if a == "-m" || a.starts_with("-m") && !a.starts_with("--") {
            Some('m')
        } else {
            None
        };
        if let Some(f) = flag {
            let value = if a.len() > 2 {
                Some(a[2..].to_string())
            } else {
                it.next()
            };
            match value {
                Some(v) => return (head, Some((f, v, it.collect()))),
                None => {
                    // let clap report the missing value
                    head.push(a);
                    return (head, None);
                }
            }
        }
        let positional = !a.starts_with('-') || a == "-" || a == "--";
        head.push(a);
        if positional {
            head.extend(it);
            break;
        }
    }
    (head, None)
}

fn main() -> ExitCode {
    let (head, split) = split_command_line(std::env::args().collect());
    let mut cli = Cli::parse_from(head);
    match split {
        Some(('c', code, rest)) => {
            cli.command = Some(code);
            cli.args = rest;
        }
        Some((_, module, rest)) => {
            cli.module = Some(module);
            cli.args = rest;
        }
        None => {}
    }
    coil::vm::panic::install_hook();
    // The interpreter runs on a thread with a large stack: deep native recursion
    // (nested calls from built-ins back into Python) must hit RecursionError first.
    let child = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || run(cli))
        .expect("spawn interpreter thread");
    // A panic while Python code runs is a SystemError inside the program (see
    // coil::vm::panic); one outside it (compiling the main script, at start-up or
    // exit) ends the run the way an uncaught SystemError would.
    let code = child.join().unwrap_or_else(|payload| {
        let msg = coil::vm::panic::panic_message(&*payload);
        eprintln!("SystemError: internal error: {msg}");
        1
    });
    ExitCode::from(code.clamp(0, 255) as u8)
}

fn run(cli: Cli) -> i32 {
    let mut vm = coil::vm::Vm::new();
    // This thread has a 1 GiB stack: allow deep native recursion, keep headroom.
    vm.native_stack_budget = 900 << 20;
    vm.jit.enabled = cli.trace_jit;
    vm.jit.stats_on_exit = cli.jit_stats;
    vm.gc_stats_on_exit = cli.gc_stats;
    // --jit-stats counts interpreted bytecodes through the recording hook
    vm.jit.count_ops = cli.jit_stats && cli.trace_jit;
    vm.jit_recording = vm.jit.count_ops;
    if let Some(n) = cli.jit_hotloop {
        vm.jit.hotloop = n;
    }
    if let Some(n) = cli.jit_hotexit {
        vm.jit.hotexit = n;
    }
    if let Some(p) = &cli.jit_opt {
        vm.jit.set_opts(p);
    }
    if let Some(spec) = &cli.jit_chaos {
        match deopt::chaos::Chaos::parse(spec) {
            Ok(c) => vm.jit.chaos = Some(c),
            Err(e) => {
                eprintln!("coil: bad --jit-chaos: {e}");
                return 2;
            }
        }
    }
    match cli.trace_log.as_deref() {
        None => {}
        Some("-") => vm.jit.log = Some(Box::new(std::io::stderr())),
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => vm.jit.log = Some(Box::new(std::io::BufWriter::new(f))),
            Err(e) => {
                eprintln!("coil: cannot open trace log {path}: {e}");
                return 2;
            }
        },
    }
    let cwd = std::env::current_dir()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| ".".into());
    if let Some(module) = &cli.module {
        // -m: sys.path[0] is the current directory, argv[0] the module's file
        vm.path = coil::run::startup_path(cwd);
        let mut argv = vec!["-m".to_string()];
        argv.extend(cli.args.iter().cloned());
        vm.argv = argv;
        let status = coil::run::run_module(&mut vm, module);
        return finish(vm, status);
    }
    let (source, filename, argv, kind) = if let Some(code) = cli.command {
        let mut argv = vec!["-c".to_string()];
        argv.extend(cli.args.iter().cloned());
        vm.path = coil::run::startup_path(String::new());
        (code, "<string>".to_string(), argv, Kind::Command)
    } else if cli.args.first().is_none_or(|a| a == "-") {
        // `-`, or no program with stdin not a terminal: read the program from stdin
        if cli.args.is_empty() && std::io::stdin().is_terminal() {
            eprintln!("coil: no program given and no interactive mode (try 'coil --help')");
            return 2;
        }
        let mut s = String::new();
        if std::io::stdin().read_to_string(&mut s).is_err() {
            eprintln!("coil: cannot read program from stdin");
            return 2;
        }
        vm.path = coil::run::startup_path(String::new());
        let argv = if cli.args.is_empty() {
            vec![String::new()]
        } else {
            cli.args.clone()
        };
        (s, "<stdin>".to_string(), argv, Kind::File)
    } else {
        let first = &cli.args[0];
        let path = std::path::Path::new(first);
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let source = match std::fs::read(path) {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err(e) => {
                let errno = e.raw_os_error().unwrap_or(2);
                let msg = match e.kind() {
                    std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
                    std::io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
                    _ => e.to_string(),
                };
                eprintln!(
                    "coil: can't open file '{}': [Errno {errno}] {msg}",
                    abs.display()
                );
                return 2;
            }
        };
        // sys.path[0]: the directory of the script, symlinks resolved (as CPython)
        let real = std::fs::canonicalize(&abs).unwrap_or_else(|_| abs.clone());
        let dir = real
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| ".".into());
        vm.path = coil::run::startup_path(dir);
        (
            source,
            abs.display().to_string(),
            cli.args.clone(),
            Kind::File,
        )
    };
    vm.argv = argv;
    let kind = match kind {
        Kind::File => coil::run::MainKind::File(&filename),
        Kind::Command => coil::run::MainKind::Command,
    };
    let status = coil::run::run_main_as(&mut vm, &source, &filename, kind);
    finish(vm, status)
}

enum Kind {
    File,
    Command,
}

/// The end of a run: JIT statistics and log, then exit without freeing the heap.
fn finish(mut vm: Box<coil::vm::Vm>, status: i32) -> i32 {
    if vm.jit.stats_on_exit {
        eprint!("{}", vm.jit.stats_line());
    }
    if vm.gc_stats_on_exit {
        eprint!("{}", vm.heap.stats_line());
    }
    if let Some(l) = &mut vm.jit.log {
        let _ = l.flush();
    }
    // the process ends here: its memory goes back with it, not object by object
    std::mem::take(&mut vm.heap).release_at_exit();
    std::mem::forget(vm);
    status
}
