//! The `coil` command: `coil [options] FILE [args...]`, `coil -c CODE`, `coil -`.

use std::io::Read;
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
    // The interpreter runs on a thread with a large stack: deep native recursion
    // (nested calls from built-ins back into Python) must hit RecursionError first.
    let child = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || run(cli))
        .expect("spawn interpreter thread");
    let code = child.join().unwrap_or_else(|_| {
        eprintln!("coil: internal error (a Rust panic); please report it");
        70
    });
    ExitCode::from(code.clamp(0, 255) as u8)
}

fn run(cli: Cli) -> i32 {
    let mut vm = coil::vm::Vm::new();
    // This thread has a 1 GiB stack: allow deep native recursion, keep headroom.
    vm.native_stack_budget = 900 << 20;
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
    coil::run::run_main(&mut vm, &source, &filename)
}
