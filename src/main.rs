//! The `coil` command: `coil [options] FILE [args...]`, `coil -c CODE`, `coil -`.

use std::io::{Read, Write};
use std::process::ExitCode;

use clap::Parser;

#[derive(Parser)]
#[command(
    name = "coil",
    version,
    about = "Coil: a Python 3 interpreter with a tracing JIT"
)]
struct Cli {
    /// Program passed in as a string.
    #[arg(short = 'c', value_name = "CODE")]
    command: Option<String>,
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
    /// Script to run ('-' reads the program from stdin), then its arguments.
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "FILE [ARGS]"
    )]
    args: Vec<String>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
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
    let (source, filename, argv) = if let Some(code) = cli.command {
        let mut argv = vec!["-c".to_string()];
        argv.extend(cli.args.iter().cloned());
        vm.path.push(".".into());
        (code, "<string>".to_string(), argv)
    } else if let Some(first) = cli.args.first() {
        if first == "-" {
            let mut s = String::new();
            if std::io::stdin().read_to_string(&mut s).is_err() {
                eprintln!("coil: cannot read program from stdin");
                return 2;
            }
            vm.path.push(".".into());
            (s, "<stdin>".to_string(), cli.args.clone())
        } else {
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
            let dir = abs
                .parent()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| ".".into());
            vm.path.push(dir);
            (source, abs.display().to_string(), cli.args.clone())
        }
    } else {
        eprintln!("coil: no program given (try 'coil --help')");
        return 2;
    };
    vm.argv = argv;
    let status = coil::run::run_main(&mut vm, &source, &filename);
    if vm.jit.stats_on_exit {
        eprint!("{}", vm.jit.stats_line());
    }
    if let Some(l) = &mut vm.jit.log {
        let _ = l.flush();
    }
    // the process ends here: its memory goes back with it, not object by object
    std::mem::take(&mut vm.heap).release_at_exit();
    std::mem::forget(vm);
    status
}
