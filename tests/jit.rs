//! JIT behaviour beyond output equality: for the deopt programs in
//! tests/programs/jit, `--jit-stats` must show that traces compiled and that exits
//! were taken (their output is checked against CPython by tests/programs.rs), and
//! compiled code pages are never writable and executable at once.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

/// The coil binary as a command. `COIL_TEST_RUNNER` (e.g. `qemu-aarch64 -L
/// /usr/aarch64-linux-gnu`, set by .ci/aarch64.sh) prefixes it, so a cross-built
/// binary runs where the kernel cannot exec it directly.
fn coil_cmd() -> Command {
    let bin = env!("CARGO_BIN_EXE_coil");
    match std::env::var("COIL_TEST_RUNNER") {
        Ok(r) if !r.trim().is_empty() => {
            let mut words = r.split_whitespace();
            let mut cmd = Command::new(words.next().unwrap_or_default());
            cmd.args(words).arg(bin);
            cmd
        }
        _ => Command::new(bin),
    }
}

fn stats(program: &str, args: &[&str]) -> (String, String) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/jit");
    let out = coil_cmd()
        .args(args)
        .arg("--jit-stats")
        .arg(program)
        .current_dir(&dir)
        .output()
        .expect("run coil");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let line = stderr
        .lines()
        .find(|l| l.starts_with("jit:"))
        .unwrap_or("")
        .to_string();
    (String::from_utf8_lossy(&out.stdout).to_string(), line)
}

/// Runs `coil ARGS -c SRC`; returns its stdout and stderr (the trace log, with
/// `--trace-log`).
fn run_source(args: &[&str], src: &str) -> (String, String) {
    let out = coil_cmd()
        .args(args)
        .args(["-c", src])
        .output()
        .expect("run coil");
    (
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

/// The first trace's optimized IR listing in a trace log (up to the next section).
fn first_optimized_ir(log: &str) -> &str {
    log.split("IR after optimization")
        .nth(1)
        .and_then(|s| s.split("\n---- ").next())
        .expect("an optimized trace in the log")
}

fn field(line: &str, key: &str) -> u64 {
    line.split_whitespace()
        .find_map(|kv| kv.strip_prefix(&format!("{key}=")))
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no {key} in {line:?}"))
}

/// The text of `key=` in a `jit:` line, up to the next space ("" when absent):
/// the list fields (`residual_sites`, `exits_by_guard`, ...).
fn text_field<'a>(line: &'a str, key: &str) -> &'a str {
    line.split_whitespace()
        .find_map(|kv| kv.strip_prefix(key).and_then(|v| v.strip_prefix('=')))
        .unwrap_or("")
}

/// `in_traces=` of a `jit:` line, as a percentage.
fn in_traces(line: &str) -> f64 {
    text_field(line, "in_traces")
        .trim_end_matches('%')
        .parse()
        .unwrap_or_else(|_| panic!("no in_traces in {line:?}"))
}

/// The `jit:` line of a `--jit-stats` run's stderr ("" when absent).
fn jit_line(log: &str) -> &str {
    log.lines().find(|l| l.starts_with("jit:")).unwrap_or("")
}

#[test]
fn deopt_programs_compile_traces_and_take_exits() {
    for p in [
        "int_overflow_in_loop.py",
        "type_change_mid_loop.py",
        "branch_flip.py",
        "zero_division_in_trace.py",
        "attrs_and_lists_in_loops.py",
        "method_swap_and_deep_raise.py",
        "side_traces.py",
        "builtins_in_loops.py",
        "math_in_loops.py",
        "builtin_shadowed.py",
        "list_tuple_inline.py",
        "global_rebound.py",
        "attr_shapes.py",
        "body_entry.py",
        "side_traces_in_inlined_calls.py",
        "dead_locals_at_exits.py",
        "body_entry_fallback.py",
        "int_ranges_in_traces.py",
    ] {
        let (_, line) = stats(p, &["--trace-jit"]);
        assert!(
            field(&line, "traces") >= 1,
            "{p}: no trace compiled: {line}"
        );
        assert!(field(&line, "exits") >= 1, "{p}: no exit taken: {line}");
    }
}

#[test]
fn hot_exits_grow_side_traces_that_link_back() {
    // (without if-conversion, which would make the short branches branch-free)
    let (out, line) = stats("side_traces.py", &["--trace-jit", "--jit-opt=-ifconv"]);
    let want = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/jit/side_traces.out"),
    )
    .unwrap();
    assert_eq!(out, want);
    assert!(field(&line, "side_traces") >= 3, "{line}");
    // the branchy loops run natively: few exits back to the interpreter
    assert!(field(&line, "exits") < 1000, "{line}");
}

#[test]
fn exits_inside_inlined_calls_grow_side_traces() {
    // Every loop in the program branches inside the functions its trace inlined:
    // without side traces recorded from those exits, each trace would leave on most
    // iterations and be blacklisted, and nearly all bytecodes would run interpreted.
    let (out, line) = stats("side_traces_in_inlined_calls.py", &["--trace-jit"]);
    let want = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/programs/jit/side_traces_in_inlined_calls.out"),
    )
    .unwrap();
    assert_eq!(out, want);
    assert!(field(&line, "side_traces") >= 8, "{line}");
    assert_eq!(field(&line, "blacklisted"), 0, "{line}");
    let share = in_traces(&line);
    assert!(share > 90.0, "{line}");
    // guards inside the inlined calls name resume points, listed as such
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/jit");
    let out = coil_cmd()
        .args([
            "--trace-jit",
            "--trace-log",
            "side_traces_in_inlined_calls.py",
        ])
        .current_dir(&dir)
        .output()
        .expect("run coil");
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(log.contains("[resume 0 "), "{log}");
    assert!(!log.contains("[pc 2147483648"), "{log}");
}

#[test]
fn loop_temporaries_get_no_phis() {
    // `i`, `x` and `y` are overwritten before they are read on every path from
    // the loop header (bytecode liveness), so exits need not restore them and the
    // loop carries only `acc` (one phi) from one iteration to the next.
    let src = "def f(n):\n\
               \x20   acc = 0.0\n\
               \x20   for i in range(n):\n\
               \x20       x = i * 0.5\n\
               \x20       y = x * x\n\
               \x20       acc += y - x\n\
               \x20   return acc\n\
               print(f(3000))\n";
    let (out, log) = run_source(&["--trace-jit", "--trace-log"], src);
    assert_eq!(out.trim(), "2246625875.0");
    let phis: Vec<&str> = first_optimized_ir(&log)
        .lines()
        .filter(|l| l.contains(" phi "))
        .collect();
    assert_eq!(phis.len(), 1, "{phis:?}");
    assert!(phis[0].contains(" flt "), "{phis:?}");
}

#[test]
fn side_traces_hand_loop_values_over_without_storing_them() {
    // The side trace of the `if` runs `s += 2` and enters the loop body: it hands
    // `s` (slot 1) to the body's phi (`sval`) instead of boxing and storing it in
    // the frame (the body's exits, or its entry stub when it has to enter at the
    // top, write it back). `i` is dead at the header, so it needs no phi at all.
    // (If-conversion, off here, would compute both arms in the loop instead.)
    let src = "def f(n):\n\
               \x20   s = 0\n\
               \x20   for i in range(n):\n\
               \x20       if i % 3 == 0:\n\
               \x20           s += 2\n\
               \x20       else:\n\
               \x20           s += 1\n\
               \x20   return s\n\
               print(f(3000))\n";
    let (out, log) = run_source(&["--trace-jit", "--trace-log", "--jit-opt=-ifconv"], src);
    assert_eq!(out.trim(), "4000");
    let side = log
        .split("---- TRACE 2 IR after optimization")
        .nth(1)
        .and_then(|s| s.split("\n---- ").next())
        .expect("a side trace");
    assert!(side.contains(" sval "), "{side}");
    assert!(!side.contains("sslot  1 "), "{side}");
    assert!(!side.contains(" boxi "), "{side}");
    // It grew from an exit in trace 1's body, so it skips the body-entry checks,
    // and it knows the branch it starts from went the other way (no re-check).
    assert!(
        log.contains("---- TRACE 2 stop -> link trace 1 (body, unchecked)"),
        "{log}"
    );
    assert!(
        !side.contains("gtrue") && !side.contains("gfalse"),
        "{side}"
    );
}

#[test]
fn bounded_int_ops_lose_their_overflow_exits() {
    // `k % 1000` is in [0, 999], so `r * 31` cannot leave the inline int range:
    // the range pass makes it a plain `mul`; `s + ...` keeps its exit (s grows).
    // With `--jit-opt=-range` the product stays `mulov`.
    let src = "def f(n):\n\
               \x20   s = 0\n\
               \x20   for k in range(n):\n\
               \x20       r = k % 1000\n\
               \x20       s += r * 31\n\
               \x20   return s\n\
               print(f(5000))\n";
    for (opt, plain) in [("--jit-opt=all", true), ("--jit-opt=-range", false)] {
        let (out, log) = run_source(&["--trace-jit", "--trace-log", opt], src);
        assert_eq!(out.trim(), "77422500");
        let ir = first_optimized_ir(&log);
        assert_eq!(ir.contains(" mul "), plain, "{opt}: {ir}");
        assert_eq!(ir.contains(" mulov "), !plain, "{opt}: {ir}");
        assert!(ir.contains(" addov "), "{opt}: {ir}");
    }
}

#[test]
fn without_the_flag_nothing_is_compiled() {
    let (_, line) = stats("branch_flip.py", &[]);
    assert_eq!(
        line,
        "jit: traces=0 side_traces=0 aborts=0 blacklisted=0 entries=0 exits=0 residual_calls=0 compiled_calls=0 generator_exits=0 sunk=0 materialized=0 compile_ms=0.000 code_bytes=0 ir_bytes=0 snapshot_bytes=0 meta_bytes=0 in_traces=0.0% exits_by_guard=none abort_reasons=none residual_sites=none interpreted=none hot_exits=none"
    );
}

#[test]
fn trace_log_shows_ir_and_machine_code() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/jit");
    let out = coil_cmd()
        .args(["--trace-jit", "--trace-log", "branch_flip.py"])
        .current_dir(&dir)
        .output()
        .expect("run coil");
    let log = String::from_utf8_lossy(&out.stderr);
    for part in [
        "---- TRACE 1 start",
        "---- TRACE 1 bytecodes",
        "---- TRACE 1 IR",
        "after optimization",
        "---- registers (",
        "---- machine code",
        "stop -> loop",
    ] {
        assert!(log.contains(part), "trace log lacks {part:?}:\n{log}");
    }
    // the register section comes before the code and names registers with
    // their live intervals
    let regs = log
        .split("---- registers (")
        .nth(1)
        .and_then(|s| s.split("---- machine code").next())
        .expect("a register section before the machine code");
    let line = regs.lines().nth(1).expect("one value in a register");
    let fields: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(fields.len(), 4, "{line:?}");
    assert!(fields[3].contains('-'), "no live interval in {line:?}");
}

#[test]
fn code_pages_are_never_writable_and_executable() {
    // A program that compiles traces and, from Python, reads its own memory map
    // while they are installed.
    let src = "def f(n):\n    t = 0\n    for i in range(n):\n        t += i\n    return t\nprint(f(5000))\nwx = [l for l in open('/proc/self/maps') if l.split()[1].startswith('rw') and 'x' in l.split()[1]]\nprint(len(wx))\n";
    let out = coil_cmd()
        .args(["--trace-jit", "--jit-stats", "-c", src])
        .output()
        .expect("run coil");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stdout, "12497500\n0\n", "stderr: {stderr}");
    assert!(stderr.contains("traces=1"), "{stderr}");
}

#[test]
fn builtin_and_math_calls_compile_into_traces() {
    // Each of these loops calls builtins / math functions; each must compile with no
    // abort at all (the calls are recorded, not ended on).
    let dir = std::env::temp_dir().join(format!("coil-jit-calls-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let prog = dir.join("calls.py");
    std::fs::write(
        &prog,
        "import math\n\
         from math import sqrt\n\
         def f(n):\n\
         \x20   s = 0.0\n\
         \x20   for i in range(n):\n\
         \x20       x = i * 0.5 - 100\n\
         \x20       s += abs(x) + min(x, 3.0) + max(i, 2) + math.sqrt(i) + sqrt(abs(x))\n\
         \x20       s += float(i) + int(x) + math.floor(x) + x ** 2 + x % 7.0\n\
         \x20       if isinstance(x, float):\n\
         \x20           s += 1\n\
         \x20   return s\n\
         print(f(3000))\n",
    )
    .unwrap();
    let out = coil_cmd()
        .args(["--trace-jit", "--jit-stats"])
        .arg(&prog)
        .output()
        .expect("run coil");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stderr.lines().find(|l| l.starts_with("jit:")).unwrap_or("");
    assert_eq!(field(line, "traces"), 1, "{line}");
    assert_eq!(field(line, "aborts"), 0, "{line}");
    assert_eq!(
        field(line, "exits"),
        1,
        "one entry runs the loop to its end: {line}"
    );
    assert!(line.contains("abort_reasons=none "), "{line}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(stdout.trim(), "1844080358.0231586", "{stdout}");
}

#[test]
fn unspecialized_builtin_calls_become_residual_calls_naming_the_callee() {
    let (_, line) = stats("builtin_shadowed.py", &["--trace-jit"]);
    assert!(!line.contains("call_of_builtin_'sorted'"), "{line}");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/jit");
    let out = coil_cmd()
        .args(["--trace-jit", "--trace-log", "builtin_shadowed.py"])
        .current_dir(&dir)
        .output()
        .expect("run coil");
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(log.contains("residual: call of builtin 'sorted'"), "{log}");
    assert!(log.contains(" callr "), "{log}");
}

#[test]
fn object_access_compiles_to_loads_and_stores() {
    // A while loop (no iterator helper): reading, unpacking and storing list and
    // tuple items, len(), instance attributes and a method call (inlined) must
    // leave no helper call in the optimized trace: globals are constants too.
    let dir = std::env::temp_dir().join(format!("coil-jit-seq-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let prog = dir.join("seq.py");
    std::fs::write(
        &prog,
        "class Box:\n\
         \x20   def __init__(self):\n\
         \x20       self.v = 0\n\
         \x20   def get(self):\n\
         \x20       return self.v\n\
         def f(l, t, n):\n\
         \x20   i = 0\n\
         \x20   s = 0\n\
         \x20   o = Box()\n\
         \x20   while i < n:\n\
         \x20       a, b = t\n\
         \x20       s += l[i % 3] + l[-1] + a * b + len(l) + len(t) + o.get()\n\
         \x20       l[i % 3] = i\n\
         \x20       o.v = o.v + 1\n\
         \x20       i += 1\n\
         \x20   return s\n\
         print(f([1, 2, 3], (4, 5), 3000))\n",
    )
    .unwrap();
    let out = coil_cmd()
        .args(["--trace-jit", "--jit-stats", "--trace-log"])
        .arg(&prog)
        .output()
        .expect("run coil");
    let _ = std::fs::remove_dir_all(&dir);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.trim(), "13555524", "{stdout}");
    let log = String::from_utf8_lossy(&out.stderr);
    let optimized = first_optimized_ir(&log);
    for op in [" gobj ", " ld ", " ldc ", " aref ", " st "] {
        assert!(optimized.contains(op), "no{op}in:\n{optimized}");
    }
    assert!(
        !optimized.contains("callg"),
        "a helper call is left:\n{optimized}"
    );
    let line = jit_line(&log);
    assert_eq!(field(line, "traces"), 1, "{line}");
    assert_eq!(field(line, "aborts"), 0, "{line}");
}

#[test]
fn side_traces_enter_the_loop_body_unless_told_not_to() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/jit");
    let want = std::fs::read_to_string(dir.join("body_entry.out")).unwrap();
    for (opt, entries) in [("--jit-opt=all", true), ("--jit-opt=-bodyentry", false)] {
        let out = coil_cmd()
            .args(["--trace-jit", "--trace-log", opt, "body_entry.py"])
            .current_dir(&dir)
            .output()
            .expect("run coil");
        assert_eq!(String::from_utf8_lossy(&out.stdout), want, "{opt}");
        let log = String::from_utf8_lossy(&out.stderr);
        assert_eq!(log.contains(" sval "), entries, "{opt}: phis handed over?");
    }
}

#[test]
fn range_loops_iterate_without_helper_calls() {
    // `for i in range(n)` advances the range iterator inline (ld/st of its
    // current value): the loop's optimized trace calls no helper.
    let src = "def f(n):\n\
               \x20   s = 0\n\
               \x20   for i in range(n):\n\
               \x20       s += i * 3\n\
               \x20   return s\n\
               print(f(5000))\n";
    let out = coil_cmd()
        .args(["--trace-jit", "--jit-stats", "--trace-log", "-c", src])
        .output()
        .expect("run coil");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.trim(), "37492500", "{stdout}");
    let log = String::from_utf8_lossy(&out.stderr);
    let optimized = first_optimized_ir(&log);
    assert!(
        optimized.contains(" st "),
        "no iterator store in:\n{optimized}"
    );
    assert!(
        !optimized.contains("callg"),
        "a helper call is left:\n{optimized}"
    );
    let line = jit_line(&log);
    assert_eq!(field(line, "traces"), 1, "{line}");
    assert!(!line.contains("range_next"), "{line}");
}

#[test]
fn short_int_branches_become_branch_free() {
    // Both branches go either way at random: as guards, they send most
    // iterations through side traces. If-converted, the loop is one path: both
    // arms computed, each stored local chosen through a `mask` of the condition.
    let src = "def f(n):\n\
               \x20   x, acc, evens = 1, 0, 0\n\
               \x20   for i in range(n):\n\
               \x20       x = (x * 31 + i) % 1000003\n\
               \x20       if x & 1 == 0:\n\
               \x20           evens += 1\n\
               \x20       if x > 500000:\n\
               \x20           acc += x - 500000\n\
               \x20       else:\n\
               \x20           acc -= x // 3\n\
               \x20   return acc, evens\n\
               print(f(5000))\n";
    let want = "(408115734, 2508)";
    let (out, log) = run_source(&["--trace-jit", "--trace-log", "--jit-stats"], src);
    assert_eq!(out.trim(), want);
    assert_eq!(log.matches("(if-converted: ").count(), 2, "{log}");
    let ir = first_optimized_ir(&log);
    assert_eq!(
        ir.matches(" mask ").count(),
        4,
        "two per branch (peeled): {ir}"
    );
    // the only branch guards left are the loop's
    assert!(!ir.contains("gfalse"), "{ir}");
    let stats = log.lines().find(|l| l.starts_with("jit:")).unwrap();
    assert_eq!(field(stats, "side_traces"), 0, "{stats}");

    let (out, log) = run_source(&["--trace-jit", "--jit-stats", "--jit-opt=-ifconv"], src);
    assert_eq!(out.trim(), want);
    let stats = log.lines().find(|l| l.starts_with("jit:")).unwrap();
    assert!(field(stats, "side_traces") >= 2, "{stats}");
}

#[test]
fn guards_of_the_arm_not_taken_exit_at_the_branch() {
    // From i = 521 on, `b * b * b` (the arm never taken) overflows the inline int
    // range: its guard exits before the branch, and the interpreter takes the
    // branch (so `a` is not added twice and `c` stays 0).
    let src = "def f(n):\n\
               \x20   a, c = 0, 0\n\
               \x20   for i in range(n):\n\
               \x20       b = i * 100\n\
               \x20       if b >= 0:\n\
               \x20           a += b\n\
               \x20       else:\n\
               \x20           c = b * b * b\n\
               \x20   return a, c\n\
               print(f(1000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out.trim(), "(49950000, 0)");
    let stats = log.lines().find(|l| l.starts_with("jit:")).unwrap();
    assert!(stats.contains("mulov:"), "{stats}");
    // and under chaos, where any guard (an arm's before the stores) may fail
    for seed in 1..8 {
        let chaos = format!("--jit-chaos={seed}:0.1");
        let (out, _) = run_source(&["--trace-jit", "--jit-hotloop=1", &chaos], src);
        assert_eq!(out.trim(), "(49950000, 0)", "seed {seed}");
    }
}

/// Runs `coil ARGS -c SRC` with `env`; returns its stdout and its peak resident
/// memory in KiB (from `wait4`, so only this child counts).
fn run_with_peak_rss(args: &[&str], src: &str, env: &[(&str, &str)]) -> (String, i64) {
    let mut child = coil_cmd()
        .args(args)
        .args(["-c", src])
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("run coil");
    let mut out = String::new();
    child
        .stdout
        .take()
        .expect("piped stdout")
        .read_to_string(&mut out)
        .expect("read stdout");
    let mut status = 0;
    // SAFETY: rusage is plain integers, for which all zeroes is a value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: both out-pointers are to live locals of the right types; the
    // pid is our own unwaited child, which `child.wait()` is then never
    // called on (it is forgotten), so no other wait can race for it.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as libc::pid_t, "wait4");
    std::mem::forget(child);
    (out, usage.ru_maxrss)
}

/// A loop whose trace allocates through helpers (an iterator per outer
/// iteration, 10^7 in all) and never leaves on its own.
const ALLOCATING_LOOP: &str = "pairs = [([1.0, 2.0], [3.0]), ([4.0, 5.0], [6.0])]\n\
                               def run(n):\n\
                               \x20   s = 0.0\n\
                               \x20   for i in range(n):\n\
                               \x20       for (a, b) in pairs:\n\
                               \x20           s += a[0] * b[0]\n\
                               \x20   return s\n\
                               print(run(N))\n";

#[test]
fn traces_that_allocate_let_the_collector_run() {
    // Before GC polls, this loop ran entirely in linked traces, so no safepoint
    // was ever reached: 616 MB at 2*10^6 iterations, growing without bound.
    let src = ALLOCATING_LOOP.replace('N', "10000000");
    let (out, peak_kib) = run_with_peak_rss(&["--trace-jit"], &src, &[]);
    assert_eq!(out.trim(), "270000000.0");
    assert!(peak_kib < 150 * 1024, "peak RSS {peak_kib} KiB");
    // the polls are what left the traces
    let src = ALLOCATING_LOOP.replace('N', "300000");
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], &src);
    assert_eq!(out.trim(), "8100000.0");
    let stats = log.lines().find(|l| l.starts_with("jit:")).unwrap();
    assert!(stats.contains(",gc:") || stats.contains("=gc:"), "{stats}");
    // and under GC stress, a collection at every poll after an allocation
    let src = ALLOCATING_LOOP.replace('N', "3000");
    let (out, peak_kib) = run_with_peak_rss(&["--trace-jit"], &src, &[("COIL_GC_STRESS", "1")]);
    assert_eq!(out.trim(), "81000.0");
    assert!(peak_kib < 150 * 1024, "peak RSS {peak_kib} KiB");
}

#[test]
fn side_traces_end_with_an_exit_where_recording_cannot_go_on() {
    // A search loop's `return` and a class call in a branch: the side traces of
    // those branches end in exits instead of failing to record.
    let (out, line) = stats("side_traces_end_in_exits.py", &["--trace-jit"]);
    let want = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/programs/jit/side_traces_end_in_exits.out"),
    )
    .unwrap();
    assert_eq!(out, want);
    assert!(field(&line, "side_traces") >= 2, "{line}");
    assert!(line.contains("exit:"), "{line}");
    // an exit that ends a trace never grows a side trace of its own
    let (_, log) = run_source(
        &["--trace-jit", "--trace-log", "--jit-hotexit=1"],
        "def f(items, want):\n\
         \x20   for i in range(len(items)):\n\
         \x20       if items[i] == want:\n\
         \x20           return i\n\
         \x20   return -1\n\
         print(sum(f(list(range(100)), w) for w in range(300)))\n",
    );
    assert!(log.contains("stop -> exit to the interpreter"), "{log}");
    assert!(!log.contains("abort side trace"), "{log}");
}

#[test]
fn unspecialized_bytecodes_run_as_residual_calls_in_traces() {
    // Dunder methods, dict and str operations, user iterators, generators,
    // calls of looping functions: none aborts the recording any more.
    let (out, line) = stats("residual_calls.py", &["--trace-jit"]);
    let want = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/jit/residual_calls.out"),
    )
    .unwrap();
    assert_eq!(out, want);
    for reason in [
        "instance_+_instance",
        "call_of_class",
        "for_over",
        "method_'get'",
    ] {
        assert!(!line.contains(reason), "{reason}: {line}");
    }
    // exits through residual calls: the raised KeyErrors, exhausted iterators
    assert!(line.contains("residual:"), "{line}");
}

/// A pipeline of generators iterated by a loop, and a genexpr summed by a builtin.
const GENERATOR_PIPELINE: &str = "def count_up(n):\n\
                                  \x20   i = 0\n\
                                  \x20   while i < n:\n\
                                  \x20       yield i\n\
                                  \x20       i += 1\n\
                                  def squares(it):\n\
                                  \x20   for x in it:\n\
                                  \x20       yield x * x\n\
                                  def evens(it):\n\
                                  \x20   for x in it:\n\
                                  \x20       if x % 2 == 0:\n\
                                  \x20           yield x\n\
                                  def run(n):\n\
                                  \x20   t = 0\n\
                                  \x20   for x in evens(squares(count_up(n))):\n\
                                  \x20       t += x\n\
                                  \x20   return t\n\
                                  print(run(200000))\n";

#[test]
fn loops_over_generators_inline_their_resumption() {
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], GENERATOR_PIPELINE);
    assert_eq!(out.trim(), "1333313333400000");
    let line = log.lines().find(|l| l.starts_with("jit:")).unwrap();
    // the three generators run inside the loop's trace: nearly nothing is
    // interpreted, and the exits inside them are the few loop ends
    let share: f64 = line
        .split_whitespace()
        .find_map(|kv| kv.strip_prefix("in_traces="))
        .and_then(|v| v.trim_end_matches('%').parse().ok())
        .unwrap();
    assert!(share > 95.0, "{line}");
    assert!(field(line, "generator_exits") < 20, "{line}");
    assert!(field(line, "exits") < 100, "{line}");
    // `--jit-opt=-generators` resumes them in the interpreter instead: every item
    // would leave the trace of a generator's loop at its yield, and those traces,
    // a few bytecodes per entry, are dropped as costing more than they save
    let (out, log) = run_source(
        &["--trace-jit", "--jit-stats", "--jit-opt=-generators"],
        GENERATOR_PIPELINE,
    );
    assert_eq!(out.trim(), "1333313333400000");
    let line = log.lines().find(|l| l.starts_with("jit:")).unwrap();
    assert_eq!(field(line, "generator_exits"), 0, "{line}");
    assert!(field(line, "blacklisted") >= 2, "{line}");
    assert!(field(line, "exits") < 2_000, "{line}");
}

#[test]
fn int_chains_reduced_by_a_power_of_two_run_in_wrapping_words() {
    // The product leaves the inline ints; the chain up to `%` runs in 64-bit
    // words that wrap, masked at the end: no helper call, no big int.
    let src = "def run(n):\n\
               \x20   x = 42\n\
               \x20   t = 0\n\
               \x20   for i in range(n):\n\
               \x20       x = (x * 1103515245 + 12345) % 2147483648\n\
               \x20       t ^= (x * i - 7) & 0xffff\n\
               \x20   return x, t\n\
               print(run(100000))\n";
    let expected = "(2060208906, 56064)";
    let (out, log) = run_source(&["--trace-jit", "--trace-log"], src);
    assert_eq!(out.trim(), expected);
    assert_eq!(log.matches("(wrapping: ").count(), 2, "{log}");
    assert!(!log.contains("callg"), "{log}");
    // `--jit-opt=-wrapping`: the same results through big int helpers
    let (out, log) = run_source(&["--trace-jit", "--trace-log", "--jit-opt=-wrapping"], src);
    assert_eq!(out.trim(), expected);
    assert!(!log.contains("(wrapping: "), "{log}");
    assert!(log.contains("callg"), "{log}");
}

#[test]
fn round_of_floats_calls_helpers_not_the_builtin() {
    let src = "def run(n):\n\
               \x20   t = 0.0\n\
               \x20   k = 0\n\
               \x20   for i in range(n):\n\
               \x20       x = i * 0.37 - 50.125\n\
               \x20       t += round(x, 2)\n\
               \x20       k += round(x)\n\
               \x20   return t, k\n\
               print(run(20000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out.trim(), "(72993784.30000116, 72993800)");
    let line = log.lines().find(|l| l.starts_with("jit:")).unwrap();
    assert_eq!(field(line, "residual_calls"), 0, "{line}");
}

#[test]
fn a_loop_that_stores_globals_finds_them_by_position() {
    // The loop stores `counter`, so the globals dict's version changes every
    // iteration and no trace can take globals for constants: they are loaded
    // and stored at their entries' positions, under a guard on the module's
    // keys, and `len` at its position in the builtins.
    let src = "counter = 0\n\
               step = 3\n\
               items = [1, 2]\n\
               def run(n):\n\
               \x20   global counter\n\
               \x20   for i in range(n):\n\
               \x20       counter += step + len(items)\n\
               \x20       if i == 5000:\n\
               \x20           globals()['later'] = 1\n\
               \x20   return counter\n\
               print(run(10000))\n";
    let (out, log) = run_source(&["--trace-jit", "--trace-log", "--jit-stats"], src);
    assert_eq!(out.trim(), "50000");
    assert!(log.contains("(global by position: entry "), "{log}");
    assert!(log.contains("(builtin by position: entry "), "{log}");
    assert!(log.contains("(global store by position: entry "), "{log}");
    // a new key moves nothing that matters but fails the guard: the loop goes
    // on in a side trace, not in the interpreter
    let line = log.lines().find(|l| l.starts_with("jit:")).unwrap();
    assert!(field(line, "exits") < 100, "{line}");
}

#[test]
fn calls_of_functions_with_short_loops_inline_the_loops_unrolled() {
    // With `--jit-opt=callee-loops`, `fill` (pystone's Proc8), which has a
    // loop of two iterations, is inlined with the loop unrolled, not called. `total` has a loop of a
    // hundred: the recording gives up on it at the unrolling budget and calls
    // it from then on.
    let src = "def fill(arr, k, v):\n\
               \x20   for j in range(k, k + 2):\n\
               \x20       arr[j] = v\n\
               \x20   return arr[k]\n\
               def total(n):\n\
               \x20   s = 0\n\
               \x20   for j in range(n):\n\
               \x20       s += j\n\
               \x20   return s\n\
               def run(n):\n\
               \x20   arr = [0] * 8\n\
               \x20   t = 0\n\
               \x20   for i in range(n):\n\
               \x20       t += fill(arr, i % 5, i) + total(100)\n\
               \x20   return t\n\
               print(run(20000))\n";
    let (out, log) = run_source(
        &[
            "--trace-jit",
            "--trace-log",
            "--jit-stats",
            "--jit-opt=callee-loops",
        ],
        src,
    );
    assert_eq!(out.trim(), "298990000");
    assert!(!log.contains("residual: call of function 'fill'"), "{log}");
    assert!(log.contains("loop in an inlined call ran long"), "{log}");
    let line = log.lines().find(|l| l.starts_with("jit:")).unwrap();
    let sites = text_field(line, "residual_sites");
    assert!(!sites.contains("fill()"), "{line}");
    assert!(sites.contains("total()"), "{line}");
}

#[test]
fn loops_in_inlined_calls_match_cpython_when_unrolled() {
    // tests/programs/jit/loops_in_inlined_calls.py under `callee-loops`, in
    // the modes the program suite runs it in without it
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/jit");
    let want = std::fs::read_to_string(dir.join("loops_in_inlined_calls.out")).unwrap();
    for mode in [
        &["--trace-jit"][..],
        &["--trace-jit", "--jit-hotloop=1"],
        &["--trace-jit", "--jit-chaos=3"],
        &["--trace-jit", "--jit-hotloop=1", "--jit-chaos=5:1"],
    ] {
        let mut args = mode.to_vec();
        args.push("--jit-opt=callee-loops");
        let (out, line) = stats("loops_in_inlined_calls.py", &args);
        assert_eq!(out, want, "{args:?} {line}");
    }
}

#[test]
fn exits_inside_inlined_generators_grow_side_traces() {
    // `picked` skips items in no pattern a trace can follow: its branch leaves
    // the loop's trace inside the inlined generator on about half of the items.
    // The exit grows a side trace that starts in the generator, runs to its
    // yield and on through the loop into the loop's trace, instead of having
    // the generator called from then on.
    let src = "def count_up(n):\n\
               \x20   i = 0\n\
               \x20   while i < n:\n\
               \x20       yield i\n\
               \x20       i += 1\n\
               def picked(it):\n\
               \x20   for x in it:\n\
               \x20       if (x * 7919) % 11 < 5:\n\
               \x20           yield x\n\
               def run(n):\n\
               \x20   t = 0\n\
               \x20   for x in picked(count_up(n)):\n\
               \x20       t += x\n\
               \x20   return t\n\
               print(run(200000))\n";
    let (out, log) = run_source(&["--trace-jit", "--trace-log", "--jit-stats"], src);
    assert_eq!(out.trim(), "9090809092");
    assert!(!log.contains("keeps exiting"), "{log}");
    let at = log
        .find("(run) side of trace")
        .expect("a side trace of the loop over the generators");
    let side = &log[at..];
    let side = &side[..side.find(" stop -> ").expect("its end")];
    assert!(side.contains("YieldValue"), "{side}");
    assert!(log[at..].contains(" stop -> link trace"), "{log}");
    let line = log.lines().find(|l| l.starts_with("jit:")).unwrap();
    assert!(field(line, "entries") < 1_000, "{line}");
    assert_eq!(field(line, "residual_calls"), 0, "{line}");
}

#[test]
fn loops_in_generators_leave_their_traces_at_the_yield() {
    // (a `for` that does not inline it takes its items one by one: `sum` or
    // `any` would drain the genexpr through a sink, and its trace would loop)
    let (out, log) = run_source(
        &["--trace-jit", "--trace-log", "--jit-opt=-generators"],
        "def f():\n    t = 0\n    for v in (x % 7 * x for x in range(100000) if x % 3):\n        t += v\n    return t\nprint(f())\n",
    );
    assert_eq!(out.trim(), "9999600004");
    assert!(log.contains("<genexpr>)"), "{log}");
    assert!(log.contains("stop -> exit to the interpreter"), "{log}");
    assert!(!log.contains("abort"), "{log}");
}

#[test]
fn hot_functions_get_traces_from_their_entry() {
    // `count_free` has a loop of four iterations at most and returns early: no
    // loop trace pays for itself, so the module-level loop calls it residually.
    // It gets a trace of its own, from its entry to its return, the loop
    // unrolled (or its loop, recorded again when a recording met its end,
    // compiled); `tiny` is too short to be worth one.
    let src = "class Sq:\n\
               \x20   def __init__(self, c):\n\
               \x20       self.color = c\n\
               \x20       self.neighbours = []\n\
               sqs = [Sq(i % 3) for i in range(50)]\n\
               for i, s in enumerate(sqs):\n\
               \x20   s.neighbours = [sqs[(i + d) % 50] for d in (1, 7, 11)]\n\
               def count_free(sq, color):\n\
               \x20   n = 0\n\
               \x20   for nb in sq.neighbours:\n\
               \x20       if nb.color == 0:\n\
               \x20           n += 1\n\
               \x20       elif nb.color == color:\n\
               \x20           return -1\n\
               \x20   return n\n\
               def tiny(x):\n\
               \x20   return x + 1\n\
               def run(n):\n\
               \x20   t = 0\n\
               \x20   for i in range(n):\n\
               \x20       t += count_free(sqs[i % 50], 2) + tiny(i)\n\
               \x20   return t\n\
               print(run(20000))\n";
    let (out, log) = run_source(&["--trace-jit", "--trace-log", "--jit-stats"], src);
    assert_eq!(out.trim(), "200008400");
    assert!(log.contains("(count_free)\n"), "{log}");
    // (`tiny` is inlined into `run`'s trace, or, hot in the interpreter
    // before that trace exists, found too short for a trace of its own)
    assert!(!log.contains("(tiny)\n"), "{log}");
    let line = log.lines().find(|l| l.starts_with("jit:")).unwrap();
    // every call leaves its function's trace at the return, and the paths
    // through it became side traces: nothing left to grow
    assert!(field(line, "side_traces") < 20, "{line}");
    let share: f64 = line
        .split_whitespace()
        .find_map(|kv| kv.strip_prefix("in_traces="))
        .and_then(|v| v.trim_end_matches('%').parse().ok())
        .unwrap();
    assert!(share > 90.0, "{line}");
}

#[test]
fn a_guard_that_fails_on_its_own_recording_is_not_specialized() {
    // 48-bit ints overflow into big ints here on every call: the multiply is a
    // residual call, not an overflow guard that every side trace would fail again
    let src = "state = [12345]\n\
               def rand(n):\n\
               \x20   state[0] = (state[0] * 1103515245 + 12345) % 2147483648\n\
               \x20   return state[0] % n\n\
               print(sum(rand(100) for i in range(20000)))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    let want = {
        let mut s: u64 = 12345;
        let mut t = 0;
        for _ in 0..20000 {
            s = (s * 1103515245 + 12345) % 2147483648;
            t += s % 100;
        }
        t
    };
    assert_eq!(out.trim(), want.to_string());
    let line = log.lines().find(|l| l.starts_with("jit:")).unwrap();
    assert!(!line.contains("mulov:"), "{line}");
    assert!(field(line, "side_traces") < 6, "{line}");
}

#[test]
fn body_entry_checks_survive_collections() {
    // The outer loop's trace links into the inner loop's body, whose entry check
    // compares the frame's range iterator with the one the invariants (its stop)
    // came from. Before those were kept alive, a collection could free the old
    // iterator and malloc hand its address to a new one: 150000 instead of
    // 149985 (the last `range(1)` ran as the dead `range(6)`). Whether malloc hands
    // the address back depends on the heap's whole history: this test passed without
    // the fix too (the failure was seen with the same loop in a file whose globals
    // were laid out differently), so it guards the scenario, not the bug.
    for n in [29283, 30000, 31000] {
        let src = format!(
            "def kd(n):\n\
             \x20   total = 0\n\
             \x20   for i in range(n):\n\
             \x20       r = range(i % 7)\n\
             \x20       for x in r:\n\
             \x20           total += x\n\
             \x20   return total\n\
             print(kd({n}))\n"
        );
        let want: u64 = (0..n).map(|i: u64| (0..i % 7).sum::<u64>()).sum();
        let (out, _) = run_source(&["--trace-jit", "--jit-hotloop=1"], &src);
        assert_eq!(out.trim(), want.to_string(), "n={n}");
    }
}

#[test]
fn tuples_packed_and_unpacked_in_a_trace_are_never_allocated() {
    // `pair` is inlined; its `return i, i * 2` tuple is unpacked at once by the
    // caller, so the optimized loop reads the items' refs and allocates nothing
    // (no `calla` left, no helper call at all). The tuple kept in a list is
    // still built, once every thousand iterations, on the branch's side trace.
    let src = "def pair(i):\n\
               \x20   return i, i * 2\n\
               def f(n):\n\
               \x20   s = 0\n\
               \x20   kept = []\n\
               \x20   for i in range(n):\n\
               \x20       a, b = pair(i)\n\
               \x20       t = (b, a)\n\
               \x20       s += t[0] + t[-1] + b\n\
               \x20       if i % 1000 == 0:\n\
               \x20           kept.append((a, b))\n\
               \x20   return s, len(kept), kept[-1]\n\
               print(f(5000))\n";
    let (out, log) = run_source(&["--trace-jit", "--trace-log"], src);
    assert_eq!(out.trim(), "(62487500, 5, (4000, 8000))", "{log}");
    let optimized = first_optimized_ir(&log);
    let body = optimized.split(" loop ").nth(1).expect("a looping trace");
    assert!(
        !body.contains("calla") && !body.contains("callg") && !body.contains("callr"),
        "an allocation or call is left in the loop:\n{optimized}"
    );
}

#[test]
fn class_calls_inline_allocation_and_init() {
    // `P(i, 2)` and the `P(...)` made in the inlined method: each is a `calla`
    // of the allocator and the inlined `__init__`, whose attribute stores move
    // the new instance along its shapes; nothing runs as a residual call.
    // Without inlining (`-classes`) the same loop calls the class residually.
    let src = "class P:\n\
               \x20   def __init__(self, x, y):\n\
               \x20       self.x = x\n\
               \x20       self.y = y\n\
               \x20   def add(self, o):\n\
               \x20       return P(self.x + o.x, self.y + o.y)\n\
               def run(n):\n\
               \x20   acc = P(0, 0)\n\
               \x20   for i in range(n):\n\
               \x20       acc = acc.add(P(i, 2))\n\
               \x20   return acc.x, acc.y\n\
               print(run(3000))\n";
    // (with allocation sinking the `P(i, 2)` is never made: see
    // instances_that_do_not_escape_are_never_made)
    let (out, log) = run_source(
        &[
            "--trace-jit",
            "--jit-stats",
            "--trace-log",
            "--jit-opt=-allocsink",
        ],
        src,
    );
    assert_eq!(out.trim(), "(4498500, 6000)", "{log}");
    let optimized = first_optimized_ir(&log);
    assert!(optimized.contains("calla"), "no allocation:\n{optimized}");
    assert!(
        !optimized.contains("callr"),
        "a residual call:\n{optimized}"
    );
    let line = jit_line(&log);
    assert_eq!(field(line, "residual_calls"), 0, "{line}");
    let (out, log) = run_source(&["--trace-jit", "--jit-stats", "--jit-opt=-classes"], src);
    assert_eq!(out.trim(), "(4498500, 6000)", "{log}");
    let line = jit_line(&log);
    assert!(field(line, "residual_calls") > 0, "{line}");
}

#[test]
fn a_class_whose_namespace_keeps_changing_stops_being_guarded() {
    // `Event.counter += 1` in `__init__` changes the class's version on every
    // instantiation: its guards would fail on every iteration and chain side
    // traces. Once such an exit is hot the class is left unguarded (helpers,
    // a residual class call) and the loop recorded again: exits stay few.
    let src = "class Event:\n\
               \x20   counter = 0\n\
               \x20   def __init__(self, t):\n\
               \x20       Event.counter += 1\n\
               \x20       self.t = t\n\
               \x20       self.id = Event.counter\n\
               \x20   def later(self, o):\n\
               \x20       return self.t > o.t\n\
               def run(n):\n\
               \x20   s = 0\n\
               \x20   prev = Event(0)\n\
               \x20   for i in range(n):\n\
               \x20       e = Event(i % 97)\n\
               \x20       if e.later(prev):\n\
               \x20           s += e.id\n\
               \x20       prev = e\n\
               \x20   return s, Event.counter\n\
               print(run(20000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out.trim(), "(197961449, 20001)", "{log}");
    let line = jit_line(&log);
    assert!(field(line, "exits") < 1000, "{line}");
}

#[test]
fn slicing_runs_in_helpers_not_residual_calls() {
    // `perm[:k + 1] = perm[k::-1]` and `w[1:-1]`: the slices are allocations
    // (`calla`) handed to the slicing helpers; nothing is a residual call.
    let src = "def run(n):\n\
               \x20   perm = list(range(8))\n\
               \x20   t = 0\n\
               \x20   for i in range(n):\n\
               \x20       k = i % 7\n\
               \x20       perm[:k + 1] = perm[k::-1]\n\
               \x20       t += len('abcdefgh'[1:-k - 1]) + perm[0]\n\
               \x20   return t, perm\n\
               print(run(3000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    let expected = "(18000, [3, 1, 0, 2, 4, 5, 6, 7])";
    assert_eq!(out.trim(), expected, "{log}");
    let line = jit_line(&log);
    assert_eq!(field(line, "residual_calls"), 0, "{line}");
}

#[test]
fn methods_of_builtin_types_are_one_residual_call() {
    // `line.partition("=")` and `a.insert(0, a.pop())`: the method is a constant
    // under a class guard and only the call is residual (no bound method, no
    // residual attribute load); a str subclass's override still runs.
    let src = "class S(str):\n\
               \x20   def strip(self):\n\
               \x20       return 'S'\n\
               def run(lines, n):\n\
               \x20   a = [1, 2, 3]\n\
               \x20   out = []\n\
               \x20   for i in range(n):\n\
               \x20       k, _, v = lines[i % 3].partition('=')\n\
               \x20       a.insert(0, a.pop())\n\
               \x20       out.append(lines[i % 3].strip()[:1] + v)\n\
               \x20   return a, out[-3:]\n\
               print(run(['a =1', 'b= 2', S('c=3')], 3000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out.trim(), "([1, 2, 3], ['a1', 'b 2', 'S3'])", "{log}");
    let line = jit_line(&log);
    let sites = text_field(line, "residual_sites");
    assert!(
        !sites.contains("LoadAttr(str.") && !sites.contains("LoadAttr(list."),
        "{line}"
    );
    assert!(sites.contains("CallMethod(partition()"), "{line}");
}

#[test]
fn slotted_classes_instantiate_inline() {
    // `Money(i)` of a class with `__slots__`: its `__init__` adds the slot
    // attribute as a plain instance's, so no attribute store is residual.
    let src = "class Money:\n\
               \x20   __slots__ = ('cents',)\n\
               \x20   def __init__(self, cents):\n\
               \x20       self.cents = cents\n\
               def run(n):\n\
               \x20   t = 0\n\
               \x20   for i in range(n):\n\
               \x20       t += Money(i).cents\n\
               \x20   return t\n\
               print(run(3000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out.trim(), "4498500", "{log}");
    let line = jit_line(&log);
    assert_eq!(field(line, "residual_calls"), 0, "{line}");
}

#[test]
fn str_operations_run_in_helpers() {
    // comparisons, `in`, indexing, concatenation, ord/chr and str(int) on exact
    // strs: helpers, no residual calls
    let src = "def run(n):\n\
               \x20   s = ''\n\
               \x20   t = 0\n\
               \x20   for i in range(n):\n\
               \x20       c = 'hello'[i % 5]\n\
               \x20       if c < 'l' and c in 'aeiou' and c != 'x':\n\
               \x20           t += ord(c)\n\
               \x20       s = s + chr(65 + i % 26) + str(i % 7)\n\
               \x20   return t, len(s), s[-6:]\n\
               print(run(3000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out.trim(), "(60600, 6000, 'H1I2J3')", "{log}");
    let line = jit_line(&log);
    assert_eq!(field(line, "residual_calls"), 0, "{line}");
}

#[test]
fn methods_too_long_to_inline_are_called_without_a_bound_method() {
    // `b.legal(i)` has a loop of its own, longer than a recording unrolls:
    // not inlined, but the method is a constant under the instance's guards
    // and only the call is residual
    let src = "class Board:\n\
               \x20   def __init__(self):\n\
               \x20       self.cells = [0, 1, 0, 1] * 5\n\
               \x20   def legal(self, k):\n\
               \x20       for c in self.cells:\n\
               \x20           k += c\n\
               \x20       return k\n\
               def run(n):\n\
               \x20   b = Board()\n\
               \x20   t = 0\n\
               \x20   for i in range(n):\n\
               \x20       t += b.legal(i)\n\
               \x20   return t\n\
               print(run(3000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out.trim(), "4528500", "{log}");
    let line = jit_line(&log);
    let sites = text_field(line, "residual_sites");
    assert!(sites.contains("CallMethod(Board.legal()"), "{line}");
    assert!(!sites.contains("LoadAttr"), "{line}");
}

#[test]
fn next_of_a_generator_resumes_it_inline() {
    // `f ^= next(g)` and `next(it, 0)` inside a generator a `for` resumes: the
    // generators' resumptions are part of the trace, no `next` is residual.
    let src = "def fib():\n\
               \x20   a, b = 0, 1\n\
               \x20   while True:\n\
               \x20       yield a\n\
               \x20       a, b = b, (a + b) % 1000003\n\
               def pairs(it):\n\
               \x20   for a in it:\n\
               \x20       yield a, next(it, 0)\n\
               def run(n):\n\
               \x20   g = fib()\n\
               \x20   f = 0\n\
               \x20   for i in range(n):\n\
               \x20       f ^= next(g)\n\
               \x20   s = 0\n\
               \x20   for a, b in pairs(iter(range(n))):\n\
               \x20       s += a - b\n\
               \x20   return f, s\n\
               print(run(3001))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out.trim(), "(686686, 1500)", "{log}");
    let line = jit_line(&log);
    let sites = text_field(line, "residual_sites");
    assert!(!sites.contains("Call(next()"), "{line}");
}

#[test]
fn generators_drained_by_builtins_trace_as_loops() {
    // `sum(genexpr)`, `set(genexpr)`, `tuple(genexpr)`: the builtin hands the
    // generator a sink its `yield` feeds, so the genexpr's loop compiles as a
    // loop; a trace that left at every yield would take ~n exits.
    let src = "def run(n):\n\
               \x20   t = 0\n\
               \x20   for r in range(n):\n\
               \x20       t += sum(x * x for x in range(200))\n\
               \x20       t += len(set(x % 7 for x in range(200)))\n\
               \x20       t += len(tuple(x for x in range(200) if x % 3))\n\
               \x20   return t\n\
               print(run(100))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out.trim(), "264684000", "{log}");
    let line = jit_line(&log);
    let exits = field(line, "exits");
    assert!(exits < 2000, "{line}");
    assert!(in_traces(line) > 90.0, "{line}");
}

#[test]
fn entry_traces_are_not_entered_while_a_collection_is_due() {
    // Property getters and dunders run from native code reach no safepoint
    // before their entry trace's GC poll: entered while a collection was due,
    // that poll failed at every call (tens of thousands of `gc` exits here).
    // They are interpreted until a safepoint collects.
    let (_, line) = stats("tree_walks_with_properties.py", &["--trace-jit"]);
    let gc = text_field(&line, "exits_by_guard")
        .split(',')
        .find_map(|kv| kv.strip_prefix("gc:"))
        .and_then(|n| n.parse::<u64>().ok())
        .unwrap_or(0);
    assert!(gc < 1000, "{line}");
}

#[test]
fn closures_made_per_iteration_are_inlined_by_code() {
    // `weigh` is a new closure on every iteration: its code and globals are
    // guarded (not its identity) and its cell is read from the closure called,
    // so the call is inlined, not residual.
    let src = "def run(n):\n\
               \x20   acc = 0\n\
               \x20   for i in range(n):\n\
               \x20       scale = i % 4\n\
               \x20       def weigh(v):\n\
               \x20           return v * scale\n\
               \x20       acc += weigh(3)\n\
               \x20   return acc\n\
               print(run(3000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out.trim(), "13500", "{log}");
    let line = jit_line(&log);
    assert_eq!(field(line, "residual_calls"), 0, "{line}");
}

#[test]
fn property_getters_are_inlined() {
    // `m.dollars` of a plain property: the getter runs inline under the
    // class's guards, so no attribute load is residual
    let src = "class Money:\n\
               \x20   def __init__(self, c):\n\
               \x20       self.c = c\n\
               \x20   @property\n\
               \x20   def dollars(self):\n\
               \x20       return self.c // 100\n\
               def run(n):\n\
               \x20   t = 0\n\
               \x20   for i in range(n):\n\
               \x20       t += Money(i).dollars\n\
               \x20   return t\n\
               print(run(3000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out.trim(), "43500", "{log}");
    let line = jit_line(&log);
    assert_eq!(field(line, "residual_calls"), 0, "{line}");
}

#[test]
fn a_raise_in_an_inlined_call_ends_its_path_with_an_exit() {
    // The iterations that raise leave the trace at the `raise` (the
    // interpreter unwinds to the handler); the others run in traces. Before,
    // recording the raise (the first iteration recorded raises) aborted,
    // `check` was no longer inlined, and its residual call raised too.
    let src = "class Bad(Exception):\n\
               \x20   pass\n\
               def check(i):\n\
               \x20   if i % 10 == 0:\n\
               \x20       raise Bad(i)\n\
               \x20   return i\n\
               def run(n):\n\
               \x20   t = c = 0\n\
               \x20   for i in range(n):\n\
               \x20       try:\n\
               \x20           t += check(i)\n\
               \x20       except Bad as e:\n\
               \x20           c += e.args[0]\n\
               \x20   return t, c\n\
               print(run(20000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-hotloop=1", "--jit-stats"], src);
    assert_eq!(out.trim(), "(180000000, 19990000)", "{log}");
    let line = jit_line(&log);
    assert!(in_traces(line) > 80.0, "{line}");
}

#[test]
fn a_bytecode_that_raises_while_recording_is_retried_then_ends_the_trace() {
    // `d[i]` raises on 7 iterations in 8: recordings that meet the raise are
    // tried again, and once they have been, the trace ends after the
    // subscript with an exit a side trace continues from (the raising case
    // leaves through the subscript's own guard). (A dict subclass: an exact
    // dict's KeyError is raised and caught in the trace.)
    let src = "class D(dict):\n\
               \x20   pass\n\
               def run(n):\n\
               \x20   d = D({i: i for i in range(7, n, 8)})\n\
               \x20   t = 0\n\
               \x20   for i in range(n):\n\
               \x20       try:\n\
               \x20           t += d[i]\n\
               \x20       except KeyError:\n\
               \x20           t += 1\n\
               \x20   return t\n\
               print(run(20000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-hotloop=1", "--trace-log"], src);
    assert_eq!(out.trim(), "25025000", "{log}");
    assert!(log.contains("exception raised (recorded again)"), "{log}");
    assert!(log.contains("exit after it: exception raised"), "{log}");
    assert!(
        log.contains(" side of trace ") && log.contains("-> link trace"),
        "{log}"
    );
}

#[test]
fn a_loop_that_ends_while_recording_is_recorded_again_at_once() {
    // The inner loop runs one item per pass over `map` (a residual `ForIter`),
    // so its header is hot on alternate passes at its end: recordings that
    // meet the end are retried at the next pass, not held against the loop
    // (before, four such aborts blacklisted it and nothing compiled).
    let src = "def run(n):\n\
               \x20   t = 0\n\
               \x20   for i in range(n):\n\
               \x20       for a in map(abs, (i,)):\n\
               \x20           t += a\n\
               \x20   return t\n\
               print(run(3000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out.trim(), "4498500", "{log}");
    let line = jit_line(&log);
    assert_eq!(field(line, "blacklisted"), 0, "{line}");
    assert!(in_traces(line) > 80.0, "{line}");
}

#[test]
fn loops_over_strs_and_slices_of_lists_run_without_residual_calls() {
    // `for c in s` takes each char from the STR_NEXT helper and list slices
    // are cut by the slicing helpers themselves: no bytecode of the loop runs
    // through the interpreter.
    let src = "def run(words):\n\
               \x20   n = 0\n\
               \x20   perm = list(range(9))\n\
               \x20   for w in words:\n\
               \x20       for c in w:\n\
               \x20           if c == 'a':\n\
               \x20               n += 1\n\
               \x20       k = len(w) % 9\n\
               \x20       perm[:k + 1] = perm[k::-1]\n\
               \x20   return n, perm\n\
               print(run(['banana', 'kiwi', 'papaya', 'apple'] * 3000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out.trim(), "(21000, [0, 1, 2, 3, 4, 5, 6, 7, 8])");
    let line = log.lines().find(|l| l.starts_with("jit:")).unwrap();
    assert_eq!(field(line, "residual_calls"), 0, "{line}");
}

#[test]
fn enumerate_and_zip_over_lists_run_without_residual_calls() {
    // ENUM_NEXT and ZIP_NEXT step the inner iterators themselves: the loops'
    // `ForIter`s are no longer residual calls through the interpreter.
    let src = "def run(n):\n\
               \x20   a = list(range(40))\n\
               \x20   b = [x * 2 for x in a]\n\
               \x20   t = 0\n\
               \x20   for k in range(n):\n\
               \x20       for i, x in enumerate(a):\n\
               \x20           t += i + x\n\
               \x20       for x, y in zip(a, b):\n\
               \x20           t += y - x\n\
               \x20   return t\n\
               print(run(3000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out.trim(), "7020000");
    let line = log.lines().find(|l| l.starts_with("jit:")).unwrap();
    assert!(
        !text_field(line, "residual_sites").contains("ForIter"),
        "{line}"
    );
}

#[test]
fn methods_of_strs_are_called_directly_not_through_the_interpreter() {
    // strip, lower, split and replace of exact strs with plain arguments are
    // PURE_METHOD helper calls: no residual call runs the interpreter.
    let src = "def run(lines):\n\
               \x20   n = 0\n\
               \x20   for line in lines:\n\
               \x20       s = line.strip().lower().replace('-', '_', 1)\n\
               \x20       n += len(s.split(','))\n\
               \x20   return n\n\
               print(run([' A-B,C ', 'x-y'] * 3000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out.trim(), "9000");
    let line = log.lines().find(|l| l.starts_with("jit:")).unwrap();
    assert_eq!(field(line, "residual_calls"), 0, "{line}");
}

#[test]
fn compiling_after_the_heap_returned_blocks_touches_no_more_memory() {
    // A recursive build frees whole heap blocks before the first trace is
    // compiled; `Jit::vals` (256 MiB of address space) must still cost only
    // the pages traces use, not be zeroed by hand in memory the allocator
    // reuses (it was: 300 MB peak for binary_trees).
    let src = "def make(d):\n\
               \x20   return (make(d - 1), make(d - 1)) if d else (None, None)\n\
               def check(t):\n\
               \x20   l, r = t\n\
               \x20   return 1 if l is None else 1 + check(l) + check(r)\n\
               for k in range(6):\n\
               \x20   check(make(15))\n\
               s = 0\n\
               for i in range(100000):\n\
               \x20   s += i % 7\n\
               print(s)\n";
    let (out, peak_kib) = run_with_peak_rss(&["--trace-jit"], src, &[]);
    assert_eq!(out.trim(), "299995");
    assert!(peak_kib < 120 * 1024, "peak RSS {peak_kib} KiB");
}

#[test]
fn slices_only_exits_need_are_never_made() {
    // `perm[:k + 1] = perm[k::-1]` builds two slices an iteration; the trace
    // makes neither (`sinka`: the slicing helpers read the bounds), and the
    // exit where the helper meets an object with its own `__getitem__` makes
    // the slice that object then keeps: a real slice with the right fields.
    let src = "class Keep:\n\
               \x20   def __init__(self):\n\
               \x20       self.kept = []\n\
               \x20   def __getitem__(self, key):\n\
               \x20       self.kept.append(key)\n\
               \x20       return [0]\n\
               def run(n, seqs):\n\
               \x20   perm = list(range(9))\n\
               \x20   t = 0\n\
               \x20   for i in range(n):\n\
               \x20       k = i % 9\n\
               \x20       perm[:k + 1] = perm[k::-1]\n\
               \x20       t += len(seqs[i % len(seqs)][k:])\n\
               \x20   return t, perm\n\
               keep = Keep()\n\
               print(run(5000, [list(range(20))] * 99 + [keep]))\n\
               print(len(keep.kept), type(keep.kept[0]).__name__, keep.kept[0].stop, keep.kept[-1].step)\n\
               print(len(set(map(id, keep.kept))))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    let (want, _) = run_source(&[], src);
    assert_eq!(out, want);
    assert_eq!(
        out,
        "(79250, [6, 1, 3, 8, 5, 0, 7, 4, 2])\n50 slice None None\n50\n"
    );
    let line = log.lines().find(|l| l.starts_with("jit:")).unwrap();
    assert!(field(line, "sunk") >= 3, "{line}");
    // (until the exit is hot and a side trace calls `Keep.__getitem__`, whose
    // snapshot rebuilds the slice as a sunk one of its own)
    assert!(field(line, "materialized") >= 5, "{line}");
    // the same loop with sinking off makes them all in the trace
    let (out, log) = run_source(&["--trace-jit", "--jit-stats", "--jit-opt=-allocsink"], src);
    assert_eq!(out, want);
    let line = log.lines().find(|l| l.starts_with("jit:")).unwrap();
    assert_eq!(field(line, "sunk"), 0, "{line}");
}

#[test]
fn tuples_of_enumerate_zip_and_items_are_never_made_when_unpacked() {
    // Each step's items come back in the helpers' `ARGS` words and unpacking
    // reads them: the inner loops allocate nothing, so collections fall due
    // (the traces' GC polls fire) only for the outer loop's three iterators,
    // against a tuple a step as well with sinking off.
    let src = "def run(n):\n\
               \x20   a = list(range(50))\n\
               \x20   d = {i: -i for i in range(50)}\n\
               \x20   t = 0\n\
               \x20   for k in range(n):\n\
               \x20       for i, x in enumerate(a):\n\
               \x20           t += i + x\n\
               \x20       for x, y in zip(a, a):\n\
               \x20           t += y - x\n\
               \x20       for key, v in d.items():\n\
               \x20           t += key + v\n\
               \x20   return t\n\
               print(run(4000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out.trim(), "9800000");
    let line = log.lines().find(|l| l.starts_with("jit:")).unwrap();
    assert!(field(line, "sunk") >= 3, "{line}");
    let polls = |line: &str| {
        text_field(line, "exits_by_guard")
            .split(',')
            .find_map(|kv| kv.strip_prefix("gc:"))
            .map_or(0, |n| n.parse::<u64>().unwrap())
    };
    assert!(polls(line) <= 3, "{line}");
    let (out, log) = run_source(&["--trace-jit", "--jit-stats", "--jit-opt=-allocsink"], src);
    assert_eq!(out.trim(), "9800000");
    let line = log.lines().find(|l| l.starts_with("jit:")).unwrap();
    assert!(polls(line) >= 15, "{line}");
}

#[test]
fn counters_and_defaultdicts_are_read_by_dicts_own_helpers() {
    // `c[k] += 1` on a Counter and `d[k].append(x)` on a defaultdict: dict's
    // item helpers under a guard on the class, not residual calls through the
    // interpreter (whose `__missing__` runs only for a key not there yet).
    let src = "from collections import Counter, defaultdict\n\
               def run(n):\n\
               \x20   c = Counter()\n\
               \x20   d = defaultdict(list)\n\
               \x20   words = ['a', 'b', 'c', 'a']\n\
               \x20   for i in range(n):\n\
               \x20       w = words[i % 4]\n\
               \x20       c[w] += 1\n\
               \x20       d[w].append(i)\n\
               \x20       if w in c:\n\
               \x20           c['total'] += 1\n\
               \x20   return sorted(c.items()), sum(len(v) for v in d.values())\n\
               print(run(20000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(
        out.trim(),
        "([('a', 10000), ('b', 5000), ('c', 5000), ('total', 20000)], 20000)"
    );
    let line = log.lines().find(|l| l.starts_with("jit:")).unwrap();
    assert!(field(line, "residual_calls") < 100, "{line}");
}

#[test]
fn a_class_level_counter_does_not_stop_traces_from_using_its_class() {
    // `Event.count += 1` in `__init__` replaces a plain class value by another:
    // the class guards (on what lookups find) hold, `Event(...)` stays inlined,
    // the counter is read and written by helpers, and `randrange`'s
    // `_index(i)` is the guard that `i` is an int: no residual calls.
    let src = "import random\n\
               class Event:\n\
               \x20   count = 0\n\
               \x20   def __init__(self, t):\n\
               \x20       Event.count += 1\n\
               \x20       self.t = t\n\
               \x20       self.seq = Event.count\n\
               def run(n):\n\
               \x20   rng = random.Random(5)\n\
               \x20   total = 0\n\
               \x20   for i in range(n):\n\
               \x20       e = Event(rng.randrange(0, 100))\n\
               \x20       total += e.t + e.seq % 7\n\
               \x20   return total, Event.count\n\
               print(run(20000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    let (want, _) = run_source(&[], src);
    assert_eq!(out, want);
    let line = log.lines().find(|l| l.starts_with("jit:")).unwrap();
    assert!(field(line, "residual_calls") < 100, "{line}");
    assert_eq!(text_field(line, "abort_reasons"), "none", "{line}");
}

#[test]
fn a_python_getitem_is_inlined_into_the_loop() {
    // `grid[x, y]` calls `Grid.__getitem__`, a Python function: inlined like
    // a method call, so the loop makes no residual call.
    let src = "class Grid:\n\
               \x20   def __init__(self, w, cells):\n\
               \x20       self.w = w\n\
               \x20       self.cells = cells\n\
               \x20   def __getitem__(self, pos):\n\
               \x20       x, y = pos\n\
               \x20       return self.cells[y * self.w + x]\n\
               def run(n):\n\
               \x20   g = Grid(4, list(range(16)))\n\
               \x20   t = 0\n\
               \x20   for i in range(n):\n\
               \x20       t += g[i % 4, i % 3]\n\
               \x20   return t\n\
               print(run(30000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    let (want, _) = run_source(&[], src);
    assert_eq!(out, want);
    let line = log.lines().find(|l| l.starts_with("jit:")).unwrap();
    assert_eq!(field(line, "residual_calls"), 0, "{line}");
}

#[test]
fn exceptions_raised_and_caught_in_the_loop_stay_in_the_trace() {
    // `raise Bad(i)` in an inlined callee and `d[k]` of a missing key, each
    // caught by a `try` in the loop: the trace unwinds to the handler itself
    // (`caught at` in the log), so the loop neither leaves at every raise nor
    // is blacklisted for it, and what the handlers see is the interpreter's.
    let src = "class Bad(Exception):\n\
               \x20   pass\n\
               def check(i):\n\
               \x20   if i % 2 == 0:\n\
               \x20       raise Bad(i)\n\
               \x20   return i\n\
               def lookup(d, k):\n\
               \x20   try:\n\
               \x20       return d[k]\n\
               \x20   except KeyError as e:\n\
               \x20       return -len(e.args)\n\
               def run(n):\n\
               \x20   d = {i: i for i in range(0, 50, 2)}\n\
               \x20   t = 0\n\
               \x20   lines = set()\n\
               \x20   for i in range(n):\n\
               \x20       try:\n\
               \x20           t += check(i)\n\
               \x20       except Bad as e:\n\
               \x20           t -= e.args[0]\n\
               \x20           lines.add(e.__traceback__.tb_next.tb_lineno)\n\
               \x20       t += lookup(d, i % 50)\n\
               \x20   return t, lines\n\
               print(run(40000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats", "--trace-log"], src);
    let (want, _) = run_source(&[], src);
    assert_eq!(out, want);
    assert_eq!(out.trim(), "(480000, {5})");
    assert!(log.contains("caught at"), "{log}");
    let line = jit_line(&log);
    // (`Bad(i)`, a class with native `__new__`/`__init__`, is a helper call)
    assert!(
        !text_field(line, "residual_sites").contains("Call(type"),
        "{line}"
    );
    assert_eq!(field(line, "blacklisted"), 0, "{line}");
    assert!(field(line, "exits") < 1000, "{line}");
    assert!(in_traces(line) > 90.0, "{line}");
}

#[test]
fn a_collection_due_at_the_loop_header_costs_no_interpreted_iteration() {
    // Each iteration allocates a big int large enough that a collection falls
    // due every twenty iterations: the trace's poll leaves at the header, the
    // header's safepoint collects, and the trace is entered again at once
    // (before, one iteration ran interpreted after each such exit).
    let src = "def run(n):\n\
               \x20   big = 7 ** 200000\n\
               \x20   s = 0\n\
               \x20   for i in range(n):\n\
               \x20       x = big * (i + 1)\n\
               \x20       s += x % 1000\n\
               \x20   return s\n\
               print(run(3000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out.trim(), "1498500");
    let line = jit_line(&log);
    assert!(field(line, "exits") > 100, "{line}");
    assert!(in_traces(line) > 96.0, "{line}");
}

#[test]
fn starred_unpacking_is_recorded_not_aborted() {
    // `a, *b = t` has no specialization: a residual call of the interpreter's
    // own unpacking (a direct form, no scratch frame), so the loop compiles.
    let src = "def run(n):\n\
               \x20   rows = [(i, i + 1, i + 2) for i in range(10)]\n\
               \x20   t = 0\n\
               \x20   for i in range(n):\n\
               \x20       a, *b = rows[i % 10]\n\
               \x20       *c, d = rows[i % 7]\n\
               \x20       t += a + len(b) + b[-1] + c[0] + d\n\
               \x20   return t\n\
               print(run(20000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    let (want, _) = run_source(&[], src);
    assert_eq!(out, want);
    let line = jit_line(&log);
    assert_eq!(text_field(line, "abort_reasons"), "none", "{line}");
    assert!(in_traces(line) > 95.0, "{line}");
}

#[test]
fn bound_methods_and_list_displays_are_not_residual() {
    // `random.randrange` is a bound method of the module's hidden Random:
    // under its identity guard it is inlined as the method call it stands
    // for (defaults filled in), as is `add`, a bound method in a local; a
    // display of three items is one helper call.
    let src = "import random\n\
               class Acc:\n\
               \x20   def __init__(self):\n\
               \x20       self.total = 0\n\
               \x20   def add(self, x, scale=2):\n\
               \x20       self.total += x * scale\n\
               def run(n):\n\
               \x20   random.seed(3)\n\
               \x20   a = Acc()\n\
               \x20   add = a.add\n\
               \x20   t = 0\n\
               \x20   for i in range(n):\n\
               \x20       t += random.randrange(10)\n\
               \x20       add(i)\n\
               \x20       xs = [i, t, i + t]\n\
               \x20       t += len(xs)\n\
               \x20   return t, a.total\n\
               print(run(20000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    let (want, _) = run_source(&[], src);
    assert_eq!(out, want);
    let line = jit_line(&log);
    assert_eq!(text_field(line, "residual_sites"), "none", "{line}");
}

#[test]
fn a_python_call_dunder_is_inlined() {
    // `s(i)` of an instance whose class defines `__call__` in Python: the
    // method is inlined under the class's guards, its default filled in.
    let src = "class Scale:\n\
               \x20   def __init__(self, k):\n\
               \x20       self.k = k\n\
               \x20   def __call__(self, x, bias=1):\n\
               \x20       return x * self.k + bias\n\
               def run(n):\n\
               \x20   s = Scale(3)\n\
               \x20   t = 0\n\
               \x20   for i in range(n):\n\
               \x20       t += s(i)\n\
               \x20   return t\n\
               print(run(20000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out.trim(), "599990000");
    let line = jit_line(&log);
    assert_eq!(text_field(line, "residual_sites"), "none", "{line}");
}

#[test]
fn instances_hashed_by_identity_are_pure_keys() {
    // `counts[node]`, `counts.get(node, 0)` and `seen.add(node)` with
    // instances of a class without `__eq__`/`__hash__`: the dict and set
    // helpers take them (identity hash and equality run no Python code).
    let src = "class Node:\n\
               \x20   pass\n\
               def run(n):\n\
               \x20   nodes = [Node() for i in range(10)]\n\
               \x20   counts = {}\n\
               \x20   seen = set()\n\
               \x20   for i in range(n):\n\
               \x20       nd = nodes[i % 10]\n\
               \x20       counts[nd] = counts.get(nd, 0) + 1\n\
               \x20       seen.add(nd)\n\
               \x20   return sorted(counts.values()), len(seen)\n\
               print(run(20000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    let (want, _) = run_source(&[], src);
    assert_eq!(out, want);
    let line = jit_line(&log);
    assert_eq!(text_field(line, "residual_sites"), "none", "{line}");
}

#[test]
fn bools_in_arithmetic_are_ints_in_the_trace() {
    // `t += x in seen` and `f += (i % 4 == 0) + 0.5`: the bools become 0 or 1
    // in the trace (no residual `int + bool`).
    let src = "def run(n):\n\
               \x20   seen = {1, 5, 9}\n\
               \x20   t = 0\n\
               \x20   f = 0.0\n\
               \x20   for i in range(n):\n\
               \x20       t += (i % 10) in seen\n\
               \x20       t -= (i % 3 == 0) * 2\n\
               \x20       f += (i % 4 == 0) + 0.5\n\
               \x20   return t, f\n\
               print(run(20000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    let (want, _) = run_source(&[], src);
    assert_eq!(out, want);
    let line = jit_line(&log);
    assert_eq!(text_field(line, "residual_sites"), "none", "{line}");
}

#[test]
fn recursion_reenters_running_traces() {
    // `check_tree` calls itself deeper than the inlining limit: the calls past
    // it are residual calls that enter the function's own trace again, each
    // run in a `vals` window of its own. With one shared window a trace could
    // not be re-entered while it waits, and the recursion ran interpreted
    // (7% of bytecodes in traces).
    let src = "def make(d):\n\
               \x20   if d == 0:\n\
               \x20       return (None, None)\n\
               \x20   d -= 1\n\
               \x20   return (make(d), make(d))\n\
               def check(node):\n\
               \x20   left, right = node\n\
               \x20   if left is None:\n\
               \x20       return 1\n\
               \x20   return 1 + check(left) + check(right)\n\
               t = 0\n\
               for i in range(40):\n\
               \x20   t += check(make(10))\n\
               print(t)\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out.trim(), "81880", "{log}");
    let line = jit_line(&log);
    assert!(in_traces(line) > 90.0, "{line}");
}

#[test]
fn builtin_loops_over_generators_trace() {
    // `sum(g, start)` of objects and `max(g)` run as Python loops the JIT
    // traces (src/vm/builtin_loops.rs), with the genexpr's resumption and
    // `__add__` inlined; as native loops, every item left the genexpr's trace
    // at its `yield` and `__add__` ran from Rust (63% of bytecodes in traces).
    let src = "class M:\n\
               \x20   __slots__ = ('c',)\n\
               \x20   def __init__(self, c):\n\
               \x20       self.c = c\n\
               \x20   def __add__(self, o):\n\
               \x20       return M(self.c + o.c)\n\
               def main():\n\
               \x20   xs = [M(i % 17) for i in range(30)]\n\
               \x20   t = M(0)\n\
               \x20   b = 0\n\
               \x20   for r in range(3000):\n\
               \x20       t = sum((m for m in xs if m.c != r % 17), t)\n\
               \x20       b += max(m.c * 3 - r % 5 for m in xs[r % 7:])\n\
               \x20   print(t.c, b)\n\
               main()\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out.trim(), "604280 138000", "{log}");
    let line = jit_line(&log);
    assert!(in_traces(line) > 90.0, "{line}");
}

#[test]
fn generator_exits_drop_the_tree_they_are_in() {
    // `rest`'s entry trace links to its loop's trace, which inlines the
    // genexpr; when the genexpr's exits there get hot, the loop's tree is the
    // one recorded again. Dropping the entered tree instead (the entry trace,
    // which inlines nothing) recorded it again on every few calls: 1,477
    // traces for this program.
    let src = "class M:\n\
               \x20   def __init__(self, c):\n\
               \x20       self.c = c\n\
               \x20   def __lt__(self, o):\n\
               \x20       return self.c < o.c\n\
               def rest(it, best):\n\
               \x20   for x in it:\n\
               \x20       if x > best:\n\
               \x20           best = x\n\
               \x20   return best\n\
               xs = [M(i % 17) for i in range(30)]\n\
               b = 0\n\
               for r in range(3000):\n\
               \x20   g = (m for m in xs[r % 7:])\n\
               \x20   b += rest(g, next(g)).c\n\
               print(b)\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out.trim(), "48000", "{log}");
    let line = jit_line(&log);
    assert!(field(line, "traces") < 40, "{line}");
}

#[test]
fn comparison_dunders_inline() {
    // `m < lo` calls `Money.__lt__`, `m > hi` its reflected use (the class
    // has no `__gt__`), `m == k` `__eq__`, `m != k` `__eq__` negated (object's
    // `__ne__`): each inlined under the classes' guards, no residual
    // comparison left.
    let src = "class Money:\n\
               \x20   __slots__ = ('c',)\n\
               \x20   def __init__(self, c):\n\
               \x20       self.c = c\n\
               \x20   def __lt__(self, o):\n\
               \x20       return self.c < o.c\n\
               \x20   def __eq__(self, o):\n\
               \x20       return self.c == o.c\n\
               def run(n):\n\
               \x20   xs = [Money(i * 7919 % 1000) for i in range(50)]\n\
               \x20   lo, hi, same = xs[0], xs[0], 0\n\
               \x20   for i in range(n):\n\
               \x20       m = xs[i % 50]\n\
               \x20       if m < lo:\n\
               \x20           lo = m\n\
               \x20       if m > hi:\n\
               \x20           hi = m\n\
               \x20       if m == xs[(i * 3) % 50]:\n\
               \x20           same += 1\n\
               \x20       if m != xs[(i * 7) % 50]:\n\
               \x20           same += 2\n\
               \x20   return lo.c, hi.c, same\n\
               print(run(20000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out.trim(), "(0, 975, 39200)", "{log}");
    let line = jit_line(&log);
    let sites = text_field(line, "residual_sites");
    assert!(
        !sites.contains("Lt(")
            && !sites.contains("Gt(")
            && !sites.contains("Eq(")
            && !sites.contains("Ne("),
        "{line}"
    );
    assert!(in_traces(line) > 95.0, "{line}");
}

#[test]
fn raise_after_an_inlined_dunder_returned_resumes_the_caller_right() {
    // `h + "s"`: the inlined `__add__` returns NotImplemented and the
    // protocol raises TypeError in the caller. The recording ends with an
    // exit before the `+`; its undo point was taken with the caller's frame
    // but the callee's pc and stack, so the trace resumed the caller at the
    // callee's `return` (this printed 6000).
    let src = "class Half:\n\
               \x20   def __add__(self, o):\n\
               \x20       if isinstance(o, str):\n\
               \x20           return NotImplemented\n\
               \x20       return 1\n\
               h = Half()\n\
               n = 0\n\
               for i in range(60):\n\
               \x20   try:\n\
               \x20       if i % 7 == 3:\n\
               \x20           h + 's'\n\
               \x20       else:\n\
               \x20           n += h + i\n\
               \x20   except TypeError:\n\
               \x20       n += 100\n\
               print(n)\n";
    for args in [
        &["--trace-jit", "--jit-hotloop=1", "--jit-hotexit=1"][..],
        &["--trace-jit"][..],
    ] {
        let (out, log) = run_source(args, src);
        assert_eq!(out.trim(), "951", "{args:?}\n{log}");
    }
}

#[test]
fn short_generators_drained_by_builtins_run_inside_the_calling_trace() {
    // `set(g)`, `tuple(g)`, `list(g)` and `sum(g)` of a genexpr made in the loop record
    // the genexpr whole into the loop's trace (src/jit/drains.rs). Called
    // residually, each builtin entered the genexpr's own loop trace and left it
    // at the loop's end: two trace entries and exits per iteration, and a
    // residual call each.
    let src = "def main():\n\
               \x20   cols = range(8)\n\
               \x20   t = 0\n\
               \x20   for k in range(3000):\n\
               \x20       vec = (k % 8, 1, 2, 3, 4, 5, 6, k % 5)\n\
               \x20       s = set(vec[i] + i for i in cols)\n\
               \x20       u = tuple(x * 2 for x in vec)\n\
               \x20       l = list(x + 1 for x in u)\n\
               \x20       t += len(s) + u[7] + len(l) + sum(x * 3 for x in vec)\n\
               \x20   print(t)\n\
               main()\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out.trim(), "296100", "{log}");
    let line = jit_line(&log);
    assert!(
        !text_field(line, "residual_sites").contains("generator"),
        "{line}"
    );
    assert!(field(line, "entries") < 500, "{line}");
    assert_eq!(field(line, "generator_exits"), 0, "{line}");
}

#[test]
fn a_loop_runs_in_its_trace_up_to_what_has_no_recording() {
    // `eval` reads its caller's frame, so it is neither recorded nor a
    // residual call: the loop's trace runs the iteration up to it and leaves
    // there, the interpreter running the rest. Before, the recording aborted
    // there every time and the loop ran interpreted (`in_traces=0.0%`).
    let src = "def main():\n\
               \x20   t = 0\n\
               \x20   xs = [3, 1, 4, 1, 5, 9, 2, 6]\n\
               \x20   for i in range(3000):\n\
               \x20       a = xs[i % 8] * 2 + i\n\
               \x20       b = a % 7 + xs[(i + 3) % 8]\n\
               \x20       c = (a * b) % 1000\n\
               \x20       t += a + b + c\n\
               \x20       t += eval('i % 3')\n\
               \x20   print(t)\n\
               main()\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out.trim(), "6044638", "{log}");
    let line = jit_line(&log);
    assert_eq!(text_field(line, "abort_reasons"), "none", "{line}");
    assert!(in_traces(line) > 50.0, "{line}");
}

#[test]
fn what_still_aborts_is_the_documented_list() {
    // docs/trace-log.md's table of abort reasons, each met by a program that
    // runs right: an inner loop hot after its outer one, a return in the
    // recorded iteration, a module loop storing the global it reads, a
    // function too short to pay for a trace, a loop body past 400 bytecodes,
    // a genexpr drained past 16 items, one whose set items hash in Python, a
    // virtual reaching an op that does not know it (only with the recorder's
    // settling of virtuals off: no program in tests/programs or bench/ reaches
    // one with it on).
    // (`exception raised (recorded again)`: see
    // `a_bytecode_that_raises_while_recording_is_retried_then_ends_the_trace`.)
    let cases: &[(&str, &[&str], &str, &str)] = &[
        (
            "# inner loop without a trace yet: the outer loop is hot before its inner one\ndef f(n):\n    t = 0\n    for i in range(n):\n        t += i\n        if i % 50 == 49:\n            for j in range(3):\n                t += j\n    return t\nprint(f(20000))\n",
            &[],
            "199991200",
            "inner_loop_without_a_trace_yet",
        ),
        (
            "def find(xs, target):\n    for x in xs:\n        if x == target:\n            return x\n    return -1\nxs = list(range(200))\nprint(sum(find(xs, t) for t in [4, 150, 199] * 30))\n",
            &["--jit-hotloop=5"],
            "10590",
            "bytecode_Return",
        ),
        (
            "# global stored\ntotal = 0\nfor i in range(3000):\n    total = total + i\nprint(total)\n",
            &[],
            "4498500",
            "global_stored",
        ),
        (
            "# function too short for a trace of its own\ndef inc(x):\n    return x + 1\nt = 0\ndef main():\n    global t\n    s = 0\n    for i in range(5000):\n        s = inc(s) if i % 3 else inc(inc(s))\n    return s\nprint(main())\n",
            &[],
            "6667",
            "function_too_short",
        ),
        (
            "# trace too long: a loop body of more than 400 bytecodes\ndef main(n):\n    t = 0\n    for i in range(n):\n        t = (t + i * 0) % 1000003\n        t = (t + i * 1) % 1000003\n        t = (t + i * 2) % 1000003\n        t = (t + i * 3) % 1000003\n        t = (t + i * 4) % 1000003\n        t = (t + i * 5) % 1000003\n        t = (t + i * 6) % 1000003\n        t = (t + i * 7) % 1000003\n        t = (t + i * 8) % 1000003\n        t = (t + i * 9) % 1000003\n        t = (t + i * 10) % 1000003\n        t = (t + i * 11) % 1000003\n        t = (t + i * 12) % 1000003\n        t = (t + i * 13) % 1000003\n        t = (t + i * 14) % 1000003\n        t = (t + i * 15) % 1000003\n        t = (t + i * 16) % 1000003\n        t = (t + i * 17) % 1000003\n        t = (t + i * 18) % 1000003\n        t = (t + i * 19) % 1000003\n        t = (t + i * 20) % 1000003\n        t = (t + i * 21) % 1000003\n        t = (t + i * 22) % 1000003\n        t = (t + i * 23) % 1000003\n        t = (t + i * 24) % 1000003\n        t = (t + i * 25) % 1000003\n        t = (t + i * 26) % 1000003\n        t = (t + i * 27) % 1000003\n        t = (t + i * 28) % 1000003\n        t = (t + i * 29) % 1000003\n        t = (t + i * 30) % 1000003\n        t = (t + i * 31) % 1000003\n        t = (t + i * 32) % 1000003\n        t = (t + i * 33) % 1000003\n        t = (t + i * 34) % 1000003\n        t = (t + i * 35) % 1000003\n        t = (t + i * 36) % 1000003\n        t = (t + i * 37) % 1000003\n        t = (t + i * 38) % 1000003\n        t = (t + i * 39) % 1000003\n        t = (t + i * 40) % 1000003\n        t = (t + i * 41) % 1000003\n        t = (t + i * 42) % 1000003\n        t = (t + i * 43) % 1000003\n        t = (t + i * 44) % 1000003\n        t = (t + i * 45) % 1000003\n        t = (t + i * 46) % 1000003\n        t = (t + i * 47) % 1000003\n        t = (t + i * 48) % 1000003\n        t = (t + i * 49) % 1000003\n        t = (t + i * 50) % 1000003\n        t = (t + i * 51) % 1000003\n        t = (t + i * 52) % 1000003\n        t = (t + i * 53) % 1000003\n        t = (t + i * 54) % 1000003\n        t = (t + i * 55) % 1000003\n        t = (t + i * 56) % 1000003\n        t = (t + i * 57) % 1000003\n        t = (t + i * 58) % 1000003\n        t = (t + i * 59) % 1000003\n        t = (t + i * 60) % 1000003\n        t = (t + i * 61) % 1000003\n        t = (t + i * 62) % 1000003\n        t = (t + i * 63) % 1000003\n        t = (t + i * 64) % 1000003\n        t = (t + i * 65) % 1000003\n        t = (t + i * 66) % 1000003\n        t = (t + i * 67) % 1000003\n        t = (t + i * 68) % 1000003\n        t = (t + i * 69) % 1000003\n        t = (t + i * 70) % 1000003\n        t = (t + i * 71) % 1000003\n        t = (t + i * 72) % 1000003\n        t = (t + i * 73) % 1000003\n        t = (t + i * 74) % 1000003\n        t = (t + i * 75) % 1000003\n        t = (t + i * 76) % 1000003\n        t = (t + i * 77) % 1000003\n        t = (t + i * 78) % 1000003\n        t = (t + i * 79) % 1000003\n        t = (t + i * 80) % 1000003\n        t = (t + i * 81) % 1000003\n        t = (t + i * 82) % 1000003\n        t = (t + i * 83) % 1000003\n        t = (t + i * 84) % 1000003\n        t = (t + i * 85) % 1000003\n        t = (t + i * 86) % 1000003\n        t = (t + i * 87) % 1000003\n        t = (t + i * 88) % 1000003\n        t = (t + i * 89) % 1000003\n        t = (t + i * 90) % 1000003\n        t = (t + i * 91) % 1000003\n        t = (t + i * 92) % 1000003\n        t = (t + i * 93) % 1000003\n        t = (t + i * 94) % 1000003\n        t = (t + i * 95) % 1000003\n        t = (t + i * 96) % 1000003\n        t = (t + i * 97) % 1000003\n        t = (t + i * 98) % 1000003\n        t = (t + i * 99) % 1000003\n        t = (t + i * 100) % 1000003\n        t = (t + i * 101) % 1000003\n        t = (t + i * 102) % 1000003\n        t = (t + i * 103) % 1000003\n        t = (t + i * 104) % 1000003\n        t = (t + i * 105) % 1000003\n        t = (t + i * 106) % 1000003\n        t = (t + i * 107) % 1000003\n        t = (t + i * 108) % 1000003\n        t = (t + i * 109) % 1000003\n        t = (t + i * 110) % 1000003\n        t = (t + i * 111) % 1000003\n        t = (t + i * 112) % 1000003\n        t = (t + i * 113) % 1000003\n        t = (t + i * 114) % 1000003\n        t = (t + i * 115) % 1000003\n        t = (t + i * 116) % 1000003\n        t = (t + i * 117) % 1000003\n        t = (t + i * 118) % 1000003\n        t = (t + i * 119) % 1000003\n    return t\nprint(main(300))\n",
            &[],
            "228040",
            "trace_too_long",
        ),
        (
            "# generator drained inline ran long, and an item the drain's sink does not take\nclass K:\n    def __init__(self, v): self.v = v\n    def __hash__(self): return self.v % 3\n    def __eq__(self, o): return isinstance(o, K) and o.v % 3 == self.v % 3\nout = 0\nfor i in range(300):\n    out += len(tuple(x for x in range(40)))\n    out += len(set(K(x) for x in range(4)))\nprint(out)\n",
            &[],
            "12900",
            "generator_drained_inline_ran_long",
        ),
        (
            "# generator drained inline ran long, and an item the drain's sink does not take\nclass K:\n    def __init__(self, v): self.v = v\n    def __hash__(self): return self.v % 3\n    def __eq__(self, o): return isinstance(o, K) and o.v % 3 == self.v % 3\nout = 0\nfor i in range(300):\n    out += len(tuple(x for x in range(40)))\n    out += len(set(K(x) for x in range(4)))\nprint(out)\n",
            &[],
            "12900",
            "an_item_the_drain's_sink_does_not_take",
        ),
        (
            "# effect in a call inside an inlined generator: note() appends, so it stays a call\nlog = []\ndef note(x):\n    log.append(x)\n    return x\nt = 0\nfor i in range(3000):\n    t += sum(note(x) for x in range(3))\nprint(t, len(log))\n",
            &[],
            "9000 9000",
            "effect_in_a_call_inside_an_inlined_generator",
        ),
        (
            "# virtual instance escaped: with `-settle` a virtual reaches `kept.append`, which does not know it\nclass P:\n    def __init__(self, x):\n        self.x = x\ndef f(n):\n    kept = []\n    for i in range(n):\n        p = P(i)\n        kept.append(p)\n    return sum(q.x for q in kept)\nprint(f(3000))\n",
            &["--jit-opt=-settle"],
            "4498500",
            "virtual_instance_escaped_(recorded_again)",
        ),
    ];
    for (src, args, want, reason) in cases {
        let mut all = vec!["--trace-jit", "--jit-stats"];
        all.extend_from_slice(args);
        let (out, log) = run_source(&all, src);
        assert_eq!(out.trim(), *want, "{log}");
        let line = jit_line(&log);
        let reasons = text_field(line, "abort_reasons");
        assert!(
            reasons
                .split(',')
                .any(|r| r.split(':').next() == Some(reason)),
            "{reason} not in {line}"
        );
    }
}

#[test]
fn calls_with_keywords_are_inlined() {
    // `f(x, offset=1)`: the keywords are bound to the parameters by name at
    // recording time (the names are the bytecode's constant), the rest from
    // the defaults, and the callee inlined as a positional call is. They were
    // residual calls, each through the interpreter's argument binding.
    let src = "def scale(x, factor=3, offset=0):\n\
               \x20   return x * factor + offset\n\
               def main():\n\
               \x20   t = 0\n\
               \x20   for i in range(3000):\n\
               \x20       t += scale(i, offset=1) + scale(offset=2, x=i % 7)\n\
               \x20   print(t)\n\
               main()\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out.trim(), "13531482", "{log}");
    let line = jit_line(&log);
    assert!(
        !text_field(line, "residual_sites").contains("CallKw"),
        "{line}"
    );
    assert!(in_traces(line) > 95.0, "{line}");
}

#[test]
fn method_calls_with_keywords_are_inlined() {
    // `p.g(i, k=3)` loads a bound method, then calls it with keywords: the
    // bound method is made by a helper under the instance's guards (its
    // function a constant) and the call inlined with `self` bound first.
    // Both were residual calls (`LoadAttr(P.g)`, `CallKw(method)`), and
    // under half of the bytecodes ran in traces.
    let src = "class P:\n\
               \x20   def __init__(self, s):\n\
               \x20       self.s = s\n\
               \x20   def g(self, x, k=2):\n\
               \x20       return x * k + self.s\n\
               def main():\n\
               \x20   p = P(3)\n\
               \x20   t = 0\n\
               \x20   for i in range(3000):\n\
               \x20       t += p.g(i, k=3) + p.g(x=i)\n\
               \x20   print(t)\n\
               main()\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out.trim(), "22510500", "{log}");
    let line = jit_line(&log);
    assert_eq!(text_field(line, "residual_sites"), "none", "{line}");
    assert!(in_traces(line) > 95.0, "{line}");
}

#[test]
fn instances_that_do_not_escape_are_never_made() {
    // `(a + b) * 2.0` and `b.scaled(0.5)`: each operator's `Vec(...)` is a
    // virtual whose attributes are the refs `__init__` stored; `dot` reads
    // them, and no instance is allocated in the loop. An instance that
    // escapes (kept in a list) is made, with the same attributes. With
    // `-allocsink` every class call allocates.
    let src = "class Vec:\n\
               \x20   def __init__(self, x, y):\n\
               \x20       self.x = x\n\
               \x20       self.y = y\n\
               \x20   def __add__(self, o):\n\
               \x20       return Vec(self.x + o.x, self.y + o.y)\n\
               \x20   def __mul__(self, s):\n\
               \x20       return Vec(self.x * s, self.y * s)\n\
               \x20   def scaled(self, s):\n\
               \x20       return Vec(self.x * s, self.y * s)\n\
               \x20   def dot(self, o):\n\
               \x20       return self.x * o.x + self.y * o.y\n\
               def run(n, a, b):\n\
               \x20   t = 0.0\n\
               \x20   for i in range(n):\n\
               \x20       t += ((a + b) * 2.0).dot(b.scaled(0.5))\n\
               \x20   return t\n\
               def keep(n, a):\n\
               \x20   kept = []\n\
               \x20   for i in range(n):\n\
               \x20       kept.append(a + Vec(i, 1))\n\
               \x20   return kept[-1].x, kept[-1].y, len(set(map(id, kept)))\n\
               print(run(3000, Vec(1.0, 2.0), Vec(0.5, -0.25)))\n\
               print(keep(3000, Vec(1, 2)))\n";
    let expected = "937.5\n(3000, 3, 3000)";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats", "--trace-log"], src);
    assert_eq!(out.trim(), expected, "{log}");
    let optimized = first_optimized_ir(&log);
    let body = optimized.split(" loop ").nth(1).expect("a looping trace");
    assert!(
        !body.contains("calla") && !body.contains("callg") && !body.contains("callr"),
        "an allocation or call is left in the loop:\n{optimized}"
    );
    let line = jit_line(&log);
    assert!(field(line, "sunk") >= 4, "{line}");
    assert!(!line.contains("virtual_instance_escaped"), "{line}");
    let (out, log) = run_source(&["--trace-jit", "--trace-log", "--jit-opt=-allocsink"], src);
    assert_eq!(out.trim(), expected, "{log}");
    let body = first_optimized_ir(&log)
        .split(" loop ")
        .nth(1)
        .unwrap_or("");
    assert!(body.contains("calla"), "no allocation:\n{body}");
}

#[test]
fn loop_locals_holding_unmade_instances_are_written_only_by_exits() {
    // `p` and `q`, locals of the loop's own frame, hold instances the trace
    // never makes: no `SetSlot` stores them, each snapshot writes them where
    // the interpreter may read them. The branch keeping one on some
    // iterations grows a side trace that rebuilds them as its own unmade
    // objects and makes the one it keeps (live past the loop).
    let src = "class P:\n\
               \x20   def __init__(self, x, y):\n\
               \x20       self.x = x\n\
               \x20       self.y = y\n\
               \x20   def norm2(self):\n\
               \x20       return self.x * self.x + self.y * self.y\n\
               def run(n):\n\
               \x20   s = 0\n\
               \x20   last = None\n\
               \x20   for i in range(n):\n\
               \x20       p = P(i, i + 1)\n\
               \x20       q = P(p.y, p.x)\n\
               \x20       s = (s + p.norm2() + q.x) % 1000003\n\
               \x20       if i % 1000 == 0:\n\
               \x20           last = q\n\
               \x20   return s, last.x, last.y, type(last).__name__\n\
               print(run(30000))\n";
    let expected = "(23812, 29001, 29000, 'P')";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats", "--trace-log"], src);
    assert_eq!(out.trim(), expected, "{log}");
    let optimized = first_optimized_ir(&log);
    let body = optimized.split(" loop ").nth(1).expect("a looping trace");
    assert!(
        !body.contains("calla") && !body.contains("callg") && !body.contains("sslot"),
        "an allocation, call or slot store is left in the loop:\n{optimized}"
    );
    let line = jit_line(&log);
    assert_eq!(field(line, "side_traces"), 1, "{line}");
    assert!(field(line, "exits") < 40, "{line}");
    for args in [
        &["--trace-jit", "--jit-hotloop=1", "--jit-hotexit=1"][..],
        &["--trace-jit", "--jit-hotloop=1", "--jit-chaos=3:0.2"][..],
        &["--trace-jit", "--jit-opt=-sink"][..],
    ] {
        let (out, log) = run_source(args, src);
        assert_eq!(out.trim(), expected, "{args:?}\n{log}");
    }
}

#[test]
fn tuples_packed_and_unpacked_are_never_made() {
    // `q, r = divmod2(...)` of an inlined `return a // b, a % b`, a tuple kept
    // in a local and indexed by constants: virtual tuples, no allocation in
    // the loop; the one kept on some iterations is made by its side trace.
    let src = "def divmod2(a, b):\n\
               \x20   return a // b, a % b\n\
               def run(n):\n\
               \x20   s = 0\n\
               \x20   kept = []\n\
               \x20   for i in range(1, n):\n\
               \x20       q, r = divmod2(i * 7, 5)\n\
               \x20       t = (q, r, i)\n\
               \x20       s += t[0] - t[1] + t[-1]\n\
               \x20       if i % 1000 == 0:\n\
               \x20           kept.append(t)\n\
               \x20   return s, kept[-1]\n\
               print(run(5000))\n";
    let expected = "(29982000, (5600, 0, 4000))";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats", "--trace-log"], src);
    assert_eq!(out.trim(), expected, "{log}");
    let optimized = first_optimized_ir(&log);
    let body = optimized.split(" loop ").nth(1).expect("a looping trace");
    assert!(
        !body.contains("calla") && !body.contains("callg"),
        "an allocation or call is left in the loop:\n{optimized}"
    );
    let line = jit_line(&log);
    assert!(field(line, "sunk") >= 2, "{line}");
    let (out, log) = run_source(&["--trace-jit", "--trace-log", "--jit-opt=-allocsink"], src);
    assert_eq!(out.trim(), expected, "{log}");
    let body = first_optimized_ir(&log)
        .split(" loop ")
        .nth(1)
        .unwrap_or("");
    // (`(q, r, i)` parks its items and is made by a `callg`)
    assert!(body.contains("callg"), "no allocation:\n{body}");
}

#[test]
fn bound_methods_called_at_once_are_never_made() {
    // `f = a.add; f(i)`: the bound method is a virtual whose call inlines
    // `add` with `a` first; nothing is allocated in the loop. (Were `f` read
    // after the loop, each iteration would make it before the back edge: a
    // virtual is not carried from iteration to iteration.)
    let src = "class Acc:\n\
               \x20   def __init__(self):\n\
               \x20       self.t = 0\n\
               \x20   def add(self, k):\n\
               \x20       self.t = (self.t + k) % 1009\n\
               \x20       return self.t\n\
               def run(n):\n\
               \x20   a = Acc()\n\
               \x20   s = 0\n\
               \x20   same = None\n\
               \x20   for i in range(n):\n\
               \x20       f = a.add\n\
               \x20       s += f(i)\n\
               \x20       if i == n - 1:\n\
               \x20           same = f.__self__ is a\n\
               \x20   return s, same\n\
               print(run(3000))\n";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats", "--trace-log"], src);
    let expected = "(1486008, True)";
    assert_eq!(out.trim(), expected, "{log}");
    let optimized = first_optimized_ir(&log);
    let body = optimized.split(" loop ").nth(1).expect("a looping trace");
    assert!(
        !body.contains("calla") && !body.contains("callg") && !body.contains("callr"),
        "an allocation or call is left in the loop:\n{optimized}"
    );
}

#[test]
fn calls_with_star_args_are_inlined() {
    // `c.plot(i, 2, *col)`: the argument list (`BuildList`, `ListAppend`,
    // `ListExtend`, `ListToTuple`) and the bound method are virtuals, and
    // `CallEx` inlines `plot` with their items; `scale(*t[:2])` reads the
    // items of a real tuple under a guard on its length.
    let src = "class Canvas:\n\
               \x20   def __init__(self):\n\
               \x20       self.t = 0\n\
               \x20   def plot(self, x, y, r, g, b):\n\
               \x20       self.t = (self.t + x * r + y * g + b) % 100003\n\
               def scale(a, b, c=10):\n\
               \x20   return a * c + b\n\
               def colour(i):\n\
               \x20   return (i % 3, i % 5, 1)\n\
               def run(n):\n\
               \x20   c = Canvas()\n\
               \x20   s = 0\n\
               \x20   for i in range(n):\n\
               \x20       col = colour(i)\n\
               \x20       c.plot(i, 2, *col)\n\
               \x20       s += scale(*col[:2])\n\
               \x20   return c.t, s\n\
               print(run(3000))\n";
    let expected = "(15365, 36000)";
    let (out, log) = run_source(&["--trace-jit", "--jit-stats", "--trace-log"], src);
    assert_eq!(out.trim(), expected, "{log}");
    let line = jit_line(&log);
    assert_eq!(field(line, "residual_calls"), 0, "{line}");
    let optimized = first_optimized_ir(&log);
    let body = optimized.split(" loop ").nth(1).expect("a looping trace");
    assert!(
        !body.contains("calla") && !body.contains("callr"),
        "an allocation or residual call is left in the loop:\n{optimized}"
    );
    let (out, log) = run_source(&["--trace-jit", "--jit-stats", "--jit-opt=-allocsink"], src);
    assert_eq!(out.trim(), expected, "{log}");
    assert!(field(jit_line(&log), "residual_calls") > 0, "{log}");
}

#[test]
fn isinstance_of_an_unmade_instance_is_a_constant() {
    // `isinstance(o, V)` inside an inlined `__add__`, and of fresh
    // instances of a class and its subclass: the class of an instance the
    // trace has not made is known, so the answer is a constant and the
    // instance stays unmade (it was made for the helper before). Only the
    // `isinstance(2, V)` of the int operand is a helper call.
    let src = "class V:\n\
               \x20   def __init__(self, a):\n\
               \x20       self.a = a\n\
               \x20   def __add__(self, o):\n\
               \x20       return V(self.a + (o.a if isinstance(o, V) else o))\n\
               class W(V):\n\
               \x20   pass\n\
               def run(n):\n\
               \x20   acc = 0\n\
               \x20   kinds = 0\n\
               \x20   for i in range(n):\n\
               \x20       v = V(i) + V(1) + 2\n\
               \x20       acc += v.a\n\
               \x20       if isinstance(W(i), V) and not isinstance(V(i), W):\n\
               \x20           kinds += 1\n\
               \x20   return acc, kinds\n\
               print(run(3000))\n";
    let (out, log) = run_source(&["--trace-jit", "--trace-log"], src);
    assert_eq!(out.trim(), "(4507500, 3000)", "{log}");
    // (the loop's trace: `V.__add__` compiles a function-entry trace first)
    let optimized = log
        .split("IR after optimization")
        .skip(1)
        .map(|s| s.split("\n---- ").next().unwrap_or(""))
        .find(|ir| ir.contains(" loop "))
        .expect("a looping trace");
    let body = optimized.split(" loop ").nth(1).unwrap_or("");
    assert_eq!(
        body.matches("callg").count(),
        1,
        "more than the int's isinstance is called in the loop:\n{optimized}"
    );
    assert!(!body.contains("calla"), "{optimized}");
}

/// A residual call of a function with loops is looked at again once the
/// function's own entry trace has run to its return on a single path: the
/// calling tree is recorded again with the function inlined. A function whose
/// loop runs a data-dependent number of times stays a call.
#[test]
fn callees_whose_loops_run_one_way_are_inlined_once_their_trace_shows_it() {
    let (out, line) = stats("callees_with_fixed_loops.py", &["--trace-jit"]);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/jit");
    let want = std::fs::read_to_string(dir.join("callees_with_fixed_loops.out")).expect(".out");
    assert_eq!(out, want);
    let sites = text_field(&line, "residual_sites");
    // (`Call(fixed(),int,int):1053`: the count after the site's first `:`)
    let calls = |name: &str| -> u64 {
        sites
            .find(name)
            .and_then(|at| sites[at..].split(':').nth(1))
            .and_then(|n| n.split(',').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    // 6000 calls of each; `fixed` is inlined after 64 of them until its loop
    // starts running twice (the second run's last 1000 calls)
    assert!(calls("Call(fixed()") < 2000, "{line}");
    assert!(calls("Call(walk()") > 5000, "{line}");
    let (_, log) = run_source(
        &["--trace-jit", "--trace-log"],
        &std::fs::read_to_string(dir.join("callees_with_fixed_loops.py")).expect(".py"),
    );
    assert!(
        log.contains("dropped: a function it calls can be inlined now"),
        "{log}"
    );
}

#[test]
fn residual_calls_of_compiled_functions_enter_their_traces_directly() {
    // Node.length/total, digits, checked, depth and the closure have loops
    // that run a different number of times per call (or recurse), so the
    // loops calling them make residual calls; once their entry traces are
    // compiled those calls enter them directly (jit::compiled_calls).
    let (out, line) = stats("calls_of_compiled_functions.py", &["--trace-jit"]);
    let expected = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/programs/jit/calls_of_compiled_functions.out"),
    )
    .expect("expected output");
    assert_eq!(out, expected);
    let (residual, compiled) = (
        field(&line, "residual_calls"),
        field(&line, "compiled_calls"),
    );
    assert!(
        compiled * 10 >= residual * 9,
        "most residual calls should enter compiled callees: {line}"
    );
}

#[test]
fn calls_without_effects_inside_inlined_generators_are_inlined() {
    // `sum(l.double for l in ls)`: the genexpr is drained inside the loop's
    // trace, and the property's getter, which only reads, is inlined in it
    // (jit/pure_calls.rs); with `-purecalls` it is a residual call per item.
    let src = "class L:\n    def __init__(self, q):\n        self.q = q\n    @property\n    def double(self):\n        return self.q * 2\n\nls = [L(i) for i in range(5)]\nt = 0\nfor k in range(3000):\n    t += sum(l.double for l in ls)\nprint(t)\n";
    let (out, err) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out, "60000\n");
    let line = err.lines().find(|l| l.starts_with("jit:")).expect("stats");
    assert!(field(line, "residual_calls") < 500, "{line}");
    let (out, err) = run_source(&["--trace-jit", "--jit-stats", "--jit-opt=-purecalls"], src);
    assert_eq!(out, "60000\n");
    let line = err.lines().find(|l| l.starts_with("jit:")).expect("stats");
    assert!(field(line, "residual_calls") > 10000, "{line}");
}

#[test]
fn for_over_an_instance_whose_iter_is_a_generator_inlines_its_resumptions() {
    // `for x in t` with `Tree.__iter__` a generator function: the generator
    // is made by a helper (no residual GetIter), and its resumptions are
    // inlined; only each new generator's first resumption, which the trace
    // cannot inline (it starts the frame), is a residual call, taken by a
    // side trace. Before: a residual GetIter and ForIter per item.
    let src = "class Tree:\n    def __init__(self, items):\n        self.items = items\n    def __iter__(self):\n        for x in self.items:\n            yield x\n\ndef run(n):\n    t = Tree(list(range(10)))\n    total = 0\n    for i in range(n):\n        for c in t:\n            total += c\n    return total\n\nprint(run(3000))\n";
    let (out, err) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out, "135000\n");
    let line = err.lines().find(|l| l.starts_with("jit:")).expect("stats");
    assert!(!line.contains("GetIter("), "{line}");
    assert!(field(line, "residual_calls") < 4000, "{line}");
    // (the loop's first recording meets a generator just made: retried)
    assert!(
        text_field(line, "abort_reasons").contains("generator_not_started_yet_(recorded_again)"),
        "{line}"
    );
}

#[test]
fn len_in_and_iter_of_instances_inline_their_special_methods() {
    // `len(b)`, `x in b` and `for x in b` with `__len__`, `__contains__`
    // and `__iter__` plain functions: inlined (their results checked at
    // their `return` as len, `in` and iter do), where each was a residual
    // call running the method in the interpreter.
    let src = "class Bag:\n    def __init__(self, items):\n        self.items = items\n    def __len__(self):\n        return len(self.items)\n    def __contains__(self, x):\n        return x in self.items\n    def __iter__(self):\n        return iter(self.items)\n\ndef run(n):\n    b = Bag([1, 2, 3])\n    t = 0\n    for i in range(n):\n        t += len(b)\n        if i % 5 in b:\n            t += 1\n        if i not in b:\n            t += 2\n        for x in b:\n            t += x\n    return t\n\nprint(run(3000))\n";
    let (out, err) = run_source(&["--trace-jit", "--jit-stats"], src);
    assert_eq!(out, "34794\n");
    let line = err.lines().find(|l| l.starts_with("jit:")).expect("stats");
    assert!(field(line, "residual_calls") < 100, "{line}");
    assert!(in_traces(line) > 95.0, "{line}");
}
